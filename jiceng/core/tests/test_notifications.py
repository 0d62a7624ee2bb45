"""Notifications: in-app rows, e-mail, webhooks to a real local HTTP server, read receipts and the pages.

Webhooks are delivered to an http.server running in a thread on 127.0.0.1; a failing endpoint is a
server answering 500 or a port nobody listens on. Nothing of our own is mocked.
"""

import base64
import hashlib
import hmac
import json
import socket
import threading
import time
import urllib.parse
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jiceng.core import notifications
from jiceng.core.models import AuditEvent, Notification, WebhookEndpoint
from jiceng.org import services as org_services
from jiceng.org.choices import DivisionKind
from jiceng.org.tests.factories import XSS, UserFactory

pytestmark = pytest.mark.django_db

KIND = "ledger.report.returned"


# --- fixtures --------------------------------------------------------------------------------------------------

class RecordingServer:
    """A local HTTP server that records each POST (path, query, headers, JSON) and answers `status`/`answer`."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status = 200
        self.answer = {"errcode": 0, "errmsg": "ok"}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                parts = urllib.parse.urlsplit(self.path)
                server.requests.append({
                    "path": parts.path, "raw_query": parts.query, "query": urllib.parse.parse_qs(parts.query),
                    "content_type": self.headers.get("Content-Type"), "json": json.loads(raw.decode("utf-8")),
                })
                body = json.dumps(server.answer).encode("utf-8")
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path="/hook"):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"


@pytest.fixture
def webhook_server():
    server = RecordingServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
    server.thread.join(timeout=5)


@pytest.fixture
def closed_port():
    """A port on 127.0.0.1 that nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (and so the ImmediateBackend's tasks) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def make_endpoint(url, *, flavour=WebhookEndpoint.Flavour.JSON, **fields):
    endpoint = WebhookEndpoint(name=f"机器人{XSS}", flavour=flavour, url=url, **fields)
    endpoint.full_clean()
    endpoint.save()
    return endpoint


def make_target():
    return org_services.division_create(actor=None, name="测试区", kind=DivisionKind.DISTRICT)


def send(recipients, **kwargs):
    values = {"kind": KIND, "title": "月报已退回修改", "body": "请补充第三季度数据。", "url": "/ledger/reports/7/"}
    values.update(kwargs)
    return notifications.notify(recipients=recipients, **values)


# --- in-app rows and audit -------------------------------------------------------------------------------------

def test_notify_creates_one_unread_notification_per_recipient():
    alice, bob = UserFactory(), UserFactory()

    created = send([alice, bob])

    assert sorted(n.recipient_id for n in created) == sorted([alice.pk, bob.pk])
    rows = Notification.objects.filter(kind=KIND)
    assert rows.count() == 2
    assert all(row.read_at is None and row.title == "月报已退回修改" for row in rows)


def test_notify_gives_a_user_named_twice_one_notification():
    alice = UserFactory()

    send([alice, alice])

    assert Notification.objects.filter(recipient=alice).count() == 1


def test_notify_skips_inactive_users():
    alice, gone = UserFactory(), UserFactory(is_active=False)

    send([alice, gone])

    assert not Notification.objects.filter(recipient=gone).exists()


def test_notify_without_an_active_recipient_writes_nothing():
    gone = UserFactory(is_active=False)

    created = send([gone])

    assert created == []
    assert not AuditEvent.objects.filter(action="core.notification.sent").exists()


def test_notify_stores_the_target_it_is_about():
    division = make_target()

    (notification,) = send([UserFactory()], target=division)

    assert (notification.target_type, notification.target_id) == ("org.division", str(division.pk))


def test_notify_records_an_audit_event_with_kind_recipient_count_and_target():
    division = make_target()
    sender = UserFactory()

    send([UserFactory(), UserFactory()], target=division, actor=sender)

    event = AuditEvent.objects.get(action="core.notification.sent")
    assert event.payload == {"kind": KIND, "recipients": 2, "target": f"org.division:{division.pk}"}
    assert (event.object_type, event.object_id, event.actor_id) == ("org.division", str(division.pk), sender.pk)


def test_notify_refuses_an_unknown_level_and_writes_nothing():
    with pytest.raises(ValidationError) as caught:
        send([UserFactory()], level="apocalyptic")

    assert "level" in caught.value.message_dict
    assert not Notification.objects.exists()


def test_notify_refuses_an_empty_title():
    with pytest.raises(ValidationError) as caught:
        send([UserFactory()], title="  ")

    assert "title" in caught.value.message_dict


# --- e-mail ----------------------------------------------------------------------------------------------------

def test_email_goes_to_each_recipient_with_an_address_after_commit(after_commit):
    alice, bob = UserFactory(email="alice@example.cn"), UserFactory(email="bob@example.cn")

    with after_commit():
        send([alice, bob], email=True)

    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.cn", "bob@example.cn"]
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_emailed_at_is_set_for_mailed_notifications(after_commit):
    alice = UserFactory(email="alice@example.cn")

    with after_commit():
        (notification,) = send([alice], email=True)

    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_recipient_without_an_address_gets_no_mail(after_commit):
    nomail = UserFactory(email="")

    with after_commit():
        (notification,) = send([nomail], email=True)

    notification.refresh_from_db()
    assert mail.outbox == []
    assert notification.emailed_at is None


def test_no_mail_is_sent_unless_asked(after_commit):
    with after_commit():
        send([UserFactory(email="alice@example.cn")])

    assert mail.outbox == []


def test_the_mail_carries_the_title_in_its_subject_and_the_body_in_its_text(after_commit):
    with after_commit():
        send([UserFactory(email="alice@example.cn")], email=True)

    (message,) = mail.outbox
    assert "月报已退回修改" in message.subject
    assert "请补充第三季度数据。" in message.body


def test_the_mail_subject_stays_on_one_line_when_the_title_has_a_line_break(after_commit):
    with after_commit():
        send([UserFactory(email="alice@example.cn")], email=True, title="第一行\n第二行")

    (message,) = mail.outbox
    assert "\n" not in message.subject
    assert "第一行 第二行" in message.subject


def test_the_mail_links_to_the_notification_so_opening_it_records_the_receipt(after_commit, settings):
    settings.JICENG_SITE_URL = "https://jiceng.example.cn/"

    with after_commit():
        (notification,) = send([UserFactory(email="alice@example.cn")], email=True)

    (message,) = mail.outbox
    assert f"https://jiceng.example.cn/core/notifications/{notification.pk}/" in message.body


def test_an_unreachable_mail_server_leaves_emailed_at_empty_and_does_not_raise(after_commit, settings, closed_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2

    with after_commit():
        (notification,) = send([UserFactory(email="alice@example.cn")], email=True)

    notification.refresh_from_db()
    assert notification.emailed_at is None


def test_mailing_the_same_notifications_twice_mails_nobody_twice(after_commit):
    with after_commit():
        (notification,) = send([UserFactory(email="alice@example.cn")], email=True)

    sent_again = notifications.deliver_emails(notification_ids=[notification.pk])

    assert sent_again == 0
    assert len(mail.outbox) == 1


def test_nothing_leaves_the_machine_before_the_transaction_commits(django_capture_on_commit_callbacks,
                                                                   webhook_server):
    make_endpoint(webhook_server.url())

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send([UserFactory(email="alice@example.cn")], email=True)

    assert callbacks
    assert mail.outbox == []
    assert webhook_server.requests == []


# --- webhooks --------------------------------------------------------------------------------------------------

def test_a_wecom_robot_receives_a_markdown_message(after_commit, webhook_server, settings):
    settings.JICENG_SITE_URL = "https://jiceng.example.cn"
    make_endpoint(webhook_server.url("/cgi-bin/webhook/send?key=abc"), flavour=WebhookEndpoint.Flavour.WECOM)

    with after_commit():
        send([UserFactory()])

    (request,) = webhook_server.requests
    assert request["query"] == {"key": ["abc"]}
    assert request["content_type"] == "application/json; charset=utf-8"
    assert request["json"]["msgtype"] == "markdown"
    content = request["json"]["markdown"]["content"]
    assert content.startswith("**月报已退回修改**")
    assert "请补充第三季度数据。" in content
    assert "(https://jiceng.example.cn/ledger/reports/7/)" in content


def test_a_wecom_message_is_cut_to_the_robots_4096_byte_limit():
    message = {"kind": KIND, "title": "标题", "body": "长" * 5000, "url": "", "level": "info", "sent_at": ""}

    content = notifications.wecom_payload(message)["markdown"]["content"]

    assert len(content.encode("utf-8")) <= 4096


def test_a_dingtalk_robot_receives_a_markdown_message_with_title_and_text(after_commit, webhook_server):
    make_endpoint(webhook_server.url("/robot/send?access_token=tok"), flavour=WebhookEndpoint.Flavour.DINGTALK)

    with after_commit():
        send([UserFactory()])

    (request,) = webhook_server.requests
    assert request["json"]["msgtype"] == "markdown"
    assert request["json"]["markdown"]["title"] == "月报已退回修改"
    assert "请补充第三季度数据。" in request["json"]["markdown"]["text"]
    assert request["query"] == {"access_token": ["tok"]}


def test_a_dingtalk_robot_with_a_secret_gets_a_timestamp_and_a_sign_that_verify(after_commit, webhook_server):
    secret = "SEC0123456789abcdef+/="
    make_endpoint(webhook_server.url("/robot/send?access_token=tok"), flavour=WebhookEndpoint.Flavour.DINGTALK,
                  secret=secret)
    before_ms = int(time.time() * 1000)

    with after_commit():
        send([UserFactory()])

    (request,) = webhook_server.requests
    timestamp = request["query"]["timestamp"][0]
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()).decode()
    assert request["query"]["sign"] == [expected]
    assert f"sign={urllib.parse.quote_plus(expected)}" in request["raw_query"]
    assert request["query"]["access_token"] == ["tok"]
    assert before_ms - 1000 <= int(timestamp) <= int(time.time() * 1000) + 1000


def test_an_urgent_notification_says_so_in_the_robots_title():
    message = {"kind": KIND, "title": "逾期", "body": "", "url": "", "level": "urgent", "sent_at": ""}

    title = notifications.dingtalk_payload(message)["markdown"]["title"]

    assert title != "逾期"
    assert title.endswith("逾期")


def test_a_generic_endpoint_receives_kind_title_body_url_level_and_time(after_commit, webhook_server):
    make_endpoint(webhook_server.url())

    with after_commit():
        (notification,) = send([UserFactory()], level="reminder")

    (request,) = webhook_server.requests
    assert set(request["json"]) == {"kind", "title", "body", "url", "level", "sent_at"}
    assert request["json"]["kind"] == KIND
    assert request["json"]["title"] == "月报已退回修改"
    assert request["json"]["body"] == "请补充第三季度数据。"
    assert request["json"]["url"] == "/ledger/reports/7/"
    assert request["json"]["level"] == "reminder"
    assert datetime.fromisoformat(request["json"]["sent_at"]) == notification.created_at


def test_an_endpoint_that_lists_the_kind_receives_it(after_commit, webhook_server):
    make_endpoint(webhook_server.url(), kinds=[KIND, "other.kind"])

    with after_commit():
        send([UserFactory()])

    assert len(webhook_server.requests) == 1


def test_an_endpoint_that_lists_other_kinds_receives_nothing(after_commit, webhook_server):
    make_endpoint(webhook_server.url(), kinds=["bulletin.issue.published"])

    with after_commit():
        send([UserFactory()])

    assert webhook_server.requests == []


def test_an_inactive_endpoint_receives_nothing(after_commit, webhook_server):
    make_endpoint(webhook_server.url(), is_active=False)

    with after_commit():
        send([UserFactory()])

    assert webhook_server.requests == []


def test_an_owned_endpoint_receives_only_notifications_that_name_its_owner(after_commit, webhook_server):
    division, other = make_target(), make_target()
    make_endpoint(webhook_server.url("/mine"), owner_type="org.division", owner_id=str(division.pk))

    with after_commit():
        send([UserFactory()], webhook_owners=[other])
        send([UserFactory()], webhook_owners=[division])

    assert [request["path"] for request in webhook_server.requests] == ["/mine"]


def test_an_endpoint_answering_500_does_not_break_notify_and_the_failure_is_recorded(after_commit, webhook_server):
    webhook_server.status = 500
    endpoint = make_endpoint(webhook_server.url())

    with after_commit():
        created = send([UserFactory()])

    endpoint.refresh_from_db()
    assert Notification.objects.filter(pk=created[0].pk).exists()
    assert (endpoint.last_status_code, endpoint.failure_count, endpoint.last_success_at) == (500, 1, None)
    assert "500" in endpoint.last_error


def test_a_closed_port_does_not_break_the_callers_transaction(after_commit, closed_port):
    endpoint = make_endpoint(f"http://127.0.0.1:{closed_port}/hook")

    with after_commit():
        with transaction.atomic():
            send([UserFactory()])
            later = UserFactory()

    endpoint.refresh_from_db()
    assert Notification.objects.count() == 1
    assert type(later).objects.filter(pk=later.pk).exists()
    assert endpoint.failure_count == 1
    assert endpoint.last_status_code is None
    assert endpoint.last_error


def test_a_failing_endpoint_does_not_stop_the_others(after_commit, webhook_server, closed_port):
    make_endpoint(f"http://127.0.0.1:{closed_port}/hook")
    make_endpoint(webhook_server.url())

    with after_commit():
        send([UserFactory()])

    assert len(webhook_server.requests) == 1


def test_a_robot_errcode_in_a_200_answer_counts_as_a_failure(after_commit, webhook_server):
    webhook_server.answer = {"errcode": 310000, "errmsg": "sign not match"}
    endpoint = make_endpoint(webhook_server.url(), flavour=WebhookEndpoint.Flavour.DINGTALK)

    with after_commit():
        send([UserFactory()])

    endpoint.refresh_from_db()
    assert endpoint.failure_count == 1
    assert "310000" in endpoint.last_error


def test_a_successful_delivery_clears_the_failure_record(after_commit, webhook_server):
    endpoint = make_endpoint(webhook_server.url())
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failure_count=3, last_error="HTTP 500")

    with after_commit():
        send([UserFactory()])

    endpoint.refresh_from_db()
    assert (endpoint.failure_count, endpoint.last_error, endpoint.last_status_code) == (0, "", 200)
    assert endpoint.last_success_at is not None


def test_the_access_token_of_a_failing_robot_stays_out_of_the_log(after_commit, closed_port, caplog):
    make_endpoint(f"http://127.0.0.1:{closed_port}/send?access_token=SECRET-TOKEN")

    with after_commit():
        send([UserFactory()])

    assert "webhook" in caplog.text
    assert "SECRET-TOKEN" not in caplog.text


def test_a_webhook_with_a_file_url_is_refused():
    endpoint = WebhookEndpoint(name="本地文件", flavour=WebhookEndpoint.Flavour.JSON, url="file:///etc/passwd")

    with pytest.raises(ValidationError) as caught:
        endpoint.full_clean()

    assert "url" in caught.value.message_dict


def test_a_webhook_with_an_ftp_url_is_refused():
    endpoint = WebhookEndpoint(name="ftp", flavour=WebhookEndpoint.Flavour.JSON, url="ftp://example.cn/hook")

    with pytest.raises(ValidationError) as caught:
        endpoint.full_clean()

    assert "url" in caught.value.message_dict


def test_webhook_kinds_must_be_a_list_of_text():
    endpoint = WebhookEndpoint(name="坏", flavour=WebhookEndpoint.Flavour.JSON, url="https://example.cn/hook",
                               kinds="ledger.report.returned")

    with pytest.raises(ValidationError) as caught:
        endpoint.full_clean()

    assert "kinds" in caught.value.message_dict


def test_a_file_url_stored_without_validation_is_never_opened():
    endpoint = WebhookEndpoint.objects.create(name="绕过", flavour=WebhookEndpoint.Flavour.JSON,
                                              url="file:///etc/passwd")
    message = {"kind": KIND, "title": "t", "body": "", "url": "", "level": "info", "sent_at": ""}

    outcome = notifications.deliver_webhook(endpoint_id=endpoint.pk, message=message)

    endpoint.refresh_from_db()
    assert outcome["ok"] is False
    assert endpoint.failure_count == 1
    assert "refused" in endpoint.last_error


# --- read receipts ---------------------------------------------------------------------------------------------

def test_unread_recipients_lists_who_has_not_opened_the_notice():
    division = make_target()
    reader, slacker = UserFactory(), UserFactory()
    created = send([reader, slacker], target=division)
    mine = next(n for n in created if n.recipient_id == reader.pk)

    notifications.mark_read(actor=reader, notification=mine)

    assert list(notifications.unread_recipients(target=division)) == [slacker]


def test_unread_recipients_can_be_limited_to_one_kind():
    division = make_target()
    alice, bob = UserFactory(), UserFactory()
    send([alice], target=division, kind="ledger.report.returned")
    send([bob], target=division, kind="ledger.report.overdue")

    assert list(notifications.unread_recipients(target=division, kind="ledger.report.overdue")) == [bob]


def test_unread_recipients_ignores_notices_about_other_objects():
    division, other = make_target(), make_target()
    send([UserFactory()], target=other)

    assert list(notifications.unread_recipients(target=division)) == []


def test_mark_read_by_someone_other_than_the_recipient_is_refused():
    from jiceng.core.errors import PermissionDenied

    (notification,) = send([UserFactory()])

    with pytest.raises(PermissionDenied):
        notifications.mark_read(actor=UserFactory(), notification=notification)


def test_mark_read_keeps_the_time_of_the_first_opening():
    alice = UserFactory()
    (notification,) = send([alice])
    first = notifications.mark_read(actor=alice, notification=notification).read_at

    notification.refresh_from_db()
    notifications.mark_read(actor=alice, notification=notification)

    notification.refresh_from_db()
    assert notification.read_at == first


def test_mark_all_read_marks_only_the_actors_notifications():
    alice, bob = UserFactory(), UserFactory()
    send([alice, bob])
    send([alice])

    count = notifications.mark_all_read(actor=alice)

    assert count == 2
    assert Notification.objects.filter(recipient=bob, read_at__isnull=True).count() == 1


# --- pages -----------------------------------------------------------------------------------------------------

def test_opening_a_notification_marks_it_read_and_follows_its_link(client):
    alice = UserFactory()
    (notification,) = send([alice], url="/ledger/reports/7/")
    client.force_login(alice)

    response = client.get(reverse("core:notification_open", args=[notification.pk]))

    notification.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/ledger/reports/7/"
    assert notification.read_at is not None


def test_opening_a_notification_with_an_outside_link_stays_on_the_site(client):
    alice = UserFactory()
    (notification,) = send([alice], url="https://evil.example.com/")
    client.force_login(alice)

    response = client.get(reverse("core:notification_open", args=[notification.pk]))

    assert response["Location"] == reverse("core:notifications")


def test_opening_another_users_notification_answers_404_and_leaves_it_unread(client):
    (notification,) = send([UserFactory()])
    client.force_login(UserFactory())

    response = client.get(reverse("core:notification_open", args=[notification.pk]))

    notification.refresh_from_db()
    assert response.status_code == 404
    assert notification.read_at is None


def test_the_list_shows_the_empty_state_when_there_is_nothing(client):
    client.force_login(UserFactory())

    response = client.get(reverse("core:notifications"))

    assert response.status_code == 200
    assert 'data-testid="empty-state"' in response.content.decode()


def test_the_list_shows_only_the_users_own_notifications(client):
    alice = UserFactory()
    send([alice], title="给我的")
    send([UserFactory()], title="给别人的")
    client.force_login(alice)

    content = client.get(reverse("core:notifications")).content.decode()

    assert "给我的" in content
    assert "给别人的" not in content


def test_the_list_escapes_markup_in_titles(client):
    alice = UserFactory()
    send([alice], title=f"标题{XSS}")
    client.force_login(alice)

    content = client.get(reverse("core:notifications")).content.decode()

    assert XSS not in content
    assert "&lt;script&gt;" in content


def test_the_list_runs_a_constant_number_of_queries_whatever_the_count(client, django_assert_max_num_queries):
    alice = UserFactory()
    send([alice], level="urgent")
    client.force_login(alice)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("core:notifications"))
    for number in range(40):
        send([alice], title=f"通知{number}", level=["info", "reminder", "urgent"][number % 3])

    with django_assert_max_num_queries(len(one)):
        response = client.get(reverse("core:notifications"))

    assert response.status_code == 200


def test_the_list_is_paginated_thirty_to_a_page(client):
    alice = UserFactory()
    for number in range(31):
        send([alice], title=f"通知{number:02d}")
    client.force_login(alice)

    first = client.get(reverse("core:notifications"))
    second = client.get(reverse("core:notifications"), {"page": 2})

    assert len(first.context["page_obj"].object_list) == 30
    assert [n.title for n in second.context["page_obj"].object_list] == ["通知00"]


def test_read_all_marks_everything_read_and_returns_to_the_list(client):
    alice = UserFactory()
    send([alice])
    send([alice])
    client.force_login(alice)

    response = client.post(reverse("core:notifications_read_all"))

    assert response["Location"] == reverse("core:notifications")
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()


def test_read_all_refuses_a_get(client):
    client.force_login(UserFactory())

    response = client.get(reverse("core:notifications_read_all"))

    assert response.status_code == 405


def test_the_list_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(reverse("core:notifications"))

    assert response.status_code == 302
