"""The real reference data the demo borough is built on: wards, clusters, Census 2021
populations and age bands, IMD 2019 deprivation, hubs and the 29 commitments."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.reference import REFERENCE_DIR


@dataclass(frozen=True)
class Borough:
    wards: pd.DataFrame  # ward_code, cluster_slug, population, lat, lon, deprived, age shares
    hubs: pd.DataFrame
    commitments: pd.DataFrame
    clusters: pd.DataFrame  # cluster_slug, deprived share

    def ward_weights(self, extra: np.ndarray | None = None) -> np.ndarray:
        weights = self.wards["population"].to_numpy(dtype=float)
        if extra is not None:
            weights = weights * extra
        return weights / weights.sum()


def load_borough() -> Borough:
    ref = REFERENCE_DIR
    mapping = pd.read_csv(ref / "ward_cluster_map.csv")
    wards = pd.read_csv(ref / "thurrock_wards_2004_2024.csv")[
        ["ward_code", "centroid_lat", "centroid_lon"]
    ]
    census = pd.read_csv(ref / "thurrock_census2021_age_by_ward.csv")
    imd = pd.read_csv(ref / "thurrock_imd2019_by_ward.csv")[
        ["ward_code", "share_pop_in_imd_decile_1_2"]
    ]
    frame = (
        mapping[["ward_code", "cluster_slug"]]
        .merge(wards, on="ward_code")
        .merge(census.drop(columns=["ward_name", "cluster"]), on="ward_code")
        .merge(imd, on="ward_code")
        .rename(
            columns={
                "centroid_lat": "lat",
                "centroid_lon": "lon",
                "total": "population",
                "share_pop_in_imd_decile_1_2": "deprived",
            }
        )
        .sort_values("ward_code")
        .reset_index(drop=True)
    )
    frame["older_share"] = frame["age_65_plus"] / frame["population"]
    clusters = (
        frame.groupby("cluster_slug")
        .apply(lambda g: np.average(g["deprived"], weights=g["population"]), include_groups=False)
        .rename("deprived")
        .reset_index()
    )
    return Borough(
        wards=frame,
        hubs=pd.read_csv(ref / "community_hubs.csv"),
        commitments=pd.read_csv(ref / "framework_commitments.csv"),
        clusters=clusters,
    )
