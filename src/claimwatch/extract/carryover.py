"""Which attribution covers each sentence of a report, and how far it was carried (SPEC §2 Context).

Part of the report context (:mod:`claimwatch.extract.context`). From the attributions the
attribution stage found, per sentence:

* its own primary attribution (``scope="sentence"``);
* a speaker label covers its paragraph; a quotation running over several sentences keeps its
  speaker (``paragraph``; a fully quoted paragraph with no speaker of its own takes the speaker
  of the paragraph before it — the narrator that paragraph introduces speaking ("He spoke through
  an interpreter."), :mod:`claimwatch.extract.narrators`, else its last named speaker — ``article``);
* an anaphoric attribution ("The agency published the figures on its website.", "This was stated
  by X.") covers the unattributed sentences of its paragraph before it (``paragraph``); when it
  opens the paragraph after the lead, it covers the lead and is the report's source (``article``);
* a sentence giving figures followed in its paragraph by a sentence sourced at its end
  ("..., according to a Telegram channel.") takes that source (``paragraph``);
* an unattributed sentence continuing a paragraph whose earlier sentence a named institution
  or official says takes that source (``paragraph``: "The agency said U.S. crews rescued 37
  migrants. Mexican officials took 39 into custody."), or that a named body counts ("The service
  counted 520,085 crossings. The figure fell to ..."); not after a witness, an unnamed source or
  an evidential that is no named body's count ("surveys point to rising fatalities");
* a header line naming a speaker ("Answer (Jane Doe, Minister of State):") covers the sentences
  left in the paragraphs it governs, after the rules above (``article``);
* an interview's answer paragraph takes the interviewee its intro named for its sentences left
  (``article``, :mod:`claimwatch.extract.interviews`); its questions are the outlet's;
* the report's source — a "Source: X" line, a closing "According to X." paragraph or "— Reuters",
  a dateline agency, the anaphoric attribution of the lead — covers every sentence left
  (``article``); a signature ("― Julie Diaz") covers the paragraph before it (``paragraph``).

Sentences covered by nothing are the author's voice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc

from ..model import QuoteKind, Scope
from .base import Analysis, AttributionMention, has_subject
from .cue_candidates import LIST_NOUNS
from .entities import document_noun
from .interviews import marks_interviewee
from .mentions import sentence_tokens
from .narrators import narrator_in
from .quotes import has_number, in_quote, quote_regions, quoted_chars
from .sources import alias_of, source_strength

#: nouns that stand for a figure already given ("The figure fell to ...", "the total rose to ...")
_MEASURE_NOUNS = frozenset({"figure", "number", "total", "tally", "count", "toll", "rate", "share", "level"})

__all__ = ["carry", "source_coverage", "paragraph_of_sentences", "a_later_speakers_clause", "a_clause_after_its_content"]


def a_later_speakers_clause(doc: Doc, head_i: int, cue_i: int) -> bool:
    """Whether the cue heads a clause of its own, with its own speaker, joined after the claim's
    clause ("Another 40 were hurt, and officials believe several more are missing": the officials'
    belief is about the missing only), not a second verb of the claim's subject ("Police arrested 12
    and said more arrests would follow") nor a closing "..., an officer told the Brief" the parser
    joined as a conjunct without "and"."""
    cue = doc[cue_i]
    return cue.dep_ == "conj" and cue.head.left_edge.i <= head_i < cue.left_edge.i \
        and has_subject(cue) \
        and any(c.dep_ == "cc" and head_i < c.i < cue.left_edge.i for c in cue.head.children)


def a_clause_after_its_content(doc: Doc, attr: AttributionMention, head_i: int) -> bool:
    """Whether the claim is in a clause of its own joined after a closing record or data source whose content
    is the words before it ("The series drew 4 million viewers, ratings show, and 12 episodes were filmed":
    the 12 are the author's), not an addition to that content ("..., MAIB records show, 11 of them ...").
    A speaker's closing "..., the coast guard said, and one of them died" goes on speaking."""
    if attr.kind != "evidential" or attr.content_span is None or attr.cue_i is None or head_i <= attr.cue_i \
            or attr.content_span[1] > doc[attr.cue_i].idx:
        return False
    pred = doc[head_i]
    for _ in range(12):
        if pred.pos_ in ("VERB", "AUX") or pred.head.i == pred.i:
            break
        pred = pred.head
    return pred.pos_ in ("VERB", "AUX") and pred.i > attr.cue_i \
        and has_subject(pred) \
        and any(doc[j].dep_ == "cc" for j in range(attr.cue_i + 1, pred.left_edge.i))


#: sources whose attribution does not run on past their sentence: witnesses, unnamed sources,
#: the author (a survivor's account is theirs, the next sentence is the reporter's again)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_NOT_FORWARD = frozenset({"unnamed", "author", "witness"})
#: the opening of a list item: a bullet, a dash, or an item number or letter ("1.", "(b)", "2)")
_LIST_ITEM = re.compile(r"[-–—•*▪·◦]\s|\(?(?:\d{1,2}|[a-z])[.)]\s")


def carry(m: AttributionMention, sent_i: int, scope: Scope, quote: QuoteKind | None = None) -> AttributionMention:
    """A copy of ``m`` covering sentence ``sent_i``, carried as far as ``scope``."""
    return AttributionMention(
        sent_i=sent_i, name=m.name, span=m.span, canonical=m.canonical, affiliation=m.affiliation, type=m.type,
        cue=m.cue, cue_span=m.cue_span, quote=quote or m.quote, scope=scope, evidential=m.evidential, via=m.via,
        content_span=None, cue_i=m.cue_i, kind=m.kind, primary=False, entity_id=m.entity_id, source_span=m.source_span,
        cue_phrase_span=m.cue_phrase_span,
    )


def _as_credit(m: AttributionMention) -> AttributionMention:
    """The report's credit line ("According to VNA", "Source: KUNA"): an acronym the lexicon does
    not know, typed only by default, names the wire agency that supplied the report (``media``)."""
    if m.type == "official" and m.name and _ACRONYM.fullmatch(m.name) and source_strength(m.name) == 0 \
            and alias_of(m.name) is None:
        return replace(m, type="media")
    return m


def paragraph_of_sentences(analysis: Analysis) -> list[int]:
    """The paragraph index of every sentence."""
    p_starts = [s for s, _ in analysis.paragraphs] or [0]
    return [max(0, bisect.bisect_right(p_starts, s) - 1) for s, _ in analysis.sentences]


class _Coverage:
    def __init__(self, analysis: Analysis, lead_para: int) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.sentences = analysis.sentences
        self.para_of = paragraph_of_sentences(analysis)
        self.lead_para = lead_para
        self.regions = quote_regions(self.text)
        self.rstarts = [a for a, _ in self.regions]
        self.tok_ranges = sentence_tokens(analysis.doc, analysis.sentences)
        self.found: dict[int, AttributionMention] = {}
        self.article: AttributionMention | None = None

    def in_para(self, p: int) -> list[int]:
        return [i for i, q in enumerate(self.para_of) if q == p]

    def quoted(self, i: int) -> bool:
        s, e = self.sentences[i]
        return quoted_chars(self.regions, self.rstarts, s, e, text=self.text) >= 0.6 * (e - s)

    def ends_with_colon(self, j: int) -> bool:
        return self.text[self.sentences[j][0]:self.sentences[j][1]].rstrip().endswith(":")

    # -------------------------------------------------------------- the rules, in order
    def own(self, mentions: list[AttributionMention]) -> None:
        for m in mentions:
            if m.primary and m.kind not in ("source_line", "signature") and m.sent_i not in self.found:
                self.found[m.sent_i] = m
        for m in mentions:
            if m.kind == "label":
                for i in self.in_para(self.para_of[m.sent_i]):
                    if i > m.sent_i and i not in self.found:
                        self.found[i] = carry(m, i, "paragraph", "direct")

    def list_items(self) -> None:
        """The items of a list under a line ending in a colon whose source it names ("The commission
        said deaths by state were:" / "The group's breakdown by state:", then "- Kano: 8"): the
        lead line's source, for every item paragraph up to the first that is no item."""
        leads = self._document_leads()
        for j in sorted(set(self.found) | set(leads)):
            m = self.found.get(j) or leads[j]
            if not self.ends_with_colon(j) or m.name is None or m.type in ("author", "unnamed") \
                    or (j + 1 < len(self.para_of) and self.para_of[j + 1] == self.para_of[j]):
                continue
            if m.scope != "sentence" and j not in leads and not self._speaks_of_figures(j):
                continue    # a carried source passes only to the items of figures: not "Other news today:"
            p = self.para_of[j] + 1
            while p < len(self.analysis.paragraphs) and _LIST_ITEM.match(self.text, self.analysis.paragraphs[p][0]):
                for i in self.in_para(p):
                    self.found.setdefault(i, carry(m, i, "paragraph", "indirect"))
                p += 1

    def _speaks_of_figures(self, j: int) -> bool:
        """A lead line that names an event or a figures noun ("Injuries by club were:", "The
        breakdown by region:"), not any line ending in a colon ("The agenda for tonight is:")."""
        if any(e.sent_i == j and e.event_type for e in self.analysis.events):
            return True
        lo, hi = self.tok_ranges[j]
        return any(t.lemma_.lower() in LIST_NOUNS for t in self.analysis.doc[lo:hi])

    def _document_leads(self) -> dict[int, AttributionMention]:
        """A list's lead line of no source of its own whose subject is a document spoken of before
        ("The statement detailed the toll as follows:", "The report breaks the figures down:"): the
        named source of the two paragraphs before it that issued the document."""
        out: dict[int, AttributionMention] = {}
        for j, (a, b) in enumerate(self.sentences):
            if j in self.found or not self.ends_with_colon(j):
                continue
            lo, hi = self.tok_ranges[j]
            subject = next((t for t in self.analysis.doc[lo:hi] if t.dep_ == "nsubj"), None)
            if subject is None or document_noun(subject) is None or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
                continue
            earlier = [k for k in self.found if k < j and self.para_of[j] - 2 <= self.para_of[k] < self.para_of[j]]
            named = [k for k in earlier if self.found[k].name and self.found[k].type not in ("author", "unnamed")]
            if named:
                out[j] = carry(self.found[max(named)], j, "paragraph", "indirect")
        return out

    def interview(self, mentions: list[AttributionMention]) -> None:
        """An interview's answer paragraphs: the interviewee named in the intro."""
        for m in mentions:
            if m.kind == "interviewee" and m.content_span is not None:
                for i, (a, b) in enumerate(self.sentences):
                    if m.content_span[0] <= a < m.content_span[1] and (
                            i not in self.found or marks_interviewee(self.found[i], m)):
                        self.found[i] = carry(m, i, "article", "direct")

    def quotations(self) -> None:
        """A quotation continued over several sentences (and "X continued:" before a quoted paragraph)."""
        n = len(self.sentences)
        for i in range(n):
            if i in self.found or not self.quoted(i):
                continue
            scope: Scope
            src, scope = self._quote_speaker(i), "paragraph"
            if src is None:
                src, scope = self._previous_paragraph_speaker(i), "article"
            if src is not None and src.span is not None:
                self.found[i] = carry(src, i, scope, "direct")

    def _quote_speaker(self, i: int) -> AttributionMention | None:
        s = self.sentences[i][0]
        for j in range(i - 1, max(-1, i - 8), -1):
            f = self.found.get(j)
            if f is not None and f.quote in ("direct", "mixed") or f is not None and self.ends_with_colon(j):
                if self.para_of[j] == self.para_of[i] or self.ends_with_colon(j) or (
                        self.para_of[j] == self.para_of[i] - 1 and in_quote(self.regions, self.rstarts, s)):
                    return f
                return None
            if self.para_of[j] != self.para_of[i] and not in_quote(self.regions, self.rstarts, s):
                break
        for j in range(i + 1, min(len(self.sentences), i + 4)):
            if self.para_of[j] != self.para_of[i]:
                break
            if j in self.found:
                return self.found[j] if self.found[j].quote in ("direct", "mixed") else None
        return self._continued_quote_speaker(i)

    def _left_open(self, p: int) -> bool:
        """Paragraph ``p`` ends inside a quotation (an opening mark without its closing one)."""
        s, e = self.analysis.paragraphs[p]
        t = self.text[s:e]
        return t.count('"') % 2 == 1 or t.count("“") > t.count("”") or t.count("«") > t.count("»")

    def _continued_quote_speaker(self, i: int) -> AttributionMention | None:
        """A quotation running over paragraphs (each left open, the next opening with a quotation
        mark, as the convention is): the speaker named where it closes."""
        p = self.para_of[i]
        paras = self.analysis.paragraphs
        while p + 1 < len(paras) and p - self.para_of[i] < 4 and self._left_open(p) \
                and self.text[paras[p + 1][0]:paras[p + 1][0] + 1] in ('"', "“", "«", "„"):
            p += 1
            for j in self.in_para(p):
                f = self.found.get(j)
                if f is not None:
                    return f if f.quote in ("direct", "mixed") and f.name is not None else None
        return None

    def _previous_paragraph_speaker(self, i: int) -> AttributionMention | None:
        """A paragraph that is one quotation, with no speaker in it: the named speaker of the paragraph before."""
        p = self.para_of[i]
        own = self.in_para(p)
        if p == 0 or not all(self.quoted(k) or k in self.found for k in own):
            return None
        previous = self.in_para(p - 1)
        spoken = {j for j in previous if j in self.found and self.found[j].scope == "sentence"}
        narrator = narrator_in(self.analysis, previous, self.tok_ranges, spoken)
        if narrator is not None:
            return narrator     # "He spoke through an interpreter." then "We paid 1,500 dinars each ..."
        before = [self.found[j] for j in previous if j in self.found]
        named = [m for m in before if m.name is not None and m.type not in ("unnamed", "author")]
        return named[-1] if named else None

    def anaphoric(self, mentions: list[AttributionMention]) -> None:
        """"X reported this." covers what came before it in its paragraph — or the lead."""
        for m in mentions:
            if not (m.primary and m.anaphoric) or self.found.get(m.sent_i) is not m:
                continue
            i = m.sent_i
            j = i - 1
            while j >= 0 and self.para_of[j] == self.para_of[i] and j not in self.found:
                self.found[j] = carry(m, j, "paragraph", "indirect")
                j -= 1
            # it opens its paragraph only when no sentence of the paragraph comes before it
            opens = i == 0 or self.para_of[i - 1] != self.para_of[i]
            p = self.para_of[i]
            if not opens or p == 0 or m.name is None:
                continue
            # opening a paragraph: it covers the paragraph before; after the lead, it is the report's source
            lead = p - 1 <= self.lead_para
            for k in self.in_para(p - 1):
                if k not in self.found:
                    self.found[k] = carry(m, k, "article" if lead else "paragraph", "indirect")
            if lead and self.article is None:
                self.article = m

    def trailing(self, mentions: list[AttributionMention]) -> None:
        """Figures sourced at the end of the next sentence ("..., according to a Telegram channel.")."""
        doc = self.analysis.doc
        for m in mentions:
            if not (m.primary and m.trailing) or self.found.get(m.sent_i) is not m:
                continue
            j = m.sent_i - 1
            while j >= 0 and self.para_of[j] == self.para_of[m.sent_i] and j not in self.found \
                    and has_number(doc, *self.tok_ranges[j]):
                self.found[j] = carry(m, j, "paragraph", "indirect")
                j -= 1

    def forward(self) -> None:
        """A paragraph continued after a sentence attributed to a named source keeps that source."""
        for i in range(1, len(self.sentences)):
            prev = self.found.get(i - 1)
            if i in self.found or prev is None or self.para_of[i - 1] != self.para_of[i]:
                continue
            if prev.name is None or prev.type in _NOT_FORWARD or prev.scope == "article" \
                    or prev.kind not in ("clause", "according", "label", "evidential"):
                continue
            if prev.kind == "evidential" and (prev.entity_id is None
                                              or not has_number(self.analysis.doc, *self.tok_ranges[i - 1])):
                continue        # "surveys point to rising fatalities": no count of a named body to continue
            if prev.kind == "evidential" and not self.continues_a_count(i):
                continue        # "The ministry counted 120 arrests. The market rose 200 points": another subject
            if self.text[self.sentences[i - 1][0]:self.sentences[i - 1][1]].rstrip().endswith("?"):
                continue
            self.found[i] = carry(prev, i, "paragraph", "direct" if self.quoted(i) else "indirect")

    def continues_a_count(self, i: int) -> bool:
        """Whether sentence ``i`` goes on with the figures of a body's count: its main clause has no
        subject, or a figure, a pronoun or a noun of measure as subject ("The figure fell to ...",
        "It rose to ...", "302,203 crossed in 2024"), not a subject of its own ("The market rose ...")."""
        doc = self.analysis.doc
        a, b = self.tok_ranges[i]
        roots = [t for t in doc[a:b] if t.dep_ == "ROOT"]
        subjects = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
        return all(c.like_num or c.pos_ in ("NUM", "PRON") or c.lemma_.lower() in _MEASURE_NOUNS for c in subjects)

    def report_source(self, mentions: list[AttributionMention]) -> None:
        """Source lines, closing "According to X." paragraphs, dateline agencies; signatures."""
        last = len(self.analysis.paragraphs) - 1
        for m in mentions:
            p = self.para_of[m.sent_i] if m.sent_i < len(self.para_of) else last
            if m.kind == "signature" and m.content_span is not None:     # "“...” ― Sonya Herridge"
                for i, (a, b) in enumerate(self.sentences):
                    if a < m.content_span[1] and m.content_span[0] < b and i not in self.found:
                        self.found[i] = carry(m, i, "sentence" if i == m.sent_i else "paragraph", "direct")
            elif m.kind == "signature" and p > 0:
                for i in self.in_para(p - 1):
                    if i not in self.found:
                        self.found[i] = carry(m, i, "paragraph", "direct" if self.quoted(i) else "indirect")
            elif m.kind == "source_line" or self._closing_according(m, p, last):
                for i in self.in_para(p):
                    self.found.setdefault(i, m)
                self.article = m

    def _closing_according(self, m: AttributionMention, p: int, last: int) -> bool:
        return (m.kind == "according" and m.primary and p == last and p > 0 and m.content_span is None
                and len(self.in_para(p)) == 1 and m.name is not None)

    def headers(self, mentions: list[AttributionMention]) -> None:
        """The paragraphs under a header line that names a speaker: that speaker's."""
        for m in mentions:
            if m.kind == "header" and m.content_span is not None:
                for i, (a, _) in enumerate(self.sentences):
                    if m.content_span[0] <= a < m.content_span[1] and i not in self.found:
                        self.found[i] = carry(m, i, "article", m.quote)

    def article_wide(self) -> None:
        if self.article is None:
            return
        own_para = self.para_of[self.article.sent_i] if self.article.kind != "clause" else -1
        for i in range(len(self.sentences)):
            if i not in self.found and self.para_of[i] != own_para:
                self.found[i] = carry(self.article, i, "article", "none")


def source_coverage(analysis: Analysis, lead_para: int = 0) -> tuple[dict[int, AttributionMention], AttributionMention | None]:
    """(sentence index -> the attribution covering it, the report's source) — see the module doc."""
    cov = _Coverage(analysis, lead_para)
    if not analysis.sentences:
        return {}, None
    last = len(analysis.paragraphs) - 1
    mentions = [_as_credit(m) if m.kind == "source_line" or m.sent_i < len(cov.para_of)
                and cov._closing_according(m, cov.para_of[m.sent_i], last) else m for m in analysis.attributions]
    cov.own(mentions)
    cov.list_items()
    cov.interview(mentions)
    cov.quotations()
    cov.anaphoric(mentions)
    cov.trailing(mentions)
    cov.report_source(mentions)
    cov.forward()
    cov.list_items()    # a lead line that continues its paragraph's source ("X published its figures. By club:")
    cov.headers(mentions)
    cov.article_wide()
    return cov.found, cov.article
