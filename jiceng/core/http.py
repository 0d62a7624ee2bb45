"""Small request helpers shared by pages and the API."""

import unicodedata
from urllib.parse import quote

from django.http import HttpResponse


def client_ip(request) -> str | None:
    """The client address as the server saw it (REMOTE_ADDR; a reverse proxy must set it, see the deployment guide)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _ascii_fallback(name: str, default: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = "".join(ch for ch in ascii_stem if ch.isalnum() or ch in " -_()").strip()
    return f"{ascii_stem or default}.{suffix}" if suffix else (ascii_stem or default)


def content_disposition(filename: str, *, default: str = "download") -> str:
    """`attachment` with the Chinese name RFC 5987-encoded and an ASCII fallback for old clients (RFC 6266)."""
    return f"attachment; filename=\"{_ascii_fallback(filename, default)}\"; filename*=UTF-8''{quote(filename, safe='')}"


def attachment_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download with a Chinese file name that every browser (and WeChat's) understands."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
