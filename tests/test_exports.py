"""Exports for other systems: the versioned dump and its manifest, the VoID/DCAT
description, the JSON-LD context, the CSV tables, the AKN4UN aliases and the alignments."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from etl.pipeline import BUNDLED_CORPUS
from etl.validation import ALIGNMENTS_PATH, ONTOLOGY_PATH, SHAPES_PATH, load_ontology
from graph import iris, queries
from graph.dump import RDF_FILES, dump
from graph.jsonld import context
from graph.namespaces import SOMKG
from graph.store import EmbeddedStore
from graph.void import VOID, dataset_iri, describe_dataset
from tests.conftest import BASE


@pytest.fixture(scope="module")
def dumped(corpus_store, tmp_path_factory):
    return dump(corpus_store, tmp_path_factory.mktemp("dump"), BASE, load_ontology(), SHAPES_PATH,
                "test")


def _named_quads(data: bytes, fmt: str) -> set:
    ds = Dataset()
    ds.parse(data=data, format=fmt)
    return {q for q in ds.quads() if q[3] is not None and str(q[3]) != "urn:x-rdflib:default"}


def test_the_manifest_names_every_file_with_its_size_and_checksum(dumped):
    files = {f["path"]: f for f in dumped.manifest["files"]}
    on_disk = {str(p.relative_to(dumped.folder)) for p in dumped.folder.rglob("*") if p.is_file()}
    assert on_disk == set(files) | {"manifest.json"}
    for path, entry in files.items():
        data = (dumped.folder / path).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert dumped.folder.name == f"somkg-{dumped.manifest['version']}"
    assert json.loads((dumped.folder / "manifest.json").read_text())["version"] == dumped.manifest["version"]


def test_the_manifest_has_each_source_document_checksum_and_the_counts(dumped, corpus_store):
    expected = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in BUNDLED_CORPUS.iterdir()
                if p.is_file()}
    assert {s["file"]: s["sha256"] for s in dumped.manifest["sources"]} == expected
    assert all(s["document"].startswith(BASE + "id/document/") for s in dumped.manifest["sources"])
    counts = dumped.manifest["counts"]
    assert counts["quads"] == corpus_store.count()
    recommendations = corpus_store.query(
        "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a ?c }", {"c": SOMKG.Recommendation}).rows[0]["n"]
    assert counts["recommendations"] == int(recommendations) > 100
    assert dumped.manifest["ontology_version"] == "0.1.0"
    assert dumped.manifest["built"].startswith("20")


def test_every_rdf_file_of_the_dump_holds_the_graph(dumped):
    quads = _named_quads((dumped.folder / "graph.nq").read_bytes(), "nquads")
    union = {(s, p, o) for s, p, o, _ in quads}
    for name, (fmt, _) in RDF_FILES.items():
        rdflib_format = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld", "ttl": "turtle",
                         "nt": "nt", "xml": "xml"}[fmt]
        data = (dumped.folder / name).read_bytes()
        if fmt in ("nq", "trig", "jsonld"):
            assert _named_quads(data, rdflib_format) == quads, name
        else:
            assert set(Graph().parse(data=data, format=rdflib_format)) == union, name
    assert isomorphic(Graph().parse(dumped.folder / "ontology.ttl"), load_ontology())
    assert (dumped.folder / "shapes.ttl").read_bytes() == SHAPES_PATH.read_bytes()


def test_the_json_ld_is_compacted_with_the_published_context(dumped, api):
    published = api.get("/context.jsonld")
    assert published.status_code == 200
    assert published.headers["content-type"].startswith("application/ld+json")
    document = json.loads((dumped.folder / "graph.jsonld").read_bytes())
    assert document["@context"] == published.json()["@context"] == context()
    text = json.dumps(document)
    assert '"somkg:number"' in text and "https://w3id.org/somkg/ontology#number" not in text
    answer = api.get("/doc/instrument/som-protocol/article/6", headers={"Accept": "application/ld+json"})
    assert answer.json()["@context"] == context()


def test_the_dump_loads_into_a_real_sparql_server(dumped, oxigraph):
    oxigraph.clear()
    for name, media in (("graph.nq", "application/n-quads"), ("union.nt", "application/n-triples")):
        response = httpx.post(f"{oxigraph.url}/store" + ("" if name.endswith(".nq") else "?default"),
                              content=(dumped.folder / name).read_bytes(),
                              headers={"Content-Type": media}, timeout=60)
        assert response.status_code in (200, 201, 204), response.text
    server = oxigraph.store()
    assert server.count() == dumped.manifest["counts"]["quads"]
    local = EmbeddedStore()
    local.load_quads(dumped.folder / "graph.nq")
    for name in ("recommendations-per-meeting", "resolutions-cited", "document-citations"):
        there = server.query(queries.load(name)).rows
        assert there and there == local.query(queries.load(name)).rows, name


def test_the_void_counts_match_the_store(corpus_store):
    void = describe_dataset(corpus_store, BASE, "test")
    ds = dataset_iri(BASE)
    triples = corpus_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    assert void.value(ds, VOID.triples) == Literal(int(triples), datatype=XSD.integer)
    partitions = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities))
                  for p in void.objects(ds, VOID.classPartition)}
    for cls in (SOMKG.Recommendation, SOMKG.Meeting, SOMKG.Citation):
        count = corpus_store.query("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c }", {"c": cls})
        assert partitions[cls] == int(count.rows[0]["n"]) > 0
    properties = {void.value(p, VOID.property): int(void.value(p, VOID.triples))
                  for p in void.objects(ds, VOID.propertyPartition)}
    assert sum(properties.values()) == int(triples)
    assert len(set(void.objects(ds, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))) == 5
    assert (ds, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in void
    assert void.value(ds, URIRef("http://purl.org/dc/terms/license")) is not None


def test_the_void_in_the_dump_names_each_file_with_its_checksum(dumped):
    void = Graph().parse(dumped.folder / "void.ttl")
    sums = {str(o) for o in void.objects(None, URIRef("http://spdx.org/rdf/terms#checksumValue"))}
    assert {f["sha256"] for f in dumped.manifest["files"] if f["path"] != "void.ttl"} <= sums


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         ("application/rdf+xml", "xml")])
def test_the_void_is_served_at_the_well_known_address(api, accept, fmt):
    response = api.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200 and "Accept" in response.headers["vary"]
    g = Graph().parse(data=response.content, format=fmt)
    assert (dataset_iri(BASE), RDF.type, VOID.Dataset) in g
    assert api.get("/.well-known/void.ttl").status_code == 200


def test_the_csv_tables_open_as_spreadsheets(dumped, corpus_store):
    def rows(name):
        data = (dumped.folder / "tables" / f"{name}.csv").read_bytes()
        assert data.startswith("\ufeff".encode())  # spreadsheets then read UTF-8
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))

    recommendations = rows("recommendations")
    assert len(recommendations) == dumped.manifest["counts"]["recommendations"]
    assert {"meeting", "number", "text"} <= set(recommendations[0])
    assert any("Протокол" in r["text"] for r in recommendations)
    links = rows("recommendation-articles")
    article6 = {(r["meeting"], r["number"]) for r in links
                if r["instrument"] == "som-protocol" and r["articleNumber"] == "6"}
    direct = corpus_store.query(queries.load("recommendations-by-article"),
                                {"article": iris.article(BASE, "som-protocol", 6)}).rows
    assert article6 == {(str(r["meeting"]), str(r["number"])) for r in direct}
    citations = rows("document-citations")
    assert citations and all(r["citing"].startswith(BASE) for r in citations)
    assert {r["ordinal"] for r in rows("meetings")} >= {"1", "7"}


def test_every_document_has_its_akn_alias_and_undocs_address(corpus_store, api):
    rows = corpus_store.query("""SELECT ?d ?symbol ?alias ?undocs WHERE {
        ?d a <https://w3id.org/somkg/ontology#Document> ; <http://www.w3.org/2002/07/owl#sameAs> ?alias .
        OPTIONAL { ?d <https://w3id.org/somkg/ontology#symbol> ?symbol ;
                      <https://w3id.org/somkg/ontology#undocsPage> ?undocs } }""").rows
    documents = corpus_store.query("SELECT DISTINCT ?d WHERE { ?d a ?c }", {"c": SOMKG.Document}).rows
    assert len(rows) == len(documents)
    for row in rows:
        if "symbol" in row:
            assert row["alias"] == iris.akn_alias(BASE, str(row["symbol"]))
            assert str(row["undocs"]) == f"https://undocs.org/{row['symbol']}"
    response = api.get("/akn/un/doc/CTOC-COP-WG.7/2020/3", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/doc/document/CTOC-COP-WG.7-2020-3"
    assert api.get("/akn/un/doc/CTOC-COP-WG.7/2020/999", follow_redirects=False).status_code == 404


@pytest.mark.parametrize("symbol, alias", [
    ("CTOC/COP/WG.7/2020/3", "akn/un/doc/CTOC-COP-WG.7/2020/3"),
    ("CTOC/COP/WG.7/2020/L.1/Add.1", "akn/un/doc/CTOC-COP-WG.7/2020/L.1-Add.1"),
    ("A/RES/74/247", "akn/un/doc/A-RES-74/undated/247"),  # no year in the symbol
    ("E/2019/15", "akn/un/doc/E/2019/15"),
    ("CTOC/COP/2020", "akn/un/doc/CTOC-COP/undated/2020"),  # a year that ends it is a number
])
def test_akn_alias_rule(symbol, alias):
    assert iris.akn_alias(BASE, symbol) == URIRef(BASE + alias)


def test_alignments_name_only_terms_the_ontology_defines():
    ontology = Graph().parse(ONTOLOGY_PATH)
    alignments = Graph().parse(ALIGNMENTS_PATH)
    ours = {t for triple in alignments for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(SOMKG))}
    assert ours and all((t, RDFS.label, None) in ontology for t in ours), sorted(
        t for t in ours if (t, RDFS.label, None) not in ontology)
    targets = {str(o) for o in alignments.objects() if isinstance(o, URIRef)}
    for vocabulary in ("https://w3id.org/un/ontology/undo/", "https://w3id.org/akn/ontology/allot/",
                       "http://data.europa.eu/eli/ontology#", "https://schema.org/",
                       "http://purl.org/spar/cito/", "http://purl.org/spar/fabio/"):
        assert any(t.startswith(vocabulary) for t in targets), vocabulary
    assert (URIRef("http://purl.org/spar/cito/cites"), RDFS.subPropertyOf,
            URIRef("https://schema.org/citation")) in load_ontology()
    assert (URIRef("https://w3id.org/somkg/ontology/alignments"), OWL.imports, None) in alignments
