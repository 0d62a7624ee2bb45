import pytest

from jiceng.ideas.grouping.lexicon import LexiconError, default_lexicon, parse_lexicon


def test_the_shipped_lexicon_reads_and_knows_the_residents_words_for_broken_lights():
    lexicon = default_lexicon()

    assert "LIGHT" in lexicon.variants["黑咕隆咚"]
    assert ("STAIR_LIGHT", "LIGHT", "STAIRWELL") in lexicon.derived


def test_a_variant_listed_under_two_concepts_yields_both():
    lexicon = parse_lexicon("A 1: 楼道灯\nB 2: 楼道灯 楼道\n")

    assert lexicon.variants["楼道灯"] == ("A", "B")
    assert lexicon.match_at("的楼道灯", 1) == (3, ("A", "B"))


def test_the_longest_variant_wins():
    lexicon = parse_lexicon("A 1: 垃圾\nB 1: 垃圾桶\n")

    assert lexicon.match_at("垃圾桶满了", 0) == (3, ("B",))


def test_a_filler_word_that_is_also_a_real_variant_keeps_its_real_meaning():
    lexicon = parse_lexicon("_ 0: 停\nPARKING 1: 停\n")

    assert lexicon.variants["停"] == ("PARKING",)


def test_an_unreadable_line_is_reported_with_its_number():
    with pytest.raises(LexiconError, match="line 2"):
        parse_lexicon("A 1: 灯\nthis is not a lexicon line\n")


def test_a_concept_given_two_weights_is_refused():
    with pytest.raises(LexiconError, match="already has weight"):
        parse_lexicon("A 1: 灯\nA 2: 路灯\n")


def test_a_derived_concept_from_an_unknown_concept_is_refused():
    with pytest.raises(LexiconError, match="unknown concept"):
        parse_lexicon("A 1: 灯\nC 3 = A & B\n")
