"""TimeML normalisation conventions of the time layer: each rule with sentences of its own."""

from __future__ import annotations

import pytest

P = "2022-09-27"  # a Tuesday

# (text, published, TimeML span, value, type)
CASES = [
    # a day right after a verb of saying dates the saying, even when the parser hangs it on the complement
    # after it: "would" there is a future in the past, which does not move the day after publication
    ("The ministry said on Friday it would send troops to the border.", P, "Friday", "2022-09-23", "DATE"),
    ("Prosecutors said Wednesday they would appeal the verdict.", P, "Wednesday", "2022-09-21", "DATE"),
    ("The mayor said the families would be rehoused on Friday.", P, "Friday", "2022-09-30", "DATE"),
    # an abbreviated month followed by its day is a day, whatever word comes before it
    ("The mill was sold last Oct. 12 to a rival.", "2023-04-19", "Oct. 12", "2022-10-12", "DATE"),
    # a clock time with a bracketed conversion takes the day named after the bracket
    ("The quake struck at about 9:10 a.m. (0610 GMT) Sunday, officials said.", P, "about 9:10 a.m.",
     "2022-09-25T09:10", "TIME"),
    ("At 0600 UTC the central banks cut rates.", P, "0600 UTC", "2022-09-27T06:00Z", "TIME"),
    # a bare clock time in a past clause is on the day the report last named
    ("The ferry left on Sept. 12. It sank at 11 p.m. near the coast.", P, "11 p.m.", "2022-09-12T23:00", "TIME"),
    # the quarter a year before the one reported, however a quarterly report words it
    ("Acme lost $3 million. In the year-ago second quarter it earned $1 million.", P,
     "the year-ago second quarter", "2021-Q2", "DATE"),
    ("Acme lost $3 million in the second quarter, against a profit in the quarter a year earlier.", P,
     "the quarter a year earlier", "2021-Q2", "DATE"),
    ("Acme lost $3 million in the second quarter, compared with a gain for the corresponding period last year.", P,
     "the corresponding period last year", "2021-Q2", "DATE"),
    # with no quarter in the report, "the same period last year" is a part of last year, not a quarter
    ("Road deaths rose 12 percent compared with the same period last year.", P, "the same period last year", "2021",
     "DATE"),
    # a month that ends a sentence stays a month when the next sentence opens with a figure
    ("The floods began in May. 12 people died.", P, "May", "2022-05", "DATE"),
    ("Acme lost $3 million. Exports for last year's quarter were flat.", P, "last year's quarter", "2021-Q2", "DATE"),
    ("Orders rose 9% in August compared to the same period last year.", P, "the same period last year", "2021-08",
     "DATE"),
    ("Net for the year-earlier nine months included a gain.", P, "the year-earlier nine months", "P9M", "DURATION"),
    ("In the final quarter of 2021, sales doubled.", P, "the final quarter of 2021", "2021-Q4", "DATE"),
    ("In the last quarter of 2021, sales doubled.", P, "the last quarter of 2021", "2021-Q4", "DATE"),
    ("Sales doubled last quarter.", P, "last quarter", "2022-Q2", "DATE"),
    # a duration keeps the words between its number and its unit, and its half
    ("The lease runs for three more years.", P, "three more years", "P3Y", "DURATION"),
    ("The option may be extended for an additional month.", P, "an additional month", "P1M", "DURATION"),
    ("Shares fell for four straight days.", P, "four straight days", "P4D", "DURATION"),
    ("Over the past ten trading days, the index lost 3%.", P, "the past ten trading days", "P10D", "DURATION"),
    ("The families waited 3 1/2 years for a ruling.", P, "3 1/2 years", "P3Y6M", "DURATION"),
    ("An hour and a half later, the rain stopped.", P, "An hour and a half later", "PT1H30M", "DURATION"),
    ("A few weeks later, the firm was sold.", P, "A few weeks later", "PXW", "DURATION"),
    # "the day" of a market report: the day last named, else the reference day
    ("On Monday the Nikkei fell 2%. It ended the day at 27,100.", P, "the day", "2022-09-26", "DATE"),
    ("Shares recovered later in the day.", P, "the day", "2022-09-27", "DATE"),
    ("For the day, the FTSE lost 40 points.", P, "the day", "2022-09-27", "DATE"),
    # a day a clause sets as its deadline takes no direction from the clause's tense: the nearest one
    ("The court has set Oct. 3 as the deadline for bids.", P, "Oct. 3", "2022-10-03", "DATE"),
    ("The calendar lists May 8 as the date of the vote.", P, "May 8", "2023-05-08", "DATE"),  # a present: ahead
    # "the day" set beside a day just named is that day
    ("The ferry left on Sept. 12, the day before the storm.", P, "the day", "2022-09-12", "DATE"),
    ("The talks ended on Friday, the day after the vote.", P, "the day", "2022-09-23", "DATE"),
    # centuries, decades in words, noon as "midday", "year's end", "that year"
    ("The abbey is a 12th-century building.", P, "12th-century", "11", "DATE"),
    ("It was the bloodiest war of the twentieth century.", P, "the twentieth century", "19", "DATE"),
    ("Crime fell through the nineties.", P, "the nineties", "199", "DATE"),
    ("The court will rule at midday.", P, "midday", "2022-09-27T12:00", "TIME"),
    ("The deal should close by year's end.", P, "year's end", "2022", "DATE"),
    ("She left Lima in May 2019 and came back later that year.", P, "later that year", "2019", "DATE"),
    ("Exports hit $4 billion in 2017. Imports fell that year.", P, "that year", "2017", "DATE"),
    ("Prices last fell this low in the summer of nineteen eighty-six.", P, "the summer of nineteen eighty-six",
     "1986-SU", "DATE"),
    ("Margins will stay thin in the near term.", P, "the near term", "FUTURE_REF", "DATE"),
    ("The rest will be sold at a later date.", P, "a later date", "FUTURE_REF", "DATE"),
    # "the following/previous <unit>" counts from the last date or period the report named
    ("The plant opened in 2004. Strikes closed it. The following year it was sold.", P, "The following year",
     "2005", "DATE"),
    ("Talks began in March. Nobody expected much. The following month, a deal was signed.", P,
     "The following month", "2022-04", "DATE"),
    # "the year previous" / "the year before" ending its clause is the previous year of the one named
    ("Revenue fell to $118 billion last year, $19.8 billion less than the year previous.", P, "the year previous",
     "2020", "DATE"),
    ("Sales fell to $300 million in 2021, down from $450 million the year before.", P, "the year before", "2020",
     "DATE"),
    # a span of unstated length back from the report placing a past event, or a noun's, is the past (PAST_REF);
    # with a perfect, or after "for", it measures the time up to now
    ("As the peso slid in recent years, the mill closed.", P, "recent years", "PAST_REF", "DATE"),
    ("The merger wave of recent years left few independents.", P, "recent years", "PAST_REF", "DATE"),
    ("Farmers have suffered from drought in recent years.", P, "recent years", "PXY", "DURATION"),
    ("Smith in recent weeks has hired two aides.", P, "recent weeks", "PXW", "DURATION"),
    ("He worked at the port for the past few years.", P, "the past few years", "PXY", "DURATION"),
    # half years, weeks named by a day or by their place in a month
    ("Earnings will be weaker in the second half of 2023.", P, "the second half of 2023", "2023-H2", "DATE"),
    ("A hearing is set for the week of Oct. 10.", P, "the week of Oct. 10", "2022-W41", "DATE"),
    ("Sales recovered in the last week of August.", P, "the last week of August", "2022-W34", "DATE"),
    ("Sales recovered in the first week of August.", P, "the first week of August", "2022-W31", "DATE"),
    # a quarter called fiscal with a hyphen
    ("The mill lost money in the fiscal-second quarter.", P, "the fiscal-second quarter", "2022-Q2", "DATE"),
    # an end bound on a weekday ahead: a deferral or a state that runs on; a past state ends on the last one
    ("The judge postponed until Thursday morning any ruling on bail.", P, "Thursday morning", "2022-09-29TMO",
     "TIME"),
    ("The agency has given the tenants until 5 p.m. Friday to leave.", P, "5 p.m. Friday", "2022-09-30T17:00", "TIME"),
    ("The ports remain closed until Monday.", P, "Monday", "2022-10-03", "DATE"),
    ("Some 9,000 people have crossed the pass until Sunday.", P, "Sunday", "2022-09-25", "DATE"),
    ("The miners stayed underground until Sunday.", P, "Sunday", "2022-09-25", "DATE"),
    ("Up until Monday, police had named no suspect.", P, "Monday", "2022-09-26", "DATE"),
    ("The first trains are not due until July.", "2023-01-10", "July", "2023-07", "DATE"),
    ("The exhibition ran until July.", "2023-01-10", "July", "2022-07", "DATE"),
    # a bare verb with a singular subject is a past tense ("hurt", "cut", "set" read as presents)
    ("Weakness in bank shares hurt the index on Friday.", P, "Friday", "2022-09-23", "DATE"),
    ("Brown and Smith hurt their chances if they sell on Friday.", P, "Friday", "2022-09-30", "DATE"),
    # "overnight" in a past clause is the night before the day the story is about, else before the reference
    ("Tokyo shares fell on Thursday. Overnight losses in New York weighed on banks.", P, "Overnight",
     "2022-09-21TNI", "TIME"),
    ("Overnight losses in New York weighed on banks.", P, "Overnight", "2022-09-26TNI", "TIME"),
    # a month of a noun's event is not dated by a past verb: the nearest one
    ("The ministry warned refiners of a sharp cutback in its oil exports in November.", P, "November", "2022-11",
     "DATE"),
    ("The ministry cut supplies in November.", P, "November", "2021-11", "DATE"),
    # a past midnight with no day named ended the day before
    ("The curfew began at midnight.", P, "midnight", "2022-09-26T24:00", "TIME"),
    ("The curfew will begin at midnight.", P, "midnight", "2022-09-27T24:00", "TIME"),
    # a modal predicate has not happened yet; a perfect one has
    ("Talks may resume on Thursday.", P, "Thursday", "2022-09-29", "DATE"),
    ("Banks should reopen on Monday.", P, "Monday", "2022-10-03", "DATE"),
    ("The climber may have died on Sunday.", P, "Sunday", "2022-09-25", "DATE"),
    # an hour in words or figures before "in the morning/evening" is a clock time; a bracket may name its day
    ("The convoy will leave at four in the morning on Thursday.", P, "four in the morning on Thursday",
     "2022-09-29T04:00", "TIME"),
    # a clock time's day may be written day first ("at 3am on 14 December 2025", "at 10.30pm on 3 March")
    ("The boat left shortly after 3am on 14 December 2021.", P, "shortly after 3am on 14 December 2021",
     "2021-12-14T03:00", "TIME"),
    ("The blast happened at 10.30pm on 3 March.", P, "10.30pm on 3 March", "2022-03-03T22:30", "TIME"),
    ("The talks ended at 7 o'clock in the evening.", P, "7 o'clock in the evening", "2022-09-27T19:00", "TIME"),
    # a present verb's weekday is ahead, unless it dates an event the verb follows or a past clause tells
    ("The review follows clashes on Sunday in which seven people were killed.", P, "Sunday", "2022-09-25", "DATE"),
    ("The decision comes after storms on Sunday that damaged 12 homes.", P, "Sunday", "2022-09-25", "DATE"),
    ("The inquiry follows protests on Monday near the parliament.", P, "Monday", "2022-09-26", "DATE"),
    ("Round two follows on Friday in Leeds.", P, "Friday", "2022-09-30", "DATE"),
    ("The minister announces a meeting on Friday with the unions.", P, "Friday", "2022-09-30", "DATE"),
    ("The festival returns after a break on Friday.", P, "Friday", "2022-09-30", "DATE"),
    # a 24-hour clock written with "hrs"/"hours" keeps the day named after it
    ("The ferry capsized at about 06:40 hrs yesterday off the island.", P, "about 06:40 hrs yesterday",
     "2022-09-26T06:40", "TIME"),
    ("Troops crossed the river at 23:10 hours on Sunday.", P, "23:10 hours on Sunday", "2022-09-25T23:10", "TIME"),
    ("The ferry docked at 6 in the morning (1000 GMT Sunday), the port said.", P, "6 in the morning",
     "2022-09-25T06:00", "TIME"),
    # a fiscal year named relative to the report: the year it is named by; "the latest" is the last one closed
    ("Sales rose 5% in the latest fiscal year.", P, "the latest fiscal year", "2021", "DATE"),
    ("The firm expects growth this fiscal year.", P, "this fiscal year", "2022", "DATE"),
    ("Profit fell last fiscal year.", P, "last fiscal year", "2021", "DATE"),
    # "that quarter" is the quarter of the last period named; "the weeks ahead" a stretch from the reference on
    ("Acme lost $3 million in the second quarter. Results for that quarter included a charge.", P, "that quarter",
     "2022-Q2", "DATE"),
    ("Funds may have to sell bonds in the weeks ahead.", P, "the weeks ahead", "PXW", "DURATION"),
    ("The years to come will be hard.", P, "The years to come", "PXY", "DURATION"),
    # "the Nth day of" an ongoing event as the complement of a present "is": the report's day
    ("In the capital, today is the eighth day of the blockade.", P, "the eighth day", "2022-09-27", "DATE"),
    ("It's the second day of a strike by dock workers.", P, "the second day", "2022-09-27", "DATE"),
    # "one day" after a modal is an unnamed day ahead; "in one day" a duration
    ("Islam will one day be the second largest religion there.", P, "one day", "FUTURE_REF", "DATE"),
    ("He might one day lead the party.", P, "one day", "FUTURE_REF", "DATE"),
    ("Shares lost 4% in one day.", P, "one day", "P1D", "DURATION"),
    # a day of the month as a spoken ordinal ("March eighth", "the eighth of March")
    ("Women's Day is this coming Sunday, March eighth.", "2023-03-02", "Sunday, March eighth", "2023-03-08", "DATE"),
    ("The vote is set for May twenty-first.", "2023-03-02", "May twenty-first", "2023-05-21", "DATE"),
    ("Elections are due on the eighth of March.", "2023-02-02", "the eighth of March", "2023-03-08", "DATE"),
    # "the day before/after" a named day is the day next to it
    ("The day before last Tuesday's hearing, the uncle visited.", P, "The day before last Tuesday", "2022-09-19", "DATE"),
    ("Troops left the morning after Sept. 3.", P, "the morning after Sept. 3", "2022-09-04TMO", "TIME"),
    ("The rally was held the night after Sept. 3.", P, "the night after Sept. 3", "2022-09-03TNI", "TIME"),
    # "post-1959", a holiday's week, "this crucial moment", "over the years", "for a while"
    ("The post-1959 politics split families.", P, "post-1959", "1959", "DATE"),
    ("Pilgrims arrived as Easter week began.", "2023-04-03", "Easter week", "2023-W14", "DATE"),
    ("He would not travel at this crucial moment.", P, "this crucial moment", "PRESENT_REF", "DATE"),
    ("Over the years many patients died.", P, "the years", "PXY", "DURATION"),
    ("In the years that followed, the rebels fought on.", P, "the years", "PXY", "DURATION"),
    ("They will have to live without power for a while.", P, "a while", "PXX", "DURATION"),
    # "the past year" is dated as last year (its claim period stays the twelve months up to the reference)
    ("Hate groups grew over the past year.", P, "the past year", "2021", "DATE"),
    ("Hate groups grew over the past month.", P, "the past month", "P1M", "DURATION"),
    # "N weeks ago" names the day (the claim keeps the week); "or so" stays in the span
    ("The quake hit the country a week ago.", P, "a week ago", "2022-09-20", "DATE"),
    ("Then, a week or so ago, the general chose the date.", P, "a week or so ago", "2022-09-20", "DATE"),
    # "single-day", "day-long": one unit
    ("It was the worst single-day decline since 2001.", P, "single-day", "P1D", "DURATION"),
    ("They left their third day-long meeting.", P, "day-long", "P1D", "DURATION"),
    # "late in the day" before a clause is the story's day; "the day after the vote" is another day
    ("The Dow rebounded late in the day after falling 250 points.", P, "the day", "2022-09-27", "DATE"),
    # a two-digit year: "7/8/07" (US month/day), "since '82"; "the entire year" after a period named with its year
    ("The date matches 7/8/07 in the American format.", "2007-07-09", "7/8/07", "2007-07-08", "DATE"),
    ("The Nikkei is at its lowest level since '82.", "2008-10-27", "'82", "1982", "DATE"),
    ("GM lost $6 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.", "2006-01-27",
     "the entire year", "2005", "DATE"),
    ("Sales will rise for the entire year.", P, "the entire year", "2022", "DATE"),
    # "as of" a day or a month: the latest one (a state up to a day that has come)
    ("As of February, the store accounts for 70% of sales.", "2008-04-09", "February", "2008-02", "DATE"),
    ("As of Friday, the border stays open.", P, "Friday", "2022-09-23", "DATE"),
    # a season with its part: the season, TIMEX3 mod START / END
    ("Orders recovered from the lows of the early summer.", P, "the early summer", "2022-SU", "DATE"),
    ("Exports slumped in late spring.", P, "late spring", "2022-SP", "DATE"),
    # a bare part of the day in a past clause: that part of the day last named, else of the reference day
    ("Bond prices slid on Monday. Traders sold heavily in the morning.", P, "the morning", "2022-09-26TMO", "TIME"),
    ("By mid afternoon the shelling had stopped.", P, "mid afternoon", "2022-09-27TAF", "TIME"),
    # an infinitive that is the subject of a past "be" takes its tense, not the forward "is to" reading
    ("Among the first two carmakers to recall vehicles on Friday were Ford and Kia.", P, "Friday", "2022-09-23", "DATE"),
    ("To resign on Friday was his own choice.", P, "Friday", "2022-09-23", "DATE"),
    ("The board is to vote on the merger on Friday.", P, "Friday", "2022-09-30", "DATE"),
    # a weekday in a forward clause, written on that weekday, is the day of the report; "next" the one after
    ("The offer expires Friday.", "2022-09-30", "Friday", "2022-09-30", "DATE"),
    ("The offer expires next Friday.", "2022-09-30", "next Friday", "2022-10-07", "DATE"),
    # "in" and a count of units in a forward clause is the point that far ahead; elsewhere a duration
    ("The bonds will be repaid in three years.", P, "three years", "2025", "DATE"),
    ("The bridge will reopen in two weeks.", P, "two weeks", "2022-W41", "DATE"),
    ("Exports rose 8% in three years.", P, "three years", "P3Y", "DURATION"),
    ("The bonds will be repaid in a year or two.", P, "a year", "P1Y", "DURATION"),
    # "that same day" is the day last named; after a month only, a day of it left unspecified
    ("The plant shut on Aug. 3. Its website went dark that same day.", P, "that same day", "2022-08-03", "DATE"),
    ("The plant shut in August. Its website went dark that same day.", P, "that same day", "2022-08-XX", "DATE"),
]


@pytest.mark.parametrize("text,published,span,value,typ", CASES, ids=[c[2] for c in CASES])
def test_timeml_convention(analyse, text, published, span, value, typ):
    a = analyse(text, published, stages=("times",))
    t = next((t for t in a.times if t.text == span), None)
    assert t is not None, [(x.text, x.value) for x in a.times]
    assert text[t.span[0]:t.span[1]] == t.text
    assert (t.value, t.type) == (value, typ)


def test_a_bracketed_clock_keeps_its_day_a_separate_expression(analyse):
    text = "The quake struck at 9:10 a.m. (0610 GMT) Sunday."
    a = analyse(text, P, stages=("times",))
    assert [(t.text, t.value) for t in a.times] == [("9:10 a.m.", "2022-09-25T09:10"), ("Sunday", "2022-09-25")]


def test_a_bracketed_conversion_is_no_time_of_its_own(analyse):
    a = analyse("The rally (1300 GMT) was peaceful.", P, stages=("times",))
    assert a.times == []


def test_a_bare_clock_time_in_a_past_clause_takes_the_day_the_story_named_sentences_before(analyse):
    # no clock time is told without its day: the story's last day, however many sentences back
    a = analyse("The ferry left on Sept. 12. It was full. Crews were tired. It sank at 11 p.m.", P, stages=("times",))
    assert [t.value for t in a.times if t.text == "11 p.m."] == ["2022-09-12T23:00"]


def test_a_clock_time_in_a_present_clause_is_on_the_reference_day(analyse):
    a = analyse("The ferry left on Sept. 12. The office opens at 9 a.m.", P, stages=("times",))
    assert [t.value for t in a.times if t.text == "9 a.m."] == ["2022-09-27T09:00"]


def test_the_following_year_without_a_named_period_counts_from_the_reference(analyse):
    a = analyse("The following year will be harder.", P, stages=("times",))
    assert [t.value for t in a.times] == ["2023"]


def test_a_half_year_bounds_the_claim_by_calendar_halves(analyse):
    a = analyse("Sales fell in the first half of 2021.", P, stages=("times",))
    t = next(t for t in a.times if t.value == "2021-H1")
    assert (t.start, t.end) == ("2021-01-01", "2021-06-30")


@pytest.mark.parametrize("text", [
    "He spoke on the day before the vote.",
    "The day belonged to the challengers.",
    "They started the day after he died.",
    "In 2019, the day before the vote was calm.",
    "The talks opened on Monday. The toll rose to 12, the day after the storm hit.",
])
def test_the_day_of_something_else_is_no_time(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [t.text for t in a.times if t.text.lower().endswith("the day")] == []


@pytest.mark.parametrize("text", ["He left the year before the war.", "Sales fell in the year prior to the merger."])
def test_the_year_before_an_event_is_no_year_of_the_report(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == []


def test_that_year_with_no_year_named_is_no_time(analyse):
    a = analyse("Prices rose that year.", P, stages=("times",))
    assert [(t.text, t.value) for t in a.times if "year" in t.text] in ([], [("that year", None)])


@pytest.mark.parametrize("text", ["After a weekend of talks the union agreed.", "The board declared a quarterly dividend."])
def test_a_unit_inside_a_longer_word_is_no_duration(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [(t.text, t.value) for t in a.times if t.type == "DURATION"] == []


def test_a_long_term_adjective_is_no_time(analyse):
    a = analyse("The company stressed the long-term value of the deal.", P, stages=("times",))
    assert a.times == []


@pytest.mark.parametrize("text", ["At the end of the day, 40 people were killed.", "The Lakers led in the final quarter."])
def test_idioms_and_a_game_quarter_are_no_time(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == []


@pytest.mark.parametrize("text,expected", [
    ("Envoys met in Geneva on Monday and Thursday.", [("Monday", "2022-09-26"), ("Thursday", "2022-09-22")]),
    ("The ferries sail Friday to Sunday this week.", [("Friday", "2022-09-30"), ("Sunday", "2022-10-02"),
                                                      ("this week", "2022-W39")]),
])
def test_two_weekdays_joined_by_a_word_are_two_days(analyse, text, expected):
    a = analyse(text, P, stages=("times",))
    assert [(t.text, t.value) for t in a.times] == expected


def test_the_year_after_a_ranges_second_month_dates_the_first_too(analyse):
    a = analyse("Prices rose between June and August of 2019.", P, stages=("times",))
    parts = [p for t in a.times for p in (t.parts or (t,))]
    assert [(p.text, p.value) for p in parts] == [("June", "2019-06"), ("August of 2019", "2019-08")]


def _parts(a) -> list[tuple[str, str | None]]:
    return [(p.text, p.value) for t in a.times for p in (t.parts or (t,))]


@pytest.mark.parametrize("text,expected", [
    ("Exports fell 4% in the first nine months of 2021.", [("the first nine months", "P9M"), ("2021", "2021")]),
    ("Rainfall was low in the first six weeks of the year.", [("the first six weeks", "P6W"), ("the year", "2022")]),
    ("Rainfall was low in the first six weeks of last year.", [("the first six weeks", "P6W"), ("last year", "2021")]),
])
def test_a_span_of_days_weeks_or_months_of_a_year_is_a_duration_and_the_year(analyse, text, expected):
    a = analyse(text, P, stages=("times",))
    assert _parts(a) == expected
    whole = a.times[0]  # the claim's period stays the whole span, from the year's first day
    assert whole.start == expected[1][1] + "-01-01" and whole.end is not None


def test_a_span_of_quarters_of_a_year_stays_one_expression(analyse):
    a = analyse("Output fell in the first two quarters of 2021.", P, stages=("times",))
    assert [text for text, _ in _parts(a)] == ["the first two quarters of 2021"]


@pytest.mark.parametrize("text", ["The bakery opens in the morning.", "Crews will return in the afternoon.",
                                  "The attack came in the morning of March 3."])
def test_a_part_of_the_day_outside_a_past_clause_or_of_a_named_day_is_no_time_of_its_own(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert not any(t.text in ("the morning", "the afternoon") for t in a.times), [(t.text, t.value) for t in a.times]


@pytest.mark.parametrize("text", ["Temperatures were in the nineties all week.", "Daytime highs stayed in the '80s."])
def test_a_decade_without_its_century_in_a_sentence_about_temperatures_is_degrees(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == [], [(t.text, t.value) for t in a.times]


@pytest.mark.parametrize("text,value", [("Grain prices were high in the '70s.", "197"),
                                        ("Crime fell in the nineties. Temperatures rose later.", "199")])
def test_a_decade_stays_a_decade_beside_other_words(analyse, text, value):
    a = analyse(text, P, stages=("times",))
    assert [t.value for t in a.times] == [value]


def test_a_season_keeps_its_part_as_the_mod(analyse):
    a = analyse("Exports slumped in late spring.", P, stages=("times",))
    assert [(t.value, t.mod) for t in a.times] == [("2022-SP", "END")]


@pytest.mark.parametrize("text", ["The fall of the Berlin Wall changed Europe.", "Nobody foresaw the spring of revolt."])
def test_a_fall_or_spring_of_something_is_a_noun(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == [], [(t.text, t.value) for t in a.times]


@pytest.mark.parametrize("text", ["He was sworn in on the first day of the session.",
                                  "The first day of the course is always hard."])
def test_the_nth_day_of_an_event_outside_a_present_is_is_no_date(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == [], [(t.text, t.value) for t in a.times]


def test_an_ordinal_word_before_a_month_without_of_is_no_day(analyse):
    a = analyse("The first March of the season drew thousands.", P, stages=("times",))
    assert all(t.precision != "day" for t in a.times), [(t.text, t.value) for t in a.times]


def test_a_figure_before_a_capitalised_unit_is_a_title(analyse):
    a = analyse("The senator said on CBS's 60 Minutes that the bill would pass. It took 60 minutes.", P,
                stages=("times",))
    assert [t.text for t in a.times] == ["60 minutes"]


@pytest.mark.parametrize("text", ["In the years of the war, food was short.", "The years ahead look grim for them."])
def test_the_years_of_something_are_no_vague_duration(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert not any(t.value == "PXY" and t.text == "the years" for t in a.times), [(t.text, t.value) for t in a.times]


def test_the_past_year_keeps_the_twelve_months_for_the_claim(analyse):
    a = analyse("Hate groups grew over the past year.", P, stages=("times",))
    assert [(t.start, t.end) for t in a.times] == [("2021-09-27", "2022-09-27")]


@pytest.mark.parametrize("text,expected", [
    ("The process would take between 60 and 90 days.", [("60", "P60D"), ("90 days", "P90D")]),
    ("The wait is between two to six days.", [("two", "P2D"), ("six days", "P6D")]),
    ("Shipments resume within two to three weeks.", [("two to three weeks", "P2W")]),
    ("He served two and a half years.", [("two and a half years", "P2Y6M")]),
])
def test_a_duration_range_after_between_is_two_durations(analyse, text, expected):
    a = analyse(text, P, stages=("times",))
    assert _parts(a) == expected


def test_decades_without_their_apostrophe_after_the(analyse):
    a = analyse("Ford rid Detroit of the boxy cars of the 70s and 80s.", P, stages=("times",))
    assert [(t.text, t.value) for t in a.times] == [("the 70s", "197"), ("80s", "198")]


@pytest.mark.parametrize("text", ["Highs were in the 70s all week.", "She is in her 70s.", "He scored 80s twice."])
def test_a_figure_in_the_tens_is_no_decade_without_the_or_beside_temperatures(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert a.times == [], [(t.text, t.value) for t in a.times]


def test_late_in_the_day_after_a_named_event_is_no_story_day(analyse):
    a = analyse("Talks resumed late in the day after the vote.", P, stages=("times",))
    assert a.times == [], [(t.text, t.value) for t in a.times]


@pytest.mark.parametrize("text,published,value", [
    # a winter still running in January or February began the December before
    ("It was the fourth body found in the mountains this winter.", "2026-02-20", "2025-WI"),
    ("Snow fell heavily last winter, the police said.", "2026-02-20", "2024-WI"),
    ("More crossings are expected next winter.", "2026-02-20", "2026-WI"),
    ("More crossings are expected this winter.", "2026-07-01", "2026-WI"),
    # a past clause in summer speaks of the winter just gone
    ("It was the fourth body found this winter.", "2026-07-01", "2025-WI"),
    ("Crossings rose this summer.", "2026-12-15", "2026-SU"),
])
def test_a_season_is_the_one_running_or_the_one_the_tense_points_to(analyse, text, published, value):
    a = analyse(text, published, stages=("times",))
    assert [t.value for t in a.times] == [value]


@pytest.mark.parametrize("text", ["Crowds gathered on 26 September Street in the evening.",
                                  "The wounded were taken to the May 15 Hospital.",
                                  "The bodies were found aboard the Summer Love."])
def test_a_date_or_season_that_is_part_of_a_name_is_no_time(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert not any(t.type == "DATE" for t in a.times), [(t.text, t.value) for t in a.times]


def test_a_date_before_a_name_on_the_next_line_stays_a_date(analyse):
    a = analyse("Markets rallied\nMarch 13, 2009\nWall Street had its best week.", P, stages=("times",))
    assert [t.value for t in a.times] == ["2009-03-13"]


def test_a_clock_time_in_a_past_clause_falls_on_the_day_the_story_stated_before(analyse):
    text = ("A fire swept through the camp on Sunday afternoon, officials said. The commissioner said two children "
            "had died. \"The fire started at around 2.30 pm in a kitchen,\" he said.")
    a = analyse(text, "2026-01-13", stages=("times",))
    assert [t.value for t in a.times] == ["2026-01-11TAF", "2026-01-11T14:30"]


@pytest.mark.parametrize("text", ["The summit runs May 18 – 20, 2026.", "The festival runs May 18 – 20 in Paris."])
def test_a_spaced_dash_between_two_days_that_ends_the_phrase_is_a_range(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [t.precision for t in a.times] == ["range"], [(t.text, t.value) for t in a.times]


@pytest.mark.parametrize("text", ["Timeline:\nMarch 10 – 25,000 tickets sold in the first hour.",
                                  "Key dates:\nJune 3 - 12,500 runners start the marathon."])
def test_a_figure_with_a_thousands_separator_after_an_entry_dash_is_no_second_day(analyse, text):
    a = analyse(text, P, stages=("times",))
    assert [t.precision for t in a.times] == ["day"], [(t.text, t.value) for t in a.times]


def test_a_log_lines_four_figure_stamp_is_no_year_when_its_block_stamps_clock_times(analyse):
    text = ("Shift log, 3 May 2022\n\n0312 - Call received from a farm.\n1902 - 4 patients taken to hospital.\n"
            "2215 - Unit stood down.")
    a = analyse(text, P, stages=("times",))
    assert [(t.value or "")[-6:] for t in a.times if t.text == "1902"] == ["T19:02"]  # its clock time, no year
    # a timeline's year lines are no clock times
    from claimwatch.extract.timex_plausible import clock_stamp_of_a_log
    text = "Timeline\n\n1998 - 12 climbers died in an avalanche.\n2014 - 16 guides were killed."
    assert not clock_stamp_of_a_log(text, text.index("1998"), text.index("1998") + 4)


def test_a_bare_stamp_is_a_clock_time_in_a_log_whose_other_stamps_name_their_zone(analyse):
    # "0312 UTC -" stamps the block as a log as much as "0312 -" does
    text = ("Shift log\n\n0312 UTC - Call received from a farm.\n1902 - 4 patients taken to hospital.\n"
            "2230 UTC - Unit stood down.")
    a = analyse(text, P, stages=("times",))
    assert [(t.value or "")[-6:] for t in a.times if t.text == "1902"] == ["T19:02"]
    from claimwatch.extract.timex_plausible import clock_stamp_of_a_log
    text = "Club history\n\n1902 - 4 founding members met in a pub.\n1998 - the tower clock stopped."
    assert not clock_stamp_of_a_log(text, text.index("1902"), text.index("1902") + 4)


def test_a_log_lines_four_figure_stamp_is_its_clock_time_and_holds_no_figure(analyse):
    text = ("Overnight flood log:\n2015 - 14 passengers evacuated from a stranded train\n"
            "2140 - 3 more people rescued from roofs\n2305 - Two men arrested for looting")
    a = analyse(text, P, stages=("times",))
    stamps = [(t.text, (t.value or "")[-6:]) for t in a.times if t.text[:1].isdigit()]
    assert stamps == [("2015", "T20:15"), ("2140", "T21:40"), ("2305", "T23:05")], stamps
    # a timeline's year lines stay years, no clock times
    text = "Timeline\n\n1914 - 3 million men mobilised\n1916 - 400,000 soldiers killed at Verdun"
    a = analyse(text, P, stages=("times",))
    assert [(t.text, t.precision) for t in a.times] == [("1914", "year"), ("1916", "year")]


def test_a_log_stamps_clock_time_falls_on_the_logs_day(analyse):
    text = "Flood log, 3 May 2022\n\n2015 - 14 passengers evacuated from a train.\n2140 - 3 more people rescued."
    a = analyse(text, P, stages=("times",))
    assert [t.value for t in a.times if t.text in ("2015", "2140")] == ["2022-05-03T20:15", "2022-05-03T21:40"]
