"""Stage 1: counted quantities (SPEC §3) with what they count.

The number grammar (:mod:`claimwatch.extract.numbers`) finds every number phrase of the text with
its bounds; this stage uses the spaCy parse to keep the ones that count something and to attach
what is counted:

* ``unit`` — the counted noun as written ("soldiers", "Ukrainians", "hryvnias"); a noun that counts
  the people of its "of" phrase takes the count ("the bodies of around 30 Ukrainians" -> "bodies");
  a head too generic to stand alone keeps its classifying modifier ("criminal organizations"); money
  written with a symbol counts the currency ("$15,000" -> "dollars", no ``unit_span``); a number
  without a noun that refers back to an earlier count of the same sentence inherits its unit
  ("Of the more than 18,000 personnel ..., almost 12,000 are ..." -> "personnel").
* ``counted`` — the noun with its modifiers and first post-modifier, as a short description.

Excluded, because they name rather than count: ages ("41-year-old", "aged 41", "Papermaster, 49,"),
unit ordinals ("58th Combined Arms Army"; an ordinal is kept only before a running-total noun such
as "the 25th death"), years and dates, times, numbers after a naming noun ("Article 336", "page 4",
"Flight 17"), numbers inside names ("Boeing 747"), phone numbers, sports scores ("3-1"), durations,
distances and other measurements ("three days", "20 km"), multipliers ("four times"), rates
("15 a year"); the tests of what names rather than counts are :mod:`.quantity_naming`.
Percentages are excluded too: a percentage is a proportion of something, not a count of people or
things, and carries no unit to reconcile across reports.

Vague quantifiers with no number ("many deserters", "some Ukrainians", "numerous migrants") are
kept only before a noun of the domain (people, groups, incidents, bodies, boats ...: the
``person/group/incident/object`` classes of ``resources/quantity_nouns.tsv``) or a NORP entity; so
"some time", "many ways" and "many countries" are not counts (a vague number of countries is
context, not a figure a coder records).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .base import Analysis, QuantityMention, Stage, children_of
from .events import lexicon as event_lexicon
from .intervals import apply_intervals
from .number_context import gapped_one
from .numbers import CURRENCY_UNITS, NumberPhrase, find_number_phrases
from .quantity_labels import heads_a_tally, tally_label_span
from .quantity_naming import after_name, date_entity, names_something
from .quantity_nouns import in_class, noun_classes
from .units import money_nouns

__all__ = ["find_quantities", "STAGE", "noun_classes"]


_C = noun_classes()
_DOMAIN = _C["person"] | _C["group"] | _C["incident"] | _C["object"]
_NONCOUNT = _C["time"] | _C["measure"] | _C["times"] | _C["media"] | _C["legal_count"]
_ABSTRACT = _C["abstract"]
_CONTAINER = _C["container"]
_GENERIC = _C["generic"]
_RUNNING = _C["running"]
_CURRENCY_WORDS = frozenset(
    "dollar dollars euro euros pound pounds hryvnia hryvnias hryvnia rouble roubles ruble rubles yuan yen "
    "rupee rupees zloty zlotys franc francs lira liras lire dinar dinars dirham dirhams riyal riyals "
    "shekel shekels lei leu forint forints koruna crowns krona kronor krone kroner lari manat som tenge "
    "usd eur gbp uah rub".split()
) | money_nouns()
_MAGNITUDE_WORDS = frozenset("dozen dozens score scores hundred hundreds thousand thousands million millions "
                             "billion billions few couple handful number lot lots several many some numerous "
                             "multiple countless".split())
_TEMPORAL_DET = frozenset("last next this past previous coming every each per a an that".split())
_NOUN_POS = frozenset(("NOUN", "PROPN"))
_MOD_DEPS = frozenset(("nummod", "amod", "det", "quantmod", "compound", "nmod", "npadvmod", "appos", "predet"))


def _token_at(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _anchor(tokens: list[Token]) -> Token | None:
    """The token carrying the number: the last numeral / magnitude word of the phrase core."""
    for tok in reversed(tokens):
        if tok.like_num or tok.lower_ in _MAGNITUDE_WORDS or tok.pos_ == "NUM":
            return tok
    return tokens[-1] if tokens else None


def _of_noun(tok: Token, inside: set[int]) -> tuple[Token | None, bool]:
    """Follow "N of (the) X" chains; returns (noun, saw_pronoun)."""
    t = tok
    for _ in range(4):
        of = next((c for c in children_of(t) if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return None, False
        pobj = next((c for c in children_of(of) if c.dep_ == "pobj"), None)
        if pobj is None:
            return None, False
        if pobj.i in inside or pobj.lower_ in _MAGNITUDE_WORDS:
            t = pobj
            continue
        if pobj.pos_ == "PRON":
            return None, True
        if pobj.pos_ in _NOUN_POS:
            return pobj, False
        return None, False
    return None, False


def _scan_right(doc: Doc, i: int) -> Token | None:
    """Fallback when the parse gives no head: the last noun of the modifier run after the number."""
    noun = None
    if i < len(doc) and doc[i].lower_ in _TEMPORAL_DET:
        return None  # "15,000 last week": a time phrase, not the counted noun
    for j in range(i, min(i + 5, len(doc))):
        t = doc[j]
        if t.pos_ in _NOUN_POS and not t.is_punct:
            noun = t
            if t.tag_ in ("NNS", "NNPS") or (j + 1 < len(doc) and doc[j + 1].pos_ not in _NOUN_POS):
                break
        elif t.pos_ == "ADJ" or t.tag_ in ("VBN", "VBG", "HYPH") or t.text == "-":
            continue
        else:
            break
    return noun


def _copula_noun(tok: Token) -> Token | None:
    """"at least six of the dead were children", "two were women": a pronominal count that is the
    subject of "be" counts the plural noun it is said to be."""
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return None
    return next((c for c in children_of(tok.head) if c.dep_ == "attr" and c.pos_ == "NOUN" and c.tag_ == "NNS"
                 and not any(g.dep_ in ("det", "poss", "prep") for g in children_of(c))), None)  # not "members of X"


def _counted_noun(doc: Doc, tok: Token, inside: set[int], last_i: int) -> tuple[Token | None, bool]:
    attr = _copula_noun(tok)
    if attr is not None:
        return attr, False
    noun, pron = _of_noun(tok, inside)
    if noun is not None or pron:
        return noun, pron
    h = tok
    seen = 0
    while h.head.i != h.i and h.head.i in inside and seen < 8:
        h = h.head
        seen += 1
    if h.dep_ == "conj" and h.head.pos_ == "NUM":  # "102 and 21 people"
        h = h.head
        if h.dep_ == "conj" and h.head.pos_ == "NUM":
            h = h.head
    if h is not tok:
        noun, pron = _of_noun(h, inside)
        if noun is not None or pron:
            return noun, pron
    if h.dep_ in _MOD_DEPS and h.head.pos_ in _NOUN_POS and h.head.i not in inside and h.head.i > h.i:
        return h.head, False
    if h.dep_ == "conj" and h.head.pos_ in _NOUN_POS:
        return None, False
    if last_i + 1 < len(doc):
        return _scan_right(doc, last_i + 1), False
    return None, False


def _unit_of(doc: Doc, noun: Token) -> tuple[Token, int, int]:
    """(unit head token, unit start char, unit end char)."""
    if (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in _NOUN_POS
            and in_class(noun.head.head, _CONTAINER) and noun.head.head.i < noun.i):
        noun = noun.head.head
    start = noun.idx
    if in_class(noun, _GENERIC) and noun.i > 0:
        prev = doc[noun.i - 1]
        if (prev.dep_ in ("amod", "compound") and prev.head.i == noun.i and prev.ent_type_ not in ("NORP", "GPE")
                and not prev.like_num and prev.pos_ in ("ADJ", "NOUN", "PROPN")):
            start = prev.idx
    return noun, start, noun.idx + len(noun.text)


def _counted_text(doc: Doc, noun: Token, inside: set[int]) -> str:
    start = noun.i
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and c.i not in inside:
            start = min(start, c.left_edge.i if c.left_edge.i not in inside else c.i)
    while start in inside and start < noun.i:
        start += 1
    end = noun.i
    for c in noun.rights:
        if c.dep_ in ("prep", "relcl", "acl"):
            end = min(c.right_edge.i, noun.i + 12)
            break
    toks = []
    for t in doc[start:end + 1]:
        if t.is_punct and t.i > noun.i and t.text not in ("-", "'"):
            break
        toks.append(t)
    return "".join(t.text_with_ws for t in toks).strip() or noun.text


def _mention(analysis: Analysis, ph: NumberPhrase, unit: str | None, unit_span, counted, head_i: int,
             low=None, best=None, high=None, override=False) -> QuantityMention:
    s, e = ph.span
    return QuantityMention(
        span=(s, e), text=analysis.text[s:e],
        low=low if override else ph.low, best=best if override else ph.best, high=high if override else ph.high,
        qualifier=ph.qualifier, unit=unit, counted=counted, unit_span=unit_span, head_i=head_i,
        sent_i=analysis.sent_index(s),
    )


_TERM_UNITS = frozenset({"year", "month", "week", "day"})
_TERM_VERBS = frozenset({"face", "serve", "risk", "receive", "get", "give", "hand", "spend", "carry"})


def _term_noun(doc: Doc, tok: Token) -> Token | None:
    """The year/month/week/day noun right after a number ("six years", "three-year")."""
    for j in range(tok.i + 1, min(tok.i + 3, len(doc))):
        t = doc[j]
        if t.text in ("-", "‐"):
            continue
        return t if t.lemma_.lower() in _TERM_UNITS else None
    return None


def _penalty_term(noun: Token) -> bool:
    """The duration is a prison term or penalty (see ``penalty`` in quantity_nouns.tsv)."""
    penalty, verbs = _C["penalty"], _C["penalty_verb"]
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(in_class(g, penalty) for g in children_of(c)) for c in children_of(noun)):
        return True  # "six years in prison"
    h = noun.head
    if noun.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss") and (in_class(h, penalty) or any(
            in_class(t, penalty) for t in h.subtree if t.i > noun.i and t.i - noun.i <= 3)):
        return True  # "a three-year prison sentence", "20 years' imprisonment"
    if noun.dep_ == "pobj" and h.lower_ in ("to", "for", "of") and (in_class(h.head, penalty) or h.head.lemma_.lower() in verbs):
        return True  # "sentenced to six years", "jailed for 18 months", "a term of eight months"
    return _term_sought_or_received(noun)


def _term_sought_or_received(noun: Token) -> bool:
    """"the defendants received 12 years and 14 years", "prosecutors had sought 24 years": the
    object of a verb of asking for or getting a term whose subject is a party to a trial."""
    obj = noun.head if noun.dep_ == "conj" else noun
    if obj.dep_ != "dobj" or any(c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "of")
                                 for c in children_of(noun)):
        return False    # "received 12 years of training", "got two years to comply"
    verb = obj.head
    if any(c.dep_ in ("xcomp", "advcl") and c.i > noun.i for c in children_of(verb)):
        return False    # "imposed two years to pay the fine"
    return verb.lemma_.lower() in _C["penalty_award_verb"] and any(
        c.dep_ in ("nsubj", "nsubjpass") and in_class(c, _C["trial_party"]) for c in children_of(verb))


def _penalty_mention(analysis: Analysis, ph: NumberPhrase, tok: Token) -> QuantityMention | None:
    noun = _term_noun(analysis.doc, tok)
    if noun is None or ph.kind not in ("number", "magnitude") or not _penalty_term(noun):
        return None
    unit = noun.lemma_.lower() + "s"
    return _mention(analysis, ph, unit, (noun.idx, noun.idx + len(noun)), analysis.text[ph.span[0]:noun.idx + len(noun)],
                    noun.i)



def _one_counts(tok: Token, noun: Token | None, pron: bool) -> bool:
    """"one of them was killed", "four were shot, one of them fatally" count; "she is one of the
    organisers", "no one", "one important difference" do not."""
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(tok))
    if noun is None and tok.dep_ == "pobj" and tok.head.lower_ == "including":
        return True   # "17 remained in hospital, including one in intensive care": one of the set named before
    if noun is None and gapped_one(tok):
        return True   # "three were injured at the plant and one at the depot"
    if partitive and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod") and (
            pron or (noun is not None and in_class(noun, _C["person"]))):
        return True
    return not (noun is None or pron or partitive or not (in_class(noun, _DOMAIN) or noun.ent_type_ == "NORP"))


def _kind_allows(text: str, ph: NumberPhrase, tok: Token, noun: Token | None, pron: bool) -> bool:
    """What each kind of phrase needs of its noun (module doc)."""
    if ph.kind == "vague":
        return noun is not None and (in_class(noun, _DOMAIN) or noun.ent_type_ == "NORP")
    if ph.kind == "magnitude":
        return not ((noun is not None and in_class(noun, _ABSTRACT)) or (noun is None and tok.ent_type_ in ("DATE", "TIME")))
    if date_entity(tok) and not (noun is not None and (in_class(noun, _DOMAIN) or in_class(noun, _CURRENCY_WORDS))):
        return False
    if ph.value == 1 and text[ph.core[0]:ph.core[1]].lower() == "one":
        return _one_counts(tok, noun, pron)
    return True


def _multiplier(doc: Doc, last_i: int) -> bool:
    """"five times the toll", "three times higher", "a tenfold rise": a figure followed by a word of
    multiplication scales another figure (or tells how often), whatever the parser made of it."""
    nxt = doc[last_i + 1] if last_i + 1 < len(doc) else None
    return nxt is not None and nxt.text.islower() and in_class(nxt, _C["times"])


def _noun_for(analysis: Analysis, ph: NumberPhrase, tok: Token, inside: set[int]) -> tuple[Token | None, bool]:
    """(counted noun, keep): the noun the phrase counts, and whether the phrase is a count."""
    if _multiplier(analysis.doc, max(inside)) and not ph.currency:
        return None, False
    if heads_a_tally(analysis.text, ph, analysis.doc):
        return _tally_noun(analysis, ph), True
    noun, pron = _counted_noun(analysis.doc, tok, inside, max(inside))
    if noun is not None and (noun.like_num or not any(ch.isalnum() for ch in noun.text)):
        noun = None  # a figure or a symbol ("Arsenal | 20 | 15": a table's cell separator) is no counted noun
    if noun is not None and (in_class(noun, _NONCOUNT) or noun.lower_ == "%"):
        if not ph.currency:
            return None, False
        noun = None
    if not _kind_allows(analysis.text, ph, tok, noun, pron):
        return None, False
    if ph.kind == "number" and not ph.currency and ph.value is not None and not float(ph.value).is_integer():
        return None, False  # "1847.27", "0.68 in": a level or a measurement; counts are whole numbers
    return (None if pron else noun), True


def _tally_noun(analysis: Analysis, ph: NumberPhrase) -> Token | None:
    """"Injuries 3 - Deaths 2 - Arrests 5": the noun of the item's own label (none for "Dead 4", "Rescued 12"),
    not the next item's label the parse may hang the figure on."""
    span = tally_label_span(analysis.text, ph)
    words = [t for t in analysis.doc if span is not None and span[0] <= t.idx < span[1]]
    last = words[-1] if words else None
    return last if last is not None and last.pos_ in _NOUN_POS and last.tag_ in ("NNS", "NNPS", "NN") else None


def _unit_for(analysis: Analysis, ph: NumberPhrase, tok: Token, noun: Token | None, inside: set[int],
              found: list[QuantityMention]) -> tuple[str | None, tuple[int, int] | None, str | None, int] | None:
    """(unit, unit span, counted, head token) of a count, or None when it is a bare number after a name."""
    text, doc = analysis.text, analysis.doc
    currency = CURRENCY_UNITS.get((ph.currency or "").replace(" ", ""))
    if ph.currency and currency is None:
        currency = CURRENCY_UNITS.get(ph.currency.rstrip("$ ").strip()) or "dollars"
    if noun is not None:
        unit_tok, us, ue = _unit_of(doc, noun)
        counted = _counted_text(doc, unit_tok, inside)
        if currency and not in_class(unit_tok, _CURRENCY_WORDS):
            return currency, None, counted, tok.i
        return text[us:ue], (us, ue), counted, unit_tok.i
    if currency:
        return currency, None, None, tok.i
    if after_name(doc, tok, ph, text) and not heads_a_tally(text, ph, doc):
        return None  # "iOS 5", "Boeing's 747", "Fancher, 787 project": a bare number after a name
    prev = _previous_in_sentence(found, analysis.sent_index(ph.span[0]))
    if prev is not None and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"):
        return prev.unit, prev.unit_span, prev.counted, tok.i
    return None, None, None, tok.i


def _phrase_count(analysis: Analysis, ph: NumberPhrase, found: list[QuantityMention]) -> QuantityMention | None:
    doc = analysis.doc
    toks = _token_at(doc, *ph.core)
    tok = _anchor(toks) if toks else None
    if tok is None:
        return None
    inside = {t.i for t in _token_at(doc, *ph.span)} | {t.i for t in toks}
    term = _penalty_mention(analysis, ph, tok)
    if term is not None:
        return term  # prison terms and penalties are counts when they are the claim (SPEC §3)
    if ph.kind == "ordinal" and (told := _ordinal_of_its_subject(analysis, ph, tok)) is not None:
        return told
    if names_something(analysis, ph, tok) and not _compared_figure(analysis, ph, tok, found):
        return None
    if ph.kind == "magnitude" and tok.pos_ == "VERB":
        return None  # "he scores more goals": the verb, not "scores more (people)"
    if ph.kind == "ordinal":
        return _ordinal_count(analysis, ph, tok)
    noun, keep = _noun_for(analysis, ph, tok, inside)
    unit = _unit_for(analysis, ph, tok, noun, inside, found) if keep else None
    if unit is None:
        return None
    if _exceeded(ph, tok):
        m = _mention(analysis, ph, *unit, ph.best, ph.best, None, True)
        m.qualifier = "more_than"
        return m
    return _mention(analysis, ph, *unit)


def find_quantities(analysis: Analysis) -> list[QuantityMention]:
    """Counted quantities of the article, in text order."""
    out: list[QuantityMention] = []
    for ph in find_number_phrases(analysis.text):
        if ph.kind == "percent":
            continue
        m = _phrase_count(analysis, ph, out)
        if m is not None:
            out.append(m)
    _distribute_qualifiers(analysis, out)
    return apply_intervals(analysis.text, out)


_EXCEED = frozenset({"exceed", "surpass", "top", "pass", "overtake", "outnumber"})


def _exceeded(ph: NumberPhrase, tok: Token) -> bool:
    """"will exceed 300,000", "surpassed 100,000 people": the figure is a lower bound."""
    if ph.qualifier != "exact" or ph.kind != "number":
        return False
    t = tok if tok.dep_ != "nummod" else tok.head
    return t.dep_ == "dobj" and t.head.lemma_.lower() in _EXCEED


def _distribute_qualifiers(analysis: Analysis, found: list[QuantityMention]) -> None:
    """"roughly 33,000 Haitians, 25,000 Ecuadorians and 8,500 people": an approximation written
    once before a list of figures holds for every figure of the list."""
    text = analysis.text
    for prev, cur in zip(found, found[1:]):
        if prev.qualifier != "approximately" or cur.qualifier != "exact" or cur.sent_i != prev.sent_i:
            continue
        between = text[prev.span[1]:cur.span[0]]
        if not re.fullmatch(r"\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*(?:,|,?\s+and)\s*", between):
            continue
        if cur.best is None:
            continue
        cur.low, cur.high = int(round(0.9 * float(cur.best))), int(round(1.1 * float(cur.best)))
        cur.qualifier = "approximately"


def _previous_in_sentence(found: list[QuantityMention], sent_i: int) -> QuantityMention | None:
    for q in reversed(found):
        if q.sent_i != sent_i:
            return None
        if q.unit and q.unit_span:
            return q
    return None


_COMPARED_BEFORE = re.compile(r"\b(?:than|from|with|against|versus|vs\.?)\s+the\s*$", re.I)


def _compared_figure(analysis: Analysis, ph: NumberPhrase, tok: Token, found: list[QuantityMention]) -> bool:
    """"318 burglaries, fewer than the 377 recorded in 2025", "up from the 171 reported last year": a bare
    figure after "than/from/with the", told by a participle, is the comparison's count of the noun the
    sentence counted before it (not a model's number, "lighter than the 787")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (ph.kind == "number" and nxt is not None and nxt.tag_ == "VBN" and nxt.head.i == tok.i
            and _COMPARED_BEFORE.search(analysis.text, max(0, ph.span[0] - 16), ph.span[0]) is not None
            and _previous_in_sentence(found, analysis.sent_index(ph.span[0])) is not None)


def _counted_so_far(noun: Token) -> bool:
    """People an event participle says what befell ("the 14th aid worker *killed* this year"; not
    "the 40th player selected in the draft")."""
    events = event_lexicon()["word_index"]
    return in_class(noun, _C["person"]) and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in events for c in children_of(noun))


def _ordinal_count(analysis: Analysis, ph: NumberPhrase, tok: Token) -> QuantityMention | None:
    """"the 25th death", "its 24th case": an ordinal that states a running total."""
    doc = analysis.doc
    noun = tok.head if tok.dep_ == "amod" and tok.head.pos_ in _NOUN_POS else _scan_right(doc, tok.i + 1)
    while noun is not None and noun.dep_ == "compound" and noun.head.pos_ in _NOUN_POS and noun.head.i - tok.i <= 3:
        noun = noun.head    # "the 199th mass shooting"
    if noun is None or noun.i <= tok.i or noun.i - tok.i > 3 or not (in_class(noun, _RUNNING) or _counted_so_far(noun)):
        return None
    before = analysis.text[max(0, ph.span[0] - 12):ph.span[0]].lower()
    if not re.search(r"(?:\bthe|\bits|\btheir|\bhis|\bher|'s|’s|\bthis\s+year's)\s*$", before):
        return None
    unit, us, ue = _unit_of(doc, noun)
    return _mention(analysis, ph, analysis.text[us:ue], (us, ue), _counted_text(doc, noun, {tok.i}), unit.i)


def _ordinal_of_its_subject(analysis: Analysis, ph: NumberPhrase, tok: Token) -> QuantityMention | None:
    """"the fire was the 18th in the camps since January", "the attack was the 25th this year": an
    ordinal with no noun of its own, the predicate of an incident or a mishap, numbers it in a
    running total (a day the parse's date entity may read into it has no "on" here: "the meeting
    was on the 18th" is a date, and so is a predicate of a non-incident: "the deadline was the 18th")."""
    if tok.dep_ != "attr" or tok.head.lemma_ != "be" or tok.pos_ not in _NOUN_POS:
        return None     # ("the 18th victim": the ordinal's own noun, :func:`_ordinal_count`)
    if not analysis.text[max(0, ph.span[0] - 5):ph.span[0]].lower().endswith("the "):
        return None
    subject = next((c for c in children_of(tok.head) if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not (
            in_class(subject, _RUNNING) or in_class(subject, _C["incident"]) or in_class(subject, _C["mishap"])):
        return None
    unit, us, ue = _unit_of(analysis.doc, subject)
    return _mention(analysis, ph, analysis.text[us:ue], (us, ue), _counted_text(analysis.doc, subject, {tok.i}), unit.i)


STAGE = Stage("quantities", ("doc",), ("quantities",), find_quantities)
