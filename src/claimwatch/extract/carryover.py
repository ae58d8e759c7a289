"""Attribution beyond one sentence: quotations, carry-over, speaker labels and source lines.

Called by :mod:`claimwatch.extract.attribution` once the per-sentence attributions are found:

* a quotation running over several sentences keeps its speaker (``scope="paragraph"``);
* an attribution sentence whose content is anaphoric ("The State Border Service writes about
  this on its Facebook page.") covers the unattributed sentences of its paragraph before it;
* a sentence giving figures, followed in its paragraph by a sentence sourced at its end
  ("..., according to a Telegram channel."), takes that source;
* transcript / headline speaker labels ("PENCE: ...") attribute their paragraph;
* "Source: X" lines and a closing "— Reuters" attribute the article (``scope="article"``);
  a signature line ("― Maria Gonzalez") attributes the paragraph before it.
"""

from __future__ import annotations

import bisect
import json
import re
from importlib import resources

from spacy.tokens import Doc

from .base import Analysis, AttributionMention
from .coref import People
from .sources import alias_of, canonical_name, classify_source, is_organisation

__all__ = [
    "quote_regions", "quoted_chars", "in_quote", "has_number", "carry", "carry_over",
    "speaker_labels", "article_sources", "CLOSE_Q",
]

_CUES = json.loads(resources.files("claimwatch.resources").joinpath("attribution_cues.json").read_text("utf-8"))

_OPEN_Q = "“«„"

CLOSE_Q = "”»"

_QUOTE_CHARS = re.compile(r"``|''|[\"“”«»„]")  # also the ASCII ``...'' and ''...'' conventions

_SOURCE_LINE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in _CUES["source_line_labels"]) + r")\s*:\s*(\S.{0,150}?)\s*$",
    re.IGNORECASE,
)

_DASH_LINE = re.compile(r"^\s*(?:[—–―]|--?)\s*([A-Z][\w.&'’ -]{1,60}?)\s*$")

_LABEL = re.compile(r"[\"“]?\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*(:)\s+\S")

_LABEL_STOP = frozenset(_CUES["label_stopwords"]) | frozenset(_CUES["source_line_labels"])

_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


def quote_regions(text: str) -> list[tuple[int, int]]:
    """[open, close) offsets of quotations (curly, guillemets, straight double quotes, ``...'' and ''...'')."""
    regions = []
    open_at: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch, pos = m.group(0), m.start()
        if ch in _OPEN_Q or ch == "``":
            open_at = pos
        elif ch in CLOSE_Q:
            if open_at is not None:
                regions.append((open_at, m.end()))
            open_at = None
        else:  # straight quote toggles
            if open_at is None:
                open_at = pos
            else:
                regions.append((open_at, m.end()))
                open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


def quoted_chars(regions: list[tuple[int, int]], starts: list[int], s: int, e: int, min_words: int = 2,
                 text: str = "") -> int:
    """Characters of [s, e) inside quotations of at least ``min_words`` words."""
    i = max(0, bisect.bisect_right(starts, s) - 1)
    n = 0
    while i < len(regions) and regions[i][0] < e:
        a, b = regions[i]
        lo, hi = max(a, s), min(b, e)
        if hi > lo and len(text[a:b].split()) >= min_words:
            n += hi - lo
        i += 1
    return n


def in_quote(regions: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]



def has_number(doc: Doc, lo: int, hi: int) -> bool:
    return any(doc[j].ent_type_ in _NUMERIC_ENTS or (doc[j].like_num and doc[j].ent_type_ not in ("DATE", "TIME", "ORDINAL"))
               for j in range(lo, hi))



def carry(m: AttributionMention, sent_i: int, scope: str, quote: str | None = None) -> AttributionMention:
    return AttributionMention(
        sent_i=sent_i, name=m.name, span=m.span, canonical=m.canonical, affiliation=m.affiliation, type=m.type,
        cue=m.cue, cue_span=m.cue_span, quote=quote or m.quote, scope=scope, evidential=m.evidential, via=m.via,
        content_span=None, cue_i=m.cue_i,
    )



def speaker_labels(analysis: Analysis, found: dict[int, AttributionMention], para_of: list[int],
                   people: People) -> None:
    """Transcript and headline speaker labels: "PENCE: Well, ..." / "Poll: Voters ..." at a paragraph start."""
    text = analysis.text
    first_sent: dict[int, int] = {}
    for i, p in enumerate(para_of):
        first_sent.setdefault(p, i)
    for p_i, (ps, pe) in enumerate(analysis.paragraphs):
        m = _LABEL.match(text, ps, pe)
        if m is None or m.group(1).lower() in _LABEL_STOP or p_i not in first_sent:
            continue
        name_span = (m.start(1), m.end(1))
        name = m.group(1)
        cue_span = (m.start(2), m.end(2))
        canonical, typ, aff = _label_source(people, name, text)
        mention = AttributionMention(
            sent_i=first_sent[p_i], name=name, span=name_span, canonical=canonical, affiliation=aff, type=typ,
            cue=":", cue_span=cue_span, quote="direct", scope="sentence",
            evidential="hearsay" if typ == "unnamed" else "attributed",
            content_span=_label_content(analysis, m.end(2), pe, first_sent[p_i]),
        )
        i = first_sent[p_i]
        while i < len(para_of) and para_of[i] == p_i:
            if i not in found:
                found[i] = mention if i == first_sent[p_i] else carry(mention, i, "paragraph", "direct")
            i += 1


def carry_over(analysis, found, anaphoric, trailing, para_of, tok_ranges, regions, rstarts) -> None:
    doc, text, sentences = analysis.doc, analysis.text, analysis.sentences
    n = len(sentences)
    # 1. quotations continued over several sentences (and "X continued:" introducing a quoted paragraph)
    for i in range(n):
        if i in found:
            continue
        s, e = sentences[i]
        q = quoted_chars(regions, rstarts, s, e, text=text)
        if q < 0.6 * (e - s):
            continue
        src = None
        for j in range(i - 1, max(-1, i - 8), -1):
            if j in found and found[j].quote in ("direct", "mixed") or (
                    j in found and text[sentences[j][0]:sentences[j][1]].rstrip().endswith(":")):
                if para_of[j] == para_of[i] or text[sentences[j][0]:sentences[j][1]].rstrip().endswith(":") or (
                        para_of[j] == para_of[i] - 1 and in_quote(regions, rstarts, s)):
                    src = found[j]
                break
            if para_of[j] != para_of[i] and not in_quote(regions, rstarts, s):
                break
        if src is None:
            for j in range(i + 1, min(n, i + 4)):
                if para_of[j] != para_of[i]:
                    break
                if j in found:
                    if found[j].quote in ("direct", "mixed"):
                        src = found[j]
                    break
        if src is not None and src.span is not None:
            found[i] = carry(src, i, "paragraph", "direct")
    # 2. an anaphoric attribution sentence covers the unattributed sentences of its paragraph before it
    for i in sorted(anaphoric):
        j = i - 1
        while j >= 0 and para_of[j] == para_of[i] and j not in found:
            found[j] = carry(found[i], j, "paragraph", "indirect")
            j -= 1
    # 3. figures sourced at the end of the next sentence ("..., according to a Telegram channel.")
    for i in sorted(trailing):
        j = i - 1
        while j >= 0 and para_of[j] == para_of[i] and j not in found and has_number(doc, *tok_ranges[j]):
            found[j] = carry(found[i], j, "paragraph", "indirect")
            j -= 1


def _label_content(analysis: Analysis, start: int, para_end: int, sent_i: int) -> tuple[int, int] | None:
    """From after a speaker label's colon to the end of the first sentence that reaches past it."""
    text = analysis.text
    while start < para_end and text[start].isspace():
        start += 1
    for s, e in analysis.sentences[sent_i:]:
        if e > start:
            return (start, min(e, para_end)) if min(e, para_end) > start else None
    return None


def _label_source(people: People, name: str, text: str) -> tuple[str, str, str | None]:
    """(canonical, type, affiliation) of a name written alone (speaker label, signature, source line)."""
    readable = name.title() if name.isupper() and len(name) > 4 else name
    person = people.person(people.resolve_name(readable))
    if person is not None:
        typ = classify_source(person.name, ent_label="PERSON", context=" ; ".join(person.contexts))
        return person.name, typ, person.affiliation
    words = readable.split()
    personal = (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not is_organisation(readable)
                and alias_of(readable) is None)
    return (canonical_name(readable, context=text, person=personal),
            classify_source(readable, ent_label="PERSON" if personal else None), None)


def article_sources(analysis: Analysis, found: dict[int, AttributionMention], para_of: list[int],
                     people: People) -> None:
    """Source lines. "Source: X" (anywhere) and a closing "— Reuters" (an outlet, last paragraph)
    attribute every unattributed sentence of the article (``scope="article"``); a signature
    line "― Julie Diaz" after a paragraph attributes that paragraph (``scope="paragraph"``)."""
    text = analysis.text
    last = len(analysis.paragraphs) - 1
    article_mention = None
    article_para = -1
    for p_i, (ps, pe) in enumerate(analysis.paragraphs):
        line = text[ps:pe]
        if "\n" in line or len(line) > 160:
            continue
        m = _SOURCE_LINE.match(line)
        dash = m is None
        if dash:
            m = _DASH_LINE.match(line)
        if m is None:
            continue
        name_span = (ps + m.start(1), ps + m.end(1))
        name = text[name_span[0]:name_span[1]].rstrip(".")
        name_span = (name_span[0], name_span[0] + len(name))
        cue_text = text[ps:ps + m.start(1)].rstrip(" :")
        lead = len(cue_text) - len(cue_text.lstrip())
        cue_span = (ps + lead, ps + len(cue_text)) if cue_text.strip() else None
        canonical, typ, aff = _label_source(people, name, text)
        mention = AttributionMention(
            sent_i=0, name=name, span=name_span, canonical=canonical, type=typ, affiliation=aff,
            cue=text[cue_span[0]:cue_span[1]] if cue_span else None, cue_span=cue_span, scope="article",
            evidential="hearsay" if typ == "unnamed" else "attributed", quote="none",
        )
        own = [i for i, p in enumerate(para_of) if p == p_i]
        for i in own:
            found.setdefault(i, carry(mention, i, "sentence", "none"))
        if not dash or (p_i == last and typ == "media"):
            article_mention, article_para = mention, p_i
        elif p_i > 0:
            for i, p in enumerate(para_of):
                if p == p_i - 1 and i not in found:
                    found[i] = carry(mention, i, "paragraph", "direct" if text[analysis.sentences[i][0]] in "\"“" else "indirect")
    if article_mention is not None:
        for i in range(len(analysis.sentences)):
            if i not in found and para_of[i] != article_para:
                found[i] = carry(article_mention, i, "article", "none")
