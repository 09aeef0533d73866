"""The metric definitions: the whole catalogue, as committee members quote it."""

import dash
from dash import html

dash.register_page(
    __name__,
    path="/metrics",
    name="Metric definitions",
    title="Metric definitions - Collaborative Communities Monitor",
    description="Every metric's definition, source, target and RAG rule.",
    order=90,
    nav=True,
)


def layout(**_kwargs: object) -> html.Div:
    return html.Div(
        [
            html.H1("Metric definitions"),
            html.P(
                "Every figure in the monitor, how it is calculated, where it comes from, and "
                "how its status is decided.",
                className="lead",
            ),
            html.Div(id="metrics-body"),
        ]
    )
