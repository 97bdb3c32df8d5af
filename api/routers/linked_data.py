"""Linked data: every IRI somkg mints dereferences (https://www.w3.org/TR/cooluris/).

``/id/<path>`` names a thing and answers 303 See Other to ``/doc/<path>``, the document
about it, which answers HTML, Turtle, JSON-LD, RDF/XML or N-Triples by ``Accept`` or by
suffix (``.html``, ``.ttl``, ``.jsonld``, ``.rdf``, ``.nt``), with ``Vary: Accept``, and 406
when nothing fits. The ontology and the SHACL shapes are served at ``/ontology`` and
``/shapes`` the same way.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from api.errors import NotAcceptable, NotFound
from api.negotiation import choose
from api.routers.pages import thing_page
from api.routers.templating import templates
from etl.validation import load_ontology, load_shapes
from graph import queries
from graph.namespaces import bind_prefixes

router = APIRouter(tags=["linked data"])

# media type -> (suffix, rdflib format, name), in server preference order
FORMS = {
    "text/html": (".html", None, "HTML"),
    "text/turtle": (".ttl", "turtle", "Turtle"),
    "application/ld+json": (".jsonld", "json-ld", "JSON-LD"),
    "application/rdf+xml": (".rdf", "xml", "RDF/XML"),
    "application/n-triples": (".nt", "nt", "N-Triples"),
}
SUFFIXES = {suffix: media for media, (suffix, _, _) in FORMS.items()}
ResourcePath = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9][A-Za-z0-9._~/-]{0,300}$")]


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix, media in SUFFIXES.items():
        if path.endswith(suffix):
            return path[: -len(suffix)], media
    return path, None


def _describe(request: Request, path: str) -> tuple[URIRef, Graph]:
    iri = URIRef(request.app.state.settings.base_iri + "id/" + path)
    graph = request.app.state.store.query(queries.load("describe"), {"resource": iri})
    if not len(graph):
        raise NotFound(f"nothing is known about {iri}")
    return iri, graph


@router.get("/id/{path:path}", summary="A thing: 303 to the document about it",
            status_code=303, response_class=RedirectResponse)
def identify(request: Request, path: ResourcePath):
    bare, media = _split_suffix(path)
    _describe(request, bare)
    suffix = FORMS[media][0] if media else ""
    return RedirectResponse(f"/doc/{bare}{suffix}", status_code=303, headers={"Vary": "Accept"})


def _local(base: str, value: str) -> str | None:
    if value.startswith(base + "id/"):
        return "/id/" + value[len(base) + 3:]
    if value.startswith(("http://", "https://")):
        return value
    return None


def _label(graph: Graph, node, lang: str = "en") -> str:
    labels = list(graph.objects(node, RDFS.label))
    for label in labels:
        if getattr(label, "language", None) == lang:
            return str(label)
    return str(labels[0]) if labels else graph.namespace_manager.normalizeUri(node) \
        if isinstance(node, URIRef) else str(node)


def _row(graph: Graph, predicate) -> dict:
    return {"predicate": str(predicate), "label": graph.namespace_manager.normalizeUri(predicate),
            "objects": []}


def _html(request: Request, iri: URIRef, graph: Graph, alternates: list[dict]) -> HTMLResponse:
    base = request.app.state.settings.base_iri
    bind_prefixes(graph)
    rows: dict[str, dict] = {}
    for p, o in sorted(graph.predicate_objects(iri), key=lambda po: (str(po[0]), str(po[1]))):
        row = rows.setdefault(str(p), _row(graph, p))
        if isinstance(o, Literal):
            row["objects"].append({"text": str(o), "lang": o.language, "href": None})
        else:
            row["objects"].append({"text": _label(graph, o), "href": _local(base, str(o)),
                                  "lang": None})
    incoming: dict[str, dict] = {}
    for s, p in sorted(graph.subject_predicates(iri), key=lambda sp: (str(sp[1]), str(sp[0]))):
        row = incoming.setdefault(str(p), _row(graph, p))
        row["objects"].append({"text": _label(graph, s), "href": _local(base, str(s))})
    external = sorted({str(o) for o in graph.objects(iri, None)
                       if str(o).startswith("https://undocs.org/")})
    return templates.TemplateResponse(request, "resource.html", {  # the generic page
        "title": _label(graph, iri), "iri": str(iri), "properties": list(rows.values()),
        "incoming": list(incoming.values()), "alternates": alternates, "external": external,
        "lang": "en"}, headers={"Vary": "Accept"})


def _negotiated(request: Request, media: str | None) -> str:
    if media:
        return media
    chosen = choose(request.headers.get("accept"), list(FORMS))
    if chosen is None:
        raise NotAcceptable(f"cannot answer {request.headers.get('accept')}; offered: "
                            f"{', '.join(FORMS)}")
    return chosen


def _rdf(graph: Graph, media: str) -> Response:
    bind_prefixes(graph)
    body = graph.serialize(format=FORMS[media][1], encoding="utf-8")
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
    return Response(body, media_type=media + charset, headers={"Vary": "Accept"})


@router.get("/doc/{path:path}", summary="The document about a thing, in any RDF form or HTML",
            responses={200: {"content": {m: {} for m in FORMS}}})
def describe(request: Request, path: ResourcePath):
    bare, media = _split_suffix(path)
    iri, graph = _describe(request, bare)
    media = _negotiated(request, media)
    alternates = [{"href": f"/doc/{bare}{suffix}", "type": m, "name": name}
                  for m, (suffix, _, name) in FORMS.items()]
    if media == "text/html":
        return thing_page(request, bare, alternates) or _html(request, iri, graph, alternates)
    return _rdf(graph, media)


def _serve_graph(name: str, load, iri: str, summary: str) -> None:
    """Serve a fixed graph (the ontology, the shapes) at /<name>, by Accept or suffix."""

    @router.get(f"/{name}{{suffix:path}}", summary=summary, name=name)
    def serve(request: Request, suffix: str = ""):
        if suffix and not re.fullmatch(r"\.(html|ttl|jsonld|rdf|nt)", suffix):
            raise NotFound(f"no such resource: /{name}{suffix}")
        media = _negotiated(request, SUFFIXES.get(suffix))
        if media == "text/html":
            alternates = [{"href": f"/{name}{s}", "type": m, "name": label}
                          for m, (s, _, label) in FORMS.items()]
            return _html(request, URIRef(iri), load(), alternates)
        return _rdf(load(), media)


_serve_graph("ontology", load_ontology, "https://w3id.org/somkg/ontology", "The somkg ontology")
_serve_graph("shapes", load_shapes, "https://w3id.org/somkg/shapes", "The somkg SHACL shapes")
