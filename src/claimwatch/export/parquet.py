"""Parquet: the flat claim columns with explicit Arrow types (numbers as float64, spans int64)."""

from __future__ import annotations

from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .rows import FLAT_COLUMNS, collect, flat_row

__all__ = ["write", "SCHEMA"]

_FLOAT = {"low", "best", "high", "latitude", "longitude"}
_INT = {"span_start", "span_end"}

SCHEMA = pa.schema([
    pa.field(name, pa.float64() if name in _FLOAT else pa.int64() if name in _INT else pa.string())
    for name in FLAT_COLUMNS
])


def write(rows_or_store: Any, fh: IO[bytes], **filters: Any) -> int:
    rows = [flat_row(r) for r in collect(rows_or_store, **filters)]
    columns = {}
    for f in SCHEMA:
        values = [r.get(f.name) for r in rows]
        if f.name in _FLOAT:
            values = [None if v is None else float(v) for v in values]
        columns[f.name] = pa.array(values, type=f.type)
    table = pa.table(columns, schema=SCHEMA)
    pq.write_table(table, fh)
    return len(rows)
