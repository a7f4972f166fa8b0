"""Metadata the text itself states: labelled lines (发布时间, 来源, 网址, Published, Source, By),
a bare URL line, the title line; and a readable article id.

Only what the text says is taken; nothing is inferred (a date in a URL is not a publication
date). Labelled lines are short and sit at the top or the bottom of the article, where pages
put them; a body sentence that happens to start with a label word is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader.ingest_wrap import ends_sentence, is_list_item, is_wide_text

URL = re.compile(r"https?://[^\s<>\"'“”‘’（）()，。、]+", re.IGNORECASE)
_SEP = r"\s*[:：｜|丨]\s*"
_LABELS = {
    "published": r"发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|发表于|發表於|发布于|發佈於|日期|時間|时间"
    r"|published(?: on)?|posted(?: on)?|date",
    "outlet": r"来源|來源|出处|出處|source",
    "url": r"网址|網址|原文链接|原文鏈接|原文地址|原文|本文链接|本文鏈接|文章链接|链接|鏈接|url|link|original",
    "author": r"作者|记者|記者|撰文|文|author|written by",
}
_LABELLED = {
    key: re.compile(rf"^[(（\[【]?\s*(?:{pattern}){_SEP}(?P<value>.+?)\s*[)）\]】]?$", re.IGNORECASE)
    for key, pattern in _LABELS.items()
}
_BYLINE = re.compile(r"^(?:by|By|BY)\s+(?P<value>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&)){0,5})$")
_MAX_LABEL_LINE = 80  # characters, not counting a URL
_MAX_DATE_REST = 20  # characters a labelled date line may carry besides the date (a source name)
_EDGE = 6  # paragraphs from the top or bottom where unlabelled metadata may sit
_MAX_TITLE_WIDE = 64
_MAX_TITLE_WORDS = 25
_TITLE_BAD_ENDINGS = tuple("，,、：:；;—–-。")

_MONTHS = {
    name: n
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_HOST_SUFFIXES = frozenset(
    "com net org gov edu co ac cn hk tw mo sg uk jp kr io info biz me tv cc us de fr eu au ca in".split()
)  # fmt: skip


@dataclass
class FoundMeta:
    """Metadata found in the text, and the paragraphs it came from (removed from the body)."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, paragraph)


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    for pattern, order in ((_NUMERIC_DATE, "ymd"), (_MONTH_FIRST, "mdy"), (_DAY_FIRST, "dmy")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _month(parts["m"])
            try:
                return dt.date(int(parts["y"]), month or 0, int(parts["d"])).isoformat()
            except ValueError:
                continue
    return None


def extract_metadata(paragraphs: list[str]) -> tuple[list[str], FoundMeta]:
    """The paragraphs without metadata lines, and the metadata those lines state."""
    found = FoundMeta()
    kept: list[str] = []
    count = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        at_edge = index < _EDGE or index >= count - _EDGE
        reason = _take_metadata(paragraph, found, at_edge)
        if reason:
            found.removed.append((reason, paragraph))
        else:
            kept.append(paragraph)
    return _take_title(kept, found), found


def _take_metadata(paragraph: str, found: FoundMeta, at_edge: bool) -> str | None:
    """Record what a metadata paragraph states and return why it goes; None for body text."""
    urls = URL.findall(paragraph)
    if urls and not URL.sub("", paragraph).strip(" \t:：()（）<>[]"):
        found.url = found.url or urls[0]
        return "bare URL line (kept as url)"
    if len(URL.sub("", paragraph)) > _MAX_LABEL_LINE:
        return None
    for key, pattern in _LABELLED.items():
        match = pattern.match(paragraph)
        if match and (at_edge or key == "url") and _set_field(found, key, match.group("value")):
            return f"{key} line"
    byline = _BYLINE.match(paragraph)
    if byline and at_edge and found.author is None:
        found.author = byline.group("value")
        return "author line"
    if at_edge and _is_date_line(paragraph):
        found.published = found.published or parse_date(paragraph)
        return "date line"
    return None


def _set_field(found: FoundMeta, key: str, value: str) -> bool:
    """Store a labelled value when it is well-formed; False leaves the line in the body."""
    value = value.strip()
    if key == "published":
        date = parse_date(value)
        if not date or len(_without_dates(value)) > _MAX_DATE_REST:
            return False
        found.published = found.published or date
        return True
    if key == "url" or (key == "outlet" and URL.fullmatch(value)):
        urls = URL.findall(value)
        if not urls:
            return False
        found.url = found.url or urls[0]
        return True
    if URL.search(value) or ends_sentence(value) or len(value) > 40:
        return False
    if key == "outlet":
        found.outlet = found.outlet or value
    else:
        found.author = found.author or value
    return True


def _is_date_line(paragraph: str) -> bool:
    """A line that is a date (and perhaps a time) and nothing else."""
    return bool(parse_date(paragraph)) and not _without_dates(paragraph)


def _without_dates(text: str) -> str:
    """What is left of ``text`` without its dates and times (and the punctuation around them)."""
    rest = _TIME.sub("", _NUMERIC_DATE.sub("", _MONTH_FIRST.sub("", _DAY_FIRST.sub("", text))))
    return rest.strip(" \t,，|｜·-–—()（）")


def _take_title(paragraphs: list[str], found: FoundMeta) -> list[str]:
    """Read the title from the first paragraph when it looks like one.

    The headline stays the body's first paragraph: it is the outlet's text too, and its quotations
    and claims are quoted and compared like any other sentence.
    """
    if len(paragraphs) < 2 or not looks_like_title(paragraphs[0]):
        return paragraphs
    first, second = paragraphs[0], paragraphs[1]
    if len(second) < len(first) and first.startswith(second) and looks_like_title(second):
        # An image's alt text repeating the title, then the title itself.
        found.removed.append(("image alt text repeating the title", first))
        first, paragraphs = second, paragraphs[1:]
    found.title = first
    return [first, *paragraphs[1:]]


def looks_like_title(paragraph: str) -> bool:
    """Short, one sentence at most, and not cut off mid-sentence."""
    text = paragraph.strip()
    if not text or text.endswith(_TITLE_BAD_ENDINGS) or is_list_item(text) or URL.search(text):
        return False
    if is_wide_text([text]):
        return len(text) <= _MAX_TITLE_WIDE and not re.search(r"[。！？!?].", text)
    return len(text.split()) <= _MAX_TITLE_WORDS and not re.search(r"[.!?]\s+\S", text)


def article_id(
    *, url: str | None, outlet: str | None, stem: str, published: str | None, taken: set[str]
) -> str:
    """A readable id: the URL's site, else the outlet (romanised), else the file stem; plus the date."""
    base = (url and host_label(url)) or (outlet and romanise(outlet)) or slugify(stem) or "article"
    if published:
        base = f"{base}-{published}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def host_label(url: str) -> str | None:
    """The site's own name in a URL's host: ``www.nbd.com.cn`` gives ``nbd``."""
    host = (urlsplit(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    while len(labels) > 1 and labels[-1] in _HOST_SUFFIXES:
        labels.pop()
    return slugify(labels[-1]) if labels else None


def romanise(text: str) -> str:
    """A Latin slug of a name: Han characters in pinyin without tones, the rest slugified."""
    if any(unicodedata.east_asian_width(char) == "W" for char in text):
        from pypinyin import lazy_pinyin  # lazy: a large dictionary, needed only here

        text = "".join(lazy_pinyin(text))
    return slugify(text)


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _month(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return _MONTHS.get(value.lower())
