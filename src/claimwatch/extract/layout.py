"""The layout of a report's opening: whether its first paragraph is a headline, and its dateline.

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

A **dateline** opens a paragraph: the town (in capitals, or capitalised), perhaps a region and a
date, perhaps the agency in brackets, then a dash ("KYIV, March 3 (Reuters) -"). It is written here
once, from shared parts, as one pattern per question the stages ask of it; they differ in how
much a false match costs:

* :data:`DATELINE` — the sentence splitter (:mod:`.pipeline`) parses a dateline apart from the
  sentence it opens, and :mod:`.timex_attach` takes its date as the report's: a false match cuts a
  sentence, so the place is in capitals or has its agency, and the date is a month or a weekday, or
  the place is in title case with a full date ("Paris, 22 September 2026 -");
* :data:`OPENING_DATELINE` — the range at the report's start whose places are where it was filed
  (:mod:`.places`): only the first paragraph, or the second after a headline, is read, so any short
  capitalised opening before a dash counts ("BERLIN, May 19 (dpa) -", "EAGLE PASS, Texas --");
* :data:`DATELINE_TOWN` — the town in capitals at the start of any line, a place candidate
  (:mod:`.place_refs`) the gazetteer must confirm ("TORRINGTON —", "BEIRUT (AP) -", "DODOMA. The...");
* :data:`DATELINE_AGENCY` — the agency in brackets, the source of the whole report
  (:mod:`.source_lines`), group 1; its dash may be a colon.
"""

from __future__ import annotations

import re

__all__ = ["headline", "ISSUE_LABEL", "SENTENCE_END", "TITLE_END", "TITLE_CHARS", "LEAD_HEADLINE_WORDS",
           "DATELINE", "OPENING_DATELINE", "DATELINE_TOWN", "DATELINE_AGENCY"]

#: what closes a sentence at the end of a line, quotation marks and clause breaks included
SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ";", "…")
#: what closes a title line that is a sentence, not a title
TITLE_END = (".", "!")
#: the longest title line
TITLE_CHARS = 160
#: the most words of a headline before the lead; a longer unpunctuated first line is a standfirst
LEAD_HEADLINE_WORDS = 20
#: the label of the day a document was issued, before that day on its line ("Issued: 30 October 2026",
#: "Last updated: 4 May"): the document's date, not its event's (:mod:`.context`)
ISSUE_LABEL = re.compile(r"\s*(?:(?:Date\s+)?(?:Issued|Published|Released|Posted|Dated)(?:\s+on)?|(?:Last\s+)?Updated"
                         r"|Date\s+of\s+(?:issue|publication|release))\s*:\s*", re.IGNORECASE)


def headline(text: str, paragraphs: list[tuple[int, int]], *, closing: tuple[str, ...] = TITLE_END,
             max_chars: int | None = TITLE_CHARS, max_words: int | None = None,
             index: int = 0) -> tuple[int, int] | None:
    """The span of paragraph ``index`` (the first by default) when it is a headline or a line of the
    report's layout under it (a byline, a desk, a date line): one line, followed by another paragraph,
    that ends with none of ``closing`` and is at most ``max_chars`` characters and ``max_words``
    words long (None: no limit); else None."""
    if len(paragraphs) < index + 2:
        return None
    start, end = paragraphs[index]
    line = text[start:end].strip()
    if not line or "\n" in line or line.endswith(closing):
        return None
    if max_chars is not None and len(line) > max_chars or max_words is not None and len(line.split()) > max_words:
        return None
    return start, end


# ---------------------------------------------------------------------------- the dateline

#: the dash after a dateline: a separator, typed as a hyphen too
_DASH = "[-–—]"
#: the characters of an agency's name in brackets ("Reuters", "AP", "Border Report"); a name of two or
#: three small letters ("dpa") is an agency too
_AGENCY = r"[\w.&' -]"
#: a region between the town and the date ("GOMA, Democratic Republic of Congo, Sept 2 -")
_REGION = (r"(?:, [A-Z][\w.'’-]*(?: (?:of |and |the )?[A-Z][\w.'’-]*){0,3}(?=,)"
           # or the region ends the dateline ("EAGLE PASS, Texas --", "RENO, Nev. (AP) —"): then it is
           # written in title case or abbreviated, so an all-capitals headline with a comma is no dateline
           r"|, [A-Z](?:[a-z]|\.[A-Z])[\w.'’-]*(?: (?:of |and |the )?[A-Z][\w.'’-]*){0,3}(?=\s*[(\-–—]))?")
#: the date is a month (with its day) or a weekday, not any capitalised word ("UK, Germany, France -")
_DATE = (r"(?:, (?:(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?: \d{1,2})?"
         r"|(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?)(?![a-z]))?")
#: a full date, the day first or the month first, perhaps with the year ("22 September 2026", "Nov. 3, 2026")
_FULL_DATE = (r", (?:\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November"
              r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
              r"|(?:January|February|March|April|May|June|July|August|September|October|November|December"
              r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? \d{1,2},?)(?: \d{4})?")
DATELINE = re.compile(
    rf"(?:[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){{0,3}}{_REGION}{_DATE}\s*\((?:[A-Z]{_AGENCY}{{0,29}}|[a-z]{{2,3}})\)"
    rf"|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,3}}{_REGION}{_DATE}"
    # a town in title case with a full date ("Paris, 22 September 2026 -"): the date makes it a dateline
    # (perhaps with the paper or agency in brackets after it: "Colombo, January 19, 2026 (Daily Mirror) -")
    rf"|[A-Z][a-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){{0,2}}{_REGION}{_FULL_DATE}(?:\s*\([A-Z]{_AGENCY}{{0,29}}\))?)\s*(?:{_DASH}{{1,2}})[ \t]+")
#: a town in capitals closed by a full stop, the way some African and Asian papers write a dateline
#: ("DODOMA. The number of..."): the sentence after it opens in sentence case, so a line of an
#: all-capitals text ("PIKE COUNTY. THE STORM...") is none
_STOP_DATELINE = r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}\.[ \t]+(?=[A-Z][a-z])"
OPENING_DATELINE = re.compile(rf"[A-Z][A-Za-z .'’-]{{1,40}}(?:,[^\n(]{{0,40}})?\s*(?:\([^)\n]{{1,40}}\))?\s*(?:{_DASH}|--)\s"
                              rf"|{_STOP_DATELINE}")
DATELINE_TOWN = re.compile(
    rf"(?m)^[ \t]*(?P<name>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){{0,3}})"
    rf"(?=\s*(?:,\s*[A-Z][\w.]+\s*)?(?:\([^)\n]*\)\s*)?{_DASH}|\.[ \t]+[A-Z][a-z])")
DATELINE_AGENCY = re.compile(rf"^[A-Z][A-Za-z0-9 .,'-]{{1,60}}?\(\s*([A-Z]{_AGENCY}{{1,30}}?)\s*\)\s*(?:{_DASH}+|:)")
