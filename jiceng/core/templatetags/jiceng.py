from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with some parameters replaced (None removes one): for paging and sorting links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.inclusion_tag("includes/sort_header.html", takes_context=True)
def sort_header(context, field, label):
    current = context["request"].GET.get("ordering", "")
    next_ordering = f"-{field}" if current == field else field
    return {"request": context["request"], "field": field, "desc": f"-{field}", "label": label,
            "current": current, "next_ordering": next_ordering}


@register.filter
def cn_date(value):
    """2020年6月8日 (no leading zeros), the way official documents write dates."""
    if not value:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


@register.simple_tag
def demo_badge(obj):
    if getattr(obj, "is_demo", False):
        from django.utils.translation import gettext as _

        return format_html('<span class="badge badge-demo" title="{}">{}</span>', _("Invented name, demo data"),
                           _("demo"))
    return ""


@register.filter
def get_item(mapping, key):
    """A dict value by key in a template: {{ photos|get_item:report.pk }}."""
    return mapping.get(key, []) if hasattr(mapping, "get") else []


@register.filter
def audit_action(event):
    """An audit event's action in words (its code when it has no label)."""
    from jiceng.core.audit.labels import action_label

    return action_label(event.action)


@register.simple_tag
def audit_field(event, name):
    from jiceng.core.audit.labels import field_label

    return field_label(event.object_type, name)


@register.simple_tag
def audit_value(event, name, value):
    from jiceng.core.audit.labels import value_label

    return value_label(event.object_type, name, value)
