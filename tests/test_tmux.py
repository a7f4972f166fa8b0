"""The reading app in a real terminal (tmux), used as a new reader would on the bundled story.

tmux runs with ``set-clipboard on``, so a copy sent as OSC 52 (the clipboard helper's path when
$TMUX is set) lands in tmux's paste buffer, where the test reads it back.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import time
from pathlib import Path

import pytest
from tmux_server import TmuxServer

from reader.content import load_story
from reader.paths import BUNDLED_STORY_ID, bundled_content_dir
from reader.script import fold

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
READER = Path(sys.executable).parent / "reader"
WAIT_SECONDS = 60


class Tmux(TmuxServer):
    """The server with one session, ``t``, running the command under test."""

    def start(self, command: str, width: int, height: int) -> None:
        self("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height))
        self("set-option", "-g", "set-clipboard", "on")
        self("set-option", "-g", "remain-on-exit", "on")
        self("send-keys", "-t", "t", command, "Enter")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self("send-keys", "-t", "t", key)
            time.sleep(0.25)

    def wait_for(self, words: str, timeout: float = WAIT_SECONDS) -> str:  # type: ignore[override]
        """The screen once it shows the words; fails with the screen when it never does."""
        screen = super().wait_for("t", words, timeout)
        if words not in screen:
            raise AssertionError(f"{words!r} never showed; the screen:\n{screen}")
        return screen


@pytest.fixture
def tmux(tmp_path):
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def command(tmp_path) -> str:
    if not (bundled_content_dir() / BUNDLED_STORY_ID).is_dir():
        pytest.skip("the bundled story is missing")
    env = " ".join(f"READER_{k}_DIR={shlex.quote(str(tmp_path / k.lower()))}"
                   for k in ("STATE", "CONFIG", "DATA", "CACHE"))  # fmt: skip
    return f"env {env} TERM=xterm-256color {shlex.quote(str(READER))}; echo READER-EXITED-$?"


def _outlets() -> list[str]:
    story = load_story(bundled_content_dir() / BUNDLED_STORY_ID)
    return [a.outlet for a in story.articles if a.outlet]


def test_a_new_reader_in_tmux(tmux, command):
    tmux.start(command, 160, 45)
    screen = tmux.wait_for("Quit")
    assert sum(outlet in screen for outlet in _outlets()) >= 3, screen
    number = next(i for i, o in enumerate(_outlets(), 1) if o == "每日经济新闻")
    tmux.keys(str(number))
    screen = tmux.wait_for("每经热评")
    tmux.keys("t")
    screen = tmux.wait_for("每經熱評")
    # the badge may end the line, and tmux drops trailing blanks
    assert re.search(r"\s繁(\s|$)", screen.splitlines()[0]), screen.splitlines()[0]
    tmux.keys("t")
    tmux.wait_for("每经热评")
    tmux("delete-buffer", check=False)
    tmux.keys("n", "c")
    deadline = time.monotonic() + 15
    buffer = ""
    while time.monotonic() < deadline and "每日经济新闻" not in buffer:
        buffer = tmux("show-buffer", check=False)
        time.sleep(0.3)
    assert "每日经济新闻" in buffer, f"no citation in tmux's buffer: {buffer!r}"
    assert "“" in buffer or "”" in buffer  # the quotation came with it
    tmux.keys("?")
    screen = tmux.wait_for("Keys")
    assert "Search" in screen and "Next quote" in screen
    tmux.keys("Escape", "q")
    tmux.wait_for("READER-EXITED-0")


def test_a_narrow_terminal_still_works(tmux, command):
    tmux.start(command, 60, 20)
    screen = tmux.wait_for("sentence 1/")
    tmux.keys("j", "j", "t")
    screen = tmux.wait_for("每經")
    assert "sentence 3/" in screen and "小米辭退王騰" in screen.splitlines()[0]
    tmux.keys("s")
    screen = tmux.wait_for("Sources")
    assert sum(fold(outlet) in fold(screen) for outlet in _outlets()) >= 3, screen  # shown in 繁
    tmux.keys("Escape", "f")
    tmux.wait_for("sentence 3 of")  # the facts panel opened below the article
    tmux.keys("q")
    tmux.wait_for("READER-EXITED-0")
