"""Engagement: who takes part on the consultation portal, and whether they are heard."""

import dash
import dash_bootstrap_components as dbc
from dash import html

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
KIND_OPTIONS = [
    {"label": "All kinds", "value": "all"},
    {"label": "Consultation", "value": "consultation"},
    {"label": "Engagement", "value": "engagement"},
    {"label": "Participatory budgeting", "value": "participatory_budgeting"},
]
STATUS_OPTIONS = [
    {"label": "Any status", "value": "all"},
    {"label": "Open", "value": "open"},
    {"label": "Awaiting feedback", "value": "awaiting feedback"},
    {"label": "Feedback overdue", "value": "feedback overdue"},
    {"label": "Feedback published", "value": "feedback published"},
]
SORT_OPTIONS = [
    {"label": "Newest first", "value": "newest"},
    {"label": "Title, A to Z", "value": "title"},
    {"label": "Most contributions", "value": "contributions"},
    {"label": "Most visitors", "value": "visitors"},
    {"label": "Longest wait for feedback", "value": "waiting"},
]


def _section(section_id: str, title: str, *children: object) -> html.Section:
    return html.Section(
        [html.H2(title, className="h3"), *children],
        id=section_id,
        className="theme-page-section",
    )


def _explorer_controls() -> dbc.Row:
    def field(label: str, control: object, control_id: str) -> dbc.Col:
        return dbc.Col([dbc.Label(label, html_for=control_id), control], md=3)

    return dbc.Row(
        [
            field(
                "Search titles and services",
                dbc.Input(id="engagement-explorer-search", type="search", debounce=True),
                "engagement-explorer-search",
            ),
            field(
                "Kind",
                dbc.Select(id="engagement-explorer-kind", options=KIND_OPTIONS, value="all"),
                "engagement-explorer-kind",
            ),
            field(
                "Status",
                dbc.Select(id="engagement-explorer-status", options=STATUS_OPTIONS, value="all"),
                "engagement-explorer-status",
            ),
            field(
                "Sort by",
                dbc.Select(id="engagement-explorer-sort", options=SORT_OPTIONS, value="newest"),
                "engagement-explorer-sort",
            ),
        ],
        className="g-3 mb-2 explorer-controls",
    )


def layout(**_kwargs: object) -> html.Div:
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
                _explorer_controls(),
                html.Div(id="engagement-explorer-body"),
            ),
        ]
    )
