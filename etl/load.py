"""Extract files -> typed raw tables, enforcing the source contracts.

Every row read is either loaded into `raw_<source>__<table>` or recorded in `etl_rejects`
with file, row, column, problem and the offending value (never the whole row, and never
a personal value). Validation is set-based SQL; Python only walks files.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from etl.contracts import TYPE_HINTS, Column, Table
from etl.errors import EtlError

EXTENSIONS = (".csv", ".xlsx")
WITHHELD = "[withheld: personal data]"
DEFAULT_PSEUDONYM_KEY = "ccm-demo-key-not-secret"


@dataclass
class FileResult:
    source: str
    table_name: str
    file: str
    sha256: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    rows_superseded: int = 0


def q(name: str) -> str:
    """Quote an identifier."""
    return '"' + name.replace('"', '""') + '"'


def lit(value: object) -> str:
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def install_pseudonymiser(con: duckdb.DuckDBPyConnection) -> None:
    """A temporary macro, so the key never lands in the warehouse catalogue."""
    key = os.environ.get("CCM_PSEUDONYM_KEY", DEFAULT_PSEUDONYM_KEY)
    con.execute(
        "create or replace temp macro ccm_pseudo(x) as "
        f"case when x is null then null else substr(sha256({lit(key)} || ':' || x), 1, 20) end"
    )


def find_files(raw_dir: Path, table: Table) -> list[Path]:
    folder = raw_dir / table.source
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.glob(table.files) if p.is_file() and p.suffix.lower() in EXTENSIONS
    )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, label: str, sheet: str | None) -> pd.DataFrame:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise EtlError(f"{label}: cannot be read as an XLSX workbook ({exc})") from None
    try:
        if sheet and sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            raise EtlError(f"{label}: sheet {sheet!r} not found (the workbook has: {names})")
        rows = book[sheet] if sheet else book.worksheets[0]
        values = list(rows.iter_rows(values_only=True))
    finally:
        book.close()
    if not values:
        raise EtlError(f"{label}, row 1: the sheet is empty (no header row)")
    header = [_cell_text(v).strip() for v in values[0]]
    body = [[_cell_text(v) for v in row[: len(header)]] for row in values[1:]]
    body = [r + [""] * (len(header) - len(r)) for r in body if any(c.strip() for c in r)]
    return pd.DataFrame(body, columns=header, dtype=object)


def read_source_file(con: duckdb.DuckDBPyConnection, path: Path, label: str, table: Table) -> None:
    """Load one file, all text, into temp table `_file` with `_row` = spreadsheet row number."""
    con.execute("drop table if exists _file")
    if path.suffix.lower() == ".csv":
        try:
            con.execute(
                "create temp table _file as select * from read_csv(?, header = true, "
                "all_varchar = true, delim = ',', quote = '\"', escape = '\"', "
                "strict_mode = true, encoding = 'utf-8')",
                [str(path)],
            )
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise EtlError(f"{label}: not a readable CSV file ({first})") from None
    else:
        frame = _read_xlsx(path, label, table.sheet)
        con.register("_xlsx_frame", frame)
        con.execute("create temp table _file as select * from _xlsx_frame")
        con.unregister("_xlsx_frame")
    headers = [d[0] for d in con.execute("select * from _file limit 0").description]
    by_name = {h.strip().lower(): h for h in headers}
    missing = [c.name for c in table.columns if c.name.lower() not in by_name]
    if missing:
        raise EtlError(
            f"{label}, row 1 (header), column {missing[0]}: missing column "
            f"(the {table.qualified} contract needs {', '.join(missing)})"
        )
    # Only contract columns go further: dropped personal columns and extras stop here.
    picks = ", ".join(
        f"nullif(trim({q(by_name[c.name.lower()])}), '') as {q(c.name)}" for c in table.columns
    )
    con.execute("drop table if exists _src")
    con.execute(f"create temp table _src as select rowid + 2 as _row, {picks} from _file")
    con.execute("drop table _file")


def _ref_target(con: duckdb.DuckDBPyConnection, ref: str, tables: dict[str, Table]) -> tuple:
    """(sql table, column, is_pseudonymised) for a contract `references` value."""
    scope, entity, column = ref.split(".")
    if scope == "ref":
        return f"ref_{entity}", column, False
    target = tables[f"{scope}.{entity}"]
    return target.raw_table, column, target.column(column).pii == "identifier"


def _shown(col: Column, expr: str) -> str:
    return lit(WITHHELD) if col.pii else f"left({expr}, 100)"


def _checks(con: duckdb.DuckDBPyConnection, table: Table, tables: dict[str, Table]) -> list[str]:
    """One SELECT per check, each yielding (_row, column, problem, value)."""
    out = []

    def add(col: Column, where: str, problem: str, source: str = "_src") -> None:
        value = _shown(col, f"{source}.{q(col.name)}")
        out.append(
            f"select _row, {lit(col.name)}, {lit(problem)}, {value} from {source} where {where}"
        )

    for col in table.columns:
        c = q(col.name)
        if col.required:
            add(col, f"{c} is null", "required value is blank")
        if col.type == "flag":
            add(col, f"{c} is not null and upper({c}) not in ('Y', 'N')", "not Y or N")
        elif col.type != "varchar":
            add(
                col,
                f"{c} is not null and try_cast({c} as {col.sql_type}) is null",
                f"not {TYPE_HINTS[col.type]}",
            )
        if col.allowed:
            values = ", ".join(lit(v) for v in col.allowed)
            shown = "; ".join(col.allowed[:6]) + ("; ..." if len(col.allowed) > 6 else "")
            add(
                col, f"{c} is not null and {c} not in ({values})", f"not an allowed value ({shown})"
            )
        if col.min is not None:
            add(col, f"try_cast({c} as double) < {col.min}", f"below the minimum of {col.min:g}")
        if col.max is not None:
            add(col, f"try_cast({c} as double) > {col.max}", f"above the maximum of {col.max:g}")
        if col.pattern:
            add(
                col,
                f"{c} is not null and not regexp_full_match({c}, {lit(col.pattern)})",
                "not in the expected format",
            )
        if col.references:
            ref_table, ref_col, hashed = _ref_target(con, col.references, tables)
            probe = f"ccm_pseudo({c})" if hashed else c
            add(
                col,
                f"{c} is not null and {probe} not in (select {q(ref_col)} from {ref_table} "
                f"where {q(ref_col)} is not null)",
                f"unknown {col.references.split('.')[1].rstrip('s')} ({col.name} not in "
                f"{col.references.rsplit('.', 1)[0]})",
            )
    for rule in table.rules:
        col = table.column(rule.column)
        value = _shown(col, f"_src.{q(col.name)}")
        out.append(
            f"select _row, {lit(col.name)}, {lit(rule.problem)}, _value from ("
            f"select _typed.*, {value} as _value from _typed join _src using (_row)) "
            f"where ({rule.check}) = false"
        )
    keys = ", ".join(q(k) for k in table.key)
    first_key = table.column(table.key[0])
    out.append(
        f"select _row, {lit(first_key.name)}, "
        f"'duplicate key (' || {lit(', '.join(table.key))} || ' repeats row ' || first_row || ')', "
        f"{_shown(first_key, q(first_key.name))} from ("
        f"select _row, {q(first_key.name)}, min(_row) over (partition by {keys}) as first_row "
        f"from _typed where {' and '.join(f'{q(k)} is not null' for k in table.key)}) "
        "where _row <> first_row"
    )
    return out


def _typed_select(table: Table, source: str = "_src") -> str:
    parts = []
    for col in table.columns:
        c = f"{source}.{q(col.name)}"
        if col.type == "flag":
            expr = f"case upper({c}) when 'Y' then true when 'N' then false end"
        elif col.type == "varchar":
            expr = c
        else:
            expr = f"try_cast({c} as {col.sql_type})"
        parts.append(f"{expr} as {q(col.name)}")
    return ", ".join(parts)


def create_raw_table(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    cols = ", ".join(f"{q(c.name)} {c.sql_type}" for c in table.columns)
    con.execute(
        f"create table {table.raw_table} ({cols}, _file varchar, _extract_seq integer, _row bigint)"
    )


def load_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    label: str,
    seq: int,
    table: Table,
    tables: dict[str, Table],
    max_reject_share: float | None,
) -> FileResult:
    """Validate one file and load its good rows; raise if it is unusable."""
    read_source_file(con, path, label, table)
    typed = _typed_select(table)
    con.execute(f"create or replace temp view _typed as select _row, {typed} from _src")
    con.execute("drop table if exists _rej")
    con.execute(
        "create temp table _rej as select * from ("
        + " union all ".join(_checks(con, table, tables))
        + ") t(row_number, column_name, problem, value)"
    )
    n_read = con.execute("select count(*) from _src").fetchall()[0][0]
    n_rej = con.execute("select count(distinct row_number) from _rej").fetchall()[0][0]
    limit = table.max_reject_share if max_reject_share is None else max_reject_share
    if n_rej and n_rej > limit * n_read:
        first = con.execute(
            "select row_number, column_name, problem, value from _rej "
            "order by row_number, column_name limit 3"
        ).fetchall()
        detail = "; ".join(f"row {r}, column {c}: {p} (value {v!r})" for r, c, p, v in first)
        raise EtlError(
            f"{label}: {n_rej:,} of {n_read:,} rows rejected ({n_rej / max(n_read, 1):.1%}), "
            f"over the {limit:.0%} limit for {table.qualified}; first problems: {detail}"
        )
    con.execute(
        "insert into etl_rejects select ?, ?, ?, row_number, column_name, problem, value from _rej",
        [table.source, table.name, label],
    )
    loaded_cols = []
    for col in table.columns:
        expr = q(col.name)
        loaded_cols.append(f"ccm_pseudo({expr})" if col.pii == "identifier" else expr)
    con.execute(
        f"insert into {table.raw_table} select {', '.join(loaded_cols)}, ?, ?, _row "
        "from _typed where _row not in (select row_number from _rej)",
        [label, seq],
    )
    n_loaded = n_read - n_rej
    return FileResult(table.source, table.name, label, file_sha256(path), n_read, n_loaded, n_rej)


def count_superseded(con: duckdb.DuckDBPyConnection, table: Table) -> dict[str, int]:
    """Rows loaded but replaced by the same key in a later extract (latest extract wins)."""
    keys = ", ".join(q(k) for k in table.key)
    rows = con.execute(
        f"select _file, count(*) from (select _file, row_number() over (partition by {keys} "
        f"order by _extract_seq desc, _row desc) as rn from {table.raw_table}) "
        "where rn > 1 group by _file"
    ).fetchall()
    return dict(rows)


def load_table(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    table: Table,
    tables: dict[str, Table],
    max_reject_share: float | None = None,
) -> list[FileResult]:
    files = find_files(raw_dir, table)
    if not files:
        raise EtlError(
            f"{table.source}/{table.files}.csv|.xlsx: no extract found for {table.qualified} "
            f"in {raw_dir} (every contract table needs at least one file)"
        )
    create_raw_table(con, table)
    results = [
        load_file(
            con, path, path.relative_to(raw_dir).as_posix(), seq, table, tables, max_reject_share
        )
        for seq, path in enumerate(files)
    ]
    superseded = count_superseded(con, table)
    for result in results:
        result.rows_superseded = superseded.get(result.file, 0)
    con.execute("drop table if exists _src")
    con.execute("drop table if exists _rej")
    return results
