"""The public layer API: claimwatch.analyse, the typed items and their JSON form, the spaCy Doc
extensions and the `claimwatch analyse` command. The field names are a public contract: the
tests below pin them, so a change to them is a deliberate, visible decision."""

from __future__ import annotations

import dataclasses
import json

import pytest
import spacy
from click.testing import CliRunner

import claimwatch
from claimwatch import AttributionItem, EntityItem, EventItem, Mentions, PlaceItem, QuantityItem, RoleSpan, TimeItem
from claimwatch.errors import InputError

TEXT = ("Border guards detained about 450 people in Kyiv on Monday, the ministry said. "
        "Sales fell 42% to $3 billion, and the river rose 3 metres. \"We found the bodies of 12 men,\" "
        "a police spokesman told Reuters.")

SHAPES = {
    QuantityItem: ["span", "text", "kind", "value", "low", "best", "high", "qualifier", "change", "unit",
                   "unit_span", "dimension", "currency", "per", "counted", "is_count"],
    TimeItem: ["span", "text", "type", "value", "start", "end", "precision", "anchor"],
    PlaceItem: ["span", "text", "name", "lat", "lon", "country", "feature", "geonameid", "role"],
    AttributionItem: ["span", "text", "source", "cue", "content", "source_type", "canonical", "quote",
                      "evidential"],
    RoleSpan: ["span", "text"],
    EventItem: ["span", "text", "event_type", "certainty", "polarity", "cause"],
    EntityItem: ["span", "text", "label"],
}


@pytest.fixture(scope="module")
def mentions() -> Mentions:
    return claimwatch.analyse(TEXT, published="2024-05-01")


@pytest.mark.parametrize("cls", list(SHAPES), ids=lambda c: c.__name__)
def test_item_shapes_are_pinned(cls):
    assert [f.name for f in dataclasses.fields(cls)] == SHAPES[cls]


def test_mentions_json_shape(mentions):
    data = mentions.to_dict()
    assert list(data) == ["text", "published", "quantities", "times", "places", "attributions", "events",
                          "entities"]
    for layer, cls in (("quantities", QuantityItem), ("times", TimeItem), ("places", PlaceItem),
                       ("attributions", AttributionItem), ("events", EventItem), ("entities", EntityItem)):
        assert data[layer], f"no {layer} found in the test text"
        assert all(list(item) == SHAPES[cls] for item in data[layer])
    json.dumps(data)  # plain JSON types only


def test_json_round_trip(mentions):
    again = Mentions.from_dict(json.loads(json.dumps(mentions.to_dict())))
    assert again == mentions


def _spans(item):
    yield item.span, item.text
    for role in ("source", "cue", "content"):
        r = getattr(item, role, None)
        if r is not None:
            yield r.span, r.text


def test_every_span_slices_the_text(mentions):
    for layer in ("quantities", "times", "places", "attributions", "events", "entities"):
        for item in getattr(mentions, layer):
            for (s, e), text in _spans(item):
                assert TEXT[s:e] == text, (layer, item)


def test_normalised_values(mentions):
    q = {m.text: m for m in mentions.quantities}
    assert (q["about 450"].low, q["about 450"].best, q["about 450"].high) == (405, 450, 495)
    assert q["about 450"].is_count and q["about 450"].unit == "people"
    assert (q["42%"].kind, q["42%"].change) == ("percent", "down")
    assert (q["$3 billion"].kind, q["$3 billion"].currency) == ("money", "USD")
    assert (q["3 metres"].kind, q["3 metres"].unit, q["3 metres"].change) == ("measure", "metre", "up")
    monday = next(t for t in mentions.times if "Monday" in t.text)
    assert (monday.type, monday.value) == ("DATE", "2024-04-29")
    kyiv = next(p for p in mentions.places if p.text == "Kyiv")
    assert kyiv.country == "UA" and kyiv.lat is not None
    ministry = next(a for a in mentions.attributions if a.source and a.source.text == "the ministry")
    assert ministry.cue.text == "said" and ministry.source_type == "official"
    assert any(e.event_type == "detention" and e.text == "detained" for e in mentions.events)
    assert any(e.label == "ORG" and e.text == "Reuters" for e in mentions.entities)


def test_public_names():
    for name in ("analyse", "analyse_doc", "Mentions", "QuantityItem", "TimeItem", "PlaceItem", "AttributionItem",
                 "EventItem", "EntityItem", "RoleSpan", "register_extensions"):
        assert name in claimwatch.__all__


def test_bad_input_is_one_clear_error():
    with pytest.raises(InputError):
        claimwatch.analyse("   ")
    with pytest.raises(InputError):
        claimwatch.analyse("\x00\x01\x02 binary")


def test_doc_extensions_registered_once_and_filled_by_analyse():
    from spacy.tokens import Doc

    from claimwatch.extract.doc_extensions import EXTENSIONS
    from claimwatch.extract.pipeline import load_nlp

    claimwatch.register_extensions()
    claimwatch.register_extensions()  # idempotent
    for name in EXTENSIONS:
        assert Doc.has_extension(name)
    doc = load_nlp()("Police detained 12 men in Lviv on Monday.")
    doc._.claimwatch_published = "2024-05-01"
    assert [q.text for q in doc._.claimwatch_quantities] == ["12"]
    assert doc._.claimwatch_times[0].value == "2024-04-29"
    assert doc._.claimwatch.places == doc._.claimwatch_places


def test_spacy_component_in_a_users_pipeline():
    from claimwatch.extract.pipeline import MODEL_CANDIDATES

    nlp = None
    for name in MODEL_CANDIDATES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    assert nlp is not None
    nlp.add_pipe("claimwatch", config={"published": "2024-05-01"})
    doc = nlp("About 30 migrants drowned off Lampedusa on Saturday.")
    assert [q.best for q in doc._.claimwatch_quantities] == [30]
    assert doc._.claimwatch_times[0].value == "2024-04-27"


def test_cli_analyse_json_and_table(tmp_path):
    from claimwatch.cli import cli

    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["analyse", str(path), "--published", "2024-05-01", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["text"] == TEXT and {q["text"] for q in data["quantities"]} >= {"about 450", "42%"}
    table = runner.invoke(cli, ["analyse", str(path), "--layers", "quantities,times"])
    assert table.exit_code == 0 and table.output.startswith("quantities (")
    assert "times (" in table.output and "places (" not in table.output


def test_cli_analyse_errors(tmp_path):
    from claimwatch.cli import cli

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = CliRunner().invoke(cli, ["analyse", str(empty)])
    assert res.exit_code == 2 and "claimwatch: error:" in res.output
    res = CliRunner().invoke(cli, ["analyse", str(empty), "--layers", "nonsense"])
    assert res.exit_code == 2


def test_spans_point_into_the_text_as_given_when_it_is_normalised():
    text = "Police detained 12\u200b men in Kyiv. Cafe\u0301 owners paid $5,000 on Monday."
    mentions = claimwatch.analyse(text, published="2024-05-01")
    assert mentions.text == text
    found = {q.text for q in mentions.quantities}
    assert "$5,000" in found
    for layer in ("quantities", "times", "places", "attributions", "events", "entities"):
        for item in getattr(mentions, layer):
            for (s, e), t in _spans(item):
                assert text[s:e] == t


def test_extract_does_not_run_the_layer_stages():
    from claimwatch.extract.pipeline import LAYER_STAGES, STAGES, get_pipeline

    assert not set(LAYER_STAGES) & set(STAGES)
    assert set(LAYER_STAGES) <= set(get_pipeline(layers=True).stages)
