"""The time a claim takes from the report (SPEC §2 time, Context): a reporting verb's date dates the
statement, the event takes its own date or the report's — but only a date of the same incident, not
of another act the report tells of before or after it (an arrest after a killing, charges after an
arrest)."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2026-03-12")     # a Thursday


def test_a_later_day_of_another_act_does_not_date_an_earlier_one(extract):
    arrest = count_claim(extract("Police arrested three men in Lyon. On Friday, a court charged them with fraud."), "three")
    assert arrest.time is None or arrest.time.text != "On Friday", arrest.time
    bombing = count_claim(extract("Three people were killed in a bombing in Kabul. Police arrested two suspects on Friday."),
                          "Three")
    assert bombing.time is None or bombing.time.text != "on Friday", bombing.time


def test_a_later_day_of_the_same_incident_still_dates_it(extract):
    c = count_claim(extract("Three people were killed in Kabul. The attack happened on Friday near the airport."), "Three")
    assert (c.time.text, c.time.start, c.time.scope) == ("on Friday", "2026-03-06", "article")


def test_a_follow_up_act_keeps_the_date_it_was_announced(extract):
    a = extract("A fire gutted a warehouse in Leeds on Saturday, killing two workers. "
                "Police said on Monday they had arrested a 17-year-old boy.")
    assert (count_claim(a, "a 17-year-old boy").time.start, count_claim(a, "two").time.start) == ("2026-03-09", "2026-03-07")
    troops = count_claim(extract("Gunmen killed 12 villagers on Sunday. Troops arrested 7 suspects, the army said on Tuesday."),
                         "7")
    assert (troops.time.text, troops.time.start, troops.time.scope) == ("on Tuesday", "2026-03-10", "sentence")


def test_the_harm_of_the_same_incident_takes_its_date_not_the_statements(extract):
    injured = count_claim(extract("Gunmen killed 12 villagers on Sunday. "
                                  "At least 5 others were injured, local officials said on Tuesday."), "At least 5")
    assert (injured.time.text, injured.time.start) == ("on Sunday", "2026-03-08")
    hurt = count_claim(extract("A train derailed near Lyon on Saturday.\n\n"
                               "The operator confirmed on Monday that twenty passengers were hurt."), "twenty")
    assert (hurt.time.text, hurt.time.start, hurt.time.scope) == ("on Saturday", "2026-03-07", "article")
    riot = count_claim(extract("Police arrested 41 people during riots in Marseille on Saturday night. "
                               "Twelve officers were hurt, the interior minister said on Monday."), "Twelve")
    assert (riot.time.text, riot.time.start) == ("on Saturday night", "2026-03-07")


@pytest.mark.parametrize("text, figure, day", [
    ("A fire broke out on a passenger ferry carrying 252 people off Basilan late on Monday, killing at least 31 "
     "passengers, the coast guard said on Tuesday.", "at least 31", "on Monday"),
    ("A fire broke out on a night train carrying 400 passengers near Lyon late on Friday, injuring 11 people, "
     "the rail operator said on Saturday.", "11", "on Friday"),
])
def test_the_incidents_day_in_the_same_sentence_outranks_the_statements(extract, text, figure, day):
    c = count_claim(extract(text), figure)
    assert (c.time.text, c.time.scope) == (day, "sentence")


def test_an_open_period_under_a_participle_does_not_date_the_sentences_event(extract):
    # "missing since Monday" describes the hikers; the search's find is Wednesday's, and the next sentence continues it
    a = extract("Rescuers searching for the 12 hikers missing since Monday found 3 bodies on Wednesday. "
                "Two more were found later.")
    c = count_claim(a, "Two")
    assert (c.time.text, c.time.scope) == ("on Wednesday", "paragraph")



def test_a_stance_verb_that_is_an_act_dates_the_event_not_a_statement(extract):
    # "attacked", "backed" are attribution cues of a stance in some corpora; here they are what happened
    c = count_claim(extract("On Tuesday night a gang attacked a bus depot in Leeds. Four drivers were hurt, police said on "
                            "Thursday."), "Four")
    assert (c.time.text, c.time.start, c.time.scope) == ("On Tuesday night", "2026-03-10", "paragraph")
    c = count_claim(extract("Rebels attacked a convoy near Goma on Sunday. Twelve soldiers died, the army said on Wednesday."),
                    "Twelve")
    assert (c.time.text, c.time.start) == ("on Sunday", "2026-03-08")
    # a stance that is speech still dates only the statement
    c = count_claim(extract("The union on Monday condemned the raid on its offices. Nine members were detained on Saturday, "
                            "it said."), "Nine")
    assert (c.time.text, c.time.start) == ("on Saturday", "2026-03-07")


def test_a_year_of_the_cause_or_offence_does_not_date_the_act(extract):
    # the parser hangs "in 2020" on "convicted": it closes the cause phrase, and dates the murder
    a = extract("Prosecutors said on Friday they had convicted three men over the murder of a journalist in 2020.")
    assert (count_claim(a, "three").time.text, count_claim(a, "three").time.start) == ("on Friday", "2026-03-06")
    assert count_claim(a, "a journalist").time.start == "2020-01-01"      # the murder's own claim keeps it
    c = count_claim(extract("A court convicted three men over the murder of a journalist in 2020."), "three")
    assert c.time is None or c.time.start != "2020-01-01", c.time
    # a day of the act itself, a place after "over", a thing bought: the time is the act's
    c = count_claim(extract("The coast guard said on Tuesday they had rescued 41 people on Sunday."), "41")
    assert c.time.text == "on Sunday"
    c = count_claim(extract("The navy said on Friday it had rescued 310 migrants over the sea in 2025."), "310")
    assert c.time is not None and c.time.start == "2025-01-01", c.time
    c = count_claim(extract("Officials said on Friday 12 people had been killed in an attack on a village in March."), "12")
    assert c.time.text == "in March"


def test_a_timeline_entry_is_dated_by_its_own_stamp_or_date_line(extract):
    a = extract("How the strike unfolded at the Ridgeway plant.\n\n"
                "March 3 – Workers walk out after talks collapse; the union says 1,200 join the strike.\n\n"
                "March 9 – Management locks out a further 300 staff.")
    assert count_claim(a, "1,200").time.start == "2026-03-03"      # the entry's stamp, not a March 3 to come
    assert count_claim(a, "300").time.start == "2026-03-09"
    a = extract("Timeline of the outbreak\n\nMonday, March 2\nThe health office confirms 12 cases of measles at a school.\n\n"
                "Thursday, March 5\nAnother 30 children fall ill. Two are taken to hospital.\n\n"
                "Monday, March 9\nThe office says 85 cases have been recorded in the district.")
    assert [count_claim(a, q).time.start for q in ("12", "30", "Two", "85")] == \
        ["2026-03-02", "2026-03-05", "2026-03-05", "2026-03-09"]
    # one date line alone is the report's date: the lead's own day dates its event
    c = count_claim(extract("Tuesday, March 10\n\nA fire destroyed a warehouse in Leeds on Sunday. Two workers were hurt."),
                    "Two")
    assert c.time.start == "2026-03-08"


def test_a_day_line_with_an_abbreviated_month_dates_the_log_lines_under_it(extract):
    # a log's day lines written "08 Sep 2026" (the month abbreviated, no full stop): each dates its own lines
    a = extract("Incident log of the Hilltop Search and Rescue Team\n\n08 Sep 2026\n"
                "0640 - Team reaches the gully. 3 walkers injured by rockfall.\n\n09 Apr 2027\n"
                "0715 - Second call-out. 5 climbers injured in a fall.")
    assert [count_claim(a, q).time.start for q in ("3", "5")] == ["2026-09-08", "2027-04-09"]


def test_an_issue_date_under_a_label_yields_to_the_title_lines_event_day(extract):
    # a bulletin's "Issued:" day is when it was written; its title line dates the event the body counts
    a = extract("RAIL ACCIDENT INVESTIGATION BRANCH\nINTERIM REPORT RAIB/IR/2026/03\nIssued: 8 March 2026\n\n"
                "Derailment of a freight train at Carlisle yard, Cumbria, on 1 March 2026\n\n"
                "Occurrence category: Derailment\nTrain: Freight, Carlisle - Glasgow\n\n"
                "SUMMARY\nTwo crew members were seriously injured when the wagons overturned.")
    assert count_claim(a, "Two").time.start == "2026-03-01"


def test_the_year_of_an_up_from_figure_does_not_date_the_figure_it_is_compared_with(extract):
    a = extract("The coroner's office examined the bodies of 64 people believed to be hikers in 2025, up from 50 "
                "in 2024, a report said.")
    assert [count_claim(a, q).time.start for q in ("64", "50")] == ["2025-01-01", "2024-01-01"]


def test_a_sentence_that_is_only_a_date_dates_no_event(extract):
    # the date a statement was issued, in the note that opens it, is not the day of what it reports
    a = extract("Statement of the regional health office, carried by the state news agency. 12 March 2026.\n\n"
                "The office said that floods on Tuesday killed 14 people in the valley.\n\n"
                "Nine more people were injured, it said.")
    c = count_claim(a, "Nine")
    assert (c.time.start, c.time.scope) == ("2026-03-10", "article")


@pytest.mark.parametrize("note", ["Translated from Spanish.", "Edited by the city desk."])
def test_a_note_on_the_text_above_a_letterhead_does_not_take_the_leads_place(extract, note):
    # the lead that dates the report is the first paragraph under the note and the letterhead
    a = extract(f"{note}\n\nMUNICIPALITY OF LA PAZ\n\nOffice of the Mayor\n\nSTATEMENT No. 3/2026\n\nDear neighbours,\n\n"
                "On Tuesday 10 March 2026 a landslide buried part of the San Rafael district after days of heavy rain.\n\n"
                "Rescuers recovered 14 bodies, and 9 people were taken to hospital.")
    for figure in ("14", "9"):
        c = count_claim(a, figure)
        assert (c.time.start, c.time.scope) == ("2026-03-10", "article"), (figure, c.time)



def test_the_members_listed_of_a_group_the_event_made_share_its_time(extract):
    # "among those dismissed are ...": each member listed takes the day the group was counted
    a = extract("The ministry said 300 workers were laid off on Tuesday.\n\n"
                "Among those dismissed are 120 drivers, 80 mechanics, 60 cleaners and 40 clerks.")
    for figure in ("120", "80", "60", "40"):
        c = count_claim(a, figure)
        assert c.time is not None and c.time.start == "2026-03-10", (figure, c.time)
    # a standing group ("its members") is a general statement: no day
    b = extract("The union said 30 members joined a strike on Tuesday.\n\nAmong its members are 400 farmers and 50 vets.")
    assert count_claim(b, "400").time is None


def test_a_section_date_line_ranks_below_the_paragraphs_own_time(extract):
    a = extract("10 March 2026\n\nThe ministry said 45 migrants were rescued off Lampedusa on Saturday. Eight of them "
                "were children.\n\nNotes to editors\n\n10 March 2026")
    assert count_claim(a, "Eight").time.start == "2026-03-07"
    a = extract("11 March 2026\n\nA bus crashed near Lyon on Saturday, killing 3 people. Another 20 were injured.\n\n"
                "Contact\n\n11 March 2026")
    assert count_claim(a, "20").time.start == "2026-03-07"


def test_a_day_stamp_dates_its_entry_whatever_the_tense(extract):
    a = extract("Product roadmap\n\nFebruary 2 – The company will ship 2 million units.\n\nFebruary 9 – The firm hires 300 staff.")
    assert count_claim(a, "2 million").time.start == "2026-02-02"


def test_a_recent_day_after_an_over_phrase_dates_the_act(extract):
    c = count_claim(extract("Thousands of students protested over tuition fees on Wednesday."), "Thousands")
    assert c.time is not None and c.time.start == "2026-03-11", c.time
    c = count_claim(extract("About 2,000 people marched over the closure of the hospital on Sunday."), "About 2,000")
    assert c.time is not None and c.time.start == "2026-03-08", c.time


def test_a_stance_act_with_reported_content_dates_the_statement_not_the_content(extract):
    c = count_claim(extract("A storm hit the coast on Sunday. On Tuesday, the governor presented figures showing 40 people "
                            "had died."), "40")
    assert (c.time.text, c.time.start) == ("on Sunday", "2026-03-08")
    c = count_claim(extract("A fire broke out at the plant on Sunday. On Tuesday, the firm defended its record, saying 2 "
                            "workers were hurt."), "2")
    assert (c.time.text, c.time.start) == ("on Sunday", "2026-03-08")


def test_a_statement_day_does_not_date_another_act_told_later(extract):
    plants = extract("The company said on Monday it would cut 300 jobs. It closed two plants in Ohio and moved 150 workers "
                     "to Texas.")
    assert count_claim(plants, "two").time is None and count_claim(plants, "150").time is None
    club = extract("The team said on Monday that its captain had signed a new contract. The club sold 12,000 season tickets.")
    assert count_claim(club, "12,000").time is None


def test_what_the_statement_reported_keeps_its_day(extract):
    a = extract("The coast guard said on Sunday that 41 migrants had drowned off Lampedusa. 12 others were rescued.")
    assert count_claim(a, "12").time.start == "2026-03-08"
    b = extract("Health officials said on Friday that 230 people had fallen ill after eating at the fair. "
                "About 40 of them were children.")
    assert count_claim(b, "About 40").time.start == "2026-03-06"


@pytest.mark.parametrize("text,figure,span", [
    ("The six-day heat wave that ended Sunday killed 23 people, health officials said.", "23", ("2026-03-03", "2026-03-08")),
    ("The three-day search ended on Monday after 14 bodies were recovered.", "14", ("2026-03-07", "2026-03-09")),
    # what happens at the moment it ends ("when", "as") is on that day, not over the span
    ("The three-day search ended Sunday when 4 climbers were found alive on Ben Nevis.", "4",
     ("2026-03-08", "2026-03-08")),
    ("The ten-day trial concluded Friday when the jury convicted 3 men.", "3", ("2026-03-06", "2026-03-06")),
    ("The two-week festival finished Sunday as 3,000 fans packed the final concert.", "3,000",
     ("2026-03-08", "2026-03-08")),
    # a start and a length may reach past the report's day: the day it began only
    ("A 10-day festival that began on Friday has drawn 40,000 visitors.", "40,000", ("2026-03-06", "2026-03-06")),
])
def test_a_thing_of_a_stated_length_that_ended_on_a_day_spans_back_from_it(extract, text, figure, span):
    t = count_claim(extract(text), figure).time
    assert (t.start, t.end, t.precision) == (*span, "range" if span[0] != span[1] else "day")


def test_a_total_so_far_ends_at_publication(extract):
    t = count_claim(extract("A bus plunged into a gorge on Sunday.\n\nSo far, 12 bodies have been recovered, police said."),
                    "12").time
    assert (t.text, t.start, t.end) == ("So far", None, "2026-03-12")
    shop = count_claim(extract("The chain has opened 40 stores to date, its founder said."), "40").time
    assert (shop.text, shop.start, shop.end) == ("to date", None, "2026-03-12")


def test_the_day_a_figure_was_given_dates_the_statement_not_the_event(extract):
    c = count_claim(extract("Gunmen attacked a camp in Ituri on Tuesday night. "
                            "The army gave a lower figure on Wednesday: 14 civilians were killed."), "14")
    assert (c.time.text, c.time.start) == ("on Tuesday night", "2026-03-10")


@pytest.mark.parametrize("text,number,day", [
    # a clock time paragraphs after the event's day takes that day, not the day a statement was made in between
    ("A fire broke out at a warehouse in Leeds on Sunday night. The owner said on Monday that the damage ran high.\n\n"
     "\"We lost everything,\" he said.\n\nThe blaze started at around 11 p.m. when a heater overheated. "
     "Two firefighters were hurt.", "Two", "2026-03-01"),
    ("The match was played on Saturday afternoon. The club said on Monday that the striker would miss a month.\n\n"
     "\"He is devastated,\" the coach said.\n\nThe clash happened at 4.15 pm near the touchline. "
     "Three players were hurt.", "Three", "2026-02-28"),
])
def test_a_clock_time_takes_the_events_day_not_a_later_statements(nlp, text, number, day):
    claim = count_claim(checked_extractor(nlp, "2026-03-04")(text), number)
    assert claim.time is not None and claim.time.start == day


@pytest.mark.parametrize("text,number", [
    # a day still to come dates the plan or the event ahead, not a past act beside it
    ("Officials said 200 homes were evacuated ahead of the storm, expected on Sunday.", "200"),
    ("The trial will start on Monday after 3 jurors were dismissed.", "3"),
])
def test_a_day_ahead_on_another_predicate_does_not_date_a_past_act(nlp, text, number):
    claim = count_claim(checked_extractor(nlp, "2026-03-04")(text), number)
    assert claim.time is None or claim.time.start is None or claim.time.start <= "2026-03-04", claim.time


def test_a_day_ahead_on_the_acts_own_predicate_still_dates_it(nlp):
    claim = count_claim(checked_extractor(nlp, "2026-03-04")("Officials said 200 homes will be evacuated on Sunday."),
                        "200")
    assert claim.time is not None and claim.time.start == "2026-03-08"
def test_a_dated_dateline_with_the_paper_in_brackets_does_not_date_the_lead(extract):
    """The lead's year, not the day of a "Town, date (Paper) -" dateline, is the period of the figures after it."""
    text = ("Lagos, 3 March 2026 (Punch) - Nigerian banks opened 2.4 million new accounts in 2025, the central bank "
            "said on Monday.\n\nLagos led with 800,000, followed by Kano with 310,000.")
    c = count_claim(extract(text), "800,000")
    assert (c.time.start, c.time.end) == ("2025-01-01", "2025-12-31"), c.time


def test_a_time_of_the_telling_does_not_date_the_event(extract):
    """A letter's or a speech's "as we know them this morning" dates the telling: the figures after it take
    the lead's day; a clause the teller only frames keeps its own day."""
    c = count_claim(extract("The storm hit the coast late on Tuesday.\n\nHere is what we know this afternoon. "
                            "Officials said 14 people were injured."), "14")
    assert c.time.text == "on Tuesday", c.time
    c = count_claim(extract("The match ended 2-1 on Saturday.\n\nThank you all for being here this morning. "
                            "The coach said 3 players were injured."), "3")
    assert c.time.text == "on Saturday", c.time
    c = count_claim(extract("The river burst its banks.\n\nYou will remember that on Monday the river rose. "
                            "Officials said 14 homes were damaged."), "14")
    assert c.time.text == "on Monday", c.time


@pytest.mark.parametrize("text,number,day", [
    # "reported on <day>" of an event is the event's day: a clock time after it takes that day
    ("A fire broke out on Saturday. Officials said on Sunday that 3 people were hurt.\n\n"
     "A second fire was reported on Monday. At 7 p.m., 40 residents were evacuated.", "40", "2026-03-02"),
    ("A storm hit the coast on Saturday. Two outages were announced on Monday. "
     "At 9 a.m., 400 homes had no power.", "400", "2026-03-02"),
])
def test_a_passive_report_of_an_event_dates_the_event(nlp, text, number, day):
    claim = count_claim(checked_extractor(nlp, "2026-03-04")(text), number)
    assert claim.time is not None and claim.time.start == day


def test_it_was_reported_on_a_day_that_dates_a_statement(nlp):
    text = ("A riot broke out on Saturday evening. It was reported on Sunday that 12 officers were hurt.\n\n"
            "The riot broke out at around 7 p.m. and 30 people were arrested.")
    claim = count_claim(checked_extractor(nlp, "2026-03-04")(text), "30")
    assert claim.time is not None and claim.time.start == "2026-02-28"


@pytest.mark.parametrize("text,number,start", [
    # the span a figure is ranked in ("the most since 2019") dates nothing the next sentence continues
    ("In 2025 the firm shipped 1.2 million phones, its best result since 2015. "
     "Buyers in Europe took 300,000 of them.", "300,000", "2025-01-01"),
    ("Last year, 412 climbers reached the summit, the highest number since 2008. "
     "Nepalese guides accounted for 150 of them.", "150", "2025-01-01"),
    ("In February, 80 homes were sold in the town, the most since 2019. Buyers from abroad bought 12 of them.",
     "12", "2026-02-01"),
])
def test_a_superlatives_span_does_not_date_the_next_sentence(extract, text, number, start):
    claim = count_claim(extract(text), number)
    assert claim.time is not None and claim.time.start == start, claim.time


@pytest.mark.parametrize("text,number,start", [
    # "since then": a total open from the time the report stated just before (SPEC §2 running total)
    ("The club was relegated in May 2019. It has lost 48 matches since then, the coach said.", "48", "2019-05-01"),
    ("The ceasefire was signed on 2 January. Monitors have recorded 230 violations since then.", "230", "2026-01-02"),
    ("The ban took effect in 2021. Since that date, customs officers have arrested 85 smugglers.", "85", "2021-01-01"),
    # after a span, from its end
    ("Between 2010 and 2015, 40 workers died at the mine. Since then 12 more have died.", "12", "2015-12-31"),
    ("From 2001 to 2004 the club won 3 titles. Since then, the club has sold 200 players.", "200", "2004-12-31"),
])
def test_a_total_since_then_is_open_from_the_time_stated_before(extract, text, number, start):
    claim = count_claim(extract(text), number)
    assert claim.time is not None and (claim.time.start, claim.time.end) == (start, None), claim.time
    assert claim.time.text.lower().startswith("since")


def test_since_then_of_another_clause_does_not_date_the_claim(extract):
    claim = count_claim(extract("Sales fell in 2020 and have not recovered since then, but the shop sold 400 bikes."), "400")
    assert claim.time is None or claim.time.end is not None, claim.time


@pytest.mark.parametrize("text,number,start", [
    # "during the year" is the year under report the last sentences named, past a day named in between
    ("The league said 2025 was a record season. Clubs sold 4.1 million tickets in 2025, it said on Monday. "
     "Police made 312 arrests at matches during the year, the interior ministry said.", "312", "2025-01-01"),
    ("Rainfall in 2025 was the lowest on record, the weather office said on January 5. "
     "It said on Monday that 14 wildfires had burned during the year.", "14", "2025-01-01"),
    # a background year ("founded in 1998") is not the year a report is about
    ("The bakery, founded in 1998, is run by the Costa family. It opened a shop in Porto on Monday. "
     "Its owners said on Tuesday that it had sold 40,000 loaves during the year.", "40,000", "2026-01-01"),
])
def test_the_year_is_the_year_under_report(extract, text, number, start):
    claim = count_claim(extract(text), number)
    assert claim.time is not None and claim.time.start == start, claim.time


def test_a_timeline_lines_year_and_figure_are_not_a_year_range(extract):
    # "2014 - 16 people died": the line's year, then its figure; "2014-16 seasons" is still a range
    a = extract("Key dates\n\n1998 – 12 miners were killed in a blast at the pit.\n2003 – 40 workers walked out.\n\n"
                "The club lost 30 games in the 2014-16 seasons.")
    miners = count_claim(a, "12")
    assert (miners.time.text, miners.time.start, miners.time.end) == ("1998", "1998-01-01", "1998-12-31"), miners.time
    games = count_claim(a, "30")
    assert (games.time.start, games.time.end) == ("2014-01-01", "2016-12-31"), games.time
    # a spaced range after a word of the sentence is still a range, before a word too
    war = count_claim(extract("During the 1939 – 45 conflict, 400 villagers were killed."), "400")
    assert (war.time.start, war.time.end) == ("1939-01-01", "1945-12-31"), war.time


@pytest.mark.parametrize("text,number,start", [
    # the incident a count happened in, with the time it began: the count runs from then
    ("More than 6,000 people died during the siege, which began in March 1992.", "More than 6,000", "1992-03-01"),
    ("Some 300 journalists were jailed during the crackdown, which started in 2019.", "Some 300", "2019-01-01"),
    ("Rangers say 90 rhinos were poached during the drought, which began in the 1990s.", "90", "1990-01-01"),
])
def test_a_count_during_an_incident_that_began_at_a_time_runs_from_it(extract, text, number, start):
    claim = count_claim(extract(text), number)
    assert claim.time is not None and (claim.time.start, claim.time.end) == (start, None), claim.time


def test_a_founding_year_of_where_it_happened_does_not_date_the_count(extract):
    claim = count_claim(extract("Some 40 players were injured in the league, which was founded in 1990."), "Some 40")
    assert claim.time is None or not claim.time.start.startswith("1990"), claim.time


def test_a_year_in_a_things_name_gives_way_to_the_day_its_sentence_gives(extract):
    text = ("The 2025 Riverside chemical plant explosion was an accident that wrecked a fertiliser plant in "
            "Riverside, Ohio, on the morning of 3 March 2025. Four workers were killed.")
    c = count_claim(extract(text), "Four")
    assert (c.time.text, c.time.start) == ("3 March 2025", "2025-03-03"), c.time
    # a year that names a thing with no narrower time in its sentence still dates it
    c = count_claim(extract("The 2019 World Cup final drew 40,000 fans."), "40,000")
    assert c.time is None or c.time.start == "2019-01-01", c.time


def test_a_year_closing_a_proper_name_dates_no_claim(extract):
    c = count_claim(extract("Under the Children Act 1989, 40 children were placed in care."), "40")
    assert c.time is None or c.time.start != "1989-01-01", c.time
    c = count_claim(extract("The court said section 25 of the Immigration Act 1971 was used against 30 people."), "30")
    assert c.time is None or c.time.start != "1971-01-01", c.time
    # a month's year is the month's
    c = count_claim(extract("In March 2001, 40 miners were trapped underground."), "40")
    assert c.time.start == "2001-03-01", c.time


def test_a_span_of_days_on_the_incident_dates_the_claim(extract):
    c = count_claim(extract("Officials said 80 people were killed in clashes that took place between 2 and 5 March."), "80")
    assert (c.time.start, c.time.text) == ("2026-03-02", "between 2 and 5 March"), c.time
    # a span of years on a thing the claim does not happen in does not
    c = count_claim(extract("Officials said 80 people were killed near a dam that was built between 1950 and 1954."), "80")
    assert c.time is None or c.time.start != "1950-01-01", c.time


def test_a_subject_that_began_long_ago_dates_a_total_to_date_not_a_single_act(extract):
    war = count_claim(extract("The war, which began in 2022, has killed 10,000 civilians."), "10,000")
    assert war.time is not None and (war.time.start, war.time.end) == ("2022-01-01", None), war.time
    fair = count_claim(extract("The festival, which began in the 1960s, drew 40,000 visitors."), "40,000")
    assert fair.time is None or not fair.time.start.startswith("196"), fair.time
