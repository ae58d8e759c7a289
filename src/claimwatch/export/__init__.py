"""Exports: one module per format, each ``write(rows_or_store, fh, ...)``; shared by CLI and web.

``rows_or_store`` is a :class:`claimwatch.store.Store` (anything with ``claims_for_reconcile``)
or an iterable of ``(Claim, article_meta)`` pairs. Reviewed values win: the store applies them,
and claims a reviewer rejected are left out of every export.

=============  =========================================  ===========================
format         module                                     media type
=============  =========================================  ===========================
csv            :mod:`claimwatch.export.csv`               text/csv
json           :mod:`claimwatch.export.json`              application/json
geojson        :mod:`claimwatch.export.geojson`           application/geo+json
parquet        :mod:`claimwatch.export.parquet`           application/vnd.apache.parquet
acled          :mod:`claimwatch.export.acled`             text/csv           (one row per incident)
ucdp           :mod:`claimwatch.export.ucdp`              text/csv           (one row per fatal incident)
estimates-*    :mod:`claimwatch.export.estimates`         csv/json/geojson/parquet (one per estimate)
claimreview    :mod:`claimwatch.export.claimreview`       application/ld+json
=============  =========================================  ===========================
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import IO, Any

from ..errors import ClaimwatchError
from .rows import FLAT_COLUMNS, ClaimRow, collect, flat_row

__all__ = ["FORMATS", "ExportFormat", "export", "get_format", "collect", "flat_row", "ClaimRow", "FLAT_COLUMNS"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str
    media_type: str
    extension: str
    binary: bool = False
    function: str = "write"

    def writer(self):
        return getattr(importlib.import_module(f"{__name__}.{self.module}"), self.function)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", "csv", "text/csv; charset=utf-8", "csv"),
        ExportFormat("json", "json", "application/json", "json"),
        ExportFormat("geojson", "geojson", "application/geo+json", "geojson"),
        ExportFormat("parquet", "parquet", "application/vnd.apache.parquet", "parquet", binary=True),
        ExportFormat("acled", "acled", "text/csv; charset=utf-8", "acled.csv"),
        ExportFormat("ucdp", "ucdp", "text/csv; charset=utf-8", "ucdp.csv"),
        ExportFormat("claimreview", "claimreview", "application/ld+json", "jsonld"),
        ExportFormat("estimates-csv", "estimates", "text/csv; charset=utf-8", "estimates.csv", function="write_csv"),
        ExportFormat("estimates-json", "estimates", "application/json", "estimates.json", function="write_json"),
        ExportFormat("estimates-geojson", "estimates", "application/geo+json", "estimates.geojson",
                     function="write_geojson"),
        ExportFormat("estimates-parquet", "estimates", "application/vnd.apache.parquet", "estimates.parquet",
                     binary=True, function="write_parquet"),
    )
}


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise ClaimwatchError(
            name, code="E504", detail=f"unknown export format {name!r}; one of {', '.join(FORMATS)}"
        ) from None


def export(name: str, rows_or_store: Any, fh: IO, **filters: Any) -> int:
    """Write ``rows_or_store`` in format ``name`` to ``fh`` (binary for parquet, text otherwise);
    returns the number of records written."""
    return get_format(name).writer()(rows_or_store, fh, **filters)
