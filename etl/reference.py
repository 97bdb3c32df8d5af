"""Reference data: legal instruments with their chapters and articles, organizations, countries.

The data lives in versioned files under ``data/reference/`` (Turtle for the instruments,
CSV for the article tables and the name lists), each with its sources. This module reads
them once into :class:`ReferenceData`, which the extractors use to recognize names and the
mapper turns into the reference graph.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from graph import iris
from graph.namespaces import ELI, SOMKG

__all__ = ["Instrument", "NamedEntity", "ReferenceData", "REFERENCE_DIR", "load_reference"]

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"


@dataclass(frozen=True)
class Instrument:
    key: str
    label_en: str
    label_ru: str
    names_ru: tuple[str, ...]  # every Russian name the texts may use, longest first
    kind: str  # "convention", "protocol", "agenda": what a bare "Конвенция"/"Протокол" means
    articles: frozenset[int]  # empty when the articles are not in the reference data
    chapters: dict[str, tuple[int, ...]]  # Roman numeral -> its articles


@dataclass(frozen=True)
class NamedEntity:
    """An organization or a country, with the Russian names the texts may use."""

    key: str
    label_en: str
    label_ru: str
    names_ru: tuple[str, ...]
    source: str | None = None


@dataclass(frozen=True)
class ReferenceData:
    instruments: dict[str, Instrument]
    organizations: dict[str, NamedEntity]
    countries: dict[str, NamedEntity]
    instruments_graph: Graph  # instruments.ttl, relative IRIs unresolved (base applied later)
    article_rows: tuple[dict[str, str], ...]

    def to_graph(self, base: str) -> Graph:
        """The reference graph under ``base``: instruments, chapters, articles, bodies."""
        g = Graph()
        text = self.instruments_graph
        for s, p, o in text:
            g.add((iris.rebase(s, base), p, iris.rebase(o, base)))
        for row in self.article_rows:
            key = row["instrument"]
            instrument = iris.instrument(base, key)
            article = iris.article(base, key, int(row["article"]))
            g.add((article, RDF.type, SOMKG.Article))
            g.add((article, SOMKG.number, Literal(int(row["article"]), datatype=XSD.integer)))
            g.add((article, ELI.is_part_of, instrument))
            g.add((article, DCTERMS.title, Literal(row["title_en"], lang="en")))
            g.add((article, DCTERMS.title, Literal(row["title_ru"], lang="ru")))
            g.add((article, RDFS.label, Literal(f"Article {row['article']}", lang="en")))
            g.add((article, RDFS.label, Literal(f"Статья {row['article']}", lang="ru")))
            if row["chapter"]:
                chapter = iris.chapter(base, key, row["chapter"])
                g.add((chapter, RDF.type, SOMKG.Chapter))
                g.add((chapter, SOMKG.number, Literal(row["chapter"])))
                g.add((chapter, ELI.is_part_of, instrument))
                g.add((chapter, ELI.has_part, article))
                g.add((article, ELI.is_part_of, chapter))
                g.add((chapter, DCTERMS.title, Literal(row["chapter_title_en"], lang="en")))
                g.add((chapter, DCTERMS.title, Literal(row["chapter_title_ru"], lang="ru")))
                g.add((chapter, RDFS.label, Literal(f"Chapter {row['chapter']}", lang="en")))
                g.add((chapter, RDFS.label, Literal(f"Глава {row['chapter']}", lang="ru")))
                g.add((instrument, ELI.has_part, chapter))
            else:
                g.add((instrument, ELI.has_part, article))
        for kind, entities in (("organization", self.organizations), ("country", self.countries)):
            cls = SOMKG.Organization if kind == "organization" else SOMKG.Country
            for entity in entities.values():
                node = iris.named_entity(base, kind, entity.key)
                g.add((node, RDF.type, cls))
                g.add((node, SKOS.notation, Literal(entity.key)))
                g.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
                g.add((node, RDFS.label, Literal(entity.label_ru, lang="ru")))
                for name in entity.names_ru:
                    if name != entity.label_ru:
                        g.add((node, SKOS.altLabel, Literal(name, lang="ru")))
                if entity.source:
                    g.add((node, DCTERMS.source, URIRef(entity.source)))
        return g


def _by_length(names: set[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _entities(rows: list[dict[str, str]], key: str, names: str) -> dict[str, NamedEntity]:
    out = {}
    for row in rows:
        all_names = {row[f"{names}_ru" if names == "name" else "label_ru"]}
        extra = row.get("names_ru") or ""
        all_names.update(n.strip() for n in extra.split("|") if n.strip())
        label_en = row.get("label_en") or row.get("name_en") or ""
        label_ru = row.get("label_ru") or row.get("name_ru") or ""
        out[row[key]] = NamedEntity(
            row[key], label_en, label_ru, _by_length(all_names), row.get("source") or None
        )
    return out


@cache
def load_reference(directory: Path = REFERENCE_DIR) -> ReferenceData:
    """Read the reference data files. Raises ``FileNotFoundError`` if one is missing."""
    g = Graph()
    g.parse(directory / "instruments.ttl", format="turtle", publicID=iris.PLACEHOLDER_BASE)
    rows = _read_csv(directory / "articles.csv")
    instruments = {}
    for node in g.subjects(RDF.type, SOMKG.LegalInstrument):
        key = str(g.value(node, SKOS.notation))
        names = {str(o) for p in (RDFS.label, SKOS.altLabel) for o in g.objects(node, p)
                 if getattr(o, "language", None) == "ru"}
        label_ru = str(next(o for o in g.objects(node, RDFS.label) if o.language == "ru"))
        label_en = str(next(o for o in g.objects(node, RDFS.label) if o.language == "en"))
        chapters: dict[str, list[int]] = {}
        articles = set()
        for row in rows:
            if row["instrument"] == key:
                articles.add(int(row["article"]))
                if row["chapter"]:
                    chapters.setdefault(row["chapter"], []).append(int(row["article"]))
        kind = str(g.value(node, DCTERMS.type) or "other")
        instruments[key] = Instrument(
            key, label_en, label_ru, _by_length(names), kind, frozenset(articles),
            {c: tuple(a) for c, a in chapters.items()},
        )
    organizations = _entities(_read_csv(directory / "organizations.csv"), "key", "label")
    countries = _entities(_read_csv(directory / "countries.csv"), "iso3", "name")
    return ReferenceData(instruments, organizations, countries, g, tuple(rows))
