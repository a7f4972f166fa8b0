"""The importer on the four raw seed articles of the bundled story (copied into tmp_path).

Seed-specific strings appear here only as expectations about those seeds; the importer's rules
know none of them.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from reader.cli import main
from reader.content import load_story
from reader.ingest import clean_bytes, load_source

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
NBD, NETEASE, SIYU, BLOG = (
    "000_a261d4577e5b12f4.txt",
    "001_3a47269144f304b9.txt",
    "002_65b40b41efa17a31.txt",
    "003_0b52fdfb1d7a7de7.txt",
)
# Options as the seeds' README gives what the texts do not say.
OPTIONS = {
    NBD: ["--outlet", "每日经济新闻", "--published", "2025-09-09"],
    NETEASE: ["--outlet", "网易号"],
    SIYU: ["--outlet", "私域商业观察"],
    BLOG: [],
}
# Raw lines that are page debris, not article text (a raw line containing one of these).
DEBRIS = {
    NBD: ["图片来源", "https://www.nbd.com.cn"],
    NETEASE: ["![]()", "特別聲明", "Notice: The content above", "官方?jīng)]"],
    SIYU: [
        "发布时间", "(来源:", "记录中国商业进化史", "关注《", "在数字中国新起点", "CGMO", "✅",
        "特别声明", "网址:",
    ],
    BLOG: [
        "Internal Leak:Wangteng", "Internal Leak Wang Teng resume", "Internal Leak Xiaomi Statement", "Similar Posts",
    ],
}
# Everything from this raw line on is a related-articles list.
TAIL = {SIYU: "相关内容", BLOG: "Similar Posts"}
TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in (NBD, NETEASE, SIYU, BLOG):
        shutil.copyfile(SEEDS / name, folder / name)
    return folder


def _import(seeds: Path, story: Path, name: str) -> int:
    return main(["import", str(seeds / name), "--story", str(story), *OPTIONS[name]])


def _squash(text: str) -> str:
    """Text for containment checks: NFC, no whitespace, no pinyin glosses."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = re.sub(rf"(?<=[\u4e00-\u9fff])\([a-z{TONE}ü]+\)", "", text)
    return re.sub(r"\s+", "", text)


def _real_fragments(name: str, title: str) -> list[str]:
    """Sentence fragments of the raw seed's article text (debris lines, title and tail left out)."""
    raw = (SEEDS / name).read_text(encoding="utf-8").replace("🔗", "")
    if name in TAIL:
        raw = raw[: raw.index(TAIL[name])]
    lines = [line for line in raw.split("\n") if not any(mark in line for mark in DEBRIS[name])]
    text = "".join(lines) if name == NBD else "\n".join(lines)  # the NBD seed is hard-wrapped
    pieces = re.split(r"[。！？!?；;\n]|(?<=[a-z0-9”’)])\.(?=\s*[A-Z“])", text)
    fragments = [_squash(piece).removeprefix(_squash(title)) for piece in pieces]
    return [f for f in fragments if len(f) >= 6]


@pytest.mark.parametrize("name", [NBD, NETEASE, SIYU, BLOG])
def test_every_real_sentence_is_kept(name):
    cleaned = clean_bytes((SEEDS / name).read_bytes(), name)
    fragments = _real_fragments(name, cleaned.found.title or "")
    assert len(fragments) > 20
    body, title = _squash(cleaned.body), _squash(cleaned.found.title or "")
    missing = [f for f in fragments if f not in body and f not in title]
    assert missing == []


def test_imported_story_metadata(seeds, tmp_path):
    story_dir = tmp_path / "story"
    for name in (NBD, NETEASE, SIYU, BLOG):
        assert _import(seeds, story_dir, name) == 0
    story = load_story(story_dir)
    assert story.problems == ()
    by_source = {a.source: a for a in story.articles}
    assert sorted(by_source) == [NBD, NETEASE, SIYU, BLOG]
    nbd, netease, siyu, blog = (by_source[n] for n in (NBD, NETEASE, SIYU, BLOG))
    assert (nbd.outlet, nbd.url, nbd.published, nbd.language) == (
        "每日经济新闻", "https://www.nbd.com.cn/articles/2025-09-09/4053702.html", "2025-09-09", "zh-Hans"
    )  # fmt: skip
    assert nbd.title == "每经热评︱雷军挥泪“斩”王腾，小米爱将泄密“失街亭”，大厂正风肃纪“拼牙口”"
    assert (netease.outlet, netease.url, netease.published, netease.language) == ("网易号", None, None, "zh-Hant")
    assert (siyu.outlet, siyu.url, siyu.published, siyu.language) == (
        "私域商业观察", "https://m.mxgxt.com/news/view/1778988", "2025-09-12", "zh-Hans"
    )  # fmt: skip
    assert siyu.title == "雷军挥泪斩王腾,小米还能延续塌房的企业IP策略吗?"
    assert (blog.outlet, blog.url, blog.published, blog.language) == (None, None, None, "en")
    assert blog.title == "Xiaomi Executive Fired Over Internal Leak"
    assert {a.author for a in story.articles} == {None}
    assert nbd.id == "nbd-2025-09-09" and siyu.id == "mxgxt-2025-09-12"
    for article in story.articles:
        assert article.raw == f"raw/{article.source}"
        assert (story_dir / article.raw).read_bytes() == (SEEDS / article.source).read_bytes()
        assert article.imported and article.content_hash


def test_stored_bodies_are_clean(seeds, tmp_path):
    story_dir = tmp_path / "story"
    for name in (NBD, NETEASE, SIYU, BLOG):
        _import(seeds, story_dir, name)
    bodies = {a.source: a.body for a in load_story(story_dir).articles}
    everything = "\n".join(bodies.values())
    assert not re.search(rf"\([a-z{TONE}]+\)", everything.replace("(en)", "")), "pinyin gloss left"
    debris_marks = ["![", "🔗", "图片来源", "特别声明", "特別聲明", "Notice:", "相关内容", "随便看看"]
    debris_marks += ["Similar Posts", "✅", "关注《", "Wangteng weibo", "Wangteng resume", "网址:"]
    for debris in [*debris_marks, "发布时间:"]:
        assert debris not in everything, debris
    assert "明星产品经理" in bodies[NBD]
    assert "\n\n身穿同事送的“谨言慎行”T恤的王腾\n\n" in bodies[SIYU]  # an unmarked caption states a fact: kept
    assert "重量级“炸弹”" in bodies[NBD]
    assert "1000万元去调查你" in bodies[NBD]
    assert "內部通報郵件" in bodies[NETEASE]
    assert "官方\ufffd有明確說" in bodies[NETEASE]  # the damaged run is marked, not silently dropped
    assert bodies[NBD].count("王腾因“泄露公司机密信息") == 2  # the lead and its longer restatement both stay
    for body in bodies.values():
        assert "\n\n\n" not in body and body == body.strip()


def test_same_article_in_other_encodings(seeds, tmp_path):
    text = (SEEDS / NBD).read_text(encoding="utf-8")
    reference = clean_bytes(text.encode("utf-8"), "x")
    for encoding in ("gb18030", "utf-16", "utf-16-le", "utf-8-sig"):
        data = text.encode(encoding)
        if encoding == "utf-16-le":
            data = b"\xff\xfe" + data
        cleaned = clean_bytes(data, "x")
        assert (cleaned.body, cleaned.found) == (reference.body, reference.found), encoding


def test_traditional_article_in_big5(tmp_path):
    # Big5 lacks pinyin tone letters and some characters, so the same text is the seed's
    # cleaned body without the lines Big5 cannot hold.
    body = clean_bytes((SEEDS / NETEASE).read_bytes(), NETEASE).body
    text = "\n\n".join(p for p in body.split("\n\n") if _encodable(p, "big5"))
    assert len(text) > 1000
    for encoding in ("big5", "gb18030", "utf-16"):
        path = tmp_path / f"netease-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        loaded = load_source(str(path))
        assert loaded.cleaned.body == text, encoding


def test_importing_the_same_text_twice_is_skipped(seeds, tmp_path, capsys):
    story_dir = tmp_path / "story"
    assert _import(seeds, story_dir, SIYU) == 0
    copy = seeds / "copy-of-siyu.txt"
    copy.write_bytes((seeds / SIYU).read_bytes().replace(b"\n", b"\r\n"))
    capsys.readouterr()
    assert main(["import", str(copy), "--story", str(story_dir)]) == 0
    assert "skipped" in capsys.readouterr().out
    assert len(load_story(story_dir).articles) == 1


def test_seed_files_are_not_modified(seeds, tmp_path):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in seeds.iterdir()}
    for name in (NBD, NETEASE, SIYU, BLOG):
        _import(seeds, tmp_path / "story", name)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in seeds.iterdir()} == before


def test_dry_run_reports_removals_and_writes_nothing(seeds, tmp_path, capsys):
    story_dir = tmp_path / "story"
    assert main(["import", str(seeds / NETEASE), "--story", str(story_dir), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert not story_dir.exists()
    assert "pinyin glosses: 113 removed" in out
    assert "damaged gloss run, replaced by U+FFFD: ?jīng)]" in out
    assert out.count("image placeholder: ![]()") == 4
    assert "platform notice: 特別聲明" in out and "platform notice: Notice:" in out


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
