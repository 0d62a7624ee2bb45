"""Small request helpers shared by pages and the API."""

from urllib.parse import quote

from django.http import HttpResponse


def client_ip(request) -> str | None:
    """The client address as the server saw it (REMOTE_ADDR; a reverse proxy must set it, see the deployment guide)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def attachment_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download with a Chinese file name that every browser (and WeChat's) understands (RFC 6266/5987)."""
    response = HttpResponse(content, content_type=content_type)
    ascii_name = filename.encode("ascii", "ignore").decode() or "download"
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
