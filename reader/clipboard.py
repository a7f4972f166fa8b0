"""Copy a quotation with its citation so that it is never lost.

Order: the system clipboard through pyperclip; where there is none (a headless machine) or it is
not the user's (inside tmux or over SSH), the terminal clipboard through OSC 52
(``ESC ] 52 ; c ; <base64> BEL``), which the user's own terminal turns into a clipboard write.
Inside tmux a plain OSC 52 reaches the outer terminal only with ``set-clipboard on`` (tmux's
default, ``external``, drops it: tried with tmux 3.3), so the text is also handed to
``tmux load-buffer -w -``, which keeps it in a tmux buffer and forwards it to the terminal.
Every copy is also appended to ``clippings.md`` in the user data folder, with enough context
to find the quote again after a re-import. Nothing here raises: the result says where the copy
went, or why it went nowhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.fsutil import locked_append_text
from reader.models import Article
from reader.paths import data_dir

CLIPPINGS_FILE = "clippings.md"
SYSTEM = "system clipboard"
TERMINAL = "terminal clipboard (OSC 52)"
TMUX = "tmux buffer"
CLIPPINGS = "clippings file"
CONTEXT_CHARS = 20


@dataclass(frozen=True)
class CopyResult:
    """Where a copy went, and one line for the user saying so."""

    destinations: tuple[str, ...]
    message: str
    clippings_path: Path | None


def copy_with_citation(
    text: str,
    *,
    article: Article,
    start: int,
    end: int,
    citation: str,
    body: str,
    script: str = "original",
    write_osc52: Callable[[str], None] | None = None,
) -> CopyResult:
    """Copy ``text`` with ``citation`` to the clipboard(s) and the clippings file; never raises."""
    payload = clipboard_text(text, citation)
    destinations: list[str] = []
    problems: list[str] = []
    remote = is_remote_session()
    if not remote:
        _try(destinations, problems, SYSTEM, lambda: copy_system(payload))
    if remote or SYSTEM not in destinations:
        _try(destinations, problems, TERMINAL, lambda: copy_osc52(payload, write_osc52))
        if os.environ.get("TMUX"):
            _try(destinations, problems, TMUX, lambda: copy_tmux(payload))
    clippings: Path | None = None
    try:
        clippings = append_clipping(
            text, article=article, start=start, end=end, citation=citation, body=body, script=script
        )
        destinations.append(CLIPPINGS)
    except Exception as exc:  # noqa: BLE001 - a failed log must not lose the copy
        problems.append(f"{CLIPPINGS}: {_reason(exc)}")
    return CopyResult(tuple(destinations), _message(text, destinations, problems, clippings), clippings)


def clipboard_text(text: str, citation: str) -> str:
    """What goes to the clipboard: the citation, after the quotation unless it already holds it."""
    citation = citation.strip()
    if not text.strip() or " ".join(text.split()) in " ".join(citation.split()):
        return citation
    return f"{text.strip()}\n\n{citation}"


def is_remote_session() -> bool:
    """Inside tmux or over SSH the machine's clipboard is not the user's: use the terminal's."""
    return any(os.environ.get(name) for name in ("TMUX", "SSH_TTY", "SSH_CONNECTION"))


# ---------------------------------------------------------------- the three ways


def copy_system(payload: str) -> None:
    """The system clipboard through pyperclip; raises when there is none."""
    import pyperclip  # lazy: it probes for clipboard tools on first use

    pyperclip.copy(payload)


def osc52_sequence(payload: str) -> str:
    """The OSC 52 sequence that sets the terminal's clipboard to ``payload``."""
    encoded = base64.b64encode(payload.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{encoded}\x07"


def copy_osc52(payload: str, write: Callable[[str], None] | None = None) -> None:
    """Write OSC 52 through ``write`` (the TUI's driver) or to the controlling terminal."""
    sequence = osc52_sequence(payload)
    if write is not None:
        write(sequence)
        return
    with open("/dev/tty", "w", encoding="ascii") as tty:
        tty.write(sequence)
        tty.flush()


def copy_tmux(payload: str) -> None:
    """Hand the text to tmux, which keeps it in a buffer and forwards it to the terminal (-w)."""
    tmux = shutil.which("tmux")
    if not tmux:
        raise OSError("tmux is not on PATH")
    subprocess.run(
        [tmux, "load-buffer", "-w", "-"], input=payload.encode("utf-8"), check=True, timeout=3, capture_output=True
    )


# ---------------------------------------------------------------- clippings


def clippings_path() -> Path:
    """``clippings.md`` in the user data folder (``READER_DATA_DIR`` overrides it)."""
    return data_dir() / CLIPPINGS_FILE


def append_clipping(
    text: str, *, article: Article, start: int, end: int, citation: str, body: str, script: str = "original"
) -> Path:
    """Append one Markdown section for this copy to the clippings file and return its path."""
    path = clippings_path()
    locked_append_text(path, clipping_entry(text, article, start, end, citation, body, script))
    return path


def clipping_entry(
    text: str, article: Article, start: int, end: int, citation: str, body: str, script: str = "original"
) -> str:
    """One clipping as a Markdown section: when, where from, the quote in context, the citation."""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    before = _flat(body[max(0, start - CONTEXT_CHARS) : start])
    after = _flat(body[end : end + CONTEXT_CHARS])
    original = _flat(body[start:end])
    lines = [
        f"## {now} · {_flat(article.display_name)}",
        "",
        f"- article: `{article.id}`" + (f" ({_flat(article.title)})" if article.title else ""),
        f"- offsets: {start}–{end}" + (f", shown in script {script}" if script != "original" else ""),
    ]
    if article.url:
        lines.append(f"- url: <{article.url}>")
    lines += ["", *(f"> {line}" for line in (text.strip() or original).splitlines()), ""]
    lines.append(f"context: …{before}【{original}】{after}…")
    lines += ["", "citation:", "", *(f"    {line}" for line in citation.strip().splitlines()), "", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- helpers


def _try(done: list[str], problems: list[str], name: str, action: Callable[[], None]) -> None:
    try:
        action()
        done.append(name)
    except Exception as exc:  # noqa: BLE001 - every failure becomes part of the message
        problems.append(f"{name}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    first = lines[0].split(". ")[0] if lines else type(exc).__name__
    return first if len(first) <= 80 else first[:79] + "…"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _message(text: str, destinations: list[str], problems: list[str], clippings: Path | None) -> str:
    words = _flat(text)
    shown = words if len(words) <= 24 else words[:23] + "…"
    if not destinations:
        return f"copy failed ({'; '.join(problems)}): “{words}”"
    where = " and ".join(destinations)
    if clippings is not None:
        where = where.replace(CLIPPINGS, f"{CLIPPINGS} {clippings}")
    message = f"copied “{shown}” to {where}"
    if not any(d != CLIPPINGS for d in destinations):
        message += f" (no clipboard: {'; '.join(problems)})"
    elif CLIPPINGS not in destinations:
        message += f" (not saved: {'; '.join(p for p in problems if p.startswith(CLIPPINGS))})"
    return message
