"""Engagement page in the browser: filters, the project explorer, the Places map, escaped
resident text and an axe-core scan (fixture: tests/fixtures/engagement)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    StaleElementReferenceException,
)
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from tests.dashboard.conftest import console_errors, run_axe, screenshot
from tests.dashboard.test_interaction_browser import wait_for as _wait_for


def wait_for(predicate, timeout: float = 10.0):
    """Retry while Dash re-renders the element under the predicate (stale references)."""

    def safe():
        try:
            return predicate()
        except StaleElementReferenceException:
            return False

    return _wait_for(safe, timeout)


pytestmark = pytest.mark.browser


@pytest.fixture
def engagement_app(app, warehouse_at, engagement_db):
    warehouse_at(engagement_db)
    return app


def open_engagement(dash_duo, app, query: str) -> None:
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/engagement" + query)
    dash_duo.wait_for_element("#engagement-reach-headline", timeout=15)


def test_engagement_page_follows_the_filters_and_passes_axe(dash_duo, engagement_app):
    open_engagement(dash_duo, engagement_app, "?period=2023-24&area=borough")
    dash_duo.wait_for_contains_text(
        "#engagement-reach-headline", "11 residents took part across the borough in 2023/24"
    )
    dash_duo.wait_for_element("#engagement-reach-map-graph .js-plotly-plot")
    dash_duo.wait_for_element("#engagement-funnel-chart-graph .js-plotly-plot")
    assert "420 visitors" in dash_duo.find_element("#engagement-funnel-chart-summary").text
    # aveley (1 person) and grays (revealing it) are [c] in the reach table
    table = dash_duo.find_element("#engagement-reach-table").get_attribute("textContent")
    assert "[c]" in table
    violations = run_axe(dash_duo)
    assert violations == [], violations
    screenshot(dash_duo, "engagement-borough")

    Select(dash_duo.find_element("#filter-period")).select_by_value("2023-24-q4")
    wait_for(lambda: "period=2023-24-q4" in dash_duo.driver.current_url)
    Select(dash_duo.find_element("#filter-area")).select_by_value("grays")
    wait_for(lambda: "area=grays" in dash_duo.driver.current_url)
    dash_duo.wait_for_contains_text(
        "#engagement-reach-headline", "8 residents took part in Grays (including Little Thurrock)"
    )
    dash_duo.wait_for_contains_text("#engagement-funnel-chart-summary", "250 visitors")
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "1 project(s) shown")
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []


def click(dash_duo, selector: str) -> None:
    """Scroll the element to the middle of the window first, instantly (Bootstrap makes scrolling
    smooth, and a click mid-scroll lands on whatever is passing): at the window's edge a click can
    land on the sticky header or footer instead."""

    def attempt():
        element = dash_duo.find_element(selector)
        dash_duo.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )
        try:
            element.click()
        except ElementClickInterceptedException:
            return False  # a re-render or smooth scroll was still under way: try again
        return True

    wait_for(attempt)


def test_project_explorer_filters_sorts_and_opens_a_project(dash_duo, engagement_app):
    open_engagement(dash_duo, engagement_app, "?period=2023-24&area=borough")
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "6 project(s) shown")
    Select(dash_duo.find_element("#engagement-explorer-status")).select_by_value("feedback overdue")
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "2 project(s) shown")
    wait_for(lambda: "status=feedback+overdue" in dash_duo.driver.current_url)
    Select(dash_duo.find_element("#engagement-explorer-status")).select_by_value("all")
    wait_for(lambda: "status=" not in dash_duo.driver.current_url)
    Select(dash_duo.find_element("#engagement-explorer-sort")).select_by_value("contributions")
    wait_for(
        lambda: (
            dash_duo.find_element("#engagement-explorer-table tbody tr th").text
            == "Grays town centre plan"
        )
    )
    wait_for(lambda: "sort=contributions" in dash_duo.driver.current_url)
    # the global filters stay in the link beside the explorer's own state
    assert "period=2023-24&area=borough" in dash_duo.driver.current_url
    search = dash_duo.find_element("#engagement-explorer-search")
    search.send_keys("skate", Keys.ENTER)
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "1 project(s) shown")
    wait_for(lambda: "q=skate" in dash_duo.driver.current_url)
    click(dash_duo, "#engagement-explorer-table tbody a")
    dash_duo.wait_for_text_to_equal("#engagement-project-title", "Stanford skate park")
    assert "feedback overdue" in dash_duo.find_element("#engagement-project-facts").text
    assert "period=2023-24" in dash_duo.driver.current_url
    assert "q=skate" in dash_duo.driver.current_url and "sort=contributions" in (
        dash_duo.driver.current_url
    )
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
    # back to the explorer as it was left: the search and sort come back with it
    click(dash_duo, "#engagement-project-back")
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "1 project(s) shown")
    assert dash_duo.find_element("#engagement-explorer-search").get_attribute("value") == "skate"
    sort = Select(dash_duo.find_element("#engagement-explorer-sort"))
    assert sort.first_selected_option.get_attribute("value") == "contributions"


def test_a_shared_link_reopens_the_same_explorer_list(dash_duo, engagement_app):
    open_engagement(
        dash_duo,
        engagement_app,
        "?period=2023-24&area=borough&kind=participatory_budgeting&sort=title&q=chest",
    )
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "1 project(s) shown")
    assert (
        dash_duo.find_element("#engagement-explorer-table tbody tr th").text
        == "Chafford community chest"
    )
    assert dash_duo.find_element("#engagement-explorer-search").get_attribute("value") == "chest"
    kind = Select(dash_duo.find_element("#engagement-explorer-kind"))
    assert kind.first_selected_option.get_attribute("value") == "participatory_budgeting"
    # clearing the search widens the list to both budgeting projects, sorted by title
    search = dash_duo.find_element("#engagement-explorer-search")
    search.clear()
    search.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "2 project(s) shown")
    wait_for(lambda: "q=" not in dash_duo.driver.current_url)
    titles = [th.text for th in dash_duo.find_elements("#engagement-explorer-table tbody tr th")]
    assert titles == ["Borough community budget", "Chafford community chest"]
    # back restores the searched list
    dash_duo.driver.back()
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "1 project(s) shown")
    wait_for(
        lambda: (
            dash_duo.find_element("#engagement-explorer-search").get_attribute("value") == "chest"
        )
    )
    # nonsense in the URL falls back to the defaults, never an error
    dash_duo.wait_for_page(
        url=dash_duo.server_url + "/engagement?period=2023-24&kind=%3Cscript%3E&sort=zzz"
    )
    dash_duo.wait_for_contains_text("#engagement-explorer-count", "6 project(s) shown")
    assert console_errors(dash_duo) == []


def test_resident_free_text_renders_as_text(dash_duo, engagement_app):
    dash_duo.start_server(engagement_app)
    dash_duo.wait_for_page(
        url=dash_duo.server_url + "/engagement/project/P4?period=2023-24-q4&area=grays"
    )
    dash_duo.wait_for_element("#engagement-project-comments", timeout=15)
    text = dash_duo.find_element("#engagement-project-comments").text
    assert "<img src=x onerror=alert(1)> More benches" in text
    assert "[click me](javascript:alert(1)) **bold**" in text
    assert '<b>Pothole</b> & "broken" light' in text
    comments = "#engagement-project-comments"
    assert dash_duo.driver.find_elements("css selector", f"{comments} img") == []
    assert dash_duo.driver.find_elements("css selector", f"{comments} a") == []
    assert dash_duo.driver.find_elements("css selector", f"{comments} b") == []
    assert dash_duo.driver.find_elements("css selector", f"{comments} strong") == []
    assert run_axe(dash_duo) == []
    screenshot(dash_duo, "engagement-project")
    # P1 carries a <script> payload (C2, from the tiny extracts): text, never a script element
    dash_duo.wait_for_page(
        url=dash_duo.server_url + "/engagement/project/P1?period=2023-24&area=borough"
    )
    dash_duo.wait_for_text_to_equal("#engagement-project-title", "Grays riverside path")
    text = dash_duo.find_element("#engagement-project-comments").text
    assert "<script>alert(1)</script>" in text
    assert dash_duo.driver.find_elements("css selector", f"{comments} script") == []
    assert console_errors(dash_duo) == []


def test_places_map_draws_the_pins_offline_with_escaped_hover(dash_duo, engagement_app):
    open_engagement(dash_duo, engagement_app, "?period=2023-24-q4&area=grays")
    dash_duo.wait_for_element("#engagement-pins-graph .js-plotly-plot", timeout=15)
    hover = dash_duo.driver.execute_script(
        "const gd = document.querySelector('#engagement-pins-graph .js-plotly-plot');"
        "return gd.data.slice(1).map(t => t.customdata.map(c => c[1]).join('|')).join('|');"
    )
    assert "&lt;b&gt;Pothole&lt;/b&gt;" in hover and "<b>" not in hover
    assert "Pothole" in dash_duo.find_element("#engagement-pins-table").get_attribute("textContent")
    dash_duo.driver.execute_script(
        "document.querySelector('#engagement-pin-colour input[value=\"tool\"]').click()"
    )
    dash_duo.wait_for_contains_text("#engagement-pins-summary", "coloured by engagement tool")
    assert dash_duo.driver.find_elements("css selector", "img[src='x']") == []
    assert console_errors(dash_duo) == []


def test_selecting_a_cluster_on_the_reach_map_shows_it(dash_duo, engagement_app):
    open_engagement(dash_duo, engagement_app, "?period=2023-24&area=borough")
    dash_duo.wait_for_element("#engagement-reach-map-graph .js-plotly-plot", timeout=15)
    click = (
        "const gd = document.querySelector('#engagement-reach-map-graph .js-plotly-plot');"
        "if (gd && gd.data) { const i = gd.data[0].locations.indexOf('aveley');"
        "gd.emit('plotly_click', {points: [{curveNumber: 0, pointNumber: i, "
        "customdata: gd.data[0].customdata[i]}]}); }"
    )

    def clicked() -> bool:
        dash_duo.driver.execute_script(click)
        return "area=aveley" in dash_duo.driver.current_url

    wait_for(clicked)
    assert "/engagement?period=2023-24" in dash_duo.driver.current_url
    # the click on the Aveley cluster outline chooses it in the filter
    dash_duo.wait_for_contains_text("#engagement-reach-headline", "in Aveley in 2023/24")
    assert dash_duo.find_element("#filter-area").get_attribute("value") == "aveley"
