"""Pure builders of page pieces: values in, components out, no I/O."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.format import DIRECTION_ICON, DIRECTION_TEXT, RAG_ICON, RAG_TEXT

GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d"]}


def rag_badge(rag: str, suppressed: bool = False) -> html.Span:
    """Status by icon and words, never by colour alone."""
    if suppressed:
        rag = "not_rated"
        text = "Not published (small numbers)"
    else:
        text = RAG_TEXT[rag]
    return html.Span(
        [html.Span(RAG_ICON[rag], className="rag-icon", **{"aria-hidden": "true"}), text],
        className=f"rag rag-{rag.replace('_', '-')}",
    )


def direction(direction_key: str, previous_label: str | None) -> html.Span:
    text = DIRECTION_TEXT.get(direction_key, "")
    if previous_label and direction_key not in ("no_previous", "suppressed"):
        text = f"{text} since {previous_label}"
    icon = DIRECTION_ICON.get(direction_key, "")
    return html.Span(
        [html.Span(icon, className="dir-icon", **{"aria-hidden": "true"}), text],
        className=f"direction direction-{direction_key.replace('_', '-')}",
    )


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    caption: str,
    table_id: str | None = None,
    numeric_from: int = 1,
) -> dbc.Table:
    """A plain, screen-reader friendly table (Dash's DataTable has keyboard problems)."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(h, scope="col", className="num" if i >= numeric_from else None)
                for i, h in enumerate(headers)
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(cell, scope="row")
                    if i == 0
                    else html.Td(cell, className="num" if i >= numeric_from else None)
                    for i, cell in enumerate(row)
                ]
            )
            for row in rows
        ]
    )
    props = {"id": table_id} if table_id else {}
    return dbc.Table(
        [html.Caption(caption), head, body],
        bordered=False,
        hover=True,
        size="sm",
        className="data-table",
        **props,
    )


def chart_block(
    block_id: str,
    title: str,
    figure: dict | object,
    summary: str,
    table: dbc.Table,
    height: int = 320,
) -> html.Section:
    """A titled chart with a sentence saying what it shows and a table alternative.

    Plotly's SVG has no accessible name, so the graph sits in a labelled group and the
    summary and table carry the information for screen readers and keyboard users.
    """
    title_id = f"{block_id}-title"
    return html.Section(
        [
            html.H3(title, id=title_id, className="h5"),
            html.P(summary, className="chart-summary", id=f"{block_id}-summary"),
            html.Div(
                dcc.Graph(
                    id=f"{block_id}-graph",
                    figure=figure,
                    config=GRAPH_CONFIG,
                    style={"height": f"{height}px"},
                ),
                role="group",
                **{"aria-labelledby": title_id, "aria-describedby": f"{block_id}-summary"},
            ),
            html.Details([html.Summary("Show as table"), table], className="table-alternative"),
        ],
        className="chart-block",
        id=block_id,
    )


def notice(title: str, body: Sequence[object] | str, kind: str = "info") -> dbc.Alert:
    """A friendly state page: what happened and what to do."""
    return dbc.Alert(
        [html.H2(title, className="h4"), html.Div(body)],
        color={"info": "light", "warning": "warning"}.get(kind, "light"),
        className="state-notice",
    )
