"""Empowerment behaviour: community hubs, the TCCA response and community capacity.

Every function below takes small, already-protected frames from `dashboard.queries.empowerment`
and returns components; the figure builders are pure so tests can check them directly.
"""

from __future__ import annotations

import html as html_lib
from urllib.parse import parse_qs

import dash
import pandas as pd
import plotly.graph_objects as go
from dash import ALL, Input, Output, ctx, html
from plotly.subplots import make_subplots

from dashboard import figures, ids
from dashboard.callbacks.shell import merge_search
from dashboard.components import chart_block, data_table
from dashboard.disclosure import SUPPRESSED
from dashboard.figures import BOROUGH, FONT, HIGHLIGHT, OKABE_ITO
from dashboard.format import count, missing
from dashboard.queries import empowerment as q
from dashboard.states import StateProblem, View, resolve

PAGE = "empowerment"
BODIES = ("empowerment-hubs-body", "empowerment-tcca-body", "empowerment-capacity-body")
OTHER_BAR = "#56B4E9"
NO_HUB = "No hub in this cluster"
# measure -> (title words, count column, rate column, what is counted, seasonal column)
MEASURES = {
    "attendances": (
        "Attendances",
        "n_attendances",
        "attendances_per_1000_a_year",
        "attendances",
        "mean_attendances",
    ),
    "events": ("Events and groups", "n_events", "events_per_1000_a_year", "events", "mean_events"),
    "advice_sessions": (
        "Advice sessions",
        "n_advice_sessions",
        "advice_per_1000_a_year",
        "advice sessions",
        "mean_advice_sessions",
    ),
    "digital_help": (
        "Digital-inclusion help sessions",
        "n_digital_help",
        "digital_help_per_1000_a_year",
        "digital-inclusion help sessions",
        "mean_digital_help",
    ),
}
NO_RETURNS = "No returns"


# --- words and numbers ----------------------------------------------------------------------------


def dec(value: object, suppressed: bool = False, places: int = 1, suffix: str = "") -> str:
    if suppressed:
        return SUPPRESSED
    return "no data" if missing(value) else f"{float(value):,.{places}f}{suffix}"


def short_name(area_name: str) -> str:
    """Cluster names without their '(including ...)' tails, for chart axes."""
    return area_name.split(" (including")[0]


def where(view: View) -> str:
    return "across the borough" if view.area_slug == "borough" else f"in {view.area_name}"


def _style(fig: go.Figure, x_title: str = "", y_title: str = "", left: int = 60) -> go.Figure:
    """House style in one layout update (each Plotly update call costs milliseconds)."""
    axis = {"gridcolor": "#e5e5e5", "rangemode": "tozero"}
    fig.update_layout(
        font=FONT,
        margin={"l": left, "r": 20, "t": 20, "b": 50},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"namelength": -1},
        legend={"orientation": "h", "y": -0.2, "yanchor": "top", "x": 0},
        xaxis={**axis, "title": {"text": x_title}},
        yaxis={**axis, "title": {"text": y_title}},
    )
    return fig


def _note_bars(fig: go.Figure, categories: object, text: str, **subplot: int) -> None:
    """Words where a horizontal bar is missing ([c], no hub, no returns), never a silent gap."""
    for category in categories:
        fig.add_annotation(
            x=0,
            y=category,
            text=text,
            showarrow=False,
            xanchor="left",
            font={"color": "#505a5f", "size": 12},
            **subplot,
        )


def _hover(texts: pd.Series | list) -> dict:
    """Hover text as plain sentences (escaped: Plotly reads some HTML in hover labels)."""
    return {
        "hovertext": [html_lib.escape(str(t)) for t in texts],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


# --- community hubs -----------------------------------------------------------------------------


def hub_cluster_figure(frame: pd.DataFrame, measure: str, focus: str) -> go.Figure:
    """Clusters' rate per 1,000 a year; clusters with no hub get words, not a zero bar."""
    title, count_col, rate_col, what, _ = MEASURES[measure]
    clusters = frame[frame["area_type"] == "cluster"].sort_values("sort_order", ascending=False)
    names = clusters["area_name"].map(short_name)
    hubbed = clusters["has_hub"].astype(bool)
    reporting = clusters["n_hubs_reporting"] > 0
    texts = [
        f"{r.area_name} has no community hub."
        if not r.has_hub
        else f"{r.area_name}: its hubs sent no returns for the period."
        if not r.n_hubs_reporting
        else f"{r.area_name}: {dec(getattr(r, rate_col))} {what} per 1,000 residents a year "
        f"({count(getattr(r, count_col))} in the period)."
        for r in clusters.itertuples()
    ]
    colours = [HIGHLIGHT if s == focus else OTHER_BAR for s in clusters["area_slug"]]
    fig = go.Figure(
        go.Bar(
            x=clusters[rate_col].where(hubbed & reporting),
            y=names,
            orientation="h",
            marker_color=colours,
            name=f"{title} per 1,000 residents a year",
            **_hover(texts),
        )
    )
    _note_bars(fig, names[~hubbed], NO_HUB)
    _note_bars(fig, names[hubbed & ~reporting], "Hub sent no returns")
    borough = frame[frame["area_type"] == "borough"][rate_col]
    if not borough.empty and not missing(borough.iloc[0]):
        fig.add_vline(
            x=float(borough.iloc[0]),
            line_color=BOROUGH,
            line_dash="dash",
            annotation_text=f"Borough {float(borough.iloc[0]):,.1f}",
        )
    return _style(fig, x_title=f"{what} per 1,000 residents a year", left=230)


def hub_cluster_block(frame: pd.DataFrame, view: View, measure: str) -> html.Section:
    title, count_col, rate_col, what, _ = MEASURES[measure]
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    no_hub = frame[(frame["area_type"] == "cluster") & ~frame["has_hub"].astype(bool)]
    missing_names = ", ".join(no_hub["area_name"].map(short_name))
    if not here["has_hub"]:
        sentence = (
            f"{view.area_name} has no community hub, so it has no hub figures for "
            f"{view.period_label}; the chart shows the clusters that do."
        )
    elif not here["n_hubs_reporting"]:
        sentence = (
            f"The hub in {view.area_name} sent no activity returns for {view.period_label}, so "
            "there is no figure for it (not a zero)."
        )
    else:
        sentence = (
            f"In {view.period_label} hubs recorded {count(here[count_col])} {what} {where(view)}: "
            f"{dec(here[rate_col])} per 1,000 residents a year."
        )
        if here["n_hubs_reporting"] < here["n_hubs"]:
            sentence += (
                f" Only {int(here['n_hubs_reporting'])} of its {int(here['n_hubs'])} hubs sent "
                "returns: the rate counts what was returned over the whole period, so it "
                "understates activity where returns are missing."
            )
    if len(no_hub):
        sentence += f" {len(no_hub)} clusters have no hub: {missing_names}."
    rows = [
        [
            r.area_name,
            f"{r.n_hubs} ({r.n_hubs_in_library} in libraries)" if r.has_hub else NO_HUB,
            *(
                [count(getattr(r, count_col)), dec(getattr(r, rate_col)), dec(r.volunteer_hours)]
                if r.has_hub and r.n_hubs_reporting
                else [NO_HUB if not r.has_hub else NO_RETURNS] * 3
            ),
        ]
        for r in frame.itertuples()
    ]
    table = data_table(
        ["Area", "Hubs", title, "Per 1,000 residents a year", "Hub volunteer hours"],
        rows,
        caption=f"Hub {what} by cluster, {view.period_label}",
        table_id="empowerment-hub-clusters-table",
    )
    return chart_block(
        "empowerment-hub-clusters",
        f"{title} per 1,000 residents a year, by cluster, {view.period_label}",
        hub_cluster_figure(frame, measure, view.area_slug),
        sentence,
        table,
        height=380,
    )


def hub_label(name: str, in_library: bool) -> str:
    return f"{name} - {'library' if in_library else 'not in a library'}"


def hub_figure(hubs: pd.DataFrame, measure: str) -> go.Figure:
    """Each hub's count, coloured and labelled by whether it is in a library."""
    title, count_col, _, what, _ = MEASURES[measure]
    fig = go.Figure()
    for in_library, colour, legend in (
        (True, OKABE_ITO[0], "In a library"),
        (False, OKABE_ITO[1], "Not in a library"),
    ):
        part = hubs[hubs["is_in_library"].astype(bool) == in_library]
        if part.empty:
            continue
        texts = [
            f"{r.hub_name} ({legend.lower()}): {count(getattr(r, count_col))} {what} on "
            f"{r.n_days_reported} days with returns."
            if r.n_days_reported
            else f"{r.hub_name} ({legend.lower()}): no returns this period."
            for r in part.itertuples()
        ]
        fig.add_trace(
            go.Bar(
                # a hub that sent no returns has no figure (not a zero): words, no bar
                x=part[count_col].where(part["n_days_reported"] > 0),
                y=[hub_label(n, in_library) for n in part["hub_name"]],
                orientation="h",
                marker_color=colour,
                name=legend,
                **_hover(texts),
            )
        )
    silent = hubs[hubs["n_days_reported"] == 0]
    _note_bars(
        fig,
        [
            hub_label(n, bool(lib))
            for n, lib in zip(silent["hub_name"], silent["is_in_library"], strict=True)
        ],
        "No returns this period",
    )
    return _style(fig, x_title=what, left=330)


def hub_block(hubs: pd.DataFrame, view: View, measure: str) -> html.Section | html.P:
    title, count_col, _, what, _ = MEASURES[measure]
    if hubs.empty:
        return html.P(
            f"{NO_HUB}: {view.area_name} has no community hub.", id="empowerment-hubs-none"
        )
    library = hubs["is_in_library"].astype(bool)
    reporting = hubs["n_days_reported"] > 0
    total = hubs[count_col].sum()
    in_lib = hubs.loc[library, count_col].sum()
    share = f" ({100 * in_lib / total:.0f}%)" if total else ""
    silent = hubs[~reporting]["hub_name"]
    n_lib, n_other = int(library.sum()), int((~library).sum())
    sentence = f"{len(hubs)} {'hub' if len(hubs) == 1 else 'hubs'} {where(view)}: "
    if n_lib and n_other:
        # a side whose hubs all sent no returns has no figure, not a zero
        lib_words = (
            f"recorded {count(in_lib)} {what}{share}"
            if (library & reporting).any()
            else "sent no returns"
        )
        other_words = (
            f"{count(total - in_lib)}" if (~library & reporting).any() else "sent no returns"
        )
        sentence += (
            f"{n_lib} in libraries, {n_other} elsewhere. In {view.period_label} hubs in "
            f"libraries {lib_words} and hubs elsewhere {other_words}."
        )
    else:
        kind = "in a library" if n_lib else "not in a library"
        sentence += (
            f"{'all ' if len(hubs) > 1 else ''}{kind}. In {view.period_label} "
            f"{'they' if len(hubs) > 1 else 'it'} recorded {count(total)} {what}."
        )
    if len(silent) == len(hubs):
        sentence = (
            f"{len(hubs)} {'hub' if len(hubs) == 1 else 'hubs'} {where(view)}; no activity "
            f"returns for {view.period_label}, so there are no figures (not zeros)."
        )
    elif len(silent):
        sentence += f" No returns this period from: {', '.join(silent)}."
    sentence += (
        " These are counts: a hub has no population of its own (residents use any hub), so rates"
        " per 1,000 residents are given for clusters and, by month, for the area."
    )
    rows = [
        [
            r.hub_name,
            short_name(r.area_name),
            "Yes" if r.is_in_library else "No",
            count(r.n_days_reported),
            *(
                [
                    count(r.n_attendances),
                    count(r.n_events),
                    count(r.n_advice_sessions),
                    count(r.n_digital_help),
                    dec(r.volunteer_hours),
                ]
                if r.n_days_reported
                else [NO_RETURNS] * 5
            ),
        ]
        for r in hubs.itertuples()
    ]
    table = data_table(
        [
            "Hub",
            "Cluster",
            "In a library",
            "Days with returns",
            "Attendances",
            "Events and groups",
            "Advice sessions",
            "Digital-inclusion help sessions",
            "Volunteer hours",
        ],
        rows,
        caption=f"Each hub's activity, {view.period_label}",
        table_id="empowerment-hubs-table",
        numeric_from=3,
    )
    return chart_block(
        "empowerment-hubs",
        f"{title} at each hub, in libraries and elsewhere, {view.period_label}",
        hub_figure(hubs, measure),
        sentence,
        table,
        height=80 + 45 * len(hubs),
    )


def hub_month_figure(months: pd.DataFrame, measure: str) -> go.Figure:
    """Stacked monthly bars, one colour per hub (Okabe-Ito), in calendar order; a hub's
    month without returns has no bar (not a zero) and says so on hover."""
    _, count_col, _, what, _ = MEASURES[measure]
    fig = go.Figure()
    for i, (name, part) in enumerate(months.groupby("hub_name", sort=True)):
        sent = part["n_days_reported"] > 0
        texts = [
            f"{name} in {m}: {count(v)} {what}." if s else f"{name} in {m}: no returns."
            for m, v, s in zip(part["month_label"], part[count_col], sent, strict=True)
        ]
        fig.add_trace(
            go.Bar(
                x=part["month_label"],
                y=part[count_col].where(sent),
                name=name,
                marker_color=OKABE_ITO[i % len(OKABE_ITO)],
                **_hover(texts),
            )
        )
    fig.update_layout(barmode="stack")
    return _style(fig, y_title=what)


def hub_month_block(months: pd.DataFrame, view: View, measure: str) -> html.Section | None:
    title, count_col, _, what, _ = MEASURES[measure]
    reported = months.groupby("hub_id")["n_days_reported"].transform("sum") > 0
    months = months[reported]
    if months.empty:
        return None
    # a hub's month without returns is missing, not 0; all hubs' total only where any sent one
    sent = months.assign(**{count_col: months[count_col].where(months["n_days_reported"] > 0)})
    by_hub = sent.groupby(["month_start", "month_label", "hub_name"])[count_col].sum(min_count=1)
    wide = by_hub.unstack("hub_name")  # noqa: PD010 - pivot_table would fill the gaps with 0
    totals = wide.sum(axis=1, min_count=1)
    rates = totals * 1000 / months["area_population"].iloc[0]
    busiest = totals.idxmax()[1] if totals.max() > 0 else None
    sentence = f"{title} each month {where(view)} in {view.period_label}, stacked by hub. " + (
        f"The busiest month was {busiest} ({count(totals.max())} {what}, "
        f"{dec(rates.max(), places=2)} per 1,000 residents of {view.area_name})."
        if busiest
        else f"No {what} were recorded."
    )
    rows = [
        [
            label,
            *[NO_RETURNS if missing(v) else count(v) for v in values],
            NO_RETURNS if missing(total) else count(total),
            NO_RETURNS if missing(rate) else dec(rate, places=2),
        ]
        for (_, label), values, total, rate in zip(
            wide.index, wide.to_numpy(), totals, rates, strict=True
        )
    ]
    table = data_table(
        ["Month", *wide.columns, "All hubs", "All hubs per 1,000 residents"],
        rows,
        caption=f"{title} by hub and month, {view.period_label}",
        table_id="empowerment-hub-months-table",
    )
    return chart_block(
        "empowerment-hub-months",
        f"{title} by hub and month, {view.period_label}",
        hub_month_figure(months, measure),
        sentence,
        table,
    )


def seasonal_figure(seasonal: pd.DataFrame, measure: str) -> go.Figure:
    """Each calendar month's mean over the years it had returns; a month with returns in no
    year has no bar and says so on hover."""
    _, _, _, what, col = MEASURES[measure]
    texts = [
        f"{m}: on average {dec(v)} {what} a month ({n} of the years had returns)."
        if not missing(v)
        else f"{m}: no returns in any year."
        for m, v, n in zip(
            seasonal["month_name"], seasonal[col], seasonal["n_years_reported"], strict=True
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=seasonal["month_name"],
            y=seasonal[col],
            marker_color=OKABE_ITO[2],
            name=f"Average {what} a month",
            **_hover(texts),
        )
    )
    return _style(fig, x_title="Month (financial year order)", y_title=f"average {what}")


def seasonal_block(seasonal: pd.DataFrame, view: View, measure: str) -> html.Section | None:
    title, _, _, what, col = MEASURES[measure]
    if seasonal.empty or not seasonal[col].fillna(0).sum():
        return None  # nothing recorded in any year: no pattern to show
    first, last, n = seasonal.iloc[0][["first_year", "last_year", "n_years"]]
    top = seasonal.loc[seasonal[col].idxmax()]
    silent = int(seasonal[col].isna().sum())
    quiet = int((seasonal[col] == 0).sum())
    sentence = (
        f"Average {what} per calendar month {where(view)} over the {n} financial years "
        f"{first} to {last} (all years, whatever period is chosen), each month averaged over "
        f"the years in which hubs sent returns for it: highest in {top['month_name']} "
        f"({dec(top[col])})."
        + (f" No returns in any year for {silent} of the 12 months." if silent else "")
        + (f" None recorded in {quiet} months with returns." if quiet else "")
    )
    rows = [
        [m, NO_RETURNS if missing(v) else dec(v), str(int(k))]
        for m, v, k in zip(
            seasonal["month_name"], seasonal[col], seasonal["n_years_reported"], strict=True
        )
    ]
    table = data_table(
        ["Month", f"Average {what} a month", "Years with returns"],
        rows,
        caption=f"Seasonal pattern of hub {what}, {first} to {last}",
        table_id="empowerment-seasonal-table",
    )
    return chart_block(
        "empowerment-seasonal",
        f"Seasonal pattern: {title.lower()} by month of the year, {first} to {last}",
        seasonal_figure(seasonal, measure),
        sentence,
        table,
        height=300,
    )


def hubs_section(view: View, measure: str) -> list:
    measure = measure if measure in MEASURES else DEFAULT_MEASURE
    areas = q.hub_areas(view.period_label)
    blocks = [
        hub_cluster_block(areas, view, measure),
        hub_block(q.hub_periods(view.period_label, view.area_slug), view, measure),
        hub_month_block(q.hub_months(view.period_label, view.area_slug), view, measure),
    ]
    here = areas[areas["area_slug"] == view.area_slug]
    if bool(here["has_hub"].iloc[0]):
        blocks.append(seasonal_block(q.hub_seasonal(view.area_slug), view, measure))
    return [b for b in blocks if b is not None]


# --- TCCA ---------------------------------------------------------------------------------------


def tcca_headline(row: pd.Series, view: View) -> html.P:
    s = row
    text = (
        f"{count(s['n_requests'], s['n_requests_suppressed'])} requests for support {where(view)} "
        f"in {view.period_label}: {count(s['n_fulfilled'], s['n_fulfilled_suppressed'])} "
        f"fulfilled and {count(s['n_not_fulfilled'], s['n_not_fulfilled_suppressed'])} never "
        "fulfilled (counted in every share). "
        f"{dec(s['share_within_24h'], s['n_within_24h_suppressed'], suffix='%')} were fulfilled "
        "within 24 hours and "
        f"{dec(s['share_within_48h'], s['n_within_48h_suppressed'], suffix='%')} within 48 hours."
        " Median time to fulfil "
        f"{dec(s['p50_hours_to_fulfil'], s['times_suppressed'], suffix=' hours')}; 90th "
        f"percentile {dec(s['p90_hours_to_fulfil'], s['times_suppressed'], suffix=' hours')}."
    )
    return html.P(text, id="empowerment-tcca-headline", className="headline-sentence")


# breakdown -> (id stem, chart words, legend word for hidden cells)
CATEGORY_TRENDS = {
    "need": ("empowerment-need-trend", "main need", "needs"),
    "referral_source": ("empowerment-source-trend", "referral source", "referral sources"),
}


def category_trend_figure(trend: pd.DataFrame, plural: str = "needs") -> go.Figure:
    """Stacked quarterly bars, one colour per category; quarters with [c] cells are marked."""
    fig = go.Figure()
    for i, (_label, part) in enumerate(trend.groupby("category_order", sort=True)):
        name = part["category_label"].iloc[0]
        texts = [
            f"{name} in {p}: {count(v, s)} requests."
            for p, v, s in zip(
                part["period_label"], part["n_requests"], part["suppressed"], strict=True
            )
        ]
        fig.add_trace(
            go.Bar(
                x=part["period_label"],
                y=part["n_requests"],
                name=name,
                marker_color=OKABE_ITO[i % len(OKABE_ITO)],
                **_hover(texts),
            )
        )
    hidden = trend[trend["suppressed"].astype(bool)].groupby("period_label", sort=False).size()
    if len(hidden):
        fig.add_trace(
            go.Scatter(
                x=hidden.index,
                y=[0] * len(hidden),
                mode="markers+text",
                text=[SUPPRESSED] * len(hidden),
                textposition="top center",
                marker={"symbol": "x-thin-open", "size": 10, "color": "#505a5f"},
                name=f"Some {plural} [c] (1 to 4 people)",
                **_hover(
                    [f"{p}: {n} {plural} are [c] (1 to 4 people)." for p, n in hidden.items()]
                ),
            )
        )
    top = trend.groupby("period_label")["n_requests"].sum().max()
    fig.update_layout(barmode="stack")
    fig.update_yaxes(range=[0, max(float(top) if not missing(top) else 0, 4) * 1.15])
    return _style(fig, y_title="requests")


def category_trend_block(trend: pd.DataFrame, view: View, breakdown: str = "need") -> html.Section:
    """Requests by need (or referral source) each quarter, with the largest category named."""
    stem, words, plural = CATEGORY_TRENDS[breakdown]
    index = ["period_start", "period_label"]
    # pivot, not pivot_table: a quarter whose cells are all [c] must keep its row
    wide = trend.pivot(index=index, columns="category_order", values="n_requests")  # noqa: PD010
    hidden = trend.pivot(index=index, columns="category_order", values="suppressed")  # noqa: PD010
    hidden = hidden.astype(bool)
    labels = trend.drop_duplicates("category_order").set_index("category_order")["category_label"]
    n_hidden = int(hidden.to_numpy().sum())
    first, last = wide.index[0][1], wide.index[-1][1]
    shown = wide.where(~hidden).sum()
    sentence = (
        f"Requests {where(view)} by {words}, each quarter from {first} to {last} (all quarters, "
        "whatever period is chosen)."
        + (
            f" Largest over the whole time, counting published cells only: "
            f"{labels[shown.idxmax()]} ({count(shown.max())} requests)."
            if shown.max() > 0
            else ""
        )
        + (
            f" {n_hidden} of the cells are [c] (1 to 4 people) and left out of the bars."
            if n_hidden
            else ""
        )
    )
    rows = [
        [label, *[count(v, h) for v, h in zip(values, flags, strict=True)]]
        for (_, label), values, flags in zip(
            wide.index, wide.to_numpy(), hidden.to_numpy(), strict=True
        )
    ]
    table = data_table(
        ["Quarter", *[labels[c] for c in wide.columns]],
        rows,
        caption=f"TCCA requests by {words} and quarter, {view.area_name}",
        table_id=f"{stem}-table",
    )
    return chart_block(
        stem,
        f"Requests by {words} over time, {view.area_name}",
        category_trend_figure(trend, plural),
        sentence,
        table,
    )


def cluster_trend_block(trend: pd.DataFrame, view: View) -> html.Section:
    """Requests per 1,000 a year for every area over time (quarters), the chosen one in blue."""
    frame = trend.rename(columns={"requests_per_1000_a_year": "value"})
    unit = "requests per 1,000 a year"
    fig = figures.trend_by_area(frame, "", unit, view.area_slug, None)
    fig.update_layout(title=None, margin={"t": 20})
    first, last = frame["period_label"].iloc[0], frame["period_label"].iloc[-1]
    n_hidden = int(frame["n_requests_suppressed"].sum())
    colours = (
        "the borough in black and the clusters in grey (choose a cluster to pick it out)"
        if view.area_slug == "borough"
        else f"the borough in black, {view.area_name} in blue, other clusters in grey"
    )
    sentence = (
        f"TCCA requests per 1,000 residents a year (annualised) in each quarter from {first} to "
        f"{last}: {colours}."
        + (f" {n_hidden} figures are [c] and leave gaps in the lines." if n_hidden else "")
    )
    wide_value = frame.pivot_table(
        index="sort_order", columns="period_start", values="value", aggfunc="first", dropna=False
    )
    wide_hidden = frame.pivot_table(
        index="sort_order", columns="period_start", values="n_requests_suppressed", aggfunc="first"
    ).astype(bool)
    names = frame.drop_duplicates("sort_order").set_index("sort_order")["area_name"]
    periods = frame.drop_duplicates("period_start").set_index("period_start")["period_label"]
    rows = [
        [names[i], *[dec(v, h, places=2) for v, h in zip(values, flags, strict=True)]]
        for i, values, flags in zip(
            wide_value.index, wide_value.to_numpy(), wide_hidden.to_numpy(), strict=True
        )
    ]
    table = data_table(
        ["Area", *[periods[c] for c in wide_value.columns]],
        rows,
        caption="TCCA requests per 1,000 residents a year by area and quarter",
        table_id="empowerment-cluster-trend-table",
    )
    return chart_block(
        "empowerment-cluster-trend",
        "Requests per 1,000 residents a year by cluster, each quarter",
        fig,
        sentence,
        table,
        height=380,
    )


def breakdown_figure(part: pd.DataFrame, colour: str) -> go.Figure:
    part = part.sort_values("category_order", ascending=False)
    texts = [
        f"{c}: {count(v, s)} requests."
        for c, v, s in part[["category_label", "n_requests", "suppressed"]].itertuples(index=False)
    ]
    fig = go.Figure(
        go.Bar(
            x=part["n_requests"],
            y=part["category_label"],
            orientation="h",
            marker_color=colour,
            name="Requests",
            text=[
                count(v) if not s else ""
                for v, s in zip(part["n_requests"], part["suppressed"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            **_hover(texts),
        )
    )
    _note_bars(fig, part.loc[part["suppressed"].astype(bool), "category_label"], SUPPRESSED)
    fig.update_xaxes(rangemode="tozero")
    return _style(fig, x_title="requests", left=150)


def breakdown_block(
    breakdown: pd.DataFrame, kind: str, title: str, view: View, colour: str
) -> html.Section:
    part = breakdown[breakdown["breakdown"] == kind].sort_values("category_order")
    shown = part.dropna(subset=["n_requests"])
    n_hidden = int(part["suppressed"].sum())
    if shown.empty or shown["n_requests"].sum() == 0:
        sentence = f"No {title.lower()} can be shown {where(view)} in {view.period_label}."
    else:
        top = shown.loc[shown["n_requests"].idxmax()]
        sentence = (
            f"{title} of requests {where(view)} in {view.period_label}. The largest published "
            f"group is {top['category_label'].lower()} ({count(top['n_requests'])})."
        )
    if kind == "outcome":
        sentence += (
            " Requests never fulfilled (still open, referred on, no longer needed or unable to "
            "contact) are shown, not dropped."
        )
    if n_hidden:
        sentence += f" {n_hidden} figures are [c] (1 to 4 people, or revealing one)."
    rows = [
        [c, count(v, s)]
        for c, v, s in part[["category_label", "n_requests", "suppressed"]].itertuples(index=False)
    ]
    block_id = f"empowerment-{kind.replace('_', '-')}"
    table = data_table(
        [title.split(" ")[0] if kind != "referral_source" else "Referred by", "Requests"],
        rows,
        caption=f"TCCA requests by {title.lower()}, {view.area_name}, {view.period_label}",
        table_id=f"{block_id}-table",
    )
    return chart_block(
        block_id,
        f"{title}, {view.period_label}",
        breakdown_figure(part, colour),
        sentence,
        table,
        height=80 + 38 * len(part),
    )


def times_figure(frame: pd.DataFrame) -> go.Figure:
    shown = frame.sort_values("sort_order", ascending=False)
    names = shown["area_name"].map(short_name)
    fig = go.Figure()
    for col, label, colour in (
        ("p50_hours_to_fulfil", "Median", OKABE_ITO[0]),
        ("p90_hours_to_fulfil", "90th percentile", OKABE_ITO[1]),
    ):
        texts = [
            f"{n}: {label.lower()} {dec(v, s)} hours from request to fulfilment."
            for n, v, s in zip(
                shown["area_name"], shown[col], shown["times_suppressed"], strict=True
            )
        ]
        fig.add_trace(
            go.Bar(
                x=shown[col],
                y=names,
                orientation="h",
                name=label,
                marker_color=colour,
                **_hover(texts),
            )
        )
    _note_bars(fig, names[shown["times_suppressed"].astype(bool)], SUPPRESSED)
    none = ~shown["times_suppressed"].astype(bool) & shown["p50_hours_to_fulfil"].isna()
    _note_bars(fig, names[none], "None fulfilled")
    fig.add_vline(x=24, line_dash="dot", line_color="#505a5f", annotation_text="24 hours")
    fig.add_vline(x=48, line_dash="dot", line_color="#505a5f", annotation_text="48 hours")
    fig.update_layout(barmode="group")
    return _style(fig, x_title="hours from request to fulfilment", left=230)


def times_block(frame: pd.DataFrame, view: View) -> html.Section:
    with_requests = frame[(frame["n_requests"].fillna(1) > 0)]
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    sentence = (
        f"Hours from request to fulfilment in {view.period_label}, for the borough and each "
        "cluster with requests: the median and the 90th percentile (DuckDB quantile_cont, "
        f"linear interpolation). {view.area_name}: median "
        f"{dec(here['p50_hours_to_fulfil'], here['times_suppressed'], suffix=' hours')}, 90th "
        f"percentile {dec(here['p90_hours_to_fulfil'], here['times_suppressed'], suffix=' hours')}."
        " Shares within 24 and 48 hours are of all requests, including those never fulfilled."
    )
    rows = [
        [
            r.area_name,
            count(r.n_requests, r.n_requests_suppressed),
            count(r.n_fulfilled, r.n_fulfilled_suppressed),
            count(r.n_not_fulfilled, r.n_not_fulfilled_suppressed),
            dec(r.share_within_24h, r.n_within_24h_suppressed, suffix="%"),
            dec(r.share_within_48h, r.n_within_48h_suppressed, suffix="%"),
            dec(r.p50_hours_to_fulfil, r.times_suppressed),
            dec(r.p90_hours_to_fulfil, r.times_suppressed),
        ]
        for r in with_requests.itertuples()
    ]
    table = data_table(
        [
            "Area",
            "Requests",
            "Fulfilled",
            "Never fulfilled",
            "Within 24 hours",
            "Within 48 hours",
            "Median hours",
            "90th percentile hours",
        ],
        rows,
        caption=f"TCCA time to fulfil by area, {view.period_label}",
        table_id="empowerment-times-table",
    )
    return chart_block(
        "empowerment-times",
        f"Time from request to fulfilment, {view.period_label}",
        times_figure(with_requests),
        sentence,
        table,
        height=120 + 40 * len(with_requests),
    )


def deprivation_figure(clusters: pd.DataFrame, focus: str) -> go.Figure:
    shown = clusters.dropna(subset=["requests_per_1000_a_year"])
    texts = [
        f"{r.area_name}: {dec(r.requests_per_1000_a_year, places=2)} requests per 1,000 residents "
        f"a year; {dec(r.pct_pop_most_deprived_20pc)}% of residents in the 20% most deprived "
        "areas (IMD 2019)."
        for r in shown.itertuples()
    ]
    fig = go.Figure(
        go.Scatter(
            x=shown["pct_pop_most_deprived_20pc"],
            y=shown["requests_per_1000_a_year"],
            mode="markers+text",
            text=[
                short_name(n) if (v > 0 or s == focus) else ""
                for n, v, s in zip(
                    shown["area_name"],
                    shown["requests_per_1000_a_year"],
                    shown["area_slug"],
                    strict=True,
                )
            ],
            textposition="top center",
            marker={
                "size": 12,
                "color": [HIGHLIGHT if s == focus else OKABE_ITO[1] for s in shown["area_slug"]],
                "symbol": ["diamond" if s == focus else "circle" for s in shown["area_slug"]],
            },
            name="Cluster",
            **_hover(texts),
        )
    )
    return _style(
        fig,
        x_title="% of residents in the 20% most deprived areas (IMD 2019)",
        y_title="requests per 1,000 a year",
    )


def deprivation_block(frame: pd.DataFrame, view: View) -> html.Section:
    clusters = frame[frame["area_type"] == "cluster"]
    hidden = clusters[clusters["n_requests_suppressed"].astype(bool)]["area_name"].map(short_name)
    sentence = (
        f"Each cluster's TCCA requests per 1,000 residents a year in {view.period_label} against "
        "its deprivation: the share of residents living in the 20% most deprived neighbourhoods "
        "in England (Index of Multiple Deprivation 2019)."
    )
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    sentence += (
        f" {view.area_name}: {dec(here['pct_pop_most_deprived_20pc'], suffix='%')} of residents "
        "in the 20% most deprived neighbourhoods and "
        f"{dec(here['requests_per_1000_a_year'], here['n_requests_suppressed'], places=2)} "
        "requests per 1,000 residents a year."
    )
    if len(hidden):
        sentence += f" Not plotted ([c], small numbers): {', '.join(hidden)}."
    sentence += " Clusters with no requests sit on the zero line, unlabelled."
    rows = [
        [
            r.area_name,
            dec(r.pct_pop_most_deprived_20pc, suffix="%"),
            dec(r.median_imd2019_decile),
            count(r.n_requests, r.n_requests_suppressed),
            dec(r.requests_per_1000_a_year, r.n_requests_suppressed, places=2),
        ]
        for r in clusters.itertuples()
    ]
    table = data_table(
        [
            "Cluster",
            "Residents in 20% most deprived areas (IMD 2019)",
            "Median IMD 2019 decile (1 = most deprived)",
            "Requests",
            "Requests per 1,000 a year",
        ],
        rows,
        caption=f"TCCA requests and deprivation (IMD 2019) by cluster, {view.period_label}",
        table_id="empowerment-deprivation-table",
    )
    return chart_block(
        "empowerment-deprivation",
        f"Requests per 1,000 residents against deprivation (IMD 2019), {view.period_label}",
        deprivation_figure(clusters, view.area_slug),
        sentence,
        table,
        height=380,
    )


def volunteers_figure(clusters: pd.DataFrame) -> go.Figure:
    shown = clusters.sort_values("sort_order", ascending=False)
    names = shown["area_name"].map(short_name)
    fig = go.Figure()
    for col, flag, label, colour in (
        (
            "volunteers_registered_per_1000",
            "n_volunteers_registered_suppressed",
            "Registered",
            OKABE_ITO[0],
        ),
        ("volunteers_active_per_1000", "n_volunteers_active_suppressed", "Active", OKABE_ITO[2]),
    ):
        texts = [
            f"{n}: {dec(v, s, places=2)} {label.lower()} TCCA volunteers per 1,000 residents."
            for n, v, s in zip(shown["area_name"], shown[col], shown[flag], strict=True)
        ]
        hidden = shown[flag].astype(bool)
        fig.add_trace(
            go.Bar(
                # a hidden value is drawn as an empty bar carrying the words "[c]"
                x=shown[col].where(~hidden, 0),
                y=names,
                orientation="h",
                name=label,
                marker_color=colour,
                # [c] beside each hidden bar, in that bar's own slot of the group
                text=[f"{label} {SUPPRESSED}" if h else "" for h in hidden],
                textposition="outside",
                cliponaxis=False,
                **_hover(texts),
            )
        )
    fig.update_layout(barmode="group")
    return _style(fig, x_title="volunteers per 1,000 residents", left=230)


def volunteers_block(frame: pd.DataFrame, view: View) -> html.Section:
    clusters = frame[frame["area_type"] == "cluster"]
    borough = frame[frame["area_type"] == "borough"].iloc[0]
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    serving = count(here["n_volunteers_serving"], here["n_volunteers_serving_suppressed"])
    sentence = (
        f"TCCA volunteers living in each cluster per 1,000 residents: registered by the end of "
        f"{view.period_label}, and active (fulfilled a request in it). {view.area_name}: "
        f"{count(here['n_volunteers_registered'], here['n_volunteers_registered_suppressed'])} "
        f"registered, {count(here['n_volunteers_active'], here['n_volunteers_active_suppressed'])}"
        f" active. {serving} different volunteers (living anywhere) fulfilled its requests: "
        f"{dec(here['requests_per_serving_volunteer'], here['ratio_suppressed'])} requests per "
        "volunteer serving the area. Outside the borough: "
        f"{count(borough['n_registered_outside'], borough['n_registered_outside_suppressed'])} "
        f"registered, {count(borough['n_active_outside'], borough['n_active_outside_suppressed'])}"
        " active."
    )
    rows = [
        [
            r.area_name,
            count(r.n_volunteers_registered, r.n_volunteers_registered_suppressed),
            dec(r.volunteers_registered_per_1000, r.n_volunteers_registered_suppressed, places=2),
            count(r.n_volunteers_active, r.n_volunteers_active_suppressed),
            dec(r.volunteers_active_per_1000, r.n_volunteers_active_suppressed, places=2),
            dec(r.requests_per_serving_volunteer, r.ratio_suppressed),
        ]
        for r in frame.itertuples()
    ]
    table = data_table(
        [
            "Area",
            "Registered",
            "Registered per 1,000",
            "Active",
            "Active per 1,000",
            "Requests per volunteer serving the area",
        ],
        rows,
        caption=f"TCCA volunteers by home area, {view.period_label}",
        table_id="empowerment-volunteers-table",
    )
    return chart_block(
        "empowerment-volunteers",
        f"TCCA volunteers registered and active per 1,000 residents, {view.period_label}",
        volunteers_figure(clusters),
        sentence,
        table,
        height=420,
    )


def tcca_section(view: View, frame: pd.DataFrame) -> list:
    row = frame[frame["area_slug"] == view.area_slug].iloc[0]
    breakdown = q.tcca_breakdown(view.period_label, view.area_slug)
    return [
        tcca_headline(row, view),
        cluster_trend_block(q.tcca_trend("quarter"), view),
        category_trend_block(q.tcca_category_trend(view.area_slug, "need"), view, "need"),
        category_trend_block(
            q.tcca_category_trend(view.area_slug, "referral_source"), view, "referral_source"
        ),
        breakdown_block(breakdown, "need", "Main need", view, OKABE_ITO[0]),
        breakdown_block(breakdown, "referral_source", "Referral source", view, OKABE_ITO[3]),
        breakdown_block(breakdown, "outcome", "Outcome", view, OKABE_ITO[2]),
        times_block(frame, view),
        deprivation_block(frame, view),
        volunteers_block(frame, view),
    ]


# --- community capacity -------------------------------------------------------------------------


def capacity_figure(clusters: pd.DataFrame, focus: str) -> go.Figure:
    shown = clusters.sort_values("sort_order", ascending=False)
    names = shown["area_name"].map(short_name)
    colours = [HIGHLIGHT if s == focus else OTHER_BAR for s in shown["area_slug"]]
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=("Hub volunteer hours", "TCCA volunteers registered per 1,000"),
    )
    hubbed = shown["has_hub"].astype(bool)
    reporting = shown["n_hubs_reporting"] > 0
    hours_text = [
        f"{n}: {dec(h)} hours given by hub volunteers."
        if sent
        else f"{n}: its hubs sent no returns for the period."
        if has
        else f"{n} has no community hub."
        for n, h, has, sent in zip(
            shown["area_name"], shown["volunteer_hours"], hubbed, reporting, strict=True
        )
    ]
    fig.add_trace(
        go.Bar(
            x=shown["volunteer_hours"].where(hubbed & reporting),
            y=names,
            orientation="h",
            marker_color=colours,
            name="Hub volunteer hours",
            **_hover(hours_text),
        ),
        row=1,
        col=1,
    )
    _note_bars(fig, names[~hubbed], NO_HUB, row=1, col=1)
    _note_bars(fig, names[hubbed & ~reporting], NO_RETURNS, row=1, col=1)
    hidden = shown["n_volunteers_registered_suppressed"].astype(bool)
    _note_bars(fig, names[hidden], SUPPRESSED, row=1, col=2)
    tcca_text = [
        f"{n}: {dec(v, s, places=2)} registered TCCA volunteers per 1,000 residents."
        for n, v, s in zip(
            shown["area_name"],
            shown["volunteers_registered_per_1000"],
            shown["n_volunteers_registered_suppressed"],
            strict=True,
        )
    ]
    fig.add_trace(
        go.Bar(
            x=shown["volunteers_registered_per_1000"],
            y=names,
            orientation="h",
            marker_color=colours,
            name="TCCA volunteers per 1,000",
            **_hover(tcca_text),
        ),
        row=1,
        col=2,
    )
    fig.update_layout(showlegend=False)
    fig = _style(fig, left=230)
    fig.update_layout(margin={"t": 60})
    return fig


def capacity_here(here: pd.Series, view: View) -> str:
    """The chosen area's own volunteer figures, by name."""
    if not here["has_hub"]:
        hub_words = "no community hub"
    elif not here["n_hubs_reporting"]:
        hub_words = f"no returns from its {'hub' if here['n_hubs'] == 1 else 'hubs'}"
    else:
        hub_words = f"{dec(here['volunteer_hours'])} hub volunteer hours"
    registered = count(here["n_volunteers_registered"], here["n_volunteers_registered_suppressed"])
    rate = dec(
        here["volunteers_registered_per_1000"],
        here["n_volunteers_registered_suppressed"],
        places=2,
    )
    return (
        f"{view.area_name}: {hub_words} and {registered} TCCA volunteers registered "
        f"({rate} per 1,000 residents)."
    )


def capacity_block(frame: pd.DataFrame, view: View) -> html.Section:
    clusters = frame[frame["area_slug"] != "borough"]
    hours = clusters[clusters["n_hubs_reporting"] > 0].dropna(subset=["volunteer_hours"])
    people = clusters.dropna(subset=["volunteers_registered_per_1000"])
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    parts = [
        f"Volunteer effort by cluster in {view.period_label}: what each neighbourhood gives.",
        capacity_here(here, view),
    ]
    if not hours.empty and hours["volunteer_hours"].max() > 0:
        top = hours.loc[hours["volunteer_hours"].idxmax()]
        parts.append(
            f"Most hub volunteer hours: {top['area_name']} ({dec(top['volunteer_hours'])} hours)."
        )
    if not people.empty and people["volunteers_registered_per_1000"].max() > 0:
        top = people.loc[people["volunteers_registered_per_1000"].idxmax()]
        n_hidden = int(clusters["n_volunteers_registered_suppressed"].astype(bool).sum())
        among = (
            f" among the {len(clusters) - n_hidden} clusters whose figures are published"
            if n_hidden
            else ""
        )
        parts.append(
            f"Most TCCA volunteers for its size{among}: {top['area_name']} "
            f"({dec(top['volunteers_registered_per_1000'], places=2)} per 1,000 residents)."
        )
    parts.append("Clusters with no hub can still give through TCCA.")
    rows = [
        [
            r.area_name,
            str(r.n_hubs) if r.has_hub else NO_HUB,
            (dec(r.volunteer_hours) if r.n_hubs_reporting else NO_RETURNS) if r.has_hub else NO_HUB,
            count(r.n_volunteers_registered, r.n_volunteers_registered_suppressed),
            count(r.n_volunteers_active, r.n_volunteers_active_suppressed),
            dec(r.volunteers_registered_per_1000, r.n_volunteers_registered_suppressed, places=2),
        ]
        for r in frame.itertuples()
    ]
    table = data_table(
        [
            "Area",
            "Hubs",
            "Hub volunteer hours",
            "TCCA volunteers registered",
            "TCCA volunteers active",
            "Registered per 1,000",
        ],
        rows,
        caption=f"Community capacity by area, {view.period_label}",
        table_id="empowerment-capacity-table",
    )
    return chart_block(
        "empowerment-capacity-chart",
        f"Volunteer time and people by cluster, {view.period_label}",
        capacity_figure(clusters, view.area_slug),
        " ".join(parts),
        table,
        height=420,
    )


def capacity_section(view: View, tcca: pd.DataFrame | None = None) -> list:
    return [capacity_block(q.capacity(view.period_label, tcca), view)]


# --- wiring -------------------------------------------------------------------------------------


def update_empowerment(period: str | None, area: str | None) -> tuple:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return ("", problem.component, [], [])
    context = (
        f"{view.area_name}, {view.period_label}: where TCCA met need, how quickly, and the "
        "volunteers behind it; community hubs are below their own measure choice."
    )
    tcca = q.tcca_areas(view.period_label)
    return (context, None, tcca_section(view, tcca), capacity_section(view, tcca))


def update_hubs(period: str | None, area: str | None, measures: list | str | None) -> list:
    try:
        view = resolve(period, area)
    except StateProblem:
        return []
    measure = measures[0] if isinstance(measures, list) and measures else measures
    return hubs_section(view, measure if isinstance(measure, str) else DEFAULT_MEASURE)


DEFAULT_MEASURE = "attendances"
# the page's measure choice (a pattern id, see dashboard/pages/empowerment.py), on any page
MEASURE_ALL = {"type": "empowerment-hub-measure", "index": ALL}


def measure_state(url_search: str | None, measures: list) -> tuple:
    """The hub measure and the URL kept in step, both ways, as the shell does for the global
    filters: a choice writes `measure=` (the default left out) into the shell's own URL, so
    a link reproduces the view and a later filter change keeps it; a URL change (back,
    forward, a pasted link) sets the choice. Nothing already in step is written, so the two
    never chase each other. On other pages there is no choice (`measures` is empty)."""
    unchanged = [dash.no_update] * len(measures)  # a wildcard output is always a list
    if not measures:
        return dash.no_update, unchanged
    measure = measures[0]
    if ctx.triggered_id == ids.URL:
        wanted = parse_qs((url_search or "").lstrip("?")).get("measure", [DEFAULT_MEASURE])[-1]
        wanted = wanted if wanted in MEASURES else DEFAULT_MEASURE
        return dash.no_update, unchanged if wanted == measure else [wanted] * len(measures)
    chosen = measure if measure in MEASURES else DEFAULT_MEASURE
    written = merge_search(url_search, measure=None if chosen == DEFAULT_MEASURE else chosen)
    return (dash.no_update if written == (url_search or "") else written), unchanged


def register(app: dash.Dash) -> None:
    app.callback(
        Output("empowerment-context", "children"),
        Output("empowerment-problem", "children"),
        Output("empowerment-tcca-body", "children"),
        Output("empowerment-capacity-body", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_empowerment)
    app.callback(
        Output("empowerment-hubs-body", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        Input(MEASURE_ALL, "value"),
    )(update_hubs)
    app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Output(MEASURE_ALL, "value", allow_duplicate=True),
        Input(ids.URL, "search"),
        Input(MEASURE_ALL, "value"),
        prevent_initial_call=True,
    )(measure_state)
