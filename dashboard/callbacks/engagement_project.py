"""Project detail behaviour: one project's facts, funnel by quarter, tools, budget lines and
the newest resident comments, rendered as plain text (never markdown or HTML)."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import ids
from dashboard.callbacks.shell import merge_search
from dashboard.components import data_table, notice
from dashboard.disclosure import SUPPRESSED
from dashboard.engagement_labels import KIND_TEXT, tool_name
from dashboard.format import count, money, pct
from dashboard.queries import engagement as q
from dashboard.states import StateProblem, View, resolve

EXPLORER_KEYS = ("q", "kind", "status", "sort")


def unknown_project(project_id: str, view: View) -> object:
    return notice(
        "Unknown project",
        [
            html.P(f"There is no engagement project with the id '{project_id}'."),
            dcc.Link(
                "See every project in the project explorer",
                href=f"/engagement{view.query}#engagement-explorer",
            ),
        ],
    )


def facts(p: dict) -> html.Dl:
    closed = f"{p['closed_on']:%d %B %Y}" if pd.notna(p["closed_on"]) else "still open"
    feedback = (
        f"published {p['feedback_published_on']:%d %B %Y} "
        f"({p['days_to_feedback']} days after closing)"
        if pd.notna(p["feedback_published_on"])
        else p["status"]
    )
    items = [
        ("Service", p["service"]),
        ("Kind", KIND_TEXT.get(p["kind"], p["kind"])),
        ("Framework theme", p["theme"]),
        ("Area", p["area_name"]),
        ("Opened", f"{p['opened_on']:%d %B %Y}"),
        ("Closed", closed),
        ("'You said, we did' feedback", feedback),
        ("Contributions", count(p["n_contributions"])),
        ("Participants", count(p["n_participants"], bool(p["participants_suppressed"]))),
        ("Questions answered", f"{count(p['n_answered'])} of {count(p['n_questions'])}"),
    ]
    if p["kind"] == "participatory_budgeting":
        items += [
            ("Budget offered", money(p["pb_budget_gbp"])),
            (
                "Allocated by the average resident",
                SUPPRESSED if p["allocators_suppressed"] else money(p["pb_mean_per_resident"]),
            ),
            ("Residents allocating", count(p["pb_n_allocators"], bool(p["allocators_suppressed"]))),
        ]
    children = []
    for term, value in items:
        children += [html.Dt(term), html.Dd(value)]
    return html.Dl(children, className="project-facts", id="engagement-project-facts")


def comments(project_id: str) -> html.Section:
    frame = q.project_comments(project_id)
    if frame.empty:
        body = html.P("No comments on this project.")
    else:
        body = html.Ul(
            [
                html.Li(
                    [
                        html.Span(
                            f"{tool_name(r.tool)}, {r.submitted_on:%d %b %Y}"
                            + (f", {r.sentiment}" if isinstance(r.sentiment, str) else "")
                            + (", answered" if r.is_answered else ""),
                            className="comment-meta",
                        ),
                        html.P(r.comment_text, className="comment-text"),
                    ]
                )
                for r in frame.itertuples()
            ],
            className="comments list-unstyled",
            id="engagement-project-comments",
        )
    return html.Section(
        [
            html.H2("What residents said", className="h4"),
            html.P(
                f"The newest {q.COMMENT_LIMIT} comments at most, as residents wrote them "
                "(email addresses and phone numbers removed).",
                className="small",
            ),
            body,
        ]
    )


def explorer_link(view: View, explorer: dict | None) -> str:
    """Back to the explorer as it was left: the global filters now, the explorer's own
    search, kind, status and sort as the project link carried them."""
    state = {k: str(v)[:100] for k, v in (explorer or {}).items() if k in EXPLORER_KEYS and v}
    return f"/engagement{merge_search(view.query, **state)}#engagement-explorer"


def update_project(
    project_id: str | None,
    period: str | None,
    area: str | None,
    explorer: dict | None = None,
) -> object:
    try:
        view = resolve(period, area)
    except StateProblem as problem:
        return problem.component
    p = q.project(project_id or "")
    if p is None:
        return unknown_project(project_id or "", view)
    funnel = q.project_funnel(project_id)
    funnel_table = (
        data_table(
            [
                "Quarter",
                "Aware",
                "Informed",
                "Engaged",
                "Informed as % of aware",
                "Engaged as % of aware",
            ],
            [
                [
                    r.period_label,
                    count(r.aware),
                    count(r.informed),
                    count(r.engaged, r.engaged_suppressed),
                    pct(r.informed_pct),
                    pct(r.engaged_pct, r.engaged_suppressed),
                ]
                for r in funnel.itertuples()
            ],
            caption=f"Site visitors by quarter: {p['title']}",
            table_id="engagement-project-funnel",
        )
        if not funnel.empty
        else html.P("No site visits recorded.")
    )
    tools = q.project_tools(project_id)
    tools_table = data_table(
        ["Tool", "Contributions"],
        [[tool_name(r.tool), count(r.n_contributions)] for r in tools.itertuples()],
        caption=f"Contributions by tool: {p['title']}",
        table_id="engagement-project-tools",
    )
    parts = [
        dcc.Link(
            "Back to the project explorer",
            href=explorer_link(view, explorer),
            id="engagement-project-back",
        ),
        html.H1(p["title"], id="engagement-project-title"),
        dbc.Row([dbc.Col(facts(p), md=5), dbc.Col([funnel_table, tools_table], md=7)]),
    ]
    if p["kind"] == "participatory_budgeting":
        lines = q.budget_lines(
            project_id, None if p["allocators_suppressed"] else p["pb_n_allocators"]
        )
        parts.append(
            data_table(
                [
                    "Budget line",
                    "Share of all allocations",
                    "Allocated by the average resident",
                    "Residents funding it",
                ],
                [
                    [
                        r.budget_line,
                        SUPPRESSED if r.shares_suppressed else pct(r.share_pct),
                        SUPPRESSED if r.shares_suppressed else money(r.mean_per_resident_gbp),
                        count(r.n_residents, r.suppressed),
                    ]
                    for r in lines.itertuples()
                ],
                caption=f"How residents split the budget: {p['title']}",
                table_id="engagement-project-budget-lines",
            )
        )
    parts.append(comments(project_id))
    return parts


def register(app: dash.Dash) -> None:
    app.callback(
        Output("engagement-project-body", "children"),
        Input("engagement-project-id", "data"),
        Input(ids.PERIOD, "value"),
        Input(ids.AREA, "value"),
        State("engagement-project-explorer", "data"),
    )(update_project)
