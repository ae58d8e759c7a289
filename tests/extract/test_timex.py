"""Temporal expressions: detection, exact normalised values, precision and anchor."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract.base import TimeMention
from claimwatch.extract.timex import STAGE, normalise_text, time_for, timeml_value

P = "2024-03-13"  # a Wednesday

# (text, published, expression, start, end, precision, anchor)
CASES = [
    # absolute dates
    ("The raid took place on March 7, 2009.", P, "on March 7, 2009", "2009-03-07", "2009-03-07", "day", "absolute"),
    ("It happened on 7 March 2009 near the border.", P, "on 7 March 2009", "2009-03-07", "2009-03-07", "day", "absolute"),
    ("The decree dated 2022-02-24 was extended.", P, "2022-02-24", "2022-02-24", "2022-02-24", "day", "absolute"),
    ("The law was signed on Thursday, February 24, 2022.", P, "on Thursday, February 24, 2022", "2022-02-24", "2022-02-24", "day", "absolute"),
    ("Police said on 12/03/2023 that two were held.", P, "on 12/03/2023", "2023-12-03", "2023-12-03", "day", "absolute"),
    ("Officers recorded it on 24.02.2022.", P, "on 24.02.2022", "2022-02-24", "2022-02-24", "day", "absolute"),
    ("The camp opened on Sept. 5, 2021.", P, "on Sept. 5, 2021", "2021-09-05", "2021-09-05", "day", "absolute"),
    ("It was signed on the 3rd of May, 2021.", P, "on the 3rd of May, 2021", "2021-05-03", "2021-05-03", "day", "absolute"),
    ("No date was given.", None, None, None, None, None, None),
    # months and years
    ("Arrests rose in February 2023.", P, "in February 2023", "2023-02-01", "2023-02-28", "month", "absolute"),
    ("Arrests rose in February 2024.", P, "in February 2024", "2024-02-01", "2024-02-29", "month", "absolute"),
    ("The UK's ministry speculated in 2022 that officials approved it.", P, "in 2022", "2022-01-01", "2022-12-31", "year", "absolute"),
    ("Anyone of military age has needed permission since 2022.", P, "since 2022", "2022-01-01", None, "year", "absolute"),
    ("The rule has applied since February 2022.", P, "since February 2022", "2022-02-01", None, "month", "absolute"),
    ("Crossings fell during 2021.", P, "during 2021", "2021-01-01", "2021-12-31", "year", "absolute"),
    ("The fence was finished in late 2021.", P, "in late 2021", "2021-09-01", "2021-12-31", "range", "absolute"),
    ("The crackdown began in early 2023.", P, "in early 2023", "2023-01-01", "2023-04-30", "range", "absolute"),
    ("It was built in the 1990s.", P, "in the 1990s", "1990-01-01", "1999-12-31", "range", "absolute"),
    ("Sales grew in the third quarter of 2021.", P, "in the third quarter of 2021", "2021-07-01", "2021-09-30", "range", "absolute"),
    ("Flows peaked in the summer of 2015.", P, "in the summer of 2015", "2015-06-01", "2015-08-31", "range", "absolute"),
    # months without a year, against publication
    ("In February, an outlet said deserters fled.", P, "In February", "2024-02-01", "2024-02-29", "month", "published"),
    ("In February, an outlet said deserters fled.", None, "In February", None, None, "unknown", "unresolved"),
    ("The camp was cleared in November.", P, "in November", "2023-11-01", "2023-11-30", "month", "published"),
    ("Bodies were found in late September.", P, "in late September", "2023-09-21", "2023-09-30", "range", "published"),
    ("Talks resumed in mid-January.", P, "in mid-January", "2024-01-11", "2024-01-20", "range", "published"),
    ("Prices rose last March.", P, "last March", "2023-03-01", "2023-03-31", "month", "published"),
    ("The vote will take place in June.", P, "in June", "2024-06-01", "2024-06-30", "month", "published"),
    ("Guards found the men on March 2.", P, "on March 2", "2024-03-02", "2024-03-02", "day", "published"),
    ("Guards found the men on December 28.", P, "on December 28", "2023-12-28", "2023-12-28", "day", "published"),
    ("Guards found the men on March 2.", None, "on March 2", None, None, "unknown", "unresolved"),
    ("The trial will open on April 20.", P, "on April 20", "2024-04-20", "2024-04-20", "day", "published"),
    # weekdays
    ("On Saturday, police found three bodies.", P, "On Saturday", "2024-03-09", "2024-03-09", "day", "published"),
    ("The men were detained on Wednesday.", P, "on Wednesday", "2024-03-13", "2024-03-13", "day", "published"),
    ("The minister will visit the border on Friday.", P, "on Friday", "2024-03-15", "2024-03-15", "day", "published"),
    ("Officials met last Monday.", P, "last Monday", "2024-03-11", "2024-03-11", "day", "published"),
    ("Talks resume next Tuesday.", P, "next Tuesday", "2024-03-19", "2024-03-19", "day", "published"),
    ("On Saturday, police found three bodies.", None, "On Saturday", None, None, "unknown", "unresolved"),
    ("Shelling continued on Sunday night.", P, "on Sunday night", "2024-03-10", "2024-03-10", "day", "published"),
    # deictic and relative
    ("Two men were detained yesterday.", P, "yesterday", "2024-03-12", "2024-03-12", "day", "published"),
    # "before <day>'s <event>": hours before the event, on its day; a bare "before <day>" ends the day before
    ("Police held twelve fans before Sunday's cup final.", P, "before Sunday", "2024-03-10", "2024-03-10", "day", "published"),
    ("Forty were arrested before last night's match.", P, "before last night", "2024-03-12", "2024-03-12", "day", "published"),
    ("The club signed three players before yesterday's deadline.", P, "before yesterday", "2024-03-12", "2024-03-12", "day", "published"),
    ("Shares fell 3 percent before Monday, traders said.", P, "before Monday", None, "2024-03-10", "day", "published"),
    ("The court ruled today.", P, "today", "2024-03-13", "2024-03-13", "day", "published"),
    ("The court will rule tomorrow.", P, "tomorrow", "2024-03-14", "2024-03-14", "day", "published"),
    ("Traffickers were denounced this week by the adviser.", P, "this week", "2024-03-11", "2024-03-17", "week", "published"),
    ("Traffickers were denounced this week by the adviser.", None, "this week", None, None, "unknown", "unresolved"),
    ("The group was broken up last week.", P, "last week", "2024-03-04", "2024-03-10", "week", "published"),
    ("Arrests doubled last month.", P, "last month", "2024-02-01", "2024-02-29", "month", "published"),
    ("Arrests doubled this month.", P, "this month", "2024-03-01", "2024-03-31", "month", "published"),
    ("Arrests doubled last year.", P, "last year", "2023-01-01", "2023-12-31", "year", "published"),
    ("Elections are due next year.", P, "next year", "2025-01-01", "2025-12-31", "year", "published"),
    ("Earlier this year, the border was closed.", P, "Earlier this year", "2024-01-01", "2024-12-31", "year", "published"),
    ("The body was found three days ago.", P, "three days ago", "2024-03-10", "2024-03-10", "day", "published"),
    ("The body was found 10 days ago.", P, "10 days ago", "2024-03-03", "2024-03-03", "day", "published"),
    ("He left two weeks ago.", P, "two weeks ago", "2024-02-26", "2024-03-03", "week", "published"),
    ("He left six months ago.", P, "six months ago", "2023-09-01", "2023-09-30", "month", "published"),
    ("He left two years ago.", P, "two years ago", "2022-01-01", "2022-12-31", "year", "published"),
    ("Forty people were detained in the past two weeks.", P, "in the past two weeks", "2024-02-28", "2024-03-13", "range", "published"),
    ("I saw him the other day.", P, "the other day", "2024-03-06", "2024-03-12", "range", "published"),
    ("I saw him the other day.", None, "the other day", None, None, "unknown", "unresolved"),
    ("Attempts rose last summer.", P, "last summer", "2023-06-01", "2023-08-31", "range", "published"),
    ("Camps were cleared this weekend.", P, "this weekend", "2024-03-16", "2024-03-17", "range", "published"),
    # ranges
    ("The drills ran from March 1 to March 5, 2023.", P, "from March 1 to March 5, 2023", "2023-03-01", "2023-03-05", "range", "absolute"),
    ("The drills ran between June 1 and June 10, 2022.", P, "between June 1 and June 10, 2022", "2022-06-01", "2022-06-10", "range", "absolute"),
    ("The drills ran March 1-5, 2023.", P, "March 1-5, 2023", "2023-03-01", "2023-03-05", "range", "absolute"),
    ("The drills ran 10–12 May 2022.", P, "10–12 May 2022", "2022-05-10", "2022-05-12", "range", "absolute"),
    ("The war of 2014-2015 displaced many.", P, "2014-2015", "2014-01-01", "2015-12-31", "range", "absolute"),
    ("Between 2020 and 2022 the number tripled.", P, "Between 2020 and 2022", "2020-01-01", "2022-12-31", "range", "absolute"),
    ("The drills ran March 1-5.", P, "March 1-5", "2024-03-01", "2024-03-05", "range", "published"),
    # named periods
    ("After Russia invaded Ukraine in 2022, men fled.", None, "After Russia invaded Ukraine in 2022", "2022-02-24", None, "day", "absolute"),
    ("Under martial law, 450 groups were found in Ukraine.", None, "Under martial law", "2022-02-24", None, "day", "absolute"),
    ("Since the beginning of martial law, 30 Ukrainians have died.", P, "Since the beginning of martial law", "2022-02-24", None, "day", "absolute"),
    ("Since the full-scale invasion, Ukraine has banned men from leaving.", P, "Since the full-scale invasion", "2022-02-24", None, "day", "absolute"),
    ("Since Russia's full-scale invasion of Ukraine, exits are banned.", P, "Since Russia's full-scale invasion of Ukraine", "2022-02-24", None, "day", "absolute"),
    ("Since the partial mobilisation, many Russian men left.", P, "Since the partial mobilisation", "2022-09-21", None, "day", "absolute"),
    ("Since the annexation of Crimea in 2014, the peninsula is isolated.", P, "Since the annexation of Crimea in 2014", "2014-03-18", None, "day", "absolute"),
    ("Since the Taliban takeover, Afghans have fled.", P, "Since the Taliban takeover", "2021-08-15", None, "day", "absolute"),
]


_LEADING_PREP = re.compile(r"(?i)(?:on|in|since|from|by|during|until|through|as of|of|for|over|at|before|after)\s")


def _find(analysis, expression):
    """The mention whose phrase (with its preposition) is ``expression``."""
    for t in analysis.times:
        ps, pe = t.phrase or t.span
        if analysis.text[ps:pe] == expression:
            return t
    return None


@pytest.mark.parametrize("text,published,expr,start,end,precision,anchor", CASES,
                         ids=[f"{i}-{c[2]}" for i, c in enumerate(CASES)])
def test_timex(analyse, text, published, expr, start, end, precision, anchor):
    a = analyse(text, published, stages=("times",))
    if expr is None:
        assert a.times == []
        return
    t = _find(a, expr)
    assert t is not None, [(x.text, x.start) for x in a.times]
    assert text[t.span[0]:t.span[1]] == t.text
    assert not _LEADING_PREP.match(t.text), "TimeML spans leave the preposition out"
    assert t.phrase[0] <= t.span[0] and t.phrase[1] == t.span[1]
    assert (t.start, t.end, t.precision, t.anchor) == (start, end, precision, anchor)


def test_enough_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text", [
    "A 41-year-old deserter was detained.",
    "The man, aged 35, may face charges.",
    "He may be released soon.",
    "Prices may fall further.",
    "The 58th Combined Arms Army has lost around 2,500 soldiers.",
])
def test_not_times(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [t.text for t in a.times] == []


def test_named_period_needs_its_context(analyse):
    a = analyse("Under martial law, protests were banned in the Philippines.", P, stages=("times",))
    assert all(t.start != "2022-02-24" for t in a.times)


def test_no_publication_date_never_anchors_to_today(analyse):
    a = analyse("Yesterday and last week and on Monday, 3 days ago, things happened.", None, stages=("times",))
    assert a.times
    for t in a.times:
        assert (t.start, t.end, t.anchor, t.precision) == (None, None, "unresolved", "unknown")


def test_seed_times_match_gold(analyse, seed_body, seed_gold):
    a = analyse(seed_body, seed_gold["published"], stages=("times",))
    for t in a.times:
        assert seed_body[t.span[0]:t.span[1]] == t.text
    got = {seed_body[t.phrase[0]:t.phrase[1]]: t for t in a.times}
    got.update({t.text: t for t in a.times})
    for claim in seed_gold["claims"]:
        g = claim.get("time")
        if not g:
            continue
        t = got[g["text"]]
        assert (t.start, t.end, t.precision) == (g["start"], g["end"], g["precision"])


def test_time_for_prefers_the_governing_clause(analyse):
    text = "On Monday the agency said that 30 men had drowned in 2023."
    a = analyse(text, P, stages=("times",))
    drowned = next(t.i for t in a.doc if t.lower_ == "drowned")
    said = next(t.i for t in a.doc if t.lower_ == "said")
    assert time_for(a, 0, drowned).text == "in 2023"
    assert time_for(a, 0, said).text == "On Monday"



def test_a_possessive_day_of_an_event_dates_the_claim(analyse):
    # "during Tuesday's march": the possessor dates the event the clause is placed by; a possessor
    # of a standard ("last year's total") dates the standard, not the claim
    text = "More than 40 people were arrested during Tuesday's march in Lyon, the organisers said on Wednesday."
    a = analyse(text, "2025-03-13", stages=("times",))
    arrested = next(t.i for t in a.doc if t.lower_ == "arrested")
    assert time_for(a, 0, arrested).start == "2025-03-11"
    text = "The 900 arrivals exceeded last year's total by 600, officials said on Wednesday."
    a = analyse(text, "2025-03-13", stages=("times",))
    assert time_for(a, 0, next(t.i for t in a.doc if t.lower_ == "600")).text == "on Wednesday"

def test_time_for_falls_back_to_the_dateline(analyse):
    text = "KYIV, March 3 (Reuters) - Border guards detained 12 men.\n\nThirty bodies have been found."
    a = analyse(text, "2024-03-04", stages=("times",))
    t = time_for(a, len(a.sentences) - 1, None)
    assert t is not None and t.start == "2024-03-03"


def test_time_for_without_any_time(analyse):
    a = analyse("Border guards detained 12 men.\n\nThirty bodies were found.", P, stages=("times",))
    assert time_for(a, 1, None) is None


@pytest.mark.parametrize("precision,start,end,value", [
    ("day", "2024-03-09", "2024-03-09", "2024-03-09"),
    ("month", "2024-02-01", "2024-02-29", "2024-02"),
    ("year", "2022-01-01", "2022-12-31", "2022"),
    ("week", "2024-03-11", "2024-03-17", "2024-W11"),
    ("range", "2021-07-01", "2021-09-30", "2021-Q3"),
    ("unknown", None, None, None),
])
def test_timeml_value(precision, start, end, value):
    t = TimeMention((0, 1), "x", start, end, precision, "absolute")
    assert timeml_value(t) == value


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2040, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_latest_on_or_before_publication(pub, weekday):
    from datetime import date, timedelta

    start, end, precision, anchor = normalise_text(f"on {weekday}", pub.isoformat())
    d = date.fromisoformat(start)
    assert d.strftime("%A") == weekday and pub - timedelta(days=6) <= d <= pub
    assert (end, precision, anchor) == (start, "day", "published")


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1700, 1, 1), max_value=__import__("datetime").date(2099, 12, 31)))
def test_absolute_dates_round_trip(d):
    for text in (d.strftime("%B %-d, %Y"), d.strftime("%-d %B %Y"), d.isoformat()):
        assert normalise_text(text, None) == (d.isoformat(), d.isoformat(), "day", "absolute")


def test_stage_contract():
    assert STAGE.name == "timex" and STAGE.provides == ("times",) and STAGE.requires == ("doc",)
