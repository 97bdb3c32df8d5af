"""The one place a store is chosen: the settings say embedded or remote."""

from __future__ import annotations

from graph.remote import RemoteStore
from graph.store import EmbeddedStore, Store
from somkg.settings import Settings

__all__ = ["open_store"]


def open_store(settings: Settings, read_only: bool = False) -> Store:
    """The store the settings name (``read_only`` concerns the embedded store; a remote
    store is as writable as the endpoints configured)."""
    if settings.store == "remote":
        return RemoteStore(
            settings.endpoint, settings.update_endpoint, settings.graph_store, settings.user,
            settings.password.get_secret_value() if settings.password else None,
            settings.remote_timeout, settings.remote_retries, settings.default_graph)
    return EmbeddedStore(settings.store_path, read_only=read_only)
