"""FastAPI dependencies: the store and the settings, opened once by the app's lifespan.

They are coroutines though they do not wait: FastAPI runs a plain function dependency in its
thread pool, a hop that costs more than the dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.store import Store
from somkg.settings import Settings

__all__ = ["StoreDep", "SettingsDep"]


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
