"""Event typing (SPEC §6) on general news language."""

from __future__ import annotations

import pytest

from claimwatch.extract import events
from claimwatch.extract.pipeline import Pipeline

# (sentence, expected set of (event_type, cause-or-None))
CASES = [
    ("Border guards detained 14 migrants near the village.", {("detention", None)}),
    ("The suspect was arrested on Tuesday.", {("detention", None)}),
    # people detained while or after crossing: the detention is the event, the crossing its circumstance
    ("Two Syrians were apprehended after crossing the border from Belarus.", {("detention", None)}),
    ("The men crossed the border and were detained by police.", {("border_crossing", None), ("detention", None)}),
    ("Police said they had caught dozens of men trying to sneak out of the country.", {("detention", None)}),
    ("Guards stopped 20 women from trying to cross into Romania.", {("detention", None)}),
    ("The group crossed into Lithuania at night.", {("border_crossing", None)}),
    ("Thousands of men have fled the country since the war began.", {("border_crossing", None)}),
    ("He tried to enter Poland illegally.", {("border_crossing", None)}),
    ("The soldier fled his post and hid in the forest.", {("desertion", None)}),
    ("Desertion has become a growing problem for the army.", {("desertion", None)}),
    ("Three soldiers deserted last week.", {("desertion", None)}),
    ("The unit reported that three men went AWOL.", {("desertion", None)}),
    ("Several conscripts refused to fight and were jailed.", {("desertion", None), ("detention", None)}),
    ("Many young men are trying to evade conscription.", {("draft_evasion", None)}),
    ("Police caught a group of draft dodgers at the station.", {("detention", None), ("draft_evasion", None)}),
    ("Border guards stopped a man who tried to swim across the Tisza.", {("detention", None)}),
    ("Police detained three men, and 40 others crossed the river into Hungary.", {("detention", None), ("border_crossing", None)}),
    ("Border guards detained five men after 40 migrants crossed the river into Lithuania.", {("detention", None), ("border_crossing", None)}),
    ("Police arrested the driver while 30 migrants crossed the border on foot.", {("detention", None), ("border_crossing", None)}),
    ("The bus stopped at the station.", set()),
    ("Men of conscription age are not allowed to leave the country.", {("policy", None), ("border_crossing", None)}),
    # leaving a country under an order is an expulsion (SPEC §6 deportation); not a home or a building
    ("The court ordered the two men to leave Britain within a week.", {("deportation", None)}),
    ("Eleven diplomats were ordered to leave the country.", {("deportation", None)}),
    ("Residents were ordered to leave their homes before the storm.", set()),
    ("She left Portugal in 2019 to study abroad.", {("border_crossing", None)}),
    ("The wounded soldier succumbed to his injuries in hospital.", {("death", "unknown"), ("injury", None)}),
    ("He was charged with evading military service.", {("legal_action", None)}),  # the offence is not an event
    # the offence may hang from the verb of a nominal trigger or from the defendant ("against X for Y")
    ("Proceedings were opened against the captain for organising the illegal border crossing.", {("legal_action", None)}),
    ("A case was opened against two drivers over smuggling people into Poland.", {("legal_action", None)}),
    # a suspect's own verb reports what the suspect did or underwent: its phrases hold no offence
    ("The suspect was injured in the explosion that killed two people.", {("injury", None), ("death", "violence")}),
    ("The defendant was arrested in a raid in which three migrants drowned.", {("detention", None), ("death", "drowning")}),
    ("Queues formed at the border crossing point.", set()),
    ("Two migrants drowned in the Tisza river.", {("death", "drowning")}),
    ("A man froze to death in the forest near the border.", {("death", "exposure")}),
    ("The bodies of five people were found in the snow.", {("death", "exposure")}),
    ("Three hikers died after being attacked by a bear.", {("death", "animal")}),
    ("A teenager died in a car accident on the motorway.", {("death", "accident")}),
    ("Four civilians were killed in shelling overnight.", {("death", "violence")}),
    # a fire that burns is an accident; the fire of weapons or arson is violence
    ("A fire at the reception centre killed five people.", {("death", "accident")}),
    ("Three migrants died when the blaze swept through the camp.", {("death", "accident")}),
    ("Soldiers opened fire on the crowd, killing five people.", {("death", "violence")}),
    ("Gunmen set fire to the house, killing three.", {("death", "violence")}),
    ("Two guards were killed when their post came under fire.", {("death", "violence")}),
    ("An airstrike started a fire that killed six civilians.", {("death", "violence")}),
    ("The fire brigade recovered the bodies of four migrants.", {("death", "unknown")}),
    ("Six soldiers were killed in a drone strike near the front.", {("combat_casualties", None)}),
    ("Fourteen civilians were killed and thirty wounded in a missile strike on the city.", {("death", "violence"), ("injury", None)}),
    ("Twelve soldiers were wounded in fighting near the town.", {("combat_casualties", None)}),
    ("The brigade lost 300 soldiers in the offensive.", {("combat_casualties", None)}),
    ("Seven people are still missing after the storm.", {("missing", None)}),
    ("A border guard was injured during the incident.", {("injury", None)}),
    ("Two of them were taken to hospital with frostbite.", {("injury", None)}),
    ("The gang smuggled dozens of people across the border.", {("smuggling", None), ("border_crossing", None)}),
    ("He paid a bribe of $5,000 to a border officer.", {("smuggling", None)}),
    ("Germany deported 200 Afghans last year.", {("deportation", None)}),
    ("Prosecutors requested his extradition to Ukraine.", {("deportation", None)}),
    ("The president announced a new wave of mobilization.", {("mobilization", None)}),
    ("The army called up 5,000 reservists.", {("mobilization", None)}),
    ("Police opened a criminal case against the organizer.", {("legal_action", None)}),
    ("The court sentenced him to three years in prison.", {("legal_action", None)}),
    ("Investigators launched an investigation into the deaths.", {("legal_action", None), ("death", "unknown")}),
    ("More than 1,000 Ukrainians applied for asylum in Moldova.", {("asylum", None)}),
    ("The government banned men aged 18 to 60 from leaving the country.", {("policy", None), ("border_crossing", None)}),
    ("Travellers are required to show a permit at the checkpoint.", {("policy", None)}),
    ("Parliament passed a new law on military registration.", {("policy", None)}),
    ("The minister denounced the smugglers' practices.", {("statement", None), ("smuggling", None)}),
    ("Human rights groups condemned the pushbacks.", {("statement", None), ("deportation", None)}),
    ("The weather was mild and the market reopened on Monday.", set()),
    ("Death Valley National Park attracts many visitors.", set()),
    # a compound modifier of another noun is no pair partner; one of the trigger itself still is
    ("The school admitted 60 pupils from the closed hospital school.", set()),
    ("Volunteers carried 200 boxes to the clinic waiting room.", set()),
    ("The team reached the border town of Irun with 11 players fit.", set()),
    ("Ambulances took 14 people to a field hospital after the blast.", {("injury", None)}),
    ("Police stopped 30 migrants at the border checkpoint on Monday.", {("detention", None)}),
    # an event noun a work is about is the work's subject, not an event of the report
    ("A documentary about the massacre was watched by 2 million viewers.", set()),
    ("The podcast about the murder has 1 million listeners.", set()),
    ("Witnesses spoke about the massacre of 12 farmers on Monday.", {("death", "unknown")}),
    # burned alive is a death; removed from a country is a deportation; removed from office is not
    ("Witnesses said 30 villagers were burned alive in their homes.", {("death", "violence")}),
    ("The Home Office removed 5,000 offenders from the UK last year.", {("deportation", None)}),
    ("Three officials were removed from office after the audit.", set()),
    ("The crew removed 40 tonnes of debris from Paris.", set()),
    ("The army said it had eliminated 10 enemy soldiers.", {("death", "violence")}),
    ("The company eliminated 200 jobs in its restructuring.", set()),
    # recaptured: people, also as a bare number; not towns
    ("Eleven were later recaptured in the district.", {("detention", None)}),
    ("Rebel forces recaptured the town of Kidal.", set()),
    ("Volunteers counted 11 dead on the beach.", {("death", "unknown")}),
]


@pytest.fixture(scope="module")
def pipe(nlp):
    return Pipeline(nlp, stages=[events.STAGE])


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_event_types(pipe, sentence, expected):
    analysis = pipe.analyse(sentence)
    got = {(e.event_type, e.cause) for e in analysis.events}
    assert got == expected


def test_an_offence_phrase_is_the_legal_actions_offence(pipe):
    analysis = pipe.analyse("Criminal proceedings were initiated against the driver for organising the smuggling of migrants.")
    assert [(e.event_type, e.offence) for e in analysis.events] == [("legal_action", "smuggling")]


def test_mention_spans_slice_the_text(pipe):
    text = "Two migrants drowned. Police arrested the smugglers who had crossed the border."
    analysis = pipe.analyse(text)
    assert analysis.events
    for e in analysis.events:
        assert text[e.span[0]:e.span[1]] == e.text
        assert analysis.sent_index(e.span[0]) == e.sent_i


def test_several_causes_give_several_deaths(pipe):
    analysis = pipe.analyse("Officials said the fatalities were due to swimming through rivers and attacks by wild animals.")
    causes = sorted(e.cause for e in analysis.events if e.event_type == "death")
    assert causes == ["animal", "drowning"]


def test_lost_soldiers_in_a_desertion_paragraph_is_desertion(pipe):
    text = "Desertions have soared in the southern units. The 58th Army has lost 2,500 soldiers, a channel said."
    analysis = pipe.analyse(text)
    lost = [e for e in analysis.events if e.text.startswith("lost")]
    assert [e.event_type for e in lost] == ["desertion"]


@pytest.mark.parametrize("sentence,expected", [
    # a sum of money or a fee charged is a price, not a criminal charge
    ("The gym charges members 40 euros a month.", set()),
    ("The airline charged passengers a fee of 30 dollars per bag.", set()),
    ("The landlord charged $1,200 in rent for the flat.", set()),
    # a charge laid with an offence, or on people, stays one
    ("Police charged two men with fraud and fined them 500 euros.", {("legal_action", None)}),
    ("Prosecutors charged 12 people over the riot.", {("legal_action", None)}),
    # money in a clause about the people charged is no price
    ("The SEC charged three traders who made $2 million from the scheme.", {("legal_action", None)}),
    ("Police charged two men who had $300,000 in cash.", {("legal_action", None)}),
])
def test_charging_a_price_is_no_legal_charge(pipe, sentence, expected):
    assert {(e.event_type, e.cause) for e in pipe.analyse(sentence).events} == expected


@pytest.mark.parametrize("sentence,expected", [
    # turning or pushing back of one's own accord sends no one back
    ("Ten climbers reached the summit; three turned back because of the weather.", set()),
    ("The ferry turned back after the engine failed.", set()),
    ("The protesters pushed back against the plan.", set()),
    # done to people it is a deportation (push-back)
    ("Forty migrants were turned back at the border.", {("deportation", None)}),
    ("The coastguard turned them back.", {("deportation", None)}),
    ("Police pushed back 300 people at the fence.", {("deportation", None)}),
])
def test_turning_back_is_a_push_back_only_when_done_to_someone(pipe, sentence, expected):
    assert {(e.event_type, e.cause) for e in pipe.analyse(sentence).events} == expected


@pytest.mark.parametrize("text, verb, own", [
    ("Police arrested two men and charged them with theft.", "charged", False),
    ("The court convicted the driver and fined him.", "fined", False),
    ("Storms flooded roads and knocked out power.", "knocked", False),
    ("The striker scored twice and the keeper saved a penalty.", "saved", True),
    ("Shares fell 3% and analysts cut their forecasts.", "cut", True),
    ("The roof was damaged and two cars were crushed.", "crushed", True),
])
def test_a_conjoined_verb_has_a_subject_of_its_own_only_when_it_names_one(nlp, text, verb, own):
    # one test for the casualty frames ("shot and killed") and the clause boundaries of the claims
    from claimwatch.extract.base import has_subject

    doc = nlp(text)
    assert has_subject(next(t for t in doc if t.text == verb)) is own
