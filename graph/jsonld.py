"""JSON-LD with the published context: the context lives in ``ontology/context.jsonld``, is
served by the API at ``/context.jsonld``, and compacts every JSON-LD export, so that other
systems read ``somkg:number`` rather than full IRIs and can fetch the context to expand it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from rdflib import Dataset

__all__ = ["CONTEXT_PATH", "context", "compact"]

CONTEXT_PATH = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"


@cache
def context() -> dict:
    """The published context (the object under ``@context``)."""
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


def compact(nquads: bytes) -> bytes:
    """The dataset in ``nquads`` as JSON-LD compacted with the published context (named
    graphs kept), the context written inline so that the file reads offline."""
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return dataset.serialize(format="json-ld", context=context(), encoding="utf-8")
