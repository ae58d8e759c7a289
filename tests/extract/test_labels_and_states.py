"""Numbers that label or measure (list items, temperatures, scale points, a place's number, a code
before a noun, sums in any currency outside an event), a state named through "as" ("listed as
missing"), the people whose lives are lost, and members listed among a counted set. Each sentence
written for the test, in several domains."""

from __future__ import annotations

from functools import lru_cache

from claim_checks import counts_by_type
from claimwatch.extract import extract


@lru_cache(maxsize=None)
def _counts(text: str) -> list[tuple[str, float | None, str | None]]:
    article = extract(text, published="2026-06-01", validate=False)
    return [(c.quantity.text, c.quantity.best, c.event_type) for c in article.claims if c.quantity is not None]


def test_list_item_numbers_count_nothing():
    text = ("The unions ask the board to:\n1. restore the night shift;\n2. publish the audit;\n"
            "3) reopen talks with 40 drivers.")
    assert [t for t, _v, _e in _counts(text)] == ["40"]
    # a figure inside a line still counts
    assert _counts("Police said:\n12 people were arrested overnight.")[0][:2] == ("12", 12)


def test_a_label_heading_a_line_counts_nothing():
    assert [t for t, _v, _e in _counts("UPDATE 2 - Bus plunge toll rises; driver detained\n\nAt least 23 people died, "
                                       "police said.")] == ["At least 23"]
    assert [t for t, _v, _e in _counts("Day 3: rescuers pull 14 survivors from the rubble")] == ["14"]
    assert [t for t, _v, _e in _counts("Stage 12 – Valence to Lyon, where 40 riders abandoned the race")] == ["40"]
    # a tally line names what it counts
    assert ("12", 12) in [(t, v) for t, v, _e in _counts("Dead 12 - Injured 40")]
    # a plural or a participle heading the line names what its figure counts; a label's word is singular
    assert [t for t, _v, _e in _counts("Evacuated 300: residents of the estate were moved after the blast.")] == ["300"]
    assert [t for t, _v, _e in _counts("Hospitalised 8 - after a gas leak at a school in Cardiff.")] == ["8"]
    assert [t for t, _v, _e in _counts("Homes 40 - destroyed by the tornado in Oklahoma.")] == ["40"]
    assert [t for t, _v, _e in _counts("Departures 95 - to the mainland on Sunday.")] == ["95"]
    assert [t for t, _v, _e in _counts("Series 3: the drama returns with 8 episodes.")] == ["8"]
    # a capitalised plural or participle heading a tally is no model's name ("Boeing 747")
    assert [t for t, _v, _e in _counts("Evacuees 400 - moved to the sports hall overnight.")] == ["400"]
    assert "12" in [t for t, _v, _e in _counts("Rescued 12 - after the ferry sank off the coast.")]
    assert _counts("Boeing 747: the jumbo is retired by the airline.") == []


def test_a_figure_after_a_naming_abbreviation_names_something():
    assert "45" not in [t for t, _v, _e in _counts("Police seized 14 firearms, including two cal. 45 pistols.")]
    assert [t for t, _v, _e in _counts("The court cited art. 336 of the penal code when it jailed 12 men.")] == ["12"]
    # a qualifier's abbreviation is no name, nor is the word that ends a sentence
    assert [t for t, _v, _e in _counts("Organisers said approx. 40 people attended the rally.")] == ["approx. 40"]
    assert [t for t, _v, _e in _counts("Nine workers died. 45 others were hurt in the blast.")] == ["Nine", "45"]


def test_temperatures_count_nothing():
    assert _counts("Temperatures at the camp fell to minus 10 Celsius overnight.") == []
    assert _counts("On the day of the match, temperatures exceeded 45°C in the stands.") == []
    assert _counts("It was 30 degrees Fahrenheit when 12 climbers set off.") == [("12", 12, None)]
    # the wire style's scale letter set off after the figure; a letter that names a block or a class is none
    assert _counts("Temperatures reached 38 C at the airport on Tuesday, the weather office said.") == []
    assert _counts("Highs of 104 F are forecast on Sunday, and 12 people were treated for heat stroke.") == [
        ("12", 12, None)]
    assert _counts("Police said 38 people were arrested in Block C on Friday.") == [("38", 38, "detention")]
    # a letter before the noun the figure counts names a size or a class, not a scale
    assert [t for t, _v, _e in _counts("The shop sells 50 C batteries and 20 D batteries for the radios.")] == ["50", "20"]
    assert [t for t, _v, _e in _counts("The school has 30 C students and 40 B students.")] == ["30", "40"]
    assert "12" in [t for t, _v, _e in _counts("The air force flew 12 C 130 aircraft to the island.")]
    assert _counts("Forecasters expect 30 C temperatures this weekend.") == []


def test_the_points_of_a_rating_scale_count_nothing():
    assert _counts("Our scale runs from 1 (Poor) to 5 (Excellent); this restaurant scores 4.") == []
    assert _counts("The judges scored her routine 9.") == []
    # a count a rating body gives is still a count
    assert _counts("The agency downgraded 12 banks on Monday.")[0][:2] == ("12", 12)


def test_a_place_numbered_by_a_figure_is_no_count():
    counts = _counts("Police said officers arrested 15 suspects in raids in Sector 33 and Sector 95.")
    assert [t for t, _v, _e in counts] == ["15"]


def test_a_code_figure_before_a_singular_noun_counts_nothing():
    assert _counts("Officers arrived within three minutes of the first 911 call.") == []
    assert _counts("Staff answered a 999 call from the pier at midnight.") == []
    assert _counts("The hotline received 911 calls in one night.")[0][:2] == ("911", 911)
    assert _counts("Police said 300 staff were evacuated.")[0][:2] == ("300", 300)
    # the noun's own compounds between the code and the noun ("the 119 emergency service")
    assert _counts("Anyone who sees smoke should call the 911 dispatch centre at once.") == []
    assert _counts("Fans with questions may contact the 101 ticket office at the stadium.") == []
    assert _counts("The 150 relief workers were evacuated on Monday.")[0][:2] == ("150", 150)


def test_a_sum_in_any_currency_outside_an_event_counts_nothing():
    assert _counts("The state government pledged 50 million naira to the families of the victims.") == []
    assert _counts("The county pledged 20 million shillings to the families of the victims.") == []
    assert ("2 million", 2_000_000, None) in _counts("Officers seized 2 million naira in cash at the border.")
    # every currency of the unit lexicon, not only the ones the event frames name
    assert _counts("The kidnappers demanded 5 million gourdes for each passenger, a relative said.") == []
    assert _counts("The regency pledged 3 billion rupiah to the families of the victims.") == []
    assert _counts("The mayor promised 80,000 lempiras to each flooded household.") == []


def test_a_state_named_through_as_is_the_event():
    counts = _counts("During the month, 14 people lost their lives at sea and 9 are still listed as missing.")
    assert counts == [("14", 14, "death"), ("9", 9, "missing")]
    assert _counts("Two soldiers were reported as missing and three were confirmed as dead.") == [
        ("Two", 2, "missing"), ("three", 3, "death")]
    assert _counts("The 30 students registered as volunteers on Monday.") == [("30", 30, None)]


def test_the_people_whose_lives_are_claimed_died():
    assert _counts("Avalanches have claimed the lives of 43 mountaineers in the last decade.") == [
        ("43", 43, "death")]
    assert _counts("The programme changed the lives of 300 families, the charity said.")[0][2] is None


def test_members_listed_among_a_counted_set_are_parts_each_a_count():
    text = ("The ministry said 23 people died in the floods. Among the dead are a 62-year-old shepherd "
            "and two children aged 8 and 11.")
    assert [(t, v) for t, v, _e in _counts(text)] == [("23", 23), ("a 62-year-old shepherd", 1), ("two", 2)]
    # an unnumbered pair stays one set (SPEC 3 implicit counts)
    assert _counts("Among the dead were a nurse and her daughter.") == [("a nurse and her daughter", 2, "death")]


def test_the_deceased_and_those_along_with_them():
    assert _counts("The deceased include 4 children, the mayor said.") == [("4", 4, "death")]
    counts = _counts("The police said the deceased include one Canadian climber along with three local porters.")
    assert [(t, e) for t, _v, e in counts] == [("one", "death"), ("three", "death")]
    assert _counts("Police arrested the driver along with 4 passengers.")[-1] == ("4", 4, "detention")
    assert _counts("The coach arrived along with 20 players on Monday.") == [("20", 20, None)]


def test_coordinated_modifiers_share_the_people_noun():
    assert _counts('Its spokesman said they had "eliminated 70 army and allied militia fighters".') == [
        ("70", 70, "death")]
    assert _counts("The club signed 3 defenders and 2 strikers.") == [("3", 3, None), ("2", 2, None)]


def test_a_total_brought_to_a_figure_carries_on_the_count_before():
    assert _counts("The flood killed 12 people on Monday, bringing the toll to 40.") == [
        ("12", 12, "death"), ("40", 40, "death")]
    assert _counts("The club sold 3 players, bringing the total to 12.") == [("3", 3, None), ("12", 12, None)]


def test_a_figure_before_a_participle_counts_the_noun_after_it():
    counts = _counts("The monitor recorded 412 political violence events and 1,038 reported fatalities across the region.")
    assert ("1,038", 1038, "death") in counts


def test_a_house_number_in_an_address_line_and_one_included_in_a_set():
    text = "City Hospital\nPress Office, 8 Harbour Quay, Piraeus\n\nIn October, 14 patients died."
    assert [t for t, _v, _e in _counts(text)] == ["14"]
    assert ("30", 30, "missing") in _counts("Floods in Kenya, 12 Dead, 30 Missing\n\nThe floods killed 12 people.")
    counts = _counts("Seventeen of the injured remained in hospital, he said, including one in intensive care.")
    assert [(t, v) for t, v, _e in counts] == [("Seventeen", 17), ("one", 1)]


def test_a_players_points_are_not_a_rating():
    counts = _counts("The court heard that 14 people were arrested, with Smith scoring 12 in the match.")
    assert [t for t, _v, _e in counts] == ["14", "12"]


def test_a_figure_before_a_unit_abbreviation_measures():
    # any one-word unit of the unit lexicon, also one the noun classes did not list
    assert _counts("The yacht sank 25 nmi west of Brest; two sailors drowned, the navy said.") == [
        ("two", 2, "death")]
    assert _counts("The ferry ran aground 12 nm off Dover and 30 passengers were hurt, police said.") == [
        ("30", 30, "injury")]
    assert _counts("The nearest port is 118 nm away. Five people died, officials said.") == [("Five", 5, "death")]
    assert _counts("The blaze burned 300 ha of forest and two firefighters were hurt, officials said.") == [
        ("two", 2, "injury")]
    # people who went away still count
    assert ("About 3", 3, "death") in _counts("About 3 passed away and 12 people were injured, police said.")


def test_a_unit_the_tagger_misread_and_a_bearing_from_a_place_measure():
    # a field line in capitals, a unit abbreviation the tagger reads as an interjection
    assert _counts("AVALANCHE SURVEY\nDEBRIS LENGTH:          400 METERS\nDEBRIS WIDTH:           900 YARDS\n"
                   "FATALITIES:             2\n") == [("2", 2, "death")]
    assert _counts("The search covered an area of about 2 ha, but 3 climbers were still missing, the park "
                   "said.") == [("3", 3, "missing")]
    # a distance and a compass point from a place, as storm and quake reports write it
    assert _counts("The quake struck 10 SW of Moore, injuring 4 people, the geological survey said.") == [
        ("4", 4, "injury")]
    assert _counts("LOCATION: 2 N SPRINGFIELD / GREENE COUNTY\nThe storm killed 3 people, police said.") == [
        ("3", 3, "death")]
    # a count named after the unit or the letters, and people of a nation, still count
    assert _counts("Doctors treated 3 TB patients at the clinic and 4 N Koreans were arrested, the ministry "
                   "said.") == [("3", 3, "injury"), ("4", 4, "detention")]
    assert [t for t, _v, _e in _counts("The plant laid off 12 HP workers and 4 GB engineers last week, the union "
                                       "said.")] == ["12", "4"]
    # a plural name after the letter is people of a nation, however the tagger typed it (a place in capitals stays)
    assert _counts("Police arrested 12 S Africans at the border.") == [("12", 12, "detention")]
    assert _counts("Coastguards rescued 14 S Koreans and 6 N Americans off the coast on Sunday.")[0][:2] == ("14", 14)


def test_a_heading_or_a_scale_reading_counts_nothing():
    assert [t for t, _v, _e in _counts("The pilot turned to heading 270. Two passengers were injured, "
                                       "the airline said.")] == ["Two"]
    assert [t for t, _v, _e in _counts("Course set 210. Three crew were injured, the captain said.")] == ["Three"]
    assert [t for t, _v, _e in _counts("The ship sank in a north-easterly force 8 and two crew drowned, "
                                       "the coastguard said.")] == ["two"]
    assert [t for t, _v, _e in _counts("A category 4 hurricane killed 9 people, officials said.")] == ["9"]
    # a count after a heading's noun still counts
    assert [t for t, _v, _e in _counts("The course drew 210 runners and 3 collapsed, organisers said.")] == ["210", "3"]
    assert [t for t, _v, _e in _counts("The task force arrested 12 suspects, police said.")] == ["12"]


def test_numbered_things_and_short_codes_count_nothing():
    assert [t for t, _v, _e in _counts("Terminals 2 and 3 were evacuated and 40 passengers were hurt, "
                                       "police said.")] == ["40"]
    assert [t for t, _v, _e in _counts("To donate, text FLOOD to 3030. At least 12 people died, "
                                       "officials said.")] == ["At least 12"]
    # people numbered so are still counted, and so is a pair of counts
    assert [t for t, _v, _e in _counts("Soldiers 4 and 5 were killed, the army said.")] == ["4", "5"]
    assert [t for t, _v, _e in _counts("Police arrested 3 and 4 others were detained later, police said.")] == [
        "3", "4"]


def test_a_figure_in_a_name_or_a_label_counts_nothing():
    assert [t for t, _v, _e in _counts("Fans gathered at the 12 Apostles Church, and 30 were hurt, "
                                       "police said.")] == ["30"]
    assert [t for t, _v, _e in _counts("The 40 Nigerian soldiers were freed, the army said.")] == ["40"]
    assert [t for t, _v, _e in _counts("WORLD CUP 2026 - Final\nTwo fans were hurt, police said.")] == ["Two"]
    assert [t for t, _v, _e in _counts("TOUR STAGE 12 - Alps\nTwo riders were hurt, organisers said.")] == ["Two"]


def test_the_figure_of_a_ratio_to_one_counts_nothing():
    assert [t for t, _v, _e in _counts("For each job the plant created, 3 were lost elsewhere, the union said. "
                                       "It cut 40 jobs in May.")] == ["40"]
    assert [t for t, _v, _e in _counts("After the game, 12 fans were arrested, police said.")] == ["12"]


def test_a_time_stamp_opening_a_log_line_is_no_score_and_no_count():
    # the figure after a stamp's dash counts (it is no "2 - 1" score), the stamp itself counts nothing
    assert [t for t, _v, _e in _counts("Shift log\n\n0640 - 38 persons rescued from water\n"
                                       "1902 - 4 survivors evacuated by helicopter")] == ["38", "4"]
    assert [(t, e) for t, _v, e in _counts("Live updates\n\n14:05 – 3 more bodies recovered from the rubble\n"
                                           "14:30 – 12 people taken to hospital")] == [("3", "death"), ("12", "injury")]
    assert [t for t, _v, _e in _counts("Police blotter\n\n2215 - Two men arrested after a fight outside a bar.")] == [
        "Two"]
    assert [t for t, _v, _e in _counts("Storm diary\n\n1100 - 200 homes flooded\n"
                                       "1300 - 3 people injured by falling trees")] == ["200", "3"]
    # a timeline's year line: the entry's figure counts
    assert [t for t, _v, _e in _counts("Timeline\n\n1998 - 12 climbers died in an avalanche")] == ["12"]
    # scores stay scores
    assert [t for t, _v, _e in _counts("The home side won 3 - 1 after extra time, and 40,000 fans watched.")] == [
        "40,000"]
    assert [t for t, _v, _e in _counts("Results\n\nArsenal 2 - 1 Chelsea\nLeeds 3 - 0 Fulham")] == []


def test_a_time_stamp_opening_an_indented_log_line_counts_nothing():
    # the stamp opens its line however deep the line is indented, with spaces or tabs
    assert [t for t, _v, _e in _counts("Police blotter\n\n          2215 - Two men arrested after a fight "
                                       "outside a bar.")] == ["Two"]
    assert [t for t, _v, _e in _counts("Plant log\n\n\t\t\t\t\t\t\t\t2130 - Two workers injured in a fall.")] == ["Two"]
    assert [t for t, _v, _e in _counts("Storm diary\n\n         1300 - Three people injured by falling "
                                       "trees")] == ["Three"]


def test_each_item_of_a_tally_line_counts_what_its_own_label_names():
    assert _counts("The weekly summary from the county police follows.\n\nInjuries 3 - Deaths 2 - Arrests 5") == [
        ("3", 3, "injury"), ("2", 2, "death"), ("5", 5, "detention")]
    assert _counts("The coastguard issued these figures.\n\nDead 12 - Injured 40") == [
        ("12", 12, "death"), ("40", 40, "injury")]
    assert _counts("The coastguard issued these figures.\n\nRescued 12 - Missing 3 - Dead 1 -") == [
        ("12", 12, None), ("3", 3, "missing"), ("1", 1, "death")]
    assert _counts("The hospital gave the figures for the weekend.\nCasualties: Dead 4, Injured 17, Missing 2") == [
        ("4", 4, "death"), ("17", 17, "injury"), ("2", 2, "missing")]
    # a later item's label that names no toll is no tally: teams, parties, regions
    assert _counts("Final table after the weekend fixtures.\n\nArsenal 20 - Chelsea 15 - Leeds 12") == []
    assert _counts("Election night results were announced.\nLabour 12 - Conservatives 9 - Greens 2") == []
    assert _counts("The company gave its quarterly figures.\nRevenue: Europe 40, Asia 25, Americas 12") == []


def test_a_heading_that_names_two_events_gives_its_lines_the_event_of_its_head_noun():
    text = ("The force answered a request for its figures.\n\nInjuries in police custody, by year:\n"
            "2022: 4\n2023: 2\n2024: 7")
    assert _counts(text) == [("4", 4, "injury"), ("2", 2, "injury"), ("7", 7, "injury")]
    text = ("The ministry published the toll.\n\nDeaths of detained migrants, by centre:\nYarl's Wood: 3\nDungavel: 5")
    assert _counts(text) == [("3", 3, "death"), ("5", 5, "death")]


def test_a_stamped_lines_figure_counts_people_only_when_the_line_or_its_heading_names_them():
    # no people, no event: a season's goals, a county's marriages, a career's titles are no counts
    assert _counts("Goals and assists by season:\n2021: 3\n2022: 5") == []
    assert _counts("Marriages and divorces in the county, by year:\n2021: 300\n2022: 280") == []
    assert _counts("Career highlights:\n1998 - 12 goals for Ajax\n2001 - 9 goals for Milan\n"
                   "2004 - 3 league titles with Porto") == []
    assert _counts("Revenue by year:\n2021: 300\n2022: 280") == []
    # the heading names people or an event of them, or the line its people
    assert [t for t, _v, _e in _counts("Migrants arriving on the island, by year:\n2021: 300\n2022: 280")] == [
        "300", "280"]
    assert [(t, e) for t, _v, e in _counts("Road deaths by year:\n2021: 30\n2022: 28")] == [
        ("30", "death"), ("28", "death")]
    assert [t for t, _v, _e in _counts("Shift log\n\n0640 - 38 persons rescued from water\n"
                                       "1902 - 4 survivors evacuated by helicopter")] == ["38", "4"]


def test_a_field_lines_label_names_what_its_figure_counts():
    box = ("Storm Ellen\n\nDate: 3 March 2025\nType: Storm\nDeaths: 4\nNon-fatal injuries: 12\nMissing: 3\n"
           "Property damage: est. $40 million\n\nStorm Ellen was a storm that hit Ireland on 3 March 2025.\n")
    assert {k: v for k, v in counts_by_type(box, "2025-03-10").items() if k in ("4", "12", "3")} == {
        "4": "death", "12": "injury", "3": "missing"}
    # a field that names no event types nothing; a place's field still takes its heading's event
    match = "Match report\n\nVenue: Wembley\nGoals: 3\nYellow cards: 5\n\nThe final was played on 3 March 2025.\n"
    assert counts_by_type(match, "2025-03-10").get("3") is None
    tolls = "Flood deaths by state, as reported by NEMA:\n- Kano: 8\n- Kogi: 14\n\nThe floods began on 3 March 2025.\n"
    assert counts_by_type(tolls, "2025-03-10")["14"] == "death"
