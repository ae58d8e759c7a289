"""Report context: the report's frame, and what each claim takes from it (SPEC §2 Context).

A coder reads the whole report, not one sentence. After the sentence stages this stage builds:

* the **frame**: the headline line (a first line without final punctuation), the **lead** (the
  first paragraph after it), the report's **source** (a "Source: X" line, a closing "According
  to X." or "— Reuters", a dateline agency, the lead's "This was stated by X"), the **lead
  time** (the first time in the lead that dates an event rather than a statement: "made the
  discovery Thursday", not "officials said Friday") and the **lead places** (the first places of
  the lead that locate an event, not the nationality of an institution such as "U.S. officials");
* **source coverage**: which attribution speaks for each sentence and how far it was carried
  (:mod:`claimwatch.extract.carryover`);
* per sentence, the **event time** and **event places** it states, for the sentences after it.

The claim assembly asks three look-ups, each returning where the value came from as a SPEC
``scope`` (``sentence`` | ``paragraph`` | ``article``):

* :func:`source_for` — the attribution covering a sentence; not for a claim in a subordinate
  clause the cue is not in, a claim before a semicolon or colon that an attribution after it
  introduces ("...: according to their stories, 3 are missing"), or a count of the speakers
  themselves ("The 14 survivors ... claimed");
* :func:`claimwatch.extract.context_time.claim_time` — the claim's own time, else what it
  inherits (its own module: a part of a group, the present tense, the previous sentence about the
  same event, a narrowing of the lead's time, the lead time; background claims do not inherit);
* :func:`claim_places` — the claim's own places (``places.places_for``); when none of them
  locates the event, the event places of the previous sentence of the paragraph, else the lead
  places, are added — not when the paragraph has named other places already (an origin, a
  route: its own geography), and only those in the country of the institution the claim names
  ("U.S. officials recovered six bodies" takes the lead's Eagle Pass, not a Mexican town).

Inherited values keep the span and text of the words that stated them. The time and place
*normalisation* is the time and places stages' (``timex.time_for``, ``places.places_for``);
the decision to inherit is made here.

Core: :func:`find_context`; step: :data:`STAGE` (provides ``context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from ..model import Scope
from .base import (
    Analysis,
    AttributionMention,
    PlaceMention,
    Stage,
    TimeMention,
    children_of,
    context_lexicon,
    cue_lexicon,
)
from .carryover import (
    a_clause_after_its_content,
    a_later_speakers_clause,
    carry,
    paragraph_of_sentences,
    source_coverage,
)
from .certainty import governing_predicate
from .context_places import (
    a_picture_note,
    across_clauses,
    article_places,
    carried_places,
    layout_places,
    placed_things,
    where_a_thing_happened,
)
from .entities import role_in
from .layout import ISSUE_LABEL, LEAD_HEADLINE_WORDS, SENTENCE_END, headline
from .place_local import UNLOCATED
from .places import places_for
from .statement_acts import gives_a_figure, states_at
from .timex_attach import beyond_a_years_name, comparison_standard, in_opening_dateline, of_the_telling, ranks_in

__all__ = ["ReportContext", "find_context", "source_for", "claim_places", "STAGE"]

_CUES = cue_lexicon()
_LEX = context_lexicon()
#: predicates that date a statement, not the event it reports
_STATEMENT_LEMMAS = frozenset(_LEX["statement_lemmas"])
#: nouns whose place modifiers locate an institution or a group, not the event ("U.S. officials", "Italian coast guard")
_INSTITUTION_NOUNS = frozenset(_LEX["institution_nouns"])
_LEAD_PARAGRAPHS = int(_LEX["lead_paragraphs"])
_SUBORDINATING = frozenset(_CUES["subordinating_marks"])
_CORE_SPEECH = frozenset(_CUES["core_speech_verbs"])
_LAYOUT_LINES = 5
_NOTE_WORDS = 6     # the most words of a note line above the lead ("Translated from French.")
_WORD = re.compile(r"\w")
_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "shall", "must", "'ll", "’ll", "wo"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
_DESCRIPTIVE = frozenset({"relcl", "acl", "appos"})
_RELATIVE = frozenset({"relcl"})
#: head nouns of administrative divisions a tagger may read as organisations
_DIVISION_NOUNS = frozenset({"area", "district", "county", "province", "region", "governorate", "municipality",
                             "prefecture", "parish", "territory", "oblast", "raion", "upazila", "tehsil", "commune"})
#: what a reporting or evidential verb introduces after it ("found the survivors", "said that ...")
_INTRODUCED = frozenset({"dobj", "ccomp", "xcomp", "attr"})


@dataclass
class ReportContext:
    """The report's frame and per-sentence context (see the module doc)."""

    lead_para: int = 0
    headline: tuple[int, int] | None = None
    source: AttributionMention | None = None
    sources: dict[int, AttributionMention] = field(default_factory=dict)
    lead_time: TimeMention | None = None
    lead_places: list[PlaceMention] = field(default_factory=list)
    event_times: dict[int, TimeMention] = field(default_factory=dict)
    narrative_times: dict[int, TimeMention] = field(default_factory=dict)
    event_places: dict[int, list[PlaceMention]] = field(default_factory=dict)
    placed: set[int] = field(default_factory=set)      # sentences that name a location (of any role)
    things: dict[str, list[PlaceMention]] = field(default_factory=dict)  # places stated for a thing ("boats ... from Sfax")
    para_of: list[int] = field(default_factory=list)


# ---------------------------------------------------------------------------- the frame

def _lead_paragraph(analysis: Analysis, title: tuple[int, int] | None) -> int:
    """The paragraph that opens the report's text: the first after the headline and the byline,
    desk and date lines under it ("By A. Musa, Gusau", "Updated 17 Feb 2026"), or a release's letterhead
    (issuer, address, release number, place and date, title): at most five of them."""
    first = 1 if title is not None else 0
    k, lines = first, 0
    while lines < _LAYOUT_LINES and k < len(analysis.paragraphs) - 1:
        if _a_note(analysis, k):
            k += 1      # a note does not count as a line of the layout
            continue
        if _lead_headline(analysis, k) is None:
            return k
        k, lines = k + 1, lines + 1
    return first


def _a_note(analysis: Analysis, para: int) -> bool:
    """Whether a paragraph is a short note above the lead, with no finite verb ("Translated from
    French.", "Updated at 10:40.", "Photo: AFP."): no clause states anything there."""
    start, end = analysis.paragraphs[para]
    chunk = analysis.doc.char_span(start, end, alignment_mode="expand")
    if chunk is None:
        return False
    words = [t for t in chunk if not (t.is_punct or t.is_space)]
    return 0 < len(words) <= _NOTE_WORDS and not any("Fin" in t.morph.get("VerbForm", []) for t in words)


def _lead_headline(analysis: Analysis, index: int = 0) -> tuple[int, int] | None:
    """Paragraph ``index`` as a line of the report's layout by the lead's test: one short line (at most
    20 words) closed by no sentence end; a longer unpunctuated first line is a standfirst, the lead."""
    return headline(analysis.text, analysis.paragraphs, closing=SENTENCE_END, max_chars=None,
                    max_words=LEAD_HEADLINE_WORDS, index=index)


def is_statement_time(analysis: Analysis, t: TimeMention) -> bool:
    """A time that dates the statement ("officials said Friday"), not what was stated: it hangs
    from the cue of an attribution of its sentence, or from a verb of stating. A stance that is an
    act, not speech ("On Tuesday night armed men attacked the camp", "shareholders backed the plan"),
    dates what was done."""
    if t.head_i is None:
        return False
    if any(states_at(analysis, m, t.head_i) for m in analysis.attributions if m.sent_i == t.sent_i):
        return True
    return (verb := analysis.doc[t.head_i]).lemma_.lower() in _STATEMENT_LEMMAS or gives_a_figure(verb)


def _resolved(t: TimeMention) -> bool:
    return bool(t.start or t.end)


def _main_clause(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a time dates its sentence's main clause, not a clause describing a participant
    ("the boat, which also sailed last Thursday", "a town that has become ... in the last year")."""
    return _in_main_clause(analysis, t.head_i, simultaneous=bool(t.precision in ("day", "week") and t.start and t.end))


def _hedged(analysis: Analysis, t: TimeMention) -> bool:
    """A time of a hedged or hypothetical predicate ("it would have sunk a couple of hours earlier")."""
    return t.head_i is not None and bool(_aux(analysis.doc[t.head_i]) & _MODALS)


def in_dateline(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a time is the date of a dateline ("LUCKNOW, India, Oct 14 (AP) -"): the day the
    report was filed, parsed apart from the sentence it opens, which dates no event of it."""
    if in_opening_dateline(analysis, t):
        return True     # the parser may split the dateline itself ("BAMAKO" | ", Nov. 18 -")
    if t.head_i is None:
        return False
    part = analysis.doc[t.head_i].sent
    start, end = analysis.sentences[t.sent_i]
    return part.start_char == start and part.end_char < end and part.text.rstrip()[-1:] in ("-", "–", "—")


def _habitual_season(analysis: Analysis, t: TimeMention) -> bool:
    """A season with no year on a simple present ("Leaves turn red in the fall"): a habit, which
    dates no event for the sentences after it."""
    if t.head_i is None or not (t.value or "").endswith(("-SP", "-SU", "-FA", "-WI")) or any(ch.isdigit() for ch in t.text):
        return False
    verb = analysis.doc[t.head_i]
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be" and not _aux(verb)


def _event_times(analysis: Analysis) -> dict[int, TimeMention]:
    """Per sentence, the time that dates its event: resolved, not the date of a statement, in the
    main clause, not of a hedged predicate or a habit."""
    out: dict[int, TimeMention] = {}
    for t in analysis.times:
        if t.sent_i not in out and _resolved(t) and not is_statement_time(analysis, t) and _main_clause(analysis, t) \
                and not _hedged(analysis, t) and not in_dateline(analysis, t) and not _habitual_season(analysis, t) \
                and not _a_standards_time(analysis, t) and not _a_date_line(analysis, t) and not of_the_telling(analysis, t):
            out[t.sent_i] = beyond_a_years_name(analysis, t)
    return out


def _a_date_line(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a day is the whole of its sentence ("Unofficial translation of a statement ... 5 November
    2026.", "Issued: 30 October 2026"): the date a text was issued or filed, which dates no event of the report (a month or a
    year alone, "October 2026" over a monthly review, is the period it covers)."""
    (start, end), text = analysis.sentences[t.sent_i], analysis.text
    return t.precision == "day" and start <= t.span[0] and t.span[1] <= end and not _WORD.search(text, t.span[1], end) and (not _WORD.search(text, start, t.span[0]) or bool(ISSUE_LABEL.fullmatch(text, start, t.span[0])))


def _a_standards_time(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a time dates the figure a comparison measures against ("compared with 3,412 in
    October 2025"), not the sentence's event, which the next sentences continue."""
    chunk = analysis.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return chunk is not None and len(chunk) > 0 and comparison_standard(chunk.root) is not None or ranks_in(analysis, t)


def _narrative_times(analysis: Analysis) -> dict[int, TimeMention]:
    """Per sentence, the last time that dates what it reports — its event time, or a participle
    on a participant ("the migrants recorded so far this year") — for the sentences after it
    that refine or continue it (not the date of a statement, a hedged predicate or a relative
    clause about another participant)."""
    out: dict[int, TimeMention] = {}
    for t in analysis.times:
        if _resolved(t) and not is_statement_time(analysis, t) and not _hedged(analysis, t) \
                and _in_main_clause(analysis, t.head_i, _RELATIVE) and not in_dateline(analysis, t) \
                and not _habitual_season(analysis, t) and not of_the_telling(analysis, t) and not ranks_in(analysis, t):
            out[t.sent_i] = t
    return out


def _place_token(analysis: Analysis, p: PlaceMention) -> Token | None:
    chunk = analysis.doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else None


def locates_event(analysis: Analysis, p: PlaceMention) -> bool:
    """Whether a place locates what happened, rather than an institution or a group ("U.S.
    officials", "the Italian coast guard", "Russian soldiers") or the reporting source."""
    if p.role == "source_location" or p.lat is None and p.precision != UNLOCATED or p.kind == "demonym":
        return False    # a nationality word ("Ecuadorians") names people, not where it happened
    tok = _place_token(analysis, p)
    if tok is None:
        return True
    if tok.ent_type_ == "NORP" or tok.pos_ == "ADJ":
        return False
    entities = analysis.entities
    if entities is not None and any(m.kind in ("name", "description") and m.span[0] <= p.span[0] and p.span[1] <= m.span[1]
                                    and (m.span[1] - m.span[0]) > (p.span[1] - p.span[0])
                                    and not _a_division(analysis, m.span)
                                    for e in entities.entities for m in e.mentions):
        return False    # a place inside an organisation's name ("Kalamata Coast Guard")
    head = tok.head
    if tok.dep_ in ("amod", "compound", "poss", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i != tok.i:
        lemma = head.lemma_.lower()
        if lemma in _INSTITUTION_NOUNS or role_in(head.text) is not None or lemma == "time":
            return False    # "08:05 Lima time": a clock's time zone, not where it happened
    return True


def _a_division(analysis: Analysis, span: tuple[int, int]) -> bool:
    """Whether a name the tagger calls an organisation is an administrative division ("Gwer West
    Local Government Area of Benue State", "Kalehe Territory"): its head noun is a division's."""
    chunk = analysis.doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk is not None and len(chunk) > 1 and chunk.root.lower_ in _DIVISION_NOUNS


def _finite_misparse(tok: Token) -> bool:
    """A sentence's main verb the parser hung on its subject as a reduced relative ("A fire swept
    through the camp on Sunday ..., officials said": 'swept' an ``acl`` of 'fire', and 'said' with
    two subjects, 'fire' and 'officials'): a past-tense ``acl``, or one whose noun is a subject of a
    verb that has another subject, is the main clause misread."""
    if tok.dep_ != "acl":
        return False
    if tok.tag_ == "VBD":
        return True
    noun = tok.head
    return noun.dep_ == "nsubj" and sum(1 for c in children_of(noun.head) if c.dep_ == "nsubj") >= 2


def _in_main_clause(analysis: Analysis, head_i: int | None, descriptive: frozenset[str] = _DESCRIPTIVE,
                    simultaneous: bool = False) -> bool:
    """Whether token ``head_i`` is outside every clause that describes a participant. With
    ``simultaneous`` (a day or a week, both bounds known), a present participle on a participant is
    no such clause: what it describes held as the event happened ("A fire broke out on a ferry
    carrying 252 people late on Monday": the day is the fire's)."""
    if head_i is None:
        return True
    tok = analysis.doc[head_i]
    for _ in range(16):
        if tok.dep_ in descriptive and not (_finite_misparse(tok) or _complement(tok)
                                            or simultaneous and tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def _complement(clause: Token) -> bool:
    """Whether a clause the parser hangs as a relative one is a complement ("found in 2023 that
    crimes had been committed against migrants in Libya"): its "that" is a conjunction, not a
    relative pronoun."""
    return clause.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in children_of(clause))


def _event_places(analysis: Analysis) -> dict[int, list[PlaceMention]]:
    """Per sentence, the places that locate its main event (not a clause describing a participant:
    "traffickers who sailed from Tobruk, Libya")."""
    out: dict[int, list[PlaceMention]] = {}
    for p in analysis.places:
        tok = _place_token(analysis, p)
        if p.role in ("event", "destination") and locates_event(analysis, p) and (
                tok is None or _in_main_clause(analysis, tok.i, _RELATIVE) or where_a_thing_happened(tok)):
            out.setdefault(p.sent_i, []).append(p)
    return out


def _outside_relative(analysis: Analysis, p: PlaceMention) -> bool:
    """Whether a place sets the paragraph's geography: not where a relative clause says a
    participant acted ("the doctor who welcomed the survivors to the Kalamata hospital"); where the
    people it describes come from does ("the bodies of 30 men who tried to flee the country"), not
    where the main clause says they set out from ("40 set out from Ayvalik. Twelve drowned")."""
    tok = _place_token(analysis, p)
    main = tok is None or _in_main_clause(analysis, tok.i, _RELATIVE)
    return not main if p.role == "origin" else main or tok is not None and where_a_thing_happened(tok)


def _lead_sentences(ctx: ReportContext, paragraphs: int = 2) -> list[int]:
    return [i for i, p in enumerate(ctx.para_of) if ctx.lead_para <= p < ctx.lead_para + paragraphs]


def _dates_an_event(t: TimeMention) -> bool:
    """A time that can date the report's event: a day, a night, a week — with both its bounds
    (not a year, an open period, or the end bound of a running total: "as of Sunday")."""
    if not (t.start and t.end):
        return False
    if t.precision in ("day", "week"):
        return True
    return t.precision == "range" and (date.fromisoformat(t.end) - date.fromisoformat(t.start)).days <= 7


def _lead_time(analysis: Analysis, ctx: ReportContext) -> TimeMention | None:
    """The time of the report's event: the first event time of the lead paragraphs that dates an
    event (a day, a night), else the first event time of the lead, else the date of the lead's
    statement ("officials said Friday")."""
    lead = _lead_sentences(ctx, _LEAD_PARAGRAPHS)
    timed = [ctx.event_times[i] for i in lead if i in ctx.event_times]
    found = next((t for t in timed if _dates_an_event(t)), None)
    if found is None:
        found = next((t for t in timed if ctx.para_of[t.sent_i] == ctx.lead_para), None)
    if found is not None:
        return found
    first_para = [i for i in lead if ctx.para_of[i] == ctx.lead_para]
    stated = [t for t in analysis.times if t.sent_i in first_para and _resolved(t) and not _habitual_season(analysis, t)]
    # a time of the lead's text before the day of its dateline, which dates the filing
    return next((t for t in stated if not in_dateline(analysis, t)), stated[0] if stated else None)


def find_context(analysis: Analysis) -> ReportContext:
    """The report's frame and per-sentence context (pure; reads the earlier stages' results)."""
    ctx = ReportContext(para_of=paragraph_of_sentences(analysis))
    ctx.headline = _lead_headline(analysis)
    ctx.lead_para = _lead_paragraph(analysis, ctx.headline)
    ctx.sources, ctx.source = source_coverage(analysis, ctx.lead_para)
    ctx.event_times = _event_times(analysis)
    ctx.event_places = _event_places(analysis)
    ctx.narrative_times = _narrative_times(analysis)
    ctx.placed = {p.sent_i for p in analysis.places if locates_event(analysis, p) and _outside_relative(analysis, p)}
    ctx.lead_time = _lead_time(analysis, ctx)
    ctx.things = placed_things(analysis)
    ctx.lead_places = next((ps for ps in (article_places(analysis, ctx.event_places.get(i, ()), ctx.para_of[i] == ctx.lead_para)
                                          for i in _lead_sentences(ctx, _LEAD_PARAGRAPHS)
                                          if not a_picture_note(analysis, ctx.para_of[i]))
                            if ps), []) or layout_places(analysis, ctx.lead_para, locates_event)
    return ctx


def _context(analysis: Analysis) -> ReportContext:
    if analysis.context is None:
        analysis.context = find_context(analysis)
    return analysis.context


# ---------------------------------------------------------------------------- look-ups

def source_for(analysis: Analysis, sent_i: int, head_i: int | None = None) -> AttributionMention | None:
    """The attribution covering sentence ``sent_i`` (its ``scope`` says how far it was carried),
    or None: the author's voice. With the claim's head token ``head_i``: an attribution made in
    a subordinate clause that does not hold the claim ("Although the ministry said 20 died, the
    toll is 35") does not cover it: the report's own source (a credit line) does, if it has one.
    A sourceless hearsay ("they are believed to ...") in a report with a source is that source's
    hearsay."""
    ctx = _context(analysis)
    bracketed = _bracketed_source(analysis, sent_i, head_i)
    if bracketed is not None:
        return bracketed
    found = ctx.sources.get(sent_i)
    before = _paragraph_source_before(analysis, ctx, sent_i)
    reporter = before or ctx.source
    if found is not None and found.name is None and found.evidential == "hearsay" and reporter is not None:
        # "They are believed to have set off from Sfax" in a report credited to an agency: the
        # agency reports the hearsay (its source, the sentence's own evidential) — or the body
        # named by the sentence before it in its paragraph ("The registry showed ... Of those, ...")
        relayed = carry(reporter, sent_i, "paragraph" if before is not None else "article", "none")
        relayed.evidential = "hearsay"
        return relayed
    if found is None or head_i is None or found.scope != "sentence" or found.cue_i is None:
        return found
    if _subordinate_elsewhere(analysis, found.cue_i, head_i) or _before_its_clause(analysis, found, head_i) \
            or _counts_the_source(analysis, found, head_i) or a_clause_after_its_content(analysis.doc, found, head_i):
        # the sentence's own attribution does not hold the claim: a second speaker's clause above
        # it does ("..., according to X, which said its patrols found 47"), else the report's source
        governing = _governing_speaker(analysis, found, head_i, speech_only=True)
        if governing is not None:
            return governing
        return carry(ctx.source, sent_i, "article", "none") if ctx.source is not None else None
    return _nearest_speaker(analysis, found, head_i)


def _paragraph_source_before(analysis: Analysis, ctx: ReportContext, sent_i: int) -> AttributionMention | None:
    """The organisation or official the sentence before ``sent_i`` in its paragraph names as its source."""
    if sent_i == 0:
        return None
    prev = ctx.sources.get(sent_i - 1)
    same_para = analysis.paragraph_index(analysis.sentences[sent_i - 1][0]) == \
        analysis.paragraph_index(analysis.sentences[sent_i][0])
    if prev is None or not same_para or prev.name is None or prev.scope == "article" \
            or prev.type in ("unnamed", "author", "witness"):
        return None
    return prev


def _bracketed_source(analysis: Analysis, sent_i: int, head_i: int | None) -> AttributionMention | None:
    """The source bracketed after the figures of a bullet line that hold the claim ("62 killed,
    140 injured (Ministry of Health)")."""
    if head_i is None:
        return None
    char = analysis.doc[head_i].idx
    return next((carry(m, sent_i, "sentence") for m in analysis.attributions if m.kind == "bracket"
                 and m.content_span is not None and m.content_span[0] <= char < m.content_span[1]), None)


def _nearest_speaker(analysis: Analysis, primary: AttributionMention, head_i: int) -> AttributionMention:
    """The reporting clause nearest above the claim in the parse: a second speaker's clause beside
    the primary one holds what it governs ("..., the commission said, while the ministry put the
    toll at 8": 8 is the ministry's)."""
    return _governing_speaker(analysis, primary, head_i) or primary


def _governing_speaker(analysis: Analysis, primary: AttributionMention, head_i: int,
                       speech_only: bool = False) -> AttributionMention | None:
    """The named reporting clause other than ``primary`` whose cue is above the claim in the
    parse (before ``primary``'s own cue is reached), if any; with ``speech_only``, only a verb
    of saying ("which said its patrols found 47", not "its patrols found")."""
    doc = analysis.doc
    others = {m.cue_i: m for m in analysis.attributions
              if m.sent_i == primary.sent_i and not m.primary and m.kind == "clause" and m.name is not None
              and m.cue_i is not None and m.cue_i != primary.cue_i
              and (not speech_only or doc[m.cue_i].lemma_.lower() in _CORE_SPEECH)}
    if not others:
        return None
    tok = doc[head_i]
    for _ in range(12):
        if tok.i == primary.cue_i:
            return None
        if tok.i in others:
            return others[tok.i]
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _counts_the_source(analysis: Analysis, attr: AttributionMention, head_i: int) -> bool:
    """A count of the speakers themselves ("The 14 survivors ... claimed that ..."): the report
    describes who speaks, the speakers do not vouch for their own number."""
    span = attr.source_span or attr.span
    at = analysis.doc[head_i].idx
    return span is not None and span[0] <= at < span[1]


def _before_its_clause(analysis: Analysis, attr: AttributionMention, head_i: int) -> bool:
    """Whether the claim precedes, across a semicolon or colon, an attribution that introduces
    what follows it ("45 of whom were saved: according to their stories, 3 would be missing";
    "the boat carried 48; the coast guard found the survivors"). A closing "..., police said"
    (its content before it) covers the whole sentence."""
    doc = analysis.doc
    cue_i = attr.cue_i
    if cue_i is None or cue_i <= head_i or not (across_clauses(doc, head_i, cue_i)
                                                 or a_later_speakers_clause(doc, head_i, cue_i)):
        return False
    cue = doc[cue_i]
    if attr.kind == "according":    # "according to X, <content>": words of a clause follow the source
        end = attr.span[1] if attr.span is not None else cue.idx + len(cue.text)
        end = max(end, cue.right_edge.idx + len(cue.right_edge))     # "the prefecture of Larissa": its whole phrase
        sent_end = analysis.sentences[attr.sent_i][1]
        return any(t.is_alpha for t in doc if end <= t.idx < sent_end)
    return any(c.dep_ in _INTRODUCED for c in children_of(cue) if c.i > cue_i)


def _subordinate_elsewhere(analysis: Analysis, cue_i: int, head_i: int) -> bool:
    """Whether the cue sits in a subordinate clause (concessive, conditional, relative ...) that
    does not contain the claim's head."""
    doc = analysis.doc
    tok = doc[cue_i]
    for _ in range(12):
        if tok.dep_ == "relcl" or tok.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _SUBORDINATING for c in children_of(tok)):
            return not (tok.left_edge.i <= head_i <= tok.right_edge.i)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _aux(pred: Token) -> set[str]:
    return {c.lower_ for c in children_of(pred) if c.dep_ in ("aux", "auxpass")}


def _generic(analysis: Analysis, sent_i: int, head_i: int | None, event_type: str | None) -> bool:
    """A general statement in the present with no event ("The area draws migrants from dozens
    of countries"): it happens nowhere in particular. Running totals and predictions still take
    the report's place."""
    if head_i is None or event_type is not None:
        return False
    pred = governing_predicate(analysis, sent_i, head_i)
    return pred is not None and pred.tag_ in ("VBZ", "VBP") and not _aux(pred) & _MODALS


def _compatible(analysis: Analysis, inherited: list[PlaceMention], own: list[PlaceMention]) -> list[PlaceMention]:
    """The inherited places that fit the claim's own: none it names already, and — when it names
    the country of the institution that acted ("Polish border police", "U.S. officials") — those
    in that country or on its border (no country given). An origin ("arrived from Russia") does
    not restrict them."""
    names = {p.name or p.text for p in own}
    countries = {p.country for p in own if p.country and p.role in ("event", "destination")
                 and not locates_event(analysis, p)}
    return [p for p in inherited if (p.name or p.text) not in names
            and (not countries or p.country is None or p.country in countries)]


def claim_places(analysis: Analysis, sent_i: int, head_i: int | None,
                 event_type: str | None = None) -> list[tuple[PlaceMention, Scope]]:
    """The places of a claim, each with where it came from (``sentence`` | ``paragraph`` | ``article``)."""
    ctx = _context(analysis)
    own = [p for p in places_for(analysis, sent_i, head_i)] if head_i is not None else []
    out: list[tuple[PlaceMention, Scope]] = [(p, "sentence") for p in own]
    out += _of_its_things(analysis, ctx, sent_i, head_i, own)
    stated = [p for p, _ in out]
    if any(p.sent_i == sent_i and p.role in ("event", "destination") and locates_event(analysis, p) for p in own):
        return out
    if _generic(analysis, sent_i, head_i, event_type):
        return out
    j = sent_i - 1
    while j >= 0 and ctx.para_of[j] == ctx.para_of[sent_i]:
        if j in ctx.event_places:
            return out + [(p, "paragraph") for p in _compatible(analysis, ctx.event_places[j], stated)]
        if j in ctx.placed:
            return out      # the paragraph's own geography (an origin, a route) is not the lead's event
        j -= 1
    if ctx.lead_places and ctx.lead_places[0].sent_i != sent_i:
        return out + [(p, "article") for p in _compatible(analysis, ctx.lead_places, stated)]
    return out


def _of_its_things(analysis: Analysis, ctx: ReportContext, sent_i: int, head_i: int | None,
                   own: list[PlaceMention]) -> list[tuple[PlaceMention, Scope]]:
    """The places stated earlier for the things the claim refers back to ("40 people from the
    boats" after "two boats set off from Sfax"), in the roles its own places leave open."""
    if head_i is None:
        return []
    pred = governing_predicate(analysis, sent_i, head_i)
    if pred is None:
        return []
    roles = {p.role for p in own if locates_event(analysis, p)}
    names = {p.name or p.text for p in own}
    carried = [p for p in carried_places(analysis, sent_i, head_i, pred, ctx.things)
               if p.role not in roles and (p.name or p.text) not in names]
    return [(p, "paragraph" if ctx.para_of[p.sent_i] == ctx.para_of[sent_i] else "article") for p in carried]


STAGE = Stage("context", ("attributions", "times", "places", "entities"), ("context",), find_context)
