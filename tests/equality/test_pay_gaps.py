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


def _bonus(con, dimension: str, group: str) -> tuple:
    return con.execute(
        "select n_reference_relevant, n_comparison_relevant, n_reference_bonus, "
        "n_comparison_bonus, mean_bonus_gap_percent, median_bonus_gap_percent, "
        "reference_bonus_percent, comparison_bonus_percent from mart_equality__pay_gaps "
        "where snapshot_year = 2025 and dimension = ? and comparison_group = ?",
        [dimension, group],
    ).fetchone()


def test_ethnicity_bonus_measures(con) -> None:
    # Bonus figures rest on ALL relevant employees (full pay or not), as for gender.
    # White British (9): F1, F2, M3 500, M4, M7, M5 1000, F6 100 (not full pay),
    #   M6 300 (not full pay), P2 -> 4 paid: mean 1900/4 = 475, median (300 + 500)/2 = 400.
    # All ethnic minorities (5): M1, M2, F3, F4 200 (White Irish), P1 50 (Mixed) -> 2 paid:
    #   mean 125, median 125. F5 "Prefer not to say" is left out.
    # mean gap (475 - 125) / 475 = 350/475; median gap (400 - 125) / 400 = 68.75 %
    # paid a bonus: 4 of 9 White British, 2 of 5 ethnic minority staff
    n_ref, n_cmp, b_ref, b_cmp, mean_gap, median_gap, ref_pct, cmp_pct = _bonus(
        con, "ethnicity", "All ethnic minorities"
    )
    assert (n_ref, n_cmp, b_ref, b_cmp) == (9, 5, 4, 2)
    assert mean_gap == pytest.approx(100 * 350 / 475)
    assert median_gap == pytest.approx(68.75)
    assert ref_pct == pytest.approx(100 * 4 / 9)
    assert cmp_pct == pytest.approx(40.0)
    # White: Irish is F4 alone: 1 of 1 paid 200 -> mean gap (475 - 200) / 475
    *_, irish_mean, irish_median, _, irish_pct = _bonus(con, "ethnicity", "White: Irish")
    assert irish_mean == pytest.approx(100 * 275 / 475)
    assert irish_median == pytest.approx(50.0)
    assert irish_pct == pytest.approx(100.0)


def test_disability_bonus_measures(con) -> None:
    # Not disabled (8): M1, M2, M3 500, M7, F5, M5 1000, F6 100, M6 300 -> 4 paid:
    #   mean 475, median 400. Disabled (5): F1, F2, F3, F4 200, M4 -> 1 paid: 200.
    # P1 (blank) and P2 ("Prefer not to say") are left out.
    # mean gap (475 - 200) / 475 = 57.8947 %; median gap (400 - 200) / 400 = 50 %
    assert _bonus(con, "disability", "Disabled") == pytest.approx(
        (8, 5, 4, 1, 100 * 275 / 475, 50.0, 50.0, 20.0)
    )


def test_the_gender_rows_repeat_the_statutory_bonus_figures(con) -> None:
    # men 3 of 7 paid, mean 600, median 500; women 2 of 6, mean 150, median 150
    assert _bonus(con, "sex", "Women") == pytest.approx((7, 6, 3, 2, 75.0, 70.0, 300 / 7, 100 / 3))


def test_ethnicity_and_disability_quartiles(con) -> None:
    # Full-pay staff who disclosed, ranked with the gender tie rule (pseudonymised ids as in
    # test_gender_pay_gap.py: M1 abde < F1 bbab; at 12.00 M2 09e6, F2 962e, F3 de3f, M3 eba1).
    # Ethnicity, 12 people -> 3, 3, 3, 3 (W = White British, E = ethnic minority):
    #   10.00 M1 E, F1 W (each alone in its group: same position, id order)
    #   12.00 W: F2 .25, M3 .75; E: M2 .25, F3 .75 -> M2 E, F2 W, F3 E, M3 W
    #   then F4 15 E, P1 18 E, M4 20 W, M7 22 W, M5 30 W, P2 40 W
    #   Lower M1 F1 M2 (W 1, E 2); LowerMiddle F2 F3 M3 (2, 1); UpperMiddle F4 P1 M4 (1, 2);
    #   Top M7 M5 P2 (3, 0)
    # Disability, 11 people -> 3, 3, 3, 2 (N = not disabled, D = disabled):
    #   10.00 M1 N, F1 D; 12.00 D: F2 .25, F3 .75; N: M2 .25, M3 .75 -> M2, F2, F3, M3
    #   then F4 15 D, M4 20 D, M7 22 N, F5 25 N, M5 30 N
    #   Lower M1 F1 M2 (N 2, D 1); LowerMiddle F2 F3 M3 (1, 2); UpperMiddle F4 M4 M7 (1, 2);
    #   Top F5 M5 (2, 0)
    rows = con.execute(
        "select dimension, quartile_name, n_in_band, n_reference, n_comparison, "
        "comparison_percent from mart_equality__group_pay_quartiles where snapshot_year = 2025 "
        "order by dimension, quartile"
    ).fetchall()
    assert [r[:5] for r in rows] == [
        ("disability", "Lower", 3, 2, 1),
        ("disability", "LowerMiddle", 3, 1, 2),
        ("disability", "UpperMiddle", 3, 1, 2),
        ("disability", "Top", 2, 2, 0),
        ("ethnicity", "Lower", 3, 1, 2),
        ("ethnicity", "LowerMiddle", 3, 2, 1),
        ("ethnicity", "UpperMiddle", 3, 1, 2),
        ("ethnicity", "Top", 3, 3, 0),
    ]
    assert [r[5] for r in rows] == pytest.approx(
        [100 / 3, 200 / 3, 200 / 3, 0.0, 200 / 3, 100 / 3, 200 / 3, 0.0]
    )


def test_bonus_and_quartile_figures_on_small_groups_are_withheld(configured) -> None:
    # every group's bonus figures rest on 1 to 4 people paid a bonus (4, 2; 4, 1): withheld
    for by in ("ethnicity", "disability"):
        frame = equality.pay_gaps(2025, by)
        for col in (
            "mean_bonus_gap_percent",
            "median_bonus_gap_percent",
            "reference_bonus_percent",
            "comparison_bonus_percent",
        ):
            assert frame[f"{col}_suppressed"].all(), (by, col)
            assert frame[col].isna().all()
        assert not any(c.endswith(("_relevant", "_bonus")) for c in frame.columns)
    # each band holds 0 to 3 of a group and bands of 2 or 3 people: every band cell and % is
    # withheld; the group totals (7 and 5; 6 and 5) are the pay gap counts, published there
    for by, totals in (("ethnicity", [7.0, 5.0, 12.0]), ("disability", [6.0, 5.0, 11.0])):
        q = equality.group_pay_quartiles(2025, by)
        inner = q[q["quartile_name"] != "Total"]
        assert inner["n_staff_suppressed"].all() and inner["percent_of_band_suppressed"].all()
        total = q[q["quartile_name"] == "Total"]
        assert total["n_staff"].tolist() == totals
        assert total["percent_of_band"].tolist() == pytest.approx(
            [100 * totals[0] / totals[2], 100 * totals[1] / totals[2], 100.0]
        )
        gaps = equality.pay_gaps(2025, by)
        head = gaps[gaps["is_headline"]].iloc[0]
        assert [head["n_reference"], head["n_comparison"]] == totals[:2]


def test_the_first_snapshot_has_no_start_and_no_leavers_not_zeros(con, configured) -> None:
    # 2024 is the fixture's first snapshot: E7 left in 2023/24 but there is no 31 March 2023
    # snapshot to count the start or place leavers by, so both are no data, never 0
    rows = con.execute(
        "select n_start, n_leavers, turnover_percent, n_end from mart_equality__turnover "
        "where snapshot_year = 2024 and characteristic = 'all_staff'"
    ).fetchall()
    assert rows == [(None, None, None, 14)]
    from dashboard.queries import equality as eq

    table = eq.turnover(2024, "sex")
    assert table["n_start"].isna().all() and table["n_leavers"].isna().all()
    # unknown, so not shown as hidden
    assert not table["n_start_suppressed"].any() and not table["n_leavers_suppressed"].any()
