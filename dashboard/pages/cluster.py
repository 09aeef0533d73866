"""One neighbourhood cluster: every metric beside the borough and the other clusters."""

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path_template="/cluster/<slug>",
    name="Neighbourhood cluster",
    title="Neighbourhood cluster - Collaborative Communities Monitor",
    description="Every metric for one neighbourhood cluster, its wards, population and hubs.",
    order=10,
)


def layout(slug: str | None = None, **_kwargs: object) -> html.Div:
    return html.Div(
        [
            dcc.Store(id="cluster-slug", data=slug),
            dcc.Location(id="cluster-nav", refresh="callback-nav"),
            html.Div(id="cluster-body", **{"aria-live": "polite"}),
        ]
    )
