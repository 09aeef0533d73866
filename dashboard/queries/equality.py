"""Equality queries: the workforce equality marts, disclosure-controlled, for the `/equality`
page and the Annual Workforce Equality Report.

Every frame returned here has been through `dashboard.disclosure` (counts of 1 to 4 people and
anything derived from them are hidden, with secondary suppression). A hidden value is missing
(NaN) and flagged `True` in `<column>_suppressed`; `publish()` turns a frame into display text
with `[c]` in those cells. Years are snapshot years: 2025 = the 31 March 2025 snapshot, FY 2024/25.

Functions (the page author's interface):
- `snapshot_years() -> DataFrame`: snapshot_year, snapshot_on, fy_label, n_staff, newest first.
- `gender_pay_gap(year) -> DataFrame`: the 14 GOV.UK figures (measure, value); a gap or share
  resting on 1 to 4 people is hidden.
- `pay_quartiles(year) -> DataFrame`: quartile band x sex counts and % of band, with totals.
- `pay_gaps(year, by) -> DataFrame`: by = "ethnicity" | "disability" | "sex"; mean and median
  hourly and bonus gaps of each group against the reference group (headline first), and the
  % of each group paid a bonus.
- `group_pay_quartiles(year, by) -> DataFrame`: by = "ethnicity" | "disability"; quartile band
  x group (reference, headline comparison group) counts and % of band, with totals.
- `pay_gap_trend(by) -> DataFrame`: the headline gap of `by` in every year.
- `representation(year, characteristic, by) -> DataFrame`: by = "All staff" | "Grade band" |
  "Directorate"; counts, share of those who disclosed, Census 2021 comparator and
  representation ratio, with `Total` rows (the published margins).
- `disclosure_trend() -> DataFrame`: disclosure rate of each characteristic in every year.
- `turnover(year, characteristic) -> DataFrame`: start and end headcount, starters, leavers
  and turnover % by category, plus the all-staff row.
- `staff_living_by_cluster(year) -> DataFrame`: staff by home cluster (and outside the borough).
- `report_tables(year) -> list[ReportTable]`: every table the annual report publishes, as
  display-ready frames (`[c]` for hidden cells) with titles, descriptions and column docs.
- `publish(frame, decimals)`: any frame above -> display values (`[c]`, rounded, flags dropped).
A year with no snapshot raises `UnknownYear` (a LookupError); names for display are in
`CHARACTERISTICS`, `BREAKDOWNS` and `PAY_GAP_DIMENSIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.disclosure import (
    SUPPRESSED,
    TOTAL_LABEL,
    LinearSystem,
    hidden_row_totals,
    is_small,
    protect_counts,
    protect_table,
)
from dashboard.queries import warehouse

CHARACTERISTICS = {
    "sex": "Sex",
    "age_band": "Age band",
    "ethnic_group": "Ethnic group",
    "disability": "Disability",
    "religion": "Religion or belief",
    "sexual_orientation": "Sexual orientation",
}
BREAKDOWNS = ("All staff", "Grade band", "Directorate")
# the Equality page keeps its workforce view in the link: ?characteristic=disability&breakdown=
# grade-band (the defaults, ethnic group for all staff, are left out)
BREAKDOWN_SLUGS = {
    "all-staff": "All staff",
    "grade-band": "Grade band",
    "directorate": "Directorate",
}
DEFAULT_CHARACTERISTIC = "ethnic_group"
DEFAULT_BREAKDOWN = "All staff"
PAY_GAP_DIMENSIONS = {"sex": "Gender", "ethnicity": "Ethnicity", "disability": "Disability"}
UNDISCLOSED = ("Not disclosed", "Prefer not to say")
GPG_MEASURES = (
    "DiffMeanHourlyPercent",
    "DiffMedianHourlyPercent",
    "DiffMeanBonusPercent",
    "DiffMedianBonusPercent",
    "MaleBonusPercent",
    "FemaleBonusPercent",
    "MaleLowerQuartile",
    "FemaleLowerQuartile",
    "MaleLowerMiddleQuartile",
    "FemaleLowerMiddleQuartile",
    "MaleUpperMiddleQuartile",
    "FemaleUpperMiddleQuartile",
    "MaleTopQuartile",
    "FemaleTopQuartile",
)


def workforce_view(characteristic: object, breakdown: object) -> tuple[str, str]:
    """(characteristic key, breakdown name) a link or a control asks for; the breakdown may be
    its URL slug or its name, and anything unknown falls back to the default, so a mangled
    link still opens a page."""
    chosen = characteristic if characteristic in CHARACTERISTICS else DEFAULT_CHARACTERISTIC
    named = BREAKDOWN_SLUGS.get(str(breakdown), breakdown)
    return str(chosen), str(named) if named in BREAKDOWNS else DEFAULT_BREAKDOWN


def breakdown_slug(breakdown: str) -> str:
    """The URL form of a breakdown name ("Grade band" -> "grade-band")."""
    return {name: slug for slug, name in BREAKDOWN_SLUGS.items()}[breakdown]


class UnknownYear(LookupError):
    """No workforce snapshot for the requested year."""


@dataclass
class ReportTable:
    """One published table: `frame` is display-ready (`[c]` in hidden cells)."""

    name: str
    title: str
    description: str
    columns: dict[str, str]
    frame: pd.DataFrame = field(repr=False)


def _flag(frame: pd.DataFrame, cols: tuple[str, ...], hidden: pd.Series) -> pd.DataFrame:
    """Record which cells of `cols` are hidden; hidden values become missing."""
    out = frame.copy()
    for col in cols:
        previous = out.get(f"{col}_suppressed", pd.Series(False, index=out.index))
        flag = previous.fillna(False).astype(bool) | hidden.reindex(out.index).fillna(False)
        out[f"{col}_suppressed"] = flag.astype(bool)
        out[col] = out[col].where(~out[f"{col}_suppressed"])
    return out


def _any_hidden(frame: pd.DataFrame) -> pd.Series:
    flags = [c for c in frame.columns if c.endswith("_suppressed")]
    return frame[flags].any(axis=1) if flags else pd.Series(False, index=frame.index)


def publish(frame: pd.DataFrame, decimals: int | None = None) -> pd.DataFrame:
    """Display/download values: `[c]` where a cell is hidden, flag columns dropped.

    Counts (`n_*`) become whole numbers and other decimals are rounded to `decimals` (if
    given); numbers stay numbers so CSVs remain tidy and sortable.
    """
    out = frame.copy()
    for col in out.columns:
        if col.endswith("_suppressed"):
            continue
        if col.startswith("n_") and pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].round().astype("Int64")
        elif decimals is not None and pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(decimals)
    flags = [c for c in out.columns if c.endswith("_suppressed")]
    for flag in flags:
        col = flag.removesuffix("_suppressed")
        if col in out:
            out[col] = out[col].astype(object).where(~out[flag], SUPPRESSED)
    return out.drop(columns=[*flags, "suppressed"], errors="ignore")


def snapshot_years() -> pd.DataFrame:
    frame = warehouse().query("equality_snapshots")
    hidden = is_small(frame["n_staff"])
    columns = ["snapshot_year", "snapshot_on", "fy_label", "n_staff"]
    return _flag(frame[columns], ("n_staff",), hidden)


def _check_year(year: int) -> None:
    years = warehouse().query("equality_snapshots")["snapshot_year"].astype(int)
    if int(year) not in set(years):
        known = ", ".join(str(y) for y in sorted(years)) or "none"
        raise UnknownYear(f"no workforce snapshot at 31 March {year} (snapshots: {known})")


def gender_pay_gap(year: int) -> pd.DataFrame:
    """The 14 statutory figures; a figure resting on 1 to 4 people is hidden (a gap between
    two groups is hidden when either group is that small). A quartile's men and women shares
    add up to 100, so they are hidden exactly as the published quartile table hides them."""
    _check_year(year)
    frame = warehouse().query("equality_gender_pay_gap", year=int(year))
    frame = frame.set_index("measure").reindex(list(GPG_MEASURES)).reset_index()
    hidden = is_small(frame["n_base"])
    quartiles = pay_quartiles(year).set_index(["quartile_name", "sex"])
    for i, measure in frame["measure"].items():
        if measure.endswith("Quartile"):
            sex = "Men" if measure.startswith("Male") else "Women"
            band = measure.removeprefix("Male" if sex == "Men" else "Female")
            band = band.removesuffix("Quartile")
            hidden.loc[i] = bool(quartiles.loc[(band, sex), "percent_of_band_suppressed"])
    return _flag(frame[["measure", "value", "n_base"]], ("value",), hidden)[
        ["measure", "value", "value_suppressed"]
    ]


def pay_quartiles(year: int) -> pd.DataFrame:
    """Quartile band x sex (Men, Women) with row and column totals, two-way protected; the
    % of band is hidden with its count or when its band total is hidden."""
    _check_year(year)
    frame = warehouse().query("equality_pay_quartiles", year=int(year))
    long = frame.melt(
        id_vars=["quartile_name"],
        value_vars=["n_male", "n_female"],
        var_name="sex",
        value_name="n_staff",
    ).assign(sex=lambda f: f["sex"].map({"n_male": "Men", "n_female": "Women"}))
    raw = long.pivot_table(index="quartile_name", columns="sex", values="n_staff", aggfunc="sum")
    raw[TOTAL_LABEL] = raw.sum(axis=1)
    raw.loc[TOTAL_LABEL] = raw.sum(axis=0)
    protected = protect_table(long, "quartile_name", "sex", "n_staff")
    count = (
        raw.rename_axis(columns="sex")
        .reset_index()
        .melt(id_vars=["quartile_name"], var_name="sex", value_name="_n")
    )
    out = protected.merge(count, on=["quartile_name", "sex"], how="left")
    band = out["quartile_name"].map(raw[TOTAL_LABEL])
    out = out.assign(percent_of_band=100.0 * out["_n"] / band).drop(columns="_n")
    band_hidden = protected[protected["sex"] == TOTAL_LABEL].set_index("quartile_name")
    band_hidden = protected["quartile_name"].map(band_hidden["suppressed"]).fillna(False)
    out = _flag(out, ("n_staff",), protected["suppressed"])
    out = _flag(out, ("percent_of_band",), protected["suppressed"] | band_hidden.astype(bool))
    order = {name: i for i, name in enumerate(["Lower", "LowerMiddle", "UpperMiddle", "Top"])}
    sex_order = {"Men": 0, "Women": 1, TOTAL_LABEL: 2}
    out = out.assign(
        _q=out["quartile_name"].map(order).fillna(9), _s=out["sex"].map(sex_order)
    ).sort_values(["_q", "_s"])
    return out.drop(columns=["_q", "_s", "suppressed"]).reset_index(drop=True)


def pay_gaps(year: int, by: str) -> pd.DataFrame:
    """Pay gaps of one dimension: a gap is hidden when either group has 1 to 4 people, and
    group counts are protected across all three dimensions (see `_gaps_of_year`)."""
    _check_year(year)
    if by not in PAY_GAP_DIMENSIONS:
        raise ValueError(f"unknown pay gap dimension {by!r}")
    frame = _gaps_of_year(int(year))
    return frame[frame["dimension"] == by].reset_index(drop=True)


_MONEY = ("mean_comparison_gbp", "median_comparison_gbp", "mean_gap_percent", "median_gap_percent")
_BONUS_GAPS = ("mean_bonus_gap_percent", "median_bonus_gap_percent")
# the people the bonus figures rest on: used for disclosure control, never published
_BONUS_BASES = (
    "n_reference_relevant",
    "n_comparison_relevant",
    "n_reference_bonus",
    "n_comparison_bonus",
)
GROUP_QUARTILE_DIMENSIONS = ("ethnicity", "disability")
QUARTILE_BANDS = ("Lower", "LowerMiddle", "UpperMiddle", "Top")


def _pay_year(year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    return warehouse().derived("pay_gaps", lambda: _protect_gaps(year), year)


def _gaps_of_year(year: int) -> pd.DataFrame:
    return _pay_year(year)[0]


def group_pay_quartiles(year: int, by: str) -> pd.DataFrame:
    """Ethnicity or disability: the reference and headline comparison groups in each hourly
    pay quartile (counts and % of band, with totals), as the 2023 guidance asks. Protected in
    one system with the pay gap counts (a group's bands add up to its pay gap count)."""
    _check_year(year)
    if by not in GROUP_QUARTILE_DIMENSIONS:
        raise ValueError(f"no quartiles for pay gap dimension {by!r}")
    frame = _pay_year(int(year))[1]
    return frame[frame["dimension"] == by].reset_index(drop=True)


def _protect_gaps(year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = pd.concat(
        [
            warehouse().query("equality_pay_gaps", year=year, dimension=by)
            for by in PAY_GAP_DIMENSIONS
        ],
        ignore_index=True,
    )
    bands = warehouse().query("equality_group_pay_quartiles", year=year)
    quartiles = pay_quartiles(year).set_index(["quartile_name", "sex"])["n_staff_suppressed"]
    return protect_pay_tables(
        frame,
        men_hidden=bool(quartiles.get((TOTAL_LABEL, "Men"), False)),
        women_hidden=bool(quartiles.get((TOTAL_LABEL, "Women"), False)),
        quartiles=bands,
        all_staff_hidden=_pay_groups_hidden_in_representation(year, frame),
    )


# pay gap groups as the representation table names them (ethnic minority groups share names)
_REPRESENTATION_OF = {
    "ethnicity": (
        "ethnic_group",
        {"reference": ("White: English, Welsh, Scottish, Northern Irish or British",)},
    ),
    "disability": ("disability", {"reference": ("No",), "Disabled": ("Yes",)}),
}


def _pay_groups_hidden_in_representation(year: int, frame: pd.DataFrame) -> set:
    """(dimension, group) keys of the pay gap counts whose all-staff count the representation
    table hides. Full-pay staff are some of all staff, so a published full-pay count is a
    floor under the hidden all-staff count: two hidden groups whose floors add up to what the
    total leaves for them would come back exactly (24 + 22 = 46 in the 2025 demo). Hiding the
    full-pay count with its all-staff count removes the floor."""
    keys = set()
    for by, (characteristic, names) in _REPRESENTATION_OF.items():
        hidden = _all_staff_hidden(year, characteristic)
        if hidden is None:
            continue
        groups = frame.loc[frame["dimension"] == by, "comparison_group"].tolist()
        for group in [*groups, "reference", "undisclosed"]:
            categories = names.get(group, UNDISCLOSED if group == "undisclosed" else (group,))
            if any(bool(hidden.get(c, False)) for c in categories):
                keys.add((by, group))
    return keys


def protect_pay_gap_counts(
    frame: pd.DataFrame, men_hidden: bool, women_hidden: bool
) -> pd.DataFrame:
    """The pay gap table alone protected (see `protect_pay_tables`)."""
    return protect_pay_tables(frame, men_hidden, women_hidden)[0]


def protect_pay_tables(
    frame: pd.DataFrame,
    men_hidden: bool,
    women_hidden: bool,
    quartiles: pd.DataFrame | None = None,
    all_staff_hidden: set | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Readers know more than each table: in every dimension reference + headline group +
    not disclosed = the same full-pay workforce; the ethnic groups add up to the headline;
    the men and women counted for the gender gap are the quartile table's totals
    (`men_hidden`, `women_hidden`: as that table shows them); and in the ethnicity and
    disability quartile tables (`quartiles`, one row per dimension and band) each group's
    bands add up to its pay gap count and each band's two groups to the band size. Band sizes
    follow from the number ranked (four near-equal bands), so they are treated as known even
    where a size of 1 to 4 is shown as [c]. So counts are hidden by one linear system over all
    of them (a hidden count of 3 undisclosed would otherwise come back as the workforce minus
    the two published groups). Returns the protected gaps and the quartile tables (long: one
    row per band and group, with `Total` rows). `all_staff_hidden`: (dimension, group) keys
    hidden from the start because the representation table hides that group's staff."""
    bands = quartiles if quartiles is not None else pd.DataFrame()
    forced = all_staff_hidden or set()
    if frame.empty:
        none = pd.Series(False, index=frame.index)
        return _gap_flags(frame, none, none, none), _quartile_frame(bands, {}, {})
    two_way = _two_way_quartiles(bands)
    system = LinearSystem()
    system.cell("workforce", 0, published=False)
    headlines = {}
    for by, rows in frame.groupby("dimension", sort=False):
        first = rows.iloc[0]
        is_sex = by == "sex"
        headline = rows.loc[rows["is_headline"], "comparison_group"].iloc[0]
        headlines[by] = headline
        # a group total the quartile table hides is hidden here too
        shared = {"reference": (by, "reference"), "comparison": (by, headline)}
        seeded = {
            key: True if two_way.get((by, role, TOTAL_LABEL)) or key in forced else None
            for role, key in shared.items()
        }
        system.cell(
            (by, "reference"),
            first["n_reference"],
            primary=men_hidden if is_sex else seeded[(by, "reference")],
            can_hide=not is_sex,
        )
        system.cell(
            (by, "undisclosed"),
            first["n_undisclosed"],
            primary=True if (by, "undisclosed") in forced else None,
        )
        for row in rows.itertuples():
            key = (by, row.comparison_group)
            system.cell(
                key,
                row.n_comparison,
                primary=women_hidden
                if is_sex
                else seeded.get(key, True if key in forced else None),
                can_hide=not is_sex,
            )
        system.equation(
            {(by, "reference"): 1, (by, headline): 1, (by, "undisclosed"): 1, "workforce": -1}
        )
        parts = rows.loc[~rows["is_headline"], "comparison_group"]
        if len(parts):
            system.equation({(by, headline): -1, **{(by, g): 1 for g in parts}})
    for by, rows in bands.groupby("dimension", sort=False) if not bands.empty else ():
        if by not in headlines:
            continue
        for row in rows.itertuples():
            band = (by, "quartile", row.quartile_name)
            for role in ("reference", "comparison"):
                seeded = two_way[(by, role, row.quartile_name)]
                system.cell((*band, role), getattr(row, f"n_{role}"), primary=seeded)
            system.cell((*band, TOTAL_LABEL), row.n_in_band, primary=False, can_hide=False)
            system.equation(
                {(*band, "reference"): 1, (*band, "comparison"): 1, (*band, TOTAL_LABEL): -1}
            )
        names = list(rows["quartile_name"])
        system.equation(
            {(by, "reference"): -1, **{(by, "quartile", q, "reference"): 1 for q in names}}
        )
        system.equation(
            {(by, headlines[by]): -1, **{(by, "quartile", q, "comparison"): 1 for q in names}}
        )
    hidden = system.solve()
    dims, groups = frame["dimension"], frame["comparison_group"]
    ref_hidden = pd.Series([hidden[(d, "reference")] for d in dims], index=frame.index)
    und_hidden = pd.Series([hidden[(d, "undisclosed")] for d in dims], index=frame.index)
    cmp_hidden = pd.Series(
        [hidden[(d, g)] for d, g in zip(dims, groups, strict=True)], index=frame.index
    )
    gaps = _gap_flags(frame, ref_hidden, cmp_hidden, und_hidden)
    return gaps, _quartile_frame(bands, hidden, headlines, frame)


def _two_way_quartiles(bands: pd.DataFrame) -> dict:
    """(dimension, role, band or Total) -> hidden, by the two-way rule on each quartile table
    (group x band with totals): the starting point of the cross-table system, which hides a
    rectangle of cells where the greedy alone would hide more."""
    flags: dict = {}
    for by, rows in bands.groupby("dimension", sort=False) if not bands.empty else ():
        long = pd.concat(
            [
                pd.DataFrame({"role": role, "band": rows["quartile_name"], "n": rows[f"n_{role}"]})
                for role in ("reference", "comparison")
            ],
            ignore_index=True,
        )
        protected = protect_table(long, "role", "band", "n")
        for r in protected.itertuples():
            flags[(by, r.role, r.band)] = bool(r.suppressed)
    return flags


def _quartile_frame(
    bands: pd.DataFrame, hidden: dict, headlines: dict, gaps: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The ethnicity and disability quartile tables, long (band x group, with totals): a
    count is hidden as the linear system decided, a band size or grand total of 1 to 4 is
    hidden, and a % of band is hidden with its count or its band size."""
    columns = ["dimension", "quartile_name", "group", "role", "n_staff", "percent_of_band"]
    rows = []
    for by, part in bands.groupby("dimension", sort=False) if not bands.empty else ():
        if by not in headlines:
            continue
        first = part.iloc[0]
        names = {"reference": first["reference_group"], "comparison": first["comparison_group"]}
        head = gaps[(gaps["dimension"] == by) & gaps["is_headline"]].iloc[0]
        totals = {"reference": head["n_reference"], "comparison": head["n_comparison"]}
        total_hidden = {
            "reference": hidden[(by, "reference")],
            "comparison": hidden[(by, headlines[by])],
        }
        grand = float(sum(totals.values()))
        grand_hidden = bool(is_small(pd.Series([grand])).iloc[0])
        for row in part.itertuples():
            size_hidden = bool(is_small(pd.Series([row.n_in_band])).iloc[0])
            for role in ("reference", "comparison"):
                n = getattr(row, f"n_{role}")
                cell_hidden = hidden[(by, "quartile", row.quartile_name, role)]
                rows.append(
                    (
                        by,
                        row.quartile_name,
                        names[role],
                        role,
                        n,
                        100.0 * n / row.n_in_band,
                        cell_hidden,
                        cell_hidden or size_hidden,
                    )
                )
            rows.append(
                (
                    by,
                    row.quartile_name,
                    TOTAL_LABEL,
                    TOTAL_LABEL,
                    row.n_in_band,
                    100.0,
                    size_hidden,
                    size_hidden,
                )
            )
        for role in ("reference", "comparison"):
            share = 100.0 * totals[role] / grand if grand else float("nan")
            rows.append(
                (
                    by,
                    TOTAL_LABEL,
                    names[role],
                    role,
                    totals[role],
                    share,
                    total_hidden[role],
                    total_hidden[role] or grand_hidden,
                )
            )
        rows.append(
            (by, TOTAL_LABEL, TOTAL_LABEL, TOTAL_LABEL, grand, 100.0, grand_hidden, grand_hidden)
        )
    out = pd.DataFrame(rows, columns=[*columns, "n_staff_suppressed", "percent_of_band_suppressed"])
    for col in ("n_staff", "percent_of_band"):
        out[col] = out[col].astype(float).where(~out[f"{col}_suppressed"].astype(bool))
        out[f"{col}_suppressed"] = out[f"{col}_suppressed"].astype(bool)
    return out


def _gap_flags(
    frame: pd.DataFrame, ref_hidden: pd.Series, cmp_hidden: pd.Series, und_hidden: pd.Series
) -> pd.DataFrame:
    """A gap and the compared group's pay are hidden when either group's count is. A bonus
    figure is hidden when a group it rests on has 1 to 4 people (relevant employees, or those
    paid a bonus) or its count is hidden; the counts behind the bonus figures are dropped."""
    out = _flag(frame, _MONEY, cmp_hidden | ref_hidden)
    out = _flag(out, ("n_reference", "mean_reference_gbp", "median_reference_gbp"), ref_hidden)
    out = _flag(out, ("n_comparison",), cmp_hidden)
    out = _flag(out, ("n_undisclosed",), und_hidden)
    if "n_reference_bonus" not in out:
        return out

    def small(col: str) -> pd.Series:
        return is_small(frame[col].fillna(0))

    ref_small = small("n_reference_relevant") | small("n_reference_bonus")
    cmp_small = small("n_comparison_relevant") | small("n_comparison_bonus")
    out = _flag(out, _BONUS_GAPS, ref_hidden | cmp_hidden | ref_small | cmp_small)
    out = _flag(out, ("reference_bonus_percent",), ref_hidden | ref_small)
    bonus_hidden = _bonus_counts_hidden(frame, cmp_hidden | cmp_small)
    out = _flag(out, ("comparison_bonus_percent",), bonus_hidden)
    return out.drop(columns=list(_BONUS_BASES))


def _bonus_counts_hidden(frame: pd.DataFrame, hidden: pd.Series) -> pd.Series:
    """Which groups' bonus shares go. A share times the group's staff (published in the
    representation table) gives its count paid a bonus, and the ethnic groups' counts add up
    to the headline's: with one group's share hidden, the headline's count minus the others'
    would give it back. So each dimension's bonus counts are one linear system."""
    out = hidden.copy()
    for _, rows in frame.groupby("dimension", sort=False):
        parts = rows.index[~rows["is_headline"].astype(bool)]
        if not len(parts) or not hidden[rows.index].any():
            continue
        system = LinearSystem()
        for i in rows.index:
            system.cell(i, frame.loc[i, "n_comparison_bonus"], primary=bool(hidden[i]))
        headline = rows.index[rows["is_headline"].astype(bool)][0]
        system.equation({headline: -1, **{i: 1 for i in parts}})
        solved = system.solve()
        for i in rows.index:
            out[i] = bool(solved[i])
    return out


def pay_gap_trend(by: str) -> pd.DataFrame:
    """The headline gap of `by` in every snapshot year, protected as each year publishes it."""
    if by not in PAY_GAP_DIMENSIONS:
        raise ValueError(f"unknown pay gap dimension {by!r}")
    years = sorted(warehouse().query("equality_snapshots")["snapshot_year"].astype(int))
    frames = [_gaps_of_year(y) for y in years]
    frames = [f[(f["dimension"] == by) & f["is_headline"]] for f in frames if not f.empty]
    if not frames:
        return _gaps_of_year(years[0]).head(0) if years else pd.DataFrame()
    return pd.concat(frames, ignore_index=True).sort_values("snapshot_year", ignore_index=True)


_CELL = ("category", "breakdown_value")


def _representation_all(year: int, characteristic: str) -> pd.DataFrame:
    return warehouse().derived(
        "representation",
        lambda: _protect_representation(year, characteristic),
        year,
        characteristic,
    )


def _all_staff_hidden(year: int, characteristic: str) -> pd.Series | None:
    """category -> hidden, for the all-staff counts the representation table publishes (its
    `Total` included); None when there is no snapshot that year. Other tables that repeat
    these counts (turnover, disclosure) must hide them exactly alike."""
    years = set(warehouse().query("equality_snapshots")["snapshot_year"].astype(int))
    if int(year) not in years:
        return None
    frame = _representation_all(int(year), characteristic)
    everyone = frame[frame["breakdown"] == "All staff"]
    return everyone.set_index("category")["n_staff_suppressed"].astype(bool)


def _protect_representation(year: int, characteristic: str) -> pd.DataFrame:
    """All three breakdowns of one characteristic, protected together: grade band and
    directorate tables share the all-staff margin, hidden alike in both."""
    frame = warehouse().query(
        "equality_representation", year=int(year), characteristic=characteristic
    )
    parts = {b: frame[frame["breakdown"] == b] for b in ("Grade band", "Directorate")}
    derived = ("share_of_disclosed_percent", "representation_ratio")
    hidden: tuple = ()
    for _ in range(10):
        tables = {
            b: protect_table(
                part, "category", "breakdown_value", "n_staff", derived, hidden_row_totals=hidden
            )
            for b, part in parts.items()
        }
        keys = {k for t in tables.values() for k in hidden_row_totals(t, *_CELL)}
        now = tuple(sorted(keys))
        if now == hidden:
            break
        hidden = now
    everyone = frame[frame["breakdown"] == "All staff"].set_index("category")
    grade = tables["Grade band"]
    margin = grade[grade["breakdown_value"] == TOTAL_LABEL].set_index("category")
    pieces = []
    for breakdown, table in tables.items():
        inner = table[table["breakdown_value"] != TOTAL_LABEL].assign(breakdown=breakdown)
        pieces.append(inner)
    all_staff = pd.DataFrame(
        {
            "breakdown": "All staff",
            "breakdown_value": "All staff",
            "category": margin.index,
            "n_staff": margin["n_staff"].to_numpy(),
            "suppressed": margin["suppressed"].to_numpy(),
        }
    )
    for col in (
        "is_disclosed",
        "share_of_disclosed_percent",
        "census_percent",
        "comparator",
        "representation_ratio",
        "n_in_group",
        "n_disclosed_in_group",
    ):
        all_staff[col] = all_staff["category"].map(everyone[col]) if not everyone.empty else None
    pieces.insert(0, all_staff)
    out = pd.concat(pieces, ignore_index=True)
    out["characteristic"] = characteristic
    out["snapshot_year"] = int(year)
    out["is_disclosed"] = ~out["category"].isin([*UNDISCLOSED, TOTAL_LABEL])
    # a share of those who disclosed would reveal the disclosed base: hide every share in a
    # group where an undisclosed count is hidden, and any share whose count is hidden
    group = ["breakdown", "breakdown_value"]
    hidden_undisclosed = (
        out.assign(h=out["suppressed"] & out["category"].isin(UNDISCLOSED))
        .groupby(group)["h"]
        .transform("any")
    )
    out = _flag(out, ("n_staff",), out["suppressed"])
    out = _flag(out, derived, out["suppressed"] | hidden_undisclosed)
    # group sizes are counts of people published only as the protected `Total` rows
    return out.drop(columns=["suppressed", "n_in_group", "n_disclosed_in_group"])


def representation(year: int, characteristic: str, by: str = "All staff") -> pd.DataFrame:
    """Representation of one characteristic by one breakdown, with `Total` rows."""
    _check_year(year)
    if characteristic not in CHARACTERISTICS or by not in BREAKDOWNS:
        raise ValueError(f"unknown characteristic {characteristic!r} or breakdown {by!r}")
    frame = _representation_all(year, characteristic)
    return frame[frame["breakdown"] == by].reset_index(drop=True)


def disclosure_trend() -> pd.DataFrame:
    """Disclosed / prefer not to say / not recorded as parts of all staff, per year and
    characteristic; the rate is hidden with the disclosed count."""
    return warehouse().derived("disclosure_trend", _protect_disclosure)


def _protect_disclosure() -> pd.DataFrame:
    """The prefer-not-to-say, not-recorded and all-staff counts are the representation
    table's own all-staff rows, so they are hidden as that table hides them; the disclosed
    count (the substantive answers added up) is hidden when it would reveal one of them."""
    frame = warehouse().query("equality_disclosure")
    same_as = {
        "n_prefer_not_to_say": "Prefer not to say",
        "n_not_recorded": "Not disclosed",
        "n_staff": TOTAL_LABEL,
    }
    flags = {col: [] for col in ("n_disclosed", *same_as)}
    for row in frame.itertuples():
        shown = _all_staff_hidden(row.snapshot_year, row.characteristic)
        shown = shown if shown is not None else pd.Series(dtype=bool)
        system = LinearSystem()
        substantive = [c for c in shown.index if c not in (*UNDISCLOSED, TOTAL_LABEL)]
        for category in substantive:
            system.cell(category, 0, primary=bool(shown[category]), can_hide=False)
        system.cell("n_disclosed", row.n_disclosed)
        for col, category in same_as.items():
            primary = bool(shown.get(category, is_small(pd.Series([getattr(row, col)])).iloc[0]))
            system.cell(col, getattr(row, col), primary=primary, can_hide=False)
        system.equation({"n_disclosed": -1, **{c: 1 for c in substantive}})
        system.equation(
            {"n_disclosed": 1, "n_prefer_not_to_say": 1, "n_not_recorded": 1, "n_staff": -1}
        )
        hidden = system.solve()
        for col in flags:
            flags[col].append(hidden[col])
    out = frame.copy()
    for col, hidden in flags.items():
        out = _flag(out, (col,), pd.Series(hidden, index=frame.index, dtype=bool))
    rate_hidden = out["n_disclosed_suppressed"] | out["n_staff_suppressed"]
    out = _flag(out, ("disclosure_rate_percent",), rate_hidden)
    previous_hidden = rate_hidden.groupby(out["characteristic"]).shift(1, fill_value=False)
    return _flag(out, ("change_on_previous_points",), rate_hidden | previous_hidden.astype(bool))


def turnover(year: int, characteristic: str) -> pd.DataFrame:
    """Starters, leavers and turnover by category of one characteristic (+ all staff)."""
    _check_year(year)
    if characteristic not in CHARACTERISTICS:
        raise ValueError(f"unknown characteristic {characteristic!r}")
    frame = warehouse().query("equality_turnover", year=int(year), characteristic=characteristic)
    return protect_turnover(
        frame,
        end_hidden=_all_staff_hidden(int(year), characteristic),
        start_hidden=_all_staff_hidden(int(year) - 1, characteristic),
    )


TURNOVER_COUNTS = ("n_start", "n_end", "n_starters", "n_leavers")


def protect_turnover(
    frame: pd.DataFrame, end_hidden: pd.Series | None, start_hidden: pd.Series | None
) -> pd.DataFrame:
    """Readers can add up what the turnover table publishes: each count column is the parts
    of its all-staff row, and in each row start + starters - leavers = end (exactly for all
    staff, nearly for a category, which is close enough to give a hidden count away). The
    start and end counts are the representation tables' all-staff counts at the two
    snapshots (`start_hidden`, `end_hidden`: category -> hidden there), so they are hidden as
    those tables hide them, and only starters and leavers are hidden further. A count with no
    data (null: the first snapshot has no start and no leavers) is unknown to readers too, and
    never shown as hidden."""
    total = frame.index[frame["characteristic"] == "all_staff"]
    fixed = {"n_start": start_hidden, "n_end": end_hidden}
    system = LinearSystem()
    for i, row in frame.iterrows():
        category = TOTAL_LABEL if i in total else row["category"]
        for col in TURNOVER_COUNTS:
            there = fixed.get(col)
            if pd.isna(row[col]):  # no data (no previous snapshot): unknown, not hidden
                system.cell((i, col), 0, primary=False, published=False)
            elif there is not None and category in there.index:
                system.cell((i, col), row[col], primary=bool(there[category]), can_hide=False)
            else:
                system.cell((i, col), row[col])
        system.equation(
            {(i, "n_start"): 1, (i, "n_starters"): 1, (i, "n_leavers"): -1, (i, "n_end"): -1}
        )
    if len(total):
        for col in TURNOVER_COUNTS:
            parts = {(i, col): 1 for i in frame.index if i not in total}
            system.equation({**parts, (total[0], col): -1})
    hidden = system.solve()
    out = frame.copy()
    for col in TURNOVER_COUNTS:
        flags = pd.Series([hidden[(i, col)] for i in frame.index], index=frame.index, dtype=bool)
        out = _flag(out, (col,), flags)
    base = (frame["n_start"].fillna(0) + frame["n_end"]) / 2
    rate_hidden = (
        out["n_leavers_suppressed"]
        | out["n_start_suppressed"]
        | out["n_end_suppressed"]
        | is_small(base.round())
    )
    return _flag(out, ("turnover_percent",), rate_hidden)


def staff_living_by_cluster(year: int) -> pd.DataFrame:
    """Staff by home cluster (parts of all staff); shares hidden with their counts."""
    _check_year(year)
    frame = warehouse().query("equality_living_in_borough", year=int(year))
    protected = protect_counts(frame, "n_staff")
    out = _flag(frame, ("n_staff", "share_percent"), protected["suppressed"])
    return _flag(out, ("n_all_staff",), is_small(frame["n_all_staff"]))


def _pct(frame: pd.DataFrame) -> pd.DataFrame:
    return publish(frame, decimals=1)


REPORT_DOCS: dict[str, dict[str, str]] = {
    "gender_pay_gap": {
        "measure": "Figure as the GOV.UK gender pay gap service names it",
        "value": "Percentage (1 decimal place); gaps are % of men's pay; [c] = suppressed",
    },
    "pay_quartiles": {
        "quartile_band": "Lower, LowerMiddle, UpperMiddle, Top (hourly pay quartile) or Total",
        "sex": "Men, Women or Total",
        "n_staff": "Full-pay relevant employees; [c] = suppressed",
        "percent_of_band": "% of the band's full-pay relevant employees",
    },
    "pay_gaps": {
        "dimension": "sex, ethnicity or disability",
        "reference_group": "Group the gap is measured against (Men, White British, Not disabled)",
        "comparison_group": "Group compared (headline group first, then each ethnic group)",
        "is_headline": "True for the headline comparison",
        "n_reference": "Full-pay relevant employees in the reference group",
        "n_comparison": "Full-pay relevant employees in the comparison group",
        "n_undisclosed": "Full-pay relevant employees who did not disclose (excluded from gaps)",
        "mean_gap_percent": "(reference mean - group mean) / reference mean x 100",
        "median_gap_percent": "(reference median - group median) / reference median x 100",
        "mean_bonus_gap_percent": "Mean bonus gap: (reference mean bonus - group mean bonus) / "
        "reference mean bonus x 100, among relevant employees paid a bonus in the 12 months",
        "median_bonus_gap_percent": "Median bonus gap, as the mean but with medians",
        "reference_bonus_percent": "% of the reference group's relevant employees paid a bonus",
        "comparison_bonus_percent": "% of the compared group's relevant employees paid a bonus",
    },
    "group_pay_quartiles": {
        "dimension": "ethnicity or disability",
        "quartile_band": "Lower, LowerMiddle, UpperMiddle, Top (hourly pay quartile) or Total",
        "group": "Reference group, headline comparison group, or Total",
        "n_staff": "Full-pay relevant employees who disclosed; [c] = suppressed",
        "percent_of_band": "% of the band's full-pay relevant employees who disclosed",
    },
    "representation": {
        "breakdown": "All staff, Grade band or Directorate",
        "breakdown_value": "The grade band or directorate (All staff for the whole workforce)",
        "characteristic": "sex, age_band, ethnic_group, disability, religion, sexual_orientation",
        "category": "Answer given; Not disclosed = blank record; Total = all staff in the group",
        "n_staff": "Staff at the snapshot; [c] = suppressed",
        "share_of_disclosed_percent": "% of staff in the group who disclosed this characteristic",
        "census_percent": "Census 2021 share of Thurrock residents aged 16+ who answered",
        "representation_ratio": "share_of_disclosed_percent / census_percent (1 = representative)",
        "comparator": "The comparator used, or why there is none",
    },
    "disclosure": {
        "snapshot_year": "Year of the 31 March snapshot",
        "characteristic": "Protected characteristic",
        "n_staff": "All staff at the snapshot",
        "n_disclosed": "Staff who gave a substantive answer",
        "n_prefer_not_to_say": "Staff who answered Prefer not to say",
        "n_not_recorded": "Staff with no answer recorded",
        "disclosure_rate_percent": "n_disclosed / n_staff x 100 (commitment EQU-14)",
        "change_on_previous_points": "Change in the rate since the previous snapshot (points)",
    },
    "turnover": {
        "characteristic": "Protected characteristic (all_staff = the whole workforce)",
        "category": "Answer at the snapshot; Not known = leaver not in the previous snapshot",
        "n_start": "Staff at the previous 31 March snapshot (blank: no previous snapshot)",
        "n_end": "Staff at this snapshot",
        "n_starters": "Staff at this snapshot whose service started in the year",
        "n_leavers": (
            "Leavers in the year (characteristics from the previous snapshot; blank: no "
            "previous snapshot to place them by)"
        ),
        "turnover_percent": "n_leavers / average of n_start and n_end x 100",
    },
    "living_in_borough": {
        "area": "Neighbourhood cluster of the home address, or Outside the borough",
        "n_staff": "Staff at the snapshot; [c] = suppressed",
        "share_percent": "% of all staff",
    },
}


def report_tables(year: int) -> list[ReportTable]:
    """Every table of the Annual Workforce Equality Report for one snapshot year, display-
    ready: `[c]` in hidden cells, numbers rounded to 1 decimal place, documented columns."""
    _check_year(year)
    gpg = _pct(gender_pay_gap(year))
    quartiles = _pct(pay_quartiles(year)).rename(columns={"quartile_name": "quartile_band"})
    gaps = pd.concat([pay_gaps(year, by) for by in PAY_GAP_DIMENSIONS], ignore_index=True)
    group_quartiles = pd.concat(
        [group_pay_quartiles(year, by) for by in GROUP_QUARTILE_DIMENSIONS], ignore_index=True
    ).rename(columns={"quartile_name": "quartile_band"})
    representation_all = pd.concat(
        [_representation_all(year, c) for c in CHARACTERISTICS], ignore_index=True
    )
    trend = disclosure_trend()
    trend = trend[trend["snapshot_year"] <= int(year)]
    turnovers = pd.concat([turnover(year, c) for c in CHARACTERISTICS], ignore_index=True)
    turnovers = turnovers.drop_duplicates(["characteristic", "category"])
    living = staff_living_by_cluster(year).rename(columns={"area_name": "area"})
    frames = {
        "gender_pay_gap": gpg,
        "pay_quartiles": quartiles,
        "pay_gaps": _pct(gaps),
        "group_pay_quartiles": _pct(group_quartiles),
        "representation": _pct(representation_all),
        "disclosure": _pct(trend),
        "turnover": _pct(turnovers),
        "living_in_borough": _pct(living),
    }
    titles = {
        "gender_pay_gap": "Gender pay gap: the statutory figures",
        "pay_quartiles": "Men and women in each hourly pay quartile",
        "pay_gaps": "Gender, ethnicity and disability pay and bonus gaps",
        "group_pay_quartiles": "Ethnicity and disability: each group in each hourly pay quartile",
        "representation": "Workforce representation against the borough (Census 2021)",
        "disclosure": "Disclosure of protected characteristics over time",
        "turnover": "Starters, leavers and turnover by characteristic",
        "living_in_borough": "Staff living in the borough, by neighbourhood cluster",
    }
    descriptions = {
        "gender_pay_gap": "The figures the GOV.UK gender pay gap service asks for, computed as "
        "the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017 define "
        "them. Positive gaps mean men are paid more.",
        "pay_quartiles": "Full-pay relevant employees ranked by hourly pay and split into four "
        "bands of as equal size as possible.",
        "pay_gaps": "Mean and median gaps in hourly pay of full-pay relevant employees, and "
        "the bonus measures (mean and median bonus gaps, share of each group paid a bonus) of "
        "all relevant employees, following the 2023 ethnicity pay gap guidance for employers "
        "(the same method for disability; the gender rows repeat the statutory figures). "
        "Positive gaps mean the reference group is paid more.",
        "group_pay_quartiles": "Full-pay relevant employees who disclosed, ranked by hourly pay "
        "and split into four bands of as equal size as possible, as for the gender quartiles: "
        "the share of the reference group (White British; not disabled) and of the comparison "
        "group (all ethnic minorities; disabled) in each band.",
        "representation": "Staff by each characteristic, overall, by grade band and by "
        "directorate, as a share of those who disclosed, beside the borough's residents aged "
        "16 and over.",
        "disclosure": "Share of staff who gave a substantive answer for each characteristic.",
        "turnover": "Starters and leavers in the financial year ending at the snapshot.",
        "living_in_borough": "Where staff live, by the cluster of their home ward.",
    }
    return [
        ReportTable(
            name=name,
            title=titles[name],
            description=descriptions[name],
            columns=REPORT_DOCS[name],
            frame=frame[list(REPORT_DOCS[name])].reset_index(drop=True),
        )
        for name, frame in frames.items()
    ]
