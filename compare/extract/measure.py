"""measure.py: what each figure measures, read from the structure of its clause.

For every figure: its label (the measure phrase as written), its kind (level, change, share,
per-capita, target, range), the direction of a change, the figure it speaks of (比上年增长6.1% speaks
of the 国内生产总值 before it), and its key: the measure in simplified script, the scope words that
narrow it, the kind, the unit family and the period. A label never crosses a line, a heading or a
bullet: a clause ends at punctuation and a paragraph at its line.

Phrases are kept as tuples of offsets, so a label built from pieces (城镇 + 居民人均可支配收入 out of
城镇和农村居民人均可支配收入) still reads as written while its key reads in simplified script.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .. import grammar
from ..model import Direction, MetricKind, Section
from ..normalize import TEXT_BULLET
from .figures import Figure, Mask

Phrase = tuple[int, ...]

LABEL_MAX = 24
_SENTENCE_END = "。！？!?\n"
_SEGMENT_END = "；;"
# a comma between a digit and three more (12,345元) groups thousands; it ends no clause
_CLAUSE_SEP = re.compile(r"[，：:；;。！？!?\n]|——|(?<!\d),|,(?!\d{3}(?!\d))")
_SUB_TOTAL = re.compile(r"(?:^|[，,；;：:])\s*其中\s*(?:[，,：:]|$)")
_BULLET_CHARS_SET = set("●○■□◆◇▲△★☆•▶►")
_BULLET_CHARS = re.compile("[" + "".join(sorted(_BULLET_CHARS_SET)) + "]")

# Words that open a clause without saying what is measured: discourse, time, place.
_LEAD = re.compile(
    r"^(?:\d{1,2}[.．、](?![\d、])|[一二三四五六七八九十]是(?=[\u4e00-\u9fff])|[一二三四五六七八九十]{1,2}、(?![一二三四五六七八九十])|其中|当中|另外|此外|另|同时|并且|而且|而|但是|但(?!书)|加上|主因|主要是|包括|首先|其次|最后|以致|致使|使得|令|特别是|尤其是"
    r"|总体看|分城乡看|分类别看|分地区看|分产业看|预计|初步|预测|力争|确保|将(?![近军])"
    r"|(?:提出|表示|指出|强调|介绍|透露|宣布|公布)了?|第一时间"
    # 〔记者…报导〕, 【…讯】: a news dateline; 市府今公布, 统计处昨发布: who announced it, and when
    r"|〔[^〕]{1,30}〕|【[^】]{1,30}】|[^\d，,；;。]{0,8}?(?:今|昨|今天|昨天|今日|昨日|日前|近日)(?:公布|发布|宣布|表示|指出|透露)(?:了|的)?"
    r"|据对[^，,；;。]{1,30}?调查(?:显示|结果)?|据统计|据初步统计|初步核算|经初步核算|据测算|数据显示|据介绍|据了解|据悉|据知|统计显示"
    r"|全年|年末|年底|年初|年内|当年|本年|今年|去年|上年|\d{4}年(?:末|底|初|度|内|全年)?|\d{4}(?=[全本我])"
    r"|(?:近|过去)?[一二两三四五六七八九十\d]{1,2}年(?:来|间|以来)"
    r"|\d{1,2}月(?:末|底|份)?(?:[上中下]旬)?|[上中下]旬|第?[一二三四1-4]季度?(?![稻])|[上下]半年|前三季度|截至|截止|到(?=\d|[今去明本上]?年|目前|现在)|目前|现有"
    r"|全国|全省|全区|全市|全县|全州|全盟|全旗|全镇|全乡|全行业|全系统|全社会|我国|我省|我区|我市|我县|本市|本省|本区"
    r"|对(?!外)|为(?!期)|向|给"
    # 扣除疫情因素后, 剔除价格因素影响, 按自然口径计算: the basis of a change (kept in its scope), not its measure
    r"|(?:扣除|剔除)[^，,；;。\d]{1,12}?因素(?:影响)?后?|按(?:自然|可比)口径(?:计算)?)+"
)
# Words between the measure and its number: copulas, adverbs, a comparison's base.
_TAIL = re.compile(
    r"(?:(?:达到|达|完成|实现|有|拥有|共有|为|突破|超过|到)了|高达|多达|为|是|达到|达|完成|实现|有|拥有|共有|约为|(?<![估统设会审])计|在|至|到|分别|依次|共|共计|合计|总计|累计|(?<![年人])均|(?<=[\u4e00-\u9fff])各|都|也|又|再|还"
    r"|控制在|控制|维持在|维持|力争|确保|进入了|进入|平均为|(?:[两三四五六七八九十]|\d{1,2})年平均|平均|保持在|保持|稳定在|由|从|(?<![大名老干猛主])将(?:会|要)?"
    r"|已|已经|仅|只|则|约|大约|预计|初步|首次|一举|率先|历史性地?|同比去年|同比|环比|可比|实际|名义|折合|合计|、"
    # 按年实质收缩, 与上年同期比较, 录得: Hong Kong and Macau wording of 同比, 实际, 比上年, 达到
    r"|按年|按季|实质|录得|出现|(?:与|同)(?:上|去)年(?:同期)?比较"
    # 现价增长, 按2022年平均汇率计算为6281美元: a price basis or a currency restatement of the same amount
    r"|现价|可比价|按(?:\d{4}年)?(?:年)?平均汇率(?:计算|折算)"
    # 增加值年内实现由负转正、增长2.2%: the turn of a sign says nothing of what is measured
    r"|由负转正|由正转负|转负为正|由降转升|由降转增|由跌转涨|扭亏为盈|年内"
    r"|[(（]"  # 甲县(120亿元): the bracket a figure opens
    r"|亦|(?:分别)?修订(?:为|至)"  # 货物出口亦下跌, 实质变动率修订为: also; a revised level
    r"|在?第[1-4一二三四]季度?|在?[一二三四]季度"  # 服务输出在第一季下跌, 生产总值第一季上升: a scope
    r"|(?:比|较|与|同)(?:上|去|前)一?年(?:同期|同月|同季|末|底)?(?:相比)?|(?:比|较)(?:\d{4}年(?:同期|同月|同季|末|底)?|同期|同月|同季)(?:相比)?|与\d{4}年相比"
    r"|(?:比|较|与)(?:上|前)一?(?:季度?|个?月|期)(?:末|底)?(?:相比)?"  # 较上一季减少30艘, 比上月, 较上一期
    # 比上半年加快, 比1-7月回升, 比上年全年回落: a part of the year as the base
    r"|(?:比|较|与)(?:上年)?(?:上半年|前三季度|全年|[一二三四]季度|\d{1,2}(?:-\d{1,2})?月份?)(?:相比)?"
    r"|(?:比|较|与)(?:年初|常年|多年平均|历年同期|基准年|基期|平年)值?(?:相比)?|(?:按)?(?:同|可比)口径"
    r"|(?:比|较|与)(?:上|前)一?个?[一二三四五六七八九十两\d]{1,2}个?(?:年|季度|月)(?:同期)?(?:相比)?"
    # 分别比上个五年上升, 比2016年 once its year is dropped, 从上年: the base of a change, not a measure
    r"|(?<![占对相配之师幼生])(?<!性别)(?:比|较)|(?:由|从)(?:上|去|上一)年(?:底|末)?的?)$"
)
# 年增, 月减, 年涨: the span a change is over, said right before its verb (not 全年, 上月, 1-10月, 逐年)
_OVER_SPAN = re.compile(
    r"(?:^|[^\d一二两三四五六七八九十百千万半周学财上去今当本全前后同每近历逐多该往常按青成老少个明来次下连单首准平丰闰计隔翌整年月-])[年月]$"
)
# 甲及乙的收入中位数均维持18000元及20500元: with a list of figures, 均 is 分别 (with one, both have it)
_EACH = re.compile(r"(?<![人平年月次户日亩周季])均(?![价值衡匀等])")
_VERDICT = re.compile(r"(?:增长|增幅|涨幅|增速|降幅|下降|上涨)(?:较|最|更|明显|比较)(?:高|快|大|多|明显|显著|突出)?$")
_RATE_AHEAD = re.compile(r"\s*[\d.]+\s*(?:%|‰|个?百分点|个?千分点)")  # a rate or points figure comes next
# 财政支出则由于救灾支出增加而上升: a cause, between a measure and its verb
_CAUSE = re.compile(r"则?(?:由于|因为|因|受)[^，,；;。]{2,20}?(?:而|影响|带动|拉动)$")
# adverbs of degree and pace before a verb of change (增速明显比上年放缓, 收入稳步增长); without a verb of
# change 持续 is the verb (高温持续18天)
_DEGREE = re.compile(
    r"(?:明显|显著|大幅度?|小幅|略有|略微|(?<![策战省侵忽粗约])略|稍有|进一步|继续|持续|稳步|有所|较快|快速|平稳|轻微|(?<![小中])微"
    r"|逐[年月季日]|逐步|逐渐|不断|强劲|强势|迅猛)$"
)
_CHANGE_VERB = re.compile(
    rf"(?P<verb>{grammar.CHANGE_WORDS}|净增|增产|增收|(?<!新)增|涨|升|偏多|偏大|偏高"
    r"|净减|减产|减收|降|减|跌|偏少|偏小|偏低"
    r"|(?<=[年期月份季度比较])(?:多增|少增|多|少)"  # 比上年多3所, 比8月份多增0.2万人: more or fewer than the base
    # 比上年新增3.2万户, 较2022年新增 (its year dropped): against a base, 新增 is the change (全年新增 is a level)
    r"|(?:(?<=上年)|(?<=去年)|(?<=年初)|(?<=同比)|(?<=同期)|(?<=[较比]))新增)(?:了)?$"
)
_TO_LEVEL = re.compile(rf"(?:{grammar.CHANGE_WORDS}|增|降|升|减|跌)(?:了)?(?:到|至)$|(?:增至|降至|升至|达至)$")
_DOWN_VERBS = frozenset(grammar.CHANGE_DOWN) | {"净减", "减产", "减收", "降", "减", "跌", "偏少", "偏小", "偏低"}
_DOWN_VERBS |= {"少", "少增"}
_RATE_NOUN = re.compile(
    r"(?:增速|增幅|涨幅|降幅|升幅|跌幅|减幅|(?<!自然)增长率|增长速度|增长幅度|上涨幅度|下降幅度|年均增长)$"
)
_TIME_ONLY = re.compile(
    r"(?:较|比|继|而)?(?:第?[一二三四1-4]季度?|[上下]半年|前三季度|全年|\d{1,2}月份?|上年|去年|同期|的)+"
    r"(?P<rate>升幅|跌幅|增幅|降幅|涨幅|增速)?"
)
_RATE_AFTER = re.compile(
    r"(?:的?(?:按年|同比)?(?:实质|实际)?(?P<rate>增幅|升幅|涨幅|跌幅|降幅|减幅)|的(?:按年|同比)?(?P<rate2>增长|下降))"
    r"(?!率|目标|任务|计划|点|极|动力|幅度|空间|潜力|压力|贡献)"
)
_GROWTH_SHARE = re.compile(r"贡献|拉动|带动|占")
_DOWN_RATES = frozenset({"跌幅", "降幅", "减幅", "下降"})
_SHARE_MARK = re.compile(r"占(?![用据领线]|地(?!区(?![域块]))|有(?!率))")  # 占全市的48%; not 占地3200亩, 占用林地
_SHOULD = re.compile(r"(?<![供反适效相对响感回呼答])应(?:当|该)?$")
# 应占合营企业亏损: attributable to, no share (应占财政支出的15%, what should be, is one)
_ATTRIBUTABLE = re.compile(r"应占[^，,。；;的]{0,12}?(?:溢利|亏损|利润|收益|业绩|权益|净利)")
_RATIO_NAME = re.compile(r"[\u4e00-\u9fff]{2}比(?:为|是|达到|达)?$")  # 收入比为2.31: a ratio's name ends in 比
_SHARE_OF = re.compile(r"占[^占，,；;。]{1,12}的$")
_SHARE_NOUN = re.compile(r"(?:比重|占比|比例|比值|份额|贡献率|构成)$")
_PER_CAPITA = re.compile(r"人均|每(?:[一二两三四五六七八九十百千万\d]+)?(?:人|户|名|平方|公顷|亩|千|万|百)")
# Adverbs and light verbs that stand between an actor and what was measured (这些平台已累计提供岗位):
# the measure is what follows the last of them. Single characters split only where they stand alone.
_FILLERS = re.compile(
    r"共计|总计|合计|累计|达到|多达|高达|安排|(?<!总)投入|下拨|以致|致使|其中|已经|分别|依次|并且|开展"
    r"|(?<![已未])实现|实现(?!收益|损益|利得|损失|盈亏)"  # 已实现收益额, 未实现损失: realized, a word
    r"|(?<![公中总])共(?![同享建产青识济渡治商育赢担])"
    r"|(?<![到表传发直下抵通送转])达(?![成标])"
    r"|(?<![所具拥没含享占持富保国公私特固原专稀少])有(?![关效力序所机偿利益色线]|限(?!额))"
    r"|(?<![而早])已(?![知]|实现(?:收益|损益|利得|损失|盈亏))|仅|(?<![原规准法细总否守实])则"
    r"|(?<![合兼])并(?![购入轨])|(?<![退归偿交返])还"
    r"|(?<![针面绝相反应核比校])对(?![接口象于话外标照比策应付称])"
)
# A measure noun that says nothing alone: whose 增加值, whose 产量 is said before the verb.
_MEASURE_NOUN = re.compile(
    r"增加值|产值|总值|总产值|产量|总产量|总量|收入|总收入|营业收入|营收|支出|总额|金额|余额|面积|人数|户数|数量|规模|投资"
    r"|利润|利润总额|净利润|税收|产能"
)
# what an amount's owner has besides the amount (营业收入…,利润率为6.3%), and the amounts that tell the owner
_ATTRIBUTE = re.compile(
    r"(?:销售|成本|营业|营收|毛|净)?利润率|利税|利润总?额?|税收|资产负债率|产能利用率|研发投入强度|增加值|毛利率?"
)
_HELD_BY = re.compile(
    # a segment's or a business's income, not 营业外收入, 利息收入, 补贴收入 and other lines of the accounts
    r"(?:(?:营业|主营业务|销售|经营|(?<!营业外)(?<!投资)(?<!利息)(?<!其他)(?<!补贴)(?<!补助)(?<!经常性))收入"
    r"|营收|毛利|增加值|总产值|产值|资产总额|利润总额|总规模|总产出)$"
)
_RUN_IN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_ACTOR_ONLY = re.compile(r"^(?:全国|全省|全市|全区|各地|各级工会|全总|会上|其|在|会|等|和|这些平台|这|该)$")
# Verbs whose object, the counted thing, follows the figure (动员1215个妇联组织, 选派48名干部).
_ACTS = (
    r"(?:吸引|惠及|帮助|覆盖|带动|吸纳|命名|表彰|发展|服务|培训|建成|新建|慰问|走访|资助|救助|(?<!工会|基层)(?<!党)组织|举办|开展|发放"
    r"|筹集|提供|接待|新增|实现|完成|投入|安排|下拨|拥有|有|共有|动员|选派|派出|召开|建立|培育|认定|评选|签约|引进"
    r"|设立|设有|设|建有|开设|组建|成立|聘请|招聘|招录|接收|受理|办理|调解|审结|查处|检查|走访|推出|举行|开通|打造"
    r"|修复|改造|治理|整治|恢复|栽植|营造|清理|拆除|新修|硬化|招募|选聘|聘用|录用|吸收|安置|转移)"
)
_VERB_END = re.compile(_ACTS + "$")
# 吸纳周边3400名村民, 带动当地…: a verb and where it acted still leave its object to follow the figure
_VERB_WHERE = re.compile(_ACTS + r"(?:周边|当地|本地|附近|全[市省县区国]|各地|[省市县区境国]内外?|海内外|城乡|农村)$")
# 按标准完成28个…改造, 根据计划新建…: a prepositional phrase alone is no measure; the noun after the figure is
_ONLY_MANNER = re.compile(r"(?:按照?|依照|依据|根据|通过|对照|参照)[^\d，,、；;：:]{1,6}")
# 新建口袋公园12个、城市绿道35公里: the verb that opens a list of objects acts on each item after 、
_LIST_VERB = re.compile(
    r"新建|新增|建成|建设|改造|改建|扩建|改扩建|新改扩建|新修|硬化|修复|栽植|营造|整治|治理|培训|慰问|救治|收治"
    r"|种植|播种"
)
# an item that acts itself (开工改造老旧小区, 扶持创业, 失业人员再就业): the verb before it is not its
_OWN_ACT = re.compile(rf"^(?:{_ACTS}|开工|扶持|达成|腾退|启动|实施|投资|耗资|花费|支出)|通过|就业")
# 栖息着45种鸟类, 一支300人的队伍, 纺织行业共有15家企业入选: the noun that is counted follows the figure
_NOUN_FOLLOWS = re.compile(r"[\u4e00-\u9fff]着$|[一两]支$|[一两]批$|(?<=[\u4e00-\u9fff]{2})共有$")
_OF_RATE = re.compile(r"[^，,；;。]{0,8}(?<!率)率")  # 98.5%的结案率 (not 率先)
_GOT = re.compile(r"得到|受到|享受|获得|取得|[得受]$")  # 受$: 受到 already cut at its 到
_POST_CUT = re.compile(
    r"的|在|被|于|及|与|同步|实现|参与|建立|用于|获得|通过|成为|借助|都|(?<!平)均|已|全部|也|、|，|。|…|”|“"
    r"|增加(?!值)|增长|提高|上升|下降|减少|降低|[升降增]至|到|至"  # 由31条增加到36条: the turn of a span, no noun
)
# Words that make a sentence a goal from where they stand on: its figures are targets.
_TARGET = re.compile(
    r"预期目标(?!的)|主要.{0,4}目标|发展目标|工作目标|目标(?:[:：是为]|确定为|定为|设定为)|奋斗目标|力争|争取(?!到(?![\d年十今明本]))|预期(?!寿命|目标的|的)"
    r"|承诺|确保|要(?:达到|高于|低于|控制在|保持在|实现|完成|确保)|控制在"
    r"|预[测计](?:明|下一?|来)(?:[(（][^()（）]{1,6}[)）])?年"  # 预测明(103)年经济成长2.59%: a forecast ahead
    # 将X作为/纳入… is 把 (past or future), unless 今年/明年 says it is the plan
    r"|(?<![大名老干猛主])将(?!近|军)(?:(?<=今年将)|(?<=明年将)|(?![^，,；;。]{1,20}?(?:作为|列为|纳入|视为|当作|摆在|放在|融入)))"
    # 按计划完成, 根据计划新建: done as planned, a past act (计划新建 alone is the plan)
    r"|(?<!超)(?<!超年度)(?<!超过)(?<!按)(?<!按照)(?<!根据)(?<!依照)计划(?:[到在]|\d|完成|实现|投资|新建|建成|开工|安排|新增|培训|招聘|达到)"
)
_ACHIEVED = frozenset({"控制在", "争取"})
_GOAL_VALUE = re.compile(r"(?:的|为|是)?\s*[\d.]+\s*%")
_MEASURED_AGAINST = re.compile(r"(?:[高低快慢好优强弱超]于|超过|超出|符合|不及|未达|达到|完成|实现)(?:年度|全年)?$")
# 过去一年,…争取资金…;今年要争取…: the past holds until the sentence turns to what is ahead
_AHEAD = re.compile(r"今年(?!以来)|明年|下一步|下半年|(?<![主重需只])要(?!求)|(?<![即])将")
_PAST_OPENING = re.compile(r"\s*(?:过去(?:的)?[一五两三]年|去年|上一年|[一二三四五]年来|今年以来)")
# 到2025年: a deadline, so a goal — when the year lies after the report's own year (到2021年7月 is a date of record)
_BY_YEAR = re.compile(r"(?<![截止加高长升降少低大小月])(?:到|至)(\d{4})年")  # not 增加到2011年: an end point
# a year a sentence speaks of; not a comparison's base (比2014年), a span, or a price base (2015年不变价)
_YEAR = re.compile(
    r"(?<![比较与同自至—\-\d])(?<![高低快慢好优强弱]于)(?P<from>[由从])?(\d{4})年(?![—\-~～至]\d|不变价|可比价|价格|基期|以来)(?P<month>\d{1,2}月)?"
)
_FROM_BEFORE = re.compile(r"(?:由|从)(?:(?:\d{4}|上|去|上一)年(?:底|末)?的?)?$")
_TO_AFTER = re.compile(
    r"[\d.:：]*[^，,；;。\d]{0,4}?(?:变化|增长|增加|提高|上升|下降|减少|降低|扩大|缩小)?(?:为|到|至)"
)
_TURN = re.compile(r"(?:变化|提高|增加|增长|上升|下降|减少|降低|扩大|缩小)?(?:为|到|至)")
# a count of years in words or digits (五, 十二, 12), never 一
_CN_YEARS = r"(?:[二两三四五六七八九十]|十[一二三四五六七八九])"
_YEARS = rf"(?:{_CN_YEARS}|\d{{1,2}})"
# a span of years said before a figure (近四年, 五年来, 年均增长): a claim over years, not one year's figure
_MULTI_YEAR = re.compile(
    rf"(?:近|连续|最近)[一二两三四五六七八九十\d]{{1,2}}年|过去{_CN_YEARS}年|{_YEARS}年(?:来|间)|多年来"
    r"|年均(?!浓度|气温|温度|降水|降雨|日照|风速|湿度|值)"  # 年均浓度 is one year's average
    r"|(?:比|较|与)(?:上|前)一?个?[二两三四五六七八九十\d]{1,2}个?年"  # 比上个五年上升: against a span
)
_NORMAL_BASE = re.compile(r"(?:比|较|与)(?:常年|平年|多年平均|历年同期|年初)")  # 平年: a normal year
# a span of years a sentence opens on (五年来, 过去五年, 近三年): 年均 speaks only of its own figure
_SPAN_OPENING = re.compile(
    rf"(?:(?:近|最近|过去)?(?<![\d一二两三四五六七八九十〇零]){_YEARS}年(?:来|里|间)?)"
    # 五年来, 近五年,全市…: the span the sentence speaks of (连续三年获评…, 近三年来首次… are one claim)
    r"(?=[,，]|全[市省县区国]|我[市省县区国]|累计|共)"
)
_A_YEAR = re.compile(r"\d{4}年|今年|去年|全年|当年|本年|上年|年底|年末")
_BASE_YEAR = re.compile(r"(?:比|较|与)(\d{4})年")  # 比2016年上升46.3%: a change over years when 2016 is long past
# The part of the year a sentence speaks of: 全年 (一年来), a half or quarter, a month (not 截至…月底, a date).
# 首十个月, 前8个月: months 1 to N (not 提前两个月, 此前三个月, 目前, 较前三个月)
_MONTHS_TO_DATE = r"(?<![提此目当以较比与之])(?:首|前)(?P<months>[一二两三四五六七八九十]{1,2}|\d{1,2})个月(?!内|期)"
_TIME_SCOPE = re.compile(
    r"上半年|下半年|前三季度|(?<!第)[一二三四]季度|(?<!占)全年|(?<![十\d])一年来"
    # 第4季, 2023年第一季, 2季度: a quarter (not 第一季稻, a series' 第一季, 连续4季度, 1-3季度)
    r"|第(?P<quarter>[1-4])季(?!稻)|(?<=年)第(?P<qy>[一二三四])季(?!稻)|第(?P<qd>[一二三四])季度"
    r"|第(?P<qa>[一二三四])季(?=按|同比|与|较|的|[,，]|上升|下跌|增长|下降|实质)"
    r"|(?<![\d.\-—~～至续近前])(?P<q>[1-4])季度"
    r"|(?<![截止至])(?<!至\d{4}年)(?:(?P<first>\d{1,2})(?:月份?)?[—\-~～至到])?(?<!\d)(?P<month>\d{1,2})月(?![底末\d]|份?以来|至\d{4}年)"
    r"|" + _MONTHS_TO_DATE
)


_YEAR_OPENS = re.compile(r"\s*(?:\d{4}年(?:全年|度)?|全年)[，,]")  # 2023年, 全年,: the whole year, said first
_BASE_VALUE = re.compile(r"度?的?[\d.]")
_BASE_BEFORE = re.compile(r"(?:比|较|继)(?:\d{2,4}年|上一?年|去年)?$")  # 较112年5月: a 民國 year too


_SINCE_AFTER = re.compile(r"[)）]?(?:以来|起)")


def _time_tags(folded: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Each part-of-year word between lo and hi with its offset, as a scope tag (全年, 上半年, 8月, 1-8月)."""
    if folded.find("年", lo, hi) < 0 and folded.find("月", lo, hi) < 0 and folded.find("季", lo, hi) < 0:
        return []  # most sentences name no time: skip the pattern
    tags = []
    for m in _TIME_SCOPE.finditer(folded, lo, hi):
        if _BASE_BEFORE.search(folded, max(lo, m.start() - 8), m.start()) and not _BASE_VALUE.match(folded, m.end()):
            continue  # 比上半年加快, 比1-7月回升: a base's time scopes no figure (比一季度的3.3%: its own)
        if m.group("month"):
            before = folded[max(lo, m.start() - 2) : m.start()]
            if before in ("截至", "截止") or before[-1:] == "至":
                continue  # 截至…月: a date of record
            if _SINCE_AFTER.match(folded, m.end()):
                continue  # 自开馆(1998年5月)以来: when a running total began, not a part of the year
            tag = f"{m.group('first')}-{m.group('month')}月" if m.group("first") else f"{m.group('month')}月"
        elif span := m.group("months"):
            n = int(span) if span.isdigit() else grammar.chinese_integer(span)
            if not n or n > 12:
                continue
            tag = f"1-{n}月"
        elif quarter := m.group("quarter") or m.group("q") or m.group("qd") or m.group("qy") or m.group("qa"):
            tag = "一二三四"["1234".find(quarter)] + "季度" if quarter.isdigit() else quarter + "季度"
        else:
            tag = "全年" if m.group() == "一年来" else m.group()
        tags.append((m.start(), tag))
    return tags


# a footnote marker: [1], 【1】, [i], ①, or superscript digits after a word (地区生产总值¹)
_FOOTNOTE_MARK = (
    r"[\[【]\s?(?:\d{1,2}|[ivxIVX]{1,4})\s?[\]】]|[\u2460-\u2473]"
    r"|(?<=[\u4e00-\u9fff])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
)
_DROP_ANYWHERE = re.compile(
    # a price basis in brackets, 万元GDP(当年价), tells two measures apart: kept
    _FOOTNOTE_MARK + r"|\((?!(?:当年|可比|现|不变)价)[^()]*\)|（(?!(?:当年|可比|现|不变)价)[^（）]*）"
    r"|[“”‘’「」『』\"'\s]|第[^，。、\d]{1,3}?[批届轮期次]|(?<=[\u4e00-\u9fff])(?<![占比较于])全年(?=[\u4e00-\u9fff])(?!的)|(?<=[今明本]年)将(?![近军])|"
    + _MONTHS_TO_DATE
    + r"|按(?:\d{4}年)?(?:可比价格?|不变价格?|现价|当年价格?|可比口径|同口径)(?:计算)?"
    r"|(?:(?<![长加高升降少低])(?:到|至)|截至|截止)?\d{4}年(?:\d{1,2}月(?:份(?!额))?)?(?:\d{1,2}日)?(?:底|末|初|以来|前|年?度)?(?:的(?=\d|$))?"
    # 公司2024营业收入: a year written without 年 (not 2024款, 2022届, G2012次, 2000国家大地坐标系)
    r"|(?<![\d.A-Za-z])(?:19[5-9]|20[0-4])\d(?=[\u4e00-\u9fff])(?![年款版届级号线型次批期代国])"
)


@dataclass(frozen=True)
class Description:
    """What one figure measures."""

    label: str
    kind: MetricKind
    basis: MetricKind  # a target's underlying kind (a growth target is a change)
    direction: Direction | None
    parent: int | None  # index of the figure it speaks of
    measure: str  # the key's measure phrase (simplified, normalized)
    scope: tuple[str, ...]
    period: str
    borrowed: bool = False
    term: int = 0  # the place in a list of figures that share one measure


@dataclass
class _Pre:
    """The words before a figure in its clause, taken apart."""

    subject: Phrase
    verb: Phrase  # the verb of change, as written
    direction: Direction | None
    share: bool
    listed: bool  # 分别
    cumulative: bool
    sub_total: bool  # 其中
    open_end: bool = False  # the words end in 的, 等 or a light verb: the noun follows the figure
    fallback: Phrase = ()  # the words themselves, for when no noun follows after all
    object_follows: bool = False  # 为62.93万名职工追回…: a noun after the figure, if any, is what is counted
    causative: bool = False  # 使N万X得到Y: X is counted, up to what they got
    named_part: bool = False  # 其中涉及未成年人的占15.3%: a part named by its 的, of the amount before
    list_head: Phrase = ()  # before 分别: the subjects of a list
    predicate: Phrase = ()  # after 分别: what is said of each (新增)


def _text(src: str, p: Phrase) -> str:
    if not p:
        return ""
    if p[-1] - p[0] + 1 == len(p):  # most phrases are one run of the text: slice it
        return src[p[0] : p[-1] + 1]
    return "".join(src[i] for i in p)


def _drop(folded: str, p: Phrase, pattern: re.Pattern[str]) -> Phrase:
    """The phrase without the characters any match of pattern covers."""
    s = _text(folded, p)
    gone = {k for m in pattern.finditer(s) for k in range(m.start(), m.end())}
    return tuple(i for k, i in enumerate(p) if k not in gone)


def _strip_lead(folded: str, p: Phrase) -> tuple[Phrase, str]:
    m = _LEAD.match(_text(folded, p))
    return (p[m.end() :], m.group()) if m else (p, "")


def _take_pre(folded: str, p: Phrase) -> _Pre:
    """Subject, verb of change, share and list markers out of the words before a figure."""
    rate_follows = bool(p) and _RATE_AHEAD.match(folded, p[-1] + 1) is not None
    raw = _text(folded, p)
    bullet = TEXT_BULLET.match(raw)
    if bullet and (p[0] == 0 or folded[p[0] - 1] == "\n"):
        p, raw = p[bullet.end() :], raw[bullet.end() :]  # - 钢板销量…, l 管材销量…: a bullet typed as text
    space = max(raw.rfind(" "), raw.rfind("\u3000"))
    if space >= 0 and len(raw.strip()) > space + 1 and _RUN_IN.match(raw[:space].strip()):
        p = p[space + 1 :]  # 财政收入 全县地方财政收入79.3亿元: a run-in heading, then the sentence
    p = _drop(folded, p, _DROP_ANYWHERE)
    while p and folded[p[0]] in "、，,；;：:(（)）":
        p = p[1:]
    if _BULLET_CHARS.search(_text(folded, p)):
        p = tuple(i for i in p if folded[i] not in _BULLET_CHARS_SET)
    s = _text(folded, p)
    listed = "分别" in s or "依次" in s or bool(_EACH.search(s))
    named_part = False
    cumulative = "累计" in s
    p, lead = _strip_lead(folded, p)
    sub_total = "其中" in lead or _text(folded, p).startswith("其中")
    said = _text(folded, p)
    causative = said.endswith("使") or (said.endswith("让") and not said.endswith(("转让", "出让", "谦让")))
    preposition = causative or (said.endswith(("为", "向", "给", "对")) and not said.endswith("成为"))
    # 栖息着45种鸟类, 组建了一支300人的队伍: a verb of being or one unit of a thing; the noun follows the figure
    preposition = preposition or bool(_NOUN_FOLLOWS.search(said))
    verb: Phrase = ()
    direction = None
    share = False
    reached = False
    # 贷存比72.5%, 城乡居民收入比2.35: a ratio's name ends in 比, no comparison's base
    ratio_name = bool(_RATIO_NAME.search(raw)) and folded[p[-1] + 1 : p[-1] + 2].isdigit() if p else False
    while p:
        s = _text(folded, p)
        if not verb and (m := _TO_LEVEL.search(s)):
            p = p[: m.start()]  # 由5.2万公里增长到13.1万公里: the figure is the level reached
            reached = True
            continue
        pace_only = (m := _CHANGE_VERB.search(s)) and m.group("verb") in grammar.CHANGE_OF_RATE_ONLY
        if not verb and m and not (pace_only and not rate_follows):
            verb = p[m.start("verb") : m.end("verb")]
            direction = Direction.DOWN if m.group("verb") in _DOWN_VERBS else Direction.UP
            p = p[: m.start()]
            if _OVER_SPAN.search(_text(folded, p[-2:])):
                p = p[:-1]  # 用水量年增4.5%, 月增3000人: over the year or month before, not part of the measure
            continue
        if s.endswith("占") and not s.endswith(("侵占", "挤占")):
            share = True
            p = p[:-1]
            if len(p) > 2 and folded[p[-1]] == "的":
                p = p[:-1]  # 退休的占21.4%: those retired, a part named by its 的
                named_part = True
            continue
        if (m := _TAIL.search(s)) and not (ratio_name and m.group() == "比"):
            p = p[: m.start()]
            continue
        if not verb and (m := _VERDICT.search(s)) and m.start() >= 2:
            p = p[: m.start()]  # 草莓、蓝莓销量增长较快,分别增长…: the verdict on them is no part of the measure
            continue
        if (verb or reached) and (m := _DEGREE.search(s)):
            p = p[: m.start()]
            continue
        if (m := _CAUSE.search(s)) and m.start() >= 2 and not (rate_follows and m.group().endswith(("拉动", "带动"))):
            p = p[: m.start()]  # 财政支出则由于救灾支出增加而上升8.1%: the cause is no part of the measure
            continue
        break
    p, _ = _strip_lead(folded, p)
    s = _text(folded, p)
    predicate: Phrase = ()
    each = [m.start() for m in _EACH.finditer(s)]
    at_list = max(s.rfind("分别"), s.rfind("依次"), each[-1] if each else -1)
    if at_list > 0:  # 总部、研发中心分别新增…: the subjects before 分别, what happened to them after it
        predicate = p[at_list + (1 if s[at_list] == "均" else 2) :]
        while predicate and (m := _TAIL.search(_text(folded, predicate))):
            predicate = predicate[: m.start()]
        p = p[:at_list]
        s = _text(folded, p)
    # 占用电总量的18.5%, 占据市场的30%: 占…的 right before a rate is a share, whatever word follows 占
    said_share = _SHARE_MARK.search(s) or (rate_follows and _SHARE_OF.search(s))
    if said_share and not _ATTRIBUTABLE.search(s):
        share = True
        whole = _SHARE_OF.search(s)
        if whole and whole.start() >= 2:  # 服务业增加值占全市的56.1%: the part is what is measured, not 全市
            p = p[: whole.start()]
            if (m := _SHOULD.search(_text(folded, p))) and m.start() >= 2:
                p = p[: m.start()]  # 消费应占总量的20%: what should be, the part still what is measured
            s = _text(folded, p)
    if s in ("分别", "依次"):
        p, s = (), ""  # 甲…,乙…,分别占…的60%和40%: the subjects are the amounts before, not 分别
    open_end = s.endswith(("的", "等"))  # 有2493个名字, 北京、江苏等100个会场: the noun follows the figure
    # the measure is what follows the actor: split at the last adverb or light verb, unless the
    # phrase relates two things (第一产业对生产总值增长的贡献率, 占…比重)
    chunks: list[Phrase] = []
    at = 0
    if not (share or _SHARE_NOUN.search(s)):
        for m in _FILLERS.finditer(s):
            chunks.append(p[at : m.start()])
            at = m.end()
    chunks.append(p[at:])
    if len(chunks) > 1 and not chunks[-1] and verb:
        chunks[-2] = p[: len(p)]  # 研发投入增长12%: 投入 is the measure here, not a light verb
        chunks.pop()
    open_end = open_end or not chunks[-1]
    chunks = [c for c in chunks if c and not _ACTOR_ONLY.match(_text(folded, c))]
    subject: Phrase = ()
    if chunks and not open_end:
        subject = chunks[-1]
        said = _text(folded, subject)
        short = len(subject) <= 2 or (len(subject) <= 4 and _MEASURE_NOUN.fullmatch(said))
        short = short or (len(subject) <= 6 and _ROLE_NOUN.fullmatch(said) is not None)  # 公办园共有保育员
        if short and len(chunks) > 1:
            # 种植业实现增加值33亿元: whose 增加值 it is, a list of sectors whole
            subject = _owner(folded, chunks[-2]) + subject
        if _ONLY_MANNER.fullmatch(said):
            subject, open_end = (), True  # 按标准完成28个社区卫生站改造: how it was done; the noun follows
    elif chunks and open_end and _VERB_END.search(_text(folded, chunks[-1]).rstrip("的等")):
        subject = tuple(i for i in chunks[-1] if folded[i] not in "的等")  # 惠及…: the verb and its noun
    fallback = chunks[-1][: len(chunks[-1]) - (_text(folded, chunks[-1])[-1:] in ("的", "等"))] if chunks else ()
    pre = _Pre(subject, verb, direction, share, listed, cumulative, sub_total, open_end, fallback)
    pre.object_follows = preposition
    pre.causative = causative
    pre.named_part = named_part
    if predicate:
        pre.list_head, pre.predicate = subject, predicate
        pre.subject = subject + predicate
    return pre


def _owner(folded: str, p: Phrase) -> Phrase:
    """The last words of p that say whose measure follows: a list of sectors whole, else its last 12 characters."""
    if len(p) <= 12:
        return p
    s = _text(folded, p)
    if "、" not in s:
        return p[-12:]
    starts = [0] + [k + 1 for k, c in enumerate(s) if c == "、"]
    start = next((k for k in starts if len(s) - k <= 32), None)  # whole items only, never half a word
    return p[start:] if start is not None else p[-12:]


def _post_noun(folded: str, lo: int, hi: int) -> Phrase:
    """What a figure counts when the noun follows it: 投入61.8亿元送温暖资金."""
    if folded[lo : lo + 1] in ("、", "，", ",", "和", "及", "(", "（", ")", "）"):
        return ()  # 24万个以上、新发展会员…: the list goes on, no noun follows; (其中…) is an aside
    p = _drop(folded, tuple(range(lo, hi)), _DROP_ANYWHERE)  # glosses in brackets go first: 省(市、区)总工会
    s = _text(folded, p)
    cut = _POST_CUT.search(s)
    end = cut.start() if cut else len(s)
    if cut is not None and cut.group() == "被" and end <= 2:
        end = min(len(s), LABEL_MAX)  # 2493个名字被载入…光荣榜: the passive says what was counted
    p = p[:end]
    while p and folded[p[-1]] in "和与及或":
        p = p[:-1]  # 65个国控点和223个…: the connector belongs to the list
    return p if len(p) > 1 else ()


@functools.cache
def _synonym_re() -> re.Pattern[str]:
    words = sorted(grammar.synonyms(), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!x)x")


def key_measure(folded_phrase: str) -> str:
    """The comparable form of a measure phrase: no 的, no glosses, synonyms read as one word."""
    s = _DROP_ANYWHERE.sub("", folded_phrase).replace("的", "").lower()
    return _synonym_re().sub(lambda m: grammar.synonyms()[m.group()], s)


def _split_list(folded: str, head: Phrase, n: int) -> list[Phrase] | None:
    """城镇和农村居民人均可支配收入 -> 城镇居民人均可支配收入, 农村居民人均可支配收入 (n parts or None)."""
    s = _text(folded, head)
    # 城乡居民收入: 城…居民收入, 乡…居民收入; but 城乡居民收入和支出 lists two measures, not two places
    listed = re.split(r"以及|和|与|及|、", s)
    two_measures = len(listed) == n and all(len(part) >= 2 for part in listed)  # not 普及率, 参与率
    if n == 2 and len(head) > 2 and s.startswith(_PAIRED_HALVES) and not two_measures:
        if s.startswith("城乡") and not s.startswith("城乡居民"):
            return None  # 城乡低保标准: no 城低保; the label stays as written, the figures told apart by place
        return [head[:1] + head[2:], head[1:2] + head[2:]]
    parts: list[Phrase] = []
    for separators in (r"、", r"以及|和|与|及|、"):  # 交通运输仓储和邮政业、批发和零售业: 、 parts first
        parts = []
        at = 0
        for m in re.finditer(separators, s):
            parts.append(head[at : m.start()])
            at = m.end()
        parts.append(head[at:])
        if len(parts) == n and all(parts):
            break
    if len(parts) != n or not all(parts):
        return None
    first, last = parts[0], parts[-1]
    if folded[first[0]] == "第":  # 第一、二、三产业: the ordinals share 第
        parts = [p if folded[p[0]] == "第" else (first[0], *p) for p in parts]
        first, last = parts[0], parts[-1]
    last_said = _text(folded, last)
    noun = _SHARED_NOUN.search(last_said)
    item_end = told = _last_item_end([_text(folded, p) for p in parts])
    of_at = last_said.find("的")
    plain = of_at >= 2 and "占" not in last_said[:of_at]  # not 三产业增加值占生产总值的比重
    if told is None and plain and not any("的" in _text(folded, p) for p in parts[:-1]):
        told = item_end = of_at  # 城镇职工及灵活就业人员的月收入中位数: the last item ends at its 的
    short = item_end is not None and len(last) > item_end + 1
    if item_end is None:
        item_end = len(first)
        short = all(len(p) <= 3 for p in parts[:-1]) and len(last) > len(first) + 1
    if short and _PEOPLE.match(_text(folded, last[item_end:])):
        noun = None  # 城镇和农村居民人均可支配收入: the people and all after them are shared
    if len(parts) == 2 and len(last) > 3 and _contrasting(_text(folded, first)[-2:], last_said[:2]):
        parts = [first + last[2:], first[:-2] + last]  # 路灯白天、夜间亮灯率: 白天 against 夜间, both 路灯's 亮灯率
    elif noun and noun.start() > 0 and not any(_OWN_NOUN.search(_text(folded, p)) for p in parts[:-1]):
        at = noun.start()
        if told is not None and told < at:
            at = told + (folded[last[told]] == "的")  # 零售业和博彩业的就业人数: each one's 就业人数
        shared = last[at:]  # 批发业、住宿业增加值: each sector's 增加值; 原煤、原油、天然气产量
        parts = [p + shared for p in parts[:-1]] + [last]
    elif short and not noun:
        shared = last[item_end:]  # 东部地区、中部地区和西部地区投资所占比重: 投资所占比重 is each region's
        ending = _text(folded, shared)  # 市图书馆藏书和区图书馆藏书: each whole already, nothing to share
        parts = [p if _text(folded, p).endswith(ending) else p + shared for p in parts[:-1]] + [last]
    per_head = re.match(r".*?人均", _text(folded, first))
    if (
        per_head
        and len(parts) == 2
        and len(last) <= 6
        and _SHARED_NOUN.search(last_said)
        and "人均" not in _text(folded, last)
    ):
        parts[-1] = first[: per_head.end()] + last  # 居民人均收入和消费支出: the second is 居民人均消费支出
    return parts


def _last_item_end(items: list[str]) -> int | None:
    """Where the last item of a list ends inside its phrase, told by the ending the items before it share:
    东部地区、中部地区和西部地区投资… ends at 地区; 种植业和渔业产值 at 业. None when nothing tells."""
    earlier = items[:-1]
    size = 1 if len(earlier) == 1 else 0
    while len(earlier) > 1 and size < min(map(len, earlier)) and len({e[-size - 1 :] for e in earlier}) == 1:
        size += 1
    while size:  # 进出港、出港、进港国际航班: the shared 出港 is not in 进港, the shared 港 is
        ending = earlier[0][len(earlier[0]) - size :]
        at = items[-1].find(ending, 1)
        if at > 0:
            return at + len(ending)
        size -= 1
    return None


def _contrasting(a: str, b: str) -> bool:
    """Whether two words are opposite words of one line of data/contrasts.txt (城镇 and 农村, 白天 and 夜间)."""
    return a != b and any(a in words and b in words for words in grammar.contrast_sets())


# compounds of two one-character halves that a list spreads over its figures (城乡 = 城镇, 农村)
_PAIRED_HALVES = ("城乡", "进出口", "中小学", "男女")
_SHARED_NOUN = re.compile(
    r"(?:产业|行业)?(?:增加值|产值|(?:地区)?生产总值|总值|总产值|产量|总量|收入|支出|总额|余额|面积|人数|数量|规模|投资|利润|浓度|价格|指数"
    r"|(?:旅客|货物|集装箱)?(?:发送量|吞吐量|周转量|运输量|到达量)|客运量|货运量|销售额|销量|营业额"
    r"|[用耗供排][水电气热煤油]量)$"
)
_PEOPLE = re.compile(r"居民|职工|人口|家庭|学生|常住")
# an item that names its own measure (事故起数、死亡人数): nothing of the last item's is added to it
_OWN_NOUN = re.compile(_SHARED_NOUN.pattern[:-1] + r"|(?:数|量|额|率|比重|营收)$")
# between the two values of a span (由51.2%提升至68.9%): the second is the same measure, reached
_SPAN_TURN = re.compile(rf"(?:{grammar.CHANGE_WORDS})?(?:了)?(?:到|至)|(?:增至|降至|升至|调整为|变为)")


class _When:
    """The years and parts of the year a sentence names, found once, asked at any offset.

    A figure is dated by the last year named before it: 由2018年的A变化为B dates A only, since past
    the turn (为, 到, 至) B is the report's own year; 截至2022年1月 is a date of record, not a year ahead.
    """

    __slots__ = ("tag_at", "tags", "year_at", "years")

    def __init__(self, folded: str, lo: int, hi: int, own: int | None) -> None:
        self.years: list[tuple[int, int, int]] = []  # (offset, year, where a from-year's turn comes)
        if folded.find("年", lo, hi) >= 0:
            for m in _YEAR.finditer(folded, lo, hi):
                y = int(m.group(2))
                if m.group("month") and own is not None and y > own:
                    continue
                turn = _TURN.search(folded, m.end(), hi) if m.group("from") else None
                self.years.append((m.start(), y, turn.start() if turn else hi + 1))
        self.year_at = [at for at, _, _ in self.years]
        self.tags = _time_tags(folded, lo, hi)
        self.tag_at = [at for at, _ in self.tags]

    def year(self, hi: int) -> int | None:
        k = bisect.bisect_left(self.year_at, hi)
        if not k:
            return None
        _, y, turn = self.years[k - 1]
        return None if turn < hi else y

    def tag(self, hi: int) -> str | None:
        k = bisect.bisect_left(self.tag_at, hi)
        return self.tags[k - 1][1] if k else None


# 2019年到2022年…分别为a、b、c、d: one value per year of the span, in order
_YEAR_SPAN = re.compile(r"(\d{4})年?(?:到|至|—|－|-|～|~)(\d{4})年")


def _spread_years(
    folded: str,
    sentence: _Sentence,
    figures: list[Figure],
    members: list[int],
    out: list[Description | None],
    own: int | None,
) -> None:
    """Give each value of a list over a span of years (2019年到2022年…分别为…) the year it stands for."""
    span = _YEAR_SPAN.search(folded, sentence.lo, figures[members[0]].start) if members else None
    if span is None or not re.search("分别|依次", folded[span.end() : figures[members[-1]].start]):
        return
    first, last = int(span.group(1)), int(span.group(2))
    listed = [j for j in members if figures[j].start > span.end()][: last - first + 1]
    head = folded[span.end() : figures[listed[0]].start] if listed else ""
    if folded[span.end() : span.end() + 1] in ("度", "学") or "、" in head or "三次产业" in head:
        return  # 2022—2023年度, 中小学、幼儿园分别为…: a school year, or one value per thing, not per year
    if last - first + 1 != len(listed) or (own is not None and last > own) or first >= last:
        return
    if len({figures[j].unit for j in listed}) > 1:
        return
    for k, j in enumerate(listed):
        d = out[j]
        if d is not None and d.kind is MetricKind.LEVEL:
            out[j] = replace(d, period=_period_key(first + k, own), term=0)  # the year tells them apart


def _period_key(year: int | None, own: int | None) -> str:
    if year is None or own is None or year == own:
        return "own"
    return f"+{year - own}" if year > own else str(year)


_ANY_YEAR = re.compile(r"(?<![\d—\-])(\d{4})年(?!\d{1,2}月\d{1,2}日)(?![—\-~～至]\d)(?!\d)")


def own_year(
    title: str,
    folded: str,
    year: str | None,
    sections: Sequence[Sequence[_Sentence]],
    figures: Sequence[Sequence[Figure]],
    quoted: Mask | None = None,
    review: int | None = None,
) -> int | None:
    """The year a report is about.

    Its folder's year when it has one. Otherwise the year that dates the most of its outcome figures
    (figures in goal sentences do not count: a work-conference report's title may name the year
    ahead), unless a review heading names it (一、2025年工作回顾); with no dated outcome, the first year
    the title or text names that is not a date.
    """
    if year and year.isdigit() and len(year) == 4:
        return int(year)
    if review is not None:
        return review
    counts: Counter[int] = Counter()
    for sentences, found in zip(sections, figures, strict=True):
        starts = [x.lo for x in sentences]
        # the year the paragraph's earlier sentences named (2020年,…。全年共受理…): figures dated by it
        # count for it, as describe dates them, so a title line naming the year ahead does not decide
        carried: dict[int, int | None] = {}
        for f in found:
            k = bisect.bisect_right(starts, f.start) - 1
            if k < 0:
                continue
            sentence = sentences[k]
            if sentence.goal is None:
                sentence.goal = _goal_span(folded, sentence, None, quoted)
            goal = sentence.goal[0] < f.start < sentence.goal[1]
            if goal or _FROM_BEFORE.search(folded, max(sentence.lo, f.start - 12), f.start):
                continue  # a goal, or the start of a span (由2010年的31客位): not an outcome of the year
            dated = sentence.when(folded, None).year(f.start)
            if dated is None:
                dated = _carried_year(folded, sentences, k, carried)
            if dated is not None:
                counts[dated] += 1
    order: list[int] = []
    for source in (title, folded):
        for m in _ANY_YEAR.finditer(source):
            y = int(m.group(1))
            if 1900 <= y <= 2199 and y not in order:
                order.append(y)
    if counts:
        top = max(counts.values())
        best = [y for y, n in counts.items() if n == top]
        return min(best, key=lambda y: order.index(y) if y in order else len(order))
    return order[0] if order else None


def _carried_year(folded: str, sentences: Sequence[_Sentence], k: int, memo: dict[int, int | None]) -> int | None:
    """The last year the sentences before sentences[k] in its paragraph named, or None (memo by k)."""
    walked: list[int] = []
    year: int | None = None
    at = k
    while at > 0 and sentences[at - 1].paragraph == sentences[at].paragraph:
        if at in memo:
            year = memo[at]
            break
        walked.append(at)
        before = sentences[at - 1]
        if folded.find("年", before.lo, before.hi) >= 0:
            year = before.when(folded, None).year(before.hi)
            if year is not None:
                break
        at -= 1
    for x in walked:
        memo[x] = year
    return year


@dataclass(slots=True)
class _Sentence:
    lo: int
    hi: int
    paragraph: int
    goal: tuple[int, int] | None = None  # where it turns into a goal and where that ends (own_year's reading)
    _when: dict[int | None, _When] | None = None  # read on first use: most sentences hold no figure

    def when(self, folded: str, own: int | None) -> _When:
        if self._when is None:
            self._when = {}
        if own not in self._when:
            self._when[own] = _When(folded, self.lo, self.hi, own)
        return self._when[own]


_SENTENCE_MARK = re.compile(r"[。！？!?\n]")


def sentences_of(folded: str, section: Section) -> list[_Sentence]:
    """The sentences of a section (split at 。！？ and line ends), with their paragraph numbers."""
    out: list[_Sentence] = []
    lo = section.start
    paragraph = 0
    for m in _SENTENCE_MARK.finditer(folded, section.start, section.end):
        i = m.start()
        out.append(_Sentence(lo, i + 1, paragraph))
        if m.group() == "\n":
            paragraph += 1
        lo = i + 1
    if lo < section.end:
        out.append(_Sentence(lo, section.end, paragraph))
    return out


_PAREN = re.compile(r"\([^()\n]{0,40}\)|（[^（）\n]{0,40}）")


def quiet_parens(folded: str) -> str:
    """The text with the punctuation inside short parentheses made inert: (人民币,下同) ends no clause."""
    return _PAREN.sub(lambda m: re.sub(r"[，,；;：:。]", "、", m.group()), folded)


def describe(
    text: str,
    folded: str,
    section: Section,
    figures: list[Figure],
    own: int | None,
    sentences: list[_Sentence],
    quoted: Mask | None = None,
    *,
    plan: bool = False,
    review: bool = False,
) -> list[Description]:
    """A Description for each figure of one section (figures in text order).

    folded is the report's text in simplified script, with quiet_parens applied. In a plan section (under
    二、2026年工作安排) every figure of the year ahead is a target; in a review section (under 一、2025年工作回顾)
    控制在 and 争取 state what was achieved, not a goal.
    """
    out: list[Description | None] = [None] * len(figures)
    si = 0
    carry = _Carry()
    head_end = section.start  # a heading may be a list's lead (…费用情况是:)
    while head_end > 0 and folded[head_end - 1] in "\n\r \t":
        head_end -= 1
    carry.see_lead(folded, folded.rfind("\n", 0, head_end) + 1, head_end)
    k = 0
    while k < len(figures):
        while si + 1 < len(sentences) and sentences[si].hi <= figures[k].start:
            carry.see(folded, sentences[si], own)
            carry.see_lead(folded, sentences[si].lo, sentences[si].hi)
            si += 1
        sentence = sentences[si] if sentences else _Sentence(section.start, section.end, 0)
        carry.enter(folded, sentence)
        goal_item = carry.in_goal_list(folded, sentence)
        members: list[int] = []
        while k + len(members) < len(figures) and figures[k + len(members)].start < sentence.hi:
            members.append(k + len(members))
        _describe_sentence(text, folded, sentence, figures, members, own, carry, out, quoted, plan or goal_item, review)
        _mark_milestones(folded, figures, members, out)
        _spread_years(folded, sentence, figures, members, out, own)
        carry.see(folded, sentence, own)
        k = members[-1] + 1 if members else k + 1
        si += 1
    return [d if d is not None else _fallback() for d in out]


@dataclass
class _Carry:
    """What earlier sentences said that later ones leave out: a paragraph's year and part of the year, the
    last level it measured (a later 其中,民营为61.3% is a part of it), and a list's lead (…费用情况是:), which
    holds while the paragraphs after it use it."""

    year: int | None = None
    time: str | None = None
    paragraph: int = -1
    whole: tuple[Phrase, str] | None = None  # the last level's measure and unit
    lead: Phrase = ()
    lead_used: bool = False
    had_figures: bool = False
    goal_lead: int = -1  # the paragraph of a goal's lead (主要预期目标为:), while its items follow
    goal_item: int = -1  # the paragraph of the goal's item being read

    def in_goal_list(self, folded: str, sentence: _Sentence) -> bool:
        """Whether the sentence is an item of a goal's list (——增长8%左右;), the items that follow its lead."""
        if self.goal_lead < 0 or sentence.paragraph in (self.goal_lead, self.goal_item):
            return self.goal_lead >= 0
        if _ITEM_OPENS.match(folded, sentence.lo):
            self.goal_item = sentence.paragraph
            return True
        self.goal_lead = -1  # a paragraph that is no item ends the list
        return False

    def enter(self, folded: str, sentence: _Sentence) -> None:
        paragraph = sentence.paragraph
        if paragraph != self.paragraph:
            # 5月份,全省…。\n分货类看,…: a paragraph that breaks the one before down keeps its time
            time = self.time if _BREAKDOWN_OPENS.match(folded, sentence.lo) else None
            self.year, self.time, self.paragraph, self.whole = None, time, paragraph, None
            if self.had_figures and not self.lead_used:
                self.lead = ()  # a paragraph of figures that are no items of the list ends it
            self.lead_used = self.had_figures = False

    def see_lead(self, folded: str, lo: int, hi: int) -> None:
        if m := _LIST_LEAD.search(folded, lo, hi):
            start = lo
            while start < m.start() and _CLAUSE_SEP.match(folded, start):
                start += 1
            self.lead, _ = _strip_lead(folded, tuple(range(start, m.start())))
            self.lead_used = False

    def see(self, folded: str, sentence: _Sentence, own: int | None) -> None:
        self.enter(folded, sentence)
        if (lead := _GOAL_LEAD.search(folded, sentence.lo, sentence.hi)) and not _TARGET_REVIEWED.search(lead.group()):
            self.goal_lead, self.goal_item = sentence.paragraph, -1
        when = sentence.when(folded, own)
        year = when.year(sentence.hi)
        self.year = year if year is not None else self.year
        # 比2018年第4季度的升幅: the time of a comparison's base scopes no sentence after it
        lo = sentence.lo
        time = next((t for at, t in reversed(when.tags) if not _BASE_BEFORE.search(folded, max(lo, at - 8), at)), None)
        # 前三季度,…增长6.2%,其中,9月份增长4.8%。: the time the sentence opens on is what it carries on
        opening = _CLAUSE_SEP.search(folded, lo, sentence.hi)
        if len(when.tags) > 1 and opening and when.tags[0][0] < opening.start():
            time = when.tags[0][1]
        # 2023年11月,…。2023年,全市…: a sentence that opens on a year and no part of it speaks of the whole year
        self.time = time if time is not None else None if _YEAR_OPENS.match(folded, lo) else self.time


_BREAKDOWN_OPENS = re.compile(r"\s*(?:分[^，,。；;\d]{1,6}看|从[^，,。；;\d]{1,8}看|其中)\s*[，,：:]")
# the lead of a list of goals (主要预期目标为:), its items on the lines after it (——增长8%左右;), each a target
_GOAL_LEAD = re.compile(rf"(?:{_TARGET.pattern})[^。！？!?\n]*[:：]\s*$")
# 目标完成情况如下, 主要目标已经完成: the goals reviewed, not set
_TARGET_REVIEWED = re.compile(r"情况|已经?(?:全面)?(?:完成|实现|达到)|^控制在")
_ITEM_OPENS = re.compile(
    r"[ \t\u3000]*(?:——|—|[-－●•·▪◆■□]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]|\d{1,2}[.、．)）]"
    r"|[一二三四五六七八九十]{1,2}(?:是|、))"
)
# the lead of a list of items (各类医院次均住院费用情况是: (1)三级医院为…): what each item's figure measures
_LIST_LEAD = re.compile(r"情况(?:是|为|如下)?[:：]\s*$|情况(?:是|如下)[:：]")
_PART_OPENS = re.compile(r"\s*其中\s*[，,：:]")


def _lead_rest(folded: str, lead: Phrase, item: Phrase) -> Phrase:
    """What a list's lead says each item has: 普通小学、普通初中…生均教育经费支出 gives 生均教育经费支出 to
    普通小学; 各类医院次均住院费用 gives 次均住院费用 to 三级医院 (ending in 医院 as the lead's 各类医院 does)."""
    said, head = _text(folded, item), _text(folded, lead)
    items = re.split(r"、|和|及|与", head)
    if len(items) > 1:
        end = _last_item_end(items)
        if end is None and all(len(x) <= 3 for x in items[:-1]):
            end = len(items[0])  # 小学、初中和高中生均经费: short items, as long as the first
        if end is None or said not in [*items[:-1], items[-1][:end]]:
            return ()
        return lead[len(head) - len(items[-1]) + end :]
    for size in range(len(said) - 1, 1, -1):
        at = head.find(said[-size:])
        if at >= 0 and len(head) - at - size >= 2:
            return lead[at + size :]
    return ()


def _fallback() -> Description:
    return Description("", MetricKind.LEVEL, MetricKind.LEVEL, None, None, "", (), "own")


def _goal_span(
    folded: str, sentence: _Sentence, own: int | None, quoted: Mask | None = None, review: bool = False
) -> tuple[int, int]:
    """Where a sentence turns into a goal (预期目标是, 力争, 到2025年 …) and where the goal ends: the sentence's
    end, or the end of its segment (…;) for a goal word that opens no clause of the sentence's first segment
    (…,总量将突破300万标箱;港口吞吐量3.2亿吨 says the rest as outcomes). (end, end) when it never turns.

    A goal word inside a quoted name (“红十字天使计划”) opens no goal; in a review section 控制在 and 争取
    say what was achieved (失业率控制在5%以内, 争取国家资金465亿元).
    """
    at = sentence.hi
    past = _PAST_OPENING.match(folded, sentence.lo)
    turn = _AHEAD.search(folded, past.end(), sentence.hi) if past else None
    past_until = (turn.start() if turn else sentence.hi) if past else sentence.lo
    for m in _TARGET.finditer(folded, sentence.lo, sentence.hi):
        if (review or m.start() < past_until) and m.group() in _ACHIEVED:
            continue
        if _MEASURED_AGAINST.search(folded, max(sentence.lo, m.start() - 6), m.start()):
            if value := _GOAL_VALUE.match(folded, m.end()):  # 未达预期目标7%: the goal's own value
                return m.start(), value.end()
            continue  # 高于年度预期目标, 弱于预期: an outcome measured against the goal
        if quoted is None or not quoted.covers(m.start()):
            opened = folded.rfind("“", sentence.lo, m.start())
            close = folded.find("”", m.start(), sentence.hi) if opened >= 0 else -1
            if close > 0 and folded.find("”", opened, m.start()) < 0:
                return m.start(), close  # 强调“确保…1200万亩以上”,全年实际播种…: the goal is the quotation's
            at = m.start()
            break
    for m in _BY_YEAR.finditer(folded, sentence.lo, at):
        if (own is None or int(m.group(1)) > own) and (quoted is None or not quoted.covers(m.start())):
            return m.start(), sentence.hi
    if at < sentence.hi and folded[at] == "将" and _FORECAST_AFTER_OUTCOME.search(folded, sentence.lo, at):
        clause = max(folded.rfind(c, sentence.lo, at) for c in "，,；;：:")
        if not _TIME_AHEAD.search(folded, max(sentence.lo, clause), at):
            segment = _SEGMENT.search(folded, at, sentence.hi)
            return at, segment.start() if segment else sentence.hi
    return at, sentence.hi


# 预计全年增长5.1%,总量将突破300万标箱;港口…: a forecast said of an outcome, its reach its own segment
_FORECAST_AFTER_OUTCOME = re.compile(r"\d[^，,；;：:]*[，,]")
_TIME_AHEAD = re.compile(r"今年|明年|下一步|下半年|未来|来年|\d{4}年")
_SEGMENT = re.compile(r"[；;]")


@dataclass
class _ListPlan:
    """A clause that lists figures (分别…和…, 增长10.1%和11.2%): each figure's subject and parent."""

    subjects: list[Phrase]
    parents: list[int | None]
    pre: _Pre
    terms: bool = False  # one subject for all: the figures are told apart by their place (1, 2, 3)
    starts: int = 0  # 分别由A和B下降到C和D: the first figures are where a span starts


_WHOLE_PLACE = re.compile(r"全[市省县区国镇乡]|全社会")
# production words a sentence says once with their owner and then alone (早稻种植面积…,总产量…)
_ELIDED_OWNER = frozenset(
    {"总产量", "总产", "单产", "产量", "亩产", "出栏", "存栏", "出栏量", "存栏量", "销量"}
    | {"面积", "种植面积", "播种面积", "采摘面积", "收获面积"}
)
_ELIDED_OWNER_BY_LENGTH = sorted(_ELIDED_OWNER, key=len, reverse=True)
_ADDED = frozenset({"新增", "净增", "新发展", "新建", "新认定"})  # said alone after a stock: an addition to it
# 高于全国, 好于预期目标, 快于上年 (its year dropped): a gap against a benchmark, of the figure before it
_GAP = re.compile(
    r"(?:[高低快慢好优强弱]于|超过|超出)(?:全国|全省|全市|全区|全县|同期|上年|去年|年度|全年)?"
    r"(?:平均水平|平均|水平|预期目标|预期|目标|计划)?"
    r"|比(?:全国|全省|全市|全区|全县)(?:平均水平|平均|水平)?[高低快慢多少]"  # 比全国高1.2个百分点
)
_GAP_UNITS = frozenset({"%", "个百分点", "百分点"})
_BUILT = re.compile(r"(?:新建|建成|改扩建|新改扩建|扩建|改建|新增|新开工|开工)")
_STOCK_VERB = re.compile(rf"{_BUILT.pattern}|认定")  # the verb that made a stock (建成驿站, 认定高新技术企业)
_PLAN_RATIO = re.compile(
    r"(?:完成|达到|为|占|是)(?:全年|年度|年初|全年度)?(?:调整)?(?:预算|计划|预期目标|目标任务|预期|目标)数?的$"
)
_PULL = re.compile(r"(?:拉动|贡献|带动)(?:全国|全省|全市|全区|全县)?(?:经济|gdp|地区生产总值)?(?:增长)?(?:率)?")
# what a measure said before owns: its pull, or its rate of change named alone (涨幅比上年扩大0.6个百分点)
_OWNED = re.compile(_PULL.pattern + r"|涨幅|增幅|增速|降幅")
_TIME_BASE = re.compile(r"上年|去年|前年|上季|上月|同期|\d{4}年|季度?|年[末底初]")
_COMPARE_BASE = re.compile(
    r"(?:较|比|同)(?:[^，。；、,;()（）]{1,14}?的"
    r"|(?:上年|去年|年初|常年|多年平均|历年|同期|\d{4}年|[“\"]?十[一二三四五六]五[”\"]?)(?:同期|末|底|平均)?值?[(（]"
    r"|(?:上年|去年|\d{4}年)(?:同期|末|底|第?[一二三四1-4]季度?)?)$"  # 比上年11.8册增加0.8册: said plainly
    # 收益率8.1%,远高于2023年的收益率0.96%: that year's figure of the same measure (高于2020年2.3个百分点 is a gap)
    r"|[高低]于\d{4}年(?![^，。；、,;()（）\d]*?(?:全国|全省|全市|全区|全县|行业|平均|同期|水平))[^，。；、,;()（）\d]{2,14}?$"
)  # 比常年(52.6毫米)偏少: the base too


def _describe_sentence(
    text: str,
    folded: str,
    sentence: _Sentence,
    figures: list[Figure],
    members: list[int],
    own: int | None,
    carry: _Carry,
    out: list[Description | None],
    quoted: Mask | None,
    ahead: bool = False,
    review: bool = False,
) -> None:
    sub_total = False
    goal_from, goal_until = _goal_span(folded, sentence, own, quoted, review)
    # the clause and segment marks of the sentence, found once: a long sentence stays linear
    seps = [(m.start(), m.end()) for m in _CLAUSE_SEP.finditer(folded, sentence.lo, sentence.hi)]
    sep_starts = [a for a, _ in seps]
    segments = [a for a, _ in seps if folded[a] in _SEGMENT_END]
    starts = [figures[x].start for x in members]
    levels: list[int] = []  # figures of this sentence that name their own measure, in order
    measures: dict[int, Phrase] = {}
    gaps: set[int] = set()  # figures that are a gap against a benchmark (高于全国0.9个百分点)
    noun_until: dict[int, int] = {}  # where the noun a figure took from after it ends (5名厅局级干部、48名…)
    prev_end = sentence.lo
    clause_at = -1
    clause_figs: list[int] = []
    plan: _ListPlan | None = None
    named_levels: dict[int, tuple[_Pre, int | None]] = {}
    entity: Phrase = ()  # what the sentence's figures are about so far (某机构N个, 某法院受理…)
    entity_opens, entity_seg = False, -1  # whether the first figure of its segment named it, and that segment
    entity_unit = ""  # the unit the entity was counted in
    last_base: int | None = None  # the sentence's last figure given as a comparison's base
    seen_seg = -1
    shares: list[int] = []  # the sentence's shares (占63.5%), which a change after them may speak of
    topic: tuple[int, Phrase] = (-1, ())  # what a segment's bare acts (批捕N人) count, and where it opened
    bracketed = "(" in folded[sentence.lo : sentence.hi] or "（" in folded[sentence.lo : sentence.hi]
    asides: set[int] = set()  # figures of the sentence inside brackets
    if members:
        carry.see_lead(folded, sentence.lo, figures[members[0]].start)
        carry.had_figures = True
    part_opens = _PART_OPENS.match(folded, sentence.lo) is not None  # 其中,民营为61.3%: a part of the last level
    total: tuple[Phrase, str] | None = None
    total_seg = -1
    for j in members:
        f = figures[j]
        k = bisect.bisect_left(segments, f.start)
        seg_lo = segments[k - 1] + 1 if k else sentence.lo
        k = bisect.bisect_left(sep_starts, f.start)
        clause_lo = max(seg_lo, seps[k - 1][1]) if k and seps[k - 1][1] <= f.start else seg_lo
        if k and seps[k - 1][1] > f.start and k > 1:  # a two-character mark (——) running into the figure
            clause_lo = max(seg_lo, seps[k - 2][1])
        k = bisect.bisect_left(sep_starts, f.end)
        clause_hi = seps[k][0] if k < len(seps) else sentence.hi
        if "其中" in folded[prev_end:clause_lo] and _SUB_TOTAL.search(folded, prev_end, clause_lo):
            sub_total = True  # a clause of its own opens a sub-total: 其中,
        if (sub_total or part_opens) and total_seg < 0:
            total = _total(figures, levels, measures, carry)  # what the parts after 其中 are parts of
            total_seg = seg_lo
        if clause_lo != clause_at:
            clause_at = clause_lo
            first_k, last_k = bisect.bisect_left(starts, clause_lo), bisect.bisect_left(starts, clause_hi)
            clause_figs = members[first_k:last_k]
            first_pre = None
            if clause_figs:
                first_pre = _take_pre(folded, tuple(range(clause_lo, figures[clause_figs[0]].start)))
            plan = _list_plan(folded, figures, clause_figs, first_pre, levels, measures)
            named_levels = _named_levels(folded, figures, clause_figs, clause_lo) if plan is None else {}
            listed = first_pre is not None and first_pre.listed and not first_pre.subject and len(clause_figs) > 1
            if first_pre is not None and listed:
                names = _names_before(folded, seps, sentence.lo, clause_lo, len(clause_figs), prev_end)
                if names:  # 其中工业、建筑业、商贸贡献突出,分别为…: the k-th name is the k-th figure's
                    plan = _ListPlan(names, [None] * len(names), plan.pre if plan is not None else first_pre)
        idx = clause_figs.index(j) if j in clause_figs else 0
        own_lo = (
            clause_lo if idx == 0 else max(figures[clause_figs[idx - 1]].end, noun_until.get(clause_figs[idx - 1], 0))
        )
        if idx and folded[own_lo : own_lo + 1] in ("及", "与", "和") and not folded[own_lo + 1 : own_lo + 2].isdigit():
            if own_lo > figures[clause_figs[idx - 1]].end:
                own_lo = figures[clause_figs[idx - 1]].end  # 3家企业完成管输及储气收入96亿元: the noun runs on past 及
            else:
                own_lo += 1  # 农田5.2万亩和节水灌溉面积1.8万亩: the 和 joins the items, no part of the second
        pre = first_pre if idx == 0 and first_pre is not None else _take_pre(folded, tuple(range(own_lo, f.start)))
        if j in named_levels:  # 甲馆藏书(12.5万册)和乙馆藏书(8.3万册)分别增加1200册及900册: each its name's
            pre, named_parent = named_levels[j]
        seg_first = seg_lo != seen_seg  # 其中小学285所,在校学生…；初中120所,…: each part names its own body
        seen_seg = seg_lo
        aside = bracketed and _in_aside(folded, sentence.lo, f.start)
        parent: int | None = named_parent if j in named_levels else None
        if plan is not None:
            parent = plan.parents[idx]
            own_verb = idx > 0 and bool(pre.verb)  # 下降0.6、提高1.7: an item's own verb of change
            pre = _Pre(
                plan.subjects[idx],
                pre.verb if own_verb else plan.pre.verb,
                pre.direction if own_verb else plan.pre.direction,
                plan.pre.share,
                True,
                plan.pre.cumulative,
                pre.sub_total or plan.pre.sub_total,
                False,
            )
        in_bracket = _bracketed_name(folded, own_lo, f.start) if plan is None and not pre.verb else None
        if in_bracket:  # 分别为甲县(占21.5%)、乙县(…), 增长最快的是丙县(12.6%): the figure is the name's
            name, of_share, grew = in_bracket
            pre = replace(pre, subject=name, share=pre.share or of_share, open_end=False)
            if grew:  # the ranking is the measure, whichever place tops it this year
                ranked = _drop(folded, tuple(range(own_lo, name[0])), re.compile(r"的?[是为]$"))
                way = Direction.DOWN if grew == "down" else Direction.UP
                pre = replace(pre, subject=_strip_lead(folded, ranked)[0], verb=name[-1:], direction=way)
        after = _RATE_AFTER.match(folded, f.end) if f.unit in _RATE_UNITS and not pre.verb else None
        if after and _GROWTH_SHARE.search(folded, own_lo, f.start):
            after = None  # 拉动了全市60%的增长: a share of the growth, not one
        if after:  # 出现3.8%的跌幅, 录得7.5%按年升幅: the noun after the figure says it is a change
            which = "rate" if after.group("rate") else "rate2"
            way = Direction.DOWN if after.group(which) in _DOWN_RATES else Direction.UP
            pre = replace(pre, verb=tuple(range(*after.span(which))), direction=way)
        sub_total = sub_total or pre.sub_total
        change, share = bool(pre.verb), pre.share
        subject = pre.subject
        timed = _TIME_ONLY.fullmatch(_text(folded, subject)) if subject else None
        last_year = False
        if timed and (told := [x for x in measures if measures[x]]):
            said_before = folded[own_lo : f.start]
            last_year = "上年" in said_before or "去年" in said_before  # 上年同期为0.9亿美元: last year's
            subject = measures[told[-1]]  # 而上年第四季的跌幅为2.5%: the same measure, another time
            if timed.group("rate") and not change:
                way = Direction.DOWN if timed.group("rate") in _DOWN_RATES else Direction.UP
                pre, change = replace(pre, verb=pre.subject[-2:], direction=way), True
        rate = _RATE_NOUN.search(_text(folded, subject)) if after else None
        if rate and rate.start() >= 2:
            subject = subject[: rate.start()]  # 零售额增幅…实现2.3%的增长: the amount's growth
        # 较"十三五"末的9876.5亿元, 比2020年的430亿元: the level a change is measured from, named after the
        # sentence's own level: the same measure, at the start of the span (or in the year it names)
        based = (not pre.verb or after) and f.unit not in _POINT_UNITS  # 比上年0.5个百分点回落: a change still
        base = _COMPARE_BASE.search(folded, max(own_lo, f.start - 24), f.start) if based else None
        main = [x for x in levels if x not in asides]
        before_base = _take_pre(folded, tuple(range(own_lo, base.start()))).subject if base and not main else ()
        if base is not None and main and plan is None:
            subject = measures[main[-1]]
        elif base is not None and before_base and plan is None:
            subject = before_base  # 降水量比常年(1100毫米)偏少8.2%: the measure is said before its base
        elif base and after and plan is None and _TIME_BASE.search(base.group()) and (told := [x for x in measures]):
            subject = measures[told[-1]]  # 上升1.4%,比上年第4季度的3.3%的升幅要慢: that change, then
        else:
            base = None
        next_start = figures[clause_figs[idx + 1]].start if idx + 1 < len(clause_figs) else clause_hi
        if not subject and idx > 0 and figures[clause_figs[idx - 1]].end == f.start:
            subject = measures.get(clause_figs[idx - 1], ())  # 3人2项6次: one measure for the run
        turned = f.term == 1 and idx > 0 and figures[j - 1].term and j - 1 in measures
        if turned and _SPAN_TURN.fullmatch(folded, figures[j - 1].end, f.start):
            subject = measures[j - 1]  # 由上年的10.2:40.5:49.3调整为9.8:…: the same ratio, reached
        if f.term > 1 and j - 1 in measures and figures[j - 1].term == f.term - 1:
            subject = measures[j - 1]  # 比例为5.1:40.2:54.7: one measure, three terms
        short = bool(subject) and len(subject) <= 2
        if (
            not pre.subject
            and idx > 0
            and clause_figs[idx - 1] in noun_until
            and _text(folded, pre.fallback) in ("和", "及", "与")
        ):
            pre.object_follows = True  # 45种鸟类和73种昆虫: the second noun follows its figure too
        if pre.object_follows and not change:
            object_noun = _post_noun(folded, f.end, next_start)
            got = _GOT.search(_text(folded, object_noun)) if pre.causative else None
            if got and got.start() >= 2:
                object_noun = object_noun[: got.start()]  # 使4.2万农户得到指导: the farmers, not what they got
            if object_noun:
                subject, noun_until[j] = object_noun, object_noun[-1] + 1
        if (
            not change
            and not share
            and base is None
            and j not in noun_until  # the object after the figure is taken once (对3150名学生进行了筛查)
            and not in_bracket
            and not f.term  # a ratio's term is told by its place, never by the words after it
            and (
                not subject
                or short
                or pre.open_end
                or _VERB_END.search(said_subject := _text(folded, subject))
                or _VERB_WHERE.search(said_subject)
            )
        ):
            noun = _post_noun(folded, f.end, next_start)
            if not subject and not noun:
                run = [x for x in clause_figs[idx:]]
                run_end = f.end
                for x in run[1:]:
                    if figures[x].start != run_end:
                        break
                    run_end = figures[x].end
                if run_end > f.end:  # 3人2项6次获得世界冠军: the words after the run
                    tail = _drop(folded, tuple(range(run_end, clause_hi)), _DROP_ANYWHERE)
                    noun = tail[:LABEL_MAX] if len(tail) > 1 else ()
            subject = subject + noun if noun or not pre.open_end else (pre.fallback or subject)
            if noun:
                noun_until[j] = noun[-1] + 1
        if idx > 0 and plan is None and not change and not share and folded[own_lo : own_lo + 1] == "、":
            item = clause_figs[idx - 1]
            subject = _list_verb(folded, measures.get(item, ()), figures[item], subject, own_lo, f) + subject
        weak = False
        if _text(folded, subject) in _ADDED and levels and figures[levels[-1]].unit == f.unit and measures[levels[-1]]:
            stock = measures[levels[-1]]  # 馆藏档案82.4万卷,新增3.1万卷: what was added to
            act = _STOCK_VERB.match(_text(folded, stock))  # 建成驿站300个,新建45个: 新建驿站
            subject = subject + stock[act.end() if act else 0 :]
        if subject and len(subject) <= 2 and not change and not share and subject == pre.subject:
            borrowed_words = _borrow(folded, sentence.lo, clause_lo)  # 全年培训30.3万人次 after 家政服务人员培训
            if not borrowed_words and topic[0] == seg_lo:
                borrowed_words = topic[1]  # 打击…犯罪,批捕36人,起诉48人: the next act counts the same object
            elif borrowed_words:
                topic = (seg_lo, borrowed_words)
            if borrowed_words:
                ends = _text(folded, borrowed_words).endswith(_text(folded, subject))
                subject = borrowed_words if ends else borrowed_words + subject
                weak = not ends
        if subject and subject == pre.subject and idx == 0 and plan is None and not share:
            who = _ranked_first(folded, sentence.lo, clause_lo)  # 最高的是金融业职工,月均工资…: theirs
            if who and _text(folded, who) not in _text(folded, subject):
                subject = who + subject
        turn = idx > 0 and _SPAN_TURN.fullmatch(folded, figures[j - 1].end, f.start)
        if not subject and turn and measures.get(j - 1):
            subject = measures[j - 1]  # 占比由51.2%提升至68.9%: the level the span reached
        if not subject and not change and not share and levels:
            subject = measures[levels[-1]]  # 年度新增3357人，累计达41101人: the same workers, counted otherwise
            subject = _drop(folded, subject, re.compile(r"(?:年度)?(?:新增|增加|新发展)$"))
        if subject and measures and plan is None and _OWNED.fullmatch(_text(folded, subject)):
            # 第一产业增加值300万元,拉动增长0.5个百分点: the pull is the sector's, the measure said last
            changes = [x for x in measures if (said := out[x]) is not None and said.kind is MetricKind.CHANGE]
            if _PULL.fullmatch(_text(folded, subject)):
                owner = measures[levels[-1]] if levels else measures[max(measures)]
            else:  # 上涨0.8%,其中城市…,农村…,涨幅比上年回落: the headline change's rate
                owner = measures[changes[0]] if changes else ()
            # 客运量8.2亿人次,增速5.6%: the growth of the last amount said, unless a change came after it or
            # the rate is a whole place's (全国增速为3.2%)
            amounts = [x for x in levels if figures[x].unit not in _RATE_UNITS]
            later = amounts and (not changes or amounts[-1] > changes[-1])
            whole_place = bool(_WHOLE_PLACE.search(folded, own_lo, f.start)) or "全国" in folded[own_lo : f.start]
            if later and f.unit == "%" and parent is None and not whole_place:
                parent, owner = amounts[-1], measures[amounts[-1]]
            subject = owner + subject if owner and not _PULL.fullmatch(_text(folded, owner)) else subject
        if subject and measures and plan is None and parent is None:
            # not a change in points (比上年提高0.8个百分点) said between: the gap is of the rate itself
            ungapped = [x for x in measures if x not in gaps and not _in_points_change(out[x], figures[x])]
            # a rate's gap is in points; an amount's in its own unit (产量1480万吨,超过预期目标20万吨)
            fits = bool(ungapped) and (f.unit in _GAP_UNITS or f.unit == figures[ungapped[-1]].unit)
            if fits and _GAP.fullmatch(_text(folded, subject)):  # 增长7.8%,高于全国1.2个百分点: its gap
                parent = ungapped[-1]
                subject = measures[parent] + subject
                gaps.add(j)
        if (change or share) and parent is None and not subject:
            # every level of the sentence so far stands before this figure; one in an aside (不含…121亿元)
            # speaks only to a change inside that aside
            outside = [x for x in levels if x not in asides] if not aside else levels
            parent = outside[-1] if outside else (levels[-1] if levels else None)
            if change and f.unit in _POINT_UNITS and shares and (parent is None or shares[-1] > parent):
                parent = shares[-1]  # 出口总额540亿元,占…的比重为38.5%,下降0.9个百分点: the share fell
        if parent is not None and not subject:
            subject = measures.get(parent, ())
        if change and not subject and parent is None and shares:
            share_of = measures[shares[-1]]
            part = _text(folded, share_of).find("占")
            if f.unit in _POINT_UNITS:
                parent, subject = shares[-1], share_of  # 耕地面积占63.5%,同比上升1.2个百分点
            elif part >= 2:
                subject = share_of[:part]  # 网上零售额占…的比重为25.3%,增长15.1%: the amount grew
        if change and not subject and last_base is not None:
            subject = measures[last_base]  # …(1100毫米)偏少8.2%: the change of the measure whose base was given
        if not subject and parent is None and not levels and not after:
            told = [x for x in measures if measures[x] and x not in asides and x not in gaps]
            alone = len(told) < 2 or bool(_CLAUSE_SEP.search(folded, figures[told[-2]].end, figures[told[-1]].start))
            # …增长6.2%,其中,9月份增长4.8%: the 其中 that opens a part of the time is no clause of its own
            # …增长6%,比全国高1.2个百分点,比上年提高0.3个百分点: a gap said between is no clause in the way
            since = max([figures[told[-1]].end] + [figures[g].end for g in gaps if g > told[-1]]) if told else 0
            between = _SUB_TOTAL.sub("，", folded[since:clause_lo]) if told else ""
            if told and alone and len(_CLAUSE_SEP.findall(between)) <= 1:
                subject = measures[told[-1]]  # 快递业务量比上年增加2.3亿件,增长8.6%: no level; the amount's growth
        borrowed = weak or not subject
        if not subject:
            subject = _borrow(folded, sentence.lo, clause_lo)
        elif not borrowed and plan is None and parent is None and subject == pre.subject and not in_bracket:
            named, counts = _entity_of(folded, subject, f.unit) if not (change or share) else ((), False)
            # a long role noun (在校学生) is a sub-item's only while the sub-item leads the sentence and its part
            roles = entity_opens and entity_seg == seg_lo
            # …幼儿园45所,全市在园幼儿…: a figure said of the whole place is no body's
            whole = _WHOLE_PLACE.search(folded, own_lo, f.start) is not None
            has = bool(entity) and not counts and not whole
            # 幼儿园45所,小学数32所: a count in the entity's own unit counts other entities, not its parts
            own_unit = f.unit == entity_unit
            attribute = _bare(folded, subject, _text(folded, entity), roles, own_unit) if has else None
            if attribute is not None:
                subject = entity + attribute  # 托育中心320个,床位1.8万张: the centres' beds
            elif named and not aside:
                entity, entity_unit = named, f.unit
                built = _BUILT.match(_text(folded, named)) is not None  # 新建幼儿园45所: the new ones, not all
                entity_opens, entity_seg = seg_first and not built, seg_lo
            elif not (aside or change or share or _PER_CAPITA.search(_text(folded, subject))):
                entity = ()  # a measure of its own (各类养老床位…): the sentence has moved on
        owner_level = levels[-1] if levels and figures[levels[-1]].unit not in _RATE_UNITS else None
        if share and owner_level is not None and parent is None and _text(folded, subject).startswith("占"):
            subject = measures[owner_level] + subject  # 出口总额540亿元,占…的比重为38.5%: the exports' share
            if _text(folded, pre.subject) == "占比" and owner_level == max(measures):
                parent = owner_level  # 线上零售额4.2亿元,占比35.6%: a part, its amount said just before
        elif share and len(levels) == 1 and owner_level is not None and parent is None and pre.named_part and subject:
            parent = owner_level  # 受理案件1250件,其中涉及未成年人的占15.3%: a part of the cases
            subject = measures[owner_level] + subject
        # 93.1%的志愿者参加过…: a share of the people named after it
        if f.unit == "%" and not change and folded.startswith("的", f.end) and not pre.subject:
            counted = _post_noun(folded, f.end + 1, next_start)
            if counted and _OF_RATE.fullmatch(_text(folded, counted)):
                subject, noun_until[j], counted = counted, counted[-1] + 1, ()  # 实现98.5%的结案率: the rate's level
            if counted:
                subject, noun_until[j], share = counted, counted[-1] + 1, True
                pre.share = True
        # 收入完成52.3亿元,完成年度预算的101.2%: how much of the plan the amount before it reached, not a goal
        of_plan = f.unit == "%" and not change and bool(levels) and _PLAN_RATIO.search(folded, own_lo, f.start)
        if of_plan:
            parent, subject = levels[-1], measures[levels[-1]]
        bare = subject == pre.subject and plan is None and not (change or share) and not borrowed
        if bare and len(subject) <= 8 and carry.lead and not _OWN_NOUN.search(_text(folded, subject)):
            rest = _lead_rest(folded, carry.lead, subject)
            if rest:
                subject, carry.lead_used = subject + rest, True
        if pre.sub_total and total_seg != seg_lo:
            # …;全年进出口总额…,其中进口…: a 其中 in a new segment opens the parts of that segment's whole
            total, total_seg = _total(figures, levels, measures, carry), seg_lo
        # 网点43.4万处,其中设在农村的11.7万处: a part named by its 的, with nothing after it, is of the whole too
        by_de = pre.open_end and subject == pre.fallback and plan is None and not (change or share or borrowed)
        # a part is a short name (民营), or a body's (地方子公司, 市县旅游企业): a long phrase measures on its own
        short = len(subject) <= 4 + by_de or (len(subject) <= 8 and _BODY.search(_text(folded, subject)) is not None)
        if not short and total and len(subject) <= 8:  # 国内航线…,其中港澳台航线完成…: the whole's own head noun
            short = _text(folded, total[0]).find(_text(folded, subject[-2:])) >= 2
        if (bare or by_de) and total and total[1] == f.unit and (sub_total or part_opens) and short:
            part_words, of = _text(folded, subject), _text(folded, total[0])
            head = of.find(part_words[-2:])  # 铁路营业里程…,其中高速铁路: the part's own word in the whole
            held = _HOLDS.match(of)  # 拥有营业网点: what is held, not the holding
            if _OWN_NOUN.search(part_words):
                pass
            elif not _overlaps(part_words, of):
                subject = subject + total[0][held.end() if held else 0 :]  # 床位使用率为82.4%。其中,民营为61.3%
            elif head >= 0 and len(of) - head - 2 >= 2 and not of.startswith(part_words):
                remainder = of[head + 2 :]
                said_after = folded[f.end : sentence.hi]
                sibling = re.search(rf"[，,；;、]{re.escape(remainder[:2])}[^，,；;。]{{0,8}}?\d", said_after)
                if not sibling:  # 来信来访…,其中,来信1200件,来访2000件: 来访 is the next part, no head noun
                    subject = subject + total[0][head + 2 :]  # 高速铁路营业里程, 出口总额 (of 进出口总额)
        if subject and levels and plan is None and not borrowed:
            subject = _shared_modifier(folded, measures[levels[-1]], subject)
            near = max(measures) if measures else None
            if near is not None and figures[near].start > seg_lo and _ATTRIBUTE.fullmatch(_text(folded, subject)):
                held = _HELD_BY.search(_text(folded, measures[near]))
                place = _WHOLE_PLACE.search(folded, own_lo, f.start)
                per_head = _PER_CAPITA.search(_text(folded, measures[near]))  # 人均可支配收入 is a household's
                cut_off = folded.startswith("的", f.end)  # 毛利率为35%的企业: a cut-off, not the amount's rate
                if held and held.start() >= 2 and subject == pre.subject and not (place or per_head or cut_off):
                    subject = measures[near][: held.start()] + subject  # 电子产业营业收入…,利润率为6.3%
        if subject and subject == pre.subject and measures and _text(folded, subject) in _ELIDED_OWNER:
            # 早稻种植面积…,总产量85.6万吨; 肉牛存栏…,出栏4.5万头: the owner named before, in the same segment
            near = max(measures)
            prior = _text(folded, measures[near])
            word = next((w for w in _ELIDED_OWNER_BY_LENGTH if prior.endswith(w)), None)
            if word and figures[near].start > seg_lo and len(prior) - len(word) >= 2:
                subject = measures[near][: len(prior) - len(word)] + subject
        if subject and subject == pre.subject and levels and plan is None and not (change or share or borrowed):
            subject = _elided(folded, subject, measures[levels[-1]], f, figures[levels[-1]], seg_lo)
        measures[j] = subject
        if share and not change and parent is None:
            shares.append(j)
        if parent is None and not change and not share and base is None:
            levels.append(j)  # a comparison's base is no level a later change speaks of
        if aside:
            asides.add(j)
        target = goal_from < f.start < goal_until and not of_plan
        d = _finish(text, folded, f, sentence, subject, pre, parent, out, target, sub_total, own, carry, ahead)
        if of_plan:
            d = replace(d, label=d.label + "完成率", kind=MetricKind.SHARE, basis=MetricKind.SHARE)
            d = replace(d, scope=(*d.scope, "完成率"), period="own" if d.period == "plan" else d.period)
        if plan is not None and plan.terms:
            d = replace(d, term=idx + 1)
        if (last_year or (plan is not None and idx < plan.starts)) and d.period == "own":
            d = replace(d, period="start")
        before = out[j - 1] if f.term > 1 and j - 1 in measures else None
        if before is not None and figures[j - 1].term == f.term - 1 and before.period == "start":
            d = replace(d, period="start")  # every term of the ratio a span starts from
        if base is not None:
            last_base = j
        if base is not None and _NORMAL_BASE.search(base.group()) and "年初" not in base.group():
            d = replace(d, scope=(*d.scope, "常年"))  # 比常年(52.6毫米): this year's normal, a level of its own
        elif base is not None:
            year = re.search(r"(\d{4})年", base.group())
            d = replace(d, period=year.group(1) if year and (own is None or int(year.group(1)) != own) else "start")
        out[j] = replace(d, borrowed=borrowed) if borrowed else d
        prev_end = f.end
    for x, y in itertools.pairwise(members):
        # 销售额同比减少12.5%至86.3亿元: a change, then the level it reached, which it speaks of
        said, reached = out[x], out[y]
        if said is None or reached is None or said.parent is not None or said.kind is not MetricKind.CHANGE:
            continue
        if reached.kind not in _REACHABLE or not _CHANGE_TO.fullmatch(folded, figures[x].end, figures[y].start):
            continue
        if _CLAUSE_END.match(folded, figures[y].end):  # not 为近10年来最高, 到2.1万亿元规模
            out[x] = replace(said, parent=y)
    if levels:
        carry.whole = (measures[levels[-1]], figures[levels[-1]].unit)
    _keep_adjusted_only_beside_reported(members, out)
    _restate_in_brackets(folded, figures, members, out)


_RESTATED_OPEN = re.compile(r"\s*[(（]\s*(?:约|合)?\s*$")
_RESTATED_CLOSE = re.compile(r"\s*[)）]")


def _restate_in_brackets(folded: str, figures: list[Figure], members: list[int], out: list[Description | None]) -> None:
    """造林3200公顷(4.8万亩),增加150公顷(2250亩): a figure alone in brackets after another of its family restates
    it in another unit: the same measure and kind, and its parent the restated parent (4.8万亩)."""
    restated: dict[int, int] = {}
    for x, y in itertools.pairwise(members):
        said, again = out[x], out[y]
        fx, fy = figures[x], figures[y]
        if said is None or again is None or fx.unit == fy.unit:
            continue
        if grammar.unit_family(fx.unit) != grammar.unit_family(fy.unit) or fx.unit in _RATE_UNITS:
            continue
        if not _RESTATED_OPEN.fullmatch(folded, fx.end, fy.start) or not _RESTATED_CLOSE.match(folded, fy.end):
            continue
        parent = restated.get(said.parent, said.parent) if said.parent is not None else None
        out[y] = replace(said, parent=parent, label=again.label)
        restated[x] = y


def _keep_adjusted_only_beside_reported(members: list[int], out: list[Description | None]) -> None:
    """扣除价格因素实际增长9.2% tells real growth from the nominal 10.2% said beside it: the basis stays in the
    scope only when the sentence says the same measure's change as reported too; alone it is the growth."""
    said = [(x, d) for x in members if (d := out[x]) is not None and d.basis is MetricKind.CHANGE]
    for x, d in said:
        adjusted = {"实际", "可比"} & set(d.scope)
        if not adjusted:
            continue
        beside = any(o.measure == d.measure and not ({"实际", "可比"} & set(o.scope)) for y, o in said if y != x)
        if not beside:
            out[x] = replace(d, scope=tuple(t for t in d.scope if t not in adjusted))


# 减少12.5%至86.3亿元, 提高2个百分点,达到61.2%: the level the change reached
_CHANGE_TO = re.compile(r"\s*(?:到|至|[，,]\s*(?:达到|达|为))\s*")
_REACHABLE = (MetricKind.LEVEL, MetricKind.SHARE, MetricKind.PER_CAPITA)
_CLAUSE_END = re.compile(r"\s*(?:[，,；;。！!？?)）\n]|$)")


def _in_points_change(d: Description | None, f: Figure) -> bool:
    return d is not None and d.kind is MetricKind.CHANGE and f.unit in _POINT_UNITS


def _shared_modifier(folded: str, before: Phrase, subject: Phrase) -> Phrase:
    """体育第一产业增加值…,第二产业增加值…: a measure that opens with the sibling of a word in the
    measure before it (a line of data/contrasts.txt), the rest alike, has the modifier said before that word.
    Only words of four characters or more: 产值 hides in 总产值, 出口 in 进出口, 公路 in 高速公路."""
    said, prior = _text(folded, subject), _text(folded, before)
    for opening, siblings in _long_contrasts().get(said[:2], ()):
        if not said.startswith(opening):
            continue
        for sibling in siblings:
            at = prior.find(sibling)
            if at > 0 and prior[at + len(sibling) :] == said[len(opening) :]:
                return before[:at] + subject
    return subject


@functools.cache
def _long_contrasts() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Each contrast word of four characters or more, by its first two, with its siblings of that length."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for words in grammar.contrast_sets():
        long = [w for w in words if len(w) >= 4]
        for w in long:
            out.setdefault(w[:2], []).append((w, tuple(x for x in long if x != w)))
    return out


_RANKED_GROWTH = re.compile(r"(?P<up>增长|增速|增幅|涨幅)最|(?P<down>下降|降幅|减少)最")


def _bracketed_name(folded: str, lo: int, at: int) -> tuple[Phrase, bool, str] | None:
    """The name a figure in brackets right after it belongs to (甲县(占21.5%), 是丙县(12.6%)): the name, whether
    it is a share (占), and "up"/"down" when the clause ranks growth (增长最快的是…)."""
    opened = at - 1 if folded[at - 1 : at] in ("(", "（") else at - 2
    if opened <= lo or folded[opened] not in "(（" or (opened == at - 2 and folded[at - 1] != "占"):
        return None
    start = opened
    while start > lo and "\u4e00" <= folded[start - 1] <= "\u9fff" and folded[start - 1] not in "和及与是为":
        start -= 1
    if not 2 <= opened - start <= 8 or folded[start - 1] in ")）":
        return None  # 人工智能(AI)产业规模(380亿元): a gloss before, the name runs on past it
    ranked = _RANKED_GROWTH.search(folded, lo, start)
    grew = "" if ranked is None else ("up" if ranked.group("up") else "down")
    if not grew and opened != at - 2:
        return None  # 人口最多的是甲县(120万人), 生产总值分别为甲县(…): the name alone is no measure
    name, _ = _strip_lead(folded, tuple(range(start, opened)))
    return (name, opened == at - 2, grew) if len(name) >= 2 else None


def _overlaps(part: str, whole: str) -> bool:
    """Whether a part's name is already in its whole's measure: a shared word (过夜游客 of 接待游客), the
    part itself (出口 in 进出口总额) or its characters with a gap (进口 in 进出口总额). A threshold's level
    (市级 of 市级以上项目) is a part still."""
    if any(part[i : i + 2] in whole for i in range(len(part) - 1)):
        return not re.search(re.escape(part) + r"(?:及)?以[上下]", whole)
    for at, char in enumerate(whole):
        rest = iter(whole[at : at + len(part) + 1])
        if char == part[0] and all(c in rest for c in part):
            return True
    return False


def _total(
    figures: list[Figure], levels: list[int], measures: dict[int, Phrase], carry: _Carry
) -> tuple[Phrase, str] | None:
    """The level the parts after 其中 are parts of: the sentence's last, or the sentence before's."""
    return (measures[levels[-1]], figures[levels[-1]].unit) if levels else carry.whole


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_BARE_BRACKET = re.compile(r"(?:约|达|为|共)?")  # what may stand before the level inside its brackets


def _named_levels(
    folded: str, figures: list[Figure], clause_figs: list[int], clause_lo: int
) -> dict[int, tuple[_Pre, int | None]]:
    """甲馆藏书(12.5万册)和乙馆藏书(8.3万册)分别增加1200册及900册: each name's level in its brackets, then each
    name's change after 分别, whose parent is that level. Empty when the clause is not said so."""
    brackets = [m.span() for m in _BRACKETED.finditer(folded, clause_lo, figures[clause_figs[-1]].start)]
    inside = [x for x in clause_figs if any(a < figures[x].start < b for a, b in brackets)]
    after = [x for x in clause_figs if x not in inside]
    n = len(after)
    if n < 2 or len(inside) != n or not brackets or figures[after[0]].start < brackets[-1][1]:
        return {}
    if any(sum(a < figures[x].start < b for x in inside) != 1 for a, b in brackets):
        return {}  # one level in each bracket, and each bracket holds one
    for (a, b), x in zip(brackets, inside, strict=True):
        if not _BARE_BRACKET.fullmatch(folded, a + 1, figures[x].start) or b - 1 != figures[x].end:
            return {}  # (增长5.2%), (占比62%), (受理案件1.2万件): a change, a share or another measure, not the level
    families = {grammar.unit_family(figures[x].unit) for x in inside + after}
    points = {grammar.unit_group(figures[x].unit) for x in inside + after}
    if len(families) != 1 and points != {"rate", "points"}:  # a rate's level, then its change in points
        return {}  # 甲镇(户籍人口3.2万人)…分别新建卫生室12个: another measure
    spoken = tuple(i for i in range(clause_lo, figures[after[0]].start) if not any(a <= i < b for a, b in brackets))
    listed = _take_pre(folded, spoken)
    if not listed.listed or not listed.verb:
        return {}  # 分别 and a verb of change: the changes of the levels in brackets
    names = _split_list(folded, listed.list_head or listed.subject, n) if listed.subject else None
    gaps_ok = all(_LIST_GAP.fullmatch(folded, figures[a].end, figures[b].start) for a, b in itertools.pairwise(after))
    if not names or not gaps_ok:
        return {}
    plan: dict[int, tuple[_Pre, int | None]] = {}
    for name, level, change in zip(names, inside, after, strict=True):
        plan[level] = (_Pre(name, (), None, False, True, False, False), None)
        plan[change] = (replace(listed, subject=name, open_end=False), level)
    return plan


# who a figure is of, said alone where a measure was (…月平均工资6800元,外来职工为5900元)
_GROUP_WORD = re.compile(r"居民|职工|人员|农民|工人|人口|家庭|群体|女性|男性|青年|学生|劳动力|员工")
_GROUP = re.compile(rf"(?:{_GROUP_WORD.pattern})$")
# a body that owns a measure said first (水务集团资产总额…): its next bare measure (负债总额) is its own too
_OWNER_BODY = re.compile(r"^[^，,；;、的]{1,10}?(?:集团|公司|企业|银行|基金|医院|学校|协会|中心)")


def _elided(folded: str, subject: Phrase, prior: Phrase, f: Figure, before: Figure, seg_lo: int) -> Phrase:
    """A measure said once and then elided: 外来职工为5900元 after 职工月平均工资6800元 is 外来职工月平均工资;
    负债总额410亿元 after 水务集团资产总额820亿元 is 水务集团负债总额. Else the subject as it is."""
    said, prior_text = _text(folded, subject), _text(folded, prior)
    group = before.unit == f.unit and grammar.unit_family(f.unit) not in _COUNTED and _GROUP.search(said)
    if group and not _MEASURE_NOUN.search(said) and not _OWN_NOUN.search(said):
        owner = _GROUP_WORD.search(prior_text, 0, len(prior_text) - 2)
        head = prior[owner.end() :] if owner else prior
        return subject + head if len(head) >= 2 else subject
    body = _OWNER_BODY.match(prior_text)
    bare = _MEASURE_END.search(said) and not _OWNER_BODY.match(said) and not _BODY.search(said) and len(said) <= 6
    if body and bare and before.start > seg_lo and not said.startswith(prior_text[: body.end()]):
        return prior[: body.end()] + subject
    return subject


def _list_verb(folded: str, prior: Phrase, before: Figure, subject: Phrase, own_lo: int, f: Figure) -> Phrase:
    """新建口袋公园12个、城市绿道35公里: the verb that opened the item before 、 (新建), when it acts on this
    bare item too; () when the item has a verb of its own, names a measure of its own, or is money (耗资)."""
    acted = _LIST_VERB.match(_text(folded, prior))
    said = _text(folded, subject)
    if not acted or not subject or said != folded[own_lo + 1 : f.start]:  # a bare noun, no word of its own
        return ()
    if _LIST_VERB.match(said) or _OWN_ACT.search(said) or _MEASURE_NOUN.search(said):
        return ()
    money = grammar.unit_family(f.unit) == "money"
    if money and grammar.unit_family(before.unit) != "money":
        return ()
    return prior[: acted.end()]


def _in_aside(folded: str, lo: int, at: int) -> bool:
    """Whether offset at stands inside brackets opened since lo: (不含…121.06亿元)."""
    ascii_open = folded.count("(", lo, at) > folded.count(")", lo, at)
    return ascii_open or folded.count("（", lo, at) > folded.count("）", lo, at)


def _list_plan(
    folded: str,
    figures: list[Figure],
    clause_figs: list[int],
    first: _Pre | None,
    levels: list[int],
    measures: dict[int, Phrase],
) -> _ListPlan | None:
    """Subjects for a clause that lists its figures, or None when it does not."""
    n = len(clause_figs)
    if n < 2 or first is None:
        return None
    # 城乡居民人均收入达到41200元、19800元: a paired compound lists its two places even without 分别
    same = figures[clause_figs[0]].unit == figures[clause_figs[1]].unit
    paired = n == 2 and same and not first.verb and _text(folded, first.subject).startswith(_PAIRED_HALVES)
    if not (first.listed or first.verb or paired) or not (same or first.listed):
        return None  # 增加950元、增长5.4%: two changes of one amount, not a list
    half = 0
    for k, (a, b) in enumerate(itertools.pairwise(clause_figs)):
        gap = folded[figures[a].end : figures[b].start]
        if n % 2 == 0 and k == n // 2 - 1 and first.listed and _SPAN_TURN.fullmatch(gap):
            half = n // 2  # 分别由28.6%和32.4%下降到27.9%和31.8%: two spans, starts then ends
        elif not _LIST_GAP.fullmatch(gap):
            return None  # each figure has words of its own
    if half:
        parts = _split_list(folded, first.subject, half) if first.subject else None
        return _ListPlan(parts * 2, [None] * n, first, starts=half) if parts else None
    if first.list_head:
        parts = _split_list(folded, first.list_head, n)
        if parts:
            return _ListPlan([part + first.predicate for part in parts], [None] * n, first)
    if first.subject:
        parts = _split_list(folded, first.subject, n)
        return _ListPlan(parts or [first.subject] * n, [None] * n, first, terms=parts is None)
    # 受理4500件,办结4300件,办结率95.6%,分别增长3.2%和2.8%: a growth in % is of amounts, not of a rate,
    # and a change in points is of rates
    unit = figures[clause_figs[0]].unit
    pool = levels
    if unit == "%":
        pool = [x for x in levels if figures[x].unit not in _RATE_UNITS]
    elif unit in _POINT_UNITS:
        pool = [x for x in levels if figures[x].unit in _RATE_UNITS]
    heads = pool[-n:] if len(pool) >= n else levels[-n:]
    if len(heads) == n:
        subjects = [measures[x] for x in heads]
        same = len({_text(folded, x) for x in subjects}) == 1  # three terms of one ratio: told apart by place
        return _ListPlan(subjects, list(heads), first, terms=same)
    return None


_RATE_UNITS = grammar.units_of_group("rate")  # %, ‰
_POINT_UNITS = grammar.units_of_group("points")  # 个百分点, 基点 …
# between two figures of a list: a separator, and a verb of change of the next one's own (下降0.6、提高1.7)
_LIST_GAP = re.compile(rf"\s*(?:和|与|及|以及|、|或|,|，)?\s*(?:{grammar.CHANGE_WORDS})?")


def _names_before(
    folded: str, seps: list[tuple[int, int]], sentence_lo: int, clause_lo: int, n: int, prev_end: int
) -> list[Phrase] | None:
    """The n names listed in the clause before clause_lo (工业、建筑业、商贸…), when it holds no figure."""
    k = bisect.bisect_left([a for a, _ in seps], clause_lo) - 1  # the mark that opens this clause
    if k < 0:
        return None
    lo = seps[k - 1][1] if k > 0 else sentence_lo
    hi = seps[k][0]
    if lo < prev_end or hi - lo < 3 or "、" not in folded[lo:hi]:
        return None
    frame = _MAINLY.search(folded, lo, hi)
    if frame is not None and frame.end() == hi:
        lo, hi = frame.start(1), frame.end(1)  # 住客以日本、韩国及美国旅客为主: the names inside the frame
    pre = _take_pre(folded, tuple(range(lo, hi)))
    return _split_list(folded, pre.subject, n) if pre.subject else None


_MAINLY = re.compile(r"以([^，,；;。以]{3,40}?)(?:为主|居多|为多)")


# What an entity does or holds, said without naming it (床位, 拥有床位, 收养各类人员, 办结): after
# 某机构N个 or 某法院受理…, such a figure in the same sentence is about that entity.
_HOLDS = re.compile(r"^(?:拥有|共有|设有|有)")
_ACTION = re.compile(
    r"^(?:受理|办结|审结|执结|结案|新收|收案|立案|起诉|批捕|办理|查处|调解|收养|收留|抚养|收治|救助|接待|服务(?!业)|培训|安置)"
)
# the actor before a verb of handling cases (市中院受理各类案件): the entity of what it does next
_ACTOR_VERB = re.compile(r"(?:受理|办结|审结|执结|新收|收案|立案|起诉|批捕|办理|查处|调解|收治|收养)")
_ENTITY_UNITS = frozenset({"个", "家", "所", "处", "座"})  # counters of organizations and sites, not of beds (张)
# families of counts: 外来职工为5900人 counts them, it elides no measure
_COUNTED = frozenset({"people", "count", "visits", "households", "items"})
_BODY = re.compile(r"(?:站|所|院|庭|局|中心|机构|机关|企业|公司|单位|设施|组织|协会|馆|园|基地)$")
# the people or places a body has (学校…在校学生, 托育中心…从业人员): its attribute, however long the word
_ROLE_NOUN = re.compile(
    r"(?:在校|在园|在读|毕业|专任|专职|兼职|招收)?(?:学生|学员|幼儿|儿童|教师|教职工|教职员工|职工|员工|从业人员|工作人员"
    r"|医生|医师|护士|卫生技术人员|床位|保育员|会员|志愿者)"
)
# a count named as a measure (站点数, 企业数量, 总量): it says how many, it names no entity to borrow
_MEASURE_END = re.compile(r"(?:数|数量|总数|个数|量|总量|额|规模|率|比重)$")


def _entity_of(folded: str, subject: Phrase, unit: str) -> tuple[Phrase, bool]:
    """(the entity a figure names, whether it counts that entity), or ((), False).

    托育中心320个 counts centres: the centres are the entity. 市中级法院受理2.2万件 is what the court
    did: the court is the entity of the figures after it, not the cases.
    """
    s = _text(folded, subject)
    if len(s) < 2:
        return (), False
    counted = (
        unit in _ENTITY_UNITS
        and (_BODY.search(s) or not _ACTION.match(s))
        and not _VERB_END.match(s)
        and not _MEASURE_END.search(s)
    )
    if counted and not (_HOLDS.match(s) or _CHANGE_VERB.search(s) or _PER_CAPITA.search(s)):
        return subject, True
    m = _ACTOR_VERB.search(s)
    if m and m.start() >= 2 and _BODY.search(s, 0, m.start()):
        return subject[: m.start()], False  # an actor that is a body (市中院), not an adverb (严肃查处)
    return (), False


def _bare(folded: str, subject: Phrase, entity: str, roles: bool = False, own_unit: bool = False) -> Phrase | None:
    """A measure that names no entity (床位, 拥有床位, 收养各类人员), without its verb of holding; else None.

    A count of the entity itself (驿站120个…,驿站数超过150个) is a measure of its own; a count of
    something it has (养老院120家,床位数4.5万张) is the entity's.
    """
    s = _text(folded, subject)
    m = _HOLDS.match(s)
    rest = subject[m.end() :] if m else subject
    r = _text(folded, rest)
    if not r:
        return None
    stem = _MEASURE_END.sub("", r)
    if stem != r and len(stem) >= 2 and (own_unit or stem in entity or entity.endswith(stem[-2:])):
        return None  # 驿站数 after 驿站, 小学数32所 after 幼儿园45所: a count of entities, no attribute of one
    if len(r) <= 3 or _ACTION.match(r) or (roles and _ROLE_NOUN.fullmatch(r)):
        return rest
    return None


# a mark passed, named in words (突破千亿大关, 跨越五百亿台阶): the clause's subject is what passed it
_MILESTONE = re.compile(r"(?:首次|成功|率先|一举|历史性)?(?:突破|超过|跨越|跨上|迈上|迈入|跃上|站上|跨入|冲破)")


# the mark passed, then the figure reached: 跨越8000亿元、达8650亿元, 首次突破千亿元，达1020亿元
_MILESTONE_AT = re.compile(r"(?:突破|超过|跨越|跨上|迈上|迈入|跃上|站上|跨入|冲破)\s*$")
_REACHED = re.compile(r"\s*[、，,]?\s*(?:达到|达|增至|升至|提高到|提高至|增加到|增加至)\s*")
MILESTONE = "里程碑"


def _mark_milestones(folded: str, figures: list[Figure], members: list[int], out: list[Description | None]) -> None:
    """A mark passed (突破2万亿元) right before the figure reached (达2.4万亿元) is scoped as a milestone.

    It states a round threshold of the same measure, not a second level: it must never pair as the level.
    """
    for a, b in itertools.pairwise(members):
        fa, fb, da = figures[a], figures[b], out[a]
        if da is None or fa.value is None or fb.value is None or fa.value >= fb.value:
            continue
        if grammar.unit_group(fa.unit) != grammar.unit_group(fb.unit):
            continue
        if not _REACHED.fullmatch(folded, fa.end, fb.start):
            continue
        if _MILESTONE.match(folded, fa.start) or _MILESTONE_AT.search(folded, max(0, fa.start - 4), fa.start):
            out[a] = replace(da, scope=(*da.scope, MILESTONE))


def _borrow(folded: str, sentence_lo: int, clause_lo: int) -> Phrase:
    """A figure with no words of its own takes the last words of the clause before it."""
    before = _clause_before(folded, sentence_lo, clause_lo)
    if before is None:
        return ()
    lo, head_hi = before
    if re.search(r"\d", folded[lo:head_hi]):
        return ()  # a clause with a figure of its own is a parallel item (受理案件15985件,审结14135件)
    milestone = _MILESTONE.search(folded, lo, head_hi)
    if milestone and milestone.start() > lo:
        head_hi = milestone.start()  # 总产值突破千亿大关,达到…: what passed the mark, not the mark
    if not _ACT_ON.search(folded, lo, head_hi):
        acted = _acted_on_before(folded, sentence_lo, lo)
        if acted is not None:  # 惩治严重暴力犯罪,有力震慑犯罪,安定人心,批捕41人: what was acted on, clauses back
            lo, head_hi = acted
    p = _take_pre(folded, tuple(range(lo, head_hi)))
    return _topic(folded, p.subject)[-16:]


def _acted_on_before(folded: str, sentence_lo: int, hi: int, reach: int = 4) -> tuple[int, int] | None:
    """The bounds of the nearest of the few figure-less clauses before hi that names what was acted on."""
    for _ in range(reach):
        before = _clause_before(folded, sentence_lo, hi)
        if before is None or folded[hi - 1] in "；;。":
            return None
        lo, head_hi = before
        if re.search(r"\d", folded[lo:head_hi]):
            return None
        if _ACT_ON.search(folded, lo, head_hi):
            return lo, head_hi
        hi = lo
    return None


_RANKED = re.compile(
    r"(?:最(?:高|低|多|少|快|慢|大|小|强|弱|长|短)|居首位?|排名?第一)的?(?:是|为)(?P<who>[^\d,，、]{2,12})$"
)


def _ranked_first(folded: str, sentence_lo: int, clause_lo: int) -> Phrase:
    """工资最高的是金融业职工,月均工资6870元: the one a figure-less clause before ranks first owns the figure."""
    before = _clause_before(folded, sentence_lo, clause_lo)
    if before is None or re.search(r"\d", folded[before[0] : before[1]]):
        return ()
    m = _RANKED.search(folded, *before)
    return tuple(range(m.start("who"), m.end("who"))) if m else ()


def _clause_before(folded: str, sentence_lo: int, clause_lo: int) -> tuple[int, int] | None:
    """The bounds of the clause that ends at the mark just before clause_lo; None at the sentence's start."""
    head_hi = clause_lo - 1
    if head_hi <= sentence_lo:
        return None
    lo = head_hi
    while lo > sentence_lo and not _CLAUSE_SEP.match(folded[lo - 1]):
        lo -= 1
    return lo, head_hi


# 严厉打击侵害妇女儿童权益的犯罪, 对电诈犯罪保持高压态势, 深化校园欺凌治理: a clause that names what was acted
# on; the figures after it (批捕36人, 起诉48人) count that object, not the campaign's wording, which changes yearly
_ACT_ON = re.compile(r"打击|惩治|严惩|惩处|整治|查处|防范|遏制|严打|专项治理")
_ACT_HEAD = re.compile(r"(?:依法|严厉|持续|深入|全力|重拳|常态化)?(?:深化|加强|强化|推进|开展|推动|加大)")
_ACT_TAIL = re.compile(r"(?:始终|持续)?保持.{0,6}态势$|(?:专项)?(?:治理|整治|行动|工作|斗争)$")


def _topic(folded: str, p: Phrase) -> Phrase:
    tail = _ACT_TAIL.search(_text(folded, p))
    if tail and tail.start() >= 2:
        p = p[: tail.start()]
    s = _text(folded, p)
    acts = list(_ACT_ON.finditer(s))
    if acts and len(s) - acts[-1].end() >= 2:
        p = p[acts[-1].end() :]
    head = _ACT_HEAD.match(_text(folded, p))
    if head and len(p) - head.end() >= 2:
        p = p[head.end() :]
    return tuple(i for i in p if folded[i] != "的") if len(p) > 2 else p


# the basis of a change said since the figure before it: price-adjusted (实际), or on a comparable basis (可比)
_PLANNED = re.compile(r"年初预算|预算安排|预算数|计划|目标|预期")  # not 一般公共预算收入
_REAL = re.compile(r"实际|扣除价格因素|剔除价格因素|按可比价格")
_COMPARABLE = re.compile(r"可比(?!价)|(?:扣除|剔除)[^，,；;。\d]{1,12}?因素|同口径|可比口径")


def _adjusted(folded: str, lo: int, at: int) -> str | None:
    window = folded[max(lo, at - 30) : at]
    digits = [k for k, c in enumerate(window) if c.isdigit()]
    if digits:
        window = window[digits[-1] + 1 :]  # only what was said since the figure before
    if _REAL.search(window):
        # 预算安排增长5%,实际增长7.2%: the outturn against the plan, not growth net of prices
        return None if _PLANNED.search(folded, lo, at) else "实际"
    if _COMPARABLE.search(window) and "自然口径" not in window:
        return "可比"
    return None


def _finish(
    text: str,
    folded: str,
    f: Figure,
    sentence: _Sentence,
    subject: Phrase,
    pre: _Pre,
    parent: int | None,
    out: list[Description | None],
    target: bool,
    sub_total: bool,
    own: int | None,
    carry: _Carry,
    ahead: bool = False,
) -> Description:
    change, share = bool(pre.verb), pre.share
    measure_folded = _text(folded, subject)
    parent_d = out[parent] if parent is not None else None
    if f.upper is not None:
        kind = MetricKind.RANGE
    elif change or (_RATE_NOUN.search(measure_folded) and grammar.unit_group(f.unit) in ("rate", "points", "number")):
        kind = MetricKind.CHANGE  # 增速5.6%; but 8个省份增速超过30% counts provinces
    elif share or _SHARE_NOUN.search(measure_folded) or f.term:
        kind = MetricKind.SHARE
    elif _PER_CAPITA.search(measure_folded) or grammar.unit_family(f.unit).endswith(("/people", "/households")):
        kind = MetricKind.PER_CAPITA
    else:
        kind = MetricKind.LEVEL
    when = sentence.when(folded, own)
    year = when.year(f.start)
    if year is None:
        year = carry.year
    period = _period_key(year, own)
    basis = kind
    start = (
        period == "own"
        and _FROM_BEFORE.search(folded, max(sentence.lo, f.start - 12), f.start) is not None
        and _TO_AFTER.match(folded, f.end, min(sentence.hi, f.end + 24)) is not None
    )
    if ahead and period == "own" and not start:
        target = True  # under 二、2026年工作安排: the year ahead's figure, unless a span's start (由A提高到B)
    if target or period.startswith("+"):
        kind = MetricKind.TARGET
        # a goal for the coming year pairs with next year's goal; a goal for a named later year with that year's
        period = "plan" if period in ("own", "+1") else str(year)
    elif start:
        period = "start"  # 由5.2万公里增长到13.1万公里: the start of the span, not this year's level
    scope: list[str] = []
    if sub_total:
        scope.append("其中")
    if pre.cumulative:
        scope.append("累计")
    time_scope = when.tag(f.start) or (None if _YEAR_OPENS.match(folded, sentence.lo) else carry.time)
    if time_scope:
        scope.append(time_scope)
    base_year = None
    if basis is MetricKind.CHANGE:
        base_year = _BASE_YEAR.search(folded, max(sentence.lo, f.start - 24), f.start)
    if base_year and _CLAUSE_SEP.search(folded, base_year.end(), f.start):
        base_year = None  # the base of another clause's change
    # 五年来,…受理…,审结…: a sentence that opens on a span of years speaks of it until it names a year
    opening = _SPAN_OPENING.search(folded, sentence.lo, min(sentence.lo + 10, f.start))
    if opening and _A_YEAR.search(folded, opening.end(), f.start):
        opening = None
    # 年均增长, 近四年税收占比均…: a span said just before the figure, in its clause (连续四年获评…,新登记… is not)
    near = _MULTI_YEAR.search(folded, max(sentence.lo, f.start - 24), f.start)
    if near and (_A_YEAR.search(folded, near.end(), f.start) or _CLAUSE_SEP.search(folded, near.end(), f.start)):
        near = None
    if opening or near or (base_year and own is not None and int(base_year.group(1)) < own - 1):
        scope.append("多年")  # 近四年税收占比均…, 年均增长: a claim over years, not one year's figure
    normal = None
    if basis is MetricKind.CHANGE:
        bases = list(_NORMAL_BASE.finditer(folded, max(sentence.lo, f.start - 24), f.start))
        normal = bases[-1] if bases else None  # the nearest: 气温比常年偏高…,降水比常年偏多9.2%
    if normal and not _CLAUSE_SEP.search(folded, normal.end(), f.start):
        scope.append(
            "年初" if normal.group().endswith("年初") else "常年"
        )  # 比多年平均偏少4.4%: against a normal year, not against last year
    if basis is MetricKind.CHANGE and (adjusted := _adjusted(folded, sentence.lo, f.start)):
        scope.append(adjusted)  # 扣除价格因素实际增长9.2%: real growth, another measure than the nominal 10.2%
    per_capita = basis is MetricKind.PER_CAPITA or "人均" in measure_folded
    if parent_d is not None and "人均" in parent_d.scope:
        per_capita = True
    if per_capita:
        scope.append("人均")
    label = _text(text, subject)
    if kind is not MetricKind.RANGE and pre.verb:
        label += _text(text, pre.verb)
    elif share and parent_d is not None and not pre.subject:
        label += "占比"
    elif pre.cumulative and not pre.subject and "累计" not in label:
        label += "累计"
    label = label[-LABEL_MAX:]
    direction = pre.direction if basis is MetricKind.CHANGE else None
    if direction is None and basis is MetricKind.CHANGE and (rate := _RATE_NOUN.search(measure_folded)):
        direction = Direction.DOWN if rate.group().startswith(("降", "下降")) else Direction.UP  # 降幅为3.1%
    keyed = measure_folded
    points = f.unit in _POINT_UNITS  # 增速提高0.9个百分点: the rate's own change keeps the rate
    if (
        basis is MetricKind.CHANGE
        and (rate := _RATE_NOUN.search(keyed))
        and not rate.group().startswith("年均")
        and not points
    ):
        keyed = keyed[: rate.start()] if rate.start() >= 2 else keyed  # 工业增加值增幅为5.2% keys as its 增长
    return Description(label, kind, basis, direction, parent, key_measure(keyed), tuple(dict.fromkeys(scope)), period)
