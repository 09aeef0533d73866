"""Hub activity returns, TCCA requests and volunteers, and the commitments register."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demodata.common import DAYS, END, START, blank_out, fmt_date, fmt_ts, pick
from etl.demodata.reference import Borough

LOCKDOWNS = [
    ("2020-04-01", "2020-07-03"),
    ("2020-11-05", "2020-12-01"),
    ("2021-01-05", "2021-04-11"),
]


def hub_activity(rng: np.random.Generator, borough: Borough, scale: float) -> pd.DataFrame:
    hubs = borough.hubs.sort_values("hub_id")
    days = DAYS[DAYS.day_of_week < 6]  # closed on Sundays
    closed = np.zeros(len(days), bool)
    for lo, hi in LOCKDOWNS:
        closed |= (days >= lo) & (days <= hi)
    christmas = ((days.month == 12) & (days.day >= 24)) | ((days.month == 1) & (days.day <= 2))
    days = days[~closed & ~christmas]
    grid = pd.DataFrame(
        {
            "hub_id": np.repeat(hubs["hub_id"].to_numpy(), len(days)),
            "activity_on": np.tile(days, len(hubs)),
        }
    )
    size = dict(zip(hubs["hub_id"], rng.uniform(0.6, 1.4, len(hubs)), strict=True))
    base = grid["hub_id"].map(size).to_numpy()
    season = np.where(
        grid["activity_on"].dt.month == 8,
        0.7,
        np.where(grid["activity_on"].dt.month == 12, 0.8, 1.0),
    )
    years = (grid["activity_on"] - START).dt.days.to_numpy() / 365.25
    recovery = np.minimum(1.0, 0.55 + 0.25 * years)
    level = base * season * recovery * scale
    n = len(grid)
    events = rng.poisson(1.3 * base * season)
    grid["drop_ins"] = rng.poisson(14 * level)
    grid["events"] = events
    grid["digital_help"] = rng.poisson(1.5 * level * (1 + 0.35 * years))
    grid["advice_sessions"] = rng.poisson(2.2 * level)
    grid["attendees"] = rng.poisson(events * 11 * scale * recovery)
    grid["volunteer_hours"] = np.round(rng.gamma(2.0, 2.5, n) * base * recovery, 1)
    grid["activity_on"] = fmt_date(grid["activity_on"])
    return grid


def tcca_requests(rng: np.random.Generator, borough: Borough, scale: float) -> pd.DataFrame:
    t = (DAYS - START).days.to_numpy()
    # Peaks in spring 2020 and January 2021, a tail through 2021/22, a trickle after.
    rate = 80 * np.exp(-t / 45) + 50 * np.exp(-(((t - 285) / 30) ** 2)) + 6 * np.exp(-t / 400) + 0.3
    per_day = rng.poisson(rate * scale)
    received = (
        np.repeat(DAYS.to_numpy(), per_day)
        + pd.to_timedelta(rng.integers(8 * 3600, 20 * 3600, per_day.sum()), unit="s").to_numpy()
    )
    received = pd.Series(np.sort(received))
    n = len(received)
    wards = borough.wards
    need = (1 + 2.5 * wards["deprived"]) * (0.5 + 4 * wards["older_share"])
    ward = rng.choice(wards["ward_code"].to_numpy(), n, p=borough.ward_weights(need.to_numpy()))
    outcome = pick(
        rng, ["fulfilled", "referred_on", "no_longer_needed", "unable_to_contact"], [84, 7, 5, 4], n
    )
    recent = received >= END - pd.Timedelta(days=45)
    outcome = np.where(recent & (rng.random(n) < 0.4), "open", outcome)
    peak = np.where(received < pd.Timestamp("2020-07-01"), 1.6, 1.0)
    hours = rng.lognormal(np.log(16) + np.log(peak), 0.9)
    fulfilled = (received + pd.to_timedelta(hours * 3600, unit="s")).dt.floor("s")
    fulfilled = fulfilled.where(outcome == "fulfilled")
    return pd.DataFrame(
        {
            "request_id": [f"TCCA-{i:07d}" for i in range(1, n + 1)],
            "received_at": received.dt.floor("s"),
            "ward_code": ward,
            "need": pick(
                rng,
                ["shopping", "prescription", "food_parcel", "befriending", "other"],
                [35, 25, 20, 12, 8],
                n,
            ),
            "referral_source": pick(
                rng,
                [
                    "self",
                    "family_or_friend",
                    "gp_or_nhs",
                    "council",
                    "voluntary_sector",
                    "shielding_list",
                    "other",
                ],
                [30, 15, 12, 18, 10, 10, 5],
                n,
            ),
            "outcome": outcome,
            "fulfilled_at": fulfilled,
        }
    )


def tcca_volunteers(rng: np.random.Generator, borough: Borough) -> pd.DataFrame:
    """The register as it grew: most signed up in the first lockdown's surge, a second wave in
    the winter of 2020/21, then a steady trickle to the end of the demo years."""
    n = 2_000
    first_wave = pd.Timestamp("2020-03-23")
    last_day = (END.normalize() - first_wave).days
    kind = rng.choice(3, n, p=[0.7, 0.1, 0.2])
    days = np.select(
        [kind == 0, kind == 1],
        [
            rng.exponential(40, n),
            (pd.Timestamp("2021-01-05") - first_wave).days + rng.exponential(20, n),
        ],
        rng.uniform(90, last_day, n),
    )
    registered = first_wave + pd.to_timedelta(
        np.sort(np.minimum(days, last_day)).astype(int), unit="D"
    )
    ward = blank_out(
        rng, rng.choice(borough.wards["ward_code"].to_numpy(), n, p=borough.ward_weights()), 0.12
    )
    ids = rng.permutation(np.arange(5000, 5000 + n))
    return pd.DataFrame(
        {"volunteer_id": [f"VOL{i}" for i in ids], "registered_on": registered, "ward_code": ward}
    )


def assign_volunteers(
    rng: np.random.Generator, requests: pd.DataFrame, volunteers: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Most fulfilled requests name the volunteer who met them (one registered by then)."""
    reg = volunteers["registered_on"].to_numpy()
    done = requests["fulfilled_at"].notna().to_numpy() & (rng.random(len(requests)) < 0.9)
    # Volunteers registered by the time of the request; early registrants do most of the work.
    available = np.searchsorted(reg, requests["received_at"].to_numpy(), side="right")
    rank = (rng.power(0.35, len(requests)) * np.maximum(available, 1)).astype(int)
    chosen = np.minimum(rank, len(reg) - 1)
    vol = np.where(done, volunteers["volunteer_id"].to_numpy()[chosen], None)
    requests = requests.assign(volunteer_id=vol)
    last = requests.dropna(subset=["volunteer_id"]).groupby("volunteer_id")["fulfilled_at"].max()
    volunteers = volunteers.assign(last_active_on=volunteers["volunteer_id"].map(last))
    active = volunteers["last_active_on"] >= END - pd.Timedelta(days=365)
    volunteers["status"] = np.where(active, "active", "inactive")
    return requests, volunteers


def format_requests(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["received_at"] = fmt_ts(out["received_at"])
    out["fulfilled_at"] = fmt_ts(out["fulfilled_at"])
    n = len(out)
    out["resident_name"] = [f"Resident {i:06d}" for i in range(n)]
    out["address"] = "1 Example Street"
    out["phone"] = "07700 900000"
    out["notes"] = ""
    return out


def format_volunteers(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[["volunteer_id", "registered_on", "ward_code", "status", "last_active_on"]].copy()
    out["registered_on"] = fmt_date(out["registered_on"])
    out["last_active_on"] = fmt_date(out["last_active_on"].dt.normalize())
    out["full_name"] = [f"Volunteer {i:05d}" for i in range(len(out))]
    out["phone"] = "07700 900000"
    out["email"] = [f"volunteer{i:05d}@example.invalid" for i in range(len(out))]
    return out


def commitment_updates(rng: np.random.Generator, borough: Borough) -> pd.DataFrame:
    commitments = borough.commitments.sort_values("commitment_id")
    quarters = [f"{y}/{(y + 1) % 100:02d} Q{q}" for y in range(2021, 2026) for q in range(1, 5)]
    lead = {
        "Engagement": "Strategy, Engagement and Growth",
        "Empowerment": "Adults, Housing and Health",
        "Equality": "Resources",
    }
    rows = []
    n_q = len(quarters)
    for _, c in commitments.iterrows():
        steps = rng.choice([0, 5, 5, 10, 10, 15], n_q)
        steps[: rng.integers(0, 3)] = 0
        pct = np.minimum(np.cumsum(steps), 100)
        status = pick(rng, ["Green", "Amber", "Red"], [62, 28, 10], n_q)
        status = np.where(pct == 0, "Not started", np.where(pct >= 100, "Complete", status))
        for q, p, s in zip(quarters, pct, status, strict=True):
            rows.append((c["commitment_id"], q, s, int(p), lead[c["theme"]]))
    frame = pd.DataFrame(
        rows, columns=["commitment_id", "quarter", "rag", "percent_complete", "lead_directorate"]
    )
    notes = {
        "Green": "On plan; next milestone agreed with partners.",
        "Amber": "Some slippage; recovery plan in place.",
        "Red": "Behind plan; escalated to the directorate board.",
        "Complete": "Delivered.",
        "Not started": "Not yet started.",
    }
    frame["commentary"] = frame["rag"].map(notes)
    return frame
