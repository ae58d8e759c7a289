"""Which attribution cues are acts of stating, whose time dates a statement rather than what it
reports: a verb of speech, a stance with reported content, a verb a participle of speech hangs on."""

from __future__ import annotations

from spacy.tokens import Token

from .base import Analysis, AttributionMention, cue_lexicon
from .cue_candidates import RECORDS_ONLY

_SPEECH = frozenset(cue_lexicon()["speech_verbs"])
#: attributions whose cue may be an act rather than speech ("armed men attacked the camp")
_NOT_SPEECH = RECORDS_ONLY | {"stance"}


def states_at(analysis: Analysis, m: AttributionMention, head_i: int) -> bool:
    """Whether the verb ``head_i`` is attribution ``m``'s act of stating: its cue, when that states
    something, or the verb its participle of speech hangs on."""
    if m.cue_i is None:
        return False
    if m.cue_i == head_i:
        return _an_act_of_stating(analysis, m, m.cue_i)
    return m.kind not in _NOT_SPEECH and _said_while(analysis.doc[m.cue_i], head_i)


def _an_act_of_stating(analysis: Analysis, m: AttributionMention, cue_i: int) -> bool:
    """Whether attribution ``m``'s cue states something: a verb of speech, or a stance with reported
    content, a clause ("presented figures showing 40 had died"); not a stance that is only an act
    ("armed men attacked the camp", "rebels attacked a convoy")."""
    if m.kind not in _NOT_SPEECH or analysis.doc[cue_i].lemma_.lower() in _SPEECH:
        return True
    content = analysis.doc.char_span(*m.content_span, alignment_mode="expand") if m.content_span else None
    return content is not None and any(tok.pos_ == "VERB" for tok in content)


def _said_while(cue: Token, head_i: int) -> bool:
    """Whether a participle of speech hangs on the verb ``head_i`` ("defended its record on Tuesday,
    saying 2 workers were hurt"): that verb's time is the statement's."""
    return cue.head.i == head_i and cue.i > head_i and cue.dep_ in ("advcl", "xcomp") and cue.tag_ == "VBG"


#: nouns of a figure a verb gives out ("gave a lower figure on Wednesday", "revised the toll on Friday")
_FIGURE_NOUNS = frozenset({"figure", "toll", "tally", "estimate", "statistic"})


def gives_a_figure(verb: Token) -> bool:
    """A verb whose object is a figure states it ("The army gave a lower figure on Wednesday: 14
    killed", "officials revised the toll on Friday"): its day is the statement's."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS for c in verb.children)
