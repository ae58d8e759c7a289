"""JSON: a list of SPEC §2 claim objects, each with ``uid`` and its ``article`` meta."""

from __future__ import annotations

import json as _json
from typing import IO, Any

from .rows import collect

__all__ = ["write", "records"]


def records(rows_or_store: Any, **filters: Any) -> list[dict[str, Any]]:
    out = []
    for claim, meta in collect(rows_or_store, **filters):
        rec = claim.to_dict()
        rec["uid"] = claim.uid
        rec["article"] = {k: meta.get(k) for k in ("id", "url", "outlet", "title", "published") if k in meta}
        out.append(rec)
    return out


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    recs = records(rows_or_store, **filters)
    _json.dump(recs, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
    return len(recs)
