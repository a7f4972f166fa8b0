"""Citation styles with full and missing metadata, in Chinese and English."""

import pytest

from reader.cite import STYLES, format_citation
from reader.models import Article

FULL_ZH = Article(
    id="nbd", body="正文。", outlet="每日经济新闻", title="雷军挥泪“斩”王腾", url="https://example.com/a.html",
    published="2025-09-09", language="zh-Hans", author="张三", imported="2025-10-01",
)  # fmt: skip
BARE_EN = Article(id="blog", body="Body text.", title="Xiaomi Executive Fired Over Internal Leak", language="en")
BARE_ZH_HANT = Article(
    id="wy", body="一份內部通報郵件\n第二行", outlet="网易号", language="zh-Hant", imported="2025-09-10"
)
BAD_MARKS = ("None", "null", "()", "[]", "..", "，，", ",,", "?.", "“”", " ,", " .")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("article", [FULL_ZH, BARE_EN, BARE_ZH_HANT], ids=["full-zh", "bare-en", "bare-zh-hant"])
@pytest.mark.parametrize("quote", [None, "很慚愧,跟大家說聲抱歉"])
def test_nothing_missing_is_printed_as_none_or_empty_brackets(style: str, article: Article, quote: str | None) -> None:
    text = format_citation(article, style, quote=quote, shown_script="hans", accessed="2025-11-20")
    for bad in BAD_MARKS:
        assert bad not in text, (bad, text)
    assert (article.title or "一份內部通報郵件").split("“")[0] in text
    if quote:
        assert quote in text


def test_gbt7714_full() -> None:
    assert format_citation(FULL_ZH, "gbt7714", accessed="2025-11-20") == (
        "张三. 雷军挥泪“斩”王腾[EB/OL]. 每日经济新闻, (2025-09-09)[2025-11-20]. https://example.com/a.html."
    )


def test_gbt7714_accessed_defaults_to_the_import_date() -> None:
    assert "[2025-10-01]" in format_citation(FULL_ZH, "gbt7714")


def test_apa_full_and_without_author_or_date() -> None:
    assert format_citation(FULL_ZH, "apa") == (
        "张三. (2025, September 9). 雷军挥泪“斩”王腾. 每日经济新闻. https://example.com/a.html"
    )
    assert format_citation(BARE_EN, "apa") == "Xiaomi Executive Fired Over Internal Leak. (n.d.)."


def test_mla_full_and_bare() -> None:
    assert format_citation(FULL_ZH, "mla") == (
        "张三. “雷军挥泪‘斩’王腾,” 每日经济新闻, 9 Sept. 2025, example.com/a.html."
    )
    assert format_citation(BARE_EN, "mla", accessed="2025-11-20") == (
        "“Xiaomi Executive Fired Over Internal Leak.” Accessed 20 Nov. 2025."
    )


def test_chicago_full_unsigned_and_bare() -> None:
    assert format_citation(FULL_ZH, "chicago") == (
        "张三. “雷军挥泪‘斩’王腾,” 每日经济新闻, September 9, 2025. https://example.com/a.html."
    )
    unsigned = Article(id="x", body="", outlet="每日经济新闻", title="标题?", published="2025-09-09")
    assert format_citation(unsigned, "chicago") == "每日经济新闻. “标题?” September 9, 2025."
    assert format_citation(BARE_EN, "chicago", accessed="2025-11-20") == (
        "“Xiaomi Executive Fired Over Internal Leak.” Accessed November 20, 2025."
    )


def test_markdown_blockquote_with_attribution_and_link() -> None:
    text = format_citation(FULL_ZH, "markdown", quote="我会好好工作的。")
    assert text.splitlines()[0] == "> 我会好好工作的。"
    assert text.splitlines()[-1] == "> — 张三, 每日经济新闻, “雷军挥泪‘斩’王腾”, 2025-09-09, <https://example.com/a.html>"


def test_quote_in_another_script_says_so() -> None:
    gbt = format_citation(BARE_ZH_HANT, "gbt7714", quote="很惭愧", shown_script="hans")
    assert "原文为繁体，经 OpenCC 转换为简体" in gbt
    apa = format_citation(BARE_ZH_HANT, "apa", quote="很惭愧", shown_script="hans")
    assert "Converted from traditional Chinese to simplified Chinese with OpenCC." in apa
    assert "OpenCC" not in format_citation(BARE_ZH_HANT, "apa", quote="很慚愧", shown_script="hant")
    assert "OpenCC" not in format_citation(BARE_ZH_HANT, "apa", quote="很慚愧", shown_script="original")
    assert "OpenCC" in format_citation(FULL_ZH, "mla", quote="很惭愧", shown_script="tw")


def test_untitled_article_is_named_by_its_first_line() -> None:
    assert format_citation(BARE_ZH_HANT, "gbt7714").startswith("一份內部通報郵件[EB/OL]. 网易号, [2025-09-10].")


def test_unknown_style_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown citation style"):
        format_citation(FULL_ZH, "harvard")
