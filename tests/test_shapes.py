"""The SHACL shapes: example data that must conform, and data that must fail for a reason."""

from pathlib import Path

import pytest
from rdflib import Graph

from etl.validation import load_ontology, validate

EXAMPLES = Path(__file__).parent / "shapes"


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.ttl")), ids=lambda p: p.stem)
def test_valid_examples_conform(path):
    result = validate(Graph().parse(path))
    assert result.conforms, [str(v) for v in result.violations]


@pytest.mark.parametrize("path", sorted((EXAMPLES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_invalid_examples_fail_for_the_stated_reason(path):
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    result = validate(Graph().parse(path))
    assert not result.conforms
    assert any(expected in v.message for v in result.violations), [str(v) for v in result.violations]


def test_every_ontology_term_has_labels_in_both_languages_and_a_comment():
    from rdflib import OWL, RDF, RDFS, SKOS

    onto = load_ontology()
    terms = {s for cls in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept)
             for s in onto.subjects(RDF.type, cls)}
    assert len(terms) > 40
    for term in terms:
        languages = {label.language for label in onto.objects(term, RDFS.label)}
        assert {"en", "ru"} <= languages, term
        assert onto.value(term, RDFS.comment) is not None, term


def test_every_class_the_shapes_target_is_in_the_ontology():
    from rdflib import OWL, RDF
    from rdflib.namespace import SH

    from etl.validation import load_shapes

    classes = set(load_ontology().subjects(RDF.type, OWL.Class))
    targets = {o for o in load_shapes().objects(None, SH.targetClass)
               if str(o).startswith("https://w3id.org/somkg/")}
    assert targets <= classes


def test_reused_targeted_shapes_give_the_same_report_as_a_fresh_pyshacl_run():
    # validate() reuses parsed shapes and gives property shapes their node shape's targets
    from pyshacl import validate as fresh
    from rdflib.namespace import SH

    from etl.validation import load_shapes

    for path in sorted((EXAMPLES / "invalid").glob("*.ttl")) + sorted((EXAMPLES / "valid").glob("*.ttl")):
        data = Graph().parse(path)
        ours = validate(data)
        conforms, report, _ = fresh(data, shacl_graph=load_shapes(), inference="none", advanced=True)
        results = sorted((str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
                          str(report.value(r, SH.resultMessage)))
                         for r in report.subjects(SH.resultSeverity, SH.Violation))
        assert ours.conforms == conforms, path
        assert sorted((v.focus, str(v.path), v.message) for v in ours.violations) == results, path
