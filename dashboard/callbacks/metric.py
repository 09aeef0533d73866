"""Metric page behaviour: definition, trend by cluster, values table, downloads."""

from __future__ import annotations

import io

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import figures, ids, queries
from dashboard.components import chart_block, data_table, direction, notice, rag_badge
from dashboard.disclosure import RULE_TEXT, SUPPRESSED, safe_for_download
from dashboard.format import POLARITY_TEXT, bare_number, number, rag_rule_text
from dashboard.states import StateProblem, View, resolve

DOWNLOAD_COLUMNS = [
    "metric_id",
    "metric",
    "area",
    "period",
    "value",
    "unit",
    "numerator",
    "denominator",
    "target",
    "status",
]


def unknown_metric(metric_id: str) -> object:
    return notice(
        "Unknown measure",
        [
            html.P(f"There is no measure with the id '{metric_id}'."),
            dcc.Link("See every measure and its definition", href="/metrics"),
        ],
    )


def definition(entry: dict) -> html.Dl:
    items = [
        ("Theme", entry["theme"]),
        ("Equality objective", entry.get("objective") or "None"),
        ("Definition", entry["definition"]),
        ("Unit", entry["unit"]),
        ("Direction", POLARITY_TEXT[entry["polarity"]]),
        (
            "Target",
            "None"
            if pd.isna(entry["target"])
            else number(entry["target"], entry["unit"], entry["decimals"]),
        ),
        ("Status rule", rag_rule_text(entry)),
        ("Source", entry["source"]),
        ("Comparator", entry.get("comparator") or "None"),
    ]
    children = []
    for term, desc in items:
        children += [html.Dt(term, className="col-sm-3"), html.Dd(desc, className="col-sm-9")]
    return html.Dl(children, className="row metric-definition")


def values_for_period(entry: dict, view: View) -> pd.DataFrame:
    values = queries.status_all_areas(view.period_label)
    return values[values["metric_id"] == entry["metric_id"]]


def download_frame(entry: dict, values: pd.DataFrame) -> pd.DataFrame:
    """Exactly the published table: suppressed cells as [c], formula text neutralised."""

    def cell(v: object, suppressed: bool) -> object:
        return SUPPRESSED if suppressed else (None if pd.isna(v) else round(float(v), 4))

    frame = pd.DataFrame(
        {
            "metric_id": entry["metric_id"],
            "metric": entry["title"],
            "area": values["area_name"],
            "period": values["period_label"],
            "value": [
                cell(v, s) for v, s in zip(values["value"], values["suppressed"], strict=True)
            ],
            "unit": entry["unit"],
            "numerator": [
                cell(v, s) for v, s in zip(values["numerator"], values["suppressed"], strict=True)
            ],
            "denominator": [
                cell(v, s) for v, s in zip(values["denominator"], values["suppressed"], strict=True)
            ],
            "target": entry["target"],
            "status": values["rag"].where(~values["suppressed"], "not published"),
        },
        columns=DOWNLOAD_COLUMNS,
    )
    return safe_for_download(frame)


def update_metric(metric_id: str | None, period: str | None, area: str | None) -> object:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return problem.component
    entry = queries.metric_entry(metric_id or "")
    if entry is None:
        return unknown_metric(metric_id or "")
    unit, dec = entry["unit"], entry["decimals"]
    history = queries.metric_history(entry["metric_id"], view.period_type)
    values = values_for_period(entry, view)
    focus = view.area_slug
    kind = "financial year" if view.period_type == "fy" else "quarter"
    trend_title = f"{entry['short_title']} by {kind}, every area"
    trend_rows = [
        [r.area_name, r.period_label, bare_number(r.value, unit, dec, r.suppressed)]
        for r in history.itertuples()
    ]
    borough = history[history["area_slug"] == "borough"].dropna(subset=["value"])
    trend_sentence = (
        f"The borough's figure went from {number(borough.iloc[0].value, unit, dec)} in "
        f"{borough.iloc[0].period_label} to {number(borough.iloc[-1].value, unit, dec)} in "
        f"{borough.iloc[-1].period_label}. {view.area_name} is highlighted."
        if len(borough) > 1
        else f"Trend of {entry['short_title']} for each area."
    )
    table_rows = [
        [
            r.area_name,
            bare_number(r.value, unit, dec, r.suppressed),
            bare_number(r.numerator, "", 0, r.suppressed),
            bare_number(r.denominator, "", 0, r.suppressed),
            rag_badge(r.rag, r.suppressed),
            direction(r.direction, None),
        ]
        for r in values.itertuples()
    ]
    parts = [
        html.H1(entry["title"]),
        html.P(f"{entry['theme']} · {view.period_label} · {view.area_name}", className="lead"),
        definition(entry),
        chart_block(
            "metric-trend",
            trend_title,
            figures.trend_by_area(history, trend_title, unit, focus, entry["target"]),
            trend_sentence,
            data_table(["Area", "Period", f"Value ({unit})"], trend_rows, caption=trend_title),
            height=480,
        ),
    ]
    if (values["area_type"] == "cluster").any():
        bar_title = f"{entry['short_title']}, {view.period_label}, clusters ranked"
        parts.append(
            chart_block(
                "metric-bar",
                bar_title,
                figures.bar_by_area(values, bar_title, unit, focus),
                f"Clusters ranked by {entry['short_title']} in {view.period_label}; the dashed "
                "line is the borough figure.",
                data_table(
                    ["Area", f"Value ({unit})"],
                    [[r[0], r[1]] for r in table_rows],
                    caption=bar_title,
                ),
            )
        )
    parts += [
        html.H2(f"Values for {view.period_label}", className="h4"),
        data_table(
            [
                "Area",
                f"Value ({unit})",
                "Numerator",
                "Denominator",
                "Status",
                "Since previous period",
            ],
            table_rows,
            caption=f"{entry['title']}, {view.period_label}",
            table_id="metric-table",
        ),
        html.P(RULE_TEXT, className="small"),
        html.Div(
            [
                dbc.Button(
                    "Download CSV", id="metric-download-csv", color="primary", className="me-2"
                ),
                dbc.Button(
                    "Download XLSX", id="metric-download-xlsx", color="primary", outline=True
                ),
            ],
            className="downloads",
        ),
    ]
    return parts


def build_download(
    kind: str, metric_id: str | None, period: str | None, area: str | None
) -> dict | None:
    """The CSV or XLSX a user downloads: the values table for the period, as published."""
    try:
        view = resolve(period, area)
    except StateProblem:
        return None
    entry = queries.metric_entry(metric_id or "")
    if entry is None:
        return None
    frame = download_frame(entry, values_for_period(entry, view))
    stem = f"{entry['metric_id']}_{queries.period_slug(view.period_label)}"
    if kind == "csv":
        return dcc.send_data_frame(frame.to_csv, f"{stem}.csv", index=False)
    buffer = io.BytesIO()
    notes = pd.DataFrame({"note": [entry["definition"], RULE_TEXT, f"Source: {entry['source']}"]})
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="values", index=False)
        safe_for_download(notes).to_excel(writer, sheet_name="notes", index=False)
    return dcc.send_bytes(buffer.getvalue(), f"{stem}.xlsx")


def download(
    n_csv: int | None,
    n_xlsx: int | None,
    metric_id: str | None,
    period: str | None,
    area: str | None,
) -> object:
    kind = {"metric-download-csv": "csv", "metric-download-xlsx": "xlsx"}.get(dash.ctx.triggered_id)
    result = build_download(kind, metric_id, period, area) if kind else None
    return dash.no_update if result is None else result


def register(app: dash.Dash) -> None:
    app.callback(
        Output("metric-body", "children"),
        Input("metric-id", "data"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_metric)
    app.callback(
        Output("metric-download", "data"),
        Input("metric-download-csv", "n_clicks"),
        Input("metric-download-xlsx", "n_clicks"),
        State("metric-id", "data"),
        State(ids.PERIOD, "value"),
        State(ids.AREA, "value"),
        prevent_initial_call=True,
    )(download)
