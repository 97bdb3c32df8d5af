"""The RDF namespaces somkg uses, in one place."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "SOMKG", "ELI", "ELI_DL", "CITO", "FABIO", "DOCO", "OA", "UNDO", "ALLOT", "ORG", "SCHEMA",
    "FOAF", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD", "PREFIXES", "bind_prefixes",
]

class _Namespace(Namespace):
    """A namespace that makes each of its terms once: the mapper asks for them per triple."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.term(name)
        self.__dict__[name] = term
        return term


SOMKG = _Namespace("https://w3id.org/somkg/ontology#")
ELI = _Namespace("http://data.europa.eu/eli/ontology#")
ELI_DL = _Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
CITO = _Namespace("http://purl.org/spar/cito/")
FABIO = _Namespace("http://purl.org/spar/fabio/")
DOCO = _Namespace("http://purl.org/spar/doco/")
OA = _Namespace("http://www.w3.org/ns/oa#")
UNDO = _Namespace("https://w3id.org/un/ontology/undo/")
ALLOT = _Namespace("https://w3id.org/akn/ontology/allot/")
ORG = _Namespace("http://www.w3.org/ns/org#")
SCHEMA = _Namespace("https://schema.org/")
FOAF = _Namespace("http://xmlns.com/foaf/0.1/")

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
