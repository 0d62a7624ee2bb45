"""Writing and reading the audit trail."""

import datetime
import decimal
import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from ..context import current_request_id
from ..models import AuditChainHead, AuditEvent
from .chain import GENESIS_HASH, event_hash, hashed_fields

REDACTED = "[encrypted]"


def object_label(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def _json_safe(value):
    """Plain JSON types only, so what is hashed is exactly what the database gives back."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _field_value(obj, field):
    value = getattr(obj, field.attname)
    if getattr(field, "sensitive", False):
        return REDACTED if value not in (None, "") else None
    if isinstance(value, datetime.datetime | datetime.date | datetime.time | decimal.Decimal | uuid.UUID):
        return _json_safe(value)
    if hasattr(value, "name") and isinstance(field, models.FileField):
        return value.name or None
    return value


def snapshot(obj, fields: list[str] | None = None) -> dict:
    """The audited state of a model instance: its concrete fields (FKs as ids), sensitive ones redacted."""
    skip = {"created_at", "updated_at"}
    result = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in skip:
            continue
        if fields is not None and field.name not in fields:
            continue
        result[field.name] = _field_value(obj, field)
    return _json_safe(result)


def diff(before: dict | None, after: dict | None) -> dict:
    before = before or {}
    after = after or {}
    changes = {}
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            changes[key] = [old, new]
    return changes


def _lock_head() -> AuditChainHead:
    AuditChainHead.objects.bulk_create([AuditChainHead(pk=1)], ignore_conflicts=True)
    return AuditChainHead.objects.select_for_update().get(pk=1)


def record(*, actor, action: str, obj=None, before: dict | None = None, after: dict | None = None,
           payload: dict | None = None, object_repr: str | None = None) -> AuditEvent:
    """Append one event to the chain and return it.

    `actor` is a user or None (the system). `action` is namespaced:
    "<app>.<entity>.<verb>". Appends are serialised by locking the chain head
    row, so the chain stays one line under concurrent writers.
    """
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    actor_name = ""
    if actor_obj is not None:
        actor_name = (actor_obj.get_full_name() or actor_obj.get_username())[:150]
    fields = {
        "actor_id": actor_obj.pk if actor_obj else None,
        "actor_name": actor_name,
        "action": action,
        "object_type": object_label(obj) if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        "object_repr": (object_repr if object_repr is not None else (str(obj) if obj is not None else ""))[:200],
        "changes": _json_safe(diff(before, after)),
        "payload": _json_safe(payload or {}),
        "request_id": current_request_id()[:64],
    }
    with transaction.atomic():
        head = _lock_head()
        created_at = timezone.now()
        prev_hash = head.last_hash or GENESIS_HASH
        event = AuditEvent(created_at=created_at, prev_hash=prev_hash, **fields)
        event.hash = event_hash(prev_hash, hashed_fields(event))
        event.save(force_insert=True)
        head.last_event_id = event.pk
        head.last_hash = event.hash
        head.length += 1
        head.save(update_fields=["last_event_id", "last_hash", "length"])
        if obj is not None:
            from .. import search

            search.index_after_commit(fields["object_type"], obj.pk)
    return event


def history_for(obj):
    """The events of one object, newest first (a queryset: paginate it)."""
    return AuditEvent.objects.filter(object_type=object_label(obj), object_id=str(obj.pk)).order_by("-id")
