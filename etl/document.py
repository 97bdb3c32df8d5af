"""Read one source file into a :class:`~etl.records.DocumentRecord`.

Accepted input is UTF-8 text (``.txt``), including Markdown-like text (``.md``, or a ``.txt``
with ``**`` emphasis and ``[..](..)`` links). A file that is empty, binary, not UTF-8, or of
another format (PDF, Word, HTML...) is refused with a :class:`DocumentError` that says why;
convert such documents to UTF-8 text first.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from etl.meetings import find_meeting_mentions, find_session_ordinal
from etl.names import NameMatch
from etl.records import (
    DOCUMENT_PART,
    DocumentRecord,
    FootnoteRecord,
    MeetingMention,
    Mention,
    Paragraph,
    Part,
    PublicationRef,
    Recommendation,
    RecommendationRef,
    Reference,
    ResolutionNote,
    SourceFile,
    Span,
    Subitem,
)
from etl.reference import ReferenceData
from etl.references import Found, Matchers, ReferenceReader
from etl.structure import Unit, read_body, read_cover
from etl.text import NormalizedText, normalize
from etl.wording import addressee, strength

__all__ = ["DocumentError", "decode", "read_document", "ACCEPTED_SUFFIXES"]

ACCEPTED_SUFFIXES = (".txt", ".md")
_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP container (Word, OpenDocument?)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF file",
}


class DocumentError(ValueError):
    """A source file that cannot be read as a document; the message says why."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def decode(name: str, data: bytes) -> str:
    """The text of a source file. Raises :class:`DocumentError` for what is not UTF-8 text."""
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise DocumentError(name, f"not a text file: it is {what}; convert it to UTF-8 text")
    if not data.strip():
        raise DocumentError(name, "the file is empty")
    if b"\x00" in data[:65536]:
        raise DocumentError(name, "not a text file: it holds NUL bytes (binary data)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError(
            name, f"not UTF-8 text: invalid byte 0x{data[e.start]:02x} at offset {e.start}"
        ) from None
    text = text.removeprefix("\ufeff")
    if re.search(r"<html|<!DOCTYPE html", text[:1000], re.I):
        raise DocumentError(name, "an HTML page; convert it to plain text")
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > 0.01 * min(len(text), 65536):
        raise DocumentError(name, "not a text file: too many control characters")
    if not re.search(r"[A-Za-zА-Яа-яЁё]{2}", text):
        raise DocumentError(name, "the file holds no words")
    return text


class _Spans:
    def __init__(self, source: str, clean: NormalizedText):
        self.source = source
        self.clean = clean

    def __call__(self, start: int, end: int) -> Span:
        s, e = self.clean.source_span(start, end)
        return Span(s, e, self.source[s:e])


def _flat(text: str) -> str:
    return " ".join(text.split())


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_IBID = re.compile(r"^\s*(?:Ibid|Там же)\.?\s*$", re.I)
_QUOTED = re.compile(r"[“«\"](?P<t>[^”»\"]{4,300})[”»\"]")
_PUBLICATION_HINT = re.compile(r"\(\s*[^()]*\b(?:19|20)\d{2}\)|publication|Sales No|\b(?:19|20)\d{2}\b")
_SEE = re.compile(r"^(?:См\.|See|См\. также|Подробнее [^.]*?см\.)\s*", re.I)


def _publication(text: str) -> PublicationRef | None:
    """A publication cited by a footnote: a quoted title, or the leading title of a
    bibliographic entry with a year or sales number."""
    citation = _flat(text)
    body = _SEE.sub("", citation)
    m = _QUOTED.search(body)
    if m:
        return PublicationRef(_flat(m.group("t")).rstrip(","), citation)
    if _PUBLICATION_HINT.search(body) and not re.match(r"^[A-Z]+/", body):
        title = re.split(r"\s*\(|\.\s", body, maxsplit=1)[0].strip(" .,")
        if len(title) >= 8:
            return PublicationRef(title, citation)
    return None


def read_document(
    name: str, data: bytes, reference: ReferenceData, matchers: Matchers
) -> DocumentRecord:
    """Read one file. Raises :class:`DocumentError` for input that is not a text document."""
    source = decode(name, data)
    clean, footnotes, layout = normalize(source)
    if not clean.text.strip():
        raise DocumentError(name, "no text is left once page furniture is removed")
    span = _Spans(source, clean)
    text = clean.text
    flat = text.replace("\n", " ")
    cover = read_cover(clean, matchers.organizations)
    body = read_body(clean, cover.end)
    symbol = Counter(layout.header_symbols).most_common(1)[0][0] if layout.header_symbols else None
    kinds = set(cover.kinds)
    if symbol and "/Add." in symbol:
        kinds.add("Addendum")
    if body.layout == "compilation":
        kinds.add("Compilation")
    if body.layout == "recommendations" and not kinds & {"DraftReport", "MeetingReport"}:
        kinds.add("MeetingReport")
    if not kinds:
        kinds.add("Document")

    reader = _PartReader(ReferenceReader(reference, matchers), matchers, symbol)
    units = list(body.units)
    recommendations = _recommendations(units, text, span)

    # Each part of the text is read once, in document order, for what it cites and names.
    # A recommendation with sub-items owns only its lead-in; each sub-item owns its text.
    # Names are found once in the whole text, then handed to the part they stand in.
    names = list(matchers.names.finditer(flat))
    starts = [n.start for n in names]
    for part, start, end in _citing_ranges(units, len(text)):
        if flat[start:end].strip():
            inside = [NameMatch(n.key, n.start - start, n.end - start)
                      for n in names[bisect_left(starts, start):bisect_left(starts, end)]
                      if n.end <= end]
            reader.read(part, flat[start:end], lambda a, b, at=start: span(at + a, at + b), inside)

    paragraphs = []
    for unit in units:
        if unit.part.kind == "paragraph":
            marks = tuple(f.mark for f in footnotes
                          if f.cited_at is not None and unit.start <= f.cited_at <= unit.end)
            paragraphs.append(Paragraph(int(unit.part.number), _flat(text[unit.start:unit.end]),
                                        span(unit.start, unit.end), marks))

    footnote_records = []
    previous_publication = None
    for f in footnotes:
        if not f.body.text.strip():
            continue
        fspans = _Spans(source, f.body)
        fspan = fspans(0, len(f.body.text))
        where = next((int(u.part.number) for u in units if u.part.kind == "paragraph"
                      and f.cited_at is not None and u.start <= f.cited_at <= u.end), None)
        footnote_records.append(FootnoteRecord(f.mark, _flat(f.body.text), fspan, where))
        part = Part("footnote", f.mark)
        ftext = f.body.text.replace("\n", " ")
        cites_documents = reader.read(part, ftext, fspans)
        publication = previous_publication if _IBID.match(ftext) else (
            None if cites_documents else _publication(ftext))
        if publication:
            reader.references.append(Reference(part, publication, fspan))
            previous_publication = publication

    meeting_mentions = [m for m, _, _ in body.meeting_headings]
    own_ordinal = None
    for mention, start, end in find_meeting_mentions(flat):
        meeting_mentions.append(MeetingMention(mention.ordinal, mention.city, mention.start,
                                               mention.end, span(start, end)))
        sentence_start = max(flat.rfind(". ", 0, start), 0)
        if own_ordinal is None and re.search(r"Настоящ\w+\s+(?:справочн\w+\s+)?(?:документ|доклад)",
                                             flat[sentence_start:start]):
            own_ordinal = mention.ordinal
    own = cover.place_and_dates
    if own_ordinal is not None:
        own = MeetingMention(own_ordinal, own.city if own else None,
                             own.start if own else None, own.end if own else None)
    session = find_session_ordinal(flat) if cover.body != "wg-som" and own is None else None

    return DocumentRecord(
        source=SourceFile(name, hashlib.sha256(data).hexdigest(), len(data)),
        language=cover.language or _language(text),
        kinds=frozenset(kinds),
        symbol=symbol,
        job_number=layout.job_numbers[0] if layout.job_numbers else None,
        title=cover.title,
        date=cover.date,
        original_language=cover.original_language,
        own_meeting=own,
        own_session=session,
        agenda_item=cover.agenda_item,
        meeting_mentions=tuple(meeting_mentions),
        recommendations=tuple(recommendations),
        paragraphs=tuple(paragraphs),
        footnotes=tuple(footnote_records),
        agenda=body.agenda,
        references=tuple(reader.references),
        mentions=tuple(reader.mentions),
        resolution_notes=tuple(reader.notes),
        warnings=tuple(reader.references_reader.warnings),
    )


class _PartReader:
    """Reads the parts of one document for references and mentions, in document order."""

    def __init__(self, reader: ReferenceReader, matchers: Matchers, own_symbol: str | None):
        self.references_reader = reader
        self.matchers = matchers
        self.own_symbol = own_symbol
        self.references: list[Reference] = []
        self.mentions: list[Mention] = []
        self.notes: list[ResolutionNote] = []

    def read(self, part: Part, text: str, span: Callable[[int, int], Span],
             names: list[NameMatch] | None = None) -> bool:
        """Read one part; ``span`` maps offsets in ``text`` to source spans; ``names`` are the
        names found in it, if already known. True if the part cites a document or resolution
        by symbol or number."""
        reader = self.references_reader
        if names is None:
            names = list(self.matchers.names.finditer(text))
        resolutions, notes = reader.resolutions(text)
        symbols = reader.symbols(text, self.own_symbol)
        found = reader.legal(text, names) + resolutions + symbols
        if part.kind in ("recommendation", "subitem"):
            found += [Found(RecommendationRef(f.target.number, part.meeting), f.start, f.end)
                      for f in reader.recommendations(text)]
        for f in found:
            self.references.append(Reference(part, f.target, span(f.start, f.end), f.fragment))
        self.notes.extend(notes)
        for m in names:
            if m.key[0] != "instrument":
                self.mentions.append(Mention(part, m.key[0], m.key[1], span(m.start, m.end)))
        return bool(resolutions or symbols)


def _language(text: str) -> str:
    cyrillic = sum(map(len, re.findall(r"[А-Яа-яЁё]+", text)))  # letters, counted by runs
    latin = sum(map(len, re.findall(r"[A-Za-z]+", text)))
    return "ru" if cyrillic >= latin else "en"


def _recommendations(units: list[Unit], text: str, span: _Spans) -> list[Recommendation]:
    out = []
    for unit in units:
        if unit.part.kind != "recommendation":
            continue
        subs = tuple(
            Subitem(u.part.letter, _flat(text[u.start:u.end]), span(u.start, u.end))
            for u in units
            if u.part.kind == "subitem" and u.part.number == unit.part.number
            and u.part.meeting == unit.part.meeting and unit.start <= u.start < unit.end
        )
        full = _flat(text[unit.start:unit.end])
        lead = _flat(text[unit.start:next((u.start for u in units if u.part.kind == "subitem"
                                            and unit.start <= u.start < unit.end), unit.end)])
        out.append(Recommendation(
            number=int(unit.part.number), text=full, span=span(unit.start, unit.end),
            meeting=unit.part.meeting, section=unit.section,
            addressee=addressee(lead), strength=strength(lead), subitems=subs,
        ))
    return out


def _citing_ranges(units: list[Unit], length: int) -> list[tuple[Part, int, int]]:
    """Non-overlapping (part, start, end) ranges covering the text, in order."""
    ranges: list[tuple[Part, int, int]] = []
    for unit in units:
        if unit.part.kind == "recommendation":
            first_sub = min((u.start for u in units if u.part.kind == "subitem"
                             and unit.start <= u.start < unit.end), default=unit.end)
            ranges.append((unit.part, unit.start, first_sub))
        else:
            ranges.append((unit.part, unit.start, unit.end))
    ranges.sort(key=lambda r: r[1])
    out: list[tuple[Part, int, int]] = []
    pos = 0
    for part, start, end in ranges:
        if start > pos:
            out.append((DOCUMENT_PART, pos, start))
        out.append((part, start, end))
        pos = max(pos, end)
    if pos < length:
        out.append((DOCUMENT_PART, pos, length))
    return out

