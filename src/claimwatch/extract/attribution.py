"""Attribution stage: every attribution of a report — a source, a cue, the content attributed
(SPEC §2 ``source``, §4, §5 evidential; PolNeAR's source / cue / content) — one record each.

Per sentence, from the dependency parse:

* the subject (or passive agent) of a reporting verb — "said", "told", "writes", "believes",
  "denounced ... by X" — with the verb as the cue; "This was stated by X" is anaphoric (its
  content is what came before); an inverted clause ("..., reports the National Migration
  Service") takes its source after the verb;
* "according to X" / "citing X" / "in line with the statement", with the phrase as the cue;
* hearsay without a named source — "reportedly", "allegedly", "is said to", "it is estimated
  that", "has been reported" — with ``name=None``, ``type="unnamed"``, ``evidential="hearsay"``;
* non-speech evidential verbs ("statistics project that", "Panama registers 1,250"), stances
  ("wants to", "declined to"), verbs attribution corpora mostly mark as cues and noun cues
  ("Trump's claim that") — :mod:`claimwatch.extract.cue_candidates`;
* no source where none speaks: a relative or concessive clause covers only itself, a river, a
  road or a year that "has claimed N lives" is no speaker, a section label ("Details:") and the
  report itself ("a previous version of this article said") are not sources.

Each sentence's **primary** attribution (outside quotations, with a source, the original source
behind an outlet that relays it) speaks for it; the others are nested records. Nothing inside a
quotation and nothing inside what the primary one reports gets a record of its own, except a
second reporting act of the same speaker beside it ("..., saying ...", "... and said ..."). Speaker
labels, source lines and signatures are records too (:mod:`claimwatch.extract.source_lines`).
Sources are resolved through the entity registry (:mod:`claimwatch.extract.source_resolution`);
records keep the head mention for claims (``name``/``span``, ``cue``/``cue_span``) and the whole
source and cue phrases as PolNeAR marks them (``source_span``, ``cue_phrase_span``).

Which sentences an attribution covers, and how far it was carried, is the report context's
business (:func:`claimwatch.extract.context.source_for`); :func:`attribution_for` gives the
primary attribution found in a sentence itself.

The lexicons are ``resources/attribution_cues.json`` (cues), ``resources/source_types.json``
and ``resources/source_aliases.json`` (source typing, :mod:`claimwatch.extract.sources`).
"""

from __future__ import annotations

import bisect
import json
from importlib import resources

from spacy.tokens import Doc, Token

from ..model import QuoteKind
from .base import Analysis, AttributionMention, Stage, TokenTable, children_of, token_table
from .cue_candidates import (
    FIRST_SECOND as _FIRST_SECOND,
)
from .cue_candidates import (
    NOMINAL_CUE_WORDS,
    RECORDS_ONLY,
    Cand,
    cannot_speak,
    contrasted,
    corpus_candidate,
    depth,
    evidential_candidate,
    figure_participle_candidate,
    mistagged_verb_candidate,
    noun_candidate,
    stance_candidate,
)
from .cue_model import learned_candidate
from .entities import document_noun
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
_OBJECT_ACTS = frozenset(_CUES["object_speech_acts"])
_ANAPHORIC = {"this", "that", "it", "so", "these", "those"}
#: document-according phrases by their first word ("in" -> ("in", "line", "with"), ...)
_DOC_ACCORDING: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CUES["document_according_phrases"]:
    _DOC_ACCORDING.setdefault(_phrase[0], []).append(tuple(_phrase))
_SELF_REFERENCE = frozenset(_CUES["self_reference"])
_NOMINAL_HEARSAY = {"report", "record", "register"}    # "the passage of 29,641 migrants has been reported"


# --------------------------------------------------------------------------- detection

def _content_of(doc: Doc, lo: int, hi: int, verb: Token, exclude: tuple[int, int]) -> tuple[int, int] | None:
    """Content of a reporting verb: its clausal complements, else the rest of the sentence."""
    kids = [c for c in children_of(verb) if c.dep_ in ("ccomp", "xcomp", "parataxis")
            and not (exclude[0] <= c.i < exclude[1])]
    if not kids:
        # "said in a statement that ...": the clause hangs off the statement noun
        for prep in children_of(verb):
            if prep.dep_ != "prep":
                continue
            for obj in children_of(prep):
                for c in children_of(obj):
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
    for child in children_of(verb):
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


def _subject(tok: Token, lo: int, hi: int, lemma: str) -> tuple[Token | None, Token | None, bool]:
    """(subject, passive agent, passive) of a reporting verb within its sentence; a participle
    ("..., adding that") shares the governing verb's subject; a misparsed finite verb takes the
    nearest noun phrase on its left."""
    subj = agent = None
    passive = False
    for c in children_of(tok):
        if c.dep_ in ("nsubj", "csubj") and (subj is None or abs(c.i - tok.i) < abs(subj.i - tok.i)):
            subj = c  # two subjects (a misparse of "<clause>, the agency said"): the nearest one
        elif c.dep_ == "nsubjpass":
            subj, passive = c, True
        elif c.dep_ == "agent":
            agent = next((g for g in children_of(c) if g.dep_ == "pobj"), None)
    if subj is not None and not lo <= subj.i < hi:
        subj, passive = None, False     # a parse across a paragraph break: not this sentence's subject
    if subj is None and agent is None and tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") \
            and lo <= tok.head.i < hi and not (tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in children_of(tok.head))):
        head = tok.head
        subj = next((c for c in children_of(head) if c.dep_ in ("nsubj",)), None)
        steps = 0
        while subj is None and head.dep_ == "conj" and steps < 4:   # "... reversed, rushed and said"
            head, steps = head.head, steps + 1
            subj = next((c for c in children_of(head) if c.dep_ in ("nsubj",)), None)
    if subj is None and agent is None and lemma in _STRONG and tok.tag_ in ("VBD", "VBZ", "VBP") \
            and tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
        subj = _left_subject(tok, lo)
    return subj, agent, passive


def _passive_candidate(tok: Token, lo: int, hi: int, lemma: str, subj: Token | None, agent: Token | None,
                       clausal: bool) -> Cand | None:
    """Passive frames: "X is said / reported to ...", "It was reported that ..." (hearsay), and
    "This was stated by X" (an anaphoric attribution: the content is what came before)."""
    doc = tok.doc
    aux = [c for c in children_of(tok) if c.dep_ == "auxpass" and c.i < tok.i]
    a = aux[0].i if aux else tok.i
    if agent is None:
        if subj is not None and lemma in _HEARSAY_PASSIVE and (clausal or subj.lower_ == "it" or lemma in _NOMINAL_HEARSAY):
            content = _content_of(doc, lo, hi, tok, (a, tok.i + 1)) if subj.lower_ == "it" else trim_span(doc, lo, hi)
            return Cand(None, a, tok.i + 1, tok.i, content, hearsay=True, depth=depth(tok))
        return None
    if subj is not None and subj.lower_ in _ANAPHORIC:
        return Cand(agent, a, tok.i + 1, tok.i, None, depth=depth(tok), via=_via(tok), anaphoric=True)
    return None


def _source_token(tok: Token, src: Token | None, lemma: str, lo: int) -> tuple[Token | None, Token | None]:
    """(source, relative pronoun) a reporting verb's subject stands for, or (None, None) when it
    cannot be a source (a question word, a clause, a river)."""
    if src is None:
        return None, None
    rel = None
    if src.lower_ in ("who", "which", "that") and src.dep_.startswith("nsubj") and tok.dep_ == "relcl":
        rel, src = src, tok.head
    elif src.lower_ in ("who", "what", "which", "whom", "whoever", "that", "this", "there"):
        return None, None
    if src.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") or src.dep_ == "csubj":
        return None, None
    if cannot_speak(tok, src):
        return _inverted_source(tok, lemma, lo), None     # "... crossed the jungle, reports the National Migration Service"
    return src, rel


def _cognition_ok(tok: Token, lemma: str, clausal: bool) -> bool:
    """A verb of thinking attributes only with a clause ("believes that ..."), a bare one only
    when it takes a clause without "that"."""
    if lemma not in _COGNITION or lemma in _STRONG:
        return True
    if not clausal:
        return False
    return lemma in _COGNITION_BARE or any(
        g.dep_ == "mark" and g.lower_ == "that" for c in children_of(tok) if c.dep_ == "ccomp" for g in children_of(c))


def _object_ok(tok: Token, lemma: str, lo: int, hi: int, has_obj: bool) -> bool:
    """A reporting verb with no clause: an object it characterises, a quotation in the sentence,
    or a core speech verb on its own ("..., he said.")."""
    doc = tok.doc
    if not _bare_object_allowed(tok, lemma, lo, hi):
        return False
    if tok.dep_ == "relcl" and not has_obj:             # "the things Trump said"
        return False
    if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in children_of(tok)):
        return False                                     # "put the toll at 30", not "put forward"
    if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in children_of(tok)):
        return False                                     # "added to the uncertainty"
    if lemma not in _STRONG:
        return lemma in _OBJECT_ACTS and has_obj
    return lemma in _CORE or has_obj and lemma in _OBJECT_ACTS or tok.dep_ == "parataxis" or any(
        doc[j].text in _QUOTE_MARKS for j in range(lo, hi))  # not "contend with", "repeat the phrase"


def _verb_candidate(tok: Token, lo: int, hi: int, regions: list[tuple[int, int]], rstarts: list[int]) -> Cand | None:
    lemma = tok.lemma_.lower()
    if lemma not in _REPORTING or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ in ("amod", "compound", "acl") or tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj"):
        return None
    doc = tok.doc
    subj, agent, passive = _subject(tok, lo, hi, lemma)
    clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children_of(tok))
    cue_lo, cue_hi = tok.i, tok.i + 1
    for c in children_of(tok):  # "pointed out", "has said" stays "said": particles only
        if c.dep_ == "prt" and c.i == cue_hi:
            cue_hi += 1
    if passive:
        framed = _passive_candidate(tok, lo, hi, lemma, subj, agent, clausal)
        if framed is not None or agent is None:
            return framed
    src, rel = _source_token(tok, agent if passive else subj, lemma, lo)
    if src is None or not _cognition_ok(tok, lemma, clausal):
        return None
    if src.lower_ in _FIRST_SECOND and not in_quote(regions, rstarts, tok.idx):
        return None                                      # the author's own "I think", "we said"
    if lemma == "continue" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" or any(
            doc[j].text in CLOSE_Q + '"' for j in range(lo, tok.i))):
        return None
    has_obj = (passive and agent is not None) or any(c.dep_ in ("dobj", "oprd") for c in children_of(tok))
    if not clausal and not _object_ok(tok, lemma, lo, hi, has_obj):
        return None
    s_lo, s_hi = mention_bounds(src)
    content = _content_of(doc, lo, hi, tok, (min(s_lo, cue_lo), max(s_hi, cue_hi)))
    anaphoric = False
    if not clausal:
        objs = [c for c in children_of(tok) if c.dep_ in ("dobj", "prep")]
        anaphoric = any(o.lower_ in _ANAPHORIC or any(g.lower_ in _ANAPHORIC for g in children_of(o)) for o in objs)
        if anaphoric:
            content = None
    cand = Cand(src, cue_lo, cue_hi, tok.i, content, depth=depth(tok), via=_via(tok), anaphoric=anaphoric)
    cand.rel = rel
    return cand


def _inverted_source(verb: Token, lemma: str, lo: int) -> Token | None:
    """The source after the verb in an inverted reporting clause ("..., reports the National
    Migration Service"), which the parser may read as the verb's object."""
    if lemma not in _CORE or verb.tag_ not in ("VBZ", "VBD") or verb.i - lo < 4:
        return None
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.i == verb.right_edge.i - (
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
        return any(c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in children_of(tok))
    return True


def _according_candidate(tok: Token, lo: int, hi: int) -> Cand | None:
    doc = tok.doc
    low = tok.lower_
    if low == "according" and tok.i + 1 < hi and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
        obj = next((c for c in children_of(to) if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in children_of(tok) if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        cue = (tok.i, tok.i + 2)
    elif (phrase_len := _doc_phrase(tok, hi)) is not None:
        cue = (tok.i, tok.i + phrase_len)
        obj = next((c for c in children_of(doc[cue[1] - 1]) if c.dep_ == "pobj"), None)
        if obj is None or document_noun(obj) is None:
            return None
    elif low in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl"):
        obj = next((c for c in children_of(tok) if c.dep_ in ("dobj", "pobj")), None)
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
    return Cand(obj, cue[0], cue[1], tok.i, content, depth=depth(tok), kind="according")


def _doc_phrase(tok: Token, hi: int) -> int | None:
    """Length of a document-according phrase ("in line with", "based on") starting at ``tok``."""
    lower = token_table(tok.doc).lower
    for phrase in _DOC_ACCORDING.get(tok.lower_, ()):
        n = len(phrase)
        if tok.i + n <= hi and tuple(lower[tok.i:tok.i + n]) == phrase:
            return n
    return None


def _hearsay_adverb(tok: Token, lo: int, hi: int) -> Cand | None:
    """"reportedly", "allegedly"; "rumoured / reputed to" however the tagger reads them."""
    if tok.lower_ not in _HEARSAY_ADV and not (
            tok.lower_ in _HEARSAY_ADJ and any(c.dep_ == "xcomp" for c in children_of(tok))):
        return None
    content = trim_span(tok.doc, lo, hi)
    return Cand(None, tok.i, tok.i + 1, tok.i, content, hearsay=True, depth=depth(tok) + 5)


def _trailing(doc: Doc, c: Cand, lo: int, hi: int) -> bool:
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


#: words other than verbs and nouns that open a cue ("according to", "citing", "in line with",
#: "reportedly", "alleged"): every candidate function below needs a verb, a noun or one of these
_CUE_OPENERS = frozenset({"according", "citing", "quoting"} | set(_DOC_ACCORDING) | _HEARSAY_ADV | _HEARSAY_ADJ)


def _cue_openers(table: TokenTable, lo: int, hi: int) -> list[int]:
    """The tokens in [lo, hi) that can start any candidate (the cheap test every candidate
    function would fail first): a verb, a cue noun or a cue opener word. Spares building a Token
    and nine calls for most words."""
    pos, lower, lemma = table.pos, table.lower, table.lemma
    return [j for j in range(lo, hi) if pos[j] in ("VERB", "AUX") or lower[j] in _CUE_OPENERS
            or pos[j] == "NOUN" and (lower[j] in NOMINAL_CUE_WORDS or lemma[j] in NOMINAL_CUE_WORDS)]


def _candidates(doc: Doc, lo: int, hi: int, regions, rstarts) -> list[Cand]:
    out = []
    table = token_table(doc)
    for j in _cue_openers(table, lo, hi):
        tok = table.tokens[j]
        c = (_verb_candidate(tok, lo, hi, regions, rstarts) or evidential_candidate(tok, lo, hi)
             or mistagged_verb_candidate(tok, lo, hi) or figure_participle_candidate(tok, lo, hi)
             or _according_candidate(tok, lo, hi) or _hearsay_adverb(tok, lo, hi) or stance_candidate(tok, lo, hi)
             or corpus_candidate(tok, lo, hi) or noun_candidate(tok, lo, hi) or learned_candidate(tok, lo, hi))
        if c is not None and c.src is not None and _self_reference(c.src):
            continue       # "A previous version of this article said ...": the author's own voice
        if c is not None:
            c.in_quote = in_quote(regions, rstarts, tok.idx)
            out.append(c)
    return _without_chained(doc, out)


def _without_chained(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Records-only cues minus those chained by an open complement to a verb that is a cue of a
    stronger kind ("wanted to know", "appeared to suggest"): one attribution, whose cue runs over
    both verbs. A learned cue also yields to a rule's records-only one."""
    strong = {c.cue_i for c in cands if c.kind not in RECORDS_ONLY}
    ruled = strong | {c.cue_i for c in cands if c.kind == "corpus"}

    def chained(c: Cand) -> bool:
        verb, others = doc[c.cue_i], (ruled if c.kind == "learned" else strong)
        return verb.dep_ == "xcomp" and verb.head.i in others or any(
            k.dep_ == "xcomp" and k.i in others for k in children_of(verb))

    by_cue = {c.cue_i: c for c in cands if c.kind != "learned"}
    for c in cands:
        verb = doc[c.cue_i]
        head = by_cue.get(verb.head.i)
        if c.kind == "learned" and verb.dep_ == "xcomp" and head is not None and head.cue_hi <= verb.i \
                and all(doc[k].tag_ == "TO" for k in range(head.cue_hi, verb.i)):
            head.cue_hi = verb.i + 1       # "wanted to know": the second verb is a cue too
    return [c for c in cands if c.kind not in RECORDS_ONLY or not chained(c)]


def _relays(src: Token) -> bool:
    """A source that relays what others said: a news outlet or agency ("Italian news agency Ansa")."""
    lo, hi = mention_bounds(src)
    phrase = src.doc[lo:hi].text
    return classify_source(phrase, ent_label=src.ent_type_ or None) in ("media", "social_media") or looks_like_outlet(phrase)


def _reported_inside(doc: Doc, c: Cand, best: Cand | None) -> bool:
    """An attribution inside what the sentence's primary attribution reports ("Clinton said she
    thinks ...", "Trump said he finally believes ..."): part of the reported content."""
    return (best is not None and c is not best and best.content is not None
            and best.content[0] <= doc[c.cue_i].idx < best.content[1]
            and not _beside(doc[c.cue_i], doc[best.cue_i]) and not contrasted(doc[c.cue_i], doc[best.cue_i]))


def _beside(verb: Token, primary: Token) -> bool:
    """A second reporting act of the same speaker beside the primary one, not inside what it
    reports: a coordinated or adverbial verb ("Merrill says ... and said she would ...",
    "X mocked the complaint, saying ..."), as attribution corpora mark it."""
    tok, steps = verb, 0
    while tok.i != primary.i and tok.dep_ in ("conj", "advcl") and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok.i == primary.i and steps > 0


def _nested_content(c: Cand, best: Cand | None, m: AttributionMention) -> bool:
    """Whether a non-primary record's content is part of the primary one's (or a stance's)."""
    if c.kind == "stance" or c.kind in RECORDS_ONLY:
        return True
    return best is not None and best.content is not None and m.content_span is not None and (
        m.content_span[0] < best.content[1] and best.content[0] < m.content_span[1])


def _primary(doc: Doc, cands: list[Cand], lo: int, hi: int) -> Cand:
    """The attribution that speaks for a sentence: outside quotations, with a source; an
    anaphoric one with a named source ("This was stated by X, Censor.NET reports") first; else
    the outer reporting clause ("..., the agency said") — but when what the outer one reports is
    itself attributed ("The coast guard said it rescued 57 migrants, Ansa reported") by an
    outlet that relays it, the inner, original source."""
    best = min(cands, key=lambda c: (c.in_quote, c.src is None and not c.hearsay,
                                     not (c.anaphoric and c.src is not None and c.src.lower_ not in _ANAPHORIC),
                                     doc[c.cue_i].dep_ == "acl",   # "the toll given by X" speaks only alone
                                     c.kind == "stance", not _trailing(doc, c, lo, hi), c.depth, c.cue_i))
    if best.anaphoric or best.content is None or best.src is None or not _relays(best.src):
        return best
    inner = [c for c in cands if c is not best and c.src is not None and not c.in_quote and not c.hearsay
             and c.kind != "stance"
             and doc[c.cue_i].idx >= best.content[0] and doc[c.cue_i].idx < best.content[1]
             and c.src.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP]
    return min(inner, key=lambda c: c.depth) if inner else best


def _quote_kind(m: AttributionMention, text: str, regions, rstarts) -> QuoteKind:
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
        speaking = [c for c in cands if c.kind not in RECORDS_ONLY]    # records-only cues speak for no sentence
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
                m.trailing = not m.anaphoric and c.content is not None and m.span is not None \
                    and c.content[1] <= m.span[0] and doc[c.cue_i].dep_ != "acl"  # not "a toll, given by X,"
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
