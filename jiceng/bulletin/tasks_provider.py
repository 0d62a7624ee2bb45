""""My tasks" from the bulletin: returned submissions and open commissioned topics for a unit's reporters,
submissions waiting for review for editors."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core.tasks_registry import TaskItem
from jiceng.org.permissions import scope_of

from . import permissions, selectors


def tasks_for(user) -> list[TaskItem]:
    scope = scope_of(user)
    unit_ids = scope.unit_ids(permissions.WRITER_ROLES)
    items: list[TaskItem] = []
    today = timezone.localdate()
    if unit_ids:
        for submission in selectors.returned_for_unit_ids(unit_ids)[:20]:
            items.append(TaskItem(title=_("Revise and resubmit: %(headline)s") % {"headline": submission.headline},
                                  url=reverse("bulletin:submission", args=[submission.pk]), module="bulletin",
                                  detail=submission.return_reason))
        for topic in selectors.open_topics_for_unit_ids(unit_ids)[:20]:
            items.append(TaskItem(title=_("Commissioned piece: %(title)s") % {"title": topic.title},
                                  url=reverse("bulletin:topic", args=[topic.pk]), module="bulletin",
                                  due=topic.deadline, overdue=topic.deadline < today))
    waiting = selectors.awaiting_review(user).count()
    if waiting:
        items.append(TaskItem(title=_("%(count)d submissions wait for review") % {"count": waiting},
                              url=reverse("bulletin:submissions") + "?status=submitted", module="bulletin"))
    return items
