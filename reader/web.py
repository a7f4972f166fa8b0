"""Import from the web: fetch an http(s) page and extract its article text and metadata.

Fetching uses the standard library's urllib (redirects followed, a timeout, a size limit);
extraction uses trafilatura, which is made for news pages: it keeps the article's main text and
drops navigation, advertisements, comments and footers, and it copes with Chinese pages. Every
failure is one ReaderError line naming the problem. Nothing here writes files.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from reader import __version__
from reader.errors import ReaderError

if TYPE_CHECKING:
    from http.client import HTTPResponse

    from trafilatura.settings import Document

USER_AGENT = f"Mozilla/5.0 (compatible; reader/{__version__}; terminal news reader)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Servers that label HTML vaguely (or not at all) are accepted when the bytes look like HTML.
SNIFFED_TYPES = ("", "text/plain", "application/octet-stream")
MIN_ARTICLE_CHARS = 40  # non-space characters; fewer is a stub, an error page or a paywall teaser
_CHUNK = 64 * 1024
_REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
    "Accept-Language": "zh-CN,zh-TW;q=0.9,zh;q=0.8,en;q=0.7",
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: its raw bytes, the url after redirects and the Content-Type header."""

    data: bytes
    url: str
    content_type: str


@dataclass(frozen=True)
class Extracted:
    """A page's article: main text (paragraphs separated by blank lines) and declared metadata."""

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None


def is_url(source: str) -> bool:
    """True when SOURCE is an http(s) URL with a host (anything else is treated as a file)."""
    try:
        parts = urlsplit(source.strip())
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 10_000_000) -> Fetched:
    """Download an HTML page, following redirects; ReaderError with one line on any failure."""
    if not is_url(url):
        raise ReaderError(f"not a valid http(s) URL: {url}")
    deadline = time.monotonic() + timeout
    try:
        request = urllib.request.Request(_ascii_url(url), headers=_REQUEST_HEADERS)
        with _OPENER.open(request, timeout=timeout) as response:
            return _read_page(response, url, max_bytes, deadline)
    except urllib.error.HTTPError as exc:
        raise ReaderError(f"HTTP {exc.code} {_status_phrase(exc)} for {url}") from None
    except urllib.error.URLError as exc:
        raise _network_error(exc.reason, url, timeout) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(exc, url, timeout) from None
    except ValueError as exc:
        raise ReaderError(f"not a valid http(s) URL: {url} ({exc})") from None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): a web page must not lead the fetch to ftp or elsewhere."""

    def redirect_request(
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: object, newurl: str
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise ReaderError(f"{req.full_url} redirects to a non-http(s) address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def _ascii_url(url: str) -> str:
    """An internationalised address (Chinese path or host) in the ASCII form HTTP requires."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
        except UnicodeError:
            raise ReaderError(f"not a valid http(s) URL: {url}") from None
        netloc = f"{host}:{parts.port}" if parts.port else host
    safe = "/%:@!$&'()*+,;=?~-._"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), ""))


def _read_page(response: HTTPResponse, url: str, max_bytes: int, deadline: float) -> Fetched:
    content_type = response.headers.get("Content-Type", "").strip()
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES and media_type not in SNIFFED_TYPES:
        raise ReaderError(f"{url} is {media_type}, not an HTML page")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)
    data = _read_limited(response, url, max_bytes, deadline)
    data = _decompressed(data, response.headers.get("Content-Encoding", ""), url, max_bytes)
    if media_type not in HTML_TYPES:
        if not _HTML_START.match(data[:2048]):
            raise ReaderError(f"{url} is {media_type or 'of unknown type'}, not an HTML page")
        content_type = "text/html"
    return Fetched(data=data, url=response.geturl(), content_type=content_type)


def _read_limited(response: HTTPResponse, url: str, max_bytes: int, deadline: float) -> bytes:
    """The body, refusing more than MAX_BYTES and giving up at the overall deadline."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        if time.monotonic() > deadline:
            raise TimeoutError("read timed out")
        chunks.append(chunk)
    return b"".join(chunks)


def _decompressed(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate transfer compression without letting it expand past MAX_BYTES."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ReaderError(f"{url} uses an unsupported content encoding: {encoding}")
    wbits = zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        body = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        if encoding != "deflate":
            raise ReaderError(f"{url} sent a corrupt compressed body") from None
        body = zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, max_bytes + 1)  # raw deflate
    if len(body) > max_bytes:
        raise _too_large(url, max_bytes)
    return body


def _too_large(url: str, max_bytes: int) -> ReaderError:
    return ReaderError(f"{url} is larger than the {_size(max_bytes)} limit")


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB" if n >= 1000 else f"{n} bytes"


def _status_phrase(exc: urllib.error.HTTPError) -> str:
    reason = str(exc.reason or "").strip()
    if reason and "\n" not in reason:
        return reason
    try:
        return HTTPStatus(exc.code).phrase
    except ValueError:
        return "error"


def _network_error(reason: object, url: str, timeout: float) -> ReaderError:
    """One line for a connection-level failure, naming the host or url."""
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(reason, http.client.InvalidURL):
        return ReaderError(f"not a valid http(s) URL: {url}")
    if isinstance(reason, socket.gaierror):
        return ReaderError(f"cannot resolve host {host}")
    if isinstance(reason, ConnectionRefusedError):
        return ReaderError(f"connection refused by {parts.netloc or host}")
    if isinstance(reason, TimeoutError):
        return ReaderError(f"timed out after {timeout:g} s fetching {url}")
    if isinstance(reason, ssl.SSLError):
        return ReaderError(f"TLS error talking to {host}: {getattr(reason, 'reason', None) or reason}")
    if isinstance(reason, ConnectionError | http.client.HTTPException):
        return ReaderError(f"connection to {host} failed: {type(reason).__name__}")
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return ReaderError(f"cannot fetch {url}: {detail}")


def extract_html(data: bytes, url: str | None = None, *, content_type: str | None = None) -> Extracted:
    """The article in an HTML page: main text without debris, plus the metadata the page declares.

    The bytes are decoded by CONTENT_TYPE's charset (when given, e.g. ``Fetched.content_type``),
    else the page's meta charset, else detection. Raises ReaderError when no article text is found.
    """
    from reader.web_page import decode_html, page_metadata, parse_tree

    where = url or "the page"
    html = decode_html(data, content_type)
    tree = parse_tree(html)
    if tree is None:
        raise ReaderError(f"no article text found in {where} (not an HTML page)")
    meta = page_metadata(tree, url)
    document = _main_text(html, url)
    title = meta.title or _attribute(document, "title")
    headlines = [title, *(h1.text_content() for h1 in tree.iter("h1"))]
    text = _without_heading(_paragraphs(document.text if document is not None else ""), headlines)
    if len(re.sub(r"\s+", "", text)) < MIN_ARTICLE_CHARS:
        raise ReaderError(f"no article text found in {where}")
    return Extracted(
        text=text,
        title=title,
        outlet=meta.outlet,
        author=meta.author or _attribute(document, "author"),
        published=meta.published or _iso(_attribute(document, "date")),
        url=meta.url,
    )


def _main_text(html: str, url: str | None) -> Document | None:
    """Trafilatura's extraction: precise first, then more permissive passes while too little is found.

    Tables are left out: on older Chinese sites they are mostly page layout (a precise pass
    would keep a navigation table), and trafilatura writes the others as Markdown pipes.
    """
    from trafilatura import bare_extraction

    common = {
        "url": url,
        "include_comments": False,
        "include_tables": False,
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "with_metadata": True,
        # Only dates the page marks up, never one guessed from the running text.
        "date_extraction_params": {"extensive_search": False, "original_date": True},
    }
    found = None
    for bias in ({"favor_precision": True}, {}, {"favor_recall": True}):
        found = bare_extraction(html, **bias, **common) or found
        if found is not None and _enough(found.text):
            return found
    return found


def _enough(text: str | None) -> bool:
    return len(re.sub(r"\s+", "", text or "")) >= MIN_ARTICLE_CHARS


def _paragraphs(text: str) -> str:
    """One paragraph per line becomes paragraphs separated by blank lines, spaces tidied."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _without_heading(text: str, headlines: list[str | None]) -> str:
    """The body without a leading headline (the title is stored apart from the body)."""
    first, _, rest = text.partition("\n\n")
    if rest and _folded(first) in {_folded(h) for h in headlines if h}:
        return rest
    return text


def _folded(text: str) -> str:
    return "".join(text.split()).casefold()


def _attribute(document: object, name: str) -> str | None:
    value = getattr(document, name, None) if document is not None else None
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _iso(value: str | None) -> str | None:
    from reader.web_page import iso_date

    return iso_date(value)
