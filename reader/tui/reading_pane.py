"""The reading pane: an article laid out by the Chinese-aware wrapper, drawn line by line.

Only visible lines are rendered (Line API), and a very long article is converted and wrapped
paragraph by paragraph as the screen needs it, so it opens and scrolls as
lightly as a short one. The app hands down the article, the script and the marks (in body offsets); the
pane maps them to the displayed text, so they stay on the right characters after conversion.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.script import Script
from reader.tui import core_bridge as core
from reader.tui.document import BODY, LARGE_ARTICLE, MAX_MEASURE, TITLE, ArticleText, Document, Line, SpanIndex
from reader.tui.styling import ROLE_ORDER, plain, styled_line

GUTTER = 3  # conflict mark, cursor bar, space
MAX_KEPT_STRIPS = 4000  # drawn lines kept for redrawing; a few screens' worth
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
        # drawn lines by what they show: the pane is redrawn whole on focus, resize or a cursor
        # move, and most lines come back unchanged
        self._strips: dict[tuple, Strip] = {}
        self._role_styles: dict[str, Style] = {}
        self._base_style: Style | None = None

    # ------------------------------------------------------------ what the app hands down

    def show(self, text: ArticleText, script: Script, static_marks: Marks, moving_marks: Marks) -> None:
        """Show an article in a script with its marks (spans in body offsets)."""
        changed = self.text is not text or self.script is not script
        self.text, self.script = text, script
        self._static_marks, self._moving_marks = static_marks, moving_marks
        if changed or self.doc is None:
            self._layout()
        self._index_marks()
        self.refresh()

    def set_moving_marks(self, marks: Marks) -> None:
        """Replace the marks that move with the cursor (current sentence, quotation, match)."""
        self._moving_marks = marks
        self._moving = SpanIndex(marks)
        self.refresh()

    def set_static_marks(self, marks: Marks) -> None:
        """Replace the marks of the whole article (quotations, matches, conflicts)."""
        self._static_marks = marks
        self._index_marks()
        self.refresh()

    # ------------------------------------------------------------ layout

    def _measure(self) -> int:
        """Cells per line: what the pane leaves beside the gutter and the (always kept) scrollbar."""
        width = min(self.scrollable_content_region.width, self.size.width - self.styles.scrollbar_size_vertical)
        return max(8, min(MAX_MEASURE, width - GUTTER - 1))

    def _layout(self, redraw: bool = True) -> None:
        """Lay the article out at the pane's width: a long one as far as the screen needs, the rest later."""
        if self.text is None or self.size.width == 0:
            return  # not placed yet: the first drawing (or on_resize) lays it out
        doc = Document.build(self.text.article, self.script, self._measure())
        self.doc = doc
        self._strips.clear()
        self._index_marks()
        self._sync_size()
        if self._wanted is not None:
            self.call_after_refresh(self.scroll_body_into_view, *self._wanted)
        if redraw:
            self.refresh()

    def _sync_size(self) -> None:
        """Scroll range and scrollbar after paragraphs were laid out (their length was estimated)."""
        if self.doc is not None and self.virtual_size.height != self.doc.line_count:
            self.virtual_size = Size(self.doc.width + GUTTER, self.doc.line_count)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = self.scroll_offset.y

    def _lay_out_view(self) -> None:
        """Lay out the paragraphs in view; the first line already laid out keeps its place on screen.

        Lines below a paragraph whose length was estimated move when it is laid out: scrolling up
        into one must not make the text in view jump.
        """
        doc = self.doc
        if doc is None or doc.complete:
            return
        y, height = self.scroll_offset.y, self.size.height
        kept = next(((n - y, doc.anchor(n)) for n in range(y, y + height) if doc.is_laid_line(n)), None)
        for number in range(y, min(y + height, doc.line_count)):
            doc.line(number)
        top = y if kept is None else max(0, doc.line_of_anchor(kept[1]) - kept[0])
        if top != y:
            self.set_scroll(None, top)
        if top != y or self.virtual_size.height != doc.line_count:
            self.call_after_refresh(self._sync_size)

    def _index_marks(self) -> None:
        headline = [(0, self.doc.headline_end, "headline")] if self.doc and self.doc.headline_end else []
        self._static = SpanIndex(self._static_marks + headline)
        self._moving = SpanIndex(self._moving_marks)

    def on_resize(self) -> None:
        # a new size redraws the pane by itself; only a new width needs the text laid out again
        if self.doc is None and self.text is not None:
            self._layout()
        elif self.doc is not None and self.doc.width != self._measure():
            if self.text is not None and len(self.text.article.body) >= LARGE_ARTICLE:
                self._wanted = self._wanted or self._top_span()
            self._layout()

    def _top_span(self) -> tuple[int, int, bool] | None:
        if self.doc is None:
            return None
        offset = self.body_offset_of_line(self.scroll_offset.y)
        return offset, offset + 1, False

    # ------------------------------------------------------------ scrolling

    def line_of_body(self, offset: int) -> int:
        """The screen line showing a body offset."""
        return self.doc.line_of_body(offset) if self.doc else 0

    def body_offset_of_line(self, line_number: int) -> int:
        """The body offset at the start of a screen line (the nearest body line below it)."""
        return self.doc.body_offset_of_line(line_number) if self.doc else 0

    def scroll_body_into_view(self, start: int, end: int, center: bool = False) -> None:
        """Scroll so the body span shows with a line of context: the least needed, or centred."""
        if self.doc is None:
            self._wanted = (start, end, center)
            return
        self._wanted = None
        top = self.line_of_body(start)
        bottom = self.line_of_body(max(start, end - 1))
        self._sync_size()  # finding those lines may have laid out paragraphs
        height = self.scrollable_content_region.height or self.size.height
        y = self.scroll_offset.y
        visible = y < top and bottom + 2 <= y + height
        if top == self.doc.first_body_line:
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

    def page_target(self, pages: int) -> int:
        """The scroll position one page down (positive) or up (negative) from here."""
        height = self.scrollable_content_region.height or self.size.height
        step = max(1, height - 2)
        return max(0, min(int(self.max_scroll_y), self.scroll_offset.y + pages * step))

    # ------------------------------------------------------------ drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.doc is None and self.text is not None:
            # the first drawing once the pane has its size: the article, not a blank pane that
            # on_resize would then have to redraw
            self._layout(redraw=False)
        self._lay_out_view()
        self._role_styles = {role: self.get_component_rich_style(f"reading--{role}") for role in ROLE_ORDER}
        if len(self._strips) > MAX_KEPT_STRIPS:
            self._strips.clear()
        self._base_style = self.rich_style  # walks every ancestor's styles: once per drawing, not per line
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._base_style or self.rich_style
        number = self.scroll_offset.y + y
        if self.doc is None or number >= self.doc.line_count:
            return Strip.blank(width, base)
        doc = self.doc
        line = doc.line(number)
        spans: list[tuple[int, int, str]] = []
        if line.block == BODY:
            start, end = doc.body_span(line)
            marks = self._static.overlapping(start, max(end, start + 1))
            marks += self._moving.overlapping(start, max(end, start + 1))
            spans = doc.display_spans(line, marks)
        key = (line, tuple(spans), base, width, tuple(self._role_styles.values()))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw_line(line, spans, base, width)
        return strip

    def _draw_line(self, line: Line, spans: list[tuple[int, int, str]], base: Style, width: int) -> Strip:
        text = self.doc.line_text(line)
        out = Text(style=base, end="", no_wrap=True)
        if line.block == BODY:
            self._gutter(out, {role for _, _, role in spans})
            out.append_text(styled_line(text, line.start, spans, self._role_styles, base))
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
        line = self.doc.line(number) if 0 <= number < self.doc.line_count else None
        if line is not None and line.block == BODY:
            column = max(0, event.x - GUTTER)
            text = self.doc.line_text(line)
            used, index = 0, 0
            while index < len(text) and used + core.cell_width(text[index]) <= column:
                used += core.cell_width(text[index])
                index += 1
            self.post_message(self.SentenceClicked(self.doc.body_span(replace(line, end=line.start + index))[1]))


READING_CSS = """
ReadingPane {
    padding: 0 0;
    overflow-x: hidden;
    overflow-y: scroll;
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
