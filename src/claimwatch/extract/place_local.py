"""Local places: names the gazetteer lacks that the report marks as places by their structure.

A coder records a village, camp, well or suburb the gazetteer does not know by the name the report
writes, and locates it by the known place the report locates it by (ACLED's geo-precision 2: "X,
near Y", "X, 35 km west of Y"). A name is a local place when its structure says so, never by a list
of names:

* a place noun governs it: "the village of Bajo Chiquito", "the Libyan oasis of Qatrun";
* it modifies a place noun: "Zamzam camp", "Pazigyi village", "the Ain Zara detention centre";
* an appositive says what or where it is: "Masisi, a town in North Kivu", "Tawila, 60 km to the west";
* the tagger calls it a place (GPE/LOC) and a direction governs it ("20 km north of Zuwara"); a bare
  "in X" is too weak a cue for a name the gazetteer lacks (on local US news it is as often a
  business, a party or a person as a hamlet).

A word the report uses in a person's name, or one the tagger gives an organisation or a nationality
("the Trump camp", "the Chelsea camp"), is not a local place.

What its coordinates mean: when the report relates it to a known town or district in the same
phrase ("..., 35 km west of El Obeid", "... near Goma", "... in Kalehe district"), the place takes
that town's point and ``precision = "near"`` (the exports give ACLED geo-precision 2, UCDP
where_prec 3); otherwise it has no coordinates (``precision = "unlocated"``: the exports leave
them empty) and only a country — the one of the known place it is related to, else of the other
places its sentence names, else the one country the report's places agree on.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from .base import Analysis, PlaceMention, children_of, token_table
from .gazetteer import get_gazetteer
from .number_words import ordinal_value
from .place_lexicon import CUES, NAME_PARTICLES, Cand
from .place_refs import DIRECTION, person_names

__all__ = ["OF_HEADS", "local_candidates", "repeated_locals", "placed_by_structure", "local_extent", "locate", "NEAR", "UNLOCATED", "local_feature"]

#: precision of a local place that takes the point of the known place the report locates it by
NEAR = "near"
#: precision of a local place without coordinates
UNLOCATED = "unlocated"

#: place nouns that govern a name with "of": "the village of X"
OF_HEADS = frozenset({"village", "town", "city", "camp", "district", "locality", "township", "settlement",
                       "suburb", "neighbourhood", "neighborhood", "hamlet", "oasis", "commune", "municipality",
                       "territory", "island", "port", "parish"})
#: place nouns a name modifies: "Zamzam camp", "Masisi territory"
_AFTER_HEADS = frozenset({"camp", "village", "well", "township", "territory", "district", "settlement", "locality",
                          "suburb", "neighbourhood", "neighborhood", "hamlet", "oasis", "island", "area", "colliery", "mine", "quarry"})
#: local words for an administrative unit, written after its name ("Ukhiya upazila", "Kapisa tehsil",
#: "Chiro woreda", "Barangay ..."): the tagger knows neither, so the noun counts whatever part of speech
#: it guesses, and a nationality it guesses for the name is no nationality
_ADMIN_UNITS = frozenset({"upazila", "upazilla", "tehsil", "taluka", "taluk", "mandal", "woreda", "kebele",
                          "barangay", "raion", "rayon", "hromada", "commune", "municipality", "subdistrict",
                          "sub-district", "sub-county", "subcounty", "prefecture", "wilaya", "daira"})
#: the words of an administrative unit a name written capitalised before them makes an official name
#: ("Qiaolin County", "Malika Rural Municipality", "Valley Shire")
_NAMED_UNITS = _ADMIN_UNITS | frozenset({"county", "district", "township", "shire", "parish", "province"})
#: the gazetteer's features a unit's name may not have for the unit to be one it lacks
_SETTLED = frozenset({"country", "admin1", "admin2", "city"})
#: a noun between the name and a site noun: "the Ain Zara detention centre", "Bulengo displacement site",
#: "Kamukunji trading centre"
_SITE_MODIFIERS = frozenset({"refugee", "refugees", "displacement", "displaced", "detention", "idp", "transit",
                             "reception", "migrant", "migrants", "trading", "shopping"})
_SITE_HEADS = frozenset({"camp", "camps", "site", "centre", "center"})
#: the words :func:`_after_head` may start at
_HEAD_WORDS = _AFTER_HEADS | _ADMIN_UNITS | _SITE_MODIFIERS
_WORKINGS = frozenset({"colliery", "mine", "quarry"})
#: prepositions that say where something happened: "in X, Y", "near X, Y"
_LOCATIVE = frozenset({"in", "near", "outside", "at"})
#: prepositions that place a tagger's place by another: "near Salgaa", "outside Tawila"
_NEAR = frozenset({"near", "outside"})
#: units of a distance that places a name offshore: "12 nautical miles off X", "5 km off X"
_DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mi", "nm"})
#: lower-case words inside a name ("Ain al-Asad", "Bajo de la Cruz")
_PARTICLES = NAME_PARTICLES
_STOP = CUES["stop_caps"] | CUES["directions"]
#: words that make a tagger's place entity a part of a known place, a facility or a polity, not a
#: settlement's own name
_NOT_NAME_WORDS = (CUES["directions"] | CUES["civic_after"] | CUES["place_after"] | CUES["institutions"]
                   | frozenset({"northeast", "northwest", "southeast", "southwest", "n", "s", "e", "w", "empire",
                                "kingdom", "republic", "park", "common", "square", "harbor", "harbour", "valley",
                                "river", "lake", "falls", "creek", "brook", "stream", "bayou", "county", "parish", "garden", "gardens",
                                "mall", "plaza",
                                "township", "state"}))
#: the tagger's labels of things, not of people or groups
_THINGS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT"})
#: a word before "of" that places a name by another's ("north-east of X", "the outskirts of X")
_DIRECTION_OF = re.compile(rf"^(?:{DIRECTION}|outskirts|edge|heart)$")
#: what an appositive says: "Masisi, a town in ...", "Qutayfah, 40 km north-east of ..."
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:village|town|camp|settlement|locality|"
                         r"hamlet|suburb|district|oasis|township)(?=\s*[,.;]|\s+(?:in|near|of|outside|on|north|south|"
                         r"east|west|about|some|\d))|(?:about\s+|some\s+|around\s+)?\d[\d.,]*\s*"
                         r"(?:km|kilometres|kilometers|miles|mi)\b)")
#: the possessive between a known place and a local one of its parts ("Rotterdam's Europoort area")
_POSSESSIVE = re.compile(r"['’]s?\s+(?:the\s+)?")
#: a clause that says where a name lies: "Tawila lies 60 km west of El Fasher"
_LIES = re.compile(r"\s+(?:lies|sits|is\s+(?:located|situated))\s+(?:about\s+|some\s+|around\s+)?\d[\d.,]*\s*"
                   r"(?:km|kilometres|kilometers|miles|mi)\b")
#: the words between a local place and the known place that locates it
_ANCHOR_GAP = re.compile(
    r"\s*,?\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:village|town|camp|settlement|locality|hamlet|suburb|"
    r"district|oasis|township|site)\s+)?(?:(?:about|some|around|roughly|nearly|just)\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi|nautical\s+miles)\s+)?"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+(?:of|from)|near|outside|"
    r"in|close\s+to|from|of)?\s*(?:the\s+)?(?:(?:town|city|district)\s+of\s+)?")
_FEATURES = {"village": "village", "hamlet": "village", "town": "town", "city": "town", "camp": "camp",
             "camps": "camp", "well": "well", "oasis": "oasis", "township": "district", "territory": "district",
             "district": "district", "commune": "district", "municipality": "district", "parish": "district", "island": "island",
             "settlement": "village", "suburb": "suburb", "neighbourhood": "suburb", "neighborhood": "suburb",
             "outskirts": "suburb", "site": "site", "centre": "site", "center": "site",
             **{w: "district" for w in _ADMIN_UNITS}}


def _name_word(text: str, lower: str) -> bool:
    return text[:1].isupper() and lower not in _STOP or lower in _PARTICLES


def _run_after(doc: Doc, i: int, limit: int = 6) -> int:
    """The end of the name that starts at token ``i`` (``i`` when no name starts there)."""
    tk = token_table(doc)
    if i >= len(doc) or not tk.text[i][:1].isupper() or tk.lower[i] in _STOP or tk.punct[i]:
        return i
    j = i + 1
    while j < len(doc) and j - i < limit:
        glued = tk.text[j - 1] in ("-", "’", "'") and doc[j - 2].whitespace_ == "" and tk.text[j][:1].isalpha()
        hyphen = tk.text[j] in ("-", "’", "'") and doc[j].whitespace_ == "" and j + 1 < len(doc) \
            and tk.text[j + 1][:1].isalpha()
        if not (glued or hyphen or _name_word(tk.text[j], tk.lower[j]) and not tk.punct[j]):
            break
        j += 1  # "Um Sumeima", "Hay-on-Wye"
    while j > i + 1 and tk.lower[j - 1] in _PARTICLES:
        j -= 1
    return j


def _run_before(doc: Doc, j: int, limit: int = 4) -> int:
    """The start of the name that ends before token ``j`` (``j`` when none ends there)."""
    tk = token_table(doc)
    i = j
    while i > 0 and j - i < limit and (_name_word(tk.text[i - 1], tk.lower[i - 1]) and not tk.punct[i - 1]
                                       or tk.text[i - 1] in ("-",) and doc[i - 1].whitespace_ == ""):
        i -= 1
    while i < j and (tk.lower[i] in _PARTICLES or not tk.text[i][:1].isupper()):
        i += 1
    return i


def _not_a_person_or_group(analysis: Analysis, i: int, j: int, *, strong: bool, headed: bool = False,
                           unit: bool = False) -> bool:
    """Whether tokens [i, j) may name a place: no word the report uses in a person's name; with a
    weak cue also no organisation or nationality the tagger sees there (before a place noun, a
    product, work or event label is the tagger's guess at an unknown word: "from Nduta camp").
    ``unit``: before a local administrative unit's word ("Ukhiya upazila"), where a nationality is
    the tagger's guess at an unknown name unless the gazetteer knows it as one."""
    doc, tk = analysis.doc, token_table(analysis.doc)
    if _person_elsewhere(analysis, i, j):
        return False
    if i > 0 and tk.lower[i - 1].rstrip(".") in CUES["titles"]:
        return False
    labels = {tk.ent_type[k] for k in range(i, j)}
    if unit and get_gazetteer().demonym(doc[i:j].text) is None:
        labels.discard("NORP")
    if strong:
        return not labels & {"NORP", "DATE", "TIME", "MONEY"}
    return not labels & ({"ORG", "NORP", "PERSON", "DATE", "TIME", "MONEY"} | (set() if headed else _THINGS)) \
        or all(doc[k].ent_type_ == "PERSON" for k in range(i, j)) and j - i == 1 and doc[i].ent_iob_ == "B" \
        and (j >= len(doc) or doc[j].ent_iob_ != "I")


def _person_elsewhere(analysis: Analysis, i: int, j: int) -> bool:
    """Whether a word of tokens [i, j) is part of a personal name elsewhere in the report ("the
    Trump camp" beside "Donald Trump"; not the village the tagger alone calls a person)."""
    tk = token_table(analysis.doc)
    words = set(tk.text[i:j]) & person_names(analysis)
    if not words:
        return False
    return any(ent.label_ == "PERSON" and (ent.end <= i or ent.start >= j) and words & set(tk.text[ent.start:ent.end])
               for ent in tk.ents) or any(tk.text[k] in words and k > 0 and tk.lower[k - 1].rstrip(".") in CUES["titles"]
                                          for k in range(len(tk.text)))


def _organisation_elsewhere(analysis: Analysis, i: int, j: int) -> bool:
    """Whether the tagger calls the words of tokens [i, j) an organisation elsewhere in the report."""
    tk = token_table(analysis.doc)
    name = tk.text[i:j]
    return any(ent.label_ == "ORG" and (ent.end <= i or ent.start >= j) and tk.text[ent.start:ent.end] == name
               for ent in tk.ents)


def _a_faction(doc: Doc, j: int) -> bool:
    """Whether the "camp" at token ``j`` is a side that speaks or acts ("the Remain camp lost the
    vote", "the Manchester United camp said"), not a place."""
    return doc[j].lower_ == "camp" and doc[j].dep_ in ("nsubj", "nsubjpass")


#: site nouns that, capitalised before a number, name one camp of a settlement of camps ("Camp 5" of Kutupalong)
_NUMBERED_SITES = frozenset({"camp"})
_SITE_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?")


def _numbered_site(doc: Doc, i: int) -> bool:
    """Whether tokens i, i + 1 are a numbered site ("Camp 5", "Camp 14E"): a capitalised site noun and
    a short number, no name going on after it ("Camp 5 Road") and no "of" before it ("a team of ...")."""
    tk = token_table(doc)
    if i + 1 >= len(doc) or tk.lower[i] not in _NUMBERED_SITES or not tk.text[i][:1].isupper() \
            or not _SITE_NUMBER.fullmatch(tk.text[i + 1]):
        return False
    if i + 2 < len(doc) and tk.text[i + 2][:1].isupper() and not tk.punct[i + 2]:
        return False
    return _camp_setting(doc, i)


#: prepositions that put something in, at or through a site ("a fire tore through Camp 11", "from Camp 5")
_SITE_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "through", "inside", "outside", "across",
                         "around", "within", "between", "of"})
#: words of a setting of camps: people displaced, sheltered or seeking refuge
_CAMP_SETTING = frozenset({"refugee", "displace", "displacement", "idp", "asylum", "shelter", "humanitarian"})


def _camp_setting(doc: Doc, i: int) -> bool:
    """A numbered camp is a place after a preposition of place, or in a report of refuge or displacement,
    unless a common noun or an owner names it ("the singer Camp 11", "the company's Camp 11 programme")."""
    tk = token_table(doc)
    if i > 0 and tk.pos[i - 1] == "ADP" and tk.lower[i - 1] in _SITE_PREPS:
        return True
    if _named_by_noun(doc, i) or (i > 0 and tk.lower[i - 1] in ("'s", "’s")):
        return False
    return any(t.lemma_.lower() in _CAMP_SETTING for t in doc)


def _named_by_noun(doc: Doc, i: int) -> bool:
    """Whether the name at token ``i`` follows a common noun that says what it is ("the tanker Sea
    Princess", "the striker Kane"): a ship, a person or a thing so named, unless the noun is a place's."""
    tk = token_table(doc)
    return i > 0 and tk.pos[i - 1] == "NOUN" and tk.text[i - 1].islower() \
        and tk.lower[i - 1] not in _FEATURES and tk.lower[i - 1] not in OF_HEADS


def _after_head(doc: Doc, j: int) -> tuple[int, str] | None:
    """The place noun a name ending before token ``j`` modifies: (end of the phrase, the noun)."""
    tk = token_table(doc)
    if j >= len(doc):
        return None
    if tk.lower[j] in _AFTER_HEADS and tk.text[j].islower() and tk.pos[j] == "NOUN":
        if _a_faction(doc, j):
            return None
        return j + 1, tk.lower[j]
    if tk.lower[j] in _ADMIN_UNITS and tk.text[j].islower():
        return j + 1, tk.lower[j]
    if tk.lower[j] in _SITE_MODIFIERS and j + 1 < len(doc) and tk.lower[j + 1] in _SITE_HEADS:
        return j + 2, tk.lower[j + 1]
    return None


def _proper_name(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) are a proper name, not an acronym ("UNAMID") or a capitalised common
    word ("School district", "Fourth-district")."""
    tk = token_table(doc)
    words = [k for k in range(i, j) if tk.lower[k] not in _PARTICLES and tk.lower[k] not in ("'s", "’s")]
    return bool(words) and all(tk.pos[k] == "PROPN" and not tk.text[k].isupper() for k in words)


def local_feature(doc: Doc, c: Cand) -> str:
    """What kind of place a local name is, from its place noun ("camp", "village"), else "locality"."""
    tk = token_table(doc)
    if _numbered_site(doc, c.tok_start):
        return _FEATURES[tk.lower[c.tok_start]]
    for k in (c.tok_end - 1, c.tok_start - 2, c.tok_end, c.tok_end + 1):
        if 0 <= k < len(doc) and tk.lower[k] in _FEATURES and (k != c.tok_start - 2 or tk.lower[k + 1] == "of"):
            return _FEATURES[tk.lower[k]]
    return "locality"


def local_candidates(analysis: Analysis, taken: list[bool]) -> list[Cand]:
    """Names no other candidate covers that a place noun governs or heads, that a distance puts a
    coast off ("12 nautical miles off X"), or that an appositive
    says is a village or lies some kilometres from somewhere."""
    doc, text = analysis.doc, analysis.text
    tk = token_table(doc)
    out: list[Cand] = []
    n = len(doc)
    for k in range(n - 2):
        of_head = tk.lower[k] in OF_HEADS and tk.lower[k + 1] == "of"
        off_head = tk.lower[k + 1] == "off" and tk.lower[k] in _DISTANCE_UNITS  # "12 nautical miles off Gavdos"
        at_head = tk.lower[k + 1] == "at" and (tk.lower[k] in ("checkpoint", "crossing") or k > 0 and tk.lower[k] in _SITE_HEADS
                                                 and tk.lower[k - 1] in _SITE_MODIFIERS)  # "a displacement site at Kalengera"
        if (of_head or at_head or off_head) and tk.pos[k] == "NOUN":
            i, j = k + 2, _run_after(doc, k + 2)
            if j > i and not any(taken[i:j]) and _not_a_person_or_group(analysis, i, j, strong=True) \
                    and not (at_head and j < n and tk.text[j][:1].isupper()):     # not "at Stanford University"
                out.append(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, "", (), "LOCAL"))
                taken[i:j] = [True] * (j - i)
    for j in range(1, n):
        if tk.lower[j] not in _HEAD_WORDS:
            continue    # no place noun there (the first test of :func:`_after_head`, read without the call)
        head = _after_head(doc, j)
        if head is None or taken[j - 1]:
            continue
        i = _run_before(doc, j)
        # "X refugee camp", "X trading centre": no team or faction is so named, unless the report
        # names an organisation so elsewhere ("Apple said ... the Apple shopping centre"); nor "the Carrowdale quarry"
        site = (head[0] - j == 2 and tk.text[j + 1].islower() or tk.lower[j] in _WORKINGS) and tk.text[j].islower() \
            and not _organisation_elsewhere(analysis, i, j)
        unit = head[1] in _ADMIN_UNITS
        if i < j and not any(taken[i:j]) and _proper_name(doc, i, j) \
                and _not_a_person_or_group(analysis, i, j, strong=site or unit, headed=True, unit=unit):
            end = head[0]
            out.append(Cand(doc[i].idx, doc[end - 1].idx + len(doc[end - 1]), i, end, "", (), "LOCAL"))
            taken[i:end] = [True] * (end - i)
    out += _before_a_larger_place(analysis, taken)
    for i in range(n - 1):
        if tk.lower[i] in _NUMBERED_SITES and _numbered_site(doc, i) and not any(taken[i:i + 2]):
            out.append(Cand(doc[i].idx, doc[i + 1].idx + len(doc[i + 1]), i, i + 2, "", (), "LOCAL"))
            taken[i:i + 2] = [True, True]
    out += _list_labels_beside_places(analysis, taken)
    for i in range(n):
        if not tk.text[i][:1].isupper():
            continue    # no name starts there (:func:`_run_after`'s first test)
        j = _run_after(doc, i)
        if j == i or any(taken[i:j]) or i > 0 and tk.text[i - 1][:1].isupper() and not tk.punct[i - 1]:
            continue
        after = doc[j - 1].idx + len(doc[j - 1])
        lies = _LIES.match(text, after) is not None  # a clause that says where it lies: a strong cue
        if (lies or _APPOSITIVE.match(text, after)) and not _named_by_noun(doc, i) \
                and _not_a_person_or_group(analysis, i, j, strong=lies):
            out.append(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, "", (), "LOCAL"))
            taken[i:j] = [True] * (j - i)
    return out


#: a list line that gives a figure for a label: "- Mogincual: 8", "• Sennar: 14 killed"
_LABEL_LINE = re.compile(r"^[ \t]*[-•*–][ \t]+([A-Z][^\n:]{0,40}?):[ \t]*\d", re.MULTILINE)
#: the heading of a list of figures by place: "Deaths by district, as reported by INGD:"
_BY_PLACE = re.compile(r"\bby\s+(?:district|county|province|region|state|town|city|village|municipality|"
                       r"commune|governorate|prefecture|country|locality|area|island|parish|ward)\b", re.IGNORECASE)


def _list_labels_beside_places(analysis: Analysis, taken: list[bool]) -> list[Cand]:
    """The labels of the lines of a list whose heading gives figures by place ("Deaths by
    district:" over "- Angoche: 19 / - Mogincual: 8"): each label is a place, known or not."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    for m in _LABEL_LINE.finditer(text):
        if not _under_a_by_place_heading(text, m.start()):
            continue
        sp = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if sp is None or not len(sp) or any(taken[sp.start:sp.end]) or not _capitalised_name(sp):
            continue
        out.append(Cand(sp.start_char, sp.end_char, sp.start, sp.end, "", (), "LOCAL"))
        taken[sp.start:sp.end] = [True] * len(sp)
    return out


def _under_a_by_place_heading(text: str, line_start: int) -> bool:
    """Whether the list line at ``line_start`` follows, with only list lines between, a heading
    line that gives figures by place."""
    lines = text[:line_start].rstrip("\n").split("\n")
    for line in reversed(lines[-12:]):
        if not line.strip():
            return False
        if not _LABEL_LINE.match(line):
            return _BY_PLACE.search(line) is not None
    return False


def _capitalised_name(span) -> bool:
    """Whether a label is written as a name: each word capitalised (particles aside), no acronym
    and no stop word ("Total", "Other")."""
    words = [t for t in span if t.lower_ not in _PARTICLES]
    return bool(words) and all(t.text[:1].isupper() and not t.text.isupper() and t.is_alpha and t.lower_ not in _STOP
                               for t in words)


def _before_a_larger_place(analysis: Analysis, taken: list[bool]) -> list[Cand]:
    """Names a locative preposition governs that a comma puts before the place that holds them ("in
    KwaThema, Ekurhuleni, on Tuesday", "in Bariire, in the Lower Shabelle region"): the "town,
    region" way of writing a place."""
    doc, tk = analysis.doc, token_table(analysis.doc)
    out: list[Cand] = []
    for k in range(len(doc) - 3):
        if tk.lower[k] not in _LOCATIVE or tk.pos[k] != "ADP":
            continue    # the preposition :func:`_in_a_larger_place` needs, read before the name's extent
        i, j = k + 1, _run_after(doc, k + 1)
        if j > i and not any(taken[i:j]) and not _a_facility(doc, i, j) and _in_a_larger_place(analysis, i, j, taken) \
                and _proper_name(doc, i, j) \
                and _not_a_person_or_group(analysis, i, j, strong=True) and "PERSON" not in tk.ent_type[i:j]:
            out.append(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, "", (), "LOCAL"))
            taken[i:j] = [True] * (j - i)
    return out


def _a_facility(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) name a facility, a body or a part of a place, not a settlement ("St Ivo
    School", "Northeast Georgia")."""
    tk = token_table(doc)
    return any(tk.lower[k].rstrip(".") in _NOT_NAME_WORDS for k in range(i, j))


def _in_a_larger_place(analysis: Analysis, i: int, j: int, taken: list[bool] | None = None) -> bool:
    """Whether the name of tokens [i, j) follows a locative preposition and a comma puts it before
    a place the tagger (or an earlier candidate) sees, where the phrase ends: "in X, Y," "near X,
    in the Y region"."""
    doc, tk = analysis.doc, token_table(analysis.doc)
    n = len(doc)
    if i == 0 or tk.lower[i - 1] not in _LOCATIVE or tk.pos[i - 1] != "ADP" or j + 1 >= n or tk.text[j] != ",":
        return False
    a = j + 1
    if tk.lower[a] == "in":
        a += 1
    if a < n and tk.lower[a] == "the":
        a += 1
    y = _run_after(doc, a)
    if y == a or not all(tk.ent_type[m] in ("GPE", "LOC") or taken is not None and taken[m] for m in range(a, y)):
        return False
    return y >= n or tk.punct[y] or tk.text[y].islower() and tk.lower[y] not in ("'s", "’s")


def repeated_locals(analysis: Analysis, found: list[Cand], taken: list[bool]) -> list[Cand]:
    """The other mentions of a local place's name, without its place noun: "the village of Deleig"
    ... "residents of Deleig", "Nduta camp" ... "left Nduta" — a whole capitalised name (no
    capitalised word on either side), not a word of a personal name."""
    doc, tk = analysis.doc, token_table(analysis.doc)
    names: set[tuple[str, ...]] = set()
    for c in found:
        j = c.tok_end
        while j > c.tok_start + 1 and tk.text[j - 1].islower():
            j -= 1      # "Nduta" of "Nduta camp"
        if not (c.tok_start < j and all(tk.text[k][:1].isupper() or tk.lower[k] in _PARTICLES for k in range(c.tok_start, j))):
            continue
        if not set(tk.text[c.tok_start:j]) & person_names(analysis):
            names.add(tuple(tk.text[c.tok_start:j]))
    out: list[Cand] = []
    n = len(doc)
    for name in names:
        size = len(name)
        for i in range(n - size + 1):
            j = i + size
            if tuple(tk.text[i:j]) != name or any(taken[i:j]) or i > 0 and _name_word(tk.text[i - 1], tk.lower[i - 1]) \
                    and not tk.punct[i - 1] or j < n and tk.text[j][:1].isupper() and not tk.punct[j]:
                continue
            out.append(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, "", (), "LOCAL"))
            taken[i:j] = [True] * size
    return out


def local_extent(analysis: Analysis, c: Cand) -> tuple[int, int]:
    """The character span of a local place: the name with the place noun it modifies, if any
    ("Karbeesh" + "camp")."""
    doc = analysis.doc
    head = _after_head(doc, c.tok_end) if c.label != "LOCAL" else None
    if head is None:
        return c.start, c.end
    last = doc[head[0] - 1]
    return c.start, last.idx + len(last)


def placed_by_structure(analysis: Analysis, c: Cand) -> bool:
    """Whether a place entity of the tagger the gazetteer does not know stands where a place stands:
    after a locative preposition ("relocated to Tawila", "north of Zuwara"), before a place noun
    ("Tabayin township") or an appositive ("Masisi, a town in ...")."""
    if c.label == "LOCAL" or c.tok_end == c.tok_start + 2 and _numbered_site(analysis.doc, c.tok_start):
        return True     # a numbered camp is a site whatever the tagger calls it ("Camp 11": a facility)
    if c.label not in ("GPE", "LOC"):
        return False  # a facility ("the County Jail", "Griffith Park") is no settlement
    doc, tk = analysis.doc, token_table(analysis.doc)
    i, j = c.tok_start, c.tok_end
    if _a_named_unit(analysis, i, j):
        return True     # "Qiaolin County", "Malika Rural Municipality": a unit of a country the gazetteer lacks
    if j - i > 4 or any(tk.lower[k].rstrip(".") in _NOT_NAME_WORDS and not (k == j - 1 and tk.lower[k] in _AFTER_HEADS)
                        for k in range(i, j)):
        return False  # "Northeast Georgia", "the Russian Empire", "Columbus East": no settlement's own name
    if not all(tk.text[k][:1].isupper() or tk.lower[k] in _PARTICLES or not tk.text[k][:1].isalpha()
               or k == j - 1 and k > i and tk.lower[k] in _FEATURES for k in range(i, j)):
        return False
    if not _not_a_person_or_group(analysis, i, j, strong=True):
        return False
    # a place noun of its own at the end: lower-case ("Pazigyi village") or a physical feature ("St. Martin's
    # Island"); a capitalised "District" or "Township" is an official name the gazetteer would know
    headed = j - i > 1 and tk.lower[j - 1] in _AFTER_HEADS and (tk.text[j - 1].islower() or tk.lower[j - 1] == "island")
    if not _proper_name(doc, i, j - 1 if headed else j):
        return False
    before = i - 1 if i > 0 and tk.lower[i - 1] != "the" else i - 2
    if before > 0 and tk.lower[before] == "of" and (_DIRECTION_OF.match(tk.lower[before - 1]) or tk.lower[before - 1] in OF_HEADS):
        return True  # "20 km north of X", "the town of X"; a bare "in X" is too weak a cue for a name the gazetteer lacks
    if i > 0 and tk.lower[i - 1] in _NEAR and (j >= len(doc) or tk.lower[j] not in ("'s", "’s")):
        return True  # "near Salgaa", "outside Tawila"; not "near Smith's farm"
    if headed or _in_a_larger_place(analysis, i, j):
        return True  # "Pazigyi village", "St. Martin's Island", "in Bariire, in the Lower Shabelle region"
    if _after_head(doc, j) is not None or j < len(doc) and tk.lower[j] in _SITE_HEADS and not _a_faction(doc, j):
        return True
    return (_APPOSITIVE.match(analysis.text, c.end) or _LIES.match(analysis.text, c.end)) is not None \
        and not _named_by_noun(doc, i)


def _an_ordinal(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", word)) or not word[:1].isdigit() and ordinal_value(word) is not None


def _a_named_unit(analysis: Analysis, i: int, j: int) -> bool:
    """Whether the tagger's place [i, j) is a proper name and the capitalised word of an
    administrative unit after it ("Qiaolin County", "Turkana County", "Malika Rural Municipality",
    "Hlaing Tharyar Township"), not a numbered one ("the Fourth Congressional District", "the 4th
    ..."): the gazetteer holds the first-level regions and the towns, not the counties, districts
    and municipalities of most countries, and the unit's word says it is one."""
    tk = token_table(analysis.doc)
    if not 2 <= j - i <= 4 or tk.lower[j - 1] not in _NAMED_UNITS or not tk.text[j - 1][:1].isupper():
        return False
    if any(tk.lower[k].rstrip(".") in _NOT_NAME_WORDS for k in range(i, j - 1)) \
            or any(_an_ordinal(tk.lower[k]) for k in range(max(i - 1, 0), j - 1)):
        return False
    if any(e.feature in _SETTLED for e in get_gazetteer().lookup(analysis.doc[i:j - 1].text)):
        return False    # "the Edwardsville District": a district of a known town, named after it
    return _proper_name(analysis.doc, i, j - 1) and _not_a_person_or_group(analysis, i, j - 1, strong=True, unit=True)


def _anchor(analysis: Analysis, local: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The known place the report relates a local place to in the same phrase ("..., 35 km west of
    El Obeid", "... near Goma", "... in Kalehe district"): the first one after it, if the words
    between say so."""
    text = analysis.text
    after = [p for p in places if p.sent_i == local.sent_i and p.span[0] >= local.span[1] and p.kind == "name"
             and p.precision not in (NEAR, UNLOCATED)]
    if not after:
        return None
    first = min(after, key=lambda p: p.span[0])
    gap = text[local.span[1]:first.span[0]]
    if len(gap) > 60 or not _ANCHOR_GAP.fullmatch(gap):
        return None
    return first


def _country(analysis: Analysis, local: PlaceMention, places: list[PlaceMention]) -> str | None:
    """The country of a local place no known town locates: of the nearest place its sentence names
    (no origin, no source's seat), else the one country the report's places agree on most."""
    named = _demonym_of_noun(analysis, local)
    if named:
        return named
    known = [p for p in places if p.country and p.precision not in (NEAR, UNLOCATED) and p.feature != "border"
             and p.kind == "name" and p.role != "origin"]
    same = [p for p in known if p.sent_i == local.sent_i]
    if same:
        return min(same, key=lambda p: abs(p.span[0] - local.span[0])).country
    tally = Counter(p.country for p in known).most_common(2)
    if not tally or len(tally) == 2 and tally[0][1] == tally[1][1]:
        return None
    return tally[0][0]


def _demonym_of_noun(analysis: Analysis, local: PlaceMention) -> str | None:
    """The country a nationality word on the local place's noun names: "the Libyan oasis of Qatrun"."""
    chunk = analysis.doc.char_span(local.span[0], local.span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    root = chunk.root
    nouns = [root, root.head.head] if root.head.lower_ == "of" else [root]
    gaz = get_gazetteer()
    for noun in nouns:
        for child in children_of(noun):
            if child.dep_ in ("amod", "compound") and child.i < chunk.start and child.text[:1].isupper():
                cc = gaz.demonym(child.text)
                if cc:
                    return cc
    return None


def locate(analysis: Analysis, places: list[PlaceMention]) -> None:
    """Give each local place (precision ``unlocated`` as found) its country, and the point of the
    town or district the report locates it by (precision ``near``), in place."""
    for p in places:
        if p.precision != UNLOCATED:
            continue
        anchor = _anchor(analysis, p, places) or _possessor(analysis, p, places)
        if anchor is not None and anchor.feature in ("city", "admin2") and anchor.lat is not None:
            p.lat, p.lon, p.precision, p.country = anchor.lat, anchor.lon, NEAR, anchor.country
        elif anchor is not None and anchor.country and anchor.feature != "border":
            p.country = anchor.country
        else:
            p.country = _country(analysis, p, places)


def _possessor(analysis: Analysis, local: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """The known place whose possessive a local place follows, the place it is part of: "Rotterdam's
    Europoort area", "Goma's Kyeshero district"."""
    text = analysis.text
    for p in places:
        if p.sent_i == local.sent_i and p.kind == "name" and p.precision not in (NEAR, UNLOCATED) \
                and p.span[1] <= local.span[0] and _POSSESSIVE.fullmatch(text, p.span[1], local.span[0]):
            return p
    return None
