"""Claim-level scoring (gold in the ``seed.gold.json`` format, see tests/data/seed/README.md).

Matching (one-to-one): a gold *count* matches a predicted claim that has a quantity whose span
overlaps the gold quantity's span; a gold *event* or *statement* matches a predicted claim without
a quantity whose evidence span overlaps the gold evidence and whose event type agrees. Matched
claims are compared field by field (only the fields the gold states); every field has its own
accuracy (``claim.<field>``) and ``fields`` is their pooled accuracy.
"""

from __future__ import annotations

from typing import Any

from .gold import Item
from .matching import PRF, match_pairs, overlaps
from .scorers import Case, LayerScore, context_of, same_number, same_unit

__all__ = ["score_claims", "claim_fields"]


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        v = " ".join(v.lower().replace("’", "'").split())
        return v or None
    return v


def _place_key(p: dict[str, Any]) -> Any:
    """A place is the same place when its resolved name is ("Polish" and "Poland" are Poland; "the
    country" is the country it resolves to); an unresolved place is compared by its words."""
    return _norm(p.get("name") or p.get("text"))


def _place_names(places: list[dict[str, Any]] | None) -> list[str]:
    return sorted({_place_key(p) for p in places or [] if _place_key(p)})


def _place_roles(places: list[dict[str, Any]] | None) -> list[str]:
    return sorted({f"{_place_key(p)}:{p.get('role')}" for p in places or []})


def claim_fields(gold: dict[str, Any], pred: dict[str, Any]) -> list[tuple[str, bool, Any, Any]]:
    """(field, correct, expected, got) for every field the gold claim states."""
    out: list[tuple[str, bool, Any, Any]] = []

    def cmp(name: str, g: Any, p: Any, how=None) -> None:
        ok = how(g, p) if how else _norm(g) == _norm(p)
        out.append((name, bool(ok), g, p))

    cmp("kind", gold.get("kind"), pred.get("kind"))
    cmp("event_type", gold.get("event_type"), pred.get("event_type"))
    if "cause" in gold:
        cmp("cause", gold.get("cause"), pred.get("cause"))
    gq = gold.get("quantity")
    if gq:
        pq = pred.get("quantity") or {}
        for key in ("low", "best", "high"):
            if key in gq:
                cmp(f"quantity.{key}", gq[key], pq.get(key), same_number)
        if "qualifier" in gq:
            cmp("quantity.qualifier", gq["qualifier"], pq.get("qualifier"))
        if "unit" in gq:
            cmp("quantity.unit", gq["unit"], pq.get("unit"), same_unit)
    gs = gold.get("source")
    if gs:
        ps = pred.get("source") or {}
        for key in ("type", "name", "canonical", "cue", "scope"):
            if key in gs:
                cmp(f"source.{key}", gs[key], ps.get(key))
    for key in ("certainty", "polarity", "evidential"):
        if key in gold:
            cmp(key, gold[key], pred.get(key))
    if "time" in gold:
        gt, pt = gold.get("time"), pred.get("time")
        if gt is None:
            cmp("time", None, None if pt is None else pt.get("text"))
        else:
            pt = pt or {}
            cmp("time.text", gt.get("text"), pt.get("text"))
            for key in ("start", "end", "precision"):
                if key in gt:
                    cmp(f"time.{key}", gt[key], pt.get(key))
    if "places" in gold:
        cmp("places", _place_names(gold.get("places")), _place_names(pred.get("places")), lambda a, b: a == b)
        cmp("places.role", _place_roles(gold.get("places")), _place_roles(pred.get("places")), lambda a, b: a == b)
    return out


def _candidates(gold: list[Item], pred: list[Item]):
    def cands(gi: int) -> list[int]:
        g = gold[gi].attrs
        out: list[tuple[int, int]] = []
        for pj, p in enumerate(pred):
            pc = p.attrs["claim"]
            if g.get("kind") == "count":
                pq = pc.get("quantity")
                qs = g.get("quantity_span")
                if pq and pq.get("span") and qs and overlaps(tuple(pq["span"]), qs):
                    s = tuple(pq["span"])
                    out.append((abs(s[0] - qs[0]) + abs(s[1] - qs[1]), pj))
            else:
                gs = gold[gi].span
                if pc.get("quantity") or p.span is None or gs is None:
                    continue
                if overlaps(p.span, gs) and _norm(pc.get("event_type")) == _norm(g.get("event_type")):
                    out.append((abs(p.span[0] - gs[0]) + abs(p.span[1] - gs[1]), pj))
        return [pj for _, pj in sorted(out)]

    return cands


def score_claims(score: LayerScore, gold: list[Item], pred: list[Item], text: str, doc_id: str = "") -> None:
    """Add one article's claims to ``score``: ``match`` P/R/F1 (all kinds and per kind),
    per-field accuracies of the matched claims, and the error cases."""
    score.docs += 1
    score.gold_items += len(gold)
    score.pred_items += len(pred)
    pairs = match_pairs(len(gold), len(pred), _candidates(gold, pred))
    score.p("match").add(PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for kind in ("count", "event", "statement"):
        g_kind = [i for i, g in enumerate(gold) if g.attrs.get("kind") == kind]
        p_kind = [j for j, p in enumerate(pred) if p.attrs["claim"].get("kind") == kind]
        tp = sum(1 for g, p in pairs if g in g_kind)
        # a prediction of this kind that matched a gold claim of another kind is still a wrong guess of kind
        fp = sum(1 for j in p_kind if j not in matched_p) + sum(1 for g, p in pairs if p in p_kind and g not in g_kind)
        score.p(f"match.{kind}").add(PRF(tp, fp, len(g_kind) - tp))
    for i, g in enumerate(gold):
        if i not in matched_g:
            what = g.attrs.get("quantity", {}).get("text") if g.attrs.get("kind") == "count" else g.attrs.get("event_type")
            score.note(Case("claim missed", doc_id, g.text, f"{g.attrs.get('kind')} {what}", None,
                            context_of(text, g.attrs.get("quantity_span") or g.span)),
                       ("claim missed", f"{g.attrs.get('kind')}/{g.attrs.get('event_type')}", None))
    for j, p in enumerate(pred):
        if j not in matched_p:
            pc = p.attrs["claim"]
            what = (pc.get("quantity") or {}).get("text") if pc.get("quantity") else pc.get("event_type")
            score.note(Case("claim spurious", doc_id, p.text, None, f"{pc.get('kind')} {what}",
                            context_of(text, p.span)),
                       ("claim spurious", None, f"{pc.get('kind')}/{pc.get('event_type')}"))
    for gi, pj in pairs:
        g, pc = gold[gi], pred[pj].attrs["claim"]
        for name, ok, expected, got in claim_fields(g.attrs, pc):
            score.a(f"claim.{name}").add(ok)
            score.a("fields").add(ok)
            if not ok:
                score.note(Case(f"claim.{name}", doc_id, g.text, expected, got,
                                context_of(text, g.attrs.get("quantity_span") or g.span)))
