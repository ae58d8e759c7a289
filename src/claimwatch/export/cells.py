"""Spreadsheet-safe cells for every CSV-shaped export (CSV, ACLED, UCDP).

Article text, titles, outlets and source names come from the web. A cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by spreadsheet programs
(CSV/formula injection). Following the OWASP advice, such text cells get a leading single quote,
which spreadsheets show as text; numbers are left alone (a negative number is data, not a formula).
"""

from __future__ import annotations

import csv as _csv
from typing import Any, Iterable, Mapping

__all__ = ["FORMULA_STARTS", "safe_cell", "SafeDictWriter"]

#: first characters that make a spreadsheet evaluate a cell (OWASP "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeDictWriter(_csv.DictWriter):
    """``csv.DictWriter`` whose rows pass through :func:`safe_cell` (the header is ours, not data)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        # csv.DictWriter.writerows does not go through writerow
        for rowdict in rowdicts:
            self.writerow(rowdict)
