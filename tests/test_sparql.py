"""The SPARQL 1.1 Protocol endpoint, with a real client (SPARQLWrapper) over real HTTP."""

from __future__ import annotations

import csv
import io
import json
from urllib.error import HTTPError

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

MEETINGS = """PREFIX somkg: <https://w3id.org/somkg/ontology#>
SELECT ?meeting ?ordinal WHERE { ?meeting a somkg:Meeting ; somkg:ordinal ?ordinal } ORDER BY ?ordinal"""
SESSIONS = """PREFIX somkg: <https://w3id.org/somkg/ontology#>
CONSTRUCT { ?s a somkg:Session ; somkg:ordinal ?n } WHERE { ?s a somkg:Session ; somkg:ordinal ?n }"""


def client(server_url, query, fmt=None, method="GET"):
    sparql = SPARQLWrapper(f"{server_url}/sparql")
    sparql.setQuery(query)
    sparql.setMethod(method)
    if fmt:
        sparql.setReturnFormat(fmt)
    return sparql


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_in_json(server_url, method):
    result = client(server_url, MEETINGS, JSON, method).query().convert()
    assert [int(b["ordinal"]["value"]) for b in result["results"]["bindings"]] == [1, 2, 3, 4, 5, 6, 7, 9]
    assert result["results"]["bindings"][0]["ordinal"]["datatype"].endswith("#integer")


def test_select_in_xml_csv_and_tsv(server_url):
    xml = client(server_url, MEETINGS, XML).query().convert()
    assert len(xml.getElementsByTagName("result")) == 8
    rows = list(csv.reader(io.StringIO(client(server_url, MEETINGS, CSV).query().convert().decode())))
    assert rows[0] == ["meeting", "ordinal"] and rows[1] == ["https://w3id.org/somkg/id/meeting/1", "1"]
    tsv = client(server_url, MEETINGS, TSV).query().convert().decode().splitlines()
    assert tsv[0] == "?meeting\t?ordinal" and tsv[1] == "<https://w3id.org/somkg/id/meeting/1>\t1"


def test_ask(server_url):
    assert client(server_url, "ASK { ?s a <https://w3id.org/somkg/ontology#Meeting> }", JSON).query().convert()["boolean"]


@pytest.mark.parametrize("accept, parse_as", [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/n-triples", "nt"),
])
def test_construct_in_each_rdf_format(api, accept, parse_as):
    response = api.get("/sparql", params={"query": SESSIONS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert "Accept" in response.headers["vary"]
    assert len(Graph().parse(data=response.content, format=parse_as)) == 8


def test_construct_through_sparqlwrapper(server_url):
    g = client(server_url, SESSIONS).queryAndConvert()
    assert isinstance(g, Graph) and len(g) == 8


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"),
    ("text/*;q=0.4, application/sparql-results+json;q=0.3", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    ("text/html, application/xml;q=0.8", "application/xml"),
])
def test_combined_accept_headers(api, accept, expected):
    response = api.get("/sparql", params={"query": MEETINGS}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(expected)


def test_nothing_acceptable_is_406(api):
    response = api.get("/sparql", params={"query": MEETINGS}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and response.json()["error"]["code"] == "not_acceptable"


@pytest.mark.parametrize("send", [
    lambda api: api.post("/sparql", content="INSERT DATA { <a:a> <a:b> <a:c> }",
                         headers={"Content-Type": "application/sparql-update"}),
    lambda api: api.post("/sparql", data={"update": "DROP ALL"}),
    lambda api: api.get("/sparql", params={"query": "PREFIX a: <a:> DELETE WHERE { ?s ?p ?o }"}),
    lambda api: api.get("/sparql", params={"update": "CLEAR ALL"}),
])
def test_updates_are_refused(api, send):
    response = send(api)
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]
    assert api.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                   headers={"Accept": "application/json"}).json()["boolean"]


def test_update_through_sparqlwrapper_is_refused(server_url):
    sparql = client(server_url, "INSERT DATA { <a:a> <a:b> <a:c> }", JSON, "POST")
    with pytest.raises(HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403


def test_bad_query_is_400_with_a_message(server_url, api):
    with pytest.raises(QueryBadFormed):
        client(server_url, "SELECT WHERE {", JSON).query()
    body = api.get("/sparql", params={"query": "SELECT WHERE {"}).json()
    assert body["error"]["code"] == "bad_request" and "SPARQL" in body["error"]["message"]


def test_a_runaway_query_is_stopped_by_the_time_limit(server_url, api):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(HTTPError) as stopped:
        client(server_url, runaway, JSON).query()
    assert stopped.value.code == 503
    body = api.get("/sparql", params={"query": runaway}).json()
    assert body["error"]["code"] == "query_timeout" and "3 s" in body["error"]["message"]
    # the endpoint goes on answering after stopping a query
    assert api.get("/sparql", params={"query": MEETINGS}).status_code == 200


def test_a_result_over_the_cap_is_refused_with_advice(api):
    response = api.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413
    assert "LIMIT" in response.json()["error"]["message"]
    limited = api.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert len(json.loads(limited.content)["results"]["bindings"]) == 5


def test_service_description(api):
    response = api.get("/sparql", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.text, format="turtle")
    assert "a sd:Service" in response.text and len(g) > 5


def test_cors_for_browser_clients(api):
    response = api.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
