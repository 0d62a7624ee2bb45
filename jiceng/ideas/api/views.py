"""Ideas API: staff endpoints in scope (contacts masked), and the public intake, challenge and status
endpoints (no login, throttled, never returning personal data)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from jiceng.core.api.history import HistoryActionMixin
from jiceng.core.http import client_ip

from .. import intake, permissions, selectors, services
from ..models import Campaign, Idea, Suggestion
from . import serializers as s


class CampaignViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                      viewsets.GenericViewSet):
    serializer_class = s.CampaignSerializer

    @extend_schema(request=s.CampaignInput, responses={201: s.CampaignSerializer})
    def create(self, request):
        """Start a campaign of a unit the caller runs (administrator or supervisor), over compounds of its area."""
        data = s.CampaignInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        unit = selectors.units_managed_by(request.user).filter(pk=values.pop("owner_unit")).first()
        if unit is None:
            raise PermissionDenied
        wanted = set(values.pop("compounds"))
        compounds = list(selectors.compounds_of_area(unit).filter(pk__in=wanted))
        if len(compounds) != len(wanted):
            raise serializers.ValidationError({"compounds": [_("Only compounds within the owner unit's area can "
                                                               "be chosen.")]})
        if "criteria" in values:
            values["criteria"] = [dict(c) for c in values["criteria"]]
        campaign = services.campaign_create(actor=request.user, owner_unit=unit, compounds=compounds, **values)
        return Response(s.CampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CampaignMoveInput, responses={200: s.CampaignSerializer})
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        """Open the campaign for suggestions, close it, or open it again, with the reason."""
        campaign = self.get_object()
        if not permissions.can_manage(request.user, campaign.owner_unit):
            raise PermissionDenied
        data = s.CampaignMoveInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.campaign_move(actor=request.user, campaign=campaign, **data.validated_data)
        return Response(s.CampaignSerializer(campaign).data)

    def get_queryset(self):
        return selectors.campaigns_visible_to(self.request.user).prefetch_related("compounds").order_by("-starts_on")

    def _working(self, pk):
        campaign = get_object_or_404(Campaign.objects.select_related("owner_unit__division"), pk=pk)
        if not permissions.can_work(self.request.user, campaign):
            raise PermissionDenied
        return campaign

    @extend_schema(request=s.SuggestionInput, responses={201: s.SuggestionSerializer})
    @action(detail=True, methods=["post"])
    def suggestions(self, request, pk=None):
        campaign = self._working(pk)
        data = s.SuggestionInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        compound = get_object_or_404(campaign.compounds, pk=values.pop("compound"))
        suggestion = services.suggestion_submit(actor=request.user, campaign=campaign, compound=compound, **values)
        return Response(s.SuggestionSerializer(suggestion).data, status=status.HTTP_201_CREATED)


class SuggestionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.SuggestionSerializer
    filterset_fields = ["campaign", "compound", "channel", "category", "idea"]

    def get_queryset(self):
        campaigns = selectors.campaigns_visible_to(self.request.user).values("pk")
        return Suggestion.objects.filter(campaign__in=campaigns).order_by("-created_at", "-id")


class IdeaViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.IdeaSerializer
    filterset_fields = ["campaign", "status", "category"]

    def get_queryset(self):
        from django.db.models import Count

        campaigns = selectors.campaigns_visible_to(self.request.user).values("pk")
        return (Idea.objects.filter(campaign__in=campaigns).annotate(residents=Count("suggestions"))
                .order_by("-created_at"))

    def _idea(self, pk, check):
        idea = get_object_or_404(Idea.objects.select_related("campaign__owner_unit__division"), pk=pk)
        if not check(self.request.user, idea.campaign):
            raise PermissionDenied
        return idea

    @extend_schema(request=s.IdeaInput, responses={201: s.IdeaSerializer})
    def create(self, request):
        data = s.IdeaInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        campaign = get_object_or_404(Campaign.objects.select_related("owner_unit__division"), pk=values.pop("campaign"))
        if not permissions.can_work(request.user, campaign):
            raise PermissionDenied
        chosen = list(Suggestion.objects.filter(campaign=campaign, pk__in=values.pop("suggestions")))
        idea = services.idea_create(actor=request.user, campaign=campaign, suggestions=chosen,
                                    compound=chosen[0].compound if chosen else None, **values)
        idea.residents = len(chosen)
        return Response(s.IdeaSerializer(idea).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.MergeInput, responses=s.IdeaSerializer)
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        idea = self._idea(pk, permissions.can_work)
        data = s.MergeInput(data=request.data)
        data.is_valid(raise_exception=True)
        chosen = Suggestion.objects.filter(campaign=idea.campaign, pk__in=data.validated_data["suggestions"])
        services.idea_merge(actor=request.user, idea=idea, suggestions=list(chosen))
        idea.residents = idea.suggestions.count()
        return Response(s.IdeaSerializer(idea).data)

    @extend_schema(request=s.EvaluationInput, responses=s.IdeaSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        idea = self._idea(pk, permissions.can_work)
        data = s.EvaluationInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.evaluation_submit(actor=request.user, idea=idea, **data.validated_data)
        idea.residents = idea.suggestions.count()
        return Response(s.IdeaSerializer(idea).data)

    @extend_schema(request=s.DecisionInput, responses=s.IdeaSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        idea = self._idea(pk, permissions.can_decide)
        data = s.DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.idea_decide(actor=request.user, idea=idea, **data.validated_data)
        idea.residents = idea.suggestions.count()
        return Response(s.IdeaSerializer(idea).data)


class PublicThrottle(ScopedRateThrottle):
    scope_attr = "throttle_scope"


class PublicChallengeView(APIView):
    """A challenge for the public intake (no login): a question and a signed token to send back with the answer."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicThrottle]
    throttle_scope = "public"

    @extend_schema(parameters=[OpenApiParameter("campaign", str, required=True)], auth=[],
                   responses=inline_serializer("IdeasChallenge", {"question": serializers.CharField(),
                                                                  "token": serializers.CharField()}))
    def get(self, request):
        campaign = get_object_or_404(Campaign, code=request.query_params.get("campaign", ""), public_intake=True)
        challenge = intake.new_challenge(campaign.code)
        return Response({"question": challenge.question, "token": challenge.token})


class PublicSuggestionView(APIView):
    """A resident's suggestion (no login): answers only with the receipt code."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicThrottle]
    throttle_scope = "public"

    @extend_schema(request=s.PublicSuggestionInput, auth=[],
                   responses={201: inline_serializer("IdeasReceipt", {"receipt": serializers.CharField()})})
    def post(self, request):
        data = s.PublicSuggestionInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        campaign = get_object_or_404(Campaign, code=v["campaign"], public_intake=True)
        compound = get_object_or_404(campaign.compounds, pk=v["compound"])
        intake.check_rate(client=client_ip(request), campaign_code=campaign.code)
        intake.check_challenge(campaign_code=campaign.code, token=v["token"], answer=v["answer"],
                               honeypot=v["website"])
        suggestion = services.suggestion_submit(actor=None, campaign=campaign, compound=compound, text=v["text"],
                                                channel="online", name=v["name"], phone=v["phone"], public=True)
        return Response({"receipt": suggestion.receipt}, status=status.HTTP_201_CREATED)


class PublicStatusView(APIView):
    """The status of a receipt (no login): stages, the idea's title, the decision and project progress only."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicThrottle]
    throttle_scope = "public"

    @extend_schema(responses=s.PublicStatusSerializer, auth=[])
    def get(self, request, receipt):
        found = selectors.public_status(receipt)
        if found is None:
            from django.http import Http404

            raise Http404
        return Response(s.PublicStatusSerializer(found).data)
