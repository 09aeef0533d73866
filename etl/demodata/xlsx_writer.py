"""Byte-for-byte reproducible XLSX files.

openpyxl stamps the current time into docProps/core.xml and into every zip entry, so the same
data would give different bytes on each run; we fix both.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd

FIXED_TIME = datetime(2026, 4, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    book = openpyxl.Workbook(write_only=True)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "ccm demo-data"
    for name, frame in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for name in sorted(source.namelist()):
            data = source.read(name)
            if name == "docProps/core.xml":
                data = _fix_core_times(data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def _fix_core_times(data: bytes) -> bytes:
    text = data.decode("utf-8")
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag in ("dcterms:created", "dcterms:modified"):
        start = text.find(f"<{tag}")
        if start == -1:
            continue
        open_end = text.find(">", start) + 1
        close = text.find(f"</{tag}>", open_end)
        text = text[:open_end] + stamp + text[close:]
    return text.encode("utf-8")
