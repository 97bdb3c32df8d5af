"""Read references in Russian UN texts: articles, chapters, instruments, resolutions, symbols.

The rules read whole phrases, as the texts write them:

* an article in any case ("статья", "статьи", "статье", "статью", "статьей", "статьями",
  "статей") or abbreviated ("ст. 18, пункт 1"); a paragraph before its article ("пункте 3
  статьи 6"); several targets in one phrase ("статьями 16 и 18", "статьи 5 и пункта 4
  статьи 6"); chapters ("главы II");
* the instrument is the one named right after the phrase ("статьи 6 Протокола"); failing
  that, the one named last before it in the same sentence ("Конвенцию ..., ст. 18"); failing
  that, the one named last in the same part of the document; failing that, the document's
  own instrument. An article number the instrument does not have is never credited to it;
* "Протокол" and "Конвенция" alone mean the protocol or convention named last, or else the
  Smuggling of Migrants Protocol and the Convention against Transnational Organized Crime;
* resolutions "n/m": of the General Assembly when it is named beside them or n is 20 or
  more, of the Economic and Social Council when n is a year, else of the Conference of the
  Parties; the symbols A/RES/... and E/RES/... are resolutions too;
* document symbols in any of the UN series, written with Cyrillic look-alike letters or not;
* recommendations by number ("С учетом рекомендации 11").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from etl.names import NameMatch, NameMatcher
from etl.records import (
    ArticleRef,
    ChapterRef,
    DocumentRef,
    InstrumentRef,
    RecommendationRef,
    ResolutionNote,
    ResolutionRef,
    Target,
)
from etl.reference import ReferenceData
from etl.text import to_latin_symbol

__all__ = ["Found", "Matchers", "ReferenceReader", "DEFAULT_INSTRUMENT", "find_symbols"]

DEFAULT_INSTRUMENT = "som-protocol"  # the Working Group's own instrument
DEFAULT_CONVENTION = "untoc"

ART = r"(?:[Сс]тат(?:ья|ьи|ье|ью|ьей|ьёй|ьями|ьям|ьях|ей)|ст\.)"
PARA = r"(?:[Пп]ункт(?:а|е|у|ом|ы|ов|ам|ами|ах)?|п\.|пп\.)"
CHAP = r"(?:[Гг]лав(?:а|ы|е|у|ой|ам|ами|ах))"
JOIN = r"(?:\s*,\s*|\s+(?:и|или)\s+)"
NUMS = rf"\d+(?:{JOIN}\d+)*"
ROMANS = rf"[IVXLC]+(?:{JOIN}[IVXLC]+)*"


def _item(named: bool) -> str:
    def g(name: str) -> str:
        return f"?P<{name}>" if named else "?:"

    return (
        rf"(?:{PARA}\s+({g('pnums')}{NUMS})\s+{ART}\s+({g('part')}\d+)"
        rf"|{ART}\s+({g('anums')}{NUMS})(?:\s*,\s*{PARA}\s+({g('apara')}\d+))?"
        rf"|{CHAP}\s+({g('chaps')}{ROMANS})(?![\w]))"
    )


PHRASE = re.compile(rf"(?<![\w]){_item(False)}(?:{JOIN}{_item(False)})*")
_PHRASE_ITEM = re.compile(_item(True))
_NUMBER = re.compile(r"\d+|[IVXLC]+")

_BARE_INSTRUMENT = re.compile(
    r"(?<![\w-])(?P<kind>Протокол|Конвенци)(?:а|у|ом|е|ы|ов|ам|ами|ах|я|и|ю|ей|ям|ями|ях)?(?![\w-])"
)
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[А-ЯA-Z«\"(])")

RESOLUTION = re.compile(
    r"(?<![\w])[Рр]езолюци(?:я|и|ю|ей|ях|ям|ями)\s+(?:№\s*)?(?P<n>\d{1,4})/(?P<m>\d{1,3})(?![\d/])"
)
_GA_NAMED = re.compile(r"Генеральн\w+\s+Ассамбле\w+")
_ECOSOC_NAMED = re.compile(r"Экономическ\w+\s+и\s+Социальн\w+\s+Совет\w*")
_COP_NAMED = re.compile(r"Конференци\w*")
_FRAGMENT = re.compile(r"\s*(?:Генеральн\w+\s+Ассамбле\w+\s*)?,\s*(?P<frag>пп?\.\s*\d+(?:\s*[–—-]\s*\d+)?)")
_QUOTED_TITLE = re.compile(
    r"(?:\s+Конференции(?:\s+участников)?[^«\"“]{0,200}?,\s*озаглавленной)?\s*[«\"“](?P<title>[^»\"”]{5,300})[»\"”]"
)
_SUBJECT_RESOLUTION = re.compile(
    r"\s*В\s+(?:своей\s+|этой\s+же\s+|той\s+же\s+)?резолюции\s+(\d{1,4}/\d{1,3})"
)

SYMBOL = re.compile(
    r"(?<![\w/.])(?P<sym>[A-ZА-Я]{1,6}(?:\.\d+)?(?:/[A-Za-zА-Яа-я0-9.]+){1,7})(?![\w/])"
)
_SYMBOL_ROOTS = {"A", "E", "S", "ST", "CTOC", "CAC", "UNODC", "TD", "HRC", "CCPR", "CRC", "CEDAW"}
_SYMBOL_TAIL = re.compile(r"(?P<frag>\s*,\s*пп?\.\s*\d+(?:\s*[–—-]\s*\d+)?)")

RECOMMENDATION = re.compile(r"(?<![\w])рекомендаци(?:я|и|ю|ей)\s+(?P<n>\d{1,3})(?![\d/])")


@dataclass(frozen=True)
class Found:
    """A reference found in a text: its target, span in that text, and cited fragment."""

    target: Target
    start: int
    end: int
    fragment: str | None = None


def _clean_symbol(raw: str) -> str | None:
    symbol = to_latin_symbol(raw).rstrip(".")
    root = symbol.split("/", 1)[0].split(".", 1)[0]
    if root not in _SYMBOL_ROOTS or symbol.count("/") < 2 and root != "A":
        return None
    if not re.search(r"\d", symbol):
        return None
    return symbol


def find_symbols(text: str) -> Iterator[tuple[str, int, int]]:
    """Every UN document symbol in ``text``, in Latin letters, with its span."""
    for m in SYMBOL.finditer(text):
        symbol = _clean_symbol(m.group("sym"))
        if symbol:
            yield symbol, m.start("sym"), m.start("sym") + len(symbol)


def _resolution_from_symbol(symbol: str) -> ResolutionRef | None:
    m = re.match(r"^(A|E)/RES/(\d+)/(\d+)$", symbol)
    if not m:
        return None
    return ResolutionRef("ga" if m.group(1) == "A" else "ecosoc", f"{m.group(2)}/{m.group(3)}")


class ReferenceReader:
    """Finds references in the texts of one document, remembering its last-named instruments."""

    def __init__(self, reference: ReferenceData, matchers: Matchers):
        self.reference = reference
        self.matchers = matchers
        self.last_protocol = DEFAULT_INSTRUMENT
        self.last_convention = DEFAULT_CONVENTION
        self.warnings: list[str] = []

    # -- instruments, chapters, articles ---------------------------------------------------

    def _instrument_mentions(self, text: str, names: list[NameMatch]) -> list[NameMatch]:
        """Named and bare instrument mentions, outside organization names.

        ``names`` are the names found in ``text`` by :attr:`Matchers.names`, which reads
        the longest name first: an organization named after an instrument ("Конференция
        участников Конвенции ...") is an organization."""
        bodies = [(m.start, m.end) for m in names if m.key[0] == "organization"]
        named = [NameMatch(m.key[1], m.start, m.end) for m in names if m.key[0] == "instrument"]
        mentions = list(named)
        for m in _BARE_INSTRUMENT.finditer(text):
            if any(n.start <= m.start() < n.end for n in named):
                continue
            if any(a <= m.start() < b for a, b in bodies):
                continue
            mentions.append(NameMatch("*" + m.group("kind"), m.start(), m.end()))
        mentions.sort(key=lambda m: m.start)
        resolved = []
        for m in mentions:
            key = m.key
            if key == "*Протокол":
                key = self.last_protocol
            elif key == "*Конвенци":
                key = self._bare_convention(text, m.start, resolved)
            else:
                kind = self.reference.instruments[key].kind
                if kind == "protocol":
                    self.last_protocol = key
                elif kind == "convention":
                    self.last_convention = key
            resolved.append(NameMatch(key, m.start, m.end))
        return resolved

    def _bare_convention(self, text: str, at: int, before: list[NameMatch]) -> str:
        sentence_start = _sentence_start(text, at)
        for m in reversed(before):
            if m.start >= sentence_start and self.reference.instruments[m.key].kind == "convention":
                return m.key
        return DEFAULT_CONVENTION

    def legal(self, text: str, names: list[NameMatch] | None = None) -> list[Found]:
        """Article, chapter and instrument references in one part of a document.

        ``names``: the names already found in ``text`` (see :meth:`Matchers.names`)."""
        if names is None:
            names = list(self.matchers.names.finditer(text))
        mentions = self._instrument_mentions(text, names)
        found: list[Found] = []
        used: set[int] = set()
        for phrase in PHRASE.finditer(text):
            after = next((i for i, m in enumerate(mentions)
                          if m.start >= phrase.end() and not text[phrase.end():m.start].strip()),
                         None)
            if after is not None:
                key, end = mentions[after].key, mentions[after].end
                used.add(after)
            else:
                key, end = self._context_instrument(text, phrase.start(), mentions), phrase.end()
            found.extend(self._phrase_targets(text, phrase, key, end))
        for i, m in enumerate(mentions):
            if i not in used:
                found.append(Found(InstrumentRef(m.key), m.start, m.end))
        return found

    def _context_instrument(self, text: str, at: int, mentions: list[NameMatch]) -> str:
        before = [m for m in mentions if m.end <= at]
        if before:
            return before[-1].key
        return DEFAULT_INSTRUMENT

    def _phrase_targets(self, text: str, phrase: re.Match, key: str, end: int) -> list[Found]:
        instrument = self.reference.instruments[key]
        out = []
        for item in _PHRASE_ITEM.finditer(text, phrase.start(), phrase.end()):
            targets: list[Target] = []
            if item.group("chaps"):
                for roman in _NUMBER.findall(item.group("chaps")):
                    if instrument.chapters and roman not in instrument.chapters:
                        self.warnings.append(f"chapter {roman} is not in {key}: {item.group(0)!r}")
                        continue
                    targets.append(ChapterRef(key, roman))
            elif item.group("pnums"):
                for p in _NUMBER.findall(item.group("pnums")):
                    targets.append(ArticleRef(key, int(item.group("part")), int(p)))
            else:
                para = int(item.group("apara")) if item.group("apara") else None
                for a in _NUMBER.findall(item.group("anums")):
                    targets.append(ArticleRef(key, int(a), para))
            for target in targets:
                if (isinstance(target, ArticleRef) and instrument.articles
                        and target.article not in instrument.articles):
                    self.warnings.append(
                        f"article {target.article} is not in {key}: {item.group(0)!r}")
                    continue
                out.append(Found(target, item.start(), max(item.end(), end)
                                 if end > phrase.end() else item.end()))
        return out

    # -- resolutions -----------------------------------------------------------------------

    def resolutions(self, text: str) -> tuple[list[Found], list[ResolutionNote]]:
        """Resolution references, and what the text says of the resolutions themselves."""
        found: list[Found] = []
        for m in RESOLUTION.finditer(text):
            n, number = int(m.group("n")), f"{m.group('n')}/{m.group('m')}"
            body = self._resolution_body(text, m.start(), m.end(), n)
            frag = _FRAGMENT.match(text, m.end())
            end = frag.end() if frag else m.end()
            found.append(Found(ResolutionRef(body, number), m.start(), end,
                               frag.group("frag") if frag else None))
        notes = []
        for f in found:
            title = _QUOTED_TITLE.match(text, f.end)
            if title:
                notes.append(ResolutionNote(f.target, title.group("title").strip()))
        for start in [0] + [m.end() for m in _SENTENCE_END.finditer(text)]:
            subject = _SUBJECT_RESOLUTION.match(text, start)
            if not subject:
                continue
            end = _sentence_end(text, subject.end())
            this = next((f.target for f in found
                         if f.start >= start and f.target.number == subject.group(1)), None)
            others = tuple(f.target for f in found
                           if subject.end() <= f.start < end and f.target != this)
            if this and others:
                notes.append(ResolutionNote(this, cites=others))
        return found, notes

    @staticmethod
    def _resolution_body(text: str, start: int, end: int, session: int) -> str:
        """The body named nearest the resolution in its sentence, else by its numbering."""
        if session >= 1900:
            return "ecosoc"  # ECOSOC numbers its resolutions by year: 2014/23
        lo, hi = _sentence_start(text, start), _sentence_end(text, end)
        named = []
        for body, pattern in (("ga", _GA_NAMED), ("ecosoc", _ECOSOC_NAMED), ("cop", _COP_NAMED)):
            for m in pattern.finditer(text, lo, hi):
                named.append((min(abs(m.start() - end), abs(start - m.end())), body))
        if named:
            return min(named)[1]
        return "ga" if session >= 20 else "cop"

    # -- documents and recommendations -----------------------------------------------------

    def symbols(self, text: str, own_symbol: str | None) -> list[Found]:
        out = []
        for symbol, start, end in find_symbols(text):
            if symbol == own_symbol:
                continue
            tail = _SYMBOL_TAIL.match(text, end)
            fragment = tail.group("frag").strip(" ,") if tail else None
            resolution = _resolution_from_symbol(symbol)
            target: Target = resolution or DocumentRef(symbol)
            out.append(Found(target, start, tail.end() if tail else end, fragment))
        return out

    @staticmethod
    def recommendations(text: str, skip: Callable[[int], bool] = lambda _: False) -> list[Found]:
        return [Found(RecommendationRef(int(m.group("n"))), m.start(), m.end())
                for m in RECOMMENDATION.finditer(text) if not skip(m.start())]


@dataclass(frozen=True)
class Matchers:
    """The name matchers built once from the reference data.

    ``names`` finds instruments, organizations and countries in one pass, its keys
    ``("instrument" | "organization" | "country", key)``; ``organizations`` alone serves
    to recognize an issuing body printed on a cover."""

    names: NameMatcher
    organizations: NameMatcher

    @classmethod
    def build(cls, reference: ReferenceData) -> Matchers:
        kinds = (("instrument", reference.instruments), ("organization", reference.organizations),
                 ("country", reference.countries))
        return cls(
            NameMatcher(((kind, k), e.names_ru) for kind, table in kinds for k, e in table.items()),
            NameMatcher((k, e.names_ru) for k, e in reference.organizations.items()),
        )


def _sentence_start(text: str, at: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    return start


def _sentence_end(text: str, at: int) -> int:
    m = _SENTENCE_END.search(text, at)
    return m.start() + 1 if m else len(text)
