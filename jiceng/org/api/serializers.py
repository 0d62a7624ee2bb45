from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import DivisionKind, Role, UnitKind
from ..models import Division, Membership, PartyOrganization, Unit


class DivisionSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    parent_name = serializers.CharField(source="parent.name", read_only=True, default=None)
    full_code = serializers.CharField(read_only=True)

    class Meta:
        model = Division
        fields = ["id", "name", "kind", "kind_display", "parent", "parent_name", "depth", "code", "full_code",
                  "unmanaged", "is_demo", "sort_order", "archived_at", "created_at", "updated_at"]
        read_only_fields = fields


class DivisionCreateInput(serializers.Serializer):
    parent = serializers.IntegerField(help_text=_("Id of the parent division."))
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=DivisionKind.choices)
    code = serializers.CharField(max_length=12, required=False, allow_blank=True, default="")
    unmanaged = serializers.BooleanField(required=False, default=False)


class DivisionUpdateInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    code = serializers.CharField(max_length=12, required=False, allow_blank=True)
    unmanaged = serializers.BooleanField(required=False)
    sort_order = serializers.IntegerField(min_value=0, required=False)


class UnitSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    division_name = serializers.CharField(source="division.name", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "kind", "kind_display", "division", "division_name", "parent",
                  "credit_code", "is_demo", "archived_at", "created_at", "updated_at"]
        read_only_fields = fields


class UnitCreateInput(serializers.Serializer):
    division = serializers.IntegerField()
    name = serializers.CharField(max_length=150)
    short_name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=UnitKind.choices)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")


class UnitUpdateInput(serializers.Serializer):
    name = serializers.CharField(max_length=150, required=False)
    short_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False)
    credit_code = serializers.CharField(max_length=18, required=False, allow_blank=True)


class PartyOrganizationSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = PartyOrganization
        fields = ["id", "name", "kind", "kind_display", "division", "unit", "parent", "is_demo", "archived_at"]
        read_only_fields = fields


class MembershipSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "username", "unit", "role", "created_at", "ended_at"]
        read_only_fields = fields

