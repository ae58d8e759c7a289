"""A learned attribution cue detector for the verbs the cue rules do not know: a logistic
regression over a verb's lemma and its syntactic frame (dependency relation, tag, which
dependents it has — a subject of which kind, a clause, an object, the prepositions it takes —,
the verb it depends on and whether a quotation is near), trained on PolNeAR's *training* split
by ``scripts/build_cue_model.py`` and stored as feature weights in
``resources/attribution_cue_model.json`` (loaded once).

It widens recall towards PolNeAR's notion of a cue ("Republicans wanted to know", "Trump
charges that", "Clinton laid out her proposals"), records only: such a cue speaks for no
sentence and makes no statement claim (``kind="learned"``, like the rules' ``"corpus"`` cues). Used by
:mod:`claimwatch.extract.attribution` after the rules have had their say on a token.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_json
from .base import children_of, doc_text, word_form
from .cue_candidates import FIRST_SECOND, Cand, cannot_speak, depth
from .mentions import trim_span

__all__ = ["cue_features", "cue_probability", "learned_candidate", "is_candidate_verb"]

_FRAME_DEPS = ("nsubj", "nsubjpass", "csubj", "ccomp", "xcomp", "dobj", "dative", "prep", "agent", "advcl", "aux",
               "auxpass", "neg", "prt", "acomp", "oprd", "advmod", "npadvmod", "conj", "mark", "attr")
_QUOTES = frozenset('"“”«»')
_NO_SOURCE = frozenset({"there", "it", "this", "what", "which", "that", "who"} | FIRST_SECOND)


def is_candidate_verb(tok: Token) -> bool:
    """A verb that may be a cue: a full verb, not part of a name or a noun phrase."""
    return tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "aux", "auxpass")


def _subject_kind(subj: Token) -> str:
    if subj.ent_type_:
        return subj.ent_type_
    if subj.pos_ == "PRON":
        return "pron:" + subj.lower_
    return subj.pos_


def cue_features(tok: Token, lo: int | None = None, hi: int | None = None) -> list[str]:
    """The features of a candidate verb in its sentence, tokens [lo, hi) (shared by the build
    script and the detector)."""
    lemma, tok_dep, tok_i = tok.lemma_.lower(), tok.dep_, tok.i   # each property read once: a Token rebuilds it per read
    feats = ["bias", "l=" + lemma, "d=" + tok_dep, "t=" + tok.tag_, "l|d=" + lemma + "|" + tok_dep]
    deps = set()
    for c in children_of(tok):
        dep = c.dep_
        if dep not in _FRAME_DEPS:
            continue
        deps.add(dep)
        if dep in ("nsubj", "nsubjpass"):
            feats.append("s=" + _subject_kind(c))
        elif dep == "prep":
            low = c.lower_
            feats.append("p=" + low)
            feats.append("l|p=" + lemma + "|" + low)
        elif dep == "ccomp":
            feats.append("that" if any(g.dep_ == "mark" and g.lower_ == "that" for g in children_of(c)) else "ccomp-bare")
        elif dep == "xcomp":
            feats.append("x=" + c.lemma_.lower())
        elif dep in ("aux", "neg") and c.i < tok_i:
            feats.append("a=" + c.lower_)
    for d in sorted(deps):
        feats.append("c=" + d)
        if d in ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "advcl"):
            feats.append("l|c=" + lemma + "|" + d)
    head = tok.head
    if head.i != tok_i:
        feats.append("h=" + head.lemma_.lower() + "|" + tok_dep)
    doc = tok.doc
    if lo is None or hi is None:
        lo, hi = tok.sent.start, tok.sent.end
    sentence = doc_text(doc)[doc[lo].idx:doc[hi - 1].idx + len(doc[hi - 1])]
    if any(q in sentence for q in _QUOTES):
        feats.append("quote")
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in (":", ","):
        feats.append("next=" + tok.doc[tok.i + 1].text)
    return feats


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    raw = read_json("attribution_cue_model.json")
    return raw["weights"], float(raw["threshold"])


def cue_probability(tok: Token, lo: int | None = None, hi: int | None = None) -> float:
    weights, _ = _model()
    z = sum(weights.get(f, 0.0) for f in cue_features(tok, lo, hi))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _source(tok: Token, lo: int, hi: int) -> tuple[Token | None, Token | None]:
    """(source, relative pronoun) of a candidate verb: its subject, the antecedent of a relative
    subject ("who charged"), or the subject of the verb it completes or adverbially qualifies
    ("wanted to know", "began by saying")."""
    head = tok
    for _ in range(3):
        subj = next((c for c in children_of(head) if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.i < hi), None)
        if subj is not None:
            if word_form(subj) in ("who", "which", "that") and head.dep_ == "relcl" and lo <= head.head.i < hi:
                return head.head, subj
            return subj, None
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
            head = head.head.head
            continue
        if head.dep_ not in ("xcomp", "conj", "advcl") or head.head.i == head.i:
            return None, None
        head = head.head
    return None, None


def learned_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A cue the learned detector finds (at or above its threshold), with a source that can speak."""
    if not is_candidate_verb(tok) or tok.text[:1].isupper() and tok.i > lo:
        return None
    src, rel = _source(tok, lo, hi)
    if src is None or word_form(src) in _NO_SOURCE or src.pos_ not in ("NOUN", "PROPN", "PRON") or cannot_speak(tok, src):
        return None
    if cue_probability(tok, lo, hi) < _model()[1]:
        return None
    comp = next((c for c in children_of(tok) if c.i > tok.i and c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl")), None)
    content = None
    if comp is not None:
        start = comp.i + 1 if comp.dep_ == "prep" else comp.left_edge.i
        content = trim_span(tok.doc, max(lo, start), min(hi, comp.right_edge.i + 1))
    cand = Cand(src, tok.i, tok.i + 1, tok.i, content, depth=depth(tok) + 2, kind="learned")
    cand.rel = rel
    return cand
