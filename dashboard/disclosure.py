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


def protect_metric_values(
    frame: pd.DataFrame, group_cols: tuple[str, ...] = ("metric_id", "period_label")
) -> pd.DataFrame:
    """Suppress metric values resting on small counts of people.

    Expects columns `value`, `numerator`, `denominator`, `counts_people` and `area_slug`.
    Adds a boolean `suppressed`; suppressed rows have value, numerator and denominator set to
    missing (pages and downloads render them as `[c]`). Rows of metrics that do not count
    people (days, pay, projects) are left alone.
    """
    out = frame.copy()
    people = out["counts_people"].fillna(False).astype(bool)
    numerator = out["numerator"].fillna(0)
    denominator = out["denominator"].fillna(0)
    share_like = out.get("unit", pd.Series("", index=out.index)).eq("%")
    primary = people & (is_small(numerator) | (share_like & is_small(denominator)))
    out["suppressed"] = primary
    # Secondary: one suppressed cluster beside a published borough figure is recoverable.
    groups = [c for c in group_cols if c in out.columns]
    if groups:
        for _, idx in out[people].groupby(groups).groups.items():
            part = out.loc[idx]
            clusters = part[part["area_slug"] != "borough"]
            hidden = clusters["suppressed"]
            has_total = (part["area_slug"] == "borough").any()
            if has_total and hidden.sum() == 1:
                visible = clusters[~hidden & (clusters["numerator"].fillna(0) > 0)]
                if not visible.empty:
                    out.loc[visible["numerator"].idxmin(), "suppressed"] = True
    for col in ("value", "numerator", "denominator"):
        out[col] = out[col].where(~out["suppressed"])
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
