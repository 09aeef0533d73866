"""Any unknown address: say so and offer the way back."""

import dash
from dash import dcc, html

dash.register_page(
    __name__, path="/404", title="Page not found - Collaborative Communities Monitor"
)


def layout(**_kwargs: object) -> html.Div:
    return html.Div(
        [
            html.H1("Page not found"),
            html.P("There is no page at this address. It may have been mistyped or moved."),
            html.P(dcc.Link("Go to the overview", href="/")),
        ]
    )
