"""Equality: the four equality objectives and the evidence for each, workforce included."""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.queries.equality import BREAKDOWNS, CHARACTERISTICS, workforce_view

dash.register_page(
    __name__,
    path="/equality",
    name="Equality",
    title="Equality - Collaborative Communities Monitor",
    description="The framework's four equality objectives and the measures that evidence them.",
    order=3,
    nav=True,
)

OBJECTIVES = [
    ("equality-access", "Access to services"),
    ("equality-cohesion", "Community integration and cohesion"),
    ("equality-resilience", "Improving resilience"),
    ("equality-workforce", "Workforce development"),
]


def workforce_controls(characteristic: str, breakdown: str) -> html.Div:
    """Which characteristic and which breakdown the representation chart shows; both are kept
    in the link (?characteristic=...&breakdown=...) through the page's own Location."""
    return html.Div(
        [
            html.H3("Representation and turnover", className="h4"),
            dcc.Location(id="equality-url", refresh=False),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Characteristic", html_for="equality-characteristic"),
                            dbc.Select(
                                id="equality-characteristic",
                                options=[
                                    {"label": v, "value": k} for k, v in CHARACTERISTICS.items()
                                ],
                                value=characteristic,
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label("Show", html_for="equality-breakdown"),
                            dbc.RadioItems(
                                id="equality-breakdown",
                                options=[{"label": b, "value": b} for b in BREAKDOWNS],
                                value=breakdown,
                                inline=True,
                            ),
                        ],
                        md=8,
                    ),
                ],
                className="g-3 mb-2",
            ),
            html.Div(id="equality-workforce-detail"),
        ]
    )


def layout(
    characteristic: str | None = None, breakdown: str | None = None, **_kwargs: object
) -> html.Div:
    """The workforce controls start from the link, so a shared link opens the same view."""
    chosen = workforce_view(characteristic, breakdown)
    return html.Div(
        [
            html.H1("Equality", id="equality-heading"),
            html.P(id="equality-context", className="lead"),
            html.Nav(
                html.Ul(
                    [html.Li(html.A(t, href=f"#{s}")) for s, t in OBJECTIVES],
                    className="on-this-page",
                ),
                **{"aria-label": "Equality objectives"},
            ),
            html.Div(id="equality-problem"),
            *[
                html.Section(
                    [
                        html.H2(title, className="h3"),
                        html.Div(id=f"{section}-body"),
                        *([workforce_controls(*chosen)] if section == "equality-workforce" else []),
                    ],
                    id=section,
                    className="theme-page-section",
                )
                for section, title in OBJECTIVES
            ],
        ]
    )
