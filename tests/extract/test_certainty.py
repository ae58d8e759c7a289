"""Certainty / polarity / hearsay of predicates (SPEC §5) on general news language."""

from __future__ import annotations

import pytest

from claimwatch.extract import certainty
from claimwatch.extract.pipeline import Pipeline

# (sentence, word whose governing predicate is judged, certainty, polarity, hearsay)
CASES = [
    ("Police arrested 12 people on Sunday.", "arrested", "certain", "positive", False),
    ("Officials may have approved the use of force.", "approved", "possible", "positive", False),
    ("The UK's Ministry of Defence speculated that senior officials may have approved the use of force.", "approved", "possible", "positive", False),
    ("Analysts speculated that the commander was removed.", "removed", "possible", "positive", False),
    ("Investigators suspect that the boat capsized near the coast.", "capsized", "possible", "positive", False),
    ("The migrants might have drowned in the river.", "drowned", "possible", "positive", False),
    ("Dozens could die if the camp is not evacuated.", "die", "possible", "positive", False),
    ("The smugglers possibly crossed the border at night.", "crossed", "possible", "positive", False),
    ("Perhaps 300 people fled the town.", "fled", "possible", "positive", False),
    ("Hundreds are likely to have died in the fire.", "died", "probable", "positive", False),
    ("The men probably drowned while crossing the river.", "drowned", "probable", "positive", False),
    ("He believes the bodies were swept downstream.", "swept", "probable", "positive", False),
    ("Officials expect that more migrants will arrive next month.", "arrive", "probable", "positive", False),
    ("The commander appears to have fled the country.", "fled", "probable", "positive", False),
    ("The army plans to call up 10,000 reservists.", "call", "underspecified", "positive", False),
    ("The government intends to deport the families.", "deport", "underspecified", "positive", False),
    ("Will the ministry extend the ban?", "extend", "underspecified", "positive", False),
    ("If the talks fail, the border would be closed.", "closed", "underspecified", "positive", False),
    ("If the talks fail, the border will be closed.", "fail", "underspecified", "positive", False),
    ("The ministry announced plans to expand conscription.", "expand", "underspecified", "positive", False),
    ("The government is going to introduce new rules.", "introduce", "underspecified", "positive", False),
    ("Police did not arrest anyone at the crossing.", "arrest", "certain", "negative", False),
    ("The soldiers never reached the front.", "reached", "certain", "negative", False),
    ("No bodies were found on the beach.", "found", "certain", "negative", False),
    ("Nobody was injured in the attack.", "injured", "certain", "negative", False),
    ("The ministry denied that troops had crossed the border.", "crossed", "certain", "negative", False),
    ("The border guard failed to stop the convoy.", "stop", "certain", "negative", False),
    ("The recruits refused to fight.", "fight", "certain", "negative", False),
    ("Russian citizens do not need to possess a foreign passport.", "need", "certain", "negative", False),
    ("The spokesman said that 40 migrants were detained.", "detained", "certain", "positive", False),
    ("He was reportedly fighting in Ukraine before crossing into Poland.", "fighting", "certain", "positive", True),
    ("The commander allegedly ordered the shooting.", "ordered", "certain", "positive", True),
    ("The general is rumoured to have fled abroad.", "fled", "certain", "positive", True),
    ("Officials may not have known about the crossing.", "known", "possible", "negative", False),
    ("It is unclear whether the men survived.", "survived", "underspecified", "positive", False),
    ("The men who drowned may have been fleeing conscription.", "drowned", "certain", "positive", False),
    ("Many deserters would often seek refuge in Kazakhstan.", "seek", "certain", "positive", False),
    ("The officers did not say whether anyone was detained.", "detained", "underspecified", "positive", False),
    ("Officials fear that hundreds drowned in the storm.", "drowned", "possible", "positive", False),
    ("The army does not plan to mobilize students.", "mobilize", "underspecified", "negative", False),
    ("Residents could not cross the bridge.", "cross", "certain", "negative", False),
    ("It is unlikely that the migrants survived.", "survived", "probable", "negative", False),
    ("The men are thought to have drowned.", "drowned", "probable", "positive", False),
    ("Neither the police nor the army confirmed the arrests.", "confirmed", "certain", "negative", False),
    ("Officials said the bodies were probably those of migrants.", "were", "probable", "positive", False),
    ("The refugees were allegedly beaten by guards.", "beaten", "certain", "positive", True),
    ("Ukraine is expected to extend martial law.", "extend", "probable", "positive", False),
    ("The commander has never denied that his troops deserted.", "deserted", "certain", "positive", False),
    # a question mark asks only the clause its wh-word opens; the clauses before it are asserted
    ("Rescuers recovered 14 bodies on Monday, but who will pay for the search?", "recovered", "certain", "positive", False),
    ("Rescuers recovered 14 bodies on Monday, but who will pay for the search?", "pay", "underspecified", "positive", False),
    ("Where did the 40 deserters go after the border closed?", "go", "underspecified", "positive", False),
    ("So the army called up 5,000 students?", "called", "underspecified", "positive", False),
    # a relative clause after a comma opens no question: the question is the sentence's
    ("Were the 20 people, who died in the blast, all migrants?", "Were", "underspecified", "positive", False),
    ("Deaths rose to about 10 thousand, and there are not 250 thousand, who is telling you this?", "rose", "certain", "positive", False),
    # "could only" restricts a fact, it opens no possibility
    ("Divers could only recover three bodies from the wreck.", "recover", "certain", "positive", False),
    # "suspected of" a noun: what is held is possible, as with "suspected that"
    ("The driver is suspected of people smuggling.", "smuggling", "possible", "positive", False),
    ("The two men are suspected of smuggling migrants across the border.", "smuggling", "possible", "positive", False),
    ("Two officers are suspected of membership of a trafficking ring.", "trafficking", "possible", "positive", False),
    # "in <someone's> opinion / view": the speaker's judgement
    ("In his opinion, the guards used excessive force.", "used", "probable", "positive", False),
    ("In the view of the ministry, the camp is overcrowded.", "is", "probable", "positive", False),
    # "in view of" (no one's view) gives a reason, no opinion
    ("In view of the danger, the authorities evacuated 300 people.", "evacuated", "certain", "positive", False),
    ("The men crossed the river in the belief that the border was open.", "crossed", "certain", "positive", False),
]


@pytest.fixture(scope="module")
def pipe(nlp):
    return Pipeline(nlp, stages=[certainty.STAGE])


@pytest.mark.parametrize("sentence,word,cert,pol,hearsay", CASES, ids=[c[0][:40] for c in CASES])
def test_modality(pipe, sentence, word, cert, pol, hearsay):
    analysis = pipe.analyse(sentence)
    tok = next(t for t in analysis.doc if t.text == word)
    m = certainty.modality_for(analysis, analysis.sent_index(tok.idx), tok.i)
    assert m is not None
    assert (m.certainty, m.polarity, m.hearsay) == (cert, pol, hearsay), m.cues


def test_every_predicate_gets_a_modality(pipe):
    analysis = pipe.analyse("Police said 12 men were detained. They may have crossed the river. Nobody drowned.")
    mods = analysis.modalities
    verbs = [t.i for t in analysis.doc if certainty.is_predicate(t)]
    assert sorted(m.head_i for m in mods) == verbs
    assert all(m.certainty in certainty.CERTAINTY_RANK for m in mods)


def test_nouns_walk_up_to_their_predicate(pipe):
    analysis = pipe.analyse("The bodies of 30 migrants may have been discovered near the river.")
    bodies = next(t for t in analysis.doc if t.text == "bodies")
    m = certainty.modality_for(analysis, 0, bodies.i)
    assert analysis.doc[m.head_i].text == "discovered" and m.certainty == "possible"


def test_verbless_fragment_has_no_modality(pipe):
    analysis = pipe.analyse("Photo: the border crossing at Medyka")
    tok = next(t for t in analysis.doc if t.text == "Medyka")
    assert certainty.governing_predicate(analysis, 0, tok.i) is None
    assert certainty.modality_for(analysis, 0, tok.i) is None


ARGUMENT_CASES = [
    ("Another five people are missing and feared dead.", "dead", "possible"),
    ("The agency called for an investigation into the deaths.", "investigation", "underspecified"),
    ("The army plans a new offensive in the spring.", "offensive", "underspecified"),
    ("Twelve people are believed to have drowned.", "people", "probable"),
    ("Police opened an investigation into the deaths.", "investigation", "certain"),
    ("He sought asylum in Germany.", "asylum", "certain"),
]


@pytest.mark.parametrize("sentence,word,cert", ARGUMENT_CASES, ids=[c[0][:40] for c in ARGUMENT_CASES])
def test_predicate_colours_its_arguments(pipe, sentence, word, cert):
    analysis = pipe.analyse(sentence)
    tok = next(t for t in analysis.doc if t.text == word)
    assert certainty.modality_for(analysis, 0, tok.i).certainty == cert


NEGATED_FIGURE_CASES = [
    ("It said the number of bodies recovered was 78 and not 79.", "79", "negative"),
    ("It said the number of bodies recovered was 78 and not 79.", "78", "positive"),
    ("The guard clarified that 78 bodies have been recovered, and not 79 as reported yesterday.", "79", "negative"),
    ("The guard clarified that 78 bodies have been recovered, and not 79 as reported yesterday.", "78", "positive"),
    ("Police said 12 people were not injured.", "12", "negative"),
    ("He falsely claimed that 30 migrants drowned.", "migrants", "negative"),
    ("A previous version incorrectly said that 10,000 soldiers had surrendered, while in fact it was "
     "reported that 10,000 Russians had contacted it.", "soldiers", "negative"),
    ("A previous version incorrectly said that 10,000 soldiers had surrendered, while in fact it was "
     "reported that 10,000 Russians had contacted it.", "Russians", "positive"),
]


@pytest.mark.parametrize("sentence,word,pol", NEGATED_FIGURE_CASES, ids=[f"{c[1]}:{c[0][:30]}" for c in NEGATED_FIGURE_CASES])
def test_a_figure_the_sentence_negates_is_denied(pipe, sentence, word, pol):
    """"78 and not 79": the negation is on the figure, not on its predicate."""
    analysis = pipe.analyse(sentence)
    tok = next(t for t in analysis.doc if t.text == word)
    assert certainty.modality_for(analysis, 0, tok.i).polarity == pol


# "not A but B": the negation denies the argument A, the predicate holds of B
CONTRAST_CASES = [
    ("The driver of the van was not carrying vegetables at all, but nine migrants to the border.", "carrying", "positive"),
    ("The driver of the van was not carrying vegetables at all, but nine migrants to the border.", "driver", "positive"),
    ("The driver of the van was not carrying vegetables at all, but nine migrants to the border.", "migrants", "positive"),
    ("The driver of the van was not carrying vegetables at all, but nine migrants to the border.", "vegetables", "negative"),
    ("Police did not detain 10 migrants but 12.", "10", "negative"),
    ("Police did not detain 10 migrants but 12.", "12", "positive"),
    ("Police did not detain 10 migrants but 12.", "detain", "positive"),
    ("The bodies were not found in the river but in the forest.", "found", "positive"),
    ("The bodies were not found in the river but in the forest.", "river", "negative"),
    ("The truck was carrying not grain but 41 men.", "men", "positive"),
    ("The truck was carrying not grain but 41 men.", "grain", "negative"),
    # a "but" clause of its own leaves the negation where it is
    ("The guards were not pushing the migrants back, but escorting them to the checkpoint.", "pushing", "negative"),
    ("The guards were not pushing the migrants back, but escorting them to the checkpoint.", "escorting", "positive"),
    ("Police did not detain the 12 migrants, but the smugglers fled.", "migrants", "negative"),
    ("Police did not detain the 12 migrants, but the smugglers fled.", "detain", "negative"),
]


@pytest.mark.parametrize("sentence,word,pol", CONTRAST_CASES, ids=[f"{c[1]}:{c[0][:30]}" for c in CONTRAST_CASES])
def test_not_a_but_b_denies_only_a(pipe, sentence, word, pol):
    analysis = pipe.analyse(sentence)
    tok = next(t for t in analysis.doc if t.text == word)
    assert certainty.modality_for(analysis, 0, tok.i).polarity == pol


def test_a_hedge_on_the_copulas_complement_hedges_the_figure():
    from claimwatch.extract import extract as run
    a = run('A second official said the real number was "probably higher than 60", citing reports. '
            "The toll was certainly higher than 40, the mayor said.", published="2026-03-04", validate=False)
    by_best = {c.quantity.low: c.certainty for c in a.claims if c.kind == "count"}    # "higher than 60": low 60
    assert by_best[60] == "probable"
    assert by_best[40] == "certain"
