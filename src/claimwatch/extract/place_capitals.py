"""Words in capitals that may not be places: a headline's or kicker's capitals ("DERBY SHOCK:", "MOBILE
PHONE SALES SLUMP") do not mark a name, so a place candidate there stays a place only if something makes it
one (used by :mod:`.place_candidates`)."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .place_lexicon import CUES, Cand

__all__ = ["in_capitals_run", "doubtful_capitals"]

_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z.'’-]*)")


def in_capitals_run(text: str, c: Cand) -> bool:
    """Whether a candidate is written in capitals next to another word in capitals ("DERBY SHOCK:
    ...", "MOBILE PHONE SALES SLUMP"): there its capitals do not mark a name."""
    if not text[c.start:c.end].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
    after = _WORD_AFTER.match(text, c.end)
    if before is not None and before.group(1).endswith("."):
        before = None   # the end of a sentence ("... with the UNHCR. BEIRUT: ...")
    return any(m is not None and m.group(1).isupper() and len(m.group(1).strip(".")) >= 2 for m in (before, after))


def doubtful_capitals(text: str, cands: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """A headline's or kicker's words in capitals that nothing there makes a place: no place
    preposition precedes them ("FLOODS IN KERALA") and they are no country's name ("UKRAINE WAR:").
    They stay places only if the report names them as places elsewhere ("DERBY SHOCK" over a report
    from Derby); "BATH TIME:", "MOBILE PHONE SALES SLUMP" are no places."""
    out = []
    for c in cands:
        if not in_capitals_run(text, c) or gaz.country_code(text[c.start:c.end]):
            continue
        prev = _PREV_WORD.search(text, max(0, c.start - 20), c.start)
        if not (prev and prev.group(1).lower() in CUES["place_before"]):
            out.append(c)
    return out
