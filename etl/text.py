"""Normalize the plain text of a converted UN document, keeping a map back to the source.

PDF and Word conversions leave marks that are not part of the document: page headers and
footers (the symbol, "4/17 V.20-03097"), words hyphenated across lines, blank-line noise,
footnote blocks after a rule of underscores, footnote numbers glued to words ("США1."),
lines that repeat a link, Markdown emphasis, and letters of the wrong alphabet. This module
removes them and yields a :class:`NormalizedText` whose every character knows the offset of
the source character it came from, so a span found in the clean text can be quoted and
located in the original file (W3C Web Annotation ``TextPositionSelector``).

Nothing here knows about one corpus file: every rule is a rule of the conversion or of UN
document layout, and each is tested on small texts in ``tests/unit/test_text.py``.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

__all__ = [
    "NormalizedText",
    "Footnote",
    "Layout",
    "normalize",
    "fold_lookalikes",
    "fold_mixed_words",
    "to_latin_symbol",
]

# --- look-alike letters -------------------------------------------------------------------

_CYR_TO_LAT = str.maketrans("АВСЕНКМОРТХасеорху", "ABCEHKMOPTXaceopxy")
_LAT_TO_CYR = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def to_latin_symbol(symbol: str) -> str:
    """Write a UN document symbol in Latin letters ("СТОС/COP" -> "CTOC/COP")."""
    return symbol.translate(_CYR_TO_LAT)


def fold_lookalikes(word: str) -> str:
    """Write a mostly Cyrillic word wholly in Cyrillic ("группa" -> "группа").

    A word with more Latin than Cyrillic letters is left as it is (it is an English word or
    a symbol); the translation is one letter for one letter, so offsets do not move.
    """
    cyr = len(_CYRILLIC.findall(word))
    lat = len(_LATIN.findall(word))
    if cyr and lat and cyr >= lat:
        return word.translate(_LAT_TO_CYR)
    return word


# --- the normalized text ------------------------------------------------------------------


@dataclass(frozen=True)
class NormalizedText:
    """Clean text and, for each of its characters, the offset of its source character."""

    text: str
    offsets: array = field(repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of :attr:`text` to the source text.

        Raises ``ValueError`` for an empty or out-of-range span.
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}..{end} is outside the text of {len(self.text)}")
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Footnote:
    """A footnote: its mark ("12" or "*"), its clean text, and where its mark was cited."""

    mark: str
    body: NormalizedText
    cited_at: int | None  # offset in the main clean text where the mark stood, if found


@dataclass(frozen=True)
class Layout:
    """What the page furniture says about the document itself."""

    header_symbols: tuple[str, ...]  # symbols printed alone on a line as running headers
    job_numbers: tuple[str, ...]  # job numbers printed in page footers ("V.20-04906")
    links: tuple[str, ...]  # link lines that repeated an address after a paragraph


class _Builder:
    """Accumulates clean text with the source offset of every character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("i")

    def add(self, source: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append(source[start:end])
            self.offsets.extend(range(start, end))

    def add_char(self, char: str, at: int) -> None:
        self.parts.append(char)
        self.offsets.append(at)

    def build(self) -> NormalizedText:
        return NormalizedText("".join(self.parts), self.offsets)


# --- line classes -------------------------------------------------------------------------

_SYMBOL_LINE = re.compile(r"^\s*([A-ZА-Я][A-ZА-Я0-9.]*(?:/[A-ZА-Яa-z0-9.]+){2,})\s*$", re.M)
_FOOTER_LINE = re.compile(
    r"^\s*(?:\d{1,3}/\d{1,3}\s+(V\.\d{2}-\d{5})|(V\.\d{2}-\d{5})(?:\s*\(\w\))?\s+\d{1,3}/\d{1,3})\s*$",
    re.M,
)
_LINK_LINE = re.compile(r"^\s*https?://\S+\s*$", re.M)
_RULE_LINE = re.compile(r"^\s*_{5,}\s*$", re.M)
_FOOTNOTE_ENTRY = re.compile(r"^\s{0,4}(\d{1,3}|\*{1,3})\s+(?=\S)(?!\d)")
_MARKDOWN_FOOTNOTE = re.compile(r"^(\*{1,3})\s+(?=\S)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_LIST = re.compile(r"^\s*-\s+(?=[a-zа-я]\)|\S)")
_HYPHEN_BREAK = re.compile(r"([А-Яа-яЁё]+)-$")
_NEXT_WORD = re.compile(r"([а-яё]+)")  # used with match() at a position
# A word with letters of both alphabets has a seam where a letter of one meets a letter of
# the other; looking for seams, then widening each to its word, is 4x faster than matching
# mixed words outright.
_ALPHABET_SEAM = re.compile(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]")
_LETTER = re.compile(r"[A-Za-zА-Яа-яЁё]")
_LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]*")


def fold_mixed_words(text: str) -> str:
    """``text`` with every word that mixes Latin and Cyrillic letters folded by
    :func:`fold_lookalikes` (same length: offsets do not move)."""
    pieces, pos = [], 0
    for seam in _ALPHABET_SEAM.finditer(text):
        if seam.start() < pos:
            continue  # a second seam of the word just folded
        start = seam.start()
        while start > pos and _LETTER.match(text, start - 1):
            start -= 1
        end = _LETTERS.match(text, seam.end()).end()
        pieces += [text[pos:start], fold_lookalikes(text[start:end])]
        pos = end
    return "".join(pieces) + text[pos:] if pieces else text

# A hyphen at a line end is either a word broken across lines ("неотлож-" + "ных") or the
# hyphen of a compound ("информационно-" + "коммуникационных"). The document itself is the
# best dictionary: a form it also writes whole on one line wins. Otherwise a compound is a
# long adverb-like stem in -о followed by a whole word ("нормативно-правовой"; not
# "преступно-" + "сти"), or a second half only ever written as one ("государства-участники").
_COMPOUND_SECOND = re.compile(r"(участ|член)")


def _is_compound(left: str, right: str, source: str) -> bool:
    if f"{left}-{right}" in source:
        return True
    if f"{left}{right}" in source:
        return False
    return (len(left) >= 6 and left[-1] == "о" and len(right) >= 7) or bool(
        _COMPOUND_SECOND.match(right)
    )


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans, start = [], 0
    for match in re.finditer(r"\n", source):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(source)))
    return spans


def normalize(source: str) -> tuple[NormalizedText, list[Footnote], Layout]:
    """Clean ``source`` and return the text, its footnotes and what the page furniture said.

    The clean text keeps one line per source line of body text (joined where a word was
    hyphenated across lines), without blank lines, page headers and footers, link lines or
    footnote blocks; footnote marks glued to words are removed and returned as
    :class:`Footnote` positions.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    spans = _lines(source)
    footer_at = [i for i, (s, e) in enumerate(spans) if _FOOTER_LINE.match(source, s, e)]
    jobs = []
    for i in footer_at:
        m = _FOOTER_LINE.match(source, *spans[i])
        jobs.append(m.group(1) or m.group(2))
    header_symbols: list[str] = []
    dropped: set[int] = set(footer_at)
    for i, (s, e) in enumerate(spans):
        m = _SYMBOL_LINE.match(source, s, e)
        if m and any(abs(i - j) <= 8 for j in footer_at):
            header_symbols.append(to_latin_symbol(m.group(1)))
            dropped.add(i)

    markdown = "**" in source or bool(_MD_LINK.search(source))
    body_lines: list[tuple[int, int]] = []
    footnote_lines: list[tuple[str, list[tuple[int, int]]]] = []
    links: list[str] = []
    in_block = False  # inside a footnote block opened by a rule of underscores
    for i, (s, e) in enumerate(spans):
        line = source[s:e]
        if i in dropped:
            in_block = False  # a page header or footer ends the footnotes of its page
            continue
        if not line.strip():
            continue
        if _LINK_LINE.match(line):
            links.append(line.strip())
            in_block = False
            continue
        if _RULE_LINE.match(line):
            in_block = True
            continue
        entry = _FOOTNOTE_ENTRY.match(line) if in_block else None
        if entry:
            footnote_lines.append((entry.group(1), [(s + entry.end(), e)]))
            continue
        entry = _MARKDOWN_FOOTNOTE.match(line) if markdown and not in_block else None
        if entry:  # a one-line Markdown footnote: "* [CTOC/COP/WG.7/2019/1](#)."
            footnote_lines.append((entry.group(1), [(s + entry.end(), e)]))
            continue
        if in_block and footnote_lines and not line[:1].isspace():
            footnote_lines[-1][1].append((s, e))  # continuation of the footnote
            continue
        in_block = False
        body_lines.append((s, e))

    body = _join(source, body_lines, markdown)
    body, marks = _remove_footnote_marks(body, [mark for mark, _ in footnote_lines])
    footnotes = [
        Footnote(mark, _join(source, lines, markdown), marks.get(mark))
        for mark, lines in footnote_lines
    ]
    return body, footnotes, Layout(tuple(header_symbols), tuple(jobs), tuple(links))


def _line_pieces(source: str, start: int, end: int, markdown: bool) -> list[tuple[int, int]]:
    """The parts of one line that are text: trimmed, without Markdown markup."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    if not markdown:
        return [(start, end)] if end > start else []
    cut: list[tuple[int, int]] = []
    line = source[start:end]
    m = _MD_LIST.match(line)
    if m:
        cut.append((0, m.end()))
    for m in _MD_LINK.finditer(line):
        cut.append((m.start(), m.start(1)))
        cut.append((m.end(1), m.end()))
    for m in _MD_EMPHASIS.finditer(line):
        cut.append((m.start(), m.end()))
    pieces, pos = [], 0
    for a, b in sorted(cut):
        if a > pos:
            pieces.append((start + pos, start + a))
        pos = max(pos, b)
    if pos < len(line):
        pieces.append((start + pos, end))
    return [(a, b) for a, b in pieces if b > a]


def _join(source: str, lines: list[tuple[int, int]], markdown: bool) -> NormalizedText:
    """Join lines with newlines, undoing hyphenation and folding look-alike letters."""
    out = _Builder()
    pending_hyphen: tuple[int, str] | None = None  # (offset of "-", left word part)
    for s, e in lines:
        pieces = _line_pieces(source, s, e, markdown)
        if not pieces:
            continue
        first_start = pieces[0][0]
        if out.parts:
            right = _NEXT_WORD.match(source, first_start, pieces[0][1])
            if pending_hyphen and right:
                hyphen_at, left = pending_hyphen
                if _is_compound(left, right.group(1), source):
                    out.add_char("-", hyphen_at)
            else:
                if pending_hyphen:
                    out.add_char("-", pending_hyphen[0])
                out.add_char("\n", first_start - 1)
        pending_hyphen = None
        last_start, last_end = pieces[-1]
        m = _HYPHEN_BREAK.search(source, last_start, last_end) if source[last_end - 1] == "-" else None
        for a, b in pieces[:-1]:
            out.add(source, a, b)
        if m and m.end() == last_end and m.start(1) > 0:
            out.add(source, last_start, last_end - 1)
            pending_hyphen = (last_end - 1, m.group(1))
        else:
            out.add(source, last_start, last_end)
    if pending_hyphen:
        out.add_char("-", pending_hyphen[0])
    built = out.build()
    return NormalizedText(fold_mixed_words(built.text), built.offsets)


def _remove_footnote_marks(
    body: NormalizedText, marks: list[str]
) -> tuple[NormalizedText, dict[str, int]]:
    """Find each footnote mark, in order, where it is glued to a word or a full stop.

    Marks are looked for in the order of the footnotes, each after the previous one, as a
    number standing right after a letter, a closing quote or bracket, or a full stop
    ("США1.", "года3.", "синдикатами4.", "опыта 15."), or as "*" glued to a word.
    """
    text = body.text
    found: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    pos = 0
    for mark in marks:
        if mark.startswith("*"):
            pattern = re.compile(r"(?<=[\w.)»”])" + re.escape(mark) + r"(?=[\s.,;:]|$)")
        else:
            pattern = re.compile(
                r"(?:(?<=[^\W\d_])|(?<=[.)»”\"]))" + mark + r"(?=[\s.,;:)]|$)(?![.,]\d)"
                r"|(?<=[^\W\d_] )" + mark + r"(?=\.(?:\s|$))"
                r"|(?<=\. )" + mark + r"(?=\n|$)"
            )
        m = pattern.search(text, pos)
        if not m:
            continue
        found[mark] = m.start()
        start = m.start() - 1 if text[m.start() - 1] == " " and mark[0] != "*" else m.start()
        cuts.append((start, m.end()))
        pos = m.end()
    if not cuts:
        return body, found
    out = _Builder()
    prev = 0
    for a, b in cuts:
        out.parts.append(text[prev:a])
        out.offsets.extend(body.offsets[prev:a])
        prev = b
    out.parts.append(text[prev:])
    out.offsets.extend(body.offsets[prev:])
    adjusted = {}
    for mark, at in found.items():
        before = sum(b - a for a, b in cuts if b <= at)
        adjusted[mark] = at - before
    return out.build(), adjusted
