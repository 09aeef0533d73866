"""Engagement page queries: the portal marts, shaped and disclosure-controlled for display.

Every count of people (participants, registrations, residents allocating a budget, petition
signatures) passes through `dashboard.disclosure.protect_counts` here, so the page, its charts,
hover text and tables can only show protected figures. Contributions and site visits count
events, not people, and are shown as they are.
"""

from __future__ import annotations

import pandas as pd

from dashboard.disclosure import (
    TOTAL_LABEL,
    LinearSystem,
    is_small,
    protect_counts,
    protect_table,
)
from dashboard.queries import warehouse

UNDER_REPRESENTED_BELOW = 0.8
OVER_REPRESENTED_ABOVE = 1.25
PIN_LIMIT = 2000
COMMENT_LIMIT = 50
ALL_PROJECTS = "__all_projects__"
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
    """Participants: each period a borough total with its clusters as parts (people take
    part in several quarters, so quarters are not parts of a year). Registrations happen
    once, so they are also parts of the year: see `_registrations_hidden`."""
    out = protect_counts(
        frame,
        "n_participants",
        derived_cols=("participants_per_1000",),
        group_cols=("period_label",),
        part_col="area_slug",
        total_key="borough",
    ).rename(columns={"suppressed": "participants_suppressed"})
    hidden = warehouse().derived("engagement_registrations", _registrations_hidden)
    keys = zip(out["area_slug"], out["period_label"], strict=True)
    out["registrations_suppressed"] = [hidden.get(k, False) for k in keys]
    for col in ("n_new_registrations", "registrations_per_1000"):
        out[col] = out[col].where(~out["registrations_suppressed"])
    return out


def _registrations_hidden() -> dict:
    """(area, period) -> hidden, for new registrations. Each financial year is a two-way
    table, clusters by quarters, whose row totals are the clusters' year figures, column
    totals the borough's quarters and grand total the borough's year: all published."""
    frame = warehouse().query("engagement_registrations")
    hidden: dict = {}
    quarters = frame[(frame["period_type"] == "quarter") & (frame["area_slug"] != "borough")]
    for fy_label, part in quarters.groupby("fy_label"):
        table = protect_table(part, "area_slug", "period_label", "n_new_registrations")
        for r in table.itertuples():
            area = "borough" if r.area_slug == TOTAL_LABEL else r.area_slug
            period = fy_label if r.period_label == TOTAL_LABEL else r.period_label
            hidden[(area, period)] = bool(r.suppressed)
    # a year or area outside the quarter tables (none in practice): the plain rule
    for r in frame.itertuples():
        key = (r.area_slug, r.period_label)
        if key not in hidden:
            hidden[key] = bool(1 <= r.n_new_registrations <= 4)
    return hidden


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
    participant total shown beside them, and each cluster's cells are parts of the borough's;
    `_protect_profile` hides cells so that none can be worked out from those sums. Shares and
    ratios rest on the disclosed base and are suppressed with their count, or all together when
    that base is hidden (it is published implicitly: a count over its share gives it).
    """
    frame = warehouse().derived(
        "engagement_profile", lambda: _protect_profile(period_label), period_label
    )
    frame = frame[frame["area_slug"] == area_slug].drop(columns="area_slug")
    order = {band: i for i, band in enumerate(AGE_ORDER)}
    frame = frame.assign(_order=frame["category"].map(order).fillna(len(order)))
    frame = frame.sort_values(
        ["characteristic", "is_disclosed", "_order", "category"],
        ascending=[True, False, True, True],
    ).drop(columns="_order")
    frame["representation"] = representation_label(frame["representation_ratio"])
    return frame.reset_index(drop=True)


def _protect_profile(period_label: str) -> pd.DataFrame:
    """Every area's profile for one period, protected as one system per characteristic.

    Readers know, for each area, that its categories add up to its participants (published,
    and protected in the reach table, whose decision is taken as given) and that its disclosed
    categories add up to the disclosed base; and for each category, that the clusters add up
    to the borough (exactly so when nobody took part in two clusters; assumed always, which
    can only hide more).
    """
    frame = warehouse().query("engagement_profile_all", period=period_label)
    if frame.empty:
        return frame.assign(suppressed=pd.Series(dtype=bool), total_suppressed=False)
    reach_frame = reach(period_label, frame["period_type"].iloc[0]).set_index("area_slug")
    total_hidden = reach_frame["participants_suppressed"].to_dict()
    hidden_cells: dict = {}
    hidden_totals: dict = {}
    hidden_bases: dict = {}
    for characteristic, part in frame.groupby("characteristic"):
        system = LinearSystem()
        areas = part.drop_duplicates("area_slug")
        for r in areas.itertuples():
            system.cell(
                ("total", r.area_slug),
                r.n_total,
                primary=total_hidden.get(r.area_slug),
                can_hide=False,
            )
            small_base = 1 <= r.n_disclosed <= 4
            system.cell(("base", r.area_slug), r.n_disclosed, protect=small_base)
        for r in part.itertuples():
            system.cell(("cell", r.area_slug, r.category), r.n_participants)
        for area, cells in part.groupby("area_slug"):
            row = {("cell", area, c): 1 for c in cells["category"]}
            system.equation({**row, ("total", area): -1})
            disclosed = cells[cells["is_disclosed"]]["category"]
            system.equation({**{("cell", area, c): 1 for c in disclosed}, ("base", area): -1})
        clusters = part[part["area_slug"] != "borough"]
        for category, cells in clusters.groupby("category"):
            if system.has(("cell", "borough", category)):
                column = {("cell", a, category): 1 for a in cells["area_slug"]}
                system.equation({**column, ("cell", "borough", category): -1})
        for key, hidden in system.solve(prune=True, zeros_last=True).items():
            kind, area, *rest = key
            if kind == "cell":
                hidden_cells[(characteristic, area, rest[0])] = hidden
            elif kind == "total":
                hidden_totals[(characteristic, area)] = hidden
            else:
                hidden_bases[(characteristic, area)] = hidden
    keys = list(zip(frame["characteristic"], frame["area_slug"], strict=True))
    out = frame.copy()
    out["suppressed"] = [
        hidden_cells[(c, a, g)]
        for c, a, g in zip(out["characteristic"], out["area_slug"], out["category"], strict=True)
    ]
    out["total_suppressed"] = [hidden_totals[k] for k in keys]
    base_hidden = pd.Series([hidden_bases[k] for k in keys], index=out.index)
    shares = ["share_of_disclosed", "representation_ratio"]
    out.loc[out["suppressed"] | base_hidden, shares] = None
    out["n_participants"] = out["n_participants"].where(~out["suppressed"])
    out["n_total"] = out["n_total"].where(~out["total_suppressed"])
    out["n_disclosed"] = out["n_disclosed"].where(~base_hidden)
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


def tools_never_recorded() -> list[str]:
    """Tools with no contribution anywhere in the portal export, in tool order (the demo
    portal reports petitions as signature totals per petition, not as contributions): a
    series of zeros for them would say nobody used them, which the data cannot say."""
    borough = warehouse().query("engagement_tools", area="borough", period_type="quarter")
    totals = borough.groupby(["tool_order", "tool_name"])["n_contributions"].sum()
    return [name for (_, name), n in totals.sort_index().items() if n == 0]


def funnel(period_label: str, area_slug: str) -> pd.DataFrame:
    """Site visitors aware -> informed -> engaged per project, with conversion rates.

    Engaged visitors are people who contributed: 1 to 4 is `[c]` (`engaged_suppressed`), with
    the rates built on it, protected with the other projects and quarters (`_engaged_hidden`).
    """
    frame = with_conversion(
        warehouse().query("engagement_funnel", period=period_label, area=area_slug)
    )
    hidden = warehouse().derived("engagement_engaged", _engaged_hidden)
    keys = zip(frame["project_id"], [period_label] * len(frame), strict=True)
    frame["engaged_suppressed"] = [hidden.get(k, False) for k in keys]
    return _blank_engaged(frame)


def funnel_overall(period_label: str, area_slug: str) -> pd.DataFrame:
    """The overall funnel (projects added up), engaged protected: for the borough as the
    margin of the projects-by-quarters table; for a cluster, whose projects are a subset,
    withheld whenever one of them is (the subset's sum would narrow it down)."""
    raw = warehouse().query("engagement_funnel", period=period_label, area=area_slug)
    total = funnel_total(raw)
    hidden = warehouse().derived("engagement_engaged", _engaged_hidden)
    if area_slug == "borough":
        withheld = hidden.get((ALL_PROJECTS, period_label), False)
    else:
        withheld = any(hidden.get((p, period_label), False) for p in raw["project_id"])
    total["engaged_suppressed"] = bool(withheld) or bool(is_small(total["engaged"]).any())
    return _blank_engaged(total)


def _blank_engaged(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in ("engaged", "engaged_of_informed_pct", "engaged_pct"):
        out[col] = out[col].where(~out["engaged_suppressed"])
    return out


def _engaged_hidden() -> dict:
    """(project or ALL_PROJECTS, period) -> hidden, for engaged visitors. Each financial year
    is a two-way table, projects by quarters, with each project's year, each quarter's all
    projects and the all-projects year as its published totals."""
    frame = warehouse().query("engagement_funnel_quarters")
    hidden: dict = {}
    for fy_label, part in frame.groupby("fy_label"):
        table = protect_table(part, "project_id", "period_label", "engaged")
        for r in table.itertuples():
            project = ALL_PROJECTS if r.project_id == TOTAL_LABEL else r.project_id
            period = fy_label if r.period_label == TOTAL_LABEL else r.period_label
            hidden[(project, period)] = bool(r.suppressed)
    return hidden


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
    """One project's funnel by quarter, engaged protected as in `funnel`."""
    frame = with_conversion(warehouse().query("engagement_project_funnel", project=project_id))
    hidden = warehouse().derived("engagement_engaged", _engaged_hidden)
    keys = zip([project_id] * len(frame), frame["period_label"], strict=True)
    frame["engaged_suppressed"] = [hidden.get(k, False) for k in keys]
    return _blank_engaged(frame)


def project_comments(project_id: str, limit: int = COMMENT_LIMIT) -> pd.DataFrame:
    """The newest resident comments on a project (emails and phone numbers already removed)."""
    return warehouse().query("engagement_project_comments", project=project_id, limit=limit)


def budget_lines(project_id: str, n_allocators: float | None) -> pd.DataFrame:
    """How residents split a participatory budget: each line's share of everything allocated
    and what the average resident put into it (over all `n_allocators`, including those who
    gave it nothing). Pass `n_allocators` as None when the project's allocator count is
    suppressed: with 1 to 4 residents the shares and averages would reveal their choices
    (one resident's split is the shares), so both are withheld (`shares_suppressed`).
    Resident counts per line are protected as parts."""
    frame = warehouse().query("engagement_budget_lines", project=project_id)
    if frame.empty:
        return frame.assign(
            suppressed=pd.Series(dtype=bool),
            mean_per_resident_gbp=None,
            share_pct=None,
            shares_suppressed=pd.Series(dtype=bool),
        )
    allocators = float(n_allocators) if n_allocators and pd.notna(n_allocators) else None
    total = frame["allocated_gbp"].sum()
    frame["shares_suppressed"] = allocators is None and total > 0
    frame["share_pct"] = 100 * frame["allocated_gbp"] / total if total and allocators else None
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
