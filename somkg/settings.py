"""One settings object, read once from the environment (prefix ``SOMKG_``) and passed on.

Nothing else in somkg reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.iris import DEFAULT_BASE

__all__ = ["Settings", "default_store_path"]


def default_store_path() -> Path:
    return Path(user_data_dir("somkg", appauthor=False)) / "store"


class Settings(BaseSettings):
    """somkg settings; each can be set as an environment variable ``SOMKG_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="SOMKG_", extra="ignore")

    store: Literal["embedded", "remote"] = Field(
        "embedded", description="Where the graph lives: the embedded store on this machine, or "
        "a remote SPARQL 1.1 server.")
    store_path: Path = Field(default_factory=default_store_path,
                             description="Directory of the embedded store.")
    base_iri: str = Field(DEFAULT_BASE, description="Base of every IRI somkg mints.")
    sparql_timeout: float = Field(10.0, gt=0, le=600,
                                  description="Seconds a public SPARQL query may run.")
    sparql_max_rows: int = Field(10_000, gt=0, le=1_000_000,
                                 description="Rows (or triples) a public SPARQL result may hold.")
    sparql_workers: int = Field(2, ge=1, le=32, description="Processes that run public queries.")
    endpoint: str | None = Field(None, description="Remote store: its SPARQL query endpoint.")
    update_endpoint: str | None = Field(None, description="Remote store: its SPARQL Update endpoint.")
    graph_store: str | None = Field(
        None, description="Remote store: its Graph Store HTTP Protocol endpoint (to write "
        "with instead of SPARQL Update).")
    user: str | None = Field(None, description="Remote store: user name (HTTP Basic).")
    password: SecretStr | None = Field(None, description="Remote store: password.")
    remote_timeout: float = Field(30.0, gt=0, le=3600,
                                  description="Remote store: seconds an exchange may take.")
    remote_retries: int = Field(2, ge=0, le=10,
                                description="Remote store: retries of a transient failure.")
    default_graph: str | None = Field(
        None, description="Remote store: a graph holding the union, for engines whose default "
        "graph is the bag of all graphs (Virtuoso).")

    @model_validator(mode="after")
    def _remote_has_an_endpoint(self) -> Settings:
        if self.store == "remote" and not self.endpoint:
            raise ValueError("a remote store needs its SPARQL endpoint (SOMKG_ENDPOINT, --endpoint)")
        return self

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")) or not value.endswith("/"):
            raise ValueError("the base IRI must be an http(s) IRI ending with '/'")
        return value
