"""``claimwatch extract`` through click's CliRunner: each format, stdin, HTML, and the error line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimwatch.cli import cli

HTML = """<!doctype html><html><head><title>Guards detain migrants at the border</title>
<meta property="article:published_time" content="2024-03-05"></head><body><article>
<h1>Guards detain migrants at the border</h1>
<p>Border guards detained 14 migrants near the village of Medyka on Monday, a spokesman for the
State Border Guard Service said.</p>
<p>The men had crossed the river at night, the spokesman said. Two of them were taken to hospital.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def seed_path(data_dir):
    return str(data_dir / "seed" / "seed.txt")


def _stderr(result) -> str:
    try:
        return result.stderr
    except ValueError:  # older click: stderr mixed into output
        return result.output


def test_json_is_the_spec_shape(runner, seed_path, seed_raw):
    result = runner.invoke(cli, ["extract", seed_path, "--format", "json", "--published", "2024-03-05",
                                 "--url", "https://example.org/seed", "--outlet", "Example"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"article", "claims"}
    art = doc["article"]
    assert art["text"] == seed_raw  # the headline line is kept: spans point into what was given
    assert (art["published"], art["url"], art["outlet"], art["language"]) == ("2024-03-05", "https://example.org/seed", "Example", "en")
    assert art["title"].startswith("Russian Army Deserter")
    assert doc["claims"] and doc["claims"][0]["id"] == "c1"
    for c in doc["claims"]:
        assert {"id", "kind", "text", "span", "event_type", "source", "certainty", "polarity", "evidential", "time", "places"} <= set(c)
        assert art["text"][c["span"][0]:c["span"][1]] == c["text"]
        if c["kind"] == "count":
            q = c["quantity"]
            assert art["text"][q["span"][0]:q["span"][1]] == q["text"]


def test_jsonl_one_claim_per_line(runner, seed_path):
    result = runner.invoke(cli, ["extract", seed_path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    claims = [json.loads(line) for line in lines]
    assert len(claims) >= 20 and [c["id"] for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]


def test_table_view(runner, seed_path):
    result = runner.invoke(cli, ["extract", seed_path], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    for header in ("claim", "value range", "source (type)", "certainty", "time", "places"):
        assert header in out
    assert "2,250–2,500–2,750" in out and "(approximately)" in out
    assert "(social_media" in out and "law_enforcement" in out


def test_stdin_plain_text(runner):
    text = "Border guards detained 14 migrants near the river on Monday, a spokesman said."
    result = runner.invoke(cli, ["extract", "-", "--format", "jsonl"], input=text.encode())
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert any(c["kind"] == "count" and c["quantity"]["best"] == 14 for c in claims)


def test_html_file(runner, tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(p), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["article"]["title"] == "Guards detain migrants at the border"
    assert "<p>" not in doc["article"]["text"]
    assert any(c.get("quantity") and c["quantity"]["best"] == 14 for c in doc["claims"])


@pytest.mark.parametrize(
    "content,reason",
    [(b"", "empty input"), (b"\x00\x01\x02binary\x00" * 50, "binary data"),
     ("Die Grenzpolizei hat am Montag vierzehn Migranten in der Nähe des Dorfes festgenommen, und die Männer "
      "waren über den Fluss gekommen.".encode(), "not English"),
     (b"Border guards detained 14 migrants near the caf\xe9 on Monday, officials said.", "not valid UTF-8")],
)
def test_error_line(runner, tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    result = runner.invoke(cli, ["extract", str(p)])
    assert result.exit_code != 0
    lines = _stderr(result).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"claimwatch: error: {p}: {reason}")


def test_missing_file_and_bad_date(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert _stderr(result).strip().startswith("claimwatch: error:")
    result = runner.invoke(cli, ["extract", "-", "--published", "yesterday"], input=b"x")
    assert result.exit_code == 2 and "--published" in _stderr(result)


def test_table_marks_inherited_fields_with_where_they_were_stated(runner, tmp_path):
    text = ("Twelve migrants drowned off Lampedusa on Tuesday, the Italian coast guard said. "
            "Four bodies were recovered by fishermen.\n\nRescuers pulled 40 people from the water.\n")
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path), "--published", "2024-06-14", "--format", "table"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    t = text.index("on Tuesday")
    assert f"↳ paragraph @{t}–{t + len('on Tuesday')} ↑" in out    # the second sentence's time
    assert "↳ article @" in out                                       # the next paragraph's


def test_inherited_note():
    from claimwatch.cli.extract import inherited_note

    assert inherited_note("sentence", (5, 9), (0, 20)) == ""
    assert inherited_note("paragraph", (5, 9), (30, 60)) == "↳ paragraph @5–9 ↑"
    assert inherited_note("article", (80, 90), (30, 60)) == "↳ article @80–90 ↓"
    assert inherited_note("article", None, (30, 60)) == "↳ article"
