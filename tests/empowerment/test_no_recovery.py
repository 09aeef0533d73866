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

TIL = "tilbury-and-chadwell-st-mary"
PERIODS = ["2023/24", "2024/25"] + [
    f"{y} Q{n}" for y in ("2023/24", "2024/25") for n in range(1, 5)
]
COUNTS = ("n_requests", "n_fulfilled", "n_not_fulfilled")


@pytest.fixture
def q(emp_queries):
    from dashboard.queries import empowerment

    return empowerment


def fixed_unknowns(equations: list[dict], known: dict) -> list:
    """Unknowns (keys absent from `known`) that the equations pin down: a unit vector on the
    unknown lies in the row space of the equations restricted to the unknowns."""
    unknowns = sorted({k for eq in equations for k in eq if k not in known}, key=repr)
    if not unknowns:
        return []
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = np.zeros((len(equations), len(unknowns)))
    for row, eq in enumerate(equations):
        for key, coef in eq.items():
            if key in index:
                matrix[row, index[key]] = coef
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for key, i in index.items():
        unit = np.zeros(len(unknowns))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found


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
