"""SPARQL queries kept as ``.rq`` files beside this module, one query each, loaded by name.

Values are never pasted into a query's text: a query names the variables it expects bound
(``# Binds: ?document``), and callers pass RDF terms that the store binds. A bound variable
is given to the engine by :func:`with_values`, a ``VALUES`` block at the head of the
``WHERE`` clause: the query starts from the bound terms (engines plan it well) and means
the same on every store. Queries say ``WHERE`` explicitly and project what they bind.

>>> "SELECT" in load("recommendations-per-meeting")
True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

__all__ = ["QUERY_DIR", "load", "names", "bound_variables", "with_values", "query_form", "is_update"]

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


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(text: str, bindings: dict) -> str:
    """The query with its bound variables given by a ``VALUES`` block (SPARQL 1.1, section
    10.2) at the head of its ``WHERE`` clause (or of its first group, ``ASK { ... }``), so the
    engine starts from the bound terms. A variable may be bound to a list of terms.
    This is the one place values enter a query: each term is written by rdflib's ``n3()``,
    which escapes literals; an IRI with characters IRIs may not hold, a variable name that is
    not a name, or a value that is not an RDF term is refused with ``ValueError``.

    >>> from rdflib import URIRef
    >>> with_values("SELECT ?d WHERE { ?d ?p ?o }", {"d": URIRef("http://x/a")})
    'SELECT ?d WHERE { VALUES ?d { <http://x/a> }\n ?d ?p ?o }'
    """
    from rdflib import URIRef
    from rdflib.term import Identifier

    if not bindings:
        return text
    block = []
    for name, value in bindings.items():
        terms = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
        if not re.fullmatch(r"\w+", name) or not all(isinstance(t, Identifier) for t in terms):
            raise ValueError(f"cannot bind {name!r} to {value!r}")
        for term in terms:
            if isinstance(term, URIRef) and re.search(r'[\s<>"{}|^`\\]', str(term)):
                raise ValueError(f"not an IRI: {str(term)!r}")
        block.append("VALUES ?" + name + " { " + " ".join(t.n3() for t in terms) + " }")
    where = _WHERE.search(text)  # else "ASK {" or "SELECT * {": the first brace opens it
    at = where.end() if where else text.find("{") + 1
    if at <= 0:
        raise ValueError("the query has no group pattern to bind values in")
    return text[:at] + " " + "\n".join(block) + "\n" + text[at:]


_PROLOGUE = re.compile(r"^(?:\s+|#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*",
                       re.IGNORECASE)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _after_prologue(text: str) -> str:
    return text[_PROLOGUE.match(text).end():]


def is_update(text: str) -> bool:
    """True for a SPARQL 1.1 Update request (what follows the prologue is an update verb)."""
    return bool(_UPDATE.match(_after_prologue(text)))


def query_form(text: str) -> str | None:
    """"select", "ask", "construct" (CONSTRUCT and DESCRIBE) or None if not a query."""
    m = _FORM.match(_after_prologue(text))
    if not m:
        return None
    form = m.group(1).lower()
    return "construct" if form == "describe" else form
