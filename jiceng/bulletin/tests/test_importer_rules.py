"""The importer's pure rules, one at a time: spaces, page markers, line joining, masthead, sources, headlines."""

import datetime

import pytest

from jiceng.bulletin.importer.masthead import parse_date, parse_masthead
from jiceng.bulletin.importer.structure import (
    Line,
    body_text,
    clean_distribution,
    drop_furniture,
    drop_running_headers,
    find_distribution,
    find_sources,
    full_width,
    item_starts,
    merge_fragments,
    paragraph_break_after,
    prepare_lines,
    source_of,
    split_headline,
)
from jiceng.bulletin.importer.text import (
    clean_spaces,
    display_width,
    is_page_marker,
    join_lines,
    normalise_line,
    parse_chinese_number,
    remove_safe_spaces,
    unstretch,
)

FULL = 56  # a full line of 28 Chinese characters


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


# Page markers -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["— 1 —", "—1—", "- 2 -", "-2-", "－3－", "– 4 –", "―5―", "~6~", "· 7 ·", "— 12 —", "第 1 页", "第2页 共3页",
     "第 2 页，共 3 页", "1/3", "Page 4", "  — 1 —  "],
)
def test_page_number_lines_are_recognised_as_page_markers(text):
    assert is_page_marker(text)


@pytest.mark.parametrize(
    "text",
    ["— 2020 —", "一是打造", "——郑州圆方集团宣讲团走进上街区", "2020年6月8日", "第 44 期", "1", "- 1 - 加强", "（1）"],
)
def test_text_lines_are_not_taken_for_page_markers(text):
    assert not is_page_marker(text)


# Whitespace and characters ----------------------------------------------------------------------------------


def test_full_width_and_no_break_spaces_become_one_space_and_the_line_is_stripped():
    assert normalise_line("\u3000\u3000一是\u3000\u00a0打造\t招牌 ") == "一是 打造 招牌"


def test_kangxi_radicals_from_broken_font_maps_become_ordinary_ideographs():
    assert normalise_line("\u2f2f业路街道\u2f08民") == "工业路街道人民"


def test_zero_width_characters_are_dropped():
    assert normalise_line("上\u200b街\ufeff信息") == "上街信息"


def test_chinese_characters_count_double_in_the_display_width():
    assert display_width("上街 IP 2020") == 2 * 2 + 2 + 4


# Spaces -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("中 共 上 街 区 委 办 公 室", "中共上街区委办公室"),
        ("6月 4日，我区", "6月4日，我区"),
        ("6 月 4 日，我区", "6月4日，我区"),
        ("2020 年 6 月 8 日", "2020年6月8日"),
        ("10 月 18 日至 20 日", "10月18日至20日"),
        ("1 至 5 月", "1至5月"),
        ("公司 6万员工", "公司6万员工"),
        ("了 126 家医院", "了126家医院"),
        ("站 9 个", "站9个"),
        ("完成 80 %。", "完成80%。"),
        ("12 : 30 开始", "12:30开始"),
        ("增长 3 .5%", "增长3.5%"),
        ("利用“文化 IP”吸引", "利用“文化IP”吸引"),
        ("“ i 上街 ”APP 发布", "“i上街”APP发布"),
        ("问 题 37 处 ， 下 达 通 知 书 9 份 。", "问题37处，下达通知书9份。"),
        ("对照 《 全 国 文 明 城 市 测 评 体 系 （ 2020 年", "对照《全国文明城市测评体系（2020年"),
        ("区领导王 伟、张三丰出席", "区领导王伟、张三丰出席"),
        ("消费氛围 ， 辐射", "消费氛围，辐射"),
    ],
)
def test_spaces_that_typesetting_introduced_are_removed(raw, clean):
    assert clean_spaces(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "举办“弘扬劳动精神 争当出彩先锋”宣讲报告会",
        "新建 Wi-Fi 6 热点",
        "使用 iPhone 12 拍摄",
        "Smart City 项目",
    ],
)
def test_spaces_an_author_typed_are_kept_in_bodies(text):
    expected = text.replace("新建 W", "新建W").replace("6 热", "6热").replace("用 i", "用i").replace("12 拍", "12拍")
    expected = expected.replace("City 项", "City项")
    assert clean_spaces(text) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("弘扬劳动精神 争当出彩先锋", "弘扬劳动精神 争当出彩先锋"),
        ("学党史 悟思想 办实事 开新局", "学党史 悟思想 办实事 开新局"),
        ("济源路街道 “红色物业”让小区治理有温度", "济源路街道 “红色物业”让小区治理有温度"),
        ("上街区召开 2021 年一季度经济运行分析会", "上街区召开2021年一季度经济运行分析会"),
        ("峡窝镇“Wi-Fi 全覆盖”惠及山区群众", "峡窝镇“Wi-Fi全覆盖”惠及山区群众"),
        ("区委办 区委社治委", "区委办 区委社治委"),
    ],
)
def test_headlines_keep_the_spaces_between_their_phrases(raw, clean):
    assert clean_spaces(raw, headline=True) == clean


def test_safe_space_removal_keeps_spaces_that_may_end_a_headline():
    assert remove_safe_spaces("走进上街区 6月 4日，我区") == "走进上街区 6月4日，我区"
    assert remove_safe_spaces("“先手棋” 一是打造") == "“先手棋” 一是打造"
    assert remove_safe_spaces("成效明显 1 至 2 月，") == "成效明显 1至2月，"


def test_a_lone_character_at_a_line_end_is_not_taken_for_letter_spacing():
    assert remove_safe_spaces("举办“弘扬劳动精神 争") == "举办“弘扬劳动精神 争"


# Joining lines ----------------------------------------------------------------------------------------------


def test_wrapped_chinese_lines_join_without_a_space():
    assert join_lines(["郑州圆方集团宣讲团", "走进上街区"]) == "郑州圆方集团宣讲团走进上街区"


def test_wrapped_latin_words_join_with_a_space():
    assert join_lines(["Smart", "City 项目"]) == "Smart City 项目"


def test_a_number_cut_from_its_counter_joins_back():
    joined = join_lines(["共建成新时代文明活动所 1个、站 9", "个。"])
    assert clean_spaces(joined) == "共建成新时代文明活动所1个、站9个。"


# Numbers and dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [("44", 44), ("４４", 44), ("四十四", 44), ("十二", 12), ("十", 10), ("一百零五", 105), ("一〇五", 105),
     ("三", 3), ("二十", 20), ("abc", None), ("", None)],
)
def test_issue_numbers_are_read_in_arabic_full_width_and_chinese_numerals(text, number):
    assert parse_chinese_number(text) == number


@pytest.mark.parametrize(
    "text",
    ["2020年6月8日", "2020 年 6 月 8 日", "二〇二〇年六月八日", "二 〇 二 〇 年 六 月 八 日", "2020.6.8", "2020.06.08",
     "2020-06-08", "2020/6/8", "中共上街区委办公室 2020 年 6 月 8 日印发"],
)
def test_masthead_dates_are_read_in_every_usual_form(text):
    assert parse_date(text)[0] == datetime.date(2020, 6, 8)


def test_an_impossible_date_is_found_but_not_made_up():
    date, text, _span = parse_date("2020年2月30日")
    assert date is None and text == "2020年2月30日"


@pytest.mark.parametrize("text", ["6月8日", "2020年第7期", "2020.6", "2020年6.8日", "第 44 期"])
def test_text_without_a_full_date_gives_no_date(text):
    assert parse_date(text) == (None, None, None)


# Masthead ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "series", "number", "office"),
    [
        (["上街信息", "第 44 期", "中 共 上 街 区 委 办 公 室 2020 年 6 月 8 日"],
         "上街信息", 44, "中共上街区委办公室"),
        (["《上街简报》", "第44期", "2020年6月8日 中共上街区委办公室编"], "上街简报", 44, "中共上街区委办公室"),
        (["内部资料 注意保存", "督查专报", "第3期", "中共上街区委督查室", "2020 年 6 月 8 日"],
         "督查专报", 3, "中共上街区委督查室"),
        (["工作动态", "2021 年第 7 期", "中共峡窝镇委员会办公室", "2020.6.8"], "工作动态", 7, "中共峡窝镇委员会办公室"),
        (["上 街 信 息", "第四十四期", "中共上街区委办公室", "二〇二〇年六月八日"],
         "上街信息", 44, "中共上街区委办公室"),
        (["上街信息 第44期 中共上街区委办公室 2020年6月8日"], "上街信息", 44, "中共上街区委办公室"),
        (["上街信息", "第 44 期", "2020 年 6 月 8 日", "中共上街区委办公室"], "上街信息", 44, "中共上街区委办公室"),
        (["上街信息", "总第 235 期", "中共上街区委办公室 2020-06-08"], "上街信息", 235, "中共上街区委办公室"),
    ],
)
def test_mastheads_in_their_usual_layouts_are_read(head, series, number, office):
    masthead = parse_masthead([*head, "弘扬劳动精神 争当出彩先锋", "6月4日，我区举办宣讲报告会。"])
    assert (masthead.series, masthead.number, masthead.office, masthead.date) == (
        series, number, office, datetime.date(2020, 6, 8))
    assert masthead.lines_used == len(head)
    assert masthead.unknown == []


def test_a_running_number_is_kept_beside_the_issue_number():
    masthead = parse_masthead(
        ["高新区工作简报", "第 12 期（总第 156 期）", "郑州高新区党工委办公室", "2021 年 4 月 20 日"]
    )
    assert (masthead.number, masthead.total_number) == (12, 156)


@pytest.mark.parametrize(
    "head",
    [
        ["政务信息", "增刊", "第2期", "上街区人民政府办公室 2020年6月8日"],
        ["政务信息（增刊）", "第2期", "2020年6月8日"],
        ["政务信息", "增刊（2）", "2020年6月8日"],
    ],
)
def test_a_supplement_is_recognised_and_numbered_on_its_own(head):
    masthead = parse_masthead(head)
    assert (masthead.series, masthead.number, masthead.supplement) == ("政务信息", 2, True)


def test_text_that_starts_with_an_item_has_no_masthead():
    masthead = parse_masthead(["弘扬劳动精神 争当出彩先锋", "走进上街区 6月 4日，我区举办"])
    assert (masthead.series, masthead.number, masthead.office, masthead.date, masthead.lines_used) == (
        None, None, None, None, 0)


def test_unknown_lines_inside_the_masthead_are_reported():
    masthead = parse_masthead(["上街信息", "第44期", "主编 张三 王五", "中共上街区委办公室 2020年6月8日"])
    assert masthead.unknown == ["主编 张三 王五"]


# Lines and pages --------------------------------------------------------------------------------------------


def test_page_markers_form_feeds_and_blank_lines_are_removed_and_remembered():
    result = prepare_lines("\n— 1 —\n\n上街信息\n第 44 期\n\n正文一行\f－2－\n 感染的战绩\n")
    assert [line.text for line in result] == ["上街信息", "第 44 期", "正文一行", "感染的战绩"]
    assert [line.page_break_before for line in result] == [False, False, False, True]
    assert result[2].blank_before


def test_a_bare_number_is_a_page_number_only_at_the_edge_of_a_page():
    result = prepare_lines("正文一行\n3\f正文二行\n12\n正文三行\n4\f")
    assert [line.text for line in result] == ["正文一行", "正文二行", "12", "正文三行"]


def test_a_header_repeated_on_later_pages_is_removed():
    result = prepare_lines("上街信息\n第1页正文\f上街简报\n第2页正文\f上街简报\n第3页正文\f")
    assert [line.text for line in result] == ["上街信息", "第1页正文", "第2页正文", "第3页正文"]


def test_the_series_name_at_the_top_of_a_later_page_is_a_running_header():
    body = [Line("正文。"), Line("上街区工作简报", page_break_before=True), Line("正文二。")]
    assert [line.text for line in drop_running_headers(body, "上街区工作简报")] == ["正文。", "正文二。"]


def test_a_printed_line_cut_at_a_wide_gap_is_put_back_together():
    cut = [Line("区政府召开冬季清洁取暖工作推进会"), Line("12 月 3 日，区政府", blank_before=True),
           Line("召开冬季清洁取暖工作推进会。会议要求，各乡镇、街道要对", blank_before=True)]
    merged = merge_fragments(cut, FULL)
    assert [line.text for line in merged] == ["区政府召开冬季清洁取暖工作推进会 12 月 3 日，区政府", cut[2].text]


def test_two_short_lines_without_the_blank_lines_of_a_cut_stay_apart():
    title = [Line("高新区科技局组织企业参加中国（郑州）国际创新创业"), Line("大赛"),
             Line("4 月上旬，区科技局组织辖区企业参加大赛。")]
    assert merge_fragments(title, FULL) == title


def test_section_headings_and_a_table_of_contents_are_dropped():
    body = lines("本期要目", "峡窝镇下好夜间经济“先手棋”", "区委社治委挂图作战", "【基层动态】",
                 "峡窝镇下好夜间经济“先手棋” 一是打造招牌。", "◆工作交流◆", "区委社治委挂图作战 一是实施。")
    assert [line.text for line in drop_furniture(body)] == ["峡窝镇下好夜间经济“先手棋” 一是打造招牌。",
                                                            "区委社治委挂图作战 一是实施。"]


def test_a_table_of_contents_ends_where_its_first_headline_comes_back_as_an_item():
    body = lines("本期要目", "峡窝镇下好夜间经济“先手棋”……1", "区委社治委挂图作战……2",
                 "峡窝镇下好夜间经济“先手棋” 一是打造“特色名", "吃”招牌。统筹临街商业门面。（峡窝镇）")
    assert [line.text for line in drop_furniture(body)] == [body[3].text, body[4].text]


# Distribution block -----------------------------------------------------------------------------------------


def test_the_distribution_block_at_the_end_is_found():
    body = lines("正文。（峡窝镇）", "报：市委办公厅，市委政研室。", "送：区委各位常委。",
                 "发：各乡镇党委、街道党工委。",
                 "中共上街区委办公室 2020 年 6 月 8 日印发", "（共印 80 份）")
    assert find_distribution(body) == 1


def test_a_body_line_that_starts_like_a_distribution_line_is_not_the_block():
    body = lines("某某镇印", "发：文件下发后，全镇召开会议", "学习贯彻文件精神，", "逐条对照落实", "确保取得实效。",
                 "抓好落实。")
    assert find_distribution(body) == len(body)


def test_a_wrapped_distribution_line_is_joined_to_the_line_it_continues():
    block = [Line("送：区委各位常委，区人大常委会主任，区政府区长，区政协主席，区纪委"), Line("监委主要负责同志。"),
             Line("发：各乡镇党委。"), Line("共印 120 份")]
    assert clean_distribution(block, FULL) == [
        "送：区委各位常委，区人大常委会主任，区政府区长，区政协主席，区纪委监委主要负责同志。",
        "发：各乡镇党委。",
        "共印120份",
    ]


# Sources ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "unit"),
    [("峡窝镇", "峡窝镇"), ("区委办 区委社治委", "区委办 区委社治委"),
     ("区委组织部（区委党校）", "区委组织部（区委党校）"),
     ("区市场监管局、区商务局", "区市场监管局、区商务局"), ("峡\n窝镇", "峡窝镇"), ("供稿：工业路街道", "工业路街道"),
     ("工业路街道供稿", "工业路街道"), ("工业路街道 李静", "工业路街道 李静")],
)
def test_bracketed_unit_names_are_sources(content, unit):
    assert source_of(content) == unit


@pytest.mark.parametrize(
    "content",
    ["一", "3", "完", "待续", "下转第2版", "本地区常驻户口居民，生活困难居民", "图", "x", "ABC", "数据来源：统计局"],
)
def test_brackets_holding_anything_else_are_not_sources(content):
    assert source_of(content) is None


def test_a_source_split_over_a_line_and_page_break_is_found():
    stream = "现已完成 80%。（区\n委社治委）\n工业路街道征集“金点子” 近日，街道派出工作组。（工业路街道）"
    assert [unit for _o, _c, unit in find_sources(stream)] == ["区委社治委", "工业路街道"]


def test_a_source_on_a_line_of_its_own_is_found():
    assert [unit for *_x, unit in find_sources("解决群众诉求 215 件。\n（石佛办事处）")] == ["石佛办事处"]


def test_brackets_inside_a_sentence_are_not_sources():
    stream = ("出台《社区社会组织暂行办法（试行）》。\n建立准入对象两优先原则（本地区常驻户口居民）\n"
              "做到标准明确。（一）\n加强领导。")
    assert find_sources(stream) == []


# Headlines --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "headline", "body_start"),
    [
        (["弘扬劳动精神 争当出彩先锋 郑州圆方集团宣讲团", "走进上街区 6月 4日，我区举办“弘扬劳动精神 争当出彩"],
         "弘扬劳动精神 争当出彩先锋 郑州圆方集团宣讲团走进上街区", "6月4日，我区"),
        (["峡窝镇下好夜间经济“先手棋” 一是打造“特色名", "吃”招牌。统筹临街商业门面，充分发挥特色商业街区带动作"],
         "峡窝镇下好夜间经济“先手棋”", "一是打造“特色名"),
        (["区委社治委挂图作战推进“美丽人居”建设 一是", "实施台账管理强责任。由一名副职直接分管“美丽人居”建设"],
         "区委社治委挂图作战推进“美丽人居”建设", "一是"),
        (["工业路街道征集无主管楼院治理提升“金点子” 近", "日，工业路街道派出 7个工作组，面向辖区 7个无主管楼院居"],
         "工业路街道征集无主管楼院治理提升“金点子”", "近"),
        (["高新区召开 2021 年一季度经济运行分析会", "4 月 16 日，高新区召开 2021 年一季度经济运行分析会，"],
         "高新区召开2021年一季度经济运行分析会", "4 月 16 日"),
        (["创新服务模式 优化营商环境 高新区推行企业开办“一日", "办结”改革",
          "高新区将企业设立登记、公章刻制、发票申领、社保登记", "等事项整合为“一件事”，"],
         "创新服务模式 优化营商环境 高新区推行企业开办“一日办结”改革", "高新区将企业"),
        (["夜市经济为何这么火？ 7 月以来，上街区 5 个特色夜市日均客流超过 2 万人次。"],
         "夜市经济为何这么火？", "7月以来"),
        (["工业路街道：三项举措守护“一老一小” 工业路街道为辖区 860 名独居老人安装烟感，"],
         "工业路街道：三项举措守护“一老一小”", "工业路街道为"),
        (["区税务局为企业退税减税超 3 亿元 3 个工作组深入企业开展政策辅导，累计为全区"],
         "区税务局为企业退税减税超3亿元", "3个工作组"),
        (["马固村 5G 智慧农业示范园建成投用 马固村投资 380 万元建设的示范园近日投用，"],
         "马固村5G智慧农业示范园建成投用", "马固村投资"),
        (["某某镇推进人居环境整治 今年 6 月以来，全镇开展清洁行动。"], "某某镇推进人居环境整治", "今年6月以来"),
        (["抓党建，促发展 某某镇打造红色物业 近日，某某镇召开会议。"], "抓党建，促发展", "某某镇打造"),
        (["区委办 区委社治委 区民政局联合开展社区工作者能力提升培训 5 月 4",
          "日至 5 日，全区 160 名社区工作者参加培训，"],
         "区委办 区委社治委 区民政局联合开展社区工作者能力提升培训", "5月4"),
    ],
)
def test_the_headline_is_told_from_the_body(texts, headline, body_start):
    split = split_headline(lines(*texts), FULL)
    assert split.headline == headline
    assert clean_spaces(join_lines([line.text for line in split.body])).startswith(clean_spaces(body_start))


def test_a_line_end_followed_by_the_opening_date_ends_a_headline_set_in_the_body_size():
    split = split_headline(lines("上街区召开 2025 年全区工作会议暨作风建设大会",
                                 "2 月 12 日，上街区召开 2025 年全区工作会议暨作风建设大"), 50)
    assert split.headline == "上街区召开2025年全区工作会议暨作风建设大会"


def test_a_headline_may_end_with_a_per_cent_sign():
    item = lines("镇卫生院家庭医生签约服务覆盖率达75% 镇卫生院组建", "家庭医生团队9个，为人群提供服务。")
    split = split_headline(item, 52)
    assert (split.headline, split.body[0].text) == ("镇卫生院家庭医生签约服务覆盖率达75%", "镇卫生院组建")


def test_the_full_line_width_ignores_short_lines_and_exploded_lines():
    exploded = "问 题 37 处 ， 下 达 责 任 改 正 通 知 书 9 份 。 同 时 通 过 “ i 上"
    body = lines(*["一" * 27] * 6, *["二" * 10] * 10, exploded)
    assert full_width(body) == 54


def test_an_item_without_a_typed_space_or_own_line_has_no_headline():
    text = "峡窝镇下好夜间经济一是打造特色名吃招牌，统筹临街商业门面充分发挥带动作用，形成消费氛"
    split = split_headline(lines(text), FULL)
    assert split.headline is None


# Items and paragraphs ---------------------------------------------------------------------------------------


def test_a_new_item_starts_after_a_sentence_with_a_bold_lead_sentence():
    chunk = lines("上街区召开优化营商环境工作会议 2月15日，上街区召开会议，会议指出全区新增市场主体很多。",
                  "会议要求全面推行一网通办。", "区住建局加快保交楼项目建设 区住建局对全区9个项目实行一楼一策。")
    assert item_starts(chunk, FULL) == [0, 2]


def test_a_new_item_starts_after_a_sentence_with_a_headline_on_its_own_line():
    chunk = lines("上街区举办乡村振兴专题培训班", "10 月 18 日至 20 日，上街区举办乡村振兴专题培训班，邀请专家授课。",
                  "峡窝镇打造“一村一品”特色产业", "峡窝镇立足资源禀赋，发展特色种植。")
    assert item_starts(chunk, FULL) == [0, 2]


def test_numbered_subheadings_and_new_paragraphs_do_not_start_items():
    chunk = lines("济源路街道召开2022年工作会议", "2月25日，济源路街道召开2022年工作会议。",
                  "一、坚持党建引领，夯实基层基础", "全面推行街道大工委制度。",
                  "会议要求，各科室要抓好落实，确保各项任务按期完成，全面提升群众满意度和获得感。")
    assert item_starts(chunk, FULL) == [0]


def test_a_short_line_ending_a_sentence_ends_a_paragraph():
    body = lines("会议指出，一季度全区经济运行实现开门红，地区生产总值同比增长，规模", "以上工业增加值同比增长。",
                 "会议要求，各部门要坚持目标导向。")
    assert paragraph_break_after(body, 1, FULL)
    assert not paragraph_break_after(body, 0, FULL)
    assert body_text(body, FULL) == (
        "会议指出，一季度全区经济运行实现开门红，地区生产总值同比增长，规模以上工业增加值同比增长。\n"
        "会议要求，各部门要坚持目标导向。"
    )


def test_a_subheading_is_a_paragraph_of_its_own():
    body = lines("2月25日，街道召开工作会议。", "一、坚持党建引领，夯实基层基础", "全面推行街道大工委制度。")
    assert body_text(body, FULL) == (
        "2月25日，街道召开工作会议。\n一、坚持党建引领，夯实基层基础\n全面推行街道大工委制度。"
    )


# Rules added after the held-out measurements (data/heldout/) ------------------------------------------------


def test_a_line_stretched_into_words_by_justification_is_joined_again():
    stretched = "经营 单位 1126 家， 发现 隐患 2358 处， 已整 改 2104 处"
    assert unstretch(stretched) == "经营单位 1126 家，发现隐患 2358 处，已整改 2104 处"
    assert body_text(lines("会议指出，全区共检查生产", "经营 单位 1126 家， 发现 隐患 2358 处。"), FULL) == (
        "会议指出，全区共检查生产经营单位1126家，发现隐患2358处。")


def test_a_line_with_one_meant_space_is_not_stretched():
    assert unstretch("举办“弘扬劳动精神 争当出彩先锋”宣讲报告会") == "举办“弘扬劳动精神 争当出彩先锋”宣讲报告会"


def test_a_lone_word_before_a_number_opens_the_body_not_the_headline():
    first = "区民政局提高城乡低保标准 自 2022 年 1 月 1 日起，城市低保标准由"
    split = split_headline(lines(first, "每人每月提高。"), FULL)
    assert split.headline == "区民政局提高城乡低保标准"
    assert body_text(split.body, FULL) == "自2022年1月1日起，城市低保标准由每人每月提高。"


@pytest.mark.parametrize("first", ["1. 加强工业企业监", "①加强工业企业监"])
def test_a_body_opening_with_a_numbered_point_after_a_bold_headline_starts_an_item(first):
    body = lines("确保完成年度空气质量改善目标。", f"区生态环境分局开展秋冬季大气污染治理攻坚 {first}",
                 "管。对涉气重点企业开展执法检查。")
    assert item_starts(body, FULL) == [0, 1]
    assert split_headline(body[1:], FULL).headline == "区生态环境分局开展秋冬季大气污染治理攻坚"


def test_a_numbered_point_whose_last_characters_were_pushed_down_is_not_a_paragraph_end():
    body = lines("2. 强化扬尘污染治理。对全区 67 个建筑工地落实“六个百分之", "百”要求，安装扬尘在线监测设备 58 套。")
    assert "\n" not in body_text(body, FULL)


def test_a_special_issue_line_is_not_part_of_the_series_name():
    head = parse_masthead(["疫情防控工作简报", "特刊", "第3期", "区疫情防控指挥部办公室", "2022年4月2日"])
    assert (head.series, head.number, head.supplement) == ("疫情防控工作简报", 3, False)
