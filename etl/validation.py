"""SHACL validation of the graphs the ETL builds (W3C SHACL, https://www.w3.org/TR/shacl/).

Each document's graph is validated on its own, in a small in-memory rdflib graph, before
it is loaded: pySHACL is linear there, while over a large or store-backed graph it is not.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl.graph_abstraction import DataGraph
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.validator import Validator
from rdflib import Graph
from rdflib.namespace import SH

__all__ = ["SHAPES_PATH", "ONTOLOGY_PATH", "Violation", "ValidationResult", "load_shapes",
           "load_ontology", "validate", "as_graph"]

ROOT = Path(__file__).resolve().parent.parent
SHAPES_PATH = ROOT / "shapes" / "somkg-shapes.ttl"
ONTOLOGY_PATH = ROOT / "ontology" / "somkg.ttl"
ALIGNMENTS_PATH = ROOT / "ontology" / "alignments.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: tuple[Violation, ...]


@cache
def load_shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


# pySHACL's validate() parses the shapes anew for every data graph; the build validates one
# graph per document, so the parsed shapes are kept and handed to each Validator. No
# inference runs, so validating "in place" leaves the data graph as it was.
_OPTIONS = {"inference": "none", "advanced": True, "inplace": True, "abort_on_first": False,
            "allow_warnings": False, "allow_infos": False}
_EMPTY = Graph()


@cache
def _shapes_graph() -> ShapesGraph:
    return ShapesGraph(load_shapes(), False, logging.getLogger("pyshacl"))


@cache
def load_ontology() -> Graph:
    """The ontology with its alignments to other vocabularies."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle").parse(ALIGNMENTS_PATH, format="turtle")


def as_graph(triples: Iterable[tuple]) -> Graph:
    """An rdflib in-memory graph of ``triples`` (pySHACL needs a context-aware store)."""
    if isinstance(triples, Graph):
        return triples
    graph = Graph()
    for t in triples:
        graph.add(t)
    return graph


def validate(data: Graph | Iterable[tuple]) -> ValidationResult:
    """Validate ``data`` (a graph or its triples) against the somkg shapes; the violations
    say what to fix."""
    validator = Validator(DataGraph.from_rdflib(as_graph(data)), shacl_graph=_EMPTY,
                          options=dict(_OPTIONS))
    validator.shacl_graph = _shapes_graph()
    conforms, report, _ = validator.run()
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        violations.append(Violation(str(focus), str(path) if path is not None else None,
                                    str(message) if message is not None else "violates a shape"))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationResult(bool(conforms), tuple(violations))
