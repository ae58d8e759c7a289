"""Places the tagger misses or mislabels, references back to places, borders with one side named,
streets and datelines, US counties, and the coherence of an article's ambiguous names."""

from __future__ import annotations

import pytest

from claimwatch.extract.gazetteer import haversine_km
from claimwatch.extract.places import places_for


def _place(a, text):
    return next((p for p in a.places if p.text == text), None)


def _near(p, lat, lon, km=100):
    return p is not None and p.lat is not None and haversine_km(p.lat, p.lon, lat, lon) < km


# (text, mention, lat, lon, kind)
FOUND = [
    ("He drowned in international waters near the city of Pylos.", "Pylos", 36.91, 21.70, "name"),
    ("An Alexandria man remains hospitalized after a crash.", "Alexandria", 31.2, 29.9, "name"),
    ("About 30 bodies were loaded onto trucks at Kalamata port.", "Kalamata", 37.04, 22.11, "name"),
    ("Border guards in Odesa region stopped a truck.", "Odesa region", 46.5, 30.0, "name"),
    ("The guards crossed into the southwestern Salcininkai region.", "southwestern Salcininkai region", 54.3, 25.4, "name"),
    ("According to the Texas Department of State Health Services, cases rose.", "Texas", 31.1, -98.8, "embedded"),
    # a county heading a facility or a body the tagger calls a person
    ("Givens was arraigned at the Rapides Parish Jail on Tuesday.", "Rapides Parish", 31.2, -92.5, "name"),
    ("The Sheriff’s Office and Rapides Parish Fire District 2 investigated the fire.", "Rapides Parish", 31.2, -92.5,
     "embedded"),
    ("The Sri Lankan government accuses the rebels.", "Sri Lankan", 7.8, 80.7, "demonym"),
    ("American and Palestinian officials met.", "American", 39.8, -98.5, "demonym"),
    ("TORRINGTON — The council approved the budget.", "TORRINGTON", 41.8, -73.1, "name"),
    # a headline's word in capitals that the report names as a place, or a country's name
    ("BATH FLOODS: 200 homes hit\n\nAbout 200 homes were flooded in Bath on Monday.", "BATH", 51.4, -2.4, "name"),
    ("FLOODS IN BATH\n\nAbout 200 homes were flooded on Monday.", "BATH", 51.4, -2.4, "name"),
    # a large town the tagger calls a person, as the object of "on" after a noun
    ("Twelve people were killed in a missile strike on Kharkiv on Monday.", "Kharkiv", 50.0, 36.3, "name"),
    ("Drones hit a depot overnight. An attack on Zaporizhzhia killed 3 more.", "Zaporizhzhia", 47.8, 35.2, "name"),
    ("UKRAINE WAR: 12 killed\n\nTwelve people were killed in a missile strike.", "UKRAINE", 49.0, 32.0, "name"),
]


@pytest.mark.parametrize("text,mention,lat,lon,kind", FOUND, ids=[c[1] for c in FOUND])
def test_found(analyse, text, mention, lat, lon, kind):
    a = analyse(text, stages=("places",))
    p = _place(a, mention)
    assert p is not None, [(x.text, x.name) for x in a.places]
    assert text[p.span[0]:p.span[1]] == p.text and p.kind == kind
    assert _near(p, lat, lon, 150), (p.name, p.lat, p.lon)


@pytest.mark.parametrize("text,word", [
    ("Mr. Nelson and Mr. Stewart met reporters.", "Nelson"),
    ("It's another big win, says coach Ripley. Ripley praised the team.", "Ripley"),
    ("The American Red Cross responded to the scene.", "American"),
    ("The City Council approved the plan.", "City"),
    ("The lake lies near Big Creek.", "Big"),
    ("The show was held at the David L. Lawrence Convention Center.", "David"),
    ("He abducted her from Springfield Mall in September.", "Springfield"),
    # a headline's or kicker's word in capitals is a place only in context
    ("BATH TIME: Council to spend 2 million on pools\n\nThe council will spend 2 million pounds on three pools.",
     "BATH"),
    ("MOBILE PHONE SALES SLUMP\n\nSales fell by 3 million units last quarter, the company said.", "MOBILE"),
    # a place noun that heads a body's name
    ("The coast guard rescued 45 migrants off Lampedusa. The coast guard said 3 were missing.", "coast"),
    ("Snow closed roads in Vermont. The state police said 30 crashes were reported.", "state"),
    ("The storm hit Leeds on Monday. The city council said 12 schools closed.", "city"),
])
def test_not_places(analyse, text, word):
    a = analyse(text, stages=("places",))
    assert not any(word in p.text for p in a.places), [(p.text, p.name) for p in a.places]


def test_anaphors_refer_back_to_the_place_named_before(analyse):
    text = "Migrants drowned in the Rio Grande near Eagle Pass, Texas. The river was swollen. The country mourned."
    a = analyse(text, stages=("places",))
    river = _place(a, "The river")
    assert river.kind == "anaphor" and river.name == "Rio Grande" and river.feature == "river"
    assert _near(river, 28.7, -100.5, 50)  # a long river at the reach the report names
    assert _place(a, "The country").name == "United States"


def test_an_anaphor_with_nothing_before_it_is_no_place(analyse):
    a = analyse("The river was swollen and the border was closed.", stages=("places",))
    assert a.places == []


def test_the_border_is_the_frontier_of_the_countries_named(analyse):
    text = "Belarusian guards pushed migrants into Lithuania. One guard stepped across the border."
    a = analyse(text, stages=("places",))
    b = _place(a, "the border")
    assert b.feature == "border" and _near(b, 54.3, 25.6, 150)


@pytest.mark.parametrize("text,mention,pair", [
    ("Border guards in Odesa region stopped men trying to cross the border with Moldova.", "border with Moldova", {"MD", "UA"}),
    ("Belarusian officers crossed the Republic of Lithuania's border today.", "Republic of Lithuania's border", {"BY", "LT"}),
    ("Moldova says Ukrainian men cross the Moldovan border.", "Moldovan border", {"MD", "UA"}),
])
def test_a_border_with_one_side_named_takes_the_neighbour_the_report_names(analyse, text, mention, pair):
    a = analyse(text, stages=("places",))
    b = _place(a, mention)
    assert b is not None and b.feature == "border", [(p.text, p.name) for p in a.places]
    assert b.name in ("Moldova–Ukraine border", "Belarus–Lithuania border") and {b.country} <= pair


def test_border_guards_are_no_border(analyse):
    a = analyse("He was detained by Ukraine's border guards.", stages=("places",))
    assert [p.feature for p in a.places] == ["country"]


def test_streets_lie_in_the_article_town(analyse):
    a = analyse("Police in Torrington, Conn., closed Main Street and Highway 4 after the crash.", stages=("places",))
    street = _place(a, "Main Street")
    assert street is not None and street.feature == "street" and _near(street, 41.8, -73.1, 30)
    assert _place(a, "Highway 4") is not None


def test_us_counties_and_one_reading_per_name(analyse):
    text = ("Henry County stands to receive $36,000 for the bridge over Big Creek. "
            "Washington County officials agreed. Henry County supervisors met on Monday.")
    a = analyse(text, stages=("places",))
    henry = [p for p in a.places if p.text == "Henry County"]
    assert len(henry) == 2 and henry[0].name == henry[1].name and henry[0].lat == henry[1].lat
    assert all(p.feature == "admin2" and p.country == "US" for p in henry)


def test_a_local_paper_s_towns_lie_together(analyse):
    a = analyse("Paris police said the crash happened on Highway 79. Henry County deputies "
                "and the Puryear fire department responded.", stages=("places",))
    assert _near(_place(a, "Paris"), 36.3, -88.3, 60)  # Paris, Tennessee, in Henry County


def test_moscow_stays_in_russia_in_an_american_story(analyse):
    a = analyse("Flights between New York, Baltimore and Moscow will start in May, officials in Washington said.",
                stages=("places",))
    assert _near(_place(a, "Moscow"), 55.75, 37.6, 50)


def test_demonyms_and_embedded_names_do_not_locate_claims(analyse):
    a = analyse("The Texas Department of Public Safety said American tourists were detained in Cancun.",
                stages=("places",))
    detained = next(t.i for t in a.doc if t.text == "detained")
    assert [p.name for p in places_for(a, 0, detained)] == ["Cancún"] or \
        [p.text for p in places_for(a, 0, detained)] == ["Cancun"]


def test_a_small_town_beside_the_article_s_towns_beats_a_bigger_namesake(analyse):
    a = analyse("Mansfield police said the crash happened near Shreveport. Officers from Keithville and "
                "Stonewall, Louisiana, responded.", stages=("places",))
    assert _near(_place(a, "Mansfield"), 32.04, -93.70, 40)  # Mansfield, Louisiana, not Texas or England


def test_a_world_city_stays_itself_unless_the_article_locates_its_namesake(analyse):
    a = analyse("He earned his degree from the University of Toronto in 1992. Steubenville and Wheeling "
                "officials praised him.", stages=("places",))
    assert _near(_place(a, "Toronto"), 43.7, -79.4, 50)


def test_a_country_s_name_is_weak_evidence_for_itself_beside_a_local_paper_s_towns(analyse):
    a = analyse("Surviving are a son of Lebanon; a sister, Betty Kneasel of Myerstown; and a brother of Annville. "
                "She was formerly of Hershey. Interment in Palmyra.", stages=("places",))
    assert _near(_place(a, "Lebanon"), 40.34, -76.41, 30)  # Lebanon, Pennsylvania
    b = analyse("Beirut is the capital of Lebanon. Israel and Syria border Lebanon.", stages=("places",))
    assert _place(b, "Lebanon").feature == "country"


def test_the_country_is_the_reports_country_not_the_last_one_named(analyse):
    text = ("More than 2,000 migrants entered Panama on Saturday. Panama City officials met in Darien. "
            "Most had walked from Colombia. It is the highest number of migrants in the country this year.")
    a = analyse(text, stages=("places",))
    country = _place(a, "the country")
    assert country is not None and country.country == "PA", [(p.text, p.country) for p in a.places]


def test_the_country_with_one_country_named_is_that_country(analyse):
    a = analyse("Migrants crossed into Lithuania. The country declared an emergency.", stages=("places",))
    country = _place(a, "The country")
    assert country is not None and country.country == "LT"


def test_names_coordinated_before_counties_are_counties(analyse):
    a = analyse("Wildfires burned 40 homes in Eastland and Callahan counties, the forest service said. "
                "The fire in Harvey, Harper and Kingman counties was contained.", stages=("places",))
    for name, lat, lon in (("Eastland", 32.3, -98.8), ("Callahan", 32.3, -99.4), ("Harvey", 38.0, -97.4),
                           ("Harper", 37.2, -98.1), ("Kingman", 37.6, -98.1)):
        p = _place(a, name)
        assert p is not None and p.feature == "admin2" and _near(p, lat, lon, 60), (name, p)
    assert _place(a, "counties") is None


def test_a_list_without_a_feature_noun_is_no_list_of_counties(analyse):
    a = analyse("Smith, Jones and Brown said the vote was fair.", stages=("places",))
    assert not [p for p in a.places if p.feature == "admin2"]


def test_a_county_list_lies_together(analyse):
    # Jackson, Madison and Washington counties are many; the ones beside Hall County are Georgia's
    a = analyse("Gainesville police and deputies in Hall, Jackson, Banks and Madison counties searched the woods.",
                stages=("places",))
    for name, lat, lon in (("Jackson", 34.13, -83.57), ("Madison", 34.13, -83.22), ("Banks", 34.35, -83.5)):
        assert _near(_place(a, name), lat, lon, 60), (name, _place(a, name))


@pytest.mark.parametrize("county, town, lat, lon", [
    ("Williamson County", "Franklin", 35.92, -86.87),  # Franklin, Tennessee, the seat of Williamson County
    ("Grant County", "Marion", 40.55, -85.66),  # Marion, Indiana, the seat of Grant County
])
def test_two_ambiguous_names_take_the_readings_that_lie_together(analyse, county, town, lat, lon):
    # neither name is located with confidence (both are many places); together they are one place
    a = analyse(f"{county} deputies and {town} police searched the creek on Sunday.", stages=("places",))
    assert _near(_place(a, town), lat, lon, 60) and _near(_place(a, county), lat, lon, 60)


@pytest.mark.parametrize("text, mention, lat, lon", [
    # a country's name beside a local paper's places, nothing else of that country: the namesake
    ("Warren County deputies and Lebanon police searched the creek on Sunday.", "Lebanon", 39.44, -84.2),
    ("Storms moved across north Georgia on Tuesday and schools in Macon closed early.", "north Georgia", 32.9, -83.4),
    # the country when the article places other things in it or names other countries
    ("The envoy flew from Washington to Lebanon, then on to Beirut and Damascus.", "Lebanon", 33.8, 35.8),
    ("Georgia and Armenia signed the agreement in Tbilisi.", "Georgia", 42.0, 43.5),
])
def test_a_country_name_alone_among_local_places_is_the_namesake(analyse, text, mention, lat, lon):
    a = analyse(text, stages=("places",))
    assert _near(_place(a, mention), lat, lon, 150), _place(a, mention)


def test_a_state_stays_the_state_beside_ambiguous_names_near_its_namesake_town(analyse):
    # California, Pennsylvania, lies by Washington and Brownsville, Pennsylvania; both are ambiguous
    # names, no evidence that the state means the town
    a = analyse("Smith moved to California after years in Washington and Brownsville.", stages=("places",))
    p = _place(a, "California")
    assert p is not None and p.feature == "admin1" and p.country == "US"


def test_districts_named_for_their_seat_towns_are_read_in_any_latin_script(analyse):
    """"the Çorlu, Ergene and Çerkezköy districts": names opening with an accented capital, which the
    gazetteer knows as towns only, are the districts' places."""
    a = analyse("Teachers in the Çorlu, Ergene and Çerkezköy districts went on strike, the union said.", stages=("places",))
    assert [p.text for p in a.places] == ["Çorlu", "Ergene", "Çerkezköy"]
    assert {p.text: p.country for p in a.places if p.text != "Ergene"} == {"Çorlu": "TR", "Çerkezköy": "TR"}
    # a county keeps its own reading: no town stands in for it
    a = analyse("Voters in the Madison and Clarke counties elected 14 new judges.", stages=("places",))
    assert {p.feature for p in a.places} == {"admin2"}


def test_a_name_with_a_possessive_inside_is_read_whole(analyse):
    """"Cox's Bazar": the tagger splits the name at its "'s" or calls it an organisation."""
    a = analyse("Landslides near Cox's Bazar killed 11 refugees on Tuesday, officials said.", stages=("places",))
    assert [(p.text, p.country) for p in a.places] == [("Cox's Bazar", "BD")]
    assert analyse("The council's budget rose by 12 percent, Smith's office said.", stages=("places",)).places == []


def test_a_possessive_name_inside_a_longer_name_is_not_read_alone(analyse):
    a = analyse("Patients were taken to the Cox's Bazar Sadar Hospital, where 4 died.", stages=("places",))
    assert "Cox's Bazar" not in [p.text for p in a.places]
