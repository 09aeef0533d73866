"""The report page in a real browser: tables, notes, the unknown-year notice, print styles,
axe-core and console errors."""

from __future__ import annotations

import time

import pytest

from dashboard.callbacks import equality_report as cb
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


def _display(dash_duo, selector: str) -> str:
    return dash_duo.driver.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0])).display;", selector
    )


def test_report_page_shows_every_table_and_prints_cleanly(dash_duo, app, warehouse_at, equality_db):
    warehouse_at(equality_db)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/equality-report/2025")
    dash_duo.wait_for_element("#equality-report-gender_pay_gap-table", timeout=15)
    dash_duo.wait_for_contains_text("#equality-report-heading", "2024/25")
    gpg = dash_duo.find_element("#equality-report-gender_pay_gap-table").text
    # hand-computed in test_gender_pay_gap.py: 86/530 = 16.2 %, median 25.0 %
    assert "DiffMeanHourlyPercent 16.2" in gpg
    assert "DiffMedianHourlyPercent 25.0" in gpg
    assert "MaleBonusPercent [c]" in gpg
    for name in (
        "pay_quartiles",
        "pay_gaps",
        "group_pay_quartiles",
        "representation-sex",
        "disclosure",
        "turnover-sex",
    ):
        assert dash_duo.find_element(f"#equality-report-{name}-table")
    gaps = dash_duo.find_element("#equality-report-pay_gaps-table").text
    assert "mean_bonus_gap_percent" in gaps and "comparison_bonus_percent" in gaps
    # the ethnicity quartile totals: 7 White British and 5 ethnic minority staff of 12
    quartiles = dash_duo.find_element("#equality-report-group_pay_quartiles-table").text
    assert "ethnicity Total White British 7 58.3" in quartiles
    notes = dash_duo.find_element("#equality-report-notes").text
    assert "31 March 2025" in notes and "1 to 4" in notes
    assert "HR supplies" in notes and "start + starters - leavers" in notes
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
    screenshot(dash_duo, "equality-report-2025")

    # print: navigation, filters and buttons hidden; rows never split
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert _display(dash_duo, ".filter-bar") == "none"
        assert _display(dash_duo, ".main-nav") == "none"
        assert _display(dash_duo, "#equality-report-print") == "none"
        break_inside = dash_duo.driver.execute_script(
            "return getComputedStyle(document.querySelector('.data-table tr')).breakInside;"
        )
        assert break_inside == "avoid"
        # the column definitions sit in a closed <details> on screen, and print open
        assert dash_duo.driver.execute_script(
            "const d = document.querySelector('.report-columns');"
            "return !d.open && d.querySelector('dl').checkVisibility();"
        )
        screenshot(dash_duo, "equality-report-2025-print")
    finally:
        dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_unknown_year_gets_a_friendly_notice(dash_duo, app, warehouse_at, equality_db):
    warehouse_at(equality_db)
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + "/equality-report/1999")
    dash_duo.wait_for_contains_text(".state-notice", "No report for that year", timeout=15)
    assert "2024, 2025" in dash_duo.find_element(".state-notice").text
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
    screenshot(dash_duo, "equality-report-unknown-year")


def test_downloads_are_protected_files(configured, monkeypatch) -> None:

    monkeypatch.setattr(cb, "ctx", type("C", (), {"triggered_id": "equality-report-xlsx"}))
    sent = cb.download([None], 1, None, "2025")
    assert sent["filename"] == "workforce-equality-report-2025.xlsx"
    assert sent["base64"] is True
    monkeypatch.setattr(
        cb, "ctx", type("C", (), {"triggered_id": {"type": "x", "name": "gender_pay_gap"}})
    )
    sent = cb.download([1], None, None, "2025")
    assert sent["filename"] == "gender_pay_gap-2025.csv"
    assert sent["content"].splitlines()[:3] == [
        "measure,value",
        "DiffMeanHourlyPercent,16.2",
        "DiffMedianHourlyPercent,25.0",
    ]


def test_render_refuses_a_non_year_without_touching_the_warehouse() -> None:
    text = str(cb.render("not-a-year"))
    assert "No report for that year" in text and "not a year" in text
