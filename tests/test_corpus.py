"""End to end on the bundled corpus: the build, the competency questions, the exports."""

from __future__ import annotations

import io
import re

import pytest
from rdflib import Dataset, Graph, URIRef

from etl.validation import validate
from graph import queries
from tests.conftest import BASE

ID = BASE + "id/"


def rows(store, name, **bindings):
    result = store.query(queries.load(name), {k: URIRef(v) for k, v in bindings.items()})
    return [{k: v.toPython() if hasattr(v, "toPython") else v for k, v in row.items()}
            for row in result.rows]


def test_every_bundled_document_is_loaded(built):
    _, report = built
    assert [o.status for o in report.outcomes] == ["loaded"] * 5
    assert all(o.triples > 100 for o in report.outcomes)


def test_recommendations_that_refer_to_article_6_of_the_protocol(corpus_store):
    found = {(r["meeting"], r["number"], str(r.get("subitem", ""))[-1:], r.get("paragraph"))
             for r in rows(corpus_store, "recommendations-by-article",
                           article=ID + "instrument/som-protocol/article/6")}
    assert found == {(1, 12, "", 3), (1, 12, "", 1), (1, 36, "", None), (5, 1, "d", None),
                     (5, 4, "c", 4)}


def test_the_direct_links_name_the_same_recommendations_as_the_citations(corpus_store):
    # The list filter reads cito:cites; the article pages read the citation resources.
    cited = {r["article"] for r in rows(corpus_store, "recommendations-by-article")
             if re.search(r"/article/[0-9]+$", r["article"])}  # not the chapters
    assert len(cited) > 10
    for article in cited:
        by_citation = {r["recommendation"] for r in rows(
            corpus_store, "recommendations-by-article", article=article)}
        by_link = {r["recommendation"] for r in rows(
            corpus_store, "recommendations-citing", work=article)}
        assert by_link == by_citation, article


def test_every_answer_quotes_the_citing_text(corpus_store):
    for r in rows(corpus_store, "recommendations-by-article",
                  article=ID + "instrument/untoc/article/18"):
        assert "18" in r["quote"]


def test_articles_a_recommendation_refers_to_through_its_subitems(corpus_store):
    found = {(r["instrument"], r["articleNumber"], r.get("paragraph"), r.get("subitem"))
             for r in rows(corpus_store, "articles-of-recommendation",
                           recommendation=ID + "recommendation/5/4")}
    assert found == {("som-protocol", 5, None, "c"), ("som-protocol", 6, 4, "c")}


def test_a_chapter_reference_is_kept_as_a_chapter(corpus_store):
    found = rows(corpus_store, "articles-of-recommendation", recommendation=ID + "recommendation/1/24")
    assert [(r["instrument"], r["chapter"]) for r in found] == [("som-protocol", "II")]


def test_recommendations_per_meeting(corpus_store):
    per = {r["ordinal"]: r["recommendations"] for r in rows(corpus_store, "recommendations-per-meeting")}
    assert per == {1: 55, 2: 33, 3: 41, 4: 15, 5: 5, 6: 0, 7: 18, 9: 0}


def test_meetings_joined_across_documents(corpus_store):
    meetings = {r["ordinal"]: r for r in rows(corpus_store, "recommendations-per-meeting")}
    assert str(meetings[7]["start"]) == "2020-09-08"  # dates from the draft report
    assert str(meetings[6]["start"]) == "2019-09-11"  # ordinal from the gap between 5 and 7
    assert str(meetings[9]["end"]) == "2022-06-28"


def test_documents_cited_by_the_background_paper(corpus_store):
    cited = {r["symbol"] for r in rows(corpus_store, "documents-cited-by",
                                        document=ID + "document/CTOC-COP-WG.7-2020-3")}
    assert cited == {"A/CONF.234/11", "CTOC/COP/WG.7/2019/3", "CTOC/COP/WG.7/2019/4",
                     "CTOC/COP/WG.7/2020/1"}


def test_documents_citing_the_index_of_recommendations(corpus_store):
    citing = rows(corpus_store, "documents-citing", document=ID + "document/CTOC-COP-WG.7-2019-4")
    assert len(citing) == 2
    assert "CTOC/COP/WG.7/2020/3" in {r.get("symbol") for r in citing}


def test_cited_documents_outside_the_corpus_have_symbol_and_undocs_link(corpus_store):
    cited = rows(corpus_store, "documents-cited-by", document=ID + "document/CTOC-COP-WG.7-2020-3")
    assert all(str(r["undocs"]) == "https://undocs.org/" + r["symbol"] for r in cited)


def test_resolutions_cited(corpus_store):
    found = {(r["body"], r["number"]) for r in rows(corpus_store, "resolutions-cited")}
    assert found == {("cop-untoc", "5/3"), ("cop-untoc", "6/3"), ("cop-untoc", "7/1"),
                     ("cop-untoc", "8/1"), ("ga", "65/230"), ("ga", "74/247")}


def test_resolution_refers_to_an_earlier_resolution(corpus_store):
    assert corpus_store.query(
        "ASK { ?later <http://purl.org/spar/cito/cites> ?earlier }",
        {"later": URIRef(ID + "resolution/cop/6/3"), "earlier": URIRef(ID + "resolution/cop/5/3")})


def test_citation_chain_reaches_what_the_compilation_cites(corpus_store):
    reached = {r["symbol"] for r in rows(corpus_store, "citation-chain",
                                          document=ID + "document/x-compilation-2019-cd1b992e")}
    assert reached == {"CTOC/COP/WG.7/2019/1", "CTOC/COP/WG.7/2019/4"}


def test_every_graph_conforms_and_quality_queries_return_nothing(corpus_store):
    for graph_iri in corpus_store.named_graphs():
        if "/graph/ontology" in str(graph_iri):
            continue
        g = Graph()
        for t in corpus_store.graph_triples(graph_iri):
            g.add(t)
        assert validate(g).conforms, graph_iri
    for name in queries.names():
        if name.startswith("quality/"):
            assert corpus_store.query(queries.load(name)).rows == (), name


def _quads(store):
    return {(s, p, o, g) for g in store.named_graphs() for s, p, o in store.graph_triples(g)}


@pytest.mark.parametrize("fmt, rdflib_format", [
    ("ttl", "turtle"), ("nt", "nt"), ("xml", "xml"), ("nq", "nquads"), ("trig", "trig"),
    ("jsonld", "json-ld"),
])
def test_every_export_format_parses_back_to_the_same_graph(corpus_store, fmt, rdflib_format):
    data = corpus_store.export(fmt)
    quads = _quads(corpus_store)
    if fmt in ("nq", "trig", "jsonld"):
        ds = Dataset()
        ds.parse(io.BytesIO(data), format=rdflib_format)
        parsed = {(s, p, o, g) for s, p, o, g in ds.quads() if g is not None
                  and str(g) != "urn:x-rdflib:default"}
        assert parsed == quads
    else:
        g = Graph().parse(io.BytesIO(data), format=rdflib_format)
        assert set(g) == {(s, p, o) for s, p, o, _ in quads}


def test_no_blank_nodes_so_graphs_compare_as_sets(corpus_store):
    assert not corpus_store.query("ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }")
