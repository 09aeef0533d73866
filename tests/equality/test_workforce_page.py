"""The Equality page's workforce blocks as components, on the equality fixture (31 March 2025;
figures hand-computed in test_gender_pay_gap.py and test_pay_gaps.py): the pay gap trend's
table lists every point the chart draws, the bonus and quartile figures are shown (and
withheld on small groups), the method notes, and the workforce view kept in the link."""

from __future__ import annotations

import math

import pytest

from dashboard.callbacks import equality as cb
from dashboard.reports import equality_report
from tests.components import find as _find
from tests.components import rows as _rows


def test_the_trend_table_lists_every_point_of_the_chart(configured) -> None:
    block = cb.pay_gaps_block(2025)
    figure = _find(block, "equality-gap-trend-graph").figure
    rows = _rows(_find(block, "equality-gap-trend-table"))
    drawn = {}
    for trace in figure.data:
        series, stat = trace.name.split(":")[0].rsplit(" ", 1)
        for x, y in zip(trace.x, trace.y, strict=True):
            drawn[(series, x, stat)] = "[c]" if math.isnan(y) else f"{y:.1f}%"
    listed = {}
    for r in rows:
        series = r[0].split(":")[0]
        listed[(series, r[1], "median")] = r[2]
        listed[(series, r[1], "mean")] = r[3]
    assert listed == drawn
    # 3 series x 2 snapshots, gender included. 2025 medians: gender (16 - 12) / 16 = 25 %,
    # ethnicity (20 - 12) / 20 = 40 %, disability (17 - 12) / 17 = 29.4 %; the means are the
    # hand-computed figures of test_gender_pay_gap.py (86 / 530 = 16.2 %) and the pay gaps
    # table (ethnicity 52.2 / 146 = 35.8 %)
    assert len(rows) == 6
    assert rows[1][:3] == ["Gender: Women vs Men", "31 Mar 2025", "25.0%"]
    assert rows[3][:3] == [
        "Ethnicity: All ethnic minorities vs White British",
        "31 Mar 2025",
        "40.0%",
    ]
    assert rows[5][:3] == ["Disability: Disabled vs Not disabled", "31 Mar 2025", "29.4%"]
    assert rows[1][3] == f"{100 * 86 / 530:.1f}%"
    assert rows[3][3] == f"{100 * 52.2 / 146:.1f}%"


def test_bonus_and_quartile_measures_are_on_the_page_and_withheld_on_small_groups(
    configured,
) -> None:
    block = cb.pay_gaps_block(2025)
    gaps = _rows(_find(block, "equality-pay-gaps-table"))
    headline = {r[0]: r for r in gaps if "All ethnic minorities" in r[1] or "Disabled" in r[1]}
    # hourly gaps published (35.8 %, 25.4 %), bonus figures rest on 1 to 4 people paid
    assert headline["Ethnicity"][3] == f"{100 * 52.2 / 146:.1f}%"
    assert headline["Disability"][3] == f"{100 * 4.7 / 18.5:.1f}%"
    for row in headline.values():
        assert row[5:9] == ["[c]"] * 4
    quartiles = _rows(_find(block, "equality-group-quartiles-table"))
    assert len(quartiles) == 2 * 15  # 5 bands (Total included) x 3 groups, two dimensions
    totals = [r for r in quartiles if r[1] == "All quartiles"]
    assert [r[2:] for r in totals[:3]] == [
        ["White British", "7", f"{700 / 12:.1f}%"],
        ["All ethnic minorities", "5", f"{500 / 12:.1f}%"],
        ["Total", "12", "100.0%"],
    ]
    assert all(r[3] == "[c]" for r in quartiles if r[1] != "All quartiles")


def test_method_notes_on_the_page_are_the_reports(configured) -> None:
    notes = equality_report.notes(2025)
    text = dict(zip(notes["topic"], notes["note"], strict=True))
    assert "HR supplies" in text["Hourly pay"]
    assert "does not work the hourly rate out" in text["Hourly pay"]
    assert "start + starters - leavers = staff at the end" in text["Across tables"]
    assert "pseudonymised employee id" in text["Quartiles"]
    page = str(cb.method_notes(2025, "2024/25"))
    for note in text.values():
        assert note in page


NO = cb.dash.no_update


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        # the controls show sex by grade band; a control already in step is left alone
        ("?period=2024-25&characteristic=disability&breakdown=grade-band", ("disability", NO)),
        ("?period=2024-25&breakdown=directorate", ("ethnic_group", "Directorate")),
        ("?characteristic=nonsense&breakdown=nonsense", ("ethnic_group", "All staff")),
    ],
)
def test_a_link_sets_the_workforce_controls(monkeypatch, search, expected) -> None:
    monkeypatch.setattr(cb, "ctx", type("C", (), {"triggered_id": cb.WORKFORCE_URL}))
    url, *controls = cb.workforce_state(search, "sex", "Grade band")
    assert url is NO
    assert tuple(controls) == expected


def test_a_control_change_writes_the_link_and_keeps_the_filters(monkeypatch) -> None:
    monkeypatch.setattr(cb, "ctx", type("C", (), {"triggered_id": "equality-breakdown"}))
    url, *_ = cb.workforce_state("?period=2024-25&area=grays", "disability", "Grade band")
    assert url == "?period=2024-25&area=grays&characteristic=disability&breakdown=grade-band"
    # back to the defaults: the keys go, the filters stay
    url, *_ = cb.workforce_state(url, "ethnic_group", "All staff")
    assert url == "?period=2024-25&area=grays"
    # already in step: nothing written
    url, *_ = cb.workforce_state("?breakdown=directorate", "ethnic_group", "Directorate")
    assert url is NO
