"""Shared helpers of the app tests: small stories in tmp folders, and a Pilot runner."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from reader.content import write_article, write_story_meta
from reader.models import Article
from reader.tui.app import ReaderApp

LONG_PARAGRAPH = "这是一段很长的文字，用来测试换行与翻页是否正确。" * 6

HANS_BODY = (
    "小米集团9月8日宣布辞退王腾。王腾在微博拥有180.2万粉丝，他说：“我会继续努力。”这被称为“失街亭”。\n\n"
    "雷军表示：“我们对违规零容忍。”[bold]不是标记[/bold] $primary 也不是。\n\n"
    + "\n\n".join(f"第{n}段。{LONG_PARAGRAPH}" for n in range(1, 13))
)


def make_story(root: Path, name: str = "story", title: str = "小米辞退王腾", broken: bool = False) -> Path:
    """A story of three outlets (简, 繁, English) with quotations and a literal markup string."""
    folder = root / name
    folder.mkdir(parents=True)
    write_story_meta(folder, title, "test story")
    write_article(folder, Article(
        id="a-hans", outlet="每日经济新闻", title="每经热评︱雷军挥泪斩王腾", published="2025-09-09",
        language="zh-Hans", url="https://example.com/a", body=HANS_BODY,
    ))  # fmt: skip
    write_article(folder, Article(
        id="b-hant", outlet="網易號", title="王騰被小米辭退", published="2025-09-10", language="zh-Hant",
        body="王騰在微博有170萬粉絲。小米於9月8日辭退王騰。\n\n他回應說：「感謝大家。」",
    ))  # fmt: skip
    write_article(folder, Article(
        id="c-en", outlet="English blog", title="Xiaomi fires Wang Teng", language="en",
        body="Xiaomi dismissed Wang Teng on September 8, 2025. He had over 2 million followers. "
        '"I will keep going," he said.',
    ))  # fmt: skip
    if broken:
        (folder / "broken.md").write_text("no front matter here", encoding="utf-8")
    return folder


def user_dirs(monkeypatch, tmp_path: Path) -> None:
    """Point every user folder at the test's tmp folder."""
    for kind in ("STATE", "CONFIG", "DATA", "CACHE"):
        monkeypatch.setenv(f"READER_{kind}_DIR", str(tmp_path / kind.lower()))


def drive(
    app: ReaderApp,
    steps: Callable[[ReaderApp, object], Awaitable[None]],
    size: tuple[int, int] = (160, 45),
) -> None:
    """Run the app headless at a size and play the steps with a Pilot."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(main())


def screen_text(app: ReaderApp) -> str:
    """Every character on screen, as the reader sees it (rows joined by newlines)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
