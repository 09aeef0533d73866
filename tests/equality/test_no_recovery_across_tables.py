"""No hidden workforce figure can be worked out by combining published tables.

Played as an attacker on a demo-scale warehouse (2,000 staff, with the small groups a real
council has): write down every equation a reader knows between the published tables, treat
hidden figures as unknowns, and check by linear algebra that none is fixed. The equations are
written out here independently of `dashboard.disclosure.LinearSystem`:

- turnover: each count column adds up to its all-staff row; start + starters - leavers = end
  in each row (exact for all staff, near enough for a category to give a count away);
- turnover start and end counts are the representation tables' all-staff counts at the two
  snapshots;
- pay gaps: reference + headline group + not disclosed is the same full-pay workforce in
  every dimension (published nowhere, but shared); the ethnic groups add up to the headline;
- disclosure: the disclosed count is the substantive answers added up, and disclosed +
  prefer not to say + not recorded = all staff;
- ethnicity and disability quartiles: each band's two groups add up to the band's size
  (known from the number ranked), and each group's bands to its pay gap count.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.disclosure import TOTAL_LABEL
from tests.attack import fixed_unknowns
from tests.equality.conftest import restored_query_layer

YEAR = 2025


@pytest.fixture
def demo_equality(demo_db):
    from dashboard import queries
    from dashboard.queries import equality

    with restored_query_layer():
        queries.configure(demo_db)
        yield equality


def _shown(frame: pd.DataFrame, col: str, key_cols: list[str]) -> dict:
    visible = frame[~frame[f"{col}_suppressed"]]
    return {(*r[key_cols], col): r[col] for _, r in visible.iterrows()}


@pytest.mark.parametrize(
    "characteristic",
    ["sex", "age_band", "ethnic_group", "disability", "religion", "sexual_orientation"],
)
def test_turnover_hides_as_representation_does_and_nothing_comes_back(
    demo_equality, characteristic
):
    eq = demo_equality
    table = eq.turnover(YEAR, characteristic)
    table["cat"] = table["category"].where(table["characteristic"] != "all_staff", TOTAL_LABEL)
    for col, year in (("n_end", YEAR), ("n_start", YEAR - 1)):
        everyone = eq.representation(year, characteristic, "All staff").set_index("category")
        for _, row in table.iterrows():
            if row["cat"] in everyone.index:
                assert row[f"{col}_suppressed"] == everyone.loc[row["cat"], "n_staff_suppressed"]
    counts = ["n_start", "n_end", "n_starters", "n_leavers"]
    known = {}
    for col in counts:
        known |= _shown(table, col, ["cat"])
    cats = list(table["cat"])
    parts = [c for c in cats if c != TOTAL_LABEL]
    equations = [
        {(c, "n_start"): 1, (c, "n_starters"): 1, (c, "n_leavers"): -1, (c, "n_end"): -1}
        for c in cats
    ]
    equations += [{**{(c, col): 1 for c in parts}, (TOTAL_LABEL, col): -1} for col in counts]
    assert fixed_unknowns(equations, known) == []
    shown = pd.Series(list(known.values()), dtype=float)
    assert not shown.between(1, 4).any()


def _gap_rows(dim: str, ref: int, und: int, groups: dict[str, int]) -> list[dict]:
    return [
        {
            "snapshot_year": YEAR,
            "dimension": dim,
            "reference_group": "ref",
            "comparison_group": group,
            "is_headline": i == 0,
            "n_reference": ref,
            "n_comparison": n,
            "n_undisclosed": und,
            **{col: 1.0 for col in MONEY},
        }
        for i, (group, n) in enumerate(groups.items())
    ]


MONEY = (
    "mean_reference_gbp",
    "median_reference_gbp",
    "mean_comparison_gbp",
    "median_comparison_gbp",
    "mean_gap_percent",
    "median_gap_percent",
)


def test_pay_gap_counts_stay_hidden_across_the_three_dimensions():
    from dashboard.queries.equality import protect_pay_gap_counts

    # 28 full-pay staff: by sex 10 men + 12 women + 6 undisclosed (so readers learn 28);
    # by ethnicity 9 White British + 16 ethnic minority (12 Asian + 4 Black) + 3 undisclosed;
    # by disability 15 not disabled + 10 disabled + 3 undisclosed.
    # Primary: Black 4 and both undisclosed 3s. 28 - 9 - 16 would give the 3 back and
    # 16 - 12 the 4, so the headline 16 goes too (one hiding mends two equations); then
    # 28 - 15 - 10 still gives the disability 3, so its smaller neighbour 10 goes.
    # Men and women are the quartile table's published totals: never hidden here.
    frame = pd.DataFrame(
        _gap_rows("sex", 10, 6, {"Women": 12})
        + _gap_rows("ethnicity", 9, 3, {"Ethnic minority": 16, "Asian": 12, "Black": 4})
        + _gap_rows("disability", 15, 3, {"Disabled": 10})
    )
    out = protect_pay_gap_counts(frame, men_hidden=False, women_hidden=False)
    hidden = {
        (r.dimension, r.comparison_group) for r in out.itertuples() if r.n_comparison_suppressed
    }
    assert hidden == {
        ("ethnicity", "Ethnic minority"),
        ("ethnicity", "Black"),
        ("disability", "Disabled"),
    }
    und = out.groupby("dimension")["n_undisclosed_suppressed"].all().to_dict()
    assert und == {"disability": True, "ethnicity": True, "sex": False}
    assert not out["n_reference_suppressed"].any()
    # a gap is hidden with its group, shown otherwise
    gaps = dict(zip(out["comparison_group"], out["mean_gap_percent_suppressed"], strict=True))
    assert gaps == {
        "Women": False,
        "Ethnic minority": True,
        "Asian": False,
        "Black": True,
        "Disabled": True,
    }
    # the attacker's view
    known, equations = {}, []
    for dim, rows in out.groupby("dimension"):
        head = rows[rows["is_headline"]].iloc[0]
        known[(dim, "ref")] = head["n_reference"]
        if not head["n_undisclosed_suppressed"]:
            known[(dim, "und")] = head["n_undisclosed"]
        for r in rows.itertuples():
            if not r.n_comparison_suppressed:
                known[(dim, r.comparison_group)] = r.n_comparison
        group = head["comparison_group"]
        equations.append({(dim, "ref"): 1, (dim, group): 1, (dim, "und"): 1, "all": -1})
        others = rows.loc[~rows["is_headline"], "comparison_group"]
        if len(others):
            equations.append({(dim, group): -1, **{(dim, g): 1 for g in others}})
    assert [k for k in fixed_unknowns(equations, known) if k != "all"] == []


def test_disclosure_counts_hide_as_representation_does_and_nothing_comes_back(demo_equality):
    _check_disclosure(demo_equality)


def test_disclosure_on_the_small_fixture_too(configured):
    from dashboard.queries import equality

    # 15 staff: most answers are 1 to 4 people, so the disclosed count must often be hidden
    trend = equality.disclosure_trend()
    assert trend.loc[trend["snapshot_year"] == YEAR, "n_disclosed_suppressed"].any()
    _check_disclosure(equality)


def _check_disclosure(eq) -> None:
    trend = eq.disclosure_trend()
    for row in trend[trend["snapshot_year"] == YEAR].itertuples():
        everyone = eq.representation(YEAR, row.characteristic, "All staff")
        flags = dict(zip(everyone["category"], everyone["n_staff_suppressed"], strict=True))
        values = dict(zip(everyone["category"], everyone["n_staff"], strict=True))
        for col, cat in (
            ("n_prefer_not_to_say", "Prefer not to say"),
            ("n_not_recorded", "Not disclosed"),
            ("n_staff", TOTAL_LABEL),
        ):
            if cat in flags:
                assert getattr(row, f"{col}_suppressed") == flags[cat], (row.characteristic, col)
        known = {c: v for c, v in values.items() if not flags[c]}
        if not row.n_disclosed_suppressed:
            known["disclosed"] = row.n_disclosed
        substantive = [c for c in values if c not in ("Prefer not to say", "Not disclosed")]
        substantive = [c for c in substantive if c != TOTAL_LABEL]
        equations = [
            {"disclosed": -1, **{c: 1 for c in substantive}},
            {
                "disclosed": 1,
                "Prefer not to say": 1,
                "Not disclosed": 1,
                TOTAL_LABEL: -1,
            },
        ]
        for absent in {"Not disclosed", "Prefer not to say"} - set(values):
            known[absent] = 0
        assert fixed_unknowns(equations, known) == [], row.characteristic


def test_quartile_shares_of_men_and_women_are_hidden_together(demo_equality):
    frame = demo_equality.gender_pay_gap(YEAR).set_index("measure")["value_suppressed"]
    for band in ("Lower", "LowerMiddle", "UpperMiddle", "Top"):
        assert frame[f"Male{band}Quartile"] == frame[f"Female{band}Quartile"], band


def test_pay_gap_trend_is_each_years_headline_as_published(demo_equality):
    eq = demo_equality
    trend = eq.pay_gap_trend("ethnicity").set_index("snapshot_year")
    assert list(trend.index) == sorted(trend.index) and len(trend) >= 5
    same_year = eq.pay_gaps(YEAR, "ethnicity")
    headline = same_year[same_year["is_headline"]].iloc[0]
    assert trend.loc[YEAR, "median_gap_percent"] == pytest.approx(headline["median_gap_percent"])


def test_turnover_hand_worked():
    from dashboard.queries.equality import protect_turnover

    # women 20 -> 21 with 4 starters and 3 leavers (both small); men 30 -> 30 with 6 and 6.
    # The all-staff 10 starters and 9 leavers would give the women's back (10 - 6, 9 - 6), so
    # the men's starters go (smallest beside them); then 30 + s - l = 30 gives the men's
    # leavers, so they go too. Start and end counts are the representation tables' and are
    # published there, so they stay.
    frame = pd.DataFrame(
        {
            "characteristic": ["sex", "sex", "all_staff"],
            "category": ["Female", "Male", "All staff"],
            "n_start": [20, 30, 50],
            "n_end": [21, 30, 51],
            "n_starters": [4, 6, 10],
            "n_leavers": [3, 6, 9],
            "turnover_percent": [100 * 3 / 20.5, 100 * 6 / 30, 100 * 9 / 50.5],
        }
    )
    shown = pd.Series(False, index=["Female", "Male", TOTAL_LABEL])
    out = protect_turnover(frame, end_hidden=shown, start_hidden=shown)
    assert out["n_starters_suppressed"].tolist() == [True, True, False]
    assert out["n_leavers_suppressed"].tolist() == [True, True, False]
    assert not out["n_start_suppressed"].any() and not out["n_end_suppressed"].any()
    assert out["turnover_percent_suppressed"].tolist() == [True, True, False]
    assert out.loc[2, "turnover_percent"] == pytest.approx(100 * 9 / 50.5)


def _quartile_equations(
    gaps: pd.DataFrame, quartiles: pd.DataFrame, sizes: dict
) -> tuple[dict, list]:
    """The attacker's view of the pay gap counts and the ethnicity/disability quartile tables:
    each band's groups add to its size (known from the number ranked even where shown as
    [c]), each group's bands add to its pay gap count, and the pay gap equations above."""
    known, equations = {}, []
    for dim, rows in gaps.groupby("dimension"):
        head = rows[rows["is_headline"]].iloc[0]
        if not head["n_reference_suppressed"]:
            known[(dim, "ref")] = head["n_reference"]
        if not head["n_undisclosed_suppressed"]:
            known[(dim, "und")] = head["n_undisclosed"]
        for r in rows.itertuples():
            if not r.n_comparison_suppressed:
                known[(dim, r.comparison_group)] = r.n_comparison
        group = head["comparison_group"]
        equations.append({(dim, "ref"): 1, (dim, group): 1, (dim, "und"): 1, "all": -1})
        others = rows.loc[~rows["is_headline"], "comparison_group"]
        if len(others):
            equations.append({(dim, group): -1, **{(dim, g): 1 for g in others}})
        bands = quartiles[
            (quartiles["dimension"] == dim) & (quartiles["quartile_name"] != TOTAL_LABEL)
        ]
        if bands.empty:
            continue
        for r in bands.itertuples():
            key = (dim, r.quartile_name, r.role)
            if r.role == TOTAL_LABEL:
                known[key] = sizes[(dim, r.quartile_name)]
            elif not r.n_staff_suppressed:
                known[key] = r.n_staff
        names = bands["quartile_name"].unique()
        for q in names:
            equations.append(
                {(dim, q, "reference"): 1, (dim, q, "comparison"): 1, (dim, q, TOTAL_LABEL): -1}
            )
        equations.append({(dim, "ref"): -1, **{(dim, q, "reference"): 1 for q in names}})
        equations.append({(dim, group): -1, **{(dim, q, "comparison"): 1 for q in names}})
    return known, equations


def test_quartile_cells_are_hidden_as_a_rectangle_and_nothing_comes_back():
    from dashboard.queries.equality import protect_pay_tables

    # 40 full-pay staff who disclosed a disability -> 4 bands of 10; disabled staff 2, 3, 5,
    # 5 by band (15), not disabled 8, 7, 5, 5 (25); 6 undisclosed; 30 men + 30 women + 6.
    # Primary: the disabled 2 and 3. A band's size is known (10), so 10 - 2 and 10 - 3 would
    # give them back: the not-disabled 8 and 7 go too, a 2 x 2 rectangle that no row or
    # column sum can undo (Lower and LowerMiddle each add to 10, the pairs to 15 - 10 and
    # 25 - 10). Everything else, the pay gap counts included, stays published.
    frame = pd.DataFrame(
        _gap_rows("sex", 30, 6, {"Women": 30}) + _gap_rows("disability", 25, 6, {"Disabled": 15})
    )
    for col in BONUS_BASES:
        frame[col] = 10
    for col in BONUS_FIGURES:
        frame[col] = 1.0
    bands = pd.DataFrame(
        {
            "dimension": "disability",
            "reference_group": "Not disabled",
            "comparison_group": "Disabled",
            "quartile_name": ["Lower", "LowerMiddle", "UpperMiddle", "Top"],
            "n_in_band": [10, 10, 10, 10],
            "n_reference": [8, 7, 5, 5],
            "n_comparison": [2, 3, 5, 5],
        }
    )
    gaps, quartiles = protect_pay_tables(frame, False, False, bands)
    shown = {
        (r.quartile_name, r.group): r.n_staff
        for r in quartiles.itertuples()
        if not r.n_staff_suppressed
    }
    assert shown == {
        ("Lower", TOTAL_LABEL): 10,
        ("LowerMiddle", TOTAL_LABEL): 10,
        ("UpperMiddle", "Not disabled"): 5,
        ("UpperMiddle", "Disabled"): 5,
        ("UpperMiddle", TOTAL_LABEL): 10,
        ("Top", "Not disabled"): 5,
        ("Top", "Disabled"): 5,
        ("Top", TOTAL_LABEL): 10,
        (TOTAL_LABEL, "Not disabled"): 25,
        (TOTAL_LABEL, "Disabled"): 15,
        (TOTAL_LABEL, TOTAL_LABEL): 40,
    }
    # a % of band is hidden with its count
    pct = quartiles.set_index(["quartile_name", "group"])["percent_of_band"]
    assert pct[("UpperMiddle", "Disabled")] == pytest.approx(50.0)
    assert pd.isna(pct[("Lower", "Disabled")]) and pd.isna(pct[("Lower", "Not disabled")])
    assert not gaps["n_reference_suppressed"].any()
    assert not gaps["n_comparison_suppressed"].any()
    sizes = {("disability", q): 10 for q in bands["quartile_name"]}
    known, equations = _quartile_equations(gaps, quartiles, sizes)
    assert [k for k in fixed_unknowns(equations, known) if k != "all"] == []


def test_ethnicity_and_disability_quartiles_on_the_demo_hide_nothing_recoverable(demo_equality):
    eq = demo_equality
    gaps = pd.concat([eq.pay_gaps(YEAR, by) for by in eq.PAY_GAP_DIMENSIONS], ignore_index=True)
    quartiles = pd.concat(
        [eq.group_pay_quartiles(YEAR, by) for by in eq.GROUP_QUARTILE_DIMENSIONS],
        ignore_index=True,
    )
    from dashboard import queries

    bands = queries.warehouse().query("equality_group_pay_quartiles", year=YEAR)
    sizes = {(r.dimension, r.quartile_name): r.n_in_band for r in bands.itertuples()}
    known, equations = _quartile_equations(gaps, quartiles, sizes)
    assert [k for k in fixed_unknowns(equations, known) if k != "all"] == []
    # the demo's groups are large: the quartile shares are published
    inner = quartiles[quartiles["quartile_name"] != TOTAL_LABEL]
    assert not inner["percent_of_band_suppressed"].all()
    shown = quartiles.loc[~quartiles["n_staff_suppressed"], "n_staff"]
    assert not shown.between(1, 4).any()


BONUS_BASES = (
    "n_reference_relevant",
    "n_comparison_relevant",
    "n_reference_bonus",
    "n_comparison_bonus",
)
BONUS_FIGURES = (
    "mean_bonus_gap_percent",
    "median_bonus_gap_percent",
    "reference_bonus_percent",
    "comparison_bonus_percent",
)


def test_a_group_hidden_among_all_staff_is_hidden_among_full_pay_staff_too():
    """Full-pay staff are some of all staff: a published full-pay count is a floor under the
    hidden all-staff count, and two floors adding up to what the total leaves (24 + 22 = 46
    in the 2025 demo) gave both back. Here Asian 12 and Black 6 are hidden among all staff:
    their full-pay counts go, and nothing else need (the headline 18 still gives their sum,
    which the all-staff total gives anyway)."""
    from dashboard.queries.equality import protect_pay_tables

    frame = pd.DataFrame(
        _gap_rows("sex", 10, 6, {"Women": 12})
        + _gap_rows("ethnicity", 7, 3, {"Ethnic minority": 18, "Asian": 12, "Black": 6})
        + _gap_rows("disability", 15, 3, {"Disabled": 10})
    )
    forced = {("ethnicity", "Asian"), ("ethnicity", "Black")}
    plain = protect_pay_tables(frame, False, False)[0]
    assert not plain["n_comparison_suppressed"].any()
    out = protect_pay_tables(frame, False, False, all_staff_hidden=forced)[0]
    hidden = {
        (r.dimension, r.comparison_group) for r in out.itertuples() if r.n_comparison_suppressed
    }
    assert hidden == forced


def test_pay_gap_counts_hide_every_group_representation_hides(demo_equality):
    for year in demo_equality.snapshot_years()["snapshot_year"]:
        _check_pay_hides_as_representation(demo_equality, int(year))


def _check_pay_hides_as_representation(demo_equality, year: int) -> None:
    names = {
        "ethnicity": (
            "ethnic_group",
            {"White British": "White: English, Welsh, Scottish, Northern Irish or British"},
        ),
        "disability": ("disability", {"Disabled": "Yes", "Not disabled": "No"}),
    }
    for by, (characteristic, rename) in names.items():
        everyone = demo_equality.representation(year, characteristic)
        hidden_all = set(everyone.loc[everyone["n_staff_suppressed"], "category"])
        gaps = demo_equality.pay_gaps(year, by)
        for r in gaps.itertuples():
            if rename.get(r.comparison_group, r.comparison_group) in hidden_all:
                assert r.n_comparison_suppressed, (year, by, r.comparison_group)
            if rename.get(r.reference_group, r.reference_group) in hidden_all:
                assert r.n_reference_suppressed, (year, by, r.reference_group)
        if hidden_all & {"Not disclosed", "Prefer not to say"}:
            assert gaps["n_undisclosed_suppressed"].all(), (year, by)


def test_one_hidden_bonus_share_does_not_come_back_from_the_headline():
    """A bonus share times the group's (published) staff is its count paid a bonus, and the
    groups' counts add up to the headline's. Ethnic minority 40 staff, 9 paid a bonus:
    Asian 20 (6 paid), Black 10 (3), Mixed 10 (0). Black's 3 is [c]; 9 - 6 - 0 would give it
    back, so the smallest other count, Mixed's 0, is hidden with it: 9 - 6 = 3 is then only
    Black + Mixed, which pins neither."""
    from dashboard.queries.equality import protect_pay_tables

    groups = {"Ethnic minority": 40, "Asian": 20, "Black": 10, "Mixed": 10}
    bonus = {"Ethnic minority": 9, "Asian": 6, "Black": 3, "Mixed": 0}
    rows = _gap_rows("ethnicity", 50, 5, groups)
    for row in rows:
        n = bonus[row["comparison_group"]]
        row.update(
            n_reference_relevant=50,
            n_reference_bonus=10,
            n_comparison_relevant=row["n_comparison"],
            n_comparison_bonus=n,
            reference_bonus_percent=20.0,
            comparison_bonus_percent=100.0 * n / row["n_comparison"],
            mean_bonus_gap_percent=1.0,
            median_bonus_gap_percent=1.0,
        )
    out = protect_pay_tables(pd.DataFrame(rows), False, False)[0].set_index("comparison_group")
    hidden = set(out.index[out["comparison_bonus_percent_suppressed"]])
    assert hidden == {"Black", "Mixed"}
    assert out.loc["Asian", "comparison_bonus_percent"] == 30.0
