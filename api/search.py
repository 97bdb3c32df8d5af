"""Search over recommendation, paragraph, footnote and title text, in any grammatical form.

Russian declines: a search for "ребенок" must find "детей" and "дети". Every word of the
texts and of the query is reduced to its dictionary forms with pymorphy3 (all of a word's
possible lemmas, "ё" written "е"), and an item matches when it holds every word of the
query in some form. The index is built once, when the app starts, from the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

from graph import queries
from graph.store import SelectResult, Store

__all__ = ["SearchIndex", "Hit", "lemmas"]

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*|\d+")
_morph = pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form a word may have ("детей" -> {"ребенок", "дети"...})."""
    word = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", word):
        return frozenset({word})
    return frozenset(p.normal_form.replace("ё", "е") for p in _morph.parse(word)) | {word}


@dataclass(frozen=True)
class Hit:
    kind: str
    iri: str
    label: str
    text: str
    document: str | None
    score: int
    matched: tuple[str, ...]  # the words of the text that matched, as printed


class SearchIndex:
    def __init__(self, items: list[dict]):
        self.items = items
        self.index: dict[str, set[int]] = defaultdict(set)
        for i, item in enumerate(items):
            for word in _WORD.findall(item["text"]):
                for lemma in lemmas(word):
                    self.index[lemma].add(i)

    @classmethod
    def from_store(cls, store: Store) -> SearchIndex:
        result = store.query(queries.load("searchable-texts"))
        assert isinstance(result, SelectResult)
        items = [{k: str(v) for k, v in row.items()} for row in result.rows]
        items.sort(key=lambda r: (r["kind"], r["item"]))
        return cls(items)

    def search(self, query: str) -> list[Hit]:
        words = _WORD.findall(query)
        if not words:
            return []
        found: set[int] | None = None
        for word in words:
            hits = set().union(*(self.index.get(lemma, set()) for lemma in lemmas(word)))
            found = hits if found is None else found & hits
        wanted = [lemmas(w) for w in words]
        out = []
        for i in found or ():
            item = self.items[i]
            matched = tuple(dict.fromkeys(
                w for w in _WORD.findall(item["text"]) if any(lemmas(w) & forms for forms in wanted)))
            score = sum(1 for w in _WORD.findall(item["text"])
                        if any(lemmas(w) & forms for forms in wanted))
            out.append(Hit(item["kind"], item["item"], item.get("label") or item["item"],
                           item["text"], item.get("document"), score, matched))
        kind_order = {"recommendation": 0, "paragraph": 1, "footnote": 2, "document": 3}
        out.sort(key=lambda h: (-h.score, kind_order.get(h.kind, 9), h.iri))
        return out
