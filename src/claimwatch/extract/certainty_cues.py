"""What a predicate's own words and the words governing it say of its certainty and polarity
(SPEC §5): the cue lexicon (``resources/certainty_cues.json``), read once, and the per-token
readings the certainty stage (:mod:`.certainty`) combines up the dependency tree.

* :func:`local_cues` — a predicate's own dependents: modal auxiliaries ("may", "could"),
  epistemic adverbs ("probably"), hearsay adverbs ("reportedly"), negation ("not", "never", a
  "no" subject or object), "in our opinion", conditional marks, "going to", a passive hearsay
  predicate ("is rumoured to");
* :func:`complement_effect` — what a complement-taking verb or adjective does to its complement
  ("speculated that" → possible, "believes that" → probable, "denied that" → negative);
* :func:`suspected_of` — "suspected of smuggling": the verb's certainty for its "of" phrase;
* :func:`contrast_of` — the "not A but B" contrast, where the negation falls on one argument.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..resources import read_text
from .base import children_of

__all__ = ["cues", "CERTAINTY_RANK", "LocalCues", "local_cues", "complement_effect", "suspected_of", "Contrast",
           "contrast_of", "contrast_conj", "contrast_effect"]

CERTAINTY_RANK = {"certain": 0, "probable": 1, "possible": 2, "underspecified": 3}
_SUBJ_OBJ = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "dative"})
#: words that open the second half of a "not A but B" contrast
_CONTRAST_CC = frozenset({"but", "rather"})
#: parts of speech of a conjunct that replaces an argument, not a clause ("but a group of offenders")
_ARGUMENT_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADP", "DET"})
#: the lexicon's word lists, looked up as sets
_WORD_SETS = ("hearsay_adverbs", "hearsay_predicates", "negators", "negative_pronouns", "negating_adverbs",
              "conditional_marks", "plan_nouns", "opinion_nouns", "object_plan_verbs")


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The cue lexicon (loaded once)."""
    raw = read_text("certainty_cues.json")
    data = json.loads(raw)
    for word_list in _WORD_SETS:
        data[word_list] = frozenset(data[word_list])
    return data


@dataclass
class LocalCues:
    """The cues found on one token's own dependents."""

    rank: int = 0
    negations: int = 0
    hearsay: bool = False
    modal_rank: int = 0          # the part of ``rank`` that comes from modals / adverbs (inherited inside a clause)
    cues: list[str] = field(default_factory=list)


def _opinion_object(prep: Token) -> str | None:
    """The noun of an "in <someone's> opinion / view" phrase: the speaker's judgement, probable
    ("In our opinion, they avoid military service")."""
    for obj in children_of(prep):
        if obj.dep_ == "pobj" and obj.lemma_.lower() in cues()["opinion_nouns"] and _has_holder(obj):
            return obj.text
    return None


def _has_holder(opinion: Token) -> bool:
    """The opinion is someone's: "in *our* opinion", "in the view *of the ministry*"; not "in view
    of the danger" (a reason) nor "in the belief that ..." (the subject's own belief)."""
    deps = {(c.dep_, c.lower_ if c.dep_ == "prep" else "") for c in children_of(opinion)}
    return ("poss", "") in deps or (("det", "") in deps and ("prep", "of") in deps)


def suspected_of(gov: Token, child: Token) -> str | None:
    """A passive complement-taking verb whose "of" phrase states what is held ("suspected of
    smuggling"): that verb's certainty for the phrase (SPEC §5: "suspected" is possible)."""
    if child.dep_ != "prep" or child.lower_ != "of" or gov.tag_ != "VBN":
        return None
    value = cues()["complement_verbs"].get(gov.lemma_.lower())
    return value if value in ("probable", "possible") else None


def _has_conditional_advcl(tok: Token) -> bool:
    marks = cues()["conditional_marks"]
    for child in children_of(tok):
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in children_of(child)):
            return True
    return False


def _negative_argument(tok: Token) -> str | None:
    """A "no"-determined or negative-pronoun subject/object ("No bodies were found", "nobody died")."""
    c = cues()
    for child in children_of(tok):
        if child.dep_ not in _SUBJ_OBJ:
            continue
        if child.lower_ in c["negative_pronouns"]:
            return child.text
        grand = list(children_of(child))
        if not grand:
            continue
        neither = [g for g in grand if g.dep_ == "preconj" and g.lower_ == "neither"]
        if neither:
            return neither[0].text
        if child.lower_ == "one" and any(g.lower_ == "no" for g in grand):
            return "no one"
        dets = [g for g in grand if g.dep_ == "det" and g.lower_ == "no"]
        if dets and not any(g.dep_ == "nummod" or g.like_num for g in grand):
            return dets[0].text
    return None


def local_cues(tok: Token) -> LocalCues:
    c = cues()
    out = LocalCues()

    def bump(rank_name: str, cue: str, modal: bool = True) -> None:
        r = CERTAINTY_RANK[rank_name]
        out.rank = max(out.rank, r)
        if modal:
            out.modal_rank = max(out.modal_rank, r)
        out.cues.append(cue)

    for child in children_of(tok):
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            value = c["modal_aux"].get(low, c["modal_aux"].get(child.lemma_.lower()))
            if value == "conditional":
                if _has_conditional_advcl(tok):
                    bump("underspecified", low)
            elif value and low in ("can", "could", "ca") and any(
                g.dep_ == "neg" or (g.dep_ == "advmod" and g.lower_ == "only") for g in children_of(tok)
            ):
                pass  # "could not swim", "could only confirm two bodies": a (restricted) fact, not a possibility
            elif value:
                bump(value, low)
        elif child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj", "cc") and low in ("never", "neither", "nor")):
            if (low in c["negators"] or child.dep_ == "neg") and contrast_of(tok) is None:
                out.negations += 1
                out.cues.append(child.text)
        elif child.dep_ == "prep" and low == "in" and (opinion := _opinion_object(child)):
            bump("probable", f"in {opinion}")
        elif child.dep_ == "advmod":
            if low in c["hearsay_adverbs"]:
                out.hearsay = True
                out.cues.append(child.text)
            elif low in c["adverbs"] and c["adverbs"][low]:
                bump(c["adverbs"][low], child.text)
        elif child.dep_ == "mark" and low in c["conditional_marks"] and tok.dep_ in ("advcl", "ccomp"):
            bump("underspecified", child.text)
        elif child.dep_ in ("acomp", "attr") and tok.lemma_ == "be":
            # "the number was probably higher than 60": the adverb on the copula's complement
            for g in children_of(child):
                if g.dep_ == "advmod" and c["adverbs"].get(g.lower_):
                    bump(c["adverbs"][g.lower_], g.text)
    neg_arg = _negative_argument(tok)
    if neg_arg:
        out.negations += 1
        out.cues.append(neg_arg)
    # "is going to deport": future intention
    if tok.lemma_ == "go" and tok.tag_ == "VBG" and any(ch.dep_ == "xcomp" for ch in children_of(tok)):
        bump("underspecified", "going to")
    # a passive hearsay predicate: "is rumoured to have fled", "it is alleged that", "reported to have"
    if tok.lemma_.lower() in c["hearsay_predicates"] and tok.tag_ == "VBN" and any(
        ch.dep_ in ("auxpass", "nsubjpass") for ch in children_of(tok)
    ):
        out.hearsay = True
        out.cues.append(tok.text)
    return out


@dataclass(frozen=True)
class Contrast:
    """A negated predicate whose negation falls on one argument, replaced after a "but": "was not
    transporting *grain* at all, but *a group of offenders*" (the transporting happened, of B)."""

    negated: int        # the argument the negation denies (A)
    replacement: int    # the conjunct that replaces it (B)


def contrast_conj(tok: Token, after: int) -> Token | None:
    """``tok``'s conjunct that replaces an argument, introduced by "but"/"rather" after token ``after``."""
    ccs = [c.i for c in children_of(tok) if c.dep_ == "cc" and c.lower_ in _CONTRAST_CC and c.i > after]
    if not ccs:
        return None
    return next((c for c in children_of(tok) if c.dep_ == "conj" and c.i > ccs[0] and c.pos_ in _ARGUMENT_POS), None)


def contrast_of(pred: Token) -> Contrast | None:
    """The "not A but B" contrast of a negated predicate: the "but" and its nominal conjunct hang
    on the predicate (gapping: "was not carrying vegetables, but nine migrants") or on the
    argument A ("did not detain 10 migrants but 12"). None when the conjunct is a clause of its
    own ("did not push them back, but escorted them") or there is no negation."""
    neg = next((c for c in children_of(pred) if c.dep_ == "neg"), None)
    if neg is None:
        return None
    args = [c for c in children_of(pred) if c.i > neg.i and c.dep_ not in ("cc", "conj", "punct", "advmod")]
    on_pred = contrast_conj(pred, neg.i)
    if on_pred is not None:
        before = [a for a in args if a.i < on_pred.i]
        return Contrast(before[0].i, on_pred.i) if before else None
    for arg in args:
        on_arg = contrast_conj(arg, neg.i)
        if on_arg is not None:
            return Contrast(arg.i, on_arg.i)
    return None


def contrast_effect(head: Token, pred: Token) -> int:
    """1 when ``head`` lies in the denied argument A of the predicate's "not A but B" contrast (the
    predicate itself is then positive); 0 inside B or elsewhere."""
    contrast = contrast_of(pred)
    if contrast is None:
        return 0
    tok = head
    while tok.i != pred.i:
        if tok.i == contrast.replacement:
            return 0
        if tok.i == contrast.negated:
            return 1
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return 0


def complement_effect(gov: Token, rel: str, denial: bool = True) -> tuple[int, int, str | None]:
    """What ``gov`` does to a complement attached by ``rel``: (certainty rank, negation toggles, cue).
    ``denial``: a denying adverb on ``gov`` ("incorrectly said that") reaches the complement (not an
    adverbial clause inside it: "..., while in fact it was reported that ...")."""
    c = cues()
    lemma = gov.lemma_.lower()
    rank, neg, cue = 0, 0, None
    value = c["complement_verbs"].get(lemma) if gov.pos_ in ("VERB", "AUX") else None
    if value:
        rank, cue = CERTAINTY_RANK[value], gov.text
    want = c["negating_complement_verbs"].get(lemma)
    if want and gov.pos_ == "VERB" and (rel == want or (want == "ccomp" and rel in ("ccomp", "csubj"))):
        neg, cue = 1, gov.text
    elif denial and rel in ("ccomp", "csubj") and gov.pos_ == "VERB":
        denier = next((ch for ch in children_of(gov) if ch.dep_ == "advmod" and ch.lower_ in c["negating_adverbs"]), None)
        if denier is not None:  # "incorrectly said that ...": the writer denies what was said
            neg, cue = 1, denier.text
    adj = None
    if gov.pos_ == "ADJ" or gov.tag_ == "VBN":
        adj = c["predicative_adjectives"].get(gov.lower_)
    if adj is None and gov.pos_ == "AUX":
        for ch in children_of(gov):
            if ch.dep_ == "acomp" and ch.lower_ in c["predicative_adjectives"]:
                adj = c["predicative_adjectives"][ch.lower_]
                cue = ch.text
    if adj:
        if adj == "probable_negative":
            rank, neg = max(rank, 1), neg + 1
        else:
            rank = max(rank, CERTAINTY_RANK[adj])
        cue = cue or gov.text
    return rank, neg, cue
