"""Measure the build: the bundled corpus cold, ETL throughput at scale, and the rdflib baseline.

Run: ``.venv/bin/python bench/bench_build.py`` (``--repeat N``, ``--documents N``).

It prints, in one run:

1. a cold build of the bundled corpus into a fresh embedded (pyoxigraph, on disk) store,
   with the ETL, SHACL validation and load measured separately (median of N runs, wall
   and CPU time);
2. the same pipeline with rdflib's in-memory store as the baseline, and the ratio;
3. the latency of each competency query on both stores (median of many runs), and the ratio;
4. ETL throughput (read and map, one core) on a corpus made of the bundled texts repeated to
   at least ``--documents`` documents.

Figures depend on the machine; compare ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rdflib_store import RdflibMemoryStore  # noqa: E402
from etl.document import read_document  # noqa: E402
from etl.mapper import map_document  # noqa: E402
from etl.meetings import resolve_meetings  # noqa: E402
from etl.pipeline import BUNDLED_CORPUS, build  # noqa: E402
from etl.reference import load_reference  # noqa: E402
from etl.references import Matchers  # noqa: E402
from graph import queries  # noqa: E402
from graph.iris import DEFAULT_BASE  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402

ID = DEFAULT_BASE + "id/"
COMPETENCY = [
    ("recommendations-by-article", {"article": ID + "instrument/som-protocol/article/6"}),
    ("articles-of-recommendation", {"recommendation": ID + "recommendation/5/4"}),
    ("recommendations-per-meeting", {}),
    ("documents-cited-by", {"document": ID + "document/CTOC-COP-WG.7-2020-3"}),
    ("documents-citing", {"document": ID + "document/CTOC-COP-WG.7-2019-4"}),
    ("citation-chain", {"document": ID + "document/CTOC-COP-WG.7-2020-3"}),
    ("resolutions-cited", {}),
]


def timed_builds(make_store, repeat: int) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {"etl": [], "validation": [], "load": [], "total": [], "cpu": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = make_store(Path(tmp))
            cpu = time.process_time()
            report = build(BUNDLED_CORPUS, store)
            runs["cpu"].append(time.process_time() - cpu)
            store.close()
        assert report.ok, [o.reason for o in report.outcomes if not o.ok]
        for key in ("etl", "validation", "load", "total"):
            runs[key].append(report.timings[key])
    return runs


def query_latency(store, runs: int) -> dict[str, float]:
    out = {}
    for name, bindings in COMPETENCY:
        text = queries.load(name)
        terms = {k: URIRef(v) for k, v in bindings.items()}
        store.query(text, terms)  # warm
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            store.query(text, terms)
            samples.append(time.perf_counter() - t)
        out[name] = statistics.median(samples)
    return out


def etl_throughput(documents: int) -> tuple[int, float, float, float]:
    reference = load_reference()
    matchers = Matchers.build(reference)
    seeds = [(p.name, p.read_bytes()) for p in sorted(BUNDLED_CORPUS.glob("*.txt"))]
    corpus = [(f"{i:05d}-{name}", data) for i in range(-(-documents // len(seeds)))
              for name, data in seeds]
    size = sum(len(d) for _, d in corpus)
    t = time.perf_counter()
    records = [read_document(name, data, reference, matchers) for name, data in corpus]
    read = time.perf_counter() - t
    t = time.perf_counter()
    registry = resolve_meetings(records)
    triples = sum(len(map_document(r, registry, DEFAULT_BASE)) for r in records)
    mapped = time.perf_counter() - t
    del triples
    return len(corpus), size, read, mapped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="cold builds per store (median)")
    parser.add_argument("--documents", type=int, default=1000, help="documents for throughput")
    parser.add_argument("--query-runs", type=int, default=30, help="runs per query (median)")
    args = parser.parse_args()

    build(BUNDLED_CORPUS, RdflibMemoryStore())  # warm imports and caches out of the figures

    ox = timed_builds(lambda tmp: EmbeddedStore(tmp / "store"), args.repeat)
    rl = timed_builds(lambda tmp: RdflibMemoryStore(), args.repeat)
    med = {k: statistics.median(v) for k, v in ox.items()}
    base = {k: statistics.median(v) for k, v in rl.items()}
    print(f"Cold build of the bundled corpus (5 documents), median of {args.repeat} runs, seconds")
    print(f"{'stage':<12}{'pyoxigraph':>12}{'rdflib mem':>12}{'ratio':>8}")
    for key in ("etl", "validation", "load", "total", "cpu"):
        print(f"{key:<12}{med[key]:>12.3f}{base[key]:>12.3f}{med[key] / base[key]:>8.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        build(BUNDLED_CORPUS, store)
        ox_q = query_latency(store, args.query_runs)
        store.close()
    memory = RdflibMemoryStore()
    build(BUNDLED_CORPUS, memory)
    rl_q = query_latency(memory, max(5, args.query_runs // 3))
    print("\nCompetency query latency on the corpus graph, median, milliseconds")
    print(f"{'query':<30}{'pyoxigraph':>12}{'rdflib mem':>12}{'speed-up':>10}")
    for name, _ in COMPETENCY:
        print(f"{name:<30}{ox_q[name] * 1e3:>12.2f}{rl_q[name] * 1e3:>12.2f}"
              f"{rl_q[name] / ox_q[name]:>10.1f}")

    n, size, read, mapped = etl_throughput(args.documents)
    print(f"\nETL throughput, one core, {n} documents ({size / 1e6:.1f} MB, the bundled texts repeated)")
    print(f"read (normalize, parse, extract): {read:.2f} s, {n / read:.0f} documents/s, "
          f"{size / read / 1e6:.2f} MB/s")
    print(f"map to RDF:                       {mapped:.2f} s, {n / mapped:.0f} documents/s")
    print(f"read and map:                     {n / (read + mapped):.0f} documents/s")


if __name__ == "__main__":
    main()
