"""The Equality page's workforce section in the browser, on the equality fixture (snapshot
31 March 2025 = financial year 2024/25; figures hand-computed in test_gender_pay_gap.py)."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import Select

from tests.dashboard.conftest import console_errors, run_axe, screenshot
from tests.dashboard.test_engagement_browser import wait_for

pytestmark = pytest.mark.browser


def test_workforce_section_shows_protected_pay_gaps_and_follows_its_controls(
    dash_duo, app, warehouse_at, equality_db
):
    warehouse_at(equality_db)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/equality?period=2024-25&area=borough")
    dash_duo.wait_for_element("#equality-quartiles-graph .js-plotly-plot", timeout=15)
    summary = dash_duo.find_element("#equality-quartiles-summary").text
    # mean gap 86/530 = 16.2%, median (16 - 12) / 16 = 25.0%; bonus shares rest on 2-3 people
    assert "mean hourly pay was 16.2% lower" in summary
    assert "median 25.0% lower" in summary
    assert "[c] of men and [c] of women were paid a bonus" in summary
    table = dash_duo.find_element("#equality-gpg-table").get_attribute("textContent")
    assert "DiffMeanHourlyPercent16.2%" in table.replace(" ", "")
    link = dash_duo.find_element("#equality-workforce-body a[href='/equality-report/2025']")
    assert "2024/25" in link.text

    Select(dash_duo.find_element("#equality-characteristic")).select_by_value("disability")
    dash_duo.wait_for_contains_text("#equality-representation-title", "Staff by disability")
    dash_duo.driver.execute_script(
        "document.querySelector('#equality-breakdown input[value=\"Grade band\"]').click()"
    )
    dash_duo.wait_for_contains_text("#equality-representation-title", "grade band")
    wait_for(
        lambda: (
            "Band 1"
            in dash_duo.find_element("#equality-representation-table").get_attribute("textContent")
        )
    )
    assert "Starters" in dash_duo.find_element("#equality-turnover-table").text
    assert run_axe(dash_duo) == []
    screenshot(dash_duo, "equality-workforce")
    assert console_errors(dash_duo) == []


def test_a_year_without_a_snapshot_says_so(configured):
    from dashboard.callbacks.equality import workforce_detail, workforce_section
    from dashboard.states import View

    # the fixture holds the snapshots of 31 March 2024 and 2025 only
    view = View("2022/23", "fy", "borough", "Thurrock (whole borough)")
    assert "There is no workforce snapshot for 31 March 2023" in str(workforce_section(view))
    shown = str(workforce_section(View("2024/25 Q2", "quarter", "grays", "Grays")))
    assert "31 March 2025" in shown and "area filter does not apply" in shown
    assert "no workforce snapshot" not in shown
    assert workforce_detail("2023-24", "borough", "nonsense", "nonsense") != []
