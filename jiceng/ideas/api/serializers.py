from rest_framework import serializers

from jiceng.core.crypto import mask_name, mask_phone

from ..choices import CampaignStatus, Channel
from ..models import Campaign, Idea, Suggestion


class CampaignSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ["id", "title", "code", "owner_unit", "starts_on", "ends_on", "compounds", "categories", "criteria",
                  "public_intake", "status"]
        read_only_fields = fields


class CriterionInput(serializers.Serializer):
    key = serializers.RegexField(r"^[A-Za-z_][A-Za-z0-9_]{0,29}$")
    label = serializers.CharField(max_length=30)
    weight = serializers.FloatField()


class CampaignInput(serializers.Serializer):
    owner_unit = serializers.IntegerField(help_text="A unit the caller runs as administrator or supervisor.")
    title = serializers.CharField(max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    compounds = serializers.ListField(child=serializers.IntegerField(), allow_empty=False, max_length=2000)
    categories = serializers.ListField(child=serializers.CharField(max_length=50), required=False, max_length=100,
                                       help_text="Default: the standard categories.")
    criteria = CriterionInput(many=True, required=False, help_text="Default: the standard criteria.")
    public_intake = serializers.BooleanField(default=True)


class CampaignMoveInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=CampaignStatus.choices)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SuggestionSerializer(serializers.ModelSerializer):
    """Staff view of a suggestion: contacts masked, never in clear."""

    contact = serializers.SerializerMethodField()

    class Meta:
        model = Suggestion
        fields = ["id", "campaign", "compound", "channel", "text", "said_at", "contact", "receipt", "category",
                  "suggested_category", "idea", "created_at"]
        read_only_fields = fields

    def get_contact(self, suggestion) -> str:
        return f"{mask_name(suggestion.name)} {mask_phone(suggestion.phone)}".strip()


class SuggestionInput(serializers.Serializer):
    compound = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    text = serializers.CharField(max_length=1000)
    name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    said_at = serializers.DateTimeField(required=False, allow_null=True, default=None,
                                        help_text="When the resident said it, if known (not in the future).")


class IdeaSerializer(serializers.ModelSerializer):
    residents = serializers.IntegerField(read_only=True)

    class Meta:
        model = Idea
        fields = ["id", "campaign", "title", "summary", "category", "compound", "status", "decision_reason",
                  "decided_at", "project_id_ref", "residents"]
        read_only_fields = fields


class IdeaInput(serializers.Serializer):
    campaign = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    category = serializers.CharField(required=False, allow_blank=True, default="")
    suggestions = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)


class MergeInput(serializers.Serializer):
    suggestions = serializers.ListField(child=serializers.IntegerField(), allow_empty=False)


class EvaluationInput(serializers.Serializer):
    scores = serializers.DictField(child=serializers.FloatField())
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["adopted", "deferred", "declined"])
    reason = serializers.CharField()


class PublicSuggestionInput(serializers.Serializer):
    campaign = serializers.SlugField()
    compound = serializers.IntegerField()
    text = serializers.CharField(max_length=1000)
    name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    token = serializers.CharField()
    answer = serializers.CharField(max_length=4)
    website = serializers.CharField(required=False, allow_blank=True, default="")


class PublicStatusSerializer(serializers.Serializer):
    receipt = serializers.CharField()
    campaign = serializers.CharField()
    compound = serializers.CharField()
    received_on = serializers.DateField()
    stage = serializers.CharField()
    idea_title = serializers.CharField()
    reason = serializers.CharField()
    progress = serializers.FloatField(allow_null=True)
    project_status = serializers.CharField()
