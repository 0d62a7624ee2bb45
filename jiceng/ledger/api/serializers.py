from rest_framework import serializers

from ..choices import InspectionKind, ProjectStatus
from ..models import Inspection, Notice, NoticeEntry, Programme, ProgressReport, Project, Rectification


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = ["id", "name", "year", "owner_unit", "leader_in_charge", "description"]
        read_only_fields = fields


class ProjectSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=ProjectStatus.choices, read_only=True)
    unit_name = serializers.CharField(source="unit.display_name", read_only=True)
    forecast = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = ["id", "programme", "name", "unit", "unit_name", "person", "location", "planned_start", "planned_end",
                  "target", "target_quantity", "category", "status", "light", "latest_actual", "forecast"]
        read_only_fields = fields

    def get_forecast(self, project) -> dict:
        outlook = self.context.get("forecasts", {}).get(project.pk)
        if outlook is None:
            return {}
        return {"expected_completion": outlook.expected_completion, "will_miss": outlook.will_miss,
                "basis": outlook.basis.as_dict() if hasattr(outlook.basis, "as_dict") else str(outlook.basis)}


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressReport
        fields = ["id", "project", "month", "actual", "narrative", "status", "submitted_at", "return_reason",
                  "imported"]
        read_only_fields = fields


class ReportInput(serializers.Serializer):
    month = serializers.DateField(help_text="any day of the month reported")
    actual = serializers.DecimalField(max_digits=5, decimal_places=4, min_value=0, max_value=1,
                                      help_text="cumulative progress as a fraction 0–1")
    narrative = serializers.CharField(required=False, allow_blank=True, default="")


class InspectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inspection
        fields = ["id", "project", "kind", "date", "findings", "score"]
        read_only_fields = fields


class InspectionInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    date = serializers.DateField()
    findings = serializers.CharField(required=False, allow_blank=True, default="")
    score = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100)
    rectification = serializers.CharField(required=False, allow_blank=True, default="")
    rectify_workdays = serializers.IntegerField(required=False, min_value=1, max_value=120, default=10)


class NoticeEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = NoticeEntry
        fields = ["project", "reason", "light", "actual", "planned"]
        read_only_fields = fields


class NoticeSerializer(serializers.ModelSerializer):
    entries = NoticeEntrySerializer(many=True, read_only=True)

    class Meta:
        model = Notice
        fields = ["id", "programme", "year", "quarter", "doc_number", "title", "date", "status", "issued_at",
                  "rectify_workdays", "entries"]
        read_only_fields = fields


class NoticeInput(serializers.Serializer):
    programme = serializers.IntegerField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    quarter = serializers.IntegerField(min_value=1, max_value=4)
    date = serializers.DateField()
    doc_number = serializers.CharField(required=False, allow_blank=True, default="")
    rectify_workdays = serializers.IntegerField(required=False, min_value=1, max_value=120, default=15)


class RectificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rectification
        fields = ["id", "project", "inspection", "notice", "description", "deadline", "status", "response",
                  "responded_at", "verification", "closed_at", "escalated_at"]
        read_only_fields = fields


class RectificationTextInput(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, default="")
