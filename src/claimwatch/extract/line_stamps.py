"""A line's four-figure stamp: a number of four figures opening a line of a log or a timeline before
the spaced dash that sets off the entry it stamps ("0640 - 38 persons rescued", "2215hrs - two men
arrested", "1998 - 12 climbers died").

The pattern is written once here; the questions asked of it are the stages' own: whether the figure
is a stamp rather than a count (:mod:`.quantity_labels`), whether it is a clock time or a year
(:mod:`.timex_plausible`)."""

from __future__ import annotations

import re

__all__ = ["STAMP_SUFFIX", "FOUR_FIGURE_STAMP", "four_figure_stamp"]

#: the suffix a clock stamp may carry ("2215hrs", "0640 UTC")
STAMP_SUFFIX = r"(?:hrs?|h|UTC|GMT|Z|LT)\b"
#: a four-figure stamp (group ``hhmm``) opening a line before a spaced dash and the entry's first word
FOUR_FIGURE_STAMP = re.compile(rf"^[ \t]*(?P<hhmm>\d{{4}})(?:[ \t]*{STAMP_SUFFIX})?[ \t]+[-–—][ \t]+\S", re.M)


def four_figure_stamp(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the four-figure stamp opening its line."""
    m = FOUR_FIGURE_STAMP.match(text, text.rfind("\n", 0, start) + 1)
    return m is not None and m.span("hhmm") == (start, end)
