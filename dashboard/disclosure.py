"""Disclosure control: the one function every public figure passes through.

Rule (ONS-style small-cell suppression): a figure built on a count of 1 to 4 people is not
published; it is shown as `[c]`. Secondary suppression: where a published total (the borough)
sits beside its parts (the clusters) and exactly one part is suppressed, the next smallest part
is suppressed too, so the hidden count cannot be recovered by subtraction. A percentage or rate
derived from a suppressed count is suppressed with it. Zero is not disclosive and is shown.
"""

from __future__ import annotations

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
    alone.
    """
    out = frame.copy()
    out["suppressed"] = False
    people = out["counts_people"].fillna(False).astype(bool)
    if not people.any():
        return out
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
