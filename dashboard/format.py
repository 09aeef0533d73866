"""Numbers and words as a committee paper would print them."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.disclosure import SUPPRESSED

RAG_TEXT = {
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "not_rated": "No target",
}
RAG_ICON = {"on_track": "✓", "at_risk": "!", "off_track": "✕", "not_rated": "–"}
DIRECTION_TEXT = {
    "improving": "Improving",
    "worsening": "Worsening",
    "no_change": "No change",
    "no_previous": "No earlier figure",
    "suppressed": "No comparison published (small numbers)",
    "up": "Up",
    "down": "Down",
}
DIRECTION_ICON = {
    "improving": "▲",
    "worsening": "▼",
    "no_change": "▶",
    "no_previous": "",
    "suppressed": "",
    "up": "▲",
    "down": "▼",
}


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: object, unit: str, decimals: int = 1, suppressed: bool = False) -> str:
    """'12.3 per 1,000 residents', '45.0%', '[c]' or 'no data'."""
    if suppressed:
        return SUPPRESSED
    if is_missing(value):
        return "no data"
    text = f"{float(value):,.{int(decimals)}f}"
    if unit == "%":
        return text + "%"
    if unit == "ratio":
        return text
    return f"{text} {unit}"


def bare_number(value: object, unit: str, decimals: int = 1, suppressed: bool = False) -> str:
    """Without the unit words (for tables whose header carries the unit)."""
    if suppressed:
        return SUPPRESSED
    if is_missing(value):
        return "no data"
    return f"{float(value):,.{int(decimals)}f}" + ("%" if unit == "%" else "")


def rag_rule_text(entry: dict) -> str:
    """The catalogue's RAG rule in words a committee paper can quote."""
    target, unit, polarity = entry.get("target"), entry["unit"], entry["polarity"]
    if polarity == "neutral" or is_missing(target):
        return "No target: this is a measure of context or need, so it is not rated."
    tolerance = float(entry.get("amber_tolerance") or 0)
    dec = int(entry.get("decimals") or 1)
    margin = abs(float(target)) * tolerance
    periods = entry.get("rag_period_types", "fy,quarter")
    scope = "" if "quarter" in periods else " Rated for financial years only."
    if polarity == "up":
        return (
            f"On track at or above {number(target, unit, dec)}; at risk from "
            f"{number(target - margin, unit, dec)} up to the target; off track below "
            f"{number(target - margin, unit, dec)}.{scope}"
        )
    return (
        f"On track at or below {number(target, unit, dec)}; at risk above the target up to "
        f"{number(target + margin, unit, dec)}; off track above "
        f"{number(target + margin, unit, dec)}.{scope}"
    )


POLARITY_TEXT = {
    "up": "Higher is better",
    "down": "Lower is better",
    "neutral": "Neither: a measure of context or need",
}


def missing(value: object) -> bool:
    """None, NaN, NaT or pandas NA (numbers from DuckDB arrive as any of them)."""
    return value is None or bool(pd.isna(value))


def count(value: object, suppressed: bool = False) -> str:
    """A count of people or things: '1,234', '[c]' or 'no data'."""
    if suppressed:
        return SUPPRESSED
    return "no data" if missing(value) else f"{int(value):,}"


def pct(value: object, suppressed: bool = False) -> str:
    """A percentage already on the 0-100 scale: '12.3%', '[c]' or 'no data'."""
    if suppressed:
        return SUPPRESSED
    return "no data" if missing(value) else f"{float(value):.1f}%"


def money(value: object) -> str:
    """Pounds, whole: '£1,234' or 'none'."""
    return "none" if missing(value) else f"£{float(value):,.0f}"
