import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from jiceng.accounts.models import ApiToken
from jiceng.accounts.validators import character_classes
from jiceng.core.models import AuditEvent
from jiceng.org.tests.factories import PASSWORD, UserFactory


@pytest.fixture
def user(db):
    return UserFactory(username="zhangsan")


def _login(client, password, username="zhangsan"):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_the_login_page_is_in_chinese(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "登录" in html and "用户名" in html and "密码" in html


def test_a_right_password_signs_in_and_is_audited(client, user):
    assert _login(client, PASSWORD).status_code == 302
    assert AuditEvent.objects.filter(action="accounts.user.logged_in", object_id=str(user.pk)).exists()


def test_a_wrong_password_shows_a_chinese_message(client, user):
    html = _login(client, "wrong").content.decode()
    assert "用户名或密码错误" in html


def test_five_failures_lock_the_account_even_for_the_right_password(client, user, settings):
    settings.JICENG_LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        _login(client, "wrong")
    response = _login(client, PASSWORD)
    assert response.status_code == 200
    assert "锁定" in response.content.decode()
    assert AuditEvent.objects.filter(action="accounts.user.locked").count() == 1


def test_the_lock_ends_after_the_lock_period(client, user, settings):
    from datetime import timedelta

    from django.utils import timezone

    for _ in range(settings.JICENG_LOGIN_MAX_FAILURES):
        _login(client, "wrong")
    user.refresh_from_db()
    user.locked_until = timezone.now() - timedelta(seconds=1)
    user.save()
    from jiceng.accounts.models import LoginFailure

    LoginFailure.objects.update(created_at=timezone.now() - timedelta(hours=1))
    assert _login(client, PASSWORD).status_code == 302


def test_unknown_user_names_fail_like_wrong_passwords(client, db):
    assert "用户名或密码错误" in _login(client, "x", username="ghost").content.decode()


def test_the_token_endpoint_shares_the_lockout(client, user, settings):
    for _ in range(settings.JICENG_LOGIN_MAX_FAILURES):
        client.post("/api/auth/token/", {"username": "zhangsan", "password": "bad"}, content_type="application/json")
    response = client.post("/api/auth/token/", {"username": "zhangsan", "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "login_locked"


def test_tokens_are_stored_only_as_digests(client, user):
    token = client.post("/api/auth/token/", {"username": "zhangsan", "password": PASSWORD},
                        content_type="application/json").json()["token"]
    stored = ApiToken.objects.get(user=user)
    assert token not in (stored.digest, stored.prefix) and stored.digest != token


def test_a_deactivated_users_token_stops_working(client, user):
    from rest_framework.test import APIClient

    from jiceng.accounts import services

    token = services.api_token_issue(user=user)
    services.user_deactivate(actor=None, user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/org/divisions/").status_code == 401


@pytest.mark.parametrize(("password", "classes"), [
    ("abcdefgh", 1), ("abcdEFGH", 2), ("abcd1234", 2), ("abcD1234", 3), ("ab-D1234", 4), ("密码密码密码密码", 1),
])
def test_character_classes_are_counted(password, classes):
    assert character_classes(password) == classes


@pytest.mark.parametrize("password", ["short1A", "abcdefgh", "abcd1234", "ABCD-EFGH"])
def test_weak_passwords_are_refused_in_chinese(password, db):
    with pytest.raises(ValidationError) as info:
        password_validation.validate_password(password)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in " ".join(info.value.messages))


@pytest.mark.parametrize("password", ["Shangjie-2020", "jiceng-demo-2020", "Zq8#lmnop"])
def test_mlps_passwords_pass(password, db):
    password_validation.validate_password(password)


def test_an_idle_session_ends(client, user, settings):
    from jiceng.accounts.middleware import LAST_SEEN_KEY

    client.force_login(user)
    assert client.get("/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] -= settings.SESSION_COOKIE_AGE + 5
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_redirect_after_login_never_leaves_the_site(client, user):
    response = client.post("/accounts/login/?next=https://evil.example/", {"username": "zhangsan",
                                                                            "password": PASSWORD})
    assert response["Location"] == "/"
