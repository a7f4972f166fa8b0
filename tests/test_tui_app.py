"""The reading app driven with Textual's Pilot, key by key, on small stories made for each test."""

from __future__ import annotations

import json
import tomllib

import pytest

from reader.models import Fact, Mention
from reader.script import Script
from reader.tui import core_bridge
from reader.tui.app import ReaderApp
from reader.tui.choice_screen import ChoiceScreen
from reader.tui.facts_matrix import FactsMatrix
from reader.tui.facts_panel import FactsList
from reader.tui.help_screen import HelpScreen
from reader.tui.reading_pane import ReadingPane
from reader.tui.search_screen import SearchScreen
from tests.tui_helpers import drive, make_story, screen_text, user_dirs


@pytest.fixture
def story(tmp_path, monkeypatch):
    user_dirs(monkeypatch, tmp_path)
    monkeypatch.setattr(core_bridge, "align_story", lambda story, progress=None: [])
    return make_story(tmp_path / "content")


def test_start_screen_lists_outlets_and_opens_the_first(story):
    async def steps(app, pilot):
        text = screen_text(app)
        for outlet in ("每日经济新闻", "網易號", "English blog"):
            assert outlet in text
        assert app.article.id == "a-hans"
        assert "小米辞退王腾" in text.splitlines()[0]  # the header names the story
        assert "sentence 1/" in text

    drive(ReaderApp([story]), steps)


def test_number_keys_and_brackets_open_outlets(story):
    async def steps(app, pilot):
        await pilot.press("2")
        assert app.article.id == "b-hant"
        assert "王騰被小米辭退" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert app.article.id == "c-en"
        await pilot.press("right_square_bracket")
        assert app.article.id == "a-hans"  # wraps around
        await pilot.press("left_square_bracket")
        assert app.article.id == "c-en"
        await pilot.press("9")  # no ninth outlet: nothing happens
        assert app.article.id == "c-en"

    drive(ReaderApp([story]), steps)


def test_sentence_cursor_moves_with_j_k_and_arrows(story):
    async def steps(app, pilot):
        await pilot.press("j", "j", "down")
        assert app.cursor == 3
        await pilot.press("k", "up")
        assert app.cursor == 1
        await pilot.press("k", "k")
        assert app.cursor == 0  # stays at the first sentence
        assert "sentence 1/" in screen_text(app)
        pane = app.query_one(ReadingPane)
        first = app.sentences[0]
        rows = [r for r in screen_text(app).splitlines() if "▌" in r]
        assert rows and first.text[:6] in rows[0]  # the bar marks the cursor sentence's lines
        assert pane.scroll_offset.y == 0

    drive(ReaderApp([story]), steps)


def test_pages_top_and_bottom(story):
    async def steps(app, pilot):
        pane = app.query_one(ReadingPane)
        await pilot.press("space")
        assert pane.scroll_offset.y > 0 and app.cursor > 0
        after_one_page = app.cursor
        await pilot.press("pagedown")
        assert app.cursor > after_one_page
        await pilot.press("b")
        assert app.cursor < after_one_page + 100 and pane.scroll_offset.y > 0
        await pilot.press("G")
        assert app.cursor == len(app.sentences) - 1
        assert app.sentences[-1].text[:8] in screen_text(app)
        await pilot.press("g")
        assert app.cursor == 0 and pane.scroll_offset.y == 0

    drive(ReaderApp([story]), steps, size=(100, 24))


def test_t_switches_between_simplified_and_traditional_everywhere(story):
    async def steps(app, pilot):
        await pilot.press("t")
        assert app.script is Script.HANT
        text = screen_text(app)
        assert "每經熱評" in text  # reading pane and source list
        assert "小米辭退王騰" in text.splitlines()[0]  # header
        assert " 繁 " in text.splitlines()[0]
        await pilot.press("t")
        assert app.script is Script.HANS
        assert "每经热评" in screen_text(app)
        await pilot.press("2", "t")  # on a traditional article the first press is still its other script
        assert app.script is Script.HANT

    drive(ReaderApp([story]), steps)


def test_t_first_press_on_a_traditional_article_gives_simplified(story):
    async def steps(app, pilot):
        await pilot.press("t")
        assert app.script is Script.HANS
        assert "王腾被小米辞退" in screen_text(app)

    drive(ReaderApp([story], article_id="b-hant"), steps)


def test_capital_t_chooses_a_variant(story):
    async def steps(app, pilot):
        await pilot.press("T")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "j", "j", "enter")  # original, hans, hant, tw
        assert app.script is Script.TW
        assert "臺灣" in screen_text(app).splitlines()[0]

    drive(ReaderApp([story]), steps)


def test_cursor_stays_on_its_characters_after_conversion(story):
    async def steps(app, pilot):
        await pilot.press("j", "t")
        pane = app.query_one(ReadingPane)
        sentence = app.current_sentence()
        shown = pane.doc.shown(sentence.start, sentence.end)
        assert shown == core_bridge.convert(sentence.text, Script.HANT, "zh-Hans").text

    drive(ReaderApp([story]), steps)


def test_quotations_step_with_n_and_show_their_speaker(story):
    async def steps(app, pilot):
        assert app.quotes, "the story has quotations"
        await pilot.press("n")
        first = app.quotes[app.quote]
        assert first.start >= app.current_sentence().start
        assert app.current_sentence().start <= first.start < app.current_sentence().end
        status = str(app.query_one(ReadingPane).border_subtitle)
        assert f"quote {app.quote + 1}/{len(app.quotes)}" in status
        if first.speaker:
            assert first.speaker in status
        await pilot.press("n")
        assert app.quote == 1 % len(app.quotes)
        await pilot.press("N")
        assert app.quote == 0

    drive(ReaderApp([story]), steps)


def test_copy_quote_and_sentence_with_citation(story, monkeypatch):
    copied = []

    def fake_copy(text, *, article, start, end, citation, body, script, write_osc52):
        copied.append((text, article.id, start, end, citation))
        return core_bridge.CopyResult(("clipboard",), "copied to the clipboard", None)

    monkeypatch.setattr(core_bridge, "copy_with_citation", fake_copy)

    async def steps(app, pilot):
        await pilot.press("c")  # the first sentence holds no quotation
        assert not copied
        await pilot.press("n", "t", "c")
        text, _, start, end, citation = copied[-1]
        quote = app.quotes[app.quote]
        assert (start, end) == (quote.start, quote.end)
        assert text == core_bridge.convert(quote.text, Script.HANT, "zh-Hans").text  # in the script shown
        assert "每日经济新闻" in citation or "每日經濟新聞" in citation
        assert any(n.title.startswith("Quotation copied") for n in app._notifications)
        await pilot.press("y")
        sentence = app.current_sentence()
        assert copied[-1][2:4] == (sentence.start, sentence.end)

    drive(ReaderApp([story]), steps)


def test_capital_c_chooses_and_remembers_the_citation_style(story, tmp_path):
    async def steps(app, pilot):
        await pilot.press("C")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "enter")
        assert app.config.citation_style == "apa"

    drive(ReaderApp([story]), steps)
    saved = tomllib.loads((tmp_path / "config" / "config.toml").read_text(encoding="utf-8"))
    assert saved["citation_style"] == "apa"
    assert ReaderApp([story]).config.citation_style == "apa"


def test_search_is_script_insensitive_and_opens_the_match(story):
    async def steps(app, pilot):
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"王騰")  # traditional query finds simplified text too
        results = app.screen.results
        assert {r.hit.article_id for r in results} == {"a-hans", "b-hant"}
        snippet = results[0]
        assert snippet.snippet[snippet.match_start : snippet.match_end] in ("王腾", "王騰")
        await pilot.press("down", "j", "enter")
        assert not isinstance(app.screen, SearchScreen)
        hit = app.search_hits[app.search_index]
        assert app.article.id == hit.article_id
        assert app.current_sentence().start <= hit.start < app.current_sentence().end
        assert app.search_index == 1  # ↓ to the list, then j to the second result
        assert "match 2/4" in str(app.query_one(ReadingPane).border_subtitle)
        await pilot.press("greater_than_sign")
        assert app.search_index == 2 and app.article.id == "b-hant"
        await pilot.press("less_than_sign", "less_than_sign")
        assert app.search_index == 0 and app.article.id == "a-hans"
        await pilot.press("escape")
        assert not app.search_hits

    drive(ReaderApp([story]), steps)


def test_the_search_field_does_not_blink_headless_so_frames_repeat(story):
    async def steps(app, pilot):
        await pilot.press("slash", *"王騰")
        frames = set()
        for _ in range(4):  # over more than one blink of a cursor
            frames.add(app.export_screenshot())
            await pilot.pause(0.3)
        assert len(frames) == 1

    drive(ReaderApp([story]), steps)


def test_search_is_case_insensitive_and_escape_closes(story):
    async def steps(app, pilot):
        await pilot.press("slash", *"XIAOMI")
        assert [r.hit.article_id for r in app.screen.results] == ["c-en"]
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        assert app.article.id == "a-hans"

    drive(ReaderApp([story]), steps)


def test_help_lists_every_key(story):
    async def steps(app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict((d, k) for k, d in app.screen.rows)
        assert rows["简/繁"] == "t" and rows["Search"] == "/" and rows["Next quote"] == "n"
        assert rows["Open outlet 1-9"] == "1-9"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    drive(ReaderApp([story]), steps)


def test_keys_can_be_remapped_by_binding_id(story, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[keys]\ntoggle-script = "x"\n', encoding="utf-8")

    async def steps(app, pilot):
        await pilot.press("x")
        assert app.script is Script.HANT

    drive(ReaderApp([story]), steps)


def test_every_action_is_in_the_command_palette(story):
    async def steps(app, pilot):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in ("简/繁", "Next quote", "Copy+cite", "Search", "Facts", "Citation style",
                      "Quotations by speaker", "Open English blog"):  # fmt: skip
            assert title in titles

    drive(ReaderApp([story]), steps)


def test_q_quits(story):
    async def steps(app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(ReaderApp([story]), steps)


def test_position_is_remembered_across_runs(story):
    async def move(app, pilot):
        await pilot.press("2", "j", "1", "j", "j", "j")

    drive(ReaderApp([story]), move)

    async def check(app, pilot):
        assert app.article.id == "a-hans" and app.cursor == 3
        await pilot.press("2")
        assert app.cursor == 1

    drive(ReaderApp([story]), check)


def test_corrupt_state_file_is_set_aside_with_a_warning(story, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    (state / "positions.json").write_text("{not json", encoding="utf-8")

    async def steps(app, pilot):
        assert any("set aside" in n.message for n in app._notifications)
        await pilot.press("j")

    drive(ReaderApp([story]), steps)
    assert (state / "positions.json.corrupt-1").read_text(encoding="utf-8") == "{not json"
    assert json.loads((state / "positions.json").read_text(encoding="utf-8"))["stories"]


def test_broken_article_file_is_reported_by_name(tmp_path, monkeypatch):
    user_dirs(monkeypatch, tmp_path)
    folder = make_story(tmp_path / "content", broken=True)

    async def steps(app, pilot):
        assert any("broken.md" in n.message for n in app._notifications)
        assert len(app.story.articles) == 3

    drive(ReaderApp([folder]), steps)


def test_article_text_is_never_markup(story):
    async def steps(app, pilot):
        text = screen_text(app)
        assert "[bold]不是标记[/bold]" in text
        assert "$primary" in text

    drive(ReaderApp([story]), steps)


def test_story_switcher(tmp_path, monkeypatch):
    user_dirs(monkeypatch, tmp_path)
    first = make_story(tmp_path / "content", "one", title="第一个故事")
    second = make_story(tmp_path / "content", "two", title="第二个故事")

    async def steps(app, pilot):
        assert "第一个故事" in screen_text(app)
        await pilot.press("S")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "enter")
        assert app.story.path == second
        assert "第二个故事" in screen_text(app).splitlines()[0]

    drive(ReaderApp([first, second]), steps)


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (119, 40), (120, 40), (300, 100)])
def test_every_size_shows_the_article(story, size):
    async def steps(app, pilot):
        text = screen_text(app)
        assert "小米" in text
        await pilot.press("j", "f", "t", "n")
        await pilot.resize_terminal(size[1] + 7, size[0] // 3 + 5)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert "每經" in screen_text(app) or "小米" in screen_text(app)

    drive(ReaderApp([story]), steps, size=size)


def test_narrow_screen_shows_sources_as_a_popup(story):
    async def steps(app, pilot):
        text = screen_text(app)
        assert "English blog" not in text  # no source list beside the article
        await pilot.press("s")
        assert isinstance(app.screen, ChoiceScreen)
        assert "English blog" in screen_text(app)
        await pilot.press("j", "j", "enter")
        assert app.article.id == "c-en"

    drive(ReaderApp([story]), steps, size=(60, 20))


def test_medium_screen_opens_the_facts_panel_on_f(story):
    async def steps(app, pilot):
        assert "Other outlets" not in screen_text(app)
        await pilot.press("f")
        assert "Other outlets" in screen_text(app)  # the sentence's position and the outlets
        await pilot.press("f", "f")
        assert "Other outlets" not in screen_text(app)

    drive(ReaderApp([story]), steps, size=(100, 30))


def test_facts_panel_before_alignment_shows_the_sentence_position(story):
    async def steps(app, pilot):
        await pilot.press("j")
        text = screen_text(app)
        assert "sentence 2 of" in text and "¶ 1/" in text

    drive(ReaderApp([story]), steps)


# ---------------------------------------------------------------- with facts


def _facts(story_dir):
    from reader.content import load_story

    story = load_story(story_dir)
    a, b, c = (story.article(i) for i in ("a-hans", "b-hant", "c-en"))

    def mention(article, needle, value, display):
        start = article.body.index(needle)
        return Mention(article.id, needle, start, start + len(needle), value, display)

    followers = Fact("f1", "微博粉丝 / followers", "conflict", (
        mention(a, "王腾在微博拥有180.2万粉丝，他说：“我会继续努力。”", "1802000", "180.2万"),
        mention(b, "王騰在微博有170萬粉絲。", "1700000", "170萬"),
    ))  # fmt: skip
    date = Fact("f2", "辞退日期 / dismissed", "agree", (
        mention(a, "小米集团9月8日宣布辞退王腾。", "2025-09-08", "9月8日"),
        mention(b, "小米於9月8日辭退王騰。", "2025-09-08", "9月8日"),
        mention(c, "Xiaomi dismissed Wang Teng on September 8, 2025.", "2025-09-08", "September 8, 2025"),
    ))  # fmt: skip
    return [followers, date]


@pytest.fixture
def facts_story(story, monkeypatch):
    facts = _facts(story)
    monkeypatch.setattr(core_bridge, "align_story", lambda s, progress=None: (progress and progress(1, 1), facts)[1])
    return story


async def _facts_ready(app, pilot):
    for _ in range(100):
        if app.facts is not None:
            return
        await pilot.pause(0.02)
    raise AssertionError("the alignment never finished")


def test_facts_panel_shows_every_outlets_version_and_jumps(facts_story):
    async def steps(app, pilot):
        await _facts_ready(app, pilot)
        await pilot.press("j")  # the followers sentence
        text = screen_text(app)
        assert "≠ conflict" in text and "180.2万" in text and "170萬" in text
        assert "silent" in text  # the English blog does not state it
        facts_list = app.query_one(FactsList)
        facts_list.focus()
        await pilot.pause()
        target = next(i for i, e in enumerate(facts_list.entries) if "170萬" in e.text.plain)
        facts_list.highlighted = target
        await pilot.press("enter")
        assert app.article.id == "b-hant"
        assert app.current_sentence().text == "王騰在微博有170萬粉絲。"
        assert app.query_one(ReadingPane).has_focus

    drive(ReaderApp([facts_story]), steps)


def test_contradicted_sentences_are_marked_in_the_reading_pane(facts_story):
    async def steps(app, pilot):
        await _facts_ready(app, pilot)
        marked = [row for row in screen_text(app).splitlines() if "≠" in row]
        assert any("180.2万" in row or "王腾在微博" in row for row in marked)
        assert not any("雷军表示" in row for row in marked)  # a sentence with no contradicted fact is not

    drive(ReaderApp([facts_story]), steps)


def test_f_switches_to_the_whole_story_matrix_conflicts_first(facts_story):
    async def steps(app, pilot):
        await _facts_ready(app, pilot)
        await pilot.press("f")
        matrix = app.query_one(FactsMatrix)
        assert matrix.display and matrix.row_count == 2
        assert "conflict" in str(matrix.get_row_at(0)[1])
        matrix.focus()
        matrix.cursor_coordinate = (1, 4)  # the dismissal date, English blog column
        await pilot.press("enter")
        assert app.article.id == "c-en"
        assert app.current_sentence().start == 0
        await pilot.press("f")
        assert not app.query_one(FactsMatrix).display

    drive(ReaderApp([facts_story]), steps)


@pytest.mark.parametrize("size", [(100, 30), (160, 45), (60, 20), (123, 33)])
def test_no_character_is_cut_at_the_pane_edge(story, size):
    async def steps(app, pilot):
        pane = app.query_one(ReadingPane)
        rows = screen_text(app).splitlines()
        top = pane.content_region.y
        checked = 0
        for y in range(pane.content_region.height):
            number = pane.scroll_offset.y + y
            if number < pane.doc.line_count:
                words = pane.doc.line_text(pane.doc.line(number)).strip()
                assert words in rows[top + y], (words, rows[top + y])
                checked += bool(words)
        assert checked > 3

    drive(ReaderApp([story], sentence=3), steps, size=size)
