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


def _breakdown_checked(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "return document.querySelector('#equality-breakdown input:checked').value;"
    )


def test_a_shared_link_reopens_the_same_workforce_view(dash_duo, app, warehouse_at, equality_db):
    warehouse_at(equality_db)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(
        url=dash_duo.server_url
        + "/equality?period=2024-25&area=borough&characteristic=disability&breakdown=grade-band"
    )
    dash_duo.wait_for_contains_text(
        "#equality-representation-title", "Staff by disability, grade band", timeout=15
    )
    characteristic = Select(dash_duo.find_element("#equality-characteristic"))
    assert characteristic.first_selected_option.get_attribute("value") == "disability"
    assert _breakdown_checked(dash_duo) == "Grade band"
    # F1 and F2 are disabled staff in bands 1 and 2 (fixture): the grade-band rows are shown
    table = dash_duo.find_element("#equality-representation-table").get_attribute("textContent")
    assert "Band 1 (Scales 1-3)" in table and "Band 2 (Scales 4-6)" in table
    turnover = dash_duo.find_element("#equality-turnover-table caption").text
    assert "by disability" in turnover

    # a control change writes the link, keeping the period, area and the other control
    characteristic.select_by_value("sex")
    wait_for(lambda: "characteristic=sex" in dash_duo.driver.current_url)
    url = dash_duo.driver.current_url
    assert "period=2024-25" in url and "area=borough" in url and "breakdown=grade-band" in url
    dash_duo.wait_for_contains_text("#equality-representation-title", "Staff by sex, grade band")
    # back to the defaults: their keys leave the link
    characteristic.select_by_value("ethnic_group")
    dash_duo.driver.execute_script(
        "document.querySelector('#equality-breakdown input[value=\"All staff\"]').click()"
    )
    wait_for(
        lambda: (
            "characteristic" not in dash_duo.driver.current_url
            and "breakdown" not in dash_duo.driver.current_url
        )
    )
    dash_duo.wait_for_contains_text("#equality-representation-title", "ethnic group, all staff")
    # back restores the shared view's controls and content
    dash_duo.driver.back()
    dash_duo.driver.back()
    wait_for(lambda: "characteristic=sex" in dash_duo.driver.current_url)
    wait_for(lambda: _breakdown_checked(dash_duo) == "Grade band")
    dash_duo.wait_for_contains_text("#equality-representation-title", "Staff by sex, grade band")
    # nonsense in the link falls back to the defaults, never an error
    dash_duo.wait_for_page(
        url=dash_duo.server_url + "/equality?period=2024-25&characteristic=%3Cx%3E&breakdown=zz"
    )
    dash_duo.wait_for_contains_text(
        "#equality-representation-title", "ethnic group, all staff", timeout=15
    )
    assert _breakdown_checked(dash_duo) == "All staff"
