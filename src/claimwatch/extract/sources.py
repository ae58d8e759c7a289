"""Source typing and source-name canonicalisation (SPEC §4).

Pure functions over strings; no parsing. The lexicon lives in
``resources/source_types.json`` (organisation patterns and person roles per type,
case-sensitive acronyms and name parts — the words that make a capitalised name an organisation
of a kind: "... Watch", "... Monitor", "Campaign to ..." —, titles, outlet name endings) and the
alias table of widely known organisation name variants in ``resources/source_aliases.json``.
Both are read once per process.

* :func:`classify_source` — the SPEC §4 type of a source phrase ("the UK's Ministry of
  Defense" → ``military``, "a Telegram channel" → ``social_media``, "sources" →
  ``unnamed``). Organisation patterns beat person roles; matches in the head part of
  the phrase (before "of", "to", "who", a comma ...) beat matches in its modifiers;
  among those the rightmost (the English head noun), the longest, and then the type
  priority decide. ``context`` (an apposition, a relative clause, an earlier title) is
  consulted when the name itself only gives a role or nothing.
* :func:`canonical_name` — strips determiners, possessive markers and titles and maps
  known variants to one canonical name ("The UK's Ministry of Defense" →
  "UK Ministry of Defence").
* :func:`platform_of` — the platform named in a phrase ("on its Facebook page" → "Facebook").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import SOURCE_TYPES, SourceType, is_source_type
from ..resources import read_json
from .base import cue_lexicon
from .gazetteer import get_gazetteer
from .literal_starts import spans_at

__all__ = [
    "SOURCE_TYPES",
    "lexicon_source_type",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "expand_titles",
    "classify_source",
    "canonical_name",
    "strip_determiners",
    "strip_title",
    "alias_of",
    "platform_of",
    "is_unnamed",
    "looks_like_outlet",
    "normalise_key",
    "is_organisation",
    "source_strength",
]

_TYPES = read_json("source_types.json")
_ALIASES = read_json("source_aliases.json")
_CUES = cue_lexicon()

_PRIORITY = {t: i for i, t in enumerate(_TYPES["priority"])}
_GENERIC = {
    "service", "services", "office", "department", "agency", "agencies", "bureau", "mission",
    "directorate", "command", "division", "council", "commission", "administration",
    "authorities", "authority", "head", "chief", "leader", "director", "intelligence", "media",
    # a remit of public safety types a body only when nothing names its owner ("the Red Cross
    # disaster management team" is the Red Cross's)
    "disaster prevention", "disaster management", "disaster risk reduction", "emergency management",
}


#: a website's domain name: labels of letters, digits and hyphens, a top-level domain of letters
_DOMAIN = re.compile(r"(?:www\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[a-z]{2,6}|[A-Z]{2,6})")


#: what a trailing ``*`` adds to a lexicon word: a compound or derivational tail that makes a
#: person or a body of it ("spokes*" → spokeswoman, "aid organi*" → aid organisations, "protest
#: organi*" → organisers), then a plural or possessive ending. A closed list: "cop*" is no
#: Copenhagen, "son*" no Sonia, "host*" no hostage, "fan*" no fanatic.
_WORD_TAILS = r"(?:wo)?m[ae]n|person|people|[sz]ation|[sz]er"
_WORD_TAIL = r"(?:" + _WORD_TAILS + r")?"
_WORD_ENDING = r"(?:e?s|['’]s|s['’]|['’])?"
#: the adjective a stem of five letters or more makes ("president*" → presidential, "minister*" →
#: ministerial, "government*" → governmental); a short stem takes none ("post*" is no postal)
_ADJECTIVE_TAIL = r"(?:i?al|" + _WORD_TAILS + r")?"
_ADJECTIVE_MIN_STEM = 5


def _starred(stem: str) -> str:
    """The regex of lexicon word ``stem*``: a stem in a consonant and 'y' also takes 'ies'
    ("agency*" → agencies), one in 'man' also takes 'men' ("policeman*" → policemen)."""
    if re.search(r"[^aeiou]y$", stem):
        return re.escape(stem[:-1]) + r"(?:y|ie(?=s))" + _WORD_ENDING
    if stem.endswith("man"):
        return re.escape(stem[:-3]) + r"m[ae]n" + _WORD_ENDING
    if len(stem) >= _ADJECTIVE_MIN_STEM:
        return re.escape(stem) + _ADJECTIVE_TAIL + _WORD_ENDING
    return re.escape(stem) + _WORD_TAIL + _WORD_ENDING


def _pattern(p: str) -> str:
    """A lexicon pattern as a regex: words on whitespace, trailing ``*`` = the word's endings
    (:func:`_starred`), ``?`` kept."""
    stem, star = (p[:-1], True) if p.endswith("*") else (p, False)
    out = re.escape(stem).replace(r"\ ", r"\s+").replace(r"\?", "?")
    if star:
        head, _, last = out.rpartition(r"\s+")
        last_word = stem.split()[-1] if stem.split() else stem
        tail = _starred(last_word)
        if "?" in last_word:   # an optional letter in the word ("neighbo?r*"): keep it as written
            tail = last + _WORD_TAIL + _WORD_ENDING
        out = (head + r"\s+" if head else "") + tail
    return out


def _compile(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    pats = sorted({p for p in patterns if p}, key=len, reverse=True)
    if not pats:
        return None
    return re.compile(r"(?<![\w'-])(?:" + "|".join(_pattern(p) for p in pats) + r")(?![\w-])", flags)


def lexicon_source_type(name: str, lexicon: str = "source_types.json") -> SourceType:
    """A source type a lexicon names, checked against SPEC §4 (a typo in the lexicon fails at import)."""
    if not is_source_type(name):
        raise ValueError(f"{lexicon}: {name!r} is not a SPEC §4 source type")
    return name


def _literal_lead(p: str) -> str:
    """The characters every match of lexicon pattern ``p`` opens with, as written: up to its
    first space (any run of whitespace), wildcard or optional character."""
    n = 0
    while n < len(p) and p[n] not in " *?":
        n += 1
    if n < len(p) and p[n] == "?":
        n -= 1
    return p[:max(n, 0)]


def _openings(patterns: list[str], ignore_case: bool) -> tuple[int, frozenset[str]] | None:
    """(n, the first n characters, lower-cased when matching ignores case) one of which opens
    every match of ``_compile(patterns)`` in an ASCII text (n at most 3), or None when a pattern
    does not open with ASCII literal characters."""
    leads = [_literal_lead(p) for p in patterns if p]
    n = min((len(lead) for lead in leads), default=0)
    if n == 0 or not all(lead.isascii() and lead[0].isalpha() for lead in leads):
        return None
    n = min(n, 3)
    return n, frozenset(lead[:n].lower() if ignore_case else lead[:n] for lead in leads)


# (type, strength) -> regex; strength 2 = organisation, 1 = role
_MATCHERS: list[tuple[SourceType, int, re.Pattern[str]]] = []
#: per matcher, whether it ignores case and how its matches open (:func:`_openings`)
_MATCHER_OPENINGS: list[tuple[bool, tuple[int, frozenset[str]] | None]] = []
for _t, _spec in _TYPES["types"].items():
    for _kind, _strength in (("org", 2), ("role", 1)):
        _rx = _compile(_spec.get(_kind, []))
        if _rx is not None:
            _MATCHERS.append((lexicon_source_type(_t), _strength, _rx))
            _MATCHER_OPENINGS.append((True, _openings(_spec.get(_kind, []), ignore_case=True)))
#: a company's name ends in one of these ("Monitor Group", "Heart Monitor Inc."): a word of the name that says a
#: kind of civil organisation ("... Monitor") does not type it
_COMPANY_NAME = r"(?!.*\b(?:Group|Inc|Ltd|LLC|PLC|Corp|Corporation|Company|GmbH|AG|Holdings|Technologies|Labs)\b)"
#: the matchers of a company's name words ("Logistics", "Mining", "Tours"): they type the name they head, not a
#: place after "of" ("the mayor of Tours") nor a state body the name also names ("Public Utilities Commission")
_COMPANY_WORDS: set[int] = set()
for _section, _guard in (("acronyms", ""), ("name_parts", _COMPANY_NAME)):
    for _t, _acr in _TYPES[_section].items():
        if _t.startswith("_"):
            continue
        _rx = _compile(_acr, flags=0)
        if _rx is not None:
            _guarded = _guard and _t != "witness"    # a company's name word types the company itself
            if _section == "name_parts" and _t == "witness":
                _COMPANY_WORDS.add(len(_MATCHERS))
            _MATCHERS.append((lexicon_source_type(_t), 2, re.compile(_rx.pattern + _guard) if _guarded else _rx))
            _MATCHER_OPENINGS.append((False, _openings(_acr, ignore_case=False)))
#: where a lexicon match can start in an ASCII text: a letter after no word character, apostrophe or hyphen
_WORD_START = re.compile(r"(?<![\w'-])[A-Za-z]")

_UNNAMED_HEAD = _compile(_TYPES["unnamed"]["heads"])
_UNNAMED_MARK = _compile(_TYPES["unnamed"]["markers"])
_UNNAMED_WEAK = _compile(_TYPES["unnamed"]["weak_markers"])
_UNNAMED_WEAK_HEAD = _compile(_TYPES["unnamed"]["weak_heads"])
_OUTLET_END = re.compile(
    r"(?:^|\s)(?:[A-Z][\w.&'-]*\s+)*(?:" + "|".join(re.escape(s) for s in _TYPES["outlet_suffixes"]) + r")$",
    re.IGNORECASE,
)
#: abbreviated titles and ranks as written ("Cpl.", "Supt."), each with the word it abbreviates
TITLE_ABBREVIATIONS: dict[str, str] = {k: v for k, v in _TYPES["title_abbreviations"].items() if not k.startswith("_")}
_TITLES = {t.strip(".") for t in _TYPES["titles"]} | {a.strip(".").lower() for a in TITLE_ABBREVIATIONS}
TITLES = frozenset(_TITLES)
_TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(TITLE_ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)")


def expand_titles(text: str) -> str:
    """The abbreviated titles of ``text`` written out ("Det. Supt. John Harris" → "detective
    superintendent John Harris"), so the role lexicon reads them."""
    return _TITLE_ABBREVIATION.sub(lambda m: TITLE_ABBREVIATIONS[m.group(1)], text)
_HEAD_CUT = re.compile(
    r",|\(|\s(?:of|to|for|at|in|with|from|on|by|near|who|whom|whose|which|that|linked|close|based|run|"
    r"headquartered|affiliated|loyal|working|speaking)\b",
    re.IGNORECASE,
)
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|its|their|his|her|our|another|one|some|several|two|three)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"\b([A-Z][\w.&-]*)(?:['’]s|['’])(?=\s)")
_PLATFORMS = {k: v for k, v in _CUES["platforms"].items()}
_PLATFORM_RX = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(_PLATFORMS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def strip_determiners(name: str) -> str:
    """"The UK's Ministry of Defense" → "UK Ministry of Defense" (determiners; the possessive 's of a proper name)."""
    s = _DETERMINERS.sub("", name.strip())
    s = re.sub(r"^of\s+(?:the\s+)?", "", s)      # "One of the officials" -> "officials"
    s = _POSSESSIVE.sub(r"\1", s)
    return re.sub(r"\s+", " ", s).strip(" ,;:")


def strip_title(name: str) -> tuple[str | None, str]:
    """Split leading titles off a person name: "Col. Demchenko" → ("Col.", "Demchenko").

    Only strips when a capitalised name remains ("Minister" alone stays as it is)."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().strip(".,") in _TITLES:
        i += 1
    if i == 0 or not words[i][:1].isupper():
        return None, name
    return " ".join(words[:i]), " ".join(words[i:])


@lru_cache(maxsize=8192)
def normalise_key(name: str) -> str:
    s = strip_determiners(name.replace("’", "'")).lower()
    s = re.sub(r"[^\w\s-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _build_alias_index() -> tuple[dict[str, dict], dict[str, list[dict]]]:
    exact: dict[str, dict] = {}
    generic: dict[str, list[dict]] = {}
    for entry in _ALIASES["entries"]:
        for v in entry.get("variants", []):
            exact.setdefault(normalise_key(v), entry)
        exact.setdefault(normalise_key(entry["canonical"]), entry)
        for v in entry.get("generic_variants", []):
            generic.setdefault(normalise_key(v), []).append(entry)
    return exact, generic


_ALIAS_EXACT, _ALIAS_GENERIC = _build_alias_index()


@lru_cache(maxsize=64)
def _country_counts(context: str) -> dict[str, int]:
    low = context.lower()
    counts: dict[str, int] = {}
    for entry in _ALIASES["entries"]:
        c = entry.get("country")
        if not c or c in counts:
            continue
        words = entry.get("country_words", [])
        rx = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")
        counts[c] = len(rx.findall(low))
    return counts


def alias_of(name: str, context: str | None = None) -> str | None:
    """The canonical name of a known organisation variant, or None.

    Generic variants ("State Border Service") resolve only with a ``context`` (the article
    text) that mentions the entry's country, the most mentioned country winning."""
    key = normalise_key(name)
    entry = _ALIAS_EXACT.get(key)
    if entry is not None:
        return entry["canonical"]
    candidates = _ALIAS_GENERIC.get(key)
    if candidates and context:
        counts = _country_counts(context)
        best = max(candidates, key=lambda e: counts.get(e.get("country", ""), 0))
        if counts.get(best.get("country", ""), 0) > 0:
            return best["canonical"]
    return None


def canonical_name(name: str, *, context: str | None = None, person: bool = False) -> str:
    """Determiners and possessives stripped (and titles, for a ``person``); known variants mapped to
    one name; an acronym cut with its bracket left open ("... Police Conduct (IOPC") dropped."""
    opened = name.rfind("(")
    if opened > 0 and ")" not in name[opened:]:
        name = name[:opened]
    base = strip_determiners(name)
    alias = alias_of(base, context)
    if alias:
        return alias
    if person:
        _, base = strip_title(base)
    return base


def is_unnamed(name: str) -> bool:
    """"sources", "a source close to the talks", "officials who asked not to be named"."""
    low = name.lower()
    if _UNNAMED_MARK is not None and _UNNAMED_MARK.search(low):
        return True
    head = _HEAD_CUT.split(low, maxsplit=1)[0]
    if _UNNAMED_HEAD is not None and _UNNAMED_HEAD.search(head):
        return True
    return bool(_UNNAMED_WEAK is not None and _UNNAMED_WEAK.search(low) and _UNNAMED_WEAK_HEAD is not None
                and _UNNAMED_WEAK_HEAD.search(head))


def looks_like_outlet(name: str) -> bool:
    """A capitalised name ending in an outlet word ("The Kyiv Independent", "Fox News"), or a
    website's domain name ("thedefensepost.com", "news.az"): a publisher."""
    s = strip_determiners(name)
    return bool(s[:1].isupper() and _OUTLET_END.search(s)) or bool(_DOMAIN.fullmatch(s))


def platform_of(text: str) -> str | None:
    """The platform named in ``text`` ("on its Facebook page" → "Facebook"), if any."""
    for m in _PLATFORM_RX.finditer(text):
        word = m.group(1)
        if word.lower() == "x" and word != "X":
            continue
        return _PLATFORMS[word.lower()]
    return None


_Index = list[dict[str, list[int]]]


def _opening_index() -> tuple[_Index, _Index, frozenset[int]]:
    """Per opening length n (list index n - 1), the matchers (by index) each opening opens: one
    index keyed lower-case for the matchers that ignore case, one keyed as written for the others;
    and the matchers that must scan the whole text."""
    folded: _Index = [{}, {}, {}]
    exact: _Index = [{}, {}, {}]
    unindexed: set[int] = set()
    for k, (ignore_case, openings) in enumerate(_MATCHER_OPENINGS):
        if openings is None:
            unindexed.add(k)
            continue
        n, opening = openings
        for key in opening:
            (folded if ignore_case else exact)[n - 1].setdefault(key, []).append(k)
    return folded, exact, frozenset(unindexed)


_OPENING_INDEX = _opening_index()


def lexicon_spans(text: str) -> list[list[tuple[int, int]]]:
    """Per lexicon matcher (in :data:`_MATCHERS` order), the spans ``rx.finditer(text)`` finds.
    In an ASCII text a matcher is tried only where a word opens with the first characters of one
    of its patterns (:func:`_openings`), not at every character as ``re`` would: some 25 scans
    of every phrase were most of the source typing's time."""
    if not text.isascii():
        return [[m.span() for m in rx.finditer(text)] for _, _, rx in _MATCHERS]
    folded, exact, unindexed = _OPENING_INDEX
    places: list[list[int]] = [[] for _ in _MATCHERS]
    for m in _WORD_START.finditer(text):
        i = m.start()
        for n in (0, 1, 2):
            head = text[i:i + n + 1]
            for k in folded[n].get(head.lower(), ()):
                places[k].append(i)
            for k in exact[n].get(head, ()):
                places[k].append(i)
    return [[m.span() for m in rx.finditer(text)] if k in unindexed else spans_at(rx, text, places[k])
            for k, (_, _, rx) in enumerate(_MATCHERS)]


@lru_cache(maxsize=8192)
def _best_match(text: str) -> tuple[SourceType, int] | None:
    """(type, strength) of the best lexicon match in ``text``, or None."""
    if not text:
        return None
    cut = _HEAD_CUT.search(text)
    head_end = cut.start() if cut else len(text)
    best_key = None
    best = None
    all_spans = lexicon_spans(text)
    official = any(spans for (typ, _, _rx), spans in zip(_MATCHERS, all_spans) if typ == "official")
    for k, ((typ, strength, _rx), spans) in enumerate(zip(_MATCHERS, all_spans)):
        for start, end in spans:
            if k in _COMPANY_WORDS and (official or start >= head_end):
                continue
            word = text[start:end].lower()
            key = (
                strength,
                word not in _GENERIC,
                start < head_end,
                end if start < head_end else -start,
                end - start,
                -_PRIORITY.get(typ, 99),
            )
            if best_key is None or key > best_key:
                best_key, best = key, (typ, strength)
    return best


def source_strength(text: str | None) -> int:
    """2 when ``text`` names an organisation the lexicon types, 1 when only a role, else 0."""
    found = _best_match(text.replace("’", "'")) if text else None
    return found[1] if found else 0


def is_organisation(text: str) -> bool:
    """Whether ``text`` names an organisation the lexicon knows (a ministry, a border guard, an outlet ...)."""
    found = _best_match(text.replace("’", "'"))
    return (found is not None and found[1] == 2) or looks_like_outlet(text) or alias_of(text) is not None


#: an institute named as a state's: "National ...", "Federal ...", "State ..." first, or after a
#: country's possessive ("Mexico's Migration Institute"); not a people's adjective ("the American
#: Petroleum Institute", "the Indian Institute of Technology" are no state bodies)
_INSTITUTE = re.compile(r"\bInstitutes?\b")
_STATE_WORDS = frozenset({"National", "Federal", "State"})
_RESEARCH = re.compile(r"\b(?:Research|Stud(?:y|ies)|Policy|Economics?|Science|Sciences)\b")
_OWNER = re.compile(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s", re.IGNORECASE)


def _a_states_institute(name: str) -> bool:
    """An institute of a state is a state body (``official``), not a research one: its name starts
    with "National"/"Federal"/"State" or follows a country's possessive; a name of the think-tank
    form "Institute for ..." is research, unless a state word opens it and it names no research."""
    head = strip_determiners(name)
    if not _INSTITUTE.search(head):
        return False
    if re.search(r"\bInstitutes?\s+for\b", head):
        # "Institute for the Study of War" is research; a state's "National Institute for Disaster Risk
        # Management" is an agency, unless it names research ("National Institute for Economic Research")
        return head.split()[0] in _STATE_WORDS and not _RESEARCH.search(head)
    owner = _OWNER.match(name.strip())
    if owner is not None:
        return any(e.feature == "country" for e in get_gazetteer().lookup(owner.group(1)))
    return head.split()[0] in _STATE_WORDS


#: a tier of government that makes an unknown body a state's ("the provincial peace and good order
#: committee", "a district task force", "the province's flood committee"); "national", "state",
#: "regional" name no tier ("the national team"), nor does a state's or a region's possessive
_TIER = re.compile(r"\b(?:provincial|district|municipal|county|(?:province|prefecture|district|municipality|county)['’]s)\b",
                   re.IGNORECASE)


@lru_cache(maxsize=4096)
def classify_source(name: str | None, *, ent_label: str | None = None, context: str | None = None) -> SourceType:
    """The SPEC §4 type of a source phrase.

    ``ent_label`` is the spaCy entity label of the phrase's head, if any; ``context`` is
    other text about the same source (an apposition, a relative clause, a title seen
    earlier). Unknown people are ``witness`` (a named private person); unknown
    institutions, states and peoples are ``official``.
    """
    if not name or not name.strip():
        return "unnamed" if name is not None else "author"
    name = name.replace("’", "'").strip()
    if is_unnamed(name):
        return "unnamed"
    found = _best_match(name)
    if (found is None or found[1] < 2) and context:
        ctx = _best_match(context.replace("’", "'"))
        if ctx is not None and (found is None or ctx[1] > found[1]):
            found = ctx
    if found is not None:
        return "official" if found[0] == "expert" and _a_states_institute(name) else found[0]
    if looks_like_outlet(name):
        return "media"
    if ent_label == "PERSON":
        return "witness"
    if ent_label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return "official"
    stripped = strip_determiners(name)
    if stripped[:1].isupper() or _TIER.search(stripped):
        return "official"
    return "witness"
