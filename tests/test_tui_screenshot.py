"""`reader screenshot`: the first full frame as SVG, written atomically; bad sizes are one line."""

from __future__ import annotations

import re

from reader.cli import main
from reader.tui.app import ReaderApp
from reader.tui.screenshot import export_svg, settle
from tests.tui_helpers import drive, make_story, user_dirs


def test_screenshot_writes_an_svg_of_the_story(tmp_path, monkeypatch, capsys):
    user_dirs(monkeypatch, tmp_path)
    story = make_story(tmp_path / "content")
    out = tmp_path / "shot.svg"
    code = main(["screenshot", str(out), str(story), "--size", "100x30", "--script", "hant", "--article", "b-hant"])
    assert code == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "網易號" in svg and "王騰被小米辭退" in svg
    assert not list(tmp_path.glob(".shot.svg.*"))  # no temporary file left behind


def test_screenshot_with_search_and_matrix(tmp_path, monkeypatch):
    user_dirs(monkeypatch, tmp_path)
    story = make_story(tmp_path / "content")
    out = tmp_path / "search.svg"
    assert main(["screenshot", str(out), str(story), "--search", "xiaomi"]) == 0
    assert "matches" in out.read_text(encoding="utf-8")
    assert main(["screenshot", str(out), str(story), "--facts", "story"]) == 0
    assert "Whole" in out.read_text(encoding="utf-8")  # the whole-story matrix, not the sentence view


def test_bad_size_is_one_clear_line(tmp_path, monkeypatch, capsys):
    user_dirs(monkeypatch, tmp_path)
    story = make_story(tmp_path / "content")
    assert main(["screenshot", str(tmp_path / "x.svg"), str(story), "--size", "wide"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--size" in err[0]
    assert not (tmp_path / "x.svg").exists()


def test_export_is_textuals_but_for_the_id(tmp_path, monkeypatch):
    """The screenshot draws the screen as Textual's own export does; only the id differs, and
    it still tells screens apart."""
    user_dirs(monkeypatch, tmp_path)
    story = make_story(tmp_path / "content")
    shots: dict[str, str] = {}

    async def steps(app, pilot):
        await settle(pilot)
        shots["ours"] = export_svg(app, "reader")
        shots["textual"] = app.export_screenshot(title="reader", simplify=True)
        await pilot.press("j")
        await settle(pilot)
        shots["moved"] = export_svg(app, "reader")

    drive(ReaderApp([story]), steps, size=(100, 30))
    ids = {name: set(re.findall(r"terminal-\d+", svg)) for name, svg in shots.items()}
    assert all(len(found) == 1 for found in ids.values())
    assert ids["ours"] != ids["textual"] and ids["moved"] != ids["ours"]
    ours, textuals = (shots[name].replace(ids[name].pop(), "ID") for name in ("ours", "textual"))
    assert ours == textuals
