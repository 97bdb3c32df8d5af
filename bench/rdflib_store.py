"""The baseline for the benchmarks: the same store interface over rdflib's in-memory Dataset.

Not part of somkg: it exists so that bench_build.py can run the very same pipeline and the
very same queries on rdflib's own store and SPARQL engine, and report the ratio.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from graph.store import SelectResult, Triple

__all__ = ["RdflibMemoryStore"]


class RdflibMemoryStore:
    def __init__(self) -> None:
        self.dataset = Dataset(default_union=True)

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None):
        result: Result = self.dataset.query(sparql, initBindings=dict(bindings or {}))
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type == "SELECT":
            variables = tuple(str(v) for v in result.vars)
            rows = tuple({v: row[v] for v in variables if row[v] is not None} for row in result)
            return SelectResult(variables, rows)
        return result.graph

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self.dataset.remove_graph(graph)
        g = self.dataset.graph(graph)
        for t in triples:
            g.add(t)

    def graph_triples(self, graph: URIRef) -> set[Triple]:
        return set(self.dataset.graph(graph))

    def named_graphs(self) -> list[URIRef]:
        return sorted(g.identifier for g in self.dataset.graphs()
                      if isinstance(g.identifier, URIRef) and len(g)
                      and str(g.identifier) != "urn:x-rdflib:default")

    def remove_graph(self, graph: URIRef) -> None:
        self.dataset.remove_graph(graph)

    def export(self, fmt: str) -> bytes:
        return Graph(store=self.dataset.store).serialize(format="nt", encoding="utf-8")

    def close(self) -> None:
        pass
