"""Attribution cue candidates beyond reporting verbs: non-speech evidential verbs ("statistics
project that ...", "Panama registers 1,250"), stances ("wants to", "declined to"), verbs that
attribution corpora mostly mark as cues, and noun cues with a possessor ("Trump's claim that ...").
Also what all candidates share: the candidate record and the subjects that cannot be a source.

The lexicons are ``resources/attribution_cues.json`` (``evidential_verbs``, ``stance_verbs``,
``noun_cues``, ``non_speaking_heads``, ``toll_objects``) and ``resources/attribution_cue_rates.json``
(derived from PolNeAR's training split by ``scripts/build_cue_lexicon.py``). Used by
:mod:`claimwatch.extract.attribution`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..resources import read_json
from .base import children_of, cue_lexicon, word_form
from .entities import role_in
from .frames import person_noun
from .mentions import names_a_body, trim_span
from .sources import source_strength

__all__ = ["Cand", "CLOSING_NOUN_CUES", "RECORDS_ONLY", "depth", "cannot_speak", "evidential_candidate", "figure_participle_candidate", "contrasted", "mistagged_verb_candidate", "stance_candidate",
           "list_lead_candidate",
           "corpus_candidate",
           "noun_candidate", "FIRST_SECOND", "NOMINAL_CUE_WORDS"]

_CUES = cue_lexicon()
_EVIDENTIAL = frozenset(_CUES["evidential_verbs"])
_SPEECH = frozenset(_CUES["speech_verbs"])
_EVIDENTIAL_PREPS: dict[str, list[str]] = _CUES["evidential_prepositions"]
_NON_SPEAKING = frozenset(_CUES["non_speaking_heads"])
_TOLL_OBJECTS = frozenset(_CUES["toll_objects"])
_FIGURE_VERBS = frozenset(_CUES["figure_verbs"])
#: figure verbs that state a figure only with the figure itself after their object
_GIVING = frozenset({"give", "provide"})
_FIGURE_NOUNS = frozenset(_CUES["figure_nouns"])
_EVIDENTIAL_OR_FIGURE_VERBS = _EVIDENTIAL | _FIGURE_VERBS
_STANCE = frozenset(_CUES["stance_verbs"])
_STANCE_CLAUSE_ONLY = frozenset(_CUES["stance_clause_only"])
_NOUN_CUES = frozenset(_CUES["noun_cues"])
#: verbs that are cues in most of their uses with a subject and a complement in PolNeAR's training split
_CUE_RATES = frozenset(read_json("attribution_cue_rates.json")["lemmas"])
FIRST_SECOND = {"i", "we", "you"}
#: the nouns a candidate can start from: a noun cue ("claim", "comments") or a reporting verb the
#: tagger read as a noun ("the ministry reports that ...")
NOMINAL_CUE_WORDS = _NOUN_CUES | _EVIDENTIAL | _SPEECH


#: cue kinds that are records only: they speak for no sentence and make no statement claim
RECORDS_ONLY = frozenset({"corpus", "learned"})


class Cand:
    __slots__ = ("src", "cue_lo", "cue_hi", "cue_i", "content", "hearsay", "depth", "in_quote", "via", "anaphoric",
                 "kind", "rel")

    def __init__(self, src, cue_lo, cue_hi, cue_i, content, hearsay=False, depth=0, in_quote=False, via=None,
                 anaphoric=False, kind="clause"):
        self.src, self.cue_lo, self.cue_hi, self.cue_i = src, cue_lo, cue_hi, cue_i
        self.content, self.hearsay, self.depth, self.in_quote = content, hearsay, depth, in_quote
        self.via, self.anaphoric, self.kind = via, anaphoric, kind
        self.rel: Token | None = None      # the relative pronoun standing for the source ("who said")


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def cannot_speak(verb: Token, src: Token) -> bool:
    """A subject that is no source ("The Rio Grande has claimed 12 lives", "the year claimed 3,000
    lives"): a place, a period or a thing, or "claim"/"take" with a death toll for object."""
    if verb.lemma_.lower() in ("claim", "take") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_OBJECTS for c in children_of(verb)):
        return True
    if src.ent_type_ in ("DATE", "TIME"):
        return True
    if src.ent_type_ in ("LOC", "FAC"):
        # a body the tagger reads as a building or a place ("the Highway Patrol reported", "the
        # White House said") speaks; the Rio Grande and a stadium do not
        return source_strength(src.doc[src.left_edge.i:src.i + 1].text) < 2
    return src.lemma_.lower() in _NON_SPEAKING or src.lower_ in _NON_SPEAKING


def evidential_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """Non-speech evidential verbs: "statistics project that ...", "Panama registers a daily
    average of 1,250", "surveys point to rising fatalities", "survivors spoke of three missing"."""
    lemma = tok.lemma_.lower()
    if lemma not in _EVIDENTIAL_OR_FIGURE_VERBS or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "relcl", "pcomp"):
        return None
    subj = next((c for c in children_of(tok) if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or word_form(subj) in ("who", "which", "that", "there", "i", "we", "you") \
            or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    doc = tok.doc
    comp = next((c for c in children_of(tok) if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
    cue_hi = tok.i + 1
    if comp is None:
        preps = _EVIDENTIAL_PREPS.get(lemma, [])
        comp = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i), None)
        if comp is not None and comp.i == tok.i + 1:
            cue_hi = comp.i + 1
    if comp is None and lemma in _FIGURE_VERBS:
        # "updated the number of bodies found to 14": the figure noun and what sets it
        obj = next((c for c in children_of(tok) if c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS), None)
        if obj is None or lemma in _GIVING and not any(t.like_num for t in doc[obj.i:tok.right_edge.i + 1]):
            return None     # "gave a toll of 31 dead", not "gave a number of reasons"
        end = tok.right_edge.i + 1  # the subtree's last word (the verb itself when nothing follows it)
        return Cand(subj, tok.i, tok.i + 1, tok.i, trim_span(doc, max(lo, obj.left_edge.i), min(hi, end)),
                    depth=depth(tok), kind="evidential")
    if comp is None:
        obj = next((c for c in children_of(tok) if c.dep_ == "dobj"), None)
        if obj is None or not any(t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT") for t in obj.subtree):
            return None
        comp = obj
    content = trim_span(doc, max(lo, comp.left_edge.i if comp.dep_ != "prep" else comp.i + 1), min(hi, comp.right_edge.i + 1))
    return Cand(subj, tok.i, cue_hi, tok.i, content, depth=depth(tok), kind="evidential")


#: participles that say who gave a figure ("the previous toll, given by the state government")
_FIGURE_PARTICIPLES = frozenset({"give", "provide", "release", "issue", "publish", "report", "announce", "compile",
                                 "cite", "put", "confirm", "record", "register", "count", "document", "verify"})


def figure_participle_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A figure noun, or a counted noun, with a participle naming who gave it: "An earlier figure of
    19 dead, given by the state government, ...", "the toll released by the ministry", "the 2,985
    deaths recorded by the ONS": the agent is the source of the figure."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl" or tok.lemma_.lower() not in _FIGURE_PARTICIPLES:
        return None
    noun = tok.head
    if noun.lemma_.lower() not in _FIGURE_NOUNS and not any(c.dep_ == "nummod" for c in children_of(noun)):
        return None     # a figure noun, or a counted one: "the 2,985 deaths recorded by the ONS"
    agent = next((g for c in children_of(tok) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"), None)
    if agent is None or not lo <= agent.i < hi or cannot_speak(tok, agent):
        return None
    first = max(lo, noun.left_edge.i)
    last = next((t.i for t in tok.doc[first:tok.i] if t.i > noun.i and t.text in (",", "(", "—", "–")), tok.i)
    return Cand(agent, tok.i, tok.i + 1, tok.i, trim_span(tok.doc, first, last), depth=depth(tok), kind="evidential")


def mistagged_verb_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A reporting or evidential verb the parser took for the head of a noun phrase, its subject
    attached as a compound, with a that-clause after it: "The United Nations projects that ...",
    "statistics project that ...", "the ministry reports that ..."."""
    closing = _closing_mistagged_verb(tok, lo)
    if closing is not None:
        return closing
    if tok.pos_ not in ("NOUN", "VERB") or tok.dep_ not in ("ROOT", "conj") \
            or tok.lemma_.lower() not in _EVIDENTIAL | _SPEECH or any(c.dep_ == "nsubj" for c in children_of(tok)):
        return None
    nxt = tok.i + 1
    if nxt >= hi or tok.doc[nxt].lower_ != "that":
        return None
    subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is None or subj.i < lo or cannot_speak(tok, subj):
        return None
    content = trim_span(tok.doc, nxt + 1, hi)
    return Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=depth(tok), kind="evidential")


#: present forms of evidential verbs the tagger takes for nouns after a plural subject ("records show")
CLOSING_NOUN_CUES = frozenset({"show", "shows", "indicate", "indicates", "reveal", "reveals"})


def _closing_mistagged_verb(tok: Token, lo: int) -> Cand | None:
    """A closing evidential clause whose verb the tagger read as a noun or as a verb without a subject,
    its subject as compounds:
    "Since 2016, 38 fishermen have died ..., MAIB records show, 11 of them ..."; "14 players were
    sent off, league data show." The subject is the nearest compound, the content the words before
    the comma that opens the clause."""
    doc = tok.doc
    if tok.pos_ not in ("NOUN", "VERB") or tok.lower_ not in CLOSING_NOUN_CUES or tok.i + 1 >= len(doc) \
            or doc[tok.i + 1].text not in (",", ".", ";") or any(c.dep_ == "nsubj" for c in tok.children):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "nmod", "amod")]
    # the body's name where one is written ("MAIB records show"), else the nearest noun ("league data show")
    subj = next((c for c in mods if c.pos_ == "PROPN"), None) or next(
        (c for c in reversed(mods) if c.pos_ == "NOUN"), None)
    first = min((c.left_edge.i for c in mods), default=tok.i)
    if subj is None or first - 1 <= lo or doc[first - 1].text != "," or cannot_speak(tok, subj):
        return None
    content = trim_span(doc, lo, first - 1)
    return Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=depth(tok), kind="evidential") if content else None


def stance_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A source's stance towards content that is not speech: "Trump wants to build a wall", "the
    ministry plans to deport 200 people", "she declined to comment" (PolNeAR's notion of a cue)."""
    lemma = tok.lemma_.lower()
    if lemma not in _STANCE or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "relcl", "pcomp", "xcomp"):
        return None
    subj = next((c for c in children_of(tok) if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or word_form(subj) in ("who", "which", "that", "there", "it", "this", "what") or subj.pos_ not in (
            "NOUN", "PROPN", "PRON") or cannot_speak(tok, subj) or word_form(subj) in FIRST_SECOND \
            or tok.text[:1].isupper() and tok.i > lo:
        return None         # "the I Want to Live project": a name, not a stance
    if subj.pos_ == "NOUN" and not (subj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or role_in(subj.text)
                                    or source_strength(subj.text)):
        return None          # "the plan wants ...": a person or a body takes a stance
    comp = next((c for c in children_of(tok) if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
    if comp is None and lemma not in _STANCE_CLAUSE_ONLY:
        comp = next((c for c in children_of(tok) if c.dep_ == "dobj"), None)
        if comp is not None and tok.tag_ == "VBG" and person_noun(comp):
            return None      # "authorities are questioning survivors": an activity on people under way, no content
            # (a finite "X supports Y" with a person object stays a stance: PolNeAR marks it)
    if comp is None:
        return None
    content = trim_span(tok.doc, max(lo, comp.left_edge.i), min(hi, comp.right_edge.i + 1))
    return Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=depth(tok) + 1, kind="stance")


def corpus_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A verb that attribution corpora mostly mark as a cue ("endorsed", "blasted", "touted"),
    with a subject and a complement: an attribution record only — it speaks for no sentence."""
    lemma = tok.lemma_.lower()
    if lemma not in _CUE_RATES or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "pcomp"):
        return None
    subj = next((c for c in children_of(tok) if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or word_form(subj) in ("there", "it", "this", "what") or subj.pos_ not in ("NOUN", "PROPN", "PRON") \
            or cannot_speak(tok, subj) or tok.text[:1].isupper() and tok.i > lo:
        return None
    comp = next((c for c in children_of(tok) if c.dep_ in ("ccomp", "xcomp", "dobj", "prep") and c.i > tok.i), None)
    if comp is None:
        return None
    rel = None
    if word_form(subj) in ("who", "which", "that") and tok.dep_ == "relcl":
        rel, subj = subj, tok.head
    content = trim_span(tok.doc, max(lo, comp.left_edge.i if comp.dep_ != "prep" else comp.i + 1),
                        min(hi, comp.right_edge.i + 1))
    cand = Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=depth(tok) + 2, kind="corpus")
    cand.rel = rel
    return cand


def noun_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    """A noun cue with its source as possessor or agent: "Trump's claim that ...", "his comments
    about ...", "a pledge by the ministry to ..." (an attribution record only)."""
    if tok.pos_ != "NOUN" or tok.lower_ not in _NOUN_CUES:
        return None
    src = next((c for c in children_of(tok) if c.dep_ == "poss"), None)
    if src is None:
        by = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > tok.i), None)
        src = next((g for g in children_of(by) if g.dep_ == "pobj"), None) if by is not None else None
    if src is None or src.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    comp = next((c for c in children_of(tok) if c.i > tok.i and (c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.lower_ == "that"
                                                            or c.dep_ == "prep" and c.lower_ in ("about", "on", "of", "for", "to"))),
                None)
    if comp is None or comp.dep_ == "prep" and not any(t.pos_ in ("VERB", "AUX") for t in comp.subtree):
        return None         # the noun's content: a clause ("claim that ...", "comments about how ...")
    content = trim_span(tok.doc, max(lo, comp.i + 1 if comp.dep_ == "prep" else comp.left_edge.i), min(hi, comp.right_edge.i + 1))
    return Cand(src, tok.i, tok.i + 1, tok.i, content, depth=depth(tok) + 3, kind="corpus")


#: nouns of a set of figures that a line introducing a list names with its owner
LIST_NOUNS = _FIGURE_NOUNS | {"breakdown", "figure", "list", "data", "statistic", "total", "estimate", "update",
                               "bulletin"}


def list_lead_candidate(doc: Doc, lo: int, hi: int) -> Cand | None:
    """A line that introduces a list, naming whose figures follow ("The group's breakdown by
    state:", "The ministry's figures by region:"), or a label before the figures on the same line
    ("COEN update: 12 dead, 104 injured", "Health ministry figures: 22 killed"): the owner of the
    figures is the source of what follows the colon (and, through the report context, of a list's
    items)."""
    end = hi
    while end > lo and doc[end - 1].is_space:
        end -= 1
    colon = next((j for j in range(lo, end) if doc[j].is_punct and doc[j].text.endswith(":")), None)     # ":", "):"
    if colon is None or colon < end - 1 and not any(t.like_num for t in doc[colon + 1:end]):
        return None
    content = trim_span(doc, lo, end) if colon == end - 1 else trim_span(doc, colon + 1, end)
    for tok in doc[lo:colon]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in LIST_NOUNS:
            owner = next((c for c in children_of(tok) if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                          or c.dep_ in ("compound", "nmod") and c.i < tok.i and _a_named_body(c)), None)
            if owner is not None:
                return Cand(owner, tok.i, tok.i + 1, tok.i, content if colon < end - 1 else trim_span(doc, tok.i, end),
                            depth=depth(tok), kind="according")
    return None


def _a_named_body(tok: Token) -> bool:
    """A name modifying a figure noun that names a body: an acronym ("COEN update") or a name
    that :func:`names_a_body` finds one ("Ministry of Health figures")."""
    return tok.pos_ == "PROPN" and (tok.text.isupper() and len(tok.text) > 1 or names_a_body(tok))


_CONTRAST_MARKS = frozenset({"while", "whereas"})


def contrasted(verb: Token, primary: Token) -> bool:
    """A second speaker set against the primary one in a "while" / "whereas" clause ("..., the
    group said, while the ministry put the toll at 8"): a record of its own, not reported content."""
    tok, steps = verb, 0
    while tok.i != primary.i and tok.head.i != tok.i and steps < 4:
        if any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in children_of(tok)):
            return True
        tok, steps = tok.head, steps + 1
    return _coordinated_speaker(verb)


def _coordinated_speaker(verb: Token) -> bool:
    """A second speaker in a clause of its own after ", and" / ", but" ("The ministry said 12 died,
    and the Red Cross said 30 were hurt"), however the parse hangs it on the first one's content:
    a reporting verb coordinated with a subject of its own (a pronoun is the same speaker: "..., and
    they said ..."), the conjunction after a comma."""
    if verb.dep_ != "conj" or not any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in children_of(verb)):
        return False
    k = verb.left_edge.i - 1
    doc = verb.doc
    return k >= 1 and doc[k].dep_ == "cc" and doc[k].head.i == verb.head.i and doc[k - 1].text == ","
