"""Push: make a target store hold the same graphs as the source store, graph by graph.

Each named graph of the source is compared with the target's graph of the same name and
written only when they differ; each write replaces the whole graph in one request
(atomic), so a push cut off halfway leaves every graph either old or new, and pushing again
completes it. Graphs under the project's ``graph/`` namespace that the source no longer
holds are removed from the target; other graphs on the server are left alone. Pushing twice
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.store import Store

__all__ = ["PushReport", "push"]


@dataclass
class PushReport:
    written: list[URIRef] = field(default_factory=list)
    unchanged: list[URIRef] = field(default_factory=list)
    removed: list[URIRef] = field(default_factory=list)


def push(source: Store, target: Store, base: str,
         progress: Callable[[URIRef], None] | None = None) -> PushReport:
    """Copy every named graph of ``source`` to ``target`` (see the module's description)."""
    report = PushReport()
    graphs = source.named_graphs()
    for graph in graphs:
        triples = source.graph_triples(graph)
        if target.graph_triples(graph) == triples:
            report.unchanged.append(graph)
        else:
            target.replace_graph(graph, triples)
            report.written.append(graph)
        if progress:
            progress(graph)
    ours = f"{base}graph/"
    for graph in set(target.named_graphs()) - set(graphs):
        if str(graph).startswith(ours):
            target.remove_graph(graph)
            report.removed.append(graph)
    target.flush()
    return report
