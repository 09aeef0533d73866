"""Figure builders for the Engagement page: tidy frames in, plotly figures out.

Resident free text reaches a figure only through `hover_text`, which escapes it: plotly renders
a subset of HTML in hover labels, so an unescaped `<b>` or `<a href>` would be live markup.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.disclosure import SUPPRESSED
from dashboard.engagement_labels import tool_name
from dashboard.figures import FONT, OKABE_ITO, THURROCK_CENTRE, _layout, trend_by_area

PATTERNS = ["", "", "", "", "", "", "", "/", "x"]
TOOL_COLOURS = OKABE_ITO + ["#999999", "#666666"]
SENTIMENT_COLOURS = {"positive": "#009E73", "neutral": "#56B4E9", "negative": "#D55E00"}


def hover_text(text: object, width: int = 60) -> str:
    """Resident text made inert for a plotly label: escaped, then wrapped with <br>."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return "(no comment)"
    lines = textwrap.wrap(str(text), width) or [""]
    return "<br>".join(html.escape(line, quote=True) for line in lines[:6])


def funnel(totals: pd.Series, title: str) -> go.Figure:
    """Visitors aware -> informed -> engaged, with the share of aware at each step; a
    suppressed engaged count is drawn as an empty bar labelled [c]."""
    stages = ["Aware", "Informed", "Engaged"]
    aware, informed = int(totals["aware"]), int(totals["informed"])
    hidden = bool(totals.get("engaged_suppressed", False)) or pd.isna(totals["engaged"])
    engaged = 0 if hidden else int(totals["engaged"])
    text = [_funnel_text(aware, aware), _funnel_text(informed, aware)]
    text.append(SUPPRESSED if hidden else _funnel_text(engaged, aware))
    fig = go.Figure(
        go.Funnel(
            y=stages,
            x=[aware, informed, engaged],
            text=text,
            textinfo="text",
            hovertext=[
                f"{stage}: {t.replace('<br>', ' ')} visitors"
                for stage, t in zip(stages, text, strict=True)
            ],
            hoverinfo="text",
            marker={"color": [OKABE_ITO[0], OKABE_ITO[5], OKABE_ITO[2]]},
        )
    )
    fig = _layout(fig, title)
    fig.update_layout(margin={"l": 90})
    return fig


def _funnel_text(value: int, aware: int) -> str:
    share = f"{100 * value / aware:.1f}% of aware" if aware else "no visitors aware"
    return f"{value:,}<br>{share}"


def tools_over_time(frame: pd.DataFrame, title: str) -> go.Figure:
    """Contributions by tool per period, stacked; the last two tools also carry a pattern."""
    fig = go.Figure()
    tools = frame.drop_duplicates("tool").sort_values("tool_order")
    for i, tool in enumerate(tools.itertuples()):
        part = frame[frame["tool"] == tool.tool]
        fig.add_trace(
            go.Bar(
                x=part["period_label"],
                y=part["n_contributions"],
                name=tool.tool_name,
                marker={
                    "color": TOOL_COLOURS[i % len(TOOL_COLOURS)],
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)]},
                },
                hovertemplate=f"{tool.tool_name} in %{{x}}: %{{y:,}} contributions<extra></extra>",
            )
        )
    fig = _layout(fig, title, y_title="Contributions")
    fig.update_xaxes(tickangle=-45, automargin=True)
    fig.update_layout(
        barmode="stack",
        legend={"y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
        margin={"t": 90, "b": 40},
    )
    return fig


def representation(frame: pd.DataFrame, title: str, has_comparator: bool) -> go.Figure:
    """Share of participants (who said) beside the Census share of residents, per category."""
    shown = frame[frame["is_disclosed"]]
    fig = go.Figure(
        go.Bar(
            y=shown["category"],
            x=100 * shown["share_of_disclosed"],
            name="Participants",
            orientation="h",
            marker_color=OKABE_ITO[0],
            hovertemplate="%{y}: %{x:.1f}% of participants who said<extra></extra>",
        )
    )
    if has_comparator:
        fig.add_trace(
            go.Bar(
                y=shown["category"],
                x=100 * shown["census_share"],
                name="Residents (Census 2021)",
                orientation="h",
                marker={"color": OKABE_ITO[4], "pattern": {"shape": "/"}},
                hovertemplate="%{y}: %{x:.1f}% of residents (Census 2021)<extra></extra>",
            )
        )
    fig = _layout(fig, title, x_title="% of people")
    fig.update_layout(barmode="group", margin={"l": 280}, yaxis={"autorange": "reversed"})
    return fig


def budgets(frame: pd.DataFrame, title: str) -> go.Figure:
    """Budget offered beside what the average resident allocated of it, per project (pounds)."""
    fig = go.Figure(
        [
            go.Bar(
                y=frame["title"],
                x=frame["pb_budget_gbp"],
                name="Budget offered",
                orientation="h",
                marker_color=OKABE_ITO[0],
                hovertemplate="%{y}: £%{x:,.0f} offered<extra></extra>",
            ),
            go.Bar(
                y=frame["title"],
                x=frame["pb_mean_per_resident"],
                name="Allocated by the average resident",
                orientation="h",
                marker={"color": OKABE_ITO[4], "pattern": {"shape": "/"}},
                hovertemplate="%{y}: the average resident allocated £%{x:,.0f}<extra></extra>",
            ),
        ]
    )
    fig = _layout(fig, title, x_title="Pounds (£)")
    fig.update_layout(barmode="group", margin={"l": 260})
    return fig


def pins_map(geojson: dict, wards: pd.DataFrame, pins: pd.DataFrame, colour_by: str, title: str):
    """Pins over the real ward boundaries (no tile server), coloured by sentiment or tool."""
    fig = go.Figure(
        go.Choroplethmap(
            geojson=geojson,
            featureidkey="properties.ward_code",
            locations=wards["ward_code"],
            z=[0] * len(wards),
            colorscale=[[0, "#f3f2f1"], [1, "#f3f2f1"]],
            showscale=False,
            marker_line_color="#6f777b",
            marker_line_width=1,
            customdata=wards[["ward_name"]],
            hovertemplate="%{customdata[0]}<extra></extra>",
        )
    )
    key = "sentiment" if colour_by == "sentiment" else "tool"
    data = pins.assign(
        group=pins[key].fillna("not given"),
        hover=pins["comment_text"].map(hover_text),
        day=pins["submitted_on"].astype(str),
    )
    for i, (group, part) in enumerate(data.groupby("group", sort=True)):
        colour = SENTIMENT_COLOURS.get(group, TOOL_COLOURS[i % len(TOOL_COLOURS)])
        label = html.escape(
            tool_name(group) if key == "tool" else str(group).replace("_", " ").capitalize()
        )
        fig.add_trace(
            go.Scattermap(
                lat=part["lat"],
                lon=part["lon"],
                mode="markers",
                name=label,
                marker={"size": 11, "color": colour},
                customdata=part[["day", "hover"]],
                hovertemplate=(
                    f"{label} pin, %{{customdata[0]}}<br>%{{customdata[1]}}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        map={"style": "white-bg", "center": THURROCK_CENTRE, "zoom": 10.3},
        margin={"l": 0, "r": 0, "t": 40, "b": 0},
        title={"text": title, "font": {"size": 15}},
        font=FONT,
        legend={"orientation": "h", "y": 0, "yanchor": "bottom", "x": 0, "bgcolor": "white"},
    )
    return fig


def reach_trend(history: pd.DataFrame, title: str, focus: str) -> go.Figure:
    """Every area's reach over time; only the chosen area and the borough are in the legend
    (the grey lines are the other clusters, named in hover and in the table)."""
    fig = trend_by_area(history, title, "per 1,000", focus, None)
    keep = set(history.loc[history["area_slug"].isin([focus, "borough"]), "area_name"])
    fig.for_each_trace(lambda t: t.update(showlegend=t.name in keep))
    fig.update_xaxes(title_text=None, tickangle=-45, automargin=True)
    fig.update_layout(legend={"y": 1.02, "yanchor": "bottom", "x": 0}, margin={"t": 80, "b": 40})
    return fig
