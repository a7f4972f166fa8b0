"""Quotations in an article body: where they are, speech or term, and who said them.

Finding: “…”, 「…」, 『…』, ‘…’ and straight "…" are paired with a stack inside each paragraph
(paragraphs are separated by blank lines), so an unpaired mark never reaches past its
paragraph; a quote still open at the paragraph's end is dropped rather than guessed. A ’ between
letters (Xiaomi’s, don’t) or before digits (the ’90s) is an apostrophe, never a closing mark.

Kind: ``speech`` when a cue says someone uttered the words (a speech verb before or after the
quote, a colon before a full utterance, "according to"), or when the quote is itself a full
utterance (a clause with its own punctuation); ``term`` for scare quotes, nicknames, titles and
slogans (a naming cue such as 称为 / so-called / known as wins over everything else). Quotes
of a written notice follow the same rule: a clause-length quote (因“泄露…，且存在…”) counts as
speech, a short phrase (“serious violations”) as a term.

Speaker: the subject of the speech verb as the article writes it, a pronoun resolved to the
person named as subject in the preceding sentences, or null when the article does not say.
Patterns run on ``script.fold``-ed text (traditional folded to simplified, same length), so
the same rules serve both scripts while names are cut from the original body.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.models import Quote, Sentence, Story
from reader.script import fold
from reader.text import paragraph_spans, split_sentences

PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}

# ---------------------------------------------------------------- finding


@dataclass(frozen=True)
class Span:
    """Offsets of one quotation: the marks at ``open_at`` / ``close_at``, the words between."""

    open_at: int
    close_at: int
    start: int
    end: int
    depth: int


def find_spans(body: str) -> list[Span]:
    """Every paired quotation of ``body``, outer and nested, sorted by start."""
    spans: list[Span] = []
    for p_start, p_end in paragraph_spans(body):
        spans.extend(_paragraph_spans(body, p_start, p_end))
    return sorted(spans, key=lambda s: (s.start, -s.end))


def _paragraph_spans(body: str, p_start: int, p_end: int) -> list[Span]:
    stack: list[tuple[str, int]] = []  # (opening mark, its offset)
    found: list[Span] = []
    for i in range(p_start, p_end):
        ch = body[i]
        if ch == '"':
            if stack and stack[-1][0] == '"' and _can_close_straight(body, i):
                found.append(_close(body, stack, len(stack) - 1, i))
            elif _can_open_straight(body, i, p_end):
                stack.append((ch, i))
        elif ch == "’":
            level = _open_level(stack, "‘")
            if level is not None and not _is_apostrophe(body, i):
                found.append(_close(body, stack, level, i))
        elif ch in CLOSERS:
            level = _open_level(stack, CLOSERS[ch])
            if level is not None:
                found.append(_close(body, stack, level, i))
        elif ch in PAIRS and not (ch == "‘" and i > 0 and _latin(body[i - 1])):
            stack.append((ch, i))
    return [s for s in found if s.start < s.end]


def _open_level(stack: list[tuple[str, int]], mark: str) -> int | None:
    """The innermost open level with this opening mark."""
    for level in range(len(stack) - 1, -1, -1):
        if stack[level][0] == mark:
            return level
    return None


def _close(body: str, stack: list[tuple[str, int]], level: int, close_at: int) -> Span:
    """Close the quote opened at ``level``; quotes opened inside it and never closed are dropped."""
    open_at = stack[level][1]
    del stack[level:]
    start, end = open_at + 1, close_at
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",，"):
        end -= 1  # “Crown Prince,”: the comma belongs to the sentence, not to the words
    return Span(open_at, close_at, start, end, depth=level)


def _is_apostrophe(body: str, i: int) -> bool:
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return (_latin(before) and _latin(after)) or (not before.isalnum() and after.isdigit())


def _latin(ch: str) -> bool:
    """A letter or digit of an alphabetic script (Han characters are not: 从‘…’ opens a quote)."""
    return ch.isalnum() and ord(ch) < 0x2E80


def _can_open_straight(body: str, i: int, p_end: int) -> bool:
    after = body[i + 1] if i + 1 < p_end else " "
    return not after.isspace()


def _can_close_straight(body: str, i: int) -> bool:
    return i > 0 and not body[i - 1].isspace()


# ---------------------------------------------------------------- cue patterns

_ZH_VERBS = (
    "回忆说|解释说|补充说|笑着说|发文称|撰文称|回应称|写道|问道|答道|说道|笑道|叹道|骂道|"
    "说|称|表示|回应|强调|留言|表态|透露|直言|坦言|回复|问|答|指出|介绍|提到|感叹|感慨|笑称|声称|"
    "承认|否认|解释|回忆|补充|宣布|呼吁|反问|评价|调侃|提醒|告诉|认为|坦承|证实|辟谣|吐槽|怒斥|"
    "批评|警告|直呼|感谢|道歉|喊话|发问|追问|质问|抱怨|叮嘱|嘱咐|形容|评论|宣称|声明|写下"
)
_ZH_SPEECH_NOUNS = "说法|回应|表态|原话|话|回复|留言|声明|发言|讲话|评论|回答|感言|表述|名言|金句"
_ZH_OBJECTS = "其|他|她|他们|她们|大家|我们|记者|网友|对方|员工|自己"
_ZH_VERB_BEFORE = re.compile(rf"(?P<verb>{_ZH_VERBS})(?:{_ZH_OBJECTS})?\s*[：:，,]?\s*$")
_ZH_NOUN_COLON = re.compile(rf"(?P<verb>{_ZH_SPEECH_NOUNS})(?:中|里)?[^，。；！？：]{{0,12}}[：:]\s*$")
_ZH_TERM_BEFORE = re.compile(
    r"(称为|称作|称之为|叫做|叫作|名为|号称|誉为|堪称|人称|俗称|简称|昵称|外号|绰号|所谓|自称|自诩|"
    r"称是|称其为|戏称|被称|标签为|定位为|冠以|美其名曰|一词|二字|写着|印着|题为)(是|为|作)?\s*$"
)
_ZH_TERM_AFTER = re.compile(
    r"^(的?(称号|美誉|美称|之称|外号|绰号|标签|头衔|名号|雅号|称谓|人设|字样)|一词|二字|这个词|这个称号|这个梗)"
)
_ZH_UTTERANCE_AFTER = re.compile(
    r"^(这样|这种|之类|等)的?(话|调侃|对话|言论|评论|留言|回应|问题|质问|说法|感慨|表态|表述|吐槽)"
)
_ZH_VERB_AFTER = re.compile(rf"^[，,]?\s*(?P<subject>[^，,。！？：:；;“”「」『』\n]{{0,8}}?)(?P<verb>{_ZH_VERBS})")

_EN_VERBS = (
    r"said|says|say|saying|told|tells|telling|wrote|writes|writing|added|adds|adding|stated|states|noted|notes|"
    r"explained|explains|recalled|recalls|asked|asks|replied|replies|responded|insisted|argued|argue|argues|"
    r"claimed|claims|declared|announced|admitted|warned|commented|tweeted|posted|posting|acknowledged|"
    r"promised|vowed|pledged|joked|quipped|remarked|apologized|apologised|urged|describing|described"
)
_EN_VERB = re.compile(rf"\b(?P<verb>{_EN_VERBS})\b", re.IGNORECASE)
_EN_VERB_BEFORE = re.compile(
    rf"\b(?P<verb>{_EN_VERBS})(\s+(that|him|her|them|reporters|me|us))?\s*[:,]?\s*$", re.IGNORECASE
)
_EN_TERM_BEFORE = re.compile(
    r"(\bso-called|\bknown(\s+\S+){0,3}\s+as|\bdubbed|\bnicknamed|\bcalled|\btermed|\btitled|\bbranded|"
    r"\blabell?ed|\bregarded\s+as|\bseen\s+as|\bdescribed\s+as|\b(title|term|word|words|phrase|concept|label|"
    r"idea|notion|slogan|nickname|name|incident|case|motto)\s+(of\s+)?|\bas)(\s+(the|a|an))?\s*$",
    re.IGNORECASE,
)
_EN_NAME_WORDS = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
_EN_ACCORDING = re.compile(rf"\baccording to\s+(?P<who>{_EN_NAME_WORDS}|(?:the|a|an)\s+\w+(?:\s+\w+)?)", re.I)
_EN_VERB_AFTER = re.compile(
    rf"^[,.!?]?\s*(?P<subject>he|she|they|I|we|{_EN_NAME_WORDS}|(?:the|a|an)\s+\w+)\s+(?:also\s+)?(?P<verb>{_EN_VERBS})\b"
    rf"|^[,.!?]?\s*(?P<verb2>{_EN_VERBS})\s+(?P<subject2>{_EN_NAME_WORDS})"
)
_CLAUSE_PUNCT = re.compile(r"[，,；;。.！!？?…]")
_END_PUNCT = re.compile(r"[。！？!?…]$|(?<![A-Z])\.$")


@dataclass(frozen=True)
class Cue:
    """Why a quote is speech or a term, and where its speaker should be looked for.

    ``where``: "before" (a verb before the quote; ``at`` is where it starts), "after" (a verb
    after it; ``subject`` holds the subject's offsets), "according", "utterance" (a quoted
    utterance named after the quote: 网友“…”这样的调侃) or "" (no speaker cue).
    """

    kind: str
    where: str = ""
    at: int = 0
    subject: tuple[int, int] | None = None


# ---------------------------------------------------------------- names

_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘"
)
_DOUBLE_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯")
# Characters that end a name: particles, adverbs and verbs that follow a subject.
_NAME_STOPS = set(
    "的了着过就曾也都还在则又便是说称和与及跟等对被将已把向给让从为却才再并不没很亲自当吓回表强透写道问答"
    "认指提于以因所这那其之而且但或更最只仍经要能会可应该得地个位名一上下中里内外前后时年月日号总"
)
# Two-character words that begin with a surname character but are not names.
_NOT_NAMES = set(
    "高管 高层 高度 高效 高端 高压 高材 高新 高级 高调 马上 周年 周期 于是 于世 向来 方面 方式 方向 方案 金额 黄金 "
    "王者 时间 时候 时代 成为 成功 成本 成长 成员 成立 成绩 万元 万亿 张扬 常常 余地 任何 任职 许多 江湖 毕业 石油 "
    "明星 明确 明显 全部 全球 全面 全新 关系 关键 关注 安全 安排 文化 文章 华为 华中 龙头 史上 易于 齐全 包括 包含 "
    "应该 应对 简单 简直 单独 单日 连续 路径 商业 商品 宁愿 路线 景象 车载 项目 古代 解释 解决 司法 卫生 师傅 "
    "左右 程序 白色 金融 钱财 严重 严格 严厉 武器 温度 常规 常态 包装 游戏 董事 童年 焦点 尚未 符合 纪律 纪委 "
    "凌晨 盛大 曲折 蓝色 辛苦 管道 党委 席位 全体 应用 边界 沙龙 荣誉 仲裁 巩固 查处 车辆 车型 曾经 向前 管控 "
    "管理 雷池 雷霆 雷厉 孔雀 毛病 范围 石头 甘心 宫廷 谷歌 阳光 时期 时刻 方法 方便 高于 成熟 成果 于此 韩国 "
    "谢谢 龙门 柯达 安卓 安装 熊猫 黄色 白领 江山 江南 华南 华北 华东 余额 时尚 单位 单一 全国 全力 全都 师兄 "
    "申请 申报 关闭 关联 关心 连接 连锁 常见 程度 高兴 高手 高价 史诗 严肃 华丽 金牌 金钱 石化 任务 付出 付款 "
    "房地 房价 房子 黎明 邹平 柴米 文明 文字 易懂 顾客 顾问 傅里 卫星 费用 景气 冷静 宗旨 席卷 边缘 师资"
    .split()
)
_TITLES = re.compile(
    r"(负责人|总经理|董事长|创始人|总裁|经理|记者|主编|发言人|CEO|主任|部长|教授|博士|网友|老板|总监|高管|"
    r"员工|同事|父亲|母亲|律师|分析师|创始人|董事|主席|局长|厂长|院长|校长|委员|议员|作家|演员|导演|歌手)$"
)
_PRONOUNS = ("他们", "她们", "他", "她")
_ROLE_NOUNS = (
    "人士|网友|记者|负责人|发言人|专家|分析师|员工|同事|老板|官方|高管|创始人|董事长|总裁|总经理|用户|粉丝|"
    "博主|律师|教授|人员|主编|编辑|官员|代表|观众|读者|消费者|知情者|业内人|公司|集团|部门"
)
_ROLE = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9]{{0,4}}(?:{_ROLE_NOUNS})")
_CONJUNCTIONS = r"而|但|并|且|随后|此外|同时|对此|另外|据悉|不过|然而|其中|此后|后来|而且|于是|因此"
_CONJUNCTION_PREFIX = re.compile(rf"^(?:{_CONJUNCTIONS})+")
# A clause opened by one of these has no subject at its head (尽管在辟谣…时, 按…的说法).
_FUNCTION_PREFIX = re.compile(
    rf"^(?:{_CONJUNCTIONS}|尽管|虽然|虽|如果|因为|由于|即使|对于|对|按照|按|根据|据|依|在|当|另有|还有|有|被|让|"
    r"连|就连|甚至)+"
)
_QUANTIFIER = re.compile(r"^(?:[一两三四五六七八九十几多数某另]|这|那)?(?:位|名|个|些|群|家)")
_ADVERBIAL = re.compile(
    r"(?:在|于|也|还|曾|就|则|已|都|又|便|亦|更|随即|随后|当时|此前|明确|直接|公开|亲自|再次|同时|对此|赶紧|"
    r"通过|之后|后来|今天|昨天|日前|近日|本人|自己|的)"
)
_BETWEEN_SUBJECT_AND_VERB = (
    r"也|还|曾|就|都|又|便|亦|更|已|则|再|当时|此前|随后|随即|明确|直接|公开|亲自|赶紧|强硬|吓得|曾经|本人|自己|"
    r"多次|一再|再次|同时|今天|昨天|当天|在[^，,。！？：:；;“”\n]{1,6}?[上中里]"
)
_EN_PRONOUNS = {"he", "she", "they", "i", "we"}
_EN_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}")
_EN_NOT_NAMES = set(
    "The A An This That These Those It Its He She They We I His Her Their Our In On At As For But And Or If While "
    "When After Before Later Earlier Recently Meanwhile However Some Many Most Any No Yet So Then There Here "
    "According Even Within With Without Under Over Due Known Prior Despite Although Though Since Because "
    "Last Next Every Each Both All Such Still Also Today Yesterday Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October November December".split()
)
_EN_SKIP_BEFORE_VERB = {"also", "later", "then", "once", "previously", "recently", "publicly", "had", "has", "have",
                        "further", "again", "reportedly", "quickly", "simply", "only"}


def _given_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in _NAME_STOPS


def collect_names(text: str) -> set[str]:
    """Chinese person names of a (folded) text: a surname with one or two given characters,
    kept when the article gives evidence: the name recurs, follows a title, or says something."""
    counts: Counter[str] = Counter()
    candidates: list[tuple[int, str]] = []
    for i in range(len(text)):
        surname = 2 if text[i : i + 2] in _DOUBLE_SURNAMES else (1 if text[i] in _SURNAMES else 0)
        if not surname or (surname == 1 and text[i] in _NAME_STOPS):
            continue  # 曾, 于, 时 are far more often words than surnames
        for given in (1, 2):
            cand = text[i : i + surname + given]
            if len(cand) == surname + given and all(_given_char(c) for c in cand[surname:]):
                counts[cand] += 1
                candidates.append((i, cand))
    longest: dict[str, int] = {}  # name -> count of its most frequent one-character-longer form
    for cand, count in counts.items():
        longest[cand[:-1]] = max(longest.get(cand[:-1], 0), count)
    names = set()
    speech_after = re.compile(rf"(?:{_BETWEEN_SUBJECT_AND_VERB}){{0,3}}(?:的)?(?:{_ZH_VERBS}|{_ZH_SPEECH_NOUNS})")
    for i, cand in candidates:
        two = cand if len(cand) <= 2 or (cand[:2] in _DOUBLE_SURNAMES and len(cand) == 3) else cand[:-1]
        if len(two) == 2 and two in _NOT_NAMES:
            continue
        if cand != two and counts[cand] < counts[two]:
            continue  # 王腾也 is 王腾 followed by 也; 卢伟冰 always comes whole
        if cand == two and longest.get(two, 0) == counts[two]:
            continue  # the longer form always follows: keep that one
        end = i + len(cand)
        evidence = (
            counts[cand] >= 2
            or bool(_TITLES.search(text[max(0, i - 4) : i]))
            or bool(speech_after.match(text, end))
            or _opens_clause_as_subject(text, i, end)
        )
        if evidence:
            names.add(cand)
    return names


def _opens_clause_as_subject(text: str, start: int, end: int) -> bool:
    """A candidate that opens a clause and is followed by a particle or adverb (王腾是…, 王腾也…)."""
    opens = start == 0 or text[start - 1] in "，,。！？!?；;：:\n “”「」"
    return opens and end < len(text) and text[end] in _NAME_STOPS and not _given_char(text[end])


def _strip_quoted(text: str) -> str:
    """Quoted words blanked out (same length), so a name inside a quote is not a subject."""
    return re.sub(r"[“「『‘\"][^“”「」『』‘’\"]*[”」』’\"]", lambda m: " " * len(m.group()), text)


def _clause_bounds(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Clauses of ``text[lo:hi]``, split at clause punctuation outside quotation marks."""
    bounds = []
    start = lo
    depth = 0
    for i in range(lo, hi):
        ch = text[i]
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,；;：:。！？":
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, hi))
    return [(s, e) for s, e in bounds if e > s]


# ---------------------------------------------------------------- one article


class ArticleQuotes:
    """Kind and speaker of the quotations of one article body."""

    def __init__(self, body: str, article_id: str = "") -> None:
        self.body = body
        self.english = _is_english(body)
        # Chinese rules run on folded text (traditional -> simplified, same length); English on the body
        self.text = body if self.english else fold(body)
        self.sentences = split_sentences(body, article_id)
        self.names = set() if self.english else collect_names(self.text)
        self.known: list[str] = []
        self._sentence_starts = [s.start for s in self.sentences]
        self._people_pattern: tuple[frozenset[str], re.Pattern[str]] | None = None
        self._person_en: dict[str, bool] = {}

    def quote(self, span: Span, article_id: str) -> Quote:
        sentence = self.sentence_at(span.open_at)
        cue = self.classify(span, sentence)
        speaker = self.speaker(cue, span, sentence)
        if speaker and speaker not in _PRONOUNS and speaker.lower() not in _EN_PRONOUNS:
            self.known.append(speaker)
        return Quote(
            article_id=article_id,
            start=span.start,
            end=span.end,
            text=self.body[span.start : span.end],
            kind="speech" if cue.kind == "speech" else "term",
            speaker=speaker,
            sentence=sentence.text,
            depth=span.depth,
        )

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the one before it when it falls between sentences)."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[index] if index >= 0 else Sentence("", 0, offset, offset, "")

    def context_start(self, span: Span, sentence: Sentence) -> int:
        """Where the text before a quote starts: its sentence, or for a nested quote its outer quote."""
        lo = sentence.start if sentence.start <= span.open_at else span.open_at
        if span.depth:
            outer = max(self.body.rfind(m, 0, span.open_at) for m in ("“", "「", "『", '"'))
            lo = max(lo, outer + 1)
        return lo

    # ------------------------------------------------------------ kind

    def classify(self, span: Span, sentence: Sentence) -> Cue:
        """Speech or term for one quotation, with the cue that decided."""
        lo = self.context_start(span, sentence)
        line_end = self.body.find("\n", span.close_at)
        hi = min(len(self.body) if line_end < 0 else line_end, span.close_at + 40)
        before = self.text[lo : span.open_at]
        after = self.text[span.close_at + 1 : hi]
        words = self.body[span.start : span.end]
        classify = self._classify_en if self.english else self._classify_zh
        cue = classify(span, before, after, words)
        if cue.where == "before":
            cue = Cue(cue.kind, cue.where, lo + cue.at)
        elif cue.where in ("after",) and cue.subject:
            base = span.close_at + 1
            cue = Cue(cue.kind, cue.where, 0, (base + cue.subject[0], base + cue.subject[1]))
        elif cue.where == "according" and cue.subject:
            cue = Cue(cue.kind, cue.where, 0, (lo + cue.subject[0], lo + cue.subject[1]))
        return cue

    def _classify_zh(self, span: Span, before: str, after: str, words: str) -> Cue:
        tail = before[-14:]
        offset = len(before) - len(tail)
        if _ZH_TERM_BEFORE.search(tail) or _ZH_TERM_AFTER.match(after):
            return Cue("term")
        verb = _ZH_VERB_BEFORE.search(tail)
        if verb and (verb.group("verb") != "称" or _is_utterance(words) or re.search(r"[：:，,]\s*$", tail)):
            return Cue("speech", "before", offset + verb.start("verb"))
        if re.search(r"[：:]\s*$", tail) and _is_utterance(words):
            noun = _ZH_NOUN_COLON.search(before)
            return Cue("speech", "before", noun.start("verb") if noun else len(before))
        after_verb = _ZH_VERB_AFTER.match(after)
        if after_verb and not span.depth and self._could_be_subject(after_verb.group("subject")):
            return Cue("speech", "after", subject=after_verb.span("subject"))
        if _ZH_UTTERANCE_AFTER.match(after):
            return Cue("speech", "utterance")
        if not span.depth and _is_long_utterance(words):
            return Cue("speech")
        return Cue("term")

    def _could_be_subject(self, text: str) -> bool:
        """Empty (“…”说道), a pronoun, a name or a role: not 传言时 or 毫不夸张地."""
        text = text.strip()
        return not text or bool(self._zh_people(text, 0)) or bool(_ROLE.fullmatch(text))

    def _classify_en(self, span: Span, before: str, after: str, words: str) -> Cue:
        tail = before[-40:]
        offset = len(before) - len(tail)
        if _EN_TERM_BEFORE.search(tail):
            return Cue("term")
        verb = _EN_VERB_BEFORE.search(tail)
        if verb:
            return Cue("speech", "before", offset + verb.start("verb"))
        if re.search(r":\s*$", tail) and _is_utterance(words):
            return Cue("speech", "before", len(before))
        after_verb = _EN_VERB_AFTER.match(after)
        if after_verb and not span.depth:
            name = "subject" if after_verb.group("subject") else "subject2"
            return Cue("speech", "after", subject=after_verb.span(name))
        if len(words.split()) >= 4:
            according = _EN_ACCORDING.search(before)
            if according:
                return Cue("speech", "according", subject=according.span("who"))
            verbs = list(_EN_VERB.finditer(before))
            if verbs:
                return Cue("speech", "before", verbs[-1].start("verb"))
        if not span.depth and _is_long_utterance(words):
            return Cue("speech")
        return Cue("term")

    # ------------------------------------------------------------ speaker

    def speaker(self, cue: Cue, span: Span, sentence: Sentence) -> str | None:
        """The speaker a speech cue points at, as the article writes the name, or None."""
        if cue.kind != "speech" or not cue.where:
            return None
        if cue.where == "according" and cue.subject:
            who = re.split(r"[’']s\b", self.body[cue.subject[0] : cue.subject[1]])[0]  # Xiaomi’s notice -> Xiaomi
            return self._en_clean(who)
        if cue.where == "after" and cue.subject and cue.subject[1] > cue.subject[0]:
            found = self._subject_in(cue.subject[0], cue.subject[1])
            if found:
                return self._resolve(found, sentence)
        if cue.where == "utterance":
            lo = max(self.context_start(span, sentence), span.open_at - 8)
            return self._resolve(self._subject_in(lo, span.open_at, head=False), sentence)
        verb_at = cue.at if cue.where == "before" else span.open_at
        return self._subject_before(span, sentence, verb_at)

    def _subject_before(self, span: Span, sentence: Sentence, verb_at: int) -> str | None:
        """The subject of a verb: clause by clause back to the sentence start, else the last subject."""
        lo = self.context_start(span, sentence)
        if self.english:
            return self._resolve(self._en_subject(lo, verb_at), sentence)
        for c_start, c_end in reversed(_clause_bounds(self.text, lo, verb_at)):
            found = self._subject_in(c_start, c_end)
            if found:
                return self._resolve(found, sentence)
        return self._resolve("他", sentence)  # a clause without a subject continues the last one

    def _subject_in(self, start: int, end: int, head: bool = True) -> str | None:
        """The subject in ``body[start:end]``: the last person or pronoun, else a role, else the head."""
        if self.english:
            return self._en_subject(start, end)
        text = _strip_quoted(self.text[start:end])
        people = self._zh_people(text, start)
        if people:
            return people[-1]
        clause_at = len(text) - len(text.lstrip())
        clause = text.strip()
        lead = _FUNCTION_PREFIX.match(clause)
        cut = lead.end() if lead else 0
        roles = list(_ROLE.finditer(clause, cut))
        if roles:
            r_start, r_end = roles[-1].span()
            r_start = self._skip_function_words(clause, r_start, r_end)
            return self.body[start + clause_at + r_start : start + clause_at + r_end] or None
        conjunction = _CONJUNCTION_PREFIX.match(clause)
        if not head or cut > (conjunction.end() if conjunction else 0):
            return None
        rest = clause[cut:]
        head_text = _ADVERBIAL.split(rest, maxsplit=1)[0]
        if 2 <= len(head_text) <= 8 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", head_text):
            at = start + clause_at + cut
            return self.body[at : at + len(head_text)]
        return None

    @staticmethod
    def _skip_function_words(clause: str, start: int, end: int) -> int:
        """Move a role phrase's start past prepositions and quantifiers (一位业内人士 -> 业内人士)."""
        while start < end:
            piece = clause[start:end]
            m = _FUNCTION_PREFIX.match(piece) or _QUANTIFIER.match(piece)
            if not m or not m.end():
                break
            start += m.end()
        return start

    def _zh_people(self, text: str, start: int) -> list[str]:
        """Person names and pronouns of a (folded) clause, in order, as the body writes them."""
        found = []
        for match in self._people().finditer(text):
            word = match.group()
            found.append(word if word in _PRONOUNS else self.body[start + match.start() : start + match.end()])
        return found

    def _people(self) -> re.Pattern[str]:
        """Pronouns first, then names longest first: one pattern, rebuilt only when a new speaker is known."""
        key = frozenset(self.names | {fold(k) for k in self.known})
        if self._people_pattern is None or self._people_pattern[0] != key:
            names = sorted((n for n in key if n), key=lambda n: (-len(n), n))
            alternatives = [re.escape(p) for p in _PRONOUNS] + [re.escape(n) for n in names]
            self._people_pattern = (key, re.compile("|".join(alternatives)))
        return self._people_pattern[1]

    # English

    def _en_subject(self, start: int, verb_at: int) -> str | None:
        """The person, pronoun or noun phrase right before the verb; a participle's main subject."""
        text = _strip_quoted(self.body[start:verb_at])
        if re.search(r",\s*$", text) or re.search(r",\s*(and\s+)?$", text):
            main = re.split(r",", text)[0]
            return self._en_first_subject(main)
        words = re.findall(r"[\w’'-]+", text)
        while words and words[-1].lower() in _EN_SKIP_BEFORE_VERB:
            words.pop()
        if not words:
            return None
        last = words[-1]
        if last.lower() in _EN_PRONOUNS:
            return last.lower()
        names = [m for m in _EN_NAME.finditer(text) if self._en_clean(m.group())]
        if names and text[names[-1].end() :].strip(" ’'s") == "" :
            return self._en_clean(names[-1].group())
        if last.islower() and last not in ("that", "to", "and", "or", "which", "who"):
            phrase = [w for w in words[-2:] if w.lower() not in ("the", "a", "an", "some", "many", "several")]
            return " ".join(phrase[-2:]) if phrase and phrase[-1] == last else last
        return self._en_first_subject(text)

    def _en_first_subject(self, text: str) -> str | None:
        for m in re.finditer(r"\b(he|she|they|He|She|They)\b|" + _EN_NAME.pattern, text):
            word = m.group()
            if word.lower() in _EN_PRONOUNS:
                return word.lower()
            name = self._en_clean(word)
            if name:
                return name
        return None

    @staticmethod
    def _en_clean(words: str) -> str | None:
        parts = re.sub(r"[’']s\b", "", words.strip()).split()
        while parts and (parts[0] in _EN_NOT_NAMES or parts[0].lower() in ("the", "a", "an")):
            parts.pop(0)
        return " ".join(parts) or None

    # pronouns

    def _resolve(self, name: str | None, sentence: Sentence) -> str | None:
        """A pronoun becomes the person last named in the preceding sentences; plural ones stay unknown."""
        if not name or (name not in _PRONOUNS and name.lower() not in _EN_PRONOUNS):
            return name
        if name in ("他们", "她们") or name.lower() in ("they", "we", "i"):
            return None
        for previous in reversed(self.sentences[max(0, sentence.index - 6) : sentence.index]):
            person = self._first_person(previous)
            if person:
                return person
        return None

    def _first_person(self, sentence: Sentence) -> str | None:
        text = _strip_quoted(self.text[sentence.start : sentence.end])
        if self.english:
            for match in _EN_NAME.finditer(text):
                name = self._en_clean(match.group())
                if name and self._is_person_en(name):
                    return name
            return None
        return next((p for p in self._zh_people(text, sentence.start) if p not in _PRONOUNS), None)

    def _is_person_en(self, name: str) -> bool:
        """A known speaker, or a name the article follows with he/his/she/her before any it/its."""
        if any(k == name or k.startswith(name + " ") or k.endswith(" " + name) for k in self.known):
            return True
        if name not in self._person_en:
            self._person_en[name] = self._followed_by_personal_pronouns(name)
        return self._person_en[name]

    def _followed_by_personal_pronouns(self, name: str) -> bool:
        person = org = 0
        for match in re.finditer(rf"\b{re.escape(name)}\b", self.body):
            window = self.body[match.end() : match.end() + 80]
            pronoun = re.search(r"\b(he|his|him|she|her|it|its)\b", window)
            if pronoun:
                if pronoun.group() in ("it", "its"):
                    org += 1
                else:
                    person += 1
        return person > org


def _is_utterance(words: str) -> bool:
    """A full utterance: ends like a sentence, or is a clause of some length with inner punctuation."""
    return bool(_END_PUNCT.search(words.rstrip("”’」』\"'"))) or _is_long_utterance(words)


def _is_long_utterance(words: str) -> bool:
    """A clause, not a phrase: inner clause punctuation and some length (or just great length)."""
    han = sum(1 for ch in words if "\u3400" <= ch <= "\u9fff")
    inner = bool(_CLAUSE_PUNCT.search(words[:-1]))
    if han:
        return (han >= 8 and inner) or han >= 16
    return len(words.split()) >= 6 and (inner or bool(_END_PUNCT.search(words)))


def _is_english(body: str) -> bool:
    han = sum(1 for ch in body if "\u3400" <= ch <= "\u9fff")
    latin = sum(1 for ch in body if ch.isascii() and ch.isalpha())
    return latin > 3 * han


# ---------------------------------------------------------------- public


def find_quotes(body: str, article_id: str = "") -> list[Quote]:
    """The quotations of an article body, sorted by start, with kind and speaker."""
    return list(_find_quotes_cached(body, article_id))


@lru_cache(maxsize=64)
def _find_quotes_cached(body: str, article_id: str) -> tuple[Quote, ...]:
    spans = find_spans(body)
    if not spans:
        return ()
    article = ArticleQuotes(body, article_id)
    return tuple(article.quote(span, article_id) for span in spans)


def story_quotes(story: Story) -> dict[str, list[Quote]]:
    """Every article's quotations, by article id."""
    return {article.id: find_quotes(article.body, article.id) for article in story.articles}
