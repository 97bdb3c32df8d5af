"""What the remote path costs: the embedded store against a real Oxigraph server, on the
same data, through the same store interface the API uses.

Run: ``.venv/bin/pip install -e ".[bench]" && .venv/bin/python bench/bench_remote.py``
(``--documents 420`` synthetic documents, about a million triples; ``--requests 100``).

It prints, in one run:

1. building the bundled corpus straight into each store (ETL, validation, load), median of
   ``--repeat`` runs, and the ratio;
2. loading the synthetic graph: bulk into the embedded store (``load_quads``), then
   ``somkg push`` of it, named graph by named graph over SPARQL 1.1 Update, into an empty
   Oxigraph server, and a second push that finds nothing to change;
3. p50 and p99 latency of each relationship query (what each API endpoint runs) on each
   store, and the ratio remote / embedded.

The server runs on a free loopback port with its data in a temporary folder and is stopped
at the end. Figures depend on the machine; compare the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_api import endpoints, percentiles, timed  # noqa: E402
from bench.synthetic import write_nquads  # noqa: E402
from etl.pipeline import BUNDLED_CORPUS, build  # noqa: E402
from graph.push import push  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402
from tests.engines import OxigraphServer  # noqa: E402


def builds(tmp: Path, server: OxigraphServer, repeat: int) -> None:
    embedded, remote = [], []
    for i in range(repeat):
        store = EmbeddedStore(tmp / f"build-{i}")
        t = time.perf_counter()
        build(BUNDLED_CORPUS, store)
        embedded.append(time.perf_counter() - t)
        store.close()
        server.clear()
        t = time.perf_counter()
        build(BUNDLED_CORPUS, server.store())
        remote.append(time.perf_counter() - t)
    e, r = statistics.median(embedded), statistics.median(remote)
    print(f"build of the bundled corpus (median of {repeat}): embedded {e:.2f} s, "
          f"Oxigraph server {r:.2f} s, ratio {r / e:.2f}x", flush=True)


def loads(tmp: Path, server: OxigraphServer, documents: int) -> EmbeddedStore:
    data = tmp / "synthetic.nq"
    write_nquads(data, documents)
    store = EmbeddedStore(tmp / "synthetic")
    t = time.perf_counter()
    store.load_quads(data)
    bulk = time.perf_counter() - t
    print(f"\nsynthetic graph: {store.count():,} quads in {len(store.named_graphs())} named graphs",
          flush=True)
    print(f"embedded bulk load (load_quads, union included): {bulk:.1f} s", flush=True)
    server.clear()
    remote = server.store()
    t = time.perf_counter()
    first = push(store, remote, "https://w3id.org/somkg/")
    pushed = time.perf_counter() - t
    t = time.perf_counter()
    second = push(store, remote, "https://w3id.org/somkg/")
    again = time.perf_counter() - t
    print(f"push into an empty Oxigraph server (SPARQL Update, {len(first.written)} graphs): "
          f"{pushed:.1f} s, {pushed / bulk:.1f}x the bulk load", flush=True)
    print(f"push again ({len(second.written)} written, {len(second.unchanged)} unchanged): "
          f"{again:.1f} s", flush=True)
    assert remote.count() == store.count(), "the push lost quads"
    return store


def latencies(embedded: EmbeddedStore, server: OxigraphServer, runs: int,
              ids: tuple[int, int, str]) -> None:
    remote = server.store()
    print(f"\nrelationship queries, {runs} runs each; p50 / p99 in milliseconds")
    print(f"{'endpoint':<28}{'embedded':>16}{'Oxigraph server':>18}{'ratio p50':>11}")
    for name, _, call, _ in endpoints(*ids):
        local = percentiles(timed(lambda call=call: call(embedded), runs))
        over = percentiles(timed(lambda call=call: call(remote), runs))
        print(f"{name:<28}{local[0]:>8.2f}/{local[1]:<7.2f}{over[0]:>10.2f}/{over[1]:<7.2f}"
              f"{over[0] / local[0]:>10.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=420, help="synthetic documents")
    parser.add_argument("--requests", type=int, default=100, help="runs of each query")
    parser.add_argument("--repeat", type=int, default=3, help="builds of the bundled corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = OxigraphServer(tmp / "oxigraph", timeout=600)
        try:
            builds(tmp, server, args.repeat)
            corpus = EmbeddedStore(tmp / "build-0", read_only=True)
            print("\nBundled corpus", end="")
            latencies(corpus, server, args.requests, (5, 4, "CTOC/COP/WG.7/2020/3"))
            corpus.close()
            synthetic = loads(tmp, server, args.documents)
            print(f"\nSynthetic graph ({args.documents} documents)", end="")
            latencies(synthetic, server, args.requests, (1, 5, "CTOC/COP/WG.7/2008/21"))
            synthetic.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
