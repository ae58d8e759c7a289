"""Tables rendered as text lines: a header line of cell labels, then rows of the same number of cells.

    Attacks by state and region (verified incidents, 1 July-30 September)

    State/Region | Attacks | Killed | Injured
    North | 19 | 12 | 27
    Total | 19 | 12 | 27

Cells are separated by ``|`` or a tab (a Markdown table's outer pipes and its ``---`` rule line are
allowed); a table has at least three columns and a row under its header, a header of labels (no
cell a bare number but a year: "Department | 2025 | 2026") and rows that hold figures. The caption
is the line that introduces the table (the line right above its header, or above one blank line).
Pure text reading, no parse.

Core: :func:`find_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cell", "Table", "find_tables", "TOTAL_LABELS"]

Span = tuple[int, int]

#: the label of a row that sums the rows above it
TOTAL_LABELS = frozenset({"total", "totals", "all", "overall", "grand total", "sum"})

_SEPARATORS = ("|", "\t")
_RULE_LINE = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")
_BARE_FIGURE = re.compile(r"[\d.,%+\-–\s]+")
_MIN_COLUMNS = 3
#: a column heading that is a year ("Department | 2025 | 2026")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Cell:
    """One cell: its text (stripped) and its span in the report."""

    text: str
    span: Span


@dataclass(frozen=True)
class Table:
    """A header of column labels, the rows under it, and the span of the line that introduces it."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: Span | None

    @property
    def span(self) -> Span:
        return self.header[0].span[0], self.rows[-1][-1].span[1]

    def cell_at(self, start: int, end: int) -> tuple[int, int] | None:
        """``(row, column)`` of the body cell holding ``[start, end)``, else ``None``."""
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell.span[0] <= start and end <= cell.span[1]:
                    return r, c
        return None

    def is_total(self, row: int) -> bool:
        """The row sums the others ("Total | 58 | 37")."""
        return self.rows[row][0].text.lower().rstrip(":") in TOTAL_LABELS


def _lines(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _cells(text: str, line: Span) -> tuple[str, tuple[Cell, ...]] | None:
    """The line's separator and cells, when it reads as a table line of three or more cells."""
    s, e = line
    raw = text[s:e]
    for sep in _SEPARATORS:
        if raw.count(sep) < _MIN_COLUMNS - 1 and not (sep == "|" and raw.strip().startswith("|")):
            continue
        cells, pos = [], s
        for part in raw.split(sep):
            stripped = part.strip()
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(stripped, (pos + lead, pos + lead + len(stripped))))
            pos += len(part) + 1
        if sep == "|" and cells and not cells[0].text:   # "| a | b |": the outer pipes
            cells = cells[1:]
        if sep == "|" and cells and not cells[-1].text:
            cells = cells[:-1]
        if len(cells) >= _MIN_COLUMNS:
            return sep, tuple(cells)
    return None


def _a_figure(cell: Cell) -> bool:
    return bool(cell.text) and _BARE_FIGURE.fullmatch(cell.text) is not None and any(ch.isdigit() for ch in cell.text)


def _caption(text: str, lines: list[Span], header_line: int) -> Span | None:
    for k in (header_line - 1, header_line - 2):
        if k < 0:
            return None
        s, e = lines[k]
        if text[s:e].strip():
            return None if _cells(text, lines[k]) is not None else (s, e)
    return None


def _table(text: str, lines: list[Span], block: list[tuple[int, tuple[Cell, ...]]]) -> Table | None:
    (first, header), rows = block[0], [cells for _i, cells in block[1:]]
    if not rows or not header[0].text or any(_a_figure(c) and not _YEAR.fullmatch(c.text) or not c.text for c in header):
        return None
    if not all(any(_a_figure(c) for c in row) for row in rows):
        return None
    return Table(header, tuple(rows), _caption(text, lines, first))


def find_tables(text: str) -> list[Table]:
    """Every table of the report, in text order."""
    lines = _lines(text)
    tables: list[Table] = []
    block: list[tuple[int, tuple[Cell, ...]]] = []
    shape: tuple[str, int] | None = None
    for i, line in enumerate(lines + [(len(text), len(text))]):
        if i < len(lines) and block and _RULE_LINE.fullmatch(text[line[0]:line[1]]):
            continue   # a Markdown rule under the header
        found = _cells(text, line) if i < len(lines) else None
        if found is not None and shape == (found[0], len(found[1])):
            block.append((i, found[1]))
            continue
        if len(block) >= 2:
            table = _table(text, lines, block)
            if table is not None:
                tables.append(table)
        block = [(i, found[1])] if found is not None else []
        shape = (found[0], len(found[1])) if found is not None else None
    return tables
