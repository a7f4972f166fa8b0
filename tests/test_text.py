"""Sentence segmentation: offsets, Chinese and English rules, quotes, list items."""

from hypothesis import given
from hypothesis import strategies as st

from reader.text import normalize_for_match, paragraph_spans, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_chinese_sentences_end_at_terminators_and_keep_closing_quotes() -> None:
    body = "王腾回应：“雷总别试探了，我会好好工作的。”网友笑了。真的吗？是的！"
    assert texts(body) == ["王腾回应：“雷总别试探了，我会好好工作的。”", "网友笑了。", "真的吗？", "是的！"]


def test_attribution_after_a_quote_stays_in_its_sentence() -> None:
    assert texts("“很好。”他说。下一句。") == ["“很好。”他说。", "下一句。"]


def test_english_abbreviations_decimals_and_initials_do_not_split() -> None:
    body = "Mr. Lei met J. Smith at 9.30 a.m. in the U.S. yesterday. It went well. Sales rose 60%. Done"
    assert texts(body) == [
        "Mr. Lei met J. Smith at 9.30 a.m. in the U.S. yesterday.",
        "It went well.",
        "Sales rose 60%.",
        "Done",
    ]


def test_list_items_and_headings_are_their_own_units() -> None:
    body = "II. Reasons\n\n  1. First item. It has two sentences.\n  2. Second item\n• bullet"
    assert texts(body) == ["II. Reasons", "1. First item.", "It has two sentences.", "2. Second item", "• bullet"]


def test_paragraph_numbers_follow_blank_lines() -> None:
    body = "第一段。还是第一段。\n\n第二段。"
    assert [s.paragraph for s in split_sentences(body)] == [0, 0, 1]
    assert paragraph_spans(body) == [(0, 10), (12, 16)]


def test_sentence_indices_and_article_id() -> None:
    sentences = split_sentences("一。二。", "nbd")
    assert [(s.index, s.article_id) for s in sentences] == [(0, "nbd"), (1, "nbd")]


@given(st.text(alphabet=st.sampled_from(list("王腾说。！？“”‘’「」.!? \nabcAB1\t…;；")), max_size=200))
def test_offsets_cut_out_the_text_in_order_and_never_overlap(body: str) -> None:
    previous_end = 0
    for sentence in split_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_normalize_for_match_drops_punctuation_width_and_case() -> None:
    assert normalize_for_match("Ｗang，Teng！ 180.2万") == "wangteng1802万"
