"""The hostile-input corpus: messy, legacy, huge and malicious files, generated (never checked in).

Importable (``write_corpus(folder)``) and runnable::

    python tests/hostile_corpus.py OUT_DIR          # write the corpus, list the cases
    python tests/hostile_corpus.py OUT_DIR --time   # also time importing and opening the 5 MB article

Layout under OUT_DIR: ``sources/`` holds the files to import (one per case, see ``SOURCE_CASES``),
``stories/`` holds story folders read directly (broken article files, a story with no articles,
an empty folder), and ``missing/`` is a content folder that does not exist.
"""

from __future__ import annotations

import argparse
import codecs
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

IMPORT = "import"
REFUSE = "refuse"

# ---------------------------------------------------------------- realistic text

ZH_HANS = [
    "小米集团今天发布内部通报，宣布对一名高管作出辞退处理，原因是泄露公司机密信息。",
    "据知情人士透露，该高管在公司任职{n}年，曾负责多款手机产品的市场推广工作。",
    "公司在声明中表示：“我们对任何违反保密规定的行为零容忍。”",
    "截至{m}月{d}日，该公司的市值约为{v}亿港元，较年初上涨了{p}%。",
    "业内人士认为，这一事件反映出大型科技企业在内部治理方面面临的挑战。",
]
ZH_HANT = [
    "小米集團今天發佈內部通報，宣佈對一名高管作出辭退處理，原因是洩露公司機密資訊。",
    "據知情人士透露，該高管在公司任職{n}年，曾負責多款手機產品的市場推廣工作。",
    "公司在聲明中表示：「我們對任何違反保密規定的行為零容忍。」",
    "截至{m}月{d}日，該公司的市值約為{v}億港元，較年初上漲了{p}%。",
]
EN = [
    "Xiaomi said on Monday that it had dismissed a senior executive for leaking confidential information.",
    "The executive had worked at the company for {n} years and led marketing for several phone lines.",
    '"We have zero tolerance for any breach of confidentiality," the company said in a statement.',
    "As of {m}/{d}, the company was valued at about {v} billion Hong Kong dollars, up {p}% this year.",
]


def paragraphs(templates: list[str], count: int, seed: int = 0) -> list[str]:
    """``count`` paragraphs of two to four sentences from ``templates``, numbers varied."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        picked = rng.sample(templates, k=min(len(templates), rng.randint(2, 4)))
        values = {"n": rng.randint(2, 30), "m": rng.randint(1, 12), "d": rng.randint(1, 28),
                  "v": rng.randint(1000, 9999), "p": rng.randint(1, 90)}  # fmt: skip
        joiner = " " if picked[0].isascii() else ""  # English sentences are spaced, Chinese are not
        out.append(joiner.join(s.format(**values) for s in picked))
    return out


def article_text(title: str, templates: list[str], count: int = 4, seed: int = 0) -> str:
    """A plain-text article: a title line, then paragraphs separated by blank lines."""
    return "\n\n".join([title, *paragraphs(templates, count, seed)]) + "\n"


# ---------------------------------------------------------------- hostile pieces

MARKUP = "[bold red]紧急通知[/] 与 [link=https://x.test]点击这里[/link]"
VARIABLES = "颜色变量 $primary 和 $accent 原样显示"
ESCAPE_TITLE = "终端转义测试：小米通报"
# Every kind of terminal control an article might carry, between words that must survive.
ESCAPE_BODY = (
    f"{MARKUP}，{VARIABLES}。\n\n"
    "第一段\x1b[1;31m红色文字\x1b[0m结束，响铃\x07之后继续。"
    "剪贴板\x1b]52;c;cm0gLXJmIH4K\x07攻击被拦下，标题\x1b]0;PWNED-TITLE\x07改写\x1b]2;PWNED-TITLE\x07也被拦下。\n\n"
    "超链接\x1b]8;;https://evil.test/\x1b\\看起来无害\x1b]8;;\x1b\\的文字。"
    "C1控制\u009b31m字符\u0085与\u0090DCS\u009c串\u009d0;PWNED-TITLE\u0007都被去掉。\n\n"
    "双向\u202e覆盖\u202c与\u2066隔离\u2069字符\u200f，零宽\u200b空格\u200c与\u200d连接\ufeff符\u2060。\n\n"
    + "".join(paragraphs(ZH_HANS, 3, seed=7))
    + "\n"
)
#: Text of the escape article that must be shown (and stored) literally.
ESCAPE_LITERALS = ("[bold red]", "[/]", "[link=https://x.test]", "[/link]", "$primary", "$accent", "红色文字")
# The escape article's text as a clean importer keeps it (markup literal, controls gone).
ESCAPE_BODY_CLEAN = f"{MARKUP}，{VARIABLES}。\n\n第一段红色文字结束。"
OSC_TITLE = "PWNED-TITLE"
OSC52_PAYLOAD = "cm0gLXJmIH4K"


def huge_text(target_bytes: int = 5_000_000) -> str:
    """About ``target_bytes`` of UTF-8: Chinese and English paragraphs, varied, with a title."""
    parts = ["巨型文章：小米高管离职事件全记录"]
    size, seed = 0, 0
    while size < target_bytes:
        chunk = paragraphs(ZH_HANS, 40, seed) + paragraphs(EN, 20, seed) + paragraphs(ZH_HANT, 20, seed)
        random.Random(seed).shuffle(chunk)
        parts.extend(f"{p}（第{seed}组）" for p in chunk)
        size += sum(len(p.encode("utf-8")) + 2 for p in chunk)
        seed += 1
    return "\n\n".join(parts) + "\n"


def long_line(length: int = 200_000) -> str:
    """One line of ``length`` characters, Chinese and Latin letters, no punctuation at all."""
    rng = random.Random(3)
    alphabet = "小米集团公司高管市场产品手机科技企业内部治理挑战abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(alphabet) for _ in range(length)) + "\n"


def binary_png() -> bytes:
    rng = random.Random(5)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))


def binary_elf() -> bytes:
    rng = random.Random(6)
    header = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    return header + bytes(rng.randrange(256) for _ in range(8192))


def binary_no_nul() -> bytes:
    """Random high bytes without NUL: no encoding should claim it as text."""
    rng = random.Random(8)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(4096))


# ---------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Case:
    """One source file to import: its name, bytes, the expected outcome and what it tests."""

    name: str
    data: Callable[[], bytes]
    expect: str  # IMPORT or REFUSE
    what: str
    literal: tuple[str, ...] = ()  # text the stored body must hold literally
    slow: bool = False  # big inputs, kept out of the quick test run


def _enc(text: str, encoding: str, bom: bytes = b"") -> Callable[[], bytes]:
    return lambda: bom + text.encode(encoding)


_GB = article_text("国标编码测试：小米通报", ZH_HANS, seed=1)
_BIG5 = article_text("大五碼測試：小米通報", ZH_HANT, seed=2)
_U16 = [article_text(f"UTF-16 测试{n}：小米通报", ZH_HANS + EN, seed=n) for n in range(3)]
_BOM8 = article_text("带签名的 UTF-8：小米通报", ZH_HANS, seed=4)
_CRLF = article_text("Windows line ends: Xiaomi notice", EN, seed=5)
_LATIN = "\n\n".join(
    f"{p} Caf\xe9 na\xefve r\xe9sum\xe9: \x9b31mred\x9b0m, \x85next, \x9d0;title\x07."
    for p in paragraphs(EN, 5, seed=6)
) + "\n"
_YAML = (
    "---\ntitle: [unclosed\nauthor: : :\n  - bad: {\n---\n\n" + "\n\n".join(paragraphs(ZH_HANS, 3, seed=9)) + "\n"
)

SOURCE_CASES: tuple[Case, ...] = (
    Case("gb18030.txt", _enc(_GB, "gb18030"), IMPORT, "GB18030 Chinese", ("国标编码测试",)),
    Case("big5.txt", _enc(_BIG5, "big5"), IMPORT, "Big5 traditional Chinese", ("大五碼測試",)),
    Case("utf16le-bom.txt", _enc(_U16[0], "utf-16-le", codecs.BOM_UTF16_LE), IMPORT, "UTF-16 LE with BOM",
         ("UTF-16 测试0",)),
    Case("utf16be.txt", _enc(_U16[1], "utf-16-be"), IMPORT, "UTF-16 BE without BOM", ("UTF-16 测试1",)),
    Case("utf16be-bom.txt", _enc(_U16[2], "utf-16-be", codecs.BOM_UTF16_BE), IMPORT, "UTF-16 BE with BOM",
         ("UTF-16 测试2",)),
    Case("utf8-bom.txt", _enc(_BOM8, "utf-8", codecs.BOM_UTF8), IMPORT, "UTF-8 with BOM", ("带签名的 UTF-8",)),
    Case("crlf.txt", _enc(_CRLF.replace("\n", "\r\n"), "utf-8"), IMPORT, "CRLF line ends", ("Xiaomi",)),
    Case("cp1252-c1.txt", _enc(_LATIN, "latin-1"), IMPORT,
         "Western legacy file with raw 8-bit bytes 0x9B (CSI), 0x85, 0x9D (OSC); read as cp1252", ("Café",)),
    Case("escapes.txt", _enc(ESCAPE_TITLE + "\n\n" + ESCAPE_BODY, "utf-8"), IMPORT,
         "CSI colours, OSC 52/8/0/2, BEL, C1, bidi, zero-width; Rich markup and $variables",
         ESCAPE_LITERALS),
    Case("bad-yaml.md", _enc(_YAML, "utf-8"), IMPORT, "Markdown whose front matter is not valid YAML"),
    Case("empty.txt", lambda: b"", REFUSE, "empty file"),
    Case("blank.txt", lambda: b" \r\n\t\n  \n", REFUSE, "whitespace only"),
    Case("controls-only.txt", lambda: b"\x1b[31m\x1b]52;c;aGk=\x07\xe2\x80\xae\x1b[0m\n", REFUSE,
         "nothing but escape sequences"),
    Case("image.png", binary_png, REFUSE, "binary: PNG header + random bytes"),
    Case("program.bin", binary_elf, REFUSE, "binary: ELF header + random bytes"),
    Case("noise.dat", binary_no_nul, REFUSE, "binary: random high bytes, no NUL"),
    Case("long-line.txt", _enc(long_line(), "utf-8"), IMPORT, "one 200,000-character line, no punctuation",
         slow=True),
    Case("huge.txt", lambda: huge_text().encode("utf-8"), IMPORT, "5 MB Chinese+English article", slow=True),
)


def case(name: str) -> Case:
    """The source case with this file name."""
    return next(c for c in SOURCE_CASES if c.name == name)


# ---------------------------------------------------------------- story folders

GOOD_ARTICLE = """---
id: good-one
outlet: 测试日报
title: 一篇完好的文章
url: null
published: 2025-09-09
language: zh-Hans
author: null
---
{body}
"""
BROKEN_ARTICLES = {
    "bad-yaml.md": "---\nid: bad-yaml\ntitle: [unclosed\noutlet: : :\n---\n正文。\n",
    "no-front-matter.md": "只是一段文字，没有前言。\n",
    "unclosed-front-matter.md": "---\nid: unclosed\ntitle: 没有结束\n\n正文。\n",
    "not-utf8.md": "---\nid: not-utf8\n---\n正文。\n".encode("gb18030"),
    "not-a-mapping.md": "---\n- just\n- a list\n---\n正文。\n",
}


def write_stories(root: Path) -> dict[str, Path]:
    """Story folders read directly: one with broken article files, one with none, an empty one."""
    broken = root / "broken-story"
    broken.mkdir(parents=True)
    (broken / "story.toml").write_text('title = "破损的故事"\n', encoding="utf-8")
    (broken / "good-one.md").write_text(GOOD_ARTICLE.format(body=ESCAPE_BODY_CLEAN), encoding="utf-8")
    for name, text in BROKEN_ARTICLES.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (broken / name).write_bytes(data)
    no_articles = root / "no-articles"
    no_articles.mkdir()
    (no_articles / "story.toml").write_text('title = "没有文章"\n', encoding="utf-8")
    bad_toml = root / "bad-toml"
    bad_toml.mkdir()
    (bad_toml / "story.toml").write_text('title = "unclosed\n[[[\n', encoding="utf-8")
    (bad_toml / "good-one.md").write_text(GOOD_ARTICLE.format(body="一段正文。"), encoding="utf-8")
    empty = root / "empty-folder"
    empty.mkdir()
    return {"broken": broken, "no-articles": no_articles, "bad-toml": bad_toml, "empty": empty}


@dataclass(frozen=True)
class Corpus:
    """Where the generated corpus lives."""

    root: Path
    sources: Path
    stories: dict[str, Path]
    missing: Path

    def source(self, name: str) -> Path:
        return self.sources / name


def write_corpus(folder: Path, *, slow: bool = True) -> Corpus:
    """Write every case under ``folder`` (created); ``slow=False`` leaves out the big inputs."""
    folder = Path(folder)
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for c in SOURCE_CASES:
        if slow or not c.slow:
            (sources / c.name).write_bytes(c.data())
    stories = write_stories(folder / "stories")
    return Corpus(folder, sources, stories, folder / "missing" / "content")


# ---------------------------------------------------------------- timing


def reader_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader.cli", *args]


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    return time.monotonic() - start, done


def time_huge(folder: Path) -> None:
    """Print how long the 5 MB article takes to import, list and open (first frame, SVG)."""
    source = folder / "sources" / "huge.txt"
    if not source.is_file():
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(case("huge.txt").data())
    story = folder / "timing" / "huge-story"
    shutil.rmtree(story, ignore_errors=True)
    env = {**os.environ, "READER_STATE_DIR": str(folder / "state"), "READER_CACHE_DIR": str(folder / "cache"),
           "READER_CONFIG_DIR": str(folder / "config"), "READER_DATA_DIR": str(folder / "data")}  # fmt: skip
    print(f"huge.txt: {source.stat().st_size / 1e6:.1f} MB")
    steps = [
        ("import", reader_command("import", str(source), "--story", str(story))),
        ("list", reader_command("list", str(story))),
        ("open (screenshot 120x40)", reader_command("screenshot", str(folder / "timing" / "huge.svg"), str(story))),
    ]
    for label, args in steps:
        seconds, done = _timed(args, env)
        status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
        print(f"{label:28} {seconds:6.1f} s  {status}")
    os.environ.update({k: v for k, v in env.items() if k.startswith("READER_")})
    print(f"{'open (first frame, Pilot)':28} {first_frame_seconds(story):6.1f} s")


def first_frame_seconds(story: Path, size: tuple[int, int] = (120, 40)) -> float:
    """Seconds from starting the app headless on ``story`` until its first frame is drawn."""
    import asyncio

    from reader.tui.app import ReaderApp

    async def run() -> float:
        start = time.monotonic()
        async with ReaderApp([story]).run_test(size=size) as pilot:
            await pilot.pause()
            return time.monotonic() - start

    return asyncio.run(run())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="folder to write the corpus into (default: a temporary one)")
    parser.add_argument("--time", action="store_true", help="time importing and opening the 5 MB article")
    args = parser.parse_args(argv)
    folder = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="hostile-"))
    corpus = write_corpus(folder)
    for c in SOURCE_CASES:
        print(f"{c.expect:7} {c.name:22} {c.what}")
    print(f"stories: {', '.join(str(p) for p in corpus.stories.values())}")
    if args.time:
        time_huge(folder)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
