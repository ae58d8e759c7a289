"""Input checks shared by every reader (SPEC §8): size, binary, encoding, emptiness, language.

Each check raises an :class:`~claimwatch.errors.InputError` naming the input and the reason;
none of them reads more than ``max_bytes + 1`` bytes of a file, and only regular files are read
(a FIFO, socket or device is refused without blocking on it). The limits come from the
:class:`~claimwatch.settings.Settings` passed in (the environment's when none is given).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, EncodingInput, NotEnglish, TooLarge, UnreadableInput
from ..settings import Settings, load_settings
from .document import Document

__all__ = ["read_limited", "decode_bytes", "check_text", "check_size", "check_document", "normalise_date",
           "file_kind", "english_score", "ENGLISH_FUNCTION_WORDS", "FOREIGN_FUNCTION_WORDS"]

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


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words ("FIFO", "directory", ...)."""
    for test, kind in ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISLNK, "symbolic link")):
        if test(mode):
            return kind
    return "special file"


def read_limited(path: str | Path, max_bytes: int | None = None, *, follow_symlinks: bool = True,
                 settings: Settings | None = None) -> bytes:
    """Read a regular file, refusing it (E105) past ``max_bytes`` without reading it all.

    The file is opened without blocking and checked on its open descriptor, so a FIFO, socket or
    device is refused (E107) instead of hanging; with ``follow_symlinks=False`` a symbolic link
    is refused too."""
    limit = max_bytes if max_bytes is not None else (settings or load_settings()).max_input_bytes
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if not follow_symlinks and os.path.islink(path):
            raise UnreadableInput(name, detail="a symbolic link, not followed") from None
        raise
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput(name, detail=f"not a regular file (a {file_kind(info.st_mode)})")
        if info.st_size > limit:
            raise TooLarge(name, size=info.st_size, limit=limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(name, size=len(data), limit=limit)
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


def check_size(text: str, name: str, settings: Settings) -> None:
    """Refuse a body text over ``max_input_chars`` characters or ``max_input_bytes`` bytes of
    UTF-8 (E105), and text that cannot be UTF-8 at all (lone surrogates, E103) — before any
    parsing, so an absurd input costs nothing."""
    if len(text) > settings.max_input_chars:
        raise TooLarge(name, size=len(text), limit=settings.max_input_chars, unit="characters")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise EncodingInput(name, detail=f"lone surrogate U+{ord(text[exc.start]):04X} at character {exc.start}") from None
    if size > settings.max_input_bytes:
        raise TooLarge(name, size=size, limit=settings.max_input_bytes)


def check_text(text: str, name: str, *, min_chars: int | None = None, min_english: float | None = None,
               settings: Settings | None = None) -> str:
    """Refuse text over the size limits (E105), with lone surrogates (E103), empty (E101), with NUL
    characters (E102) or not English (E104); return the text unchanged."""
    settings = settings or load_settings()
    min_chars = settings.min_text_chars if min_chars is None else min_chars
    min_english = settings.min_english_score if min_english is None else min_english
    check_size(text, name, settings)
    stripped = text.strip()
    if not stripped:
        raise EmptyInput(name)
    if len(stripped) < min_chars:
        raise EmptyInput(name, detail=f"only {len(stripped)} characters of text, fewer than min_text_chars ({min_chars})")
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


def normalise_date(value: str | _dt.date | None) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a date, datetime or ISO string; ``None`` if unparseable
    or outside the years 1800–2999."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    else:
        raw = str(value).strip()
        parsed = None
        for candidate in (raw[:10], raw):
            try:
                parsed = _dt.date.fromisoformat(candidate)
                break
            except ValueError:
                continue
        if parsed is None:
            return None
        day = parsed
    return day.isoformat() if 1800 <= day.year <= 2999 else None


_META = ("title", "url", "outlet", "published", "name")


def check_document(doc: Document, settings: Settings | None = None) -> list[str]:
    """Check one document before extraction (in place): the body as :func:`check_text` does, and
    its metadata — text fields that cannot be stored (lone surrogates, NUL) are refused (E103);
    a ``published`` value that is not a date is dropped (stored as null). Returns the warnings
    (one line each, naming the input)."""
    settings = settings or load_settings()
    check_text(doc.text, doc.name, settings=settings)
    for key in _META:
        value = getattr(doc, key)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EncodingInput(doc.name, detail=f"lone surrogate in {key} at character {exc.start}") from None
        if "\x00" in value:
            raise BinaryInput(doc.name, detail=f"NUL character in {key}")
    warnings = []
    if doc.published is not None:
        day = normalise_date(doc.published)
        if day is None:
            warnings.append(f"{doc.name}: published {doc.published[:40]!r} is not a date; stored as null")
        doc.published = day
    return warnings
