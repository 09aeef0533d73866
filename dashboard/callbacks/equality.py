"""Equality page behaviour: each equality objective with the measures that evidence it, who
takes part against the Census, and the workforce (council-wide, at the 31 March snapshot)."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

from dashboard import figures, ids, queries
from dashboard.callbacks.engagement import REPRESENTATION_HEADERS, representation_row
from dashboard.callbacks.overview import headline_card
from dashboard.components import chart_block, data_table
from dashboard.queries import engagement as engagement_q
from dashboard.states import StateProblem, View, resolve

OBJECTIVES = {
    "equality-access": "Access to services",
    "equality-cohesion": "Supporting community integration and cohesion",
    "equality-resilience": "Improving resilience",
    "equality-workforce": "Workforce development",
}


def measure_cards(status: pd.DataFrame, objective: str, view: View) -> object:
    rows = status[status["objective"] == objective]
    if rows.empty:
        return html.P(f"No measure for this objective has a figure for {view.area_name}.")
    return dbc.Row(
        [
            dbc.Col(
                headline_card(r, queries.metric_history(r["metric_id"], view.period_type), view),
                xs=12,
                md=6,
                lg=4,
            )
            for _, r in rows.iterrows()
        ],
        className="g-3 mb-3",
    )


def representation_figure(frame: pd.DataFrame, title: str) -> go.Figure:
    """Each group's representation ratio on one scale: 1 is as many as in the population."""
    shown = frame.dropna(subset=["representation_ratio"])
    labels = shown["characteristic"].map(engagement_q.CHARACTERISTICS) + ": " + shown["category"]
    fig = go.Figure(
        go.Scatter(
            x=shown["representation_ratio"],
            y=labels,
            mode="markers",
            marker={"size": 11, "color": figures.HIGHLIGHT, "symbol": "diamond"},
            hovertemplate="%{y}: ratio %{x:.2f} (1 = in line with residents)<extra></extra>",
        )
    )
    fig.add_vrect(
        x0=engagement_q.UNDER_REPRESENTED_BELOW,
        x1=engagement_q.OVER_REPRESENTED_ABOVE,
        fillcolor="#e5e5e5",
        line_width=0,
        layer="below",
    )
    fig.add_vline(x=1, line_color=figures.BOROUGH, line_dash="dash")
    fig = figures._layout(fig, title, x_title="Representation ratio (1 = in line with residents)")
    fig.update_layout(margin={"l": 330}, yaxis={"autorange": "reversed"}, showlegend=False)
    return fig


def participation_block(view: View) -> object:
    profile = engagement_q.participant_profile(view.period_label, view.area_slug)
    if profile.empty or profile["n_total"].fillna(0).max() == 0:
        return html.P(f"Nobody took part on the portal in {view.area_name} in {view.period_label}.")
    compared = profile[profile["census_share"].notna() | ~profile["is_disclosed"]]
    under = compared[compared["representation"] == "under-represented"]
    named = "; ".join(
        f"{r.category} ({engagement_q.CHARACTERISTICS[r.characteristic].lower()})"
        for r in under.itertuples()
    )
    title = f"Who takes part on the consultation portal, {view.period_label}, {view.area_name}"
    sentence = (
        f"Representation ratios of portal participants against the Census 2021 profile of "
        f"{view.area_name}. Under-represented (below {engagement_q.UNDER_REPRESENTED_BELOW}): "
        f"{named or 'none with a published figure'}. The shaded band is "
        f"{engagement_q.UNDER_REPRESENTED_BELOW} to {engagement_q.OVER_REPRESENTED_ABOVE}."
    )
    rows = [
        [engagement_q.CHARACTERISTICS[r.characteristic], *representation_row(r)]
        for r in compared.itertuples()
    ]
    table = data_table(
        ["Characteristic", *REPRESENTATION_HEADERS],
        rows,
        caption=title,
        table_id="equality-participation-table",
        numeric_from=2,
    )
    return chart_block(
        "equality-participation",
        title,
        representation_figure(compared, title),
        sentence,
        table,
        height=420,
    )


def access_section(status: pd.DataFrame, view: View) -> list:
    return [
        measure_cards(status, OBJECTIVES["equality-access"], view),
        participation_block(view),
        html.P(
            [
                "TCCA support requests did not record age, sex, ethnic group or disability, so "
                "who TCCA reached is shown by neighbourhood against deprivation on the ",
                dcc.Link("Empowerment page", href=f"/empowerment{view.query}"),
                ". More on who takes part is on the ",
                dcc.Link("Engagement page", href=f"/engagement{view.query}#engagement-who"),
                ".",
            ]
        ),
    ]


def cohesion_section(status: pd.DataFrame, view: View) -> list:
    return [
        measure_cards(status, OBJECTIVES["equality-cohesion"], view),
        html.P(
            [
                "Hub attendances and portal contributions show residents coming together; see the ",
                dcc.Link("Empowerment page", href=f"/empowerment{view.query}"),
                " for hubs by cluster and month.",
            ]
        ),
    ]


def resilience_section(status: pd.DataFrame, view: View) -> list:
    return [
        measure_cards(status, OBJECTIVES["equality-resilience"], view),
        html.P(
            [
                "TCCA requests, time to fulfil and volunteers by cluster and deprivation are on "
                "the ",
                dcc.Link("Empowerment page", href=f"/empowerment{view.query}"),
                ".",
            ]
        ),
    ]


def workforce_section(view: View) -> list:
    """The workforce is council-wide: borough figures at the 31 March ending the year."""
    fy_label = view.period_label.split(" ")[0]
    borough_view = View(fy_label, "fy", "borough", "Thurrock (whole borough)")
    status = queries.status_for_area(fy_label, "borough")
    snapshot_year = int(fy_label[:4]) + 1
    return [
        html.P(
            f"The council's workforce at the snapshot of 31 March {snapshot_year} (financial "
            f"year {fy_label}). The workforce is council-wide, so the area filter does not apply."
        ),
        measure_cards(status, OBJECTIVES["equality-workforce"], borough_view),
        html.P(
            dcc.Link(
                f"Annual Workforce Equality Report {fy_label}: every published table",
                href=f"/equality-report/{snapshot_year}",
            )
        ),
    ]


def update_equality(period: str | None, area: str | None) -> tuple:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return "", problem.component, [], [], [], []
    status = queries.status_for_area(view.period_label, view.area_slug)
    context = (
        f"{view.area_name}, {view.period_label}: progress on the framework's four equality "
        "objectives and the measures that evidence each."
    )
    return (
        context,
        None,
        access_section(status, view),
        cohesion_section(status, view),
        resilience_section(status, view),
        workforce_section(view),
    )


def register(app: dash.Dash) -> None:
    app.callback(
        Output("equality-context", "children"),
        Output("equality-problem", "children"),
        *[Output(f"{section}-body", "children") for section in OBJECTIVES],
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_equality)
