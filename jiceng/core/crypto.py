"""Personal data (PIPL): encrypted at rest, found by blind index, masked on screen, validated on input.

- `EncryptedTextField` stores Fernet ciphertext; the keys are derived with HKDF
  from settings.JICENG_FIELD_ENCRYPTION_KEY (a comma-separated list: the first
  key encrypts, every key decrypts, so keys can be rotated by prepending a new
  one and re-saving the rows). Without that setting the keys come from
  SECRET_KEY (and SECRET_KEY_FALLBACKS), which is fine on a laptop and wrong in
  production: rotating SECRET_KEY would make the data unreadable.
- `blind_index(value, purpose)` gives an HMAC of the normalised value, stored
  next to the ciphertext in its own column, for exact-match lookups without
  decrypting. During a key rotation look up with `blind_index_candidates`.
- `mask_phone`, `mask_id_number`, `mask_name` for display to roles that need
  to recognise a person without seeing the data.
- `validate_id_number`, `validate_mobile` (and their `normalize_*`) for forms
  and services; store the normalised form.

Settings are read on use, never at import time.
"""

import base64
import functools
import hashlib
import hmac
import re
import unicodedata

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as NumberError

_HKDF_SALT = b"jiceng"
_ENCRYPTION_INFO = b"jiceng.field-encryption.v1"
_BLIND_INDEX_INFO = b"jiceng.blind-index.v1"
_PURPOSE_RE = re.compile(r"^[a-z][a-z0-9_.]{0,49}$")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_MOBILE_SEPARATORS_RE = re.compile(r"[\s\-()]")
_ID_SEPARATORS_RE = re.compile(r"[\s\-]")
_MIN_HIDDEN = 4


class DecryptionError(RuntimeError):
    """A stored value cannot be decrypted with any configured key (a wrong or removed key, or altered data)."""


# --- keys ------------------------------------------------------------------------------------------------------

def _secrets() -> tuple[str, ...]:
    """The configured key materials, the encrypting one first."""
    raw = getattr(settings, "JICENG_FIELD_ENCRYPTION_KEY", "") or ""
    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    if keys:
        return keys
    return (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ()))


@functools.lru_cache(maxsize=32)
def _derive(secret: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT, info=info).derive(secret.encode("utf-8"))


@functools.lru_cache(maxsize=8)
def _multi_fernet(secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_derive(s, _ENCRYPTION_INFO))) for s in secrets])


def encrypt(value: str) -> str:
    """The Fernet token (ASCII text) of `value` under the first configured key."""
    return _multi_fernet(_secrets()).encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The plaintext of a token made by `encrypt` under any configured key; raises DecryptionError otherwise."""
    try:
        return _multi_fernet(_secrets()).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError(
            "A stored value cannot be decrypted: check JICENG_FIELD_ENCRYPTION_KEY (an old key may be missing)."
        ) from exc


class EncryptedTextField(models.TextField):
    """Text stored as Fernet ciphertext; reads give the plaintext back, the database column never holds it.

    Ciphertext is randomised, so the field supports no lookup but `isnull`:
    keep a `blind_index` column beside it for exact-match searches. The empty
    string is stored as is. `sensitive = True` makes the audit trail record
    "[encrypted]" instead of the value. Reading a row whose key is gone raises
    DecryptionError.
    """

    sensitive = True
    description = _("Encrypted text")

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self.unique or self.db_index or self.primary_key:
            errors.append(checks.Error(
                "EncryptedTextField cannot be unique, indexed or a primary key: its ciphertext is randomised.",
                hint="Index a blind_index() column next to it instead.",
                obj=self,
                id="jiceng.E101",
            ))
        return errors

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_lookup(self, lookup_name):
        # Any comparison with randomised ciphertext silently matches nothing: refuse it outright.
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        return None

    def get_transform(self, name):
        return None


# --- blind index -----------------------------------------------------------------------------------------------

def normalize_mobile(value: str | None) -> str:
    """A phone number as typed (full-width digits, spaces, dashes, +86) reduced to its digits."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    text = _MOBILE_SEPARATORS_RE.sub("", text)
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return text


def normalize_id_number(value: str | None) -> str:
    """An ID number as typed (full-width characters, spaces, a lower-case x) in its 18-character form."""
    return ric.compact(_ID_SEPARATORS_RE.sub("", unicodedata.normalize("NFKC", value or "")))


_NORMALIZERS = {"phone": normalize_mobile, "mobile": normalize_mobile, "id_number": normalize_id_number}


def normalize_for_index(value: str | None, purpose: str) -> str:
    """The form a value is indexed in: phones and ID numbers normalised, anything else NFKC with spaces trimmed."""
    normalizer = _NORMALIZERS.get(purpose)
    if normalizer is not None:
        return normalizer(value)
    return unicodedata.normalize("NFKC", value or "").strip()


def _blind_index_with(secret: str, value: str, purpose: str) -> str:
    key = _derive(secret, _BLIND_INDEX_INFO)
    message = purpose.encode("ascii") + b"\x00" + value.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _check_purpose(purpose: str) -> None:
    if not isinstance(purpose, str) or not _PURPOSE_RE.match(purpose):
        raise ValueError(f"blind index purpose must be a short lower-case name, not {purpose!r}")


def blind_index(value: str | None, purpose: str) -> str:
    """The HMAC-SHA256 (64 hex digits) of the normalised value, for exact-match lookups; "" for an empty value.

    `purpose` ("phone", "id_number", or any short lower-case name) separates
    the indexes of different fields, so equal values in different fields do not
    match. Raises ValueError for a malformed purpose.
    """
    _check_purpose(purpose)
    normalized = normalize_for_index(value, purpose)
    if not normalized:
        return ""
    return _blind_index_with(_secrets()[0], normalized, purpose)


def blind_index_candidates(value: str | None, purpose: str) -> list[str]:
    """The value's index under every configured key (the current one first), for `filter(<index>__in=...)`.

    While keys are being rotated, rows saved before the rotation still carry the
    old key's index; looking up with all candidates finds them too.
    """
    _check_purpose(purpose)
    normalized = normalize_for_index(value, purpose)
    if not normalized:
        return []
    return list(dict.fromkeys(_blind_index_with(secret, normalized, purpose) for secret in _secrets()))


# --- masks -----------------------------------------------------------------------------------------------------

def _mask(value: str | None, head: int, tail: int) -> str:
    text = (value or "").strip()
    length = len(text)
    if length < head + tail + _MIN_HIDDEN:
        # Too short to hide enough with that much shown: show at most a quarter at each end instead.
        head = tail = length // 4
    return text[:head] + "*" * (length - head - tail) + text[length - tail:]


def mask_phone(value: str | None) -> str:
    """"13812345678" → "138****5678"; shorter numbers keep less; None or "" → ""."""
    return _mask(value, 3, 4)


def mask_id_number(value: str | None) -> str:
    """"410106199001011234" → "410106********1234" (region code and last four kept); None or "" → ""."""
    return _mask(value, 6, 4)


def mask_name(value: str | None) -> str:
    """A person's name with all but its first and last character hidden: "张三丰" → "张*丰", "张三" → "张*"."""
    text = (value or "").strip()
    if len(text) <= 1:
        return "*" * len(text)
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


# --- validators ------------------------------------------------------------------------------------------------

def validate_mobile(value: str | None) -> None:
    """Accept an 11-digit mainland mobile number (separators and +86 allowed); raise ValidationError otherwise."""
    if not _MOBILE_RE.match(normalize_mobile(value)):
        raise ValidationError(_("Enter an 11-digit mainland China mobile number."), code="invalid_mobile")


def validate_id_number(value: str | None) -> None:
    """Accept an 18-character resident ID number with a valid region, birth date and check digit.

    Raises ValidationError with a message saying which part is wrong.
    """
    number = normalize_id_number(value)
    if len(number) != 18:
        raise ValidationError(_("A resident ID number has 18 characters."), code="id_number_length")
    if not number[:17].isascii() or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError(
            _("A resident ID number is 17 digits followed by a digit or X."), code="id_number_format")
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError(
            _("The check digit of this ID number is wrong; please check the number."), code="id_number_checksum")
    try:
        birth_date = ric.get_birth_date(number)
    except NumberError:
        birth_date = None
    if birth_date is None or birth_date > timezone.localdate():
        raise ValidationError(_("The birth date in this ID number is not valid."), code="id_number_birth_date")
    try:
        ric.get_birth_place(number)
    except NumberError:
        raise ValidationError(
            _("The region code in this ID number does not exist."), code="id_number_region") from None
