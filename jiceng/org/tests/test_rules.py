import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiceng.org import rules
from jiceng.org.choices import DivisionKind as K

ALL = list(K.values)
EXPECTED_NESTING = {
    (None, K.DISTRICT),
    (K.DISTRICT, K.STREET), (K.DISTRICT, K.TOWN),
    (K.STREET, K.COMMUNITY), (K.STREET, K.VILLAGE), (K.TOWN, K.COMMUNITY), (K.TOWN, K.VILLAGE),
    (K.COMMUNITY, K.COMPOUND), (K.VILLAGE, K.COMPOUND),
}


@pytest.mark.parametrize("parent", [None, *ALL])
@pytest.mark.parametrize("child", ALL)
def test_nesting_follows_the_administrative_levels(parent, child):
    assert rules.can_nest(parent, child) == ((parent, child) in EXPECTED_NESTING)


@pytest.mark.parametrize(("code", "valid"), [
    ("410106", True), ("410106001", True), ("410106001000", True), ("", False), ("41010", False),
    ("4101060010", False), ("41010600100a", False), ("4101060010000", False), ("４１０１０６", False),
])
def test_division_codes_have_6_9_or_12_ascii_digits(code, valid):
    assert rules.is_valid_code(code) is valid


def test_short_codes_are_padded_to_twelve_digits():
    assert rules.full_code("410106") == "410106000000"
    assert rules.full_code("") == ""


def test_a_path_is_its_parents_path_plus_a_fixed_width_segment():
    assert rules.child_path("00000001/", 42) == "00000001/00000042/"
    assert rules.depth_of("00000001/00000042/") == 2


def test_ancestor_paths_run_from_the_root_down():
    assert rules.ancestor_paths("00000001/00000002/00000003/") == ["00000001/", "00000001/00000002/"]


segment = st.integers(min_value=1, max_value=99_999_999).map(rules.path_segment)
paths = st.lists(segment, min_size=1, max_size=4).map("".join)


@given(st.lists(paths, max_size=12))
def test_minimal_prefixes_cover_exactly_the_same_paths(path_list):
    prefixes = rules.minimal_prefixes(path_list)
    for path in path_list:
        assert any(path.startswith(p) for p in prefixes)
    for p in prefixes:
        assert p in path_list
        assert not any(p != q and p.startswith(q) for q in prefixes)


def test_a_sibling_with_a_longer_number_is_not_under_its_neighbour():
    # fixed-width segments: node 1 is not a prefix of node 10
    assert not rules.child_path("", 10).startswith(rules.child_path("", 1))
