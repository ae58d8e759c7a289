"""What every extraction stage shares: the working state of one article and the stage contract.

A stage is a module with

* a pure core, ``find_<x>(analysis, ...) -> list[<Candidate>]``, that reads the parsed
  document and earlier stages' results and returns candidates without mutating anything;
* a thin step, a :class:`Stage`, whose ``run`` calls the core and stores the result on
  :class:`Analysis` under the names it ``provides``.

Each stage declares what it ``requires`` (names provided by spaCy — ``"doc"`` — or by
earlier stages) and what it ``provides``; :func:`claimwatch.extract.pipeline.check_order`
refuses an assembly where a stage runs before what it needs.

All offsets are character offsets into ``Analysis.text`` (== ``Article.text``), half-open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy
from spacy import parts_of_speech
from spacy.attrs import ENT_IOB, HEAD, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..resources import read_json

if TYPE_CHECKING:
    from ..model import Certainty, Claim, Evidential, Polarity, QuoteKind, Scope, SourceType
    from .context import ReportContext
    from .entity_registry import EntityRegistry

__all__ = [
    "takes_an_object",
    "has_subject",
    "line_at",
    "Analysis",
    "Stage",
    "STAGE_RESULTS",
    "QuantityMention",
    "NumberMention",
    "AttributionMention",
    "Modality",
    "EventMention",
    "TimeMention",
    "PlaceMention",
    "EntityMention",
    "Entity",
    "governing_predicate",
    "doc_text",
    "TokenTable",
    "token_table",
    "children_of",
    "word_form",
    "lower_lemma",
    "cue_lexicon",
    "context_lexicon",
]

Span = tuple[int, int]


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Any]:
    """The attribution cue lexicon (``resources/attribution_cues.json``), read once for every stage
    that uses it (read-only)."""
    return read_json("attribution_cues.json")


@lru_cache(maxsize=1)
def context_lexicon() -> dict[str, Any]:
    """The report-context lexicon (``resources/report_context.json``: statement lemmas, institution
    nouns, comparison verbs...), read once for every stage that uses it (read-only)."""
    return read_json("report_context.json")


@dataclass
class QuantityMention:
    """A counted quantity found in the text (SPEC §3)."""

    span: Span                      # the number phrase, e.g. "around 2,500"
    text: str
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: str                  # SPEC §3 qualifier
    unit: str | None                # head noun of what is counted ("soldiers", "bodies")
    counted: str | None = None      # fuller description ("soldiers lost by the Russian 58th ...")
    unit_span: Span | None = None
    head_i: int | None = None       # token index of the counted noun (or the number) in the Doc
    sent_i: int = 0                 # index into Analysis.sentences


@dataclass
class NumberMention:
    """A numeric mention of any kind (the numbers layer, :mod:`claimwatch.extract.numeric`)."""

    span: Span                      # figure + qualifier + currency + attached unit ("about 500", "340 points")
    text: str
    kind: str                       # count | money | percent | measure | duration | rate | age | number
    value: float | int | None       # the stated figure (lower figure of a range); None for "dozens"
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: str                  # SPEC §3 qualifier
    change: str                     # = | ~ | > | < | up | down
    unit: str | None = None         # canonical unit ("kilometre", "percent") or the counted noun ("tankers")
    unit_span: Span | None = None   # the unit / counted noun as written, when it is in the text
    dimension: str | None = None    # length, mass, money, duration, percent, points ... (resources/units.tsv)
    currency: str | None = None     # ISO 4217 code of a money amount, when known
    per: str | None = None          # a rate's denominator ("share", "year")
    counted: str | None = None      # what a count counts, as the quantities stage described it
    is_count: bool = False          # the quantity of a count claim (chosen by the quantities stage)
    sent_i: int = 0
    head_i: int | None = None       # token index of the figure


@dataclass
class AttributionMention:
    """Who a sentence's content is attributed to (SPEC §2 ``source``, §4)."""

    sent_i: int                     # the sentence this attribution covers
    name: str | None                # source mention as written (None for "reportedly")
    span: Span | None               # span of ``name``
    canonical: str | None = None    # after pronoun / alias resolution
    affiliation: str | None = None
    type: SourceType = "author"     # SPEC §4
    cue: str | None = None          # "said", "according to", "reportedly" ... as written
    cue_span: Span | None = None
    quote: QuoteKind = "none"       # direct | indirect | mixed | none
    scope: Scope = "sentence"       # sentence | paragraph | article
    evidential: Evidential = "author"  # author | attributed | hearsay
    via: str | None = None          # platform when an organisation speaks through one
    content_span: Span | None = None
    cue_i: int | None = None        # token index of the cue (the reporting verb), if any
    #: clause ("X said"), according ("according to X"), hearsay ("reportedly"), label ("PENCE: ..."),
    #: source_line ("Source: X", "According to VNA" closing the report), signature ("— Julie Diaz"),
    #: interviewee (an interview's answer paragraph, ``content_span``; :mod:`claimwatch.extract.interviews`)
    kind: str = "clause"
    primary: bool = True            # the attribution that speaks for its sentence (not a nested one)
    anaphoric: bool = False         # "X reported this.": the content is what came before
    trailing: bool = False          # "..., according to X.": the cue and source close the sentence
    entity_id: int | None = None    # the source in the entity registry (``Analysis.entities``)
    #: the whole source phrase as attribution corpora (PolNeAR) mark it: with its apposition, title
    #: and modifiers ("Brian Fallon, the campaign's press secretary,"), or the relative pronoun itself
    #: ("who"); ``span``/``name`` keep the head mention a claim's ``source.name`` shows
    source_span: Span | None = None
    #: the cue as attribution corpora mark it: with its auxiliaries, negation and adverbs ("has
    #: said", "did not immediately respond"), preposition and colon ("called for", "said:");
    #: ``cue``/``cue_span`` keep the reporting word(s) a claim's ``source.cue`` shows
    cue_phrase_span: Span | None = None


@dataclass
class Modality:
    """Certainty / polarity of one predicate (SPEC §5)."""

    sent_i: int
    head_i: int                     # token index of the predicate
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    cues: list[str] = field(default_factory=list)
    hearsay: bool = False           # "reportedly", "allegedly" modify this predicate


@dataclass
class EventMention:
    """A reported event (SPEC §6)."""

    span: Span                      # the trigger word(s)
    text: str
    event_type: str | None          # None: an incident no SPEC §6 type fits ("the boat sank")
    sent_i: int
    head_i: int | None = None
    cause: str | None = None        # deaths only: SPEC §6 causes
    offence: str | None = None      # legal_action only: the event type of the offence (SPEC §2)


@dataclass
class TimeMention:
    span: Span
    text: str
    start: str | None
    end: str | None
    precision: str                  # day | week | month | year | range | unknown
    anchor: str                     # absolute | published | unresolved
    sent_i: int = 0
    head_i: int | None = None       # token the expression attaches to (governing predicate)
    value: str | None = None        # TIMEX3 value: "2023-12", "1989-Q3", "P3M", "PRESENT_REF", "XXXX-WXX-4"
    type: str = "DATE"              # TIMEX3 type: DATE | TIME | DURATION | SET
    mod: str | None = None          # TIMEX3 mod: START | MID | END | APPROX
    phrase: Span | None = None      # the phrase with its preposition ("as of Sunday"); ``span`` is TimeML's ("Sunday")
    statement: bool = False         # (from ``time_for``) the time dates the report of the claim, not its event
    #: a range's end points as TimeML marks them ("between [1982] and [1992]", "[Aug. 26] to [Oct. 20]"):
    #: the time layer lists these; the claim keeps the range
    parts: tuple[TimeMention, ...] = ()


@dataclass
class PlaceMention:
    span: Span
    text: str
    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    geonameid: int | None = None
    precision: str | None = None
    role: str = "event"
    sent_i: int = 0
    head_i: int | None = None
    #: name (a toponym) | embedded (in an organisation's name: "Texas Department of ...") | demonym
    #: ("Palestinian": the country) | anaphor ("the river": the place named before) | institution
    kind: str = "name"


@dataclass
class EntityMention:
    """One mention of a person or organisation: its name, a short name, an acronym, a
    definite description ("the agency") or a pronoun."""

    span: Span
    text: str
    kind: str                       # name | short_name | acronym | description | pronoun
    sent_i: int = 0
    head_i: int | None = None


@dataclass
class Entity:
    """A person or organisation of the report (the entity registry, SPEC §4 type)."""

    id: int
    kind: str                       # person | organisation
    name: str                       # canonical name ("Andriy Demchenko", "U.S. Customs and Border Protection")
    type: SourceType                # SPEC §4 source type
    role: str | None = None         # "spokesman", "press officer" (people)
    affiliation: str | None = None  # the organisation a person speaks for
    mentions: list[EntityMention] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)   # titles, appositions seen with the mentions

    @property
    def span(self) -> Span | None:
        """The first mention's span."""
        return self.mentions[0].span if self.mentions else None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("contexts")
        out["mentions"] = [{"span": list(m.span), "text": m.text, "kind": m.kind} for m in self.mentions]
        return out


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token on each access, which
    made look-ups that need the text cost a pass over the whole document each time."""
    text = doc.user_data.get("claimwatch.text")
    if text is None:
        text = doc.user_data["claimwatch.text"] = doc.text
    return text


#: string-store keys (64-bit hashes of the strings themselves) -> the string, and -> its lower case:
#: shared by every Doc of the process, emptied when they grow past ``_MAX_STRINGS`` keys
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_MAX_STRINGS = 1_000_000
_IOB = Token.iob_strings()


def _string_column(doc: Doc, attr: int, lowered: bool = False) -> list[str]:
    """The strings of one string-valued token attribute, from ``Doc.to_array``'s keys (a Token's
    ``lower_``, ``lemma_``, ``text`` each decode the string anew: about twice the cost)."""
    cache = _LOWERED if lowered else _STRINGS
    keys = doc.to_array(attr).tolist()
    try:
        return list(map(cache.__getitem__, keys))
    except KeyError:
        if len(cache) > _MAX_STRINGS:
            cache.clear()
        store = doc.vocab.strings
        for key in keys:
            if key not in cache:
                cache[key] = store[key].lower() if lowered else store[key]
        return list(map(cache.__getitem__, keys))


class TokenTable:
    """The tokens of a Doc and their string attributes, read once per Doc (``token_table``).

    spaCy builds a new Token object on every ``doc[i]`` and ``for t in doc``, and every ``lemma_``
    or ``pos_`` is a string-store look-up; stages that scan the whole document for a few words
    read these lists instead and only touch the Token of a word that passes the cheap check.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)

    @cached_property
    def ents(self) -> tuple[SpacySpan, ...]:
        """``doc.ents`` (spaCy rebuilds the spans from every token on each access)."""
        return tuple(self.doc.ents)

    @cached_property
    def lower(self) -> list[str]:
        return _string_column(self.doc, LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """Lower-cased lemmas."""
        return _string_column(self.doc, LEMMA, lowered=True)

    @cached_property
    def pos(self) -> list[str]:
        names = parts_of_speech.NAMES
        return [names[p] for p in self.doc.to_array(POS).tolist()]

    @cached_property
    def dep(self) -> list[str]:
        return [t.dep_ for t in self.tokens]    # (few distinct labels: as fast as the keys' look-up)

    @cached_property
    def text(self) -> list[str]:
        return _string_column(self.doc, ORTH)

    @cached_property
    def ent_type(self) -> list[str]:
        return [t.ent_type_ for t in self.tokens]

    @cached_property
    def ent_iob(self) -> list[str]:
        return [_IOB[i] for i in self.doc.to_array(ENT_IOB).tolist()]

    @cached_property
    def punct(self) -> list[bool]:
        return [t.is_punct for t in self.tokens]

    @cached_property
    def stop(self) -> list[bool]:
        return [t.is_stop for t in self.tokens]

    @cached_property
    def heads(self) -> list[int]:
        """Each token's head index (a root is its own head), read from one array of offsets."""
        offsets = self.doc.to_array(HEAD).view(numpy.int64)    # relative offsets, stored as uint64
        return (offsets + numpy.arange(len(offsets), dtype=numpy.int64)).tolist()

    @cached_property
    def children(self) -> list[list[Token]]:
        """Each token's syntactic children in text order (``Token.children``, which walks the
        token's whole left and right extent and builds a Token per step on every call)."""
        kids: list[list[Token]] = [[] for _ in self.tokens]
        tokens = self.tokens
        for i, head in enumerate(self.heads):
            if head != i:
                kids[head].append(tokens[i])
        return kids


def token_table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once (kept on the Doc while the stages run, removed after them even when one fails)."""
    table = doc.user_data.get("claimwatch.tokens")
    if table is None:
        table = doc.user_data["claimwatch.tokens"] = TokenTable(doc)
    return table


def children_of(tok: Token) -> list[Token]:
    """``tok.children`` from the Doc's token table (the same tokens in the same order; do not
    mutate the list)."""
    return token_table(tok.doc).children[tok.i]


def takes_an_object(verb: Token) -> bool:
    """The verb has a direct or an indirect object ("passed away the time"; not "passed away a day after
    the blast", whose noun says when), or a bare article and noun the parser read as an adverb of time
    ("passed away an afternoon at the seaside": the time spent; not "the next morning", "a week later",
    "this morning", "the day her son was born", whose other words say when)."""
    return any(c.dep_ in ("dobj", "dative") or _time_spent(c) for c in children_of(verb))


def _time_spent(tok: Token) -> bool:
    if tok.dep_ != "npadvmod" or tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return False
    words = children_of(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in _WHEN_AFTER:
        return False    # "the day after the fire": the parser hung "after" on the verb
    return len(words) == 1 and words[0].dep_ == "det" and words[0].lower_ in ("a", "an", "the")


_WHEN_AFTER = frozenset("after before later earlier ago following since when that of".split())


def has_subject(tok: Token) -> bool:
    """The verb has a subject of its own ("police arrested two men and charged them" — "charged" has none)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(tok))


def line_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the line of ``text`` that holds character ``pos``, without its line break."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def lower_lemma(tok: Token) -> str:
    """The token's lemma in lower case, the form the stages' lexicons list."""
    return tok.lemma_.lower()


def word_form(tok: Token) -> str:
    """The form a check against function words reads: the word in lower case, but an acronym
    spelled like a pronoun or a function word stays as written ("the WHO said", "IT staff", "the
    US said": the organisation, not "who", "it", "us"), unless its neighbours are capitals too
    (a headline in capitals: "WHO SAID IT")."""
    text = tok.text
    if len(text) < 2 or not text.isupper():
        return tok.lower_
    doc = tok.doc
    near = [doc[j].text for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return text if any(not w.isupper() for w in near) else tok.lower_


def governing_predicate(tok):
    """The predicate a token hangs from: the first verb or auxiliary up the dependency tree
    (at most 12 steps), else the root."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


#: what the stages provide: the typed attribute of :class:`Analysis` each one fills
STAGE_RESULTS = ("entities", "quantities", "attributions", "modalities", "events", "times", "places", "context",
                 "claims")


@dataclass
class Analysis:
    """The working state of one article while the stages run.

    Each stage writes its typed result to the attribute it ``provides`` (as spaCy components
    write ``Doc`` attributes); later stages read those attributes directly. ``provided`` names
    what has been written so far, so that a stage can check its needs.
    """

    text: str
    doc: Doc
    published: str | None = None    # ISO date of publication, if known
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    attributions: list[AttributionMention] = field(default_factory=list)
    modalities: Sequence[Modality] = field(default_factory=list)   # certainty.Modalities: computed when read
    events: list[EventMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    #: the people and organisations of the report (:mod:`claimwatch.extract.entities`)
    entities: "EntityRegistry | None" = None
    #: the report's frame and what each sentence inherits (:mod:`claimwatch.extract.context`)
    context: "ReportContext | None" = None
    claims: list["Claim"] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    provided: set[str] = field(default_factory=lambda: {"doc", "paragraphs", "sentences"})
    #: private look-up indexes a stage builds over its own result (rebuilt when the result changes)
    indexes: dict[str, Any] = field(default_factory=dict)

    def sent_index(self, char: int) -> int:
        """Index of the sentence holding character offset ``char``."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if char < s:
                hi = mid - 1
            elif char >= e:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def paragraph_index(self, char: int) -> int:
        for i, (s, e) in enumerate(self.paragraphs):
            if s <= char < e:
                return i
        return max(0, len(self.paragraphs) - 1)


@dataclass(frozen=True)
class Stage:
    """A thin step: run ``core`` and store its result on the :class:`Analysis` attribute named
    by ``provides[0]`` (stages providing several names return a dict keyed by them).
    """

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    core: Callable[[Analysis], Any]

    def run(self, analysis: Analysis) -> None:
        missing = [r for r in self.requires if r not in analysis.provided]
        if missing:
            from ..errors import ExtractionError

            raise ExtractionError(self.name, code="E203", detail=f"{self.name} needs {', '.join(missing)}")
        result = self.core(analysis)
        values = {self.provides[0]: result} if len(self.provides) == 1 else {k: result[k] for k in self.provides}
        for key, value in values.items():
            setattr(analysis, key, value)
        analysis.provided.update(values)
