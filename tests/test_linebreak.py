"""Line breaking: Chinese, English, mixed, kinsoku at every edge, and properties over random text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.linebreak import NO_LINE_END, NO_LINE_START, cell_width, wrap


def lines_of(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width)]


def test_cell_width_counts_wide_as_two_and_combining_as_zero():
    assert cell_width("abc") == 3
    assert cell_width("王腾") == 4
    assert cell_width("ＡＢ") == 4
    assert cell_width("e\u0301") == 1
    assert cell_width("") == 0


def test_chinese_breaks_between_any_two_characters():
    assert lines_of("一二三四五六七", 6) == ["一二三", "四五六", "七"]
    assert lines_of("一二三四五六七", 5) == ["一二", "三四", "五六", "七"]


def test_english_words_stay_whole_and_break_at_spaces():
    assert lines_of("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_numbers_dates_and_urls_stay_whole():
    text = "粉丝180.2万，2025-09-09发布 https://example.com/a/b 完"
    lines = lines_of(text, 24)
    assert any("180.2" in line for line in lines)
    assert any("2025-09-09" in line for line in lines)
    assert "https://example.com/a/b" in lines


def test_word_longer_than_the_width_is_split_hard():
    assert lines_of("abcdefghijk", 4) == ["abcd", "efgh", "ijk"]


def test_explicit_newlines_force_breaks_and_blank_lines_survive():
    assert lines_of("一二\n\n三", 10) == ["一二", "", "三"]
    assert lines_of("abc\r\ndef\n", 10) == ["abc", "def"]


def test_spaces_at_a_break_belong_to_no_line():
    spans = wrap("aaaa    bbbb", 6)
    assert spans == [(0, 4), (8, 12)]


def test_paragraph_indentation_is_kept_when_it_fits():
    assert lines_of("  十年间七连跳", 8) == ["  十年间", "七连跳"]
    assert lines_of("  十年间七连跳", 6) == ["  十年", "间七连", "跳"]
    assert lines_of("      十年", 6) == ["十年"]


@pytest.mark.parametrize("mark", sorted(set("。，、；：？！）」』”’…》〉】〕—％")))
def test_closing_mark_never_starts_a_line(mark):
    # "一二三" fills a 6-cell line exactly; the mark must take 三 with it to the next line
    lines = lines_of(f"一二三{mark}四五", 6)
    assert not any(line.startswith(mark) for line in lines), lines
    assert "".join(lines) == f"一二三{mark}四五"


@pytest.mark.parametrize("mark", sorted(set("（「『“‘《〈【〔")))
def test_opening_mark_never_ends_a_line(mark):
    lines = lines_of(f"一二{mark}三四五", 6)
    assert not any(line.endswith(mark) for line in lines), lines
    assert "".join(lines) == f"一二{mark}三四五"


def test_closing_mark_after_a_space_stays_with_the_word_before():
    assert lines_of("abcd ）efg", 8) == ["abcd ）", "efg"]


def test_opening_mark_before_a_space_stays_with_the_word_after():
    assert lines_of("abc （ def", 7) == ["abc", "（ def"]


def test_quotation_marks_stay_with_their_text():
    lines = lines_of("雷军挥泪“斩”王腾，小米爱将泄密", 8)
    for line in lines:
        assert not line.endswith("“") and not line.startswith("”") and not line.startswith("，")


def test_mixed_chinese_and_english_wrap_cleanly():
    lines = lines_of("小米中国区市场部总经理、Redmi品牌总经理王腾在Weibo上道歉", 12)
    assert "".join(lines) == "小米中国区市场部总经理、Redmi品牌总经理王腾在Weibo上道歉"
    assert all(cell_width(line) <= 12 for line in lines)
    assert any("Redmi" in line for line in lines) and any("Weibo" in line for line in lines)


def test_wide_character_in_a_one_cell_line_takes_a_line_of_its_own():
    assert lines_of("王腾", 1) == ["王", "腾"]


def test_width_below_one_is_refused():
    with pytest.raises(ValueError):
        wrap("abc", 0)


def test_empty_text_is_one_empty_line():
    assert wrap("", 10) == [(0, 0)]


def test_a_long_line_without_punctuation_wraps_in_linear_time():
    text = "王" * 200_000
    spans = wrap(text, 80)
    assert len(spans) == 5000
    assert spans[-1] == (199_960, 200_000)


# --- properties -----------------------------------------------------------------------------

_ALPHABET = list("王腾小米雷军发布天里后面") + list("。，、“”（）《》…") + list("abcXYZ019.-/,") + [" ", "\n"]


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _legal_break(text: str, index: int) -> bool:
    """An independent oracle: a break the rules allow between text[index-1] and text[index]."""
    before, after = text[index - 1], text[index]
    if _is_han(before) and _is_han(after):
        return True
    return before == " " and (_is_han(after) or (after.isascii() and after.isalnum()))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=120), width=st.integers(min_value=1, max_value=30))
def test_wrap_properties(text, width):
    spans = wrap(text, width)
    position = 0
    for start, end in spans:
        assert position <= start <= end <= len(text)
        # between lines only spaces and newlines: nothing is lost
        assert text[position:start].strip(" \n") == ""
        line = text[start:end]
        # a line is too wide only when it is one character wider than the width
        assert cell_width(line) <= width or len(line) == 1
        position = end
    assert text[position:].strip(" \n") == ""
    for (prev_start, prev_end), (start, end) in itertools.pairwise(spans):
        if start == end or text[start - 1] == "\n":
            continue
        if text[start] in NO_LINE_START or text[prev_end - 1] in NO_LINE_END:
            # only a forced (hard) split may break the kinsoku rules
            assert prev_end == start
            assert not any(_legal_break(text, q) for q in range(prev_start + 1, prev_end))


@pytest.mark.parametrize("width", range(1, 201, 7))
def test_every_width_covers_a_real_paragraph(width):
    text = "9月8日，小米集团一纸内部通报，给舆论场投下一颗“深水炸弹”：Wang Teng (王腾) was dismissed on 2025-09-08."
    spans = wrap(text, width)
    rebuilt = "".join(text[start:end] for start, end in spans)
    assert rebuilt.replace(" ", "") == text.replace(" ", "")
