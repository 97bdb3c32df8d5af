"""Write SPARQL results in the W3C formats, from plain rows of RDF terms.

* SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)
* SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/)
* SPARQL 1.1 Query Results CSV and TSV Formats (https://www.w3.org/TR/sparql11-results-csv-tsv/)

Rows are written here rather than by the engine so that a result can be capped and checked
before a byte is sent, the same way whichever store answered.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

__all__ = ["RESULT_FORMATS", "write_select", "write_ask", "read_json_term"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RESULT_FORMATS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}


def _json_term(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and str(term.datatype) != XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def read_json_term(value: dict) -> Identifier:
    """An RDF term from its SPARQL 1.1 Query Results JSON form (the reverse of the above)."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != XSD_STRING:
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


def _xml_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(str(term))}</literal>"
    if term.datatype and str(term.datatype) != XSD_STRING:
        return f"<literal datatype={quoteattr(str(term.datatype))}>{escape(str(term))}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


_TURTLE_SHORT = {"http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#decimal",
                 "http://www.w3.org/2001/XMLSchema#boolean"}


def _tsv_term(term: Identifier) -> str:
    """A term in Turtle syntax, numbers and booleans abbreviated (section 4 of the spec)."""
    if isinstance(term, Literal) and not term.language:
        if not term.datatype or str(term.datatype) == XSD_STRING:
            return Literal(str(term)).n3()
        if str(term.datatype) in _TURTLE_SHORT:
            return str(term)
    return term.n3()


def write_select(variables: Sequence[str], rows: Sequence[dict[str, Identifier]], fmt: str) -> bytes:
    """A SELECT result in ``fmt`` ("json", "xml", "csv" or "tsv")."""
    if fmt == "json":
        body = {"head": {"vars": list(variables)},
                "results": {"bindings": [{v: _json_term(t) for v, t in row.items()} for row in rows]}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
                 "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables), "</head>",
                 "<results>"]
        for row in rows:
            parts.append("<result>")
            parts.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                         for v, t in row.items())
            parts.append("</result>")
        parts.append("</results>\n</sparql>\n")
        return "\n".join(parts).encode("utf-8")
    out = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([str(row[v]) if v in row else "" for v in variables])
    elif fmt == "tsv":
        out.write("\t".join(f"?{v}" for v in variables) + "\n")
        for row in rows:
            out.write("\t".join(_tsv_term(row[v]) if v in row else "" for v in variables) + "\n")
    else:
        raise ValueError(f"unknown result format {fmt!r}")
    return out.getvalue().encode("utf-8")


def write_ask(answer: bool, fmt: str) -> bytes:
    """An ASK result in ``fmt`` ("json", "xml", "csv" or "tsv")."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    if fmt == "xml":
        value = "true" if answer else "false"
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{value}</boolean></sparql>\n").encode()
    if fmt in ("csv", "tsv"):
        return (("true" if answer else "false") + "\n").encode()
    raise ValueError(f"unknown result format {fmt!r}")
