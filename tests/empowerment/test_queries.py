"""The Empowerment query layer and figure builders: disclosure control and what each chart plots,
against values worked out by hand from tests/fixtures/empowerment (see test_marts.py)."""

from __future__ import annotations

import html as html_lib
import math

import pandas as pd
import pytest

from dashboard.callbacks import empowerment as cb
from dashboard.states import resolve

TIL = "tilbury-and-chadwell-st-mary"
FY = "2024/25"
PEOPLE = ("n_requests", "n_fulfilled", "n_not_fulfilled", "n_volunteers_registered")


@pytest.fixture
def q(emp_queries):
    from dashboard.queries import empowerment

    return empowerment


def by_area(frame):
    return frame.set_index("area_slug")


def table_of(block) -> tuple[list, list[list]]:
    """A chart block's table alternative as (headers, rows of cell text)."""
    _caption, head, body = block.children[3].children[1].children
    headers = [th.children for th in head.children.children]
    return headers, [[cell.children for cell in row.children] for row in body.children]


def cells_by_row(block) -> dict:
    return {row[0]: row[1:] for row in table_of(block)[1]}


def nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def test_tcca_counts_are_suppressed_with_secondary_protection(q):
    t = by_area(q.tcca_areas(FY))
    # requests: Aveley 1 is [c]; Tilbury (5, the next smallest part) goes too, so the
    # borough's 18 minus Grays' 12 cannot be split between them
    assert t.loc["borough", "n_requests"] == 18 and t.loc["grays", "n_requests"] == 12
    assert nan(t.loc["aveley", "n_requests"]) and nan(t.loc[TIL, "n_requests"])
    assert nan(t.loc[TIL, "requests_per_1000_a_year"])
    # never fulfilled: Grays 2, Aveley 1, borough 3 - all 1 to 4 people. Readers know
    # requests = fulfilled + never fulfilled, so with Grays' 12 and borough's 18 published
    # their fulfilled (10 and 15) would give the 2 and 3 back: both are hidden, and so is
    # Tilbury's 5 (else borough 15 - Tilbury 5 = Grays 10). Aveley's 0 fulfilled stays:
    # its requests and never fulfilled are both hidden, so it gives neither away.
    assert t[["n_not_fulfilled_suppressed"]].loc[["borough", "grays", "aveley"]].all().all()
    assert t.loc[["borough", "grays", TIL], "n_fulfilled_suppressed"].all()
    assert nan(t.loc["grays", "n_fulfilled"]) and nan(t.loc["borough", "n_fulfilled"])
    assert t.loc["aveley", "n_fulfilled"] == 0 and t.loc[TIL, "n_not_fulfilled"] == 0
    # within 24h and 48h are shown as shares of the requests, so Tilbury's (4 and 5) and
    # Aveley's (0 and 0) go with their hidden requests; Grays 8 and 9 of 12 and the borough's
    # 12 and 14 of 18 stay, as the two hidden cells of each sum are left to share 4 and 5
    assert t.loc["grays", "share_within_24h"] == pytest.approx(100 * 8 / 12)
    assert t.loc["grays", "share_within_48h"] == pytest.approx(100 * 9 / 12)
    assert t.loc["borough", "share_within_24h"] == pytest.approx(100 * 12 / 18)
    assert t.loc["borough", "n_within_48h"] == 14
    assert (
        t.loc[[TIL, "aveley"], ["n_within_24h_suppressed", "n_within_48h_suppressed"]].all().all()
    )
    assert nan(t.loc[TIL, "share_within_48h"])
    # percentiles rest on 5+ fulfilled requests: shown even where the count is hidden
    assert t.loc[TIL, "p90_hours_to_fulfil"] == pytest.approx(36.2)
    assert t.loc["borough", "p90_hours_to_fulfil"] == pytest.approx(40.2)
    # zero is not disclosive
    assert t.loc["chafford-hundred", "n_requests"] == 0


def test_percentiles_on_few_fulfilled_requests_are_hidden(q):
    t = by_area(q.tcca_areas("2023/24"))
    # 2023/24: Grays 2 fulfilled (12 and 72 hours), Aveley 1 (24 hours), borough 3
    assert t.loc[["borough", "grays", "aveley"], "times_suppressed"].all()
    assert nan(t.loc["grays", "p50_hours_to_fulfil"])


def test_volunteers_are_protected(q):
    t = by_area(q.tcca_areas(FY))
    # registered: Grays 5, Tilbury 3 and Aveley 1 ([c]); borough 9 stays
    assert t.loc["grays", "n_volunteers_registered"] == 5
    assert t.loc[[TIL, "aveley"], "n_volunteers_registered_suppressed"].all()
    assert t.loc["borough", "n_volunteers_registered"] == 9
    # active: Tilbury 2 is [c] and Grays (5, the only other part) goes with it
    assert t.loc[["grays", TIL], "n_volunteers_active_suppressed"].all()
    # outside the borough: 2 registered, 1 active -> [c]
    assert t.loc["borough", "n_registered_outside_suppressed"]
    # requests per volunteer serving the area: Grays 12 / 5 shown; Tilbury's requests are hidden
    assert t.loc["grays", "requests_per_serving_volunteer"] == pytest.approx(2.4)
    assert nan(t.loc[TIL, "requests_per_serving_volunteer"])
    # the borough's 8 serving volunteers are its 7 active + the 1 outside: 8 - 7 would give
    # the hidden 1 back, so the serving count and its ratio (18 / 8) go
    assert t.loc["borough", "n_active_outside_suppressed"]
    assert t.loc["borough", "n_volunteers_active"] == 7
    assert t.loc["borough", "n_volunteers_serving_suppressed"]
    assert nan(t.loc["borough", "n_volunteers_serving"])
    assert nan(t.loc["borough", "requests_per_serving_volunteer"])


def test_breakdowns_are_protected_with_the_areas_table(q):
    g = q.tcca_breakdown(FY, "grays").set_index(["breakdown", "category"])
    # outcomes in Grays: open 1 and unable to contact 1 hidden, zeros shown; fulfilled (10)
    # is the areas table's fulfilled, hidden there, so hidden here too (12 - 10 would give
    # the never-fulfilled 2 back)
    assert g.loc[("outcome", "open"), "suppressed"]
    assert g.loc[("outcome", "fulfilled"), "suppressed"]
    assert g.loc[("outcome", "referred_on"), "n_requests"] == 0
    # referral source: self 5 (G01 G02 G08 G10 G12) shown; family 1, GP 2, council 3 and
    # voluntary 1 are [c] (four hidden cells, so none can be had from 12 - 5)
    assert g.loc[("referral_source", "self"), "n_requests"] == 5
    assert g.loc[("referral_source", "council"), "suppressed"]
    # Tilbury's requests (5) are hidden in the areas table; its categories are protected in
    # the same system: shopping 2, prescription 1, food 1, befriending 1 are [c] and its 0
    # "other" need is shown (a zero beside a hidden total gives nothing away)
    t = q.tcca_breakdown(FY, TIL).set_index(["breakdown", "category"])
    assert t.loc[
        [("need", c) for c in ("shopping", "prescription", "food_parcel")], "suppressed"
    ].all()
    assert t.loc[("need", "other"), "n_requests"] == 0
    assert set(t["category_label"]) >= {"Food parcels", "Shielding list", "Still open"}
    # the borough: shopping 6 and self-referral 8 shown, every other non-zero need is [c]
    b = q.tcca_breakdown(FY, "borough").set_index(["breakdown", "category"])
    assert b.loc[("need", "shopping"), "n_requests"] == 6
    assert b.loc[("referral_source", "self"), "n_requests"] == 8
    assert b.loc[
        [("need", c) for c in ("prescription", "food_parcel", "befriending", "other")], "suppressed"
    ].all()


def test_need_trend_covers_every_quarter(q):
    trend = q.tcca_category_trend("borough", "need")
    assert trend["period_label"].nunique() == 8
    q1 = trend[(trend["period_label"] == "2024/25 Q1")].set_index("category")
    # Q1 2024/25: shopping G01 G02 T01, prescription G03 G04 T02 -> 3 and 3, both [c]
    assert q1.loc[["shopping", "prescription"], "suppressed"].all()
    assert q1.loc["befriending", "n_requests"] == 0


def test_referral_source_trend_covers_every_quarter(q):
    trend = q.tcca_category_trend("borough", "referral_source")
    assert trend["period_label"].nunique() == 8 and trend["category"].nunique() == 7
    q2 = trend[(trend["period_label"] == "2024/25 Q2")].set_index("category")
    # Q2 2024/25: council G05 G06, shielding list T03, self A01 -> 2, 1, 1, all [c]
    assert q2.loc[["council", "shielding_list", "self"], "suppressed"].all()
    assert q2.loc["gp_or_nhs", "n_requests"] == 0 and not q2.loc["gp_or_nhs", "suppressed"]
    assert set(trend["category_label"]) == set(q.SOURCE_LABELS.values())
    with pytest.raises(ValueError, match="unknown TCCA breakdown"):
        q.tcca_category_trend("borough", "ward")


def test_category_trend_blocks_on_the_fixture(q):
    view = resolve("2024-25", "borough")
    need = cb.category_trend_block(q.tcca_category_trend("borough", "need"), view, "need")
    assert need.id == "empowerment-need-trend"
    # every non-zero cell is 1 to 4 requests: 23/24 Q1 3 (shopping, prescription, food),
    # Q2 1 (befriending); 24/25 Q1 2, Q2 2 (food 3, other 1), Q3 2 (shopping 2, befriending
    # 1), Q4 4 (other, shopping, food 1 each, befriending 2) -> 14; nothing published to rank
    summary = need.children[1].children
    assert "by main need, each quarter from 2023/24 Q1 to 2024/25 Q4" in summary
    assert "14 of the cells are [c]" in summary and "Largest" not in summary
    source = cb.category_trend_block(
        q.tcca_category_trend("borough", "referral_source"), view, "referral_source"
    )
    assert source.id == "empowerment-source-trend"
    # 23/24 Q1 self, council, GP 1 each; Q2 self 1; 24/25 Q1 self 3, GP 3; Q2 council 2,
    # shielding 1, self 1; Q3 self 2, family 1; Q4 voluntary 1, self 2, council 2 -> 14
    assert "14 of the cells are [c]" in source.children[1].children
    header, rows = table_of(source)
    assert header == ["Quarter", *q.SOURCE_LABELS.values()]
    assert len(rows) == 8
    q1 = rows[4]  # 2024/25 Q1
    assert q1 == ["2024/25 Q1", "[c]", "0", "[c]", "0", "0", "0", "0"]
    fig = source.children[2].children.figure
    assert fig.data[-1].name == "Some referral sources [c] (1 to 4 people)"


def test_category_trend_block_names_the_largest_published_category(q):
    frame = pd.DataFrame(
        {
            "period_start": ["2024-04-01", "2024-04-01", "2024-07-01", "2024-07-01"],
            "period_label": ["2024/25 Q1", "2024/25 Q1", "2024/25 Q2", "2024/25 Q2"],
            "category_order": [1, 4, 1, 4],
            "category": ["self", "council", "self", "council"],
            "category_label": ["Self-referral", "Council", "Self-referral", "Council"],
            "n_requests": [6.0, 0.0, 7.0, 9.0],
            "suppressed": [False, False, False, False],
        }
    )
    block = cb.category_trend_block(frame, resolve("2024-25", "grays"), "referral_source")
    # self 6 + 7 = 13, council 0 + 9 = 9
    assert "Largest over the whole time, counting published cells only: Self-referral (13 " in (
        block.children[1].children
    )
    assert "[c]" not in block.children[1].children


def test_hub_queries(q):
    h = by_area(q.hub_areas(FY))
    assert h.loc[TIL, "n_attendances"] == 155 and not h.loc["aveley", "has_hub"]
    hubs = q.hub_periods(FY, TIL)
    assert list(hubs["hub_id"]) == ["chadwell", "tilbury"]
    months = q.hub_months(FY, "grays")
    assert len(months) == 12 and months["n_attendances"].sum() == 50
    assert months.iloc[0]["month_label"] == "Apr 2024"
    seasonal = q.hub_seasonal("borough").set_index("month_name")
    # April: 34 in 2023 (30 Tilbury + 4 Acorns) and 80 in 2024 -> mean 57 over 2 years
    assert seasonal.loc["Apr", "mean_attendances"] == pytest.approx(57.0)
    # January had returns in 2025 only (Tilbury 15 + 45): 60 over that 1 year
    assert seasonal.loc["Jan", "mean_attendances"] == pytest.approx(60.0)
    assert list(seasonal.index[:2]) == ["Apr", "May"] and seasonal.index[-1] == "Mar"
    cap = by_area(q.capacity(FY))
    assert cap.loc[TIL, "volunteer_hours"] == pytest.approx(23.0)
    assert cap.loc["grays", "n_volunteers_registered"] == 5
    assert nan(cap.loc["aveley", "volunteer_hours"])


# --- figures: what each chart plots ---------------------------------------------------------------


def test_hub_cluster_figure_has_no_zero_bars_for_missing_hubs(q):
    frame = q.hub_areas(FY)
    fig = cb.hub_cluster_figure(frame, "attendances", "grays")
    bar = fig.data[0]
    values = dict(zip(bar.y, bar.x, strict=True))
    assert values["Tilbury and Chadwell St Mary"] == pytest.approx(155 * 1000 / 25_450)
    assert values["Grays"] == pytest.approx(50 * 1000 / 43_228)
    assert nan(values["Aveley"])  # no hub: no bar, words instead
    assert nan(values["South Ockendon"])  # hub with no returns: no bar, words instead
    notes = {(a.y, a.text) for a in fig.layout.annotations}
    assert ("Aveley", cb.NO_HUB) in notes
    assert ("South Ockendon", "Hub sent no returns") in notes
    assert "Aveley has no community hub." in bar.hovertext


def test_hub_figure_splits_libraries(q):
    fig = cb.hub_figure(q.hub_periods(FY, "borough"), "digital_help")
    traces = {t.name: dict(zip(t.y, t.x, strict=True)) for t in fig.data}
    library = traces["In a library"]
    assert library["Tilbury Hub (Tilbury Library) - library"] == 16
    assert (
        traces["Not in a library"]["Acorns Community Hub (Stifford Clays) - not in a library"] == 3
    )


def test_month_and_seasonal_figures(q):
    view = resolve("2024-25", "borough")
    block = cb.hub_month_block(q.hub_months(FY, "borough"), view, "attendances")
    fig = block.children[2].children.figure
    # only hubs with returns: Acorns, Chadwell, Tilbury
    assert [t.name for t in fig.data] == [
        "Acorns Community Hub (Stifford Clays)",
        "Chadwell St Mary Hub (Chadwell Information Centre)",
        "Tilbury Hub (Tilbury Library)",
    ]
    # April 2024: Tilbury 40 + Chadwell 20 + Acorns 20 = 80, per 176,003 residents = 0.45
    assert (
        "busiest month was Apr 2024 (80 attendances, 0.45 per 1,000 residents of Thurrock"
        in block.children[1].children
    )
    grays = cb.hub_month_block(
        q.hub_months(FY, "grays"), resolve("2024-25", "grays"), "attendances"
    )
    # Grays has Acorns only: April 20, December 30 (of 43,228 residents: 0.46 and 0.69)
    assert "Dec 2024 (30 attendances, 0.69 per 1,000 residents" in grays.children[1].children
    cells = cells_by_row(grays)
    # Acorns sent nothing for June: no returns, not 0 (nor 0 per 1,000)
    assert cells["Apr 2024"] == ["20", "20", "0.46"]
    assert cells["Jun 2024"] == [cb.NO_RETURNS] * 3
    bar = grays.children[2].children.figure.data[0]
    june = list(bar.x).index("Jun 2024")
    assert nan(bar.y[june]) and bar.hovertext[june].endswith("in Jun 2024: no returns.")
    seasonal = cb.seasonal_figure(q.hub_seasonal("borough"), "attendances")
    # April (34 + 80) / 2 = 57; May returns in 2024 only: 30 / 1; June: no returns, no bar
    assert list(seasonal.data[0].y[:2]) == [57.0, 30.0] and nan(seasonal.data[0].y[2])
    assert seasonal.data[0].hovertext[2] == "Jun: no returns in any year."


def test_times_and_deprivation_figures(q):
    frame = q.tcca_areas(FY)
    with_requests = frame[frame["n_requests"].fillna(1) > 0]
    fig = cb.times_figure(with_requests)
    median = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    p90 = dict(zip(fig.data[1].y, fig.data[1].x, strict=True))
    assert (median["Grays"], p90["Grays"]) == (pytest.approx(11.0), pytest.approx(32.0))
    assert p90["Thurrock (whole borough)"] == pytest.approx(40.2)
    assert ("Aveley", "None fulfilled") in {(a.y, a.text) for a in fig.layout.annotations}
    clusters = frame[frame["area_type"] == "cluster"]
    scatter = cb.deprivation_figure(clusters, "grays").data[0]
    grays = list(scatter.text).index("Grays")
    # Grays: 3.1% of residents in the 20% most deprived LSOAs, 12 requests per 43,228
    assert scatter.x[grays] == pytest.approx(3.1)
    assert scatter.y[grays] == pytest.approx(12 * 1000 / 43_228)
    assert len(scatter.x) == 7  # Aveley and Tilbury are [c], so not plotted


def test_volunteer_and_capacity_figures(q):
    frame = q.tcca_areas(FY)
    fig = cb.volunteers_figure(frame[frame["area_type"] == "cluster"])
    registered = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    assert registered["Grays"] == pytest.approx(5 * 1000 / 43_228)
    # Tilbury's 3 registered are [c]: an empty bar labelled "[c]", not a figure
    tilbury = list(fig.data[0].y).index("Tilbury and Chadwell St Mary")
    assert fig.data[0].x[tilbury] == 0 and fig.data[0].text[tilbury] == "Registered [c]"
    assert "[c] registered" in fig.data[0].hovertext[tilbury]
    cap = q.capacity(FY)
    fig = cb.capacity_figure(cap[cap["area_slug"] != "borough"], "grays")
    hours = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    assert hours["Tilbury and Chadwell St Mary"] == pytest.approx(23.0)
    assert hours["Grays"] == pytest.approx(4.0)
    assert nan(hours["Aveley"])


def test_hover_text_is_escaped():
    assert cb._hover(["<b>x</b> & y"])["hovertext"] == [html_lib.escape("<b>x</b> & y")]


def test_page_states(q):
    context, problem, tcca, capacity = cb.update_empowerment("2030-31", "borough")
    assert context == "" and problem is not None and tcca == []
    context, problem, tcca, capacity = cb.update_empowerment("2024-25", "aveley")
    assert problem is None and "Aveley, 2024/25" in context
    hubs = cb.update_hubs("2024-25", "aveley", "events")
    assert hubs[1].id == "empowerment-hubs-none"
    assert cb.update_hubs("2024-25", "nowhere", "events") == []


def test_a_hub_with_no_returns_is_not_a_zero(q):
    block = cb.hub_cluster_block(q.hub_areas(FY), resolve("2024-25", "south-ockendon"), "events")
    assert "sent no activity returns for 2024/25" in block.children[1].children
    # South Ockendon's hub never sent returns: no seasonal pattern, no monthly chart
    blocks = cb.update_hubs("2024-25", "south-ockendon", "attendances")
    assert [b.id for b in blocks] == ["empowerment-hub-clusters", "empowerment-hubs"]


def test_cluster_trend_over_quarters(q):
    trend = q.tcca_trend("quarter")
    q1 = by_area(trend[trend["period_label"] == "2024/25 Q1"])
    # Q1 2024/25: G01-G04 and T01-T02 -> borough 6 (shown), Grays 4 and Tilbury 2 ([c])
    assert q1.loc["borough", "n_requests"] == 6
    assert q1.loc["borough", "requests_per_1000_a_year"] == pytest.approx(6 * 1000 / 176_003 * 4)
    assert nan(q1.loc["grays", "requests_per_1000_a_year"])
    assert q1.loc[["grays", TIL], "n_requests_suppressed"].all()
    block = cb.cluster_trend_block(trend, resolve("2024-25", "grays"))
    fig = block.children[2].children.figure
    borough = next(t for t in fig.data if t.name == "Thurrock (whole borough)")
    assert list(borough.x)[4] == "2024/25 Q1"
    assert borough.y[4] == pytest.approx(6 * 1000 / 176_003 * 4)
    # hidden by quarter: 23/24 Q1 Grays 2, Aveley 1, borough 3; Q2 Aveley 1, borough 1;
    # 24/25 Q1 Grays 4, Tilbury 2; Q2 Grays 2, Tilbury 1, Aveley 1, borough 4; Q3 Grays 2,
    # Tilbury 1, borough 3; Q4 Grays 4, Tilbury 1 -> 3 + 2 + 2 + 4 + 3 + 2 = 16
    assert "16 figures are [c]" in block.children[1].children


def test_seasonal_block_sentence_and_table(q):
    view = resolve("2024-25", "borough")
    block = cb.seasonal_block(q.hub_seasonal("borough"), view, "attendances")
    # attendances (drop-ins + attendees) by month, each month over the years it had returns:
    # Apr (34 + 80) / 2 = 57 (both years); May 30, Jul 15, Aug 5, Dec 30 and Jan 60 had
    # returns in one year only, so each is that year's figure (not halved);
    # Jun, Sep, Oct, Nov, Feb and Mar had returns in no year
    summary = block.children[1].children
    assert "over the 2 financial years 2023/24 to 2024/25" in summary
    assert "averaged over the years in which hubs sent returns for it" in summary
    assert "highest in Jan (60.0). No returns in any year for 6 of the 12 months." in summary
    assert "None recorded" not in summary
    table = table_of(block)[1]
    assert table[:5] == [
        ["Apr", "57.0", "2"],
        ["May", "30.0", "1"],
        ["Jun", cb.NO_RETURNS, "0"],
        ["Jul", "15.0", "1"],
        ["Aug", "5.0", "1"],
    ]
    assert table[9] == ["Jan", "60.0", "1"] and len(table) == 12
    # South Ockendon's hub never sent returns: nothing to show
    assert cb.seasonal_block(q.hub_seasonal("south-ockendon"), view, "attendances") is None


def test_seasonal_mean_skips_years_a_month_had_no_returns(q):
    # May had returns in 2024/25 only (Tilbury, 7 May 2024: 20 drop-ins + 10 attendees,
    # 1 event, 2 advice, 6 digital help); 2023/24 had none. Averaging over both years would
    # halve it to 15; over the years with returns it is 30.
    may = q.hub_seasonal("borough").set_index("month_name").loc["May"]
    assert may["n_years_reported"] == 1 and may["n_years"] == 2
    assert may["mean_attendances"] == pytest.approx(30.0)
    assert may["mean_events"] == pytest.approx(1.0)
    assert may["mean_digital_help"] == pytest.approx(6.0)
    # Grays (Acorns only): April 2023 4 (drop-ins, no attendees) and April 2024 20 -> 12
    grays = q.hub_seasonal("grays").set_index("month_name")
    assert grays.loc["Apr", "mean_attendances"] == pytest.approx(12.0)
    assert grays.loc["Apr", "mean_events"] == pytest.approx(0.5)  # (0 + 1) / 2
    assert nan(grays.loc["Jun", "mean_attendances"])


def test_volunteers_block_sentence_and_table(q):
    view = resolve("2024-25", "grays")
    block = cb.volunteers_block(q.tcca_areas(FY), view)
    summary = block.children[1].children
    # Grays: 5 registered (V1 V3 V4 V10 V11); active 5 is [c] because Tilbury's 2 is;
    # its 12 requests were fulfilled by V1, V3, V4, V10 and V11 -> 5, so 12 / 5 = 2.4
    assert "Grays (including Little Thurrock): 5 registered, [c] active." in summary
    assert "5 different volunteers (living anywhere) fulfilled its requests: 2.4 requests" in (
        summary
    )
    # outside the borough: V2 and V9 registered (2), V9 active (1): both [c]
    assert summary.endswith("Outside the borough: [c] registered, [c] active.")
    cells = cells_by_row(block)
    # Grays 5 per 43,228 = 0.12 per 1,000; Tilbury's 3 and its requests are [c]
    assert cells["Grays (including Little Thurrock)"] == ["5", "0.12", "[c]", "[c]", "2.4"]
    assert cells["Tilbury and Chadwell St Mary"] == ["[c]", "[c]", "[c]", "[c]", "[c]"]
    assert cells["Chafford Hundred (including North Stifford)"] == [
        "0",
        "0.00",
        "0",
        "0.00",
        "no data",
    ]
    assert table_of(block)[0][-1] == "Requests per volunteer serving the area"


def test_capacity_block_sentence_and_table(q):
    view = resolve("2024-25", "borough")
    block = cb.capacity_block(q.capacity(FY), view)
    summary = block.children[1].children
    # hub volunteer hours: Tilbury 6 + 4 + 2 + 8 and Chadwell 3 -> 23; Grays (Acorns) 4
    assert "Most hub volunteer hours: Tilbury and Chadwell St Mary (23.0 hours)." in summary
    # Tilbury (3) and Aveley (1) are [c], so Grays is the most only among the 7 published
    assert (
        "Most TCCA volunteers for its size among the 7 clusters whose figures are published: "
        "Grays (including Little Thurrock) (0.12 per 1,000 residents)." in summary
    )
    cells = cells_by_row(block)
    assert cells["Aveley"][:3] == [cb.NO_HUB, cb.NO_HUB, "[c]"]
    assert cells["Tilbury and Chadwell St Mary"][:3] == ["2", "23.0", "[c]"]
    # borough: 9 registered (Grays 5, Tilbury 3, Aveley 1), 7 active (Grays 5, Tilbury 2:
    # both hidden, so the 7 cannot be split), 9 per 176,003 = 0.05 per 1,000
    assert cells["Thurrock (whole borough)"][2:] == ["9", "7", "0.05"]


def test_metric_tables_hide_what_the_tcca_tables_hide(emp_queries):
    from dashboard import queries
    from dashboard.queries import empowerment

    areas = empowerment.tcca_areas("2024/25").set_index("area_slug")
    # the TCCA tables hide the borough's and Grays' fulfilled counts (secondary suppression)
    assert (
        areas.loc["borough", "n_fulfilled_suppressed"]
        and areas.loc["grays", "n_fulfilled_suppressed"]
    )
    raw = queries.warehouse().query(
        "metric_history", metric="emp_tcca_median_hours_to_fulfil", period_type="fy"
    )
    raw = raw[raw["period_label"] == "2024/25"].set_index("area_slug")
    assert raw.loc["borough", "denominator"] > 4  # the fulfilled count, in the warehouse
    median = queries.metric_history("emp_tcca_median_hours_to_fulfil", "fy")
    median = median[median["period_label"] == "2024/25"].set_index("area_slug")
    # the median itself gives no count away: shown; its denominator (fulfilled) is not
    assert median.loc["borough", "value"] == 10 and pd.isna(median.loc["borough", "denominator"])
    assert pd.isna(median.loc["grays", "denominator"])
    status = queries.status_for_area("2024/25", "grays").set_index("metric_id")
    assert pd.isna(status.loc["emp_tcca_median_hours_to_fulfil", "denominator"])
    # active volunteers: hidden for Grays on the TCCA page, so in the metric too
    assert areas.loc["grays", "n_volunteers_active_suppressed"]
    assert status.loc["emp_active_volunteers_per_1000", "suppressed"]
    assert status.loc["emp_active_volunteers_per_1000", "rag"] == "not_rated"
