"""Bulletin pages: submissions and their review, issues (compile, publish, print), topics, import, statistics."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from jiceng.core.errors import DomainError, error_text
from jiceng.core.exports import XLSX_CONTENT_TYPE
from jiceng.core.history import HistoryMixin
from jiceng.core.http import attachment_response
from jiceng.core.views_mixins import FilteredListMixin, form_errors_from
from jiceng.org.models import Unit
from jiceng.org.permissions import scope_of

from . import exports, permissions, selectors, services
from . import render as renderer
from .choices import IssueStatus
from .filtersets import IssueFilterSet, SubmissionFilterSet
from .forms import (
    AdoptForm,
    ImportForm,
    IssueForm,
    ItemForm,
    ReturnForm,
    StatisticsForm,
    SubmissionForm,
    SubmissionTextForm,
    TopicForm,
)
from .models import Issue, Item, Submission


def _writable_units(user):
    scope = scope_of(user)
    if scope.superuser:
        return list(Unit.objects.filter(archived_at__isnull=True))
    return list(Unit.objects.filter(pk__in=scope.unit_ids(permissions.WRITER_ROLES), archived_at__isnull=True))


def _submission_for_write(user, pk, check):
    submission = get_object_or_404(Submission.objects.select_related("unit__division", "series__office__division"),
                                   pk=pk)
    if not check(user, submission):
        raise DjangoPermissionDenied
    return submission


def _issue_for_write(user, pk):
    issue = get_object_or_404(Issue.objects.select_related("series__office__division"), pk=pk)
    if not permissions.can_compile(user, issue):
        raise DjangoPermissionDenied
    return issue


def _refusal(request, error) -> None:
    messages.error(request, error_text(error))


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "bulletin/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        unit_ids = scope_of(user).unit_ids(permissions.WRITER_ROLES)
        context.update(
            issues=selectors.issues_visible_to(user).order_by("-date", "-number")[:10],
            returned=selectors.returned_for_unit_ids(unit_ids)[:10],
            topics=selectors.open_topics_for_unit_ids(unit_ids)[:10],
            waiting=selectors.awaiting_review(user).order_by("submitted_at")[:20],
            can_write=bool(unit_ids) or scope_of(user).superuser,
            is_editor=bool(selectors.edited_series_ids(user)),
        )
        return context


# --- submissions -----------------------------------------------------------------------------------------------

class SubmissionListView(LoginRequiredMixin, FilteredListMixin, ListView):
    template_name = "bulletin/submission_list.html"
    filterset_class = SubmissionFilterSet

    def base_queryset(self):
        return selectors.submissions_visible_to(self.request.user)

    def export(self, queryset):
        return attachment_response(exports.submissions_xlsx(queryset), _("submissions") + ".xlsx", XLSX_CONTENT_TYPE)


class SubmissionCreateView(LoginRequiredMixin, View):
    template_name = "bulletin/submission_form.html"

    def form(self, data=None):
        user = self.request.user
        return SubmissionForm(data, series=list(selectors.series_visible_to(user)), units=_writable_units(user),
                              topics=selectors.open_topics_for_unit_ids(scope_of(user).unit_ids()))

    def get(self, request):
        if not _writable_units(request.user):
            raise DjangoPermissionDenied
        return render(request, self.template_name, {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                submission = services.submission_create(actor=request.user, series=data["series"], unit=data["unit"],
                                                        topic=data["topic"], headline=data["headline"],
                                                        body=data["body"])
                if "submit" in request.POST:
                    services.submission_submit(actor=request.user, submission=submission)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Submitted to the editors.") if "submit" in request.POST
                                 else _("Saved as a draft."))
                return redirect("bulletin:submission", pk=submission.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class SubmissionDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "bulletin/submission_detail.html"
    context_object_name = "submission"

    def get_object(self, queryset=None):
        submission = get_object_or_404(selectors.submissions_visible_to(self.request.user), pk=self.kwargs["pk"])
        return submission

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, submission = self.request.user, self.object
        can_review = permissions.can_review(user, submission)
        draft_issues = Issue.objects.filter(series=submission.series, status=IssueStatus.DRAFT).order_by("-date")
        context.update(
            can_edit=permissions.can_edit_own_submission(user, submission),
            can_submit=submission.can_submit() and permissions.can_write_for(user, submission.unit),
            can_review=can_review and submission.status == "submitted",
            text_form=SubmissionTextForm(initial={"headline": submission.final_headline,
                                                  "body": submission.final_body}),
            return_form=ReturnForm(),
            adopt_form=AdoptForm(issues=draft_issues),
            items=list(submission.items.all()),
        )
        return context


class SubmissionEditView(LoginRequiredMixin, View):
    """The author's own text (draft or returned)."""

    template_name = "bulletin/submission_text.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        self.submission = _submission_for_write(request.user, kwargs["pk"], permissions.can_edit_own_submission)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        s = self.submission
        return render(request, self.template_name, {"form": SubmissionTextForm(initial={
            "headline": s.headline, "body": s.body}), "submission": s})

    def post(self, request, pk):
        form = SubmissionTextForm(request.POST)
        if form.is_valid():
            try:
                services.submission_update(actor=request.user, submission=self.submission, **form.cleaned_data)
                if "submit" in request.POST:
                    services.submission_submit(actor=request.user, submission=self.submission)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("bulletin:submission", pk=self.submission.pk)
        return render(request, self.template_name, {"form": form, "submission": self.submission}, status=400)


class SubmissionActionView(LoginRequiredMixin, View):
    """POST-only state changes: submit, rewrite (the editor's version), return, archive, adopt."""

    def post(self, request, pk, verb):
        handlers = {"submit": self.submit, "rewrite": self.edit, "return": self.return_, "archive": self.archive,
                    "adopt": self.adopt}
        if verb not in handlers:
            raise Http404
        check = (lambda u, s: permissions.can_write_for(u, s.unit)) if verb == "submit" else permissions.can_review
        submission = _submission_for_write(request.user, pk, check)
        try:
            handlers[verb](request, submission)
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("bulletin:submission", pk=submission.pk)

    def submit(self, request, submission):
        services.submission_submit(actor=request.user, submission=submission)
        messages.success(request, _("Submitted to the editors."))

    def edit(self, request, submission):
        form = SubmissionTextForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("The headline and the body are both needed."))
        services.submission_edit(actor=request.user, submission=submission, **form.cleaned_data)
        messages.success(request, _("Your edit is kept beside the original."))

    def return_(self, request, submission):
        form = ReturnForm(request.POST)
        services.submission_return(actor=request.user, submission=submission,
                                   reason=form.data.get("reason", ""))
        messages.success(request, _("Returned to the unit for revision."))

    def archive(self, request, submission):
        services.submission_archive(actor=request.user, submission=submission, reason=request.POST.get("reason", ""))
        messages.success(request, _("Archived for reference."))

    def adopt(self, request, submission):
        issues = Issue.objects.filter(series=submission.series, status=IssueStatus.DRAFT)
        form = AdoptForm(request.POST, issues=issues)
        if not form.is_valid():
            raise ValidationError(_("Choose an issue being compiled."))
        services.submission_adopt(actor=request.user, submission=submission, issue=form.cleaned_data["issue"],
                                  as_lead=form.cleaned_data["as_lead"])
        messages.success(request, _("Adopted into %(issue)s.") % {"issue": form.cleaned_data["issue"]})


# --- issues ----------------------------------------------------------------------------------------------------

class IssueListView(LoginRequiredMixin, FilteredListMixin, ListView):
    template_name = "bulletin/issue_list.html"
    filterset_class = IssueFilterSet

    def base_queryset(self):
        return selectors.issues_visible_to(self.request.user).order_by("-date", "-number")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = bool(selectors.edited_series_ids(self.request.user))
        return context


class IssueCreateView(LoginRequiredMixin, View):
    template_name = "bulletin/issue_form.html"

    def series(self):
        user = self.request.user
        return [s for s in selectors.series_visible_to(user) if permissions.can_compile(user, s)]

    def get(self, request):
        series = self.series()
        if not series:
            raise DjangoPermissionDenied
        form = IssueForm(series=series, initial={"date": timezone.localdate(), "series": series[0].pk})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        series = self.series()
        if not series:
            raise DjangoPermissionDenied
        form = IssueForm(request.POST, series=series)
        if form.is_valid():
            try:
                issue = services.issue_create(actor=request.user, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                return redirect("bulletin:issue", pk=issue.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class IssueDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "bulletin/issue_detail.html"
    context_object_name = "issue"

    def get_object(self, queryset=None):
        return get_object_or_404(selectors.issues_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        items = list(selectors.items_of(issue))
        context.update(items=items, view=renderer.issue_view(issue, items),
                       can_compile=permissions.can_compile(self.request.user, issue) and issue.can_change(),
                       item_form=ItemForm())
        return context


class IssueDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, fmt):
        issue = get_object_or_404(selectors.issues_visible_to(request.user), pk=pk)
        view = renderer.issue_view(issue, selectors.items_of(issue))
        if fmt == "pdf":
            return attachment_response(renderer.render_pdf(view), f"{view.filename}.pdf", renderer.PDF_CONTENT_TYPE)
        if fmt == "docx":
            return attachment_response(renderer.render_docx(view), f"{view.filename}.docx",
                                       renderer.DOCX_CONTENT_TYPE)
        raise Http404


class IssueActionView(LoginRequiredMixin, View):
    def post(self, request, pk, verb):
        issue = _issue_for_write(request.user, pk)
        try:
            if verb == "publish":
                services.issue_publish(actor=request.user, issue=issue)
                messages.success(request, _("Published. The issue is now frozen."))
            elif verb == "add-item":
                form = ItemForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("The headline and the body are both needed."))
                services.item_add(actor=request.user, issue=issue, **form.cleaned_data)
            else:
                raise Http404
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("bulletin:issue", pk=issue.pk)


class ItemActionView(LoginRequiredMixin, View):
    def post(self, request, pk, verb):
        item = get_object_or_404(Item.objects.select_related("issue__series__office__division"), pk=pk)
        if not permissions.can_compile(request.user, item.issue):
            raise DjangoPermissionDenied
        try:
            if verb in ("up", "down"):
                services.item_move(actor=request.user, item=item, direction=-1 if verb == "up" else 1)
            elif verb == "take-out":
                services.item_take_out(actor=request.user, item=item)
            else:
                raise Http404
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("bulletin:issue", pk=item.issue_id)


# --- topics ----------------------------------------------------------------------------------------------------

class TopicListView(LoginRequiredMixin, ListView):
    template_name = "bulletin/topic_list.html"
    paginate_by = 50

    def get_queryset(self):
        return selectors.topics_visible_to(self.request.user).order_by("-deadline", "-id")


class TopicCreateView(LoginRequiredMixin, View):
    template_name = "bulletin/topic_form.html"

    def series(self):
        user = self.request.user
        return [s for s in selectors.series_visible_to(user) if permissions.is_editor_of(user, s)]

    def form(self, data=None):
        return TopicForm(data, series=self.series(), units=Unit.objects.filter(archived_at__isnull=True)
                         .exclude(kind="community_committee").order_by("division__path", "name"),
                         initial={"deadline": timezone.localdate()})

    def get(self, request):
        if not self.series():
            raise DjangoPermissionDenied
        return render(request, self.template_name, {"form": self.form()})

    def post(self, request):
        if not self.series():
            raise DjangoPermissionDenied
        form = self.form(request.POST)
        if form.is_valid():
            try:
                topic = services.topic_create(actor=request.user, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                return redirect("bulletin:topic", pk=topic.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class TopicDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "bulletin/topic_detail.html"
    context_object_name = "topic"

    def get_object(self, queryset=None):
        return get_object_or_404(selectors.topics_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submissions"] = selectors.submissions_visible_to(self.request.user).filter(topic=self.object)
        return context


# --- import ----------------------------------------------------------------------------------------------------

class ImportView(LoginRequiredMixin, View):
    """Upload an old issue (PDF or text), see what was read, then import it."""

    template_name = "bulletin/import.html"
    session_key = "bulletin_import_text"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not selectors.edited_series_ids(request.user) and not \
                permissions.can_manage_series(request.user):
            raise DjangoPermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": ImportForm()})

    def post(self, request):
        from .importing import BulletinImportError, parse_upload

        if "confirm" in request.POST:
            text = request.session.get(self.session_key)
            if not text:
                messages.error(request, _("The preview has expired; upload the file again."))
                return redirect("bulletin:import")
            try:
                issue = services.issue_import(actor=request.user, parsed=parse_upload(text.encode(), "x.txt"))
            except DomainError as error:
                messages.error(request, str(error.message))
                return redirect("bulletin:import")
            del request.session[self.session_key]
            messages.success(request, _("Imported into the archive."))
            return redirect("bulletin:issue", pk=issue.pk)
        form = ImportForm(request.POST, request.FILES)
        parsed = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                text, parsed = parse_upload(upload.read(), upload.name, return_text=True)
            except BulletinImportError as error:
                form.add_error("file", str(error.message))
            else:
                request.session[self.session_key] = text
        return render(request, self.template_name, {"form": form, "parsed": parsed},
                      status=200 if parsed else 400)


# --- statistics ------------------------------------------------------------------------------------------------

class StatisticsView(LoginRequiredMixin, TemplateView):
    template_name = "bulletin/statistics.html"

    def get(self, request, *args, **kwargs):
        series = list(selectors.series_visible_to(request.user))
        today = timezone.localdate()
        initial = {"series": series[0].pk if series else None, "start": date(today.year, 1, 1), "end": today}
        form = StatisticsForm(request.GET or None, series=series, initial=initial)
        rows, period = [], None
        if form.is_bound and form.is_valid():
            period = form.cleaned_data
        elif not form.is_bound and series:
            period = {"series": series[0], "start": initial["start"], "end": initial["end"]}
        if period:
            rows = selectors.statistics(period["series"], start=period["start"], end=period["end"])
            fmt = request.GET.get("format")
            if fmt in ("xlsx", "pdf"):
                content, name, ctype = exports.ranking(rows, fmt=fmt, **period)
                return attachment_response(content, name, ctype)
        return self.render_to_response({"form": form, "rows": rows, "period": period})
