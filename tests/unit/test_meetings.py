"""Meetings: dates, ordinals, mentions, and the registry joined across documents."""

import datetime as dt

import pytest

from etl.meetings import (
    find_meeting_mentions,
    find_session_ordinal,
    ordinal,
    parse_date_range,
    parse_english_date,
    resolve_meetings,
)
from etl.records import DocumentRecord, MeetingMention, SourceFile

D = dt.date


@pytest.mark.parametrize("text, start, end", [
    ("Вена, 8–9 сентября 2020 года", D(2020, 9, 8), D(2020, 9, 9)),
    ("Вена, 30 мая — 1 июня 2012 года", D(2012, 5, 30), D(2012, 6, 1)),
    ("в Вене 27 и 28 июня 2022 года", D(2022, 6, 27), D(2022, 6, 28)),
    ("в Вене 11-13 ноября 2013 года", D(2013, 11, 11), D(2013, 11, 13)),
    ("в период с 23 сентября по 4 октября 2013 года", D(2013, 9, 23), D(2013, 10, 4)),
    ("6 февраля 2014 года", D(2014, 2, 6), D(2014, 2, 6)),
])
def test_date_ranges(text, start, end):
    assert parse_date_range(text)[:2] == (start, end)


@pytest.mark.parametrize("text", ["в 2016 году", "31 февраля 2020 года", "27 июня, в 10 час."])
def test_not_a_date(text):
    assert parse_date_range(text) is None


def test_english_date_of_the_distribution_block():
    assert parse_english_date("21 June 2019") == D(2019, 6, 21)


@pytest.mark.parametrize("word, n", [("седьмом", 7), ("Девятое", 9), ("шестого", 6),
                                     ("Второе", 2), ("третьей", 3), ("одиннадцатом", 11)])
def test_ordinals_in_any_case(word, n):
    assert ordinal(word) == n


def test_working_group_meeting_with_place_and_dates():
    text = ("Второе межсессионное совещание Рабочей группы по незаконному ввозу мигрантов "
            "состоялось в Вене 11-13 ноября 2013 года, и на нем обсуждались вопросы.")
    [(mention, _, _)] = find_meeting_mentions(text)
    assert mention == MeetingMention(2, "Вена", D(2013, 11, 11), D(2013, 11, 13))


def test_meeting_of_the_working_group_named_by_her():
    text = "для содействия обсуждениям в Рабочей группе по незаконному ввозу мигрантов на ее седьмом совещании."
    assert [m.ordinal for m, _, _ in find_meeting_mentions(text)] == [7]


@pytest.mark.parametrize("text", [
    "участвовало в шестом совещании Глобального форума по миграции и развитию",
    "Рабочая группа на ее первых пяти совещаниях приняла",
    "в одиннадцатом и двенадцатом координационных совещаниях по международной миграции",
])
def test_meetings_of_other_bodies_or_counts_are_not_meetings(text):
    assert find_meeting_mentions(text) == []


def test_session_a_report_is_for():
    text = "Конференция просила Секретариат представить Конференции на ее седьмой сессии доклад об осуществлении."
    assert find_session_ordinal(text) == 7
    assert find_session_ordinal("на седьмой сессии обсудили вопросы") is None


def record(sha, *, own=None, mentions=(), symbol=None):
    return DocumentRecord(source=SourceFile(f"{sha}.txt", sha, 1), language="ru",
                          kinds=frozenset({"Document"}), symbol=symbol, own_meeting=own,
                          meeting_mentions=tuple(mentions))


def test_a_document_learns_its_meeting_ordinal_from_another_with_the_same_symbol_year():
    dated = record("a", own=MeetingMention(None, "Вена", D(2020, 9, 8), D(2020, 9, 9)),
                   symbol="CTOC/COP/WG.7/2020/L.1/Add.1")
    numbered = record("b", own=MeetingMention(7), symbol="CTOC/COP/WG.7/2020/3")
    registry = resolve_meetings([dated, numbered])
    assert registry.by_document["a"] is registry.by_document["b"]
    meeting = registry.by_document["a"]
    assert (meeting.ordinal, meeting.city, meeting.start) == (7, "Вена", D(2020, 9, 8))


def test_an_unnumbered_meeting_between_two_numbered_ones_takes_the_gap():
    headings = [MeetingMention(5, "Вена", D(2018, 7, 4), D(2018, 7, 5)),
                MeetingMention(7, "Вена", D(2020, 9, 8), D(2020, 9, 9))]
    registry = resolve_meetings([
        record("c", mentions=headings),
        record("d", own=MeetingMention(None, "Вена", D(2019, 9, 11), D(2019, 9, 13))),
    ])
    assert registry.by_document["d"].ordinal == 6


def test_no_ordinal_is_guessed_when_the_gap_is_ambiguous():
    headings = [MeetingMention(5, None, D(2018, 7, 4), D(2018, 7, 5)),
                MeetingMention(8, None, D(2021, 9, 8), D(2021, 9, 9))]
    registry = resolve_meetings([
        record("c", mentions=headings),
        record("d", own=MeetingMention(None, "Вена", D(2019, 9, 11), D(2019, 9, 13))),
    ])
    assert registry.by_document["d"].ordinal is None
