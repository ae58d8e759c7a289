"""Resolution of place candidates against the gazetteer: score each candidate's entries
(importance, the article's countries, feature-type cues, nearby regions), choose "<place>,
<region>" pairs jointly, and give the article's context a second pass.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Analysis, cue_lexicon, token_table
from .gazetteer import FEATURE_WORDS, Entry, Gazetteer, get_gazetteer, haversine_km, norm
from .place_candidates import _ARMED, _DIRECTIONS, PHYSICAL, Cand, keys_for

__all__ = ["resolve", "resolve_name", "options"]


def _score(entry: Entry, alt: bool, cue: tuple[str, ...], label: str, ctx_cc: dict[str, float],
           pts: tuple = (), after_the: bool = False) -> float:
    s = entry.importance - (1.5 if alt else 0.0)
    if after_the and entry.feature == "city" and not entry.name.lower().startswith("the "):
        s -= 6.0  # "in the Rio Grande", "along the Dnipro": a town is not written with the article
    if pts and entry.feature not in ("country", "admin1"):
        for cc, lat, lon in pts:   # the regions the article names
            if cc == entry.cc and haversine_km(lat, lon, entry.lat, entry.lon) < 300:
                s += 2.0
                break
    if cue:
        s += 6.0 if entry.feature in cue else -6.0
    if label == "LOC" and entry.feature in PHYSICAL:
        s += 3.0  # the tagger's LOC is a physical place; a country context must not turn it into a town
    if label == "GPE" and not cue and not after_the and entry.feature in PHYSICAL and entry.feature != "region":
        s -= 2.5  # "Ohio" the state, "Ontario" the province: not the river / lake
    if label in ("GPE", "GAZ") and entry.feature in ("country", "admin1", "city"):
        s += 0.5
    if entry.cc and entry.cc in ctx_cc:
        s += ctx_cc[entry.cc]
    return s


def _contains(outer: Entry, inner: Entry) -> float:
    """Bonus when ``inner`` plausibly lies in ``outer`` ("Mukachevo, Zakarpattia"; "Atlanta, Georgia")."""
    if outer.feature == "country":
        return 4.0 if inner.cc == outer.cc else -2.0
    if outer.feature == "admin1" and inner.cc == outer.cc:
        d = haversine_km(inner.lat, inner.lon, outer.lat, outer.lon)
        return 6.0 if d < 400 else 1.0
    if outer.feature == "admin1" and outer.cc and inner.cc:
        return -2.0  # "Cornwall, Ontario": no place of Britain lies in a Canadian province
    return 0.0


def options(gaz: Gazetteer, c: Cand, words: list[str], ctx_cc: dict[str, float],
             pts: tuple = (), after_the: bool = False) -> list[tuple[float, Entry]]:
    """Scored gazetteer entries for a candidate, best first (``after_the``: the text writes the
    name after a lower-case "the", which a tagged place name takes when it is no town, and a sea
    or ocean when it leaves out its generic word: "the Atlantic")."""
    keys = [(c.key, c.cue)] if c.key else keys_for(gaz, words)
    stripped = {k for k, cue in keys[1:] if cue}  # "Big Creek" -> "big": only a reading of the cued feature
    if not c.key and after_the:
        water = _water_keys(words)  # "the Atlantic": the ocean whose generic word the text leaves out
        keys = water + keys
        stripped |= {k for k, _ in water}
    if words and words[0].lower() in _DIRECTIONS and len(words) > 1:
        keys += keys_for(gaz, words[1:])  # "southwestern Salcininkai region"
    out: list[tuple[float, Entry]] = []
    for key, cue in keys:
        got = [(_score(entry, alt, cue, c.label, ctx_cc, pts, after_the), entry) for entry, alt in gaz.lookup_key(key)[:40]
               if key not in stripped or entry.feature in cue]
        out += got
        if got and (not cue or max(got, key=lambda x: x[0])[1].feature in cue):
            break
    out.sort(key=lambda x: -x[0])
    if len(out) > 1 and out[0][1].feature == "admin1" and not (c.cue and "admin1" in c.cue):
        # "in Kharkiv" / "in Kiev": the city, not the region named after it
        top = out[0]
        for sc, e in out[1:6]:
            if e.feature == "city" and e.cc == top[1].cc and sc >= top[0] - 2.0 and \
                    haversine_km(e.lat, e.lon, top[1].lat, top[1].lon) < 150 and not _a_short_form(words, e, top[1]):
                out.remove((sc, e))
                # the region's score too when it bears the region's very name: "Bern, Switzerland"
                # pairs the city (not so a town named by an alternative: Sinaloa de Leyva)
                out.insert(0, (max(sc, top[0]) if norm(e.name) == norm(top[1].name) else sc, e))
                break
    return out


def _a_short_form(words: list[str], town: Entry, region: Entry) -> bool:
    """Whether the text names the region by its very name and the town only by a short form of its
    longer one ("Bihar": the state, not Bihar Sharif)."""
    key = norm(" ".join(words))
    return norm(region.name) == key and norm(town.name) != key and len(town.name.split()) > len(words)


#: generic words a sea's or ocean's name drops in writing ("the Atlantic", "the Baltic", "the Adriatic")
_WATER_WORDS = ("ocean", "sea")


def _water_keys(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Look-up keys of the sea or ocean a one-word physical place names without its generic word
    (none for a direction: "the North" is no North Sea)."""
    if len(words) != 1 or not words[0][:1].isupper() or words[0].lower() in _DIRECTIONS:
        return []
    return [(norm(f"{words[0]} {w}"), FEATURE_WORDS[w]) for w in _WATER_WORDS]


def resolve_name(name: str, *, context: tuple[str, ...] = (), feature: str | None = None) -> Entry | None:
    """Resolve one place name out of context (optionally preferring countries ``context``)."""
    gaz = get_gazetteer()
    words = name.split()
    cue = (feature,) if feature else ()
    c = Cand(0, len(name), 0, len(words), "", cue, "GAZ")
    if cue:
        c.key = norm(name)
    opts = options(gaz, c, words, {cc: 4.0 for cc in context})
    return opts[0][1] if opts else None



def _context_countries(gaz: Gazetteer, analysis: Analysis,
                       src: dict[str, set[str]] | None = None) -> dict[str, float]:
    """Countries named in the article (3.0) and their demonyms (1.5): a prior for ambiguous names.
    ``src`` collects, per country, the names that gave it (see :func:`_others`)."""
    ctx: dict[str, float] = {}
    src = {} if src is None else src
    for ent in token_table(analysis.doc).ents:
        if ent.label_ == "GPE":
            bare = ent.text.removeprefix("the ").removeprefix("The ")
            name = norm(bare)
            for e in gaz.lookup(bare)[:1]:
                if e.feature == "country" and e.cc:
                    ctx[e.cc] = 3.0
                elif e.feature == "admin1" and e.cc:
                    ctx.setdefault(e.cc, 2.0)
                if e.cc:
                    src.setdefault(e.cc, set()).add(name)
        elif ent.label_ == "NORP":
            cc = gaz.demonym(ent.text)
            if cc:
                ctx[cc] = max(ctx.get(cc, 0.0), _ARMED_SIDE if _of_an_armed_side(ent) else 1.5)
                src.setdefault(cc, set()).add(norm(ent.text))
    return ctx


#: what the nationality of an armed force or weapon says of where it acts: little ("Russian troops
#: captured Pokrovsk": Ukraine's Pokrovsk; a war is often fought abroad)
_ARMED_SIDE = 0.5


def _of_an_armed_side(ent) -> bool:
    """Whether a nationality word qualifies an armed force or a weapon ("Russian troops", "Israeli
    strikes", "the Turkish army's drones")."""
    head = ent.root.head
    return ent.root.dep_ in ("amod", "compound", "nmod", "poss") and head.lemma_.lower() in _ARMED


def _others(ctx: dict[str, float], src: dict[str, set[str]], name: str) -> dict[str, float]:
    """The context with what a name gives itself halved: "Lebanon" beside Hershey and Palmyra is
    weak evidence that the article is about the country Lebanon."""
    return {cc: v if src.get(cc, set()) - {name} or cc not in src else v / 2 for cc, v in ctx.items()}


def resolve(analysis: Analysis, cands: list[Cand], gaz: Gazetteer) -> list[Entry | None]:
    """The entry each candidate names (``None`` when the gazetteer has none), in two passes: the
    countries and regions the first pass finds become the context of the second."""
    doc = analysis.doc
    src: dict[str, set[str]] = {}
    ctx = _context_countries(gaz, analysis, src)
    words = [[t.text for t in doc[c.tok_start:c.tok_end]] for c in cands]
    # the name each candidate gives: "Madison" in "Madison and Clarke counties" names Madison County,
    # "north Georgia" names Georgia
    names = [c.key if c.label == "LIST" else norm(" ".join(w[1:] if len(w) > 1 and w[0].lower() in _DIRECTIONS else w))
             for c, w in zip(cands, words)]
    todo = [c.entry is None and c.label not in ("ANAPHOR", "STREET", "LOCAL") for c in cands]
    the = [c.label in ("GPE", "FAC", "LOC") and c.tok_start > 0 and _after_an_article(doc[c.tok_start - 1], c.label)
           for c in cands]
    opts = [options(gaz, c, w, _others(ctx, src, n), after_the=a) if t else []
            for c, w, t, n, a in zip(cands, words, todo, names, the)]
    # second pass: the countries and regions the first pass found become the context
    counts, pts, cities = _first_pass_evidence(opts, names, src)
    if counts:
        total = sum(counts.values())
        ctx2 = dict(ctx)
        for cc, n_cc in counts.items():
            ctx2[cc] = max(ctx2.get(cc, 0.0), 4.0 * n_cc / total)
        # a region's point raises the towns near it, not those of its own name's readings ("Rio Grande
        # do Sul" the state is no evidence for the town Rio Grande, its alternative name; "Bihar" the
        # state none for Bihar Sharif)
        opts = [options(gaz, c, w, _others(ctx2, src, n), _points_of_others(pts, o, n), after_the=a) if t else []
                for c, w, t, n, a, o in zip(cands, words, todo, names, the, opts)]
        if cities:
            _favour_regions_of_towns(opts, cities)
    chosen = _containment_pairs(analysis, cands, opts)
    paired = set(chosen)
    anchors = _anchors(names, opts, chosen)  # before coherence adds its choices
    _cohere(names, opts, chosen, anchors, {c.entry.cc for c in cands if c.entry is not None and c.entry.cc}
            | {c.entry.cc2 for c in cands if c.entry is not None and c.entry.cc2})
    out = [chosen.get(k) or (opts[k][0][1] if opts[k] else None) for k in range(len(cands))]
    for k in _seas_read_from_an_article(analysis, cands, out):
        out[k] = None
    for k, entry in enumerate(out):
        if entry is not None and k not in paired and entry.importance < 5.0 and not _neighbours(names[k], entry, anchors):
            major = _major_namesake(entry, opts[k], names[k])
            if major is not None:
                out[k] = major
    return out


def _after_an_article(word: Token, label: str) -> bool:
    """Whether a tagged place follows an article: a lower-case "the" ("along the Dnipro"), and for
    what the tagger calls a location, no state or town, also a sentence's "The" or "a" ("The
    Atlantic storm", "A Pacific typhoon", "The Baltic states": the ocean or sea, not a small town)."""
    return word.text == "the" or label == "LOC" and word.lower_ in ("the", "a", "an")


_SEA_FEATURES = ("sea", "ocean")
_SPEECH = frozenset(cue_lexicon()["speech_verbs"]) | {"say", "report", "announce"}
#: nouns a sea's name qualifies as a group of countries, not the sea ("the Baltic states")
_GROUPS_OF_COUNTRIES = frozenset({"state", "nation", "country", "republic"})


def _seas_read_from_an_article(analysis: Analysis, cands: list[Cand], out: list[Entry | None]) -> list[int]:
    """The candidates read as a sea or ocean only for the article before them ("The Atlantic", "a
    Pacific typhoon") that name no place: a group of countries ("The Baltic states"), a publication
    that speaks ("The Atlantic reported"), or a sea beside a more precise place of its sentence
    ("The Pacific typhoon killed 23 people in the Philippines": the Philippines)."""
    doc = analysis.doc
    drop = []
    for k, (c, entry) in enumerate(zip(cands, out)):
        if entry is None or entry.feature not in _SEA_FEATURES or c.label != "LOC" or c.tok_start == 0 \
                or doc[c.tok_start - 1].text == "the" or not _after_an_article(doc[c.tok_start - 1], c.label):
            continue
        root = doc[c.tok_start:c.tok_end].root
        sent = root.sent
        if root.head.lemma_.lower() in _GROUPS_OF_COUNTRIES and root.dep_ in ("compound", "amod", "nmod") \
                or root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH \
                or any(o is not None and o.feature not in PHYSICAL and sent.start <= d.tok_start < sent.end
                       for d, o in zip(cands, out) if d is not c):
            drop.append(k)
    return drop


def _first_pass_evidence(opts: list, names: list[str], src: dict[str, set[str]]
                         ) -> tuple[dict[str, int], list[tuple], list[tuple[int, Entry]]]:
    """What the first pass's best readings say of the article: how many names place it in each
    country (only names whose readings agree on the country: "Georgia" does not), the points of
    its regions, and its towns (index, entry). Adds each counted name to ``src``."""
    counts: dict[str, int] = {}
    pts = []
    cities = []
    for k0, o in enumerate(opts):
        if o:
            top = o[0][1]
            if top.feature == "city":
                cities.append((k0, top))
            if top.cc and all(e.cc == top.cc for sc, e in o[1:6] if sc > o[0][0] - 4.0):
                counts[top.cc] = counts.get(top.cc, 0) + 1
                src.setdefault(top.cc, set()).add(names[k0])
            if top.feature == "admin1":
                pts.append((top.cc, top.lat, top.lon, names[k0]))
    return counts, pts, cities


def _points_of_others(pts: list[tuple], own: list[tuple[float, Entry]], name: str) -> tuple:
    """The first pass's region points (cc, lat, lon) but the one a candidate's own best reading gave
    and those given by a name the same as its own."""
    mine = (own[0][1].cc, own[0][1].lat, own[0][1].lon) if own else None
    return tuple(p[:3] for p in pts if p[:3] != mine and p[3] != name)


def _favour_regions_of_towns(opts: list, cities: list[tuple[int, Entry]]) -> None:
    """Raise an admin-1 reading the article's towns lie in ("Gainesville ... Georgia"), in place."""
    for k1, o in enumerate(opts):
        if any(e.feature == "city" for _, e in o[:3]):
            continue  # "Minsk": a city name; its region is not what the text means
        for k2, (sc, e) in enumerate(o):
            if e.feature == "admin1":
                near = sum(1 for k0, c in cities if k0 != k1 and c.cc == e.cc
                           and haversine_km(c.lat, c.lon, e.lat, e.lon) < 400)
                if near:
                    o[k2] = (sc + min(4.0, 1.5 * near), e)
        o.sort(key=lambda x: -x[0])


def _containment_pairs(analysis: Analysis, cands: list[Cand], opts: list) -> dict[int, Entry]:
    """The entries of containment pairs "<place>, <region or country>", chosen jointly."""
    doc = analysis.doc
    chosen: dict[int, Entry] = {}
    for k in range(len(cands) - 1):
        c, nx = cands[k], cands[k + 1]
        if not (opts[k] and opts[k + 1] and nx.tok_start == c.tok_end + 1 and doc[c.tok_end].text == ","):
            continue
        best, best_s = None, -1e9
        for sb, b in opts[k + 1][:10]:
            if b.feature not in ("admin1", "country"):
                continue
            for sa, a in opts[k][:40]:
                sc = sa + sb + _contains(b, a)
                if sc > best_s:
                    best, best_s = (a, b), sc
        if best:
            chosen[k], chosen[k + 1] = best
    return chosen


def _major_namesake(entry: Entry, opts: list, name: str) -> Entry | None:
    """A far better-known place of the same name and kind than a minor reading nothing in the text
    supports: Moscow is Moscow, Russia unless the text says "Moscow, Idaho"."""
    return next((m for _, m in opts if m.importance >= 6.0 and m.importance - entry.importance >= 2.5
                 and norm(m.name) == name and m.feature == entry.feature), None)


def _neighbours(name: str, e: Entry, anchors: list[tuple[str, Entry]]) -> bool:
    """Whether a place the article locates with confidence lies around ``e`` (a town, county or
    state within about 150 km): "Alexandria" in a story of Minnesota is Alexandria, Minnesota,
    not Egypt's; "Moscow" beside New York and Baltimore stays in Russia."""
    return any(a_name != name and a.feature in ("city", "admin2", "admin1") and (a.cc == e.cc or a.feature != "admin1")
               and haversine_km(a.lat, a.lon, e.lat, e.lon) < 150 for a_name, a in anchors)


def _anchors(names: list[str], opts: list, chosen: dict[int, Entry]) -> list[tuple[str, Entry]]:
    """Places the article locates with confidence: a "<town>, <state>" pair, a name with one reading,
    or one whose best reading clearly outscores the next."""
    out = []
    for k, o in enumerate(opts):
        e = chosen.get(k) or (o[0][1] if o else None)
        if e is None or e.feature not in ("city", "admin2", "admin1"):
            continue
        spots = {(round(x.lat, 1), round(x.lon, 1)) for _, x in o[:6]}
        if k in chosen or len(spots) == 1 or len(o) > 1 and o[0][0] - o[1][0] >= 2.5:
            out.append((names[k], e))
    return out


#: the most the article's other places may add to one reading
_CLOSENESS_CAP = 7.0
#: (distance, weight): what a place the article locates with confidence adds to a reading that lies
#: this close to it (an admin-1 region's reach is 2.3 times a town's); farther away, nothing
_CLOSENESS = ((50.0, 3.0), (150.0, 2.0))


def _closeness(e: Entry, key: str, anchors: list[tuple[str, Entry]]) -> float:
    """How strongly the places the article locates with confidence (each distinct name once, at its
    nearest mention) point at reading ``e`` of name ``key``: a town 30 km from the article's
    Shreveport is the Mansfield it means, not the larger namesake 330 km away."""
    best: dict[str, float] = {}
    scale = 2.3 if e.feature == "admin1" else 1.0
    for ak, a in anchors:
        if ak == key:
            continue
        d = haversine_km(a.lat, a.lon, e.lat, e.lon) / scale
        w = next((w for lim, w in _CLOSENESS if d < lim), 0.0)
        if w > best.get(ak, 0.0):
            best[ak] = w
    return sum(best.values())


#: grid cells (degrees of latitude; longitude 1.3 times as wide) in which the possible readings of the
#: article's other names are looked for: a reading in a neighbouring fine cell (within about 35-65 km)
#: supports a reading 1.5, one only in a neighbouring coarse cell (about 150-230 km) 0.5
_FINE, _COARSE = 0.3, 1.4
_SUPPORT_NEAR, _SUPPORT_WIDE = 1.5, 0.5


def _cell(e: Entry, size: float = _COARSE) -> tuple[int, int]:
    return int((e.lat + 90) // size), int((e.lon + 180) // (size * 1.3))


def _around(e: Entry, size: float) -> set[tuple[int, int]]:
    cy, cx = _cell(e, size)
    return {(cy + dy, cx + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)}


#: what a country reading gives up when the article places nothing else in it, names no other country
#: and another reading of the name lies among the article's places ("Lebanon" beside Warren County)
_ISOLATED_COUNTRY = 3.0


def _isolated(country: Entry, key: str, names: list[str], opts: list, countries: frozenset[str] | set[str]) -> bool:
    """Whether the article names nothing else in ``country`` (no town, region, demonym or border of
    it) and no other country or world region: then its name is more likely a namesake town."""
    if country.cc in countries:
        return False
    for k, o in enumerate(opts):
        if names[k] == key or not o:
            continue
        top = o[0][1]
        if top.cc == country.cc or top.feature == "country" or top.feature == "region" and top.cc is None:
            return False
    return True


def _support(e: Entry, key: str, cells: dict[str, set[tuple[int, int]]],
             fine: dict[str, set[tuple[int, int]]]) -> float:
    """How many of the article's other names may lie near ``e``: 1.5 for a possible reading within
    about 50 km (an admin-1 region: about 200 km), 0.5 within about 200 km."""
    around = _around(e, _COARSE)
    close = _around(e, _FINE)
    total = 0.0
    for other, cs in cells.items():
        if other != key and cs & around:
            total += _SUPPORT_NEAR if e.feature == "admin1" or fine[other] & close else _SUPPORT_WIDE
    return total


def _cohere(names: list[str], opts: list, chosen: dict[int, Entry], anchors: list[tuple[str, Entry]],
            countries: frozenset[str] | set[str] = frozenset()) -> None:
    """Geographic coherence, and one reading per name: an ambiguous name ("Paris", "Henry County")
    takes the reading near the places the article locates with confidence (:func:`_closeness`) and
    near a possible reading of its other names, the nearer the more ("Paris" and "Henry County"
    together are Paris, Tennessee, in Henry County: a local paper's towns lie together), the same
    reading wherever the article repeats it. ``anchors``: :func:`_anchors` of ``chosen`` as given."""
    cells: dict[str, set[tuple[int, int]]] = {}
    fine: dict[str, set[tuple[int, int]]] = {}
    for k, o in enumerate(opts):
        for _, e in o[:40]:
            if e.feature in ("city", "admin2", "admin1"):
                cells.setdefault(names[k], set()).add(_cell(e))
                fine.setdefault(names[k], set()).add(_cell(e, _FINE))
    if len(cells) < 2 and not anchors:
        return
    totals: dict[str, dict[int, float]] = {}
    entries: dict[int, Entry] = {}
    for k, o in enumerate(opts):
        if k in chosen or len(o) < 2 or o[0][1].feature in PHYSICAL:
            continue  # "the Rio Grande" the river stays the river, whatever towns lie near
        key = names[k]
        tally = totals.setdefault(key, {})
        local = 0.0  # the best support of a reading that is no country
        for sc, e in o[:40]:
            if e is not o[0][1] and norm(e.name) != key:
                continue  # another reading by an alternative name ("Washington" -> Watervliet): not on proximity alone
            bonus = 0.0
            if e.feature != "country":
                # a local paper's towns outweigh a namesake's population; a world city is restored in
                # :func:`resolve` unless a place located with confidence lies around this reading
                support = _support(e, key, cells, fine)
                if o[0][1].feature == "admin1" and e.feature != "admin1":
                    support = 0.0  # "California", "Oregon": the state, unless a located place lies by the town
                bonus = min(_CLOSENESS_CAP, _closeness(e, key, anchors) + support)
                local = max(local, bonus)
            tally[id(e)] = tally.get(id(e), 0.0) + sc + bonus
            entries[id(e)] = e
        top = o[0][1]
        if top.feature == "country" and local >= _SUPPORT_NEAR and _isolated(top, key, names, opts, countries):
            tally[id(top)] -= _ISOLATED_COUNTRY
    for k, o in enumerate(opts):
        key = names[k]
        if k in chosen or len(o) < 2 or key not in totals:
            continue
        best = max(totals[key].items(), key=lambda x: x[1])[0]
        chosen[k] = entries[best]
