"""Engagement marts against values worked out by hand from tests/fixtures/engagement.

Who contributed in 2023/24 (contributions placed by ward; C3 appears in two extracts, once):
  grays  (E05002235-7): C1, C3 (U1), C4 (anonymous poll), C5 (U3), C8-C15 (U5-U12 surveys),
                        C16-C19 (U5-U8)                     -> 16 contributions, 10 people
  aveley (E05002229):   C2, C6 (U2)                          -> 2 contributions, 1 person
  no ward:              C7 (U4)                              -> 1 unplaced contribution
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"


@pytest.fixture
def con(engagement_db):
    connection = duckdb.connect(str(engagement_db), read_only=True)
    yield connection
    connection.close()


def one(con, sql: str, *params) -> tuple:
    rows = con.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_reach_counts_people_contributions_and_registrations(con):
    sql = (
        "select n_participants, n_contributions, n_new_registrations, n_contributions_unplaced,"
        " participants_per_1000, contributions_per_1000_a_year from mart_engagement__reach"
        " where area_slug = ? and period_label = ?"
    )
    # grays: 10 people, 16 contributions; registered 2023/24 with a Grays ward: U1, U3, U5-U12
    grays = one(con, sql, "grays", "2023/24")
    assert grays[:4] == (10, 16, 10, None)
    assert grays[4] == pytest.approx(10 * 1000 / 43228)
    assert grays[5] == pytest.approx(16 * 1000 / 43228)  # a full year: no annualising
    # borough: 11 people (U4 gave no ward), 18 placed contributions + C7 unplaced; U4 not counted
    assert one(con, sql, "borough", "2023/24")[:4] == (11, 18, 11, 1)
    # Q4 (Jan-Mar 2024) grays: C8-C19 by U5-U12; contributions annualised x 12/3
    q4 = one(con, sql, "grays", "2023/24 Q4")
    assert q4[:3] == (8, 12, 0)
    assert q4[5] == pytest.approx(12 * 1000 / 43228 * 4)
    # a cluster nobody took part in is a zero, not a missing row
    assert one(con, sql, "aveley", "2023/24 Q4")[:3] == (0, 0, 0)


def census_age_shares() -> dict[str, float]:
    """Borough age shares summed from the reference file itself, not from the warehouse."""
    bands = {
        "Under 16": "age_0_15",
        "16-24": "age_16_24",
        "25-34": "age_25_34",
        "35-49": "age_35_49",
        "50-64": "age_50_64",
        "65+": "age_65_plus",
    }
    with open(REFERENCE / "thurrock_census2021_age_by_cluster.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = sum(int(r["total"]) for r in rows)
    return {band: sum(int(r[col]) for r in rows) / total for band, col in bands.items()}


def profile(con, area: str, period: str, characteristic: str) -> dict:
    rows = con.execute(
        "select category, n_participants, n_total, n_disclosed, share_of_disclosed,"
        " census_share, representation_ratio from mart_engagement__participant_profile"
        " where area_slug = ? and period_label = ? and characteristic = ?",
        [area, period, characteristic],
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_who_we_hear_from_by_age_against_the_census(con):
    # the 11 borough participants: U1 50-64, U2 16-24, U3 65+, U5-U9 35-49, U10-U12 25-34
    ages = profile(con, "borough", "2023/24", "age_band")
    shares = census_age_shares()
    assert {k: v[0] for k, v in ages.items()} == {
        "Under 16": 0,
        "16-24": 1,
        "25-34": 3,
        "35-49": 5,
        "50-64": 1,
        "65+": 1,
    }
    n, total, disclosed, share, census, ratio = ages["35-49"]
    assert (total, disclosed) == (11, 11)
    assert share == pytest.approx(5 / 11)
    assert census == pytest.approx(shares["35-49"])
    assert ratio == pytest.approx((5 / 11) / shares["35-49"])
    # nobody under 16 took part: a ratio of 0, shown, not dropped
    assert ages["Under 16"][5] == 0


def test_undisclosed_are_counted_separately_and_sit_outside_the_shares(con):
    # ethnic group: White U1, U5-U9 (6); Asian U2, U11 (2); Black U10 (1); blank U3, U12 (2)
    eth = profile(con, "borough", "2023/24", "ethnic_group")
    assert eth["White"][:3] == (6, 11, 9)
    assert eth["Not answered"][0] == 2
    assert eth["Not answered"][3] is None  # no share for the undisclosed
    # Census 2021 16+: White = 93,566 + 954 + 14,072 = 108,592 of 136,366 in the 8 categories
    white_census = 108592 / 136366
    assert eth["White"][3] == pytest.approx(6 / 9)
    assert eth["White"][4] == pytest.approx(white_census)
    assert eth["White"][5] == pytest.approx((6 / 9) / white_census)
    # a group nobody from took part is listed with zero
    assert eth["Mixed or Multiple ethnic groups"][0] == 0
    # disability: No U1, U5-U11 (8); Yes U2, U12 (2); Prefer not to say U3 (1)
    dis = profile(con, "borough", "2023/24", "disability")
    assert (dis["Yes"][0], dis["No"][0], dis["Prefer not to say"][0]) == (2, 8, 1)
    disabled_census = (9738 + 13424) / (9738 + 13424 + 113203)
    assert dis["Yes"][3] == pytest.approx(2 / 10)
    assert dis["Yes"][5] == pytest.approx(0.2 / disabled_census)


def test_clusters_have_no_invented_comparator_for_sex_or_ethnicity(con):
    sex = profile(con, "grays", "2023/24", "sex")
    # grays 2023/24: Female U1, U3, U5-U10 (8), Male U11, U12 (2)
    assert (sex["Female"][0], sex["Male"][0]) == (8, 2)
    assert sex["Female"][4] is None and sex["Female"][5] is None
    ages = profile(con, "grays", "2023/24", "age_band")
    assert ages["35-49"][4] is not None  # age bands do exist per cluster


def test_projects_explorer_rows(con):
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select project_id, status, days_waiting_for_feedback, days_to_feedback,"
            " n_contributions, n_participants, n_questions, n_answered, aware, informed, engaged,"
            " pb_allocated_gbp, pb_n_allocators, as_at_date::varchar from mart_engagement__projects"
        ).fetchall()
    }
    # as at 2024-02-01 (C19, the latest portal date); feedback target 42 days (the catalogue)
    assert rows["P1"][:4] == ("feedback published", None, 30, 5)  # 20 May -> 19 Jun
    assert rows["P1"][4:7] == (3, 2, 2)  # U1, U2, U3; C3 and C5 answered
    # P5 closed 31 Aug 2023, no feedback: Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + 1 = 154
    assert rows["P5"][:2] == ("feedback overdue", 154)
    # P2 closed 15 Jul 2023: 16 + 31 (Aug) + 154 = 201
    assert rows["P2"][:2] == ("feedback overdue", 201)
    assert rows["P4"][0] == "open"
    # P4: C8-C19 = 12 contributions by U5-U12; C19 unanswered; visits 200+50, 80+20, 8+2
    assert rows["P4"][3:10] == (12, 8, 1, 0, 250, 100, 10)
    # P2: A1 + A2 by U1 = 8,000; P6: A3 + A4 by U5, U6 = 4,000
    assert rows["P2"][10:12] == (8000.0, 1)
    assert rows["P6"][10:12] == (4000.0, 2)
    assert rows["P6"][12] == "2024-02-01"


def test_tools_funnel_petitions_and_comments(con):
    tools = dict(
        con.execute(
            "select tool, n_contributions from mart_engagement__tools"
            " where area_slug = 'borough' and period_label = '2023/24'"
        ).fetchall()
    )
    # survey C1, C8-C15; questions C3, C5, C19; ideas C2, C16; places C6, C18; C4 poll; C17 story
    assert tools == {
        "survey": 9,
        "quick_poll": 1,
        "ideas": 2,
        "questions": 3,
        "stories": 1,
        "forum": 0,
        "places": 2,
        "budget": 0,
        "petition": 0,
    }
    funnel = con.execute(
        "select project_id, aware, informed, engaged from mart_engagement__funnel"
        " where period_label = '2023/24 Q4'"
    ).fetchall()
    assert funnel == [("P4", 250, 100, 10)]
    petitions = {
        r[0]: r[1:]
        for r in con.execute(
            "select petition_id, reached_threshold, days_to_response, quarter_label"
            " from mart_engagement__petitions"
        ).fetchall()
    }
    # T1: 600 >= 500; 1 Apr -> 20 Jul 2023 = 29 + 31 + 30 + 20 = 110 days
    assert petitions == {"T1": (True, 110, "2023/24 Q1"), "T2": (False, None, "2023/24 Q4")}
    texts = dict(
        con.execute(
            "select contribution_id, comment_text from mart_engagement__comments"
        ).fetchall()
    )
    assert texts["C17"] == "[click me](javascript:alert(1)) **bold** call [phone removed]"
    assert texts["C18"] == '<b>Pothole</b> & "broken" light, email me at [email removed]'
    assert texts["C16"] == "<img src=x onerror=alert(1)> More benches"  # kept, escaped on display
