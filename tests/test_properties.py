"""Cross-module property tests on arbitrary text: the importer's cleaning, sentence segmentation,
the quotation finder and value extraction never raise, and every offset they give is in bounds
and cuts out exactly the text it claims.

The alphabet leans on what breaks text code: controls and escapes, bidi and zero-width
characters, CJK in both scripts, every quotation mark, digits and number words, sentence ends
and newlines.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest import clean_text
from reader.text import split_sentences

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\u200b-\u200d\u2060\ufeff\u2028\u2029]"
)
HOSTILE_CHARS = (
    "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x90\x9b\x9c\x9d\u202a\u202b\u202d\u202e\u202c\u2066\u2067\u2068\u2069"
    "\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u00a0\u2028\u2029\ue000\U0001f600\u0301"
)
CJK = "小米集团王腾雷军辞退微博粉丝萬億元年月日號說表示称稱宣布内部通报內部通報公司"
QUOTES = "“”‘’「」『』\"'《》（）()[]"
DIGITS = "0123456789０１２３一二三四五六七八九十百千万亿.,%$¥"
ENDS = "。！？!?.…；;：:，、 \n\n\t"
LATIN = "abcdefghijklmnopqrstuvwxyzXMWT"
PIECES = [
    "\x1b[31m", "\x1b[0m", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x\x1b\\", "\x1b]0;title\x07", "\x9b2J",
    "[bold red]", "[/]", "$primary", "说：“", "”他说。", "據報導，", "9月8日", "2025年", "180.2万",
    "over 2 million", "$1.5 billion", "30%", "第21名", "29岁", "said Lei Jun.", "Mr. Wang", "\n\n",
    "https://x.test/a?b=1", "内(nèi)", "e\u0301",
]  # fmt: skip
_CHAR = st.sampled_from(HOSTILE_CHARS + CJK + QUOTES + DIGITS + ENDS + LATIN)
TEXT = st.lists(
    st.one_of(_CHAR, _CHAR, _CHAR, st.sampled_from(PIECES), st.characters(codec="utf-8")), max_size=120
).map("".join)
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))
LANGUAGE = st.sampled_from([None, "zh-Hans", "zh-Hant", "en", "xx"])
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_spans(text: str, spans: list[tuple[int, int, str]], *, disjoint: bool = True) -> None:
    """Every span is in bounds, cuts out its own text, and (if ``disjoint``) spans are ordered apart."""
    previous_end = 0
    for start, end, claimed in spans:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == claimed
        if disjoint:
            assert start >= previous_end
            previous_end = end


# ---------------------------------------------------------------- importer


@FAST
@given(TEXT)
def test_cleaning_never_raises_and_stores_no_control(text):
    cleaned = clean_text(text)
    assert not FORBIDDEN.search(cleaned.body)
    for value in vars(cleaned.found).values():
        assert value is None or not FORBIDDEN.search(value)


@FAST
@given(TEXT)
def test_cleaning_twice_changes_nothing_more(text):
    once = clean_text(text).body
    assert clean_text(once).body == once


@FAST
@given(TEXT)
def test_cleaning_keeps_markup_and_variables_literally(text):
    # On a line of its own: a stray ESC just before would, as in a terminal, start a sequence.
    body = clean_text(f"小米集团发布通报。\n\n{text}\n\n[bold red]紧急[/] 与 $primary 颜色\n\n雷军表示歉意。").body
    assert "[bold red]紧急[/]" in body and "$primary" in body


# ---------------------------------------------------------------- sentences


@FAST
@given(st.one_of(TEXT, TEXT.map(lambda t: clean_text(t).body)))
def test_sentences_cut_out_their_text_in_order(body):
    sentences = split_sentences(body, "a")
    _assert_spans(body, [(s.start, s.end, s.text) for s in sentences])
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(s.text.strip() and s.article_id == "a" for s in sentences)


@FAST
@given(TEXT.map(lambda t: clean_text(t).body))
def test_sentences_lose_no_text(body):
    """Every visible character of a clean body belongs to some sentence."""
    covered = set()
    for s in split_sentences(body):
        covered.update(range(s.start, s.end))
    lost = [ch for i, ch in enumerate(body) if i not in covered and not ch.isspace()]
    assert lost == []


# ---------------------------------------------------------------- quotations


@FAST
@given(st.one_of(TEXT, TEXT.map(lambda t: clean_text(t).body)))
def test_quotes_cut_out_their_words(body):
    from reader.quotes import find_quotes

    quotes = find_quotes(body, "a")
    _assert_spans(body, [(q.start, q.end, q.text) for q in quotes], disjoint=False)
    for q in quotes:
        assert q.kind in ("speech", "term")
        assert q.sentence in body
        assert q.speaker is None or q.speaker.strip()


# ---------------------------------------------------------------- values


@FAST
@given(TEXT, PUBLISHED, LANGUAGE)
def test_values_cut_out_their_text_without_overlap(sentence, published, language):
    from reader.facts.values import extract_values

    values = extract_values(sentence, published, language)
    _assert_spans(sentence, [(v.start, v.end, v.text) for v in values])
    for v in values:
        assert v.norm and v.text.strip()
        if v.low is not None and v.high is not None:
            assert v.low <= v.high
