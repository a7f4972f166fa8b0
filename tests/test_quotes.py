"""Quotation finder, speech vs term, and speakers, on hand-written sentences."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.quotes import find_quotes, find_spans
from reader.text import paragraph_spans


def texts(body: str) -> list[str]:
    return [q.text for q in find_quotes(body)]


def only(body: str, text: str):
    found = [q for q in find_quotes(body) if q.text == text]
    assert len(found) == 1, [q.text for q in find_quotes(body)]
    return found[0]


# ---------------------------------------------------------------- finding

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("他说：“你好。”", ["你好。"]),
        ("台灣說：「你好」，又說『再見』。", ["你好", "再見"]),
        ("Xiaomi’s boss said it’s “fine” and didn’t care about the ’90s.", ["fine"]),
        ('He called it "a bold move" and "late".', ["a bold move", "late"]),
        ("“第一句。第二句！第三句？”他说。", ["第一句。第二句！第三句？"]),
        ("王腾“没有关闭的引号\n\n下一段“正常”。", ["正常"]),
        ("只有一个闭引号”在这里。", []),
        ("“”空的引号。", []),
        ("簡體“混合”與繁體「混合」和English “mixed”。", ["混合", "混合", "mixed"]),
        ("“Crown Prince,” he was called.", ["Crown Prince"]),
    ],
)
def test_finder_cases(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_nested_quotes_have_depth_one_and_sit_inside_the_outer_quote() -> None:
    body = "他解释说：“从‘仅仅凭借热爱’到‘当红不让’。”"
    quotes = find_quotes(body)
    assert [(q.text, q.depth) for q in quotes] == [
        ("从‘仅仅凭借热爱’到‘当红不让’。", 0),
        ("仅仅凭借热爱", 1),
        ("当红不让", 1),
    ]
    outer = quotes[0]
    assert all(outer.start <= q.start and q.end <= outer.end for q in quotes[1:])


def test_unclosed_inner_quote_is_dropped_but_outer_closes() -> None:
    assert texts("他说：“我‘没有关掉这个。”好。") == ["我‘没有关掉这个。"]


def test_unpaired_mark_never_crosses_a_blank_line() -> None:
    body = "开头“没有闭合。\n\n第二段很长。\n\n第三段“正常”结束。"
    spans = find_spans(body)
    assert [body[s.start : s.end] for s in spans] == ["正常"]


def test_offsets_cut_out_the_text() -> None:
    body = "前文。\n\n王腾回忆说：“老板让我们去看微博。”后文"
    for q in find_quotes(body, "a"):
        assert body[q.start : q.end] == q.text
        assert q.article_id == "a"
        assert q.sentence.startswith("王腾回忆说")


# ---------------------------------------------------------------- kind and speaker

@pytest.mark.parametrize(
    ("body", "quote", "kind", "speaker"),
    [
        ("王腾回忆说：“老板让我们去看微博，接触米粉。”", "老板让我们去看微博，接触米粉。", "speech", "王腾"),
        ("按马云的说法：“阿里所有人都可以查，包括我在内。”", "阿里所有人都可以查，包括我在内。", "speech", "马云"),
        ("一位业内人士透露：“这次问题很严重。”", "这次问题很严重。", "speech", "业内人士"),
        ("小米在通报中明确表示：“坚决处理，绝不姑息。”", "坚决处理，绝不姑息。", "speech", "小米"),
        ("小米公关部负责人王化就曾发文称：“收到了保密协议。”", "收到了保密协议。", "speech", "王化"),
        ("随后，王騰自己在微博上回應：「很慚愧，跟大家說聲抱歉。」", "很慚愧，跟大家說聲抱歉。", "speech", "王騰"),
        ("“我会好好工作的。”张伟说。", "我会好好工作的。", "speech", "张伟"),
        ("这位被网友戏称为“小米太子”的干部。", "小米太子", "term", None),
        ("王腾也获得了“大帝之姿”的“美誉”。", "大帝之姿", "term", None),
        ("他在OPPO工作时自称是“米黑”。", "米黑", "term", None),
        ("公司给出的理由是“泄密”。", "泄密", "term", None),
        ("Known among fans as the “Crown Prince”, he left.", "Crown Prince", "term", None),
        ("The so-called “iron rule” stays.", "iron rule", "term", None),
        ("“We will keep going,” Lei Jun said on Monday.", "We will keep going", "speech", "Lei Jun"),
        ("Lei Jun told reporters: “The rule applies to everyone.”", "The rule applies to everyone.", "speech",
         "Lei Jun"),
        ("According to Xiaomi’s notice, he was “suspected of leaking the company’s secrets”.",
         "suspected of leaking the company’s secrets", "speech", "Xiaomi"),
    ],
)
def test_kind_and_speaker(body: str, quote: str, kind: str, speaker: str | None) -> None:
    q = only(body, quote)
    assert (q.kind, q.speaker) == (kind, speaker)


def test_chinese_pronoun_resolves_to_the_person_named_before() -> None:
    body = "王腾是小米的产品经理。他有敏锐的市场意识。他解释说：“新一代的年轻人不再害怕红色了。”"
    assert only(body, "新一代的年轻人不再害怕红色了。").speaker == "王腾"


def test_pronoun_prefers_the_subject_named_most_recently() -> None:
    body = ("6月19日，小米公关部负责人王化就曾发文称，收到了保密协议。"
            "他当时还在评论区表示：“刚刚去看了下，王腾也收到了！放心了！”")
    assert only(body, "刚刚去看了下，王腾也收到了！放心了！").speaker == "王化"


def test_english_pronoun_and_partial_quote_after_a_speech_verb() -> None:
    body = (
        "Later that evening, Wang issued an apology on Weibo, saying he accepted the consequences "
        "and thanked Xiaomi founder Lei Jun for his support. He added that he would continue to support "
        "Xiaomi and planned to “take a short break before starting anew”."
    )
    q = only(body, "take a short break before starting anew")
    assert (q.kind, q.speaker) == ("speech", "Wang")


def test_english_apostrophes_do_not_open_or_close_quotes() -> None:
    body = "Wang’s team didn’t say ‘no’ to the ’90s style, it's said."
    assert texts(body) == ["no"]


def test_name_after_a_title_is_cut_before_adverbs() -> None:
    body = "小米总裁卢伟冰表示：“大家要继续努力，不要松懈。”卢伟冰还说了别的。"
    assert only(body, "大家要继续努力，不要松懈。").speaker == "卢伟冰"


def test_a_quote_with_no_speaker_cue_has_no_speaker() -> None:
    body = "王腾因“泄露公司机密信息，且存在利益冲突等严重违规违纪行为”被公司辞退。"
    q = only(body, "泄露公司机密信息，且存在利益冲突等严重违规违纪行为")
    assert q.kind == "speech" and q.speaker is None


# ---------------------------------------------------------------- properties

MARKS = [*"“”‘’「」『』\"'", "\n\n", "\n"]
WORDS = st.text(alphabet="王腾说他表示：，。a Bc’s.", max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKS), WORDS), max_size=40))
def test_finder_never_raises_and_spans_stay_in_bounds_and_in_one_paragraph(parts: list[str]) -> None:
    body = "".join(parts)
    paragraphs = paragraph_spans(body)
    for q in find_quotes(body):
        assert 0 <= q.start < q.end <= len(body)
        assert body[q.start : q.end] == q.text
        assert q.kind in ("speech", "term")
        assert any(p_start <= q.start and q.end <= p_end for p_start, p_end in paragraphs)
