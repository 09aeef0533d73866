"""Render docs/data-sources.md from the contracts, so the documentation cannot drift from
what the loader enforces (a test fails when the committed file is stale)."""

from __future__ import annotations

from pathlib import Path

from etl.contracts import PII_KINDS, TYPE_HINTS, Column, load_contracts

DOC_PATH = Path(__file__).resolve().parents[1] / "docs" / "data-sources.md"

INTRO = """# Data sources: the extract contracts

<!-- Generated from etl/contracts/*.toml by `ccm docs`; do not edit by hand. -->

Officers drop extracts into `RAW/<source>/` (CSV, UTF-8 with a header row, or XLSX) and run
`ccm etl --raw RAW --db data/warehouse/ccm.duckdb`. Each table below may arrive as several files
(for example monthly extracts that overlap): files are read in name order, rows are deduplicated
on the key, and the **latest extract wins**.

Every row read is either loaded or recorded in the warehouse table `etl_rejects` with the file,
the spreadsheet row (the header is row 1), the column, the problem and the offending value
(personal values are withheld). `etl_files` records each file's SHA-256 and rows read, loaded,
rejected and superseded; rows read = loaded + rejected is checked on every run. If more than a
table's reject limit (5% unless stated) of a file's rows are rejected, or a column is missing, the
run fails with a message naming file, row and column, and the previous warehouse is left as it was.

Blank cells are missing values. Columns a file has beyond its contract are ignored and never
loaded; the listed *dropped* columns are personal data the source systems export, which the ETL
discards on read.

**Personal data.** Identifiers are pseudonymised with a keyed SHA-256 (set the secret key in the
environment variable `CCM_PSEUDONYM_KEY` in production; the demo uses a fixed public key). The
key is never written to the warehouse.
"""


def _rules(col: Column) -> str:
    parts = []
    if col.required:
        parts.append("required")
    if col.allowed:
        parts.append("one of: " + "; ".join(f"`{v}`" for v in col.allowed))
    if col.min is not None:
        parts.append(f"at least {col.min:g}")
    if col.max is not None:
        parts.append(f"at most {col.max:g}")
    if col.pattern:
        parts.append(f"matches `{col.pattern}`")
    if col.references:
        parts.append(f"must exist in `{col.references}`")
    return ", ".join(parts) or "optional"


def render() -> str:
    out = [INTRO]
    for source in load_contracts():
        out.append(f"\n## `{source.name}/`\n\n{source.description}\n")
        for table in source.tables:
            ext = f", sheet `{table.sheet}`" if table.sheet else ""
            out.append(f"\n### `{table.qualified}`\n")
            out.append(f"- Files: `{source.name}/{table.files}` (.csv or .xlsx{ext})")
            out.append(f"- Grain: {table.grain}")
            out.append(f"- Key: {', '.join(f'`{k}`' for k in table.key)}")
            out.append(f"- Reject limit: {table.max_reject_share:.0%} of a file's rows")
            if table.dropped_columns:
                dropped = ", ".join(f"`{c}`" for c in table.dropped_columns)
                out.append(f"- Dropped on read (personal data, never loaded): {dropped}")
            out.append("\n| column | type | rules | personal data | description |")
            out.append("|---|---|---|---|---|")
            for col in table.columns:
                pii = f"{col.pii}: {PII_KINDS[col.pii]}" if col.pii else ""
                out.append(
                    f"| `{col.name}` | {TYPE_HINTS[col.type]} | {_rules(col)} | {pii} | "
                    f"{col.description} |"
                )
            if table.rules:
                out.append("\nRow rules (a row breaking one is rejected):\n")
                for rule in table.rules:
                    out.append(f"- `{rule.check}` (else: {rule.problem})")
    return "\n".join(out) + "\n"


def write(path: Path = DOC_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path
