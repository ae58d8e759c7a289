"""Source typing (SPEC §4) and source-name canonicalisation."""

from __future__ import annotations

import pytest

from claimwatch.extract.sources import (
    SOURCE_TYPES,
    alias_of,
    canonical_name,
    classify_source,
    is_unnamed,
    looks_like_outlet,
    platform_of,
    strip_determiners,
    strip_title,
)

TYPED = [
    # military
    ("The UK's Ministry of Defense", "military"),
    ("the defence ministry", "military"),
    ("Ukraine's General Staff", "military"),
    ("the armed forces", "military"),
    ("a military intelligence agency", "military"),
    ("the Pentagon", "military"),
    ("Brig. Gen. Pat Ryder", "military"),
    # law enforcement
    ("Polish border police", "law_enforcement"),
    ("the State Border Guard Service", "law_enforcement"),
    ("the Italian coast guard", "law_enforcement"),
    ("police spokesman", "law_enforcement"),
    ("a spokesman for the police", "law_enforcement"),
    ("the Security Service of Ukraine", "law_enforcement"),
    ("investigators", "law_enforcement"),
    # judicial
    ("the Supreme Court", "judicial"),
    ("a judge", "judicial"),
    ("the tribunal", "judicial"),
    # official
    ("the Kremlin", "official"),
    ("the foreign ministry", "official"),
    ("the prosecutor's office", "official"),
    ("Interior Minister Gerald Darmanin", "official"),
    ("the mayor of Przemysl", "official"),
    ("a government spokesperson", "official"),
    ("the regional governor", "official"),
    ("the European Commission", "official"),
    # media
    ("an investigative Russian publication headquartered in Latvia", "media"),
    ("the news agency", "media"),
    ("The Kyiv Independent", "media"),
    ("a correspondent", "media"),
    ("Reuters", "media"),
    ("state television", "media"),
    # ngo
    ("the UN refugee agency", "ngo"),
    ("the Red Cross", "ngo"),
    ("Amnesty International", "ngo"),
    ("a human rights group", "ngo"),
    ("Human Rights Watch", "ngo"),
    ("IOM", "ngo"),
    ("Amnesty researcher", "ngo"),
    # social media
    ("a Telegram channel", "social_media"),
    ("a Telegram channel linked to the Russian army", "social_media"),
    ("a Facebook post", "social_media"),
    ("a pro-war blogger", "social_media"),
    # expert
    ("an analyst", "expert"),
    ("a professor of political science", "expert"),
    ("a Kyiv think tank", "expert"),
    ("the Institute for the Study of War", "expert"),
    ("researchers", "expert"),
    # witness
    ("his mother", "witness"),
    ("a resident of Kherson", "witness"),
    ("witnesses", "witness"),
    ("a survivor", "witness"),
    ("relatives of the victims", "witness"),
    # unnamed
    ("sources", "unnamed"),
    ("a source close to the negotiations", "unnamed"),
    ("officials who asked not to be named", "unnamed"),
    ("a senior official speaking on condition of anonymity", "unnamed"),
    ("people familiar with the matter", "unnamed"),
    # a website's domain name is a publisher; an abbreviation with dots is not a domain
    ("thedefensepost.com", "media"),
    ("Censor.NET", "media"),
    ("facebook.com", "social_media"),
    ("the Israel Defense Forces", "military"),
    # national police forces by their own names; a lake of the same name is no force
    ("Gardaí", "law_enforcement"),
    ("Gardai", "law_enforcement"),
    ("a Garda spokeswoman", "law_enforcement"),
    ("the Guardia Civil", "law_enforcement"),
    ("Chile's Carabineros", "law_enforcement"),
    ("hoteliers at Lake Garda", "witness"),
    ("the UK's Border Security Command", "law_enforcement"),
    ("India's Border Security Force", "law_enforcement"),
    ("a border security expert", "expert"),
    ("the Minister of State for Border Security and Asylum", "official"),
    # an event's organising committee is the organisers', a camp's committee its residents' body
    ("the organising committee", "ngo"),
    ("the camp committee", "ngo"),
    # an unknown body of a tier of government is the state's; "national" or "regional" names no tier
    ("the provincial road safety committee", "official"),
    ("a district task force", "official"),
    ("the national team", "witness"),
    ("the regional champion", "witness"),
    ("the International Rescue Committee", "ngo"),
    ("the State Highway Patrol's crash statistics unit", "law_enforcement"),
    # an elected politician of the opposition holds a state office; the opposition's parties do not
    ("Opposition leader Jane Doe", "official"),
    ("an opposition lawmaker", "official"),
    ("opposition MPs", "official"),
    ("the leader of the opposition", "official"),
    ("the opposition", "ngo"),
    ("the main opposition party", "ngo"),
]


@pytest.mark.parametrize("name", ["U.S.", "St.Petersburg", "U.N.", "e.g"])
def test_an_abbreviation_is_not_a_website(name: str) -> None:
    assert not looks_like_outlet(name)


@pytest.mark.parametrize("name,expected", TYPED)
def test_classify_source(name: str, expected: str) -> None:
    assert classify_source(name) == expected


def test_enough_typing_cases_and_every_type_covered() -> None:
    assert len(TYPED) >= 30
    covered = {t for _, t in TYPED}
    assert covered == set(SOURCE_TYPES) - {"author"}


def test_entity_label_fallbacks() -> None:
    assert classify_source("Maria Kowalska", ent_label="PERSON") == "witness"
    assert classify_source("Acme Group", ent_label="ORG") == "official"       # an organisation of unknown kind
    assert classify_source("Acme Holdings", ent_label="ORG") == "witness"     # a company's name: a private party
    assert classify_source("Fox News", ent_label="ORG") == "media"
    assert classify_source(None) == "author"


def test_context_gives_a_person_the_type_of_the_organisation() -> None:
    ctx = "who is an adviser to the head of Ukraine's State Border Service"
    assert classify_source("Andrii Demchenko", ent_label="PERSON", context=ctx) == "law_enforcement"
    assert classify_source("Anna Smith", ent_label="PERSON", context="a professor at Oxford University") == "expert"
    # an organisation in the name itself is not overridden by a role in the context
    assert classify_source("the Red Cross", context="its spokesperson") == "ngo"


def test_strip_determiners_and_possessives() -> None:
    assert strip_determiners("The UK’s Ministry of Defense") == "UK Ministry of Defense"
    assert strip_determiners("a Telegram channel") == "Telegram channel"
    assert strip_determiners("the man's mother") == "man's mother"


def test_strip_title() -> None:
    assert strip_title("Col. Demchenko") == ("Col.", "Demchenko")
    assert strip_title("Foreign Minister Dmytro Kuleba") == ("Foreign Minister", "Dmytro Kuleba")
    assert strip_title("President") == (None, "President")


def test_aliases() -> None:
    assert canonical_name("The UK’s Ministry of Defense") == "UK Ministry of Defence"
    assert canonical_name("the Pentagon") == "US Department of Defense"
    assert canonical_name("the UN refugee agency") == "UNHCR"
    assert canonical_name("Ukraine’s State Border Service") == "State Border Guard Service of Ukraine"
    assert canonical_name("a Telegram channel") == "Telegram channel"
    assert canonical_name("Col. Demchenko", person=True) == "Demchenko"


def test_generic_alias_needs_the_country_in_the_article() -> None:
    assert alias_of("the State Border Service") is None
    ukraine = "Ukrainian men tried to leave Ukraine. Kyiv said ..."
    assert alias_of("the State Border Service", ukraine) == "State Border Guard Service of Ukraine"
    poland = "Poland said the Polish border guard ... Warsaw"
    assert alias_of("the border guard", poland) == "Polish Border Guard"
    assert alias_of("the border guard", "Nothing about any country here.") is None


def test_unnamed() -> None:
    assert is_unnamed("sources")
    assert is_unnamed("two people familiar with the talks")
    assert not is_unnamed("a Telegram channel close to the Wagner group")
    assert not is_unnamed("the ministry")


def test_platform_of() -> None:
    assert platform_of("on its Facebook page") == "Facebook"
    assert platform_of("in a post on X") == "X"
    assert platform_of("on Telegram") == "Telegram"
    assert platform_of("in a statement") is None
    assert platform_of("x marks the spot") is None


# "NGO" and "NGOs" name a non-governmental organisation; a personal name that merely begins with the
# same letters ("Ngongo", "Ngozi", "Ngoc") is no organisation, so "he"/"she" can refer back to it.
@pytest.mark.parametrize("name", ["Jules Ngongo", "Ngozi Adeyemi", "Tran Ngoc Lan"])
def test_a_personal_name_starting_like_ngo_is_no_organisation(name):
    from claimwatch.extract.sources import is_organisation
    assert not is_organisation(name)


@pytest.mark.parametrize("text, figure, speaker", [
    ("The team's physio, Ngozi Adeyemi, gave an update on Monday: 4 players injured, she said.", "4", "Ngozi Adeyemi"),
    ("The council's engineer, Tran Ngoc Lan, gave a figure on Friday: 12 bridges need repairs and 30 workers "
     "were hurt, he said.", "30", "Tran Ngoc Lan"),
])
def test_a_pronoun_speaker_takes_the_person_named_before(text, figure, speaker):
    import claimwatch
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == figure)
    assert count.source.canonical == speaker and count.source.type != "ngo"


# A common noun right before an unknown organisation's name says what it is ("The charity SOS
# Humanité said ..."), also where the parse hangs the noun apart from the name.
@pytest.mark.parametrize("text", [
    "The charity SOS Humanité said its ship Aurora pulled 40 people from the water.",
    "The charity Aide Médicale Sans Frontière said its clinic treated 40 people after the blast.",
])
def test_a_noun_before_an_unknown_name_types_it(text):
    import claimwatch
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == "40")
    assert count.source.type == "ngo"


# Local, community and grassroots groups that speak are civil-society organisations (``ngo``), not
# private witnesses; "a local group of hikers" is people, not an organisation.
@pytest.mark.parametrize("text, figure, typ", [
    ("Local groups say 40 families lost their homes in the flood.", "40", "ngo"),
    ("Community groups said 200 volunteers had cleaned the beach after the oil spill.", "200", "ngo"),
    ("Grassroots groups say 75 tenants were evicted from the estate last month.", "75", "ngo"),
    ("A local group of hikers said 3 of its members were injured.", "3", "witness"),
])
def test_local_and_community_groups_are_ngos(text, figure, typ):
    import claimwatch
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == figure)
    assert count.source.type == typ



# An official known only by a civil title is an official: "General" after an office noun is part of
# that title (not an army rank), and a district magistrate or a labour inspector is no witness.
@pytest.mark.parametrize("text, figure, typ", [
    ("Director General Jane Doe said 40 staff would be cut.", "40", "official"),
    ("District Magistrate Anil Kumar said 12 people were still in hospital.", "12", "official"),
    ("Labour inspector Maria Silva said 30 workers were freed from the farm.", "30", "official"),
    ("General Mark Milley said 3 soldiers died in the blast.", "3", "military"),
])
def test_an_official_known_by_a_civil_title(text, figure, typ):
    import claimwatch
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == figure)
    assert count.source.type == typ


@pytest.mark.parametrize("name,misread", [
    ("a hostage negotiator", "media"),            # "host*" (a TV host) is no hostage
    ("the Hostage Support Group", "media"),
    ("Copenhagen Airport", "law_enforcement"),    # "cop*" is no Copenhagen
    ("a local copywriter", "law_enforcement"),
    ("Courtesy Cars", "judicial"),                # "court*" is no courtesy
])
def test_a_starred_lexicon_word_does_not_match_a_longer_word(name: str, misread: str) -> None:
    assert classify_source(name) != misread


@pytest.mark.parametrize("name,expected", [
    ("the cops", "law_enforcement"),
    ("two policemen", "law_enforcement"),
    ("the relief agencies", "ngo"),
    ("the charity's director", "ngo"),
    ("protest organisers", "ngo"),
    ("a government spokeswoman", "official"),
    ("militiamen", "military"),
    ("a military blogger", "social_media"),
])
def test_a_starred_lexicon_word_takes_its_endings(name: str, expected: str) -> None:
    assert classify_source(name) == expected


@pytest.mark.parametrize("name,expected", [
    ("the union", "ngo"),                          # a trade union: a civil organisation
    ("the nurses' union", "ngo"),
    ("a union official", "ngo"),
    ("the Soviet Union", "official"),              # a capitalised Union is no trade union
    ("Union Minister Amit Shah", "official"),
    ("the club", "witness"),                       # a club, a promoter, a company: private parties
    ("Harbor City Football Club", "witness"),
    ("Chelsea FC", "witness"),
    ("a festival promoter", "witness"),
    ("the Paris Club", "official"),                # the creditor states' club
])
def test_unions_clubs_and_promoters(name: str, expected: str) -> None:
    assert classify_source(name) == expected


@pytest.mark.parametrize("name", ["Blue Harbour Logistics", "Sunrise Festivals", "Kestrel Mining", "Acme Mining Group"])
def test_a_company_name_word_types_a_private_party(name: str) -> None:
    assert classify_source(name, ent_label="ORG") == "witness"


@pytest.mark.parametrize("name,expected", [
    ("The mayor of Tours", "official"),            # a company word after "of" is a place, not the name's head
    ("Port of Tours", "official"),
    ("Public Utilities Commission", "official"),   # a state body's word outweighs a company word
    ("Minerals and Mining Commission", "official"),
    ("Telecom Regulatory Authority", "official"),
    ("Sierra Club", "ngo"),                        # a club is a private party only as a sports or business club
    ("Rotary Club", "ngo"),
    ("Club of Rome", "expert"),
    ("Harbour Golf Club", "witness"),
    ("the customs union", "official"),
    ("the credit union", "witness"),
])
def test_company_words_do_not_override_state_or_civil_words(name: str, expected: str) -> None:
    assert classify_source(name, ent_label="ORG") == expected


@pytest.mark.parametrize("name,expected", [
    ("The presidential palace", "official"),       # a starred stem takes its adjective
    ("a ministerial statement", "official"),
    ("a regimental spokesman", "military"),
])
def test_a_starred_stem_takes_its_adjective(name: str, expected: str) -> None:
    assert classify_source(name) == expected


# A body named by a state's remit of public safety is a state's, whatever its head noun, and so is
# a body of a province's or a county's; the remit does not outrank the owner it is written with.
@pytest.mark.parametrize("name, typ", [
    ("the province's disaster prevention committee", "official"),
    ("the national steering committee for natural disaster prevention", "official"),
    ("the county's emergency management team", "official"),
    ("the Red Cross emergency management team", "ngo"),
    ("the prefecture of Hokkaido", "official"),
    ("the ethics committee", "witness"),
    ("the national team", "witness"),
])
def test_a_public_safety_remit_or_a_provinces_body_is_official(name, typ):
    assert classify_source(name) == typ


# The body named before a document noun is the source, named without the document ("Texas
# Department of Transportation records show ..."); a report "of" a person by role is that person's.
@pytest.mark.parametrize("text, figure, name, typ", [
    ("Texas Department of Transportation records show that 14 bridges were closed after the storm.", "14",
     "Texas Department of Transportation", "official"),
    ("According to the report of the coroner, 3 climbers died of exposure.", "3", "the coroner", "judicial"),
    ("According to the report of the FIFA match delegate, 12 fans were injured.", "12", "the FIFA match delegate",
     "official"),
    ("According to a report of the shooting, 5 people were wounded.", "5", "a report", "unnamed"),
    ("Cook County Medical Examiner's Office records show that 12 people died in the heatwave.", "12",
     "Cook County Medical Examiner's Office", "official"),
])
def test_a_documents_issuer_or_author_is_named(text, name, figure, typ):
    import claimwatch
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == figure)
    assert (count.source.name, count.source.type) == (name, typ)
