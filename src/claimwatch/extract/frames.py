"""Predicate frames over the events stage's trigger mentions (SPEC §6): what the predicate says
happened, read from its dependency context rather than from a keyword anywhere in the sentence.

Applied by :func:`claimwatch.extract.events.find_events` after the trigger look-up:

* **casualty frames** — "shot", "stabbed" are injuries; with a fatal complement ("shot *dead*",
  "*fatally* stabbed", "beaten *to death*", "shot *and killed*") they are deaths. A casualty verb
  inside the clause of a death ("died *after being shot*") is how the person died, not a second
  event. "In critical condition", "treated in hospital" are injuries (trigger lexicon).
* **combat** — ``combat_casualties`` only in reports of armed conflict between forces: deaths and
  injuries tied to fighting words stay combat casualties when the word is unambiguous ("killed in
  fighting") or the report reads as a war report (enough ``armed_conflict_cues``); otherwise they
  are deaths / injuries by violence ("wounded in an assault on a cash depot").
* **legal frames** — "accused of X", "charged with X", "convicted of X", "sentenced for X",
  "cases of X", "arrested on suspicion of X", "proceedings against the driver for X", "the
  defendants involved in X": the offence X is an allegation, not a reported event; its event
  mention is taken out and its type becomes the ``legal_action``'s ``offence`` (SPEC §2). Investigations keep the event they look into ("an investigation into the deaths").
  A state or organisation accusing another ("Lithuania accused Belarusian guards of crossing")
  makes a ``statement`` (a denunciation) and the offence stays the event it reports, not a legal action.
* **forced return** — someone returned, sent, pushed or turned back, or taken to a border or a
  country by others (passive, or an authority as subject) is a ``deportation`` (SPEC §6: forced
  return), and so is leaving a country under an order ("ordered to leave Germany"); a person who
  returns to a country on their own is a ``border_crossing``.
* **circumstances** — people detained while or after crossing ("detained 41 men who were trying
  to cross the border"): the detention is the event and the crossing its circumstance, not a
  second event (the dev reports' coding); a crossing in a coordinated clause stays an event.
* **incidents** — a sinking, crash, explosion or collapse in a sentence that reports no typed
  event is an event mention without a type (``event_type`` None: SPEC §6 "null if none fits").
* **movement** — in a report about migration (enough ``migration_cues``), arriving, entering,
  passing or walking through a route, a border or a country, and nouns of passage ("the entry of
  2,473 migrants"), are border crossings.

Data: ``resources/event_frames.json``. Pure functions over spaCy tokens and
:class:`~claimwatch.extract.base.EventMention` lists.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable

from spacy.tokens import Doc, Token

from ..resources import read_text
from .base import Analysis, EventMention, children_of, has_subject, lower_lemma, token_table
from .combat import casualties_of_forces
from .gazetteer import get_gazetteer
from .quantity_nouns import noun_classes

__all__ = ["frames", "frame_set", "refine_mentions", "is_fatal", "fatal_modifier", "armed_conflict_report", "migration_report", "person_noun",
           "moving_verbs", "own_movement", "named_migrants", "to_a_place", "people_of_a_case"]


@lru_cache(maxsize=1)
def frames() -> dict[str, Any]:
    """The frame lexicon (loaded once), with sets for look-ups."""
    raw = read_text("event_frames.json")
    data = json.loads(raw)
    sets = {}
    for key, value in data.items():
        if isinstance(value, list):
            sets[key] = frozenset(v.lower() for v in value)
    data["sets"] = sets
    data["legal"] = {k: frozenset(v) for k, v in data["legal_frames"].items() if not k.startswith("_")}
    data["fatal"] = {k: frozenset(v) for k, v in data["fatal_cues"].items()}
    data["passenger"] = {k: frozenset(v) for k, v in data["passenger_cues"].items()}
    return data


def frame_set(name: str) -> frozenset[str]:
    """A word list of the frame lexicon, lower-cased, as a set."""
    return frames()["sets"][name]


_s = frame_set


def person_noun(tok: Token) -> bool:
    """A noun that names people: the person class of ``resources/quantity_nouns.tsv`` ("men",
    "pedestrian", "neighbour"), a PERSON name or a NORP plural ("Ukrainians")."""
    low, lemma = tok.lower_, lower_lemma(tok)
    people = noun_classes()["person"]
    return low in people or lemma in people or tok.ent_type_ == "PERSON" or (tok.ent_type_ == "NORP" and tok.pos_ in ("NOUN", "PROPN"))


# ------------------------------------------------------------------ casualty frames

def is_fatal(tok: Token) -> bool:
    """A casualty verb (or a partitive count) with a fatal complement: "shot dead", "fatally
    wounded", "stabbed to death", "shot and killed", "one of them fatally"."""
    fatal = frames()["fatal"]
    if fatal_modifier(tok):
        return True
    for child in children_of(tok):
        if child.dep_ == "conj" and child.pos_ == "VERB" and lower_lemma(child) in fatal["conjoined"] and not has_subject(child):
            return True
    if tok.dep_ == "conj" and lower_lemma(tok.head) in fatal["conjoined"] and not has_subject(tok):
        return True
    return False


def fatal_modifier(tok: Token) -> bool:
    """A casualty word modified as fatal: "fatally wounded", "shot dead", "stabbed to death"."""
    fatal = frames()["fatal"]
    for child in children_of(tok):
        if _set_apart(child, tok):
            continue    # "Dead 12 - Injured 40": the tally's other item, not a word of this one
        if child.dep_ in ("advmod", "oprd", "acomp", "xcomp", "dep", "npadvmod", "amod") and (
                child.lower_ in fatal["adverbs"] or lower_lemma(child) in fatal["adverbs"]):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(lower_lemma(g) in fatal["complements"] for g in children_of(child)):
            return True
    return False


def _set_apart(child: Token, tok: Token) -> bool:
    """A figure or a dash stands between the two words."""
    lo, hi = sorted((child.i, tok.i))
    return any(t.like_num or t.text in ("-", "–", "—", "|") for t in tok.doc[lo + 1:hi])


def _under_death(tok: Token, death_heads: set[int]) -> bool:
    """The casualty verb sits in an adverbial clause or prepositional complement of a death
    ("died after being shot", "killed when he was hit")."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("pcomp", "advcl", "prep", "pobj", "conj"):
            return False
        cur = cur.head
        if cur.i in death_heads:
            return cur.i != tok.i
    return False


def _casualty(mentions: list[EventMention], doc: Doc) -> list[EventMention]:
    verbs = _s("casualty_verbs")
    for m in mentions:
        if m.event_type == "injury" and m.head_i is not None and lower_lemma(doc[m.head_i]) in verbs and is_fatal(doc[m.head_i]):
            m.event_type, m.cause = "death", "violence"
    death_heads = {m.head_i for m in mentions if m.event_type == "death" and m.head_i is not None}
    return [
        m for m in mentions
        if not (m.event_type == "injury" and m.head_i is not None and lower_lemma(doc[m.head_i]) in verbs
                and _under_death(doc[m.head_i], death_heads))
    ]


# ------------------------------------------------------------------ report context

def _cue_count(doc: Doc, cues: frozenset[str]) -> int:
    """Tokens whose lower-case form or lower-cased lemma is a cue (read from the token table)."""
    table = token_table(doc)
    return sum(1 for lower, lemma in zip(table.lower, table.lemma) if lower in cues or lemma in cues)


def armed_conflict_report(analysis: Analysis) -> bool:
    """The report reads as a report of armed conflict between forces (enough war words)."""
    key = "frames.armed_conflict"
    if key not in analysis.indexes:
        analysis.indexes[key] = _cue_count(analysis.doc, _s("armed_conflict_cues")) >= frames()["armed_conflict_min"]
    return bool(analysis.indexes[key])


def migration_report(analysis: Analysis) -> bool:
    """The report is about migration, flight or conscription: enough migration words and people
    moving into or out of a country ("entered Georgia", "arrived from Russia")."""
    key = "frames.migration"
    if key not in analysis.indexes:
        doc = analysis.doc
        verbs = _s("movement_verbs")
        table = token_table(doc)
        moves = sum(1 for i, lemma in enumerate(table.lemma)
                    if lemma in verbs and table.pos[i] == "VERB" and _country_path(table.tokens[i]))
        analysis.indexes[key] = _cue_count(doc, _s("migration_cues")) + moves >= frames()["migration_min"]
    return bool(analysis.indexes[key])


def _country_path(tok: Token) -> bool:
    for child in children_of(tok):
        if child.dep_ == "dobj" and child.ent_type_ == "GPE":
            return True
        if child.dep_ == "prep" and child.lower_ in ("into", "from", "to", "across", "out"):
            if any(g.dep_ == "pobj" and g.ent_type_ == "GPE" for g in children_of(child)):
                return True
    return False


@lru_cache(maxsize=1)
def moving_verbs() -> frozenset[str]:
    """Verbs of people moving in or out ("arrived", "landed", "disembarked", "crossed")."""
    return _s("flow_predicates") & _s("movement_verbs")


def own_movement(head: Token) -> Token | None:
    """"312 people disembarked in Lampedusa, the coast guard said", "another 60 people landed at the
    port": a verb of movement right after the counted noun, which the parser read as the noun's
    participle (a reduced relative, "people [who] disembarked"), says how the people moved either way."""
    return next((t for t in children_of(head) if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" and t.i == head.i + 1
                 and lower_lemma(t) in moving_verbs()), None)


def named_migrants(head: Token) -> bool:
    """The counted people are named as migrants ("48 migrants", "75 asylum seekers"): moving in or out,
    they cross, whatever the rest of the report is about."""
    return person_noun(head) and (head.lower_ in _s("migration_cues") or lower_lemma(head) in _s("migration_cues"))


def to_a_place(analysis: Analysis, verb: Token) -> bool:
    """The movement goes to, from or across a named place or a frontier ("landed on Gran Canaria",
    "arrived on the coast"), not to a hall or a meeting."""
    named = [p.span for p in analysis.places if p.kind == "name"]
    for c in children_of(verb):
        ends = [c] if c.dep_ == "dobj" else [g for g in children_of(c) if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        if any(lower_lemma(t) in _s("movement_paths") or any(s <= t.idx < e for s, e in named) for t in ends):
            return True
    return False


# ------------------------------------------------------------------ legal frames

def _offence_carriers(tok: Token) -> list[Token]:
    """The tokens an offence phrase of ``tok`` can hang from: the trigger itself; for a nominal
    trigger that is the subject or object of a verb ("proceedings were *initiated* ... for X", "a
    case was *opened* ... over X"), that verb, unless the trigger names people (a suspect's verb
    is what the suspect did or underwent); and the defendant a prepositional "against" names
    ("against *the driver* for X": the parser often attaches the offence to the defendant); for a
    noun, the participle that modifies it ("the defendants *involved* in X")."""
    carriers = [tok]
    # not a person's verb: "the suspect was injured in the explosion" tells where he was injured
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ == "VERB" \
            and not person_noun(tok):
        carriers.append(tok.head)
    if tok.pos_ == "NOUN":      # "the defendants *involved* in X", "suspects *wanted* for X"
        carriers += [c for c in children_of(tok) if c.dep_ == "acl" and c.pos_ == "VERB"]
    for carrier in list(carriers):
        carriers += [g for c in children_of(carrier) if c.dep_ == "prep" and c.lower_ == "against"
                     for g in children_of(c) if g.dep_ == "pobj"]
    return carriers


def _without_relatives(root: Token) -> list[Token]:
    """The subtree of ``root`` less its relative clauses: "for their role in the shipwreck, *in
    which 94 people died*" states what happened, not what is alleged."""
    out = [root]
    for child in children_of(root):
        if child.dep_ != "relcl":
            out.extend(_without_relatives(child))
    return out


def _offence_tokens(tok: Token) -> list[Token]:
    preps = frames()["legal"].get(lower_lemma(tok)) or frames()["legal"].get(tok.lower_)
    if not preps:
        return []
    out: list[Token] = []
    for carrier in _offence_carriers(tok):
        for child in children_of(carrier):
            if child.dep_ in ("prep", "agent") and child.lower_ in preps:
                for grand in children_of(child):
                    if grand.dep_ in ("pobj", "pcomp"):
                        out.extend(_without_relatives(grand))
    for child in children_of(tok):
        if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "VERB") and lower_lemma(child) not in ("criminal", "court"):
            out.extend(child.subtree)  # "smuggling charges", "murder case"
    return out


def _state_accusation(tok: Token) -> bool:
    """"Lithuania has accused Belarusian guards of ...": an accusation by a state or organisation."""
    if lower_lemma(tok) != "accuse" or any(c.dep_ == "auxpass" for c in children_of(tok)):
        return False
    subj = [c for c in children_of(tok) if c.dep_ == "nsubj"]
    if not subj:
        return False
    s = subj[0]
    judicial = _s("judicial_accusers")
    words = {s.lower_, lower_lemma(s)} | {c.lower_ for c in children_of(s) if c.dep_ == "compound"}
    return s.ent_type_ in frames()["accusers_not_legal"] and not (words & judicial)


_COURT_VERBS = frozenset({"hear", "try", "adjudicate", "prosecute", "judge"})
_COURTS = frozenset({"court", "judge", "tribunal", "magistrate", "prosecutor"})


def people_of_a_case(tok: Token) -> Token | None:
    """"registered 87 new cases of people who fell ill": the people a case's "of" phrase names, when the
    case is an instance of what befell them (a disappearance, an illness), no proceedings; None when the
    case is no such case, or a court hears or tries it ("courts heard 900 cases of soldiers leaving
    their units" stays legal action)."""
    if lower_lemma(tok) != "case":
        return None
    people = next((g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"
                   for g in children_of(c) if person_noun(g)), None)
    verb = tok.head
    if people is None or lower_lemma(verb) in _COURT_VERBS or any(
            c.dep_ in ("nsubj", "agent") and lower_lemma(c) in _COURTS for c in children_of(verb)):
        return None
    return people


def _legal(mentions: list[EventMention], doc: Doc, sent_tokens: dict[int, list[Token]],
           offences: set[int]) -> list[EventMention]:
    """Mentions without the offences of legal frames (their token indices are added to ``offences``)."""
    consuming = {"investigation", "probe", "inquiry"}
    removed: set[int] = set()
    by_head: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        if m.head_i is not None:
            by_head.setdefault(m.head_i, []).append(k)
    lemmas, allegation_only = token_table(doc).lemma, _s("allegation_only")
    frames_here: list[tuple[int | None, Token]] = [
        (k, doc[m.head_i]) for k, m in enumerate(mentions) if m.event_type == "legal_action" and m.head_i is not None]
    for toks in sent_tokens.values():
        frames_here += [(None, t) for t in toks if lemmas[t.i] in allegation_only and t.pos_ == "NOUN"]
    for frame, tok in frames_here:
        if frame is not None and _state_accusation(tok):
            mentions[frame].event_type = "statement"  # a state's accusation is a denunciation (SPEC §6)
            continue
        if frame is not None and people_of_a_case(tok) is not None:
            removed.add(frame)
            continue
        offence_heads = [t.i for t in _offence_tokens(tok)]
        inner = [j for i in offence_heads for j in by_head.get(i, ()) if mentions[j].event_type != "legal_action"]
        if not inner:
            continue
        inner.sort(key=lambda j: mentions[j].span[0])
        if frame is not None and mentions[frame].offence is None:
            mentions[frame].offence = mentions[inner[0]].event_type
        if lower_lemma(tok) not in consuming:
            removed.update(inner)
            offences.update(i for j in inner if (i := mentions[j].head_i) is not None)
    return [m for k, m in enumerate(mentions) if k not in removed]


# ------------------------------------------------------------------ forced return and movement

def _destination(tok: Token) -> Token | None:
    dests = _s("forced_destinations")
    for child in children_of(tok):
        if child.dep_ == "prep" and child.lower_ in ("to", "into", "towards", "toward", "across", "over"):
            for g in children_of(child):
                if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC") or lower_lemma(g) in dests or _foreign_authority(g)):
                    return g
    return None


def _foreign_authority(tok: Token) -> bool:
    """"handed over to the Polish Border Guard", "transferred to the Greek authorities": an authority
    a nationality names, that of a state (a hand-over to it is one across a border)."""
    return _authority(tok) and any(c.dep_ in ("compound", "amod") and get_gazetteer().demonym(c.text) is not None
                                   for c in children_of(tok))


def _authority(tok: Token) -> bool:
    agents = _s("authority_agents")
    words = {tok.lower_, lower_lemma(tok)} | {c.lower_ for c in children_of(tok) if c.dep_ in ("compound", "amod")}
    return bool(words & agents) or tok.ent_type_ in ("ORG", "GPE", "NORP")


def _moved_by_others(tok: Token) -> bool:
    """The movers are moved: a passive, a person as object, or an authority moving someone."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(tok)) or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return True
    if tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "dobj") for c in children_of(tok)) \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(tok.head)):
        return True  # "were rounded up and abandoned": the passive's participles share its auxiliary
    obj = next((c for c in children_of(tok) if c.dep_ == "dobj"), None)
    subj = next((c for c in children_of(tok) if c.dep_ == "nsubj"), None)
    return obj is not None and (person_noun(obj) or (subj is not None and _authority(subj)))


def _ordered_departure(tok: Token) -> bool:
    """"nationals ordered to leave Germany": leaving a country under an order (``departure_verbs``
    as the clause an ``departure_orders`` verb governs, with a country as what is left) is an
    expulsion, a deportation; leaving a building or a home under an order is not."""
    if tok.pos_ != "VERB" or lower_lemma(tok) not in _s("departure_verbs") or tok.dep_ != "xcomp":
        return False
    if lower_lemma(tok.head) not in _s("departure_orders"):
        return False
    left = [c for c in children_of(tok) if c.dep_ == "dobj"]
    left += [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "from" for g in children_of(c) if g.dep_ == "pobj"]
    return any(t.ent_type_ == "GPE" or lower_lemma(t) in _s("forced_destinations") for t in left)


def _forced_return(tok: Token) -> str | None:
    """``deportation`` / ``border_crossing`` / None for a mover verb (see the module doc)."""
    lemma = lower_lemma(tok)
    if _ordered_departure(tok):
        return "deportation"
    if tok.pos_ == "VERB" and lemma in _s("forced_abandoners") and _abandoned_by_authority(tok) and _at_a_border(tok):
        return "deportation"  # "rounded up and abandoned in desert areas near the border": an expulsion
    back = any(c.lower_ in _s("forced_particles") and c.dep_ in ("prt", "advmod") for c in children_of(tok))
    if tok.pos_ != "VERB" or not (lemma in _s("forced_movers") or (back and lemma in _s("forced_back_movers"))):
        return None
    dest = _destination(tok)
    if not back and dest is None:
        return None
    if _withdrawal(tok):
        return "border_crossing"
    if _moved_by_others(tok):
        if not back and not _beyond_a_border(dest):
            return None  # "taken to hospital", "transferred to El Obeid": a move inside a country
        if dest is not None and not _a_state_destination(dest) and _others_than_migrants(tok):
            return None  # "handed 3 suspects over to the German authorities": an extradition, no return of migrants
        return "deportation"
    return None


def _abandoned_by_authority(tok: Token) -> bool:
    """People left somewhere by a state: "were rounded up and abandoned near the border" (a passive
    whose agent is unstated or an authority), "police dumped 40 migrants at the border" — not
    smugglers abandoning migrants (smuggling) nor cars abandoned in a blizzard (no people)."""
    verb = tok.head if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children_of(tok)) else tok
    kids = children_of(tok) + (children_of(verb) if verb is not tok else [])
    patient = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None or not person_noun(patient):
        return False
    agent = next((g for c in kids if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"), None)
    actor = next((c for c in kids if c.dep_ == "nsubj"), agent)
    return _authority(actor) if actor is not None else _moved_by_others(tok)


def _at_a_border(tok: Token) -> bool:
    """A place phrase of ``tok`` names a border, also inside another ("in desert areas near the border")."""
    for prep in (c for c in children_of(tok) if c.dep_ == "prep"):
        for g in prep.subtree:
            if g.dep_ == "pobj" and lower_lemma(g) in ("border", "frontier", "borderland"):
                return True
    return False


def _beyond_a_border(dest: Token | None) -> bool:
    """A destination a forced move crosses a border to: a country, a border or a homeland (a
    town or a hospital is a move inside the country)."""
    return dest is not None and (_a_state_destination(dest) or _foreign_authority(dest))


def _a_state_destination(dest: Token) -> bool:
    """A country, a border or a homeland as destination (not an authority)."""
    if lower_lemma(dest) in _s("forced_destinations"):
        return True
    name = next((e.text for e in dest.doc.ents if e.start <= dest.i < e.end), dest.text)
    return get_gazetteer().country_code(name) is not None


def _others_than_migrants(tok: Token) -> bool:
    """The people ``tok`` moves are named, and not as migrants ("3 suspects", "two men"); a number or a
    pronoun ("Two were handed over", "them") or "five of the migrants" does not say they are others."""
    for patient in (c for c in children_of(tok) if c.dep_ in ("dobj", "nsubjpass")):
        named = [patient, *(g for p in children_of(patient) if p.dep_ == "prep" and p.lower_ == "of"
                            for g in children_of(p) if g.dep_ == "pobj")]
        if any(named_migrants(n) for n in named):
            return False
        if patient.pos_ == "NOUN" and person_noun(patient):
            return True
    return False


def _withdrawal(tok: Token) -> bool:
    """"the guards withdrew to their country's territory": a voluntary return across a border."""
    return (tok.pos_ == "VERB" and lower_lemma(tok) in ("withdraw", "retreat", "return") and _destination(tok) is not None
            and not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in children_of(tok)))


def _path_or_place(tok: Token) -> bool:
    paths = _s("movement_paths")
    for child in children_of(tok):
        if child.dep_ in ("dobj", "npadvmod") and (child.ent_type_ in ("GPE", "LOC") or lower_lemma(child) in paths):
            return True
        if child.dep_ == "prep":
            for g in children_of(child):
                if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC") or lower_lemma(g) in paths):
                    return True
    return False


def _movement(tok: Token) -> bool:
    if tok.pos_ == "VERB" and lower_lemma(tok) in _s("movement_verbs"):
        return _path_or_place(tok)
    return tok.pos_ == "NOUN" and lower_lemma(tok) in _s("movement_nouns") and tok.dep_ not in ("compound", "amod")


def _new_mentions(analysis: Analysis, mentions: list[EventMention], sent_tokens: dict[int, list[Token]],
                  offences: set[int]) -> list[EventMention]:
    """Forced returns and movements (see the module doc); not on a legal action's offence."""
    text = analysis.text
    have = {(m.head_i, m.event_type) for m in mentions}
    typed_heads = {m.head_i for m in mentions if m.event_type in ("deportation", "border_crossing", "detention")}
    migration = migration_report(analysis)
    out: list[EventMention] = []
    movers = _s("forced_movers") | _s("forced_back_movers") | _s("movement_verbs") | _s("movement_nouns") | _s(
        "departure_verbs") | _s("forced_abandoners") | {"withdraw", "retreat"}
    lemmas = token_table(analysis.doc).lemma
    for sent_i, toks in sent_tokens.items():
        for tok in toks:
            if lemmas[tok.i] not in movers or tok.i in offences:
                continue
            etype = "border_crossing" if lower_lemma(tok) in ("withdraw", "retreat") and _withdrawal(tok) else _forced_return(tok)
            if etype is None and migration and tok.i not in typed_heads and _movement(tok):
                etype = "border_crossing"
            if etype is None or (tok.i, etype) in have:
                continue
            if etype == "deportation":
                mentions[:] = [m for m in mentions if not (m.head_i == tok.i and m.event_type == "border_crossing")]
            out.append(EventMention(span=(tok.idx, tok.idx + len(tok)), text=text[tok.idx:tok.idx + len(tok)],
                                    event_type=etype, sent_i=sent_i, head_i=tok.i))
    return out


def _incidents(analysis: Analysis, mentions: list[EventMention], sent_tokens: dict[int, list[Token]]) -> list[EventMention]:
    """An incident no SPEC §6 type fits ("the boat sank", "a coach overturned"), in a sentence
    that reports no other event: an event mention with ``event_type`` None."""
    words = _s("incident_words")
    busy = {m.sent_i for m in mentions}
    out: list[EventMention] = []
    lemmas = token_table(analysis.doc).lemma
    for sent_i, toks in sent_tokens.items():
        if sent_i in busy:
            continue
        for tok in toks:
            if lemmas[tok.i] in words and tok.pos_ == "VERB":
                out.append(EventMention(span=(tok.idx, tok.idx + len(tok)), text=analysis.text[tok.idx:tok.idx + len(tok)],
                                        event_type=None, sent_i=sent_i, head_i=tok.i))
                break
    return out


# ------------------------------------------------------------------ circumstances of a detention

_CLAUSE_BREAKS = frozenset({"conj", "ccomp", "parataxis", "ROOT"})


def _governed_by(tok: Token, head_i: int) -> bool:
    """``tok`` sits under ``head_i`` through modifiers and arguments only (a relative clause,
    an adverbial clause, a complement), not through a coordinated or reported clause nor a
    clause with a subject of its own ("detained five smugglers after 40 migrants crossed")."""
    cur = tok
    for _ in range(10):
        if cur.dep_ in _CLAUSE_BREAKS or cur.head.i == cur.i or _noun_subject(cur):
            return False
        cur = cur.head
        if cur.i == head_i:
            return True
    return False


def _noun_subject(verb: Token) -> bool:
    """A subject named by a noun ("after *40 migrants* crossed"), not a pronoun for the people
    detained ("men *who* tried to cross", "after *they* crossed")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "NUM") for c in children_of(verb))


def _circumstance_crossings(mentions: list[EventMention], doc: Doc) -> list[EventMention]:
    """People detained while crossing ("detained 41 men who were trying to cross the border",
    "stopped 38 men from trying to cross", "apprehended after crossing"): the detention is the
    reported event and the crossing its circumstance, not a second event (SPEC §6 ``detention``)."""
    heads = [m.head_i for m in mentions if m.event_type == "detention" and m.head_i is not None]
    if not heads:
        return mentions
    return [m for m in mentions
            if not (m.event_type == "border_crossing" and m.head_i is not None
                    and any(_governed_by(doc[m.head_i], h) for h in heads if h != m.head_i))]


# ------------------------------------------------------------------ entry point

def refine_mentions(analysis: Analysis, mentions: Iterable[EventMention]) -> list[EventMention]:
    """The events stage's mentions after the frames above (a new list; text order kept)."""
    doc = analysis.doc
    found = list(mentions)
    tokens = token_table(doc).tokens
    sent_tokens: dict[int, list[Token]] = {}
    for sent_i, (s, e) in enumerate(analysis.sentences):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            sent_tokens[sent_i] = tokens[span.start:span.end]
    found = _casualty(found, doc)
    casualties_of_forces(found, doc, _s("armed_forces"), armed_conflict_report(analysis))
    offences: set[int] = set()
    found = _legal(found, doc, sent_tokens, offences)
    found += _new_mentions(analysis, found, sent_tokens, offences)
    found = _circumstance_crossings(found, doc)
    found += _incidents(analysis, found, sent_tokens)
    found.sort(key=lambda m: m.span[0])
    return found
