"""Org API: read endpoints over the shared filtersets, writes through the services, scope everywhere.

Reading another unit's object answers 404; changing one answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jiceng.core.api.history import HistoryActionMixin

from .. import permissions, selectors, services
from ..filtersets import DivisionFilterSet, UnitFilterSet
from ..models import Division, Unit
from . import serializers as s


class DivisionViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Divisions in the user's scope. Filters: kind (one or several), parent, under, unmanaged, q."""

    serializer_class = s.DivisionSerializer
    filterset_class = DivisionFilterSet

    def get_queryset(self):
        return selectors.divisions_visible_to(self.request.user).select_related("parent").order_by("path")

    def _for_write(self, pk):
        division = get_object_or_404(Division.objects.select_related("parent"), pk=pk)
        if not permissions.can_manage_division(self.request.user, division):
            raise PermissionDenied
        return division

    @extend_schema(request=s.DivisionCreateInput, responses={201: s.DivisionSerializer})
    def create(self, request):
        data = s.DivisionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        parent = self._for_write(values.pop("parent"))
        division = services.division_create(actor=request.user, parent=parent, **values)
        return Response(s.DivisionSerializer(division).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.DivisionUpdateInput, responses=s.DivisionSerializer)
    def partial_update(self, request, pk=None):
        division = self._for_write(pk)
        data = s.DivisionUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        division = services.division_update(actor=request.user, division=division, **data.validated_data)
        return Response(s.DivisionSerializer(division).data)

    @extend_schema(request=None, responses=s.DivisionSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        division = services.division_archive(actor=request.user, division=self._for_write(pk))
        return Response(s.DivisionSerializer(division).data)


class UnitViewSet(HistoryActionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.UnitSerializer
    filterset_class = UnitFilterSet

    def get_queryset(self):
        return selectors.units_visible_to(self.request.user).order_by("division__path", "sort_order", "name")

    def _for_write(self, pk):
        unit = get_object_or_404(Unit.objects.select_related("division"), pk=pk)
        if not permissions.can_manage_unit(self.request.user, unit):
            raise PermissionDenied
        return unit

    @extend_schema(request=s.UnitCreateInput, responses={201: s.UnitSerializer})
    def create(self, request):
        data = s.UnitCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        division = get_object_or_404(Division, pk=values.pop("division"))
        if not permissions.can_manage_division(request.user, division):
            raise PermissionDenied
        unit = services.unit_create(actor=request.user, division=division, **values)
        return Response(s.UnitSerializer(unit).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.UnitUpdateInput, responses=s.UnitSerializer)
    def partial_update(self, request, pk=None):
        unit = self._for_write(pk)
        data = s.UnitUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        unit = services.unit_update(actor=request.user, unit=unit, **data.validated_data)
        return Response(s.UnitSerializer(unit).data)

    @extend_schema(request=None, responses=s.UnitSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        unit = services.unit_archive(actor=request.user, unit=self._for_write(pk))
        return Response(s.UnitSerializer(unit).data)

    @extend_schema(responses=s.MembershipSerializer(many=True))
    @action(detail=True, methods=["get"])
    def members(self, request, pk=None):
        unit = self.get_object()
        page = self.paginate_queryset(selectors.memberships_of_unit(unit))
        return self.get_paginated_response(s.MembershipSerializer(page, many=True).data)


class PartyOrganizationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = s.PartyOrganizationSerializer
    filterset_fields = ["kind", "division", "unit"]

    def get_queryset(self):
        return selectors.party_orgs_visible_to(self.request.user).order_by("division__path", "name")
