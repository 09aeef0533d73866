"""Metric definitions page: the catalogue, grouped by theme."""

from __future__ import annotations

import dash
from dash import Input, Output, dcc, html

from dashboard import ids, queries
from dashboard.format import POLARITY_TEXT, rag_rule_text
from dashboard.queries import WarehouseMissing, WarehouseUnreadable
from dashboard.states import NO_WAREHOUSE


def update_definitions(search: str | None) -> object:
    try:
        catalogue = queries.catalogue()
    except (WarehouseMissing, WarehouseUnreadable):
        return NO_WAREHOUSE
    sections = []
    for theme in ("Engagement", "Empowerment", "Equality"):
        entries = catalogue[catalogue["theme"] == theme]
        items = []
        for entry in entries.to_dict("records"):
            items.append(
                html.Article(
                    [
                        html.H3(
                            dcc.Link(
                                entry["title"], href=f"/metric/{entry['metric_id']}{search or ''}"
                            ),
                            className="h6",
                        ),
                        html.P(entry["definition"]),
                        html.P(
                            f"Unit: {entry['unit']}. {POLARITY_TEXT[entry['polarity']]}. "
                            f"{rag_rule_text(entry)} Source: {entry['source']}.",
                            className="small",
                        ),
                    ],
                    className="definition",
                    id=f"definition-{entry['metric_id']}",
                )
            )
        sections.append(html.Section([html.H2(theme, className="h4"), *items]))
    return sections


def register(app: dash.Dash) -> None:
    app.callback(Output("metrics-body", "children"), Input(ids.URL, "search"))(update_definitions)
