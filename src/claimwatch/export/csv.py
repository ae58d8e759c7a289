"""Flat CSV: one row per claim, the columns of :data:`claimwatch.export.rows.FLAT_COLUMNS`."""

from __future__ import annotations

from typing import IO, Any

from .cells import SafeDictWriter
from .rows import FLAT_COLUMNS, collect, flat_row

__all__ = ["write", "COLUMNS"]

COLUMNS = FLAT_COLUMNS


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in collect(rows_or_store, **filters):
        writer.writerow({k: ("" if v is None else v) for k, v in flat_row(row).items()})
        n += 1
    return n
