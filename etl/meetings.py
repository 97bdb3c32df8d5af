"""Meetings of the Working Group: how the texts name them, and one registry across documents.

A text names a meeting by its ordinal ("седьмом совещании", "Второе межсессионное совещание
Рабочей группы"), by its place and dates ("Вена, 8–9 сентября 2020 года"), or both. Each
document says only part of it; :func:`resolve_meetings` joins what all documents say:

1. mentions with the same ordinal are one meeting;
2. a mention with dates but no ordinal is the meeting with an ordinal held in the same year
   (the Working Group meets at most once a year, and its documents carry the year in their
   symbol, CTOC/COP/WG.7/<year>/...);
3. a meeting still without an ordinal takes the only ordinal left between the known meetings
   held before and after it (ordinals count meetings in order of date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from etl.records import DocumentRecord, MeetingMention

__all__ = [
    "ORDINALS",
    "ordinal",
    "parse_date_range",
    "parse_english_date",
    "find_meeting_mentions",
    "find_session_ordinal",
    "Meeting",
    "MeetingRegistry",
    "resolve_meetings",
    "symbol_year",
]

_ORDINAL_STEMS = (
    ("двенадцат", 12), ("одиннадцат", 11), ("десят", 10), ("девят", 9), ("восьм", 8),
    ("седьм", 7), ("шест", 6), ("пят", 5), ("четверт", 4), ("трет", 3), ("втор", 2),
    ("перв", 1),
)
_ORDINAL_ENDINGS = r"(?:ое|ого|ому|ом|ым|ая|ой|ую|ые|ых|ий|ей|ье|ьего|ьему|ьем|ья|ьей|ью|ый)"
ORDINALS = re.compile(
    r"(?<![\w])(?P<stem>" + "|".join(s for s, _ in _ORDINAL_STEMS) + r")" + _ORDINAL_ENDINGS
    + r"(?![\w])",
    re.IGNORECASE,
)
_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
DATE_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}})\s+года)?"
    rf"\s*(?:[–—-]|\s+и\s+|\s+по\s+)\s*"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})\s+год[а]?"
    rf"|(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\s+год[а]?"
)
_EN_MONTHS = ("January February March April May June July August September October November "
              "December").split()
EN_DATE = re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{'|'.join(_EN_MONTHS)}) (?P<y>\d{{4}})\b")
_CITY = re.compile(r"(?:^|,\s*|\s)(?:в\s+)?(?P<city>Вен[аеы]|Нью-Йорк[еа]?|Женев[аеы])(?=[\s,])")
_CITY_NOMINATIVE = {"Вен": "Вена", "Нью": "Нью-Йорк", "Жен": "Женева"}
_WG_MEETING = re.compile(
    r"(?P<ord>" + ORDINALS.pattern + r")\s+(?:межсессионн\w+\s+)?совещани\w*"
    r"(?P<wg>\s+Рабочей\s+группы)?",
    re.IGNORECASE,
)
_WG_NAMED = re.compile(r"Рабоч\w+\s+групп\w*")
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[А-ЯA-Z])")
_SESSION = re.compile(r"(?P<ord>" + ORDINALS.pattern + r")\s+сесси\w+", re.IGNORECASE)


def ordinal(word: str) -> int | None:
    """The number of a Russian ordinal word in any case ("седьмом" -> 7)."""
    m = ORDINALS.fullmatch(word.strip())
    if not m:
        return None
    stem = m.group("stem").lower()
    return next(n for s, n in _ORDINAL_STEMS if s == stem)


def _month(word: str) -> int:
    return next(n for stem, n in _MONTHS.items() if word.lower().startswith(stem))


def parse_date_range(text: str) -> tuple[dt.date, dt.date, tuple[int, int]] | None:
    """The first date or date range in ``text`` ("8–9 сентября 2020 года",
    "30 мая — 1 июня 2012 года", "27 и 28 июня 2022 года"), with its span."""
    m = DATE_RANGE.search(text)
    if not m:
        return None
    try:
        if m.group("d"):
            day = dt.date(int(m.group("y")), _month(m.group("m")), int(m.group("d")))
            return day, day, m.span()
        year2, month2 = int(m.group("y2")), _month(m.group("m2"))
        end = dt.date(year2, month2, int(m.group("d2")))
        month1 = _month(m.group("m1")) if m.group("m1") else month2
        year1 = int(m.group("y1")) if m.group("y1") else year2
        start = dt.date(year1, month1, int(m.group("d1")))
    except ValueError:
        return None
    if start > end:
        return None
    return start, end, m.span()


def parse_english_date(text: str) -> dt.date | None:
    """An English date ("21 June 2019"), as printed in the distribution block."""
    m = EN_DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group("y")), _EN_MONTHS.index(m.group("m")) + 1, int(m.group("d")))
    except ValueError:
        return None


def find_city(text: str) -> str | None:
    m = _CITY.search(text)
    return _CITY_NOMINATIVE[m.group("city")[:3]] if m else None


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start() + 1
        start = m.end()
    yield start, len(text)


def find_meeting_mentions(text: str) -> list[tuple[MeetingMention, int, int]]:
    """Meetings of the Working Group named by ordinal, with place and dates when the same
    sentence gives them. A numbered meeting of another body ("шестом совещании Глобального
    форума") is not one: the Working Group must be named in the phrase or the sentence."""
    out = []
    for lo, hi in _sentences(text):
        sentence = text[lo:hi]
        for m in _WG_MEETING.finditer(sentence):
            tail = sentence[m.end():m.end() + 3]
            if not m.group("wg") and (not _WG_NAMED.search(sentence) or re.match(r"\s+[А-Я]", tail)):
                continue
            n = ordinal(m.group("ord"))
            dates = parse_date_range(sentence[m.end():])
            start = end = None
            if dates:
                start, end, _ = dates
            city = find_city(sentence[m.end():])
            out.append((MeetingMention(n, city if dates else None, start, end), lo + m.start(), lo + m.end()))
    return out


def find_session_ordinal(text: str) -> int | None:
    """The session of the Conference a report is for: "представить Конференции на ее
    седьмой сессии доклад"."""
    for lo, hi in _sentences(text):
        sentence = text[lo:hi]
        if "доклад" not in sentence or "Конференц" not in sentence:
            continue
        m = _SESSION.search(sentence)
        if m:
            return ordinal(m.group("ord"))
    return None


def symbol_year(symbol: str | None) -> int | None:
    """The year of a Working Group symbol (CTOC/COP/WG.7/2020/3 -> 2020)."""
    if not symbol:
        return None
    m = re.match(r"^CTOC/COP/WG\.7/(\d{4})/", symbol)
    return int(m.group(1)) if m else None


# --- the registry ---------------------------------------------------------------------------


@dataclass
class Meeting:
    ordinal: int | None = None
    city: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    sources: set[str] = field(default_factory=set)  # sha256 of the documents that said so
    symbol_years: set[int] = field(default_factory=set)  # years of its documents' symbols

    @property
    def year(self) -> int | None:
        if self.start:
            return self.start.year
        return next(iter(self.symbol_years)) if len(self.symbol_years) == 1 else None

    def absorb(self, mention: MeetingMention, source: str) -> None:
        self.ordinal = self.ordinal or mention.ordinal
        self.city = self.city or mention.city
        if mention.start and not self.start:
            self.start, self.end = mention.start, mention.end
        self.sources.add(source)


@dataclass
class MeetingRegistry:
    meetings: list[Meeting]
    by_document: dict[str, Meeting]  # sha256 -> the document's own meeting

    def by_ordinal(self, n: int) -> Meeting | None:
        return next((m for m in self.meetings if m.ordinal == n), None)

    def by_year(self, year: int) -> Meeting | None:
        return next((m for m in self.meetings if m.year == year), None)

    def for_symbol(self, symbol: str) -> Meeting | None:
        year = symbol_year(symbol)
        return self.by_year(year) if year else None


def resolve_meetings(documents: Iterable[DocumentRecord]) -> MeetingRegistry:
    """Join what every document says about meetings (see the module docstring)."""
    meetings: list[Meeting] = []
    by_document: dict[str, Meeting] = {}

    def find(mention: MeetingMention, year: int | None) -> Meeting | None:
        if mention.ordinal is not None:
            hit = next((m for m in meetings if m.ordinal == mention.ordinal), None)
            if hit:
                return hit
        year = mention.start.year if mention.start else year
        if year is not None:
            return next((m for m in meetings if m.year == year and (
                mention.ordinal is None or m.ordinal in (None, mention.ordinal))), None)
        return None

    def add(mention: MeetingMention, source: str, year: int | None = None) -> Meeting:
        hit = find(mention, year)
        if hit is None:
            hit = Meeting()
            meetings.append(hit)
        hit.absorb(mention, source)
        return hit

    documents = list(documents)
    for doc in documents:  # mentions with an ordinal first: they anchor the rest
        for mention in doc.meeting_mentions:
            if mention.ordinal is not None:
                add(mention, doc.source.sha256)
    # then the documents' own meetings, those that know their ordinal first
    documents.sort(key=lambda d: (d.own_meeting is None or d.own_meeting.ordinal is None))
    for doc in documents:
        own = doc.own_meeting
        year = symbol_year(doc.symbol)
        if own is None and year is None:
            continue
        meeting = add(own or MeetingMention(), doc.source.sha256, year)
        if year is not None:
            meeting.symbol_years.add(year)
        by_document[doc.source.sha256] = meeting
    _merge_duplicates(meetings, by_document)
    _fill_gaps(meetings)
    return MeetingRegistry(meetings, by_document)


def _merge_duplicates(meetings: list[Meeting], by_document: dict[str, Meeting]) -> None:
    """Join an unnumbered meeting with a numbered one held in the same year."""
    for m in list(meetings):
        if m.ordinal is not None or m.year is None:
            continue
        twin = next((o for o in meetings if o is not m and o.ordinal is not None
                     and o.year == m.year), None)
        if twin:
            twin.city = twin.city or m.city
            twin.start, twin.end = twin.start or m.start, twin.end or m.end
            twin.sources |= m.sources
            twin.symbol_years |= m.symbol_years
            meetings.remove(m)
            for key, value in by_document.items():
                if value is m:
                    by_document[key] = twin


def _fill_gaps(meetings: list[Meeting]) -> None:
    """Number unnumbered meetings that fill a gap exactly between numbered ones."""
    dated = sorted((m for m in meetings if m.start), key=lambda m: m.start)
    numbered = [i for i, m in enumerate(dated) if m.ordinal is not None]
    for j, k in zip(numbered, numbered[1:], strict=False):
        gap = dated[k].ordinal - dated[j].ordinal - 1
        if gap > 0 and gap == k - j - 1:
            for step, m in enumerate(dated[j + 1:k], start=1):
                m.ordinal = dated[j].ordinal + step
