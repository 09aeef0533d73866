"""Engagement: who takes part on the consultation portal, and whether they are heard."""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.engagement_labels import KIND_TEXT, SORT_TEXT, STATUS_TEXT, explorer_choice

dash.register_page(
    __name__,
    path="/engagement",
    name="Engagement",
    title="Engagement - Collaborative Communities Monitor",
    description="Reach, participation, who we hear from and 'you said, we did' by cluster.",
    order=1,
    nav=True,
)

SECTIONS = [
    ("engagement-reach", "Reach"),
    ("engagement-funnel", "Participation funnel"),
    ("engagement-tools", "Tools"),
    ("engagement-who", "Who we hear from"),
    ("engagement-heard", "Being heard"),
    ("engagement-budgeting", "Participatory budgeting"),
    ("engagement-places", "Places"),
    ("engagement-explorer", "Project explorer"),
]
KIND_OPTIONS = [{"label": "All kinds", "value": "all"}] + [
    {"label": text, "value": kind} for kind, text in KIND_TEXT.items()
]
STATUS_OPTIONS = [{"label": "Any status", "value": "all"}] + [
    {"label": text, "value": status} for status, text in STATUS_TEXT.items()
]
SORT_OPTIONS = [{"label": text, "value": sort} for sort, text in SORT_TEXT.items()]


def _section(section_id: str, title: str, *children: object) -> html.Section:
    return html.Section(
        [html.H2(title, className="h3"), *children],
        id=section_id,
        className="theme-page-section",
    )


def _explorer_controls(search: str, kind: str, status: str, sort: str) -> dbc.Row:
    def field(label: str, control: object, control_id: str) -> dbc.Col:
        return dbc.Col([dbc.Label(label, html_for=control_id), control], md=3)

    return dbc.Row(
        [
            field(
                "Search titles and services",
                dbc.Input(
                    id="engagement-explorer-search",
                    type="search",
                    debounce=True,
                    value=search,
                    maxLength=100,
                ),
                "engagement-explorer-search",
            ),
            field(
                "Kind",
                dbc.Select(id="engagement-explorer-kind", options=KIND_OPTIONS, value=kind),
                "engagement-explorer-kind",
            ),
            field(
                "Status",
                dbc.Select(id="engagement-explorer-status", options=STATUS_OPTIONS, value=status),
                "engagement-explorer-status",
            ),
            field(
                "Sort by",
                dbc.Select(id="engagement-explorer-sort", options=SORT_OPTIONS, value=sort),
                "engagement-explorer-sort",
            ),
        ],
        className="g-3 mb-2 explorer-controls",
    )


def layout(
    q: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    sort: str | None = None,
    **_kwargs: object,
) -> html.Div:
    """The explorer's search, kind, status and sort come from the URL (q, kind, status, sort),
    so a shared link opens the same list."""
    controls = _explorer_controls(
        (q or "")[:100] if isinstance(q, str) else "",
        explorer_choice("kind", kind),
        explorer_choice("status", status),
        explorer_choice("sort", sort),
    )
    return html.Div(
        [
            html.H1("Engagement", id="engagement-heading"),
            html.P(id="engagement-context", className="lead"),
            html.Nav(
                html.Ul(
                    [html.Li(html.A(t, href=f"#{s}")) for s, t in SECTIONS],
                    className="on-this-page",
                ),
                **{"aria-label": "On this page"},
            ),
            html.Div(id="engagement-problem"),
            _section("engagement-reach", "Reach", html.Div(id="engagement-reach-body")),
            _section(
                "engagement-funnel", "Participation funnel", html.Div(id="engagement-funnel-body")
            ),
            _section("engagement-tools", "Tools", html.Div(id="engagement-tools-body")),
            _section("engagement-who", "Who we hear from", html.Div(id="engagement-who-body")),
            _section("engagement-heard", "Being heard", html.Div(id="engagement-heard-body")),
            _section(
                "engagement-budgeting",
                "Participatory budgeting",
                html.Div(id="engagement-budgeting-body"),
            ),
            _section(
                "engagement-places",
                "Places",
                html.Div(
                    [
                        dbc.Label("Colour the pins by", html_for="engagement-pin-colour"),
                        dbc.RadioItems(
                            id="engagement-pin-colour",
                            options=[
                                {"label": "Sentiment", "value": "sentiment"},
                                {"label": "Engagement tool", "value": "tool"},
                            ],
                            value="sentiment",
                            inline=True,
                        ),
                    ],
                    className="map-picker",
                ),
                html.Div(id="engagement-places-body"),
            ),
            _section(
                "engagement-explorer",
                "Project explorer",
                html.P(
                    "Every engagement project open at any time in the chosen period. Choose a "
                    "project to see its detail.",
                ),
                # the page's own Location: the explorer syncs with the URL through it, so its
                # callback never names a component another page lacks
                dcc.Location(id="engagement-explorer-url", refresh=False),
                controls,
                html.Div(id="engagement-explorer-body"),
            ),
        ]
    )
