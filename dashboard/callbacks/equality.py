"""Equality page behaviour: each equality objective with the measures that evidence it, who
takes part against the Census, and the workforce (council-wide, at the 31 March snapshot)."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash
import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, ctx, dcc, html

from dashboard import equality_figures, figures, ids, queries
from dashboard.callbacks.engagement import REPRESENTATION_HEADERS, representation_row
from dashboard.callbacks.overview import headline_card
from dashboard.callbacks.shell import merge_search
from dashboard.components import chart_block, data_table
from dashboard.disclosure import SUPPRESSED
from dashboard.format import count, pct
from dashboard.queries import engagement as engagement_q
from dashboard.queries import equality as equality_q
from dashboard.reports.equality_report import METHOD_NOTES
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


def snapshot_year(view: View) -> int:
    """The 31 March snapshot that closes the chosen financial year (2024/25 -> 2025)."""
    return int(view.period_label[:4]) + 1


def no_snapshot(year: int) -> object:
    return html.P(f"There is no workforce snapshot for 31 March {year} in the warehouse.")


def gender_pay_gap_block(year: int) -> list:
    figures_ = equality_q.gender_pay_gap(year)
    quartiles = equality_q.pay_quartiles(year)
    values = dict(zip(figures_["measure"], figures_["value"], strict=True))
    hidden = dict(zip(figures_["measure"], figures_["value_suppressed"], strict=True))

    def fig(measure: str) -> str:
        return pct(values.get(measure), bool(hidden.get(measure)))

    sentence = (
        f"At 31 March {year} women's mean hourly pay was {fig('DiffMeanHourlyPercent')} lower "
        f"than men's and their median {fig('DiffMedianHourlyPercent')} lower (negative means "
        f"higher). {fig('MaleBonusPercent')} of men and {fig('FemaleBonusPercent')} of women "
        "were paid a bonus. The chart shows women and men in each hourly pay quartile."
    )
    rows = [[GPG_TEXT.get(m, m), m, fig(m)] for m in equality_q.GPG_MEASURES]
    table = data_table(
        ["Figure", "GOV.UK service name", "Value"],
        rows,
        caption=f"Gender pay gap, snapshot 31 March {year} (Equality Act 2010 regulations)",
        table_id="equality-gpg-table",
        numeric_from=2,
    )
    title = f"Women and men in each hourly pay quartile, 31 March {year}"
    return [
        html.H3("Gender pay gap", className="h4"),
        chart_block(
            "equality-quartiles",
            title,
            equality_figures.quartiles(quartiles, title),
            sentence,
            table,
            height=340,
        ),
    ]


QUARTILE_TEXT = {
    "Lower": "Lower",
    "LowerMiddle": "Lower middle",
    "UpperMiddle": "Upper middle",
    "Top": "Top",
    equality_q.TOTAL_LABEL: "All quartiles",
}


def gap_trend_rows(trend: pd.DataFrame, labels: dict[str, str]) -> list[list[str]]:
    """One row per point of the trend chart, in the chart's order (every series, the gender
    one included, every year; a hidden point is drawn as a gap and says [c] here)."""
    return [
        [
            f"{labels[r.dimension]}: {r.comparison_group} vs {r.reference_group}",
            f"31 Mar {r.snapshot_year}",
            pct(r.median_gap_percent, r.median_gap_percent_suppressed),
            pct(r.mean_gap_percent, r.mean_gap_percent_suppressed),
        ]
        for r in trend.itertuples()
    ]


def pay_gap_trend_frame() -> pd.DataFrame:
    """The headline gap of every dimension in every year, in the order the chart draws it."""
    labels = equality_q.PAY_GAP_DIMENSIONS
    frames = [equality_q.pay_gap_trend(by) for by in labels]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["dimension", "snapshot_year", "median_gap_percent"])
    trend = pd.concat(frames, ignore_index=True)
    order = {by: i for i, by in enumerate(labels)}
    return (
        trend.assign(_d=trend["dimension"].map(order))
        .sort_values(["_d", "snapshot_year"], ignore_index=True)
        .drop(columns="_d")
    )


def group_gaps_table(year: int) -> object:
    """Ethnicity and disability: hourly and bonus gaps and who was paid a bonus."""
    labels = equality_q.PAY_GAP_DIMENSIONS
    gaps = pd.concat(
        [equality_q.pay_gaps(year, by) for by in ("ethnicity", "disability")], ignore_index=True
    )
    rows = [
        [
            labels[r.dimension],
            f"{r.comparison_group} vs {r.reference_group}",
            count(r.n_comparison, r.n_comparison_suppressed),
            pct(r.mean_gap_percent, r.mean_gap_percent_suppressed),
            pct(r.median_gap_percent, r.median_gap_percent_suppressed),
            pct(r.mean_bonus_gap_percent, r.mean_bonus_gap_percent_suppressed),
            pct(r.median_bonus_gap_percent, r.median_bonus_gap_percent_suppressed),
            pct(r.comparison_bonus_percent, r.comparison_bonus_percent_suppressed),
            pct(r.reference_bonus_percent, r.reference_bonus_percent_suppressed),
            count(r.n_undisclosed, r.n_undisclosed_suppressed),
        ]
        for r in gaps.itertuples()
    ]
    return data_table(
        [
            "Pay gap",
            "Groups compared",
            "Staff in group",
            "Mean hourly gap",
            "Median hourly gap",
            "Mean bonus gap",
            "Median bonus gap",
            "Group paid a bonus",
            "Reference group paid a bonus",
            "Not disclosed",
        ],
        rows,
        caption=f"Ethnicity and disability pay and bonus gaps, 31 March {year}",
        table_id="equality-pay-gaps-table",
        numeric_from=2,
    )


def group_quartiles_block(year: int) -> object:
    """Ethnicity and disability: each group's share of each hourly pay quartile."""
    labels = equality_q.PAY_GAP_DIMENSIONS
    frame = pd.concat(
        [equality_q.group_pay_quartiles(year, by) for by in equality_q.GROUP_QUARTILE_DIMENSIONS],
        ignore_index=True,
    )
    rows = [
        [
            labels[r.dimension],
            QUARTILE_TEXT.get(r.quartile_name, r.quartile_name),
            r.group,
            count(r.n_staff, r.n_staff_suppressed),
            pct(r.percent_of_band, r.percent_of_band_suppressed),
        ]
        for r in frame.itertuples()
    ]
    title = f"Ethnic minority and disabled staff in each hourly pay quartile, 31 March {year}"
    table = data_table(
        ["Pay gap", "Quartile", "Group", "Staff", "% of quartile"],
        rows,
        caption=title,
        table_id="equality-group-quartiles-table",
        numeric_from=3,
    )
    comparison = frame[
        (frame["role"] == "comparison") & (frame["quartile_name"] != equality_q.TOTAL_LABEL)
    ]
    said = "; ".join(
        f"{r.group.lower()} {pct(r.percent_of_band, r.percent_of_band_suppressed)} of the "
        f"{QUARTILE_TEXT[r.quartile_name].lower()} quartile"
        for r in comparison.itertuples()
    )
    sentence = (
        "Full-pay staff who disclosed, ranked by hourly pay into four equal bands as for the "
        f"gender quartiles: {said or 'no figures'}."
    )
    return chart_block(
        "equality-group-quartiles",
        title,
        equality_figures.group_quartiles(comparison, title, labels),
        sentence,
        table,
        height=340,
    )


def pay_gaps_block(year: int) -> list:
    labels = equality_q.PAY_GAP_DIMENSIONS
    trend = pay_gap_trend_frame()
    table = data_table(
        ["Series", "Snapshot", "Median hourly pay gap", "Mean hourly pay gap"],
        gap_trend_rows(trend, labels),
        caption="Median and mean hourly pay gaps over the years (every point of the chart)",
        table_id="equality-gap-trend-table",
        numeric_from=2,
    )
    title = "Median (solid) and mean (dashed) hourly pay gaps over the years"
    latest = trend[trend["snapshot_year"] == year]
    said = "; ".join(
        labels[r.dimension].lower()
        + " "
        + pct(r.median_gap_percent, r.median_gap_percent_suppressed)
        for r in latest.itertuples()
    )
    sentence = (
        f"Median hourly pay gaps at 31 March {year}: {said or 'none published'}. Ethnicity and "
        "disability gaps follow the government's 2023 ethnicity pay gap guidance (White British "
        "against all ethnic minorities; disabled against non-disabled staff); staff who did not "
        "disclose are left out of the gap and counted in the table below."
    )
    return [
        html.H3("Pay gaps by sex, ethnicity and disability", className="h4"),
        chart_block(
            "equality-gap-trend",
            title,
            equality_figures.gap_trend(trend, title, labels),
            sentence,
            table,
            height=340,
        ),
        group_gaps_table(year),
        group_quartiles_block(year),
    ]


def disclosure_block(year: int) -> list:
    labels = equality_q.CHARACTERISTICS
    trend = equality_q.disclosure_trend()
    trend = trend[trend["snapshot_year"] <= year]
    now = trend[trend["snapshot_year"] == year]
    lowest = now.dropna(subset=["disclosure_rate_percent"]).sort_values("disclosure_rate_percent")
    said = (
        f"The least disclosed at 31 March {year} was "
        f"{labels[lowest.iloc[0].characteristic].lower()} "
        f"({pct(lowest.iloc[0].disclosure_rate_percent)} of staff)."
        if not lowest.empty
        else ""
    )
    title = "Staff who have disclosed each characteristic (commitment EQU-14)"
    rows = [
        [
            labels.get(r.characteristic, r.characteristic),
            f"31 Mar {r.snapshot_year}",
            pct(r.disclosure_rate_percent, r.disclosure_rate_percent_suppressed),
            count(r.n_prefer_not_to_say, r.n_prefer_not_to_say_suppressed),
            count(r.n_not_recorded, r.n_not_recorded_suppressed),
        ]
        for r in trend.sort_values(["characteristic", "snapshot_year"]).itertuples()
    ]
    table = data_table(
        ["Characteristic", "Snapshot", "Disclosed", "Prefer not to say", "Not recorded"],
        rows,
        caption=title,
        table_id="equality-disclosure-table",
        numeric_from=2,
    )
    return [
        html.H3("Confidence to disclose", className="h4"),
        chart_block(
            "equality-disclosure",
            title,
            equality_figures.disclosure_trend(trend, title, labels),
            f"A characteristic counts as disclosed when a member of staff gave an answer other "
            f"than 'prefer not to say'. {said}",
            table,
            height=340,
        ),
    ]


def living_block(year: int) -> list:
    frame = equality_q.staff_living_by_cluster(year)
    rows = [
        [
            r.area_name,
            count(r.n_staff, r.n_staff_suppressed),
            pct(r.share_percent, r.share_percent_suppressed),
        ]
        for r in frame.itertuples()
    ]
    return [
        html.H3("Staff living in the borough", className="h4"),
        data_table(
            ["Where staff live", "Staff", "% of all staff"],
            rows,
            caption=f"Staff by home neighbourhood cluster, 31 March {year}",
            table_id="equality-living-table",
        ),
    ]


def method_notes(year: int, fy_label: str) -> html.Details:
    """The annual report's methodology notes, so the page and the report say the same."""
    return html.Details(
        [
            html.Summary("How the workforce figures are worked out"),
            html.Dl(
                [
                    item
                    for topic, note in METHOD_NOTES
                    for item in (html.Dt(topic), html.Dd(note.format(year=year, fy=fy_label)))
                ],
                id="equality-method-notes",
            ),
        ],
        className="method-notes",
    )


def workforce_section(view: View) -> list:
    """The workforce is council-wide: borough figures at the 31 March ending the year."""
    fy_label = view.period_label.split(" ")[0]
    borough_view = View(fy_label, "fy", "borough", "Thurrock (whole borough)")
    status = queries.status_for_area(fy_label, "borough")
    year = snapshot_year(view)
    intro = [
        html.P(
            f"The council's workforce at the snapshot of 31 March {year} (financial year "
            f"{fy_label}). The workforce is council-wide, so the area filter does not apply."
        ),
        measure_cards(status, OBJECTIVES["equality-workforce"], borough_view),
        html.P(
            dcc.Link(
                f"Annual Workforce Equality Report {fy_label}: every published table, with "
                "downloads",
                href=f"/equality-report/{year}",
            )
        ),
    ]
    try:
        return [
            *intro,
            *gender_pay_gap_block(year),
            *pay_gaps_block(year),
            *disclosure_block(year),
            *living_block(year),
            method_notes(year, fy_label),
        ]
    except equality_q.UnknownYear:
        return [*intro, no_snapshot(year)]


def workforce_detail(
    period: str | None, area: str | None, characteristic: str | None, breakdown: str | None
) -> list:
    """Representation by grade band or directorate against the Census, and turnover."""
    try:
        view = resolve(period, area)
    except StateProblem:
        return []
    year = snapshot_year(view)
    characteristic, breakdown = equality_q.workforce_view(characteristic, breakdown)
    label = equality_q.CHARACTERISTICS[characteristic]
    try:
        rep = equality_q.representation(year, characteristic, breakdown)
        turnover = equality_q.turnover(year, characteristic)
    except equality_q.UnknownYear:
        return [no_snapshot(year)]
    disclosed = rep[rep["is_disclosed"] & (rep["category"] != equality_q.TOTAL_LABEL)]
    disclosed = disclosed[disclosed["breakdown_value"] != equality_q.TOTAL_LABEL]
    chart_rows = disclosed.assign(
        row_label=disclosed["breakdown_value"], share=disclosed["share_of_disclosed_percent"]
    )
    census = (
        disclosed.drop_duplicates("category")
        .dropna(subset=["census_percent"])
        .assign(row_label="Residents 16+ (Census 2021)", share=lambda f: f["census_percent"])
    )
    plotted = pd.concat([census, chart_rows], ignore_index=True)
    title = f"Staff by {label.lower()}, {breakdown.lower()}, against residents, 31 March {year}"
    under = disclosed[disclosed["representation_ratio"] < engagement_q.UNDER_REPRESENTED_BELOW]
    named = "; ".join(f"{r.category} ({r.breakdown_value})" for r in under.itertuples())
    comparator = census["comparator"].iloc[0] if not census.empty else None
    sentence = (
        f"Each bar is 100% of the staff who disclosed their {label.lower()}"
        + (
            f"; the top bar is the comparator: {comparator}."
            if comparator
            else "; there is no Census comparator for this characteristic."
        )
        + (
            f" Under-represented (ratio below {engagement_q.UNDER_REPRESENTED_BELOW}): {named}."
            if named
            else ""
        )
    )
    rows = [
        [
            r.breakdown_value,
            r.category,
            count(r.n_staff, r.n_staff_suppressed),
            pct(r.share_of_disclosed_percent, r.share_of_disclosed_percent_suppressed)
            if r.is_disclosed
            else "not applicable",
            pct(r.census_percent) if pd.notna(r.census_percent) else "no comparator",
            f"{r.representation_ratio:.2f}"
            if pd.notna(r.representation_ratio)
            else (SUPPRESSED if r.representation_ratio_suppressed else "–"),
        ]
        for r in rep.itertuples()
    ]
    table = data_table(
        [breakdown, "Group", "Staff", "% of those who disclosed", "% of residents 16+", "Ratio"],
        rows,
        caption=title,
        table_id="equality-representation-table",
        numeric_from=2,
    )
    turnover_rows = [
        [
            r.category,
            count(r.n_start, r.n_start_suppressed),
            count(r.n_starters, r.n_starters_suppressed),
            count(r.n_leavers, r.n_leavers_suppressed),
            count(r.n_end, r.n_end_suppressed),
            pct(r.turnover_percent, r.turnover_percent_suppressed),
        ]
        for r in turnover.itertuples()
    ]
    return [
        chart_block(
            "equality-representation",
            title,
            equality_figures.composition(plotted, title),
            sentence,
            table,
            height=max(320, 60 + 40 * plotted["row_label"].nunique()),
        ),
        data_table(
            ["Group", "Staff at start", "Starters", "Leavers", "Staff at end", "Turnover"],
            turnover_rows,
            caption=(
                f"Starters, leavers and turnover by {label.lower()}, {view.period_label[:7]} "
                "(turnover = leavers as % of average headcount)"
            ),
            table_id="equality-turnover-table",
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


GPG_TEXT = {
    "DiffMeanHourlyPercent": "Mean gender pay gap in hourly pay",
    "DiffMedianHourlyPercent": "Median gender pay gap in hourly pay",
    "DiffMeanBonusPercent": "Mean bonus gap",
    "DiffMedianBonusPercent": "Median bonus gap",
    "MaleBonusPercent": "Men paid a bonus",
    "FemaleBonusPercent": "Women paid a bonus",
    "MaleLowerQuartile": "Men in the lower quartile",
    "FemaleLowerQuartile": "Women in the lower quartile",
    "MaleLowerMiddleQuartile": "Men in the lower middle quartile",
    "FemaleLowerMiddleQuartile": "Women in the lower middle quartile",
    "MaleUpperMiddleQuartile": "Men in the upper middle quartile",
    "FemaleUpperMiddleQuartile": "Women in the upper middle quartile",
    "MaleTopQuartile": "Men in the top quartile",
    "FemaleTopQuartile": "Women in the top quartile",
}


WORKFORCE_URL = "equality-url"  # the page's own view of the URL (see the page)
CONTROLS = ("equality-characteristic", "equality-breakdown")


def workforce_state(
    url_search: str | None, characteristic: str | None, breakdown: str | None
) -> tuple:
    """The workforce controls and the URL kept in step both ways, as the shell does for the
    period and area: a control change writes `characteristic` and `breakdown` into the link
    (defaults left out, other keys kept) so a shared link reproduces the view; a URL change
    (back, forward, a pasted link) sets the controls. Nothing already in step is written."""
    current = (characteristic, breakdown)
    if ctx.triggered_id == WORKFORCE_URL:
        params = parse_qs((url_search or "").lstrip("?"))
        wanted = equality_q.workforce_view(
            params.get("characteristic", [None])[-1], params.get("breakdown", [None])[-1]
        )
        controls = tuple(
            dash.no_update if want == now else want
            for want, now in zip(wanted, current, strict=True)
        )
        return dash.no_update, *controls
    chosen, named = equality_q.workforce_view(characteristic, breakdown)
    written = merge_search(
        url_search,
        characteristic=None if chosen == equality_q.DEFAULT_CHARACTERISTIC else chosen,
        breakdown=None
        if named == equality_q.DEFAULT_BREAKDOWN
        else equality_q.breakdown_slug(named),
    )
    url = dash.no_update if written == (url_search or "") else written
    return url, dash.no_update, dash.no_update


def register(app: dash.Dash) -> None:
    app.callback(
        Output(WORKFORCE_URL, "search"),
        *[Output(c, "value", allow_duplicate=True) for c in CONTROLS],
        Input(WORKFORCE_URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        prevent_initial_call=True,
    )(workforce_state)
    app.callback(
        Output("equality-workforce-detail", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        Input("equality-characteristic", "value"),
        Input("equality-breakdown", "value"),
    )(workforce_detail)
    app.callback(
        Output("equality-context", "children"),
        Output("equality-problem", "children"),
        *[Output(f"{section}-body", "children") for section in OBJECTIVES],
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_equality)
