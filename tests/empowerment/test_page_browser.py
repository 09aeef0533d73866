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
    # fulfilled 15 beside the 18 would give the 3 never fulfilled back: both are [c]
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline",
        "18 requests for support across the borough in 2024/25: [c] fulfilled and [c] never",
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
    # Grays: 10 fulfilled and 2 never; 12 - 10 would give the 2 back, so both are [c]
    dash_duo.wait_for_contains_text(
        "#empowerment-tcca-headline",
        "12 requests for support in Grays (including Little Thurrock) in 2024/25: [c] fulfilled",
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
    click_measure(dash_duo, "digital_help")
    # the choice goes into the URL (the page then settles: the filters are read back from it)
    wait_for(lambda: "measure=digital_help" in dash_duo.driver.current_url)
    # Tilbury 4 + 6 + 1 + 5 and Chadwell 2: 18 help sessions (contacts, not people)
    dash_duo.wait_for_contains_text(
        "#empowerment-hub-clusters-summary", "18 digital-inclusion help sessions"
    )
    dash_duo.wait_for_contains_text(
        "#empowerment-hubs-summary",
        "In 2024/25 they recorded 18 digital-inclusion help sessions.",
    )
    dash_duo.wait_for_contains_text("#empowerment-hub-months-title", "Digital-inclusion help")
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


def checked_measure(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "return document.querySelector('#empowerment-hub-measure input:checked').value"
    )


def click_measure(dash_duo, value: str) -> None:
    dash_duo.driver.execute_script(
        f"document.querySelector('#empowerment-hub-measure input[value=\"{value}\"]').click()"
    )


def test_the_hub_measure_is_in_the_url(dash_duo, empowerment_app):
    # a shared link opens the same view: events in Tilbury (Tilbury 6 + Chadwell 1 = 7)
    open_empowerment(
        dash_duo,
        empowerment_app,
        "?period=2024-25&area=tilbury-and-chadwell-st-mary&measure=events",
    )
    dash_duo.wait_for_contains_text(
        "#empowerment-hub-clusters-summary", "recorded 7 events in Tilbury and Chadwell St Mary"
    )
    assert checked_measure(dash_duo) == "events"
    # choosing another measure writes it, keeping period and area
    click_measure(dash_duo, "advice_sessions")
    wait_for(lambda: "measure=advice_sessions" in dash_duo.driver.current_url)
    url = dash_duo.driver.current_url
    assert "period=2024-25" in url and "area=tilbury-and-chadwell-st-mary" in url
    # Tilbury 1 + 2 + 0 + 3 and Chadwell 1 = 7 advice sessions
    dash_duo.wait_for_contains_text("#empowerment-hub-clusters-summary", "7 advice sessions")
    # the default is left out of the URL; back brings the advice view again
    click_measure(dash_duo, "attendances")
    wait_for(lambda: "measure=" not in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#empowerment-hub-clusters-summary", "155 attendances")
    dash_duo.driver.back()
    wait_for(lambda: "measure=advice_sessions" in dash_duo.driver.current_url)
    wait_for(lambda: checked_measure(dash_duo) == "advice_sessions")
    dash_duo.wait_for_contains_text("#empowerment-hub-clusters-summary", "7 advice sessions")
    # a global filter change keeps the measure
    Select(dash_duo.find_element("#filter-area")).select_by_value("grays")
    wait_for(lambda: "area=grays" in dash_duo.driver.current_url)
    assert "measure=advice_sessions" in dash_duo.driver.current_url
    # Acorns: 1 advice session in Grays
    dash_duo.wait_for_contains_text(
        "#empowerment-hub-clusters-summary", "1 advice sessions in Grays"
    )
    # nonsense in the URL falls back to the default, never an error
    dash_duo.wait_for_page(
        url=dash_duo.server_url + "/empowerment?period=2024-25&area=borough&measure=%3Cx%3E"
    )
    dash_duo.wait_for_contains_text("#empowerment-hub-clusters-summary", "205 attendances")
    assert checked_measure(dash_duo) == "attendances"
    assert console_errors(dash_duo) == []
