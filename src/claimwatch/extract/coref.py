"""Light coreference for attribution: people named in an article, and what a source mention refers to.

Built once per article from spaCy's PERSON entities: each full name ("Andrii Demchenko")
collects its surname key, the titles and appositions seen with any of its mentions
("Col.", "who is an adviser to the head of Ukraine's State Border Service") and the
organisation it is affiliated with. :meth:`People.resolve_name` maps "Demchenko" /
"Col. Demchenko" to the full name; :meth:`People.latest_before` finds the most recent
person mentioned before an offset (for "he" / "she").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .sources import TITLES as _TITLE_WORDS
from .sources import canonical_name, is_organisation, strip_title

__all__ = ["Person", "People", "PRONOUNS_PERSON", "PRONOUNS_GROUP", "affiliation_span"]

PRONOUNS_PERSON = {"he", "she", "i", "him", "her"}
PRONOUNS_GROUP = {"it", "they", "we", "them", "who", "which", "that"}

_ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
_APPOS_DEPS = {"appos", "relcl", "acl"}


@dataclass
class Person:
    name: str                                   # canonical full name, titles stripped
    contexts: list[str] = field(default_factory=list)   # titles, appositions
    affiliation: str | None = None


def _org_phrase(tok: Token) -> tuple[int, int] | None:
    """Char span of the organisation phrase headed by ``tok`` with its possessor ("Ukraine's State Border Service")."""
    left = tok.left_edge
    while left.i < tok.i and left.dep_ in ("det", "punct"):
        left = left.doc[left.i + 1]
    end = tok.i
    if tok.ent_iob_ != "O":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            end = max(end, ent.end - 1)
    return left.idx, tok.doc[end].idx + len(tok.doc[end])


def affiliation_span(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """The last organisation named among ``tokens`` (an apposition / relative clause / title)."""
    best = None
    for t in tokens:
        if t.ent_type_ == "ORG" and (t.dep_ != "compound" or t.head.ent_type_ != "ORG"):
            best = t
    if best is None:
        return None
    span = _org_phrase(best)
    if span is None or not is_organisation(doc.text[span[0]:span[1]]) and len(doc.text[span[0]:span[1]].split()) < 2:
        return None
    return span


class People:
    """The people of one article (from its PERSON entities), in order of mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        text = doc.text
        self.persons: dict[str, Person] = {}
        self._surnames: dict[str, str] = {}
        self._starts: list[int] = []
        self._names: list[str] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start = ent.start
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ in ("", "PERSON") \
                    and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i in range(start, ent.end) \
                    and doc[start - 1].text.lower().strip(".") not in _TITLE_WORDS:
                start -= 1
            if start != ent.start:
                ent = Span(doc, start, ent.end, label="PERSON")
            _, bare = strip_title(ent.text)
            bare = canonical_name(bare, person=True)
            words = bare.split()
            if not words:
                continue
            key = words[-1].lower().rstrip("'’s")
            full = self._surnames.get(key) if len(words) == 1 else None
            if full is None:
                full = bare
                if len(words) > 1:
                    self._surnames[key] = bare
            person = self.persons.setdefault(full, Person(full))
            self._collect_context(ent, person, text)
            self._starts.append(ent.start_char)
            self._names.append(full)

    def _collect_context(self, ent: Span, person: Person, text: str) -> None:
        root = ent.root
        toks: list[Token] = []
        left = [t for t in root.lefts if t.i < ent.start]
        for t in left:
            toks.extend(t.subtree)
        for child in root.rights:
            if child.dep_ in _APPOS_DEPS and child.i >= ent.end:
                toks.extend(child.subtree)
        if not toks:
            return
        ctx = text[toks[0].idx: toks[-1].idx + len(toks[-1])] if toks else ""
        if ctx and ctx not in person.contexts:
            person.contexts.append(ctx)
        if person.affiliation is None:
            span = affiliation_span(self.doc, toks)
            if span is not None:
                person.affiliation = canonical_name(text[span[0]:span[1]], context=text)

    def resolve_name(self, name: str) -> str | None:
        """"Col. Demchenko" / "Demchenko" → "Andrii Demchenko" when that person is known."""
        _, bare = strip_title(canonical_name(name, person=True))
        if bare in self.persons:
            return bare
        words = bare.split()
        if not words:
            return None
        return self._surnames.get(words[-1].lower())

    def person(self, name: str | None) -> Person | None:
        return self.persons.get(name) if name else None

    def latest_before(self, char: int) -> str | None:
        """The person most recently mentioned before offset ``char``."""
        i = bisect.bisect_left(self._starts, char)
        return self._names[i - 1] if i > 0 else None
