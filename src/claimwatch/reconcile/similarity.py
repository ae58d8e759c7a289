"""Subject similarity: do two claims describe the same counted thing?

Lexical: the content words of what is counted (``quantity.counted`` and the
unit) and of the claim sentence, with the source's own name, reporting verbs,
numbers and function words removed, lightly stemmed; compared with the Dice
coefficient. Reports of one story by different outlets share the subject words
("drowned", "Tisza", "cross", "Romania") even when figures, sources and wording
differ; a look-alike story about another event usually differs in place and
time, which :mod:`.geo` and :mod:`.timing` check separately.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Claim
from ..resources import read_json

__all__ = ["subject_tokens", "content_tokens", "dice", "stem"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_STOP = frozenset("""
a about above according across after afterwards again against all almost along already also although
am among an and another any are around as at be became because been before being below between both
but by can could did do does doing down during each either else even ever every few for from further
had has have having he her here hers him his how however i if in into is it its itself just last least
less like made make many may me might more most much must my near nearly neither no nor not now of off
on once one only or other our out over own per perhaps rather same several she should since so some
still such than that the their them then there these they this those though through thus to too toward
towards under until up upon us very via was we were what when where whether which while who whom whose
why will with within without would yet you your said says say saying told tells tell according added
reported reports report stated statement claimed claims announced noted wrote writes posted confirmed
estimates estimated estimate believed believes official officials spokesperson spokesman spokeswoman
monday tuesday wednesday thursday friday saturday sunday week weeks month months year years day days
today yesterday january february march april may june july august september october november december
dozen dozens hundreds thousands tens scores least total number figure figures
""".split())

#: nouns that only say "people": the unit class already encodes them
_GENERIC_NOUNS = frozenset({"people", "person", "persons", "man", "men", "individuals", "individual"})


@lru_cache(maxsize=1)
def _concepts() -> dict[str, str]:
    raw = read_json("reconcile_concepts.json")
    return {w.lower(): concept for concept, words in raw.items() if not concept.startswith("_") for w in words}


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Concept (``resources/reconcile_concepts.json``) or a light, deterministic suffix-stripped form of a word."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    concept = _concepts().get(w)
    if concept:
        return concept
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    if len(w) > 5 and w[-1] == w[-2]:  # "swimm" -> "swim"
        w = w[:-1]
    return w


def content_tokens(text: str, skip: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """Stemmed content words of a text (function words, reporting verbs, numbers and generic
    nouns left out), without the stems in ``skip``."""
    out = set()
    for w in _WORD.findall(text or ""):
        lw = w.lower()
        if lw in _STOP or len(lw) < 3 or lw in _GENERIC_NOUNS:
            continue
        s = stem(lw)
        if s not in skip:
            out.add(s)
    return frozenset(out)


def subject_tokens(claim: Claim) -> frozenset[str]:
    """Stemmed content words describing what the claim counts or reports: its sentence and,
    for a figure, its unit and what it counts; the source's own name left out."""
    skip: set[str] = set()
    for name in (claim.source.name, claim.source.canonical, claim.source.affiliation):
        if name:
            skip.update(stem(w) for w in _WORD.findall(name))
    parts = [claim.text or ""]
    if claim.quantity is not None:
        parts.append(claim.quantity.counted or "")
        parts.append(claim.quantity.unit or "")
    return content_tokens(" ".join(parts), skip)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))
