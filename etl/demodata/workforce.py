"""HR extracts: a 31 March snapshot a year (about 2,000 staff) and the leavers list.

People persist across snapshots; about 11% leave each year and are replaced. Men are more
often in senior grades and women more often part-time, giving a realistic gender pay gap.
Disclosure of characteristics improves year by year, and some groups are genuinely tiny.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demodata.common import pick
from etl.demodata.reference import Borough

DIRECTORATES = [
    "Adults, Housing and Health",
    "Children's Services",
    "Public Realm",
    "Place",
    "Resources",
    "Strategy, Engagement and Growth",
]
BANDS = [
    "Band 1 (Scales 1-3)",
    "Band 2 (Scales 4-6)",
    "Band 3 (SO1-PO2)",
    "Band 4 (PO3-PO6)",
    "Band 5 (PO7 and above)",
    "Band 6 (Chief Officers)",
]
BAND_PAY_2021 = np.array([11.4, 14.2, 18.6, 25.5, 35.0, 62.0])
ETHNIC = [
    "White: English, Welsh, Scottish, Northern Irish or British",
    "White: Irish",
    "White: Gypsy or Irish Traveller, Roma or Other White",
    "Asian, Asian British or Asian Welsh",
    "Black, Black British, Black Welsh, Caribbean or African",
    "Mixed or Multiple ethnic groups",
    "Other ethnic group",
]
RELIGION = [
    "Christian",
    "No religion",
    "Muslim",
    "Hindu",
    "Sikh",
    "Buddhist",
    "Jewish",
    "Other religion",
]
ORIENTATION = ["Straight or Heterosexual", "Gay or Lesbian", "Bisexual", "Other sexual orientation"]
SNAPSHOT_YEARS = range(2021, 2027)
COLUMNS = [
    "employee_id",
    "snapshot_date",
    "directorate",
    "grade_band",
    "fte",
    "full_pay_relevant",
    "hourly_pay_gbp",
    "bonus_paid_12m_gbp",
    "start_date",
    "sex",
    "age_band",
    "ethnic_group",
    "disability",
    "religion",
    "sexual_orientation",
    "home_ward_code",
]


def _people(
    rng: np.random.Generator, borough: Borough, n: int, first_id: int, hired_year: int | None
) -> pd.DataFrame:
    sex = pick(rng, ["Female", "Male"], [65, 35], n)
    male = sex == "Male"
    band_f, band_m = [27, 29, 25, 14, 4.2, 0.8], [21, 26, 25, 18, 8.2, 1.8]
    band = np.where(
        male,
        rng.choice(6, n, p=np.array(band_m) / sum(band_m)),
        rng.choice(6, n, p=np.array(band_f) / sum(band_f)),
    )
    part_time = rng.random(n) < np.where(male, 0.08, 0.34)
    fte = np.where(part_time, rng.choice([0.4, 0.5, 0.6, 0.8], n), 1.0)
    spread = np.where(band == 5, rng.uniform(0.9, 1.45, n), rng.uniform(0.92, 1.12, n))
    in_borough = rng.random(n) < 0.58
    home = np.where(
        in_borough,
        rng.choice(borough.wards["ward_code"].to_numpy(), n, p=borough.ward_weights()),
        None,
    )
    if hired_year is None:
        start = pd.Timestamp("2021-03-31") - pd.to_timedelta(
            (rng.exponential(8.0, n) * 365).astype(int), unit="D"
        )
    else:
        start = pd.Timestamp(f"{hired_year - 1}-04-01") + pd.to_timedelta(
            rng.integers(0, 365, n), unit="D"
        )
    return pd.DataFrame(
        {
            "employee_id": [f"EMP{first_id + i:06d}" for i in range(n)],
            "sex": sex,
            "birth_year": rng.integers(1958, 2004, n),
            "band": band,
            "fte": fte,
            "spread": spread,
            "directorate": pick(rng, DIRECTORATES, [28, 24, 18, 12, 12, 6], n),
            "ethnic": pick(rng, ETHNIC, [72, 1, 6, 6, 10, 3.2, 1.8], n),
            "disability": pick(rng, ["Yes", "No"], [8, 92], n),
            "religion": pick(rng, RELIGION, [50, 38, 5, 2.5, 1.0, 0.5, 0.3, 2.7], n),
            "orientation": pick(rng, ORIENTATION, [94.5, 2.5, 2.5, 0.5], n),
            "home": home,
            "start_date": start,
            "u_disclose": rng.random((n, 4)).tolist(),
        }
    )


def _age_band(age: np.ndarray) -> np.ndarray:
    edges = [25, 35, 45, 55, 65]
    labels = np.array(["16-24", "25-34", "35-44", "45-54", "55-64", "65+"])
    return labels[np.searchsorted(edges, age, side="right")]


def _snapshot(rng: np.random.Generator, staff: pd.DataFrame, year: int) -> pd.DataFrame:
    n = len(staff)
    growth = 1.035 ** (year - 2021)
    hourly = np.round(BAND_PAY_2021[staff["band"]] * staff["spread"] * growth, 2)
    undisclosed = 0.24 - 0.025 * (year - 2021)  # disclosure improves each year
    u = np.array(staff["u_disclose"].tolist())
    shown = {}
    for i, (col, source) in enumerate(
        (
            ("ethnic_group", "ethnic"),
            ("disability", "disability"),
            ("religion", "religion"),
            ("sexual_orientation", "orientation"),
        )
    ):
        hidden = u[:, i] < undisclosed
        value = staff[source].to_numpy().astype(object)
        value[hidden] = np.where(u[hidden, i] < undisclosed / 2, "Prefer not to say", None)
        shown[col] = value
    bonus = np.where(rng.random(n) < 0.03, rng.choice([250, 300, 500, 750, 1000], n), np.nan)
    sex = staff["sex"].to_numpy().astype(object)
    sex[rng.random(n) < 0.01] = "Prefer not to say"
    return pd.DataFrame(
        {
            "employee_id": staff["employee_id"],
            "snapshot_date": pd.Timestamp(f"{year}-03-31").date(),
            "directorate": staff["directorate"],
            "grade_band": np.asarray(BANDS)[staff["band"]],
            "fte": staff["fte"],
            "full_pay_relevant": np.where(rng.random(n) < 0.03, "N", "Y"),
            "hourly_pay_gbp": hourly,
            "bonus_paid_12m_gbp": bonus,
            "start_date": staff["start_date"].dt.date,
            "sex": sex,
            "age_band": _age_band(year - staff["birth_year"].to_numpy()),
            **shown,
            "home_ward_code": staff["home"],
        },
        columns=COLUMNS,
    )


def workforce(
    rng: np.random.Generator, borough: Borough
) -> tuple[dict[int, pd.DataFrame], pd.DataFrame]:
    staff = _people(rng, borough, 2_000, 1, None)
    next_id = 2_001
    snapshots, leavers = {}, []
    for year in SNAPSHOT_YEARS:
        if year > SNAPSHOT_YEARS[0]:
            leaving = rng.random(len(staff)) < 0.11
            gone = staff[leaving]
            leavers.append(
                pd.DataFrame(
                    {
                        "employee_id": gone["employee_id"],
                        "leaving_date": (
                            pd.Timestamp(f"{year - 1}-04-01")
                            + pd.to_timedelta(rng.integers(0, 365, len(gone)), unit="D")
                        ).date,
                        "directorate": gone["directorate"],
                        "reason": pick(
                            rng,
                            [
                                "resignation",
                                "retirement",
                                "end_of_contract",
                                "dismissal",
                                "redundancy",
                                "other",
                            ],
                            [62, 14, 12, 3, 4, 5],
                            len(gone),
                        ),
                    }
                )
            )
            hires = _people(rng, borough, int(leaving.sum() + rng.integers(-10, 30)), next_id, year)
            next_id += len(hires)
            staff = pd.concat([staff[~leaving], hires], ignore_index=True)
        snapshots[year] = _snapshot(rng, staff, year)
    leavers_frame = (
        pd.concat(leavers, ignore_index=True)
        .sort_values(["leaving_date", "employee_id"])
        .reset_index(drop=True)
    )
    leavers_frame["leaving_date"] = pd.to_datetime(leavers_frame["leaving_date"]).dt.strftime(
        "%Y-%m-%d"
    )
    return snapshots, leavers_frame
