"""The reconciliation test corpus (tests/data/reconcile/) and its scorer.

``corpus.jsonl``: 29 short articles written for this project in 13 story clusters (the same
story told by several outlets, syndicated copies, running totals, a conflict, and decoys).
``gold.json``: every count claim an analyst would code, with its gold cluster, and the
expected status / independent-source count of each cluster.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

from claimwatch.model import Claim, Place, Quantity, Source, TimeInfo, article_id_for

DATA = Path(__file__).resolve().parents[1] / "data" / "reconcile"

__all__ = ["load_corpus", "load_gold", "metas", "gold_items", "pairwise", "estimate_of", "Scored"]


def load_corpus(data: Path = DATA) -> list[dict]:
    """The corpus's articles (``corpus.jsonl`` of ``data``) with their article ids."""
    arts = [json.loads(line) for line in (data / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = {a["key"]: article_id_for(a["text"]) for a in arts}
    for a in arts:
        a["id"] = ids[a["key"]]
        a["duplicate_of_id"] = ids.get(a["duplicate_of"]) if a.get("duplicate_of") else None
    return arts


def load_gold(data: Path = DATA) -> dict:
    return json.loads((data / "gold.json").read_text(encoding="utf-8"))


def metas(corpus: list[dict]) -> dict[str, dict]:
    """article key -> article meta as the store gives it to reconciliation."""
    return {a["key"]: {"id": a["id"], "url": a["url"], "outlet": a["outlet"], "published": a["published"],
                       "duplicate_of": a["duplicate_of_id"]} for a in corpus}


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


def gold_items(corpus: list[dict], gold: dict) -> list[tuple[Claim, dict, str]]:
    """Claims built by hand from the gold annotation: (claim, article meta, gold cluster)."""
    by_key = {a["key"]: a for a in corpus}
    meta = metas(corpus)
    counters: Counter[str] = Counter()
    out = []
    for g in gold["claims"]:
        art = by_key[g["article"]]
        text = art["text"]
        ev = _find(text, g["evidence"])
        qd = g["quantity"]
        qs = _find(text, qd["text"], ev[0])
        src = g["source"]
        sspan = _find(text, src["name"], ev[0]) if src.get("name") else None
        places = []
        for p in g["places"]:
            info = gold["places"][p["text"]]
            places.append(Place(text=p["text"], span=_find(text, p["text"], ev[0]), role=p["role"], **info))
        time = None
        if g["time"]:
            td = g["time"]
            time = TimeInfo(text=td["text"], start=td["start"], end=td["end"], precision=td["precision"],
                            span=_find(text, td["text"], ev[0]))
        counters[g["article"]] += 1
        claim = Claim(
            id=f"c{counters[g['article']]}", kind="count", text=g["evidence"], span=ev, event_type=g["event_type"],
            source=Source(name=src.get("name"), canonical=src.get("canonical"), affiliation=src.get("affiliation"),
                          type=src["type"], span=sspan, cue=None),
            certainty=g.get("certainty", "certain"),
            evidential="author" if src["type"] == "author" else "attributed",
            quantity=Quantity(text=qd["text"], span=qs, low=qd["low"], best=qd["best"], high=qd["high"],
                              qualifier=qd["qualifier"], unit=qd["unit"]),
            time=time, places=places, article_id=art["id"],
        )
        out.append((claim, meta[g["article"]], g["cluster"]))
    return out


def pairwise(gold_of: dict[str, str], pred_of: dict[str, str]) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall of a clustering over the keys of ``gold_of``
    (a key missing from ``pred_of`` is a singleton). Returns (P, R, tp, fp, fn)."""
    keys = sorted(gold_of)
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        same_gold = gold_of[a] == gold_of[b]
        pa, pb = pred_of.get(a), pred_of.get(b)
        same_pred = pa is not None and pa == pb
        if same_gold and same_pred:
            tp += 1
        elif same_pred:
            fp += 1
        elif same_gold:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, tp, fp, fn


def estimate_of(estimates) -> dict[str, object]:
    """claim uid -> estimate."""
    out = {}
    for e in estimates:
        for c in e.claims:
            out[f"{c.article_id}:{c.claim_id}"] = e
    return out


class Scored:
    """Clustering and status scores of estimates against the gold clusters."""

    def __init__(self, gold: dict, gold_of: dict[str, str], estimates) -> None:
        self.by_uid = estimate_of(estimates)
        pred_of = {u: self.by_uid[u].id for u in gold_of if u in self.by_uid}
        self.p, self.r, self.tp, self.fp, self.fn = pairwise(gold_of, pred_of)
        self.status: dict[str, tuple[str, str | None, int, int | None]] = {}
        members: dict[str, list[str]] = {}
        for u, c in gold_of.items():
            members.setdefault(c, []).append(u)
        for cluster, spec in gold["clusters"].items():
            ests = Counter(self.by_uid[u].id for u in members.get(cluster, []) if u in self.by_uid)
            if not ests:
                self.status[cluster] = (spec["status"], None, spec["independent_sources"], None)
                continue
            eid = ests.most_common(1)[0][0]
            est = next(self.by_uid[u] for u in members[cluster] if u in self.by_uid and self.by_uid[u].id == eid)
            self.status[cluster] = (spec["status"], est.status, spec["independent_sources"], est.independent_sources)
            self.status[cluster] += (spec.get("best"), est.best)  # type: ignore[assignment]

    def wrong_statuses(self) -> list[str]:
        bad = []
        for cluster, row in self.status.items():
            want, got, want_n, got_n = row[:4]
            if want != got or want_n != got_n:
                bad.append(f"{cluster}: expected {want}/{want_n} sources, got {got}/{got_n}")
        return bad
