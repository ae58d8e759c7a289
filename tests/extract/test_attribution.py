"""Attribution stage (sources, cues, quotes, evidentials, pronoun and alias resolution through the
entity registry) and the report context's source coverage (carry-over, source lines)."""

from __future__ import annotations

import pytest

from claimwatch.extract.attribution import STAGE, attribution_for, find_attribution_candidates, find_attributions
from claimwatch.extract.base import Analysis
from claimwatch.extract.context import source_for
from claimwatch.extract.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyse(nlp):
    pipe = Pipeline(nlp)

    def run(text: str) -> Analysis:
        return pipe.analyse(text)

    return run


def _spans_exact(analysis: Analysis) -> None:
    text = analysis.text
    for m in find_attribution_candidates(analysis) + analysis.attributions:
        for span, value in ((m.span, m.name), (m.cue_span, m.cue)):
            if span is not None:
                assert text[span[0]:span[1]] == value
            else:
                assert value is None or value == ":"
        if m.content_span is not None:
            s, e = m.content_span
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()


# (sentence, name, type, cue, quote, evidential)
SENTENCES = [
    ("Police said two men were arrested near the border.",
     "Police", "law_enforcement", "said", "indirect", "attributed"),
    ("“We will not give up,” the mayor told reporters.",
     "the mayor", "official", "told", "direct", "attributed"),
    ("The ministry said in a statement that 14 people had been killed.",
     "The ministry", "official", "said", "indirect", "attributed"),
    ("According to the UN refugee agency, more than 3,000 migrants died at sea last year.",
     "the UN refugee agency", "ngo", "According to", "indirect", "attributed"),
    ("Twelve climbers were rescued from the ridge on Sunday, as reported by the mountain rescue service.",
     "the mountain rescue service", "official", "as reported by", "indirect", "attributed"),
    ("The storm damaged 40 homes in the valley, as stated by the county council.",
     "the county council", "official", "as stated by", "indirect", "attributed"),
    ("Local residents told Reuters that the shelling lasted for hours.",
     "Local residents", "witness", "told", "indirect", "attributed"),
    ("The army reported that 12 soldiers were wounded in the attack.",
     "The army", "military", "reported", "indirect", "attributed"),
    ("Amnesty International denounced the executions as a grave violation of human rights.",
     "Amnesty International", "ngo", "denounced", "indirect", "attributed"),
    ("The Institute for the Study of War estimated that Russia had lost 300 tanks.",
     "The Institute for the Study of War", "expert", "estimated", "indirect", "attributed"),
    ("Two people were killed, sources said.",
     "sources", "unnamed", "said", "indirect", "hearsay"),
    ("Five migrants reportedly drowned off the coast of Libya.",
     None, "unnamed", "reportedly", "indirect", "hearsay"),
    ("The suspect allegedly paid smugglers 5,000 euros.",
     None, "unnamed", "allegedly", "indirect", "hearsay"),
    ("A senior official, who asked not to be named, said the talks had collapsed.",
     "A senior official", "unnamed", "said", "indirect", "hearsay"),
    ("The court ruled that the deportation was unlawful.",
     "The court", "judicial", "ruled", "indirect", "attributed"),
    ("Judge Maria Lopez said the evidence was insufficient.",
     "Judge Maria Lopez", "judicial", "said", "indirect", "attributed"),
    ("Interior Minister Gerald Darmanin said 27 people died when their boat capsized.",
     "Interior Minister Gerald Darmanin", "official", "said", "indirect", "attributed"),
    ("The Kremlin denied that its troops had crossed the border.",
     "The Kremlin", "official", "denied", "indirect", "attributed"),
    ("A Telegram channel close to the Wagner group claimed that 40 fighters were killed.",
     "A Telegram channel", "social_media", "claimed", "indirect", "attributed"),
    ("The Red Cross warned that the humanitarian situation was deteriorating.",
     "The Red Cross", "ngo", "warned", "indirect", "attributed"),
    ("The New York Times reported that the president had been briefed.",
     "The New York Times", "media", "reported", "indirect", "attributed"),
    ("Professor Anna Smith, an expert on migration at Oxford University, believes the figures are too low.",
     "Professor Anna Smith", "expert", "believes", "indirect", "attributed"),
    ("The man's mother said he had been forced to fight.",
     "The man's mother", "witness", "said", "indirect", "attributed"),
    ("Witnesses said the car exploded shortly after noon.",
     "Witnesses", "witness", "said", "indirect", "attributed"),
    ("Human Rights Watch said in a report that detainees were beaten.",
     "Human Rights Watch", "ngo", "said", "indirect", "attributed"),
    ("The European Commission announced that it would send 200 additional border guards.",
     "The European Commission", "official", "announced", "indirect", "attributed"),
    ("Ukraine's General Staff said Russian forces lost 1,000 troops in a day.",
     "Ukraine's General Staff", "military", "said", "indirect", "attributed"),
    ("The defence ministry added that air defences shot down 20 drones.",
     "The defence ministry", "military", "added", "indirect", "attributed"),
    ("“The situation is catastrophic,” said Jan Egeland, head of the Norwegian Refugee Council.",
     "Jan Egeland", "ngo", "said", "direct", "attributed"),
    ("An analyst at a Kyiv think tank speculated that the offensive would stall.",
     "An analyst", "expert", "speculated", "indirect", "attributed"),
    ("Officials in Lampedusa said 40 people were rescued.",
     "Officials", "official", "said", "indirect", "attributed"),
    ("It was reported that dozens of houses were destroyed.",
     None, "unnamed", "was reported", "indirect", "hearsay"),
    ("The deserter is said to have crossed the river at night.",
     None, "unnamed", "is said", "indirect", "hearsay"),
    ("The prosecutor's office said it had opened a criminal case.",
     "The prosecutor's office", "official", "said", "indirect", "attributed"),
    ("A blogger wrote that the unit had been disbanded.",
     "A blogger", "social_media", "wrote", "indirect", "attributed"),
    ("The journalist told the BBC that she had received threats.",
     "The journalist", "media", "told", "indirect", "attributed"),
    ("Citing police sources, the newspaper said eight people were detained.",
     "the newspaper", "media", "said", "indirect", "attributed"),
    ("The Pentagon said it was aware of the reports.",
     "The Pentagon", "military", "said", "indirect", "attributed"),
    ("Doctors Without Borders said its teams treated 300 patients.",
     "Doctors Without Borders", "ngo", "said", "indirect", "attributed"),
    ("Investigators believe the fire was started deliberately.",
     "Investigators", "law_enforcement", "believe", "indirect", "attributed"),
    ("The bodies of 12 migrants were found, the Italian coast guard said on Sunday.",
     "the Italian coast guard", "law_enforcement", "said", "indirect", "attributed"),
    ("“It was chaos,” a survivor told the Associated Press, adding that many people were missing.",
     "a survivor", "witness", "told", "direct", "attributed"),
    ("Russian state media claimed that the village had been captured.",
     "Russian state media", "media", "claimed", "indirect", "attributed"),
    ("The UN said the aid convoy was hit by shelling, calling it a violation of international law.",
     "The UN", "ngo", "said", "indirect", "attributed"),
    ("Police said the driver had told them he was “just following orders” from the smugglers.",
     "Police", "law_enforcement", "said", "mixed", "attributed"),
    ("The governor wrote on Telegram that 15 drones had been shot down overnight.",
     "The governor", "official", "wrote", "indirect", "attributed"),
    ("Frontex said irregular crossings fell by 20 percent.",
     "Frontex", "law_enforcement", "said", "indirect", "attributed"),
    ("The commander is rumoured to have fled to Belarus.",
     None, "unnamed", "rumoured", "indirect", "hearsay"),
    ("According to unconfirmed reports, 20 people were killed.",
     "unconfirmed reports", "unnamed", "According to", "indirect", "hearsay"),
    ("Sources close to the ministry told AFP that the deal was off.",
     "Sources", "unnamed", "told", "indirect", "hearsay"),
    ("The bodies were found by fishermen, local media reported.",
     "local media", "media", "reported", "indirect", "attributed"),
    ("“We have no food,” said Olena, a mother of three from Mariupol.",
     "Olena", "witness", "said", "direct", "attributed"),
]


@pytest.mark.parametrize("text,name,typ,cue,quote,evidential", SENTENCES)
def test_sentence_attribution(analyse, text, name, typ, cue, quote, evidential) -> None:
    analysis = analyse(text)
    m = source_for(analysis, 0)
    assert m is not None and m is attribution_for(analysis, 0)
    assert (m.name, m.type, m.cue, m.quote, m.evidential, m.scope) == (name, typ, cue, quote, evidential, "sentence")
    assert m.sent_i == 0
    assert m.cue_i is not None and m.cue_span[0] <= analysis.doc[m.cue_i].idx < m.cue_span[1]
    _spans_exact(analysis)


def test_enough_sentences() -> None:
    assert len(SENTENCES) >= 40


@pytest.mark.parametrize("text", [
    "The migrants were rescued by the coast guard.",
    "Heavy rain fell across the region on Monday.",
    "The search continues in the mountains.",
    "I think the figures are wrong.",
])
def test_no_attribution_is_the_authors_voice(analyse, text) -> None:
    analysis = analyse(text)
    assert analysis.attributions == []
    assert source_for(analysis, 0) is None and attribution_for(analysis, 0) is None


def test_content_span(analyse) -> None:
    text = "The ministry said in a statement that 14 people had been killed."
    m = source_for(analyse(text), 0)
    s, e = m.content_span
    assert text[s:e] == "14 people had been killed"
    text = "Another 40 are missing, according to the police."
    m = source_for(analyse(text), 0)
    assert text[slice(*m.content_span)] == "Another 40 are missing"


def test_via_platform(analyse) -> None:
    m = source_for(analyse("The State Border Service wrote on Facebook that 15 men had been detained."), 0)
    assert (m.type, m.via) == ("law_enforcement", "Facebook")
    # a platform that is itself the source is not a "via"
    m = source_for(analyse("A Telegram channel said on Telegram that the unit had withdrawn."), 0)
    assert (m.type, m.via) == ("social_media", None)


def test_pronoun_title_and_surname_resolution(analyse) -> None:
    text = (
        "Andrii Demchenko, a spokesman for Ukraine’s State Border Service, said 30 bodies had been found. "
        "He added that the search would continue.\n\n"
        "Col. Demchenko told reporters that most of the victims had drowned. Demchenko said more would follow."
    )
    analysis = analyse(text)
    ms = [m for m in analysis.attributions if m.primary]
    assert [m.name for m in ms] == ["Andrii Demchenko", "He", "Col. Demchenko", "Demchenko"]
    for m in ms:
        assert m.canonical == "Andrii Demchenko"
        assert m.type == "law_enforcement"
        assert m.affiliation == "State Border Guard Service of Ukraine"
        assert m.scope == "sentence"
    _spans_exact(analysis)


def test_she_and_it_resolution(analyse) -> None:
    analysis = analyse(
        "Maria Lopez, a resident of the village, said the water rose within minutes. "
        "She said her neighbours were missing. The regional police said 12 people had drowned. "
        "It said the search was suspended."
    )
    she, it = source_for(analysis, 1), source_for(analysis, 3)
    assert (she.canonical, she.type) == ("Maria Lopez", "witness")
    assert (it.name, it.canonical, it.type) == ("It", "regional police", "law_enforcement")


def test_title_noun_with_the_person_named(analyse) -> None:
    m = source_for(analyse("The mayor of Kherson, Roman Mrochko, said three people were killed."), 0)
    # the source is named as the text names the person, not by the role ("The mayor")
    assert (m.name, m.canonical, m.type) == ("Roman Mrochko", "Roman Mrochko", "official")


def test_group_pronoun_stays_in_its_paragraph(analyse) -> None:
    analysis = analyse(
        "Residents said the shelling started at dawn. They added that the power was cut.\n\n"
        "John Smith said the talks failed. They said the talks failed."
    )
    assert source_for(analysis, 1).canonical == "Residents"
    assert source_for(analysis, 3).canonical is None


def test_quote_continues_over_sentences(analyse) -> None:
    analysis = analyse("“We found 12 bodies,” the police chief said. “Many more are missing. The search continues.”")
    first = source_for(analysis, 0)
    assert (first.name, first.quote, first.scope) == ("the police chief", "direct", "sentence")
    for i in (1, 2):
        m = source_for(analysis, i)
        assert (m.name, m.type, m.quote, m.scope) == ("the police chief", "law_enforcement", "direct", "paragraph")
        assert m.span == first.span


def test_anaphoric_attribution_is_carried_over_the_paragraph(analyse) -> None:
    analysis = analyse(
        "Fifteen men were detained near the border on Sunday. They had tried to cross the river at night. "
        "The State Border Service writes about this on its Facebook page.\n\n"
        "The weather was cold."
    )
    for i in (0, 1):
        m = source_for(analysis, i)
        assert (m.name, m.type, m.via, m.scope, m.cue) == (
            "The State Border Service", "law_enforcement", "Facebook", "paragraph", "writes about")
    assert source_for(analysis, 2).scope == "sentence"
    assert source_for(analysis, 3) is None


def test_an_anaphoric_attribution_inside_its_paragraph_stays_in_it(analyse) -> None:
    analysis = analyse(
        "Fourteen bodies were pulled from the river on Monday. About 30 people are still missing.\n\n"
        "Meanwhile, police arrested three men in the town. This was reported by a local radio station."
    )
    assert source_for(analysis, 2).name == "a local radio station"
    assert source_for(analysis, 0) is None and source_for(analysis, 1) is None


def test_trailing_source_covers_preceding_figures(analyse) -> None:
    analysis = analyse("More than 200 people have been detained since May. Another 40 are missing, according to the police.")
    m0, m1 = source_for(analysis, 0), source_for(analysis, 1)
    assert (m0.name, m0.scope, m0.cue) == ("the police", "paragraph", "according to")
    assert (m1.name, m1.scope) == ("the police", "sentence")


def test_no_carry_without_figures_or_across_paragraphs(analyse) -> None:
    analysis = analyse("The war began in 2022. The ministry said 50 soldiers died.\n\nTwo more died later, officials said.")
    assert source_for(analysis, 0) is None
    assert source_for(analysis, 1).name == "The ministry"
    assert source_for(analysis, 2).name == "officials"


def test_source_line_gives_article_scope(analyse) -> None:
    analysis = analyse("Three people died in the blaze.\n\nThe fire started in a warehouse, police said.\n\nSource: Reuters")
    m0 = source_for(analysis, 0)
    assert (m0.name, m0.type, m0.scope, m0.cue) == ("Reuters", "media", "article", "Source")
    assert source_for(analysis, 1).name == "police"
    _spans_exact(analysis)


def test_signature_line_attributes_the_paragraph_before(analyse) -> None:
    analysis = analyse("We waited three days at the border.\n\n― Maria Gonzalez\n\nThe camp was closed in May.")
    m = source_for(analysis, 0)
    assert (m.name, m.type, m.scope) == ("Maria Gonzalez", "witness", "paragraph")
    assert source_for(analysis, 2) is None


def test_speaker_labels(analyse) -> None:
    analysis = analyse("WALLACE: Will the talks go ahead?\n\nPENCE: They will. We are ready.")
    for i, _ in enumerate(analysis.sentences):
        m = source_for(analysis, i)
        para = analysis.paragraph_index(analysis.sentences[i][0])
        first = i == 0 or analysis.paragraph_index(analysis.sentences[i - 1][0]) != para
        expected = ("WALLACE", "Wallace") if para == 0 else ("PENCE", "Pence")
        assert (m.name, m.canonical, m.cue, m.quote) == (*expected, ":", "direct")
        assert m.scope == ("sentence" if first else "paragraph")
    _spans_exact(analysis)


def test_nested_candidates(analyse) -> None:
    analysis = analyse("“I think we will win,” Smith said, adding that the vote was fair.")
    primary = source_for(analysis, 0)
    assert (primary.name, primary.cue) == ("Smith", "said")
    cues = [m.cue for m in find_attribution_candidates(analysis)]
    assert "said" in cues and "adding" in cues


def test_seed_article(analyse, seed_body, seed_gold) -> None:
    analysis = analyse(seed_body)
    _spans_exact(analysis)
    checked = 0
    for claim in seed_gold["claims"]:
        start = seed_body.index(claim["evidence"])
        sent_i = analysis.sent_index(start)
        gold = claim["source"]
        m = source_for(analysis, sent_i)
        if gold["type"] == "author":
            assert m is None, claim["evidence"]
            continue
        assert m is not None, claim["evidence"]
        assert (m.name, m.type, m.cue, m.scope) == (gold["name"], gold["type"], gold["cue"], gold["scope"])
        assert m.evidential == claim["evidential"]
        if gold["name"] is not None:
            assert m.canonical == gold["canonical"]
            assert m.affiliation == gold["affiliation"]
        checked += 1
    assert checked >= 10


def test_stage_contract() -> None:
    assert STAGE.name == "attribution"
    assert STAGE.provides == ("attributions",)
    assert STAGE.requires == ("doc", "entities")
    assert STAGE.core is find_attributions


def test_attribution_records_as_attribution_corpora_mark_them(analyse) -> None:
    """The record keeps PolNeAR's spans beside the claim's: the whole source phrase (apposition
    with its closing comma, or the relative pronoun) and the cue with its auxiliaries."""
    text = ("Brian Fallon, the campaign's press secretary, has said that 30 people were hurt. "
            "The mayor, who did not immediately respond, was in Kyiv.")
    a = analyse(text)
    m = attribution_for(a, 0)
    assert (m.name, m.cue) == ("Brian Fallon", "said")
    assert text[slice(*m.source_span)] == "Brian Fallon, the campaign's press secretary,"
    assert text[slice(*m.cue_phrase_span)] == "has said"


def test_one_record_per_attribution_and_none_inside_quotations(analyse) -> None:
    text = "“I think we will win,” Smith said. “The vote was fair. We counted every ballot.”"
    a = analyse(text)
    assert [m.cue for m in a.attributions] == ["said"]      # not "think", not one copy per sentence
    assert [source_for(a, i).scope for i in range(3)] == ["sentence", "paragraph", "paragraph"]


def test_a_signed_quotation(analyse) -> None:
    text = "“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture.”― Pamela Padilla"
    a = analyse(text)
    signed = [m for m in a.attributions if m.kind == "signature"]
    assert [(m.name, m.cue) for m in signed] == [("Sonya Herridge", "―"), ("Pamela Padilla", "―")]
    assert text[slice(*signed[0].content_span)] == "“He represents our greatest shame.”"


@pytest.mark.parametrize("text,name,cue", [
    ("Statistics project that 300,000 migrants will cross before the end of August.", "Statistics", "project"),
    ("Panama registers a daily average of 1,250 travellers.", "Panama", "registers"),
    ("Official data show that 4,000 migrants entered the country this year.", "Official data", "show"),
    ("The survivors spoke of three missing people.", "The survivors", "spoke of"),
    ("It is estimated that up to 700 people were on board.", None, "is estimated"),
    # a figure set or revised by its source
    ("Local authorities raised the death toll to 25 on Tuesday.", "Local authorities", "raised"),
    ("The coast guard updated the number of bodies recovered to 14.", "The coast guard", "updated"),
    ("Officials put the toll at 40.", "Officials", "put"),
])
def test_non_speech_evidential_cues(analyse, text, name, cue) -> None:
    m = source_for(analyse(text), 0)
    assert m is not None and (m.name, m.cue) == (name, cue)


def test_a_stance_attributes_but_makes_no_statement(analyse) -> None:
    a = analyse("The ministry plans to deport 200 migrants. The minister wants to resign.")
    assert source_for(a, 0).name == "The ministry" and source_for(a, 0).kind == "stance"
    assert not [c for c in a.claims if c.kind == "statement"]


def test_corpus_cues_and_noun_cues_are_records_only(analyse) -> None:
    a = analyse("Trump's claim that 3 million people voted illegally was false. Clinton touted the plan.")
    kinds = {(m.cue, m.kind, m.primary) for m in a.attributions}
    assert ("claim", "corpus", False) in kinds and ("touted", "corpus", False) in kinds
    assert source_for(a, 1) is None          # a record that speaks for no sentence


@pytest.mark.parametrize("text, name", [
    ("The United Nations projects that if the pace keeps up, as many as 400,000 may cross the gap.", "Nations"),
    ("In recent weeks the flow of migrants through the region has increased and statistics project that it will "
     "reach 300,000 by August.", "statistics"),
])
def test_a_reporting_verb_parsed_as_a_noun_with_its_subject_as_compound(analyse, text, name) -> None:
    analysis = analyse(text)
    m = source_for(analysis, 0)
    assert m is not None and m.name is not None and m.name.endswith(name), m
    assert m.cue is not None and m.cue.startswith("project")
    _spans_exact(analysis)


def test_a_plural_noun_before_that_is_no_cue(analyse) -> None:
    analysis = analyse("The border projects that the ministry funded were cancelled.")
    m = source_for(analysis, 0)
    assert m is None or m.cue is None or not m.cue.startswith("project")


def test_an_activity_on_people_under_way_is_no_stance(analyse) -> None:
    analysis = analyse("Authorities are questioning survivors in the city of Kalamata.")
    m = source_for(analysis, 0)
    assert m is None or m.kind != "stance"


def test_a_stance_on_content_stays_one(analyse) -> None:
    analysis = analyse("The minister questioned the figures released by the agency.")
    m = source_for(analysis, 0)
    assert m is not None and m.kind == "stance" and m.name == "The minister"


def test_second_reporting_act_beside_the_primary_is_its_own_record(analyse) -> None:
    """A coordinated or adverbial reporting verb of the same speaker ("..., saying ...") is an
    attribution of its own; a verb inside what the primary one reports ("said she thinks") is not."""
    analysis = analyse("The minister rejected the request on Monday, saying the courts had no business deciding it.")
    _spans_exact(analysis)
    cues = [analysis.text[m.cue_span[0]:m.cue_span[1]] for m in find_attributions(analysis) if m.cue_span]
    assert "saying" in cues
    analysis = analyse("The senator said she thinks the bill will pass.")
    cues = [analysis.text[m.cue_span[0]:m.cue_span[1]] for m in find_attributions(analysis) if m.cue_span]
    assert "thinks" not in cues


def test_signature_after_a_quotation_whose_marks_do_not_pair(analyse) -> None:
    """A signed quotation with a quotation inside it, or opened with the wrong mark, is still signed."""
    analysis = analyse("Voters Share Their Views.\n\n”I would rather live in what he calls “hell” than that.” ― Ana Ruiz\n\n"
                       "The survey closed on Monday.")
    _spans_exact(analysis)
    signed = [m for m in find_attributions(analysis) if m.kind == "signature"]
    assert [(m.name, m.cue) for m in signed] == [("Ana Ruiz", "―")]
    assert signed[0].content_span is not None and analysis.text[signed[0].content_span[0]] == "”"


def test_headline_label_names_its_speaker(analyse) -> None:
    analysis = analyse("Sanders: Clinton Needs to Get Away From Personality Stuff\n\nThe senator spoke in Ohio on Monday.")
    _spans_exact(analysis)
    labels = [m for m in find_attributions(analysis) if m.kind == "label"]
    assert [(m.name, m.cue) for m in labels] == [("Sanders", ":")]
    analysis = analyse("Background: the talks in Geneva\n\nThe talks resumed on Monday.")
    assert not [m for m in find_attributions(analysis) if m.kind == "label"]


def test_a_learned_cue_is_a_record_only(analyse) -> None:
    """The learned detector finds a cue no lexicon lists ("grilled"): a record with its source,
    speaking for no sentence and making no statement claim."""
    text = "Senator Warren grilled the bank's chief executive about the fake accounts."
    a = analyse(text)
    learned = [m for m in a.attributions if m.kind == "learned"]
    assert [(m.name, m.cue, m.primary) for m in learned] == [("Senator Warren", "grilled", False)]
    assert source_for(a, 0) is None
    assert not [c for c in a.claims if c.kind == "statement"]
    _spans_exact(a)


def test_the_learned_detector_keeps_plain_actions_out(analyse) -> None:
    a = analyse("Ms Lee boarded a bus in Ohio. The workers repaired the bridge.")
    assert [m for m in a.attributions if m.kind == "learned"] == []


def test_cue_phrase_runs_over_a_raising_verb_and_a_particle(analyse) -> None:
    """PolNeAR's cue: "appeared to suggest" is one cue (not a second record for "appeared"), a
    verb keeps its particle ("laid out") and a stance its preposition ("railed against")."""
    text = ("Trump appeared to suggest that veterans are weak. Sanders laid out his proposals for free college. "
            "Trump railed against the special-interest provisions.")
    a = analyse(text)
    phrases = [text[slice(*m.cue_phrase_span)] for m in a.attributions if m.cue_phrase_span]
    assert phrases == ["appeared to suggest", "laid out", "railed against"]
    assert attribution_for(a, 0).cue == "suggest"      # the claim keeps the reporting verb


def test_a_learned_cue_takes_the_subject_of_the_verb_it_qualifies(analyse) -> None:
    a = analyse("Dean appeared on MSNBC and began by saying he would never diagnose anyone.")
    assert ("Dean", "saying") in {(m.name, m.cue) for m in a.attributions if m.kind == "learned"}


@pytest.mark.parametrize("text, person", [
    # a capitalised title is a role too: the person in apposition is the source
    ("Kenya's Minister of Interior Affairs, Daniel Mwangi, warned that 5,000 people could be displaced.", "Daniel Mwangi"),
    # the name after the role's complement, even when the parser coordinates it there
    ("This was stated by the spokesman for the State Emergency Service, Oleh Kovalenko, Kyiv Post reports.", "Oleh Kovalenko"),
])
def test_a_title_written_with_the_persons_name_is_the_person(analyse, text, person) -> None:
    analysis = analyse(text)
    m = source_for(analysis, 0)
    assert (m.name, m.canonical) == (person, person)
    assert analysis.text[m.span[0]:m.span[1]] == m.name


def test_an_organisation_coordinated_with_a_person_is_not_the_persons_title(analyse) -> None:
    m = source_for(analyse("The head of the Red Cross and John Smith said 40 people were hurt."), 0)
    assert m.canonical != "John Smith"


@pytest.mark.parametrize("text, name, canonical_word, typ", [
    ("Surveys by the U.N. refugee agency and others point to rising deaths among migrants.",
     "the U.N. refugee agency", "UNHCR", "ngo"),
    ("A report by Amnesty International found that 40 migrants died at sea.", "Amnesty International", "Amnesty", "ngo"),
    ("An analysis by the border police showed that 300 people crossed the river.", "the border police", "police",
     "law_enforcement"),
])
def test_a_documents_author_named_by_by_is_the_source(analyse, text, name, canonical_word, typ) -> None:
    """"Surveys by X": X wrote the document and is the source, named as written (not "Surveys")."""
    analysis = analyse(text)
    m = source_for(analysis, 0)
    assert m is not None and m.name == name, m
    assert m.canonical is not None and canonical_word in m.canonical and m.type == typ, m
    _spans_exact(analysis)



@pytest.mark.parametrize("text", [
    "The opposition said 40 migrants had drowned off the coast.",
    "The protest movement claimed that 2,000 migrants entered the country last month.",
    "Opposition parties said 12 activists were detained.",
])
def test_a_political_group_is_a_non_state_organisation(analyse, text) -> None:
    """SPEC §4 has no type for parties and political movements: they are organisations that do not
    speak for a state, so ``ngo`` (not ``official``, which the reconciliation reads as the state's
    side of a dispute, nor ``witness``, a private person)."""
    m = source_for(analyse(text), 0)
    assert m is not None and m.type == "ngo", m


def test_a_closing_reporting_clause_the_parser_hangs_from_a_place_keeps_its_own_speaker(analyse):
    a = analyse("Search teams have recovered the bodies of at least 29 people from a collapsed mine near the town "
                "of Hpakant, north of Myitkyina, Myanmar's National Disaster Management Committee said on Sunday.")
    m = attribution_for(a, 0)
    assert m is not None and (m.name, m.cue) == ("Myanmar's National Disaster Management Committee", "said")


def test_a_coordinated_reporting_verb_keeps_the_subject_it_shares(analyse):
    a = analyse("The minister visited the camp on Monday, met the families and said 300 tents had arrived.")
    assert attribution_for(a, 0).name == "The minister"


def test_a_relative_reporting_clause_holds_what_it_reports_in_a_sentence_sourced_before(analyse):
    a = analyse("BOGOTA, May 2 (Reuters) - Six migrants drowned.\n\n"
                "The migrants had drowned while crossing the swollen Atrato river, according to the Colombian Navy "
                "(Armada), which said its patrols also found 52 people stranded near the village of Acandi.")
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == "52")
    assert (claim.source.name, claim.source.type) == ("the Colombian Navy", "military")


def test_a_name_whose_acronym_closes_its_place_phrase_keeps_the_place(analyse):
    a = analyse("According to the UN's Multidimensional Mission in Mali (MINUSMA), 120 civilians were killed "
                "in the Mopti region in March.")
    m = attribution_for(a, 0)
    assert m.name == "the UN's Multidimensional Mission in Mali"
    _spans_exact(a)


def test_a_place_after_a_name_without_an_acronym_stays_outside_it(analyse):
    a = analyse("According to the Red Cross in Mali, 120 civilians were killed in the Mopti region in March.")
    assert attribution_for(a, 0).name == "the Red Cross"


def test_a_speaker_whose_paragraph_withholds_the_name_is_unnamed(analyse):
    a = analyse("A nurse at the district hospital said the dead included four children. He asked not to be named "
                "for fear of reprisals. Another 12 people were wounded, he said.")
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == "12")
    assert claim.source.type == "unnamed"


def test_a_name_left_off_a_team_sheet_is_no_anonymous_speaker(analyse):
    a = analyse("A fan outside the ground said 3,000 tickets were unsold. He will not be named in the club's "
                "official attendance report, which lists season-ticket holders only.")
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == "3,000")
    assert claim.source.type == "witness"


def test_a_post_shared_on_a_platform_is_social_media(analyse):
    a = analyse("A post shared more than 15,000 times on Facebook claims that 300 migrants drowned off Libya in April.")
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == "300")
    assert claim.source.type == "social_media"


def test_a_person_who_posts_on_a_platform_stays_a_person(analyse):
    a = analyse("A woman who filmed the scene on TikTok said that 300 people died in the fire.")
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == "300")
    assert claim.source.type == "witness"


# A body the tagger reads as a building or a place ("the Highway Patrol", "the White House") speaks
# when the source lexicon knows it as an organisation; a river or a stadium still does not.
@pytest.mark.parametrize("text, name", [
    ("In Ohio, the Highway Patrol reported that 12 people were injured in the pileup.", "the Highway Patrol"),
    ("In Washington, the White House said that 300 troops would be deployed.", "the White House"),
    ("The Rio Grande has claimed 12 lives this year.", None),
])
def test_a_body_tagged_as_a_place_speaks(analyse, text, name):
    a = analyse(text)
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text in ("12", "300"))
    assert claim.source.name == name


# A closing "according to X of Y" covers the figures of its own sentence before a colon, and the
# paragraph's next sentences; the words of its own phrase are no clause after it.
def test_a_closing_according_to_with_a_long_name_covers_its_sentence(analyse):
    a = analyse("Nine ambulances and 47 injured: this is the count at the stadium after the collapse, according "
                "to the fire brigade of Lyon. At the city hospital there are now 30 patients.")
    for figure in ("47", "30"):
        claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == figure)
        assert claim.source.name == "the fire brigade"


# A hard-wrapped paragraph (a plain-text e-mail, a wire statement in capitals) is read by its
# sentences, not its lines: a source wrapped onto the next line still covers its figures.
@pytest.mark.parametrize("text, figure, name", [
    ("The county said that the storm damaged roofs across the valley and that\n"
     "about 120 homes were left without power on Sunday, according to the\nutility company.",
     "about 120", "the\nutility company"),
    ("THE BRIDGE WAS CLOSED ON MONDAY. FOURTEEN CRACKS WERE FOUND, ACCORDING TO THE\n"
     "CITY ENGINEERING OFFICE, AND 3 PIERS WILL BE REBUILT.", "3", "THE\nCITY ENGINEERING OFFICE"),
])
def test_a_wrapped_line_does_not_end_a_sentence(analyse, text, figure, name):
    a = analyse(text)
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == figure)
    assert claim.source.name == name


def test_a_headline_above_a_line_stays_apart(analyse):
    a = analyse("Lampedusa, hotspot at three times capacity after 38 landings in a day\n(Translated from Italian)\n\n"
                "The mayor said 1,200 people were in the centre.")
    assert a.text[a.sentences[0][0]:a.sentences[0][1]].endswith("in a day")


# A form's field line ("FATALITIES: 2", "Injured: 14") is no speaker's turn; "SMITH: We counted 4." is.
@pytest.mark.parametrize("text, figure, typ", [
    ("STORM REPORT\n\nFATALITIES:   2\n\nINJURIES:     17", "17", "author"),
    ("Match report\n\nAttendance: 41,200\n\nInjured: 14 (two seriously)", "14", "author"),
    ("TRANSCRIPT\n\nSMITH: We counted 4 bodies on the road.", "4", "witness"),
])
def test_a_field_line_is_no_speaker_label(analyse, text, figure, typ):
    a = analyse(text)
    claim = next(c for c in a.claims if c.quantity is not None and c.quantity.text == figure)
    assert claim.source.type == typ
