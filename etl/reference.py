"""Reference data (wards, clusters, Census 2021, IMD 2019, hubs, commitments, boundaries)
copied into the warehouse as `ref_*` tables, so the dashboard needs nothing but the warehouse."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import duckdb
import pandas as pd

from etl.cluster_outlines import dissolve_wards
from etl.errors import EtlError

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"
CATALOGUE_FILE = Path(__file__).resolve().parent / "metrics.toml"

CSV_TABLES = {
    "ref_wards": "thurrock_wards_2004_2024.csv",
    "ref_ward_cluster_map": "ward_cluster_map.csv",
    "ref_clusters": "thurrock_clusters.csv",
    "ref_census2021_age_by_cluster": "thurrock_census2021_age_by_cluster.csv",
    "ref_census2021_age_by_ward": "thurrock_census2021_age_by_ward.csv",
    "ref_census2021_profile": "thurrock_census2021_profile.csv",
    "ref_census2021_profile_16plus": "thurrock_census2021_profile_16plus.csv",
    "ref_imd2019_by_cluster": "thurrock_imd2019_by_cluster.csv",
    "ref_imd2019_by_ward": "thurrock_imd2019_by_ward.csv",
    "ref_lsoa11_imd2019": "thurrock_lsoa11_imd2019.csv",
    "ref_libraries": "thurrock_libraries_hubs.csv",
    "ref_hubs": "community_hubs.csv",
    "ref_commitments": "framework_commitments.csv",
}
GEO_LAYERS = {
    "wards_2004_2024": "thurrock_wards_2004_2024.geojson",
    "lsoa11": "thurrock_lsoa11.geojson",
}
CATALOGUE_COLUMNS = [
    "metric_id",
    "title",
    "short_title",
    "theme",
    "objective",
    "definition",
    "unit",
    "decimals",
    "polarity",
    "target",
    "amber_tolerance",
    "rag_period_types",
    "areas",
    "counts_people",
    "source",
    "comparator",
    "sort_order",
]


def load_catalogue(path: Path = CATALOGUE_FILE) -> pd.DataFrame:
    """The metric catalogue as a frame, one row per metric, in catalogue order."""
    with path.open("rb") as fh:
        metrics = tomllib.load(fh)["metrics"]
    rows = []
    for order, m in enumerate(metrics):
        rows.append(
            {
                "metric_id": m["id"],
                "title": m["title"],
                "short_title": m.get("short_title", m["title"]),
                "theme": m["theme"],
                "objective": m.get("objective"),
                "definition": m["definition"],
                "unit": m["unit"],
                "decimals": m.get("decimals", 1),
                "polarity": m["polarity"],
                "target": m.get("target"),
                "amber_tolerance": m.get("amber_tolerance", 0.1),
                "rag_period_types": ",".join(m.get("rag_period_types", ["fy", "quarter"])),
                "areas": m.get("areas", "clusters_and_borough"),
                "counts_people": m.get("counts_people", False),
                "source": m["source"],
                "comparator": m.get("comparator"),
                "sort_order": order,
            }
        )
    return pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)


def _cluster_outlines(con: duckdb.DuckDBPyConnection, wards_layer: dict) -> dict:
    """The current clusters, dissolved from the 2004-2024 wards by the mapping in force now."""
    current = con.execute(
        "select ward_code, cluster_slug from ref_ward_cluster_map "
        "where coalesce(cast(valid_to as varchar), '') = ''"
    ).fetchall()
    return dissolve_wards(json.loads(wards_layer["geojson"]), dict(current))


def load_reference(con: duckdb.DuckDBPyConnection, reference_dir: Path = REFERENCE_DIR) -> None:
    """Create every ref_* table from the files in data/reference."""
    for table, name in CSV_TABLES.items():
        path = reference_dir / name
        if not path.is_file():
            raise EtlError(f"reference file missing: {path}")
        con.execute(
            f"create table {table} as select * from read_csv(?, header = true, sample_size = -1)",
            [str(path)],
        )
    con.execute(
        "create table ref_areas as "
        "select 'borough' as area_slug, 'Thurrock (whole borough)' as area_name, "
        "'borough' as area_type, 0 as sort_order "
        "union all select cluster_slug, cluster, 'cluster', "
        "row_number() over (order by cluster) from ref_clusters"
    )
    geo = []
    for layer, name in GEO_LAYERS.items():
        text = (reference_dir / name).read_text(encoding="utf-8")
        json.loads(text)  # fail here, not in the browser, if a boundary file is corrupt
        geo.append({"layer": layer, "geojson": text})
    geo.append({"layer": "clusters", "geojson": json.dumps(_cluster_outlines(con, geo[0]))})
    geo_frame = pd.DataFrame(geo)
    con.register("_geo", geo_frame)
    con.execute("create table ref_geo as select * from _geo")
    con.unregister("_geo")
    catalogue = load_catalogue()
    con.register("_catalogue", catalogue)
    con.execute("create table ref_metric_catalogue as select * from _catalogue")
    con.unregister("_catalogue")
