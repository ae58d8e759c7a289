"""The unit grammar: units of measurement and rate denominators written after a number, without spaCy.

``unit_at(text, pos)`` reads the unit that follows a number ending at ``pos`` — glued ("500km",
"2GB"), after a space ("20 km", "9.9 billion yuan") or after a hyphen ("3.5-inch", "three-day") —
from the lexicon ``resources/units.tsv`` (dimension, canonical name, written forms).
``per_at(text, pos)`` reads a rate's denominator after a figure ("per share", "a year", "/h").

Used by :mod:`claimwatch.extract.numbers` (which numbers may carry a glued unit) and by the
all-numbers layer :mod:`claimwatch.extract.numeric`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_text

__all__ = ["UnitMatch", "unit_at", "per_at", "glued_unit_pattern", "unit_lexicon", "money_nouns", "measure_nouns", "DURATION_UNITS"]

Span = tuple[int, int]


@dataclass(frozen=True)
class UnitMatch:
    span: Span            # the unit as written, without the separator before it
    text: str
    name: str             # canonical name ("kilometre", "percent", "day", "dollar")
    dimension: str        # length, mass, ..., duration, money, points (see resources/units.tsv)
    hyphen: bool = False  # written "3.5-inch" / "three-day": an adjective before a noun


@lru_cache(maxsize=1)
def unit_lexicon() -> tuple[tuple[str, str, str, bool], ...]:
    """(form, canonical name, dimension, case-sensitive) for every written form, longest first."""
    raw = read_text("units.tsv")
    out = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        dimension, name, forms = line.split("\t")[:3]
        for form in forms.split("|"):
            form = form.strip()
            exact = form.startswith("=")
            form = form.lstrip("=")
            if form:
                out.append((form, name.strip(), dimension.strip(), exact))
    return tuple(sorted(out, key=lambda f: -len(f[0])))


@lru_cache(maxsize=1)
def money_nouns() -> frozenset[str]:
    """Every one-word currency noun of the lexicon, lower case ("euros", "naira", "gourdes", "cedis"):
    an amount that counts one is a sum of money, whatever the currency."""
    return frozenset(form.lower() for form, _name, dimension, exact in unit_lexicon()
                     if dimension == "money" and not exact and form.replace("-", "").isalpha() and " " not in form)


#: dimensions whose units measure rather than count (money is a sum, a duration a time: their own classes)
_MEASURE_DIMENSIONS = frozenset(("length", "area", "volume", "mass", "speed", "data", "frequency", "power", "energy",
                                 "temperature", "voltage", "points"))


@lru_cache(maxsize=1)
def measure_nouns() -> frozenset[str]:
    """Every one-word unit of measurement of the lexicon, lower case ("nm", "nmi", "hectares", "kWh",
    "megatons"): a figure written before one measures, it counts nothing ("34 nm south of X")."""
    return frozenset(form.lower() for form, _name, dimension, _exact in unit_lexicon()
                     if dimension in _MEASURE_DIMENSIONS and len(form) > 1 and form.isalpha())


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in forms)


def _end(form: str) -> str:
    # a form ending in a letter or digit must end at a word boundary ("km" not in "kms2")
    return r"(?![\w])" if form[-1:].isalnum() else ""


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    lex = unit_lexicon()
    folded = {f.lower(): (n, d) for f, n, d, exact in lex if not exact}
    exact = {f: (n, d) for f, n, d, ex in lex if ex}
    fold_re = "|".join(f"(?:{re.escape(f)}){_end(f)}" for f, _, _, ex in lex if not ex)
    exact_re = "|".join(f"(?:{re.escape(f)}){_end(f)}" for f, _, _, ex in lex if ex)
    sep = r"(?P<sep>[ \u00a0\u202f]?|-)"
    return (re.compile(sep + f"(?P<u>{fold_re})", re.IGNORECASE), re.compile(sep + f"(?P<u>{exact_re})"),
            folded, exact)


def glued_unit_pattern() -> str:
    """A regex of the unit forms that may be glued to a number (multi-character forms only)."""
    lex = [(f, exact) for f, _, _, exact in unit_lexicon() if f[0].isalpha() and " " not in f]
    folded = _alternation(f for f, exact in lex if not exact)
    exact = _alternation(f for f, exact in lex if exact)
    return f"(?:{folded}|(?-i:{exact}))" + r"(?![\w])"


#: what follows a distance from a place: a bearing and "of" / "from", "away", "off", "offshore", "out"
_A_DISTANCE_OFF = re.compile(r"\s+(?:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern|erly|wards?)?\s+(?:of|from)"
                             r"|[NSEW]{1,3}\s+of|away|off|offshore|out\b|to\s+the\s+(?:north|south|east|west))\b", re.I)


def unit_at(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos``, or None."""
    fold_re, exact_re, folded, exact = _compiled()
    best: UnitMatch | None = None
    for pattern, table, fold in ((fold_re, folded, True), (exact_re, exact, False)):
        m = pattern.match(text, pos)
        if m is None:
            continue
        form = m.group("u")
        sep = m.group("sep")
        if len(form) == 1 and sep:
            continue  # "5 m", "3 p": one-character units only glued ("5m", "50p", '15"')
        name, dimension = table[form.lower() if fold else form]
        if form.lower() == "nm" and _A_DISTANCE_OFF.match(text, m.end("u")):
            name = "nautical mile"  # "34 nm south of Lampedusa", "118 nm away": a sea distance, not a nanometre
        s = m.start("u")
        cand = UnitMatch((s, m.end("u")), form, name, dimension, sep == "-")
        if best is None or cand.span[1] > best.span[1]:
            best = cand
    return best


DURATION_UNITS = frozenset(("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
                            "decade", "century"))
_PER = re.compile(r"(?P<sep>\s*/\s*|\s+per\s+|\s+an?\s+|\s+each\s+|\s+every\s+)(?P<what>[a-z][a-z-]*)", re.I)


def per_at(text: str, pos: int) -> tuple[str, Span] | None:
    """The denominator of a rate after a figure ending at ``pos``: ("share", span of "per share"),
    ("year", span of "a year"). After "a/an/each/every" only time units count ("15 a year"),
    after "per" or "/" any noun ("$4.15 per share", "120 km/h" is a unit of its own)."""
    m = _PER.match(text, pos)
    if m is None:
        return None
    what = m.group("what").lower()
    sep = m.group("sep").strip().lower()
    unit = unit_at(text, m.start("what") - 1) if text[m.start("what") - 1:m.start("what")].isspace() else None
    if unit is not None and unit.dimension == "duration":
        what = unit.name
    elif sep not in ("per", "/"):
        return None
    start = pos + (len(m.group("sep")) - len(m.group("sep").lstrip()))
    return what, (start, m.end("what"))
