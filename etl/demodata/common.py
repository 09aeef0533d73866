"""Shared pieces of the demo generator: the period covered and small vectorised helpers."""

from __future__ import annotations

import numpy as np
import pandas as pd

START = pd.Timestamp("2020-04-01")
END = pd.Timestamp("2026-03-31 23:59:59")
FY_STARTS = range(2020, 2026)
DAYS = pd.date_range(START, END.normalize(), freq="D")


def pick(rng: np.random.Generator, options: list[str], probs: list[float], n: int) -> np.ndarray:
    p = np.asarray(probs, dtype=float)
    return rng.choice(np.asarray(options, dtype=object), size=n, p=p / p.sum())


def blank_out(rng: np.random.Generator, values: np.ndarray, share: float) -> np.ndarray:
    """Set a random share of values to missing (a question left unanswered)."""
    out = values.astype(object).copy()
    out[rng.random(len(out)) < share] = None
    return out


def fmt_ts(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%Y-%m-%d %H:%M:%S")


def fmt_date(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%Y-%m-%d")


def write_csv(frame: pd.DataFrame, path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    return len(frame)
