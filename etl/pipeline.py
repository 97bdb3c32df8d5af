"""The build: source files -> records -> graphs -> SHACL -> store, one named graph each.

Every document is read on its own; one that cannot be read, or whose graph does not
conform to the shapes, is reported by name with the reason and is not loaded, and the rest
of the build goes on. Each graph replaces its previous version in one transaction, and a
graph whose triples did not change is not written again, so rebuilding the same corpus
leaves the store as it was (its build times included).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from etl.document import ACCEPTED_SUFFIXES, DocumentError, read_document
from etl.mapper import document_iri, map_document, map_registry
from etl.meetings import resolve_meetings
from etl.records import DocumentRecord
from etl.reference import load_reference
from etl.references import Matchers
from etl.validation import Violation, load_ontology, validate
from graph import iris
from graph.namespaces import DCTERMS, PROV, XSD
from graph.store import Store, Triple

__all__ = ["BUNDLED_CORPUS", "DocumentOutcome", "BuildReport", "read_corpus", "build"]

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


@dataclass
class DocumentOutcome:
    """What happened to one source file."""

    name: str
    status: str  # "loaded", "unchanged", "rejected" (SHACL), "unreadable"
    reason: str | None = None
    iri: str | None = None
    triples: int = 0
    violations: tuple[Violation, ...] = ()
    warnings: tuple[str, ...] = ()
    record: DocumentRecord | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status in ("loaded", "unchanged")


@dataclass
class BuildReport:
    outcomes: list[DocumentOutcome]
    timings: dict[str, float]  # seconds: "etl", "validation", "load", "total"
    registry_triples: int = 0
    removed_graphs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)


def read_corpus(folder: Path) -> Iterator[tuple[str, bytes | None, str | None]]:
    """(name, content, refusal) for each file in ``folder``, in name order."""
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() not in ACCEPTED_SUFFIXES:
            yield path.name, None, (f"unsupported format {path.suffix or '(no suffix)'}: "
                                    f"somkg reads UTF-8 text ({', '.join(ACCEPTED_SUFFIXES)})")
            continue
        yield path.name, path.read_bytes(), None


Progress = Callable[[str, str], None]  # (stage, document name)


def _stamped(triples: set[Triple], graph: URIRef, when: dt.datetime) -> set[Triple]:
    return triples | {(graph, PROV.generatedAtTime,
                       Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime))}


def _without_stamp(triples: set[Triple]) -> set[Triple]:
    return {t for t in triples if t[1] != PROV.generatedAtTime}


def _load(store: Store, graph: URIRef, g: Iterable[Triple], when: dt.datetime) -> bool:
    """Write a graph unless the store already holds the same triples. True if written."""
    new = set(g)
    if _without_stamp(store.graph_triples(graph)) == new:
        return False
    store.replace_graph(graph, _stamped(new, graph, when))
    return True


def build(
    corpus: Path,
    store: Store,
    base: str = iris.DEFAULT_BASE,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the graph of every document in ``corpus`` into ``store``."""
    started = time.perf_counter()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    report = BuildReport([], {"etl": 0.0, "validation": 0.0, "load": 0.0})
    reference = load_reference()
    matchers = Matchers.build(reference)

    t = time.perf_counter()
    records: list[tuple[DocumentOutcome, DocumentRecord]] = []
    for name, data, refusal in read_corpus(corpus):
        if progress:
            progress("read", name)
        if refusal:
            report.outcomes.append(DocumentOutcome(name, "unreadable", refusal))
            continue
        try:
            record = read_document(name, data, reference, matchers)
        except DocumentError as e:
            report.outcomes.append(DocumentOutcome(name, "unreadable", e.reason))
            continue
        outcome = DocumentOutcome(name, "read", warnings=record.warnings, record=record)
        report.outcomes.append(outcome)
        records.append((outcome, record))
    registry = resolve_meetings(r for _, r in records)
    graphs = []
    for outcome, record in records:
        g = map_document(record, registry, base)
        outcome.iri = str(document_iri(record, registry, base))
        outcome.triples = len(g)
        graphs.append((outcome, record, g))
    registry_graph = map_registry(registry, [r for _, r in records], base)
    report.timings["etl"] = time.perf_counter() - t

    t = time.perf_counter()
    accepted = []
    for outcome, record, g in graphs:
        if progress:
            progress("validate", outcome.name)
        result = validate(g)
        if result.conforms:
            accepted.append((outcome, record, g))
        else:
            outcome.status = "rejected"
            outcome.violations = result.violations
            outcome.reason = f"{len(result.violations)} SHACL violation(s): {result.violations[0]}"
    fixed = [(iris.registry_graph(base), registry_graph),
             (iris.reference_graph(base), reference.to_graph(base)),
             (iris.ontology_graph(base), load_ontology())]
    for graph_iri, g in fixed[:2]:
        result = validate(g)
        if not result.conforms:
            raise RuntimeError(f"the {graph_iri} graph does not conform: {result.violations[0]}")
    report.registry_triples = len(registry_graph)
    report.timings["validation"] = time.perf_counter() - t

    t = time.perf_counter()
    for outcome, _, g in accepted:
        if progress:
            progress("load", outcome.name)
        graph_iri = iris.document_graph(base, URIRef(outcome.iri))
        outcome.status = "loaded" if _load(store, graph_iri, g, now) else "unchanged"
    for graph_iri, g in fixed:
        _load(store, graph_iri, g, now)
    report.removed_graphs = _remove_stale(
        store, base, {o.name for o in report.outcomes}, {o.name for o, _, _ in accepted},
        {iris.document_graph(base, URIRef(o.iri)) for o, _, _ in accepted})
    if hasattr(store, "flush"):
        store.flush()
    report.timings["load"] = time.perf_counter() - t
    report.timings["total"] = time.perf_counter() - started
    return report


def _remove_stale(store: Store, base: str, present: set[str], built_names: set[str],
                  built: set[URIRef]) -> list[str]:
    """Remove document graphs whose source file is gone from the corpus or now builds into
    another graph. A graph whose file is still there but could not be read or validated
    this time is kept as it was: nothing is lost to a bad edit."""
    prefix = f"{base}graph/document/"
    removed = []
    for graph_iri in store.named_graphs():
        if not str(graph_iri).startswith(prefix) or graph_iri in built:
            continue
        names = {str(o) for s, p, o in store.graph_triples(graph_iri) if p == DCTERMS.title
                 and "/id/source/" in str(s)}
        if not names & present or names & built_names:
            store.remove_graph(graph_iri)
            removed.append(str(graph_iri))
    return removed

