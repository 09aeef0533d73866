"""Empowerment marts against values worked out by hand from tests/fixtures/empowerment.

Populations (Census 2021): borough 176,003; grays 43,228; aveley 10,823; tilbury 25,450.
Percentiles are DuckDB `quantile_cont` (linear interpolation between the closest ranks: the
p-th percentile of n sorted values sits at position p * (n - 1), counting from 0).
"""

from __future__ import annotations

import pytest

BOROUGH, GRAYS, AVELEY, TILBURY = 176_003, 43_228, 10_823, 25_450
TIL = "tilbury-and-chadwell-st-mary"
FY = "2024/25"


def row(con, table: str, where: str, params: list) -> dict:
    frame = con.execute(f"select * from {table} where {where}", params).df()
    assert len(frame) == 1, frame
    return frame.iloc[0].to_dict()


def tcca(con, area: str, period: str = FY) -> dict:
    return row(
        con, "mart_empowerment__tcca_areas", "area_slug = ? and period_label = ?", [area, period]
    )


def hubs(con, area: str, period: str = FY) -> dict:
    return row(
        con, "mart_empowerment__hub_areas", "area_slug = ? and period_label = ?", [area, period]
    )


# --- TCCA: requests, time to fulfil, never-fulfilled ------------------------------------------


def test_grays_percentiles_and_never_fulfilled_requests(emp_con):
    r = tcca(emp_con, "grays")
    # G01-G12: 10 fulfilled in 2, 4, 6, 8, 10, 12, 14, 16, 30, 50 hours; G11 open and G12
    # unable to contact are never fulfilled but still counted.
    assert (r["n_requests"], r["n_fulfilled"], r["n_not_fulfilled"]) == (12, 10, 2)
    # median: positions 4 and 5 of 0..9 -> (10 + 12) / 2 = 11
    assert r["p50_hours_to_fulfil"] == pytest.approx(11.0)
    # p90: position 0.9 * 9 = 8.1 -> 30 + 0.1 * (50 - 30) = 32
    assert r["p90_hours_to_fulfil"] == pytest.approx(32.0)
    # within 24h: the 8 up to 16 hours; within 48h: also the 30-hour one. Base = all 12.
    assert (r["n_within_24h"], r["n_within_48h"]) == (8, 9)
    assert r["share_within_24h"] == pytest.approx(100 * 8 / 12)
    assert r["share_within_48h"] == pytest.approx(100 * 9 / 12)
    assert r["requests_per_1000_a_year"] == pytest.approx(12 * 1000 / GRAYS)


def test_tilbury_and_borough_percentiles(emp_con):
    t = tcca(emp_con, TIL)
    # 1, 3, 5, 20, 47 hours: median 5; p90 at 0.9 * 4 = 3.6 -> 20 + 0.6 * 27 = 36.2
    assert t["p50_hours_to_fulfil"] == pytest.approx(5.0)
    assert t["p90_hours_to_fulfil"] == pytest.approx(36.2)
    assert (t["n_within_24h"], t["n_within_48h"], t["n_requests"]) == (4, 5, 5)
    b = tcca(emp_con, "borough")
    # 18 requests (12 Grays, 5 Tilbury, 1 Aveley referred on); 15 fulfilled, sorted hours
    # 1 2 3 4 5 6 8 10 12 14 16 20 30 47 50: median (position 7) 10;
    # p90 at 0.9 * 14 = 12.6 -> 30 + 0.6 * (47 - 30) = 40.2
    assert (b["n_requests"], b["n_fulfilled"], b["n_not_fulfilled"]) == (18, 15, 3)
    assert b["p50_hours_to_fulfil"] == pytest.approx(10.0)
    assert b["p90_hours_to_fulfil"] == pytest.approx(40.2)
    assert b["share_within_24h"] == pytest.approx(100 * 12 / 18)
    assert b["share_within_48h"] == pytest.approx(100 * 14 / 18)


def test_a_cluster_whose_only_request_was_never_fulfilled(emp_con):
    a = tcca(emp_con, "aveley")
    # A01 referred on: counted in the base, so 0% within 48 hours and no percentile at all
    assert (a["n_requests"], a["n_fulfilled"], a["n_not_fulfilled"]) == (1, 0, 1)
    assert a["share_within_48h"] == 0
    assert a["p50_hours_to_fulfil"] != a["p50_hours_to_fulfil"]  # NaN: nothing to rank


def test_requests_agree_with_the_catalogue_metrics(emp_con):
    metric = emp_con.execute(
        "select value from metric_values where metric_id = 'emp_tcca_median_hours_to_fulfil' "
        "and area_slug = 'borough' and period_label = ?",
        [FY],
    ).fetchone()[0]
    assert metric == pytest.approx(tcca(emp_con, "borough")["p50_hours_to_fulfil"])
    share = emp_con.execute(
        "select value from metric_values where metric_id = 'emp_tcca_fulfilled_48h_share' "
        "and area_slug = 'grays' and period_label = ?",
        [FY],
    ).fetchone()[0]
    assert share == pytest.approx(75.0)


def test_requests_by_quarter(emp_con):
    frame = emp_con.execute(
        "select period_label, n_requests from mart_empowerment__tcca_areas "
        "where area_slug = 'grays' and period_label like '2024/25 Q%' order by period_label"
    ).fetchall()
    # Q1 G01-G04, Q2 G05-G06, Q3 G07-G08, Q4 G09-G12
    assert frame == [("2024/25 Q1", 4), ("2024/25 Q2", 2), ("2024/25 Q3", 2), ("2024/25 Q4", 4)]
    q4 = tcca(emp_con, "grays", "2024/25 Q4")
    # annualised: 4 requests in 3 months -> 16 a year
    assert q4["requests_per_1000_a_year"] == pytest.approx(4 * 1000 / GRAYS * 12 / 3)


def test_breakdowns_by_need_source_and_outcome(emp_con):
    frame = emp_con.execute(
        "select breakdown, category, n_requests from mart_empowerment__tcca_breakdown "
        "where area_slug = 'grays' and period_label = ? order by breakdown, category_order",
        [FY],
    ).df()
    got = {(r.breakdown, r.category): r.n_requests for r in frame.itertuples()}
    # need: shopping G01 G02 G08 G10; prescription G03 G04; food parcel G05 G06 G11;
    # befriending G07 G12; other G09
    assert [got[("need", c)] for c in ("shopping", "prescription", "food_parcel")] == [4, 2, 3]
    assert [got[("need", c)] for c in ("befriending", "other")] == [2, 1]
    # referral: self G01 G02 G08 G10 G12; council G05 G06 G11; GP G03 G04; family G07; VCS G09
    assert got[("referral_source", "self")] == 5
    assert got[("referral_source", "council")] == 3
    assert got[("referral_source", "shielding_list")] == 0  # zero kept, not dropped
    # outcomes: the two never-fulfilled requests appear as open and unable to contact
    assert got[("outcome", "fulfilled")] == 10
    assert got[("outcome", "open")] == 1
    assert got[("outcome", "unable_to_contact")] == 1
    assert len(frame) == 5 + 7 + 5


# --- TCCA volunteers ---------------------------------------------------------------------------


def test_volunteers_registered_active_and_requests_per_volunteer(emp_con):
    g = tcca(emp_con, "grays")
    # registered by 31 March 2025 with a Grays home ward: V1 V3 V4 V10 V11
    assert g["n_volunteers_registered"] == 5
    assert g["volunteers_registered_per_1000"] == pytest.approx(5 * 1000 / GRAYS)
    # all five fulfilled a request in 2024/25
    assert g["n_volunteers_active"] == 5
    assert g["volunteers_active_per_1000"] == pytest.approx(5 * 1000 / GRAYS)
    # 12 Grays requests served by 5 distinct volunteers
    assert g["requests_per_serving_volunteer"] == pytest.approx(12 / 5)
    t = tcca(emp_con, TIL)
    # V5 V6 (Tilbury) and V7 (Chadwell, never active); T05 fulfilled by V9 from outside
    assert (t["n_volunteers_registered"], t["n_volunteers_active"]) == (3, 2)
    assert t["requests_per_serving_volunteer"] == pytest.approx(5 / 3)
    b = tcca(emp_con, "borough")
    # in the borough: 5 + 3 + V8 (Aveley) = 9; outside: V2 and V9
    assert (b["n_volunteers_registered"], b["n_registered_outside"]) == (9, 2)
    assert (b["n_volunteers_active"], b["n_active_outside"]) == (7, 1)
    # 18 requests, 8 distinct volunteers (V1 V3 V4 V10 V11 V5 V6 V9)
    assert b["requests_per_serving_volunteer"] == pytest.approx(18 / 8)
    # by 31 March 2024: V1 (Grays), V5 (Tilbury, registered 2023) and V2 (outside)
    old = tcca(emp_con, "borough", "2023/24")
    assert (old["n_volunteers_registered"], old["n_registered_outside"]) == (2, 1)


def test_deprivation_is_imd_2019_by_cluster(emp_con):
    # thurrock_imd2019_by_cluster.csv: Tilbury 0.431 of residents in the 20% most deprived
    # LSOAs, median decile 3; Chafford Hundred 0 and 9
    t = tcca(emp_con, TIL)
    assert t["pct_pop_most_deprived_20pc"] == pytest.approx(43.1)
    assert t["median_imd2019_decile"] == 3
    c = tcca(emp_con, "chafford-hundred")
    assert (c["pct_pop_most_deprived_20pc"], c["median_imd2019_decile"]) == (0, 9)
    assert c["n_requests"] == 0  # a real zero on the grid


# --- Community hubs -----------------------------------------------------------------------------


def test_hub_cluster_totals_and_rates(emp_con):
    t = hubs(emp_con, TIL)
    # Tilbury hub: drop-ins 10+20+5+15 = 50, attendees 30+10+0+45 = 85 -> 135 attendances;
    # Chadwell: 8 + 12 = 20. Cluster: 155.
    assert (t["n_hubs"], t["n_hubs_in_library"], t["n_hubs_reporting"]) == (2, 2, 2)
    assert t["n_attendances"] == 155
    assert t["n_events"] == 2 + 1 + 0 + 3 + 1
    assert t["n_advice_sessions"] == 1 + 2 + 0 + 3 + 1
    assert t["n_digital_help"] == 4 + 6 + 1 + 5 + 2
    assert t["volunteer_hours"] == pytest.approx(6 + 4 + 2 + 8 + 3)
    assert t["attendances_per_1000_a_year"] == pytest.approx(155 * 1000 / TILBURY)
    assert t["digital_help_per_1000_a_year"] == pytest.approx(18 * 1000 / TILBURY)
    g = hubs(emp_con, "grays")
    # Acorns (not in a library): (6 + 14) + (4 + 26) = 50
    assert (g["n_hubs"], g["n_hubs_in_library"], g["n_attendances"]) == (1, 0, 50)
    b = hubs(emp_con, "borough")
    assert (b["n_hubs"], b["n_hubs_in_library"], b["n_hubs_reporting"]) == (6, 5, 3)
    assert b["n_attendances"] == 205
    assert b["attendances_per_1000_a_year"] == pytest.approx(205 * 1000 / BOROUGH)
    assert b["volunteer_hours"] == pytest.approx(23 + 1.5 + 2.5)


def test_clusters_without_a_hub_have_no_figures_not_zeros(emp_con):
    a = hubs(emp_con, "aveley")
    assert not a["has_hub"] and a["n_hubs"] == 0
    assert a["n_attendances"] != a["n_attendances"] or a["n_attendances"] is None
    assert a["attendances_per_1000_a_year"] != a["attendances_per_1000_a_year"]
    # a hub that exists but sent no returns is a zero with no reporting hubs
    s = hubs(emp_con, "south-ockendon")
    assert (s["has_hub"], s["n_hubs_reporting"], s["n_attendances"]) == (True, 0, 0)


def test_hub_quarter_rates_are_annualised(emp_con):
    t = hubs(emp_con, TIL, "2024/25 Q4")
    # 14 January 2025: 15 + 45 = 60 attendances in a 3-month quarter
    assert t["n_attendances"] == 60
    assert t["attendances_per_1000_a_year"] == pytest.approx(60 * 1000 / TILBURY * 4)


def test_hub_months_and_periods(emp_con):
    months = emp_con.execute(
        "select month_start::varchar, n_attendances, n_days_reported, fy_label, quarter_label "
        "from mart_empowerment__hub_months where hub_id = 'tilbury' and fy_label = ? "
        "order by month_start",
        [FY],
    ).fetchall()
    assert len(months) == 12  # every month, returns or not
    by_month = {m[0]: m[1] for m in months}
    assert by_month["2024-04-01"] == 40 and by_month["2024-05-01"] == 30
    assert by_month["2024-08-01"] == 5 and by_month["2025-01-01"] == 60
    assert by_month["2024-06-01"] == 0
    assert months[-1][3:] == ("2024/25", "2024/25 Q4")
    hub = row(
        emp_con,
        "mart_empowerment__hub_periods",
        "hub_id = 'acorns' and period_label = ?",
        [FY],
    )
    assert (hub["n_attendances"], hub["n_days_reported"], hub["is_in_library"]) == (50, 2, False)
