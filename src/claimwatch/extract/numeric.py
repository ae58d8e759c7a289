"""The numbers layer: every numeric mention of the report, with its kind, unit, bounds and change.

Counts are one kind among several here: ``count`` (a number of people or things), ``money``,
``percent``, ``measure`` (length, mass, speed, data, index points ...), ``duration``, ``rate``
(a figure per something: "15 a year", "$4.15 per share"), ``age``, ``fraction`` ("about half",
"two-thirds") and ``number`` (a bare figure: an index level, a total without a noun). Which
numbers become *count claims* is decided by the quantities stage
(:mod:`claimwatch.extract.quantities`); this layer marks those with ``is_count`` and takes their
unit, so the two never disagree on a count.

Conventions (those of TimeML/MEANTIME VALUE markables and of CQE/NewsQuant):

* ``span`` covers the figure with its qualifier ("about 500", "more than 7%", "all 228"), its
  currency ("US$40 billion", "9.9 billion yuan", "$249 USD"), a minus sign ("-36") and a unit of
  measurement written with it ("500km", "340 points", "3.5-inch", "hundreds of points"); the noun
  a count counts is *not* in the span ("179 | tankers"): it is ``unit`` / ``unit_span``. A rate's
  denominator is ``per``, outside the span.
* ``low``/``best``/``high``/``qualifier`` follow SPEC §3 (ranges, vague magnitudes included).
* ``change`` (:func:`~claimwatch.extract.number_context.change_of`): ``up`` / ``down`` for a rise
  or fall, else ``=``, ``~``, ``>``, ``<`` from the qualifier. "rose from 20 to 30" is two mentions:
  20 (the level it left, ``=``) and 30 (``up``).

Numbers that name rather than quantify are left out (:func:`~claimwatch.extract.number_context.naming_reason`):
years, dates and clock times (also those the time stage found), ordinals (except a running total
the quantities stage kept), numbers after a naming noun or inside/after a name, enumerations,
"one" used as a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from .base import Analysis, NumberMention, QuantityMention, Stage
from .fractions import find_fractions
from .number_context import (
    anchor_token,
    change_direction,
    change_for_qualifier,
    change_of,
    counted_noun,
    is_age,
    naming_reason,
    phrase_tokens,
)
from .numbers import CURRENCY_UNITS, NumberPhrase, find_number_phrases
from .units import DURATION_UNITS, UnitMatch, per_at, unit_at

__all__ = ["find_numbers", "STAGE", "KINDS"]

KINDS = ("count", "money", "percent", "measure", "duration", "rate", "age", "fraction", "number")

_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?|months?)[\s-]*(?:old|of\s+age)\b|\s*(?:yo|y\.o\.)\b", re.I)
_ALL_BEFORE = re.compile(r"(?<![\w])all\s+$", re.I)
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:-|−|minus\s+)$", re.I)
_OF_AFTER = re.compile(r"\s+of(?=\s)", re.I)
_FROM_TO = re.compile(r"^(?P<from>from\s+)(?P<a>.+?)(?P<sep>\s+to\s+)(?P<b>.+)$", re.I | re.S)
_ISO = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "hryvnias": "UAH", "rubles": "RUB",
        "rupees": "INR", "zlotys": "PLN", "francs": "CHF", "yuan": "CNY"}
_INVARIANT = frozenset("yen yuan baht rand naira lari taka ringgit".split())


def _money_unit(ph: NumberPhrase, unit: UnitMatch | None) -> tuple[str, str | None]:
    """(unit noun as in claim quantities, ISO 4217 code) of a money amount."""
    if ph.currency:
        noun = CURRENCY_UNITS.get(ph.currency.replace(" ", "")) or \
               CURRENCY_UNITS.get(ph.currency.rstrip("$ ").strip()) or "dollars"
    else:
        assert unit is not None
        noun = unit.name if unit.name in _INVARIANT else unit.name + "s"
        noun = {"pennys": "pence", "leus": "lei", "liras": "lire", "centurys": "centuries"}.get(noun, noun)
    return noun, _ISO.get(noun)


def _overlapping(spans, span: tuple[int, int]):
    return next((x for x in spans if x.span[0] < span[1] and span[0] < x.span[1]), None)


def _magnitude_of(analysis: Analysis, ph: NumberPhrase) -> tuple[int, UnitMatch | None]:
    """"hundreds of points", "billions of dollars" (the unit joins the span); "thousands of pages",
    "a score of jets" ("of" joins it, the counted noun stays outside)."""
    m = _OF_AFTER.match(analysis.text, ph.span[1])
    if m is None:
        return ph.span[1], None
    unit = unit_at(analysis.text, m.end())
    if unit is not None and unit.dimension != "duration":
        return unit.span[1], unit
    return m.end(), None


def _classify(analysis: Analysis, ph: NumberPhrase, tok: Token, count: QuantityMention | None) -> dict | None:
    """Kind, unit and span of one number phrase (None when it is not a quantity)."""
    text = analysis.text
    unit = None if ph.kind == "percent" else unit_at(text, ph.span[1])
    end = ph.span[1]
    if ph.kind == "magnitude" or (ph.value == 20 and text[ph.core[0]:ph.core[1]].lower().startswith("a score")):
        end, unit = _magnitude_of(analysis, ph) if unit is None else (end, unit)
    out: dict = {"unit": None, "unit_span": None, "dimension": None, "currency": None, "counted": None}
    if ph.kind == "percent":
        out.update(kind="percent", unit="percent", dimension="percent")
    elif ph.currency or (unit is not None and unit.dimension == "money"):
        money_unit, code = _money_unit(ph, unit)
        out.update(kind="money", unit=money_unit, dimension="money", currency=code)
        if unit is not None and unit.dimension == "money":
            end = unit.span[1]
    elif unit is not None and _AGE_AFTER.match(text, ph.span[1]):
        out.update(kind="age", unit="year", dimension="duration")
    elif unit is not None:
        out.update(kind="duration" if unit.dimension == "duration" else "measure", unit=unit.name,
                   dimension=unit.dimension, unit_span=unit.span)
        end = unit.span[1]
    elif is_age(analysis, ph, tok):
        out.update(kind="age", unit="year", dimension="duration")
    else:
        noun = counted_noun(analysis, tok, ph.span[1])
        if noun is not None and noun.lemma_.lower() in DURATION_UNITS:  # "six straight days"
            out.update(kind="duration", unit=noun.lemma_.lower(), dimension="duration",
                       unit_span=(noun.idx, noun.idx + len(noun.text)))
        elif count is not None:
            out.update(kind="count" if count.unit else "number", unit=count.unit, unit_span=count.unit_span,
                       counted=count.counted)
        elif noun is not None:
            out.update(kind="count", unit=noun.text, unit_span=(noun.idx, noun.idx + len(noun.text)))
        elif ph.kind in ("vague", "magnitude") and ph.value is None and end == ph.span[1]:
            return None  # "many", "several" quantifying nothing the quantities stage kept
        else:
            out.update(kind="number")
    out["span"] = (_start(text, ph), end)
    return out


def _start(text: str, ph: NumberPhrase) -> int:
    """The phrase start, taking in "all" ("all 228 people") and a minus sign ("-36")."""
    s = ph.span[0]
    if ph.span[0] == ph.core[0]:
        m = _ALL_BEFORE.search(text, max(0, s - 5), s) or _MINUS_BEFORE.search(text, max(0, s - 6), s)
        if m:
            return m.start()
    return s


def _negative(text: str, start: int) -> bool:
    return text[start:start + 1] in ("-", "\u2212") or text[start:start + 6].lower() == "minus "


def _mention(analysis: Analysis, ph: NumberPhrase, info: dict, tok: Token, count) -> NumberMention:
    text = analysis.text
    s, e = info["span"]
    per = per_at(text, e)
    kind = "rate" if per is not None and info["kind"] in ("count", "money", "number", "measure") else info["kind"]
    low, best, high, value = ph.low, ph.best, ph.high, ph.value
    if _negative(text, s):  # negation reverses the bounds
        low, best, high = (None if x is None else -x for x in (high, best, low))
        value = None if value is None else -value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return NumberMention(
        span=(s, e), text=text[s:e], kind=kind, value=value, low=low, best=best, high=high,
        qualifier=ph.qualifier, change=change_of(analysis, ph, tok, kind, s), unit=info["unit"],
        unit_span=info["unit_span"], dimension=info["dimension"], currency=info["currency"],
        per=per[0] if per else None, counted=info["counted"], is_count=count is not None,
        sent_i=analysis.sent_index(s), head_i=tok.i)


def _from_count(q: QuantityMention) -> NumberMention:
    """A count the quantities stage found that the grammar pass did not give (vague or implicit)."""
    return NumberMention(
        span=q.span, text=q.text, kind="count", value=q.best, low=q.low, best=q.best, high=q.high,
        qualifier=q.qualifier, change=change_for_qualifier(q.qualifier), unit=q.unit, unit_span=q.unit_span,
        counted=q.counted, is_count=True, sent_i=q.sent_i, head_i=q.head_i)


def _split_change_range(analysis: Analysis, ph: NumberPhrase) -> list[tuple[NumberPhrase, str | None]]:
    """"(rose) from US$55 billion to US$110 billion": two figures, not a range, when a verb or noun
    of change governs "from"; the second is the level reached (its change is the verb's direction)."""
    m = _FROM_TO.match(ph.text)
    if ph.qualifier != "range" or m is None:
        return [(ph, None)]
    toks = phrase_tokens(analysis, ph.span[0], ph.span[0] + 4)
    direction = change_direction(toks[0].head) if toks else None
    if direction is None:
        return [(ph, None)]
    parts = []
    for group in ("a", "b"):
        offset = ph.span[0] + m.start(group)
        found = find_number_phrases(analysis.text[offset:offset + len(m.group(group))], extended=True)
        for p in found[:1]:
            parts.append((NumberPhrase((p.span[0] + offset, p.span[1] + offset), p.text, p.value, p.low, p.best,
                                       p.high, p.qualifier, p.kind, p.currency,
                                       (p.core[0] + offset, p.core[1] + offset)),
                          direction if group == "b" else None))
    return parts if len(parts) == 2 else [(ph, None)]


def _fraction_mentions(analysis: Analysis, taken: list[tuple[int, int]]) -> list[NumberMention]:
    out = []
    times = [t.span for t in analysis.times]
    for f in find_fractions(analysis.text):
        if any(s < f.span[1] and f.span[0] < e for s, e in taken + times):
            continue
        toks = phrase_tokens(analysis, *f.span)
        tok = anchor_token(toks) if toks else None
        out.append(NumberMention(
            span=f.span, text=f.text, kind="percent" if f.percent else "fraction", value=f.value, low=f.low,
            best=f.best, high=f.high, qualifier=f.qualifier, change=change_for_qualifier(f.qualifier),
            unit="percent" if f.percent else None, dimension="percent" if f.percent else None,
            sent_i=analysis.sent_index(f.span[0]), head_i=tok.i if tok is not None else None))
    return out


def find_numbers(analysis: Analysis) -> list[NumberMention]:
    """Every numeric mention of the article (counts, money, percentages, measures, durations,
    rates, ages, fractions, bare figures), in text order; spans slice the text exactly."""
    text = analysis.text
    # a number inside a date or a clock time names it; one inside a duration ("six straight days") counts it
    times = [t.span for t in analysis.times if t.type != "DURATION"]
    counts = list(analysis.quantities)
    out: list[NumberMention] = []
    named: list[tuple[int, int]] = []
    phrases = find_number_phrases(text, extended=True)
    fractions = [f.span for f in find_fractions(text)
                 if not any(p.span[0] <= f.span[0] and f.span[1] <= p.span[1] and p.span != f.span for p in phrases)]
    for phrase in phrases:
        if any(s <= phrase.span[0] and phrase.span[1] <= e for s, e in fractions):
            continue  # "two" of "two-thirds": the fraction is the mention
        for ph, moved in _split_change_range(analysis, phrase):
            count = _overlapping(counts, ph.span)
            unit = unit_at(text, ph.span[1])
            in_time = any(s < ph.core[1] and ph.core[0] < e for s, e in times)
            reason = naming_reason(analysis, ph, in_time and not (unit is not None and unit.dimension == "duration"))
            if reason is not None and (count is None or reason in ("name", "year")):
                named.append(ph.span)  # a count the quantities stage kept inside a name is no number here
                continue
            tok = anchor_token(phrase_tokens(analysis, *ph.core))
            if tok is None:
                continue
            info = _classify(analysis, ph, tok, count)
            if info is not None:
                mention = _mention(analysis, ph, info, tok, count)
                out.append(mention if moved is None else replace(mention, change=moved))
    taken = [m.span for m in out] + named
    out += [_from_count(q) for q in counts if not any(s < q.span[1] and q.span[0] < e for s, e in taken)]
    out += _fraction_mentions(analysis, taken + [q.span for q in counts])
    out.sort(key=lambda m: m.span)
    return out


STAGE = Stage("numbers", ("doc", "quantities", "times"), ("numbers",), find_numbers)
