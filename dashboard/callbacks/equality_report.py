"""Report page behaviour: render the report tables as plain tables with methodology notes,
offer CSV / XLSX / ODS downloads, and print via the browser (window.print, clientside).

The report is a fixed snapshot for one year, so the period and area filters do not apply.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import ALL, Input, Output, State, ctx, dcc, html

from dashboard.components import data_table, notice
from dashboard.disclosure import safe_for_download
from dashboard.queries import WarehouseMissing, WarehouseUnreadable
from dashboard.queries.equality import CHARACTERISTICS, ReportTable
from dashboard.reports.equality_report import ReportError, build, workbook_bytes
from dashboard.states import NO_WAREHOUSE

PRINT_JS = "function(n) { if (n) { window.print(); } return n ? 'Print dialogue opened' : ''; }"


def _year(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def _fy(year: int) -> str:
    return f"{year - 1}/{str(year)[-2:]}"


def unknown_year(value: object, reason: str) -> object:
    return html.Div(
        [
            html.H1("Annual Workforce Equality Report", id="equality-report-heading"),
            notice(
                "No report for that year",
                [
                    html.P(
                        f"There is no Annual Workforce Equality Report for '{value}': {reason}."
                    ),
                    html.P(
                        "The address takes the year of the 31 March workforce snapshot, for "
                        "example /equality-report/2025 for the financial year 2024/25."
                    ),
                ],
            ),
        ]
    )


# long tables are split by characteristic on screen (one sub-table each); the comparator is
# the same sentence on every row, so it is said once above the tables instead
SPLIT_BY = {"representation": "characteristic", "turnover": "characteristic"}
SCREEN_DROP = ("comparator",)
COMPARATOR_TEXT = (
    "Comparator: Census 2021 (21 March 2021), Thurrock residents aged 16 and over, as a share "
    "of those who answered; n/a where there is no comparator (undisclosed answers and totals)."
)


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _plain_table(frame: pd.DataFrame, caption: str, table_id: str) -> html.Div:
    frame = frame.drop(columns=[c for c in SCREEN_DROP if c in frame.columns])
    rows = frame.astype(object).to_numpy().tolist()
    return html.Div(
        data_table(
            list(frame.columns),
            [[_cell(v) for v in row] for row in rows],
            caption=caption,
            table_id=table_id,
        ),
        className="table-scroll",
        tabIndex="0",
        role="region",
        **{"aria-label": caption},
    )


def table_section(table: ReportTable) -> html.Section:
    frame = table.frame
    base_id = f"equality-report-{table.name}"
    split = SPLIT_BY.get(table.name)
    if split:
        body = [html.P(COMPARATOR_TEXT)] if "comparator" in frame.columns else []
        for key, part in frame.groupby(split, sort=False):
            label = CHARACTERISTICS.get(str(key), "All staff")
            body += [
                html.H3(label, className="h5"),
                _plain_table(
                    part.drop(columns=[split]),
                    f"{table.title}: {label}",
                    f"{base_id}-{key}-table",
                ),
            ]
    else:
        body = [_plain_table(frame, f"{table.title} ({table.name}.csv)", f"{base_id}-table")]
    return html.Section(
        [
            html.H2(table.title, className="h4"),
            html.P(table.description),
            *body,
            html.Details(
                [
                    html.Summary("What the columns mean"),
                    html.Dl(
                        [
                            item
                            for col, doc in table.columns.items()
                            for item in (html.Dt(html.Code(col)), html.Dd(doc))
                        ]
                    ),
                ],
                className="report-columns",
            ),
            html.Button(
                f"Download {table.name}.csv",
                id={"type": "equality-report-csv", "name": table.name},
                type="button",
                className="btn btn-outline-primary btn-sm report-button",
            ),
        ],
        className="report-table",
        id=base_id,
    )


def render(year_value: object) -> object:
    year = _year(year_value)
    if year is None:
        return unknown_year(year_value, "that is not a year")
    try:
        tables, notes = build(year)
    except ReportError as exc:
        if "warehouse" in str(exc):
            return NO_WAREHOUSE
        return unknown_year(year_value, str(exc))
    except (WarehouseMissing, WarehouseUnreadable):
        return NO_WAREHOUSE
    return html.Article(
        [
            html.H1(f"Annual Workforce Equality Report {_fy(year)}", id="equality-report-heading"),
            html.P(
                f"The council's workforce at the 31 March {year} snapshot. Figures based on "
                "1 to 4 people are shown as [c].",
                className="lead",
            ),
            html.Div(
                [
                    html.Button(
                        "Print or save as PDF",
                        id="equality-report-print",
                        type="button",
                        className="btn btn-primary report-button",
                    ),
                    html.Button(
                        "Download all tables (XLSX)",
                        id="equality-report-xlsx",
                        type="button",
                        className="btn btn-outline-primary report-button",
                    ),
                    html.Button(
                        "Download all tables (ODS)",
                        id="equality-report-ods",
                        type="button",
                        className="btn btn-outline-primary report-button",
                    ),
                ],
                className="report-actions",
            ),
            html.Section(
                [
                    html.H2("Methodology", className="h4"),
                    html.Dl(
                        [
                            item
                            for topic, note in notes.itertuples(index=False)
                            for item in (html.Dt(topic), html.Dd(note))
                        ],
                        id="equality-report-notes",
                    ),
                ],
                className="report-notes",
            ),
            *[table_section(t) for t in tables],
        ]
    )


def download(_csv: list, _xlsx: int | None, _ods: int | None, year_value: object) -> object:
    """The file for whichever download button was pressed."""
    year = _year(year_value)
    trigger = ctx.triggered_id
    if year is None or trigger is None:
        return dash.no_update
    if trigger in ("equality-report-xlsx", "equality-report-ods"):
        kind = trigger.rsplit("-", 1)[1]
        data = workbook_bytes(year, kind)
        return dcc.send_bytes(data, f"workforce-equality-report-{year}.{kind}")
    name = trigger["name"]
    tables, _ = build(year)
    table = next(t for t in tables if t.name == name)
    text = safe_for_download(table.frame).to_csv(index=False)
    return dcc.send_string(text, f"{name}-{year}.csv")


def register(app: dash.Dash) -> None:
    app.callback(
        Output("equality-report-body", "children"),
        Input("equality-report-year", "data"),
    )(render)
    app.callback(
        Output("equality-report-download", "data"),
        Input({"type": "equality-report-csv", "name": ALL}, "n_clicks"),
        Input("equality-report-xlsx", "n_clicks"),
        Input("equality-report-ods", "n_clicks"),
        State("equality-report-year", "data"),
        prevent_initial_call=True,
    )(download)
    app.clientside_callback(
        PRINT_JS,
        Output("equality-report-print-status", "children"),
        Input("equality-report-print", "n_clicks"),
        prevent_initial_call=True,
    )
