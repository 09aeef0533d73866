"""Overview behaviour: theme cards, exceptions, headline metrics, the cluster map."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, dcc, html, no_update

from dashboard import figures, ids, queries
from dashboard.components import GRAPH_CONFIG, chart_block, data_table, direction, rag_badge
from dashboard.format import RAG_ICON, RAG_TEXT, number
from dashboard.states import StateProblem, View, resolve

THEMES = ("Engagement", "Empowerment", "Equality")
MAP_METRIC = "overview-map-metric"


def theme_card(theme: str, counts: dict, view: View) -> dbc.Card:
    items = []
    for rag in ("on_track", "at_risk", "off_track", "not_rated"):
        items.append(
            html.Li(
                [
                    html.Span(
                        RAG_ICON[rag],
                        className=f"rag-icon rag-{rag.replace('_', '-')}",
                        **{"aria-hidden": "true"},
                    ),
                    html.Strong(str(int(counts.get(rag, 0)))),
                    f" {RAG_TEXT[rag].lower()}",
                ],
                className="theme-count",
            )
        )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(theme, className="h4"),
                html.Ul(items, className="list-unstyled mb-2"),
                dcc.Link(f"{theme} measures below", href=f"#theme-{theme.lower()}"),
            ]
        ),
        className="theme-card",
        id=f"theme-card-{theme.lower()}",
    )


def exceptions(status: pd.DataFrame, view: View) -> html.Section:
    """Directors read exceptions first: everything off track, then at risk."""
    flagged = status[status["rag"].isin(["off_track", "at_risk"]) & ~status["suppressed"]]
    flagged = flagged.sort_values(["rag", "sort_order"], ascending=[False, True])
    if flagged.empty:
        body = html.P("Nothing is off track or at risk for this area and period.")
    else:
        body = html.Ul(
            [
                html.Li(
                    [
                        rag_badge(r.rag),
                        " ",
                        dcc.Link(r.title, href=f"/metric/{r.metric_id}{view.query}"),
                        f": {number(r.value, r.unit, r.decimals)} against a target of "
                        f"{number(r.target, r.unit, r.decimals)}",
                    ]
                )
                for r in flagged.itertuples()
            ],
            className="exceptions list-unstyled",
        )
    return html.Section(
        [html.H2("Needs attention", className="h4"), body],
        className="exceptions-block",
        id="overview-exceptions",
    )


def headline_card(row: pd.Series, history: pd.DataFrame, view: View) -> dbc.Card:
    spark = history[history["area_slug"] == view.area_slug].tail(8)
    value = number(row["value"], row["unit"], row["decimals"], bool(row["suppressed"]))
    target = (
        "no target"
        if pd.isna(row["target"])
        else "target " + number(row["target"], row["unit"], row["decimals"])
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(
                    dcc.Link(row["short_title"], href=f"/metric/{row['metric_id']}{view.query}"),
                    className="h6",
                ),
                html.P(value, className="headline-value"),
                html.P(
                    [rag_badge(row["rag"], bool(row["suppressed"])), f" ({target})"],
                    className="mb-1",
                ),
                html.P(
                    direction(row["direction"], row["previous_period_label"]),
                    className="small mb-1",
                ),
                dcc.Graph(
                    figure=figures.sparkline(spark, row["short_title"]),
                    config={**GRAPH_CONFIG, "staticPlot": True},
                    className="sparkline",
                    style={"height": "50px"},
                )
                if len(spark) > 1
                else html.Div(),
                html.P(
                    f"Trend: {', '.join(spark['period_label'])}" if len(spark) > 1 else "",
                    className="visually-hidden",
                ),
            ]
        ),
        className="headline-card",
        id=f"headline-{row['metric_id']}",
    )


def theme_section(theme: str, status: pd.DataFrame, view: View) -> html.Section:
    rows = status[status["theme"] == theme]
    cards = [
        dbc.Col(
            headline_card(r, queries.metric_history(r["metric_id"], view.period_type), view),
            xs=12,
            md=6,
            lg=4,
            xl=3,
        )
        for _, r in rows.iterrows()
    ]
    if not cards:
        cards = [dbc.Col(html.P(f"No {theme} figures for this area and period."))]
    return html.Section(
        [html.H2(f"{theme} measures", className="h4"), dbc.Row(cards, className="g-3")],
        id=f"theme-{theme.lower()}",
        className="theme-section",
    )


def map_section(view: View) -> html.Section:
    cat = queries.catalogue()
    options = [
        {"label": r.short_title, "value": r.metric_id}
        for r in cat.itertuples()
        if r.areas != "borough"
    ]
    return html.Section(
        [
            html.H2("Neighbourhood clusters", className="h4"),
            html.Div(
                [
                    dbc.Label("Shade the map by", html_for=MAP_METRIC),
                    dbc.Select(id=MAP_METRIC, options=options, value=options[0]["value"]),
                ],
                className="map-picker",
            ),
            html.Div(id="overview-map"),
        ],
        className="map-section",
    )


def update_overview(period: str | None, area: str | None) -> tuple:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return "", problem.component
    status = queries.status_for_area(view.period_label, view.area_slug)
    summary = queries.theme_summary(view.period_label, view.area_slug).set_index("theme")
    context = f"{view.area_name}, {view.period_label}. Status of each measure against its target."
    if status.empty:
        return context, html.P("There are no figures for this area and period.")
    body = [
        dbc.Row(
            [dbc.Col(theme_card(t, summary.loc[t].to_dict(), view), md=4) for t in THEMES],
            className="g-3 mb-4",
        ),
        exceptions(status, view),
        *[theme_section(t, status, view) for t in THEMES],
        map_section(view),
    ]
    return context, body


def update_map(metric_id: str | None, period: str | None, area: str | None) -> object:
    try:
        view = resolve(period, area)
    except StateProblem:
        return no_update
    entry = queries.metric_entry(metric_id or "")
    if entry is None:
        return html.P("Choose a measure to shade the map.")
    values = queries.status_all_areas(view.period_label)
    values = values[values["metric_id"] == metric_id]
    unit = entry["unit"]
    title = f"{entry['short_title']}, {view.period_label}, by neighbourhood cluster"
    fig = figures.cluster_map(queries.cluster_geojson(), values, title, unit)
    clusters = values[values["area_slug"] != "borough"].sort_values("value", ascending=False)
    period_q = queries.period_slug(view.period_label)
    rows = [
        [
            dcc.Link(
                r.area_name, href=f"/cluster/{r.area_slug}?period={period_q}&area={r.area_slug}"
            ),
            number(r.value, unit, entry["decimals"], r.suppressed),
            rag_badge(r.rag, r.suppressed),
        ]
        for r in clusters.itertuples()
    ]
    shown = clusters.dropna(subset=["value"])
    if shown.empty:
        sentence = f"No cluster has a figure for {entry['short_title']} in {view.period_label}."
    else:
        top, bottom = shown.iloc[0], shown.iloc[-1]
        sentence = (
            f"{entry['short_title']} in {view.period_label} was highest in {top.area_name} "
            f"({number(top.value, unit, entry['decimals'])}) and lowest in {bottom.area_name} "
            f"({number(bottom.value, unit, entry['decimals'])}). Clusters without a figure are "
            "left blank. Select a cluster on the map or in the table to open its page."
        )
    table = data_table(
        ["Neighbourhood cluster", entry["short_title"], "Status"],
        rows,
        caption=title,
        table_id="overview-map-table",
    )
    return chart_block("overview-map-block", title, fig, sentence, table, height=460)


def open_cluster(click: dict | None, period: str | None) -> object:
    """Clicking a cluster on the map opens its page, keeping the period."""
    if not click or not click.get("points"):
        return no_update
    slug = click["points"][0]["customdata"][0]
    return f"/cluster/{slug}?period={period or ''}&area={slug}"


def register(app: dash.Dash) -> None:
    app.callback(
        Output("overview-context", "children"),
        Output("overview-body", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_overview)
    app.callback(
        Output("overview-map", "children"),
        Input(MAP_METRIC, "value"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_map)
    app.callback(
        Output("overview-nav", "href"),
        Input("overview-map-block-graph", "clickData"),
        dash.State(ids.PERIOD, "value"),
        prevent_initial_call=True,
    )(open_cluster)
