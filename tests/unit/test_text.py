"""Rules of text normalization, each on a small text written for it."""

import pytest

from etl.text import fold_lookalikes, fold_mixed_words, normalize, to_latin_symbol


def clean(source: str) -> str:
    return normalize(source)[0].text


def test_offsets_point_back_to_the_source_characters():
    source = "Первая строка \n\nвторая неотлож-\n\nных строка"
    body, _, _ = normalize(source)
    start = body.text.index("неотложных")
    s, e = body.source_span(start, start + len("неотложных"))
    assert source[s:e] == "неотлож-\n\nных"
    for i, ch in enumerate(body.text):
        if ch not in "\n-":
            assert source[body.offsets[i]] == ch


def test_word_broken_across_lines_is_joined():
    assert clean("решение неотлож-\n\nных проблем") == "решение неотложных проблем"


def test_compound_hyphen_at_line_end_is_kept():
    text = clean("использование информационно-\nкоммуникационных технологий")
    assert "информационно-коммуникационных" in text


def test_second_half_only_written_as_compound_keeps_hyphen():
    assert "государствами-участниками" in clean("принимаются государствами-\nучастниками для")


def test_the_document_itself_decides_a_hyphen():
    source = "слово научно-\nисследовательской и ещё научно-исследовательской работы"
    assert clean(source).startswith("слово научно-исследовательской")


def test_hyphen_before_a_suffix_is_a_line_break():
    assert "преступности" in clean("организованной преступно-\nсти и")


def test_page_footer_and_running_header_are_removed_and_read():
    source = (
        "последняя строка страницы\n\n\n\nCTOC/COP/WG.7/2020/3 \n \n\n \n\n4/17 V.20-03097 \n\n"
        " \n\nпродолжение абзаца"
    )
    body, _, layout = normalize(source)
    assert "V.20" not in body.text and "CTOC" not in body.text
    assert body.text == "последняя строка страницы\nпродолжение абзаца"
    assert layout.header_symbols == ("CTOC/COP/WG.7/2020/3",)
    assert layout.job_numbers == ("V.20-03097",)


def test_a_symbol_line_far_from_any_footer_is_text_not_a_header():
    _, _, layout = normalize("Документация\nCTOC/COP/WG.7/2022/2\nи другой текст")
    assert layout.header_symbols == ()


def test_footnote_block_is_removed_and_its_marks_found():
    source = (
        "долл. США1. В 2017 году доходы\n\nсоставили 10 млрд в год2. \n\n__________________ \n\n"
        " 1  Global Study on Smuggling of Migrants 2018. \n\n"
        " 2  По информации МОМ, продолжение \n\nсноски. \n"
        " следующая страница текста"
    )
    body, notes, _ = normalize(source)
    assert body.text == "долл. США. В 2017 году доходы\nсоставили 10 млрд в год.\nследующая страница текста"
    assert [n.mark for n in notes] == ["1", "2"]
    assert notes[1].body.text == "По информации МОМ, продолжение\nсноски."
    assert body.text[notes[0].cited_at - 3:notes[0].cited_at] == "США"


def test_numbers_that_are_not_footnote_marks_stay():
    source = "от 5,5 до 7 млрд долл. в 2016 году\n__________\n 7  Сноска семь."
    body, notes, _ = normalize(source)
    assert "до 7 млрд" in body.text and "2016" in body.text
    assert notes[0].cited_at is None


def test_link_lines_are_dropped_and_kept_aside():
    body, _, layout = normalize("Абзац текста.\nhttp://undocs.org/ru/A/CONF.234/11\nДальше.")
    assert "undocs" not in body.text
    assert layout.links == ("http://undocs.org/ru/A/CONF.234/11",)


def test_markdown_emphasis_links_and_list_dashes_are_removed():
    source = "**Рабочая группа**\n\n* [СТОС/COP/WG.7/2019/1](#).\n - a) подпункт текста"
    body, notes, _ = normalize(source)
    assert body.text == "Рабочая группа\na) подпункт текста"
    assert notes[0].mark == "*" and notes[0].body.text == "СТОС/COP/WG.7/2019/1."


def test_latin_letters_in_a_russian_word_are_folded():
    assert clean("Рабочaя группa") == "Рабочая группа"
    assert fold_lookalikes("COVID") == "COVID"


@pytest.mark.parametrize("text, folded", [
    ("Сeкрeтариат", "Секретариат"),  # two seams in one word
    ("группa, Рабочaя", "группа, Рабочая"),  # at the start and the end of words
    ("aгентство", "агентство"),  # a Latin first letter
    ("Cовет", "Совет"),  # at the very start of the text
])
def test_every_word_mixing_the_alphabets_is_folded_in_place(text, folded):
    assert fold_mixed_words(text) == folded and len(fold_mixed_words(text)) == len(text)


@pytest.mark.parametrize("text", [
    "COVID-19 и UNODC",  # Latin words beside Cyrillic ones, not inside them
    "CTOC/COP/WG.7/2020/3",  # a symbol
    "резолюция 5/3 и A/RES/70/1",
    "Xerox",  # more Latin than Cyrillic letters in no word here
    "WGсmaxx",  # a mixed word that is mostly Latin stays as it is
])
def test_words_not_mixing_the_alphabets_or_mostly_latin_are_left_alone(text):
    assert fold_mixed_words(text) == text


def test_symbol_in_cyrillic_lookalikes_is_written_in_latin():
    assert to_latin_symbol("СТОС/COP/WG.7/2019/4") == "CTOC/COP/WG.7/2019/4"


def test_empty_span_is_refused():
    body, _, _ = normalize("текст")
    with pytest.raises(ValueError):
        body.source_span(2, 2)
