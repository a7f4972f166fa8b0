"""The reading pane: an article laid out by the Chinese-aware wrapper, drawn line by line.

Only visible lines are rendered (Line API), so a very long article scrolls as lightly as a
short one. The app hands down the article, the script and the marks (in body offsets); the
pane maps them to the displayed text, so they stay on the right characters after conversion.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.models import Article
from reader.script import Script
from reader.tui import core_bridge as core
from reader.tui.document import BODY, MAX_MEASURE, TITLE, ArticleText, Document, SpanIndex
from reader.tui.styling import ROLE_ORDER, plain, styled_line

GUTTER = 3  # conflict mark, cursor bar, space
LARGE_ARTICLE = 200_000  # characters: longer articles are laid out in a thread
Marks = list[tuple[int, int, str]]


class ReadingPane(ScrollView, can_focus=True, inherit_bindings=False):
    """One article in the display script, with a sentence cursor and highlighted spans."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading--title",
        "reading--meta",
        "reading--gutter-cursor",
        "reading--gutter-conflict",
        *(f"reading--{role}" for role in ROLE_ORDER),
    }

    class SentenceClicked(Message):
        """The reader clicked on the body text at this body offset."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text: ArticleText | None = None
        self.script = Script.ORIGINAL
        self.doc: Document | None = None
        self._static_marks: Marks = []
        self._moving_marks: Marks = []
        self._static = SpanIndex([])
        self._moving = SpanIndex([])
        self._ambiguous: Marks = []
        self._wanted: tuple[int, int, bool] | None = None  # a span to bring into view once laid out

    # ------------------------------------------------------------ what the app hands down

    def show(self, text: ArticleText, script: Script, static_marks: Marks, moving_marks: Marks) -> None:
        """Show an article in a script with its marks (spans in body offsets)."""
        changed = self.text is not text or self.script is not script
        self.text, self.script = text, script
        self._static_marks, self._moving_marks = static_marks, moving_marks
        if changed or self.doc is None:
            self._layout()
        else:
            self._index_marks()
        self.refresh()

    def set_moving_marks(self, marks: Marks) -> None:
        """Replace the marks that move with the cursor (current sentence, quotation, match)."""
        self._moving_marks = marks
        self._moving = SpanIndex(self._to_display(marks))
        self.refresh()

    def set_static_marks(self, marks: Marks) -> None:
        """Replace the marks of the whole article (quotations, matches, conflicts)."""
        self._static_marks = marks
        self._static = SpanIndex(self._to_display(marks) + self._ambiguous)
        self.refresh()

    # ------------------------------------------------------------ layout

    def _measure(self) -> int:
        """Cells per line: what the pane leaves beside the gutter and the (always kept) scrollbar."""
        width = min(self.scrollable_content_region.width, self.size.width - self.styles.scrollbar_size_vertical)
        return max(8, min(MAX_MEASURE, width - GUTTER - 1))

    def _layout(self) -> None:
        """Lay the article out at the pane's width: long articles off the screen's thread."""
        if self.text is None or self.size.width == 0:
            return  # not placed yet: on_resize lays it out
        article, script, width = self.text.article, self.script, self._measure()
        if len(article.body) < LARGE_ARTICLE:
            self._set_doc(Document.build(article, script, width))
            return
        self.doc = None  # render_line says the layout is on its way (no animation to steal the CPU)
        self.refresh()
        self._layout_in_thread(article, script, width)

    @work(thread=True, exclusive=True, group="layout")
    def _layout_in_thread(self, article: Article, script: Script, width: int) -> None:
        doc = Document.build(article, script, width)
        self.app.call_from_thread(self._laid_out, article, script, doc)

    def _laid_out(self, article: Article, script: Script, doc: Document) -> None:
        if self.text is None or self.text.article is not article or self.script is not script:
            return  # the reader moved on while this was laid out
        if doc.width != self._measure():
            self._layout()  # the pane changed size meanwhile
            return
        self._set_doc(doc)

    def _set_doc(self, doc: Document) -> None:
        self.doc = doc
        self._ambiguous = [(p, p + 1, "ambiguous") for p in doc.converted.ambiguous]
        if doc.headline_end:
            self._ambiguous.append((0, doc.headline_end, "headline"))
        self._index_marks()
        self.virtual_size = Size(doc.width + GUTTER, len(doc.lines))
        if self._wanted is not None:
            self.call_after_refresh(self.scroll_body_into_view, *self._wanted)
        self.refresh()

    def _index_marks(self) -> None:
        self._static = SpanIndex(self._to_display(self._static_marks) + self._ambiguous)
        self._moving = SpanIndex(self._to_display(self._moving_marks))

    def _to_display(self, marks: Marks) -> Marks:
        if self.doc is None:
            return []
        converted = self.doc.converted
        return [(*core.convert_span(converted, s, e), role) for s, e, role in marks]

    def on_resize(self) -> None:
        if self.doc is None and self.text is not None:
            self._layout()
        elif self.doc is not None and self.doc.width != self._measure():
            if self.text is not None and len(self.text.article.body) >= LARGE_ARTICLE:
                self._wanted = self._wanted or self._top_span()
            self._layout()
        self.refresh()

    def _top_span(self) -> tuple[int, int, bool] | None:
        if self.doc is None:
            return None
        offset = self.body_offset_of_line(self.scroll_offset.y)
        return offset, offset + 1, False

    # ------------------------------------------------------------ scrolling

    def line_of_body(self, offset: int) -> int:
        """The screen line showing a body offset."""
        return self.doc.line_of(self.doc.to_display(offset)) if self.doc else 0

    def body_offset_of_line(self, line_number: int) -> int:
        """The body offset at the start of a screen line (the nearest body line below it)."""
        if self.doc is None:
            return 0
        for line in self.doc.lines[line_number:]:
            if line.block == BODY:
                return self.doc.to_body(line.start)
        return len(self.text.article.body) if self.text else 0

    def scroll_body_into_view(self, start: int, end: int, center: bool = False) -> None:
        """Scroll so the body span shows with a line of context: the least needed, or centred."""
        if self.doc is None:
            self._wanted = (start, end, center)
            return
        self._wanted = None
        top = self.line_of_body(start)
        bottom = self.line_of_body(max(start, end - 1))
        height = self.scrollable_content_region.height or self.size.height
        y = self.scroll_offset.y
        visible = y < top and bottom + 2 <= y + height
        if top == self._first_body_line():
            target = 0
        elif center and not visible:
            target = top - max(1, (height - (bottom - top + 1)) // 3)
        elif top - 1 < y:
            target = top - 1
        elif bottom + 2 > y + height:
            target = min(top - 1, bottom + 2 - height)
        else:
            return
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def _first_body_line(self) -> int:
        if self.doc is None:
            return 0
        return next((n for n, line in enumerate(self.doc.lines) if line.block == BODY), 0)

    def page_target(self, pages: int) -> int:
        """The scroll position one page down (positive) or up (negative) from here."""
        height = self.scrollable_content_region.height or self.size.height
        step = max(1, height - 2)
        return max(0, min(int(self.max_scroll_y), self.scroll_offset.y + pages * step))

    # ------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        number = self.scroll_offset.y + y
        if self.doc is None and self.text is not None and y == 1:
            note = plain(f"{' ' * GUTTER}Laying out {len(self.text.article.body):,} characters…", base)
            return Strip(list(note.render(self.app.console))).extend_cell_length(width, base).crop(0, width)
        if self.doc is None or number >= len(self.doc.lines):
            return Strip.blank(width, base)
        line = self.doc.lines[number]
        text = self.doc.line_text(line)
        out = Text(style=base, end="", no_wrap=True)
        if line.block == BODY:
            spans = self._static.overlapping(line.start, line.end or line.start + 1)
            spans += self._moving.overlapping(line.start, line.end or line.start + 1)
            self._gutter(out, {role for _, _, role in spans})
            styles = {role: self.get_component_rich_style(f"reading--{role}") for role in ROLE_ORDER}
            out.append_text(styled_line(text, line.start, spans, styles, base))
        else:
            out.append(" " * GUTTER)
            role = "reading--title" if line.block == TITLE else "reading--meta"
            out.append_text(plain(text, self.get_component_rich_style(role)))
        strip = Strip(list(out.render(self.app.console)))
        return strip.extend_cell_length(width, base).crop(0, width)

    def _gutter(self, out: Text, roles: set[str]) -> None:
        """Conflict mark, cursor bar, then a space."""
        conflict = "conflict" in roles
        cursor = "cursor" in roles
        out.append("≠" if conflict else " ", self.get_component_rich_style("reading--gutter-conflict"))
        out.append("▌" if cursor else " ", self.get_component_rich_style("reading--gutter-cursor"))
        out.append(" ")

    # ------------------------------------------------------------ mouse

    def on_click(self, event: Click) -> None:
        if self.doc is None:
            return
        number = self.scroll_offset.y + event.y
        if 0 <= number < len(self.doc.lines) and self.doc.lines[number].block == BODY:
            line = self.doc.lines[number]
            column = max(0, event.x - GUTTER)
            text = self.doc.line_text(line)
            used, index = 0, 0
            while index < len(text) and used + core.cell_width(text[index]) <= column:
                used += core.cell_width(text[index])
                index += 1
            self.post_message(self.SentenceClicked(self.doc.to_body(line.start + index)))


READING_CSS = """
ReadingPane {
    padding: 0 0;
    overflow-x: hidden;
    scrollbar-gutter: stable;
}
ReadingPane > .reading--title { text-style: bold; color: $text; }
ReadingPane > .reading--headline { text-style: bold; }
ReadingPane > .reading--meta { color: $text-muted; }
ReadingPane > .reading--cursor { background: $primary 18%; }
ReadingPane > .reading--gutter-cursor { color: $accent; text-style: bold; }
ReadingPane > .reading--gutter-conflict { color: $error; text-style: bold; }
ReadingPane > .reading--conflict { background: $error 12%; }
ReadingPane > .reading--speech { color: $success; }
ReadingPane > .reading--term { color: $secondary; text-style: italic; }
ReadingPane > .reading--ambiguous { text-style: underline; }
ReadingPane > .reading--match { background: $warning 35%; }
ReadingPane > .reading--quote-current { text-style: bold reverse; }
ReadingPane > .reading--match-current { background: $warning 70%; text-style: bold; }
"""
ReadingPane.DEFAULT_CSS = READING_CSS
