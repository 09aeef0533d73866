"""The Empowerment query layer and figure builders: disclosure control and what each chart plots,
against values worked out by hand from tests/fixtures/empowerment (see test_marts.py)."""

from __future__ import annotations

import html as html_lib
import math

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


def nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def test_tcca_counts_are_suppressed_with_secondary_protection(q):
    t = by_area(q.tcca_areas(FY))
    # requests: Aveley 1 is [c]; Tilbury (5, the next smallest part) goes too, so the
    # borough's 18 minus Grays' 12 cannot be split between them
    assert t.loc["borough", "n_requests"] == 18 and t.loc["grays", "n_requests"] == 12
    assert nan(t.loc["aveley", "n_requests"]) and nan(t.loc[TIL, "n_requests"])
    assert nan(t.loc[TIL, "requests_per_1000_a_year"])
    # parts of a hidden count are hidden with it: Tilbury's 5 fulfilled would reveal its 5
    assert nan(t.loc[TIL, "n_fulfilled"]) and t.loc["grays", "n_fulfilled"] == 10
    # never fulfilled: Grays 2, Aveley 1, borough 3 - all 1 to 4 people
    assert t[["n_not_fulfilled_suppressed"]].loc[["borough", "grays", "aveley"]].all().all()
    # shares: Grays within 24h is 8 of 12 (66.7%), shown; Tilbury's base is hidden
    assert t.loc["grays", "share_within_24h"] == pytest.approx(100 * 8 / 12)
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
    # requests per active volunteer: Grays 12 / 5 shown; Tilbury's requests are hidden
    assert t.loc["grays", "requests_per_serving_volunteer"] == pytest.approx(2.4)
    assert nan(t.loc[TIL, "requests_per_serving_volunteer"])


def test_breakdowns_hide_small_cells_and_whole_hidden_areas(q):
    g = q.tcca_breakdown(FY, "grays").set_index(["breakdown", "category"])
    # outcomes in Grays: fulfilled 10 shown, open 1 and unable to contact 1 hidden, zeros shown
    assert g.loc[("outcome", "fulfilled"), "n_requests"] == 10
    assert g.loc[("outcome", "open"), "suppressed"]
    assert g.loc[("outcome", "referred_on"), "n_requests"] == 0
    # Tilbury's request count is hidden, so every one of its categories is too
    t = q.tcca_breakdown(FY, TIL)
    assert t["suppressed"].all() and t["n_requests"].isna().all()
    assert set(t["category_label"]) >= {"Food parcels", "Shielding list", "Still open"}


def test_need_trend_covers_every_quarter(q):
    trend = q.tcca_need_trend("borough")
    assert trend["period_label"].nunique() == 8
    q1 = trend[(trend["period_label"] == "2024/25 Q1")].set_index("category")
    # Q1 2024/25: shopping G01 G02 T01, prescription G03 G04 T02 -> 3 and 3, both [c]
    assert q1.loc[["shopping", "prescription"], "suppressed"].all()
    assert q1.loc["befriending", "n_requests"] == 0


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
    assert seasonal.loc["Jan", "mean_attendances"] == pytest.approx(30.0)
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
    assert "busiest month was Apr 2024 (80 attendances)" in block.children[1].children
    seasonal = cb.seasonal_figure(q.hub_seasonal("borough"), "attendances")
    assert list(seasonal.data[0].y[:2]) == [57.0, 15.0]


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
