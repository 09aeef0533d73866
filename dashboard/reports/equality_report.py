"""The Annual Workforce Equality Report as files: one CSV per table, the same tables as one
XLSX and one ODS workbook with a `notes` sheet, and README.csv / columns.csv documenting them.

Every table comes from `dashboard.queries.equality.report_tables`, so the files hold exactly
what the report page shows: disclosure-controlled (`[c]`) and formula-neutralised.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard import queries
from dashboard.disclosure import RULE_TEXT, safe_for_download
from dashboard.queries.equality import ReportTable, report_tables, snapshot_years

METHOD_NOTES = (
    (
        "Snapshot",
        "Workforce snapshot at 31 March {year} (financial year {fy}); bonuses are those paid "
        "in the 12 months to the snapshot; starters and leavers are in the financial year "
        "ending at it.",
    ),
    (
        "Hourly pay",
        "HR supplies each employee's hourly rate of ordinary pay for the pay period containing "
        "the snapshot, whether they are a full-pay relevant employee, and their bonus pay in "
        "the 12 months, in the workforce extract. The warehouse does not work the hourly rate "
        "out from pay elements, allowances or hours: it uses the rate as supplied, so the "
        "figures are only as right as that extract.",
    ),
    (
        "Gender pay gap",
        "As the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017 "
        "define it: hourly pay and quartiles of full-pay relevant employees; bonus figures of "
        "all relevant employees; gaps as a percentage of men's pay (mean and median). "
        "Staff not recorded as male or female are not in the statutory figures.",
    ),
    (
        "Relevant employees",
        "A relevant employee is anyone employed by the council on the snapshot date. A "
        "full-pay relevant employee is one not being paid at a reduced rate or nil that pay "
        "period because of leave (sick, maternity, paternity, adoption, shared parental or "
        "other leave). Ordinary pay is basic pay, allowances, shift premium and pay for "
        "leave, before salary sacrifice is deducted; it excludes overtime, redundancy pay, "
        "pay in lieu of leave and benefits in kind. Bonus pay is money, vouchers, securities "
        "or options for profit sharing, productivity, performance, incentive or commission.",
    ),
    (
        "Quartiles",
        "Staff ranked by hourly pay and split into four bands of as equal size as possible (a "
        "remainder goes to the lowest bands first). Where staff on the same hourly rate "
        "straddle a band boundary, the men and women on that rate are distributed across it in "
        "proportion (as the GOV.UK guidance asks), as nearly as whole people allow; where a "
        "man and a woman sit at exactly the same point, they are ordered by pseudonymised "
        "employee id, which says nothing about sex, so neither sex is placed lower by the "
        "rule. The ethnicity and disability quartiles use the same bands and rule with the two "
        "groups in place of men and women.",
    ),
    (
        "Ethnicity and disability pay gaps",
        "Following the 2023 ethnicity pay gap guidance for employers, and the same approach for "
        "disability: hourly pay gaps of full-pay relevant employees; bonus gaps and the share "
        "paid a bonus of all relevant employees; the share of each group in each hourly pay "
        "quartile. Each is measured against the reference group: White British against all "
        "ethnic minorities combined (and each ethnic group where publishable); not disabled "
        "against disabled. Staff who did not disclose are counted but excluded from the gaps "
        "and quartiles.",
    ),
    (
        "Disclosed",
        "A substantive answer. A blank record ('Not disclosed') and 'Prefer not to say' are not "
        "disclosed; they are counted but left out of shares of those who disclosed.",
    ),
    (
        "Comparator",
        "Census 2021 (21 March 2021), Thurrock usual residents aged 16 and over, as a share of "
        "those who answered. The census 65-74 and 75+ bands are summed to match the HR 65+ "
        "band; the comparator includes retired residents.",
    ),
    ("Suppression", RULE_TEXT),
    (
        "Secondary suppression",
        "In tables with row and column totals, more cells are hidden until no row or column "
        "has exactly one hidden cell and no hidden cell can be worked out from the totals. A "
        "percentage or ratio derived from a hidden count is hidden too.",
    ),
    (
        "Across tables",
        "No hidden figure can be worked out from figures published in other tables either. "
        "The tables share sums a reader could use: in the turnover table, staff at the start + "
        "starters - leavers = staff at the end, and the start and end counts are the "
        "representation tables' all-staff counts at the two snapshots; disclosed + prefer not "
        "to say + not recorded = all staff; in every pay gap dimension the reference group, "
        "the compared group and those who did not disclose make up the same full-pay "
        "workforce, and the ethnic groups add up to all ethnic minorities; each group's "
        "quartile counts add up to its pay gap count. All these sums are checked together and "
        "more figures are hidden until none of them gives a hidden figure back; a figure "
        "repeated in two tables is hidden in both or neither.",
    ),
)


class ReportError(ValueError):
    """The report cannot be produced (no warehouse, unknown year)."""


def notes(year: int) -> pd.DataFrame:
    """The methodology notes sheet for one snapshot year."""
    years = snapshot_years()
    fy = years.loc[years["snapshot_year"] == int(year), "fy_label"]
    fy_label = str(fy.iloc[0]) if not fy.empty else "unknown"
    rows = [(topic, text.format(year=year, fy=fy_label)) for topic, text in METHOD_NOTES]
    return pd.DataFrame(rows, columns=["topic", "note"])


def readme(tables: list[ReportTable]) -> pd.DataFrame:
    return pd.DataFrame(
        [(f"{t.name}.csv", t.title, t.description) for t in tables],
        columns=["file", "title", "description"],
    )


def columns_doc(tables: list[ReportTable]) -> pd.DataFrame:
    return pd.DataFrame(
        [(f"{t.name}.csv", col, doc) for t in tables for col, doc in t.columns.items()],
        columns=["file", "column", "description"],
    )


def build(year: int) -> tuple[list[ReportTable], pd.DataFrame]:
    """The report's tables and notes, or ReportError with a one-line reason."""
    try:
        years = snapshot_years()
    except (queries.WarehouseMissing, queries.WarehouseUnreadable) as exc:
        raise ReportError(f"no readable warehouse ({exc})") from None
    known = sorted(int(y) for y in years["snapshot_year"])
    if int(year) not in known:
        listed = ", ".join(map(str, known)) or "none"
        raise ReportError(f"no workforce snapshot at 31 March {year} (snapshots: {listed})")
    return report_tables(year), notes(year)


def write(year: int, out_dir: Path) -> list[Path]:
    """Write every file of the report into `out_dir`; returns the paths written."""
    tables, method = build(year)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = out_dir / f"{table.name}.csv"
        safe_for_download(table.frame).to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    for name, frame in (("README", readme(tables)), ("columns", columns_doc(tables))):
        path = out_dir / f"{name}.csv"
        safe_for_download(frame).to_csv(path, index=False, encoding="utf-8")
        written.append(path)
    stem = f"workforce-equality-report-{year}"
    for kind in ("xlsx", "ods"):
        path = out_dir / f"{stem}.{kind}"
        _write_workbook(path, tables, method, kind)
        written.append(path)
    return written


ENGINES = {"xlsx": "openpyxl", "ods": "odf"}


def _write_workbook(
    target: object, tables: list[ReportTable], method: pd.DataFrame, kind: str
) -> None:
    """The one workbook layout, for the command line and the page alike: the notes, every
    table, and what each column means."""
    sheets = {"notes": method, **{t.name[:31]: t.frame for t in tables}}
    sheets["columns"] = columns_doc(tables)
    with pd.ExcelWriter(target, engine=ENGINES[kind]) as book:
        for sheet, frame in sheets.items():
            safe_for_download(frame).to_excel(book, sheet_name=sheet, index=False)


def workbook_bytes(year: int, kind: str) -> bytes:
    """One workbook (kind "xlsx" or "ods") in memory, for the report page's downloads."""
    import io

    tables, method = build(year)
    buffer = io.BytesIO()
    _write_workbook(buffer, tables, method, kind)
    return buffer.getvalue()
