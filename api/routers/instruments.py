from typing import Annotated

from fastapi import APIRouter, Path, Request

from api import views
from api.deps import SettingsDep, StoreDep
from api.listing import page
from api.models import Article, Instrument, InstrumentDetail, Page, as_json
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/instruments", tags=["instruments"])

Key = Annotated[str, Path(pattern="^[a-z0-9-]{2,40}$", examples=["som-protocol"])]


@router.get("", response_model=Page[Instrument], responses={200: {"content": CSV}},
            summary="Legal instruments")
def list_instruments(request: Request, store: StoreDep, paging: PagingDep):
    return page(request, paging, views.instruments(store))


@router.get("/{instrument}", response_model=InstrumentDetail, summary="One instrument")
def get_instrument(store: StoreDep, settings: SettingsDep, instrument: Key):
    """The chapters and articles of an instrument, with their titles and citation counts."""
    return as_json(views.instrument(store, settings.base_iri, instrument))


@router.get("/{instrument}/articles/{article}", response_model=Article, summary="One article")
def get_article(store: StoreDep, settings: SettingsDep, instrument: Key,
                article: Annotated[int, Path(ge=1, le=999, examples=[6])]):
    """An article's title, the recommendations that refer to it (or to a paragraph of it, or
    to its whole chapter: `via_chapter`) and the document paragraphs that refer to it."""
    return as_json(views.article(store, settings.base_iri, instrument, article))
