"""Shared fixtures: a warehouse built by the real ETL from the tiny hand-made extracts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import queries
from dashboard.app import create_app
from etl.build import build_warehouse


def pytest_configure(config: pytest.Config) -> None:
    """Two test runs on one machine must not fight over the browser tests' server ports:
    CCM_TEST_PORT_BASE moves this run's first port (dash[testing] counts up from 58050)."""
    from dash.testing.application_runners import BaseDashRunner

    BaseDashRunner._next_port = int(os.environ.get("CCM_TEST_PORT_BASE", "58050"))


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


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo extracts at 1/20 scale through the real ETL: large enough for realistic tables,
    small enough that clusters and groups of 1 to 4 people occur (disclosure tests)."""
    from etl.demodata.extracts import generate

    base = tmp_path_factory.mktemp("demo")
    generate(base / "raw", seed=2021, scale=0.05)
    build_warehouse(base / "raw", base / "ccm.duckdb", max_reject_share=1.0)
    return base / "ccm.duckdb"


def pytest_setup_options():
    """Chromium flags for a root user on a closed network (dash[testing] hook)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,768",
    ):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return options


@pytest.fixture(scope="session")
def app(tiny_db):
    """One app per session: Dash attaches callbacks and pages once per process."""
    return create_app(tiny_db)


@pytest.fixture
def warehouse_at(tiny_db):
    """Point the running app's query layer somewhere else for one test, then back."""

    def point(path: Path) -> None:
        queries.configure(path)

    yield point
    queries.configure(tiny_db)
