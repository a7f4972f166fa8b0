"""A sentence stating several facts joins each of them, and a sentence only near one does not,
on small hand-written stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_helpers import article, linking, story_of

from reader.facts.align import align_story
from reader.facts.features import clause_spans
from reader.models import Story


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str]) -> Story:
    return story_of([article(aid, body, "zh-Hans", "2025-05-03") for aid, body in bodies])


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("营收86亿元，同比增长15%；净利润9亿元，增长23%。", ["营收86亿元，同比增长15%；", "净利润9亿元，增长23%。"]),
        ("2020年，他加入小米公司担任经理。", ["2020年，他加入小米公司担任经理。"]),  # a comma leads on
    ],
)
def test_a_light_clause_closed_by_a_semicolon_completes_the_clause_before(sentence: str, clauses: list[str]) -> None:
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == clauses


FILLER = "\n\n分析师认为手机市场竞争激烈。\n\n新款汽车下月上市。\n\n球队赢得比赛。"
FIRE = (
    ("a", "5月3日凌晨，河港市一家纺织厂的仓库发生火灾。\n\n据消防部门通报，起火时间为凌晨2时10分许。\n\n"
          "明火于上午7时15分被扑灭。\n\n事故造成3人死亡。\n\n另有9名受伤人员被送往医院。\n\n"
          "该厂成立于1998年。" + FILLER),
    ("b", "河港市一家纺织厂3日清晨发生大火。\n\n据消防部门通报，起火时间为凌晨2点40分左右。\n\n"
          "大火造成3人死亡、12人受伤送院。\n\n当地空气质量未见异常。" + FILLER),
    ("c", "河港市纺织厂周六（3日）凌晨约2时40分起火。\n\n大火造成三人死亡。\n\n另有12人受伤送院治疗。\n\n"
          "大火至早上7时15分才被扑熄。" + FILLER),
)  # fmt: skip


def test_a_sentence_giving_a_day_and_an_hour_joins_the_date_and_the_start_time() -> None:
    facts = align_story(_story(*FIRE), use_cache=False)
    start = linking(facts, ("a", "起火时间为"), ("b", "起火时间为"), ("c", "2时40分起火"))
    assert start and start[0].status == "conflict"
    assert [m.value for m in start[0].mentions if m.article_id == "c"] == ["02:40"]
    assert linking(facts, ("a", "5月3日凌晨"), ("c", "2时40分起火"))


def test_a_time_of_another_event_does_not_join_the_start_time() -> None:
    facts = align_story(_story(*FIRE), use_cache=False)
    for fact in linking(facts, ("a", "起火时间为"), ("b", "起火时间为")):
        assert not any("扑" in m.sentence for m in fact.mentions)


def test_a_sentence_giving_two_counts_of_people_joins_both_facts() -> None:
    facts = align_story(_story(*FIRE), use_cache=False)
    dead = linking(facts, ("b", "3人死亡、12人受伤"), ("c", "三人死亡"))
    injured = linking(facts, ("b", "3人死亡、12人受伤"), ("c", "12人受伤送院治疗"))
    assert dead and injured and dead[0] is not injured[0]
    assert [m.value for m in injured[0].mentions if m.article_id == "b"] == ["12"]
