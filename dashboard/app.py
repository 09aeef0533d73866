"""The Dash application factory: the shell around every page, and the query layer's warehouse."""

from __future__ import annotations

from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids, queries
from dashboard.callbacks import register_all
from dashboard.queries import WarehouseMissing, WarehouseUnreadable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "data" / "warehouse" / "ccm.duckdb"
FRAMEWORK = "Collaborative Communities Framework 2021-2025"

# Dash has no setting for <html lang>; the index template carries it (plotly/dash #2563).
INDEX_STRING = """<!DOCTYPE html>
<html lang="en-GB">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        <a class="skip-link" href="#main-content">Skip to main content</a>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def _nav() -> dbc.Nav:
    pages = sorted(
        (p for p in dash.page_registry.values() if p.get("nav")), key=lambda p: p["order"]
    )
    return dbc.Nav(
        [dbc.NavItem(dbc.NavLink(p["name"], href=p["path"], active="exact")) for p in pages],
        navbar=True,
        className="main-nav",
    )


def _filters() -> html.Div:
    """Period and cluster: native <select>s (keyboard and screen-reader friendly)."""
    try:
        periods = queries.periods()
        areas = queries.areas()
    except (WarehouseMissing, WarehouseUnreadable):
        periods, areas = None, None
    period_options = []
    if periods is not None:
        for kind, group in (("fy", "Financial year"), ("quarter", "Quarter")):
            for label in periods[periods["period_type"] == kind]["period_label"]:
                period_options.append(
                    {"label": f"{group} {label}", "value": queries.period_slug(label)}
                )
    area_options = (
        [{"label": r.area_name, "value": r.area_slug} for r in areas.itertuples()]
        if areas is not None
        else []
    )
    return html.Div(
        [
            html.Div(
                [
                    dbc.Label("Period", html_for=ids.PERIOD),
                    dbc.Select(id=ids.PERIOD, options=period_options),
                ],
                className="filter",
            ),
            html.Div(
                [
                    dbc.Label("Area", html_for=ids.AREA),
                    dbc.Select(id=ids.AREA, options=area_options),
                ],
                className="filter",
            ),
            html.Div(
                [
                    html.Button(
                        "Copy link to this view",
                        id=ids.COPY_LINK,
                        type="button",
                        className="btn btn-outline-primary",
                    ),
                    html.Span(id=ids.COPY_STATUS, role="status", className="copy-status"),
                ],
                className="filter filter-action",
            ),
        ],
        className="filter-bar",
        role="search",
        **{"aria-label": "Filters: they apply to every page and are kept in the link"},
    )


def _footer() -> html.Footer:
    return html.Footer(
        [
            html.P(id=ids.DATA_AS_OF, className="mb-1"),
            html.P(
                [
                    dcc.Link("Accessibility statement", href="/accessibility"),
                    " · ",
                    dcc.Link("Metric definitions", href="/metrics"),
                    " · Contains OS data © Crown copyright and database right. Source: Office for"
                    " National Statistics licensed under the Open Government Licence v3.0.",
                ],
                className="small",
            ),
        ],
        className="site-footer",
    )


def shell() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            html.Header(
                [
                    html.Div(
                        [
                            dcc.Link(
                                "Collaborative Communities Monitor",
                                href="/",
                                className="site-title",
                            ),
                            html.Span(f"Thurrock Council · {FRAMEWORK}", className="site-sub"),
                        ],
                        className="brand",
                    ),
                    html.Nav(_nav(), **{"aria-label": "Main"}),
                ],
                className="site-header",
            ),
            _filters(),
            html.Main(dash.page_container, id="main-content", tabIndex="-1"),
            _footer(),
        ],
        className="app-shell",
    )


def create_app(db_path: Path = DEFAULT_DB) -> dash.Dash:
    """Build the app. The warehouse need not exist yet: pages then say how to build it."""
    queries.configure(Path(db_path))
    app = dash.Dash(
        "dashboard",
        use_pages=True,
        pages_folder=str(Path(__file__).resolve().parent / "pages"),
        assets_folder=str(ROOT / "assets"),
        title="Collaborative Communities Monitor",
        suppress_callback_exceptions=True,
        serve_locally=True,
        update_title=None,
    )
    app.index_string = INDEX_STRING
    app.layout = shell
    register_all(app)
    return app
