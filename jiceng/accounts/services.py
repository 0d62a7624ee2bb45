"""Sign-in with lockout, API tokens, passwords: every account change goes through here and is audited."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiceng.core import audit
from jiceng.core.errors import DomainError

from .models import ApiToken, LoginFailure, hash_token


class LoginLocked(DomainError):
    code = "login_locked"
    status = 403
    default_message = _("Too many failed sign-ins. The account is locked for a while; try again later.")


class LoginFailed(DomainError):
    code = "login_failed"
    status = 400
    default_message = _("The user name or password is wrong.")


def _recent_failures(*, username: str, ip_address: str | None):
    since = timezone.now() - timedelta(seconds=settings.JICENG_LOGIN_FAILURE_WINDOW_SECONDS)
    by_user = LoginFailure.objects.filter(username__iexact=username, created_at__gte=since).count()
    by_ip = LoginFailure.objects.filter(ip_address=ip_address, created_at__gte=since).count() if ip_address else 0
    return by_user, by_ip


def is_locked(*, username: str, ip_address: str | None) -> bool:
    user = get_user_model().objects.filter(username__iexact=username).first()
    if user is not None and user.locked_until and user.locked_until > timezone.now():
        return True
    _by_user, by_ip = _recent_failures(username=username, ip_address=ip_address)
    # A client address that keeps failing across many names is stopped too (password spraying).
    return by_ip >= settings.JICENG_LOGIN_MAX_FAILURES * 4


def login_attempt(*, username: str, password: str, ip_address: str | None, request=None):
    """Check a user name and password with lockout; returns the user or raises LoginLocked / LoginFailed.

    After JICENG_LOGIN_MAX_FAILURES failures within the window the account is
    locked for JICENG_LOGIN_LOCK_SECONDS, even for the right password.
    """
    username = (username or "").strip()[:150]
    if is_locked(username=username, ip_address=ip_address):
        raise LoginLocked()
    user = authenticate(request, username=username, password=password)
    if user is None:
        locked = False
        with transaction.atomic():
            LoginFailure.objects.create(username=username, ip_address=ip_address)
            by_user, _by_ip = _recent_failures(username=username, ip_address=ip_address)
            target = get_user_model().objects.filter(username__iexact=username).first()
            if target is not None and by_user >= settings.JICENG_LOGIN_MAX_FAILURES:
                target.locked_until = timezone.now() + timedelta(seconds=settings.JICENG_LOGIN_LOCK_SECONDS)
                target.save(update_fields=["locked_until"])
                audit.record(actor=None, action="accounts.user.locked", obj=target,
                             payload={"failures": by_user, "ip": ip_address})
                locked = True
        raise LoginLocked() if locked else LoginFailed()
    with transaction.atomic():
        LoginFailure.objects.filter(username__iexact=username).delete()
        if user.locked_until:
            user.locked_until = None
            user.save(update_fields=["locked_until"])
        audit.record(actor=user, action="accounts.user.logged_in", obj=user, payload={"ip": ip_address})
    return user


def api_token_issue(*, user) -> str:
    """Create an API token for the user and return it in clear; only its digest is kept."""
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, digest=hash_token(raw), prefix=raw[:8])
        audit.record(actor=user, action="accounts.api_token.issued", obj=user, payload={"prefix": token.prefix})
    return raw


def api_token_revoke(*, actor, token: ApiToken) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor, action="accounts.api_token.revoked", obj=token.user, payload={"prefix": token.prefix})


def user_create(*, actor, username: str, password: str, display_name: str = "", email: str = "",
                is_superuser: bool = False):
    """Create a staff user; the password must pass the MLPS rules (raises django ValidationError)."""
    User = get_user_model()
    user = User(username=username, display_name=display_name, email=email, is_superuser=is_superuser,
                is_staff=is_superuser)
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.full_clean()
    with transaction.atomic():
        user.save()
        audit.record(actor=actor, action="accounts.user.created", obj=user, after=audit.snapshot(
            user, ["username", "display_name", "email", "is_superuser", "is_active"]))
    return user


def password_change(*, actor, user, new_password: str) -> None:
    password_validation.validate_password(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "password_changed_at"])
        audit.record(actor=actor, action="accounts.user.password_changed", obj=user)


def user_deactivate(*, actor, user) -> None:
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        audit.record(actor=actor, action="accounts.user.deactivated", obj=user,
                     before={"is_active": True}, after={"is_active": False})
