"""A versioned dump of the whole dataset, for other systems to load without a manual.

``dump(store, folder)`` writes ``somkg-<build time>/`` holding the graph in every RDF format
(N-Quads and TriG with the named graphs; Turtle, N-Triples, RDF/XML with the union; JSON-LD
with the named graphs, compacted with the published context), the ontology with its
alignments, the shapes, the JSON-LD context, the CSV tables, the VoID and DCAT description
(``void.ttl``, naming every file with its size and checksum) and ``manifest.json``: counts,
the SHA-256 of each file and of each source document, the ontology's version and the build
time. The folder is written under a temporary name and renamed when complete, so a dump is
never seen half-written.

Engines whose default graph is the bag of all graphs (Virtuoso) should load ``graph.nq``
and also ``union.nt`` into a graph of its own, and read that graph as the default graph
(``default-graph-uri``): the union then has each triple once, as in somkg's own stores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL

from graph import iris, queries
from graph.jsonld import CONTEXT_PATH
from graph.store import Store
from graph.tables import TABLES, table
from graph.void import Distribution, describe_dataset

__all__ = ["RDF_FILES", "DumpManifest", "dump", "UNION_GRAPH"]

# file in the dump -> (store export format, media type)
RDF_FILES = {
    "graph.nq": ("nq", "application/n-quads"),
    "graph.trig": ("trig", "application/trig"),
    "graph.jsonld": ("jsonld", "application/ld+json"),
    "graph.ttl": ("ttl", "text/turtle"),
    "union.nt": ("nt", "application/n-triples"),
    "graph.rdf": ("xml", "application/rdf+xml"),
}
UNION_GRAPH = "graph/union"  # under the base: where engines without a set union load union.nt


@dataclass(frozen=True)
class DumpManifest:
    folder: Path
    manifest: dict


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _counts(store: Store) -> dict:
    counts = {row["kind"].toPython(): int(row["count"])
              for row in store.query(queries.load("stats-counts")).rows}
    totals = store.query(queries.load("void-totals")).rows[0]
    counts.update({"quads": store.count(), "triples (union)": int(totals["triples"]),
                   "named graphs": int(totals["graphs"])})
    return counts


def dump(store: Store, folder: Path, base: str, ontology: Graph, shapes_path: Path,
         package_version: str) -> DumpManifest:
    """Write a dump of ``store`` into a new folder under ``folder`` (see the module)."""
    totals = store.query(queries.load("void-totals")).rows[0]
    built = totals.get("built")
    stamp = (dt.datetime.fromisoformat(str(built)) if built else dt.datetime.now(dt.UTC))
    version = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    ontology_version = str(next(ontology.objects(iris.ONTOLOGY, OWL.versionInfo), ""))
    final = folder / f"somkg-{version}"
    partial = folder / f".somkg-{version}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "tables").mkdir(parents=True)

    files: dict[str, tuple[bytes, str]] = {}
    for name, (fmt, media) in RDF_FILES.items():
        files[name] = (store.export(fmt), media)
    files["ontology.ttl"] = (ontology.serialize(format="turtle", encoding="utf-8"), "text/turtle")
    files["shapes.ttl"] = (shapes_path.read_bytes(), "text/turtle")
    files["context.jsonld"] = (CONTEXT_PATH.read_bytes(), "application/ld+json")
    for name in TABLES:
        files[f"tables/{name}.csv"] = (table(store, name), "text/csv")
    distributions = [Distribution(name, media, len(data), _sha256(data))
                     for name, (data, media) in files.items()]
    void = describe_dataset(store, base, version, distributions, dump_url=None)
    files["void.ttl"] = (void.serialize(format="turtle", encoding="utf-8"), "text/turtle")

    for name, (data, _) in files.items():
        (partial / name).write_bytes(data)
    manifest = {
        "dataset": "somkg",
        "version": version,
        "built": str(built) if built else None,
        "dumped": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "ontology_version": ontology_version,
        "somkg_version": package_version,
        "base_iri": base,
        "union_graph": base + UNION_GRAPH,
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "counts": _counts(store),
        "files": [{"path": name, "media_type": media, "bytes": len(data), "sha256": _sha256(data)}
                  for name, (data, media) in files.items()],
        "sources": [{"file": str(r["name"]), "sha256": str(r["sha256"]),
                     "document": str(r["document"]) if "document" in r else None}
                    for r in store.query(queries.load("source-files")).rows],
    }
    (partial / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    if final.exists():
        shutil.rmtree(final)
    partial.rename(final)
    return DumpManifest(final, manifest)
