"""Read the structure of a UN document: its cover, kind, and the parts of its body.

The cover is what stands before the first heading or numbered paragraph: the issuing body,
the distribution block ("Distr.: General", date, language), the place and dates of the
meeting, the agenda item ("Пункт 4 предварительной повестки дня" and its title), the kind
of document ("Проект доклада", "Доклад Секретариата", "Справочный документ...") and the
title. The body is read as one of three layouts, chosen by what the text holds:

* recommendations under "Рекомендация N" headings, grouped by lettered section headings;
* recommendations numbered anew under one heading per meeting ("I. Первое совещание, Вена,
  30 мая — 1 июня 2012 года"), with lettered sub-items: a compilation;
* numbered paragraphs ("1.", "2." ... in sequence), with headings between them;

and an agenda ("Предварительная повестка дня" with numbered items, then annotations with
the documentation of each item) is read wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.meetings import find_city, ordinal, parse_date_range, parse_english_date
from etl.names import NameMatcher
from etl.records import AgendaItem, MeetingMention, Part, Span
from etl.references import find_symbols
from etl.text import NormalizedText

__all__ = ["Unit", "Cover", "Body", "read_cover", "read_body", "COVER_END"]

COVER_END = re.compile(
    r"^(?:[IVX]+\.\s|\d{1,3}\.\s|[A-ZА-Я]\.\s|Рекомендация\s+\d|Предварительная повестка дня$)",
    re.M,
)
_KIND_LABELS = (
    (re.compile(r"^Проект доклада$"), "DraftReport"),
    (re.compile(r"^Доклад о работе .*совещани"), "MeetingReport"),
    (re.compile(r"^Добавление$"), "Addendum"),
    (re.compile(r"^Аннотированная предварительная повестка дня$"), "AnnotatedAgenda"),
    (re.compile(r"^Доклад Секретариата$"), "SecretariatReport"),
    (re.compile(r"^Справочный документ(?:, подготовленный Секретариатом)?$"), "BackgroundPaper"),
    (re.compile(r"^Записка Секретариата$"), "BackgroundPaper"),
)
_DISTRIBUTION = re.compile(
    r"^(?:Distr\.?:?\s*\w+|\d{1,2} [A-Z][a-z]+ \d{4}|Russian|English|French|Spanish|Arabic|"
    r"Chinese|Original:\s*\w+|Предварительная повестка дня)$"
)
_AGENDA_REF = re.compile(r"^Пункт\s+(\d+)\s+(?:предварительной\s+)?повестки\s+дня\*?$")
_PLACE_DATE = re.compile(r"^[А-ЯЁ][\w-]+,\s+\d")
_LANGUAGES = {"Russian": "ru", "English": "en", "French": "fr", "Spanish": "es",
              "Arabic": "ar", "Chinese": "zh"}
_BACKGROUND = re.compile(r"Настоящ\w+\s+справочн\w+\s+документ")


@dataclass(frozen=True)
class Cover:
    end: int  # offset in the clean text where the body begins
    kinds: frozenset[str]
    title: str | None
    date: object | None
    language: str | None
    original_language: str | None
    place_and_dates: MeetingMention | None
    body: str | None  # the issuing body named on the cover: "wg-som", "cop-untoc"
    agenda_item: tuple[int, str] | None


def _logical_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cover lines, a line that starts in lower case joined to the one before."""
    spans: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip():
            continue
        if spans and line[:1].islower():
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _whole_name(text: str, organizations: NameMatcher) -> str | None:
    return next((n.key for n in organizations.finditer(text)
                 if n.start == 0 and n.end == len(text)), None)


def read_cover(clean: NormalizedText, organizations: NameMatcher) -> Cover:
    text = clean.text
    m = COVER_END.search(text)
    end = m.start() if m else 0
    kinds: set[str] = set()
    date = language = original = body = None
    place: MeetingMention | None = None
    agenda: tuple[int, str] | None = None
    blocks: list[list[str]] = [[]]
    lines = _logical_lines(text, 0, end)
    i = 0
    while i < len(lines):
        line = " ".join(text[lines[i][0]:lines[i][1]].split())
        i += 1
        kind = next((k for pattern, k in _KIND_LABELS if pattern.match(line)), None)
        agenda_ref = _AGENDA_REF.match(line)
        if kind:
            kinds.add(kind)
        elif agenda_ref:
            title = " ".join(text[lines[i][0]:lines[i][1]].split()) if i < len(lines) else ""
            agenda = (int(agenda_ref.group(1)), title)
            i += 1
        elif _DISTRIBUTION.match(line):
            if parse_english_date(line):
                date = parse_english_date(line)
            elif line in _LANGUAGES:
                language = _LANGUAGES[line]
            elif line.startswith("Original"):
                original = _LANGUAGES.get(line.split(":")[-1].strip())
        elif _PLACE_DATE.match(line) and parse_date_range(line):
            start, finish, _ = parse_date_range(line)
            place = MeetingMention(None, find_city(line), start, finish)
        else:
            blocks[-1].append(line)
            continue
        blocks.append([])
    titles = []
    for block in (" ".join(b) for b in blocks if b):
        name = _whole_name(block, organizations)
        if name:  # the issuing body, printed over several lines
            body = body if body == "wg-som" else name
        elif len(block) <= 400 and not _BACKGROUND.match(block):
            titles.append(block)
    title = titles[0] if titles else None
    if not title and kinds:
        labels = [line for line in (" ".join(text[a:b].split()) for a, b in lines)
                  if any(p.match(line) for p, _ in _KIND_LABELS)]
        title = ". ".join(labels) or None
    if _BACKGROUND.search(text[: max(end, 0) + 2000]):
        kinds.add("BackgroundPaper")
    if body != "wg-som" and place is not None and body is None:
        body = "wg-som"
    return Cover(end, frozenset(kinds), title, date, language, original,
                 place if body == "wg-som" else None, body, agenda)


# --- the body ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A part of the body: where it stands in the clean text, and what it is."""

    part: Part
    start: int
    end: int
    section: str | None = None  # recommendations: the section heading above it


@dataclass(frozen=True)
class Body:
    layout: str  # "recommendations", "compilation", "paragraphs"
    units: tuple[Unit, ...]
    meeting_headings: tuple[tuple[MeetingMention, int, int], ...]
    agenda: tuple[AgendaItem, ...]


_REC_HEADING = re.compile(r"^Рекомендация\s+(\d{1,3})\s*$", re.M)
_SECTION = re.compile(r"^(?:[A-ZА-Я]|[IVX]+)\.\s+\S", re.M)
_MEETING_HEADING = re.compile(
    r"^(?:[IVX]+\.\s+)?(?P<ord>[А-ЯЁ][а-яё]+)\s+(?:межсессионное\s+)?совещание,\s+(?P<rest>.+)$",
    re.M,
)
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})(?:\.\s+|\s+(?=[А-ЯЁA-Z«\"(]))", re.M)
_SUBITEM = re.compile(r"^(?P<l>[a-zа-я])\)\s+", re.M)
_LATIN_LETTER = str.maketrans("авсеорх", "abceopx")
_HEADING_LINE = re.compile(r"^(?:[IVX]+\.|[A-ZА-Я]\.|\d{1,2}\.)?\s*[А-ЯЁA-Z][^.;:]{0,150}$")
_AGENDA_START = re.compile(r"^Предварительная повестка дня$", re.M)
_ANNOTATIONS = re.compile(r"^Аннотации$", re.M)
_DOCUMENTATION = re.compile(r"^Документация$", re.M)


def read_body(clean: NormalizedText, cover_end: int) -> Body:
    text = clean.text
    agenda = _read_agenda(clean)
    headings = _meeting_headings(text, cover_end)
    if _REC_HEADING.search(text, cover_end):
        return Body("recommendations", _recommendations_by_heading(text, cover_end), (), agenda)
    if headings:
        return Body("compilation", _compilation(text, headings), tuple(headings), agenda)
    if agenda:
        return Body("agenda", (), (), agenda)
    return Body("paragraphs", _paragraphs(text, cover_end), (), agenda)


def _in_sequence(text: str, start: int, end: int) -> list[re.Match]:
    """Numbered lines that continue the sequence 1, 2, 3...: a number out of sequence (a
    sub-heading "1." after paragraph 6, a year, a count) does not start a new part."""
    starts = []
    for m in _NUMBERED.finditer(text, start, end):
        if int(m.group("n")) == len(starts) + 1:
            starts.append(m)
    return starts


def _line_end(text: str, at: int) -> int:
    e = text.find("\n", at)
    return len(text) if e < 0 else e


def _recommendations_by_heading(text: str, start: int) -> tuple[Unit, ...]:
    units = []
    section = None
    marks = sorted(
        [("rec", m.start(), m.end(), m.group(1)) for m in _REC_HEADING.finditer(text, start)]
        + [("sec", m.start(), m.start(), None) for m in _SECTION.finditer(text, start)]
    , key=lambda x: x[1])
    for i, (kind, a, b, number) in enumerate(marks):
        stop = marks[i + 1][1] if i + 1 < len(marks) else len(text)
        if kind == "sec":
            heading = " ".join(text[a:stop].split())
            heading = re.sub(r"^(?:[A-ZА-Я]|[IVX]+)\.\s+", "", heading)
            if not heading.startswith("Рекомендации") or "продолжение" not in heading:
                section = heading
            continue
        body_start = b + 1
        units.append(Unit(Part("recommendation", number), body_start, _trim(text, body_start, stop), section))
    return tuple(units)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \n":
        end -= 1
    return end


def _meeting_headings(text: str, start: int) -> list[tuple[MeetingMention, int, int]]:
    out = []
    for m in _MEETING_HEADING.finditer(text, start):
        n = ordinal(m.group("ord"))
        dates = parse_date_range(m.group("rest"))
        if n is None or not dates:
            continue
        out.append((MeetingMention(n, find_city(", " + m.group("rest")), dates[0], dates[1]),
                    m.start(), m.end()))
    return out


def _compilation(text: str, headings: list[tuple[MeetingMention, int, int]]) -> tuple[Unit, ...]:
    units: list[Unit] = []
    for i, (mention, _, heading_end) in enumerate(headings):
        stop = headings[i + 1][1] if i + 1 < len(headings) else len(text)
        starts = _in_sequence(text, heading_end, stop)
        for j, m in enumerate(starts):
            end = starts[j + 1].start() if j + 1 < len(starts) else stop
            part = Part("recommendation", m.group("n"), meeting=mention.ordinal)
            units.append(Unit(part, m.end(), _trim(text, m.end(), end)))
            subs = list(_SUBITEM.finditer(text, m.end(), end))
            for k, s in enumerate(subs):
                sub_end = subs[k + 1].start() if k + 1 < len(subs) else end
                letter = s.group("l").translate(_LATIN_LETTER)
                units.append(Unit(Part("subitem", m.group("n"), letter, mention.ordinal),
                                  s.end(), _trim(text, s.end(), sub_end)))
    return tuple(units)


def _paragraphs(text: str, start: int) -> tuple[Unit, ...]:
    units = []
    starts = _in_sequence(text, start, len(text))
    for j, m in enumerate(starts):
        stop = starts[j + 1].start() if j + 1 < len(starts) else len(text)
        end = _paragraph_end(text, m.end(), stop)
        units.append(Unit(Part("paragraph", m.group("n")), m.end(), end))
    return tuple(units)


def _paragraph_end(text: str, start: int, stop: int) -> int:
    """A paragraph ends at the next one, or at a heading line after a finished sentence."""
    pos = _line_end(text, start)
    while pos < stop:
        line_start = pos + 1
        line_end = min(_line_end(text, line_start), stop)
        line = text[line_start:line_end]
        if text[pos - 1:pos] in ".;:" and _HEADING_LINE.match(line) and not line.endswith(
            ("»", '"')
        ) and len(line) < 160 and not re.search(r"[,]\s*$", line):
            return _trim(text, start, pos)
        pos = line_end
    return _trim(text, start, stop)


def _read_agenda(clean: NormalizedText) -> tuple[AgendaItem, ...]:
    text = clean.text
    start = _AGENDA_START.search(text)
    if not start:
        return ()
    notes = _ANNOTATIONS.search(text, start.end())
    end = notes.start() if notes else len(text)
    items = []
    starts = _in_sequence(text, start.end(), end)
    # the documentation of each item is listed in its annotation
    documentation: dict[int, list[str]] = {}
    if notes:
        annotation_starts = _in_sequence(text, notes.end(), len(text))
        for j, m in enumerate(annotation_starts):
            stop = (annotation_starts[j + 1].start() if j + 1 < len(annotation_starts)
                    else len(text))
            doc = _DOCUMENTATION.search(text, m.end(), stop)
            if doc:
                documentation[int(m.group("n"))] = [s for s, _, _ in find_symbols(text[doc.end():stop])]
    for j, m in enumerate(starts):
        stop = starts[j + 1].start() if j + 1 < len(starts) else end
        item_end = _trim(text, m.end(), stop)
        first_sub = _SUBITEM.search(text, m.end(), item_end)
        title_end = _trim(text, m.end(), first_sub.start()) if first_sub else item_end
        title = " ".join(text[m.end():title_end].split()).rstrip(":.;")
        s, e = clean.source_span(m.start(), item_end)
        items.append(AgendaItem(int(m.group("n")), title, Span(s, e, text[m.start():item_end]),
                                tuple(documentation.get(int(m.group("n")), ()))))
    return tuple(items)
