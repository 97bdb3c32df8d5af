from typing import Annotated

from fastapi import APIRouter, Path, Request

from api import views
from api.deps import SettingsDep, StoreDep
from api.listing import page
from api.models import Page, Resolution, ResolutionDetail, as_json
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/resolutions", tags=["resolutions"])


@router.get("", response_model=Page[Resolution], responses={200: {"content": CSV}},
            summary="Resolutions cited")
def list_resolutions(request: Request, store: StoreDep, paging: PagingDep):
    return page(request, paging, views.resolutions(store))


@router.get("/{id:path}", response_model=ResolutionDetail, summary="One resolution")
def get_resolution(store: StoreDep, settings: SettingsDep, id: Annotated[str, Path(
        pattern=r"^[A-Za-z0-9/]{3,40}$", examples=["cop/6/3", "A/RES/74/247"])]):
    """A resolution by id (`cop/6/3`, `ga/74/247`) or symbol, with what cites it."""
    return as_json(views.resolution(store, settings.base_iri, id))
