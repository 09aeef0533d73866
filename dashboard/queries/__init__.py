"""The dashboard's one query layer: tidy frames from the pre-computed metric tables.

Pages and callbacks never see SQL or DuckDB; every public figure returned here has already
passed through `dashboard.disclosure.protect_metric_values`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dashboard.disclosure import protect_metric_values, withhold_status
from dashboard.queries.warehouse import Warehouse, WarehouseMissing, WarehouseUnreadable

__all__ = [
    "WarehouseMissing",
    "WarehouseUnreadable",
    "configure",
    "period_slug",
    "period_from_slug",
]

_warehouse: Warehouse | None = None


def configure(db_path: Path) -> None:
    """Point the query layer at a warehouse file (it need not exist yet)."""
    global _warehouse
    if _warehouse is not None:
        _warehouse.close()
    _warehouse = Warehouse(db_path)


def warehouse() -> Warehouse:
    """The configured warehouse, for the per-theme query modules in this package."""
    if _warehouse is None:
        raise WarehouseMissing("the query layer has not been configured")
    return _warehouse


_wh = warehouse


# Periods travel in URLs as slugs: "2024/25" <-> "2024-25", "2024/25 Q1" <-> "2024-25-q1".
def period_slug(label: str) -> str:
    return label.replace("/", "-").replace(" Q", "-q")


def period_from_slug(slug: str | None) -> str | None:
    if not slug:
        return None
    return slug.replace("-q", " Q").replace("-", "/", 1)


def data_as_of() -> dict | None:
    frame = _wh().query("data_as_of")
    return None if frame.empty else frame.iloc[0].to_dict()


def catalogue() -> pd.DataFrame:
    return _wh().query("catalogue")


def metric_entry(metric_id: str) -> dict | None:
    frame = catalogue()
    match = frame[frame["metric_id"] == metric_id]
    return None if match.empty else match.iloc[0].to_dict()


def periods() -> pd.DataFrame:
    return _wh().query("periods")


def latest_period(period_type: str = "fy") -> str | None:
    frame = periods()
    frame = frame[frame["period_type"] == period_type]
    return None if frame.empty else str(frame.iloc[0]["period_label"])


def areas() -> pd.DataFrame:
    return _wh().query("areas")


def area_entry(area_slug: str) -> dict | None:
    frame = areas()
    match = frame[frame["area_slug"] == area_slug]
    return None if match.empty else match.iloc[0].to_dict()


def status_for_area(period_label: str, area_slug: str) -> pd.DataFrame:
    """Every metric's value, target, RAG and direction in one area and period.

    Protected as part of every area (a cluster's figure is a part of the borough's, so the
    single-area view must hide what the all-areas view hides), and the direction of travel is
    withheld where last period's figure was suppressed in its own period."""
    frame = _wh().query("status_for_area", period=period_label, area=area_slug)
    everywhere = status_all_areas(period_label)
    here = everywhere[everywhere["area_slug"] == area_slug].set_index("metric_id")
    hidden = here["suppressed"].astype(bool)
    out = withhold_status(frame.assign(suppressed=False), frame["metric_id"].map(hidden))
    blank = out["metric_id"].map(here["denominator"].isna()).fillna(False).astype(bool)
    out["denominator"] = out["denominator"].where(~blank)
    previous = out["previous_period_label"].dropna().unique()
    for label in previous:
        before = _hidden_in(str(label), area_slug)
        was_hidden = out["metric_id"].map(before).fillna(False).astype(bool)
        was_hidden &= out["previous_period_label"].eq(label)
        out["previous_value"] = out["previous_value"].where(~was_hidden)
        out["direction"] = out["direction"].where(~was_hidden, "suppressed")
    return out


def _hidden_in(period_label: str, area_slug: str) -> pd.Series:
    """metric_id -> suppressed, for one area as the all-areas table of the period hides it."""
    everywhere = status_all_areas(period_label)
    here = everywhere[everywhere["area_slug"] == area_slug]
    return here.set_index("metric_id")["suppressed"].astype(bool)


def status_all_areas(period_label: str) -> pd.DataFrame:
    """Every metric in every area for one period, protected as a borough-with-parts table."""
    frame = protect_metric_values(_wh().query("status_all_areas", period=period_label))
    return _as_theme_tables_hide(frame)


def metric_history(metric_id: str, period_type: str) -> pd.DataFrame:
    """One metric over time for every area (trends, sparklines, the metric page table)."""
    frame = _wh().query("metric_history", metric=metric_id, period_type=period_type)
    return _as_theme_tables_hide(protect_metric_values(frame))


# Metrics whose counts a theme page also publishes, protected there against more sums than
# the borough-with-clusters rule knows (requests = fulfilled + never fulfilled = each
# breakdown): metric -> the TCCA areas flags that hide its value, and those that hide its
# denominator alone (a median's value does not give its count away).
TCCA_VALUE_FLAGS = {
    "emp_tcca_requests_per_1000": ("n_requests_suppressed",),
    "emp_tcca_fulfilled_48h_share": ("n_requests_suppressed", "n_within_48h_suppressed"),
    "emp_tcca_median_hours_to_fulfil": ("times_suppressed",),
    "emp_active_volunteers_per_1000": ("n_volunteers_active_suppressed",),
}
TCCA_DENOMINATOR_FLAGS = {"emp_tcca_median_hours_to_fulfil": ("n_fulfilled_suppressed",)}


def _as_theme_tables_hide(frame: pd.DataFrame) -> pd.DataFrame:
    """Hide in the metric tables whatever the TCCA tables hide, so the metric page (which
    publishes numerators and denominators) cannot give back a figure the Empowerment page
    suppressed."""
    mine = frame["metric_id"].isin(TCCA_VALUE_FLAGS.keys() | TCCA_DENOMINATOR_FLAGS.keys())
    if not mine.any():
        return frame
    from dashboard.queries import empowerment  # the theme module imports this package

    flags = pd.concat(
        [empowerment.tcca_areas(p) for p in frame.loc[mine, "period_label"].unique()],
        ignore_index=True,
    ).set_index(["period_label", "area_slug"])
    keys = pd.MultiIndex.from_frame(frame[["period_label", "area_slug"]])
    hide = pd.Series(False, index=frame.index)
    out = frame.copy()
    for metric, cols in TCCA_VALUE_FLAGS.items():
        rows = frame["metric_id"].eq(metric)
        hidden = flags[list(cols)].any(axis=1).reindex(keys).fillna(False).to_numpy(dtype=bool)
        hide |= rows & hidden
    for metric, cols in TCCA_DENOMINATOR_FLAGS.items():
        rows = frame["metric_id"].eq(metric)
        hidden = flags[list(cols)].any(axis=1).reindex(keys).fillna(False).to_numpy(dtype=bool)
        out["denominator"] = out["denominator"].where(~(rows & hidden))
    return withhold_status(out, hide | out["suppressed"])


def theme_summary(period_label: str, area_slug: str) -> pd.DataFrame:
    """Counts of metrics on track / at risk / off track / not rated per theme."""
    status = status_for_area(period_label, area_slug)
    rated = status.assign(rag=status["rag"].where(~status["suppressed"], "not_rated"))
    rags = ["on_track", "at_risk", "off_track", "not_rated"]
    counts = rated.pivot_table(
        index="theme", columns="rag", values="metric_id", aggfunc="count", fill_value=0
    )
    themes = ["Engagement", "Empowerment", "Equality"]
    counts = counts.reindex(index=themes, columns=rags, fill_value=0)
    counts.columns.name = None
    return counts.rename_axis("theme").reset_index()


def ward_geojson() -> dict:
    frame = _wh().query("geojson", layer="wards_2004_2024")
    return json.loads(frame.iloc[0]["geojson"])


def cluster_geojson() -> dict:
    """The clusters in force now, dissolved from the ward boundaries at build time."""
    frame = _wh().query("geojson", layer="clusters")
    return json.loads(frame.iloc[0]["geojson"])


def ward_clusters() -> pd.DataFrame:
    return _wh().query("ward_clusters")


def hubs() -> pd.DataFrame:
    return _wh().query("hubs")
