import pytest

from jiceng.ideas.grouping.metrics import Scores, bcubed_scores, groups_from_labels, pairwise_scores

PREDICTED = [["a", "b", "c"], ["d"]]
TRUTH = [["a", "b"], ["c", "d"]]


def test_pairwise_scores_count_the_pairs_put_together_by_hand():
    # predicted pairs ab ac bc, true pairs ab cd, shared ab
    scores = pairwise_scores(PREDICTED, TRUTH)

    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == pytest.approx(1 / 2)
    assert scores.f1 == pytest.approx(0.4)


def test_bcubed_scores_average_over_every_item_by_hand():
    # per item precision a 2/3 b 2/3 c 1/3 d 1, recall a 1 b 1 c 1/2 d 1/2
    scores = bcubed_scores(PREDICTED, TRUTH)

    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(3 / 4)
    assert scores.f1 == pytest.approx(12 / 17)


def test_a_perfect_grouping_scores_one_everywhere():
    assert pairwise_scores(TRUTH, [["d", "c"], ["b", "a"]]) == Scores(1.0, 1.0, 1.0)
    assert bcubed_scores(TRUTH, [["d", "c"], ["b", "a"]]) == Scores(1.0, 1.0, 1.0)


def test_all_singletons_have_full_precision_and_no_pairwise_recall():
    singletons = [["a"], ["b"], ["c"]]

    assert pairwise_scores(singletons, [["a", "b", "c"]]) == Scores(1.0, 0.0, 0.0)
    bcubed = bcubed_scores(singletons, [["a", "b", "c"]])
    assert (bcubed.precision, bcubed.recall, bcubed.f1) == pytest.approx((1.0, 1 / 3, 0.5))


def test_one_big_group_has_full_recall_and_the_share_of_true_pairs_as_precision():
    scores = pairwise_scores([["a", "b", "c", "d"]], TRUTH)

    assert (scores.precision, scores.recall) == pytest.approx((2 / 6, 1.0))


def test_groupings_over_different_ids_are_refused():
    with pytest.raises(ValueError, match="different ids"):
        pairwise_scores([["a", "b"]], [["a", "c"]])


def test_an_id_listed_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        bcubed_scores([["a", "b"], ["b"]], [["a", "b"]])


def test_two_empty_groupings_score_one():
    assert pairwise_scores([], []) == Scores(1.0, 1.0, 1.0)
    assert bcubed_scores([], []) == Scores(1.0, 1.0, 1.0)


def test_labels_become_groups_in_order_of_first_appearance():
    assert groups_from_labels({1: "x", 2: "y", 3: "x"}) == [[1, 3], [2]]
