"""Single-input readers: text and HTML, title rule, metadata, bad input."""

from __future__ import annotations

import pytest
from corpus import GOOD_TEXTS, page
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.errors import InputError
from claimwatch.ingest import Document, Reject, read_bytes, read_path
from claimwatch.ingest.readers import split_title


def test_plain_text_title_rule(seed_raw, tmp_path):
    """The headline is recorded as the title and stays in the text: nothing given is dropped."""
    doc = read_bytes(seed_raw.encode("utf-8"), "seed.txt")
    assert doc.title == seed_raw.split("\n", 1)[0]
    assert doc.text == seed_raw
    p = tmp_path / "seed.txt"
    p.write_text(seed_raw, encoding="utf-8")
    assert read_path(p).text == seed_raw


STANDFIRST = ("In the six months of the project, 10,000 people from the Russian Federation and the occupied "
              "territories have applied to surrender through the hotline run by the headquarters")


@pytest.mark.parametrize("text,title", [
    ("A headline\n\nBody one. Body two is here and long enough.", "A headline"),
    ("This first line is a sentence.\n\nBody one. Body two is here and long enough.", None),
    ("No blank line after the first line\nBody one. Body two is here and long enough.", None),
    ("x" * 201 + "\n\nBody one. Body two is here and long enough.", None),
    # a standfirst (a long unpunctuated first sentence) and a byline are not headlines
    (STANDFIRST + "\n\nThe Coordination Center reported this.", None),
    ("By Maria Gonzalez and John Smith\n\nBody one. Body two is here and long enough.", None),
])
def test_split_title(text, title):
    got, body = split_title(text)
    assert got == title
    assert body == text


def test_first_line_is_never_dropped():
    """A short unpunctuated first line (standfirst, byline) stays in the text, and the claims'
    spans point into what was given."""
    from claimwatch import extract

    text = STANDFIRST + "\n\nThe Coordination Center reported this."
    doc = read_bytes(text.encode("utf-8"), "standfirst.txt")
    assert doc.text == text and doc.title is None
    article = extract(doc.text)
    counts = [c for c in article.claims if c.kind == "count"]
    assert any(c.quantity.text == "10,000" for c in counts)
    for c in article.claims:
        assert text[c.span[0]:c.span[1]] == c.text


def test_html_main_text_and_metadata():
    title, body = GOOD_TEXTS[2].split("\n\n")
    doc = read_bytes(page(title, body, date="2024-02-01", site="The Daily"), "story.html")
    assert doc.title == title
    assert doc.published == "2024-02-01"
    assert doc.outlet == "The Daily"
    assert "sentenced three men" in doc.text
    assert "Home | World" not in doc.text and "Copyright" not in doc.text
    assert not doc.text.startswith(title)


@pytest.mark.parametrize("data,code", [
    (b"", "E101"), (b"   \n ", "E101"), (bytes(range(256)), "E102"),
    ("Quarante migrants sont morts près de la côte, selon les autorités du pays.".encode("latin-1"), "E103"),
    ("Сорок мигрантов погибли у берегов Ливии во вторник, сообщили власти.".encode("utf-8"), "E104"),
    (b"<html><body><script>var x = 1;</script></body></html>", "E101"),
])
def test_bad_input_raises_coded_error(data, code):
    with pytest.raises(InputError) as info:
        read_bytes(data, "input.x")
    assert info.value.code == code
    assert info.value.cli_line().startswith("claimwatch: error: input.x: ")


def test_too_large(monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_MAX_INPUT_BYTES", "100")
    with pytest.raises(InputError) as info:
        read_bytes(b"The report said that many people were there. " * 10, "big.txt")
    assert info.value.code == "E105"


def test_reject_from_error():
    try:
        read_bytes(b"", "e.txt")
    except InputError as exc:
        r = Reject.from_error(exc, "e.txt")
    assert (r.name, r.code) == ("e.txt", "E101") and "empty" in r.reason


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_a_document_or_an_input_error(data):
    try:
        doc = read_bytes(data, "fuzz")
    except InputError as exc:
        assert exc.code.startswith("E1")
    else:
        assert isinstance(doc, Document) and doc.text.strip()
