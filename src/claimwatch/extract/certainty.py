"""Certainty, polarity and hearsay of every verbal predicate (SPEC §5, FactBank/MEANTIME style).

Each predicate gets its *local* cues — modal auxiliaries ("may", "could"), epistemic adverbs
("probably", "possibly"), hearsay adverbs ("reportedly"), negation ("not", "never", a "no"
subject or object), read by :mod:`.certainty_cues` — and then inherits from the predicates that govern it in the dependency
tree: a source-introducing verb colours its complement ("X speculated that officials may have
approved" → possible; "believes that" → probable; "plans to" → underspecified; "denied that" /
"failed to" → negative), and a predicate's own modal, negation and hearsay cues reach the
words inside its clause. Relative clauses and appositions are presupposed, so they stop the
walk. Conditionals ("if", "unless", "would" in the consequent) and questions are
underspecified. The cue lexicon is ``resources/certainty_cues.json``. This module walks the
tree, finds the questions and decides a claim's modality: what the predicate governing the claim's
word does to that word (:func:`modality_for`: "feared *dead*", "called for an *investigation*").

Core: :func:`find_modalities`; lookup: :func:`modality_for`; step: :data:`STAGE`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Iterator, Sequence, overload

from spacy.tokens import Token

from ..model import Certainty, is_certainty
from .base import Analysis, Modality, Stage, children_of
from .certainty_cues import (
    CERTAINTY_RANK,
    LocalCues,
    complement_effect,
    contrast_conj,
    contrast_effect,
    cues,
    local_cues,
    suspected_of,
)

__all__ = ["find_modalities", "Modalities", "modality_for", "governing_predicate", "is_predicate", "CERTAINTY_RANK", "STAGE"]

_BY_RANK: dict[int, Certainty] = {v: k for k, v in CERTAINTY_RANK.items() if is_certainty(k)}

#: dependency relations that introduce a clausal complement of their head
_COMPLEMENT = frozenset({"ccomp", "xcomp", "csubj", "csubjpass", "oprd"})
#: relations whose dependent is presupposed / independent of its head's modality
_BLOCK = frozenset({"relcl", "appos", "parataxis", "acl"})


def is_predicate(tok: Token) -> bool:
    """A verbal predicate: a verb, or an auxiliary that heads its clause (copula)."""
    if tok.pos_ == "VERB":
        return tok.dep_ not in ("aux", "auxpass")
    if tok.pos_ == "AUX":
        return tok.dep_ not in ("aux", "auxpass", "neg")
    return False


@dataclass
class _Reading:
    """What a predicate's climb through its governors has gathered so far."""

    rank: int
    negations: int
    hearsay: bool
    cues: list[str]

    def inherit(self, governor: LocalCues) -> None:
        """A governor's modals, negations, hearsay and cues reach the predicate."""
        self.rank = max(self.rank, governor.modal_rank)
        self.negations += governor.negations
        self.hearsay = self.hearsay or governor.hearsay
        self.cues.extend(governor.cues)


def _cached_local(cache: dict[int, LocalCues], t: Token) -> LocalCues:
    found_local = cache.get(t.i)
    if found_local is None:
        found_local = cache[t.i] = local_cues(t)
    return found_local


def _through_complement(reading: _Reading, gov: Token, rel: str, g_local: LocalCues, through_advcl: bool) -> None:
    """A predicate that is the complement of ``gov`` ("said that ...", "tried to ...")."""
    r, n, cue = complement_effect(gov, rel, denial=not through_advcl)
    reading.rank = max(reading.rank, r, g_local.modal_rank)
    if cue:
        reading.cues.append(cue)
    reading.negations += n
    if g_local.negations:
        if rel == "xcomp" or n:  # "did not try to", "never denied that" (negations cancel)
            reading.negations += g_local.negations
        elif gov.lemma_.lower() in cues()["complement_verbs"] and cues()["complement_verbs"][gov.lemma_.lower()] == "probable":
            reading.negations += g_local.negations  # neg-raising: "does not believe that" = believes that not
        else:
            reading.rank = max(reading.rank, CERTAINTY_RANK["underspecified"])
    reading.hearsay = reading.hearsay or g_local.hearsay
    reading.cues.extend(g_local.cues)


def _through_other(reading: _Reading, gov: Token, cur: Token, rel: str, g_local: LocalCues) -> None:
    """A predicate attached to ``gov`` by another relation (a suspicion, a verb or adjective above it)."""
    suspicion = suspected_of(gov, cur)
    if suspicion is not None:  # "they are suspected of membership of a smuggling gang"
        reading.rank = max(reading.rank, CERTAINTY_RANK[suspicion])
        reading.cues.append(gov.text)
    if gov.pos_ in ("VERB", "AUX") or gov.pos_ == "ADJ":
        reading.inherit(g_local)
        if gov.pos_ == "ADJ":
            r, n, _cue = complement_effect(gov, rel)
            reading.rank, reading.negations = max(reading.rank, r), reading.negations + n


def _climb(reading: _Reading, tok: Token, sent_span: tuple[int, int], cache: dict[int, LocalCues]) -> None:
    """Walk from the predicate up its governors within the sentence, gathering what reaches it."""
    cur = tok
    s0, s1 = sent_span
    through_advcl = False
    while cur.head.i != cur.i:
        gov, rel = cur.head, cur.dep_
        if not (s0 <= gov.idx < s1):
            break
        if rel in _BLOCK:
            if rel == "acl" and gov.lemma_.lower() in cues()["plan_nouns"] and cur.pos_ in ("VERB", "AUX"):
                reading.rank = max(reading.rank, CERTAINTY_RANK["underspecified"])
                reading.cues.append(gov.text)
                cur = gov
                continue
            break
        g_local = _cached_local(cache, gov)
        if rel in _COMPLEMENT:
            _through_complement(reading, gov, rel, g_local, through_advcl)
        elif rel == "advcl":
            through_advcl = True  # an adverbial clause keeps its own modality; only higher complement-takers reach it
        elif rel == "conj":
            reading.rank = max(reading.rank, g_local.modal_rank)
            reading.hearsay = reading.hearsay or g_local.hearsay
        else:
            _through_other(reading, gov, cur, rel, g_local)
        cur = gov


def _modality(tok: Token, sent_span: tuple[int, int], question: bool, cache: dict[int, LocalCues] | None = None) -> Modality:
    cache = {} if cache is None else cache
    local = _cached_local(cache, tok)
    reading = _Reading(local.rank, local.negations, local.hearsay, list(local.cues))
    if tok.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in cues()["conditional_marks"] for g in children_of(tok)):
        reading.rank = max(reading.rank, CERTAINTY_RANK["underspecified"])
    _climb(reading, tok, sent_span, cache)
    if question:
        reading.rank = max(reading.rank, CERTAINTY_RANK["underspecified"])
        reading.cues.append("?")
    seen: list[str] = []
    for cue in reading.cues:
        if cue not in seen:
            seen.append(cue)
    return Modality(
        sent_i=0,
        head_i=tok.i,
        certainty=_BY_RANK[reading.rank],
        polarity="negative" if reading.negations % 2 else "positive",
        cues=seen,
        hearsay=reading.hearsay,
    )


_WH_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})
#: punctuation after which a new clause (and so an interrogative one) can begin
_CLAUSE_OPENERS = frozenset({",", ":", ";", "—", "–", "-", "(", '"', "“", "‘", "'"})


def _question_start(analysis: Analysis, sent_i: int) -> int | None:
    """Where the question of a sentence ending in "?" begins (a character offset), or None when
    the sentence is no question. The question is the clause opened by a wh-word after a clause
    break, the first one: "it has increased to about 10 thousand, and there are not 250 thousand,
    who is telling you this?" asks only its last clause, its figures are asserted; a sentence
    with no such clause ("Did 20 people die?", "So 20 people died?") is a question whole."""
    s, e = analysis.sentences[sent_i]
    if not analysis.text[s:e].rstrip("\"'”’ )").endswith("?"):
        return None
    tokens = analysis.doc.char_span(s, e, alignment_mode="expand")
    if tokens is None or _opens_as_question(tokens):
        return s
    for k, tok in enumerate(tokens):
        if k > 0 and tok.tag_ in _WH_TAGS and _opens_clause(tokens, k):
            return tok.idx
    return s


def _opens_as_question(tokens: Any) -> bool:
    """The sentence is asked from its first word: a wh-word ("Where did ...") or an auxiliary
    before its subject ("Were the 20 people, who died in the blast, all migrants?")."""
    first = next((t for t in tokens if not t.is_punct), None)
    if first is None:
        return False
    if first.tag_ in _WH_TAGS:
        return True
    verb = first if first.dep_ == "ROOT" else first.head
    return first.pos_ == "AUX" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > first.i for c in children_of(verb))


def _opens_clause(tokens: Any, k: int) -> bool:
    """Token ``k`` begins a clause: it follows a clause break (", who"), or a coordinator after
    one (", but who")."""
    before = tokens[k - 1]
    if before.text in _CLAUSE_OPENERS:
        return True
    return before.tag_ == "CC" and k > 1 and tokens[k - 2].text in _CLAUSE_OPENERS


class Modalities(Sequence[Modality]):
    """The modality of every verbal predicate of an article, in text order, each worked out when
    first needed: claims ask for the predicates of their own sentences (:func:`modality_for`);
    only a reader of the whole sequence (the public layers, the evaluation) has every one computed."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self._locals: dict[int, LocalCues] = {}      # each token's own cues, shared by the walks up the tree
        self._found: dict[tuple[int, int], Modality] = {}     # by (predicate, sentence read in)
        self._starts = [s for s, _ in analysis.sentences]
        self._every: list[Modality] | None = None

    def of(self, pred: Token, sent_i: int) -> Modality:
        """The modality of predicate ``pred``, read in its own sentence when it is a verbal
        predicate (one of the sequence), else in sentence ``sent_i``."""
        analysis = self._analysis
        if pred.pos_ in ("VERB", "AUX"):
            sent_i = self._sentence_of(pred.idx, sent_i)
        found = self._found.get((pred.i, sent_i))
        if found is None:
            question_start = _question_start(analysis, sent_i)
            question = question_start is not None and pred.idx >= question_start
            found = _modality(pred, analysis.sentences[sent_i], question, self._locals)
            found.sent_i = sent_i
            self._found[pred.i, sent_i] = found
        return found

    def _sentence_of(self, char: int, default: int) -> int:
        sentences = self._analysis.sentences
        k = bisect.bisect_right(self._starts, char) - 1
        return k if k >= 0 and sentences[k][0] <= char < sentences[k][1] else default

    def _all(self) -> list[Modality]:
        if self._every is None:
            self._every = [self.of(tok, sent_i) for sent_i, tok in _verbal_predicates(self._analysis)]
        return self._every

    @overload
    def __getitem__(self, i: int) -> Modality: ...
    @overload
    def __getitem__(self, i: slice) -> list[Modality]: ...

    def __getitem__(self, i: int | slice) -> Modality | list[Modality]:
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())


def _verbal_predicates(analysis: Analysis) -> Iterator[tuple[int, Token]]:
    """(sentence index, token) of every verbal predicate, in text order."""
    doc = analysis.doc
    for sent_i, (s, e) in enumerate(analysis.sentences):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.pos_ in ("VERB", "AUX") and is_predicate(tok):
                yield sent_i, tok


def find_modalities(analysis: Analysis) -> Modalities:
    """One :class:`Modality` per verbal predicate of the article, in text order (each computed
    when first read)."""
    return Modalities(analysis)


def governing_predicate(analysis: Analysis, sent_i: int, head_i: int) -> Token | None:
    """The predicate governing token ``head_i`` (the token itself when it is one), within its sentence."""
    doc = analysis.doc
    if not (0 <= head_i < len(doc)):
        return None
    s, e = analysis.sentences[sent_i] if 0 <= sent_i < len(analysis.sentences) else (0, len(analysis.text))
    tok = doc[head_i]
    while True:
        if is_predicate(tok):
            return tok
        if tok.head.i == tok.i or not (s <= tok.head.idx < e):
            return None
        tok = tok.head


def modality_for(analysis: Analysis, sent_i: int, head_i: int) -> Modality | None:
    """The :class:`Modality` of the predicate governing token ``head_i`` (None in a verbless fragment)."""
    pred = governing_predicate(analysis, sent_i, head_i)
    if pred is None:
        return None
    mods = analysis.modalities
    if isinstance(mods, Modalities):
        found = mods.of(pred, sent_i)
    else:       # an Analysis assembled by hand, without the certainty stage's sequence
        found = next((m for m in mods if m.head_i == pred.i), None) or Modalities(analysis).of(pred, sent_i)
    return _argument_effect(analysis.doc[head_i], pred, found)


def _argument_effect(head: Token, pred: Token, m: Modality) -> Modality:
    """What the predicate does to the word looked up, beyond its own modality: a complement
    ("feared *dead*"), a noun object of a plan/appeal verb ("called for an *investigation*"),
    or any argument of a passive epistemic frame ("12 people are *believed* to have died")."""
    c = cues()
    child = head
    while child.i != pred.i and child.head.i != pred.i and child.head.i != child.i:
        child = child.head
    rank, neg, cue = 0, 0, None
    lemma = pred.lemma_.lower()
    passive_frame = (
        pred.tag_ == "VBN" and any(ch.dep_ == "auxpass" for ch in children_of(pred))
        and c["complement_verbs"].get(lemma) and any(ch.dep_ in ("xcomp", "oprd", "acomp", "ccomp") for ch in children_of(pred))
    )
    if child.i != pred.i and child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and not is_predicate(child):
        rank, neg, cue = complement_effect(pred, "xcomp" if child.dep_ != "ccomp" else "ccomp")
    elif child.i != pred.i and lemma in c["object_plan_verbs"] and (
        (child.dep_ == "dobj" and head.i == child.i)
        or (child.dep_ == "prep" and child.lower_ in ("for", "on") and head.head.i == child.i)
    ):
        rank, cue = CERTAINTY_RANK["underspecified"], pred.text
    elif passive_frame and head.i != pred.i:
        rank, neg, cue = complement_effect(pred, "xcomp")
    elif child.i != pred.i and (suspicion := suspected_of(pred, child)) is not None:  # "suspected of membership of a gang"
        rank, cue = CERTAINTY_RANK[suspicion], pred.text
    neg += _negated_figure(head, pred) + contrast_effect(head, pred)
    if not rank and not neg:
        return m
    new_rank = max(CERTAINTY_RANK[m.certainty], rank)
    polarity = m.polarity if neg % 2 == 0 else ("positive" if m.polarity == "negative" else "negative")
    return Modality(sent_i=m.sent_i, head_i=m.head_i, certainty=_BY_RANK[new_rank], polarity=polarity,
                    cues=m.cues + ([cue] if cue and cue not in m.cues else []), hearsay=m.hearsay)


def _negated_figure(head: Token, pred: Token) -> int:
    """1 when the figure itself is negated, not its predicate: "the number was 78 and not 79",
    "78 bodies have been recovered, and not 79 as reported" (a ``neg`` on the number or on its
    noun, between the word looked up and the predicate)."""
    tok, from_conjunct = head, False
    while tok.i != pred.i:
        # "carrying not grain but 41 men": the "not" on grain does not reach its conjunct
        if tok.pos_ in ("NUM", "NOUN", "PROPN") and any(ch.dep_ == "neg" for ch in children_of(tok)) and not from_conjunct:
            return 1
        if tok.head.i == tok.i:
            break
        from_conjunct = tok.dep_ == "conj" and contrast_conj(tok.head, -1) is not None
        tok = tok.head
    return 0


STAGE = Stage("certainty", ("doc",), ("modalities",), find_modalities)
