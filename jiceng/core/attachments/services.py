"""Attaching files to records, listing them, archiving them and handing them out.

Module services call these after checking their own permissions on the owning
record (core knows no module's rules): `attachment_create` for an upload,
`attachment_archive` to take one off a record; module views call
`attachment_download_response` once they have checked the reader's scope.
Files are never deleted: an archived attachment keeps its file and history.
"""

import hashlib
import posixpath
import unicodedata

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone

from .. import audit
from ..audit.service import object_label
from ..http import content_disposition
from ..models import Attachment
from ..models.attachments import attachment_path, thumbnail_path
from .content import inspect_upload
from .kinds import ALL_KINDS

NAME_MAX_LENGTH = 255
DEFAULT_NAME = "attachment"
AUDIT_FIELDS = ["owner_type", "owner_id", "kind", "content_type", "extension", "original_name", "size", "sha256",
                "file", "thumbnail", "width", "height", "uploaded_by", "archived_at"]


def clean_name(name: str | None) -> str:
    """The uploader's file name, kept for display: no folders, no control or direction characters, ≤ 255 chars."""
    text = unicodedata.normalize("NFC", name or "").replace("\\", "/")
    text = posixpath.basename(text)
    # Cc: control characters; Cf: format characters such as U+202E, which makes "gpj.exe" read as "exe.jpg".
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf")).strip().strip(".")
    if not text:
        return DEFAULT_NAME
    if len(text) > NAME_MAX_LENGTH:
        stem, dot, suffix = text.rpartition(".")
        if dot and 0 < len(suffix) < 16:
            text = stem[:NAME_MAX_LENGTH - len(suffix) - 1] + "." + suffix
        else:
            text = text[:NAME_MAX_LENGTH]
    return text


def _read(file, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes of the upload (one more than any limit, so an oversized file shows as such)."""
    if hasattr(file, "seek"):
        try:
            file.seek(0)
        except (OSError, ValueError):
            pass
    data = file.read(max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data or b""


def _store(storage, name: str, content: bytes) -> bool:
    """Write content under its content-addressed name unless the same content is already there; True if written."""
    if storage.exists(name):
        return False
    saved = storage.save(name, ContentFile(content))
    if saved != name:
        # Someone stored the same content in the meantime: keep theirs.
        storage.delete(saved)
        return False
    return True


def _audit_object(attachment: Attachment):
    """The record an attachment event is shown on: its owner when that still exists, else the attachment."""
    if attachment.owner_type and attachment.owner_id:
        try:
            model = apps.get_model(attachment.owner_type)
        except (LookupError, ValueError):
            model = None
        if model is not None:
            owner = model._default_manager.filter(pk=attachment.owner_id).first()
            if owner is not None:
                return owner
    return attachment


def _event_payload(attachment: Attachment) -> dict:
    return {"attachment_id": attachment.pk, "name": attachment.original_name, "kind": attachment.kind,
            "size": attachment.size, "sha256": attachment.sha256}


def attachment_create(*, actor, file, owner=None, allowed_kinds=ALL_KINDS) -> Attachment:
    """Check an uploaded file by its content and attach it to `owner` (a saved model instance, or None).

    `file` is a Django UploadedFile or any file-like object with .name and
    .read(). Images are turned upright and re-encoded without metadata (no
    GPS), with a JPEG thumbnail; PDFs and Office documents are stored as
    uploaded. The file is stored under its SHA-256 name; the record and an
    audit event (core.attachment.added, on the owner's history) are written in
    one transaction. The caller checks that the actor may change `owner`.

    Raises AttachmentRejected (nothing stored) when the file is refused, and
    ValueError for an unsaved owner or an empty or unknown `allowed_kinds`.
    """
    if owner is not None and owner.pk is None:
        raise ValueError("save the owner before attaching files to it")
    unknown = set(allowed_kinds) - set(ALL_KINDS)
    if unknown or not allowed_kinds:
        raise ValueError(f"allowed_kinds must name some of {ALL_KINDS}, not {allowed_kinds!r}")
    limits = settings.JICENG_ATTACHMENT_LIMITS
    data = _read(file, max(limits[kind] for kind in allowed_kinds))
    checked = inspect_upload(data, allowed_kinds=allowed_kinds, limits=limits,
                             max_pixels=settings.JICENG_IMAGE_MAX_PIXELS)

    attachment = Attachment(
        owner_type=object_label(owner) if owner is not None else "",
        owner_id=str(owner.pk) if owner is not None else "",
        kind=checked.kind,
        content_type=checked.content_type,
        extension=checked.extension,
        original_name=clean_name(getattr(file, "name", "")),
        size=len(checked.content),
        sha256=hashlib.sha256(checked.content).hexdigest(),
        width=checked.width,
        height=checked.height,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    attachment.file.name = attachment_path(attachment, attachment.original_name)
    if checked.thumbnail is not None:
        attachment.thumbnail.name = thumbnail_path(attachment, attachment.original_name)
    attachment.full_clean()

    storage = attachment.file.storage
    written: list[str] = []
    try:
        if _store(storage, attachment.file.name, checked.content):
            written.append(attachment.file.name)
        if checked.thumbnail is not None and _store(storage, attachment.thumbnail.name, checked.thumbnail):
            written.append(attachment.thumbnail.name)
        with transaction.atomic():
            attachment.save()
            audit_object = owner if owner is not None else attachment
            audit.record(actor=actor, action="core.attachment.added", obj=audit_object,
                         after=audit.snapshot(attachment, AUDIT_FIELDS) if audit_object is attachment else None,
                         payload=_event_payload(attachment))
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    return attachment


def attachments_of(obj, *, include_archived: bool = False):
    """The attachments of a record in the order they were added (a queryset); archived ones only on request."""
    qs = Attachment.objects.filter(owner_type=object_label(obj), owner_id=str(obj.pk))
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs.order_by("created_at", "id")


def attachment_archive(*, actor, attachment: Attachment) -> Attachment:
    """Take an attachment off its record: sets archived_at and records core.attachment.archived on the owner.

    The file stays in storage and the attachment stays downloadable from the
    history. Archiving an archived attachment changes nothing. The caller
    checks that the actor may change the owner.
    """
    if attachment.archived_at is not None:
        return attachment
    before = audit.snapshot(attachment, AUDIT_FIELDS)
    with transaction.atomic():
        attachment.archived_at = timezone.now()
        attachment.save(update_fields=["archived_at", "updated_at"])
        audit_object = _audit_object(attachment)
        audit.record(actor=actor, action="core.attachment.archived", obj=audit_object,
                     before=before if audit_object is attachment else None,
                     after=audit.snapshot(attachment, AUDIT_FIELDS) if audit_object is attachment else None,
                     payload=_event_payload(attachment))
    return attachment


def download_name(attachment: Attachment) -> str:
    """The name a download gets: the uploader's name, with the extension of what is really stored."""
    stem, dot, suffix = attachment.original_name.rpartition(".")
    if not dot:
        stem, suffix = attachment.original_name, ""
    same = {attachment.extension, "jpeg"} if attachment.extension == "jpg" else {attachment.extension}
    if suffix.lower() in same:
        return attachment.original_name
    return f"{stem or DEFAULT_NAME}.{attachment.extension}"


def attachment_download_response(attachment: Attachment) -> FileResponse:
    """A streamed download of the stored file, for a view that has already checked the reader's scope.

    Content-Disposition is `attachment` with the Chinese name RFC 5987-encoded
    (plus an ASCII fallback for old clients), the stored content type, and
    X-Content-Type-Options: nosniff so no browser second-guesses it.
    """
    name = download_name(attachment)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition(name, default=DEFAULT_NAME)
    response["X-Content-Type-Options"] = "nosniff"
    return response
