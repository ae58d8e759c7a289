"""Toponyms: find place mentions, resolve them against the offline gazetteer, give each a role.

Candidates come from spaCy's GPE/LOC/FAC entities and from a gazetteer scan over capitalised token
runs (so "Zakarpattia" is found even when the tagger calls it a person), border phrases ("the
Polish-Belarusian border"), and "the country" referring back to the last country named. Each
candidate is resolved by scoring its gazetteer entries: importance (population / rank), countries
already mentioned in the article, feature-type cues ("river", "mountains", "oblast"), and
containment ("Mukachevo, Zakarpattia"). Roles come from the dependency parse: ``origin`` ("from
Belarus", "fled Ukraine"), ``destination`` ("into Poland", "fled to Kazakhstan", "seek refuge in"),
``source_location`` ("a publication headquartered in Latvia", "a Riga-based outlet"), else
``event``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .base import Analysis, PlaceMention, Stage, children_of, doc_text, governing_predicate, token_table
from .gazetteer import Entry, get_gazetteer, haversine_km
from .layout import DATELINE_TOWN, OPENING_DATELINE, headline
from .place_candidates import CUES, PRECISION, Cand, candidates
from .place_lexicon import ANAPHORS
from .place_local import OF_HEADS, UNLOCATED, local_extent, local_feature, locate, placed_by_structure
from .place_refs import refer_back
from .place_resolve import resolve, resolve_name

__all__ = ["find_places", "places_for", "resolve_name", "STAGE", "PRECISION", "institution_places"]

_DIRECTIONS = CUES["directions"]
_LOCATIVE = CUES["locative"]
_FROM_PREPS = CUES["from_preps"]
_TO_PREPS = CUES["to_preps"]
_MOTION = CUES["motion"]
_REFUGE = CUES["refuge"]
_ARRIVE = CUES["arrive"]
_LEAVE = CUES["leave"]
#: prepositions that place a place noun by a named one ("the coast near Preveza", "a camp outside Goma")
_BESIDE = frozenset({"near", "outside", "off", "around"})
#: common nouns of places, which a named place beside them locates ("the coast", "a camp", "the port")
_PLACE_NOUNS = frozenset(ANAPHORS) | OF_HEADS | frozenset({"shore", "beach", "harbour", "harbor"})
_REACH = CUES["reach"]
_SOURCE_VERBS = CUES["source_verbs"]
_SOURCE_NOUNS = CUES["source_nouns"]
_INSTITUTIONS = CUES["institutions"]
#: places a demonym locates in its country ("several Kenyan towns", "Syrian villages")
_SETTLEMENTS = frozenset({"town", "city", "village", "province", "region", "district", "county"})
_REPORTING = CUES["reporting"]
_PEOPLE = CUES["people_nouns"]
#: a word's full stop inside a street match ("St. Patrick's Day. St."): two sentences, no street
_SENTENCE_BREAK = re.compile(r"[a-z]{2}\.\s")
_WEEKDAYS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})


def _role(doc, head_tok) -> str:
    t = head_tok
    # "a Riga-based outlet", "Latvia-based"
    nxt = doc[t.i + 1: t.i + 3]
    if len(nxt) == 2 and nxt[0].text in ("-", "–") and nxt[1].lower_ in ("based", "headquartered"):
        return "source_location"
    if t.dep_ in ("poss", "compound", "nmod"):
        h = t.head
        while h.dep_ == "compound" and h.head is not h:
            h = h.head
        if h.lower_ in _INSTITUTIONS or h.lower_ in _SOURCE_NOUNS:
            acting = h.dep_ in ("nsubj", "nsubjpass", "pobj") and h.head.lemma_.lower() not in _REPORTING \
                and (h.dep_ != "pobj" or h.head.dep_ == "agent")
            # "Polish police detained him": the event's place; "the UK's Ministry of Defence said",
            # "an adviser to Ukraine's State Border Service": where the source sits
            return "event" if acting else "source_location"
        t = t.head
    if t.dep_ == "appos" and _a_makers_name(t.head):
        return "source_location"    # "published by Diario de Occidente (Guadalajara)"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in OF_HEADS and t.head.head.dep_ == "pobj":
        t = t.head.head     # "from the Tunisian port of Sfax": the role of the port's phrase
    elif t.dep_ == "pobj" and t.head.lower_ in _BESIDE:
        t = _the_place_noun_beside(t.head) or t    # "left the Greek coast near Preveza": the coast's role
    if t.dep_ in ("pobj", "pcomp"):
        prep = t.head
        p = prep.lower_
        gov = prep.head
        lem = gov.lemma_.lower()
        if p == "of" and gov.lower_ in ("out",):
            return "origin"
        if p in _FROM_PREPS:
            return "origin"
        if lem in _SOURCE_VERBS or gov.lower_ in _SOURCE_VERBS:
            return "source_location"
        if p in _TO_PREPS:
            chain = [gov, gov.head, gov.head.head]
            if p == "into" or any(x.lemma_.lower() in _MOTION for x in chain):
                return "destination"
        if p in ("in", "at") and lem in _ARRIVE:
            return "destination"
        if p in ("in", "to") and (gov.lemma_.lower() in _REFUGE
                                  or any(ch.dep_ == "dobj" and ch.lemma_.lower() in _REFUGE for ch in children_of(gov))):
            return "destination"
        if p in ("in", "at") and gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() in _SOURCE_NOUNS:
            return "source_location"
        if p in ("in", "at") and _a_speaker_introduced(gov):
            return "source_location"    # "I'm Amina Odhiambo in Nairobi": where the speaker sits
    if t.dep_ == "dobj":
        lem = t.head.lemma_.lower()
        if lem in _LEAVE:
            return "origin"
        if lem in _REACH:
            return "destination"
    return "event"


def _the_place_noun_beside(prep: Token) -> Token | None:
    """The common noun of a place that a preposition's named place locates, when it is the object of
    a verb or preposition ("left the Greek coast near Preveza", "reached the shore off Lesbos", "fled
    to a camp outside Goma"), however the parser attaches the preposition: the named place then
    plays the noun's part, an origin or a destination, not the event's place."""
    gov = prep.head
    if gov.dep_ in ("dobj", "pobj") and gov.lemma_.lower() in _PLACE_NOUNS:
        return gov
    return next((c for c in children_of(gov) if c.dep_ == "dobj" and c.lemma_.lower() in _PLACE_NOUNS
                 and c.right_edge.i + 1 == prep.i), None)


#: the subjects of a speaker's self-introduction ("I'm ...", "This is ... in London")
_SELF = frozenset({"i", "we", "this"})


def _a_speaker_introduced(name: Token) -> bool:
    """Whether a person's name is what a speaker calls himself ("I'm Jane Doe in London", "This is
    Tom Lee at the studio"): the complement of "be" whose subject is "I", "we" or "this"."""
    verb = name.head
    return name.dep_ == "attr" and name.ent_type_ == "PERSON" and verb.lemma_ == "be" \
        and any(c.dep_ == "nsubj" and c.lower_ in _SELF for c in children_of(verb))


def _a_makers_name(name: Token) -> bool:
    """Whether a name is the maker of a text its verb publishes ("published by Diario de Occidente
    (Guadalajara)"): the object of "by" after a publishing verb, whose bracketed place is its seat."""
    prep = name.head
    return name.dep_ == "pobj" and prep.dep_ == "agent" and prep.head.lemma_.lower() in _SOURCE_VERBS


def find_places(analysis: Analysis) -> list[PlaceMention]:
    """Every place mention in the article, resolved and with a role (SPEC §2 ``places``)."""
    gaz = get_gazetteer()
    doc, text = analysis.doc, analysis.text
    cands = candidates(analysis, gaz)
    entries = resolve(analysis, cands, gaz)
    out: list[PlaceMention] = []
    dl_start, dl_end = _dateline(analysis)
    history: list[tuple[int, Entry, str]] = []  # (sentence, entry, kind) of the places resolved so far
    local_names = _placed_names(analysis, cands, entries)
    for k, c in enumerate(cands):
        if _a_weekday(analysis, c):
            continue
        sent_i = analysis.sent_index(c.start) if analysis.sentences else 0
        entry: Entry | None = c.entry
        if c.label in ("ANAPHOR", "BORDER_WITH", "STREET"):
            entry = refer_back(c, history, sent_i, gaz, text)
            if entry is None and c.label == "STREET":
                entry = _street_in_later_town(c, cands[k + 1:], entries[k + 1:], text) \
                    if _a_street_on_its_own(analysis, c) else None
        elif entry is None:
            entry = entries[k]
        if entry is None:
            if placed_by_structure(analysis, c) or c.label == "STREET" and _a_street_on_its_own(analysis, c) \
                    or _another_mention(analysis, c, local_names):
                out.append(_local(analysis, c, sent_i, (dl_start, dl_end)))  # a street of a town the gazetteer lacks
            continue
        if c.label == "GAZ" and entry.feature == "city" and entry.importance < 5.0 and not c.cue \
                and not _written_with_its_region(c, entry, cands[k + 1:k + 2], entries[k + 1:k + 2], text) \
                and not any(p.geonameid == entry.geonameid for p in out):    # a small town named again
            continue
        if c.kind != "embedded" and c.label != "STREET":
            history.append((sent_i, entry, c.kind))  # what "the country", "the border" may refer back to
        root = doc[c.tok_start:c.tok_end].root
        s, e = c.start, c.end
        out.append(PlaceMention(
            span=(s, e), text=text[s:e], name=entry.name, lat=entry.lat, lon=entry.lon,
            country=None if entry.feature == "border" else entry.cc, feature=entry.feature,
            geonameid=entry.geonameid, precision=PRECISION.get(entry.feature, "feature"),
            role=_role_at(doc, root, (c.start, c.end), (dl_start, dl_end)), sent_i=sent_i,
            head_i=governing_predicate(root).i, kind=c.kind,
        ))
        if entry.feature == "border":
            out[-1].country = entry.cc
            for ps, pe, cc in c.parts:  # "the Polish-Belarusian border": both countries too
                side = gaz.country(cc)
                if side is not None:
                    out.append(PlaceMention(
                        span=(ps, pe), text=text[ps:pe], name=side.name, lat=side.lat, lon=side.lon, country=cc,
                        feature="country", geonameid=side.geonameid, precision="country", role=out[-1].role,
                        sent_i=out[-1].sent_i, head_i=out[-1].head_i))
    _rivers_at_their_reach(analysis, out)
    locate(analysis, out)
    return out


def _written_with_its_region(c: Cand, town: Entry, nxt: list[Cand], nxt_entry: list[Entry | None], text: str) -> bool:
    """Whether a small town is written "<town>, <its region or country>" ("Kent, Ohio"): a place
    however small, also when a larger namesake region elsewhere was its first reading."""
    return bool(nxt and nxt_entry and nxt_entry[0] is not None and nxt_entry[0].feature in ("admin1", "country")
                and nxt_entry[0].cc == town.cc and text[c.end:nxt[0].start].strip() == ",")


def _street_in_later_town(c: Cand, later: list[Cand], entries: list[Entry | None], text: str) -> Entry | None:
    """A street named before any town: located at the first town (or county) the report names after it."""
    town = next((e for d, e in zip(later, entries) if e is not None and d.label not in ("ANAPHOR", "BORDER_WITH", "STREET")
                 and d.kind != "embedded" and e.feature in ("city", "admin2")
                 and not (d.label == "GAZ" and e.importance < 5.0 and not d.cue)), None)
    if town is None:
        return None
    return Entry("street", text[c.start:c.end], town.cc, town.lat, town.lon, 1.0, None)


def _a_street_on_its_own(analysis: Analysis, c: Cand) -> bool:
    """Whether a street no town locates is a place of its own: inside one sentence, and not part of
    an organisation's, a person's or a work's name ("Main Street Bank")."""
    doc = analysis.doc
    return not _SENTENCE_BREAK.search(analysis.text, c.start, c.end) and not any(
        doc[k].ent_type_ in ("ORG", "PERSON", "WORK_OF_ART") for k in range(c.tok_start, c.tok_end))


def _another_mention(analysis: Analysis, c: Cand, local_names: set[str]) -> bool:
    """Whether a tagger's place is another mention of a name the report places by structure, after
    a locative preposition ("the village of Kilwa Dara" ... "the clinic in Kilwa Dara")."""
    if c.label not in ("GPE", "LOC") or analysis.text[c.start:c.end] not in local_names:
        return False
    root = analysis.doc[c.tok_start:c.tok_end].root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _placed_names(analysis: Analysis, cands: list[Cand], entries: list[Entry | None]) -> set[str]:
    """The names the gazetteer lacks that the report places by structure somewhere ("the village of
    Kilwa Dara"): its other mentions the tagger calls places are that place too ("... in Kilwa Dara")."""
    return {analysis.text[c.start:c.end] for c, entry in zip(cands, entries)
            if c.label not in ("ANAPHOR", "BORDER_WITH", "STREET") and (c.entry or entry) is None
            and placed_by_structure(analysis, c)}


def _a_weekday(analysis: Analysis, c: Cand) -> bool:
    """Whether a one-word candidate is a weekday's abbreviation before a date ("Wed 3 Jun 2025"),
    not the place the same letters name."""
    if c.tok_end - c.tok_start != 1 or analysis.doc[c.tok_start].lower_.rstrip(".") not in _WEEKDAYS:
        return False
    return any(0 < t.span[0] - c.end <= 2 for t in analysis.times)


def _dateline(analysis: Analysis) -> tuple[int, int]:
    """The character range of the dateline that opens the report ("BERLIN, May 19 (dpa) -"): in its
    first paragraph, or in the second when the first is a headline, or a town in capitals opening one of
    the first paragraphs; (-1, -1) when there is none.
    A place it names is where the report was filed."""
    text, paragraphs = analysis.text, analysis.paragraphs
    opening = paragraphs[:2] if headline(text, paragraphs) else paragraphs[:1]
    for start, _ in opening:
        m = OPENING_DATELINE.match(text, start)
        if m:
            return start, m.end()
    for start, _ in paragraphs[:_DATELINE_PARAS]:
        # a town in capitals under a byline, a caption or a translator's note ("GUADALAJARA, Jalisco.-")
        m = OPENING_DATELINE.match(text, start) if DATELINE_TOWN.match(text, start) else None
        if m:
            return start, m.end()
    return next(((s, e) for s, e in paragraphs[:_DATELINE_PARAS] if _a_dateline_line(analysis, s, e)), (-1, -1))


#: how many opening paragraphs may hold a dateline on a line of its own (after a letterhead, a headline)
_DATELINE_PARAS = 4


def _a_dateline_line(analysis: Analysis, start: int, end: int) -> bool:
    """Whether a paragraph is a dateline on a line of its own: names and a day that closes it, no
    verb and no preposition ("Brussels, 1 July 2026", "News desk | LIMA | Thursday 9 July 2026"),
    so no event happened there — unlike a headline ("Floods in Kerala on 3 August")."""
    line = analysis.text[start:end].strip()
    if "\n" in line or len(line.split()) > 12:
        return False
    closing = [t for t in analysis.times if t.precision == "day" and start <= t.span[0] and t.span[1] <= end
               and not analysis.text[t.span[1]:end].strip()]
    if not closing:
        return False
    chunk = analysis.doc.char_span(start, closing[0].span[0], alignment_mode="contract")
    return chunk is not None and len(chunk) > 0 and any(t.pos_ == "PROPN" for t in chunk) \
        and not any(t.pos_ in ("VERB", "AUX", "ADP") for t in chunk)


def _role_at(doc: Doc, root: Token, span: tuple[int, int], dateline: tuple[int, int]) -> str:
    """A place's role: where the report was filed when its dateline holds it, where a thing is from
    when a bracketed field of it gives it, else from the parse."""
    if dateline[0] <= span[0] and span[1] <= dateline[1]:
        return "source_location"
    return "origin" if _BRACKETED_FIELD.search(doc_text(doc), max(0, span[0] - 40), span[0]) else _role(doc, root)


#: a bracketed field that describes the thing before it ("the ship Aurora (flag: Norway)", "the
#: firm (HQ: Geneva)"): where the thing is registered or from, not where the report's event was
_BRACKETED_FIELD = re.compile(r"\(\s*[A-Za-z][\w .-]{0,20}:\s*$")


def _local(analysis: Analysis, c: Cand, sent_i: int, dateline: tuple[int, int]) -> PlaceMention:
    """A place the gazetteer lacks, as written (its country and point: :func:`place_local.locate`)."""
    doc, text = analysis.doc, analysis.text
    root = doc[c.tok_start:c.tok_end].root
    s, e = local_extent(analysis, c)
    return PlaceMention(
        span=(s, e), text=text[s:e], name=text[s:e], lat=None, lon=None,
        country=None, feature="street" if c.label == "STREET" else local_feature(doc, c), precision=UNLOCATED,
        role=_role_at(doc, root, (s, e), dateline),
        sent_i=sent_i, head_i=governing_predicate(root).i)


#: how far from a long river's reference point the reach a report names may lie
_REACH_KM = 800.0


def _rivers_at_their_reach(analysis: Analysis, out: list[PlaceMention]) -> None:
    """A long river is placed where the report puts it: at the town or county named in the same
    paragraph ("the Rio Grande near Eagle Pass"), else the nearest town the report names within
    800 km of its reference point, for every mention of that river."""
    towns = [(t, (t.lat, t.lon)) for t in out
             if t.kind == "name" and t.feature in ("city", "admin2") and t.lat is not None and t.lon is not None]
    reach: dict[str, tuple[float, float]] = {}
    for p in out:
        if p.feature != "river" or p.lat is None or p.lon is None or p.name is None:
            continue
        para = analysis.paragraph_index(p.span[0])
        lat, lon = p.lat, p.lon
        near = [(t, at) for t, at in towns if haversine_km(at[0], at[1], lat, lon) < _REACH_KM]
        if near and p.name not in reach:
            # the town of its paragraph, else the nearest town the report names
            _town, at = min(near, key=lambda n: (analysis.paragraph_index(n[0].span[0]) != para,
                                                 abs(n[0].span[0] - p.span[0])))
            reach[p.name] = at
        if p.name in reach:
            p.lat, p.lon = reach[p.name]


def institution_places(analysis: Analysis, sent_i: int) -> list[PlaceMention]:
    """Countries located by a demonym on a state institution in the sentence ("Polish border
    police" -> Poland, role event): a demonym alone is not a place, its police acting is; nor are
    its towns ("protesters in several Kenyan towns" -> Kenya)."""
    gaz = get_gazetteer()
    s0, e0 = analysis.sentences[sent_i]
    out: list[PlaceMention] = []
    sentence = analysis.doc.char_span(s0, e0, alignment_mode="expand")
    if sentence is None:
        return out
    table = token_table(analysis.doc)
    deps, texts = table.dep, table.text
    for j in range(sentence.start, sentence.end):
        if deps[j] not in ("amod", "compound") or not texts[j][:1].isupper():
            continue
        tok = table.tokens[j]
        cc = gaz.demonym(tok.text)
        head = tok.head
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        if not cc or head.lower_ not in _INSTITUTIONS and head.lemma_.lower() not in _SETTLEMENTS:
            continue
        entry = gaz.country(cc)
        if entry is None:
            continue
        out.append(PlaceMention(
            span=(tok.idx, tok.idx + len(tok)), text=tok.text, name=entry.name, lat=entry.lat, lon=entry.lon,
            country=cc, feature="country", geonameid=entry.geonameid, precision="country", role="event",
            sent_i=sent_i, head_i=governing_predicate(head).i, kind="institution"))
    return out


def places_for(analysis: Analysis, sent_i: int, head_i: int | None = None) -> list[PlaceMention]:
    """The places of a claim: those its sentence names (and "the river" / "the border" it refers
    back to), the ones under the claim's predicate first, then the countries its counted people
    come from ("33,000 Haitians", "Iraqi migrants": role ``origin``); if the sentence names no
    place, a country located by "<demonym> police/authorities". A nationality word or a name inside
    an organisation's name is not where the claim happened."""
    mentions = [p for p in analysis.places if p.sent_i == sent_i]
    places = [p for p in mentions if p.kind in ("name", "anaphor")]
    origins = _origins(analysis, [p for p in mentions if p.kind == "demonym"], head_i)
    if not places:
        return origins or institution_places(analysis, sent_i)
    if all(p.role == "source_location" for p in places):    # "NAIROBI (AP) - Kenyan police shot ...": not the filing town
        places = places if origins else institution_places(analysis, sent_i) or places
    if head_i is None:
        return list(places) + origins
    doc = analysis.doc
    head = doc[head_i]
    clause = governing_predicate(head)
    places = [p for p in places if not _of_another_count(doc, p, head)]
    places = _each_figure_its_place(doc, places, head)
    places = [p for p in places if not _of_a_parts_clause(doc, p, head)]

    def inside(p: PlaceMention) -> int:
        tok = doc[p.head_i] if p.head_i is not None else None
        if tok is None:
            return 1
        if tok.i == clause.i or any(a.i == clause.i for a in tok.ancestors):
            return 0
        return 1

    return sorted(places, key=inside) + origins


def _figure_before(doc: Doc, p: PlaceMention) -> int | None:
    """The figure a place's phrase directly follows ("12 in Kerala", "30 people in Lagos"): the
    index of the number, or None."""
    chunk = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    k = chunk.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].dep_ != "prep" or doc[k].lower_ not in ("in", "at", "near", "across"):
        return None
    before = doc[k - 1]
    if before.pos_ == "PRON" and before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.like_num:
        before = before.head.head   # "41 of them in the Western Area"
    if before.like_num:
        return before.i
    return next((c.i for c in children_of(before) if c.dep_ == "nummod" and c.like_num), None) if before.pos_ == "NOUN" else None


def _each_figure_its_place(doc: Doc, places: list[PlaceMention], head: Token) -> list[PlaceMention]:
    """In a list of figures each with its place ("killed 12 in Kerala and 7 in Karnataka"), a figure
    takes only its own place, when it has one."""
    figures = {p.span: _figure_before(doc, p) for p in places}
    own = {head.i} | {c.i for c in children_of(head) if c.dep_ == "nummod"} | ({head.head.i} if head.dep_ == "nummod" else set())
    if not any(f in own for f in figures.values()):
        # the whole is not where its part is ("7 killed, including 3 in Koidu"; "143 arrested, 41
        # of them in the Western Area")
        return [p for p in places if (f := figures[p.span]) is None or not _a_part(doc[f])]
    return [p for p in places if figures[p.span] is None or figures[p.span] in own]


_PART_PREPS = frozenset({"including", "among", "excluding", "besides"})


def _of_a_parts_clause(doc: Doc, p: PlaceMention, head: Token) -> bool:
    """Whether a place stands in a clause told of a part of the claim's figure, not of the figure
    ("34 were admitted, of whom 6 were shifted to Rajkot"; "50 detained, and 12 of them were
    charged in Leeds")."""
    if p.head_i is None:
        return False
    verb = doc[p.head_i]
    subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not subject.like_num or verb.i == head.i or any(a.i == verb.i for a in head.ancestors):
        return False    # the claim's own figure is told in that clause ("the largest number to Romania (611)")
    of_whom = any(c.dep_ == "prep" and c.lower_ == "of" and c.i < subject.i
                  and any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in children_of(c)) for c in children_of(verb))
    return of_whom or _a_part(subject)


def _a_part(figure: Token) -> bool:
    """Whether a figure counts a part of another ("including 3", "among them 6", "41 of them",
    "two of whom")."""
    noun = figure.head if figure.dep_ == "nummod" else figure
    if noun.dep_ == "pobj" and noun.head.lower_ in _PART_PREPS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in children_of(c))
               for c in children_of(figure))


def _of_another_count(doc: Doc, p: PlaceMention, head: Token) -> bool:
    """Whether a place belongs to another count of the same list ("33,000 Haitians, 25,000
    Ecuadorians and 8,500 people from China": China is where the 8,500 come from, not the others)."""
    chunk = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    if chunk is None or not len(chunk):
        return False
    tok = chunk.root
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    noun = tok.head.head
    siblings = {c.i for c in head.conjuncts}
    return noun.i != head.i and noun.i in siblings and any(c.dep_ == "nummod" for c in children_of(noun))


def _origins(analysis: Analysis, demonyms: list[PlaceMention], head_i: int | None) -> list[PlaceMention]:
    """Countries of origin of the counted people: the demonym is the counted noun ("33,000
    Haitians"), modifies it ("Iraqi migrants", "Venezuelan citizens") or names its nationality
    ("migrants of Venezuelan nationality")."""
    if head_i is None or not demonyms:
        return []
    doc = analysis.doc
    head = doc[head_i]
    people = head.lemma_.lower() in _PEOPLE or head.lower_ in _PEOPLE
    out = []
    for p in demonyms:
        tok = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
        if tok is None:
            continue
        t = tok.root
        is_counted = t.i == head.i
        modifies = people and t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod")
        of_nationality = t.head.lower_ in _PEOPLE and t.head.head.lower_ == "of" and t.head.head.head.i == head.i
        if is_counted or modifies or of_nationality or (people and _predicated_of(t, head)):
            out.append(replace(p, role="origin"))
    return out


def _predicated_of(word: Token, head: Token) -> bool:
    """Whether a nationality word is the predicate of a copula whose subject is the counted people
    ("100,000 of the migrants were Venezuelans", "most of the migrants are of Afghan nationality")."""
    noun = word
    while noun.dep_ in ("amod", "compound") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep":
        noun = noun.head
    elif noun.dep_ not in ("attr", "acomp"):
        return False
    verb = noun.head
    if verb.lemma_.lower() != "be":
        return False
    return any(_counts(subject, head) for subject in children_of(verb)
               if subject.i < verb.i and subject.dep_ in ("nsubj", "nsubjpass", "prep"))


def _counts(subject: Token, head: Token) -> bool:
    """The subject is the counted noun or a part of it ("100,000 of the migrants", and "Over
    100,000 of the migrants" when the parser hangs it as a preposition)."""
    tok = head
    for _ in range(4):
        if tok.i == subject.i:
            return True
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


STAGE = Stage("places", ("doc",), ("places",), find_places)
