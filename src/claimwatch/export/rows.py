"""What every export format starts from: ``(Claim, article meta)`` pairs, and their flat row form."""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from ..model import Claim

__all__ = ["ClaimRow", "collect", "flat_row", "FLAT_COLUMNS", "primary_place"]


class ClaimRow(NamedTuple):
    claim: Claim
    article: dict[str, Any]  # id, url, outlet, title, published, duplicate_of (whatever is known)


FLAT_COLUMNS: tuple[str, ...] = (
    "uid", "article_id", "claim_id", "url", "outlet", "published", "kind", "event_type", "cause",
    "text", "span_start", "span_end", "source_name", "source_canonical", "source_type",
    "source_affiliation", "source_cue", "source_via", "quote", "certainty", "polarity", "evidential",
    "quantity_text", "low", "best", "high", "qualifier", "unit", "counted",
    "time_text", "time_start", "time_end", "time_precision", "time_anchor",
    "place", "country", "latitude", "longitude", "place_feature", "places", "review",
)


def _in_range(claim: Claim, meta: dict, since: str | None, until: str | None) -> bool:
    day = (claim.time.start if claim.time and claim.time.start else None) or meta.get("published")
    if since and (not day or day[:10] < since[:10]):
        return False
    if until and (not day or day[:10] > until[:10]):
        return False
    return True


def collect(
    rows_or_store: Any,
    *,
    event_type: str | None = None,
    source_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    reviewed_only: bool = False,
    include_rejected: bool = False,
) -> list[ClaimRow]:
    """Normalise the input of an export to a list of :class:`ClaimRow`, filtered.

    A store is read through ``claims_for_reconcile()`` (claims with reviewed values applied, with
    their article meta). Claims a reviewer rejected are dropped unless ``include_rejected``.
    ``since``/``until`` compare ISO dates against the claim's time start, else the publication date.
    """
    if hasattr(rows_or_store, "claims_for_reconcile"):
        items: Iterable = rows_or_store.claims_for_reconcile()
    else:
        items = rows_or_store
    out: list[ClaimRow] = []
    for item in items:
        if isinstance(item, Claim):
            claim, meta = item, {"id": item.article_id}
        else:
            claim, meta = item[0], dict(item[1] or {})
        if claim.review == "rejected" and not include_rejected:
            continue
        if reviewed_only and claim.review not in ("accepted", "corrected"):
            continue
        if event_type and claim.event_type != event_type:
            continue
        if source_type and claim.source.type != source_type:
            continue
        if (since or until) and not _in_range(claim, meta, since, until):
            continue
        out.append(ClaimRow(claim, meta))
    out.sort(key=lambda r: (r.article.get("published") or "", r.claim.article_id or "", _claim_order(r.claim.id)))
    return out


def _claim_order(claim_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in claim_id if ch.isdigit())
    return (int(digits) if digits else 0, claim_id)


def primary_place(claim: Claim):
    """The place a one-row-per-claim export puts in its location columns: the first event place
    with coordinates, else the first place with coordinates, else the first place, else None."""
    with_coords = [p for p in claim.places if p.lat is not None and p.lon is not None]
    for pool in ([p for p in with_coords if p.role == "event"], with_coords, claim.places):
        if pool:
            return pool[0]
    return None


def flat_row(row: ClaimRow) -> dict[str, Any]:
    """One claim as a flat dict with :data:`FLAT_COLUMNS` (CSV, Parquet, GeoJSON properties)."""
    c, meta = row
    q, t, s = c.quantity, c.time, c.source
    place = primary_place(c)
    return {
        "uid": c.uid,
        "article_id": c.article_id or meta.get("id"),
        "claim_id": c.id,
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "published": meta.get("published"),
        "kind": c.kind,
        "event_type": c.event_type,
        "cause": c.cause,
        "text": c.text,
        "span_start": c.span[0],
        "span_end": c.span[1],
        "source_name": s.name,
        "source_canonical": s.canonical,
        "source_type": s.type,
        "source_affiliation": s.affiliation,
        "source_cue": s.cue,
        "source_via": s.via,
        "quote": s.quote,
        "certainty": c.certainty,
        "polarity": c.polarity,
        "evidential": c.evidential,
        "quantity_text": q.text if q else None,
        "low": q.low if q else None,
        "best": q.best if q else None,
        "high": q.high if q else None,
        "qualifier": q.qualifier if q else None,
        "unit": q.unit if q else None,
        "counted": q.counted if q else None,
        "time_text": t.text if t else None,
        "time_start": t.start if t else None,
        "time_end": t.end if t else None,
        "time_precision": t.precision if t else None,
        "time_anchor": t.anchor if t else None,
        "place": (place.name or place.text) if place else None,
        "country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "place_feature": place.feature if place else None,
        "places": "; ".join(f"{p.name or p.text} ({p.role})" for p in c.places) or None,
        "review": c.review,
    }
