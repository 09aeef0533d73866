"""The Annual Workforce Equality Report for one snapshot year: every published table, the
methodology notes and downloads, printable to A4 (assets/print.css)."""

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path_template="/equality-report/<year>",
    name="Workforce equality report",
    title="Annual Workforce Equality Report - Collaborative Communities Monitor",
    description="The Annual Workforce Equality Report: tables, methodology and downloads.",
    order=40,
    nav=False,
)


def layout(year: str | None = None, **_kwargs: object) -> html.Div:
    return html.Div(
        [
            dcc.Store(id="equality-report-year", data=year),
            dcc.Download(id="equality-report-download"),
            html.Div(id="equality-report-body", className="equality-report"),
            html.Span(id="equality-report-print-status", className="visually-hidden"),
        ]
    )
