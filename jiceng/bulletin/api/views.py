"""Bulletin API: reads over the scoped selectors and shared filtersets; each state change its own action."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from jiceng.core.api.history import HistoryActionMixin
from jiceng.org.models import Unit

from .. import permissions, selectors, services
from ..filtersets import IssueFilterSet, ItemFilterSet, SubmissionFilterSet
from ..models import Issue, Item, Series, Submission, Topic
from . import serializers as s


class SeriesViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.SeriesSerializer

    def get_queryset(self):
        return selectors.series_visible_to(self.request.user).order_by("name")


def _submission_for(request, pk, check):
    submission = get_object_or_404(Submission.objects.select_related("unit__division", "series__office__division"),
                                   pk=pk)
    if not check(request.user, submission):
        raise PermissionDenied
    return submission


class SubmissionViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Submissions the user may see: their units' own, and (for editors) everything submitted to their series."""

    serializer_class = s.SubmissionSerializer
    filterset_class = SubmissionFilterSet

    def get_queryset(self):
        return selectors.submissions_visible_to(self.request.user).order_by("-created_at", "-id")

    @extend_schema(request=s.SubmissionCreateInput, responses={201: s.SubmissionSerializer})
    def create(self, request):
        data = s.SubmissionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        unit = get_object_or_404(Unit, pk=v["unit"])
        if not permissions.can_write_for(request.user, unit):
            raise PermissionDenied
        series = get_object_or_404(selectors.series_visible_to(request.user), pk=v["series"])
        topic = get_object_or_404(Topic, pk=v["topic"]) if v.get("topic") else None
        submission = services.submission_create(actor=request.user, series=series, unit=unit, topic=topic,
                                                headline=v["headline"], body=v["body"])
        if v["submit"]:
            services.submission_submit(actor=request.user, submission=submission)
        return Response(s.SubmissionSerializer(submission).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.TextInput, responses=s.SubmissionSerializer)
    def partial_update(self, request, pk=None):
        submission = _submission_for(request, pk, permissions.can_edit_own_submission)
        data = s.TextInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_update(actor=request.user, submission=submission, **data.validated_data)
        return Response(s.SubmissionSerializer(submission).data)

    @extend_schema(request=None, responses=s.SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        submission = _submission_for(request, pk, lambda u, sub: permissions.can_write_for(u, sub.unit))
        services.submission_submit(actor=request.user, submission=submission)
        return Response(s.SubmissionSerializer(submission).data)

    @extend_schema(request=s.TextInput, responses=s.SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def edit(self, request, pk=None):
        submission = _submission_for(request, pk, permissions.can_review)
        data = s.TextInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_edit(actor=request.user, submission=submission, **data.validated_data)
        return Response(s.SubmissionSerializer(submission).data)

    @extend_schema(request=s.ReasonInput, responses=s.SubmissionSerializer, operation_id="bulletin_submission_return")
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        submission = _submission_for(request, pk, permissions.can_review)
        data = s.ReasonInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_return(actor=request.user, submission=submission, reason=data.validated_data["reason"])
        return Response(s.SubmissionSerializer(submission).data)

    @extend_schema(request=s.ReasonInput, responses=s.SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        submission = _submission_for(request, pk, permissions.can_review)
        data = s.ReasonInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_archive(actor=request.user, submission=submission, reason=data.validated_data["reason"])
        return Response(s.SubmissionSerializer(submission).data)

    @extend_schema(request=s.AdoptInput, responses=s.ItemSerializer)
    @action(detail=True, methods=["post"])
    def adopt(self, request, pk=None):
        submission = _submission_for(request, pk, permissions.can_review)
        data = s.AdoptInput(data=request.data)
        data.is_valid(raise_exception=True)
        issue = get_object_or_404(Issue, pk=data.validated_data["issue"])
        item = services.submission_adopt(actor=request.user, submission=submission, issue=issue,
                                         as_lead=data.validated_data["as_lead"])
        return Response(s.ItemSerializer(item).data)



class IssueViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.IssueSerializer
    filterset_class = IssueFilterSet

    def get_queryset(self):
        return selectors.issues_visible_to(self.request.user).order_by("-date", "-number")

    def _for_write(self, pk):
        issue = get_object_or_404(Issue.objects.select_related("series__office__division"), pk=pk)
        if not permissions.can_compile(self.request.user, issue):
            raise PermissionDenied
        return issue

    @extend_schema(request=s.IssueCreateInput, responses={201: s.IssueSerializer})
    def create(self, request):
        data = s.IssueCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        series = get_object_or_404(Series, pk=v.pop("series"))
        if not permissions.can_compile(request.user, series):
            raise PermissionDenied
        issue = services.issue_create(actor=request.user, series=series, **v)
        issue.item_count = 0
        return Response(s.IssueSerializer(issue).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.IssueSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        issue = services.issue_publish(actor=request.user, issue=self._for_write(pk))
        issue.item_count = issue.items.filter(archived_at__isnull=True).count()
        return Response(s.IssueSerializer(issue).data)

    @extend_schema(request=s.ItemInput, responses={201: s.ItemSerializer})
    @action(detail=True, methods=["post"], url_path="items")
    def add_item(self, request, pk=None):
        issue = self._for_write(pk)
        data = s.ItemInput(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.item_add(actor=request.user, issue=issue, **data.validated_data)
        return Response(s.ItemSerializer(item).data, status=status.HTTP_201_CREATED)



class ItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.ItemSerializer
    filterset_class = ItemFilterSet

    def get_queryset(self):
        issues = selectors.issues_visible_to(self.request.user).values("pk")
        return Item.objects.filter(issue__in=issues, archived_at__isnull=True).order_by("issue_id", "position")

    @extend_schema(request=s.HigherAdoptionInput, responses=s.ItemSerializer)
    @action(detail=True, methods=["post"], url_path="higher-adoption")
    def higher_adoption(self, request, pk=None):
        item = get_object_or_404(Item.objects.select_related("issue__series__office__division"), pk=pk)
        if not permissions.can_compile(request.user, item.issue):
            raise PermissionDenied
        data = s.HigherAdoptionInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.higher_adoption_record(actor=request.user, item=item, **data.validated_data)
        return Response(s.ItemSerializer(item).data)


class TopicViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.TopicSerializer

    def get_queryset(self):
        return selectors.topics_visible_to(self.request.user).order_by("-deadline", "-id")


class StatisticsView(APIView):
    """Per-unit statistics and ranking of one series over a period."""

    @extend_schema(parameters=[OpenApiParameter("series", int, required=True),
                               OpenApiParameter("start", str, required=True, description="YYYY-MM-DD"),
                               OpenApiParameter("end", str, required=True, description="YYYY-MM-DD")],
                   responses=s.StatisticsRowSerializer(many=True))
    def get(self, request):
        query = s.StatisticsQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        series = get_object_or_404(selectors.series_visible_to(request.user), pk=query.validated_data["series"])
        rows = selectors.statistics(series, start=query.validated_data["start"], end=query.validated_data["end"])
        return Response(s.StatisticsRowSerializer(rows, many=True).data)
