"""`ccm equality-report`: the files, their layout, the notes, and clear one-line errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.disclosure import RULE_TEXT
from dashboard.reports import equality_report
from etl.cli import main
from tests.equality.conftest import restored_query_layer

GPG_ROWS = [
    "DiffMeanHourlyPercent",
    "DiffMedianHourlyPercent",
    "DiffMeanBonusPercent",
    "DiffMedianBonusPercent",
    "MaleBonusPercent",
    "FemaleBonusPercent",
    "MaleLowerQuartile",
    "FemaleLowerQuartile",
    "MaleLowerMiddleQuartile",
    "FemaleLowerMiddleQuartile",
    "MaleUpperMiddleQuartile",
    "FemaleUpperMiddleQuartile",
    "MaleTopQuartile",
    "FemaleTopQuartile",
]
TABLES = [
    "gender_pay_gap",
    "pay_quartiles",
    "pay_gaps",
    "group_pay_quartiles",
    "representation",
    "disclosure",
    "turnover",
    "living_in_borough",
]


@pytest.fixture(scope="module")
def report_dir(equality_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    with restored_query_layer():
        code = main(
            ["equality-report", "--year", "2025", "--out", str(out), "--db", str(equality_db)]
        )
    assert code == 0
    return out


def test_writes_one_csv_per_table_and_two_workbooks(report_dir: Path) -> None:
    names = {p.name for p in report_dir.iterdir()}
    assert {f"{t}.csv" for t in TABLES} <= names
    assert {"README.csv", "columns.csv"} <= names
    assert {"workforce-equality-report-2025.xlsx", "workforce-equality-report-2025.ods"} <= names


def test_gender_pay_gap_csv_is_ready_for_the_gov_uk_service(report_dir: Path) -> None:
    text = (report_dir / "gender_pay_gap.csv").read_text(encoding="utf-8")
    frame = pd.read_csv(report_dir / "gender_pay_gap.csv", dtype=str)
    assert text.splitlines()[0] == "measure,value"
    assert frame["measure"].tolist() == GPG_ROWS
    values = dict(zip(frame["measure"], frame["value"], strict=True))
    # 86/530 = 16.2264 % (see test_gender_pay_gap.py), one decimal place
    assert values["DiffMeanHourlyPercent"] == "16.2"
    assert values["DiffMedianHourlyPercent"] == "25.0"
    assert values["MaleBonusPercent"] == "[c]"  # 3 men received a bonus


def test_ethnicity_and_disability_bonus_and_quartiles_are_in_the_downloads(
    report_dir: Path,
) -> None:
    gaps = pd.read_csv(report_dir / "pay_gaps.csv", dtype=str).set_index(
        ["dimension", "comparison_group"]
    )
    bonus = [
        "mean_bonus_gap_percent",
        "median_bonus_gap_percent",
        "reference_bonus_percent",
        "comparison_bonus_percent",
    ]
    # hand-computed in test_pay_gaps.py; each rests on 1 to 4 people paid a bonus
    for key in (("ethnicity", "All ethnic minorities"), ("disability", "Disabled")):
        assert gaps.loc[key, bonus].tolist() == ["[c]"] * 4, key
        assert gaps.loc[key, "median_gap_percent"] != "[c]"
    assert not any(c.startswith(("n_reference_", "n_comparison_")) for c in gaps.columns)
    quartiles = pd.read_csv(report_dir / "group_pay_quartiles.csv", dtype=str)
    assert quartiles.columns.tolist() == [
        "dimension",
        "quartile_band",
        "group",
        "n_staff",
        "percent_of_band",
    ]
    totals = quartiles[quartiles["quartile_band"] == "Total"]
    assert totals[["dimension", "group", "n_staff", "percent_of_band"]].to_numpy().tolist() == [
        ["ethnicity", "White British", "7", "58.3"],  # 7 / 12
        ["ethnicity", "All ethnic minorities", "5", "41.7"],
        ["ethnicity", "Total", "12", "100.0"],
        ["disability", "Not disabled", "6", "54.5"],  # 6 / 11
        ["disability", "Disabled", "5", "45.5"],
        ["disability", "Total", "11", "100.0"],
    ]
    assert (quartiles.loc[quartiles["quartile_band"] != "Total", "n_staff"] == "[c]").all()


def test_notes_say_where_hourly_pay_comes_from_and_the_cross_table_rule(
    report_dir: Path,
) -> None:
    sheets = pd.read_excel(
        report_dir / "workforce-equality-report-2025.xlsx", sheet_name="notes", dtype=str
    )
    notes = dict(zip(sheets["topic"], sheets["note"], strict=True))
    assert "HR supplies each employee's hourly rate of ordinary pay" in notes["Hourly pay"]
    assert "start + starters - leavers = staff at the end" in notes["Across tables"]
    # the regulations' terms, defined
    assert (
        "full-pay relevant employee is one not being paid at a reduced rate"
        in (notes["Relevant employees"])
    )
    assert "excludes overtime" in notes["Relevant employees"]


def test_workbooks_hold_the_same_tables_and_a_notes_sheet(report_dir: Path) -> None:
    for name in ("workforce-equality-report-2025.xlsx", "workforce-equality-report-2025.ods"):
        engine = "odf" if name.endswith(".ods") else "openpyxl"
        sheets = pd.read_excel(report_dir / name, sheet_name=None, engine=engine, dtype=str)
        assert list(sheets)[0] == "notes"
        assert set(TABLES) <= set(sheets)
        notes = sheets["notes"]
        assert RULE_TEXT in notes["note"].tolist()
        assert any("31 March 2025" in n and "2024/25" in n for n in notes["note"])
        csv = pd.read_csv(report_dir / "gender_pay_gap.csv", dtype=str)
        assert sheets["gender_pay_gap"]["measure"].tolist() == csv["measure"].tolist()


def test_every_column_is_documented(report_dir: Path) -> None:
    docs = pd.read_csv(report_dir / "columns.csv")
    for table in TABLES:
        header = pd.read_csv(report_dir / f"{table}.csv", nrows=0).columns.tolist()
        documented = docs.loc[docs["file"] == f"{table}.csv", "column"].tolist()
        assert header == documented, table
    readme = pd.read_csv(report_dir / "README.csv")
    assert readme["file"].tolist() == [f"{t}.csv" for t in TABLES]


def test_no_csv_shows_a_count_of_one_to_four(report_dir: Path) -> None:
    for table in TABLES:
        frame = pd.read_csv(report_dir / f"{table}.csv", dtype=str)
        for col in [c for c in frame.columns if c.startswith("n_")]:
            shown = pd.to_numeric(frame[col].where(frame[col] != "[c]"), errors="coerce")
            assert not shown.between(1, 4).any(), (table, col)


def test_text_is_formula_neutralised(configured, equality_db, tmp_path: Path, monkeypatch) -> None:
    from dashboard.queries.equality import ReportTable

    evil = ReportTable(
        "evil", "Evil", "A cell starting with =", {"a": "text"}, pd.DataFrame({"a": ["=1+1"]})
    )
    monkeypatch.setattr(equality_report, "report_tables", lambda year: [evil])
    main(["equality-report", "--year", "2025", "--out", str(tmp_path), "--db", str(equality_db)])
    assert (tmp_path / "evil.csv").read_text(encoding="utf-8").splitlines()[1] == "'=1+1"


def test_unknown_year_is_a_one_line_error(configured, equality_db, tmp_path, capsys) -> None:
    code = main(
        ["equality-report", "--year", "2019", "--out", str(tmp_path), "--db", str(equality_db)]
    )
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.count("\n") == 0
    assert "no workforce snapshot at 31 March 2019" in err and "2024, 2025" in err
    assert not any(tmp_path.iterdir())


def test_missing_warehouse_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.duckdb"
    code = main(
        ["equality-report", "--year", "2025", "--out", str(tmp_path / "o"), "--db", str(missing)]
    )
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.count("\n") == 0 and "no warehouse" in err


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_the_page_download_is_the_command_line_workbook(
    configured, report_dir: Path, kind: str
) -> None:
    import io

    from dashboard.reports.equality_report import workbook_bytes

    engine = "odf" if kind == "ods" else "openpyxl"
    page = pd.read_excel(
        io.BytesIO(workbook_bytes(2025, kind)), sheet_name=None, engine=engine, dtype=str
    )
    cli = pd.read_excel(
        report_dir / f"workforce-equality-report-2025.{kind}",
        sheet_name=None,
        engine=engine,
        dtype=str,
    )
    assert list(page) == ["notes", *TABLES, "columns"]
    assert list(page) == list(cli)
    for sheet, frame in cli.items():
        pd.testing.assert_frame_equal(page[sheet], frame)
