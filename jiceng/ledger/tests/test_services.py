import datetime as dt

import pytest

from jiceng.core.errors import DomainError, InvalidTransition, PermissionDenied
from jiceng.core.models import Attachment, AuditEvent, Notification
from jiceng.ledger import services
from jiceng.ledger.choices import RectificationStatus
from jiceng.ledger.models import ProjectMonth, SpotCheckDraw

from .factories import TODAY, photo, report

pytestmark = pytest.mark.django_db


def _cell(project, month):
    return ProjectMonth.objects.get(project=project, month=dt.date(2020, month, 1))


def test_a_report_on_plan_is_green_and_audited(lw):
    for month, value in enumerate([0.1, 0.2, 0.3], start=1):
        report(lw, lw.project_a, month, value)
    assert _cell(lw.project_a, 3).light == "green"
    assert AuditEvent.objects.filter(action="ledger.report.submitted", object_id=str(lw.project_a.pk)).count() == 3


def test_far_behind_is_red_and_the_project_shows_it(lw):
    for month, value in enumerate([0.0, 0.05, 0.05, 0.05, 0.05, 0.05], start=1):
        report(lw, lw.project_a, month, value)
    assert _cell(lw.project_a, 6).light == "red"
    lw.project_a.refresh_from_db()
    assert lw.project_a.light == "red"


def test_a_missing_report_is_flagged(lw):
    report(lw, lw.project_a, 1, 0.1)
    assert _cell(lw.project_a, 2).report_status == "missing"
    assert _cell(lw.project_a, 2).light in ("yellow", "red")


def test_months_after_today_are_grey(lw):
    assert _cell(lw.project_a, 9).light == "grey"


def test_a_reporter_cannot_report_for_another_unit(lw):
    with pytest.raises(PermissionDenied):
        report(lw, lw.project_b, 1, 0.1, user=lw.reporter_a)


def test_a_leader_cannot_report(lw):
    with pytest.raises(PermissionDenied):
        report(lw, lw.project_a, 1, 0.1, user=lw.org.user("leader_a"))


def test_progress_is_cumulative(lw):
    report(lw, lw.project_a, 2, 0.3)
    with pytest.raises(DomainError) as info:
        report(lw, lw.project_a, 3, 0.2)
    assert info.value.code == "progress_decreased"


def test_progress_above_100_percent_is_refused(lw):
    with pytest.raises(DomainError):
        report(lw, lw.project_a, 1, 1.2)


def test_a_month_that_has_not_begun_cannot_be_reported(lw):
    with pytest.raises(DomainError):
        services.report_submit(actor=lw.reporter_a, project=lw.project_a, month=dt.date(2020, 8, 1), actual=0.5,
                               today=TODAY)


def test_photos_are_attached_through_the_content_check(lw):
    submitted = services.report_submit(actor=lw.reporter_a, project=lw.project_a, month=dt.date(2020, 6, 1),
                                       actual=0.5, photos=[photo()], today=TODAY)
    attachment = Attachment.objects.get()
    assert attachment.owner_id == str(submitted.pk) and attachment.kind == "image" and attachment.thumbnail


def test_a_hostile_photo_refuses_the_whole_report(lw):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.jpg", b"MZ\x90\x00" + bytes(200), content_type="image/jpeg")
    with pytest.raises(DomainError):
        services.report_submit(actor=lw.reporter_a, project=lw.project_a, month=dt.date(2020, 6, 1), actual=0.5,
                               photos=[bad], today=TODAY)
    assert not lw.project_a.reports.exists()


def test_a_returned_report_notifies_the_unit(lw, django_capture_on_commit_callbacks):
    submitted = report(lw, lw.project_a, 1, 0.1)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(actor=lw.supervisor, report=submitted, reason="照片不清楚")
    assert Notification.objects.filter(recipient=lw.reporter_a, kind="ledger.report.returned").exists()


def test_an_inspection_finding_opens_a_rectification_due_in_working_days(lw):
    inspection = services.inspection_record(actor=lw.supervisor, project=lw.project_a, kind="spot_check",
                                            date=dt.date(2020, 9, 30), findings="台账不全", score=70,
                                            rectification="补齐台账", rectify_workdays=3)
    item = inspection.rectifications.get()
    # 10-1 to 10-8 are holidays; 10-9 (Friday) is the first working day, 10-10 (Saturday) a make-up day (调休).
    assert item.deadline == dt.date(2020, 10, 12)


def test_a_rectification_is_answered_and_closed(lw):
    item = services.rectification_open(actor=lw.supervisor, project=lw.project_a, description="补齐台账",
                                       start=dt.date(2020, 6, 1), workdays=5)
    with pytest.raises(PermissionDenied):
        services.rectification_respond(actor=lw.reporter_b, rectification=item, response="x")
    services.rectification_respond(actor=lw.reporter_a, rectification=item, response="已补齐")
    with pytest.raises(PermissionDenied):
        services.rectification_close(actor=lw.reporter_a, rectification=item)
    services.rectification_close(actor=lw.supervisor, rectification=item, verification="核实")
    assert item.status == RectificationStatus.CLOSED and item.closed_at
    with pytest.raises(InvalidTransition):
        services.rectification_respond(actor=lw.reporter_a, rectification=item, response="again")


def test_an_overdue_rectification_turns_the_light_red(lw):
    for month, value in enumerate([0.1, 0.2, 0.3, 0.4, 0.5, 0.5], start=1):
        report(lw, lw.project_a, month, value)
    services.rectification_open(actor=lw.supervisor, project=lw.project_a, description="整改",
                                start=dt.date(2020, 4, 1), workdays=5)
    from jiceng.ledger import cells

    cells.refresh_project(lw.project_a, today=TODAY)
    assert _cell(lw.project_a, 5).light == "red"
    assert "overdue_rectification" in _cell(lw.project_a, 5).reasons


def test_overdue_items_are_escalated_once(lw, django_capture_on_commit_callbacks):
    services.rectification_open(actor=lw.supervisor, project=lw.project_b, description="整改",
                                start=dt.date(2020, 6, 1), workdays=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.rectifications_escalate(today=dt.date(2020, 6, 15)) == 1
        assert services.rectifications_escalate(today=dt.date(2020, 6, 16)) == 0
    assert Notification.objects.filter(kind="ledger.rectification.escalated",
                                       recipient=lw.supervisor).exists()


def test_the_quarterly_notice_names_the_projects_behind_and_opens_rectifications(lw):
    for month, value in enumerate([0.1, 0.2, 0.3, 0.4, 0.5, 0.5], start=1):
        report(lw, lw.project_a, month, value)
    for month, value in enumerate([0.0, 0.0, 0.02, 0.03, 0.05, 0.05], start=1):
        report(lw, lw.project_b, month, value)
    notice = services.notice_draft(actor=lw.supervisor, programme=lw.programme, year=2020, quarter=2,
                                   date=dt.date(2020, 7, 6), today=TODAY)
    assert [e.project for e in notice.entries.all()] == [lw.project_b]
    services.notice_issue(actor=lw.supervisor, notice=notice)
    item = lw.project_b.rectifications.get()
    assert item.notice == notice and item.deadline == dt.date(2020, 7, 27)
    with pytest.raises(InvalidTransition):
        services.notice_issue(actor=lw.supervisor, notice=notice)


def test_a_reporter_cannot_draft_a_notice(lw):
    with pytest.raises(PermissionDenied):
        services.notice_draft(actor=lw.reporter_a, programme=lw.programme, year=2020, quarter=2,
                              date=dt.date(2020, 7, 6))


def test_the_spot_check_draw_is_reproducible_and_kept(lw):
    first = services.spot_check_draw(actor=lw.supervisor, programme=lw.programme, month=dt.date(2020, 5, 1), size=1)
    again = services.spot_check_draw(actor=lw.supervisor, programme=lw.programme, month=dt.date(2020, 5, 12), size=1)
    assert first.pk == again.pk and len(first.project_ids) == 1
    june = services.spot_check_draw(actor=lw.supervisor, programme=lw.programme, month=dt.date(2020, 6, 1), size=1)
    assert set(first.project_ids + june.project_ids) == {lw.project_a.pk, lw.project_b.pk}  # every unit a quarter
    assert SpotCheckDraw.objects.count() == 2
