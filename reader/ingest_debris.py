"""Page debris: what a copied web page carries that is not the article.

Inline: image placeholders, link icons, Markdown link targets. Whole paragraphs: image captions
and alt text, platform notices, follow-us promotions and advertising bullets, related-article
lists, repeated lines. Every rule is general (boilerplate markers, the shape of a line, its
place in the article); every removal is reported with its reason, and the raw copy keeps all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.ingest_wrap import ends_sentence

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>|\[(?:图片|圖片|图|圖|视频|視頻|image|photo)\]", re.I)
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:https?://|/|#)[^)\s]*\)")
_ICONS = re.compile("\U0001f517\ufe0f?")  # 🔗, the link icon pages put after titles

# A heading that starts a list of other articles: everything from it to the end goes.
_TAIL_MARKERS = re.compile(
    r"^(?:相关内容|相關內容|相关阅读|相關閱讀|相关文章|相關文章|相关新闻|相關新聞|相关报道|相關報導|延伸阅读|延伸閱讀"
    r"|推荐阅读|推薦閱讀|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|随便看看|隨便看看|往期回顾|往期回顧|往期推荐|往期推薦"
    r"|更多精彩|精彩推荐|精彩推薦|similar posts|related posts|related articles|related stories|related"
    r"|read more|read next|more stories|you may also like|you might also like|recommended(?: for you)?)"
    r"\s*[:：]?$",
    re.IGNORECASE,
)
# A call to follow or subscribe: what follows it at the end of an article is promotion.
_FOLLOW_CALL = re.compile(
    r"^(?:关注《|關注《|关注我们|關注我們|欢迎关注|歡迎關注|点击关注|點擊關注|扫码关注|掃碼關注|扫描二维码|掃描二維碼"
    r"|长按识别|長按識別|长按二维码|長按二維碼|点击上方|點擊上方|点击下方|點擊下方|follow us\b|subscribe to\b)",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    r"^(?:特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|郑重声明|鄭重聲明|声明[:：]|聲明[:：]|版权所有|版權所有"
    r"|未经授权|未經授權|責任編輯|责任编辑)"
)
_LATE_NOTICE = re.compile(
    r"^(?:notice|disclaimer|copyright|editor)\s*[:：]|^©|^all rights reserved"
    r"|^(?:本文(?:系|為|为|仅代表|僅代表)|以上(?:文章)?(?:内容|內容)?(?:仅代表|僅代表))",
    re.IGNORECASE,
)
_AD_BULLET = re.compile("^(?:✅|☑|✔|👉|🔥|📌|💡|🎯|⭐)")
_CAPTION_MARK = re.compile(
    r"图片来源|圖片來源|图源|圖源|图片[:：]|圖片[:：]|^图[:：]|^圖[:：]|资料图|資料圖|供图|供圖|摄影[:：]|攝影[:：]|视觉中国|視覺中國"
    r"|photo credit|image credit|image source|^photo[:：]|^image[:：]|getty images|\bcredit[:：]",
    re.IGNORECASE,
)
_HEADING_ENDINGS = tuple("？?！!：:—–-")
_MAX_CAPTION = 50  # characters of a marked caption
_MAX_SHORT_LINE = 30  # characters of an unmarked caption or a slogan
_MAX_ALT_TEXT = 100  # characters of a repeated alt-text line
_MIN_DUPLICATE = 20  # characters: a short sentence said twice ("谢谢。") may be the article's own
_LATE_SHARE = 0.6  # promotions and late notices sit in the last 40% of the article


@dataclass(frozen=True)
class Removal:
    """Something the importer took out of the body, and why."""

    reason: str
    text: str

    def line(self, width: int = 60) -> str:
        """One line for the dry-run report: the reason and the text shortened."""
        text = " ".join(self.text.split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        return f"{self.reason}: {text}"


def clean_line(line: str, removals: list[Removal]) -> str:
    """One line without image placeholders, link icons and link targets."""
    for match in _IMAGE.finditer(line):
        removals.append(Removal("image placeholder", match.group(0)))
    line = _IMAGE.sub("", line)
    for match in _ICONS.finditer(line):
        removals.append(Removal("link icon", match.group(0)))
    line = _ICONS.sub("", line)
    return _LINK.sub(r"\1", line)


def remove_debris(paragraphs: list[str], title: str | None) -> tuple[list[str], list[Removal]]:
    """The article's own paragraphs, and what was removed from around them."""
    removals: list[Removal] = []
    for step in (_cut_related_lists, _cut_promotion, _drop_notices, _drop_ad_bullets):
        paragraphs = step(paragraphs, removals)
    paragraphs = _drop_captions(paragraphs, removals)
    if title:
        paragraphs = _drop_title_alt_text(paragraphs, title, removals)
    paragraphs = _drop_repeats(paragraphs, removals)
    return paragraphs, removals


def _cut_related_lists(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Cut a related-articles heading in the second half and everything after it."""
    for index in range(len(paragraphs) // 2, len(paragraphs)):
        if _TAIL_MARKERS.match(paragraphs[index].strip()):
            return _cut(paragraphs, index, "related-articles list", removals)
    return paragraphs


def _cut_promotion(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Cut a late follow-us call, the slogan lines just before it, and what follows it."""
    for index in range(int(len(paragraphs) * _LATE_SHARE), len(paragraphs)):
        if _FOLLOW_CALL.match(paragraphs[index]):
            while index > 1 and _is_short_unfinished(paragraphs[index - 1]):
                index -= 1
            return _cut(paragraphs, index, "promotion", removals)
    return paragraphs


def _drop_notices(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Drop platform notices and disclaimers (English ones only late in the article)."""
    late = int(len(paragraphs) * _LATE_SHARE)
    kept = []
    for index, paragraph in enumerate(paragraphs):
        if _NOTICE.match(paragraph) or (index >= late and _LATE_NOTICE.match(paragraph)):
            removals.append(Removal("platform notice", paragraph))
        else:
            kept.append(paragraph)
    return kept


def _drop_ad_bullets(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Drop emoji-checkmark bullets late in the article, and a colon line introducing them."""
    late = int(len(paragraphs) * _LATE_SHARE)
    drop = {i for i in range(late, len(paragraphs)) if _AD_BULLET.match(paragraphs[i])}
    for index in sorted(drop):
        lead = index - 1
        if lead >= late and lead not in drop and paragraphs[lead].rstrip().endswith((":", "：")):
            drop.add(lead)
    return _drop(paragraphs, drop, "advertising bullet", removals)


def _drop_captions(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Drop image captions that say they are one (图片来源, Photo: ...).

    An unmarked short line may be a caption, but it can also state a fact (who is pictured, in
    what), and nothing tells it from a subheading: it is kept, since text is never lost on a guess.
    """
    marked = {
        i
        for i, p in enumerate(paragraphs)
        if len(p) <= _MAX_CAPTION and _CAPTION_MARK.search(p) and not ends_sentence(p)
    }
    return _drop(paragraphs, marked, "image caption", removals)


def _drop_title_alt_text(paragraphs: list[str], title: str, removals: list[Removal]) -> list[str]:
    """Drop short lines that repeat the title plus a few words: images' alt text."""
    prefix = re.compile(re.escape(title.strip()) + r"\s*[\s:：|｜\-–—]\s*\S")
    drop = {
        i
        for i, p in enumerate(paragraphs)
        if prefix.match(p) and not ends_sentence(p) and len(p) <= len(title) + _MAX_ALT_TEXT // 2
    }
    return _drop(paragraphs, drop, "image alt text repeating the title", removals)


def _drop_repeats(paragraphs: list[str], removals: list[Removal]) -> list[str]:
    """Drop short unfinished lines that occur more than once (alt text, captions) and later
    copies of a repeated paragraph."""
    counts = Counter(paragraphs)
    kept: list[str] = []
    seen: set[str] = set()
    for paragraph in paragraphs:
        repeated_label = counts[paragraph] > 1 and len(paragraph) <= _MAX_ALT_TEXT and not ends_sentence(paragraph)
        if repeated_label:
            removals.append(Removal("repeated line (image alt text or caption)", paragraph))
        elif paragraph in seen and len(paragraph) >= _MIN_DUPLICATE:
            removals.append(Removal("exact duplicate paragraph", paragraph))
        else:
            kept.append(paragraph)
            seen.add(paragraph)
    return kept


def _is_short_unfinished(paragraph: str) -> bool:
    """A short line that is no sentence and no heading ending (a caption or slogan)."""
    text = paragraph.strip()
    return (
        0 < len(text) <= _MAX_SHORT_LINE
        and not ends_sentence(text)
        and not text.endswith(_HEADING_ENDINGS)
        and not re.search(r"[。！？!?；;]", text)
    )


def _cut(paragraphs: list[str], index: int, reason: str, removals: list[Removal]) -> list[str]:
    removals.extend(Removal(reason, p) for p in paragraphs[index:])
    return paragraphs[:index]


def _drop(paragraphs: list[str], drop: set[int], reason: str, removals: list[Removal]) -> list[str]:
    removals.extend(Removal(reason, paragraphs[i]) for i in sorted(drop))
    return [p for i, p in enumerate(paragraphs) if i not in drop]
