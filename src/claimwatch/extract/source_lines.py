"""Attribution written as a line of its own rather than a clause: speaker labels, source lines,
signatures.

* a speaker label at a paragraph start — "PENCE: Well, ..." (transcripts), "Poll: Voters ..."
  (headlines) — is an attribution with the cue ":" (``kind="label"``);
* a source line — "Source: <name>", a closing "— Reuters" or "(NRT Digital Media/AFP)" naming
  an outlet, a dateline agency "KYIV, March 3 (Reuters) -" — names the source of the whole
  report (``kind="source_line"``; a closing "According to <name>." paragraph is found by the
  attribution stage as an ordinary "according to" attribution);
* a closing "― Maria Gonzalez" after a paragraph signs that paragraph (``kind="signature"``);
* a header line of its own that names a speaker — "Answer (Jane Doe, Minister of State):",
  "Reply by the Minister:" — makes the paragraphs under it, up to the next such line, that
  speaker's (``kind="header"``, ``content_span`` = what it governs);
* a title line that names the report's kind as a part of its own ("Press release - <organisation>",
  "<organisation> <country> - Operational Update, <date>") names its issuer, the report's source
  when it has no source line (``kind="source_line"``, the kind as the cue);
* a source in brackets after the figures of a bullet line ("• North Darfur: 62 killed, 140 injured
  (Ministry of Health); ...") holds the figures from the clause break before it
  (``kind="bracket"``, ``content_span`` = what it holds; :func:`claimwatch.extract.context.source_for`).

These are recognised here; which sentences they cover (their paragraph, or the whole report with
``scope="article"``) is decided by the report context (:mod:`claimwatch.extract.context`).
The lexicon is ``resources/attribution_cues.json`` (``source_line_labels``, ``label_stopwords``).
"""

from __future__ import annotations

import bisect
import re

from ..model import SourceType
from .base import Analysis, AttributionMention, cue_lexicon, line_at
from .entity_registry import EntityRegistry
from .gazetteer import get_gazetteer, norm
from .layout import DATELINE_AGENCY, TITLE_CHARS, TITLE_END, headline
from .quotes import quote_regions
from .sources import alias_of, canonical_name, classify_source, is_organisation, looks_like_outlet, strip_title

__all__ = ["label_attributions", "header_attributions", "line_attributions", "header_issuer", "bracket_attributions", "signature_attributions", "name_source"]

_CUES = cue_lexicon()
#: what a place label names: a country or region, or a town at least as known as a provincial capital
_REGION_FEATURES = frozenset({"country", "admin1", "region"})
_KNOWN_TOWN = 5.0

_SOURCE_LINE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in _CUES["source_line_labels"]) + r")\s*:\s*(\S.{0,150}?)\s*$",
    re.IGNORECASE,
)
#: a line that says whose reports the report is compiled from ("Compiled from reports by the X Police
#: Department and the county fire marshal.", "Based on information from the ministry"): the first named
_COMPILED_LINE = re.compile(
    r"^\s*(?:compiled|based)\s+(?:from|on)\s+(?:[a-z]+\s+){0,2}?(?:reports?|information|figures|data|accounts)\s+"
    r"(?:by|from|of)\s+(.{2,100}?)(?:,|\s+and\s+|\.\s+(?=[A-Z])|\.?\s*$)", re.IGNORECASE)
_DASH_LINE = re.compile(r"^\s*(?:[—–―]|--?)\s*([A-Z][\w.&'’ -]{1,60}?)\s*$")
_PAREN_LINE = re.compile(r"^\s*\(\s*([A-Z][\w.&'’/ -]{1,60}?)\s*\)\s*$")
#: a signature after a closing quotation mark, within a paragraph: ”― Sonya Herridge
_INLINE_SIGNATURE = re.compile(r"[”\"][ \t\u00a0]*([―—–])[ \t\u00a0]*([A-Z][\w'’.-]*(?:[ \t\u00a0]+[A-Z][\w'’.-]*){0,3})")
#: a speaker label: a name, perhaps with whom it speaks for in brackets ("TOMMASO RINALDI (IOM):"), and a colon
#: in a parliament's record, a role with its holder's name in brackets ("The Minister for Border Security and
#: Asylum (Dame Angela Bright):"), and a member's seat and party in two brackets ("Jane Doe (Dover) (Lab):")
_LABEL = re.compile(r"[\"“]?\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
                    r"|The\s+[A-Z][\w'’-]*(?:\s+(?:for|of|and|the|[A-Z][\w'’-]*)){1,8}(?=\s*\())"
                    r"(?:\s*\(([^()\n]{1,60})\))?(?:\s*\([A-Z][\w .'’-]{0,20}\))?\s*(:)\s+\S")
#: a header line that names who speaks under it: a part's name and the speaker in brackets ("Answer (Jane
#: Doe, Minister of State):") or after "by"/"from" ("Reply by the Minister:"), the line ending in a colon
_HEADER = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}\s*"
                     r"(?:\((?P<bracket>[^()\n\d]{2,120})\)|\s(?:by|from)\s+(?P<by>[^()\n\d:]{2,100}?))\s*:\s*")
#: the header line of an embedded social-media post: the account's name, its handle in brackets, perhaps
#: a time or date after a dash ("Hellenic Fire Service (@pyrosvestiki) - 10:15", "Jane Doe, Mayor of X (@jdoe)");
#: not a byline ("By Jane Doe (@janedoe)"), which names the reporter, the report's author
_POST_HEADER = re.compile(r"\s*(?!(?i:(?:written\s+|posted\s+|reporting\s+)?by)\b)(?P<post>[A-Z][^()@\n]{1,80}?)\s*\(\s*(?P<handle>@\w{1,30})\s*\)\s*(?:[-–—·|]\s*[^\n]{0,40})?")
#: a line that rules off a part of the report ("---", "* * *")
_RULE = re.compile(r"\s*(?:[-–—_*=]\s*){3,}")
_LABEL_STOP = frozenset(_CUES["label_stopwords"]) | frozenset(_CUES["source_line_labels"])
#: a part of a title line that names the report's kind: "Press release", "Flash Update No. 7"
_DOCUMENT_KIND = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in sorted(_CUES["document_kinds"], key=len, reverse=True))
    + r")(?:\s+(?:no\.?|n°|#)?\s*\d+(?:/\d{2,4})?)?", re.IGNORECASE)      # "Press Release No. 214/2026"
#: a document's kind and the word before its author ("Sentencing remarks of ", "Remarks by the ")
_KIND_OF = re.compile(r"(" + _DOCUMENT_KIND.pattern + r")\s+(?:of|by)\s+(?:the\s+)?", re.IGNORECASE)
#: a bullet line ("• North Darfur: 62 killed, 140 injured (Ministry of Health); ...")
_BULLET_LINE = re.compile(r"^[ \t]*[•·▪◦‣*–-][ \t]+[^\n]*", re.MULTILINE)
#: a parenthesis after a word or a figure (after a capitalised word it spells out a name: "the World Food Programme (WFP)")
_BRACKET_AFTER_FIGURES = re.compile(r"(?<=[A-Za-z0-9%])[ \t]*\(([A-Za-z][^()\d\n]{1,60})\)")
#: where what a bracketed source covers begins, back from it: a clause break or a label's colon
_CLAUSE_BREAK = re.compile(r"[;:]")
#: where a title line divides into parts: "Press release - MSF", "UNHCR DRC - Operational Update, 19 March 2026"
_TITLE_PARTS = re.compile(r"\s+[-–—|]\s+|:\s+|,\s+|\s*[•·]\s*")


def name_source(registry: EntityRegistry, name: str, text: str) -> tuple[str, SourceType, str | None, int | None]:
    """(canonical, type, affiliation, entity id) of a name written alone (label, signature, source line)."""
    readable = name.title() if name.isupper() and len(name) > 4 else name
    person = registry.person(readable)
    if person is not None:
        return person.name, person.type, person.affiliation, person.id
    key = canonical_name(readable, context=text).lower()
    for ent in registry.entities:
        if ent.kind == "organisation" and (ent.name.lower() == key or any(
                m.kind == "acronym" and m.text.lower() == key for m in ent.mentions)):
            return ent.name, ent.type, None, ent.id
    words = readable.split()
    personal = (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not is_organisation(readable)
                and alias_of(readable) is None and not readable.isupper())
    return (canonical_name(readable, context=text, person=personal),
            classify_source(readable, ent_label="PERSON" if personal else None), None, None)


def _sentence_at(analysis: Analysis, char: int) -> int:
    return analysis.sent_index(char)


def _label_content(analysis: Analysis, start: int, para_end: int, sent_i: int) -> tuple[int, int] | None:
    """From after a speaker label's colon to the end of the first sentence that reaches past it."""
    text = analysis.text
    while start < para_end and text[start].isspace():
        start += 1
    for s, e in analysis.sentences[sent_i:]:
        if e > start:
            return (start, min(e, para_end)) if min(e, para_end) > start else None
    return None


def _names_someone(analysis: Analysis, start: int, end: int) -> bool:
    """A speaker label names someone: a proper name, or a name in capitals ("PENCE"); a section
    label ("Details:", "Background:") is a common noun."""
    label = analysis.text[start:end]
    if label.isupper() and len(label) > 1:
        return True
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span)


def _a_field_line(analysis: Analysis, colon_end: int) -> bool:
    """A form's field and its value ("FATALITIES: 2", "Deaths: 6 (confirmed)"), not a speaker's
    turn: after the colon the line opens with a figure and says nothing (no verb)."""
    text = analysis.text
    end = line_at(text, colon_end)[1]
    if not re.match(r"\s*[\d(]", text[colon_end:end]):
        return False
    span = analysis.doc.char_span(colon_end, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _title_line(line: str) -> bool:
    """A headline in title case ("Poll: Wealthy Voters Abandon ..."), where the tagger's reading of
    a capitalised label is unreliable: a label before its colon names who speaks there."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return "\n" not in line and len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _label_speaker(registry: EntityRegistry, m: re.Match, text: str,
                   spoken_for: dict[str, tuple[SourceType, str | None]]) -> tuple[str, SourceType, str | None, int | None]:
    """(canonical, type, affiliation, entity id) of a speaker label: an organisation in brackets
    after the name ("DR AMINA YUSUF (UNHCR):") is whom the speaker speaks for, in this label and in
    the same speaker's later labels without it."""
    canonical, typ, aff, ent_id = name_source(registry, m.group(1), text)
    bracket = m.group(2)
    if bracket and is_organisation(bracket):
        org, org_type, _, _ = name_source(registry, bracket, text)
        spoken_for[m.group(1).lower()] = (org_type, org)
    elif bracket and m.group(0).count("(") == 2:
        spoken_for[m.group(1).lower()] = ("official", None)     # a member with seat and party: an elected official
    if m.group(1).lower() in spoken_for:
        typ, aff = spoken_for[m.group(1).lower()]
    return canonical, typ, aff, ent_id


def _place_label(registry: EntityRegistry, name: str) -> bool:
    """A label that names a country, a region or a well-known town, not a speaker ("Kenya: 12 people
    died", "NORTH KIVU: ..."; a surname that some hamlet bears, "WALLACE:", is a speaker)."""
    readable = name.title() if name.isupper() else name
    return registry.person(readable) is None and any(
        e.feature in _REGION_FEATURES or e.importance >= _KNOWN_TOWN for e in get_gazetteer().lookup(readable))


def label_attributions(analysis: Analysis, registry: EntityRegistry, primary_sents: set[int]) -> list[AttributionMention]:
    """Speaker labels at paragraph starts ("PENCE: Well, ...", "TOMMASO RINALDI (IOM): Thank you.")."""
    text = analysis.text
    out: list[AttributionMention] = []
    spoken_for: dict[str, tuple[SourceType, str | None]] = {}
    starts = [s for s, _ in analysis.sentences]
    for p_i, (ps, pe) in enumerate(analysis.paragraphs):
        m = _LABEL.match(text, ps, pe)
        if m is None or m.group(1).lower() in _LABEL_STOP or _place_label(registry, m.group(1)) or not (
                _names_someone(analysis, m.start(1), m.end(1)) or p_i == 0 and _title_line(text[ps:pe])) \
                or _a_field_line(analysis, m.end(3)):
            continue
        sent_i = max(0, bisect.bisect_right(starts, m.start(1)) - 1)
        if not analysis.sentences or not (ps <= analysis.sentences[sent_i][0] < pe):
            continue
        canonical, typ, aff, ent_id = _label_speaker(registry, m, text, spoken_for)
        out.append(AttributionMention(
            sent_i=sent_i, name=m.group(1), span=(m.start(1), m.end(1)), canonical=canonical, affiliation=aff,
            type=typ, cue=":", cue_span=(m.start(3), m.end(3)), quote="direct", kind="label",
            evidential="hearsay" if typ == "unnamed" else "attributed", primary=sent_i not in primary_sents,
            content_span=_label_content(analysis, m.end(3), pe, sent_i), entity_id=ent_id,
        ))
    return out


def _header_speaker(analysis: Analysis, m: re.Match) -> tuple[int, int, str | None] | None:
    """(start, end, role) of the speaker a header line names: the words before the first comma
    ("Jane Doe, Minister of State"; the rest is the role), when they name someone."""
    g = next(k for k in ("post", "bracket", "by") if m.groupdict().get(k))
    start, end = m.start(g), m.end(g)
    comma = analysis.text.find(",", start, end)
    role = analysis.text[comma + 1:end].strip() if comma >= 0 else None
    end = comma if comma >= 0 else end
    words = analysis.text[start:end].split()
    if not words or len(words) > 6 or not any(w[:1].isupper() for w in words):
        return None
    if not (_names_someone(analysis, start, end) or is_organisation(analysis.text[start:end])):
        return None
    return start, end, role or None


def _header_cue(text: str, speaker_start: int, line: tuple[int, int]) -> tuple[int, int]:
    """The cue of a header line: a post's handle ("@pyrosvestiki"), else the colon after the speaker."""
    post = _POST_HEADER.fullmatch(text, *line)
    if post is not None:
        return post.span("handle")
    colon = text.rindex(":", speaker_start, line[1])
    return colon, colon + 1


def header_attributions(analysis: Analysis, registry: EntityRegistry) -> list[AttributionMention]:
    """Header lines naming a speaker ("Answer (Jane Doe, Minister of State):", "Reply by the
    Minister:") or an embedded post's account ("Hellenic Fire Service (@pyrosvestiki) - 10:15"), a
    paragraph of their own: the speaker's are the paragraphs after, up to the next header, speaker
    label or rule line ("---")."""
    text = analysis.text
    heads = []
    for p_i, (ps, pe) in enumerate(analysis.paragraphs):
        m = _HEADER.fullmatch(text, ps, pe) or _POST_HEADER.fullmatch(text, ps, pe)
        found = _header_speaker(analysis, m) if m is not None and p_i + 1 < len(analysis.paragraphs) else None
        if found is not None:
            heads.append((p_i, found))
    out: list[AttributionMention] = []
    for p_i, (start, end, role) in heads:
        governed_from = analysis.paragraphs[p_i + 1][0]
        governed_to = next((analysis.paragraphs[q][0] for q in range(p_i + 1, len(analysis.paragraphs))
                            if _LABEL.match(text, *analysis.paragraphs[q]) or any(h == q for h, _ in heads)
                            or _RULE.fullmatch(text, *analysis.paragraphs[q])), len(text))
        name = text[start:end].strip()
        canonical, typ, aff, ent_id = name_source(registry, name, text)
        if role is not None and classify_source(role) not in ("author", "unnamed"):
            typ = classify_source(role)
        cue = _header_cue(text, start, analysis.paragraphs[p_i])
        out.append(AttributionMention(
            sent_i=_sentence_at(analysis, start), name=name, span=(start, end), canonical=canonical, affiliation=aff,
            type=typ, cue=text[cue[0]:cue[1]], cue_span=cue, quote="direct", kind="header", evidential="attributed",
            primary=False, content_span=(governed_from, governed_to), entity_id=ent_id,
        ))
    return out


def _line_match(line: str, last: bool, first: bool) -> tuple[re.Match | None, str]:
    """The source-line pattern a paragraph matches, and its kind."""
    m = _SOURCE_LINE.match(line) or _COMPILED_LINE.match(line)
    if m is not None:
        return m, "source_line"
    if last:
        m = _PAREN_LINE.match(line)
        if m is not None:
            return m, "source_line"
    m = _DASH_LINE.match(line)
    if m is not None:
        return m, "dash"
    if first:
        m = DATELINE_AGENCY.match(line)
        if m is not None:
            return m, "dateline"
    return None, ""


def line_attributions(analysis: Analysis, registry: EntityRegistry) -> list[AttributionMention]:
    """Source lines, closing "According to X" / "— Reuters" / "(AFP)" lines, signatures,
    dateline agencies, the issuer a title names, and sources bracketed in bullet lines."""
    text = analysis.text
    out: list[AttributionMention] = []
    last = len(analysis.paragraphs) - 1
    opens_after_title = headline(text, analysis.paragraphs) is not None   # a dateline "TRIPOLI (Reuters) -" after it
    for p_i, (ps, pe) in enumerate(analysis.paragraphs):
        line = text[ps:pe] if p_i > 0 else text[ps:min(pe, ps + 160)]
        if p_i > 0 and ("\n" in line or len(line) > 160):
            continue
        m, kind = _line_match(line, p_i == last and p_i > 0, p_i == 0 or p_i == 1 and opens_after_title)
        if m is None:
            continue
        name_s = ps + m.start(1)
        name = text[name_s:ps + m.end(1)].rstrip(".")
        name = name.split("/")[-1].strip() if "/" in name else name     # "NRT Digital Media/AFP": the agency
        name_s = text.index(name, name_s)
        canonical, typ, aff, ent_id = name_source(registry, name, text)
        if kind == "dash":
            kind = "source_line" if p_i == last and (typ == "media" or looks_like_outlet(name)) else "signature"
        elif kind == "dateline":
            if typ != "media" and not looks_like_outlet(name) and alias_of(name) is None:
                continue
            kind = "source_line"
        cue_text = text[ps:ps + m.start(1)].rstrip(" :(")
        lead = len(cue_text) - len(cue_text.lstrip())
        cue_span = (ps + lead, ps + len(cue_text)) if cue_text.strip() and kind != "dateline" else None
        out.append(AttributionMention(
            sent_i=_sentence_at(analysis, name_s), name=name, span=(name_s, name_s + len(name)), canonical=canonical,
            type=typ, affiliation=aff, cue=text[cue_span[0]:cue_span[1]] if cue_span else None, cue_span=cue_span,
            scope="sentence", evidential="hearsay" if typ == "unnamed" else "attributed", quote="none", kind=kind,
            primary=False, entity_id=ent_id,
        ))
    issuer = None if any(m.kind == "source_line" for m in out) else header_issuer(analysis, registry)
    return out + ([issuer] if issuer is not None else []) + bracket_attributions(analysis, registry)


def _title_parts(line: str, start: int) -> list[tuple[int, int]]:
    """The parts of a title line as character spans, from ``start``."""
    parts, pos = [], 0
    for m in _TITLE_PARTS.finditer(line):
        parts.append((start + pos, start + m.start()))
        pos = m.end()
    parts.append((start + pos, start + len(line.rstrip())))
    return [(a, b) for a, b in parts if b > a]


def _names_only(analysis: Analysis, start: int, end: int) -> bool:
    """A title part that names (an organisation, a country) rather than tells ("Police say three
    dead"): no verb in it."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _organisation_in(analysis: Analysis, registry: EntityRegistry, part: tuple[int, int]) -> tuple[int, int] | None:
    """The organisation a title part names: a registered organisation mention inside it, else the
    part itself (less a trailing country, "UNICEF Yemen") when the lexicon knows it as one."""
    a, b = part
    inside = [m.span for ent in registry.entities if ent.kind == "organisation" for m in ent.mentions
              if a <= m.span[0] and m.span[1] <= b]
    if inside:
        return min(inside)
    words = [(w.start() + a, w.end() + a) for w in re.finditer(r"\S+", analysis.text[a:b])]
    countries = get_gazetteer().country_keys
    end = next((k for k in range(1, len(words)) if norm(analysis.text[words[k][0]:b]) in countries), len(words))
    name = (a, words[end - 1][1]) if words else part
    return name if is_organisation(analysis.text[name[0]:name[1]]) else None


def header_issuer(analysis: Analysis, registry: EntityRegistry) -> AttributionMention | None:
    """The organisation a report's title line names as its issuer, when the title names the
    report's kind as a part of its own: "Press release - Médecins Sans Frontières (MSF)",
    "UNHCR Democratic Republic of the Congo - Operational Update, 19 March 2026". The source is
    the organisation named in the first of the title's other parts that names one (and tells
    nothing: "Update: Police say three dead" is a headline); the kind is the cue."""
    if not analysis.sentences:
        return None
    if headline(analysis.text, analysis.paragraphs) is not None:
        ps, pe = analysis.paragraphs[0]
        parts = _title_parts(analysis.text[ps:pe], ps)
        kinds = [p for p in parts if _DOCUMENT_KIND.fullmatch(analysis.text, *p)]
    else:
        parts, kinds = [], []
    if not kinds:       # a letterhead of several lines ("COAST GUARD HEADQUARTERS / Press Office, ..." then
        parts = [p for line in _letterhead(analysis) for p in _title_parts(analysis.text[line[0]:line[1]], line[0])]
        kinds = [p for p in parts if _DOCUMENT_KIND.fullmatch(analysis.text, *p)]   # "Press Release No. 214/2026")
    authored = _kind_and_author(analysis, registry, parts) if not kinds else None
    found: tuple[int, int] | None
    if authored is not None:
        kinds, found = [authored[0]], authored[1]
    elif not kinds:
        return None
    else:
        found = next((o for p in parts if p not in kinds and _names_only(analysis, *p)
                      for o in [_organisation_in(analysis, registry, p)] if o is not None), None)
    if found is None:
        return None
    name = analysis.text[found[0]:found[1]]
    canonical, typ, aff, ent_id = name_source(registry, name, analysis.text)
    cue = kinds[0]
    return AttributionMention(
        sent_i=_sentence_at(analysis, found[0]), name=name, span=found, canonical=canonical, type=typ,
        affiliation=aff, cue=analysis.text[cue[0]:cue[1]], cue_span=cue, scope="sentence", evidential="attributed",
        quote="none", kind="source_line", primary=False, entity_id=ent_id,
    )


def _kind_and_author(analysis: Analysis, registry: EntityRegistry,
                     parts: list[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(kind, author) of a title line that names a document's kind and its author: "Sentencing
    remarks of HHJ Jane Roe", "Remarks by the Secretary-General" — a person or an organisation."""
    text = analysis.text
    for a, b in parts:
        for line in re.finditer(r"[^\n]+", text[a:b]):
            la, lb = a + line.start(), a + line.end()
            m = _KIND_OF.match(text, la, lb)
            if m is None or not _names_only(analysis, m.end(), lb):
                continue
            span = analysis.doc.char_span(m.end(), lb, alignment_mode="expand")
            person = span is not None and any(e.label_ == "PERSON" for e in span.ents) \
                or strip_title(text[m.end():lb])[0] is not None      # "Mr Justice Arnold"
            if person or _organisation_in(analysis, registry, (m.end(), lb)) is not None:
                return (la, m.end(1)), (m.end(), len(text[:lb].rstrip(" ,.;")))
    return None


#: the most lines of a letterhead above a release's first sentence
_LETTERHEAD_LINES = 6


def _letterhead(analysis: Analysis) -> list[tuple[int, int]]:
    """The lines above a release's first paragraph of prose: every line of the report's first
    paragraphs while none ends like a sentence, each short, and at most :data:`_LETTERHEAD_LINES`."""
    text, out = analysis.text, []
    for ps, pe in analysis.paragraphs[:-1]:
        lines = [(ps + m.start(), ps + m.end()) for m in re.finditer(r"[^\n]+", text[ps:pe])]
        if any(text[a:b].rstrip().endswith(TITLE_END) or b - a > TITLE_CHARS for a, b in lines):
            break
        out += lines
        if len(out) > _LETTERHEAD_LINES:
            return []
    return out


def bracket_attributions(analysis: Analysis, registry: EntityRegistry) -> list[AttributionMention]:
    """A source in brackets after the figures of a bullet line: "• North Darfur: 62 killed, 140
    injured (Ministry of Health); about 18,000 newly displaced" — the ministry's are the figures
    from the clause break (or the label's colon) before the bracket to it, not the report's."""
    text = analysis.text
    out: list[AttributionMention] = []
    for line in _BULLET_LINE.finditer(text):
        for m in _BRACKET_AFTER_FIGURES.finditer(text, line.start(), line.end()):
            name = m.group(1).strip()
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, line.start(), m.start())]
            covered = (breaks[-1] if breaks else line.start(), m.end())     # with the bracket: the parse may hang figures there
            before = text[covered[0]:m.start()].split()
            if not before or before[-1][:1].isupper() or not is_organisation(name) \
                    or not re.search(r"\d", text[covered[0]:m.start()]):
                continue
            name_s = text.index(name, m.start(1))
            canonical, typ, aff, ent_id = name_source(registry, name, text)
            out.append(AttributionMention(
                sent_i=_sentence_at(analysis, name_s), name=name, span=(name_s, name_s + len(name)),
                canonical=canonical, type=typ, affiliation=aff, cue=None, cue_span=None, quote="none",
                evidential="attributed", kind="bracket", primary=False, entity_id=ent_id, content_span=covered,
            ))
    return out


def _quoted_paragraph(analysis: Analysis, close: int) -> tuple[int, int] | None:
    """The quotation a paragraph opens and the mark at ``close`` ends, when the marks inside do not
    pair up ("“... what he calls “hell” ...”", a paragraph opened with ”)."""
    text = analysis.text
    para = next(((ps, pe) for ps, pe in analysis.paragraphs if ps <= close < pe), None)
    if para is None or text[para[0]] not in "“”\"" or close <= para[0]:
        return None
    return para[0], close + 1


def signature_attributions(analysis: Analysis, registry: EntityRegistry) -> list[AttributionMention]:
    """A quotation signed within its paragraph: "“... our greatest shame.” ― Sonya Herridge" — the
    dash is the cue, the name the source, the quotation before it the content."""
    text = analysis.text
    regions = quote_regions(text)
    out: list[AttributionMention] = []
    for m in _INLINE_SIGNATURE.finditer(text):
        quote = next((r for r in regions if r[0] < m.start() < r[1] <= m.start() + 1), None) \
            or _quoted_paragraph(analysis, m.start())
        if quote is None:
            continue
        name = m.group(2).rstrip(".")
        name_s = m.start(2)
        canonical, typ, aff, ent_id = name_source(registry, name, text)
        out.append(AttributionMention(
            sent_i=_sentence_at(analysis, m.start(1)), name=name, span=(name_s, name_s + len(name)), canonical=canonical,
            type=typ, affiliation=aff, cue=m.group(1), cue_span=(m.start(1), m.end(1)), quote="direct", kind="signature",
            evidential="hearsay" if typ == "unnamed" else "attributed", primary=False, entity_id=ent_id,
            content_span=(quote[0], quote[1]),
        ))
    return out
