"""Shared fixtures: a warehouse built by the real ETL from the tiny hand-made extracts."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.build import build_warehouse

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"


@pytest.fixture(scope="session")
def tiny_raw() -> Path:
    return TINY


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny fixture built once. The fixture has 1-row files, so the reject limit is lifted."""
    db = tmp_path_factory.mktemp("tiny") / "ccm.duckdb"
    build_warehouse(TINY, db, max_reject_share=1.0)
    return db


@pytest.fixture
def tiny_con(tiny_db: Path):
    con = duckdb.connect(str(tiny_db), read_only=True)
    yield con
    con.close()


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny extracts, for tests that break them."""
    target = tmp_path / "raw"
    shutil.copytree(TINY, target)
    return target


@pytest.fixture(scope="session")
def engagement_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny extracts plus the Engagement page's rows (see fixtures/engagement/README.md)."""
    db = tmp_path_factory.mktemp("engagement") / "ccm.duckdb"
    build_warehouse(FIXTURES / "engagement", db, max_reject_share=1.0)
    return db
