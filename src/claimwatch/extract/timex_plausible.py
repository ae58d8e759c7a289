"""Whether a match of the time grammar is a time expression in its context: the verb "may" or a
surname "May", a bare "fall", a title "This Week", an index level "2082.1", "the fall of the Berlin
Wall", "in the nineties" of temperatures, "a second time" ... (:func:`plausible`, run by
:func:`.timex_rules.scan` before the longest matches are chosen)."""

from __future__ import annotations

import re

from .line_stamps import FOUR_FIGURE_STAMP, four_figure_stamp
from .timex_registry import Found
from .timex_words import DAY_NUM, MON, WD, weekday_of

__all__ = ["plausible", "named_after_date"]


_PLURAL_PREPS = ("for", "in", "over", "within", "after", "during", "throughout")
_YEAR_PREPS = ("for", "in", "during", "throughout", "over")
#: a count no fraction takes ("several quarters of losses" is a duration, "three quarters of the vote" a share)
_VAGUE_COUNT = re.compile(r"(?:several|a\s+few|few|many)\s")
#: a reading on a scale in the sentence: "in the nineties" is then degrees, not a decade
_SCALE_READING = re.compile(r"\b(?:temperatures?|degrees|highs|lows|fahrenheit|celsius|thermometers?|mercury|"
                            r"heat\s+index|wind\s+chill)\b", re.I)
_SENTENCE_EDGE = re.compile(r"[.!?\n]")
#: a day named just before an appositive "the day" ("Oct. 12, the day before", "Friday, the day after")
_DAY_JUST_NAMED = re.compile(rf"(?:{MON}\.?\s+{DAY_NUM}|{WD}),\s+$")
#: words no fraction takes between its count and "quarters" ("two consecutive quarters of growth")
_IN_A_ROW = re.compile(r"\b(?:consecutive|straight|successive|additional|further)\b")


#: "on Monday and Tuesday": two days in a row that date one event, from the first to the second
_ON_TWO_DAYS = re.compile(rf"on\s+(?P<a>{WD})\s+and\s+(?P<b>{WD})$", re.I)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)s?\b", re.I)


def _two_days_of_one_event(f, text: str) -> bool:
    """"clashes on Monday and Tuesday": the event's two days in a row; not two days apart ("met on
    Monday and Thursday": two meetings), nor "on Monday and Tuesday night(s)" (the second has a part)."""
    m = _ON_TWO_DAYS.match(text, f.start, f.end) if f.kind == "night_range" and f.prep == "on" else None
    if m is None or _PART_OF_DAY.match(text, f.end):
        return False
    return (weekday_of(m.group("b")) - weekday_of(m.group("a"))) % 7 == 1


def _sentence_around(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in _SENTENCE_EDGE.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    after = _SENTENCE_EDGE.search(text, end, end + 200)
    return text[before:after.start() if after else end + 200]


def _a_reading_not_a_decade(f: Found, text: str) -> bool:
    """"Temperatures were in the nineties", "highs in the '80s": a decade written without its century
    in a sentence about temperatures is a range of degrees."""
    century_left_out = f.kind == "decade_word" or f.kind == "decade" and bool(f.groups.get("yy") or f.groups.get("yy2"))
    return century_left_out and bool(_SCALE_READING.search(_sentence_around(text, f.start, f.end)))


#: a capitalised place noun right after a date makes the date a name: "26 September Street", "the 6th of
#: October Bridge", "May 15 Hospital"
_NAMED_AFTER_DATE = re.compile(
    r"[^\S\n]+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Square|Sq\.?|Bridge|Boulevard|Blvd\.?|Highway|Stadium|Park|Airport|"
    r"Hospital|School|University|Camp|District|Neighbou?rhood|Movement|Brigade|Revolution|Uprising|Index)\b")
#: adjectives that make a weekday the name of a day of its own ("Black Monday", "Super Tuesday", "Bloody Sunday")
_NAMED_DAY = re.compile(r"\b(?:Black|Bloody|Super|Cyber|Giving)\s*$")
def named_after_date(text: str, end: int) -> bool:
    """Whether a date or a year ending at ``end`` is part of a name ("26 September Street", "the Russell
    2000 Index")."""
    return bool(_NAMED_AFTER_DATE.match(text, end))


_MODAL_END = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must)\s+$", re.I)
_MAY_VERB = re.compile(r"\s+(?:be|have|not|also|well|never|still|soon|even|only|just|now|already|yet|want|need)\b")


def clock_stamp_of_a_log(text: str, start: int, end: int) -> bool:
    """"1902 - 4 survivors evacuated" in a log whose other lines open "0312 -", "0640 -", "2215 -": a stamp
    that could be a year is a clock time when a line of its block opens with a stamp no year can be (a
    leading zero, or past 2100); a timeline's year lines ("1998 - ...", "2014 - ...") stay years."""
    if not four_figure_stamp(text, start, end):
        return False
    block_start = text.rfind("\n\n", 0, start) + 1
    block_end = text.find("\n\n", end)
    block = text[block_start:len(text) if block_end < 0 else block_end]
    return any(h[0] == "0" or int(h) > 2100 for h in (n.group("hhmm") for n in FOUR_FIGURE_STAMP.finditer(block)))


def _misread_line_stamp(f: Found, text: str) -> bool:
    """A line's four-figure stamp read the wrong way: a log's clock stamp as a year ("2015 - 14 passengers"
    in a block of clock stamps is neither the year 2015 nor the years "2015 - 14"), a timeline's year as a
    clock time ("1998 - 12 goals")."""
    if f.kind == "year":
        return clock_stamp_of_a_log(text, f.start, f.end)
    if f.kind == "range_y":
        return clock_stamp_of_a_log(text, f.core, f.core + 4)
    return f.kind == "clock" and bool(f.groups.get("hl")) and not clock_stamp_of_a_log(text, f.core, f.end)


def plausible(f: Found, text: str) -> bool:
    """Whether a match is a time expression in its context."""
    core = text[f.core:f.end]
    low_core = core.lower()
    before = text[max(0, f.start - 30):f.start]
    if f.kind in ("month", "month_day") and core.split()[0] == "May" and not f.prep and not f.groups.get("rel"):
        if f.kind == "month" and (_MAY_VERB.match(text[f.end:]) or re.search(r"[A-Z][\w.]*\s+$", before)
                                  and not re.search(r"[.!?:;\"“]\s*$", before)):
            return False  # the verb "may", or a name ("Theresa May")
    if f.kind == "month" and not f.prep and not f.groups.get("rel") and re.search(r"\b[A-Z][a-z]+\s+$", before) \
            and not re.search(r"(?:^|[.!?:;\"“\n])\s*[A-Z][a-z]+\s+$", before):
        return False  # "Brian March": a surname after a capitalised word
    if f.kind == "season" and not (f.groups.get("rel") or f.groups.get("y") or f.groups.get("q")):
        return False  # a bare "fall" / "spring" is usually the verb or noun
    if f.kind == "season" and low_core.split()[-1] in ("fall", "spring") and not f.groups.get("y") \
            and re.match(r"\s+of\s+(?!\d|(?:last|this|next|that|nineteen|twenty|two)\b)", text[f.end:], re.I):
        return False  # "the fall of the Berlin Wall", "the spring of their discontent": a noun
    if f.kind == "season" and core[:1].isupper() and low_core.split()[-1] in ("fall", "spring") and f.core > 1 \
            and text[f.core - 2:f.core - 1] not in ".\n":
        return False  # a capitalised "Spring" mid-sentence is usually a name
    if f.kind == "season" and not f.groups.get("y") and text[f.end - len(f.groups["s"]):f.end][:1].isupper() \
            and re.match(r"\s+[A-Z][a-z]", text[f.end:]) and f.core > 1 and text[f.core - 2:f.core - 1] not in ".\n":
        return False  # "the Summer Love" (a boat), "the Winter Palace": a name in title case
    if f.kind in ("range_any", "night_range") and f.prep not in ("between", "from") and "night" not in low_core \
            and not _two_days_of_one_event(f, text):
        return False  # "between X and Y", "from X to Y"
    if f.kind == "holiday" and re.match(r"\s+(?:and\s+[A-Z][\w' ]+\s+)?(?:sales|shopping|season|holidays?|period|rush|"
                                         r"trading|quarter|week|weekend|break|vacation|spending)\b", text[f.end:]):
        return False  # "Christmas sales", "the Christmas and New Year sales period": a season, not the day
    if _a_reading_not_a_decade(f, text):
        return False
    if f.kind == "year" and re.match(r"\.\d", text[f.end:f.end + 2]):
        return False  # "closed at 2082.1": an index level
    if _misread_line_stamp(f, text):
        return False
    if f.kind == "the_day" and f.groups.get("appos") and not _DAY_JUST_NAMED.search(text[max(0, f.core - 24):f.core]):
        return False  # "the toll rose to 12, the day after the storm": a count, no day, before it
    if f.kind == "rel_unit" and re.search(r"\b(?:This|Last|Next)\s+(?:Week|Month|Year)\b", core):
        return False  # "ABC's This Week": a title in title case
    if f.kind == "month" and core == "March" and re.search(r"\b(?:the|an?|annual)\s+(?:``|[\"“‘'])?$", before) \
            and re.match(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]", text[f.end:]):
        return False  # "the annual March for Life", the ``March of the Combatant Mothers'': a march
    if f.kind == "spoken_year" and low_core.startswith("two") and (
            f.prep not in ("in", "by", "since", "until", "before", "after") or re.match(r"\s+[a-z]", text[f.end:])):
        return False  # "two thousand troops": a number, unless "the year two thousand" / "by two thousand ."
    if f.kind == "the_year" and not f.groups.get("adj") and f.prep not in _YEAR_PREPS:
        return False  # "close the year", "the year of the iPhone": "for the year", "in the year ended ..."
    if f.kind == "plural_unit" and f.prep not in _PLURAL_PREPS and "long" not in low_core:
        return False
    if f.kind == "reference" and (text[f.end:f.end + 1] == "-" or low_core == "current" and f.prep):
        return False  # "now-defunct"
    if f.kind == "reference" and low_core.endswith("future") and re.match(r"\s+of\s", text[f.end:f.end + 4]):
        return False  # "the future of the industry", "secure the future of the plant": its prospects, not a time
    if f.kind == "weekday" and not f.prep and not f.groups.get("rel") and re.match(r"\s+[A-Z][a-z]+\b(?!\s*,)", text[f.end:]) \
            and not re.match(rf"\s+{MON}", text[f.end:]):
        return False  # "Sunday Times", "Monday Night Football": part of a name
    if f.kind == "month" and re.fullmatch(r"(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)", core):
        return False  # "Jan Smith": an abbreviation needs its full stop or a day
    if f.groups.get("nm") and low_core.startswith("noon") and re.search(r"\bhigh\s+$", before, re.I):
        return False  # "High Noon", "high noon comes today": the idiom, no clock time
    if _part_of_a_name(f, core, before, text):
        return False
    return _duration_plausible(f, text, before) if f.kind == "duration" else True


def _part_of_a_name(f: Found, core: str, before: str, text: str) -> bool:
    """"USA Today", "Black Monday", "26 September Street", "the Russell 2000 Index": a title or a name
    that holds a time word, not a time."""
    if f.kind == "deictic" and core == "Today" and re.search(r"(?<![\w.])[A-Z]{2,5}\s+$", before):
        return True  # a title after an acronym, not the report's day
    named_day = _NAMED_DAY.search(before) if f.kind == "weekday" and not f.groups.get("rel") else None
    if named_day and not re.search(r"[A-Z][\w.]*\s+$", before[:named_day.start()]):
        return True  # a named day, not the last or next one ("Mr. Black Monday said": a name and a day)
    return f.kind in ("full", "month_day", "month", "year") and named_after_date(text, f.end)


def _duration_plausible(f: Found, text: str, before: str) -> bool:
    """A duration's checks; "1,250 a day" becomes a rate (kind ``set``)."""
    core = text[f.core:f.end]
    low_core = core.lower()
    if re.search(r"quarters?$", low_core) and not _VAGUE_COUNT.match(low_core) and not _IN_A_ROW.search(low_core) and (
            "-" in low_core or text[f.end:f.end + 3] == " of" or low_core.startswith("about")):
        return False  # "three-quarters", "a quarter of the vote": fractions; not "several quarters of losses",
        # "two consecutive quarters of growth"
    if low_core == "one day" and _MODAL_END.search(before):
        return False  # "will one day be": FUTURE_REF (rule "some_day"), no duration
    if re.fullmatch(r"\d+\s+[A-Z][a-z]+", core):
        return False  # "CBS's 60 Minutes", "24 Hours of Le Mans": a title (a unit is written in lower case)
    if low_core in ("a second", "one second"):
        return False  # "a second time", "a second boat"
    if f.groups.get("n", "").lower() in ("a", "an") and not f.prep:
        if re.search(r"(?:\d|\b(?:dozen|hundred|thousand|million|times))\S*(?:\s+[\w-]+){0,3}\s+$", before):
            f.kind = "set"  # "1,250 a day": a rate
    return True
