"""The command line: exit codes 0/1/2, one-line errors, `reader list --json`, `reader import`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import BUNDLED_STORY_ID

ARTICLE_KEYS = {"id", "outlet", "title", "url", "published", "language", "author", "path"}
TEXT = (
    "一个测试标题：小米辞退王腾\n\n"
    "发布时间:2025-09-12 21:56\n\n"
    "小米集团发布内部通报，宣布辞退王腾。\n\n"
    "王腾随后在微博上回应：“很惭愧，跟大家说声抱歉。”\n\n"
    "特别声明:以上内容仅代表作者本人观点。\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "article one.txt"
    path.parent.mkdir()
    path.write_text(TEXT, encoding="utf-8")
    return path


def _stderr_lines(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_list_json_shape_of_the_bundled_story(capsys):
    assert main(["list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"stories"}
    story = data["stories"][0]
    assert story["id"] == BUNDLED_STORY_ID
    assert set(story) == {"id", "title", "path", "articles"}
    assert len(story["articles"]) == 4
    for article in story["articles"]:
        assert set(article) == ARTICLE_KEYS
        assert Path(article["path"]).is_file()
    assert {a["language"] for a in story["articles"]} == {"zh-Hans", "zh-Hant", "en"}
    assert sorted(a["published"] or "" for a in story["articles"]) == ["", "", "2025-09-09", "2025-09-12"]


def test_import_then_list(source, tmp_path, capsys):
    story = tmp_path / "my story"
    assert main(["import", str(source), "--story", str(story), "--story-title", "测试故事", "--outlet", "某报"]) == 0
    capsys.readouterr()
    assert main(["list", str(story), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stories"][0]["title"] == "测试故事"
    (article,) = data["stories"][0]["articles"]
    assert article["id"] == "moubao-2025-09-12"
    assert article["title"] == "一个测试标题：小米辞退王腾"
    assert (article["outlet"], article["published"], article["language"], article["url"]) == (
        "某报", "2025-09-12", "zh-Hans", None
    )  # fmt: skip
    stored = Path(article["path"]).read_text(encoding="utf-8")
    assert "source: article one.txt" in stored and "raw: raw/article one.txt" in stored
    assert "特别声明" not in stored
    assert (story / "raw" / "article one.txt").read_text(encoding="utf-8") == TEXT


def test_new_story_title_defaults_to_folder_name(source, tmp_path, capsys):
    assert main(["import", str(source), "--story", str(tmp_path / "folder-name")]) == 0
    assert 'title = "folder-name"' in (tmp_path / "folder-name" / "story.toml").read_text(encoding="utf-8")


def test_duplicate_skipped_and_force_overwrites(source, tmp_path, capsys):
    story = tmp_path / "s"
    assert main(["import", str(source), "--story", str(story)]) == 0
    assert main(["import", str(source), "--story", str(story)]) == 0
    assert "skipped" in capsys.readouterr().out
    assert len(list(story.glob("*.md"))) == 1
    assert main(["import", str(source), "--story", str(story), "--force", "--outlet", "新报"]) == 0
    assert len(list(story.glob("*.md"))) == 1
    assert "outlet: 新报" in next(story.glob("*.md")).read_text(encoding="utf-8")


def test_existing_id_refused_without_force(source, tmp_path, capsys):
    story = tmp_path / "s"
    other = source.with_name("other.txt")
    other.write_text("另一篇完全不同的文章，讲的是别的事情。\n\n第二段也不一样。", encoding="utf-8")
    assert main(["import", str(source), "--story", str(story), "--id", "same"]) == 0
    capsys.readouterr()
    assert main(["import", str(other), "--story", str(story), "--id", "same"]) == 1
    lines = _stderr_lines(capsys)
    assert len(lines) == 1 and "already exists" in lines[0] and "--force" in lines[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary\x00\xff\xfe\x00", "binary"), (b"\x1b[31m\xe2\x80\x8b\n", "no article text")],
)
def test_bad_source_one_line_exit_1_nothing_written(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    story = tmp_path / "story"
    assert main(["import", str(bad), "--story", str(story)]) == 1
    lines = _stderr_lines(capsys)
    assert len(lines) == 1
    assert lines[0].startswith("reader: error: bad.txt") and message in lines[0]
    assert not story.exists()
    assert bad.read_bytes() == content


def test_missing_source_exit_1(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.txt"), "--story", str(tmp_path / "s")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_batch_keeps_going_and_summarises(source, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    story = tmp_path / "s"
    assert main(["import", str(empty), str(source), str(source), "--story", str(story)]) == 1
    captured = capsys.readouterr()
    assert "[1/3] empty.txt" in captured.err and "[3/3] article one.txt" in captured.err
    assert "imported 1, skipped 1 duplicate, refused 1" in captured.out
    assert len(list(story.glob("*.md"))) == 1


def test_dry_run_prints_removals_and_writes_nothing(source, tmp_path, capsys):
    story = tmp_path / "s"
    assert main(["import", str(source), "--story", str(story), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "published line: 发布时间:2025-09-12 21:56" in out
    assert "platform notice: 特别声明" in out
    assert not story.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "x.txt"],  # --story missing
        ["import", "a.txt", "b.txt", "--story", "s", "--id", "one"],
        ["import", "a.txt", "--story", "s", "--published", "9 Sept"],
        ["list", "--no-such-option"],
        ["import", "a.txt", "--story", "s", "--language", "fr"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert capsys.readouterr().err.strip()


def test_list_of_a_missing_story_exit_1(tmp_path, capsys):
    assert main(["list", str(tmp_path / "none")]) == 1
    assert len(_stderr_lines(capsys)) == 1


def test_list_warns_about_a_broken_file_and_lists_the_rest(source, tmp_path, capsys):
    story = tmp_path / "s"
    main(["import", str(source), "--story", str(story)])
    (story / "broken.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["list", str(story), "--json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["stories"][0]["articles"]) == 1
    assert "broken.md" in captured.err


def test_installed_command_runs_in_a_subprocess(tmp_path):
    run = [sys.executable, "-m", "reader.cli"]
    listed = subprocess.run([*run, "list", "--json"], capture_output=True, text=True, timeout=120, check=False)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)["stories"][0]["articles"]) == 4
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failed = subprocess.run(
        [*run, "import", str(empty), "--story", str(tmp_path / "s")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines() == ["reader: error: empty.txt: the file is empty"]


def test_force_reimport_of_a_changed_source_replaces_its_article(source, tmp_path, capsys):
    story = tmp_path / "s"
    assert main(["import", str(source), "--story", str(story)]) == 0
    source.write_text(TEXT.replace("宣布辞退王腾", "宣布辞退了王腾"), encoding="utf-8")
    assert main(["import", str(source), "--story", str(story), "--force"]) == 0
    (md,) = story.glob("*.md")
    assert "宣布辞退了王腾" in md.read_text(encoding="utf-8")
    assert (story / "raw" / "article one.txt").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_same_file_name_other_text_gets_its_own_raw_copy(source, tmp_path, capsys):
    story = tmp_path / "s"
    other = tmp_path / "elsewhere" / source.name
    other.parent.mkdir()
    other.write_text("另一篇完全不同的文章，讲的是别的事情。\n\n第二段也不一样，内容更多一些。", encoding="utf-8")
    assert main(["import", str(source), str(other), "--story", str(story)]) == 0
    assert sorted(p.name for p in (story / "raw").iterdir()) == ["article one-2.txt", "article one.txt"]
    raws = sorted(line for md in story.glob("*.md") for line in md.read_text(encoding="utf-8").splitlines()
                  if line.startswith("raw:"))  # fmt: skip
    assert raws == ["raw: raw/article one-2.txt", "raw: raw/article one.txt"]


PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="gbk"><title>小米辞退王腾 - 某某新闻网</title>
<meta property="og:site_name" content="某某新闻网">
<meta property="article:published_time" content="2025-09-10T08:00:00+08:00">
<link rel="canonical" href="https://news.example.cn/a/1.html"></head><body>
<nav>首页 | 科技 | 财经</nav><article><h1>小米辞退王腾</h1>
<p>9月8日，小米集团发布内部通报，宣布辞退中国区市场部总经理王腾。通报称其泄露公司机密信息，且存在利益冲突等严重违规违纪行为。</p>
<p>王腾随后在微博上回应：“很惭愧，跟大家说声抱歉，过去确实犯了一些错误，我接受该有的代价。”这条微博引发大量讨论。</p>
<p>相关人士表示，小米内部对保密工作极其重视，此前也曾多次处理泄密事件，涉及多名员工和合作方。</p>
</article></body></html>"""


def test_import_html_file_with_page_metadata_under_options(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("gbk"))
    story = tmp_path / "s"
    assert main(["import", str(page), "--story", str(story), "--outlet", "选项里的报纸"]) == 0
    capsys.readouterr()
    main(["list", str(story), "--json"])
    (article,) = json.loads(capsys.readouterr().out)["stories"][0]["articles"]
    assert article["outlet"] == "选项里的报纸"
    assert (article["url"], article["published"], article["language"]) == (
        "https://news.example.cn/a/1.html", "2025-09-10", "zh-Hans"
    )  # fmt: skip
    body = Path(article["path"]).read_text(encoding="utf-8")
    assert "我接受该有的代价" in body and "首页" not in body
    assert (story / "raw" / "page.html").read_bytes() == PAGE.encode("gbk")


def test_import_url_dispatches_to_the_fetcher(tmp_path, capsys, monkeypatch):
    import reader.web

    def fake_fetch(url, **_):
        return reader.web.Fetched(data=PAGE.encode("gbk"), url=url + "?final", content_type="text/html")

    monkeypatch.setattr(reader.web, "fetch", fake_fetch)
    story = tmp_path / "s"
    assert main(["import", "https://news.example.cn/a/1.html", "--story", str(story)]) == 0
    (md,) = story.glob("*.md")
    stored = md.read_text(encoding="utf-8")
    assert "source: https://news.example.cn/a/1.html" in stored
    assert md.name == "example-2025-09-10.md"
    assert [p.suffix for p in (story / "raw").iterdir()] == [".html"]
