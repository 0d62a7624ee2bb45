from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable record, written by the search service from a module's provider.

    `tokens` holds the segmented words (jieba) and the character bigrams of
    the text, space separated, so that a 2-character word such as 停车 always
    matches; `scope_path` is the division path the record belongs to.
    """

    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    module = models.CharField(_("module"), max_length=50, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=500)
    tokens = models.TextField(blank=True)
    scope_path = models.CharField(max_length=255, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["object_type", "object_id"], name="core_search_entry_object_uniq"),
        ]

    def __str__(self):
        return self.title
