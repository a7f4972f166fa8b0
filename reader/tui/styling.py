"""Core spans to Rich styles: article text becomes ``rich.text.Text`` built from plain strings.

Article text is data: it never goes through markup, and control characters are shown as
visible replacement characters (same length, so offsets still hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rich.style import Style
from rich.text import Text

# Later roles are applied on top of earlier ones.
ROLE_ORDER = (
    "headline",
    "conflict",
    "cursor",
    "term",
    "speech",
    "ambiguous",
    "match",
    "quote-current",
    "match-current",
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
BADGES = {"zh-Hans": "简", "zh-Hant": "繁", "en": "en"}


def safe(text: str) -> str:
    """The text with terminal control characters replaced one for one by U+FFFD."""
    return _CONTROL.sub("\ufffd", text)


def plain(text: str, style: Style | str = "") -> Text:
    """A Text of data (never markup)."""
    return Text(safe(text), style=style)


def styled_line(
    text: str, offset: int, spans: Iterable[tuple[int, int, str]], styles: Mapping[str, Style], base: Style
) -> Text:
    """One line ``text`` starting at ``offset`` of its block, with the spans that touch it styled."""
    line = Text(safe(text), style=base, no_wrap=True, end="")
    end = offset + len(text)
    rank = {role: i for i, role in enumerate(ROLE_ORDER)}
    for start, stop, role in sorted(spans, key=lambda s: rank.get(s[2], -1)):
        style = styles.get(role)
        if style is None:
            continue
        left, right = max(start, offset), min(stop, end)
        if left < right:
            line.stylize(style, left - offset, right - offset)
    return line


def badge(language: str | None) -> str:
    """The script badge of an article: 简, 繁, en, or ? when unknown."""
    return BADGES.get(language or "", "?")


def marked(text: str, start: int, end: int, style: Style | str) -> Text:
    """A plain text with one span styled (a search snippet, a value in a sentence)."""
    out = plain(text)
    if 0 <= start < end <= len(text):
        out.stylize(style, start, end)
    return out
