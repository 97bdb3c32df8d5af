"""The RDF namespaces somkg uses, in one place."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "SOMKG", "ELI", "ELI_DL", "CITO", "FABIO", "DOCO", "OA", "UNDO", "ALLOT", "ORG", "SCHEMA",
    "FOAF", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "PREFIXES", "bind_prefixes",
]

SOMKG = Namespace("https://w3id.org/somkg/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
FABIO = Namespace("http://purl.org/spar/fabio/")
DOCO = Namespace("http://purl.org/spar/doco/")
OA = Namespace("http://www.w3.org/ns/oa#")
UNDO = Namespace("https://w3id.org/un/ontology/undo/")
ALLOT = Namespace("https://w3id.org/akn/ontology/allot/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

PREFIXES = {
    "somkg": SOMKG, "eli": ELI, "eli-dl": ELI_DL, "cito": CITO, "fabio": FABIO, "doco": DOCO,
    "oa": OA, "undo": UNDO, "allot": ALLOT, "org": ORG, "schema": SCHEMA, "foaf": FOAF,
    "dcterms": DCTERMS, "owl": OWL, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "skos": SKOS,
    "xsd": XSD,
}


def bind_prefixes(graph) -> None:
    """Bind the somkg prefixes on an rdflib graph, so serializations are readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
