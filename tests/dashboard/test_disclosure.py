"""Disclosure control: small counts suppressed, no suppressed cell recoverable from a total."""

from __future__ import annotations

import pandas as pd

from dashboard.disclosure import (
    LinearSystem,
    neutralise_formula,
    protect_counts,
    protect_metric_values,
    safe_for_download,
)


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=[
            "metric_id",
            "period_label",
            "area_slug",
            "value",
            "numerator",
            "denominator",
            "counts_people",
            "unit",
        ],
    )


def test_counts_of_one_to_four_people_are_suppressed_zero_and_five_are_not():
    out = protect_metric_values(
        frame(
            [
                ("m", "p", "a", 0.0, 0, 100, True, "per 1,000 residents"),
                ("m", "p", "b", 1.0, 1, 100, True, "per 1,000 residents"),
                ("m", "p", "c", 4.0, 4, 100, True, "per 1,000 residents"),
                ("m", "p", "d", 5.0, 5, 100, True, "per 1,000 residents"),
            ]
        )
    )
    assert out["suppressed"].tolist() == [False, True, True, False]
    assert out["value"].isna().tolist() == [False, True, True, False]
    assert out["numerator"].isna().tolist() == [False, True, True, False]


def test_a_percentage_on_a_small_base_is_suppressed():
    out = protect_metric_values(frame([("m", "p", "a", 50.0, 2 * 5, 3, True, "%")]))
    assert out["suppressed"].tolist() == [True]


def test_metrics_not_counting_people_are_left_alone():
    out = protect_metric_values(frame([("days", "p", "a", 3.0, None, 2, False, "days")]))
    assert out["suppressed"].tolist() == [False]
    assert out["value"].tolist() == [3.0]


def test_secondary_suppression_protects_a_lone_suppressed_cluster():
    # borough 30 = a 3 + b 12 + c 15: publishing b, c and the borough would reveal a = 3
    out = protect_metric_values(
        frame(
            [
                ("m", "p", "borough", 30.0, 30, 100, True, "per 1,000 residents"),
                ("m", "p", "a", 3.0, 3, 100, True, "per 1,000 residents"),
                ("m", "p", "b", 12.0, 12, 100, True, "per 1,000 residents"),
                ("m", "p", "c", 15.0, 15, 100, True, "per 1,000 residents"),
            ]
        )
    )
    assert dict(zip(out["area_slug"], out["suppressed"], strict=True)) == {
        "borough": False,
        "a": True,
        "b": True,
        "c": False,
    }
    published = out[~out["suppressed"]]
    unknown = 30 - published[published["area_slug"] != "borough"]["numerator"].sum()
    assert unknown == 15  # a + b together: neither can be recovered


def test_formula_injection_is_neutralised_but_numbers_are_not():
    assert neutralise_formula('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise_formula("+1") == "'+1"
    assert neutralise_formula("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_formula("Grays") == "Grays"
    assert neutralise_formula(-3.5) == -3.5
    out = safe_for_download(pd.DataFrame({"a": ["-2+3", "ok"], "n": [1, 2]}))
    assert out["a"].tolist() == ["'-2+3", "ok"]
    assert out["n"].tolist() == [1, 2]


def test_protect_counts_breakdown_without_an_explicit_total():
    # ages of 40 participants: the published total (40) would reveal a lone hidden cell
    table = pd.DataFrame(
        {
            "age": ["16-24", "25-34", "35-49", "50-64"],
            "n": [2, 10, 13, 15],
            "share": [5.0, 25.0, 32.5, 37.5],
        }
    )
    out = protect_counts(table, "n", derived_cols=("share",))
    assert out["suppressed"].tolist() == [True, True, False, False]
    assert out["share"].isna().tolist() == [True, True, False, False]


def test_protect_counts_keeps_zero_and_large_groups():
    out = protect_counts(pd.DataFrame({"n": [0, 5, 6]}), "n")
    assert not out["suppressed"].any()


def test_linear_system_hides_the_partner_a_row_identity_would_reveal():
    # a category's year: 20 at the start, 22 at the end, 5 started, 3 left (small: hidden);
    # starters - leavers = end - start would give 3 back, so starters are hidden with it
    system = LinearSystem()
    for key, value in {"start": 20, "end": 22, "starters": 5, "leavers": 3}.items():
        system.cell(key, value)
    system.equation({"start": 1, "starters": 1, "leavers": -1, "end": -1})
    assert system.solve() == {"start": False, "end": False, "starters": True, "leavers": True}


def test_linear_system_follows_an_unpublished_total_across_tables():
    # the same unpublished workforce (28) splits by sex (10 + 12 + 6 undisclosed) and by
    # ethnicity (9 + 16 + 3): the sex split publishes 28, so a lone hidden 3 would come back;
    # the smallest figure beside it (9) is hidden too, and 9 + 3 = 12 fixes neither
    system = LinearSystem()
    system.cell("total", 28, published=False)
    for dim, values in {"sex": (10, 12, 6), "eth": (9, 16, 3)}.items():
        for part, value in zip(("ref", "comp", "und"), values, strict=True):
            system.cell((dim, part), value)
        system.equation({(dim, "ref"): 1, (dim, "comp"): 1, (dim, "und"): 1, "total": -1})
    hidden = {k for k, v in system.solve().items() if v}
    assert hidden == {("eth", "ref"), ("eth", "und")}


def test_linear_system_leaves_figures_another_table_decided():
    # the end count is published by another table, so only starters may be hidden
    system = LinearSystem()
    system.cell("start", 3, can_hide=False)  # hidden elsewhere: primary by the rule
    system.cell("end", 30, primary=False, can_hide=False)
    system.cell("starters", 40)
    system.cell("leavers", 13)
    system.equation({"start": 1, "starters": 1, "leavers": -1, "end": -1})
    assert system.solve() == {"start": True, "end": False, "starters": False, "leavers": True}


def test_a_pay_gap_on_a_small_group_is_withheld_with_its_rating_and_direction():
    # gaps are money, not counts of people: they are hidden when the smaller group (base_n)
    # is 1 to 4, and a hidden value's RAG or direction would give it away
    out = protect_metric_values(
        frame(
            [
                ("gap", "2023/24", "borough", 12.5, 2.1, 16.8, False, "%"),
                ("gap", "2024/25", "borough", 9.0, 1.5, 16.7, False, "%"),
            ]
        ).assign(base_n=[4, 5], rag=["off_track", "at_risk"], direction=["worsening", "improving"])
    )
    assert out["suppressed"].tolist() == [True, False]
    assert out["value"].isna().tolist() == [True, False]
    assert out["rag"].tolist() == ["not_rated", "at_risk"]
    assert out["direction"].tolist() == ["suppressed", "improving"]
