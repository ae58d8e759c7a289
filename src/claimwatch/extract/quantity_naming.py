"""Numbers that name or measure rather than count (the exclusions of :mod:`.quantities`): ages
("41-year-old", "Papermaster, 49,"), years and dates, compound modifiers ("three-day"), scores
("3-1"), rates ("15 a year"), enumerations ("(1)"), addresses and block numbers, phone and gallery
numbers, rankings, identifiers, numbers after a naming noun ("Article 336") and model numbers
("Boeing 767").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .base import Analysis, children_of, doc_text, token_table
from .frames import frames
from .numbers import NumberPhrase
from .quantity_labels import after_a_stamp, heads_a_tally, labels_or_measures
from .quantity_nouns import in_class, noun_classes

__all__ = ["names_something", "date_entity", "after_name"]

_C = noun_classes()
_NAMING = _C["naming"]
_NAMING_CAP = _C["naming_cap"]
_NAME_ENTS = frozenset("ORG PRODUCT LAW FAC WORK_OF_ART EVENT PERSON GPE LOC".split())

_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?|months?)[\s-]*(?:old|of\s+age)\b|-year\b|\s*(?:yo|y\.o\.)\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged?|\bages|\bage\s+of|\bat\s+age)\s*$", re.I)
_HYPHEN_AFTER = re.compile(r"-(?!strong\b|odd\b|plus\b)[a-z]", re.I)
_SCORE_AFTER = re.compile(r"\s*[-–:]\s*\d")
_SCORE_BEFORE = re.compile(r"(?P<left>\d+)\s*[-–:]\s*$")
# (not "up from 161 a day earlier": a figure of a day before)
_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute|second|night)\b"
                         r"(?!\s+(?:earlier|before|ago|later|previously|prior)\b)", re.I)
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.I)
_DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b", re.I)
_YEAR_BEFORE = re.compile(
    rf"\b(?:in|since|by|of|until|till|from|to|year|years|early|late|mid|before|after|during|spring|summer|autumn|"
    rf"winter|fall|around|circa|between|and|fiscal|fy|through|{_MONTH}(?:\s+\d{{1,2}},?)?)\s*$", re.I)
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\s*#?\s*$")
_ENUM = re.compile(r"\(\s*$")
# numbers that name rather than count (issue 11): street addresses and "block" numbers, emergency
# and phone numbers after "call"/"dial", gallery counters ("Photo 1 of 14", "Image 1/8"), rankings
_BLOCK_AFTER = re.compile(r"\s+blocks?\s+(?:of|from|on|in)\b", re.I)
_STREET_AFTER = re.compile(
    r"(?:\s+[A-Z][\w.'-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Place|Pl|"
    r"Square|Sq|Court|Ct|Terrace|Crescent|Close|Highway|Hwy|Parkway|Pkwy|Row|Alley)\b\.?")
# "17 Rue de Tivoli", "4 Via Roma", "12 Calle Mayor": the street word before the street's name
_STREET_WORD_FIRST = re.compile(
    r"\s+(?:Rue|Via|Viale|Calle|Avenida|Rua|Strada|Ulitsa|Ulica|Boulevard|Bd|Avenue|Place|Piazza|Plaza|Quai|Chemin|Allee)"
    r"\s+(?:(?:de|del|de la|du|des|di|da|dos|das|della)\s+)?[A-Z]")
# measures: "three streets away", "8 on the Beaufort scale"
_DISTANCE_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\s+away\b(?!\s+from)")
_SCALE_AFTER = re.compile(r"\s+on\s+the\s+(?:[A-Z][\w-]*\s+)*(?:[\w-]+\s+)?scale\b")
_CALL_VERB = r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|ring|text(?:ed|ing)?|phone)\s+(?:on\s+|at\s+)?"
_CALL_BEFORE = re.compile(_CALL_VERB + r"$", re.I)
# the other numbers of a list after one ("call 911 or 112", "dial 999, 112 or 101", "the hotline 999, 911 or
# 112") are lines when no word
# follows them but a function word: one that heads a noun is a count ("dialled 999 and 2 injured men were ...")
_CALL_LIST_BEFORE = re.compile(
    r"(?:" + _CALL_VERB + r"|\b(?:hot|help)?lines?\s+|\bnumbers?\s+)(?:\d[\d -]*\d\s*(?:,\s*|\s+or\s+|\s+and\s+))+$", re.I)
_LINE_AFTER = re.compile(r"\s*(?:$|[^\w\s]|(?:for|to|in|on|at|if|or|and|from|now|immediately|instead|as|when|with|"
                         r"before|after|until|by|is|are|was|were|will|would|should|can|could)\b)", re.I)
# "report to the police on 18555 or 191", "contact the embassy at 2222 4444", "reach the desk on 1122": a bare
# figure a verb of contacting reaches someone on (with its object between) is a line, not a count
_CONTACT_BEFORE = re.compile(
    r"\b(?:contact(?:s|ed|ing)?|reach(?:es|ed|ing)?|call(?:s|ed|ing)?|ring|phone[ds]?|text(?:s|ed|ing)?|dial(?:l?ed|s)?|"
    r"message|alert|report(?:s|ed|ing)?(?:\s+[\w'’-]+){0,3}?\s+to)(?:\s+[\w'’.-]+){0,4}?\s+(?:on|at|via)\s+"
    r"(?:\d[\d -]*\d\s*(?:,\s*|\s+or\s+|\s+and\s+))*$", re.I)
# "text LMRT to 70085", "SMS the word FLOOD to 3030": the number a text message is sent to is a short code
_TEXT_TO_BEFORE = re.compile(r"\b(?:text(?:s|ed|ing)?|sms|txt)(?:\s+[\w'’.-]+){1,3}?\s+to\s+$", re.I)
# "Course set 210", "heading 045", "bearing of 270": three figures after a heading's noun are a compass bearing
_BEARING_BEFORE = re.compile(r"\b(?:course|heading|bearing)(?:\s+[a-z]+){0,2}\s+$", re.I)
# "a north-easterly force 8", "a magnitude 7 quake", "a category 4 hurricane": a small figure after the noun
# of a graded scale is a reading on it
_SCALE_WORD_BEFORE = re.compile(r"\b(?:force|magnitude|category|beaufort)\s+$", re.I)
_COUNTER_BEFORE = re.compile(r"\b(?:photo|image|picture|slide|page|item|part|episode|chapter|video|pic)s?\s+\d+\s*(?:of|/)\s*$", re.I)
_RANK_BEFORE = re.compile(r"\btop\s*$", re.I)
_AGE_LIST_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+|from\s+)?(?:between\s+)?(?:\d{1,3}\s*(?:,|and|to|-|–)\s*)*$", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:too|so|how)\s*$", re.I)
_AS_MANY_AS = re.compile(r"\bas\s*$", re.I)


def _a_distance(after: str) -> bool:
    """"three streets away", "two kilometres away": a measure of distance, not people sent or
    turned away ("turned 300 migrants away") nor people who went ("3 passed away", "two ran away")."""
    m = _DISTANCE_AFTER.match(after)
    if m is None or m.group("noun") in _C["person"] | _C["group"]:
        return False
    noun = m.group("noun")   # a plural or a unit, not a verb ("3 passed away", "two ran away")
    return noun in _C["measure"] or (noun.endswith("s") and not noun.endswith("ss"))


def _a_score(text: str, ph: NumberPhrase, before: str, after: str) -> bool:
    """"won 3-1", "a 2:0 lead": two figures written in digits across a dash or colon. A number
    word ("May 22 - Eleven hostages") or a figure after a date's day ("NIAMEY, May 22 - 11
    hostages": a dateline's dash) is no score, nor the figure after a line's time stamp ("0640 - 38 persons")."""
    if not text[ph.core[0]:ph.core[1]][:1].isdigit():
        return False
    if _SCORE_AFTER.match(after):
        return True
    m = _SCORE_BEFORE.search(before)
    return m is not None and not _DATE_BEFORE.search(before, 0, m.start("left")) and not after_a_stamp(text, ph.span[0])


# "6,200 shillings a liter", "$90 per barrel": a price for a unit of goods
_PRICE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:a|an|per)\s+(?:litre|liter|gallon|barrel|kilo|kilogram|kg|pound|lb|tonne|ton|"
                          r"bag|sack|loaf|bottle|unit|share)\b", re.I)


def _format_excluded(text: str, ph: NumberPhrase, before: str, after: str) -> bool:
    """Ages, compound modifiers, scores, rates, enumerations and dates."""
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or _AGE_LIST_BEFORE.search(before):
        return True
    if ph.kind != "ordinal" and _HYPHEN_AFTER.match(after):
        return True  # compound modifiers: "three-day", "one-sided", "5-member" ...
    if ph.qualifier != "range" and _a_score(text, ph, before, after):
        return True
    if _RATE_AFTER.match(after) or _a_distance(after) or _SCALE_AFTER.match(text, ph.core[1]) or _PRICE_AFTER.match(after):
        return True
    if ph.kind == "number" and _ENUM.search(before) and after[:1] == ")" and (ph.value or 0) < 30:
        return True  # enumerations "(1)", "(2)"
    return ph.value is not None and ph.value <= 31 and bool(_DATE_BEFORE.search(before) or _DATE_AFTER.match(after))


def _naming_excluded(text: str, ph: NumberPhrase, before: str, after: str) -> bool:
    """Addresses, phone and gallery numbers, rankings, identifiers, "too many", "Article 336"."""
    s, e = ph.core
    if ph.kind == "number" and (_BLOCK_AFTER.match(after) or _STREET_AFTER.match(text, e) or _STREET_WORD_FIRST.match(text, e)):
        return True  # "the 2700 block of Fondren Road", "14 Market Square"
    if ph.kind == "number" and (_CALL_BEFORE.search(before) or _COUNTER_BEFORE.search(before) or _RANK_BEFORE.search(before)):
        return True  # "call 911", "Photo 1 of 14", "the top 10 regions"
    raw = text[s:e]
    if ph.kind == "number" and len(raw) == 3 and raw.isdigit() and int(raw) <= 360 and _BEARING_BEFORE.search(before) \
            and _BARE_AFTER.match(after):
        return True  # "Course set 210", "altered course to 095"
    if ph.kind == "number" and ph.value is not None and ph.value <= 12 and _SCALE_WORD_BEFORE.search(before):
        return True  # "in a force 8", "a category 4 storm"
    if ph.kind == "number" and len(raw) >= 4 and raw.isdigit() and _TEXT_TO_BEFORE.search(before) and _LINE_AFTER.match(after):
        return True  # "text HELP to 70085"
    if ph.kind == "number" and _LINE_AFTER.match(after) and (_CALL_LIST_BEFORE.search(before) or (
            len(re.sub(r"\D", "", raw)) >= 3 and _CONTACT_BEFORE.search(text, max(0, s - 80), s))):
        return True  # "call 911 or 112", "report to the police on 18555 or 191"
    if raw.isdigit() and len(raw) >= 7:
        return True  # "reference 2300411": an identifier (figures that large are written with separators)
    if ph.kind == "vague" and (_NOT_A_COUNT_BEFORE.search(before) or (
            _AS_MANY_AS.search(before) and re.match(r"\s+as\b", after))):
        return True  # "too many people", "not so many", "twice as many as usual"
    if ph.kind == "number" and _POPULATION_BEFORE.search(before) and _POPULATION_AFTER.match(after):
        return True  # "a town of about 300,000 people"
    if ph.kind == "number" and ph.qualifier == "exact" and _numbered_pair(text, ph):
        return True  # "RHIBs 1 and 2 launched"
    m = _PREV_WORD.search(before[-16:])
    if m and before.rstrip(" #").endswith(m.group(1)):
        word = m.group(1).lower().rstrip(".")
        return word in _NAMING or m.group(1).lower() in _NAMING or word in _NAMING_CAP and (
            m.group(1)[0].isupper() or ph.qualifier == "exact" and bool(_BARE_AFTER.match(after))) or (
            _labels_of_several(word, ph, after))
    return False


def _labels_of_several(word: str, ph: NumberPhrase, after: str) -> bool:
    """"houses 14 to 38 on Shevchenko Street", "cells 3 and 4": a plural naming noun before a bare
    range names the things it spans (not "the shelter houses 14 to 38 people")."""
    return (word.endswith("s") and word[:-1] in _NAMING_CAP | _NAMING and ph.qualifier == "range"
            and bool(_BARE_AFTER.match(after)))


# "RHIBs 1 and 2 launched", "Gates 3 and 4 were closed": a plural noun before two consecutive bare figures
_NUMBERED_PAIR = re.compile(r"\b(?P<noun>[A-Za-z]{2,}s)\s+(?P<a>\d{1,3})\s+(?:and|&)\s+(?P<b>\d{1,3})\b")


def _numbered_pair(text: str, ph: NumberPhrase) -> bool:
    """"RHIBs 1 and 2 launched", "Terminals 2 and 3 reopened": a plural noun followed by two consecutive
    bare figures numbers the things it names (not "arrested suspects 4 and ...", not people); after the plural of
    a naming noun any two figures do ("sectors 207 and 209", "counts 1 and 4")."""
    s, e = ph.core
    for m in _NUMBERED_PAIR.finditer(text, max(0, s - 30), min(len(text), e + 30)):
        noun = m.group("noun").lower()
        if s not in (m.start("a"), m.start("b")) or (
                int(m.group("b")) != int(m.group("a")) + 1 and noun[:-1] not in _NAMING | _NAMING_CAP):
            continue
        if noun in _C["person"] | _C["group"] or noun[:-1] in _C["person"] | _C["group"]:
            return False
        return bool(_BARE_AFTER.match(text, m.end("b")) or re.match(r"\s+[a-z]+ed\b", text[m.end("b"):]))
    return False


# "camp 17 at Kutupalong", "raised to level 4 on Monday": a lower-case naming noun names by a bare number
_BARE_AFTER = re.compile(r"\s*(?:$|[,.;:)!?]|(?:on|at|in|of|near|and|was|were|is|has|had|from|to|for|with|by)\b)")
# "a town of about 300,000 people": the size of a place, not a count of an event's people
_POPULATION_BEFORE = re.compile(
    r"\b(?:town|city|village|country|nation|island|municipality|province|district|region)\s+of\s+"
    r"(?:about|around|some|roughly|nearly|almost|more\s+than|over|just\s+over|under)?\s*$", re.I)
_POPULATION_AFTER = re.compile(r"\s*(?:million\s+|thousand\s+)?(?:people|residents|inhabitants|souls)\b", re.I)


def _excluded_context(text: str, ph: NumberPhrase) -> bool:
    s, e = ph.core
    after = text[e:e + 24]
    before = text[max(0, s - 30):s]
    return _format_excluded(text, ph, before, after) or _naming_excluded(text, ph, before, after)


def date_entity(tok: Token) -> bool:
    """The number is part of a date or time the parser found *and* that entity names a time
    ("June 13", "two days", "5 p.m."): the statistical tagger also marks bare figures ("was 78",
    "between 4 and 6 thousand") as dates, which are not."""
    if tok.ent_type_ not in ("DATE", "TIME", "PERCENT"):
        return False
    if tok.ent_type_ == "PERCENT":
        return True
    if _beyond_a_date(tok) or _before_a_time_phrase(tok):
        return False
    ent = next((e for e in token_table(tok.doc).ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return True
    return any(in_class(t, _C["time"]) or _MONTH_RE.match(t.text) or t.lower_ in _TIME_WORDS or
               (len(t.text) == 4 and t.text.isdigit()) for t in ent)


def _beyond_a_date(tok: Token) -> bool:
    """A figure the tagger took into a date it follows ("since May 1 to 110"): neither a day nor a
    year, and no time unit after it ("110 days")."""
    raw = tok.text.replace(",", "")
    if not raw.isdigit() or len(raw) == 4 or int(raw) <= 31:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (in_class(nxt, _C["time"]) or nxt.lower_ in _TIME_WORDS)


def _before_a_time_phrase(tok: Token) -> bool:
    """"including 27 this year", "12 last week": a figure right before a demonstrative time phrase is
    no day of it (a day is written "May 27 last year", after its month)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return (nxt is not None and nxt.lower_ in ("this", "last", "next", "past")
            and not (prev is not None and _MONTH_RE.match(prev.text)))


_TIME_WORDS = frozenset("ago today yesterday tomorrow tonight am pm a.m. p.m. o'clock noon midnight".split())


def _is_year(text: str, ph: NumberPhrase, tok: Token) -> bool:
    s, e = ph.core
    raw = text[s:e]
    if not (len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100) or ph.currency:
        return False
    return tok.ent_type_ == "DATE" or bool(_YEAR_BEFORE.search(text, max(0, s - 30), s)) or _year_of_one(tok)


def _year_of_one(tok: Token) -> bool:
    """"its 2015 anti-smuggling law": a year-like figure on a singular noun counts no 2015 laws,
    it dates the one."""
    return tok.dep_ in ("nummod", "compound", "amod") and tok.head.tag_ == "NN" and tok.head.i > tok.i


_AGE_LEAD = re.compile(r"(?:,\s*|\(\s*|,\s*(?:also|both|each|aged|ages)\s+|\d{1,3}\s*(?:,|and|&)\s*)$")
_AGE_TAIL = re.compile(r"^\s*(?:[,);.]|and\s+\d{1,3}\b|&\s*\d{1,3}\b|$)")
_AGE_FILLER = frozenset({"also", "both", "each", "aged", "ages", "and", "&"})


def _age_apposition(text: str, ph: NumberPhrase, tok: Token, doc: Doc) -> bool:
    """An age set off next to a person: "Papermaster, 49, ...", "Anna Smith (34)", "Sara Ruiz,
    39.", "The men, 27 and 31, ...", "a second boy, also 17", "two passengers, both 16"."""
    if ph.value is None or ph.value > 120 or ph.kind != "number" or ph.qualifier not in ("exact", "range"):
        return False
    s, e = ph.core
    if not _AGE_LEAD.search(text[max(0, s - 12):s]) or not _AGE_TAIL.match(text[e:e + 12]):
        return False
    prev = tok.i - 1
    while prev >= 0 and (doc[prev].is_punct or doc[prev].lower_ in _AGE_FILLER or doc[prev].like_num):
        prev -= 1
    if prev < 0:
        return False
    p = doc[prev]
    return p.ent_type_ == "PERSON" or in_class(p, _C["person"]) or _one_of_a_kind(p, tok) or _name_of_a_person(p) \
        or _named_subject(p, tok)


def _named_subject(name: Token, tok: Token) -> bool:
    """"Smith, 45, and Jones, 38, were killed": a figure set off beside a proper name that is a clause's
    subject (or joined to one) is that one's age, whatever entity type the tagger gave the name; a
    list's "Kano, 14, and Kaduna, 9" hangs from a noun, not a verb."""
    subject = name.head if name.dep_ == "conj" else name
    return name.pos_ == "PROPN" and tok.dep_ == "appos" and tok.head.i == name.i \
        and subject.dep_ in ("nsubj", "nsubjpass") and subject.head.pos_ in ("VERB", "AUX")


def _name_of_a_person(name: Token) -> bool:
    """"his mother, Grace, 61,": a proper name set off beside a person noun names that person,
    whatever entity type the tagger gave it; the parser may read the apposition as a conjunct without
    a conjunction ("the chief, Amadou Traore, 71,")."""
    if name.pos_ != "PROPN" or not (in_class(name.head, _C["person"]) or _a_role_noun(name.head)):
        return False
    return name.dep_ == "appos" or (name.dep_ == "conj" and not any(c.dep_ == "cc" for c in name.head.children))


_NOT_A_ROLE = _C["collective"] | _C["group"] | _C["naming"] | _C["naming_cap"] | _C["incident"] | _C["object"] | \
    _C["container"] | _C["measure"] | _C["time"]


def _a_role_noun(noun: Token) -> bool:
    """"The winner, Ann Park, 29,", "the club's founder, Li Wei, 52,": a singular common noun a proper
    name is set beside is the role of a person (not a place's or a group's noun: "the camp", "the unit")."""
    return noun.tag_ == "NN" and not noun.ent_type_ and not in_class(noun, _NOT_A_ROLE)


def _one_of_a_kind(noun: Token, tok: Token) -> bool:
    """"his client, 51,": a figure set off beside a singular common noun (not a collective one,
    "a crew, 12,") is no count of that one thing; it is an age. A figure after a colon is a label's
    value ("Sennar: 14 killed", a bullet line whose place the tagger reads as a common noun)."""
    return noun.tag_ == "NN" and tok.dep_ == "appos" and tok.head.i == noun.i and not in_class(noun, _C["collective"]) \
        and not (tok.i > 0 and tok.doc[tok.i - 1].text == ":")


_MONTH_RE = re.compile(rf"^{_MONTH}$|^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _model_number(text: str, ph: NumberPhrase, tok: Token, doc: Doc) -> bool:
    """"Boeing 767", "iPhone 4", "iOS 4.0", "the 787": a number that is part of a product/model name."""
    if ph.currency or ph.span[0] != ph.core[0] or ph.qualifier not in ("exact", "range"):
        return False
    s = ph.core[0]
    first = doc.char_span(s, ph.core[1], alignment_mode="expand")
    if first is None or first.start == 0 or first[0].is_sent_start:
        return False     # a name ending the sentence before ("promoted to Sgt. Three officers ...") is none
    prev = doc[first.start - 1]
    if prev.idx + len(prev.text) + 1 != s or text[s - 1] != " ":
        return False
    if prev.pos_ == "PROPN" and prev.text[:1].isalpha() and not _MONTH_RE.match(prev.text) and prev.ent_type_ not in ("DATE", "NORP", "GPE"):
        return not heads_a_tally(text, ph, doc)  # "Evacuees 400 - moved to the gym" counts evacuees
    raw = text[s:ph.core[1]]
    if prev.lower_ == "the" and raw.isdigit() and len(raw) >= 3:
        nxt = doc[first.end] if first.end < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.pos_ in ("PROPN", "VERB", "AUX", "ADP")
    return False


_OPEN_QUOTES = frozenset('"“«‘\'')
_CLOSE_QUOTES = frozenset('"”»’\'')


def _quoted_name(text: str, ph: NumberPhrase, doc: Doc) -> bool:
    """'the "400 Mawozo" gang', 'the "5 Seconds of Summer" concert': a figure in digits opening a short quoted
    name that modifies the noun after it is part of that name (not '"300 people" gathered')."""
    s, e = ph.core
    if ph.span[0] != s or s == 0 or text[s - 1] not in _OPEN_QUOTES or not text[s:e][:1].isdigit():
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or nxt.tag_ == "NNPS" or nxt.ent_type_ in ("NORP", "GPE"):
        return False
    close = next((t for t in doc[span.end + 1:span.end + 5] if t.text[:1] in _CLOSE_QUOTES), None)
    if close is None or close.i + 1 >= len(doc):
        return False
    after = doc[close.i + 1]    # the quoted name modifies the noun after it (not '"12 Dead in Blast"', '"18 Rohingya" were')
    return after.pos_ in ("NOUN", "PROPN") and any(t.head.i == after.i for t in doc[span.start:close.i])


def after_name(doc: Doc, tok: Token, ph: NumberPhrase, text: str) -> bool:
    span = doc.char_span(ph.core[0], ph.core[1], alignment_mode="expand")
    if span is None or span.start == 0 or ph.kind != "number":
        return False
    prev = doc[span.start - 1]
    if prev.text in ("'s", "’s") and prev.i > 0:
        prev = doc[prev.i - 1]
        if prev.ent_type_ == "GPE" and _bare_number(doc, ph.core[1]):
            return False  # "Pakistan's 63 and India's 58": a country's figure in a list, not a model number
    elif prev.idx + len(prev.text) + 1 != ph.core[0]:
        return False
    return (any(c.isupper() for c in prev.text) and not prev.is_sent_start and not _MONTH_RE.match(prev.text)
            and prev.ent_type_ not in ("DATE", "TIME"))



def names_something(analysis: Analysis, ph: NumberPhrase, tok: Token) -> bool:
    """The number names or measures rather than counts (module doc: ages, years, addresses ...)."""
    text, doc = analysis.text, analysis.doc
    if ph.kind in ("number", "ordinal", "vague") and _excluded_context(text, ph):
        return True
    if ph.kind != "number":
        return False
    if _is_year(text, ph, tok) or _age_apposition(text, ph, tok, doc) or _age_of_person(text, ph, tok, doc):
        return True
    if tok.ent_type_ in _NAME_ENTS and tok.ent_iob_ == "I":
        return True  # inside a name: "Boeing 747", "Flight 200"
    if _set_off_beside_a_thing(doc, ph, tok) or _ratio_base(tok) or _service_number(tok) or _rate_figure(tok):
        return True
    if _predicated_of_a_label(tok) or labels_or_measures(text, ph, tok):
        return True
    return _model_number(text, ph, tok, doc) or _quoted_name(text, ph, doc)


_RATE_NOUNS = frozenset({"rate", "ratio", "incidence", "prevalence"})


def _rate_figure(tok: Token) -> bool:
    """"per 100,000 crossings", "per 1,000": the base of a rate; "the death rate rose from 16 to 58",
    "the rate was 16": the figures of a rate, whose subject is the rate noun, count nothing."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "per":
        return True
    head = tok
    while head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NUM", "NOUN") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "per":
        return True
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if head.dep_ not in ("pobj", "attr", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _RATE_NOUNS for c in children_of(verb))


def _predicated_of_a_label(tok: Token) -> bool:
    """"The emergency number is 108", "the hotline is 1079": a bare figure predicated of a naming
    noun names it (not "the number of dead is 14", whose "of" phrase says what is counted)."""
    if tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return False
    subjects = [c for c in children_of(tok.head) if c.dep_ == "nsubj"]
    return any(_a_label_noun(s) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(s))
               for s in subjects)


_LABEL_SUBJECTS = frozenset("hotline helpline phone tel fax extension ext reference ref code".split())


def _a_label_noun(noun: Token) -> bool:
    """A noun whose value is a label: "the hotline", "the code"; "number" only as a compound's head
    ("the emergency number", not "the number was 3,715")."""
    return noun.lower_ in _LABEL_SUBJECTS or noun.lower_ == "number" and any(
        c.dep_ == "compound" for c in children_of(noun))


def _service_number(tok: Token) -> bool:
    """"Rescue 1122 teams": a long figure without separators right after a sentence's first word, a
    singular noun, names a service (a count that large is written "1,122")."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (prev is not None and bool(prev.is_sent_start) and prev.tag_ == "NN" and prev.ent_type_ == ""
            and re.fullmatch(r"\d{4,6}", tok.text) is not None)


_AS_AGE_BEFORE = re.compile(r"\bas\s+(?:young|old)\s+as\s*$", re.I)
_AGE_BOUND_WORDS = frozenset({"above", "over", "under", "below", "of", "about", "around", "nearly", "almost", "aged"})
_THRESHOLD_WORDS = frozenset({"above", "over", "under", "below"})
_SINGLE_PERSON_PRONOUNS = frozenset({"i", "he", "she"})
#: "the oldest is 61", "the youngest was 3": the subject is the one of a set picked out by age
_AGE_SUPERLATIVES = frozenset({"oldest", "youngest", "eldest"})


def _bare_number(doc: Doc, end: int) -> bool:
    """Nothing after the number that it counts: no noun follows ("above 60," not "above 60 people")."""
    span = doc.char_span(end, len(doc_text(doc)), alignment_mode="contract")
    nxt = next((t for t in span or () if not t.is_space), None)
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _age_threshold(doc: Doc, noun_i: int, number_i: int) -> bool:
    """"children under five", "people over 65": a bound right after plural people is their age."""
    return doc[noun_i].tag_ == "NNS" and number_i - noun_i <= 2 and doc[noun_i + 1].lower_ in _THRESHOLD_WORDS


def _verb_read_as_noun(doc: Doc, ph: NumberPhrase) -> bool:
    """A singular common noun right after a figure above one cannot be what it counts ("Children
    under five account for", "people over 65 make up"): the parse took the clause's verb for a noun."""
    if ph.value is None or ph.value <= 1:
        return False
    span = doc.char_span(ph.core[1], len(doc_text(doc)), alignment_mode="contract")
    nxt = next((t for t in span or () if not t.is_space), None)
    return nxt is not None and nxt.tag_ == "NN" and not nxt.ent_type_ and nxt.lemma_.lower() not in _C["measure"] | _C["time"] \
        and not any(c.dep_ == "det" for c in nxt.children)


def _set_off_beside_a_thing(doc: Doc, ph: NumberPhrase, tok: Token) -> bool:
    """"the ministry's free hotline, 151, has ...": a bare figure set off beside one thing names
    or measures it (beside one person it is an age, above); not beside a tally ("the toll, 54,")."""
    head = tok.head
    return (tok.dep_ == "appos" and _one_of_a_kind(head, tok) and not in_class(head, _C["person"])
            and head.lemma_.lower() not in frames()["sets"]["measure_nouns"] and _bare_number(doc, ph.core[1])
            and not _a_part_of_them(doc, tok))


def _a_part_of_them(doc: Doc, tok: Token) -> bool:
    """"..., MAIB records show, 11 of them on scallop dredgers": a figure before "of them" counts a part of a
    set named before, whatever word the parser set it beside."""
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].lower_ in ("them", "whom", "those", "these")


def _ratio_base(tok: Token) -> bool:
    """"One in nine is a child", "1 in 5 adults": the figure after "in" is the base of a rate, also
    when it counts the noun of the "in" phrase ("One in nine adults has", "one in four nurses quit")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "NUM":
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].lower_ == "in" and doc[tok.i - 2].pos_ == "NUM" and tok.dep_ == "nummod"


def _age_of_person(text: str, ph: NumberPhrase, tok: Token, doc: Doc) -> bool:
    """An age stated without "aged" or "-year-old": "children as young as 9", "a man above 60", "a
    girl of about 10", "He was 22", "I am 63" — a bare number bounded after a person noun, or the
    predicate of one person."""
    bare = _bare_number(doc, ph.core[1])
    if ph.value is None or ph.value > 110 or not (bare or _verb_read_as_noun(doc, ph)):
        return False
    if _AS_AGE_BEFORE.search(text[max(0, ph.span[0] - 20):ph.span[0]]):
        return True
    first = doc.char_span(ph.span[0], ph.core[1], alignment_mode="expand")
    if first is None:
        return False
    prev = first.start - 1
    while prev >= 0 and doc[prev].lower_ in _AGE_BOUND_WORDS and prev >= first.start - 2:
        prev -= 1
    if prev < first.start - 1 or any(t.lower_ in _AGE_BOUND_WORDS for t in first):
        if prev >= 0 and in_class(doc[prev], _C["person"]) and not in_class(doc[prev], _C["collective"]) and (
                (bare and doc[prev].tag_ in ("NN", "NNP")) or _age_threshold(doc, prev, first.start)):
            return True
    if not bare:
        return False
    if tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be":
        subj = [c for c in children_of(tok.head) if c.dep_ == "nsubj"]
        return len(subj) == 1 and (subj[0].lower_ in _SINGLE_PERSON_PRONOUNS or subj[0].lower_ in _AGE_SUPERLATIVES
                                   or (subj[0].tag_ == "NN" and in_class(subj[0], _C["person"]))
                                   or _one_person_who(subj[0]) or _addressed(subj[0], text, ph))
    return False


def _one_person_who(subj: Token) -> bool:
    """"One of the survivors, who was 16 at the time,", "The driver, who is 52,": "who" with a verb in the
    singular in a relative clause is one person, the figure its age (not "the victims, who were 16")."""
    return subj.lower_ == "who" and subj.head.dep_ == "relcl" and subj.head.lower_ in ("was", "is", "'s", "’s")


_CLAUSE_END = re.compile(r"\s*(?:[,.;)]|$)")


def _addressed(subj: Token, text: str, ph: NumberPhrase) -> bool:
    """"Ms Varga, you are 41.": the person spoken to, the figure closing the clause (not "you are 12 in the squad")."""
    return subj.lower_ == "you" and _CLAUSE_END.match(text, ph.span[1]) is not None
