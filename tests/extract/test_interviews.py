"""Question-and-answer interviews (SPEC §2 source, Context): the answers' unattributed figures are
the interviewee's, named in the intro; the questions are the outlet's; an explainer, a FAQ, a
fact-check, a rhetorical or a quoted question is no interview."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2026-03-10")


_count = count_claim


MARKED = ("Aid chief warns of hunger in Darfur\n\n"
          "Omar Haddad, the World Food Programme's country director for Sudan, spoke to us in an interview "
          "on Monday about the famine in Darfur.\n\n"
          "Q: How many people need food aid?\n\n"
          "A: About 2.1 million people in North Darfur need food every month. We reach fewer than half of them.\n\n"
          "Q: What stops the convoys?\n\n"
          "A: The roads. Bandits killed 14 of our drivers near Tawila last month.")

QUOTED = ("BERLIN, March 9 - Anna Weiss, who heads the rescue group Sea-Watch, was interviewed by phone "
          "from Palermo.\n\n"
          "How many people did your ship rescue this year?\n\n"
          "\"We took 1,240 people on board, most of them from rubber boats.\"\n\n"
          "Is the crossing more dangerous now?\n\n"
          "\"Much more. We saw 37 bodies in the water in January alone.\"")

OUTLET = ("Colonel Ruth Okello, the spokeswoman of the Ugandan army, answered our questions in Kampala.\n\n"
          "**Monitor:** How many soldiers were killed in the ambush?\n\n"
          "Nine soldiers died and 22 were wounded. The attackers lost more.\n\n"
          "**Monitor:** Where are the wounded now?\n\n"
          "They are in Mbarara. Six of them are in a serious condition.")

INITIALS = ("Q&A: Sudan's displaced\n\n"
            "Maryam Osman, a doctor with Médecins Sans Frontières in Tawila, answered our questions by phone.\n\n"
            "Interviewer: How many patients do you see?\n\n"
            "MO: We treat 300 children a day for malnutrition.\n\n"
            "Interviewer: Do you have enough staff?\n\n"
            "MO: No. We have 9 doctors.")


@pytest.mark.parametrize("text, figures, speaker", [
    (MARKED, ("About 2.1 million", "14"), "Omar Haddad"),
    (QUOTED, ("1,240", "37"), "Anna Weiss"),
    (OUTLET, ("Nine", "22", "Six"), "Ruth Okello"),
    (INITIALS, ("300", "9"), "Maryam Osman"),
])
def test_an_interviews_answers_are_the_interviewees(extract, text, figures, speaker):
    analysis = extract(text)
    for figure in figures:
        src = _count(analysis, figure).source
        assert (src.name, src.scope, src.quote) == (speaker, "article", "direct"), figure
        assert text[src.span[0]:src.span[1]] == speaker
        assert src.span[1] < text.index("?")            # the words of the intro that named them


def test_an_interviewees_type_and_organisation_are_those_of_the_person(extract):
    src = _count(extract(OUTLET), "Nine").source
    assert src.type in ("military", "official")


def test_a_question_is_the_outlets_not_the_interviewees(extract):
    text = ("In an interview, Maria Lopez, the mayor of Tijuana, spoke about the shelters.\n\n"
            "Q: You said 3,000 migrants sleep on the streets. Is that still true?\n\n"
            "A: It is worse. Our shelters hold 1,800 people and they are full.\n\n"
            "Q: What do you need?\n\n"
            "A: Money. We received 40 percent of what was promised.")
    analysis = extract(text)
    assert _count(analysis, "3,000").source.name != "Maria Lopez"
    assert _count(analysis, "1,800").source.name == "Maria Lopez"


EXPLAINER = ("Gunmen attack a market in Maiduguri: what we know\n\n"
             "Governor Babagana Zulum visited the scene on Sunday.\n\n"
             "What happened?\n\n"
             "Gunmen opened fire in the market on Saturday. At least 19 people were killed.\n\n"
             "Who was behind it?\n\n"
             "No group has claimed the attack. Police said 7 suspects were arrested.")

FACT_CHECK = ("A post shared by the former minister Ali Rahimi claims that 5,000 migrants drowned in the Aegean "
              "last year.\n\n"
              "Is it true that 5,000 drowned?\n\n"
              "No. The UN refugee agency counted 312 dead and missing in the Aegean in 2025.\n\n"
              "Where does the figure come from?\n\n"
              "It appears to add up 4 years of data.")

RHETORICAL = ("Mohammed Ali, a fisherman, watched the boat sink off Zuwara on Friday. How could nobody help them?\n\n"
              "At least 61 people drowned. Only 9 survived.\n\n"
              "\"Where are our children?\"\n\n"
              "Relatives gathered at the port, where 12 bodies were laid out.")

QUOTED_QUESTIONS = ("Senator Ann Carter said in an interview on Sunday that her campaign was in trouble.\n\n"
                    "She then asked reporters, “Who pays for this?”\n\n"
                    "Police arrested 3 protesters outside the hall.\n\n"
                    "Carter later wrote on social media: “Is anyone counting?”\n\n"
                    "Organisers said 12 buses were turned away.")


@pytest.mark.parametrize("text, figures", [
    (EXPLAINER, ("At least 19",)),
    (FACT_CHECK, ("312",)),
    (RHETORICAL, ("At least 61", "9", "12")),
    (QUOTED_QUESTIONS, ("3",)),
])
def test_an_explainer_a_fact_check_or_a_questioning_report_is_no_interview(extract, text, figures):
    analysis = extract(text)
    assert not [m for m in analysis.attributions if m.kind == "interviewee"]
    for figure in figures:
        src = _count(analysis, figure).source
        assert src is None or src.type == "author" or src.name not in ("Babagana Zulum", "Ali Rahimi", "Mohammed Ali", "Ann Carter"), figure


# An exchange marked "Q:" / "A:" is an interview by its layout, even when the intro only says who
# "spoke to" or "sat down with" the reporter, and a "Q:" may be a statement rather than a question;
# the report's own paragraph after the last answer is the author's again.
SAT_DOWN = ("Head coach Marta Silva sat down with our reporter after the final whistle.\n\n"
            "Q: Your side conceded four goals. What went wrong?\n\n"
            "A: We lost our shape. Three of my defenders were carrying knocks.\n\n"
            "Q: The fans booed at half-time.\n\n"
            "A: They pay for tickets. 12,000 of them travelled here and they deserve better.\n\n"
            "The club said on Sunday that 40 season-ticket holders had asked for refunds.")

SPOKE_TO = ("Finance Minister Daniel Osei spoke to our business desk on Friday.\n\n"
            "Q: How many firms have applied for the relief scheme?\n\n"
            "A: So far 2,300 small firms have applied.\n\n"
            "Q: Critics say the scheme is too slow.\n\n"
            "A: We have paid 1,100 of them already.\n\n"
            "Separately, 75 firms went bankrupt last month, the chamber of commerce reported.")


@pytest.mark.parametrize("text, figures, speaker, closing", [
    (SAT_DOWN, ("Three", "12,000"), "Marta Silva", "40"),
    (SPOKE_TO, ("2,300", "1,100"), "Daniel Osei", "75"),
])
def test_a_marked_exchange_is_an_interview_without_the_word(extract, text, figures, speaker, closing):
    analysis = extract(text)
    for figure in figures:
        assert _count(analysis, figure).source.name == speaker, figure
    assert _count(analysis, closing).source.name != speaker
