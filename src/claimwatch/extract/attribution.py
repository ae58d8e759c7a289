"""Attribution stage: who each sentence's content is attributed to (SPEC §2 ``source``, §4, §5 evidential).

Per sentence, from the dependency parse:

* the subject (or passive agent) of a reporting verb — "said", "told", "writes", "believes",
  "denounced ... by X" — with the verb as the cue;
* "according to X" / "citing X" / "as reported by X", with the phrase as the cue;
* hearsay without a named source — "reportedly", "allegedly", "is said to" — with
  ``name=None``, ``type="unnamed"``, ``evidential="hearsay"``;
* unnamed sources ("sources said", "officials who asked not to be named") are hearsay too.

Then, over the article: the source mention is resolved to a canonical source (pronouns to
the most recent compatible person or source, surnames and titled names to the full name,
organisation variants through the alias table), persons take their affiliation and type
from appositions and titles, and attributions are carried over (``scope="paragraph"``) to
unattributed sentences that continue a quotation, that an anaphoric attribution sentence
("The State Border Service writes about this on its Facebook page.") covers, or whose figures
a following sentence sources ("..., according to a Telegram channel."); speaker labels
("PENCE: ...") and source lines ("Source: X" → ``scope="article"``) are read too — see
:mod:`claimwatch.extract.carryover`. Unattributed sentences get no mention: they are the
author's voice.

The lexicons are ``resources/attribution_cues.json`` (cues), ``resources/source_types.json``
and ``resources/source_aliases.json`` (source typing, :mod:`claimwatch.extract.sources`).
"""

from __future__ import annotations

import bisect
import json
from importlib import resources

from spacy.tokens import Doc, Token

from .base import Analysis, AttributionMention, Stage
from .entities import document_noun, role_in
from .mentions import mention_bounds, sentence_tokens, trim_span, with_spans
from .quotes import CLOSE_Q, in_quote, quote_regions, quoted_chars
from .source_lines import label_attributions, line_attributions, signature_attributions
from .source_resolution import PRONOUNS_GROUP, PRONOUNS_PERSON, SourceResolver
from .sources import classify_source, looks_like_outlet, platform_of, source_strength

__all__ = ["find_attributions", "find_attribution_candidates", "attribution_for", "STAGE"]

_CUES = json.loads(resources.files("claimwatch.resources").joinpath("attribution_cues.json").read_text("utf-8"))
_SPEECH = frozenset(_CUES["speech_verbs"])
_COGNITION = frozenset(_CUES["cognition_verbs"])
_STRONG = frozenset(_CUES["strong_speech_verbs"])
_REPORTING = _SPEECH | _COGNITION
_HEARSAY_ADV = frozenset(a for a in _CUES["hearsay_adverbs"] if a not in ("apparently", "seemingly", "ostensibly"))
_HEARSAY_PASSIVE = frozenset(_CUES["hearsay_passives"])
_COGNITION_BARE = frozenset(_CUES["cognition_without_that"])
_HEARSAY_ADJ = {"rumoured", "rumored", "reputed", "purported", "alleged"}
_STOP_LEFT = {"”", '"', ":", ";", "“"}
_CORE = frozenset(_CUES["core_speech_verbs"])
_QUOTE_MARKS = {"“", "”", '"', "«", "»", "``", "''"}
_FIRST_SECOND = {"i", "we", "you"}
_OBJECT_ACTS = frozenset(_CUES["object_speech_acts"])
_ANAPHORIC = {"this", "that", "it", "so", "these", "those"}
_EVIDENTIAL = frozenset(_CUES["evidential_verbs"])
_EVIDENTIAL_PREPS: dict[str, list[str]] = _CUES["evidential_prepositions"]
_DOC_ACCORDING = [tuple(p) for p in _CUES["document_according_phrases"]]
_SELF_REFERENCE = frozenset(_CUES["self_reference"])
_NON_SPEAKING = frozenset(_CUES["non_speaking_heads"])
_STANCE = frozenset(_CUES["stance_verbs"])
_STANCE_CLAUSE_ONLY = frozenset(_CUES["stance_clause_only"])
_NOUN_CUES = frozenset(_CUES["noun_cues"])
#: verbs that are cues in most of their uses with a subject and a complement in PolNeAR's training split
_CUE_RATES = frozenset(json.loads(resources.files("claimwatch.resources").joinpath("attribution_cue_rates.json")
                                  .read_text("utf-8"))["lemmas"])
_TOLL_OBJECTS = frozenset(_CUES["toll_objects"])
_NOMINAL_HEARSAY = {"report", "record", "register"}    # "the passage of 29,641 migrants has been reported"


# --------------------------------------------------------------------------- detection

class _Cand:
    __slots__ = ("src", "cue_lo", "cue_hi", "cue_i", "content", "hearsay", "depth", "in_quote", "via", "anaphoric",
                 "kind", "rel")

    def __init__(self, src, cue_lo, cue_hi, cue_i, content, hearsay=False, depth=0, in_quote=False, via=None,
                 anaphoric=False, kind="clause"):
        self.src, self.cue_lo, self.cue_hi, self.cue_i = src, cue_lo, cue_hi, cue_i
        self.content, self.hearsay, self.depth, self.in_quote = content, hearsay, depth, in_quote
        self.via, self.anaphoric, self.kind = via, anaphoric, kind
        self.rel: Token | None = None      # the relative pronoun standing for the source ("who said")


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _content_of(doc: Doc, lo: int, hi: int, verb: Token, exclude: tuple[int, int]) -> tuple[int, int] | None:
    """Content of a reporting verb: its clausal complements, else the rest of the sentence."""
    kids = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")
            and not (exclude[0] <= c.i < exclude[1])]
    if not kids:
        # "said in a statement that ...": the clause hangs off the statement noun
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            for obj in prep.children:
                for c in obj.children:
                    if c.dep_ in ("acl", "relcl", "ccomp") and c.left_edge.lower_ == "that" and c.left_edge.i > obj.i:
                        kids.append(c)
    if kids:
        a = min(k.left_edge.i for k in kids)
        b = max(k.right_edge.i for k in kids) + 1
        return trim_span(doc, max(a, lo), min(b, hi))
    if verb.dep_ in ("parataxis", "ccomp") or (verb.dep_ == "ROOT" and verb.head.i == verb.i):
        head = verb.head
        if verb.dep_ != "ROOT" and lo <= head.i < hi:
            # "The war, he said, will go on": the governing clause minus the parenthetical
            a, b = verb.left_edge.i, verb.right_edge.i + 1
            left = trim_span(doc, lo, a)
            right = trim_span(doc, b, hi)
            if left and right:
                return left[0], right[1]
            return left or right
    a, b = exclude
    left = trim_span(doc, lo, a)
    right = trim_span(doc, b, hi)
    if left and right:
        return left if left[1] - left[0] >= right[1] - right[0] else right
    return left or right


def _via(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via", "through"):
            obj = " ".join(t.text for t in child.subtree)
            p = platform_of(obj)
            if p:
                return p
    return None


def _left_subject(verb: Token, lo: int) -> Token | None:
    """A misparsed subject: the nearest noun phrase left of a finite reporting verb
    (""Yes," Brent Bozell, founder of the centre, tells Breitbart")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= lo and verb.i - j <= 12:
        t = doc[j]
        if t.text in _STOP_LEFT:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME"):
            head = t
            while head.dep_ in ("compound", "amod", "poss", "nmod", "flat") and lo <= head.head.i < verb.i:
                head = head.head
            # an apposition ("X, founder of Y,") points back to X
            while head.dep_ == "appos" and lo <= head.head.i < head.i and head.ent_type_ != "PERSON":
                head = head.head  # (a named person is the speaker, not what a misparse hangs them from)
            if head.dep_ == "pobj":
                j = head.head.i - 1
                continue
            return head
        j -= 1
    return None


def _verb_candidate(tok: Token, lo: int, hi: int, regions: list[tuple[int, int]], rstarts: list[int]) -> _Cand | None:
    lemma = tok.lemma_.lower()
    if lemma not in _REPORTING or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ in ("amod", "compound", "acl") or tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj"):
        return None
    doc = tok.doc
    subj = agent = None
    passive = False
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and (subj is None or abs(c.i - tok.i) < abs(subj.i - tok.i)):
            subj = c  # two subjects (a misparse of "<clause>, the agency said"): the nearest one
        elif c.dep_ == "nsubjpass":
            subj, passive = c, True
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in tok.children)
    if subj is not None and not lo <= subj.i < hi:
        subj, passive = None, False     # a parse across a paragraph break: not this sentence's subject
    # participles ("..., adding that"; "..., saying") share the governing verb's subject
    if subj is None and agent is None and tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") \
            and lo <= tok.head.i < hi and not (tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children)):
        head = tok.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
        steps = 0
        while subj is None and head.dep_ == "conj" and steps < 4:   # "... reversed, rushed and said"
            head, steps = head.head, steps + 1
            subj = next((c for c in head.children if c.dep_ in ("nsubj",)), None)
    if subj is None and agent is None and lemma in _STRONG and tok.tag_ in ("VBD", "VBZ", "VBP") \
            and tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
        subj = _left_subject(tok, lo)
    cue_lo = cue_hi = tok.i
    cue_hi += 1
    for c in tok.children:  # "pointed out", "has said" stays "said": particles only
        if c.dep_ == "prt" and c.i == cue_hi:
            cue_hi += 1
    if passive and agent is None:
        # "X is said / reported / believed to ...", "It was reported that ..."
        if lemma in _HEARSAY_PASSIVE and (clausal or subj.lower_ == "it" or lemma in _NOMINAL_HEARSAY):
            aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]
            a = aux[0].i if aux else tok.i
            content = _content_of(doc, lo, hi, tok, (a, tok.i + 1))
            if subj.lower_ != "it":
                content = trim_span(doc, lo, hi)
            return _Cand(None, a, tok.i + 1, tok.i, content, hearsay=True, depth=_depth(tok))
        return None
    if passive and subj is not None and subj.lower_ in _ANAPHORIC:
        # "This was stated by X": the content is what came before
        aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]
        return _Cand(agent, aux[0].i if aux else tok.i, tok.i + 1, tok.i, None, depth=_depth(tok), via=_via(tok),
                     anaphoric=True)
    src = agent if passive else subj
    if src is None:
        return None
    rel = None
    if src.lower_ in ("who", "which", "that") and src.dep_.startswith("nsubj") and tok.dep_ == "relcl":
        rel, src = src, tok.head
    elif src.lower_ in ("who", "what", "which", "whom", "whoever", "that", "this", "there"):
        return None
    if src.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") and src.dep_ != "csubj":
        return None
    if _cannot_speak(tok, src):
        src = _inverted_source(tok, lemma, lo)     # "... crossed the jungle, reports the National Migration Service"
        if src is None:
            return None
    if src.dep_ == "csubj":
        return None
    if lemma in _COGNITION and not clausal and lemma not in _STRONG:
        return None
    if src.lower_ in _FIRST_SECOND and not in_quote(regions, rstarts, tok.idx):
        return None                                      # the author's own "I think", "we said"
    if lemma in _COGNITION and lemma not in _STRONG and lemma not in _COGNITION_BARE and not any(
            g.dep_ == "mark" and g.lower_ == "that" for c in tok.children if c.dep_ == "ccomp" for g in c.children):
        return None
    if lemma == "continue" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" or any(
            doc[j].text in CLOSE_Q + '"' for j in range(lo, tok.i))):
        return None
    if not clausal and not _bare_object_allowed(tok, lemma, lo, hi):
        return None
    if not clausal:
        has_obj = (passive and agent is not None) or any(c.dep_ in ("dobj", "oprd") for c in tok.children)
        if tok.dep_ == "relcl" and not has_obj:         # "the things Trump said"
            return None
        if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
            return None                                  # "put the toll at 30", not "put forward"
        if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return None                                  # "added to the uncertainty"
        if lemma not in _STRONG:
            if not (lemma in _OBJECT_ACTS and has_obj):
                return None
        elif lemma not in _CORE and not (has_obj and lemma in _OBJECT_ACTS) and not any(
                doc[j].text in _QUOTE_MARKS for j in range(lo, hi)) and tok.dep_ not in ("parataxis",):
            return None                                  # "contend with", "repeat the phrase"
    s_lo, s_hi = mention_bounds(src)
    excl = (min(s_lo, cue_lo), max(s_hi, cue_hi))
    content = _content_of(doc, lo, hi, tok, excl)
    anaphoric = False
    if not clausal:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
        anaphoric = any(o.lower_ in _ANAPHORIC or any(g.lower_ in _ANAPHORIC for g in o.children) for o in objs)
        if content is None or anaphoric:
            content = None
    cand = _Cand(src, cue_lo, cue_hi, tok.i, content, depth=_depth(tok), via=_via(tok), anaphoric=anaphoric)
    cand.rel = rel
    return cand


def _cannot_speak(verb: Token, src: Token) -> bool:
    """A subject that is no source ("The Rio Grande has claimed 12 lives", "the year claimed 3,000
    lives"): a place, a period or a thing, or "claim"/"take" with a death toll for object."""
    if verb.lemma_.lower() in ("claim", "take") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_OBJECTS for c in verb.children):
        return True
    if src.ent_type_ in ("LOC", "FAC", "DATE", "TIME"):
        return True
    return src.lemma_.lower() in _NON_SPEAKING or src.lower_ in _NON_SPEAKING


def _inverted_source(verb: Token, lemma: str, lo: int) -> Token | None:
    """The source after the verb in an inverted reporting clause ("..., reports the National
    Migration Service"), which the parser may read as the verb's object."""
    if lemma not in _CORE or verb.tag_ not in ("VBZ", "VBD") or verb.i - lo < 4:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i == verb.right_edge.i - (
        verb.right_edge.i - c.right_edge.i)), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ == "ORG" or source_strength(
            " ".join(t.text for t in obj.subtree)) == 2):
        return None
    return obj


def _bare_object_allowed(tok: Token, lemma: str, lo: int, hi: int) -> bool:
    """A reporting verb with no clause after it: a participle ("..., stating their intention")
    needs a quotation; "call" needs what it calls something ("called it a violation") or what
    it calls for ("called for an inquiry"), not a telephone ("call a hotline")."""
    doc = tok.doc
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp") and lemma not in ("say", "tell") and not any(
            doc[j].text in _QUOTE_MARKS for j in range(lo, hi)):
        return False
    if lemma == "call":
        return any(c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children)
    return True


def _evidential_candidate(tok: Token, lo: int, hi: int) -> _Cand | None:
    """Non-speech evidential verbs: "statistics project that ...", "Panama registers a daily
    average of 1,250", "surveys point to rising fatalities", "survivors spoke of three missing"."""
    lemma = tok.lemma_.lower()
    if lemma not in _EVIDENTIAL or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "relcl", "pcomp"):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or subj.lower_ in ("who", "which", "that", "there", "i", "we", "you") or subj.pos_ not in (
            "NOUN", "PROPN", "PRON"):
        return None
    doc = tok.doc
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
    cue_hi = tok.i + 1
    if comp is None:
        preps = _EVIDENTIAL_PREPS.get(lemma, [])
        comp = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i), None)
        if comp is not None and comp.i == tok.i + 1:
            cue_hi = comp.i + 1
    if comp is None:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or not any(t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT") for t in obj.subtree):
            return None
        comp = obj
    content = trim_span(doc, max(lo, comp.left_edge.i if comp.dep_ != "prep" else comp.i + 1), min(hi, comp.right_edge.i + 1))
    return _Cand(subj, tok.i, cue_hi, tok.i, content, depth=_depth(tok), kind="evidential")


def _stance_candidate(tok: Token, lo: int, hi: int) -> _Cand | None:
    """A source's stance towards content that is not speech: "Trump wants to build a wall", "the
    ministry plans to deport 200 people", "she declined to comment" (PolNeAR's notion of a cue)."""
    lemma = tok.lemma_.lower()
    if lemma not in _STANCE or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "relcl", "pcomp", "xcomp"):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or subj.lower_ in ("who", "which", "that", "there", "it", "this", "what") or subj.pos_ not in (
            "NOUN", "PROPN", "PRON") or _cannot_speak(tok, subj) or subj.lower_ in _FIRST_SECOND \
            or tok.text[:1].isupper() and tok.i > lo:
        return None         # "the I Want to Live project": a name, not a stance
    if subj.pos_ == "NOUN" and not (subj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or role_in(subj.text)
                                    or source_strength(subj.text)):
        return None          # "the plan wants ...": a person or a body takes a stance
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
    if comp is None and lemma not in _STANCE_CLAUSE_ONLY:
        comp = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if comp is None:
        return None
    content = trim_span(tok.doc, max(lo, comp.left_edge.i), min(hi, comp.right_edge.i + 1))
    return _Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=_depth(tok) + 1, kind="stance")


def _corpus_candidate(tok: Token, lo: int, hi: int) -> _Cand | None:
    """A verb that attribution corpora mostly mark as a cue ("endorsed", "blasted", "touted"),
    with a subject and a complement: an attribution record only — it speaks for no sentence."""
    lemma = tok.lemma_.lower()
    if lemma not in _CUE_RATES or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "acl", "pcomp"):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < hi), None)
    if subj is None or subj.lower_ in ("there", "it", "this", "what") or subj.pos_ not in ("NOUN", "PROPN", "PRON") \
            or _cannot_speak(tok, subj) or tok.text[:1].isupper() and tok.i > lo:
        return None
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep") and c.i > tok.i), None)
    if comp is None:
        return None
    rel = None
    if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        rel, subj = subj, tok.head
    content = trim_span(tok.doc, max(lo, comp.left_edge.i if comp.dep_ != "prep" else comp.i + 1),
                        min(hi, comp.right_edge.i + 1))
    cand = _Cand(subj, tok.i, tok.i + 1, tok.i, content, depth=_depth(tok) + 2, kind="corpus")
    cand.rel = rel
    return cand


def _noun_candidate(tok: Token, lo: int, hi: int) -> _Cand | None:
    """A noun cue with its source as possessor or agent: "Trump's claim that ...", "his comments
    about ...", "a pledge by the ministry to ..." (an attribution record only)."""
    if tok.pos_ != "NOUN" or tok.lower_ not in _NOUN_CUES:
        return None
    src = next((c for c in tok.children if c.dep_ == "poss"), None)
    if src is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > tok.i), None)
        src = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if src is None or src.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    comp = next((c for c in tok.children if c.i > tok.i and (c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.lower_ == "that"
                                                            or c.dep_ == "prep" and c.lower_ in ("about", "on", "of", "for", "to"))),
                None)
    if comp is None or comp.dep_ == "prep" and not any(t.pos_ in ("VERB", "AUX") for t in comp.subtree):
        return None         # the noun's content: a clause ("claim that ...", "comments about how ...")
    content = trim_span(tok.doc, max(lo, comp.i + 1 if comp.dep_ == "prep" else comp.left_edge.i), min(hi, comp.right_edge.i + 1))
    return _Cand(src, tok.i, tok.i + 1, tok.i, content, depth=_depth(tok) + 3, kind="corpus")


def _according_candidate(tok: Token, lo: int, hi: int) -> _Cand | None:
    doc = tok.doc
    low = tok.lower_
    if low == "according" and tok.i + 1 < hi and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        cue = (tok.i, tok.i + 2)
    elif _doc_phrase(tok, hi) is not None:
        cue = (tok.i, tok.i + _doc_phrase(tok, hi))
        obj = next((c for c in doc[cue[1] - 1].children if c.dep_ == "pobj"), None)
        if obj is None or document_noun(obj) is None:
            return None
    elif low in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl"):
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
        if obj is None:
            return None
        cue = (tok.i, tok.i + 1)
    else:
        return None
    pp_lo, pp_hi = tok.i, max(obj.right_edge.i + 1, cue[1])
    content = None
    left, right = trim_span(doc, lo, pp_lo), trim_span(doc, pp_hi, hi)
    if left and right:
        content = (left[0], right[1])
    else:
        content = left or right
    return _Cand(obj, cue[0], cue[1], tok.i, content, depth=_depth(tok), kind="according")


def _doc_phrase(tok: Token, hi: int) -> int | None:
    """Length of a document-according phrase ("in line with", "based on") starting at ``tok``."""
    doc = tok.doc
    for phrase in _DOC_ACCORDING:
        n = len(phrase)
        if tok.i + n <= hi and tuple(t.lower_ for t in doc[tok.i:tok.i + n]) == phrase:
            return n
    return None


def _hearsay_adverb(tok: Token, lo: int, hi: int) -> _Cand | None:
    """"reportedly", "allegedly"; "rumoured / reputed to" however the tagger reads them."""
    if tok.lower_ not in _HEARSAY_ADV and not (
            tok.lower_ in _HEARSAY_ADJ and any(c.dep_ == "xcomp" for c in tok.children)):
        return None
    content = trim_span(tok.doc, lo, hi)
    return _Cand(None, tok.i, tok.i + 1, tok.i, content, hearsay=True, depth=_depth(tok) + 5)


def _trailing(doc: Doc, c: _Cand, lo: int, hi: int) -> bool:
    """ "..., the source added." / "..., said Caddell.": the outer attribution of a sentence."""
    if c.src is None or c.hearsay:
        return False
    first = min(c.cue_lo, c.src.left_edge.i)
    last = max(c.cue_hi - 1, c.src.i)
    if first - 1 < lo or doc[first - 1].text not in (",", "”", '"', "—", "–"):
        return False
    j = last + 1
    while j < hi and (doc[j].dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod")
                      or doc[j].ent_type_ in ("DATE", "TIME")) and j - last < 8:
        j += 1
    return j >= hi or doc[j].is_punct


def _self_reference(src: Token) -> bool:
    phrase = " ".join(t.lower_ for t in src.subtree)
    return any(ref in phrase for ref in _SELF_REFERENCE)


def _candidates(doc: Doc, lo: int, hi: int, regions, rstarts) -> list[_Cand]:
    out = []
    for j in range(lo, hi):
        tok = doc[j]
        c = (_verb_candidate(tok, lo, hi, regions, rstarts) or _evidential_candidate(tok, lo, hi)
             or _according_candidate(tok, lo, hi) or _hearsay_adverb(tok, lo, hi) or _stance_candidate(tok, lo, hi)
             or _corpus_candidate(tok, lo, hi) or _noun_candidate(tok, lo, hi))
        if c is not None and c.src is not None and _self_reference(c.src):
            continue       # "A previous version of this article said ...": the author's own voice
        if c is not None:
            c.in_quote = in_quote(regions, rstarts, tok.idx)
            out.append(c)
    return out


def _relays(src: Token) -> bool:
    """A source that relays what others said: a news outlet or agency ("Italian news agency Ansa")."""
    lo, hi = mention_bounds(src)
    phrase = src.doc[lo:hi].text
    return classify_source(phrase, ent_label=src.ent_type_ or None) in ("media", "social_media") or looks_like_outlet(phrase)


def _reported_inside(doc: Doc, c: _Cand, best: _Cand | None) -> bool:
    """An attribution inside what the sentence's primary attribution reports ("Clinton said she
    thinks ...", "Trump said he finally believes ..."): part of the reported content."""
    return (best is not None and c is not best and best.content is not None
            and best.content[0] <= doc[c.cue_i].idx < best.content[1])


def _nested_content(c: _Cand, best: _Cand | None, m: AttributionMention) -> bool:
    """Whether a non-primary record's content is part of the primary one's (or a stance's)."""
    if c.kind in ("stance", "corpus"):
        return True
    return best is not None and best.content is not None and m.content_span is not None and (
        m.content_span[0] < best.content[1] and best.content[0] < m.content_span[1])


def _primary(doc: Doc, cands: list[_Cand], lo: int, hi: int) -> _Cand:
    """The attribution that speaks for a sentence: outside quotations, with a source; an
    anaphoric one with a named source ("This was stated by X, Censor.NET reports") first; else
    the outer reporting clause ("..., the agency said") — but when what the outer one reports is
    itself attributed ("The coast guard said it rescued 57 migrants, Ansa reported") by an
    outlet that relays it, the inner, original source."""
    best = min(cands, key=lambda c: (c.in_quote, c.src is None and not c.hearsay,
                                     not (c.anaphoric and c.src is not None and c.src.lower_ not in _ANAPHORIC),
                                     c.kind == "stance", not _trailing(doc, c, lo, hi), c.depth, c.cue_i))
    if best.anaphoric or best.content is None or best.src is None or not _relays(best.src):
        return best
    inner = [c for c in cands if c is not best and c.src is not None and not c.in_quote and not c.hearsay
             and c.kind != "stance"
             and doc[c.cue_i].idx >= best.content[0] and doc[c.cue_i].idx < best.content[1]
             and c.src.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP]
    return min(inner, key=lambda c: c.depth) if inner else best


def _quote_kind(m: AttributionMention, text: str, regions, rstarts) -> str:
    if m.content_span is None:
        return "none"
    s, e = m.content_span
    q = quoted_chars(regions, rstarts, s, e, text=text)
    if q == 0:
        return "indirect"
    if q >= 0.85 * (e - s) - 2:
        return "direct"
    return "mixed"


def find_attributions(analysis: Analysis) -> list[AttributionMention]:
    """Every attribution of the article, in text order (pure; reads the parse and the entity
    registry): per sentence the primary one (``primary=True``) and the nested ones ("..., he
    said, adding that ..."), plus speaker labels and source lines. No carried copies: which
    sentences each one covers is decided by the report context."""
    doc, text = analysis.doc, analysis.text
    sentences = analysis.sentences
    if not sentences:
        return []
    tok_ranges = sentence_tokens(doc, sentences)
    regions = quote_regions(text)
    rstarts = [a for a, _ in regions]
    resolver = SourceResolver(analysis)
    p_starts = [s for s, _ in analysis.paragraphs] or [0]
    resolver.para_of = [max(0, bisect.bisect_right(p_starts, s) - 1) for s, _ in sentences]
    out: list[AttributionMention] = []
    primary_sents: set[int] = set()
    for i, (lo, hi) in enumerate(tok_ranges):
        cands = _candidates(doc, lo, hi, regions, rstarts)
        if not cands:
            continue
        speaking = [c for c in cands if c.kind != "corpus"]     # corpus-only cues speak for no sentence
        best = _primary(doc, speaking, lo, hi) if speaking else None
        for c in cands:
            if c.in_quote or _reported_inside(doc, c, best):
                continue        # "I think ..." inside a quotation, "Clinton said she thinks ...": the outer speaker speaks
            m = with_spans(doc, c, resolver.mention(c, i))
            m.quote = _quote_kind(m, text, regions, rstarts)
            m.primary = best is not None and c is best and not best.in_quote
            if m.primary:
                primary_sents.add(i)
                m.anaphoric = c.anaphoric or (c.content is None and c.src is not None)
                m.trailing = not m.anaphoric and c.content is not None and m.span is not None and c.content[1] <= m.span[0]
            elif m.content_span is not None and _nested_content(c, best, m):
                m.content_span = None   # a nested attribution's content is part of the primary one's
            out.append(m)
    out.extend(label_attributions(analysis, resolver.registry, primary_sents))
    out.extend(line_attributions(analysis, resolver.registry))
    out.extend(signature_attributions(analysis, resolver.registry))
    out.sort(key=lambda m: (m.sent_i, not m.primary, m.cue_span or m.span or (0, 0)))
    return out


def find_attribution_candidates(analysis: Analysis) -> list[AttributionMention]:
    """Every attribution found (kept for callers of the former API; the stage returns them all)."""
    return find_attributions(analysis)


def attribution_for(analysis: Analysis, sent_i: int) -> AttributionMention | None:
    """The primary attribution found in sentence ``sent_i`` itself, or None (no carry-over:
    see :func:`claimwatch.extract.context.source_for` for what covers a sentence)."""
    mentions = analysis.attributions
    i = bisect.bisect_left(mentions, sent_i, key=lambda m: m.sent_i)
    while i < len(mentions) and mentions[i].sent_i == sent_i:
        if mentions[i].primary:
            return mentions[i]
        i += 1
    return None


STAGE = Stage("attribution", ("doc", "entities"), ("attributions",), find_attributions)
