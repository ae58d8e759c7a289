"""An estimate stated with its interval: "16,480 excess deaths (95% confidence interval 13,900 to
19,200)", "2,300 deaths (95% CI 1,800-2,900)", "(95% UI 410-520)".

SPEC §3 gives bounds for qualifiers and ranges but says nothing of an interval stated beside a
point estimate. A coder records the point as ``best`` and the interval as ``low`` / ``high``, with
the qualifier ``approximately`` (an estimate, not an exact figure). The interval itself is no
second count. Read only when the interval holds the point, in a bracket that follows the count in
its sentence with no other figure between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .base import QuantityMention
from .numbers import find_number_phrases

__all__ = ["apply_intervals"]

#: the words between a count and its bracketed interval (no figure, no sentence end), then the label
_INTERVAL_LABEL = re.compile(
    r"[^\d().!?\n]{0,80}\(\s*(?:\d{1,2}(?:\.\d+)?\s*(?:%|per\s*cent)\s*)?"
    r"(?:CI|UI|CrI|(?:confidence|credible|uncertainty|prediction)\s+intervals?|range)\b\s*[:,=]?\s*",
    re.IGNORECASE)


def apply_intervals(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """``found`` with each count's interval as its bounds and the interval's own count dropped."""
    intervals: dict[int, tuple[float, float, tuple[int, int]]] = {}
    for i, q in enumerate(found):
        label = _INTERVAL_LABEL.match(text, q.span[1])
        if label is None or q.best is None or q.qualifier not in ("exact", "approximately"):
            continue
        phrase = next((p for p in find_number_phrases(text) if p.span[0] == label.end()), None)
        if phrase is None or phrase.qualifier != "range" or phrase.low is None or phrase.high is None:
            continue
        if phrase.low <= q.best <= phrase.high and text[phrase.span[1]:phrase.span[1] + 3].lstrip().startswith(")"):
            intervals[i] = (phrase.low, phrase.high, phrase.span)
    if not intervals:
        return found
    dropped = {span for _lo, _hi, span in intervals.values()}
    out = []
    for i, q in enumerate(found):
        if q.span in dropped:
            continue
        if i in intervals:
            low, high, _span = intervals[i]
            q = replace(q, low=low, high=high, qualifier="approximately")
        out.append(q)
    return out
