"""`ccm demo-data`: a complete, realistic, deterministic set of extracts for 2020/21-2025/26,
in exactly the formats the contracts describe (some CSV, some XLSX).

Same seed and scale, same bytes. `scale` multiplies event volumes (contributions, site visits,
hub activity, TCCA requests), never the list of files, so benchmarks run on the same shape.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from etl.demodata import portal, services
from etl.demodata.common import FY_STARTS, write_csv
from etl.demodata.reference import load_borough
from etl.demodata.workforce import workforce
from etl.demodata.xlsx_writer import write_xlsx

# A few realistic faults, so the rejects path is exercised: {file: bad rows added}.
DELIBERATE_FAULTS = {
    "portal/contributions_2023-06.csv": 1,  # unknown ward code
    "portal/contributions_2024-11.csv": 1,  # unparseable timestamp
    "hubs/hub_activity_2022-23.csv": 1,  # negative drop-ins
}


def _fault_contribution(part: pd.DataFrame, **changes: str) -> pd.DataFrame:
    bad = part.iloc[[len(part) // 2]].copy()
    bad["contribution_id"] = bad["contribution_id"] + "-X"
    for column, value in changes.items():
        bad[column] = value
    return pd.concat([part, bad], ignore_index=True)


def generate(out_dir: Path, seed: int = 2021, scale: float = 1.0) -> dict[str, int]:
    """Write every extract under out_dir/<source>/; return {relative path: rows}."""
    out_dir = Path(out_dir)
    rng = np.random.default_rng(seed)
    borough = load_borough()
    written: dict[str, int] = {}

    def csv(rel: str, frame: pd.DataFrame) -> None:
        written[rel] = write_csv(frame, out_dir / rel)

    def xlsx(rel: str, sheet: str, frame: pd.DataFrame) -> None:
        (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(out_dir / rel, {sheet: frame})
        written[rel] = len(frame)

    projects = portal.projects(rng, borough)
    people = portal.participants(rng, borough)
    contributions = portal.contributions(rng, borough, projects, people, scale)
    xlsx("portal/projects.xlsx", "Projects", portal.format_projects(projects))
    csv("portal/participants.csv", portal.format_participants(people))
    for name, part in portal.monthly_extracts(contributions).items():
        part = portal.format_contributions(part)
        if name == "contributions_2023-06.csv":
            part = _fault_contribution(part, ward_code="E05099999")
        if name == "contributions_2024-11.csv":
            part = _fault_contribution(part, submitted_at="31/13/2024 25:00")
        csv(f"portal/{name}", part)
    csv("portal/site_visits.csv", portal.site_visits(rng, projects, contributions))
    csv("portal/budget_allocations.csv", portal.budget_allocations(rng, projects, contributions))
    csv("portal/petitions.csv", portal.petitions(rng, projects))

    hubs = services.hub_activity(rng, borough, scale)
    for year in FY_STARTS:
        label = f"{year}-{(year + 1) % 100:02d}"
        part = hubs[
            (hubs["activity_on"] >= f"{year}-04-01") & (hubs["activity_on"] <= f"{year + 1}-03-31")
        ].reset_index(drop=True)
        if label == "2022-23":
            part.loc[len(part) // 2, "drop_ins"] = -3
        csv(f"hubs/hub_activity_{label}.csv", part)

    requests = services.tcca_requests(rng, borough, scale)
    volunteers = services.tcca_volunteers(rng, borough)
    requests, volunteers = services.assign_volunteers(rng, requests, volunteers)
    csv("tcca/volunteers.csv", services.format_volunteers(volunteers))
    formatted = services.format_requests(requests)
    for year in FY_STARTS:
        part = formatted[
            (requests["received_at"] >= pd.Timestamp(f"{year}-04-01"))
            & (requests["received_at"] < pd.Timestamp(f"{year + 1}-04-01"))
        ]
        csv(f"tcca/support_requests_{year}-{(year + 1) % 100:02d}.csv", part)

    snapshots, leavers = workforce(rng, borough)
    for year, snapshot in snapshots.items():
        xlsx(f"workforce/workforce_snapshot_{year}-03-31.xlsx", "Snapshot", snapshot)
    csv("workforce/workforce_leavers.csv", leavers)

    xlsx(
        "commitments/commitment_updates.xlsx", "Updates", services.commitment_updates(rng, borough)
    )
    return written
