"""View helpers: highlighted article text, claim summaries, the estimate timeline chart.

Nothing here builds HTML strings from article text: the helpers return plain data (segments,
coordinates) and the templates render them with autoescaping.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Article, Claim, Estimate, EstimateClaim

__all__ = ["estimate_title", "highlight_segments", "paragraph_window", "inherited_fields", "claim_summary", "fmt_num", "timeline_chart", "install_filters", "safe_url", "ROLES"]

#: highlight roles, innermost first (the class order of a segment and its tooltip follow it)
ROLES = ("quantity", "source", "time", "place", "evidence")


def fmt_num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}" if isinstance(value, float) else str(value)


def claim_summary(claim: Claim) -> str:
    """A one-line description of a claim (tooltips, lists)."""
    parts = [claim.id, claim.event_type or claim.kind]
    q = claim.quantity
    if q is not None:
        rng = f"{fmt_num(q.low)}–{fmt_num(q.high)}"
        parts.append(f"best {fmt_num(q.best)} [{rng}] {q.qualifier} {q.unit or ''}".strip())
    s = claim.source
    parts.append(f"source: {s.canonical or s.name or 'author'} ({s.type})")
    if claim.time is not None:
        parts.append(f"time: {claim.time.start or claim.time.text}")
    if claim.places:
        parts.append("places: " + ", ".join(p.name or p.text for p in claim.places))
    parts.append(claim.certainty)
    if claim.polarity == "negative":
        parts.append("denied")
    if claim.review:
        parts.append(f"review: {claim.review}")
    return " · ".join(parts)


def _inherited(scope: str | None) -> str:
    return f" (inherited from the {scope})" if scope in ("paragraph", "article") else ""


def _claim_marks(c: Claim, n: int) -> list[tuple[int, int, str, str, str]]:
    spans: list[tuple[Any, str, str]] = [(c.span, "evidence", claim_summary(c))]
    if c.quantity is not None:
        q = c.quantity
        spans.append((q.span, "quantity", f"{c.id} quantity: {q.text} → best {fmt_num(q.best)}, "
                                          f"low {fmt_num(q.low)}, high {fmt_num(q.high)}, {q.qualifier}"
                                          + (f", unit {q.unit}" if q.unit else "")))
    if c.source.span is not None:
        spans.append((c.source.span, "source", f"{c.id} source: {c.source.canonical or c.source.name} "
                                               f"({c.source.type}){_inherited(c.source.scope)}"))
    if c.time is not None and c.time.span is not None:
        t = c.time
        spans.append((t.span, "time", f"{c.id} time: {t.start or '?'}–{t.end or ''} ({t.precision}, {t.anchor})"
                                      f"{_inherited(t.scope)}"))
    for p in c.places:
        if p.span is not None:
            where = f" ({p.lat:.3f}, {p.lon:.3f})" if p.lat is not None and p.lon is not None else ""
            spans.append((p.span, "place", f"{c.id} place: {p.name or p.text}{where}, {p.role}{_inherited(p.scope)}"))
    out = []
    for span, role, tip in spans:
        if span is None:
            continue
        s, e = max(0, int(span[0])), min(n, int(span[1]))
        if s < e:
            out.append((s, e, c.id, role, tip))
    return out


def _marks(article: Article, claims: list[Claim] | None = None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, claim id, role, tooltip) for every span of every (not rejected) claim."""
    n = len(article.text)
    out = []
    for c in article.claims if claims is None else claims:
        if c.review != "rejected":
            out.extend(_claim_marks(c, n))
    return out


def highlight_segments(article: Article, claims: list[Claim] | None = None,
                       window: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """Split ``article.text`` (or its ``window``) at every span boundary of ``claims`` (default:
    the article's). Each segment: ``text``, ``roles`` (CSS classes, innermost role first),
    ``refs`` ("c1:quantity c1:evidence"), ``claims`` (ids), ``tip`` (the innermost mark's
    description), ``start``. The segments concatenate to the text (or the window) exactly."""
    text = article.text
    lo, hi = window if window is not None else (0, len(text))
    marks = sorted(_marks(article, claims), key=lambda m: m[0])
    cuts = sorted({lo, hi, *(x for m in marks for x in m[:2] if lo < x < hi)})
    segments = []
    active: list[tuple[int, int, str, str, str]] = []
    nxt = 0
    for a, b in zip(cuts, cuts[1:]):
        # sweep: marks starting at or before a join, marks ending at or before a leave
        while nxt < len(marks) and marks[nxt][0] <= a:
            active.append(marks[nxt])
            nxt += 1
        active = [m for m in active if m[1] > a]
        if not active:
            segments.append({"text": text[a:b], "roles": [], "refs": "", "claims": [], "tip": "", "start": a})
            continue
        here = sorted(active, key=lambda m: (ROLES.index(m[3]), m[1] - m[0]))
        roles: list[str] = []
        claims_here: list[str] = []
        for m in here:
            if m[3] not in roles:
                roles.append(m[3])
            if m[2] not in claims_here:
                claims_here.append(m[2])
        segments.append({
            "text": text[a:b],
            "roles": roles,
            "refs": " ".join(f"{m[2]}:{m[3]}" for m in here),
            "claims": claims_here,
            "tip": here[0][4],
            "start": a,
        })
    return segments


def paragraph_window(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The paragraph(s) holding ``span``: from the blank line before it to the blank line after."""
    start = text.rfind("\n\n", 0, span[0])
    end = text.find("\n\n", span[1])
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def inherited_fields(claim: Claim) -> list[dict[str, Any]]:
    """The fields a claim took from its report's context (SPEC §2 Context: ``scope`` paragraph or
    article), each with the words that stated it: field, scope, text, span."""
    out = []
    s = claim.source
    if s.scope in ("paragraph", "article"):
        out.append({"field": "source", "scope": s.scope, "text": s.name or s.canonical, "span": s.span})
    t = claim.time
    if t is not None and t.scope in ("paragraph", "article"):
        out.append({"field": "time", "scope": t.scope, "text": t.text, "span": t.span})
    for p in claim.places:
        if p.scope in ("paragraph", "article"):
            out.append({"field": "place", "scope": p.scope, "text": p.text, "span": p.span})
    return out


def _ordinal(day: str | None) -> int | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def timeline_chart(estimate: Estimate, width: int = 640, height: int = 240) -> dict[str, Any] | None:
    """Coordinates of an SVG chart of the figures over time: one point per claim at its
    publication date (best), with a bar from low to high (to the top edge when unbounded)."""
    points: list[tuple[int, float, EstimateClaim]] = []  # (day ordinal, best, claim)
    for c in estimate.claims:
        x = _ordinal(c.published)
        if x is None or c.best is None:
            continue
        points.append((x, c.best, c))
    if not points:
        return None
    pad_l, pad_r, pad_t, pad_b = 64, 16, 16, 36
    xs = [x for x, _, _ in points]
    values = [v for _, _, c in points for v in (c.best, c.low, c.high) if v is not None]
    x0, x1 = min(xs), max(xs)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    y1 = max(values) * 1.1 or 1
    y0 = 0

    def sx(x: float) -> float:
        return round(pad_l + (x - x0) / (x1 - x0) * (width - pad_l - pad_r), 1)

    def sy(y: float) -> float:
        return round(height - pad_b - (y - y0) / (y1 - y0) * (height - pad_t - pad_b), 1)

    out_points = []
    for x, best, c in sorted(points, key=lambda p: p[0]):
        out_points.append({
            "cx": sx(x), "cy": sy(best),
            "y_low": sy(c.low) if c.low is not None else sy(best),
            "y_high": sy(c.high) if c.high is not None else pad_t,
            "label": f"{c.published}: {fmt_num(best)} ({(c.source or {}).get('canonical') or (c.source or {}).get('name') or 'author'})",
            "open_high": c.high is None,
        })
    ticks = []
    for i in range(5):
        v = y0 + (y1 - y0) * i / 4
        ticks.append({"y": sy(v), "label": fmt_num(int(round(v)))})
    return {
        "width": width, "height": height, "points": out_points, "ticks": ticks,
        "x_left": pad_l, "x_right": width - pad_r, "y_base": height - pad_b,
        "date_first": date.fromordinal(min(xs)).isoformat(), "date_last": date.fromordinal(max(xs)).isoformat(),
        "line": " ".join(f"{p['cx']},{p['cy']}" for p in out_points),
    }


def estimate_title(est: Estimate, cols: dict[str, Any]) -> str:
    """A short title: what was counted, where, when ("death · people · Lampedusa · 2025-03")."""
    parts = [est.event_type or "count", est.unit or "", cols.get("place") or cols.get("country") or "no place",
             (cols.get("date_start") or "")[:7] or "no date"]
    return " · ".join(p for p in parts if p)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: article URLs are untrusted (``javascript:`` etc.)."""
    if not url or not isinstance(url, str):
        return None
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return url if scheme in ("http", "https") else None


def install_filters(env) -> None:
    env.filters["num"] = fmt_num
    env.filters["safe_url"] = safe_url
    env.globals["claim_summary"] = claim_summary
    env.globals["inherited_fields"] = inherited_fields
    env.globals["estimate_title"] = estimate_title
