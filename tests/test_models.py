"""Plain data: the JSON shape of articles and what a source is called on screen."""

from reader.models import Article


def test_display_name_prefers_outlet_then_host_then_title():
    named = Article(id="a", body="", outlet="每日经济新闻", url="https://www.nbd.com.cn/x")
    assert named.display_name == "每日经济新闻"
    assert Article(id="a", body="", url="https://www.nbd.com.cn/x").display_name == "nbd.com.cn"
    assert Article(id="a", body="", title="Short title").display_name == "“Short title”"
    long_title = Article(id="a", body="", title="A title that is much longer than the room it gets")
    assert long_title.display_name == "“A title that is much lo…”"
    assert Article(id="x-1", body="").display_name == "x-1"


def test_article_json_has_the_contract_fields_and_nulls():
    data = Article(id="a", body="text", language="en").to_json()
    assert list(data) == ["id", "outlet", "title", "url", "published", "language", "author", "path"]
    assert data["outlet"] is None and data["path"] is None and data["language"] == "en"
