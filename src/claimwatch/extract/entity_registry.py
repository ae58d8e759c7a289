"""The entity registry of one report: its people and organisations with their mentions, and the
look-ups over them (the entity at a character, the latest one of a kind, the person a name or a
surname is, what a definite description such as "the agency" or "the spokesman" refers back to,
the body that issued a document). :mod:`.entities` builds it from the parse.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ..model import SourceType
from .base import Entity, EntityMention, children_of, doc_text
from .roles import LEXICON as _LEX
from .roles import role_in
from .sources import canonical_name, strip_title

__all__ = ["EntityRegistry", "ORG_NOUNS", "PLACE_LABELS", "name_words", "acronym_of", "acronym_words"]

ORG_NOUNS = frozenset(_LEX["organisation_nouns"])
_GENERIC_ORG = frozenset(_LEX["generic_organisation_nouns"])
_ISSUER_PREPS = frozenset(p for p in _LEX["document_issuer_prepositions"] if " " not in p)
_NAME_STOP = {"the", "of", "for", "and", "in", "on", "to", "a", "an", "&"}
PLACE_LABELS = ("GPE", "LOC", "NORP")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in _NAME_STOP and w[0].isupper())


#: a group of people introduced by the report ("a group of 40 migrants"), which a later "the group" refers to
_GROUP_OF = re.compile(r"\bgroups?\s+of\b", re.IGNORECASE)


def acronym_of(acronym: str, name: str) -> bool:
    """"CBP" for "U.S. Customs and Border Protection", "IOM" for "International Organization for Migration"."""
    initials = _initials(name)
    return len(acronym) >= 2 and (acronym == initials or len(acronym) >= 3 and initials.endswith(acronym))


def name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][\w'-]*", name.lower().replace("’", "'")) if w not in _NAME_STOP}


class EntityRegistry:
    """The entities of one article and look-ups over their mentions."""

    def __init__(self, doc: Doc, sentences: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self._sent_starts = [s for s, _ in sentences]
        self._by_char: list[tuple[int, int, int]] = []      # (start, end, entity id), sorted
        self._surnames: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        #: token index of a role noun -> the person named right after it ("the Minister ... Vakhtang Homelauri")
        self.role_nouns: dict[int, int] = {}

    # ------------------------------------------------------------------ building
    def _sent(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def add_mention(self, ent: Entity, tok_lo: int, tok_hi: int, kind: str, head_i: int) -> EntityMention:
        doc = self.doc
        s, e = doc[tok_lo].idx, doc[tok_hi - 1].idx + len(doc[tok_hi - 1])
        mention = EntityMention(span=(s, e), text=doc_text(doc)[s:e], kind=kind, sent_i=self._sent(s), head_i=head_i)
        ent.mentions.append(mention)
        bisect.insort(self._by_char, (s, e, ent.id))
        return mention

    def new(self, kind: str, name: str, type_: SourceType, **extra) -> Entity:
        ent = Entity(id=len(self.entities), kind=kind, name=name, type=type_, **extra)
        self.entities.append(ent)
        return ent

    # ------------------------------------------------------------------ look-ups
    def entity(self, ent_id: int | None) -> Entity | None:
        return self.entities[ent_id] if ent_id is not None and 0 <= ent_id < len(self.entities) else None

    def at(self, char: int) -> Entity | None:
        """The entity with a mention covering character ``char``."""
        i = bisect.bisect_right(self._by_char, (char, 1 << 30, 1 << 30))
        for s, e, ent_id in reversed(self._by_char[max(0, i - 6):i]):
            if s <= char < e:
                return self.entities[ent_id]
        return None

    def in_span(self, start: int, end: int) -> Entity | None:
        """The entity of the longest mention inside [start, end)."""
        best = None
        for s, e, ent_id in self._by_char:
            if s >= end:
                break
            if s >= start and e <= end and (best is None or e - s > best[1] - best[0]):
                best = (s, e, ent_id)
        return self.entities[best[2]] if best else None

    def person(self, name: str | None) -> Entity | None:
        """The person named ``name`` (a full name, a surname, a titled name)."""
        if not name:
            return None
        _, bare = strip_title(canonical_name(name, person=True))
        for ent in self.entities:
            if ent.kind == "person" and ent.name == bare:
                return ent
        words = bare.split()
        ent_id = self._surnames.get(words[-1].lower().rstrip("'’s")) if words else None
        return self.entity(ent_id)

    def organisation_named(self, canonical: str) -> Entity | None:
        """The organisation registered under the canonical name ``canonical``, if any."""
        ent = self.entity(self._keys.get(canonical.lower()))
        return ent if ent is not None and ent.kind == "organisation" else None

    def latest(self, before: int, kind: str | None = None, *, within_sents: int | None = None,
               test=None) -> Entity | None:
        """The entity (of ``kind``) mentioned most recently before character ``before``."""
        i = bisect.bisect_left(self._by_char, (before, -1, -1))
        limit = self._sent(before) - within_sents if within_sents is not None else -1
        for s, _e, ent_id in reversed(self._by_char[:i]):
            if within_sents is not None and self._sent(s) < limit:
                return None
            ent = self.entities[ent_id]
            if (kind is None or ent.kind == kind) and (test is None or test(ent)):
                return ent
        return None

    def describes(self, tok: Token) -> Entity | None:
        """What a definite description headed by ``tok`` refers back to: "the agency", "the
        service", "the coast guard" (an organisation named before), "the spokesman" (a person
        with that role)."""
        phrase = _description_phrase(tok)
        if phrase is None:
            return None
        demonyms = _demonym_words(tok)
        words = name_words(phrase)
        role = role_in(phrase)
        if role is not None and tok.lemma_.lower() not in ORG_NOUNS:
            return self.latest(tok.idx, "person", test=lambda e: e.role is not None and role in e.role)
        if not words:
            return None
        found = self.latest(tok.idx, "organisation",
                            test=lambda e: words <= name_words(e.name) | acronym_words(e) | set(e.contexts)
                            or any(m.kind == "name" and words <= name_words(m.text) for m in e.mentions))
        generic = tok.lemma_.lower() in _GENERIC_ORG | {"authority", "authorities"}
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" and f"{c.lower_} {tok.lower_}" not in ORG_NOUNS for c in tok.lefts):
            generic = False     # "the provincial disaster office": a kind of office, not any office named before
        if found is None and tok.lemma_.lower() == "group" and words == {"group"} \
                and not _GROUP_OF.search(doc_text(tok.doc), 0, tok.idx):
            # "the group" after an NGO named before ("Myanmar Health Watch ... the group has documented");
            # not a group of people the report introduced ("a group of 40 migrants ... the group"), nor
            # another kind of body
            found = self.latest(tok.idx, "organisation", test=lambda e: e.type == "ngo")
        if found is None and generic and not demonyms:
            found = self.latest(tok.idx, "organisation", test=lambda e: e.type != "media")
        elif found is None and generic:
            # "the U.S. agency": an organisation of that country named before ("U.S. Customs and Border Protection")
            rest = words - name_words(tok.text)
            found = self.latest(tok.idx, "organisation", test=lambda e: e.type != "media" and rest <= name_words(e.name))
        return found

    def issuer(self, tok: Token) -> Entity | None:
        """The body that issued a document noun: "a CBP statement", "the ministry's data",
        "a press release from the U.S. agency", "surveys by the IOM" (not "an announcement
        shared with The Texas Tribune": that one received it)."""
        for child in children_of(tok):
            if child.dep_ in ("compound", "poss", "nmod", "amod") and child.i < tok.i:
                ent = self.at(child.idx) or (self.describes(child) if child.pos_ == "NOUN" else None)
                if ent is not None and ent.kind == "organisation":
                    return ent
            if child.i > tok.i and (child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS or child.dep_ == "agent"):
                obj = next((g for g in children_of(child) if g.dep_ == "pobj"), None)
                ent = (self.at(obj.idx) or self.describes(obj)) if obj is not None else None
                if ent is not None:
                    return ent
        return None

    def to_dict(self) -> list[dict]:
        return [e.to_dict() for e in self.entities]


def _description_phrase(tok: Token) -> str | None:
    """"the coast guard" / "the agency": the words of a definite description (no proper name in it)."""
    if tok.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                   for c in children_of(tok)):
        return None
    lo = min([c.i for c in children_of(tok) if c.dep_ in ("compound", "amod", "det") and c.i < tok.i] + [tok.i])
    toks = [t for t in tok.doc[lo:tok.i + 1] if t.dep_ != "det"]
    if any(t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS for t in toks):
        return None
    return " ".join(t.text for t in toks)


def _demonym_words(tok: Token) -> set[str]:
    return {c.lower_ for c in children_of(tok) if c.ent_type_ in PLACE_LABELS or c.dep_ == "poss" and c.pos_ == "PROPN"}


def acronym_words(ent: Entity) -> set[str]:
    return {m.text.lower() for m in ent.mentions if m.kind == "acronym"}
