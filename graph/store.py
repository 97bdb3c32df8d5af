"""The store: where the built graph lives and where queries run.

:class:`EmbeddedStore` keeps the graph in pyoxigraph, on disk by default (in memory when no
path is given). Results come back as plain types with rdflib terms, so that code above this
module never sees the engine. Every document's triples live in their own named graph;
queries see the union of all graphs as their default graph.

Query values are bound as RDF terms by :func:`graph.queries.with_values` (a ``VALUES``
block written with rdflib's escaping), never pasted into the query text by callers.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from graph.queries import with_values

__all__ = [
    "StoreError",
    "QueryError",
    "SelectResult",
    "Store",
    "EmbeddedStore",
    "Triple",
    "EXPORT_FORMATS",
]

Triple = tuple[Node, Node, Node]


class StoreError(RuntimeError):
    """The store could not be opened, read or written; the message says why."""


class QueryError(ValueError):
    """A query is not valid SPARQL, or cannot run; the message says why."""


@dataclass(frozen=True)
class SelectResult:
    """The answer to a SELECT query: its variables and its rows of rdflib terms."""

    variables: tuple[str, ...]
    rows: tuple[dict[str, Identifier], ...]


# format name -> (pyoxigraph format, holds named graphs)
EXPORT_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "xml": (ox.RdfFormat.RDF_XML, False),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}


class Store(Protocol):
    """What the ETL and the API need of a store."""

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None
              ) -> SelectResult | bool | Graph: ...

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None: ...

    def graph_triples(self, graph: URIRef) -> set[Triple]: ...

    def named_graphs(self) -> list[URIRef]: ...

    def remove_graph(self, graph: URIRef) -> None: ...

    def export(self, fmt: str) -> bytes: ...

    def close(self) -> None: ...


# --- terms ------------------------------------------------------------------------------


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term) -> Identifier:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unknown term {term!r}")


class EmbeddedStore:
    """pyoxigraph, on disk at ``path`` (one process at a time), or in memory.

    Raises :class:`StoreError` when the path cannot be opened (for example when another
    process holds it).
    """

    def __init__(self, path: Path | None = None, read_only: bool = False):
        try:
            if path is None:
                self._store = ox.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {path}: {e}") from e
        self.path = path
        self.read_only = read_only

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None
              ) -> SelectResult | bool | Graph:
        """Run a SPARQL query over the union of all graphs.

        Raises :class:`QueryError` for a query that does not parse or cannot be evaluated.
        """
        if bindings:
            try:
                sparql = with_values(sparql, bindings)
            except ValueError as e:
                raise QueryError(str(e)) from e
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"the query is not valid SPARQL: {e}") from e
        except (OSError, ValueError) as e:
            raise QueryError(f"the query failed: {e}") from e
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple({v: from_ox(s[v]) for v in variables if s[v] is not None} for s in result)
            return SelectResult(variables, rows)
        g = Graph()
        for t in result:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace one named graph in a single transaction: readers see the old graph or the
        new one, never a part; a failure leaves the old one in place.

        The update text is made of the N-Triples serializations of the given terms by
        pyoxigraph (escaped by the library), never of request values.
        """
        name = ox.NamedNode(str(graph))
        body = "\n".join(
            " ".join((str(to_ox(s)), str(to_ox(p)), str(to_ox(o)), "."))
            for s, p, o in triples
        )
        update = "".join(["DROP SILENT GRAPH ", str(name), " ;\nINSERT DATA { GRAPH ", str(name),
                          " {\n", body, "\n} }"])
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write graph {graph}: {e}") from e

    def graph_triples(self, graph: URIRef) -> set[Triple]:
        return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))}

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode))

    def remove_graph(self, graph: URIRef) -> None:
        name = ox.NamedNode(str(graph))
        if self._store.contains_named_graph(name):
            self._store.remove_graph(name)

    def count(self) -> int:
        return len(self._store)

    def export(self, fmt: str) -> bytes:
        """The whole store in an RDF format (see :data:`EXPORT_FORMATS`). Formats without
        named graphs hold the union of all graphs."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        rdf_format, with_graphs = EXPORT_FORMATS[fmt]
        out = io.BytesIO()
        if with_graphs:
            self._store.dump(out, rdf_format)
        else:
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self._store}
            ox.serialize(sorted(triples, key=str), out, rdf_format)
        return out.getvalue()

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store
