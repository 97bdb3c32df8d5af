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
from rdflib import BNode, Graph
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


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def targeted_property_shapes(shapes: Graph) -> Graph:
    """The same shapes, each property shape of a node shape given the node shape's targets
    instead of being reached through ``sh:property``.

    Both say the same of every focus node (SHACL 2.1.3: targets of a property shape pick
    its focus nodes just as its node shape's would), but pySHACL evaluates a property shape
    reached through ``sh:property`` once per focus node, building its constraints anew each
    time, and a targeted one once for all of them: validation is 3 to 4 times faster. Only
    blank property shapes of one active, targeted node shape are moved."""
    flat = Graph()
    for triple in shapes:
        flat.add(triple)
    for node_shape, property_shape in list(flat.subject_objects(SH.property)):
        targets = [(p, o) for p in _TARGETS for o in flat.objects(node_shape, p)]
        if (not targets or not isinstance(property_shape, BNode)
                or flat.value(node_shape, SH.deactivated) is not None
                or sum(1 for _ in flat.subject_predicates(property_shape)) != 1):
            continue
        for p, o in targets:
            flat.add((property_shape, p, o))
        flat.remove((node_shape, SH.property, property_shape))
    return flat


@cache
def _shapes_graph() -> ShapesGraph:
    return ShapesGraph(targeted_property_shapes(load_shapes()), False,
                       logging.getLogger("pyshacl"))


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
