"""Sources typed by the structure of their name, by apposition and by the report's layout (SPEC §2
source, §4): an organisation whose name says its kind ("... Watch", "... Monitor", "Campaign to
..."), a name cut at a preposition, speaker labels of a transcript, anonymity stated after a quote."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim
from claimwatch.extract.sources import classify_source


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2026-03-10")


@pytest.mark.parametrize("name,expected", [
    ("Justice Watch Kenya", "ngo"),
    ("the Cluster Munition Monitor", "ngo"),
    ("the Monitor's research lead", "ngo"),
    ("the Kivu Security Tracker", "ngo"),
    ("the International Campaign to Ban Landmines", "ngo"),
    ("the Campaign Against Arms Trade", "ngo"),
    ("Engineers Without Borders", "ngo"),
    ("the Christian Science Monitor", "media"),
    # the common nouns are no organisations: a watch, a monitor, a tracker, a campaign
    ("a heart monitor", "witness"),
    ("his watch", "witness"),
    ("a fitness tracker", "witness"),
    ("the campaign to retake the city", "official"),
])
def test_the_words_of_a_name_give_the_organisation_its_kind(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_a_name_with_a_preposition_and_its_acronym_is_kept_whole(extract) -> None:
    a = extract("Press freedom\n\nAt least 67 journalists were killed worldwide in the past year, "
                "Doctors Without Borders (MSF) and the union said.\n\n"
                "Engineers Without Borders (EWB) said on Monday it had built 40 wells, down from 52 a year earlier.")
    wells = count_claim(a, "40")
    assert wells.source.name == "Engineers Without Borders"
    assert wells.source.type == "ngo"


TRANSCRIPT = ("TRANSCRIPT: Press briefing on the cholera outbreak\n\n"
              "JOHN MBEKI (Moderator): Good afternoon. With us is Dr Sara Lind of the World Health Organization.\n\n"
              "DR SARA LIND (WHO): Thank you. Since January the outbreak has spread to four districts. "
              "The outbreak has killed 312 people so far.\n\n"
              "QUESTION (BBC): Are the figures rising?\n\n"
              "DR SARA LIND: Yes. We saw 1,450 new cases last week alone.")


def test_a_transcripts_speaker_label_names_whom_the_speaker_speaks_for(extract) -> None:
    a = extract(TRANSCRIPT)
    deaths = count_claim(a, "312")
    assert (deaths.source.name, deaths.source.type, deaths.source.scope) == ("DR SARA LIND", "ngo", "paragraph")
    later = count_claim(a, "1,450")      # the same speaker's later label, without the brackets
    assert (later.source.name, later.source.type) == ("DR SARA LIND", "ngo")


def test_a_label_that_names_a_place_is_no_speaker(extract) -> None:
    a = extract("Weekly flood update\n\nKenya: 12 people died in floods on Monday. Roads are closed.\n\n"
                "NORTH KIVU (Goma): 30 people died.")
    assert count_claim(a, "12").source.type == "author"
    assert count_claim(a, "30").source.type == "author"


def test_a_name_beside_an_organisation_noun_is_the_organisation_and_its_members_take_its_type(extract) -> None:
    a = extract("NAIROBI, March 9 - Justice Watch Kenya, a civil liberties organization, said it had documented "
                "1,137 arrests. The group's director, Grace Otieno, said 40 of them were minors.\n\n"
                "A ferry carrying 120 people reached the port on Monday, the country's sea rescue service, "
                "Rescate Costero, said.")
    assert count_claim(a, "1,137").source.type == "ngo"
    minors = count_claim(a, "40")
    assert (minors.source.name, minors.source.type) == ("Grace Otieno", "ngo")
    assert count_claim(a, "120").source.type == "official"


def test_an_acronym_names_the_body_the_report_spells_it_out_for(extract) -> None:
    press = extract("PARIS, Dec 9 (AFP) - At least 67 journalists were killed worldwide this year, Reporters Without "
                    "Borders (RSF) said on Wednesday.\n\nRSF said 503 journalists were detained worldwide.")
    assert count_claim(press, "503").source.type == "ngo"
    war = extract("KHARTOUM, Feb 9 - The paramilitary Rapid Support Forces (RSF) denied the attack. RSF spokesman "
                  "Osman Haroun said the army had killed 12 civilians in a strike on a market.")
    assert count_claim(war, "12").source.type != "ngo"


def test_a_speaker_who_withholds_the_name_after_the_quote_is_unnamed(extract) -> None:
    a = extract("A nurse at the district clinic said 14 patients had been treated for burns. \"We were "
                "overwhelmed,\" she said, speaking on condition of anonymity because she was not authorised to "
                "talk to the press.\n\nThe coach said 3 players were injured. \"We will recover,\" he said.\n\n"
                "Dr Jane Okafor said 40 patients were admitted. \"It was hard,\" she said.")
    assert count_claim(a, "14").source.type == "unnamed"
    assert count_claim(a, "3").source.type == "witness"
    assert count_claim(a, "40").source.type != "unnamed"


def test_a_compiled_from_line_sources_the_report_and_a_sergeant_is_police(extract) -> None:
    a = extract("CITY BRIEFS\n\nCompiled from reports by the Lakeside Police Department and the county coroner.\n\n"
                "• Police arrested four teenagers after a fight at the stadium on Friday.\n\n"
                "• Two men were arrested Wednesday in connection with 17 burglaries, Sgt. Dana Ward said.\n\n"
                "• Army Sgt. John Doe said 4 soldiers were wounded in a training accident.")
    teens = count_claim(a, "four")
    assert (teens.source.name, teens.source.type, teens.source.scope) == (
        "the Lakeside Police Department", "law_enforcement", "article")
    assert count_claim(a, "17").source.type == "law_enforcement"
    assert count_claim(a, "4").source.type == "military"


def test_a_body_named_with_its_owners_its_takes_the_owners_type(extract) -> None:
    a = extract("GENEVA, March 9 - The World Health Organization has verified 2,514 attacks on health care, according "
                "to its Surveillance System for Attacks on Health Care.\n\n"
                "The league fined 12 players, according to its Disciplinary Panel.")
    attacks = count_claim(a, "2,514")
    assert (attacks.source.name, attacks.source.type) == ("its Surveillance System for Attacks on Health Care", "ngo")
    assert count_claim(a, "12").source.type == "official"


def test_a_breakdown_after_a_bodys_figures_is_the_bodys_not_the_dateline_agencys(extract) -> None:
    a = extract("HOUSTON (AP) — Flooding hit the city on Monday.\n\n"
                "The state registry showed 13,412 people missing as of Sunday. Of those, 10,870 were men; the age of "
                "507 people was not recorded.")
    men = count_claim(a, "10,870")
    assert (men.source.name, men.source.type, men.source.scope) == ("The state registry", "official", "paragraph")


def test_a_header_line_naming_a_speaker_governs_the_paragraphs_under_it(extract) -> None:
    a = extract("Written statement: Hospital waiting lists\n\n"
                "Answer (Dr Sarah Kline, Minister for Health):\n\n"
                "The department treated 4,210 patients in March.\n\n"
                "Around 310 operations were cancelled.")
    for figure in ("4,210", "Around 310"):
        src = count_claim(a, figure).source
        assert (src.name, src.type) == ("Dr Sarah Kline", "official")
    b = extract("Lab notes\n\nResults from the trial:\n\nResearchers enrolled 400 patients, and 37 developed side effects.")
    assert count_claim(b, "400").source.type == "author"


@pytest.mark.parametrize("name,expected", [
    ("Mexico's National Migration Institute", "official"),
    ("the National Institute of Statistics", "official"),
    ("the National Forensic Science Institute", "official"),
    ("the Institute for Fiscal Studies", "expert"),
    ("the National Institute for Disaster Risk Management", "official"),
    ("The General Manager", "official"),
    ("General Manager Tom Ellis", "official"),
    ("Major General John Smith", "military"),
    ("RCMP Cpl. Ian Moosomin", "law_enforcement"),
    ("the Federal Institute for Risk Assessment", "official"),
    ("the National Institute for Economic and Social Research", "expert"),
    ("the Karolinska Institute", "expert"),
    ("the American Petroleum Institute", "expert"),
    ("Harvard's Institute of Politics", "expert"),
    ("Senior coroner Mary Hassell", "judicial"),
])
def test_a_states_institute_is_official_and_a_coroner_judicial(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_as_per_a_body_and_a_closing_informed_attribute_their_figures(extract) -> None:
    a = extract("Floods\n\nAs per the daily report of the State Disaster Management Authority, 4,200 people were "
                "displaced.\n\nTwo children drowned on Sunday, the district administration informed.\n\n"
                "The team tested 300 samples, as per protocol.")
    assert count_claim(a, "4,200").source.type == "official"
    assert count_claim(a, "Two").source.name == "the district administration"
    assert count_claim(a, "300").source.type == "author"


def test_a_count_a_body_recorded_carries_to_the_next_figures_of_its_paragraph(extract) -> None:
    a = extract("Crossings\n\nThe National Migration Service counted 520,085 people crossing in 2023. "
                "The figure fell to 302,203 in 2024.")
    src = count_claim(a, "302,203").source
    assert (src.name, src.scope) == ("The National Migration Service", "paragraph")
    b = extract("Deaths\n\nSurveys by the International Organization for Migration point to rising fatalities. "
                "In the last three decades, thousands have died crossing.")
    assert count_claim(b, "thousands").source.type == "author"


def test_a_body_that_verified_a_count_is_its_source_and_a_short_name_its_body(extract) -> None:
    a = extract("Attacks\n\nThe agency's head spoke on Monday.\n\nWHO has verified 181 attacks on health care since April.\n\n"
                "One was killed, according to the Institute for Development and Peace Studies (Indepaz). "
                "Indepaz counted 173 in all of 2025.")
    assert (count_claim(a, "181").source.name, count_claim(a, "181").source.type) == ("WHO", "ngo")
    assert count_claim(a, "173").source.type == "expert"


def test_a_name_cut_at_its_open_bracket_is_the_name_before_it() -> None:
    from claimwatch.extract.sources import canonical_name

    assert canonical_name("The Independent Commission for Aid Impact (ICAI") == "Independent Commission for Aid Impact"
    assert canonical_name("Ministry of Health (Gaza)") == "Ministry of Health (Gaza)"


def test_the_items_of_a_list_take_the_source_its_lead_line_names(extract) -> None:
    a = extract("Unrest in the north\n\nThe interior ministry said arrests by region were:\n\n"
                "- Northern province: 40 arrested\n- Eastern province: 12\n\nThe opposition called a strike.")
    for figure in ("40", "12"):
        assert (count_claim(a, figure).source.name, count_claim(a, figure).source.type) == (
            "The interior ministry", "official")
    b = extract("Cholera update\n\nThe health ministry's figures:\n\n- Cases: 1,200\n- Deaths: 14\n\n"
                "Residents said 30 people had died in the village.")
    assert count_claim(b, "14").source.name == "The health ministry"
    assert count_claim(b, "30").source.type == "witness"      # the list ends at the first line that is no item
    # a lead line that names no source, after a sourced paragraph; a list of a recipe
    c = extract("Unrest\n\nThe ministry said 40 people were arrested in the north.\n\nResults by region:\n\n"
                "- Northern province: 40 arrested\n- Eastern province: 12 arrested")
    assert count_claim(c, "12").source.type == "author"
    d = extract("Weekend baking\n\nIngredients:\n\n- 2 eggs\n- 300 grams of flour")
    assert all(cl.source.type == "author" for cl in d.claims)


def test_a_name_apposed_to_a_body_noun_is_an_organisation_of_the_kind_the_apposition_says(extract) -> None:
    a = extract("GOMA, March 9 - At least 46 people were killed in February, according to a tally released on "
                "Monday by the Kivu Peace Watchers, a coalition of local rights groups. "
                "The coalition said 12 of them were children.\n\nIn 2025, the Kivu Peace Watchers recorded 140 deaths.")
    assert count_claim(a, "At least 46").source.name == "the Kivu Peace Watchers"   # the tally's author, not "a tally"
    assert (count_claim(a, "12").source.canonical, count_claim(a, "12").source.type) == ("Kivu Peace Watchers", "ngo")
    assert count_claim(a, "140").source.type == "ngo"          # the name again, without its apposition


def test_a_one_word_name_takes_the_type_of_the_full_name_given_before(extract) -> None:
    a = extract("THE HAGUE, March 9 - The Appeals Chamber of the tribunal upheld the verdict on Monday. "
                "The Chamber found that 14 detainees had been tortured.")
    assert count_claim(a, "14").source.type == "judicial"
    b = extract("Officials of the Chamber of Commerce met on Monday. The Chamber said 300 firms had closed.")
    assert count_claim(b, "300").source.type == "official"     # a chamber of commerce is no court


def test_its_officer_speaks_for_the_body_the_sentence_before_was_about(extract) -> None:
    a = extract("Oxfam opened an office in Juba in May. Its director, John Smith, said 40 people had died.\n\n"
                "The agency said on Monday that 28 migrants had drowned. Its spokeswoman Ana Silva said "
                "108 survivors had been brought ashore.")
    assert count_claim(a, "40").source.type == "ngo"         # not the office it opened
    assert count_claim(a, "108").source.type == "official"   # an agency of no kind named: a state's


def test_a_participle_opening_the_sentence_is_not_its_speaker(extract) -> None:
    a = extract("NEW YORK, March 9 - Briefing the Council on the situation in Haiti, the head of the UN office, "
                "Ana Ruiz Salgado, said that 5,000 people had been killed.\n\n"
                "Addressing the Council on the situation in Yemen, the Special Envoy, Hans Berg, said that "
                "300 prisoners had been released.\n\n"
                "Visiting the site on Monday, the mayor said 14 people were missing.")
    killed = count_claim(a, "5,000")
    assert killed.source.name == "Ana Ruiz Salgado"
    assert count_claim(a, "300").source.name == "Hans Berg"
    assert count_claim(a, "14").source.name == "the mayor"


@pytest.mark.parametrize("name,expected", [
    ("Health partners", "ngo"),
    ("protection partners", "ngo"),
    ("the civil organisation Cadhac", "ngo"),
    ("a civic group", "ngo"),
    ("aid organisations", "ngo"),
    ("our member organisations", "ngo"),
    ("the Trial Chamber", "judicial"),
    ("the Appeals Chamber", "judicial"),
    # no sector's partners, no civil organisation, no court's chamber
    ("business partners", "witness"),
    ("a civil engineer", "witness"),
    ("the upper chamber", "witness"),
    ("member states", "witness"),
])
def test_a_responses_partners_civil_organisations_and_a_courts_chambers_are_typed(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_giving_a_toll_states_it_giving_a_number_of_things_does_not(extract) -> None:
    a = extract("A local elected official, who asked not to be named, gave a toll of 31 dead. The ministry "
                "provided a figure of 40 injured on Monday.\n\nThe coach gave a number of reasons for the defeat. "
                "The club gave 12 free tickets to fans.")
    toll = count_claim(a, "31").source
    assert (toll.name, toll.type) == ("A local elected official", "unnamed")
    assert count_claim(a, "40").source.name == "The ministry"
    assert count_claim(a, "12").source.type == "author"


def test_one_of_a_group_of_unnamed_sources_and_another_of_them_are_unnamed(extract) -> None:
    a = extract("One of the officials, who spoke on condition of anonymity, said at least 40 people had died. "
                "A second official said 12 of them were children.\n\n"
                "The rains went on all week. Roads were closed.\n\nThe minister said 300 homes burned. "
                "A second official said 20 schools closed.")
    first = count_claim(a, "at least 40").source
    assert (first.name, first.canonical, first.type) == ("One of the officials", "officials", "unnamed")
    assert count_claim(a, "12").source.type == "unnamed"
    assert count_claim(a, "20").source.type == "official"     # one more of a kind that was named


def test_a_counted_noun_takes_the_agent_of_its_participle_as_source(extract) -> None:
    a = extract("Heat caused 16,480 excess deaths, researchers said. That is five times the 2,985 deaths "
                "recorded by the Office for National Statistics.\n\nThe 400 jobs announced by the company "
                "will go by May.")
    recorded = count_claim(a, "2,985").source
    assert (recorded.name, recorded.type) == ("the Office for National Statistics", "official")
    assert count_claim(a, "400").source.name == "the company"


def test_a_kind_of_office_is_no_back_reference_to_another_office(extract) -> None:
    a = extract("The city police office confirmed eight dead. Earlier, the provincial disaster office had put the "
                "toll at 11.\n\nThe press service of the border detachment reported 9 arrests.")
    assert count_claim(a, "11").source.type == "official"      # not the police office named before


def test_a_studys_lead_author_is_an_expert(extract) -> None:
    a = extract("Lead author Dr Ana Ruiz said the figures were conservative. She said the final toll could "
                "reach 20,000.")
    assert count_claim(a, "20,000").source.type == "expert"


def test_a_documents_owner_after_of_or_as_a_relative_clauses_subject_is_named(extract) -> None:
    a = extract("Climbing\n\nAvalanches have killed 43 climbers in the last ten years, as per the record of "
                "the Department of Tourism.\n\nAt least 40 people were killed, according to the records of the "
                "health ministry.\n\nThis year, 61 people have died at sea, according to the figures the ministry "
                "gave me last week.")
    assert count_claim(a, "43").source.name == "the Department of Tourism"
    assert count_claim(a, "At least 40").source.name == "the health ministry"
    assert count_claim(a, "61").source.name == "the ministry"
    # what a document is about is no author: "a report of abuse", "a tally of deaths reported by X"
    b = extract("Abuse\n\nAt least 12 people were beaten, according to a report of abuse that circulated online.")
    assert count_claim(b, "At least 12").source.name == "a report"


def test_a_trailing_per_attributes_and_a_rate_per_unit_does_not(extract) -> None:
    a = extract("Floods\n\nAbout 1,200 people are staying in 40 evacuation centres, per the regional disaster "
                "office.\n\nPer the health ministry, 30 people died in the floods that hit the north on Monday.\n\n"
                "The club pays its 25 players $5 per player and the coach said so on Monday.")
    assert count_claim(a, "About 1,200").source.name == "the regional disaster office"
    assert count_claim(a, "30").source.name == "the health ministry"
    assert count_claim(a, "25").source.name == "the coach"


def test_a_label_naming_whose_figures_follow_the_colon_sources_them(extract) -> None:
    a = extract("Quake\n\n13:20 - COEN update, replacing the earlier figures: 18 dead, 104 injured.\n\n"
                "17:30 - Latest COEN figures (these supersede all earlier tolls): 14 dead, 117 injured.")
    assert count_claim(a, "18").source.name == "COEN"
    assert count_claim(a, "117").source.name == "COEN"
    # a label that names no body, and figures of no casualty, stay the author's
    b = extract("Football\n\nLeague update (after Saturday's games): the leaders have 12 games left and "
                "3 players were injured.")
    assert count_claim(b, "3").source.type == "author"


def test_a_number_that_ends_a_name_after_a_descriptor_is_part_of_it(extract) -> None:
    a = extract("Channel\n\nAccording to the charity Utopia 56, as many as 78 people may have died.\n\n"
                "The charity Oxfam said 12 staff members were injured in the attack.")
    assert count_claim(a, "as many as 78").source.name == "the charity Utopia 56"
    assert count_claim(a, "12").source.name == "Oxfam"


def test_a_title_case_dateline_with_a_full_date_is_no_speaker(extract) -> None:
    a = extract("Press freedom\n\nParis, 22 September 2026 - Reporters Without Borders said 12 journalists were "
                "killed in the country this year.")
    assert count_claim(a, "12").source.name == "Reporters Without Borders"


def test_an_acronym_a_report_spells_out_stands_for_that_body_not_the_lexicons(extract) -> None:
    a = extract("Press freedom\n\nReporters Without Borders (RSF) condemned the murder of a reporter on Sunday. "
                "Since 2000, RSF has recorded the murders of at least 160 journalists in the country.")
    assert count_claim(a, "at least 160").source.type == "ngo"
    # the acronym spelled out as another body keeps that body's type
    b = extract("Sudan\n\nThe Rapid Support Forces (RSF) said on Monday that 40 of its fighters were killed. "
                "According to the RSF, 12 civilians died in the shelling of the town.")
    assert count_claim(b, "12").source.type != "ngo"


def test_a_closing_reporting_verb_with_its_speaker_after_it_is_read_inverted(extract) -> None:
    a = extract("Rescue\n\nForty migrants were rescued off the island on Sunday, announced the coast guard in a "
                "statement.\n\nThree people died in the fire on Friday night, confirmed the fire brigade.")
    assert count_claim(a, "Forty").source.name == "the coast guard"
    assert count_claim(a, "Three").source.name == "the fire brigade"
    # a coordinated verb with its own object is no inverted speaker
    b = extract("Football\n\nThe club signed 4 players in the summer, announced a new kit and opened a museum.")
    assert count_claim(b, "4").source.name == "The club"


def test_the_group_after_an_ngo_is_that_ngo_not_a_group_of_people(extract) -> None:
    a = extract("Syria\n\nThe Syrian Network for Human Rights said 30 civilians were killed on Monday. "
                "The group said 12 of them were children.")
    assert count_claim(a, "12").source.type == "ngo"
    b = extract("Arrivals\n\nA group of 40 migrants reached the island on Sunday. The group said 3 people had "
                "drowned on the way.")
    assert count_claim(b, "3").source.type == "witness"


@pytest.mark.parametrize("name,expected", [
    ("the Ombudsman's Office", "official"),     # a state institution, not an NGO
    ("the Human Rights Ombudsman", "official"),
    ("the district officer", "official"),       # civil administration, not the police
    ("District Commissioner Jane Doe", "official"),
    ("a police officer", "law_enforcement"),
])
def test_an_ombudsman_and_a_districts_administrators_are_officials(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_a_district_officer_speaks_as_an_official_a_police_superintendent_as_police(extract) -> None:
    a = extract("Avalanche\n\nThe search for the three missing climbers was halted, said Chief District Officer Ram "
                "Gautam.\n\nFour porters died in the avalanche, said Deputy Superintendent of Police Hari Basnet.")
    assert count_claim(a, "three").source.type == "official"
    assert count_claim(a, "Four").source.type == "law_enforcement"


def test_a_parliaments_record_labels_a_role_with_its_holder_and_a_member_with_seat_and_party(extract) -> None:
    a = extract("Debate on flooding\n\n"
                "Jane Doe (Riverside) (Lab): I beg to move the motion. This year, 14 people have died in floods.\n\n"
                "The Minister for Floods and Water (Sir John Roe): Let me give the House the facts. Since April, "
                "2,100 homes were flooded and 12 people were rescued by helicopter.\n\n"
                "Jane Doe: I thank the Minister. Another 3 people are missing in my constituency.")
    assert (count_claim(a, "14").source.name, count_claim(a, "14").source.type) == ("Jane Doe", "official")
    rescued = count_claim(a, "12").source
    assert (rescued.name, rescued.type) == ("The Minister for Floods and Water", "official")
    assert count_claim(a, "3").source.type == "official"      # the member's later label, without brackets


def test_a_pollster_a_poll_names_as_its_issuer_is_an_expert_source(extract) -> None:
    a = extract("Poll\n\nIn a poll of 1,000 voters by YouGov, 62 percent said 2 or more canvassers had visited "
                "them. Half said 3 people in their household had lost jobs.")
    assert count_claim(a, "3").source.type == "expert"


@pytest.mark.parametrize("text,figure,name,typ", [
    ("Cholera\n\nThe WHO said 1,200 people had died of cholera in the region since March.",
     "1,200", "WHO", "ngo"),
    ("Measles\n\nAt least 40 cases of measles were confirmed last week, the WHO said on Tuesday.",
     "At least 40", "WHO", "ngo"),
    ("Outage\n\nIT staff at the bank said 2,000 accounts were affected by the outage.",
     "2,000", "IT staff", None),
    ("Crush\n\nTwelve people were injured in a crush outside the stadium, the WHO reported, citing hospital data.",
     "Twelve", "WHO", "ngo"),
])
def test_an_acronym_spelled_like_a_pronoun_is_the_organisation_not_the_pronoun(extract, text, figure, name, typ) -> None:
    source = count_claim(extract(text), figure).source
    assert source.name is not None and source.name.removeprefix("the ").removeprefix("The ") == name
    assert typ is None or source.type == typ


def test_a_relative_pronoun_and_a_headline_in_capitals_still_read_as_pronouns(extract) -> None:
    a = extract("Flood\n\nRescuers, who reached the village on Monday, said 8 people were missing. "
                "The agency said it had counted 30 damaged houses.")
    assert count_claim(a, "8").source.name == "Rescuers"
    assert count_claim(a, "30").source.name in ("The agency", "it")


def test_list_lines_under_a_colon_line_are_counts_of_its_source_not_statements_of_their_label(extract) -> None:
    a = extract("Injuries this season\n\nThe league published its injury figures on Monday. Injuries by club were:\n"
                "- Arsenal: 3\n- Chelsea: 5\n- Everton: 2")
    for figure in ("3", "5", "2"):
        claim = count_claim(a, figure)
        assert claim.text.startswith("- ") and claim.source.name == "The league"
    assert not any(c.kind == "statement" and c.text.startswith("-") for c in a.claims)
    b = extract("Storm damage\n\nThe utility said on Tuesday that outages by county were:\n"
                "- Kent: 12,000 homes\n- Essex: 8,500 homes")
    assert [c.text for c in b.claims if c.kind == "statement"] == [
        "The utility said on Tuesday that outages by county were:"]
    assert count_claim(b, "8,500").source.name == "The utility"
    # a colon line that speaks of no figures does not pass on the source carried to it (found by review)
    c = extract("Roundup\n\nPolice said 5 people were hurt in the crash. Other news today:\n- Arsenal: 3 goals\n"
                "- Chelsea: 1 goal")
    assert count_claim(c, "3").source.type == "author" and count_claim(c, "1").source.type == "author"


def test_a_pronoun_speaker_in_a_labelled_turn_is_the_turns_speaker(extract) -> None:
    a = extract("Flood defences debate\n\n"
                "Jane Doe (Riverside) (Lab): What assessment has the Minister made of flood defences? In my "
                "constituency, 40 homes were flooded last month, she asked.\n\n"
                "The Minister for Floods (Sir John Roe): Since April, 2,100 homes have been protected, he said.")
    asked = count_claim(a, "40").source
    assert (asked.canonical, asked.type) == ("Jane Doe", "official")
    assert "Minister for Floods" in (count_claim(a, "2,100").source.canonical or "")
    # a person the turn names as a speaker first is the nearer one
    b = extract("Hearing\n\nJane Doe (Riverside) (Lab): The chief constable, Tom Hale, spoke to me on Monday. "
                "Twelve officers were hurt, he said.")
    assert count_claim(b, "Twelve").source.canonical != "Jane Doe"


def test_a_question_put_to_someone_is_not_their_statement(extract) -> None:
    a = extract("Council meeting\n\nCouncillor Amy Lee (Green): Will the leader confirm that 12 libraries will "
                "close? Residents told me 300 people signed a petition, she said.")
    assert count_claim(a, "12").source.canonical == "Councillor Amy Lee"
    assert count_claim(a, "300").source.canonical == "Councillor Amy Lee"
    b = extract("Derby\n\nDid police say 3 people were hurt? The club said 5 fans were injured.")
    assert count_claim(b, "3").source.type == "author"
    assert count_claim(b, "5").source.name == "The club"


def test_a_list_lines_mark_and_label_stay_with_a_clause_after_them(extract) -> None:
    a = extract("Situation\n\nBy region:\n"
                "• North Darfur: 62 killed, 140 injured (Ministry of Health)\n"
                "• South Kordofan: 9 people killed in an attack on 8 March, local authorities said.")
    killed = count_claim(a, "62")
    assert killed.text.startswith("• North Darfur:") and killed.event_type == "death"
    nine = count_claim(a, "9")
    assert nine.text.startswith("• South Kordofan:") and nine.source.name == "local authorities"
    assert not any(c.kind == "statement" for c in a.claims)


@pytest.mark.parametrize("name,expected", [
    ("the company", "witness"),
    ("the airline", "witness"),
    ("the mine's operator", "witness"),
    ("Acme Holdings Inc", "witness"),
    ("Northwind Airlines", "witness"),
    ("the firm's spokesman", "witness"),
    ("a consulting firm", "expert"),
    ("the Federal Aviation Administration", "official"),
    ("the Ministry of Transport", "official"),
])
def test_a_company_is_a_private_party_not_an_official_body(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_a_companys_release_letterhead_names_a_private_party(extract) -> None:
    a = extract("NORTHWIND AIRLINES LTD\nPress Office, 4 Runway Road\n\nPress Release No. 12/2026\n\n"
                "Three flights were cancelled on Monday and 420 passengers were rebooked after the storm.")
    source = count_claim(a, "420").source
    assert (source.name, source.type) == ("NORTHWIND AIRLINES LTD", "witness")


def test_a_name_a_who_clause_describes_is_a_person_a_later_pronoun_resolves_to(extract) -> None:
    a = extract("Outbreak\n\nDr Ana Lima, who leads the clinic, told reporters on Monday that the outbreak was "
                "slowing. She said 14 patients had recovered.")
    source = count_claim(a, "14").source
    assert (source.canonical, source.type) == ("Dr Ana Lima", "witness")
    b = extract("Summit\n\nLima, which hosted the summit, said 4,000 police officers were deployed.")
    assert count_claim(b, "4,000").source.type == "official"      # a city speaks for its government


@pytest.mark.parametrize("name,expected", [
    ("the organisers", "ngo"),
    ("protest organizers", "ngo"),
    ("the trade union", "ngo"),
    ("Union Minister Amit Shah", "official"),
    ("the Soviet Union", "official"),
    ("the European Union", "official"),
])
def test_organisers_and_a_trade_union_are_civil_bodies_not_the_state(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_a_marchs_organisers_and_the_police_are_two_sides(extract) -> None:
    a = extract("March\n\nPolice said 40 protesters were detained, while the organisers said 300 people were held.")
    assert count_claim(a, "40").source.type == "law_enforcement"
    assert count_claim(a, "300").source.type == "ngo"


@pytest.mark.parametrize("text,first,second", [
    ("The company said 300 jobs would go, and the union said 1,200 workers would strike.",
     ("300", "The company"), ("1,200", "the union")),
    ("The coach said the team lost three games, and the club doctor said five players were injured.",
     ("three", "The coach"), ("five", "the club doctor")),
    # a pronoun after ", and" is the same speaker, and so is a verb with no subject of its own
    ("Police said 12 people were arrested, and said three were later released.",
     ("12", "Police"), ("three", "Police")),
])
def test_a_second_speaker_after_a_comma_and_speaks_for_their_own_clause(extract, text, first, second) -> None:
    a = extract("March\n\n" + text)
    for figure, name in (first, second):
        assert count_claim(a, figure).source.name == name


def test_a_description_refers_back_to_a_name_the_body_went_by(extract):
    """"IOM's Missing Migrants Project" is a name of the IOM: "the project" later is the IOM, not a private person."""
    text = ("Nine migrants drowned crossing a river in the Darien jungle, the International Organization for "
            "Migration (IOM) said on Friday.\n\n"
            "The deaths bring to 140 the number of people recorded dead on the route this year, according to "
            "IOM's Missing Migrants Project, which warns that many deaths go unreported.\n\n"
            "Since 2015, the project has recorded more than 1,200 deaths in the Darien.")
    c = count_claim(extract(text), "more than 1,200")
    assert (c.source.name, c.source.canonical, c.source.type) == (
        "the project", "International Organization for Migration", "ngo")


def test_an_embedded_posts_header_line_is_the_source_of_the_post(extract):
    text = ("Storm live: what officials are posting\n\n"
            "---\n"
            "Metro Transit Authority (@metrotransit) - 08:10\n"
            "Two bus drivers were injured when a tree fell on Route 9. Expect delays.\n"
            "---\n"
            "Dana Ruiz, Mayor of Springfield (@danaruiz)\n"
            "Our crews evacuated 45 residents from the river district overnight.\n"
            "---\n\n"
            "Forecasters expect the wind to ease by Sunday.")
    a = extract(text)
    bus, river = count_claim(a, "Two"), count_claim(a, "45")
    assert (bus.source.name, bus.source.type) == ("Metro Transit Authority", "official")
    assert (river.source.name, river.source.type) == ("Dana Ruiz", "official")


@pytest.mark.parametrize("byline", ["By Jane Doe (@janedoe)", "BY MARK OWEN (@markowen_sport)",
                                    "Written by Lena Park (@lenapark) - 9 Mar"])
def test_a_byline_with_a_handle_is_the_reporter_not_a_posts_header(extract, byline):
    a = extract(f"{byline}\n\nThe club confirmed that 3 players were injured in Leeds.\n\n"
                "Four matches were postponed after the storm.")
    assert count_claim(a, "Four").source.type == "author"
    assert "@" not in (count_claim(a, "Four").source.name or "")


@pytest.mark.parametrize("text,number,typ,name", [
    # abbreviated ranks are one word with their stop: the sentence goes on to the name, and the rank or the
    # body written before it types the person
    ("Regional Police spokesman Adj. Sr. Comr. Ana Putri said four people were hurt in the riot.", "four",
     "law_enforcement", "Ana Putri"),
    ("RCMP Cpl. Dana Blake said two people were injured in the crash near Regina.", "two", "law_enforcement",
     "Dana Blake"),
    ("Insp. Raj Kumar said nine people were arrested after the match.", "nine", "law_enforcement", "Raj Kumar"),
    ("Lt. Col. Sarah Mills said 30 troops were wounded in the ambush.", "30", "military", "Sarah Mills"),
    ("Cpl. Ann Brown said two soldiers were hurt in the blast.", "two", "military", "Ann Brown"),
    ("Atty. Gen. Mark Stone said 25 people were charged with fraud.", "25", "official", "Mark Stone"),
])
def test_an_abbreviated_rank_is_no_sentence_end_and_types_the_person(extract, text, number, typ, name) -> None:
    claim = count_claim(extract(text), number)
    assert (claim.source.type, claim.source.canonical) == (typ, name)


def test_a_stop_after_a_rank_before_another_word_still_ends_the_sentence(extract) -> None:
    a = extract("He was promoted to Sgt. Three officers were injured in the riot, police said.")
    assert count_claim(a, "Three").source.type == "law_enforcement"


@pytest.mark.parametrize("text,number,name,typ", [
    ("According to Deputy Superintendent of Police (DSP) Anil Rai of District Police Office, Kaski, the bodies of "
     "nine persons have been recovered. Four injured persons were airlifted to Pokhara, he said.", "Four", "Anil Rai",
     "law_enforcement"),
    ("According to Senior Superintendent of Police (SSP) Gurpreet Singh Bhullar of Amritsar Rural Police, 14 people "
     "were arrested. Two were minors, he said.", "Two", "Gurpreet Singh Bhullar", "law_enforcement"),
])
def test_a_name_after_a_role_and_its_bracketed_abbreviation_is_the_person(extract, text, number, name, typ) -> None:
    claim = count_claim(extract(text), number)
    assert (claim.source.canonical, claim.source.type) == (name, typ)


@pytest.mark.parametrize("text,number,typ", [
    # "a nonprofit" is an organisation of the civil kind, as "a charity" is
    ("Green Ridge Trails, a Denver nonprofit that maintains hiking paths, said 14 hikers were rescued last month.",
     "14", "ngo"),
    # the councillor's abbreviated title ("Cr", "Cllr") types the person, as the word would
    ("Cllr Jane Hart said 200 residents were evacuated from the ward.", "200", "official"),
    ("Cr Dan O'Rourke said police had advised him that three people had been charged with looting.", "three",
     "official"),
])
def test_a_nonprofit_and_a_councillors_short_title_type_the_source(extract, text, number, typ) -> None:
    assert count_claim(extract(text), number).source.type == typ


@pytest.mark.parametrize("text,number,other", [
    # a clause joined after the claim's, with its own speaker, attributes only what it introduces
    ("Another 40 were hurt in the crash, and officials believe several more are missing.", "40", "several"),
    ("Twelve fans were arrested at the match, and the club says 30 more face bans.", "Twelve", "30"),
])
def test_a_later_clause_with_its_own_speaker_does_not_source_the_claim_before_it(extract, text, number, other) -> None:
    a = extract(text)
    assert count_claim(a, number).source.type == "author"
    assert count_claim(a, other).source.type != "author"


def test_a_second_verb_of_the_claims_subject_still_sources_it(extract) -> None:
    a = extract("Police arrested 12 people at the border and said more arrests would follow.")
    assert count_claim(a, "12").source.type == "law_enforcement"


@pytest.mark.parametrize("text,number,name", [
    # a closing "..., <body> records show" whose verb the tagger reads as a noun or a subjectless verb
    ("Since 2016, 38 fishermen have died in capsizes of small vessels, MAIB records show, 11 of them on trawlers.",
     "38", "MAIB"),
    ("Last season, 14 players were sent off, league data show.", "14", "league data"),
])
def test_a_closing_records_show_clause_sources_the_figure(extract, text, number, name) -> None:
    assert count_claim(extract(text), number).source.name == name


def test_a_show_that_is_an_event_is_no_source(extract) -> None:
    a = extract("Visitors flocked to the car show, and 30,000 of them bought tickets on Sunday.")
    assert count_claim(a, "30,000").source.type == "author"


def test_a_closing_speaker_the_parser_joined_without_and_still_sources_the_claim(extract) -> None:
    a = extract("At least 9 miners were killed when the tunnel collapsed early on Monday, a company engineer told "
                "the Gazette by phone.")
    assert count_claim(a, "At least 9").source.type != "author"


@pytest.mark.parametrize("text,number", [
    # a generational suffix ends the sentence it closes: the number word after it opens the next one
    ("The award went to Ken Griffey Sr. Twelve fans were injured when a stand collapsed.", "Twelve"),
    ("The trophy was handed to Frank Lampard Sr. Three fans were arrested outside the ground.", "Three"),
    ("The firm was founded by Henry Ford Sr. Forty workers were laid off on Monday.", "Forty"),
])
def test_a_number_word_after_a_generational_suffix_opens_a_sentence(extract, text, number) -> None:
    assert count_claim(extract(text), number).quantity.text == number


def test_a_capitalised_word_after_a_generational_suffix_opens_a_sentence(extract) -> None:
    claim = count_claim(extract("The trophy went to Ken Griffey Sr. Police said 12 fans were hurt in the crush."), "12")
    assert (claim.source.type, claim.source.name) == ("law_enforcement", "Police")


@pytest.mark.parametrize("text,rank", [
    ("Det. Insp. Sarah Jones said 4 men were arrested in Leeds on Monday.", "Det"),
    ("Det. Sgt. Tom Hale said 3 men were arrested in Bristol overnight.", "Det"),
])
def test_an_abbreviated_rank_is_no_place(extract, text, rank) -> None:
    claim = count_claim(extract(text), text.split(" said ")[1].split()[0])
    assert all(not p.name.startswith(rank) for p in claim.places)


@pytest.mark.parametrize("text,number,typ", [
    # a captain may serve an army, a fire service, an airline or a team: the body types them, and with none
    # the rank claims no type it cannot justify
    ("Capt. Chesley Sullenberger said all 155 passengers survived the landing.", "155", "witness"),
    ("Fire Capt. Mike Lee said 3 people were hurt in the blaze.", "3", "official"),
    ("Army Capt. John Reyes said 4 soldiers were wounded in the ambush.", "4", "military"),
    ("Sgt. Major Paul Kim said 3 recruits were injured during the exercise.", "3", "military"),
    # the body written after the name types the rank
    ("Supt. Ian Moss of Thames Valley Police said 5 people were arrested.", "5", "law_enforcement"),
    # a civil title ending in "General" is an office, not an army rank
    ("Surgeon General Vivek Murthy said 30 people died of the outbreak.", "30", "official"),
    ("Inspector General Michael Horowitz said 12 agents were disciplined.", "12", "official"),
])
def test_a_rank_or_title_types_the_person_only_as_far_as_it_can(extract, text, number, typ) -> None:
    assert count_claim(extract(text), number).source.type == typ


@pytest.mark.parametrize("text,number,typ", [
    # a nonprofit newsroom or news organisation is a medium, not a civil organisation
    ("ProPublica, a nonprofit newsroom, found 40 deaths in the county jail since 2020.", "40", "media"),
    ("CalMatters, a nonprofit news organization, counted 12 deaths at the facility.", "12", "media"),
    ("The Marshall Project, a news nonprofit, counted 9 deaths in state prisons.", "9", "media"),
    ("Green Ridge Trails, a nonprofit that maintains hiking paths, said 14 hikers were rescued.", "14", "ngo"),
])
def test_a_nonprofit_newsroom_is_media(extract, text, number, typ) -> None:
    assert count_claim(extract(text), number).source.type == typ


@pytest.mark.parametrize("text,number,typ", [
    # a clause of its own joined after a closing "..., X records show," is the author's
    ("The series drew 4 million viewers, ratings show, and 12 episodes were filmed in Spain.", "12", "author"),
    ("Sales rose to 3 million units, company records show, and 200 staff were hired.", "200", "author"),
    ("Nine climbers died on the peak in 2023, park data show, but 40 were rescued.", "40", "author"),
    # the closing source's own figure, and an addition to its content, stay its
    ("Sales rose to 3 million units, company records show, and 200 staff were hired.", "3 million", "witness"),
    ("Since 2016, 38 fishermen have died at sea, MAIB records show, 11 of them in Scotland.", "11", "official"),
    # a speaker's closing "..., X said, and ..." goes on speaking
    ("Six hikers were taken to hospital, the park service said, and one of them died there on Monday.", "one",
     "official"),
])
def test_a_clause_after_a_closing_records_show_is_the_authors(extract, text, number, typ) -> None:
    assert count_claim(extract(text), number).source.type == typ


@pytest.mark.parametrize("text,figure,canonical,typ", [
    # a name the tagger does not know, opened by its role: the person "he" means, not the officer before
    ("Police Superintendent Mara Voss said 240 drivers were fined in March.\n\n"
     "But Member of Parliament for Lowfield East Odwin Trask said the roads were still unsafe. "
     "He said at least three cyclists had been hit this month.",
     "at least three", "Odwin Trask", "official"),
    ("Fire Chief Ann Lee said 40 homes were destroyed.\n\n"
     "Councillor Tom Hart said residents were angry. He said at least 12 families had been left homeless.",
     "at least 12", "Tom Hart", "official"),
])
def test_a_name_opened_by_its_role_is_the_person_a_pronoun_means(extract, text, figure, canonical, typ) -> None:
    c = count_claim(extract("March\n\n" + text), figure)
    assert c.source.canonical is not None and c.source.canonical.endswith(canonical)
    assert c.source.type == typ


@pytest.mark.parametrize("text,figure,name,typ", [
    # a place that "recorded" a figure is where it was counted when the sentence names who counted it
    ("Bavaria has recorded 312 road deaths since January, according to figures compiled by the state police.",
     "312", "the state police", "law_enforcement"),
    ("Ohio recorded 312 traffic deaths last year, according to preliminary data from the State Highway "
     "Patrol's crash statistics unit.", "312", "preliminary data", "law_enforcement"),
    # with no one else named, the place speaks for its government
    ("Panama registers a daily average of 1,250 crossings.", "1,250", "Panama", "official"),
    # a news outlet relaying the figure counted nothing: the place still speaks
    ("Kenya recorded 40 cholera deaths, according to Reuters.", "40", "Kenya", "official"),
])
def test_a_place_that_recorded_a_figure_yields_to_the_data_source_named(extract, text, figure, name, typ) -> None:
    c = count_claim(extract("March\n\n" + text), figure)
    assert (c.source.name, c.source.type) == (name, typ)


@pytest.mark.parametrize("text,figure,name", [
    # one body's name with "and" in it, however the tagger split it
    ("The Ministry of Fisheries and Maritime Affairs said 27 bodies were recovered off the coast.", "27",
     "The Ministry of Fisheries and Maritime Affairs"),
    ("The Fire Service and Civil Defence said 13 bodies had been recovered from the warehouse.", "13",
     "The Fire Service and Civil Defence"),
    # two bodies: the first named speaks
    ("The Ministry of Health and Oxfam said 300 families were displaced.", "300", "The Ministry of Health"),
])
def test_a_name_with_and_in_it_is_one_body(extract, text, figure, name) -> None:
    assert count_claim(extract("March\n\n" + text), figure).source.name == name
