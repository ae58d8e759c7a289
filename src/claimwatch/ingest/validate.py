"""Input checks shared by every reader (SPEC §8): size, binary, encoding, emptiness, language.

Each check raises an :class:`~claimwatch.errors.InputError` naming the input and the reason;
none of them reads more than ``max_bytes + 1`` bytes of a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, EncodingInput, NotEnglish, TooLarge
from ..settings import load_settings

__all__ = ["read_limited", "decode_bytes", "check_text", "english_score", "ENGLISH_FUNCTION_WORDS", "FOREIGN_FUNCTION_WORDS"]

#: Frequent English function words; their share among word tokens separates English
#: prose from other languages written in Latin script (and scores 0 on other scripts).
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to in is that for on with was by at from it he she they his her
    their be are were has have had not but or an this which who been will would said
    also its after than more into about over there when what can could all one
    other we our you him them if up out did""".split()
)

#: Frequent function words of other Latin-script languages (German, French, Spanish,
#: Italian, Portuguese, Dutch, Polish, Romanian...), none of them an English word.
FOREIGN_FUNCTION_WORDS = frozenset(
    """der die das und ist nicht mit den dem des ein eine einer auch sich auf für von wurde
    sind les des est une pour dans qui pas sur avec sont ont été aux du au ces mais
    el los las del que por una con para como más pero fue sus está
    il che di della per non gli sono alla nella anche
    não uma com os ao pela pelo foram mais são
    het een van niet zijn voor dat werd ook naar bij
    się nie jest na że z w do jak przez
    și cu pentru este sunt care mai""".split()
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def read_limited(path: str | Path, max_bytes: int | None = None) -> bytes:
    """Read a file, refusing it (E105) past ``max_bytes`` without reading it all."""
    limit = max_bytes if max_bytes is not None else load_settings().max_input_bytes
    p = Path(path)
    size = p.stat().st_size
    if size > limit:
        raise TooLarge(str(path), size=size, limit=limit)
    with p.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(str(path), size=len(data), limit=limit)
    return data


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes as text: refuse binary data (E102) and undecodable text (E103)."""
    if not data.strip():
        raise EmptyInput(name)
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInput(name, detail="NUL bytes")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > max(8, len(head) // 100):
        raise BinaryInput(name, detail=f"{controls} control bytes in the first {len(head)}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    encodings = [encoding] if encoding else []
    encodings.append("utf-8")
    last = None
    for enc in encodings:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError) as exc:
            last = exc
    detail = str(last) if last else "undecodable"
    if isinstance(last, UnicodeDecodeError):
        detail = f"invalid byte 0x{data[last.start]:02x} at offset {last.start}"
    raise EncodingInput(name, detail=detail)


def _shares(text: str, sample_words: int = 2000) -> tuple[float, float]:
    words = [w.lower() for w in _WORD.findall(text[: sample_words * 12])[:sample_words]]
    if not words:
        return 0.0, 0.0
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    foreign = sum(1 for w in words if w in FOREIGN_FUNCTION_WORDS)
    return english / len(words), foreign / len(words)


def english_score(text: str, sample_words: int = 2000) -> float:
    """How English a text reads, 0..1: the share of word tokens (in the first ``sample_words``)
    that are English function words, less the share that are other languages' function words."""
    english, foreign = _shares(text, sample_words)
    return max(0.0, english - foreign)


def check_text(text: str, name: str, *, min_chars: int | None = None, min_english: float | None = None) -> str:
    """Refuse empty (E101) and non-English (E104) text; return the text unchanged."""
    settings = load_settings()
    min_chars = settings.min_text_chars if min_chars is None else min_chars
    min_english = settings.min_english_score if min_english is None else min_english
    stripped = text.strip()
    if not stripped or len(stripped) < min_chars:
        raise EmptyInput(name)
    if "\x00" in text:
        raise BinaryInput(name, detail="NUL characters in text")
    score = english_score(stripped)
    if score < min_english:
        raise NotEnglish(name, detail=_guess_language(stripped) + f", English score {score:.2f}")
    return text


def _guess_language(text: str) -> str:
    sample = text[:2000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "no letters"
    scripts = {
        "Cyrillic": sum(1 for c in letters if "\u0400" <= c <= "\u04ff"),
        "Arabic": sum(1 for c in letters if "\u0600" <= c <= "\u06ff"),
        "CJK": sum(1 for c in letters if "\u3040" <= c <= "\u9fff"),
        "Greek": sum(1 for c in letters if "\u0370" <= c <= "\u03ff"),
        "Hebrew": sum(1 for c in letters if "\u0590" <= c <= "\u05ff"),
    }
    script, n = max(scripts.items(), key=lambda kv: kv[1])
    if n > len(letters) / 2:
        return f"{script} script"
    return "another Latin-script language"
