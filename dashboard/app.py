"""The Dash application factory (placeholder home page until the dashboard shell lands)."""

from __future__ import annotations

from pathlib import Path

import dash
from dash import html

DEFAULT_DB = Path("data/warehouse/ccm.duckdb")


def create_app(db_path: Path = DEFAULT_DB) -> dash.Dash:
    app = dash.Dash("dashboard", title="Collaborative Communities Monitor")
    app.layout = html.Main(
        [
            html.H1("Collaborative Communities Monitor"),
            html.P(
                "Thurrock Council's monitor for the Collaborative Communities Framework "
                f"2021-2025. Warehouse: {db_path}"
            ),
        ]
    )
    return app
