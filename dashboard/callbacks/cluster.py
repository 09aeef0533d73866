"""Cluster page behaviour: the neighbourhood's metrics beside the borough and its peers."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, dcc, html, no_update
from plotly.subplots import make_subplots

from dashboard import figures, ids, queries
from dashboard.components import chart_block, data_table, rag_badge
from dashboard.format import bare_number, number
from dashboard.states import StateProblem, View, resolve, unknown_area


def profile(area: dict, wards: pd.DataFrame, hubs: pd.DataFrame) -> html.Section:
    ward_items = [html.Li(f"{w.ward_name} ({w.ward_code})") for w in wards.itertuples()]
    if hubs.empty:
        hub_part = html.P(
            "There is no community hub in this cluster. Residents use hubs in neighbouring "
            "clusters; hub figures are not shown for this cluster."
        )
    else:
        hub_part = html.Ul(
            [
                html.Li(h.hub_name + (" (in a library)" if h.in_library else ""))
                for h in hubs.itertuples()
            ]
        )
    deprived = area.get("share_pop_most_deprived_20pc")
    deprivation = (
        "no estimate"
        if pd.isna(deprived)
        else f"{deprived * 100:.0f}% of residents live in the most deprived 20% of areas in "
        "England (IMD 2019, mid-2015 population)"
    )
    return html.Section(
        [
            html.P(
                f"{int(area['population']):,} residents (Census 2021, 21 March 2021); "
                f"{deprivation}."
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [html.H2(f"Wards ({len(wards)})", className="h5"), html.Ul(ward_items)],
                        md=6,
                    ),
                    dbc.Col([html.H2("Community hubs", className="h5"), hub_part], md=6),
                ]
            ),
        ],
        className="cluster-profile",
    )


def comparison_table(view: View, values: pd.DataFrame, catalogue: pd.DataFrame) -> dbc.Table:
    rows = []
    for entry in catalogue.itertuples():
        part = values[values["metric_id"] == entry.metric_id]
        here = part[part["area_slug"] == view.area_slug]
        if here.empty:
            continue
        here = here.iloc[0]
        borough = part[part["area_slug"] == "borough"]
        peers = part[(part["area_type"] == "cluster") & ~part["suppressed"]]["value"].dropna()
        fmt = lambda v, s=False, e=entry: bare_number(v, e.unit, e.decimals, s)  # noqa: E731
        rows.append(
            [
                dcc.Link(entry.short_title, href=f"/metric/{entry.metric_id}{view.query}"),
                fmt(here["value"], bool(here["suppressed"])),
                fmt(borough.iloc[0]["value"], bool(borough.iloc[0]["suppressed"]))
                if not borough.empty
                else "no data",
                f"{fmt(peers.min())} to {fmt(peers.max())}" if len(peers) else "no data",
                entry.unit,
                rag_badge(here["rag"], bool(here["suppressed"])),
            ]
        )
    return data_table(
        ["Measure", view.area_name, "Borough", "Range across clusters", "Unit", "Status"],
        rows,
        caption=f"Every measure for {view.area_name} in {view.period_label}",
        table_id="cluster-table",
    )


def small_multiples(view: View, catalogue: pd.DataFrame) -> html.Section:
    """One small trend per cluster-level measure: this cluster (blue) against the borough."""
    entries = [e for e in catalogue.itertuples() if e.areas != "borough"]
    cols = 3
    n_rows = -(-len(entries) // cols)
    fig = make_subplots(
        rows=n_rows,
        cols=cols,
        subplot_titles=[e.short_title for e in entries],
        vertical_spacing=0.12,
    )
    table_rows = []
    for i, entry in enumerate(entries):
        history = queries.metric_history(entry.metric_id, view.period_type)
        for slug, colour, name in (
            (view.area_slug, figures.HIGHLIGHT, view.area_name),
            ("borough", figures.BOROUGH, "Borough"),
        ):
            part = history[history["area_slug"] == slug]
            fig.add_scatter(
                x=part["period_label"],
                y=part["value"],
                mode="lines",
                name=name,
                line={"color": colour, "width": 2},
                showlegend=i == 0,
                legendgroup=slug,
                hovertemplate=f"{name}, %{{x}}: %{{y:,.1f}} {entry.unit}<extra></extra>",
                row=i // cols + 1,
                col=i % cols + 1,
            )
            if slug == view.area_slug:
                for r in part.itertuples():
                    table_rows.append(
                        [
                            entry.short_title,
                            r.period_label,
                            bare_number(r.value, entry.unit, entry.decimals, r.suppressed),
                            entry.unit,
                        ]
                    )
    fig.update_xaxes(showticklabels=False)
    fig.update_layout(
        height=260 * n_rows,
        margin={"l": 40, "r": 10, "t": 80, "b": 20},
        font=figures.FONT,
        plot_bgcolor="white",
        legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "top", "yref": "container"},
    )
    table = data_table(
        ["Measure", "Period", view.area_name, "Unit"],
        table_rows,
        caption=f"Trends for {view.area_name}",
    )
    sentence = (
        f"Each small chart shows one measure over time for {view.area_name} (blue) and the "
        "whole borough (black). Hover for values or open the table."
    )
    return chart_block(
        "cluster-trends",
        f"Trends for {view.area_name} against the borough",
        fig,
        sentence,
        table,
        height=260 * n_rows,
    )


def update_cluster(slug: str | None, period: str | None, _area: str | None) -> object:
    try:
        view = resolve(period, slug or "")
    except StateProblem as problem:
        return problem.component
    area = queries.area_entry(view.area_slug)
    if area is None or area["area_type"] != "cluster":
        return unknown_area(slug or "")
    wards = queries.ward_clusters()
    hubs = queries.hubs()
    values = queries.status_all_areas(view.period_label)
    catalogue = queries.catalogue()
    return [
        html.H1(view.area_name),
        html.P(f"Neighbourhood cluster · {view.period_label}", className="lead"),
        profile(
            area,
            wards[wards["cluster_slug"] == view.area_slug],
            hubs[hubs["cluster_slug"] == view.area_slug],
        ),
        html.H2("Every measure", className="h4"),
        comparison_table(view, values, catalogue),
        small_multiples(view, catalogue),
    ]


def follow_area_filter(area: str | None, slug: str | None, search: str | None) -> object:
    """Choosing another cluster in the area filter opens that cluster's page."""
    if not area or area == slug:
        return no_update
    if area == "borough":
        return f"/{search or ''}"
    return f"/cluster/{area}{search or ''}"


def register(app: dash.Dash) -> None:
    app.callback(
        Output("cluster-body", "children"),
        Input("cluster-slug", "data"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_cluster)
    app.callback(
        Output("cluster-nav", "href"),
        Input(ids.AREA, "value"),
        State("cluster-slug", "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(follow_area_filter)


__all__ = ["number", "register"]
