"""A round trip into a second engine: the dump of the bundled corpus, bulk-loaded into a real
Virtuoso on loopback (its database in a temporary folder), answers every competency query as
the embedded store does."""

from __future__ import annotations

import json

import pytest
from rdflib import URIRef

from etl.validation import SHAPES_PATH, load_ontology
from graph import queries
from graph.dump import dump
from graph.namespaces import SOMKG
from tests.conftest import BASE
from tests.engines import VirtuosoServer

pytestmark = pytest.mark.skipif(not VirtuosoServer.available,
                                reason="Virtuoso is not installed (.ci/run installs virtuoso-opensource)")

COMPETENCY = [name for name in queries.names() if queries.load(name).startswith("# Competency question")]


@pytest.fixture(scope="module")
def virtuoso(embedded_corpus, tmp_path_factory):
    """The dump loaded into Virtuoso: the named graphs from graph.nq, the union from union.nt
    into the graph the manifest names; queries read that graph as their default graph."""
    folder = tmp_path_factory.mktemp("virtuoso")
    dumped = dump(embedded_corpus, folder / "dumps", BASE, load_ontology(), SHAPES_PATH, "test")
    server = VirtuosoServer(folder / "db", readable=folder / "dumps")
    try:
        union = dumped.manifest["union_graph"]
        server.bulk_load(dumped.folder, "graph.nq", union)
        server.bulk_load(dumped.folder, "union.nt", union)
        yield server.store(default_graph=union), dumped
    finally:
        server.stop()


def _answers(store, name: str, bindings: dict) -> list:
    """A query's rows as a sorted list, each row as its (variable, term) pairs: the same terms
    (lexical form, datatype and language) in any order of ties."""
    rows = store.query(queries.load(name), bindings).rows
    return sorted(tuple(sorted((var, term.n3()) for var, term in row.items())) for row in rows)


def _bindings(store, name: str) -> dict:
    """Every term of the class a query's bound variable names (``?article``: every article)."""
    found = {}
    for var in queries.bound_variables(name):
        rows = store.query("SELECT ?x WHERE { ?x a ?class }", {"class": SOMKG[var.capitalize()]}).rows
        found[var] = sorted({row["x"] for row in rows})
        assert found[var], var
    return found


def test_there_are_competency_queries_to_compare():
    assert {"recommendations-by-article", "articles-of-recommendation", "recommendations-per-meeting",
            "documents-cited-by", "documents-citing", "citation-chain", "resolutions-cited"} <= set(COMPETENCY)


@pytest.mark.parametrize("name", COMPETENCY)
def test_virtuoso_gives_the_embedded_stores_answers(virtuoso, embedded_corpus, name):
    store, _ = virtuoso
    bindings = _bindings(embedded_corpus, name)
    expected = _answers(embedded_corpus, name, bindings)
    assert expected, f"{name} has no answers on the corpus to compare"
    assert _answers(store, name, bindings) == expected


def test_virtuoso_holds_every_named_graph_of_the_dump(virtuoso, embedded_corpus):
    store, dumped = virtuoso
    count = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), STR(?base)) && ?g != ?union) } GROUP BY ?g")
    terms = {"base": URIRef(BASE + "graph/"), "union": URIRef(dumped.manifest["union_graph"])}
    loaded = {str(r["g"]): int(r["n"]) for r in store.query(count, terms).rows}
    assert loaded == {str(r["g"]): int(r["n"]) for r in embedded_corpus.query(count, terms).rows}
    assert sum(loaded.values()) == dumped.manifest["counts"]["quads"]
    union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert int(union) == len(embedded_corpus.export("nt").splitlines())


def test_the_manifest_tells_a_loader_where_the_union_goes(virtuoso):
    _, dumped = virtuoso
    manifest = json.loads((dumped.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["union_graph"].startswith(BASE) and "union.nt" in {f["path"] for f in manifest["files"]}
