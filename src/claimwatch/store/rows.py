"""Claims ↔ rows: one claim becomes a ``claims`` row (full JSON kept) plus rows in the
query tables (source, quantity, time, places) and one ``evidence`` row per emitted span."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypeVar, cast

from ..model import REVIEW_STATES, Article, Claim, Quantity, ReviewState
from ..schema import problems

__all__ = ["now", "claim_data", "claim_rows", "derived_rows", "claim_from_row", "validate_claim", "merge_changes",
           "Prepared", "prepare", "MAX_QUANTITY", "number_problem", "as_float", "chunks"]

T_ = TypeVar("T_")


def now() -> datetime:
    return datetime.now(timezone.utc)


def as_float(v: Any) -> float | None:
    """A stored figure: ``None`` stays ``None``, anything else becomes a float."""
    return None if v is None else float(v)


def chunks(items: Sequence[T_], size: int = 500) -> Iterator[Sequence[T_]]:
    """``items`` in runs of at most ``size``: an ``IN (...)`` list a database accepts."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


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
    (``claimwatch.dedup.to_bytes``) and the JSON text of every claim (``claim_data``)."""

    signature: bytes
    claims_json: tuple[str, ...]


def prepare(article: Article) -> Prepared:
    """What :class:`Prepared` holds for ``article`` (sets ``claim.article_id`` like the write does)."""
    from ..dedup import signature, to_bytes

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
            "claim_uid": uid, "text": q.text, "low": as_float(q.low), "best": as_float(q.best), "high": as_float(q.high),
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


def review_state(value: str | None) -> ReviewState | None:
    """A stored review column as the model's review state (refusing anything else)."""
    if value is None:
        return None
    if value not in REVIEW_STATES:
        raise ValueError(f"review {value!r} not one of {', '.join(REVIEW_STATES)}")
    return cast(ReviewState, value)


def claim_from_row(data: dict, review: str | None = None) -> Claim:
    claim = Claim.from_dict(data)
    if review is not None:
        claim.review = review_state(review)
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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def validate_claim(claim: Claim, article: Article | None = None) -> list[str]:
    """Problems with a claim's values (empty = valid): every field against the typed model
    (SPEC vocabularies, finite numbers, spans; :func:`claimwatch.schema.problems`), figures in
    [0, MAX_QUANTITY] and in order, coordinates on the globe, and every span slicing the article
    to its text."""
    bad = problems(claim)
    q = claim.quantity
    if q is not None and isinstance(q, Quantity):
        for name in ("low", "best", "high"):
            value = getattr(q, name)
            if _is_number(value) and not 0 <= value <= MAX_QUANTITY:
                bad.append(f"quantity.{name} {number_problem(value, 0, MAX_QUANTITY)}")
        nums = [v for v in (q.low, q.best, q.high) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if nums != sorted(nums):
            bad.append(f"quantity bounds out of order: low={q.low} best={q.best} high={q.high}")
    for i, p in enumerate(claim.places):
        for name, limit in (("lat", 90.0), ("lon", 180.0)):
            value = getattr(p, name, None)
            if isinstance(value, (int, float)) and _is_number(value) and not -limit <= value <= limit:
                bad.append(f"places[{i}].{name} {number_problem(value, -limit, limit)}")
    if article is not None and not bad:
        for expected, (start, end) in claim.spans():
            if not (0 <= start <= end <= len(article.text)) or article.text[start:end] != expected:
                bad.append(f"span {start}:{end} does not slice the article to {expected!r}")
    return bad
