"""SPARQL queries kept as ``.rq`` files beside this module, one query each, loaded by name.

Values are never pasted into a query's text: a query names the variables it expects bound
(``# Binds: ?document``), and callers pass RDF terms that the store binds. A bound variable
must appear in the query's projection and in a required triple pattern (not only in a
``BIND`` or an ``OPTIONAL``): pyoxigraph substitutes the term for the variable (SPARQL
SEP-0007), so in an ``OPTIONAL`` it would filter nothing.

>>> "SELECT" in load("recommendations-per-meeting")
True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["QUERY_DIR", "load", "names", "bound_variables"]

QUERY_DIR = Path(__file__).resolve().parent / "queries"


def names() -> list[str]:
    """The names of all stored queries ("quality/..." for the quality checks)."""
    return sorted(str(p.relative_to(QUERY_DIR).with_suffix("")) for p in QUERY_DIR.rglob("*.rq"))


@cache
def load(name: str) -> str:
    """The text of the query ``name``. Raises ``KeyError`` for an unknown name."""
    if not re.fullmatch(r"[a-z0-9-]+(?:/[a-z0-9-]+)?", name):
        raise KeyError(name)
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(name)
    return path.read_text(encoding="utf-8")


def bound_variables(name: str) -> list[str]:
    """The variables a query expects the caller to bind (its ``# Binds:`` header)."""
    m = re.search(r"^# Binds: (.*)$", load(name), re.M)
    return re.findall(r"\?(\w+)", m.group(1)) if m else []
