"""Reference rules of Russian UN texts, each on small texts written for it."""

import pytest

from etl.records import (
    ArticleRef,
    ChapterRef,
    DocumentRef,
    InstrumentRef,
    RecommendationRef,
    ResolutionRef,
)


def legal(reader, text):
    return [(f.target, text[f.start:f.end]) for f in reader.legal(text)]


def targets(reader, text, kind=ArticleRef):
    return [f.target for f in reader.legal(text) if isinstance(f.target, kind)]


@pytest.mark.parametrize("text, expected", [
    ("статья 10 Протокола", [ArticleRef("som-protocol", 10)]),
    ("в статье 10 Протокола", [ArticleRef("som-protocol", 10)]),
    ("осуществлять статью 18 Протокола о незаконном ввозе мигрантов", [ArticleRef("som-protocol", 18)]),
    ("в соответствии со статьей 8 Протокола", [ArticleRef("som-protocol", 8)]),
    ("перечисленных в статье 6 Протокола", [ArticleRef("som-protocol", 6)]),
    ("со статьями 16 и 18 Конвенции", [ArticleRef("untoc", 16), ArticleRef("untoc", 18)]),
    ("с учетом положений статей 32 и 37 Конвенции", [ArticleRef("untoc", 32), ArticleRef("untoc", 37)]),
    ("в пункте 3 статьи 6 Протокола", [ArticleRef("som-protocol", 6, 3)]),
    ("в соответствии с пунктом 3 статьи 14 Протокола", [ArticleRef("som-protocol", 14, 3)]),
    ("статьи 5 и пункта 4 статьи 6 Протокола",
     [ArticleRef("som-protocol", 5), ArticleRef("som-protocol", 6, 4)]),
    ("статьи 20 Конвенции об организованной преступности", [ArticleRef("untoc", 20)]),
])
def test_article_phrases_in_every_form(reader, text, expected):
    assert targets(reader, text) == expected


def test_abbreviated_article_with_paragraph_after_takes_the_instrument_named_before(reader):
    text = ("См. Конвенцию Организации Объединенных Наций против транснациональной "
            "организованной преступности, ст. 18, пункт 1.")
    assert targets(reader, text) == [ArticleRef("untoc", 18, 1)]


def test_full_protocol_name_that_names_the_convention_is_the_protocol(reader):
    text = ("Статья 10 Протокола против незаконного ввоза мигрантов по суше, морю и воздуху, "
            "дополняющего Конвенцию Организации Объединенных Наций против транснациональной "
            "организованной преступности, предписывает")
    found = legal(reader, text)
    assert [t for t, _ in found] == [ArticleRef("som-protocol", 10)]
    assert found[0][1].endswith("организованной преступности")


def test_article_is_credited_to_the_instrument_after_it_not_to_another_named_before(reader):
    text = ("своим обязательствам в рамках Венской конвенции о консульских сношениях, о которых "
            "упоминается в пункте 5 статьи 16 Протокола о незаконном ввозе мигрантов.")
    assert targets(reader, text) == [ArticleRef("som-protocol", 16, 5)]
    assert targets(reader, text, InstrumentRef) == [InstrumentRef("vccr")]


def test_instrument_named_earlier_in_the_sentence(reader):
    text = ("такие положения Конвенции Организации Объединенных Наций против транснациональной "
            "организованной преступности, касающиеся сотрудничества, как статья 13, "
            "дополняющую статью 12 о конфискации")
    assert targets(reader, text) == [ArticleRef("untoc", 13), ArticleRef("untoc", 12)]


def test_instrument_named_nowhere_is_the_working_groups_protocol(reader):
    assert targets(reader, "обеспечить выполнение своих обязательств по статье 18, в том числе") == [
        ArticleRef("som-protocol", 18)]


def test_bare_protocol_means_the_protocol_named_last(reader):
    reader.legal("меры по Протоколу о предупреждении и пресечении торговли людьми")
    assert targets(reader, "в статье 9 Протокола") == [ArticleRef("tip-protocol", 9)]


def test_article_the_instrument_does_not_have_is_not_credited(reader):
    assert targets(reader, "статья 40 Протокола о незаконном ввозе мигрантов") == []
    assert any("article 40" in w for w in reader.warnings)


def test_chapter(reader):
    assert targets(reader, "С учетом главы II Протокола государствам", ChapterRef) == [
        ChapterRef("som-protocol", "II")]


@pytest.mark.parametrize("text", [
    "Согласно пункту 12 процедур и правил функционирования Механизма",
    "Пункт 4 предварительной повестки дня",
    "в пособии 1 рассматривается преступление",
    "В 2016 году было получено от 5,5 до 7 млрд",
    "статистика и статьи расходов",
])
def test_no_article_where_there_is_none(reader, text):
    assert targets(reader, text) == []


def test_organization_names_that_contain_the_convention_are_not_citations(reader):
    text = "Конференция участников Конвенции Организации Объединенных Наций против транснациональной организованной преступности постановила"
    assert targets(reader, text, InstrumentRef) == []


def test_instrument_mentions_without_articles(reader):
    text = "о ратификации Протокола о незаконном ввозе мигрантов и Повестки дня в области устойчивого развития на период до 2030 года"
    assert targets(reader, text, InstrumentRef) == [InstrumentRef("som-protocol"), InstrumentRef("agenda-2030")]


# --- resolutions ---------------------------------------------------------------------------


def resolutions(reader, text):
    found, notes = reader.resolutions(text)
    return [(f.target, f.fragment) for f in found], notes


@pytest.mark.parametrize("text, expected", [
    ("в соответствии с резолюцией 6/3 Конференции", ResolutionRef("cop", "6/3")),
    ("в своей резолюции 8/1 призвала", ResolutionRef("cop", "8/1")),
    ("Генеральная Ассамблея приняла резолюцию 74/247 о противодействии", ResolutionRef("ga", "74/247")),
    ("резолюцию 74/247", ResolutionRef("ga", "74/247")),
    ("в резолюции 2014/23 Совета", ResolutionRef("ecosoc", "2014/23")),
    ("резолюции 7/1 Генеральной Ассамблеи", ResolutionRef("ga", "7/1")),
])
def test_resolution_and_its_body(reader, text, expected):
    assert resolutions(reader, text)[0][0][0] == expected


def test_body_named_in_another_sentence_does_not_count(reader):
    text = "Конференция в своей резолюции 8/1 призвала. В декабре Генеральная Ассамблея приняла решение."
    assert resolutions(reader, text)[0][0][0] == ResolutionRef("cop", "8/1")


def test_resolution_with_cited_paragraph(reader):
    assert resolutions(reader, "Резолюция 65/230 Генеральной Ассамблеи, п. 42.")[0] == [
        (ResolutionRef("ga", "65/230"), "п. 42")]


def test_resolution_title_and_resolution_citing_resolution(reader):
    text = ("В резолюции 6/3 Конференция постановила, что Рабочей группе следует выполнять функции, "
            "определенные в резолюции 5/3 Конференции. В резолюции 7/1 «Активизация усилий по "
            "осуществлению Конвенции» Конференция постановила")
    _, notes = resolutions(reader, text)
    assert any(n.resolution == ResolutionRef("cop", "6/3") and n.cites == (ResolutionRef("cop", "5/3"),)
               for n in notes)
    assert any(n.resolution == ResolutionRef("cop", "7/1") and n.title.startswith("Активизация")
               for n in notes)


def test_no_resolution_in_other_fractions(reader):
    assert resolutions(reader, "в 24/7 режиме и решение 5/3 бюро")[0] == []


# --- symbols and recommendations -----------------------------------------------------------


def test_symbols_in_latin_and_lookalike_letters_with_fragments(reader):
    text = "(A/CONF.234/11, пп. 41–48) и (СТОС/COP/WG.7/2019/4), а также A/RES/74/247."
    found = reader.symbols(text, None)
    assert [(f.target, f.fragment) for f in found] == [
        (DocumentRef("A/CONF.234/11"), "пп. 41–48"),
        (DocumentRef("CTOC/COP/WG.7/2019/4"), None),
        (ResolutionRef("ga", "74/247"), None),
    ]


def test_own_symbol_and_non_symbols_are_not_citations(reader):
    text = "CTOC/COP/WG.7/2020/3 и/или и/или, COVID-19, V.20-03097, km/h/s"
    assert reader.symbols(text, "CTOC/COP/WG.7/2020/3") == []


def test_recommendation_references(reader):
    found = reader.recommendations("С учетом рекомендации 11 государствам. Рекомендации 2012 года.")
    assert [f.target for f in found] == [RecommendationRef(11)]
