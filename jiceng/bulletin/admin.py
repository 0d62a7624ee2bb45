"""Admin for operators: the scoring rules are edited here (through the service); the rest is read-only."""

from django.contrib import admin

from . import services
from .models import Issue, Item, ScoringRule, Series, Submission, Topic


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScoringRuleInline(admin.TabularInline):
    model = ScoringRule
    fields = ("key", "points")
    readonly_fields = ("key",)
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ("name", "office_name", "numbering", "copies")
    readonly_fields = ("name", "office", "office_name", "numbering", "distribution", "copies")
    inlines = [ScoringRuleInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """The series itself is read-only here; nothing to save."""

    def save_formset(self, request, form, formset, change):
        for rule in formset.save(commit=False):  # builds the changed instances without writing them
            services.scoring_rule_set(actor=request.user, series=rule.series, key=rule.key, points=rule.points)


@admin.register(Submission)
class SubmissionAdmin(ReadOnly):
    list_display = ("headline", "unit", "status", "submitted_at")
    list_filter = ("status", "series")


@admin.register(Issue)
class IssueAdmin(ReadOnly):
    list_display = ("__str__", "date", "status", "imported")


@admin.register(Item)
class ItemAdmin(ReadOnly):
    list_display = ("headline", "issue", "position", "source_label")


@admin.register(Topic)
class TopicAdmin(ReadOnly):
    list_display = ("title", "series", "deadline", "status")
