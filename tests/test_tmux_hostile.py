"""The escape-laden article in a real terminal (tmux): its text and markup show literally, and
none of its escape sequences reach the terminal (no clipboard write, no title change).

tmux is set to accept OSC 52 from programs (``set-clipboard on``), so an escape that slipped
through would land in a tmux buffer; a control run first proves that it would.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_corpus as hc
from tmux_server import TmuxServer

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
WAIT_SECONDS = 40


class Tmux(TmuxServer):
    """A private tmux server whose waits default to this file's patience."""

    def __init__(self) -> None:
        super().__init__("reader-hostile")

    def wait_for(self, target: str, words: str, timeout: float = WAIT_SECONDS) -> str:
        return super().wait_for(target, words, timeout)


@pytest.fixture
def tmux():
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def story(tmp_path) -> tuple[Path, dict[str, str]]:
    corpus = hc.write_corpus(tmp_path / "corpus", slow=False)
    env = {**os.environ, **{f"READER_{k}_DIR": str(tmp_path / k.lower()) for k in ("STATE", "CONFIG", "DATA", "CACHE")}}
    folder = tmp_path / "hostile"
    sources = [str(corpus.source(n)) for n in ("gb18030.txt", "escapes.txt", "big5.txt")]
    done = subprocess.run(hc.reader_command("import", *sources, "--story", str(folder)), capture_output=True,
                          text=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder, env


def _start(tmux: Tmux, name: str, command: str, env: dict[str, str]) -> str:
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if k.startswith("READER_"))
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", f"env {exports} TERM=xterm-256color {command}")
    return f"{name}:0.0"


def test_escape_article_in_tmux_shows_text_and_sends_no_escape(tmux, story):
    folder, env = story
    tmux("start-server", ";", "set-option", "-g", "set-clipboard", "on", ";", "set-option", "-g", "exit-empty", "off")
    # Control: a program's OSC 52 and OSC 2 do reach this server's buffers and pane title.
    control = _start(tmux, "control", "sh -c \"printf '\\033]52;c;Y29udHJvbA==\\a\\033]2;control-title\\a'; sleep 30\"",
                     env)  # fmt: skip
    deadline = time.monotonic() + 10
    while "control" not in tmux.buffers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "control" in tmux.buffers(), "tmux did not take OSC 52 from a program: the check below would be blind"
    assert "control-title" in tmux("display", "-p", "-t", control, "#{pane_title}")
    tmux("delete-buffer", check=False)
    assert tmux.buffers().strip() == ""

    listing = subprocess.run(hc.reader_command("list", str(folder), "--json"), capture_output=True, text=True,
                             env=env, timeout=60)  # fmt: skip
    ids = [a["id"] for a in json.loads(listing.stdout)["stories"][0]["articles"]]
    pane = _start(tmux, "reader", " ".join(shlex.quote(a) for a in hc.reader_command(str(folder))), env)
    first = tmux.wait_for(pane, "Quit")
    assert "Quit" in first and "Traceback" not in first
    title_before = tmux("display", "-p", "-t", pane, "#{pane_title}")
    tmux("send-keys", "-t", pane, str(ids.index("escapes") + 1))
    screen = tmux.wait_for(pane, "$primary")
    try:
        assert "$primary" in screen
        assert "[bold red]" in screen and "[/]" in screen
        assert "紧急通知" in screen
        assert hc.OSC_TITLE not in screen and hc.OSC52_PAYLOAD not in screen
        time.sleep(1)  # let anything the terminal was sent arrive
        assert tmux.buffers().strip() == "", "the article wrote to the clipboard (OSC 52)"
        title = tmux("display", "-p", "-t", pane, "#{pane_title}")
        assert hc.OSC_TITLE not in title and title == title_before
    finally:
        tmux("send-keys", "-t", pane, "q", check=False)
