"""Reporting verbs: the attribution candidate a verb of saying or thinking makes in its sentence
(part of the attribution stage, :mod:`claimwatch.extract.attribution`).

For a verb of the cue lexicon (``resources/attribution_cues.json``): its subject or passive agent
as the source — a participle ("..., adding that") shares the governing verb's subject, a
misparsed finite verb takes the nearest noun phrase on its left, an inverted clause ("..., reports
the National Migration Service") its source after the verb, a relative pronoun ("which said")
stands for the noun it hangs from —, the verb as the cue, and its clausal complement (else the
rest of the sentence) as the content; passive hearsay ("is said to", "it was reported that") and
anaphoric frames ("This was stated by X"). Core: :func:`verb_candidate`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .base import children_of, cue_lexicon, word_form
from .cue_candidates import FIRST_SECOND as _FIRST_SECOND
from .cue_candidates import Cand, cannot_speak, depth
from .mentions import mention_bounds, trim_span
from .quotes import CLOSE_Q, in_quote
from .sources import platform_of, source_strength

__all__ = ["verb_candidate"]

_CUES = cue_lexicon()
_SPEECH = frozenset(_CUES["speech_verbs"])
_COGNITION = frozenset(_CUES["cognition_verbs"])
_STRONG = frozenset(_CUES["strong_speech_verbs"])
_REPORTING = _SPEECH | _COGNITION
_HEARSAY_PASSIVE = frozenset(_CUES["hearsay_passives"])
_COGNITION_BARE = frozenset(_CUES["cognition_without_that"])
_STOP_LEFT = {"”", '"', ":", ";", "“"}
_CORE = frozenset(_CUES["core_speech_verbs"])
_QUOTE_MARKS = {"“", "”", '"', "«", "»", "``", "''"}
_OBJECT_ACTS = frozenset(_CUES["object_speech_acts"])
_ANAPHORIC = {"this", "that", "it", "so", "these", "those"}
_NOMINAL_HEARSAY = {"report", "record", "register"}    # "the passage of 29,641 migrants has been reported"


def _content_of(doc: Doc, lo: int, hi: int, verb: Token, exclude: tuple[int, int]) -> tuple[int, int] | None:
    """Content of a reporting verb: its clausal complements, else the rest of the sentence."""
    kids = [c for c in children_of(verb) if c.dep_ in ("ccomp", "xcomp", "parataxis")
            and not (exclude[0] <= c.i < exclude[1])]
    if not kids:
        # "said in a statement that ...": the clause hangs off the statement noun
        for prep in children_of(verb):
            if prep.dep_ != "prep":
                continue
            for obj in children_of(prep):
                for c in children_of(obj):
                    if c.dep_ in ("acl", "relcl", "ccomp") and c.left_edge.lower_ == "that" and c.left_edge.i > obj.i:
                        kids.append(c)
    if kids:
        a = min(k.left_edge.i for k in kids)
        b = max(k.right_edge.i for k in kids) + 1
        return trim_span(doc, max(a, lo), min(b, hi))
    if verb.dep_ in ("parataxis", "ccomp") or (verb.dep_ == "ROOT" and verb.head.i == verb.i):
        head = verb.head
        if verb.dep_ != "ROOT" and lo <= head.i < hi:
            # "The war, he said, will go on": the governing clause minus the parenthetical
            a, b = verb.left_edge.i, verb.right_edge.i + 1
            left = trim_span(doc, lo, a)
            right = trim_span(doc, b, hi)
            if left and right:
                return left[0], right[1]
            return left or right
    a, b = exclude
    left = trim_span(doc, lo, a)
    right = trim_span(doc, b, hi)
    if left and right:
        return left if left[1] - left[0] >= right[1] - right[0] else right
    return left or right


def _via(verb: Token) -> str | None:
    for child in children_of(verb):
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via", "through"):
            obj = " ".join(t.text for t in child.subtree)
            p = platform_of(obj)
            if p:
                return p
    return None


def _left_subject(verb: Token, lo: int) -> Token | None:
    """A misparsed subject: the nearest noun phrase left of a finite reporting verb
    (""Yes," Brent Bozell, founder of the centre, tells Breitbart")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= lo and verb.i - j <= 12:
        t = doc[j]
        if t.text in _STOP_LEFT:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME"):
            head = t
            while head.dep_ in ("compound", "amod", "poss", "nmod", "flat") and lo <= head.head.i < verb.i:
                head = head.head
            # an apposition ("X, founder of Y,") points back to X
            while head.dep_ == "appos" and lo <= head.head.i < head.i and head.ent_type_ != "PERSON":
                head = head.head  # (a named person is the speaker, not what a misparse hangs them from)
            if head.dep_ == "pobj":
                j = head.head.i - 1
                continue
            return head
        j -= 1
    return None


def _trailing_speaker(verb: Token, lo: int) -> Token | None:
    """The speaker of a closing reporting clause the parser read as a coordinated verb or as a
    root with no subject ("Forensic teams have exhumed 137 bodies ... near the town of Qutayfah,
    Syria's National Commission for Missing Persons said on Thursday", the name hung from the
    town): the noun phrase between the comma and the verb, with no conjunction to coordinate it
    and nothing the verb reports after it."""
    doc = verb.doc
    if verb.i - 1 < lo or doc[verb.i - 1].pos_ not in ("PROPN", "NOUN") \
            or any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in children_of(verb)):
        return None
    head = doc[verb.i - 1]
    for _ in range(6):
        if head.dep_ in ("compound", "amod", "poss", "nmod", "flat") and lo <= head.head.i < verb.i:
            head = head.head
        elif head.dep_ == "pobj" and head.head.head.pos_ in ("PROPN", "NOUN") and lo <= head.head.head.i < head.i:
            head = head.head.head       # "National Commission for Missing Persons"
        else:
            break
    start = min(t.i for t in head.subtree if t.i < verb.i)
    if start - 1 < lo or doc[start - 1].text != "," or any(
            doc[j].dep_ == "cc" for j in range(start, verb.i)):
        return None
    return head


def _closing_inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a closing reporting verb with no subject of its own, which the parser
    reads as its object ("..., announced the Ministry of Fisheries and Maritime Affairs in a
    communiqué.", "..., said the ministry"): a body or a name, with nothing after it but a
    prepositional phrase and the sentence's end (not "..., announced a new kit and opened ...")."""
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON") or source_strength(
            " ".join(t.text for t in obj.subtree)) == 2):
        return None
    if any(c.i > obj.i and c.dep_ not in ("prep", "punct", "npadvmod", "advmod") for c in children_of(verb)):
        return None
    return obj


def _closing_speaker_of_a_modifier(verb: Token, lo: int) -> Token | None:
    """The speaker of a closing reporting clause the parser read as a modifier of its noun ("...
    killed 38 servicemen on Tuesday, a pro-Ukrainian Telegram channel, Exilenova+, reported, citing
    ..."): a noun phrase set off by commas right before the verb, which reports nothing after it
    (not "the figures reported by the ministry", "30 deaths reported")."""
    doc, noun = verb.doc, verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i >= verb.i or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("dobj", "ccomp", "agent", "xcomp", "nsubj") for c in children_of(verb)):
        return None
    own = [t.i for t in noun.subtree if t.i < verb.i and not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
    first, last = min(own), max(own)
    if first - 1 < lo or doc[first - 1].text != "," or any(not doc[j].is_punct for j in range(last + 1, verb.i)):
        return None
    return noun


def _subject(tok: Token, lo: int, hi: int, lemma: str) -> tuple[Token | None, Token | None, bool]:
    """(subject, passive agent, passive) of a reporting verb within its sentence; a participle
    ("..., adding that") shares the governing verb's subject; a misparsed finite verb takes the
    nearest noun phrase on its left."""
    subj = agent = None
    passive = False
    for c in children_of(tok):
        if c.dep_ in ("nsubj", "csubj") and (subj is None or abs(c.i - tok.i) < abs(subj.i - tok.i)):
            subj = c  # two subjects (a misparse of "<clause>, the agency said"): the nearest one
        elif c.dep_ == "nsubjpass":
            subj, passive = c, True
        elif c.dep_ == "agent":
            agent = next((g for g in children_of(c) if g.dep_ == "pobj"), None)
    if subj is not None and not lo <= subj.i < hi:
        subj, passive = None, False     # a parse across a paragraph break: not this sentence's subject
    if subj is None and agent is None and tok.dep_ in ("conj", "ROOT") and lemma in _CORE:
        subj = _trailing_speaker(tok, lo)
        if subj is None and tok.i > lo and tok.doc[tok.i - 1].text == ",":
            subj = _closing_inverted_speaker(tok)     # "..., announced the Ministry of Fisheries in a communiqué."
    if subj is None and agent is None and tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB") \
            and lo <= tok.head.i < hi and not (tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in children_of(tok.head))):
        head = tok.head
        subj = next((c for c in children_of(head) if c.dep_ in ("nsubj",)), None)
        steps = 0
        while subj is None and head.dep_ == "conj" and steps < 4:   # "... reversed, rushed and said"
            head, steps = head.head, steps + 1
            subj = next((c for c in children_of(head) if c.dep_ in ("nsubj",)), None)
    if subj is None and agent is None and lemma in _STRONG and tok.tag_ in ("VBD", "VBZ", "VBP") \
            and tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
        subj = _left_subject(tok, lo)
    return subj, agent, passive


def _passive_candidate(tok: Token, lo: int, hi: int, lemma: str, subj: Token | None, agent: Token | None,
                       clausal: bool) -> Cand | None:
    """Passive frames: "X is said / reported to ...", "It was reported that ..." (hearsay), and
    "This was stated by X" (an anaphoric attribution: the content is what came before)."""
    doc = tok.doc
    aux = [c for c in children_of(tok) if c.dep_ == "auxpass" and c.i < tok.i]
    a = aux[0].i if aux else tok.i
    if agent is None:
        if subj is not None and lemma in _HEARSAY_PASSIVE and (clausal or word_form(subj) == "it" or lemma in _NOMINAL_HEARSAY):
            content = _content_of(doc, lo, hi, tok, (a, tok.i + 1)) if word_form(subj) == "it" else trim_span(doc, lo, hi)
            return Cand(None, a, tok.i + 1, tok.i, content, hearsay=True, depth=depth(tok))
        return None
    if subj is not None and word_form(subj) in _ANAPHORIC:
        return Cand(agent, a, tok.i + 1, tok.i, None, depth=depth(tok), via=_via(tok), anaphoric=True)
    return None


def _source_token(tok: Token, src: Token | None, lemma: str, lo: int) -> tuple[Token | None, Token | None]:
    """(source, relative pronoun) a reporting verb's subject stands for, or (None, None) when it
    cannot be a source (a question word, a clause, a river)."""
    if src is None:
        return None, None
    rel = None
    form = word_form(src)
    if form in ("who", "which", "that") and src.dep_.startswith("nsubj") and tok.dep_ == "relcl":
        rel, src = src, tok.head
    elif form in ("who", "what", "which", "whom", "whoever", "that", "this", "there"):
        return None, None
    src = _after_participial_opener(tok, src)
    if src.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") or src.dep_ == "csubj" or _asked_of(tok, src):
        return None, None
    if cannot_speak(tok, src):
        return _inverted_source(tok, lemma, lo), None     # "... crossed the jungle, reports the National Migration Service"
    return src, rel


def _asked_of(verb: Token, subj: Token) -> bool:
    """A question put to the subject ("Will the leader confirm that 12 libraries will close?", "Did
    police say 3 were hurt?"): its auxiliary comes before it and the sentence asks; the subject
    says nothing, whoever asks does."""
    return subj.i < verb.i and verb.doc[verb.sent.end - 1].text == "?" and any(
        c.dep_ in ("aux", "auxpass") and c.i < subj.i for c in children_of(verb))


def _after_participial_opener(verb: Token, subj: Token) -> Token:
    """"Briefing the Council on ..., the Under-Secretary-General, Tom Fletcher, said": a participle
    opening the sentence, read as the verb's subject (a noun takes no direct object); the speaker
    is the noun phrase set off by commas just before the verb."""
    doc = verb.doc
    if not subj.lower_.endswith("ing") or subj.i >= verb.i or not any(c.dep_ == "dobj" for c in children_of(subj)):
        return subj
    j = verb.i - 1
    if doc[j].text != ",":
        return subj
    while j > subj.i and doc[j].is_punct:
        j -= 1
    clause_end = next((k for k in range(subj.i + 1, verb.i) if doc[k].text == ","), verb.i)
    return doc[j] if j > clause_end and doc[j].pos_ in ("PROPN", "NOUN") else subj


def _cognition_ok(tok: Token, lemma: str, clausal: bool) -> bool:
    """A verb of thinking attributes only with a clause ("believes that ..."), a bare one only
    when it takes a clause without "that"."""
    if lemma not in _COGNITION or lemma in _STRONG:
        return True
    if not clausal:
        return False
    return lemma in _COGNITION_BARE or any(
        g.dep_ == "mark" and g.lower_ == "that" for c in children_of(tok) if c.dep_ == "ccomp" for g in children_of(c))


def _object_ok(tok: Token, lemma: str, lo: int, hi: int, has_obj: bool) -> bool:
    """A reporting verb with no clause: an object it characterises, a quotation in the sentence,
    or a core speech verb on its own ("..., he said.")."""
    doc = tok.doc
    if not _bare_object_allowed(tok, lemma, lo, hi):
        return False
    if tok.dep_ == "relcl" and not has_obj:             # "the things Trump said"
        return False
    if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in children_of(tok)):
        return False                                     # "put the toll at 30", not "put forward"
    if lemma == "add" and any(c.dep_ == "prep" and c.lower_ == "to" for c in children_of(tok)):
        return False                                     # "added to the uncertainty"
    if not has_obj and _closing_clause(tok, lo, hi):
        return True                                      # "..., the district administration informed."
    if lemma not in _STRONG:
        return lemma in _OBJECT_ACTS and has_obj
    return lemma in _CORE or has_obj and lemma in _OBJECT_ACTS or tok.dep_ == "parataxis" or any(
        doc[j].text in _QUOTE_MARKS for j in range(lo, hi))  # not "contend with", "repeat the phrase"


def _closing_clause(tok: Token, lo: int, hi: int) -> bool:
    """A reporting clause that closes its sentence after a comma, its subject just before the
    verb and nothing after it ("..., the district administration informed."): it reports what
    the sentence said before it, whichever speech verb it uses."""
    doc = tok.doc
    subj = next((c for c in children_of(tok) if c.dep_ == "nsubj"), None)
    last = hi - 1
    while last > tok.i and doc[last].is_punct:
        last -= 1
    return (tok.dep_ == "ROOT" and subj is not None and last == tok.i and subj.right_edge.i + 1 == tok.i
            and subj.left_edge.i - 1 > lo and doc[subj.left_edge.i - 1].text == ",")


def verb_candidate(tok: Token, lo: int, hi: int, regions: list[tuple[int, int]], rstarts: list[int]) -> Cand | None:
    lemma = tok.lemma_.lower()
    if lemma not in _REPORTING or tok.pos_ not in ("VERB", "AUX"):
        return None
    closing = _closing_speaker_of_a_modifier(tok, lo) if tok.dep_ == "acl" else None
    if closing is None and (tok.dep_ in ("amod", "compound", "acl") or tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj")):
        return None
    doc = tok.doc
    subj, agent, passive = (closing, None, False) if closing is not None else _subject(tok, lo, hi, lemma)
    clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children_of(tok))
    cue_lo, cue_hi = tok.i, tok.i + 1
    for c in children_of(tok):  # "pointed out", "has said" stays "said": particles only
        if c.dep_ == "prt" and c.i == cue_hi:
            cue_hi += 1
    if passive:
        framed = _passive_candidate(tok, lo, hi, lemma, subj, agent, clausal)
        if framed is not None or agent is None:
            return framed
    src, rel = _source_token(tok, agent if passive else subj, lemma, lo)
    if src is None or not _cognition_ok(tok, lemma, clausal):
        return None
    if word_form(src) in _FIRST_SECOND and not in_quote(regions, rstarts, tok.idx):
        return None                                      # the author's own "I think", "we said"
    if lemma == "continue" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" or any(
            doc[j].text in CLOSE_Q + '"' for j in range(lo, tok.i))):
        return None
    has_obj = (passive and agent is not None) or any(c.dep_ in ("dobj", "oprd") for c in children_of(tok))
    if not clausal and not _object_ok(tok, lemma, lo, hi, has_obj):
        return None
    s_lo, s_hi = mention_bounds(src)
    content = _content_of(doc, lo, hi, tok, (min(s_lo, cue_lo), max(s_hi, cue_hi)))
    anaphoric = False
    if not clausal:
        objs = [c for c in children_of(tok) if c.dep_ in ("dobj", "prep")]
        anaphoric = any(o.lower_ in _ANAPHORIC or any(g.lower_ in _ANAPHORIC for g in children_of(o)) for o in objs)
        if anaphoric:
            content = None
    cand = Cand(src, cue_lo, cue_hi, tok.i, content, depth=depth(tok), via=_via(tok), anaphoric=anaphoric)
    cand.rel = rel
    return cand


def _inverted_source(verb: Token, lemma: str, lo: int) -> Token | None:
    """The source after the verb in an inverted reporting clause ("..., reports the National
    Migration Service"), which the parser may read as the verb's object."""
    if lemma not in _CORE or verb.tag_ not in ("VBZ", "VBD") or verb.i - lo < 4:
        return None
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.i == verb.right_edge.i - (
        verb.right_edge.i - c.right_edge.i)), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ == "ORG" or source_strength(
            " ".join(t.text for t in obj.subtree)) == 2):
        return None
    return obj


def _bare_object_allowed(tok: Token, lemma: str, lo: int, hi: int) -> bool:
    """A reporting verb with no clause after it: a participle ("..., stating their intention")
    needs a quotation; "call" needs what it calls something ("called it a violation") or what
    it calls for ("called for an inquiry"), not a telephone ("call a hotline")."""
    doc = tok.doc
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp") and lemma not in ("say", "tell") and not any(
            doc[j].text in _QUOTE_MARKS for j in range(lo, hi)):
        return False
    if lemma == "call":
        return any(c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in children_of(tok))
    return True
