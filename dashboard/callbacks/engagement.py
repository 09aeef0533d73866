"""Engagement page behaviour: reach, funnel, tools, who we hear from, being heard, budgets,
Places pins and the project explorer, all for the period and cluster in the URL."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash
import pandas as pd
from dash import Input, Output, ctx, dcc, html

from dashboard import engagement_figures as figs
from dashboard import figures, ids, queries
from dashboard.callbacks.shell import merge_search
from dashboard.components import chart_block, data_table, rag_badge
from dashboard.disclosure import SUPPRESSED
from dashboard.engagement_labels import KIND_TEXT, explorer_choice, tool_name
from dashboard.format import count, money, number, pct
from dashboard.queries import engagement as q
from dashboard.states import StateProblem, View, resolve

HEARD_METRICS = (
    "eng_feedback_published_share",
    "eng_median_days_to_feedback",
    "eng_questions_answered_share",
    "eng_median_days_to_answer",
)
PINS_IN_TABLE = 200  # the map carries up to q.PIN_LIMIT; a longer table helps nobody
TYPE_TEXT = {"fy": "financial year", "quarter": "quarter"}
BODIES = (
    "engagement-reach-body",
    "engagement-funnel-body",
    "engagement-tools-body",
    "engagement-who-body",
    "engagement-heard-body",
    "engagement-budgeting-body",
)


def where(view: View) -> str:
    return "across the borough" if view.area_slug == "borough" else f"in {view.area_name}"


# --- Reach -------------------------------------------------------------------------------------


def lowest_reach_callout(published: pd.DataFrame) -> str:
    """Clusters nobody took part from, then the (up to) three lowest that somebody did."""
    if published.empty:
        return "No cluster has a published reach figure for this period."
    none = published[published["participants_per_1000"] == 0]
    lowest = published[published["participants_per_1000"] > 0].head(3)
    parts = []
    if not none.empty:
        parts.append("No resident took part from " + ", ".join(none["area_name"]) + ".")
    if not lowest.empty:
        parts.append(
            "Lowest reach: "
            + "; ".join(
                f"{r.area_name} ({r.participants_per_1000:.2f} per 1,000)"
                for r in lowest.itertuples()
            )
            + "."
        )
    return " ".join(parts)


def reach_section(view: View) -> list:
    frame = q.reach(view.period_label, view.period_type)
    clusters = frame[frame["area_slug"] != "borough"]
    here = frame[frame["area_slug"] == view.area_slug].iloc[0]
    published = clusters.dropna(subset=["participants_per_1000"]).sort_values(
        "participants_per_1000"
    )
    callout = lowest_reach_callout(published)
    hidden = clusters[clusters["participants_suppressed"]]["area_name"].tolist()
    if hidden:
        callout += f" Not published for small numbers: {', '.join(hidden)}."
    rate = number(
        here["participants_per_1000"], "per 1,000 residents", 2, here["participants_suppressed"]
    )
    headline = (
        f"{count(here['n_participants'], here['participants_suppressed'])} residents took part "
        f"{where(view)} in {view.period_label} "
        f"({rate}), "
        f"making {count(here['n_contributions'])} contributions; "
        f"{count(here['n_new_registrations'], here['registrations_suppressed'])} new registrations."
    )
    unplaced = frame[frame["area_slug"] == "borough"]["n_contributions_unplaced"].iloc[0]
    note = (
        f"Contributions from outside the borough or with no ward given: {count(unplaced)}; "
        "they count towards no cluster."
    )
    title = f"Residents taking part per 1,000 residents, {view.period_label}"
    values = frame.rename(columns={"participants_per_1000": "value"})
    map_fig = figures.cluster_map(
        queries.cluster_geojson(), values, title, "per 1,000", "Select to show this page for it"
    )
    bar_fig = figures.bar_by_area(
        values, f"{title}, clusters ranked", "per 1,000 residents", view.area_slug
    )
    rows = [
        [
            r.area_name,
            count(r.n_participants, r.participants_suppressed),
            number(r.participants_per_1000, "ratio", 2, r.participants_suppressed),
            count(r.n_contributions),
            number(r.contributions_per_1000_a_year, "ratio", 1),
            count(r.n_new_registrations, r.registrations_suppressed),
        ]
        for r in frame.sort_values("sort_order").itertuples()
    ]

    def table(table_id: str) -> object:
        return data_table(
            [
                "Area",
                "Participants",
                "Participants per 1,000",
                "Contributions",
                "Contributions per 1,000 a year",
                "New registrations",
            ],
            rows,
            caption=f"Reach by neighbourhood cluster, {view.period_label}",
            table_id=table_id,
        )

    history = q.reach_history(view.period_type).rename(columns={"participants_per_1000": "value"})
    trend_title = f"Residents taking part per 1,000 residents, every {TYPE_TEXT[view.period_type]}"
    trend_rows = [
        [
            r.period_label,
            r.area_name,
            number(r.value, "ratio", 2, r.participants_suppressed),
        ]
        for r in history.itertuples()
    ]
    trend_table = data_table(
        ["Period", "Area", "Participants per 1,000"],
        trend_rows,
        caption=trend_title,
        table_id="engagement-reach-trend-table",
    )
    trend = chart_block(
        "engagement-reach-trend",
        trend_title,
        figs.reach_trend(history, trend_title, view.area_slug),
        trend_sentence(history, view),
        trend_table,
        height=360,
    )
    return [
        html.P(headline, id="engagement-reach-headline"),
        html.P(callout, id="engagement-reach-lowest", className="callout"),
        html.P(note, className="small"),
        chart_block(
            "engagement-reach-map",
            title,
            map_fig,
            "Each cluster is shaded by its reach (darker is lower; [c] where suppressed). "
            "Select a cluster on the map to show this page for it.",
            table("engagement-reach-table"),
            440,
        ),
        chart_block(
            "engagement-reach-bar",
            f"{title}, clusters ranked",
            bar_fig,
            "Clusters ranked from highest to lowest reach; the dashed line is the borough.",
            table("engagement-reach-bar-table"),
            height=380,
        ),
        trend,
    ]


def trend_sentence(history: pd.DataFrame, view: View) -> str:
    """The chosen area's latest published reach against its first, in words."""
    mine = history[(history["area_slug"] == view.area_slug)].dropna(subset=["value"])
    lines = (
        "the borough (black) against each cluster (grey)"
        if view.area_slug == "borough"
        else f"{view.area_name} (blue) against the borough (black) and the other clusters (grey)"
    )
    if len(mine) < 2:
        change = f"{view.area_name} has fewer than two published periods to compare."
    else:
        first, last = mine.iloc[0], mine.iloc[-1]
        change = (
            f"{view.area_name}: {last.value:.2f} per 1,000 in {last.period_label}, against "
            f"{first.value:.2f} in {first.period_label}."
        )
    return f"{change} The lines show {lines}; periods with small numbers are left out."


# --- Funnel ------------------------------------------------------------------------------------


def funnel_scope(view: View) -> str:
    if view.area_slug == "borough":
        return "every project"
    return f"projects in {view.area_name} and borough-wide projects"


def funnel_section(view: View) -> list:
    frame = q.funnel(view.period_label, view.area_slug)
    if frame.empty:
        return [
            html.P(
                f"No site visits were recorded {where(view)} in {view.period_label} "
                f"({funnel_scope(view)})."
            )
        ]
    total = q.funnel_overall(view.period_label, view.area_slug).iloc[0]
    hidden = bool(total["engaged_suppressed"])
    sentence = (
        f"{count(total['aware'])} visitors were aware of projects {where(view)} in "
        f"{view.period_label}; {pct(total['informed_pct'])} went on to be informed and "
        f"{pct(total['engaged_pct'], hidden)} contributed (engaged). "
        f"Included: {funnel_scope(view)}."
    )
    title = f"Participation funnel, {view.period_label}"
    rows = [
        [
            dcc.Link(
                r.title, href=f"/engagement/project/{r.project_id}{view.query}", title=r.title
            ),
            count(r.aware),
            count(r.informed),
            count(r.engaged, r.engaged_suppressed),
            pct(r.informed_pct),
            pct(r.engaged_of_informed_pct, r.engaged_suppressed),
            pct(r.engaged_pct, r.engaged_suppressed),
        ]
        for r in frame.itertuples()
    ]
    rows.append(
        [
            html.Strong("All projects"),
            count(total["aware"]),
            count(total["informed"]),
            count(total["engaged"], hidden),
            pct(total["informed_pct"]),
            pct(total["engaged_of_informed_pct"], hidden),
            pct(total["engaged_pct"], hidden),
        ]
    )
    table = data_table(
        [
            "Project",
            "Aware",
            "Informed",
            "Engaged",
            "Informed as % of aware",
            "Engaged as % of informed",
            "Engaged as % of aware",
        ],
        rows,
        caption=f"Visitors per project, {view.period_label}",
        table_id="engagement-funnel-table",
    )
    return [
        chart_block(
            "engagement-funnel-chart", title, figs.funnel(total, title), sentence, table, 300
        )
    ]


# --- Tools -------------------------------------------------------------------------------------


def tools_section(view: View) -> list:
    unrecorded = q.tools_never_recorded()
    history = q.tools_history(view.area_slug, "quarter")
    history = history[~history["tool_name"].isin(unrecorded)]
    fy = view.period_label.split(" ")[0]
    in_period = history[history["period_label"].str.startswith(fy)]
    if view.period_type == "quarter":
        in_period = history[history["period_label"] == view.period_label]
    totals = in_period.groupby(["tool_name", "tool_order"], as_index=False)["n_contributions"].sum()
    totals = totals.sort_values(["n_contributions", "tool_order"], ascending=[False, True])
    if totals["n_contributions"].sum() == 0:
        sentence = f"No contributions were made {where(view)} in {view.period_label}."
    else:
        top = totals.iloc[0]
        sentence = (
            f"In {view.period_label} the most used tool {where(view)} was {top.tool_name} "
            f"({count(top.n_contributions)} of {count(totals['n_contributions'].sum())} "
            "contributions). The chart shows every quarter."
        )
    if unrecorded:
        sentence += (
            f" The portal's contribution export records none made with {', '.join(unrecorded)}, "
            "so the chart leaves them out rather than show zeros"
            + (
                "; petition signatures are counted petition by petition under 'Being heard'."
                if "Petitions" in unrecorded
                else "."
            )
        )
    title = f"Contributions by tool, each quarter, {view.area_name}"
    wide = history.pivot_table(
        index="period_label", columns="tool_name", values="n_contributions", sort=False
    )
    tool_names = history.drop_duplicates("tool").sort_values("tool_order")["tool_name"].tolist()
    wide = wide.reindex(columns=tool_names)
    rows = [[period, *[count(v) for v in row]] for period, row in wide.iterrows()]
    table = data_table(
        ["Quarter", *tool_names],
        rows,
        caption=f"Contributions by tool and quarter, {view.area_name}",
        table_id="engagement-tools-table",
    )
    return [
        chart_block(
            "engagement-tools-chart", title, figs.tools_over_time(history, title), sentence, table
        )
    ]


# --- Who we hear from --------------------------------------------------------------------------


def who_section(view: View) -> list:
    profile = q.participant_profile(view.period_label, view.area_slug)
    if not profile.empty and profile["total_suppressed"].any():
        return [
            html.P(
                f"The number of people who took part {where(view)} in {view.period_label} is "
                "suppressed ([c]): it is 1 to 4, or would let such a number elsewhere be "
                "worked out. Who they are is not published either, so no one can be "
                "identified.",
                id="engagement-who-under",
            )
        ]
    if profile.empty or profile["n_total"].fillna(0).max() == 0:
        return [
            html.P(
                f"Nobody took part {where(view)} in {view.period_label}.", id="engagement-who-under"
            )
        ]
    under = profile[profile["representation"] == "under-represented"]
    named = [
        f"{r.category} ({q.CHARACTERISTICS[r.characteristic].lower()})" for r in under.itertuples()
    ]
    intro = html.P(
        [
            "Participants who contributed in the period, by what they told us at registration, "
            "against the Census 2021 profile of the same area. A representation ratio is the "
            "share of participants (of those who answered) divided by the share of residents: "
            f"below {q.UNDER_REPRESENTED_BELOW} is under-represented, above "
            f"{q.OVER_REPRESENTED_ABOVE} over-represented. People who did not answer or "
            "preferred not to say are counted separately, never dropped.",
        ]
    )
    callout = html.P(
        "Under-represented: " + "; ".join(named) + "."
        if named
        else "No group with a published figure is under-represented.",
        id="engagement-who-under",
        className="callout",
    )
    blocks = [intro, callout]
    for characteristic, label in q.CHARACTERISTICS.items():
        part = profile[profile["characteristic"] == characteristic]
        if part.empty:
            continue
        comparator = part["comparator"].dropna()
        has_comparator = not comparator.empty
        total = part.iloc[0]
        undisclosed = part[~part["is_disclosed"]]
        undisclosed_text = "; ".join(
            f"{r.category}: {count(r.n_participants, r.suppressed)}"
            for r in undisclosed.itertuples()
        )
        basis = (
            f"Comparator: {comparator.iloc[0]}, {view.area_name}."
            if has_comparator
            else "The dashboard holds no Census 2021 comparator for this characteristic in "
            f"{view.area_name}, so participants are shown without one."
        )
        sentence = (
            f"{label} of {count(total['n_total'], total['total_suppressed'])} participants "
            f"{where(view)}, {view.period_label}. {basis} "
            + (
                f"Not answered or preferred not to say: {undisclosed_text}."
                if undisclosed_text
                else ""
            )
        )
        rows = [representation_row(r) for r in part.itertuples()]
        title = f"Participants by {label.lower()} against residents, {view.period_label}"
        table = data_table(
            list(REPRESENTATION_HEADERS),
            rows,
            caption=f"{title}, {view.area_name}",
            table_id=f"engagement-who-{characteristic}-table",
        )
        blocks.append(
            chart_block(
                f"engagement-who-{characteristic}",
                title,
                figs.representation(part, title, has_comparator),
                sentence,
                table,
                height=300,
            )
        )
    return blocks


REPRESENTATION_HEADERS = (
    "Group",
    "Participants",
    "% of those who answered",
    "% of residents",
    "Ratio",
    "Representation",
)


def representation_row(r: object) -> list:
    """One group of participants beside residents; undisclosed groups have no share or ratio."""
    if r.is_disclosed:
        share_value = 100 * r.share_of_disclosed if pd.notna(r.share_of_disclosed) else None
        share = pct(share_value, r.suppressed)
    else:
        share = "not applicable"
    if pd.notna(r.representation_ratio):
        ratio = f"{r.representation_ratio:.2f}"
    else:
        ratio = SUPPRESSED if r.suppressed else "–"
    return [
        r.category,
        count(r.n_participants, r.suppressed),
        share,
        pct(100 * r.census_share) if pd.notna(r.census_share) else "no comparator",
        ratio,
        r.representation or ("not answered" if not r.is_disclosed else ""),
    ]


# --- Being heard -------------------------------------------------------------------------------


def heard_section(view: View) -> list:
    status = queries.status_for_area(view.period_label, view.area_slug)
    status = status[status["metric_id"].isin(HEARD_METRICS)]
    items = [
        html.Li(
            [
                dcc.Link(r.short_title, href=f"/metric/{r.metric_id}{view.query}"),
                ": ",
                html.Strong(number(r.value, r.unit, r.decimals, r.suppressed)),
                " ",
                rag_badge(r.rag, r.suppressed),
            ]
        )
        for r in status.itertuples()
    ]
    overdue = q.overdue_feedback(view.area_slug)
    if overdue.empty:
        overdue_part = html.P("No closed project is waiting longer than the target for feedback.")
    else:
        as_at = overdue.iloc[0]
        overdue_part = data_table(
            ["Project", "Area", "Closed", "Days waiting"],
            [
                [
                    dcc.Link(r.title, href=f"/engagement/project/{r.project_id}{view.query}"),
                    r.area_name,
                    f"{r.closed_on:%d %b %Y}",
                    count(r.days_waiting_for_feedback),
                ]
                for r in overdue.itertuples()
            ],
            numeric_from=2,
            caption=(
                f"Feedback overdue: closed more than {as_at.feedback_target_days} days without "
                f"'you said, we did' feedback, as at {as_at.as_at_date:%d %B %Y}"
            ),
            table_id="engagement-overdue-table",
        )
    petitions = q.petitions(view.period_label, view.area_slug)
    if petitions.empty:
        petition_part = html.P(f"No petitions were opened {where(view)} in {view.period_label}.")
    else:
        reached = int(petitions["reached_threshold"].sum())
        responded = petitions["days_to_response"].dropna()
        response = (
            f"median {responded.median():.0f} days from opening to the council's response "
            f"({len(responded)} answered)"
            if not responded.empty
            else "none answered yet"
        )
        petition_part = data_table(
            [
                "Petition",
                "Area",
                "Opened",
                "Signatures",
                "Threshold",
                "Threshold reached",
                "Days to response",
            ],
            [
                [
                    r.title,
                    r.area_name,
                    f"{r.created_on:%d %b %Y}",
                    count(r.signatures, r.suppressed),
                    count(r.threshold),
                    "Yes" if r.reached_threshold else "No",
                    count(r.days_to_response)
                    if pd.notna(r.days_to_response)
                    else "no response yet",
                ]
                for r in petitions.itertuples()
            ],
            numeric_from=2,
            caption=(
                f"Petitions opened {where(view)} in {view.period_label}: {len(petitions)}, "
                f"{reached} reached the threshold; {response}"
            ),
            table_id="engagement-petitions-table",
        )
    return [
        html.Ul(items, className="heard-measures", id="engagement-heard-measures"),
        html.H3("Feedback overdue", className="h5"),
        overdue_part,
        html.H3("Petitions", className="h5"),
        petition_part,
    ]


# --- Participatory budgeting ---------------------------------------------------------------------


def budgeting_section(view: View) -> list:
    frame = q.budgets(view.period_label, view.area_slug)
    if frame.empty:
        return [
            html.P(
                f"No participatory budgeting project was open {where(view)} in {view.period_label}."
            )
        ]
    frame = frame.assign(pct_of_budget=100 * frame["pb_mean_per_resident"] / frame["pb_budget_gbp"])
    published = frame["pct_of_budget"].dropna()
    share = (
        f"on average a resident allocated {published.mean():.0f}% of the budget offered"
        if not published.empty
        else "no project has enough residents taking part to publish what they allocated"
    )
    sentence = (
        f"{len(frame)} participatory budgeting project(s) open {where(view)} in "
        f"{view.period_label} offered {money(frame['pb_budget_gbp'].sum())} in all. Each "
        f"resident shares a budget out between its lines: {share}."
    )
    title = f"Participatory budgets: offered and allocated by residents, {view.period_label}"
    rows = [
        [
            dcc.Link(r.title, href=f"/engagement/project/{r.project_id}{view.query}"),
            r.area_name,
            money(r.pb_budget_gbp),
            count(r.pb_n_allocators, r.allocators_suppressed),
            SUPPRESSED if r.allocators_suppressed else money(r.pb_mean_per_resident),
            pct(r.pct_of_budget, r.allocators_suppressed),
        ]
        for r in frame.itertuples()
    ]
    table = data_table(
        [
            "Project",
            "Area",
            "Budget offered",
            "Residents allocating",
            "Allocated by the average resident",
            "% of the budget",
        ],
        rows,
        caption=title,
        table_id="engagement-budget-table",
        numeric_from=2,
    )
    by_area = q.budgets_by_area(frame)
    area_table = data_table(
        ["Area", "Projects", "Budget offered", "Allocated by the average resident, % of budget"],
        [
            [
                r.area_name,
                count(r.n_projects),
                money(r.pb_budget_gbp),
                pct(r.pct_allocated) if pd.notna(r.pct_allocated) else "not published",
            ]
            for r in by_area.itertuples()
        ],
        caption=(
            f"Participatory budgets by area, {view.period_label} (the average share allocated "
            "counts only projects with 5 or more residents allocating)"
        ),
        table_id="engagement-budget-area-table",
        numeric_from=1,
    )
    return [
        chart_block(
            "engagement-budget-chart", title, figs.budgets(frame, title), sentence, table, 300
        ),
        area_table,
    ]


# --- Places ------------------------------------------------------------------------------------


def places_section(view: View, colour_by: str) -> list:
    pins, total = q.pins(view.period_label, view.area_slug)
    if pins.empty:
        return [html.P(f"No Places pins were dropped {where(view)} in {view.period_label}.")]
    shown = f"the newest {len(pins):,} of {total:,}" if total > len(pins) else f"all {total:,}"
    listed = (
        "the table lists the same pins"
        if len(pins) <= PINS_IN_TABLE
        else f"the table lists the newest {PINS_IN_TABLE} of them"
    )
    sentence = (
        f"Places pins dropped {where(view)} in {view.period_label}: {shown}, coloured by "
        f"{'sentiment' if colour_by == 'sentiment' else 'engagement tool'}. Hover over a pin to "
        f"read its comment; {listed}."
    )
    title = f"Places pins, {view.period_label}, {view.area_name}"
    fig = figs.pins_map(queries.ward_geojson(), queries.ward_clusters(), pins, colour_by, title)
    rows = [
        [
            f"{r.submitted_on:%d %b %Y}",
            tool_name(r.tool),
            (r.sentiment or "not given").capitalize(),
            r.comment_text if isinstance(r.comment_text, str) else "(no comment)",
        ]
        for r in pins.head(PINS_IN_TABLE).itertuples()
    ]
    table = data_table(
        ["Date", "Tool", "Sentiment", "Comment"],
        rows,
        caption=f"{title} (newest {min(len(pins), PINS_IN_TABLE)})",
        table_id="engagement-pins-table",
        numeric_from=9,
    )
    return [chart_block("engagement-pins", title, fig, sentence, table, height=480)]


# --- Project explorer ----------------------------------------------------------------------------


def explorer(view: View, search: str, kind: str, status: str, sort: str) -> list:
    frame = q.projects(
        view.period_label, view.area_slug, search or "", kind or "", status or "", sort or "newest"
    )
    scope = (
        "every project"
        if view.area_slug == "borough"
        else f"projects in {view.area_name} and borough-wide projects"
    )
    summary = html.P(
        f"{len(frame)} project(s) shown: {scope} open at any time in {view.period_label}.",
        id="engagement-explorer-count",
        role="status",
    )
    if frame.empty:
        return [summary]
    # the project page carries the explorer's state, so its back link returns to this list
    state = merge_search(
        view.query,
        q=(search or "").strip()[:100],
        kind=kind or None,
        status=status or None,
        sort=None if sort in (None, "", "newest") else sort,
    )
    rows = [
        [
            dcc.Link(r.title, href=f"/engagement/project/{r.project_id}{state}"),
            r.service,
            KIND_TEXT.get(r.kind, r.kind),
            r.area_name,
            f"{r.opened_on:%d %b %Y}",
            f"{r.closed_on:%d %b %Y}" if pd.notna(r.closed_on) else "open",
            r.status.capitalize(),
            count(r.n_contributions),
            count(r.n_participants, r.participants_suppressed),
            count(r.aware),
        ]
        for r in frame.itertuples()
    ]
    table = data_table(
        [
            "Project",
            "Service",
            "Kind",
            "Area",
            "Opened",
            "Closed",
            "Status",
            "Contributions",
            "Participants",
            "Visitors",
        ],
        rows,
        caption=f"Engagement projects, {view.period_label}, {view.area_name}",
        table_id="engagement-explorer-table",
        numeric_from=7,
    )
    return [summary, html.Div(table, className="table-responsive")]


# --- Wiring ------------------------------------------------------------------------------------


def update_engagement(period: str | None, area: str | None) -> tuple:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return ("", problem.component, *([[]] * len(BODIES)))
    context = (
        f"{view.area_name}, {view.period_label}: who takes part on the consultation portal, "
        "and whether they see what changed because of them."
    )
    return (
        context,
        None,
        reach_section(view),
        funnel_section(view),
        tools_section(view),
        who_section(view),
        heard_section(view),
        budgeting_section(view),
    )


def update_places(period: str | None, area: str | None, colour_by: str | None) -> list:
    try:
        view = resolve(period, area)
    except StateProblem:
        return []
    return places_section(view, colour_by or "sentiment")


def update_explorer(
    period: str | None,
    area: str | None,
    search: str | None,
    kind: str | None,
    status: str | None,
    sort: str | None,
) -> list:
    try:
        view = resolve(period, area)
    except StateProblem:
        return []
    kind = "" if kind in (None, "all") else kind
    status = "" if status in (None, "all") else status
    return explorer(view, search or "", kind, status, sort or "newest")


EXPLORER_URL = "engagement-explorer-url"  # the page's own view of the URL (see the page)
EXPLORER_DEFAULTS = {"q": "", "kind": "all", "status": "all", "sort": "newest"}


def explorer_state(
    url_search: str | None,
    search: str | None,
    kind: str | None,
    status: str | None,
    sort: str | None,
) -> tuple:
    """The explorer's controls and the URL kept in step, both ways, as the shell does for the
    global filters: a control change writes the URL (defaults left out) so a link reproduces
    the list; a URL change (back, forward, a pasted link) sets the controls. Nothing that is
    already in step is written, so the two never chase each other."""
    current = {"q": search or "", "kind": kind, "status": status, "sort": sort}
    if ctx.triggered_id == EXPLORER_URL:
        params = parse_qs((url_search or "").lstrip("?"))
        wanted = {k: params.get(k, [default])[-1] for k, default in EXPLORER_DEFAULTS.items()}
        wanted["q"] = wanted["q"][:100]
        for key in ("kind", "status", "sort"):
            wanted[key] = explorer_choice(key, wanted[key])
        controls = tuple(
            dash.no_update if wanted[k] == current[k] else wanted[k] for k in EXPLORER_DEFAULTS
        )
        return dash.no_update, *controls
    updates = {k: None if v == EXPLORER_DEFAULTS[k] else v for k, v in current.items()}
    updates["q"] = (search or "").strip()
    written = merge_search(url_search, **updates)
    url = dash.no_update if written == (url_search or "") else written
    return url, *([dash.no_update] * len(EXPLORER_DEFAULTS))


def show_cluster(click: dict | None) -> object:
    """Selecting a cluster on the reach map chooses it in the area filter (and so the URL)."""
    if not click or not click.get("points"):
        return dash.no_update
    return click["points"][0]["customdata"][0]


def register(app: dash.Dash) -> None:
    app.callback(
        Output(ids.AREA, "value", allow_duplicate=True),
        Input("engagement-reach-map-graph", "clickData"),
        prevent_initial_call=True,
    )(show_cluster)
    app.callback(
        Output("engagement-context", "children"),
        Output("engagement-problem", "children"),
        *[Output(body, "children") for body in BODIES],
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
    )(update_engagement)
    app.callback(
        Output("engagement-places-body", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        Input("engagement-pin-colour", "value"),
    )(update_places)
    app.callback(
        Output("engagement-explorer-body", "children"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        Input("engagement-explorer-search", "value"),
        Input("engagement-explorer-kind", "value"),
        Input("engagement-explorer-status", "value"),
        Input("engagement-explorer-sort", "value"),
    )(update_explorer)
    controls = [
        "engagement-explorer-search",
        "engagement-explorer-kind",
        "engagement-explorer-status",
        "engagement-explorer-sort",
    ]
    app.callback(
        Output(EXPLORER_URL, "search"),
        *[Output(c, "value", allow_duplicate=True) for c in controls],
        Input(EXPLORER_URL, "search"),
        *[Input(c, "value") for c in controls],
        prevent_initial_call=True,
    )(explorer_state)
