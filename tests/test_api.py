"""The JSON API through real HTTP, against a server on loopback over the corpus graph."""

from __future__ import annotations

import csv
import io

import pytest


def ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


def assert_error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_meetings(api):
    page = ok(api.get("/api/meetings"))
    assert page["total"] == 8 and [m["ordinal"] for m in page["items"]] == [1, 2, 3, 4, 5, 6, 7, 9]
    seventh = ok(api.get("/api/meetings/7"))
    assert (seventh["start_date"], seventh["end_date"], seventh["city"], seventh["recommendation_count"]) == (
        "2020-09-08", "2020-09-09", "Вена", 18)
    assert_error(api.get("/api/meetings/99"), 404)
    assert_error(api.get("/api/meetings/seven"), 400)


def test_lists_answer_csv_by_accept_or_format(api):
    for response in (api.get("/api/meetings", headers={"Accept": "text/csv"}),
                     api.get("/api/meetings?format=csv"),
                     api.get("/api/meetings", headers={"Accept": "application/json;q=0.5, text/csv"})):
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["ordinal"] for r in rows][:2] == ["1", "2"] and "recommendation_count" in rows[0]
    assert api.get("/api/meetings", headers={"Accept": "text/csv;q=0.1, application/json"}
                   ).headers["content-type"].startswith("application/json")


def test_paging(api):
    page = ok(api.get("/api/recommendations?limit=10&offset=50"))
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (167, 10, 50, 10)
    assert_error(api.get("/api/recommendations?limit=0"), 400)
    assert_error(api.get("/api/recommendations?offset=9999"), 400)


def test_recommendations_filtered(api):
    assert ok(api.get("/api/recommendations?meeting=5"))["total"] == 5
    by_article = ok(api.get("/api/recommendations?instrument=som-protocol&article=6"))["items"]
    assert {(r["meeting"], r["number"]) for r in by_article} == {(1, 12), (1, 36), (5, 1), (5, 4)}
    by_instrument = ok(api.get("/api/recommendations?instrument=vccr"))["items"]
    assert {(r["meeting"], r["number"]) for r in by_instrument} == {(1, 22), (2, 30), (5, 2)}
    words = ok(api.get("/api/recommendations", params={"q": "межведомственных центров"}))["items"]
    assert words and all("межведомственных центров" in r["text"] for r in words)
    assert_error(api.get("/api/recommendations?article=6"), 400)


def test_recommendation_detail(api):
    rec = ok(api.get("/api/recommendations/5/4"))
    assert (rec["strength"], rec["addressee"]) == ("should", "States parties")
    assert [s["letter"] for s in rec["subitems"]] == ["a", "b", "c", "d", "e"]
    c = rec["subitems"][2]
    assert {(a["article"], a["paragraph"]) for a in c["articles"]} == {(5, None), (6, 4)}
    assert all(a["quote"] for a in c["articles"])
    assert [d["id"] for d in rec["documents"]] == ["x-compilation-2019-cd1b992e"]
    refers = ok(api.get("/api/recommendations/4/12"))["recommendations"]
    assert [(r["meeting"], r["number"]) for r in refers] == [(4, 11)]
    chapter = ok(api.get("/api/recommendations/1/24"))["articles"]
    assert [(a["instrument"], a["chapter"]) for a in chapter] == [("som-protocol", "II")]
    assert_error(api.get("/api/recommendations/9/99"), 404)


def test_instruments_and_articles(api):
    keys = {i["key"]: i for i in ok(api.get("/api/instruments"))["items"]}
    assert {"som-protocol", "untoc", "tip-protocol", "vccr", "agenda-2030"} <= set(keys)
    assert (keys["som-protocol"]["article_count"], keys["untoc"]["article_count"]) == (25, 41)
    som = ok(api.get("/api/instruments/som-protocol"))
    assert [c["number"] for c in som["chapters"]] == ["I", "II", "III", "IV"]
    assert sum(len(c["articles"]) for c in som["chapters"]) == 25
    article = ok(api.get("/api/instruments/som-protocol/articles/6"))
    assert article["title"] == {"en": "Criminalization", "ru": "Криминализация"}
    direct = {(r["meeting"], r["number"], r["subitem"]): r["paragraphs"]
              for r in article["recommendations"] if not r["via_chapter"]}
    assert direct == {(1, 12, None): [1, 3], (1, 36, None): [], (5, 1, "d"): [], (5, 4, "c"): [4]}
    eight = ok(api.get("/api/instruments/som-protocol/articles/8"))
    assert any(r["via_chapter"] and (r["meeting"], r["number"]) == (1, 24) for r in eight["recommendations"])
    untoc24 = ok(api.get("/api/instruments/untoc/articles/24"))
    assert any(d["document"]["symbol"] == "CTOC/COP/WG.7/2020/3" for d in untoc24["documents"])
    assert_error(api.get("/api/instruments/som-protocol/articles/26"), 404)
    assert_error(api.get("/api/instruments/nope"), 404)


def test_documents(api):
    page = ok(api.get("/api/documents"))
    read = [d for d in page["items"] if d["source"]]
    assert len(read) == 5 and page["total"] > 5
    by_symbol = ok(api.get("/api/documents/CTOC/COP/WG.7/2020/3"))
    assert (by_symbol["meeting"], by_symbol["kind"]) == (7, ["BackgroundPaper"])
    assert ok(api.get("/api/documents/CTOC-COP-WG.7-2020-3")) == by_symbol
    cited_only = ok(api.get("/api/documents/A/CONF.234/11"))
    assert cited_only["source"] is None and cited_only["undocs"] == "https://undocs.org/A/CONF.234/11"
    assert_error(api.get("/api/documents/CTOC/COP/WG.7/2099/1"), 404)


def test_references_citations_and_chain(api):
    refs = ok(api.get("/api/documents/CTOC/COP/WG.7/2020/3/references?limit=1000"))["items"]
    kinds = {r["type"] for r in refs}
    assert {"document", "resolution", "article", "instrument", "publication"} <= kinds
    conf = [r for r in refs if r["label"] == "A/CONF.234/11"]
    assert any(r["fragment"] == "пп. 41–48" for r in conf)
    citing = ok(api.get("/api/documents/CTOC/COP/WG.7/2019/4/citations"))["items"]
    assert {d["id"] for d in citing} == {"CTOC/COP/WG.7/2020/3", "x-compilation-2019-cd1b992e"}
    chain = ok(api.get("/api/documents/CTOC/COP/WG.7/2020/3/chain?direction=both&depth=2"))
    reached = {e["document"]["id"]: e for e in chain["items"]}
    assert reached["CTOC/COP/WG.7/2019/4"]["depth"] == 1
    second = reached["x-compilation-2019-cd1b992e"]  # cites the same index: two steps away
    assert second["depth"] == 2 and second["in_corpus"]
    assert second["path"] == ["CTOC/COP/WG.7/2020/3", "CTOC/COP/WG.7/2019/4", "x-compilation-2019-cd1b992e"]
    capped = ok(api.get("/api/documents/CTOC/COP/WG.7/2020/3/chain?direction=both&depth=5&limit=2"))
    assert len(capped["items"]) == 2 and capped["truncated"]


def test_resolutions(api):
    ids = [r["id"] for r in ok(api.get("/api/resolutions"))["items"]]
    assert ids == ["cop/5/3", "cop/6/3", "cop/7/1", "cop/8/1", "ga/65/230", "ga/74/247"]
    six_three = ok(api.get("/api/resolutions/cop/6/3"))
    assert six_three["cites"] == ["cop/5/3"] and six_three["title"].startswith("Осуществление")
    assert ok(api.get("/api/resolutions/A/RES/74/247"))["id"] == "ga/74/247"
    assert_error(api.get("/api/resolutions/cop/99/9"), 404)
    assert_error(api.get("/api/resolutions/anything"), 404)


@pytest.mark.parametrize("path", [
    '/api/documents/x" } UNION { ?s ?p ?o',
    "/api/documents/x> <y",
    "/api/documents/CTOC%0ACOP",
    "/api/instruments/som-protocol} DELETE WHERE {",
    "/api/resolutions/cop/6/3 ; DROP ALL",
    "/api/recommendations?instrument=x%22%20%7D",
])
def test_injection_is_refused_or_finds_nothing(api, path):
    response = api.get(path)
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


def test_injection_in_words_finds_nothing_and_changes_nothing(api):
    before = ok(api.get("/api/recommendations"))["total"]
    found = ok(api.get("/api/recommendations", params={"q": '"} ; DROP ALL ; SELECT * {'}))
    assert found["total"] == 0
    assert ok(api.get("/api/recommendations"))["total"] == before


def test_openapi_documents_every_endpoint(api):
    spec = ok(api.get("/openapi.json"))
    for path in ("/api/meetings", "/api/recommendations/{meeting}/{number}",
                 "/api/instruments/{instrument}/articles/{article}", "/api/documents/{id}/chain"):
        assert path in spec["paths"], path


@pytest.mark.parametrize("query, printed", [("ребенок", "детей"), ("дети", "ребенка"),
                                            ("свидетель", "свидетелей")])
def test_search_finds_words_in_any_form(api, query, printed):
    hits = ok(api.get("/api/search", params={"q": query, "limit": 100}))["items"]
    assert any(printed in h["matched"] for h in hits)
    assert all(h["matched"] for h in hits)


def test_search_needs_every_word_and_ranks_recommendations(api):
    hits = ok(api.get("/api/search", params={"q": "защита свидетелей"}))["items"]
    assert hits and all({"свидетел"} <= {m[:8] for m in h["matched"]} for h in hits)
    assert {h["type"] for h in hits} <= {"recommendation", "paragraph", "footnote", "document"}
    assert ok(api.get("/api/search", params={"q": "кенгуру"}))["total"] == 0
    assert_error(api.get("/api/search", params={"q": "x"}), 400)
