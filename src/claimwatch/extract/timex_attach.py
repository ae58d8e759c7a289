"""The time of a claim: which of its sentence's time expressions dates the claimed event.

:func:`time_for` ranks the sentence's expressions by where they attach in the dependency parse:
on the claim's predicate, inside its own clause ("died trying to cross ... in 2024"), on a
governing clause (the report's "said on Friday": returned flagged ``statement``, since it dates
the report rather than the event), then the nearest. Ties go to the expression nearest the claim's
head in the text, so in "N died this year, up from M in 2021" the year belongs to M only. An end
bound ("as of Saturday") takes its start from a period of the same clause ("... this year"); a
report date on a running total ("a total of", "so far") is that total's end.

:func:`dateline` is the article-level date of a dateline ("KYIV, March 3 (Reuters) -").
The returned mention's ``span``/``text`` is the phrase with its preposition ("as of Sunday").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Callable

from spacy.tokens import Token

from .base import Analysis, TimeMention, children_of, context_lexicon, cue_lexicon, governing_predicate
from .frames import frame_set, frames
from .layout import DATELINE
from .timex_calendar import shift
from .timex_words import RUNNING_TOTAL

__all__ = ["SPEECH_LEMMAS", "time_for", "dateline", "in_opening_dateline", "on_the_subject", "compared", "SUBJECT_ACT_PRECISIONS",
           "of_a_day_or_week", "ranks_in", "beyond_a_years_name"]

_SEPARATOR = re.compile(r"[,;:]\s|\s[—–]")
SPEECH_LEMMAS = frozenset(cue_lexicon()["speech_verbs"]) | {"say", "report", "announce", "estimate"}
#: dependencies that keep a time in the claim's own clause ("died trying to cross ... in 2024");
#: an embedded statement or a relative clause ("ccomp", "relcl", "acl") has its own time
#: verbs whose object is the standard a figure is compared with ("exceeding last year's record")
_REPORT_CONTEXT = context_lexicon()
_COMPARISON_LEMMAS = frozenset(_REPORT_CONTEXT["comparison_verbs"])
_EVENT_TIME_PREPS = frozenset(_REPORT_CONTEXT["event_time_prepositions"])
#: nouns of change whose "on"/"over" object is the standard compared with
_CHANGE_NOUNS = frozenset({"increase", "rise", "decrease", "decline", "drop", "fall", "jump", "reduction", "growth"})
#: the words that end a superlative's phrase before a time that would scope it
_SUPERLATIVE_STOP = frozenset({",", ";", ":", "—", "–", "(", ")"})
_OWN_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "prep", "pobj", "pcomp", "npadvmod", "advmod", "conj", "dobj",
                              "nsubj", "nsubjpass", "attr", "oprd", "agent", "dative", "compound", "amod", "nmod",
                              "quantmod", "nummod", "appos"})


def _as_phrase(analysis: Analysis, t: TimeMention, **changes) -> TimeMention:
    """The claim's copy of a mention: the phrase with its preposition as span and text."""
    span = t.phrase or t.span
    return replace(t, span=span, text=analysis.text[span[0]:span[1]], **changes)


def dateline(analysis: Analysis) -> TimeMention | None:
    """An article-level date: a time in a dateline ("KYIV, March 3 (Reuters) -") or a short first
    paragraph that is only a date line."""
    times = analysis.times
    if not times or not analysis.paragraphs:
        return None
    found = _per_times(analysis, "timex_attach.dateline", _dateline_time)  # the claims ask per claim
    return _as_phrase(analysis, found) if found is not None else None


def in_opening_dateline(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a time is in the dateline that opens its sentence ("BAMAKO, Nov. 18 - Gunmen ..."):
    the day the report was filed, which dates none of the sentence's events."""
    start, end = analysis.sentences[t.sent_i]
    opening = DATELINE.match(analysis.text, start, end)
    return opening is not None and t.span[1] <= opening.end()


def _dateline_time(analysis: Analysis) -> TimeMention | None:
    times = analysis.times
    p0 = analysis.paragraphs[0]
    first = [t for t in times if p0[0] <= t.span[0] < p0[1] and (t.start or t.end)]
    if not first:
        return None
    para = analysis.text[p0[0]:p0[1]]
    t = first[0]
    if p0[1] - p0[0] <= 60 or (DATELINE.match(para) and t.span[0] - p0[0] < 60):
        return t
    return None


#: the precisions of a time that dates what the subject did as the event happened ("tornadoes that
#: tore through the state on Sunday night killed 23"); a year or a month in a relative clause on
#: the subject is background ("a man who was born in 1975", "the gang, which was founded in 1998")
SUBJECT_ACT_PRECISIONS = frozenset({"day", "week"})
_A_DAY_OR_WEEK = re.compile(r"\d{4}-(?:\d\d-\d\d|W\d\d)\b")


#: the pronouns of the writer or speaker and of those addressed
_TELLER_PRONOUNS = frozenset({"i", "we", "you", "me", "us"})
_WITHIN_A_CLAUSE = frozenset({"prep", "pcomp", "pobj", "npadvmod", "advmod", "acomp", "xcomp"})


def of_the_telling(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a time dates the telling, not an event: in a sentence that states no figure and no event,
    a clause of the writer or speaker or of those addressed ("the facts as we know them this morning",
    "Thank you all for being here this morning", "Here is what we know this afternoon")."""
    if t.head_i is None or any(e.sent_i == t.sent_i for e in analysis.events) \
            or any(q.sent_i == t.sent_i for q in analysis.quantities):
        return False
    tok = analysis.doc[t.head_i]
    for _ in range(8):
        if any(c.dep_ in ("nsubj", "dobj", "dative") and c.lower_ in _TELLER_PRONOUNS for c in children_of(tok)):
            return True
        if tok.head.i == tok.i or tok.dep_ not in _WITHIN_A_CLAUSE:
            return False   # (not a clause the teller frames: "you will remember that on Monday the river rose")
        tok = tok.head
    return False


def _a_years_name(analysis: Analysis, t: TimeMention) -> bool:
    """Whether a year is part of a thing's name ("the 2025 Riverside plant explosion", "the 2019 World
    Cup final"): it dates that thing more loosely than a day its sentence may give."""
    if t.precision != "year" or t.head_i is None:
        return False
    chunk = analysis.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return chunk is not None and len(chunk) == 1 and chunk.root.dep_ in ("nummod", "compound", "amod") \
        and chunk.root.head.pos_ in ("NOUN", "PROPN") and chunk.root.i < chunk.root.head.i


def _a_names_year(analysis: Analysis, t: TimeMention) -> bool:
    """A year closing a proper name ("the Immigration Act 1971", "the Children Act 1989"): the name's, no claim's date."""
    if t.precision != "year":
        return False
    chunk = analysis.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return chunk is not None and len(chunk) == 1 and chunk.root.dep_ in ("nummod", "appos", "npadvmod") \
        and chunk.root.head.pos_ == "PROPN" and chunk.root.head.i == chunk.root.i - 1


def beyond_a_years_name(analysis: Analysis, t: TimeMention) -> TimeMention:
    """A year in a thing's name gives way to a narrower time of its sentence within that year ("The
    2023 Belmont mill flood was a flood that wrecked the mill on 9 October 2023")."""
    if not _a_years_name(analysis, t):
        return t
    return next((o for o in analysis.times if o.sent_i == t.sent_i and o.precision != "year" and o.start
                 and o.start[:4] == (t.start or "")[:4] and o.span != t.span), t)


def of_a_day_or_week(t: TimeMention) -> bool:
    """Whether a claim's time names a day or a week, also when the claim widened it to the span of
    a thing of a stated length ("the six-day heat wave that ended [Sunday]")."""
    return t.precision in SUBJECT_ACT_PRECISIONS or _A_DAY_OR_WEEK.match(t.value or "") is not None


def on_the_subject(tok: Token, pred: Token) -> bool:
    """Whether ``tok`` is in a relative clause on the subject of ``pred``: "Tornadoes that tore
    through the state on Sunday night killed 23" — what the subject did dates the event."""
    t = tok
    for _ in range(12):
        if t.dep_ == "relcl":
            return t.head.dep_ == "nsubj" and t.head.head.i == pred.i
        if t.head.i == t.i or t.i == pred.i:
            return False
        t = t.head
    return False


def _depth_below(tok, clause) -> int | None:
    """How many steps ``tok`` hangs below ``clause`` inside the clause's own material, or None."""
    t, depth = tok, 0
    while t.i != clause.i:
        if t.dep_ not in _OWN_CLAUSE_DEPS or t.head is t:
            return None
        t, depth = t.head, depth + 1
        if depth > 12:
            return None
    return depth


def comparison_standard(tok: Token) -> Token | None:
    """The phrase a time dates when it names the standard of a comparison, not an event: a
    possessor ("last year's record", "2022's total"; not of an event placed by a preposition of
    time: "during Saturday's protest"), the object of "than" ("higher than last
    year's total"), of "compared with" ("compared with 3,412 in October 2025") or of a verb of
    comparison ("surpasses the total for 2022"), or of "up/down from" ("up from 171 in 2024") — the top token of that phrase (of a possessor,
    the possessor: "last year's total by 600" keeps the margin out), or None."""
    t = tok
    for _ in range(12):
        if t.dep_ == "poss":
            return None if _dates_an_event(t.head) else t
        if t.dep_ == "pobj" and t.head.lower_ == "than":
            return t
        if t.dep_ == "dobj" and t.head.lemma_.lower() in _COMPARISON_LEMMAS:
            return t
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "to", "against") and t.head.head.lemma_.lower() == "compare":
            return t  # "2,946 were rescued, compared with 3,412 in October 2025"
        if t.dep_ == "pobj" and t.head.lower_ in ("on", "over") and t.head.head.lemma_.lower() in _CHANGE_NOUNS \
                and t.head.head.pos_ == "NOUN":
            return t  # "a 5% rise on the same month last year"; not a verb: "3 people fell overboard on Thursday"
        if t.dep_ == "prep" and t.lower_ == "from" and t.head.lower_ in ("up", "down"):
            return t  # "228 in 2025, up from 171 in 2024": the earlier figure's year
        if t.head.i == t.i or t.dep_ in ("ccomp", "relcl", "advcl", "ROOT"):
            return None
        t = t.head
    return None


def _dates_an_event(noun: Token) -> bool:
    """The possessed noun is an event a preposition of time places the clause by ("detained
    during Saturday's protest"), or the incident a participle ties the claim's circumstance to
    ("violence linked to Saturday's elections", "deaths blamed on Sunday's storm"; not "compared
    with last year's total"): its possessor dates it, it is no standard of comparison."""
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ in _EVENT_TIME_PREPS:
        return True
    tie = noun.head.head
    return noun.head.dep_ == "prep" and tie.dep_ == "acl" and tie.tag_ == "VBN" \
        and tie.lemma_.lower() not in _COMPARISON_LEMMAS | {"compare"}


def _standard_of(analysis: Analysis, t: TimeMention) -> Token | None:
    chunk = analysis.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    return comparison_standard(chunk.root) if chunk is not None and len(chunk) else None


def compared(analysis: Analysis, t: TimeMention, head_i: int) -> bool:
    """Whether time ``t`` dates the standard of a comparison the claim's head is not part of."""
    standard = _standard_of(analysis, t)
    if standard is not None and not standard.left_edge.i <= head_i <= standard.right_edge.i:
        return True
    return _scopes_a_superlative(analysis, t, head_i)


def ranks_in(analysis: Analysis, t: TimeMention) -> bool:
    """Whether time ``t`` closes a superlative's phrase after its figure ("2,004 workers were rescued,
    the highest number since 2009"): the span the figure is ranked in, which dates nothing the
    sentence reports, so no later sentence continues it."""
    return _scopes_a_superlative(analysis, t, -1)


def _scopes_a_superlative(analysis: Analysis, t: TimeMention, head_i: int) -> bool:
    """Whether time ``t`` closes a superlative's phrase, the set it ranks in ("in one of the
    worst storms on the coast this year", "the highest toll since 2005"): no
    verb, punctuation or the claim's head between the superlative and the time."""
    doc = analysis.doc
    chunk = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return False
    for k in range(chunk.start - 1, max(chunk.start - 12, -1), -1):
        tok = doc[k]
        if k == head_i or tok.text in _SUPERLATIVE_STOP or tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.tag_ == "JJS" or tok.tag_ == "RBS" and not (k > 0 and doc[k - 1].lower_ == "at"):
            return head_i < k  # not "at least", "at most"; a claim stated before the ranking phrase
    return False


#: the preposition of the cause an act answers ("fined over a data breach", "protests over the killing")
_CAUSE_PREPS = frozenset({"over"})
_NOT_A_CAUSE = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY"})


def _background_period(analysis: Analysis, t: TimeMention) -> bool:
    """Whether ``t`` is a year or a month that ended well before the report (a month or more): the
    kind of time that dates a cause in the past, not the act that answers it."""
    if t.precision not in ("year", "month") or not t.end:
        return False
    if not analysis.published:
        return True
    return (date.fromisoformat(analysis.published[:10]) - date.fromisoformat(t.end)).days >= 30


def dates_the_cause(analysis: Analysis, t: TimeMention, head_i: int) -> bool:
    """Whether time ``t`` closes the phrase of the cause or the offence the claim's act answers, and
    dates that, not the act: "convicted three men over the murder of a journalist in 2020", "fined
    four banks over a data breach in 2021", "jailed for a fraud in 2019" (the offence of a legal
    frame). The parser hangs such a time on the verb as often as on the noun: a time inside the
    phrase or right after it counts. Not a place ("shot down over the sea in 2024"), not a phrase
    that holds the claim's own figure ("the murder of 3 people in 2020" dates the 3)."""
    if not _background_period(analysis, t):
        return False    # "protested over tuition fees on Wednesday": a recent day is the act's
    doc = analysis.doc
    chunk = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return False
    pred = governing_predicate(doc[head_i])
    start = (t.phrase or t.span)[0]
    preps = _CAUSE_PREPS | frames()["legal"].get(pred.lemma_.lower(), frozenset())
    for prep in children_of(pred):
        if prep.dep_ != "prep" or prep.lower_ not in preps or prep.i >= chunk.start \
                or prep.left_edge.i <= head_i <= prep.right_edge.i:
            continue
        noun = next((c for c in children_of(prep) if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in _NOT_A_CAUSE \
                or noun.lemma_.lower() in frame_set("movement_paths"):
            continue
        last = doc[prep.right_edge.i]
        inside = prep.left_edge.i <= chunk.root.i <= prep.right_edge.i
        if inside or not analysis.text[last.idx + len(last.text):start].strip():
            return True
    return False


def _period_of_the_counted(tok: Token, head_i: int) -> bool:
    """Whether a time is in a relative clause on the claim's own noun ("the 4,458 road deaths it
    recorded for 2023") or in a participle on it ("fewer than the 355 recorded in 2024"): the period the
    count was made over."""
    t = tok
    for _ in range(12):
        if t.dep_ == "relcl" or t.dep_ == "acl" and t.tag_ == "VBN":
            number = tok.doc[head_i]
            return t.head.i == head_i or number.dep_ == "nummod" and number.head.i == t.head.i
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _right_after(head: Token, t: TimeMention, text: str) -> bool:
    """The time phrase follows the counted figure or its noun with nothing between but the figure's
    own modifiers ("174 in 2024", "three more on Tuesday")."""
    start = (t.phrase or t.span)[0]
    last = head
    while last.i + 1 < len(head.doc) and head.doc[last.i + 1].head.i == head.i and \
            head.doc[last.i + 1].dep_ in ("amod", "advmod", "quantmod"):
        last = head.doc[last.i + 1]
    end = last.idx + len(last.text)
    return (head.like_num or head.pos_ == "NOUN") and start >= end and not text[end:start].strip()


def _perfect(clause) -> bool:
    """A present-perfect predicate ("have died", "has detained"): a running total up to now."""
    return clause.tag_ == "VBN" and any(
        ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'ve", "’ve") for ch in clause.children)


def _running_total(clause) -> bool:
    """The clause states a running total ("received a total of 1.7 million", "so far")."""
    words = " ".join(t.lower_ for t in clause.subtree)
    return any(re.search(rf"\b{re.escape(w)}\b", words) for w in RUNNING_TOTAL)


def _usable(t: TimeMention) -> bool:
    """Durations and sets without a position in time ("for five years", "daily") date nothing."""
    return bool(t.start or t.end) or t.type in ("DATE", "TIME")


def _per_times(analysis: Analysis, key: str, build: Callable[[Analysis], Any]) -> Any:
    """``build(analysis)``, worked out once per list of the article's times (again if the time
    stage replaced the list): the claims ask for it claim by claim."""
    times = analysis.times
    got = analysis.indexes.get(key)
    if got is None or got[0] is not times:
        got = analysis.indexes[key] = (times, build(analysis))
    return got[1]


def _by_sentence(analysis: Analysis) -> dict[int, list[TimeMention]]:
    by_sent: dict[int, list[TimeMention]] = {}
    for t in analysis.times:
        if _usable(t) and not _a_names_year(analysis, t):
            by_sent.setdefault(t.sent_i, []).append(t)
    return by_sent


def _usable_by_sentence(analysis: Analysis) -> dict[int, list[TimeMention]]:
    """The usable times of each sentence, in text order."""
    return _per_times(analysis, "timex_attach.by_sentence", _by_sentence)


def time_for(analysis: Analysis, sent_i: int, head_i: int | None = None) -> TimeMention | None:
    """The time of a claim whose predicate is token ``head_i`` in sentence ``sent_i``.

    Preference: a time attached to the predicate itself, then one inside the predicate's own
    clause, then one on a governing clause (usually the report: "..., officials said on
    Thursday", flagged ``statement``), then the nearest other one; ties go to the nearest in the
    text. A report's date is not the time of a running total ("have died ... , the agency said
    on Monday"), unless the total says it is counted up to then ("a total of", "so far"), when
    it is the total's end."""
    times = list(_usable_by_sentence(analysis).get(sent_i, ()))
    if not times:
        return dateline(analysis)
    if head_i is None or len(times) == 1 and times[0].head_i is None:
        return _as_phrase(analysis, times[0])
    doc = analysis.doc
    head = doc[head_i]
    clause = governing_predicate(head)
    chain = [clause.i] + [a.i for a in clause.ancestors]

    text = analysis.text

    def rank(t: TimeMention) -> tuple[int, int, int]:
        # nearest in the text, and not across a comma or semicolon ("the day before yesterday there
        # were 11,200, last night less than 10,000": each count has its own time)
        lo, hi = sorted((head.idx, t.span[0] if t.span[0] > head.idx else t.span[1]))
        near = hi - lo + (1000 if _SEPARATOR.search(text, lo, hi) else 0)
        if t.head_i is None:
            return (4, 0, near)
        if t.precision in ("year", "month", "range") and _period_of_the_counted(doc[t.head_i], head_i):
            return (0, -1, near)  # "the 4,458 deaths it recorded for 2023": the period it was counted over
        if _right_after(head, t, text):
            return (0, -1, near)  # "84 deaths in 2023 and 174 in 2024": each figure's own year
        if t.head_i in (head_i, clause.i):
            return (0, 0, near)
        depth = _depth_below(doc[t.head_i], clause)
        if depth is not None:
            return (1, depth, near)
        if t.precision in SUBJECT_ACT_PRECISIONS and on_the_subject(doc[t.head_i], clause):
            return (1, 6, near)
        if t.head_i in chain:
            return (2, chain.index(t.head_i), near)
        return (3, 0, near)

    # "exceeding last year's record by 600": the year dates the record, not the 600
    times = [t for t in times if not compared(analysis, t, head_i)]
    # "convicted three men over the murder of a journalist in 2020": the year dates the murder
    times = [t for t in times if not dates_the_cause(analysis, t, head_i)]
    # "Storm to hit coast on Sunday, 3,000 told to leave": a day ahead dates the plan, not a past act
    ahead = [t for t in times if _ahead_of_a_past_act(analysis, t, head_i, clause)]
    times = [t for t in times if t not in ahead]
    # "ABUJA, Nov 23 - At least 46 people were killed in violence linked to Saturday's elections"
    times = [t for t in times if not in_opening_dateline(analysis, t)] or times
    if not times:
        return None if ahead else dateline(analysis)
    best = min(times, key=rank)
    r = rank(best)
    statement = r[0] == 2 and best.head_i is not None and doc[best.head_i].lemma_.lower() in SPEECH_LEMMAS
    if statement and _running_total(clause):
        return _as_phrase(analysis, best, start=None, statement=True)
    if r[0] >= 2 and _perfect(clause) and best.precision in ("day", "week") and best.head_i is not None \
            and doc[best.head_i].lemma_.lower() in SPEECH_LEMMAS:
        return None  # the date of the report, not of the running total it gives
    if r[0] <= 1:
        # "As of Saturday, 161,062 have crossed ... this year": the end bound, from the period's start
        own = [t for t in times if rank(t)[0] <= 1]
        bound = next((t for t in own if t.start is None and t.end is not None), None)
        if bound is not None and bound.end is not None:
            until = bound.end
            period = next((t for t in own if t is not bound and t.start and t.end and t.start <= until <= t.end), None)
            if period is not None:
                return _as_phrase(analysis, bound, start=period.start, precision="range")
    bounds = _between_bounds(analysis, times, best)
    if bounds is not None:
        first, last = bounds
        span = ((first.phrase or first.span)[0], last.span[1])
        return replace(first, span=span, phrase=span, text=analysis.text[span[0]:span[1]],
                       start=_in_the_last_bounds_year(analysis, first, last), end=last.end, precision="range",
                       statement=statement)
    lasted = None if _in_a_clause_it_introduces(clause, best.head_i) else _span_of_its_length(analysis, best)
    if lasted is not None:
        return _as_phrase(analysis, best, start=lasted[0], end=lasted[1], precision="range", statement=statement)
    return _as_phrase(analysis, best, statement=statement)


def _ahead_of_a_past_act(analysis: Analysis, t: TimeMention, head_i: int, clause: Token) -> bool:
    """A time on another predicate that starts after the report's day, for a claim whose own clause
    is past ("told to leave", "were evacuated"): no past act happens on a day still to come."""
    if t.head_i is None or t.head_i in (head_i, clause.i) or not analysis.published or not t.start:
        return False
    if t.start[:10] <= analysis.published[:10]:
        return False
    return clause.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


#: verbs whose day is the last of the thing that ends then (a start and a length may reach past the
#: report's day: "a 10-day festival that began on Friday has drawn 40,000" is still running)
_END_VERBS = frozenset({"end", "finish", "conclude"})
_LENGTH = re.compile(r"P(\d+)([DWMY])")


#: the words of a clause that happens at the moment of the end ("ended Sunday when ...", "as ...")
_AT_THE_END = frozenset({"when", "as", "once"})


def _in_a_clause_it_introduces(clause: Token, verb_i: int | None) -> bool:
    """Whether the claim's clause is an adverbial clause of the moment under the time's verb: in "the
    three-day search ended Sunday when 4 climbers were found", the find is on the day the search
    ended, not over the search's span (what happened "after" or "before" may fall within it)."""
    if verb_i is None:
        return False
    tok = clause
    while tok.head.i != tok.i and tok.i != verb_i:
        if tok.head.i == verb_i:
            return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_END
                                               for c in children_of(tok))
        tok = tok.head
    return False


def _span_of_its_length(analysis: Analysis, t: TimeMention) -> tuple[str, str] | None:
    """The whole span of a thing of a stated length that ended on a day: "the six-day heat wave that
    ended Sunday" runs from the Monday to that Sunday. The length is a duration on the noun that the
    day's verb describes ("that ended", "ending") or has as its subject ("the three-week strike ended
    Friday")."""
    if t.head_i is None or t.precision != "day" or not (t.start and t.end):
        return None
    verb = analysis.doc[t.head_i]
    if verb.lemma_.lower() not in _END_VERBS:
        return None
    nouns = [verb.head] if verb.dep_ in ("relcl", "acl") else []
    nouns += [c for c in children_of(verb) if c.dep_ == "nsubj"]
    for noun in nouns:
        lo, hi = noun.left_edge.idx, noun.idx
        length = next((d for d in analysis.times if d.type == "DURATION" and lo <= d.span[0] and d.span[1] <= hi
                       and _LENGTH.fullmatch(d.value or "")), None)
        if length is None:
            continue
        m = _LENGTH.fullmatch(length.value or "")
        assert m is not None
        n, unit = int(m.group(1)), {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(2)]
        return (shift(date.fromisoformat(t.end), -n, unit) + timedelta(days=1)).isoformat(), t.end
    return None


#: the words that join the two bounds of a period ("between 1 July and 30 September", "from May to June")
_BOUND_JOIN = re.compile(r"\s*(?:and|to|until|till|through|[-–—])\s*", re.IGNORECASE)
_BOUND_OPEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)


def _between_bounds(analysis: Analysis, times: list[TimeMention],
                    best: TimeMention) -> tuple[TimeMention, TimeMention] | None:
    """The two dates of a period stated by its bounds ("Between 1 July and 30 September 2026") when
    ``best`` is one of them: the period starts at the first, not at the end date the parse prefers."""
    text = analysis.text
    for first in times:
        for last in times:
            if first is last or not (first.start and last.end) or best not in (first, last) \
                    or first.start > last.end:
                continue
            if _BOUND_JOIN.fullmatch(text, first.span[1], last.span[0]) \
                    and _BOUND_OPEN.search(text, max(0, first.span[0] - 12), first.span[0]):
                return first, last
    return None


def _in_the_last_bounds_year(analysis: Analysis, first: TimeMention, last: TimeMention) -> str | None:
    """The first bound's start, in the year the last bound states when the first writes none ("Between
    1 July and 30 September 2026": 2026-07-01, whatever the publication date), or the year before when
    that would put it after the last ("from 1 November to 31 January 2027")."""
    start, end = first.start, last.end
    if not start or not end or len(start) < 4 or not (start[:4].isdigit() and end[:4].isdigit()) \
            or re.search(r"\d{4}", analysis.text[first.span[0]:first.span[1]]):
        return start
    moved = end[:4] + start[4:]
    return moved if moved <= end else f"{int(end[:4]) - 1:04d}{start[4:]}"
