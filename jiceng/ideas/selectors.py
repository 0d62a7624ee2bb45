"""Reads of the ideas app, limited to what the user may see; and the public status of a receipt."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from jiceng.org.models import Unit
from jiceng.org.permissions import scope_of

from .choices import IdeaStatus
from .models import Campaign, Idea, Suggestion
from .permissions import DECIDER_ROLES


def campaigns_visible_to(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    scope = scope_of(user)
    units = Unit.objects.filter(scope.q("division__path")).values("pk")
    return (Campaign.objects.filter(Q(owner_unit_id__in=units) | Q(work_groups__members=user)).distinct()
            .select_related("owner_unit__division"))


def units_managed_by(user):
    """The units whose campaigns the user may start and run: those an administrator or supervisor role covers."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    return (Unit.objects.filter(scope_of(user).q("division__path", DECIDER_ROLES), archived_at__isnull=True)
            .select_related("division").order_by("division__path", "sort_order", "name"))


def compounds_of_area(unit, *, campaign=None):
    """The compounds within a unit's area, unmanaged ones marked, in the tree's order; with ``campaign``, each
    also says whether the campaign covers it (``in_campaign``), in the same query."""
    from jiceng.org.choices import DivisionKind
    from jiceng.org.models import Division

    compounds = Division.objects.filter(kind=DivisionKind.COMPOUND, path__startswith=unit.division.path,
                                        archived_at__isnull=True).order_by("path")
    if campaign is not None:
        covered = Campaign.compounds.through.objects.filter(campaign=campaign, division=OuterRef("pk"))
        compounds = compounds.annotate(in_campaign=Exists(covered))
    return compounds


def work_groups_of(campaign, *, compounds, members) -> list:
    """The campaign's work groups, each with ``compound_list`` and ``member_list`` taken from the already loaded
    ``compounds`` and ``members`` (two queries however many groups; a member who has left the area is loaded
    apart, so the list stays true)."""
    from django.contrib.auth import get_user_model

    from .models import WorkGroup

    groups = list(WorkGroup.objects.filter(campaign=campaign).order_by("name"))
    if not groups:
        return groups
    through_compounds = WorkGroup.compounds.through.objects.filter(workgroup__campaign=campaign).values_list(
        "workgroup_id", "division_id", Value("c"))
    through_members = WorkGroup.members.through.objects.filter(workgroup__campaign=campaign).values_list(
        "workgroup_id", "user_id", Value("m"))
    links = list(through_compounds.union(through_members, all=True))
    by_compound = {c.pk: c for c in compounds}
    by_member = {m.pk: m for m in members}
    missing = {pk for _, pk, kind in links if kind == "m" and pk not in by_member}
    if missing:
        by_member |= {u.pk: u for u in get_user_model().objects.filter(pk__in=missing)}
    for group in groups:
        group.compound_list = [by_compound[pk] for g, pk, kind in links
                               if g == group.pk and kind == "c" and pk in by_compound]
        group.member_list = [by_member[pk] for g, pk, kind in links if g == group.pk and kind == "m"]
    return groups


def eligible_members(campaign: Campaign):
    """The users who may join a campaign's work group: staff of a unit within the owner unit's area."""
    from django.contrib.auth import get_user_model

    path = campaign.owner_unit.division.path
    return (get_user_model().objects.filter(memberships__unit__division__path__startswith=path,
                                            memberships__ended_at__isnull=True, is_active=True)
            .distinct().order_by("username"))


#: A project in one of these states counts as done in the funnel.
DONE_PROJECT_STATES = ("completed", "closed")


def with_suggestion_count(campaigns):
    """Campaigns annotated with ``live_suggestions``: their suggestions, corrected ones counted once (no extra
    query for the funnel)."""
    live = (Suggestion.objects.filter(campaign=OuterRef("pk"), corrections__isnull=True).order_by()
            .values("campaign").annotate(n=Count("pk")).values("n"))
    return campaigns.annotate(live_suggestions=Coalesce(Subquery(live, output_field=IntegerField()), Value(0)))


def suggestions_of(campaign):
    return (Suggestion.objects.filter(campaign=campaign, corrections__isnull=True)
            .select_related("compound", "idea").order_by("-created_at", "-id"))


def photos_of(suggestions) -> dict[int, list]:
    """{suggestion id: its photos}, a corrected suggestion also showing its earlier version's (one query)."""
    from jiceng.core.audit.service import object_label
    from jiceng.core.models import Attachment

    suggestions = list(suggestions)
    owners = {}
    for suggestion in suggestions:
        owners[str(suggestion.pk)] = suggestion.pk
        if suggestion.supersedes_id:
            owners[str(suggestion.supersedes_id)] = suggestion.pk
    if not owners:
        return {}
    found: dict[int, list] = {}
    photos = Attachment.objects.filter(owner_type=object_label(Suggestion), owner_id__in=list(owners),
                                       archived_at__isnull=True, kind=Attachment.Kind.IMAGE)
    for photo in photos.order_by("created_at", "id"):
        found.setdefault(owners[photo.owner_id], []).append(photo)
    return found


def ideas_of(campaign):
    """A campaign's ideas with how many residents stand behind each (``residents``) and, when the ledger app is
    installed, whether the project an adoption created is done (``project_done``)."""
    ideas = (Idea.objects.filter(campaign=campaign).select_related("compound")
             .annotate(residents=Count("suggestions", distinct=True)).order_by("-created_at"))
    if apps.is_installed("jiceng.ledger"):
        from jiceng.ledger.models import Project

        ideas = ideas.annotate(project_done=Exists(Project.objects.filter(pk=OuterRef("project_id_ref"),
                                                                          status__in=DONE_PROJECT_STATES)))
    return ideas


def funnel_stages(campaign, ideas, *, suggestions: int | None = None) -> list[tuple[str, int]]:
    """Suggestions → ideas → adopted → done from ideas loaded by ``ideas_of``: no query when ``suggestions`` is
    given or the campaign came through ``with_suggestion_count``, else one."""
    if suggestions is None:
        suggestions = getattr(campaign, "live_suggestions", None)
    if suggestions is None:
        suggestions = Suggestion.objects.filter(campaign=campaign, corrections__isnull=True).count()
    adopted = [i for i in ideas if i.status == IdeaStatus.ADOPTED]
    done = sum(1 for i in adopted if i.project_id_ref and getattr(i, "project_done", False))
    return [("suggestions", suggestions), ("ideas", len(ideas)), ("adopted", len(adopted)), ("done", done)]


def funnel(campaign) -> dict:
    """Suggestions → ideas → adopted → done, overall and by compound, channel and category (a few queries)."""
    suggestions = Suggestion.objects.filter(campaign=campaign, corrections__isnull=True)
    ideas = Idea.objects.filter(campaign=campaign)
    adopted = ideas.filter(status=IdeaStatus.ADOPTED)
    done = 0
    project_ids = [pk for pk in adopted.values_list("project_id_ref", flat=True) if pk]
    if project_ids:
        from django.apps import apps

        if apps.is_installed("jiceng.ledger"):
            from jiceng.ledger.models import Project

            done = Project.objects.filter(pk__in=project_ids, status__in=DONE_PROJECT_STATES).count()
    return {
        "stages": [("suggestions", suggestions.count()), ("ideas", ideas.count()), ("adopted", adopted.count()),
                   ("done", done)],
        "by_compound": list(suggestions.values("compound__name").annotate(n=Count("pk")).order_by("-n")),
        "by_channel": list(suggestions.values("channel").annotate(n=Count("pk")).order_by("-n")),
        "by_category": list(suggestions.exclude(category="").values("category").annotate(n=Count("pk"))
                            .order_by("-n")),
    }


@dataclass(frozen=True)
class PublicStatus:
    """What a resident may see for a receipt code: never a name, a phone or another resident's words."""

    receipt: str
    campaign: str
    compound: str
    received_on: object
    stage: str  # received | merged | evaluating | adopted | deferred | declined
    idea_title: str = ""
    reason: str = ""
    progress: float | None = None
    project_status: str = ""


def _later_versions(suggestion: Suggestion) -> list[Suggestion]:
    """The corrections that followed a suggestion, oldest first, each with its idea (one query per version)."""
    later = []
    current = suggestion
    while (following := Suggestion.objects.filter(supersedes=current).select_related("idea").first()) is not None:
        later.append(following)
        current = following
    return later


def suggestion_versions(suggestion: Suggestion) -> list[Suggestion]:
    """Every version of a suggestion, first heard first (one query per version; chains are short)."""
    first = suggestion
    while first.supersedes_id:
        first = Suggestion.objects.get(pk=first.supersedes_id)
    return [first, *_later_versions(first)]


def public_status(receipt: str) -> PublicStatus | None:
    suggestion = (Suggestion.objects.filter(receipt=receipt.strip().upper()[:12])
                  .select_related("campaign", "compound", "idea").first())
    if suggestion is None:
        return None
    # a corrected suggestion: its newest version is the one linked to the idea
    idea = [suggestion, *_later_versions(suggestion)][-1].idea
    stage, progress, project_status = "received", None, ""
    if idea is not None:
        stage = {IdeaStatus.DRAFT: "merged", IdeaStatus.EVALUATING: "evaluating"}.get(idea.status, idea.status)
        if idea.project_id_ref:
            from jiceng.ledger.models import Project

            project = Project.objects.filter(pk=idea.project_id_ref).first()
            if project is not None:
                progress = float(project.latest_actual) if project.latest_actual is not None else 0.0
                project_status = project.get_status_display()
    return PublicStatus(receipt=suggestion.receipt, campaign=suggestion.campaign.title,
                        compound=suggestion.compound.name, received_on=suggestion.created_at.date(), stage=stage,
                        idea_title=idea.title if idea else "",
                        reason=idea.decision_reason if idea and stage in ("adopted", "declined", "deferred") else "",
                        progress=progress, project_status=project_status)
