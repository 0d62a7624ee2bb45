import pytest

from jiceng.ideas.grouping.lexicon import LexiconError, default_lexicon, parse_lexicon


def test_the_shipped_lexicon_reads_and_knows_the_residents_words_for_broken_lights():
    lexicon = default_lexicon()

    assert "LIGHT" in lexicon.variants["黑咕隆咚"]
    assert ("STAIR_LIGHT", "LIGHT", "STAIRWELL", None) in lexicon.derived


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


def test_a_derived_concept_can_name_an_exception():
    lexicon = parse_lexicon("LIFT 1.5: 电梯\nADD 0.4: 没有 装\nBROKEN 0.8: 坏了\nFAULT 3 = LIFT & BROKEN\n"
                            "INSTALL 3 = LIFT & ADD - FAULT\n")
    assert ("INSTALL", "LIFT", "ADD", "FAULT") in lexicon.derived
    with pytest.raises(LexiconError, match="unknown concept"):
        parse_lexicon("A 1: 灯\nB 1: 路\nC 3 = A & B - D\n")


def test_the_exception_takes_away_a_concept_only_derived():
    from jiceng.ideas.grouping.features import analyse

    lexicon = parse_lexicon("LIFT 1.5: 电梯\nADD 0.4: 没有 装\nBROKEN 0.8: 坏了\nFAULT 3 = LIFT & BROKEN\n"
                            "INSTALL 3: 加装电梯\nINSTALL 3 = LIFT & ADD - FAULT\n")
    concepts = lambda text: dict(analyse(text, lexicon).concepts)  # noqa: E731
    assert "INSTALL" in concepts("楼里没有电梯")
    assert "INSTALL" not in concepts("电梯坏了也没有人修") and "FAULT" in concepts("电梯坏了也没有人修")
    assert "INSTALL" in concepts("加装电梯，现在这个电梯坏了")  # said in so many words: no exception
