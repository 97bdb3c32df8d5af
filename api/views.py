"""Read the graph for the API: each function runs named queries with bound terms and shapes
the rows into response models. Routes call these; no SPARQL is written anywhere else."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable

from rdflib import Literal, URIRef

from api import models
from api.errors import NotFound
from graph import iris, queries
from graph.store import SelectResult, Store

__all__ = [
    "meetings", "meeting", "recommendations", "recommendation", "instruments", "instrument", "article",
    "documents", "document", "document_iri", "references", "citations", "chain",
    "resolutions", "resolution", "resolution_iri",
]


def _rows(store: Store, name: str, **bindings) -> list[dict]:
    result = store.query(queries.load(name), bindings)
    assert isinstance(result, SelectResult)
    rows = [{k: v.toPython() if isinstance(v, Literal) else str(v) for k, v in row.items()}
            for row in result.rows]
    for row in rows:  # a quote is the exact source text; readers get its line breaks folded
        if "quote" in row:
            row["quote"] = " ".join(row["quote"].split())
    return rows


def _int(value) -> int | None:
    return int(value) if value not in (None, "") else None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if value else None


# --- meetings -----------------------------------------------------------------------------


def meetings(store: Store) -> list[models.Meeting]:
    return [models.Meeting(ordinal=_int(r.get("ordinal")), start_date=_date(r.get("start")),
                           end_date=_date(r.get("end")), city=r.get("city"),
                           recommendation_count=int(r["recommendations"]), iri=r["meeting"])
            for r in _rows(store, "recommendations-per-meeting")]


def meeting(store: Store, ordinal: int) -> models.Meeting:
    found = next((m for m in meetings(store) if m.ordinal == ordinal), None)
    if found is None:
        raise NotFound(f"no meeting {ordinal} in the graph")
    return found


# --- recommendations ----------------------------------------------------------------------


def _summary(r: dict) -> models.RecommendationSummary:
    return models.RecommendationSummary(
        meeting=int(r["meeting"]), number=int(r["number"]), text=r["text"],
        section=r.get("section"), strength=r.get("strength"), addressee=r.get("addressee"),
        iri=r["recommendation"])


def recommendations(store: Store, base: str, meeting: int | None = None,
                    instrument: str | None = None, article: int | None = None,
                    text: str | None = None) -> list[models.RecommendationSummary]:
    """Recommendations, filtered by meeting, by instrument (and article), and by words."""
    bindings: dict = {"meeting": Literal(meeting)} if meeting is not None else {}
    if instrument is not None:
        work = (iris.article(base, instrument, article) if article is not None
                else iris.instrument(base, instrument))
        hits = {r["recommendation"] for r in _rows(store, "recommendations-citing", work=work)}
        if not hits:
            return []
        bindings["recommendation"] = sorted(URIRef(h) for h in hits)
    found = [_summary(r) for r in _rows(store, "recommendations", **bindings)]
    if text:
        needle = text.casefold()
        found = [r for r in found if needle in r.text.casefold()]
    return found


def _article_links(rows: Iterable[dict]) -> list[models.ArticleLink]:
    links = [models.ArticleLink(
        instrument=r["instrument"], article=_int(r.get("articleNumber")) if r.get("article") else None,
        paragraph=_int(r.get("paragraph")), chapter=r.get("chapter"), subitem=r.get("subitem"),
        quote=r["quote"]) for r in rows]
    return sorted(links, key=lambda a: (a.subitem or "", a.instrument, a.article or 0,
                                        a.paragraph or 0, a.chapter or ""))


def recommendation(store: Store, base: str, meeting: int, number: int) -> models.Recommendation:
    node = iris.recommendation(base, meeting, number)
    summary = _rows(store, "recommendations", recommendation=node)
    if not summary:
        raise NotFound(f"no recommendation {number} of meeting {meeting}")
    parts = _rows(store, "recommendation-parts", recommendation=node)
    articles = _article_links(_rows(store, "articles-of-recommendation", recommendation=node))
    subitems = [models.Subitem(letter=p["letter"], text=p["text"],
                               articles=[a for a in articles if a.subitem == p["letter"]])
                for p in parts if p["kind"] == "subitem"]
    return models.Recommendation(
        **_summary(summary[0]).model_dump(),
        subitems=subitems,
        articles=articles,
        recommendations=[models.RecommendationLink(
            meeting=int(p["meeting"]), number=int(p["number"]), iri=p["item"])
            for p in parts if p["kind"] == "recommendation"],
        documents=[_document_link(p["item"], p.get("symbol"))
                   for p in parts if p["kind"] == "document"],
    )


# --- instruments and articles -------------------------------------------------------------


def instruments(store: Store) -> list[models.Instrument]:
    return [models.Instrument(key=r["key"], name=models.Titles(en=r["nameEn"], ru=r["nameRu"]),
                              article_count=int(r["articles"]), citation_count=int(r["citations"]),
                              iri=r["instrument"])
            for r in _rows(store, "instruments")]


def instrument(store: Store, base: str, key: str) -> models.InstrumentDetail:
    head = next((i for i in instruments(store) if i.key == key), None)
    if head is None:
        raise NotFound(f"no instrument {key!r}; see /api/instruments for the keys")
    chapters: dict[str, models.Chapter] = {}
    loose = []
    for r in _rows(store, "instrument-articles", instrument=iris.instrument(base, key)):
        summary = models.ArticleSummary(
            number=int(r["number"]), title=models.Titles(en=r.get("titleEn"), ru=r.get("titleRu")),
            chapter=r.get("chapter"), citation_count=int(r["citations"]), iri=r["article"])
        if summary.chapter:
            chapter = chapters.setdefault(summary.chapter, models.Chapter(
                number=summary.chapter,
                title=models.Titles(en=r.get("chapterTitleEn"), ru=r.get("chapterTitleRu")),
                articles=[]))
            chapter.articles.append(summary)
        else:
            loose.append(summary)
    return models.InstrumentDetail(**head.model_dump(), chapters=list(chapters.values()),
                                   articles=loose)


def article(store: Store, base: str, key: str, number: int) -> models.Article:
    node = iris.article(base, key, number)
    found = _rows(store, "article", article=node)
    if not found or found[0]["key"] != key:
        if not any(i.key == key for i in instruments(store)):
            raise NotFound(f"no instrument {key!r}; see /api/instruments for the keys")
        raise NotFound(f"instrument {key!r} has no article {number}")
    head = found[0]
    grouped: dict[tuple, models.ArticleRecommendation] = {}
    direct = _rows(store, "recommendations-by-article", article=node)
    via = _rows(store, "recommendations-by-chapter", article=node)
    for r, via_chapter in [(r, False) for r in direct] + [(r, True) for r in via]:
        letter = r["subitem"].rsplit("/", 1)[1] if r.get("subitem") else None
        key_ = (int(r["meeting"]), int(r["number"]), letter, via_chapter)
        entry = grouped.setdefault(key_, models.ArticleRecommendation(
            meeting=key_[0], number=key_[1], subitem=letter, paragraphs=[], quotes=[],
            via_chapter=via_chapter, iri=r["recommendation"]))
        if r.get("paragraph") is not None and int(r["paragraph"]) not in entry.paragraphs:
            entry.paragraphs.append(int(r["paragraph"]))
        if r["quote"] not in entry.quotes:
            entry.quotes.append(r["quote"])
    documents = [models.ArticleParagraphCitation(
        document=_document_link(r["document"], r.get("symbol")), paragraph=_int(r.get("number")),
        footnote=r.get("mark"), quote=r["quote"])
        for r in _rows(store, "paragraphs-by-article", article=node)]
    return models.Article(instrument=key, number=number,
                          title=models.Titles(en=head.get("titleEn"), ru=head.get("titleRu")),
                          chapter=head.get("chapter"),
                          recommendations=sorted(grouped.values(), key=lambda e: (
                              e.via_chapter, e.meeting, e.number, e.subitem or "")),
                          documents=documents, iri=str(node))


# --- documents ----------------------------------------------------------------------------


def _document_id(iri: str) -> str:
    slug = iri.rsplit("/id/document/", 1)[-1]
    return iris.slug_symbol(slug) or slug


def _document_link(iri: str, symbol: str | None) -> models.DocumentLink:
    return models.DocumentLink(id=_document_id(iri), symbol=symbol, iri=iri,
                               undocs=str(iris.undocs(symbol)) if symbol else None)


def _document(r: dict) -> models.Document:
    return models.Document(
        id=_document_id(r["document"]), symbol=r.get("symbol"), title=r.get("title"),
        date=_date(r.get("date")), kind=sorted((r.get("kinds") or "").split()),
        language=r.get("language"), meeting=_int(r.get("meeting")), source=r.get("source"),
        iri=r["document"], undocs=r.get("undocs"))


def document_iri(base: str, identifier: str) -> URIRef:
    """The IRI of a document given by its symbol ("CTOC/COP/WG.7/2020/3") or its own id."""
    if "/" in identifier:
        return iris.document(base, identifier)
    return URIRef(f"{base}id/document/{identifier}")


def documents(store: Store) -> list[models.Document]:
    return [_document(r) for r in _rows(store, "documents")]


def document(store: Store, base: str, identifier: str) -> models.Document:
    rows = _rows(store, "documents", document=document_iri(base, identifier))
    if not rows:
        raise NotFound(f"no document {identifier!r}; give its symbol or its id from /api/documents")
    return _document(rows[0])


_TYPES = {"Document": "document", "Resolution": "resolution", "Article": "article",
          "ArticleParagraph": "article-paragraph", "Chapter": "chapter",
          "LegalInstrument": "instrument", "Recommendation": "recommendation",
          "Publication": "publication"}


def references(store: Store, base: str, identifier: str) -> list[models.Reference]:
    node = document(store, base, identifier).iri
    out = []
    for r in _rows(store, "document-references", document=URIRef(node)):
        kind = _TYPES.get((r.get("class") or "").rsplit("#", 1)[-1])
        if kind is None:
            continue
        out.append(models.Reference(type=kind, label=r.get("label") or r["cited"], iri=r["cited"],
                                    fragment=r.get("fragment"), quote=r["quote"]))
    return out


def citations(store: Store, base: str, identifier: str) -> list[models.DocumentLink]:
    node = document(store, base, identifier).iri
    return [_document_link(r["citing"], r.get("symbol"))
            for r in _rows(store, "documents-citing", document=URIRef(node))]


def _neighbours(store: Store, node: str, direction: str) -> list[tuple[str, str | None]]:
    out = []
    if direction in ("out", "both"):
        out += [(r["cited"], r.get("symbol"))
                for r in _rows(store, "documents-cited-by", document=URIRef(node))]
    if direction in ("in", "both"):
        out += [(r["citing"], r.get("symbol"))
                for r in _rows(store, "documents-citing", document=URIRef(node))]
    return out


def chain(store: Store, base: str, identifier: str, direction: str, depth: int,
          limit: int) -> models.Chain:
    """Every document reached within ``depth`` citation steps, breadth first, each with one
    shortest path; cycles are safe (a document is visited once) and at most ``limit``
    documents are returned."""
    start = document(store, base, identifier)
    seen = {start.iri: [start.id]}
    queue = deque([(start.iri, 0)])
    reached: list[tuple[str, models.DocumentLink, int]] = []
    truncated = False
    while queue:
        node, level = queue.popleft()
        if level == depth:
            continue
        for neighbour, symbol in _neighbours(store, node, direction):
            if neighbour in seen:
                continue
            if len(reached) >= limit:
                truncated = True
                queue.clear()
                break
            link = _document_link(neighbour, symbol)
            seen[neighbour] = seen[node] + [link.id]
            reached.append((neighbour, link, level + 1))
            queue.append((neighbour, level + 1))
    read = {r["document"] for r in _rows(store, "documents-read",
                                         document=[URIRef(iri) for iri, _, _ in reached])
            } if reached else set()
    items = [models.ChainEntry(document=link, in_corpus=iri in read, depth=level, path=seen[iri])
             for iri, link, level in reached]
    return models.Chain(start=_document_link(start.iri, start.symbol), direction=direction,
                        depth=depth, items=items, truncated=truncated)


# --- resolutions --------------------------------------------------------------------------

_BODY_KEYS = {"cop-untoc": "cop", "ga": "ga", "ecosoc": "ecosoc"}


def resolution_iri(base: str, identifier: str) -> URIRef:
    """A resolution by its id ("cop/6/3", "ga/74/247") or by its symbol ("A/RES/74/247")."""
    parts = identifier.strip("/").split("/")
    if len(parts) == 4 and parts[1] == "RES" and parts[0] in ("A", "E"):
        return iris.resolution(base, "ga" if parts[0] == "A" else "ecosoc", f"{parts[2]}/{parts[3]}")
    if len(parts) == 3 and parts[0] in _BODY_KEYS.values() and all(p.isdigit() for p in parts[1:]):
        return iris.resolution(base, parts[0], f"{parts[1]}/{parts[2]}")
    raise NotFound(f"no resolution {identifier!r}: give cop/<session>/<n>, ga/<session>/<n> "
                   "or a symbol such as A/RES/74/247")


def _resolution(r: dict) -> models.Resolution:
    body = _BODY_KEYS.get(r["body"], r["body"])
    return models.Resolution(id=f"{body}/{r['number']}", body=body, number=r["number"],
                             title=r.get("title"), iri=r["resolution"], undocs=r.get("undocs"),
                             cited_by_count=int(r["citedBy"]))


def resolutions(store: Store) -> list[models.Resolution]:
    return [_resolution(r) for r in _rows(store, "resolutions")]


def resolution(store: Store, base: str, identifier: str) -> models.ResolutionDetail:
    node = resolution_iri(base, identifier)
    rows = _rows(store, "resolutions", resolution=node)
    if not rows:
        raise NotFound(f"no resolution {identifier!r} is cited in the graph")
    head = _resolution(rows[0])
    cited_by = [_document_link(r["citing"], r.get("symbol"))
                for r in _rows(store, "documents-citing", document=node)]
    cites = [c.rsplit("/id/resolution/", 1)[1] for c in (rows[0].get("cites") or "").split()]
    return models.ResolutionDetail(**head.model_dump(), cited_by=cited_by, cites=cites)
