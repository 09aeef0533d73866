"""No hidden Engagement figure can be worked out from the figures published beside it.

Played as an attacker on the demo-scale warehouse: for every area and period, write down what
a reader of the page knows and check by linear algebra that no hidden count is fixed.

- Who we hear from: each area's categories add up to its participants (published in the
  table and in reach); its disclosed categories add up to the disclosed base, which any
  published share gives away (count / share); each category's clusters add up to the
  borough's (taken as exact: nobody took part in two clusters).
- Registrations: a year's are its quarters' added up; the borough's its clusters'.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.attack import fixed_unknowns

PERIODS = ("2022/23", "2023/24", "2023/24 Q2", "2024/25 Q3", "2025/26")


@pytest.fixture(scope="module")
def demo_engagement(demo_db):
    from dashboard import queries
    from dashboard.queries import engagement

    try:
        previous = queries.warehouse().path
    except queries.WarehouseMissing:
        previous = None
    queries.configure(demo_db)
    yield engagement
    if previous is not None:
        queries.configure(previous)


def _profile_knowledge(eng, period: str, characteristic: str) -> tuple[list, dict, int]:
    areas = eng.reach(period, "quarter" if " Q" in period else "fy")["area_slug"]
    equations, known, hidden = [], {}, 0
    for area in areas:
        prof = eng.participant_profile(period, area)
        part = prof[prof["characteristic"] == characteristic]
        if part.empty:
            continue
        for r in part.itertuples():
            if r.suppressed:
                hidden += 1
            else:
                known[(area, r.category)] = r.n_participants
            if r.is_disclosed and pd.notna(r.share_of_disclosed) and r.share_of_disclosed > 0:
                known[(area, "base")] = r.n_participants / r.share_of_disclosed
        if not part["total_suppressed"].iloc[0]:
            known[(area, "total")] = part["n_total"].iloc[0]
        equations.append({**{(area, c): 1 for c in part["category"]}, (area, "total"): -1})
        disclosed = part[part["is_disclosed"]]["category"]
        equations.append({**{(area, c): 1 for c in disclosed}, (area, "base"): -1})
    cells = {k for eq in equations for k in eq if k[1] not in ("base", "total")}
    for category in {c for _, c in cells}:
        column = {k: 1 for k in cells if k[1] == category and k[0] != "borough"}
        equations.append({**column, ("borough", category): -1})
    return equations, known, hidden


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("characteristic", ["age_band", "sex", "ethnic_group", "disability"])
def test_no_profile_cell_can_be_worked_out(demo_engagement, period, characteristic):
    equations, known, hidden = _profile_knowledge(demo_engagement, period, characteristic)
    # the base may be worked out (it is 5 or more: hidden only to protect the cells); a hidden
    # total is reach's secondary suppression and must stay hidden here too
    leaked = [k for k in fixed_unknowns(equations, known) if k[1] != "base"]
    assert leaked == []
    assert hidden or period == "2025/26"  # the demo has small cells to protect in most periods


def test_no_registration_can_be_worked_out_across_quarters_and_years(demo_engagement):
    eng = demo_engagement
    years = eng.reach_history("fy")
    quarters = eng.reach_history("quarter")
    from dashboard import queries

    fy_of = queries.warehouse().query("periods").set_index("period_label")["fy_label"].to_dict()
    equations, known = [], {}
    for frame in (years, quarters):
        for r in frame.itertuples():
            if not r.registrations_suppressed:
                known[(r.area_slug, r.period_label)] = r.n_new_registrations
    for period, part in pd.concat([years, quarters]).groupby("period_label"):
        clusters = {(a, period): 1 for a in part["area_slug"] if a != "borough"}
        equations.append({**clusters, ("borough", period): -1})
    for area, part in quarters.groupby("area_slug"):
        for fy, qs in part.groupby(part["period_label"].map(fy_of)):
            equations.append({**{(area, p): 1 for p in qs["period_label"]}, (area, fy): -1})
    hidden = {
        (r.area_slug, r.period_label)
        for f in (years, quarters)
        for r in f.itertuples()
        if r.registrations_suppressed
    }
    assert hidden  # there is something to protect
    assert [k for k in fixed_unknowns(equations, known) if k in hidden] == []
