"""`reader quotes` and `reader cite` on a story folder: the JSON contract and exit codes."""

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.content import write_article, write_story_meta
from reader.models import Article

ZH = "王腾回忆说：“老板让我们去看微博，接触米粉。”\n\n这位被网友戏称为“小米太子”的干部。"
HANT = "隨後，王騰在微博上回應：「很慚愧，跟大家說聲抱歉。」"
EN = "Wang said he planned to “take a short break before starting anew”. Fans call him the “Crown Prince”."


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    write_story_meta(folder, "A story")
    write_article(folder, Article(id="zh", body=ZH, outlet="每日经济新闻", title="标题", url="https://example.com/a",
                                  published="2025-09-09", language="zh-Hans", imported="2025-09-10"))
    write_article(folder, Article(id="hant", body=HANT, outlet="网易号", language="zh-Hant"))
    write_article(folder, Article(id="en", body=EN, title="Xiaomi Executive Fired Over Internal Leak", language="en"))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_quotes_json_contract(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(story), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["story"] == "story"
    assert {a["id"] for a in data["articles"]} == {"zh", "hant", "en"}
    bodies = {a["id"]: Path(a["path"]).read_text(encoding="utf-8").split("---\n", 2)[2].removesuffix("\n")
              for a in data["articles"]}
    for q in data["quotes"]:
        assert set(q) == {"article", "text", "start", "end", "kind", "speaker", "sentence"}
        assert bodies[q["article"]][q["start"] : q["end"]] == q["text"]
    by_text = {q["text"]: q for q in data["quotes"]}
    assert by_text["老板让我们去看微博，接触米粉。"]["speaker"] == "王腾"
    assert by_text["小米太子"]["kind"] == "term"
    assert by_text["take a short break before starting anew"]["kind"] == "speech"


def test_speaker_filter_is_script_insensitive(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(story), "--json", "--speaker", "王腾")
    assert code == 0
    speakers = {q["speaker"] for q in json.loads(out)["quotes"]}
    assert speakers == {"王腾", "王騰"}


def test_quotes_text_listing(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(story))
    assert code == 0
    assert "王腾: “老板让我们去看微博，接触米粉。”" in out
    assert "term  “小米太子”" in out


def test_quotes_on_a_missing_story_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "quotes", str(tmp_path / "nowhere/story"))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("reader: error:")


@pytest.mark.parametrize("style", ["gbt7714", "apa", "mla", "chicago", "markdown"])
@pytest.mark.parametrize("article", ["zh", "en"])
def test_cite_prints_every_style(story: Path, capsys: pytest.CaptureFixture[str], style: str, article: str) -> None:
    code, out, _ = run(capsys, "cite", article, "--story", str(story), "--style", style)
    assert code == 0 and out.strip()
    for bad in ("None", "null", "()", "[]", ".."):
        assert bad not in out
    if article == "zh":
        assert "example.com/a" in out and "2025" in out  # MLA drops the https://


def test_cite_converts_the_quote_and_says_so(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", "hant", "--story", str(story), "--quote", "很慚愧", "--script", "hans")
    assert code == 0
    assert "“很惭愧”" in out and "原文为繁体，经 OpenCC 转换为简体" in out


def test_cite_errors(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "cite", "missing", "--story", str(story))
    assert code == 1 and "no article 'missing'" in err
    code, _, err = run(capsys, "cite", "zh", "--story", str(story), "--accessed", "yesterday")
    assert code == 1 and "YYYY-MM-DD" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["cite", "zh", "--style", "harvard"])
    assert exit_info.value.code == 2
