"""Every minted IRI dereferences: 303 from the thing to its document, content negotiation."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from tests.conftest import BASE

THINGS = ["recommendation/5/4", "recommendation/5/4/c", "meeting/7", "document/CTOC-COP-WG.7-2020-3",
          "instrument/som-protocol/article/6", "instrument/som-protocol/article/6/paragraph/3",
          "instrument/som-protocol/chapter/II", "resolution/cop/6/3", "organization/unodc",
          "country/pak", "session/7", "meeting/9/agenda-item/2"]
FORMS = [("text/turtle", "turtle", ".ttl"), ("application/ld+json", "json-ld", ".jsonld"),
         ("application/rdf+xml", "xml", ".rdf"), ("application/n-triples", "nt", ".nt")]


@pytest.mark.parametrize("path", THINGS)
def test_a_thing_redirects_to_its_document(api, path):
    response = api.get(f"/id/{path}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/doc/{path}"


@pytest.mark.parametrize("accept, parse_as, suffix", FORMS)
def test_the_document_answers_each_rdf_form_by_accept_and_by_suffix(api, accept, parse_as, suffix):
    by_accept = api.get("/doc/recommendation/5/4", headers={"Accept": accept})
    by_suffix = api.get(f"/doc/recommendation/5/4{suffix}")
    for response in (by_accept, by_suffix):
        assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
        assert "Accept" in response.headers["vary"]
    g = Graph().parse(data=by_accept.content, format=parse_as)
    thing = URIRef(BASE + "id/recommendation/5/4")
    assert (thing, None, None) in g
    assert set(g) == set(Graph().parse(data=by_suffix.content, format=parse_as))


def test_redirect_keeps_a_suffix_and_follows_to_rdf(api):
    response = api.get("/id/meeting/7.ttl", follow_redirects=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert response.history[0].status_code == 303


def test_browsers_get_html_with_links_to_the_rdf_forms(api):
    response = api.get("/doc/recommendation/5/4", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.headers["content-type"].startswith("text/html")
    for suffix in (".ttl", ".jsonld", ".rdf", ".nt"):
        assert f'href="/doc/recommendation/5/4{suffix}"' in response.text
    assert 'href="/id/meeting/5"' in response.text  # links stay on this server
    document = api.get("/doc/document/CTOC-COP-WG.7-2020-3.html").text
    assert "https://undocs.org/CTOC/COP/WG.7/2020/3" in document


def test_combined_accept_prefers_the_highest_q(api):
    response = api.get("/doc/meeting/7", headers={"Accept": "text/html;q=0.2, application/ld+json;q=0.9"})
    assert response.headers["content-type"].startswith("application/ld+json")


def test_nothing_acceptable_is_406_and_unknown_things_404(api):
    response = api.get("/doc/meeting/7", headers={"Accept": "application/pdf"})
    assert response.status_code == 406 and response.json()["error"]["code"] == "not_acceptable"
    assert api.get("/id/meeting/99", follow_redirects=False).status_code == 404
    assert api.get("/id/meeting/7%22%3E", follow_redirects=False).status_code in (400, 404)


@pytest.mark.parametrize("path, parse_as", [("/ontology.ttl", "turtle"), ("/shapes.nt", "nt"),
                                            ("/ontology.jsonld", "json-ld")])
def test_ontology_and_shapes_are_served(api, path, parse_as):
    response = api.get(path)
    assert response.status_code == 200
    assert len(Graph().parse(data=response.content, format=parse_as)) > 100
