"""Notifications: in the app, by e-mail, and by webhook (WeCom / DingTalk robots, or any JSON endpoint).

    from jiceng.core import notifications
    notifications.notify(actor=request.user, recipients=[reporter], kind="ledger.report.returned",
                         title="月报已退回修改", url=report.get_absolute_url(), target=report, email=True)

`notify` writes the in-app rows and one audit event in a single transaction. E-mail and webhooks
leave this machine, so they are queued as django-tasks only once that transaction has committed:
a rolled-back change never mails anyone, and a slow or broken robot never holds a database
transaction open nor fails the caller's change.

Delivery outcomes: each webhook endpoint keeps the outcome of its latest delivery (`last_attempt_at`,
`last_success_at`, `last_status_code`, `last_error`, `failure_count`) and every failure is logged
(logger "jiceng.core.notifications") with the address stripped of its query string, where robots
carry their access token. We chose that over a table with one row per delivery: what an operator
needs is "this robot has been failing since Tuesday, HTTP 500", visible on the endpoint itself,
whereas a per-delivery table would grow by notifications x endpoints with nobody reading it and no
retention rule. E-mail outcomes are the `emailed_at` of each notification (set once the mail was
accepted by the mail server) plus a log line for each failure.

Read receipts: `mark_read` is called when the recipient opens a notification (the notification_open
view), and `unread_recipients` tells a sender who has not opened a notice about a given object yet.
"""

import base64
import hashlib
import hmac
import http.client
import json
import logging
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import BadHeaderError, get_connection, send_mail
from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import audit
from .audit.service import object_label
from .errors import PermissionDenied
from .models import Notification, WebhookEndpoint

logger = logging.getLogger(__name__)

WEBHOOK_TIMEOUT_SECONDS = 5
WEBHOOK_SCHEMES = ("http", "https")
WEBHOOK_RESPONSE_LIMIT = 64 * 1024
WECOM_MARKDOWN_LIMIT = 4096  # bytes of UTF-8, WeCom's limit for markdown.content
DINGTALK_MARKDOWN_LIMIT = 20000  # bytes of UTF-8, DingTalk's limit for a robot message
NOTIFICATION_FIELDS = ["kind", "level", "title", "body", "url", "target_type", "target_id"]


# --- sending ---------------------------------------------------------------------------------------------------

def notify(*, recipients, kind: str, title: str, body: str = "", url: str = "", target=None, level: str = "info",
           email: bool = False, actor=None, webhook_owners: Iterable[models.Model] = ()) -> list[Notification]:
    """Notify users in the app and, after the transaction commits, by e-mail and by webhook.

    `recipients` is an iterable of users; duplicates and inactive users are dropped, and nothing at all
    (no row, no audit event, no e-mail, no webhook) happens when no active recipient is left. `target` is
    the object the notification is about (its history shows the event, `unread_recipients` reads the
    receipts). With `email`, each recipient who has an address gets a mail. Webhook endpoints receive the
    notification when they are active, list the kind (or no kind at all), and either have no owner or
    have one of `webhook_owners` as their owner, so one unit's robot never hears another unit's news.
    `actor` is the user sending it (None: the system, such as the deadline engine).

    Returns the notifications created, one per recipient. Raises django.core.exceptions.ValidationError
    when kind, title, level or url are invalid (nothing is written then). Delivery failures are recorded,
    never raised.
    """
    users = _active_recipients(recipients)
    target_type, target_id = (object_label(target), str(target.pk)) if target is not None else ("", "")
    prototype = Notification(kind=(kind or "").strip(), level=level, title=(title or "").strip(), body=body or "",
                             url=(url or "").strip(), target_type=target_type, target_id=target_id)
    prototype.full_clean(exclude=["recipient"])
    if not users:
        return []
    values = {field: getattr(prototype, field) for field in NOTIFICATION_FIELDS}
    with transaction.atomic():
        created = Notification.objects.bulk_create([Notification(recipient=user, **values) for user in users])
        audit.record(actor=actor, action="core.notification.sent", obj=target,
                     object_repr=None if target is not None else prototype.title,
                     payload={"kind": prototype.kind, "recipients": len(created),
                              "target": f"{target_type}:{target_id}" if target is not None else ""})
        sent_at = timezone.localtime(created[0].created_at or timezone.now())
        message = {**{field: values[field] for field in ("kind", "title", "body", "url", "level")},
                   "sent_at": sent_at.isoformat()}
        email_ids = [n.pk for n, user in zip(created, users, strict=True) if email and user.email]
        owners = sorted({(object_label(owner), str(owner.pk)) for owner in webhook_owners})

        def enqueue_deliveries():
            _enqueue_deliveries(email_ids=email_ids, message=message, owners=owners)

        transaction.on_commit(enqueue_deliveries, robust=True)
    return created


def _active_recipients(recipients) -> list:
    """The active users among `recipients`, each once, in a stable order (one query)."""
    ids = {user.pk for user in recipients if user is not None and user.pk is not None}
    if not ids:
        return []
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def _enqueue_deliveries(*, email_ids: list[int], message: dict, owners: list[tuple[str, str]]) -> None:
    """Queue the e-mail task and one webhook task per matching endpoint (runs after commit)."""
    from . import tasks

    if email_ids:
        tasks.send_notification_emails.enqueue(notification_ids=email_ids)
    for endpoint_id in webhook_endpoints_for(kind=message["kind"], owners=owners):
        tasks.deliver_webhook.enqueue(endpoint_id=endpoint_id, message=message)


def webhook_endpoints_for(*, kind: str, owners: Iterable[tuple[str, str]] = ()) -> list[int]:
    """Ids of the active endpoints that want `kind`: no owner, or an owner among `owners` ((type, id) pairs).

    `kinds` is filtered in Python: JSON containment has no SQLite path, and endpoints are few.
    """
    wanted_owners = {(owner_type, str(owner_id)) for owner_type, owner_id in owners}
    endpoints = WebhookEndpoint.objects.filter(is_active=True).only("id", "kinds", "owner_type", "owner_id")
    return [
        endpoint.pk for endpoint in endpoints
        if endpoint.accepts(kind)
        and (not endpoint.owner_type or (endpoint.owner_type, endpoint.owner_id) in wanted_owners)
    ]


# --- e-mail ----------------------------------------------------------------------------------------------------

def _site_url() -> str:
    """The public address of the site (setting JICENG_SITE_URL), without a trailing slash; "" when unknown."""
    return (getattr(settings, "JICENG_SITE_URL", "") or "").rstrip("/")


def absolute_url(url: str) -> str:
    """`url` made absolute with JICENG_SITE_URL when it is a path; "" when it cannot be made absolute."""
    if not url:
        return ""
    if urllib.parse.urlsplit(url).scheme in WEBHOOK_SCHEMES:
        return url
    site = _site_url()
    return f"{site}{url}" if site and url.startswith("/") else ""


def email_subject(notification: Notification) -> str:
    """The subject line: the title with the platform's name, on one line (mail headers allow no line breaks)."""
    title = " ".join(notification.title.split())
    return _("[Jiceng] %(title)s") % {"title": title}


def email_body(notification: Notification) -> str:
    """The plain-text mail: greeting, body, a link that also records the read receipt, and a no-reply line."""
    recipient = notification.recipient
    lines = [_("Dear %(name)s,") % {"name": recipient.get_full_name() or recipient.get_username()}, "",
             notification.title]
    if notification.body:
        lines += ["", notification.body]
    link = absolute_url(reverse("core:notification_open", args=[notification.pk]))
    lines += ["", _("Open it here: %(url)s") % {"url": link} if link else _("Sign in to Jiceng to read it.")]
    lines += ["", _("This message was sent automatically by Jiceng; please do not reply.")]
    return "\n".join(lines)


def deliver_emails(*, notification_ids: list[int]) -> int:
    """Mail each of these notifications to its recipient and set `emailed_at`; returns how many were sent.

    Already mailed notifications, inactive recipients and recipients without an address are skipped, so
    running it twice mails nobody twice. A mail server that refuses or cannot be reached is logged and
    leaves `emailed_at` empty; nothing is raised.
    """
    rows = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True, recipient__is_active=True)
        .exclude(recipient__email="").select_related("recipient").order_by("pk")
    )
    if not rows:
        return 0
    sent = 0
    connection = get_connection()
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as exc:
        logger.warning("notification e-mail: cannot reach the mail server (%s: %s); %d mails not sent",
                       type(exc).__name__, exc, len(rows))
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            for notification in rows:
                try:
                    send_mail(email_subject(notification), email_body(notification), None,
                              [notification.recipient.email], connection=connection)
                except (OSError, smtplib.SMTPException, BadHeaderError) as exc:
                    logger.warning("notification e-mail %s to user %s failed (%s: %s)", notification.pk,
                                   notification.recipient_id, type(exc).__name__, exc)
                    continue
                Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
                sent += 1
    finally:
        connection.close()
    return sent


# --- webhooks --------------------------------------------------------------------------------------------------

def _truncate_utf8(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never in the middle of a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[: limit - 3].decode("utf-8", errors="ignore") + "…"


def _headline(message: dict) -> str:
    """The title, prefixed with the level for reminders and urgent notifications."""
    level = message.get("level") or Notification.Level.INFO
    if level == Notification.Level.INFO or level not in Notification.Level.values:
        return message["title"]
    return _("[%(level)s] %(title)s") % {"level": Notification.Level(level).label, "title": message["title"]}


def _markdown_lines(message: dict) -> list[str]:
    lines = []
    if message.get("body"):
        lines += ["", message["body"]]
    link = absolute_url(message.get("url", ""))
    if link:
        lines += ["", f"[{_('Details')}]({link})"]
    return lines


def wecom_payload(message: dict) -> dict:
    """A WeCom (企业微信) group robot markdown message."""
    content = "\n".join([f"**{_headline(message)}**", *_markdown_lines(message)])
    return {"msgtype": "markdown", "markdown": {"content": _truncate_utf8(content, WECOM_MARKDOWN_LIMIT)}}


def dingtalk_payload(message: dict) -> dict:
    """A DingTalk (钉钉) group robot markdown message; `title` is what the conversation list shows."""
    headline = _headline(message)
    text = "\n".join([f"#### {headline}", *_markdown_lines(message)])
    return {"msgtype": "markdown",
            "markdown": {"title": headline, "text": _truncate_utf8(text, DINGTALK_MARKDOWN_LIMIT)}}


def generic_payload(message: dict) -> dict:
    """The plain JSON form for any other endpoint: kind, title, body, url (absolute when known), level, sent_at."""
    return {"kind": message["kind"], "title": message["title"], "body": message.get("body", ""),
            "url": absolute_url(message.get("url", "")) or message.get("url", ""),
            "level": message.get("level", Notification.Level.INFO), "sent_at": message["sent_at"]}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature: base64(HMAC-SHA256(secret, "<timestamp>\\n<secret>")), before URL-encoding."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def dingtalk_signed_url(url: str, secret: str, timestamp_ms: int) -> str:
    """`url` with DingTalk's `timestamp` and `sign` query parameters added (the sign URL-encoded)."""
    parts = urllib.parse.urlsplit(url)
    extra = urllib.parse.urlencode({"timestamp": str(timestamp_ms), "sign": dingtalk_sign(secret, timestamp_ms)})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


PAYLOAD_BUILDERS = {
    WebhookEndpoint.Flavour.WECOM: wecom_payload,
    WebhookEndpoint.Flavour.DINGTALK: dingtalk_payload,
    WebhookEndpoint.Flavour.JSON: generic_payload,
}


def _redacted(url: str) -> str:
    """The address without its query string (robots carry their access token there), for logs and records."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(query="", fragment=""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Robots answer directly; a redirect (possibly to another scheme or host) is a failure, not followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _post_json(url: str, payload: dict) -> tuple[int, bytes]:
    """POST `payload` as UTF-8 JSON; returns (status, first bytes of the answer). Raises on any failure."""
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - the scheme was checked against WEBHOOK_SCHEMES
        url, data=data, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "jiceng-notifications"},
    )
    opener = urllib.request.build_opener(_NoRedirect)
    with opener.open(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
        return response.status, response.read(WEBHOOK_RESPONSE_LIMIT)


def _robot_error(answer: bytes) -> str:
    """The error a WeCom / DingTalk robot reports in a 200 answer ({"errcode": non-zero}), or ""."""
    try:
        data = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    if isinstance(data, dict) and data.get("errcode") not in (None, 0, "0"):
        return f"errcode {data.get('errcode')}: {data.get('errmsg', '')}"
    return ""


def deliver_webhook(*, endpoint_id: int, message: dict, now: datetime | None = None) -> dict:
    """POST one notification to one endpoint in its flavour's format and record the outcome on the endpoint.

    Returns {"ok": bool, "status": HTTP status or None, "error": text}. Never raises for a delivery
    failure (refused scheme, connection refused, timeout, HTTP error, a robot's errcode): it is logged
    and recorded in `last_error` / `failure_count`. A missing or deactivated endpoint is skipped.
    """
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, is_active=True).first()
    if endpoint is None:
        return {"ok": False, "status": None, "error": "endpoint missing or inactive"}
    now = now or timezone.now()
    status, error = None, ""
    if urllib.parse.urlsplit(endpoint.url).scheme.lower() not in WEBHOOK_SCHEMES:
        error = "refused: only http and https addresses are allowed"
    else:
        with translation.override(settings.LANGUAGE_CODE):
            payload = PAYLOAD_BUILDERS.get(endpoint.flavour, generic_payload)(message)
        url = endpoint.url
        if endpoint.flavour == WebhookEndpoint.Flavour.DINGTALK and endpoint.secret:
            url = dingtalk_signed_url(url, endpoint.secret, int(now.timestamp() * 1000))
        try:
            status, answer = _post_json(url, payload)
            error = _robot_error(answer)
        except urllib.error.HTTPError as exc:
            status, error = exc.code, f"HTTP {exc.code} {exc.reason}"
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
    _record_delivery(endpoint.pk, now=now, status=status, error=error)
    if error:
        logger.warning("webhook %s (%s, %s) failed for %s: %s", endpoint.pk, endpoint.name,
                       _redacted(endpoint.url), message.get("kind"), error)
    return {"ok": not error, "status": status, "error": error}


def _record_delivery(endpoint_id: int, *, now: datetime, status: int | None, error: str) -> None:
    """Keep the latest outcome on the endpoint (an UPDATE, so concurrent deliveries never overwrite its settings)."""
    endpoints = WebhookEndpoint.objects.filter(pk=endpoint_id)
    if error:
        endpoints.update(last_attempt_at=now, last_status_code=status, last_error=error[:500],
                         failure_count=F("failure_count") + 1)
    else:
        endpoints.update(last_attempt_at=now, last_success_at=now, last_status_code=status, last_error="",
                         failure_count=0)


# --- read receipts ---------------------------------------------------------------------------------------------

def mark_read(*, actor, notification: Notification) -> Notification:
    """Record that the recipient opened the notification (the first time only: the receipt keeps its time).

    Raises PermissionDenied when `actor` is not the recipient: only opening it oneself counts as reading.
    """
    if actor is None or notification.recipient_id != actor.pk:
        raise PermissionDenied()
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now, updated_at=now)
        notification.read_at = notification.updated_at = now
    return notification


def mark_all_read(*, actor) -> int:
    """Mark every unread notification of `actor` read; returns how many were."""
    now = timezone.now()
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=now, updated_at=now)


def unread_recipients(*, target, kind: str | None = None):
    """The users who were notified about `target` (of `kind`, if given) and have not opened it yet.

    A user with several such notifications counts as unread while any of them is unread. Returns a user
    queryset (one query, ordered by username). The caller decides whether the asking user may see
    `target`; core knows no scope.
    """
    notified = Notification.objects.filter(target_type=object_label(target), target_id=str(target.pk),
                                           read_at__isnull=True)
    if kind is not None:
        notified = notified.filter(kind=kind)
    return get_user_model().objects.filter(pk__in=notified.values("recipient_id")).order_by("username", "pk")
