"""Claims ↔ rows: one claim becomes a ``claims`` row (full JSON kept) plus rows in the
query tables (source, quantity, time, places) and one ``evidence`` row per emitted span."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..model import (
    CERTAINTIES, CLAIM_KINDS, DEATH_CAUSES, EVENT_TYPES, EVIDENTIALS, PLACE_ROLES, POLARITIES,
    QUALIFIERS, QUOTE_KINDS, SCOPES, SOURCE_TYPES, TIME_ANCHORS, TIME_PRECISIONS, Article, Claim,
)

__all__ = ["now", "claim_data", "claim_rows", "derived_rows", "claim_from_row", "validate_claim", "merge_changes",
           "Prepared", "prepare", "MAX_QUANTITY", "number_problem"]


def now() -> datetime:
    return datetime.now(timezone.utc)


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def claim_data(claim: Claim, article_id: str) -> dict:
    """The claim JSON as stored (``claims.data``/``machine``, the first ``revisions.after``)."""
    claim.article_id = article_id
    data = claim.to_dict()
    data["article_id"] = article_id
    return data


@dataclass(frozen=True)
class Prepared:
    """Per-article work that ``Store.add_articles`` would otherwise do inside the writing process,
    done ahead of the write (by the extraction workers, in parallel): the near-duplicate signature
    (``claimwatch.store.dedup.to_bytes``) and the JSON text of every claim (``claim_data``)."""

    signature: bytes
    claims_json: tuple[str, ...]


def prepare(article: Article) -> Prepared:
    """What :class:`Prepared` holds for ``article`` (sets ``claim.article_id`` like the write does)."""
    from .dedup import signature, to_bytes

    return Prepared(to_bytes(signature(article.text)),
                    tuple(json.dumps(claim_data(c, article.id)) for c in article.claims))


def claim_rows(claim: Claim, article_id: str, seq: int, machine: Any = None, *, data: Any = None,
               stamp: datetime | None = None) -> dict[str, list[dict]]:
    """Rows for every table a claim lives in, keyed by table name. ``data`` is the claim JSON
    (a dict, or its text from :func:`prepare` wrapped in ``bulk.RawJSON``); computed when None."""
    uid = f"{article_id}:{claim.id}"
    if data is None:
        data = claim_data(claim, article_id)
    rows: dict[str, list[dict]] = {
        "claims": [{
            "uid": uid, "article_id": article_id, "claim_id": claim.id, "seq": seq, "kind": claim.kind,
            "event_type": claim.event_type, "certainty": claim.certainty, "polarity": claim.polarity,
            "evidential": claim.evidential, "cause": claim.cause, "text": claim.text,
            "span_start": claim.span[0], "span_end": claim.span[1], "review": claim.review,
            "machine": machine if machine is not None else data, "data": data,
            "updated_at": stamp if stamp is not None else now(),
        }],
    }
    rows.update(derived_rows(claim, uid, article_id))
    return rows


def derived_rows(claim: Claim, uid: str, article_id: str) -> dict[str, list[dict]]:
    s = claim.source
    out: dict[str, list[dict]] = {
        "claim_sources": [{
            "claim_uid": uid, "name": s.name, "canonical": s.canonical, "affiliation": s.affiliation,
            "type": s.type, "cue": s.cue, "quote": s.quote, "scope": s.scope, "via": s.via,
        }],
        "claim_quantities": [],
        "claim_times": [],
        "claim_places": [],
        "evidence": [],
    }
    q = claim.quantity
    if q is not None:
        out["claim_quantities"].append({
            "claim_uid": uid, "text": q.text, "low": _num(q.low), "best": _num(q.best), "high": _num(q.high),
            "qualifier": q.qualifier, "unit": q.unit, "counted": q.counted,
        })
    t = claim.time
    if t is not None:
        out["claim_times"].append({
            "claim_uid": uid, "text": t.text, "start": t.start, "end": t.end,
            "precision": t.precision, "anchor": t.anchor,
        })
    for i, p in enumerate(claim.places):
        out["claim_places"].append({
            "claim_uid": uid, "idx": i, "text": p.text, "name": p.name, "country": p.country,
            "lat": p.lat, "lon": p.lon, "feature": p.feature, "geonameid": p.geonameid, "role": p.role,
        })
    roles = ["claim"]
    if q is not None:
        roles.append("quantity")
    if s.span is not None and s.name is not None:
        roles.append("source")
    if t is not None and t.span is not None:
        roles.append("time")
    roles += ["place" for p in claim.places if p.span is not None]
    roles += ["actor" for a in claim.actors if a.span is not None]
    for role, (text, (start, end)) in zip(roles, claim.spans()):
        out["evidence"].append({"claim_uid": uid, "article_id": article_id, "role": role,
                                "start": start, "end": end, "text": text})
    return out


def claim_from_row(data: dict, review: str | None = None) -> Claim:
    claim = Claim.from_dict(data)
    if review is not None:
        claim.review = review
    return claim


def merge_changes(base: dict, changes: dict) -> dict:
    """Deep-merge ``changes`` into a claim dict (nested dicts merge, everything else replaces)."""
    out = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_changes(out[key], value)
        else:
            out[key] = value
    return out


#: largest figure a claim may state: beyond any count or sum a report gives, and exact in a float
MAX_QUANTITY = 1e15


def number_problem(value: Any, low: float, high: float) -> str | None:
    """Why ``value`` is not an acceptable number in [low, high] (None when it is, or is absent):
    not a number, NaN or infinite, or out of range. Used on reviewers' input and again on write."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{value!r} is not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} is not a finite number"
    if not low <= value <= high:
        return f"{value!r} is out of range ({low:g} to {high:g})"
    return None


_ENUMS = {
    "kind": CLAIM_KINDS, "certainty": CERTAINTIES, "polarity": POLARITIES, "evidential": EVIDENTIALS,
}


def validate_claim(claim: Claim, article: Article | None = None) -> list[str]:
    """Problems with a claim's values (SPEC enums, bounds order, spans); empty = valid."""
    bad: list[str] = []
    for name, allowed in _ENUMS.items():
        if getattr(claim, name) not in allowed:
            bad.append(f"{name} {getattr(claim, name)!r} not one of {', '.join(allowed)}")
    if claim.event_type is not None and claim.event_type not in EVENT_TYPES:
        bad.append(f"event_type {claim.event_type!r} is not a SPEC event type")
    if claim.cause is not None and claim.cause not in DEATH_CAUSES:
        bad.append(f"cause {claim.cause!r} not one of {', '.join(DEATH_CAUSES)}")
    s = claim.source
    if s.type not in SOURCE_TYPES:
        bad.append(f"source.type {s.type!r} not one of {', '.join(SOURCE_TYPES)}")
    if s.quote not in QUOTE_KINDS:
        bad.append(f"source.quote {s.quote!r} not one of {', '.join(QUOTE_KINDS)}")
    if s.scope not in SCOPES:
        bad.append(f"source.scope {s.scope!r} not one of {', '.join(SCOPES)}")
    q = claim.quantity
    if q is not None:
        if q.qualifier not in QUALIFIERS:
            bad.append(f"quantity.qualifier {q.qualifier!r} not one of {', '.join(QUALIFIERS)}")
        for name in ("low", "best", "high"):
            problem = number_problem(getattr(q, name), 0, MAX_QUANTITY)
            if problem:
                bad.append(f"quantity.{name} {problem}")
        nums = [v for v in (q.low, q.best, q.high) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if nums != sorted(nums):
            bad.append(f"quantity bounds out of order: low={q.low} best={q.best} high={q.high}")
    t = claim.time
    if t is not None:
        if t.precision not in TIME_PRECISIONS:
            bad.append(f"time.precision {t.precision!r} not one of {', '.join(TIME_PRECISIONS)}")
        if t.anchor not in TIME_ANCHORS:
            bad.append(f"time.anchor {t.anchor!r} not one of {', '.join(TIME_ANCHORS)}")
    for p in claim.places:
        if p.role not in PLACE_ROLES:
            bad.append(f"place role {p.role!r} not one of {', '.join(PLACE_ROLES)}")
        for name, limit in (("lat", 90.0), ("lon", 180.0)):
            problem = number_problem(getattr(p, name), -limit, limit)
            if problem:
                bad.append(f"place {name} {problem}")
    if article is not None:
        for expected, (start, end) in claim.spans():
            if not (0 <= start <= end <= len(article.text)) or article.text[start:end] != expected:
                bad.append(f"span {start}:{end} does not slice the article to {expected!r}")
    return bad
