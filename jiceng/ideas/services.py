"""Every change to campaigns, suggestions, ideas, evaluations and decisions goes through here.

Keyword-only; permission checked (actor None: a resident on the public page, or the system); validated;
one transaction with an audit event (personal data recorded as "[encrypted]"). Adopting an idea creates a
ledger project through the ledger's services (ideas → ledger is the allowed direction).
Raises jiceng.core.errors.PermissionDenied, InvalidTransition, DomainError, or Django's ValidationError.
"""

import datetime as dt
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import audit
from jiceng.core.attachments import attachment_create
from jiceng.core.crypto import blind_index, normalize_mobile, validate_mobile
from jiceng.core.errors import DomainError, InvalidTransition, PermissionDenied
from jiceng.org.choices import DivisionKind

from . import permissions, selectors
from .choices import DEFAULT_CATEGORIES, DEFAULT_CRITERIA, CampaignStatus, Channel, IdeaStatus
from .models import Campaign, Evaluation, Idea, Suggestion, WorkGroup

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#: Photos a resident or a member of staff may attach to one suggestion.
MAX_PHOTOS = 3
SUGGESTION_FIELDS = ["campaign", "compound", "channel", "text", "said_at", "name", "phone", "category", "idea",
                     "supersedes"]
#: The earliest time a suggestion can have been said (anything before is a typing slip or a misread cell).
EARLIEST_SAID_AT = dt.datetime(2000, 1, 1)
IDEA_FIELDS = ["title", "summary", "category", "feasibility", "compound", "status", "decision_reason"]


def _require(allowed: bool, actor) -> None:
    if actor is not None and not allowed:
        raise PermissionDenied()


def _text(value) -> str:
    return (value or "").replace("\r\n", "\n").strip()


def new_receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(8))


CAMPAIGN_FIELDS = ["title", "code", "starts_on", "ends_on", "categories", "criteria", "public_intake", "status"]
#: Campaign statuses and where each may go: preparing → collecting ⇄ closed.
CAMPAIGN_MOVES = {CampaignStatus.DRAFT: {CampaignStatus.OPEN}, CampaignStatus.OPEN: {CampaignStatus.CLOSED},
                  CampaignStatus.CLOSED: {CampaignStatus.OPEN}}


def new_campaign_code(starts_on: dt.date) -> str:
    """A short public code for the posters' address, unique: the year and month, then random letters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    while True:
        code = f"{starts_on:%Y%m}-" + "".join(secrets.choice(alphabet) for _ in range(5))
        if not Campaign.objects.filter(code=code).exists():
            return code


def _clean_categories(categories) -> list[str]:
    cleaned = []
    for category in categories or ():
        category = _text(str(category))
        if category and category not in cleaned:
            cleaned.append(category)
    if not cleaned:
        raise DomainError(_("Give the campaign at least one category."), code="no_category", field="categories")
    if any(len(c) > 50 for c in cleaned):
        raise DomainError(_("A category may have at most 50 characters."), code="long_category", field="categories")
    return cleaned


def _clean_criteria(criteria) -> list[dict]:
    cleaned, keys, labels = [], set(), set()
    for criterion in criteria or ():
        try:
            key, label, weight = str(criterion["key"]).strip(), _text(criterion["label"]), float(criterion["weight"])
        except (KeyError, TypeError, ValueError) as error:
            raise DomainError(_("Each criterion needs a name and a weight."), code="bad_criterion",
                              field="criteria") from error
        if not key.isidentifier() or not label or not 0 < weight <= 100 or key in keys or label in labels:
            raise DomainError(_("Each criterion needs its own name and a weight above 0."), code="bad_criterion",
                              field="criteria")
        keys.add(key)
        labels.add(label)
        cleaned.append({"key": key, "label": label[:30], "weight": weight})
    if not cleaned:
        raise DomainError(_("Give the campaign at least one evaluation criterion."), code="no_criterion",
                          field="criteria")
    return cleaned


def _check_campaign(owner_unit, starts_on: dt.date, ends_on: dt.date, compounds) -> None:
    if ends_on < starts_on:
        raise DomainError(_("The campaign cannot end before it starts."), code="bad_period", field="ends_on")
    if not compounds:
        raise DomainError(_("Choose at least one compound."), code="no_compound", field="compounds")
    path = owner_unit.division.path
    if any(c.kind != DivisionKind.COMPOUND or not c.path.startswith(path) for c in compounds):
        raise DomainError(_("Only compounds within the owner unit's area can be chosen."), code="compound_outside",
                          field="compounds")


def campaign_create(*, actor, owner_unit, title: str, starts_on: dt.date, ends_on: dt.date, compounds,
                    code: str | None = None, categories=None, criteria=None, public_intake: bool = True,
                    status: str = CampaignStatus.OPEN) -> Campaign:
    """A campaign of the owner unit over some of its compounds; by an administrator or supervisor covering it.

    Without a code one is made (the posters' address); without categories or criteria the defaults are used.
    """
    _require(permissions.can_manage(actor, owner_unit), actor)
    compounds = list(compounds)
    _check_campaign(owner_unit, starts_on, ends_on, compounds)
    campaign = Campaign(owner_unit=owner_unit, title=_text(title), code=code or new_campaign_code(starts_on),
                        starts_on=starts_on, ends_on=ends_on,
                        categories=_clean_categories(DEFAULT_CATEGORIES if categories is None else categories),
                        criteria=_clean_criteria(DEFAULT_CRITERIA if criteria is None else criteria),
                        public_intake=public_intake, status=status)
    campaign.full_clean()
    with transaction.atomic():
        campaign.save()
        campaign.compounds.set(compounds)
        audit.record(actor=actor, action="ideas.campaign.created", obj=campaign,
                     after=audit.snapshot(campaign, CAMPAIGN_FIELDS) | {"compounds": sorted(c.pk for c in compounds)})
    return campaign


def campaign_update(*, actor, campaign: Campaign, title: str, starts_on: dt.date, ends_on: dt.date, compounds,
                    categories, criteria, public_intake: bool) -> Campaign:
    """Change what a campaign covers and how it is judged, without losing what was already said or scored:
    a compound with suggestions stays, a category in use stays, and the criteria stay once anyone has scored."""
    _require(permissions.can_manage(actor, campaign.owner_unit), actor)
    compounds = list(compounds)
    _check_campaign(campaign.owner_unit, starts_on, ends_on, compounds)
    categories, criteria = _clean_categories(categories), _clean_criteria(criteria)
    dropped = set(campaign.compounds.values_list("pk", flat=True)) - {c.pk for c in compounds}
    if dropped and Suggestion.objects.filter(campaign=campaign, compound_id__in=dropped).exists():
        raise DomainError(_("A compound whose residents have already made suggestions cannot be taken out."),
                          code="compound_in_use", field="compounds")
    gone = set(campaign.categories) - set(categories)
    if gone and (Suggestion.objects.filter(campaign=campaign, category__in=gone).exists()
                 or Idea.objects.filter(campaign=campaign, category__in=gone).exists()):
        raise DomainError(_("A category already given to suggestions or ideas cannot be taken out."),
                          code="category_in_use", field="categories")
    if criteria != campaign.criteria and Evaluation.objects.filter(idea__campaign=campaign).exists():
        raise DomainError(_("The criteria cannot change once ideas have been scored."), code="criteria_in_use",
                          field="criteria")
    before = audit.snapshot(campaign, CAMPAIGN_FIELDS) | {
        "compounds": sorted(campaign.compounds.values_list("pk", flat=True))}
    campaign.title, campaign.starts_on, campaign.ends_on = _text(title), starts_on, ends_on
    campaign.categories, campaign.criteria, campaign.public_intake = categories, criteria, public_intake
    campaign.full_clean()
    after = audit.snapshot(campaign, CAMPAIGN_FIELDS) | {"compounds": sorted(c.pk for c in compounds)}
    if before == after:
        return campaign
    with transaction.atomic():
        campaign.save()
        campaign.compounds.set(compounds)
        audit.record(actor=actor, action="ideas.campaign.updated", obj=campaign, before=before, after=after)
    return campaign


def campaign_move(*, actor, campaign: Campaign, status: str, reason: str = "") -> Campaign:
    """Open a campaign for suggestions, close it, or open it again; with the reason on record."""
    _require(permissions.can_manage(actor, campaign.owner_unit), actor)
    if status not in CAMPAIGN_MOVES.get(campaign.status, ()):
        raise InvalidTransition()
    before = {"status": campaign.status}
    with transaction.atomic():
        campaign.status = status
        campaign.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action=f"ideas.campaign.{status}", obj=campaign, before=before,
                     after={"status": status}, payload={"reason": _text(reason)})
    return campaign


def _check_work_group(campaign: Campaign, name: str, compounds, members) -> str:
    name = _text(name)
    if not name:
        raise DomainError(_("Give the work group a name."), code="no_name", field="name")
    if not compounds:
        raise DomainError(_("Choose at least one compound."), code="no_compound", field="compounds")
    if {c.pk for c in compounds} - set(campaign.compounds.values_list("pk", flat=True)):
        raise DomainError(_("A work group covers compounds of its campaign only."), code="compound_outside",
                          field="compounds")
    if {m.pk for m in members} - set(selectors.eligible_members(campaign).values_list("pk", flat=True)):
        raise DomainError(_("Members must be staff of a unit within the campaign's area."), code="member_outside",
                          field="members")
    return name


def work_group_create(*, actor, campaign: Campaign, name: str, compounds, members=()) -> WorkGroup:
    _require(permissions.can_decide(actor, campaign), actor)
    compounds, members = list(compounds), list(members)
    group = WorkGroup(campaign=campaign, name=_check_work_group(campaign, name, compounds, members))
    group.full_clean()
    with transaction.atomic():
        group.save()
        group.compounds.set(compounds)
        group.members.set(members)
        audit.record(actor=actor, action="ideas.work_group.created", obj=campaign,
                     payload={"group": group.name, "compounds": [c.pk for c in compounds],
                              "members": [m.pk for m in members]})
    return group


def work_group_update(*, actor, group: WorkGroup, name: str, compounds, members) -> WorkGroup:
    """Rename a work group, or change the compounds it covers and who is in it (a member who leaves loses access
    to the campaign unless their unit's role gives it)."""
    _require(permissions.can_decide(actor, group.campaign), actor)
    compounds, members = list(compounds), list(members)
    name = _check_work_group(group.campaign, name, compounds, members)
    before = {"name": group.name, "compounds": sorted(group.compounds.values_list("pk", flat=True)),
              "members": sorted(group.members.values_list("pk", flat=True))}
    after = {"name": name, "compounds": sorted(c.pk for c in compounds), "members": sorted(m.pk for m in members)}
    if before == after:
        return group
    with transaction.atomic():
        group.name = name
        group.save(update_fields=["name", "updated_at"])
        group.compounds.set(compounds)
        group.members.set(members)
        audit.record(actor=actor, action="ideas.work_group.updated", obj=group.campaign, before=before,
                     after=after, payload={"group": group.pk})
    return group


_suggesters: dict = {}


def _suggest_category(campaign: Campaign, text: str) -> str:
    """The category the classifier suggests, trained on what staff confirmed in this campaign (kept per process
    until a confirmation changes the training set)."""
    from django.db.models import Count, Max

    from .classify import CategorySuggester

    confirmed = Suggestion.objects.filter(campaign=campaign).exclude(category="")
    state = confirmed.aggregate(n=Count("pk"), last=Max("updated_at"))
    key = (campaign.pk, state["n"], state["last"])
    suggester = _suggesters.get(campaign.pk)
    if suggester is None or suggester[0] != key:
        examples = list(confirmed.order_by("-id").values_list("text", "category")[:2000])
        suggester = (key, CategorySuggester().train(examples))
        _suggesters[campaign.pk] = suggester
    suggestion = suggester[1].suggest(text)
    return suggestion.category if suggestion.category in campaign.categories else ""


def suggestion_submit(*, actor, campaign: Campaign, compound, text: str, channel: str, name: str = "",
                      phone: str = "", public: bool = False, photos=(), said_at: dt.datetime | None = None
                      ) -> Suggestion:
    """Record a resident's suggestion as said; returns it with its receipt code.

    ``photos`` (at most MAX_PHOTOS uploaded files) are checked by content as images and attached to the
    suggestion in the same transaction: one refused photo refuses the suggestion, and nothing is recorded.

    ``said_at`` is when the resident said it, if known (a chat message's time, a meeting heard a week ago): not in
    the future; a naive time is local. Without it the time it was recorded counts.

    public=True is a resident on the public page (only the online channel, only while the campaign collects);
    staff enter what they heard at doors, on the phone, in chat groups or at meetings (actor None: the system,
    e.g. an import run from the command line).
    """
    if public:
        if not campaign.public_intake or campaign.status != CampaignStatus.OPEN:
            raise DomainError(_("This campaign is not collecting suggestions online."), code="closed")
        channel = Channel.ONLINE
        said_at = None  # a resident on the public page says it now
    else:
        _require(permissions.can_work(actor, campaign), actor)
    if not campaign.compounds.filter(pk=compound.pk).exists():
        raise DomainError(_("This compound is not part of the campaign."), code="compound_outside", field="compound")
    text = _text(text)
    if len(text) < 4:
        raise DomainError(_("Please write your suggestion in a few words at least."), code="too_short", field="text")
    if len(text) > 1000:
        raise DomainError(_("Please keep the suggestion under 1,000 characters."), code="too_long", field="text")
    photos = list(photos or ())
    if len(photos) > MAX_PHOTOS:
        raise DomainError(_("At most %(count)d photos, please.") % {"count": MAX_PHOTOS}, code="too_many_photos",
                          field="photos")
    said_at = _said_at(said_at)
    phone = normalize_mobile(phone) if phone else ""
    if phone:
        validate_mobile(phone)
    suggestion = Suggestion(campaign=campaign, compound=compound, channel=channel, text=text, said_at=said_at,
                            name=_text(name)[:50], phone=phone,
                            phone_index=blind_index(phone, "phone") if phone else "",
                            receipt=new_receipt(), entered_by=actor,
                            suggested_category=_suggest_category(campaign, text))
    suggestion.full_clean()
    with transaction.atomic():
        suggestion.save()
        for photo in photos:
            attachment_create(actor=actor, file=photo, owner=suggestion, allowed_kinds=("image",))
        audit.record(actor=actor, action="ideas.suggestion.received", obj=suggestion,
                     after=audit.snapshot(suggestion, SUGGESTION_FIELDS),
                     object_repr=f"{suggestion.receipt} {text[:30]}")
    return suggestion


def _said_at(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value > timezone.now() + dt.timedelta(minutes=10):
        raise DomainError(_("The time it was said is in the future."), code="said_in_future", field="said_at")
    if value < timezone.make_aware(EARLIEST_SAID_AT):
        raise DomainError(_("The time it was said is before 2000; check it."), code="said_too_early", field="said_at")
    return value


def suggestion_correct(*, actor, suggestion: Suggestion, text: str) -> Suggestion:
    """A correction is a new version that supersedes the old one; the words first heard are kept unchanged.

    The new version takes over the old one's category and idea (the old one leaves the idea, so the count of
    residents behind it stays right); the resident's receipt keeps working (the status follows the versions).
    Only the newest version can be corrected, and only with different words.
    """
    _require(permissions.can_work(actor, suggestion.campaign), actor)
    text = _text(text)
    if Suggestion.objects.filter(supersedes=suggestion).exists():
        raise DomainError(_("This suggestion has already been corrected; correct its newest version."),
                          code="superseded")
    if text == suggestion.text:
        raise DomainError(_("The corrected words are the same as before."), code="unchanged", field="text")
    with transaction.atomic():
        correction = suggestion_submit(actor=actor, campaign=suggestion.campaign, compound=suggestion.compound,
                                       text=text, channel=suggestion.channel, name=suggestion.name,
                                       phone=suggestion.phone, said_at=suggestion.said_at)
        Suggestion.objects.filter(pk=correction.pk).update(supersedes=suggestion, idea=suggestion.idea,
                                                            category=suggestion.category)
        Suggestion.objects.filter(pk=suggestion.pk).update(idea=None)
        correction.refresh_from_db()
        audit.record(actor=actor, action="ideas.suggestion.corrected", obj=suggestion,
                     before={"text": suggestion.text, "idea": suggestion.idea_id},
                     after={"text": text, "idea": None}, payload={"correction": correction.pk})
    return correction


def suggestion_categorise(*, actor, suggestion: Suggestion, category: str) -> Suggestion:
    _require(permissions.can_work(actor, suggestion.campaign), actor)
    if category and category not in suggestion.campaign.categories:
        raise DomainError(_("Choose one of the campaign's categories."), code="bad_category", field="category")
    before = {"category": suggestion.category}
    with transaction.atomic():
        suggestion.category = category
        suggestion.save(update_fields=["category", "updated_at"])
        audit.record(actor=actor, action="ideas.suggestion.categorised", obj=suggestion, before=before,
                     after={"category": category})
    return suggestion


def _link(actor, idea: Idea, suggestions) -> None:
    suggestions = list(suggestions)
    decided = set(Idea.objects.filter(pk__in={s.idea_id for s in suggestions if s.idea_id and s.idea_id != idea.pk},
                                      status__in=(IdeaStatus.ADOPTED, IdeaStatus.DECLINED, IdeaStatus.DEFERRED))
                  .values_list("pk", flat=True))
    corrected = set(Suggestion.objects.filter(supersedes__in=suggestions).values_list("supersedes_id", flat=True))
    for suggestion in suggestions:
        if suggestion.campaign_id != idea.campaign_id:
            raise DomainError(_("A suggestion of another campaign cannot be merged here."), code="wrong_campaign")
        if suggestion.idea_id in decided:
            raise DomainError(_("A suggestion of an idea already decided stays where it is."), code="decided")
        if suggestion.pk in corrected:
            raise DomainError(_("This suggestion has been corrected; merge its newest version."), code="superseded")
        before = {"idea": suggestion.idea_id}
        Suggestion.objects.filter(pk=suggestion.pk).update(idea=idea)
        suggestion.idea = idea
        audit.record(actor=actor, action="ideas.suggestion.merged", obj=suggestion, before=before,
                     after={"idea": idea.pk})


def idea_create(*, actor, campaign: Campaign, title: str, suggestions=(), summary: str = "", category: str = "",
                compound=None) -> Idea:
    """A golden idea made of some suggestions (linked, never copied or deleted)."""
    _require(permissions.can_work(actor, campaign), actor)
    idea = Idea(campaign=campaign, title=_text(title), summary=_text(summary), category=category, compound=compound,
                created_by=actor)
    idea.full_clean()
    with transaction.atomic():
        idea.save()
        audit.record(actor=actor, action="ideas.idea.created", obj=idea, after=audit.snapshot(idea, IDEA_FIELDS))
        _link(actor, idea, suggestions)
    return idea


def idea_merge(*, actor, idea: Idea, suggestions) -> Idea:
    _require(permissions.can_work(actor, idea.campaign), actor)
    if idea.status not in (IdeaStatus.DRAFT, IdeaStatus.EVALUATING):
        raise InvalidTransition(_("A decided idea takes no more suggestions."))
    with transaction.atomic():
        _link(actor, idea, suggestions)
    return idea


def idea_unmerge(*, actor, suggestion: Suggestion) -> Suggestion:
    """Take a suggestion back out of its idea (the link is undone; the history keeps both events)."""
    _require(permissions.can_work(actor, suggestion.campaign), actor)
    suggestion.refresh_from_db(fields=["idea"])
    if suggestion.idea_id is None:
        return suggestion
    if suggestion.idea.status in (IdeaStatus.ADOPTED, IdeaStatus.DECLINED, IdeaStatus.DEFERRED):
        raise InvalidTransition(_("A decided idea's suggestions stay with it."))
    with transaction.atomic():
        before = {"idea": suggestion.idea_id}
        Suggestion.objects.filter(pk=suggestion.pk).update(idea=None)
        audit.record(actor=actor, action="ideas.suggestion.unmerged", obj=suggestion, before=before,
                     after={"idea": None})
        suggestion.idea = None
    return suggestion


def evaluation_submit(*, actor, idea: Idea, scores: dict, comment: str = "") -> Evaluation:
    """An evaluator scores the idea 0–10 on each of the campaign's criteria; scoring again replaces the scores."""
    _require(permissions.can_work(actor, idea.campaign), actor)
    keys = [c["key"] for c in idea.campaign.criteria]
    clean = {}
    for key in keys:
        try:
            value = float(scores.get(key))
        except (TypeError, ValueError):
            raise DomainError(_("Give every criterion a score from 0 to 10."), code="scores", field="scores") from None
        if not 0 <= value <= 10:
            raise DomainError(_("Give every criterion a score from 0 to 10."), code="scores", field="scores")
        clean[key] = value
    with transaction.atomic():
        evaluation, _created = Evaluation.objects.update_or_create(
            idea=idea, evaluator=actor, defaults={"scores": clean, "comment": _text(comment)})
        if idea.status == IdeaStatus.DRAFT:
            idea.status = IdeaStatus.EVALUATING
            idea.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action="ideas.idea.evaluated", obj=idea, payload={"scores": clean})
    return evaluation


def weighted_score(idea: Idea) -> float | None:
    """The mean over evaluators of the criteria scores weighted as the campaign says."""
    from .rules import weighted_mean

    return weighted_mean([e.scores for e in idea.evaluations.all()], idea.campaign.criteria)


def idea_decide(*, actor, idea: Idea, decision: str, reason: str, planned_end: dt.date | None = None) -> Idea:
    """Adopt (纳入方案), defer or decline — always with a reason. Adopting creates a ledger project in the owner
    unit's governance plan (治理提升方案) when the ledger is installed, linked both ways."""
    _require(permissions.can_decide(actor, idea.campaign), actor)
    if decision not in (IdeaStatus.ADOPTED, IdeaStatus.DEFERRED, IdeaStatus.DECLINED):
        raise DomainError(_("Decide to adopt, defer or decline."), code="bad_decision")
    if not _text(reason):
        raise DomainError(_("A decision needs a reason."), code="reason_required", field="reason")
    if idea.status in (IdeaStatus.ADOPTED, IdeaStatus.DECLINED):
        raise InvalidTransition(_("This idea has been decided already."))
    before = audit.snapshot(idea, IDEA_FIELDS)
    with transaction.atomic():
        idea.status, idea.decision_reason, idea.decided_at = decision, _text(reason), timezone.now()
        if decision == IdeaStatus.ADOPTED:
            project = _project_for(actor, idea, planned_end)
            if project is not None:
                idea.project_id_ref = project.pk
        idea.save()
        audit.record(actor=actor, action=f"ideas.idea.{decision}", obj=idea, before=before,
                     after=audit.snapshot(idea, IDEA_FIELDS), payload={"project": idea.project_id_ref})
    return idea


def _project_for(actor, idea: Idea, planned_end):
    from django.apps import apps

    if not apps.is_installed("jiceng.ledger"):
        return None
    from jiceng.ledger import services as ledger
    from jiceng.ledger.models import Programme

    campaign = idea.campaign
    start = campaign.ends_on + dt.timedelta(days=1) if campaign.ends_on else timezone.localdate()
    end = planned_end or dt.date(start.year, 12, 31)
    if end < start:
        end = start + dt.timedelta(days=180)
    name = _("%(campaign)s governance plan") % {"campaign": campaign.title}
    programme = Programme.objects.filter(name=name, archived_at__isnull=True).first() or ledger.programme_create(
        actor=actor, name=name, year=start.year, owner_unit=campaign.owner_unit)
    project = ledger.project_create(actor=actor, programme=programme, name=idea.title[:200], unit=campaign.owner_unit,
                                    planned_start=start, planned_end=end, target=idea.summary[:300],
                                    category=idea.category, location=idea.compound,
                                    note=_("From the golden idea: %(url)s") % {
                                        "url": reverse("ideas:idea", args=[idea.pk])})
    return project
