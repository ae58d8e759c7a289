"""The Parquet tables written by the Spark job, in the SPEC §1/§2 shape.

Three tables: ``articles`` (SPEC §1 Article), ``claims`` (SPEC §2 claim JSON, one row per claim,
nested structs as in the JSON, plus ``article_id``) and ``rejects`` (input name, code, reason).
Rows travel as JSON strings and are read with these schemas, so the types are the schema's
whatever Python produced (an ``int`` bound becomes a ``double``;
:func:`claimwatch.spark.load.restore_numbers` undoes it).
"""

from __future__ import annotations

from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

__all__ = ["ARTICLE_SCHEMA", "CLAIM_SCHEMA", "REJECT_SCHEMA"]

_SPAN = ArrayType(IntegerType())


def _s(name: str, kind=StringType()) -> StructField:
    return StructField(name, kind, True)


ARTICLE_SCHEMA = StructType([
    _s("id"), _s("url"), _s("outlet"), _s("title"), _s("published"), _s("language"), _s("text"),
    _s("name"), _s("duplicate_of"),
])

SOURCE = StructType([
    _s("name"), _s("canonical"), _s("affiliation"), _s("type"), _s("cue"), _s("span", _SPAN),
    _s("quote"), _s("scope"), _s("via"),
])
QUANTITY = StructType([
    _s("text"), _s("span", _SPAN), _s("low", DoubleType()), _s("best", DoubleType()),
    _s("high", DoubleType()), _s("qualifier"), _s("unit"), _s("counted"), _s("part_of"),
])
TIME = StructType([
    _s("text"), _s("start"), _s("end"), _s("precision"), _s("anchor"), _s("span", _SPAN), _s("scope"),
])
PLACE = StructType([
    _s("text"), _s("span", _SPAN), _s("name"), _s("lat", DoubleType()), _s("lon", DoubleType()),
    _s("country"), _s("feature"), _s("geonameid", LongType()), _s("role"), _s("precision"), _s("scope"),
])
ACTOR = StructType([_s("text"), _s("role"), _s("span", _SPAN)])

CLAIM_SCHEMA = StructType([
    _s("article_id"), _s("id"), _s("kind"), _s("text"), _s("span", _SPAN), _s("event_type"), _s("offence"),
    _s("cause"), _s("source", SOURCE), _s("certainty"), _s("polarity"), _s("evidential"),
    _s("quantity", QUANTITY), _s("time", TIME), _s("places", ArrayType(PLACE)),
    _s("actors", ArrayType(ACTOR)),
])

REJECT_SCHEMA = StructType([_s("name"), _s("code"), _s("reason")])
