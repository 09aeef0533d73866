"""Cluster boundaries dissolved from the ward boundaries, at build time.

Clusters are groups of wards, and the grouping is dated data (new wards arrive with the 2026
elections), so the cluster outlines are derived from the ward layer and the current mapping on
every build rather than stored as a second boundary file that could drift from the mapping.
The ward layer is topologically clean (neighbouring wards share exactly the same vertices), so a
dissolve is an edge count: an edge two wards of one cluster share is internal and disappears;
the edges left over chain into the cluster's rings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise

from etl.errors import EtlError

Point = tuple[float, float]
Edge = frozenset[Point]


def _rings(geometry: dict) -> list[list[Point]]:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    return [[(p[0], p[1]) for p in ring] for polygon in polygons for ring in polygon]


def _signed_area(ring: list[Point]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def _inside(point: Point, ring: list[Point]) -> bool:
    """Ray casting: is the point strictly inside the ring?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _chain(edges: list[tuple[Point, Point]], cluster: str) -> list[list[Point]]:
    """Join loose edges into closed rings."""
    neighbours: dict[Point, list[Point]] = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    unused: Counter[Edge] = Counter(frozenset(e) for e in edges)
    rings = []
    for a, b in edges:
        if not unused[frozenset((a, b))]:
            continue
        unused[frozenset((a, b))] -= 1
        ring = [a, b]
        while ring[-1] != ring[0]:
            here = ring[-1]
            step = next((p for p in neighbours[here] if unused[frozenset((here, p))]), None)
            if step is None:
                raise EtlError(
                    f"ward boundaries of cluster {cluster!r} do not close into an outline: "
                    "the ward layer must share vertices along common borders"
                )
            unused[frozenset((here, step))] -= 1
            ring.append(step)
        rings.append(ring)
    return rings


def _polygons(rings: list[list[Point]]) -> list[list[list[list[float]]]]:
    """GeoJSON MultiPolygon coordinates: outer rings anticlockwise, holes clockwise inside them."""
    by_size = sorted(rings, key=lambda r: abs(_signed_area(r)), reverse=True)
    outers: list[list[Point]] = []
    holes: dict[int, list[list[Point]]] = defaultdict(list)
    for ring in by_size:
        host = next((i for i, o in enumerate(outers) if _inside(ring[0], o)), None)
        if host is None:
            outers.append(ring if _signed_area(ring) > 0 else ring[::-1])
        else:
            holes[host].append(ring if _signed_area(ring) < 0 else ring[::-1])
    return [
        [[list(p) for p in ring] for ring in [outer, *holes[i]]] for i, outer in enumerate(outers)
    ]


def dissolve_wards(wards: dict, cluster_of: dict[str, str], key: str = "ward_code") -> dict:
    """A FeatureCollection with one MultiPolygon per cluster, `properties.cluster_slug` its id."""
    edges: dict[str, Counter[Edge]] = defaultdict(Counter)
    for feature in wards["features"]:
        code = feature["properties"][key]
        if code not in cluster_of:
            raise EtlError(f"ward {code} in the boundary file has no cluster in the mapping")
        for ring in _rings(feature["geometry"]):
            for a, b in pairwise(ring):
                if a != b:
                    edges[cluster_of[code]][frozenset((a, b))] += 1
    features = []
    for cluster in sorted(edges):
        outline = [tuple(e) for e, n in edges[cluster].items() if n == 1]
        features.append(
            {
                "type": "Feature",
                "properties": {"cluster_slug": cluster},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": _polygons(_chain(outline, cluster)),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
