"""Shares of a stated total (SPEC §3): "half of them", "just over a fifth of the migrants",
"21% of those crossing", "84% of whom", "most of the 40".

A share is a count when the total it is a share of is stated: a figure inside its own "of"
phrase ("most of the 40"), else the count the "of" phrase refers back to — the nearest earlier
count of the same sentence ("248,901 migrants …, and 21% of those crossing"), the nearest
earlier count of the same noun ("a fifth of the migrants" → "248,901 migrants"), or, for a
pronoun or a bare definite noun ("84% of those who searched", "84 percent of the site visits"),
the nearest count of the two sentences before. Its bounds are the share of the total's bounds;
a qualifier written before the share ("just over a fifth", "nearly half") gives its own bounds
instead. "Most" / "the majority" is more than half: low = best = ⌊N/2⌋ + 1, high = N,
``approximately``. The share's claim takes the total's event type and carries it as
``quantity.part_of``.

Core: :func:`find_shares` (share phrases), :func:`share_bounds`; the linking step resolves
totals among the drafted counts (:mod:`.linking`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_text
from .base import Analysis, token_table
from .frames import frames
from .numbers import bounds_for, find_number_phrases, parse_number

__all__ = ["SharePhrase", "find_shares", "share_bounds", "sampled_by", "sampled_in_clause"]


@dataclass
class SharePhrase:
    span: tuple[int, int]           # "Just over a fifth", "half of whom", "21%"
    fraction: float | None          # None for "most"
    qualifier: str | None           # written before the share, else None (the total's holds)
    sent_i: int
    of_i: int                       # token index of "of"
    object_i: int | None            # the "of" phrase's head (pronoun or noun)
    explicit_total: float | None    # "most of the 40"


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str]]:
    raw = read_text("quantity_qualifiers.json")
    prefix = json.loads(raw)["prefix"]
    return sorted(prefix.items(), key=lambda kv: -len(kv[0]))


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    before = text[max(0, start - 30):start]
    for phrase, qual in _prefixes():
        m = re.search(rf"(?:^|\W)({re.escape(phrase)})\s+$", before, re.I)
        if m:
            return qual, start - (len(before) - m.start(1))
    return None, start


def _of_after(doc, tok: Token) -> Token | None:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt if nxt is not None and nxt.lower_ == "of" else None


def _object_of(of: Token) -> Token | None:
    return next((c for c in of.children if c.dep_ == "pobj"), None) or (
        of.doc[of.i + 1] if of.i + 1 < len(of.doc) and of.doc[of.i + 1].pos_ in ("PRON", "DET") else None)


def _explicit_total(obj: Token | None) -> float | None:
    if obj is None:
        return None
    for c in obj.children:
        if c.dep_ == "nummod":
            value = parse_number(c.text)
            if value is not None:
                return float(value)
    if obj.pos_ == "NUM":
        value = parse_number(obj.text)
        return float(value) if value is not None else None
    return None


def _fraction(doc, tok: Token) -> tuple[float | None, int] | None:
    """(fraction, start token index) of a fraction word with its numerator ("a fifth",
    "two-thirds", "one-fifth", "half"); None when ``tok`` is no share word."""
    shares = frames()["shares"]
    low = tok.lower_
    if low in ("most", "majority"):
        start = tok.i - 1 if low == "majority" and tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
        return None, start
    if low not in shares:
        return None
    value = float(shares[low])
    start = tok.i
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.text in ("-", "‐") and tok.i > 1:
        prev, start = doc[tok.i - 2], tok.i - 2
    if prev is not None and prev.lower_ in ("a", "an", "one"):
        start = prev.i
    elif prev is not None and prev.i != tok.i and (n := parse_number(prev.text)) is not None and 1 < n < 10:
        value, start = value * n, prev.i
    return value, start


def _definite(obj: Token | None) -> bool:
    """The "of" phrase points at a stated set: a pronoun ("of them", "of those crossing"), a
    determiner or possessive ("of the migrants", "of all migrants", "of their passengers") or a
    figure ("of the 40"). A bare plural ("half of migrants say") is a generic statement."""
    if obj is None:
        return False
    if obj.pos_ in ("PRON", "DET", "NUM"):
        return True
    return any(c.dep_ in ("det", "poss", "nummod", "predet") for c in obj.children)


def sampled_by(obj: Token | None) -> str | None:
    """The verb of a sample that a share's pronoun names ("half of those surveyed", "a third of
    those polled", "most of those asked"): the people a survey asks are a sample, a share of the
    surveyed, not of a population a sentence before stated ("employs 4,000 people")."""
    if obj is None or obj.pos_ not in ("PRON", "DET"):
        return None
    verbs = frames()["sets"]["sampling_verbs"]
    return next((c.lemma_.lower() for c in obj.children
                 if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs), None)


def sampled_in_clause(head: Token) -> bool:
    """A counted noun that is what a verb of sampling took ("surveyed 2,000 adults", "2,000
    people were polled"), or itself the sample ("2,000 respondents")."""
    verb = head.head
    for _ in range(3):
        if verb.lemma_.lower() in frames()["sets"]["sampling_verbs"]:
            return True
        if verb.head is verb:
            break
        verb = verb.head
    return head.lemma_.lower() in ("respondent", "sample", "interviewee", "participant")


def find_shares(analysis: Analysis) -> list[SharePhrase]:
    """Every share phrase of the article followed by an "of" phrase that points at a stated set."""
    doc, text = analysis.doc, analysis.text
    out: list[SharePhrase] = []
    table = token_table(doc)
    shares = frames()["shares"]
    for i, low in enumerate(table.lower):
        if low not in shares and low not in ("most", "majority"):
            continue
        tok = table.tokens[i]
        got = _fraction(doc, tok)
        if got is None:
            continue
        of = _of_after(doc, tok)
        if of is None:
            continue
        fraction, start_i = got
        start = doc[start_i].idx
        qualifier, qstart = _qualifier_before(text, start)
        obj = _object_of(of)
        if not _definite(obj):
            continue
        end = tok.idx + len(tok)
        if obj is not None and obj.pos_ in ("PRON", "DET") and obj.lower_ in frames()["sets"]["share_pronouns"]:
            end = obj.idx + len(obj)
        out.append(SharePhrase((qstart, end), fraction, qualifier, analysis.sent_index(start), of.i,
                               obj.i if obj is not None else None, _explicit_total(obj)))
    for ph in find_number_phrases(text):
        if ph.kind != "percent" or ph.value is None:
            continue
        m = re.match(r"\s+of\b", text[ph.span[1]:ph.span[1] + 6])
        chunk = doc.char_span(ph.span[1] + m.start() + 1, ph.span[1] + m.end(), alignment_mode="expand") if m else None
        if chunk is None or not len(chunk):
            continue
        of = chunk[0]
        obj = _object_of(of)
        if not _definite(obj):
            continue
        qualifier = ph.qualifier if ph.qualifier != "exact" else None
        end = ph.span[1]
        if obj is not None and obj.pos_ in ("PRON", "DET") and obj.lower_ in frames()["sets"]["share_pronouns"]:
            end = obj.idx + len(obj)
        out.append(SharePhrase((ph.span[0], end), float(ph.value) / 100.0, qualifier, analysis.sent_index(ph.span[0]),
                               of.i, obj.i if obj is not None else None, _explicit_total(obj)))
    out.sort(key=lambda s: s.span)
    return out


def _round(x: float | None) -> int | None:
    return None if x is None else int(math.floor(x + 0.5))


def share_bounds(share: SharePhrase, total: tuple[float | int | None, float | int | None, float | int | None],
                 total_qualifier: str) -> tuple[int | None, int | None, int | None, str]:
    """(low, best, high, qualifier) of a share of a total with bounds ``total``."""
    low, best, high = total
    if best is None:
        return None, None, None, "vague"
    if share.fraction is None:  # most / majority
        n = float(best)
        most = math.floor(n / 2) + 1
        return most, most, _round(n), "approximately"
    value = share.fraction * float(best)
    if share.qualifier is not None:
        lo, b, hi = bounds_for(value, share.qualifier)
        return _round(lo), _round(b), _round(hi), share.qualifier
    f = share.fraction
    return (_round(f * low) if low is not None else None, _round(value),
            _round(f * high) if high is not None else None, total_qualifier)
