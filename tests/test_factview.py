"""Which sentences the reading pane marks as contradicted."""

from reader.factview import contradicted_sentences
from reader.models import Fact, Mention


def test_only_sentences_giving_the_disputed_value_are_marked():
    conflict = Fact(
        "F1",
        "followers",
        "conflict",
        (
            Mention("a", "has 1.8 million followers.", 0, 27, "1800000"),
            Mention("a", "He was told to use Weibo.", 28, 53, None),
            Mention("b", "has 1.7 million followers.", 5, 32, "1700000"),
        ),
    )
    agreement = Fact("F2", "date", "agree", (Mention("a", "On 8 May.", 60, 69, "2025-05-08"),))
    assert contradicted_sentences([conflict, agreement]) == {"a": [(0, 27)], "b": [(5, 32)]}
