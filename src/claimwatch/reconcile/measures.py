"""Inside one incident: one estimate per measure (killed, injured, detained, crossed ...) and
one per event.

A coder lines up the figures of the reports of one incident: the deaths with the deaths, the
rescued with the rescued. Reports differ in wording and extraction differs in event types, so
two figures of the incident are one measure when they are alike in value, event type, unit
and the words of their own clause; hard constraints keep apart

* two figures of one sentence (unless the sentence corrects one by the other: "78 and not 79"),
  and a part and its total (``quantity.part_of``);
* a rate and a figure of one time ("10,000 arrive every day", "last night less than 10,000");
* two different figures of one report (6 bodies and 2 bodies are two measures, not a
  disagreement) unless the report revises one by the other ("later revised to 79") or sets
  out two sources' figures ("residents say 10; the authority says six");
* figures of different unit classes (12 guards, 12 regions), and figures too far apart to
  be one measure reported differently (6 vs 53) — unless each is the only figure of its event
  type in its report (two reports giving one death toll as 40 and "several" disagree);
* figures of different stated days.

Two figures whose own sentences date them to the same day count as worded alike.

Events and statements of the incident are one estimate when they tell the same thing: alike
in words, event type and source.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Iterable

from .features import ClaimFeatures
from .grouping import agglomerate, different_figures, revises, same_sentence_or_part, value_score, values_compatible
from .provenance import distinctive, name_key, names_match
from .timing import EVENT_DAY_TOLERANCE

__all__ = ["count_link", "corrects", "event_link", "days_apart", "same_stated_day", "disputed", "group_measures", "revises", "weighted_dice", "MEASURE_THRESHOLD",
           "EVENT_THRESHOLD"]

MEASURE_THRESHOLD = 0.55
EVENT_THRESHOLD = 0.5
_W_VALUE, _W_TYPE, _W_LEX, _W_UNIT = 0.40, 0.20, 0.30, 0.10
#: weighted Dice over the figures' own clauses at which they count as worded alike
_LOCAL_FULL = 0.4
#: how alike the words of two figures dated to the same day by their own sentences count at least
_SAME_DAY_LEX = 0.5
#: weighted Dice over event sentences at which they count as the same account
_EVENT_FULL = 0.45

Weights = dict[str, float]
def days_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Do the two claims state days too far apart to be one happening (also when a report
    without a publication date could not resolve "September 25" to a year)?"""
    if a.day is not None and b.day is not None:
        return abs((a.day - b.day).days) > EVENT_DAY_TOLERANCE
    if a.monthday and b.monthday:
        da, db = _day_of_year(a.monthday), _day_of_year(b.monthday)
        if da is not None and db is not None:
            gap = abs(da - db)
            return min(gap, 365 - gap) > EVENT_DAY_TOLERANCE
    return False


def corrects(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """One sentence states a figure and denies the one it replaces ("the number of bodies was 78
    and not 79"): one measure, disputed."""
    return (a.sentence == b.sentence and a.uid != b.uid and a.claim.polarity != b.claim.polarity
            and not (a.part_of or b.part_of))


def _corrected(f: ClaimFeatures) -> bool:
    """A denied figure its sentence replaces by another ("78 and not 79"): the denial is of a value of
    the measure the sentence states, so it meets that measure's other figures."""
    return bool(f.extra.get("corrected"))


def mark_corrections(members: list[ClaimFeatures]) -> None:
    """Mark the denied figures whose sentence states the figure that replaces them (:func:`corrects`)."""
    stated = {f.sentence for f in members if f.kind == "count" and f.claim.polarity == "positive"}
    for f in members:
        if f.kind == "count" and f.claim.polarity == "negative":
            f.extra["corrected"] = f.sentence in stated


def same_stated_day(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Both claims' own sentences date them ("on September 26", "yesterday"), to the same day (an
    inherited time says nothing about which figure is which)."""
    ta, tb = a.claim.time, b.claim.time
    if ta is None or tb is None or ta.scope != "sentence" or tb.scope != "sentence":
        return False
    if a.day is not None and b.day is not None:
        return a.day == b.day
    return a.monthday is not None and a.monthday == b.monthday


def _day_of_year(md: tuple[int, int]) -> int | None:
    try:
        return date(2001, md[0], md[1]).timetuple().tm_yday
    except ValueError:
        return None


def _source_key(f: ClaimFeatures) -> tuple[str, ...]:
    src = f.claim.source
    if src.type in ("author", "unnamed"):
        return ()
    return name_key(src.canonical or src.name)


#: SPEC §4 source types that speak for a state
_STATE = frozenset({"official", "military", "law_enforcement", "judicial"})

#: words that name a kind of source, not a particular one
_CATEGORY = frozenset({"official", "authority", "federal", "local", "state", "national", "regional", "statement",
                       "report", "spokesperson", "spokesman", "spokeswoman", "source", "government", "witness",
                       "resident", "survivor", "u", "s", "us"})


def disputed(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two figures of one report from two different named sources: the report sets out a
    disagreement ("the opposition said more than 50 were detained; police put it at 32"), not two
    measures. Both must be named as someone in particular: a category ("officials", "police",
    "federal authorities", "the statement") says too little to tell, and a name that only repeats
    words of the other ("the service" after "Spain's maritime rescue service") is the same source.
    A state source and a named non-state one (SPEC §4 types: police and protest organisers, a
    ministry and an NGO) are two sides however generic their names; two authorities giving
    different figures (6 bodies found by U.S. agents, 2 by Mexican ones) still tell two measures."""
    ka, kb = _source_key(a), _source_key(b)
    if ka and kb and (a.claim.source.type in _STATE) != (b.claim.source.type in _STATE):
        return True
    if not (distinctive(ka) - _CATEGORY and distinctive(kb) - _CATEGORY):
        return False
    if set(ka) <= set(kb) or set(kb) <= set(ka):
        return False
    return not names_match(ka, kb)


def _type_score(a: ClaimFeatures, b: ClaimFeatures) -> float:
    if a.event_type == "?" or b.event_type == "?":
        return 0.5
    return 1.0 if a.event_type == b.event_type else 0.0


def weighted_dice(a: frozenset[str], b: frozenset[str], weights: Weights | None) -> float:
    """Dice over two word sets, each word weighted by how rare it is among the incident's
    claims (words every report of the incident uses — "boat", "migrants" — tell its measures
    apart less than "rescued" or "on board")."""
    if not a or not b:
        return 0.0
    if not weights:
        return 2.0 * len(a & b) / (len(a) + len(b))
    w = weights.get
    total = sum(w(t, 1.0) for t in a) + sum(w(t, 1.0) for t in b)
    return 2.0 * sum(w(t, 1.0) for t in a & b) / total if total else 0.0


def idf_weights(sets: list[frozenset[str]]) -> Weights:
    n = len(sets)
    df: dict[str, int] = {}
    for s in sets:
        for t in s:
            df[t] = df.get(t, 0) + 1
    return {t: math.log(1.0 + n / d) for t, d in df.items()}


def count_link(a: ClaimFeatures, b: ClaimFeatures, weights: Weights | None = None) -> float | None:
    """``None`` when two figures of one incident cannot be one measure, else how alike they are."""
    if a.kind != "count" or b.kind != "count" or (same_sentence_or_part(a, b) and not corrects(a, b)):
        return None
    if a.unit != "?" and b.unit != "?" and a.unit != b.unit:
        return None
    if a.extra.get("rate") != b.extra.get("rate"):
        return None  # "10,000 arrive every day" is not the figure of one day
    if a.claim.polarity != b.claim.polarity and not (corrects(a, b) or _corrected(a) or _corrected(b)):
        # a denial disputes the figure it denies ("denied that 50 died"), not another one
        if not (a.interval and b.interval and a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]):
            return None
    sole = _both_sole(a, b) and a.claim.polarity == b.claim.polarity
    if not sole and not (values_compatible(a.interval, b.interval) and _bests_close(a, b)):
        return None
    if a.report == b.report and different_figures(a, b) and not (revises(a) or revises(b) or disputed(a, b)):
        return None  # one report, two different figures: two measures (6 bodies, 2 bodies)
    if days_apart(a, b):
        return None
    lex = min(1.0, weighted_dice(a.local, b.local, weights) / _LOCAL_FULL)
    if same_stated_day(a, b):
        lex = max(lex, _SAME_DAY_LEX)  # both sentences date their figure to the same day
    unit = 1.0 if a.unit == b.unit and a.unit != "?" else 0.5
    value = max(value_score(a, b), 0.6) if sole else value_score(a, b)
    return _W_VALUE * value + _W_TYPE * _type_score(a, b) + _W_LEX * lex + _W_UNIT * unit


def _bests_close(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Stated figures (not vague words) more than 2.5 times apart are not one measure even when an
    open bound makes their ranges overlap ("up to 600" dead and "78" bodies)."""
    qa, qb = a.claim.quantity, b.claim.quantity
    if qa is None or qb is None or qa.best is None or qb.best is None or "vague" in (qa.qualifier, qb.qualifier):
        return True
    small, big = sorted((float(qa.best), float(qb.best)))
    return big - small <= 2 or (small > 0 and big / small <= 2.5)


def _both_sole(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Both figures are the only figure of their (known) event type in their reports: two reports
    giving the incident's death toll as 40 and "several" disagree on one measure, however far
    apart the figures (see :func:`mark_sole`)."""
    return (a.report != b.report and a.event_type == b.event_type and a.event_type not in ("?", "statement")
            and bool(a.extra.get("sole")) and bool(b.extra.get("sole")))


_NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|"
                          r"dozens?|hundreds?|thousands?|millions?|several|few|many|scores|couple)\b", re.I)


def mark_sole(members: list[ClaimFeatures]) -> None:
    """Mark the figures stated as numbers that are the only figure of their event type and unit in
    their report (an implicit count, "the victim" = 1, is not trusted that far)."""
    figures: dict[tuple[str, str, str], set] = {}
    for f in members:
        if f.kind == "count" and f.claim.quantity is not None:
            figures.setdefault((f.report, f.event_type, f.unit), set()).add(f.claim.quantity.best)
    for f in members:
        q = f.claim.quantity
        if f.kind == "count" and q is not None:
            f.extra["sole"] = len(figures[(f.report, f.event_type, f.unit)]) == 1 and bool(_NUMBER_WORD.search(q.text or ""))


def _source_score(a: ClaimFeatures, b: ClaimFeatures) -> float:
    ka = [k for k in (name_key(a.claim.source.canonical or a.claim.source.name),) if k]
    kb = [k for k in (name_key(b.claim.source.canonical or b.claim.source.name),) if k]
    if not ka or not kb or a.claim.source.type in ("author", "unnamed") or b.claim.source.type in ("author", "unnamed"):
        return 0.5
    return 1.0 if names_match(ka[0], kb[0]) else 0.0


def event_link(a: ClaimFeatures, b: ClaimFeatures, weights: Weights | None = None) -> float | None:
    """``None`` when two events/statements of one incident cannot be the same account, else how alike."""
    if a.kind == "count" or b.kind == "count" or a.sentence == b.sentence:
        return None
    if days_apart(a, b):
        return None
    d = weighted_dice(a.tokens, b.tokens, weights)
    if a.report == b.report and (d < _EVENT_FULL or _type_score(a, b) == 0.0):
        return None  # one report tells different things in different sentences (or of different types)
    lex = min(1.0, d / _EVENT_FULL)
    return 0.6 * lex + 0.2 * _type_score(a, b) + 0.2 * _source_score(a, b)


def group_measures(members: list[ClaimFeatures], *, must: Iterable[tuple[int, int]] = (),
                   cannot: Iterable[tuple[int, int]] = ()) -> list[list[ClaimFeatures]]:
    """Partition one incident's claims: figures by measure, events and statements by account."""
    must, cannot = list(must), list(cannot)
    mark_sole(members)
    mark_corrections(members)
    out: list[list[ClaimFeatures]] = []
    for counts in (True, False):
        idx = [i for i, f in enumerate(members) if (f.kind == "count") == counts]
        local = {g: k for k, g in enumerate(idx)}
        sub = [members[i] for i in idx]
        m = [(local[a], local[b]) for a, b in must if a in local and b in local]
        c = [(local[a], local[b]) for a, b in cannot if a in local and b in local]
        # figures: words the whole incident uses ("boat", "Lampedusa") tell its measures apart less
        # than rare ones; events are told apart by their whole sentences (plain Dice)
        weights = idf_weights([f.local for f in members]) if counts else None
        link = count_link if counts else event_link
        out.extend(agglomerate(sub, lambda x, y: link(x, y, weights), MEASURE_THRESHOLD if counts else EVENT_THRESHOLD,
                               order=lambda f: (f.published or "", f.uid), must=m, cannot=c))
    return out
