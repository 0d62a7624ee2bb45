"""Ideas pages: the public intake and status pages residents reach from a poster's QR code (no login), and the
staff pages to enter, group, merge, evaluate and decide."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from jiceng.bulletin import services as bulletin_services
from jiceng.core.crypto import mask_name, mask_phone
from jiceng.core.documents import PDF_CONTENT_TYPE, render_document_pdf
from jiceng.core.errors import DomainError, PermissionDenied, error_text
from jiceng.core.history import history_page
from jiceng.core.http import attachment_response, client_ip
from jiceng.core.views_mixins import form_errors_from

from . import importing, intake, permissions, selectors, services
from .choices import DEFAULT_CATEGORIES, DEFAULT_CRITERIA, CampaignStatus, Channel, IdeaStatus
from .forms import (
    CampaignForm,
    CampaignMoveForm,
    ChatImportForm,
    CorrectionForm,
    IdeaForm,
    PublicSuggestionForm,
    StaffSuggestionForm,
    WorkGroupForm,
    criteria_text,
)
from .models import Campaign, Idea, Suggestion


def _public_campaign(code, compound_id):
    campaign = get_object_or_404(Campaign, code=code, public_intake=True)
    compound = get_object_or_404(campaign.compounds, pk=compound_id)
    return campaign, compound


class PublicIntakeView(View):
    """The phone-sized page a resident reaches by scanning the poster: no login, a small sum, a receipt."""

    template_name = "ideas/public/intake.html"

    def get(self, request, code, compound_id):
        campaign, compound = _public_campaign(code, compound_id)
        challenge = intake.new_challenge(campaign.code)
        form = PublicSuggestionForm(initial={"token": challenge.token})
        return render(request, self.template_name, {"campaign": campaign, "compound": compound, "form": form,
                                                    "question": challenge.question})

    def post(self, request, code, compound_id):
        campaign, compound = _public_campaign(code, compound_id)
        form = PublicSuggestionForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                intake.check_rate(client=client_ip(request), campaign_code=campaign.code)
                intake.check_challenge(campaign_code=campaign.code, token=data["token"], answer=data["answer"],
                                       honeypot=data["website"])
                suggestion = services.suggestion_submit(actor=None, campaign=campaign, compound=compound,
                                                        text=data["text"], channel="online", name=data["name"],
                                                        phone=data["phone"], public=True, photos=data["photos"])
            except intake.RateLimited as error:
                form.add_error(None, str(error.message))
                status = 429
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                return redirect("ideas_public:receipt", receipt=suggestion.receipt)
        challenge = intake.new_challenge(campaign.code)
        data = form.data.copy()
        data["token"], data["answer"] = challenge.token, ""
        form.data = data
        return render(request, self.template_name, {"campaign": campaign, "compound": compound, "form": form,
                                                    "question": challenge.question}, status=status)


def public_receipt(request, receipt):
    status = selectors.public_status(receipt)
    if status is None:
        return render(request, "ideas/public/status.html", {"not_found": True, "receipt": receipt}, status=404)
    return render(request, "ideas/public/receipt.html", {"status": status})


def public_status(request):
    receipt = request.GET.get("receipt", "").strip()[:12]
    status = selectors.public_status(receipt) if receipt else None
    return render(request, "ideas/public/status.html", {"status": status, "receipt": receipt,
                                                        "not_found": bool(receipt) and status is None},
                  status=404 if receipt and status is None else 200)


class CampaignListView(LoginRequiredMixin, ListView):
    template_name = "ideas/campaign_list.html"
    context_object_name = "campaigns"
    paginate_by = 30

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"can_start": permissions.can_start_campaigns(self.request.user)}

    def get_queryset(self):
        return selectors.campaigns_visible_to(self.request.user).order_by("-starts_on")


#: How broad the suggested groups are, as staff choose it on the campaign page (thresholds in grouping.BREADTHS).
BREADTH_LABELS = {"narrow": gettext_lazy("Narrow groups"), "normal": gettext_lazy("Normal groups"),
                  "broad": gettext_lazy("Broad groups")}
#: At most this many unmerged suggestions are grouped at once (a few seconds; docs/performance.md).
GROUPING_POOL = 2000


def _campaign_for(user, pk):
    campaign = get_object_or_404(selectors.campaigns_visible_to(user), pk=pk)
    return campaign


class CampaignView(LoginRequiredMixin, View):
    """Suggestions (masked), quick keyboard-first entry, suggested groups to merge, ideas, funnel."""

    template_name = "ideas/campaign.html"

    def get(self, request, pk, form=None, status=200):
        campaign = get_object_or_404(selectors.with_suggestion_count(selectors.campaigns_visible_to(request.user)),
                                     pk=pk)
        compounds = list(campaign.compounds.order_by("name"))
        suggestions = selectors.suggestions_of(campaign)
        compound_id = request.GET.get("compound", "")
        if compound_id.isdigit():  # a work group looking at its own compound also groups only what was said there
            suggestions = suggestions.filter(compound_id=int(compound_id))
        grouped = bool(request.GET.get("group"))
        breadth = request.GET.get("breadth")
        breadth = breadth if breadth in BREADTH_LABELS else "normal"
        groups = []
        if grouped:
            # what is grouped is what is left to merge, and the table shows the same suggestions from one query
            from .grouping import BREADTHS, group_suggestions

            pool = list(suggestions.filter(idea__isnull=True)[:GROUPING_POOL])
            by_id = {s.pk: s for s in pool}
            groups = [[by_id[i] for i in g] for g in group_suggestions([(s.pk, s.text) for s in pool],
                                                                       threshold=BREADTHS[breadth]) if len(g) > 1]
            page = Paginator(pool, 50).get_page(request.GET.get("page"))
        else:
            if request.GET.get("unmerged"):
                suggestions = suggestions.filter(idea__isnull=True)
            page = Paginator(suggestions, 50).get_page(request.GET.get("page"))
        photos = selectors.photos_of(page.object_list)
        for s in page.object_list:
            s.masked_name, s.masked_phone = mask_name(s.name), mask_phone(s.phone)
            s.photos = photos.get(s.pk, [])
        ideas = list(selectors.ideas_of(campaign))
        return render(request, self.template_name, {
            "campaign": campaign, "page_obj": page, "compounds": compounds, "groups": groups, "ideas": ideas,
            "grouped": grouped, "breadth": breadth, "breadths": BREADTH_LABELS.items(),
            "funnel": {"stages": selectors.funnel_stages(campaign, ideas)},
            "can_work": permissions.can_work(request.user, campaign),
            "can_manage": permissions.can_manage(request.user, campaign.owner_unit),
            "open_ideas": [i for i in ideas if i.status in (IdeaStatus.DRAFT, IdeaStatus.EVALUATING)],
            "form": form or StaffSuggestionForm(compounds=compounds)}, status=status)

    def post(self, request, pk):
        campaign = _campaign_for(request.user, pk)
        if not permissions.can_work(request.user, campaign):
            raise DjangoPermissionDenied
        if "categorise" in request.POST:
            suggestion = get_object_or_404(Suggestion, campaign=campaign, pk=request.POST.get("categorise"))
            try:
                services.suggestion_categorise(actor=request.user, suggestion=suggestion,
                                               category=request.POST.get("category", ""))
            except DomainError as error:
                messages.error(request, str(error.message))
            return redirect(request.get_full_path())
        if "create_idea" in request.POST or "merge_into" in request.POST:
            ids = [int(i) for i in request.POST.getlist("suggestion") if i.isdigit()]
            chosen = list(Suggestion.objects.filter(campaign=campaign, pk__in=ids).select_related("compound"))
            here = reverse("ideas:campaign", args=[campaign.pk])
            back = request.POST.get("next", "")
            back = back if back.startswith(here) else here  # back where the user was, never off the campaign
            if not chosen:
                messages.error(request, _("Check at least one suggestion first."))
                return redirect(back)
            try:
                if "merge_into" in request.POST:
                    idea = get_object_or_404(Idea, campaign=campaign, pk=request.POST.get("idea") or 0)
                    services.idea_merge(actor=request.user, idea=idea, suggestions=chosen)
                    messages.success(request, _("%(count)s suggestions merged into “%(title)s”.") % {
                        "count": len(chosen), "title": idea.title})
                    return redirect(back)
                form = IdeaForm(request.POST, categories=campaign.categories)
                if not form.is_valid():
                    messages.error(request, _("Give the idea a title and choose at least one suggestion."))
                    return redirect(back)
                idea = services.idea_create(actor=request.user, campaign=campaign, suggestions=chosen,
                                            compound=chosen[0].compound, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                messages.error(request, error_text(error))
                return redirect(back)
            return redirect("ideas:idea", pk=idea.pk)
        form = StaffSuggestionForm(request.POST, request.FILES, compounds=campaign.compounds.order_by("name"))
        if form.is_valid():
            try:
                suggestion = services.suggestion_submit(actor=request.user, campaign=campaign, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Recorded, receipt %(receipt)s.") % {"receipt": suggestion.receipt})
                return redirect(f"{reverse('ideas:campaign', args=[campaign.pk])}?compound={suggestion.compound_id}")
        return self.get(request, pk, form=form, status=400)


class CampaignCreateView(LoginRequiredMixin, View):
    """Start a campaign: which unit runs it (when the user runs several), then title, period, compounds,
    categories and criteria. Work groups are added on the settings page it leads to."""

    template_name = "ideas/campaign_form.html"

    def units(self, request):
        units = list(selectors.units_managed_by(request.user))
        if not units:
            raise DjangoPermissionDenied
        return units

    def form_for(self, unit, data=None):
        return CampaignForm(data, compounds=selectors.compounds_of_area(unit), initial={
            "categories": "\n".join(DEFAULT_CATEGORIES), "criteria": criteria_text(DEFAULT_CRITERIA),
            "public_intake": True, "starts_on": timezone.localdate()})

    def chosen(self, request, units, value):
        """The unit asked for if the user runs it; else the one unit where the user holds the role (a street
        office's administrator starts the street office's campaigns); else the only one; else None: ask."""
        by_id = {str(u.pk): u for u in units}
        if value:
            return by_id.get(value)
        own = [u for u in units if u.pk in permissions.units_held(request.user)]
        return own[0] if len(own) == 1 else (units[0] if len(units) == 1 else None)

    def get(self, request):
        units = self.units(request)
        unit = self.chosen(request, units, request.GET.get("unit"))
        return render(request, self.template_name, {"units": units, "unit": unit,
                                                    "form": self.form_for(unit) if unit else None})

    def post(self, request):
        units = self.units(request)
        unit = self.chosen(request, units, request.POST.get("unit"))
        if unit is None:
            raise DjangoPermissionDenied  # a unit the user does not run, or none chosen
        form = self.form_for(unit, request.POST)
        if form.is_valid():
            try:
                campaign = services.campaign_create(actor=request.user, owner_unit=unit, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("The campaign is set up. Add its work groups here."))
                return redirect("ideas:settings", pk=campaign.pk)
        return render(request, self.template_name, {"units": units, "unit": unit, "form": form}, status=400)


class CampaignSettingsView(LoginRequiredMixin, View):
    """What a campaign covers and how it is judged, its work groups, opening and closing it, and its history."""

    template_name = "ideas/settings.html"

    def campaign(self, request, pk):
        campaign = _campaign_for(request.user, pk)
        if not permissions.can_manage(request.user, campaign.owner_unit):
            raise DjangoPermissionDenied
        return campaign

    def get(self, request, pk, form=None, group_form=None, group_errors=None, status=200):
        campaign = self.campaign(request, pk)
        area = list(selectors.compounds_of_area(campaign.owner_unit, campaign=campaign))
        compounds = [c for c in area if c.in_campaign]
        members = list(selectors.eligible_members(campaign))
        groups = selectors.work_groups_of(campaign, compounds=area, members=members)
        for group in groups:
            group.form = (group_errors if group_errors and group_errors.group_id == group.pk else WorkGroupForm(
                compounds=compounds, members=members, auto_id=f"id_g{group.pk}_%s",
                initial={"name": group.name, "compounds": [c.pk for c in group.compound_list],
                         "members": [m.pk for m in group.member_list]}))
        return render(request, self.template_name, {
            "campaign": campaign, "groups": groups,
            "form": form or CampaignForm(compounds=area, previous_criteria=campaign.criteria, initial={
                                             "title": campaign.title, "starts_on": campaign.starts_on,
                                             "ends_on": campaign.ends_on,
                                             "compounds": [c.pk for c in compounds],
                                             "categories": "\n".join(campaign.categories),
                                             "criteria": criteria_text(campaign.criteria),
                                             "public_intake": campaign.public_intake}),
            "group_form": group_form or WorkGroupForm(compounds=compounds, members=members, auto_id="id_newgroup_%s"),
            "moves": [(move, CampaignStatus(move).label) for move in services.CAMPAIGN_MOVES.get(campaign.status, ())],
            "history_page": history_page(campaign, request.GET.get("history_page", 1))}, status=status)

    def post(self, request, pk):
        campaign = self.campaign(request, pk)
        verb = request.POST.get("verb")
        if verb == "save":
            form = CampaignForm(request.POST, compounds=selectors.compounds_of_area(campaign.owner_unit),
                                previous_criteria=campaign.criteria)
            if form.is_valid():
                try:
                    services.campaign_update(actor=request.user, campaign=campaign, **form.cleaned_data)
                except (ValidationError, DomainError) as error:
                    form_errors_from(form, error)
                else:
                    messages.success(request, _("Saved."))
                    return redirect("ideas:settings", pk=campaign.pk)
            return self.get(request, pk, form=form, status=400)
        if verb == "move":
            move = CampaignMoveForm(request.POST)
            try:
                if not move.is_valid():
                    raise DomainError(_("Unknown action."))
                services.campaign_move(actor=request.user, campaign=campaign, status=move.cleaned_data["status"],
                                       reason=move.cleaned_data["reason"])
            except DomainError as error:
                messages.error(request, error_text(error))
            return redirect("ideas:settings", pk=campaign.pk)
        if verb in ("group_create", "group_update"):
            compounds = list(campaign.compounds.order_by("path"))
            group = None
            if verb == "group_update":
                group = get_object_or_404(campaign.work_groups, pk=request.POST.get("group", 0))
            form = WorkGroupForm(request.POST, compounds=compounds, members=selectors.eligible_members(campaign),
                                 auto_id=f"id_g{group.pk}_%s" if group else "id_newgroup_%s")
            if form.is_valid():
                try:
                    if group is None:
                        services.work_group_create(actor=request.user, campaign=campaign, **form.cleaned_data)
                    else:
                        services.work_group_update(actor=request.user, group=group, **form.cleaned_data)
                except (ValidationError, DomainError) as error:
                    form_errors_from(form, error)
                else:
                    messages.success(request, _("Saved."))
                    return redirect("ideas:settings", pk=campaign.pk)
            if group is None:
                return self.get(request, pk, group_form=form, status=400)
            form.group_id = group.pk
            return self.get(request, pk, group_errors=form, status=400)
        messages.error(request, _("Unknown action."))
        return redirect("ideas:settings", pk=campaign.pk)


class ImportView(LoginRequiredMixin, View):
    """Upload a chat-group export: a dry run shows row by row what will be recorded and every error; then import."""

    template_name = "ideas/import.html"

    def campaign(self, request, pk):
        campaign = _campaign_for(request.user, pk)
        if not permissions.can_work(request.user, campaign):
            raise DjangoPermissionDenied
        return campaign

    def get(self, request, pk):
        campaign = self.campaign(request, pk)
        if request.GET.get("template"):
            from jiceng.core.exports import XLSX_CONTENT_TYPE

            from .exports import import_template_xlsx

            return attachment_response(import_template_xlsx(campaign), f"{campaign.title}-导入表.xlsx",
                                       XLSX_CONTENT_TYPE)
        return render(request, self.template_name, {
            "campaign": campaign, "form": ChatImportForm(compounds=campaign.compounds.order_by("name"))})

    def post(self, request, pk):
        campaign = self.campaign(request, pk)
        form = ChatImportForm(request.POST, request.FILES, compounds=campaign.compounds.order_by("name"))
        result = None
        if form.is_valid():
            confirm = "confirm" in request.POST
            try:
                result = importing.import_suggestions(
                    actor=request.user, campaign=campaign, data=form.cleaned_data["file"].read(),
                    default_compound=form.cleaned_data["compound"], channel=form.cleaned_data["channel"],
                    dry_run=not confirm, skip_bad_rows=form.cleaned_data["skip_bad_rows"])
            except DomainError as error:
                form.add_error("file", str(error.message))
            else:
                if result.written:
                    messages.success(request, _("Imported %(created)s suggestions; %(skipped)s rows skipped.") % {
                        "created": result.created, "skipped": len(result.skipped)})
                    return redirect("ideas:campaign", pk=campaign.pk)
                for row in result.rows:  # the preview shows contacts masked, as every staff screen does
                    row["contact"] = f"{mask_name(row['name'])} {mask_phone(row['phone'])}".strip()
        return render(request, self.template_name, {"campaign": campaign, "form": form, "result": result},
                      status=200 if result is not None else 400)


class SuggestionCorrectView(LoginRequiredMixin, View):
    """Correct what was recorded (a typing slip, a misheard word): a new version; the first words stay on record."""

    template_name = "ideas/correct.html"

    def suggestion(self, request, pk):
        suggestion = get_object_or_404(Suggestion.objects.select_related("campaign__owner_unit__division",
                                                                         "compound"), pk=pk)
        if not permissions.can_view(request.user, suggestion.campaign):
            raise Http404
        if not permissions.can_work(request.user, suggestion.campaign):
            raise DjangoPermissionDenied
        return suggestion

    def get(self, request, pk, form=None, status=200):
        suggestion = self.suggestion(request, pk)
        versions = selectors.suggestion_versions(suggestion)
        return render(request, self.template_name, {
            "suggestion": suggestion, "versions": versions, "newest": versions[-1],
            "form": form or CorrectionForm(initial={"text": suggestion.text})}, status=status)

    def post(self, request, pk):
        suggestion = self.suggestion(request, pk)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                services.suggestion_correct(actor=request.user, suggestion=suggestion, text=form.cleaned_data["text"])
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Corrected; the first words stay on record."))
                return redirect("ideas:campaign", pk=suggestion.campaign_id)
        return self.get(request, pk, form=form, status=400)


class CampaignReportView(LoginRequiredMixin, View):
    """The funnel by compound, channel and category with charts; the campaign as XLSX; the plan as PDF/DOCX."""

    def get(self, request, pk):
        from jiceng.core.documents import DOCX_CONTENT_TYPE, render_docx, render_pdf
        from jiceng.core.exports import XLSX_CONTENT_TYPE

        from . import exports

        campaign = _campaign_for(request.user, pk)
        fmt = request.GET.get("format")
        ideas = list(selectors.ideas_of(campaign))
        if fmt == "xlsx":
            return attachment_response(exports.campaign_xlsx(campaign, selectors.suggestions_of(campaign), ideas),
                                       f"{campaign.title}.xlsx", XLSX_CONTENT_TYPE)
        if fmt in ("pdf", "docx"):
            document = exports.plan_document(campaign, ideas)
            content = render_pdf(document) if fmt == "pdf" else render_docx(document)
            return attachment_response(content, f"{document.title}.{fmt}",
                                       PDF_CONTENT_TYPE if fmt == "pdf" else DOCX_CONTENT_TYPE)
        funnel = selectors.funnel(campaign)
        labels = dict(Channel.choices)
        chart = {"stages": [n for _stage, n in funnel["stages"]],
                 "stage_labels": [_("suggestions"), _("ideas"), _("adopted"), _("done")],
                 "compounds": [[r["compound__name"], r["n"]] for r in funnel["by_compound"]],
                 "channels": [[str(labels.get(r["channel"], r["channel"])), r["n"]] for r in funnel["by_channel"]],
                 "categories": [[r["category"], r["n"]] for r in funnel["by_category"]]}
        return render(request, "ideas/report.html", {"campaign": campaign, "funnel": funnel, "chart": chart})


def public_board(request, code):
    """公示: the adopted ideas of a campaign and their projects' progress — no resident's words or contacts."""
    campaign = get_object_or_404(Campaign, code=code)
    ideas = list(Idea.objects.filter(campaign=campaign, status=IdeaStatus.ADOPTED).order_by("category", "title"))
    progress = {}
    refs = [i.project_id_ref for i in ideas if i.project_id_ref]
    if refs:
        from jiceng.ledger.models import Project

        progress = {p.pk: p for p in Project.objects.filter(pk__in=refs)}
    rows = [(i, progress.get(i.project_id_ref)) for i in ideas]
    return render(request, "ideas/public/board.html", {"campaign": campaign, "rows": rows})


class PosterView(LoginRequiredMixin, View):
    """A poster PDF per compound with the QR code of its intake page (printed and put up in the compound)."""

    def get(self, request, pk, compound_id):
        import segno

        campaign = _campaign_for(request.user, pk)
        compound = get_object_or_404(campaign.compounds, pk=compound_id)
        url = request.build_absolute_uri(reverse("ideas_public:intake", args=[campaign.code, compound.pk]))
        qr = segno.make(url, error="m").svg_data_uri(scale=8)
        pdf = render_document_pdf("ideas/poster.html", {"campaign": campaign, "compound": compound, "qr": qr,
                                                        "url": url})
        return attachment_response(pdf, f"{campaign.title}-{compound.name}.pdf", PDF_CONTENT_TYPE)


class IdeaView(LoginRequiredMixin, View):
    template_name = "ideas/idea.html"

    def idea(self, request, pk):
        idea = get_object_or_404(Idea.objects.select_related("campaign__owner_unit__division", "compound"), pk=pk)
        if not permissions.can_view(request.user, idea.campaign):
            raise Http404
        return idea

    def get(self, request, pk):
        idea = self.idea(request, pk)
        suggestions = list(idea.suggestions.select_related("compound"))
        photos = selectors.photos_of(suggestions)
        for s in suggestions:
            s.masked_name, s.masked_phone = mask_name(s.name), mask_phone(s.phone)
            s.photos = photos.get(s.pk, [])
        project = None
        if idea.project_id_ref:
            from jiceng.ledger.models import Project

            project = Project.objects.filter(pk=idea.project_id_ref).first()
        return render(request, self.template_name, {
            "idea": idea, "suggestions": suggestions, "project": project,
            "criteria": idea.campaign.criteria, "score": services.weighted_score(idea),
            "evaluations": idea.evaluations.select_related("evaluator"),
            "can_work": permissions.can_work(request.user, idea.campaign),
            "can_draft": idea.status == IdeaStatus.ADOPTED and bulletin_services.can_draft_for(
                request.user, idea.campaign.owner_unit),
            "can_decide": permissions.can_decide(request.user, idea.campaign) and idea.status not in (
                IdeaStatus.ADOPTED, IdeaStatus.DECLINED),
            "history_page": history_page(idea, request.GET.get("history_page", 1))})

    def post(self, request, pk):
        idea = self.idea(request, pk)
        verb = request.POST.get("verb")
        try:
            if verb == "evaluate":
                services.evaluation_submit(actor=request.user, idea=idea, comment=request.POST.get("comment", ""),
                                           scores={c["key"]: request.POST.get(f"score_{c['key']}")
                                                   for c in idea.campaign.criteria})
            elif verb in ("adopted", "deferred", "declined"):
                services.idea_decide(actor=request.user, idea=idea, decision=verb,
                                     reason=request.POST.get("reason", ""))
            elif verb == "draft":
                bulletin = bulletin_services
                if not bulletin.can_draft_for(request.user, idea.campaign.owner_unit):
                    raise DjangoPermissionDenied
                residents = idea.suggestions.count()
                submission = bulletin.submission_draft_from(
                    actor=request.user, unit=idea.campaign.owner_unit, origin=idea,
                    headline=_("%(unit)s adopts the residents' idea: %(title)s") % {
                        "unit": idea.campaign.owner_unit.display_name, "title": idea.title},
                    body=_("In %(campaign)s, %(count)s residents suggested it; it is adopted into the governance "
                           "plan and run as a project. %(reason)s") % {
                        "campaign": idea.campaign.title, "count": residents, "reason": idea.decision_reason})
                messages.success(request, _("Drafted into the bulletin; check it and submit."))
                return redirect("bulletin:submission_edit", pk=submission.pk)
            elif verb == "unmerge":
                suggestion = get_object_or_404(Suggestion, pk=request.POST.get("suggestion", 0), idea=idea)
                services.idea_unmerge(actor=request.user, suggestion=suggestion)
            else:
                raise DomainError(_("Unknown action."))
        except PermissionDenied as error:
            raise DjangoPermissionDenied from error
        except (ValidationError, DomainError) as error:
            messages.error(request, error_text(error))
        return redirect("ideas:idea", pk=idea.pk)


