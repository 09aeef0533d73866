"""One engagement project: its figures, funnel, tools, budget and what residents said."""

import dash
from dash import dcc, html

dash.register_page(
    __name__,
    path_template="/engagement/project/<project_id>",
    name="Engagement project",
    title="Engagement project - Collaborative Communities Monitor",
    description="One consultation portal project in detail.",
    order=12,
)


def layout(project_id: str | None = None, **query: object) -> html.Div:
    # the explorer's search, kind, status and sort, as the link from it carried them
    explorer = {k: query.get(k) for k in ("q", "kind", "status", "sort") if query.get(k)}
    return html.Div(
        [
            dcc.Store(id="engagement-project-id", data=project_id),
            dcc.Store(id="engagement-project-explorer", data=explorer),
            html.Div(id="engagement-project-body"),
        ]
    )
