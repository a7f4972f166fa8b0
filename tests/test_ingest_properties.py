"""Property tests of the importer's cleaning on arbitrary text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import clean_text
from reader.ingest_clean import clean_characters, remove_glosses

# Characters that must never reach a stored body: C0/C1 controls (but newline and tab), bidi
# controls and marks, zero-width characters, no-break spaces, other line separators.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\u200b-\u200d\u2060\ufeff\u00a0\u2028\u2029]"
)

# Pieces that look like what real pages and terminals put into text, mixed with anything.
_PIECES = st.sampled_from(
    [
        "\x1b[31m", "\x1b[0m", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x\x1b\\", "\x1b", "\x9b2J", "\x1b]0;t",
        "\u202e", "\u2066", "\u200b", "\ufeff", "\u00a0", "\r\n", "\r", "\n", "\n\n", "\t",
        "內(nèi)", "(jīng)", "?jīng)]", "(de)", "（注：说明）", "![]()", "![alt](http://x/y.png)", "🔗",
        "王腾", "被公司辞退。", "“炸弹”", "The company said.", "Similar Posts", "相关内容", "特别声明:",
        "发布时间:2025-09-12", "https://example.test/a", "1. item", "✅趋势", "e\u0301",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_clean_text_never_raises_and_leaves_no_control(text):
    cleaned = clean_text(text)
    for value in (cleaned.body, *(v for v in vars(cleaned.found).values() if v)):
        assert not FORBIDDEN.search(value)
        assert "\x1b" not in value


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_character_cleaning_is_idempotent(text):
    once, _ = remove_glosses(clean_characters(text))
    twice, glosses = remove_glosses(clean_characters(once))
    assert twice == once
    assert glosses == []


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_clean_text_of_markdown_never_raises(text):
    assert isinstance(clean_text(text, markdown=True).body, str)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text_is_safe(text):
    body = clean_text(text).body
    assert not FORBIDDEN.search(body)
    assert body == body.strip()
