"""Figure builders: tidy frame in, plotly figure out (graph_objects: much faster than express).

One accessible palette: Okabe-Ito for categories (distinguishable with colour-blindness),
viridis for sequential shading, and a text label wherever colour carries meaning.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
HIGHLIGHT, BOROUGH, OTHER = "#0072B2", "#000000", "#BBBBBB"
FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", size=13)
THURROCK_CENTRE = {"lat": 51.495, "lon": 0.36}


def _layout(fig: go.Figure, title: str, y_title: str = "", x_title: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 15}},
        font=FONT,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"namelength": -1},
        legend={"orientation": "h", "y": -0.28, "yanchor": "top", "x": 0},
    )
    fig.update_yaxes(title_text=y_title, gridcolor="#e5e5e5", zeroline=False)
    fig.update_xaxes(title_text=x_title)
    return fig


def sparkline(frame: pd.DataFrame, title: str) -> go.Figure:
    """A tiny trend line (the value's recent history) for a headline card."""
    fig = go.Figure(
        go.Scatter(
            x=frame["period_label"],
            y=frame["value"],
            mode="lines+markers",
            line={"color": HIGHLIGHT, "width": 2},
            marker={"size": 4},
            hovertemplate="%{x}: %{y:,.1f}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": title, "font": {"size": 1}, "x": 0},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        height=50,
        showlegend=False,
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def trend_by_area(
    frame: pd.DataFrame, title: str, unit: str, focus: str | None, target: float | None
) -> go.Figure:
    """Every area's trend: the borough in black, the chosen cluster in blue, others grey."""
    fig = go.Figure()
    order = sorted(frame["area_slug"].unique(), key=lambda s: (s == focus, s == "borough"))
    for slug in order:
        part = frame[frame["area_slug"] == slug]
        name = part["area_name"].iloc[0]
        colour, width = OTHER, 1
        if slug == "borough":
            colour, width = BOROUGH, 3
        if slug == focus and slug != "borough":
            colour, width = HIGHLIGHT, 3
        fig.add_trace(
            go.Scatter(
                x=part["period_label"],
                y=part["value"],
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": width},
                hovertemplate=f"{name} in %{{x}}: %{{y:,.1f}} {unit}<extra></extra>",
            )
        )
    if target is not None and not pd.isna(target):
        fig.add_hline(
            y=target,
            line_dash="dash",
            line_color="#505a5f",
            annotation_text=f"Target {target:g}",
            annotation_position="top left",
        )
    return _layout(fig, title, y_title=unit, x_title="Period")


def bar_by_area(frame: pd.DataFrame, title: str, unit: str, focus: str | None) -> go.Figure:
    """Clusters ranked, the borough shown as a reference line."""
    clusters = frame[frame["area_slug"] != "borough"].sort_values("value", na_position="first")
    colours = [HIGHLIGHT if s == focus else "#56B4E9" for s in clusters["area_slug"]]
    shown = [f"{v:,.1f} {unit}" if pd.notna(v) else "[c] (suppressed)" for v in clusters["value"]]
    fig = go.Figure(
        go.Bar(
            x=clusters["value"],
            y=clusters["area_name"],
            orientation="h",
            marker_color=colours,
            customdata=shown,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    borough = frame[frame["area_slug"] == "borough"]["value"]
    if not borough.empty and not pd.isna(borough.iloc[0]):
        fig.add_vline(
            x=borough.iloc[0],
            line_color=BOROUGH,
            line_dash="dash",
            annotation_text=f"Borough {borough.iloc[0]:,.1f}",
        )
    fig = _layout(fig, title, x_title=unit)
    fig.update_layout(margin={"l": 260})
    return fig


def cluster_map(
    clusters_geojson: dict,
    values: pd.DataFrame,
    title: str,
    unit: str,
    action: str = "Select to open the cluster page",
) -> go.Figure:
    """The 9 clusters shaded by their value, outlines dissolved from the real ward boundaries,
    drawn with no tile server.

    `values`: area_slug, area_name, value (the borough row, if present, is ignored); a cluster
    whose value was suppressed shows `[c]`, one with no row at all shows "no figure".
    `action`: what selecting a cluster does, said in the hover text.
    """
    slugs = [f["properties"]["cluster_slug"] for f in clusters_geojson["features"]]
    data = pd.DataFrame({"area_slug": slugs}).merge(
        values[["area_slug", "area_name", "value"]], on="area_slug", how="left"
    )
    held = data["area_name"].notna()
    data["area_name"] = data["area_name"].fillna(data["area_slug"])
    shown = [
        f"{v:,.1f} {unit}" if pd.notna(v) else ("[c] (suppressed)" if has else "no figure")
        for v, has in zip(data["value"], held, strict=True)
    ]
    fig = go.Figure(
        go.Choroplethmap(
            geojson=clusters_geojson,
            featureidkey="properties.cluster_slug",
            locations=data["area_slug"],
            z=data["value"],
            customdata=data[["area_slug", "area_name"]].assign(shown=shown),
            colorscale="Viridis",
            marker_line_color="white",
            marker_line_width=1.5,
            colorbar={"title": {"text": unit, "side": "right"}, "thickness": 14},
            hovertemplate=(f"%{{customdata[1]}}: %{{customdata[2]}}<br>{action}<extra></extra>"),
        )
    )
    fig.update_layout(
        map={"style": "white-bg", "center": THURROCK_CENTRE, "zoom": 10.3},
        margin={"l": 0, "r": 0, "t": 40, "b": 0},
        title={"text": title, "font": {"size": 15}},
        font=FONT,
    )
    return fig
