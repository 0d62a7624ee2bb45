"""Build the importer's test corpus: bulletins typeset by real office software, then extracted by pdftotext.

Each bulletin below is written as the truth (series, number, office, date, items, distribution), typeset
as DOCX with python-docx and converted to PDF with LibreOffice, or typeset as HTML and printed to PDF with
WeasyPrint, and then extracted with ``pdftotext -enc UTF-8`` exactly as the importer will meet real issues.
The script writes ``<name>.txt`` (the extracted text) and ``<name>.expected.json`` (the truth) next to itself.
Bodies are paragraphs joined by a newline; the expected JSON also lists the distribution block.

The corpus grew in three batches.  The parser was tuned on the first; the second and third were written and
extracted before the parser saw them and measured once as held-out sets (26/31 and 31/33 items exact at
first sight) before their failures were studied and fixed.  ``--seed-variants`` writes two synthetic texts
(the seed's true content re-set at other widths and page breaks, not real pdftotext output) and
``--pdf-samples`` the small real PDFs used by the tests of ``extract_pdf_text``.

Needs (only to regenerate the fixtures; the tests read the committed .txt/.json files):
LibreOffice (``apt-get install libreoffice-writer-nogui``), poppler-utils, fonts-noto-cjk, optionally the
Fandol OTFs in ``var/fonts``.  Run from the repository root::

    .venv/bin/python jiceng/bulletin/tests/data/make_corpus.py [--keep-pdf DIR]
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
FANDOL_DIR = REPO / "var" / "fonts"


@dataclass
class Item:
    """One item as printed: headline, body paragraphs, source unit and how the headline is set."""

    headline: str
    paragraphs: list[str]
    source: str | None = None
    style: str = "run"  # "run": bold lead sentence opening the paragraph; "own": its own centred paragraph
    separator: str = " "  # between a run headline and the body
    source_own_line: bool = False  # the source as a right-aligned paragraph of its own
    subheads: tuple[int, ...] = ()  # indexes of paragraphs printed as bold subheadings
    source_label: str | None = None  # the source as printed, when it says more than the unit (供稿：…)


@dataclass
class Bulletin:
    """One issue and how its masthead, fonts and pages are set."""

    name: str
    series: str
    number: int
    office: str
    date: datetime.date
    items: list[Item]
    masthead: list[str]  # masthead lines as printed, top to bottom (first is the series name)
    office_date_line: str | None = None  # index into masthead handled by the renderer, see below
    producer: str = "libreoffice"
    body_font: str = "FandolFang"
    head_font: str = "FandolHei"
    mast_font: str = "FandolSong"
    line_spacing: float | None = 28.95  # exact points; None: 1.5 lines
    page_marker: str = "— {} —"
    office_letter_spacing: float = 0  # points of extra spacing between the office's characters
    office_date_mode: str = "tab"  # "tab": one line with a right tab; "spaces"; "two_lines"; "date_first"
    distribution: list[str] = field(default_factory=list)
    date_text: str | None = None  # the date as printed, when not 2020年6月8日 style
    body_size: float = 16
    side_margins_mm: tuple[float, float] = (28, 26)
    header: str | None = None  # running header printed on every page
    first_line_indent: bool = True
    indent_with_spaces: bool = False  # WPS habit: two full-width spaces typed at the start of each paragraph
    toc: bool = False  # a 本期要目 list of the headlines after the masthead
    editor_note: str | None = None  # an 编者按 paragraph before the first item
    sections: dict[int, str] = field(default_factory=dict)  # section headings (【工作动态】) before item n
    line_height: float = 28.95  # WeasyPrint line height in points


# ---------------------------------------------------------------------------------------------------------------------
# The corpus.  Bodies are the truth: no stray spaces, real spaces only between phrases of titles, inside quotes
# and between Latin words.
# ---------------------------------------------------------------------------------------------------------------------

DIST_SHANGJIE = [
    "报：市委办公厅，市委政研室。",
    "送：区委各位常委，区人大常委会、区政府、区政协主要领导。",
    "发：各乡镇党委、街道党工委，区直各单位。",
]

BULLETINS: list[Bulletin] = [
    Bulletin(
        name="shangjie_xinxi_45",
        series="上街信息",
        number=45,
        office="中共上街区委办公室",
        date=datetime.date(2020, 6, 15),
        masthead=["上街信息", "第 45 期"],
        office_letter_spacing=8,
        office_date_mode="spaces",
        items=[
            Item(
                "凝心聚力抓党建 砥砺奋进促发展 上街区召开基层党建工作推进会",
                [
                    "6月12日，我区召开基层党建工作推进会，总结今年以来全区基层党建工作，安排部署下一阶段重点任务。"
                    "区委常委、组织部部长王建国出席会议并讲话。会议通报了1至5月全区基层党建重点任务推进情况，"
                    "峡窝镇、工业路街道、区市场监管局等3个单位作了交流发言。会议指出，今年以来，全区各级党组织"
                    "围绕“党建引领基层治理”这一主线，深入开展“五星支部”创建活动，累计整顿软弱涣散党组织12个，"
                    "发展党员96名，全区党员参与疫情防控志愿服务达1.2万人次。会议要求，各级党组织要对照年度目标"
                    "查漏补缺，紧盯“两新”组织党建、城市基层党建等薄弱环节，以钉钉子精神抓好各项任务落实，"
                    "确保全年目标任务圆满完成。"
                ],
            ),
            Item(
                "工业路街道“五个一”工作法推进老旧小区改造",
                [
                    "一是建立一本台账。对辖区23个老旧小区逐一摸底，建立问题、任务、责任“三张清单”。"
                    "二是成立一个专班。抽调城建、综治等科室骨干8人组成改造专班，实行周例会制度。"
                    "三是开通一条热线。设立改造意见征集热线，收集居民意见建议156条，采纳132条。"
                    "四是公开一张图表。在小区显著位置张贴施工进度图，接受群众监督。"
                    "五是组织一次回访。改造完成后逐户回访，居民满意率达98%。"
                ],
                source="工业路街道",
            ),
            Item(
                "峡窝镇“三个到位”做好防汛准备",
                [
                    "入汛以来，峡窝镇坚持早谋划、早部署、早落实。思想认识到位，召开防汛工作专题会议2次，"
                    "层层签订目标责任书。隐患排查到位，组织人员对辖区7座小型水库、12处地质灾害隐患点开展拉网式排查，"
                    "发现问题5处，已全部整改。物资储备到位，储备编织袋3000条、救生衣200件、抽水泵6台，组建"
                    "50人的应急抢险队伍，确保汛期安全。"
                ],
                source="峡窝镇",
            ),
            Item(
                "区市场监管局开展夜市食品安全专项检查",
                [
                    "为保障夜间经济健康发展，区市场监管局于6月8日至12日对全区5个夜市开展食品安全专项检查。"
                    "检查人员重点查看摊贩健康证明、食品原料来源及餐具消毒情况，共检查摊点213个，现场督促整改问题"
                    "37处，下达责任改正通知书9份。同时通过“i上街”APP发布食品安全消费提示，引导群众理性消费。"
                ],
                source="区市场监管局",
            ),
            Item(
                "济源路街道 “红色物业”让小区治理有温度",
                [
                    "今年以来，济源路街道在8个小区试点“红色物业”，推动社区党组织、业主委员会、物业服务企业"
                    "“三方联动”。通过开展“物业服务开放日”“楼栋长议事会”等活动，化解物业纠纷41起，小区物业费"
                    "收缴率由65%提高到89%。"
                ],
                source="济源路街道",
            ),
        ],
        distribution=DIST_SHANGJIE + ["中共上街区委办公室 2020年6月15日印发"],
    ),
    Bulletin(
        name="gaoxin_gongzuo_jianbao_12",
        series="高新区工作简报",
        number=12,
        office="郑州高新区党工委办公室",
        date=datetime.date(2021, 4, 20),
        masthead=["高新区工作简报", "第12期（总第156期）"],
        office_date_mode="two_lines",
        body_font="Noto Serif CJK SC",
        head_font="Noto Sans CJK SC",
        page_marker="- {} -",
        items=[
            Item(
                "高新区召开2021年一季度经济运行分析会",
                [
                    "4月16日，高新区召开2021年一季度经济运行分析会，通报一季度主要经济指标完成情况，"
                    "分析研判当前经济形势，安排部署二季度重点工作。",
                    "会议指出，一季度全区经济运行实现“开门红”，地区生产总值同比增长15.6%，规模以上工业增加值"
                    "同比增长21.3%，固定资产投资同比增长18.2%，主要指标增速均高于全市平均水平。",
                    "会议要求，各部门要坚持目标导向，紧盯全年任务，抓项目、促投资、稳增长，确保上半年实现"
                    "“双过半”。要加快推进5G基站、数据中心等新型基础设施建设，力争二季度新开工项目20个以上。",
                ],
                style="own",
            ),
            Item(
                "创新服务模式 优化营商环境 高新区推行企业开办“一日办结”改革",
                [
                    "高新区将企业设立登记、公章刻制、发票申领、社保登记等事项整合为“一件事”，企业开办时间"
                    "由3个工作日压缩至1个工作日以内，开办费用全部由政府承担。改革实施以来，已有1268家企业享受"
                    "“一日办结”服务。"
                ],
                source="高新区市场监管局",
                style="own",
            ),
            Item(
                "石佛办事处开展“我为群众办实事”实践活动",
                [
                    "石佛办事处聚焦群众“急难愁盼”问题，梳理形成民生实事清单18项，明确责任领导和完成时限。"
                    "截至目前，已完成老旧管网改造3.2公里，新增停车位460个，解决群众诉求215件。"
                ],
                source="石佛办事处",
                style="own",
                source_own_line=True,
            ),
            Item(
                "高新区科技局组织企业参加中国（郑州）国际创新创业大赛",
                [
                    "4月上旬，区科技局组织辖区42家科技型企业参加第五届中国（郑州）国际创新创业大赛，"
                    "其中8家企业进入复赛。区科技局邀请专家开展路演辅导4场，帮助企业完善商业计划书。"
                ],
                source="区科技局",
                style="own",
            ),
            Item(
                "枫杨办事处多措并举推进垃圾分类",
                [
                    "枫杨办事处在辖区12个小区推行“定时定点”投放，设置智能回收设备36台，"
                    "组织志愿者开展桶边督导，居民垃圾分类知晓率达95%以上。"
                ],
                source="枫杨办事处",
                style="own",
            ),
            Item(
                "沟赵办事处扎实开展安全生产大排查大整治",
                [
                    "沟赵办事处成立5个督查组，对辖区“九小场所”、出租房屋、建筑工地开展拉网式排查，"
                    "共排查场所648家，发现隐患153处，已整改147处，其余6处限期整改。"
                ],
                source="沟赵办事处",
                style="own",
            ),
        ],
        distribution=[
            "报：市委办公厅，市政府办公厅。",
            "送：党工委、管委会领导。",
            "发：各办事处，区直各部门。",
            "郑州高新区党工委办公室 2021年4月20日印发",
            "（共印60份）",
        ],
    ),
    Bulletin(
        name="zhengwu_xinxi_zengkan_2",
        series="政务信息",
        number=2,
        office="上街区人民政府办公室",
        date=datetime.date(2020, 12, 8),
        masthead=["政务信息", "增刊", "第2期"],
        office_date_mode="tab",
        date_text="二〇二〇年十二月八日",
        items=[
            Item(
                "区政府召开冬季清洁取暖工作推进会",
                [
                    "12月3日，区政府召开冬季清洁取暖工作推进会。会议要求，各乡镇、街道要对照“双替代”任务清单，"
                    "倒排工期、挂图作战，确保12月20日前完成1860户改造任务，让群众温暖过冬。"
                ],
                source="区发展改革委",
                separator="\u3000",
            ),
            Item(
                "区人社局举办线上招聘月活动",
                [
                    "区人社局联合辖区重点企业举办线上招聘月活动，通过微信公众号、“郑州人社”APP等平台发布"
                    "岗位信息2350个，达成就业意向516人。"
                ],
                separator="\u3000",
            ),
            Item(
                "区城管局全力做好降雪应对准备",
                [
                    "区城管局提前储备融雪剂120吨、防滑草垫2000平方米，组建8支共240人的扫雪除冰突击队，"
                    "对主次干道、桥梁坡道等重点路段实行24小时巡查，确保道路安全畅通。"
                ],
                source="区城管局",
                separator="\u3000",
            ),
        ],
        distribution=[],
    ),
    Bulletin(
        name="gongzuo_dongtai_2021_7",
        series="工作动态",
        number=7,
        office="中共峡窝镇委员会办公室",
        date=datetime.date(2021, 3, 15),
        masthead=["工作动态", "2021年第7期"],
        office_date_mode="spaces",
        date_text="2021.3.15",
        page_marker="－{}－",
        body_font="FandolSong",
        items=[
            Item(
                "峡窝镇召开2021年度目标责任书签订大会",
                [
                    "3月10日，峡窝镇召开2021年度目标责任书签订大会，镇党委书记与各村、各站所负责人签订目标"
                    "责任书26份，涵盖经济发展、乡村振兴、安全生产等8个方面。"
                ],
                source="党政办",
            ),
            Item(
                "镇纪委开展节后“收心”专项督查",
                ["镇纪委成立3个督查组，采取“四不两直”方式对机关各站所、各村开展督查，发现问题4个，当场反馈整改。"],
                source="镇纪委",
            ),
            Item(
                "马固村5G智慧农业示范园建成投用",
                [
                    "马固村投资380万元建设的5G智慧农业示范园近日建成投用，园区通过物联网传感器实时监测温度、"
                    "湿度和土壤墒情，农户用手机APP即可远程控制灌溉，每亩节水30%以上，人工成本降低40%。"
                ],
                source="马固村",
            ),
            Item(
                "镇综治中心化解矛盾纠纷成效明显",
                [
                    "1至2月，镇综治中心共受理矛盾纠纷47起，调解成功45起，调解成功率95.7%，"
                    "未发生一起“民转刑”案件。"
                ],
                source="镇政法委（综治中心）",
            ),
            Item(
                "镇卫生院开展“三八”妇女节义诊活动",
                ["3月8日，镇卫生院组织医护人员12名深入4个村开展义诊，为妇女群众免费测量血压、血糖，发放健康手册500余份。"],
                source="镇卫生院 镇妇联",
            ),
            Item(
                "安全生产检查实现“全覆盖”",
                [
                    "峡窝镇对辖区83家企业开展节后复工安全生产检查，重点检查消防通道、用电安全和危化品储存，"
                    "发现隐患29处，已整改26处。"
                ],
                source="镇安监站",
            ),
            Item(
                "峡窝镇启动春季植树造林工作",
                ["峡窝镇计划今春完成造林面积1200亩，新植苗木3.5万株，目前已完成任务的60%。"],
                source="镇农业服务中心",
            ),
            Item(
                "镇文化站举办“我们的节日·元宵”系列活动",
                [
                    "镇文化站在元宵节期间组织猜灯谜、舞龙舞狮、书法进村等活动6场，吸引群众2000余人次参与，"
                    "营造了欢乐祥和的节日氛围。"
                ],
                source="镇文化站",
            ),
            Item(
                "镇财政所完成2020年度村级财务审计",
                ["镇财政所联合第三方审计机构对16个行政村2020年度财务收支进行审计，提出整改意见38条。"],
                source="镇财政所",
            ),
            Item(
                "峡窝镇“Wi-Fi全覆盖”惠及山区群众",
                ["今年以来，峡窝镇在7个山区村新建Wi-Fi热点42个，实现行政村公共区域无线网络全覆盖。"],
                source="镇党政办 镇电信所",
            ),
        ],
        distribution=["报：区委办公室，区政府办公室。", "发：各村（社区），镇直各单位。"],
    ),
    Bulletin(
        name="jiedao_xinxi_3",
        series="济源路街道信息",
        number=3,
        office="济源路街道党工委办公室",
        date=datetime.date(2022, 3, 1),
        masthead=["济源路街道信息", "第三期"],
        office_date_mode="spaces",
        items=[
            Item(
                "济源路街道召开2022年工作会议",
                [
                    "2月25日，济源路街道召开2022年工作会议，总结2021年工作，安排部署2022年重点任务。",
                    "一、坚持党建引领，夯实基层基础",
                    "全面推行“街道大工委、社区大党委”制度，推动辖区32家驻区单位与社区结对共建，"
                    "年内建成标准化党群服务中心5个。",
                    "二、聚焦民生实事，提升群众获得感",
                    "实施老旧小区改造12个，新增养老服务床位150张，新建口袋公园3个，让群众生活更加便利舒适。",
                    "三、强化安全稳定，守牢发展底线",
                    "持续开展矛盾纠纷排查化解，深化“平安社区”创建，确保辖区社会大局和谐稳定。",
                ],
                style="own",
                subheads=(1, 3, 5),
            ),
            Item(
                "金华社区开展“邻里节”活动",
                ["2月26日，金华社区举办首届“邻里节”，组织百家宴、才艺展示等活动，300余名居民参与，拉近了邻里距离。"],
                source="金华社区",
            ),
            Item(
                "街道综合执法中队整治占道经营",
                [
                    "街道综合执法中队对辖区主次干道开展占道经营专项整治，规范流动摊点86处，清理乱堆乱放"
                    "杂物40余车，市容环境明显改善。"
                ],
                source="街道综合执法中队",
            ),
        ],
        distribution=["送：区委办公室，区政府办公室。", "发：各社区，街道各科室。"],
    ),
    Bulletin(
        name="chuangwen_zhuanbao_5",
        series="创文专报",
        number=5,
        office="上街区创建全国文明城市指挥部办公室",
        date=datetime.date(2020, 9, 30),
        masthead=["创文专报", "第 5 期"],
        office_date_mode="tab",
        body_font="FandolFang",
        head_font="FandolHei",
        items=[
            Item(
                "全区创建全国文明城市工作推进会暨城市精细化管理现场观摩活动举行",
                [
                    "9月28日，全区创建全国文明城市工作推进会暨城市精细化管理现场观摩活动举行。"
                    "区委书记、区创文指挥部指挥长出席并讲话，区四大班子有关领导参加活动。",
                    "观摩组先后来到中心路“一路一景”改造提升工程、新安路农贸市场、五云山社区新时代文明实践站、"
                    "登封路背街小巷等8个点位，现场察看创文工作进展情况。在新安路农贸市场，观摩组详细了解市场"
                    "功能分区、食品安全追溯和公益广告设置情况；在五云山社区，观摩组与志愿者亲切交流，"
                    "了解“点单、派单、接单、评单”志愿服务模式运行情况。",
                    "会议指出，今年以来，全区上下坚持以创建全国文明城市为统领，完成背街小巷改造56条，"
                    "新增停车泊位3200个，设置公益广告1.6万平方米，城市面貌发生了明显变化，群众满意度"
                    "持续提升。但对照《全国文明城市测评体系（2020年版）》，我区在农贸市场管理、"
                    "老旧小区环境、交通秩序等方面仍有差距，必须以更大力度补齐短板。",
                    "会议要求，一要强化责任担当，各牵头单位主要负责同志要亲自抓、带头干，对照测评点位逐一过堂，"
                    "做到问题不清零不放过；二要突出问题导向，聚焦群众反映强烈的突出问题，集中力量开展专项整治，"
                    "确保10月底前全面完成整改；三要坚持常态长效，健全网格化管理、督查通报、考核问责等机制，"
                    "推动创文工作由“突击式”向“常态化”转变；四要广泛发动群众，深入开展“文明交通”“文明餐桌”"
                    "“文明旅游”等主题实践活动，引导市民群众做文明创建的参与者、推动者和受益者，"
                    "以优异成绩迎接年度测评。",
                ],
                style="own",
            ),
            Item(
                "区城管局“绣花功夫”提升城市颜值",
                [
                    "区城管局对主次干道实行“以克论净”考核，道路机扫率达100%，清理“牛皮癣”小广告1.3万处，"
                    "规范店外经营320家，城市环境卫生明显改善。"
                ],
                source="区城管局",
            ),
        ],
        distribution=[
            "抄送：市文明办。",
            "发：区创文指挥部各成员单位，各乡镇、街道。",
            "共印50份",
        ],
    ),
    Bulletin(
        name="minsheng_kuaibao_18",
        series="民生快报",
        number=18,
        office="上街区民生实事工作领导小组办公室",
        date=datetime.date(2021, 7, 9),
        masthead=["民生快报", "第18期"],
        office_date_mode="spaces",
        body_font="FandolKai",
        items=[
            Item(
                "夜市经济为何这么火？",
                [
                    "7月以来，上街区5个特色夜市日均客流超过2万人次。究其原因，一是业态丰富，餐饮、文创、"
                    "非遗展示等摊位达460个；二是管理规范，实行“一摊一码”，群众扫码即可查看摊主信息和评价。"
                ],
                source="区商务局",
            ),
            Item(
                "工业路街道：三项举措守护“一老一小”",
                [
                    "工业路街道为辖区860名独居老人安装智能烟感和紧急呼叫设备，开办“四点半课堂”4个，"
                    "暑期托管学生320名，组织“银龄志愿者”结对帮扶留守儿童56名。"
                ],
                source="工业路街道 李静",
            ),
            Item(
                "区医保局：异地就医直接结算再提速",
                [
                    "区医保局在全区12家定点医疗机构开通跨省异地就医门诊费用直接结算，上半年累计结算"
                    "3150人次，为群众减少垫资680万元。"
                ],
                source="区医保局",
            ),
            Item(
                "区教育局“双减”政策宣讲进社区",
                [
                    "区教育局组织36名骨干教师深入社区开展“双减”政策宣讲18场，"
                    "解答家长关心的作业管理、课后服务等问题200余个。"
                ],
                source="区教育局",
            ),
            Item(
                "峡窝镇建成乡村“幸福食堂”6个",
                [
                    "峡窝镇依托村级党群服务中心建成“幸福食堂”6个，为70岁以上老人提供每餐3元的爱心午餐，"
                    "日均就餐老人230人。"
                ],
                source="峡窝镇",
            ),
        ],
        distribution=["报：区委、区人大、区政府、区政协领导。", "发：区民生实事工作领导小组各成员单位。"],
    ),
    Bulletin(
        name="shequ_dongtai_30",
        series="社区动态",
        number=30,
        office="工业路街道办事处",
        date=datetime.date(2022, 11, 30),
        masthead=["社区动态", "第30期"],
        office_letter_spacing=9,
        office_date_mode="tab",
        line_spacing=None,
        items=[
            Item(
                "工业路街道开展冬季消防安全宣传月活动",
                [
                    "11月9日，工业路街道启动冬季消防安全宣传月活动，组织消防车进社区、灭火器使用教学等活动，"
                    "发放宣传资料3000余份。"
                ],
                source="街道应急办",
                style="own",
            ),
            Item(
                "金屏社区“老杨议事厅”解决停车难题",
                [
                    "金屏社区依托“老杨议事厅”召开居民议事会3次，推动辖区单位错时开放停车位85个，"
                    "有效缓解了小区停车难问题。"
                ],
                source="金屏社区",
            ),
            Item(
                "中心路社区举办防范电信网络诈骗讲座",
                ["中心路社区邀请派出所民警为60余名老年居民讲解常见诈骗手段，现场指导安装“国家反诈中心”APP。"],
                source="中心路社区",
            ),
            Item(
                "新安社区为困难群众送去冬日温暖",
                ["新安社区联合爱心企业为辖区42户困难家庭送去棉被、米面油等物资，价值1.5万元。"],
                source="新安社区",
                style="own",
            ),
            Item(
                "街道“红马甲”志愿者开展垃圾分类入户宣传",
                ["街道组织“红马甲”志愿者120人次开展垃圾分类入户宣传，覆盖居民2600户。"],
                source="街道城建办",
            ),
            Item(
                "五云山社区完成2栋老楼加装电梯",
                [
                    "五云山社区通过“居民议、社区帮、政府补”的方式，完成2栋老楼加装电梯，"
                    "惠及居民48户，每户出资约2.6万元。"
                ],
                source="五云山社区",
            ),
            Item(
                "登封路社区开展“党员亮身份”活动",
                ["登封路社区组织在职党员到社区报到，认领“微心愿”73个，开展志愿服务19次。"],
                source="登封路社区",
                style="own",
            ),
            Item(
                "街道开展燃气安全专项检查",
                ["街道联合燃气公司对辖区86家餐饮门店开展燃气安全检查，督促安装燃气报警器21台。"],
                source="街道应急办 街道市场监管所",
            ),
        ],
        distribution=["发：各社区，街道各科室。"],
    ),
    Bulletin(
        name="weasy_shangjie_xinxi_9",
        series="上街信息",
        number=9,
        office="中共上街区委办公室",
        date=datetime.date(2023, 2, 17),
        masthead=["上街信息", "第 9 期"],
        producer="weasyprint",
        office_letter_spacing=0.5,
        items=[
            Item(
                "上街区召开优化营商环境工作会议",
                [
                    "2月15日，上街区召开优化营商环境工作会议。会议指出，去年全区新增市场主体4826户，"
                    "“万人助万企”活动解决企业问题312个。会议要求，今年要全面推行“一网通办”，"
                    "政务服务事项网上可办率达到98%以上。"
                ],
            ),
            Item(
                "区住建局加快保交楼项目建设",
                [
                    "区住建局对全区9个保交楼项目实行“一楼一策”，派驻专班现场办公，目前已交付住房1350套。"
                ],
                source="区住建局",
            ),
            Item(
                "区文化广电和旅游局举办“非遗过大年”展演",
                [
                    "春节期间，区文化广电和旅游局举办“非遗过大年”展演活动12场，"
                    "线上线下参与群众超过15万人次。"
                ],
                source="区文化广电和旅游局",
            ),
            Item(
                "峡窝镇推动樱桃产业提质增效",
                [
                    "峡窝镇引进优质樱桃品种6个，建设标准化示范园300亩，"
                    "通过“合作社+农户”模式带动142户群众增收。"
                ],
                source="峡窝镇",
            ),
        ],
        distribution=DIST_SHANGJIE,
    ),
    Bulletin(
        name="weasy_anquan_jianbao_4",
        series="安全生产简报",
        number=4,
        office="上街区安全生产委员会办公室",
        date=datetime.date(2023, 1, 5),
        masthead=["安全生产简报", "第4期"],
        producer="weasyprint",
        page_marker="- {} -",
        items=[
            Item(
                "区安委办部署岁末年初安全防范工作",
                [
                    "1月3日，区安委办召开岁末年初安全防范工作部署会，要求各单位严格落实24小时值班和领导带班制度，"
                    "紧盯道路交通、燃气、消防等重点领域，坚决防范遏制各类事故发生。"
                ],
                style="own",
            ),
            Item(
                "区应急管理局开展危化品企业“体检式”检查",
                [
                    "区应急管理局聘请5名行业专家，对辖区14家危化品企业开展“体检式”检查，"
                    "发现问题隐患67项，已督促企业制定整改方案。"
                ],
                source="区应急管理局",
                style="own",
            ),
            Item(
                "区消防救援大队组织高层建筑灭火救援演练",
                [
                    "区消防救援大队联合物业公司在中心路某高层住宅开展灭火救援演练，"
                    "检验了“高低结合、内外结合”的战术打法。"
                ],
                source="区消防救援大队",
                style="own",
            ),
            Item(
                "区交通运输局强化春运安全保障",
                [
                    "区交通运输局对辖区客运车辆开展安全检查，检查车辆76台次，"
                    "督促整改安全隐患11处，确保春运期间道路运输安全平稳。"
                ],
                source="区交通运输局",
                style="own",
            ),
        ],
        distribution=["报：区政府领导。", "发：区安委会各成员单位。"],
    ),
    Bulletin(
        name="xiangcun_zhenxing_xinxi_6",
        series="乡村振兴信息",
        number=6,
        office="上街区乡村振兴局",
        date=datetime.date(2021, 10, 22),
        masthead=["乡村振兴信息", "第6期"],
        office_date_mode="two_lines",
        items=[
            Item(
                "上街区举办乡村振兴专题培训班",
                [
                    "10月18日至20日，上街区举办乡村振兴专题培训班，邀请省农科院专家围绕乡村产业发展、"
                    "农村人居环境整治等内容授课，全区村（社区）党组织书记60余人参加培训。"
                ],
                style="own",
            ),
            Item(
                "峡窝镇打造“一村一品”特色产业",
                [
                    "峡窝镇立足资源禀赋，发展樱桃、石榴、小杂粮等特色种植，形成“一村一品”产业格局，"
                    "今年村集体经济收入全部超过10万元。"
                ],
                style="own",
            ),
            Item(
                "区农业农村局完成秋粮收购准备",
                ["区农业农村局协调粮食收储企业3家，备足仓容1.2万吨，确保秋粮应收尽收。"],
                style="own",
            ),
            Item(
                "马固村人居环境整治见成效",
                [
                    "马固村开展“清洁家园”行动，拆除残垣断壁38处，新建小游园2个，"
                    "村容村貌焕然一新，入选全市“美丽乡村”示范村。"
                ],
                style="own",
            ),
        ],
        distribution=[],
    ),
    Bulletin(
        name="dangjian_tongxun_11",
        series="党建通讯",
        number=11,
        office="中共上街区委组织部",
        date=datetime.date(2021, 6, 28),
        masthead=["党建通讯", "第11期（总第88期）"],
        office_date_mode="tab",
        head_font="FandolHei",
        items=[
            Item(
                "学党史 悟思想 办实事 开新局 全区党史学习教育“我为群众办实事”实践活动扎实推进",
                [
                    "党史学习教育开展以来，全区各级党组织把“我为群众办实事”作为重要抓手，"
                    "累计梳理民生实事项目326项，已完成281项，完成率86.2%。",
                    "区委组织部建立“月调度、季通报”工作机制，对进度滞后的项目及时督促，"
                    "推动实践活动取得实效。",
                ],
            ),
            Item(
                "庆祝中国共产党成立100周年“光荣在党50年”纪念章颁发仪式举行",
                [
                    "6月25日，我区举行“光荣在党50年”纪念章颁发仪式，为全区312名党龄达到50周年的老党员"
                    "颁发纪念章。"
                ],
                source="区委组织部",
            ),
            Item(
                "区委组织部开展新任村（社区）“两委”干部培训",
                ["区委组织部分3期对新任村（社区）“两委”干部180人进行集中培训，提升履职能力。"],
                source="区委组织部（区委党校）",
            ),
            Item(
                "工业路街道建强“红色网格”",
                [
                    "工业路街道将辖区划分为86个网格，选派党员担任网格长，建立“网格长—楼栋长—党员中心户”"
                    "三级联动机制，累计解决群众诉求540件。"
                ],
                source="工业路街道",
            ),
            Item(
                "峡窝镇“党建+产业”带动群众增收",
                ["峡窝镇成立产业党支部4个，带动发展樱桃、核桃等特色产业2.3万亩，年增收1600万元。"],
                source="峡窝镇",
            ),
            Item(
                "济源路街道开展“两新”组织党建“双覆盖”攻坚",
                ["济源路街道新组建“两新”组织党组织9个，选派党建指导员27名，实现应建尽建。"],
                source="济源路街道",
            ),
            Item(
                "区市场监管局打造“小个专”党建示范街区",
                ["区市场监管局在中心路打造“小个专”党建示范街区，吸纳个体工商户党员43名，开展诚信经营承诺活动。"],
                source="区市场监管局 区个私协会",
            ),
        ],
        distribution=["报：市委组织部。", "送：区委各位常委。", "发：各乡镇、街道党（工）委，区直各单位党组织。"],
    ),
]


# A second batch, written and generated after the parser was tuned on the first: its first measurement is the
# held-out figure quoted in the report.  Running headers, 14 pt body text, unindented paragraphs, narrow text
# blocks, bracketed subheadings, a masthead with furniture, dates first.
BULLETINS += [
    Bulletin(
        name="gongzuo_jianbao_2022_15",
        series="上街区工作简报",
        number=15,
        office="上街区人民政府办公室",
        date=datetime.date(2022, 5, 6),
        date_text="2022-05-06",
        masthead=["《上街区工作简报》", "第15期"],
        office_date_mode="date_first",
        body_font="Noto Sans CJK SC",
        head_font="Noto Sans CJK SC",
        body_size=14,
        side_margins_mm=(25, 25),
        header="上街区工作简报",
        items=[
            Item(
                "稳住经济大盘——区发展改革委全力推动重大项目建设",
                [
                    "今年以来，区发展改革委坚持“项目为王”，建立重大项目“周调度、月通报”机制，"
                    "全区42个省市重点项目完成投资38.6亿元，占年度计划的41%。",
                    "下一步，区发展改革委将紧盯开工率、投资完成率“两率”指标，"
                    "协调解决项目用地、资金等问题，确保上半年完成投资过半。",
                ],
                source="区发展改革委",
            ),
            Item(
                "区税务局为企业退税减税超3亿元",
                [
                    "3个工作组深入企业开展政策辅导，累计为全区1260户纳税人办理增值税留抵退税3.2亿元，"
                    "有效缓解了企业资金压力。"
                ],
                source="区税务局",
            ),
            Item(
                "就业服务不打烊！区人社局推出“直播带岗”",
                [
                    "区人社局联合辖区企业开展“直播带岗”活动5场，在线观看超过8万人次，"
                    "提供岗位1800余个，初步达成就业意向420人。"
                ],
                source="区人社局",
            ),
            Item(
                "区委办 区委社治委 区民政局联合开展社区工作者能力提升培训",
                ["5月4日至5日，全区160名社区工作者参加能力提升培训，培训采取“理论+实践”方式进行。"],
                source="区委办 区委社治委 区民政局",
            ),
            Item(
                "区卫健委完成辖区重点人群疫苗接种“扫尾”",
                [
                    "区卫健委组织流动接种队深入社区、养老机构，为行动不便老人上门接种，"
                    "60岁以上老人全程接种率达到92.3%。"
                ],
                source="区卫健委（区疾控中心）",
            ),
            Item(
                "峡窝镇樱桃采摘季迎来客流高峰",
                [
                    "“五一”假期，峡窝镇樱桃采摘园接待游客3.6万人次，带动农产品销售收入860万元，"
                    "镇里开通2条旅游专线公交，方便游客出行。"
                ],
                source="峡窝镇",
            ),
            Item(
                "区市场监管局开展“铁拳”行动",
                [
                    "区市场监管局围绕群众关注的民生领域，查办各类违法案件23起，罚没款共计46万元，"
                    "有力维护了公平竞争的市场秩序。"
                ],
                source="区市场监管局",
            ),
            Item(
                "工业路街道实现“15分钟便民生活圈”全覆盖",
                [
                    "工业路街道新建便民服务点11个，引进社区超市、家政服务、维修等业态，"
                    "居民步行15分钟即可满足日常生活需求。"
                ],
                source="工业路街道",
            ),
        ],
        distribution=[
            "报：市政府办公厅。", "送：区委、区人大、区政府、区政协领导。", "发：各乡镇政府、街道办事处，区直各单位。"
        ],
    ),
    Bulletin(
        name="shangjie_xinxi_320",
        series="上街信息",
        number=20,
        office="中共上街区委办公室",
        date=datetime.date(2023, 6, 12),
        masthead=["上街信息", "第 20 期（总第 320 期）"],
        office_date_mode="spaces",
        office_letter_spacing=6,
        items=[
            Item(
                "区委召开全面深化改革委员会第五次会议",
                [
                    "6月9日，区委书记主持召开区委全面深化改革委员会第五次会议，审议《上街区深化"
                    "“放管服”改革优化营商环境实施方案》等文件。",
                    "（一）坚持问题导向",
                    "会议强调，要聚焦企业和群众办事的难点堵点，推动更多事项“一网通办”“跨省通办”。",
                    "（二）强化改革落实",
                    "会议要求，各专项小组要建立改革任务台账，实行清单化管理、项目化推进，"
                    "确保各项改革任务按期完成。",
                ],
                style="own",
                subheads=(1, 3),
            ),
            Item(
                "区委政法委推进“雪亮工程”建设",
                [
                    "区委政法委新建高清视频监控点位320个，实现重点部位、主要路口全覆盖，"
                    "今年以来协助破获案件57起。"
                ],
                source="区委政法委（区综治中心）",
            ),
            Item(
                "区司法局开展“法律明白人”培训",
                ["区司法局组织全区85个村（社区）的“法律明白人”240人开展集中培训，提升基层依法治理能力。"],
                source="区司法局",
            ),
            Item(
                "济源路街道打造“15分钟养老服务圈”",
                [
                    "济源路街道建成社区养老服务中心3个、助餐点6个，为辖区2100余名老人提供助餐、助浴、"
                    "助医等服务。"
                ],
                source="济源路街道",
            ),
        ],
        distribution=[
            "报：市委办公厅。",
            "送：区委各位常委，区人大常委会主任，区政府区长，区政协主席，区纪委监委主要负责同志，"
            "区法院院长，区检察院检察长。",
            "发：各乡镇党委、街道党工委，区直各单位。",
            "共印120份",
        ],
    ),
    Bulletin(
        name="xinxi_kuaibao_no_indent",
        series="信息快报",
        number=27,
        office="上街区融媒体中心",
        date=datetime.date(2021, 11, 18),
        masthead=["信息快报", "第27期"],
        office_date_mode="two_lines",
        body_font="Noto Serif CJK SC",
        head_font="Noto Serif CJK SC",
        line_spacing=None,
        first_line_indent=False,
        items=[
            Item(
                "上街区举办第三届全民健身运动会",
                [
                    "11月13日，上街区第三届全民健身运动会开幕，设置篮球、乒乓球、广场舞等12个比赛项目，"
                    "全区2000余名运动员参赛。"
                ],
                style="own",
            ),
            Item(
                "区图书馆“书香上街”阅读季活动圆满落幕",
                [
                    "本届阅读季共开展读书分享会、亲子阅读等活动46场，线上线下参与读者5.6万人次，"
                    "新增注册读者3200人。"
                ],
                source="区图书馆",
                style="own",
            ),
            Item(
                "区融媒体中心“上街发布”客户端用户突破20万",
                [
                    "“上街发布”客户端上线以来，开设政务公开、便民服务等栏目18个，累计发布稿件1.5万条。"
                ],
                style="own",
            ),
            Item(
                "峡窝镇举办农民丰收节",
                [
                    "峡窝镇在马固村举办农民丰收节，组织农产品展销、农耕体验等活动，现场销售农产品30余万元。",
                    "活动期间，镇里还评选出“种粮大户”“致富带头人”等先进典型20名。",
                ],
                source="峡窝镇",
                style="own",
            ),
            Item(
                "区应急管理局开展森林防火宣传",
                ["区应急管理局在进山路口设置防火检查站9个，发放宣传资料1.2万份，确保森林防火安全。"],
                source="区应急管理局",
                style="own",
            ),
        ],
        distribution=[],
    ),
    Bulletin(
        name="weasy_zhengwu_dongtai_7",
        series="政务动态",
        number=7,
        office="上街区人民政府办公室",
        date=datetime.date(2024, 3, 20),
        masthead=["政务动态", "第 7 期"],
        producer="weasyprint",
        office_letter_spacing=0.3,
        items=[
            Item(
                "区政府常务会议研究部署春季农业生产",
                [
                    "3月18日，区政府召开常务会议，研究部署春季农业生产工作，要求确保全年粮食播种面积"
                    "稳定在6.5万亩以上。"
                ],
                separator="\u3000",
            ),
            Item(
                "区城管局启动“春季清洁城市”行动",
                ["区城管局集中清理卫生死角320处，清运垃圾1800余吨，城市面貌焕然一新。"],
                source="区城管局",
                separator="\u3000",
            ),
            Item(
                "区教育局推进“智慧校园”建设",
                [
                    "区教育局为全区28所中小学配备智慧黑板620块，建成5G+智慧课堂示范校6所，"
                    "实现优质教育资源共享。"
                ],
                source="区教育局",
                separator="\u3000",
            ),
            Item(
                "区水利局完成春季河道清淤",
                ["区水利局完成枯河、汜水河等4条河道清淤12.6公里，提升了河道行洪能力。"],
                source="区水利局",
                separator="\u3000",
            ),
            Item(
                "工业路街道开展“学雷锋”志愿服务月活动",
                ["工业路街道组织志愿者开展义务理发、家电维修等服务42场，服务群众3600余人次。"],
                source="工业路街道",
                separator="\u3000",
            ),
            Item(
                "区统计局做好第五次全国经济普查登记",
                ["区统计局组织普查员186名，完成辖区1.3万个单位的普查登记，登记完成率100%。"],
                source="区统计局",
                separator="\u3000",
            ),
        ],
        distribution=["报：市政府办公厅。", "发：各乡镇政府、街道办事处，区直各单位。"],
    ),
    Bulletin(
        name="ducha_zhuanbao_3",
        series="督查专报",
        number=3,
        office="中共上街区委督查室",
        date=datetime.date(2023, 4, 3),
        masthead=["内部资料 注意保存", "督查专报", "第3期"],
        office_date_mode="tab",
        items=[
            Item(
                "关于一季度重点工作推进情况的督查报告",
                [
                    "3月下旬，区委督查室会同区政府督查室，对全区一季度重点工作推进情况进行了专项督查。"
                    "现将有关情况报告如下。",
                    "从督查情况看，全区一季度重点工作总体推进有力，68项重点任务中，已完成或达到序时进度的"
                    "61项，占89.7%；滞后序时进度的7项，主要集中在项目建设和招商引资领域。",
                    "针对存在的问题，督查组建议：一要对滞后事项实行“红黄绿”三色管理，逐项明确整改时限；"
                    "二要加强部门协同，对跨部门事项由牵头单位召开专题会议协调解决；三要强化结果运用，"
                    "将督查结果纳入年度目标考核。",
                ],
                style="own",
            ),
            Item(
                "区住建局老旧小区改造项目进度滞后",
                [
                    "督查发现，区住建局牵头的12个老旧小区改造项目中，已开工5个，开工率41.7%，"
                    "低于序时进度18个百分点。督查组已下发督办通知，要求4月底前全部开工。"
                ],
                source="区委督查室",
                style="own",
            ),
        ],
        distribution=["报：区委主要领导，区委分管领导。", "送：区政府督查室。"],
    ),
    Bulletin(
        name="shequ_xinxi_narrow",
        series="社区信息",
        number=12,
        office="济源路街道办事处",
        date=datetime.date(2022, 8, 26),
        masthead=["社区信息", "第十二期"],
        office_date_mode="two_lines",
        side_margins_mm=(40, 40),
        body_font="FandolSong",
        items=[
            Item(
                "金华社区开展“七夕”婚恋观主题宣传活动倡导文明婚俗新风尚",
                ["8月4日，金华社区开展“七夕”主题宣传活动，发放倡议书300余份，倡导婚事新办、简办。"],
                source="金华社区",
            ),
            Item(
                "新安社区为高龄老人送上防暑降温物资",
                ["新安社区为辖区80岁以上的高龄老人送去风扇、绿豆等防暑物资，共走访慰问76户。"],
                source="新安社区",
            ),
            Item(
                "中心路社区“四点半课堂”暑期开课",
                ["中心路社区联合高校志愿者开设“四点半课堂”，为双职工家庭子女提供作业辅导和兴趣课程。"],
                source="中心路社区 共青团上街区委",
            ),
            Item(
                "五云山社区完成垃圾分类投放点升级改造",
                ["五云山社区升级改造垃圾分类投放点14个，加装洗手池、照明灯和监控设备，居民投放更方便。"],
                source="五云山社区",
            ),
            Item(
                "登封路社区调解一起邻里纠纷",
                ["登封路社区调解员耐心细致做工作，成功化解一起持续半年的漏水纠纷，双方握手言和。"],
                source="登封路社区人民调解委员会",
            ),
            Item(
                "济源路街道召开防汛工作部署会",
                ["8月22日，济源路街道召开防汛工作部署会，对辖区3处易积水点实行专人值守。"],
                source="街道应急办",
            ),
        ],
        distribution=["发：各社区，街道各科室。"],
    ),
]


# A third batch, held out in the same way after the second was folded into the tuning: a table of contents, an
# editor's note and section headings, twelve items, a running header with the issue number, paragraphs indented with
# typed full-width spaces, loose WeasyPrint line spacing, sources printed as 供稿：….
BULLETINS += [
    Bulletin(
        name="weasy_loose_xinxi_33",
        series="峡窝信息",
        number=33,
        office="中共峡窝镇委办公室",
        date=datetime.date(2024, 9, 2),
        masthead=["峡窝信息", "第 33 期"],
        producer="weasyprint",
        office_letter_spacing=0.2,
        line_height=40,
        items=[
            Item(
                "峡窝镇召开秋季开学安全工作会议",
                ["8月30日，峡窝镇召开秋季开学安全工作会议，部署校园及周边安全隐患排查整治工作，"
                 "要求各村、各学校开学前完成一次全面自查。"],
            ),
            Item(
                "镇派出所开展校园周边交通秩序整治",
                ["镇派出所在辖区6所学校周边设置护学岗，开学首周查处交通违法行为42起。"],
                source="镇派出所",
                source_label="供稿：镇派出所",
            ),
            Item(
                "马固村樱桃深加工项目签约落地",
                ["马固村与河南某食品公司签订樱桃深加工合作协议，项目总投资1500万元，建成后可带动"
                 "周边200余户农户增收。"],
                source="马固村",
                source_label="马固村供稿",
            ),
            Item(
                "镇卫生院家庭医生签约服务覆盖率达75%",
                ["镇卫生院组建家庭医生团队9个，为65岁以上老人、慢性病患者等重点人群提供签约服务，"
                 "重点人群签约覆盖率达75%。"],
                source="镇卫生院",
            ),
            Item(
                "峡窝镇完成秋季征兵体检工作",
                ["峡窝镇组织34名应征青年参加体检，经过严格检测，21人体检合格。"],
                source="镇武装部",
            ),
        ],
        distribution=["报：区委办公室。", "发：各村党支部，镇直各单位。"],
    ),
    Bulletin(
        name="shangjie_xinxi_toc_51",
        series="上街信息",
        number=51,
        office="中共上街区委办公室",
        date=datetime.date(2020, 7, 20),
        masthead=["上街信息", "第 51 期"],
        office_date_mode="spaces",
        office_letter_spacing=8,
        toc=True,
        editor_note="近期，各乡镇、街道围绕“六稳”“六保”任务，创新举措、狠抓落实，涌现出一批好经验好做法。"
        "现将有关情况摘编如下，供参考。",
        sections={0: "【工作动态】", 3: "【基层经验】"},
        items=[
            Item(
                "区委常委会研究部署防汛工作",
                ["7月17日，区委常委会召开会议，研究部署当前防汛工作。会议要求，各级各部门要压实防汛责任，"
                 "落实24小时值班制度，确保安全度汛。"],
            ),
            Item(
                "区委办开展“机关作风整顿月”活动",
                ["区委办围绕“提质量、抓落实、优服务”，开展作风整顿月活动，梳理问题清单12项，已整改10项。"],
                source="区委办",
            ),
            Item(
                "区委社治委推进“智慧社区”建设",
                ["区委社治委在5个社区试点“智慧社区”建设，上线社区服务APP，居民可在线办理证明开具、"
                 "报事报修等8类事项。"],
                source="区委社治委",
            ),
            Item(
                "峡窝镇“四个一”机制稳就业",
                ["峡窝镇建立一张就业台账、一个服务专班、一批帮扶岗位、一套跟踪机制，"
                 "今年以来帮助312名群众实现就近就业。"],
                source="峡窝镇",
            ),
            Item(
                "工业路街道“双报到”助力复工复产",
                ["工业路街道组织86个机关党支部到社区报到，帮助辖区企业协调解决用工、物流等问题27个。"],
                source="工业路街道",
            ),
            Item(
                "济源路街道打造“红色驿站”服务户外劳动者",
                ["济源路街道依托党群服务中心建成“红色驿站”8个，为环卫工人、快递小哥等户外劳动者提供"
                 "饮水、休息、充电等服务。"],
                source="济源路街道",
            ),
        ],
        distribution=["报：市委办公厅。", "发：各乡镇党委、街道党工委，区直各单位。"],
    ),
    Bulletin(
        name="gongzuo_dongtai_12_items",
        series="工作动态",
        number=19,
        office="上街区人民政府办公室",
        date=datetime.date(2023, 10, 31),
        masthead=["工作动态", "2023年第19期"],
        office_date_mode="tab",
        body_size=14,
        body_font="FandolSong",
        items=[
            Item("区政府召开第三季度经济运行分析会",
                 ["10月27日，区政府召开第三季度经济运行分析会，前三季度全区地区生产总值同比增长6.8%。"]),
            Item("区发展改革委争取专项债券资金8.6亿元",
                 ["区发展改革委积极对接上级部门，今年共争取地方政府专项债券资金8.6亿元，支持项目14个。"],
                 source="区发展改革委"),
            Item("区工信局组织企业参加“专精特新”培训",
                 ["12家企业参加培训，3家企业通过省级“专精特新”中小企业认定。"], source="区工信局"),
            Item("区财政局完成2024年预算编制前期工作",
                 ["区财政局召开预算编制布置会，要求各部门坚持“过紧日子”，严控一般性支出。"], source="区财政局"),
            Item("区人社局举办秋季招聘会",
                 ["10月20日，区人社局举办秋季招聘会，56家企业提供岗位1300余个，现场达成意向380人。"],
                 source="区人社局"),
            Item("区自然资源局开展耕地保护专项检查",
                 ["区自然资源局对全区耕地“非农化”问题开展检查，发现问题图斑23个，已整改19个。"],
                 source="区自然资源局"),
            Item("区生态环境局秋冬季大气污染防治攻坚启动",
                 ["区生态环境局出台秋冬季攻坚方案，明确工地扬尘管控等5大类28项措施。"]),
            Item("区交通运输局完成农村公路提质改造",
                 ["区交通运输局完成农村公路提质改造32公里，惠及沿线5个行政村。"], source="区交通运输局"),
            Item("区商务局组织“金秋购物节”",
                 ["“金秋购物节”期间，全区重点商贸企业销售额同比增长11.2%。"], source="区商务局"),
            Item("区文旅局“上街之夜”文旅活动精彩纷呈",
                 ["国庆假期，区文旅局举办“上街之夜”文艺演出、非遗市集等活动15场，接待游客21万人次。"],
                 source="区文旅局"),
            Item("区卫健委开展流感疫苗接种",
                 ["区卫健委在全区设置接种点18个，已接种流感疫苗1.1万剂次。"], source="区卫健委"),
            Item("区应急管理局开展消防安全“百日攻坚”",
                 ["区应急管理局联合消防救援大队检查“九小场所”460家，督促整改火灾隐患320处。"],
                 source="区应急管理局 区消防救援大队"),
        ],
        distribution=["报：市政府办公厅。", "发：各乡镇政府、街道办事处，区直各单位。"],
    ),
    Bulletin(
        name="shangjie_xinxi_header_5",
        series="上街信息",
        number=5,
        office="中共上街区委办公室",
        date=datetime.date(2025, 2, 14),
        masthead=["上街信息", "第 5 期"],
        office_date_mode="tab",
        header="上街信息 第5期",
        head_font="FandolFang",
        items=[
            Item(
                "上街区召开2025年全区工作会议暨作风建设大会",
                ["2月12日，上街区召开2025年全区工作会议暨作风建设大会，总结2024年工作，部署2025年任务。",
                 "会议强调，全区上下要坚持稳中求进工作总基调，聚焦高质量发展首要任务，奋力实现一季度"
                 "“开门红”。"],
                style="own",
            ),
            Item(
                "区纪委监委开展节后作风纪律专项检查",
                ["区纪委监委成立6个检查组，采取“四不两直”方式，对全区42个单位作风纪律情况开展专项检查。"],
                source="区纪委监委",
                style="own",
            ),
            Item(
                "区委组织部举办年轻干部综合能力提升培训班",
                ["培训班为期5天，采取专题授课、现场教学、分组研讨等方式，全区80名年轻干部参加培训。"],
                source="区委组织部",
                style="own",
            ),
            Item(
                "区委宣传部开展“新春走基层”主题采访活动",
                ["区委宣传部组织区融媒体中心记者深入企业、社区、乡村一线，推出新闻报道60余篇。"],
                source="区委宣传部",
                style="own",
            ),
            Item(
                "区委统战部召开新春联谊会",
                ["区委统战部邀请各民主党派、工商联和无党派人士代表100余人参加新春联谊会，共话发展。"],
                source="区委统战部",
                style="own",
            ),
            Item(
                "区委政法委部署春节后社会治安重点工作",
                ["区委政法委召开专题会议，部署开展矛盾纠纷排查化解、重点行业场所治安整治等工作。"],
                source="区委政法委",
                style="own",
            ),
        ],
        distribution=["报：市委办公厅。", "送：区委各位常委。", "发：各乡镇党委、街道党工委，区直各单位。"],
    ),
    Bulletin(
        name="zhengwu_xinxi_wps_style",
        series="政务信息",
        number=3,
        office="上街区人民政府办公室",
        date=datetime.date(2024, 1, 10),
        date_text="2024年1月10日",
        masthead=["政务信息", "第3期"],
        office_date_mode="date_first",
        indent_with_spaces=True,
        items=[
            Item(
                "区政府召开冬春火灾防控工作会议",
                ["1月8日，区政府召开冬春火灾防控工作会议，要求全面排查整治人员密集场所、“三合一”场所"
                 "等火灾隐患，坚决防范较大以上火灾事故发生。"],
                separator="\u3000\u3000",
            ),
            Item(
                "区民政局启动“寒冬送温暖”专项救助",
                ["区民政局为全区1260户低保、特困家庭发放临时救助金及取暖补贴共计185万元。"],
                source="区民政局",
                separator="\u3000\u3000",
            ),
            Item(
                "区住建局开展农民工工资支付专项检查",
                ["区住建局对全区在建工程项目开展检查，督促企业足额支付农民工工资，已协调解决欠薪问题7起。"],
                source="区住建局 区人社局",
                separator="\u3000\u3000",
            ),
            Item(
                "区城管局做好冬季供暖保障",
                ["区城管局建立供暖问题快速处置机制，24小时受理群众诉求，累计处理供暖问题310件。"],
                source="区城管局",
                separator="\u3000\u3000",
            ),
        ],
        distribution=["发：各乡镇政府、街道办事处，区直各单位。"],
    ),
]


# Small one-page issues kept as real PDFs (< 60 KB) for the tests of extract_pdf_text: one plain, one that needs a
# password to open.
PDF_SAMPLES = [
    Bulletin(
        name="sample_shangjie_xinxi_46",
        series="上街信息",
        number=46,
        office="中共上街区委办公室",
        date=datetime.date(2020, 6, 22),
        masthead=["上街信息", "第 46 期"],
        office_date_mode="spaces",
        body_font="Noto Serif CJK SC",
        head_font="Noto Serif CJK SC",
        mast_font="Noto Serif CJK SC",
        items=[
            Item(
                "上街区启动“夜上街”消费季活动",
                ["6月19日，上街区“夜上街”消费季活动启动，全区5个夜市同步推出优惠活动，首周客流达12万人次。"],
                source="区商务局",
            ),
            Item(
                "峡窝镇开展防溺水安全教育",
                ["峡窝镇组织中小学生开展防溺水安全教育，发放《致家长的一封信》3000份。"],
                source="峡窝镇",
            ),
        ],
        distribution=["发：各乡镇党委、街道党工委，区直各单位。"],
    ),
]


# ---------------------------------------------------------------------------------------------------------------------
# DOCX through LibreOffice
# ---------------------------------------------------------------------------------------------------------------------


def _font(run, name: str, size: float, *, bold: bool = False, color: str | None = None, spacing: float = 0) -> None:
    run.font.size = Pt(size)
    run.font.name = name
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.find(qn("w:rFonts")).set(qn("w:eastAsia"), name)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if spacing:
        element = OxmlElement("w:spacing")
        element.set(qn("w:val"), str(int(spacing * 20)))
        rpr.append(element)


def _rule(paragraph, color: str = "FF0000", size: int = 18) -> None:
    ppr = paragraph._element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "4"), ("color", color)):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.append(borders)


def _page_field(paragraph, marker: str, font: str) -> None:
    before, after = marker.split("{}")
    _font(paragraph.add_run(before), font, 14)
    run = paragraph.add_run()
    _font(run, font, 14)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._element.append(begin)
    run._element.append(instr)
    run._element.append(end)
    _font(paragraph.add_run(after), font, 14)


def _body_paragraph(doc, bulletin: Bulletin, *, indent: bool = True, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
    paragraph = doc.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if bulletin.line_spacing:
        fmt.line_spacing = Pt(bulletin.line_spacing)
    else:
        fmt.line_spacing = 1.5
    if indent and bulletin.first_line_indent:
        fmt.first_line_indent = Pt(bulletin.body_size * 2)
    return paragraph


def build_docx(bulletin: Bulletin, path: Path) -> None:
    """Typeset one bulletin as DOCX in the GB/T 9704 manner (A4, red masthead, page numbers in the footer)."""
    doc = Document()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = (Mm(x) for x in bulletin.side_margins_mm)
    doc.settings.odd_and_even_pages_header_footer = True
    if bulletin.header:
        section.different_first_page_header_footer = True
        for header in (section.header, section.even_page_header):
            paragraph = header.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(bulletin.header), bulletin.body_font, 10.5)
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_field(odd, bulletin.page_marker, bulletin.body_font)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _page_field(even, bulletin.page_marker, bulletin.body_font)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(bulletin.masthead[0]), bulletin.mast_font, 42, bold=True, color="E60000")
    for line in bulletin.masthead[1:]:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(line), bulletin.body_font, 16)
    date_text = bulletin.date_text or f"{bulletin.date.year}年{bulletin.date.month}月{bulletin.date.day}日"
    mode = bulletin.office_date_mode
    if mode == "two_lines":
        for text in (bulletin.office, date_text):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(text), bulletin.body_font, 16)
        last = paragraph
    else:
        last = doc.add_paragraph()
        if mode == "date_first":
            last.paragraph_format.tab_stops.add_tab_stop(Mm(156), WD_TAB_ALIGNMENT.RIGHT)
            _font(last.add_run(date_text + "\t"), bulletin.body_font, 16)
            _font(last.add_run(bulletin.office), bulletin.body_font, 16, spacing=bulletin.office_letter_spacing)
        elif mode == "tab":
            last.paragraph_format.tab_stops.add_tab_stop(Mm(156), WD_TAB_ALIGNMENT.RIGHT)
            _font(last.add_run(bulletin.office), bulletin.body_font, 16, spacing=bulletin.office_letter_spacing)
            _font(last.add_run("\t" + date_text), bulletin.body_font, 16)
        else:
            _font(last.add_run(bulletin.office), bulletin.body_font, 16, spacing=bulletin.office_letter_spacing)
            _font(last.add_run("        " + date_text), bulletin.body_font, 16)
    _rule(last)

    size = bulletin.body_size
    if bulletin.toc:
        paragraph = _body_paragraph(doc, bulletin, indent=False)
        _font(paragraph.add_run("本期要目"), bulletin.head_font, size)
        for item in bulletin.items:
            paragraph = _body_paragraph(doc, bulletin)
            _font(paragraph.add_run(item.headline), bulletin.body_font, size)
    if bulletin.editor_note:
        paragraph = _body_paragraph(doc, bulletin)
        _font(paragraph.add_run("编者按："), bulletin.head_font, size)
        _font(paragraph.add_run(bulletin.editor_note), bulletin.body_font, size)
    lead = "\u3000\u3000" if bulletin.indent_with_spaces else ""
    for number, item in enumerate(bulletin.items):
        if number in bulletin.sections:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(12)
            _font(paragraph.add_run(bulletin.sections[number]), bulletin.head_font, size + 2)
        if item.style == "own":
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = Pt(12)
            paragraph.paragraph_format.space_after = Pt(6)
            _font(paragraph.add_run(item.headline), bulletin.head_font, size + 2)
        for index, text in enumerate(item.paragraphs):
            if index in item.subheads:
                paragraph = _body_paragraph(doc, bulletin)
                _font(paragraph.add_run(text), bulletin.head_font, size)
                continue
            paragraph = _body_paragraph(doc, bulletin, indent=not lead)
            if index == 0 and item.style == "run":
                _font(paragraph.add_run(lead + item.headline), bulletin.body_font, size, bold=True)
                _font(paragraph.add_run(item.separator + text), bulletin.body_font, size)
            else:
                _font(paragraph.add_run(lead + text), bulletin.body_font, size)
        if item.source:
            if item.source_own_line:
                paragraph = _body_paragraph(doc, bulletin, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            _font(paragraph.add_run(f"（{item.source_label or item.source}）"), bulletin.body_font, size)

    if bulletin.distribution:
        spacer = doc.add_paragraph()
        spacer.paragraph_format.space_before = Pt(24)
        _rule(spacer, color="000000", size=8)
        for line in bulletin.distribution:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(14)
            _font(paragraph.add_run(line), bulletin.body_font, 14)
    doc.save(path)


def _fontconfig(workdir: Path) -> dict:
    conf = workdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{FANDOL_DIR}</dir>\n  <cachedir>{workdir / 'fccache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(conf)}


def docx_to_pdf(docx_path: Path, workdir: Path, env: dict, *, password: str | None = None) -> Path:
    """Convert with a private LibreOffice profile so no running office instance is disturbed; with a password
    the PDF is encrypted and cannot be opened without it."""
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed to regenerate the corpus: apt-get install libreoffice-writer-nogui")
    profile = (workdir / "lo-profile").as_uri()
    target = "pdf"
    if password:
        options = {"EncryptFile": {"type": "boolean", "value": "true"},
                   "DocumentOpenPassword": {"type": "string", "value": password}}
        target = "pdf:writer_pdf_Export:" + json.dumps(options)
    subprocess.run(  # noqa: S603
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir",
         str(workdir), str(docx_path)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    return workdir / (docx_path.stem + ".pdf")


# ---------------------------------------------------------------------------------------------------------------------
# HTML through WeasyPrint (another producer, with another idea of lines and spaces)
# ---------------------------------------------------------------------------------------------------------------------


def build_html(bulletin: Bulletin) -> str:
    """Lay one bulletin out as print HTML for WeasyPrint."""
    fonts = "".join(
        f"@font-face {{ font-family: '{name}'; src: url('{(FANDOL_DIR / (name + '-' + style + '.otf')).as_uri()}'); "
        f"font-weight: {weight}; }}\n"
        for name, style, weight in (
            ("FandolFang", "Regular", 400), ("FandolHei", "Regular", 400), ("FandolHei", "Bold", 700),
            ("FandolSong", "Regular", 400), ("FandolSong", "Bold", 700),
        )
    )
    marker_before, marker_after = bulletin.page_marker.split("{}")
    css = fonts + f"""
    @page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
    @page :right {{ @bottom-right {{ content: "{marker_before}" counter(page) "{marker_after}";
                   font: 14pt FandolSong; margin-right: 1em; }} }}
    @page :left {{ @bottom-left {{ content: "{marker_before}" counter(page) "{marker_after}";
                  font: 14pt FandolSong; margin-left: 1em; }} }}
    body {{ font: 16pt/{bulletin.line_height}pt FandolFang, 'Noto Serif CJK SC'; text-align: justify; }}
    h1 {{ color: #e60000; font: bold 42pt/1.3 FandolSong; text-align: center; margin: 0;
          letter-spacing: {bulletin.office_letter_spacing}em; }}
    .no {{ text-align: center; margin: 0; }}
    .od {{ display: flex; justify-content: space-between; border-bottom: 2pt solid #e60000; margin-bottom: 18pt; }}
    .office {{ letter-spacing: {bulletin.office_letter_spacing}em; }}
    p {{ margin: 0; text-indent: 2em; }}
    h2 {{ font: 18pt/1.6 FandolHei; text-align: center; margin: 12pt 0 6pt; }}
    b {{ font-family: FandolHei; font-weight: normal; }}
    .dist {{ border-top: 1pt solid black; margin-top: 24pt; font-size: 14pt; }}
    .dist p {{ text-indent: 0; padding-left: 1em; }}
    """
    parts = [f"<h1>{escape(bulletin.masthead[0])}</h1>"]
    parts += [f'<p class="no">{escape(line)}</p>' for line in bulletin.masthead[1:]]
    date_text = f"{bulletin.date.year}年{bulletin.date.month}月{bulletin.date.day}日"
    parts.append(f'<div class="od"><span class="office">{escape(bulletin.office)}</span><span>{date_text}</span></div>')
    if bulletin.editor_note:
        parts.append(f"<p><b>编者按：</b>{escape(bulletin.editor_note)}</p>")
    for number, item in enumerate(bulletin.items):
        if number in bulletin.sections:
            parts.append(f"<h2>{escape(bulletin.sections[number])}</h2>")
        source = f"（{escape(item.source_label or item.source)}）" if item.source else ""
        if item.style == "own":
            parts.append(f"<h2>{escape(item.headline)}</h2>")
        for index, text in enumerate(item.paragraphs):
            tail = source if index == len(item.paragraphs) - 1 else ""
            if index == 0 and item.style == "run":
                parts.append(f"<p><b>{escape(item.headline)}</b>{escape(item.separator)}{escape(text)}{tail}</p>")
            else:
                parts.append(f"<p>{escape(text)}{tail}</p>")
    if bulletin.distribution:
        parts.append('<div class="dist">' + "".join(f"<p>{escape(x)}</p>" for x in bulletin.distribution) + "</div>")
    return f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><style>{css}</style><body>{''.join(parts)}"


def html_to_pdf(html: str, path: Path) -> Path:
    from weasyprint import HTML

    HTML(string=html).write_pdf(path)
    return path


# ---------------------------------------------------------------------------------------------------------------------


def expected(bulletin: Bulletin) -> dict:
    """The truth in the shape of ``ParsedIssue.as_json()``, plus the distribution lines."""
    return {
        "series": bulletin.series,
        "number": bulletin.number,
        "office": bulletin.office,
        "date": bulletin.date.isoformat(),
        "items": [
            {"headline": item.headline, "body": "\n".join(item.paragraphs), "source": item.source}
            for item in bulletin.items
        ],
        "warnings": [],
        "distribution": bulletin.distribution,
    }


def pdftotext(pdf: Path) -> str:
    binary = shutil.which("pdftotext")
    if not binary:
        sys.exit("pdftotext (poppler-utils) is needed")
    return subprocess.run(  # noqa: S603
        [binary, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-pdf", type=Path, help="also copy the PDFs into this directory")
    parser.add_argument("--pdf-samples", action="store_true", help="(re)make the small PDF fixtures only")
    parser.add_argument("--seed-variants", action="store_true", help="(re)make the synthetic seed variants only")
    parser.add_argument("names", nargs="*", help="only these bulletins")
    args = parser.parse_args()
    if args.pdf_samples:
        make_pdf_samples()
        return
    if args.seed_variants:
        make_seed_variants()
        return
    with tempfile.TemporaryDirectory(prefix="bulletin-corpus-") as tmp:
        workdir = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp} | _fontconfig(workdir)
        for bulletin in BULLETINS:
            if args.names and bulletin.name not in args.names:
                continue
            if bulletin.producer == "weasyprint":
                import os

                os.environ.update(_fontconfig(workdir))
                pdf = html_to_pdf(build_html(bulletin), workdir / f"{bulletin.name}.pdf")
            else:
                docx_path = workdir / f"{bulletin.name}.docx"
                build_docx(bulletin, docx_path)
                pdf = docx_to_pdf(docx_path, workdir, env)
            text = pdftotext(pdf)
            (HERE / f"{bulletin.name}.txt").write_text(text, encoding="utf-8")
            (HERE / f"{bulletin.name}.expected.json").write_text(
                json.dumps(expected(bulletin), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            if args.keep_pdf:
                args.keep_pdf.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, args.keep_pdf / pdf.name)
                if bulletin.producer != "weasyprint":
                    shutil.copy(workdir / f"{bulletin.name}.docx", args.keep_pdf)
            print(f"{bulletin.name}: {len(bulletin.items)} items, {text.count(chr(12))} pages")


# ---------------------------------------------------------------------------------------------------------------------
# Synthetic variants of the seed: its true content re-set at other line widths and page breaks, in the manner of the
# seed's own producer (blank line after every line, a space before numbers, a space opening the first line of a
# page) and of LibreOffice (no blank lines, spaces on both sides of numbers).  Not real pdftotext output: they test
# page markers and line breaks falling where the seed has none (inside a headline, inside a source, inside a date).
# ---------------------------------------------------------------------------------------------------------------------

_NO_LINE_START = "，。、；：？！”’）》…%"


def _wrap(text: str, per_line: int, first_indent: int) -> list[str]:
    """Break text into lines of per_line full-width cells (ASCII counts half), never starting a line with
    closing punctuation (the last character of the line before moves down with it)."""
    lines, current, cells, limit = [], "", 0.0, per_line - first_indent
    for char in text:
        width = 0.5 if char.isascii() else 1
        if cells + width > limit + 1e-9:
            if char in _NO_LINE_START and current:
                moved, current = current[-1], current[:-1]
                lines.append(current)
                current, cells = moved, (0.5 if moved.isascii() else 1)
            else:
                lines.append(current)
                current, cells = "", 0.0
            limit = per_line
        current += char
        cells += width
    if current:
        lines.append(current)
    return lines


def _number_gaps(line: str, *, both_sides: bool) -> str:
    import re

    line = re.sub(r"(?<=[\u4e00-\u9fff，、“”（）])(?=[0-9])", " ", line)
    if both_sides:
        line = re.sub(r"(?<=[0-9%])(?=[\u4e00-\u9fff])", " ", line)
    return line


def seed_variant(truth: dict, *, per_line: int, blank_lines: bool, both_sides: bool, page_every: int,
                 marker: str, masthead: list[str], distribution: list[str], break_after: tuple[str, ...] = ()) -> str:
    """Set the seed's truth again as pdftotext would show it for another layout; a page also ends after a line
    ending in one of ``break_after`` (to put page breaks inside sources and headlines)."""
    body_lines: list[str] = []
    for item in truth["items"]:
        paragraphs = item["body"].split("\n")
        paragraphs[0] = item["headline"] + " " + paragraphs[0]
        if item["source"]:
            paragraphs[-1] += f"（{item['source']}）"
        for paragraph in paragraphs:
            body_lines += [_number_gaps(x, both_sides=both_sides) for x in _wrap(paragraph, per_line, 2)]
    pages, page = [], list(masthead)
    for line in body_lines:
        if len(page) >= page_every or (page and page[-1].endswith(break_after) and break_after):
            pages.append(page)
            page = [" " + line] if blank_lines else [line]
            continue
        page.append(line)
    page += distribution
    pages.append(page)
    out = []
    for number, lines in enumerate(pages, start=1):
        joiner = "\n\n" if blank_lines else "\n"
        out.append(joiner.join(lines) + "\n\n" + marker.format(number) + "\n\n")
    return "\f".join(out) + "\f"


def make_seed_variants() -> None:
    """Write the two synthetic seed variants and their expected JSON (the seed's truth)."""
    truth = json.loads((HERE / "seed_000_e96fc6a9e15b0a79.expected.json").read_text(encoding="utf-8"))
    variants = {
        "seed_variant_pagebreaks": seed_variant(
            truth, per_line=23, blank_lines=True, both_sides=False, page_every=19, marker="－{}－",
            masthead=["上街信息", "第 44 期", "中共上街区委办公室", "2020 年 6 月 8 日"], distribution=[],
            break_after=("集团宣讲", "。（区委", "升“金点"),
        ),
        "seed_variant_tight": seed_variant(
            truth, per_line=31, blank_lines=False, both_sides=True, page_every=23, marker="- {} -",
            masthead=["上 街 信 息", "第四十四期", "中 共 上 街 区 委 办 公 室    二〇二〇年六月八日"],
            distribution=["报：市委办公厅。", "送：区委各位常委。", "发：各乡镇党委、街道党工委，区直各单位。",
                          "（共印 80 份）"],
        ),
    }
    for name, text in variants.items():
        (HERE / f"{name}.txt").write_text(text, encoding="utf-8")
        expected_truth = dict(truth)
        if name == "seed_variant_tight":
            expected_truth["distribution"] = ["报：市委办公厅。", "送：区委各位常委。",
                                              "发：各乡镇党委、街道党工委，区直各单位。", "（共印80份）"]
        (HERE / f"{name}.expected.json").write_text(
            json.dumps(expected_truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(name)


def make_pdf_samples() -> None:
    """Write ``<name>.pdf`` (with its .expected.json) and ``<name>.encrypted.pdf`` (password “jiceng”)."""
    with tempfile.TemporaryDirectory(prefix="bulletin-samples-") as tmp:
        workdir = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp} | _fontconfig(workdir)
        for bulletin in PDF_SAMPLES:
            docx_path = workdir / f"{bulletin.name}.docx"
            build_docx(bulletin, docx_path)
            pdf = docx_to_pdf(docx_path, workdir, env)
            shutil.copy(pdf, HERE / pdf.name)
            (HERE / f"{bulletin.name}.expected.json").write_text(
                json.dumps(expected(bulletin), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            locked = docx_to_pdf(docx_path, workdir, env, password="jiceng")
            shutil.copy(locked, HERE / f"{bulletin.name}.encrypted.pdf")
            print(f"{bulletin.name}: {pdf.stat().st_size} bytes, encrypted {locked.stat().st_size} bytes")


if __name__ == "__main__":
    main()
