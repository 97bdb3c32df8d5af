"""Shared fixtures: the reference data, the name matchers, and a store built once from the
bundled corpus (each test that writes gets its own store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.pipeline import BUNDLED_CORPUS, build
from etl.reference import load_reference
from etl.references import Matchers, ReferenceReader
from graph.iris import DEFAULT_BASE
from graph.store import EmbeddedStore

BASE = DEFAULT_BASE


@pytest.fixture(scope="session")
def reference():
    return load_reference()


@pytest.fixture(scope="session")
def matchers(reference):
    return Matchers.build(reference)


@pytest.fixture
def reader(reference, matchers):
    return ReferenceReader(reference, matchers)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled corpus built into an on-disk store, with the build report."""
    path = tmp_path_factory.mktemp("store")
    store = EmbeddedStore(path / "store")
    report = build(BUNDLED_CORPUS, store, BASE)
    yield store, report
    store.close()


@pytest.fixture(scope="session")
def corpus_store(built):
    return built[0]


def corpus_file(prefix: str) -> Path:
    """A bundled corpus file by its number prefix, for tests that read one file."""
    return next(BUNDLED_CORPUS.glob(f"{prefix}_*.txt"))
