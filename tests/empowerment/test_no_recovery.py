"""No hidden TCCA count can be worked out from what the Empowerment page publishes.

Played as an attacker on tests/fixtures/empowerment, for every period the page offers: read
the published areas table (requests, fulfilled, never fulfilled, and within 24 / 48 hours as
shares of the requests) and every area's breakdown (need, referral source, outcome), write
down every equation a reader knows, treat the hidden figures as unknowns and check by linear
algebra that none is fixed. The equations are written out here independently of
`dashboard.queries.empowerment`:

- in each area: requests = fulfilled + never fulfilled; requests = the sum of the needs, of
  the referral sources and of the outcomes; fulfilled = the 'fulfilled' outcome;
- the borough is the sum of its clusters for every one of those counts and categories;
- a count within 24 or 48 hours is its share x the requests, so it is known exactly when
  both are published.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.attack import fixed_unknowns
from tests.equality.conftest import restored_query_layer

TIL = "tilbury-and-chadwell-st-mary"
PERIODS = ["2023/24", "2024/25"] + [
    f"{y} Q{n}" for y in ("2023/24", "2024/25") for n in range(1, 5)
]
COUNTS = ("n_requests", "n_fulfilled", "n_not_fulfilled")


@pytest.fixture
def q(emp_queries):
    from dashboard.queries import empowerment

    return empowerment


def published(q, period: str) -> tuple[list[dict], dict]:
    """(equations a reader knows, published value of each figure) for one period."""
    areas = q.tcca_areas(period)
    known: dict = {}
    equations: list[dict] = []
    clusters = [a for a in areas["area_slug"] if a != "borough"]
    measures: set = set(COUNTS) | {"n_within_24h", "n_within_48h"}
    for r in areas.itertuples():
        a = r.area_slug
        for col in COUNTS:
            if not getattr(r, f"{col}_suppressed"):
                known[(col, a)] = getattr(r, col)
        for hours in ("24h", "48h"):
            share = getattr(r, f"share_within_{hours}")
            if ("n_requests", a) in known and not np.isnan(share):
                known[(f"n_within_{hours}", a)] = share * known[("n_requests", a)] / 100
            elif ("n_requests", a) in known and known[("n_requests", a)] == 0:
                known[(f"n_within_{hours}", a)] = 0
        equations.append({("n_requests", a): 1, ("n_fulfilled", a): -1, ("n_not_fulfilled", a): -1})
        cats = q.tcca_breakdown(period, a)
        for b, part in cats.groupby("breakdown"):
            equations.append({("n_requests", a): -1, **{((b, c), a): 1 for c in part["category"]}})
            for c, value, hidden in part[["category", "n_requests", "suppressed"]].itertuples(
                index=False
            ):
                measures.add((b, c))
                if not hidden:
                    known[((b, c), a)] = value
        equations.append({("n_fulfilled", a): 1, (("outcome", "fulfilled"), a): -1})
    for m in measures:
        equations.append({(m, "borough"): -1, **{(m, c): 1 for c in clusters}})
    return equations, known


@pytest.mark.parametrize("period", PERIODS)
def test_no_hidden_tcca_count_is_fixed_by_the_published_ones(q, period):
    equations, known = published(q, period)
    assert fixed_unknowns(equations, known) == []


def test_the_published_figures_are_the_true_ones_and_some_are_hidden(q):
    # the attack has something to find: FY 2024/25 hides figures, and what it shows solves
    # the equations with the hidden figures filled in from the marts (so the equations hold)
    equations, known = published(q, "2024/25")
    assert ("n_not_fulfilled", "grays") not in known and ("n_requests", TIL) not in known
    assert known[("n_requests", "grays")] == 12 and known[("n_within_48h", "grays")] == 9
    truth = {
        ("n_requests", TIL): 5,
        ("n_requests", "aveley"): 1,
        ("n_fulfilled", "grays"): 10,
        ("n_not_fulfilled", "grays"): 2,
    }
    r_eq = next(e for e in equations if len(e) == 10 and all(k[0] == "n_requests" for k in e))
    full = {**known, **truth}
    assert sum(c * full[k] for k, c in r_eq.items()) == 0  # 18 = 12 + 5 + 1 + zeros


def test_the_attack_finds_what_the_old_protection_gave_away(q):
    # before the fix Grays' 10 fulfilled and the borough's 15 were published beside their
    # requests 12 and 18: the attacker gets never fulfilled back (2 and 3, both [c])
    equations, known = published(q, "2024/25")
    leaked = {**known, ("n_fulfilled", "grays"): 10, ("n_fulfilled", "borough"): 15}
    leaked[(("outcome", "fulfilled"), "grays")] = 10
    leaked[(("outcome", "fulfilled"), "borough")] = 15
    found = fixed_unknowns(equations, leaked)
    assert ("n_not_fulfilled", "grays") in found and ("n_not_fulfilled", "borough") in found


def test_trends_hide_each_quarter_as_choosing_that_quarter_does(q):
    # the quarterly charts sit beside the chosen period's tables: a quarter chosen as the
    # period must show the very cells the trends show, or the two together would leak
    trend = q.tcca_trend("quarter")
    need = q.tcca_category_trend("grays", "need")
    for period in PERIODS[2:]:
        own = q.tcca_areas(period).set_index("area_slug")["n_requests_suppressed"]
        shown = trend[trend["period_label"] == period].set_index("area_slug")
        assert shown["n_requests_suppressed"].to_dict() == own.to_dict()
        cats = q.tcca_breakdown(period, "grays")
        cats = cats[cats["breakdown"] == "need"].set_index("category")["suppressed"]
        in_trend = need[need["period_label"] == period].set_index("category")["suppressed"]
        assert in_trend.to_dict() == cats.to_dict()


def year_published(q, fy_label: str, quarters: list[str]) -> tuple[list[dict], dict]:
    """A year and its quarters read together: every period's equations and figures (keys
    tagged with the period), and for every count, the year = its quarters added up."""
    equations, known = [], {}
    for period in [fy_label, *quarters]:
        eqs, kn = published(q, period)
        equations += [{(*k, period): c for k, c in e.items()} for e in eqs]
        known.update({(*k, period): v for k, v in kn.items()})
    seen = {k for e in equations for k in e}
    year_keys = {k[:2] for k in seen if k[2] == fy_label}
    for key in year_keys:
        for p in quarters:
            if (*key, p) not in seen:
                known[(*key, p)] = 0  # a category a quarter does not list had no requests
        equations.append({(*key, fy_label): -1, **{(*key, p): 1 for p in quarters}})
    return equations, known


@pytest.mark.parametrize("fy_label", ["2023/24", "2024/25"])
def test_no_hidden_count_comes_back_by_adding_up_quarters(q, fy_label):
    quarters = [f"{fy_label} Q{n}" for n in range(1, 5)]
    equations, known = year_published(q, fy_label, quarters)
    assert fixed_unknowns(equations, known) == []


def test_the_time_lines_are_protected_on_the_demo_warehouse(demo_db):
    from dashboard import queries
    from dashboard.queries import empowerment

    with restored_query_layer():
        queries.configure(demo_db)
        periods = queries.warehouse().query("periods")
        hidden_somewhere = False
        for fy_label in ("2021/22", "2023/24"):
            quarters = periods.loc[
                (periods["fy_label"] == fy_label) & (periods["period_type"] == "quarter"),
                "period_label",
            ].tolist()
            equations, known = year_published(empowerment, fy_label, quarters)
            unknowns = {k for e in equations for k in e} - known.keys()
            hidden_somewhere |= bool(unknowns)
            assert fixed_unknowns(equations, known) == [], fy_label
        assert hidden_somewhere
