"""Empowerment page in the browser: the filters change the figures and the URL, the hub measure
choice, a cluster with no hub, and axe-core (fixture: tests/fixtures/empowerment)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import Select

from tests.dashboard.conftest import console_errors, run_axe, screenshot
from tests.dashboard.test_interaction_browser import wait_for as _wait_for

pytestmark = pytest.mark.browser

GRAPHS = (
    "empowerment-hub-clusters",
    "empowerment-hubs",
    "empowerment-hub-months",
    "empowerment-seasonal",
    "empowerment-cluster-trend",
    "empowerment-need-trend",
    "empowerment-source-trend",
    "empowerment-need",
    "empowerment-referral-source",
    "empowerment-outcome",
    "empowerment-times",
    "empowerment-deprivation",
    "empowerment-volunteers",
    "empowerment-capacity-chart",
)


def wait_for(predicate, timeout: float = 10.0):
    """Retry while Dash re-renders the element under the predicate (stale references)."""

    def safe():
        try:
            return predicate()
        except StaleElementReferenceException:
            return False

    return _wait_for(safe, timeout)


def text_of(dash_duo, selector: str) -> str:
    return dash_duo.find_element(selector).get_attribute("textContent")


@pytest.fixture
def empowerment_app(app, warehouse_at, empowerment_db):
    warehouse_at(empowerment_db)
    return app


def open_empowerment(dash_duo, app, query: str) -> None:
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/empowerment" + query)
    dash_duo.wait_for_element("#empowerment-tcca-headline", timeout=15)


def test_empowerment_follows_the_filters_and_passes_axe(dash_duo, empowerment_app):
    open_empowerment(dash_duo, empowerment_app, "?period=2024-25&area=borough")
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline",
        "18 requests for support across the borough in 2024/25: 15 fulfilled and [c] never",
    )
    headline = text_of(dash_duo, "#empowerment-tcca-headline")
    # 12 of 18 within 24h, 14 of 18 within 48h; p50 10, p90 40.2 (quantile_cont)
    assert "66.7% were fulfilled within 24 hours and 77.8% within 48 hours" in headline
    assert "Median time to fulfil 10.0 hours; 90th percentile 40.2 hours" in headline
    for block in GRAPHS:
        dash_duo.wait_for_element(f"#{block}-graph .js-plotly-plot", timeout=15)
    # hubs: 205 attendances across the borough; four clusters have no hub, said in words
    assert "205 attendances across the borough" in text_of(
        dash_duo, "#empowerment-hub-clusters-summary"
    )
    assert "No hub in this cluster" in text_of(dash_duo, "#empowerment-hub-clusters-table")
    assert "4 clusters have no hub" in text_of(dash_duo, "#empowerment-hub-clusters-summary")
    # Tilbury's 5 requests are hidden to protect Aveley's 1: both [c] in the deprivation table
    assert "[c]" in text_of(dash_duo, "#empowerment-deprivation-table")
    assert "by referral source, each quarter" in text_of(
        dash_duo, "#empowerment-source-trend-summary"
    )
    assert "Requests per volunteer serving the area" in text_of(
        dash_duo, "#empowerment-volunteers-table"
    )
    assert run_axe(dash_duo) == []
    screenshot(dash_duo, "empowerment-borough")

    Select(dash_duo.find_element("#filter-area")).select_by_value("grays")
    wait_for(lambda: "area=grays" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline",
        "12 requests for support in Grays (including Little Thurrock) in 2024/25: 10 fulfilled",
    )
    headline = text_of(dash_duo, "#empowerment-tcca-headline")
    assert "75.0% within 48 hours" in headline
    assert "Median time to fulfil 11.0 hours; 90th percentile 32.0 hours" in headline
    dash_duo.wait_for_contains_text(
        "#empowerment-hub-clusters-summary", "50 attendances in Grays (including Little Thurrock)"
    )

    Select(dash_duo.find_element("#filter-period")).select_by_value("2024-25-q4")
    wait_for(lambda: "period=2024-25-q4" in dash_duo.driver.current_url)
    assert "area=grays" in dash_duo.driver.current_url
    # Grays Q4: 4 requests -> suppressed
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline", "[c] requests for support in Grays"
    )
    assert run_axe(dash_duo) == []
    screenshot(dash_duo, "empowerment-grays-q4")
    assert console_errors(dash_duo) == []


def test_a_cluster_with_no_hub_and_the_measure_choice(dash_duo, empowerment_app):
    open_empowerment(dash_duo, empowerment_app, "?period=2024-25&area=aveley")
    dash_duo.wait_for_contains_text("#empowerment-hubs-body", "No hub in this cluster")
    assert "Aveley has no community hub" in text_of(dash_duo, "#empowerment-hub-clusters-summary")
    # Aveley's only request was referred on: counted (as [c]) rather than dropped
    dash_duo.wait_for_contains_text("#empowerment-tcca-headline", "[c] requests for support")
    assert dash_duo.driver.find_elements("css selector", "#empowerment-seasonal") == []

    Select(dash_duo.find_element("#filter-area")).select_by_value("tilbury-and-chadwell-st-mary")
    wait_for(lambda: "area=tilbury-and-chadwell-st-mary" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text(
        "#empowerment-hubs-summary", "2 hubs in Tilbury and Chadwell St Mary: all in a library"
    )
    dash_duo.driver.execute_script(
        "document.querySelector('#empowerment-hub-measure input[value=\"digital_help\"]').click()"
    )
    # Tilbury 4 + 6 + 1 + 5 and Chadwell 2: 18 residents helped online, all in libraries
    dash_duo.wait_for_contains_text(
        "#empowerment-hub-clusters-summary", "18 residents helped online"
    )
    dash_duo.wait_for_contains_text(
        "#empowerment-hubs-summary", "In 2024/25 they recorded 18 residents helped online."
    )
    assert "Digital-inclusion help" in text_of(dash_duo, "#empowerment-hub-months-title")
    assert run_axe(dash_duo) == []
    screenshot(dash_duo, "empowerment-tilbury-digital")
    assert console_errors(dash_duo) == []


def test_page_on_the_tiny_warehouse_and_with_no_warehouse(dash_duo, app, warehouse_at, tmp_path):
    # the shared tiny extracts: 2023/24 only, 4 requests across the borough -> [c]
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/empowerment?period=2023-24&area=borough")
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline", "[c] requests for support across the borough in 2023/24"
    )
    dash_duo.wait_for_element("#empowerment-hub-clusters-graph .js-plotly-plot", timeout=15)
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
    # no warehouse yet: the friendly state page, not an error
    warehouse_at(tmp_path / "missing.duckdb")
    dash_duo.wait_for_page(url=dash_duo.server_url + "/empowerment?period=2023-24&area=borough")
    dash_duo.wait_for_contains_text("#empowerment-problem", "No data yet")
    assert run_axe(dash_duo) == []
