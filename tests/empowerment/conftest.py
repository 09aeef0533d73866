"""Empowerment fixtures: the tiny extracts plus 2024/25 hub and TCCA rows, built once.

The browser plumbing (app, warehouse_at, chromium options) is in tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.build import build_warehouse

EMPOWERMENT = Path(__file__).resolve().parents[1] / "fixtures" / "empowerment"


@pytest.fixture(scope="session")
def empowerment_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("empowerment") / "ccm.duckdb"
    build_warehouse(EMPOWERMENT, db, max_reject_share=1.0)
    return db


@pytest.fixture
def emp_con(empowerment_db: Path):
    con = duckdb.connect(str(empowerment_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def emp_queries(empowerment_db: Path):
    """The query layer pointed at the Empowerment warehouse for one test."""
    from dashboard import queries

    previous = queries._warehouse.path if queries._warehouse is not None else None
    queries.configure(empowerment_db)
    yield queries
    if previous is not None:
        queries.configure(previous)
