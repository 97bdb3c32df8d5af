from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from api import views
from api.deps import SettingsDep, StoreDep
from api.errors import BadRequest
from api.listing import page
from api.models import Page, Recommendation, RecommendationSummary, as_json
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/recommendations", tags=["recommendations"])

InstrumentKey = Annotated[str | None, Query(pattern="^[a-z0-9-]{2,40}$", examples=["som-protocol"],
                                            description="An instrument key from /api/instruments.")]


@router.get("", response_model=Page[RecommendationSummary], responses={200: {"content": CSV}},
            summary="Recommendations, filtered")
def list_recommendations(
    request: Request, store: StoreDep, settings: SettingsDep, paging: PagingDep,
    meeting: Annotated[int | None, Query(ge=1, le=999, description="Adopted at this meeting.")] = None,
    instrument: InstrumentKey = None,
    article: Annotated[int | None, Query(ge=1, le=999, description="Refers to this article "
                                         "(or a paragraph of it) of the instrument.")] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=200, description="Words in the text.")] = None,
):
    if article is not None and instrument is None:
        raise BadRequest("article needs instrument: say which instrument's article, e.g. "
                         "instrument=som-protocol&article=6")
    found = views.recommendations(store, settings.base_iri, meeting, instrument, article, q)
    return page(request, paging, found)


@router.get("/{meeting}/{number}", response_model=Recommendation, summary="One recommendation")
def get_recommendation(store: StoreDep, settings: SettingsDep,
                       meeting: Annotated[int, Path(ge=1, le=999, examples=[5])],
                       number: Annotated[int, Path(ge=1, le=999, examples=[4])]):
    """A recommendation with its sub-items, the articles it refers to (with the quoted
    source text), the recommendations it refers to, and the documents that print it."""
    return as_json(views.recommendation(store, settings.base_iri, meeting, number))
