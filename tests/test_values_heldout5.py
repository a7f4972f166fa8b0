"""Owners of a share move, counts of a model after "of its" (held-out round 5)."""

from reader.facts.cluster import Weights
from reader.facts.features import Unit
from reader.facts.labels import label_of
from reader.facts.lexicon import concepts_in
from reader.facts.values import extract_values
from reader.models import Sentence
from reader.script import fold

PUBLISHED = "2025-10-17"


def _only(sentence: str, kind: str, language: str = "en"):
    found = [v for v in extract_values(sentence, PUBLISHED, language) if v.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_english_share_move_belongs_to_the_shares_not_the_day():
    assert _only("The carmaker's listed shares closed down 4.3% on Friday.", "percent").owner == "shares"


def test_english_weekday_after_a_figure_is_no_owner():
    assert _only("Its margin was 4.3% on Friday.", "percent").owner is None


def test_english_platform_after_a_figure_stays_its_owner():
    assert _only("Her reach grew to 30% on Weibo.", "percent").owner == "weibo"


def test_chinese_market_close_is_the_shares_not_a_city():
    assert _only("该公司股价周五收市跌4.3%。", "percent", "zh-Hant").owner == "shares"
    assert _only("该公司港股当日收跌4.3%。", "percent", "zh-Hans").owner == "shares"


def test_chinese_city_before_a_figure_stays_a_city():
    assert _only("全市增长4.3%。", "percent", "zh-Hans").owner == "city"


def test_count_of_a_model_after_of_its_counts_the_noun_after_modifiers():
    value = _only("The firm is recalling 86,324 of its S7 sport utility vehicles, the regulator said.", "count")
    assert (value.norm, value.counted) == ("86324", "vehicles")


def test_model_followed_by_a_verb_phrase_counts_nothing():
    assert _only("It sold 5,000 of its X5 to fix cars.", "count").counted is None


def _unit(article: str, text: str, language: str = "zh-Hans") -> Unit:
    english = language == "en"
    sentence = Sentence(article_id=article, index=0, start=0, end=len(text), text=text)
    return Unit(
        article_id=article, article_rank=0, sentence=sentence, start=0, end=len(text), english=english,
        values=tuple(extract_values(text, PUBLISHED, language)),
        concepts=tuple(dict.fromkeys(cid for cid, _, _ in concepts_in(fold(text), english))),
    )


def _label(*texts: str) -> str:
    units = [_unit(f"a{i}", text) for i, text in enumerate(texts)]
    return label_of(units, Weights(units))


def test_a_city_both_outlets_name_does_not_label_a_date():
    assert _label("台风9月18日在市区登陆。", "台风于9月18日登陆该市。") == "date"


def test_a_thing_both_outlets_name_still_labels_a_date():
    assert "battery" in _label("电池于9月18日送到。", "9月18日的电池。")


def test_a_city_still_names_a_statement_with_nothing_else():
    assert _label("市里说没有问题。", "该市表示没有问题。").startswith("city")


def test_guide_price_owns_its_amount():
    assert _only("该车于2023年3月上市，官方指导价22.98万元起。", "money", "zh-Hans").owner == "price"


def test_an_amount_after_a_launch_has_no_price_owner():
    assert _only("该车于2023年3月上市，投入22.98万元。", "money", "zh-Hans").owner is None
