"""Figure builders for the Equality page's workforce charts: protected frames in, figures out.

Hidden (`[c]`) values arrive as missing and are simply not drawn; the tables beside each chart
say `[c]` in words.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import OKABE_ITO, _layout

PATTERNS = ["", "", "", "", "", "", "", "/", "x", "."]
DIMENSION_COLOURS = {"sex": OKABE_ITO[0], "ethnicity": OKABE_ITO[1], "disability": OKABE_ITO[2]}


def quartiles(frame: pd.DataFrame, title: str) -> go.Figure:
    """Women and men as % of each pay quartile, lowest paid first."""
    bands = frame[(frame["quartile_name"] != "Total") & (frame["sex"] != "Total")]
    names = {"Lower": "Lower", "LowerMiddle": "Lower middle", "UpperMiddle": "Upper middle"}
    fig = go.Figure()
    for i, sex in enumerate(("Women", "Men")):
        part = bands[bands["sex"] == sex]
        fig.add_trace(
            go.Bar(
                x=part["quartile_name"].map(lambda q: names.get(q, q)),
                y=part["percent_of_band"],
                name=sex,
                marker={"color": OKABE_ITO[i * 4], "pattern": {"shape": ["", "/"][i]}},
                hovertemplate=f"{sex}: %{{y:.1f}}% of the %{{x}} quartile<extra></extra>",
            )
        )
    fig = _layout(fig, title, y_title="% of the quartile", x_title="Hourly pay quartile")
    fig.update_layout(barmode="stack", yaxis={"range": [0, 100]})
    return fig


def group_quartiles(frame: pd.DataFrame, title: str, labels: dict[str, str]) -> go.Figure:
    """The comparison group (ethnic minorities; disabled) as % of each pay quartile, one bar
    series per dimension; an even spread would be the same height in every quartile."""
    names = {"Lower": "Lower", "LowerMiddle": "Lower middle", "UpperMiddle": "Upper middle"}
    fig = go.Figure()
    for i, (dimension, part) in enumerate(frame.groupby("dimension", sort=False)):
        group = part["group"].iloc[0]
        fig.add_trace(
            go.Bar(
                x=part["quartile_name"].map(lambda q: names.get(q, q)),
                y=part["percent_of_band"],
                name=f"{labels.get(dimension, dimension)}: {group}",
                marker={
                    "color": DIMENSION_COLOURS.get(dimension, OKABE_ITO[3]),
                    "pattern": {"shape": ["", "/"][i % 2]},
                },
                hovertemplate=f"{group}: %{{y:.1f}}% of the %{{x}} quartile<extra></extra>",
            )
        )
    fig = _layout(fig, title, y_title="% of the quartile", x_title="Hourly pay quartile")
    fig.update_layout(barmode="group", yaxis={"rangemode": "tozero"})
    return fig


def gap_trend(frame: pd.DataFrame, title: str, labels: dict[str, str]) -> go.Figure:
    """Median (solid) and mean (dashed) hourly pay gaps over the years, a colour per
    dimension; 0 is no gap."""
    fig = go.Figure()
    for dimension, part in frame.groupby("dimension", sort=False):
        for stat, dash, symbol in (("median", "solid", "circle"), ("mean", "dash", "diamond")):
            fig.add_trace(
                go.Scatter(
                    x=part["snapshot_year"].map(lambda y: f"31 Mar {y}"),
                    y=part[f"{stat}_gap_percent"],
                    name=f"{labels[dimension]} {stat}: {part['comparison_group'].iloc[0]}",
                    mode="lines+markers",
                    marker={"symbol": symbol, "size": 8},
                    line={
                        "color": DIMENSION_COLOURS.get(dimension, OKABE_ITO[3]),
                        "width": 3 if stat == "median" else 2,
                        "dash": dash,
                    },
                    hovertemplate=(
                        f"{labels[dimension]} {stat} gap at %{{x}}: %{{y:.1f}}%<extra></extra>"
                    ),
                )
            )
    fig.add_hline(y=0, line_color="#505a5f", line_dash="dot")
    fig = _layout(fig, title, y_title="% of the reference group's pay")
    fig.update_layout(legend={"y": 1.02, "yanchor": "bottom"}, margin={"t": 90})
    return fig


def composition(frame: pd.DataFrame, title: str) -> go.Figure:
    """Each breakdown value (and the Census comparator) as 100% of those who disclosed."""
    fig = go.Figure()
    categories = frame["category"].drop_duplicates().tolist()
    for i, category in enumerate(categories):
        part = frame[frame["category"] == category]
        fig.add_trace(
            go.Bar(
                y=part["row_label"],
                x=part["share"],
                name=category,
                orientation="h",
                marker={
                    "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)]},
                },
                hovertemplate=f"{category}: %{{x:.1f}}% of %{{y}}<extra></extra>",
            )
        )
    fig = _layout(fig, title, x_title="% of those who disclosed")
    fig.update_layout(
        barmode="stack",
        margin={"l": 260},
        yaxis={"autorange": "reversed"},
        legend={"y": -0.25},
    )
    return fig


def disclosure_trend(frame: pd.DataFrame, title: str, labels: dict[str, str]) -> go.Figure:
    fig = go.Figure()
    for i, (characteristic, part) in enumerate(frame.groupby("characteristic", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=part["snapshot_year"].map(lambda y: f"31 Mar {y}"),
                y=part["disclosure_rate_percent"],
                name=labels.get(characteristic, characteristic),
                mode="lines+markers",
                line={"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 2},
                hovertemplate=(
                    f"{labels.get(characteristic, characteristic)} disclosed by %{{y:.1f}}% "
                    "of staff at %{x}<extra></extra>"
                ),
            )
        )
    fig = _layout(fig, title, y_title="% of staff who disclosed")
    fig.update_layout(yaxis={"range": [0, 100]}, legend={"y": 1.02, "yanchor": "bottom"})
    fig.update_layout(margin={"t": 90})
    return fig
