"""Reading whole documents: cover, kind, layout, and refusal of bad input."""

import pytest

from etl.document import DocumentError, decode, read_document
from tests.conftest import corpus_file


def read(text, reference, matchers, name="doc.txt"):
    return read_document(name, text.encode("utf-8"), reference, matchers)


DRAFT = """ Рабочaя группa по незаконному ввозу \n\nмигрантов \n\nВена, 8–9 сентября 2020 года \n
  Проект доклада \n\n  Добавление \n\n II. Рекомендации (продолжение) \n
 B. Рекомендации, касающиеся технических средств \n\n  Рекомендация 1 \n
  Государствам-участникам рекомендуется подготовиться к прибытию лиц, обеспечивающие решение неотлож-\n\nных проблем. \n
  Рекомендация 2 \n\n  Государствам-участникам следует учитывать пункт 3 статьи 6 Протокола. \n"""


def test_recommendations_under_headings(reference, matchers):
    doc = read(DRAFT, reference, matchers)
    assert doc.kinds == {"DraftReport", "Addendum"}
    assert doc.title == "Проект доклада. Добавление"
    assert [r.number for r in doc.recommendations] == [1, 2]
    first = doc.recommendations[0]
    assert "неотложных проблем" in first.text
    assert first.section == "Рекомендации, касающиеся технических средств"
    assert (first.addressee, first.strength) == ("StatesParties", "Encouraged")
    assert doc.own_meeting.city == "Вена" and doc.own_meeting.start.isoformat() == "2020-09-08"
    cited = [r for r in doc.references if r.citing.kind == "recommendation"]
    assert [(r.citing.number, r.span.exact) for r in cited] == [("2", "пункт 3 статьи 6 Протокола")]


COMPILATION = """**Рабочая группа по незаконному ввозу\nмигрантов**\n\nВена, 11–13 сентября 2019 года\n
Пункт 4 предварительной повестки дня*\n\nПрочие вопросы\n\n**Рекомендации, принятые Рабочей группой**\n
Справочный документ, подготовленный Секретариатом\n\n* [СТОС/COP/WG.7/2019/1](#).\n
I. Первое совещание, Вена, 30 мая — 1 июня 2012 года\n
1. Государствам-участникам следует ратифицировать Протокол о незаконном ввозе мигрантов.
2. Государства-участники, возможно, пожелают:\n - a) рассмотреть статью 8 Протокола;\n - b) другое;\n
II. Второе совещание, Вена, 11–13 ноября 2013 года\n
1. С учетом рекомендации 2 государствам следует действовать.\n"""


def test_compilation_numbers_recommendations_anew_under_each_meeting(reference, matchers):
    doc = read(COMPILATION, reference, matchers)
    assert "Compilation" in doc.kinds and "BackgroundPaper" in doc.kinds
    assert doc.title == "Рекомендации, принятые Рабочей группой"
    assert doc.agenda_item == (4, "Прочие вопросы")
    assert [(r.meeting, r.number) for r in doc.recommendations] == [(1, 1), (1, 2), (2, 1)]
    second = doc.recommendations[1]
    assert [s.letter for s in second.subitems] == ["a", "b"]
    by_part = {(r.citing.meeting, r.citing.number, r.citing.letter): r.target for r in doc.references
               if r.citing.kind in ("recommendation", "subitem")}
    assert by_part[(1, "2", "a")].article == 8
    assert by_part[(2, "1", "")].number == 2 and by_part[(2, "1", "")].meeting == 2
    assert [m.ordinal for m in doc.meeting_mentions][:2] == [1, 2]
    assert any(r.citing.kind == "footnote" and r.target.symbol == "CTOC/COP/WG.7/2019/1"
               for r in doc.references if hasattr(r.target, "symbol"))


PAPER = """  I. Введение \n\n1. Настоящий справочный документ был подготовлен Секретариатом для обсуждений
в Рабочей группе по незаконному ввозу мигрантов на ее седьмом совещании.
  Реклама \n2. Статья 10 Протокола предписывает обмениваться информацией1. \n
__________________ \n\n 1  Global Study on Smuggling of Migrants 2018 (United Nations publication). \n
 3. Кроме того, см. CTOC/COP/WG.7/2019/3.\n"""


def test_numbered_paragraphs_footnotes_and_publications(reference, matchers):
    doc = read(PAPER, reference, matchers)
    assert "BackgroundPaper" in doc.kinds
    assert [p.number for p in doc.paragraphs] == [1, 2, 3]
    assert "Реклама" not in doc.paragraphs[0].text  # a heading ends the paragraph
    assert doc.paragraphs[1].footnotes == ("1",)
    assert doc.footnotes[0].paragraph == 2
    assert doc.own_meeting.ordinal == 7
    publications = [r.target for r in doc.references if r.citing.kind == "footnote"]
    assert publications[0].title == "Global Study on Smuggling of Migrants 2018"


def test_every_span_quotes_the_source(reference, matchers):
    data = corpus_file("001").read_bytes()
    source = data.decode("utf-8")
    doc = read_document("001.txt", data, reference, matchers)
    spans = [r.span for r in doc.references] + [p.span for p in doc.paragraphs] + [
        f.span for f in doc.footnotes] + [m.span for m in doc.mentions]
    assert len(spans) > 100
    for span in spans:
        assert source[span.start:span.end] == span.exact


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00data", "NUL"),
    ("Рабочая группа".encode("cp1251"), "not UTF-8"),
    (b"%PDF-1.7\n%binary", "PDF"),
    (b"PK\x03\x04 docx", "ZIP"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
    (b"12345 67890 ... ---", "no words"),
])
def test_bad_input_is_refused_with_its_name_and_reason(data, reason):
    with pytest.raises(DocumentError) as error:
        decode("bad.txt", data)
    assert error.value.name == "bad.txt"
    assert reason in str(error.value)


def test_byte_order_mark_is_accepted():
    assert decode("bom.txt", "\ufeffТекст документа".encode("utf-8")) == "Текст документа"
