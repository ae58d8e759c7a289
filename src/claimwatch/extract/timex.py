"""Temporal expressions: find them, normalise them, attach them to claims.

Detection and normalisation are the rule grammar of :mod:`claimwatch.extract.timex_rules`
(a registry of patterns with their normalisers), plus bare years that spaCy tags as DATE
entities. Every mention carries the TIMEX3 view (``value``, ``type``, ``mod``; ``span`` without a
leading preposition, TimeML's convention) and the claim's view (``start``/``end``/``precision``/
``anchor``; ``phrase`` with the preposition, since "as of Sunday" ends a period at Sunday).

Relative expressions resolve against a reference date (:func:`reference`): the publication date,
else the first full date the report states (a year stated in the text completes "August 13"),
else nothing (``anchor: unresolved``, never today). Tense decides direction: "in June" in "will
vote in June" is the next June, "on Monday" in "was detained on Monday" the last one.

:func:`time_for` picks the time of a claim: the expression attached to the claim's predicate,
then one inside its clause, then one on a governing clause (the report: flagged ``statement``),
then the nearest; an end bound ("as of Saturday") takes its start from a period of the same
clause ("this year").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import timex_calendar as cal
from .base import Analysis, Stage, TimeMention, cue_lexicon, governing_predicate, line_at, token_table
from .events import casualty_verb
from .timex_attach import SPEECH_LEMMAS, dateline, time_for
from .timex_calendar import TV, Ref
from .timex_parts import range_parts
from .timex_plausible import named_after_date
from .timex_registry import TENSED_KINDS, Ctx, Found, low, parse_iso, ref_anchor
from .timex_relative import SHARED_PLURAL_PART, without_a_stray_bracket
from .timex_rules import normalise, scan
from .timex_words import WD, number, unit_of

__all__ = ["find_times", "time_for", "dateline", "STAGE", "timeml_value", "normalise_text", "reference"]

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would"}
#: modals whose predicate has not happened yet ("could" also reports a past ability: not one)
_MODAL_AHEAD = {"may", "might", "must", "should", "can", "ca"}
_FUTURE_HEADS = {"plan", "intend", "schedule", "expect", "set", "due", "aim", "hope", "prepare", "want", "project",
                 "forecast", "propose", "promise", "threaten", "vow", "agree", "decide"}
_FUTURE_BEFORE = re.compile(r"(?:as\s+(?:early|soon)\s+as|no\s+later\s+than|starting|from\s+next)\s+$", re.I)
#: "since" looks back, also across a noun the day dates ("since shortly after the Oct. 23 slaying")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:shortly|just|soon|immediately|right)\s+)?(?:(?:after|before)\s+)?"
                           r"(?:(?:the|its|his|her|their|a|an)\s+)?$", re.I)
#: kinds a present-tense clause puts in the future ("meets Monday", "the offer expires Nov. 10", "resume in January")
_PRESENT_FORWARD = frozenset({"weekday", "month_day", "day_part", "clock", "month", "night_range"})
#: expressions of a period running up to the report's present ("the first seven months of 2023")
#: kinds naming a day or a month whose year the tense chooses
_DAY_KINDS = frozenset({"month_day", "clock", "month", "qual_month", "weekday", "day_part", "holiday"})
#: prepositions of an end bound: "extended until Nov. 9" says nothing of the past
_END_PREPS = frozenset({"until", "till", "to", "through"})
_RUNNING_PERIODS = frozenset({"n_of_year", "past_n", "so_far"})
_MONTH_KINDS = frozenset({"month", "qual_month"})
#: predicates that put something off to a later day ("postponed until Tuesday", "gave them until Friday")
_DEFER_HEADS = frozenset({"postpone", "delay", "adjourn", "defer", "extend", "suspend", "give", "grant", "push"})
_PERFECT = ("has", "have", "'ve", "had", "'d")
_OR_MORE = re.compile(r"\s+or\s", re.I)  # "in a year or two", "in a week or so"
#: prepositions that measure a span rather than place an event in it ("for the past few years")
_MEASURED = re.compile(r"\b(?:for|within|throughout)\s+(?:the\s+)?$", re.I)
_NOT_UNTIL = re.compile(r"\b(?:not|up|only)\s+$", re.I)
#: a day a clause names as its deadline or date ("has set Nov. 10 as the deadline"): the object, not the event's time
#: what follows the stamp of a timeline's or a live page's entry: a dash or a colon ("March 3 – ", "14:05 GMT: ")
_ENTRY_STAMP = re.compile(r"(?:\s*(?:[A-Z]{2,4}|local(?:\s+time)?))?\s*[-–—:]\s")
_NAMED_AS_A_DAY = re.compile(r"\s+as\s+(?:the|a|an|its|their)\s+(?:\w+\s+)?(?:deadline|date|day)\b", re.I)
#: a day that owns an event ("last night's clash", "Sunday's vote"): "before" it is hours before, that day
_AN_EVENT_OF_THE_DAY = re.compile(r"['’]s?\s+(?:[A-Z][\w-]*\s+){0,3}[a-z]")
_YEAR_ENT = re.compile(r"(?:1[6-9]\d\d|20\d\d)")
#: expressions that are a time of the story only in a past clause (a bare "in the morning")
_PAST_ONLY = frozenset({"story_part"})
#: expressions that date the report's day only as the complement of a present "is" ("today is the eighth day of ...")
_TODAY_IS_ONLY = frozenset({"nth_day"})
#: expressions a timeline entry's day anchors ("Nov. 14: Overnight clashes ...", "June 3 - Late yesterday ...")
_ENTRY_RELATIVE = frozenset({"day_part", "deictic"})


def _had(tok, auxes: tuple[str, ...] = ("had", "'d")) -> bool:
    """A past perfect ("had been due to expire Friday"): on the predicate or on the ones it
    completes (up an xcomp / acomp chain); with ``auxes`` "has"/"have" too, any perfect."""
    for _ in range(4):
        if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ in auxes for ch in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _singular_subject_bare_verb(gov) -> bool:
    """A bare verb form with a singular noun subject (not "Smith and Jones") can only be a past tense
    the tagger read as a present ("weakness in technology stocks hurt the index on Friday")."""
    return gov.tag_ == "VBP" and any(ch.dep_ == "nsubj" and ch.tag_ in ("NN", "NNP")
                                     and not any(c.dep_ == "conj" for c in ch.children) for ch in gov.children)


def _is_past(gov) -> bool:
    if gov.tag_ == "VBD" or gov.tag_ == "VBN" and gov.dep_ == "acl" or _singular_subject_bare_verb(gov):
        return True  # "retired", "its record high set on Aug. 6", "the year ended March 31"
    return any(ch.dep_ in ("aux", "auxpass") and ch.tag_ == "VBD" for ch in gov.children) or (
        gov.tag_ == "VBN" and any(ch.lower_ in ("has", "have", "had", "was", "were") for ch in gov.children))


def _headline_infinitive(gov) -> bool:
    """A clause with no finite verb whose predicate is "to" and a verb ("Obama to visit China on
    Monday", "Markets to remain closed until Friday"): the headline's way of stating what is to come."""
    if gov.tag_ != "VB" or not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in gov.children):
        return False
    if gov.dep_ == "ROOT" or gov.dep_ in ("acl", "relcl", "advcl") and gov.head.dep_ == "ROOT" and gov.head.pos_ in ("NOUN", "PROPN"):
        return True
    return _opens_with_its_subject(gov)


def _opens_with_its_subject(gov) -> bool:
    """A "to" verb whose own noun subject opens the sentence ("Storm to hit coast on Sunday, 20,000
    told to evacuate"): no verb of prose governs such a subject; not "asked him to leave", "for
    the club to sign him"."""
    subj = next((ch for ch in gov.children if ch.dep_ == "nsubj"), None)
    if subj is None and _a_subject_read_as_a_verb(gov):
        return True
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i > gov.i:
        return False
    return subj.left_edge.i == gov.sent.start and not any(ch.dep_ == "mark" for ch in gov.children)


def _a_subject_read_as_a_verb(gov) -> bool:
    """A "to" verb under the one word that opens the sentence, read as a bare imperative with nothing
    else of its own ("Strike to close schools on Monday, ..."): that word is the headline's subject."""
    head = gov.head
    return gov.dep_ == "advcl" and head.i == gov.sent.start and head.tag_ == "VB" and head.text[:1].isupper() \
        and all(ch.i == gov.i or ch.dep_ in ("punct", "advcl", "conj", "cc") for ch in head.children) \
        and not any(ch.dep_ == "mark" for ch in gov.children)


def _is_future(gov) -> bool:
    if _had(gov):
        return False  # "had been scheduled to expire Friday": that Friday is past
    if _headline_infinitive(gov):
        return True
    for ch in gov.children:
        if ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX:
            return True
        if ch.dep_ == "aux" and ch.lower_ in _MODAL_AHEAD and not _had(gov, _PERFECT):
            return True  # "must pay by March", "may be dropped on Nov. 16"; not "may have died on Nov. 3"
        if ch.lower_ == "going" and any(c.lower_ == "to" for c in ch.children):
            return True
    if gov.tag_ == "VB" and gov.dep_ != "csubj" and gov.head.lemma_.lower() == "be" and \
            any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in gov.children):
        return True  # "is to resume trading Tuesday"; not the subject of "be" ("among the first to join on Friday were")
    if gov.lemma_.lower() in _FUTURE_HEADS and gov.tag_ in ("VBZ", "VBP", "VBN") and gov.lemma_.lower() != "set":
        return True  # "plans to hold a news conference on Tuesday", "is scheduled for Monday"
    if gov.lemma_.lower() == "set" and gov.tag_ == "VBN" and any(ch.lower_ == "for" for ch in gov.children):
        return True  # "a summit set for April"
    return gov.tag_ == "VB" and gov.dep_ in ("xcomp", "ccomp") and gov.head.lemma_.lower() in _FUTURE_HEADS


def _a_nouns_month(root) -> bool:
    """A month in a phrase that modifies a noun ("a cutback in its oil supply in September"): the
    noun's event, which a past tense of the clause does not place."""
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "NOUN"


def _off_the_verb(root, gov) -> bool:
    """Whether a date hangs from an adjective or names a noun's date rather than the predicate's
    ("payable Dec. 7", "effective Feb. 1", "the Jan. 14 deadline"): the clause's tense is not its."""
    if root.dep_ in ("nmod", "compound", "poss") and root.head.pos_ == "NOUN":
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NUM":
        return True  # "[figures] show 3,350 [crossings] on 16 October": the day of the counted event
    t = root.head
    for _ in range(12):
        if t.i == gov.i or t.head.i == t.i:
            return False
        if t.pos_ == "ADJ" and t.dep_ in ("amod", "advcl", "acomp"):
            return True
        t = t.head
    return False


#: present verbs that state or show what a record holds ("figures show 3,350 on 16 October"): their present
#: is the report's, so it points a day neither forward nor back
_PRESENT_OF_REPORT = frozenset({"be", "say", "show", "indicate", "suggest", "reveal"})
#: present verbs whose object came before them ("the review follows clashes on Monday")
_SEQUEL_VERBS = frozenset({"follow"})


def _tense(gov, kind: str, before: str, root=None, prep: str = "") -> bool | None:
    """True when the clause points forward, False when it points back, None when it says neither.
    A present tense with a weekday or a day ("meets Monday", "expires Nov. 10") points forward.
    A day hanging from an adjective or a noun ("payable Dec. 7", "the Jan. 14 deadline"), or the
    end of a past extension ("extended its offer until Nov. 9"), takes no direction from the verb."""
    if _FUTURE_BEFORE.search(before):
        return True
    if prep in ("since", "as of") or _SINCE_BEFORE.search(before):
        return False  # "as of February, the store accounts for 70%": a state up to a day that has come
    if gov is None:
        return None
    if _until_a_later_day(gov, kind, before, prep):
        return True
    if kind in _DAY_KINDS and root is not None and (_off_the_verb(root, gov) or
                                                     prep in _END_PREPS and gov.tag_ in ("VBD", "VBN") and not _had(gov)):
        return None
    if _is_future(gov):
        return True
    if _is_past(gov):  # a noun's month is not dated by a past verb ("told them of a cutback in September")
        return None if kind in _MONTH_KINDS and root is not None and _a_nouns_month(root) else False
    if kind in _PRESENT_FORWARD and gov.tag_ in ("VBZ", "VBP") and gov.lemma_.lower() not in _PRESENT_OF_REPORT:
        return False if root is not None and _an_earlier_event(root, gov) else True
    return None


def _an_earlier_event(root, gov) -> bool:
    """Whether a day dates an event a present predicate comes after ("the review follows clashes on
    Monday and Tuesday"; not "round two follows on Monday") or one a past clause of its own tells
    ("storms on Monday in which 12 homes were damaged"): that day is behind the report."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    told = [root, *root.conjuncts]
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("NOUN", "PROPN"):
        told.append(root.head.head)
    if any(ch.dep_ == "relcl" and _is_past(ch) for t in told for ch in t.children):
        return True
    return gov.lemma_.lower() in _SEQUEL_VERBS and any(ch.dep_ == "dobj" for ch in gov.children)


def _until_a_later_day(gov, kind: str, before: str, prep: str) -> bool:
    """An end bound on a day or a month that lies ahead: "postponed until Tuesday morning", "has
    given them until 9 a.m. Tuesday" (a deferral), "remain closed until Friday", "not due until
    October" (a present state that runs on), "will stay closed until Friday" (a state to come); not the
    bound of a past state or of a tally ("stayed until Friday", "have crossed until Sunday", "had
    waited until Monday", "not until Tuesday did he")."""
    if prep not in ("until", "till") or kind not in _DAY_KINDS or _had(gov) or _NOT_UNTIL.search(before):
        return False
    return gov.lemma_.lower() in _DEFER_HEADS or gov.tag_ in ("VBZ", "VBP") and not _had(gov, _PERFECT) or _is_future(gov)


def _a_present_is(gov, span) -> bool:
    """Whether the expression is the complement of a present "is" ("today is [the eighth day] of"),
    not its subject ("[the first day] of school is Sept. 5")."""
    return gov is not None and gov.lemma_.lower() == "be" and gov.tag_ in ("VBZ", "VBP") \
        and span is not None and len(span) > 0 and span.root.dep_ == "attr"


def _since_clause(gov) -> bool:
    """Whether a predicate is a "since ..." clause ("since the war began in 2022")."""
    return gov is not None and gov.dep_ == "advcl" and any(
        ch.dep_ == "mark" and ch.lower_ == "since" for ch in gov.children)


def _word_before(span) -> str:
    return span.doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""


def reference(published: str | None, found: list[Found]) -> Ref:
    """What relative expressions resolve against (SPEC §2): the publication date; without one,
    the first full date the report states; else the year of the first month or running period
    it states ("in the first seven months of 2023", "in 225 days of 2023"), which also completes
    a month-day such as "Sunday, August 13" into the reference day; else nothing. A bare year
    ("since 2022", "in 2021") is background more often than the report's present: not used."""
    pub = parse_iso(published)
    if pub is not None:
        return Ref(pub, pub.year, "published")
    bare = Ctx(Ref(None, None, "absolute"))
    year = None
    for f in found:
        tv = normalise(f, bare)
        day = tv.start or tv.end
        if tv.anchor == "absolute" and day is not None and f.kind != "named":  # named periods are background
            if tv.precision == "day" and tv.type in ("DATE", "TIME"):
                return Ref(day, day.year, "absolute")
            if tv.precision in ("month", "week") or f.kind in _RUNNING_PERIODS:
                year = year or day.year
    if year is None:
        return Ref(None, None, "absolute")
    with_year = Ctx(Ref(None, year, "absolute"))
    for f in found:
        if f.kind in ("month_day", "clock"):
            tv = normalise(f, with_year)
            day = tv.start or tv.end  # "as of Sunday, August 13" ends there
            if day is not None and tv.precision == "day":
                return Ref(day, year, "absolute")
    return Ref(None, year, "absolute")


def _mention(analysis: Analysis, f: Found | None, s: int, e: int, tv: TV, gov) -> TimeMention:
    sent = analysis.sent_index(s) if analysis.sentences else 0
    return TimeMention(span=(s, e), text=analysis.text[s:e], start=_iso(tv.start), end=_iso(tv.end),
                       precision=tv.precision, anchor=tv.anchor, sent_i=sent,
                       head_i=gov.i if gov is not None else None, value=tv.value, type=tv.type, mod=tv.mod,
                       phrase=(f.start, e) if f is not None else (s, e))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _year_entities(analysis: Analysis, covered: list[tuple[int, int]]) -> list[tuple[int, int, TV, object]]:
    """Bare years spaCy tags as DATE ("1998" with no preposition)."""
    out = []
    for ent in token_table(analysis.doc).ents:
        if ent.label_ != "DATE" or not _YEAR_ENT.fullmatch(ent.text):
            continue
        if any(ent.start_char < e and s < ent.end_char for s, e in covered) \
                or named_after_date(analysis.text, ent.end_char):
            continue  # a year the grammar found, or one in a name ("the Russell 2000 Index")
        y = int(ent.text)
        gov = governing_predicate(ent.root)
        tv = TV(date(y, 1, 1), None if _since_clause(gov) else date(y, 12, 31), "year", "absolute", str(y))
        out.append((ent.start_char, ent.end_char, tv, gov))
    return out


def _reported_quarter(f: Found, tv: TV, ref: Ref) -> TV | None:
    """A quarter named outright ("the third quarter", "fiscal first-quarter") that ended in the
    300 days before the reference date (a fiscal quarter may end long before the report): the period a
    quarterly report is about."""
    if f.kind != "quarter" or tv.value is None or tv.end is None or "Q" not in tv.value:
        return None
    return tv if ref.day is None or 0 <= (ref.day - tv.end).days <= 300 else None


def _in_units_ahead(f: Found, tv: TV, gov, ctx: Ctx, after: str) -> TV:
    """"The stock will be redeemed in five years": in a clause that points ahead, "in" and a count of
    days, weeks, months or years is the day, week, month or year that far past the reference, as "five
    years from now" is (TimeML); "rose 5% in two years" and "could be profitable in two years" stay
    durations, as do approximate, halved and ranged counts ("in a year or two")."""
    g = f.groups
    if f.kind != "duration" or f.prep != "in" or gov is None or ctx.ref.day is None or tv.type != "DURATION" \
            or any(g.get(k) for k in ("ap", "n2", "n3", "half", "h1")) or _OR_MORE.match(after) or not _is_future(gov):
        return tv
    n, unit = number(g.get("n") or ""), unit_of(g.get("u") or "")
    if n is None or "/" in (g.get("n") or "") or unit not in ("day", "week", "month", "year"):
        return tv
    d = cal.shift(ctx.ref.day, n, unit)
    anchor = ref_anchor(ctx)
    return {"day": lambda: cal.day_value(d, anchor), "week": lambda: cal.week_period(d, anchor),
            "month": lambda: cal.month_period(d.year, d.month, anchor), "year": lambda: cal.year_period(d.year, anchor)}[unit]()


def _past_of_an_event(f: Found, tv: TV, gov, span, before: str) -> TV:
    """"As the yen soared in recent years", "there were sell programs in past years", "the takeover boom
    of recent years": a span of unstated length back from the report that places a past event or
    a noun ("of") is the past at large, TIMEX3 PAST_REF; with a perfect ("have suffered in recent years", "for
    the past few weeks we've been ...") or after "for" it measures the time up to now, a duration (PXY)."""
    if f.kind != "past_n" or tv.type != "DURATION" or not tv.value or "X" not in tv.value or span is None \
            or low(f.groups, "rel") not in ("past", "last", "previous", "recent", "preceding") or _MEASURED.search(before):
        return tv
    root = span.root  # "the boom of recent years"; an "in" the parser hangs on a noun ("Smith in recent weeks has") is the clause's
    of_a_noun = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN")
    if not of_a_noun and (gov is None or _had(gov, _PERFECT) or not (_is_past(gov) or gov.tag_ in ("VBZ", "VBP"))):
        return tv
    return replace(tv, value="PAST_REF", type="DATE")


def _opens_a_line(text: str, start: int) -> bool:
    """Whether only spaces stand between the start of a line (or the text) and ``start``."""
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def _story_day(story_day: tuple[int, date] | None, event_day: tuple[int, date] | None, sent: int,
               kind: str) -> date | None:
    """The day the story last stated that an undated expression of sentence ``sent`` falls on: one
    stated in this or the previous sentence; for a clock time in a past clause, any day stated
    before it ("a fire swept through the camp on Sunday afternoon ... 'The fire started at around
    2.30 pm'"), as no clock time is told without its day — from an earlier sentence, a day that
    dates an event, not one that dates a statement ("a riot on Saturday evening ... the spokesperson
    said on Sunday ... The riot broke out at around 7 p.m.": Saturday)."""
    if kind == "clock" and story_day is not None and story_day[0] != sent:
        story_day = event_day
    if story_day is None:
        return None
    return story_day[1] if sent - story_day[0] <= 1 or kind == "clock" else None


def _dates_a_statement(gov) -> bool:
    """A day on a verb of saying ("said on Sunday", "it was reported on Sunday that"): the
    statement's day, not an event's. A passive one whose subject is what it tells of, with no
    clause of what was said, dates that thing ("a second fire was reported on Monday": the fire's
    day)."""
    if gov is None or gov.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    deps = {c.dep_ for c in gov.children}
    return not ("nsubjpass" in deps and not deps & {"ccomp", "xcomp"})


_FALLEN_FROM = re.compile(r"\s+(?:from|off|down|onto|into|through)\b", re.I)


def _a_fall_not_autumn(f: Found, text: str, span, gov) -> bool:
    """"injured in the fall", "died in the fall from the roof": "the fall" with no year is the
    accident, not autumn, when it falls from something or hangs on a verb of injury or death
    ("prices rose in the fall", "injured in the fall of 2023", "injured last fall", "wounded in
    the fall offensive" stay autumn)."""
    if f.kind != "season" or f.groups.get("y") or (f.groups.get("rel") or "").lower() != "the" \
            or (f.groups.get("s") or "").lower() != "fall" or span is None or not len(span):
        return False
    fall = span[-1]
    if fall.dep_ in ("compound", "amod", "nmod") and fall.head.i > fall.i:
        return False
    return bool(_FALLEN_FROM.match(text, f.end)) or (gov is not None and casualty_verb(gov))


_SAYING = frozenset(cue_lexicon()["speech_verbs"]) | {"say", "tell", "announce", "report"}


def _time_governor(root):
    """The predicate a time expression dates. The parser may hang a day that follows a verb of saying
    on the complement after it ("Prosecutors said on Wednesday they would appeal": 'on Wednesday'
    under 'appeal'): a day between the verb and the complement's subject is the saying's."""
    gov = governing_predicate(root)
    say = gov.head
    if gov.dep_ != "ccomp" or say.lemma_.lower() not in _SAYING or not say.i < root.left_edge.i < gov.i:
        return gov
    phrase = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root
    subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    between = [t for t in root.doc[say.i + 1:phrase.left_edge.i] if not t.is_punct]
    return say if subject is not None and subject.i > phrase.right_edge.i and not between else gov


#: the first weekday of a pair that shares a plural part of the day, right before the second ("Monday and ")
_PAIRED_WEEKDAY = re.compile(rf"{WD},?\s+(?:and|or)\s+$")


def _nights_of_a_past_clause(f: Found, doc, text: str) -> tuple[Found, bool | None]:
    """"Monday and Tuesday nights" is a set in a present or habitual clause ("flights leave on ..."),
    but the two nights it names in a past one ("Heavy rain on Monday and Tuesday nights flooded 200
    homes"): then each weekday is read as a day with its part (and the clause's tense). The tense
    is the whole pair's, so that both weekdays are read alike."""
    shared = re.match(SHARED_PLURAL_PART, text[f.end:]) if f.groups.get("wc") else None
    span = doc.char_span(f.core, f.end + (shared.end() if shared else 0), alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    gov = _time_governor(root) if root is not None else None
    future = _tense(gov, "weekday", text[max(0, f.start - 40):f.start], root, f.prep or _word_before(span))
    if future is not False:
        return f, None
    day, part = (f.groups["wc"], f.groups["pc"]) if f.groups.get("wc") else (f.groups["wq"], f.groups["pq"])
    return replace(f, kind="day_part", groups={"a": day, "p": part[:-1]}), future


def _near(named: tuple[int, TV] | None, sent: int, within: int) -> TV | None:
    """A period named at most ``within`` sentences before sentence ``sent``."""
    return named[1] if named is not None and sent - named[0] <= within else None


def find_times(analysis: Analysis) -> list[TimeMention]:
    """Every temporal expression in the article, normalised (SPEC §2 ``time``, TIMEX3 values)."""
    doc, text = analysis.doc, analysis.text
    found = scan(text)
    ref = reference(analysis.published, found)
    out: list[TimeMention] = []
    last_day: date | None = None
    story_day: tuple[int, date] | None = None   # the last day a non-named expression stated, with its sentence
    event_day: tuple[int, date] | None = None   # the same, of a day that dates no statement
    last_period: tuple[int, TV] | None = None
    last_year: tuple[int, TV] | None = None
    quarter: TV | None = None
    entry: tuple[int, int, date] | None = None  # the text of a timeline entry after its day's stamp, and that day
    for f in found:
        span = doc.char_span(f.core, f.end, alignment_mode="expand")
        gov = _time_governor(span.root) if span is not None and len(span) else None
        future = _tense(gov, f.kind, text[max(0, f.start - 40):f.start], span.root if span is not None and len(span) else None,
                        f.prep if f.prep == "as of" else _word_before(span)) if f.kind in TENSED_KINDS else None
        if f.kind == "set" and (f.groups.get("wc") or f.groups.get("wq") and _PAIRED_WEEKDAY.search(text, 0, f.start)):
            f, future = _nights_of_a_past_clause(f, analysis.doc, text)
        if future is False and f.kind in _DAY_KINDS and not f.prep and _NAMED_AS_A_DAY.match(text, f.end):
            future = None  # "set Friday as the deadline": when it was set says nothing of where the day lies
        stamp = f.kind in _DAY_KINDS and _ENTRY_STAMP.match(text, f.end) is not None and _opens_a_line(text, f.start)
        if stamp:
            future = None  # "March 3 – Workers walk out": an entry's stamp, outside the clause whose tense would place it
        if _a_fall_not_autumn(f, text, span, gov):
            continue
        if f.kind in _PAST_ONLY and future is not False:
            continue  # "opens in the morning", "will return in the afternoon": a habit or a plan, no day
        if f.kind in _TODAY_IS_ONLY and not _a_present_is(gov, span):
            continue  # "on the first day of the trial": a day of the event, which the report does not date
        if f.prep == "before" and f.kind in _DAY_KINDS | {"deictic"} and _AN_EVENT_OF_THE_DAY.match(text, f.end):
            f = replace(f, prep="")  # "before last night's match": on the match's day, not the day before it
        sent = analysis.sent_index(f.start) if analysis.sentences else 0
        period = last_period[1] if last_period is not None and sent - last_period[0] <= 1 else None
        ctx = Ctx(ref, future, last_day, period, quarter, last_period[1] if last_period is not None else None,
                  _story_day(story_day, event_day, sent, f.kind), _near(last_year, sent, 3))
        if entry is not None and entry[0] <= f.start < entry[1] and f.kind in _ENTRY_RELATIVE:
            # "Nov. 14: Overnight clashes leave 12 injured": the entry's night, whatever its historic present
            ctx = replace(ctx, ref=Ref(entry[2], entry[2].year, ref.anchor), future=None if future else future, story_day=None)
        tv = _in_units_ahead(f, normalise(f, ctx), gov, ctx, text[f.end:f.end + 12])
        f = without_a_stray_bracket(f, tv)
        if f.kind == "anaphoric" and tv.value is None and ref.day is not None:
            continue  # "that day" with no day named before it: an event's day the report does not date
        tv = _past_of_an_event(f, tv, gov, span, text[max(0, f.start - 12):f.core])
        quarter = _reported_quarter(f, tv, ref) or quarter
        if tv.start is not None and tv.type in ("DATE", "TIME") and (tv.precision != "day" or f.kind != "anaphoric"):
            last_period = (sent, tv)  # the last period named: "a year earlier", "the same day" refer to it
            last_year = (sent, tv) if tv.precision == "year" and tv.type == "DATE" else last_year
        if _since_clause(gov) and tv.start and tv.end and tv.precision in ("year", "month", "day"):
            tv = replace(tv, end=None)  # "since the crisis began in 2021": open from then
        mention = _mention(analysis, f, f.core, f.end, tv, gov)
        parts = range_parts(f.kind, text, f.start, tv, ctx)
        if parts:
            mention.parts = tuple(_mention(analysis, None, s, e, p, gov) for s, e, p in parts)
        out.append(mention)
        if stamp and tv.precision == "day" and tv.start is not None:
            entry = (f.end, line_at(text, f.end)[1], tv.start)
        if tv.precision == "day" and tv.start is not None and tv.type in ("DATE", "TIME"):
            last_day = tv.start
            story_day = (sent, tv.start) if f.kind != "named" else story_day
            event_day = story_day if f.kind != "named" and not _dates_a_statement(gov) else event_day
    covered = [(f.start, f.end) for f in found]
    for s, e, tv, gov in _year_entities(analysis, covered):
        out.append(_mention(analysis, None, s, e, tv, gov))
    out.sort(key=lambda m: m.span[0])
    return out


def normalise_text(expression: str, published: str | None = None, *, future: bool | None = False) -> tuple | None:
    """Normalise one expression out of context: (start, end, precision, anchor) or None if not a time."""
    found = scan(expression)
    if not found:
        return None
    f = max(found, key=lambda x: x.end - x.start)
    tv = normalise(f, Ctx(reference(published, found), future))
    return _iso(tv.start), _iso(tv.end), tv.precision, tv.anchor


def timeml_value(t: TimeMention) -> str | None:
    """The TIMEX3 value of a mention: its own ``value``, else one built from start + precision
    (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, a decade 199); None when unresolved."""
    if t.value:
        return t.value
    if not t.start:
        return None
    s = date.fromisoformat(t.start)
    if t.precision == "day":
        return t.start
    if t.precision == "month":
        return t.start[:7]
    if t.precision == "year":
        return t.start[:4]
    if t.precision == "week":
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}"
    if t.precision == "range" and t.end:
        e = date.fromisoformat(t.end)
        if s.day == 1 and s.month in (1, 4, 7, 10) and e.year == s.year and e.month == s.month + 2:
            return f"{s.year}-Q{(s.month + 2) // 3}"
        if s.month == 1 and s.day == 1 and e.year == s.year + 9 and s.year % 10 == 0:
            return f"{str(s.year)[:3]}"
        if s.year == e.year and s.month == e.month:
            return t.start[:7]
    return None


STAGE = Stage("timex", ("doc",), ("times",), find_times)
