"""The somkg command, run as a user runs it, with its documented exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time

import pytest
from rdflib import Graph

from etl.pipeline import BUNDLED_CORPUS


def somkg(*args, store=None, check=None):
    command = [sys.executable, "-m", "somkg.cli", *args]
    if store is not None:
        command += ["--store-path", str(store)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if check is not None:
        assert result.returncode == check, result.stderr
    return result


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = somkg("build", store=path, check=0)
    assert "Recommendations per meeting" in result.stdout
    assert "5/5 documents in the store" in result.stdout
    return path


def test_query_formats(store):
    text = "SELECT ?n WHERE { ?m a <https://w3id.org/somkg/ontology#Meeting> ; <https://w3id.org/somkg/ontology#ordinal> ?n } ORDER BY ?n"
    rows = list(csv.reader(io.StringIO(somkg("query", text, "--format", "csv", store=store, check=0).stdout)))
    assert rows[0] == ["n"] and [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "7", "9"]
    data = json.loads(somkg("query", text, "--format", "json", store=store, check=0).stdout)
    assert len(data["rows"]) == 8
    assert "ordinal" in somkg("query", "recommendations-per-meeting", store=store, check=0).stdout


def test_query_from_a_file(store, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("ASK { ?r a <https://w3id.org/somkg/ontology#Recommendation> }")
    assert somkg("query", str(path), store=store, check=0).stdout.strip() == "true"


def test_bad_query_is_a_usage_error(store):
    result = somkg("query", "SELECT WHERE {", store=store, check=2)
    assert "not valid SPARQL" in result.stderr


def test_export_writes_a_parseable_file(store, tmp_path):
    path = tmp_path / "graph.ttl"
    somkg("export", "--format", "ttl", "-o", str(path), store=store, check=0)
    assert len(Graph().parse(path)) > 10000
    assert "unknown format" in somkg("export", "--format", "csv", store=store, check=2).stderr


def test_validate_and_stats(store):
    assert somkg("validate", store=store, check=0).stdout.strip().endswith("conforms")
    assert "recommendations" in somkg("stats", store=store, check=0).stdout


def test_build_with_bad_files_exits_1_and_names_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(next(BUNDLED_CORPUS.glob("000_*")).read_bytes())
    (corpus / "bad.txt").write_bytes("текст".encode("cp1251"))
    result = somkg("build", str(corpus), "--quiet", store=tmp_path / "store", check=1)
    assert "bad.txt" in result.stderr and "not UTF-8" in result.stderr


def test_missing_corpus_is_a_usage_error(tmp_path):
    assert "no corpus folder" in somkg("build", str(tmp_path / "nope"), store=tmp_path / "s", check=2).stderr


def test_store_held_by_another_process_is_a_store_error(store, tmp_path):
    from graph.store import EmbeddedStore

    holder = EmbeddedStore(tmp_path / "held")
    try:
        result = somkg("build", str(BUNDLED_CORPUS), "--quiet", store=tmp_path / "held", check=3)
        assert "open in another somkg process" in " ".join(result.stderr.split())
        result = somkg("stats", store=tmp_path / "held", check=3)
        assert "being written by another somkg process" in " ".join(result.stderr.split())
    finally:
        holder.close()


def test_a_build_does_not_write_under_a_process_reading_the_store(store, tmp_path):
    # Opening RocksDB read-only while another process writes it is undefined: a server would
    # lose files to compaction and never see the new data. Readers share, a writer waits.
    from graph.store import EmbeddedStore

    path = tmp_path / "served"
    somkg("build", str(BUNDLED_CORPUS), "--quiet", store=path, check=0)
    reader = EmbeddedStore(path, read_only=True)
    try:
        assert somkg("stats", store=path, check=0).stdout  # another reader is welcome
        result = somkg("build", str(BUNDLED_CORPUS), "--quiet", store=path, check=3)
        message = "".join(result.stderr.split())  # the console wraps lines anywhere
        assert "openinanothersomkgprocess" in message and str(path) in message
    finally:
        reader.close()
    somkg("build", str(BUNDLED_CORPUS), "--quiet", store=path, check=0)  # free once it closed


def test_store_path_from_the_environment(tmp_path):
    import os

    env = dict(os.environ, SOMKG_STORE_PATH=str(tmp_path / "from-env"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_bytes(next(BUNDLED_CORPUS.glob("000_*")).read_bytes())
    result = subprocess.run([sys.executable, "-m", "somkg.cli", "build", str(corpus), "--quiet"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env").is_dir()


def test_a_bad_base_iri_is_a_clear_error(tmp_path):
    import os

    env = dict(os.environ, SOMKG_BASE_IRI="not-an-iri")
    result = subprocess.run([sys.executable, "-m", "somkg.cli", "stats", "--store-path", str(tmp_path / "s")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 2
    assert "base IRI" in result.stderr


def test_build_query_and_serve_on_a_remote_store(oxigraph, tmp_path):
    import httpx

    from tests.engines import free_port

    oxigraph.clear()
    remote = ["--store", "remote", "--endpoint", f"{oxigraph.url}/query",
              "--update-endpoint", f"{oxigraph.url}/update"]
    built = somkg("build", "--quiet", *remote, check=0)
    assert built.stderr == ""
    counted = somkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?r a "
                    "<https://w3id.org/somkg/ontology#Recommendation> }", "--format", "json",
                    *remote, check=0)
    assert int(json.loads(counted.stdout)["rows"][0]["n"]) > 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "somkg.cli", "serve", "--port", str(port),
                               "--store", "remote", "--endpoint", f"{oxigraph.url}/query"],
                              stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                meetings = httpx.get(f"http://127.0.0.1:{port}/api/meetings", timeout=5)
                break
            except httpx.HTTPError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        assert meetings.status_code == 200 and meetings.json()["total"] >= 1
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_remote_store_without_an_endpoint_is_a_usage_error(tmp_path):
    result = somkg("stats", "--store", "remote")
    assert result.returncode == 2 and "SOMKG_ENDPOINT" in result.stderr


def test_push_needs_a_way_to_write(store):
    result = somkg("push", "--endpoint", "http://127.0.0.1:1/query", store=store)
    assert result.returncode == 2 and "--update-endpoint" in result.stderr


def test_push_to_a_server_that_is_down_is_a_store_error(store):
    from tests.engines import free_port

    url = f"http://127.0.0.1:{free_port()}"
    result = somkg("push", "--quiet", "--endpoint", f"{url}/query", "--update-endpoint",
                   f"{url}/update", store=store)
    assert result.returncode == 3 and "cannot reach" in result.stderr
