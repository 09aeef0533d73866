"""Direct tests of the Empowerment page's blocks (sentences, tables, figures) against values
worked out by hand from tests/fixtures/empowerment (see test_marts.py for the working of the
mart figures). Populations: borough 176,003; grays 43,228; tilbury 25,450."""

from __future__ import annotations

import pytest

from dashboard.callbacks import empowerment as cb
from dashboard.figures import OKABE_ITO
from dashboard.states import resolve
from tests.empowerment.test_queries import cells_by_row, nan, table_of

TIL = "tilbury-and-chadwell-st-mary"
FY = "2024/25"
GRAYS = "Grays (including Little Thurrock)"
TILBURY = "Tilbury and Chadwell St Mary"
BOROUGH = "Thurrock (whole borough)"


@pytest.fixture
def q(emp_queries):
    from dashboard.queries import empowerment

    return empowerment


@pytest.fixture
def page(app):
    """The page module (registering a page needs the app)."""
    from dashboard.pages import empowerment

    return empowerment


def summary_of(block) -> str:
    return block.children[1].children


def figure_of(block):
    return block.children[2].children.figure


# --- TCCA headline --------------------------------------------------------------------------


def test_tcca_headline_borough_and_a_hidden_cluster(q):
    t = q.tcca_areas(FY).set_index("area_slug", drop=False)
    text = cb.tcca_headline(t.loc["borough"], resolve("2024-25", "borough")).children
    # 18 requests: 15 fulfilled and 3 never, both hidden (18 - 15 would give the 3 back);
    # 12 of 18 within 24h (66.7%), 14 of 18 within 48h (77.8%); the 15 fulfilled times
    # 1 2 3 4 5 6 8 10 12 14 16 20 30 47 50: median the 8th (10), p90 at 0.9 x 14 = 12.6 ->
    # 30 + 0.6 x (47 - 30) = 40.2
    assert text == (
        "18 requests for support across the borough in 2024/25: [c] fulfilled and [c] never "
        "fulfilled (counted in every share). 66.7% were fulfilled within 24 hours and 77.8% "
        "within 48 hours. Median time to fulfil 10.0 hours; 90th percentile 40.2 hours."
    )
    text = cb.tcca_headline(t.loc[TIL], resolve("2024-25", TIL)).children
    # Tilbury: 5 requests hidden (beside Aveley's 1), so its fulfilled (5) and both shares go;
    # 0 never fulfilled stays; 5 fulfilled, so the percentiles are shown: 1 3 5 20 47 ->
    # median 5, p90 at 3.6 -> 20 + 0.6 x 27 = 36.2
    assert text == (
        f"[c] requests for support in {TILBURY} in 2024/25: [c] fulfilled and 0 never "
        "fulfilled (counted in every share). [c] were fulfilled within 24 hours and [c] within "
        "48 hours. Median time to fulfil 5.0 hours; 90th percentile 36.2 hours."
    )


# --- breakdown, times and deprivation -------------------------------------------------------


def test_breakdown_blocks_for_grays(q):
    view = resolve("2024-25", "grays")
    frame = q.tcca_breakdown(FY, "grays")
    source = cb.breakdown_block(frame, "referral_source", "Referral source", view, OKABE_ITO[3])
    assert source.id == "empowerment-referral-source"
    # G01 G02 G08 G10 G12 self (5); G07 family, G03 G04 GP, G05 G06 G11 council, G09 voluntary
    assert summary_of(source) == (
        f"Referral source of requests in {GRAYS} in 2024/25. The largest published group is "
        "self-referral (5). 4 figures are [c] (1 to 4 people, or revealing one)."
    )
    headers, rows = table_of(source)
    assert headers == ["Referred by", "Requests"]
    assert rows == [
        ["Self-referral", "5"],
        ["Family or friend", "[c]"],
        ["GP or NHS", "[c]"],
        ["Council", "[c]"],
        ["Voluntary sector", "[c]"],
        ["Shielding list", "0"],
        ["Other", "0"],
    ]
    bars = figure_of(source).data[0]
    assert dict(zip(bars.y, bars.x, strict=True))["Self-referral"] == 5
    notes = {a.y for a in figure_of(source).layout.annotations if a.text == "[c]"}
    assert notes == {"Family or friend", "GP or NHS", "Council", "Voluntary sector"}
    # outcomes: fulfilled 10 is hidden with the areas table's fulfilled; open 1, unable 1
    outcome = cb.breakdown_block(frame, "outcome", "Outcome", view, OKABE_ITO[2])
    assert summary_of(outcome).startswith(f"No outcome can be shown in {GRAYS} in 2024/25.")
    assert summary_of(outcome).endswith("3 figures are [c] (1 to 4 people, or revealing one).")
    assert cells_by_row(outcome) == {
        "Fulfilled": ["[c]"],
        "Referred on": ["0"],
        "No longer needed": ["0"],
        "Unable to contact": ["[c]"],
        "Still open": ["[c]"],
    }


def test_need_breakdown_for_the_borough(q):
    view = resolve("2024-25", "borough")
    block = cb.breakdown_block(
        q.tcca_breakdown(FY, "borough"), "need", "Main need", view, OKABE_ITO[0]
    )
    # shopping 6 (G01 G02 G08 G10 T01 T04); prescription 3, food 4, befriending 3, other 2
    assert "The largest published group is shopping (6). 4 figures are [c]" in summary_of(block)
    assert cells_by_row(block) == {
        "Shopping": ["6"],
        "Prescriptions": ["[c]"],
        "Food parcels": ["[c]"],
        "Befriending": ["[c]"],
        "Other": ["[c]"],
    }


def test_times_block_sentence_and_table(q):
    block = cb.times_block(q.tcca_areas(FY), resolve("2024-25", "grays"))
    # Grays fulfilled in 2 4 6 8 10 12 14 16 30 50 hours: median 11, p90 32
    assert f"{GRAYS}: median 11.0 hours, 90th percentile 32.0 hours." in summary_of(block)
    cells = cells_by_row(block)
    # only areas with requests; Grays 8 and 9 of 12 within 24 / 48 hours
    assert set(cells) == {BOROUGH, GRAYS, TILBURY, "Aveley"}
    assert cells[GRAYS] == ["12", "[c]", "[c]", "66.7%", "75.0%", "11.0", "32.0"]
    assert cells[BOROUGH] == ["18", "[c]", "[c]", "66.7%", "77.8%", "10.0", "40.2"]
    assert cells[TILBURY] == ["[c]", "[c]", "0", "[c]", "[c]", "5.0", "36.2"]
    # Aveley's one request was referred on: none fulfilled, so no times
    assert cells["Aveley"] == ["[c]", "0", "[c]", "[c]", "[c]", "no data", "no data"]


def test_deprivation_block_names_the_chosen_cluster(q):
    frame = q.tcca_areas(FY)
    block = cb.deprivation_block(frame, resolve("2024-25", "grays"))
    # Grays: 3.1% in the 20% most deprived LSOAs; 12 requests per 43,228 = 0.28 per 1,000
    assert (
        f"{GRAYS}: 3.1% of residents in the 20% most deprived neighbourhoods and 0.28 requests "
        "per 1,000 residents a year." in summary_of(block)
    )
    assert "Not plotted ([c], small numbers): Aveley, Tilbury and Chadwell St Mary." in (
        summary_of(block)
    )
    cells = cells_by_row(block)
    assert cells[GRAYS] == ["3.1%", "5.0", "12", "0.28"]
    assert cells[TILBURY] == ["43.1%", "3.0", "[c]", "[c]"]
    tilbury = cb.deprivation_block(frame, resolve("2024-25", TIL))
    assert f"{TILBURY}: 43.1% of residents in the 20% most deprived neighbourhoods and [c] " in (
        summary_of(tilbury)
    )


# --- hubs: rates, the library share, no returns ---------------------------------------------


def test_events_and_advice_rates(q):
    frame = q.hub_areas(FY)
    view = resolve("2024-25", TIL)
    events = cb.hub_cluster_block(frame, view, "events")
    # Tilbury events 2 + 1 + 0 + 3 and Chadwell 1 = 7, per 25,450 = 0.28 per 1,000 a year
    assert summary_of(events).startswith(
        f"In 2024/25 hubs recorded 7 events in {TILBURY}: 0.3 per 1,000 residents a year."
    )
    values = dict(zip(figure_of(events).data[0].y, figure_of(events).data[0].x, strict=True))
    assert values[TILBURY] == pytest.approx(7 * 1000 / 25_450)
    assert values["Grays"] == pytest.approx(3 * 1000 / 43_228)  # Acorns 1 + 2
    advice = cb.hub_cluster_block(frame, view, "advice_sessions")
    # Tilbury advice 1 + 2 + 0 + 3 and Chadwell 1 = 7; the borough adds Acorns' 1 -> 8
    assert "recorded 7 advice sessions" in summary_of(advice)
    cells = cells_by_row(advice)
    assert cells[BOROUGH][1:3] == ["8", f"{8 * 1000 / 176_003:,.1f}"]
    values = dict(zip(figure_of(advice).data[0].y, figure_of(advice).data[0].x, strict=True))
    assert values["Grays"] == pytest.approx(1 * 1000 / 43_228)
    # a quarter is annualised: Q1 2024/25 Tilbury events 2 + 1 and Chadwell 1 = 4,
    # 4 per 25,450 x 4 quarters
    # Tilbury's two hubs both sent returns: no caveat; the borough's six did not (South
    # Ockendon, East and West Tilbury and Purfleet sent none), and the sentence says so
    assert "sent returns" not in summary_of(events)
    borough = cb.hub_cluster_block(frame, resolve("2024-25", "borough"), "events")
    assert (
        "Only 3 of its 6 hubs sent returns: the rate counts what was returned over the whole "
        "period, so it understates activity where returns are missing."
    ) in summary_of(borough)
    q1 = cb.hub_cluster_figure(q.hub_areas("2024/25 Q1"), "events", TIL).data[0]
    assert dict(zip(q1.y, q1.x, strict=True))[TILBURY] == pytest.approx(4 * 1000 / 25_450 * 4)


def test_digital_help_counts_sessions_not_people(q):
    title, _, _, what, _ = cb.MEASURES["digital_help"]
    assert what == "digital-inclusion help sessions" and "resident" not in title.lower()
    block = cb.hub_cluster_block(q.hub_areas(FY), resolve("2024-25", TIL), "digital_help")
    # Tilbury 4 + 6 + 1 + 5 and Chadwell 2 = 18 sessions (not 18 residents)
    assert "recorded 18 digital-inclusion help sessions" in summary_of(block)


def test_library_share_sentence(q):
    view = resolve("2024-25", "borough")
    hubs = q.hub_periods(FY, "borough")
    block = cb.hub_block(hubs, view, "attendances")
    # in libraries: Tilbury 135 + Chadwell 20 = 155 (Belhus, Purfleet and East Tilbury sent
    # nothing); elsewhere Acorns 50; 155 of 205 = 76%
    assert summary_of(block).startswith(
        "6 hubs across the borough: 5 in libraries, 1 elsewhere. In 2024/25 hubs in libraries "
        "recorded 155 attendances (76%) and hubs elsewhere 50. No returns this period from: "
    )
    # if no library hub sent returns, the library side has no figure (not a 0)
    reporting = hubs["hub_id"] == "acorns"
    silent = hubs.assign(n_days_reported=hubs["n_days_reported"].where(reporting, 0))
    text = summary_of(cb.hub_block(silent, view, "attendances"))
    assert "hubs in libraries sent no returns and hubs elsewhere 50." in text


def test_a_hub_with_no_returns_shows_words_not_zeros(q):
    view = resolve("2024-25", "borough")
    block = cb.hub_block(q.hub_periods(FY, "borough"), view, "attendances")
    cells = cells_by_row(block)
    # Belhus (South Ockendon) sent no returns: 0 days, then words in every activity column
    assert cells["South Ockendon Centre Hub (Belhus Library)"] == [
        "South Ockendon",
        "Yes",
        "0",
        *[cb.NO_RETURNS] * 5,
    ]
    # Tilbury: 4 days; 135 attendances, events 2 + 1 + 0 + 3 = 6
    assert cells["Tilbury Hub (Tilbury Library)"][2:5] == ["4", "135", "6"]
    fig = cb.hub_figure(q.hub_periods(FY, "borough"), "attendances")
    library = next(t for t in fig.data if t.name == "In a library")
    bars = dict(zip(library.y, library.x, strict=True))
    assert nan(bars["South Ockendon Centre Hub (Belhus Library) - library"])
    assert bars["Tilbury Hub (Tilbury Library) - library"] == 135
    clusters = cells_by_row(cb.hub_cluster_block(q.hub_areas(FY), view, "attendances"))
    assert clusters["South Ockendon"] == ["1 (1 in libraries)", *[cb.NO_RETURNS] * 3]
    assert clusters["Aveley"] == [cb.NO_HUB] * 4
    capacity = cells_by_row(cb.capacity_block(q.capacity(FY), view))
    assert capacity["South Ockendon"][:2] == ["1", cb.NO_RETURNS]


# --- capacity names the chosen cluster ------------------------------------------------------


def test_capacity_sentence_names_the_chosen_cluster(q):
    cap = q.capacity(FY)
    grays = summary_of(cb.capacity_block(cap, resolve("2024-25", "grays")))
    # Acorns 1.5 + 2.5 = 4 hours; 5 registered per 43,228 = 0.12 per 1,000
    assert (
        f"{GRAYS}: 4.0 hub volunteer hours and 5 TCCA volunteers registered (0.12 per 1,000 "
        "residents)." in grays
    )
    aveley = summary_of(cb.capacity_block(cap, resolve("2024-25", "aveley")))
    assert "Aveley: no community hub and [c] TCCA volunteers registered ([c] per 1,000" in aveley
    ockendon = summary_of(cb.capacity_block(cap, resolve("2024-25", "south-ockendon")))
    assert "South Ockendon: no returns from its hub and 0 TCCA volunteers registered" in ockendon
    borough = summary_of(cb.capacity_block(cap, resolve("2024-25", "borough")))
    # borough: 23 + 4 = 27 hours; 9 registered per 176,003 = 0.05 per 1,000
    assert f"{BOROUGH}: 27.0 hub volunteer hours and 9 TCCA volunteers registered (0.05" in (
        borough
    )


# --- the hub measure and the URL ------------------------------------------------------------


def test_measure_state_writes_and_reads_the_url(monkeypatch, page):
    choice = {"type": "empowerment-hub-measure", "index": 0}
    monkeypatch.setattr(cb, "ctx", type("C", (), {"triggered_id": choice}))
    url, control = cb.measure_state("?period=2024-25&area=grays", ["events"])
    assert url == "?period=2024-25&area=grays&measure=events" and control == [cb.dash.no_update]
    # the default is left out of the URL; already in step writes nothing
    assert cb.measure_state("?period=2024-25&measure=events", ["attendances"])[0] == (
        "?period=2024-25"
    )
    assert cb.measure_state("?measure=events", ["events"])[0] is cb.dash.no_update
    monkeypatch.setattr(cb, "ctx", type("C", (), {"triggered_id": cb.ids.URL}))
    assert cb.measure_state("?measure=digital_help", ["attendances"]) == (
        cb.dash.no_update,
        ["digital_help"],
    )
    assert cb.measure_state("?measure=events", ["events"]) == (
        cb.dash.no_update,
        [cb.dash.no_update],
    )
    # nonsense falls back to the default, never an error
    assert cb.measure_state("?measure=%3Cscript%3E", ["events"])[1] == ["attendances"]
    # another page: no choice there, so nothing is written
    assert cb.measure_state("?period=2024-25", []) == (cb.dash.no_update, [])
    assert page.measure_choice("advice_sessions") == "advice_sessions"
    assert page.measure_choice(["events"]) == "attendances"
    assert page.MEASURE_ID["type"] == cb.MEASURE_ALL["type"]
    assert all("resident" not in m["label"].lower() for m in page.MEASURES)
