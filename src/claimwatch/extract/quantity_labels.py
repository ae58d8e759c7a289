"""More numbers that label or measure rather than count (used by :mod:`.quantity_naming`):

* a list's item numbers at the start of a line ("1. suspend all funding", "2) publish the reports");
* a bulletin's, a day's or a part's label heading a line ("UPDATE 2 - ...", "Day 3: ...");
* temperatures ("minus 10 Celsius", "45°C", "40 degrees Fahrenheit", "38 C at the airport");
* the points of a rating scale ("runs from 1 (False) to 5 (True)", "this claim scores 1", "rated 4 out of 5",
  "scored 8/10", "gave the film 3 stars");
* a figure that is part of a place's name ("in Delmas 33 and Delmas 95", "at Sector 7");
* a code figure written without separators before a singular noun it does not count ("the first
  911 call", "a 999 operator", "the 112 line");
* a house number in an address line without a verb ("Press Office, 8 Harbour Quay, Piraeus");
* a unit's number opening an organisation's name ("the 44 Nigerian Army Reference Hospital");
* the figure of a ratio to one thing ("for every body recovered, between two and three others ...");
* the value of a label that names a line, a code or a page's counter before a colon ("Switchboard telephone: 1550",
  "Views: 5,917", "Ref: 2231");
* a measure the parse did not read as a noun ("450 YARDS" in capitals, "about 5 ha,"), and the distance of a
  compass bearing from a place ("6 ESE CALDWELL", "10 SW of Moore");
* a log's, a blotter's or a live blog's time stamp opening a line before a dash ("0640 - 38 persons
  rescued", "14:05 – 3 more bodies recovered"): the stamp is no count, and the figure after its dash
  is no score (:func:`after_a_stamp`).

Core: :func:`labels_or_measures`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .base import children_of, line_at
from .line_stamps import STAMP_SUFFIX, four_figure_stamp
from .numbers import NumberPhrase
from .quantity_nouns import in_class, noun_classes
from .units import unit_at

__all__ = ["labels_or_measures", "heads_a_tally", "after_a_stamp", "tally_label_span", "field_label_span"]

_C = noun_classes()
_PEOPLE = _C["person"] | _C["group"]
#: words that head a tally line rather than label one ("Dead 12 - Injured 40", "Total 45:", "Residents 30 -")
_TALLY_WORDS = _PEOPLE | _C["incident"] | _C["running"] | frozenset(
    "dead killed injured wounded missing hurt arrested detained displaced total sum toll".split())

_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_ITEM_MARK = re.compile(r"[.)][ \t]+\S")
_TEMPERATURE_AFTER = re.compile(r"\s*(?:°|º|degrees?\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b|(?:Celsius|Fahrenheit|centigrade)\b)", re.I)
# "38 C at the airport", "highs of 95 F": the wire style's scale letter set off after the figure
_SCALE_LETTER_AFTER = re.compile(r"[ \u00a0][CF](?![\w'’&-]|\.\s*[A-Z][a-z])")
_BELOW_ZERO_BEFORE = re.compile(r"\b(?:minus|negative)\s*$", re.I)
_ADDRESS_PART = re.compile(r"[ \t]+(?:[A-Z][\w.'-]*[ \t]*){1,3}(?:,|$)", re.M)

#: verbs that give something a point on a scale (with the forms the tagger lemmatises wrongly: "rated" -> "rat"),
#: and the nouns of a scale
_RATING_VERBS = frozenset({"score", "rate", "grade", "rank", "rated", "rates", "rating"})
#: what a rating is given in ("three stars", "4 stars out of 5")
_RATING_UNITS = frozenset({"star", "stars"})
#: verbs that give, win or hold a rating ("gave the film 3 stars", "the hotel has 4 stars")
_RATING_HOLDERS = frozenset({"give", "award", "earn", "receive", "get", "have", "hold", "keep", "lose", "win", "retain"})
_SLASH_FIGURE = re.compile(r"/\d")
_SCALE_NOUNS = frozenset({"scale", "rating", "score", "grade", "ranking"})
_PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "inside", "outside", "around"})


def _list_item_number(text: str, ph: NumberPhrase) -> bool:
    """"1. suspend all funding": a small figure opening a line, followed by a full stop or a bracket."""
    s, e = ph.core
    return (ph.span[0] == s and (ph.value or 0) < 100 and text[s:e].isdigit()
            and bool(_LINE_START.search(text, max(0, s - 8), s)) and _ITEM_MARK.match(text, e) is not None)


def _temperature(text: str, ph: NumberPhrase, tok: Token) -> bool:
    s, e = ph.span
    return bool(_TEMPERATURE_AFTER.match(text, e) or _scale_letter(text, ph, tok)) or bool(
        _BELOW_ZERO_BEFORE.search(text, max(0, s - 12), s))


#: nouns a temperature qualifies ("30 C temperatures", "40 C highs"): the figure still measures
_HEAT_NOUNS = frozenset({"temperature", "high", "low", "heat", "heatwave", "reading", "weather"})


def _scale_letter(text: str, ph: NumberPhrase, tok: Token) -> bool:
    """"38 C at the airport": a scale letter after the figure; not when the figure counts a noun after the
    letter ("50 C batteries", "30 C students", "12 C 130 aircraft"), where the letter names a size or a class."""
    m = _SCALE_LETTER_AFTER.match(text, ph.span[1])
    if m is None:
        return False
    noun = tok.head
    counts_after = (tok.dep_ == "nummod" and noun.idx >= m.end() and noun.pos_ in ("NOUN", "PROPN")
                    and noun.lemma_.lower() not in _HEAT_NOUNS)
    return not counts_after


def _argument_chain(tok: Token) -> Token:
    """The verb a bare figure is an argument of, through prepositions ("runs from 1 to 5")."""
    head = tok
    while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
        head = head.head
    return head.head if head.dep_ in ("dobj", "attr", "npadvmod", "oprd") else head


def _scale_point(tok: Token) -> bool:
    """"from 1 (False) to 5 (True)", "this claim scores 1": a bare figure (it counts no common noun) that
    a verb of rating takes, or that the range of a scale noun runs over."""
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NN", "NNS"):
        return False
    arg = tok.head if tok.dep_ == "nummod" and tok.head.tag_ == "NNP" else tok
    verb = _argument_chain(arg)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.lemma_.lower() in _SCALE_NOUNS:
        return True  # "a score of 92", "a rating of 4 out of 5"
    if _rating_verb(verb) and arg.dep_ in ("dobj", "attr", "oprd", "npadvmod"):
        return _something_rated(verb, arg)
    return arg.dep_ == "pobj" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _SCALE_NOUNS
                                      for c in children_of(verb))


def _rating_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in _RATING_VERBS or verb.lower_ in _RATING_VERBS


def _scale_maximum(tok: Token) -> bool:
    """"rated 4 out of 5", "9.5 points out of 10": the bare figure after "out of" that follows another
    figure is the top of the scale or the base of the share; it counts nothing ("4 out of 5 analysts"
    keeps its noun, and "out of 40 passengers, 12 died" has no figure before it)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lower_ != "out":
        return False
    out = tok.head.head
    before = tok.doc[out.i - 1] if out.i > 0 else None
    return before is not None and (before.like_num or any(c.dep_ == "nummod" for c in children_of(before)))


def _slash_figure(text: str, ph: NumberPhrase) -> bool:
    """"scored 8/10", "a 7/10 review", "case 3281/2026": a figure written against another across a
    slash is a score, a ratio, a date or a file number, not a count."""
    s, e = ph.core
    return bool(_SLASH_FIGURE.match(text, e)) or (s >= 2 and text[s - 1] == "/" and text[s - 2].isdigit())


def _rating_stars(tok: Token) -> bool:
    """"gave the film 3 stars", "the hotel has four stars": stars a thing is given or holds are its rating
    (not "three stars were injured", stars of the screen, who are people)."""
    noun = tok.head
    if tok.dep_ != "nummod" or noun.lower_ not in _RATING_UNITS or noun.dep_ not in ("dobj", "attr"):
        return False
    verb = noun.head
    return verb.lemma_.lower() in _RATING_HOLDERS and not any(
        c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and c.i < tok.i for c in children_of(noun))


def _something_rated(verb: Token, arg: Token) -> bool:
    """"this claim scores 1", "the judges scored her routine 9": the verb rates a thing (its subject, or an
    object beside the figure); not "Smith scoring 12 in the match", a player's points."""
    rated = [c for c in children_of(verb) if c.dep_ in ("dobj", "dative") and c.i != arg.i]
    subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(rated) or any(s.pos_ == "NOUN" and not in_class(s, _PEOPLE) for s in subjects)


def _number_of_a_place_name(tok: Token) -> bool:
    """"in Delmas 33 and Delmas 95": a figure right after the proper noun it modifies, inside a place
    phrase, numbers the place (it counts nothing)."""
    name = tok.head
    if tok.dep_ != "nummod" or name.i != tok.i - 1 or name.tag_ != "NNP" or name.is_sent_start:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    return name.dep_ == "pobj" and name.head.lower_ in _PLACE_PREPS


def _code_before_a_noun(text: str, ph: NumberPhrase, tok: Token) -> bool:
    """"the first 911 call", "the 131 emergency service": three or more digits without separators between a
    determiner and a singular common noun they modify (not a noun of people: "300 staff") name a line or a code, they count no call."""
    raw = text[ph.core[0]:ph.core[1]]
    noun = tok.head
    if not (raw.isdigit() and len(raw) >= 3 and ph.qualifier == "exact" and ph.span == ph.core):
        return False
    between = tok.doc[tok.i + 1:noun.i]   # "the 131 emergency service": the noun's own compounds between
    return (tok.dep_ in ("nummod", "compound") and noun.i > tok.i and noun.tag_ == "NN"
            and all(t.dep_ == "compound" and t.tag_ == "NN" and t.head.i == noun.i for t in between)
            and any(c.dep_ == "det" and c.i < tok.i for c in children_of(noun))   # "the first 911 call", "a 999 call"
            and not in_class(noun, _PEOPLE) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(noun)))


def _house_number(text: str, ph: NumberPhrase, tok: Token) -> bool:
    """"Press Office, 8 Harbour Quay, Piraeus": a figure opening a comma-separated part of a line with no
    verb, followed only by a capitalised name (not a plural, "12 Dead" in a headline is a count)."""
    s, e = ph.span
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    end = len(text) if end < 0 else end
    if not (text[start:s].rstrip().endswith(",") or not text[start:s].strip()) or "," not in text[start:end]:
        return False
    m = _ADDRESS_PART.match(text, e, end)
    if m is None or m.group(0).rstrip(",").rstrip().endswith("s"):
        return False
    line = [t for t in tok.doc if start <= t.idx < end]
    return not any(t.pos_ in ("VERB", "AUX") for t in line) and not any(
        in_class(t, _PEOPLE) for t in line if e <= t.idx < m.end())


# "UPDATE 2 - Peru bus plunge ...", "Day 3: the search goes on", "Stage 12 – Valence": one capitalised word
# and a figure opening a line before a dash or a colon label the bulletin, the day or the part that follows; in a
# tally line ("Injuries 3 - Deaths 2 - Arrests 5", "Dead 4, Injured 17, Missing 2") each later item's words
# follow the figure and the mark of the item before
_HEADING_WORD_BEFORE = re.compile(r"(?:^|\n|(?P<prev>(?:\d[ \t]*[-–—|,;]|[a-z]:)[ \t]*))[ \t]*"
                                  r"(?P<w>[A-Z][A-Za-z]{1,15}(?:[ \t]+[A-Z][A-Za-z]{1,15}){0,2})[ \t]+$")
_HEADING_MARK_AFTER = re.compile(r"[ \t]*(?:[-–—:|][ \t]|:$)")
#: the mark after a tally's later item: the next item's separator, or the line's end
_ITEM_MARK_AFTER = re.compile(r"[ \t]*(?:[-–—:|,;](?:[ \t]|$)|[-–—|]?[ \t]*(?:\n|$))")


def _heading_label(text: str, ph: NumberPhrase, doc: Doc) -> bool:
    """A bulletin's, a day's or a part's label at the head of a line ("UPDATE 2 - ..."); not a tally
    a line names by what it counts ("Dead 12 - Injured 40", "Arrests 7:", "Evacuated 300:")."""
    words = _heading_words(text, ph, doc)
    return words is not None and not _names_a_tally(words)


def heads_a_tally(text: str, ph: NumberPhrase, doc: Doc) -> bool:
    """"Evacuees 400 - ...", "Rescued 12 - ...", "Dead 12 - ...": the figure after the word heading a line
    counts what the word names (a capitalised word there is no model's name: "Boeing 747")."""
    words = _heading_words(text, ph, doc)
    return words is not None and _names_a_tally(words)


def _heading_words(text: str, ph: NumberPhrase, doc: Doc) -> list[Token] | None:
    """The capitalised words opening a line (or a tally line's item) before the figure, when a dash or a
    colon follows it."""
    span = tally_label_span(text, ph)
    return None if span is None else [t for t in doc if span[0] <= t.idx < span[1]]


def tally_label_span(text: str, ph: NumberPhrase | tuple[int, int]) -> tuple[int, int] | None:
    """The span of the capitalised words heading a line before the figure ("Dead 12 - ...") or heading a
    later item of a tally line ("... - Injured 40", "..., Missing 2"), when a mark follows the figure."""
    if isinstance(ph, NumberPhrase):
        if ph.qualifier != "exact" or not text[ph.core[0]:ph.core[1]].isdigit():
            return None
        s, e = ph.span
    else:
        s, e = ph
        if not text[s:e].isdigit():
            return None
    m = _HEADING_WORD_BEFORE.search(text, max(0, s - 52), s)
    if m is None:
        return None
    if not m.group("prev"):
        return (m.start("w"), m.end("w")) if _HEADING_MARK_AFTER.match(text, e) else None
    if not _ITEM_MARK_AFTER.match(text, e) or not any(_a_tally_word(w) for w in m.group("w").lower().split()):
        return None     # a later item names a toll or what befell people ("- Injured 40"), not "- Leeds 12"
    return m.start("w"), m.end("w")


#: a field line of an infobox, a form or a list: a short label, a colon, then the figure alone ("Deaths: 6")
_FIELD_LINE = re.compile(r"[ \t]*(?:[-•*·▪–][ \t]+)?(?P<label>[^:\n]{1,40}?)[ \t]*:[ \t]*")


def field_label_span(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the label of a field line whose whole value is the figure at ``span`` ("Deaths: 6",
    "Non-fatal injuries: 41", "- Kano: 8"); None for a figure in running text."""
    start, end = line_at(text, span[0])[0], line_at(text, span[1])[1]
    m = _FIELD_LINE.match(text, start, span[0])
    if m is None or m.end() != span[0] or text[span[1]:end].strip():
        return None
    return m.start("label"), m.end("label")


def _a_participle(word: str) -> bool:
    """"rescued", "hospitalised" (not "freed", "need"): a word of what befell what a tally counts."""
    return word.endswith("ed") and not word.endswith("eed") and len(word) > 4


def _a_tally_word(word: str) -> bool:
    return word in _TALLY_WORDS or word.rstrip("s") in _TALLY_WORDS or _a_participle(word)


def _names_a_tally(words: list[Token]) -> bool:
    # "SIERRA LEONE 2026 - ...", "Tour de France Stage 12:" name none
    return any(_a_tally_word(t.lower_) or _names_what_is_counted(t) for t in words)


def _names_what_is_counted(tok: Token) -> bool:
    """A plural ("Homes 40 -", "Arrivals 812 -", "Evacuees 400 -") or a participle ("Evacuated 300:",
    "Hospitalised 8 -", "Rescued 12 -") heading a line names what its figure counts; a label's word is a
    singular noun of a sequence or an edition ("UPDATE 2", "Day 3", "Stage 12", "Series 3")."""
    return tok.tag_ in ("NNS", "NNPS") or "Plur" in tok.morph.get("Number", []) or _a_participle(tok.lower_)


def _number_opening_a_name(tok: Token) -> bool:
    """"the 44 Nigerian Army Reference Hospital", "the 12 Apostles Church": a figure before the capitalised
    words of an organisation's or a building's name, whose head is a singular name, is the unit's number
    in the name; a count would count a plural ("the 40 Nigerian soldiers")."""
    head = tok.head
    if tok.dep_ != "nummod" or head.i <= tok.i or head.tag_ != "NNP" or head.ent_type_ not in ("ORG", "FAC"):
        return False
    return all(t.text[:1].isupper() for t in tok.doc[tok.i + 1:head.i + 1])


# "for every body recovered, between two and three others ...", "For each job created, 3 are lost": the figure
# of the clause a "for every" phrase opens is a ratio to one thing, not a count of the report
_FOR_EVERY_BEFORE = re.compile(r"\bfor\s+(?:every|each)\s+[^.;:!?,]{1,60},\s*$", re.I)


def _ratio_to_one(text: str, ph: NumberPhrase) -> bool:
    return _FOR_EVERY_BEFORE.search(text, max(0, ph.span[0] - 80), ph.span[0]) is not None


# "0640 - ", "14:05 – ", "9.40pm - ", "2215hrs: ", "1998 - ": a clock time or a timeline's year opening a line
# (after a bullet or not) and the spaced dash or the colon that sets off the entry it stamps
_STAMP = (rf"(?:\d{{4}}(?:[ \t]*{STAMP_SUFFIX})?"
          r"|(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|hrs?|h|UTC|GMT|Z|LT)\b)?)")
_STAMP_LINE = re.compile(rf"(?:^|\n)[ \t]*(?:[-•*·▪][ \t]+)?(?P<stamp>{_STAMP})(?P<mark>[ \t]+[-–—][ \t]+|[ \t]*:[ \t]+)$")

_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def after_a_stamp(text: str, start: int) -> bool:
    """The figure at ``start`` opens the entry a line's time stamp or year sets off ("0640 - 38 persons rescued",
    "1998 - 12 climbers died")."""
    return _STAMP_LINE.search(text, max(0, start - 24), start) is not None


def _log_stamp(text: str, ph: NumberPhrase) -> bool:
    """"2215 - Two men arrested", "0130 - 5 vehicles damaged": a four-figure clock time opening a line before a
    spaced dash stamps the entry (a year line, "2019 - ...", is a year, told apart before this)."""
    raw = text[ph.core[0]:ph.core[1]]
    return ph.qualifier == "exact" and _CLOCK.fullmatch(raw) is not None and four_figure_stamp(text, *ph.core)


_PEOPLE_OR_EVENTS = _PEOPLE | _C["incident"]


def _unit_after(text: str, ph: NumberPhrase, tok: Token) -> bool:
    """"450 YARDS", "a plot of about 5 ha,": a unit of measurement of the unit lexicon right after the figure,
    whatever part of speech the tagger gave it, measures; not when the figure counts people, incidents or a
    plural named right after the unit ("3 TB patients", "4 GB engineers"; a line break is a space token, no noun)."""
    unit = unit_at(text, ph.span[1])
    if unit is None or unit.hyphen or unit.dimension == "money" or len(unit.text) < 2 or not unit.text.isalpha():
        return False
    after = next((t for t in tok.doc[tok.i + 1:tok.i + 4] if t.idx >= unit.span[1]), None)
    return not (after is not None and after.pos_ in ("NOUN", "PROPN") and (
        after.tag_ in ("NNS", "NNPS") or in_class(after, _PEOPLE_OR_EVENTS)))


# "6 ESE CALDWELL / PIKE COUNTY", "10 SW of Moore", "3 NE Sallis,": a figure, a compass point in capitals and a
# place's name closing the phrase is a distance from that place (not "4 N Korean workers", whose name modifies a noun)
_BEARING_FROM_A_PLACE = re.compile(
    r"[ \t]+(?:[NS]|[EW]|[NS][EW]|[NS]{2}[EW]|[EW][NS][EW])[ \t]+(?:of[ \t]+)?(?P<place>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"(?=[ \t]*(?:$|\n|[/,.;:()]|[ \t](?:and|in|on|at|near|to|from|or|after|before|when|where|while)\b))")


def _bearing_from_a_place(text: str, ph: NumberPhrase, tok: Token) -> bool:
    m = _BEARING_FROM_A_PLACE.match(text, ph.span[1])
    if m is None:
        return False
    place = next((t for t in tok.doc[tok.i + 1:tok.i + 6] if t.idx >= m.start("place")), None)
    # "3 S Africans and ...", "12 S Africans at the border": people of a nation, by entity or by a plural name
    # (a name in capitals, "6 ESE CALDWELL", is a place whatever its tag)
    return place is None or place.ent_type_ != "NORP" and (place.tag_ != "NNPS" or place.text.isupper())


_LABEL_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)[ \t]*:[ \t]*$")
_VALUE_END = re.compile(r"[ \t]*(?:$|\n|[.,;|)])")
#: the words of a label whose value names or measures ("Telephone:", "Views:"); not "Number:" nor "Figure:", which
#: may head a toll
_LABEL_WORDS = (_C["naming"] - {"no", "nos", "number", "num", "figure", "fig"}) | _C["media"]


def _labelled_value(text: str, ph: NumberPhrase) -> bool:
    """"Switchboard telephone: 1550.", "Views: 5,917": the bare figure after the colon of a naming or counter label
    is the line, the code or the counter (not "Deaths: 6", "Arrests: 12", nor a figure of a noun, "...: 18 dead")."""
    m = _LABEL_BEFORE.search(text, max(0, ph.span[0] - 30), ph.span[0])
    return m is not None and m.group("w").lower() in _LABEL_WORDS and _VALUE_END.match(text, ph.span[1]) is not None


def labels_or_measures(text: str, ph: NumberPhrase, tok: Token) -> bool:
    """The figure labels (an item, a scale point, a place, a code) or measures a temperature."""
    if ph.kind != "number" or ph.currency:
        return False
    return (_list_item_number(text, ph) or _heading_label(text, ph, tok.doc) or _temperature(text, ph, tok) or _scale_point(tok) or _scale_maximum(tok)
            or _slash_figure(text, ph) or _rating_stars(tok)
            or _number_of_a_place_name(tok) or _code_before_a_noun(text, ph, tok) or _house_number(text, ph, tok)
            or _number_opening_a_name(tok) or _ratio_to_one(text, ph) or _log_stamp(text, ph)
            or _unit_after(text, ph, tok) or _bearing_from_a_place(text, ph, tok) or _labelled_value(text, ph))
