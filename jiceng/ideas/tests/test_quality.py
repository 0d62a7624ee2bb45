"""Grouping quality on the labelled sets: the tuning set must reach the target; the held-out and fresh sets are
reported and kept above floors set a little under the figures measured (see the "Ideas" section of
docs/performance.md)."""

import pytest

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


def test_the_fresh_set_is_big_and_varied_enough():
    rows = load("fresh")
    groups = [group for group in true_groups(rows) if len(group) > 1]

    assert len(rows) >= 200
    assert len(groups) >= 45


def test_grouping_reaches_a_pairwise_f1_of_at_least_0_85_on_the_labelled_set():
    pairwise, bcubed = scores_on("labelled")

    print(f"\nlabelled: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    assert pairwise.f1 >= 0.85


def test_grouping_on_the_held_out_set_is_measured_and_stays_above_its_floor():
    pairwise, bcubed = scores_on("heldout")

    print(f"\nheld-out: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    # Measured 0.747 when this test was written, 0.845 after the lexicon was broadened (docs/performance.md,
    # "Ideas").  The held-out set was never edited and its errors were never looked at, but the documentation names
    # its unknown topics, and words for some of them are now in the lexicon.  This floor catches regressions.
    assert pairwise.f1 >= 0.82


def test_grouping_on_the_fresh_set_is_measured_and_stays_above_its_floor():
    pairwise, bcubed = scores_on("fresh")

    print(f"\nfresh: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    # First sight, before any change: pairwise F1 0.650 (B-cubed 0.771).  After the lexicon was broadened: 0.802
    # (B-cubed 0.864).  The same author wrote the set and the new words, so 0.802 is not a first-sight figure.
    assert pairwise.f1 >= 0.78
    assert bcubed.f1 >= 0.84


def test_grouping_on_the_second_fresh_set_is_measured_and_stays_above_its_floor():
    pairwise, bcubed = scores_on("fresh2")

    print(f"\nfresh2: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    # Written after the lexicon was broadened and measured once, first sight: pairwise F1 0.819 (B-cubed 0.881).
    # Never tuned on.  This floor catches regressions.
    assert len(load("fresh2")) >= 90
    assert pairwise.f1 >= 0.80


# Sixteen sets written in November 2026 by writers who never saw the grouping, its lexicon or each other's sets,
# each from another part of the country and other channels.  north, south, central and township were measured first
# sight before the lexicon was broadened; north and south were then looked at, central and township only as overall
# scores; east and southwest were measured first sight afterwards and then looked at; northeast, capital, chengdu and
# prefecture were measured first sight on the final version and used for nothing.  county, shanghai, guangzhou and
# xian were written later with heavier paraphrase and dialect, measured first sight on the same version, and used only
# to measure the changes tried after them; so were zhengzhou (plain Mandarin, the seed's district) and wuhan (12345
# work orders and chat lines), written last (docs/performance.md, "Ideas").
# The floors are a little under the current figures and catch regressions; they are not the target.
REGIONAL_FLOORS = {"north": 0.77, "south": 0.71, "central": 0.85, "township": 0.82, "east": 0.70, "southwest": 0.67,
                   "northeast": 0.66, "capital": 0.69, "chengdu": 0.78, "prefecture": 0.82,
                   "county": 0.49, "shanghai": 0.44, "guangzhou": 0.53, "xian": 0.65, "zhengzhou": 0.64,
                   "wuhan": 0.36}


@pytest.mark.parametrize("name", list(REGIONAL_FLOORS))
def test_grouping_on_the_regional_sets_is_measured_and_stays_above_its_floor(name):
    rows = load(name)
    pairwise, bcubed = scores_on(name)

    print(f"\n{name}: pairwise P={pairwise.precision:.3f} R={pairwise.recall:.3f} F1={pairwise.f1:.3f}; "
          f"B-cubed F1={bcubed.f1:.3f}")
    assert len(rows) >= 140 and len(true_groups(rows)) >= 30
    assert pairwise.f1 >= REGIONAL_FLOORS[name]
