"""Build the warehouse: load extracts, run models, check, then swap the new file in.

The new database is written beside the target and `os.replace`d over it only after every
check has passed, so a failed run leaves the warehouse committee members see untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from etl.contracts import all_tables, load_contracts
from etl.errors import EtlError
from etl.load import FileResult, install_pseudonymiser, load_table
from etl.models import dependency_order, discover, run_checks, run_model
from etl.progress import Progress
from etl.reference import REFERENCE_DIR, load_reference

MACROS = [
    # UK financial year (April-March) and quarter (Q1 = April-June) of a date.
    "create or replace temp macro fy_start_year(d) as "
    "case when month(d) >= 4 then year(d) else year(d) - 1 end",
    "create or replace temp macro fy_label(d) as "
    "fy_start_year(d)::varchar || '/' || lpad(((fy_start_year(d) + 1) % 100)::varchar, 2, '0')",
    "create or replace temp macro fy_quarter(d) as ((month(d) + 8) % 12) // 3 + 1",
    "create or replace temp macro quarter_label(d) as "
    "fy_label(d) || ' Q' || fy_quarter(d)::varchar",
]

AUDIT_TABLES = [
    "create table etl_rejects (source varchar, table_name varchar, file varchar, "
    "row_number bigint, column_name varchar, problem varchar, value varchar)",
    "create table etl_files (run_id varchar, source varchar, table_name varchar, file varchar, "
    "sha256 varchar, rows_read bigint, rows_loaded bigint, rows_rejected bigint, "
    "rows_superseded bigint)",
    "create table etl_runs (run_id varchar, started_at timestamp, finished_at timestamp, "
    "raw_dir varchar, inputs_sha256 varchar, n_files integer, rows_read bigint, "
    "rows_loaded bigint, rows_rejected bigint, n_checks integer, status varchar)",
]


@dataclass
class BuildSummary:
    run_id: str
    db_path: Path
    files: list[FileResult]
    n_checks: int
    ignored: list[str]

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def rows_rejected(self) -> int:
        return sum(f.rows_rejected for f in self.files)


def _reconcile(con: duckdb.DuckDBPyConnection, results: list[FileResult], raw_table: str) -> None:
    """Rows read = loaded + rejected for every file, checked against the tables themselves."""
    loaded = dict(con.execute(f"select _file, count(*) from {raw_table} group by _file").fetchall())
    rejected = dict(
        con.execute(
            "select file, count(distinct row_number) from etl_rejects group by file"
        ).fetchall()
    )
    for r in results:
        if not (
            r.rows_read == r.rows_loaded + r.rows_rejected
            and loaded.get(r.file, 0) == r.rows_loaded
            and rejected.get(r.file, 0) == r.rows_rejected
        ):
            raise EtlError(
                f"{r.file}: row counts do not reconcile (read {r.rows_read}, loaded "
                f"{loaded.get(r.file, 0)}, rejected {rejected.get(r.file, 0)})"
            )


def _copy_history(con: duckdb.DuckDBPyConnection, db_path: Path) -> None:
    """Carry earlier runs' audit records forward from the warehouse being replaced."""
    if not db_path.exists():
        return
    try:
        con.execute(f"attach '{db_path}' as previous (read_only)")
    except duckdb.Error:
        return  # an unreadable old file is replaced; its history cannot be recovered
    try:
        con.execute("insert into etl_runs select * from previous.etl_runs")
        con.execute("insert into etl_files select * from previous.etl_files")
    except duckdb.Error:
        pass  # an older warehouse without audit tables: nothing to carry
    finally:
        con.execute("detach previous")


def build_warehouse(
    raw_dir: Path,
    db_path: Path,
    reference_dir: Path = REFERENCE_DIR,
    progress: Progress | None = None,
    max_reject_share: float | None = None,
) -> BuildSummary:
    """Build a fresh warehouse from the extracts in raw_dir and swap it in at db_path."""
    progress = progress or Progress(quiet=True)
    raw_dir, db_path = Path(raw_dir), Path(db_path)
    if not raw_dir.is_dir():
        raise EtlError(f"{raw_dir}: extracts folder not found")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    run_id = started.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    tmp = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for statement in MACROS + AUDIT_TABLES:
            con.execute(statement)
        install_pseudonymiser(con)
        progress.step("loading reference data")
        load_reference(con, reference_dir)
        tables = all_tables(load_contracts())
        by_name = {t.qualified: t for t in tables}
        results: list[FileResult] = []
        for i, table in enumerate(tables, 1):
            progress.step(f"[{i}/{len(tables)}] loading {table.qualified}")
            table_results = load_table(con, raw_dir, table, by_name, max_reject_share)
            _reconcile(con, table_results, table.raw_table)
            results += table_results
        loaded = {r.file for r in results}
        ignored = sorted(
            p.relative_to(raw_dir).as_posix()
            for p in raw_dir.rglob("*")
            if p.is_file()
            and not p.name.startswith(".")
            and p.suffix.lower() != ".md"  # notes about an extract, not data
            and p.relative_to(raw_dir).as_posix() not in loaded
        )
        models = dependency_order(discover())
        for i, model in enumerate(models, 1):
            progress.step(f"[{i}/{len(models)}] model {model.layer}/{model.name}")
            run_model(con, model)
        progress.step("running checks")
        n_checks = run_checks(con, models)
        _copy_history(con, db_path)
        inputs = hashlib.sha256("".join(r.sha256 for r in results).encode()).hexdigest()
        con.executemany(
            "insert into etl_files values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [
                    run_id,
                    r.source,
                    r.table_name,
                    r.file,
                    r.sha256,
                    r.rows_read,
                    r.rows_loaded,
                    r.rows_rejected,
                    r.rows_superseded,
                ]
                for r in results
            ],
        )
        finished = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        con.execute(
            "insert into etl_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'succeeded')",
            [
                run_id,
                started,
                finished,
                str(raw_dir),
                inputs,
                len(results),
                sum(r.rows_read for r in results),
                sum(r.rows_loaded for r in results),
                sum(r.rows_rejected for r in results),
                n_checks,
            ],
        )
        con.execute("checkpoint")
        con.close()
        os.replace(tmp, db_path)
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    return BuildSummary(run_id, db_path, results, n_checks, ignored)
