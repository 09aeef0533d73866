"""Empowerment page queries: hub and TCCA marts, shaped and disclosure-controlled for display.

Counts of people are protected here, so the page, its charts, hover text and tables only
ever see protected figures: TCCA requests (each from a resident), fulfilled or not, within 24
or 48 hours, by need, referral source and outcome (one `dashboard.disclosure.LinearSystem` per
period over all of them, as readers know how they add up), and TCCA volunteers
(`protect_counts`). Hub attendances, events, advice sessions and digital-inclusion help
sessions are counts of visits and contacts (one resident can come many times), not of people,
and volunteer hours are hours: they are shown as they are.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.disclosure import SMALL_MAX, SMALL_MIN, LinearSystem, is_small, protect_counts
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


REQUEST_COUNTS = ("n_requests", "n_fulfilled", "n_not_fulfilled", "n_within_24h", "n_within_48h")
WITHIN_SHARES = {"n_within_24h": "share_within_24h", "n_within_48h": "share_within_48h"}
BREAKDOWNS = "need,referral_source,outcome"
# a period's system is solved several times over (see `_protect_once`): beyond this many open
# cells each step tries only a few near the leak, so every period takes well under a second
TCCA_FULL_SEARCH = 20
MAX_TIME_ROUNDS = 10  # re-solves along quarters and year before hiding the quarters outright


def _by_area(frame: pd.DataFrame, count: str, derived: tuple[str, ...] = ()) -> pd.DataFrame:
    """One count of people on its own: the borough is the published total of its clusters."""
    out = protect_counts(
        frame,
        count,
        derived_cols=derived,
        group_cols=("period_label",),
        part_col="area_slug",
        total_key="borough",
    )
    return out.rename(columns={"suppressed": f"{count}_suppressed"})


def _request_equations(areas: pd.DataFrame, breakdown: pd.DataFrame) -> tuple[dict, list]:
    """Every published count of requests in one period, and the sums readers know tie them.

    Returns (key -> value, equations as {key: coefficient}). Keys are (measure, area_slug); a
    measure is a column of `REQUEST_COUNTS` or a (breakdown, category) pair. Per area:
    requests = fulfilled + never fulfilled; requests = the sum of each breakdown's categories;
    fulfilled = the 'fulfilled' outcome (where the two agree). The borough is the sum of its
    clusters for every count and category. A figure whose total is 0 (an area with no
    requests, a category with none in the borough) is left out: counts are never negative, so
    its parts are all known to be 0 and hiding one would protect nothing.
    """
    live = areas[areas["n_requests"].fillna(0) > 0]
    slugs = set(live["area_slug"])
    cats = breakdown[breakdown["area_slug"].isin(slugs)]
    in_borough = cats[cats["area_slug"].eq("borough") & cats["n_requests"].gt(0)]
    used = set(zip(in_borough["breakdown"], in_borough["category"], strict=True))
    pairs = zip(cats["breakdown"], cats["category"], strict=True)
    cats = cats.loc[pd.Series([pair in used for pair in pairs], index=cats.index, dtype=bool)]
    cells: dict = {}
    equations: list[dict] = []
    for row in live.itertuples():
        a = row.area_slug
        cells.update({(col, a): float(getattr(row, col)) for col in REQUEST_COUNTS})
        equations.append({("n_requests", a): 1, ("n_fulfilled", a): -1, ("n_not_fulfilled", a): -1})
    for r in cats.itertuples():
        cells[((r.breakdown, r.category), r.area_slug)] = float(r.n_requests)
    for (a, b), part in cats.groupby(["area_slug", "breakdown"], sort=False):
        equations.append({("n_requests", a): -1, **{((b, c), a): 1 for c in part["category"]}})
    for a in slugs:
        outcome = cells.get((("outcome", "fulfilled"), a))
        if outcome is not None and outcome == cells[("n_fulfilled", a)]:
            equations.append({("n_fulfilled", a): 1, (("outcome", "fulfilled"), a): -1})
    if "borough" in slugs:
        measures = [*REQUEST_COUNTS, *sorted(used)]
        clusters = sorted(slugs - {"borough"})
        for m in measures:
            parts = [(m, c) for c in clusters if (m, c) in cells]
            if (m, "borough") in cells:
                equations.append({(m, "borough"): -1, **dict.fromkeys(parts, 1)})
    return cells, equations


def _determined(equations: list[dict], hidden: set) -> set:
    """Hidden keys the equations pin down given every published figure (a unit vector on the
    key is in the row space of the equations restricted to the hidden keys)."""
    keys = sorted(hidden, key=repr)
    if not keys or not equations:
        return set()
    where = {k: j for j, k in enumerate(keys)}
    matrix = np.zeros((len(equations), len(keys)))
    for i, terms in enumerate(equations):
        for k, coef in terms.items():
            if k in where:
                matrix[i, where[k]] = coef
    _, sing, vt = np.linalg.svd(matrix)
    null = vt[int((sing > 1e-9).sum()) :]
    if not len(null):
        return set(keys)
    return {k for k, j in where.items() if (null[:, j] ** 2).sum() < 1e-12}


def _hide(
    cells: dict, equations: list[dict], forced: set, may_hide: set, zeros: bool = False
) -> set:
    """One LinearSystem solve: `forced` keys hidden from the start; a requests total not in
    `may_hide`, or a zero unless `zeros`, is never hidden as a secondary cell."""
    system = LinearSystem(full_search=TCCA_FULL_SEARCH)
    for key, value in cells.items():
        can_hide = (key[0] != "n_requests" or key in may_hide) and (zeros or value > 0)
        system.cell(key, value, primary=True if key in forced else None, can_hide=can_hide)
    for terms in equations:
        system.equation(terms)
    return {k for k, h in system.solve().items() if h}


def _prune(cells: dict, equations: list[dict], hidden: set, forced: set) -> set:
    """Publish again any secondary cell that is not needed: the greedy solve adds one cell at
    a time and never takes one back, so a cell hidden early can be redundant later. Largest
    first, as those say most."""
    primary = {k for k, v in cells.items() if SMALL_MIN <= v <= SMALL_MAX} | forced
    for key in sorted(hidden - primary, key=lambda k: (-cells[k], repr(k))):
        if not _determined(equations, hidden - {key}):
            hidden = hidden - {key}
    return hidden


def _protect_once(cells: dict, equations: list[dict], forced: set) -> set:
    """Secondary suppression in stages, from the least damaging: first no requests total
    beyond `forced` and no zero is hidden; while some figure is still exposed, the requests
    totals sharing a sum with it may go too; then zeros may (a hidden zero beside published
    figures is often given back by counts being never negative, so it is the last resort)."""
    requests = {k for k in cells if k[0] == "n_requests"}
    may_hide: set = set()
    for zeros in (False, True):
        while True:
            hidden = _hide(cells, equations, forced, may_hide, zeros)
            leaks = _determined(equations, hidden)
            if not leaks:
                return _prune(cells, equations, hidden, forced)
            near = {k for terms in equations if leaks & terms.keys() for k in terms}
            grow = (near & requests) - may_hide - hidden
            if not grow:
                break
            may_hide |= grow
        may_hide = set(requests)
    return hidden


def _solve_requests(
    areas: pd.DataFrame, breakdown: pd.DataFrame, extra: frozenset = frozenset()
) -> set:
    """The hidden (measure, area_slug) keys for the areas and breakdown tables together.

    The requests totals carry the headline, the rates, the trend and the deprivation chart,
    so they are hidden first as a borough-with-clusters table on their own (a 1-to-4 total
    and, beside it, the next smallest cluster); fulfilled, never fulfilled and the categories
    then take the rest of the secondary suppression (see `_protect_once`). Within 24 and 48
    hours are published only as shares of the requests, so where the requests are hidden
    they are too; that can call for more suppression, so the system is solved again, keeping
    what is hidden, until it settles; then cells no longer needed are published again.
    """
    cells, equations = _request_equations(areas, breakdown)
    if not cells:
        return set()
    first = _by_area(areas, "n_requests")
    forced = {("n_requests", a) for a in first.loc[first["n_requests_suppressed"], "area_slug"]}
    first = forced = (forced | extra) & cells.keys()
    while True:
        hidden = _protect_once(cells, equations, forced)
        shares = {(w, a) for m, a in hidden if m == "n_requests" for w in WITHIN_SHARES}
        if not shares - hidden:
            return _prune(cells, equations, hidden, first | shares)
        forced = hidden | shares


def protect_requests(
    areas: pd.DataFrame, breakdown: pd.DataFrame, extra: frozenset = frozenset()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The TCCA areas table (requests, fulfilled, never fulfilled, within 24/48 hours) and the
    area x category breakdown (need, referral source, outcome) of one period, protected as one
    system, so a total hidden in one is hidden in the other and no hidden count can be worked
    out from what either publishes. Adds `<count>_suppressed` columns to the areas and
    `suppressed` to the breakdown; a rate or share goes with its count. Percentiles describe
    individual people's waits when few were fulfilled, so they are hidden when 1 to 4 requests
    were fulfilled (they do not reveal a count, so no secondary rule)."""
    hidden = _solve_requests(areas, breakdown, extra)
    out = areas.copy()
    for col in REQUEST_COUNTS:
        flags = [(col, a) in hidden for a in out["area_slug"]]
        out[f"{col}_suppressed"] = pd.Series(flags, index=out.index, dtype=bool)
        out[col] = out[col].where(~out[f"{col}_suppressed"])
    out["requests_per_1000_a_year"] = out["requests_per_1000_a_year"].where(
        ~out["n_requests_suppressed"]
    )
    for col, share in WITHIN_SHARES.items():
        out[share] = out[share].where(~out[f"{col}_suppressed"])
    out["times_suppressed"] = is_small(areas["n_fulfilled"].fillna(0))
    for col in ("p50_hours_to_fulfil", "p90_hours_to_fulfil"):
        out[col] = out[col].where(~out["times_suppressed"])
    cats = breakdown.copy()
    keys = zip(
        zip(cats["breakdown"], cats["category"], strict=True), cats["area_slug"], strict=True
    )
    cats["suppressed"] = pd.Series([k in hidden for k in keys], index=cats.index, dtype=bool)
    cats["n_requests"] = cats["n_requests"].where(~cats["suppressed"])
    return out, cats


def _protect_tcca(
    areas: pd.DataFrame, breakdown: pd.DataFrame, extra: frozenset = frozenset()
) -> tuple:
    """Requests and their breakdown (see `protect_requests`), then volunteers, each volunteer
    count as a borough-with-clusters table. Requests per volunteer serving the area goes when
    either count does (with the other published it would give the hidden one back), and the
    borough's serving count goes with a hidden count of active volunteers living outside."""
    out, cats = protect_requests(areas, breakdown, extra)
    out = _by_area(out, "n_volunteers_registered", ("volunteers_registered_per_1000",))
    out = _by_area(out, "n_volunteers_active", ("volunteers_active_per_1000",))
    volunteer_counts = ("n_registered_outside", "n_active_outside", "n_volunteers_serving")
    for col in volunteer_counts:
        out[f"{col}_suppressed"] = is_small(out[col].fillna(0))
    # the borough's requests are nearly always fulfilled by its active volunteers and those
    # living outside it: serving - active would give a hidden outside count back
    linked = (out["area_slug"] == "borough") & out["n_active_outside_suppressed"]
    out.loc[linked, "n_volunteers_serving_suppressed"] = True
    for col in volunteer_counts:
        out[col] = out[col].where(~out[f"{col}_suppressed"])
    out["ratio_suppressed"] = out["n_requests_suppressed"] | out["n_volunteers_serving_suppressed"]
    out["requests_per_serving_volunteer"] = out["requests_per_serving_volunteer"].where(
        ~out["ratio_suppressed"]
    )
    return out, cats


def _tcca_period(period_label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One period's protected areas and breakdown: its financial year's, worked out once per
    warehouse version (see `_tcca_year`)."""
    periods = warehouse().query("periods").set_index("period_label")
    if period_label not in periods.index:
        return _protect_tcca(*_tcca_raw(period_label))
    fy_label = str(periods.loc[period_label, "fy_label"])
    year = warehouse().derived("empowerment_tcca_year", lambda: _tcca_year(fy_label), fy_label)
    return year[period_label]


def _tcca_raw(period_label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    areas = warehouse().query("empowerment_tcca_areas", period=period_label)
    cats = warehouse().query(
        "empowerment_tcca_breakdown", period=period_label, breakdowns=BREAKDOWNS
    )
    return areas, cats


def _tcca_year(fy_label: str) -> dict:
    """A financial year and its quarters, protected so that no hidden count comes back by
    adding up quarters: requests, their outcomes and categories happen once, so a year's are
    its quarters' added up. Each period is solved as one system (`protect_requests`); then,
    along every count's line of quarters and year, a line with exactly one hidden figure
    gets a second (its smallest published quarter, or the year) and that period is solved
    again with it, until no line has one. Volunteers are counted at any time in a period,
    not added up over quarters, so they stay a per-period table."""
    periods = warehouse().query("periods")
    labels = periods.loc[periods["fy_label"] == fy_label, "period_label"].tolist()
    quarters = [p for p in labels if p != fy_label]
    raw = {p: _tcca_raw(p) for p in labels}
    cells = {p: _request_equations(*raw[p])[0] for p in labels}
    extra: dict = {p: frozenset() for p in labels}
    protected = {p: _protect_tcca(*raw[p]) for p in labels}
    for _ in range(MAX_TIME_ROUNDS):
        more = _time_line_leaks(fy_label, quarters, cells, protected)
        if not more:
            return protected
        for period, keys in more.items():
            extra[period] = extra[period] | keys
            protected[period] = _protect_tcca(*raw[period], extra[period])
    # not settled (never seen): hide every count in the year's quarters rather than risk it
    for period in quarters:
        protected[period] = _protect_tcca(*raw[period], frozenset(cells[period]))
    return protected


def _time_line_leaks(fy_label: str, quarters: list, cells: dict, protected: dict) -> dict:
    """period -> keys to hide, for each count line (quarters + year) with one hidden figure.
    `cells`: period -> its request counts by key (`_request_equations`)."""
    values: dict = {}
    hidden: dict = {}
    for period in [fy_label, *quarters]:
        if period not in protected:
            continue
        shown = _hidden_keys(*protected[period])
        for key, value in cells[period].items():
            values[(key, period)] = value
            hidden[(key, period)] = key in shown
    more: dict = {}
    for key in {k for k, p in values if p == fy_label}:
        line = [(key, p) for p in [fy_label, *quarters] if (key, p) in values]
        hidden_here = [c for c in line if hidden[c]]
        if len(hidden_here) != 1:
            continue
        open_ = [c for c in line if not hidden[c] and values[c] > 0]
        if not open_:
            continue
        in_quarters = [c for c in open_ if c[1] != fy_label]
        pick = min(in_quarters or open_, key=lambda c: (values[c], c[1]))
        more.setdefault(pick[1], set()).add(pick[0])
    return {p: frozenset(k) for p, k in more.items()}


def _hidden_keys(areas: pd.DataFrame, cats: pd.DataFrame) -> set:
    """The (measure, area_slug) keys a protected areas and breakdown pair hides."""
    keys = {
        (col, a)
        for col in REQUEST_COUNTS
        for a, h in zip(areas["area_slug"], areas[f"{col}_suppressed"], strict=True)
        if h
    }
    keys |= {
        ((b, c), a)
        for b, c, a, h in zip(
            cats["breakdown"], cats["category"], cats["area_slug"], cats["suppressed"], strict=True
        )
        if h
    }
    return keys


def tcca_areas(period_label: str) -> pd.DataFrame:
    """Every area's TCCA figures in one period, protected."""
    return _tcca_period(period_label)[0]


def tcca_trend(period_type: str) -> pd.DataFrame:
    """Requests per 1,000 a year in every area and period of one type, each period hidden as
    its own areas table hides it (choosing that period shows the same cells)."""
    frame = warehouse().query("empowerment_tcca_trend", period_type=period_type)
    if frame.empty:
        return frame.assign(n_requests_suppressed=pd.Series(dtype=bool))
    flags = pd.concat(
        [
            tcca_areas(p)[["area_slug", "period_label", "n_requests_suppressed"]]
            for p in frame["period_label"].unique()
        ],
        ignore_index=True,
    )
    out = frame.merge(flags, on=["area_slug", "period_label"], how="left")
    hidden = out["n_requests_suppressed"].fillna(False).astype(bool)
    out["n_requests_suppressed"] = hidden
    for col in ("n_requests", "requests_per_1000_a_year"):
        out[col] = out[col].where(~hidden)
    return out


def _label(frame: pd.DataFrame) -> pd.DataFrame:
    labels = [
        CATEGORY_LABELS[b][c] for b, c in zip(frame["breakdown"], frame["category"], strict=True)
    ]
    return frame.assign(category_label=labels).reset_index(drop=True)


def tcca_breakdown(period_label: str, area_slug: str) -> pd.DataFrame:
    """Requests by need, referral source and outcome in one area and period, protected with
    the areas table (see `protect_requests`)."""
    cats = _tcca_period(period_label)[1]
    return _label(cats[cats["area_slug"] == area_slug])


def tcca_category_trend(area_slug: str, breakdown: str = "need") -> pd.DataFrame:
    """Requests by need or by referral source in every quarter for one area, each quarter
    protected as choosing that quarter as the period shows it."""
    if breakdown not in CATEGORY_LABELS:
        raise ValueError(f"unknown TCCA breakdown {breakdown!r}")
    quarters = (
        warehouse()
        .query("empowerment_tcca_breakdown", period="all quarters", breakdowns=breakdown)[
            "period_label"
        ]
        .unique()
    )
    frames = [tcca_breakdown(p, area_slug) for p in quarters]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out[out["breakdown"] == breakdown].reset_index(drop=True) if frames else out


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
    """Mean activity per calendar month (April first), each month over the financial years in
    which the area's hubs sent returns for it: a year with no returns for a month is missing
    data, and counting it as a zero would pull that month's average down."""
    frame = warehouse().query("empowerment_hub_seasonal", area=area_slug)
    frame["month_name"] = np.array(MONTH_NAMES)[frame["month_of_year"].to_numpy() - 1]
    return frame


def capacity(period_label: str, tcca: pd.DataFrame | None = None) -> pd.DataFrame:
    """What is strong: hub volunteer hours and TCCA volunteers by area, protected.

    `tcca` is `tcca_areas(period_label)` when the caller already has it.
    """
    hubs = hub_areas(period_label)[
        [
            "area_slug",
            "area_name",
            "sort_order",
            "has_hub",
            "n_hubs",
            "n_hubs_reporting",
            "volunteer_hours",
        ]
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
