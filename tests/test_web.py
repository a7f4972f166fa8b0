"""Web import: fetching over HTTP (a local server on 127.0.0.1 only) and article extraction."""

from __future__ import annotations

import gzip
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import webpages as pages
from webpages import LocalSite, Route, html_route, local_site, redirect_route

from reader.errors import ReaderError
from reader.web import Extracted, Fetched, extract_html, fetch, is_url
from reader.web_page import decode_html, iso_date

HUGE_LIMIT = 50_000


def _routes() -> dict[str, Route]:
    huge = b"<html><body>" + b"<p>" + b"x" * (HUGE_LIMIT * 3) + b"</p></body></html>"
    return {
        "/zh/article.html": html_route(pages.chinese_news_page()),
        "/en/article.html": html_route(pages.english_news_page()),
        "/legacy.html": html_route(pages.legacy_chinese_page("gb18030"), "text/html"),
        "/old-link": redirect_route("/en/article.html"),
        "/logo.png": Route(body=pages.png_bytes(), headers={"Content-Type": "image/png"}),
        "/huge.html": html_route(huge),
        "/huge-unsized.html": Route(body=huge, headers={"Content-Type": "text/html"}, send_length=False),
        "/slow.html": Route(body=pages.english_news_page(), headers={"Content-Type": "text/html"}, delay=2.0),
        "/gzipped.html": Route(body=gzip.compress(pages.english_news_page()),
                               headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "/untyped.html": Route(body=pages.english_news_page()),
        "/notes.txt": Route(body=b"just some plain notes\n" * 10, headers={"Content-Type": "text/plain"}),
        "/welcome.html": html_route(pages.stub_page()),
        "/%E6%96%B0%E9%97%BB/article.html": html_route(pages.chinese_news_page()),
        "/to-ftp": redirect_route("ftp://127.0.0.1/article.html"),
    }


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    with local_site(_routes()) as running:
        yield running


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests must go straight to 127.0.0.1, never through a proxy from the environment."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def _error(call, *args, **kwargs) -> str:
    with pytest.raises(ReaderError) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message and message.strip() == message
    return message


def _fetch_and_extract(url: str) -> tuple[Fetched, Extracted]:
    fetched = fetch(url, timeout=5)
    return fetched, extract_html(fetched.data, fetched.url, content_type=fetched.content_type)


def _assert_clean_body(text: str, paragraphs: tuple[str, ...], debris: tuple[str, ...]) -> None:
    for paragraph in paragraphs:
        assert paragraph in text
    for junk in debris:
        assert junk not in text
    assert "\n\n".join(paragraphs) in text, "paragraphs are separated by one blank line"


# --- is_url ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["http://example.com/a.html", "HTTPS://example.com", "https://127.0.0.1:8/x"])
def test_is_url_accepts_http_and_https(source: str) -> None:
    assert is_url(source)


@pytest.mark.parametrize("source", [
    "article.html", "../news/a.html", "ftp://example.com/a", "file:///news/a.html", "http://", "http://[::1/a",
    "http://:80/a", "C:\\news\\a.html", "mailto:someone@example.com",
])
def test_is_url_rejects_files_and_other_schemes(source: str) -> None:
    assert not is_url(source)


def test_fetch_refuses_non_http_schemes() -> None:
    assert _error(fetch, "file:///news/a.html") == "not a valid http(s) URL: file:///news/a.html"


# --- pages served over HTTP -----------------------------------------------------------------------


def test_chinese_news_page_gives_article_and_metadata(site: LocalSite) -> None:
    fetched, article = _fetch_and_extract(site.url("/zh/article.html"))
    assert fetched.url == site.url("/zh/article.html")
    assert fetched.content_type.startswith("text/html")
    assert article.title == pages.CN_TITLE  # the "_江南晨报" suffix of <title> is the site name: dropped
    assert article.outlet == pages.CN_OUTLET
    assert article.author == pages.CN_AUTHOR
    assert article.published == pages.CN_PUBLISHED
    assert article.url == pages.CN_CANONICAL
    _assert_clean_body(article.text, pages.CN_PARAGRAPHS, pages.CN_DEBRIS)
    assert article.text.startswith(pages.CN_PARAGRAPHS[0]), "the headline is not repeated in the body"


def test_english_news_page_gives_article_and_metadata(site: LocalSite) -> None:
    _, article = _fetch_and_extract(site.url("/en/article.html"))
    assert article.title == pages.EN_TITLE
    assert article.outlet == pages.EN_OUTLET
    assert article.author == pages.EN_AUTHOR
    assert article.published == pages.EN_PUBLISHED
    assert article.url == pages.EN_CANONICAL  # rel=canonical wins over og:url with tracking
    _assert_clean_body(article.text, pages.EN_PARAGRAPHS, pages.EN_DEBRIS)


def test_requests_carry_a_user_agent(site: LocalSite) -> None:
    fetch(site.url("/en/article.html"), timeout=5)
    agents = [agent for path, agent in site.requests if path == "/en/article.html"]
    assert agents and agents[-1].startswith("Mozilla/5.0 (compatible; reader/")


def test_gb18030_page_declared_only_in_meta_tag(site: LocalSite) -> None:
    fetched, article = _fetch_and_extract(site.url("/legacy.html"))
    assert "charset" not in fetched.content_type
    assert article.title == pages.LEGACY_TITLE
    _assert_clean_body(article.text, pages.LEGACY_PARAGRAPHS, ("Home", "Copyright"))
    assert "𠮷" in article.text  # a four-byte GB18030 character, outside GBK


def test_redirect_is_followed_to_the_article(site: LocalSite) -> None:
    fetched, article = _fetch_and_extract(site.url("/old-link"))
    assert fetched.url == site.url("/en/article.html")
    assert article.title == pages.EN_TITLE


def test_gzip_body_is_decompressed(site: LocalSite) -> None:
    _, article = _fetch_and_extract(site.url("/gzipped.html"))
    assert article.title == pages.EN_TITLE


def test_html_served_without_content_type_is_recognised(site: LocalSite) -> None:
    fetched, article = _fetch_and_extract(site.url("/untyped.html"))
    assert fetched.content_type == "text/html"
    assert article.outlet == pages.EN_OUTLET


def test_chinese_path_is_sent_percent_encoded(site: LocalSite) -> None:
    fetched = fetch(site.url("/新闻/article.html"), timeout=5)
    assert fetched.url == site.url("/%E6%96%B0%E9%97%BB/article.html")


# --- fetch errors: one line naming the problem ----------------------------------------------------


def test_http_404_is_named(site: LocalSite) -> None:
    url = site.url("/missing.html")
    assert _error(fetch, url, timeout=5) == f"HTTP 404 Not Found for {url}"


def test_image_is_not_an_html_page(site: LocalSite) -> None:
    url = site.url("/logo.png")
    assert _error(fetch, url, timeout=5) == f"{url} is image/png, not an HTML page"


def test_plain_text_is_not_an_html_page(site: LocalSite) -> None:
    assert "is text/plain, not an HTML page" in _error(fetch, site.url("/notes.txt"), timeout=5)


@pytest.mark.parametrize("path", ["/huge.html", "/huge-unsized.html"])
def test_page_over_the_size_limit_is_refused(site: LocalSite, path: str) -> None:
    message = _error(fetch, site.url(path), timeout=5, max_bytes=HUGE_LIMIT)
    assert message == f"{site.url(path)} is larger than the 50 kB limit"


def test_redirect_away_from_http_is_refused(site: LocalSite) -> None:
    message = _error(fetch, site.url("/to-ftp"), timeout=5)
    assert message == f"{site.url('/to-ftp')} redirects to a non-http(s) address: ftp://127.0.0.1/article.html"


@pytest.mark.parametrize("url", ["http://127.0.0.1:notaport/a.html", "http://[::1/a.html"])
def test_malformed_url(url: str) -> None:
    assert _error(fetch, url).startswith(f"not a valid http(s) URL: {url}")


def test_slow_server_times_out(site: LocalSite) -> None:
    message = _error(fetch, site.url("/slow.html"), timeout=0.3)
    assert message.startswith("timed out after 0.3 s fetching http://127.0.0.1:")


def test_refused_connection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert _error(fetch, f"http://127.0.0.1:{port}/a.html", timeout=5) == f"connection refused by 127.0.0.1:{port}"


def _resolves_quickly_to_failure(host: str, seconds: float = 3.0) -> bool:
    """Whether the resolver answers 'no such host' for HOST within SECONDS (it should: RFC 6761)."""
    outcome: list[bool] = []

    def resolve() -> None:
        try:
            socket.getaddrinfo(host, 80)
            outcome.append(False)
        except OSError:
            outcome.append(True)

    thread = threading.Thread(target=resolve, daemon=True)
    thread.start()
    thread.join(seconds)
    return bool(outcome and outcome[0])


def test_unknown_host() -> None:
    host = "news.reader-test.invalid"
    if not _resolves_quickly_to_failure(host):
        pytest.skip("this machine's resolver does not fail fast on the reserved .invalid domain")
    assert _error(fetch, f"http://{host}/article.html", timeout=5) == f"cannot resolve host {host}"


def test_page_without_article_text(site: LocalSite) -> None:
    fetched = fetch(site.url("/welcome.html"), timeout=5)
    message = _error(extract_html, fetched.data, fetched.url)
    assert message == f"no article text found in {site.url('/welcome.html')}"


def test_empty_bytes_have_no_article_text() -> None:
    assert _error(extract_html, b"").startswith("no article text found")


@pytest.mark.parametrize("article_in_table", [False, True])
def test_old_style_layout_keeps_article_and_drops_navigation_table(article_in_table: bool) -> None:
    article = extract_html(pages.old_style_page(article_in_table))
    _assert_clean_body(article.text, pages.LEGACY_PARAGRAPHS, ("网站首页", "栏目一", "Copyright", "|"))


# --- decoding -------------------------------------------------------------------------------------


def test_gb2312_label_is_read_as_its_superset_gb18030() -> None:
    article = extract_html(pages.legacy_chinese_page("gb18030").replace(b"charset=gb18030", b"charset=gb2312"))
    assert "𠮷" in article.text


def test_big5_page_declared_in_meta_tag() -> None:
    article = extract_html(pages.legacy_chinese_page("big5", pages.BIG5_PARAGRAPHS, pages.BIG5_TITLE))
    assert article.title == pages.BIG5_TITLE
    _assert_clean_body(article.text, pages.BIG5_PARAGRAPHS, ("Home",))


def test_http_charset_wins_over_a_wrong_meta_tag() -> None:
    # Big5 bytes also decode, as nonsense, in the GB family the meta tag names.
    data = pages.legacy_chinese_page("big5", pages.BIG5_PARAGRAPHS, pages.BIG5_TITLE)
    data = data.replace(b"charset=big5", b"charset=gb2312")
    article = extract_html(data, content_type="text/html; charset=Big5")
    assert pages.BIG5_PARAGRAPHS[0] in article.text


def test_undeclared_legacy_encoding_is_detected() -> None:
    data = pages.legacy_chinese_page("gb18030").replace(b'charset=gb18030"', b'"')
    assert b"charset" not in data
    assert pages.LEGACY_PARAGRAPHS[1] in decode_html(data)


@pytest.mark.parametrize("declaration", [
    '<?xml version="1.0" encoding="koi8-r"?>\n<html><head>',
    '<html><head><meta charset="KOI8-R">',
    '<html><head><meta http-equiv="content-type" content="text/html; charset=koi8-r">',
])
def test_declared_encoding_is_honoured(declaration: str) -> None:
    # KOI8-R is not among the encodings detection considers: only the declaration tells it.
    data = f"{declaration}</head><body><p>Новости</p></body></html>".encode("koi8-r")
    text = decode_html(data)
    assert "Новости" in text and "<?xml" not in text


def test_byte_order_mark_decides() -> None:
    data = "\ufeff<html><head><meta charset='gbk'></head><body>新闻</body></html>".encode("utf-8")
    assert "新闻" in decode_html(data)


# --- metadata -------------------------------------------------------------------------------------


def test_json_ld_metadata_when_there_is_no_open_graph() -> None:
    article = extract_html(pages.json_ld_page(), "http://127.0.0.1:1/story")
    assert article.title == pages.EN_TITLE
    assert article.outlet == "Daily Example"  # the publisher, not the WebSite entry
    assert article.author == "Ann Lee, Bo Chan"
    assert article.published == "2025-06-03"  # the date as the page writes it, no time-zone shift
    assert article.url == "http://127.0.0.1:1/story"  # no canonical link: the given url


def test_title_suffix_kept_when_it_is_not_the_site_name() -> None:
    data = pages.english_news_page().replace(
        f'<meta property="og:title" content="{pages.EN_TITLE}">'.encode(), b""
    ).replace(f"| {pages.EN_OUTLET}</title>".encode(), b"| Part 2</title>")
    assert extract_html(data).title == f"{pages.EN_TITLE} | Part 2"


def test_outlet_is_never_guessed_from_the_host() -> None:
    article = extract_html(pages.legacy_chinese_page("gb18030"), "https://www.example-daily.com/a.html")
    assert article.outlet is None
    assert article.author is None


def test_relative_canonical_link_is_made_absolute() -> None:
    data = pages.english_news_page().replace(pages.EN_CANONICAL.encode(), b"/news/bridge")
    assert extract_html(data, "https://www.example.org/x?id=1").url == "https://www.example.org/news/bridge"


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-09-09T10:00:00+08:00", "2025-09-09"),
    ("2025/9/9 10:00", "2025-09-09"),
    ("2025年9月9日 10:00", "2025-09-09"),
    ("20250909", "2025-09-09"),
    ("Tue, 09 Sep 2025 10:00:00 GMT", "2025-09-09"),
    ("2025-02-30", None),
    ("yesterday", None),
    ("", None),
])
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


# --- packaging ------------------------------------------------------------------------------------


def test_importing_the_module_does_not_load_heavy_libraries() -> None:
    code = "import sys, reader.web; print(sorted(m for m in ('trafilatura', 'lxml') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parent.parent)
    assert result.stdout.strip() == "[]"


# --- end to end: `reader import URL` --------------------------------------------------------------


@pytest.mark.parametrize(("path", "expected"), [
    ("/zh/article.html", (pages.CN_TITLE, pages.CN_OUTLET, pages.CN_AUTHOR, pages.CN_PUBLISHED, pages.CN_CANONICAL,
                          pages.CN_PARAGRAPHS, pages.CN_DEBRIS)),
    ("/en/article.html", (pages.EN_TITLE, pages.EN_OUTLET, pages.EN_AUTHOR, pages.EN_PUBLISHED, pages.EN_CANONICAL,
                          pages.EN_PARAGRAPHS, pages.EN_DEBRIS)),
])
def test_import_command_stores_the_page_as_one_clean_article(
    site: LocalSite, tmp_path: Path, path: str, expected: tuple
) -> None:
    from reader.cli import main
    from reader.content import load_story

    title, outlet, author, published, url, paragraphs, debris = expected
    story_dir = tmp_path / "s"
    assert main(["import", site.url(path), "--story", str(story_dir)]) == 0
    articles = load_story(story_dir).articles
    assert len(articles) == 1
    article = articles[0]
    assert (article.title, article.outlet, article.author) == (title, outlet, author)
    assert (str(article.published), article.url) == (published, url)
    for paragraph in paragraphs:
        assert paragraph in article.body
    for junk in debris:
        assert junk not in article.body


def test_import_command_reports_404_in_one_line_and_writes_nothing(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    story_dir = tmp_path / "s"
    assert main(["import", site.url("/missing.html"), "--story", str(story_dir)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "404" in lines[0] and site.url("/missing.html") in lines[0]
    assert not list(story_dir.rglob("*.md"))
