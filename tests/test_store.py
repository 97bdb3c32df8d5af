"""The store contract: what the ETL and the API rely on, on the embedded store and on a real
Oxigraph server alike; and what the remote store does when the server is down, slow or
refuses a query."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graph.store import EmbeddedStore, QueryError

EX = "https://example.org/"
G1, G2 = URIRef(EX + "graph/1"), URIRef(EX + "graph/2")
S, P = URIRef(EX + "s"), URIRef(EX + "p")
SHARED = (S, P, Literal("stated by both"))
ONLY_1 = (S, P, Literal("only in 1"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(params=["embedded", "remote"])
def store(request, tmp_path):
    if request.param == "remote":
        server = request.getfixturevalue("oxigraph")
        server.clear()
        yield server.store()
        return
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def count(store) -> int:
    return int(store.query(COUNT).rows[0]["n"])


def test_a_triple_stated_by_two_graphs_is_in_the_union_once(store):
    store.replace_graph(G1, {SHARED, ONLY_1})
    store.replace_graph(G2, {SHARED})
    assert count(store) == 2
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }", {"s": S}).rows.__len__() == 2


def test_replacing_and_removing_a_graph_keeps_what_other_graphs_state(store):
    store.replace_graph(G1, {SHARED, ONLY_1})
    store.replace_graph(G2, {SHARED})
    store.replace_graph(G1, {ONLY_1})
    assert store.graph_triples(G1) == {ONLY_1}
    assert count(store) == 2  # SHARED is still stated by G2
    store.remove_graph(G2)
    assert count(store) == 1 and store.named_graphs() == [G1]
    store.remove_graph(G1)
    assert count(store) == 0 and store.named_graphs() == []


def test_named_graphs_are_still_there_to_query(store):
    store.replace_graph(G1, {SHARED})
    store.replace_graph(G2, {SHARED})
    rows = store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g").rows
    assert [r["g"] for r in rows] == [G1, G2]
    assert store.count() == 2  # quads in named graphs


def test_bound_values_and_each_result_form(store):
    store.replace_graph(G1, {SHARED, ONLY_1, (S, RDF.type, URIRef(EX + "Thing"))})
    rows = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", {"s": S, "p": P}).rows
    assert [r["o"] for r in rows] == [ONLY_1[2], SHARED[2]]
    assert store.query("ASK { ?s a ?c }", {"c": URIRef(EX + "Thing")}) is True
    assert store.query("ASK { ?s a ?c }", {"c": URIRef(EX + "Other")}) is False
    constructed = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"p": P})
    assert set(constructed) == {SHARED, ONLY_1}
    typed = store.query("SELECT ?n ?l WHERE { BIND(42 AS ?n) BIND(\"x\"@ru AS ?l) }").rows[0]
    assert typed["n"] == Literal(42) and typed["l"] == Literal("x", lang="ru")


def test_a_bad_query_is_a_query_error_on_every_store(store):
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("http://x/> } DROP ALL #")})


def test_rebuilding_the_corpus_into_either_store_is_idempotent(store):
    from etl.pipeline import BUNDLED_CORPUS, build

    build(BUNDLED_CORPUS, store)
    first = {g: store.graph_triples(g) for g in store.named_graphs()}
    report = build(BUNDLED_CORPUS, store)
    assert {o.status for o in report.outcomes} == {"unchanged"}
    assert {g: store.graph_triples(g) for g in store.named_graphs()} == first


def test_a_store_written_without_the_union_gets_it_when_opened(tmp_path):
    import pyoxigraph as ox

    raw = ox.Store(str(tmp_path / "old"))
    raw.add(ox.Quad(ox.NamedNode(str(S)), ox.NamedNode(str(P)), ox.Literal("x"), ox.NamedNode(str(G1))))
    raw.flush()
    del raw
    store = EmbeddedStore(tmp_path / "old")
    assert count(store) == 1
    store.close()


def test_a_bulk_loaded_dump_has_its_graphs_and_a_set_union(tmp_path):
    source = EmbeddedStore(tmp_path / "source")
    source.replace_graph(G1, {SHARED, ONLY_1})
    source.replace_graph(G2, {SHARED})
    (tmp_path / "dump.nq").write_bytes(source.export("nq"))
    source.close()
    loaded = EmbeddedStore(tmp_path / "loaded")
    loaded.load_quads(tmp_path / "dump.nq")
    assert loaded.count() == 3 and loaded.named_graphs() == [G1, G2]
    assert count(loaded) == 2 and loaded.graph_triples(G2) == {SHARED}
    loaded.close()


def test_exports_hold_each_quad_once_and_the_union_in_triple_formats(store):
    from rdflib import Dataset, Graph

    store.replace_graph(G1, {SHARED, ONLY_1})
    store.replace_graph(G2, {SHARED})
    quads = Dataset()
    quads.parse(data=store.export("nq"), format="nquads")
    assert sorted((str(c.identifier), len(c)) for c in quads.graphs() if len(c)) == [(str(G1), 2), (str(G2), 1)]
    assert len(Graph().parse(data=store.export("nt"), format="nt")) == 2
