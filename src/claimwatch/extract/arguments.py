"""The predicate-argument structure of a counted noun phrase in the dependency parse: the token
standing for the phrase (:func:`argument_of`), the predicate it is an argument of
(:func:`governor`), its role there (:func:`role_of`) and the tokens that say more about the same
participant (:func:`predicate_complex`); clause boundaries (:func:`in_clause`, :func:`clause_head`).
What the roles mean for each event type is :mod:`.counting`'s business."""

from __future__ import annotations

from spacy.tokens import Token

from .base import children_of, has_subject, lower_lemma
from .frames import frame_set

__all__ = ["argument_of", "passive", "role_of", "governor", "predicate_complex", "in_clause",
           "clause_head", "compares_or_continues", "elided_count"]

_MAGNITUDE = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "tens", "dozen", "hundred", "thousand",
                        "million", "number", "lot", "lots", "couple", "handful", "group", "total", "few", "several",
                        "many"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "npadvmod", "appos", "acomp"})
_ADJUNCT_PREPS = frozenset({"despite", "after", "before", "because", "following", "amid", "during", "since", "while",
                            "as", "until", "unlike", "besides", "notwithstanding"})
#: verbs whose active subject acts even without an object ("the gunman opened fire", "police arrested")
_ACTING = frozenset({"kill", "murder", "attack", "fire", "arrest", "detain", "deport", "injure", "wound", "hurt"})
_INTRANSITIVE = frozenset({"miss", "die", "drown", "perish", "succumb", "freeze", "disappear", "vanish", "suffocate",
                           "starve", "go", "remain", "be", "become", "end", "lie", "flee", "cross", "arrive",
                           "escape", "desert", "defect", "surrender", "walk", "travel", "enter", "pass"})


_s = frame_set


def argument_of(head: Token) -> Token:
    """The token standing for the count's noun phrase in its clause (see the module doc)."""
    arg = head
    for _ in range(6):
        h = arg.head
        if h.i == arg.i:
            break
        if arg.dep_ in ("conj", "appos") and (h.pos_ in ("NOUN", "PROPN", "NUM", "PRON") or _nominal_adjective(h)) and h.i < arg.i:
            arg = h
            continue
        if arg.dep_ == "pobj" and h.lower_ == "of" and h.head.i != h.i and (
                h.head.pos_ in ("NUM", "PRON", "DET") or h.head.lower_ in _MAGNITUDE):
            arg = h.head  # "four of the victims", "one of them"
            continue
        partner = _along_with(arg)
        if partner is not None:
            arg = partner  # "one Canadian climber along with three Nepali workers": a conjunct in all but name
            continue
        if arg.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in ("bodies", "body", "remains", "corpses"):
            arg = h.head  # "the bodies of 30 migrants"
            continue
        break
    return arg


def _nominal_adjective(tok: Token) -> bool:
    """"14 faithful were killed", "the injured": an adjective standing as a subject or object names people."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def _along_with(arg: Token) -> Token | None:
    """The participant an "along with" / "together with" phrase adds ``arg`` to: the noun it hangs from, or
    the object (the passive subject) of the verb it hangs from ("were killed along with two civilians")."""
    prep = arg.head
    if arg.dep_ != "pobj" or prep.lower_ != "with" or prep.head.lower_ not in ("along", "together"):
        return None
    host = prep.head.head
    if host.pos_ in ("NOUN", "PROPN", "PRON") and host.i < arg.i:
        return host
    if host.pos_ == "VERB":
        deps = ("nsubjpass",) if passive(host) else ("dobj",)
        return next((c for c in children_of(host) if c.dep_ in deps and c.i < arg.i), None)
    return None


def passive(pred: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(pred)) or (pred.tag_ == "VBN" and pred.dep_ in ("acl", "amod"))


def _gapped_passive(pred: Token) -> bool:
    """"seven were killed and five others wounded": a past form conjoined to a passive without an
    auxiliary of its own shares the passive's auxiliaries."""
    return pred.tag_ in ("VBD", "VBP") and pred.dep_ == "conj" and passive(pred.head) and not any(
        c.dep_ in ("aux", "auxpass") for c in children_of(pred))


#: marks that close a clause set beside the next one ("A boat landed at X; 4 fell overboard")
_CLAUSE_BREAKS = frozenset({";", ":", "—", "–"})


def _juxtaposed(comp: Token, pred: Token) -> bool:
    """A complement the parser hung from ``pred`` that is a clause of its own set before it behind a
    semicolon or a dash ("A boat landed at X; 4 fell overboard": "landed" is not what "fell" takes)."""
    if comp.dep_ != "ccomp" or comp.i > pred.i:
        return False
    return any(t.text in _CLAUSE_BREAKS for t in pred.doc[comp.right_edge.i + 1:pred.i])


def role_of(arg: Token, pred: Token) -> str:
    """agent | patient | theme | oblique: the role of ``arg`` in ``pred``'s clause."""
    dep = arg.dep_
    if dep in ("nsubjpass", "dobj", "dative"):
        return "patient"
    if dep in ("nsubj", "attr", "npadvmod", "acomp", "oprd"):
        if pred.pos_ in ("AUX", "ADJ", "NOUN") or lower_lemma(pred) in _INTRANSITIVE:
            return "theme"
        if passive(pred):
            return "patient"
        transitive = any(c.dep_ in ("dobj", "ccomp", "dative") and lower_lemma(c) not in _s("idiomatic_objects")
                         and not _juxtaposed(c, pred) for c in children_of(pred))  # "lost their lives": the subject died
        if not transitive and (pred.tag_ == "VBN" or _gapped_passive(pred)) and arg.pos_ in ("NUM", "NOUN", "PROPN"):
            return "patient"  # "12 dead and 30 wounded", "five others injured": an elliptical passive
        return "agent" if transitive or lower_lemma(pred) in _s("casualty_verbs") | _ACTING else "theme"
    if dep == "pobj":
        prep = arg.head
        if prep.dep_ == "agent" or prep.lower_ == "by":
            return "agent"
        if prep.lower_ == "against":
            return "patient"
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            return "theme"
    return "oblique"


def _partitive_antecedent(arg: Token) -> Token | None:
    """"38 people were injured, nine of them seriously": the plural noun or figure a trailing "N of
    them" (a part set off after the clause) takes its part of: the nearest one before it in its sentence
    that is a subject or an object (the parser may hang the part from another clause's verb)."""
    if arg.dep_ != "npadvmod" or arg.pos_ != "NUM" or not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "those") for g in children_of(c))
            for c in children_of(arg)):
        return None
    for tok in reversed(arg.doc[arg.sent.start:arg.i]):
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "NUM"):
            return tok
    return None


def governor(arg: Token) -> Token | None:
    """The predicate ``arg`` is an argument of."""
    ante = _partitive_antecedent(arg)
    if ante is not None and ante.head.i != arg.head.i:
        pred = governor(argument_of(ante))
        if pred is not None:
            return pred
    if arg.dep_ in ("nsubj", "nsubjpass") and arg.head.dep_ in ("aux", "auxpass") and arg.head.head.pos_ == "VERB":
        return arg.head.head  # "312 remain admitted": a subject the parser hung from the auxiliary
    if arg.dep_ in _ARG_DEPS or arg.dep_ in ("nsubj", "nsubjpass"):
        return arg.head if arg.head.i != arg.i else None
    if arg.dep_ == "pobj":
        prep = arg.head
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            return prep.head  # "the deaths of 12", "the entry of 2,473 migrants"
        if prep.head.i != prep.i:
            return prep.head
    if arg.dep_ == "ROOT":
        return arg
    return None


def predicate_complex(pred: Token, role: str, subject: bool) -> list[tuple[Token, str]]:
    """The predicate and the tokens that say more about the same participant (module doc)."""
    out = [(pred, role)]
    states = _s("state_nouns")
    same = "theme" if role != "agent" else role
    for c in children_of(pred):
        if c.dep_ in ("oprd", "acomp", "xcomp", "advmod") and c.pos_ in ("ADJ", "VERB", "ADV") \
                or _state_after_verb(pred, c):
            out.append((c, same))
        elif c.dep_ == "prep" and c.lower_ == "as":   # "listed as missing", "confirmed as dead": the state it names
            out += [(g, same) for g in children_of(c) if g.dep_ in ("pcomp", "amod", "acomp", "pobj")
                    and (g.pos_ in ("ADJ", "VERB") or lower_lemma(g) in states)]
        elif c.dep_ == "prep":
            out += [(g, same) for g in children_of(c) if g.dep_ == "pobj" and lower_lemma(g) in states]
        elif c.dep_ == "dobj" and lower_lemma(pred) in _s("light_verbs") and role in ("theme", "agent"):
            out.append((c, "theme"))  # "suffered injuries": the subject undergoes the event
        elif c.dep_ == "dobj" and lower_lemma(pred) in _s("support_verbs"):
            out.append((c, role))  # "attempted a crossing", "opened cases against 120 soldiers"
        elif c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ") and subject and not has_subject(c):
            out.append((c, "patient" if passive(c) else role))
    if pred.dep_ == "conj" and subject and pred.head.pos_ in ("VERB", "ADJ") and not has_subject(pred):
        out.append((pred.head, "patient" if passive(pred.head) else role))
    return out


def _state_after_verb(pred: Token, c: Token) -> bool:
    """An adjective or participle right after the verb that the parser hangs as a clause of its own
    ("went missing", "fell ill", "turned up dead"): the state the subject ends in, not another event
    (it has no subject or conjunction of its own: "left after missing the bus")."""
    return c.dep_ == "advcl" and (c.pos_ == "ADJ" or c.tag_ == "VBG") and c.i == pred.i + 1 + sum(
        1 for t in children_of(pred) if t.dep_ == "prt" and pred.i < t.i < c.i) \
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for g in children_of(c))


def in_clause(tok: Token, root: Token) -> bool:
    """``tok`` is in ``root``'s clause: below it, not inside a conjoined clause with its own subject."""
    cur = tok
    while cur.i != root.i:
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("conj", "advcl", "ccomp", "parataxis") and cur.pos_ in ("VERB", "AUX") and has_subject(cur):
            return False
        if cur.dep_ == "advcl" or (cur.dep_ == "prep" and cur.lower_ in _ADJUNCT_PREPS):
            return False  # "despite attempts to block access", "after the arrests": another event
        cur = cur.head
    return True


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` is in (a verb with its own subject, or the root)."""
    cur = tok
    for _ in range(30):
        if cur.head.i == cur.i:
            return cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("conj", "advcl", "ccomp", "parataxis", "relcl") and has_subject(cur):
            return cur
        cur = cur.head
    return cur


def compares_or_continues(head: Token, typed: bool) -> bool:
    """"up from 5,000-6,000", "compared with 300", "fewer than the 377 recorded", and — when nothing else types it — "two
    others": a figure measured against (or continuing) the sentence's previous count, so it
    counts the same thing."""
    if head.lower_ in ("others", "more") and not typed:
        return True
    arg = argument_of(head)
    if arg.dep_ == "pobj":
        prep = arg.head
        if prep.lower_ in ("from", "with", "to", "against") and lower_lemma(prep.head) in _s("comparison_heads"):
            return True
        if prep.lower_ in ("against", "versus", "vs"):
            return True
        if prep.lower_ == "than" and prep.head.tag_ in ("JJR", "RBR") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in children_of(arg)):
            return True     # "318 burglaries, fewer than the 377 recorded in 2025"
        if prep.lower_ == "to" and _bare_measure_set(prep):
            return True
    return False


def _bare_measure_set(prep: Token) -> bool:
    """"..., bringing the total since the split began to more than 2,300": a "to" phrase setting a measure
    noun that names nothing of its own ("the total", not "the number of deaths") carries on the count before."""
    cur = prep.head
    for _ in range(4):
        measure = next((t for t in children_of(cur) if t.dep_ in ("dobj", "nsubjpass") and lower_lemma(t) in _s("measure_nouns")),
                       None)
        if measure is not None:
            return not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(measure))
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


#: verbs that say a place or a party has a share of a tally ("with China holding 121")
_HOLDING = frozenset({"have", "hold", "keep", "account", "record", "register", "report", "count", "contribute", "host"})


def _beside_a_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "NORP", "ORG")


def elided_count(head: Token) -> bool:
    """"131 died in A, 58 in B and 25 in C", "followed by A with nine", "with A holding 121, ahead
    of B (48)", "A's 63": a bare figure set beside a name in a list, its counted noun and its
    predicate left out, so it counts what the sentence's count before it counts."""
    if not (head.pos_ == "NUM" or head.like_num) or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    gov = head.head
    if head.dep_ in ("appos", "conj"):
        return _beside_a_name(gov) or gov.pos_ == "NUM"
    if head.dep_ == "pobj" and gov.lower_ == "with":
        return gov.i > 0 and _beside_a_name(head.doc[gov.i - 1])
    if head.dep_ == "dobj" and gov.tag_ == "VBG" and gov.dep_ in ("pcomp", "advcl") and lower_lemma(gov) in _HOLDING:
        return any(c.dep_ == "nsubj" and _beside_a_name(c) for c in gov.children)
    return any(c.dep_ == "poss" and _beside_a_name(c) for c in head.children)


def restated_measure(noun: Token) -> Token:
    """"The death toll rose to 23 ... the actual toll was over 35": a measure noun without a word that
    says what it measures restates the latest same noun before it in the report that had one."""
    if any(c.dep_ in ("compound", "nmod") or c.dep_ == "prep" and c.lower_ == "of" for c in children_of(noun)):
        return noun
    lemma = lower_lemma(noun)
    for tok in reversed(noun.doc[:noun.i]):
        if lower_lemma(tok) == lemma and any(c.dep_ in ("compound", "nmod") for c in children_of(tok)):
            return tok
    return noun

