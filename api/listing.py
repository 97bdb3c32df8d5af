"""Lists: one page of items with the total, as JSON, or as CSV for a spreadsheet.

A list answers CSV when asked by ``?format=csv`` or by an ``Accept`` header that prefers
``text/csv``; nested values are flattened ("a.b" columns, lists joined by "; ").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api.errors import BadRequest
from api.models import Page, as_json

__all__ = ["Paging", "page", "wants_csv", "to_csv"]

MAX_LIMIT = 1000


class Paging(BaseModel):
    limit: int
    offset: int
    format: str | None


async def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
    format: Annotated[str | None, Query(pattern="^(json|csv)$",
                                        description="json (default) or csv.")] = None,
) -> Paging:
    return Paging(limit=limit, offset=offset, format=format)


def wants_csv(request: Request, paging: Paging) -> bool:
    if paging.format:
        return paging.format == "csv"
    accept = request.headers.get("accept", "")
    best = None
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = next((float(f[2:]) for f in fields[1:] if f.startswith("q=")
                  and f[2:].replace(".", "", 1).isdigit()), 1.0)
        if media in ("text/csv", "application/json", "*/*", "application/*", "text/*") and (
                best is None or q > best[0]):
            best = (q, media)
    return best is not None and best[1] == "text/csv"


def _flatten(value, prefix: str, row: dict) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}" if prefix else k, row)
    elif isinstance(value, list):
        row[prefix] = "; ".join(
            str(v if not isinstance(v, dict) else v.get("iri") or v.get("id") or v) for v in value)
    else:
        row[prefix] = "" if value is None else str(value)


def to_csv(items: Sequence[BaseModel]) -> Response:
    rows = []
    for item in items:
        row: dict = {}
        _flatten(item.model_dump(mode="json"), "", row)
        rows.append(row)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Vary": "Accept"})


def page(request: Request, paging: Paging, items: Sequence[BaseModel]):
    """One page of ``items`` as a :class:`Page`, or all of the page as CSV."""
    if paging.offset > len(items) and items:
        raise BadRequest(f"offset {paging.offset} is past the {len(items)} items")
    window = list(items[paging.offset:paging.offset + paging.limit])
    if wants_csv(request, paging):
        return to_csv(window)
    return as_json(Page(items=window, total=len(items), limit=paging.limit,
                        offset=paging.offset))
