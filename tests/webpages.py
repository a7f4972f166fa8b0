"""Web pages the web-import tests build themselves, and a local HTTP server to serve them.

The pages look like real news pages: the article sits among navigation, advertisements, a
related-links box, reader comments and a footer, so extraction has debris to drop. The server
listens on 127.0.0.1 only.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CN_TITLE = "滨江市地铁七号线今日开通 沿线居民通勤时间缩短一半"
CN_OUTLET = "江南晨报"
CN_AUTHOR = "林晓雯"
CN_PUBLISHED = "2025-03-18"
CN_CANONICAL = "https://news.example.com/2025/03/18/metro-line-7.html"
CN_PARAGRAPHS = (
    "3月18日上午9时，滨江市地铁七号线正式开通运营。这条线路全长32.6公里，共设车站24座，"
    "连接城北新区与南部科技园，是该市今年投入运营的第一条地铁线路。",
    "滨江市轨道交通集团总经理周明远在开通仪式上表示：“七号线让沿线四十多万居民的通勤时间缩短一半，"
    "我们还将在年底前加密早晚高峰的发车间隔。”",
    "据介绍，七号线采用全自动无人驾驶系统，最高时速100公里，高峰时段发车间隔为3分钟。"
    "首日客流预计将超过15万人次。",
    "家住城北新区的市民王女士告诉记者，她以前每天坐公交上班要花一个半小时，“现在坐地铁四十分钟就到了，"
    "早上可以多睡半小时”。",
    "按照规划，到2030年滨江市将建成12条地铁线路，总里程超过400公里，基本实现中心城区步行十五分钟可达地铁站。",
)
CN_DEBRIS = (
    "房产频道",
    "限时特惠：点击领取新人红包",
    "十大理财误区你中了几个",
    "这篇报道写得真好，支持一下",
    "京ICP备00000000号",
)

EN_TITLE = "Harbour Bridge reopens after two years of repairs"
EN_OUTLET = "The Coastal Herald"
EN_AUTHOR = "Maria Jensen"
EN_PUBLISHED = "2025-06-02"
EN_CANONICAL = "https://www.example.org/news/harbour-bridge-reopens"
EN_PARAGRAPHS = (
    "The Harbour Bridge reopened to traffic on Monday morning after a two-year, 180-million-dollar "
    "repair programme that replaced its deck and strengthened its steel towers.",
    "\u201cThis bridge carries sixty thousand vehicles a day, and today it is safer than on the day it "
    "first opened,\u201d said transport commissioner Daniel Okafor at the ribbon-cutting ceremony.",
    "Engineers found corrosion in 40 of the bridge's 212 cables during a routine inspection in 2022, "
    "prompting the closure. All of the damaged cables have now been replaced.",
    "Local businesses on the north shore said the closure had cut their trade by as much as a third. "
    "Several shop owners welcomed the reopening but asked the city for help recovering their losses.",
    "A new cycle lane on the eastern side of the bridge will open in September, the city said.",
)
EN_DEBRIS = (
    "Subscribe to our newsletter",
    "Buy one get one free at MegaMart",
    "Ten gadgets you need this summer",
    "Great article, thanks for sharing",
    "All rights reserved. Terms of use",
)

LEGACY_TITLE = "老城区改造工程启动"
LEGACY_PARAGRAPHS = (
    "本报讯 老城区改造工程于昨日正式启动，涉及街巷一百二十条、居民三千八百户。"
    "工程计划分三期实施，预计二零二七年全部完工。",
    "区住房和城乡建设局负责人介绍，改造将保留原有的青石板路和骑楼风貌，同时更换老化的供水管道，"
    "并为六层以上的住宅加装电梯。",
    "居民代表𠮷先生表示，大家盼这一天已经盼了很多年，希望施工期间尽量减少对日常生活的影响。",
)
BIG5_TITLE = "老城區改造工程啟動"
BIG5_PARAGRAPHS = (
    "本報訊 老城區改造工程於昨日正式啟動，涉及街巷一百二十條、居民三千八百戶。"
    "工程計劃分三期實施，預計二零二七年全部完工。",
    "區住房和城鄉建設局負責人介紹，改造將保留原有的青石板路和騎樓風貌，同時更換老化的供水管道，"
    "並為六層以上的住宅加裝電梯。",
)


def _paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(f"      <p>{html.escape(p)}</p>" for p in paragraphs)


def chinese_news_page() -> bytes:
    """A UTF-8 Chinese news page; the <title> carries the site name as a suffix, og:title is absent."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{CN_TITLE}_{CN_OUTLET}</title>
  <meta property="og:site_name" content="{CN_OUTLET}">
  <meta name="author" content="{CN_AUTHOR}">
  <meta property="article:published_time" content="{CN_PUBLISHED}T09:30:00+08:00">
  <link rel="canonical" href="{CN_CANONICAL}">
</head>
<body>
  <header class="site-header">
    <div class="logo">{CN_OUTLET}</div>
    <nav class="main-nav"><ul>
      <li><a href="/">首页</a></li><li><a href="/finance">财经频道</a></li>
      <li><a href="/tech">科技频道</a></li><li><a href="/house">{CN_DEBRIS[0]}</a></li>
    </ul></nav>
  </header>
  <div class="ad ad-banner" id="ad-top"><a href="/promo">广告 {CN_DEBRIS[1]}</a></div>
  <main>
    <article class="article-content">
      <h1>{CN_TITLE}</h1>
      <div class="byline">记者 {CN_AUTHOR} <time datetime="{CN_PUBLISHED}">2025年3月18日</time></div>
{_paragraphs_html(CN_PARAGRAPHS)}
    </article>
    <aside class="related">
      <h3>相关推荐</h3>
      <ul><li><a href="/a1">{CN_DEBRIS[2]}</a></li><li><a href="/a2">春季出行指南：这些景点值得一去</a></li></ul>
    </aside>
    <section id="comments" class="comments">
      <h3>网友评论</h3>
      <div class="comment"><span class="user">用户8812</span><p>{CN_DEBRIS[3]}！</p></div>
      <div class="comment"><span class="user">滨江老王</span><p>终于等到了，明天就去坐一坐。</p></div>
    </section>
  </main>
  <footer class="site-footer">
    <p>关于我们 | 联系我们 | 广告服务</p>
    <p>版权所有 © 2025 {CN_OUTLET} {CN_DEBRIS[4]}</p>
  </footer>
</body>
</html>""".encode()


def english_news_page() -> bytes:
    """A UTF-8 English news page with Open Graph metadata and the usual page furniture."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{EN_TITLE} | {EN_OUTLET}</title>
  <meta property="og:title" content="{EN_TITLE}">
  <meta property="og:site_name" content="{EN_OUTLET}">
  <meta property="og:url" content="{EN_CANONICAL}?utm_source=share">
  <meta name="author" content="{EN_AUTHOR}">
  <meta property="article:published_time" content="{EN_PUBLISHED}T07:15:00Z">
  <link rel="canonical" href="{EN_CANONICAL}">
</head>
<body>
  <nav class="navbar"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
    <a href="/subscribe">{EN_DEBRIS[0]}</a></nav>
  <div class="advertisement sponsored">Advertisement: {EN_DEBRIS[1]} this weekend only!</div>
  <main>
    <article>
      <h1>{EN_TITLE}</h1>
      <p class="byline">By {EN_AUTHOR}, <time datetime="{EN_PUBLISHED}">June 2, 2025</time></p>
{_paragraphs_html(EN_PARAGRAPHS)}
    </article>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/g">{EN_DEBRIS[2]}</a></li>
      <li><a href="/h">Why house prices keep rising</a></li></ul></aside>
    <section class="comments" id="comments"><h3>42 comments</h3>
      <div class="comment"><p>{EN_DEBRIS[3]}!</p></div>
      <div class="comment"><p>About time, the detour was awful.</p></div></section>
  </main>
  <footer><p>&copy; 2025 {EN_OUTLET}. {EN_DEBRIS[4]}. Privacy policy.</p></footer>
</body>
</html>""".encode()


def json_ld_page() -> bytes:
    """A page whose metadata is only in JSON-LD and a <time> element, no Open Graph."""
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site Search", "url": "https://www.example.net/"},
            {
                "@type": "NewsArticle",
                "headline": EN_TITLE,
                "datePublished": "2025-06-03T22:40:00-04:00",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chan"}],
                "publisher": {"@type": "Organization", "name": "Daily Example"},
            },
        ],
    }
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{EN_TITLE} - Daily Example</title>
<script type="application/ld+json">{json.dumps(data)}</script></head>
<body><article><h1>{EN_TITLE}</h1>
{_paragraphs_html(EN_PARAGRAPHS)}
</article></body></html>""".encode()


def legacy_chinese_page(charset: str, paragraphs: tuple[str, ...] = LEGACY_PARAGRAPHS,
                        title: str = LEGACY_TITLE) -> bytes:
    """A page encoded in CHARSET that says so only in its meta tag (the server sends no charset)."""
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}</title>
</head>
<body>
<div id="nav"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></div>
<div class="content">
<h1>{title}</h1>
{_paragraphs_html(paragraphs)}
</div>
<div id="footer">Copyright 2025</div>
</body>
</html>""".encode(charset)


def old_style_page(article_in_table: bool) -> bytes:
    """An older Chinese site: navigation in a table, paragraphs split by <br> or in a layout table cell."""
    nav = '<table width="100%"><tr><td><a href="/">网站首页</a> <a href="/a">时政要闻</a></td></tr></table>'
    if article_in_table:
        body = ('<table width="760"><tr><td width="160"><a href="/1">栏目一</a><br><a href="/2">栏目二</a></td>'
                f'<td class="content">{_paragraphs_html(LEGACY_PARAGRAPHS)}</td></tr></table>')
    else:
        indented = "<br><br>".join(f"\u3000\u3000{html.escape(p)}" for p in LEGACY_PARAGRAPHS)
        body = f'<div id="p-detail"><div class="main-text">{indented}</div></div>'
    return f"""<html><head><meta charset="utf-8"><title>{LEGACY_TITLE}</title></head><body>
{nav}
{body}
<div class="foot">Copyright © 2000-2025 All Rights Reserved.</div>
</body></html>""".encode()


def stub_page() -> bytes:
    """A page with navigation and a footer but no article."""
    return b"""<!DOCTYPE html><html><head><title>Welcome</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Loading...</p>
<footer>Copyright 2025</footer></body></html>"""


def png_bytes() -> bytes:
    """A tiny valid PNG header, enough to be served as an image."""
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


# --- the local server ---------------------------------------------------------------------------


@dataclass
class Route:
    """What the server answers on one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    delay: float = 0.0


@dataclass
class LocalSite:
    """A running local server: ``url(path)`` gives the address of a route."""

    port: int
    routes: dict[str, Route]
    requests: list[tuple[str, str]]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(routes: dict[str, Route], requests: list[tuple[str, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                threading.Event().wait(route.delay)
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            # The client may stop reading early (size limit, timeout): that is what some tests check.
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def local_site(routes: dict[str, Route]) -> Iterator[LocalSite]:
    """Serve ROUTES on 127.0.0.1 at a free port for the duration of the block."""
    requests: list[tuple[str, str]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, requests))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalSite(port=server.server_address[1], routes=routes, requests=requests)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def html_route(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    return Route(body=body, headers={"Content-Type": content_type})


def redirect_route(location: str) -> Route:
    return Route(status=302, headers={"Location": location})

