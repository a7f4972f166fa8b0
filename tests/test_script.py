"""Script switching: detection, OpenCC conversion with offset mapping, ambiguity marks, folding,
the user's phrase table, and a table of tricky phrases."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.script import (
    Script,
    ambiguous_positions,
    convert,
    convert_span,
    detect_language,
    fold,
    load_phrase_table,
    original_span,
    user_phrase_table,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
TABLE = Path(__file__).with_name("conversion_table.toml")
TARGET_CONFIG = {Script.HANT: "s2t", Script.TW: "s2twp", Script.HK: "s2hk", Script.HANS: "t2s"}


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- Script and detection ----------------------------------------------------------------------


def test_script_values_match_the_command_line_choices_and_have_labels():
    assert [script.value for script in Script] == ["original", "hans", "hant", "tw", "hk"]
    assert [script.label for script in Script] == ["原文", "简", "繁", "臺灣", "香港"]
    assert Script("tw") is Script.TW


@pytest.mark.parametrize(
    ("prefix", "language"), [("000", "zh-Hans"), ("001", "zh-Hant"), ("002", "zh-Hans"), ("003", "en")]
)
def test_detect_language_on_the_seed_articles(prefix, language):
    assert detect_language(seed(prefix)) == language


def test_detect_language_small_cases():
    assert detect_language("") is None
    assert detect_language("OK 好") is None
    assert detect_language("小米集团发布内部通报") == "zh-Hans"
    assert detect_language("小米集團發佈內部通報") == "zh-Hant"
    assert detect_language("Xiaomi dismissed Wang Teng (王腾) on Monday.") == "en"


def test_machine_converted_traditional_with_leftovers_is_still_traditional():
    # 后, 么, 干 are simplified leftovers; the traditional characters outnumber them
    assert detect_language("隨后，他就這么干脆地離開了小米集團，職業生涯畫上句號") == "zh-Hant"


def test_importing_the_module_loads_no_dictionary():
    code = "import sys, reader.script; print('opencc' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- conversion --------------------------------------------------------------------------------


@pytest.mark.parametrize("target", [Script.HANT, Script.TW, Script.HK])
@pytest.mark.parametrize("prefix", ["000", "002"])
def test_conversion_matches_the_opencc_package_on_simplified_articles(prefix, target):
    from opencc import OpenCC

    text = seed(prefix)
    assert convert(text, target, "zh-Hans").text == OpenCC(TARGET_CONFIG[target]).convert(text)


def test_conversion_to_simplified_matches_the_opencc_package():
    from opencc import OpenCC

    text = seed("001")
    assert convert(text, Script.HANS, "zh-Hant").text == OpenCC("t2s").convert(text)


_HAN_SAMPLE = "字节跳动几年干脆头发展后来皇里面条台湾风范围只鼠标内存自行车U盘软件信息网络打印机"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=list(_HAN_SAMPLE + "，。 a1"), max_size=40))
def test_conversion_matches_the_opencc_package_on_random_phrases(text):
    from opencc import OpenCC

    assert convert(text, Script.TW, "zh-Hans").text == OpenCC("s2twp").convert(text)


def test_the_longest_phrase_anywhere_wins_like_in_the_opencc_package():
    from opencc import OpenCC

    # 一克 matches first from the left, but the longer 克里米亚 wins, so 里 stays 里
    assert convert("一克里米亚", Script.HANT, "zh-Hans").text == "一克里米亞"
    assert OpenCC("s2t").convert("一克里米亚") == "一克里米亞"


def test_original_and_english_are_untouched():
    text = "小米集团发布内部通报"
    assert convert(text, Script.ORIGINAL).text == text
    english = "Xiaomi fired Wang Teng over a leak."
    assert convert(english, Script.HANT).text == english
    assert convert(english, "hans", "en").text == english


def test_source_language_is_detected_when_not_given():
    assert convert("小米集团发布内部通报", Script.HANT).text == "小米集團發佈內部通報"
    assert convert("小米集團發佈內部通報", Script.HANS).text == "小米集团发布内部通报"


def test_traditional_input_is_normalised_through_simplified():
    # machine-converted traditional text: 隨后 and 干脆 are leftovers the phrase dictionaries fix
    assert convert("隨后，他被干脆利落地辭退", Script.HANT, "zh-Hant").text == "隨後，他被乾脆利落地辭退"


def test_correct_traditional_text_survives_conversion_to_traditional():
    text = "王騰證明了自己，不讓輿情干擾公司。"
    assert convert(text, Script.HANT, "zh-Hant").text == text


def test_conversions_are_cached():
    text = "雷军挥泪斩王腾"
    assert convert(text, Script.TW) is convert(text, Script.TW)


# --- offset mapping ----------------------------------------------------------------------------


def test_offsets_across_length_changing_phrases():
    converted = convert("我的U盘和内存坏了", Script.TW, "zh-Hans")
    assert converted.text == "我的隨身碟和記憶體壞了"
    # exact at segment boundaries
    assert converted.to_converted(2) == 2  # before U盘
    assert converted.to_converted(4) == 5  # after U盘 -> after 隨身碟
    assert converted.to_converted(5) == 6  # after 和
    assert converted.to_converted(7) == 9  # after 内存 -> after 記憶體
    assert converted.to_converted(9) == 11
    assert converted.to_original(5) == 4
    assert converted.to_original(9) == 7
    assert convert_span(converted, 5, 7) == (6, 9)
    # a span inside a phrase widens to the whole phrase
    assert convert_span(converted, 5, 6) == (6, 9)
    assert original_span(converted, 7, 8) == (5, 7)


def test_offsets_outside_the_text_are_refused():
    converted = convert("内存", Script.TW, "zh-Hans")
    with pytest.raises(IndexError):
        converted.to_converted(3)
    with pytest.raises(IndexError):
        converted.to_original(-1)


_MAPPING_ALPHABET = list("我的U盘和内存自行车鼠标云计算出租车软件信息，。 ab")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=_MAPPING_ALPHABET, max_size=40), target=st.sampled_from(list(Script)))
def test_offset_mapping_properties(text, target):
    converted = convert(text, target, "zh-Hans")
    forward = [converted.to_converted(i) for i in range(len(text) + 1)]
    backward = [converted.to_original(j) for j in range(len(converted.text) + 1)]
    assert forward[0] == 0 and forward[-1] == len(converted.text)
    assert backward[0] == 0 and backward[-1] == len(text)
    assert forward == sorted(forward) and backward == sorted(backward)
    for i in range(len(text) + 1):
        if converted.is_exact_original(i):
            assert converted.to_original(forward[i]) == i
    # unchanged characters map onto themselves
    for i, char in enumerate(text):
        if char in "，。 ab" and converted.is_exact_original(i) and converted.is_exact_original(i + 1):
            assert converted.text[forward[i]] == char


# --- ambiguity marks ---------------------------------------------------------------------------


def test_single_character_choices_are_marked():
    converted = convert("发，干，后，里", Script.HANT, "zh-Hans")
    assert converted.text == "發，幹，後，裏"
    assert ambiguous_positions("发，干，后，里", Script.HANT, "zh-Hans") == [0, 2, 4, 6]


def test_characters_a_phrase_decided_are_not_marked():
    assert ambiguous_positions("头发，干脆，皇后，公里", Script.HANT, "zh-Hans") == []


def test_marks_point_into_the_converted_text_after_length_changes():
    text = "U盘，发"
    converted = convert(text, Script.TW, "zh-Hans")
    assert converted.text == "隨身碟，發"
    assert ambiguous_positions(text, Script.TW, "zh-Hans") == [4]


def test_choices_among_rare_variant_forms_are_not_marked():
    # 開 lists a rare variant next to 开; 乾 offers 干 and 乾, a real choice
    assert ambiguous_positions("開，乾", Script.HANS, "zh-Hant") == [2]


# --- folding -----------------------------------------------------------------------------------


def test_fold_examples():
    assert fold("王騰") == fold("王腾") == "王腾"
    assert fold("後") == "后"
    assert fold("Wang") == "wang"
    assert fold("ＡＢＣ１") == "abc1"


@given(st.text())
def test_fold_keeps_the_length(text):
    assert len(fold(text)) == len(text)


def test_folded_search_gives_offsets_into_the_body():
    body = "隨後，王騰在微博道歉。Wang Teng apologised."
    start = fold(body).find(fold("王腾"))
    assert body[start : start + 2] == "王騰"
    start = fold(body).find(fold("WANG"))
    assert body[start : start + 4] == "Wang"


# --- the user's phrase table -------------------------------------------------------------------


def test_phrase_table_corrects_a_known_failure(tmp_path):
    path = tmp_path / "phrases.toml"
    path.write_text('[tw]\n"位元組跳動" = "字節跳動"\n', encoding="utf-8")
    table, warning = load_phrase_table(path)
    assert warning is None
    assert convert("字节跳动的员工", Script.TW, "zh-Hans").text == "位元組跳動的員工"
    converted = convert("字节跳动的员工", Script.TW, "zh-Hans", table)
    assert converted.text == "字節跳動的員工"
    assert converted.to_converted(4) == 4 and converted.to_original(5) == 5
    # other targets are not affected
    assert convert("字节跳动", Script.HK, "zh-Hans", table).text == "字節跳動"


def test_traditional_section_applies_to_every_traditional_target(tmp_path):
    path = tmp_path / "phrases.toml"
    path.write_text('[traditional]\n"姓範" = "姓范"\n[hk]\n"姓範" = "姓范！"\n', encoding="utf-8")
    table, _ = load_phrase_table(path)
    assert convert("姓范", Script.HANT, "zh-Hans", table).text == "姓范"
    assert convert("姓范", Script.TW, "zh-Hans", table).text == "姓范"
    assert convert("姓范", Script.HK, "zh-Hans", table).text == "姓范！"
    assert convert("姓范", Script.HANS, "zh-Hans", table).text == "姓范"


def test_missing_phrase_table_is_empty(tmp_path):
    assert load_phrase_table(tmp_path / "phrases.toml") == ({}, None)


def test_corrupt_phrase_table_is_set_aside_with_a_warning(tmp_path):
    path = tmp_path / "phrases.toml"
    path.write_text('[tw\n"x" = ', encoding="utf-8")
    table, warning = load_phrase_table(path)
    assert table == {}
    assert warning and "set aside" in warning and "\n" not in warning
    assert not path.exists()
    assert (tmp_path / "phrases.toml.corrupt-1").read_text(encoding="utf-8") == '[tw\n"x" = '


def test_phrase_table_that_is_not_utf8_is_set_aside(tmp_path):
    path = tmp_path / "phrases.toml"
    path.write_bytes(b'[tw]\n"\xff" = "x"\n')
    table, warning = load_phrase_table(path)
    assert table == {} and warning
    assert (tmp_path / "phrases.toml.corrupt-1").exists()


def test_phrase_table_entries_of_the_wrong_shape_are_skipped(tmp_path):
    path = tmp_path / "phrases.toml"
    path.write_text('[tw]\n"a" = "b"\n"c" = 3\n[klingon]\n"x" = "y"\n', encoding="utf-8")
    table, warning = load_phrase_table(path)
    assert table == {"tw": {"a": "b"}}
    assert "tw.c" in warning and "[klingon]" in warning
    assert path.exists()


def test_user_phrase_table_reads_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "phrases.toml").write_text('[hant]\n"幾年" = "几年"\n', encoding="utf-8")
    assert user_phrase_table() == ({"hant": {"幾年": "几年"}}, None)


# --- the table of tricky phrases ---------------------------------------------------------------


def _table_rows() -> list:
    rows = []
    for phrase in tomllib.loads(TABLE.read_text(encoding="utf-8"))["phrase"]:
        language = phrase.get("language", "zh-Hans")
        for target in (Script.HANT, Script.TW, Script.HK, Script.HANS):
            if target.value not in phrase:
                continue
            reason = phrase.get("xfail", {}).get(target.value)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            rows.append(
                pytest.param(
                    phrase["source"], language, target, phrase[target.value],
                    marks=marks, id=f"{phrase['source']}-{target.value}",
                )
            )
    return rows


@pytest.mark.parametrize(("source", "language", "target", "expected"), _table_rows())
def test_conversion_table(source, language, target, expected):
    assert convert(source, target, language).text == expected
