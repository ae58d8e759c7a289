"""Temporal expressions: find them, normalise them against the publication date, attach them.

Detection is the rule grammar of :mod:`claimwatch.extract.timex_rules` (absolute dates, months,
weekdays, "this week", "N days ago", ranges, seasons, quarters, named periods such as "since the
beginning of martial law"), plus bare years that spaCy tags as DATE entities ("1998" with no preposition). Tense decides direction: "on Monday" in "will meet on Monday" is the
next Monday, otherwise the latest one on or before publication. With no publication date, relative
expressions stay ``unresolved`` (start/end ``None``).

:func:`time_for` picks the time of a claim: the expression attached to the claim's predicate, then
one attached to a clause governing it, then any in the sentence, then the article's dateline.
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources

from .base import Analysis, Stage, TimeMention, governing_predicate
from .timex_rules import normalise, scan

__all__ = ["find_times", "time_for", "dateline", "STAGE", "timeml_value", "normalise_text"]

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
_FUTURE_HEADS = {"plan", "intend", "schedule", "expect", "set", "due", "aim", "hope", "prepare", "want"}
_RELATIVE_KINDS = {"month", "qual_month", "month_day", "weekday", "deictic", "rel_unit", "ago", "past_n",
                   "other_day", "season", "range_md", "range_dm", "range_any", "quarter"}
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},?\s*(?:[A-Z][a-z]+\.?\s*)?\(?[^)\n]{0,40}\)?\s*[-–—]")


def _is_past(gov) -> bool:
    if gov.tag_ in ("VBD",):
        return True
    return any(ch.dep_ in ("aux", "auxpass") and ch.tag_ == "VBD" for ch in gov.children) or (
        gov.tag_ == "VBN" and any(ch.lower_ in ("has", "have", "had", "was", "were") for ch in gov.children))


def _is_future(gov) -> bool:
    for ch in gov.children:
        if ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX:
            return True
        if ch.lower_ == "going" and any(c.lower_ == "to" for c in ch.children):
            return True
    if gov.tag_ == "VB" and gov.dep_ in ("xcomp", "ccomp") and gov.head.lemma_.lower() in _FUTURE_HEADS:
        return True
    return False


def _mention(analysis: Analysis, s: int, e: int, value, future_gov) -> TimeMention:
    start, end, precision, anchor = value
    return TimeMention(span=(s, e), text=analysis.text[s:e], start=start, end=end, precision=precision,
                       anchor=anchor, sent_i=analysis.sent_index(s) if analysis.sentences else 0,
                       head_i=future_gov.i if future_gov is not None else None)


def _since_clause(gov) -> bool:
    """Whether a predicate is a "since ..." clause ("since the war began in 2022")."""
    return gov is not None and gov.dep_ == "advcl" and any(
        ch.dep_ == "mark" and ch.lower_ == "since" for ch in gov.children)


def find_times(analysis: Analysis) -> list[TimeMention]:
    """Every temporal expression in the article, normalised (SPEC §2 ``time``)."""
    doc, text = analysis.doc, analysis.text
    out: list[TimeMention] = []
    covered: list[tuple[int, int]] = []
    for f in scan(text):
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        gov = governing_predicate(span.root) if span is not None and len(span) else None
        future: bool | None = bool(gov is not None and f.kind in _RELATIVE_KINDS and _is_future(gov))
        if not future and f.kind == "month_day" and not (gov is not None and _is_past(gov)):
            future = None  # tense says nothing: the nearest such date
        value = normalise(f, analysis.published, future=future)
        if _since_clause(gov) and value[0] and value[1] and value[2] in ("year", "month", "day"):
            value = (value[0], None, value[2], value[3])  # "since the crisis began in 2021": open from then
        out.append(_mention(analysis, f.start, f.end, value, gov))
        covered.append((f.start, f.end))
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < e and s < ent.end_char for s, e in covered):
            continue
        t = ent.text
        if not re.fullmatch(r"(?:1[6-9]\d\d|20\d\d)", t):
            continue  # other DATE entities are durations, ages or vague ("decades"): no value
        value = (f"{t}-01-01", None if _since_clause(governing_predicate(ent.root)) else f"{t}-12-31", "year", "absolute")
        out.append(_mention(analysis, ent.start_char, ent.end_char, value, governing_predicate(ent.root)))
    out.sort(key=lambda m: m.span[0])
    return out


def normalise_text(expression: str, published: str | None = None, *, future: bool = False) -> tuple | None:
    """Normalise one expression out of context: (start, end, precision, anchor) or None if not a time."""
    found = [f for f in scan(expression)]
    if not found:
        return None
    f = max(found, key=lambda x: x.end - x.start)
    return normalise(f, published, future=future)


def dateline(analysis: Analysis) -> TimeMention | None:
    """An article-level date: a time in a dateline ("KYIV, March 3 (Reuters) -") or a short first
    paragraph that is only a date line."""
    times = analysis.times
    if not times or not analysis.paragraphs:
        return None
    p0 = analysis.paragraphs[0]
    first = [t for t in times if p0[0] <= t.span[0] < p0[1]]
    if not first:
        return None
    para = analysis.text[p0[0]:p0[1]]
    t = first[0]
    if p0[1] - p0[0] <= 60 or (_DATELINE.match(para) and t.span[0] - p0[0] < 60):
        return t
    return None


_SPEECH_LEMMAS = frozenset(json.loads(resources.files("claimwatch.resources").joinpath("attribution_cues.json")
                                      .read_text("utf-8"))["speech_verbs"]) | {"say", "report", "announce", "estimate"}
#: dependencies that keep a time in the claim's own clause ("died trying to cross ... in 2024");
#: an embedded statement or a relative clause ("ccomp", "relcl", "acl") has its own time
_OWN_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "prep", "pobj", "pcomp", "npadvmod", "advmod", "conj", "dobj",
                              "nsubj", "nsubjpass", "attr", "oprd", "agent", "dative", "compound", "amod", "nmod"})


def _depth_below(tok, clause) -> int | None:
    """How many steps ``tok`` hangs below ``clause`` inside the clause's own material, or None."""
    t, depth = tok, 0
    while t.i != clause.i:
        if t.dep_ not in _OWN_CLAUSE_DEPS or t.head is t:
            return None
        t, depth = t.head, depth + 1
        if depth > 12:
            return None
    return depth


def _perfect(clause) -> bool:
    """A present-perfect predicate ("have died", "has detained"): a running total up to now."""
    return clause.tag_ == "VBN" and any(
        ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'ve", "’ve") for ch in clause.children)


def time_for(analysis: Analysis, sent_i: int, head_i: int | None = None) -> TimeMention | None:
    """The time of a claim whose predicate is token ``head_i`` in sentence ``sent_i``.

    Preference: a time attached to the predicate itself, then one inside the predicate's own
    clause ("died trying to cross the Channel in 2024"), then one on a governing clause (usually
    the report: "..., officials said on Thursday"), then the nearest other one. A report's date
    is not the time of a running total ("have died ... , the agency said on Monday")."""
    times = [t for t in analysis.times if t.sent_i == sent_i]
    if not times:
        return dateline(analysis)
    if head_i is None or len(times) == 1 and times[0].head_i is None:
        return times[0]
    doc = analysis.doc
    head = doc[head_i]
    clause = governing_predicate(head)
    chain = [clause.i] + [a.i for a in clause.ancestors]
    perfect = _perfect(clause)

    def rank(t: TimeMention) -> tuple[int, int]:
        if t.head_i is None:
            return (4, 0)
        if t.head_i in (head_i, clause.i):
            return (0, 0)
        depth = _depth_below(doc[t.head_i], clause)
        if depth is not None:
            return (1, depth)
        if t.head_i in chain:
            return (2, chain.index(t.head_i))
        return (3, abs(t.head_i - head_i))

    best = min(times, key=rank)
    r = rank(best)
    if r[0] >= 2 and perfect and best.precision in ("day", "week") and best.head_i is not None \
            and doc[best.head_i].lemma_.lower() in _SPEECH_LEMMAS:
        return None  # the date of the report, not of the running total it gives
    return best


def timeml_value(t: TimeMention) -> str | None:
    """The TimeML/TIMEX3-style value of a mention (for evaluation): YYYY-MM-DD, YYYY-MM, YYYY,
    YYYY-Www, YYYY-Qn, a decade 199X; None when unresolved or not expressible."""
    if not t.start:
        return None
    s = date.fromisoformat(t.start)
    if t.precision == "day":
        return t.start
    if t.precision == "month":
        return t.start[:7]
    if t.precision == "year":
        return t.start[:4]
    if t.precision == "week":
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}"
    if t.precision == "range" and t.end:
        e = date.fromisoformat(t.end)
        if s.day == 1 and s.month in (1, 4, 7, 10) and e.year == s.year and e.month == s.month + 2:
            return f"{s.year}-Q{(s.month + 2) // 3}"
        if s.month == 1 and s.day == 1 and e.year == s.year + 9 and s.year % 10 == 0:
            return f"{str(s.year)[:3]}X"
        if s.year == e.year and s.month == e.month:
            return t.start[:7]
    return None


STAGE = Stage("timex", ("doc",), ("times",), find_times)
