"""Consultation portal extracts: projects, participants, contributions (monthly, overlapping),
site visits, participatory budget allocations and petitions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demodata.common import END, START, blank_out, fmt_date, fmt_ts, pick
from etl.demodata.reference import Borough

SERVICES = {
    "Planning": ["Local Plan: {place}", "Design code for {place}", "Town centre plan: {place}"],
    "Highways": ["Road safety near schools in {place}", "Cycle routes in {place}"],
    "Libraries": ["Library opening hours in {place}", "Future of libraries"],
    "Housing": ["Estate improvements in {place}", "Tenant satisfaction survey"],
    "Adult Social Care": ["Day opportunities review", "Carers' strategy"],
    "Public Health": ["Healthy weight in {place}", "Active Thurrock"],
    "Parks": ["Play areas in {place}", "Riverside path in {place}"],
    "Waste": ["Bin collection changes", "Fly-tipping in {place}"],
    "Children's Services": ["Youth provision in {place}", "Family hubs"],
    "Community Development": ["Community grants in {place}", "Stronger Together"],
}
IDEAS = [
    "More benches along the riverside path near {place}",
    "Open the library on Sunday afternoons",
    "A safe crossing outside the primary school",
    "Plant more trees on the high street",
    "Better bus links in the evening",
    "Youth club in the community hub",
    "Fix the street lights by the station",
    "A community garden on the empty plot",
]
QUESTIONS = [
    "When will the work start?",
    "How will this affect parking?",
    "Is there funding for this?",
    "Will there be a public meeting?",
    "How can I get involved?",
]
STORIES = [
    "The hub helped my mum get online during lockdown.",
    "Our street came together for the litter pick.",
    "The new play area is always busy now.",
]
PINS = [
    "Potholes here make cycling dangerous",
    "Great spot for a bench",
    "Flooding after heavy rain",
    "Needs better lighting at night",
    "Lovely view, keep it green",
]
TOOL_TEXT = {
    "ideas": IDEAS,
    "questions": QUESTIONS,
    "stories": STORIES,
    "forum": IDEAS,
    "places": PINS,
}
AGE_BANDS = ["Under 16", "16-24", "25-34", "35-49", "50-64", "65+", "Prefer not to say"]
ETHNIC = [
    "White",
    "Asian, Asian British or Asian Welsh",
    "Black, Black British, Black Welsh, Caribbean or African",
    "Mixed or Multiple ethnic groups",
    "Other ethnic group",
    "Prefer not to say",
]


def projects(rng: np.random.Generator, borough: Borough) -> pd.DataFrame:
    n = 140
    services = pick(rng, list(SERVICES), [1] * len(SERVICES), n)
    clusters = sorted(borough.wards["cluster_slug"].unique())
    is_borough = rng.random(n) < 0.4
    area = np.where(is_borough, "borough", rng.choice(clusters, n))
    kind = pick(rng, ["consultation", "engagement", "participatory_budgeting"], [55, 38, 7], n)
    # More projects as the portal beds in.
    opened = START + pd.to_timedelta(
        np.sort((rng.beta(1.3, 1.0, n) * ((END - START).days - 45)).astype(int)), unit="D"
    )
    closed = opened + pd.to_timedelta(rng.integers(28, 91, n), unit="D")
    closed = closed.where(closed <= END.normalize())
    delay = pd.to_timedelta(np.ceil(rng.gamma(3.0, 12.0, n)).astype(int), unit="D")
    published = (closed + delay).where(rng.random(n) < 0.82)
    published = published.where(published <= END.normalize())
    place_names = dict(zip(clusters, [c.replace("-", " ").title() for c in clusters], strict=True))
    titles = [
        rng.choice(SERVICES[s]).format(place=place_names.get(a, "Thurrock"))
        for s, a in zip(services, area, strict=True)
    ]
    theme = np.where(
        np.isin(services, ["Community Development", "Libraries", "Public Health"]),
        "Empowerment",
        np.where(
            np.isin(services, ["Adult Social Care", "Children's Services"]),
            "Equality",
            "Engagement",
        ),
    )
    budget = np.where(
        kind == "participatory_budgeting",
        rng.choice([10_000, 20_000, 25_000, 50_000, 100_000], n),
        np.nan,
    )
    return pd.DataFrame(
        {
            "project_id": [f"PRJ-{i:04d}" for i in range(1, n + 1)],
            "title": titles,
            "service": services,
            "theme": theme,
            "kind": kind,
            "area": area,
            "opened_on": opened,
            "closed_on": closed,
            "feedback_published_on": published,
            "pb_budget_gbp": budget,
        }
    )


def participants(rng: np.random.Generator, borough: Borough) -> pd.DataFrame:
    n = 7_500
    wards = borough.wards
    # Fewer people take part where deprivation is high, more where it is low.
    propensity = 1.35 - 1.6 * wards["deprived"].to_numpy()
    ward = rng.choice(wards["ward_code"].to_numpy(), n, p=borough.ward_weights(propensity))
    ward = blank_out(rng, ward, 0.04)
    registered = (
        START
        - pd.Timedelta(days=200)
        + pd.to_timedelta(
            np.sort((rng.beta(1.2, 1.0, n) * ((END - START).days + 150)).astype(int)), unit="D"
        )
    )
    ids = rng.permutation(np.arange(10_000, 10_000 + n))
    frame = pd.DataFrame(
        {
            "participant_id": [f"M{i}" for i in ids],
            "registered_on": registered,
            "ward_code": ward,
            "age_band": blank_out(rng, pick(rng, AGE_BANDS, [1, 6, 13, 26, 30, 21, 3], n), 0.05),
            "sex": blank_out(
                rng, pick(rng, ["Female", "Male", "Prefer not to say"], [56, 40, 4], n), 0.05
            ),
            "ethnic_group": blank_out(rng, pick(rng, ETHNIC, [86, 4, 4.5, 2, 1, 2.5], n), 0.08),
            "disability": blank_out(
                rng, pick(rng, ["Yes", "No", "Prefer not to say"], [12, 80, 8], n), 0.06
            ),
        }
    )
    frame["screen_name"] = [f"Resident {i:05d}" for i in range(n)]
    frame["email"] = [f"resident{i:05d}@example.invalid" for i in range(n)]
    frame["postcode"] = "RM17 0XX"
    return frame


def contributions(
    rng: np.random.Generator,
    borough: Borough,
    projects_: pd.DataFrame,
    people: pd.DataFrame,
    scale: float,
) -> pd.DataFrame:
    open_until = projects_["closed_on"].fillna(END.normalize())
    days_open = (open_until - projects_["opened_on"]).dt.days.clip(lower=1).to_numpy()
    weight = days_open * rng.lognormal(0, 0.8, len(projects_))
    total = int(55_000 * scale)
    project_idx = rng.choice(len(projects_), total, p=weight / weight.sum())
    start = projects_["opened_on"].to_numpy()[project_idx]
    span = days_open[project_idx]
    submitted = pd.to_datetime(start) + pd.to_timedelta(rng.random(total) * span * 86400, unit="s")
    submitted = submitted.floor("s")
    kinds = projects_["kind"].to_numpy()[project_idx]
    tool = pick(
        rng,
        ["survey", "quick_poll", "ideas", "places", "questions", "stories", "forum"],
        [45, 20, 10, 8, 7, 4, 6],
        total,
    )
    tool = np.where(
        (kinds == "participatory_budgeting") & (rng.random(total) < 0.7), "budget", tool
    )
    # Participants: anyone registered by the time they contribute.
    reg = people["registered_on"].to_numpy()
    n_registered = np.searchsorted(np.sort(reg), submitted.to_numpy(), side="right")
    order = np.argsort(reg, kind="stable")
    who = order[
        np.minimum((rng.random(total) * np.maximum(n_registered, 1)).astype(int), len(order) - 1)
    ]
    participant = people["participant_id"].to_numpy()[who].astype(object)
    ward = people["ward_code"].to_numpy()[who].astype(object)
    anonymous = (tool == "quick_poll") & (rng.random(total) < 0.6)
    participant[anonymous] = None
    ward[anonymous] = blank_out(
        rng,
        rng.choice(
            borough.wards["ward_code"].to_numpy(), anonymous.sum(), p=borough.ward_weights()
        ),
        0.3,
    )
    frame = pd.DataFrame(
        {
            "contribution_id": [f"C{i:08d}" for i in range(1, total + 1)],
            "project_id": projects_["project_id"].to_numpy()[project_idx],
            "participant_id": participant,
            "tool": tool,
            "submitted_at": submitted,
            "ward_code": ward,
        }
    )
    frame = frame.sort_values(["submitted_at", "contribution_id"], kind="stable")
    frame = frame.reset_index(drop=True)
    _add_free_text_and_pins(rng, borough, frame)
    return frame


def _add_free_text_and_pins(
    rng: np.random.Generator, borough: Borough, frame: pd.DataFrame
) -> None:
    n = len(frame)
    text = np.full(n, None, dtype=object)
    for tool, options in TOOL_TEXT.items():
        mask = (frame["tool"] == tool).to_numpy()
        text[mask] = rng.choice(np.asarray(options, dtype=object), mask.sum())
    frame["text"] = pd.Series(text).str.replace("{place}", "Grays beach", regex=False)
    # Places contributions are pins; on the portal residents may also tag an idea or a story
    # to a spot on the map, so about one in four of those carries a location too.
    taggable = np.isin(frame["tool"], ["ideas", "stories"])
    pins = (frame["tool"] == "places").to_numpy() | (taggable & (rng.random(n) < 0.25))
    centroids = borough.wards.set_index("ward_code")[["lat", "lon"]]
    pin_wards = frame.loc[pins, "ward_code"].fillna(borough.wards["ward_code"].iloc[0])
    lat = centroids.loc[pin_wards, "lat"].to_numpy() + rng.normal(0, 0.004, pins.sum())
    lon = centroids.loc[pin_wards, "lon"].to_numpy() + rng.normal(0, 0.006, pins.sum())
    frame["lat"] = np.nan
    frame["lon"] = np.nan
    frame.loc[pins, "lat"] = np.round(lat, 5)
    frame.loc[pins, "lon"] = np.round(lon, 5)
    sentiment = np.full(n, None, dtype=object)
    has_sentiment = np.isin(frame["tool"], ["places", "stories"])
    sentiment[has_sentiment] = pick(
        rng, ["positive", "neutral", "negative"], [4, 3, 3], has_sentiment.sum()
    )
    frame["sentiment"] = sentiment
    questions = (frame["tool"] == "questions").to_numpy()
    wait = pd.to_timedelta(rng.exponential(5.0, n) * 86400 + 3600, unit="s")
    answered = (frame["submitted_at"] + wait).dt.floor("s")
    answered = answered.where(questions & (rng.random(n) < 0.88))
    frame["answered_at"] = answered.where(answered <= END)
    frame["text"] = frame["text"].where(frame["text"].notna(), None)


CONTRIBUTION_COLUMNS = [
    "contribution_id",
    "project_id",
    "participant_id",
    "tool",
    "submitted_at",
    "ward_code",
    "lat",
    "lon",
    "sentiment",
    "text",
    "answered_at",
]


def monthly_extracts(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One file per month with the last 7 days of the month before (overlapping extracts).

    Each extract is taken 14 days after its month ends: answers given later are not in it, so a
    question can be unanswered in one extract and answered in the next.
    """
    out = {}
    months = pd.period_range(START, END, freq="M")
    stamps = frame["submitted_at"].to_numpy()
    for month in months:
        first = month.start_time
        last = month.end_time
        taken = last + pd.Timedelta(days=14)
        lo = np.searchsorted(stamps, np.datetime64(first - pd.Timedelta(days=7)), side="left")
        hi = np.searchsorted(stamps, np.datetime64(last), side="right")
        part = frame.iloc[lo:hi].copy()
        part["answered_at"] = part["answered_at"].where(part["answered_at"] <= taken)
        out[f"contributions_{month.strftime('%Y-%m')}.csv"] = part
    return out


def format_contributions(part: pd.DataFrame) -> pd.DataFrame:
    out = part[CONTRIBUTION_COLUMNS].copy()
    out["submitted_at"] = fmt_ts(out["submitted_at"])
    out["answered_at"] = fmt_ts(out["answered_at"])
    return out


def site_visits(
    rng: np.random.Generator,
    projects_: pd.DataFrame,
    contribs: pd.DataFrame,
) -> pd.DataFrame:
    per_day = (
        contribs.assign(visit_on=contribs["submitted_at"].dt.normalize())
        .groupby(["project_id", "visit_on"])
        .size()
        .rename("n")
        .reset_index()
    )
    engaged_base = per_day["n"].to_numpy()
    aware = rng.poisson(engaged_base * 12 + 5)
    informed = rng.binomial(aware, 0.35)
    engaged = np.minimum(informed, rng.binomial(informed, 0.23) + engaged_base // 3)
    return pd.DataFrame(
        {
            "project_id": per_day["project_id"],
            "visit_on": fmt_date(per_day["visit_on"]),
            "aware": aware,
            "informed": informed,
            "engaged": engaged,
        }
    )


def budget_allocations(
    rng: np.random.Generator, projects_: pd.DataFrame, contribs: pd.DataFrame
) -> pd.DataFrame:
    budgets = projects_.set_index("project_id")["pb_budget_gbp"]
    subs = contribs[(contribs["tool"] == "budget") & contribs["participant_id"].notna()]
    subs = subs.drop_duplicates(["project_id", "participant_id"])
    lines = rng.integers(3, 7, len(subs))
    rows = subs.loc[subs.index.repeat(lines)].reset_index(drop=True)
    line_no = np.concatenate([np.arange(k) for k in lines]) if len(lines) else np.array([], int)
    shares = rng.dirichlet(np.ones(6), len(subs))
    share = shares[np.repeat(np.arange(len(subs)), lines), line_no] if len(lines) else []
    options = [
        "Parks and play areas",
        "Youth activities",
        "Street lighting",
        "Community events",
        "Road safety",
        "Green spaces",
    ]
    return pd.DataFrame(
        {
            "allocation_id": [f"A{i:07d}" for i in range(1, len(rows) + 1)],
            "project_id": rows["project_id"],
            "participant_id": rows["participant_id"],
            "budget_line": np.asarray(options)[line_no],
            "allocated_gbp": np.round(budgets.loc[rows["project_id"]].to_numpy() * share, 2),
            "submitted_at": fmt_ts(rows["submitted_at"]),
        }
    )


def petitions(rng: np.random.Generator, projects_: pd.DataFrame) -> pd.DataFrame:
    hosts = projects_[projects_["kind"] == "engagement"].sample(24, random_state=rng.integers(1e9))
    hosts = hosts.sort_values("project_id")
    n = len(hosts)
    threshold = np.where(hosts["area"] == "borough", 1500, 500)
    signatures = np.round(rng.lognormal(np.log(threshold * 0.6), 0.8)).astype(int)
    created = hosts["opened_on"].reset_index(drop=True)
    closed = created + pd.to_timedelta(rng.integers(60, 91, n), unit="D")
    closed = closed.where(closed <= END.normalize())
    respond = closed + pd.to_timedelta(rng.integers(10, 60, n), unit="D")
    respond = respond.where((rng.random(n) < 0.85) & (respond <= END.normalize()))
    topics = [
        "Save our library hours",
        "Stop the bus route cut",
        "More school crossings",
        "Protect the green belt",
        "Fix our roads",
        "Keep the youth club open",
    ]
    return pd.DataFrame(
        {
            "petition_id": [f"PET-{i:03d}" for i in range(1, n + 1)],
            "project_id": hosts["project_id"].to_numpy(),
            "title": rng.choice(topics, n),
            "area": hosts["area"].to_numpy(),
            "created_on": fmt_date(created),
            "closed_on": fmt_date(closed),
            "signatures": signatures,
            "threshold": threshold,
            "response_on": fmt_date(respond),
        }
    )


def format_projects(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in ("opened_on", "closed_on", "feedback_published_on"):
        out[col] = out[col].dt.date.astype(object).where(out[col].notna(), None)
    return out


def format_participants(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["registered_on"] = fmt_date(out["registered_on"])
    return out
