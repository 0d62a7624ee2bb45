import json
import os
import subprocess
import sys

import pytest

from jiceng.ideas.grouping import DEFAULT_THRESHOLD, group_suggestions
from jiceng.ideas.grouping.features import analyse

from .helpers import load


def together(groups, *ids):
    return any(all(ident in group for ident in ids) for group in groups)


def test_a_broken_stairwell_light_and_its_rephrasing_with_a_building_number_are_grouped():
    groups = group_suggestions([(1, "楼道灯坏了"), (2, "3号楼楼道的灯不亮"), (3, "楼道堆满杂物")])

    assert together(groups, 1, 2)


def test_broken_stairwell_lights_and_a_cluttered_stairwell_are_kept_apart():
    groups = group_suggestions([(1, "楼道灯坏了"), (2, "3号楼楼道的灯不亮"), (3, "楼道堆满杂物")])

    assert not together(groups, 1, 3)
    assert not together(groups, 2, 3)


@pytest.mark.parametrize(("first", "second"), [
    ("楼道里黑咕隆咚的，晚上上楼看不见", "单元楼梯的声控灯不亮了"),
    ("顶楼一下雨就漏水", "楼顶防水坏了，屋里渗水"),
    ("院里停车太乱了，车停得横七竖八", "车位太少，下班回来没地方停"),
    ("院里好几条流浪狗追人", "野狗太多了，孩子不敢出门"),
    ("建议办个老年食堂", "老人做饭难，希望有个助餐点"),
])
def test_everyday_rephrasings_of_one_problem_are_grouped(first, second):
    groups = group_suggestions([("a", first), ("b", second), ("c", "楼下垃圾桶满了没人清运"),
                                ("d", "希望院里装几个晾衣架")])

    assert together(groups, "a", "b")


@pytest.mark.parametrize(("first", "second"), [
    ("楼道灯坏了", "院里的路灯不亮"),
    ("顶楼漏水", "水管老化漏水"),
    ("电动车没地方充电", "院里停车太乱"),
    ("下水道堵了", "化粪池满了没人抽"),
])
def test_different_problems_sharing_a_word_are_kept_apart(first, second):
    groups = group_suggestions([("a", first), ("b", second)])

    assert not together(groups, "a", "b")


def test_every_id_appears_exactly_once():
    rows = load("labelled")

    groups = group_suggestions([(row["id"], row["text"]) for row in rows])

    flat = [ident for group in groups for ident in group]
    assert sorted(flat) == sorted(row["id"] for row in rows)


def test_groups_come_largest_first_with_ids_in_input_order():
    groups = group_suggestions([(9, "谢谢"), (5, "楼道灯坏了"), (7, "楼梯灯不亮"), (1, "楼道的灯泡坏了")])

    assert groups == [[5, 7, 1], [9]]


def test_filler_only_texts_stay_on_their_own_even_when_identical():
    groups = group_suggestions([(1, "谢谢"), (2, "谢谢"), (3, "辛苦了")])

    assert sorted(groups) == [[1], [2], [3]]


def test_identical_texts_are_grouped():
    groups = group_suggestions([(1, "院里的路灯不亮"), (2, "院里的路灯不亮"), (3, "楼道堆满杂物")])

    assert [1, 2] in groups


def test_the_compound_is_ignored_unless_compounds_are_to_be_kept_apart():
    items = [(1, "楼道灯坏了", "纺织厂家属院"), (2, "楼梯的灯不亮", "机械厂宿舍")]

    assert group_suggestions(items) == [[1, 2]]
    assert group_suggestions(items, separate_compounds=True) == [[1], [2]]


def test_an_empty_list_gives_no_groups():
    assert group_suggestions([]) == []


def test_a_higher_threshold_never_gives_fewer_groups():
    rows = load("heldout")
    items = [(row["id"], row["text"]) for row in rows]

    assert len(group_suggestions(items, threshold=0.8)) >= len(group_suggestions(items, threshold=DEFAULT_THRESHOLD))


def test_a_duplicate_id_is_refused():
    with pytest.raises(ValueError, match="duplicate id"):
        group_suggestions([(1, "楼道灯坏了"), (1, "楼梯灯不亮")])


@pytest.mark.parametrize("threshold", [0, -0.5, 1.5])
def test_a_threshold_outside_zero_to_one_is_refused(threshold):
    with pytest.raises(ValueError, match="threshold"):
        group_suggestions([(1, "楼道灯坏了")], threshold=threshold)


def test_an_item_that_is_not_a_pair_or_triple_is_refused():
    with pytest.raises(ValueError, match="expected"):
        group_suggestions([(1,)])


def test_the_same_input_gives_the_same_groups_twice():
    items = [(row["id"], row["text"]) for row in load("heldout")]

    assert group_suggestions(items) == group_suggestions(items)


def test_the_groups_do_not_depend_on_the_hash_seed():
    script = ("import json, sys; from jiceng.ideas.grouping import group_suggestions; "
              "from jiceng.ideas.tests.helpers import load; "
              "print(json.dumps(group_suggestions([(r['id'], r['text']) for r in load('heldout')])))")

    def run(seed):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,  # noqa: S603
                                check=True)
        return json.loads(result.stdout)

    assert run("1") == run("2")


def test_building_numbers_and_filler_do_not_count_as_content():
    assert analyse("建议3号楼2单元楼道灯坏了") == analyse("楼道灯坏了")


def test_a_concept_in_a_descriptive_later_clause_counts_less_than_in_the_first():
    concepts = dict(analyse("院里老鼠太多了，晚上在垃圾桶边上乱窜").concepts)

    assert concepts["PESTS"] == 1.0
    assert concepts["GARBAGE"] < 0.5


def test_a_one_character_entry_does_not_take_a_character_out_of_a_common_word():
    assert "NOISE" not in dict(analyse("邻居两家天天吵架").concepts)
    assert "NOISE" in dict(analyse("楼下天天吵").concepts)


@pytest.mark.parametrize("labelled, plain", [
    ("坝坝会记录：院坝还是泥巴地，一下雨就没法走", "院坝还是泥巴地，一下雨就没法走"),
    ("楼组长记：3号楼楼道灯坏了", "3号楼楼道灯坏了"),
    ("来电人反映：小区垃圾没人清运", "小区垃圾没人清运"),
    ("网格员走访：独居老人希望有人送餐", "独居老人希望有人送餐"),
])
def test_a_records_label_says_nothing_about_the_problem(labelled, plain):
    assert analyse(labelled) == analyse(plain)


def test_a_label_like_start_that_names_the_problem_is_kept():
    assert dict(analyse("楼道灯：坏了三个月").concepts).keys() >= {"LIGHT", "STAIRWELL"}


def test_labelled_records_of_different_problems_are_not_grouped_by_their_label():
    texts = ["坝坝会记录：院坝地面坑坑洼洼，建议重新硬化", "坝坝会记录：茶馆打麻将吵到半夜，建议限时",
             "坝坝会记录：公厕太脏，建议增加保洁", "坝坝会记录：垃圾清运不及时，建议增加频次"]
    assert all(len(group) == 1 for group in group_suggestions(list(enumerate(texts))))


def test_the_party_asked_to_act_is_not_the_topic():
    asked = dict(analyse("要求物业清理楼道杂物").concepts)
    assert "PROPERTY_CO" not in asked and "CLUTTER" in asked
    assert "PROPERTY_CO" in dict(analyse("建议引进物业公司").concepts)
    assert "FEES" in dict(analyse("希望物业费降低一点").concepts)


def test_a_request_marker_alone_before_a_colon_makes_the_next_clause_the_request():
    plain = dict(analyse("市民来电反映，小区很乱。诉求：增设充电桩").concepts)
    assert plain["CHARGING"] == 1.0
