"""Settings shared by every environment.

Everything that differs between machines comes from environment variables, so
that the same code runs on a laptop (SQLite, local files, in-process tasks) and
on a district's servers (PostgreSQL, Redis, an S3-compatible store).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "jiceng"
VAR_DIR = Path(os.environ.get("JICENG_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-dev-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "django_tasks",
    "jiceng.core",
    "jiceng.accounts",
    "jiceng.org",
    "jiceng.ledger",
    "jiceng.ideas",
    "jiceng.bulletin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jiceng.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jiceng.core.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "jiceng.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "jiceng.urls"
WSGI_APPLICATION = "jiceng.wsgi.application"
ASGI_APPLICATION = "jiceng.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jiceng.core.context_processors.site",
            ],
        },
    },
]


def database_config(default_url: str) -> dict:
    """Parse DATABASE_URL; SQLite gets IMMEDIATE transactions so concurrent writers queue instead of failing."""
    config = dj_database_url.parse(env("DATABASE_URL", default_url), conn_max_age=int(env("DB_CONN_MAX_AGE", "0")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {})
        config["OPTIONS"].update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    return config


DATABASES = {"default": database_config(f"sqlite:///{VAR_DIR / 'jiceng.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# MLPS (等保) level 3: at least 8 characters from at least three of four classes, not the username, not common.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "jiceng.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "jiceng.accounts.validators.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
]
# Lockout: this many failures within the window lock the account (and the client address) for the lock period.
JICENG_LOGIN_MAX_FAILURES = int(env("JICENG_LOGIN_MAX_FAILURES", "5"))
JICENG_LOGIN_FAILURE_WINDOW_SECONDS = int(env("JICENG_LOGIN_FAILURE_WINDOW_SECONDS", "900"))
JICENG_LOGIN_LOCK_SECONDS = int(env("JICENG_LOGIN_LOCK_SECONDS", "1800"))

# Idle sessions end after 30 minutes; every request renews the clock.
# jiceng.accounts.middleware.IdleTimeoutMiddleware renews the session at most once a minute.
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", "1800"))
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
    ("vendor/echarts", BASE_DIR / "node_modules" / "echarts" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env("JICENG_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("JICENG_S3_BUCKET"),
            "endpoint_url": env("JICENG_S3_ENDPOINT_URL"),
            "access_key": env("JICENG_S3_ACCESS_KEY"),
            "secret_key": env("JICENG_S3_SECRET_KEY"),
            "region_name": env("JICENG_S3_REGION", "us-east-1"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "jiceng"}}
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "jiceng@localhost")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jiceng.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "jiceng.core.api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "jiceng.core.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"auth": "20/min", "public": "30/min"},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "jiceng API",
    "DESCRIPTION": "基层工作平台 REST API. Use `Authorization: Token <token>` from POST /api/auth/token/.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "DivisionKindEnum": "jiceng.org.choices.DivisionKind",
        "UnitKindEnum": "jiceng.org.choices.UnitKind",
        "PartyOrgKindEnum": "jiceng.org.choices.PartyOrgKind",
        "RoleEnum": "jiceng.org.choices.Role",
        "InspectionKindEnum": "jiceng.ledger.choices.InspectionKind",
        "ProjectStatusEnum": "jiceng.ledger.choices.ProjectStatus",
        "RectificationStatusEnum": "jiceng.ledger.choices.RectificationStatus",
        "NoticeStatusEnum": "jiceng.ledger.choices.NoticeStatus",
        "ReportStatusEnum": "jiceng.ledger.choices.ReportStatus",
        "SubmissionStatusEnum": "jiceng.bulletin.choices.SubmissionStatus",
        "IssueStatusEnum": "jiceng.bulletin.choices.IssueStatus",
        "TopicStatusEnum": "jiceng.bulletin.choices.TopicStatus",
        "CampaignStatusEnum": "jiceng.ideas.choices.CampaignStatus",
    },
}

# Security headers on every response (see jiceng.core.middleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
JICENG_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

# The address users reach jiceng at, for links in e-mails and chat-robot messages (empty: no links).
JICENG_SITE_URL = env("JICENG_SITE_URL", "")

# Personal data (ID numbers, phones, hardship) is encrypted with keys derived from this secret.
JICENG_FIELD_ENCRYPTION_KEY = env("JICENG_FIELD_ENCRYPTION_KEY", "")

# Documents: where the Chinese fonts live (the Makefile extracts Fandol into var/fonts).
JICENG_FONT_DIRS = [Path(p) for p in env_list("JICENG_FONT_DIRS")] or [VAR_DIR / "fonts", Path("/usr/share/fonts")]
# Point a role at the fonts offices use, e.g. {"fang": "/srv/fonts/仿宋_GB2312.ttf",
# "xbs": "/srv/fonts/方正小标宋简体.ttf"}; roles: fang, song, song_bold, hei, hei_bold, kai, xbs.
# JICENG_DOCX_FONT_NAMES renames the fonts DOCX files ask for.
JICENG_FONTS: dict[str, str] = {}

# Attachments: size limits in bytes per kind, checked against the content, never the name.
JICENG_ATTACHMENT_LIMITS = {
    "image": 10 * 1024 * 1024,
    "pdf": 20 * 1024 * 1024,
    "office": 20 * 1024 * 1024,
}
JICENG_IMAGE_MAX_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

JICENG_PAGE_SIZE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
                "fontTools": {"level": "WARNING"}},
}
