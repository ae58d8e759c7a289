"""schema.org ClaimReview JSON-LD for the claims a person reviewed (accepted or corrected).

The review rates the *extraction*: whether the structured claim (figure, source, time, place)
faithfully renders what the report says, not whether the claim is true. ``reviewRating`` carries
the verdict as ``alternateName`` ("Extraction confirmed" / "Extraction corrected") on a 1-2 scale;
``itemReviewed`` is the schema.org ``Claim`` with its author (the claim's source), its appearance
(the article) and the first appearance date; ``author``/``datePublished`` of the review come from
the store's revision log (who reviewed it, when) when a store is given.
"""

from __future__ import annotations

import json as _json
from typing import IO, Any

from .rows import collect

__all__ = ["write", "documents", "claim_review"]

_PERSON_TYPES = {"witness", "expert"}
_VERDICT = {"accepted": ("Extraction confirmed", 2), "corrected": ("Extraction corrected", 1)}


def _author(claim) -> dict[str, Any]:
    s = claim.source
    if s.type == "author" or not (s.canonical or s.name):
        return {"@type": "Organization", "name": None}
    return {"@type": "Person" if s.type in _PERSON_TYPES else "Organization", "name": s.canonical or s.name}


def claim_review(claim, meta: dict[str, Any], revision: dict[str, Any] | None = None,
                 publisher: str = "claimwatch") -> dict[str, Any]:
    name, value = _VERDICT[claim.review]
    author = _author(claim)
    if author["name"] is None:
        author["name"] = meta.get("outlet")
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    for key, field in (("url", "url"), ("headline", "title"), ("datePublished", "published")):
        if meta.get(field):
            appearance[key] = meta[field]
    if meta.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": meta["outlet"]}
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.uid,
        "claimReviewed": claim.text,
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "appearance": appearance,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 2,
            "worstRating": 1,
            "alternateName": name,
        },
        "author": {"@type": "Organization", "name": publisher},
    }
    if meta.get("published"):
        doc["itemReviewed"]["datePublished"] = meta["published"]
    if meta.get("url"):
        doc["url"] = f"{meta['url']}#claim-{claim.id}"
    if claim.quantity is not None:
        q = claim.quantity
        doc["reviewBody"] = (
            f"{q.text!s} -> best {q.best}, range [{q.low}, {q.high}], {q.qualifier}"
            + (f", {q.unit}" if q.unit else "")
        )
    if revision:
        if revision.get("when"):
            doc["datePublished"] = str(revision["when"])[:10]
        if revision.get("who"):
            doc["author"] = {"@type": "Person", "name": revision["who"], "memberOf": {"@type": "Organization", "name": publisher}}
    return doc


def documents(rows_or_store: Any, **filters: Any) -> list[dict[str, Any]]:
    filters["reviewed_only"] = True
    store = rows_or_store if hasattr(rows_or_store, "revisions") else None
    docs = []
    for claim, meta in collect(rows_or_store, **filters):
        revision = None
        if store is not None:
            revs = [r for r in store.revisions(claim.uid) if r.get("action") in ("accept", "correct")]
            revision = revs[-1] if revs else None
        docs.append(claim_review(claim, meta, revision))
    return docs


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    docs = documents(rows_or_store, **filters)
    _json.dump(docs, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
    return len(docs)
