"""HTML pages for people: home, meetings, search, and the pages of recommendations, meetings,
instruments, articles and documents (served as the HTML form of their ``/doc/`` document).

Server-rendered with Jinja2, no scripts, no build step; every page links to its RDF forms.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api import views
from api.errors import NotFound
from api.routers.templating import templates

router = APIRouter(tags=["pages"], include_in_schema=False)

__all__ = ["router", "thing_page", "highlight"]


def highlight(text: str, quotes: list[str]) -> list[dict]:
    """``text`` cut into pieces, the pieces that are one of ``quotes`` marked."""
    spans = []
    for quote in {q for q in quotes if q}:
        pattern = r"\s+".join(re.escape(w) for w in quote.split())
        spans += [m.span() for m in re.finditer(pattern, text)]
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        pieces += [{"text": text[pos:start], "mark": False}, {"text": text[start:end], "mark": True}]
        pos = end
    pieces.append({"text": text[pos:], "mark": False})
    return [p for p in pieces if p["text"]]


def _slug(iri: str) -> str:
    return iri.rsplit("/id/document/", 1)[-1]


def _article_name(a) -> tuple[str, str]:
    if a.article is None:
        return f"/id/instrument/{a.instrument}/chapter/{a.chapter}", f"{a.instrument}, chapter {a.chapter}"
    name = f"{a.instrument}, article {a.article}" + (f", paragraph {a.paragraph}" if a.paragraph else "")
    return f"/id/instrument/{a.instrument}/article/{a.article}", name


def _page(request: Request, template: str, title: str, alternates: list[dict] | None = None,
          **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {
        "title": title, "alternates": alternates or [], **context}, headers={"Vary": "Accept"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    store = request.app.state.store
    meetings = views.meetings(store)
    documents = [dict(d.model_dump(), slug=_slug(d.iri)) for d in views.documents(store) if d.source]
    recommendations = sum(m.recommendation_count for m in meetings)
    counts = [{"value": len(meetings), "label": "meetings"},
              {"value": recommendations, "label": "recommendations"},
              {"value": len(documents), "label": "documents read"},
              {"value": len(views.resolutions(store)), "label": "resolutions cited"}]
    return _page(request, "home.html", "somkg", meetings=meetings,
                 instruments=[i for i in views.instruments(store) if i.article_count],
                 documents=documents, counts=counts)


@router.get("/meetings", response_class=HTMLResponse)
def meetings_page(request: Request):
    return _page(request, "meetings.html", "Meetings", meetings=views.meetings(request.app.state.store))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(min_length=2, max_length=200)]):
    base = request.app.state.settings.base_iri
    hits = request.app.state.search.search(q)
    shown = [{"label": h.label, "type": h.kind,
              "href": "/id/" + (h.document or h.iri)[len(base) + 3:] if h.kind in ("paragraph", "footnote")
              else "/id/" + h.iri[len(base) + 3:],
              "pieces": highlight(h.text, list(h.matched))} for h in hits[:100]]
    return _page(request, "search.html", f"Search: {q}", q=q, hits=shown, total=len(hits))


def thing_page(request: Request, path: str, alternates: list[dict]) -> HTMLResponse | None:
    """The page of a recommendation, meeting, instrument, article or document, or None for
    other things (they get the generic page)."""
    store, base = request.app.state.store, request.app.state.settings.base_iri
    parts = path.split("/")
    if parts[0] == "recommendation" and len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        rec = views.recommendation(store, base, int(parts[1]), int(parts[2]))
        articles = [dict(a.model_dump(), href=_article_name(a)[0], name=_article_name(a)[1])
                    for a in rec.articles if a.subitem is None]
        subitems = [dict(s.model_dump(), articles=[{"href": _article_name(a)[0], "name": _article_name(a)[1]}
                                                   for a in s.articles]) for s in rec.subitems]
        data = rec.model_dump()
        data.update(subitems=subitems,
                    documents=[dict(d.model_dump(), slug=_slug(d.iri)) for d in rec.documents])
        return _page(request, "recommendation.html", f"Recommendation {rec.number} of meeting {rec.meeting}",
                     alternates, rec=data, articles=articles,
                     text=highlight(rec.text, [a.quote for a in rec.articles]))
    if parts[0] == "meeting" and len(parts) == 2 and parts[1].isdigit():
        meeting = views.meeting(store, int(parts[1]))
        recs = views.recommendations(store, base, meeting=int(parts[1]))
        return _page(request, "meeting.html", f"Meeting {meeting.ordinal} of the Working Group",
                     alternates, meeting=meeting, recommendations=recs)
    if parts[0] == "instrument" and len(parts) == 2:
        return _page(request, "instrument.html", parts[1], alternates,
                     instrument=views.instrument(store, base, parts[1]))
    if parts[0] == "instrument" and len(parts) == 4 and parts[2] == "article" and parts[3].isdigit():
        article = views.article(store, base, parts[1], int(parts[3]))
        data = article.model_dump()
        data["documents"] = [dict(d.model_dump(), slug=_slug(d.document.iri)) for d in article.documents]
        return _page(request, "article.html", f"Article {article.number} ({parts[1]})", alternates,
                     article=data)
    if parts[0] == "document" and len(parts) == 2:
        identifier = parts[1]
        try:
            doc = views.document(store, base, identifier)
        except NotFound:
            return None
        references = [dict(r.model_dump(), href=("/id/" + r.iri[len(base) + 3:]
                                                 if r.iri.startswith(base) else r.iri))
                      for r in views.references(store, base, identifier)]
        citations = [dict(d.model_dump(), slug=_slug(d.iri))
                     for d in views.citations(store, base, identifier)]
        chain = [dict(e.model_dump(), slug=_slug(e.document.iri))
                 for e in views.chain(store, base, identifier, "both", 3, 100).items]
        return _page(request, "document.html", doc.symbol or doc.title or doc.id, alternates,
                     doc=doc, references=references, citations=citations, chain=chain)
    return None

