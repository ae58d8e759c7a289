"""The layout of a report's opening: whether its first paragraph is a headline.

A headline is the report's first paragraph when it is one line that no sentence ending closes and
another paragraph follows. The stages ask it for two reasons, and the two differ in how strict
the test must be, so the difference is a parameter of one function, not two copies:

* where the **lead** begins (:mod:`.context`): a headline moves the lead to the second paragraph,
  so a line that may be a lead sentence must stay the lead — one closed by a quotation mark or a
  semicolon, or longer than :data:`LEAD_HEADLINE_WORDS` words (a standfirst);
* whether the **second paragraph may open the report** (a dateline "TRIPOLI (Reuters) -" or a
  title naming the report's issuer, :mod:`.places`, :mod:`.source_lines`): what follows is evidence
  of its own, so any short line not closed by a full stop is a title ("Mary J. Blige sings to
  Hillary Clinton in preview clip of ‘The 411.’", "Ready for Trump vs. Clinton?").
"""

from __future__ import annotations

__all__ = ["headline", "SENTENCE_END", "TITLE_END", "TITLE_CHARS", "LEAD_HEADLINE_WORDS"]

#: what closes a sentence at the end of a line, quotation marks and clause breaks included
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";", "…")
#: what closes a title line that is a sentence, not a title
TITLE_END = (".", "!")
#: the longest title line
TITLE_CHARS = 160
#: the most words of a headline before the lead; a longer unpunctuated first line is a standfirst
LEAD_HEADLINE_WORDS = 20


def headline(text: str, paragraphs: list[tuple[int, int]], *, closing: tuple[str, ...] = TITLE_END,
             max_chars: int | None = TITLE_CHARS, max_words: int | None = None) -> tuple[int, int] | None:
    """The first paragraph's span when it is a headline: one line, followed by another paragraph,
    that ends with none of ``closing`` and is at most ``max_chars`` characters and ``max_words``
    words long (None: no limit); else None."""
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    line = text[start:end].strip()
    if not line or "\n" in line or line.endswith(closing):
        return None
    if max_chars is not None and len(line) > max_chars or max_words is not None and len(line.split()) > max_words:
        return None
    return start, end

