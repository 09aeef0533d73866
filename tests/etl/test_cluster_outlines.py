"""Cluster outlines dissolved from ward boundaries: hand-drawn squares, then the real wards."""

import json

import pytest

from etl.cluster_outlines import _signed_area, dissolve_wards
from etl.errors import EtlError
from etl.reference import REFERENCE_DIR


def _ward(code: str, *rings: list[list[float]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"ward_code": code},
        "geometry": {"type": "Polygon", "coordinates": [list(r) for r in rings]},
    }


def _square(x: float, y: float, size: float = 1) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def _layer(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def _area(feature: dict) -> float:
    return sum(
        _signed_area([tuple(p) for p in polygon[0]])
        - sum(abs(_signed_area([tuple(p) for p in hole])) for hole in polygon[1:])
        for polygon in feature["geometry"]["coordinates"]
    )


def test_two_wards_sharing_an_edge_become_one_rectangle():
    wards = _layer(
        _ward("W1", _square(0, 0)), _ward("W2", _square(1, 0)), _ward("W3", _square(5, 5))
    )
    out = dissolve_wards(wards, {"W1": "a", "W2": "a", "W3": "b"})
    by_slug = {f["properties"]["cluster_slug"]: f for f in out["features"]}
    assert sorted(by_slug) == ["a", "b"]
    (polygon,) = by_slug["a"]["geometry"]["coordinates"]
    assert len(polygon) == 1  # one ring, no hole
    ring = polygon[0]
    assert ring[0] == ring[-1]
    # the shared edge (1,0)-(1,1) is gone; its end points stay on the outline
    assert sorted(map(tuple, ring[:-1])) == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    assert _area(by_slug["a"]) == pytest.approx(2.0)
    assert _area(by_slug["b"]) == pytest.approx(1.0)


def test_a_ward_surrounded_by_another_cluster_leaves_a_hole():
    outer = _ward("RING", _square(0, 0, 3), _square(1, 1)[::-1])
    inner = _ward("CORE", _square(1, 1))
    out = dissolve_wards(_layer(outer, inner), {"RING": "a", "CORE": "b"})
    ring_cluster = next(f for f in out["features"] if f["properties"]["cluster_slug"] == "a")
    (polygon,) = ring_cluster["geometry"]["coordinates"]
    assert len(polygon) == 2  # the outer square and the hole where CORE sits
    assert _area(ring_cluster) == pytest.approx(8.0)
    # and when both wards are one cluster, the hole fills in
    merged = dissolve_wards(_layer(outer, inner), {"RING": "a", "CORE": "a"})
    assert len(merged["features"][0]["geometry"]["coordinates"][0]) == 1
    assert _area(merged["features"][0]) == pytest.approx(9.0)


def test_a_ward_missing_from_the_mapping_is_a_clear_error():
    with pytest.raises(EtlError, match="ward W2 .* has no cluster"):
        dissolve_wards(_layer(_ward("W1", _square(0, 0)), _ward("W2", _square(1, 0))), {"W1": "a"})


def test_the_real_wards_dissolve_into_the_nine_clusters_with_no_area_lost():
    wards = json.loads((REFERENCE_DIR / "thurrock_wards_2004_2024.geojson").read_text())
    import csv

    with (REFERENCE_DIR / "ward_cluster_map.csv").open() as fh:
        mapping = {
            r["ward_code"]: r["cluster_slug"] for r in csv.DictReader(fh) if not r["valid_to"]
        }
    out = dissolve_wards(wards, mapping)
    assert len(out["features"]) == 9
    ward_area: dict[str, float] = {}
    for f in wards["features"]:
        polys = f["geometry"]["coordinates"]
        polys = polys if f["geometry"]["type"] == "MultiPolygon" else [polys]
        area = sum(abs(_signed_area([tuple(p) for p in poly[0]])) for poly in polys)
        slug = mapping[f["properties"]["ward_code"]]
        ward_area[slug] = ward_area.get(slug, 0) + area
    for f in out["features"]:
        assert _area(f) == pytest.approx(ward_area[f["properties"]["cluster_slug"]], rel=1e-9)
