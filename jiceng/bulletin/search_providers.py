"""Published bulletin items in the one search box (every staff user may read published issues)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jiceng.core import search

from .choices import IssueStatus
from .models import Item


def _item_document(item: Item):
    if item.archived_at or item.issue.status != IssueStatus.PUBLISHED:
        return None
    label = f"{item.issue.series.name} {item.issue.year}年第{item.issue.number}期"
    return search.SearchDocument(
        title=item.headline, body=f"{item.body}（{item.source_label}） {label}" if item.source_label else
        f"{item.body} {label}", url=reverse("bulletin:issue", args=[item.issue_id]) + f"#item-{item.pk}",
        scope_path=search.EVERY_STAFF)


search.register(search.SearchProvider(
    model_label="bulletin.item", module=str(_("Bulletin")),
    get_object=lambda pk: Item.objects.select_related("issue__series").filter(pk=pk).first(),
    document=_item_document,
    queryset=lambda: Item.objects.filter(archived_at__isnull=True, issue__status=IssueStatus.PUBLISHED).only("pk"),
))
