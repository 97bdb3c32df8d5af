from typing import Annotated

from fastapi import APIRouter, Path, Request

from api import views
from api.deps import StoreDep
from api.listing import page
from api.models import Meeting, Page, as_json
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/meetings", tags=["meetings"])


@router.get("", response_model=Page[Meeting], responses={200: {"content": CSV}},
            summary="Meetings of the Working Group")
def list_meetings(request: Request, store: StoreDep, paging: PagingDep):
    """Every meeting the documents name, with its dates, city and how many recommendations
    it adopted."""
    return page(request, paging, views.meetings(store))


@router.get("/{ordinal}", response_model=Meeting, summary="One meeting")
def get_meeting(store: StoreDep, ordinal: Annotated[int, Path(ge=1, le=999, examples=[7])]):
    return as_json(views.meeting(store, ordinal))
