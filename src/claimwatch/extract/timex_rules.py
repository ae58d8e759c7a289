"""Temporal expression grammar: finding expressions and normalising them.

The rules live in a registry (:mod:`.timex_registry`): each pattern next to its normaliser,
registered by :mod:`.timex_dates` (calendar dates, months, years, quarters, seasons, ranges),
:mod:`.timex_relative` (today, weekdays, clock times) and :mod:`.timex_periods` ("N days ago",
"the past three months", durations, sets, "now"/"recently"). :func:`scan` finds every expression
in a text (named periods from ``resources/named_periods.json`` first, then the longest match); :func:`normalise` runs the
rule's normaliser against a :class:`~.timex_registry.Ctx` and applies the preposition in front:
"since X" opens the end, "as of X" / "until X" / "through X" make X the end bound, "before X"
ends before X. Relative expressions with nothing to resolve them against stay unresolved —
never today.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from ..resources import read_text
from . import timex_dates, timex_periods, timex_relative  # noqa: F401 - registers the relative rules
from .literal_starts import StartScan, alternatives, jumps_itself, literal_starts
from .timex_calendar import TV
from .timex_plausible import plausible
from .timex_registry import RULES, Ctx, Found, parse_iso
from .timex_words import MON, PREP, WD

__all__ = ["Found", "Ctx", "scan", "normalise", "named_periods", "rule_type", "point"]

point = timex_dates.point



@lru_cache(maxsize=1)
def named_periods() -> list[dict]:
    """The named-period table, with compiled patterns (``resources/named_periods.json``)."""
    raw = read_text("named_periods.json")
    out = []
    for rec in json.loads(raw)["periods"]:
        rec = dict(rec)
        rec["_rx"] = re.compile("|".join(f"(?:{p})" for p in rec["patterns"]), re.I)
        rec["_req"] = re.compile(rec["requires"], re.I) if rec.get("requires") else None
        rec["_req_words"] = _plain_words(rec["requires"]) if rec.get("requires") else None
        out.append(rec)
    return out


_PLAIN_WORD = re.compile(r"[A-Za-z0-9 ]+")
#: the characters ``re``'s IGNORECASE matches to an ASCII letter that ``str.lower`` does not turn into it
_ODD_CASES = "İıſ"


def _plain_words(pattern: str) -> tuple[str, ...] | None:
    """``pattern``'s alternatives in lower case when each is plain ASCII words, else None."""
    alts = alternatives(pattern)
    if not alts or not all(_PLAIN_WORD.fullmatch(alt) for alt in alts):
        return None
    return tuple(alt.lower() for alt in alts)


def _may_require(rec: dict, windows: _Scan) -> bool:
    """Whether the named period's required words can be in the text: False only when none of its
    plain required words is in the lower-cased text (a case-insensitive search costs far more)."""
    words = rec["_req_words"]
    if words is None or windows.lower is None or windows.odd_cases:
        return True
    return any(w in windows.lower for w in words)


_PREP_WORD = re.compile(rf"(?:{PREP}|so\s+far(?:\s+(?:in|this))?)\s+", re.I)
_RULE_ORDER = {r.kind: i for i, r in enumerate(RULES)}


def scan(text: str) -> list[Found]:
    """All temporal expressions in ``text``: named periods first, then the longest match."""
    found: list[Found] = []
    windows = _Scan(text)
    for rec in named_periods():
        if rec["_req"] is not None and not (_may_require(rec, windows) and rec["_req"].search(text)):
            continue
        for m in rec["_rx"].finditer(text):
            p = _PREP_WORD.match(m.group(0))
            prep = " ".join(p.group(0).lower().split()) if p else ""
            found.append(Found(m.start(), m.end(), "named", {}, m.group(0), rec, m.start() + (p.end() if p else 0), prep))
    for r in RULES:
        for m in _matches(r, text, windows):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            prep = " ".join((m.group("prep") or "").lower().split())
            core = m.end("prep") if m.group("prep") else s
            if "lead" in m.re.groupindex and m.group("lead"):
                core = m.end("lead")  # leading words TimeML leaves out ("a [third-quarter] loss", "earlier [this week]")
            while core < e and text[core].isspace():
                core += 1
            g = {k: v for k, v in m.groupdict().items() if v and k != "prep"}
            found.append(Found(s, e, r.kind, g, text[s:e], None, core, prep))
    # a match that is no time in context leaves its words to shorter ones ("Monday and Tuesday")
    found = [f for f in found if plausible(f, text)]
    found.sort(key=lambda f: (f.kind != "named", -(f.end - f.core), -(f.end - f.start), _RULE_ORDER.get(f.kind, 0), f.start))
    chosen: list[Found] = []
    for f in found:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return chosen


_MON_I = re.compile(MON)
_WD_I = re.compile(WD)
#: words every match of a rule contains: the rule runs only around them (a full scan of every rule
#: over the whole text costs several times the rest of the stage). Written in lower case and run
#: case-sensitively over the lower-cased text (a case-insensitive alternation is several times
#: slower); month and weekday names are capitalised words, looked for in the text itself.
_TRIGGER_WORDS: dict[str, str] = {
    "set": r"daily|weekly|monthly|yearly|hourly|nightly|every|each|per",
    "iso": r"\d{4}-\d\d-\d\d", "numeric": r"\d[/.]\d", "qual_year": r"\d{4}", "year": r"\d{4}",
    "range_y": r"\d{4}", "qual_rel_year": r"year", "decade": r"\d0['’]?s\b", "quarter": r"quarter|q[1-4]",
    "the_quarter": r"quarter|year[\s-]+(?:earlier|ago)|period", "the_year": r"\byear\b", "spoken_year": r"\b(?:nineteen|eighteen|twenty|thousand)\b",
    "holiday": r"day\b|eve\b|christmas|halloween|thanksgiving|easter|good\s+friday|fourth\s+of\s+july", "season": r"spring|summer|autumn|fall|winter",
    "deictic": r"today|yesterday|tomorrow", "day_part": r"morning|afternoon|evening|night",
    "clock": r"\d\s*[ap]\.?\s?m|noon|midnight|midday|\d[:h]\d\d|\d{4}\s*(?:gmt|utc)|\d{4}[ \t]+[-–—][ \t]|in\s+the\s+(?:morning|afternoon|evening)",
    "anaphoric": r"before|previous|next|following|after|that\s+(?:day|night|morning|evening|afternoon)|same\s+day",
    "rel_unit": r"week|month|year|quarter|decade|century", "weekend": r"weekend", "week_of": r"week\s+of", "the_day": r"the\s+day\b", "story_part": r"morning|afternoon|evening", "nth_day": r"day\s+of\s", "short_year": r"['’]\d\d", "one_unit": r"-(?:day|week|month|year|hour|minute)|-long", "holiday_week": r"week", "the_years": r"years|decades|while", "day_beside": r"(?:day|night|morning|evening|afternoon)\s+(?:before|after)\s", "some_day": r"(?:one|some)\s+day", "that_period": r"that\s+(?:same\s+)?(?:year|month|quarter)",
    "century": r"century", "decade_word": r"ties\b", "days_to": r"week|fortnight|days",
    "ago": r"\b(?:ago|earlier|later|now|hence|back)\b",
    "past_n": r"\b(?:past|last|previous|first|next|coming|final|latest|recent|remaining|following|preceding)\b",
    "past_day": r"(?:past|last)\s+day\b",
    "n_of_year": r"\b(?:of|into)\s+\d{4}", "so_far": r"so\s+far|to\s+date|thus\s+far|year[\s-]to[\s-]date",
    "duration": r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur",
    "ahead": r"ahead|to\s+come",
    "plural_unit": r"seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries",
    "reference": r"now|current|present|moment|these\s+days|recent|future|past|other\s+day|\bterm\b|later\s+(?:date|time|stage)"}
_LOWER_TRIGGERS: dict[str, re.Pattern] = {k: re.compile(p) for k, p in _TRIGGER_WORDS.items()}
#: the words (or a digit) each trigger's matches open with, found by ``str.find`` (None: ``re`` scans
#: the whole text, where it jumps between a literal opening on its own or the opening cannot be read)
_TRIGGER_STARTS = {k: None if jumps_itself(p) else literal_starts(p) for k, p in _TRIGGER_WORDS.items()}
_CASED_TRIGGERS: dict[str, re.Pattern] = {
    **{k: _MON_I for k in ("full", "month_day", "qual_month", "month_year", "month_rel", "month", "range_md",
                           "range_dm", "range_any")},
    **{k: _WD_I for k in ("weekday", "night_range", "set")},
}
#: the same triggers as one case-insensitive pattern each (for a text whose lower-casing changes its length)
TRIGGERS: dict[str, re.Pattern] = {k: re.compile(f"(?i:{p})" + (f"|{WD}" if k == "set" else ""))
                                   for k, p in _TRIGGER_WORDS.items()}
TRIGGERS.update({k: v for k, v in _CASED_TRIGGERS.items() if k not in TRIGGERS})
_BEFORE, _AFTER = 90, 110


class _Scan:
    """One text with the lower-cased copy the triggers read, and each trigger's windows found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        self.lower = lower if len(lower) == len(text) else None
        self.odd_cases = any(c in text for c in _ODD_CASES)
        self.starts = StartScan(self.lower) if self.lower is not None else None
        self.windows: dict[tuple[str, str], list[list[int]]] = {}

    def _hits(self, kind: str) -> list[tuple[int, int]]:
        if self.lower is None:
            return [m.span() for m in TRIGGERS[kind].finditer(self.text)]
        hits = self._lower_hits(kind) if kind in _LOWER_TRIGGERS else []
        if kind in _CASED_TRIGGERS:
            hits += [m.span() for m in _CASED_TRIGGERS[kind].finditer(self.text)]
            hits.sort()
        return hits

    def _lower_hits(self, kind: str) -> list[tuple[int, int]]:
        """The trigger's matches in the lower-cased text: tried only where its opening words occur."""
        starts = _TRIGGER_STARTS[kind]
        if starts is None or self.starts is None:
            return [m.span() for m in _LOWER_TRIGGERS[kind].finditer(self.lower or "")]
        return self.starts.finditer_spans(_LOWER_TRIGGERS[kind], starts)

    def windows_for(self, kind: str) -> list[list[int]]:
        """Text windows around the rule's trigger words (merged where they touch)."""
        lower, cased = _LOWER_TRIGGERS.get(kind), _CASED_TRIGGERS.get(kind)
        key = lower.pattern if lower else "", cased.pattern if cased else ""   # rules with one trigger share it
        got = self.windows.get(key)
        if got is None:
            got = []
            for s, e in self._hits(kind):
                a, b = max(0, s - _BEFORE), min(len(self.text), e + _AFTER)
                if got and a <= got[-1][1]:
                    got[-1][1] = b
                else:
                    got.append([a, b])
            self.windows[key] = got
        return got


def _top_level_alternatives(pattern: str) -> list[str]:
    """``pattern``'s alternatives outside any group (its outer non-capturing group removed)."""
    alts = alternatives(pattern) or [pattern]
    if len(alts) == 1 and pattern.startswith("(?:") and pattern.endswith(")"):
        return alternatives(pattern[3:-1]) or alts    # "(?:a)(?:b)" is no group around the whole
    return alts


#: the most words a preposition in front of an expression has ("as of", "starting from": 2)
_PREP_WORDS = 1 + max(alt.count(r"\s+") for alt in _top_level_alternatives(PREP))


def _prep_room(text: str, start: int, floor: int) -> int:
    """The earliest place (not before ``floor``) a preposition in front of an expression starting at
    ``start`` can begin: ``_PREP_WORDS`` words back, over the spaces between."""
    i = start
    for _ in range(_PREP_WORDS):
        while i > floor and text[i - 1].isspace():
            i -= 1
        while i > floor and not text[i - 1].isspace():
            i -= 1
    return i


def _matches(r, text: str, scan: _Scan | None = None) -> list:
    """The rule's matches: only in windows around its trigger words, each match re-run from its start
    over the whole text (so a window's end never cuts one short). In a window, the full pattern
    runs from just before the first match of its body (the pattern without a preposition in front,
    cheaper to look for): no match of the whole can start earlier, and a window without a body
    match has none."""
    if r.kind not in TRIGGERS:
        return list(r.pattern.finditer(text))
    out, seen = [], set()
    for a, b in (scan or _Scan(text)).windows_for(r.kind):
        if r.body is not None:
            first = r.body.search(text, a, b)
            if first is None:
                continue
            a = _prep_room(text, first.start(), a)
        for m in r.pattern.finditer(text, a, b):
            full = r.pattern.match(text, m.start()) or m
            if full.start() not in seen:
                seen.add(full.start())
                out.append(full)
    return out


_OPEN_START = ("since", "starting", "starting on", "starting in", "starting from", "from")
_END_BOUND = ("as of", "until", "till", "through", "up to", "up until")
_RANGE_KINDS = frozenset({"range_md", "range_dm", "range_y", "range_any", "named", "night_range", "past_n", "so_far", "days_to"})


def rule_type(kind: str) -> str:
    r = next((x for x in RULES if x.kind == kind), None)
    return r.type if r else "DATE"


def normalise(f: Found, ctx: Ctx) -> TV:
    """The value of one expression; the preposition in front bounds the claim's period."""
    tv: TV | None
    try:
        if f.kind == "named":
            p = f.period or {}
            tv = TV(parse_iso(p["start"]), parse_iso(p.get("end")), p.get("precision", "day"), "absolute",
                    p["start"][:10] if p.get("precision", "day") == "day" else None)
        else:
            r = next(x for x in RULES if x.kind == f.kind)
            g = dict(f.groups)
            g["_text"] = f.text[f.core - f.start:]
            g["prep"] = f.prep
            tv = r.normalise(g, ctx)
    except (ValueError, KeyError, OverflowError, StopIteration):
        tv = None
    if tv is None:
        return TV(None, None, "unknown", "unresolved", None, rule_type(f.kind))
    if f.kind in _RANGE_KINDS or tv.start is None and tv.end is None:
        return tv
    if f.prep in _OPEN_START:
        return replace(tv, end=None)
    if f.prep in _END_BOUND and f.kind != "reference":
        return replace(tv, start=None)
    if f.prep == "before" and tv.start is not None and tv.mod != "END":
        return replace(tv, start=None, end=tv.start - timedelta(days=1))
    return tv
