"""The places stage's word lists and its candidate type: cue words (``resources/gazetteer/
place_cues.json``, loaded once), physical feature types, precisions, and :class:`Cand`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..resources import read_json
from .gazetteer import FEATURE_WORDS, Entry, Gazetteer, norm

__all__ = ["CUES", "ANAPHORS", "PHYSICAL", "PRECISION", "NAME_PARTICLES", "Cand", "names_a_border", "keys_for",
           "a_saints_building", "a_saints_possessive"]

_RAW = read_json("gazetteer", "place_cues.json")
#: cue word lists by name (``place_cues.json``)
CUES: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _RAW.items() if isinstance(v, list)}
#: generic place noun -> the feature types it may refer back to ("the river" -> a river)
ANAPHORS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _RAW["anaphors"].items()}

PHYSICAL = ("river", "lake", "mountain_range", "sea", "ocean", "gulf", "bay", "strait", "channel",
            "lagoon", "island", "peninsula", "desert", "plateau", "plain", "delta", "basin", "valley",
            "cape", "waterfall", "region")

#: lower-case words inside a place's name ("Ain al-Asad", "Bajo de la Cruz", "Mocímboa da Praia",
#: "Mato Grosso do Sul", "Castelnuovo di Porto")
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "de", "del", "la", "le", "du", "des", "di", "da", "do",
                            "dos", "das", "bin", "ibn", "-", "’", "'"})

#: feature -> precision of the resolved point
PRECISION = {"country": "country", "admin1": "admin1", "city": "city", "border": "border", "region": "region",
             "admin2": "admin2"}


#: the words of a saint's title
_SAINT = frozenset({"st", "saint", "ste", "sainte"})


def a_saints_possessive(doc, s: int, e: int) -> bool:
    """Whether tokens [s, e) are a saint's name in the possessive ("St Mary's", "St. John's")."""
    return doc[s].lower_.rstrip(".") in _SAINT and e < len(doc) and doc[e].lower_ in ("'s", "’s")


def a_saints_building(doc, s: int, e: int) -> bool:
    """Whether tokens [s, e) are a saint's name in the possessive before a building's name ("St.
    Mary's Hospital", "St Paul's Cathedral", "St John's Church"): the saint the building is named
    after, no place of that name; "St. John's, Newfoundland" and "St. Mary's County" stay places."""
    return doc[s].lower_.rstrip(".") in _SAINT and e + 1 < len(doc) and doc[e].lower_ in ("'s", "’s") \
        and doc[e + 1].text[:1].isupper() and doc[e + 1].lower_ not in FEATURE_WORDS


@dataclass
class Cand:
    start: int                  # char span
    end: int
    tok_start: int              # token range [tok_start, tok_end)
    tok_end: int
    key: str                    # normalised look-up key
    cue: tuple[str, ...] = ()   # feature types cued by a generic word ("river")
    label: str = ""             # spaCy label, "" for gazetteer scan
    entry: Entry | None = None  # pre-resolved (borders, anaphora)
    parts: tuple = ()           # a border's two sides: ((start, end, iso2), ...)
    kind: str = "name"          # name | embedded | demonym | anaphor (PlaceMention.kind)


def names_a_border(text: str) -> bool:
    """Whether ``text`` has a border word in lower case, which every border pattern needs (a
    cheap test that spares the patterns' scans of most articles)."""
    return "border" in text or "frontier" in text or "boundary" in text


def _strip_feature_word(words: list[str]) -> tuple[list[str], tuple[str, ...]]:
    if len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
        return words[:-1], FEATURE_WORDS[words[-1].lower()]
    if len(words) > 1 and words[0].lower() in ("river", "lake", "mount", "gulf", "sea", "strait"):
        w = words[0].lower()
        return words[1:], FEATURE_WORDS.get(w, ("mountain_range",) if w == "mount" else ())
    return words, ()


#: a name written with a short capitalised prefix joined to it ("DeSoto", "LaSalle", "DuPage")
_JOINED_PREFIX = re.compile(r"^([A-Z][a-z]{1,2})([A-Z][a-z]+)$")


def keys_for(gaz: Gazetteer, words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Look-up keys to try for a word sequence, best first: full name, then without the feature word;
    a name with a joined prefix that the gazetteer lacks also as two words ("DeSoto Parish" is the
    gazetteer's "De Soto Parish")."""
    out: list[tuple[str, tuple[str, ...]]] = [(norm(" ".join(words)), ())]
    # the cheap test on the words first: keys_for runs for every span a place name may take
    if len(words) > 1 and any(_JOINED_PREFIX.match(w) for w in words) and not gaz.has(out[0][0]):
        split = [w for word in words for w in (_JOINED_PREFIX.sub(r"\1 \2", word).split())]
        if gaz.has(norm(" ".join(split))):
            words = split
            out = [(norm(" ".join(words)), ())]
    core, cue = _strip_feature_word(words)
    if cue:
        out[0] = (out[0][0], cue)
        out.append((norm(" ".join(core)), cue))
    return out
