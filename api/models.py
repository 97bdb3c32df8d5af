"""Response models: the public JSON contract of the API."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from fastapi.responses import Response
from pydantic import BaseModel, Field

__all__ = [
    "as_json", "Page", "Meeting", "Titles", "ArticleLink", "Subitem", "RecommendationLink", "DocumentLink",
    "RecommendationSummary", "Recommendation", "Instrument", "ArticleSummary", "Chapter",
    "InstrumentDetail", "ArticleRecommendation", "ArticleParagraphCitation", "Article",
    "Document", "Reference", "ChainEntry", "Chain", "Resolution", "ResolutionDetail", "SearchHit",
]

T = TypeVar("T")


def as_json(model: BaseModel) -> Response:
    """``model`` as a JSON response, serialized once by pydantic-core. The routes still
    declare their ``response_model`` (the OpenAPI contract); a model returned as it is would
    be dumped, validated again and encoded by FastAPI, which costs more than the query on a
    page of 100 items."""
    return Response(model.model_dump_json(), media_type="application/json")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many items match, over all pages.")
    limit: int
    offset: int


class Meeting(BaseModel):
    ordinal: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    city: str | None
    recommendation_count: int
    iri: str


class Titles(BaseModel):
    en: str | None = None
    ru: str | None = None


class ArticleLink(BaseModel):
    """A reference from a recommendation (or sub-item) to an instrument's article or chapter."""

    instrument: str
    article: int | None
    paragraph: int | None
    chapter: str | None
    subitem: str | None = None
    quote: str = Field(description="The exact source text that makes the reference.")


class Subitem(BaseModel):
    letter: str
    text: str
    articles: list[ArticleLink]


class RecommendationLink(BaseModel):
    meeting: int
    number: int
    iri: str


class DocumentLink(BaseModel):
    id: str
    symbol: str | None
    iri: str
    undocs: str | None


class RecommendationSummary(BaseModel):
    meeting: int
    number: int
    text: str
    section: str | None
    strength: str | None
    addressee: str | None
    iri: str


class Recommendation(RecommendationSummary):
    subitems: list[Subitem]
    articles: list[ArticleLink]
    recommendations: list[RecommendationLink]
    documents: list[DocumentLink]


class Instrument(BaseModel):
    key: str
    name: Titles
    article_count: int
    citation_count: int
    iri: str


class ArticleSummary(BaseModel):
    number: int
    title: Titles
    chapter: str | None
    citation_count: int
    iri: str


class Chapter(BaseModel):
    number: str
    title: Titles
    articles: list[ArticleSummary]


class InstrumentDetail(Instrument):
    chapters: list[Chapter]
    articles: list[ArticleSummary]


class ArticleRecommendation(BaseModel):
    meeting: int
    number: int
    subitem: str | None
    paragraphs: list[int]
    quotes: list[str]
    via_chapter: bool = Field(description="True when the recommendation refers to the whole chapter.")
    iri: str


class ArticleParagraphCitation(BaseModel):
    document: DocumentLink
    paragraph: int | None
    footnote: str | None
    quote: str


class Article(BaseModel):
    instrument: str
    number: int
    title: Titles
    chapter: str | None
    recommendations: list[ArticleRecommendation]
    documents: list[ArticleParagraphCitation]
    iri: str


class Document(BaseModel):
    id: str
    symbol: str | None
    title: str | None
    date: dt.date | None
    kind: list[str]
    language: str | None
    meeting: int | None
    source: str | None = Field(description="The file it was read from; null for documents only cited.")
    iri: str
    undocs: str | None


class Reference(BaseModel):
    type: str = Field(description="document, resolution, article, article-paragraph, chapter, "
                      "instrument, recommendation or publication")
    label: str
    iri: str
    fragment: str | None = None
    quote: str


class ChainEntry(BaseModel):
    document: DocumentLink
    in_corpus: bool
    depth: int
    path: list[str] = Field(description="One shortest path of document ids from the start.")


class Chain(BaseModel):
    start: DocumentLink
    direction: str
    depth: int
    items: list[ChainEntry]
    truncated: bool = Field(description="True when the fan-out cap stopped the walk.")


class SearchHit(BaseModel):
    type: str = Field(description="recommendation, paragraph, footnote or document")
    label: str
    text: str
    matched: list[str] = Field(description="The words of the text that matched, as printed.")
    document: str | None = Field(description="The document a paragraph or footnote belongs to.")
    iri: str


class Resolution(BaseModel):
    id: str
    body: str
    number: str
    title: str | None
    iri: str
    undocs: str | None
    cited_by_count: int


class ResolutionDetail(Resolution):
    cited_by: list[DocumentLink]
    cites: list[str]
