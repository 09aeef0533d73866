"""Overview: theme status, exceptions first, headline metrics and the cluster map."""

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path="/",
    name="Overview",
    title="Overview - Collaborative Communities Monitor",
    description="Which themes are on track and which neighbourhoods are falling behind.",
    order=0,
    nav=True,
)


def layout(**_kwargs: object) -> html.Div:
    return html.Div(
        [
            dcc.Location(id="overview-nav", refresh="callback-nav"),
            html.H1("Overview", id="overview-heading"),
            html.P(id="overview-context", className="lead"),
            html.Div(id="overview-body", **{"aria-live": "polite"}),
        ]
    )
