"""Measure the relationship endpoints: p50 and p99 latency over HTTP, on the corpus graph and
on a synthetic graph of about a million triples, against the same work done in-process (the
API's overhead) and against rdflib-endpoint serving the same data (a peer).

Run: ``.venv/bin/pip install -e ".[bench]" && .venv/bin/python bench/bench_api.py``
(``--documents 420`` synthetic documents, ``--requests 200`` per endpoint).

Every server runs as its own process on a free loopback port and is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api import views  # noqa: E402
from bench.synthetic import write_nquads  # noqa: E402
from etl.pipeline import BUNDLED_CORPUS, build  # noqa: E402
from graph import iris, queries  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402
from tests.engines import free_port, serve, stop  # noqa: E402

BASE = iris.DEFAULT_BASE
ROOT = Path(__file__).resolve().parent.parent
PEER_TIMEOUT = 120  # seconds a request to the peer may take before it is reported as such


def endpoints(meeting: int, number: int, symbol: str) -> list[tuple[str, str, object, list]]:
    """(name, HTTP path, in-process call, [(query, bindings)...]) for each relationship
    endpoint: the named queries the endpoint runs (a binding may be a function of the store,
    for a query bound to what an earlier one found)."""
    article = iris.article(BASE, "som-protocol", 6)
    doc = iris.document(BASE, symbol)
    rec = iris.recommendation(BASE, meeting, number)

    def citing(store):  # what the list endpoint's first query finds, bound into its second
        found = store.query(queries.load("recommendations-citing"), {"work": article}).rows
        return sorted(URIRef(r["recommendation"]) for r in found)

    return [
        ("recommendations by article", "/api/recommendations?instrument=som-protocol&article=6&limit=100",
         lambda s: views.recommendations(s, BASE, instrument="som-protocol", article=6),
         [("recommendations-citing", {"work": article}),
          ("recommendations", {"recommendation": citing})]),
        ("recommendation", f"/api/recommendations/{meeting}/{number}",
         lambda s: views.recommendation(s, BASE, meeting, number),
         [("recommendations", {"meeting": Literal(meeting)}),
          ("recommendation-parts", {"recommendation": rec}),
          ("articles-of-recommendation", {"recommendation": rec})]),
        ("article", "/api/instruments/som-protocol/articles/6",
         lambda s: views.article(s, BASE, "som-protocol", 6),
         [("recommendations-by-article", {"article": article}),
          ("recommendations-by-chapter", {"article": article}),
          ("paragraphs-by-article", {"article": article})]),
        ("document references", f"/api/documents/{symbol}/references?limit=100",
         lambda s: views.references(s, BASE, symbol), [("document-references", {"document": doc})]),
        ("document citations", f"/api/documents/{symbol}/citations?limit=100",
         lambda s: views.citations(s, BASE, symbol), [("documents-citing", {"document": doc})]),
        ("citation chain", f"/api/documents/{symbol}/chain?direction=out&depth=3&limit=100",
         lambda s: views.chain(s, BASE, symbol, "out", 3, 100),
         [("citation-chain", {"document": doc})]),
    ]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1e3, p99 * 1e3


def timed(call, runs: int) -> list[float]:
    call()  # warm
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t)
    return samples


def row(client, peer_client, store, endpoint, runs: int, peer_runs: int) -> None:
    name, path, call, rq = endpoint
    rq = [(q, {k: v(store) if callable(v) else v for k, v in b.items()}) for q, b in rq]
    http = percentiles(timed(lambda: client.get(path).raise_for_status(), runs))
    local = percentiles(timed(lambda: call(store), runs))
    direct = percentiles(timed(lambda: [store.query(queries.load(q), b) for q, b in rq], runs))
    texts = [queries.with_values(queries.load(q), b) for q, b in rq]
    try:
        other = percentiles(timed(lambda: [peer_client.get(
            "/sparql", params={"query": t}, headers={"Accept": "application/sparql-results+json"}
        ).raise_for_status() for t in texts], peer_runs))
        peer = f"{other[0]:>9.1f}/{other[1]:<8.1f}{other[0] / http[0]:>9.1f}x"
    except httpx.TimeoutException:
        peer = f"{'> ' + str(PEER_TIMEOUT) + ' s':>18}{'':>10}"
    print(f"{name:<28}{http[0]:>8.2f}/{http[1]:<7.2f}{local[0]:>8.2f}/{local[1]:<7.2f}"
          f"{http[0] / local[0]:>9.2f}x{direct[0]:>8.2f}/{direct[1]:<7.2f}{peer}", flush=True)


def measure(label: str, store_path: Path, data_nq: Path, ids: tuple[int, int, str], runs: int,
            peer_runs: int) -> None:
    port = free_port()
    env = dict(os.environ, SOMKG_STORE_PATH=str(store_path))
    server = serve([sys.executable, "-m", "somkg.cli", "serve", "--port", str(port)],
                   f"http://127.0.0.1:{port}/api/meetings", timeout=600, env=env)
    peer_port = free_port()
    peer = serve([sys.executable, str(ROOT / "bench" / "rdflib_peer.py"), str(data_nq), str(peer_port)],
                 f"http://127.0.0.1:{peer_port}/sparql?query=ASK%7B%7D", timeout=600)
    store = EmbeddedStore(store_path, read_only=True)
    print(f"\n{label}: {store.count():,} quads; p50 / p99 in milliseconds", flush=True)
    print(f"{'endpoint':<28}{'HTTP API':>16}{'in-process':>16}{'overhead':>10}{'.rq direct':>16}"
          f"{'rdflib-endpoint':>18}{'speed-up':>10}")
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client, \
                httpx.Client(base_url=f"http://127.0.0.1:{peer_port}", timeout=PEER_TIMEOUT) as peer_client:
            for endpoint in endpoints(*ids):
                row(client, peer_client, store, endpoint, runs, peer_runs)
    finally:
        store.close()
        for process in (server, peer):
            stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=420, help="synthetic documents")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--peer-requests", type=int, default=10, help="requests to the peer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = EmbeddedStore(tmp / "corpus")
        build(BUNDLED_CORPUS, corpus)
        (tmp / "corpus.nq").write_bytes(corpus.export("nq"))
        corpus.close()
        measure("Bundled corpus", tmp / "corpus", tmp / "corpus.nq", (5, 4, "CTOC/COP/WG.7/2020/3"),
                args.requests, args.peer_requests)

        t = time.perf_counter()
        write_nquads(tmp / "synthetic.nq", args.documents)
        synthetic = EmbeddedStore(tmp / "synthetic")
        synthetic.load_quads(tmp / "synthetic.nq")
        synthetic.close()
        print(f"\nsynthetic graph generated and loaded in {time.perf_counter() - t:.1f} s")
        measure(f"Synthetic graph ({args.documents} documents)", tmp / "synthetic",
                tmp / "synthetic.nq", (1, 5, "CTOC/COP/WG.7/2008/21"), args.requests,
                max(3, args.peer_requests // 3))


if __name__ == "__main__":
    main()
