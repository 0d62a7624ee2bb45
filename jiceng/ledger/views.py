"""Ledger pages: programmes, the battle map (PDF/XLSX), charts, a project page, monthly reports from a phone,
the unit's inbox, inspections and spot-check draws, notices, rectifications, Excel import."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from jiceng.core.attachments import attachments_of
from jiceng.core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, render_docx, render_pdf
from jiceng.core.errors import DomainError, error_text
from jiceng.core.exports import XLSX_CONTENT_TYPE
from jiceng.core.history import HistoryMixin
from jiceng.core.http import attachment_response
from jiceng.core.views_mixins import form_errors_from
from jiceng.org.models import Unit
from jiceng.org.permissions import scope_of

from . import cells, documents, importing, permissions, rules, selectors, services
from .choices import Light
from .forms import DrawForm, ImportForm, InspectionForm, NoticeForm, ReportForm, TextForm
from .models import Notice, Programme, ProgressReport, Project, ProjectMonth, Rectification

MAP_PAGE_SIZE = 100


def _cell_view(cell) -> tuple[str, str]:
    """(light, text) of a battle-map cell, computed once here rather than by template filters per cell."""
    if cell is None:
        return "none", ""
    return cell.light, f"{float(cell.actual) * 100:.0f}%" if cell.actual is not None else ""


def _programme(user, pk):
    return get_object_or_404(selectors.programmes_visible_to(user), pk=pk)


def _supervised(user, pk):
    programme = get_object_or_404(Programme.objects.select_related("owner_unit__division"), pk=pk)
    if not permissions.can_supervise(user, programme):
        raise DjangoPermissionDenied
    return programme


def _refusal(request, error):
    messages.error(request, error_text(error))


class HomeView(LoginRequiredMixin, ListView):
    template_name = "ledger/home.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return selectors.programmes_visible_to(self.request.user).order_by("-year", "name")


class BattleMapView(LoginRequiredMixin, TemplateView):
    """Projects × months coloured by light, grouped by unit; ?format=pdf (A3) or xlsx (the office ledger)."""

    template_name = "ledger/battle_map.html"

    def get(self, request, pk):
        programme = _programme(request.user, pk)
        months = cells.month_list(date(programme.year, 1, 1), date(programme.year, 12, 1))
        light = request.GET.get("light") if request.GET.get("light") in Light.values else None
        unit = request.GET.get("unit", "")
        queryset = selectors.battle_map(request.user, programme=programme, months=months, light=light,
                                        unit_id=int(unit) if unit.isdigit() else None,
                                        q=request.GET.get("q", "").strip()[:50])
        fmt = request.GET.get("format")
        projects = list(queryset) if fmt in ("pdf", "xlsx") else None
        if fmt == "pdf":
            return attachment_response(documents.battle_map_pdf(programme=programme, projects=projects,
                                                                months=months),
                                       f"{programme.name}挂图作战图.pdf", PDF_CONTENT_TYPE)
        if fmt == "xlsx":
            return attachment_response(documents.ledger_xlsx(programme=programme, projects=projects, months=months),
                                       f"{programme.name}台账.xlsx", XLSX_CONTENT_TYPE)
        page = Paginator(queryset, MAP_PAGE_SIZE).get_page(request.GET.get("page"))
        groups = {}
        for project in page.object_list:
            by_month = {c.month: c for c in project.cells.all()}
            project.row = [_cell_view(by_month.get(m)) for m in months]
            groups.setdefault(project.unit, []).append(project)
        units = Unit.objects.filter(pk__in=selectors.projects_visible_to(request.user).filter(
            programme=programme).values("unit_id"))
        return self.render_to_response({
            "programme": programme, "months": months, "groups": groups.items(), "count": page.paginator.count,
            "page_obj": page,
            "units": units.order_by("sort_order", "name"), "lights": Light.choices,
            "can_supervise": permissions.can_supervise(request.user, programme),
            "current_month": rules.month_floor(timezone.localdate())})


class ChartsView(LoginRequiredMixin, TemplateView):
    template_name = "ledger/charts.html"

    def get_context_data(self, pk, **kwargs):
        programme = _programme(self.request.user, pk)
        months = cells.month_list(date(programme.year, 1, 1), date(programme.year, 12, 1))
        projects = list(selectors.battle_map(self.request.user, programme=programme, months=months))
        by_unit = {}
        for p in projects:
            by_unit.setdefault(p.unit.display_name, []).append(float(p.latest_actual or 0))
        counts = {light: [0] * len(months) for light in Light.values}
        for p in projects:
            for cell in p.cells.all():
                counts[cell.light][months.index(cell.month)] += 1
        data = {"units": list(by_unit), "progress": [round(100 * sum(v) / len(v), 1) for v in by_unit.values()],
                "months": [f"{m.month}月" for m in months], "lights": {k: v for k, v in counts.items()},
                "labels": {k: str(v) for k, v in Light.choices},
                "titles": {"progress": _("Average progress by unit (%)"), "lights": _("Lights by month")}}
        return {"programme": programme, "chart_data": data}


class ProjectDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "ledger/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(selectors.projects_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project, user = self.object, self.request.user
        reports = list(selectors.reports_of(project))
        cells = list(project.cells.order_by("month"))
        outlook = rules.forecast(history=[(r.month, float(r.actual)) for r in reversed(reports)],
                                 planned_start=project.planned_start, planned_end=project.planned_end,
                                 today=timezone.localdate())
        context.update(
            reports=reports, inspections=selectors.inspections_of(project), cells=cells, forecast=outlook,
            rectifications=project.rectifications.order_by("-created_at"),
            can_report=permissions.can_report(user, project),
            can_supervise=permissions.can_supervise(user, project.programme),
            chart_data={"months": [f"{c.month.month}月" for c in cells],
                        "plan": [float(c.planned) * 100 if c.planned is not None else None for c in cells],
                        "actual": [float(c.actual) * 100 if c.actual is not None else None for c in cells],
                        "labels": {"plan": _("Plan"), "actual": _("Actual")}},
            photos={r.pk: list(attachments_of(r)) for r in reports[:12]},
            forecast_basis=forecast_explanation(outlook),
            text_form=TextForm(),
        )
        return context


def forecast_explanation(outlook) -> str:
    """The forecast's basis in words: how many reports, over how many months, at what pace."""
    basis = outlook.basis
    if basis.rate is None:
        return _("No pace can be measured yet.")
    return _("Based on %(reports)s reports over %(months)s months: about %(rate)s%% a month.") % {
        "reports": basis.reports, "months": basis.span_months, "rate": f"{basis.rate * 100:.1f}"}


class ReportView(LoginRequiredMixin, View):
    """The monthly report, made for a phone: month, cumulative %, what was done, photos from the camera."""

    template_name = "ledger/report_form.html"

    def setup_project(self, request, pk):
        project = get_object_or_404(Project.objects.select_related("unit", "programme"), pk=pk)
        if not permissions.can_report(request.user, project):
            raise DjangoPermissionDenied
        today = timezone.localdate()
        months = [m for m in cells.month_list(rules.month_floor(project.planned_start),
                                                  rules.month_floor(project.planned_end)) if m <= today]
        return project, list(reversed(months))

    def get(self, request, pk):
        project, months = self.setup_project(request, pk)
        return render(request, self.template_name, {"project": project, "form": ReportForm(months=months)})

    def post(self, request, pk):
        project, months = self.setup_project(request, pk)
        form = ReportForm(request.POST, request.FILES, months=months)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.report_submit(actor=request.user, project=project, month=date.fromisoformat(data["month"]),
                                       actual=data["actual"] / 100, narrative=data["narrative"],
                                       photos=data["photos"])
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Report filed."))
                return redirect("ledger:project", pk=project.pk)
        return render(request, self.template_name, {"project": project, "form": form}, status=400)


class InboxView(LoginRequiredMixin, TemplateView):
    """A unit's inbox: what to report this month, what is overdue, what was returned, what to put right."""

    template_name = "ledger/inbox.html"

    def get_context_data(self, **kwargs):
        scope = scope_of(self.request.user)
        unit_ids = scope.unit_ids(permissions.REPORTER_ROLES)
        today = timezone.localdate()
        month = rules.month_floor(today)
        projects = Project.objects.filter(unit_id__in=unit_ids, archived_at__isnull=True,
                                          planned_start__lte=today).select_related("programme", "unit")
        reported = set(ProgressReport.objects.filter(project__in=projects, month=month).values_list(
            "project_id", flat=True))
        cells = {c.project_id: c for c in ProjectMonth.objects.filter(
            project__in=projects, month__lt=month, report_status__in=["missing", "late"])}
        return {
            "to_report": [p for p in projects if p.pk not in reported and p.planned_end >= month],
            "overdue": [p for p in projects if p.pk in cells],
            "returned": ProgressReport.objects.filter(project__in=projects, status="returned").select_related(
                "project"),
            "rectifications": selectors.open_rectifications_for_units(unit_ids),
            "month": month, "has_unit": bool(unit_ids),
        }


class InspectionView(LoginRequiredMixin, View):
    template_name = "ledger/inspection_form.html"

    def get(self, request, pk):
        project = self.project(request, pk)
        return render(request, self.template_name, {"project": project, "form": InspectionForm(
            initial={"date": timezone.localdate()})})

    def project(self, request, pk):
        project = get_object_or_404(Project.objects.select_related("programme__owner_unit__division"), pk=pk)
        if not permissions.can_supervise(request.user, project.programme):
            raise DjangoPermissionDenied
        return project

    def post(self, request, pk):
        project = self.project(request, pk)
        form = InspectionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.inspection_record(actor=request.user, project=project, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("Inspection recorded."))
                return redirect("ledger:project", pk=project.pk)
        return render(request, self.template_name, {"project": project, "form": form}, status=400)


class RectificationActionView(LoginRequiredMixin, View):
    def post(self, request, pk, verb):
        item = get_object_or_404(Rectification.objects.select_related("project__unit",
                                                                       "project__programme__owner_unit__division"),
                                 pk=pk)
        text = request.POST.get("text", "")
        checks = {"respond": permissions.can_answer, "return": lambda u, i: permissions.can_supervise(
            u, i.project.programme), "close": lambda u, i: permissions.can_supervise(u, i.project.programme)}
        if verb not in checks:
            raise Http404
        if not checks[verb](request.user, item):
            raise DjangoPermissionDenied
        try:
            if verb == "respond":
                services.rectification_respond(actor=request.user, rectification=item, response=text)
            elif verb == "return":
                services.rectification_return(actor=request.user, rectification=item, reason=text)
            else:
                services.rectification_close(actor=request.user, rectification=item, verification=text)
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("ledger:project", pk=item.project_id)


class ReportReturnView(LoginRequiredMixin, View):
    def post(self, request, pk):
        report = get_object_or_404(ProgressReport.objects.select_related("project__programme__owner_unit__division"),
                                   pk=pk)
        if not permissions.can_supervise(request.user, report.project.programme):
            raise DjangoPermissionDenied
        try:
            services.report_return(actor=request.user, report=report, reason=request.POST.get("text", ""))
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("ledger:project", pk=report.project_id)


class NoticeListView(LoginRequiredMixin, View):
    template_name = "ledger/notices.html"

    def get(self, request, pk):
        programme = _programme(request.user, pk)
        today = timezone.localdate()
        return self.show(request, programme, NoticeForm(initial={"year": programme.year, "date": today,
                                                                  "quarter": (today.month - 1) // 3 + 1}))

    def show(self, request, programme, form, status=200):
        return render(request, self.template_name, {
            "programme": programme, "form": form, "notices": selectors.notices_visible_to(request.user).filter(
                programme=programme), "can_supervise": permissions.can_supervise(request.user, programme)},
            status=status)

    def post(self, request, pk):
        programme = _supervised(request.user, pk)
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                notice = services.notice_draft(actor=request.user, programme=programme, **form.cleaned_data)
            except (ValidationError, DomainError) as error:
                form_errors_from(form, error)
            else:
                return redirect("ledger:notice", pk=notice.pk)
        return self.show(request, programme, form, status=400)


class NoticeDetailView(LoginRequiredMixin, HistoryMixin, DetailView):
    template_name = "ledger/notice_detail.html"
    context_object_name = "notice"

    def get_object(self, queryset=None):
        return get_object_or_404(selectors.notices_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in ("pdf", "docx"):
            notice = self.get_object()
            document = documents.notice_for_print(notice)
            if fmt == "pdf":
                return attachment_response(render_pdf(document), f"{notice.title}.pdf", PDF_CONTENT_TYPE)
            return attachment_response(render_docx(document), f"{notice.title}.docx", DOCX_CONTENT_TYPE)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = self.object.entries.select_related("project__unit")
        context["can_supervise"] = permissions.can_supervise(self.request.user, self.object.programme)
        from jiceng.bulletin import services as bulletin

        context["can_draft"] = bulletin.can_draft_for(self.request.user, self.object.programme.owner_unit)
        return context


class NoticeDraftView(LoginRequiredMixin, View):
    """One click: the notice drafted into a bulletin submission of the programme's owner unit."""

    def post(self, request, pk):
        from jiceng.bulletin import services as bulletin

        notice = get_object_or_404(selectors.notices_visible_to(request.user), pk=pk)
        unit = notice.programme.owner_unit
        if not bulletin.can_draft_for(request.user, unit):
            raise DjangoPermissionDenied
        entries = list(notice.entries.select_related("project__unit"))
        body = _("%(title)s names %(count)s projects behind plan or expected to miss their target: %(names)s. "
                 "The units named must put things right within %(days)s working days.") % {
            "title": notice.title, "count": len(entries),
            "names": "、".join(f"{e.project.unit.display_name}{e.project.name}" for e in entries[:20]),
            "days": notice.rectify_workdays}
        try:
            submission = bulletin.submission_draft_from(actor=request.user, unit=unit, headline=notice.title,
                                                        body=body, origin=notice)
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
            return redirect("ledger:notice", pk=notice.pk)
        messages.success(request, _("Drafted into the bulletin; check it and submit."))
        return redirect("bulletin:submission_edit", pk=submission.pk)


class NoticeIssueView(LoginRequiredMixin, View):
    def post(self, request, pk):
        notice = get_object_or_404(Notice.objects.select_related("programme__owner_unit__division"), pk=pk)
        if not permissions.can_supervise(request.user, notice.programme):
            raise DjangoPermissionDenied
        try:
            services.notice_issue(actor=request.user, notice=notice)
            messages.success(request, _("Issued; the units named must put things right by the deadline."))
        except (ValidationError, DomainError) as error:
            _refusal(request, error)
        return redirect("ledger:notice", pk=notice.pk)


class DrawView(LoginRequiredMixin, View):
    template_name = "ledger/draw.html"

    def get(self, request, pk):
        programme = _supervised(request.user, pk)
        return self.show(request, programme, DrawForm(initial={"month": rules.month_floor(timezone.localdate())}))

    def show(self, request, programme, form, draw=None, status=200):
        projects = Project.objects.filter(pk__in=draw.project_ids).select_related("unit") if draw else []
        return render(request, self.template_name, {"programme": programme, "form": form, "draw": draw,
                                                     "projects": projects, "coverage": quarter_coverage(programme),
                                                     "draws": programme.draws.order_by("-month")[:12]}, status=status)

    def post(self, request, pk):
        programme = _supervised(request.user, pk)
        form = DrawForm(request.POST)
        if not form.is_valid():
            return self.show(request, programme, form, status=400)
        draw = services.spot_check_draw(actor=request.user, programme=programme, month=form.cleaned_data["month"],
                                        size=form.cleaned_data["size"])
        return self.show(request, programme, form, draw=draw)


def quarter_coverage(programme, today: date | None = None) -> dict:
    """This quarter's on-site reviews (季度现场查看): how many projects were visited and which are left."""
    from .models import Inspection

    today = today or timezone.localdate()
    quarter = (today.month - 1) // 3
    start = date(today.year, 3 * quarter + 1, 1)
    end = rules.month_end(date(today.year, 3 * quarter + 3, 1))
    projects = {p.pk: p for p in programme.projects.filter(archived_at__isnull=True).select_related("unit")}
    visits = Inspection.objects.filter(project__programme=programme, kind="quarterly", date__range=(start, end))
    result = rules.coverage(project_ids=list(projects), visits=visits.values_list("project_id", "date"),
                            quarter_start=start, quarter_end=end)
    return {"start": start, "end": end, "visited": len(result.visited), "total": len(projects),
            "ratio": result.ratio, "unvisited": [projects[pk] for pk in result.unvisited[:100]],
            "more": max(0, len(result.unvisited) - 100)}


class ImportView(LoginRequiredMixin, View):
    """Upload a ledger: a dry run shows row by row what will change and every error; then import."""

    template_name = "ledger/import.html"

    def get(self, request, pk):
        return render(request, self.template_name, {"programme": _supervised(request.user, pk), "form": ImportForm()})

    def post(self, request, pk):
        programme = _supervised(request.user, pk)
        form = ImportForm(request.POST, request.FILES)
        result = None
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            confirm = "confirm" in request.POST
            try:
                result = importing.ledger_import(actor=request.user, programme=programme, data=data,
                                                 dry_run=not confirm, skip_bad_rows=form.cleaned_data["skip_bad_rows"])
            except DomainError as error:
                form.add_error("file", str(error.message))
            else:
                if result.written:
                    messages.success(request, _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s "
                                                "unchanged.") % result.as_json())
                    return redirect("ledger:map", pk=programme.pk)
        return render(request, self.template_name, {"programme": programme, "form": form, "result": result},
                      status=200 if result is not None else 400)


