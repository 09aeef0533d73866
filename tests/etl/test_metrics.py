"""Every metric against values worked out by hand from tests/fixtures/tiny.

Populations (Census 2021): borough 176,003; grays 43,228; aveley 10,823; tilbury 25,450.
"""

from __future__ import annotations

import pytest

BOROUGH, GRAYS, AVELEY, TILBURY = 176_003, 43_228, 10_823, 25_450
TILBURY_SLUG = "tilbury-and-chadwell-st-mary"


def value(con, metric: str, area: str, period: str) -> tuple:
    rows = con.execute(
        "select value, numerator, denominator from metric_values "
        "where metric_id = ? and area_slug = ? and period_label = ?",
        [metric, area, period],
    ).fetchall()
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_participants_per_1000(tiny_con):
    # 2023/24: U1 (C1, C3) and U3 (C5) in Grays; U2 (C2, C6) in Aveley; U4 has no ward;
    # C4 is an anonymous poll vote. Borough: 3 distinct participants.
    assert value(tiny_con, "eng_participants_per_1000", "borough", "2023/24") == pytest.approx(
        (3 * 1000 / BOROUGH, 3, BOROUGH)
    )
    assert value(tiny_con, "eng_participants_per_1000", "grays", "2023/24")[1] == 2
    assert value(tiny_con, "eng_participants_per_1000", "aveley", "2023/24")[1] == 1
    # a cluster with nobody taking part shows a real zero, not a gap
    assert (
        value(tiny_con, "eng_participants_per_1000", "orsett-bulphan-and-horndon", "2023/24")[0]
        == 0
    )


def test_contributions_per_1000_is_annualised_for_quarters(tiny_con):
    # 6 contributions with a known ward (C7 has none; C3 appears twice but is one contribution)
    assert value(tiny_con, "eng_contributions_per_1000", "borough", "2023/24")[0] == pytest.approx(
        6 * 1000 / BOROUGH
    )
    # all 6 fell in Q1 (April-June): annualised x4
    assert value(tiny_con, "eng_contributions_per_1000", "borough", "2023/24 Q1")[
        0
    ] == pytest.approx(6 * 1000 / BOROUGH * 4)
    assert value(tiny_con, "eng_contributions_per_1000", "grays", "2023/24")[1] == 4
    assert value(tiny_con, "eng_contributions_per_1000", "aveley", "2023/24")[1] == 2


def test_feedback_published_share(tiny_con):
    # closed in 2023/24: P1 (Grays, published), P2 (borough-wide, not), P3 (Aveley, published)
    assert value(tiny_con, "eng_feedback_published_share", "borough", "2023/24") == pytest.approx(
        (200 / 3, 2, 3)
    )
    # Q2 (July-September): P2 and P3 closed; only P3 published
    assert value(tiny_con, "eng_feedback_published_share", "borough", "2023/24 Q2")[0] == 50
    assert value(tiny_con, "eng_feedback_published_share", "grays", "2023/24")[0] == 100
    # P4 is still open: it is not counted anywhere
    assert value(tiny_con, "eng_feedback_published_share", "grays", "2023/24 Q4") is None


def test_median_days_to_feedback(tiny_con):
    # P1: 20 May -> 19 June = 30 days; P3: 30 Sep -> 29 Dec = 90 days
    assert value(tiny_con, "eng_median_days_to_feedback", "borough", "2023/24")[0] == 60
    assert value(tiny_con, "eng_median_days_to_feedback", "aveley", "2023/24")[0] == 90


def test_questions_answered_uses_the_latest_extract(tiny_con):
    # C3 was unanswered in the April extract and answered in May's: latest extract wins
    assert value(tiny_con, "eng_questions_answered_share", "borough", "2023/24")[:2] == (100, 2)
    # C3: 3 days; C5: 1.5 days -> median 2.25
    assert value(tiny_con, "eng_median_days_to_answer", "grays", "2023/24")[0] == pytest.approx(
        2.25
    )


def test_hub_metrics(tiny_con):
    # Tilbury: (10 + 20) + (5 + 10) = 45 attendances; Acorns (Grays): 4 drop-ins
    assert value(tiny_con, "emp_hub_attendances_per_1000", TILBURY_SLUG, "2023/24") == (
        pytest.approx((45 * 1000 / TILBURY, 45, TILBURY))
    )
    assert value(tiny_con, "emp_hub_attendances_per_1000", "borough", "2023/24")[1] == 49
    # Q2 holds one Tilbury day (15 attendances), annualised x4
    assert value(tiny_con, "emp_hub_attendances_per_1000", TILBURY_SLUG, "2023/24 Q2")[
        0
    ] == pytest.approx(15 * 1000 / TILBURY * 4)
    assert value(tiny_con, "emp_digital_help_per_1000", "borough", "2023/24")[1] == 6
    # Aveley has no hub: no figure rather than a misleading zero
    assert value(tiny_con, "emp_hub_attendances_per_1000", "aveley", "2023/24") is None
    # Acorns (Grays' hub) sent no return for Q2: no data, not a 0 rated off track
    assert value(tiny_con, "emp_hub_attendances_per_1000", "grays", "2023/24 Q2") is None
    assert value(tiny_con, "emp_digital_help_per_1000", "grays", "2023/24 Q2") is None
    assert value(tiny_con, "emp_hub_attendances_per_1000", "grays", "2023/24 Q1")[1] == 4


def test_tcca_requests_and_time_to_fulfil(tiny_con):
    # R1 12h, R2 72h, R4 24h fulfilled; R3 never fulfilled (counted, not dropped)
    assert value(tiny_con, "emp_tcca_requests_per_1000", "borough", "2023/24")[1] == 4
    assert value(tiny_con, "emp_tcca_median_hours_to_fulfil", "borough", "2023/24")[0] == 24
    assert value(tiny_con, "emp_tcca_median_hours_to_fulfil", "grays", "2023/24")[0] == 42
    # within 48h: R1 and R4 of 4 requests, R3 counts against
    assert value(tiny_con, "emp_tcca_fulfilled_48h_share", "borough", "2023/24")[:3] == (50, 2, 4)
    assert value(tiny_con, "emp_tcca_fulfilled_48h_share", "borough", "2023/24 Q1")[
        0
    ] == pytest.approx(100 / 3)


def test_active_volunteers(tiny_con):
    # V1 (lives in Grays) fulfilled R1 and R4; V2 lives outside the borough
    assert value(tiny_con, "emp_active_volunteers_per_1000", "grays", "2023/24")[1] == 1
    assert value(tiny_con, "emp_active_volunteers_per_1000", "borough", "2023/24")[1] == 1
    assert value(tiny_con, "emp_active_volunteers_per_1000", "aveley", "2023/24")[1] == 0


def test_gender_pay_gap(tiny_con):
    # full-pay relevant men E3 30, E4 20 (mean 25, median 25); women E1 20, E2 10 (15, 15);
    # E5 is not full-pay relevant and E6's sex is not disclosed: both excluded
    assert value(tiny_con, "equ_gender_pay_gap_mean", "borough", "2023/24")[0] == pytest.approx(40)
    assert value(tiny_con, "equ_gender_pay_gap_median", "borough", "2023/24")[0] == pytest.approx(
        40
    )


def test_workforce_disclosure_and_representation(tiny_con):
    # all four disclosed: E1, E3, E5, E6 (E2 religion withheld, E4 orientation blank)
    assert value(tiny_con, "equ_workforce_disclosure_rate", "borough", "2023/24")[:3] == (
        pytest.approx(200 / 3),
        4,
        6,
    )
    # ethnic group disclosed by 5; minorities E2, E5, E6 -> 0.6 against Census 16+ share
    census_minority = 1 - 93_566 / 136_366
    assert value(tiny_con, "equ_ethnic_minority_representation", "borough", "2023/24")[
        0
    ] == pytest.approx(0.6 / census_minority)
    # disability answered Yes/No by 5; disabled E2, E6 -> 0.4 against 23,162 / 136,365
    assert value(tiny_con, "equ_disabled_staff_representation", "borough", "2023/24")[
        0
    ] == pytest.approx(0.4 / (23_162 / 136_365))
    assert value(tiny_con, "equ_staff_living_in_borough_share", "borough", "2023/24")[:3] == (
        50,
        3,
        6,
    )


def test_commitments_on_track(tiny_con):
    # Engagement Q1: ENG-01 Green, ENG-02 Red -> 50%; Q2: Green + Complete -> 100%;
    # the year takes each commitment's latest update (Q2) -> 100%
    assert value(tiny_con, "eng_commitments_on_track_share", "borough", "2023/24 Q1")[0] == 50
    assert value(tiny_con, "eng_commitments_on_track_share", "borough", "2023/24")[0] == 100
    assert value(tiny_con, "equ_commitments_on_track_share", "borough", "2023/24")[0] == 0


def test_status_rates_against_target_and_previous_period(tiny_con):
    rows = dict(
        tiny_con.execute(
            "select period_label, rag || '/' || direction from metric_status "
            "where metric_id = 'eng_commitments_on_track_share' and area_slug = 'borough' "
            "and period_label in ('2023/24 Q1', '2023/24 Q2')"
        ).fetchall()
    )
    # target 80%: 50% misses by more than 10% -> off track; 100% -> on track and improving
    assert rows == {"2023/24 Q1": "off_track/no_previous", "2023/24 Q2": "on_track/improving"}
    # a neutral metric (need) is never rated
    rags = tiny_con.execute(
        "select distinct rag from metric_status where metric_id = 'emp_tcca_requests_per_1000'"
    ).fetchall()
    assert rags == [("not_rated",)]
    # participants per 1,000 is rated for financial years only
    assert tiny_con.execute(
        "select distinct rag from metric_status where metric_id = 'eng_participants_per_1000' "
        "and period_type = 'quarter'"
    ).fetchall() == [("not_rated",)]


def test_periods_are_uk_financial_years(tiny_con):
    rows = tiny_con.execute(
        "select period_label, period_start::varchar, period_end::varchar from core_periods "
        "where fy_label = '2023/24' order by period_type, period_start"
    ).fetchall()
    assert rows == [
        ("2023/24", "2023-04-01", "2024-03-31"),
        ("2023/24 Q1", "2023-04-01", "2023-06-30"),
        ("2023/24 Q2", "2023-07-01", "2023-09-30"),
        ("2023/24 Q3", "2023-10-01", "2023-12-31"),
        ("2023/24 Q4", "2024-01-01", "2024-03-31"),
    ]
