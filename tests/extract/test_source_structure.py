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
