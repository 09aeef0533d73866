"""Disclosure control: the one function every public figure passes through.

Rule (ONS-style small-cell suppression): a figure built on a count of 1 to 4 people is not
published; it is shown as `[c]`. Secondary suppression: where a published total (the borough)
sits beside its parts (the clusters) and exactly one part is suppressed, the next smallest part
is suppressed too, so the hidden count cannot be recovered by subtraction. A percentage or rate
derived from a suppressed count is suppressed with it. Zero is not disclosive and is shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SUPPRESSED = "[c]"
SMALL_MIN, SMALL_MAX = 1, 4
RULE_TEXT = (
    "Figures based on 1 to 4 people are suppressed and shown as [c]; where that would let a "
    "suppressed figure be worked out from a total, the next smallest figure is suppressed too."
)


def is_small(count: pd.Series) -> pd.Series:
    return count.between(SMALL_MIN, SMALL_MAX)


def protect_counts(
    frame: pd.DataFrame,
    count_col: str,
    derived_cols: tuple[str, ...] = (),
    group_cols: tuple[str, ...] = (),
    part_col: str | None = None,
    total_key: object = None,
    base_col: str | None = None,
) -> pd.DataFrame:
    """Suppress a table of counts of people; the general form of the rule.

    - Primary: a cell whose `count_col` (or `base_col`, the base a share is taken of) is 1 to 4.
    - Derived: `derived_cols` (rates, shares) are suppressed with their count.
    - Secondary: within each `group_cols` group, if the parts (rows whose `part_col` is not
      `total_key`) sit beside a published total and exactly one part is suppressed, the next
      smallest part is suppressed too, so the hidden count cannot be recovered by subtraction.
      Without `part_col` every row of a group is a part of an implied published total.
    Adds a boolean `suppressed`; suppressed cells are set to missing.
    """
    out = frame.copy()
    counts = out[count_col].fillna(0)
    primary = is_small(counts)
    if base_col is not None:
        primary |= is_small(out[base_col].fillna(0))
    out["suppressed"] = primary if "suppressed" not in out else out["suppressed"] | primary
    groups = out.groupby(list(group_cols)) if group_cols else [(None, out)]
    for _, group in groups:
        idx = group.index
        part = out.loc[idx]
        if part_col is not None:
            parts = part[part[part_col] != total_key]
            has_total = (part[part_col] == total_key).any()
        else:
            parts, has_total = part, True
        hidden = parts["suppressed"]
        if has_total and hidden.sum() == 1:
            visible = parts[~hidden & (parts[count_col].fillna(0) > 0)]
            if not visible.empty:
                out.loc[visible[count_col].idxmin(), "suppressed"] = True
    for col in (count_col, *derived_cols, *((base_col,) if base_col else ())):
        out[col] = out[col].where(~out["suppressed"])
    return out


def protect_metric_values(
    frame: pd.DataFrame, group_cols: tuple[str, ...] = ("metric_id", "period_label")
) -> pd.DataFrame:
    """Suppress metric values resting on small counts of people (see `protect_counts`).

    Expects `value`, `numerator`, `denominator`, `counts_people`, `area_slug` (and optionally
    `unit`: a percentage on a base of 1 to 4 is suppressed too). The borough is the published
    total of its clusters. Metrics that do not count people (days, pay, projects) are left
    alone unless `base_n`, the smallest group such a figure rests on (a pay gap's men or
    women), is 1 to 4. A suppressed value's RAG rating and direction of travel would give
    it away (above target, up on last year), so they are withheld with it.
    """
    out = frame.copy()
    out["suppressed"] = False
    people = out["counts_people"].fillna(False).astype(bool)
    if people.any():
        share_like = out.get("unit", pd.Series("", index=out.index)).eq("%")
        protected = protect_counts(
            out[people].assign(_base=out["denominator"].where(share_like)),
            "numerator",
            derived_cols=("value", "denominator"),
            group_cols=tuple(c for c in group_cols if c in out.columns),
            part_col="area_slug",
            total_key="borough",
            base_col="_base",
        )
        out.loc[people, ["value", "numerator", "denominator", "suppressed"]] = protected[
            ["value", "numerator", "denominator", "suppressed"]
        ]
    out["suppressed"] = out["suppressed"].astype(bool)
    if "base_n" in out:
        out["suppressed"] |= is_small(out["base_n"].fillna(0)) & ~people
    return withhold_status(out, out["suppressed"])


def withhold_status(frame: pd.DataFrame, hidden: pd.Series) -> pd.DataFrame:
    """Blank the value and everything derived from it in rows flagged `hidden`."""
    out = frame.copy()
    hidden = hidden.reindex(out.index).fillna(False).astype(bool)
    out["suppressed"] = out.get("suppressed", False) | hidden
    for col in ("value", "numerator", "denominator", "previous_value"):
        if col in out:
            out[col] = out[col].where(~out["suppressed"])
    if "rag" in out:
        out["rag"] = out["rag"].where(~out["suppressed"], "not_rated")
    if "direction" in out:
        out["direction"] = out["direction"].where(~out["suppressed"], "suppressed")
    return out


def format_cell(value: object, suppressed: bool, decimals: int = 1) -> str:
    """Text for a table cell or a download: `[c]` where suppressed, else the rounded value."""
    if suppressed:
        return SUPPRESSED
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "no data"
    if isinstance(value, int | float):
        return f"{value:,.{decimals}f}"
    return str(value)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Stop spreadsheet formula injection in CSV/XLSX downloads (OWASP): text cells that start
    with = + - @ or a tab/CR get a leading apostrophe. Numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_for_download(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_formula)
    return out


TOTAL_LABEL = "Total"


def _secondary_on_lines(values: pd.DataFrame, hidden: pd.DataFrame) -> pd.DataFrame:
    """Grow `hidden` until no row or column of the table (margins included) has exactly one
    hidden cell; each time, hide the smallest non-zero visible interior cell of that line, or
    its total when there is none. Loops over table lines (a handful), never over data rows."""
    hidden = hidden.copy()
    n_rows, n_cols = hidden.shape
    interior_r, interior_c = n_rows - 1, n_cols - 1
    changed = True
    while changed:
        changed = False
        lines = [("r", i) for i in range(n_rows)] + [("c", j) for j in range(n_cols)]
        for axis, k in lines:
            mask = hidden.iloc[k, :] if axis == "r" else hidden.iloc[:, k]
            vals = values.iloc[k, :] if axis == "r" else values.iloc[:, k]
            if int(mask.sum()) != 1:
                continue
            limit = interior_c if axis == "r" else interior_r
            positions = list(range(len(mask)))
            interior = [p for p in positions[:limit] if not mask.iloc[p] and vals.iloc[p] > 0]
            pick = min(interior, key=lambda p: (vals.iloc[p], p)) if interior else limit
            if axis == "r":
                hidden.iloc[k, pick] = True
            else:
                hidden.iloc[pick, k] = True
            changed = True
    return hidden


def _bridge(hidden: pd.DataFrame) -> tuple[int, int] | None:
    """A hidden cell that alone links two parts of the graph of hidden cells (rows and columns
    as nodes, hidden cells as edges). Such a cell is fixed by the line sums even when every
    line has two hidden cells; a cell on a cycle is not."""
    edges = [(i, j) for i, j in zip(*np.nonzero(hidden.to_numpy()), strict=True)]
    for cut in edges:
        links: dict[tuple[str, int], set] = {}
        for i, j in edges:
            if (i, j) != cut:
                links.setdefault(("r", i), set()).add(("c", j))
                links.setdefault(("c", j), set()).add(("r", i))
        seen, todo = {("r", cut[0])}, [("r", cut[0])]
        while todo:
            for nxt in links.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        if ("c", cut[1]) not in seen:
            return int(cut[0]), int(cut[1])
    return None


def _close_bridges(values: pd.DataFrame, hidden: pd.DataFrame) -> pd.DataFrame:
    """Hide more cells until every hidden cell sits on a cycle of hidden cells: for a bridge,
    hide the smallest visible non-zero cell in its row (else its column, else anywhere), then
    restore the 0-or-at-least-2 rule on the lines."""
    hidden = _secondary_on_lines(values, hidden)
    while (cut := _bridge(hidden)) is not None:
        visible = (~hidden.to_numpy()) & (values.to_numpy() > 0)
        r, c = cut
        options = [(r, j) for j in np.nonzero(visible[r, :])[0]]
        options = options or [(i, c) for i in np.nonzero(visible[:, c])[0]]
        options = options or list(zip(*np.nonzero(visible), strict=True))
        if not options:
            break
        grid = values.to_numpy()
        i, j = min(options, key=lambda cell: (grid[cell[0], cell[1]], cell))
        hidden.iloc[int(i), int(j)] = True
        hidden = _secondary_on_lines(values, hidden)
    return hidden


def _long_cells(grid: pd.DataFrame, row_col: str, col_col: str, name: str) -> pd.DataFrame:
    long = grid.rename_axis(index=row_col, columns=col_col).reset_index()
    return long.melt(id_vars=[row_col], var_name=col_col, value_name=name)


def protect_table(
    frame: pd.DataFrame,
    row_col: str,
    col_col: str,
    count_col: str,
    derived_cols: tuple[str, ...] = (),
    total_label: str = TOTAL_LABEL,
    hidden_row_totals: tuple = (),
) -> pd.DataFrame:
    """Two-way disclosure control for a cross-tab of counts of people published with its row
    and column totals (one long row per cell, parts only; totals are added here).

    - Primary: any cell or total of 1 to 4 is hidden.
    - Secondary: repeated until no row or column (its total included) has exactly one hidden
      cell, and no hidden cell is a "bridge" (fixed by combining several line sums), so
      nothing can be recovered by subtraction from the published totals.
    - `hidden_row_totals`: row keys whose total is hidden elsewhere (a table sharing this
      margin), so both tables hide it alike.
    Returns the parts plus total rows (`total_label` in `col_col` for row totals, in `row_col`
    for column totals), with `suppressed`; hidden counts and their `derived_cols` are missing.
    """
    table = frame.pivot_table(
        index=row_col, columns=col_col, values=count_col, aggfunc="sum", fill_value=0, sort=False
    )
    table[total_label] = table.sum(axis=1)
    table.loc[total_label] = table.sum(axis=0)
    hidden = (table >= SMALL_MIN) & (table <= SMALL_MAX)
    for key in hidden_row_totals:
        if key in hidden.index:
            hidden.loc[key, total_label] = True
    hidden = _close_bridges(table, hidden)
    cells = _long_cells(table, row_col, col_col, count_col)
    flags = _long_cells(hidden, row_col, col_col, "suppressed")
    cells = cells.merge(flags, on=[row_col, col_col])
    parts = frame.drop(columns=[count_col, "suppressed"], errors="ignore")
    is_margin = cells[row_col].eq(total_label) | cells[col_col].eq(total_label)
    interior = cells[~is_margin].merge(parts, on=[row_col, col_col], how="inner")
    out = pd.concat([interior, cells[is_margin]], ignore_index=True)
    for col in (count_col, *derived_cols):
        if col in out:
            out[col] = out[col].where(~out["suppressed"])
    out["suppressed"] = out["suppressed"].astype(bool)
    return out.reset_index(drop=True)


def hidden_row_totals(protected: pd.DataFrame, row_col: str, col_col: str) -> tuple:
    """Row keys whose total `protect_table` hid: pass to the next table sharing the margin."""
    mask = protected[col_col].eq(TOTAL_LABEL) & protected["suppressed"]
    return tuple(protected.loc[mask, row_col])


class LinearSystem:
    """Secondary suppression for figures tied together by linear equations that span tables
    (starters - leavers = end - start; reference + compared + not disclosed = all staff).

    Add each figure once with `cell` (a figure another table already publishes or hides is
    added with `can_hide=False` and that table's decision as `primary`; a total that is
    published nowhere with `published=False`), state what readers know with `equation`, then
    `solve`: more cells are hidden until no hidden figure is fixed by the published ones and
    the equations (its coordinate vanishes from every vector of the null space of the
    equations restricted to the unknown cells). Linear algebra over a handful of cells, not a
    loop over data rows.
    """

    FULL_SEARCH = 80  # open cells up to which every one is tried at each step
    TRIALS = 6  # beyond that, the smallest few sharing an equation with a leak

    def __init__(self, full_search: int = FULL_SEARCH) -> None:
        self.full_search = full_search
        self._keys: list = []
        self._index: dict = {}
        self._values: list[float] = []
        self._hidden: list[bool] = []
        self._published: list[bool] = []
        self._can_hide: list[bool] = []
        self._protect: list[bool] = []
        self._equations: list[dict[int, float]] = []

    def cell(
        self,
        key: object,
        value: float,
        primary: bool | None = None,
        can_hide: bool = True,
        published: bool = True,
        protect: bool | None = None,
    ) -> None:
        """Add a figure; `primary` defaults to the small-count rule (1 to 4).

        `protect=False` marks a figure that may be hidden to protect others but need not stay
        unknown itself (a disclosed base of 5 or more, published implicitly through shares);
        by default every hidden figure is protected."""
        if key in self._index:
            raise ValueError(f"cell {key!r} added twice")
        value = 0.0 if value is None or pd.isna(value) else float(value)
        self._index[key] = len(self._keys)
        self._keys.append(key)
        self._values.append(value)
        small = SMALL_MIN <= value <= SMALL_MAX
        self._hidden.append(bool(small if primary is None else primary) and published)
        self._published.append(published)
        self._can_hide.append(can_hide)
        self._protect.append(True if protect is None else protect)

    def has(self, key: object) -> bool:
        return key in self._index

    def equation(self, terms: dict) -> None:
        """sum(coefficient x cell) is known to readers (its value does not matter here)."""
        self._equations.append({self._index[k]: float(c) for k, c in terms.items()})

    def _dense(self) -> np.ndarray:
        """The equations as one matrix (equations x cells), built once per solve."""
        matrix = np.zeros((len(self._equations), len(self._keys)))
        for i, terms in enumerate(self._equations):
            for c, coef in terms.items():
                matrix[i, c] = coef
        return matrix

    def _fixed(self, hidden: np.ndarray, matrix: np.ndarray | None = None) -> np.ndarray:
        unknown = hidden | ~np.array(self._published)
        fixed = np.zeros(len(self._keys), dtype=bool)
        cols = np.nonzero(unknown)[0]
        if not len(cols) or not self._equations:
            return fixed
        sub = (self._dense() if matrix is None else matrix)[:, cols]
        sub = sub[np.abs(sub).sum(axis=1) > 0]  # equations without an unknown say nothing
        if not len(sub):
            return fixed
        _, sing, vt = np.linalg.svd(sub)
        rank = int((sing > 1e-9).sum())
        null = vt[rank:]
        determined = (null**2).sum(axis=0) < 1e-12 if len(null) else np.ones(len(cols), bool)
        fixed[cols] = determined
        return fixed & hidden & np.array(self._protect)

    def solve(self, prune: bool = False, zeros_last: bool = False) -> dict:
        """key -> hidden, after secondary suppression.

        Greedy: each step tries hiding each open cell and keeps the one that leaves the
        fewest figures fixed, preferring the smallest (a zero may be hidden: a published 0
        starters beside known start and end counts gives the leavers away). Beyond
        `full_search` open cells it tries only the `TRIALS` smallest sharing an equation with
        a leaked figure: a few trials per step, not one per cell, keep a period's tables to
        a fraction of a second (78 s to under 10 s for every TCCA period at demo scale). With
        `prune`, secondary cells are then offered back, largest first, and published again
        wherever nothing becomes fixed (the greedy path can hide a cell a later step made
        unnecessary). With `zeros_last`, a zero is hidden only where no count will do (a
        hidden 0 beside a hidden 3 tells readers the two make 3)."""
        hidden = np.array(self._hidden, dtype=bool)
        values = np.array(self._values)
        matrix = self._dense()
        open_ = np.array(self._published) & np.array(self._can_hide)
        while (leaks := self._fixed(hidden, matrix)).any():
            near = np.zeros(len(values), dtype=bool)
            for terms in self._equations:
                if any(leaks[c] for c in terms):
                    near[list(terms)] = True
            pool = np.nonzero(open_ & ~hidden)[0]
            if not len(pool):
                break
            if len(pool) > self.full_search and (open_ & ~hidden & near).any():
                pool = np.nonzero(open_ & ~hidden & near)[0]
            order = sorted(pool, key=lambda c: (bool(zeros_last and values[c] == 0), values[c], c))
            if len(pool) > self.full_search:
                order = order[: self.TRIALS]
            best = None
            for c in order:
                trial = hidden.copy()
                trial[c] = True
                score = (
                    int(self._fixed(trial, matrix).sum()),
                    bool(zeros_last and values[c] == 0),
                    not near[c],
                    values[c],
                    int(c),
                )
                best = score if best is None or score < best else best
            hidden[best[-1]] = True
        if prune:
            primary = np.array(self._hidden, dtype=bool)
            for c in sorted(np.nonzero(hidden & ~primary)[0], key=lambda c: (-values[c], c)):
                trial = hidden.copy()
                trial[c] = False
                if not self._fixed(trial, matrix).any():
                    hidden = trial
        return dict(zip(self._keys, hidden.tolist(), strict=True))
