"""Clustering on small hand-written stories: an outlet in a figure fact by its wording alone
gives the fact its figure from the sentence of its own that states it."""

from __future__ import annotations

from reader.facts.cluster import Cluster, Weights
from reader.facts.features import build_units, story_dictionary
from reader.facts.multi import join_equal_figures, join_slot_statements
from tests.facts_helpers import article

_A = "江州远航汽车公司17日宣布召回约8.2万辆远航S7电动SUV，原因是电池冷却液管路存在开裂风险。"
_B = "内地电动车厂远航汽车周五宣布，将召回8.23万辆S7电动SUV。"
_C_WORDING = "公司决定自11月1日起，召回部分远航S7纯电动SUV。"
_C_FIGURE = "本次召回的范围为生产日期在2023年3月1日至2024年6月30日之间的S7车辆，共计82346辆。"
_C_OTHER = "去年全国共召回车辆980万辆。"


def _setup(c_body: str) -> tuple[list, Cluster]:
    articles = [article("a", _A), article("b", _B), article("c", c_body)]
    units = build_units(articles, None, story_dictionary(articles))
    weights = Weights(units)

    def find(aid: str, needle: str) -> int:
        return next(i for i, u in enumerate(units) if u.article_id == aid and needle in u.text)

    members = [find("a", "8.2万辆"), find("b", "8.23万辆"), find("c", "召回部分")]
    cluster = Cluster(members=members, articles={"a", "b", "c"})
    join_slot_statements([cluster], units, weights)
    return units, cluster


def test_an_outlet_without_the_figure_gives_it_from_its_own_sentence() -> None:
    units, cluster = _setup(f"{_C_WORDING}\n\n{_C_FIGURE}")
    told = {units[i].text for i in cluster.members if units[i].article_id == "c"}
    assert any("82346" in text for text in told)
    assert not any("召回部分" in text for text in told)  # the wording alone leaves for the figure


def test_a_count_of_something_else_does_not_replace_the_wording() -> None:
    # the near miss: the outlet's other count is of another recall, sharing little of the fact
    units, cluster = _setup(f"{_C_WORDING}\n\n{_C_OTHER}")
    told = {units[i].text for i in cluster.members if units[i].article_id == "c"}
    assert any("召回部分" in text for text in told)
    assert not any("980万辆" in text for text in told)


def _equal_figures(bodies: dict[str, tuple[str, str]], fact: list[str], lone: str) -> tuple[list, list[Cluster]]:
    """Units of articles ``{id: (body, language)}``, a fact of the ``fact`` articles' first units
    and a lone fact of the ``lone`` article's first unit giving a figure, after the join."""
    articles = [article(aid, body, language) for aid, (body, language) in bodies.items()]
    units = build_units(articles, None, story_dictionary(articles))

    def first(aid: str) -> list[int]:
        return [i for i, u in enumerate(units) if u.article_id == aid and u.values]

    clusters = [
        Cluster(members=[i for aid in fact for i in first(aid)], articles=set(fact)),
        Cluster(members=first(lone), articles={lone}),
    ]
    join_equal_figures(clusters, units)
    return units, clusters


def test_a_lone_telling_of_a_facts_figure_joins_it() -> None:
    bodies = {
        "a": ("远航股价当日下跌4.3%。", "zh-Hant"),
        "b": ("Yuanhang shares fell 4.3%.", "en"),
        "c": ("受此消息影响，港股当日收跌4.3%。", "zh-Hans"),
    }
    _, (fact, lone) = _equal_figures(bodies, ["a", "b"], "c")
    assert fact.articles == {"a", "b", "c"}
    assert not lone.members


def test_a_lone_round_figure_stays_alone() -> None:
    # the near miss: a round figure (10%) recurs by chance
    bodies = {
        "a": ("远航股价当日下跌10%。", "zh-Hant"),
        "b": ("Yuanhang shares fell 10%.", "en"),
        "c": ("受此消息影响，港股当日收跌10%。", "zh-Hans"),
    }
    _, (fact, lone) = _equal_figures(bodies, ["a", "b"], "c")
    assert fact.articles == {"a", "b"}
    assert lone.articles == {"c"}


def test_a_lone_telling_of_a_second_figure_takes_the_sentences_giving_it() -> None:
    bodies = {
        "a": ("远航S7于2023年3月上市，官方指导价22.98万元起。", "zh-Hans"),
        "b": ("The S7, launched in March 2023, starts at 229,800 yuan.", "en"),
        "c": ("S7是远航的主力车型，起售价22.98万元。", "zh-Hans"),
    }
    units, (fact, lone) = _equal_figures(bodies, ["a", "b"], "c")
    assert fact.articles == {"a", "b"}  # the launch date keeps its sentences
    assert lone.articles == {"a", "b", "c"}
    assert all(any(v.kind == "money" for v in units[i].values) for i in lone.members)
