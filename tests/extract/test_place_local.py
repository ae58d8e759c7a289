"""Places the gazetteer lacks, found by structure (villages, camps, wells, suburbs), and the wrong
places their absence or a headline above the dateline let in."""

from __future__ import annotations

import pytest

from claimwatch.export.geo import acled_geo_precision, ucdp_where_prec
from claimwatch.extract.api import extract
from claimwatch.model import Place


def _places(analyse, text):
    a = analyse(text, stages=("places",))
    for p in a.places:
        assert text[p.span[0]:p.span[1]] == p.text
    return a.places


def _one(places, text):
    hits = [p for p in places if p.text == text]
    assert hits, [p.text for p in places]
    return hits[0]


def test_a_village_of_a_name_near_a_town_takes_the_towns_point(analyse):
    places = _places(analyse, "Gunmen killed 14 people in the village of Tullu Gammadi, 20 km west of Nekemte, on Sunday.")
    village = _one(places, "Tullu Gammadi")
    town = _one(places, "Nekemte")
    assert village.precision == "near" and (village.lat, village.lon) == (town.lat, town.lon)
    assert village.country == "ET" and village.feature == "village" and village.geonameid is None


def test_a_camp_takes_the_country_of_its_sentence_and_no_point(analyse):
    places = _places(analyse, "Shelling near Karbeesh camp in Syria killed 3 displaced people.")
    camp = _one(places, "Karbeesh camp")
    assert camp.precision == "unlocated" and camp.lat is None and camp.lon is None
    assert camp.country == "SY" and camp.feature == "camp"


def test_an_appositive_makes_an_unknown_name_a_town(analyse):
    places = _places(analyse, "Rebels seized Nyanzale, a town in North Kivu, after two days of fighting.")
    town = _one(places, "Nyanzale")
    assert town.country == "CD" and town.lat is None


def test_a_nationality_on_the_place_noun_gives_the_country(analyse):
    places = _places(analyse, "The truck broke down on the route from Agadez to the Libyan oasis of Tajarhi.")
    assert _one(places, "Tajarhi").country == "LY"


def test_a_tagger_place_after_a_direction_but_not_after_a_bare_preposition(analyse):
    assert _one(_places(analyse, "The boat sank 30 km north of Kabkabiya in Sudan."), "Kabkabiya").country == "SD"
    assert "Kabkabiya" not in [p.text for p in _places(analyse, "Staff were relocated to Kabkabiya in Sudan.")]


@pytest.mark.parametrize("text", [
    "The Remain camp lost the vote by 1.3 million ballots.",
    "The Trump camp said on Tuesday that Donald Trump would not attend the debate in Atlanta.",
    "According to Senafront, 300 migrants crossed on Monday.",
    "The film Gladiator II, directed by Ridley Scott, earned $87 million in its first weekend.",
    "The Labour camp won 412 seats, the BBC reported.",
    "Jones, a town councillor, said 40 people attended.",
    "The Public Order Act as well as the new law took effect on 3 May.",
    "Police said 4 people were hurt in the Edwardsville District.",
])
def test_factions_people_and_organisations_are_no_local_places(analyse, text):
    assert not [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated")]


def test_a_possessive_name_and_its_feature_word_are_one_place(analyse):
    places = _places(analyse, "The coast guard recovered 11 bodies off St. Martin's Island, Bangladesh's officials said.")
    assert not [p for p in places if p.name == "Iceland"]
    assert _one(places, "St. Martin's Island").country == "BD"


def test_a_dateline_under_a_headline_is_where_the_report_was_filed(analyse):
    text = ("Charity says 40 feared drowned off Libya\n\nBERLIN, May 19 (dpa) - At least 40 migrants are feared "
            "to have drowned, the charity said.\n\nThe crew pulled 34 people from the water 40 nautical miles north "
            "of Zuwara.")
    places = _places(analyse, text)
    assert _one(places, "BERLIN").role == "source_location"
    assert _one(places, "Zuwara").country == "LY"  # "Zuwarah" in the gazetteer: a transliteration


def test_a_known_city_after_a_participle(analyse):
    places = _places(analyse, "About 20 soldiers were killed at a training ground in occupied Zaporizhzhia last year.")
    assert _one(places, "Zaporizhzhia").country == "UA"


def test_a_count_in_the_sentence_after_a_that_clause_takes_its_country():
    article = extract("A UN mission found in 2023 that crimes had been committed against migrants in Libya. "
                      "The mission documented at least 62 deaths in detention between 2021 and 2022.",
                      published="2026-05-01")
    claim = next(c for c in article.claims if c.quantity and c.quantity.text == "at least 62")
    assert [p.name for p in claim.places] == ["Libya"]


def test_exports_keep_the_precision_of_local_places():
    near = Place(text="Tullu Gammadi", span=(0, 13), name="Tullu Gammadi", lat=9.1, lon=36.5, country="ET",
                 feature="village", precision="near")
    unlocated = Place(text="Karbeesh camp", span=(0, 11), name="Karbeesh camp", lat=None, lon=None, country="SY",
                      feature="camp", precision="unlocated")
    assert acled_geo_precision(near) == 2 and ucdp_where_prec(near) == 3
    assert acled_geo_precision(unlocated) == 3 and ucdp_where_prec(unlocated) == 6


def test_two_regions_sharing_a_name_after_their_directions(analyse):
    places = _places(analyse, "About 520,000 people were newly displaced in North and South Kivu since January.")
    assert {p.name for p in places} == {"Nord-Kivu", "Sud-Kivu"}


def test_a_name_placed_by_where_it_lies_and_its_other_mentions(analyse):
    lies = _places(analyse, "Fighters attacked Tindila on Monday. Tindila lies 40 km north of Geneina.")
    assert _one(lies, "Tindila").precision in ("near", "unlocated")
    shared = _places(analyse, "Gunmen raided the town of Komboro on Monday, and seven wounded people were later "
                              "evacuated to the general hospital in Komboro.")
    assert [p.text for p in shared].count("Komboro") == 2
    boat = _places(analyse, "The boat reached the port of Arguineguin on Gran Canaria with 54 people.")
    assert _one(boat, "Arguineguin").precision == "unlocated"
    assert _one(_places(analyse, "Police arrested 3 suspects in the Kolatoli area on Tuesday."), "Kolatoli area")


@pytest.mark.parametrize("text", [
    "The striker scored near the end as Arsenal beat Chelsea 3-0.",
    "Barcelona lies 2 points behind Madrid after 20 games.",
    "The goalkeeper stayed in the penalty area as Leeds won 2-0.",
    "Sales at Main Street Bank rose 12 percent.",
    "Mon 9 Feb 2026 18.05 GMT\n\nA drone strike killed 31 people.",
])
def test_no_local_place_in_a_score_a_bank_or_a_date_line(analyse, text):
    assert not [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated") or p.text == "Mon"]


def test_a_street_of_a_town_the_gazetteer_lacks_is_kept_unlocated(analyse):
    street = _one(_places(analyse, "Two men were arrested on Route 9 on Wednesday."), "Route 9")
    assert street.precision == "unlocated" and street.feature == "street" and street.lat is None
    later = _places(analyse, "A man was shot on Hickory Street on Tuesday, police in Trenton, New Jersey, said.")
    assert _one(later, "Hickory Street").lat is not None
    assert not _places(analyse, "Crowds marked St. Patrick's Day. St. Louis police said 3 people were hurt.")


@pytest.mark.parametrize(("text", "name"), [
    # a place noun of its own after the name outweighs the tagger's label (a product, an
    # organisation, a person): a region, a border post, a crossing, a checkpoint
    ("The nine workers were abducted from a cement plant in Niger's Tillaberi region in October.", "Tillabéri"),
    ("Returns peaked in July, when 2,315 people crossed at the Mabamba border post, the agency said.", "Mabamba"),
    ("About 1,800 people arrive daily at the Adre crossing, the agency said.", "Adré"),
])
def test_a_place_noun_after_a_known_name_makes_it_a_place(analyse, text, name):
    assert name in [p.name for p in _places(analyse, text)]


@pytest.mark.parametrize("text", [
    "Jackson's crossing in the 80th minute set up the winner before 40,000 fans.",
    "The Tesla border dispute cost the firm 300 jobs, its chief executive said.",
    "Sales of 3 million units in the Windows region were reported by analysts.",
    "The Chelsea camp said 20 players had trained on Monday.",
])
def test_no_place_from_a_place_noun_after_a_person_firm_or_product(analyse, text):
    assert not _places(analyse, text)


def test_a_taggers_place_that_stops_short_of_a_known_name_takes_all_of_it(analyse):
    # the tagger marks "Nuevo" alone; the gazetteer knows "Nuevo Leon" whole
    places = _places(analyse, "At least 19 people have died in the custody of municipal police in Nuevo Leon since 2020.")
    assert [(p.text, p.name) for p in places] == [("Nuevo Leon", "Nuevo León")]
    assert [p.name for p in _places(analyse, "Police in San Pedro Sula arrested 14 gang members.")] == ["San Pedro Sula"]
    # not over a place noun ("Dublin City Council") nor into a longer name ("St. James United Methodist Church")
    council = _places(analyse, "Dublin City Council approved the plan, and 300 residents in Dublin, Ohio, signed it.")
    assert "Dublin City" not in [p.text for p in council]


def test_a_local_places_other_mentions_without_its_place_noun(analyse):
    village = _places(analyse, "Troops killed 42 civilians in the village of Tandilo in 2004. The court found that about "
                               "1,300 residents of Tandilo were forcibly transferred.")
    assert [p.text for p in village] == ["Tandilo", "Tandilo"]
    camp = _places(analyse, "Rains cut the road from Nduta camp to the border. Convoy number 47 left Nduta on Tuesday "
                            "carrying 431 returnees.")
    assert [p.text for p in camp] == ["Nduta camp", "Nduta"]
    # not a word of a personal name, nor part of a longer name
    firm = _places(analyse, "Police raided the village of Tandilo on Monday. Tandilo Holdings said its 30 staff were safe.")
    assert [p.text for p in firm] == ["Tandilo"]


@pytest.mark.parametrize(("text", "local"), [
    ("On 21 November, a displacement site at Kalengera was hit by mortar fire, killing four people.", ["Kalengera"]),
    ("Guards at the detention centre at Tamboura said 60 migrants had escaped.", ["Tamboura"]),
    # a site of another kind, or an institution's name, is no locality
    ("The team held a training camp at Stanford University for 30 players.", []),
    ("Doctors set up a site at St Mary's Hospital to vaccinate 500 children.", []),
])
def test_a_displacement_or_detention_site_at_a_name(analyse, text, local):
    assert [p.text for p in _places(analyse, text) if p.precision == "unlocated"] == local


@pytest.mark.parametrize("text, name", [
    ("A sailboat carrying 41 people sank 12 nautical miles off Gavdos on Monday.", "Gavdos"),
    ("The yacht was found 30 miles off Kythira on Monday.", "Kythira"),
])
def test_a_name_a_distance_puts_a_boat_off_is_a_place(analyse, text, name):
    assert _one(_places(analyse, text), name).role == "event"


@pytest.mark.parametrize("text", [
    "The leader finished 20 seconds off the pace in Stage 4.",
    "Shares closed 3 points off their high on Friday.",
    "The tanker anchored two miles off shore overnight.",
])
def test_a_gap_off_a_mark_is_no_place(analyse, text):
    assert _places(analyse, text) == []


@pytest.mark.parametrize("text, place", [
    ("Robbers attacked Kamukunji trading centre on Monday, killing two traders.", "Kamukunji trading centre"),
    ("A fire gutted the Westgate shopping centre, police said.", "Westgate shopping centre"),
])
def test_a_trading_or_shopping_centre_is_a_local_place(analyse, text, place):
    assert place in {p.text for p in analyse(text).places}


@pytest.mark.parametrize("text, name, cc", [
    ("Gunmen opened fire in the church of the parish of Gorgadji, in Burkina Faso, killing 14 worshippers.", "Gorgadji", "BF"),
    ("Floods cut off the parish of Westmoreland in Jamaica, where 300 homes were damaged.", "Westmoreland", "JM"),
    ("The parish of Kalungu in Uganda reported 12 cholera cases on Monday.", "Kalungu", "UG"),
])
def test_a_parish_governs_its_name(analyse, text, name, cc):
    assert _one(_places(analyse, text), name).country == cc


@pytest.mark.parametrize("text", [
    "The parish of St Peter's priest, Father Brown, said 40 people attended Mass in Dublin.",
    "The parish council of Smithfield met on Monday in Ohio; 12 members voted.",
])
def test_no_parish_place_from_a_person_or_a_council(analyse, text):
    got = [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated")]
    assert "Brown" not in got and "Father" not in got and "Smithfield" not in got


@pytest.mark.parametrize("text, name, cc", [
    ("Police fired on protesters in KwaThema, Ekurhuleni, on Tuesday, killing three people in South Africa.", "KwaThema", "ZA"),
    ("Fighters stormed a military base in Bariire, in the Lower Shabelle region, killing 17 soldiers in Somalia.", "Bariire", "SO"),
])
def test_a_name_a_comma_puts_before_a_larger_place_is_a_place(analyse, text, name, cc):
    assert _one(_places(analyse, text), name).country == cc


@pytest.mark.parametrize("text", [
    "Profits rose 4% in Siemens, Germany's largest engineering firm, last year.",
    "The case was heard in Johnson, a judge in Texas said on Monday; 3 men were jailed.",
    "Shares rose 4% in Nestlé, Switzerland's biggest company, on Monday.",
    "The awards were presented at St Ivo School, in St Ives, on Thursday to 40 pupils.",
    "The boy was booked into the St. James Youth Detention Center. 3 guns were found in Louisiana.",
    "The diner opened near Olive Garden in Ohio, with 40 seats.",
])
def test_no_place_before_a_comma_from_a_firm_or_a_person(analyse, text):
    got = [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated")]
    assert not set(got) & {"Siemens", "Johnson", "Nestlé", "St Ivo School", "Olive Garden"} and not any("Detention" in g for g in got), got


def test_a_trading_centre_the_tagger_calls_an_organisation_is_a_site(analyse):
    text = "Bandits attacked Chesegon trading centre in Elgeyo Marakwet County, Kenya, killing five people."
    assert _one(_places(analyse, text), "Chesegon trading centre").country == "KE"
    text = "Apple said 200 people work at the Apple shopping centre in Dublin."
    assert not [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated")]


def test_a_tagger_place_near_or_outside_is_a_place_but_not_a_possessor(analyse):
    text = "Twelve people died when a bus collided with a lorry near Salgaa in Kenya on Sunday night."
    assert _one(_places(analyse, text), "Salgaa").country == "KE"
    text = "Twenty people camped outside Kowalski's store in Poland."
    assert not [p.text for p in _places(analyse, text) if p.precision in ("near", "unlocated")]


def test_a_local_administrative_unit_after_its_name_is_a_place(analyse):
    places = _places(analyse, "COX'S BAZAR, Bangladesh — Landslides buried 12 homes in Ukhiya upazila on Sunday.")
    unit = _one(places, "Ukhiya upazila")
    assert unit.country == "BD" and unit.feature == "district" and unit.precision == "unlocated"
    places = _places(analyse, "Floods cut off 40 villages in Sheka woreda in Ethiopia, the regional office said.")
    assert _one(places, "Sheka woreda").country == "ET"


def test_a_numbered_camp_is_a_place_whatever_the_tagger_calls_it(analyse):
    places = _places(analyse, "A fire tore through Camp 11 near Cox's Bazar in Bangladesh, destroying 800 shelters.")
    camp = _one(places, "Camp 11")
    assert camp.feature == "camp" and camp.country == "BD"
    places = _places(analyse, "Camp 5 was flooded on Monday and 300 refugees were moved, UNHCR said.")
    assert _one(places, "Camp 5").feature == "camp"


@pytest.mark.parametrize("text", [
    "Camp 2024 drew 500 children to the lake, organisers said.",
    "The Teamsters union said 3,000 workers walked out in Detroit.",
    "At training camp, the Jets signed 3 rookies on Monday.",
    # a person or a programme so named, with no place context
    "The singer Camp 11 played to 3,000 fans in Leeds.",
    "The company's Camp 11 summer programme hosts 40 children in Vermont.",
])
def test_no_numbered_camp_or_unit_where_none_is_named(analyse, text):
    assert not [p for p in _places(analyse, text) if p.precision == "unlocated"]


@pytest.mark.parametrize("text, local", [
    ("Flight: Cargo charter, Kiwangu - Mbelani\n\n"
     "The aircraft crashed at Kiwangu Airstrip, Kilifi County, Kenya, killing 4 people.", "Kiwangu Airstrip"),
    ("Service: Night bus, Tamboreni - Osukwe\n\n"
     "The bus overturned at Tamboreni Junction, Osun State, Nigeria, killing 4 people.", "Tamboreni Junction"),
])
def test_two_names_set_apart_by_a_dash_are_no_persons_name(text, local):
    c = next(c for c in extract(text, published="2026-03-02").claims if c.quantity is not None and c.quantity.text == "4")
    assert local in [p.name for p in c.places]


def test_the_labels_of_a_list_of_figures_by_place_are_places():
    text = ("Storm Ivo killed 14 people in Cornwall on Monday, the county council said.\n\n"
            "Deaths by town, as reported by the council:\n- Truro: 6\n- Polkerris Vean: 5\n- Trewassa: 3")
    claims = extract(text, published="2026-03-02").claims
    by_figure = {c.quantity.text: [p.name for p in c.places] for c in claims if c.quantity is not None}
    assert by_figure["5"][:1] == ["Polkerris Vean"] and by_figure["3"][:1] == ["Trewassa"]


def test_the_labels_of_a_list_by_team_are_no_places(analyse):
    text = "Goals by team, this season:\n- Leeds: 3\n- Arsenal: 2\n- Wolves: 4"
    assert "Arsenal" not in [p.text for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A landslide in neighbouring Mianning County in Sichuan killed two people.", "Mianning County", "CN"),
    ("Police in Kaski District arrested four men on Friday, a Nepal police spokesman said.", "Kaski District", "NP"),
    ("Floods in Turkana County displaced 4,000 families, the Kenya Red Cross said.", "Turkana County", None),
    ("Hail in Bhimdatt Municipality flattened wheat on 300 farms in Nepal.", "Bhimdatt Municipality", "NP"),
])
def test_a_name_before_a_capitalised_unit_word_is_a_unit_the_gazetteer_lacks(analyse, text, name, country):
    unit = _one(_places(analyse, text), name)
    assert unit.precision == "unlocated" and (country is None or unit.country == country)


@pytest.mark.parametrize("text", [
    "Voters in the Fourth Congressional District elected 2 new members.",
    "Voters in the 4th Congressional District elected 2 new members.",
    "Mercer County Community College enrolled 900 new students this year.",
    "The Toronto District School Board cancelled 120 classes.",
])
def test_a_numbered_district_or_a_body_named_for_a_unit_is_no_unit(analyse, text):
    assert not any(p.precision == "unlocated" for p in _places(analyse, text))


@pytest.mark.parametrize(("text", "name"), [
    ("The Courier reported that the Glynmawr colliery had been sealed after a fire, and 17 men were treated.",
     "Glynmawr colliery"),
    ("Four workers were injured at the Penhale quarry on Monday, police said.", "Penhale quarry"),
])
def test_a_mine_or_quarry_the_tagger_calls_a_company_is_a_local_place(analyse, text, name):
    assert name in [p.text for p in _places(analyse, text)]


def test_a_word_mine_after_no_name_is_no_place(analyse):
    assert _places(analyse, "The company said its gold mine output fell and 300 workers were laid off.") == []
