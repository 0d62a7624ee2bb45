"""The `history` action every object endpoint offers: the object's audit events, paginated."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from ..audit import history_for


class AuditEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    actor_name = serializers.CharField()
    action = serializers.CharField()
    changes = serializers.JSONField()
    payload = serializers.JSONField()


class HistoryActionMixin:
    """For a viewset whose get_object() enforces scope: GET <object>/history/."""

    @extend_schema(responses=AuditEventSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        page = self.paginate_queryset(history_for(self.get_object()))
        return self.get_paginated_response(AuditEventSerializer(page, many=True).data)
