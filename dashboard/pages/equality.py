"""Equality: the four equality objectives and the evidence for each, workforce included."""

import dash
import dash_bootstrap_components as dbc
from dash import html

from dashboard.queries.equality import BREAKDOWNS, CHARACTERISTICS

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


def workforce_controls() -> html.Div:
    """Which characteristic and which breakdown the representation chart shows."""
    return html.Div(
        [
            html.H3("Representation and turnover", className="h4"),
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
                                value="ethnic_group",
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
                                value="All staff",
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


def layout(**_kwargs: object) -> html.Div:
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
                        *([workforce_controls()] if section == "equality-workforce" else []),
                    ],
                    id=section,
                    className="theme-page-section",
                )
                for section, title in OBJECTIVES
            ],
        ]
    )
