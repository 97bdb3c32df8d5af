"""Addressee and strength of recommendations."""

import pytest

from etl.wording import addressee, strength


@pytest.mark.parametrize("text, who, how", [
    ("Государствам-участникам следует продолжать пересматривать законы.", "StatesParties", "Should"),
    ("Государствам-участникам рекомендуется подготовиться к прибытию.", "StatesParties", "Encouraged"),
    ("Государства-участники, возможно, пожелают рассмотреть вопрос.", "StatesParties", "MayWish"),
    ("Государства, возможно, пожелают обратиться к УНП ООН.", "States", "MayWish"),
    ("Государствам следует рассматривать незаконный ввоз как преступление.", "States", "Should"),
    ("В соответствии с нормами государствам не следует привлекать моряков.", "States", "ShouldNot"),
    ("Государствам-участникам предлагается вести работу.", "StatesParties", "Invited"),
    ("Государства-участники могут в соответствии с законодательством рассмотреть вопрос.",
     "StatesParties", "May"),
    ("Рабочая группа по незаконному ввозу мигрантов просила Секретариат подготовить руководство.",
     "Secretariat", "Requested"),
    ("Рабочая группа рекомендовала Конференции рассмотреть темы.", "Conference", "Requested"),
    ("Секретариату следует и далее оказывать помощь.", "Secretariat", "Should"),
    ("Конференции следует обсудить программу.", "Conference", "Should"),
    ("Рабочей группе следует продолжать оказывать помощь.", "WorkingGroupAddressee", "Should"),
    ("Государствам — участникам Конвенции рекомендуется расширять сотрудничество.",
     "StatesParties", "Encouraged"),
])
def test_addressee_and_strength(text, who, how):
    assert addressee(text) == who
    assert strength(text) == how


def test_a_subordinate_could_is_not_the_strength():
    text = ("Хотя незаконный ввоз мигрантов и торговля людьми могут в некоторых случаях иметь "
            "схожие признаки, государствам-участникам следует считать их отдельными преступлениями.")
    assert strength(text) == "Should"
    assert addressee(text) == "StatesParties"


def test_no_wording_no_strength():
    assert strength("Настоящий доклад подготовлен Секретариатом.") is None
