"""What each kind of attachment is, as users are told about it."""

from django.utils.translation import gettext_lazy as _

from ..models import Attachment

IMAGE = Attachment.Kind.IMAGE.value
PDF = Attachment.Kind.PDF.value
OFFICE = Attachment.Kind.OFFICE.value
ALL_KINDS = (IMAGE, PDF, OFFICE)

# How the kinds are listed when a file is refused ("Accepted: …").
ACCEPTED_LABELS = {
    IMAGE: _("photos (JPEG, PNG, GIF, WebP)"),
    PDF: _("PDF documents"),
    OFFICE: _("Word, Excel and PowerPoint documents (docx, xlsx, pptx)"),
}


def accepted_list(kinds) -> str:
    """The accepted kinds as one phrase in the active language."""
    return str(_(", ")).join(str(ACCEPTED_LABELS[kind]) for kind in ALL_KINDS if kind in kinds)


def format_size(size: int) -> str:
    """A byte count as MB or KB with at most one decimal ("10 MB", "0.5 MB", "800 KB")."""
    if size >= 1024 * 1024:
        value, unit = size / (1024 * 1024), "MB"
    else:
        value, unit = size / 1024, "KB"
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"
