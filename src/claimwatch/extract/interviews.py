"""Who speaks in a question-and-answer interview (SPEC §2 source, Context).

An interview is published as an intro naming the interviewee ("In an interview, Amina Diallo, who
heads the agency's office in Niamey, ..."), then question paragraphs — a paragraph ending in
"?", often marked "Q:", "Interviewer:" or with the outlet's name — each followed by one or more
answer paragraphs (possibly marked "A:" or with the interviewee's name). The answers' sentences are
the interviewee's (``kind="interviewee"``, one record per answer paragraph, ``content_span`` = the
paragraph, ``span`` = the words of the intro that named them); the questions are the outlet's.

The structure is recognised only when the intro says it is an interview (``interview``,
``interviewed``, ``Q&A``, a person who "answered questions") and names a person: an explainer or
FAQ ("What happened? ... Police said ..."), a fact-check ("Is it true that 5,000 drowned? No.")
and a report with a rhetorical or quoted question are not interviews. Which sentences the records
cover is decided by the report context (:mod:`claimwatch.extract.carryover`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .base import Analysis, AttributionMention, Entity, children_of
from .entity_registry import EntityRegistry
from .frames import person_noun
from .mentions import noun_phrase
from .roles import role_in
from .source_lines import name_source
from .sources import is_organisation

__all__ = ["interview_attributions", "question_paragraphs", "marked_exchange", "marks_interviewee"]

#: markup before a paragraph's words (bold, a heading, a quotation block)
_MARKUP = re.compile(r"^[\s*_#>]*")
_QUOTATION = re.compile(r"[\"“”«»„]|(?:^|\s)['‘]")
_QUESTION_END = re.compile(r"\?[\s*_)]*$")
#: words of an intro that say the report is an interview
_INTERVIEW_LEMMAS = frozenset({"interview", "interviewer", "q&a"})
_ANSWER_LEMMAS = frozenset({"answer", "take", "field"})
_MIN_QUESTIONS = 2
_MAX_QUESTION_CHARS = 300
#: a paragraph marked as a question or an answer ("Q:", "**Question:**", "A:", "Answer:")
_Q_MARK = re.compile(r"[\s*_#>]*(?:Q|Question|Interviewer)[*_]*\s*:", re.IGNORECASE)
_A_MARK = re.compile(r"[\s*_#>]*(?:A|Answer)[*_]*\s*:", re.IGNORECASE)


def _is_question(text: str) -> bool:
    """A question paragraph: short, ending in "?", quoting no one (a quoted question is a speaker's:
    "..., tweeting, “Coke user?”")."""
    body = _MARKUP.sub("", text, count=1).strip()
    return (0 < len(body) <= _MAX_QUESTION_CHARS and _QUOTATION.search(body) is None
            and _QUESTION_END.search(body) is not None)


def question_paragraphs(analysis: Analysis) -> list[int]:
    """The indexes of the paragraphs that are questions of an interview's shape: at least two, each
    followed by an answer paragraph (not a question, not the end of the report), none opening it."""
    text = analysis.text
    paras = analysis.paragraphs
    questions = [p for p, (s, e) in enumerate(paras) if p > 0 and _is_question(text[s:e])]
    answered = [p for p in questions if p + 1 < len(paras) and p + 1 not in questions]
    return questions if len(answered) >= _MIN_QUESTIONS and len(answered) == len(questions) else []


def marked_exchange(analysis: Analysis) -> tuple[list[int], list[int]]:
    """An interview laid out with explicit marks: the "Q:" paragraphs and the answer paragraphs — each
    "A:" paragraph and the unmarked ones after it up to the next question (an answer running over
    paragraphs), but not the unmarked paragraphs after the last answer (the report's own closing
    lines). Both empty unless at least two questions are each followed by a marked answer."""
    text = analysis.text
    paras = analysis.paragraphs
    marks = ["q" if _Q_MARK.match(text, s, e) else "a" if _A_MARK.match(text, s, e) else ""
             for s, e in paras]
    questions = [p for p, m in enumerate(marks) if m == "q" and p > 0]
    answered = [p for p in questions if p + 1 < len(marks) and marks[p + 1] == "a"]
    if len(answered) < _MIN_QUESTIONS or len(answered) != len(questions):
        return [], []
    answers: list[int] = []
    for q in questions:
        p = q + 1
        while p < len(marks) and marks[p] != "q":
            answers.append(p)
            p += 1
    last_marked = max(p for p, m in enumerate(marks) if m == "a")
    return questions, [p for p in answers if p <= last_marked or marks[p] == "a"]


def _says_interview(analysis: Analysis, start: int, end: int, registry: EntityRegistry) -> bool:
    """The intro says the report is an interview: "interview(ed)", "Q&A", or a person who
    "answered questions"."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.lemma_.lower() in _INTERVIEW_LEMMAS or tok.lower_ in _INTERVIEW_LEMMAS:
            return True
        if tok.lemma_.lower() in _ANSWER_LEMMAS and any(c.dep_ == "dobj" and c.lemma_.lower() == "question"
                                                         for c in children_of(tok)):
            subject = next((c for c in children_of(tok) if c.dep_ == "nsubj"), None)
            speaker = registry.at(subject.idx) if subject is not None else None
            if speaker is not None and speaker.kind == "person" or subject is not None and _a_role(subject):
                return True
    return False


def _byline(analysis: Analysis, char: int) -> bool:
    """A name in a byline ("By Jane Doe"): the reporter, not the interviewee."""
    line_start = analysis.text.rfind("\n", 0, char) + 1
    return analysis.text[line_start:char].strip().lower() in ("by", "interview by", "interviewed by")


def _interviewee(registry: EntityRegistry, analysis: Analysis, end: int) -> tuple[Entity, tuple[int, int]] | None:
    """The person the intro names (before ``end``): one with a role or an organisation first, then
    the first named; with the span of the name as written there."""
    named: list[tuple[Entity, tuple[int, int]]] = []
    for ent in registry.entities:
        if ent.kind != "person":
            continue
        spans = [m.span for m in ent.mentions if m.kind == "name" and m.span[1] <= end and not _byline(analysis, m.span[0])]
        if spans:
            named.append((ent, min(spans)))
    if not named:
        return None
    named.sort(key=lambda pair: (not (pair[0].role or pair[0].affiliation), pair[1]))
    return named[0]


def _named_person(analysis: Analysis, end: int) -> tuple[int, int] | None:
    """The first personal name written before ``end`` that the registry did not keep (no one speaks
    in the intro): a tagged person, else a run of two or three capitalised proper nouns the tagger
    left untyped ("Anna Weiss, who heads ..."), not an organisation's name, outside a byline."""
    for ent in analysis.doc.ents:
        if ent.label_ == "PERSON" and ent.end_char <= end and len(ent) >= 2 and not _byline(analysis, ent.start_char):
            return ent.start_char, ent.end_char
    run: list[Token] = []
    for tok in analysis.doc:
        if tok.idx >= end:
            break
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.text.isupper() and tok.ent_type_ in ("", "PERSON"):
            run.append(tok)
            continue
        if 2 <= len(run) <= 3 and not is_organisation(" ".join(t.text for t in run)) and not _byline(analysis, run[0].idx):
            return run[0].idx, run[-1].idx + len(run[-1])
        run = []
    return None


_MET = frozenset({"speak", "talk", "sit"})
#: prepositions that belong to a role's name ("the head of the office", "the director for Africa")
_ROLE_PREPS = frozenset({"of", "for", "at", "in"})


def _a_role(tok: Token) -> bool:
    """A noun that names a person by function or kind ("the head of the regional health office",
    "the club's head coach", "a nurse"), not a pronoun ("we spoke to them")."""
    return tok.pos_ == "NOUN" and (role_in(tok.text) is not None or person_noun(tok))


def _role_interviewee(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """The interviewee an intro names only by role: the object of "interviewed", whom "we spoke
    to / talked with", or who "answered our questions" ("we spoke to the head of the regional
    health office"): the char span of that noun phrase."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    for tok in span or ():
        lemma = tok.lemma_.lower()
        met = []
        if lemma == "interview" and tok.pos_ == "VERB":
            met = [c for c in children_of(tok) if c.dep_ in ("dobj", "nsubjpass")]
        elif lemma in _MET:
            met = [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("to", "with")
                   for g in children_of(c) if g.dep_ == "pobj"]
        elif lemma in _ANSWER_LEMMAS and any(c.dep_ == "dobj" and c.lemma_.lower() == "question" for c in children_of(tok)):
            met = [c for c in children_of(tok) if c.dep_ == "nsubj"]
        for who in met:
            if _a_role(who):
                lo, hi = noun_phrase(who)
                hi = min([hi] + [c.i for c in who.rights if c.dep_ == "prep" and c.lower_ not in _ROLE_PREPS])
                doc = analysis.doc
                return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    return None


def interview_attributions(analysis: Analysis, registry: EntityRegistry) -> list[AttributionMention]:
    """One record per answer paragraph of an interview, naming the interviewee (see the module doc)."""
    paras = analysis.paragraphs
    questions, answers = marked_exchange(analysis)
    if not questions:        # no marks: the questions are told by their "?", every other paragraph answers
        questions = question_paragraphs(analysis)
        if not questions or not _says_interview(analysis, paras[0][0], paras[questions[0] - 1][1], registry):
            return []
        answers = [p for p in range(questions[0] + 1, len(paras)) if p not in questions]
    intro_end = paras[questions[0] - 1][1]
    found = _interviewee(registry, analysis, intro_end)
    span = found[1] if found is not None else _named_person(analysis, intro_end) or _role_interviewee(
        analysis, paras[0][0], intro_end)
    if span is None:
        return []
    canonical, typ, affiliation, ent_id = (found[0].name, found[0].type, found[0].affiliation, found[0].id) \
        if found is not None else name_source(registry, analysis.text[span[0]:span[1]], analysis.text)
    sent_i = analysis.sent_index(span[0])
    out = []
    for p in answers:
        out.append(AttributionMention(
            sent_i=sent_i, name=analysis.text[span[0]:span[1]], span=span, canonical=canonical, type=typ,
            affiliation=affiliation, quote="direct", scope="article", evidential="attributed",
            kind="interviewee", primary=False, entity_id=ent_id, content_span=paras[p],
        ))
    return out


def marks_interviewee(label: AttributionMention, interviewee: AttributionMention) -> bool:
    """An answer's speaker label that is the interviewee's initials ("MO:" for Maryam Osman): the
    interviewee, named in full in the intro."""
    initials = "".join(w[0] for w in (interviewee.canonical or "").split() if w[:1].isupper())
    return label.kind == "label" and len(initials) >= 2 and label.name == initials
