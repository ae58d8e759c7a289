"""Source resolution: the canonical source, type and affiliation of an attribution's source
mention, through the entity registry (:mod:`claimwatch.extract.entities`).

* a pronoun ("he", "it", "him") is the most recent compatible source of the last sentences, else
  the entity the registry resolved it to;
* a name, a surname or a titled name is the registry's person or organisation; a role noun
  followed by a name ("the Minister of Internal Affairs of Georgia Vakhtang Homelauri") is that
  person; a definite description ("the agency", "the spokesman") refers back to the entity;
* a document ("a CBP statement", "a press release from the U.S. agency", "the statement") is the
  body that issued it — named in the phrase, else the issuer of the earlier document, else the
  organisation that spoke last; a modifier may type it ("official data");
* a descriptor before a name ("the Greek TV channel ERT") types the name when the name alone does not.

Used by the attribution stage; the resolver keeps the article's recent sources.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .base import Analysis, AttributionMention, Entity, children_of, word_form
from .entities import EntityRegistry, document_noun, find_entities, role_in
from .entity_registry import acronym_words
from .mentions import DESCRIPTORS, NAME_JOINERS, descriptor_name, mention_bounds, names_a_body, noun_phrase
from .org_names import fuller_name_type
from .roles import opening_role
from .sources import canonical_name, classify_source, is_unnamed, source_strength, strip_determiners

__all__ = ["SourceResolver", "PRONOUNS_PERSON", "PRONOUNS_GROUP", "resolve_to_turn_speakers"]

PRONOUNS_PERSON = {"he", "she", "i", "him", "her"}
PRONOUNS_GROUP = {"it", "they", "we", "them", "who", "which", "that"}
_HEARSAY_HEADS = {"report", "reports", "rumour", "rumours", "rumor", "rumors"}


def _names_a_place(name: str) -> bool:
    """A country, or a city of at least 100,000 people, under its own name ("Vilnius",
    "Lithuania"): when it speaks, its government does."""
    from .gazetteer import get_gazetteer, norm

    key = norm(name)
    for e in get_gazetteer().lookup(key)[:1]:
        if norm(e.name) == key and (e.feature == "country" or e.feature == "city" and e.importance >= 5):
            return True
    return False


def _speaks_anonymously(head: Token, text: str) -> bool:
    """"an official said, asking not to be named", "..., speaking on condition of anonymity": a
    participial clause on the speaker's verb that withholds the speaker's name; a speaker named
    in the sentence is not anonymous ("Ana Costa said, asking that her village not be named")."""
    if head.dep_ != "nsubj" or head.head.pos_ != "VERB" or head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return False
    for clause in children_of(head.head):
        if clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VBG" and clause.i > head.head.i:
            first, last = clause.left_edge, clause.right_edge
            if is_unnamed(text[first.idx: last.idx + len(last)]):
                return True
    return False


#: the speaker's own request or manner that withholds the name ("asked not to be named", "spoke on
#: condition of anonymity"), not what happens to a name ("He will not be named in the squad")
_WITHHOLDING = re.compile(r"\b(?:ask(?:ed|ing)|request(?:ed|ing)|sp(?:oke|eaking)|declin(?:ed|ing)|wish(?:ed|ing)|want(?:ed)?)\b",
                          re.IGNORECASE)


class SourceResolver:
    """Resolves a source mention to its canonical source through the entity registry."""

    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.doc = analysis.doc
        self.registry: EntityRegistry = analysis.entities if analysis.entities is not None else find_entities(analysis)
        self.recent: list[tuple[int, AttributionMention]] = []   # (sent_i, mention) of named sources
        self.para_of: list[int] = []
        self.plural: set[int] = set()        # ids of mentions whose head is a plural noun ("Residents")
        self.role_nouns: set[int] = set()    # ids of mentions headed by a person's role ("the chief")
        self.titled: set[int] = set()        # ids of names opened by a person's role ("Councillor Tom Hart")
        self.documents: list[AttributionMention] = []   # sources that are documents ("a press release")
        self.sentences = analysis.sentences
        self.unnamed_heads: dict[str, int] = {}   # lemma of an unnamed source's noun ("official") -> its sentence

    def _entity_kind(self, m: AttributionMention) -> str | None:
        if id(m) in self.titled:
            return "person"     # however the tagger read the name after the role
        ent = self.registry.entity(m.entity_id)
        if ent is not None:
            return ent.kind
        if id(m) in self.plural:
            return None
        return "person" if m.type == "witness" or id(m) in self.role_nouns else None

    def mention(self, cand: Any, sent_i: int) -> AttributionMention:
        """The attribution mention of a detected candidate (source token, cue and content token ranges)."""
        doc, text = self.doc, self.text
        cue_span = (doc[cand.cue_lo].idx, doc[cand.cue_hi - 1].idx + len(doc[cand.cue_hi - 1]))
        m = AttributionMention(sent_i=sent_i, name=None, span=None, cue=text[cue_span[0]:cue_span[1]],
                               cue_span=cue_span, cue_i=cand.cue_i, content_span=cand.content, via=cand.via,
                               kind=cand.kind)
        if cand.src is None:
            m.type, m.evidential, m.kind = "unnamed", "hearsay", "hearsay"
            return m
        head = cand.src
        lo, hi = mention_bounds(head)
        for j in range(head.i - 1, lo - 1, -1):      # "KYIV, March 3 (Reuters) - Ukraine said": not the dateline
            spaced_dash = doc[j].text in ("-", "--", "—", "–") and (j == 0 or bool(doc[j - 1].whitespace_))
            if spaced_dash or doc[j].text in (")", ":"):      # not the hyphen of "a UN-backed commission"
                lo = j + 1
                break
        named = descriptor_name(head, hi) if head.i < cand.cue_lo or head.i >= cand.cue_hi else None
        if named is not None and named[0] <= cand.cue_lo < named[1]:
            named = None
        if named is None and head.pos_ == "PROPN":
            # "the charity Oxfam" parsed as one name: the descriptor before it is not part of the name
            k = max((j for j in range(lo, head.i) if doc[j].text.islower() and doc[j].pos_ == "NOUN"
                     and doc[j].lemma_.lower() in DESCRIPTORS), default=None)
            if k is not None and all(doc[j].text[:1].isupper() or doc[j].lower_ in NAME_JOINERS
                                     for j in range(k + 1, head.i + 1)):
                named = (k + 1, hi)
        if named is not None:
            hi = named[1]
        span = _char_span(doc, text, lo, hi, head)
        m.name, m.span = text[span[0]:span[1]], span
        low = word_form(head)
        if head.tag_ in ("NNS", "NNPS"):
            self.plural.add(id(m))
        elif head.pos_ == "NOUN" and role_in(head.text) is not None:
            self.role_nouns.add(id(m))
        elif _titled_name(head, lo, hi):
            self.titled.add(id(m))
        if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP:     # not an acronym ("WHO has verified ...")
            self._resolve_pronoun(m, head, sent_i)
        elif named is not None:
            self._resolve_descriptor(m, doc[named[0]:named[1]], doc[lo:named[0]].text.strip(" ,"))
        else:
            self._resolve_name(m, head)
        if _a_share(head):
            self._the_survey(m, head, sent_i)     # "Half said ...", "62% of respondents said ..."
        if m.type == "witness" and head.pos_ == "NOUN" and source_strength(head.text) == 0 and head.i < cand.cue_lo \
                and classify_source(text[doc[lo].idx: doc[cand.cue_lo].idx].strip()) == "social_media":
            m.type = "social_media"     # "A post shared 40,000 times on Facebook claims ...": no person, a platform
        if m.type != "unnamed" and self._unnamed_person(m, head) and self._withholds_name(sent_i):
            m.type = "unnamed"      # "A rescue worker said ... He asked not to be named."
        if m.type not in ("unnamed", "author") and head.pos_ == "NOUN" and self._another_of_the_unnamed(head, sent_i):
            m.type = "unnamed"      # "One of the officials, who spoke on condition of anonymity ... A second official"
        if m.type == "unnamed":
            self.unnamed_heads.update(dict.fromkeys(_group_lemmas(head), sent_i))
        if m.type == "unnamed" or (head.lemma_.lower() in _HEARSAY_HEADS and m.entity_id is None and not any(
                doc[j].pos_ == "PROPN" for j in range(lo, hi)) and not _a_bodys(head) and _author_after(head) is None):
            m.type, m.evidential = "unnamed", "hearsay"
        else:
            m.evidential = "attributed"
        if m.type == "social_media":
            m.via = None
        if m.type != "unnamed" and m.canonical:
            self.recent.append((sent_i, m))
        return m

    def _the_survey(self, m: AttributionMention, head: Token, sent_i: int) -> None:
        """A share of a surveyed group as the speaker ("Half said ...", "62% of respondents said"):
        the survey is the source — its issuer when the report names one — the survey or poll named
        in the sentence or the two before it in the paragraph; a share of no survey is a group of
        private people (``witness``)."""
        doc = self.doc
        survey = None
        for k in range(sent_i, max(-1, sent_i - 3), -1):
            if k != sent_i and self.para_of[k] != self.para_of[sent_i]:
                break
            s, e = self.sentences[k]
            survey = next((t for t in reversed(doc.char_span(s, e, alignment_mode="expand") or [])
                           if t.pos_ == "NOUN" and t.lemma_.lower() in _SURVEY_NOUNS and t.i < head.i), None)
            if survey is not None:
                break
        if survey is None:
            m.type, m.entity_id, m.affiliation = "witness", None, None
            return
        lo, hi = mention_bounds(survey)
        m.span = _char_span(doc, self.text, lo, hi, survey)
        m.name = self.text[m.span[0]:m.span[1]]
        issuer = self.registry.issuer(survey)
        if issuer is not None:
            self._use(m, issuer)
            if m.type == "official" and source_strength(issuer.name) < 2:
                m.type = "expert"       # a pollster ("a poll by YouGov"), not a state body the lexicon knows
        else:
            m.canonical, m.type, m.entity_id = canonical_name(m.name), classify_source(m.name), None

    def _another_of_the_unnamed(self, head: Token, sent_i: int) -> bool:
        """"A second official", "another official", "the other officials": one more of a kind of
        source the report left unnamed in the last sentences."""
        return sent_i - self.unnamed_heads.get(head.lemma_.lower(), -9) <= 2 and any(
            c.lower_ in _ANOTHER for c in head.lefts if c.dep_ in ("det", "amod"))

    def _unnamed_person(self, m: AttributionMention, head: Token) -> bool:
        """A speaker written as a person without a name: a common noun that names no organisation
        ("a doctor", "the school's principal"), or a pronoun for no named person."""
        if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" or source_strength(head.text) == 2:
            return False
        ent = self.registry.entity(m.entity_id)
        return ent is None or ent.kind == "person" and not any(k.kind == "name" for k in ent.mentions)

    def _withholds_name(self, sent_i: int) -> bool:
        """A speaker whose paragraph says, in words about "he" or "she" outside a quotation, that
        the name is withheld ("He asked not to be named for fear of arrest.", "“...,” she said,
        asking that her name be withheld")."""
        para = self.para_of[sent_i] if sent_i < len(self.para_of) else None
        for k in range(max(0, sent_i - 2), min(len(self.sentences), sent_i + 3)):
            if para is None or k >= len(self.para_of) or self.para_of[k] != para:
                continue
            s, e = self.sentences[k]
            after_quote = re.split(r"[”\"]", self.text[s:e])[-1]
            words = after_quote.replace(",", " ").split()
            if words and words[0].lower() in ("he", "she") and _WITHHOLDING.search(after_quote) \
                    and is_unnamed(after_quote):
                return True
        return False

    def _use(self, m: AttributionMention, ent: Entity) -> None:
        m.canonical, m.type, m.entity_id = ent.name, ent.type, ent.id
        if ent.kind == "person":
            m.affiliation = ent.affiliation

    def _resolve_descriptor(self, m: AttributionMention, name: Span, desc: str) -> None:
        ent = self.registry.in_span(name.start_char, name.end_char)
        if ent is not None:
            self._use(m, ent)
            if source_strength(name.text) < 2 and source_strength(desc) == 2:
                m.type = classify_source(name.text, ent_label="ORG", context=strip_determiners(desc))  # "the TV channel ERT"
            return
        m.canonical = canonical_name(name.text, context=self.text)
        m.type = classify_source(name.text, ent_label="ORG", context=strip_determiners(desc))

    def _resolve_name(self, m: AttributionMention, head: Token) -> None:
        doc, text, reg = self.doc, self.text, self.registry
        lo, hi = noun_phrase(head)
        full = text[doc[lo].idx: doc[hi - 1].idx + len(doc[hi - 1])]
        if is_unnamed(full) or is_unnamed(text[doc[lo].idx: head.right_edge.idx + len(head.right_edge)]) \
                or _speaks_anonymously(head, text):
            m.type, m.canonical = "unnamed", strip_determiners(m.name or "")
            return
        if document_noun(head) is not None and not any(doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "PERSON"
                                                       for j in range(lo, hi)):
            author = _author_after(head)
            if author is not None:
                self._name_the_author(m, author)
                self._resolve_name(m, author)
                return
            issuer = reg.issuer(head)
            self._name_the_issuer(m, head, issuer is not None)
            modifier = " ".join(c.text for c in children_of(head) if c.dep_ in ("amod", "compound") and c.i < head.i)
            if issuer is None and source_strength(modifier):
                m.canonical, m.type = strip_determiners(full), classify_source(modifier)   # "official data"
                return
            issuer = issuer or self._earlier_document(head) or self._recent_source(m.sent_i, organisation=True) \
                or reg.latest(head.idx, "organisation", test=lambda e: e.type != "media")
            self.documents.append(m)
            if issuer is not None:
                self._use(m, issuer)
                return
        owner = self._possessive_owner(head)
        if owner is not None and source_strength(full) < 2 and head.ent_type_ != "PERSON" and role_in(head.text) is None:
            m.canonical = canonical_name(m.name or full, context=text)
            m.type = owner.type     # "according to its Surveillance System": the owner's body
            return
        ent = reg.at(head.idx)
        if ent is None and head.pos_ == "PROPN":
            ent = reg.person(m.name)            # a surname or titled name given earlier
        if ent is None and head.pos_ == "PROPN" and m.name:    # the name given earlier, there described
            ent = reg.organisation_named(canonical_name(m.name, context=text))
        if ent is None and head.pos_ == "PROPN" and m.name:    # a short form given in brackets earlier
            short = m.name.lower()
            ent = reg.latest(head.idx, "organisation", test=lambda e: short in acronym_words(e))
        if ent is None and role_in(head.text) is not None:
            # "the Minister of Internal Affairs of Georgia Vakhtang Homelauri": the person named with the role
            ent = reg.entity(reg.role_nouns.get(head.i))
        if ent is None and head.pos_ in ("NOUN", "PROPN"):
            ent = reg.describes(head)
        if ent is not None:
            self._use(m, ent)
            return
        proper = head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
        m.canonical = canonical_name((m.name or full) if proper else full, context=text)
        if proper and _names_a_place(m.name or ""):
            m.type = "official"      # "Vilnius said", "Moscow denied": the government speaks
            return
        if proper:
            toks = [t for c in head.rights if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree]
            ctx = text[toks[0].idx: toks[-1].idx + len(toks[-1])] if toks else None
            label = "PERSON" if head.ent_type_ in ("", "PERSON", "GPE") and _described_as_someone(head) \
                else head.ent_type_ or None       # "Ana Lima, who leads ...": no town of Peru
            before = doc[lo - 1] if lo > 0 else None         # a common noun right before the name describes it
            described = before.text if before is not None and before.pos_ == "NOUN" and before.i + 1 == lo else ""
            ctx = " ".join(w for w in (described, ctx) if w) or None     # "the charity SOS Méditerranée"
            m.type = classify_source(m.name or "", ent_label=label, context=ctx)
            if m.type == "official" and head.ent_type_ != "PERSON" and source_strength(m.name or "") == 0:
                m.type = fuller_name_type(doc, head.i, head.i + 1) or m.type    # "the Chamber": its full name's
            if head.ent_type_ != "PERSON" and role_in(head.text) is not None:
                self._name_the_person(m, head)    # "Panama's Minister of Public Security, Juan Manuel Pino,"
            return
        m.type = classify_source(full, ent_label=head.ent_type_ or None)
        self._name_the_person(m, head)

    def _possessive_owner(self, head: Token) -> Entity | None:
        """The organisation "its" / "their" before a source's name refers to (named within two sentences)."""
        poss = next((c for c in children_of(head) if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        return self.registry.latest(poss.idx, "organisation", within_sents=2) if poss is not None else None

    def _name_the_person(self, m: AttributionMention, head: Token) -> None:
        """A role or title written with the person's name ("The mayor of Kherson, Roman Mrochko,",
        "the agency's spokesman Joe Smith"): the person is the source, named as written."""
        doc, reg = self.doc, self.registry
        named = _person_with(head)
        if named is not None:
            ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= named.i < e.end), None)
            n_lo, n_hi = (ent.start, ent.end) if ent is not None else mention_bounds(named)
            m.span = _char_span(doc, self.text, n_lo, n_hi, named)
            m.name = self.text[m.span[0]:m.span[1]]
            person = reg.person(doc[n_lo:n_hi].text)
            m.canonical = person.name if person is not None else canonical_name(doc[n_lo:n_hi].text, person=True)
            if person is not None:
                m.entity_id, m.affiliation = person.id, person.affiliation
                m.type = person.type if person.affiliation else m.type    # "the group's director": the group's type

    def _name_the_author(self, m: AttributionMention, author: Token) -> None:
        """"Surveys by the U.N. agency", "a report by Amnesty International": the body named as the
        document's author is the source, named as written (not the document noun)."""
        lo, hi = noun_phrase(author)
        hi = next((j for j in range(author.i + 1, hi) if author.doc[j].dep_ in ("cc", "conj", "punct")
                   and author.doc[j].head.i == author.i), hi)     # "by the IOM and others": the IOM
        m.span = _char_span(self.doc, self.text, lo, hi, author)
        m.name = self.text[m.span[0]:m.span[1]]

    def _name_the_issuer(self, m: AttributionMention, head: Token, known: bool) -> None:
        """"Marlow County Coroner's Office records show", "Texas Department of Transportation
        figures": the body named before the document noun (a known issuer, or a name the lexicon
        types as a body) is the source, named as written without the document, which no
        determiner makes one document of the body's."""
        doc = self.doc
        k = head.i - 1
        if k < 0 or doc[k].pos_ != "PROPN" or m.span is None or any(c.dep_ == "det" for c in head.lefts):
            return      # "a CBP statement" names one document of the body's, and keeps its name
        top = doc[k]
        while top.head.i != head.i and top.head.i < head.i and top.head.i != top.i:
            top = top.head       # "Texas Department of Transportation records": the name's own head
        if top.head.i != head.i or top.dep_ not in ("compound", "nmod", "poss"):
            return
        lo = min(c.left_edge.i for c in head.lefts if c.dep_ in ("compound", "nmod", "poss"))
        if doc[lo].idx < m.span[0] or not (known or source_strength(doc[lo:k + 1].text) == 2):
            return
        m.span = _char_span(doc, self.text, lo, k + 1, doc[k])
        m.name = self.text[m.span[0]:m.span[1]]

    def _earlier_document(self, head: Token) -> Entity | None:
        """"the statement" after "a press release from the U.S. agency": the earlier document's issuer."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children_of(head)):
            return None
        for prev in reversed(self.documents):
            ent = self.registry.entity(prev.entity_id)
            if ent is not None:
                return ent
        return None

    def _recent_source(self, sent_i: int, organisation: bool = False) -> Entity | None:
        """The source that spoke last (for a document: an organisation, not an outlet relaying it)."""
        for s_i, prev in reversed(self.recent[-6:]):
            ent = self.registry.entity(prev.entity_id)
            if organisation and ent is not None and ent.type == "media":
                continue
            if ent is not None and (not organisation or ent.kind == "organisation" or ent.affiliation):
                if ent.kind == "person" and organisation and ent.affiliation:
                    org = next((e for e in self.registry.entities if e.kind == "organisation"
                                and e.name == ent.affiliation), None)
                    return org or ent
                return ent
        return None

    def _resolve_pronoun(self, m: AttributionMention, head: Token, sent_i: int) -> None:
        want_person = head.lower_ in PRONOUNS_PERSON
        for s_i, prev in reversed(self.recent[-6:]):
            if sent_i - s_i > 4 or (not want_person and self.para_of[s_i] != self.para_of[sent_i]):
                break
            if (self._entity_kind(prev) == "person") == want_person:
                m.canonical, m.affiliation, m.type, m.entity_id = prev.canonical, prev.affiliation, prev.type, prev.entity_id
                if m.via is None and prev.via:
                    m.via = prev.via
                return
        ent = self.registry.at(head.idx) or self.registry.latest(
            head.idx, "person" if want_person else "organisation", within_sents=6)
        if ent is not None:
            self._use(m, ent)
            return
        m.canonical = None
        m.type = "witness" if want_person else "official"


#: words that add one more of a kind already spoken of ("a second official", "another official")
_ANOTHER = frozenset({"another", "other", "second", "third", "fourth", "fifth"})


def _titled_name(head: Token, lo: int, hi: int) -> bool:
    """A capitalised phrase that opens with a person's role ("Member of Parliament for Eastfield
    North Dorian Webb", "Councillor Tom Hart", "the Minister of Health"): a person, whom a later
    "he" or "she" means, not an organisation ("the Office of the President" opens with none)."""
    if head.pos_ != "PROPN" or head.doc[hi - 1].pos_ != "PROPN":
        return False
    return opening_role(strip_determiners(head.doc[lo:hi].text)) is not None


def _group_lemmas(head: Token) -> set[str]:
    """The noun lemmas of an unnamed source: its head, and the group a share is of ("one of the
    officials" -> official)."""
    out = {head.lemma_.lower()} if head.pos_ == "NOUN" else set()
    out |= {g.lemma_.lower() for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"}
    return out


#: the nouns of a survey whose respondents' shares speak for it
_SURVEY_NOUNS = frozenset({"survey", "poll", "questionnaire", "census", "study"})
#: the head of a share of a group ("half", "two-thirds", "62%", "62 percent", "the majority")
_SHARE_HEADS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "%",
                          "percent", "per cent"})


def _described_as_someone(head: Token) -> bool:
    """A name the tagger left untyped (or read as a place) that a relative clause on "who"
    describes ("Ana Lima, who leads the clinic, told reporters"): a person, not a body ("the
    Northgate Trust, which ..."); a team or a company sometimes takes "who" and keeps its type."""
    return any(c.dep_ == "relcl" and any(g.dep_.startswith("nsubj") and word_form(g) == "who" for g in children_of(c))
               for c in head.rights)


def _a_bodys(document: Token) -> bool:
    """A document of a described body ("the company's annual report", "the ministry's report"): the
    body's, not hearsay."""
    return any(c.dep_ == "poss" and c.pos_ == "NOUN" and source_strength(c.text) == 2 for c in document.children)


def _a_share(head: Token) -> bool:
    """"Half said", "62% of respondents said", "two-thirds of those polled said": a share of a group."""
    return head.lower_ in _SHARE_HEADS and head.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ == "poss" for c in head.children)


def _char_span(doc: Doc, text: str, lo: int, hi: int, head: Token) -> tuple[int, int]:
    a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    while a < b and not (text[a].isalnum() or text[a] in "$€£"):
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ".)"):
        b -= 1
    opened = text.rfind("(", a, b)
    if opened > a and ")" not in text[opened:b] and doc[head.i].idx < opened:
        b = len(text[a:opened].rstrip()) + a    # "the Office for Police Conduct (OPC" cut at its acronym: the name
    return (a, b) if b > a else (doc[head.i].idx, doc[head.i].idx + len(doc[head.i]))


def _author_after(head: Token) -> Token | None:
    """The body a document noun names after it as its author: "surveys *by* X", "a tally released
    on Monday *by* X", "the records *of* the health ministry" (a body, not "a report of abuse"),
    "the figures *the ministry* gave" (a relative clause's subject); a document *from* X keeps its
    own name ("a press release from the U.S. agency": X is where it came from)."""
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            child = next((c for c in children_of(child) if c.dep_ == "agent"), child)
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((g for g in children_of(child) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
        if child.dep_ == "prep" and child.lower_ == "of":     # a body or a role ("the report of the match delegate")
            return next((g for g in children_of(child) if g.dep_ == "pobj" and (
                names_a_body(g) or g.pos_ == "NOUN" and source_strength(g.text) == 1)), None)
        if child.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                                             for c in children_of(child)):
            return next((g for g in children_of(child) if g.dep_ == "nsubj" and names_a_body(g)), None)
    return None


def _person_with(head: Token) -> Token | None:
    """The personal name in apposition to a role noun, also when it hangs off the role's
    complement ("the mayor of Kherson, Roman Mrochko"), or when the parser coordinates it there
    without a conjunction ("the spokesman for the Border Service, Andriy Demchenko, said")."""
    named = next((c for c in head.rights if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"
                  and c.ent_type_ in ("PERSON", "", "NORP")), None)
    if named is not None:
        return named
    for t in head.subtree:
        if t.i <= head.i or t.pos_ != "PROPN" or t.head.dep_ != "pobj" or t.head.head.head.i != head.i:
            continue
        if t.dep_ == "appos" and t.ent_type_ in ("PERSON", "", "NORP"):
            return t
        if t.dep_ == "conj" and t.ent_type_ == "PERSON" and not any(c.dep_ == "cc" for c in children_of(t.head)):
            return t
    return None


def resolve_to_turn_speakers(mentions: list[AttributionMention], labels: list[AttributionMention],
                             para_of: list[int], registry: EntityRegistry) -> None:
    """A pronoun speaker in a labelled speaker's turn ("Jane Doe (Riverside) (Lab): ... In my
    constituency, 40 homes were flooded, she asked") is that speaker, unless a person named as a
    speaker earlier in the turn is nearer ("Jane Doe: The Minister said ... he added"); "it" and
    "we" likewise for an organisation's turn ("IOM: ..."). Sets the mentions' canonical source."""
    turns = {para_of[m.sent_i]: m for m in labels if m.sent_i < len(para_of)}
    last_named: dict[int, int] = {}
    people = sorted((mention.span[0], ent.id) for ent in registry.entities if ent.kind == "person"
                    for mention in ent.mentions if mention.kind in ("name", "short_name"))
    for m in sorted(mentions, key=lambda m: (m.sent_i, m.cue_span or (0, 0))):
        p = para_of[m.sent_i] if m.sent_i < len(para_of) else -1
        label = turns.get(p)
        if label is None or m.kind == "label" or m.name is None:
            continue
        low = m.name.lower()
        if low not in PRONOUNS_PERSON and low not in PRONOUNS_GROUP or m.name.isupper() and len(m.name) > 1:
            last_named[p] = m.sent_i
            continue
        if p in last_named or low in ("who", "which", "that") or m.span is None or label.cue_span is None or any(
                label.cue_span[1] <= at < m.span[0] and ent_id != label.entity_id for at, ent_id in people):
            continue        # a person named since the label is nearer ("The chief constable, Tom Hale, ... he said")
        ent = registry.entity(label.entity_id)
        kind = ent.kind if ent is not None else ("person" if label.type == "witness" else None)
        if (low in PRONOUNS_PERSON) != (kind == "person") and kind is not None:
            continue
        m.canonical, m.affiliation, m.type, m.entity_id = label.canonical, label.affiliation, label.type, label.entity_id

