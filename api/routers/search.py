from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.listing import page
from api.models import Page, SearchHit
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=Page[SearchHit], responses={200: {"content": CSV}},
            summary="Search texts in any grammatical form")
def search(request: Request, paging: PagingDep,
           q: Annotated[str, Query(min_length=2, max_length=200, examples=["ребенок"],
                                   description="Words; each is found in any of its forms.")]):
    """Recommendations, numbered paragraphs, footnotes and document titles that hold every
    word of `q` in some grammatical form ("ребенок" finds "детей" and "дети"), best first."""
    hits = request.app.state.search.search(q)
    return page(request, paging, [SearchHit(type=h.kind, label=h.label, text=h.text,
                                            matched=list(h.matched), document=h.document, iri=h.iri)
                                  for h in hits])
