"""Grouping quality on the labelled sets: the tuning set must reach the target, the held-out set is reported."""

from jiceng.ideas.grouping import group_suggestions
from jiceng.ideas.grouping.metrics import bcubed_scores, pairwise_scores

from .helpers import load, true_groups


def scores_on(name):
    rows = load(name)
    predicted = group_suggestions([(row["id"], row["text"], row["compound"]) for row in rows])
    return pairwise_scores(predicted, true_groups(rows)), bcubed_scores(predicted, true_groups(rows))


def test_the_labelled_set_is_big_and_varied_enough():
    rows = load("labelled")
    groups = [group for group in true_groups(rows) if len(group) > 1]

    assert len(rows) >= 400
    assert len(groups) >= 60


def test_the_held_out_set_is_big_enough():
    assert len(load("heldout")) >= 150


def test_grouping_reaches_a_pairwise_f1_of_at_least_0_85_on_the_labelled_set():
    pairwise, bcubed = scores_on("labelled")

    print(f"\nlabelled: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    assert pairwise.f1 >= 0.85


def test_grouping_on_the_held_out_set_is_measured_and_stays_above_its_floor():
    pairwise, bcubed = scores_on("heldout")

    print(f"\nheld-out: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    # The brief's target is 0.80; measured 0.747 when this was written (see docs/performance-ideas.md).  This floor
    # catches regressions; raising it to 0.80 needs a better grouping, not a retuned held-out set.
    assert pairwise.f1 >= 0.72
