"""Domain errors raised by services and turned into Chinese messages by pages and the API.

Each error has a stable `code` (for API clients) and a human message (translated).
"""

from django.utils.translation import gettext_lazy as _


def error_text(error) -> str:
    """One line of text for a refusal: a DomainError's message or a ValidationError's messages."""
    from django.core.exceptions import ValidationError

    if isinstance(error, ValidationError):
        return "；".join(str(m) for m in error.messages)
    return str(getattr(error, "message", error))


class DomainError(Exception):
    """A rule of the domain refused the change; nothing was written."""

    code = "invalid"
    status = 400
    default_message = _("The request could not be completed.")

    def __init__(self, message=None, *, code: str | None = None, field: str | None = None, details=None):
        self.message = message if message is not None else self.default_message
        if code:
            self.code = code
        self.field = field
        self.details = details
        super().__init__(str(self.message))

    def as_dict(self) -> dict:
        data = {"code": self.code, "detail": str(self.message)}
        if self.field:
            data["field"] = self.field
        if self.details is not None:
            data["details"] = self.details
        return data


class PermissionDenied(DomainError):
    """The actor may not do this to this object."""

    code = "permission_denied"
    status = 403
    default_message = _("You do not have permission to do this.")


class NotFound(DomainError):
    code = "not_found"
    status = 404
    default_message = _("The object does not exist or is outside your scope.")


class InvalidTransition(DomainError):
    """A status change that the object's transition map does not allow."""

    code = "invalid_transition"
    status = 400
    default_message = _("This action is not allowed in the current status.")
