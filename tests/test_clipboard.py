"""Every copy path: pyperclip, OSC 52 (headless, tmux, SSH), tmux buffer, the clippings file."""

import base64
import multiprocessing
import re
import sys
import threading
import types
from pathlib import Path

import pytest

from reader import clipboard
from reader.clipboard import copy_with_citation, osc52_sequence
from reader.models import Article

BODY = "前文很长很长很长很长很长。王腾回应：“雷总别试探了，我会好好工作的。”后文也很长很长很长。"
QUOTE = "雷总别试探了，我会好好工作的。"
START = BODY.index(QUOTE)
ARTICLE = Article(id="nbd", body=BODY, outlet="每日经济新闻", title="标题", url="https://example.com/a")
CITATION = "每日经济新闻. 标题[EB/OL]. (2025-09-09)[2025-09-10]. https://example.com/a."


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    for name in ("TMUX", "SSH_TTY", "SSH_CONNECTION"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def fake_pyperclip(monkeypatch: pytest.MonkeyPatch, works: bool) -> list[str]:
    copied: list[str] = []
    module = types.ModuleType("pyperclip")

    class PyperclipException(RuntimeError):
        pass

    def copy(text: str) -> None:
        if not works:
            raise PyperclipException("Pyperclip could not find a copy/paste mechanism for your system.")
        copied.append(text)

    module.copy = copy  # type: ignore[attr-defined]
    module.PyperclipException = PyperclipException  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyperclip", module)
    return copied


def copy(write=None):
    return copy_with_citation(
        QUOTE, article=ARTICLE, start=START, end=START + len(QUOTE), citation=CITATION, body=BODY, write_osc52=write
    )


def decoded(sequence: str) -> str:
    match = re.fullmatch(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", sequence)
    assert match, repr(sequence)
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_pyperclip_works(monkeypatch: pytest.MonkeyPatch, isolated: Path) -> None:
    copied = fake_pyperclip(monkeypatch, works=True)
    written: list[str] = []
    result = copy(written.append)
    assert result.destinations == ("system clipboard", "clippings file")
    assert copied == [f"{QUOTE}\n\n{CITATION}"]
    assert written == []  # the system clipboard took it: no OSC 52
    assert "system clipboard" in result.message and "clippings file" in result.message
    assert result.clippings_path == isolated / "data" / "clippings.md"


def test_pyperclip_fails_falls_back_to_osc52(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_pyperclip(monkeypatch, works=False)
    written: list[str] = []
    result = copy(written.append)
    assert result.destinations == ("terminal clipboard (OSC 52)", "clippings file")
    assert len(written) == 1 and decoded(written[0]) == f"{QUOTE}\n\n{CITATION}"


@pytest.mark.parametrize("env", ["TMUX", "SSH_TTY", "SSH_CONNECTION"])
def test_tmux_and_ssh_use_osc52_even_when_pyperclip_works(monkeypatch: pytest.MonkeyPatch, env: str) -> None:
    copied = fake_pyperclip(monkeypatch, works=True)
    monkeypatch.setenv(env, "/tmp/tmux-1/default,1,0" if env == "TMUX" else "1.2.3.4 5 6.7.8.9 22")
    tmux_calls: list[str] = []
    monkeypatch.setattr(clipboard, "copy_tmux", tmux_calls.append)
    written: list[str] = []
    result = copy(written.append)
    assert copied == []
    assert decoded(written[0]) == f"{QUOTE}\n\n{CITATION}"
    assert "terminal clipboard (OSC 52)" in result.destinations
    assert ("tmux buffer" in result.destinations) == (env == "TMUX")
    assert len(tmux_calls) == (1 if env == "TMUX" else 0)


def test_osc52_sequence_is_base64_of_utf8() -> None:
    assert osc52_sequence("王腾") == "\x1b]52;c;" + base64.b64encode("王腾".encode()).decode() + "\x07"


def test_every_clipboard_failing_still_keeps_the_clipping(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_pyperclip(monkeypatch, works=False)

    def no_terminal(sequence: str) -> None:
        raise OSError("no terminal")

    result = copy(no_terminal)
    assert result.destinations == ("clippings file",)
    assert "no clipboard" in result.message and "no terminal" in result.message
    assert QUOTE in result.clippings_path.read_text(encoding="utf-8")


def test_nothing_works_never_raises_and_says_why(monkeypatch: pytest.MonkeyPatch, isolated: Path) -> None:
    fake_pyperclip(monkeypatch, works=False)
    blocker = isolated / "blocked"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "data"))

    def no_terminal(sequence: str) -> None:
        raise OSError("no terminal")

    result = copy(no_terminal)
    assert result.destinations == ()
    assert result.clippings_path is None
    assert result.message.startswith("copy failed") and QUOTE in result.message


def test_clippings_entry_has_time_outlet_id_offsets_context_and_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_pyperclip(monkeypatch, works=True)
    text = copy().clippings_path.read_text(encoding="utf-8")
    assert re.search(r"^## \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d · 每日经济新闻$", text, re.M)
    assert "`nbd`" in text
    assert f"{START}–{START + len(QUOTE)}" in text
    assert f"> {QUOTE}" in text
    assert "王腾回应：“【" + QUOTE + "】”后文" in text  # a few words of context each side
    assert CITATION in text


def _append_many(data_dir: str, worker: int, count: int) -> None:
    import os

    os.environ["READER_DATA_DIR"] = data_dir
    from reader.clipboard import append_clipping

    for n in range(count):
        append_clipping(f"quote {worker}-{n} " + "长" * 2000, article=ARTICLE, start=0, end=3,
                        citation=f"citation {worker}-{n}", body=BODY)


def test_concurrent_appends_from_processes_and_threads_never_interleave(isolated: Path) -> None:
    data = str(isolated / "data")
    ctx = multiprocessing.get_context("spawn")
    processes = [ctx.Process(target=_append_many, args=(data, w, 10)) for w in range(3)]
    threads = [threading.Thread(target=_append_many, args=(data, 10 + w, 10)) for w in range(3)]
    for worker in processes + threads:
        worker.start()
    for worker in processes + threads:
        worker.join(60)
    sections = (isolated / "data" / "clippings.md").read_text(encoding="utf-8").split("\n## ")
    assert len(sections) == 60
    for section in sections:
        worker_n = re.search(r"> quote (\d+-\d+) ", section).group(1)
        assert f"citation {worker_n}" in section
        assert section.count("> quote") == 1
