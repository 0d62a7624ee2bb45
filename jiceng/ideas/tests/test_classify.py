import pytest

from jiceng.ideas.classify import CategorySuggester, Suggestion, default_keywords

from .helpers import load

EXAMPLES = [
    ("楼道灯坏了", "基础设施"), ("顶楼漏水", "基础设施"), ("下水道堵了", "基础设施"),
    ("院里停车太乱", "停车交通"), ("车位太少没地方停", "停车交通"), ("外来车辆随便停", "停车交通"),
]


def test_the_default_categories_are_data_and_end_with_other():
    keywords = default_keywords()

    assert list(keywords)[:3] == ["基础设施", "环境卫生", "停车交通"]
    assert list(keywords)[-1] == "其他"
    assert "垃圾" in keywords["环境卫生"]


def test_without_training_keywords_suggest_the_category():
    suggestion = CategorySuggester().suggest("楼下垃圾桶满了好几天没人清运")

    assert suggestion.category == "环境卫生"
    assert suggestion.basis == "keywords"
    assert "垃圾" in suggestion.keywords_matched
    assert 0 < suggestion.confidence <= 0.9


def test_a_text_matching_no_keyword_gets_the_fallback_category_with_zero_confidence():
    assert CategorySuggester().suggest("谢谢你们") == Suggestion("其他", 0.0, "keywords", ())


def test_too_few_examples_per_category_leave_the_keywords_in_charge():
    suggester = CategorySuggester(min_examples=5).train(EXAMPLES)

    assert suggester.model_categories == ()
    assert suggester.suggest("院里停车太乱了").basis == "keywords"


def test_enough_examples_per_category_train_a_model():
    suggester = CategorySuggester(min_examples=3).train(EXAMPLES)

    suggestion = suggester.suggest("下班回来没地方停车")

    assert set(suggester.model_categories) == {"基础设施", "停车交通"}
    assert suggestion == Suggestion("停车交通", suggestion.confidence, "model", ("停车",))
    assert 0.5 < suggestion.confidence <= 1


def test_the_model_learns_categories_of_its_own_that_no_keyword_knows():
    examples = [("晚上院里有人唱卡拉OK", "扰民"), ("半夜放鞭炮", "扰民"), ("楼上装修电钻声", "扰民"),
                ("楼道灯坏了", "基础设施"), ("楼梯灯不亮", "基础设施"), ("院里路灯坏了", "基础设施")]

    suggester = CategorySuggester(min_examples=3).train(examples)

    assert suggester.suggest("楼上装修电钻声太吵").category == "扰民"


def test_strong_keywords_of_a_category_the_model_does_not_know_win():
    suggester = CategorySuggester(min_examples=3).train(EXAMPLES)

    suggestion = suggester.suggest("希望办个老年食堂，给老人送餐")

    assert (suggestion.category, suggestion.basis) == ("养老服务", "keywords")


def test_a_text_with_nothing_the_model_has_seen_falls_back_to_keywords():
    suggester = CategorySuggester(min_examples=3).train(EXAMPLES)

    assert suggester.suggest("谢谢") == Suggestion("其他", 0.0, "keywords", ())


def test_retraining_replaces_what_was_learnt():
    suggester = CategorySuggester(min_examples=3).train(EXAMPLES)

    suggester.train(EXAMPLES[:2])

    assert suggester.model_categories == ()


def test_an_example_without_a_category_is_refused():
    with pytest.raises(ValueError, match="empty category"):
        CategorySuggester().train([("楼道灯坏了", "")])


def test_an_example_that_is_not_a_pair_is_refused():
    with pytest.raises(ValueError, match="expected"):
        CategorySuggester().train([("楼道灯坏了",)])


def test_a_custom_keyword_table_replaces_the_default():
    suggester = CategorySuggester(keywords={"照明": ["灯"], "其他": []})

    assert suggester.suggest("楼道灯坏了").category == "照明"
    assert suggester.suggest("停车难").category == "其他"


def test_trained_on_the_labelled_set_the_model_mostly_agrees_with_the_held_out_categories():
    suggester = CategorySuggester().train([(row["text"], row["category"]) for row in load("labelled")])
    rows = load("heldout")

    accuracy = sum(suggester.suggest(row["text"]).category == row["category"] for row in rows) / len(rows)

    print(f"\ncategory accuracy on the held-out set: {accuracy:.3f}")
    assert accuracy >= 0.6
