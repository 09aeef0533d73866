"""Empowerment page queries: hub and TCCA marts, shaped and disclosure-controlled for display.

Counts of people pass through `dashboard.disclosure.protect_counts` here, so the page, its
charts, hover text and tables only ever see protected figures: TCCA requests (each from a
resident), requests fulfilled or not, and TCCA volunteers. Hub attendances, events, advice
sessions and digital-inclusion help are counts of visits and contacts (one resident can come
many times), not of people, and volunteer hours are hours: they are shown as they are.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.disclosure import is_small, protect_counts
from dashboard.queries import areas, warehouse

PERCENTILE_METHOD = (
    "Median and 90th percentile are DuckDB quantile_cont: linear interpolation between the two "
    "closest ranks (the p-th percentile of n sorted times sits at position p x (n - 1))."
)
NEED_LABELS = {
    "shopping": "Shopping",
    "prescription": "Prescriptions",
    "food_parcel": "Food parcels",
    "befriending": "Befriending",
    "other": "Other",
}
SOURCE_LABELS = {
    "self": "Self-referral",
    "family_or_friend": "Family or friend",
    "gp_or_nhs": "GP or NHS",
    "council": "Council",
    "voluntary_sector": "Voluntary sector",
    "shielding_list": "Shielding list",
    "other": "Other",
}
OUTCOME_LABELS = {
    "fulfilled": "Fulfilled",
    "referred_on": "Referred on",
    "no_longer_needed": "No longer needed",
    "unable_to_contact": "Unable to contact",
    "open": "Still open",
}
CATEGORY_LABELS = {"need": NEED_LABELS, "referral_source": SOURCE_LABELS, "outcome": OUTCOME_LABELS}
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _by_area(
    frame: pd.DataFrame,
    count: str,
    derived: tuple[str, ...] = (),
    hidden: pd.Series | None = None,
) -> pd.DataFrame:
    """One count of people: the borough is the published total of its clusters.

    `hidden` marks rows already hidden for another reason (the requests a count is part of),
    so secondary suppression also covers them and nothing can be recovered by subtraction.
    """
    start = frame if hidden is None else frame.assign(suppressed=hidden)
    out = protect_counts(
        start,
        count,
        derived_cols=derived,
        group_cols=("period_label",),
        part_col="area_slug",
        total_key="borough",
    )
    return out.rename(columns={"suppressed": f"{count}_suppressed"})


def _protect_tcca(frame: pd.DataFrame) -> pd.DataFrame:
    """Requests, their outcomes and volunteers, each protected as a borough-with-clusters table.

    Counts that are parts of an area's requests (fulfilled, never fulfilled, within 24/48
    hours) are hidden wherever the requests are. A share goes if its count or base is hidden.
    Percentiles describe individual people's waits when few were fulfilled, so they are hidden
    when 1 to 4 requests were fulfilled (they do not reveal a count, so no secondary rule).
    """
    raw_fulfilled = frame["n_fulfilled"].copy()
    out = _by_area(frame, "n_requests", ("requests_per_1000_a_year",))
    base_hidden = out["n_requests_suppressed"]
    for col in ("n_fulfilled", "n_not_fulfilled", "n_within_24h", "n_within_48h"):
        out = _by_area(out, col, hidden=base_hidden)
    for window in ("24h", "48h"):
        out[f"share_within_{window}"] = out[f"share_within_{window}"].where(
            ~out[f"n_within_{window}_suppressed"]
        )
    out["times_suppressed"] = is_small(raw_fulfilled)
    for col in ("p50_hours_to_fulfil", "p90_hours_to_fulfil"):
        out[col] = out[col].where(~out["times_suppressed"])
    out = _by_area(out, "n_volunteers_registered", ("volunteers_registered_per_1000",))
    out = _by_area(out, "n_volunteers_active", ("volunteers_active_per_1000",))
    for col in ("n_registered_outside", "n_active_outside", "n_volunteers_serving"):
        small = is_small(out[col].fillna(0))
        out[f"{col}_suppressed"] = small
        out[col] = out[col].where(~small)
    out["ratio_suppressed"] = base_hidden | out["n_volunteers_serving_suppressed"]
    out["requests_per_serving_volunteer"] = out["requests_per_serving_volunteer"].where(
        ~out["ratio_suppressed"]
    )
    return out


def tcca_areas(period_label: str) -> pd.DataFrame:
    """Every area's TCCA figures in one period, protected."""
    return _protect_tcca(warehouse().query("empowerment_tcca_areas", period=period_label))


def tcca_trend(period_type: str) -> pd.DataFrame:
    """Requests per 1,000 a year in every area and period of one type, protected per period."""
    frame = warehouse().query("empowerment_tcca_trend", period_type=period_type)
    return _by_area(frame, "n_requests", ("requests_per_1000_a_year",))


def _protect_breakdown(frame: pd.DataFrame, area_slug: str) -> pd.DataFrame:
    """Across areas each category's borough count is the total of its clusters'; within the
    chosen area each breakdown's categories add up to its (published) requests. The second
    step only needs the chosen area, so it runs on that area alone (fast on long histories)."""
    out = protect_counts(
        frame,
        "n_requests",
        group_cols=("period_label", "breakdown", "category"),
        part_col="area_slug",
        total_key="borough",
    )
    out = out[out["area_slug"] == area_slug]
    return protect_counts(out, "n_requests", group_cols=("period_label", "breakdown"))


def _label(frame: pd.DataFrame) -> pd.DataFrame:
    labels = [
        CATEGORY_LABELS[b][c] for b, c in zip(frame["breakdown"], frame["category"], strict=True)
    ]
    return frame.assign(category_label=labels).reset_index(drop=True)


def tcca_breakdown(
    period_label: str, area_slug: str, areas: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Requests by need, referral source and outcome in one area and period, protected.

    If the area's own request count is hidden, every category is hidden with it. `areas` is
    `tcca_areas(period_label)` when the caller already has it.
    """
    frame = warehouse().query(
        "empowerment_tcca_breakdown", period=period_label, breakdowns="need,referral_source,outcome"
    )
    out = _protect_breakdown(frame, area_slug)
    areas = tcca_areas(period_label) if areas is None else areas
    hidden = bool(areas.loc[areas["area_slug"] == area_slug, "n_requests_suppressed"].any())
    if hidden:
        out = out.assign(suppressed=True, n_requests=float("nan"))
    return _label(out)


def tcca_category_trend(area_slug: str, breakdown: str = "need") -> pd.DataFrame:
    """Requests by need or by referral source in every quarter for one area, protected quarter
    by quarter."""
    if breakdown not in CATEGORY_LABELS:
        raise ValueError(f"unknown TCCA breakdown {breakdown!r}")
    frame = warehouse().query(
        "empowerment_tcca_breakdown", period="all quarters", breakdowns=breakdown
    )
    return _label(_protect_breakdown(frame, area_slug))


def hub_areas(period_label: str) -> pd.DataFrame:
    """Hub activity in every area (visits and contacts, not people: no suppression needed)."""
    return warehouse().query("empowerment_hub_areas", period=period_label)


def hub_periods(period_label: str, area_slug: str) -> pd.DataFrame:
    """Each hub in the area (all hubs for the borough) with its activity in the period."""
    frame = warehouse().query("empowerment_hub_periods", period=period_label)
    if area_slug != "borough":
        frame = frame[frame["cluster_slug"] == area_slug]
    return frame.reset_index(drop=True)


def hub_months(period_label: str, area_slug: str) -> pd.DataFrame:
    """Each hub's activity by month in the period, for the area's hubs, with the area's
    population (a month's rate per 1,000 is for the area: a hub has no population of its own)."""
    frame = warehouse().query("empowerment_hub_months", period=period_label)
    if area_slug != "borough":
        frame = frame[frame["cluster_slug"] == area_slug]
    frame = frame.reset_index(drop=True)
    population = areas().set_index("area_slug")["population"]
    frame["area_population"] = population.get(area_slug)
    frame["month_label"] = pd.to_datetime(frame["month_start"]).dt.strftime("%b %Y")
    return frame


def hub_seasonal(area_slug: str) -> pd.DataFrame:
    """Mean attendances per calendar month (April first) over every financial year held."""
    frame = warehouse().query("empowerment_hub_seasonal", area=area_slug)
    frame["month_name"] = np.array(MONTH_NAMES)[frame["month_of_year"].to_numpy() - 1]
    return frame


def capacity(period_label: str, tcca: pd.DataFrame | None = None) -> pd.DataFrame:
    """What is strong: hub volunteer hours and TCCA volunteers by area, protected.

    `tcca` is `tcca_areas(period_label)` when the caller already has it.
    """
    hubs = hub_areas(period_label)[
        ["area_slug", "area_name", "sort_order", "has_hub", "n_hubs", "volunteer_hours"]
    ]
    tcca = (tcca_areas(period_label) if tcca is None else tcca)[
        [
            "area_slug",
            "n_volunteers_registered",
            "n_volunteers_registered_suppressed",
            "volunteers_registered_per_1000",
            "n_volunteers_active",
            "n_volunteers_active_suppressed",
            "volunteers_active_per_1000",
        ]
    ]
    return hubs.merge(tcca, on="area_slug", how="left").sort_values("sort_order")
