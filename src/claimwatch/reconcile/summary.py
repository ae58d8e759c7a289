"""What every estimate (figures and events alike) reports about its claims: a stable id, the
reports and sources, labels for explanations, when and where, and the member list."""

from __future__ import annotations

import hashlib
import math
from typing import Any

from ..model import EstimateClaim
from .features import ClaimFeatures
from .provenance import OriginGroup

__all__ = ["estimate_id", "fmt_number", "label", "attribution", "originality", "time_summary", "places_of", "reports_of",
           "sources_of", "claim_entries", "group_label_of"]

_INF = math.inf


def estimate_id(members: list[ClaimFeatures]) -> str:
    """Stable id: from the earliest claim of the group (new, later reports keep it)."""
    anchor = min(members, key=lambda f: (f.published or "9999", f.uid))
    return "e" + hashlib.sha1(anchor.uid.encode("utf-8")).hexdigest()[:12]


def fmt_number(x: float | int | None) -> str:
    if x is None:
        return "?"
    if x == _INF:
        return "∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def attribution(f: ClaimFeatures, group_name: str | None) -> str:
    """"French maritime authorities, France 24 2025-01-02": who said it, in which report."""
    src = f.claim.source
    who = src.canonical or src.name if src.type not in ("author",) and (src.canonical or src.name) else None
    outlet = f.meta.get("outlet")
    where = " ".join(x for x in (outlet, f.published) if x)
    parts = [p for p in (who, where) if p]
    if not parts and group_name:
        parts = [group_name]
    return ", ".join(parts)


def label(f: ClaimFeatures, group_name: str | None, text: str | None = None) -> str:
    """"72 (French maritime authorities, France 24 2025-01-02)": the figure (or ``text``; the
    sentence for an event) with its attribution."""
    q = f.claim.quantity
    what = text if text is not None else (q.text if q is not None else _short(f.claim.text))
    who = attribution(f, group_name)
    return f"{what} ({who})" if who else what


def _short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def originality(f: ClaimFeatures) -> tuple[int, str, str]:
    """Sort key: the most original report first (a named non-media source, then a relaying
    outlet, then the author's voice), earliest first."""
    src = f.claim.source
    named = bool(src.canonical or src.name) and src.type not in ("author", "unnamed")
    rank = 0 if named and src.type != "media" else (1 if named else 2)
    return (rank, f.published or "9999", f.uid)


def reports_of(members: list[ClaimFeatures]) -> int:
    """How many separate reports state it (a syndicated copy is its original's report)."""
    return len({f.report for f in members})


def time_summary(members: list[ClaimFeatures], measure: str | None) -> dict[str, Any]:
    """The most precise time the claims state, else the span of their dates; ``measure`` kept."""
    times = [f.claim.time for f in members if f.claim.time is not None and (f.claim.time.start or f.claim.time.end)]
    out: dict[str, Any] = {"measure": measure}
    if times:
        rank = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 4, "unknown": 5}
        t = min(times, key=lambda t: (rank.get(t.precision, 9), t.start or "9999"))
        out.update({"text": t.text, "start": t.start, "end": t.end, "precision": t.precision})
        if measure == "running":
            asofs = sorted(f.asof.isoformat() for f in members if f.asof)
            if asofs:
                out["end"] = asofs[-1]
    else:
        refs = sorted(f.ref.isoformat() for f in members if f.ref)
        out.update({"text": None, "start": refs[0] if refs else None, "end": refs[-1] if refs else None,
                    "precision": "unknown"})
    return out


def places_of(members: list[ClaimFeatures]) -> list[dict[str, Any]]:
    """The places of the claims (not where a source spoke from), each once."""
    seen: dict[str, dict[str, Any]] = {}
    for f in members:
        for p in f.claim.places:
            if p.role == "source_location":
                continue
            key = (p.name or p.text).lower()
            if key not in seen:
                d = p.to_dict()
                d["article_id"] = f.article_id
                seen[key] = d
    return list(seen.values())


def group_label_of(g: OriginGroup) -> str | None:
    return g.representative()[0]


def sources_of(hulls: list[tuple[OriginGroup, tuple[float, float] | None]]) -> list[dict[str, Any]]:
    """One entry per origin group: who, how many claims, which outlets, its range."""
    out = []
    for g, h in hulls:
        name, typ = g.representative()
        out.append({
            "key": g.key, "name": name, "type": typ, "first_published": g.first_published,
            "claims": len(g.members),
            "outlets": sorted({str(f.meta["outlet"]) for f in g.members if f.meta.get("outlet")}),
            "aliases": sorted({name for name in (f.claim.source.canonical or f.claim.source.name for f in g.members)
                               if name}),
            "low": None if h is None or h[0] == 0.0 else h[0], "high": None if h is None or h[1] == _INF else h[1],
        })
    return out


def claim_entries(members: list[ClaimFeatures], group_of: dict[str, OriginGroup],
                  superseded: dict[str, str]) -> list[EstimateClaim]:
    """The member list with the evidence of each claim (SPEC §7 ``claims``)."""
    out = []
    for f in sorted(members, key=lambda f: (f.published or "9999", f.uid)):
        q = f.claim.quantity
        out.append(EstimateClaim(
            claim_id=f.claim.id, article_id=f.article_id, url=f.meta.get("url"), published=f.published,
            span=f.claim.span, quantity_span=q.span if q else None, text=f.claim.text,
            low=q.low if q else None, best=q.best if q else None, high=q.high if q else None,
            source={"name": f.claim.source.name, "canonical": f.claim.source.canonical,
                    "type": f.claim.source.type, "outlet": f.meta.get("outlet"),
                    "superseded_by": superseded.get(f.uid), "quantity_text": q.text if q else None,
                    "polarity": f.claim.polarity},
            origin_key=group_of[f.uid].key,
        ))
    return out
