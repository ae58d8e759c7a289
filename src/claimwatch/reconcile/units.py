"""Unit compatibility: which counted nouns measure the same kind of thing.

"bodies", "men", "Ukrainians", "people" and "migrants" all count people;
"criminal organizations" and "smuggling groups" both count organisations;
"hryvnias" and "UAH" both count Ukrainian money. The table lives in
``resources/reconcile_units.json`` (loaded once). A noun that is not in the
table forms its own class (its lower-cased singular form), so two unknown
nouns are compatible only when they are the same word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_json

__all__ = ["unit_class", "units_compatible", "is_money", "PEOPLE_EVENTS", "load_unit_table"]

#: Event types whose counts are counts of people unless the text says otherwise.
PEOPLE_EVENTS = frozenset({
    "death", "missing", "injury", "detention", "border_crossing", "desertion", "draft_evasion",
    "deportation", "combat_casualties", "mobilization", "asylum",
})

_MODIFIERS = re.compile(
    r"^(?:more|other|further|additional|new|young|old|elderly|dead|missing|injured|wounded|"
    r"military-aged|military|conscription-age|fighting-age|draft-age|male|female|undocumented|"
    r"irregular|illegal|foreign|local|unarmed|armed|suspected|alleged)\s+",
)


def _classes() -> frozenset[str]:
    return frozenset(load_unit_table().values())


@lru_cache(maxsize=1)
def load_unit_table() -> dict[str, str]:
    """noun (lower case) -> class name."""
    raw = read_json("reconcile_units.json")
    table: dict[str, str] = {}
    for cls, nouns in raw.items():
        if cls.startswith("_"):
            continue
        for noun in nouns:
            table[noun.lower()] = cls
    return table


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


#: words that stand for an earlier noun ("37 others were rescued"): they say nothing of what is counted
_ANAPHORIC = frozenset({"other", "others", "more", "ones", "one", "those", "them", "these", "some", "many", "all",
                        "rest", "total", "each", "few", "several", "dozen", "dozens", "hundred", "hundreds",
                        "thousand", "thousands", "number", "figure"})


@lru_cache(maxsize=4096)
def _noun_class(unit: str) -> str | None:
    table = load_unit_table()
    text = " ".join(unit.lower().replace("’", "'").split()).strip(" .,:;\"'")
    if not text or text.split()[-1] in _ANAPHORIC:
        return None
    while True:
        if text in table:
            return table[text]
        stripped = _MODIFIERS.sub("", text)
        if stripped == text:
            break
        text = stripped
    words = text.split()
    # the head of an English noun phrase is its last word ("smuggling groups" -> "groups")
    for candidate in (" ".join(words[-2:]), words[-1]):
        if candidate in table:
            return table[candidate]
    head = words[-1]
    if _singular(head) in table:
        return table[_singular(head)]
    return _singular(head)


def unit_class(unit: str | None, event_type: str | None = None) -> str | None:
    """The class a counted noun belongs to ("bodies" -> "people").

    In a count of a people-event (deaths, detentions, crossings ...) a missing unit, or a head
    noun the table does not list ("traders", "pilgrims"), counts people; nouns the table puts
    in another class ("regions", "cases", "boats", money) keep it. Otherwise an unlisted noun is
    its own class and a missing unit is unknown (``None``).
    """
    if unit:
        cls = _noun_class(unit)
        if cls is not None and (cls in _classes() or event_type not in PEOPLE_EVENTS):
            return cls
    if event_type in PEOPLE_EVENTS:
        return "people"
    return None


def units_compatible(a: str | None, b: str | None, event_type: str | None = None) -> bool:
    """True when two counted nouns measure the same kind of thing."""
    ca, cb = unit_class(a, event_type), unit_class(b, event_type)
    if ca is None or cb is None:
        return ca is cb
    return ca == cb


def is_money(unit: str | None) -> bool:
    """True when a counted noun is an amount of money: its class is one of the table's money
    classes ("euros" -> ``money:EUR``, "hryvnias" -> ``money:UAH``)."""
    cls = _noun_class(unit) if unit else None
    return cls is not None and cls.startswith("money:")
