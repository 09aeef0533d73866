"""The only code that opens the warehouse: read-only, reopened when the ETL swaps in a new file.

An open DuckDB connection keeps reading the old file after `os.replace`, and DuckDB hands back
the old database while any connection to it is open; so every call checks the file's stamp
(inode, mtime, size) and, when it changed, closes the old connection and clears the cache.
"""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd

T = TypeVar("T")
SQL_DIR = Path(__file__).resolve().parent / "sql"


class WarehouseMissing(RuntimeError):
    """No warehouse file yet (the ETL has not been run)."""


class WarehouseUnreadable(RuntimeError):
    """A file is there but is not a warehouse this version can read."""


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


class Warehouse:
    """A read-only view of one warehouse file, with a result cache per file version."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple | None = None
        self._cache: dict[tuple, pd.DataFrame] = {}

    def _current_stamp(self) -> tuple:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise WarehouseMissing(str(self.path)) from None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _cursor(self) -> tuple[duckdb.DuckDBPyConnection, tuple]:
        stamp = self._current_stamp()
        with self._lock:
            if stamp != self._stamp or self._con is None:
                if self._con is not None:
                    self._con.close()
                    self._con = None
                self._cache.clear()
                try:
                    self._con = duckdb.connect(str(self.path), read_only=True)
                except duckdb.Error as exc:
                    raise WarehouseUnreadable(f"{self.path}: {exc}") from None
                self._stamp = stamp
            return self._con.cursor(), stamp

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """Run the named SQL file with bound parameters; a copy of the cached result."""
        cursor, stamp = self._cursor()
        key = (name, tuple(sorted(params.items())), stamp)
        if key not in self._cache:
            try:
                frame = cursor.execute(sql_text(name), params or None).df()
            except duckdb.CatalogException as exc:
                raise WarehouseUnreadable(f"{self.path}: {exc}") from None
            finally:
                cursor.close()
            self._cache[key] = frame
        return self._cache[key].copy()

    def derived(self, name: str, compute: Callable[[], T], *args: object) -> T:
        """A value computed from query results (a disclosure-controlled table), cached with
        them for this file version so each page load does the protection work once."""
        cursor, stamp = self._cursor()
        cursor.close()
        key = ("derived:" + name, args, stamp)
        with self._lock:
            if key in self._cache:
                return copy.deepcopy(self._cache[key])
        value = compute()
        with self._lock:
            self._cache[key] = value
        return copy.deepcopy(value)

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None
            self._stamp = None
            self._cache.clear()
