"""Linked data: every IRI somkg mints dereferences (https://www.w3.org/TR/cooluris/).

``/id/<path>`` names a thing and answers 303 See Other to ``/doc/<path>``, the document
about it, which answers HTML, Turtle, JSON-LD, RDF/XML or N-Triples by ``Accept`` or by
suffix (``.html``, ``.ttl``, ``.jsonld``, ``.rdf``, ``.nt``), with ``Vary: Accept``, and 406
when nothing fits. The ontology and the SHACL shapes are served at ``/ontology`` and
``/shapes`` the same way, the dataset's VoID/DCAT description at ``/.well-known/void``, and
the JSON-LD context (which compacts every JSON-LD answer) at ``/context.jsonld``.
"""

from __future__ import annotations

import re
import time
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
from graph import iris, jsonld, queries
from graph.namespaces import bind_prefixes
from graph.void import dataset_iri, describe_dataset
from somkg import __version__

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


@router.get("/akn/un/{path:path}", summary="An AKN4UN-style document alias: 303 to the document",
            status_code=303, response_class=RedirectResponse)
def akn_alias(request: Request, path: ResourcePath):
    base = request.app.state.settings.base_iri
    rows = request.app.state.store.query(queries.load("alias"),
                                         {"alias": URIRef(f"{base}akn/un/{path}")}).rows
    resource = str(rows[0]["resource"]) if rows else ""
    if not resource.startswith(base + "id/"):
        raise NotFound(f"no document has the alias {base}akn/un/{path}")
    return RedirectResponse(f"/doc/{resource[len(base) + 3:]}", status_code=303,
                            headers={"Vary": "Accept"})


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
    options = {"context": jsonld.context()} if media == "application/ld+json" else {}
    body = graph.serialize(format=FORMS[media][1], encoding="utf-8", **options)
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


def _serve_graph(name: str, load, iri, summary: str) -> None:
    """Serve a graph made by ``load(request)`` (the ontology, the shapes, the dataset
    description) at /<name>, by Accept or suffix; ``iri(request)`` is what it is about."""

    @router.get(f"/{name}{{suffix:path}}", summary=summary, name=name.replace("/", "-"))
    def serve(request: Request, suffix: str = ""):
        if suffix and not re.fullmatch(r"\.(html|ttl|jsonld|rdf|nt)", suffix):
            raise NotFound(f"no such resource: /{name}{suffix}")
        media = _negotiated(request, SUFFIXES.get(suffix))
        if media == "text/html":
            alternates = [{"href": f"/{name}{s}", "type": m, "name": label}
                          for m, (s, _, label) in FORMS.items()]
            return _html(request, URIRef(iri(request)), load(request), alternates)
        return _rdf(load(request), media)


VOID_LIFETIME = 60.0  # seconds a dataset description is reused before it is counted again


def _dataset_description(request: Request) -> Graph:
    """The VoID/DCAT description of the store, counted at most once a minute."""
    state = request.app.state
    made, graph = getattr(state, "void", (float("-inf"), None))
    if time.monotonic() - made > VOID_LIFETIME:
        graph = describe_dataset(state.store, state.settings.base_iri, __version__)
        state.void = (time.monotonic(), graph)
    return graph


_serve_graph("ontology", lambda request: load_ontology(), lambda request: iris.ONTOLOGY,
             "The somkg ontology, with its alignments")
_serve_graph("shapes", lambda request: load_shapes(),
             lambda request: "https://w3id.org/somkg/shapes", "The somkg SHACL shapes")
_serve_graph(".well-known/void", _dataset_description,
             lambda request: dataset_iri(request.app.state.settings.base_iri),
             "The dataset described in VoID and DCAT: counts, classes, properties, licence, "
             "sources")


@router.get("/context.jsonld", summary="The JSON-LD context of every JSON-LD somkg writes",
            responses={200: {"content": {"application/ld+json": {}}}})
def jsonld_context() -> Response:
    return Response(jsonld.CONTEXT_PATH.read_bytes(), media_type="application/ld+json",
                    headers={"Access-Control-Allow-Origin": "*"})
