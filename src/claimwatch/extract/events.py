"""Event typing (SPEC §6): trigger words on lemmas, checked against their dependency context.

Two kinds of rule, both in ``resources/event_triggers.json``:

* **pairs** — a trigger that needs a related word: "crossed *the border*", "fled *their posts*",
  "lost *their lives*", "*bodies* ... *found*", "evade *conscription*", "called *up*". The partner
  is looked for among the trigger's children, grandchildren (through a preposition, a
  clausal complement or a passive auxiliary) and its head / grandparent.
* **words** — triggers that name the event on their own ("detained", "deserter", "drowned",
  "extradition"), optionally restricted by part of speech.

Deaths take a ``cause`` from cue words of their sentence ("swimming", "river" → drowning;
"exposure", "froze" → exposure; "wild creatures" → animal ...); a death whose sentence names
several causes yields one mention per cause. Deaths and injuries whose trigger is tied to
fighting ("killed in fighting", or soldiers "killed in a missile strike") are
``combat_casualties``; civilians killed in a strike are deaths (violence). "Lost N soldiers" is a combat
casualty unless its paragraph is about desertion. Words that also name crimes ("assault",
"attack") and strikes on military victims make combat casualties only in a report of armed
conflict (:func:`.frames.armed_conflict_report`). The mentions then go through the predicate
frames of :mod:`.frames` (casualty, legal, forced return, movement).

Core: :func:`find_events`; step: :data:`STAGE`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Iterator

from spacy.tokens import Token

from ..resources import read_text
from .base import Analysis, EventMention, Stage, children_of, doc_text, lower_lemma, takes_an_object, token_table
from .frames import armed_conflict_report, fatal_modifier, person_noun, refine_mentions
from .quantity_nouns import beasts_only, mass_of_things, noun_classes, time_of
from .undergoers import done_to_people, passive_but_not_held, undergoers
from .units import unit_at

__all__ = ["find_events", "death_causes", "topic_of_a_work", "a_charge", "a_price", "casualty_verb", "names_people", "STAGE"]

_AGENT_SUFFIXES = ("ist", "ant", "ent")   # "tourists", "migrants"; an -er noun needs a human agent head
_OWN_PHRASE_DEPS = frozenset({"relcl", "acl", "prep", "advcl", "ccomp", "conj", "appos", "cc"})
_PLACE_PREPS = frozenset({"to", "into", "across", "towards", "toward", "from"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_PASS_THROUGH = frozenset({"prep", "agent", "xcomp", "auxpass", "prt", "dobj", "pobj", "compound", "amod", "advmod", "npadvmod", "acomp", "ccomp", "nsubjpass", "nsubj", "poss", "pcomp"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The trigger lexicon (loaded once), indexed for lookup."""
    raw = read_text("event_triggers.json")
    data = json.loads(raw)
    words: dict[str, str] = {}
    for etype, lemmas in data["words"].items():
        for lemma in lemmas:
            words[lemma] = etype
    data["word_index"] = words
    pairs_by_trigger: dict[str, list[dict[str, Any]]] = {}
    for rule in data["pairs"]:
        rule["with_set"] = frozenset(rule["with"])
        for lemma in rule["trigger"]:
            pairs_by_trigger.setdefault(lemma, []).append(rule)
    data["pair_index"] = pairs_by_trigger
    data["war_set"] = frozenset(data["war_context"])
    data["strike_set"] = frozenset(data["strike_context"])
    data["military_set"] = frozenset(data["military_victims"])
    data["cause_sets"] = {cause: frozenset(cues) for cause, cues in data["causes"].items()}
    data["need_set"] = frozenset(data["need_subjects"])
    data["death_block"] = frozenset(data["death_noun_blockers"])
    data["kept_heads"] = frozenset(data["compound_heads_kept"])
    data["weak_violence_set"] = frozenset(data["weak_violence"])
    data["weak_accident_set"] = frozenset(data["weak_accident"])
    data["fire_set"] = frozenset(data["fire_nouns"])
    data["fire_weapon_set"] = frozenset(data["fire_weapon_heads"])
    data["ambiguous_war_set"] = frozenset(data["ambiguous_war_context"])
    data["work_set"] = frozenset(data["work_nouns"])
    data["price_verb_set"] = frozenset(data["price_verbs"])
    data["fee_set"] = frozenset(data["fee_nouns"])
    data["not_held_set"] = frozenset(data["not_held_in"] + data["war_context"] + data["fire_nouns"])
    data["human_agent_head_set"] = tuple(data["human_agent_heads"])
    data["on_people_index"] = {lemma: etype for etype, lemmas in data["on_people"].items()
                               if not etype.startswith("_") for lemma in lemmas}
    return data


def _relative_agent(tok: Token) -> bool:
    """A verb in a relative clause whose pronoun is its active subject: the noun it hangs on is
    who acts, not what the act is about ("the hospital, which treats 5,000 patients a year")."""
    return tok.dep_ == "relcl" and tok.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in children_of(tok))


def _related(tok: Token) -> Iterator[Token]:
    """Tokens close to ``tok`` in the tree: children, grandchildren (through function words), head, grandparent."""
    for child in children_of(tok):
        if child.dep_ in _SUBJECTS and not child.dep_.endswith("pass") and tok.pos_ in ("VERB", "AUX"):
            continue  # "conscripts fled": an active subject is who acts; a passive one undergoes it ("smugglers were caught")
        yield child
        if child.dep_ in _PASS_THROUGH:
            for grand in children_of(child):
                yield grand
                if grand.dep_ in ("prep", "pobj", "dobj", "auxpass", "compound"):
                    yield from children_of(grand)
                if grand.pos_ == "NUM":     # a partitive: "the loss of 11 of its soldiers"
                    yield from (g for p in children_of(grand) if p.dep_ == "prep" and p.lower_ == "of"
                                for g in children_of(p) if g.dep_ == "pobj")
    if tok.dep_ == "compound":   # "international protection applicants": a modifier before the compound is its own
        yield from (s for s in children_of(tok.head) if s.dep_ in ("amod", "compound") and s.i < tok.i)
    if tok.head.i != tok.i and not _relative_agent(tok):
        yield tok.head
        if tok.dep_ in _PASS_THROUGH and tok.head.head.i != tok.head.i:
            yield tok.head.head


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "LOC")


def _place_partner(tok: Token) -> Token | None:
    for child in children_of(tok):
        if child.dep_ == "dobj" and _is_place(child):
            return child
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for grand in children_of(child):
                if grand.dep_ == "pobj" and _is_place(grand):
                    return grand
    return None


def _subject_tokens(tok: Token) -> Iterator[Token]:
    for child in children_of(tok):
        if child.dep_ in _SUBJECTS:
            yield from child.subtree
        elif child.dep_ == "agent":
            for grand in children_of(child):
                yield from grand.subtree


def _active_subject(tok: Token) -> Token | None:
    return next((c for c in children_of(tok) if c.dep_ == "nsubj"), None) if tok.pos_ == "VERB" else None


def _object_tokens(tok: Token) -> Iterator[Token]:
    """The heads of ``tok``'s direct objects, their conjuncts and the noun an object's "of" takes
    ("lost my two sons and my mother", "lost two of my uncles")."""
    for child in children_of(tok):
        if child.dep_ == "dobj":
            yield child
            yield from child.conjuncts
            for prep in children_of(child):
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    yield from (obj for obj in children_of(prep) if obj.dep_ == "pobj")


def _modifies_other_noun(rel: Token, tok: Token) -> bool:
    """A compound modifier of a noun other than the trigger names a kind of that noun, not the
    trigger's partner ("pupils from the hospital school", "the border town"; not "border crossing")."""
    return rel.dep_ == "compound" and rel.head.i != tok.i


def _pair_partner(tok: Token, rule: dict[str, Any]) -> Token | None:
    with_set = rule["with_set"]
    subject = _active_subject(tok) if rule.get("undergone") else None
    if subject is not None:     # "a landslide buried 30 people", not "villagers buried 40 victims of the landslide"
        return subject if lower_lemma(subject) in with_set or subject.lower_ in with_set else None
    related = _subject_tokens(tok) if rule.get("subject") else _object_tokens(tok) if rule.get("object") else _related(tok)
    for rel in related:
        if rel.i == tok.i or _modifies_other_noun(rel, tok) or mass_of_things(rel) or time_of(rel):
            continue
        if lower_lemma(rel) in with_set or rel.lower_ in with_set:
            return None if passive_but_not_held(tok, rel, lexicon()["not_held_set"]) else rel
    if "@place" in with_set:
        return _state_subject(tok) if rule.get("subject") else _place_partner(tok)
    return None


def _state_subject(tok: Token) -> Token | None:
    """"Mexico removed 2,000 migrants": a state (a GPE) as the active subject, unless a "from" phrase
    names something other than a place ("Brazil removed 3 players from the squad")."""
    subject = _active_subject(tok)
    if subject is None or subject.ent_type_ != "GPE":
        return None
    heads = [tok, *(c for c in children_of(tok) if c.dep_ == "dobj")]  # (the parser may hang it on the object)
    if any(c.dep_ == "prep" and c.lower_ == "from" and not any(g.ent_type_ in ("GPE", "LOC") for g in children_of(c))
           for h in heads for c in children_of(h)):
        return None
    return subject


def _cared_for(tok: Token, conditions: frozenset[str]) -> bool:
    """A care verb ("treated", "admitted") of an injury: the condition its "for" phrase names is
    one of ``conditions`` (or there is none), and a noun it cares for names people (a person or
    group noun, or a noun of one who does something: "runners", "protesters", "tourists")."""
    preps = [c for c in children_of(tok) if c.dep_ == "prep"]
    preps += [gg for p in preps for g in children_of(p) if g.dep_ == "pobj" for gg in children_of(g) if gg.dep_ == "prep"]
    for c in [*children_of(tok), *preps]:  # "treated at the clinic for check-ups": "for" hung on the clinic
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and not names_people(c):
            return False  # "treated 25 dogs", "the patients' cars were admitted"
        elif c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i:
            named = [g for g in children_of(c) if g.dep_ == "pobj"]
            if named and not any(w.lower_ in conditions or lower_lemma(w) in conditions
                                 for g in named for w in [g, *g.conjuncts, *children_of(g)]):
                return False  # "treated at the clinic for routine check-ups"
    return True


def a_charge(tok: Token) -> bool:
    """A noun trigger read as a charge or a burden, not a count of the dead ("unpriced" rules:
    "the toll on the bridge rose to 8 dollars", "tolls on trucks", "took its toll on the economy"):
    its clause states an amount of money or a percentage, or the noun (or the verb it is the object
    of) is "on" something that is no date."""
    clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok
    owners = (tok, clause) if tok.dep_ == "dobj" else (tok,)     # "put tolls on trucks"
    if any(c.dep_ == "prep" and c.lower_ == "on" and not any(g.ent_type_ in ("DATE", "TIME") for g in children_of(c))
           for owner in owners for c in children_of(owner)):
        return True
    if any(_charged_on_things(owner) for owner in owners):
        return True
    return _states_money(clause.subtree, percent=True)


def _states_money(tokens: Iterable[Token], percent: bool = False) -> bool:
    """Whether ``tokens`` state an amount of money ("$2,000", "500 euros"; with ``percent``, a
    percentage too)."""
    text: str | None = None
    for t in tokens:
        if t.ent_type_ == "MONEY" or (percent and t.ent_type_ == "PERCENT") or t.tag_ == "$":
            return True
        if t.like_num:
            text = text if text is not None else doc_text(t.doc)
            unit = unit_at(text, t.idx + len(t))
            if unit is not None and unit.dimension == "money":
                return True
    return False


def a_price(tok: Token) -> bool:
    """A verb of charging whose object is a sum of money or a fee states a price ("smugglers
    charged $2,000 per person", "the airline charges a fee"), not a criminal charge, which is
    laid "with" an offence ("charged two men with smuggling")."""
    if tok.pos_ != "VERB" or lower_lemma(tok) not in lexicon()["price_verb_set"]:
        return False
    kids = children_of(tok)
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return False
    objects = [c for c in kids if c.dep_ in ("dobj", "dative", "npadvmod")]
    return any(_states_money([o, *(c for c in children_of(o) if c.dep_ not in _OWN_PHRASE_DEPS)])  # not "who made $2m"
               or lower_lemma(o) in lexicon()["fee_set"] for o in objects)


def _charged_on_things(tok: Token) -> bool:
    """"the toll for 15,000 vehicles": the noun's (or its verb's) "for" phrase names things (vehicles, goods), so it
    is a charge laid on them; a toll "for" people, a period or an event stays a count of the dead."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and _things(g) for g in children_of(c))
               for c in children_of(tok))


def _things(noun: Token) -> bool:
    """Things, not people: an object noun ("vehicles"), or a counted noun that names no person
    or group ("8,000 lorries")."""
    things = noun_classes()["object"]
    if noun.lower_ in things or lower_lemma(noun) in things:
        return True
    return noun.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in children_of(noun)) and not names_people(noun)


def names_people(noun: Token) -> bool:
    """A noun of people: a person or group noun, one of a person who does something ("hikers", "tourists"),
    or "others" after them ("three died and 17 others were treated", as :func:`.counting.noun_class` reads it)."""
    lemma = lower_lemma(noun)
    return person_noun(noun) or lemma == "other" or lemma.endswith(_AGENT_SUFFIXES + lexicon()["human_agent_head_set"]) \
        or lemma in noun_classes()["group"]


def _pos_ok(tok: Token, allowed: list[str] | None) -> bool:
    return not allowed or tok.pos_ in allowed


def _context_of(tok: Token, armed_conflict: bool = True) -> str | None:
    """``"combat"`` / ``"strike"`` when the trigger (or its conjunct: "killed and wounded in")
    is tied by a preposition or adverb to fighting / to a strike, else None. Words that also
    name crimes ("assault", "attack", "raid", "bombing", "explosion") mean fighting only in an
    armed-conflict report."""
    lex = lexicon()
    war, strike = lex["war_set"], lex["strike_set"]
    if not armed_conflict:
        war, strike = war - lex["ambiguous_war_set"], strike - lex["ambiguous_war_set"]

    def kind(t: Token) -> str | None:
        if _relative_location(t):
            return None
        words = {lower_lemma(t), t.lower_} | {lower_lemma(g) for g in children_of(t) if g.dep_ in ("compound", "amod")}
        if words & war:
            return "combat"
        if words & strike:
            return "strike"
        return None

    heads = [tok] + [c for c in children_of(tok) if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    for head in heads:
        for child in children_of(head):
            if child.dep_ in ("prep", "agent"):
                for grand in children_of(child):
                    if grand.dep_ == "pobj" or (grand.dep_ == "pcomp" and grand.tag_ == "VBG"):
                        found = kind(grand)
                        if found:
                            return found
            if child.dep_ in ("npadvmod", "advmod"):
                found = kind(child)
                if found:
                    return found
    return None


def _relative_location(tok: Token) -> bool:
    """"in front of me", "at the front of the queue": a place relative to what the "of" phrase
    names, not a battle front."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(tok)) and tok.head.lower_ in ("in", "at")


def _military_victims(tok: Token) -> bool:
    mil = lexicon()["military_set"]
    heads = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
    for head in heads:
        for child in children_of(head):
            if child.dep_ in ("nsubjpass", "dobj", "nsubj"):
                nouns = [child] + [g for g in children_of(child) if g.dep_ == "pobj" or g.dep_ == "prep"]
                nouns += [gg for g in children_of(child) if g.dep_ == "prep" for gg in children_of(g)]
                if any(lower_lemma(n) in mil for n in nouns):
                    return True
    return False


def _burning_fire(tokens: list[Token]) -> bool:
    """A fire that burns among ``tokens`` ("a fire ... killed five", "died in the blaze"): the noun,
    not a modifier ("fire brigade") nor the fire of weapons or arson ("opened fire", "set fire to",
    "came under fire")."""
    lex = lexicon()
    for tok in tokens:
        if tok.pos_ != "NOUN" or lower_lemma(tok) not in lex["fire_set"] or tok.dep_ in ("compound", "amod", "nmod"):
            continue
        heads = {lower_lemma(tok.head), lower_lemma(tok.head.head)} if tok.head.pos_ == "ADP" else {lower_lemma(tok.head)}
        if not heads & lex["fire_weapon_set"]:
            return True
    return False


def death_causes(tokens: list[Token]) -> list[str]:
    """Causes named by cue words among ``tokens`` (SPEC §6), ``["unknown"]`` when none. A weak
    cue counts only without a stronger one: "killed" is violence when nothing else is named, a
    collapse, an overturning or a fire is an accident unless a weapon or attack caused it."""
    lex = lexicon()
    found: list[str] = []
    lemmas = {lower_lemma(t) for t in tokens} | {t.lower_ for t in tokens}
    fire = _burning_fire(tokens)    # a weak accident cue, like a collapse
    for cause, cue_set in lex["cause_sets"].items():
        if cause == "violence":
            strong = (cue_set - lex["weak_violence_set"]) & lemmas
            if strong:
                found.append(cause)
        elif cause == "accident" and "violence" in found:
            # "an airstrike that collapsed a building": the collapse is the strike's, no accident
            if (cue_set - lex["weak_accident_set"]) & lemmas:
                found.append(cause)
        elif cue_set & lemmas or (cause == "accident" and fire):
            found.append(cause)
    if not found and lex["weak_violence_set"] & lemmas:
        found.append("violence")
    return found or ["unknown"]


def _span_of(tok: Token, partner: Token | None) -> tuple[int, int]:
    if partner is not None and abs(partner.i - tok.i) <= 3:
        a, b = min(tok.i, partner.i), max(tok.i, partner.i)
        doc = tok.doc
        return doc[a].idx, doc[b].idx + len(doc[b])
    return tok.idx, tok.idx + len(tok)


def _modifier_only(tok: Token) -> bool:
    """A noun/adjective that only modifies another noun: "conscription age", "border crossing point"."""
    return (
        tok.pos_ in ("NOUN", "ADJ")
        and tok.dep_ in ("compound", "amod", "nmod")
        and tok.head.i != tok.i
        and tok.head.pos_ in ("NOUN", "PROPN")
        and lower_lemma(tok.head) not in lexicon()["kept_heads"]
    )


def _word_type(tok: Token) -> str | None:
    lex = lexicon()
    lemma, low = lower_lemma(tok), tok.lower_
    etype = lex["word_index"].get(lemma) or lex["word_index"].get(low)
    key = lemma if lemma in lex["word_index"] else low
    if etype is None:
        if lemma == "need" and tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "xcomp" for c in children_of(tok)):
            subj = [c for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.dep_ == "neg" for c in children_of(tok)) or any(lower_lemma(s) in lex["need_set"] or s.lower_ in lex["need_set"] for s in subj):
                return "policy"
        return None
    if not _pos_ok(tok, lex["word_pos"].get(key)) or a_price(tok):
        return None
    acronym = tok.text.isupper() and len(tok.text) <= 5
    if not acronym and (tok.pos_ in ("PROPN",) or tok.ent_type_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "LAW")):
        return None  # part of a name ("Investigation Committee", "Death Valley")
    if _modifier_only(tok) and not (tok.pos_ == "ADJ" and etype in ("death", "missing", "injury")):
        return None
    if etype == "desertion" and lemma == "desert" and tok.pos_ != "VERB":
        return None
    if tok.pos_ == "NOUN" and (topic_of_a_work(tok) or lower_lemma(tok.head) in lex["idiom_verbs"].get(lemma, ())):
        return None  # "made a killing on the shares"
    return etype


def casualty_verb(tok: Token) -> bool:
    """A verb that names a death or an injury on its own ("injured", "died", "killed", "hurt")."""
    index = lexicon()["word_index"]
    return tok.pos_ == "VERB" and (index.get(lower_lemma(tok)) or index.get(tok.lower_)) in ("death", "injury")


def topic_of_a_work(tok: Token) -> bool:
    """An event noun that is what a work is about ("a documentary about the massacre", "a
    podcast on the murder") names the work's subject, not an event of this report."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("about", "on"):
        return False
    works = lexicon()["work_set"]
    if prep.head.pos_ == "NOUN":
        return lower_lemma(prep.head) in works
    # "screened a film on the deaths of 3 climbers", "the film is about a killing": the phrase
    # attached to the verb whose object or subject is the work
    return prep.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubj") and lower_lemma(c) in works for c in children_of(prep.head))


def _paragraph_has(analysis: Analysis, sent_i: int, etype: str, found: list[EventMention]) -> bool:
    para = analysis.paragraph_index(analysis.sentences[sent_i][0]) if analysis.paragraphs else 0
    return any(
        e.event_type == etype and (analysis.paragraph_index(e.span[0]) if analysis.paragraphs else 0) == para
        for e in found
    )


_Hit = tuple[Token, str, "Token | None", "dict[str, Any] | None"]


def _sentence_hits(span: Any) -> list[_Hit]:
    """(trigger, type, partner, rule) of one sentence: pair rules first, then single words
    (a word used as a pair's partner does not trigger on its own)."""
    lex = lexicon()
    used: set[int] = set()
    partners: set[int] = set()
    hits: list[_Hit] = []
    table = token_table(span.doc)
    lemmas, lowers = table.lemma, table.lower
    tokens = table.tokens
    pairs, words = lex["pair_index"], lex["word_index"]
    for i in range(span.start, span.end):
        if lemmas[i] not in pairs or _modifier_only(tokens[i]) or mass_of_things(tokens[i]):
            continue
        tok = tokens[i]
        for rule in pairs[lemmas[i]]:
            if not _pos_ok(tok, rule.get("pos")) or (rule.get("unpriced") and a_charge(tok)) or (rule.get("on_people")
                    and not done_to_people(tok, every=False)) or (rule.get("intransitive") and takes_an_object(tok)):
                continue    # "removed 40 tonnes of debris from Paris" is no removal of people; "passed away the time"
            if lemmas[i] in rule.get("condition", ()) and not _cared_for(tok, rule["with_set"]):
                continue
            partner = _pair_partner(tok, rule)
            if partner is not None and partner.lower_ in rule.get("done_with", ()) and not any(
                    c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children_of(tok)):
                continue    # "three turned back" (of their own accord): no one was sent back
            if partner is not None and partner.i not in used:
                hits.append((tok, rule["type"], partner, rule))
                used.add(tok.i)
                partners.add(partner.i)
                break
    paired = {h[0].i: h[1] for h in hits}
    for i in range(span.start, span.end):
        lemma = lemmas[i]
        if i in partners or lemma not in words and lowers[i] not in words and lemma != "need":
            continue   # _word_type's first look-up, read from the table
        etype = _word_type(tokens[i])
        if etype and paired.get(i) != etype:
            hits.append((tokens[i], etype, None, None))
    on_people = lex["on_people_index"]
    hits += [(tokens[i], on_people[lemmas[i]], None, None) for i in range(span.start, span.end)
             if lemmas[i] in on_people and i not in used and done_to_people(tokens[i])]
    return sorted(hits, key=lambda h: (h[0].i, h[2] is not None))


_CASUALTY_TYPES = frozenset({"death", "injury", "missing"})


def _beasts_undergo(hit: _Hit) -> bool:
    """A death, injury or disappearance that only animals undergo is no casualty event (SPEC §6 counts people)."""
    return hit[1] in _CASUALTY_TYPES and beasts_only(undergoers(hit[0]))


def _hit_mentions(analysis: Analysis, sent_i: int, hit: _Hit, sent_tokens: list[Token],
                  armed_conflict: bool) -> list[EventMention]:
    tok, etype, partner, rule = hit
    if etype == "injury" and tok.pos_ == "VERB" and fatal_modifier(tok):
        etype = "death"  # "fatally wounded", "mortally injured"
    if etype in ("death", "injury") and set(death_causes(sent_tokens)) <= {"violence", "unknown"}:
        context = _context_of(tok, armed_conflict)
        if context == "combat" or (context == "strike" and _military_victims(tok)):
            etype = "combat_casualties"
    start, end = _span_of(tok, partner)
    text = analysis.text[start:end]
    if etype == "death":
        causes = [rule["cause"]] if rule and rule.get("cause") else death_causes(sent_tokens)
        return [EventMention((start, end), text, "death", sent_i, tok.i, cause) for cause in causes]
    return [EventMention((start, end), text, etype, sent_i, tok.i)]


def find_events(analysis: Analysis) -> list[EventMention]:
    """Every event mention of the article, in text order (one per trigger; one per cause for deaths)."""
    doc = analysis.doc
    found: list[EventMention] = []
    deferred: list[tuple[EventMention, dict[str, Any]]] = []
    armed_conflict = armed_conflict_report(analysis)
    for sent_i, (s, e) in enumerate(analysis.sentences):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        sent_tokens = token_table(doc).tokens[span.start:span.end]
        for hit in _sentence_hits(span):
            if _beasts_undergo(hit):
                continue
            mentions = _hit_mentions(analysis, sent_i, hit, sent_tokens, armed_conflict)
            found += mentions
            rule = hit[3]
            if rule and rule.get("paragraph_override"):
                deferred += [(m, rule["paragraph_override"]) for m in mentions]
    for mention, override in deferred:
        for context_type, new_type in override.items():
            others = [m for m in found if m is not mention]
            if _paragraph_has(analysis, mention.sent_i, context_type, others):
                mention.event_type = new_type
                break
    found.sort(key=lambda m: m.span[0])  # stable: a trigger's own word type stays before its pair type
    return refine_mentions(analysis, found)


STAGE = Stage("events", ("doc",), ("events",), find_events)
