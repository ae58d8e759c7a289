"""Person roles ("spokesman", "press officer", "minister"): the role lexicon of
``resources/entity_roles.json`` and where a role is written with a person's name — the phrase
a name is in apposition to, however the parser attached the name.

Used by :mod:`.entities` (a person's role and affiliation) and the attribution stages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from ..resources import read_json

__all__ = ["LEXICON", "ROLES", "role_in", "opening_role", "apposed_conjunct", "role_before"]

#: the entity lexicon (roles, organisation and document nouns)
LEXICON: dict[str, Any] = read_json("entity_roles.json")
#: nouns that name a person by function, longest first
ROLES: tuple[str, ...] = tuple(sorted(LEXICON["person_roles"], key=len, reverse=True))
_ROLE_RX = re.compile(r"(?<![\w-])(" + "|".join(re.escape(r) for r in ROLES) + r")(?:s|es)?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8192)
def role_in(text: str) -> str | None:
    """The longest person role named in ``text`` ("IOM press officer" → "press officer")."""
    best = None
    for m in _ROLE_RX.finditer(text):
        word = m.group(1).lower()
        if best is None or len(word) > len(best):
            best = word
    return best


def opening_role(text: str) -> str | None:
    """The role a name opens with, when words follow it ("Councillor Tom Hart", "Member of
    Parliament for Eastfield North Dorian Webb" → "councillor", "member of parliament"); None for
    a name with no role first ("the Office of the President") or a bare role ("Councillor")."""
    m = _ROLE_RX.match(text)
    return m.group(1).lower() if m is not None and text[m.end():].strip() else None


def apposed_conjunct(root: Token, role_head: Token) -> bool:
    """A name the parse made a conjunct that is an apposition to a role: "the spokesman for the
    Service, Andriy Demchenko" (no "and"/"or" before it, a role noun above), not "the police and
    John Smith"."""
    if role_in(role_head.text) is None:
        return False
    return not any(t.dep_ == "cc" for t in root.doc[root.head.i:root.i])


def role_before(ent: Span) -> Token | None:
    """The role noun of a phrase written just before the name, set off by commas, however the
    parser attached the name: "stated by the head of the regional police, Anna Kovalenko, ..."."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "," or ent.end >= len(doc) or doc[ent.end].text not in (",", ".", ";"):
        return None
    tok = doc[ent.start - 2]
    while role_in(tok.text) is None and tok.head.i < tok.i and tok.dep_ in ("pobj", "prep", "compound", "amod", "poss"):
        tok = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or role_in(tok.text) is None or tok.right_edge.i != ent.start - 2:
        return None
    return tok
