"""Find names of instruments, organizations and countries in Russian text, in any case.

Russian declines names: "Конвенция об организованной преступности" is printed as
"Конвенции", "Конвенцию", "Конвенцией"... Each word of a listed name becomes its stem
followed by any noun or adjective ending, so one listed form finds every case. Short words
("по", "и", "в"), abbreviations ("УНП ООН") and words with digits or Latin letters are matched
as they are. All names are tried at once, longest first, so "Протокол против ..., дополняющий
Конвенцию ..." is read as the Protocol and not as the Convention it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["inflected", "NameMatcher", "NameMatch"]

# Noun and adjective endings of all cases and numbers, longest first.
_ENDINGS = (
    "ями ами ого его ому ему ыми ими ией иям иях "
    "ой ей ом ем ам ям ах ях ую юю ая яя ое ее ые ие ых их ым им ый ий ия ии ию ов ев "
    "а я у ю е и ы о ь й"
).split()
_ENDING_GROUP = "(?:" + "|".join(_ENDINGS) + ")?"
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁа-яё]+$")


def _word_pattern(word: str) -> str:
    if not _CYRILLIC_WORD.match(word) or len(word) <= 3 or word.isupper():
        return re.escape(word)
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            # The word itself may be the stem ("Вьетнам" + "а"), or its ending may go.
            stem = word[: -len(ending)]
            return f"(?:{re.escape(word)}|{re.escape(stem)}){_ENDING_GROUP}"
    return re.escape(word) + _ENDING_GROUP


def inflected(name: str) -> str:
    """A regular expression that finds ``name`` in any grammatical case.

    >>> import re
    >>> bool(re.fullmatch(inflected("Венская конвенция"), "Венской конвенции"))
    True
    """
    words = re.findall(r"[\w]+(?:-[\w]+)*|[^\w\s]", name)
    parts = []
    for word in words:
        if "-" in word and not word.isupper():
            parts.append("-".join(_word_pattern(w) for w in word.split("-")))
        elif re.match(r"[^\w]", word):
            parts.append(re.escape(word))
        else:
            parts.append(_word_pattern(word))
    separator = r"[\s,–—-]*\s*"
    return r"(?<![\w-])" + separator.join(parts) + r"(?![\w-])"


@dataclass(frozen=True)
class NameMatch:
    key: str
    start: int
    end: int


class NameMatcher:
    """Finds any of many named things; ``names`` maps each key to its names.

    Names are indexed by the first three letters of their first word, so the text is read
    once, word by word, and a full pattern is tried only where a name can begin.
    """

    _WORD = re.compile(r"\w+")

    def __init__(self, names: Iterable[tuple[str, Iterable[str]]]):
        entries = [(key, name) for key, all_names in names for name in all_names]
        entries.sort(key=lambda e: (-len(e[1]), e[1]))
        self._index: dict[str, list[tuple[re.Pattern, str]]] = {}
        for key, name in entries:
            first = re.match(r"\w+", name)
            if first:
                pattern = re.compile(inflected(name))
                self._index.setdefault(first.group(0)[:3], []).append((pattern, key))

    def finditer(self, text: str) -> Iterator[NameMatch]:
        end = 0
        for word in self._WORD.finditer(text):
            if word.start() < end:
                continue
            for pattern, key in self._index.get(word.group(0)[:3], ()):
                m = pattern.match(text, word.start())
                if m:
                    end = m.end()
                    yield NameMatch(key, m.start(), m.end())
                    break
