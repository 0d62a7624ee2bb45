from rest_framework import serializers

from ..choices import AdoptionLevel, IssueStatus, SubmissionStatus
from ..models import Issue, Item, Series, Submission, Topic


class SeriesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Series
        fields = ["id", "name", "office", "office_name", "numbering", "distribution", "copies"]
        read_only_fields = fields


class SubmissionSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=SubmissionStatus.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    unit_name = serializers.CharField(source="unit.display_name", read_only=True)

    class Meta:
        model = Submission
        fields = ["id", "series", "unit", "unit_name", "topic", "headline", "body", "edited_headline", "edited_body",
                  "status", "status_display", "return_reason", "revision", "submitted_at", "decided_at",
                  "created_at", "updated_at"]
        read_only_fields = fields


class SubmissionCreateInput(serializers.Serializer):
    series = serializers.IntegerField()
    unit = serializers.IntegerField()
    topic = serializers.IntegerField(required=False, allow_null=True)
    headline = serializers.CharField(max_length=200)
    body = serializers.CharField()
    submit = serializers.BooleanField(required=False, default=False, help_text="Submit at once instead of a draft.")


class TextInput(serializers.Serializer):
    headline = serializers.CharField(max_length=200)
    body = serializers.CharField()


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class AdoptInput(serializers.Serializer):
    issue = serializers.IntegerField()
    as_lead = serializers.BooleanField(required=False, default=False)


class ItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = Item
        fields = ["id", "issue", "position", "is_lead", "headline", "body", "source_unit", "source_label",
                  "submission"]
        read_only_fields = fields


class IssueSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=IssueStatus.choices, read_only=True)
    series_name = serializers.CharField(source="series.name", read_only=True)
    item_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Issue
        fields = ["id", "series", "series_name", "year", "number", "is_supplement", "date", "status", "published_at",
                  "office_name", "imported", "item_count"]
        read_only_fields = fields


class IssueCreateInput(serializers.Serializer):
    series = serializers.IntegerField()
    date = serializers.DateField()
    number = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    is_supplement = serializers.BooleanField(required=False, default=False)


class ItemInput(serializers.Serializer):
    headline = serializers.CharField(max_length=200)
    body = serializers.CharField()
    source_label = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    is_lead = serializers.BooleanField(required=False, default=False)


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "series", "title", "description", "units", "deadline", "status"]
        read_only_fields = fields


class HigherAdoptionInput(serializers.Serializer):
    level = serializers.ChoiceField(choices=AdoptionLevel.choices)
    date = serializers.DateField()
    instruction = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class StatisticsRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.SerializerMethodField()
    submitted = serializers.IntegerField()
    adopted = serializers.IntegerField()
    adoption_rate = serializers.FloatField(allow_null=True)
    lead = serializers.IntegerField()
    commissioned = serializers.IntegerField()
    commissioned_missed = serializers.IntegerField()
    higher = serializers.IntegerField()
    points = serializers.DecimalField(max_digits=10, decimal_places=2)

    def get_unit_name(self, row) -> str:
        return row.unit.display_name if getattr(row, "unit", None) else ""


class StatisticsQuery(serializers.Serializer):
    series = serializers.IntegerField()
    start = serializers.DateField()
    end = serializers.DateField()

    def validate(self, attrs):
        if attrs["start"] > attrs["end"]:
            raise serializers.ValidationError("start > end")
        return attrs


