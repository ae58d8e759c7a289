"""Entity registry: the people and organisations of one report, with their mentions, role,
affiliation and SPEC §4 type — what a coder keeps in mind while reading the report.

Built once per article from the parse, before attribution (which resolves its sources through it):

* **people** from spaCy's PERSON entities; a surname or a titled name ("Demchenko", "Col.
  Demchenko", "Mr. Di Giacomo") is a mention of the full name given earlier. A person's
  **role** and **affiliation** come from the words written with any of their mentions —
  premodifiers ("IOM press officer Flavio Di Giacomo", "Interior Minister Agne Bilotaite"),
  appositions ("the spokesman for the State Border Guard Service, Andriy Demchenko") and
  relative clauses;
* **organisations** from ORG entities and from noun phrases headed by an organisation noun
  ("the Italian coast guard", "Ukraine's Coordination Headquarters for the Treatment of
  Prisoners of War"); a name in parentheses after one ("(IOM)"), its initials ("CBP" for "U.S.
  Customs and Border Protection"), a shorter form ("the Coast Guard") and a definite description
  ("the agency", "the service", "the ministry") are mentions of the organisation named before;
* **subject pronouns** ("he", "she", "it", "they") are mentions of the most recent compatible
  entity.

A person's SPEC §4 type is the type of the organisation they speak for (a spokesman of a border
service is ``law_enforcement``); without one, the role's own type (``general`` → ``military``,
``judge`` → ``judicial``), else what the source lexicon says of the role, else ``witness``.

The lexicons are ``resources/entity_roles.json`` (roles, organisation and document nouns; read by
:mod:`.roles`, which also finds the role phrase a name is in apposition to) and the
source lexicons of :mod:`claimwatch.extract.sources`.

Core: :func:`find_entities`; step: :data:`STAGE` (provides ``entities``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..model import SourceType
from .base import Analysis, Entity, Stage, children_of, doc_text, token_table, word_form
from .entity_registry import ORG_NOUNS, PLACE_LABELS, EntityRegistry, acronym_of, acronym_words, name_words
from .mentions import mention_bounds
from .org_names import apposed_names, body_words, bracketed_names, fuller_name_type
from .quotes import opening_of_closed_quote
from .roles import LEXICON as _LEX
from .roles import ROLES, apposed_conjunct, opening_role, role_before, role_in
from .sources import (
    TITLES,
    canonical_name,
    classify_source,
    expand_titles,
    is_organisation,
    lexicon_source_type,
    source_strength,
    strip_title,
)

__all__ = ["EntityRegistry", "find_entities", "ROLES", "STAGE", "document_noun", "role_in"]

_ROLE_TYPES: dict[str, SourceType] = {role: lexicon_source_type(t, "entity_roles.json")
                                      for role, t in _LEX["role_types"].items()}
_DOCUMENT_NOUNS = frozenset(_LEX["document_nouns"])
#: ranks that police forces and armies share: typed by the body written with them before their own type
#: (a captain may be an army's, a fire service's, an airline's or a team's: with no body, a witness)
_SHARED_RANKS = frozenset({"sergeant", "sgt", "corporal", "lieutenant", "inspector", "superintendent", "captain"})
_PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_GROUP_PRONOUNS = {"it", "they"}


def document_noun(tok: Token) -> str | None:
    """The document noun a token heads ("statement", "press release"), or None."""
    low = tok.lemma_.lower()
    if tok.i > 0 and f"{tok.doc[tok.i - 1].lower_} {tok.lower_}" in _DOCUMENT_NOUNS:
        return f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
    if low in _DOCUMENT_NOUNS or tok.lower_ in _DOCUMENT_NOUNS:
        return tok.lower_
    return None


# ---------------------------------------------------------------------------- people

def _person_span(doc: Doc, ent: Span) -> Span:
    start = ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ in ("", "PERSON") \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i in range(start, ent.end) \
            and doc[start - 1].text.lower().strip(".") not in TITLES and role_in(doc[start - 1].text) is None:
        start -= 1
    return Span(doc, start, ent.end, label="PERSON") if start != ent.start else ent


def _person_context(ent: Span) -> list[Token]:
    """Tokens written with a person mention: premodifiers, appositions, relative clauses, and
    the noun phrase the name is in apposition to ("the spokesman for X, Andriy Demchenko")."""
    root = ent.root
    toks: list[Token] = []
    for t in root.lefts:
        if t.i < ent.start:
            toks.extend(t.subtree)
    for child in root.rights:
        if child.dep_ in ("appos", "relcl", "acl") and child.i >= ent.end:
            toks.extend(t for t in child.subtree if t.ent_type_ != "PERSON")
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == ent.end:
            toks.extend(child.subtree)     # "Supt. Ian Moss of Thames Valley Police": the body he serves
    if root.dep_ in ("appos", "compound", "conj") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < ent.start:
        head = root.head
        # "the spokesman for the State Border Guard Service, Andriy Demchenko": the name may hang
        # from the organisation; the role noun is above it
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        if root.dep_ != "conj" or apposed_conjunct(root, head):
            toks.extend(t for t in head.subtree if t.i < ent.start)
    role_head = role_before(ent)
    if role_head is not None and not toks:
        toks.extend(t for t in role_head.subtree if t.i < ent.start)
    return sorted(set(toks), key=lambda t: t.i)


def _affiliation(doc: Doc, toks: list[Token]) -> str | None:
    """The organisation a person speaks for, from the words written with them: the first
    organisation named (an ORG entity, or a phrase headed by an organisation noun)."""
    for t in toks:
        if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            name = doc[t.i:_name_tail(doc, end)].text
            if _is_org_name(doc[t.i:end]) and role_in(" ".join(name.split()[:2])) is None:
                return canonical_name(name, context=doc_text(doc))
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and (t.lower_ in ORG_NOUNS or t.lemma_.lower() in ORG_NOUNS):
            lo, hi = mention_bounds(t)
            phrase = doc[lo:_name_tail(doc, min(hi, t.i + 1))].text
            if source_strength(phrase) == 2 and role_in(phrase) is None:
                return canonical_name(phrase, context=doc_text(doc))
    return None


def _person_type(role: str | None, affiliation: str | None, context: str) -> SourceType:
    if affiliation and source_strength(affiliation) == 2:
        return classify_source(affiliation, ent_label="ORG")
    if role is not None and role in _ROLE_TYPES:
        if role in _SHARED_RANKS and context and source_strength(context) == 2:
            return classify_source(context, ent_label="ORG")     # "Army Sgt.": the army's; "Sgt." alone: the police's
        return _ROLE_TYPES[role]
    if context and source_strength(context) == 2:
        return classify_source(context, ent_label="ORG")
    if role is not None:
        typ = classify_source(role)
        if typ not in ("witness", "unnamed", "author"):
            return typ
    return "witness"


def _role_named_people(doc: Doc) -> list[Span]:
    """Names the small model misses, written right after a role ("the Minister of Internal
    Affairs of Georgia Vakhtang Homelauri", "spokesman Joe Smith"): two or three capitalised
    words after a role noun phrase, not a known place or organisation."""
    out = []
    table = token_table(doc)
    taken = {t.i for e in table.ents if e.label_ == "PERSON" for t in e}
    for tok in _role_tokens(doc):
        end = k = _name_start_after_role(doc, tok)
        while k < len(doc) and k - end < 3 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() \
                and doc[k].ent_type_ not in ("GPE", "LOC", "NORP") and k not in taken and not _is_country(doc[k].text):
            k += 1
        if k - end >= 2 and not _is_place_name(doc[end:k].text) and not is_organisation(doc[end:k].text):
            out.append(Span(doc, end, k, label="PERSON", kb_id=str(tok.i)))
    return out


def _role_tokens(doc: Doc) -> Iterator[Token]:
    """The nouns of the report that name a person's role, not at its last two tokens."""
    table = token_table(doc)
    last = len(doc) - 2
    for i, pos in enumerate(table.pos):
        if i < last and pos in ("NOUN", "PROPN") and role_in(table.text[i]) is not None:
            yield table.tokens[i]


def _name_start_after_role(doc: Doc, tok: Token) -> int:
    """Where a name written right after the role phrase of ``tok`` would start: past its "of ..."
    parts and a bracketed abbreviation ("Deputy Superintendent of Police (DSP) | Ramesh Thapa Magar")."""
    end = tok.i + 1
    while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and end - tok.i < 12:
        end = _capitalised_run(doc, end + 1)       # "Minister of Internal Affairs of Georgia"
    return _after_bracketed_abbreviation(doc, end)


def _after_bracketed_abbreviation(doc: Doc, k: int) -> int:
    """Past a bracketed abbreviation at ``k`` ("(DSP)", "(CEO)"): where the name after it starts."""
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].text.isupper():
        return k + 3
    return k


def _compound_name(doc: Doc, ent: Span) -> Span:
    """A tagged name with the capitalised words before it that modify it ("Justice | Watch Kenya")."""
    start = ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].head.i in range(start, ent.end):
        start -= 1
    return Span(doc, start, ent.end, label=ent.label_) if start != ent.start else ent


def _title_before(doc: Doc, start: int) -> str | None:
    """An abbreviated title the tokenizer split off the name ("Sgt | . | Dana Whitfield"), with the
    capitalised words before it that say whose it is ("Army Sgt.")."""
    k = start - 2 if start >= 2 and doc[start - 1].text == "." else start - 1
    if k < 0 or doc[k].text.lower().strip(".") not in TITLES or not doc[k].text[:1].isupper():
        return None
    lo = k
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper() and doc[lo - 1].head.i == k:
        lo -= 1
    return doc[lo:k + 1].text


def _org_texts(doc: Doc) -> frozenset[str]:
    """The names the tagger reads as organisations somewhere in the report."""
    return frozenset(e.text for e in token_table(doc).ents if e.label_ == "ORG")


def _apposed_organisation(ent: Span) -> bool:
    """A name set after a comma beside an organisation noun that is no preposition's object
    ("the country's sea rescue service, Rescate Costero, said"): the organisation's name, even
    where the tagger reads a person (a spokesman "for the ministry, Maria Zakharova" is a person)."""
    root, doc = ent.root, ent.doc
    head = root.head
    return (root.dep_ in ("appos", "conj") and head.i < ent.start and ent.start > 0 and doc[ent.start - 1].text == ","
            and head.pos_ == "NOUN" and head.text.islower() and head.lemma_.lower() in ORG_NOUNS
            and head.dep_ != "pobj" and role_in(head.text) is None)


def _names_organisation(ent: Span, org_texts: frozenset[str]) -> bool:
    """A name tagged PERSON that is an organisation's: tagged ORG elsewhere in the report, one the
    source lexicon knows ("Justice Watch Kenya"), or apposed to an organisation noun
    (:func:`_apposed_organisation`)."""
    return ent.label_ == "PERSON" and (ent.text in org_texts or is_organisation(ent.text) or _apposed_organisation(ent))


def _add_people(reg: EntityRegistry) -> None:
    doc = reg.doc
    org_texts = _org_texts(doc)
    for raw in sorted(list(token_table(doc).ents) + _role_named_people(doc), key=lambda e: e.start):
        # a name written right after a role ("prosecutor Alexandra Birch KC") is a person's even where the
        # tagger read the same words as an organisation's
        if raw.label_ != "PERSON" or _names_organisation(raw, frozenset() if raw.kb_id_ else org_texts):
            continue
        ent = _person_span(doc, raw)
        title, bare = strip_title(ent.text)
        title = title or _title_before(doc, ent.start)
        bare = canonical_name(bare, person=True)
        words = bare.split()
        if not words or is_organisation(bare) or _is_place_name(bare) and reg.person(bare) is None:
            continue
        key = words[-1].lower().rstrip("'’s")
        known = reg.person(bare)
        short = len(words) == 1
        if known is None:
            known = reg.new("person", bare, "witness")
            if not short:
                reg._surnames[key] = known.id
        ctx_toks = _person_context(ent)
        if raw.kb_id_:     # named after a role: the role phrase is the context
            role_tok = doc[int(raw.kb_id_)]
            ctx_toks = sorted(set(ctx_toks) | set(doc[role_tok.left_edge.i:ent.start]), key=lambda t: t.i)
        ctx = doc_text(doc)[ctx_toks[0].idx: ctx_toks[-1].idx + len(ctx_toks[-1])] if ctx_toks else ""
        if title:
            ctx = f"{title} {ctx}".strip()
        if ctx and ctx not in known.contexts:
            known.contexts.append(ctx)
        known.role = known.role or role_in(expand_titles(ctx)) or opening_role(ent.text)
        known.affiliation = known.affiliation or _affiliation(doc, ctx_toks)
        known.type = _person_type(known.role, known.affiliation, expand_titles(" ; ".join(known.contexts)))
        reg.add_mention(known, ent.start, ent.end, "short_name" if short or title else "name", ent.root.i)
        if raw.kb_id_:
            reg.role_nouns[int(raw.kb_id_)] = known.id


# ---------------------------------------------------------------------------- organisations

def _org_heads(doc: Doc) -> list[tuple[int, int, int, str]]:
    """(lo, hi, head_i, kind) of organisation mentions: ORG entities and noun phrases headed by an
    organisation noun, in text order."""
    out: list[tuple[int, int, int, str]] = []
    taken: set[int] = set()
    org_texts = _org_texts(doc)
    for ent in token_table(doc).ents:
        if ent.label_ == "ORG" and _is_org_name(ent) or _names_organisation(ent, org_texts):
            ent = _compound_name(doc, ent) if ent.label_ == "PERSON" else ent
            head = ent.root
            lo, hi = ent.start, ent.end
            while lo < hi and doc[lo].lower_ in ("the", "a", "an"):
                lo += 1
            hi = _trim_dates(doc, lo, hi)
            if lo < hi and role_in(doc[lo].text) is None:
                hi = _name_tail(doc, hi)
                lo = _possessor(doc, head, lo)
                out.append((lo, hi, head.i, "name"))
                taken.update(range(lo, hi))
    table = token_table(doc)
    lower = table.lower
    for i, low in enumerate(lower):
        if low not in ORG_NOUNS and (f"{lower[i - 1]} {low}" if i else low) not in ORG_NOUNS:
            continue
        tok = table.tokens[i]
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        lo, hi = mention_bounds(tok)
        hi = _trim_dates(doc, lo, _name_tail(doc, min(hi, tok.i + 1)))
        while lo < hi and (doc[lo].dep_ == "det" or doc[lo].is_punct):
            lo += 1
        if lo >= hi or any(i in taken for i in range(lo, hi)) or any(
                t.like_num or t.ent_type_ == "CARDINAL" for t in doc[lo:hi]):
            continue
        phrase = doc[lo:hi].text
        if source_strength(phrase) != 2 and not any(t.text[:1].isupper() for t in doc[lo:hi]):
            continue
        kind = "name" if any(t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS for t in doc[lo:hi]) else "description"
        out.append((lo, hi, tok.i, kind))
        taken.update(range(lo, hi))
    out += apposed_names(doc, taken) + bracketed_names(doc, taken)
    out.sort()
    return out


def _possessor(doc: Doc, head: Token, lo: int) -> int:
    """Extend a name left over its possessor or country ("the UK's Ministry of Defense",
    "Ukraine's State Border Guard Service"): the country tells which body it is."""
    b_lo = mention_bounds(head)[0]
    while b_lo < lo and doc[b_lo].dep_ == "det":
        b_lo += 1
    left = doc[b_lo:lo]
    if len(left) and all(t.pos_ == "PROPN" or t.dep_ == "case" for t in left) and any(
            t.ent_type_ in ("GPE", "NORP") for t in left):
        return b_lo
    return lo


def _capitalised_run(doc: Doc, k: int) -> int:
    """End of a run of capitalised words (with "the"/"and"/"of" inside) from ``k``; it stops after
    a country or place ("Ministry of Internal Affairs of Georgia | Vakhtang Homelauri")."""
    while k < len(doc):
        t = doc[k]
        if t.text[:1].isupper() and t.ent_type_ != "PERSON" and t.ent_type_ != "DATE":
            k += 1
            if t.ent_type_ in ("GPE", "LOC") and (k >= len(doc) or doc[k].ent_iob_ != "I") or _is_country(t.text):
                return k
        elif t.lower_ in ("the", "and", "of") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 1
        else:
            break
    return k


def _name_tail(doc: Doc, hi: int) -> int:
    """Extend a name over "of / for <Capitalised words>" ("Coordination Headquarters for the
    Treatment of Prisoners of War") and "and <Capitalised words>" ending in an organisation noun
    ("U.S. Customs | and Border Protection")."""
    j = hi
    while j + 1 < len(doc) and doc[j].lower_ in ("of", "for", "on", "and"):
        k = _capitalised_run(doc, j + 1)
        if k == j + 1 or doc[j + 1].lower_ == "the" and k == j + 2:
            break
        if doc[j].lower_ == "and" and not (doc[k - 1].lemma_.lower() in ORG_NOUNS or source_strength(doc[j + 1:k].text) == 2):
            break
        hi = j = k
    return hi


def _trim_dates(doc: Doc, lo: int, hi: int) -> int:
    while hi > lo and (doc[hi - 1].ent_type_ in ("DATE", "TIME") or doc[hi - 1].lower_ in ("on", "in", "at")):
        hi -= 1
    return hi


def _is_country(word: str) -> bool:
    from .gazetteer import get_gazetteer

    return bool(get_gazetteer().lookup(word, ("country",)))


@lru_cache(maxsize=1 << 14)
def _is_place_name(text: str) -> bool:
    """A name the process-wide gazetteer knows as a place (the small model tags some towns PERSON
    or ORG); memoised, as the gazetteer does not change while the process runs."""
    from .gazetteer import get_gazetteer, norm

    return get_gazetteer().has(norm(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)))


def _is_org_name(ent: Span) -> bool:
    """An ORG entity that is an organisation (the small model tags some towns and rivers ORG)."""
    text = ent.text
    if is_organisation(text) or text.isupper() and len(text) <= 6:
        return True
    return not _is_place_name(text)


def _same_org(reg: EntityRegistry, name: str, kind: str, tok: Token) -> Entity | None:
    key = canonical_name(name, context=doc_text(reg.doc)).lower()
    if key in reg._keys:
        return reg.entities[reg._keys[key]]
    if kind == "description":
        return reg.describes(tok)
    acronyms = [w for w in re.findall(r"[A-Z][A-Z.]{1,9}", name) if len(w.replace(".", "")) >= 2]
    words = name_words(name)
    for ent in reversed(reg.entities):
        if ent.kind != "organisation":
            continue
        if any(acronym_of(a.replace(".", ""), ent.name) or a.lower() in acronym_words(ent) for a in acronyms):
            return ent   # "CBP", "SBGS press service": the organisation (or its press service)
        if len(words) >= 2 and words <= name_words(ent.name):
            return ent
    return None


def _add_organisations(reg: EntityRegistry) -> None:
    doc = reg.doc
    people: set[int] = set()
    for e in reg.entities:
        for m in e.mentions:
            span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            people.update(t.i for t in span or [])
    for lo, hi, head_i, kind in _org_heads(doc):
        trimmed = hi
        while trimmed > lo and trimmed - 1 in people:   # "Georgia Vakhtang Homelauri" tagged ORG: not the person
            trimmed -= 1
        if trimmed <= lo or head_i in people or trimmed < hi and _is_place_name(doc[lo:trimmed].text):
            continue
        hi = trimmed
        head_i = head_i if head_i < hi else hi - 1
        name = doc[lo:hi].text.strip(" ,;:")
        if not name:
            continue
        ent = _same_org(reg, name, kind, doc[head_i])
        described = _described_type(doc, name, head_i) or fuller_name_type(doc, lo, hi)
        if ent is None:
            canonical = canonical_name(name, context=doc_text(doc))
            typed = canonical if source_strength(canonical) == 2 else name    # "CBP" -> its known full name
            ent = reg.new("organisation", canonical, described if source_strength(typed) < 2 and described
                          else classify_source(typed, ent_label="ORG"))
            reg._keys[canonical.lower()] = ent.id
        elif described and source_strength(ent.name) < 2 and ent.type == "official":
            ent.type = described    # "ERT ... the Greek TV channel ERT": the description says what it is
        reg.add_mention(ent, lo, hi, kind, head_i)
        ent.contexts.extend(w for w in body_words(doc[head_i]) if w not in ent.contexts)
        _acronym_after(reg, ent, hi)


def _described_type(doc: Doc, name: str, head_i: int) -> SourceType | None:
    """The SPEC §4 type the words around an organisation's name give it, when its name alone gives
    none: a descriptive noun before it or in apposition ("the Greek TV channel ERT", "ERT, the
    public broadcaster"), or None."""
    if source_strength(name) == 2:
        return None
    head = doc[head_i]
    words = [w.text for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") for w in t.subtree]
    words += [t.text for c in children_of(head) if c.dep_ == "appos" for t in c.subtree]
    lo = head.left_edge.i
    before = doc[lo - 1] if lo > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.text.islower() and before.lemma_.lower() in ORG_NOUNS:
        words += [t.text for t in before.subtree if t.i < lo]     # "the rights group Nuevo Rumbo", misparsed apart
    if head.dep_ == "appos" or head.dep_ == "conj" and lo > 0 and doc[lo - 1].text == ",":
        words += [t.text for t in head.head.subtree if t.i < head.left_edge.i or t.i > head.right_edge.i]
    context = " ".join(words)
    return classify_source(context) if context and source_strength(context) == 2 else None


def _short_name(tok: Token, name: str) -> bool:
    """A capitalised word in brackets after a name of three words or more that starts with the
    name's first letter ("the Institute for Development and Peace Studies (Indepaz)") is the
    name's short form; not a place in brackets ("the Ministry of Health (Gaza)")."""
    words = name.split()
    return (tok.text.isalpha() and len(tok.text) >= 3 and tok.text[:1].isupper() and tok.text[1:].islower()
            and len(words) >= 3 and tok.text[0] == words[0][0] and tok.ent_type_ not in PLACE_LABELS)


def _acronym_after(reg: EntityRegistry, ent: Entity, hi: int) -> None:
    """"International Organization for Migration (IOM)": the acronym is a name of the organisation."""
    doc = reg.doc
    if hi + 2 < len(doc) and doc[hi].text == "(" and doc[hi + 2].text == ")" and (
            doc[hi + 1].text.isupper() or _short_name(doc[hi + 1], ent.name)):
        reg.add_mention(ent, hi + 1, hi + 2, "acronym", hi + 1)
        reg._keys.setdefault(doc[hi + 1].text.lower(), ent.id)


# ---------------------------------------------------------------------------- pronouns

def _pleonastic(tok: Token) -> bool:
    """"it is estimated that", "it was reported", "it is possible": no referent."""
    head = tok.head
    return tok.lower_ == "it" and (head.lemma_ == "be" or tok.dep_ == "nsubjpass" or any(
        c.dep_ in ("ccomp", "xcomp", "acomp") for c in children_of(head)) and head.lemma_ in ("seem", "appear", "be"))


def _add_pronouns(reg: EntityRegistry) -> None:
    table = token_table(reg.doc)
    for tok in (table.tokens[i] for i, dep in enumerate(table.dep) if dep in ("nsubj", "nsubjpass")):
        low = word_form(tok)
        if tok.tag_ != "PRP":
            continue
        if low in _PERSON_PRONOUNS:
            ent = reg.latest(tok.idx, "person", within_sents=6)
        elif low in _GROUP_PRONOUNS and not _pleonastic(tok):
            ent = reg.latest(opening_of_closed_quote(tok), "organisation", within_sents=4)
        else:
            continue
        if ent is not None:
            reg.add_mention(ent, tok.i, tok.i + 1, "pronoun", tok.i)


def _owner(reg: EntityRegistry, tok: Token) -> Entity | None:
    """The organisation a possessive description refers back to ("the group's", "the agency's"; the
    parse may hang its "the" from the possessed noun)."""
    if tok.lower_ in ("its", "their"):     # "Its spokeswoman Yvonne Ndege": the body spoken of just before
        return _possessive_referent(reg, tok)
    found = reg.describes(tok)
    if found is None and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the":
        found = reg.latest(tok.idx, "organisation", within_sents=3)
    return found


def _possessive_referent(reg: EntityRegistry, tok: Token) -> Entity | None:
    """The organisation "its" / "their" refers to: the last one a clause of the two sentences
    before was about (its subject: "Oxfam opened an office in Juba. Its director ..."), else the
    last one named."""
    doc = reg.doc

    def a_subject(ent: Entity) -> bool:
        return any(m.span[0] < tok.idx and m.head_i is not None and doc[m.head_i].dep_ in ("nsubj", "nsubjpass")
                   for m in ent.mentions)

    return reg.latest(tok.idx, "organisation", within_sents=2, test=a_subject) \
        or reg.latest(tok.idx, "organisation", within_sents=2)


def _described_affiliations(reg: EntityRegistry) -> None:
    """A person written as a described organisation's member ("Ana Ruiz, the group's founder", "the
    agency's director, Li Wei"): the organisation named before is their affiliation, and its type
    theirs (an organisation typed only by its capitals, ``official``, does not undo a role's type)."""
    for ent in reg.entities:
        if ent.kind != "person" or ent.affiliation:
            continue
        spans = [reg.doc.char_span(*m.span, alignment_mode="expand") for m in ent.mentions if m.kind == "name"]
        owners = (_owner(reg, t) for span in spans if span is not None for t in _person_context(span)
                  if t.dep_ == "poss" and (t.pos_ == "NOUN" and t.lemma_.lower() in ORG_NOUNS
                                           or t.lower_ in ("its", "their") and role_in(t.head.text) is not None))
        org = next((o for o in owners if o is not None and o.kind == "organisation"), None)
        if org is not None:
            ent.affiliation = org.name
            ent.type = org.type if ent.type == "witness" or org.type != "official" else ent.type


def find_entities(analysis: Analysis) -> EntityRegistry:
    """The people and organisations of the article with their mentions (pure; reads the parse)."""
    reg = EntityRegistry(analysis.doc, analysis.sentences)
    _add_people(reg)
    _add_organisations(reg)
    _described_affiliations(reg)
    _add_pronouns(reg)
    for ent in reg.entities:
        ent.mentions.sort(key=lambda m: m.span)
    return reg


STAGE = Stage("entities", ("doc",), ("entities",), find_entities)
