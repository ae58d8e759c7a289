"""The words of the temporal-expression grammar, defined once (``resources/timex_lexicon.json``),
and the regular-expression fragments built from them.

Month and weekday names are matched case-sensitively (``(?-i:...)``) inside otherwise
case-insensitive rules, so "may", "march" or "sun" as ordinary words never start a date.
"""

from __future__ import annotations

import re

from ..resources import read_json

__all__ = [
    "MONTHS", "WEEKDAYS", "NUMBERS", "UNITS", "SEASONS", "DAY_PARTS", "REFERENCES", "SETS", "RUNNING_TOTAL",
    "MON", "WD", "DAY", "DAY_NUM", "DAY_FIRST", "DAY_WORDS", "YEAR", "NUM", "UNIT", "SEASON", "PREP", "APPROX", "number", "unit_of", "month_of",
    "weekday_of", "day_of",
]

_LEX = read_json("timex_lexicon.json")

MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
NUMBERS: dict[str, int | str] = _LEX["numbers"]
UNITS: dict[str, tuple[str, int]] = {k: (v[0], int(v[1])) for k, v in _LEX["units"].items()}
SEASONS: dict[str, tuple[str, int, int]] = {k: (v[0], int(v[1]), int(v[2])) for k, v in _LEX["seasons"].items()}
DAY_PARTS: dict[str, str] = _LEX["day_parts"]
REFERENCES: dict[str, str] = _LEX["references"]
SETS: dict[str, str] = _LEX["sets"]
RUNNING_TOTAL: frozenset[str] = frozenset(_LEX["running_total"])


def _alt(words, escape: bool = True) -> str:
    ws = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") if escape else w for w in ws)


def _month_forms() -> list[str]:
    out = []
    for w, n in MONTHS.items():
        cap = w.capitalize()
        if len(w) > 4 or w == "may" or w == "june" or w == "july":
            out.append(cap)
        else:  # abbreviations: "Jan." / "Jan"; "Mar" and "Jun" only with their full stop or a year after
            # them ("08 Sep 2026", a log's day line: no name is followed by a year)
            out.append(cap + r"(?:\.|(?=[ \t]+(?:19|20)\d\d\b))" if w in ("mar", "jun", "jul", "apr", "sep") else cap + r"\.?")
    return out


#: a month name (capitalised; abbreviations with an optional full stop)
MON = "(?-i:" + "|".join(sorted(_month_forms(), key=len, reverse=True)) + r")(?![\w])"
#: a weekday name (capitalised)
WD = "(?-i:" + _alt(w.capitalize() for w in WEEKDAYS) + ")"
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
#: ordinal words of the days of a month, 1-31 ("eighth", "twenty-first"), as spoken in transcripts ("March eighth")
DAY_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINALS)}, "twentieth": 20, "thirtieth": 30, "thirty-first": 31,
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINALS[:9])},
}
#: a day of the month in figures, optionally ordinal ("3rd")
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: a day of the month as an ordinal word ("eighth", "twenty-first" / "twenty first")
DAY_WORD = (r"(?-i:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
            + _alt(sorted(_ORDINALS + ("twentieth", "thirtieth"), key=len, reverse=True)) + r")(?![\w-])")
#: a day of the month after its month: in figures or in words ("March 8", "March eighth")
DAY = rf"(?:{DAY_NUM}|{DAY_WORD})"
#: a day of the month before its month: in words only with "of" ("the eighth of March", not "the first March")
DAY_FIRST = rf"(?:{DAY_NUM}|{DAY_WORD}(?=\s+of\s))"
#: a four-digit year, 1600-2099
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
#: a cardinal: digits or a number word ("a few", "several" = unspecified)
NUM = (r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2|½)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
       r"(?:one|two|three|four|five|six|seven|eight|nine)|" + _alt(NUMBERS) + r")")
#: a unit of time, singular or plural
UNIT = r"(?:" + _alt(list(UNITS) + ["centuries"]) + r")s?"
#: a season
SEASON = "(?:" + _alt(SEASONS) + ")"
#: prepositions that head a time phrase; TimeML spans leave them out (the claim's phrase keeps them)
PREP = (r"(?:as\s+of|since|starting(?:\s+(?:on|in|from))?|from|in|on|at|by|during|until|till|through(?:out)?|"
        r"before|after|for|over|between|up\s+until|up\s+to|throughout|within)")
#: approximators that stay inside a TimeML span (TIMEX3 mod APPROX and friends)
APPROX = r"(?:about|around|some|nearly|almost|roughly|approximately|more\s+than|less\s+than|over|under|at\s+least|up\s+to)"


def number(word: str) -> int | None:
    """The value of a cardinal word or digits; ``None`` for an unspecified number ("several")."""
    w = " ".join(word.lower().replace("-", " ").replace(",", "").replace("½", " 1/2").split())
    w = re.sub(r"\s+1/2$", "", w)
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return int(float(w))
    if w in NUMBERS:
        v = NUMBERS[w]
        return None if v == "X" else int(v)
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:  # "twenty five"
        a, b = NUMBERS[parts[0]], NUMBERS[parts[1]]
        if isinstance(a, int) and isinstance(b, int):
            return a + b
    return None


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century", "Weeks" -> "week")."""
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    return WEEKDAYS[word.lower()]


def day_of(word: str) -> int:
    """The day of the month of a :data:`DAY` match ("3rd" -> 3)."""
    digits = re.match(r"\d+", word)
    if digits is not None:
        return int(digits.group(0))
    day = DAY_WORDS.get("-".join(word.lower().split()))
    if day is None:
        raise ValueError(f"not a day of the month: {word!r}")
    return day
