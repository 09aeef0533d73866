"""The Engagement query layer: disclosure control, explorer filters and escaped resident text."""

from __future__ import annotations

import pytest

from dashboard import queries
from dashboard.callbacks import engagement as cb
from dashboard.callbacks import engagement_project as project_cb
from dashboard.engagement_figures import hover_text
from dashboard.queries import WarehouseMissing
from dashboard.queries import engagement as q
from dashboard.states import resolve

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
    assert eth.loc["White", "share_of_disclosed"] == pytest.approx(6 / 9)
    for hidden in ("Asian, Asian British or Asian Welsh", "Not answered"):
        assert eth.loc[hidden, "suppressed"]
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
    total = q.funnel_total(q.funnel("2023/24", "borough")).iloc[0]
    # P1 100/35/8 + P3 40/10/2 + P4 250/100/10 = 390/145/20
    assert (total["aware"], total["informed"], total["engaged"]) == (390, 145, 20)
    assert total["informed_pct"] == pytest.approx(100 * 145 / 390)
    assert total["engaged_of_informed_pct"] == pytest.approx(100 * 20 / 145)
    assert total["engaged_pct"] == pytest.approx(100 * 20 / 390)
    assert q.funnel("2023/24", "aveley")["project_id"].tolist() == ["P3"]


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
    assert "390 visitors" in funnel and "37.2%" in funnel and "5.1%" in funnel
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
