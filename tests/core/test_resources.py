"""The data-file loader every layer reads through (``claimwatch.resources``)."""

from __future__ import annotations

import json
from importlib import resources as importlib_resources

import pytest

from claimwatch.resources import read_bytes, read_json, read_text


def _json_files():
    root = importlib_resources.files("claimwatch.resources")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".json"))


@pytest.mark.parametrize("name", _json_files())
def test_every_json_lexicon_parses_through_the_loader(name):
    assert read_json(name) == json.loads(read_bytes(name).decode("utf-8"))


def test_nested_parts_and_text_agree_with_bytes():
    assert read_text("gazetteer", "place_cues.json") == read_bytes("gazetteer", "place_cues.json").decode("utf-8")
    assert isinstance(read_json("gazetteer", "place_cues.json"), dict)


def test_a_missing_file_is_an_error_not_an_empty_lexicon():
    with pytest.raises(FileNotFoundError):
        read_text("no_such_lexicon.json")
