"""Shared helpers for the demo generator: seeded random streams, dates and file writing."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pandas as pd

START = np.datetime64("2020-04-01", "D")  # first day of 2020/21
END = np.datetime64("2026-03-31", "D")  # last day of 2025/26: the extracts' "as at" date
EXTRACT_AT = np.datetime64("2026-04-01T00:00:00", "s")  # nothing in any extract is later
FIRST_FY = 2020
LAST_FY = 2025
SECONDS_PER_DAY = 86_400


def child_rng(seed: int, name: str) -> np.random.Generator:
    """An independent stream per table, so adding a table never shifts another's values."""
    return np.random.default_rng([seed % 2**63, zlib.crc32(name.encode())])


def fy_start(year: int) -> np.datetime64:
    return np.datetime64(f"{year}-04-01", "D")


def fy_label(year: int) -> str:
    """2020 -> '2020-21' (file names)."""
    return f"{year}-{(year + 1) % 100:02d}"


def fy_of(days: np.ndarray) -> np.ndarray:
    """Financial year start year of each datetime64 value."""
    months = days.astype("datetime64[M]").astype(int)  # months since 1970-01
    years = months // 12 + 1970
    return np.where(months % 12 >= 3, years, years - 1)


def day_range(first: np.datetime64, last: np.datetime64) -> np.ndarray:
    return np.arange(first, last + np.timedelta64(1, "D"), dtype="datetime64[D]")


def pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category index per row of `probs` (rows need not sum to 1): vectorised choice."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return np.minimum((cum < u[:, None]).sum(axis=1), probs.shape[1] - 1)


def choose(rng: np.random.Generator, values: list[str], weights: list[float], n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=float)
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=n, p=p / p.sum())]


def blank_some(
    rng: np.random.Generator, values: np.ndarray, blank: float, refused: float = 0.0
) -> np.ndarray:
    """Mark a share as not answered (None) and a share as 'Prefer not to say'."""
    out = values.astype(object).copy()
    u = rng.random(len(out))
    out[u < blank] = None
    out[(u >= blank) & (u < blank + refused)] = "Prefer not to say"
    return out


def fmt_date(values: pd.Series | np.ndarray) -> pd.Series:
    """YYYY-MM-DD text; missing -> blank."""
    return pd.Series(pd.to_datetime(values)).dt.strftime("%Y-%m-%d")


def fmt_ts(values: pd.Series | np.ndarray) -> pd.Series:
    """YYYY-MM-DD HH:MM:SS text; missing -> blank."""
    return pd.Series(pd.to_datetime(values)).dt.strftime("%Y-%m-%d %H:%M:%S")


def write_csv(path: Path, frame: pd.DataFrame) -> int:
    """UTF-8, '\\n' line ends, no index; blanks for missing. Returns the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return len(frame)


def fake_ids(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """'PREFIX' + zero-padded number, vectorised."""
    return np.char.add(prefix, np.char.zfill(numbers.astype(str), width)).astype(object)
