"""The Parquet tables written by the Spark job, in the SPEC §1/§2 shape — generated from the
typed model (:func:`claimwatch.schema.describe`), so a field added to a claim part is a column
without another edit.

Three tables: ``articles`` (SPEC §1 Article, plus the input ``name`` and ``duplicate_of``),
``claims`` (SPEC §2 claim JSON, one row per claim, nested structs as in the JSON, plus
``article_id``) and ``rejects`` (input name, code, reason). Rows travel as JSON strings and are
read with these schemas; numbers are doubles (whole ones come back as ints through the model).
"""

from __future__ import annotations

from typing import Any

from pyspark.sql.types import (
    ArrayType,
    DataType,
    DoubleType,
    IntegerType,
    LongType,
    MapType,
    StringType,
    StructField,
    StructType,
)

from ..model import ARTICLE_JSON_FIELDS, Article, Claim
from ..schema import TypeSpec, fields_of

__all__ = ["ARTICLE_SCHEMA", "CLAIM_SCHEMA", "REJECT_SCHEMA", "spark_type", "struct_of"]


def spark_type(spec: TypeSpec) -> DataType:
    """The Spark type of a model field."""
    kind = spec.kind
    if kind == "span":
        return ArrayType(IntegerType())
    if kind == "integer":
        return LongType()
    if kind == "number":
        return DoubleType()
    if kind == "array":
        assert spec.item is not None
        return ArrayType(spark_type(spec.item))
    if kind == "object":
        assert spec.cls is not None
        return struct_of(spec.cls)
    if kind == "mapping":
        return MapType(StringType(), StringType())
    return StringType()  # string, enum (the vocabularies are checked by the model), any


def struct_of(cls: type, only: tuple[str, ...] | None = None, extra: tuple[str, ...] = ()) -> StructType:
    """A struct of ``cls``'s fields (``only`` these, in this order), then ``extra`` string columns."""
    specs: dict[str, Any] = {name: spec for name, spec, _meta in fields_of(cls)}
    names = only or tuple(specs)
    return StructType([StructField(n, spark_type(specs[n]), True) for n in names]
                      + [StructField(n, StringType(), True) for n in extra])


ARTICLE_SCHEMA = struct_of(Article, ARTICLE_JSON_FIELDS, extra=("name", "duplicate_of"))

CLAIM_SCHEMA = StructType([StructField("article_id", StringType(), True),
                           *[f for f in struct_of(Claim).fields if f.name != "article_id"]])

REJECT_SCHEMA = StructType([StructField(n, StringType(), True) for n in ("name", "code", "reason")])
