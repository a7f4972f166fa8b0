"""A small bilingual lexicon of news predicates and common nouns, mapped to concept ids.

A concept is what an English word and its Chinese equivalents have in common (``dismissed``,
``fired``, ``辞退`` and ``开除`` are all ``dismiss``), so sentences in different languages can be
compared by the concepts they share. Chinese forms are written in simplified characters and
matched on folded text (traditional folded to simplified); English forms ending in ``*`` are
stems. The table is general news vocabulary, never the words of one story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# concept | kind | label | English forms | Chinese forms
# kind: event (a predicate: something happened), thing (a noun), role (a title), attr (a quality)
_TABLE = """
join|event|joining|join*|加入 入职 加盟 进入
leave|event|departure|left;leave;leaving;depart*;quit*|离开 离职 出走 离场 告别
dismiss|event|dismissal|dismiss*;fired;firing;sack*;terminat*;oust*;expel*|辞退 开除 解雇 解聘 炒鱿鱼 清除 斩 除名
resign|event|resignation|resign*;step down;stepped down;steps down|辞职 辞任 请辞 卸任
leak|event|leak|leak*;disclos*;divulg*|泄露 泄密 外泄 透露 走漏 说漏嘴 爆料
confidential|attr|confidential information|confidential*;trade secret*;secret*;classified|机密 保密 秘密 商业秘密 涉密
conflict_interest|thing|conflict of interest|conflict* of interest*|利益冲突 利益输送
violation|thing|misconduct|violat*;misconduct;breach*;transgress*;wrongdoing|违规 违纪 违法 违反 失职 触犯 红线
follower|thing|followers|follower*;fans;subscriber*|粉丝 关注者 订阅者 涨粉
fine|event|fine|fined;fine;fines;penali*|罚款 罚 扣除 扣绩效 扣奖金 处罚 处分
graduate|event|graduation|graduat*;alumn*;degree|毕业 高材生 校友 学历
university|thing|university|universit*;college|大学 学院 高校
apology|event|apology|apolog*;sorry|道歉 抱歉 致歉 惭愧 对不起 认错
thanks|event|thanks|thank*;gratitude;grateful|感谢 感激 谢谢 感恩
zero_tolerance|attr|zero tolerance|zero tolerance|零容忍
never_rehire|event|never rehired|never be rehired;never rehire*;not be rehired;blacklist*|永不录用 永不录取 不再录用
general_manager|role|general manager|general manager*;gm|总经理
deputy|role|deputy|deputy;vice|副总 副总经理 副总裁
president|role|president|president*|总裁
chairman|role|chairman|chairman;chairwoman;chair of the board|董事长 主席
founder|role|founder|founder*;founded;co founder|创始人 创办人 创办 创立
ceo|role|chief executive|ceo;chief executive*|首席执行官 ceo
executive|role|executive|executive*;manager*;senior manag*|高管 管理者 管理人员 干部 经理
spokesperson|role|spokesperson|spokes*|发言人
product_manager|role|product manager|product manager*;product strategy|产品经理 产品战略经理
notice|thing|internal notice|internal notice*;internal announcement*;internal mail*|内部通报 内部邮件 内部通知 通报 邮件
announce|event|announcement|announc*;statement*;declar*|宣布 公告 声明 通报 发布
posted|event|posting|posted to;assign*;rotation*;rotational;dispatch*;transferr*|外派 轮岗 派驻 调任 调往 发配 派往
branch|thing|branch|branch*;subsidiar*|分公司 分部 子公司
headquarters|thing|headquarters|headquarter*;hq|总部
recall|event|recall|recalled;return* to|回到 回归 调回 召回
store|thing|stores|store*;shop*;outlet*|门店 小米之家 店铺 专卖店
weibo|thing|Weibo|weibo|微博
douyin|thing|Douyin|douyin;tiktok|抖音
social_media|thing|social media|social media;social platform*|社交媒体 社交平台 社交账号
verification|thing|account verification|verification;verified|认证
interview|event|interview|interview*|面试 采访
promote|event|promotion|promot*|晋升 升职 提拔 升任 当上 晋级
appoint|event|appointment|appoint*;named as;took over|任命 出任 担任 兼任 掌舵
age|attr|age|years old;aged|岁
born|event|birth|born|出生 出生于
hometown|thing|hometown|native of;hometown;hails from|老家 籍贯 人士
deny|event|denial|den*;rumou*;refut*|否认 辟谣 谣言 澄清
bribe|thing|bribery|brib*;kickback*;took money;taking money;embezzl*;corrupt*|贿赂 受贿 收钱 收人钱财 贪腐 贪污 腐败
crime|thing|criminal liability|criminal*;legal liabilit*;prosecut*;judicial|法律责任 移送司法 刑事 追究
police|thing|police|police|警方 公安
investigation|event|investigation|investigat*;probe*;inquir*|调查 查处 审查 审结
case|thing|cases|case;cases|案件 案例
employee|thing|employees|employee*;employ;employs;employing;staff;worker*|员工 职员 雇员
colleague|thing|colleagues|colleague*;coworker*|同事
tshirt|thing|T-shirt|t shirt*;tee*;shirt*|t恤 衬衫
gift|event|gift|gift*;gave;give*|赠送 送了 送给 赠
launch|event|launch|launch*;unveil*;releas*;debut*|发布 推出 上市 首发 发布会
price|thing|price|price*;pricing|价格 定价 售价 指导价
sales|thing|sales|sales;sold;sell*|销量 销售 出货 出货量 售出
revenue|thing|revenue|revenue*;turnover|营收 收入 营业额
profit|thing|profit|profit*;earnings;net income|利润 盈利 净利 纯利
market_value|thing|market value|market value;market cap*;valuation|市值 估值
shares|thing|shares|share price*;stock exchange*;stock*;shares|股价 股票 股份 交易所 港股 美股 收市 收盘
phone|thing|smartphone|smartphone*;phone*;handset*|手机
car|thing|car|car;cars;vehicle*;ev;automotive|汽车 电动车 新能源车
chip|thing|chip|chip*;semiconductor*|芯片
brand|thing|brand|brand*|品牌
marketing|thing|marketing|marketing|市场部 营销 市场
department|thing|department|department*;division*|部门
team|thing|team|team*|团队
company|thing|company|compan*;firm*;corporat*|公司 集团 企业
industry|thing|industry|industr*;sector|行业 业界 圈内
competitor|thing|competitor|competitor*;rival*|竞争对手 竞品 对手
supplier|thing|supplier|supplier*;supply chain|供应商 供应链 合作商
blogger|thing|blogger|blogger*;influencer*;kol|博主 网红 达人 kol
media|thing|media|media;press;journalist*;reporter*|媒体 记者 报道
fan|thing|fans|fan;fanbase|米粉 粉丝
hot_search|thing|trending topic|trending;hot search*|热搜
video|thing|video|video*|视频 短视频
comment|event|comment|comment*|评论 留言 评论区
post|event|post on social media|posted on;wrote on|发文 发微博 发帖 转发
response|event|response|respond*;response;repl*;react*|回应 回复 表态
warn|event|warning|warn*;remind*|警告 提醒 警示 敲打 警钟
accept|event|acceptance of consequences|accept*|接受 认了 承担
mistake|thing|mistakes|mistake*;error*;fault*|错误 失误 犯错
consequence|thing|consequences|consequence*;price;cost|代价 后果
rest|event|break|break;rest|休息
start_anew|event|starting anew|start* anew;start* over;new beginning|重新出发 从头再来
year_report|thing|annual report|annual report*|年度报告 年报
ethics_committee|thing|ethics committee|ethics committee;professional ethics|职业道德委员会 道德委员会
security|thing|security department|security department;security|安全部门 安全监察部 保密办
nickname|thing|nickname|nicknam*;dubbed;known as;called|称号 戏称 绰号 外号 美誉 人设 自称
crown_prince|thing|crown prince|crown prince|太子
emperor|thing|emperor|emperor*|大帝 称帝 皇帝
critic|thing|critic|critic;critics;criticis*;criticiz*;hater*;anti fan*|黑粉 米黑 质疑
record|thing|track record|resume;career|履历 职业生涯 生涯
year_count|attr|years of service|years at;years with|年资历 资历
rise|event|rise|rose;rise;rising;grew;growth;increas*;boost*;climb*|增长 上涨 提升 走高 上升 攀升
fall|event|fall|fell;fall;declin*;drop*;narrow*|下降 下跌 陨落 下滑 收窄
first|attr|first|first|第一 首个 首次
youngest|attr|youngest|youngest|最年轻
cost|thing|cost|cost*|成本
lawsuit|event|lawsuit|lawsuit*;sue;sued;suing|起诉 诉讼 官司
arrest|event|arrest|arrest*;detain*|逮捕 拘留 被抓
death|event|death|die;died;death*;killed;dead|死亡 去世 身亡 遇难 丧生 罹难
election|event|election|election*;elected;electing;vote;votes;voted;voting|选举 投票 当选
government|thing|government|government*;ministry;authorit*|政府 部委 当局
court|thing|court|court*;judge*|法院 法官
country|thing|country|countr*;nation*|国家
province|thing|province|province*;provincial|省
city|thing|city|cit*;municipal*|市 城市
county|thing|county|count*|县
region|thing|region|region*;regional|地区 区域 大区
international|attr|international|international;overseas;global*|国际 海外 全球
china|thing|China|china;chinese|中国 国内 国产
europe|thing|Europe|europe;european|欧洲 西欧
latin_america|thing|Latin America|latin america*|拉美 拉丁美洲
africa|thing|Africa|africa*|非洲
battery|thing|battery|batter*|电池
parameter|thing|specifications|spec;specs;specification*;parameter*|参数 参数表
schedule|thing|launch timing|timeline*;launch date*;schedule*;timing|发布时间 节奏 时间表
evidence|thing|evidence|evidence|证据
rumor|thing|rumour|rumo*;speculat*|传言 谣言 传闻 说法
version|thing|version|version*|版本
insider|thing|insider|insider*;people familiar;sources said|知情人士 内部人士 知情人
analyst|thing|analyst|analyst*|分析师 分析人士
award|thing|award|award*;prize*|奖 金奖
ip|thing|personal brand|personal brand*;persona|个人ip ip 人设 人格化
strategy|thing|strategy|strateg*|策略 战略
anticorruption|thing|anti-corruption|anti corruption|反腐 廉正 廉洁
agreement|thing|agreement|agreement*|协议
sign|event|signing|sign;signed;signing|签署 签订 签约
promise|event|promise|promis*;pledg*|承诺 保证
support|event|support|support*|支持
lead|event|leadership|led;lead;leading;leader*;helm*|领导 带领 主导 掌舵人
create|event|creation|creat*;built;build*|打造 建立 创造
exit|event|exit|exit*|退出 离场 出局
replace|event|replacement|exchang*;replac*;swap*|更换 换货 调换 替换 退换 置换
free_of_charge|attr|free of charge|for free;free of charge;at no cost;at no charge;free replacement*;free repair*|免费
customer|thing|customers|customer*;consumer*;client*;buyer*|消费者 顾客 客户 买家
mid_level|attr|mid-level|mid level;middle manag*;mid ranking;middle ranking|中层
favourite|attr|favourite|protege*;favo*rite;confidant*;appreciated by;trusted by|爱将 嫡系 亲信 心腹 赏识 器重
importance|attr|importance attached|attach* importance;attach* great importance;take* seriously|重视 看重 注重
remove|event|removal|remov*;delet*;wipe*;scrub*;taken down;no longer display*;no longer show*|清空 删除 撤下 移除
specify|event|specifics|specif*;only mention*;did not say;didn t say;did not detail*|明说 明确说 明确表示 具体说明
passenger|thing|passenger trips|passenger*;rider*;ridership;commuter*;visits|乘客 客流 客流量 旅客 人次
station|thing|stations|station;stations|车站 站点 地铁站
train|thing|trains|train;trains;rolling stock|列车 火车 车厢
metro|thing|metro|metro*;subway*;underground|地铁 轨道交通 捷运 地铁线
airport|thing|airport|airport*|机场
flight|thing|flights|flight;flights|航班 架次
wind|thing|wind|wind;winds;gust*|风速 风力 阵风
rain|thing|rain|rain;rainfall;downpour*;precipitation|降雨 降水 雨量 暴雨 豪雨
railway|thing|railway|railway*;rail*|铁路 高铁 铁路站
open_line|event|opening to traffic|opening of;open to traffic;opened to traffic;to open|开通 通车 开通运营 投入运营
delay|event|delay|delay*;postpon*;pushed back;push back;put back|推迟 延期 延迟 延误 延至 延后 推后
construction|event|construction|construction*;constructed;built|开工 动工 施工 兴建 建设
budget|thing|budget|budget*;investment*;invested|预算 概算 投资 总投资
overall_cost|thing|total cost|total cost*;overall cost*;construction cost*|造价 总造价 总成本
signal|thing|signalling|signal*|信号
test|event|testing|test;tests;tested;testing;trial*|测试 调试 联调 试验 检测
safety|attr|safety|safety;safe|安全
goal|thing|goals|goal;goals;scored;scoring|进球 入球 射进 打进 攻入
contract|thing|contract|contract*;deal|合同 合约 契约
fee|thing|fee|fee;fees|转会费 费用
salary|thing|salary|salar*;wage*;earning|年薪 薪水 工资 薪酬 月薪
medical|event|medical examination|medical;physical exam*|体检
striker|role|striker|striker*;forward;forwards|中锋 前锋
coach|role|coach|coach;coaches;head coach|主教练 主帅 教练
most_expensive|attr|most expensive|most expensive;costliest|最贵 最昂贵
happy|attr|happiness|happy;delighted;glad|高兴 开心
punish|event|punishment|punish*;disciplin*;sanction*|处分 处罚 惩罚 处理
fire|event|fire|fire;blaze;blazes;inferno|火灾 大火 火警 火情 火势
outbreak|event|start|broke out;break out;breaks out;breaking out|起火 爆发 燃起
extinguish|event|extinguishing|put out;extinguish*;doused|扑灭 扑熄 熄灭 救熄
injure|event|injured|injur*;wounded|受伤 伤者 伤员
serious|attr|serious condition|serious condition;critical condition;seriously|伤势较重 伤势严重 重伤 危殆 危重
evacuate|event|evacuated|evacuat*|疏散 撤离
firefighter|role|firefighters|firefighter*;fire fighter*|消防员 消防队员 消防人员
fire_engine|thing|fire engines|fire engine*;fire truck*|消防车
area|thing|area|area;areas;square met*;square kilomet*|面积
gross_margin|thing|gross margin|gross margin*|毛利率
production|event|production start|start production;starts production;begin production;production start*|投产 量产
year_on_year|attr|year on year|year on year;year-on-year;a year earlier|同比 按年增 按年上升 按年跌 较去年同期
missing|event|missing|missing;unaccounted for|失联 失踪 下落不明
magnitude|attr|magnitude|magnitude|震级 里氏 黎克特制 芮氏
depth|attr|depth|depth|深度 震源深度
epicentre|thing|epicentre|epicent*|震中 震央
aftershock|thing|aftershocks|aftershock*|余震
rescuer|role|rescuers|rescuer*;rescue worker*|救援人员 搜救人员 救援队员
house|thing|houses|house;houses;homes;housing|房屋 民房 住房 房子
investor|thing|investors|investor*|投资者 投资人
victim|thing|victims|victim*|受害人 受害者
defendant|role|defendants|defendant*|被告人 被告
platform|thing|platforms|platform*|平台
sentence|event|prison sentence|sentenced;prison;jail*;imprison*|有期徒刑 徒刑 判处 判刑 获刑 监禁 判囚 入狱
recover|event|recovery|recover*|追缴 追回 追赃 挽损
appeal|event|appeal|appeal*|上诉
"""


@dataclass(frozen=True)
class Concept:
    """One lexicon entry: its id, kind and the short label used in fact labels."""

    id: str
    kind: str
    label: str


@dataclass(frozen=True)
class _Compiled:
    concepts: dict[str, Concept]
    english: dict[str, re.Pattern[str]]  # by first letter: the forms starting with it, longest first
    english_groups: dict[str, str]
    chinese_forms: dict[str, str]
    by_first: dict[str, tuple[str, ...]]  # Chinese forms by first character, longest first


def _english_form_regex(form: str) -> str:
    """A form as a regex: ``*`` is any run of letters, a space any run of spaces."""
    parts = [re.escape(word).replace(r"\*", "[a-z]*") for word in form.split()]
    return r"\s+".join(parts)


@functools.cache
def _compiled() -> _Compiled:
    concepts: dict[str, Concept] = {}
    chinese: dict[str, str] = {}
    english: list[tuple[str, str]] = []
    for line in _TABLE.strip().splitlines():
        cid, kind, label, en, zh = line.split("|")
        concepts[cid] = Concept(cid, kind, label)
        english.extend((form.strip(), cid) for form in en.split(";") if form.strip())
        for form in zh.split():
            chinese.setdefault(form, cid)
    # longer forms first, so "conflict of interest" wins over "conflict"
    english.sort(key=lambda item: (-len(item[0]), item[0]))
    groups = {f"g{i}": cid for i, (_, cid) in enumerate(english)}
    by_letter: dict[str, list[str]] = {}
    for i, (form, _) in enumerate(english):
        by_letter.setdefault(form[0], []).append(f"(?P<g{i}>{_english_form_regex(form)})")
    by_first: dict[str, list[str]] = {}
    for form in sorted(chinese, key=lambda f: (-len(f), f)):
        by_first.setdefault(form[0], []).append(form)
    return _Compiled(
        concepts,
        {letter: re.compile(r"(?:" + "|".join(forms) + r")\b") for letter, forms in by_letter.items()},
        groups,
        chinese,
        {first: tuple(forms) for first, forms in by_first.items()},
    )


def concept(concept_id: str) -> Concept:
    """The lexicon entry of a concept id."""
    return _compiled().concepts[concept_id]


def english_text(text: str) -> str:
    """Lower-cased English with hyphens and apostrophes turned to spaces, same length."""
    return re.sub(r"[-‐‑–’']", " ", text.lower())


def concepts_in(folded: str, english: bool) -> list[tuple[str, int, int]]:
    """``(concept id, start, end)`` of every lexicon word in a folded sentence.

    ``folded`` is ``reader.script.fold`` of the sentence (simplified, lower-cased); English words
    are looked up only when ``english`` is true, Chinese forms always (English articles quote
    Chinese names now and then, Chinese articles use English words such as KOL).
    """
    table = _compiled()
    found = _chinese_concepts(folded, table)
    if english:
        found.extend(_english_concepts(english_text(folded), table))
    return sorted(found, key=lambda item: (item[1], item[0]))


_WORD_START = re.compile(r"\b[a-z]")


def _english_concepts(text: str, table: _Compiled) -> list[tuple[str, int, int]]:
    """Leftmost, longest, non-overlapping English forms, each tried only at the start of a word
    with its own first letter (one regex of every form tried everywhere is slow)."""
    found = []
    pos = 0
    while (start := _WORD_START.search(text, pos)) is not None:
        pattern = table.english.get(start.group())
        m = pattern.match(text, start.start()) if pattern else None
        if m is None:
            pos = start.end()
            continue
        found.append((table.english_groups[m.lastgroup or ""], m.start(), m.end()))
        pos = m.end()
    return found


def _chinese_concepts(folded: str, table: _Compiled) -> list[tuple[str, int, int]]:
    """Leftmost, longest, non-overlapping Chinese forms: only the forms starting with the
    character at hand are tried, so the scan is linear in the text."""
    found = []
    pos, size, by_first = 0, len(folded), table.by_first
    while pos < size:
        forms = by_first.get(folded[pos])
        form = next((f for f in forms if folded.startswith(f, pos)), None) if forms else None
        if form is None:
            pos += 1
            continue
        found.append((table.chinese_forms[form], pos, pos + len(form)))
        pos += len(form)
    return found


@functools.cache
def counted_concept(noun: str | None) -> str | None:
    """The concept of what a count counts (``followers``, ``粉丝`` -> ``follower``), if known."""
    if not noun:
        return None
    from reader.script import fold

    found = concepts_in(fold(noun), english=True)
    return found[0][0] if found else None
