"""TIMEX3 values, types and mods of the time layer, the claim's bounds from the preposition, the
reference date a report without a publication date states, and the claim's choice of time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract.timex import reference, time_for
from claimwatch.extract.timex_registry import RULES, Ctx
from claimwatch.extract.timex_rules import normalise, scan

P = "2022-09-27"  # a Tuesday


def _one(analyse, text, published=P):
    a = analyse(text, published, stages=("times",))
    assert len(a.times) >= 1, text
    return a


# (text, published, TimeML span, value, type, mod)
LAYER = [
    ("He was jailed for five years.", P, "five years", "P5Y", "DURATION", None),
    ("It turned a profit after several quarters of losses.", P, "several quarters", "PXQ", "DURATION", None),
    ("The economy shrank after two consecutive quarters of decline.", P, "two consecutive quarters", "P2Q", "DURATION",
     None),
    ("A 16-hour shift ended.", P, "16-hour", "PT16H", "DURATION", None),
    ("The talks lasted two and a half hours.", P, "two and a half hours", "PT2H30M", "DURATION", None),
    ("It took two decades.", P, "two decades", "P20Y", "DURATION", None),
    ("It has been like that for years.", P, "years", "PXY", "DURATION", None),
    ("Flights leave daily.", P, "daily", "P1D", "SET", None),
    ("They meet each Thursday.", P, "each Thursday", "XXXX-WXX-4", "SET", None),
    # a weekday joined to one with a plural part of the day shares it: every Monday night
    ("Two new flights will leave on Monday and Tuesday nights.", P, "Monday", "XXXX-WXX-1TNI", "SET", None),
    ("The gym opens Saturday and Sunday mornings.", P, "Saturday", "XXXX-WXX-6TMO", "SET", None),
    ("The rally was held on Monday and Tuesday night.", P, "Monday", "2022-09-26", "DATE", None),
    # in a past clause the pair names two nights, not a habit
    ("Heavy rain on Monday and Tuesday nights flooded 200 homes.", P, "Monday", "2022-09-26TNI", "TIME", None),
    ("Riots on Saturday and Sunday nights left 40 officers injured.", P, "Sunday nights", "2022-09-25TNI", "TIME", None),
    ("The ferry sails three times a week.", P, "a week", "P1W", "SET", None),
    ("Some 1,250 people cross a day.", P, "a day", "P1D", "SET", None),
    ("The vote closes at 10:35 a.m. EST.", P, "10:35 a.m. EST", "2022-09-27T10:35", "TIME", None),
    # a month the tense does not place: the nearest one
    ("Her flats, worth $1 million in December, are worth half that now.", "2023-02-06", "December", "2022-12", "DATE", None),
    ("It must pay down the loan by March.", "2022-11-20", "March", "2023-03", "DATE", None),
    ("The move follows Friday's statement by Ford.", P, "Friday", "2022-09-23", "DATE", None),
    # holidays: fixed, nth weekday, Easter; the tense or "last" picks the year
    ("Relatives gathered on Thanksgiving Day.", "1999-11-20", "Thanksgiving Day", "1998-11-26", "DATE", None),
    ("The memorial is planned for Memorial Day.", "2023-05-01", "Memorial Day", "2023-05-29", "DATE", None),
    ("Last Christmas he was at home.", "2023-03-01", "Last Christmas", "2022-12-25", "DATE", None),
    ("The church was full on Easter 2024.", P, "Easter 2024", "2024-03-31", "DATE", None),
    # years read out (broadcast transcripts)
    ("A bomb blast shocks the Olympic games in nineteen ninety-six.", P, "nineteen ninety-six", "1996", "DATE", None),
    ("January nineteen ninety-seven. Atlanta again.", P, "January nineteen ninety-seven", "1997-01", "DATE", None),
    ("He promised to halve unemployment by the year two thousand.", P, "the year two thousand", "2000", "DATE", None),
    ("Sales for the full year rose 5%.", P, "the full year", "2022", "DATE", None),
    ("For the year, volume was flat.", P, "the year", "2022", "DATE", None),
    ("Net income for the year ended March 31 fell.", P, "the year", "P1Y", "DURATION", None),
    ("Net fell 5% in the second quarter. Sales in the latest period rose.", P, "the latest period", "2022-Q2",
     "DATE", None),
    ("The plane landed at 18:00 UTC.", P, "18:00 UTC", "2022-09-27T18:00Z", "TIME", None),
    ("He arrived this morning.", P, "this morning", "2022-09-27TMO", "TIME", None),
    ("Shots were heard last night.", P, "last night", "2022-09-26TNI", "TIME", None),
    ("Now it has increased to 10,000.", P, "Now", "PRESENT_REF", "DATE", None),
    ("Prices rose recently.", P, "recently", "PAST_REF", "DATE", None),
    ("Sales will rise in the future.", P, "the future", "FUTURE_REF", "DATE", None),
    ("It opened in early December.", P, "early December", "2021-12", "DATE", "START"),
    ("Profit rose in the third quarter.", P, "the third quarter", "2022-Q3", "DATE", None),
    ("Profit rose in the third quarter, up from $2 million a year earlier.", P, "a year earlier", "2021-Q3", "DATE", None),
    ("It was built in the late 1970s.", P, "the late 1970s", "197", "DATE", "END"),
    # TimeML spans: "within" is a signal, not part of the expression; a definite duration keeps its
    # article; a quarter that modifies a noun leaves that noun's article or possessive out
    ("It must sell the bonds within five years.", P, "five years", "P5Y", "DURATION", None),
    ("For the nine months, net rose 4%.", P, "the nine months", "P9M", "DURATION", None),
    ("He called the 14-day waiting period unfair.", P, "14-day", "P14D", "DURATION", None),
    ("The board met earlier this week.", P, "earlier this week", "2022-W39", "DATE", None),
    ("The plant will reopen later this year.", P, "later this year", "2022", "DATE", None),
    ("Staff were told early this week.", P, "early this week", "2022-W39", "DATE", "START"),
    ("Officials were not available late yesterday.", P, "late yesterday", "2022-09-26", "DATE", None),
    ("Citadel posted a third-quarter net loss.", P, "third-quarter", "2022-Q3", "DATE", None),
    ("Net fell for its fourth quarter.", P, "fourth quarter", "2021-Q4", "DATE", None),
    ("Net rose 5% in the third quarter. In the 2021 period, it lost money.", P, "the 2021 period", "2021-Q3",
     "DATE", None),
    ("Flows peaked last summer.", "2023-02-06", "last summer", "2022-SU", "DATE", None),
    ("Arrests doubled in the past three months.", P, "the past three months", "P3M", "DURATION", None),
    ("Three days later he was released.", P, "Three days later", "P3D", "DURATION", None),
    ("It happened in June last year.", P, "June last year", "2021-06", "DATE", None),
    # a day hanging from an adjective or a noun, or the end of a past extension: the nearest one
    ("The board declared a dividend, payable Oct. 7 to holders of record.", P, "Oct. 7", "2022-10-07", "DATE", None),
    ("Meissner gave no reason for the Oct. 14 deadline.", P, "Oct. 14", "2022-10-14", "DATE", None),
    ("The company extended its offer until Oct. 9.", P, "Oct. 9", "2022-10-09", "DATE", None),
    ("The index is close to its record high set on Oct. 6.", P, "Oct. 6", "2021-10-06", "DATE", None),
    ("It had been due to expire Friday evening.", P, "Friday evening", "2022-09-23TEV", "TIME", None),
    ("Leaders meet at a summit set for Washington in December.", P, "December", "2022-12", "DATE", None),
    # "since" looks back, also when the day dates a noun that would otherwise take the nearest one
    ("Prices have doubled since the Nov. 3 vote.", P, "Nov. 3", "2021-11-03", "DATE", None),
    ("Police have searched for him since shortly after the Dec. 1 attack.", P, "Dec. 1", "2021-12-01", "DATE", None),
    ("The index has fallen since Thursday.", P, "Thursday", "2022-09-22", "DATE", None),
    # a headline's "to" and a verb states what is to come; so does a state that will last until a day
    ("Obama to visit China on Monday", P, "Monday", "2022-10-03", "DATE", None),
    ("A year ago, 300 migrants crossed the Channel.", P, "A year ago", "2021", "DATE", None),
    # a timeline entry's day anchors its "overnight" and "yesterday", whatever its historic present
    ("Sept. 19: Police detain 40 students.\nSept. 22: Overnight clashes leave 12 officers injured.", P, "Overnight",
     "2022-09-21TNI", "TIME", None),
    ("Sept. 12 – Officials say 40 homes were destroyed yesterday.\nSept. 20 – Talks begin.", P, "yesterday",
     "2022-09-11", "DATE", None),
    ("Pope to visit Lebanon on Friday\n\nThe trip was announced by the Vatican.", P, "Friday", "2022-09-30", "DATE", None),
    ("Storm to hit coast on Sunday, 20,000 told to evacuate", P, "Sunday", "2022-10-02", "DATE", None),
    # also when the parser reads the headline's subject as a verb or the "to" clause as an adverbial one
    ("Strike to close schools on Monday, 40,000 pupils sent home", P, "Monday", "2022-10-03", "DATE", None),
    ("Strike to shut 300 schools on Monday", P, "Monday", "2022-10-03", "DATE", None),
    ("Police arrested 30 protesters on Monday to end the blockade.", P, "Monday", "2022-09-26", "DATE", None),
    ("Police asked 300 residents to leave on Sunday, officials said.", P, "Sunday", "2022-09-25", "DATE", None),
    ("Russian markets to remain closed until Friday", P, "Friday", "2022-09-30", "DATE", None),
    ("The shops will stay shut until Friday, officials said.", P, "Friday", "2022-09-30", "DATE", None),
    ("He stayed in the city until Friday, police said.", P, "Friday", "2022-09-23", "DATE", None),
    # "Black Monday" is a named day; "Mr. Black Monday said" a surname and a day
    ("Mr. Black Monday said the talks went well.", P, "Monday", "2022-09-26", "DATE", None),
]


@pytest.mark.parametrize("text,published,span,value,typ,mod", LAYER, ids=[c[2] for c in LAYER])
def test_timex3_value(analyse, text, published, span, value, typ, mod):
    a = _one(analyse, text, published)
    t = next((t for t in a.times if t.text == span), None)
    assert t is not None, [(x.text, x.value) for x in a.times]
    assert text[t.span[0]:t.span[1]] == t.text
    assert (t.value, t.type, t.mod) == (value, typ, mod)


@pytest.mark.parametrize("text", [
    "A 41-year-old man was detained.",          # an age is not a duration
    "Two thousand troops arrived in nineteen trucks.",  # numbers, not years read out
    "The index closed at 2082.1 points.",       # an index level
    'Baker said on ABC\'s "This Week" that talks go on.',  # a title
    "He marched in the annual March for Life.",  # a march
    "She walked at the head of the ``March of the Mothers.''",  # a march, its name in quotes
    "Christmas sales rose 5%.",                 # the season
    "He may be released, Theresa May said.",    # the verb and the name
    "The Sunday Times reported it.",            # a weekday inside a name
    "Some 2,000 people were counted.",          # a number alone
    "He spoke on the day before the vote.",     # the day of something else, not "the day before" a day
    "The vote became a high noon for the party.",  # the idiom, no clock time
    "Three quarters of the vote went to him.",  # a fraction
    "The club has won the past three titles.",  # a count of titles, not "the past" (PAST_REF)
    "Protesters have rallied for the past three summers.",  # seasons have no TIMEX3 duration unit
    "He has scored in the past 12 games.",
    "The poll was published by USA Today.",     # a newspaper's name after an acronym
    "You are listening to VOA Today.",          # a programme's name
    "Stocks tumbled on the Black Monday anniversary.",  # a named day
    "He won ten states on Super Tuesday, aides said.",
    "The Russell 2000 Index of small companies fell 4%.",  # an index named with a number
    "The Russel 2000 Index of smaller companies dropped by four percent.",  # also where the tagger reads a year
    "Electric cars are the future of the industry, he said.",  # its prospects, not a time
    "That is very important to the future of our peoples.",
    # "that day" with no day named before it: the day of an event the report does not date
    "When a bad news item hits, funds see strong redemptions that day.",
    "Traders can suffer huge losses on trades made that same day.",
    "Two fans were hurt over the last day of the festival.",  # the final day of an event, not the day just past
])
def test_not_times(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [t.text for t in a.times] == []


# (text, published, phrase, start, end)  -- the claim's view of the period
BOUNDS = [
    ("As of Sunday, 248,901 migrants had crossed.", "2023-07-31", "As of Sunday", None, "2023-07-30"),
    ("Until Sunday, 248,901 migrants crossed.", "2023-07-31", "Until Sunday", None, "2023-07-30"),
    ("248,901 migrants had made the trip through July 31.", "2023-08-02", "through July 31", None, "2023-07-31"),
    ("Some 250,000 crossed so far this year.", "2023-07-31", "so far this year", "2023-01-01", "2023-07-31"),
    ("Two boats sank in the night from Saturday to Sunday.", "2023-08-06", "in the night from Saturday to Sunday",
     "2023-08-05", "2023-08-06"),
    ("About 4-5 days ago, 5,000 people arrived.", P, "About 4-5 days ago", "2022-09-22", "2022-09-23"),
    ("In 225 days of 2023, 281,399 crossed.", None, "In 225 days of 2023", "2023-01-01", "2023-08-13"),
    ("250,000 crossed in the first seven months of 2023.", None, "in the first seven months of 2023",
     "2023-01-01", "2023-07-31"),
    ("It could reach 400,000 by the end of the year.", "2023-08-01", "by the end of the year", "2023-01-01", "2023-12-31"),
    ("Probably before the end of August 50,000 will cross.", "2023-08-13", "before the end of August", None, "2023-08-31"),
    ("Over 2,000 people have arrived over the past few days.", "2023-08-06", "over the past few days", None, "2023-08-06"),
    ("In the last three decades, thousands have died.", "2022-09-03", "In the last three decades", "1992-01-01", "2022-09-03"),
    # a daily tally "over the past day" is the day up to the report, not an open past
    ("Police said 14 drivers were arrested over the past day.", P, "over the past day", "2022-09-26", P),
    ("The army said it had shot down 12 drones over the last day.", P, "over the last day", "2022-09-26", P),
    ("In the past day, 300 new cases were confirmed.", P, "In the past day", "2022-09-26", P),
    ("The border will open in the near future.", P, "in the near future", P, None),
    ("Since the full-scale invasion, 30 Ukrainians died.", P, "Since the full-scale invasion", "2022-02-24", None),
    # "a year ago" is this time last year: that month (TIMEX3 keeps the year, as TimeBank does)
    ("A year ago, 300 migrants crossed the Channel.", P, "A year ago", "2021-09-01", "2021-09-30"),
    # a bound on how long ago leaves the other side open; "today" makes it that very day
    ("More than a year ago, 300 workers were laid off.", P, "More than a year ago", None, "2021-09-30"),
    ("Less than a year ago, the club signed 3 strikers.", P, "Less than a year ago", "2021-09-01", "2022-09-27"),
    ("A year ago today, 12 miners died in the blast.", P, "A year ago today", "2021-09-27", "2021-09-27"),
    ("Six months ago today, the firm cut 200 jobs.", P, "Six months ago today", "2022-03-27", "2022-03-27"),
    # "tonight" and "this morning" after "ago" are that very day too, as at an anniversary
    ("Ten years ago tonight, the Rovers won the cup in front of 40,000 fans.", P, "Ten years ago tonight",
     "2012-09-27", "2012-09-27"),
    ("Two years ago this morning, a gunman killed 9 shoppers.", P, "Two years ago this morning", "2020-09-27", "2020-09-27"),
    # a week, a fortnight or N days "through", "to" or "ending" a day: the days up to and including it
    ("Tokyo reported 874 cases in the week through Sunday.", P, "in the week through Sunday", "2022-09-19", "2022-09-25"),
    ("Police made 140 arrests in the seven days to Friday.", P, "in the seven days to Friday", "2022-09-17", "2022-09-23"),
    ("The fund lost 300 investors in the fortnight ending 18 September.", P, "in the fortnight ending 18 September",
     "2022-09-05", "2022-09-18"),
    ("Rainfall flooded 40 homes in the 10 days to Aug. 31, 2021.", P, "in the 10 days to Aug. 31, 2021",
     "2021-08-22", "2021-08-31"),
    # a weekday with its day of the month in brackets (Portuguese, Spanish news style): that date, not the last such weekday
    ("Striker Silva scored 2 goals on Sunday (18), the club said.", P, "on Sunday (18)", "2022-09-18", "2022-09-18"),
    # a weekday settles whether a numeric date is day-first: 12 September 2022 is a Monday, 9 December a Friday
    ("The court fined 3 firms on Monday (12/9/2022).", P, "on Monday (12/9/2022)", "2022-09-12", "2022-09-12"),
    ("The court fined 3 firms on Friday, 12/9/2022.", P, "on Friday, 12/9/2022", "2022-12-09", "2022-12-09"),
    # a bracket that is no day of the month near that weekday is not part of the day (a footnote, a count)
    ("Two hikers were lost on Sunday (7) near the ridge.", P, "on Sunday", "2022-09-25", "2022-09-25"),
    ("The striker was injured on Saturday (2) and missed 3 games.", P, "on Saturday", "2022-09-24", "2022-09-24"),
]


@pytest.mark.parametrize("text,published,phrase,start,end", BOUNDS, ids=[c[2] for c in BOUNDS])
def test_claim_bounds(analyse, text, published, phrase, start, end):
    a = _one(analyse, text, published)
    t = next((t for t in a.times if text[t.phrase[0]:t.phrase[1]] == phrase), None)
    assert t is not None, [(text[x.phrase[0]:x.phrase[1]], x.start, x.end) for x in a.times]
    assert (t.start, t.end) == (start, end)


def test_report_dates_resolve_relative_times_without_publication_date(analyse):
    text = ("As of 7:50 am Sunday, August 13, 281,399 migrants crossed the Darien jungle.\n\n"
            "In 225 days of 2023, Panama registers a daily average of 1,250 travelers.\n\n"
            "However, the data for Saturday, August 12, listed 2,473 migrants.\n\n"
            "As of Saturday, 161,062 Venezuelans have crossed this year.\n\nSo far in August, 29,641 crossed.")
    a = analyse(text, None, stages=("times",))
    got = {text[t.phrase[0]:t.phrase[1]]: (t.start, t.end) for t in a.times}
    assert got["As of Saturday"] == (None, "2023-08-12")
    assert got["So far in August"] == ("2023-08-01", "2023-08-13")
    assert got["for Saturday, August 12"] == ("2023-08-12", "2023-08-12")


def test_a_background_year_is_not_the_reports_present():
    found = scan("In February, deserters fled. After Russia invaded Ukraine in 2022, men left.")
    ref = reference(None, found)
    assert ref.day is None and ref.year is None
    month = next(f for f in found if f.kind == "month")
    assert normalise(month, Ctx(ref)).anchor == "unresolved"


def test_tense_resolves_weekdays_and_months_forward(analyse):
    a = analyse("The minister will visit on Friday. Talks resume in January.", P, stages=("times",))
    got = {t.text: t.start for t in a.times}
    assert got["Friday"] == "2022-09-30" and got["January"] == "2023-01-01"
    a = analyse("The offer expires Nov. 10.", "1989-10-27", stages=("times",))
    assert a.times[0].start == "1989-11-10"


def test_a_day_a_record_shows_takes_no_direction_from_the_present(analyse):
    # the day is the counted event's, not the present "show"'s: the past 16 October, not next year's
    a = analyse("Its figures show 2,104 crossings on the first day and 3,350 on 16 October.", "2026-10-21",
                stages=("times",))
    assert {t.text: t.start for t in a.times}["16 October"] == "2026-10-16"
    a = analyse("Police records show 12 arrests on 3 October and 40 on 16 October.", "2026-10-21", stages=("times",))
    assert [t.start for t in a.times] == ["2026-10-03", "2026-10-16"]
    a = analyse("The committee meets on 30 October.", "2026-10-21", stages=("times",))
    assert a.times[0].start == "2026-10-30"


def test_time_for_takes_the_time_of_its_own_segment(analyse):
    text = "For example, the day before yesterday there were 11,200 people, last night less than 10,000."
    a = analyse(text, P, stages=("times",))
    people = next(t.i for t in a.doc if t.text == "people")
    last = next(t.i for t in a.doc if t.text == "10,000")
    assert time_for(a, 0, people).text == "the day before yesterday"
    assert time_for(a, 0, last).text == "last night"


def test_time_for_combines_an_end_bound_with_the_period_of_its_clause(analyse):
    text = "As of Saturday, 161,062 Venezuelans have crossed the jungle this year."
    a = analyse(text, "2023-08-13", stages=("times",))
    crossed = next(t.i for t in a.doc if t.text == "crossed")
    t = time_for(a, 0, crossed)
    assert (t.text, t.start, t.end) == ("As of Saturday", "2023-01-01", "2023-08-12")


def test_time_for_flags_the_date_of_the_report(analyse):
    text = "Officials said on Friday that eight migrants drowned."
    a = analyse(text, "2022-09-03", stages=("times",))
    drowned = next(t.i for t in a.doc if t.text == "drowned")
    t = time_for(a, 0, drowned)
    assert t.statement and t.start == "2022-09-02"


def test_a_running_total_reported_on_a_date_ends_then(analyse):
    text = "In December 2022, a representative said that the hotline received a total of 1.7 million calls."
    a = analyse(text, None, stages=("times",))
    received = next(t.i for t in a.doc if t.text == "received")
    t = time_for(a, 0, received)
    assert (t.start, t.end) == (None, "2022-12-31")


def test_durations_do_not_date_claims(analyse):
    a = analyse("He was sentenced to six years.", P, stages=("times",))
    sentenced = next(t.i for t in a.doc if t.text == "sentenced")
    assert time_for(a, 0, sentenced) is None


def test_every_rule_has_its_normaliser_next_to_it():
    kinds = [r.kind for r in RULES]
    assert len(kinds) == len(set(kinds)) and len(kinds) >= 30
    assert all(callable(r.normalise) and r.pattern.pattern for r in RULES)


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=2, max_value=99), st.sampled_from(["day", "week", "month", "year", "hour", "minute"]))
def test_durations_round_trip(n, unit):
    text = f"It lasted {n} {unit}s."
    found = [f for f in scan(text) if f.kind == "duration"]
    assert len(found) == 1
    tv = normalise(found[0], Ctx())
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M"}[unit]
    assert tv.value == (f"PT{n}{letter}" if unit in ("hour", "minute") else f"P{n}{letter}")
    assert tv.type == "DURATION" and text[found[0].core:found[0].end] == f"{n} {unit}s"


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2040, 12, 31)),
       st.integers(min_value=1, max_value=28))
def test_n_days_ago_is_that_day(pub, n):
    found = scan(f"He left {n} days ago.")
    from claimwatch.extract.timex_calendar import Ref

    tv = normalise(found[0], Ctx(Ref(pub, pub.year, "published")))
    assert (pub - tv.start).days == n and tv.value == tv.start.isoformat()


_PHRASES = [c[0] for c in LAYER] + [c[0] for c in BOUNDS] + [
    "As of 7:50 am Sunday, August 13, 281,399 migrants crossed.", "between March 1 and March 5, 2023",
    "The drills ran 10–12 May 2022 and from October through July.", "Tuesday nights and each July"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6),
       st.lists(st.sampled_from(["", " ", " and then, ", "\n\n", " Officials said: ", " x" * 40]), min_size=6, max_size=6))
def test_rules_run_around_their_triggers_without_losing_matches(phrases, fillers):
    from claimwatch.extract.timex_rules import _matches

    text = "".join(p + f for p, f in zip(phrases, fillers))
    for r in RULES:
        full = {(m.start(), m.end()) for m in r.pattern.finditer(text)}
        windowed = {(m.start(), m.end()) for m in _matches(r, text)}
        assert full <= windowed or not full, r.kind


# (text, published, the layer's expressions, the claim's range)
RANGES = [
    ("Abortions declined between 1982 and 1992.", P, [("1982", "1982"), ("1992", "1992")], ("1982-01-01", "1992-12-31")),
    ("The summit is on April 24 and 25.", "1999-02-10", [("April 24", "1999-04-24"), ("25", "1999-04-25")],
     ("1999-04-24", "1999-04-25")),
    ("He bought shares from Aug. 26 to Oct. 20.", "1989-10-30", [("Aug. 26", "1989-08-26"), ("Oct. 20", "1989-10-20")],
     ("1989-08-26", "1989-10-20")),
    ("Talks ran from October through July.", "1999-08-10", [("October", "1998-10"), ("July", "1999-07")],
     ("1998-10-01", "1999-07-31")),
    # two days in a row of one event: from the first to the second, behind a past clause, ahead of a present
    # one (two days apart stay two days: "met on Monday and Thursday")
    ("Heavy rain fell on Sunday and Monday, flooding 200 homes.", "2026-08-06",
     [("Sunday", "2026-08-02"), ("Monday", "2026-08-03")], ("2026-08-02", "2026-08-03")),
    ("Voters go to the polls on Saturday and Sunday.", "2026-08-06",
     [("Saturday", "2026-08-08"), ("Sunday", "2026-08-09")], ("2026-08-08", "2026-08-09")),
]


@pytest.mark.parametrize("text,published,layer,bounds", RANGES, ids=[c[0] for c in RANGES])
def test_a_range_is_two_timeml_expressions_and_one_claim_period(analyse, text, published, layer, bounds):
    """TimeML marks a range's two ends as two expressions; the claim's time keeps the range."""
    import claimwatch

    times = claimwatch.analyse(text, published=published).times
    assert [(t.text, t.value) for t in times] == layer
    assert all(text[t.span[0]:t.span[1]] == t.text for t in times)
    a = analyse(text, published, stages=("times",))
    assert [(t.start, t.end) for t in a.times] == [bounds]


def test_a_hyphenated_range_stays_one_expression():
    import claimwatch

    assert [t.text for t in claimwatch.analyse("In the 1990-92 period sales fell.", published=P).times] == ["1990-92"]


@pytest.mark.parametrize("text,value", [
    ("Sun earned $5.2 million in the fiscal first quarter. Sales rose. Sun shipped 28,000 systems in the quarter.",
     "1989-Q1"),
    ("Net rose in the third quarter. The quake will cut fourth-quarter profit. Sales fell in the latest quarter.",
     "1989-Q3"),
    ("Shares rose 5%. Sales fell in the latest quarter.", "1989-Q3"),  # none named: the last completed one
])
def test_the_quarter_is_the_quarter_the_report_named(analyse, text, value):
    """A quarterly report's "the quarter" is the quarter it reports (named before, already ended),
    not a quarter it forecasts."""
    a = analyse(text, "1989-11-02", stages=("times",))
    last = [t for t in a.times if "quarter" in t.text][-1]
    assert last.value == value
