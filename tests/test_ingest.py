"""The importer's steps one by one: decoding, character cleaning, glosses, wraps, debris, metadata."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError
from reader.ingest import Metadata, clean_bytes, clean_text, content_hash
from reader.ingest_clean import clean_characters, remove_glosses
from reader.ingest_decode import decode_bytes
from reader.ingest_meta import article_id, host_label, parse_date, romanise
from reader.ingest_wrap import build_paragraphs, ends_sentence, hard_wrap_width, join_lines

# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
def test_decode_simplified_chinese_in_each_encoding(encoding):
    text = "小米集团一纸内部通报，给舆论场扔下一颗重量级“炸弹”。王腾被公司辞退。"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    decoded, _ = decode_bytes(data)
    assert decoded == text


def test_decode_big5_traditional_chinese():
    text = "小米集團職業道德委員會發了一封內部郵件，直接宣布王騰被辭退了。這位被網友戲稱為小米太子的中層幹部。"
    decoded, encoding = decode_bytes(text.encode("big5"))
    assert decoded == text
    assert "big5" in encoding or encoding == "cp950"


def test_decode_prefers_valid_utf8():
    text = "王腾"  # short: as bytes it could pass for several legacy encodings
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t ", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"])
def test_decode_refuses_empty_and_binary(data):
    with pytest.raises(ReaderError) as info:
        decode_bytes(data, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")
    assert "\n" not in str(info.value)


def test_decode_refuses_undecodable_bytes():
    junk = bytes((i * 151 + 7) % 255 + 1 for i in range(3000))
    with pytest.raises(ReaderError, match=r"not text|not valid|binary"):
        decode_bytes(junk)


# ---------------------------------------------------------------- characters


def test_clean_characters_strips_terminal_control():
    text = (
        "a\x1b[31mred\x1b[0m b\x1b]52;c;aGVsbG8=\x07c \x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\ "
        "\u202eevil\u202c\u2066iso\u2069\u200emark \u200bzw\u200d\ufeff\u2060 nb\u00a0sp \x07bel\x00nul\x9b1mcsi\x1b"
    )
    cleaned = clean_characters(text)
    assert cleaned == "ared bc link evilisomark zw nb sp belnulcsi"


def test_clean_characters_line_ends_and_nfc():
    assert clean_characters("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"
    assert clean_characters("caf\u0065\u0301\tx") == "caf\u00e9\tx"


def test_unterminated_osc_stops_at_line_end():
    assert clean_characters("\x1b]0;title\nkept text") == "\nkept text"


# ---------------------------------------------------------------- glosses


def test_glosses_after_han_removed_real_parentheses_kept():
    text = "小米內(nèi)部通報(bào)郵件(jiàn)(如有圖片亦包括在內(nèi))，KPI（注：考核目標）和 resume(en)。"
    cleaned, glosses = remove_glosses(text)
    assert cleaned == "小米內部通報郵件(如有圖片亦包括在內)，KPI（注：考核目標）和 resume(en)。"
    assert [g.text for g in glosses] == ["(nèi)", "(bào)", "(jiàn)", "(nèi)"]


def test_unmarked_syllable_is_a_gloss_only_in_a_glossed_text():
    assert remove_glosses("他说的(de)话")[0] == "他说的(de)话"
    glossed = "內(nèi)部(bù)通(tōng)的(de)话"
    assert remove_glosses(glossed)[0] == "內部通的话"


def test_damaged_gloss_run_becomes_replacement_character():
    text = "雖然官方?jīng)]有明確說，內(nèi)部通(tōng)報(bào)。"
    cleaned, glosses = remove_glosses(text)
    assert cleaned == "雖然官方\ufffd有明確說，內部通報。"
    assert [g.text for g in glosses if g.damaged] == ["?jīng)]"]


def test_question_mark_before_bracket_left_alone_without_glosses():
    text = "这是真的吗?(zhēn) 不确定。"  # one marked syllable is not a glossed text
    assert remove_glosses(text)[0] == text


# ---------------------------------------------------------------- wraps


def test_ends_sentence():
    assert ends_sentence("他说：“好。”")
    assert ends_sentence("Done.")
    assert not ends_sentence("重量级“炸弹”")
    assert not ends_sentence("明星产品")


def test_join_lines_spacing():
    assert join_lines("明星产品", "经理") == "明星产品经理"
    assert join_lines("the quick", "brown fox") == "the quick brown fox"
    assert join_lines("REDMI", "品牌") == "REDMI品牌"


def _wrap(text: str, width: int) -> list[str]:
    """Hard-wrap ``text`` at ``width`` display columns (wide chars count two), blank line after each."""
    lines, line, used = [], "", 0
    for char in text:
        w = 2 if "\u4e00" <= char <= "\u9fff" or char in "，。“”：" else 1
        if used + w > width:
            lines += [line, ""]
            line, used = "", 0
        line += char
        used += w
    return [*lines, line]


def test_hard_wrapped_chinese_rejoined_across_blank_lines():
    first = (
        "一家市值上万亿元的科技巨头，一名身居要职的明星管理者，一次毫无回旋余地的辞退决定，"
        "给舆论场扔下一颗重量级“炸弹”。"
    )
    second = "他是小米的明星产品经理，更是社交媒体上的网红达人，微博拥有一百八十万粉丝，单日阅读量超过十万，影响很大。"
    third = "刘强东也强硬表态：“你敢贪公司一万块钱，我就宁愿花一百万元、一千万元去调查你。”"
    lines = [*_wrap(first, 40), "", *_wrap(second, 40), "", "图片说明", "", *_wrap(third, 40)]
    assert hard_wrap_width(lines) == 40
    assert build_paragraphs(lines) == [first, second, "图片说明", third]


def test_one_paragraph_per_line_is_not_rejoined():
    lines = ["第一段没有句号", "第二段。", "", "Heading Without Stop", "", "An English paragraph."]
    assert hard_wrap_width(lines) is None
    assert build_paragraphs(lines) == ["第一段没有句号", "第二段。", "Heading Without Stop", "An English paragraph."]


def test_hard_wrapped_english_keeps_headings_and_list_items():
    para = (
        "Wang Teng, general manager of the marketing department and head of the brand, has been "
        "dismissed for serious violations of company rules, the company announced in an internal "
        "notice on Monday, and the news spread quickly across social media platforms in China."
    )
    import textwrap

    lines = ["Event Review", "", *textwrap.wrap(para, 60), "", "1. First item here.", "2. Second item."]
    assert build_paragraphs(lines) == ["Event Review", para, "1. First item here.", "2. Second item."]


def test_open_quote_closed_on_next_line_is_joined():
    assert build_paragraphs(["标题“拼牙", "", "口”", "正文。"]) == ["标题“拼牙口”", "正文。"]


# ---------------------------------------------------------------- debris and metadata


def test_debris_removed_and_reported():
    text = "\n".join(
        [
            "一个标题：测试文章",
            "发布时间:2025-09-12 21:56",
            "  (来源:某某观察)",
            "![]()",
            "第一段正文，讲了一件事情。🔗",
            "![配图](https://img.test/a.png)",
            "第二段正文，继续讲这件事情。",
            "王某 图片来源：本人微博",
            "第三段正文，说完了。",
            "第四段正文，其实还没有说完。",
            "第五段正文，再补充一句。",
            "关注《某某观察》,关注中国品牌",
            "✅趋势解码:直击数字时代营销风向;",
            "特别声明:以上文章内容仅代表作者本人观点。",
            "网址:一个标题 https://m.example.test/news/view/1",
            "相关内容",
            "另一篇文章的标题",
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.body.split("\n\n") == [
        "一个标题：测试文章",
        "第一段正文，讲了一件事情。",
        "第二段正文，继续讲这件事情。",
        "第三段正文，说完了。",
        "第四段正文，其实还没有说完。",
        "第五段正文，再补充一句。",
    ]
    assert cleaned.found == Metadata(
        outlet="某某观察", title="一个标题：测试文章", url="https://m.example.test/news/view/1", published="2025-09-12"
    )
    report = "\n".join(cleaned.report_lines())
    for reason in ("image placeholder", "link icon", "image caption", "promotion", "related-articles list"):
        assert reason in report


def test_short_lines_in_chinese_article_kept_when_they_are_subheadings():
    paragraphs = ["正文开头。", "一、事件回顾", "正文一。", "背后的原因", "正文二。"]
    paragraphs += ["行业的反思", "正文三。", "结语", "正文四。"]
    body = clean_text("\n\n".join(["标题", *paragraphs])).body
    assert body.split("\n\n") == ["标题", *paragraphs]


def test_repeated_alt_text_and_exact_duplicates():
    text = "\n\n".join(
        [
            "Title Of The Post",
            "First paragraph of the post.",
            "A photo of someone",
            "A photo of someone",
            "Second paragraph.",
            "First paragraph of the post.",
            "Thanks.",
            "Thanks.",
            "Title Of The Post:extra alt words",
        ]
    )
    cleaned = clean_text(text)
    assert cleaned.found.title == "Title Of The Post"
    assert cleaned.body.split("\n\n") == [
        "Title Of The Post", "First paragraph of the post.", "Second paragraph.", "Thanks.", "Thanks."
    ]  # fmt: skip


def test_question_in_text_is_not_a_notice_or_caption():
    text = "标题\n\n这套玩法有多灵?\n\n正文一句。\n\n正文二句。"
    assert "这套玩法有多灵?" in clean_text(text).body


def test_first_line_ending_mid_sentence_is_not_a_title():
    cleaned = clean_text("一份通报、一条道歉,再加上七八个热搜——\n小米中国区总经理就这么离开了。")
    assert cleaned.found.title is None
    assert cleaned.body.startswith("一份通报")


def test_parse_date():
    assert parse_date("发布时间:2025-09-12 21:56") == "2025-09-12"
    assert parse_date("2025年9月8日晚上") == "2025-09-08"
    assert parse_date("Posted on September 8, 2025") == "2025-09-08"
    assert parse_date("8 Sept 2025") == "2025-09-08"
    assert parse_date("2025-13-40") is None
    assert parse_date("微博拥有180.2万粉丝") is None


def test_no_date_guessed_from_url():
    cleaned = clean_text("标题\n\n正文一句。\n\nhttps://www.nbd.com.cn/articles/2025-09-09/4053702.html\n\n正文二句。")
    assert cleaned.found.url == "https://www.nbd.com.cn/articles/2025-09-09/4053702.html"
    assert cleaned.found.published is None


def test_article_ids():
    assert host_label("https://www.nbd.com.cn/articles/x.html") == "nbd"
    assert host_label("https://m.mxgxt.com/news/view/1") == "mxgxt"
    assert host_label("https://www.bbc.co.uk/news") == "bbc"
    assert romanise("网易号") == "wangyihao"
    kw = {"url": None, "outlet": None, "stem": "003_abc", "published": None}
    assert article_id(**kw, taken=set()) == "003-abc"
    assert article_id(**kw, taken={"003-abc", "003-abc-2"}) == "003-abc-3"
    dated = article_id(url=None, outlet="网易号", stem="x", published="2025-09-09", taken=set())
    assert dated == "wangyihao-2025-09-09"


def test_clean_bytes_refuses_text_with_nothing_left():
    with pytest.raises(ReaderError, match="no article text"):
        clean_bytes("\x1b[31m\u200b\n![]()\n".encode(), "blank.txt")


def test_content_hash_depends_on_body_only():
    assert content_hash("正文。") == content_hash("正文。")
    assert content_hash("正文。") != content_hash("正文！")


def test_english_header_lines_give_author_and_date():
    cleaned = clean_text("A Title Here\n\nBy Jane Doe\n\nSeptember 9, 2025 10:30\n\nFirst paragraph.\n\nSecond one.")
    assert (cleaned.found.title, cleaned.found.author, cleaned.found.published) == (
        "A Title Here", "Jane Doe", "2025-09-09"
    )  # fmt: skip
    assert cleaned.body == "A Title Here\n\nFirst paragraph.\n\nSecond one."


def test_sentence_starting_with_a_label_word_stays_in_the_body():
    lead = "时间：2025年9月8日晚上，小米集团发布内部通报宣布辞退王腾，引发了大量的讨论。"
    cleaned = clean_text("\n\n".join(["标题", lead, "正文一。", "正文二。"]))
    assert cleaned.found.published is None
    assert cleaned.body.split("\n\n") == ["标题", lead, "正文一。", "正文二。"]
    english = ["By the way this is a paragraph", "Another paragraph."]
    cleaned = clean_text("\n\n".join(["A Title", *english]))
    assert cleaned.found.author is None
    assert cleaned.body.split("\n\n") == ["A Title", *english]
