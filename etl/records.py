"""Typed records that the parsers yield and the mapper turns into RDF.

Every record that states a fact about the text carries the :class:`Span` of the source file
it was read from, so that each triple built from it can be traced back to its words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Span",
    "SourceFile",
    "Part",
    "ArticleRef",
    "ChapterRef",
    "InstrumentRef",
    "DocumentRef",
    "ResolutionRef",
    "RecommendationRef",
    "PublicationRef",
    "Target",
    "Reference",
    "Mention",
    "Subitem",
    "Recommendation",
    "Paragraph",
    "FootnoteRecord",
    "MeetingMention",
    "AgendaItem",
    "ResolutionNote",
    "DocumentRecord",
]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character span ``[start, end)`` of the source file, with its exact text."""

    start: int
    end: int
    exact: str


@dataclass(frozen=True)
class SourceFile:
    """The file a document was read from."""

    name: str
    sha256: str
    size: int


PartKind = Literal["document", "paragraph", "recommendation", "subitem", "footnote"]


@dataclass(frozen=True)
class Part:
    """The part of a document in which a reference or mention stands.

    ``number`` is the paragraph number, footnote mark or recommendation number; ``meeting``
    is the ordinal of the meeting a recommendation was printed under, when the document
    says it (a compilation), else ``None`` for "the document's own meeting".
    """

    kind: PartKind
    number: str = ""
    letter: str = ""
    meeting: int | None = None


DOCUMENT_PART = Part("document")


@dataclass(frozen=True)
class ArticleRef:
    instrument: str
    article: int
    paragraph: int | None = None


@dataclass(frozen=True)
class ChapterRef:
    instrument: str
    chapter: str  # Roman numeral, as printed


@dataclass(frozen=True)
class InstrumentRef:
    instrument: str


@dataclass(frozen=True)
class DocumentRef:
    symbol: str  # normalized, Latin letters


ResolutionBody = Literal["cop", "ga", "ecosoc"]


@dataclass(frozen=True)
class ResolutionRef:
    body: ResolutionBody
    number: str  # "6/3", "74/247", "2014/23"


@dataclass(frozen=True)
class RecommendationRef:
    number: int
    meeting: int | None = None  # None: the same meeting as the citing recommendation


@dataclass(frozen=True)
class PublicationRef:
    title: str
    citation: str  # the whole bibliographic text of the footnote


Target = (
    ArticleRef
    | ChapterRef
    | InstrumentRef
    | DocumentRef
    | ResolutionRef
    | RecommendationRef
    | PublicationRef
)


@dataclass(frozen=True)
class Reference:
    """``citing`` refers to ``target``; ``span`` is the exact citing text."""

    citing: Part
    target: Target
    span: Span
    fragment: str | None = None  # the cited part as printed ("пп. 41–48")


@dataclass(frozen=True)
class Mention:
    """An organization or country named in a part of the document."""

    part: Part
    kind: Literal["organization", "country"]
    key: str
    span: Span


@dataclass(frozen=True)
class Subitem:
    letter: str
    text: str
    span: Span


@dataclass(frozen=True)
class Recommendation:
    number: int
    text: str
    span: Span
    meeting: int | None = None  # printed under a meeting heading; None: the document's
    section: str | None = None
    addressee: str | None = None
    strength: str | None = None
    subitems: tuple[Subitem, ...] = ()

    @property
    def part(self) -> Part:
        return Part("recommendation", str(self.number), meeting=self.meeting)


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    span: Span
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FootnoteRecord:
    mark: str
    text: str
    span: Span
    paragraph: int | None = None  # the numbered paragraph where its mark stands


@dataclass(frozen=True)
class MeetingMention:
    """What a text says about a meeting of the Working Group."""

    ordinal: int | None = None
    city: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    span: Span | None = None


@dataclass(frozen=True)
class AgendaItem:
    number: int
    title: str
    span: Span
    documents: tuple[str, ...] = ()  # symbols listed as its documentation


@dataclass(frozen=True)
class ResolutionNote:
    """What a text says about a resolution itself: its title, the resolutions it cites."""

    resolution: ResolutionRef
    title: str | None = None
    cites: tuple[ResolutionRef, ...] = ()
    span: Span | None = None


@dataclass(frozen=True)
class DocumentRecord:
    """Everything the ETL read from one source file."""

    source: SourceFile
    language: str
    kinds: frozenset[str]
    symbol: str | None = None
    job_number: str | None = None
    title: str | None = None
    date: dt.date | None = None
    original_language: str | None = None
    own_meeting: MeetingMention | None = None  # the meeting the document belongs to
    own_session: int | None = None  # the COP session the document is for
    agenda_item: tuple[int, str] | None = None
    meeting_mentions: tuple[MeetingMention, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[FootnoteRecord, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    references: tuple[Reference, ...] = ()
    mentions: tuple[Mention, ...] = ()
    resolution_notes: tuple[ResolutionNote, ...] = ()
    warnings: tuple[str, ...] = field(default=())
