"""The :class:`~claimwatch.model.Incident` a coder codes as one event row: its estimates, when,
where (with a country whenever any place is known) and who.

* **time**: the earliest day a member claim states for the incident (and the latest, when
  they differ), else the span of the reports' publication dates (precision ``unknown``).
* **places**: the claims' event places, the most precise first, each once.
* **country**: the most frequent country of the incident's places; a place that crosses
  borders (a river, a sea) and carries no country takes the country of the nearest
  country centroid (``resources/countries.tsv``), marked ``country_inferred``.
* **actors**: the claims' own actors (agent first), never a body, a body part, a time phrase
  or a bare number (``resources/incident_actors.json``); a counted group is the group without
  its count ("12 Belarusian guards" -> "Belarusian guards"), and no actor at all when only a
  word for people is left ("Nine people", "16 others"): ACLED and UCDP actors are organisations
  and groups, the count of victims is the fatalities figure.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import Estimate, Incident
from ..resources import read_json, read_text
from .features import ClaimFeatures
from .timing import parse_date
from .units import is_money

__all__ = ["build_incident", "actor_ok", "actor_group", "nearest_country"]

_FEATURE_RANK = {"village": 0, "town": 0, "city": 0, "checkpoint": 0, "border_crossing": 0, "point": 0,
                 "district": 1, "admin2": 1, "county": 1, "raion": 1, "island": 1, "admin1": 2, "region": 2,
                 "oblast": 2, "province": 2, "state": 2, "river": 3, "lake": 3, "coast": 3, "mountain_range": 3,
                 "border": 3, "sea": 4, "channel": 4, "gulf": 4, "strait": 4, "country": 5, "continent": 6}


class _ActorLists(NamedTuple):
    """The word lists of ``resources/incident_actors.json``."""

    heads: frozenset[str]           # head nouns that are no actor (a body, a body part, a pronoun)
    times: frozenset[str]           # words of time phrases
    generic_people: frozenset[str]  # words for people that name no group ("people", "others")


@lru_cache(maxsize=1)
def _actor_lists() -> _ActorLists:
    raw = read_json("incident_actors.json")
    return _ActorLists(frozenset(raw["head_nouns"]), frozenset(raw["time_words"]), frozenset(raw["generic_people"]))


@lru_cache(maxsize=1)
def _centroids() -> list[tuple[str, float, float]]:
    rows = csv.DictReader(read_text("countries.tsv").splitlines(), delimiter="\t")
    return [(r["iso2"], float(r["lat"]), float(r["lon"])) for r in rows if r.get("lat") and r.get("lon")]


def nearest_country(lat: float, lon: float) -> str | None:
    """ISO code of the country whose centroid is nearest (a fallback for border rivers and seas)."""
    best, code = math.inf, None
    for iso, clat, clon in _centroids():
        la1, lo1, la2, lo2 = map(math.radians, (lat, lon, clat, clon))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        if h < best:
            best, code = h, iso
    return code


_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def actor_ok(text: str) -> bool:
    """Can this phrase be an incident's actor? Not a body, a body part, a pronoun, a time phrase or a number."""
    heads, times, _people = _actor_lists()
    words = [w.lower() for w in _WORD.findall(text or "")]
    if not words:
        return False
    if words[-1] in heads or any(w in times for w in words):
        return False
    return True


_UNITS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_NUMBER_WORDS = rf"(?:{_UNITS}|hundreds?|thousands?|millions?|dozens?|scores|tens|several|a few|a couple|(?:a\s+)?half(?:\s+a)?)"
#: one stated number: figures, number words, or figures with a scale word ("1.5 million")
#: (whole: not the "5" of "5,000", nor a number that names: "41-year-old")
_NUMBER = rf"(?:\d(?:[\d,.]*\d)?|{_NUMBER_WORDS})(?:(?:\s+|-|\s+and\s+|\s+of\s+){_NUMBER_WORDS})*(?!\w|[,.]\d|-(?!\d))"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|and|or)\s+)"
#: a count at the start of an actor phrase: determiners and a qualifier may precede it, "of" may
#: follow it ("the 35", "an additional 39", "at least 30", "a dozen", "tens of thousands of");
#: a range of any form is a count too ("5,000-6,000", "5,000 to 6,000", "between 5,000 and
#: 6,000", "from 5,000 to 6,000", "two or three"), with an open bound ("5 or more") or a half
#: ("two and a half thousand"); not a number that names ("41-year-old", "58th")
_LEADING_COUNT = re.compile(
    r"^(?:(?:the|an?|additional|another|further|some|all|these|those)\s+)*"
    r"(?:(?:at least|more than|fewer than|less than|over|under|about|around|nearly|almost|roughly|up to|as many as)\s+)?"
    rf"(?:(?:between|from)\s+{_NUMBER}{_RANGE_SEP}{_NUMBER}|{_NUMBER}(?:{_RANGE_SEP}{_NUMBER})?)"
    r"(?:\s+or\s+(?:more|so|fewer|less)\b|\s*\+|\s+plus\b)?"     # an open bound: "5 or more", "2,000 or so"
    r"(?:\s+of\b)?\s*", re.IGNORECASE)
#: a name that opens with a number word ("Two Sisters Brigade", "the Three Rivers Militia"): every
#: word after the number word is capitalised ("Two Belarusian guards" is a count of guards)
_NAME_AFTER_NUMBER_WORD = re.compile(rf"^(?:the\s+)?(?i:{_UNITS}|half)(?:\s+[A-Z][\w'-]*)+$")


def actor_group(text: str) -> str | None:
    """The group an actor phrase names, without a count in front of it ("41 Ukrainian men" ->
    "Ukrainian men", "dozens of migrants" -> "migrants", "5,000 to 6,000 migrants" -> "migrants");
    None when it is no actor (:func:`actor_ok`), only a count of people is left ("Nine people",
    "16 others") or it is an amount of money ("5,000 and 6,000 euros": a money class of the unit
    table, :func:`.units.is_money`)."""
    if not actor_ok(text):
        return None
    lead = _LEADING_COUNT.match(text)
    if lead is None:
        return None if is_money(text) else text
    rest = text[lead.end():].strip()
    words = [w.lower() for w in _WORD.findall(rest)]
    if not words or words[0] in ("and", "or", "to") or all(w in _actor_lists().generic_people for w in words):
        return None
    if _NAME_AFTER_NUMBER_WORD.match(text):
        return text
    return rest if actor_ok(rest) and not is_money(rest) else None


def _time(members: list[ClaimFeatures]) -> dict[str, Any] | None:
    days = sorted(f.day for f in members if f.day is not None)
    if days:
        ends = [parse_date(f.claim.time.end) if f.claim.time is not None else None for f in members if f.day]
        last = max([d for d in ends if d is not None] + [days[-1]])
        return {"start": days[0].isoformat(), "end": last.isoformat(),
                "precision": "day" if last == days[0] else "range"}
    pubs = sorted(f.published for f in members if f.published)
    if pubs:
        return {"start": pubs[0], "end": pubs[-1], "precision": "unknown"}
    return None


def _places(members: list[ClaimFeatures]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    count: Counter[str] = Counter()
    for f in members:
        for p in f.claim.places:
            if p.role == "source_location":
                continue
            key = (p.name or p.text).lower()
            count[key] += 1
            if key not in seen:
                seen[key] = p.to_dict()
    order = sorted(seen, key=lambda k: (_FEATURE_RANK.get((seen[k].get("feature") or "").lower(), 2),
                                        seen[k].get("role") != "event", -count[k], k))
    return [seen[k] for k in order]


def _country(places: list[dict[str, Any]]) -> tuple[str | None, bool]:
    codes = Counter(p["country"] for p in places if p.get("country") and p.get("role") != "destination")
    if not codes:
        codes = Counter(p["country"] for p in places if p.get("country"))
    if codes:
        return max(codes.items(), key=lambda kv: (kv[1], kv[0]))[0], False
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if located:
        return nearest_country(located[0]["lat"], located[0]["lon"]), True
    return None, False


def _actors(members: list[ClaimFeatures]) -> list[dict[str, str]]:
    """The claims' actors, each once ({"text", "role"}): agents (who acted) first, then patients
    (who it happened to), most often named first."""
    counts: Counter[tuple[str, str]] = Counter()
    for f in members:
        for a in f.claim.actors:
            group = actor_group(" ".join(a.text.split()))
            if group is not None:
                counts[(group, "agent" if a.role == "agent" else "patient")] += 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][1] != "agent", -kv[1], kv[0][0]))
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for (text, role), _n in ordered:
        if text.lower() not in seen:
            seen.add(text.lower())
            out.append({"text": text, "role": role})
    return out


def build_incident(incident_id: str, members: list[ClaimFeatures], estimates: list[Estimate]) -> Incident:
    """The incident of ``members`` (its claims) and ``estimates`` (one per measure and event)."""
    places = _places(members)
    country, inferred = _country(places)
    types = Counter(e.event_type for e in estimates if e.event_type)
    sources = [e.origin.name for e in estimates if e.origin and e.origin.name]
    inc = Incident(
        id=incident_id,
        event_types=[t for t, _n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
        time=_time(members), places=places, country=country,
        estimates=sorted(e.id for e in estimates),
        articles=sorted({f.article_id for f in members}),
        actors=_actors(members),
        sources=list(dict.fromkeys(sources)),
        causes=sorted({f.claim.cause for f in members if f.claim.cause}),
    )
    if inferred:
        inc.places = [dict(p, country_inferred=True) if not p.get("country") else p for p in places]
    return inc
