"""Reader of the casualty corpus (tests/data/casualties/README.md) and the checks the corpus
tests share: the figures per report and the distractor numbers a count must not come from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.extract.numbers import find_number_phrases

CORPUS = Path(__file__).parent / "data" / "casualties" / "reports.txt"
FIGURES = ("killed", "injured", "detained")
#: distractor kinds that name or measure something: never a count
NAMING_KINDS = frozenset("address age phone gallery year score road time legal_count reference size distance".split())
#: distractor kinds that count or price something else: a count, never of casualties or detainees
OTHER_KINDS = frozenset("reward bail money duration other_count".split())
PARTICIPANT_TYPES = frozenset({"death", "injury", "detention", "missing", "combat_casualties"})


@dataclass
class Distractor:
    kind: str
    text: str
    span: tuple[int, int]
    values: frozenset[float]


@dataclass
class Report:
    id: str
    domain: str
    text: str
    gold: dict[str, int]
    distractors: list[Distractor] = field(default_factory=list)


def _values(text: str) -> frozenset[float]:
    vals = {float(p.value) for p in find_number_phrases(text) if p.value is not None}
    vals |= {float(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", text)}
    return frozenset(vals)


def load_reports() -> list[Report]:
    out: list[Report] = []
    for block in CORPUS.read_text(encoding="utf-8").split("=== ")[1:]:
        head, body = block.split("\n---\n", 1)
        lines = head.splitlines()
        rid, fields = lines[0].strip(), lines[1:]
        text = body.strip("\n")
        gold: dict[str, int] = {}
        domain = ""
        found: list[tuple[str, str]] = []
        for line in fields:
            key, value = line.split(":", 1)
            if key in FIGURES:
                gold[key] = int(value)
            elif key == "domain":
                domain = value.strip()
            elif key == "distractor":
                kind, sub = value.strip().split(": ", 1)
                found.append((kind, sub))
        rep = Report(rid, domain, text, gold)
        for kind, sub in found:
            assert kind in NAMING_KINDS | OTHER_KINDS, (rid, kind)
            assert text.count(sub) == 1, (rid, sub)
            s = text.index(sub)
            rep.distractors.append(Distractor(kind, sub, (s, s + len(sub)), _values(sub)))
        out.append(rep)
    return out


def from_distractor(claim, d: Distractor) -> bool:
    """True when a count claim takes its figure from the distractor number."""
    q = claim.quantity
    if claim.kind != "count" or q is None:
        return False
    if not (q.span[0] < d.span[1] and d.span[0] < q.span[1]):
        return False
    return any(v is not None and float(v) in d.values for v in (q.low, q.best, q.high))


def violations(article, rep: Report) -> list[str]:
    """Counts that come from a non-participant number (README's two groups)."""
    bad = []
    for d in rep.distractors:
        for c in article.claims:
            if not from_distractor(c, d):
                continue
            if d.kind in NAMING_KINDS or c.event_type in PARTICIPANT_TYPES:
                bad.append(f"{rep.id}: {d.kind} {d.text!r} gave count {c.quantity.text!r} ({c.event_type})")
    return bad
