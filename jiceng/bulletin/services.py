"""Every change in the bulletin goes through here: submissions, topics, issues, items, imports.

Services are keyword-only, check the permission (actor None: the system itself, e.g. the demo or an import
run from the command line), validate, write in one transaction with an audit event, and notify after commit.
Raises jiceng.core.errors.PermissionDenied, InvalidTransition, DomainError, or Django's ValidationError.
"""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import audit
from jiceng.core import notifications as notices
from jiceng.core.errors import DomainError, InvalidTransition, PermissionDenied
from jiceng.org import selectors as org_selectors
from jiceng.org.choices import Role
from jiceng.org.models import Membership

from . import permissions, rules
from .choices import DEFAULT_SCORES, IssueStatus, Numbering, SubmissionStatus, TopicStatus
from .models import HigherAdoption, Issue, Item, ScoringRule, Series, Submission, Topic

SUBMISSION_FIELDS = ["series", "unit", "topic", "headline", "body", "edited_headline", "edited_body", "status",
                     "return_reason", "revision"]
ISSUE_FIELDS = ["series", "year", "number", "is_supplement", "date", "status", "office_name"]
ITEM_FIELDS = ["issue", "position", "is_lead", "headline", "body", "source_unit", "source_label", "submission",
               "archived_at"]


def _require(allowed: bool, actor) -> None:
    if actor is not None and not allowed:
        raise PermissionDenied()


def _clean_text(value: str) -> str:
    return (value or "").replace("\r\n", "\n").strip()


# --- series ----------------------------------------------------------------------------------------------------

def series_create(*, actor, name: str, office=None, office_name: str = "", numbering: str = Numbering.PER_YEAR,
                  distribution=None, copies=None) -> Series:
    """A new bulletin series with the default scoring rules (editable afterwards)."""
    _require(permissions.can_manage_series(actor), actor)
    series = Series(name=_clean_text(name), office=office, office_name=_clean_text(office_name) or (
        office.name if office else ""), numbering=numbering, distribution=distribution or [], copies=copies)
    series.full_clean()
    with transaction.atomic():
        series.save()
        ScoringRule.objects.bulk_create([ScoringRule(series=series, key=k, points=v)
                                         for k, v in DEFAULT_SCORES.items()])
        audit.record(actor=actor, action="bulletin.series.created", obj=series,
                     after=audit.snapshot(series, ["name", "office", "office_name", "numbering", "distribution",
                                                   "copies"]))
    return series


def scoring_rule_set(*, actor, series: Series, key: str, points) -> ScoringRule:
    _require(permissions.can_manage_series(actor, series), actor)
    with transaction.atomic():
        rule, _created = ScoringRule.objects.get_or_create(series=series, key=key, defaults={"points": points})
        before = {"points": str(rule.points)}
        rule.points = points
        rule.full_clean()
        rule.save()
        audit.record(actor=actor, action="bulletin.scoring_rule.set", obj=series, before=before,
                     after={"points": str(rule.points)}, payload={"key": key})
    return rule


# --- submissions -----------------------------------------------------------------------------------------------

def submission_create(*, actor, series: Series, unit, headline: str, body: str, topic: Topic | None = None,
                      origin=None) -> Submission:
    """A draft written for `unit` by one of its reporters (or drafted from another module's record: `origin`)."""
    _require(permissions.can_write_for(actor, unit), actor)
    if topic is not None and (topic.series_id != series.pk or topic.status != TopicStatus.OPEN):
        raise DomainError(_("This commissioned topic is closed or belongs to another bulletin."), code="bad_topic")
    submission = Submission(series=series, unit=unit, author=actor, topic=topic, headline=_clean_text(headline),
                            body=_clean_text(body))
    if origin is not None:
        submission.origin_type = audit.service.object_label(origin)
        submission.origin_id = str(origin.pk)
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        audit.record(actor=actor, action="bulletin.submission.created", obj=submission,
                     after=audit.snapshot(submission, SUBMISSION_FIELDS),
                     payload={"origin": f"{submission.origin_type}:{submission.origin_id}"} if origin else None)
    return submission


def submission_draft_from(*, actor, unit, headline: str, body: str, origin, series: Series | None = None) -> Submission:
    """One-click drafting from another module (a ledger notice, an adopted idea, an event): a draft for `unit` in
    `series` (by default the series of the district office). Raises DomainError when there is no series."""
    if series is None:
        series = Series.objects.filter(archived_at__isnull=True).order_by("pk").first()
    if series is None:
        raise DomainError(_("There is no bulletin to draft into yet."), code="no_series")
    return submission_create(actor=actor, series=series, unit=unit, headline=headline, body=body, origin=origin)


def can_draft_for(user, unit) -> bool:
    """Whether the one-click "draft into the bulletin" button should show for this unit."""
    return permissions.can_write_for(user, unit)


def submission_update(*, actor, submission: Submission, headline: str, body: str) -> Submission:
    """The author changes the text of a draft or of a submission returned for revision."""
    _require(permissions.can_write_for(actor, submission.unit), actor)
    if submission.status not in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED):
        raise InvalidTransition(_("Only a draft or a returned submission can be changed by its unit."))
    before = audit.snapshot(submission, SUBMISSION_FIELDS)
    submission.headline, submission.body = _clean_text(headline), _clean_text(body)
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        audit.record(actor=actor, action="bulletin.submission.updated", obj=submission, before=before,
                     after=audit.snapshot(submission, SUBMISSION_FIELDS))
    return submission


def _transition(*, actor, submission: Submission, verb: str, action: str, updates: dict, payload=None):
    allowed, target = Submission.TRANSITIONS[verb]
    if submission.status not in allowed:
        raise InvalidTransition()
    before = audit.snapshot(submission, SUBMISSION_FIELDS)
    submission.status = target
    for field, value in updates.items():
        setattr(submission, field, value)
    submission.full_clean()
    submission.save()
    audit.record(actor=actor, action=action, obj=submission, before=before,
                 after=audit.snapshot(submission, SUBMISSION_FIELDS), payload=payload)
    return submission


def submission_submit(*, actor, submission: Submission) -> Submission:
    """Send a draft (or a revised returned submission) to the editors; they are notified."""
    _require(permissions.can_write_for(actor, submission.unit), actor)
    resubmission = submission.status == SubmissionStatus.RETURNED
    with transaction.atomic():
        _transition(actor=actor, submission=submission, verb="submit", action="bulletin.submission.submitted",
                    updates={"submitted_at": timezone.now(),
                             "revision": submission.revision + (1 if resubmission else 0)})
        editors = _series_editors(submission.series)
        notices.notify(recipients=editors, kind="bulletin.submission.submitted", actor=actor, target=submission,
                       title=_("New submission from %(unit)s: %(headline)s") % {
                           "unit": submission.unit.display_name, "headline": submission.headline},
                       url=reverse("bulletin:submission", args=[submission.pk]))
    return submission


def _series_editors(series: Series):
    if series.office_id is None:
        return []
    division_paths = org_selectors.ancestors(series.office.division) + [series.office.division]
    return [m.user for m in Membership.objects.filter(
        role=Role.EDITOR, ended_at__isnull=True, unit__division__in=division_paths).select_related("user")]


def submission_edit(*, actor, submission: Submission, headline: str, body: str) -> Submission:
    """The editor's version of the text, kept beside the original (which is never overwritten)."""
    _require(permissions.can_review(actor, submission), actor)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise InvalidTransition(_("Only a submitted item can be edited by the editor."))
    before = audit.snapshot(submission, SUBMISSION_FIELDS)
    headline, body = _clean_text(headline), _clean_text(body)
    submission.edited_headline = "" if headline == submission.headline else headline
    submission.edited_body = "" if body == submission.body else body
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        audit.record(actor=actor, action="bulletin.submission.edited", obj=submission, before=before,
                     after=audit.snapshot(submission, SUBMISSION_FIELDS))
    return submission


def submission_return(*, actor, submission: Submission, reason: str) -> Submission:
    """Send back for revision with a reason; the author and the unit's reporters are notified."""
    _require(permissions.can_review(actor, submission), actor)
    reason = _clean_text(reason)
    if not reason:
        raise DomainError(_("Say what should be revised."), code="reason_required", field="reason")
    with transaction.atomic():
        _transition(actor=actor, submission=submission, verb="return", action="bulletin.submission.returned",
                    updates={"return_reason": reason, "decided_at": timezone.now()})
        notices.notify(recipients={submission.author, *org_selectors.unit_users(submission.unit, [Role.REPORTER])},
                       kind="bulletin.submission.returned", actor=actor, target=submission, level="reminder",
                       title=_("Returned for revision: %(headline)s") % {"headline": submission.headline}, body=reason,
                       url=reverse("bulletin:submission", args=[submission.pk]))
    return submission


def submission_archive(*, actor, submission: Submission, reason: str = "") -> Submission:
    """Keep for reference without printing (存档备查)."""
    _require(permissions.can_review(actor, submission), actor)
    with transaction.atomic():
        return _transition(actor=actor, submission=submission, verb="archive", action="bulletin.submission.archived",
                           updates={"decided_at": timezone.now()}, payload={"reason": _clean_text(reason)})


def submission_adopt(*, actor, submission: Submission, issue: Issue, as_lead: bool = False) -> Item:
    """Adopt a submission into a draft issue: it becomes an item (the editor's text if edited), the unit is told."""
    _require(permissions.can_review(actor, submission) and permissions.can_compile(actor, issue), actor)
    if issue.series_id != submission.series_id:
        raise DomainError(_("The issue belongs to another bulletin."), code="wrong_series")
    if not issue.can_change():
        raise InvalidTransition(_("A published issue cannot be changed."))
    with transaction.atomic():
        _transition(actor=actor, submission=submission, verb="adopt", action="bulletin.submission.adopted",
                    updates={"decided_at": timezone.now()}, payload={"issue": issue.pk})
        item = _item_append(actor=actor, issue=issue, headline=submission.final_headline, body=submission.final_body,
                            source_unit=submission.unit, source_label=submission.unit.display_name, is_lead=as_lead,
                            submission=submission)
        notices.notify(recipients={submission.author, *org_selectors.unit_users(submission.unit, [Role.REPORTER])},
                       kind="bulletin.submission.adopted", actor=actor, target=submission,
                       title=_("Adopted: %(headline)s") % {"headline": submission.final_headline},
                       url=reverse("bulletin:submission", args=[submission.pk]))
    return item


# --- topics ----------------------------------------------------------------------------------------------------

def topic_create(*, actor, series: Series, title: str, units, deadline: date, description: str = "") -> Topic:
    """Commission a piece (约稿) from some units by a deadline; their reporters are notified."""
    _require(permissions.is_editor_of(actor, series), actor)
    units = list(units)
    if not units:
        raise DomainError(_("Choose at least one unit."), code="units_required", field="units")
    topic = Topic(series=series, title=_clean_text(title), description=_clean_text(description), deadline=deadline,
                  created_by=actor)
    topic.full_clean()
    with transaction.atomic():
        topic.save()
        topic.units.set(units)
        audit.record(actor=actor, action="bulletin.topic.created", obj=topic,
                     after={"title": topic.title, "deadline": deadline.isoformat(), "units": [u.pk for u in units]})
        recipients = [user for unit in units for user in org_selectors.unit_users(unit, [Role.REPORTER])]
        notices.notify(recipients=recipients, kind="bulletin.topic.created", actor=actor, target=topic,
                       level="reminder", title=_("Commissioned piece: %(title)s, due %(deadline)s") % {
                           "title": topic.title, "deadline": deadline.isoformat()},
                       body=topic.description, url=reverse("bulletin:topic", args=[topic.pk]),
                       webhook_owners=units)
    return topic


def topic_close(*, actor, topic: Topic) -> Topic:
    _require(permissions.is_editor_of(actor, topic.series), actor)
    if topic.status == TopicStatus.CLOSED:
        return topic
    with transaction.atomic():
        topic.status = TopicStatus.CLOSED
        topic.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action="bulletin.topic.closed", obj=topic, before={"status": "open"},
                     after={"status": "closed"})
    return topic


# --- issues and items ------------------------------------------------------------------------------------------

def issue_create(*, actor, series: Series, date: date, number: int | None = None, is_supplement: bool = False,
                 office_name: str = "") -> Issue:
    """A new draft issue; without `number` it takes the next one under the series' numbering."""
    _require(permissions.can_compile(actor, series), actor)
    existing = Issue.objects.filter(series=series, is_supplement=is_supplement).values_list("year", "number")
    if number is None:
        number = rules.next_issue_number(series.numbering, existing, date.year)
    elif (date.year, number) in set(existing) or (series.numbering == Numbering.RUNNING and number in {
            n for _y, n in existing}):
        raise DomainError(_("%(series)s No. %(number)s already exists.") % {"series": series.name, "number": number},
                          code="duplicate_issue", field="number")
    issue = Issue(series=series, year=date.year, number=number, is_supplement=is_supplement, date=date,
                  office_name=office_name or series.office_name)
    issue.full_clean()
    with transaction.atomic():
        issue.save()
        audit.record(actor=actor, action="bulletin.issue.created", obj=issue, after=audit.snapshot(issue, ISSUE_FIELDS))
    return issue


def _item_append(*, actor, issue: Issue, headline: str, body: str, source_unit=None, source_label: str = "",
                 is_lead: bool = False, submission=None) -> Item:
    top = Item.objects.filter(issue=issue, archived_at__isnull=True).aggregate(m=Max("position"))["m"] or 0
    item = Item(issue=issue, position=top + 1, headline=_clean_text(headline), body=_clean_text(body),
                source_unit=source_unit, source_label=_clean_text(source_label), is_lead=is_lead,
                submission=submission)
    item.full_clean()
    item.save()
    if is_lead:
        _make_lead(item)
    audit.record(actor=actor, action="bulletin.item.added", obj=item, after=audit.snapshot(item, ITEM_FIELDS))
    return item


def _make_lead(item: Item) -> None:
    """The lead article stands first; any other lead becomes a short item."""
    Item.objects.filter(issue=item.issue, is_lead=True, archived_at__isnull=True).exclude(pk=item.pk).update(
        is_lead=False)
    _reorder(item.issue, [item.pk] + list(Item.objects.filter(issue=item.issue, archived_at__isnull=True)
                                          .exclude(pk=item.pk).order_by("position").values_list("pk", flat=True)))
    item.refresh_from_db()


def _reorder(issue: Issue, ordered_ids: list[int]) -> None:
    items = {i.pk: i for i in Item.objects.filter(issue=issue, archived_at__isnull=True)}
    if set(ordered_ids) != set(items):
        raise DomainError(_("The new order must list every item of the issue once."), code="bad_order")
    offset = max((i.position for i in items.values()), default=0) + len(items) + 1
    for index, pk in enumerate(ordered_ids):  # two passes keep positions unique at every step
        Item.objects.filter(pk=pk).update(position=offset + index)
    for index, pk in enumerate(ordered_ids, start=1):
        Item.objects.filter(pk=pk).update(position=index)


def item_add(*, actor, issue: Issue, headline: str, body: str, source_unit=None, source_label: str = "",
             is_lead: bool = False) -> Item:
    """An item the editors write themselves (the office's lead article has no source unit)."""
    _require(permissions.can_compile(actor, issue), actor)
    if not issue.can_change():
        raise InvalidTransition(_("A published issue cannot be changed."))
    with transaction.atomic():
        return _item_append(actor=actor, issue=issue, headline=headline, body=body, source_unit=source_unit,
                            source_label=source_label or (source_unit.display_name if source_unit else ""),
                            is_lead=is_lead)


def item_update(*, actor, item: Item, headline: str, body: str, source_label: str | None = None) -> Item:
    _require(permissions.can_compile(actor, item.issue), actor)
    if not item.issue.can_change():
        raise InvalidTransition(_("A published issue cannot be changed."))
    before = audit.snapshot(item, ITEM_FIELDS)
    item.headline, item.body = _clean_text(headline), _clean_text(body)
    if source_label is not None:
        item.source_label = _clean_text(source_label)
    item.full_clean()
    with transaction.atomic():
        item.save()
        audit.record(actor=actor, action="bulletin.item.updated", obj=item, before=before,
                     after=audit.snapshot(item, ITEM_FIELDS))
    return item


def item_move(*, actor, item: Item, direction: int) -> Item:
    """Move an item one place up (-1) or down (+1); the lead article stays first."""
    _require(permissions.can_compile(actor, item.issue), actor)
    if not item.issue.can_change():
        raise InvalidTransition(_("A published issue cannot be changed."))
    ids = list(Item.objects.filter(issue=item.issue, archived_at__isnull=True).order_by("position")
               .values_list("pk", flat=True))
    index = ids.index(item.pk)
    target = index + (1 if direction > 0 else -1)
    if not 0 <= target < len(ids):
        return item
    ids[index], ids[target] = ids[target], ids[index]
    with transaction.atomic():
        _reorder(item.issue, ids)
        lead = Item.objects.filter(issue=item.issue, is_lead=True, archived_at__isnull=True).first()
        if lead is not None and ids[0] != lead.pk:
            _reorder(item.issue, [lead.pk] + [pk for pk in ids if pk != lead.pk])
        item.refresh_from_db()
        audit.record(actor=actor, action="bulletin.item.moved", obj=item, payload={"position": item.position})
    return item


def item_take_out(*, actor, item: Item) -> Item:
    """Take an item out of a draft issue (kept, marked); its submission goes back to the editors' queue."""
    _require(permissions.can_compile(actor, item.issue), actor)
    if not item.issue.can_change():
        raise InvalidTransition(_("A published issue cannot be changed."))
    before = audit.snapshot(item, ITEM_FIELDS)
    with transaction.atomic():
        item.archived_at = timezone.now()
        item.save(update_fields=["archived_at", "updated_at"])
        if item.submission_id:
            Submission.objects.filter(pk=item.submission_id).update(status=SubmissionStatus.SUBMITTED,
                                                                    decided_at=None)
            audit.record(actor=actor, action="bulletin.submission.unadopted", obj=item.submission,
                         before={"status": "adopted"}, after={"status": "submitted"})
        remaining = list(Item.objects.filter(issue=item.issue, archived_at__isnull=True).order_by("position")
                         .values_list("pk", flat=True))
        _reorder(item.issue, remaining)
        audit.record(actor=actor, action="bulletin.item.taken_out", obj=item, before=before,
                     after=audit.snapshot(item, ITEM_FIELDS))
    return item


def issue_publish(*, actor, issue: Issue) -> Issue:
    """Publish a draft issue; from then on it is frozen. Units whose items are in it are notified."""
    _require(permissions.can_compile(actor, issue), actor)
    if not issue.can_publish():
        raise InvalidTransition(_("This issue is already published."))
    items = list(Item.objects.filter(issue=issue, archived_at__isnull=True).select_related("source_unit"))
    if not items:
        raise DomainError(_("An issue needs at least one item before it is published."), code="empty_issue")
    before = audit.snapshot(issue, ISSUE_FIELDS)
    with transaction.atomic():
        issue.status = IssueStatus.PUBLISHED
        issue.published_at = timezone.now()
        issue.save(update_fields=["status", "published_at", "updated_at"])
        audit.record(actor=actor, action="bulletin.issue.published", obj=issue, before=before,
                     after=audit.snapshot(issue, ISSUE_FIELDS), payload={"items": len(items)})
        for item in items:  # the items join the searchable archive
            audit.record(actor=actor, action="bulletin.item.published", obj=item)
        units = {i.source_unit for i in items if i.source_unit_id}
        recipients = {user for unit in units for user in org_selectors.unit_users(unit, [Role.REPORTER, Role.LEADER])}
        notices.notify(recipients=recipients, kind="bulletin.issue.published", actor=actor, target=issue,
                       title=_("%(issue)s is published") % {"issue": str(issue)},
                       url=reverse("bulletin:issue", args=[issue.pk]), webhook_owners=units)
    return issue


def higher_adoption_record(*, actor, item: Item, level: str, date: date, instruction: bool = False,
                           note: str = "") -> HigherAdoption:
    """Record that a higher level took up an item (or a leader wrote an instruction on it): extra points."""
    _require(permissions.can_compile(actor, item.issue), actor)
    record = HigherAdoption(item=item, level=level, date=date, instruction=instruction, note=_clean_text(note))
    record.full_clean()
    with transaction.atomic():
        record.save()
        audit.record(actor=actor, action="bulletin.item.higher_adoption", obj=item,
                     payload={"level": level, "instruction": instruction, "note": record.note})
    return record


# --- import of old issues --------------------------------------------------------------------------------------

def issue_import(*, actor, parsed, series_name: str | None = None) -> Issue:
    """Bring an old issue read by the importer into the archive, published and frozen.

    The series is found by name (created when new, with the office found among the units by name, or
    none); each item's source is matched to a unit by full or short name, else kept as printed text.
    Raises DomainError when the masthead, number or date was not recognised, or the issue already exists.
    """
    name = series_name or parsed.series
    if not name or not parsed.number or not parsed.date:
        raise DomainError(_("The series name, issue number and date must be recognised before importing."),
                          code="incomplete_masthead")
    if not parsed.items:
        raise DomainError(_("No item was recognised in this issue."), code="no_items")
    with transaction.atomic():
        series = Series.objects.filter(name=name).first()
        if series is None:
            office = org_selectors.unit_by_name(parsed.office or "")
            series = series_create(actor=actor, name=name, office=office, office_name=parsed.office or "")
        _require(permissions.can_compile(actor, series), actor)
        if Issue.objects.filter(series=series, year=parsed.date.year, number=parsed.number,
                                is_supplement=bool(getattr(parsed, "supplement", False))).exists():
            raise DomainError(_("%(series)s No. %(number)s of %(year)s is already in the archive.") % {
                "series": series.name, "number": parsed.number, "year": parsed.date.year}, code="duplicate_issue")
        issue = Issue(series=series, year=parsed.date.year, number=parsed.number, date=parsed.date,
                      is_supplement=bool(getattr(parsed, "supplement", False)), office_name=parsed.office or "",
                      imported=True, status=IssueStatus.PUBLISHED, published_at=timezone.now())
        issue.full_clean()
        issue.save()
        audit.record(actor=actor, action="bulletin.issue.imported", obj=issue,
                     after=audit.snapshot(issue, ISSUE_FIELDS), payload={"items": len(parsed.items)})
        for position, parsed_item in enumerate(parsed.items, start=1):
            unit = org_selectors.unit_by_name(parsed_item.source) if parsed_item.source else None
            item = Item(issue=issue, position=position, headline=parsed_item.headline, body=parsed_item.body,
                        source_unit=unit, source_label=parsed_item.source or "",
                        is_lead=position == 1 and not parsed_item.source)
            item.full_clean()
            item.save()
            audit.record(actor=actor, action="bulletin.item.imported", obj=item,
                         after=audit.snapshot(item, ITEM_FIELDS))
    return issue


def topic_send_reminders(*, today: date, remind_before: int = 2) -> int:
    """Remind units that have not delivered a commissioned piece as the deadline nears, and press them (催办) once
    it has passed; each unit's reporters get each kind of message once per topic. Returns the messages sent.

    Run daily (`manage.py bulletin_remind`). Working days come from the core calendar; a deadline beyond the
    calendar's known years raises CalendarRangeError, which names the year to enter.
    """
    from jiceng.core.models import Notification
    from jiceng.core.workdays import workdays_between

    sent = 0
    for topic in Topic.objects.filter(status=TopicStatus.OPEN).prefetch_related("units").select_related("series"):
        delivered = set(Submission.objects.filter(topic=topic).exclude(status=SubmissionStatus.DRAFT)
                        .values_list("unit_id", flat=True))
        for unit in topic.units.all():
            kind = rules.topic_reminder(deadline=topic.deadline, today=today, delivered=unit.pk in delivered,
                                        remind_before=remind_before, workdays_until=workdays_between)
            if kind is None:
                continue
            notice_kind = f"bulletin.topic.{kind}"
            already = set(Notification.objects.filter(kind=notice_kind, target_type="bulletin.topic",
                                                      target_id=str(topic.pk)).values_list("recipient_id", flat=True))
            recipients = [u for u in org_selectors.unit_users(unit, [Role.REPORTER]) if u.pk not in already]
            if not recipients:
                continue
            title = (_("Reminder: the commissioned piece “%(title)s” is due on %(deadline)s") if kind == "remind"
                     else _("Overdue: the commissioned piece “%(title)s” was due on %(deadline)s")) % {
                "title": topic.title, "deadline": topic.deadline.isoformat()}
            with transaction.atomic():
                notices.notify(recipients=recipients, kind=notice_kind, title=title, target=topic,
                               level="reminder" if kind == "remind" else "urgent",
                               url=reverse("bulletin:topic", args=[topic.pk]), webhook_owners=[unit])
            sent += len(recipients)
    return sent
