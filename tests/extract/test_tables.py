"""Tables rendered as text lines: the reader (header, rows, cell spans, caption) and what a table's
figures count (the column heading's event type, the row label's place, the caption's period).
Each table written for the test, in several domains."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract
from claimwatch.extract.tables import find_tables

_CLINIC = ("Measles outbreak in Kenya by county (confirmed cases, 1-30 November)\n\n"
           "County | Cases | Deaths | Hospitalised\n"
           "Nairobi | 120 | 4 | 30\n"
           "Kisumu | 80 | 2 | 11\n"
           "Other (3 counties) | 9 | 0 | 1\n"
           "Total | 209 | 6 | 42\n\n"
           "The ministry said vaccination would resume next week.\n")

_LEAGUE = ("League table after week 10, 2 November 2026\n\n"
           "Team | Played | Won | Drawn | Lost | Points\n"
           "Arsenal | 10 | 8 | 1 | 1 | 25\n"
           "Chelsea | 10 | 7 | 2 | 1 | 23\n")


@lru_cache(maxsize=None)
def _counts(text: str) -> list[tuple[str, str | None, str | None, tuple[str | None, ...]]]:
    article = extract(text, published="2026-12-01", validate=False)
    return [(c.quantity.text, c.event_type, c.time.start if c.time else None, tuple(p.name for p in c.places))
            for c in article.claims if c.quantity is not None]


def test_the_reader_finds_header_rows_cells_and_caption():
    (table,) = find_tables(_CLINIC)
    assert [c.text for c in table.header] == ["County", "Cases", "Deaths", "Hospitalised"]
    assert [row[0].text for row in table.rows] == ["Nairobi", "Kisumu", "Other (3 counties)", "Total"]
    for row in table.rows:
        for cell in row:
            assert _CLINIC[cell.span[0]:cell.span[1]] == cell.text
    assert table.caption is not None and _CLINIC[table.caption[0]:table.caption[1]].startswith("Measles outbreak")
    assert table.is_total(3) and not table.is_total(0)
    at = _CLINIC.index("| 4 |") + 2
    assert table.cell_at(at, at + 1) == (0, 2)


def test_the_reader_takes_tabs_and_markdown_pipes_and_skips_lone_bars():
    tabbed = "Region\tDetained\tDeported\nNorth\t310\t42\nSouth\t95\t11\n"
    assert [len(t.rows) for t in find_tables(tabbed)] == [2]
    markdown = "| Region | Killed | Injured |\n|---|---|---|\n| North | 3 | 9 |\n"
    (table,) = find_tables(markdown)
    assert [c.text for c in table.rows[0]] == ["North", "3", "9"]
    # a dateline or a byline with bars, a single line, a header with no figures under it: no table
    assert find_tables("KYIV, Ukraine | 14 October 2026 | Staff\n\nThree people were killed.\n") == []
    assert find_tables("Home | News | Sport | Weather\nLogin | Register | Help | About\n") == []


def test_a_table_cell_counts_what_its_column_heading_names_in_its_row_place_and_caption_period():
    counts = {text: rest for text, *rest in _counts(_CLINIC)}
    assert counts["4"] == ["death", "2026-11-01", ("Nairobi",)]
    assert counts["2"] == ["death", "2026-11-01", ("Kisumu",)]
    assert counts["120"][0] is None      # "Cases": no event type of SPEC 6
    assert "3" not in counts              # a figure in a row label is no count
    assert counts["6"][0] == "death" and counts["6"][2] == ("Kenya",)   # the Total row: the caption's place


def test_a_table_of_other_figures_counts_no_one():
    # no heading and no caption names an event, people or incidents: played games, points, a budget
    assert _counts(_LEAGUE) == []
    budget = ("The council approved next year's budget on Tuesday, the mayor said.\n\n"
              "Department | 2025 | 2026\nHealth | 1,200 | 1,350\nEducation | 900 | 980\n")
    assert _counts(budget) == []
    # a table of people keeps its figures, whatever their column names; a year heading dates its column
    clubs = "Club | Members | Revenue | Staff\nAlpha | 1,200 | 300 | 45\nBeta | 800 | 120 | 30\n"
    assert [t for t, *_rest in _counts(clubs)] == ["1,200", "300", "45", "800", "120", "30"]
    arrivals = ("Sea arrivals to Italy by country of departure, the ministry said.\n\n"
                "Country | 2024 | 2025\nTunisia | 12,000 | 8,000\n")
    assert [(t, d) for t, _e, d, _p in _counts(arrivals)] == [("12,000", "2024-01-01"), ("8,000", "2025-01-01")]


def test_a_cell_separator_is_no_counted_noun():
    text = "Floods hit the north this week.\n\nRegion | Dead | Injured | Displaced\nNorth | 12 | 40 | 3,000\n"
    article = extract(text, published="2026-12-01", validate=False)
    assert {c.quantity.unit for c in article.claims if c.quantity is not None} == {None}


_ROAD_INJURIES = ("Coach crash on the A7: casualties\n\n"
                  "Injuries | Driver | Passengers | Pedestrians\n"
                  "Fatal | 0 | 2 | 1\n"
                  "Serious | 1 | 5 | 0\n\n"
                  "The coach left the road at about 6 a.m., police said.\n")

_FERRY = ("Ferry fire off Crete: casualty summary\n\n"
          "Persons | Crew | Passengers\n"
          "Killed | 2 | 7\n"
          "Injured | 4 | 19\n")

_COURT = ("Court statistics for the district\n\n"
          "Offences | 2025 | 2026\n"
          "Serious | 31 | 44\n"
          "Minor | 120 | 98\n")


def test_a_row_label_types_cells_whose_column_names_no_event():
    """Columns of who (crew, passengers) and rows of what: the row label is the event; in an injuries
    table the severity scale ("Fatal", "Serious") is death and injury."""
    types = {q: et for q, et, _t, _p in _counts(_ROAD_INJURIES) if q in ("2", "5")}
    assert types == {"2": "death", "5": "injury"}
    ferry = {q: et for q, et, _t, _p in _counts(_FERRY)}
    assert ferry["7"] == "death" and ferry["19"] == "injury"


def test_a_severity_row_outside_an_injuries_table_is_no_event():
    assert not [c for c in _counts(_COURT) if c[1] in ("death", "injury")]
