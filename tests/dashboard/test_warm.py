"""Warming the cache: every period's protected tables are worked out before a visitor asks."""

from __future__ import annotations

from dashboard import queries
from dashboard.queries import empowerment, engagement
from dashboard.queries.warm import warm


def test_warm_fills_the_cache_for_every_period_and_changes_nothing(engagement_db, tmp_path):
    try:
        previous = queries.warehouse().path
    except queries.WarehouseMissing:
        previous = None
    try:
        queries.configure(engagement_db)
        before = engagement.participant_profile("2023/24", "grays")
        queries.configure(engagement_db)  # a fresh, empty cache
        periods = queries.warehouse().query("periods")["period_label"].tolist()
        assert warm() == len(periods)
        cached = {key[0]: set() for key in queries.warehouse()._cache}
        for key in queries.warehouse()._cache:
            cached[key[0]].add(key[1])
        years = set(queries.warehouse().query("periods")["fy_label"])
        assert cached["derived:empowerment_tcca_year"] == {(fy,) for fy in years}
        assert cached["derived:engagement_profile"] == {(p,) for p in periods}
        assert "derived:engagement_registrations" in cached
        assert "derived:engagement_engaged" in cached
        # the same protected figures as computed on demand
        assert engagement.participant_profile("2023/24", "grays").equals(before)
        assert not empowerment.tcca_areas("2023/24").empty
        # no warehouse: nothing to do, and no error
        queries.configure(tmp_path / "missing.duckdb")
        assert warm() == 0
    finally:
        if previous is not None:
            queries.configure(previous)
