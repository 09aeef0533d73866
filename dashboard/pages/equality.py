"""Equality: the four equality objectives and the evidence for each, workforce included."""

import dash
from dash import html

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
                    [html.H2(title, className="h3"), html.Div(id=f"{section}-body")],
                    id=section,
                    className="theme-page-section",
                )
                for section, title in OBJECTIVES
            ],
        ]
    )
