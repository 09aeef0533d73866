"""Chart builders: what a reader hovering or reading the map is told."""

from __future__ import annotations

import pandas as pd

from dashboard import figures


def _square(slug: str, x: float) -> dict:
    ring = [[x, 0.0], [x + 1, 0.0], [x + 1, 1.0], [x, 1.0], [x, 0.0]]
    return {
        "type": "Feature",
        "properties": {"cluster_slug": slug},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    }


OUTLINES = {"type": "FeatureCollection", "features": [_square(s, i) for i, s in enumerate("abc")]}


def test_map_keys_clusters_by_slug_and_marks_suppressed_apart_from_missing():
    values = pd.DataFrame(
        {
            "area_slug": ["a", "b", "borough"],
            "area_name": ["Alpha", "Beta", "Thurrock"],
            "value": [12.34, float("nan"), 9.0],
        }
    )
    trace = figures.cluster_map(OUTLINES, values, "Reach", "per 1,000", "Select me").data[0]
    assert list(trace.locations) == ["a", "b", "c"]  # the borough row draws no shape
    assert [list(row) for row in trace.customdata] == [
        ["a", "Alpha", "12.3 per 1,000"],
        ["b", "Beta", "[c] (suppressed)"],
        ["c", "c", "no figure"],
    ]
    assert "Select me" in trace.hovertemplate


def test_ranked_bar_says_c_for_a_suppressed_cluster_and_draws_the_borough_line():
    values = pd.DataFrame(
        {
            "area_slug": ["a", "b", "borough"],
            "area_name": ["Alpha", "Beta", "Thurrock"],
            "value": [4.0, float("nan"), 3.5],
        }
    )
    fig = figures.bar_by_area(values, "Reach", "per 1,000", focus="a")
    assert list(fig.data[0].customdata) == ["[c] (suppressed)", "4.0 per 1,000"]
    assert fig.layout.shapes[0].x0 == 3.5
