"""Work out the disclosure-controlled tables before anyone asks for them.

Protection across tables (`dashboard.disclosure.LinearSystem`) is solved once per period and
warehouse version and then cached; without warming, the first visitor to the Empowerment page
pays for every period its trends need (about 10 s at demo scale). `ccm serve` runs `warm` in
a background thread, so the server answers at once and pages get fast as the cache fills.
"""

from __future__ import annotations

import logging
import time

from dashboard.queries import (
    WarehouseMissing,
    WarehouseUnreadable,
    empowerment,
    engagement,
    equality,
    warehouse,
)

log = logging.getLogger(__name__)


def warm() -> int:
    """Compute every period's protected tables into the cache; returns how many periods.

    A missing or unreadable warehouse is not an error here (the pages explain it)."""
    started = time.monotonic()
    try:
        periods = warehouse().query("periods")
        years = equality.snapshot_years()["snapshot_year"].astype(int).tolist()
    except (WarehouseMissing, WarehouseUnreadable) as exc:
        log.info("cache not warmed: %s", exc)
        return 0
    for row in periods.itertuples():
        engagement.reach(row.period_label, row.period_type)
        engagement.participant_profile(row.period_label, "borough")
        engagement.funnel(row.period_label, "borough")
        empowerment.tcca_areas(row.period_label)
    for year in years:
        equality.report_tables(year)
    log.info(
        "protected tables ready for %d periods and %d snapshots in %.1f s",
        len(periods),
        len(years),
        time.monotonic() - started,
    )
    return len(periods)
