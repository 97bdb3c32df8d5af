"""The store: where the built graph lives and where queries run.

:class:`EmbeddedStore` keeps the graph in pyoxigraph, on disk by default (in memory when no
path is given). Results come back as plain types with rdflib terms, so that code above this
module never sees the engine. Every document's triples live in their own named graph;
queries see the union of all graphs as their default graph.

The union is kept materialized in the store's default graph, as an RDF merge (a set: a
triple several documents state is there once). Engines that read the union on the fly
(pyoxigraph's ``use_default_graph_as_union``, Virtuoso) return such a triple once per graph,
which inflates counts and multiplies joins (a recommendation stated by four documents made a
four-pattern join 256 times larger). Writing a graph updates the union in the same
transaction.

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

from graph.jsonld import compact
from graph.locking import StoreBusy, StoreLock
from graph.queries import with_values

__all__ = [
    "StoreError",
    "QueryError",
    "QueryTimeout",
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


class QueryTimeout(QueryError):
    """The query ran past the time limit and was stopped."""


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


# Writes the default graph afresh as the merge of all named graphs.
REBUILD_UNION = "DROP DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class Store(Protocol):
    """What the ETL and the API need of a store."""

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None
              ) -> SelectResult | bool | Graph: ...

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None: ...

    def graph_triples(self, graph: URIRef) -> set[Triple]: ...

    def named_graphs(self) -> list[URIRef]: ...

    def remove_graph(self, graph: URIRef) -> None: ...

    def count(self) -> int: ...

    def export(self, fmt: str) -> bytes: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples lines, written by pyoxigraph (which escapes them)."""
    return "\n".join(" ".join((str(to_ox(s)), str(to_ox(p)), str(to_ox(o)), "."))
                     for s, p, o in triples)


def replace_graph_update(graph: URIRef, triples: Iterable[Triple]) -> str:
    """The SPARQL 1.1 Update request that replaces named graph ``graph`` with ``triples``
    and keeps the union in the default graph: the graph's triples that no other graph
    states leave the union, the new ones join it. One request, so one transaction on any
    engine that runs a request atomically (Oxigraph does). An empty ``triples`` removes the
    graph. Its text holds only N-Triples written by pyoxigraph, never request values."""
    name = str(to_ox(graph))
    body = ntriples(triples)
    parts = [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {name}) }} }}",
        f"DROP SILENT GRAPH {name}",
    ]
    if body:
        # The union is copied from the graph just written: parsing the data twice costs more.
        parts += [f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}",
                  f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"]
    return " ;\n".join(parts)


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
    """pyoxigraph, on disk at ``path``, or in memory. On disk, many processes may read it
    (``read_only``) or one may write it, not both (:mod:`graph.locking`).

    Raises :class:`StoreError` when the path cannot be opened (for example when another
    process writes it, or reads it while this one would write).
    """

    def __init__(self, path: Path | None = None, read_only: bool = False):
        self._lock: StoreLock | None = None
        try:
            if path is None:
                self._store = ox.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._lock = StoreLock(path, write=not read_only)
                self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except StoreBusy as e:
            raise StoreError(str(e)) from None
        except OSError as e:
            if self._lock:
                self._lock.release()
            raise StoreError(f"cannot open the store at {path}: {e}") from e
        self.path = path
        self.read_only = read_only
        if not read_only and not self._union_size() and next(self._store.named_graphs(), None):
            self._store.update(REBUILD_UNION)  # a store written before the union was kept

    def _union_size(self) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def load_quads(self, path: Path) -> None:
        """Bulk-load an N-Quads file of named graphs (not transactional: for a new store),
        then its union, bulk-loaded too (4x faster than the union's ``INSERT ... WHERE``)."""
        self._store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        self._store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
        self._store.flush()

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
            result = self._store.query(sparql)
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
        """Replace one named graph, and its share of the union, in a single transaction:
        readers see the old graph or the new one, never a part; a failure leaves the old one
        in place."""
        self._update(graph, replace_graph_update(graph, triples))

    def remove_graph(self, graph: URIRef) -> None:
        self._update(graph, replace_graph_update(graph, ()))

    def _update(self, graph: URIRef, update: str) -> None:
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

    def count(self) -> int:
        """Quads in the named graphs (the union in the default graph is not counted)."""
        return len(self._store) - self._union_size()

    def export(self, fmt: str) -> bytes:
        """The whole store in an RDF format (see :data:`EXPORT_FORMATS`). Formats without
        named graphs hold the union of all graphs; JSON-LD is compacted with the published
        context (:mod:`graph.jsonld`)."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "jsonld":
            return compact(self.export("nq"))
        rdf_format, with_graphs = EXPORT_FORMATS[fmt]
        out = io.BytesIO()
        if with_graphs:
            ox.serialize((q for q in self._store if not isinstance(q.graph_name, ox.DefaultGraph)),
                         out, rdf_format)
        else:
            union = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
            ox.serialize(sorted((ox.Triple(q.subject, q.predicate, q.object) for q in union), key=str),
                         out, rdf_format)
        return out.getvalue()

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store
        if self._lock:
            self._lock.release()
