"""How a report names its organisations beyond the tagger's entities: a capitalised name with an
organisation noun in apposition ("the Situation Room, a coalition of civil society groups"), the
nouns a later description refers back by ("the coalition", "the group"), and a one-word name
standing for the full name given before ("the Chamber" for "Trial Chamber IV of the International
Criminal Court").

Used by :mod:`claimwatch.extract.entities` (the registry) and the source resolution.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import SourceType
from .base import token_table
from .entity_registry import ORG_NOUNS
from .mentions import NAME_JOINERS
from .roles import role_in
from .sources import classify_source, source_strength

__all__ = ["apposed_names", "bracketed_names", "body_words", "fuller_name_type"]


#: nouns that say a body is an organisation when set in apposition to its name, beside the
#: organisation nouns ("the Situation Room, a coalition of civil society groups")
_BODY_NOUNS = ORG_NOUNS | {"coalition", "alliance", "federation", "association", "consortium", "union"}


def body_words(head: Token) -> list[str]:
    """The organisation nouns of the apposition to a name ("a coalition of 70 civil society
    groups" -> coalition, group): what a later "the coalition" / "the group" refers back by."""
    appos = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _BODY_NOUNS]
    return [t.lemma_.lower() for a in appos for t in a.subtree if t.pos_ == "NOUN" and t.lemma_.lower() in _BODY_NOUNS]


def apposed_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, int, str]]:
    """A capitalised name the tagger left untagged, with an organisation noun in apposition ("the
    Situation Room, a coalition of ... groups", "Kivu Watchers, a monitoring network"): the name of
    an organisation."""
    out: list[tuple[int, int, int, str]] = []
    tk = token_table(doc)
    for k, pos in enumerate(tk.pos):
        if pos != "PROPN" or k in taken or tk.ent_type[k] or tk.dep[k] == "compound" \
                or not tk.text[k][:1].isupper() or not body_words(tk.tokens[k]):
            continue
        tok = tk.tokens[k]
        lo = tok.i
        while lo > 0 and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i == tok.i \
                and doc[lo - 1].text[:1].isupper() and not doc[lo - 1].ent_type_:
            lo -= 1
        if not any(i in taken for i in range(lo, tok.i + 1)) and role_in(doc[lo].text) is None:
            out.append((lo, tok.i + 1, tok.i, "name"))
            taken.update(range(lo, tok.i + 1))
    return out


def bracketed_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, int, str]]:
    """A capitalised name the tagger left untagged, followed by its acronym in brackets, that the
    source lexicon types as an organisation ("Reporters Without Borders (RSF)"): the name of an
    organisation, whose acronym then stands for it (not for another body the acronym names)."""
    out: list[tuple[int, int, int, str]] = []
    text = token_table(doc).text
    for i in range(1, len(doc) - 2):
        if text[i] != "(" or text[i + 2] != ")" or not text[i + 1].isupper() or i - 1 in taken:
            continue
        lo = i
        while lo > 0 and (doc[lo - 1].text[:1].isupper() and doc[lo - 1].is_alpha
                          or doc[lo - 1].lower_ in NAME_JOINERS and lo < i) and lo - 1 not in taken:
            lo -= 1
        while lo < i and doc[lo].lower_ in NAME_JOINERS:
            lo += 1
        if i - lo >= 2 and source_strength(doc[lo:i].text) == 2:
            out.append((lo, i, i - 1, "name"))
            taken.update(range(lo, i))
    return out


def fuller_name_type(doc: Doc, lo: int, hi: int) -> SourceType | None:
    """A one-word name ("the Chamber", "the Board") that the report gave in full before ("Trial
    Chamber IV of the International Criminal Court", "the Immigration and Refugee Board of
    Canada"): the type of the full name, when its own word gives none."""
    word = doc[lo].text
    if hi - lo != 1 or not word[:1].isupper() or source_strength(word) == 2:
        return None
    for i in (i for i, text in enumerate(token_table(doc).text[:lo]) if text == word):
        head = doc[i]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        a, b = head.left_edge.i, head.right_edge.i + 1
        if b - a > 1 and b - a <= 12 and source_strength(doc[a:b].text) == 2:
            return classify_source(doc[a:b].text, ent_label="ORG")
    return None
