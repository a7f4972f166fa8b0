"""Reading an HTML page itself: decoding its bytes and the metadata its markup declares.

Metadata is taken only from what the page states (Open Graph, JSON-LD, meta tags, ``<time>``);
anything the page does not say stays ``None`` rather than being guessed from the host name.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

# Legacy labels are decoded with their superset codecs, as browsers do (WHATWG Encoding).
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "big5hkscs": ("big5hkscs", "cp950"),
    "latin-1": ("cp1252",),
    "iso8859-1": ("cp1252",),
    "ascii": ("cp1252",),
    # A page that says UTF-16 in an ASCII-readable meta tag cannot really be UTF-16.
    "utf-16": ("utf-8",),
    "utf-16-le": ("utf-8",),
    "utf-16-be": ("utf-8",),
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its mark begins with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MAX_REPLACED_SHARE = 0.001  # a few broken bytes in a declared charset are tolerated, not a wrong charset

_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " · ", "_", " :: ", "｜", "－")
_ARTICLE_TYPES = ("article", "posting", "report")
_DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup says about the article; None where it says nothing."""

    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: byte-order mark, then HTTP charset, then meta charset, then detection."""
    for codec in _declared_codecs(data, content_type):
        text = _decode_tolerantly(data, codec)
        if text is not None:
            return _XML_DECLARATION.sub("", text, count=1)
    try:
        return _XML_DECLARATION.sub("", data.decode("utf-8"), count=1)
    except UnicodeDecodeError:
        pass
    return _XML_DECLARATION.sub("", _detected_text(data), count=1)


def _declared_codecs(data: bytes, content_type: str | None) -> Iterator[str]:
    """Codecs the bytes themselves or their HTTP header declare, most authoritative first."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            yield codec
            break
    head = data[:8192]  # some pages put long scripts before their meta charset
    labels = [
        _first_group(_HTTP_CHARSET.search(content_type or "")),
        _first_group(_XML_ENCODING.search(head)),
        _first_group(_META_CHARSET.search(head)),
    ]
    for label in labels:
        if label:
            yield from _codecs_for(label if isinstance(label, str) else label.decode("ascii", "replace"))


def _first_group(match: re.Match | None) -> Any:
    return match.group(1) if match else None


def _codecs_for(label: str) -> tuple[str, ...]:
    """Python codecs for a charset label; unknown labels give none."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return ()
    return _SUPERSETS.get(name, (name,))


def _decode_tolerantly(data: bytes, codec: str) -> str | None:
    """Decode strictly, or with replacements when only a tiny share of the bytes is broken."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        broken = text.count("\ufffd")
        return text if broken <= max(2, len(text) * _MAX_REPLACED_SHARE) else None


def _detected_text(data: bytes) -> str:
    """Undeclared, non-UTF-8 bytes: the importer's detector picks among plausible news encodings."""
    from reader.ingest_decode import detect_encoding

    encoding = detect_encoding(data) or "utf-8"
    return data.decode(encoding, errors="replace")


def parse_tree(html: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree, or None when it is not parseable HTML."""
    try:
        return lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return None


def page_metadata(tree: lxml_html.HtmlElement, url: str | None) -> PageMeta:
    """Title, outlet, author, published date and canonical url as the page declares them."""
    metas = _meta_values(tree)
    ld = _json_ld_article(tree)
    outlet = _first(metas.get("og:site_name"), _name_of(ld.get("publisher")))
    title = _first(metas.get("og:title"), _text(ld.get("headline")), _title_element(tree))
    return PageMeta(
        title=_without_site_suffix(title, outlet) if title else None,
        outlet=outlet,
        author=_author(metas, ld),
        published=_published(tree, metas, ld),
        url=_canonical_url(tree, metas, url),
    )


def _meta_values(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """First non-empty content of each meta property/name/itemprop, keys lower-cased."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                values.setdefault(key, content)
    return values


def _json_ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """The page's JSON-LD article object (NewsArticle, BlogPosting, ...), else the first with a date."""
    objects = [obj for script in tree.xpath("//script") for obj in _json_ld_objects(script)]
    for obj in objects:
        types = obj.get("@type")
        names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        if any(isinstance(n, str) and any(t in n.lower() for t in _ARTICLE_TYPES) for n in names):
            return obj
    return next((obj for obj in objects if "datePublished" in obj), {})


def _json_ld_objects(script: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    if (script.get("type") or "").strip().lower() != "application/ld+json":
        return
    try:
        data = json.loads(script.text or "", strict=False)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            stack.extend(v for k, v in item.items() if k == "@graph" or k == "mainEntity")


def _name_of(value: Any) -> str | None:
    """A JSON-LD person or organisation name: a string, {"name": ...} or a list of them."""
    if isinstance(value, list):
        names = [name for name in (_name_of(v) for v in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value) if isinstance(value, str) and not _looks_like_url(value) else None


def _text(value: Any) -> str | None:
    return _clean(value) if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    """Whitespace collapsed; empty strings become None."""
    if not value:
        return None
    return " ".join(value.split()) or None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _looks_like_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://", "//", "www."))


def _title_element(tree: lxml_html.HtmlElement) -> str | None:
    titles = tree.xpath("//title")
    return _clean(titles[0].text_content()) if titles else None


def _without_site_suffix(title: str, outlet: str | None) -> str:
    """Drop a trailing " - Site" only when it is exactly the outlet's name."""
    if not outlet:
        return title
    folded_outlet = outlet.casefold()
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == folded_outlet:
            return head.strip()
    return title


def _author(metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    declared = [metas.get("author"), metas.get("article:author"), metas.get("dc.creator")]
    named = [v for v in declared if v and not _looks_like_url(v)]
    return _first(*named, _name_of(ld.get("author")), _byline(metas.get("byl")))


def _byline(value: str | None) -> str | None:
    return _clean(re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE)) if value else None


def _published(tree: lxml_html.HtmlElement, metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    """The publication date as YYYY-MM-DD from meta tags, JSON-LD, then <time datetime>."""
    candidates = [metas.get(key) for key in _DATE_META_KEYS[:3]]
    candidates.append(_text(ld.get("datePublished")))
    candidates.extend(metas.get(key) for key in _DATE_META_KEYS[3:])
    candidates.extend(_time_datetimes(tree))
    return next((iso for iso in map(iso_date, candidates) if iso), None)


def _time_datetimes(tree: lxml_html.HtmlElement) -> list[str]:
    """<time datetime> values, the ones marked as publication or inside the article first."""
    marked = tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']/@datetime")
    in_article = tree.xpath("//article//time[@datetime]/@datetime")
    anywhere = tree.xpath("//time[@datetime]/@datetime")
    return [str(v) for v in (*marked, *in_article, *anywhere)]


_ISO_LIKE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")


def iso_date(value: str | None) -> str | None:
    """A date string of common web forms as YYYY-MM-DD (the date as written, no time-zone shift)."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_LIKE.search(value) or _COMPACT.match(value)
    if match:
        return _valid_date(*(int(g) for g in match.groups()))
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _canonical_url(tree: lxml_html.HtmlElement, metas: dict[str, str], url: str | None) -> str | None:
    """<link rel=canonical>, else og:url, else the url the page came from (http(s) only)."""
    links = tree.xpath("//link[@href][contains(concat(' ', normalize-space(translate(@rel,"
                       "'CANONICAL','canonical')), ' '), ' canonical ')]/@href")
    for candidate in (*[str(h) for h in links], metas.get("og:url")):
        if candidate and candidate.strip():
            absolute = urljoin(url or "", candidate.strip())
            if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
                return absolute
    return url
