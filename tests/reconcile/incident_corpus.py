"""The incident corpus (tests/data/incidents/) and its scorer.

``corpus.jsonl``: 48 short reports written for this project about 14 incidents in several
domains (and two totals), 2-5 reports each, some without a publication date, with a syndicated
copy and decoys. ``gold.json``: every figure and event a coder records, with the incident and
the measure it belongs to, and per incident the estimate a coder expects for each measure
(best and status; ``part_of`` for a part of a total; ``measure`` for totals).

An incident is *right* when every measure of it is exactly one estimate holding all its
claims and nothing else, with the expected best and status (and, for a part, pointing at its
total's estimate), and all its estimates carry one incident id that no other gold incident
shares. Totals must come out with their kind of measure and no incident.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import reconcile_corpus
from reconcile_corpus import metas

from claimwatch.model import Claim, Place, Quantity, Source, TimeInfo

DATA = Path(__file__).resolve().parents[1] / "data" / "incidents"

__all__ = ["load_corpus", "load_gold", "metas", "hand_items", "score", "Score"]


def load_corpus() -> list[dict]:
    return reconcile_corpus.load_corpus(DATA)


def load_gold() -> dict:
    return reconcile_corpus.load_gold(DATA)


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.find(needle, start)
    if i < 0:
        i = text.index(needle)
    return (i, i + len(needle))


def hand_items(corpus: list[dict], gold: dict) -> list[tuple[Claim, dict, dict]]:
    """Claims built by hand from the gold: (claim, article meta, gold claim)."""
    by_key = {a["key"]: a for a in corpus}
    meta = metas(corpus)
    counters: Counter[str] = Counter()
    out = []
    ids: dict[tuple[str, str], str] = {}
    for g in gold["claims"]:
        counters[g["article"]] += 1
        ids[(g["article"], str(counters[g["article"]]))] = f"c{counters[g['article']]}"
    counters.clear()
    measure_claim: dict[tuple[str, str], str] = {}
    for g in gold["claims"]:
        counters[g["article"]] += 1
        measure_claim.setdefault((g["article"], g["measure"]), f"c{counters[g['article']]}")
    counters.clear()
    for g in gold["claims"]:
        art = by_key[g["article"]]
        text = art["text"]
        ev = _find(text, g["evidence"])
        counters[g["article"]] += 1
        cid = f"c{counters[g['article']]}"
        q = None
        if g["quantity"]:
            qd = g["quantity"]
            part_of = measure_claim.get((g["article"], g["part_of"])) if g.get("part_of") else None
            q = Quantity(text=qd["text"], span=_find(text, qd["text"], ev[0]), low=qd["low"], best=qd["best"],
                         high=qd["high"], qualifier=qd["qualifier"], unit=qd["unit"], part_of=part_of)
        src = g["source"]
        sspan = _find(text, src["name"], ev[0]) if src.get("name") else None
        time = None
        if g["time"]:
            td = g["time"]
            time = TimeInfo(text=td["text"], start=td["start"], end=td["end"], precision=td["precision"],
                            span=_find(text, td["text"]), scope=td.get("scope", "sentence"))
        places = [Place(text=p["text"], span=_find(text, p["text"]), role=p["role"], **gold["places"][p["text"]])
                  for p in g["places"]]
        claim = Claim(
            id=cid, kind=g["kind"], text=g["evidence"], span=ev, event_type=g["event_type"],
            source=Source(name=src.get("name"), canonical=src.get("canonical"), type=src["type"], span=sspan),
            certainty=g.get("certainty", "certain"), polarity=g.get("polarity", "positive"),
            evidential="author" if src["type"] == "author" else "attributed",
            quantity=q, time=time, places=places, article_id=art["id"],
        )
        out.append((claim, meta[g["article"]], g))
    return out


class Score:
    """Per incident: right or wrong, and why."""

    def __init__(self) -> None:
        self.right: list[str] = []
        self.wrong: dict[str, list[str]] = {}
        self.mixed: list[str] = []

    @property
    def share(self) -> float:
        n = len(self.right) + len(self.wrong)
        return len(self.right) / n if n else 0.0

    def report(self) -> str:
        lines = [f"incidents right: {len(self.right)}/{len(self.right) + len(self.wrong)} ({self.share:.2f}); "
                 f"estimates mixing incidents: {len(self.mixed)}"]
        for inc, why in sorted(self.wrong.items()):
            lines.append(f"  {inc}: " + "; ".join(why))
        lines.extend(f"  MIXED {m}" for m in self.mixed)
        return "\n".join(lines)


def score(gold: dict, uid_of: dict[int, str | None], estimates) -> Score:
    """``uid_of`` maps each gold claim's index to the uid of the claim that stands for it (the
    hand-built claim, or the extracted claim matched to it; ``None`` when nothing was extracted)."""
    est_of = {f"{c.article_id}:{c.claim_id}": e for e in estimates for c in e.claims}
    by_id = {e.id: e for e in estimates}
    gold_of_uid: dict[str, tuple[str, str]] = {}
    members: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(gold["claims"]):
        members[(g["incident"], g["measure"])].append(i)
        u = uid_of.get(i)
        if u is not None:
            gold_of_uid[u] = (g["incident"], g["measure"])
    out = Score()
    for e in estimates:
        incs = {gold_of_uid[u][0] for u in (f"{c.article_id}:{c.claim_id}" for c in e.claims) if u in gold_of_uid}
        if len(incs) > 1:
            out.mixed.append(f"{e.id}: {sorted(incs)}")
    incident_ids: dict[str, set] = defaultdict(set)
    for inc, spec in gold["incidents"].items():
        why: list[str] = []
        est_ids: dict[str, str] = {}
        for measure, want in spec["measures"].items():
            uids = [uid_of.get(i) for i in members[(inc, measure)]]
            if any(u is None for u in uids):
                why.append(f"{measure}: {sum(u is None for u in uids)} claim(s) not extracted")
                continue
            ests = {est_of[u].id for u in uids if u in est_of}
            if len(ests) != 1 or any(u not in est_of for u in uids):
                why.append(f"{measure}: in {len(ests)} estimates")
                continue
            e = by_id[ests.pop()]
            est_ids[measure] = e.id
            stray = [gold_of_uid.get(f"{c.article_id}:{c.claim_id}") for c in e.claims]
            stray = [s for s in stray if s != (inc, measure)]
            if stray:
                why.append(f"{measure}: estimate also holds {sorted(set(map(str, stray)))}")
            if e.best != want["best"] and not (e.best is None and want["best"] is None):
                why.append(f"{measure}: best {e.best} != {want['best']}")
            if e.status != want["status"]:
                why.append(f"{measure}: status {e.status} != {want['status']}")
            if inc.startswith("total:"):
                if e.measure != want.get("measure") or e.incident is not None:
                    why.append(f"{measure}: measure {e.measure} / incident {e.incident} for a {want.get('measure')} total")
            else:
                incident_ids[inc].add(e.incident)
        for measure, want in spec["measures"].items():
            if want.get("part_of") and measure in est_ids and want["part_of"] in est_ids:
                if by_id[est_ids[measure]].part_of != est_ids[want["part_of"]]:
                    why.append(f"{measure}: part_of {by_id[est_ids[measure]].part_of} != {est_ids[want['part_of']]}")
        if not inc.startswith("total:") and len(incident_ids[inc]) > 1:
            why.append(f"its estimates are in {len(incident_ids[inc])} incidents")
        if why:
            out.wrong[inc] = why
        else:
            out.right.append(inc)
    shared = Counter(i for ids in incident_ids.values() for i in ids if i)
    for inc, ids in incident_ids.items():
        for i in ids:
            if i and shared[i] > 1 and inc not in out.wrong:
                out.right.remove(inc)
                out.wrong[inc] = [f"incident {i} also holds another gold incident"]
    return out
