"""Near-duplicate detection: MinHash over word shingles with an LSH index (datasketch).

A pure computation (no I/O): the store links each new article while it writes it
(``Store.write_articles``), and the evaluation harness links the dev set the same way.

Syndicated wire copies and re-posts with a changed headline share almost all their word
5-grams; their estimated Jaccard similarity is above ``settings.dedup_threshold`` and they are
linked to the earliest original (``Article.duplicate_of``) instead of being counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .settings import load_settings

__all__ = ["NUM_PERM", "SHINGLE", "shingles", "signature", "to_bytes", "from_bytes", "NearDuplicateIndex"]

NUM_PERM = 128
SCHEME = "affine32"  # datasketch permutation scheme (stored signatures are only comparable within one scheme)
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


_PERMUTATIONS: np.ndarray | None = None


def _permutations() -> np.ndarray:
    """The permutation parameters (fixed by datasketch's default seed), drawn once per process:
    drawing them costs more than hashing a short article."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return _PERMUTATIONS


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64).copy(), scheme=SCHEME,
                   permutations=_permutations())


class NearDuplicateIndex:
    """An LSH index of article signatures; ``match`` returns the ids of stored near-duplicates,
    most similar first."""

    def __init__(self, threshold: float | None = None) -> None:
        self.threshold = load_settings().dedup_threshold if threshold is None else threshold
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._sigs

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, sig: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, sig)
            self._sigs[key] = sig

    def add_many(self, items: Iterable[tuple[str, MinHash]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def match(self, sig: MinHash, exclude: str | None = None) -> list[tuple[str, float]]:
        out = []
        for key in self._lsh.query(sig):
            if key == exclude:
                continue
            sim = sig.jaccard(self._sigs[key])
            if sim >= self.threshold:
                out.append((key, sim))
        return sorted(out, key=lambda kv: -kv[1])
