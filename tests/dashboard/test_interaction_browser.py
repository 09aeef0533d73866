"""Filters live in the URL, back/forward works, the map opens clusters, bad URLs get a page."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.support.ui import Select

from tests.dashboard.conftest import console_errors, run_axe, screenshot

pytestmark = pytest.mark.browser


def wait_for(predicate, timeout: float = 10.0):
    end = time.time() + timeout
    while time.time() < end:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def open_page(dash_duo, app, path: str, ready: str):
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + path)
    dash_duo.wait_for_element(ready, timeout=15)


def headline(dash_duo, metric: str) -> str:
    return dash_duo.find_element(f"#headline-{metric} .headline-value").text


def test_filters_change_the_figures_and_the_url_and_back_restores(dash_duo, app):
    open_page(dash_duo, app, "/?period=2023-24&area=borough", "#headline-eng_participants_per_1000")
    # borough 2023/24: 3 participants, a count of 1-4 people, so the figure is suppressed
    assert headline(dash_duo, "eng_participants_per_1000") == "[c]"
    assert headline(dash_duo, "eng_feedback_published_share") == "66.7%"

    Select(dash_duo.find_element("#filter-area")).select_by_value("grays")
    wait_for(lambda: "area=grays" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#overview-context", "Grays (including Little Thurrock)")
    wait_for(lambda: headline(dash_duo, "eng_feedback_published_share") == "100.0%")

    Select(dash_duo.find_element("#filter-period")).select_by_value("2023-24-q2")
    wait_for(lambda: "period=2023-24-q2" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#overview-context", "2023/24 Q2")

    dash_duo.driver.back()
    wait_for(lambda: "period=2023-24&" in dash_duo.driver.current_url)
    wait_for(lambda: dash_duo.find_element("#filter-period").get_attribute("value") == "2023-24")
    dash_duo.wait_for_contains_text("#overview-context", "2023/24.")
    assert console_errors(dash_duo) == []


def test_a_link_reproduces_the_view(dash_duo, app):
    open_page(
        dash_duo, app, "/?period=2023-24-q1&area=aveley", "#headline-eng_participants_per_1000"
    )
    assert dash_duo.find_element("#filter-period").get_attribute("value") == "2023-24-q1"
    assert dash_duo.find_element("#filter-area").get_attribute("value") == "aveley"
    dash_duo.wait_for_contains_text("#overview-context", "Aveley, 2023/24 Q1")


def test_copy_link_button_reports_the_link(dash_duo, app):
    open_page(dash_duo, app, "/?period=2023-24&area=borough", "#headline-eng_participants_per_1000")
    dash_duo.find_element("#copy-link").click()
    dash_duo.wait_for_contains_text("#copy-link-status", "period=2023-24")


def test_map_click_opens_the_cluster_page(dash_duo, app):
    open_page(
        dash_duo, app, "/?period=2023-24&area=borough", "#overview-map-block-graph .js-plotly-plot"
    )
    click = (
        "const gd = document.querySelector('#overview-map-block-graph .js-plotly-plot');"
        "if (gd && gd.data) { const i = gd.data[0].locations.indexOf('aveley');"
        "gd.emit('plotly_click', {points: [{curveNumber: 0, pointNumber: i, "
        "customdata: gd.data[0].customdata[i]}]}); }"
    )

    def clicked() -> bool:  # the graph binds its handlers a moment after it is drawn
        if "/cluster/aveley" not in dash_duo.driver.current_url:
            dash_duo.driver.execute_script(click)
            return False
        return True

    wait_for(clicked)
    dash_duo.wait_for_contains_text("#cluster-body h1", "Aveley")


def test_map_table_links_to_clusters(dash_duo, app):
    open_page(dash_duo, app, "/?period=2023-24&area=borough", "#overview-map-table")
    link = dash_duo.find_element("#overview-map-table a[href^='/cluster/grays']")
    dash_duo.driver.execute_script("arguments[0].click();", link)
    dash_duo.wait_for_contains_text("#cluster-body h1", "Grays")
    assert dash_duo.find_element("#filter-area").get_attribute("value") == "grays"


def test_cluster_page_shows_no_hub_honestly_and_area_filter_moves_cluster(dash_duo, app):
    open_page(dash_duo, app, "/cluster/aveley?period=2023-24&area=aveley", "#cluster-table")
    dash_duo.wait_for_contains_text(".cluster-profile", "There is no community hub")
    Select(dash_duo.find_element("#filter-area")).select_by_value("grays")
    wait_for(lambda: "/cluster/grays" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text("#cluster-body h1", "Grays")
    dash_duo.wait_for_contains_text(".cluster-profile", "Acorns Community Hub")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/cluster/atlantis", "There is no neighbourhood cluster called 'atlantis'"),
        ("/metric/no_such_metric", "There is no measure with the id 'no_such_metric'"),
        ("/?period=1999-00", "There are no figures for the period '1999/00'"),
    ],
)
def test_bad_urls_get_a_friendly_page(dash_duo, app, path, message):
    open_page(dash_duo, app, path, ".state-notice")
    dash_duo.wait_for_contains_text(".state-notice", message)
    assert "Traceback" not in dash_duo.driver.page_source
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []


def test_no_warehouse_yet_says_what_to_do(dash_duo, app, warehouse_at, tmp_path):
    warehouse_at(tmp_path / "missing.duckdb")
    open_page(dash_duo, app, "/", ".state-notice")
    dash_duo.wait_for_contains_text(".state-notice", "make run")
    assert "No warehouse has been built yet" in dash_duo.find_element("#data-as-of").text
    screenshot(dash_duo, "no-warehouse")
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
