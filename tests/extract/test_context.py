"""Report context (SPEC §2 Context): claims take source, time and places from their sentence, else
from the previous sentence of the paragraph or the report's lead, with ``scope`` and spans that
point at the words that stated the inherited value — and never when they state their own or are
about another time (background, comparison, running total, prediction)."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim
from claimwatch.extract.context import STAGE, find_context


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2024-06-14")


_count = count_claim


STORY = ("Twelve migrants drowned off Lampedusa on Tuesday, the Italian coast guard said. "
         "Four bodies were recovered by fishermen.\n\n"
         "Rescuers pulled 40 people from the water.\n\n"
         "Last year, 2,000 people died on the route, according to the IOM.")


def test_own_time_and_place_are_kept(extract):
    c = _count(extract(STORY), "Twelve")
    assert (c.time.text, c.time.start, c.time.scope) == ("on Tuesday", "2024-06-11", "sentence")
    assert [(p.name, p.scope) for p in c.places] == [("Lampedusa", "sentence")]


def test_previous_sentence_of_the_paragraph_gives_time_and_place(extract):
    a = extract(STORY)
    c = _count(a, "Four")
    assert (c.time.text, c.time.start, c.time.scope) == ("on Tuesday", "2024-06-11", "paragraph")
    assert [(p.text, p.scope) for p in c.places] == [("Lampedusa", "paragraph")]
    # the inherited value points at the words that stated it
    assert STORY[c.time.span[0]:c.time.span[1]] == "on Tuesday" and c.time.span[0] < c.span[0]


def test_the_lead_gives_time_and_place_to_a_later_paragraph(extract):
    c = _count(extract(STORY), "40")
    assert (c.time.start, c.time.scope) == ("2024-06-11", "article")
    assert [(p.name, p.scope) for p in c.places] == [("Lampedusa", "article")]


def test_a_comparison_year_keeps_its_own_time(extract):
    c = _count(extract(STORY), "2,000")
    assert (c.time.text, c.time.start, c.time.end, c.time.scope) == ("Last year", "2023-01-01", "2023-12-31", "sentence")


@pytest.mark.parametrize("sentence", [
    "Dozens more could die in the coming weeks, the agency warned.",            # a prediction
    "More than 3,000 people have died on the route in total.",                  # a running total
    "The area draws thousands of migrants from many countries.",                # a general statement
])
def test_background_does_not_inherit_the_lead_time(extract, sentence):
    a = extract("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n" + sentence)
    later = [c for c in a.claims if c.span[0] > a.text.index(sentence[:10]) - 1]
    assert later
    for c in later:
        assert c.time is None or c.time.scope == "sentence", (c.text, c.time)


def test_the_date_of_a_statement_gives_way_to_the_date_of_the_event(extract):
    text = ("Eight migrants drowned in the Rio Grande, officials said Friday. "
            "Agents found the bodies on Thursday while responding to a large crossing.")
    c = _count(extract(text, "2022-09-03"), "Eight")
    assert (c.time.text, c.time.start) == ("on Thursday", "2022-09-01")
    assert c.time.scope in ("paragraph", "article")


def test_a_statement_date_far_from_the_event_is_kept(extract):
    text = ("The hotline was launched in September 2022.\n\n"
            "In December 2022, an official said that the hotline had received 1.7 million calls.")
    c = _count(extract(text, "2023-03-03"), "1.7 million")
    assert (c.time.text, c.time.scope) == ("In December 2022", "sentence")


def test_source_runs_on_in_its_paragraph_after_a_named_institution(extract):
    a = extract("The agency said U.S. crews rescued 37 migrants from the river. "
                "Mexican officials took 39 migrants into custody.")
    c = _count(a, "39")
    assert (c.source.name, c.source.scope, c.evidential) == ("The agency", "paragraph", "attributed")


def test_a_witness_account_does_not_run_on(extract):
    a = extract("Survivors said 28 people were missing. The boat sank after 12 hours at sea.")
    c = _count(a, "12 hours") if any(c.quantity and c.quantity.text == "12 hours" for c in a.claims) else None
    later = [c for c in a.claims if c.span[0] >= a.text.index("The boat")]
    assert all(c.source.type == "author" for c in later), [(c.text, c.source) for c in later]
    assert c is None or c.source.type == "author"


def test_the_leads_anaphoric_source_is_the_reports_source(extract):
    text = ("In Odesa region, border guards detained a truck with 41 people in its trailer.\n\n"
            "This was stated by the spokesman for the State Border Guard Service, Andriy Demchenko.\n\n"
            "The driver faces charges of organising illegal crossings of 41 men.")
    a = extract(text)
    first = _count(a, "41")
    assert (first.source.canonical, first.source.type, first.source.scope) == (
        "Andriy Demchenko", "law_enforcement", "article")
    assert a.context.source is not None and a.context.source.canonical == "Andriy Demchenko"


def test_a_claim_its_own_attribution_does_not_hold_takes_the_reports_source(extract):
    a = extract("About 1,200 soldiers have contacted the hotline, saying they want to lay down arms.\n\n"
                "Source: Ministry of Defence of Ukraine\n\n"
                "More than 3 million people visited its website.")
    c = _count(a, "About 1,200")
    assert (c.source.canonical, c.source.scope) == ("Ministry of Defence of Ukraine", "article")


def test_sourceless_hearsay_in_a_credited_report_is_the_reports_hearsay(extract):
    a = extract("KYIV, March 3 (Reuters) - Ukraine said 12 soldiers were killed.\n\n"
                "The attackers are believed to have crossed from Belarus with 40 fighters.")
    c = _count(a, "40")
    assert (c.source.name, c.source.scope, c.evidential) == ("Reuters", "article", "hearsay")


def test_a_dateline_agency_is_the_reports_source(extract):
    a = extract("KYIV, March 3 (Reuters) - Ukraine said 12 soldiers were killed.\n\n"
                "Five civilians died in the shelling of the city.")
    c = _count(a, "Five")
    assert (c.source.name, c.source.type, c.source.scope) == ("Reuters", "media", "article")


def test_an_attribution_in_a_concessive_clause_does_not_cover_the_main_clause(extract):
    a = extract("Although the ministry said 20 people died, the toll is at least 35 people.")
    assert _count(a, "20").source.name == "the ministry"
    assert _count(a, "at least 35").source.type == "author"


@pytest.mark.parametrize("text", [
    "The Rio Grande has claimed 12 lives this year.",
    "The year 2023 claimed more than 3,000 lives in the Mediterranean.",
    "Details: 40 migrants drowned near Lampedusa.",
])
def test_false_sources(extract, text):
    a = extract(text)
    assert all(c.source.type == "author" for c in a.claims), [(c.text, c.source) for c in a.claims]


def test_a_headline_line_is_not_the_lead(extract):
    a = extract("Migrants drown off Lampedusa\n\nTwelve migrants drowned off Lampedusa on Tuesday.\n\n"
                "Four were children.")
    assert a.context.headline == (0, len("Migrants drown off Lampedusa"))
    assert a.context.lead_para == 1
    assert a.context.lead_time is not None and a.context.lead_time.text == "Tuesday"  # TimeML span; the claim shows "on Tuesday"


def test_stage_contract():
    assert STAGE.provides == ("context",) and STAGE.core is find_context
    assert set(STAGE.requires) == {"attributions", "times", "places", "entities"}


GROUP = ("Some 3,000 people have crossed the border this year, the agency said on Monday.\n\n"
         "The route is dangerous.\n\n"
         "A third of the people registered so far this year are women, half of them from Syria, the agency said.\n\n"
         "More than 500 of the people were from Syria.\n\n"
         "Also on the route were 200 Afghans.")


def test_a_part_of_a_group_takes_the_time_the_group_was_counted(extract):
    a = extract(GROUP, published="2024-06-14")
    for text in ("half of them", "More than 500"):
        c = _count(a, text)
        assert (c.time.text, c.time.start, c.time.end) == ("so far this year", "2024-01-01", "2024-06-14"), text
    assert _count(a, "More than 500").time.scope == "article"


def test_a_time_that_narrows_the_leads_is_continued(extract):
    c = _count(extract(GROUP, published="2024-06-14"), "200")
    assert (c.time.text, c.time.end, c.time.scope) == ("so far this year", "2024-06-14", "article")


def test_a_time_outside_the_leads_narrows_nothing(extract):
    story = ("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n"
             "In 2019, a similar boat sank near Malta.\n\n"
             "Rescuers pulled 40 people from the water.")
    c = _count(extract(story), "40")
    assert (c.time.text, c.time.start) == ("on Tuesday", "2024-06-11")


def test_a_part_of_an_indefinite_group_is_no_anaphor(extract):
    story = ("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n"
             "In 2019, a similar boat sank near Malta.\n\n"
             "Ten of 40 passengers were rescued.")
    c = _count(extract(story), "Ten")
    assert c.time is None or c.time.start != "2019-01-01"


def test_a_time_in_the_standard_of_a_comparison_does_not_date_the_claim(extract):
    story = ("As of Sunday, 5,000 migrants had crossed the border, exceeding last year's total by 600 people, "
             "the agency said.")
    a = extract(story, published="2024-06-14")
    c = _count(a, "600")
    assert (c.time.text, c.time.end) == ("As of Sunday", "2024-06-09")
    assert _count(a, "5,000").time.text == "As of Sunday"


def test_a_claim_in_the_present_tense_holds_at_publication(extract):
    story = ("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n"
             "Rescuers are searching for the missing, the coast guard said.")
    a = extract(story, published="2024-06-14")
    later = [c for c in a.claims if c.kind != "count" and c.span[0] >= story.index("Rescuers")]
    assert later, [(c.kind, c.text) for c in a.claims]
    for c in later:
        assert (c.time.start, c.time.anchor, c.time.text, c.time.scope) == ("2024-06-14", "published", "are", "sentence")


def test_a_count_in_the_present_tense_keeps_the_event_time(extract):
    story = ("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said. "
             "Another 28 people are missing.")
    c = _count(extract(story, published="2024-06-14"), "28")
    assert c.time is not None and c.time.start == "2024-06-11"


def test_an_attribution_after_a_semicolon_or_colon_covers_only_what_it_introduces(extract):
    story = ("The first boat carried 48 people, 45 of whom were saved: according to the survivors, "
             "3 people are missing.")
    a = extract(story)
    assert _count(a, "48").source.type == "author"
    assert _count(a, "3").source.name == "the survivors"


def test_a_closing_attribution_covers_the_whole_sentence(extract):
    a = extract("The first boat carried 48 people; 3 people are missing, the coast guard said.")
    assert _count(a, "48").source.name == "the coast guard"


def test_an_unknown_acronym_credited_for_the_report_is_its_agency(extract):
    story = ("Two boats sank off Lampedusa on Saturday night.\n\n"
             "Rescuers pulled 40 people from the water.\n\n"
             "According to XNA")
    c = _count(extract(story), "40")
    assert (c.source.name, c.source.type) == ("XNA", "media") and c.source.scope != "sentence"


@pytest.mark.parametrize("sentence, quantity", [
    ("According to survivors, there would be 3 missing.", "3"),               # a guarded state
    ("The boat may have carried 40 people.", "40"),                           # an inference about the past
    ("The coast guard could only confirm two bodies.", "two"),                # what could be confirmed
])
def test_a_hedge_on_the_reported_event_inherits_its_time(extract, sentence, quantity):
    a = extract("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n" + sentence)
    c = _count(a, quantity)
    assert (c.time.start, c.time.scope) == ("2024-06-11", "article"), c.time


def test_a_prediction_with_will_be_does_not_inherit(extract):
    a = extract("Twelve migrants drowned off Lampedusa on Tuesday, the coast guard said.\n\n"
                "The toll will be more than 50, the agency warned.")
    c = _count(a, "more than 50")
    assert c.time is None or c.time.scope == "sentence"


def test_a_count_of_the_speakers_themselves_is_the_authors(extract):
    a = extract("The 14 survivors of the second boat claimed that 42 people had left Sfax.")
    assert _count(a, "14").source.type == "author"
    assert _count(a, "42").source.name == "The 14 survivors"


def test_an_outlet_relaying_a_named_source_gives_way_to_it(extract):
    a = extract("Ukrainian border guards said Friday they had caught dozens of men, writes thedefensepost.com.")
    c = _count(a, "dozens")
    assert c.source.type == "law_enforcement", c.source


def test_the_time_of_another_kind_of_event_is_not_inherited(extract):
    story = ("Nine suspects were arrested after the shipwreck.\n\n"
             "On June 14, a fishing boat capsized off the coast of Greece.\n\n"
             "The boat left Libya for Italy on June 10. Forty people drowned near the city of Pylos.")
    c = _count(extract(story, published="2024-06-16"), "Forty")
    assert (c.time.text, c.time.start) == ("On June 14", "2024-06-14"), c.time


def test_the_previous_sentence_about_the_same_event_gives_its_time(extract):
    story = "Forty people died on June 14 off Pylos. Six more people died in hospital."
    c = _count(extract(story, published="2024-06-16"), "Six")
    assert (c.time.start, c.time.scope) == ("2024-06-14", "paragraph")


def test_a_relative_clause_on_the_counted_noun_states_its_period(extract):
    # "the 1,200 drownings that the agency recorded in 2023": the year the total was counted over,
    # not the day of the lead's accident; a day in a relative clause on another noun does not date it
    story = ("A ferry sank off Mwanza on Tuesday, killing nine people, police said.\n\n"
             "The accident adds to the 1,200 drownings that the maritime agency recorded on the lake in 2023.")
    c = _count(extract(story), "1,200")
    assert (c.time.text, c.time.start, c.time.end) == ("in 2023", "2023-01-01", "2023-12-31")
    story = ("A ferry sank off Mwanza on Tuesday, killing nine people, police said.\n\n"
             "Rescuers pulled 30 survivors from the lake, which had flooded a village on Sunday.")
    assert _count(extract(story), "30").time.text == "on Tuesday"


def test_a_place_in_a_clause_describing_a_person_does_not_end_the_paragraphs_geography(extract):
    text = ("Rescue teams searched the sea off Lesbos on Monday.\n\n"
            "Nine bodies were recovered off Lesbos overnight. "
            "A nurse who treated the survivors at a hospital in Mytilene praised the crews. "
            "So far, 40 people have been rescued.")
    c = _count(extract(text), "40")
    assert [(p.name, p.scope) for p in c.places] == [("Lesbos", "paragraph")]


def test_a_nationality_word_is_not_a_place_a_later_sentence_inherits(extract):
    text = ("The group included 300 Eritreans and 250 Ecuadorians.\n\n"
            "Another 40 were rescued at dawn.")
    c = _count(extract(text), "40")
    assert [p.name for p in c.places] == []


def test_where_the_people_a_relative_clause_describes_come_from_is_the_paragraphs_geography(extract):
    text = ("Border guards detained 12 men near the Polish border on Monday.\n\n"
            "Police found the bodies of 20 Syrians who had tried to leave Syria. "
            "Rescuers say 5 others may be alive.")
    c = _count(extract(text), "5")
    assert all(p.scope != "article" for p in c.places)


def test_the_organisation_a_press_release_title_names_is_its_source(extract):
    a = extract("Press release - Amnesty International\n\n"
                "Security forces killed at least 23 protesters in Nairobi on Tuesday. "
                "We documented 41 arbitrary arrests across the country.")
    for figure in ("at least 23", "41"):
        c = _count(a, figure)
        assert (c.source.name, c.source.type, c.source.scope, c.source.cue) == \
            ("Amnesty International", "ngo", "article", "Press release")


def test_an_update_titled_with_its_issuer_and_date_is_the_issuers(extract):
    a = extract("UNICEF Yemen - Situation Report, 2 May 2026\n\n"
                "• 1,200 children treated for malnutrition in Hodeidah\n"
                "• 86 schools damaged since January")
    assert _count(a, "1,200").source.name == "UNICEF"
    assert _count(a, "86").source.scope == "article"


def test_a_letterhead_of_several_lines_names_the_releases_issuer(extract):
    a = extract("NATIONAL FIRE SERVICE HEADQUARTERS\nPress Office, 12 Harbour Road\n\n"
                "Press Release No. 41/2026\nPort Town, 3 November 2026\n\n"
                "Firefighters rescued 35 people from a burning ferry on Sunday. Six crew members were injured.")
    for figure in ("35", "Six"):
        c = _count(a, figure)
        assert (c.source.name, c.source.scope) == ("NATIONAL FIRE SERVICE HEADQUARTERS", "article")
    # a news report's heading lines name no issuer without a line naming the document's kind
    b = extract("CITY COUNCIL\nBudget vote delayed\n\nThe council said 35 staff would be hired.\n\n"
                "Six people were injured in a crash on Sunday.")
    assert _count(b, "Six").source.type == "author"


def test_a_news_headline_is_not_a_title_naming_an_issuer(extract):
    for headline in ("Update: Police say three dead in Leeds motorway crash",
                     "Manchester United 3-1 Chelsea: Statement win for the hosts"):
        a = extract(headline + "\n\nThree people died and 73,000 fans watched on Sunday.")
        assert _count(a, "Three").source.type == "author", headline


def test_a_source_bracketed_after_a_bullet_lines_figures_holds_them_only(extract):
    a = extract("Source: OCHA\n\n"
                "By region:\n"
                "• Sennar: 14 killed, 30 injured (state Ministry of Health); about 6,000 newly displaced.\n"
                "• Kassala: 5,200 people registered in 9 gathering sites.")
    for figure in ("14", "30"):
        assert (_count(a, figure).source.name, _count(a, figure).source.type) == ("state Ministry of Health", "official")
    assert _count(a, "about 6,000").source.name == "OCHA"
    assert _count(a, "5,200").source.name == "OCHA"


def test_an_acronym_in_brackets_after_a_name_is_no_bracketed_source(extract):
    a = extract("Source: OCHA\n\n"
                "• 3,000 refugees were fed by the World Food Programme (WFP) in Chad.")
    assert _count(a, "3,000").source.name == "OCHA"


def test_the_lead_is_the_first_paragraph_under_the_byline_and_date_lines(extract):
    text = ("Gunmen abduct pupils in school attack\n\nBy A. Reporter, Lagos\n\nPublished: Saturday, 8 June 2024\n\n"
            "Gunmen stormed a school in Gwer West Local Government Area of Benue State on Friday and abducted pupils.\n\n"
            "The police said 25 students were taken.")
    c = _count(extract(text, "2024-06-08"), "25")
    assert [(p.text, p.scope) for p in c.places] == [("Benue State", "article")]
    assert c.time.start == "2024-06-07"


@pytest.mark.parametrize("text", [
    "Results\n\nBy A. Writer\n\nThe Benue State Police Command said 25 students were freed.",
    "Markets\n\nStaff reporter\n\nThe Lagos Stock Exchange said 25 firms listed shares.",
])
def test_a_place_in_an_institutions_name_still_locates_nothing(extract, text):
    c = _count(extract(text), "25")
    assert not [p for p in c.places if p.scope != "sentence"]


def test_a_superlatives_year_ranks_the_event_and_does_not_date_it(extract):
    text = ("An air strike on a market has killed at least 31 people, in one of the deadliest raids on villages "
            "in the province this year.\n\nThe strike hit the market on Sunday afternoon.")
    assert _count(extract(text), "at least 31").time.start == "2024-06-09"
    quake = extract("It was the deadliest storm on the coast since the October 1999 cyclone, which killed over "
                    "9,000 people.")
    assert _count(quake, "over 9,000").time.start == "1999-10-01"


def test_the_standard_of_an_increase_and_the_period_a_count_was_recorded_for(extract):
    arrivals = extract("Some 8,200 people have been rescued at sea this year, a 9 per cent increase on the same "
                       "period last year.")
    assert _count(arrivals, "Some 8,200").time.start == "2024-01-01"
    monitor = extract("Road crashes killed or injured at least 4,020 people in 2023, the agency said on Friday in its "
                      "annual report, an increase of 4% on the 3,870 casualties it recorded for 2022.")
    assert _count(monitor, "3,870").time.start == "2022-01-01"
    assert _count(monitor, "at least 4,020").time.start == "2023-01-01"


def test_a_dateline_split_by_the_parser_dates_the_filing_not_the_event(extract):
    # the parser reads "NDJAMENA" and ", Nov. 18 -" as two sentences: the day is still the dateline's
    text = ("Fire guts market in southern Chad, mayor says dozens dead\n\n"
            "NDJAMENA, Nov. 18 - A fire swept through the central market on Tuesday, killing 9 traders, "
            "the mayor said.\n\nHe said 40 stalls were destroyed.")
    a = extract(text, published="2026-11-18")
    assert _count(a, "40").time.start == "2026-11-17"
    assert _count(a, "dozens").time.start == "2026-11-17"


@pytest.mark.parametrize(("text", "quantity", "day"), [
    # the incident the claim happened in is dated by a clause on it, or by its possessor
    ("At least 30 fans were injured in clashes linked to Sunday's derby, police said.", "At least 30", "2024-06-09"),
    ("Nine people died in a fire that broke out on Sunday.", "Nine", "2024-06-09"),
    ("ABUJA, June 14 - At least 46 people were killed in violence linked to Saturday's elections, according "
     "to a tally released on Monday.", "At least 46", "2024-06-08"),
])
def test_the_incident_a_claim_happened_in_dates_it(extract, text, quantity, day):
    assert _count(extract(text), quantity).time.start == day


@pytest.mark.parametrize(("text", "quantity"), [
    ("The club sold 30,000 tickets, compared with last year's 20,000.", "30,000"),   # a standard compared with
    ("Nine patients were treated at a hospital that opened in 2019.", "Nine"),       # a year of background
])
def test_a_clause_on_a_participant_does_not_date_the_claim(extract, text, quantity):
    c = _count(extract(text), quantity)
    assert c.time is None or c.time.start not in ("2023-01-01", "2019-01-01")


def test_a_verb_of_change_dates_its_own_event_with_on(extract):
    # "fell overboard on Thursday night" is an event; only a noun of change compares ("a rise on last year")
    text = ("A rescue ship carried 61 people to port on Saturday, the charity said.\n\n"
            "Survivors say 3 people fell overboard on Thursday night and were never found by the crew.")
    assert _count(extract(text), "3").time.start == "2024-06-13"
    sales = extract("Markets ended the week higher, traders said on Friday.\n\n"
                    "Sales showed a 5% rise on the same month last year, with 300 stores open across the country.")
    assert _count(sales, "300").time.start != "2023-06-01"


def test_a_live_pages_entry_is_dated_by_its_stamp(extract):
    text = ("LIVE: floods in the capital\n\nUpdates as they come in, all times local.\n\n"
            "09:30 - Rescuers say 12 people are trapped in a flooded underpass.\n\n"
            "11:15 GMT - Officials say 4 bodies have been recovered. They say 30 homes are under water. "
            "The toll could rise to 10.")
    a = extract(text, published="2026-11-18")
    stamps = {q: (_count(a, q).time.text, _count(a, q).time.start) for q in ("12", "4", "30")}
    assert stamps == {"12": ("09:30", "2026-11-18"), "4": ("11:15 GMT", "2026-11-18"), "30": ("11:15 GMT", "2026-11-18")}
    assert _count(a, "10").time is None     # a prediction is of a later time
    # a clock time inside a sentence is no entry's stamp
    match = extract("Match report\n\nThe 19:45 kick-off drew 30,000 fans to the stadium on Saturday.")
    assert _count(match, "30,000").time.text == "on Saturday"


def test_a_clocks_time_zone_does_not_place_the_event(extract):
    a = extract("Quake hits Peru\n\n08:05 Lima time - A quake struck near Chala.\n\n"
                "13:20 - The toll rose to 12 dead, officials said.")
    c = _count(a, "12")
    assert "Lima" not in [p.name for p in c.places]


@pytest.mark.parametrize("text, current, standard", [
    ("During May 2024, the coast guard ran 87 operations.\n\n"
     "In total, 2,946 people were rescued, compared with 3,412 in May 2023.", "2,946", "2023-05-01"),
    ("The league had a record season.\n\n"
     "Attendance reached 45,000 on Saturday, compared to 38,000 in 2023.", "45,000", "2023-01-01"),
])
def test_the_date_of_the_figure_compared_with_is_not_the_current_figures(extract, text, current, standard):
    a = extract(text)
    assert _count(a, current).time.start != standard
    assert _count(a, text.split("compared ")[1].split()[1]).time.start == standard


def test_a_press_releases_letterhead_lines_are_not_its_lead(extract):
    a = extract("CITY FIRE DEPARTMENT\nPress Office, 12 Main Street, Springfield\n\nRelease No. 41/2024\n\n"
                "Springfield, 14 June 2024\n\nMONTHLY FIGURES: MAY 2024\n\n"
                "During May 2024, crews answered 310 calls in Riverside County.\n\n"
                "Firefighters rescued 14 people from burning homes.")
    c = _count(a, "14")
    assert (c.time.start, c.time.scope) == ("2024-05-01", "article")
    assert [p.name for p in c.places] == ["Riverside County"]


def test_a_period_stated_by_its_bounds_starts_at_the_first(extract):
    text = "Between 1 March and 31 May 2024, the group verified 58 attacks, in which 37 health workers were killed."
    c = _count(extract(text), "37")
    assert (c.time.start, c.time.end) == ("2024-03-01", "2024-05-31")
    assert c.time.text == "Between 1 March and 31 May 2024" == text[c.time.span[0]:c.time.span[1]]


def test_a_day_named_later_in_the_report_does_not_date_the_sentences_before_it(extract):
    a = extract("Between 1 March and 31 May 2024, the group verified 58 attacks, in which 37 health workers were "
                "killed. Twenty-one health workers were arrested by the military.\n\n"
                "The deadliest incident was the airstrike on a hospital on 9 April, which killed 11 people.")
    c = _count(a, "Twenty-one")
    assert c.time.start == "2024-03-01" and c.time.scope == "paragraph"


@pytest.mark.parametrize("text, count, start", [
    ("During May 2024, crews ran 87 operations.\n\nIn total, 2,946 people were rescued, compared with 3,412 in "
     "May 2023. Of these, 1,018 were rescued off Crete.", "1,018", "2024-05-01"),
    ("Heat deaths rose on Monday.\n\nThe toll was higher than last year's total of 300. Another 12 people were "
     "treated in hospital.", "12", "2024-06-10"),
])
def test_the_date_of_a_comparisons_standard_does_not_carry_to_the_next_sentence(extract, text, count, start):
    assert _count(extract(text), count).time.start == start


def test_a_periods_first_bound_takes_the_year_its_last_bound_states():
    from claimwatch.extract import extract as run
    text = "Between 1 July and 30 September 2026, 4,500 migrants crossed the Channel, the Home Office said."
    c = _count(run(text, published="2026-03-05"), "4,500")      # published before the period
    assert (c.time.start, c.time.end) == ("2026-07-01", "2026-09-30")
    winter = "From 1 November to 31 January 2027, 300 people died of the cold, officials said."
    c = _count(run(winter, published="2026-03-05"), "300")
    assert (c.time.start, c.time.end) == ("2026-11-01", "2027-01-31")


# A list's lead line that has no source of its own but speaks of a document issued before it ("The
# statement detailed the toll as follows:") gives its items the issuer of that document.
DOCUMENT_LEADS = [
    ("The Federation of Youth Football announced on Monday that its spring season had ended.\n\n"
     "The report broke the figures down as follows:\n"
     "- Under-12 league: 412 players\n- Under-15 league: 296 players", ("412", "296"),
     "Federation of Youth Football"),
    ("The Meteorological Service said in a bulletin on Friday that the storm had crossed the coast.\n\n"
     "The bulletin listed the damage by district:\n"
     "- Northern district: 37 roofs torn off\n- Harbour district: 12 fishermen missing", ("37", "12"),
     "Meteorological Service"),
]


@pytest.mark.parametrize("text, figures, issuer", DOCUMENT_LEADS)
def test_a_lists_document_lead_gives_its_items_the_documents_issuer(extract, text, figures, issuer):
    analysis = extract(text)
    for figure in figures:
        assert issuer in (_count(analysis, figure).source.name or ""), figure


def test_a_list_under_a_sourceless_lead_of_the_authors_own_stays_the_authors(extract):
    text = ("The mayor said on Monday the town would rebuild.\n\n"
            "Our reporters counted the damage:\n- 14 houses destroyed\n- 3 bridges closed")
    assert _count(extract(text), "14").source.name != "mayor"


def test_a_photo_captions_place_is_not_the_reports(extract):
    text = ("Floods cut off mountain villages\n\nBy Ana Ruiz | The Valley Post | May 4, 2026\n\n"
            "CAPTION: Volunteers carry sandbags along the river in Chur, Switzerland, on May 2, 2026. The group has "
            "filled 4,000 sandbags across the valley this spring. (Photo: Ana Ruiz)\n\n"
            "A landslide buried 40 homes in Davos on Friday, cantonal police said.\n\n"
            "Rescuers also saved 12 hikers stranded on a pass, officials said.")
    c = _count(extract(text), "12")
    assert [(p.name, p.scope) for p in c.places] == [("Davos", "article")]


def test_a_podcast_hosts_city_is_not_the_reports_place(extract):
    text = ("HOST (JANE DOE): Welcome back. I'm Jane Doe in London. On Monday a fire destroyed the chip plant in "
            "Hsinchu. Our reporter Tom Lee is there. Tom?\n\n"
            "REPORTER (TOM LEE): Jane, the company told me that 12 workers were injured.")
    c = _count(extract(text), "12")
    assert "London" not in [p.name for p in c.places] and "Hsinchu" in [p.name for p in c.places]


@pytest.mark.parametrize("text, figure, place, role", [
    ("Two boats set off from Sfax on Sunday. The coast guard said 40 people from the boats were rescued.",
     "40", "Sfax", "origin"),
    ("The company opened a factory near Lyon in 2019. The factory now employs 450 people, the chief executive said.",
     "450", "Lyon", "event"),
    ("The migrants left Libya on Monday. Officials said 40 of the migrants were rescued by the coast guard.",
     "40", "Libya", "origin"),
])
def test_a_thing_placed_once_carries_its_place_to_later_claims_about_it(extract, text, figure, place, role):
    c = _count(extract(text), figure)
    assert [(p.name, p.role, p.scope) for p in c.places] == [(place, role, "paragraph")]
    # the inherited place points at the words of the earlier sentence that stated it
    assert text[c.places[0].span[0]:c.places[0].span[1]] == place and c.places[0].span[0] < c.span[0]


def test_an_origin_named_by_its_port_keeps_the_role_of_the_port(extract):
    a = extract("The two boats had set off from the Tunisian port of Sfax and sank, the agency said. "
                "The first boat is said to have carried 48 people.")
    assert [(p.name, p.role) for p in _count(a, "48").places] == [("Sfax", "origin")]


@pytest.mark.parametrize("text, figure", [
    # another boat of its kind, brought in by a possessive
    ("Two boats set off from Sfax on Sunday. Later, 30 migrants were stranded after their boat crashed on a rock.", "30"),
    # a clause of its own after a semicolon
    ("Two boats left Sfax on Monday. The first boat is said to have sunk; the coast guard found the two victims "
     "on a beach.", "two"),
])
def test_a_place_is_not_carried_to_another_thing_or_clause(extract, text, figure):
    assert "Sfax" not in [p.name for p in _count(extract(text), figure).places if p.scope != "sentence"]


@pytest.mark.parametrize("text", [
    "Border Patrol agents in the Laredo Sector rescued 500 people in 2025, the agency said. "
    "A spokesman said the sector also recorded 12 deaths.",
    "Workers at a factory in Laredo built 400 trucks last year, the company said. Its owners sold farms in "
    "Oklahoma. A manager said the factory also hired 12 engineers.",
])
def test_a_place_that_names_a_thing_goes_with_the_thing_named_again(extract, text):
    c = _count(extract("Officials met in Houston on Monday.\n\n" + text), "12")
    assert [(p.name, p.scope) for p in c.places][:1] == [("Laredo", "paragraph")]


@pytest.mark.parametrize("note", ["Translated from Spanish.", "Photo: AFP.", "Updated at 10:40 GMT."])
def test_a_note_above_a_letterhead_does_not_become_the_lead(extract, note):
    text = (f"{note}\n\nMINISTRY OF HEALTH\nPress Office\nRelease No. 12/2024\n\n"
            "Floods struck Piura on Monday, killing nine people.\n\n"
            "Rescuers later found 14 more bodies.")
    c = _count(extract(text), "14")
    assert [(p.name, p.scope) for p in c.places] == [("Piura", "article")]
    assert c.time is not None and c.time.start == "2024-06-10"


def test_a_short_sentence_with_a_verb_stays_the_lead(extract):
    a = extract("Nine people died.\n\nFloods struck Piura on Monday.\n\nRescuers later found 14 more bodies.")
    assert a.context.lead_para == 0


@pytest.mark.parametrize("text, figure, place", [
    ("The team flew home from Boston on Sunday after a 3-2 defeat.\n\n"
     "The team has now lost 12 games this season, the coach said.", "12", "Boston"),
    ("The Chicago team beat the Lakers on Sunday.\n\nThe Lakers said the team had lost 4 players to injury since January.",
     "4", "Chicago"),
    ("The Lyon side beat Nice 3-0 on Saturday. The side has now won 9 games in a row.", "9", "Lyon"),
])
def test_a_body_of_people_does_not_carry_its_place_to_what_it_does_later(extract, text, figure, place):
    assert place not in [p.name for p in _count(extract(text), figure).places]


def test_a_count_of_a_body_s_own_members_keeps_its_place(extract):
    c = _count(extract("A rescue crew from Dover reached the ship on Monday.\n\n"
                       "Officials said 3 members of the crew were injured."), "3")
    assert [(p.name, p.role) for p in c.places] == [("Dover", "origin")]


@pytest.mark.parametrize("text, figure, place", [
    ("Police questioned the driver of a van that crashed near Leeds on Friday evening.\n\n"
     "Two pedestrians were injured, the force said.", "Two", "Leeds"),
    ("The union mourned the workers of the mill which burned down in Kanpur on Monday.\n\n"
     "At least 12 workers died, relatives said.", "At least 12", "Kanpur"),
])
def test_a_relative_clause_saying_where_a_thing_happened_places_the_report(extract, text, figure, place):
    c = _count(extract(text), figure)
    assert [(p.name, p.scope) for p in c.places] == [(place, "article")]


def test_a_relative_clause_on_people_still_places_only_them(extract):
    a = extract("Officials thanked the volunteers who travelled to Leeds on Friday.\n\n"
                "Two pedestrians were injured in the crash, the force said.")
    assert "Leeds" not in [p.name for p in _count(a, "Two").places]


@pytest.mark.parametrize("text, figure, kept", [
    ("The tanker Sea Star (flag: Panama) ran aground on Monday.\n\nRescuers said 12 crew were missing.", "12", []),
    ("A cargo ship, the Ocean Glory (registry: Liberia), caught fire off Durban on Sunday.\n\n"
     "Three sailors died, the port authority said.", "Three", ["Durban"]),
])
def test_a_bracketed_field_of_a_thing_is_not_the_reports_place(extract, text, figure, kept):
    assert [p.name for p in _count(extract(text), figure).places] == kept


@pytest.mark.parametrize("text, figure, place", [
    ("Flood closes mountain road in Ketchum\n\n"
     "Two hikers were rescued after the river burst its banks on Saturday, the sheriff said.", "Two", "Ketchum"),
    ("Grenoble, 3 March 2026 (AFP)\n\n"
     "Organisers of the winter half-marathon were criticised after 40 runners needed treatment for "
     "hypothermia on Sunday.", "40", "Grenoble"),
])
def test_a_lead_without_a_place_takes_the_headlines_or_the_datelines(extract, text, figure, place):
    c = _count(extract(text), figure)
    assert [(p.name, p.scope) for p in c.places] == [(place, "article")]


def test_the_hospital_the_hurt_lie_in_is_not_the_reports_place(extract):
    text = ("Organisers of the city half-marathon were criticised on Sunday after 40 runners needed treatment.\n\n"
            "Three are in a serious condition at Annecy hospital, the medical director said.\n\n"
            "Six more runners were treated for cramps at the finish, the organisers said.")
    a = extract(text)
    assert [p.name for p in _count(a, "Three").places] == ["Annecy"]
    assert [p.name for p in _count(a, "40").places] == [] and [p.name for p in _count(a, "Six").places] == []


def test_the_title_nearest_the_lead_places_it_rather_than_the_letterhead(extract):
    text = ("NEWS RELEASE - FOR IMMEDIATE RELEASE\nUniversity of Nevada, College of Science\nReno, Nev., Feb. 4, 2026\n\n"
            "Study: Remains of hikers recovered in Clark County rose to a decade high in 2025\n\n"
            "The Clark County Office of the Medical Examiner recovered the remains of 31 hikers in 2025, up from 20 "
            "in 2024, according to a study released Wednesday by researchers at the University of Nevada.\n\n"
            "Of the 31, 12 had been identified by December, the study found.")
    assert [p.name for p in _count(extract(text), "12").places] == ["Clark County"]


def test_a_paragraph_that_names_only_where_people_set_out_from_takes_the_leads_place(extract):
    a = extract("A dinghy capsized off Lesbos on Sunday, the coast guard said.\n\n"
                "About 40 people had set out from Ayvalik shortly after midnight. Twelve of them drowned when the boat "
                "overturned.")
    assert [(p.name, p.role, p.scope) for p in _count(a, "Twelve").places] == [("Lesbos", "event", "article")]


# A title line naming a document's kind and its author ("Sentencing remarks of ...", "Judgment of
# ...") makes the author, a person or a body, the source of the document's own voice; a headline
# that opens with the same word and names no one does not.
@pytest.mark.parametrize("text, figure, name, typ", [
    ("Sentencing remarks of Mr Justice Arnold\nLeeds Crown Court, 3 March 2026\n\n"
     "1. You stole from 23 elderly customers over four years.", "23", "Mr Justice Arnold", "judicial"),
    ("Judgment of the Court of Appeal of Kenya\nNairobi, 4 April 2026\n\n"
     "The appellants were among 14 people arrested after the protest.", "14", "Court of Appeal of Kenya", "judicial"),
    ("Remarks of a lifetime as fans mourn star\n\nSome 3,000 fans gathered outside the stadium on Sunday.",
     "Some 3,000", None, "author"),
])
def test_a_title_naming_a_documents_author_makes_it_the_source(extract, text, figure, name, typ):
    c = _count(extract(text), figure)
    assert (c.source.name, c.source.type) == (name, typ)
