"""Ethnicity and disability pay gaps (2023 DBT guidance method), representation, disclosure,
turnover and where staff live: hand-computed on tests/fixtures/equality (2025 snapshot).

Full-pay relevant employees (13): F1 10, M1 10, F2 12, M2 12, F3 12, M3 12, F4 15, P1 18,
M4 20, M7 22, F5 25, M5 30, P2 40 (F6 and M6 are not on full pay).
"""

from __future__ import annotations

import duckdb
import pytest

from dashboard.queries import equality


@pytest.fixture
def con(equality_db):
    connection = duckdb.connect(str(equality_db), read_only=True)
    yield connection
    connection.close()


def _gap(con, dimension: str, group: str) -> tuple:
    return con.execute(
        "select n_reference, n_comparison, n_undisclosed, mean_gap_percent, median_gap_percent "
        "from mart_equality__pay_gaps where snapshot_year = 2025 and dimension = ? "
        "and comparison_group = ?",
        [dimension, group],
    ).fetchone()


def test_ethnicity_pay_gap(con) -> None:
    # White British: F1 10, F2 12, M3 12, M4 20, M7 22, M5 30, P2 40 -> n 7, mean 146/7,
    #   median 20. All ethnic minorities: M1 10 (Asian), M2 12 (Black), F3 12 (Asian),
    #   F4 15 (White Irish), P1 18 (Mixed) -> n 5, mean 67/5 = 13.4, median 12.
    # F5 "Prefer not to say" -> undisclosed (1), excluded from the gap.
    # mean gap = (146/7 - 13.4) / (146/7) = 1 - 93.8/146 = 52.2/146 = 35.7534 %
    # median gap = (20 - 12) / 20 = 40 %
    n_ref, n_cmp, n_und, mean_gap, median_gap = _gap(con, "ethnicity", "All ethnic minorities")
    assert (n_ref, n_cmp, n_und) == (7, 5, 1)
    assert mean_gap == pytest.approx(100 * 52.2 / 146)
    assert median_gap == pytest.approx(40.0)
    # by group: Asian M1 10, F3 12 -> mean 11; (146/7 - 11) / (146/7) = 1 - 77/146
    _, n_asian, _, asian_gap, _ = _gap(con, "ethnicity", "Asian, Asian British or Asian Welsh")
    assert n_asian == 2
    assert asian_gap == pytest.approx(100 * (1 - 77 / 146))


def test_disability_pay_gap(con) -> None:
    # Disabled: F1 10, F2 12, F3 12, F4 15, M4 20 -> n 5, mean 69/5 = 13.8, median 12.
    # Not disabled: M1 10, M2 12, M3 12, M7 22, F5 25, M5 30 -> n 6, mean 111/6 = 18.5,
    #   median (12 + 22) / 2 = 17. Undisclosed: P1 blank, P2 "Prefer not to say" -> 2.
    # mean gap = (18.5 - 13.8) / 18.5 = 25.4054 %; median gap = (17 - 12) / 17 = 29.4118 %
    n_ref, n_cmp, n_und, mean_gap, median_gap = _gap(con, "disability", "Disabled")
    assert (n_ref, n_cmp, n_und) == (6, 5, 2)
    assert mean_gap == pytest.approx(100 * 4.7 / 18.5)
    assert median_gap == pytest.approx(100 * 5 / 17)


def test_small_ethnic_groups_are_not_published(configured) -> None:
    frame = equality.pay_gaps(2025, "ethnicity")
    headline = frame[frame["is_headline"]].iloc[0]
    assert headline["mean_gap_percent"] == pytest.approx(100 * 52.2 / 146)
    groups = frame[~frame["is_headline"]]
    # Asian 2, Black 1, Mixed 1, White Irish 1: every group is 1 to 4 people
    assert groups["mean_gap_percent_suppressed"].all()
    assert groups["n_comparison"].isna().all()
    assert frame["n_undisclosed_suppressed"].all()  # 1 undisclosed


def test_representation_and_census_comparator(con) -> None:
    # women 6 of 13 who disclosed their sex (P1 "Prefer not to say", P2 blank are not)
    # Census 2021 16+: women 70,484 of 136,362 -> 51.6889 %; ratio = (6/13) / 0.516889
    row = con.execute(
        "select n_staff, share_of_disclosed_percent, census_percent, representation_ratio "
        "from mart_equality__representation where snapshot_year = 2025 "
        "and breakdown = 'All staff' and characteristic = 'sex' and category = 'Female'"
    ).fetchone()
    assert row[0] == 6
    assert row[1] == pytest.approx(600 / 13)
    assert row[2] == pytest.approx(100 * 70484 / 136362)
    assert row[3] == pytest.approx((600 / 13) / (100 * 70484 / 136362))
    # 65+: census 65-74 (13,533) + 75+ (10,318) of 136,362 (7 age bands)
    census_65 = con.execute(
        "select census_percent from mart_equality__representation where snapshot_year = 2025 "
        "and breakdown = 'All staff' and characteristic = 'age_band' and category = '65+'"
    ).fetchone()[0]
    assert census_65 == pytest.approx(100 * (13533 + 10318) / 136362)


def test_disclosure_trend(con) -> None:
    # sexual orientation: 2024 snapshot 14 staff, 11 disclosed (F5, M7, P2 not yet there;
    # M6 blank, F4 and P1 "Prefer not to say"); 2025: 15 staff, 10 disclosed
    # (F4, P1 prefer not; M6, F5, P2 blank) -> 78.571 % then 66.667 %, change -11.905 points
    rows = con.execute(
        "select snapshot_year, n_staff, n_disclosed, disclosure_rate_percent, "
        "change_on_previous_points from mart_equality__disclosure "
        "where characteristic = 'sexual_orientation' order by snapshot_year"
    ).fetchall()
    assert [r[:3] for r in rows] == [(2024, 14, 11), (2025, 15, 10)]
    assert rows[0][3] == pytest.approx(1100 / 14)
    assert rows[1][3] == pytest.approx(1000 / 15)
    assert rows[1][4] == pytest.approx(1000 / 15 - 1100 / 14)


def test_turnover(con) -> None:
    # FY 2024/25: start (31 March 2024) 14 staff incl. leavers L1 (man) and L2 (woman);
    # end 15; starters F5, M7, P2; leavers L1, L2 and L3 (joined and left in the year:
    # "Not known"). E7 left in 2023/24 (no earlier snapshot).
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select category, n_start, n_end, n_starters, n_leavers, turnover_percent "
            "from mart_equality__turnover where snapshot_year = 2025 "
            "and characteristic in ('sex', 'all_staff')"
        ).fetchall()
    }
    assert rows["All staff"][:4] == (14, 15, 3, 3)
    assert rows["All staff"][4] == pytest.approx(100 * 3 / 14.5)
    assert rows["Female"][:4] == (6, 6, 1, 1)  # F5 started; L2 left; 1 / 6
    assert rows["Female"][4] == pytest.approx(100 / 6)
    assert rows["Male"][:4] == (7, 7, 1, 1)  # M7 started; L1 left; 1 / 7
    assert rows["Not known"][3] == 1


def test_staff_living_in_borough(con) -> None:
    # grays (E05002236): F1, M1, M3, M4, F6, M6 = 6; aveley (E05002229): F2, M2, M5, P2 = 4;
    # outside (blank ward): F3, F4, M7, F5, P1 = 5
    rows = dict(
        con.execute(
            "select area_slug, n_staff from mart_equality__living_in_borough "
            "where snapshot_year = 2025 and n_staff > 0"
        ).fetchall()
    )
    assert rows == {"grays": 6, "aveley": 4, "outside": 5}


def test_no_published_table_shows_a_count_of_one_to_four(configured) -> None:
    for table in equality.report_tables(2025):
        for col in table.frame.columns:
            if col.startswith("n_"):
                shown = table.frame[col][table.frame[col] != "[c]"].astype(float)
                assert not shown.between(1, 4).any(), (table.name, col)


def test_unknown_year_is_refused(configured) -> None:
    with pytest.raises(equality.UnknownYear):
        equality.gender_pay_gap(2019)
