"""The Engagement query layer: disclosure control, explorer filters and escaped resident text."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import queries
from dashboard.callbacks import engagement as cb
from dashboard.callbacks import engagement_project as project_cb
from dashboard.engagement_figures import hover_text
from dashboard.queries import WarehouseMissing
from dashboard.queries import engagement as q
from dashboard.states import resolve
from tests.components import find, rows

PEOPLE_COLUMNS = ("n_participants", "n_new_registrations", "pb_n_allocators", "signatures")


@pytest.fixture(autouse=True)
def engagement_warehouse(engagement_db):
    """Point the (global) query layer at the engagement fixture, then back."""
    try:
        previous = queries.warehouse().path
    except WarehouseMissing:
        previous = None
    queries.configure(engagement_db)
    yield
    if previous is not None:
        queries.configure(previous)


def test_reach_suppresses_small_clusters_and_the_one_that_would_reveal_them():
    reach = q.reach("2023/24", "fy").set_index("area_slug")
    # aveley has 1 participant -> [c]; grays (10) is then the only other non-zero part of the
    # borough's 11, so it is suppressed too (11 - 10 would give aveley away)
    assert reach.loc["borough", "n_participants"] == 11
    assert reach.loc["aveley", "participants_suppressed"]
    assert reach.loc["grays", "participants_suppressed"]
    assert reach.loc["grays", "n_participants"] != reach.loc["grays", "n_participants"]  # NaN
    # contributions are events, not people: shown
    assert reach.loc["aveley", "n_contributions"] == 2
    q4 = q.reach("2023/24 Q4", "quarter").set_index("area_slug")
    assert q4.loc["grays", "n_participants"] == 8
    assert not q4.loc["grays", "participants_suppressed"]


def test_profile_publishes_only_safe_counts():
    prof = q.participant_profile("2023/24", "borough")
    eth = prof[prof["characteristic"] == "ethnic_group"].set_index("category")
    assert eth.loc["White", "n_participants"] == 6
    for hidden in ("Asian, Asian British or Asian Welsh", "Not answered"):
        assert eth.loc[hidden, "suppressed"]
    # the disclosed base (9) is hidden and every share with it: White's 6/9 would give the
    # base away, and 11 participants - 9 disclosed = the 2 "Not answered"
    assert eth["share_of_disclosed"].isna().all()
    assert eth["n_disclosed"].isna().all()
    sex = prof[prof["characteristic"] == "sex"].set_index("category")
    # Male 3 -> [c]; Female 8 is the only other non-zero part of the published 11 -> [c]
    assert sex.loc["Male", "suppressed"] and sex.loc["Female", "suppressed"]
    assert sex["n_total"].iloc[0] == 11


@pytest.mark.parametrize("period", ["2023/24", "2023/24 Q1", "2023/24 Q2", "2023/24 Q4"])
@pytest.mark.parametrize("area", ["borough", "grays", "aveley", "chafford-hundred"])
def test_no_people_count_of_1_to_4_leaves_the_query_layer(period, area):
    view = resolve(period.replace("/", "-").replace(" Q", "-q"), area)
    frames = [
        q.reach(view.period_label, view.period_type),
        q.reach_history(view.period_type),
        q.participant_profile(view.period_label, view.area_slug),
        q.projects(view.period_label, view.area_slug),
        q.petitions(view.period_label, view.area_slug),
    ]
    for frame in frames:
        for col in PEOPLE_COLUMNS:
            if col in frame:
                assert not frame[col].between(1, 4).any(), (col, frame[col].tolist())
    prof = frames[2]
    if not prof.empty:
        # within a characteristic beside its published total, never exactly one hidden cell
        published = prof[~prof["total_suppressed"]]
        hidden = published[published["suppressed"]].groupby("characteristic").size()
        assert not (hidden == 1).any()


def test_explorer_filters_and_sorts():
    ids = lambda frame: frame["project_id"].tolist()  # noqa: E731
    assert ids(q.projects("2023/24", "borough", search="TOWN")) == ["P4"]
    assert sorted(ids(q.projects("2023/24", "borough", kind="participatory_budgeting"))) == [
        "P2",
        "P6",
    ]
    assert sorted(ids(q.projects("2023/24", "borough", status="feedback overdue"))) == [
        "P2",
        "P5",
    ]
    # contributions: P4 12, P1 5, P3 2, then 0s by title
    assert ids(q.projects("2023/24", "borough", sort="contributions"))[:3] == ["P4", "P1", "P3"]
    assert ids(q.projects("2023/24", "borough", sort="waiting"))[:2] == ["P2", "P5"]
    # a cluster shows its own projects and borough-wide ones; Q4 only those open then
    assert sorted(ids(q.projects("2023/24", "grays"))) == ["P1", "P2", "P4"]
    assert ids(q.projects("2023/24 Q4", "grays")) == ["P4"]
    projects = q.projects("2023/24", "borough").set_index("project_id")
    assert projects.loc["P1", "participants_suppressed"]  # 3 people
    assert projects.loc["P4", "n_participants"] == 8
    assert projects.loc["P2", "allocators_suppressed"]  # 1 resident: and the mean with it
    assert projects.loc["P2", "pb_mean_per_resident"] != projects.loc["P2", "pb_mean_per_resident"]


def test_budget_allocated_by_the_average_resident():
    raw = q._with_budget_columns(queries.warehouse().query("engagement_project", project="P6"))
    # P6: U5 3,000 + U6 1,000 = 4,000 by 2 residents -> 2,000 each on average
    assert raw.iloc[0]["pb_mean_per_resident"] == 2000
    assert q.project("P6")["allocators_suppressed"]  # but 2 people: not published


def test_funnel_conversion_rates():
    total = q.funnel_overall("2023/24", "borough").iloc[0]
    # P1 100/35/8 + P2 30/12/1 + P3 40/10/2 + P4 250/100/10 = 420/157/21
    assert (total["aware"], total["informed"], total["engaged"]) == (420, 157, 21)
    assert total["informed_pct"] == pytest.approx(100 * 157 / 420)
    assert total["engaged_of_informed_pct"] == pytest.approx(100 * 21 / 157)
    assert total["engaged_pct"] == pytest.approx(100 * 21 / 420)
    # a cluster: its own projects and the borough-wide P2, as in the project explorer
    assert q.funnel("2023/24", "aveley")["project_id"].tolist() == ["P3", "P2"]
    assert q.funnel("2023/24", "grays")["project_id"].tolist() == ["P4", "P1", "P2"]
    assert q.funnel("2023/24 Q4", "grays")["project_id"].tolist() == ["P4"]


def test_engaged_visitors_are_protected_across_projects_and_quarters():
    # 2023/24: Q1 P1 8, P2 1, P3 2; Q4 P4 10. P2 and P3 are [c] in Q1 and in the year; the
    # all-projects 21 is published (21 - 8 - 10 leaves P2 + P3 = 3, not either one)
    rows = q.funnel("2023/24", "borough").set_index("project_id")
    assert rows["engaged_suppressed"].to_dict() == {
        "P4": False,
        "P1": False,
        "P3": True,
        "P2": True,
    }
    assert rows.loc["P1", "engaged"] == 8 and pd.isna(rows.loc["P2", "engaged"])
    assert pd.isna(rows.loc["P3", "engaged_pct"]) and pd.isna(
        rows.loc["P3", "engaged_of_informed_pct"]
    )
    assert rows.loc["P3", "informed_pct"] == pytest.approx(25.0)  # visitors, not people: shown
    # Grays' projects (P4, P1 and the borough-wide P2) add up to 19: with P2 hidden, withheld
    grays = q.funnel_overall("2023/24", "grays").iloc[0]
    assert grays["engaged_suppressed"] and pd.isna(grays["engaged"]) and grays["aware"] == 380
    # Q4: P4's 10 alone, published; the project page's quarters follow the same table
    assert not q.funnel_overall("2023/24 Q4", "borough").iloc[0]["engaged_suppressed"]
    p2 = q.project_funnel("P2").set_index("period_label")
    assert p2.loc["2023/24 Q1", "engaged_suppressed"] and pd.isna(p2.loc["2023/24 Q1", "engaged"])
    section = str(cb.funnel_section(resolve("2023-24", "grays")))
    assert "[c] contributed (engaged)" in section


def test_petition_signatures_of_a_few_people_are_suppressed():
    pet = q.petitions("2023/24", "borough").set_index("petition_id")
    assert pet.loc["T1", "signatures"] == 600
    assert pet.loc["T2", "suppressed"]


def test_hover_text_is_inert():
    assert hover_text("<b>Pothole</b> & <img src=x onerror=alert(1)>") == (
        "&lt;b&gt;Pothole&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
    )


def test_places_map_escapes_pin_comments_in_hover():
    section = cb.update_places("2023-24-q4", "grays", "sentiment")
    fig = section[0].children[2].children.figure
    hovers = [str(c[1]) for trace in fig.data[1:] for c in trace.customdata]
    assert any("&lt;b&gt;Pothole&lt;/b&gt; &amp; &quot;broken&quot;" in h for h in hovers)
    assert not any("<b>Pothole" in h for h in hovers)


def test_page_sentences_state_the_figures():
    out = cb.update_engagement("2023-24", "borough")
    reach = str(out[2])
    assert "11 residents took part across the borough in 2023/24" in reach
    assert "Not published for small numbers: Aveley, Grays" in reach
    assert "engagement-reach-trend" in reach
    funnel = str(out[3])
    # 157 / 420 = 37.38%, 21 / 420 = 5.00%
    assert "420 visitors" in funnel and "37.4%" in funnel and "5.0%" in funnel
    tools = str(out[4])
    assert "most used tool across the borough was Survey (9 of 18 contributions)" in tools
    heard = str(out[6])
    assert "Stanford skate park" in heard and "154" in heard
    budgets = str(out[7])
    # P2 (1 resident) and P6 (2 residents): too few people to publish what they allocated
    assert "offered £25,000 in all" in budgets
    assert "no project has enough residents taking part" in budgets


def test_project_detail_renders_resident_text_as_plain_strings():
    parts = project_cb.update_project("P4", "2023-24", "grays")
    comments = parts[-1].children[2]
    texts = [item.children[1].children for item in comments.children]
    assert "<img src=x onerror=alert(1)> More benches" in texts
    assert all(isinstance(t, str) for t in texts)  # Dash renders strings as text nodes
    unknown = project_cb.update_project("NOPE", "2023-24", "grays")
    assert "Unknown project" in str(unknown)


def test_lowest_reach_callout_names_clusters_nobody_took_part_from_then_the_lowest():
    reach = cb.reach_section(resolve("2023-24-q4", "borough"))
    callout = reach[1].children
    # Q4: only Grays (U5-U12, 8 people) took part; every other cluster is 0
    assert callout.startswith("No resident took part from Aveley, Chafford Hundred")
    assert "Tilbury and Chadwell St Mary" in callout
    # 8 / 43,228 Grays residents x 1,000 = 0.185
    assert callout.endswith("Lowest reach: Grays (including Little Thurrock) (0.19 per 1,000).")
    year = cb.reach_section(resolve("2023-24", "borough"))[1].children
    assert "Lowest reach" not in year  # Aveley (1) and Grays are [c]: never ranked
    assert year.endswith(
        "Not published for small numbers: Aveley, Grays (including Little Thurrock)."
    )


def test_reach_trend_sentence_compares_first_and_latest_published_period():
    grays = cb.reach_section(resolve("2023-24-q4", "grays"))[-1].children[1].children
    # Q1 is [c] (Grays' 3 people reveal Aveley's 1); Q2 0 people; Q4 8 / 43,228 x 1,000
    assert grays.startswith(
        "Grays (including Little Thurrock): 0.19 per 1,000 in 2023/24 Q4, against 0.00 in "
        "2023/24 Q2."
    )
    assert "(blue) against the borough (black)" in grays
    borough = cb.reach_section(resolve("2023-24", "borough"))[-1].children[1].children
    assert borough.startswith("Thurrock (whole borough) has fewer than two published periods")
    assert "the borough (black) against each cluster (grey)" in borough


def test_who_we_hear_from_names_under_represented_groups_and_never_a_suppressed_one():
    who = cb.who_section(resolve("2023-24-q4", "grays"))
    # U5-U9 35-49, U10-U12 25-34: both [c] (3, then 5 revealing it); nobody under 25 or 50+
    assert who[1].children == (
        "Under-represented: Under 16 (age band); 16-24 (age band); 50-64 (age band); "
        "65+ (age band)."
    )


def test_who_we_hear_from_says_when_too_few_took_part_rather_than_nobody():
    # Aveley 2023/24: one participant (U2)
    who = cb.who_section(resolve("2023-24", "aveley"))
    assert len(who) == 1
    assert who[0].children.startswith(
        "The number of people who took part in Aveley in 2023/24 is suppressed ([c])"
    )
    # Grays' 10 are hidden too (they would give Aveley's 1 away): withheld, never "fewer than 5"
    grays = cb.who_section(resolve("2023-24", "grays"))
    assert len(grays) == 1 and "is suppressed ([c]): it is 1 to 4, or would" in grays[0].children
    nobody = cb.who_section(resolve("2023-24", "south-ockendon"))
    assert nobody[0].children == "Nobody took part in South Ockendon in 2023/24."


def test_budgets_by_area_averages_only_published_projects():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "project_id": ["A", "B", "C", "D"],
            "area_name": ["Grays", "Grays", "Grays", "Aveley"],
            "pb_budget_gbp": [1000.0, 2000.0, 500.0, 800.0],
            # A: 5 residents put in 4,000 (80% each on average); B: 10 put in 20,000 (100%)
            "pb_allocated_gbp": [4000.0, 20000.0, 500.0, 800.0],
            "pb_n_allocators": [5.0, 10.0, None, None],
            "allocators_suppressed": [False, False, True, True],
        }
    )
    out = q.budgets_by_area(frame).set_index("area_name")
    assert out.loc["Grays", "n_projects"] == 3
    assert out.loc["Grays", "pb_budget_gbp"] == 3500
    # (4,000 / 1,000 + 20,000 / 2,000) / (5 + 10) = 14 / 15 = 93.3%; C is [c]: left out
    assert out.loc["Grays", "pct_allocated"] == pytest.approx(100 * 14 / 15)
    assert pd.isna(out.loc["Aveley", "pct_allocated"])


def test_budget_section_by_area_on_the_fixture():
    section = cb.budgeting_section(resolve("2023-24", "borough"))
    area_rows = [
        [cell.children for cell in row.children] for row in section[1].children[2].children
    ]
    # P6 (Chafford, 5,000) and P2 (borough-wide, 20,000): 2 and 1 residents -> not published
    assert ["Chafford Hundred (including North Stifford)", "1", "£5,000", "not published"] in (
        area_rows
    )
    assert ["Thurrock (whole borough)", "1", "£20,000", "not published"] in area_rows


def test_project_budget_lines_show_shares_and_the_average_resident():
    lines = q.budget_lines("P2", 5).set_index("budget_line")
    # A1 5,000 + A2 3,000 = 8,000: 62.5% and 37.5%; over 5 residents 1,000 and 600 each
    assert lines.loc["Parks and play areas", "share_pct"] == pytest.approx(62.5)
    assert lines.loc["Youth activities", "mean_per_resident_gbp"] == pytest.approx(600)
    assert lines["suppressed"].all()  # one resident on each line
    assert not lines["shares_suppressed"].any()
    # P2 in fact has 1 allocator: that resident's split is the shares, so they are withheld
    withheld = q.budget_lines("P2", None)
    assert withheld["shares_suppressed"].all()
    assert withheld["share_pct"].isna().all() and withheld["mean_per_resident_gbp"].isna().all()
    page = str(project_cb.update_project("P2", "2023-24", "borough"))
    assert "62.5%" not in page and "37.5%" not in page and "£5,000" not in page
    assert "[c]" in page


def test_project_page_funnel_by_quarter_and_tools_by_name():
    parts = project_cb.update_project("P4", "2023-24", "grays")
    text = str(parts)
    # P4: 15 Jan and 1 Feb 2024 visits, both Q4: 250 / 100 / 10 -> 40.0% and 4.0%
    assert "2023/24 Q4" in text and "250" in text and "40.0%" in text and "4.0%" in text
    # tools by the portal's names: 8 surveys (C8-C15), Q&A (C19), Places (C18)
    assert "'Q&A'" in text and "'Places'" in text and "quick_poll" not in text


def test_places_table_and_legend_name_the_tool():
    section = cb.update_places("2023-24-q4", "grays", "tool")
    block = section[0]
    fig = block.children[2].children.figure
    assert [t.name for t in fig.data[1:]] == ["Places"]
    table = str(block)
    assert "'Tool'" in table and "'Places'" in table


def test_petitions_caption_gives_the_median_response_time():
    heard = str(cb.heard_section(resolve("2023-24", "borough")))
    # T1 answered after 110 days; T2 not yet
    assert "2, 1 reached the threshold; median 110 days" in heard
    assert "(1 answered)" in heard


def test_budget_sentence_on_the_fixture_and_with_published_allocators(monkeypatch):
    text = str(cb.budgeting_section(resolve("2023-24", "borough"))[0])
    # P2 (20,000) and P6 (5,000): 1 and 2 residents allocated, too few to say what they did
    assert (
        "2 participatory budgeting project(s) open across the borough in 2023/24 offered "
        "£25,000 in all. Each resident shares a budget out between its lines: no project has "
        "enough residents taking part to publish what they allocated."
    ) in text
    real = q.budgets("2023/24", "borough")
    # as if P2 had 10 residents putting in 8,000 (40% of 20,000 each on average) and P6
    # 5 putting in 5,000 (20% of 5,000 each): (40 + 20) / 2 = 30%
    fake = real.assign(
        pb_allocated_gbp=[5000.0, 80000.0]
        if real["project_id"].iloc[0] == "P6"
        else [80000.0, 5000.0],
        pb_n_allocators=[5.0, 10.0] if real["project_id"].iloc[0] == "P6" else [10.0, 5.0],
        allocators_suppressed=False,
    )
    fake["pb_mean_per_resident"] = fake["pb_allocated_gbp"] / fake["pb_n_allocators"]
    monkeypatch.setattr(q, "budgets", lambda period, area: fake)
    text = str(cb.budgeting_section(resolve("2023-24", "borough"))[0])
    assert "on average a resident allocated 30% of the budget offered" in text


def test_places_sentence_says_how_many_pins_are_shown(monkeypatch):
    # the fixture has 2 pins in 2023/24: all shown
    text = str(cb.places_section(resolve("2023-24", "borough"), "sentiment"))
    assert "Places pins dropped across the borough in 2023/24: all 2, coloured by sentiment" in text
    assert "the table lists the same pins" in text
    real = q.pins
    monkeypatch.setattr(q, "pins", lambda period, area: real(period, area, limit=1))
    text = str(cb.places_section(resolve("2023-24", "borough"), "tool"))
    assert "2023/24: the newest 1 of 2, coloured by engagement tool" in text
    monkeypatch.setattr(cb, "PINS_IN_TABLE", 0)
    assert "the table lists the newest 0 of them" in str(
        cb.places_section(resolve("2023-24", "borough"), "tool")
    )


def test_profile_without_a_comparator_says_the_dashboard_holds_none(monkeypatch):
    real = q.participant_profile

    def no_comparator(period, area):
        return real(period, area).assign(comparator=None)

    monkeypatch.setattr(q, "participant_profile", no_comparator)
    text = str(cb.who_section(resolve("2023-24-q4", "grays")))
    assert (
        "The dashboard holds no Census 2021 comparator for this characteristic in Grays "
        "(including Little Thurrock), so participants are shown without one."
    ) in text
    assert "below borough" not in text


def test_project_links_carry_the_explorer_state_and_the_back_link_restores_it():
    view = resolve("2023-24", "borough")
    table = str(cb.explorer(view, " skate ", "", "feedback overdue", "contributions"))
    assert (
        "/engagement/project/P5?period=2023-24&area=borough&q=skate&status=feedback+overdue"
        "&sort=contributions"
    ) in table
    # defaults stay out of the link
    assert "/engagement/project/P1?period=2023-24&area=borough'" in str(
        cb.explorer(view, "", "", "", "newest")
    ).replace('"', "'")
    back = project_cb.explorer_link(
        resolve("2023-24-q4", "grays"), {"q": "skate", "sort": "title", "evil": "x"}
    )
    assert back == "/engagement?period=2023-24-q4&area=grays&q=skate&sort=title#engagement-explorer"
    assert project_cb.explorer_link(view, None) == (
        "/engagement?period=2023-24&area=borough#engagement-explorer"
    )


def test_reach_trend_table_lists_every_area_the_chart_draws():
    section = cb.reach_section(resolve("2023-24", "grays"))
    graph = find(section, "engagement-reach-trend-graph")
    drawn = {trace.name for trace in graph.figure.data}
    listed = {row[1] for row in rows(find(section, "engagement-reach-trend-table"))}
    assert len(drawn) == 10  # the borough and the 9 clusters
    assert listed == drawn


def test_questions_answered_share_is_published_as_its_counts_are():
    """Questions are contributions (events): the tools table and each project page publish
    them, so hiding the share would protect nothing. Fixture, borough 2023/24: 2 of the 3
    questions asked were answered = 66.7%."""
    status = queries.status_for_area("2023/24", "borough").set_index("metric_id")
    row = status.loc["eng_questions_answered_share"]
    assert not row["suppressed"]
    assert round(row["value"], 1) == 66.7
    assert (row["numerator"], row["denominator"]) == (2, 3)


def test_tools_never_recorded_are_left_out_and_said_so_not_drawn_as_zeros():
    # the fixture's contributions use survey, quick poll, ideas, Q&A, stories and Places only
    assert q.tools_never_recorded() == ["Forum", "Participatory budgeting", "Petitions"]
    section = cb.tools_section(resolve("2023-24", "borough"))
    header = find(section, "engagement-tools-table").children[1].children.children
    assert [th.children for th in header] == [
        "Quarter",
        "Survey",
        "Quick poll",
        "Ideas",
        "Q&A",
        "Stories",
        "Places",
    ]
    sentence = find(section, "engagement-tools-chart-summary").children
    assert sentence.endswith(
        "The portal's contribution export records none made with Forum, Participatory "
        "budgeting, Petitions, so the chart leaves them out rather than show zeros; petition "
        "signatures are counted petition by petition under 'Being heard'."
    )
    graph = find(section, "engagement-tools-chart-graph")
    assert "Petitions" not in {trace.name for trace in graph.figure.data}
