"""Shared fixtures: the reference data, the name matchers, a real Oxigraph server, and the
bundled corpus built once into each kind of store (each test that writes gets its own
store).

Tests that use ``corpus_store`` (and the API fixtures over it) run twice: on the embedded
store and on a remote store, a real Oxigraph server started on a free loopback port, built
straight into it with ``build``. Both must give the same answers."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from api import create_app
from etl.pipeline import BUNDLED_CORPUS, build
from etl.reference import load_reference
from etl.references import Matchers, ReferenceReader
from graph.iris import DEFAULT_BASE
from graph.store import EmbeddedStore
from somkg.settings import Settings
from tests.engines import OxigraphServer, free_port

BASE = DEFAULT_BASE


@pytest.fixture(scope="session")
def reference():
    return load_reference()


@pytest.fixture(scope="session")
def matchers(reference):
    return Matchers.build(reference)


@pytest.fixture
def reader(reference, matchers):
    return ReferenceReader(reference, matchers)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server for tests that write (clear it first), stopped at the end."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="session", params=["embedded", "remote"])
def built(request, tmp_path_factory):
    """The bundled corpus built into a store of each kind, with the build report."""
    if request.param == "embedded":
        # as `somkg build` then `somkg serve` do: the build writes and closes the store, and
        # the store is served read-only (query workers open it read-only too, which is
        # undefined while a writer holds it open)
        path = tmp_path_factory.mktemp("store") / "store"
        writer = EmbeddedStore(path)
        report = build(BUNDLED_CORPUS, writer, BASE)
        writer.close()
        store = EmbeddedStore(path, read_only=True)
        yield store, report
        store.close()
        return
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-corpus"))
    store = server.store()
    try:
        yield store, build(BUNDLED_CORPUS, store, BASE)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def embedded_corpus(tmp_path_factory):
    """The bundled corpus built into an embedded store of its own (for pushing from)."""
    path = tmp_path_factory.mktemp("embedded") / "store"
    store = EmbeddedStore(path)
    build(BUNDLED_CORPUS, store, BASE)
    yield store
    store.close()


@pytest.fixture(scope="session")
def corpus_store(built):
    return built[0]


@pytest.fixture(scope="session")
def server_url(corpus_store, tmp_path_factory):
    """The app serving the corpus store over real HTTP on a free loopback port. Public SPARQL
    queries get 3 seconds and 2,000 rows, so the limits can be tested quickly."""
    port = free_port()
    settings = Settings(store_path=tmp_path_factory.mktemp("unused"), base_iri=BASE,
                        sparql_timeout=3, sparql_max_rows=2000, sparql_workers=1)
    server = uvicorn.Server(uvicorn.Config(create_app(settings, corpus_store), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def api(server_url):
    with httpx.Client(base_url=server_url, timeout=30) as client:
        yield client


def corpus_file(prefix: str) -> Path:
    """A bundled corpus file by its number prefix, for tests that read one file."""
    return next(BUNDLED_CORPUS.glob(f"{prefix}_*.txt"))
