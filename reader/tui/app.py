"""The reading app: owns the state (story, article, script, cursor) and hands it to thin widgets.

Widgets post messages up and never query each other; slow work (the fact alignment) runs in a
thread worker that posts its result back.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen

from reader import factview, startup
from reader.content import load_story
from reader.errors import ReaderError
from reader.models import Article, Fact, Quote, Sentence, Story
from reader.script import Script, detect_language, is_han
from reader.tui import core_bridge as core
from reader.tui import offload
from reader.tui.document import ArticleText, find_quotes
from reader.tui.facts_panel import FactBlock, FactsPanel, MatrixRow, VersionRow
from reader.tui.header import StoryHeader
from reader.tui.key_bar import KeyBar
from reader.tui.reading_pane import LARGE_ARTICLE, ReadingPane
from reader.tui.source_list import SourceEntry, SourceList
from reader.tui.styling import badge, plain
from reader.userstate import CITATION_STYLES, Config, Positions

if TYPE_CHECKING:  # the dialogs and search load when first opened, not at start-up
    from reader.search import Hit
    from reader.tui.choice_screen import ChoiceScreen
    from reader.tui.search_screen import Chosen, Result

SAVE_DELAY = 1.0  # seconds of calm before the reading position is written
WARM_DELAY = 1.0  # seconds after start-up: the conversion tables are read then, before the first t


def _bindings() -> list[Binding]:
    """Every key of the app; ids make them remappable from the config's [keys] table."""
    keys = [
        Binding(str(n), f"open_outlet({n})", f"Open outlet {n}", show=False, id=f"open-{n}")
        for n in range(1, 10)
    ]
    return [
        *keys,
        Binding("j,down", "next_sentence", "Next sentence", show=False, id="next-sentence"),
        Binding("k,up", "previous_sentence", "Previous sentence", show=False, id="previous-sentence"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="page-down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="page-up"),
        Binding("g,home", "top", "Top", show=False, id="top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="bottom"),
        Binding("left_square_bracket", "step_outlet(-1)", "Previous outlet", show=False, id="previous-outlet"),
        Binding("right_square_bracket", "step_outlet(1)", "Next outlet", show=False, id="next-outlet"),
        Binding("t", "toggle_script", "简/繁", id="toggle-script"),
        Binding("T", "choose_script", "Script variant", show=False, id="choose-script"),
        Binding("n", "quote(1)", "Next quote", id="next-quote"),
        Binding("N", "quote(-1)", "Previous quote", show=False, id="previous-quote"),
        Binding("c", "copy_quote", "Copy+cite", id="copy-quote"),
        Binding("y", "copy_sentence", "Copy sentence", show=False, id="copy-sentence"),
        Binding("C", "choose_style", "Citation style", show=False, id="citation-style"),
        Binding("slash", "search", "Search", id="search"),
        Binding("greater_than_sign", "match(1)", "Next match", show=False, id="next-match"),
        Binding("less_than_sign", "match(-1)", "Previous match", show=False, id="previous-match"),
        Binding("escape", "clear_search", "Clear search", show=False, id="clear-search"),
        Binding("f", "facts", "Facts", id="facts"),
        Binding("s", "sources", "Sources", show=False, id="sources"),
        Binding("S", "choose_story", "Stories", show=False, id="choose-story"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]


# Actions about the article on screen: not while a dialog is open.
READING_ACTIONS = {b.action.split("(")[0] for b in _bindings()} - {"quit", "help"}


class ReadingScreen(Screen):
    """The app's main screen: the reading pane has the focus from the start (dialogs keep the
    app's rule, their first focusable widget), so the first frame is drawn focused, not
    restyled and drawn again once the focus moves there."""

    AUTO_FOCUS = "#reading"


class ReaderApp(App[int]):
    """Read one story as several outlets told it."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = _bindings()

    def __init__(
        self,
        story_dirs: list[Path],
        article_id: str | None = None,
        script: str | None = None,
        *,
        facts_mode: str = "sentence",
        sentence: int | None = None,
    ) -> None:
        super().__init__()
        if not story_dirs:
            raise ReaderError("no story to open")
        self.story_dirs = [Path(p) for p in story_dirs]
        self.story: Story = load_story(self.story_dirs[0])
        self.start_article = article_id
        self.start_sentence = sentence
        self.script = Script(script) if script else Script.ORIGINAL
        self.config = Config()
        self.positions = Positions()
        self.texts: dict[str, ArticleText] = {}
        self._folded: dict[str, str] = {}  # article id -> folded body, for search
        self.article: Article | None = None
        self.cursor = 0
        self.quote: int | None = None
        self.facts: list[Fact] | None = None
        self.facts_known = asyncio.Event()  # set once the facts are lined up, or known to be unavailable
        self.facts_mode = facts_mode
        self.facts_open = facts_mode == "story"
        self.search_query = ""
        self.search_hits: list[Hit] = []
        self.search_index = -1
        self._save_timer = None
        self._warned_save = False
        if article_id is not None and self.story.article(article_id) is None:
            known = ", ".join(a.id for a in self.story.articles) or "none"
            raise ReaderError(f"no article {article_id!r} in story {self.story.id} (articles: {known})")
        self._apply_keymap()
        if self._may_need_children():
            offload.prepare()

    def _may_need_children(self) -> bool:
        """True when work may go to child processes: an alignment, a long article's quotations."""
        if len(self.story_dirs) > 1 or not core.facts_cached(self.story):
            return True
        return any(len(a.body) >= LARGE_ARTICLE for a in self.story.articles)

    # ------------------------------------------------------------ layout

    def get_default_screen(self) -> Screen:
        return ReadingScreen(id="_default")

    def compose(self) -> ComposeResult:
        self._set_breakpoint_class()  # first: the panes are styled for this width when mounted
        yield StoryHeader(id="header")
        with Horizontal(id="main"):
            yield SourceList(id="sources")
            yield ReadingPane(id="reading")
            yield FactsPanel(id="facts")
        yield KeyBar(self.footer_keys(), id="footer")

    def on_mount(self) -> None:
        phrase_warning = core.load_user_phrases()
        _converted.cache_clear()
        for warning in self.config.warnings + self.positions.warnings + [phrase_warning] * bool(phrase_warning):
            self.notify(warning, title="Settings", severity="warning", markup=False, timeout=8)
        self._open_story()  # the screen's AUTO_FOCUS gives the reading pane the focus before the first frame
        self.set_timer(WARM_DELAY, self._warm_conversions)
        self.call_after_refresh(startup.end)

    def _set_breakpoint_class(self) -> None:
        """The screen's width class (-narrow/-medium/-wide) before the first frame: Textual sets
        it on the screen's first resize, after drawing, and the whole screen is restyled then."""
        width = self.size.width
        chosen = max((b for b in self.HORIZONTAL_BREAKPOINTS if b[0] <= width), default=None)
        if chosen is not None:
            self.screen.set_class(True, chosen[1])

    @work(thread=True, exclusive=True, group="warm")
    def _warm_conversions(self) -> None:
        """Read the 简/繁 conversion tables off the screen's thread, so the first t is quick."""
        for source, target in (("zh-Hans", Script.HANT), ("zh-Hant", Script.HANS)):
            core.convert("汉字", target, source_language=source)

    def footer_keys(self) -> list[tuple[str, str, str]]:
        """(keys, description, action) of the bindings shown in the footer, as currently mapped."""
        keymap = self._keymap
        return [
            (_key_label(keymap.get(b.id, b.key) if b.id else b.key).split(" ")[0], b.description, b.action)
            for b in _bindings()
            if b.show
        ]

    @on(KeyBar.Pressed)
    def _footer_pressed(self, message: KeyBar.Pressed) -> None:
        self.run_action(message.action)

    def _apply_keymap(self) -> None:
        keys = self.config.keys
        if keys:
            self.set_keymap(keys)

    # ------------------------------------------------------------ story and article

    def _open_story(self) -> None:
        for problem in self.story.problems:
            self.notify(f"{problem.path.name} could not be read: {problem.reason}",
                        title="Broken file", severity="warning", markup=False, timeout=10)  # fmt: skip
        self.facts = None
        self.facts_known.clear()
        self.search_hits, self.search_index, self.search_query = [], -1, ""
        if not self.story.articles:
            self._facts_settled([])  # nothing to line up
            self._refresh_all()
            return
        facts = self._facts_from_cache()
        if facts is None:
            self._align()  # first: it runs while the screen is put together
        else:  # the first frame shows them: no second pass over every pane
            self.facts = facts
            self.facts_known.set()
        first = self.start_article or self.positions.last_article(self.story.id)
        article = self.story.article(first or "") or self.story.articles[0]
        self.open_article(article.id, self._start_offset(article))

    def _facts_from_cache(self) -> list[Fact] | None:
        """The story's facts when the disk cache has them (reading it takes a millisecond), else None."""
        try:
            return core.cached_facts(self.story)
        except Exception:  # noqa: BLE001 - the alignment worker then tries, and reports a failure
            return None

    def _start_offset(self, article: Article) -> int | None:
        if self.start_sentence is not None:
            sentences = self._text(article).sentences
            index = min(max(0, self.start_sentence), max(0, len(sentences) - 1))
            self.start_sentence = None
            return sentences[index].start if sentences else 0
        return None

    def _text(self, article: Article) -> ArticleText:
        text = self.texts.get(article.id)
        if text is None:
            small = len(article.body) < LARGE_ARTICLE
            text = self.texts[article.id] = ArticleText.build(article, with_quotes=small)
            if not small:
                self._find_quotes(text)
        return text

    @work(group="quotes")
    async def _find_quotes(self, text: ArticleText) -> None:
        """Quotations of a long article, found in another process."""
        try:
            quotes = await offload.run(find_quotes, text.article)
        except Exception as exc:  # noqa: BLE001 - the article reads fine without highlighted quotations
            self.notify(f"Quotations not found: {type(exc).__name__}: {exc}", severity="warning", markup=False)
            quotes = []
        text.add_quotes(quotes)
        if self.article is text.article:
            self.query_one(ReadingPane).set_static_marks(self._static_marks())

    def open_article(self, article_id: str, offset: int | None = None) -> None:
        """Show an article, at a body offset or where the reader left it."""
        article = self.story.article(article_id)
        if article is None:
            return
        self.article = article
        text = self._text(article)
        if offset is None:
            offset = self.positions.offset(self.story.id, article.id) or 0
        self.cursor = text.sentence_at(offset)
        self.quote = None
        if self.search_hits:
            self.search_index = next((i for i, h in enumerate(self.search_hits)
                                      if h.article_id == article.id and h.start >= offset), -1)  # fmt: skip
        self._refresh_all(center=True)

    @property
    def sentences(self) -> list[Sentence]:
        return self._text(self.article).sentences if self.article else []

    @property
    def quotes(self) -> list[Quote]:
        return self._text(self.article).quotes if self.article else []

    def current_sentence(self) -> Sentence | None:
        sentences = self.sentences
        return sentences[self.cursor] if 0 <= self.cursor < len(sentences) else None

    # ------------------------------------------------------------ what the widgets show

    def shown(self, text: str, language: str | None) -> str:
        """Text in the display script."""
        return _converted(text, self.script, language)

    def script_label(self) -> str:
        if self.script is Script.ORIGINAL and self.article is not None:
            return f"{Script.ORIGINAL.label} {badge(self.article.language)}"
        return self.script.label

    def _refresh_all(self, center: bool | None = None) -> None:
        """Every pane, in one screen update; then the cursor's marks unless ``center`` is None."""
        with self.batch_update():
            self._show_header()
            self._show_sources()
            self._show_article()
            if center is None or self.facts_mode != "sentence":
                self._show_facts()  # else the cursor's move shows the facts of its sentence
            if center is not None:
                self._cursor_moved(center=center)

    def _show_header(self, busy: str = "") -> None:
        article = self.article
        title = self.shown(self.story.title, self.story.language)
        outlet = self.shown(article.display_name, article.language) if article else ""
        date = (article.published or "date ?") if article else ""
        if not busy and self.facts is None:
            busy = "lining up facts…"
        self.query_one(StoryHeader).show(title, outlet, date, self.script_label(), busy)

    def _show_sources(self) -> None:
        """The list converts an entry's outlet and title when it comes into view."""
        entries = self._source_entries()
        self.query_one(SourceList).show(entries, self.article.id if self.article else None, self.shown)

    def _source_entries(self) -> list[SourceEntry]:
        story = self.story
        if getattr(self, "_entries_of", None) is not story:
            self._entries = [SourceEntry(a.id, a.display_name, badge(a.language), a.published or "?", a.title or "",
                                         a.language) for a in story.articles]  # fmt: skip
            self._entries_of = story
        return self._entries

    def _show_article(self) -> None:
        pane = self.query_one(ReadingPane)
        if self.article is None:
            pane.border_title = "This story has no readable article"
            return
        pane.show(self._text(self.article), self._article_script(), self._static_marks(), self._moving_marks())
        pane.border_title = plain(self.shown(self.article.display_name, self.article.language))

    def _article_script(self) -> Script:
        return Script.ORIGINAL if self.article and self.article.language == "en" else self.script

    def _static_marks(self) -> list[tuple[int, int, str]]:
        article = self.article
        if article is None:
            return []
        marks = [(q.start, q.end, q.kind) for q in self.quotes]
        if self.facts:
            marks += [(s, e, "conflict") for s, e in self._contradicted().get(article.id, [])]
        marks += [(h.start, h.end, "match") for h in self.search_hits if h.article_id == article.id]
        return marks

    def _moving_marks(self) -> list[tuple[int, int, str]]:
        marks: list[tuple[int, int, str]] = []
        sentence = self.current_sentence()
        if sentence:
            marks.append((sentence.start, sentence.end, "cursor"))
        if self.quote is not None and self.quote < len(self.quotes):
            q = self.quotes[self.quote]
            marks.append((q.start, q.end, "quote-current"))
        hit = self._current_hit()
        if hit:
            marks.append((hit.start, hit.end, "match-current"))
        return marks

    @functools.cached_property
    def _contradicted_cache(self) -> dict[int, dict[str, list[tuple[int, int]]]]:
        return {}

    def _contradicted(self) -> dict[str, list[tuple[int, int]]]:
        key = id(self.facts)
        if key not in self._contradicted_cache:
            self._contradicted_cache.clear()
            self._contradicted_cache[key] = factview.contradicted_sentences(self.facts or [])
        return self._contradicted_cache[key]

    def _current_hit(self) -> Hit | None:
        if 0 <= self.search_index < len(self.search_hits):
            hit = self.search_hits[self.search_index]
            if self.article and hit.article_id == self.article.id:
                return hit
        return None

    def _cursor_moved(self, scroll: bool = True, center: bool = False) -> None:
        """Marks, status, facts and the remembered position follow the cursor."""
        pane = self.query_one(ReadingPane)
        pane.set_moving_marks(self._moving_marks())
        sentence = self.current_sentence()
        if sentence and scroll:
            span = (sentence.start, sentence.end)
            if self.quote is not None and self.quote < len(self.quotes):
                span = (self.quotes[self.quote].start, self.quotes[self.quote].end)
            pane.scroll_body_into_view(*span, center=center)
        pane.border_subtitle = self._status_line()
        if self.facts_mode == "sentence":
            self._show_facts()
        if self.article and sentence:
            self.positions.remember(self.story.id, self.article.id, sentence.start)
            self._schedule_save()

    def _status_line(self) -> Text:
        parts = [f"sentence {self.cursor + 1}/{len(self.sentences)}"] if self.sentences else ["empty article"]
        if self.quote is not None and self.quote < len(self.quotes):
            q = self.quotes[self.quote]
            who = self.shown(q.speaker, self.article.language) if q.speaker else "speaker unknown"
            kind = "said" if q.kind == "speech" else "term"
            parts.append(f"quote {self.quote + 1}/{len(self.quotes)} · {kind} · {who}")
        if self.search_hits:
            parts.append(f"match {self.search_index + 1 if self.search_index >= 0 else '-'}/{len(self.search_hits)}")
        return plain(" · ".join(parts))

    # ------------------------------------------------------------ facts panel

    def _show_facts(self) -> None:
        panel = self.query_one(FactsPanel)
        panel.set_class(self.facts_open, "open")
        panel.set_class(self.facts_mode == "story", "story-mode")
        panel.border_title = "Whole story: facts × outlets" if self.facts_mode == "story" else "Same fact elsewhere"
        if self.facts_mode == "story" and self.facts is not None:
            self._show_matrix(panel)
        else:
            self._show_sentence_facts(panel)

    def _position_head(self) -> Text:
        sentence = self.current_sentence()
        head = Text(end="")
        if self.article is None:
            return plain("This story has no readable article.")
        head.append_text(plain(self.shown(self.article.display_name, self.article.language), "bold"))
        if sentence:
            paragraphs = self.sentences[-1].paragraph + 1
            head.append(f"\nsentence {self.cursor + 1} of {len(self.sentences)}", "dim")
            head.append(f" · ¶ {sentence.paragraph + 1}/{paragraphs}", "dim")
            head.append(f"\ncharacters {sentence.start}–{sentence.end} of {len(self.article.body)}", "dim")
        return head

    def _show_sentence_facts(self, panel: FactsPanel) -> None:
        head = self._position_head()
        sentence = self.current_sentence()
        facts: list[Fact] = []
        if self.facts and sentence is not None and self.article is not None:
            facts = factview.facts_of_sentence(self.facts, self.article.id, sentence.start, sentence.end)
        if facts:
            panel.show_sentence(head, [self._fact_block(f, sentence) for f in facts])
            return
        lines = []
        if sentence is not None:
            lines.append(plain(self.shown(sentence.text, self.article.language)))
            note = "Lining up facts across outlets…" if self.facts is None else "No fact of this sentence found."
            lines.append(plain(note, "italic dim"))
        panel.show_lines(head, lines + self._other_outlets())

    def _other_outlets(self) -> list[Text]:
        """The other outlets of the story, to jump to with their number key."""
        lines = [Text("\nOther outlets", style="bold")]
        for number, article in enumerate(self.story.articles, 1):
            if self.article and article.id != self.article.id:
                line = Text(f"{number} " if number <= 9 else "  ", style="dim", end="")
                line.append_text(plain(self.shown(article.display_name, article.language)))
                line.append(f" {badge(article.language)} {(article.published or '?')[5:] or '?'}", "dim")
                lines.append(line)
        return lines

    def _fact_block(self, fact: Fact, sentence: Sentence) -> FactBlock:
        rows: list[VersionRow] = []
        for version in factview.versions(fact, self.story.articles):
            outlet = self.shown(version.article.display_name, version.article.language)
            if version.silent:
                rows.append(VersionRow(outlet, version.article.id))
                continue
            for mention in version.mentions:
                rows.append(self._version_row(outlet, version.article, mention, sentence))
        return FactBlock(self.shown(fact.label, None), fact.status, tuple(rows))

    def _version_row(self, outlet: str, article: Article, mention, sentence: Sentence) -> VersionRow:
        shown_sentence = self.shown(mention.sentence, article.language)
        value = self.shown(factview.value_text(mention), article.language)
        at = shown_sentence.find(value) if value else -1
        here = article.id == sentence.article_id and mention.start < sentence.end and sentence.start < mention.end
        return VersionRow(outlet, article.id, mention.start, shown_sentence,
                          at, at + len(value) if at >= 0 else -1, value, here)  # fmt: skip

    def _show_matrix(self, panel: FactsPanel) -> None:
        articles = self.story.articles
        outlets = [self.shown(a.display_name, a.language) for a in articles]
        rows = []
        for fact in factview.matrix(self.facts or []):
            cells = []
            for version in factview.versions(fact, articles):
                if version.silent:
                    cells.append(VersionRow("", version.article.id))
                    continue
                m = version.mentions[0]
                value = self.shown(factview.value_text(m), version.article.language)
                cells.append(VersionRow("", version.article.id, m.start, m.sentence, value=value))
            rows.append(MatrixRow(self.shown(fact.label, None), fact.status, tuple(cells)))
        conflicts = sum(1 for f in self.facts or [] if f.status == "conflict")
        head = plain(f"{len(rows)} facts · {conflicts} in conflict · Enter on a cell opens that sentence")
        panel.show_matrix(head, outlets, rows)

    @work(thread=True, exclusive=True, group="facts")
    def _align(self) -> None:
        """Line up the story's facts off the screen's thread; progress and result are posted back."""
        story = self.story

        def progress(fraction: float, _stage: str = "") -> None:
            self.call_from_thread(self._facts_progress, float(fraction))

        try:
            facts = core.cached_facts(story)
            if facts is None:
                facts = core.align_story(story, progress=progress)
        except Exception as exc:  # noqa: BLE001 - the screen stays usable without facts
            self.call_from_thread(self._facts_failed, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._facts_ready, story, facts)

    def _facts_progress(self, fraction: float) -> None:
        self.query_one(FactsPanel).show_progress(min(1.0, max(0.0, fraction)))
        self._show_header(f"lining up facts… {round(100 * fraction)}%")

    def _facts_failed(self, reason: str) -> None:
        self.notify(f"Facts could not be lined up: {reason}", severity="error", markup=False)
        self._facts_settled([])

    def _facts_ready(self, story: Story, facts: list[Fact]) -> None:
        if story is self.story:
            self._facts_settled(facts)

    def _facts_settled(self, facts: list[Fact]) -> None:
        """Show what depends on the facts: header, conflict marks, facts panel (not the source list)."""
        self.facts = facts
        self.query_one(FactsPanel).show_progress(None)
        self._show_header()
        if self.article is not None:
            self.query_one(ReadingPane).set_static_marks(self._static_marks())
            self._cursor_moved(scroll=False)
        if self.article is None or self.facts_mode != "sentence":
            self._show_facts()  # the cursor's move shows the facts of a sentence, not the matrix
        self.facts_known.set()

    @on(FactsPanel.Jump)
    def _jump(self, message: FactsPanel.Jump) -> None:
        self.open_article(message.article_id, message.offset)
        self.query_one(ReadingPane).focus()

    # ------------------------------------------------------------ reading actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in READING_ACTIONS and isinstance(self.screen, ModalScreen))

    def action_open_outlet(self, number: int) -> None:
        if 1 <= number <= len(self.story.articles):
            self.open_article(self.story.articles[number - 1].id)

    def action_step_outlet(self, step: int) -> None:
        articles = self.story.articles
        if not articles or self.article is None:
            return
        index = next(i for i, a in enumerate(articles) if a.id == self.article.id)
        self.open_article(articles[(index + step) % len(articles)].id)

    def _move_to(self, index: int) -> None:
        if not self.sentences:
            return
        self.cursor = min(max(0, index), len(self.sentences) - 1)
        self.quote = None
        self._cursor_moved()

    def action_next_sentence(self) -> None:
        self._move_to(self.cursor + 1)

    def action_previous_sentence(self) -> None:
        self._move_to(self.cursor - 1)

    def action_top(self) -> None:
        self._move_to(0)
        self.query_one(ReadingPane).scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self._move_to(len(self.sentences) - 1)

    def action_page(self, pages: int) -> None:
        pane = self.query_one(ReadingPane)
        if self.article is None:
            pane.border_title = "This story has no readable article"
            return
        target = pane.page_target(pages)
        pane.scroll_to(y=target, animate=False, immediate=True)
        index = self._text(self.article).sentence_at(pane.body_offset_of_line(target))
        if pages < 0 and index == self.cursor:
            index = 0 if target == 0 else index
        self.cursor = min(max(0, index), max(0, len(self.sentences) - 1))
        self.quote = None
        self._cursor_moved(scroll=False)

    @on(ReadingPane.SentenceClicked)
    def _clicked(self, message: ReadingPane.SentenceClicked) -> None:
        if self.article is not None:
            self.cursor = self._text(self.article).sentence_at(message.offset)
            self.quote = None
            self._cursor_moved(scroll=False)

    @on(SourceList.Selected)
    def _source_chosen(self, message: SourceList.Selected) -> None:
        self.open_article(message.article_id)
        self.query_one(ReadingPane).focus()

    # ------------------------------------------------------------ scripts

    def set_script(self, script: Script) -> None:
        """Show every pane in this script."""
        self.script = script
        self._refresh_all(center=False)

    def action_toggle_script(self) -> None:
        current = self.script
        if current is Script.ORIGINAL:
            language = self.article.language if self.article else None
            current = Script.HANT if language == "zh-Hant" else Script.HANS
        self.set_script(Script.HANT if current is Script.HANS else Script.HANS)

    def action_choose_script(self) -> None:
        options = [(s.value, f"{s.label}  ({s.value})") for s in Script]

        def chosen(value: str | None) -> None:
            if value:
                self.set_script(Script(value))

        self.push_screen(_choice_screen("Display script", options, self.script.value), chosen)

    # ------------------------------------------------------------ quotations

    def action_quote(self, step: int) -> None:
        quotes = self.quotes
        sentence = self.current_sentence()
        if self.article and not self._text(self.article).quotes_ready:
            self.notify("Still looking for quotations in this long article…", markup=False)
            return
        if not quotes or sentence is None:
            self.notify("No quotation found in this article.", markup=False)
            return
        if self.quote is None:
            after = [i for i, q in enumerate(quotes) if q.start >= sentence.start]
            before = [i for i, q in enumerate(quotes) if q.start < sentence.start]
            index = (after[0] if after else 0) if step > 0 else (before[-1] if before else len(quotes) - 1)
        else:
            index = (self.quote + step) % len(quotes)
        self.quote = index
        self.cursor = self._text(self.article).sentence_at(quotes[index].start)
        self._cursor_moved()

    def action_quote_list(self) -> None:
        """Choose a quotation of the article, listed by speaker."""
        if not self.quotes or self.article is None:
            self.notify("No quotation found in this article.", markup=False)
            return
        language = self.article.language
        order = sorted(range(len(self.quotes)), key=lambda i: (self.quotes[i].speaker or "\uffff", i))
        options = []
        for i in order:
            q = self.quotes[i]
            who = self.shown(q.speaker, language) if q.speaker else "(speaker unknown)"
            label = Text(end="", no_wrap=True, overflow="ellipsis")
            label.append_text(plain(who, "bold" if q.kind == "speech" else "dim"))
            label.append_text(plain(f"  “{self.shown(q.text, language)}”"))
            options.append((str(i), label))

        def chosen(value: str | None) -> None:
            if value is not None:
                self.quote = int(value)
                self.cursor = self._text(self.article).sentence_at(self.quotes[self.quote].start)
                self._cursor_moved()

        self.push_screen(_choice_screen("Quotations by speaker", options), chosen)

    # ------------------------------------------------------------ copying

    def _shown_script_name(self) -> str:
        return self._article_script().value

    def _copy(self, start: int, end: int, what: str) -> None:
        article = self.article
        if article is None:
            return
        shown = self.shown(article.body[start:end], article.language)
        style = self.config.citation_style
        citation = core.format_citation(article, style, quote=shown, shown_script=self._shown_script_name())
        result = core.copy_with_citation(
            shown, article=article, start=start, end=end, citation=citation, body=article.body,
            script=self._shown_script_name(), write_osc52=self._write_to_terminal,
        )  # fmt: skip
        copied = bool(result.destinations)
        self.notify(
            result.message,
            title=f"{what} copied with a {style} citation" if copied else f"{what} not copied",
            severity="information" if copied else "warning",
            markup=False,
        )

    def _write_to_terminal(self, sequence: str) -> None:
        """Send an escape sequence (OSC 52) through the app's own output, not around it."""
        driver = self._driver  # the App has no public writer; copy_to_clipboard uses the same
        if driver is None:
            raise OSError("no terminal")
        driver.write(sequence)
        driver.flush()

    def action_copy_quote(self) -> None:
        sentence = self.current_sentence()
        quote = None
        if self.quote is not None and self.quote < len(self.quotes):
            quote = self.quotes[self.quote]
        elif sentence is not None:
            inside = self._text(self.article).quotes_in(sentence) if self.article else []
            quote = self.quotes[inside[0]] if inside else None
        if quote is None:
            self.notify("No quotation here: n moves to the next one; y copies the sentence.", markup=False)
            return
        self._copy(quote.start, quote.end, "Quotation")

    def action_copy_sentence(self) -> None:
        sentence = self.current_sentence()
        if sentence is not None:
            self._copy(sentence.start, sentence.end, "Sentence")

    def action_choose_style(self) -> None:
        options = []
        for style in CITATION_STYLES:
            sample = core.format_citation(self.article, style) if self.article else ""
            label = Text(end="")
            label.append(style, "bold")
            label.append("\n")
            label.append_text(plain(sample.replace("\n", " "), "dim"))
            options.append((style, label))

        def chosen(style: str | None) -> None:
            if style:
                self.config.citation_style = style
                try:
                    self.config.save()
                except OSError as exc:
                    self.notify(f"Citation style not saved: {exc}", severity="warning", markup=False)
                self.notify(f"Citations now in {style} style.", markup=False)

        self.push_screen(_choice_screen("Citation style", options, self.config.citation_style), chosen)

    # ------------------------------------------------------------ search

    def search(self, query: str) -> list[Result]:
        """Matches of the query in every outlet, with snippets in the display script."""
        from reader.search import search_story, snippet
        from reader.tui.search_screen import Result

        pairs = [(a, self._text(a).sentences) for a in self.story.articles]
        results = []
        for hit in search_story(pairs, query, core.fold, folded=self._folded):
            article = self.story.article(hit.article_id)
            piece = snippet(article.body, hit.start, hit.end)
            converted = core.convert(piece.text, self.script, source_language=article.language)
            start, end = converted.to_converted(piece.match_start), converted.to_converted(piece.match_end)
            outlet = self.shown(article.display_name, article.language)
            results.append(Result(hit, outlet, converted.text, start, end))
        return results

    def action_search(self) -> None:
        from reader.tui.search_screen import SearchScreen

        def chosen(choice: Chosen | None) -> None:
            if choice is not None:
                self.apply_search(choice)

        self.push_screen(SearchScreen(self.search, self.search_query), chosen)

    def apply_search(self, choice: Chosen) -> None:
        """Highlight the query's matches and open the chosen one."""
        self.search_query, self.search_hits = choice.query, choice.hits
        self._go_to_match(choice.index)

    def _go_to_match(self, index: int) -> None:
        if not self.search_hits:
            return
        self.search_index = index % len(self.search_hits)
        hit = self.search_hits[self.search_index]
        keep = self.search_index
        if self.article is None or hit.article_id != self.article.id:
            self.open_article(hit.article_id, hit.start)
        self.search_index = keep
        self.cursor = hit.sentence
        self.quote = None
        self.query_one(ReadingPane).set_static_marks(self._static_marks())
        self._cursor_moved(center=True)

    def action_match(self, step: int) -> None:
        if not self.search_hits:
            self.notify("No search: / searches every outlet.", markup=False)
            return
        self._go_to_match(self.search_index + step if self.search_index >= 0 else 0)

    def action_clear_search(self) -> None:
        if self.search_hits:
            self.search_hits, self.search_index = [], -1
            self.query_one(ReadingPane).set_static_marks(self._static_marks())
            self._cursor_moved(scroll=False)

    # ------------------------------------------------------------ panes, stories, help

    def action_facts(self) -> None:
        wide = self.size.width >= 120
        if wide:
            self.facts_mode = "story" if self.facts_mode == "sentence" else "sentence"
        elif not self.facts_open:
            self.facts_open, self.facts_mode = True, "sentence"
        elif self.facts_mode == "sentence":
            self.facts_mode = "story"
        else:
            self.facts_open, self.facts_mode = False, "sentence"
        self._show_facts()
        if self.facts_mode == "story" and self.facts is None:
            self.notify("The whole-story matrix shows once facts are lined up.", markup=False)

    def action_sources(self) -> None:
        if self.size.width >= 80:
            self.query_one(SourceList).focus()
            return
        options = [(a.id, f"{i + 1} {self.shown(a.display_name, a.language)}  {badge(a.language)}  "
                          f"{a.published or '?'}") for i, a in enumerate(self.story.articles)]  # fmt: skip

        def chosen(article_id: str | None) -> None:
            if article_id:
                self.open_article(article_id)

        self.push_screen(_choice_screen("Sources", options, self.article.id if self.article else None), chosen)

    def action_choose_story(self) -> None:
        if len(self.story_dirs) < 2:
            self.notify("This content folder holds one story.", markup=False)
            return
        options = [(str(i), _story_title(p)) for i, p in enumerate(self.story_dirs)]

        def chosen(value: str | None) -> None:
            if value is not None:
                self.switch_story(self.story_dirs[int(value)])

        current = next((str(i) for i, p in enumerate(self.story_dirs) if p == self.story.path), None)
        self.push_screen(_choice_screen("Stories", options, current), chosen)

    def switch_story(self, path: Path) -> None:
        """Open another story of the content folder."""
        self._save_positions()
        self.story = load_story(path)
        self.texts.clear()
        self._folded.clear()
        self.article = None
        self.start_article = None
        self._open_story()

    def key_rows(self) -> list[tuple[str, str]]:
        """Every binding of the app with its current keys."""
        keymap = self._keymap
        rows = []
        for binding in _bindings():
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            rows.append((_key_label(keys), binding.description))
        rows.append(("Tab / Shift+Tab", "Next / previous pane"))
        rows.append(("Enter", "(lists, facts panel) open the chosen outlet / sentence"))
        rows.append(("Ctrl+P", "Command palette: every action, outlets, stories, quotations"))
        return _merge_open_keys(rows)

    def action_help(self) -> None:
        from reader.tui.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.key_rows()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in _bindings():
            if binding.action.startswith("open_outlet"):
                continue
            yield SystemCommand(binding.description, f"key {_key_label(binding.key)}",
                                functools.partial(self.run_action, binding.action))  # fmt: skip
        yield SystemCommand("Quotations by speaker", "list this article's quotations and jump to one",
                            self.action_quote_list)  # fmt: skip
        for i, article in enumerate(self.story.articles):
            outlet = self.shown(article.display_name, article.language)
            yield SystemCommand(f"Open {outlet}", self.shown(article.title or article.id, article.language),
                                functools.partial(self.open_article, article.id), discover=i < 9)  # fmt: skip
        if len(self.story_dirs) > 1:
            for path in self.story_dirs:
                yield SystemCommand(f"Story: {_story_title(path)}", str(path.name),
                                    functools.partial(self.switch_story, path))  # fmt: skip

    # ------------------------------------------------------------ remembering

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_positions)

    def _save_positions(self) -> None:
        try:
            self.positions.save()
        except OSError as exc:
            if not self._warned_save:
                self._warned_save = True
                self.notify(f"Reading position not saved: {exc}", severity="warning", markup=False)

    def on_unmount(self) -> None:
        self._save_positions()
        offload.stop()


@functools.lru_cache(maxsize=4096)
def _converted(text: str, script: Script, language: str | None) -> str:
    """Short text (titles, outlets, snippets) in a script; Chinese inside English text converts too."""
    if script is Script.ORIGINAL:
        return text
    if language in (None, "en"):
        han = "".join(ch for ch in text if is_han(ch))
        if not han:
            return text
        language = "zh-Hant" if detect_language(han * 4) == "zh-Hant" else "zh-Hans"
    return core.convert(text, script, source_language=language).text


def _story_title(path: Path) -> str:
    try:
        return load_story(path).title
    except ReaderError:
        return path.name


KEY_NAMES = {
    "left_square_bracket": "[", "right_square_bracket": "]", "slash": "/", "question_mark": "?",
    "greater_than_sign": ">", "less_than_sign": "<", "space": "Space", "pagedown": "PgDn",
    "pageup": "PgUp", "escape": "Esc", "home": "Home", "end": "End", "down": "↓", "up": "↑",
}  # fmt: skip


def _key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def _merge_open_keys(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``1`` … ``9`` as one row when they are not remapped."""
    opens = [r for r in rows if r[1].startswith("Open outlet ")]
    if [k for k, _ in opens] == [str(n) for n in range(1, 10)]:
        rest = [r for r in rows if r not in opens]
        return [("1-9", "Open outlet 1-9"), *rest]
    return rows


def run_app(story_dirs: list[Path], article_id: str | None = None, script: str | None = None) -> int:
    """Run the reading app until the reader quits."""
    app = ReaderApp(story_dirs, article_id=article_id, script=script)
    result = app.run()
    return int(result or 0)


def _choice_screen(*args: object, **kwargs: object) -> ChoiceScreen:
    """A ChoiceScreen (its own arguments), its module loaded when the first dialog opens."""
    from reader.tui.choice_screen import ChoiceScreen

    return ChoiceScreen(*args, **kwargs)
