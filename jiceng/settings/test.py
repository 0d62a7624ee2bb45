"""The test suite: fast hashing, in-memory mail, the same database choice as DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, database_config

DEBUG = False
DATABASES = {"default": database_config("sqlite:///:memory:")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DATABASES["default"]["NAME"] == ":memory:":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
JICENG_FIELD_ENCRYPTION_KEY = "test-field-key-not-secret"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
