"""Ledger API: reads over the scoped selectors; each state change its own action calling the service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jiceng.core.api.history import HistoryActionMixin

from .. import permissions, rules, selectors, services
from ..models import Notice, Programme, Project, Rectification
from . import serializers as s


class ProgrammeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.ProgrammeSerializer

    def get_queryset(self):
        return selectors.programmes_visible_to(self.request.user).order_by("-year", "name")


class ProjectViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Projects in scope with their light and forecast. Filters: programme, unit, light, status."""

    serializer_class = s.ProjectSerializer
    filterset_fields = ["programme", "unit", "light", "status"]

    def get_queryset(self):
        return selectors.projects_visible_to(self.request.user).prefetch_related("reports").order_by("pk")

    def get_serializer(self, *args, **kwargs):
        instance = args[0] if args else None
        projects = instance if isinstance(instance, list) else ([instance] if instance is not None else [])
        today = timezone.localdate()
        forecasts = {}
        for project in projects:
            if isinstance(project, Project):
                history = sorted((r.month, float(r.actual)) for r in project.reports.all())
                forecasts[project.pk] = rules.forecast(history=history, planned_start=project.planned_start,
                                                       planned_end=project.planned_end, today=today)
        kwargs.setdefault("context", self.get_serializer_context())["forecasts"] = forecasts
        return super().get_serializer(*args, **kwargs)

    def _for(self, pk, check):
        project = get_object_or_404(Project.objects.select_related("unit", "programme__owner_unit__division"), pk=pk)
        if not check(self.request.user, project):
            raise PermissionDenied
        return project

    @extend_schema(request=s.ReportInput, responses={201: s.ReportSerializer})
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None):
        project = self._for(pk, permissions.can_report)
        data = s.ReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_submit(actor=request.user, project=project, **data.validated_data)
        return Response(s.ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.InspectionInput, responses={201: s.InspectionSerializer})
    @action(detail=True, methods=["post"])
    def inspect(self, request, pk=None):
        project = self._for(pk, lambda u, p: permissions.can_supervise(u, p.programme))
        data = s.InspectionInput(data=request.data)
        data.is_valid(raise_exception=True)
        inspection = services.inspection_record(actor=request.user, project=project, **data.validated_data)
        return Response(s.InspectionSerializer(inspection).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.ReportSerializer(many=True))
    @action(detail=True, methods=["get"])
    def reports(self, request, pk=None):
        return Response(s.ReportSerializer(selectors.reports_of(self.get_object()), many=True).data)



class NoticeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.NoticeSerializer

    def get_queryset(self):
        return selectors.notices_visible_to(self.request.user).prefetch_related("entries").order_by("-year", "-quarter")

    @extend_schema(request=s.NoticeInput, responses={201: s.NoticeSerializer})
    def create(self, request):
        data = s.NoticeInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        programme = get_object_or_404(Programme.objects.select_related("owner_unit__division"),
                                      pk=values.pop("programme"))
        if not permissions.can_supervise(request.user, programme):
            raise PermissionDenied
        notice = services.notice_draft(actor=request.user, programme=programme, **values)
        return Response(s.NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.NoticeSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        notice = get_object_or_404(Notice.objects.select_related("programme__owner_unit__division"), pk=pk)
        if not permissions.can_supervise(request.user, notice.programme):
            raise PermissionDenied
        return Response(s.NoticeSerializer(services.notice_issue(actor=request.user, notice=notice)).data)


class RectificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.RectificationSerializer
    filterset_fields = ["status", "project"]

    def get_queryset(self):
        return selectors.rectifications_visible_to(self.request.user).order_by("deadline", "pk")

    def _act(self, request, pk, check, service, field):
        item = get_object_or_404(Rectification.objects.select_related(
            "project__unit", "project__programme__owner_unit__division"), pk=pk)
        if not check(request.user, item):
            raise PermissionDenied
        data = s.RectificationTextInput(data=request.data)
        data.is_valid(raise_exception=True)
        service(actor=request.user, rectification=item, **{field: data.validated_data["text"]})
        return Response(s.RectificationSerializer(item).data)

    @extend_schema(request=s.RectificationTextInput, responses=s.RectificationSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request, pk=None):
        return self._act(request, pk, permissions.can_answer, services.rectification_respond, "response")

    @extend_schema(request=s.RectificationTextInput, responses=s.RectificationSerializer,
                   operation_id="ledger_rectification_return")
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        return self._act(request, pk, lambda u, i: permissions.can_supervise(u, i.project.programme),
                         services.rectification_return, "reason")

    @extend_schema(request=s.RectificationTextInput, responses=s.RectificationSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._act(request, pk, lambda u, i: permissions.can_supervise(u, i.project.programme),
                         services.rectification_close, "verification")
