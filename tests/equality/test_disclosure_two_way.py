"""Two-way disclosure control: no count of 1 to 4 is shown, and no hidden cell can be worked
out from the row and column totals published beside it (checked by linear algebra: a hidden
cell is recoverable exactly when it is fixed by the published line sums)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.disclosure import TOTAL_LABEL, hidden_row_totals, protect_table


def _long(matrix: list[list[int]]) -> pd.DataFrame:
    rows = [
        {"row": f"r{i}", "col": f"c{j}", "n": v, "share": float(v)}
        for i, line in enumerate(matrix)
        for j, v in enumerate(line)
    ]
    return pd.DataFrame(rows)


def _grid(out: pd.DataFrame, col: str) -> pd.DataFrame:
    return out.pivot_table(index="row", columns="col", values=col, aggfunc="first", sort=False)


def _lines_ok(out: pd.DataFrame) -> bool:
    hidden = _grid(out, "suppressed").fillna(False).astype(bool)
    return bool(hidden.sum(axis=1).ne(1).all() and hidden.sum(axis=0).ne(1).all())


def _recoverable(matrix: list[list[int]], out: pd.DataFrame) -> list[tuple[str, str]]:
    """Hidden cells (margins included) fixed by the line equations: row i's cells sum to its
    total, column j's cells sum to its total, with visible values as constants."""
    hidden = _grid(out, "suppressed").astype(bool)
    unknowns = [(r, c) for r in hidden.index for c in hidden.columns if hidden.loc[r, c]]
    if not unknowns:
        return []
    index = {cell: k for k, cell in enumerate(unknowns)}
    rows_ = [r for r in hidden.index if r != TOTAL_LABEL]
    cols_ = [c for c in hidden.columns if c != TOTAL_LABEL]
    equations = []
    for r in [*rows_, TOTAL_LABEL]:
        eq = np.zeros(len(unknowns))
        for c in cols_:
            if (r, c) in index:
                eq[index[(r, c)]] += 1
        if (r, TOTAL_LABEL) in index:
            eq[index[(r, TOTAL_LABEL)]] -= 1
        equations.append(eq)
    for c in [*cols_, TOTAL_LABEL]:
        eq = np.zeros(len(unknowns))
        for r in rows_:
            if (r, c) in index:
                eq[index[(r, c)]] += 1
        if (TOTAL_LABEL, c) in index:
            eq[index[(TOTAL_LABEL, c)]] -= 1
        equations.append(eq)
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = []
    for cell, k in index.items():
        unit = np.zeros(len(unknowns))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.append(cell)
    return found


def test_hand_worked_table() -> None:
    #        c0  c1  c2 | total
    # r0      3  10  12 |  25
    # r1      8  20   9 |  37
    # total  11  30  21 |  62
    # Primary: 3 (r0,c0). Lines are checked rows first, then columns, until stable:
    # r0 has one hidden -> hide its smallest visible part, 10 (r0,c1);
    # c0 has one hidden (3) -> hide 8 (r1,c0); c1 has one hidden (10) -> hide 20 (r1,c1);
    # r1 now has two (8, 20): stable. A 2 x 2 block: every line has 0 or 2 hidden cells.
    out = protect_table(_long([[3, 10, 12], [8, 20, 9]]), "row", "col", "n", ("share",))
    hidden = _grid(out, "suppressed").astype(bool)
    interior = hidden.loc[["r0", "r1"], ["c0", "c1", "c2"]]
    assert interior.to_numpy().tolist() == [[True, True, False], [True, True, False]]
    assert not hidden.loc[TOTAL_LABEL, TOTAL_LABEL]
    assert out.loc[out["suppressed"], "share"].isna().all()
    assert _lines_ok(out)
    assert _recoverable([[3, 10, 12], [8, 20, 9]], out) == []


def test_nothing_small_means_nothing_hidden() -> None:
    out = protect_table(_long([[5, 10], [0, 20]]), "row", "col", "n")
    assert not out["suppressed"].any()
    total = out[(out["row"] == TOTAL_LABEL) & (out["col"] == TOTAL_LABEL)]["n"].iloc[0]
    assert total == 35


def test_single_column_hides_total_with_its_only_part() -> None:
    # one column: a row total equals its one cell, so a hidden cell hides its row total
    out = protect_table(_long([[3], [12], [7]]), "row", "col", "n")
    hidden = _grid(out, "suppressed").astype(bool)
    assert hidden.loc["r0", "c0"] and hidden.loc["r0", TOTAL_LABEL]
    assert hidden.loc["r2", "c0"]  # 7, the smallest visible part in the column, hidden too
    assert _lines_ok(out)


def test_shared_margin_is_hidden_alike() -> None:
    first = protect_table(_long([[3, 10], [8, 20]]), "row", "col", "n")
    keys = hidden_row_totals(first, "row", "col")
    second = protect_table(_long([[6, 7], [9, 19]]), "row", "col", "n", hidden_row_totals=keys)
    assert set(keys) <= set(hidden_row_totals(second, "row", "col"))
    assert _lines_ok(second)


@pytest.mark.parametrize("seed", range(300))
def test_random_tables_leave_nothing_recoverable(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows, n_cols = rng.integers(1, 6), rng.integers(1, 6)
    matrix = rng.choice([0, 1, 2, 3, 4, 5, 7, 12, 30], size=(n_rows, n_cols)).tolist()
    out = protect_table(_long(matrix), "row", "col", "n")
    shown = out.loc[~out["suppressed"], "n"]
    assert not shown.between(1, 4).any(), "a count of 1 to 4 is shown"
    assert _lines_ok(out), "a row or column has exactly one hidden cell"
    assert _recoverable(matrix, out) == [], "a hidden cell is fixed by the totals"


@pytest.mark.parametrize("by", ["Grade band", "Directorate"])
@pytest.mark.parametrize(
    "characteristic",
    ["sex", "age_band", "ethnic_group", "disability", "religion", "sexual_orientation"],
)
def test_published_representation_tables_leave_nothing_recoverable(
    configured, characteristic: str, by: str
) -> None:
    """The grade band and directorate tables with their margins: the all-staff counts are the
    row totals, the `Total` rows the column totals. No line has exactly one hidden cell."""
    from dashboard.queries import equality

    part = equality.representation(2025, characteristic, by)
    everyone = equality.representation(2025, characteristic, "All staff")
    margin = everyone.assign(breakdown_value=TOTAL_LABEL)
    grid = pd.concat([part, margin]).pivot_table(
        index="category", columns="breakdown_value", values="n_staff_suppressed", aggfunc="any"
    )
    grid = grid.fillna(False).astype(bool)
    assert grid.sum(axis=1).ne(1).all(), grid
    assert grid.sum(axis=0).ne(1).all(), grid
    shown = pd.concat([part, everyone])
    shown = shown.loc[~shown["n_staff_suppressed"], "n_staff"]
    assert not shown.between(1, 4).any()
