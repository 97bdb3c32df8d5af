"""The remote store when things go wrong, and pushing the built graph to a real server."""

from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from rdflib import URIRef

from graph.push import push
from graph.remote import RemoteStore
from graph.store import QueryError, QueryTimeout, StoreError
from tests.conftest import BASE
from tests.engines import free_port


class _Server:
    """A real HTTP server on loopback whose handler the test chooses."""

    def __init__(self, handler):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_server_that_is_down_is_a_clear_error_soon():
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/sparql", timeout=2, retries=2)
    started = time.monotonic()
    with pytest.raises(StoreError, match="cannot reach http://127.0.0.1:.*/sparql"):
        store.query("ASK {}")
    assert time.monotonic() - started < 2 * 3 + 5  # the retries' back-off, not a hang


def test_a_server_that_does_not_answer_is_a_timeout():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()  # accepts connections, never answers
    try:
        store = RemoteStore(f"http://127.0.0.1:{listener.getsockname()[1]}/sparql", timeout=1, retries=3)
        with pytest.raises(QueryTimeout, match="did not answer within 1 s"):
            store.query("ASK {}")
    finally:
        listener.close()


def test_transient_failures_are_retried_a_bounded_number_of_times():
    calls = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            calls.append(self.path)
            self.rfile.read(int(self.headers["Content-Length"]))
            if len(calls) < 3:
                self.send_response(503)
                self.end_headers()
                return
            body = json.dumps({"head": {}, "boolean": True}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = _Server(Handler)
    try:
        assert RemoteStore(server.url, retries=2).query("ASK {}") is True
        assert len(calls) == 3
        calls.clear()
        with pytest.raises(StoreError, match="HTTP 503"):
            RemoteStore(server.url, retries=1).query("ASK {}")
        assert len(calls) == 2
    finally:
        server.close()


def test_a_malformed_query_is_refused_by_the_server_without_retrying(oxigraph):
    with pytest.raises(QueryError):
        oxigraph.store().query("SELECT * WHERE { ?s ?p ?o ")
    with pytest.raises(QueryError, match="malformed"):
        oxigraph.store().update("INSERT DATA { <a> }")


def test_writing_without_an_update_or_graph_store_endpoint_says_what_to_set(oxigraph):
    store = RemoteStore(f"{oxigraph.url}/query")
    with pytest.raises(StoreError, match="update endpoint"):
        store.replace_graph(URIRef("https://example.org/g"), set())


@pytest.mark.parametrize("writer", ["update", "graph-store"])
def test_pushing_twice_changes_nothing_and_gives_the_same_answers(writer, embedded_corpus, oxigraph):
    corpus_store = embedded_corpus
    oxigraph.clear()
    target = (oxigraph.store() if writer == "update"
              else RemoteStore(f"{oxigraph.url}/query", graph_store=f"{oxigraph.url}/store"))
    first = push(corpus_store, target, BASE)
    assert first.written and not first.unchanged
    count = target.count()
    second = push(corpus_store, target, BASE)
    assert not second.written and len(second.unchanged) == len(first.written)
    assert target.count() == count == corpus_store.count()
    question = "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/somkg/ontology#Recommendation> }"
    assert target.query(question).rows == corpus_store.query(question).rows


def test_a_push_cut_off_is_completed_by_the_next(embedded_corpus, oxigraph):
    corpus_store = embedded_corpus
    oxigraph.clear()
    target = oxigraph.store()
    graphs = corpus_store.named_graphs()

    def cut_off(graph):
        if graph == graphs[2]:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        push(corpus_store, target, BASE, cut_off)
    assert 0 < len(target.named_graphs()) < len(graphs)
    report = push(corpus_store, target, BASE)
    assert len(report.unchanged) == 3
    assert target.named_graphs() == graphs
    assert all(target.graph_triples(g) == corpus_store.graph_triples(g) for g in graphs)


def test_killing_the_push_command_and_running_it_again_gives_the_whole_graph(oxigraph, tmp_path):
    # A store of its own, that a separate process can open.
    from etl.pipeline import BUNDLED_CORPUS, build
    from graph.store import EmbeddedStore

    local = EmbeddedStore(tmp_path / "local")
    build(BUNDLED_CORPUS, local)
    expected = {g: local.graph_triples(g) for g in local.named_graphs()}
    local.close()
    oxigraph.clear()
    command = [sys.executable, "-m", "somkg.cli", "push", "--quiet", "--store-path",
               str(tmp_path / "local"), "--endpoint", f"{oxigraph.url}/query",
               "--update-endpoint", f"{oxigraph.url}/update"]
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    process = subprocess.Popen(command, env=env)
    target = oxigraph.store()
    deadline = time.monotonic() + 60
    while not target.named_graphs() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert subprocess.run(command, env=env).returncode == 0
    assert {g: target.graph_triples(g) for g in target.named_graphs()} == expected
    assert subprocess.run(command, env=env, capture_output=True, text=True).stderr.count(
        "0 graph(s) written") == 1
