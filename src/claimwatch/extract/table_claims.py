"""What the figures of a table count (:mod:`.tables`): each body cell's figure takes the event type of
its column heading ("Killed" → death, "Arrested" → detention), else its row label's ("Injured"; in an
injuries table a severity, "Fatal" → death, "Serious" → injury), its row label as its place (resolved
like any place name, among the report's countries) and the period its caption states ("verified
incidents, 1 July-30 September"). The first column labels the rows: a figure inside a label ("Other
(5 states)") is no count. A column whose heading names no event ("Attacks", "Incidents") keeps its
figures as they were read.

Core: :func:`a_row_label` and :func:`type_table_counts` (on the drafts), :func:`place_and_date_table_counts`
(on the filled claims).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Sequence, cast

from ..model import EVENT_TYPES, Claim, EventType, Place, TimeAnchor, TimeInfo, TimePrecision
from .base import Analysis
from .events import lexicon
from .frames import frame_set
from .place_candidates import PRECISION
from .place_resolve import resolve_name
from .quantity_nouns import in_class, noun_classes
from .tables import Cell, Table, find_tables

if TYPE_CHECKING:
    from .linking import Draft

__all__ = ["a_row_label", "type_table_counts", "place_and_date_table_counts", "heading_event_type"]

_s = frame_set


#: types a column of figures about people cannot take from its heading's word
_NOT_COUNTED = frozenset({"statement", "policy"})


def _tables(analysis: Analysis) -> list[Table]:
    key = "tables"
    if key not in analysis.indexes:
        analysis.indexes[key] = find_tables(analysis.text)
    found: list[Table] = analysis.indexes[key]
    return found


def _cell_of(analysis: Analysis, claim: Claim) -> tuple[Table, int, int] | None:
    q = claim.quantity
    if q is None or q.span is None:
        return None
    for table in _tables(analysis):
        at = table.cell_at(q.span[0], q.span[1])
        if at is not None:
            return table, at[0], at[1]
    return None


def _singular(word: str) -> str:
    """A plural a heading's capitals hid from the lemmatiser ("Injuries", "Arrests" read as names)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def heading_event_type(analysis: Analysis, heading: Cell) -> str | None:
    """The event type a column heading names ("Killed", "Deaths", "People injured"), else ``None``."""
    index = lexicon()["word_index"]
    chunk = analysis.doc.char_span(heading.span[0], heading.span[1], alignment_mode="expand")
    for tok in chunk or ():
        etype = index.get(tok.lemma_.lower()) or index.get(tok.lower_) or index.get(_singular(tok.lower_))
        if etype and etype not in _NOT_COUNTED:
            return str(etype)
    return None


def a_row_label(analysis: Analysis, span: tuple[int, int]) -> bool:
    """The figure sits in a table's first column, the label of its row ("Other (5 states)"), or in a
    table of other figures (:func:`_about_people`)."""
    for table in _tables(analysis):
        at = table.cell_at(span[0], span[1])
        if at is not None:
            return at[1] == 0 or not _about_people(analysis, table)
    return False


def _about_people(analysis: Analysis, table: Table) -> bool:
    """A column heading or the caption names an event, people or incidents ("Killed", "Refugees",
    "Attacks", "Sea arrivals by year"); a league table ("Team | Played | Won | Points") or a budget by
    department names none: its figures count no one."""
    classes = noun_classes()
    kinds = classes["person"] | classes["group"] | classes["container"] | classes["incident"] | _s("movement_nouns")
    index = lexicon()["word_index"]
    spans = [cell.span for cell in table.header[1:]] + ([table.caption] if table.caption else [])
    sources = [a.span for a in analysis.attributions if a.span is not None]
    for s, e in spans:
        for tok in analysis.doc.char_span(s, e, alignment_mode="expand") or ():
            if any(a <= tok.idx < b for a, b in sources):
                continue  # the caption's speaker ("..., the mayor said") is not what the figures count
            if in_class(tok, kinds) or tok.ent_type_ == "NORP" or (index.get(tok.lemma_.lower()) or index.get(tok.lower_)) not in (
                    None, *_NOT_COUNTED):
                return True
    return False


def _severity_type(analysis: Analysis, table: Table, label: Cell) -> str | None:
    """A row of an injuries table labelled by severity ("Fatal", "Serious", "Minor"), the scale of an
    accident report: death for a fatal row, injury for the others. The table must say it counts
    injuries or casualties (its corner cell or its caption), else "Serious" is no event."""
    chunk = analysis.doc.char_span(label.span[0], label.span[1], alignment_mode="expand")
    words = {tok.lower_ for tok in chunk or ()} | {tok.lemma_.lower() for tok in chunk or ()}
    if not words & (_s("severity_fatal_labels") | _s("severity_injury_labels")):
        return None
    spans = [table.header[0]] + ([Cell("", table.caption)] if table.caption else [])
    if not any(heading_event_type(analysis, cell) in ("injury", "death") for cell in spans):
        return None
    return "death" if words & _s("severity_fatal_labels") else "injury"


def _cell_type(analysis: Analysis, table: Table, row: int, col: int) -> str | None:
    """What a body cell counts: its column heading's event ("Killed"), else its row label's ("Injured",
    or a severity under an injuries table: "Fatal", "Serious")."""
    if not col:
        return None
    label = table.rows[row][0]
    return (heading_event_type(analysis, table.header[col]) or heading_event_type(analysis, label)
            or _severity_type(analysis, table, label))


def type_table_counts(analysis: Analysis, drafts: Sequence["Draft"]) -> None:
    """A count in a table's body cell counts what its column heading or its row label names (its event type)."""
    for draft in drafts:
        cell = _cell_of(analysis, draft.claim)
        if cell is None:
            continue
        etype = _cell_type(analysis, *cell)
        if etype in EVENT_TYPES:
            draft.claim.event_type, draft.claim.cause = cast(EventType, etype), None


def _report_countries(analysis: Analysis) -> tuple[str, ...]:
    counts = Counter(p.country for p in analysis.places if p.country and p.kind == "name")
    return tuple(cc for cc, _n in counts.most_common())


def _row_place(analysis: Analysis, label: Cell, countries: Sequence[str]) -> Place | None:
    if not label.text or not countries:
        return None
    entry = resolve_name(label.text, context=tuple(countries))
    if entry is None or entry.cc not in countries or entry.feature == "country" and entry.cc != countries[0]:
        return None
    return Place(text=label.text, span=label.span, name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.cc,
                 feature=entry.feature, geonameid=entry.geonameid, role="event",
                 precision=PRECISION.get(entry.feature, "feature"), scope="sentence")


def _caption_time(analysis: Analysis, caption: tuple[int, int] | None) -> TimeInfo | None:
    if caption is None:
        return None
    times = sorted((t for t in analysis.times if caption[0] <= t.span[0] and t.span[1] <= caption[1]
                    and t.start), key=lambda t: t.span)
    if not times:
        return None
    first, last = times[0], times[-1]
    anchor = cast(TimeAnchor, first.anchor)
    if len(times) == 1:
        return TimeInfo(text=first.text, start=first.start, end=first.end,
                        precision=cast(TimePrecision, first.precision), anchor=anchor,
                        span=(first.span[0], first.span[1]), scope="paragraph")
    s, e = first.span[0], last.span[1]
    if (last.end or last.start or "") < (first.start or ""):   # "January-March 2026" read across a year: the end's
        return TimeInfo(text=last.text, start=last.start, end=last.end, precision=cast(TimePrecision, last.precision),
                        anchor=cast(TimeAnchor, last.anchor), span=(last.span[0], last.span[1]), scope="paragraph")
    return TimeInfo(text=analysis.text[s:e], start=first.start, end=last.end or last.start, precision="range",
                    anchor=anchor, span=(s, e), scope="paragraph")


def _caption_places(analysis: Analysis, caption: tuple[int, int] | None) -> list[Place]:
    if caption is None:
        return []
    return [Place(text=p.text, span=(p.span[0], p.span[1]), name=p.name, lat=p.lat, lon=p.lon, country=p.country,
                  feature=p.feature, geonameid=p.geonameid, role="event", precision=p.precision, scope="paragraph")
            for p in analysis.places if caption[0] <= p.span[0] and p.span[1] <= caption[1] and p.kind == "name"]


def place_and_date_table_counts(analysis: Analysis, claims: Sequence[Claim]) -> None:
    """A table cell's claim takes its row label's place and its column's or caption's period (where they state one); a
    row whose label is no place (a "Total" row, "Other") takes the caption's place, not the row above's."""
    countries = _report_countries(analysis)
    for claim in claims:
        cell = _cell_of(analysis, claim)
        if cell is None:
            continue
        table, row, col = cell
        # a column heading that states a period ("2025", "Jan-Mar") dates its cells; else the caption does
        when = (_caption_time(analysis, table.header[col].span) if col else None) or _caption_time(analysis, table.caption)
        if when is not None:
            claim.time = when
        place = None if table.is_total(row) else _row_place(analysis, table.rows[row][0], countries)
        if place is not None:
            claim.places = [place]
        elif caption_places := _caption_places(analysis, table.caption):
            claim.places = caption_places
