"""The time a claim takes from its sentence or from the report (SPEC §2 Context).

:func:`claim_time` — the claim's own time (``timex.time_for``), unless it is only the date of
the statement ("..., the agency said on Friday") and the report dates the event; a part of a
group named before ("100,000 of the migrants", "half of them") takes the time that group was
counted; an event or statement in the present tense ("a search continues") holds at
publication; else the event time of the previous sentence of the paragraph about the same kind
of event, else the latest time after the lead that narrows the lead's ("so far this year" after
"this year"), else the lead time (with no lead time, the nearest earlier sentence about the same
event). A background claim — a prediction ("could reach", "will be"; not a hedge on the event:
"there would be 3 missing", "may have died"), a general statement with no event, a running total
when the lead is not one — does not inherit. The report's frame (lead time, event times per
sentence) is :mod:`claimwatch.extract.context`'s.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from ..model import Scope
from .base import Analysis, TimeMention, children_of
from .base import governing_predicate as predicate_of
from .certainty import governing_predicate
from .context import (
    _DESCRIPTIVE,
    _LEX,
    _MODALS,
    _PERFECT_AUX,
    _STATEMENT_LEMMAS,
    ReportContext,
    _aux,
    _context,
    _dates_an_event,
    _hedged,
    _lead_headline,
    _main_clause,
    _resolved,
    is_statement_time,
)
from .timex import time_for
from .timex_attach import compared, of_a_day_or_week, on_the_subject

__all__ = ["claim_time", "background"]

_RUNNING_TOTAL = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in _LEX["running_total_markers"]) + r")(?![\w-])",
                            re.IGNORECASE)
_FUTURE = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_DEFINITE = frozenset({"the", "these", "those"})
#: the prepositions of the incident a claim happened in ("killed in a fire", "hurt during clashes"); not
#: of a place it came from ("pulled from the lake, which had flooded a village on Sunday")
_INCIDENT_PREPS = frozenset({"in", "during", "amid"})
#: verbs of a clause that states when the incident a claim happened in began
_BEGIN_LEMMAS = frozenset({"begin", "start", "erupt", "break"})
#: what follows an entry's stamp: perhaps a time zone, then a dash or a colon ("14:05 GMT - ...")
_WORD = re.compile(r"\w")
_STAMP_END = re.compile(r"(?:\s*(?:[A-Z]{2,4}|local(?:\s+time)?))?\s*[-–—:]\s")


def _running_total(analysis: Analysis, sent_i: int, pred: Token, head_i: int) -> bool:
    """A present perfect with a cumulative marker ("have died so far this year", "have crossed
    since January"); a bare present perfect ("nine migrants have drowned") reports an event, and
    so does one whose marker dates only a comparison ("have flooded 40 homes, the worst
    damage this year")."""
    if not (pred.tag_ == "VBN" and _aux(pred) & _PERFECT_AUX):
        return False
    s, e = analysis.sentences[sent_i]
    standards = [t.span for t in analysis.times if t.sent_i == sent_i and compared(analysis, t, head_i)]
    return any(not any(a <= m.start() < b for a, b in standards) for m in _RUNNING_TOTAL.finditer(analysis.text, s, e))


def background(analysis: Analysis, sent_i: int, head_i: int | None, event_type: str | None) -> bool:
    """A claim about another time than the report's event: a prediction or possibility
    ("could rise", "will cross"), a running total ("have died") unless the lead is one, a
    general statement in the present with no event ("The area draws migrants")."""
    if head_i is None:
        return False
    pred = governing_predicate(analysis, sent_i, head_i)
    if pred is None:
        return False
    aux = _aux(pred)
    if aux & _MODALS:
        return _prediction(pred, aux)
    if _running_total(analysis, sent_i, pred, head_i):
        lead = _context(analysis).lead_time
        return not (lead is not None and (lead.end is None or lead.precision in ("range", "year")))
    present = pred.tag_ in ("VBZ", "VBP") or (pred.tag_ == "VBG" and bool(aux & {"is", "are", "'s", "’s", "'re", "’re"}))
    return present and event_type is None and not _members_of_a_group(pred)


def _members_of_a_group(pred: Token) -> bool:
    """"Among those released are 182 soldiers, 41 guards and eight civilians": a present "be" that
    lists the members of a group the event made, which share its time; not a standing group ("among its
    members are 400 farmers"), a general statement."""
    if pred.lemma_ != "be":
        return False
    groups = [g for c in pred.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children if g.dep_ == "pobj"]
    # a group the event made ("those released", "the injured"), not a standing one ("its members")
    return any(g.tag_ in ("VBN", "JJ") or any(a.dep_ == "acl" and a.tag_ in ("VBN", "VBG") for a in g.children)
               for g in groups)


def _prediction(pred: Token, aux: set[str]) -> bool:
    """A modal predicate about another time ("could reach 400,000", "will cross"), not a hedge on
    the reported event: an inference about the past ("would have sunk", "may have died"), a
    guarded state ("there would be 3 missing", "the toll could be higher"; not "will be"), or
    what could be confirmed or said ("could only confirm two bodies")."""
    if aux & _PERFECT_AUX or "have" in aux:
        return False
    if pred.lemma_ == "be" and not aux & _FUTURE:
        return False
    return pred.lemma_.lower() not in _STATEMENT_LEMMAS


def _generic_present(analysis: Analysis, sent_i: int, head_i: int | None, event_type: str | None) -> bool:
    """A simple present with no event ("The 14th Amendment guarantees equal protection") states
    what holds in general, not what holds at publication; a progressive ("are questioning") does not."""
    if head_i is None or event_type is not None:
        return False
    pred = governing_predicate(analysis, sent_i, head_i)
    return pred is not None and pred.tag_ in ("VBZ", "VBP") and pred.lemma_.lower() != "be"


_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m"})


def _present_tense_time(analysis: Analysis, sent_i: int, head_i: int | None) -> TimeMention | None:
    """A claim in the present tense with no time of its own holds at publication ("a search
    continues", "authorities are questioning survivors", "it is unclear how many are missing"):
    the publication date, stated by the finite verb (SPEC §2: "now" means the publication date).
    Not a present perfect (a running total or an event), a prediction, or with no publication date."""
    if head_i is None or analysis.published is None:
        return None
    pred = governing_predicate(analysis, sent_i, head_i)
    if pred is None:
        return None
    aux = [c for c in children_of(pred) if c.dep_ in ("aux", "auxpass")]
    if {a.lower_ for a in aux} & (_MODALS | _PERFECT_AUX):
        return None
    finite: Token | None = None
    if pred.tag_ in ("VBZ", "VBP") and not aux and pred.lemma_.lower() != "have":
        finite = pred
    else:   # a progressive, active or passive ("are questioning", "is being coordinated"); not a passive state
        finite = next((a for a in aux if a.lower_ in _PRESENT_AUX), None)
        progressive = pred.tag_ == "VBG" or any(a.lower_ == "being" for a in aux)
        if finite is None or not progressive:
            return None
    return TimeMention(span=(finite.idx, finite.idx + len(finite.text)), text=finite.text, start=analysis.published,
                       end=analysis.published, precision="day", anchor="published", sent_i=sent_i, head_i=pred.i,
                       value="PRESENT_REF")


def _inherit_time(analysis: Analysis, sent_i: int, event_type: str | None = None,
                  head_i: int | None = None) -> tuple[TimeMention | None, Scope]:
    """The time a claim with none of its own inherits: the event time of the previous sentence of
    its paragraph about the same event (not one that reports only another kind of event: "The
    boat left Libya on June 10. He drowned near Pylos."), else the lead's (or a later narrowing
    of it) — not a later lead that dates another act; with no lead time, the nearest earlier sentence
    about the same event."""
    ctx = _context(analysis)
    j = sent_i - 1
    earlier: TimeMention | None = None     # the paragraph's last event time, of any kind of event
    while j >= 0 and ctx.para_of[j] == ctx.para_of[sent_i]:
        if j in ctx.event_times and not _other_event(analysis, j, event_type):
            return ctx.event_times[j], "paragraph"
        earlier = earlier or ctx.event_times.get(j) or _sentence_time(analysis, j)
        j -= 1
    lead = ctx.lead_time
    if lead is not None and lead.sent_i > sent_i and earlier is not None:
        return earlier, "paragraph"     # a day the report names later (one incident's) does not date what precedes it
    if lead is not None and lead.sent_i > sent_i and _another_incident(analysis, lead.sent_i, event_type, sent_i):
        # a later act's day ("Police arrested three men. On Friday, a court charged them") does not date
        # this one: the report's time up to here does, if it has one
        before = next((ctx.event_times[k] for k in range(j, -1, -1) if k in ctx.event_times), None)
        return (before, "article") if before is not None else (None, "sentence")
    if lead is not None and lead.sent_i != sent_i and not _statement_day_of_another_act(analysis, lead, event_type, sent_i, head_i):
        return _refinement(ctx, sent_i) or lead, "article"
    if event_type is not None:
        for k in range(j, -1, -1):
            if k in ctx.event_times and _same_event(analysis, k, event_type):
                return ctx.event_times[k], "article"
    return None, "sentence"


def _statement_day_of_another_act(analysis: Analysis, lead: TimeMention, event_type: str | None, sent_i: int,
                                  head_i: int | None) -> bool:
    """A lead day that only dates the lead's statement ("Police said on Tuesday that 12 had been
    arrested") stands for what that statement reported ("12 others were rescued", "40 of them were
    children"), not for another act a later sentence tells that no event type names ("The company
    later closed two plants")."""
    if lead.sent_i > sent_i or event_type is not None or lead.precision != "day" or not is_statement_time(analysis, lead):
        return False    # a typed act may be part of the incident reported ("53 migrants taken into custody")
    pred = governing_predicate(analysis, sent_i, head_i) if head_i is not None else None
    return pred is not None and _an_agents_act(pred)


def _an_agents_act(pred: Token) -> bool:
    """An active verb with a subject of its own ("The club banned 40 supporters"); not a passive
    ("12 others were rescued"), a "be" ("40 of them were children") or a "have"."""
    if pred.pos_ != "VERB" or pred.lemma_.lower() in ("be", "have") or any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(pred)):
        return False
    while pred.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in children_of(pred)):
        pred = pred.head    # "It closed two plants and moved 150 workers": the subject of the first verb
    return any(c.dep_ == "nsubj" for c in children_of(pred))


def _sentence_time(analysis: Analysis, sent_i: int) -> TimeMention | None:
    """The time of sentence ``sent_i``'s main verb (a period by its bounds whole), if it is resolved."""
    s, e = analysis.sentences[sent_i]
    chunk = analysis.doc.char_span(s, e, alignment_mode="expand")
    t = time_for(analysis, sent_i, chunk.root.i) if chunk is not None and len(chunk) else None
    return t if t is not None and t.sent_i == sent_i and t.start and t.end else None


def _event_types(analysis: Analysis, sent_i: int) -> list[str | None]:
    return [e.event_type for e in analysis.events if e.sent_i == sent_i]


def _other_event(analysis: Analysis, sent_i: int, event_type: str | None) -> bool:
    """Whether sentence ``sent_i`` reports only events of other types than ``event_type``."""
    types = _event_types(analysis, sent_i)
    return event_type is not None and bool(types) and all(t is not None and t != event_type for t in types)


#: kinds of event that one incident's harm counts share ("12 killed ..., 5 injured, 3 missing")
_CASUALTIES = frozenset({"death", "injury", "missing", "combat_casualties"})


def _kind(event_type: str | None) -> str | None:
    return "casualties" if event_type in _CASUALTIES else event_type


def _another_incident(analysis: Analysis, sent_i: int, event_type: str | None, claim_i: int) -> bool:
    """Whether sentence ``sent_i`` reports only another kind of act than the claim (of ``event_type``,
    in sentence ``claim_i``) does: the arrests or charges that follow a killing, the killing an
    arrest follows ("Police arrested three men. On Friday, a court charged them"; "Three people were
    killed in a bombing. Police arrested two suspects on Friday"). A count of harm (deaths, injuries,
    missing) after an act the report told first is the harm of that incident ("Police arrested 41
    during riots on Saturday. Twelve officers were hurt, the minister said on Monday": Saturday)."""
    if event_type is None or event_type in _CASUALTIES and sent_i < claim_i:
        return False
    types = _event_types(analysis, sent_i)
    return bool(types) and all(t is not None and _kind(t) != _kind(event_type) for t in types)


def _same_event(analysis: Analysis, sent_i: int, event_type: str) -> bool:
    """Whether sentence ``sent_i`` reports an event of this type or an incident no type fits ("capsized")."""
    return any(t is None or t == event_type for t in _event_types(analysis, sent_i))


def _within(inner: TimeMention, outer: TimeMention) -> bool:
    """Whether a time lies inside another and is narrower ("so far this year" inside "this year")."""
    if not (inner.start and inner.end and outer.start and outer.end):
        return False
    narrower = (inner.start, inner.end) != (outer.start, outer.end)
    return narrower and outer.start <= inner.start and inner.end <= outer.end


def _refinement(ctx: ReportContext, sent_i: int) -> TimeMention | None:
    """The latest time stated after the lead and before sentence ``sent_i`` that narrows the
    lead's time (the lead's "this year", then "the migrants recorded so far this year"): the
    report's narrative has dated its event more precisely, and the claims after it continue it.
    A time outside the lead's (background, a comparison year) narrows nothing."""
    lead = ctx.lead_time
    if lead is None:
        return None
    for j in range(sent_i - 1, lead.sent_i, -1):
        t = ctx.narrative_times.get(j)
        if t is not None and _within(t, lead):
            return t
    return None


def _partitive_anaphor(analysis: Analysis, head_i: int) -> bool:
    """A count of part of a group named before ("100,000 of the migrants", "half of them",
    "most of whom"): the claim is about that group, at the time it was counted."""
    tok = analysis.doc[head_i]
    group: Token | None = tok if tok.dep_ == "pobj" and tok.head.lower_ == "of" else next(
        (g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"), None)
    if group is None:
        return False
    return group.pos_ == "PRON" or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children_of(group))


def _group_time(analysis: Analysis, sent_i: int, head_i: int) -> tuple[TimeMention | None, Scope]:
    """The time of the group a partitive count is part of: the last time dating its own sentence
    before it ("the migrants registered so far this year ..., with half of them ..."), else the
    last one of the sentences before it."""
    ctx = _context(analysis)
    at = analysis.doc[head_i].idx
    here = [t for t in analysis.times if t.sent_i == sent_i and t.span[1] <= at and _resolved(t)
            and not is_statement_time(analysis, t) and not _hedged(analysis, t)]
    if here:
        return here[-1], "sentence"
    for j in range(sent_i - 1, -1, -1):
        if j in ctx.narrative_times:
            same = ctx.para_of[j] == ctx.para_of[sent_i]
            return ctx.narrative_times[j], "paragraph" if same else "article"
    return None, "sentence"


def _precedes_statement(event: TimeMention, statement: TimeMention) -> bool:
    """An event time that the statement date can stand for: on or up to a week before it."""
    if not (event.start and statement.start) or not _dates_an_event(event):
        return False
    days = (date.fromisoformat(statement.start) - date.fromisoformat(event.end or event.start)).days
    return 0 <= days <= 7


def _own_time(analysis: Analysis, sent_i: int, head_i: int | None, statement: bool = False) -> TimeMention | None:
    """The claim's own time: one stated in its sentence, not in a clause describing another
    participant (a statement claim takes any time of its sentence)."""
    own = time_for(analysis, sent_i, head_i) if head_i is not None else None
    if own is None or own.sent_i != sent_i or not (
            analysis.sentences[sent_i][0] <= own.span[0] < analysis.sentences[sent_i][1]):
        return None
    if not statement and not _main_clause(analysis, own) and own.head_i is not None and head_i is not None:
        clause = analysis.doc[own.head_i]
        while clause.dep_ not in _DESCRIPTIVE and clause.head.i != clause.i:
            clause = clause.head
        if not (clause.left_edge.i <= head_i <= clause.right_edge.i) and not _describes_the_counted(clause, head_i) \
                and not ((of_a_day_or_week(own) or _dates_an_event(own))   # (or a span of days: "between 4 and 9 June")
                         and _on_the_subject_or_means(clause, predicate_of(analysis.doc[head_i]))) \
                and not (own.precision in ("year", "month", "range") and _period_of_the_counted(clause, head_i)):
            if clause.lemma_.lower() in _BEGIN_LEMMAS and _runs_since_it_began(clause, predicate_of(analysis.doc[head_i])):
                return replace(own, end=None)   # "vanished during the insurgency, which began in the 1980s": since then
            return None     # "scores crossing near Eagle Pass, a town that has become ... in the last year"
    return own


def _entry_stamp(analysis: Analysis, sent_i: int) -> TimeMention | None:
    """The stamp of the entry sentence ``sent_i`` is in: a clock time or a day that opens its
    paragraph ("14:05 - Rescuers say ...", "March 3 – Workers walk out ...")."""
    ctx = _context(analysis)
    first = sent_i
    while first > 0 and ctx.para_of[first - 1] == ctx.para_of[sent_i]:
        first -= 1
    start = analysis.sentences[first][0]
    return next((t for t in analysis.times if t.sent_i == first and t.span[0] == start and t.start is not None
                 and (t.type == "TIME" or t.type == "DATE" and t.precision == "day")
                 and _STAMP_END.match(analysis.text, t.span[1])), None)


def _paragraph_dated(analysis: Analysis, sent_i: int) -> bool:
    """Whether an earlier sentence of sentence ``sent_i``'s paragraph states an event time."""
    ctx = _context(analysis)
    j = sent_i - 1
    while j >= 0 and ctx.para_of[j] == ctx.para_of[sent_i]:
        if j in ctx.event_times:
            return True
        j -= 1
    return False


def _date_lines(analysis: Analysis) -> dict[int, TimeMention]:
    """The paragraphs that are only a date ("Tuesday, January 13"), by index, with that date."""
    out: dict[int, TimeMention] = {}
    for t in analysis.times:
        para = analysis.paragraph_index(t.span[0])
        start, end = analysis.paragraphs[para]
        if t.start and t.end and t.precision == "day" and not _WORD.search(analysis.text[start:t.span[0]]) \
                and not _WORD.search(analysis.text[t.span[1]:end]):
            out[para] = t
    return out


def _section_date(analysis: Analysis, para: int) -> TimeMention | None:
    """The date line that heads paragraph ``para``'s section of a timeline — a report with two
    dated lines or more ("Tuesday, January 13" above what happened that day): the nearest one
    above it, unless another heading comes between. One date line alone is a dateline, which the
    lead's own time overrides."""
    lines = analysis.indexes.get("context_time.date_lines")
    if lines is None or lines[0] is not analysis.times:
        lines = analysis.indexes["context_time.date_lines"] = (analysis.times, _date_lines(analysis))
    dated = lines[1]
    if len(dated) < 2:
        return None
    for p in range(para - 1, -1, -1):
        if p in dated:
            return dated[p]
        if _lead_headline(analysis, p) is not None:
            return None     # a subheading closes the dated section
    return None


def _predicted(analysis: Analysis, sent_i: int, head_i: int | None) -> bool:
    """Whether the claim's predicate is a modal prediction ("the toll could rise to 15")."""
    pred = governing_predicate(analysis, sent_i, head_i) if head_i is not None else None
    return pred is not None and bool(_aux(pred) & _MODALS) and _prediction(pred, _aux(pred))


def _on_the_subject_or_means(clause: Token, pred: Token) -> bool:
    """What the subject did as the event happened ("Tornadoes that tore through the state on
    Sunday night killed 23"), or a clause on the noun of the predicate's own circumstance, the
    incident it happened in: "killed in a fire that broke out on Sunday", "killed in violence
    linked to Saturday's elections" — that incident's day dates the claim."""
    if on_the_subject(clause, pred):
        return True
    noun = clause.head
    return clause.dep_ in ("relcl", "acl") and noun.dep_ == "pobj" and noun.head.lower_ in _INCIDENT_PREPS \
        and noun.head.head.i == pred.i and noun.ent_type_ not in ("GPE", "LOC", "FAC")


def _runs_since_it_began(clause: Token, pred: Token) -> bool:
    """The count runs from the time the clause says its incident began: the incident it happened in
    ("vanished during the insurgency, which began in the 1980s"), or the subject's, when the
    predicate is a total to date ("The war, which began in 2022, has killed 10,000"); not what a
    subject that began long ago did once ("The festival, which began in the 1960s, drew 40,000")."""
    if not _on_the_subject_or_means(clause, pred):
        return False
    return not on_the_subject(clause, pred) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children)


def _period_of_the_counted(clause: Token, head_i: int) -> bool:
    """A relative clause on the claim's own noun states the period it was counted over: "the 4,458
    road deaths that the authority recorded in 2024" (a period, not a day of another event)."""
    return clause.dep_ == "relcl" and clause.head.i == head_i


def _describes_the_counted(clause: Token, head_i: int) -> bool:
    """A participle on the claim's own noun dates the claim: "the migrants registered so far this
    year", "one-fifth of the migrants recorded so far this year", "an agreement announced in April"; so does
    a relative clause on the counted noun or on the name it is in apposition to."""
    noun = clause.head
    head = noun.doc[head_i]
    if clause.dep_ == "relcl" and (noun.i == head_i or head.dep_ == "appos" and head.head.i == noun.i):
        return True  # "the murder of X, a reporter, who was shot dead on 20 September": the same person
    if clause.dep_ != "acl":
        return False
    return noun.i == head_i or noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == head_i


def claim_time(analysis: Analysis, sent_i: int, head_i: int | None,
               event_type: str | None = None, statement: bool = False, count: bool = False) -> tuple[TimeMention | None, Scope]:
    """The time of a claim and where it came from (``sentence`` | ``paragraph`` | ``article``).

    A claim's own time wins — unless it only dates the statement ("..., the agency said on
    Friday") and the report dates the event itself up to a week before it. A statement claim
    keeps the date it was made."""
    own = _own_time(analysis, sent_i, head_i, statement)
    stamp = _entry_stamp(analysis, sent_i)
    if stamp is not None and (own is None or own.span == stamp.span) and not statement:
        # a live page's entry ("10:45 - Six miners have been rescued. It says 28 are still trapped"):
        # what it states holds at its stamp, but a prediction ("could rise to 15") is of a later time
        # than the clock's; a day's stamp dates its entry whatever the tense ("April 2 – The firm will ship ...")
        if stamp.type == "TIME" and _predicted(analysis, sent_i, head_i):
            return None, "sentence"
        return stamp, "sentence" if stamp.sent_i == sent_i else "paragraph"
    section = _section_date(analysis, _context(analysis).para_of[sent_i]) if own is None and not statement else None
    if section is not None and not _paragraph_dated(analysis, sent_i):
        return section, "paragraph"     # a timeline's date line is like a heading: the paragraph's own time outranks it
    if own is not None:
        if not statement and is_statement_time(analysis, own) and not background(analysis, sent_i, head_i, event_type):
            # the incident's day in another clause of the sentence ("A fire broke out ... late on Monday,
            # killing at least 31, the coast guard said on Tuesday"), else the report's
            here = _context(analysis).event_times.get(sent_i)
            inherited, scope = (here, "sentence") if here is not None else _inherit_time(analysis, sent_i, event_type, head_i)
            if inherited is not None and not is_statement_time(analysis, inherited) and _precedes_statement(inherited, own) \
                    and not _another_incident(analysis, inherited.sent_i, event_type, sent_i):
                return inherited, scope
        return own, "sentence"
    since = _since_then(analysis, sent_i, head_i)
    if since is not None:
        return since, "sentence"
    if head_i is not None and _partitive_anaphor(analysis, head_i):
        group, scope = _group_time(analysis, sent_i, head_i)
        if group is not None:
            return group, scope
    now = None if count or _generic_present(analysis, sent_i, head_i, event_type) else _present_tense_time(analysis, sent_i, head_i)
    if now is not None:
        return now, "sentence"
    if background(analysis, sent_i, head_i, event_type):
        return (_up_to_now(analysis, sent_i, head_i) if count else None), "sentence"
    # what a statement claim reports keeps the day it was stated
    inherited, scope = _inherit_time(analysis, sent_i, event_type, None if statement else head_i)
    if inherited is not None:
        return inherited, scope
    dated = time_for(analysis, sent_i, head_i) if head_i is not None else None
    if dated is not None and dated.sent_i != sent_i:
        return dated, "article"     # a dateline's date
    return None, "sentence"


#: markers of a total counted up to the report's present (SPEC §2: "so far" means the publication date)
_UP_TO_NOW = re.compile(r"(?<![\w-])(?:so\s+far|thus\s+far|to\s+date|up\s+to\s+now|until\s+now)(?![\w-])", re.IGNORECASE)


def _up_to_now(analysis: Analysis, sent_i: int, head_i: int | None) -> TimeMention | None:
    """A count in the present perfect marked as a total to date ("So far, 12 bodies have been
    recovered", "have died to date") ends at publication, open at the start (SPEC §2: "so far" means
    the publication date); its evidence is the "so far". (A bare present perfect stays undated: the
    reconciler reads it as the report's incident.)"""
    if head_i is None or analysis.published is None:
        return None
    pred = governing_predicate(analysis, sent_i, head_i)
    if pred is None or pred.tag_ != "VBN" or _aux(pred) & _MODALS:
        return None
    aux = next((a for a in children_of(pred) if a.dep_ == "aux" and a.lower_ in _PERFECT_AUX), None)
    if aux is None:
        return None
    s, e = analysis.sentences[sent_i]
    m = _UP_TO_NOW.search(analysis.text, s, e)
    if m is None:
        return None
    span = (m.start(), m.end())
    return TimeMention(span=span, text=analysis.text[span[0]:span[1]], start=None, end=analysis.published, precision="day",
                       anchor="published", sent_i=sent_i, head_i=pred.i, value="PRESENT_REF")


#: a period counted from a time the report stated before ("since then", "since that date")
_SINCE_THEN = re.compile(r"(?<![\w-])since\s+(?:then|that\s+(?:time|date|day|year|month))(?![\w-])", re.IGNORECASE)


def _since_then(analysis: Analysis, sent_i: int, head_i: int | None) -> TimeMention | None:
    """A total counted "since then" in the claim's clause (SPEC §2: a running total with its stated
    start): open from the last time stated before it in its sentence or the one before ("Bihar has
    been dry since April 2016. Over 190 people have died since then"); its evidence is "since then"."""
    s, e = analysis.sentences[sent_i]
    m = _SINCE_THEN.search(analysis.text, s, e) if head_i is not None and "since" in analysis.text[s:e].lower() else None
    if m is None or head_i is None:
        return None
    since = analysis.doc.char_span(m.start(), m.start() + 5)
    pred = predicate_of(analysis.doc[head_i])
    if since is None or not (since.root.head.i == pred.i or pred in since.root.ancestors):
        return None
    back = [t for t in analysis.times if sent_i - 1 <= t.sent_i and t.span[1] <= m.start() and t.start is not None
            and t.type in ("DATE", "TIME") and not is_statement_time(analysis, t)]
    if not back:
        return None
    t = back[-1]
    # "Between 2010 and 2015, 40 died. Since then ...": from the end of a stated span, not its start
    start = t.end if t.precision == "range" and t.end else t.start
    return replace(t, span=(m.start(), m.end()), phrase=None, text=m.group(), start=start, end=None, sent_i=sent_i,
                   head_i=pred.i, parts=())
