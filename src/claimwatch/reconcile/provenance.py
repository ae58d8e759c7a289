"""Provenance: which claims trace back to the same origin, and who that origin is.

Claims in one estimate are joined into origin groups (union-find) when

* their sources are the same named source after normalisation: titles and
  articles dropped, demonyms folded ("Ukrainian" -> "ukraine"), plurals
  singularised; one name's words contained in the other's ("Demchenko" in
  "Andrii Demchenko", "border service" in "State Border Service of Ukraine"),
  or two person names with the same surname ("Andrii"/"Andriy Demchenko");
* a source is the other's affiliation (a spokesperson speaks for the service);
* one article is a syndicated / near-duplicate copy of the other (``duplicate_of``);
* a claim cites an outlet ("according to Le Monde") whose own article in the
  estimate carries the figure: the citing claim joins the group of that article's claims;
* both are the author's own voice (or unnamed sources) of the same outlet.

Each group counts once in ``independent_sources``. The origin of an estimate is
the group whose earliest report is the earliest; it is named by its most
original member (a named non-media source over a relaying outlet).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .features import ClaimFeatures

__all__ = ["name_key", "names_match", "distinctive", "origin_groups", "group_label", "OriginGroup"]

_TITLES = frozenset("""
the a an col colonel lt gen general maj major capt captain sgt mr mrs ms dr prof professor sir
president minister deputy head chief spokesperson spokesman spokeswoman adviser advisor official
director commander representative press secretary of for in at on and its his her their
""".split())
_DEMONYMS = {
    "ukrainian": "ukraine", "ukraine's": "ukraine", "polish": "poland", "french": "france",
    "russian": "russia", "italian": "italy", "british": "britain", "uk": "britain", "moldovan": "moldova",
    "romanian": "romania", "libyan": "libya", "belarusian": "belarus", "hungarian": "hungary",
    "slovak": "slovakia", "greek": "greece", "spanish": "spain", "german": "germany", "turkish": "turkey",
    "tunisian": "tunisia", "english": "england",
}
_GENERIC = frozenset("""
police government ministry authority service army military border guard force forces office
agency department committee court group channel telegram media outlet source sources people
""".split())
_COUNTRIES = frozenset(_DEMONYMS.values())
_WORD = re.compile(r"[\w']+")


def name_key(name: str | None) -> tuple[str, ...]:
    """Normalised words of a source or outlet name, in order (empty for no name)."""
    if not name:
        return ()
    words = []
    for w in _WORD.findall(name.lower().replace("’", "'")):
        if w.endswith("'s"):
            w = w[:-2]
        w = _DEMONYMS.get(w, w)
        if w in _TITLES or not w:
            continue
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return tuple(words)


def distinctive(key: tuple[str, ...]) -> set[str]:
    """The words of a normalised name that tell it apart (not generic: "service", "police")."""
    return set(key) - _GENERIC - _COUNTRIES


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Do two normalised names refer to the same source?

    Country words qualify a name ("Ukraine's border guard service"); two names that name
    different countries never match, otherwise the country words are set aside and one
    name's remaining words must be contained in the other's, with at least one distinctive
    word or at least two words ("border guard" in "State Border Guard Service")."""
    if not a or not b:
        return False
    if a == b:
        return True
    ca, cb = set(a) & _COUNTRIES, set(b) & _COUNTRIES
    if ca and cb and not (ca & cb):
        return False
    sa, sb = set(a) - _COUNTRIES, set(b) - _COUNTRIES
    if not sa or not sb:
        return False
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if small <= big and (small - _GENERIC or len(small) >= 2):
        return True
    # two person names with the same surname and compatible first names (transliteration)
    if 2 <= len(a) <= 3 and 2 <= len(b) <= 3 and a[-1] == b[-1] and a[-1] not in _GENERIC:
        return a[0][:3] == b[0][:3]
    return False


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def _is_named(f: ClaimFeatures) -> bool:
    src = f.claim.source
    return bool((src.canonical or src.name) and src.type not in ("author", "unnamed"))


def _outlet_of(f: ClaimFeatures, metas: dict[str, dict[str, Any]]) -> str | None:
    """The outlet a claim's own voice belongs to, following syndication to the original."""
    meta = f.meta
    seen = set()
    while meta.get("duplicate_of") and meta["duplicate_of"] in metas and meta["duplicate_of"] not in seen:
        seen.add(meta["duplicate_of"])
        meta = metas[meta["duplicate_of"]]
    return meta.get("outlet") or None


class OriginGroup:
    """Claims of one estimate that trace back to one origin."""

    def __init__(self, members: list[ClaimFeatures], key: str) -> None:
        self.members = sorted(members, key=lambda f: (f.published or "9999", f.uid))
        self.key = key

    @property
    def first_published(self) -> str | None:
        dates = [f.published for f in self.members if f.published]
        return min(dates) if dates else None

    def representative(self) -> tuple[str | None, str]:
        """(name, type) of the most original member: a named non-media source first."""
        named = [f for f in self.members if _is_named(f) and f.claim.source.type != "media"]
        media = [f for f in self.members if _is_named(f) and f.claim.source.type == "media"]
        for pool in (named, media):
            if pool:
                names = Counter((f.claim.source.canonical or f.claim.source.name) for f in pool)
                best = max(names.items(), key=lambda kv: (kv[1], len(kv[0] or ""), kv[0] or ""))[0]
                typ = next(f.claim.source.type for f in pool if (f.claim.source.canonical or f.claim.source.name) == best)
                return best, typ
        outlets = [f.meta.get("outlet") for f in self.members if f.meta.get("outlet")]
        if outlets:
            return Counter(outlets).most_common(1)[0][0], "media"
        return None, self.members[0].claim.source.type


def origin_groups(members: list[ClaimFeatures], metas: dict[str, dict[str, Any]]) -> list[OriginGroup]:
    """Partition an estimate's claims by origin (see module doc)."""
    n = len(members)
    uf = _UnionFind(n)
    keys: list[set[tuple[str, ...]]] = []
    outlet_keys: list[tuple[str, ...]] = []
    for f in members:
        src = f.claim.source
        ks: set[tuple[str, ...]] = set()
        outlet = _outlet_of(f, metas)
        outlet_keys.append(name_key(outlet) or ("article", f.article_id))
        if _is_named(f):
            for name in (src.canonical, src.name, src.affiliation):
                k = name_key(name)
                if k:
                    ks.add(k)
        if not ks:
            # the author's own voice, or a source the text does not name: the outlet's reporting
            ks.add(("outlet",) + outlet_keys[-1])
        keys.append(ks)
    by_article: dict[str, list[int]] = {}
    for i, f in enumerate(members):
        by_article.setdefault(f.article_id, []).append(i)
    for i in range(n):
        for j in range(i + 1, n):
            if any(names_match(x, y) for x in keys[i] for y in keys[j]):
                uf.union(i, j)
    # syndicated copies are the same report as their original
    for i, f in enumerate(members):
        orig = f.meta.get("duplicate_of")
        if orig and orig in by_article:
            for j in by_article[orig]:
                uf.union(i, j)
    # an outlet citing another outlet relays that outlet's figure
    for i, f in enumerate(members):
        if not _is_named(f):
            continue
        for j, g in enumerate(members):
            if i != j and g.article_id != f.article_id and any(names_match(k, outlet_keys[j]) for k in keys[i]):
                uf.union(i, j)
    groups: dict[int, list[ClaimFeatures]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(members[i])
    out: list[OriginGroup] = []
    for idx, (_root, ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[0])):
        out.append(OriginGroup(ms, key=f"o{idx + 1}"))
    out.sort(key=lambda og: (og.first_published or "9999", og.members[0].uid))
    for idx, og in enumerate(out):
        og.key = f"o{idx + 1}"
    return out


def group_label(group: OriginGroup) -> str:
    name, _typ = group.representative()
    return name or "unattributed"
