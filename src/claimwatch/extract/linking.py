"""The count and event claims of an article, drafted from the quantities and event mentions
(SPEC §2, §3, §6).

* one **count** draft per counted quantity; what it counts (its ``event_type``, ``cause``,
  ``offence``) comes from the predicate-argument structure (:mod:`.counting`);
* one count draft per **implicit count** — an event whose participant is one person or an
  enumerated set (:mod:`.implicit`); counts that are parts of a stated total carry it
  (``quantity.part_of`` once the claims are numbered, :func:`link_parts`);
* one **event** draft per event type (and death cause) of a sentence not already covered by
  a count of that type in the sentence — "A Russian deserter was apprehended" gives a
  detention and a desertion claim; "detained and deported" gives both.

A draft is a :class:`~claimwatch.model.Claim` without source, certainty, time or places; the
claims stage (:mod:`.claims`) fills those, numbers the claims and calls :func:`link_parts`.

Core: :func:`draft_claims`.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Literal, Sequence, cast

from spacy.tokens import Token

from ..model import DEATH_CAUSES, EVENT_TYPES, QUALIFIERS, Actor, Claim, DeathCause, EventType, Qualifier, Quantity
from .base import Analysis, EventMention, QuantityMention, line_at
from .certainty import governing_predicate
from .counting import (
    UNIT_EVENT_TYPES,
    CountLink,
    LinkContext,
    argument_of,
    clause_head,
    compares_or_continues,
    elided_count,
    link_count,
    noun_class,
)
from .frames import frames
from .implicit import CountRef, find_parts, implicit_participants, numbered_set
from .quantity_labels import after_a_stamp, field_label_span, tally_label_span
from .shares import SharePhrase, find_shares, sampled_by, sampled_in_clause, share_bounds
from .table_claims import a_row_label, heading_event_type, type_table_counts
from .tables import Cell
from .units import money_nouns

__all__ = ["Draft", "draft_claims", "link_parts", "event_for_count", "actors_of", "slices", "UNIT_EVENT_TYPES"]


@dataclass
class Draft:
    """A count or event claim before the claims stage fills its source, time and places."""

    order: tuple[int, int]          # (char offset, 0 for counts / 1 for events): the claims' text order
    claim: Claim
    sent_i: int
    head_i: int | None              # the token the claim's modality, time and places hang from
    total: "Draft | None" = None    # the draft stating the total this count is a part of


def event_type_of(value: str | None) -> EventType | None:
    """A stage's event type as the model's typed value (None for an incident no type fits)."""
    return cast(EventType, value) if value in EVENT_TYPES else None


def cause_of(value: str | None) -> DeathCause | None:
    return cast(DeathCause, value) if value in DEATH_CAUSES else None


def qualifier_of(value: str) -> Qualifier:
    return cast(Qualifier, value) if value in QUALIFIERS else "exact"


def _span2(span: Sequence[int]) -> tuple[int, int]:
    return int(span[0]), int(span[1])


def slices(analysis: Analysis, text: str | None, span: tuple[int, int] | None) -> bool:
    """True when ``span`` slices the article text to exactly ``text``."""
    return text is not None and span is not None and analysis.text[span[0]:span[1]] == text


def _head_token(analysis: Analysis, span: tuple[int, int], head_i: int | None) -> Token | None:
    doc = analysis.doc
    if head_i is not None and 0 <= head_i < len(doc):
        return doc[head_i]
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else None


def event_for_count(
    analysis: Analysis, q: QuantityMention, head: Token | None, sent_events: list[EventMention] | None = None
) -> tuple[str | None, str | None]:
    """``(event_type, cause)`` for a counted quantity (:func:`.counting.link_count`)."""
    link = link_count(LinkContext.of(analysis), q, head)
    return link.event_type, link.cause


_NP_MODIFIERS = frozenset({"compound", "amod", "det", "nummod", "poss", "case", "nmod", "quantmod", "advmod"})


def _noun_phrase(tok: Token) -> tuple[int, int] | None:
    """Char span of a noun and its contiguous premodifiers ("Polish border police"); a time, a sum
    of money or a share ("5,000 euros", "21%") is no actor."""
    if (tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT")
            or tok.lower_ in _MONEY_NOUNS):
        return None
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NP_MODIFIERS and child.i >= tok.left_edge.i:
            left = child.doc[min(left.i, child.left_edge.i if child.dep_ in ("poss", "nmod", "compound", "amod") else child.i)]
    if any(t.is_punct and t.text not in ("-", "'", "’", ".") for t in tok.doc[left.i:tok.i]):
        left = tok
    right = tok
    while right.i + 1 < len(tok.doc) and tok.doc[right.i + 1].dep_ == "flat" and tok.doc[right.i + 1].head.i == tok.i:
        right = tok.doc[right.i + 1]
    return left.idx, right.idx + len(right)


#: the nouns of money amounts, every written form of ``resources/units.tsv`` ("euros", "a rouble",
#: "hryvnias", "lei"), never an event's actor
_MONEY_NOUNS = money_nouns()

#: events whose grammatical subject undergoes them ("two people drowned", "five went missing")
_UNDERGOER_EVENTS = frozenset({"death", "missing", "injury", "combat_casualties"})


def actors_of(analysis: Analysis, head_i: int | None, event_type: str | None = None) -> list[Actor]:
    """Agent and patient of an event trigger verb (SPEC §2 ``actors``): the active subject or
    passive "by" agent, and the object or passive subject; the subject of a death, injury or
    disappearance is its patient. Pronouns are left out."""
    if head_i is None:
        return []
    tok = analysis.doc[head_i]
    if tok.pos_ != "VERB":
        return []
    found: list[tuple[Literal["agent", "patient"], Token]] = []
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "migrants detained by police", "two migrants drowned" (parsed as a reduced clause)
        undergoer = tok.tag_ == "VBN" or event_type in _UNDERGOER_EVENTS
        found.append(("patient" if undergoer else "agent", tok.head))
    for child in tok.children:
        if child.dep_ == "nsubj":
            found.append(("patient" if event_type in _UNDERGOER_EVENTS and not any(
                c.dep_ == "dobj" for c in tok.children) else "agent", child))
        elif child.dep_ in ("nsubjpass", "dobj"):
            found.append(("patient", child))
        elif child.dep_ == "agent":
            found.extend(("agent", g) for g in child.children if g.dep_ == "pobj")
    out: list[Actor] = []
    for role, noun in found:
        span = _noun_phrase(noun)
        if span is not None:
            out.append(Actor(text=analysis.text[span[0]:span[1]], role=role, span=span))
    return out


def _quantity_index(analysis: Analysis) -> dict[int, QuantityMention]:
    """Token index -> the quantity whose number (or counted noun) it is."""
    doc = analysis.doc
    out: dict[int, QuantityMention] = {}
    for q in analysis.quantities:
        chunk = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
        for t in chunk or ():
            out.setdefault(t.i, q)
        if q.head_i is not None:
            out.setdefault(q.head_i, q)
    return out


_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$", re.I)


def _standalone(q: QuantityMention, head: Token | None) -> bool:
    """A count that takes part in no event is still a claim ("37 migrants were rescued", "104
    survivors", "9,836 applications"), except a figure of vessels or objects outside any event
    ("two coast guard vessels"), a count of the incidents themselves ("two shipwrecks occurred":
    each is an event), a vague word without bounds ("a number of guards") and a sum of money ("an
    appeal for US$2.54 billion", "a grant of US$150": money counts only as part of an event, the fee
    paid to smugglers or a bribe, or as what the authorities seized: "seized 40,000 euros in cash"; a fine's sum
    is none: the fine is a legal action, an event)."""
    if q.qualifier == "vague" and q.best is None:
        return False
    if _ORDINAL.search(q.text):
        return True     # "the 25th shooting this year": a running total of the incidents
    own_number = head is not None and q.span[0] <= head.idx < q.span[1]
    noun = None if head is None or own_number or head.pos_ not in ("NOUN", "PROPN") else head
    if noun is not None and noun.lemma_.lower() in frames()["sets"]["incident_count_nouns"] and noun.dep_ != "dobj":
        return False    # (but a tally someone keeps is a count: "it had verified 41 incidents")
    if head is not None and _capacity(head):
        return False
    cls = noun_class(noun, q)
    return cls != "object" and (cls != "money" or (head is not None and _seized(head)))


_SEIZURE_VERBS = frozenset({"seize", "confiscate", "impound", "recover", "freeze", "intercept"})


def _seized(head: Token) -> bool:
    """The object (or passive subject) of a verb of seizing: "officers seized 40,000 euros in cash"."""
    arg = argument_of(head)
    while arg.dep_ == "conj" and arg.head.i != arg.i:
        arg = arg.head
    return arg.dep_ in ("dobj", "nsubjpass") and arg.head.lemma_.lower() in _SEIZURE_VERBS


def _capacity(head: Token) -> bool:
    """"built for 400 people", "room for 40", "a capacity of 500": what a place or vessel holds at
    most is a measure of it, not a count of anyone."""
    arg = argument_of(head)
    prep, heads = arg.head, frames()["sets"]["capacity_heads"]
    if arg.dep_ != "pobj" or prep.lower_ not in ("for", "of") or prep.i == 0:
        return False
    # the phrase's head, or the word right before it when the parser hung it higher ("a boat with room for 40")
    return prep.head.lemma_.lower() in heads or prep.doc[prep.i - 1].lemma_.lower() in heads


def _same_measure(analysis: Analysis, head: Token, link: CountLink, prev: Draft) -> bool:
    """The count measures what the sentence's previous count measures: "up from 5,000-6,000",
    or the same predicate left out ("recovered six bodies, while Mexican teams recovered two
    others") — not "eight drowned and 37 others were rescued"."""
    if link.event_type is None and link.via != "null" and elided_count(head):
        return True
    if not compares_or_continues(head, link.event_type is not None):
        return False
    if head.lower_ not in ("others", "more"):
        return True
    doc = analysis.doc
    if link.via != "none" or link.pred_i is None or prev.head_i is None:
        return False
    prev_pred = governing_predicate(analysis, prev.sent_i, prev.head_i)
    return prev_pred is not None and doc[link.pred_i].lemma_ == prev_pred.lemma_


def _lone_partitive(q: QuantityMention, head: Token) -> bool:
    """"One of those arrested admitted ...": one member of a set, said to do something other than
    take part in an event, is not a figure (unlike "one of them was killed")."""
    if q.text.lower() != "one" or q.best != 1:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) or (
        head.dep_ == "pobj" and head.head.lower_ != "including")  # "..., including one in intensive care" counts


def _count_drafts(analysis: Analysis, ctx: LinkContext) -> tuple[list[Draft], dict[int, CountLink]]:
    text = analysis.text
    drafts: list[Draft] = []
    links: dict[int, CountLink] = {}
    for q in sorted(analysis.quantities, key=lambda q: q.span):
        if not slices(analysis, q.text, _span2(q.span)):
            warnings.warn(f"claimwatch: quantity {q.text!r} at {q.span} does not slice the text; skipped", stacklevel=2)
            continue
        sent_i = analysis.sent_index(q.span[0])
        head = _head_token(analysis, q.span, q.head_i)
        link = _tally_link(analysis, q) or link_count(ctx, q, head)
        prev = drafts[-1] if drafts and drafts[-1].sent_i == sent_i else None
        if prev is not None and head is not None and prev.claim.event_type and link.via != "tally" and _same_measure(
                analysis, head, link, prev):
            link = CountLink(prev.claim.event_type, prev.claim.cause, prev.claim.offence, links[len(drafts) - 1].pred_i,
                             "previous", links[len(drafts) - 1].mention_i)
        if link.event_type is None and not _standalone(q, head) or a_row_label(analysis, _span2(q.span)):
            continue
        if link.via != "predicate" and head is not None and _lone_partitive(q, head):
            continue
        s, e = analysis.sentences[sent_i]
        claim = Claim(
            id="", kind="count", text=text[s:e], span=(s, e), event_type=event_type_of(link.event_type),
            cause=cause_of(link.cause), offence=event_type_of(link.offence),
            quantity=Quantity(
                text=q.text, span=_span2(q.span), low=q.low, best=q.best, high=q.high,
                qualifier=qualifier_of(q.qualifier), unit=q.unit, counted=q.counted,
            ),
        )
        if link.event_type and link.pred_i is not None:
            claim.actors = actors_of(analysis, link.pred_i, link.event_type)
        links[len(drafts)] = link
        drafts.append(Draft((q.span[0], 0), claim, sent_i, head.i if head is not None else None))
    _carry_down_list(analysis, drafts)
    type_table_counts(analysis, drafts)
    keep = [i for i, d in enumerate(drafts) if not _a_stamp_lines_figure_of_no_people(analysis, d)]
    return [drafts[i] for i in keep], {n: links[i] for n, i in enumerate(keep)}


def _tally_link(analysis: Analysis, q: QuantityMention) -> CountLink | None:
    """"Injuries 3 - Deaths 2 - Arrests 5", "Rescued 12 - Missing 3": an item of a tally line counts what its
    own label names (the label's event, or none), not the next item's label the parse hangs it on."""
    span = tally_label_span(analysis.text, _span2(q.span))
    label_span = span or field_label_span(analysis.text, _span2(q.span))  # a field line: "Non-fatal injuries: 41"
    if label_span is None:
        return None
    named = [m for m in analysis.events if label_span[0] <= m.span[0] and m.span[1] <= label_span[1]]
    if named:
        return CountLink(named[0].event_type, named[0].cause, None, named[0].head_i, "tally", named[0].head_i)
    if span is None:
        return None
    label = analysis.text[span[0]:span[1]].split()[-1].lower()
    etype = UNIT_EVENT_TYPES.get(label) or UNIT_EVENT_TYPES.get(label.rstrip("s"))
    return CountLink(etype, None, None, None, "tally")


#: a list line that gives one label's figure: "- Kano: 8", "Kogi: 14 dead, including ..."
_LABEL_LINE = re.compile(r"[ \t]*(?:[-•*·▪–][ \t]+)?[^:\n]{1,40}:[ \t]*(?P<fig>[^\n]*)")


def _heading_event(analysis: Analysis, line_start: int) -> tuple[str | None, str | None]:
    """The event (type, cause) the line right above names when it is a heading that introduces a list,
    a line closed by a colon ("Deaths by district, as reported by INGD:", "Injuries by county:")."""
    text = analysis.text
    if line_start == 0:
        return None, None
    start, end = line_at(text, line_start - 1)
    if not text[start:end].rstrip().endswith(":"):
        return None, None
    named = [m for m in analysis.events if start <= m.span[0] and m.span[1] <= end]
    if len({m.event_type for m in named}) > 1:
        named = _governing_mentions(analysis, named)
    if named:
        return (named[0].event_type, named[0].cause) if len({m.event_type for m in named}) == 1 else (None, None)
    return heading_event_type(analysis, Cell(text[start:end], (start, end))), None


def _governing_mentions(analysis: Analysis, named: list[EventMention]) -> list[EventMention]:
    """"Deaths in immigration detention, by calendar year:": of the events a heading names, the one whose
    word governs the others' (the heading's head noun), when there is one."""
    doc = analysis.doc
    heads = [doc[m.head_i] for m in named if m.head_i is not None]
    top = [m for m in named if m.head_i is not None and all(
        h.i == m.head_i or doc[m.head_i] in h.ancestors for h in heads)]
    return top if len(top) == 1 else named


def _carry_down_list(analysis: Analysis, drafts: list[Draft]) -> None:
    """"- Kogi: 14 dead / - Kano: 8": a list line holding only a label and its bare figure counts what
    the line right above it, a line of the same list, counts (its event type and cause); the list's
    first line counts what its heading names ("Deaths by district:")."""
    text = analysis.text
    for prev, draft in zip([None, *drafts], drafts):
        q, above = draft.claim.quantity, prev.claim.quantity if prev is not None else None
        if draft.claim.event_type or q is None or q.unit:
            continue
        start, end = line_at(text, q.span[0])
        line = _LABEL_LINE.fullmatch(text, start, end)
        if line is None or line.start("fig") != q.span[0] or text[q.span[1]:end].strip():
            continue
        etype, cause = _heading_event(analysis, start)
        if etype is not None:
            draft.claim.event_type, draft.claim.cause = event_type_of(etype), cause_of(cause)
            continue
        if prev is None or above is None or not prev.claim.event_type:
            continue
        a_start, a_end = line_at(text, above.span[0])
        above_line = _LABEL_LINE.fullmatch(text, a_start, a_end)
        if a_end + 1 != start or above_line is None or above_line.start("fig") != above.span[0]:
            continue
        draft.claim.event_type, draft.claim.cause = prev.claim.event_type, prev.claim.cause


def _a_stamp_lines_figure_of_no_people(analysis: Analysis, draft: Draft) -> bool:
    """"Goals and assists by season:\n2021: 3", "Career highlights:\n2004 - 3 league titles": the figure of a
    line a year or a clock time stamps counts only when the line says what happened ("1100 - 200 homes
    flooded") or it or its heading names people ("0640 - 38 persons", "2021: 3" under "Deaths by year:")."""
    q = draft.claim.quantity
    if draft.claim.event_type or q is None or not after_a_stamp(analysis.text, q.span[0]):
        return False
    doc = analysis.doc
    head = doc[draft.head_i] if draft.head_i is not None else None
    text = analysis.text
    start, end = line_at(text, q.span[0])
    entry = doc.char_span(q.span[1], end, alignment_mode="expand") if q.span[1] < end else None
    if entry is not None and any(t.pos_ == "VERB" for t in entry):
        return False    # "1100 - 200 homes flooded": what the entry says happened
    if head is not None and head.pos_ in ("NOUN", "PROPN") and not q.span[0] <= head.idx < q.span[1]:
        return noun_class(head) not in _PEOPLE_CLASSES
    while start > 0:    # up the list's block of lines to its heading
        h_start, h_end = line_at(text, start - 1)
        line = text[h_start:h_end].rstrip()
        if not line:
            return True
        if line.endswith(":"):
            heading = doc.char_span(h_start, h_end, alignment_mode="expand")
            return heading is None or not any(noun_class(t) in _PEOPLE_CLASSES for t in heading if t.pos_ == "NOUN")
        start = h_start
    return True


_PEOPLE_CLASSES = frozenset({"person", "group", "body"})


def _implicit_drafts(analysis: Analysis, drafts: list[Draft]) -> list[tuple[Draft, tuple[int, ...], int | None]]:
    text = analysis.text
    qindex = _quantity_index(analysis)
    taken: list[tuple[int, str | None, tuple[int, int], int | None]] = [
        (d.sent_i, d.claim.event_type, d.claim.quantity.span, d.head_i) for d in drafts if d.claim.quantity is not None]
    out: list[tuple[Draft, tuple[int, ...], int | None]] = []
    for m in sorted(analysis.events, key=lambda m: m.span):
        for imp in implicit_participants(analysis, m, qindex):
            if any(sent == m.sent_i and et == m.event_type and sp[0] < imp.span[1] and imp.span[0] < sp[1]
                   and head not in imp.parts for sent, et, sp, head in taken):
                continue  # already counted (a numbered part of the set is not the set)
            s, e = analysis.sentences[m.sent_i]
            if not (s <= imp.span[0] < imp.span[1] <= e):
                continue
            taken.append((m.sent_i, m.event_type, imp.span, imp.head_i))
            np_text = text[imp.span[0]:imp.span[1]]
            claim = Claim(
                id="", kind="count", text=text[s:e], span=(s, e), event_type=event_type_of(m.event_type),
                cause=cause_of(m.cause), offence=event_type_of(m.offence),
                quantity=Quantity(text=np_text, span=imp.span, low=imp.value, best=imp.value, high=imp.value,
                                  qualifier="exact", unit=imp.unit, counted=np_text),
                actors=actors_of(analysis, m.head_i, m.event_type),
            )
            out.append((Draft((imp.span[0], 0), claim, m.sent_i, imp.head_i), tuple(imp.parts), m.head_i))
    doc = analysis.doc

    def person(d: Draft) -> tuple[int, int | None]:
        """One person however often named: "the murder of Maria Ortiz, a 34-year-old journalist, who was
        shot" names her twice, by name and by the apposition that says who she is."""
        tok = doc[d.head_i] if d.head_i is not None else None
        while tok is not None and tok.dep_ == "appos" and tok.head.i != tok.i:
            tok = tok.head
        return d.sent_i, tok.i if tok is not None else None
    dead = {person(d) for d, _p, _m in out if d.claim.event_type == "death"}
    # "Among the dead was X, 19, who was shot": one person who died is no injury of the same report line
    kept, seen = [], set()
    for x in out:
        key = (person(x[0]), x[0].claim.event_type)
        if x[0].claim.event_type == "injury" and key[0] in dead or x[0].head_i is not None and key in seen:
            continue
        seen.add(key)
        kept.append(x)
    return kept


def _untyped_set_drafts(analysis: Analysis, drafts: list[Draft]) -> list[tuple[Draft, tuple[int, ...]]]:
    """"The coach and three players were suspended": a numbered conjunct of an enumerated set of people
    that no event of ours befalls is still a part of the set, which is the count (SPEC §3)."""
    qindex, out = _quantity_index(analysis), []
    spans = [d.claim.quantity.span for d in drafts if d.claim.quantity is not None]
    for d in [d for d in drafts if d.claim.event_type is None and d.claim.quantity is not None]:
        found = numbered_set(analysis.doc[d.head_i], qindex) if d.head_i is not None else None
        if found is None or any(sp[0] <= found[0][0] and found[0][1] <= sp[1] for sp in spans):
            continue
        (s, e), np_text = found[0], analysis.text[found[0][0]:found[0][1]]
        spans.append((s, e))
        quantity = Quantity(text=np_text, span=(s, e), low=found[1], best=found[1], high=found[1], qualifier="exact",
                            unit="people", counted=np_text)
        claim = Claim(id="", kind="count", text=d.claim.text, span=d.claim.span, quantity=quantity)
        out.append((Draft((s, 0), claim, d.sent_i, found[2][0] if found[2] else d.head_i), tuple(found[2])))
    return out


def _unit_lemma(unit: str | None) -> str:
    word = (unit or "").split()[-1].lower() if unit else ""
    return word[:-1] if word.endswith("s") else word


def _share_total(analysis: Analysis, share: SharePhrase, drafts: list[Draft]) -> Draft | None:
    """The drafted count a share is a share of (see :mod:`.shares`)."""
    doc = analysis.doc
    before = [d for d in drafts if d.claim.quantity is not None and d.claim.quantity.span[1] <= share.span[0]
              and d.claim.quantity.best is not None]
    before.sort(key=lambda d: d.claim.quantity.span if d.claim.quantity is not None else (0, 0))
    same = [d for d in before if d.sent_i == share.sent_i]
    if same:
        return same[-1]
    obj = doc[share.object_i] if share.object_i is not None else None
    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        lemma = obj.lemma_.lower()
        named = [d for d in before if d.claim.quantity is not None and _unit_lemma(d.claim.quantity.unit) == lemma]
        if named:
            return named[-1]
    near = [d for d in before if share.sent_i - 2 <= d.sent_i < share.sent_i]
    if sampled_by(obj) is not None:     # "half of those surveyed": only a sample stated before
        near = [d for d in near if d.head_i is not None and sampled_in_clause(doc[d.head_i])]
    # "took 112 people on board in two operations. ... nearly half of those rescued": people, not the operations
    people = [d for d in near if d.head_i is not None and noun_class(doc[d.head_i]) == "person"]
    return (people or near)[-1] if near else None


def _share_drafts(analysis: Analysis, drafts: list[Draft]) -> list[Draft]:
    text = analysis.text
    out: list[Draft] = []
    for share in find_shares(analysis):
        if any(d.claim.quantity is not None and d.claim.quantity.span[0] < share.span[1]
               and share.span[0] < d.claim.quantity.span[1] for d in drafts + out):
            continue
        total = None
        bounds: tuple[float | int | None, float | int | None, float | int | None]
        if share.explicit_total is not None:
            bounds, qual = (share.explicit_total,) * 3, "exact"
        else:
            total = _share_total(analysis, share, drafts + out)
            if total is None or total.claim.quantity is None:
                continue
            if share.fraction is None and total.sent_i != share.sent_i:
                continue  # "most of them": only of a total stated in the same sentence
            tq = total.claim.quantity
            bounds, qual = (tq.low, tq.best, tq.high), tq.qualifier
        low, best, high, qualifier = share_bounds(share, bounds, qual)
        if best is None:
            continue
        s, e = analysis.sentences[share.sent_i]
        obj = analysis.doc[share.object_i] if share.object_i is not None else None
        unit = obj.text if obj is not None and obj.pos_ in ("NOUN", "PROPN") else (
            total.claim.quantity.unit if total is not None and total.claim.quantity else None)
        claim = Claim(
            id="", kind="count", text=text[s:e], span=(s, e),
            event_type=total.claim.event_type if total is not None else None,
            cause=total.claim.cause if total is not None else None,
            quantity=Quantity(text=text[share.span[0]:share.span[1]], span=share.span, low=low, best=best, high=high,
                              qualifier=qualifier_of(qualifier), unit=unit, counted=text[share.span[0]:share.span[1]]),
        )
        out.append(Draft((share.span[0], 0), claim, share.sent_i, analysis.doc[share.of_i].head.i, total=total))
    return out


def _link_totals(analysis: Analysis, drafts: list[Draft], implicit_parts: dict[int, tuple[int, ...]]) -> None:
    refs = []
    for k, d in enumerate(drafts):
        q = d.claim.quantity
        if q is None:
            continue
        refs.append(CountRef(k, q.span, float(q.best) if q.best is not None else None, d.sent_i, d.head_i,
                             d.claim.event_type, implicit_parts.get(k, ())))
    for part, total in find_parts(analysis, refs).items():
        drafts[part].total = drafts[total]
        if drafts[part].claim.event_type is None and drafts[total].claim.event_type:
            # "23 protesters were detained, including four minors": a part counts what its total counts
            drafts[part].claim.event_type = drafts[total].claim.event_type
            drafts[part].claim.cause = drafts[total].claim.cause


def _covered_mentions(analysis: Analysis, drafts: list[Draft], heads: dict[int, int | None]) -> set[int]:
    """Ids of the event mentions a count already says: the mention it took its type from and
    the mentions of that type in the same clause; a count typed without a mention (by its
    unit or the report's context) covers its type in the whole sentence."""
    doc = analysis.doc
    covered: set[int] = set()
    for k, d in enumerate(drafts):
        etype = d.claim.event_type
        if not etype:
            continue
        head_i = heads.get(k)
        for m in analysis.events:
            if m.sent_i != d.sent_i or m.event_type != etype or m.head_i is None:
                continue
            if head_i is None or m.head_i == head_i or clause_head(doc[m.head_i]).i == clause_head(doc[head_i]).i:
                covered.add(id(m))
    return covered


def draft_claims(analysis: Analysis) -> list[Draft]:
    """Count drafts for every counted quantity and implicit count, event drafts for the events
    they leave uncovered."""
    text = analysis.text
    ctx = LinkContext.of(analysis)
    drafts, links = _count_drafts(analysis, ctx)
    heads: dict[int, int | None] = {k: link.mention_i for k, link in links.items()}
    implicit_parts: dict[int, tuple[int, ...]] = {}
    for d, parts, mention_head in _implicit_drafts(analysis, drafts):
        implicit_parts[len(drafts)] = parts
        heads[len(drafts)] = mention_head
        drafts.append(d)
    for d, parts in _untyped_set_drafts(analysis, drafts):
        implicit_parts[len(drafts)] = parts
        drafts.append(d)
    _link_totals(analysis, drafts, implicit_parts)
    shares = _share_drafts(analysis, drafts)
    covered = _covered_mentions(analysis, drafts, heads)  # a share covers no event of its own
    drafts += shares

    emitted: set[tuple[int, str | None, str | None]] = set()
    with_claims = {d.sent_i for d in drafts}
    for ev in sorted(analysis.events, key=lambda e: (e.event_type is None, e.span)):
        key = (ev.sent_i, ev.event_type, ev.cause)
        if id(ev) in covered or key in emitted or (ev.event_type is None and ev.sent_i in with_claims):
            continue
        if ev.event_type == "death" and ev.cause in (None, "unknown") and any(
                k[0] == ev.sent_i and k[1] == "death" for k in emitted):
            continue
        emitted.add(key)
        s, e = analysis.sentences[ev.sent_i]
        claim = Claim(id="", kind="event", text=text[s:e], span=(s, e), event_type=event_type_of(ev.event_type),
                      cause=cause_of(ev.cause), offence=event_type_of(ev.offence),
                      actors=actors_of(analysis, ev.head_i, ev.event_type))
        drafts.append(Draft((ev.span[0], 1), claim, ev.sent_i, ev.head_i))
        with_claims.add(ev.sent_i)
    return drafts


def link_parts(drafts: list[Draft]) -> None:
    """Once the claims are numbered: a part's ``quantity.part_of`` is its total's claim id."""
    for draft in drafts:
        if draft.total is not None and draft.claim.quantity is not None:
            draft.claim.quantity.part_of = draft.total.claim.id or None
