"""A deterministic synthetic graph shaped like the real one, about a million triples.

Records like those the ETL reads (documents with numbered paragraphs and footnotes,
compilations of recommendations with sub-items, references to articles, paragraphs of
articles, chapters, documents, resolutions and other recommendations) are made from a
seeded random generator and mapped by the real mapper, so the graph has the same shape,
the same IRIs and the same provenance as a real build. Same seed, same graph.

Run: ``.venv/bin/python bench/synthetic.py --documents 420 --out /tmp/synthetic.nq``
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.mapper import map_document, map_registry  # noqa: E402
from etl.meetings import resolve_meetings  # noqa: E402
from etl.records import (  # noqa: E402
    ArticleRef,
    ChapterRef,
    DocumentRecord,
    DocumentRef,
    InstrumentRef,
    MeetingMention,
    Paragraph,
    Part,
    Recommendation,
    RecommendationRef,
    Reference,
    ResolutionRef,
    SourceFile,
    Span,
    Subitem,
)
from etl.reference import load_reference  # noqa: E402
from graph import iris  # noqa: E402
from graph.store import to_ox  # noqa: E402

WORDS = ("государствам-участникам следует расширять сотрудничество в целях предупреждения "
         "незаконного ввоза мигрантов и защиты прав незаконно ввезенных мигрантов детей "
         "свидетелей информацией органов уголовного правосудия").split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def records(documents: int, seed: int = 7) -> list[DocumentRecord]:
    rng = random.Random(seed)
    reference = load_reference()
    articles = {k: sorted(i.articles) for k, i in reference.instruments.items() if i.articles}
    chapters = {k: sorted(i.chapters) for k, i in reference.instruments.items() if i.chapters}
    meetings = max(documents // 20, 3)
    symbols = [f"CTOC/COP/WG.7/{2000 + i // 25}/{i % 25 + 1}" for i in range(documents)]
    out = []
    for i, symbol in enumerate(symbols):
        meeting = i * meetings // documents + 1
        offset = 0

        def span(length: int) -> Span:
            nonlocal offset
            offset += length + 1
            return Span(offset - length - 1, offset - 1, "x" * length)

        def legal() -> ArticleRef | ChapterRef | InstrumentRef:
            key = rng.choice(sorted(articles))
            roll = rng.random()
            if roll < 0.6:
                return ArticleRef(key, rng.choice(articles[key]),
                                  rng.randint(1, 4) if rng.random() < 0.4 else None)
            if roll < 0.7 and key in chapters:
                return ChapterRef(key, rng.choice(chapters[key]))
            return InstrumentRef(key)

        references, paragraphs, recommendations = [], [], []
        compilation = i % 5 == 0
        if compilation:
            for n in range(1, 31):
                subs = tuple(Subitem(letter, _text(rng, 20), span(120))
                             for letter in "abcd"[: rng.choice((0, 0, 0, 2, 4))])
                recommendations.append(Recommendation(n, _text(rng, 40), span(250), meeting,
                                                      "Раздел", "StatesParties", "Should", subs))
                part = Part("recommendation", str(n), meeting=meeting)
                for _ in range(rng.randint(1, 3)):
                    references.append(Reference(part, legal(), span(30)))
                for sub in subs:
                    references.append(Reference(Part("subitem", str(n), sub.letter, meeting),
                                                legal(), span(30)))
                if n > 1 and rng.random() < 0.1:
                    references.append(Reference(part, RecommendationRef(rng.randint(1, n - 1), meeting),
                                                span(15)))
        for n in range(1, 41):
            paragraphs.append(Paragraph(n, _text(rng, 60), span(400)))
            part = Part("paragraph", str(n))
            references.append(Reference(part, legal(), span(30)))
            if i and rng.random() < 0.3:
                references.append(Reference(part, DocumentRef(symbols[rng.randrange(i)]), span(25)))
            if rng.random() < 0.1:
                references.append(Reference(part, ResolutionRef("cop", f"{rng.randint(1, 11)}/"
                                                                        f"{rng.randint(1, 5)}"), span(20)))
        start = dt.date(2000 + i // 25, 6, 1)
        out.append(DocumentRecord(
            source=SourceFile(f"synthetic-{i:05d}.txt", iris.digest(symbol, length=64), 60_000),
            language="ru", kinds=frozenset({"Compilation" if compilation else "BackgroundPaper"}),
            symbol=symbol, title=_text(rng, 8), own_meeting=MeetingMention(meeting, "Вена", start, start),
            recommendations=tuple(recommendations), paragraphs=tuple(paragraphs),
            references=tuple(references)))
    return out


def nquads(documents: int, base: str = iris.DEFAULT_BASE, seed: int = 7):
    """N-Quads lines of the synthetic graph: document graphs, registry and reference data."""
    recs = records(documents, seed)
    registry = resolve_meetings(recs)
    graphs = [(iris.document_graph(base, iris.document(base, r.symbol)), map_document(r, registry, base))
              for r in recs]
    graphs.append((iris.registry_graph(base), map_registry(registry, recs, base)))
    graphs.append((iris.reference_graph(base), set(load_reference().to_graph(base))))
    for graph_iri, triples in graphs:
        g = str(to_ox(graph_iri))
        lines = sorted(" ".join((str(to_ox(s)), str(to_ox(p)), str(to_ox(o)), g, ".\n"))
                       for s, p, o in triples)
        yield from lines


def write_nquads(path: Path, documents: int, seed: int = 7) -> int:
    """Write the synthetic graph to ``path`` as N-Quads; the number of quads."""
    with path.open("w", encoding="utf-8") as f:
        return sum(1 for line in nquads(documents, seed=seed) if f.write(line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=420)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    count = write_nquads(args.out, args.documents, args.seed)
    print(f"{count:,} quads written to {args.out}")


if __name__ == "__main__":
    main()
