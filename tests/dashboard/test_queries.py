"""The query layer: read-only, protected, and it notices a rebuilt warehouse without restart."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import queries
from dashboard.callbacks.metric import download_frame
from dashboard.queries import WarehouseMissing
from etl.build import build_warehouse

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


@pytest.fixture
def configured(tiny_db):
    queries.configure(tiny_db)
    yield
    queries.configure(tiny_db)


def test_periods_and_latest_financial_year(configured):
    assert queries.latest_period("fy") == "2023/24"
    assert queries.period_slug("2023/24 Q2") == "2023-24-q2"
    assert queries.period_from_slug("2023-24-q2") == "2023/24 Q2"
    assert queries.period_from_slug("2023-24") == "2023/24"


def test_status_is_protected_before_any_page_sees_it(configured):
    status = queries.status_for_area("2023/24", "borough").set_index("metric_id")
    assert bool(status.loc["eng_participants_per_1000", "suppressed"])  # 3 people
    assert pd.isna(status.loc["eng_participants_per_1000", "value"])
    assert status.loc["eng_feedback_published_share", "value"] == pytest.approx(200 / 3)


def test_one_area_hides_exactly_what_the_all_areas_table_hides(demo_db, tiny_db):
    # a cluster is a part of the borough: protecting one area's row alone would show a
    # figure the all-areas table hides to stop the borough total giving a part away (the
    # demo at 1/20 scale has such periods: 2020/21 in Orsett, Bulphan and Horndon, ...)
    queries.configure(demo_db)
    try:
        hidden = 0
        for period in ("2020/21", "2024/25 Q2", "2025/26 Q1"):
            everywhere = queries.status_all_areas(period)
            for area in everywhere["area_slug"].unique():
                one = queries.status_for_area(period, area).set_index("metric_id")
                all_ = everywhere[everywhere["area_slug"] == area].set_index("metric_id")
                assert one["suppressed"].to_dict() == all_["suppressed"].to_dict(), (period, area)
                assert one.loc[one["suppressed"], "value"].isna().all()
                assert (one.loc[one["suppressed"], "rag"] == "not_rated").all()
                hidden += int(one["suppressed"].sum())
        assert hidden > 0
    finally:
        queries.configure(tiny_db)


def test_theme_summary_counts_suppressed_figures_as_not_rated(configured):
    summary = queries.theme_summary("2023/24", "borough").set_index("theme")
    status = queries.status_for_area("2023/24", "borough")
    assert int(summary.to_numpy().sum()) == len(status)
    assert summary.loc["Engagement"].sum() == (status["theme"] == "Engagement").sum()


def test_missing_warehouse_raises_the_friendly_exception(tmp_path):
    queries.configure(tmp_path / "none.duckdb")
    with pytest.raises(WarehouseMissing):
        queries.periods()


def test_a_rebuilt_warehouse_is_picked_up_without_restart(tiny_raw, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(tiny_raw, raw)
    db = tmp_path / "w.duckdb"
    build_warehouse(raw, db, max_reject_share=1.0)
    queries.configure(db)
    first = queries.data_as_of()["run_id"]
    assert queries.status_for_area("2023/24", "borough") is not None
    # a new hub day arrives and the ETL swaps a new file in under the running app
    with (raw / "hubs/hub_activity_2023-24.csv").open("a") as fh:
        fh.write("tilbury,2023-08-01,100,0,0,0,0,0\n")
    build_warehouse(raw, db, max_reject_share=1.0)
    assert queries.data_as_of()["run_id"] != first
    status = queries.status_for_area("2023/24", "borough").set_index("metric_id")
    assert status.loc["emp_hub_attendances_per_1000", "numerator"] == 149


def test_download_is_what_is_shown_with_suppression(configured):
    entry = queries.metric_entry("eng_participants_per_1000")
    values = queries.status_all_areas("2023/24")
    values = values[values["metric_id"] == "eng_participants_per_1000"]
    frame = download_frame(entry, values).set_index("area")
    assert frame.loc["Grays (including Little Thurrock)", "value"] == "[c]"
    assert frame.loc["Orsett, Bulphan and Horndon", "value"] == 0.0
    assert set(frame["status"]) <= {
        "on_track",
        "at_risk",
        "off_track",
        "not_rated",
        "not published",
    }


def test_pages_and_callbacks_never_touch_the_database():
    for folder in ("pages", "callbacks"):
        for path in (DASHBOARD / folder).glob("*.py"):
            tree = ast.parse(path.read_text())
            imported = {
                alias.name.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (
                    node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
                )
            }
            assert "duckdb" not in imported, path
            text = path.read_text().lower()
            assert "select " not in text or "from " not in text.split("select ", 1)[1][:200], path


def test_csv_and_xlsx_downloads_carry_the_published_table(configured):
    import base64
    import io

    import openpyxl

    from dashboard.callbacks.metric import build_download

    csv = build_download("csv", "eng_participants_per_1000", "2023-24", "borough")
    assert csv["filename"] == "eng_participants_per_1000_2023-24.csv"
    lines = csv["content"].splitlines()
    assert lines[0] == ",".join(
        [
            "metric_id",
            "metric",
            "area",
            "period",
            "value",
            "unit",
            "numerator",
            "denominator",
            "target",
            "status",
        ]
    )
    grays = next(line for line in lines if "Grays" in line)
    assert ",[c],per 1,000 residents,[c],[c]," in grays.replace('"', "")
    xlsx = build_download("xlsx", "eng_participants_per_1000", "2023-24", "borough")
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(xlsx["content"])))
    assert book.sheetnames == ["values", "notes"]
    rows = list(book["values"].iter_rows(values_only=True))
    assert len(rows) == 1 + 10  # header + borough + 9 clusters
    assert build_download("csv", "no_such_metric", "2023-24", "borough") is None
