import pytest
from django.core.exceptions import ValidationError

from jiceng.bulletin import services
from jiceng.bulletin.choices import IssueStatus, SubmissionStatus
from jiceng.bulletin.models import Item
from jiceng.core.errors import DomainError, InvalidTransition, PermissionDenied
from jiceng.core.models import AuditEvent, Notification

from .factories import submitted

pytestmark = pytest.mark.django_db


def test_a_reporter_writes_and_submits_for_their_unit_and_editors_are_told(bw, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = submitted(bw)
    assert submission.status == SubmissionStatus.SUBMITTED and submission.submitted_at
    assert Notification.objects.filter(recipient=bw.editor, kind="bulletin.submission.submitted").exists()
    assert AuditEvent.objects.filter(action="bulletin.submission.submitted", object_id=str(submission.pk)).exists()


def test_a_reporter_cannot_write_for_another_unit(bw):
    with pytest.raises(PermissionDenied):
        services.submission_create(actor=bw.reporter_a, series=bw.series, unit=bw.org.unit_b, headline="x", body="y")


def test_a_leader_cannot_write(bw):
    with pytest.raises(PermissionDenied):
        services.submission_create(actor=bw.org.user("leader_a"), series=bw.series, unit=bw.org.unit_a,
                                   headline="x", body="y")


def test_an_empty_headline_is_refused(bw):
    with pytest.raises(ValidationError):
        services.submission_create(actor=bw.reporter_b, series=bw.series, unit=bw.org.unit_b, headline="  ",
                                   body="正文")


def test_the_editors_edit_is_kept_beside_the_original(bw):
    submission = submitted(bw, headline="原标题", body="原正文")
    services.submission_edit(actor=bw.editor, submission=submission, headline="改后标题", body="改后正文")
    submission.refresh_from_db()
    assert (submission.headline, submission.body) == ("原标题", "原正文")
    assert (submission.final_headline, submission.final_body) == ("改后标题", "改后正文")


def test_a_reporter_cannot_act_as_editor(bw):
    submission = submitted(bw)
    with pytest.raises(PermissionDenied):
        services.submission_edit(actor=bw.reporter_b, submission=submission, headline="x", body="y")
    with pytest.raises(PermissionDenied):
        services.submission_return(actor=bw.reporter_b, submission=submission, reason="x")


def test_returning_needs_a_reason_and_the_unit_is_told(bw, django_capture_on_commit_callbacks):
    submission = submitted(bw)
    with pytest.raises(DomainError):
        services.submission_return(actor=bw.editor, submission=submission, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_return(actor=bw.editor, submission=submission, reason="请补充数据")
    assert Notification.objects.filter(recipient=bw.reporter_b, kind="bulletin.submission.returned").exists()


def test_a_returned_submission_is_revised_and_resubmitted_as_a_new_revision(bw):
    submission = submitted(bw)
    services.submission_return(actor=bw.editor, submission=submission, reason="请补充数据")
    services.submission_update(actor=bw.reporter_b, submission=submission, headline="补充后", body="补充了数据")
    services.submission_submit(actor=bw.reporter_b, submission=submission)
    assert (submission.status, submission.revision) == (SubmissionStatus.SUBMITTED, 2)


def test_a_submitted_item_cannot_be_changed_by_its_unit(bw):
    submission = submitted(bw)
    with pytest.raises(InvalidTransition):
        services.submission_update(actor=bw.reporter_b, submission=submission, headline="x", body="y")


def test_adopting_puts_the_editors_text_into_the_issue_with_the_unit_as_source(bw):
    submission = submitted(bw, headline="原标题", body="原正文")
    services.submission_edit(actor=bw.editor, submission=submission, headline="改后标题", body="改后正文")
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=__import__("datetime").date(2020, 6, 8))
    item = services.submission_adopt(actor=bw.editor, submission=submission, issue=issue)
    assert (item.headline, item.body, item.source_label, item.source_unit) == ("改后标题", "改后正文", "峡窝镇",
                                                                             bw.org.unit_b)
    assert submission.status == SubmissionStatus.ADOPTED


def test_a_draft_cannot_be_adopted(bw):
    import datetime

    draft = services.submission_create(actor=bw.reporter_b, series=bw.series, unit=bw.org.unit_b, headline="x",
                                       body="y")
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    with pytest.raises(InvalidTransition):
        services.submission_adopt(actor=bw.editor, submission=draft, issue=issue)


def _issue(bw, day=(2020, 6, 8)):
    import datetime

    return services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(*day))


def test_issue_numbers_follow_the_series_numbering(bw):
    first, second = _issue(bw), _issue(bw)
    next_year = _issue(bw, (2021, 1, 5))
    assert (first.number, second.number, next_year.number) == (1, 2, 1)


def test_a_taken_number_is_refused(bw):
    import datetime

    _issue(bw)
    with pytest.raises(DomainError):
        services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 7, 1), number=1)


def test_the_lead_article_always_stands_first(bw):
    issue = _issue(bw)
    services.submission_adopt(actor=bw.editor, submission=submitted(bw, headline="短讯一"), issue=issue)
    lead = services.item_add(actor=bw.editor, issue=issue, headline="头条", body="正文", is_lead=True)
    assert [i.headline for i in issue.items.filter(archived_at__isnull=True).order_by("position")][0] == "头条"
    other = issue.items.exclude(pk=lead.pk).get()
    services.item_move(actor=bw.editor, item=other, direction=-1)
    assert issue.items.get(position=1).pk == lead.pk


def test_taking_an_item_out_returns_its_submission_to_the_queue(bw):
    issue = _issue(bw)
    submission = submitted(bw)
    item = services.submission_adopt(actor=bw.editor, submission=submission, issue=issue)
    services.item_take_out(actor=bw.editor, item=item)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert Item.objects.filter(pk=item.pk, archived_at__isnull=False).exists()


def test_an_empty_issue_cannot_be_published(bw):
    with pytest.raises(DomainError):
        services.issue_publish(actor=bw.editor, issue=_issue(bw))


def test_a_published_issue_is_frozen(bw):
    issue = _issue(bw)
    item = services.item_add(actor=bw.editor, issue=issue, headline="头条", body="正文", is_lead=True)
    services.issue_publish(actor=bw.editor, issue=issue)
    assert issue.status == IssueStatus.PUBLISHED
    with pytest.raises(InvalidTransition):
        services.item_update(actor=bw.editor, item=item, headline="改", body="改")
    with pytest.raises(InvalidTransition):
        services.submission_adopt(actor=bw.editor, submission=submitted(bw), issue=issue)
    with pytest.raises(InvalidTransition):
        services.issue_publish(actor=bw.editor, issue=issue)


def test_a_reporter_cannot_compile_or_publish(bw):
    with pytest.raises(PermissionDenied):
        _issue_by(bw, bw.reporter_b)


def _issue_by(bw, user):
    import datetime

    return services.issue_create(actor=user, series=bw.series, date=datetime.date(2020, 6, 8))


def test_a_commissioned_topic_notifies_the_units_reporters(bw, django_capture_on_commit_callbacks):
    import datetime

    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(actor=bw.editor, series=bw.series, title="夜间经济", units=[bw.org.unit_b],
                                      deadline=datetime.date(2020, 7, 1))
    assert Notification.objects.filter(recipient=bw.reporter_b, kind="bulletin.topic.created").exists()
    assert not Notification.objects.filter(recipient=bw.reporter_a, kind="bulletin.topic.created").exists()
    assert topic.units.get() == bw.org.unit_b


def test_reminders_go_once_to_units_that_have_not_delivered(bw, django_capture_on_commit_callbacks):
    import datetime

    topic = services.topic_create(actor=bw.editor, series=bw.series, title="约稿", units=[bw.org.unit_a,
                                                                                         bw.org.unit_b],
                                  deadline=datetime.date(2020, 6, 16))
    services.submission_submit(actor=bw.reporter_a, submission=services.submission_create(
        actor=bw.reporter_a, series=bw.series, unit=bw.org.unit_a, topic=topic, headline="稿件", body="正文"))
    with django_capture_on_commit_callbacks(execute=True):
        first = services.topic_send_reminders(today=datetime.date(2020, 6, 15))
        again = services.topic_send_reminders(today=datetime.date(2020, 6, 15))
        overdue = services.topic_send_reminders(today=datetime.date(2020, 6, 17))
    assert (first, again, overdue) == (1, 0, 1)
    assert Notification.objects.filter(recipient=bw.reporter_b, kind="bulletin.topic.overdue").exists()
    assert not Notification.objects.filter(recipient=bw.reporter_a, kind__startswith="bulletin.topic.r").exists()
