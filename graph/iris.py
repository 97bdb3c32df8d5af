"""Mint the IRIs of somkg, all in one place.

Every IRI lives under one configurable base (``https://w3id.org/somkg/`` by default) and is
derived from what the documents say: symbols, meeting ordinals, recommendation and article
numbers; never from file names or positions in a file. A document symbol is written with
"/" as "-", as in AKN4UN names ("CTOC/COP/WG.7/2020/3" -> "CTOC-COP-WG.7-2020-3").

>>> document("https://w3id.org/somkg/", "CTOC/COP/WG.7/2020/3")
rdflib.term.URIRef('https://w3id.org/somkg/id/document/CTOC-COP-WG.7-2020-3')
>>> recommendation("https://w3id.org/somkg/", 5, 1, "a")
rdflib.term.URIRef('https://w3id.org/somkg/id/recommendation/5/1/a')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef
from rdflib.term import Node

__all__ = [
    "DEFAULT_BASE",
    "PLACEHOLDER_BASE",
    "rebase",
    "symbol_slug",
    "slug_symbol",
    "document",
    "document_graph",
    "reference_graph",
    "registry_graph",
    "ontology_graph",
    "paragraph",
    "footnote",
    "source",
    "span",
    "citation",
    "meeting",
    "agenda_item",
    "session",
    "recommendation",
    "resolution",
    "instrument",
    "chapter",
    "article",
    "article_paragraph",
    "named_entity",
    "publication",
    "undocs",
    "akn_alias",
    "digest",
    "ONTOLOGY",
]

DEFAULT_BASE = "https://w3id.org/somkg/"
PLACEHOLDER_BASE = "http://base.somkg.invalid/"  # relative IRIs in reference data files
ONTOLOGY = URIRef("https://w3id.org/somkg/ontology")

_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+$")


def digest(*parts: str, length: int = 12) -> str:
    """A short stable hex digest of the parts."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def rebase(node: Node, base: str) -> Node:
    """Move an IRI minted under :data:`PLACEHOLDER_BASE` to ``base``; other nodes unchanged."""
    if isinstance(node, URIRef) and str(node).startswith(PLACEHOLDER_BASE):
        return URIRef(base + str(node)[len(PLACEHOLDER_BASE):])
    return node


def symbol_slug(symbol: str) -> str:
    """The path segment of a symbol: "/" written as "-"."""
    return symbol.replace("/", "-")


def slug_symbol(slug: str) -> str | None:
    """The symbol of a document slug, or ``None`` when the slug is not a symbol's."""
    candidate = slug.replace("-", "/")
    return candidate if _SYMBOL.match(candidate) and not slug.startswith("x-") else None


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).lower()).strip("-")


def document(base: str, symbol: str | None, fallback: str | None = None) -> URIRef:
    """A document: by its symbol, else by ``fallback`` (see :func:`unsymbolled_key`)."""
    if symbol:
        return URIRef(f"{base}id/document/{symbol_slug(symbol)}")
    if not fallback:
        raise ValueError("a document without a symbol needs a fallback key")
    return URIRef(f"{base}id/document/x-{_ascii(fallback)}")


def document_graph(base: str, document_iri: URIRef) -> URIRef:
    key = str(document_iri).rsplit("/id/document/", 1)[1]
    return URIRef(f"{base}graph/document/{key}")


def reference_graph(base: str) -> URIRef:
    return URIRef(f"{base}graph/reference")


def registry_graph(base: str) -> URIRef:
    return URIRef(f"{base}graph/registry")


def ontology_graph(base: str) -> URIRef:
    return URIRef(f"{base}graph/ontology")


def paragraph(document_iri: URIRef, number: int) -> URIRef:
    return URIRef(f"{document_iri}/paragraph/{number}")


def footnote(document_iri: URIRef, mark: str) -> URIRef:
    return URIRef(f"{document_iri}/footnote/{'star' * len(mark) if mark.startswith('*') else mark}")


def source(base: str, sha256: str) -> URIRef:
    return URIRef(f"{base}id/source/{sha256}")


def span(base: str, sha256: str, start: int, end: int) -> URIRef:
    return URIRef(f"{base}id/source/{sha256}/span/{start}-{end}")


def citation(document_iri: URIRef, citing: Node, cited: Node, start: int) -> URIRef:
    return URIRef(f"{document_iri}/citation/{digest(str(citing), str(cited), str(start))}")


def meeting(base: str, ordinal: int | None, start: str | None = None) -> URIRef:
    """A meeting of the Working Group: by ordinal, else by its first day (ISO date)."""
    if ordinal is not None:
        return URIRef(f"{base}id/meeting/{ordinal}")
    if not start:
        raise ValueError("a meeting needs an ordinal or a start date")
    return URIRef(f"{base}id/meeting/{start}")


def agenda_item(meeting_iri: URIRef, number: int) -> URIRef:
    return URIRef(f"{meeting_iri}/agenda-item/{number}")


def session(base: str, ordinal: int) -> URIRef:
    return URIRef(f"{base}id/session/{ordinal}")


def recommendation(base: str, meeting_key: int | str, number: int, letter: str = "") -> URIRef:
    tail = f"/{letter}" if letter else ""
    return URIRef(f"{base}id/recommendation/{meeting_key}/{number}{tail}")


def resolution(base: str, body: str, number: str) -> URIRef:
    return URIRef(f"{base}id/resolution/{body}/{number}")


def instrument(base: str, key: str) -> URIRef:
    return URIRef(f"{base}id/instrument/{key}")


def chapter(base: str, key: str, roman: str) -> URIRef:
    return URIRef(f"{base}id/instrument/{key}/chapter/{roman}")


def article(base: str, key: str, number: int) -> URIRef:
    return URIRef(f"{base}id/instrument/{key}/article/{number}")


def article_paragraph(base: str, key: str, number: int, paragraph_number: int) -> URIRef:
    return URIRef(f"{base}id/instrument/{key}/article/{number}/paragraph/{paragraph_number}")


def named_entity(base: str, kind: str, key: str) -> URIRef:
    return URIRef(f"{base}id/{kind}/{key.lower()}")


def publication(base: str, title: str) -> URIRef:
    folded = re.sub(r"\W+", " ", title.casefold()).strip()
    return URIRef(f"{base}id/publication/{digest(folded)}")


_YEAR = re.compile(r"(?:19|20)\d\d")


def akn_alias(base: str, symbol: str | None = None, key: str | None = None) -> URIRef:
    """The Akoma Ntoso for the UN (AKN4UN) style alias of a document, for UN systems that join
    on AKN names: ``{base}akn/un/doc/{actor}/{date}/{number}`` where the symbol is split at its
    year ("CTOC/COP/WG.7/2020/3" gives actor "CTOC-COP-WG.7", date "2020", number "3"; "/"
    becomes "-"), made from the symbol alone so that every document that cites it names it
    the same way. A symbol without a year has date "undated"; a document without a symbol
    has actor "unsymbolled" and its own key (see :func:`document`) as its number."""
    if symbol:
        parts = symbol.split("/")
        at = next((i for i, p in enumerate(parts) if _YEAR.fullmatch(p) and 0 < i < len(parts) - 1),
                  None)
        if at is None:
            actor, date, number = parts[:-1], "undated", parts[-1:]
        else:
            actor, date, number = parts[:at], parts[at], parts[at + 1:]
        return URIRef(f"{base}akn/un/doc/{'-'.join(actor)}/{date}/{'-'.join(number)}")
    if not key:
        raise ValueError("a document without a symbol needs its key")
    return URIRef(f"{base}akn/un/doc/unsymbolled/undated/{_ascii(key)}")


def undocs(symbol: str, language: str | None = None) -> URIRef:
    """The undocs.org address of a symbol, optionally of one language version."""
    prefix = f"https://undocs.org/{language}/" if language else "https://undocs.org/"
    return URIRef(prefix + symbol)
