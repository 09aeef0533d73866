"""The demo extracts: deterministic, in exactly the contract formats, realistic where it matters,
and loadable by the real ETL with exactly the deliberate faults rejected."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.build import build_warehouse
from etl.contracts import all_tables
from etl.demodata.extracts import DELIBERATE_FAULTS, generate
from etl.load import find_files


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    generate(out, seed=2021)
    return out


@pytest.fixture(scope="module")
def demo_db(demo, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo_db") / "ccm.duckdb"
    build_warehouse(demo, db)
    return db


def test_same_seed_same_bytes_different_seed_different_bytes(demo, tmp_path):
    again = tmp_path / "again"
    generate(again, seed=2021)
    assert digest(again) == digest(demo)
    other = tmp_path / "other"
    generate(other, seed=7)
    assert digest(other) != digest(demo)


def test_every_contract_table_has_files_with_exactly_its_columns(demo):
    import openpyxl

    for table in all_tables():
        files = find_files(demo, table)
        assert files, table.qualified
        expected = [c.name for c in table.columns] + list(table.dropped_columns)
        for path in files:
            if path.suffix == ".csv":
                header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
            else:
                book = openpyxl.load_workbook(path, read_only=True)
                sheet = book[table.sheet] if table.sheet else book.worksheets[0]
                header = list(next(sheet.iter_rows(values_only=True)))
                book.close()
            assert sorted(header) == sorted(expected), path


def test_the_real_etl_loads_it_and_rejects_exactly_the_deliberate_faults(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    rejected = dict(
        con.execute(
            "select file, count(distinct row_number) from etl_rejects group by file"
        ).fetchall()
    )
    files = con.execute("select count(*) from etl_files").fetchall()[0][0]
    con.close()
    assert rejected == DELIBERATE_FAULTS
    assert files == 98


def test_realistic_where_it_matters(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)

    def one(sql: str):
        return con.execute(sql).fetchall()[0][0]

    staff = con.execute(
        "select count(*) from core_workforce group by fy_label order by fy_label"
    ).fetchall()
    assert all(1_900 <= n <= 2_150 for (n,) in staff)
    female = one("select avg((sex = 'Female')::int) from core_workforce")
    assert 0.55 <= female <= 0.75
    gap = one(
        "select value from metric_values where metric_id = 'equ_gender_pay_gap_mean' "
        "and period_label = '2024/25'"
    )
    assert 3 <= gap <= 15
    chiefs = one(
        "select count(*) from core_workforce where fy_label = '2024/25' "
        "and grade_band = 'Band 6 (Chief Officers)'"
    )
    assert 10 <= chiefs <= 30
    tcca = [
        n
        for (n,) in con.execute(
            "select numerator from metric_values where metric_id = 'emp_tcca_requests_per_1000' "
            "and area_slug = 'borough' and period_type = 'fy' order by period_label"
        ).fetchall()
    ]
    assert tcca[0] > tcca[1] > tcca[2] and tcca[0] > 5 * tcca[-1]
    assert 8_000 <= sum(tcca) <= 14_000
    # participation is lower in the most deprived cluster than in the least deprived
    reach = dict(
        con.execute(
            "select area_slug, value from metric_values where metric_id = "
            "'eng_participants_per_1000' and period_label = '2024/25'"
        ).fetchall()
    )
    assert reach["tilbury-and-chadwell-st-mary"] < reach["chafford-hundred"]
    # a small group exists, so suppression matters
    tiny = one(
        "select min(n) from (select count(*) n from core_workforce where fy_label = '2024/25' "
        "group by religion)"
    )
    assert 1 <= tiny <= 10
    con.close()


def test_scale_multiplies_events_not_files(demo, tmp_path):
    double = tmp_path / "double"
    written = generate(double, seed=2021, scale=2.0)
    assert sorted(written) == sorted(digest(demo))
    rows = lambda folder, glob: sum(  # noqa: E731
        len(pd.read_csv(p, usecols=[0])) for p in folder.glob(glob)
    )
    ratio = rows(double, "portal/contributions_*.csv") / rows(demo, "portal/contributions_*.csv")
    assert 1.8 <= ratio <= 2.2
    assert rows(double, "hubs/*.csv") == rows(demo, "hubs/*.csv")
