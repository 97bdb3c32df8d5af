"""The dataset described for other systems: VoID (statistics, partitions, the SPARQL
endpoint) and DCAT (title, licence, sources, distributions), in one graph.

Every figure is read from the store by the ``void-*`` queries when the description is made,
so the description says what the store holds. Served at ``/.well-known/void`` (RFC 5785, as
the VoID specification recommends) and written into every dump.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef

from graph import queries
from graph.namespaces import DCTERMS, OWL, PROV, RDF, SOMKG, XSD, bind_prefixes
from graph.store import Store

__all__ = ["VOID", "DCAT", "SPDX", "Distribution", "dataset_iri", "describe_dataset"]

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
VOCABULARIES = ("https://w3id.org/somkg/ontology#", "http://data.europa.eu/eli/ontology#",
                "http://purl.org/spar/cito/", "http://purl.org/spar/fabio/",
                "http://www.w3.org/ns/oa#", "http://purl.org/dc/terms/",
                "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#")


@dataclass(frozen=True)
class Distribution:
    """A file of a dump: its name within the dump, media type, size and SHA-256."""

    name: str
    media_type: str
    size: int
    sha256: str


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}.well-known/void#somkg")


def _int(row: dict, name: str) -> Literal:
    return Literal(int(row[name]), datatype=XSD.integer)


def describe_dataset(store: Store, base: str, version: str,
                     distributions: Iterable[Distribution] = (), dump_url: str | None = None
                     ) -> Graph:
    """The VoID and DCAT description of what ``store`` holds. ``distributions`` are the
    files of a dump, addressed relative to ``dump_url`` (default: the dump's own folder)."""
    g = Graph()
    bind_prefixes(g)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("spdx", SPDX)
    ds = dataset_iri(base)
    add = g.add
    for cls in (VOID.Dataset, DCAT.Dataset):
        add((ds, RDF.type, cls))
    add((ds, DCTERMS.title, Literal("somkg: the UN Working Group on the Smuggling of Migrants", lang="en")))
    add((ds, DCTERMS.title, Literal("somkg: Рабочая группа ООН по незаконному ввозу мигрантов", lang="ru")))
    add((ds, DCTERMS.description, Literal(
        "Meetings, recommendations, the articles of the Smuggling of Migrants Protocol and of the "
        "Organized Crime Convention they refer to, and which documents cite which, extracted from "
        "UN documents, with the source span of every link.", lang="en")))
    add((ds, DCTERMS.license, LICENCE))
    add((ds, OWL.versionInfo, Literal(version)))
    add((ds, DCAT.version, Literal(version)))
    add((ds, DCAT.landingPage, URIRef(base)))
    add((ds, DCAT.keyword, Literal("smuggling of migrants", lang="en")))
    add((ds, DCAT.keyword, Literal("незаконный ввоз мигрантов", lang="ru")))
    add((ds, VOID.sparqlEndpoint, URIRef(f"{base}sparql")))
    add((ds, VOID.uriSpace, Literal(f"{base}id/")))
    add((ds, VOID.exampleResource, URIRef(f"{base}id/instrument/som-protocol/article/6")))
    add((ds, VOID.rootResource, URIRef(f"{base}id/instrument/som-protocol")))
    for vocabulary in VOCABULARIES:
        add((ds, VOID.vocabulary, URIRef(vocabulary)))
    add((ds, DCTERMS.conformsTo, URIRef(f"{base}shapes")))

    totals = store.query(queries.load("void-totals")).rows[0]
    for prop, name in ((VOID.triples, "triples"), (VOID.entities, "subjects"),
                       (VOID.distinctSubjects, "subjects"), (VOID.distinctObjects, "objects"),
                       (VOID.properties, "properties"), (VOID.classes, "classes")):
        add((ds, prop, _int(totals, name)))
    if "built" in totals:
        add((ds, DCTERMS.modified, totals["built"]))
    for row in store.query(queries.load("void-classes")).rows:
        part = BNode()
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], row["class"]))
        add((part, VOID.entities, _int(row, "entities")))
    for row in store.query(queries.load("void-properties")).rows:
        part = BNode()
        add((ds, VOID.propertyPartition, part))
        add((part, VOID.property, row["property"]))
        add((part, VOID.triples, _int(row, "triples")))
    for row in store.query(queries.load("source-files")).rows:
        add((ds, PROV.wasDerivedFrom, row["source"]))
        add((row["source"], DCTERMS.title, row["name"]))
        add((row["source"], SOMKG.sha256, row["sha256"]))
        if "document" in row:
            add((ds, DCTERMS.source, row["document"]))

    endpoint = BNode()
    add((ds, DCAT.distribution, endpoint))
    add((endpoint, RDF.type, DCAT.Distribution))
    add((endpoint, DCAT.accessURL, URIRef(f"{base}sparql")))
    add((endpoint, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    for d in distributions:
        node = URIRef(f"{dump_url}{d.name}") if dump_url else BNode()
        add((ds, DCAT.distribution, node))
        add((node, RDF.type, DCAT.Distribution))
        add((node, DCTERMS.title, Literal(d.name)))
        add((node, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{d.media_type}")))
        add((node, DCAT.byteSize, Literal(d.size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode()
        add((node, SPDX.checksum, checksum))
        add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        add((checksum, SPDX.checksumValue, Literal(d.sha256, datatype=XSD.hexBinary)))
    return g
