"""Names in any grammatical case."""

import re

import pytest

from etl.names import NameMatcher, inflected


@pytest.mark.parametrize("listed, printed", [
    ("Венская конвенция о консульских сношениях", "Венской конвенции о консульских сношениях"),
    ("Протокол о незаконном ввозе мигрантов", "Протоколом о незаконном ввозе мигрантов"),
    ("Конвенция об организованной преступности", "Конвенцию об организованной преступности"),
    ("Вьетнам", "Вьетнама"),
    ("Объединенная Республика Танзания", "Объединенной Республике Танзания"),
    ("Кабо-Верде", "Кабо-Верде"),
    ("УНП ООН", "УНП ООН"),
])
def test_a_listed_name_finds_its_printed_forms(listed, printed):
    assert re.fullmatch(inflected(listed), printed)


@pytest.mark.parametrize("listed, printed", [
    ("Перу", "Перед"),           # an indeclinable name is not the start of another word
    ("Гана", "Ганновер"),
    ("Сальвадор", "Сан-Сальвадоре"),  # part of a compound name is not the name
])
def test_a_name_does_not_match_other_words(listed, printed):
    assert not re.search(inflected(listed), printed)


def test_longest_name_wins_so_a_protocol_is_not_read_as_its_convention():
    matcher = NameMatcher([
        ("untoc", ["Конвенция Организации Объединенных Наций против транснациональной организованной преступности"]),
        ("som", ["Протокол против незаконного ввоза мигрантов по суше, морю и воздуху, дополняющий "
                 "Конвенцию Организации Объединенных Наций против транснациональной организованной преступности"]),
    ])
    text = ("Статья 10 Протокола против незаконного ввоза мигрантов по суше, морю и воздуху, "
            "дополняющего Конвенцию Организации Объединенных Наций против транснациональной "
            "организованной преступности, который вступил в силу")
    assert [m.key for m in matcher.finditer(text)] == ["som"]
