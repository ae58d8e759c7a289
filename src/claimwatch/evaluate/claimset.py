"""The claim-level dev set: real reports with every claim a coder records, and gold estimates.

A *claim set* is a folder with ``articles/NN.json`` (``title``, ``outlet``, ``url``,
``published``, ``text``), ``gold/NN.gold.json`` (the claims, verbatim strings, no offsets) and
``clusters.json`` (gold estimates: members ``[article, index]`` and the statuses a coder accepts).
The shared dev set is ``../shared/data/dev/claims`` (30 reports, 8 stories; its README).

Scoring follows that README and agrees with the reference scorers (``score_claims.py``,
``score_clusters.py`` in ``../shared/tools``; ``tests/evaluate/test_claimset.py`` checks it):

* a predicted count matches a gold count when its quantity span overlaps the gold quantity text
  (one-to-one, in gold order); its value is right when low/best/high each agree within
  max(1, 2%);
* a gold event/statement is found when a non-count claim's span overlaps the gold evidence and
  the event type agrees (an untyped or ``statement`` claim may match a gold statement);
* on matched claims: source type and name, certainty, evidential, polarity, event type, time
  (start and end equal), places (a predicted place within 161 km of each gold place);
* a gold estimate is found when one estimate holds at least max(2, half) of its members and no
  member of another gold estimate; then its status is checked.

Pure: :func:`score_claims` and :func:`score_estimates` take predictions as JSON-shaped dicts;
:func:`predict` runs claimwatch as a user does (the ingest flow into a fresh store: extraction,
near-duplicate links, reconciliation).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..errors import EvaluationError

__all__ = [
    "ClaimSet", "GoldArticle", "read_claim_set", "score_claims", "score_estimates", "summarise",
    "predict", "evaluate_claim_set", "format_claim_set", "iter_claim_metrics", "CLAIM_METRICS",
]

#: the figures reported (and gated) for a claim set, in print order
CLAIM_METRICS = (
    "count_P", "count_R", "count_F1", "count_value_F1", "qualifier_acc", "event_recall",
    "source_type_acc", "source_name_acc", "certainty_acc", "evidential_acc", "polarity_acc",
    "event_type_acc", "time_acc", "place_acc161", "estimates_found", "estimates_status",
)

Span = tuple[int, int]


@dataclass
class GoldArticle:
    key: str                      # "a01"
    meta: dict[str, Any]          # title, outlet, url, published, text
    claims: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return str(self.meta["text"])


@dataclass
class ClaimSet:
    path: Path
    articles: list[GoldArticle]
    clusters: list[dict[str, Any]] = field(default_factory=list)

    def article(self, key: str) -> GoldArticle:
        return next(a for a in self.articles if a.key == key)


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(str(path), detail=str(exc)) from None


def read_claim_set(path: Path | str) -> ClaimSet:
    """Read a claim set folder (see the module doc)."""
    root = Path(path)
    if not (root / "articles").is_dir() or not (root / "gold").is_dir():
        raise EvaluationError(str(root), detail="not a claim set (needs articles/ and gold/)")
    articles = []
    for gold_path in sorted((root / "gold").glob("*.gold.json")):
        key = gold_path.name.split(".")[0]
        meta = _load(root / "articles" / f"{key}.json")
        articles.append(GoldArticle(key, meta, list(_load(gold_path).get("claims") or [])))
    clusters_path = root / "clusters.json"
    clusters = list(_load(clusters_path).get("clusters") or []) if clusters_path.exists() else []
    return ClaimSet(root, articles, clusters)


# ---------------------------------------------------------------------------- claims


def _locate(text: str, evidence: str, sub: str | None = None) -> Span | None:
    i = text.find(evidence)
    if i < 0:
        return None
    if sub is None:
        return (i, i + len(evidence))
    j = evidence.find(sub)
    return None if j < 0 else (i + j, i + j + len(sub))


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _num_eq(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(1.0, 0.02 * abs(b))


def _realign(text: str, predicted_text: str | None) -> int:
    """Offset to add to predicted spans when the predicted article text differs from the gold
    text by a prefix (a title line) or a dropped first line."""
    if not predicted_text or predicted_text == text:
        return 0
    i = predicted_text.find(text)
    if i >= 0:
        return -i
    j = text.find(predicted_text)
    return j if j >= 0 else 0


def _shifted(obj: Any, k: int) -> Any:
    if isinstance(obj, dict):
        return {key: ([v[0] + k, v[1] + k] if key == "span" and isinstance(v, list) and len(v) == 2 else _shifted(v, k))
                for key, v in obj.items()}
    if isinstance(obj, list):
        return [_shifted(v, k) for v in obj]
    return obj


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if isinstance(value, (list, tuple)) and len(value) == 2 else None


class _Tally(dict):
    def add(self, key: str, value: float | bool = 1) -> None:
        self[key] = self.get(key, 0) + int(value)


def _match_count(gold: dict, text: str, counts: list[dict], used: set[int]) -> dict | None:
    gq = _locate(text, gold["evidence"], gold["quantity"]["text"])
    for k, p in enumerate(counts):
        if k not in used and _overlap(_span(p["quantity"].get("span")), gq):
            used.add(k)
            return p
    return None


def _match_event(gold: dict, text: str, pred: list[dict]) -> dict | None:
    evidence = _locate(text, gold["evidence"])
    for p in pred:
        if p.get("kind") == "count" or not _overlap(_span(p.get("span")) or (0, 0), evidence):
            continue
        ok_types: tuple[Any, ...] = (None, p.get("event_type"))
        if gold["kind"] == "statement" and gold.get("event_type") == "statement" and p.get("event_type") in (None, "statement"):
            ok_types = (None, "statement", p.get("event_type"))
        if gold.get("event_type") in ok_types:
            return p
    return None


def _source_name_agrees(gold: dict, pred: dict) -> bool:
    gname = (gold.get("canonical") or gold.get("name") or "").lower()
    pname = (pred.get("canonical") or pred.get("name") or "").lower()
    if not gname and not pname:
        return True
    return bool(gname) and bool(pname) and (gname in pname or pname in gname or bool(set(gname.split()) & set(pname.split())))


def _score_fields(t: _Tally, gold: dict, match: dict) -> None:
    gs, ps = gold.get("source") or {}, match.get("source") or {}
    t.add("src_n")
    t.add("src_type", gs.get("type") == ps.get("type"))
    t.add("src_name", _source_name_agrees(gs, ps))
    t.add("cert", gold.get("certainty") == match.get("certainty"))
    t.add("evid", gold.get("evidential") == match.get("evidential"))
    t.add("pol", gold.get("polarity") == match.get("polarity"))
    if gold.get("event_type"):
        t.add("etype_n")
        t.add("etype_ok", gold["event_type"] == match.get("event_type"))
    gt, pt = gold.get("time"), match.get("time") or {}
    if gt and (gt.get("start") or gt.get("end")):
        t.add("time_n")
        t.add("time_ok", bool(pt) and pt.get("start") == gt.get("start") and pt.get("end") == gt.get("end"))
    for gp in gold.get("places") or []:
        if gp.get("lat") is None:
            continue
        t.add("place_n")
        t.add("place_ok", any(pp.get("lat") is not None and _km((pp["lat"], pp["lon"]), (gp["lat"], gp["lon"])) <= 161
                              for pp in match.get("places") or []))


def _score_article(t: _Tally, article: GoldArticle, prediction: dict | None) -> None:
    text = article.text
    pred = list((prediction or {}).get("claims") or [])
    shift = _realign(text, ((prediction or {}).get("article") or {}).get("text"))
    if shift:
        pred = [_shifted(p, shift) for p in pred]
    counts = [p for p in pred if p.get("kind") == "count" and p.get("quantity")]
    t.add("cnt_pred", len(counts))
    used: set[int] = set()
    for gold in article.claims:
        if gold["kind"] == "count":
            t.add("cnt_gold")
            match = _match_count(gold, text, counts, used)
            if match is not None:
                t.add("cnt_match")
                q, gq = match["quantity"], gold["quantity"]
                t.add("cnt_value", all(_num_eq(q.get(f), gq.get(f)) for f in ("low", "best", "high")))
                t.add("cnt_qual", q.get("qualifier") == gq.get("qualifier"))
        else:
            t.add("ev_gold")
            match = _match_event(gold, text, pred)
            if match is not None:
                t.add("ev_found")
        if match is not None:
            _score_fields(t, gold, match)


def score_claims(claim_set: ClaimSet, predictions: Mapping[str, dict | None]) -> dict[str, Any]:
    """Per-field figures of ``predictions`` (article key -> ``extract --format json`` document;
    a missing or ``None`` prediction scores as no claims)."""
    t = _Tally()
    for article in claim_set.articles:
        _score_article(t, article, predictions.get(article.key))
    return summarise(t)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _ratio(2 * p * r, p + r)


def summarise(t: dict[str, int]) -> dict[str, Any]:
    g = t.get
    p, r = _ratio(g("cnt_match", 0), g("cnt_pred", 0)), _ratio(g("cnt_match", 0), g("cnt_gold", 0))
    ps, rs = _ratio(g("cnt_value", 0), g("cnt_pred", 0)), _ratio(g("cnt_value", 0), g("cnt_gold", 0))
    n = g("src_n", 0)
    out = {
        "count_P": p, "count_R": r, "count_F1": _f1(p, r), "count_value_F1": _f1(ps, rs),
        "qualifier_acc": _ratio(g("cnt_qual", 0), g("cnt_match", 0)),
        "event_recall": _ratio(g("ev_found", 0), g("ev_gold", 0)),
        "source_type_acc": _ratio(g("src_type", 0), n), "source_name_acc": _ratio(g("src_name", 0), n),
        "certainty_acc": _ratio(g("cert", 0), n), "evidential_acc": _ratio(g("evid", 0), n),
        "polarity_acc": _ratio(g("pol", 0), n), "event_type_acc": _ratio(g("etype_ok", 0), g("etype_n", 0)),
        "time_acc": _ratio(g("time_ok", 0), g("time_n", 0)),
        "place_acc161": _ratio(g("place_ok", 0), g("place_n", 0)),
    }
    summary: dict[str, Any] = {k: round(v, 4) for k, v in out.items()}
    summary["n"] = {k: g(k, 0) for k in ("cnt_gold", "cnt_pred", "ev_gold", "src_n", "time_n", "place_n")}
    return summary


# ---------------------------------------------------------------------------- estimates


def _member_spans(claim_set: ClaimSet) -> dict[tuple[str, int], tuple[int, str, Span | None, bool]]:
    """(article, index) -> (cluster index, url, span, is_count): a count member is located by its
    number phrase, an event member by its sentence."""
    out = {}
    for ci, cluster in enumerate(claim_set.clusters):
        for key, idx in cluster["members"]:
            article = claim_set.article(key)
            gold = article.claims[idx]
            if gold["kind"] == "count":
                span = _locate(article.text, gold["evidence"], gold["quantity"]["text"])
            else:
                span = _locate(article.text, gold["evidence"])
            out[(key, idx)] = (ci, str(article.meta.get("url")), span, gold["kind"] == "count")
    return out


def _members_in(estimate: dict, members: dict) -> set[tuple[int, tuple[str, int]]]:
    got = set()
    for claim in estimate.get("claims") or []:
        qspan, espan = _span(claim.get("quantity_span")), _span(claim.get("span"))
        for key, (ci, url, gspan, is_count) in members.items():
            span = qspan if is_count else (espan if qspan is None else None)
            if claim.get("url") == url and _overlap(span, gspan):
                got.add((ci, key))
    return got


def score_estimates(claim_set: ClaimSet, estimates: list[dict]) -> dict[str, Any]:
    """How many gold estimates are found (and with an accepted status) among ``estimates``
    (``claimwatch estimates --format json`` dicts)."""
    members = _member_spans(claim_set)
    held = [_members_in(e, members) for e in estimates]
    found = status_ok = 0
    lines = []
    for ci, cluster in enumerate(claim_set.clusters):
        need = max(2, (len(cluster["members"]) + 1) // 2)
        best = None
        for est, got in zip(estimates, held):
            mine = {k for cj, k in got if cj == ci}
            other = {k for cj, k in got if cj != ci}
            if len(mine) >= need and not other:
                best = est
                break
        ok = best is not None
        right = best is not None and best.get("status") in cluster["status"]
        found += ok
        status_ok += right
        lines.append({"name": cluster["name"], "found": ok, "status": best.get("status") if best else None,
                      "status_ok": bool(right)})
    n = len(claim_set.clusters)
    return {"estimates_found": round(_ratio(found, n), 4), "estimates_status": round(_ratio(status_ok, n), 4),
            "clusters": n, "found": found, "status_ok": status_ok, "estimates": len(estimates), "detail": lines}


# ---------------------------------------------------------------------------- running claimwatch


def predict(claim_set: ClaimSet, *, extractor: Callable[..., Any] | None = None,
            workers: int = 1) -> tuple[dict[str, dict], list[dict]]:
    """claimwatch on every article of the set, the way a user runs it: the ingest flow into a
    fresh SQLite store (extraction, near-duplicate links, reconciliation), then each article's
    claims and the estimates read back. Returns (article key -> extraction JSON, estimates JSON).
    ``extractor`` replaces the NLP pipeline (tests)."""
    import tempfile

    from ..flow import ingest_inputs
    from ..ingest.document import Document
    from ..model import article_id_for
    from ..store import Store

    docs = [Document(text=a.meta["text"], title=a.meta.get("title"), url=a.meta.get("url"),
                     published=a.meta.get("published"), outlet=a.meta.get("outlet"), name=a.key)
            for a in claim_set.articles]
    with tempfile.TemporaryDirectory(prefix="claimwatch-eval-") as tmp:
        store = Store(f"sqlite:///{tmp}/eval.db")
        try:
            result = ingest_inputs(docs, store, extractor=extractor, workers=workers)
            if result.rejected:
                raise EvaluationError(str(claim_set.path), detail=f"{result.rejected} article(s) rejected: "
                                      + "; ".join(f"{r.name}: {r.reason}" for r in result.rejects))
            claims = {}
            for a in claim_set.articles:
                art = store.get_article(article_id_for(a.meta["text"]))
                claims[a.key] = {"article": art.meta_dict(), "claims": [c.to_dict() for c in art.claims]}
            estimates = [e.to_dict() for e in store.list_estimates()]
        finally:
            store.close()
    return claims, estimates


def evaluate_claim_set(claim_set: ClaimSet, **kwargs: Any) -> dict[str, Any]:
    """Run claimwatch on ``claim_set`` and score claims and estimates: the flat figures of
    :data:`CLAIM_METRICS` plus ``n`` (counts behind them) and ``estimates_detail``."""
    import time

    t0 = time.perf_counter()
    claims, estimates = predict(claim_set, **kwargs)
    seconds = time.perf_counter() - t0
    out = score_claims(claim_set, claims)
    est = score_estimates(claim_set, estimates)
    out.update({k: est[k] for k in ("estimates_found", "estimates_status")})
    out["estimates_detail"] = est
    out["docs"] = len(claim_set.articles)
    out["seconds"] = round(seconds, 3)
    return out


def format_claim_set(name: str, result: dict[str, Any]) -> str:
    """The claim set's figures as a two-column block for the ``make eval`` output."""
    est = result["estimates_detail"]
    docs_s = result["docs"] / result["seconds"] if result.get("seconds") else 0.0
    lines = [f"claim-level set {name}: {result['docs']} reports, {docs_s:.1f} docs/s "
             f"(extraction + reconciliation); n = {result['n']}"]
    for key in CLAIM_METRICS:
        extra = f"   ({est['status_ok'] if key == 'estimates_status' else est['found']}/{est['clusters']} gold estimates)" \
            if key.startswith("estimates_") else ""
        lines.append(f"  {key:<18} {result[key]:.3f}{extra}")
    return "\n".join(lines)


def iter_claim_metrics(result: dict[str, Any]) -> Iterable[tuple[str, float]]:
    """The gated figures of a claim-set result."""
    for key in CLAIM_METRICS:
        yield key, float(result[key])
