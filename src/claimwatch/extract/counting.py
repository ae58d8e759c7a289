"""What a number counts: the event a counted quantity's noun phrase takes part in, read from the
predicate-argument structure of the dependency parse (SPEC §3, §6).

A count takes an event's type when its noun phrase is an **argument of the event's predicate**
in a role that makes it a participant and its noun can take part in that event:

* the argument: the counted noun, climbed through coordination and apposition ("the driver and
  two passengers"), partitives ("four of the victims", "one of them fatally") and containers
  ("the bodies of 30 migrants");
* its predicate and role: subject (``agent`` of a transitive verb, ``theme`` of an intransitive
  or a copula), object or passive subject (``patient``), "by" phrase (``agent``), "against"
  phrase (``patient``), "the deaths / arrest / entry of N" (the noun's ``theme``);
* the predicate complex: the predicate, its complements ("found *dead*", "listed in critical
  *condition*", "taken to *hospital*"), the conjoined predicates that share the subject ("were
  shot *and killed*", "crossed the border *and were detained*"), a light verb's event object
  ("suffered *injuries*");
* the role must be one the event type admits (``roles`` in ``resources/event_frames.json``: the
  subject of an active "killed" is the killer, not a death) and the noun one that can take part
  (``participants``: people, bodies, groups, vessels, cases, money for bribes and fees ...), so
  "the wounded were taken to two hospitals" does not count hospitals as injured.

When the predicate is not an event: the noun itself may name one ("deserters", "bodies",
"arrests"); a relative or participial clause on it may ("migrants who drowned"); people carried
by a vehicle share the vehicle's detention or, in a migration report, cross ("a boat with 48
people on board"); a rescue, a survival or an evacuation is no event of ours and stops the
search; otherwise an event inside the predicate's own clause types it ("the number of people
killed rose to 12"), and a verbless fragment takes the nearest event of its sentence.

Core: :func:`link_count`; the per-article look-ups are built once in :class:`LinkContext`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from .arguments import (
    argument_of,
    clause_head,
    compares_or_continues,
    elided_count,
    governor,
    in_clause,
    passive,
    predicate_complex,
    restated_measure,
    role_of,
)
from .base import Analysis, EventMention, QuantityMention, children_of, has_subject, lower_lemma
from .certainty import governing_predicate
from .events import death_causes, topic_of_a_work
from .events import lexicon as event_lexicon
from .frames import (
    frame_set,
    frames,
    is_fatal,
    migration_report,
    moving_verbs,
    named_migrants,
    own_movement,
    people_of_a_case,
    person_noun,
    to_a_place,
)
from .patients import undergoes_as_people
from .quantity_nouns import in_class, mass_of_things, noun_classes
from .undergoers import offence_suffered
from .units import money_nouns
from .vehicles import hidden_in, on_board, vehicle_of

__all__ = ["LinkContext", "CountLink", "link_count", "noun_class", "UNIT_EVENT_TYPES", "argument_of", "role_of",
           "clause_head", "compares_or_continues", "elided_count"]

#: what a counted noun says about the event when no predicate types it
UNIT_EVENT_TYPES = {
    "body": "death", "corpse": "death", "remains": "death", "fatality": "death", "dead": "death",
    "death": "death", "martyr": "death", "victim": "death", "casualty": "combat_casualties", "arrest": "detention",
    "asylum-seeker": "asylum", "seeker": "asylum", "crossing": "border_crossing",
    "conscript": "mobilization", "reservist": "mobilization", "recruit": "mobilization",
    "draftee": "mobilization", "evader": "draft_evasion", "dodger": "draft_evasion",
    "defendant": "legal_action", "detainee": "detention", "injured": "injury", "wounded": "injury",
    "missing": "missing", "deportee": "deportation", "smuggler": "smuggling", "trafficker": "smuggling",
}


@dataclass
class CountLink:
    """The event a count takes part in (``event_type`` None when it counts no event of ours)."""

    event_type: str | None = None
    cause: str | None = None
    offence: str | None = None
    pred_i: int | None = None       # the predicate it is an argument of (for actors)
    via: str = "none"               # how it was found: predicate | noun | clause | vehicle | context | sentence
    mention_i: int | None = None    # head token of the event mention that gave the type


@dataclass
class LinkContext:
    """Per-article look-ups for :func:`link_count`."""

    analysis: Analysis
    by_head: dict[int, list[EventMention]] = field(default_factory=dict)
    by_sent: dict[int, list[EventMention]] = field(default_factory=dict)
    migration: bool = False

    @classmethod
    def of(cls, analysis: Analysis) -> "LinkContext":
        ctx = cls(analysis, migration=migration_report(analysis))
        for m in sorted(analysis.events, key=lambda m: m.span[1] - m.span[0]):  # the word's own type first
            if m.event_type is None:
                continue
            if m.head_i is not None:
                ctx.by_head.setdefault(m.head_i, []).append(m)
            ctx.by_sent.setdefault(m.sent_i, []).append(m)
        return ctx


_s = frame_set


# ------------------------------------------------------------------ nouns

def noun_class(tok: Token | None, q: QuantityMention | None = None) -> str:
    """person | body | group | incident | object | money | duration | other | none (no noun)."""
    if q is not None and q.unit and (q.unit.lower() in _money_units() or q.unit.lower().split()[0] in _money_units()):
        return "money"  # ("euros per person": a sum for each)
    if tok is None or tok.pos_ in ("NUM", "PRON", "DET"):
        return "none"
    low, lemma = tok.lower_, lower_lemma(tok)
    classes = noun_classes()
    if low in ("body", "bodies", "remains", "corpse", "corpses") and not mass_of_things(tok):
        return "body"
    if person_noun(tok) or low in ("others", "other", "dead", "injured", "wounded", "missing") or _counted_people(tok) \
            or tok.dep_ == "pobj" and tok.head.lower_ == "of" and lower_lemma(tok.head.head) == "life" \
            or lower_lemma(tok) == "life" and tok.tag_ == "NNS":
        return "person"   # "the lives of 43 mountaineers", "claimed 300 lives": whose lives they are, people
    if not in_class(tok, classes["object"] | classes["incident"]) and any(
            c.dep_ == "conj" and person_noun(c) and not any(g.dep_ == "nummod" for g in c.children) for c in tok.children):
        return "person"   # "70 army and allied militia fighters": the modifiers share the people noun
    for name in ("group", "incident", "object"):
        if low in classes[name] or lemma in classes[name]:
            return name
    if low in classes["time"] or lemma in classes["time"]:
        return "duration"
    if low in _money_units() or lemma in _money_units():
        return "money"
    if undergoes_as_people(tok):
        return "person"  # "the storm injured 12 holidaymakers", "seven devotees were crushed to death"
    return "other"


def _counted_people(tok: Token) -> bool:
    """"657 Rohingya", "40 Hazara": a proper noun a numeral counts, which the entity recogniser left
    untyped (or took for a nationality), names a people."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "NORP") and any(c.dep_ == "nummod" for c in children_of(tok))


@lru_cache(maxsize=1)
def _money_units() -> frozenset[str]:
    """Units that make a quantity money: the money words and every currency's unit."""
    from .numbers import CURRENCY_UNITS

    return _s("money_words") | money_nouns() | frozenset(u.lower() for u in CURRENCY_UNITS.values())


def _can_take_part(cls: str, etype: str | None) -> bool:
    if cls == "none" or etype is None:
        return True
    allowed = frames()["participants"].get(etype)
    return allowed is None or cls in allowed


def _admits(m: EventMention, role: str, cls: str, trigger: Token | None = None) -> bool:
    roles = frames()["roles"].get(m.event_type)
    if trigger is not None and role == "patient" and lower_lemma(trigger) in _s("object_participant_triggers"):
        roles = None  # "the army lost 2,500 soldiers": those lost took part, whatever the type
    return (roles is None or role in roles) and _can_take_part(cls, m.event_type)


def _from_mention(ctx: LinkContext, m: EventMention, pred_i: int | None, via: str, fatal: bool) -> CountLink:
    etype, cause = m.event_type, m.cause
    if fatal and etype in ("injury", "combat_casualties"):
        etype, cause = ("death", "violence") if etype == "injury" else (etype, None)
    if etype == "death" and cause is None:
        cause = _cause(ctx, m.sent_i)
    return CountLink(etype, cause, m.offence, pred_i, via, m.head_i)


def _cause(ctx: LinkContext, sent_i: int) -> str:
    doc = ctx.analysis.doc
    s, e = ctx.analysis.sentences[sent_i]
    span = doc.char_span(s, e, alignment_mode="expand")
    return death_causes(list(span))[0] if span is not None else "unknown"


def _typed(ctx: LinkContext, tokens: list[tuple[Token, str]], cls: str, fatal: bool, pred_i: int | None,
           via: str) -> tuple[CountLink | None, bool]:
    """The first mention among ``tokens`` that admits the participant; (link, saw_any_event). People
    held and then sent away ("were rounded up and deported") are a deportation, its outcome."""
    admitted = [m for tok, role in tokens for m in ctx.by_head.get(tok.i, ()) if _admits(m, role, cls, tok)]
    if not admitted:
        return None, any(tok.i in ctx.by_head for tok, _role in tokens)
    outcome = next((m for m in admitted if m.event_type == "deportation"), admitted[0])
    return _from_mention(ctx, outcome if admitted[0].event_type == "detention" else admitted[0], pred_i, via, fatal), True


def _null_frame(pred: Token | None, head: Token) -> bool:
    null = _s("null_frames")
    if lower_lemma(head) in null or head.lower_ in null:
        return True
    if pred is None:
        return False
    if lower_lemma(pred) in null or pred.lower_ in null:
        return True
    subj = next((c for c in children_of(pred) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i == head.i:
        return False
    if subj.lower_ in null or lower_lemma(subj) in null:
        return True  # "the survivors number 104"
    return lower_lemma(subj) in ("number", "total", "count", "figure", "tally") and any(
        g.lower_ in null for c in children_of(subj) if c.dep_ == "prep" for g in children_of(c))  # "the number of survivors"


def _names_other_victim(noun: Token, head: Token) -> bool:
    """Whether the event noun ``noun`` names who it befell in an "of" phrase the count is not in
    ("the killing of a teenager sparked protests by 2,000 people": the 2,000 are no victims)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in children_of(c))
               and not (c.left_edge.i <= head.i <= c.right_edge.i) for c in children_of(noun))


def _on_other_count(trigger: Token, head: Token) -> bool:
    """"held 80,000 inmates, with 12 inmates killed": a participle or relative clause on a later
    counted noun tells what befell that count, not the clause's earlier figures (an earlier set
    frames what follows: "Out of the 18,000 personnel who have fled, almost 12,000 ...")."""
    owner = trigger.head
    if trigger.dep_ not in ("acl", "relcl") or owner.i <= head.i or owner.ent_type_ in ("DATE", "TIME"):
        return False
    return owner.like_num or any(c.dep_ == "nummod" for c in children_of(owner))


def _clause_events(ctx: LinkContext, head: Token, pred: Token | None, sent_events: list[EventMention],
                   cls: str) -> CountLink | None:
    doc = ctx.analysis.doc
    sent_events = [m for m in sent_events if m.head_i is None or not _names_other_victim(doc[m.head_i], head)]
    inner = [m for m in sent_events if m.head_i is not None and m.head_i != head.i and in_clause(doc[m.head_i], head)
             and _can_take_part(cls, m.event_type)]
    if inner:
        m = min(inner, key=lambda e: abs((e.head_i or 0) - head.i))
        return _from_mention(ctx, m, m.head_i, "clause", False)
    if pred is not None:
        under = [m for m in sent_events if m.head_i is not None and in_clause(doc[m.head_i], pred)
                 and _can_take_part(cls, m.event_type) and not _on_other_count(doc[m.head_i], head)]
        if under:
            m = min(under, key=lambda e: abs((e.head_i or 0) - head.i))
            return _from_mention(ctx, m, m.head_i, "clause", False)
    return None


def _noun_type(ctx: LinkContext, q: QuantityMention, head: Token, cls: str) -> CountLink | None:
    """The counted noun itself, its event modifier ("520 smuggling schemes", "35 smuggling
    groups"), or a relative / participial clause on it names the event."""
    for m in ctx.by_head.get(head.i, ()):
        if _can_take_part(cls, m.event_type) or m.event_type in ("death", "detention", "legal_action"):
            return _from_mention(ctx, m, head.i, "noun", False)
    for c in children_of(head):
        if c.dep_ in ("compound", "amod") and c.i in ctx.by_head:
            return _from_mention(ctx, ctx.by_head[c.i][0], head.i, "noun", False)
    people = people_of_a_case(head)  # "112 cases of people who went missing"
    if people is not None and (found := _noun_type(ctx, q, people, "person")) is not None:
        return found
    for c in children_of(head):
        if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "ADJ", "AUX"):
            rel = next((g for g in children_of(c) if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WP", "WDT")), None)
            role = ("patient" if passive(c) else "theme") if rel is None or rel.dep_ == "nsubjpass" else role_of(rel, c)
            link, _seen = _typed(ctx, predicate_complex(c, role, True), cls, is_fatal(c), c.i, "clause")
            if link is not None:
                return link
    if (suffered := offence_suffered(head, ctx.by_head)) is not None:
        return _from_mention(ctx, suffered, head.i, "noun", False)  # "56 victims of trafficking"
    if topic_of_a_work(head) or _kept_in_memory(head):
        return None  # "a film on the deaths of 3 climbers", "the relics of 40 martyrs"
    unit_words = (q.unit or "").split()
    lemma = lower_lemma(head) if head.pos_ in ("NOUN", "PROPN", "ADJ") else (unit_words[-1].lower().rstrip("s") if unit_words else "")
    etype = UNIT_EVENT_TYPES.get(lemma) or UNIT_EVENT_TYPES.get(head.lower_)
    if etype is None and head.pos_ in ("NOUN", "PROPN"):
        etype = event_lexicon()["word_index"].get(lemma)
        if etype == "death" and cls not in ("body", "incident", "person"):
            etype = None
    if etype:
        # the noun names the event: it covers the event mentions of its own clause only
        return CountLink(etype, _cause(ctx, q.sent_i) if etype == "death" else None, None, head.i, "noun", head.i)
    return None


def _kept_in_memory(head: Token) -> bool:
    """"the relics of 40 martyrs", "a statue of 12 fallen miners": the people of a keepsake's "of"
    phrase died long ago; the count is no toll of this report."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and in_class(head.head.head, noun_classes()["keepsake"])


def _against_target(ctx: LinkContext, arg: Token) -> Token | None:
    """"cases of desertion against 120 soldiers": the proceedings the "against" phrase belongs
    to, up the noun chain it hangs from."""
    if arg.dep_ != "pobj" or arg.head.lower_ != "against":
        return None
    cur = arg.head.head
    for _ in range(4):
        if cur.i in ctx.by_head:
            return cur
        if cur.pos_ == "VERB" or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _penalty_link(ctx: LinkContext, q: QuantityMention) -> CountLink:
    """A prison term or penalty (the quantities stage keeps durations only as such) is a legal
    action; its offence is that of the sentence's legal mention."""
    legal = [m for m in ctx.by_sent.get(q.sent_i, []) if m.event_type == "legal_action"]
    m = min(legal, key=lambda m: abs((m.head_i or 0) - (q.head_i or 0))) if legal else None
    return CountLink("legal_action", None, m.offence if m else None, m.head_i if m else None, "penalty",
                     m.head_i if m else None)


def _vehicle_event(ctx: LinkContext, vehicle: Token) -> CountLink | None:
    """People carried by a vehicle share its detention, smuggling or forced return."""
    varg = argument_of(vehicle)
    owner = governor(varg)
    if owner is None:
        return None
    link, _seen = _typed(ctx, predicate_complex(owner, role_of(varg, owner), varg.dep_ == "nsubjpass"), "person", False,
                         owner.i, "vehicle")
    if link is not None and link.event_type in ("detention", "smuggling", "deportation"):
        return link
    return None


def _fatal_count(arg: Token) -> bool:
    return is_fatal(arg) if arg.pos_ in ("NUM", "PRON", "DET") else False


@dataclass
class _Count:
    """What :func:`link_count` knows of the count it links."""

    q: QuantityMention
    head: Token
    cls: str
    arg: Token
    pred: Token | None

    @property
    def pred_i(self) -> int | None:
        return self.pred.i if self.pred is not None else None


def _own_verb(ctx: LinkContext, c: _Count) -> CountLink | None:
    """"45 migrants drowned and dozens more are missing": a participle right after the counted
    noun, parsed as its modifier while a later coordinated count takes the clause's verb, is the
    count's own predicate (the coordination's verb belongs to the last conjunct, even when the parser
    made that conjunct the verb's subject and left only the "and" on the noun)."""
    head = c.head
    verb = next((t for t in children_of(head) if t.dep_ == "acl" and t.i == head.i + 1 and t.tag_ in ("VBN", "VBD", "VBG")
                 and not has_subject(t)), None)
    if verb is None or not (any(t.dep_ in ("conj", "cc") and t.i > verb.i for t in children_of(head))
                            or _second_subject_after(head, verb) or _state_of_an_object(ctx, head, verb)):
        return None
    link, _seen = _typed(ctx, [(verb, "patient")], c.cls, is_fatal(verb), verb.i, "predicate")
    return link


def _state_of_an_object(ctx: LinkContext, head: Token, verb: Token) -> bool:
    """"Survivors report 7 people missing", "the crew found 3 men injured": the participle after the object of
    a verb that names no event of ours says what befell the people counted (not "saw 40 people fleeing":
    only a participle that is an event of ours)."""
    return (head.dep_ == "dobj" and head.head.i not in ctx.by_head and verb.i in ctx.by_head)


def _second_subject_after(head: Token, verb: Token) -> bool:
    """"11 passengers killed, 7 injured": the parser made both figures subjects of the last verb;
    a second subject after the participle takes that verb, the participle stays the first one's."""
    return head.dep_ in ("nsubj", "nsubjpass") and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i > verb.i for t in children_of(head.head) if t.i != head.i)


#: nouns whose people are dead: they act in no event ("Sohmor: 7 martyrs and 21 wounded", read as "martyrs wounded")
_THE_DEAD = frozenset({"martyr", "fatality", "dead", "corpse"})


def _by_predicate(ctx: LinkContext, c: _Count) -> CountLink | None:
    """The event of the predicate the count is an argument of; an untyped link when that
    predicate is an event the count does not take part in (the killers of "killed")."""
    pred, arg = c.pred, c.arg
    if pred is None or pred.i == arg.i:
        return None
    role = role_of(arg, pred)
    if arg.dep_ == "npadvmod" and arg.pos_ in ("NUM", "PRON"):
        role = "patient" if passive(pred) else "theme"  # "four were shot, one of them fatally"
    subject = arg.dep_ in ("nsubj", "nsubjpass", "npadvmod")
    link, seen = _typed(ctx, predicate_complex(pred, role, subject), c.cls, _fatal_count(arg), pred.i, "predicate")
    if link is None and seen and on_board(arg, pred) and any(
            m.event_type == "border_crossing" for m in ctx.by_head.get(pred.i, ())):
        return CountLink("border_crossing", pred_i=pred.i, via="vehicle")  # "left Senegal with 230 people on board"
    if link is None and seen and pred.pos_ == "VERB" and c.head.i not in ctx.by_head and c.cls != "body" \
            and lower_lemma(c.head) not in _THE_DEAD:
        # (a noun that names its own event, "the 25th killing", a body, "29 bodies ... brought to
        # hospitals, 13 of them in serious condition", or the dead, "7 martyrs and 21 wounded", goes on)
        return CountLink(pred_i=pred.i, via="predicate")
    if link is None and not seen and pred.pos_ == "NOUN" and pred.dep_ in ("dobj", "nsubjpass") and role == "theme":
        # "organized the movement of up to 18 ships": what the event's object noun moves takes part in it
        verb = pred.head
        link, _seen = _typed(ctx, [(verb, "patient")], c.cls, False, verb.i, "predicate")
    return link


def _by_noun(ctx: LinkContext, c: _Count) -> CountLink | None:
    """The counted noun names the event ("12 bodies"), unless a rescue frame says it is none."""
    own = [m for m in ctx.by_head.get(c.head.i, ()) if _can_take_part(c.cls, m.event_type)]
    if own:
        return _from_mention(ctx, own[0], c.head.i, "noun", False)
    state = [m for a in children_of(c.head) if a.dep_ == "amod" and a.tag_ == "VBN"
             for m in ctx.by_head.get(a.i, ()) if _can_take_part(c.cls, m.event_type)]
    if state:  # "evacuated 7 wounded people": what befell the people, whatever the verb does with them
        return _from_mention(ctx, state[0], c.head.i, "noun", False)
    if _null_frame(c.pred, c.head):
        return CountLink(pred_i=c.pred_i, via="null")
    return _noun_type(ctx, c.q, c.head, c.cls)


def _named_set(c: _Count) -> Token | None:
    """The noun naming the set a count measures when its predicate is no event: the subject of a
    membership verb ("the victims included 11 children") or the "of" noun of a measure subject
    ("the number of bodies ... to exceed 1,000", "the tally of arrests reached 500")."""
    pred, arg = c.pred, c.arg
    if pred is not None and pred.dep_ == "acomp" and c.q.span[0] <= pred.idx < c.q.span[1]:
        pred = pred.head  # 'could be "close to" 200': a qualifier the parser made the predicate
    stand_in = _demonstrative_antecedent(arg)
    if stand_in is not None:
        return stand_in
    if pred is None or pred.pos_ not in ("VERB", "AUX") or arg.dep_ not in ("dobj", "attr", "pobj"):
        return None
    if arg.dep_ == "pobj" and arg.head.lower_ != "to" and not c.q.span[0] <= arg.head.idx < c.q.span[1]:
        return None  # (a qualifier the parser made a preposition, 'was "over 35"', is the figure's own)
    owner = pred.head if pred.dep_ == "xcomp" and not has_subject(pred) else pred  # "is expected to exceed 1,000"
    subj = next((t for t in children_of(owner) if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i == c.head.i:
        return None
    if lower_lemma(pred) in _s("membership_verbs") and arg.dep_ == "dobj":
        return subj
    if lower_lemma(subj) in _s("measure_nouns"):
        restated = restated_measure(subj)  # "the toll was 35" after "the death toll rose to 23"
        return next((g for p in children_of(subj) if p.dep_ == "prep" and p.lower_ == "of"
                     for g in children_of(p) if g.dep_ == "pobj"), restated if restated.i != subj.i else None)
    return None


def _demonstrative_antecedent(arg: Token) -> Token | None:
    """"the bodies, including those of 4 children", "the bodies were those of 5 women": the noun a
    demonstrative "those" / "that" stands for, when the count is its "of" phrase."""
    dem = arg.head.head if arg.dep_ == "pobj" and arg.head.lower_ == "of" else arg  # (argument_of may have climbed)
    if dem.lower_ not in ("those", "that") or not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(dem)):
        return None
    if dem.dep_ == "pobj" and dem.head.lower_ in ("including", "among") and dem.head.head.pos_ == "NOUN":
        return dem.head.head
    if dem.dep_ == "attr":
        return next((t for t in children_of(dem.head) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"), None)
    return None


def _by_set(ctx: LinkContext, c: _Count) -> CountLink | None:
    """A count of (part of) a set some other noun names takes that noun's event."""
    named = _named_set(c)
    if named is None:
        return None
    own = [m for m in ctx.by_head.get(named.i, ()) if _can_take_part(c.cls, m.event_type)]
    if own:
        return _from_mention(ctx, own[0], named.i, "noun", False)
    found = _noun_type(ctx, c.q, named, noun_class(named))
    if found is None and named.head.dep_ == "prep" and lower_lemma(named.head.head) in _s("measure_nouns"):
        return _within_measure(ctx, c, named.head.head)  # "the number of people listed as disappeared"
    return found


def _measure_set_at(arg: Token) -> Token | None:
    """"puts the number of workers killed at 264", "brings the number of people dead or missing ... to
    1,184": the measure noun a figure's "at" / "to" phrase sets, however the parser hung the phrase."""
    if arg.dep_ != "pobj" or arg.head.lower_ not in ("to", "at"):
        return None
    measures = _s("measure_nouns")
    cur = arg.head.head
    for _ in range(5):
        if lower_lemma(cur) in measures:
            return cur
        obj = next((t for t in children_of(cur) if t.dep_ == "dobj" and lower_lemma(t) in measures), None)
        if obj is not None or cur.head.i == cur.i:
            return obj
        cur = cur.head
    return None


def _within_measure(ctx: LinkContext, c: _Count, measure: Token) -> CountLink | None:
    """The first event said between a measure noun and its figure ("the number of people killed")."""
    inside = [m for m in ctx.by_sent.get(c.q.sent_i, []) if m.head_i is not None
              and measure.left_edge.i <= m.head_i < c.head.i and _can_take_part(c.cls, m.event_type)]
    if not inside:
        return None
    m = min(inside, key=lambda e: e.head_i or 0)
    return _from_mention(ctx, m, m.head_i, "noun", False)


def _by_measure(ctx: LinkContext, c: _Count) -> CountLink | None:
    measure = _measure_set_at(c.arg)
    return _within_measure(ctx, c, measure) if measure is not None else None


def _by_context(ctx: LinkContext, c: _Count, vehicle: Token | None) -> CountLink | None:
    """Passengers and flows of people in a migration report; the events of the count's own
    clause; the nearest event of a verbless fragment."""
    if c.cls != "money" and (vehicle is not None or on_board(c.arg, c.pred)) and (
            ctx.migration or named_migrants(c.head) and _moving(ctx, vehicle)):
        return CountLink("border_crossing", pred_i=c.pred_i, via="vehicle")
    if c.cls in ("person", "group") and (ctx.migration or named_migrants(c.head)) and hidden_in(c.arg) is not None:
        return CountLink("border_crossing", pred_i=c.pred_i, via="vehicle")  # people found hidden in a lorry
    sent_events = ctx.by_sent.get(c.q.sent_i, [])
    clause_pred = c.pred if c.pred is not None else governing_predicate(ctx.analysis, c.q.sent_i, c.head.i)
    found = _clause_events(ctx, c.head, clause_pred, sent_events, c.cls)
    if found is not None:
        return found
    if c.cls in ("person", "none", "group"):
        flow = clause_pred if clause_pred is not None and lower_lemma(clause_pred) in _s("flow_predicates") else own_movement(c.head)
        if flow is not None and (ctx.migration or named_migrants(c.head) and lower_lemma(flow) in moving_verbs() and to_a_place(ctx.analysis, flow)):
            return CountLink("border_crossing", pred_i=flow.i, via="context")
    if c.cls == "money" and clause_pred is not None and lower_lemma(clause_pred) in ("pay", "charge") and (
            ctx.migration or _for_a_crossing(ctx, clause_pred, sent_events)):
        return CountLink("smuggling", pred_i=clause_pred.i, via="context")  # "paid $5,000 for the trip": the fee
    if clause_pred is None and sent_events:
        m = min(sent_events, key=lambda e: abs((e.head_i or 0) - c.head.i))
        if _can_take_part(c.cls, m.event_type):
            return _from_mention(ctx, m, m.head_i, "sentence", False)
    return None


def _for_a_crossing(ctx: LinkContext, pay: Token, sent_events: list[EventMention]) -> bool:
    """A sum paid to a smuggler ("paid smugglers 2,000 dollars") or by migrants for a crossing ("the migrants
    said each paid 3,000 euros to make the crossing"): the smuggling fee, whatever the report is about (not
    a ferry fare: "paid 40 euros for the ferry crossing")."""
    doc, nouns = ctx.analysis.doc, [t for t in pay.subtree if t.pos_ == "NOUN"]
    if any(UNIT_EVENT_TYPES.get(lower_lemma(t)) == "smuggling" for t in nouns):
        return True
    crossing = any(m.event_type == "border_crossing" and m.head_i is not None and in_clause(doc[m.head_i], pay)
                   for m in sent_events) or any(UNIT_EVENT_TYPES.get(lower_lemma(t)) == "border_crossing" for t in nouns)
    return crossing and any(named_migrants(t) for t in pay.sent)


def _moving(ctx: LinkContext, vehicle: Token | None) -> bool:
    """The vehicle is said to move in or out ("a boat with 48 migrants landed on Gran Canaria")."""
    if vehicle is None:
        return False
    owner = governor(argument_of(vehicle))
    return owner is not None and lower_lemma(owner) in moving_verbs() and to_a_place(ctx.analysis, owner)


def _participle_read_as_verb(head: Token) -> Token:
    """"1,038 reported fatalities": a figure the parser made the subject of a participle that modifies the
    noun right after it (its "object") counts that noun."""
    verb = head.head
    if head.dep_ != "nsubj" or head.pos_ != "NUM" or verb.i != head.i + 1 or verb.tag_ not in ("VBD", "VBN"):
        return head
    noun = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return noun if noun is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and noun.tag_ == "NNS" else head


def link_count(ctx: LinkContext, q: QuantityMention, head: Token | None) -> CountLink:
    """The event the count ``q`` (whose counted noun / number token is ``head``) takes part in."""
    if head is None:
        return CountLink()
    head = _participle_read_as_verb(head)
    own_number = q.span[0] <= head.idx < q.span[1]
    cls = noun_class(head if head.pos_ in ("NOUN", "PROPN") and not own_number else None, q)
    if cls == "duration":
        return _penalty_link(ctx, q)
    arg = argument_of(head)
    c = _Count(q, head, cls, arg, _against_target(ctx, arg) or governor(arg))
    vehicle = vehicle_of(arg)
    found = _vehicle_event(ctx, vehicle) if vehicle is not None else None
    for step in (lambda: found, lambda: _own_verb(ctx, c), lambda: _by_measure(ctx, c), lambda: _by_predicate(ctx, c),
                 lambda: _by_noun(ctx, c),
                 lambda: _by_set(ctx, c), lambda: _by_context(ctx, c, vehicle)):
        link = step()
        if link is not None:
            return link
    return CountLink(pred_i=c.pred_i)
