"""Attribution stage: every attribution of a report — a source, a cue, the content attributed
(SPEC §2 ``source``, §4, §5 evidential; PolNeAR's source / cue / content) — one record each.

Per sentence, from the dependency parse:

* the subject (or passive agent) of a reporting verb — "said", "told", "writes", "believes",
  "denounced ... by X" — with the verb as the cue (:mod:`claimwatch.extract.reporting_verbs`); "This was stated by X" is anaphoric (its
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

from spacy.tokens import Doc, Token

from ..model import QuoteKind
from .base import Analysis, AttributionMention, Stage, TokenTable, children_of, cue_lexicon, token_table, word_form
from .cue_candidates import (
    CLOSING_NOUN_CUES,
    NOMINAL_CUE_WORDS,
    RECORDS_ONLY,
    Cand,
    contrasted,
    corpus_candidate,
    depth,
    evidential_candidate,
    figure_participle_candidate,
    list_lead_candidate,
    mistagged_verb_candidate,
    noun_candidate,
    stance_candidate,
)
from .cue_model import learned_candidate
from .entities import document_noun
from .frames import person_noun
from .interviews import interview_attributions
from .mentions import mention_bounds, sentence_tokens, trim_span, with_spans
from .quotes import in_quote, quote_regions, quoted_chars
from .reporting_verbs import verb_candidate
from .source_lines import header_attributions, label_attributions, line_attributions, signature_attributions
from .source_resolution import PRONOUNS_GROUP, PRONOUNS_PERSON, SourceResolver, resolve_to_turn_speakers
from .sources import classify_source, is_unnamed, looks_like_outlet, source_strength

__all__ = ["find_attributions", "find_attribution_candidates", "attribution_for", "STAGE"]

_CUES = cue_lexicon()
_HEARSAY_ADV = frozenset(a for a in _CUES["hearsay_adverbs"] if a not in ("apparently", "seemingly", "ostensibly"))
_HEARSAY_ADJ = {"rumoured", "rumored", "reputed", "purported", "alleged"}
_ANAPHORIC = {"this", "that", "it", "so", "these", "those"}
#: document-according phrases by their first word ("in" -> ("in", "line", "with"), ...)
_DOC_ACCORDING: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CUES["document_according_phrases"]:
    _DOC_ACCORDING.setdefault(_phrase[0], []).append(tuple(_phrase))
_SELF_REFERENCE = frozenset(_CUES["self_reference"])
#: "as reported by X", "as stated by X": a participle between "as" and "by", whose agent is the source
_AS_BY = frozenset(p[1] for p in _CUES["according_phrases"] if len(p) == 3 and p[0] == "as" and p[2] == "by")


# --------------------------------------------------------------------------- detection

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
    elif low == "as" and tok.i + 2 < hi and doc[tok.i + 1].lower_ in _AS_BY and doc[tok.i + 2].lower_ == "by":
        # "Deaths by district, as reported by INGD:": the agent of the participle is the source
        obj = next((c for c in children_of(doc[tok.i + 2]) if c.dep_ == "pobj"), None)
        if obj is None or not _speaks(obj):
            return None
        cue = (tok.i, tok.i + 3)
    elif (phrase_len := _doc_phrase(tok, hi)) is not None:
        cue = (tok.i, tok.i + phrase_len)
        obj = next((c for c in children_of(doc[cue[1] - 1]) if c.dep_ == "pobj"), None)
        if obj is None or document_noun(obj) is None:
            return None
    elif low == "per" and (tok.i == lo or doc[tok.i - 1].lower_ in ("as", ",")):
        # "as per the ministry's report", "..., per the disaster office." (not "16 per 100,000", "$5 per person")
        obj = next((c for c in children_of(tok) if c.dep_ == "pobj"), None)
        if obj is None or not _speaks(obj):
            return None
        cue = (tok.i - 1, tok.i + 1) if doc[tok.i - 1].lower_ == "as" and tok.i > lo else (tok.i, tok.i + 1)
    elif low in ("citing", "quoting") and tok.dep_ in ("advcl", "xcomp", "prep", "acl"):
        obj = next((c for c in children_of(tok) if c.dep_ in ("dobj", "pobj")), None)
        if obj is None or not _speaks(obj):
            return None     # "reported, citing intercepted radio traffic": the reporter stays the source
        cue = (tok.i, tok.i + 1)
    else:
        return None
    pp_lo, pp_hi = cue[0], max(obj.right_edge.i + 1, cue[1])
    content = None
    left, right = trim_span(doc, lo, pp_lo), trim_span(doc, pp_hi, hi)
    if left and right:
        content = (left[0], right[1])
    else:
        content = left or right
    return Cand(obj, cue[0], cue[1], tok.i, content, depth=depth(tok), kind="according")


_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_DOER_SUFFIXES = ("er", "or", "ist", "ant", "ent")


def _speaks(noun: Token, depth_left: int = 1) -> bool:
    """Whether what is cited is a person, an organisation or a document ("citing two officials",
    "citing the ministry", "citing a report", "citing data from the ministry"), not evidence the
    reporter saw ("citing intercepted radio traffic", "citing satellite images")."""
    for head in (noun, *noun.conjuncts):
        lemma = head.lemma_.lower()
        if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in _SPEAKER_ENTS or person_noun(head):
            return True
        if document_noun(head) or is_unnamed(head.text) or source_strength(head.text) or source_strength(lemma):
            return True
        if lemma.endswith(_DOER_SUFFIXES) and len(lemma) > 4:
            return True     # "citing monitors", "citing analysts"
        if depth_left and any(_speaks(g, depth_left - 1) for c in children_of(head)
                              if c.dep_ == "prep" and c.lower_ in ("of", "from", "by") for g in children_of(c)
                              if g.dep_ == "pobj"):
            return True     # "citing images from Maxar"
    return False


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


#: words other than verbs and nouns that open a cue ("according to", "as per", "citing", "in line with",
#: "reportedly", "alleged"): every candidate function below needs a verb, a noun or one of these
_CUE_OPENERS = frozenset({"according", "citing", "quoting", "per", "as"} | set(_DOC_ACCORDING) | _HEARSAY_ADV | _HEARSAY_ADJ)


def _cue_openers(table: TokenTable, lo: int, hi: int) -> list[int]:
    """The tokens in [lo, hi) that can start any candidate (the cheap test every candidate
    function would fail first): a verb, a cue noun or a cue opener word. Spares building a Token
    and nine calls for most words."""
    pos, lower, lemma = table.pos, table.lower, table.lemma
    return [j for j in range(lo, hi) if pos[j] in ("VERB", "AUX") or lower[j] in _CUE_OPENERS
            or pos[j] == "NOUN" and (lower[j] in NOMINAL_CUE_WORDS or lemma[j] in NOMINAL_CUE_WORDS
                                     or lower[j] in CLOSING_NOUN_CUES)]


def _candidates(doc: Doc, lo: int, hi: int, regions, rstarts) -> list[Cand]:
    out = []
    table = token_table(doc)
    for j in _cue_openers(table, lo, hi):
        tok = table.tokens[j]
        c = (verb_candidate(tok, lo, hi, regions, rstarts) or evidential_candidate(tok, lo, hi)
             or mistagged_verb_candidate(tok, lo, hi) or figure_participle_candidate(tok, lo, hi)
             or _according_candidate(tok, lo, hi) or _hearsay_adverb(tok, lo, hi) or stance_candidate(tok, lo, hi)
             or corpus_candidate(tok, lo, hi) or noun_candidate(tok, lo, hi) or learned_candidate(tok, lo, hi))
        if c is not None and c.src is not None:
            c.src = _past_a_label(c.src)
        if c is not None and c.src is not None and _self_reference(c.src):
            continue       # "A previous version of this article said ...": the author's own voice
        if c is not None:
            c.in_quote = in_quote(regions, rstarts, tok.idx)
            out.append(c)
    return _without_chained(doc, out)


def _past_a_label(src: Token) -> Token:
    """The speaker after a label's colon ("(Editor's note: the city's fire chief, in an interview,
    gave a figure of 14 injured)", "Update: the league, in a statement, said ..."): the parse makes
    the label the subject and the speaker its apposition; the label names no one."""
    colon = next((c for c in children_of(src) if c.i > src.i and c.text == ":"), None)
    if colon is None:
        return src
    return next((c for c in children_of(src) if c.dep_ == "appos" and c.i > colon.i), src)


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


#: the places a recording subject can be: a state, a region, a district
_RECORDING_PLACES = ("country", "admin1", "admin2")


def _a_recording_place(c: Cand) -> bool:
    """A place as the subject of a non-speech evidential verb ("Portugal recorded 318 drownings",
    "Umbria has recorded more than 240 deaths"): the place where the figure was counted."""
    src = c.src
    if c.kind != "evidential" or src is None or src.pos_ != "PROPN":
        return False
    if src.ent_type_ in ("GPE", "LOC"):
        return True
    from .gazetteer import get_gazetteer, norm

    key = norm(src.text)
    return any(norm(e.name) == key and e.feature in _RECORDING_PLACES for e in get_gazetteer().lookup(key)[:3])


def _without_a_recording_place(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Records-only cues speak for no sentence; nor does a place that "recorded" a figure when the
    sentence names who counted it ("..., according to data from the police statistics unit"): the
    data's source is, the place is where it was counted ("Panama registers 1,250 a day" alone
    stays the place's government). A news outlet that relays the figure ("Kenya recorded 40 cholera
    deaths, according to Reuters") counted nothing: the place still speaks."""
    named = any(c.kind == "according" and c.src is not None and not c.in_quote
                and classify_source(" ".join(t.text for t in c.src.subtree)) != "media" for c in cands)
    return [c for c in cands if not (named and _a_recording_place(c))]


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
            and not _beside(doc[c.cue_i], doc[best.cue_i]) and not contrasted(doc[c.cue_i], doc[best.cue_i])
            and not _semicolon_between(doc, c.cue_i, best.cue_i))


def _semicolon_between(doc: Doc, i: int, j: int) -> bool:
    """A semicolon between two cues: two statements side by side ("Police said the driver was
    detained; a preliminary check found he had driven nine hours"), however the parse hangs them."""
    return any(doc[k].text == ";" for k in range(min(i, j) + 1, max(i, j)))


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
                                     not (c.anaphoric and c.src is not None and word_form(c.src) not in _ANAPHORIC),
                                     doc[c.cue_i].dep_ == "acl",   # "the toll given by X" speaks only alone
                                     c.kind == "stance", not _trailing(doc, c, lo, hi), c.depth, c.cue_i))
    if best.anaphoric or best.content is None or best.src is None or not _relays(best.src):
        return best
    inner = [c for c in cands if c is not best and c.src is not None and not c.in_quote and not c.hearsay
             and c.kind != "stance"
             and doc[c.cue_i].idx >= best.content[0] and doc[c.cue_i].idx < best.content[1]
             and word_form(c.src) not in PRONOUNS_PERSON | PRONOUNS_GROUP]
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
        lead = list_lead_candidate(doc, lo, hi) if not cands else None
        cands = [lead] if lead is not None else cands
        if not cands:
            continue
        speaking = _without_a_recording_place(doc, [c for c in cands if c.kind not in RECORDS_ONLY])
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
    labels = label_attributions(analysis, resolver.registry, primary_sents)
    resolve_to_turn_speakers(out, labels, resolver.para_of, resolver.registry)
    out.extend(labels)
    out.extend(line_attributions(analysis, resolver.registry))
    out.extend(header_attributions(analysis, resolver.registry))
    out.extend(signature_attributions(analysis, resolver.registry))
    out.extend(interview_attributions(analysis, resolver.registry))
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
