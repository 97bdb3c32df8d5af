"""One settings object, read once from the environment (prefix ``SOMKG_``) and passed on.

Nothing else in somkg reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.iris import DEFAULT_BASE

__all__ = ["Settings", "default_store_path"]


def default_store_path() -> Path:
    return Path(user_data_dir("somkg", appauthor=False)) / "store"


class Settings(BaseSettings):
    """somkg settings; each can be set as an environment variable ``SOMKG_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="SOMKG_", extra="ignore")

    store_path: Path = Field(default_factory=default_store_path,
                             description="Directory of the embedded store.")
    base_iri: str = Field(DEFAULT_BASE, description="Base of every IRI somkg mints.")
    sparql_timeout: float = Field(10.0, gt=0, le=600,
                                  description="Seconds a public SPARQL query may run.")
    sparql_max_rows: int = Field(10_000, gt=0, le=1_000_000,
                                 description="Rows (or triples) a public SPARQL result may hold.")
    sparql_workers: int = Field(2, ge=1, le=32, description="Processes that run public queries.")

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")) or not value.endswith("/"):
            raise ValueError("the base IRI must be an http(s) IRI ending with '/'")
        return value
