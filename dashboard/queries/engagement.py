"""Engagement page queries: the portal marts, shaped and disclosure-controlled for display.

Every count of people (participants, registrations, residents allocating a budget, petition
signatures) passes through `dashboard.disclosure.protect_counts` here, so the page, its charts,
hover text and tables can only show protected figures. Contributions and site visits count
events, not people, and are shown as they are.
"""

from __future__ import annotations

import pandas as pd

from dashboard.disclosure import protect_counts
from dashboard.queries import warehouse

UNDER_REPRESENTED_BELOW = 0.8
OVER_REPRESENTED_ABOVE = 1.25
PIN_LIMIT = 2000
COMMENT_LIMIT = 50
AGE_ORDER = ("Under 16", "16-24", "25-34", "35-49", "50-64", "65+")
CHARACTERISTICS = {
    "age_band": "Age band",
    "sex": "Sex",
    "ethnic_group": "Ethnic group",
    "disability": "Disability",
}
PROJECT_SORTS = {
    "newest": (["opened_on", "title"], [False, True]),
    "title": (["title"], [True]),
    "contributions": (["n_contributions", "title"], [False, True]),
    "visitors": (["aware", "title"], [False, True]),
    "waiting": (["days_waiting_for_feedback", "title"], [False, True]),
}


def _protect_reach(frame: pd.DataFrame) -> pd.DataFrame:
    """Participants and registrations, each a borough total with its clusters as parts."""
    out = protect_counts(
        frame,
        "n_participants",
        derived_cols=("participants_per_1000",),
        group_cols=("period_label",),
        part_col="area_slug",
        total_key="borough",
    ).rename(columns={"suppressed": "participants_suppressed"})
    out = protect_counts(
        out,
        "n_new_registrations",
        derived_cols=("registrations_per_1000",),
        group_cols=("period_label",),
        part_col="area_slug",
        total_key="borough",
    ).rename(columns={"suppressed": "registrations_suppressed"})
    return out


def reach(period_label: str, period_type: str) -> pd.DataFrame:
    """Every area's reach in one period (participants and registrations protected)."""
    frame = _protect_reach(warehouse().query("engagement_reach", period_type=period_type))
    return frame[frame["period_label"] == period_label].reset_index(drop=True)


def reach_history(period_type: str) -> pd.DataFrame:
    """Every area's reach over every period of a type (the trend), protected period by period."""
    return _protect_reach(warehouse().query("engagement_reach", period_type=period_type))


def participant_profile(period_label: str, area_slug: str) -> pd.DataFrame:
    """Participants by characteristic against the Census 2021 share of the same area.

    Within each characteristic the categories (undisclosed included) are the parts of the
    participant total shown beside them. Shares and ratios rest on the disclosed base and are
    suppressed with their count, or all together when that base is 1 to 4.
    """
    frame = warehouse().query("engagement_profile", period=period_label, area=area_slug)
    order = {band: i for i, band in enumerate(AGE_ORDER)}
    frame = frame.assign(_order=frame["category"].map(order).fillna(len(order)))
    frame = frame.sort_values(
        ["characteristic", "is_disclosed", "_order", "category"],
        ascending=[True, False, True, True],
    ).drop(columns="_order")
    if frame.empty:
        return frame.assign(suppressed=pd.Series(dtype=bool), total_suppressed=False)
    out = protect_counts(
        frame,
        "n_participants",
        derived_cols=("share_of_disclosed", "representation_ratio"),
        group_cols=("characteristic",),
    )
    small_base = out["n_disclosed"].between(1, 4)
    out.loc[small_base & out["is_disclosed"], ["share_of_disclosed", "representation_ratio"]] = None
    out["total_suppressed"] = out["n_total"].between(1, 4)
    out["n_total"] = out["n_total"].where(~out["total_suppressed"])
    out["representation"] = representation_label(out["representation_ratio"])
    return out


def representation_label(ratio: pd.Series) -> pd.Series:
    """Words for a representation ratio (share of participants / share of residents)."""
    label = pd.Series("about as expected", index=ratio.index)
    label = label.mask(ratio < UNDER_REPRESENTED_BELOW, "under-represented")
    label = label.mask(ratio > OVER_REPRESENTED_ABOVE, "over-represented")
    return label.mask(ratio.isna(), "")


def tools_history(area_slug: str, period_type: str) -> pd.DataFrame:
    """Contributions by tool in one area over every period of a type."""
    return warehouse().query("engagement_tools", area=area_slug, period_type=period_type)


def funnel(period_label: str, area_slug: str) -> pd.DataFrame:
    """Site visitors aware -> informed -> engaged per project, with conversion rates."""
    frame = warehouse().query("engagement_funnel", period=period_label, area=area_slug)
    return with_conversion(frame)


def with_conversion(frame: pd.DataFrame) -> pd.DataFrame:
    """Informed as % of aware, engaged as % of informed, engaged as % of aware."""
    out = frame.copy()
    aware = out["aware"].astype("float64")
    informed = out["informed"].astype("float64")
    engaged = out["engaged"].astype("float64")
    out["informed_pct"] = (100 * informed / aware).where(aware > 0)
    out["engaged_of_informed_pct"] = (100 * engaged / informed).where(informed > 0)
    out["engaged_pct"] = (100 * engaged / aware).where(aware > 0)
    return out


def funnel_total(frame: pd.DataFrame) -> pd.DataFrame:
    """The overall funnel: the projects' visitors added up."""
    totals = frame[["aware", "informed", "engaged"]].sum().to_frame().T
    return with_conversion(totals)


def _protect_projects(frame: pd.DataFrame) -> pd.DataFrame:
    """Per-project people counts: each project stands alone (no total is published)."""
    out = protect_counts(frame, "n_participants", group_cols=("project_id",))
    out = out.rename(columns={"suppressed": "participants_suppressed"})
    out = protect_counts(
        out, "pb_n_allocators", derived_cols=("pb_mean_per_resident",), group_cols=("project_id",)
    )
    return out.rename(columns={"suppressed": "allocators_suppressed"})


def _with_budget_columns(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    allocators = out["pb_n_allocators"].astype("float64")
    out["pb_mean_per_resident"] = (out["pb_allocated_gbp"] / allocators).where(allocators > 0)
    return out


def projects(
    period_label: str,
    area_slug: str,
    search: str = "",
    kind: str = "",
    status: str = "",
    sort: str = "newest",
) -> pd.DataFrame:
    """The project explorer: projects open at any time in the period, filtered and sorted."""
    frame = warehouse().query("engagement_projects", period=period_label, area=area_slug)
    frame = _protect_projects(_with_budget_columns(frame))
    if search:
        needle = search.strip().casefold()
        text = (frame["title"] + " " + frame["service"] + " " + frame["area_name"]).str.casefold()
        frame = frame[text.str.contains(needle, regex=False)]
    if kind:
        frame = frame[frame["kind"] == kind]
    if status:
        frame = frame[frame["status"] == status]
    columns, ascending = PROJECT_SORTS.get(sort, PROJECT_SORTS["newest"])
    return frame.sort_values(columns, ascending=ascending, na_position="last").reset_index(
        drop=True
    )


def project(project_id: str) -> dict | None:
    """One project's explorer row, or None for an id the warehouse does not hold."""
    frame = warehouse().query("engagement_project", project=project_id)
    if frame.empty:
        return None
    return _protect_projects(_with_budget_columns(frame)).iloc[0].to_dict()


def project_tools(project_id: str) -> pd.DataFrame:
    return warehouse().query("engagement_project_tools", project=project_id)


def project_funnel(project_id: str) -> pd.DataFrame:
    return with_conversion(warehouse().query("engagement_project_funnel", project=project_id))


def project_comments(project_id: str, limit: int = COMMENT_LIMIT) -> pd.DataFrame:
    """The newest resident comments on a project (emails and phone numbers already removed)."""
    return warehouse().query("engagement_project_comments", project=project_id, limit=limit)


def budget_lines(project_id: str, n_allocators: float | None) -> pd.DataFrame:
    """How residents split a participatory budget: each line's share of everything allocated
    and what the average resident put into it (over all `n_allocators`, including those who
    gave it nothing). Resident counts are protected as parts; with 1 to 4 allocators in all
    the average is suppressed too (it would reveal one person's choices)."""
    frame = warehouse().query("engagement_budget_lines", project=project_id)
    if frame.empty:
        return frame.assign(suppressed=pd.Series(dtype=bool), mean_per_resident_gbp=None)
    total = frame["allocated_gbp"].sum()
    frame["share_pct"] = 100 * frame["allocated_gbp"] / total if total else None
    allocators = float(n_allocators) if n_allocators and pd.notna(n_allocators) else None
    frame["mean_per_resident_gbp"] = frame["allocated_gbp"] / allocators if allocators else None
    return protect_counts(frame, "n_residents")


def budgets(period_label: str, area_slug: str) -> pd.DataFrame:
    """Participatory budgeting projects open in the period: offered vs allocated."""
    frame = projects(period_label, area_slug)
    return frame[frame["kind"] == "participatory_budgeting"].reset_index(drop=True)


def budgets_by_area(frame: pd.DataFrame) -> pd.DataFrame:
    """Per area: projects, budget offered, and the share of its budget the average resident
    allocated, over residents of projects whose allocators are published (5 or more), so no
    suppressed project's figures can be worked back out of the area's."""
    published = ~frame["allocators_suppressed"]
    work = frame.assign(
        _share_sum=(frame["pb_allocated_gbp"] / frame["pb_budget_gbp"]).where(published),
        _allocators=frame["pb_n_allocators"].where(published),
    )
    out = (
        work.groupby("area_name", as_index=False)
        .agg(
            n_projects=("project_id", "size"),
            pb_budget_gbp=("pb_budget_gbp", "sum"),
            _share_sum=("_share_sum", "sum"),
            _allocators=("_allocators", "sum"),
        )
        .sort_values("area_name")
        .reset_index(drop=True)
    )
    allocators = out["_allocators"].astype("float64")
    out["pct_allocated"] = (100 * out["_share_sum"] / allocators).where(allocators > 0)
    return out.drop(columns=["_share_sum", "_allocators"])


def overdue_feedback(area_slug: str) -> pd.DataFrame:
    return warehouse().query("engagement_overdue", area=area_slug)


def petitions(period_label: str, area_slug: str) -> pd.DataFrame:
    """Petitions opened in the period; signatures of 1 to 4 people are suppressed."""
    frame = warehouse().query("engagement_petitions", period=period_label, area=area_slug)
    return protect_counts(frame, "signatures", group_cols=("petition_id",))


def pins(period_label: str, area_slug: str, limit: int = PIN_LIMIT) -> tuple[pd.DataFrame, int]:
    """The newest Places pins (at most `limit`) and how many there are in all."""
    frame = warehouse().query("engagement_pins", period=period_label, area=area_slug, limit=limit)
    total = warehouse().query("engagement_pin_count", period=period_label, area=area_slug)
    return frame, int(total.iloc[0]["n_pins"])
