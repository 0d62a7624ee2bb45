"""Protection of the public intake page without any third-party service.

- a challenge: a small sum to answer, signed with the site's key together with the time it was shown and a
  one-time nonce (a form filled faster than a person can, or replayed, or altered, is refused);
- a honeypot field that people never see and scripts fill in;
- rate limits per client address (per hour) and per campaign and address (per minute), in the cache.
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

from jiceng.core.errors import DomainError

SALT = "jiceng.ideas.intake"
MIN_SECONDS = 3
MAX_SECONDS = 2 * 3600


class IntakeRefused(DomainError):
    code = "intake_refused"
    status = 400


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def new_challenge(campaign_code: str) -> Challenge:
    """A sum of two small numbers, in Chinese words, and its signed token."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"c": campaign_code, "a": a, "b": b, "t": time.time(), "n": secrets.token_hex(8)},
                          salt=SALT)
    return Challenge(question=_("What is %(a)s plus %(b)s?") % {"a": a, "b": b}, token=token)


def check_challenge(*, campaign_code: str, token: str, answer: str, honeypot: str, now: float | None = None):
    """Raise IntakeRefused unless the answer is right, the form was shown to a person long enough ago (and not
    too long), the token belongs to this campaign, was not altered and was not used before."""
    now = now or time.time()
    if honeypot:
        raise IntakeRefused(_("The form could not be accepted. Please reload the page and try again."))
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_SECONDS)
    except signing.SignatureExpired as error:
        raise IntakeRefused(_("The page was open too long. Please reload it and try again.")) from error
    except signing.BadSignature as error:
        raise IntakeRefused(_("The form could not be accepted. Please reload the page and try again.")) from error
    if data.get("c") != campaign_code:
        raise IntakeRefused(_("The form could not be accepted. Please reload the page and try again."))
    if now - float(data.get("t", 0)) < MIN_SECONDS:
        raise IntakeRefused(_("That was very fast. Please check your suggestion and send it again."))
    if str(answer).strip() != str(int(data["a"]) + int(data["b"])):
        raise IntakeRefused(_("The answer to the sum is not right."), field="answer")
    if not cache.add(f"ideas:nonce:{data['n']}", 1, MAX_SECONDS):
        raise IntakeRefused(_("This form was already sent. Please reload the page to send another suggestion."))


def check_rate(*, client: str | None, campaign_code: str) -> None:
    """Raise RateLimited when an address sends too much (settings JICENG_IDEAS_RATE: per hour, per minute)."""
    per_hour, per_minute = getattr(settings, "JICENG_IDEAS_RATE", (20, 3))
    key = client or "unknown"
    for name, limit, window in ((f"ideas:rate:h:{key}", per_hour, 3600),
                                (f"ideas:rate:m:{campaign_code}:{key}", per_minute, 60)):
        cache.add(name, 0, window)
        try:
            count = cache.incr(name)
        except ValueError:
            cache.set(name, 1, window)
            count = 1
        if count > limit:
            raise RateLimited(_("Too many suggestions from this network just now. Please try again later."))
