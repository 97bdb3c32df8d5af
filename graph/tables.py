"""CSV tables a spreadsheet user can open: meetings, recommendations, the articles each
recommendation refers to, and which documents cite which.

Each table is a stored query written in the SPARQL 1.1 CSV results format, preceded by a
UTF-8 byte order mark so that spreadsheet programs read the Cyrillic text as UTF-8.
"""

from __future__ import annotations

from graph import queries
from graph.results import write_select
from graph.store import Store

__all__ = ["TABLES", "table"]

# file name (without .csv) -> the query that fills it
TABLES = {
    "meetings": "recommendations-per-meeting",
    "recommendations": "recommendations",
    "recommendation-articles": "articles-of-recommendation",
    "document-citations": "document-citations",
}


def table(store: Store, name: str) -> bytes:
    """The table ``name`` (one of :data:`TABLES`) as CSV bytes."""
    result = store.query(queries.load(TABLES[name]))
    return "\ufeff".encode() + write_select(result.variables, result.rows, "csv")
