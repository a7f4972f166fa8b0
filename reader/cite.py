"""Citations of an article (optionally with a quotation) in five styles.

- ``gbt7714``: GB/T 7714-2015, electronic resource:
  ``作者. 题名[EB/OL]. 出版者, (发表日期)[引用日期]. URL.`` The standard writes its
  separators as ``. `` and ``, `` in Chinese references too, so those are kept; quotes use “”.
- ``apa``: APA 7, a news article on a website: ``Author. (2025, September 9). Title. Site. URL``;
  without an author the title takes the author's place, without a date ``(n.d.)`` and a
  "Retrieved …, from URL" when there is a URL.
- ``mla``: MLA 9: ``Author. “Title.” Site, 9 Sept. 2025, url. Accessed 21 Nov. 2025.`` (the
  access date only when there is no publication date, as MLA advises).
- ``chicago``: notes-bibliography, the bibliography entry: ``Author. “Title.” Site, September 9,
  2025. URL.``; an unsigned news article lists the outlet first; undated, "Accessed …".
- ``markdown``: ``> quote`` then ``— outlet, “title”, date, <url>``.

Missing fields are left out with their punctuation: nothing prints None, empty brackets or
doubled punctuation. A quote shown in another script than the article's says so.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.models import Article

STYLES = ("gbt7714", "apa", "mla", "chicago", "markdown")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_END_MARKS = ".?!。？！"
_SCRIPT_NAMES_ZH = {
    "zh-Hans": "简体", "zh-Hant": "繁体", "hans": "简体", "hant": "繁体", "tw": "繁体（台湾）", "hk": "繁体（香港）",
}  # fmt: skip
_SCRIPT_NAMES_EN = {
    "zh-Hans": "simplified Chinese",
    "zh-Hant": "traditional Chinese",
    "hans": "simplified Chinese",
    "hant": "traditional Chinese",
    "tw": "traditional Chinese (Taiwan)",
    "hk": "traditional Chinese (Hong Kong)",
}


def format_citation(
    article: Article,
    style: str,
    quote: str | None = None,
    shown_script: str = "original",
    accessed: str | None = None,
) -> str:
    """The citation of ``article`` in ``style``; with ``quote``, the quotation comes first."""
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (styles: {', '.join(STYLES)})")
    when = _accessed_date(article, accessed)
    quote = " ".join(quote.split()) if quote and quote.strip() else None
    note = script_note(article, shown_script, chinese=(style == "gbt7714")) if quote else None
    if style == "markdown":
        return _markdown(article, quote, note)
    reference = {"gbt7714": _gbt7714, "apa": _apa, "mla": _mla, "chicago": _chicago}[style](article, when)
    lines = []
    if quote:
        lines.append(f"“{quote}”{_in_text(article, style)}")
    lines.append(reference)
    if note:
        lines.append(f"（{note}）" if style == "gbt7714" else note)
    return "\n".join(lines)


def script_note(article: Article, shown_script: str, chinese: bool) -> str | None:
    """A note when a Chinese quote is shown in another script than the article's, else None."""
    original = article.language or ""
    shown = str(shown_script or "original")
    if not original.startswith("zh") or shown == "original":
        return None
    if (original == "zh-Hans") == (shown == "hans"):
        return None  # same script: simplified shown as simplified, traditional as a traditional variant
    if chinese:
        return f"原文为{_SCRIPT_NAMES_ZH[original]}，经 OpenCC 转换为{_SCRIPT_NAMES_ZH[shown]}"
    return f"Converted from {_SCRIPT_NAMES_EN[original]} to {_SCRIPT_NAMES_EN[shown]} with OpenCC."


# ---------------------------------------------------------------- styles


def _gbt7714(article: Article, accessed: dt.date) -> str:
    parts = []
    if article.author:
        parts.append(_end(article.author, "."))
    parts.append(f"{_strip_end(_title(article))}[EB/OL].")
    dates = f"({article.published})" if article.published else ""
    dates += f"[{accessed.isoformat()}]"
    parts.append(f"{article.outlet}, {dates}." if article.outlet else f"{dates}.")
    if article.url:
        parts.append(_end(article.url, "."))
    return " ".join(parts)


def _apa(article: Article, accessed: dt.date) -> str:
    published = _parse_date(article.published)
    date = f"({_apa_date(published, article.published)})" if article.published else "(n.d.)"
    title = _end(_title(article), ".")
    parts = [_end(article.author, "."), date + ".", title] if article.author else [title, date + "."]
    if article.outlet:
        parts.append(_end(article.outlet, "."))
    if article.url:
        parts.append(f"Retrieved {_long_date(accessed)}, from {article.url}" if not article.published else article.url)
    return " ".join(parts)


def _mla(article: Article, accessed: dt.date) -> str:
    parts = []
    if article.author:
        parts.append(_end(article.author, "."))
    container = [article.outlet] if article.outlet else []
    published = _parse_date(article.published)
    if article.published:
        container.append(_mla_date(published) if published else article.published)
    if article.url:
        container.append(re.sub(r"^https?://", "", article.url))
    title = _quoted_title(_title(article), "," if container else ".")
    parts.append(title)
    if container:
        parts.append(_end(", ".join(container), "."))
    if not article.published:
        parts.append(f"Accessed {_mla_date(accessed)}.")
    return " ".join(parts)


def _chicago(article: Article, accessed: dt.date) -> str:
    published = _parse_date(article.published)
    lead = article.author or article.outlet
    parts = [_end(lead, ".")] if lead else []
    after_title = []
    if article.author and article.outlet:
        after_title.append(article.outlet)
    if article.published:
        after_title.append(_long_date(published) if published else article.published)
    parts.append(_quoted_title(_title(article), "," if after_title else "."))
    if after_title:
        parts.append(_end(", ".join(after_title), "."))
    if not article.published:
        parts.append(f"Accessed {_long_date(accessed)}.")
    if article.url:
        parts.append(_end(article.url, "."))
    return " ".join(parts)


def _markdown(article: Article, quote: str | None, note: str | None) -> str:
    attribution = [x for x in (article.author, article.outlet) if x]
    attribution.append(f"“{_nested(_title(article))}”")
    if article.published:
        attribution.append(article.published)
    if article.url:
        attribution.append(f"<{article.url}>")
    lines = [f"> {_markdown_safe(quote)}", ">"] if quote else []
    lines.append(("> " if quote else "") + "— " + ", ".join(attribution))
    if note:
        lines.append(f"> _{note}_" if quote else f"_{note}_")
    return "\n".join(lines)


def _in_text(article: Article, style: str) -> str:
    """The parenthetical after a quotation: (Author, 2025) in APA, (Author) in MLA."""
    year = (article.published or "")[:4]
    if style == "apa":
        who = article.author or _short_title(article)
        return f" ({who}, {year or 'n.d.'})"
    if style == "mla":
        return f" ({article.author or _short_title(article)})"
    return ""


# ---------------------------------------------------------------- helpers


def _title(article: Article) -> str:
    """The title; an untitled article is named by its opening words, as the styles advise."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first_line = next((line.strip() for line in article.body.splitlines() if line.strip()), "")
    if not first_line:
        return article.id
    opening = first_line[:30].rstrip(" ,，、—-:：")
    return opening if opening == first_line else opening + "…"


def _nested(title: str) -> str:
    """Double quotation marks inside a quoted title become single ones (“雷军挥泪‘斩’王腾”)."""
    return title.replace("“", "‘").replace("”", "’").replace('"', "'")


def _short_title(article: Article) -> str:
    words = _title(article).split()
    short = " ".join(words[:4]) if len(words) > 1 else _title(article)[:12]
    return f"“{_nested(_strip_end(short))}”"


def _end(text: str, mark: str) -> str:
    """``text`` ending with ``mark``, unless it already ends with sentence punctuation."""
    text = text.strip()
    return text if text.endswith(tuple(_END_MARKS)) else text + mark


def _strip_end(text: str) -> str:
    return text.strip().rstrip(".。")


def _quoted_title(title: str, mark: str) -> str:
    """“Title,” or “Title.” with the mark inside the quotes; a title ending in ? keeps only that."""
    title = _nested(title.strip())
    return f"“{title}”" if title.endswith(tuple(_END_MARKS)) else f"“{title}{mark}”"


def _markdown_safe(text: str) -> str:
    """One line, with Markdown's line-start markers escaped, so the article text stays text."""
    text = " ".join(text.split())
    return re.sub(r"^([#>*+\-]|\d+\.)", r"\\\1", text)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _accessed_date(article: Article, accessed: str | None) -> dt.date:
    for value in (accessed, article.imported):
        parsed = _parse_date(value)
        if parsed:
            return parsed
    return dt.date.today()


def _apa_date(date: dt.date | None, raw: str | None) -> str:
    return f"{date.year}, {_MONTHS[date.month - 1]} {date.day}" if date else str(raw)


def _long_date(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def _mla_date(date: dt.date) -> str:
    return f"{date.day} {_MLA_MONTHS[date.month - 1]} {date.year}"
