"""What the app remembers between runs: reading positions (state) and preferences (config).

Positions live in ``positions.json`` in the user state folder, preferences in ``config.toml``
in the user config folder. Both are written atomically; a file that cannot be read is set
aside (``name.corrupt-N``) with a warning, so a broken file never stops the app.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from reader.fsutil import atomic_write_text, set_aside
from reader.paths import config_dir, state_dir

POSITIONS_FILE = "positions.json"
CONFIG_FILE = "config.toml"
CITATION_STYLES = ("gbt7714", "apa", "mla", "chicago", "markdown")


@dataclass
class Loaded:
    """A file's data and the warnings met while reading it."""

    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _read_or_set_aside(path: Path, parse) -> Loaded:
    """Parse a file; a missing file is empty, an unreadable one is moved aside with a warning."""
    if not path.is_file():
        return Loaded({})
    try:
        data = parse(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a table")
        return Loaded(data)
    except (OSError, UnicodeDecodeError, ValueError, tomllib.TOMLDecodeError) as exc:
        try:
            where = set_aside(path).name
        except OSError:
            where = "left in place"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Loaded({}, [f"{path.name} could not be read ({reason}); set aside as {where}"])


class Positions:
    """Where the reader was in each article, by story: the body offset of the cursor sentence."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / POSITIONS_FILE
        loaded = _read_or_set_aside(self.path, json.loads)
        self.warnings = loaded.warnings
        stories = loaded.data.get("stories")
        self._stories: dict[str, dict[str, Any]] = stories if isinstance(stories, dict) else {}
        self._written = self._text()  # what the file holds: saving it again would change nothing

    def _story(self, story_id: str) -> dict[str, Any]:
        entry = self._stories.get(story_id)
        if not isinstance(entry, dict):
            entry = self._stories[story_id] = {}
        if not isinstance(entry.get("offsets"), dict):
            entry["offsets"] = {}
        return entry

    def offset(self, story_id: str, article_id: str) -> int | None:
        """The remembered body offset in an article, or None."""
        value = self._story(story_id)["offsets"].get(article_id)
        return value if isinstance(value, int) and value >= 0 else None

    def last_article(self, story_id: str) -> str | None:
        """The article last read in a story, or None."""
        value = self._story(story_id).get("article")
        return value if isinstance(value, str) else None

    def remember(self, story_id: str, article_id: str, offset: int) -> None:
        """Note the position (saved by ``save``)."""
        entry = self._story(story_id)
        entry["article"] = article_id
        entry["offsets"][article_id] = int(offset)

    def save(self) -> None:
        """Write the positions atomically, unless they are what was read or last written."""
        text = self._text()
        if text != self._written:
            atomic_write_text(self.path, text)
            self._written = text

    def _text(self) -> str:
        return json.dumps({"stories": self._stories}, ensure_ascii=False, indent=1)


class Config:
    """The user's preferences: citation style, key remapping, and whatever else the file holds.

    Keys this module does not know are kept as they are when the file is written back.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / CONFIG_FILE
        loaded = _read_or_set_aside(self.path, tomllib.loads)
        self.warnings = loaded.warnings
        self.data = loaded.data

    @property
    def citation_style(self) -> str:
        style = self.data.get("citation_style")
        return style if style in CITATION_STYLES else CITATION_STYLES[0]

    @citation_style.setter
    def citation_style(self, style: str) -> None:
        if style not in CITATION_STYLES:
            raise ValueError(f"unknown citation style {style!r}")
        self.data["citation_style"] = style

    @property
    def keys(self) -> dict[str, str]:
        """Key remapping: binding id -> keys (comma separated), from the ``[keys]`` table."""
        table = self.data.get("keys")
        if not isinstance(table, dict):
            return {}
        return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}

    def save(self) -> None:
        """Write the configuration atomically."""
        atomic_write_text(self.path, tomli_w.dumps(self.data))
