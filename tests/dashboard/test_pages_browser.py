"""Every page in a real browser: it renders, axe-core finds nothing serious, the console is
clean, and a 1366x768 screenshot is saved for a person to look at."""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import console_errors, run_axe, screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "overview": ("/?period=2023-24&area=borough", "#headline-eng_participants_per_1000"),
    "engagement": ("/engagement?period=2023-24&area=borough", "#engagement-reach-headline"),
    "empowerment": ("/empowerment?period=2023-24&area=borough", "#empowerment-tcca-headline"),
    "equality": ("/equality?period=2023-24&area=borough", "#equality-workforce-body p"),
    "cluster": ("/cluster/grays?period=2023-24&area=grays", "#cluster-table"),
    "metric": ("/metric/eng_participants_per_1000?period=2023-24&area=grays", "#metric-table"),
    "definitions": ("/metrics", "#definition-eng_participants_per_1000"),
    "accessibility": ("/accessibility", ".statement h1"),
    "not-found": ("/no-such-page", "h1"),
}


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_accessibly_without_console_errors(dash_duo, app, page):
    path, ready = PAGES[page]
    dash_duo.start_server(app)
    dash_duo.wait_for_page(url=dash_duo.server_url + path)
    dash_duo.wait_for_element(ready, timeout=15)
    assert dash_duo.driver.find_element("css selector", "html").get_attribute("lang") == "en-GB"
    assert dash_duo.find_element("#data-as-of").text.startswith("Data as of")
    screenshot(dash_duo, page)
    assert run_axe(dash_duo) == []
    assert console_errors(dash_duo) == []
