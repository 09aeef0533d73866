"""One metric: its definition and rule, its trend by cluster, its values, and downloads."""

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path_template="/metric/<metric_id>",
    name="Metric",
    title="Metric - Collaborative Communities Monitor",
    description="A metric's definition, trend by cluster, values and downloads.",
    order=11,
)


def layout(metric_id: str | None = None, **_kwargs: object) -> html.Div:
    return html.Div(
        [
            dcc.Store(id="metric-id", data=metric_id),
            dcc.Download(id="metric-download"),
            html.Div(id="metric-body", **{"aria-live": "polite"}),
        ]
    )
