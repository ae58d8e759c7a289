"""Source mentions in the parse: token ranges and character spans of the mention heading a
reporting verb, its full noun phrase, and the name after a generic descriptor
("the charity Save the Children"); the cue and the whole source phrase as attribution corpora
(PolNeAR) write them (:func:`with_spans`). Used by the attribution stage."""

from __future__ import annotations

import bisect
from itertools import takewhile

from spacy.tokens import Doc, Token

from .base import AttributionMention, cue_lexicon, doc_text
from .sources import source_strength

__all__ = ["DESCRIPTORS", "NAME_JOINERS", "sentence_tokens", "trim_span", "entity_end", "mention_bounds", "names_a_body", "descriptor_name",
           "noun_phrase", "with_spans", "first_of_coordinated_sources"]

_CUES = cue_lexicon()
#: generic heads a name may follow ("the charity Save the Children")
DESCRIPTORS = frozenset(_CUES["name_descriptors"])
#: prepositions that belong to a cue ("called for", "warned against")
_CUE_PREPS: dict[str, list[str]] = _CUES["cue_prepositions"]
_ANAPHORIC = {"this", "that", "it", "so", "these", "those"}
#: cues that are no speech verb: the preposition after the verb introduces what they are about
_PREP_TAKING = {"stance", "corpus", "learned"}
#: cue kinds whose cue is a verb written with its auxiliaries, particles and preposition
_VERB_CUE_KINDS = frozenset({"clause", "evidential"}) | _PREP_TAKING
#: prepositions of time, place and manner, no way into the content
_NOT_CONTENT_PREPS = {"in", "on", "at", "during", "after", "before", "since", "by", "from", "through", "until", "via"}
#: small words inside a multi-word name ("Reporters Without Borders", "Médecins du Monde",
#: "Committee to Protect Journalists")
NAME_JOINERS = frozenset({"the", "of", "for", "to", "and", "&", "de", "du", "la", "-", "on", "in", "without", "against"})
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "june", "july", "august", "september", "october", "november",
              "december", "on", "in", "at", "as", "but", "and", "which", "who", "that", "said", "says"}


def sentence_tokens(doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = doc.to_array("IDX").tolist()
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


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _acronym_closed(prep: Token) -> int | None:
    """The end of a name's place phrase that its acronym closes ("the Integrated Office in Haiti
    (BINUH)": the bracketed capitals spell out the whole as one name), or None."""
    doc = prep.doc
    if prep.lower_ != "in":
        return None
    words = [t for t in prep.subtree if t.i > prep.i]
    bracket = next((t.i for t in words if t.text == "("), None)
    end = bracket if bracket is not None else prep.right_edge.i + 1
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" \
            or not (doc[end + 1].text.isupper() and len(doc[end + 1].text) >= 3):
        return None
    place = [t for t in words if t.i < end]
    return end if place and all(t.text[:1].isupper() or t.lower_ == "the" for t in place) else None


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range of the head mention: left modifiers, the head, its entity and conjuncts."""
    doc = head.doc
    lo = head.left_edge.i
    if any(doc[j].tag_ in _FINITE_TAGS for j in range(lo, head.i)):
        # a misparse hung a whole clause on the name ("The bus ... was travelling ... near Huanta,
        # Peru's transport ministry said"): a name holds no finite verb, so it starts after the
        # clause's last comma
        lo = next((j + 1 for j in range(head.i - 1, lo - 1, -1) if doc[j].text in (",", ";")), head.i)
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ == "cc" or doc[lo].tag_ in ("``", "''")):
        lo += 1
    hi = entity_end(head)
    proper = head.text[:1].isupper() and head.ent_type_ != "PERSON" and head.pos_ in ("PROPN", "NOUN")
    for child in head.rights:
        if proper and child.dep_ == "prep" and child.i == hi and child.lower_ in ("of", "for", "without", "on"):
            rest = list(takewhile(lambda t: t.text != "(", (t for t in child.subtree if t.i > child.i)))
            if rest and all(t.text[:1].isupper() or t.lower_ in ("the", "and", "of", "for") for t in rest):
                hi = rest[-1].i + 1
                continue
        if proper and child.dep_ == "prep" and child.i == hi and (closed := _acronym_closed(child)) is not None:
            hi = closed
            continue
        if child.dep_ in ("compound", "flat", "nummod") and child.i == hi:
            hi = child.i + 1
        elif child.dep_ == "prep" and child.i == hi and child.lower_ == "of" and _partitive(head):
            group = next((g for g in child.children if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS")), None)
            hi = group.i + 1 if group is not None else hi      # "One of the officials", "Two of the survivors"
        elif child.dep_ == "conj" or (child.dep_ == "cc" and any(c.dep_ == "conj" for c in head.rights)):
            hi = max(hi, entity_end(child) if child.dep_ == "conj" else child.i + 1)
    return lo, _coordinated_object_end(head, hi) if proper else hi


def _coordinated_object_end(head: Token, hi: int) -> int:
    """The end of a name whose "of"/"for" phrase coordinates capitalised words past where the tagger
    ended it ("the Ministry of Fisheries | and Maritime Affairs"): the whole is one name."""
    doc = head.doc
    if hi >= len(doc) or doc[hi].dep_ != "cc" or not head.i < doc[hi].head.i < hi:
        return hi
    obj = doc[hi].head
    conj = next((c for c in obj.children if c.dep_ == "conj" and c.i > hi), None)
    if obj.dep_ != "pobj" or obj.head.lower_ not in ("of", "for") or conj is None \
            or not all(t.text[:1].isupper() for t in doc[hi + 1: conj.i + 1]) \
            or source_strength(doc[hi + 1: entity_end(conj)].text) == 2:
        return hi       # "the Ministry of Health and Oxfam": a second body
    return max(entity_end(conj), conj.i + 1)


#: heads that take a share of a group: "one / two / some / several / many / most of the officials"
_PARTITIVE_HEADS = frozenset({"one", "some", "several", "many", "most", "each", "all", "both", "none", "few", "any"})


def _partitive(head: Token) -> bool:
    return head.lower_ in _PARTITIVE_HEADS or head.like_num and head.pos_ == "NUM"


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
    if k + 1 < len(doc) and doc[k].like_num and doc[k].dep_ == "nummod" and doc[k].head.i == k - 1 \
            and doc[k + 1].is_punct:
        k += 1      # a number that ends the name ("the charity Utopia 56,"), not one that counts ("Oxfam 12 staff")
    if k < len(doc) and (doc[k].text[:1].isalnum() and doc[k].pos_ in ("NOUN", "PROPN")):
        return None  # "the group Vostok member ...": not a clean name
    return j, k


def names_a_body(tok: Token) -> bool:
    """An organisation written as one: a tagged organisation, or a mention the source lexicon types
    as a body ("the health ministry", "the Department of Tourism", "Ministry of Health figures")."""
    if tok.ent_type_ == "ORG":
        return True
    lo, hi = mention_bounds(tok)
    return source_strength(tok.doc[lo:hi].text) == 2     # the noun's own words ("deaths", not "deaths reported by X")


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


def _aux_start(doc: Doc, verb: Token, lo: int) -> int:
    """Where a verb's auxiliaries, negation and adverbs before it start ("has not yet said")."""
    j = lo - 1
    while j >= 0 and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod") \
            and not doc[j].is_punct and doc[j].lower_ not in _ANAPHORIC and doc[j].tag_ != "TO":
        j -= 1
    return j + 1


def _cue_bounds(doc: Doc, c) -> tuple[int, int]:
    """Token range of the cue as written: a verb with its auxiliaries, negation and adverbs before
    it ("has said", "did not immediately respond"), its preposition ("called for") and a colon
    right after it ("said:")."""
    lo, hi = c.cue_lo, c.cue_hi
    verb = doc[c.cue_i]
    if c.kind not in _VERB_CUE_KINDS or verb.pos_ not in ("VERB", "AUX"):
        return lo, hi
    lo = _aux_start(doc, verb, lo)
    head = verb.head
    if verb.dep_ == "xcomp" and head.i < lo and head.pos_ in ("VERB", "AUX") and all(
            doc[k].head.i in (head.i, verb.i) and doc[k].dep_ in ("aux", "prt", "advmod", "neg") for k in range(head.i + 1, lo)):
        lo = _aux_start(doc, head, head.i)      # "appeared to suggest", "continues to insist", "went on to explain"
    while hi < len(doc) and doc[hi].dep_ == "prt" and doc[hi].head.i == verb.i:
        hi += 1     # "laid out"
    if hi < len(doc) and doc[hi].head.i == verb.i and (doc[hi].lower_ in _CUE_PREPS.get(verb.lemma_.lower(), ()) or (
            c.kind in _PREP_TAKING and doc[hi].dep_ == "prep" and doc[hi].lower_ not in _NOT_CONTENT_PREPS)):
        hi += 1     # "called for", and a stance's preposition before what it is about ("railed against")
    if hi < len(doc) and doc[hi].text == ":":
        hi += 1
    return lo, hi


def _source_bounds(doc: Doc, c, lo_s: int, hi_s: int) -> tuple[int, int] | None:
    """Token range of the whole source phrase (PolNeAR): the source's subtree with its apposition
    and modifiers, not reaching into the cue or the content nor across a line break; the relative
    pronoun itself when the source is one ("who said")."""
    if c.rel is not None:
        return c.rel.i, c.rel.i + 1
    src = c.src
    lo, hi = src.left_edge.i, src.right_edge.i + 1
    if src.i < c.cue_lo:
        hi = min(hi, c.cue_lo)
    elif src.i >= c.cue_hi:
        lo = max(lo, c.cue_hi)
    if c.content is not None:
        first = next((t.i for t in doc[lo:hi] if t.idx >= c.content[0] and t.idx < c.content[1]), None)
        if first is not None and first > src.i:
            hi = first
    for j in range(src.i - 1, lo - 1, -1):
        dash = doc[j].text in ("-", "--", "—", "–") and (j == 0 or doc[j - 1].whitespace_)   # not "Holtz-Eakin"
        if "\n" in doc[j].text_with_ws or dash or doc[j].text == ")":
            lo = j + 1
            break
    for j in range(src.i + 1, hi):
        # a non-restrictive clause or a second apposition is no part of the source ("X, the A of B, which ...")
        if doc[j].text == "," and j + 1 < hi and (doc[j + 1].dep_ == "relcl" or doc[j + 1].left_edge.i == j + 1 and any(
                t.dep_ == "relcl" for t in [doc[j + 1]]) or sum(1 for t in doc[src.i:j] if t.text == ",") >= 1
                and doc[j + 1].pos_ in ("DET", "NUM", "PRON") and doc[j + 1].head.dep_ == "appos"):
            hi = j + 1
            break
    while lo < src.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > src.i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in (")",):
        hi -= 1
    if hi < len(doc) and doc[hi].text == "," and any(t.text == "," for t in doc[src.i:hi]) and hi + 1 == _cue_bounds(doc, c)[0]:
        hi += 1     # "Brian Fallon, the campaign's press secretary, said": the apposition's closing comma
    return (min(lo, lo_s), max(hi, hi_s)) if lo <= lo_s else (lo, max(hi, hi_s))


def with_spans(doc: Doc, c, m: AttributionMention) -> AttributionMention:
    """The record's cue phrase and whole source phrase as attribution corpora mark them; the
    claim's cue keeps the reporting word(s) with their preposition ("called for")."""
    text = doc_text(doc)
    lo, hi = _cue_bounds(doc, c)
    m.cue_phrase_span = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    verb = doc[c.cue_i]
    if c.kind in _VERB_CUE_KINDS and verb.pos_ in ("VERB", "AUX") and c.cue_hi < hi \
            and m.cue_span is not None and doc[c.cue_hi].lower_ in _CUE_PREPS.get(verb.lemma_.lower(), ()):
        m.cue_span = (m.cue_span[0], doc[c.cue_hi].idx + len(doc[c.cue_hi]))     # "called for", "spoke of"
        m.cue = text[m.cue_span[0]:m.cue_span[1]]
    if c.src is not None and m.span is not None:
        head = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        bounds = _source_bounds(doc, c, head.start, head.end) if head is not None else None
        if bounds is not None:
            m.source_span = (doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1]))
    return m


def _stands_alone(tok: Token) -> bool:
    """A noun phrase that names a speaker on its own: a determiner or possessive of its own ("a
    local resistance group", "the NUG", "its partners") or a name ("Oxfam")."""
    return tok.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in tok.children)


def _entity_start(tok: Token) -> int:
    """Index of the first token of the entity ``tok`` is in (its own index outside an entity)."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i if tok.ent_iob_ in ("B", "I") else tok.i


def first_of_coordinated_sources(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    """The char span of the first of two speakers a source mention coordinates ("a local
    resistance group and the opposition NUG", "Oxfam and the Red Cross"), or None when the
    mention is one name ("Bosnia and Herzegovina", "the Ministry of Justice and Public Security",
    "The Fire Service and Civil Defence", "his wife and son")."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None:
        return None
    for tok in words:
        head = tok.head
        if tok.dep_ != "conj" or not words.start <= head.i < tok.i or _entity_start(tok) <= head.i:
            continue    # (one name: "Bosnia and Herzegovina")
        if not (_stands_alone(tok) and _stands_alone(head)) or _one_name(head, tok):
            continue
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i), None)
        if cc is None:
            continue
        end = cc.i
        while end > words.start and doc[end - 1].is_punct:
            end -= 1
        if end <= words.start:
            return None
        last = doc[end - 1]
        return span[0], last.idx + len(last)
    return None


def _one_name(first: Token, second: Token) -> bool:
    """Two capitalised conjuncts that are one body's name, however the tagger split it: inside the
    name's "of"/"for" phrase ("the Ministry of Fisheries and Maritime Affairs"), or a name of
    several capitalised words with no determiner of its own after one the first takes ("The Fire
    Service and Civil Defence", "the Red Cross and Red Crescent"), unless it names a body the
    lexicon knows ("the Army and Border Police")."""
    doc = first.doc
    if not (first.text[:1].isupper() and second.text[:1].isupper()):
        return False
    words = doc[second.left_edge.i: second.i + 1]
    if source_strength(words.text) == 2:
        return False
    if first.dep_ == "pobj" and first.head.lower_ in ("of", "for") and first.head.head.text[:1].isupper():
        return True
    return len(words) > 1 and all(t.text[:1].isupper() for t in words) and any(c.dep_ == "det" for c in first.children)
