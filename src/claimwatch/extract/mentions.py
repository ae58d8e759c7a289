"""Source mentions in the parse: token ranges and character spans of the mention heading a
reporting verb, its full noun phrase, and the name after a generic descriptor
("the charity Save the Children"). Used by the attribution stage."""

from __future__ import annotations

import bisect
import json
from importlib import resources

from spacy.tokens import Doc, Token

__all__ = ["DESCRIPTORS", "NAME_JOINERS", "sentence_tokens", "trim_span", "entity_end", "mention_bounds", "descriptor_name", "noun_phrase"]

_CUES = json.loads(resources.files("claimwatch.resources").joinpath("attribution_cues.json").read_text("utf-8"))
#: generic heads a name may follow ("the charity Save the Children")
DESCRIPTORS = frozenset(_CUES["name_descriptors"])
#: small words allowed inside a multi-word name
NAME_JOINERS = {"the", "of", "for", "and", "&", "de", "du", "la", "-", "on", "without", "in"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "june", "july", "august", "september", "october", "november",
              "december", "on", "in", "at", "as", "but", "and", "which", "who", "that", "said", "says"}


def sentence_tokens(doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [t.idx for t in doc]
    out = []
    for s, e in sentences:
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        out.append((lo, hi))
    return out


def trim_span(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Char span of tokens [lo, hi) without outer punctuation; None if empty."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("mark", "cc")
                       and doc[lo].lower_ in ("that", "and", "but", "whether", "if")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi <= lo:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def entity_end(tok: Token) -> int:
    """Index after the entity holding ``tok`` (or after ``tok``)."""
    if tok.ent_iob_ == "O":
        return tok.i + 1
    j = tok.i + 1
    doc = tok.doc
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range of the head mention: left modifiers, the head, its entity and conjuncts."""
    doc = head.doc
    lo = head.left_edge.i
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ == "cc" or doc[lo].tag_ in ("``", "''")):
        lo += 1
    hi = entity_end(head)
    proper = head.text[:1].isupper() and head.ent_type_ != "PERSON" and head.pos_ in ("PROPN", "NOUN")
    for child in head.rights:
        if proper and child.dep_ == "prep" and child.i == hi and child.lower_ in ("of", "for", "without", "on"):
            rest = [t for t in child.subtree if t.i > child.i]
            if rest and all(t.text[:1].isupper() or t.lower_ in ("the", "and", "of", "for") for t in rest):
                hi = rest[-1].i + 1
                continue
        if child.dep_ in ("compound", "flat", "nummod") and child.i == hi:
            hi = child.i + 1
        elif child.dep_ == "conj" or (child.dep_ == "cc" and any(c.dep_ == "conj" for c in head.rights)):
            hi = max(hi, entity_end(child) if child.dep_ == "conj" else child.i + 1)
    return lo, hi


def descriptor_name(head: Token, hi: int) -> tuple[int, int] | None:
    """The name after a generic descriptor ("the charity Save the Children", "the independent
    outlet Mediazona", "the group, We Are Monitoring,"): token range of the name, or None."""
    if head.pos_ != "NOUN" or not head.text.islower() or head.lemma_.lower() not in DESCRIPTORS:
        return None
    doc = head.doc
    j = hi
    if j < len(doc) and doc[j].text == "," and j + 1 < len(doc):
        j += 1
    k = j
    while k < len(doc) and k - j < 7:
        t = doc[k]
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.lower_ in _NOT_NAMES and not (t.lower_ in NAME_JOINERS and k > j):
            break
        if t.text[:1].isupper() or t.text.isupper():
            k += 1
        elif t.lower_ in NAME_JOINERS and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() \
                and doc[k + 1].lower_ not in _NOT_NAMES:
            k += 1
        else:
            break
    if k == j or doc[k - 1].lower_ in NAME_JOINERS:
        return None
    if k < len(doc) and (doc[k].text[:1].isalnum() and doc[k].pos_ in ("NOUN", "PROPN")):
        return None  # "the group Vostok member ...": not a clean name
    return j, k


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of the head's noun phrase with its restrictive modifiers (no relative clause, no apposition)."""
    lo, hi = mention_bounds(head)
    for child in head.rights:
        if child.i < hi:
            continue
        if child.dep_ in ("acl", "prep", "amod", "compound", "nmod") and not child.is_punct:
            hi = max(hi, child.right_edge.i + 1)
        else:
            break
    doc = head.doc
    for j in range(head.i, hi):
        if doc[j].text == "," or doc[j].dep_ in ("relcl", "appos"):
            hi = max(head.i + 1, j)
            break
    return lo, min(hi, lo + 14)
