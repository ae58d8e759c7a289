"""Bad input (SPEC §8): a clear error naming the input and the reason; batches go on."""

from __future__ import annotations

import tracemalloc

import pytest

from claimwatch.errors import BinaryInput, EmptyInput, EncodingInput, ExtractionError, NotEnglish, TooLarge
from claimwatch.extract import extract, extract_document, extract_many
from claimwatch.ingest import Document, Reject, read_path

GERMAN = (
    "Die Grenzpolizei hat am Montag vierzehn Migranten in der Nähe des Dorfes festgenommen. Nach Angaben "
    "der Behörden waren die Männer über den Fluss gekommen und hatten sich im Wald versteckt."
)
UKRAINIAN = (
    "Прикордонники затримали чотирнадцять чоловіків поблизу села. За словами речника, вони намагалися "
    "перетнути річку вночі, щоб уникнути мобілізації."
)
ENGLISH = "Border guards detained 14 migrants near the village on Monday, a spokesman said."


def test_empty_text():
    with pytest.raises(EmptyInput) as exc:
        extract("   \n\n ", name="blank.txt")
    assert exc.value.cli_line() == "claimwatch: error: blank.txt: empty input: no text after extraction"


def test_a_text_too_short_to_be_a_report_says_so():
    with pytest.raises(EmptyInput) as exc:
        extract("Police said so.", name="short.txt")
    assert exc.value.cli_line() == (
        "claimwatch: error: short.txt: empty input: only 15 characters of text, fewer than min_text_chars (20)")
    assert exc.value.to_json()["error"]["code"] == "E101"


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(EmptyInput, match="empty.txt"):
        read_path(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput) as exc:
        read_path(p)
    assert "binary" in exc.value.reason and str(p) in exc.value.cli_line()


def test_invalid_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes(("Border guards detained 14 migrants near the café in Medyka, officials said. " * 3).encode("latin-1"))
    with pytest.raises(EncodingInput) as exc:
        read_path(p)
    assert "UTF-8" in exc.value.reason and "0xe9" in exc.value.reason


@pytest.mark.parametrize("text,script", [(GERMAN, "Latin-script"), (UKRAINIAN, "Cyrillic")])
def test_non_english_refused(text, script):
    with pytest.raises(NotEnglish) as exc:
        extract(text, name="foreign.txt")
    assert "not English" in exc.value.reason and script in exc.value.reason
    assert exc.value.cli_line().startswith("claimwatch: error: foreign.txt: not English")


def test_50_mb_file_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"\n")
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as exc:
            read_path(p)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while refusing a 50 MB file"
    assert "too large" in exc.value.reason and str(52428800) in exc.value.reason


def test_non_text_argument():
    with pytest.raises(ExtractionError):
        extract(b"bytes are not text")  # type: ignore[arg-type]


def test_extract_many_rejects_bad_documents_and_goes_on():
    docs = [
        Document(text=ENGLISH, name="a.txt"),
        Document(text="", name="b.txt"),
        Document(text=GERMAN, name="c.txt"),
        Document(text=ENGLISH.replace("14", "15"), name="d.txt", published="2024-03-05T10:00:00", outlet="X"),
    ]
    out = list(extract_many(docs, batch_size=3))
    assert [type(o).__name__ for o in out] == ["Article", "Reject", "Reject", "Article"]
    assert isinstance(out[1], Reject) and (out[1].name, out[1].code) == ("b.txt", "E101")
    assert out[2].code == "E104"
    assert out[3].published == "2024-03-05" and out[3].outlet == "X"
    assert out[0].claims and out[3].claims
    assert all(c.article_id == out[3].id for c in out[3].claims)


def test_extract_document_keeps_metadata():
    art = extract_document(Document(text=ENGLISH, title="T", url="https://example.org/a", published="2024-03-05", name="x"))
    assert (art.title, art.url, art.published, art.language) == ("T", "https://example.org/a", "2024-03-05", "en")
    assert art.claims and all(c.article_id == art.id for c in art.claims)
