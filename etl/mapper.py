"""Map records to RDF: a pure function of the records, the meeting registry and the base IRI.

One graph per source document holds what that document says, every extracted link with the
exact source span it came from (W3C Web Annotation selectors); the registry graph holds what
all documents say together about meetings and sessions. Citations follow OpenCitations: each
is a ``cito:Citation`` resource with its citing and cited entities and its span, and the
plain ``cito:cites`` link is stated too, from the citing part and from its document, so that
simple SPARQL stays simple. No blank nodes are used, so graphs compare as sets of triples.
"""

from __future__ import annotations

import datetime as dt

from rdflib import Literal, URIRef
from rdflib.term import Node

from etl.meetings import Meeting, MeetingRegistry
from etl.records import (
    ArticleRef,
    ChapterRef,
    DocumentRecord,
    DocumentRef,
    InstrumentRef,
    Part,
    PublicationRef,
    RecommendationRef,
    ResolutionRef,
    Span,
    Target,
)
from graph import iris
from graph.namespaces import (
    CITO,
    DCTERMS,
    ELI,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SOMKG,
    XSD,
)
from graph.store import Triple

__all__ = ["ETL_VERSION", "map_document", "map_registry", "document_iri", "unsymbolled_key"]

ETL_VERSION = "0.1.0"

_KIND_CLASSES = {
    "Document": SOMKG.Document,
    "MeetingReport": SOMKG.MeetingReport,
    "DraftReport": SOMKG.DraftReport,
    "Addendum": SOMKG.Addendum,
    "AnnotatedAgenda": SOMKG.AnnotatedAgenda,
    "BackgroundPaper": SOMKG.BackgroundPaper,
    "Compilation": SOMKG.Compilation,
    "SecretariatReport": SOMKG.SecretariatReport,
}
_BODIES = {"cop": "cop-untoc", "ga": "ga", "ecosoc": "ecosoc"}
_KIND_SLUGS = {
    "Compilation": "compilation", "AnnotatedAgenda": "annotated-agenda",
    "SecretariatReport": "secretariat-report", "DraftReport": "draft-report",
    "MeetingReport": "meeting-report", "BackgroundPaper": "background-paper",
}


def _int(n: int) -> Literal:
    # xsd:integer, not xsd:positiveInteger: Oxigraph stores every integer-derived datatype
    # as xsd:integer, so the graph would not read back as written. Shapes check the range.
    return Literal(n, datatype=XSD.integer)


def _ru(text: str) -> Literal:
    return Literal(text, lang="ru")


def _date(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def unsymbolled_key(record: DocumentRecord, registry: MeetingRegistry) -> str:
    """The stable key of a document whose text gives no symbol: its kind, the year it
    belongs to, and a digest of its clean title or, without one, of its source text."""
    kind = next((_KIND_SLUGS[k] for k in _KIND_SLUGS if k in record.kinds), "document")
    meeting = registry.by_document.get(record.source.sha256)
    year = (record.date.year if record.date else meeting.year if meeting and meeting.year
            else "undated")
    basis = record.title or record.source.sha256
    return f"{kind}-{year}-{iris.digest(basis, record.language, length=8)}"


def document_iri(record: DocumentRecord, registry: MeetingRegistry, base: str) -> URIRef:
    return iris.document(base, record.symbol, None if record.symbol else unsymbolled_key(record, registry))


class _DocumentMapper:
    def __init__(self, record: DocumentRecord, registry: MeetingRegistry, base: str):
        self.record = record
        self.registry = registry
        self.base = base
        self.g: set[Triple] = set()
        self.doc = document_iri(record, registry, base)
        self.source = iris.source(base, record.source.sha256)
        meeting = registry.by_document.get(record.source.sha256)
        self.meeting = meeting
        self.meeting_iri = _meeting_iri(base, meeting) if meeting else None

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.g.add((s, p, o))  # a set: mapping stays cheap; rdflib graphs are made on demand

    # -- spans and provenance ----------------------------------------------------------------

    def span(self, span: Span) -> URIRef:
        node = iris.span(self.base, self.record.source.sha256, span.start, span.end)
        position, quote = URIRef(f"{node}/position"), URIRef(f"{node}/quote")
        self.add(node, RDF.type, SOMKG.TextSpan)
        self.add(node, RDF.type, OA.SpecificResource)
        self.add(node, OA.hasSource, self.source)
        self.add(node, OA.hasSelector, position)
        self.add(node, OA.hasSelector, quote)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(span.start, datatype=XSD.integer))
        self.add(position, OA.end, Literal(span.end, datatype=XSD.integer))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(span.exact))
        return node

    # -- the document ------------------------------------------------------------------------

    def document(self) -> None:
        r, doc = self.record, self.doc
        self.add(doc, RDF.type, SOMKG.Document)
        for kind in sorted(r.kinds):
            self.add(doc, RDF.type, _KIND_CLASSES[kind])
        if r.symbol:
            self.add(doc, SOMKG.symbol, Literal(r.symbol))
            self.add(doc, SOMKG.undocsPage, iris.undocs(r.symbol))
            self.add(doc, RDFS.seeAlso, iris.undocs(r.symbol, r.language))
            self.add(doc, OWL.sameAs, iris.akn_alias(self.base, r.symbol))
        else:
            self.add(doc, OWL.sameAs, iris.akn_alias(self.base, key=str(doc).rsplit("/", 1)[1][2:]))
        if r.job_number:
            self.add(doc, SOMKG.jobNumber, Literal(r.job_number))
        if r.title:
            self.add(doc, DCTERMS.title, _ru(r.title))
            self.add(doc, RDFS.label, _ru(r.title))
        elif r.symbol:
            self.add(doc, RDFS.label, Literal(r.symbol))
        if r.date:
            self.add(doc, DCTERMS.date, _date(r.date))
        self.add(doc, DCTERMS.language, Literal(r.language, datatype=XSD.language))
        if r.original_language:
            self.add(doc, SOMKG.originalLanguage, Literal(r.original_language, datatype=XSD.language))
        if self.meeting_iri:
            self.add(doc, SOMKG.meeting, self.meeting_iri)
        if r.own_session:
            self.add(doc, SOMKG.session, iris.session(self.base, r.own_session))
        if r.agenda_item and self.meeting_iri:
            item = iris.agenda_item(self.meeting_iri, r.agenda_item[0])
            self.add(doc, SOMKG.agendaItem, item)
            self.agenda_item(item, r.agenda_item[0], r.agenda_item[1], None)
        self.add(doc, PROV.wasDerivedFrom, self.source)
        self.add(self.source, RDF.type, SOMKG.SourceFile)
        self.add(self.source, DCTERMS.title, Literal(r.source.name))
        self.add(self.source, SOMKG.sha256, Literal(r.source.sha256, datatype=XSD.hexBinary))
        self.add(self.source, DCTERMS.format, Literal("text/plain"))

    def agenda_item(self, item: URIRef, number: int, title: str, span: Span | None) -> None:
        self.add(item, RDF.type, SOMKG.AgendaItem)
        self.add(item, SOMKG.number, _int(number))
        if title:
            self.add(item, DCTERMS.title, _ru(title))
        self.add(self.meeting_iri, SOMKG.hasAgendaItem, item)
        if span:
            self.add(item, SOMKG.span, self.span(span))

    def agenda(self) -> None:
        if not self.meeting_iri:
            return
        for entry in self.record.agenda:
            item = iris.agenda_item(self.meeting_iri, entry.number)
            self.agenda_item(item, entry.number, entry.title, entry.span)
            for symbol in entry.documents:
                listed = self.cited_document(symbol)
                self.add(listed, SOMKG.agendaItem, item)

    def paragraphs(self) -> None:
        for p in self.record.paragraphs:
            node = iris.paragraph(self.doc, p.number)
            self.document_part(node, SOMKG.hasParagraph, SOMKG.DocumentParagraph, p.text, p.span)
            self.add(node, SOMKG.number, _int(p.number))
            for mark in p.footnotes:
                self.add(node, SOMKG.footnote, iris.footnote(self.doc, mark))
        for f in self.record.footnotes:
            node = iris.footnote(self.doc, f.mark)
            self.document_part(node, SOMKG.hasFootnote, SOMKG.Footnote, f.text, f.span)
            self.add(node, SOMKG.mark, Literal(f.mark))

    def document_part(self, node: URIRef, link: URIRef, cls: URIRef, text: str, span: Span) -> None:
        self.add(self.doc, link, node)
        self.add(node, RDF.type, cls)
        self.add(node, DCTERMS.isPartOf, self.doc)
        self.add(node, SOMKG.text, _ru(text))
        self.add(node, SOMKG.span, self.span(span))

    def recommendation_iri(self, meeting: int | None, number: int, letter: str = "") -> URIRef | None:
        key = meeting if meeting is not None else _meeting_key(self.meeting)
        if key is None:
            return None
        return iris.recommendation(self.base, key, number, letter)

    def recommendations(self) -> None:
        for rec in self.record.recommendations:
            node = self.recommendation_iri(rec.meeting, rec.number)
            if node is None:
                continue
            meeting = (_meeting_iri(self.base, self.registry.by_ordinal(rec.meeting))
                       if rec.meeting is not None and self.registry.by_ordinal(rec.meeting)
                       else iris.meeting(self.base, rec.meeting) if rec.meeting is not None
                       else self.meeting_iri)
            self.add(node, RDF.type, SOMKG.Recommendation)
            self.add(node, SOMKG.number, _int(rec.number))
            self.add(node, SOMKG.adoptedAt, meeting)
            self.add(node, SOMKG.appearsIn, self.doc)
            self.add(node, SOMKG.text, _ru(rec.text))
            self.add(node, SOMKG.span, self.span(rec.span))
            ordinal = rec.meeting if rec.meeting is not None else (
                self.meeting.ordinal if self.meeting else None)
            label = f"Рекомендация {rec.number}" + (f" ({ordinal}-е совещание)" if ordinal else "")
            self.add(node, RDFS.label, _ru(label))
            self.add(node, RDFS.label, Literal(
                f"Recommendation {rec.number}" + (f" of meeting {ordinal}" if ordinal else ""), lang="en"))
            if rec.section:
                self.add(node, SOMKG.section, _ru(rec.section))
            if rec.addressee:
                self.add(node, SOMKG.addressee, SOMKG[rec.addressee])
            if rec.strength:
                self.add(node, SOMKG.strength, SOMKG[rec.strength])
            for sub in rec.subitems:
                sub_node = self.recommendation_iri(rec.meeting, rec.number, sub.letter)
                self.add(node, SOMKG.hasSubitem, sub_node)
                self.add(sub_node, RDF.type, SOMKG.RecommendationSubitem)
                self.add(sub_node, DCTERMS.isPartOf, node)
                self.add(sub_node, SOMKG.letter, Literal(sub.letter))
                self.add(sub_node, SOMKG.text, _ru(sub.text))
                self.add(sub_node, SOMKG.span, self.span(sub.span))

    # -- references ------------------------------------------------------------------------

    def part(self, part: Part) -> URIRef | None:
        if part.kind == "document":
            return self.doc
        if part.kind == "paragraph":
            return iris.paragraph(self.doc, int(part.number))
        if part.kind == "footnote":
            return iris.footnote(self.doc, part.number)
        return self.recommendation_iri(part.meeting, int(part.number), part.letter)

    def cited_document(self, symbol: str) -> URIRef:
        node = iris.document(self.base, symbol)
        self.add(node, RDF.type, SOMKG.Document)
        self.add(node, SOMKG.symbol, Literal(symbol))
        self.add(node, SOMKG.undocsPage, iris.undocs(symbol))
        self.add(node, OWL.sameAs, iris.akn_alias(self.base, symbol))
        self.add(node, RDFS.label, Literal(symbol))
        meeting = self.registry.for_symbol(symbol)
        if meeting and _meeting_key(meeting) is not None:
            self.add(node, SOMKG.meeting, _meeting_iri(self.base, meeting))
        return node

    def resolution(self, ref: ResolutionRef) -> URIRef:
        node = iris.resolution(self.base, ref.body, ref.number)
        self.add(node, RDF.type, SOMKG.Resolution)
        self.add(node, SOMKG.number, Literal(ref.number))
        self.add(node, SOMKG.adoptedBy, iris.named_entity(self.base, "organization", _BODIES[ref.body]))
        names = {"cop": ("резолюция {} Конференции участников", "Conference of the Parties resolution {}"),
                 "ga": ("резолюция {} Генеральной Ассамблеи", "General Assembly resolution {}"),
                 "ecosoc": ("резолюция {} Экономического и Социального Совета",
                            "Economic and Social Council resolution {}")}[ref.body]
        self.add(node, RDFS.label, _ru(names[0].format(ref.number)))
        self.add(node, RDFS.label, Literal(names[1].format(ref.number), lang="en"))
        session = int(ref.number.split("/")[0])
        if ref.body == "cop":
            self.add(node, SOMKG.session, iris.session(self.base, session))
        else:
            prefix = "A" if ref.body == "ga" else "E"
            self.add(node, SOMKG.undocsPage, iris.undocs(f"{prefix}/RES/{ref.number}"))
        return node

    def target(self, target: Target, citing_meeting: int | None) -> URIRef | None:
        base = self.base
        if isinstance(target, ArticleRef):
            article = iris.article(base, target.instrument, target.article)
            if target.paragraph is None:
                return article
            node = iris.article_paragraph(base, target.instrument, target.article, target.paragraph)
            self.add(node, RDF.type, SOMKG.ArticleParagraph)
            self.add(node, SOMKG.number, _int(target.paragraph))
            self.add(node, ELI.is_part_of, article)
            self.add(node, RDFS.label, Literal(
                f"Article {target.article}, paragraph {target.paragraph}", lang="en"))
            self.add(node, RDFS.label, _ru(f"Пункт {target.paragraph} статьи {target.article}"))
            return node
        if isinstance(target, ChapterRef):
            return iris.chapter(base, target.instrument, target.chapter)
        if isinstance(target, InstrumentRef):
            return iris.instrument(base, target.instrument)
        if isinstance(target, DocumentRef):
            return self.cited_document(target.symbol)
        if isinstance(target, ResolutionRef):
            return self.resolution(target)
        if isinstance(target, RecommendationRef):
            return self.recommendation_iri(target.meeting if target.meeting is not None
                                           else citing_meeting, target.number)
        if isinstance(target, PublicationRef):
            node = iris.publication(base, target.title)
            self.add(node, RDF.type, SOMKG.Publication)
            self.add(node, DCTERMS.title, Literal(target.title))
            self.add(node, DCTERMS.bibliographicCitation, Literal(target.citation))
            return node
        raise TypeError(f"unknown target {target!r}")

    def references(self) -> None:
        for ref in self.record.references:
            citing = self.part(ref.citing)
            cited = self.target(ref.target, ref.citing.meeting)
            if citing is None or cited is None or citing == cited:
                continue
            citation = iris.citation(self.doc, citing, cited, ref.span.start)
            self.add(citing, CITO.cites, cited)
            if citing != self.doc:
                self.add(self.doc, CITO.cites, cited)
            self.add(citation, RDF.type, SOMKG.Citation)
            self.add(citation, RDF.type, CITO.Citation)
            self.add(citation, CITO.hasCitingEntity, citing)
            self.add(citation, CITO.hasCitedEntity, cited)
            self.add(citation, SOMKG.citingDocument, self.doc)
            self.add(citation, SOMKG.span, self.span(ref.span))
            if ref.fragment:
                self.add(citation, SOMKG.citedFragment, Literal(ref.fragment))
        for note in self.record.resolution_notes:
            node = self.resolution(note.resolution)
            if note.title:
                self.add(node, DCTERMS.title, _ru(note.title))
            for cited in note.cites:
                self.add(node, CITO.cites, self.resolution(cited))

    def mentions(self) -> None:
        for mention in self.record.mentions:
            part = self.part(mention.part)
            if part is None:
                continue
            entity = iris.named_entity(self.base, mention.kind, mention.key)
            node = URIRef(f"{self.doc}/mention/{iris.digest(str(entity), str(mention.span.start))}")
            self.add(part, SOMKG.mentions, entity)
            if part != self.doc:
                self.add(self.doc, SOMKG.mentions, entity)
            self.add(node, RDF.type, SOMKG.Mention)
            self.add(node, OA.hasBody, entity)
            self.add(node, OA.hasTarget, self.span(mention.span))
            self.add(node, DCTERMS.isPartOf, part)

    def build(self) -> set[Triple]:
        self.document()
        self.agenda()
        self.paragraphs()
        self.recommendations()
        self.references()
        self.mentions()
        graph_iri = iris.document_graph(self.base, self.doc)
        self.add(graph_iri, PROV.wasDerivedFrom, self.source)
        self.add(graph_iri, SOMKG.etlVersion, Literal(ETL_VERSION))
        return self.g


def _meeting_key(meeting: Meeting | None) -> int | str | None:
    if meeting is None:
        return None
    if meeting.ordinal is not None:
        return meeting.ordinal
    return meeting.start.isoformat() if meeting.start else None


def _meeting_iri(base: str, meeting: Meeting) -> URIRef:
    return iris.meeting(base, meeting.ordinal, meeting.start.isoformat() if meeting.start else None)


def map_document(record: DocumentRecord, registry: MeetingRegistry, base: str) -> set[Triple]:
    """The graph of what one document says."""
    return _DocumentMapper(record, registry, base).build()


_ORDINAL_RU = {1: "Первое", 2: "Второе", 3: "Третье", 4: "Четвертое", 5: "Пятое", 6: "Шестое",
               7: "Седьмое", 8: "Восьмое", 9: "Девятое", 10: "Десятое", 11: "Одиннадцатое",
               12: "Двенадцатое"}
_CITY_EN = {"Вена": "Vienna", "Нью-Йорк": "New York", "Женева": "Geneva"}


def _english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def map_registry(
    registry: MeetingRegistry, records: list[DocumentRecord], base: str
) -> set[Triple]:
    """The graph of meetings and sessions, joined from what all documents say."""
    g: set[Triple] = set()
    documents = {r.source.sha256: document_iri(r, registry, base) for r in records}
    for meeting in registry.meetings:
        if _meeting_key(meeting) is None:
            continue
        node = _meeting_iri(base, meeting)
        g.add((node, RDF.type, SOMKG.Meeting))
        g.add((node, SOMKG.organizer, iris.named_entity(base, "organization", "wg-som")))
        if meeting.ordinal is not None:
            g.add((node, SOMKG.ordinal, _int(meeting.ordinal)))
            g.add((node, RDFS.label, Literal(
                f"{_english_ordinal(meeting.ordinal)} meeting of the Working Group "
                "on the Smuggling of Migrants",
                lang="en")))
            g.add((node, RDFS.label, _ru(
                f"{_ORDINAL_RU.get(meeting.ordinal, str(meeting.ordinal))} совещание Рабочей группы "
                "по незаконному ввозу мигрантов")))
        if meeting.city:
            g.add((node, SOMKG.city, _ru(meeting.city)))
            if meeting.city in _CITY_EN:
                g.add((node, SOMKG.city, Literal(_CITY_EN[meeting.city], lang="en")))
        if meeting.start:
            g.add((node, SCHEMA.startDate, _date(meeting.start)))
            g.add((node, SCHEMA.endDate, _date(meeting.end or meeting.start)))
        for sha in sorted(meeting.sources):
            if sha in documents:
                g.add((node, DCTERMS.source, documents[sha]))
    sessions = {r.own_session for r in records if r.own_session}
    for r in records:
        for ref in r.references:
            if isinstance(ref.target, ResolutionRef) and ref.target.body == "cop":
                sessions.add(int(ref.target.number.split("/")[0]))
        for note in r.resolution_notes:
            for res in (note.resolution, *note.cites):
                if res.body == "cop":
                    sessions.add(int(res.number.split("/")[0]))
    for n in sorted(sessions):
        node = iris.session(base, n)
        g.add((node, RDF.type, SOMKG.Session))
        g.add((node, SOMKG.ordinal, _int(n)))
        g.add((node, SOMKG.organizer, iris.named_entity(base, "organization", "cop-untoc")))
        g.add((node, RDFS.label, Literal(
            f"{_english_ordinal(n)} session of the Conference of the Parties to UNTOC", lang="en")))
        g.add((node, RDFS.label, _ru(f"Сессия {n} Конференции участников")))
    return g
