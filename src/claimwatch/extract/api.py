"""The public extraction API: text or :class:`~claimwatch.ingest.Document` in, :class:`~claimwatch.model.Article` out.

* :func:`extract` — one text (validated by ``ingest.validate.check_text`` unless told not to);
* :func:`extract_document` — one ingested document;
* :func:`extract_many` — a stream of documents through ``nlp.pipe``; a bad document yields a
  :class:`~claimwatch.ingest.Reject` and the rest go on, in input order.

The pipeline reads the text NFC-normalised with invisible format characters removed
(:func:`claimwatch.ingest.normalise.normalise_text`); the article keeps the text as given and
every span is mapped back into it.
"""

from __future__ import annotations

import datetime as _dt
from itertools import islice
from typing import Iterable, Iterator

from ..errors import ClaimwatchError, ExtractionError
from ..ingest.document import Document, Reject
from ..ingest.normalise import TextMap, normalise_text
from ..ingest.validate import check_text, normalise_date
from ..model import Article, check_spans
from .base import Analysis
from .pipeline import get_pipeline

__all__ = ["extract", "extract_many", "extract_document", "normalise_date"]


def _article(analysis: Analysis, *, url, title, outlet, published, textmap: TextMap | None = None) -> Article:
    text, paragraphs = analysis.text, list(analysis.paragraphs)
    if textmap is not None and textmap.changed:
        text, paragraphs = textmap.original, [textmap.to_original(p) for p in paragraphs]
        for claim in analysis.claims:
            claim.map_spans(textmap.to_original, text)
    article = Article(
        text=text, url=url, title=title, outlet=outlet, published=published,
        language="en", paragraphs=paragraphs,
    )
    claims = analysis.claims
    for claim in claims:
        claim.article_id = article.id
    article.claims = list(claims)
    bad = check_spans(article)
    if bad:
        raise ExtractionError(detail=f"{len(bad)} span(s) do not slice the text, first: {bad[0]}")
    return article


def extract(
    text: str,
    *,
    published: str | _dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    name: str = "<text>",
    validate: bool = True,
) -> Article:
    """Every claim of one article's body ``text`` (SPEC §2), as an :class:`Article` with ``.claims``.

    Raises a :class:`~claimwatch.errors.InputError` for empty, binary or non-English text.
    """
    if not isinstance(text, str):
        raise ExtractionError(name, detail=f"text must be str, not {type(text).__name__}")
    if validate:
        check_text(text, name)
    day = normalise_date(published)
    textmap = normalise_text(text)
    try:
        analysis = get_pipeline().analyse(textmap.clean, day)
    except ClaimwatchError:
        raise
    except Exception as exc:  # a stage crashed on this text: name the input
        raise ExtractionError(name, detail=f"{type(exc).__name__}: {exc}") from exc
    return _article(analysis, url=url, title=title, outlet=outlet, published=day, textmap=textmap)


def extract_document(document: Document) -> Article:
    """Extract one ingested :class:`Document` (its metadata goes onto the article)."""
    return extract(
        document.text, published=document.published, url=document.url, title=document.title,
        outlet=document.outlet, name=document.name,
    )


def extract_many(documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[Article | Reject]:
    """Extract a stream of documents with ``nlp.pipe`` underneath; yields, in input order, an
    :class:`Article` per good document and a :class:`Reject` per bad one."""
    pipeline = get_pipeline()
    batch_size = max(1, int(batch_size))
    it = iter(documents)
    while True:
        chunk = list(islice(it, batch_size))
        if not chunk:
            return
        results: list[Article | Reject | None] = [None] * len(chunk)
        good: list[int] = []
        maps: dict[int, TextMap] = {}
        for n, doc in enumerate(chunk):
            try:
                check_text(doc.text, doc.name)
                maps[n] = normalise_text(doc.text)
                good.append(n)
            except ClaimwatchError as exc:
                results[n] = Reject.from_error(exc, doc.name)
        parsed = pipeline.nlp.pipe((maps[n].clean for n in good), batch_size=batch_size)
        for n, spacy_doc in zip(good, parsed):
            doc = chunk[n]
            day = normalise_date(doc.published)
            try:
                analysis = pipeline.analyse_doc(spacy_doc, day, maps[n].clean)
                results[n] = _article(analysis, url=doc.url, title=doc.title, outlet=doc.outlet, published=day,
                                      textmap=maps[n])
            except ClaimwatchError as exc:
                results[n] = Reject.from_error(exc, doc.name)
            except Exception as exc:  # one document's failure never stops the batch
                results[n] = Reject.from_error(ExtractionError(doc.name, detail=f"{type(exc).__name__}: {exc}"), doc.name)
        for item in results:
            assert item is not None
            yield item
