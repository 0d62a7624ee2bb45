import pytest
from django.core.exceptions import ValidationError

from jiceng.core.errors import DomainError, PermissionDenied
from jiceng.core.models import AuditEvent
from jiceng.org import selectors, services
from jiceng.org.choices import DivisionKind as K
from jiceng.org.choices import Role, UnitKind
from jiceng.org.models import Division, Membership


@pytest.mark.django_db
def test_an_admin_adds_a_compound_under_a_community_in_scope(world):
    compound = services.division_create(actor=world.user("admin_a"), parent=world.community_a, name="新楼院",
                                        kind=K.COMPOUND, unmanaged=True)
    assert compound.path == f"{world.community_a.path}{compound.pk:08d}/"
    assert compound.depth == 4
    event = AuditEvent.objects.get(action="org.division.created", object_id=str(compound.pk))
    assert event.actor_id == world.user("admin_a").pk
    assert event.changes["unmanaged"] == [None, True]


@pytest.mark.django_db
def test_an_admin_cannot_add_under_another_street(world):
    with pytest.raises(PermissionDenied):
        services.division_create(actor=world.user("admin_a"), parent=world.community_b, name="越界楼院",
                                 kind=K.COMPOUND)
    assert not Division.objects.filter(name="越界楼院").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMIN])
def test_no_role_but_admin_changes_the_tree(world, role):
    with pytest.raises(PermissionDenied):
        services.division_update(actor=world.user(f"district_{role}"), division=world.compound_a, name="改名")


@pytest.mark.django_db
def test_a_compound_cannot_hold_a_community(world):
    with pytest.raises(ValidationError) as info:
        services.division_create(actor=None, parent=world.compound_a, name="错层", kind=K.COMMUNITY)
    assert "kind" in info.value.message_dict


@pytest.mark.django_db
def test_only_compounds_can_be_unmanaged(world):
    with pytest.raises(ValidationError) as info:
        services.division_create(actor=None, parent=world.street_a, name="某社区", kind=K.COMMUNITY, unmanaged=True)
    assert "unmanaged" in info.value.message_dict


@pytest.mark.django_db
def test_a_bad_code_is_refused_with_a_chinese_message(world):
    with pytest.raises(ValidationError) as info:
        services.division_update(actor=None, division=world.street_a, code="12ab")
    assert "6、9 或 12 位数字" in " ".join(info.value.message_dict["code"])


@pytest.mark.django_db
def test_two_siblings_cannot_share_a_name(world):
    with pytest.raises(ValidationError):
        services.division_create(actor=None, parent=world.community_a, name="红旗花园小区", kind=K.COMPOUND)


@pytest.mark.django_db
def test_everything_under_a_street_is_one_prefix_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = set(selectors.subtree(world.street_a).values_list("name", flat=True))
    assert names == {world.street_a.name, world.community_a.name, world.compound_a.name, world.managed_a.name}


@pytest.mark.django_db
def test_moving_a_community_moves_its_compounds(world):
    services.division_move(actor=None, division=world.community_a, new_parent=world.street_b)
    world.compound_a.refresh_from_db()
    assert world.compound_a.path.startswith(world.street_b.path)
    assert world.compound_a.depth == 4
    assert world.compound_a in selectors.subtree(world.street_b)
    assert world.compound_a not in selectors.subtree(world.street_a)


@pytest.mark.django_db
def test_a_division_cannot_move_under_itself(world):
    with pytest.raises(DomainError):
        services.division_move(actor=None, division=world.street_a, new_parent=world.street_a)


@pytest.mark.django_db
def test_archiving_refuses_a_division_with_children(world):
    with pytest.raises(DomainError) as info:
        services.division_archive(actor=None, division=world.community_a)
    assert info.value.code == "has_children"


@pytest.mark.django_db
def test_archiving_keeps_the_row_and_hides_it_from_lists(world):
    services.division_archive(actor=world.user("admin_a"), division=world.managed_a)
    assert Division.objects.filter(pk=world.managed_a.pk, archived_at__isnull=False).exists()
    assert world.managed_a not in selectors.compounds_visible_to(world.user("admin_a"))
    assert AuditEvent.objects.filter(action="org.division.archived", object_id=str(world.managed_a.pk)).exists()


@pytest.mark.django_db
def test_an_archived_name_can_be_reused(world):
    services.division_archive(actor=None, division=world.managed_a)
    again = services.division_create(actor=None, parent=world.community_a, name="红旗花园小区", kind=K.COMPOUND)
    assert again.pk != world.managed_a.pk


@pytest.mark.django_db
def test_an_update_that_changes_nothing_writes_no_event(world):
    before = AuditEvent.objects.count()
    services.division_update(actor=None, division=world.street_a, name=world.street_a.name)
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_a_unit_credit_code_is_checked(world):
    with pytest.raises(ValidationError):
        services.unit_create(actor=None, name="某公司", division=world.street_a, kind=UnitKind.OTHER,
                             credit_code="91410106MA00000000")
    unit = services.unit_create(actor=None, name="某公司", division=world.street_a, kind=UnitKind.OTHER,
                                credit_code="91110000600037341L")
    assert unit.credit_code == "91110000600037341L"


@pytest.mark.django_db
def test_archiving_a_unit_ends_its_memberships(world):
    services.unit_archive(actor=None, unit=world.unit_b)
    assert not Membership.objects.filter(unit=world.unit_b, ended_at__isnull=True).exists()
    assert Membership.objects.filter(unit=world.unit_b).exists()


@pytest.mark.django_db
def test_granting_the_same_membership_twice_keeps_one(world):
    user = world.user("nobody")
    first = services.membership_grant(actor=None, user=user, unit=world.unit_a, role=Role.REPORTER)
    second = services.membership_grant(actor=None, user=user, unit=world.unit_a, role=Role.REPORTER)
    assert first.pk == second.pk


@pytest.mark.django_db
def test_an_ended_membership_removes_the_scope(world):
    user = world.user("reporter_b")
    membership = Membership.objects.get(user=user)
    services.membership_end(actor=None, membership=membership)
    assert not selectors.divisions_visible_to(user).exists()


@pytest.mark.django_db
def test_unit_by_name_finds_full_and_short_names_and_refuses_unknown(world):
    assert selectors.unit_by_name("峡窝镇") == world.unit_b
    assert selectors.unit_by_name("峡窝镇人民政府") == world.unit_b
    assert selectors.unit_by_name("不存在的单位") is None
