from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from api import views
from api.deps import SettingsDep, StoreDep
from api.listing import page
from api.models import Chain, Document, DocumentLink, Page, Reference, as_json
from api.routers.common import CSV, PagingDep

router = APIRouter(prefix="/api/documents", tags=["documents"])

DocumentId = Annotated[str, Path(
    pattern=r"^[A-Za-z0-9][A-Za-z0-9./_-]{0,120}$", examples=["CTOC/COP/WG.7/2020/3"],
    description="The symbol (slashes allowed) or the id from /api/documents.")]


@router.get("", response_model=Page[Document], responses={200: {"content": CSV}},
            summary="Documents")
def list_documents(request: Request, store: StoreDep, paging: PagingDep):
    """Documents read from the corpus first (they have a `source`), then documents only
    cited (symbol and undocs.org address)."""
    return page(request, paging, views.documents(store))


# The sub-resources come first: a symbol holds slashes, so "{id:path}" would take them.
@router.get("/{id:path}/references", response_model=Page[Reference],
            responses={200: {"content": CSV}}, summary="What a document cites")
def get_references(request: Request, store: StoreDep, settings: SettingsDep, paging: PagingDep,
                   id: DocumentId):
    return page(request, paging, views.references(store, settings.base_iri, id))


@router.get("/{id:path}/citations", response_model=Page[DocumentLink],
            responses={200: {"content": CSV}}, summary="What cites a document")
def get_citations(request: Request, store: StoreDep, settings: SettingsDep, paging: PagingDep,
                  id: DocumentId):
    return page(request, paging, views.citations(store, settings.base_iri, id))


@router.get("/{id:path}/chain", response_model=Chain, summary="Citation chain")
def get_chain(
    store: StoreDep, settings: SettingsDep, id: DocumentId,
    direction: Annotated[Literal["out", "in", "both"], Query()] = "out",
    depth: Annotated[int, Query(ge=1, le=10)] = 3,
    limit: Annotated[int, Query(ge=1, le=1000, description="Fan-out cap: documents at most.")] = 200,
):
    """Every document reached within `depth` citation steps, each with its depth and one
    shortest path; documents cited but not in the corpus come with symbol and undocs link."""
    return as_json(views.chain(store, settings.base_iri, id, direction, depth, limit))


@router.get("/{id:path}", response_model=Document, summary="One document")
def get_document(store: StoreDep, settings: SettingsDep, id: DocumentId):
    return as_json(views.document(store, settings.base_iri, id))
