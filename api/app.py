"""The somkg web application: an app factory whose lifespan opens the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.routers import (
    documents,
    instruments,
    linked_data,
    meetings,
    pages,
    recommendations,
    resolutions,
    search,
    sparql,
)
from api.search import SearchIndex
from graph.bounded import BoundedQueries, InProcessQueries
from graph.remote import RemoteStore
from graph.store import Store
from somkg import __version__
from somkg.settings import Settings
from somkg.stores import open_store

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app. With no ``store``, the lifespan opens the store the settings name (the
    embedded store read-only, or a remote SPARQL server) and closes it on shutdown.

    Public SPARQL queries run in worker processes over the embedded store's files, which can
    be killed at the time limit; over a remote store (or one in memory) they run through
    the store itself, bounded by the remote exchange's time limit."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store is None
        app.state.store = open_store(settings, read_only=True) if opened else store
        app.state.settings = settings
        path = getattr(app.state.store, "path", None)
        if path is not None:
            app.state.queries = BoundedQueries(path, settings.sparql_timeout,
                                               settings.sparql_max_rows, settings.sparql_workers)
        else:
            public = app.state.store
            if isinstance(public, RemoteStore):
                public = public.with_timeout(settings.sparql_timeout)
            app.state.queries = InProcessQueries(public, settings.sparql_max_rows)
        app.state.search = SearchIndex.from_store(app.state.store)
        try:
            yield
        finally:
            app.state.queries.close()
            if opened:
                app.state.store.close()

    app = FastAPI(
        title="somkg",
        version=__version__,
        description="The knowledge graph of the UN Working Group on the Smuggling of Migrants: "
        "meetings, recommendations, the articles they refer to, and which documents cite which.",
        lifespan=lifespan,
    )
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["*"])
    install_error_handlers(app)
    for module in (meetings, recommendations, instruments, documents, resolutions, search,
                   sparql, linked_data, pages):
        app.include_router(module.router)
    return app
