"""A stand-in extraction for store/ingest mechanics tests (crash safety, concurrency, rejects),
passed to the ingest flow as its ``extractor`` parameter (``tests/store/run_cli.py`` for the
command line) so those tests do not depend on NLP quality or speed. It emits one ``count`` claim per sentence containing a number,
with exact spans. Extraction quality is tested in tests/extract, not here."""

from __future__ import annotations

import re

from claimwatch.ingest.document import Document
from claimwatch.model import Article, Claim, Quantity, Source

_SENT = re.compile(r"[^.!?\n]+[.!?]?")
_NUM = re.compile(r"\b\d[\d,]*\b")


def extract_doc(doc: Document) -> Article:
    art = Article(text=doc.text, url=doc.url, title=doc.title, published=doc.published, outlet=doc.outlet)
    for m in _SENT.finditer(doc.text):
        sent = m.group(0)
        lead = len(sent) - len(sent.lstrip())
        sent_s, sent_e = m.start() + lead, m.start() + len(sent.rstrip())
        if sent_e <= sent_s:
            continue
        n = _NUM.search(doc.text, sent_s, sent_e)
        if not n:
            continue
        value = int(n.group(0).replace(",", ""))
        art.claims.append(Claim(
            id=f"c{len(art.claims) + 1}", kind="count", text=doc.text[sent_s:sent_e], span=(sent_s, sent_e),
            source=Source(), quantity=Quantity(text=n.group(0), span=(n.start(), n.end()), low=value, best=value,
                                               high=value, unit="people"),
            article_id=art.id,
        ))
    return art


def extract_docs(docs):
    return [extract_doc(d) for d in docs]
