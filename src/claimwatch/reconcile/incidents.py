"""Incidents: the claims of several reports about the same real-world happening.

A coder reads a report as the account of one incident (or of a few) and matches it to the
accounts of other reports. So does this module:

1. **Segments** (:func:`segments_of`). The incident claims of one report — figures of the
   incident kind (not running or period totals), events and statements — form one segment,
   unless some of them state their own day (or month) apart from the rest: a report that
   recalls an earlier shipwreck holds two segments. A report without a publication date is
   dated by the days its text states; with none, it is compared on place, subject and figures.
2. **Links** between segments of different reports (:func:`segment_link`): hard constraints —
   compatible time (the stated days within :data:`~.timing.EVENT_DAY_TOLERANCE` days, else the
   dates within :data:`~.timing.INCIDENT_WINDOW_DAYS`), compatible places (containment; a
   report that omits the place is compatible) — and a score from the figures both reports
   give, their subject words, places, event types and sources.
3. **Incidents** (:func:`find_incidents`): connected components of the links at or above the
   threshold, then complete-linkage clustering inside each component (:func:`.grouping.agglomerate`),
   so a report that fits two incidents does not join them. Components are independent units
   of work: an incremental update recomputes only the components its articles touch.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .features import ClaimFeatures
from .geo import GeoPoint, is_specific, place_score
from .grouping import agglomerate
from .provenance import name_key, names_match
from .similarity import dice
from .timing import EVENT_DAY_TOLERANCE, INCIDENT_WINDOW_DAYS, parse_date

__all__ = ["SETTLED", "Segment", "segments_of", "segment_link", "components", "find_incidents", "incident_id",
           "SEGMENT_THRESHOLD"]

#: minimum link score for two report segments to be one incident
SEGMENT_THRESHOLD = 0.45
_W_FIG, _W_LEX, _W_PLACE, _W_FAMILY, _W_SOURCE, _W_TIME = 0.25, 0.25, 0.20, 0.10, 0.10, 0.10
#: Dice over the segments' subject words at which subject agreement counts as full
_DICE_FULL = 0.25
#: rare words per segment used to find candidate pairs
_KEY_WORDS = 12


@dataclass
class Segment:
    """The incident claims of one report that tell of one happening."""

    key: str
    article_id: str
    report: str
    published: date | None
    members: list[ClaimFeatures]
    day: date | None
    points: tuple[GeoPoint, ...]
    tokens: frozenset[str]
    figures: frozenset[float]
    families: frozenset[str]
    sources: tuple[tuple[str, ...], ...]
    extra: dict = field(default_factory=dict)

    @property
    def ref(self) -> date | None:
        return self.day or self.published

    @property
    def first_uid(self) -> str:
        return min(f.uid for f in self.members)


def _figures(features: Iterable[ClaimFeatures]) -> frozenset[float]:
    """The distinctive figures a report gives (every count, totals included): small numbers
    (1-3) are too common to identify a story."""
    out = set()
    for f in features:
        q = f.claim.quantity
        if q is not None and q.best is not None and q.qualifier != "vague" and q.best > 3:
            out.add(float(q.best))
    return frozenset(out)


def _day_groups(members: list[ClaimFeatures]) -> list[list[ClaimFeatures]]:
    """Split a report's incident claims by the days (or months) they state. Days within a week
    of the report's own day (its publication, or in an undated report the day most of its
    dated claims state) are the news of the report and stay with it; a day far from it is a
    happening of its own, and so is an event dated by a month apart from the report's days."""
    dated = sorted((f for f in members if f.day is not None), key=lambda f: (f.day, f.uid))
    groups: list[list[ClaimFeatures]] = []
    for f in dated:
        if groups and f.day is not None and groups[-1][-1].day is not None \
                and (f.day - groups[-1][-1].day).days <= EVENT_DAY_TOLERANCE:
            groups[-1].append(f)
        else:
            groups.append([f])
    periods: dict[str, list[ClaimFeatures]] = defaultdict(list)
    main: list[ClaimFeatures] = []
    for f in members:
        if f.day is not None:
            continue
        t = f.claim.time
        # an event dated only by a month or year apart from the report's days is its own happening
        if f.kind != "count" and t is not None and t.precision in ("month", "year") and t.start \
                and not _within(t.start, t.end, [g[0].day for g in groups] + [f.ref]):
            periods[f"{t.precision}:{t.start}"].append(f)
        else:
            main.append(f)
    # the report's day: its publication, else the day its largest group of dated claims states
    anchor = parse_date(members[0].published) if members else None
    if anchor is None and groups:
        anchor = max(groups, key=lambda g: (len(g), -g[0].day.toordinal() if g[0].day else 0))[0].day
    apart: list[list[ClaimFeatures]] = []
    for g in groups:
        if anchor is not None and all(f.day is not None and abs((f.day - anchor).days) <= INCIDENT_WINDOW_DAYS for f in g):
            main.extend(g)
        else:
            apart.append(g)
    out = [main] + apart + [periods[k] for k in sorted(periods)]
    return [g for g in out if g]


def _main_day(group: list[ClaimFeatures]) -> date | None:
    """The day of a segment: the largest run of days its figures state (else its events),
    ties going to the later run (the news, not the background: "the boat had left a week earlier")."""
    counted = [f.day for f in group if f.day is not None and f.kind == "count"]
    days = sorted(counted or [f.day for f in group if f.day is not None])
    if not days:
        return None
    runs: list[list[date]] = []
    for d in days:
        if runs and (d - runs[-1][-1]).days <= EVENT_DAY_TOLERANCE:
            runs[-1].append(d)
        else:
            runs.append([d])
    return max(runs, key=lambda r: (len(r), r[0].toordinal()))[0]


def _within(start: str, end: str | None, days: list[date | None]) -> bool:
    s, e = parse_date(start), parse_date(end) if end else None
    if s is None:
        return True
    return any(d is not None and s <= d and (e is None or d <= e) for d in days)


def segments_of(features: list[ClaimFeatures]) -> list[Segment]:
    """Every report's incident claims as segments (the figures of all its counts, totals
    included, are the report's evidence for matching)."""
    by_article: dict[str, list[ClaimFeatures]] = defaultdict(list)
    for f in features:
        by_article[f.article_id].append(f)
    out: list[Segment] = []
    for aid in sorted(by_article):
        fs = sorted(by_article[aid], key=lambda f: f.uid)
        figures = _figures(fs)
        members = [f for f in fs if f.measure == "incident"]
        for n, group in enumerate(_day_groups(members)):
            pts: dict[GeoPoint, None] = {}
            for f in group:
                pts.update(dict.fromkeys(f.points))
            finer = tuple(p for p in pts if (p.feature or "").lower() not in ("country", "continent"))
            srcs = tuple(dict.fromkeys(k for f in group for k in _source_keys(f)))
            out.append(Segment(
                key=f"{aid}#{n}", article_id=aid, report=group[0].report,
                published=parse_date(group[0].published),
                members=group, day=_main_day(group), points=finer or tuple(pts),
                tokens=frozenset().union(*(f.tokens for f in group)),
                figures=figures if n == 0 else _figures(group),
                families=frozenset(f.event_type for f in group if f.event_type not in ("?", "statement")),
                sources=srcs))
    return out


def _source_keys(f: ClaimFeatures) -> list[tuple[str, ...]]:
    src = f.claim.source
    if src.type in ("author", "unnamed"):
        return []
    return [k for k in (name_key(src.canonical or src.name), name_key(src.affiliation)) if k]


def _time_ok(a: Segment, b: Segment) -> bool:
    if a.day is not None and b.day is not None:
        return abs((a.day - b.day).days) <= EVENT_DAY_TOLERANCE
    ra, rb = a.ref, b.ref
    if ra is None or rb is None:
        return True
    return abs((ra - rb).days) <= INCIDENT_WINDOW_DAYS


def _time_agreement(a: Segment, b: Segment) -> float:
    """1 when both reports state the incident's day (and they agree), 0.5 when one does, 0.3 when
    only publication dates (or nothing) are known."""
    if a.day is not None and b.day is not None:
        return 1.0
    if (a.day or b.day) and (a.ref and b.ref):
        return 0.5
    return 0.3


def _figure_score(a: Segment, b: Segment) -> float:
    shared = a.figures & b.figures
    weight = sum(1.0 if v >= 20 else 0.5 for v in shared)
    return min(1.0, weight / 2.0)


def segment_link(a: Segment, b: Segment) -> float | None:
    """``None`` when two segments cannot be one incident, else how likely they are."""
    if a.report == b.report:
        # one report's segments are different happenings; a syndicated copy is its original
        return 1.0 if a.article_id != b.article_id and a.key.split("#")[1] == b.key.split("#")[1] else None
    if not _time_ok(a, b):
        return None
    # places: reports name different places of one incident (the port of departure, the town of
    # the hospital), so two reports whose places are far apart are penalised; when both put the
    # happening itself in places far apart, they are different incidents unless they share
    # several figures
    fig = _figure_score(a, b)
    p = place_score(a.points, b.points)
    if p <= 0.0 and is_specific(a.points) and is_specific(b.points):
        ea, eb = _event_points(a), _event_points(b)
        if ea and eb and place_score(ea, eb) <= 0.0 and fig < 0.75:
            return None
        p = -0.5
    lex = min(1.0, dice(a.tokens, b.tokens) / _DICE_FULL)
    fam = (len(a.families & b.families) / len(a.families | b.families)) if (a.families and b.families) else 0.3
    src = 1.0 if any(names_match(x, y) for x in a.sources for y in b.sources) else 0.0
    same_place = p >= 0.9 and is_specific(a.points) and is_specific(b.points)
    if fig == 0.0 and lex < 0.4 and not (same_place and a.families & b.families):
        return 0.0  # neither the figures, nor the words, nor the place and kind of event agree
    return (_W_FIG * fig + _W_LEX * lex + _W_PLACE * p + _W_FAMILY * fam + _W_SOURCE * src
            + _W_TIME * _time_agreement(a, b))


#: place kinds precise enough to tell two incidents apart (a sea, a river or an island name is not:
#: one incident is placed on "the Mediterranean" by one report and off a town by another)
SETTLED = frozenset({"city", "town", "village", "hamlet", "settlement", "locality", "neighbourhood", "suburb",
                      "checkpoint", "border_crossing", "district", "raion", "county", "admin2", "admin1", "region",
                      "oblast", "province", "state"})


def _event_points(s: Segment) -> tuple[GeoPoint, ...]:
    """The settled places (towns, districts, regions) a segment puts the happening itself in."""
    return tuple(p for p in s.points if p.role == "event" and (p.feature or "").lower() in SETTLED)


def _keys(s: Segment, rare: set[str]) -> set[tuple[str, object]]:
    keys: set[tuple[str, object]] = {("f", v) for v in s.figures}
    keys |= {("p", g.name) for g in s.points}
    keys |= {("w", w) for w in s.tokens if w in rare}
    keys.add(("r", s.report))
    return keys


def _candidate_pairs(segs: list[Segment]) -> set[tuple[int, int]]:
    """Pairs of segments that share a figure, a place, a rare subject word or a report
    (an inverted index, so reconciling stays roughly linear in the number of reports)."""
    df: Counter[str] = Counter(w for s in segs for w in s.tokens)
    # a word used by more than 1 report in 200 (and more than 20) does not single a story out
    common = max(20, len(segs) // 200)
    rare_of = {}
    for i, s in enumerate(segs):
        rare_of[i] = {w for w in sorted(s.tokens, key=lambda w: (df[w], w))[:_KEY_WORDS] if df[w] <= common}
    index: dict[tuple[str, object], list[int]] = defaultdict(list)
    for i, s in enumerate(segs):
        for k in _keys(s, rare_of[i]):
            index[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for k, ids in index.items():
        if len(ids) < 2:
            continue
        ids = sorted(ids, key=lambda i: (segs[i].ref or date.min, i))
        for x in range(len(ids)):
            i = ids[x]
            for y in range(x + 1, len(ids)):
                j = ids[y]
                ri, rj = segs[i].ref, segs[j].ref
                if ri is not None and rj is not None and (rj - ri).days > INCIDENT_WINDOW_DAYS:
                    if k[0] != "r":
                        break
                pairs.add((min(i, j), max(i, j)))
    return pairs


def components(segs: list[Segment], must: Iterable[tuple[int, int]] = ()) -> list[list[int]]:
    """Connected components of the segment links at or above the threshold (and reviewers'
    must-links): no incident ever spans two components."""
    parent = list(range(len(segs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for i, j in sorted(_candidate_pairs(segs)):
        s = segment_link(segs[i], segs[j])
        if s is not None and s >= SEGMENT_THRESHOLD:
            union(i, j)
    for i, j in must:
        union(i, j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(segs)):
        comps[find(i)].append(i)
    return [sorted(c) for _r, c in sorted(comps.items())]


def find_incidents(segs: list[Segment], *, must: Iterable[tuple[int, int]] = (),
                   cannot: Iterable[tuple[int, int]] = ()) -> list[list[Segment]]:
    """Group one component's segments into incidents (complete linkage on the constraints)."""
    return agglomerate(segs, segment_link, SEGMENT_THRESHOLD, order=lambda s: (s.first_uid, s.key),
                       must=must, cannot=cannot)


def incident_id(members: Iterable[ClaimFeatures]) -> str:
    """Stable id from the incident's earliest claim (later reports keep it)."""
    anchor = min(members, key=lambda f: (f.published or "9999", f.uid))
    return "i" + hashlib.sha1(anchor.uid.encode("utf-8")).hexdigest()[:12]
