"""The SPARQL 1.1 Protocol endpoint (https://www.w3.org/TR/sparql11-protocol/), read-only.

* query via GET (``?query=``), POST form (``query=``) or POST direct
  (``application/sparql-query``); an update (``update=``, ``application/sparql-update``, or
  an update sent as a query) is refused with 403;
* SELECT and ASK answer SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE answer Turtle,
  JSON-LD, RDF/XML or N-Triples; chosen by ``Accept`` (q-values honoured), 406 if none fits;
* every query runs within the configured time limit and result cap;
* a GET without a query answers the SPARQL 1.1 Service Description.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from api.errors import BadRequest, Forbidden, NotAcceptable, QueryTooLong, TooLarge
from api.negotiation import choose
from graph.bounded import QueryTimeout, ResultTooLarge, UpdateRefused, query_form
from graph.namespaces import bind_prefixes
from graph.results import write_ask, write_select
from graph.store import QueryError

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

RESULTS = {  # media type -> result format, server preference first
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
GRAPHS = {  # media type -> rdflib serializer
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
    "text/plain": "nt",
}


def _answer(request: Request, sparql: str) -> Response:
    form = query_form(sparql)
    runner = request.app.state.queries
    try:
        if form is None:
            runner.run(sparql)  # an update is refused; anything else fails to parse
            raise BadRequest("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
        offered = list(GRAPHS if form == "construct" else RESULTS)
        media = choose(request.headers.get("accept"), offered)
        if media is None:
            raise NotAcceptable(f"cannot answer a {form.upper()} query as "
                                f"{request.headers.get('accept')}; offered: {', '.join(offered)}")
        answer = runner.run(sparql)
    except UpdateRefused as e:
        raise Forbidden(str(e)) from None
    except QueryTimeout as e:
        raise QueryTooLong(str(e)) from None
    except ResultTooLarge as e:
        raise TooLarge(str(e)) from None
    except QueryError as e:
        raise BadRequest(str(e)) from None
    if answer.form == "construct":
        g = Graph()
        bind_prefixes(g)
        for t in answer.triples:
            g.add(t)
        body = g.serialize(format=GRAPHS[media], encoding="utf-8")
    elif answer.form == "ask":
        body = write_ask(bool(answer.boolean), RESULTS[media])
    else:
        body = write_select(answer.variables, answer.rows, RESULTS[media])
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
    return Response(body, media_type=media + charset, headers={"Vary": "Accept"})


def _service_description(request: Request) -> Response:
    endpoint = URIRef(str(request.url_for("sparql_get")))
    g = Graph()
    g.bind("sd", SD)
    service = endpoint
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, endpoint))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "JSON-LD", "RDF_XML", "N-Triples"):
        g.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    settings = request.app.state.settings
    g.add((dataset, SD.defaultGraph, BNode()))
    g.add((service, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"), Literal(
        f"Read-only. Queries run at most {settings.sparql_timeout:g} s and return at most "
        f"{settings.sparql_max_rows} rows; the default graph is the union of all graphs.")))
    media = choose(request.headers.get("accept"), list(GRAPHS)) or "text/turtle"
    return Response(g.serialize(format=GRAPHS[media], encoding="utf-8"), media_type=media,
                    headers={"Vary": "Accept"})


@router.get("/sparql", name="sparql_get", summary="SPARQL 1.1 query (GET)",
            responses={200: {"content": {m: {} for m in (*RESULTS, *GRAPHS)}}})
def sparql_get(request: Request,
               query: Annotated[str | None, Query(max_length=100_000,
                                                  examples=["SELECT * WHERE { ?s ?p ?o } LIMIT 10"])] = None,
               update: Annotated[str | None, Query(include_in_schema=False)] = None):
    if update is not None:
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    if query is None:
        return _service_description(request)
    return _answer(request, query)


@router.post("/sparql", summary="SPARQL 1.1 query (POST, form or direct)",
             responses={200: {"content": {m: {} for m in (*RESULTS, *GRAPHS)}}})
async def sparql_post(request: Request):
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > 100_000:
        raise BadRequest("the request is larger than 100,000 bytes")
    if content_type == "application/sparql-update":
        raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
    if content_type == "application/sparql-query":
        text = body.decode("utf-8", errors="replace")
    elif content_type == "application/x-www-form-urlencoded":
        fields = parse_qs(body.decode("utf-8", errors="replace"))
        if "update" in fields:
            raise Forbidden("this endpoint is read-only: SPARQL updates are refused")
        if "query" not in fields:
            raise BadRequest("the form has no 'query' field")
        text = fields["query"][0]
    else:
        raise BadRequest("send the query as application/sparql-query or as a form "
                         "(application/x-www-form-urlencoded) with a 'query' field")
    return _answer(request, text)
