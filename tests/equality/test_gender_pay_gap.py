"""The six statutory gender pay gap measures against hand-computed values.

Fixture: tests/fixtures/equality/workforce/workforce_snapshot_2025-03-31.csv (15 staff).
Full-pay relevant men and women, ranked by hourly pay (F = woman, M = man):
    F1 10, M1 10, F2 12, M2 12, F3 12 (part-time, fte 0.5), M3 12, F4 15, M4 20, M7 22,
    F5 25, M5 30                                   -> 11 people (6 men, 5 women)
Not in the hourly figures: F6 (5.00) and M6 (8.00) are not on full pay; P1 ("Prefer not to
say", 18.00) and P2 (sex blank, 40.00) are not recorded as male or female.
Bonuses in the 12 months (all relevant employees, full pay or not):
    men   M3 500, M5 1000, M6 300 (not on full pay) -> 3 of 7 men
    women F4 200, F6 100 (not on full pay)          -> 2 of 6 women
    P1's 50 is outside (sex not recorded); everyone else had no bonus.
"""

from __future__ import annotations

import duckdb
import pytest

EXPECTED_2025 = {
    # men: (10 + 12 + 12 + 20 + 22 + 30) / 6 = 106 / 6 = 17.6667; women: 74 / 5 = 14.8
    # (17.6667 - 14.8) / 17.6667 = 1 - (74/5)(6/106) = 1 - 444/530 = 86/530 = 16.2264 %
    "DiffMeanHourlyPercent": 100 * 86 / 530,
    # men's median (6 people) = (12 + 20) / 2 = 16; women's (5) = 12; (16 - 12) / 16 = 25 %
    "DiffMedianHourlyPercent": 25.0,
    # bonus means: men (500 + 1000 + 300) / 3 = 600; women (200 + 100) / 2 = 150
    # (600 - 150) / 600 = 75 %
    "DiffMeanBonusPercent": 75.0,
    # bonus medians: men 500; women (100 + 200) / 2 = 150; (500 - 150) / 500 = 70 %
    "DiffMedianBonusPercent": 70.0,
    "MaleBonusPercent": 100 * 3 / 7,  # 42.857 %
    "FemaleBonusPercent": 100 * 2 / 6,  # 33.333 %
    # 11 people -> bands of 3, 3, 3, 2 (the remainder of 3 to the lowest bands).
    # The four on 12.00 (F2, F3, M2, M3) straddle the Lower/LowerMiddle boundary; placed at
    # (k - 0.5) / n within their sex (F2 .25, F3 .75, M2 .25, M3 .75) they rank F2, M2, F3, M3.
    # Lower = F1, M1, F2 -> 1 man of 3
    "MaleLowerQuartile": 100 / 3,
    "FemaleLowerQuartile": 200 / 3,
    # LowerMiddle = M2, F3, M3 -> 2 men of 3
    "MaleLowerMiddleQuartile": 200 / 3,
    "FemaleLowerMiddleQuartile": 100 / 3,
    # UpperMiddle = F4 15, M4 20, M7 22 -> 2 men of 3
    "MaleUpperMiddleQuartile": 200 / 3,
    "FemaleUpperMiddleQuartile": 100 / 3,
    # Top = F5 25, M5 30 -> 1 of 2 each
    "MaleTopQuartile": 50.0,
    "FemaleTopQuartile": 50.0,
}


@pytest.fixture
def con(equality_db):
    connection = duckdb.connect(str(equality_db), read_only=True)
    yield connection
    connection.close()


def test_statutory_figures_match_hand_computation(con) -> None:
    rows = con.execute(
        "select measure, value from mart_equality__gender_pay_gap where snapshot_year = 2025"
    ).fetchall()
    got = dict(rows)
    assert set(got) == set(EXPECTED_2025)
    for measure, expected in EXPECTED_2025.items():
        assert got[measure] == pytest.approx(expected, abs=1e-9), measure


def test_quartile_bands_spread_the_remainder_and_the_tie(con) -> None:
    rows = con.execute(
        "select quartile_name, n_in_band, n_male, n_female, min_hourly_pay_gbp, "
        "max_hourly_pay_gbp from mart_equality__pay_quartiles where snapshot_year = 2025 "
        "order by quartile"
    ).fetchall()
    assert rows == [
        ("Lower", 3, 1, 2, 10.0, 12.0),  # F1, M1, F2: the tie at 12.00 starts here
        ("LowerMiddle", 3, 2, 1, 12.0, 12.0),  # M2, F3, M3: the rest of the tie
        ("UpperMiddle", 3, 2, 1, 15.0, 22.0),
        ("Top", 2, 1, 1, 25.0, 30.0),
    ]


def test_published_figures_are_disclosure_controlled(configured) -> None:
    from dashboard.queries import equality

    frame = equality.gender_pay_gap(2025)
    shown = dict(zip(frame["measure"], frame["value"], strict=True))
    # the hourly gaps rest on 6 men and 5 women: published
    assert shown["DiffMeanHourlyPercent"] == pytest.approx(100 * 86 / 530)
    assert shown["DiffMedianHourlyPercent"] == pytest.approx(25.0)
    # bonuses rest on 3 men and 2 women, each quartile band on 1 to 2 of a sex: hidden
    hidden = set(frame.loc[frame["value_suppressed"], "measure"])
    assert hidden == set(EXPECTED_2025) - {"DiffMeanHourlyPercent", "DiffMedianHourlyPercent"}
