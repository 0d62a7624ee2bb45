import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from jiceng.core import audit
from jiceng.core.audit.chain import GENESIS_HASH, event_hash, verify_chain
from jiceng.core.context import request_context
from jiceng.core.models import AuditChainHead, AuditEvent
from jiceng.org import services
from jiceng.org.choices import DivisionKind as K


def _district(name="甲区"):
    return services.division_create(actor=None, name=name, kind=K.DISTRICT)


@pytest.mark.django_db
def test_every_event_links_to_the_previous_one():
    _district("甲区")
    _district("乙区")
    events = list(AuditEvent.objects.order_by("id"))
    assert events[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(events, events[1:], strict=False))


@pytest.mark.django_db
def test_the_chain_head_remembers_the_last_event_and_the_length():
    _district()
    head = AuditChainHead.objects.get(pk=1)
    last = AuditEvent.objects.order_by("-id").first()
    assert (head.last_event_id, head.last_hash, head.length) == (last.id, last.hash, AuditEvent.objects.count())


@pytest.mark.django_db
def test_audit_verify_passes_on_an_untouched_chain(capsys):
    _district()
    call_command("audit_verify")
    assert "audit chain OK" in capsys.readouterr().out


@pytest.mark.django_db
def test_audit_verify_fails_after_a_row_is_altered_by_hand():
    _district()
    event = AuditEvent.objects.order_by("id").first()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET actor_name = %s WHERE id = %s", ["mallory", event.id])
    with pytest.raises(CommandError, match="BROKEN"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_fails_after_a_change_in_the_json_payload():
    division = _district()
    services.division_update(actor=None, division=division, name="丙区")
    event = AuditEvent.objects.get(action="org.division.updated")
    AuditEvent.objects.filter(pk=event.pk).update(changes={"name": ["甲区", "丁区"]})
    with pytest.raises(CommandError):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_fails_after_a_row_in_the_middle_is_removed():
    division = _district()
    services.division_update(actor=None, division=division, name="丙区")
    services.division_update(actor=None, division=division, name="丁区")
    middle = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=middle.pk).delete()
    with pytest.raises(CommandError):
        call_command("audit_verify")


@pytest.mark.django_db
def test_audit_verify_fails_after_the_last_row_is_removed():
    division = _district()
    services.division_update(actor=None, division=division, name="丙区")
    AuditEvent.objects.order_by("-id").first().delete()
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_verify_chain_reports_the_event_whose_content_changed():
    fields = {"action": "x.y.created", "payload": {"n": 1}}
    first = event_hash(GENESIS_HASH, fields)
    second_fields = {"action": "x.y.updated", "payload": {}}
    second = event_hash(first, second_fields)
    report = verify_chain([(1, GENESIS_HASH, first, fields), (2, first, second, {"action": "x.y.forged"})])
    assert not report.ok
    assert [b.event_id for b in report.breaks] == [2]


def test_the_canonical_form_does_not_depend_on_key_order():
    assert event_hash(GENESIS_HASH, {"a": 1, "b": [1, 2]}) == event_hash(GENESIS_HASH, {"b": [1, 2], "a": 1})


@pytest.mark.django_db
def test_an_event_carries_the_request_id_of_its_context():
    with request_context("req-12345678"):
        division = _district()
    assert audit.history_for(division).first().request_id == "req-12345678"


@pytest.mark.django_db
def test_an_update_records_only_what_changed():
    division = _district("甲区")
    services.division_update(actor=None, division=division, name="乙区", code="410106")
    event = AuditEvent.objects.get(action="org.division.updated")
    assert event.changes == {"name": ["甲区", "乙区"], "code": ["", "410106"]}


@pytest.mark.django_db
def test_history_lists_an_objects_events_newest_first():
    division = _district("甲区")
    services.division_update(actor=None, division=division, name="乙区")
    assert [e.action for e in audit.history_for(division)] == ["org.division.updated", "org.division.created"]


@pytest.mark.django_db
@pytest.mark.parametrize(("asked", "number", "size", "older", "newer"), [
    (1, 1, 20, True, False), ("2", 2, 20, True, True), (3, 3, 6, False, True), ("x", 1, 20, True, False),
    (-4, 1, 20, True, False), (99, 1, 20, True, False), (None, 1, 20, True, False),
])
def test_the_history_is_read_a_page_at_a_time_without_counting(asked, number, size, older, newer,
                                                               django_assert_num_queries):
    from jiceng.core.history import history_page

    division = _district("甲区")
    for n in range(45):
        services.division_update(actor=None, division=division, name=f"甲区{n}")
    with django_assert_num_queries(2 if asked == 99 else 1):  # past the end: the newest page is read again
        page = history_page(division, asked)
    assert (page.number, len(page), page.has_next(), page.has_previous()) == (number, size, older, newer)
    newest = audit.history_for(division).first()
    if number == 1:
        assert page.object_list[0] == newest
    if number == 3:
        assert page.object_list[-1].action == "org.division.created"


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_one_line():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("in-memory SQLite is one connection; the PostgreSQL run covers concurrent writers")
    root = _district("根区")
    errors = []

    def writer(n):
        from django.db import connections

        try:
            for i in range(5):
                services.division_create(actor=None, parent=root, name=f"街道{n}-{i}", kind=K.STREET)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    call_command("audit_verify")
    assert AuditEvent.objects.count() == 1 + 4 * 5
