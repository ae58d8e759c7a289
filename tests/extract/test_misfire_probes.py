"""Ordinary reports outside the core users' domains that rules written for those domains must not
misread; each sentence written for the test."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract
from claimwatch.model import Article


@lru_cache(maxsize=None)
def _article(text: str, published: str = "2024-05-20") -> Article:
    return extract(text, published=published, validate=False)


def _place_texts(text: str) -> set[str]:
    return {p.text for c in _article(text).claims for p in c.places}


def test_a_name_a_common_noun_classifies_is_no_place_whatever_its_appositive_says():
    # a ship, a rider, a product named after the noun that says what it is
    assert "Sea Princess" not in _place_texts(
        "The tanker Sea Princess, 20 miles off the coast, was boarded by 12 pirates, the navy said.")
    assert "Blue Dart" not in _place_texts(
        "The ferry Blue Dart, 3 km from the harbour, was carrying 140 passengers, the coastguard said.")
    # a place noun before the name keeps it a place
    assert "Qutayfah" in _place_texts(
        "Two people were killed in the village Qutayfah, 40 km north-east of Damascus, medics said.")


def test_a_camp_that_speaks_is_a_side_not_a_place_whatever_the_tagger_calls_its_name():
    assert not _place_texts("The Manchester United camp said 5 players were injured before the final.")
    assert "Zamzam camp" in _place_texts("Shelling hit Zamzam camp on Sunday, killing 12 people, medics said.")


def _times(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.time.text, c.time.start, c.time.end) for c in _article(text).claims if c.time is not None]


def test_a_figure_after_a_datelines_spaced_dash_is_no_day_range():
    got = _times("LONDON, May 18 - 12 people were hurt when a bus crashed, police said.")
    assert got and got[0] == ("May 18", "2024-05-18", "2024-05-18")
    got = _times("The festival ran from May 14-16 and drew 4,000 people, organisers said.")
    assert got and got[0][1:] == ("2024-05-14", "2024-05-16")


def _count_types(text: str) -> dict[str, str | None]:
    return {c.quantity.text: c.event_type for c in _article(text).claims if c.kind == "count" and c.quantity}


def test_an_event_noun_that_names_its_own_victim_types_no_other_count_of_its_clause():
    assert _count_types("The killing of a teenager by police sparked protests by 2,000 people.")["2,000"] is None
    assert _count_types("The death of the wolf sparked outrage; 2,000 people signed a petition.")["2,000"] is None
    # the victims in its own "of" phrase, and a verb of the count's own, still type it
    assert _count_types("The killing of 12 villagers sparked protests.")["12"] == "death"
    assert _count_types("The shelling of the town left 12 people dead, officials said.")["12"] == "death"


def test_a_beast_joined_to_people_is_not_one_more_person():
    assert "The horse and two riders" not in _count_types(
        "The horse and two riders were injured in the fall, the racecourse said.")
    assert "the dog and two hikers" not in _count_types("Rescuers found the dog and two hikers dead on the ridge.")
    # a noun of no class of things still joins the people it is named with
    assert _count_types("Police detained the merchant and two organisers, the ministry said.").get(
        "the merchant and two organisers") == "detention"


def test_the_base_of_a_rate_is_no_count_when_it_counts_the_noun_after_it():
    assert "nine" not in _count_types("One in nine adults has diabetes, and 4,000 people died of it, the charity said.")
    assert "four" not in _count_types("Nearly one in four nurses quit last year, the union said.")
    assert _count_types("Two people in 5 villages were hurt, police said.")["5"] is None   # a count, of villages


def test_an_age_bound_on_people_stays_an_age_when_the_parse_takes_the_verb_for_a_noun():
    assert "under five" not in _count_types(
        "Children under five account for most cases of measles in the district, health officials said.")
    assert "over 65" not in _count_types("People over 65 account for 80 percent of deaths, the study found.")
    # a count of the people themselves, and a figure after the verb, stay counts
    assert "5" in _count_types("The ministry said 5 children under five were treated for malnutrition.")
    assert "200" in _count_types("Women over 50 accounted for 200 of the cases, officials said.")


def _events(text: str) -> list[str | None]:
    return [c.event_type for c in _article(text).claims if c.kind == "event"]


def test_a_death_only_animals_undergo_is_no_casualty_event():
    assert "death" not in _events("500 sheep were killed by wolves in the valley, farmers said.")
    assert "death" not in _events("Forty dolphins died after stranding on the beach, scientists said.")
    got = _count_types("Floods drowned 2,000 cattle and killed 12 people, officials said.")
    assert got["2,000"] is None and got["12"] == "death"
    # animals as the agents of a death of people keep it
    assert _count_types("Wolves killed 12 people in the village, officials said.")["12"] == "death"
    assert "death" in _events("A dog and its owner were killed when a car hit them, police said.")


def test_a_body_of_a_mass_noun_is_no_corpse():
    types = [c.event_type for c in _article(
        "The team searched a body of water near the village for evidence, police said.").claims]
    assert "death" not in types and not _count_types(
        "The team searched a body of water near the village for evidence, police said.")
    assert "a body of water" not in _count_types(
        "Divers recovered a body from a body of water near the dam, police said.")
    assert _count_types("Divers recovered a body from a body of water near the dam, police said.")["a body"] == "death"
    assert _count_types("The body of a man was found in the river, police said.")["a man"] == "death"
    assert _count_types("The bodies of 30 migrants were found in the desert, officials said.")["30"] == "death"


def test_beating_people_is_an_injury_beating_a_side_or_a_record_is_not():
    assert _count_types("He had beaten her husband with a metal bar, prosecutors said.")["her husband"] == "injury"
    assert _count_types("Two men were beaten by a mob in the market, police said.")["Two"] == "injury"
    assert _count_types("Police beat 12 protesters with batons, witnesses said.")["12"] == "injury"
    assert _count_types("One of the teachers was beaten by the soldiers, a colleague said.")["One"] == "injury"
    for sport in ("Arsenal beat Chelsea 2-0 on Sunday, 50,000 fans watched.", "Arsenal beat them 3-1 in the final.",
                  "The team was beaten 4-1 by Liverpool.", "She beat the odds to win 3 medals.",
                  "Two of the players were beaten 6-0 in the final.",
                  "Federer beat his rival in straight sets."):
        assert "injury" not in [c.event_type for c in _article(sport).claims], sport


def test_the_fall_of_an_injury_or_from_a_height_is_no_autumn():
    assert _times("The climber was injured in the fall, rescuers said.") == []
    assert _times("Two workers died in the fall from the scaffolding, police said.") == []
    # autumn stays autumn: another verb, a year, "last", a season before its noun
    assert _times("Prices rose 5 percent in the fall, the bank said.")[0][1:] == ("2023-09-01", "2023-11-30")
    assert _times("He was injured last fall in a car crash, police said.")[0][0] == "last fall"
    assert _times("Two soldiers were wounded in the fall offensive, officials said.")[0][0] == "in the fall"
    assert _times("12 students were hurt in the fall of 2023, the university said.")[0][1] == "2023-09-01"


def test_a_share_of_those_surveyed_is_of_a_sample_not_of_a_population_stated_before():
    got = _count_types("The company employs 4,000 people. Nearly half of those surveyed said they would leave, "
                       "the union said.")
    assert "Nearly half of those" not in got
    # the sample itself stated before, and a share of the population by a pronoun, keep their totals
    qs = {c.quantity.text: c.quantity.best for c in _article(
        "The pollster surveyed 2,000 adults. Nearly half of those surveyed said they would vote.").claims if c.quantity}
    assert qs.get("Nearly half of those") == 1000
    qs = {c.quantity.text: c.quantity.best for c in _article(
        "The firm employs 4,000 people. Nearly half of them work in Ohio, the firm said.").claims if c.quantity}
    assert qs.get("Nearly half of them") == 2000


def test_an_ordinal_predicate_of_an_incident_is_its_running_total_not_a_day():
    got = {c.quantity.text: (c.quantity.best, c.quantity.unit) for c in _article(
        "The UN refugee agency UNHCR said the fire was the 18th in the camps since January 2025.").claims if c.quantity}
    assert got.get("18th") == (18, "fire")
    assert "25th" in _count_types("Police said the crash was the 25th on the road since March.")
    # a day stays a day, and so does the predicate of what is no incident
    assert not _count_types("The meeting was held on the 18th, officials said.")
    assert not _count_types("The deadline was the 18th, officials said.")


def _sources(text: str) -> list[tuple[str | None, str]]:
    return [(c.source.name, c.source.type) for c in _article(text).claims if c.kind == "count"]


def test_evidence_a_reporter_cites_is_no_source_the_reporter_stays():
    assert _sources("The newspaper reported, citing satellite images, that 12 buildings were destroyed.") == [
        ("The newspaper", "media")]
    # a person, an organisation or a document cited is the source
    assert _sources("The agency reported, citing the health ministry, that 30 people died.")[0][0] == "the health ministry"
    assert ("two officials", "official") in _sources("Reuters reported, citing two officials, that 40 soldiers deserted.")


def test_a_closing_reporting_clause_the_parse_hangs_on_its_speaker_keeps_the_speaker():
    got = _sources("A drone attack on an airfield in the Kursk region killed at least 20 soldiers on Monday, "
                   "a pro-Ukrainian Telegram channel, Astra, reported, citing radio intercepts.")
    assert got and got[0][1] == "social_media" and "Telegram channel" in (got[0][0] or "")


def test_two_coordinated_speakers_are_not_glued_into_one_source_name():
    assert _sources("A local resistance group and the NUG said 25 soldiers were killed.")[0][0] == "A local resistance group"
    assert _sources("Oxfam and the Red Cross said 2,000 families had lost their homes.")[0] == ("Oxfam", "ngo")
    # one name with a conjunction inside, and a bare second conjunct, stay whole
    assert _sources("The Ministry of Justice and Public Security said 40 prisoners were released.")[0][0] == \
        "The Ministry of Justice and Public Security"
    assert _sources("His wife and son said 3 men had attacked him.")[0][0] == "His wife and son"


def test_an_interviewee_named_only_by_role_speaks_the_answers():
    health = ("Cholera cases are rising in the province. In an interview this week, we spoke to the head of the "
              "regional health office about the outbreak.\n\nHow many people have fallen ill so far?\n\n"
              "We have recorded 1,240 cases since January, and 31 people have died.\n\nWhat do you need most?\n\n"
              "We need at least 20 more nurses and clean water for 3 camps.")
    names = {c.source.name for c in _article(health).claims if c.kind == "count"}
    assert names == {"the head of the regional health office"}
    flood = ("Floods hit the north last week. The regional governor answered our questions by phone.\n\n"
             "How many people were displaced?\n\nAbout 12,000 people had to leave their homes.\n\n"
             "What is the government doing?\n\nWe have sent food to the camps.")
    assert {c.source.name for c in _article(flood).claims if c.kind == "count"} == {"The regional governor"}
    # no interview said, no interviewee: an explainer's answers stay the author's
    faq = ("Floods hit the north last week; the head of the regional office visited the camps.\n\n"
           "How many people were displaced?\n\nAbout 12,000 people had to leave their homes.\n\n"
           "What happens next?\n\nThe rains are expected to ease.")
    assert {c.source.type for c in _article(faq).claims if c.kind == "count"} == {"author"}


def _count(article: Article, quantity_text: str):
    return next(c for c in article.claims if c.kind == "count" and c.quantity.text == quantity_text)


def test_a_company_named_with_a_word_of_a_monitor_is_no_ngo():
    from claimwatch.extract.sources import classify_source
    assert classify_source("Human Rights Watch") == "ngo" and classify_source("Landmine Monitor") == "ngo"
    assert classify_source("The Monitor Group") != "ngo"
    assert classify_source("Heart Monitor Inc") != "ngo"


def test_a_compiled_from_line_names_its_source_up_to_the_sentence_end():
    a = _article("Compiled from reports by Reuters. A flood killed 9 people in Sylhet on Sunday.\n\n"
                 "Police said 4 people were missing.", "2026-03-04")
    nine = _count(a, "9")
    assert (nine.source.name, nine.source.type) == ("Reuters", "media")


def test_people_burned_alive_or_soldiers_eliminated_die_by_violence():
    a = _article("Two men were burned alive in Kano during riots on Sunday, police said.\n\n"
                 "Russian forces eliminated 30 Ukrainian soldiers near Bakhmut, the defence ministry said.",
                 "2026-03-04")
    assert _count(a, "Two").cause == "violence"
    assert _count(a, "30").cause == "violence"


def test_an_age_beside_a_named_subject_is_no_count_but_a_list_label_keeps_its_figure():
    a = _article("Smith, 45, and Jones, 38, were killed when their car hit a tree near Leeds on Sunday.\n\n"
                 "Deaths by state: Kano, 14, and Kaduna, 9, the agency said.", "2026-03-04")
    counted = {c.quantity.text for c in a.claims if c.kind == "count"}
    assert "45" not in counted and "38" not in counted
    assert {"14", "9"} <= counted


def test_a_bodys_count_carries_to_its_figures_not_to_a_sentence_with_a_subject_of_its_own():
    a = _article("The ministry counted 120 arrests on Monday. The market rose 200 points on Tuesday and 40 shops "
                 "opened.\n\nThe border service counted 520,085 crossings in 2023. The figure fell to 302,203 in "
                 "2024.", "2026-03-04")
    assert _count(a, "40").source.name != "The ministry"
    assert _count(a, "302,203").source.name == "The border service"


def test_a_share_of_a_surveys_respondents_is_no_speaker_the_survey_is_the_source():
    a = _article("A survey of 2,000 nurses was published on Monday. Half said they had seen 3 patients die in "
                 "corridors.\n\nIn a poll of 800 voters by the Electoral Institute, 62 percent said 2 or more "
                 "canvassers had threatened them.\n\nHalf said they had seen 5 fights after the match.", "2026-03-04")
    seen = _count(a, "3").source
    assert (seen.name, seen.type) == ("A survey", "expert")
    threatened = _count(a, "2 or more").source
    assert (threatened.name, threatened.canonical, threatened.type) == ("a poll", "Electoral Institute", "expert")
    assert _count(a, "5").source.type == "witness"       # a share of no survey: people, not an institution


def test_a_document_of_a_described_body_is_the_bodys_not_hearsay():
    a = _article("Results were mixed. As per the company's annual report, 1,200 workers were hired in 2025.\n\n"
                 "According to a report, 40 people died in the fire.", "2026-03-04")
    assert _count(a, "1,200").source.type == "witness"      # the company's own: a private party (SPEC §4 has no company type)
    assert _count(a, "40").source.type == "unnamed"          # a report of no one named: hearsay


def _count_places(text: str, quantity: str) -> list[str]:
    found = [c for c in _article(text).claims if c.kind == "count" and c.quantity and c.quantity.text == quantity]
    assert found, [c.quantity.text for c in _article(text).claims if c.quantity]
    return [p.text for p in found[0].places]


def test_each_figure_of_a_list_takes_its_own_place():
    floods = "Floods killed 12 in Kerala and 7 in Karnataka, officials said."
    assert (_count_places(floods, "12"), _count_places(floods, "7")) == (["Kerala"], ["Karnataka"])
    jobs = "The company cut 300 jobs in Ohio and 200 in Texas."
    assert (_count_places(jobs, "300"), _count_places(jobs, "200")) == (["Ohio"], ["Texas"])
    # one figure and its place: nothing to split
    assert _count_places("Floods killed 12 people in Kerala and Karnataka, officials said.", "12") == ["Kerala", "Karnataka"]


def test_a_parts_place_is_not_the_wholes():
    jobs = "The company cut 900 jobs last year, 300 of them in Toledo, a spokesman said."
    assert (_count_places(jobs, "900"), _count_places(jobs, "300")) == ([], ["Toledo"])
    squad = "Twelve players were injured this season, including four in Manchester, the club said."
    assert (_count_places(squad, "Twelve"), _count_places(squad, "four")) == ([], ["Manchester"])
    storms = "Storms left 25 people dead across the state on Tuesday, among them 6 in Tulsa."
    assert (_count_places(storms, "25"), _count_places(storms, "6")) == ([], ["Tulsa"])
    # the whole keeps its own place; a place after a figure that is no part stays
    floods = "At least 7 people were killed in floods in Sierra Leone, including 3 in Koidu."
    assert _count_places(floods, "At least 7") == ["Sierra Leone"]
    assert _count_places("Police arrested 30 people in 2 raids in Lagos on Friday.", "30") == ["Lagos"]


def test_a_place_told_of_a_part_in_its_own_clause_is_the_parts():
    flights = "The airline cancelled 120 flights on Monday, 40 of which were bound for Denver."
    assert (_count_places(flights, "120"), _count_places(flights, "40")) == ([], ["Denver"])
    fans = "Police detained 50 fans after the match, and 12 of them were later charged in Leeds."
    assert (_count_places(fans, "50"), _count_places(fans, "12")) == ([], ["Leeds"])
    ward = "Officials said 34 patients were admitted to the ward, of whom 6 were moved to Rajkot in a critical state."
    assert _count_places(ward, "34") == []
    # a clause of another figure that is no part keeps its place for the whole sentence's figures
    assert _count_places("Officials said 3 were killed and 10 injured in Gaza.", "10") == ["Gaza"]
    # the claim's own figure told in the part's clause keeps its place
    shipped = "Of the crates seized, 900 were shipped to EU ports, the most to Poland (300) and Latvia (200)."
    assert "Poland" in _count_places(shipped, "300")


def test_an_unlocated_road_places_what_happened_on_it_not_the_whole_report():
    text = ("A truck crash on Route 66 killed 4 people on Sunday, police said.\n\n"
            "Traffic was diverted for hours, and 200 drivers were stuck.")
    assert _count_places(text, "4") == ["Route 66"]
    assert _count_places(text, "200") == []


def test_a_road_named_after_the_lead_places_only_what_happened_on_it():
    # a later paragraph's road does not replace the dateline's town as the report's place
    text = ("Hollis, Tennessee — Saturday, August 22, 2026\n\nFloods hit the county five years ago tonight.\n\n"
            "Twenty people died. Firefighters pulled 63 people from rooftops and cars on Route 9.")
    assert _count_places(text, "Twenty") == ["Hollis"]
    assert _count_places(text, "63") == ["Route 9"]


def test_an_area_of_a_towns_possessive_takes_the_towns_point():
    text = "Customs officers searched 30 containers in Rotterdam's Europoort area on Monday."
    area = next(p for c in _article(text).claims for p in c.places if p.text == "Europoort area")
    assert (area.precision, area.country) == ("near", "NL") and area.lat is not None
    # a town named in the sentence, not as the area's possessor, does not locate it
    text = "Officials in Kinshasa said fighting in the Kiwanja area had displaced 3,000 people."
    area = next(p for c in _article(text).claims for p in c.places if p.text == "Kiwanja area")
    assert area.lat is None


def test_a_habits_season_dates_no_event_after_it():
    # "the fall" of a climber is the accident; the season of a habit before it dates nothing
    text = "Leaves turn red in the fall. A climber died in the fall from the ridge, and 2 others were hurt."
    assert [c.time for c in _article(text).claims if c.kind == "count"] == [None, None]
    # a season of a past event still dates the sentences after it
    team = [c for c in _article("The team hired 3 coaches in the fall. Two players left the club.").claims
            if c.kind == "count" and c.quantity.text == "Two"]
    assert team[0].time.text == "in the fall"


def test_a_verb_of_change_with_on_dates_the_figures_of_its_sentence():
    text = "The ministry counted 120 arrests. The market rose 200 points on Tuesday and 40 shops opened."
    found = [c for c in _article(text, "2026-11-18").claims if c.kind == "count" and c.quantity.text == "40"]
    assert found[0].time.start == "2026-11-17"


def test_a_state_that_removes_people_deports_them_and_a_clause_on_another_count_is_that_counts():
    assert _count_types("Mexico removed 2,000 migrants last year, the report said.") == {"2,000": "deportation"}
    # a squad's players removed, apps removed: no deportation
    assert _count_types("Brazil removed 3 players from the squad.") == {"3": None}
    assert _count_types("Apple removed 2,000 apps.") == {"2,000": None}
    # "with 12 inmates killed" tells what befell the 12, not the 80,000 the prison held
    assert _count_types("The prison held 80,000 inmates, with 12 inmates killed.") == {"80,000": None, "12": "death"}
    # an earlier set's clause frames the part that follows it
    assert _count_types("Of the 300 migrants who were detained, 120 are minors.")["120"] == "detention"
