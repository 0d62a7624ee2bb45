"""Held-out bulletins for the importer: written after the parser was tuned, measured at first sight.

Same pipeline as ``make_corpus.py`` (python-docx → LibreOffice → ``pdftotext -enc UTF-8``) but other layouts and
other content: 宋体/仿宋 bodies at 14–16 pt, exact/1.5/single line spacing, bold lead sentences followed by one or
two spaces or a full-width space, long lead titles wrapping over two lines, (一)/1./① numbering, 特刊/增刊
mastheads, sources on their own right-aligned line or as （…供稿）, 8–15 short items, a distribution block right
after the last item.  Layout details (fonts, sizes, separators, page markers) are drawn per bulletin from a seeded
random generator; the content is written by hand and differs per batch.

Batch 1 goes to ``heldout/``, batch 2 (other seed, other content, written after the parser changes) to
``heldout2/``.  Run from the repository root::

    .venv/bin/python jiceng/bulletin/tests/data/make_heldout.py --batch 1
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import _font, _fontconfig, _page_field, _rule, docx_to_pdf, pdftotext  # noqa: E402


@dataclass
class It:
    headline: str
    paragraphs: list[str]
    source: str | None = None
    style: str = "run"  # "run" bold lead sentence; "own" centred headline paragraph
    label: str | None = None  # the source as printed when it says more than the unit (…供稿)
    own_line: bool = False  # source as a right-aligned paragraph of its own
    subheads: tuple[int, ...] = ()


@dataclass
class Issue:
    name: str
    series: str
    number: int
    office: str
    date: datetime.date
    masthead: list[str]
    items: list[It]
    distribution: list[str] = field(default_factory=list)
    dist_rule: bool = True  # a rule and some space before the distribution block
    office_mode: str = "tab"  # "tab", "spaces", "two_lines"
    office_spacing: float = 0


FONTS = ["FandolFang", "FandolSong", "Noto Serif CJK SC"]
HEADS = ["FandolHei", "FandolSong", "Noto Sans CJK SC"]
MARKERS = ["— {} —", "- {} -", "－{}－", "—{}—"]
SEPARATORS = [" ", "  ", "\u3000", "\u3000\u3000"]


def build(issue: Issue, rng: random.Random, path: Path) -> dict:
    size = rng.choice([14, 15, 16, 16])
    body_font, head_font = rng.choice(FONTS), rng.choice(HEADS)
    spacing = rng.choice(["exact", "exact", "multiple", "single"])
    exact = rng.choice([26, 28, 28.95, 30])
    marker = rng.choice(MARKERS)
    indent_spaces = rng.random() < 0.25
    separator = rng.choice(SEPARATORS)
    title_size = rng.choice([18, 22])
    layout = {"size": size, "body_font": body_font, "head_font": head_font, "spacing": spacing,
              "exact": exact, "marker": marker, "indent_spaces": indent_spaces, "separator": separator,
              "title_size": title_size}

    doc = Document()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(rng.choice([30, 37])), Mm(rng.choice([28, 35]))
    side = rng.choice([(28, 26), (25, 25), (31.8, 31.8)])
    section.left_margin, section.right_margin = Mm(side[0]), Mm(side[1])
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer, marker, body_font)

    def para(indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
        p = doc.add_paragraph()
        p.alignment = align
        fmt = p.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        if spacing == "exact":
            fmt.line_spacing = Pt(exact)
        elif spacing == "multiple":
            fmt.line_spacing = 1.5
        if indent and not indent_spaces:
            fmt.first_line_indent = Pt(size * 2)
        return p

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(issue.masthead[0]), rng.choice(["FandolSong", "FandolHei"]), rng.choice([36, 42, 48]),
          bold=True, color="E60000")
    for line in issue.masthead[1:]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(line), body_font, 16)
    date_text = f"{issue.date.year}年{issue.date.month}月{issue.date.day}日"
    if issue.office_mode == "two_lines":
        for text in (issue.office, date_text):
            last = doc.add_paragraph()
            last.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(last.add_run(text), body_font, 16)
    else:
        last = doc.add_paragraph()
        if issue.office_mode == "tab":
            last.paragraph_format.tab_stops.add_tab_stop(Mm(210 - side[0] - side[1]), WD_TAB_ALIGNMENT.RIGHT)
            _font(last.add_run(issue.office), body_font, 16, spacing=issue.office_spacing)
            _font(last.add_run("\t" + date_text), body_font, 16)
        else:
            _font(last.add_run(issue.office), body_font, 16, spacing=issue.office_spacing)
            _font(last.add_run("      " + date_text), body_font, 16)
    _rule(last)

    lead = "\u3000\u3000" if indent_spaces else ""
    for number, item in enumerate(issue.items):
        if item.style == "own":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.space_after = Pt(6)
            _font(p.add_run(item.headline), head_font, title_size if number == 0 else size + 1, bold=True)
        for index, text in enumerate(item.paragraphs):
            if index in item.subheads:
                p = para(indent=not lead)
                _font(p.add_run(lead + text), head_font, size, bold=True)
                continue
            p = para(indent=not lead)
            if index == 0 and item.style == "run":
                _font(p.add_run(lead + item.headline), head_font, size, bold=True)
                _font(p.add_run(separator + text), body_font, size)
            else:
                _font(p.add_run(lead + text), body_font, size)
        if item.source:
            if item.own_line:
                p = para(indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            _font(p.add_run(f"（{item.label or item.source}）"), body_font, size)

    if issue.distribution:
        if issue.dist_rule:
            spacer = doc.add_paragraph()
            spacer.paragraph_format.space_before = Pt(24)
            _rule(spacer, color="000000", size=8)
        for line in issue.distribution:
            p = doc.add_paragraph()
            _font(p.add_run(line), body_font, 14)
    doc.save(path)
    return layout


def truth(issue: Issue) -> dict:
    return {
        "series": issue.series,
        "number": issue.number,
        "office": issue.office,
        "date": issue.date.isoformat(),
        "items": [{"headline": i.headline, "body": "\n".join(i.paragraphs), "source": i.source}
                  for i in issue.items],
        "warnings": [],
        "distribution": issue.distribution,
    }


D = datetime.date

DIST_A = ["报：市委办公厅，市政府办公厅。", "送：区委、区政府领导同志。", "发：各镇（街道），区直各部门。"]

BATCH1: list[Issue] = [
    Issue(
        "chengguan_jianbao_8", "城市管理工作简报", 8, "区城市管理局", D(2021, 3, 12),
        ["城市管理工作简报", "第8期"],
        [
            It("全区城市管理工作会议召开 部署2021年“城市管理提升年”行动",
               ["3月10日，全区城市管理工作会议召开，总结2020年城市管理工作，部署“城市管理提升年”行动。"
                "会议指出，2020年全区完成背街小巷改造46条，新增城市绿地12.6万平方米，生活垃圾分类覆盖率达到85%。"
                "会议要求，今年要围绕“序化、洁化、绿化、亮化”四个方面，实施城市精细化管理“十大工程”，"
                "力争城市管理考核排名进入全市前三。"], style="own"),
            It("区城管局开展占道经营专项整治",
               ["3月1日至7日，区城管局集中开展占道经营专项整治，出动执法人员320人次，清理占道摊点187处，"
                "规范店外经营94家，暂扣违规广告牌23块。"], "区城管局"),
            It("金水路街道推行“街长制”",
               ["该街道将辖区18条主次干道划分为18个责任单元，由班子成员担任“街长”，每日巡查不少于1次，"
                "发现问题通过“城管通”APP实时上报，平均处置时间由2天缩短至4小时。"], "金水路街道"),
            It("区环卫中心完成春节期间垃圾清运保障",
               ["春节期间，区环卫中心实行“两班倒”作业，日均清运生活垃圾480吨，较平日增加15.2%，"
                "做到垃圾日产日清。"], "区环卫中心"),
            It("区市政中心修复破损路面1.3万平方米",
               ["今年以来，区市政中心对辖区道路开展“体检”，排查坑槽、沉陷等病害215处，修复破损路面1.3万平方米，"
                "更换井盖86套。"], "区市政中心", own_line=True),
        ],
        DIST_A + ["区城市管理局办公室 2021年3月12日印发"],
    ),
    Issue(
        "anquan_shengchan_xinxi_15", "安全生产信息", 15, "区安全生产委员会办公室", D(2022, 6, 20),
        ["安全生产信息", "2022年第15期"],
        [
            It("区安委会召开“安全生产月”活动推进会",
               ["6月17日，区安委会召开“安全生产月”活动推进会，通报6月1日至16日全区安全生产检查情况。"
                "会议指出，“安全生产月”期间，全区共检查生产经营单位1126家，发现隐患2358处，已整改2104处，"
                "整改率89.2%。会议要求，各行业部门要紧盯危险化学品、建筑施工、燃气、消防等重点领域，"
                "严格落实“三管三必须”要求，对重大隐患实行挂牌督办，确保隐患动态清零。"]),
            It("区应急管理局开展危险化学品企业“体检式”检查",
               ["区应急管理局聘请5名行业专家，对辖区32家危险化学品企业逐一开展“体检式”检查，"
                "形成“一企一策”整改清单，发现问题176项，已整改151项。"], "区应急管理局"),
            It("区住建局筑牢建筑施工安全防线",
               ["一是开展起重机械专项检查，检查塔吊64台、施工升降机41台；二是推行“智慧工地”监管，"
                "在37个在建项目安装视频监控和扬尘监测设备；三是约谈安全管理不到位的施工企业负责人6人。"], "区住建局"),
            It("区消防救援大队开展高层建筑消防安全排查",
               ["排查高层建筑216栋，督促整改消防通道堵塞、消防设施损坏等问题342处，"
                "对3家物业服务企业依法立案查处。"], "区消防救援大队"),
            It("城关镇组织燃气安全进万家活动",
               ["该镇组织燃气企业技术人员入户检查燃气设施4600余户，更换老化胶管1280根，"
                "发放安全用气手册5000份。"], "城关镇", label="城关镇供稿"),
            It("区交通运输局开展“两客一危”车辆专项整治",
               ["检查客运车辆、危险货物运输车辆318台次，查处违法违规行为27起，"
                "对动态监控平台离线率超过5%的2家企业进行通报批评。"], "区交通运输局"),
        ],
        ["抄送：市应急管理局。", "区安委会办公室 2022年6月20日印发"],
    ),
    Issue(
        "yiqing_fangkong_tekan_3", "疫情防控工作简报", 3, "区疫情防控指挥部办公室", D(2022, 4, 2),
        ["疫情防控工作简报", "特刊", "第3期"],
        [
            It("坚持人民至上 全力筑牢疫情防控屏障——我区扎实做好新一轮疫情防控工作",
               ["3月以来，面对复杂严峻的疫情形势，区委、区政府坚持“外防输入、内防反弹”总策略和“动态清零”总方针，"
                "迅速启动应急响应机制，全区上下众志成城、共克时艰。",
                "（一）快速响应，压实防控责任",
                "区疫情防控指挥部实行24小时值班值守，每日召开调度会，研究解决重点难点问题。"
                "各镇（街道）、区直各部门主要负责同志靠前指挥，形成上下联动、协调高效的工作格局。",
                "（二）精准排查，守牢社区防线",
                "全区1260名网格员、3100名志愿者下沉一线，对重点地区来（返）区人员开展“地毯式”排查，"
                "累计排查人员12.8万人次，落实健康管理措施4368人。",
                "（三）强化保障，稳定群众生活",
                "开通生活物资保供热线6条，组织商超开展“线上下单、无接触配送”服务，"
                "3月25日至31日累计配送生活物资2.3万单，确保群众生活必需品供应充足、价格稳定。"],
               style="own", subheads=(1, 3, 5)),
            It("区卫健委完成区域核酸检测能力提升",
               ["全区核酸检测日检测能力由1.5万管提升至3万管，设置常态化采样点86个，"
                "实现城区步行15分钟采样圈全覆盖。"], "区卫健委"),
            It("西湖街道“三个一”守好小区门",
               ["一张登记表核查进出人员，一个测温枪检测体温，一张二维码查验健康码、行程卡，"
                "辖区42个小区全部落实“扫码、测温、戴口罩”措施。"], "西湖街道"),
            It("区交通运输局加强客运场站防控",
               ["在汽车客运站、出租车营运点设置查验岗4个，累计查验旅客3.6万人次，"
                "对出租车、公交车每日消毒不少于2次。"], "区交通运输局"),
        ],
        ["报：市疫情防控指挥部办公室。", "送：区委、区政府领导。"],
        office_mode="two_lines",
    ),
    Issue(
        "yingshang_huanjing_zengkan_1", "营商环境简报", 1, "区优化营商环境工作领导小组办公室", D(2021, 9, 28),
        ["营商环境简报", "增刊第1期"],
        [
            It("区政务服务中心推行“一网通办”改革",
               ["截至9月底，全区1386项政务服务事项实现“一网通办”，网上可办率达到98.6%，"
                "“最多跑一次”事项占比达到96%。企业和群众可通过“豫事办”APP或政务服务网在线申请，"
                "平均办理时限压缩60%以上。"], "区政务服务中心"),
            It("区税务局推出“非接触式”办税缴费服务",
               ["全区纳税人可通过电子税务局办理涉税事项207项，9月份非接触式办税率达到93.5%，"
                "发票领用平均时间缩短至1个工作日以内。"], "区税务局"),
            It("区市场监管局开展“证照分离”改革全覆盖试点",
               ["对涉企经营许可事项实行直接取消审批、审批改为备案、实行告知承诺、优化审批服务四种方式分类改革，"
                "今年以来新登记市场主体4216户，同比增长21.4%。"], "市场监管局", label="市场监管局供稿"),
            It("区发改委建立重点项目“首席服务官”制度",
               ["为全区52个省市重点项目确定“首席服务官”，实行“一个项目、一名领导、一个专班、一抓到底”，"
                "协调解决用地、环评、融资等问题87个。"], "区发改委"),
            It("区工信局组织银企对接会助力中小企业融资",
               ["9月15日，区工信局联合12家银行机构举办银企对接会，现场签约项目19个，"
                "签约金额5.6亿元，平均贷款利率较去年同期下降0.35个百分点。"], "区工信局"),
            It("区人社局开展“春风行动”专场招聘会",
               ["组织78家企业提供就业岗位2460个，现场达成就业意向635人，"
                "并为28家企业发放稳岗返还资金136万元。"], "区人社局"),
        ],
        DIST_A,
        dist_rule=False,
    ),
    Issue(
        "xiangcun_zhenxing_dongtai_21", "乡村振兴动态", 21, "区委农村工作领导小组办公室", D(2023, 5, 8),
        ["乡村振兴动态", "第21期"],
        [
            It("我区召开2023年乡村振兴重点工作推进会",
               ["5月5日，全区2023年乡村振兴重点工作推进会召开。会议通报了1至4月全区粮食生产、"
                "农村人居环境整治、农民增收等重点工作进展情况，3个镇作了表态发言。会议强调，"
                "要坚决守住不发生规模性返贫底线，持续巩固拓展脱贫攻坚成果，加快建设宜居宜业和美乡村。"]),
            It("高庙镇发展特色产业带动群众增收",
               ["该镇因地制宜发展食用菌、中药材等特色产业，建成标准化大棚320座，带动1200余户群众户均增收8000元。"
                "镇农业服务中心还邀请省农科院专家开展技术培训6期，培训群众460人次。"], "高庙镇"),
            It("区农业农村局抓好春季田间管理",
               ["组织农技人员深入田间地头开展技术指导，全区小麦一类苗占比达到72%，较上年提高4个百分点。"
                "同时储备化肥1.2万吨、农药85吨，保障春耕生产需要。"], "区农业农村局"),
            It("河口村“积分超市”激发乡村治理活力",
               ["该村将环境卫生、孝老爱亲、移风易俗等内容纳入积分管理，村民凭积分到“积分超市”兑换生活用品，"
                "今年以来累计兑换积分3.2万分，参与农户占全村总户数的91%。"], "张集镇河口村"),
            It("区水利局推进农村供水保障工程",
               ["今年计划实施农村供水管网改造工程15处，目前已完工9处，受益人口2.6万人，"
                "农村自来水普及率提高到98.5%。"], "区水利局"),
            It("区乡村振兴局开展防返贫动态监测",
               ["对全区脱贫户、监测户开展全面排查，新识别监测对象37户112人，"
                "已全部落实帮扶措施，风险消除率达到64.9%。"], "区乡村振兴局"),
            It("石桥镇整治农村人居环境",
               ["开展“清垃圾、清杂物、清残垣断壁”行动，清理生活垃圾1.6万吨、拆除残垣断壁430处，"
                "新建“小菜园”“小果园”260个。"], "石桥镇"),
        ],
        DIST_A + ["区委农办秘书科 2023年5月8日印发"],
        office_mode="spaces",
    ),
    Issue(
        "dangjian_gongzuo_xinxi_4", "基层党建工作信息", 4, "中共某某区委组织部", D(2021, 7, 5),
        ["基层党建工作信息", "第 4 期"],
        [
            It("区委组织部开展“七一”走访慰问老党员活动",
               ["6月28日至30日，区委组织部联合各镇（街道）党（工）委走访慰问生活困难党员、老党员和老干部186人，"
                "为52名党龄满50年的老党员颁发“光荣在党50年”纪念章，发放慰问金27.9万元。"]),
            It("城东街道“红色网格”打通服务群众“最后一米”",
               ["该街道将辖区划分为64个网格，每个网格建立1个党小组，选派1名社区干部、1名在职党员担任网格员。"
                "今年以来，网格员累计走访群众1.8万户，解决群众诉求632件，办结率97.3%。"], "城东街道"),
            It("区直机关工委开展“我为群众办实事”实践活动",
               ["组织56个区直机关党组织与68个村（社区）结对共建，确定实事项目213项，目前已完成178项。"],
               "区直机关工委"),
            It("区非公党工委推进“两新”组织党组织覆盖",
               ["新组建非公企业党组织18个、社会组织党组织7个，选派党建指导员42名，"
                "“两新”组织党组织覆盖率达到86.5%。"], "区非公党工委"),
            It("朝阳镇开展“党员积分制”管理",
               ["按照“基础积分+奖励积分-扣减积分”的方式，对全镇1326名农村党员实行量化考评，"
                "评选“先锋党员”120名。"], "朝阳镇"),
        ],
        ["报：市委组织部。", "发：各镇（街道）党（工）委，区直各党（工）委、党组。"],
        office_spacing=6,
    ),
    Issue(
        "wenming_chuangjian_zhuanbao_11", "文明创建专报", 11, "区创建全国文明城市指挥部办公室", D(2023, 10, 16),
        ["文明创建专报", "第11期"],
        [
            It("全区文明城市创建工作推进会召开",
               ["10月13日，全区文明城市创建工作推进会召开，通报第三季度创建工作测评情况，"
                "对12个问题较多的责任单位进行通报。会议要求，要对照测评体系逐项查漏补缺，"
                "做到问题不解决不松劲、整改不到位不销号。"], style="own"),
            It("区教育局开展“文明校园”创建活动",
               ["全区78所中小学开展“文明校园”创建，组织“小手拉大手”文明实践活动320场次，参与学生4.6万人次。"],
               "区教育局"),
            It("解放路街道整治背街小巷“脏乱差”",
               ["对辖区27条背街小巷实施“微改造”，清理卫生死角215处，规范电动车停放点36处，"
                "新增公益广告墙绘2400平方米。"], "解放路街道"),
            It("区文明办组织志愿服务“周末行”活动",
               ["每周六组织志愿者开展文明劝导、环境清洁、交通引导等志愿服务，累计参与志愿者8600人次，"
                "服务时长2.1万小时。"], "区文明办"),
            It("区交警大队规范非机动车通行秩序",
               ["在城区18个主要路口设立文明劝导岗，查处电动车闯红灯、逆行等交通违法行为3260起，"
                "路口文明通行率由76%提升至92%。"], "区交警大队"),
            It("区商务局推进农贸市场标准化改造",
               ["完成5个农贸市场标准化改造，统一设置经营区域、公示牌和电子秤，市场环境明显改善。"], "区商务局"),
            It("区卫健委开展公共场所控烟检查",
               ["检查医院、学校、商场等公共场所164家，督促张贴禁烟标识2100张，对违规吸烟行为劝阻380人次。"],
               "区卫健委"),
            It("北关街道打造“文明楼院”示范点",
               ["以党建引领楼院自治，在15个无物业楼院成立自管小组，评选“文明楼院”8个、“最美家庭”30户。"],
               "北关街道"),
            It("区城管局开展户外广告专项整治",
               ["拆除违规户外广告、破损门头牌匾326块，规范设置店招店牌1150块，实现“一店一招”。"], "区城管局"),
        ],
        ["送：市文明办。", "发：区创建全国文明城市指挥部各成员单位。"],
    ),
    Issue(
        "zhengwu_xinxi_2021_12", "政务信息", 12, "区人民政府办公室", D(2021, 12, 3),
        ["政务信息", "2021年第12期（总第238期）"],
        [
            It("区政府常务会议研究部署冬季大气污染防治工作",
               ["12月1日，区政府召开第27次常务会议，研究部署冬季大气污染防治工作。会议指出，11月份全区PM2.5平均浓度"
                "为56微克/立方米，同比下降8.2%，优良天数比例为63.3%。会议要求，要严格落实重污染天气应急减排措施，"
                "加强扬尘、散煤、机动车尾气等污染源管控，确保完成年度空气质量改善目标。"]),
            It("区生态环境分局开展秋冬季大气污染治理攻坚",
               ["1. 加强工业企业监管。对涉气重点企业开展执法检查126家次，立案查处环境违法行为9起。",
                "2. 强化扬尘污染治理。对全区67个建筑工地落实“六个百分之百”要求，安装扬尘在线监测设备58套。",
                "3. 推进散煤清零。完成清洁取暖改造2860户，全区散煤基本实现清零。"], "区生态环境分局"),
            It("区统计局发布1至10月全区经济运行情况",
               ["1至10月，全区规模以上工业增加值同比增长9.6%，社会消费品零售总额同比增长12.3%，"
                "一般公共预算收入完成18.7亿元，完成年度预算的86.4%。"], "区统计局"),
            It("区民政局提高城乡低保标准",
               ["自2022年1月1日起，城市低保标准由每人每月620元提高到650元，农村低保标准由每人每年5400元"
                "提高到5700元，惠及困难群众1.2万人。"], "区民政局"),
        ],
        DIST_A + ["区政府办公室秘书一科 2021年12月3日印发"],
    ),
    Issue(
        "jiedao_gongzuo_dongtai_9", "街道工作动态", 9, "中共东风路街道工作委员会", D(2022, 8, 22),
        ["街道工作动态", "第9期"],
        [
            It("东风路街道召开上半年工作总结暨下半年工作部署会",
               ["8月19日，街道召开上半年工作总结暨下半年工作部署会。上半年，街道完成固定资产投资6.8亿元，"
                "新增市场主体326户，化解信访积案12件。会议对下半年重点工作作出安排。"]),
            It("建设路社区开展“邻里节”活动",
               ["活动设置才艺展示、便民服务、美食分享等环节，吸引居民800余人参与。"], "建设路社区"),
            It("街道综治中心化解矛盾纠纷57起",
               ["7月份，街道综治中心联合司法所、派出所开展矛盾纠纷排查化解，受理矛盾纠纷63起，化解57起，"
                "化解率90.5%。"], "街道综治中心"),
            It("街道开展防溺水安全教育",
               ["组织网格员在辖区河道、池塘设立警示牌42块，向中小学生家长发放《致家长的一封信》3600份。"],
               "街道平安办"),
            It("幸福里社区为老年人提供助餐服务",
               ["社区“长者食堂”每日为60岁以上老年人提供午餐，80岁以上老人每餐补贴3元，日均就餐120人次。"],
               "幸福里社区"),
            It("街道开展夏季消防安全大检查",
               ["检查“九小场所”286家，发现火灾隐患133处，当场整改118处，对15处隐患下达限期整改通知书。"],
               "街道安监中队"),
            It("街道推进老旧小区加装电梯",
               ["今年已完成加装电梯19部，另有24部正在施工，预计年底前全部投入使用。"], "街道城建办"),
            It("向阳社区开设“四点半课堂”",
               ["利用社区党群服务中心开设“四点半课堂”，招募大学生志愿者16名，为辖区双职工家庭子女提供课后托管。"],
               "向阳社区"),
            It("街道开展“扫黄打非”进基层活动",
               ["清查出版物经营网点21家，收缴非法出版物360余册。"], "街道文化站"),
            It("街道举办退役军人就业专场招聘会",
               ["邀请32家企业提供岗位580个，现场达成就业意向47人。"], "街道退役军人服务站"),
        ],
        ["报：区委办公室、区政府办公室。", "发：各社区党委（党支部），街道各科室。"],
        dist_rule=False,
    ),
    Issue(
        "shichang_jianguan_xinxi_6", "市场监管信息", 6, "区市场监督管理局", D(2023, 3, 15),
        ["市场监管信息", "第6期"],
        [
            It("区市场监管局开展“3·15”国际消费者权益日宣传活动",
               ["3月15日，区市场监管局联合区消费者协会在人民广场开展“3·15”主题宣传活动，设置咨询台12个，"
                "现场受理消费投诉23件，发放宣传资料5000余份。今年以来，全局共受理消费者投诉举报1268件，"
                "为消费者挽回经济损失86.4万元。"], style="own"),
            It("区市场监管局加强校园食品安全监管",
               ["对全区126所学校食堂及校园周边214家食品经营户开展检查，推进“明厨亮灶”建设，"
                "学校食堂“互联网+明厨亮灶”覆盖率达到100%。"], "区市场监管局食品科"),
            It("区市场监管局开展特种设备安全隐患排查",
               ["检查电梯1860台、压力容器420台、气瓶充装单位6家，发现隐患57处，已整改49处。"],
               "区市场监管局特设科"),
            It("区市场监管局查处一起虚假宣传案件",
               ["经查，某商贸公司在微信公众号中宣称其销售的保健食品“可治疗糖尿病”，违反了《中华人民共和国广告法》"
                "相关规定，区市场监管局依法对其罚款5万元。"], "区市场监管局执法大队"),
        ],
        ["送：市市场监管局。", "发：局机关各科室，各市场监管所。"],
        office_mode="spaces",
    ),
    Issue(
        "xinxi_zhuanbao_14", "信息专报", 14, "中共某某区委办公室", D(2022, 11, 30),
        ["信息专报", "第14期"],
        [
            It("关于全区冬季取暖安全工作情况的报告",
               ["入冬以来，我区高度重视冬季取暖安全工作，多措并举保障群众温暖过冬。",
                "一、基本情况",
                "全区集中供热面积达到1860万平方米，覆盖居民小区342个、23.6万户。"
                "截至11月28日，供热投诉受理量为1326件，已办结1289件，办结率97.2%。",
                "二、主要做法",
                "①提前启动供热。根据气温变化，全区供热于11月10日提前5天启动。"
                "②强化燃气保障。与上游供气企业签订供气合同，落实日均供气量42万立方米。"
                "③加强隐患排查。排查供热管网1260公里，更换老旧管网38公里。",
                "三、下一步工作",
                "继续加强供热质量监管，对室温不达标的小区实行“一户一策”整改，确保居民室温不低于18℃。"],
               style="own", subheads=(1, 3, 5)),
        ],
        ["报：市委办公室。", "送：区委、区人大常委会、区政府、区政协领导同志。"],
    ),
    Issue(
        "shequ_xinxi_kuaibao_27", "社区信息快报", 27, "中共长青街道工作委员会办公室", D(2024, 1, 18),
        ["社区信息快报", "第27期"],
        [
            It("长青街道部署春节前安全稳定工作", ["1月16日，街道召开专题会议，部署春节前安全生产、矛盾化解、"
                                                 "市场保供等工作，要求各社区在1月20日前完成一轮全覆盖排查。"]),
            It("长兴社区开展“写春联 送祝福”活动", ["邀请书法爱好者现场书写春联600余副，免费赠送给辖区居民。"],
               "长兴社区"),
            It("绿洲社区为困难群众送温暖", ["走访慰问困难家庭45户，送去米、面、油等生活物资。"], "绿洲社区"),
            It("街道开展燃放烟花爆竹安全宣传", ["张贴禁放通告320份，利用“村村响”广播每日播放安全提示3次。"],
               "街道平安办"),
            It("滨河社区完成1.2公里雨污管网改造", ["改造完成后，小区污水外溢问题得到根本解决，居民满意率达到96%。"],
               "滨河社区"),
            It("街道举办“我们的节日·春节”文艺汇演", ["1月14日，文艺汇演在街道文化广场举行，演出节目18个，"
                                                  "观众1500余人。"], "街道文化站"),
            It("街道开展根治欠薪冬季专项行动", ["排查在建工程项目14个，督促支付农民工工资326万元，涉及农民工215人。"],
               "街道劳动保障所"),
            It("翠竹社区建成“15分钟便民生活圈”", ["新增便民菜店、维修点、家政服务点等服务网点12个。"], "翠竹社区"),
            It("街道完成第五次全国经济普查登记", ["共登记法人单位826个、个体经营户2154户，登记工作按时保质完成。"],
               "街道统计站"),
            It("街道开展冬季消防演练", ["组织各社区微型消防站开展灭火救援演练6场，参演人员180人。"], "街道安监中队"),
            It("光明社区调解邻里纠纷获群众点赞", ["社区“老娘舅”调解室成功调解一起持续3年的邻里漏水纠纷。"],
               "光明社区"),
            It("街道召开2023年度社区书记述职评议会", ["12名社区党组织书记逐一述职，街道党工委对述职情况进行点评。"],
               "街道组织办"),
        ],
        ["报：区委办公室，区政府办公室。", "发：各社区党组织。"],
        dist_rule=False,
    ),
]

# Batch 2: written after the parser changes made on batch 1, measured once at first sight.
BATCH2: list[Issue] = [
    Issue(
        "huanbao_dongtai_5", "生态环境动态", 5, "区生态环境保护委员会办公室", D(2024, 4, 22),
        ["生态环境动态", "第5期"],
        [
            It("我区召开2024年污染防治攻坚战推进会",
               ["4月19日，全区污染防治攻坚战推进会召开。1至3月，全区PM2.5平均浓度为48微克/立方米，同比下降6.1%；"
                "国控断面水质达标率100%。会议要求，要聚焦“蓝天、碧水、净土”三大保卫战，"
                "确保完成年度目标任务。"], style="own"),
            It("区生态环境分局开展“双随机、一公开”执法检查",
               ["一季度抽查排污单位86家，发现问题21个，立案查处环境违法案件7起，罚款金额43.5万元。"],
               "区生态环境分局"),
            It("区河长办开展河湖“清四乱”行动",
               ["对辖区11条河道开展拉网式排查，清理河道垃圾260吨，拆除违法建筑9处，"
                "各级河长累计巡河1860人次。"], "区河长办"),
            It("高新园区推进企业VOCs治理",
               ["督促32家涉VOCs企业安装在线监测设备，完成活性炭更换、废气收集改造等治理项目18个。"],
               "高新园区管委会", label="高新园区管委会供稿"),
            It("区城管局加强建筑垃圾运输管理",
               ["对全区126辆渣土车安装GPS定位和密闭装置，夜间开展联合执法检查12次，查处违规运输车辆23台。"],
               "区城管局", own_line=True),
        ],
        ["报：市生态环境局。", "送：区委、区政府领导。", "发：区生态环境保护委员会各成员单位。"],
    ),
    Issue(
        "pingan_jianshe_xinxi_18", "平安建设信息", 18, "区委政法委员会", D(2023, 9, 11),
        ["平安建设信息", "2023年第18期"],
        [
            It("区委政法委部署“平安守护”百日行动",
               ["9月8日，区委政法委召开会议，部署“平安守护”百日行动。行动自9月10日至12月18日，"
                "重点整治电信网络诈骗、涉黄涉赌、盗抢骗等突出违法犯罪。"]),
            It("区公安分局破获一起电信网络诈骗案",
               ["8月下旬，区公安分局成功破获一起利用虚假投资APP实施诈骗的案件，抓获犯罪嫌疑人6名，"
                "冻结涉案资金320余万元。"], "区公安分局"),
            It("区司法局开展“法律明白人”培训",
               ["培训全区“法律明白人”1260名，实现每个村（社区）不少于5名的目标。"], "区司法局"),
            It("南湖街道创新“网格+警格”联动机制",
               ["将辖区36个网格与4个警务区对接，建立信息共享、联合巡查、矛盾共调机制，"
                "今年以来联合化解矛盾纠纷118起。"], "南湖街道"),
            It("区信访局开展信访积案“清仓见底”专项行动",
               ["梳理信访积案46件，实行“一案一专班”，已化解38件，化解率82.6%。"], "区信访局"),
            It("区法院开展“送法进企业”活动",
               ["走访企业24家，发放《民营企业法律风险防控指南》1500册，解答法律咨询86人次。"], "区法院"),
            It("区检察院开展食品药品安全公益诉讼",
               ["立案办理食品药品安全领域公益诉讼案件9件，督促下架过期食品2300余件。"], "区检察院"),
            It("城西派出所推行“枫桥式”调解",
               ["依托“老杨调解室”开展矛盾调解，8月份调解纠纷34起，调解成功率97%。"], "城西派出所"),
        ],
        ["报：市委政法委。", "发：区平安建设领导小组各成员单位。"],
        dist_rule=False,
    ),
    Issue(
        "jiaoyu_gongzuo_jianbao_2", "教育工作简报", 2, "区教育体育局", D(2024, 3, 4),
        ["教育工作简报", "增刊", "第2期"],
        [
            It("全区教育工作会议召开 部署2024年教育体育重点工作",
               ["3月1日，全区教育工作会议召开。2023年，全区新建、改扩建中小学及幼儿园9所，新增学位5400个，"
                "普惠性幼儿园覆盖率达到91.3%。会议对“双减”工作、校园安全、教师队伍建设等作出部署。"],
               style="own"),
            It("区实验小学开展“阅读润心”读书月活动",
               ["活动期间开展《朝花夕拾》《草房子》等整本书共读、班级读书会、亲子阅读等活动，参与师生2300余人。"],
               "区实验小学"),
            It("区教体局完成春季开学安全检查",
               ["对全区112所学校、幼儿园开展开学前安全检查，排查消防、食品、校舍等隐患63处，已全部整改。"],
               "区教体局"),
            It("区第二中学推进5G智慧课堂建设",
               ["建成5G智慧教室24间，开展线上线下融合教学，课堂互动率提高35%。"], "区第二中学"),
        ],
        ["送：市教育局。", "发：各中小学、幼儿园。"],
        office_mode="spaces",
    ),
    Issue(
        "tuiyi_junren_xinxi_7", "退役军人工作信息", 7, "区退役军人事务局", D(2022, 7, 29),
        ["退役军人工作信息", "第 7 期"],
        [
            It("区退役军人事务局开展“八一”走访慰问",
               ["7月25日至28日，区退役军人事务局联合各镇（街道）走访慰问重点优抚对象、困难退役军人312人，"
                "发放慰问金46.8万元。"]),
            It("区退役军人服务中心举办专场招聘会",
               ["组织58家企业提供岗位1120个，现场达成就业意向96人，其中进入安保、物流等行业的占62%。"],
               "区退役军人服务中心"),
            It("桥南镇建成退役军人之家",
               ["整合镇村资源，建成集政策咨询、就业创业、权益维护于一体的退役军人之家，服务退役军人680余人。"],
               "桥南镇"),
            It("区退役军人事务局开展光荣牌悬挂“回头看”",
               ["对全区8600余户光荣牌悬挂情况进行核查，补挂、更换光荣牌142块。"], "区退役军人事务局优抚科"),
            It("东城街道组织退役军人参与防汛志愿服务",
               ["组建退役军人应急救援队3支，参与防汛巡查、物资转运等志愿服务420人次。"], "东城街道"),
            It("区人武部举办国防教育进校园活动",
               ["为全区15所中学新生开展国防教育讲座，受教育学生6800余人。"], "区人武部"),
        ],
        ["报：市退役军人事务局。", "发：各镇（街道）退役军人服务站。"],
    ),
    Issue(
        "nongye_nongcun_jianbao_33", "农业农村简报", 33, "区农业农村局", D(2023, 6, 9),
        ["农业农村简报", "第33期"],
        [
            It("全区“三夏”生产进展顺利",
               ["截至6月8日，全区已收获小麦38.6万亩，占种植面积的92%；夏播玉米、大豆等作物21.4万亩。"
                "全区投入联合收割机1260台，机收率达到99%以上。"]),
            It("区农机中心开展跨区作业服务",
               ["设立跨区机收服务站6个，为外来农机手提供信息、加油、维修等服务，服务农机1800余台次。"],
               "区农机中心"),
            It("区气象局做好“三夏”气象服务",
               ["发布专题气象服务材料12期，通过短信、微信向种粮大户推送天气预警信息3.6万条。"], "区气象局"),
            It("王庄镇开展秸秆禁烧巡查",
               ["组建巡查队伍26支、400余人，实行24小时不间断巡查，确保全镇“零火点”。"], "王庄镇"),
            It("区粮食和储备局启动小麦最低收购价执行预案",
               ["在全区设立收购库点8个，已收购小麦2.3万吨，收购价格每斤1.18元。"], "区粮食和储备局"),
            It("区农业农村局开展农资市场专项检查",
               ["检查农资经营门店146家，抽检种子、农药、化肥样品52个，立案查处违法案件4起。"], "区农业农村局"),
            It("柳河镇推广“无人机飞防”技术",
               ["组织植保无人机32架，完成玉米病虫害统防统治5.2万亩，作业效率较人工提高30倍。"], "柳河镇"),
            It("区供销社开展化肥保供稳价行动",
               ["储备各类化肥1.8万吨，向种粮农户平价供应，每吨较市场价低80元至120元。"], "区供销社"),
            It("区水利局做好抗旱浇灌服务",
               ["开放机井4600眼，启动提灌站12座，累计浇灌农田9.8万亩。"], "区水利局"),
        ],
        ["报：市农业农村局。", "送：区委、区政府分管领导。", "发：各镇农业服务中心。"],
        dist_rule=False,
    ),
    Issue(
        "zhengfu_gongzuo_dongtai_41", "政府工作动态", 41, "区人民政府办公室", D(2024, 11, 6),
        ["政府工作动态", "第41期（总第512期）"],
        [
            It("区政府召开前三季度经济形势分析会",
               ["11月4日，区政府召开前三季度经济形势分析会。前三季度，全区地区生产总值完成286.4亿元，"
                "同比增长6.3%；固定资产投资同比增长8.7%；社会消费品零售总额同比增长5.9%。",
                "会议强调，要锚定全年目标，抓好四季度项目建设、消费提振和安全稳定工作，"
                "确保实现全年经济社会发展目标任务。"]),
            It("区商务局举办“金秋消费季”活动",
               ["联合全区86家商超、餐饮企业开展促销活动，发放消费券500万元，带动消费2.1亿元，拉动比达到1∶42。"],
               "区商务局"),
            It("区住建局推进城中村改造",
               ["今年计划改造城中村4个，已完成征收签约3260户，签约率96.5%，安置房开工面积18万平方米。"],
               "区住建局"),
            It("区医保局推进医保服务“15分钟服务圈”建设",
               ["在全区142个村（社区）设立医保服务点，可办理参保登记、异地就医备案等高频事项21项。"],
               "区医保局"),
            It("区数据局上线“一码通办”平台",
               ["群众通过扫描“一码通办”二维码即可办理社保查询、公积金提取等事项56项，上线以来累计使用12.6万次。"],
               "区数据局"),
        ],
        ["报：市政府办公室。", "送：区委、区人大常委会、区政协办公室。",
         "发：各镇人民政府、街道办事处，区政府各部门。"],
    ),
]

BATCHES = {1: (BATCH1, "heldout", 20260101), 2: (BATCH2, "heldout2", 20260202)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1, choices=sorted(BATCHES))
    args = parser.parse_args()
    issues, folder, seed = BATCHES[args.batch]
    out = HERE / folder
    out.mkdir(exist_ok=True)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bulletin-heldout-") as tmp:
        workdir = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp} | _fontconfig(workdir)
        docs = []
        for issue in issues:
            docx_path = workdir / f"{issue.name}.docx"
            layout = build(issue, rng, docx_path)
            docs.append((issue, docx_path, layout))
        for issue, docx_path, layout in docs:
            text = pdftotext(docx_to_pdf(docx_path, workdir, env))
            (out / f"{issue.name}.txt").write_text(text, encoding="utf-8")
            (out / f"{issue.name}.expected.json").write_text(
                json.dumps(truth(issue), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"{issue.name}: {len(issue.items)} items, {text.count(chr(12))} pages, {layout}")


if __name__ == "__main__":
    main()
