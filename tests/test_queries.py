"""Every stored query parses, and every one is used by the code or the tests."""

from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from graph import queries

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", queries.names())
def test_query_parses_and_says_what_it_is(name):
    text = queries.load(name)
    prepareQuery(text)
    assert text.startswith("#"), "each query starts with a comment saying what it answers"
    head = text[text.index("SELECT"):text.index("WHERE")] if "SELECT" in text else ""
    for variable in queries.bound_variables(name):
        if head:
            assert f"?{variable}" in head, f"bound ?{variable} must be projected"


@pytest.mark.parametrize("name", queries.names())
def test_query_is_used(name):
    if name.startswith("quality/"):
        return  # run as a family by `somkg validate` and the corpus tests
    sources = [p.read_text(encoding="utf-8") for folder in ("etl", "graph", "api", "somkg", "tests", "bench")
               if (ROOT / folder).is_dir() for p in (ROOT / folder).rglob("*.py")]
    assert any(f'"{name}"' in s for s in sources), f"{name} is used nowhere"


def test_unknown_or_unsafe_names_are_refused():
    for name in ("nope", "../etl/mapper", "quality/../../x"):
        with pytest.raises(KeyError):
            queries.load(name)


def test_values_binding_escapes_terms_and_refuses_what_is_not_an_iri():
    from rdflib import Literal, URIRef

    text = queries.with_values("SELECT ?d WHERE { ?d ?p ?o }", {"d": Literal('x" } ; DROP ALL ; {')})
    assert 'VALUES ?d { "x\\" } ; DROP ALL ; {" }' in text.splitlines()[0]
    prepareQuery(text)  # still one query: the quote is escaped inside the literal
    for bad in (URIRef("http://x/a> } DROP ALL { <b"), URIRef("http://x/a b")):
        with pytest.raises(ValueError):
            queries.with_values("SELECT ?d WHERE { ?d ?p ?o }", {"d": bad})
    with pytest.raises(ValueError):
        queries.with_values("SELECT ?d WHERE { ?d ?p ?o }", {"d } DROP": Literal(1)})
