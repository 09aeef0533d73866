"""Friendly states shared by every page: no warehouse, an empty period, an unknown area."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from dashboard import queries
from dashboard.components import notice
from dashboard.queries import WarehouseMissing, WarehouseUnreadable


class StateProblem(Exception):
    """Raised with the component to show instead of the page."""

    def __init__(self, component: object) -> None:
        super().__init__("page state problem")
        self.component = component


@dataclass(frozen=True)
class View:
    period_label: str
    period_type: str
    area_slug: str
    area_name: str

    @property
    def query(self) -> str:
        return f"?period={queries.period_slug(self.period_label)}&area={self.area_slug}"


NO_WAREHOUSE = notice(
    "No data yet",
    [
        html.P("The warehouse has not been built, so there are no figures to show."),
        html.P(
            [
                "To build it from the demo extracts run ",
                html.Code("make run"),
                "; to build it from real extracts put them in ",
                html.Code("data/raw/"),
                " and run ",
                html.Code("ccm etl --raw data/raw --db data/warehouse/ccm.duckdb"),
                ". The page will pick up the new warehouse without a restart.",
            ]
        ),
    ],
    kind="warning",
)


def resolve(period_slug: str | None, area_slug: str | None) -> View:
    """Check the filters against the warehouse; raise StateProblem with a friendly page."""
    try:
        periods = queries.periods()
        areas = queries.areas()
    except (WarehouseMissing, WarehouseUnreadable):
        raise StateProblem(NO_WAREHOUSE) from None
    if periods.empty:
        raise StateProblem(NO_WAREHOUSE)
    label = queries.period_from_slug(period_slug) or queries.latest_period("fy")
    match = periods[periods["period_label"] == label]
    if match.empty:
        latest = queries.latest_period("fy")
        raise StateProblem(
            notice(
                "No figures for this period",
                [
                    html.P(
                        f"There are no figures for the period '{label}'. The warehouse covers "
                        f"{periods['period_label'].iloc[-1]} to {latest} (financial years run "
                        "April to March; Q1 is April to June)."
                    ),
                    dcc.Link(
                        f"Show {latest} instead", href=f"?period={queries.period_slug(latest)}"
                    ),
                ],
            )
        )
    area_slug = area_slug or "borough"
    area = areas[areas["area_slug"] == area_slug]
    if area.empty:
        raise StateProblem(unknown_area(area_slug))
    return View(label, str(match.iloc[0]["period_type"]), area_slug, str(area.iloc[0]["area_name"]))


def unknown_area(slug: str) -> object:
    return notice(
        "Unknown neighbourhood",
        [
            html.P(f"There is no neighbourhood cluster called '{slug}'."),
            dcc.Link("See all neighbourhood clusters on the overview", href="/"),
        ],
    )
