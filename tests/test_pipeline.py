"""The build as a whole: idempotence, bad input in the corpus folder, rejection by SHACL."""

from __future__ import annotations

import shutil

import pytest

from etl.pipeline import BUNDLED_CORPUS, build
from graph.store import EmbeddedStore
from tests.conftest import BASE


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, folder)
    return folder


def quads(store):
    return {(g, *t) for g in store.named_graphs() for t in store.graph_triples(g)}


def test_rebuilding_the_same_corpus_changes_nothing(corpus, tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    build(corpus, store, BASE)
    before = quads(store)
    report = build(corpus, store, BASE)
    assert [o.status for o in report.outcomes] == ["unchanged"] * 5
    assert quads(store) == before


def test_two_fresh_builds_give_the_same_graph_but_for_build_times(corpus, tmp_path):
    first, second = EmbeddedStore(tmp_path / "a"), EmbeddedStore(tmp_path / "b")
    build(corpus, first, BASE)
    build(corpus, second, BASE)
    timeless = lambda store: {q for q in quads(store) if not str(q[2]).endswith("generatedAtTime")}  # noqa: E731
    assert timeless(first) == timeless(second)


def test_bad_files_are_reported_by_name_and_the_rest_builds(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "cp1251.txt").write_bytes("Рабочая группа по незаконному ввозу".encode("cp1251"))
    (corpus / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    store = EmbeddedStore(tmp_path / "store")
    report = build(corpus, store, BASE)
    status = {o.name: (o.status, o.reason) for o in report.outcomes}
    assert status["empty.txt"] == ("unreadable", "the file is empty")
    assert status["binary.txt"][0] == "unreadable" and "NUL" in status["binary.txt"][1]
    assert status["cp1251.txt"][0] == "unreadable" and "not UTF-8" in status["cp1251.txt"][1]
    assert "unsupported format .pdf" in status["report.pdf"][1]
    assert sum(o.status == "loaded" for o in report.outcomes) == 5
    assert not report.ok
    document_graphs = [g for g in store.named_graphs() if "/graph/document/" in str(g)]
    assert len(document_graphs) == 5


def test_a_document_whose_graph_does_not_conform_is_not_loaded(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    # A recommendation of a few words is not a recommendation: the shapes ask for its text.
    (folder / "short.txt").write_text(
        "Рабочая группа по незаконному ввозу мигрантов\nВена, 8–9 сентября 2020 года\n"
        "Проект доклада\nРекомендация 1\nДа.\n", encoding="utf-8")
    (folder / "fine.txt").write_bytes((BUNDLED_CORPUS / next(
        p.name for p in BUNDLED_CORPUS.iterdir() if p.name.startswith("000"))).read_bytes())
    store = EmbeddedStore(tmp_path / "store")
    report = build(folder, store, BASE)
    outcome = {o.name: o for o in report.outcomes}
    assert outcome["short.txt"].status == "rejected"
    assert any("at least 10 characters" in v.message for v in outcome["short.txt"].violations)
    assert outcome["fine.txt"].status == "loaded"
    assert [str(g) for g in store.named_graphs() if "/graph/document/" in str(g)] == [outcome["fine.txt"].iri.replace("/id/document/", "/graph/document/")]


def test_a_removed_file_takes_its_graph_along_and_a_broken_one_keeps_its_last_graph(corpus, tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    build(corpus, store, BASE)
    graphs = set(store.named_graphs())
    removed = next(corpus.glob("000_*.txt"))
    removed.unlink()
    broken = next(corpus.glob("003_*.txt"))
    broken.write_bytes(b"\xff\xfe broken")
    report = build(corpus, store, BASE)
    assert len(report.removed_graphs) == 1 and "L.1-Add.1" in report.removed_graphs[0]
    assert set(store.named_graphs()) == graphs - {next(g for g in graphs if "L.1-Add.1" in str(g))}
