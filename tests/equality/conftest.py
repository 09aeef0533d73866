"""The equality fixture: the tiny extracts with the workforce files replaced by
tests/fixtures/equality/workforce (see its README for the hand computation)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard import queries
from etl.build import build_warehouse
from etl.load import DEFAULT_PSEUDONYM_KEY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def equality_raw(target: Path) -> Path:
    """Copy tiny to `target` and swap in the equality workforce extracts."""
    shutil.copytree(FIXTURES / "tiny", target)
    shutil.rmtree(target / "workforce")
    shutil.copytree(FIXTURES / "equality" / "workforce", target / "workforce")
    return target


@pytest.fixture(scope="session")
def equality_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("equality")
    raw = equality_raw(base / "raw")
    db = base / "ccm.duckdb"
    # the quartile tie rule orders by pseudonymised id: build with the public demo key so
    # the hand-computed ties (test_gender_pay_gap.py) hold whatever key the shell has set
    previous = os.environ.pop("CCM_PSEUDONYM_KEY", None)
    os.environ["CCM_PSEUDONYM_KEY"] = DEFAULT_PSEUDONYM_KEY
    try:
        build_warehouse(raw, db, max_reject_share=1.0)
    finally:
        os.environ.pop("CCM_PSEUDONYM_KEY")
        if previous is not None:
            os.environ["CCM_PSEUDONYM_KEY"] = previous
    return db


@contextmanager
def restored_query_layer():
    """The query layer is global (the CLI and the tests point it at other files): put the
    previous warehouse back afterwards so other tests keep reading theirs."""
    current = queries._warehouse  # noqa: SLF001
    previous = current.path if current is not None else None
    try:
        yield
    finally:
        if previous is not None:
            queries.configure(previous)


@pytest.fixture
def configured(equality_db):
    with restored_query_layer():
        queries.configure(equality_db)
        yield
