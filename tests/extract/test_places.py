"""Toponym detection, resolution (within 50 km), feature, country and role."""

from __future__ import annotations

import pytest

from claimwatch.extract.gazetteer import haversine_km
from claimwatch.extract.places import STAGE, places_for, resolve_name

# (text, mention, lat, lon, feature or None (any), country ISO2 or "-" (any), role)
CASES = [
    # countries (GeoNames-style country points)
    ("Police detained twelve migrants in Poland on Friday.", "Poland", 52.0, 20.0, "country", "PL", "event"),
    ("He fled Ukraine after the call-up.", "Ukraine", 49.0, 32.0, "country", "UA", "origin"),
    ("He was caught crossing into Poland from Belarus.", "Poland", 52.0, 20.0, "country", "PL", "destination"),
    ("He was caught crossing into Poland from Belarus.", "Belarus", 53.0, 28.0, "country", "BY", "origin"),
    ("Many deserters would often seek refuge in Kazakhstan.", "Kazakhstan", 48.0, 68.0, "country", "KZ", "destination"),
    ("An investigative publication headquartered in Latvia said so.", "Latvia", 57.0, 25.0, "country", "LV", "source_location"),
    ("The men were deported to Afghanistan last month.", "Afghanistan", 33.0, 65.0, "country", "AF", "destination"),
    ("Migrants arrived in Italy by boat.", "Italy", 42.8, 12.8, "country", "IT", "destination"),
    ("Refugees from Syria were stopped at the fence.", "Syria", 35.0, 38.0, "country", "SY", "origin"),
    ("Fighting continues in Sudan, the agency said.", "Sudan", 15.0, 30.0, "country", "SD", "event"),
    ("The United States sent more aid.", "United States", 39.76, -98.5, "country", "US", "event"),
    ("Officials in the U.S. declined to comment.", "U.S.", 39.76, -98.5, "country", "US", "event"),
    ("Thousands of people fled to Moldova.", "Moldova", 47.0, 29.0, "country", "MD", "destination"),
    ("The two men returned to Britain in March.", "Britain", 54.0, -2.0, "country", "GB", "destination"),
    ("Protests spread across Georgia, a former Soviet republic bordering Russia.", "Georgia", 42.0, 43.5, "country", "GE", "event"),
    ("Tbilisi, Georgia saw large protests.", "Georgia", 42.0, 43.5, "country", "GE", "event"),
    ("Atlanta, Georgia police arrested two men.", "Georgia", 32.7, -83.4, "admin1", "US", "event"),
    ("Smugglers brought them out of Libya.", "Libya", 25.0, 17.0, "country", "LY", "origin"),
    ("The boat left Turkey at night.", "Turkey", 39.0, 35.0, "country", "TR", "origin"),
    ("They were smuggled into Hungary.", "Hungary", 47.0, 20.0, "country", "HU", "destination"),
    # admin-1 regions with variants
    ("Bodies were found in Zakarpattia.", "Zakarpattia", 48.4, 23.4, "admin1", "UA", "event"),
    ("Border guards in Transcarpathia stopped 40 men.", "Transcarpathia", 48.4, 23.4, "admin1", "UA", "event"),
    ("The man was detained in Zakarpatska oblast.", "Zakarpatska oblast", 48.4, 23.4, "admin1", "UA", "event"),
    ("Police in the Lviv region detained him.", "Lviv region", 49.8, 24.0, None, "UA", "event"),
    ("The group was stopped in Podlaskie.", "Podlaskie", 53.3, 22.7, "admin1", "PL", "event"),
    ("Rescuers searched Maramures County.", "Maramures County", 47.6, 24.0, "admin1", "RO", "event"),
    ("Shelling hit Kharkiv Oblast overnight.", "Kharkiv Oblast", 49.5, 36.5, "admin1", "UA", "event"),
    ("Officials in Texas said the men were held.", "Texas", 31.2, -99.0, "admin1", "US", "event"),
    ("Two were arrested in Bavaria.", "Bavaria", 48.9, 11.4, "admin1", "DE", "event"),
    ("Residents of Crimea were told to leave.", "Crimea", 45.3, 34.3, None, "-", "event"),
    ("Fighting raged in the Donetsk region.", "Donetsk region", 48.1, 37.8, None, "UA", "event"),
    # populated places, containment, context
    ("Bodies were found near Mukachevo, Zakarpattia.", "Mukachevo", 48.44, 22.72, "city", "UA", "event"),
    ("Bodies were found near Mukachevo, Zakarpattia.", "Zakarpattia", 48.4, 23.4, "admin1", "UA", "event"),
    ("Talks were held in Kyiv.", "Kyiv", 50.45, 30.52, "city", "UA", "event"),
    ("Talks were held in Kiev.", "Kiev", 50.45, 30.52, None, "UA", "event"),
    ("The train from Lviv was late.", "Lviv", 49.84, 24.02, None, "UA", "origin"),
    ("Ships left Odesa with grain.", "Odesa", 46.48, 30.73, "city", "UA", "origin"),
    ("Border guards in Uzhhorod detained the men.", "Uzhhorod", 48.62, 22.3, "city", "UA", "event"),
    ("Volunteers met refugees in Przemysl, Poland.", "Przemysl", 49.78, 22.77, "city", "PL", "event"),
    ("The summit took place in Chisinau.", "Chisinau", 47.0, 28.86, "city", "MD", "event"),
    ("Alexandria, La. police charged a woman.", "Alexandria", 31.31, -92.45, "city", "US", "event"),
    ("Alexandria, Egypt is a port city.", "Alexandria", 31.2, 29.92, "city", "EG", "event"),
    ("Three men were arrested in Athens, Ga.", "Athens", 33.96, -83.38, "city", "US", "event"),
    ("Greek police in Athens said the boat sank.", "Athens", 37.98, 23.73, "city", "GR", "event"),
    ("Migrants camp near Calais before crossing.", "Calais", 50.95, 1.85, "city", "FR", "event"),
    ("The opposition rallied in Minsk.", "Minsk", 53.9, 27.57, "city", "BY", "event"),
    ("A court in Moscow sentenced him.", "Moscow", 55.75, 37.62, "city", "RU", "event"),
    ("Soldiers were moved to Rostov-on-Don.", "Rostov-on-Don", 47.23, 39.72, "city", "RU", "destination"),
    ("An outlet based in Riga reported the figures.", "Riga", 56.95, 24.11, "city", "LV", "source_location"),
    ("A Riga-based outlet reported the figures.", "Riga", 56.95, 24.11, "city", "LV", "source_location"),
    ("Boats capsized off Lampedusa.", "Lampedusa", 35.51, 12.6, None, "IT", "event"),
    # rivers
    ("Bodies were found in the Tisza River.", "Tisza River", 48.1, 22.8, "river", None, "event"),
    ("A man drowned in the Tysa.", "Tysa", 48.1, 22.8, "river", None, "event"),
    ("Two men drowned trying to swim across the Tisa river.", "Tisa river", 48.1, 22.8, "river", None, "event"),
    ("The body was pulled from the Dniester.", "Dniester", 48.5, 27.4, "river", None, "origin"),
    ("They swam across the Prut River.", "Prut River", 47.5, 27.5, "river", None, "event"),
    ("The Bug River marks the frontier.", "Bug River", 51.3, 23.6, "river", None, "event"),
    ("Migrants crossed the Evros river into Greece.", "Evros river", 41.3, 26.3, "river", None, "event"),
    ("Bridges over the Dnipro were hit.", "Dnipro", 49.5, 32.5, "river", None, "event"),
    ("The bodies were found in the Drina River.", "Drina River", 44.2, 19.3, "river", None, "event"),
    ("Barges sailed down the Danube.", "Danube", 44.7, 22.4, "river", None, "event"),
    # mountain ranges
    ("Some died of exposure over the Carpathian Mountains.", "Carpathian Mountains", 47.5, 24.5, "mountain_range", None, "event"),
    ("Men try to cross the Carpathians on foot.", "Carpathians", 47.5, 24.5, "mountain_range", None, "event"),
    ("Hikers were rescued in the Alps.", "Alps", 46.4, 10.9, "mountain_range", None, "event"),
    ("Routes through the Pyrenees are watched.", "Pyrenees", 42.8, 1.5, "mountain_range", None, "event"),
    ("Fighters hid in the Caucasus Mountains.", "Caucasus Mountains", 42.7, 44.5, "mountain_range", None, "event"),
    ("Factories were moved beyond the Urals.", "Urals", 60.0, 59.5, "mountain_range", "-", "event"),
    # seas, straits, lakes
    ("Drones were launched over the Black Sea.", "Black Sea", 43.2, 34.2, "sea", None, "event"),
    ("More than 70 people drowned in the English Channel.", "English Channel", 50.2, -1.0, None, None, "event"),
    ("Ships passed through the Bosporus.", "Bosporus", 41.05, 29.02, "strait", None, "event"),
    ("The boat sank in the Strait of Gibraltar.", "Strait of Gibraltar", 35.9, -5.7, "strait", None, "event"),
    ("Ferries crossed the Kerch Strait.", "Kerch Strait", 45.3, 36.5, "strait", None, "event"),
    ("Shipwrecks in the Mediterranean killed hundreds.", "Mediterranean", 35.0, 18.0, "sea", None, "event"),
    ("Rubber boats crossed the Aegean Sea.", "Aegean Sea", 39.0, 25.0, "sea", None, "event"),
    ("Tourists swam in Lake Balaton.", "Lake Balaton", 46.8, 17.6, "lake", None, "event"),
    ("Patrols increased on the Sea of Azov.", "Sea of Azov", 46.1, 36.5, "sea", None, "event"),
    ("Fishermen vanished on Lake Chad.", "Lake Chad", 13.1, 14.5, "lake", None, "event"),
    # borders
    ("Dozens waited at the Polish-Belarusian border.", "Polish-Belarusian border", 52.7, 23.6, "border", "-", "event"),
    ("He was stopped at the Ukrainian-Hungarian border.", "Ukrainian-Hungarian border", 48.2, 22.6, "border", "-", "event"),
    ("Tents lined the border between Poland and Ukraine.", "border between Poland and Ukraine", 50.3, 23.7, "border", "-", "event"),
    ("The Finland-Russia border was closed.", "Finland-Russia border", 64.95, 30.1, "border", "-", "event"),
    # regions
    ("Almost 12,000 are members of the army in eastern Ukraine.", "eastern Ukraine", 48.5, 37.5, "region", "UA", "event"),
    ("Troops fled their postings in the Southern Military District.", "Southern Military District", 46.4, 43.1, "region", "RU", "event"),
    ("Smugglers move people fleeing the war to Europe.", "Europe", 48.7, 9.1, "region", None, "destination"),
    ("Shelling continued in the Donbas.", "Donbas", 48.2, 38.3, "region", "UA", "event"),
    ("The route runs through the Balkans.", "Balkans", 43.0, 21.0, "region", None, "event"),
    # an institution that reports locates its source; one that acts locates the event
    ("The UK's Ministry of Defence said 200 soldiers deserted.", "UK", 54.0, -2.0, "country", "GB", "source_location"),
    ("He is an adviser to the head of Ukraine’s State Border Service.", "Ukraine", 49.0, 32.0, "country", "UA", "source_location"),
    ("He was detained by Ukraine's border guards.", "Ukraine", 49.0, 32.0, "country", "UA", "event"),
    ("People fleeing Ukraine’s martial rule to Europe pay smugglers.", "Ukraine", 49.0, 32.0, "country", "UA", "origin"),
    # anaphora: the country = the last named country
    ("Men fled Ukraine. Thirty died trying to flee the country.", "the country", 49.0, 32.0, "country", "UA", "origin"),
    # an island has the country of its region or towns; a dateline may name an island
    ("Fires on Crete forced 1,500 people to leave their homes.", "Crete", 35.3, 24.5, "island", "GR", "event"),
    ("CRETE — Firefighters battled a blaze that destroyed 40 homes.", "CRETE", 35.3, 24.5, "island", "GR", "source_location"),
    ("Volcanic ash closed two airports on Sicily.", "Sicily", 37.6, 14.1, "island", "IT", "event"),
    # a person or a load moved to a place: its destination
    ("Thirty climbers were airlifted to Kathmandu after the avalanche.", "Kathmandu", 27.7, 85.3, "city", "NP", "destination"),
    ("Four injured hikers were rushed to Innsbruck on Sunday.", "Innsbruck", 47.3, 11.4, "city", "AT", "destination"),
    ("The navy said 120 migrants were ferried to Lampedusa.", "Lampedusa", 35.5, 12.6, "island", "IT", "destination"),
    ("The boats had set off from the Tunisian port of Sfax.", "Sfax", 34.7, 10.8, "city", "TN", "origin"),
    # a named place beside the coast or camp a verb leaves or reaches plays its part
    ("About 40 people left the Turkish coast near Bodrum shortly after midnight.", "Bodrum", 37.0, 27.4, "city", "TR",
     "origin"),
    ("Hikers abandoned the village outside Zermatt as the storm closed in.", "Zermatt", 46.0, 7.7, "city", "CH", "origin"),
    # ... not beside a thing the verb leaves
    ("Police found the car near Leeds on Sunday.", "Leeds", 53.8, -1.5, "city", "GB", "event"),
    # an abbreviated word is the word the gazetteer writes in full, and the other way round
    ("Gunmen killed two men in St James on Sunday, the Jamaica Constabulary Force said.", "St James", 18.4, -77.9,
     "admin1", "JM", "event"),
    ("Police in St. Petersburg detained 40 protesters.", "St. Petersburg", 59.9, 30.3, "city", "RU", "event"),
]


def _find(analysis, mention):
    for p in analysis.places:
        if p.text == mention:
            return p
    return None


@pytest.mark.parametrize("text,mention,lat,lon,feature,country,role", CASES,
                         ids=[f"{i}-{c[1]}" for i, c in enumerate(CASES)])
def test_toponym(analyse, text, mention, lat, lon, feature, country, role):
    a = analyse(text, stages=("places",))
    p = _find(a, mention)
    assert p is not None, [x.text for x in a.places]
    assert text[p.span[0]:p.span[1]] == p.text
    assert haversine_km(p.lat, p.lon, lat, lon) < 50, (p.name, p.lat, p.lon)
    if feature:
        assert p.feature == feature
    if country != "-":
        assert p.country == country
    assert p.role == role


def test_enough_cases():
    assert len(CASES) >= 80


@pytest.mark.parametrize("text", [
    "Polish border police detained a Russian deserter.",
    "Ukrainian men of military age cannot leave.",
    "The Belarusian authorities deny it.",
    "Two tourists, a German and a Briton, were hurt.",
])
def test_demonyms_are_not_places(analyse, text):
    a = analyse(text, stages=("places",))
    # the layer keeps the nationality word as a demonym of its country (as LGL annotates it) ...
    assert all(p.kind == "demonym" and p.feature == "country" for p in a.places)
    # ... but it does not locate a claim
    # ... and does not locate a claim by itself (only an acting institution of that nationality does)
    assert all(p.kind == "institution" for p in places_for(a, 0, None))


def test_counted_people_come_from_their_country(analyse):
    a = analyse("Also passing through the route were roughly 33,000 Haitians and 8,500 Iraqi migrants.", stages=("places",))
    haitians = next(t.i for t in a.doc if t.text == "Haitians")
    migrants = next(t.i for t in a.doc if t.text == "migrants")
    assert [(p.name, p.role) for p in places_for(a, 0, haitians)] == [("Haiti", "origin")]
    assert [(p.name, p.role) for p in places_for(a, 0, migrants)] == [("Iraq", "origin")]


def test_guards_of_a_nationality_are_not_its_emigrants(analyse):
    a = analyse("A dozen Belarusian officers entered Lithuania.", stages=("places",))
    officers = next(t.i for t in a.doc if t.text == "officers")
    assert [p.name for p in places_for(a, 0, officers)] == ["Lithuania"]


def test_demonym_on_institution_locates_the_claim(analyse):
    a = analyse("A Russian deserter was apprehended by Polish border police.", stages=("places",))
    got = places_for(a, 0, None)
    assert [(p.name, p.country, p.role) for p in got] == [("Poland", "PL", "event")]
    assert a.text[got[0].span[0]:got[0].span[1]] == "Polish"


def test_person_names_are_not_rivers(analyse):
    a = analyse("Mr. Nelson and Mr. Stewart met reporters on Tuesday.", stages=("places",))
    assert a.places == []


def test_places_for_prefers_the_claims_clause(analyse):
    a = analyse("A publication based in Latvia said deserters fled to Kazakhstan.", stages=("places",))
    flee = next(t.i for t in a.doc if t.lemma_ == "flee")
    got = places_for(a, 0, flee)
    assert got[0].name == "Kazakhstan" and got[0].role == "destination"
    assert {p.name for p in got} == {"Latvia", "Kazakhstan"}


def test_seed_places_and_spans(analyse, seed_body, seed_gold):
    a = analyse(seed_body, stages=("places",))
    places = a.places
    for p in places:
        assert seed_body[p.span[0]:p.span[1]] == p.text
    by_text: dict[str, set] = {}
    for p in places:
        by_text.setdefault(p.text, set()).add(p.role)
    # every gold place written in the body is found, at the gold point, with the gold feature
    for claim in seed_gold["claims"]:
        for g in claim["places"]:
            if g["text"] not in seed_body:
                continue
            hits = [p for p in places if p.text == g["text"]]
            assert hits, g["text"]
            assert any(haversine_km(p.lat, p.lon, g["lat"], g["lon"]) < 50 and p.feature == g["feature"]
                       and p.country == g["country"] for p in hits), g
    assert "source_location" in by_text["Latvia"]
    assert "destination" in by_text["Kazakhstan"]
    assert {"origin", "destination"} <= by_text["Poland"] | by_text["Belarus"]


def test_resolve_name_uses_context():
    assert resolve_name("Georgia").cc == "GE"
    assert resolve_name("Georgia", context=("US",)).cc == "US"
    assert resolve_name("Tisza", feature="river").feature == "river"


def test_stage_contract():
    assert STAGE.name == "places" and STAGE.provides == ("places",) and STAGE.requires == ("doc",)


@pytest.mark.parametrize("text, counted, country", [
    ("More than 5,000 of the refugees were Syrians.", "refugees", "Syria"),
    ("Over 2,000 of the migrants are of Afghan nationality.", "migrants", "Afghanistan"),
])
def test_a_nationality_predicated_of_the_counted_people_is_their_origin(analyse, text, counted, country):
    a = analyse(text, stages=("places",))
    head = next(t.i for t in a.doc if t.text == counted)
    assert [(p.name, p.role) for p in places_for(a, 0, head)] == [(country, "origin")]


def test_a_nationality_elsewhere_in_the_sentence_is_not_the_counts_origin(analyse):
    a = analyse("According to the Afghan minister, the claim that 5,000 refugees arrived is false.", stages=("places",))
    refugees = next(t.i for t in a.doc if t.text == "refugees")
    assert [p.name for p in places_for(a, 0, refugees)] == []


def test_a_place_of_another_count_in_the_list_is_not_this_counts(analyse):
    a = analyse("The group included 300 Eritreans, 250 Ecuadorians and 90 people from Nepal.", stages=("places",))
    heads = {w: next(t.i for t in a.doc if t.text == w) for w in ("Eritreans", "Ecuadorians", "people")}
    assert [(p.name, p.role) for p in places_for(a, 0, heads["Eritreans"])] == [("Eritrea", "origin")]
    assert [(p.name, p.role) for p in places_for(a, 0, heads["Ecuadorians"])] == [("Ecuador", "origin")]
    assert [(p.name, p.role) for p in places_for(a, 0, heads["people"])] == [("Nepal", "origin")]


def test_a_name_written_capitalised_elsewhere_is_the_same_place_in_lower_case(analyse):
    text = ("Two men drowned in the river near Grand Forks on Monday. "
            "Rescuers found a third man near Grand forks on Tuesday.")
    a = analyse(text, stages=("places",))
    later = [p for p in a.places if p.span[0] > text.index("Rescuers")]
    assert [(p.text, p.name) for p in later] == [("Grand forks", "Grand Forks")]


def test_a_lower_case_word_after_a_name_stays_outside_it_when_never_capitalised(analyse):
    a = analyse("Rescuers found a man near Grand forks on Tuesday.", stages=("places",))
    assert all(p.text != "Grand forks" for p in a.places)


def test_a_generic_word_after_a_town_is_not_part_of_a_longer_name_written_elsewhere(analyse):
    text = "The Springfield City Manager spoke on Monday. Work within Springfield city limits starts today."
    a = analyse(text, stages=("places",))
    later = [p.text for p in a.places if p.span[0] > text.index("Work")]
    assert later == ["Springfield"]


@pytest.mark.parametrize("text, mention, feature, country", [
    # a name written after a lower-case "the" is no town, whatever towns share it
    ("Mexican officials said three bodies were pulled from the Rio Grande near Laredo, Texas, on Monday.",
     "Rio Grande", "river", None),
    ("U.S. Border Patrol agents found two men dead in the Rio Grande, the agency said. Mexican teams searched "
     "the banks.", "Rio Grande", "river", None),
    ("Police said four people died in the Dnipro after the dam broke.", "Dnipro", "river", None),
    # ... while countries, regions and names that begin with "The" keep their reading
    ("Officials said 30 people died in the Philippines after the storm.", "Philippines", "country", "PH"),
    ("Refugees crossed into the Gambia on Monday, officials said.", "Gambia", "country", "GM"),
    ("Police said five people were arrested in the Bronx on Monday.", "Bronx", None, "US"),
    # and the town without the article is the town
    ("Police said four people died in Dnipro after the strike.", "Dnipro", "city", "UA"),
])
def test_a_name_written_with_the_article_is_not_read_as_a_town(analyse, text, mention, feature, country):
    p = _find(analyse(text, stages=("places",)), mention)
    assert p is not None
    assert (feature is None or p.feature == feature) and p.country == country, (p.name, p.feature, p.country)


@pytest.mark.parametrize("text, filed, event", [
    ("EU must act on Tunisia\n\nBrussels, 1 July 2026\n\nAt least 23 people died near the border in May.",
     "Brussels", None),
    ("Quake hits Peru\n\nNews desk | LIMA | Thursday 9 July 2026\n\nThree people died in Chala.", "LIMA", "Chala"),
    ("CITY COUNCIL\nPress Office\n\nGeneva, 3 March 2025\n\nTwo workers were hurt in Basel on Monday.", "Geneva", "Basel"),
])
def test_a_dateline_on_a_line_of_its_own_is_where_the_report_was_filed(analyse, text, filed, event):
    a = analyse(text, stages=("times", "places"))
    roles = {p.text: p.role for p in a.places}
    assert roles[filed] == "source_location"
    assert event is None or roles[event] == "event"


@pytest.mark.parametrize("text, place", [
    ("Floods in Kerala, 3 August 2026\n\nTwelve people died in Kottayam.", "Kerala"),     # a headline's place
    ("Barcelona beat Madrid in Seville, 5 May 2026\n\nThe match drew 50,000 fans.", "Seville"),
])
def test_a_headline_ending_in_a_date_is_no_dateline(analyse, text, place):
    a = analyse(text, stages=("times", "places"))
    assert {p.text: p.role for p in a.places}[place] == "event"


@pytest.mark.parametrize("text, seat, event", [
    ("HOST (JANE DOE): Welcome back. I'm Jane Doe in London. On Monday a fire destroyed a chip plant in Hsinchu.",
     "London", "Hsinchu"),
    ("Good morning. Three things to know today, compiled by our markets desk in Singapore. "
     "Forty workers were evacuated from a plant in Osaka.", "Singapore", "Osaka"),
])
def test_where_the_speaker_or_the_maker_of_the_report_sits_is_no_event_place(analyse, text, seat, event):
    roles = {p.text: p.role for p in analyse(text, stages=("times", "places")).places}
    assert (roles[seat], roles[event]) == ("source_location", "event")


@pytest.mark.parametrize("text, place", [
    ("Jane Doe was injured in London on Monday.", "London"),
    ("I'm told the match in Leeds drew 30,000 fans.", "Leeds"),
    ("The report, published on Monday, found 40 cases in Lyon.", "Lyon"),
])
def test_a_person_or_a_report_in_a_place_of_the_event_keeps_it(analyse, text, place):
    assert {p.text: p.role for p in analyse(text, stages=("times", "places")).places}[place] == "event"


def test_a_dateline_in_capitals_under_a_translators_note_is_where_the_report_was_filed(analyse):
    text = ("Striking miners block the road to the mine\n\n"
            "Translated from the Spanish original published on 3 May 2026. Translation: World Desk.\n\n"
            "HERMOSILLO, Sonora.- Some 400 miners blocked the access road to the copper mine in Cananea, the union said.")
    roles = {p.text: p.role for p in analyse(text, stages=("times", "places")).places}
    assert (roles["HERMOSILLO"], roles["Cananea"]) == ("source_location", "event")


@pytest.mark.parametrize("text", [
    "A storm damaged 300 homes in Durban on Monday, the National Disaster Management Centre said. "
    "The Centre added that 12 people were injured.",
    "The Regional Cyber Defence Centre reported 40 attacks on hospitals in Lyon last month. "
    "The Centre said 12 of them had disrupted surgery.",
])
def test_the_last_word_of_an_organisations_name_is_no_place(analyse, text):
    assert "Centre" not in {p.text for p in analyse(text, stages=("times", "places")).places}


@pytest.mark.parametrize("text, place", [
    ("Floods hit the Centre region of France on Monday.", "Centre region"),
    ("Floods hit Pakistani Punjab on Monday.", "Punjab"),
    ("Police in Greater Manchester arrested 12 people.", "Manchester"),
])
def test_a_place_after_a_capitalised_word_is_still_a_place(analyse, text, place):
    assert any(place in p.text for p in analyse(text, stages=("times", "places")).places)


@pytest.mark.parametrize("text, place, name", [
    ("Frost destroyed 40 percent of the vineyards in the Bekaa this spring, growers said.", "Bekaa", "Beqaa"),
    ("Wildfires forced 300 families out of villages across the Bekaa.", "Bekaa", "Beqaa"),
])
def test_another_spelling_of_a_regions_name_after_a_preposition_is_the_region(analyse, text, place, name):
    assert (place, name) in {(p.text, p.name) for p in analyse(text, stages=("times", "places")).places}


@pytest.mark.parametrize("text", ["Miss Turner said 40 guests attended.", "The Tex Ritter tribute drew 300 fans."])
def test_a_short_abbreviation_of_a_region_is_no_place_on_its_own(analyse, text):
    assert analyse(text, stages=("times", "places")).places == []



@pytest.mark.parametrize("text, name", [
    ("Russian drones struck Odesa overnight, killing three people, officials said.", "Odesa"),
    ("Two boats left Sfax on Monday with 80 people on board.", "Sfax"),
    ("Three buses left Mariupol on Friday carrying 120 civilians.", "Mariupol"),
])
def test_a_town_the_tagger_calls_a_person_is_a_place_as_the_object_of_an_attack_or_a_departure(analyse, text, name):
    assert name in [p.name for p in analyse(text, stages=("places",)).places]


def test_a_person_attacked_by_a_person_is_no_town(analyse):
    a = analyse("The senator attacked Warren over her plan on Tuesday.", stages=("places",))
    assert "Warren" not in [p.name for p in a.places]


@pytest.mark.parametrize("text, name", [
    ("Critics attacked Jackson for approving 300 layoffs.", "Jackson"),
    ("The campaign attacked Warren over her plan to tax 75,000 households.", "Warren"),
    ("Analysts attacked Lincoln for closing 12 schools.", "Lincoln"),
])
def test_a_town_attacked_in_words_is_no_place(analyse, text, name):
    assert name not in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text, name", [
    ("Militants attacked Maiduguri on Sunday, killing 30 people.", "Maiduguri"),
    ("Rebels seized Goma on Monday, forcing 100,000 people to flee.", "Goma"),
])
def test_a_town_attacked_by_an_armed_force_is_a_place(analyse, text, name):
    assert name in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text, name", [
    ("Jordan, who scored 30 points, led the Bulls to a win. Jordan added 10 rebounds.", "Jordan"),
    ("Chelsea, who won the league last year, sold 40,000 tickets.", "Chelsea"),
    ("Madison, who joined the firm in 2019, runs its sales team.", "Madison"),
])
def test_a_name_a_who_clause_describes_is_a_person_not_a_place(analyse, text, name):
    assert name not in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text", [
    "Jordan, whose economy depends on tourism, received 5 million visitors.",
    "Aid reached Jordan, which hosts 650,000 refugees.",
    "Madison, who joined the firm in 2019, said sales rose in Madison.",
])
def test_a_place_described_by_which_or_named_as_a_place_stays_a_place(analyse, text):
    assert [p.name for p in analyse(text, stages=("places",)).places][-1:] in (["Jordan"], ["Madison"])


def test_a_who_named_player_is_no_place_where_a_later_place_name_repeats_it(analyse):
    text = ("Jordan, who scored 30 points, led the Bulls past Boston.\n\n"
            "Aid reached Jordan on Monday, where 3 trucks unloaded.")
    places = analyse(text, stages=("places",)).places
    assert [p.span[0] for p in places if p.text == "Jordan"] == [text.rindex("Jordan")]


def test_a_who_named_name_is_a_place_again_where_a_place_stands_later(analyse):
    text = "Georgia, who beat Portugal 2-0, reached the last 16.\n\nFloods hit Georgia on Sunday, killing 12 people."
    assert [p.name for p in analyse(text, stages=("places",)).places if p.text == "Georgia"] == ["Georgia"]


@pytest.mark.parametrize("text, name", [
    ("The Regional Police Public Relations Officer, ASP Florence Adongo, told the Chronicle that 23 suspects were held.",
     "Florence"),
    ("Police spokesperson Paris Mwangi said 3 people died in Nairobi.", "Paris"),
    ("The club's spokesman, Mr Sydney Okafor, said 4,000 tickets were sold.", "Sydney"),
])
def test_a_first_name_after_a_role_or_rank_is_no_town(analyse, text, name):
    assert name not in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text", [
    "An officer in Paris said 3 people died.",
    "The spokesperson said 3 people died in Paris, France.",
])
def test_a_town_beside_a_role_word_stays_a_town(analyse, text):
    assert "Paris" in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text, name", [
    ("Georgia, who beat Portugal 2-0 on Sunday, will play Spain next.\n\nFloods hit Georgia on Monday, killing 4 people.",
     "Georgia"),
    ("Brazil, who won the World Cup five times, host Argentina next month.\n\n"
     "Brazil recorded 400 dengue deaths in January, the health ministry said.", "Brazil"),
])
def test_a_who_clause_makes_a_name_a_team_only_in_its_own_paragraph(analyse, text, name):
    assert name in [p.name for p in analyse(text, stages=("places",)).places]


@pytest.mark.parametrize("text, name, country", [
    ("Russian troops captured Pokrovsk on Tuesday after months of fighting, officials said.", "Pokrovsk", "UA"),
    ("Mexican soldiers clashed with gunmen in Guadalupe on Monday, killing 5 people.", "Guadalupe", "MX"),
    ("Polish police detained 30 migrants in Hajnowka on Friday.", "Hajnowka", "PL"),
])
def test_an_armed_forces_nationality_is_weak_evidence_of_where_it_acts(analyse, text, name, country):
    a = analyse(text, stages=("places",))
    assert [p.country for p in a.places if p.text == name] == [country]


@pytest.mark.parametrize("text, name, feature", [
    ("The liner sank in the Atlantic in 1912, killing more than 1,500 people.", "Atlantic", "ocean"),
    ("Fishermen in the Baltic caught 300 tonnes of cod, officials said.", "Baltic", "sea"),
    ("Rescuers in the Aegean saved 40 people on Monday.", "Aegean", "sea"),
])
def test_a_sea_written_without_its_generic_word_is_the_sea(analyse, text, name, feature):
    a = analyse(text, stages=("places",))
    assert [p.feature for p in a.places if p.text == name] == [feature]


@pytest.mark.parametrize("text", [
    "Officials in Atlantic, Iowa, said 3 people died on Monday.",
    "Storms in the North killed 3 people, police said.",
])
def test_no_sea_without_the_article_or_for_a_direction(analyse, text):
    a = analyse(text, stages=("places",))
    assert not [p for p in a.places if p.feature in ("sea", "ocean")]


@pytest.mark.parametrize("text", [
    "Fans attacked Madison for missing 3 penalties in the shoot-out.",
    "Critics attacked Jackson over her plan to cut 300 jobs.",
])
def test_a_person_named_like_a_river_and_a_town_is_no_place(analyse, text):
    assert analyse(text, stages=("places",)).places == []


@pytest.mark.parametrize("text, name, feature", [
    ("Barges on the Mississippi carried 300 tonnes of grain on Monday.", "Mississippi", "river"),
    ("In Madison, 3 people died on Monday, police said.", "Madison", "city"),
])
def test_a_river_with_the_article_and_a_town_after_in_stay_places(analyse, text, name, feature):
    assert [p.feature for p in analyse(text, stages=("places",)).places if p.text == name] == [feature]


def test_a_bare_name_that_floods_or_bursts_something_is_the_river(analyse):
    a = analyse("Danube floods 300 homes in Budapest", stages=("places",))
    assert [p.feature for p in a.places if p.text == "Danube"] == ["river"]


@pytest.mark.parametrize("text", [
    "Madison floods: 40 homes evacuated after storm",     # the town under water
    "Madison overflows with 3,000 fans for the parade",   # a crowded town
])
def test_a_town_that_floods_or_overflows_is_no_river(analyse, text):
    assert not [p for p in analyse(text, stages=("places",)).places if p.feature == "river"]


def test_a_bracketed_field_gives_where_a_thing_is_from(analyse):
    a = analyse("The bulk carrier Ocean Glory (flag: Liberia) caught fire in the port of Durban on Sunday.")
    roles = {p.text: p.role for p in a.places}
    assert roles["Liberia"] == "origin" and roles["Durban"] == "event"


@pytest.mark.parametrize("text, mention, feature, country", [
    # a populous English county before a small namesake town abroad
    ("Police in Kent arrested 14 people after the protest, a spokesman said.", "Kent", "admin1", "GB"),
    ("Flooding in Cornwall forced 300 people from their homes on Tuesday.", "Cornwall", "admin1", "GB"),
    ("Two climbers died on a peak in Laguna, the provincial police said.", "Laguna", "admin1", "PH"),
    # the namesake town written with its own region or country stays where it is, however small
    ("Kent, Ohio police said three students were injured.", "Kent", "city", "US"),
    ("The storm left 2,000 without power in Cornwall, Ontario, officials said.", "Cornwall", "city", "CA"),
    ("Police in Kent, England, said 12 people were hurt.", "Kent", "admin1", "GB"),
    # "<city>, <country>": the city, not the region named after it
    ("Flooding hit Bern, Switzerland, on Monday.", "Bern", "city", "CH"),
    ("Shares of the brewer, based in Porto, Portugal, fell 4%.", "Porto", "city", "PT"),
])
def test_a_region_and_its_namesake_towns(analyse, text, mention, feature, country):
    p = _find(analyse(text, stages=("places",)), mention)
    assert p is not None and (p.feature, p.country) == (feature, country), p


@pytest.mark.parametrize("text, mention, name", [
    # a lower-case particle inside a name: the whole name, not its last words
    ("Gunmen attacked a bus 30 km south of Mocímboa da Praia on Sunday.", "Mocímboa da Praia", "Mocímboa da Praia"),
    ("The harvest drew 2,000 pickers to Rio Grande do Sul this year.", "Rio Grande do Sul", "Rio Grande do Sul"),
    ("A landslide blocked the road near Castelnuovo di Porto on Monday.", "Castelnuovo di Porto", "Castelnuovo di Porto"),
])
def test_a_name_with_a_particle_is_found_and_resolved_whole(analyse, text, mention, name):
    p = _find(analyse(text, stages=("places",)), mention)
    assert p is not None and p.name == name, [(q.text, q.name) for q in analyse(text, stages=("places",)).places]


def test_a_regions_own_point_does_not_favour_its_namesake_town(analyse):
    # the town Rio Grande has the state's name as an alternative: the state is meant
    p = _find(analyse("Growers in Rio Grande do Sul lost 30% of the crop.", stages=("places",)), "Rio Grande do Sul")
    assert p is not None and p.feature == "admin1"
    # the bare town name stays the town
    p = _find(analyse("The port of Rio Grande handled 3 ships on Monday.", stages=("places",)), "Rio Grande")
    assert p is not None and (p.feature, p.country) == ("city", "BR")
def test_a_headlines_last_name_stops_before_the_blank_line_and_counts_again_later(analyse):
    # the tagger's entity runs over the blank line; a small town named again stays a place
    text = ("Storm floods homes in Slave Lake\n\nCrews pumped water out of 40 basements. "
            "By evening the mayor of Slave Lake said 200 homes were dry.")
    a = analyse(text, stages=("places",))
    assert [p.text for p in a.places if p.name == "Slave Lake"] == ["Slave Lake", "Slave Lake"]


@pytest.mark.parametrize("text, mention, name", [
    ("53 inmates escaped from a prison in Southwest Papua on Saturday.", "Southwest Papua", "Papua"),
    ("Four guards were hurt at the jail in Southwest Papua, a police spokesman said.", "Southwest Papua", "Papua"),
])
def test_a_capitalised_direction_opens_the_name_of_the_place_after_it(analyse, text, mention, name):
    assert [(p.text, p.name) for p in analyse(text, stages=("places",)).places] == [(mention, name)]


@pytest.mark.parametrize("text", [
    "Heavy snow hit the Northeast on Monday, and 200 flights were cancelled.",
    "Prices rose 3 percent in the Southwest, the survey showed.",
])
def test_a_direction_alone_is_no_foreign_region(analyse, text):
    assert analyse(text, stages=("places",)).places == []


@pytest.mark.parametrize("text, mention, feature", [
    ("Gunmen abducted 30 students in Kaduna state on Friday.", "Kaduna state", "admin1"),
    ("Floods in Bihar displaced 5,000 families, officials said.", "Bihar", "admin1"),
    # the civic word that is no part of a state's name stays outside it
    ("Iran state TV said 12 people died in Tehran.", "Iran", "country"),
    ("Police in Kharkiv said 3 people were hurt.", "Kharkiv", "city"),
])
def test_a_state_named_as_such_or_by_its_very_name_is_the_state(analyse, text, mention, feature):
    assert {p.text: p.feature for p in analyse(text, stages=("places",)).places}[mention] == feature


def test_a_town_the_tagger_calls_a_person_everywhere_is_a_place_after_at(analyse):
    # the same two words tagged a person elsewhere are no other person's name
    text = "Officials assigned Porto Empedocle as the port of arrival. The ship docked at Porto Empedocle with 200 people."
    places = analyse(text, stages=("places",)).places
    assert [p.text for p in places if p.span[0] > text.index("The ship")] == ["Porto Empedocle"]
    # a word of another person's name still keeps its town out
    text = "Coach Jackson Smith spoke on Monday. The team of 20 trained at Jackson Smith on Tuesday."
    assert [p.text for p in analyse(text, stages=("places",)).places] == []


@pytest.mark.parametrize("text", [
    "Teams from Little Kanawha River Basin cleared 40 roads.",
    "AREA: Municipal District of Lesser Slave River No. 124. Residents must leave their homes now.",
])
def test_a_name_after_a_capitalised_prefix_is_a_longer_name_not_the_shorter_one(analyse, text):
    # "Little Kanawha" is another river than the Kanawha
    assert [p.text for p in analyse(text, stages=("places",)).places if "River" in p.text] == []


def test_a_name_prefix_known_with_its_name_stays_one_place(analyse):
    text = "Police in Greater Sudbury arrested 4 men; the team of 20 played at Old Trafford."
    assert [p.text for p in analyse(text, stages=("places",)).places] == ["Greater Sudbury", "Old Trafford"]


@pytest.mark.parametrize("text, mention, feature", [
    ("The Atlantic storm left 12,000 homes without power, the utility said.", "Atlantic", "ocean"),
    ("A Pacific typhoon killed 30 people, officials said.", "Pacific", "ocean"),
])
def test_a_location_after_a_sentences_article_is_the_sea_not_a_small_town(analyse, text, mention, feature):
    assert {p.text: p.feature for p in analyse(text, stages=("places",)).places}[mention] == feature


def test_a_name_with_a_joined_prefix_finds_the_gazetteers_two_word_name():
    """"DeSoto Parish" is the gazetteer's "De Soto Parish" (in Louisiana), written alone or heading an
    organisation's name, not the Texas town DeSoto; and the parish then places the report's
    Mansfield beside it, not the larger namesake in Texas."""
    from claimwatch import analyse
    for text in ("Floods hit DeSoto Parish on Monday, officials in Mansfield said.",
                 "He served on the DeSoto Parish Police Jury in Mansfield, near Shreveport."):
        places = {p.text: p for p in analyse(text, published="2009-03-24").places}
        assert places["DeSoto Parish"].feature == "admin2" and places["DeSoto Parish"].country == "US"
        assert abs(places["DeSoto Parish"].lon - -93.8) < 0.5
        assert abs(places["Mansfield"].lon - -93.7) < 0.5
    # a joined name the gazetteer has as written stays as written
    places = {p.text: p for p in analyse("Roads closed in DuPage County on Monday.", published="2009-03-24").places}
    assert places["DuPage County"].name == "DuPage County"


@pytest.mark.parametrize("text, kept", [
    # a group of countries, a publication that speaks, a sea beside a more precise place: no sea
    ("The Baltic states expelled 12 diplomats.", []),
    ("The Arctic nations pledged 5 billion dollars for research.", []),
    ("The Atlantic reported that 40 staff were laid off.", []),
    ("The Pacific typhoon killed 23 people in the Philippines.", ["Philippines"]),
    ("The Atlantic storm left 12,000 homes without power in Nova Scotia.", ["Nova Scotia"]),
])
def test_a_sea_read_from_an_article_is_no_place_beside_a_more_precise_one(analyse, text, kept):
    assert [p.text for p in analyse(text, stages=("places",)).places] == kept


@pytest.mark.parametrize("text", [
    "Protesters gathered outside St. Paul's Cathedral and police arrested 14.",
    "Twelve nurses at St. Mary's Hospital went on strike on Monday.",
    "Three people were hurt in a fire at St. John's Church on Sunday.",
])
def test_a_saint_a_building_is_named_after_is_no_place(analyse, text):
    assert analyse(text, stages=("places",)).places == []


def test_a_saints_name_in_the_possessive_is_no_parish_of_another_name(analyse):
    # "St Mary's" alone is the church, the hospital or the school, not Jamaica's parish "Saint Mary"
    a = analyse("Two people were hurt at St Mary's, the church in Leeds, on Sunday.", stages=("places",))
    assert [p.text for p in a.places] == ["Leeds"]
    # the parish by its own name stays one
    assert [p.country for p in analyse("Three people were killed in St Mary on Sunday.", stages=("places",)).places] == [
        "JM"]


def test_a_town_named_for_a_saint_stays_a_place(analyse):
    a = analyse("Storm damage in St. John's, Newfoundland, left 5,000 homes without power.", stages=("places",))
    assert [p.country for p in a.places] == ["CA", "CA"]


@pytest.mark.parametrize("text, mention, country", [
    # the tagger splits a name whose first word is a place of its own ("Lao" + "Cai Province")
    ("A flash flood swept through the hamlet in Lao Cai Province early Tuesday.", "Lao Cai Province", "VN"),
    ("In Yen Bai Province, two people were swept away by floodwater on Monday night.", "Yen Bai Province", "VN"),
    ("A factory fire in Binh Duong Province injured 14 workers, state media said.", "Binh Duong Province", "VN"),
])
def test_a_name_the_tagger_splits_before_a_divisions_word_is_read_whole(analyse, text, mention, country):
    assert {p.text: p.country for p in analyse(text, stages=("places",)).places} == {mention: country}


@pytest.mark.parametrize("text", [
    "From: Emma Clarke, Emergency Director, ShelterAid UK\n\nA fire destroyed 1,100 shelters in the camp on Sunday.",
    "Oxfam GB said 12 of its staff were hurt in the attack.",
])
def test_a_country_closing_an_organisations_name_is_no_place(analyse, text):
    """"ShelterAid UK" is the charity's branch: the United Kingdom is not where the event was."""
    assert analyse(text, stages=("places",)).places == []


@pytest.mark.parametrize(("text", "country"), [
    # the dateline's town is where the report was filed; the institution that acted, or the towns a
    # nationality word locates, say where it happened
    ("NAIROBI, June 26 (AP) - Kenyan police shot dead at least 16 protesters on Wednesday, a rights group said.", "Kenya"),
    ("DAMASCUS (Reuters) - Shelling hit several Syrian villages on Monday, killing 9 people, a monitor said.", "Syria"),
    ("Floods in several Kenyan towns killed 12 people, the Red Cross said.", "Kenya"),
])
def test_a_nationalitys_institution_or_towns_place_a_claim_beside_the_filing_town(text, country):
    from claimwatch import extract
    claims = [c for c in extract(text, published="2024-06-27").claims if c.quantity and c.quantity.best]
    assert claims and all([p.name for p in c.places] == [country] for c in claims)


def test_a_county_naming_the_fire_marshals_office_does_not_replace_the_events_town():
    """"Harris County Fire Marshal's Office records show...": the county is the office's jurisdiction;
    the claim keeps the town of the report's event."""
    from claimwatch import extract
    text = ("A chemical spill at a plant in Deer Park, Texas, injured 20 workers on Monday.\n\n"
            "Harris County Fire Marshal's Office records show that 12 workers were taken to hospitals.")
    claim = next(c for c in extract(text, published="2026-03-10").claims if c.quantity and c.quantity.best == 12)
    assert "Deer Park" in [p.name for p in claim.places]
