"""Parquet: the flat claim columns with explicit Arrow types (numbers as float64, spans int64)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .rows import FLAT_COLUMNS, collect, flat_row

__all__ = ["write", "SCHEMA", "arrow_schema", "write_rows"]

_FLOAT = {"low", "best", "high", "latitude", "longitude"}
_INT = {"span_start", "span_end"}

def arrow_schema(columns: Sequence[str], floats: Collection[str], ints: Collection[str]) -> pa.Schema:
    """Arrow columns in order: ``floats`` as float64, ``ints`` as int64, the rest as strings."""
    return pa.schema([pa.field(name, pa.float64() if name in floats else pa.int64() if name in ints else pa.string())
                      for name in columns])


def write_rows(rows: Sequence[Mapping[str, Any]], schema: pa.Schema, floats: Collection[str], fh: IO[bytes]) -> int:
    """Write flat ``rows`` (a missing key is null) as one Parquet table of ``schema``; the
    ``floats`` columns are converted to float first. Returns the number of rows."""
    columns = {}
    for f in schema:
        values = [r.get(f.name) for r in rows]
        if f.name in floats:
            values = [None if v is None else float(v) for v in values]
        columns[f.name] = pa.array(values, type=f.type)
    pq.write_table(pa.table(columns, schema=schema), fh)
    return len(rows)


SCHEMA = arrow_schema(FLAT_COLUMNS, _FLOAT, _INT)


def write(rows_or_store: Any, fh: IO[bytes], **filters: Any) -> int:
    return write_rows([flat_row(r) for r in collect(rows_or_store, **filters)], SCHEMA, _FLOAT, fh)
