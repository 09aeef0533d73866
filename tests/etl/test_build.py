"""The build as a whole: determinism, audit history, privacy, the CLI's plain errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl import docs
from etl.build import build_warehouse
from etl.cli import main

METRIC_TABLES = ["metric_values", "metric_status", "core_contributions", "core_workforce"]


def dump(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"select * from {table} order by all").fetchall()
    finally:
        con.close()


def test_same_inputs_give_identical_metric_tables(tiny_raw, tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build_warehouse(tiny_raw, a, max_reject_share=1.0)
    build_warehouse(tiny_raw, b, max_reject_share=1.0)
    for table in METRIC_TABLES:
        rows = dump(a, table)
        assert rows, table
        assert rows == dump(b, table), table


def test_rebuild_keeps_run_history(tiny_raw, tmp_path):
    db = tmp_path / "w.duckdb"
    build_warehouse(tiny_raw, db, max_reject_share=1.0)
    build_warehouse(tiny_raw, db, max_reject_share=1.0)
    runs = dump(db, "etl_runs")
    assert len(runs) == 2
    assert len({r[4] for r in runs}) == 1  # same inputs hash
    files = dump(db, "etl_files")
    assert len(files) == 2 * 13


def test_no_raw_identifiers_or_contact_details_reach_the_warehouse(tiny_db):
    con = duckdb.connect(str(tiny_db), read_only=True)
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()]
    forbidden = {
        "U1",
        "U2",
        "E1",
        "E3",
        "V1",
        "resident001@example.invalid",
        "Resident A",
        "1 Example Street",
        "07700 900101",
        "ccm-demo-key-not-secret",
    }
    for table in tables:
        columns = [r[0] for r in con.execute(f"describe {table}").fetchall()]
        # public reference data (library addresses) is not personal data
        contact = {"email", "screen_name", "postcode", "resident_name", "address", "phone"}
        assert table.startswith("ref_") or not (contact | {"full_name", "notes"}) & set(columns)
        for column in columns:
            values = con.execute(f'select distinct "{column}"::varchar from {table}').fetchall()
            assert not forbidden & {v[0] for v in values}, f"{table}.{column}"
    # the same person keeps the same pseudonym across tables, so joins still work
    assert con.execute(
        "select count(*) from core_contributions c join core_participants p using (participant_id)"
    ).fetchall() == [(6,)]
    con.close()


def test_cli_reports_bad_input_plainly_and_exits_non_zero(raw_copy, tmp_path, capsys):
    (raw_copy / "tcca/volunteers.csv").unlink()
    code = main(["etl", "--raw", str(raw_copy), "--db", str(tmp_path / "w.duckdb"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("ccm etl: error: tcca/volunteers*.csv|.xlsx: no extract found")
    assert "Traceback" not in err
    assert not (tmp_path / "w.duckdb").exists()


def test_cli_missing_raw_folder(tmp_path, capsys):
    code = main(["etl", "--raw", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")])
    assert code == 1
    assert "extracts folder not found" in capsys.readouterr().err


def test_cli_etl_end_to_end_as_a_subprocess(tiny_raw, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(tiny_raw, raw)
    db = tmp_path / "w.duckdb"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl.cli",
            "etl",
            "--raw",
            str(raw),
            "--db",
            str(db),
            "--max-reject-share",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "13 files, 43 rows read, 0 rejected" in done.stdout
    # not a terminal: plain progress lines, no carriage returns
    assert "\r" not in done.stderr and "loading portal.projects" in done.stderr


def test_data_sources_doc_is_up_to_date():
    assert docs.DOC_PATH.read_text(encoding="utf-8") == docs.render(), "run `ccm docs`"


@pytest.mark.parametrize(
    "table",
    [
        "etl_runs",
        "etl_files",
        "etl_rejects",
        "metric_values",
        "metric_status",
        "ref_metric_catalogue",
        "ref_geo",
    ],
)
def test_warehouse_has_the_tables_the_dashboard_reads(tiny_db, table):
    con = duckdb.connect(str(tiny_db), read_only=True)
    assert con.execute(f"select count(*) from {table}").fetchall()[0][0] >= (
        0 if table == "etl_rejects" else 1
    )
    con.close()


def test_warehouse_holds_the_nine_current_cluster_outlines(tiny_db):
    con = duckdb.connect(str(tiny_db), read_only=True)
    layers = dict(con.execute("select layer, geojson from ref_geo").fetchall())
    con.close()
    clusters = json.loads(layers["clusters"])
    slugs = sorted(f["properties"]["cluster_slug"] for f in clusters["features"])
    assert len(slugs) == 9 and "aveley" in slugs and "grays" in slugs
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in clusters["features"])


def test_files_matching_no_contract_are_reported_not_silently_dropped(raw_copy, tmp_path, capsys):
    (raw_copy / "portal" / "notes.txt").write_text("not an extract")
    (raw_copy / "finance").mkdir()
    (raw_copy / "finance" / "budget.csv").write_text("a,b\n1,2\n")
    code = main(
        [
            "etl",
            "--raw",
            str(raw_copy),
            "--db",
            str(tmp_path / "w.duckdb"),
            "--quiet",
            "--max-reject-share",
            "1",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "ignored 2 file(s) that match no contract: finance/budget.csv, portal/notes.txt" in out
