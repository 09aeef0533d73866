"""Bad input: each fault class becomes a reject with file, row, column and problem, or, over the
limit, a failed run that names them and leaves the previous warehouse untouched."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.build import build_warehouse
from etl.errors import EtlError


def append_row(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def rejects(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "select file, row_number, column_name, problem, value from etl_rejects order by all"
        ).fetchall()
    finally:
        con.close()


CONTRIBUTION = "C9,P1,U1,survey,2023-05-20 10:00:00,E05002236,,,,,"
FAULTS = {
    "unknown ward": (
        "portal/contributions_2023-05.csv",
        CONTRIBUTION.replace("E05002236", "E05099999"),
        "ward_code",
        "unknown ward",
    ),
    "unparseable date": (
        "portal/contributions_2023-05.csv",
        CONTRIBUTION.replace("2023-05-20 10:00:00", "31/13/2023 25:00"),
        "submitted_at",
        "not a date and time",
    ),
    "unknown project": (
        "portal/contributions_2023-05.csv",
        CONTRIBUTION.replace("P1", "P99"),
        "project_id",
        "unknown project",
    ),
    "duplicate key": (
        "portal/contributions_2023-05.csv",
        CONTRIBUTION.replace("C9", "C5"),
        "contribution_id",
        "duplicate key",
    ),
    "negative pay": (
        "workforce/workforce_snapshot_2024-03-31.csv",
        "E8,2024-03-31,Place,Band 3 (SO1-PO2),1.0,Y,-12.50,,2020-01-01,Male,35-44,,,,,",
        "hourly_pay_gbp",
        "below the minimum of 0",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_row_fault_is_rejected_with_file_row_column_and_reason(raw_copy, tmp_path, fault):
    file, line, column, problem = FAULTS[fault]
    append_row(raw_copy / file, line)
    db = tmp_path / "w.duckdb"
    summary = build_warehouse(raw_copy, db, max_reject_share=1.0)
    found = rejects(db)
    assert len(found) == 1
    got_file, row, got_column, got_problem, _ = found[0]
    data_rows = (raw_copy / file).read_text().count("\n") - 1
    # the spreadsheet row: header is row 1, so the appended last data row is data_rows + 1
    assert (got_file, row, got_column) == (file, data_rows + 1, column)
    assert got_problem.startswith(problem)
    by_file = {r.file: r for r in summary.files}
    assert by_file[file].rows_read == by_file[file].rows_loaded + by_file[file].rows_rejected
    assert by_file[file].rows_rejected == 1


def test_rejects_never_copy_personal_values(raw_copy, tmp_path):
    # an employee with an invalid sexual orientation: the value is personal, so it is withheld
    append_row(
        raw_copy / "workforce/workforce_snapshot_2024-03-31.csv",
        "E8,2024-03-31,Place,Band 3 (SO1-PO2),1.0,Y,12.50,,2020-01-01,Male,35-44,,,,Secret value,",
    )
    db = tmp_path / "w.duckdb"
    build_warehouse(raw_copy, db, max_reject_share=1.0)
    [(_, _, column, _, value)] = rejects(db)
    assert column == "sexual_orientation"
    assert value == "[withheld: personal data]"


def test_too_many_rejects_fail_the_run_and_keep_the_old_warehouse(raw_copy, tmp_path):
    db = tmp_path / "warehouse" / "w.duckdb"
    build_warehouse(raw_copy, db, max_reject_share=1.0)
    before = db.read_bytes()
    file, line, _, _ = FAULTS["unknown ward"]
    append_row(raw_copy / file, line)
    with pytest.raises(EtlError, match=r"contributions_2023-05\.csv: 1 of 5 rows rejected") as err:
        build_warehouse(raw_copy, db)  # contract limit: 5%
    assert "row 6, column ward_code: unknown ward" in str(err.value)
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir()] == ["w.duckdb"]  # no half-built file left


def test_missing_column_names_file_and_column(raw_copy, tmp_path):
    path = raw_copy / "hubs/hub_activity_2023-24.csv"
    lines = path.read_text().splitlines()
    lines = [",".join(line.split(",")[:-1]) for line in lines]  # drop volunteer_hours
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        EtlError, match=r"hubs/hub_activity_2023-24\.csv, row 1 \(header\), column volunteer_hours"
    ):
        build_warehouse(raw_copy, tmp_path / "w.duckdb", max_reject_share=1.0)


def test_missing_extract_is_an_error(raw_copy, tmp_path):
    (raw_copy / "tcca/volunteers.csv").unlink()
    with pytest.raises(EtlError, match=r"no extract found for tcca\.volunteers"):
        build_warehouse(raw_copy, tmp_path / "w.duckdb", max_reject_share=1.0)


def test_malformed_csv_is_an_error_not_a_traceback(raw_copy, tmp_path):
    append_row(raw_copy / "portal/petitions.csv", 'T2,P1,"unterminated quote,borough')
    with pytest.raises(EtlError, match=r"portal/petitions\.csv: not a readable CSV file"):
        build_warehouse(raw_copy, tmp_path / "w.duckdb", max_reject_share=1.0)


def test_corrupt_xlsx_is_an_error(raw_copy, tmp_path):
    (raw_copy / "commitments/commitment_updates_2024.xlsx").write_bytes(b"not a zip file")
    with pytest.raises(EtlError, match=r"commitment_updates_2024\.xlsx: cannot be read as an XLSX"):
        build_warehouse(raw_copy, tmp_path / "w.duckdb", max_reject_share=1.0)


def test_xlsx_extract_is_read_with_real_dates_and_its_named_sheet(raw_copy, tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Updates")
    sheet.append(
        ["commitment_id", "quarter", "rag", "percent_complete", "lead_directorate", "commentary"]
    )
    sheet.append(["EMP-01", "2023/24 Q2", "Amber", 60, "Resources", "Typed in Excel"])
    book.save(raw_copy / "commitments/commitment_updates_z.xlsx")
    db = tmp_path / "w.duckdb"
    build_warehouse(raw_copy, db, max_reject_share=1.0)
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "select rag, percent_complete from core_commitment_updates "
        "where commitment_id = 'EMP-01' and quarter_label = '2023/24 Q2'"
    ).fetchall()
    con.close()
    assert row == [("Amber", 60)]
    assert dt  # dates in XLSX are covered by the demo extracts (workforce snapshots)


def test_overlapping_extracts_latest_wins_and_counts_reconcile(tiny_con):
    files = tiny_con.execute(
        "select file, rows_read, rows_loaded, rows_rejected, rows_superseded from etl_files "
        "where table_name = 'contributions' order by file"
    ).fetchall()
    # C3 is in both monthly files; the April copy is superseded by May's
    assert files == [
        ("portal/contributions_2023-04.csv", 4, 4, 0, 1),
        ("portal/contributions_2023-05.csv", 4, 4, 0, 0),
    ]
    assert tiny_con.execute("select count(*) from stg_portal__contributions").fetchall() == [(7,)]
