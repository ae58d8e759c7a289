"""One typed claim model, everything else generated from it: the published JSON Schema validates
every `extract --format json` output of the test corpora; the generated validator and the JSON
Schema agree; the Spark schema has the claim JSON's columns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.model import Actor, Article, Claim, Place, Quantity, Source, TimeInfo
from claimwatch.schema import json_schema, problems, vocabularies

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "dev" / "claims" / "articles"
PUBLISHED = json.loads((ROOT / "docs" / "claim.schema.json").read_text(encoding="utf-8"))


def _validator(ref: str | None = None):
    """The published schema, or one of its definitions (``#/$defs/Claim``: a line of --format jsonl)."""
    schema = PUBLISHED if ref is None else {"$schema": PUBLISHED["$schema"], "$defs": PUBLISHED["$defs"], "$ref": ref}
    return jsonschema.Draft202012Validator(schema)


def _errors(validator, doc) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_the_published_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(PUBLISHED)
    assert PUBLISHED == json_schema()


def _corpus() -> list[tuple[str, dict]]:
    docs = [("seed", {"text": (ROOT / "tests/data/seed/seed.txt").read_text(encoding="utf-8").split("\n\n", 1)[1],
                      "published": "2025-01-02"})]
    for name in ("tests/data/reconcile/corpus.jsonl", "tests/data/evaluate/meantime.sample.jsonl"):
        for i, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines()):
            if line.strip():
                docs.append((f"{name}:{i + 1}", json.loads(line)))
    for path in sorted(DEV.glob("*.json")) if DEV.exists() else []:
        docs.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    return docs


def test_every_extraction_of_the_test_corpora_validates():
    """What `claimwatch extract --format json` prints is `json.dumps(article.to_dict())`."""
    import claimwatch

    validator = _validator()
    checked = claims = 0
    for name, doc in _corpus():
        article = claimwatch.extract(doc["text"], published=doc.get("published"), url=doc.get("url"),
                                     title=doc.get("title"), outlet=doc.get("outlet"))
        out = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
        errors = _errors(validator, out)
        assert not errors, f"{name}: {errors[:5]}"
        assert all(problems(c) == [] for c in article.claims), name
        checked += 1
        claims += len(out["claims"])
    assert checked >= 40 and claims >= 200


def test_the_command_line_output_validates(tmp_path):
    seed = ROOT / "tests/data/seed/seed.txt"
    doc = subprocess.run([sys.executable, "-m", "claimwatch", "extract", str(seed), "--format", "json",
                          "--published", "2025-01-02"], capture_output=True, text=True, timeout=300)
    assert doc.returncode == 0, doc.stderr
    assert not _errors(_validator(), json.loads(doc.stdout))
    lines = subprocess.run([sys.executable, "-m", "claimwatch", "extract", str(seed), "--format", "jsonl"],
                           capture_output=True, text=True, timeout=300)
    claim_validator = _validator("#/$defs/Claim")
    rows = [json.loads(x) for x in lines.stdout.splitlines()]
    assert rows and all(not _errors(claim_validator, r) for r in rows)


def test_a_value_outside_a_vocabulary_is_caught_by_both():
    text = "Police said 12 people were detained."
    claim = Claim(id="c1", kind="count", text=text, span=(0, len(text)),
                  quantity=Quantity(text="12", span=(12, 14), low=12, best=12, high=12, unit="people"))
    assert problems(claim) == []
    claim.source.type = "oracle"  # type: ignore[assignment]
    claim.places = [Place(text="x", span=(0, 1), role="nowhere")]  # type: ignore[arg-type]
    assert problems(claim) == [
        "source.type 'oracle' not one of official, military, law_enforcement, judicial, media, ngo, social_media, "
        "expert, witness, unnamed, author",
        "places[0].role 'nowhere' not one of event, origin, destination, source_location",
    ]
    errors = _errors(_validator("#/$defs/Claim"), claim.to_dict())
    assert {e.split(":")[0] for e in errors} == {"source/type", "places/0/role"}


def test_every_closed_vocabulary_of_the_spec_is_typed():
    """SPEC §2–§7: each closed field of a claim is a Literal of the model (not a plain str)."""
    vocab = vocabularies()
    for path in ("kind", "event_type", "offence", "source.type", "source.quote", "source.scope", "certainty",
                 "polarity", "evidential", "quantity.qualifier", "time.precision", "time.anchor", "time.scope",
                 "places[].role", "places[].scope", "actors[].role", "cause", "review"):
        assert vocab.get(path), path


_VOCAB = vocabularies()
_junk = st.sampled_from(["", "oracle", "DEATH", None, 3])


def _pick(path: str):
    return st.one_of(st.sampled_from(_VOCAB[path]), _junk)


@settings(max_examples=150, deadline=None)
@given(kind=_pick("kind"), event=_pick("event_type"), stype=_pick("source.type"), cert=_pick("certainty"),
       qual=_pick("quantity.qualifier"), prec=_pick("time.precision"), role=_pick("places[].role"),
       best=st.one_of(st.integers(0, 10**6), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=3)))
def test_the_validator_and_the_json_schema_agree(kind, event, stype, cert, qual, prec, role, best):
    text = "Officials said 40 migrants drowned near Lampedusa on Tuesday."
    claim = Claim(id="c1", kind=kind, text=text, span=(0, len(text)), event_type=event,
                  source=Source(name="Officials", span=(0, 9), type=stype), certainty=cert,
                  quantity=Quantity(text="40", span=(15, 17), low=None, best=best, high=None, qualifier=qual),
                  time=TimeInfo(text="Tuesday", span=(53, 60), precision=prec),
                  places=[Place(text="Lampedusa", span=(40, 49), role=role)],
                  actors=[Actor(text="migrants", span=(18, 26))])
    by_model = problems(claim)
    by_schema = _errors(_validator("#/$defs/Claim"), json.loads(json.dumps(claim.to_dict())))
    assert bool(by_model) == bool(by_schema), (by_model, by_schema)


def test_json_round_trip_keeps_every_field():
    text = "Officials said 40 migrants drowned near Lampedusa on Tuesday."
    claim = Claim(id="c2", kind="count", text=text, span=(0, len(text)), event_type="death", cause="drowning",
                  quantity=Quantity(text="40", span=(15, 17), low=36.0, best=40.0, high=44.0,
                                    qualifier="approximately", part_of="c1"),
                  time=TimeInfo(text="Tuesday", span=(53, 60), precision="day", scope="paragraph"),
                  places=[Place(text="Lampedusa", span=(40, 49), lat=35.5, lon=12.6, scope="article")],
                  review="accepted", article_id="0123456789abcdef")
    back = Claim.from_dict(json.loads(json.dumps(claim.to_dict())))
    assert back == claim
    assert (back.quantity.low, back.quantity.best) == (36, 40) and isinstance(back.quantity.best, int)
    art = Article(text=text, claims=[claim])
    assert Article.from_dict(json.loads(json.dumps(art.to_dict()))).claims == [claim]


def test_the_spark_schema_is_the_claim_json():
    pytest.importorskip("pyspark")
    from claimwatch.spark.schema import ARTICLE_SCHEMA, CLAIM_SCHEMA

    text = "Officials said 40 migrants drowned."
    claim = Claim(id="c1", kind="count", text=text, span=(0, len(text)), cause="drowning", review="accepted",
                  quantity=Quantity(text="40", span=(15, 17), low=40, best=40, high=40),
                  time=TimeInfo(text="x", span=(0, 1)), places=[Place(text="x", span=(0, 1))],
                  actors=[Actor(text="x", span=(0, 1))], article_id="a")
    row = claim.to_dict()
    assert set(CLAIM_SCHEMA.fieldNames()) == set(row)
    for part in ("source", "quantity", "time"):
        assert CLAIM_SCHEMA[part].dataType.fieldNames() == list(row[part])
    assert CLAIM_SCHEMA["places"].dataType.elementType.fieldNames() == list(row["places"][0])
    assert ARTICLE_SCHEMA.fieldNames()[:7] == list(Article(text=text).meta_dict())
