"""The query workers behind the public SPARQL endpoint: the time limit counts query time
only, not a worker's start (a fresh process imports its libraries and opens the store)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from graph.bounded import BoundedQueries
from graph.store import EmbeddedStore, QueryError, QueryTimeout

EX = "https://example.org/"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture
def store_path(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graph(URIRef(EX + "g"), {(URIRef(EX + f"s{i}"), URIRef(EX + "p"), Literal(i))
                                           for i in range(300)})
    store.close()
    return tmp_path / "store"


def test_a_workers_start_is_not_counted_as_query_time(store_path):
    # A limit shorter than starting a Python process that imports rdflib and pyoxigraph.
    pool = BoundedQueries(store_path, timeout=0.1, max_rows=10, workers=1)
    try:
        assert pool.run("ASK { ?s ?p ?o }").boolean is True
        with pytest.raises(QueryTimeout):
            pool.run(RUNAWAY)
        # the stopped worker was replaced by a fresh one, whose start is not counted either
        assert pool.run("ASK { ?s ?p 7 }").boolean is True
    finally:
        pool.close()


def test_a_worker_that_cannot_open_the_store_says_why(tmp_path):
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("not a store")
    pool = BoundedQueries(not_a_store, timeout=5, max_rows=10, workers=1)
    try:
        with pytest.raises(QueryError, match="could not open the store: .+"):
            pool.run("ASK { ?s ?p ?o }")
    finally:
        pool.close()
