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

from pathlib import Path

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
    # Ties: within a rate the k-th of n people of a sex (in pseudonymised id order) is placed
    # at (k - 0.5) / n; a man and a woman at the same position are ordered by pseudonymised id
    # (sha256("ccm-demo-key-not-secret:" + id), first 20 hex digits), never women first:
    #   F1 bbab..., M1 abde..., F2 962e..., M2 09e6..., F3 de3f..., M3 eba1...
    # 10.00: F1 and M1 both at 0.5 -> M1 (abde) before F1 (bbab).
    # 12.00: women F2 (962e) 0.25, F3 (de3f) 0.75; men M2 (09e6) 0.25, M3 (eba1) 0.75
    #   -> M2, F2 (0.25: 09e6 < 962e), then F3, M3 (0.75: de3f < eba1).
    # Ranked: M1, F1, M2 | F2, F3, M3 | F4, M4, M7 | F5, M5. The 12.00 tie (2 men, 2 women)
    # straddles the Lower / LowerMiddle boundary: one man of it goes below, and the other
    # man and both women above, as near the tie's 1:1 as one place allows.
    # Lower = M1, F1, M2 -> 2 men of 3
    "MaleLowerQuartile": 200 / 3,
    "FemaleLowerQuartile": 100 / 3,
    # LowerMiddle = F2, F3, M3 -> 1 man of 3
    "MaleLowerMiddleQuartile": 100 / 3,
    "FemaleLowerMiddleQuartile": 200 / 3,
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
        ("Lower", 3, 2, 1, 10.0, 12.0),  # M1, F1, M2: the tie at 12.00 starts here
        ("LowerMiddle", 3, 1, 2, 12.0, 12.0),  # F2, F3, M3: the rest of the tie
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


QUARTILES_SQL = (
    Path(__file__).resolve().parents[2] / "etl/models/marts/mart_equality__pay_quartiles.sql"
).read_text(encoding="utf-8")


def _bands(people: list[tuple[str, str, float]]) -> list[tuple[str, ...]]:
    """Run the quartile model on (id, sex, hourly pay) full-pay staff: the ids in each band."""
    con = duckdb.connect()
    con.execute(
        "create table core_workforce (snapshot_on date, employee_id varchar, sex varchar, "
        "hourly_pay_gbp double, is_full_pay_relevant boolean)"
    )
    con.executemany(
        "insert into core_workforce values ('2025-03-31', ?, ?, ?, true)",
        [list(p) for p in people],
    )
    con.execute(f"create table q as {QUARTILES_SQL}")
    counts = con.execute("select n_male, n_female from q order by quartile").fetchall()
    con.close()
    return counts


def test_a_tie_at_a_boundary_is_not_ordered_women_first() -> None:
    # two people on one rate -> bands of 1 and 1 (Lower, LowerMiddle). They sit at the same
    # position (each the only one of their sex on the rate), so the lower id goes first,
    # whichever sex it is: the old rule put the woman in the lower band both times.
    assert _bands([("a", "Male", 10.0), ("b", "Female", 10.0)]) == [(1, 0), (0, 1)]
    assert _bands([("a", "Female", 10.0), ("b", "Male", 10.0)]) == [(0, 1), (1, 0)]


def test_a_tie_is_spread_in_proportion_across_the_boundaries() -> None:
    # 6 women and 2 men on one rate -> 4 bands of 2. Positions: women (k - 0.5) / 6 =
    # 1/12, 3/12, 5/12, 7/12, 9/12, 11/12; men (k - 0.5) / 2 = 3/12, 9/12. Equal positions
    # go by id ("m*" < "w*"): w1, m1, w2, w3, w4, m2, w5, w6 -> men 1, 0, 1, 0 by band; one
    # man in each half of the tie, as 2 of 8 spread evenly. (Women first at 3/12 and 9/12
    # would give 0, 1, 0, 1: every man pushed up a band.)
    people = [(f"w{i}", "Female", 12.0) for i in range(1, 7)]
    people += [("m1", "Male", 12.0), ("m2", "Male", 12.0)]
    assert _bands(people) == [(1, 1), (0, 2), (1, 1), (0, 2)]
    # 4 men and 4 women on one rate: each band of 2 gets one of each, whatever the ids
    even = [(f"{s[0]}{i}", s, 9.0) for s in ("Male", "Female") for i in range(4)]
    assert _bands(even) == [(1, 1)] * 4
