"""Attachments: real files are accepted and cleaned, hostile ones refused with nothing stored."""

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from jiceng.accounts import services as accounts_services
from jiceng.core.attachments import (
    AttachmentRejected,
    attachment_archive,
    attachment_create,
    attachment_download_response,
    attachments_of,
)
from jiceng.core.attachments.content import inspect_upload
from jiceng.core.attachments.services import clean_name
from jiceng.core.models import Attachment, AuditEvent

GPS_IFD = 0x8825
ORIENTATION = 0x0112
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
LIMITS = {"image": 10 * 1024 * 1024, "pdf": 20 * 1024 * 1024, "office": 20 * 1024 * 1024}


# --- real files ------------------------------------------------------------------------------------------------

def _image_bytes(fmt="JPEG", size=(800, 600), mode="RGB", color=(200, 30, 30), **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def _noisy_image_bytes(fmt="JPEG", size=(400, 300)) -> bytes:
    """An image that does not compress to almost nothing, so that cutting it really loses pixels."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, format=fmt)
    return buffer.getvalue()


def _phone_photo() -> bytes:
    """A 200×100 JPEG as a phone writes it: the camera's make, a GPS position, and "rotate 90° clockwise"."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "HUAWEI"
    exif[GPS_IFD] = {1: "N", 2: (34.0, 49.0, 12.0), 3: "E", 4: (113.0, 17.0, 30.0)}
    return _image_bytes(size=(200, 100), exif=exif.tobytes(), comment=b"owner: zhang san")


def _pdf_bytes(text: bytes = b"jiceng") -> bytes:
    """A small but complete PDF: one page of text, a cross-reference table with correct offsets."""
    content = b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _docx_bytes(text="上街区委社治委") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "社区"
    workbook.active["B1"] = 59
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _content_types(part: str, main: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override ContentType="{main}" PartName="/{part}"/></Types>'
    ).encode()


def _pptx_bytes() -> bytes:
    return _zip_bytes({
        "[Content_Types].xml": _content_types("ppt/presentation.xml", PPTX_MAIN),
        "ppt/presentation.xml": b'<?xml version="1.0"?><p:presentation '
                                b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    })


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width × height pixels (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + _png_chunk(b"IEND", b""))


def _with_encrypted_flag(data: bytes) -> bytes:
    """The zip with the "encrypted" bit set on every member, in the local and the central headers."""
    out = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (position := out.find(signature, start)) >= 0:
            out[position + flag_offset] |= 0x01
            start = position + 4
    return bytes(out)


def _with_bad_crc(data: bytes) -> bytes:
    """The zip with the checksum of its members altered in the central directory."""
    out = bytearray(data)
    start = 0
    while (position := out.find(b"PK\x01\x02", start)) >= 0:
        out[position + 16] ^= 0xFF
        start = position + 4
    return bytes(out)


def _upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def user(db):
    return accounts_services.user_create(actor=None, username="uploader", password="Test-pass-2020",
                                         display_name="张三")


@pytest.fixture
def owner(db):
    return accounts_services.user_create(actor=None, username="owner", password="Test-pass-2020")


def _stored_files(settings) -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def _read_stored(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


# --- accepted files --------------------------------------------------------------------------------------------

def test_a_jpeg_is_stored_under_its_sha256_name(user, settings):
    attachment = attachment_create(actor=user, file=_upload(_image_bytes(), "现场照片.jpg"))

    stored = _read_stored(attachment.file)
    assert attachment.sha256 == hashlib.sha256(stored).hexdigest()
    assert attachment.file.name == f"attachments/{attachment.sha256[:2]}/{attachment.sha256}.jpg"
    assert (attachment.kind, attachment.content_type, attachment.extension) == ("image", "image/jpeg", "jpg")
    assert attachment.size == len(stored)


def test_the_uploaders_name_is_kept_for_display(user):
    attachment = attachment_create(actor=user, file=_upload(_image_bytes(), "现场照片.jpg"))

    assert attachment.original_name == "现场照片.jpg" and attachment.uploaded_by == user


def test_a_phone_photo_loses_its_gps_position_and_camera_details(user):
    original = Image.open(io.BytesIO(_phone_photo()))
    assert original.getexif().get_ifd(GPS_IFD)  # the upload really carries a position

    attachment = attachment_create(actor=user, file=_upload(_phone_photo(), "IMG_0001.jpg"))

    stored = _read_stored(attachment.file)
    reopened = Image.open(io.BytesIO(stored))
    assert not reopened.getexif() and "exif" not in reopened.info and "comment" not in reopened.info
    assert b"HUAWEI" not in stored and b"zhang san" not in stored


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_exif_with_a_gps_position_is_stripped_from_png_and_webp_too(fmt, user):
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (34.0, 49.0, 12.0)}
    data = _image_bytes(fmt, size=(60, 40), exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)

    attachment = attachment_create(actor=user, file=_upload(data, f"photo.{fmt.lower()}"))

    assert not Image.open(io.BytesIO(_read_stored(attachment.file))).getexif()


def test_a_phone_photo_is_turned_upright_from_its_exif_orientation(user):
    attachment = attachment_create(actor=user, file=_upload(_phone_photo(), "IMG_0001.jpg"))

    assert (attachment.width, attachment.height) == (100, 200)
    assert Image.open(io.BytesIO(_read_stored(attachment.file))).size == (100, 200)


def test_an_image_gets_a_jpeg_thumbnail_of_at_most_320_pixels(user):
    attachment = attachment_create(actor=user, file=_upload(_image_bytes(size=(800, 600)), "a.jpg"))

    thumbnail = Image.open(io.BytesIO(_read_stored(attachment.thumbnail)))
    assert thumbnail.format == "JPEG" and thumbnail.size == (320, 240)
    assert attachment.thumbnail.name == f"thumbnails/{attachment.sha256[:2]}/{attachment.sha256}.jpg"


def test_a_png_keeps_its_transparency(user):
    data = _image_bytes("PNG", size=(40, 40), mode="RGBA", color=(0, 128, 0, 100))

    attachment = attachment_create(actor=user, file=_upload(data, "印章.png"))

    stored = Image.open(io.BytesIO(_read_stored(attachment.file)))
    assert stored.format == "PNG" and stored.mode == "RGBA" and stored.getpixel((5, 5))[3] == 100


def test_a_gif_keeps_its_first_frame_stored_as_png(user):
    attachment = attachment_create(actor=user, file=_upload(_image_bytes("GIF", mode="P", color=3), "动图.gif"))

    assert (attachment.content_type, attachment.extension) == ("image/png", "png")
    assert Image.open(io.BytesIO(_read_stored(attachment.file))).format == "PNG"


def test_a_webp_is_accepted(user):
    attachment = attachment_create(actor=user, file=_upload(_image_bytes("WEBP"), "photo.webp"))

    assert (attachment.content_type, attachment.extension) == ("image/webp", "webp")


def test_a_real_pdf_is_stored_as_uploaded(user):
    data = _pdf_bytes()

    attachment = attachment_create(actor=user, file=_upload(data, "通知.pdf"))

    assert (attachment.kind, attachment.extension, attachment.thumbnail.name) == ("pdf", "pdf", "")
    assert _read_stored(attachment.file) == data


def test_a_pdf_made_by_weasyprint_is_accepted(user):
    import weasyprint

    data = weasyprint.HTML(string="<h1>上街信息</h1><p>第44期</p>").write_pdf()

    assert attachment_create(actor=user, file=_upload(data, "上街信息.pdf")).kind == "pdf"


def test_a_docx_from_python_docx_is_accepted(user):
    attachment = attachment_create(actor=user, file=_upload(_docx_bytes(), "工作方案.docx"))

    assert (attachment.kind, attachment.extension) == ("office", "docx")
    assert attachment.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_an_xlsx_from_openpyxl_is_accepted(user):
    attachment = attachment_create(actor=user, file=_upload(_xlsx_bytes(), "台账.xlsx"))

    assert (attachment.kind, attachment.extension) == ("office", "xlsx")


def test_a_pptx_is_accepted(user):
    assert attachment_create(actor=user, file=_upload(_pptx_bytes(), "汇报.pptx")).extension == "pptx"


def test_the_type_comes_from_the_content_not_the_name(user):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "scan.jpg"))

    assert (attachment.kind, attachment.extension) == ("pdf", "pdf")


def test_a_plain_file_like_object_with_a_name_is_accepted(user):
    handle = io.BytesIO(_pdf_bytes())
    handle.name = "C:\\Users\\张三\\Desktop\\通知.pdf"

    attachment = attachment_create(actor=user, file=handle)

    assert attachment.original_name == "通知.pdf"


def test_the_same_content_twice_is_stored_once(user, settings):
    first = attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"))
    second = attachment_create(actor=user, file=_upload(_pdf_bytes(), "b.pdf"))

    assert first.pk != second.pk and first.file.name == second.file.name
    assert len(_stored_files(settings)) == 1


# --- owners, audit, archive, download --------------------------------------------------------------------------

def test_an_attachment_points_at_its_owner(user, owner):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"), owner=owner)

    assert (attachment.owner_type, attachment.owner_id) == ("accounts.user", str(owner.pk))


def test_adding_an_attachment_is_recorded_on_the_owners_history(user, owner):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "通知.pdf"), owner=owner)

    event = AuditEvent.objects.get(action="core.attachment.added")
    assert (event.object_type, event.object_id, event.actor_id) == ("accounts.user", str(owner.pk), user.pk)
    assert event.payload["attachment_id"] == attachment.pk and event.payload["name"] == "通知.pdf"


def test_adding_an_attachment_without_owner_is_recorded_on_the_attachment(user):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "通知.pdf"))

    event = AuditEvent.objects.get(action="core.attachment.added")
    assert (event.object_type, event.object_id) == ("core.attachment", str(attachment.pk))


def test_an_unsaved_owner_is_a_programming_error(user):
    with pytest.raises(ValueError):
        attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"), owner=Attachment())


def test_attachments_of_lists_a_records_attachments_in_the_order_added(user, owner):
    first = attachment_create(actor=user, file=_upload(_pdf_bytes(b"one"), "1.pdf"), owner=owner)
    second = attachment_create(actor=user, file=_upload(_pdf_bytes(b"two"), "2.pdf"), owner=owner)
    attachment_create(actor=user, file=_upload(_pdf_bytes(b"three"), "3.pdf"), owner=user)

    assert list(attachments_of(owner)) == [first, second]


def test_an_archived_attachment_leaves_the_list_but_keeps_its_file(user, owner, settings):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"), owner=owner)

    attachment_archive(actor=user, attachment=attachment)

    assert attachment.archived_at is not None
    assert list(attachments_of(owner)) == []
    assert list(attachments_of(owner, include_archived=True)) == [attachment]
    assert attachment.file.storage.exists(attachment.file.name)


def test_archiving_is_recorded_on_the_owners_history(user, owner):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"), owner=owner)

    attachment_archive(actor=user, attachment=attachment)

    event = AuditEvent.objects.get(action="core.attachment.archived")
    assert (event.object_type, event.object_id) == ("accounts.user", str(owner.pk))


def test_archiving_twice_records_one_event(user):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"))

    attachment_archive(actor=user, attachment=attachment)
    attachment_archive(actor=user, attachment=attachment)

    assert AuditEvent.objects.filter(action="core.attachment.archived").count() == 1


def test_a_download_carries_the_chinese_name_rfc_5987_encoded_and_nosniff(user):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "整改通知.pdf"))

    response = attachment_download_response(attachment)

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E6%95%B4%E6%94%B9%E9%80%9A%E7%9F%A5.pdf" in disposition
    assert 'filename="attachment.pdf"' in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == _pdf_bytes()
    response.close()


def test_a_download_is_named_with_the_extension_of_what_is_stored(user):
    attachment = attachment_create(actor=user, file=_upload(_pdf_bytes(), "scan.jpg"))

    response = attachment_download_response(attachment)

    assert "filename*=UTF-8''scan.pdf" in response["Content-Disposition"]
    response.close()


@pytest.mark.parametrize(("name", "cleaned"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\fakepath\\照片.jpg", "照片.jpg"),
    ("report\u202egpj.exe", "reportgpj.exe"),
    ("", "attachment"),
    ("...", "attachment"),
    ("名" * 300 + ".pdf", "名" * 251 + ".pdf"),
])
def test_the_uploaders_name_is_cleaned(name, cleaned):
    assert clean_name(name) == cleaned


# --- refused files: a reason, and nothing stored ---------------------------------------------------------------

HOSTILE = {
    "empty": (lambda: b"", "photo.jpg", "attachment_empty"),
    "an exe renamed jpg": (lambda: b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode.",
                           "photo.jpg", "attachment_type"),
    "an html page": (lambda: b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
                     "notice.pdf", "attachment_type"),
    "an svg drawing": (lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "logo.png",
                       "attachment_type"),
    "plain text": (lambda: "上街区".encode(), "notes.docx", "attachment_type"),
    "an old word document": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000, "old.doc",
                             "attachment_old_office"),
    "a truncated jpeg": (lambda: _noisy_image_bytes()[:5000], "photo.jpg", "attachment_damaged"),
    "a truncated png": (lambda: _noisy_image_bytes("PNG")[:5000], "photo.png", "attachment_damaged"),
    "a jpeg signature on garbage": (lambda: b"\xff\xd8\xff\xe0" + b"garbage" * 100, "photo.jpg",
                                    "attachment_damaged"),
    "a truncated pdf": (lambda: _pdf_bytes()[:-60], "notice.pdf", "attachment_damaged"),
    "a pdf header on garbage": (lambda: b"%PDF-1.7\n" + b"garbage" * 100, "notice.pdf", "attachment_damaged"),
    "a pdf pointing past its end": (lambda: _pdf_bytes().replace(b"startxref\n", b"startxref\n99999"),
                                    "notice.pdf", "attachment_damaged"),
    "a zip renamed docx": (lambda: _zip_bytes({"readme.txt": b"hello"}), "report.docx", "attachment_damaged"),
    "a truncated docx": (lambda: _docx_bytes()[:-200], "report.docx", "attachment_damaged"),
    "a docx with a corrupted member": (lambda: _with_bad_crc(_docx_bytes()), "report.docx", "attachment_damaged"),
    "a zip bomb": (lambda: _zip_bytes({"[Content_Types].xml": _content_types("word/document.xml", DOCX_MAIN),
                                       "word/document.xml": b"<w:document/>" + b" " * 20_000_000}),
                   "report.docx", "attachment_zip_bomb"),
    "a password-protected docx": (lambda: _with_encrypted_flag(_docx_bytes()), "report.docx",
                                  "attachment_encrypted"),
    "a docx with macros": (lambda: _zip_bytes({"[Content_Types].xml": _content_types("word/document.xml", DOCX_MAIN),
                                               "word/document.xml": b"<w:document/>",
                                               "word/vbaProject.bin": b"\x00" * 100}),
                           "report.docx", "attachment_macros"),
    "a pixel bomb": (lambda: _png_claiming(100_000, 100_000), "photo.png", "attachment_too_many_pixels"),
    "an image over the pixel limit": (lambda: _png_claiming(8000, 6000), "photo.png",
                                      "attachment_too_many_pixels"),
    "a jpeg with a zip appended": (lambda: _image_bytes() + _zip_bytes({"shell.php": b"<?php system($_GET[1]);"}),
                                   "photo.jpg", "attachment_polyglot"),
    "a pdf with a zip appended": (lambda: _pdf_bytes() + _zip_bytes({"a.txt": b"x"}), "notice.pdf",
                                  "attachment_polyglot"),
    "a zip that is also a pdf": (lambda: _zip_bytes({"a.txt": b"%PDF-1.4 hidden"}, zipfile.ZIP_STORED),
                                 "report.docx", "attachment_polyglot"),
    "a png carrying a script": (
        lambda: _image_bytes("PNG", size=(10, 10), pnginfo=_script_text()), "photo.png", "attachment_web_content"),
}


def _script_text() -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(document.cookie)</script>")
    return info


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_a_hostile_file_is_refused_with_its_reason_and_nothing_is_stored(case, user, settings):
    make, name, code = HOSTILE[case]

    with pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(make(), name))

    assert caught.value.code == code
    assert str(caught.value.message) and caught.value.as_dict()["field"] == "file"
    assert not Attachment.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="core.attachment").exists()
    assert _stored_files(settings) == []


def test_a_truncated_image_is_refused_even_after_weasyprint_made_pillow_lenient(user):
    import weasyprint  # noqa: F401 (importing it switches Pillow's LOAD_TRUNCATED_IMAGES on for the process)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True

    with pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(_noisy_image_bytes()[:5000], "photo.jpg"))

    assert caught.value.code == "attachment_damaged"


def test_a_file_over_the_size_limit_of_its_kind_is_refused(user, settings):
    with override_settings(JICENG_ATTACHMENT_LIMITS={"image": 1024, "pdf": 1024, "office": 1024}):
        with translation.override("en"), pytest.raises(AttachmentRejected) as caught:
            attachment_create(actor=user, file=_upload(_image_bytes(), "photo.jpg"))

    assert caught.value.code == "attachment_too_large" and "1 KB" in str(caught.value.message)
    assert not Attachment.objects.exists() and _stored_files(settings) == []


def test_an_image_over_a_lowered_pixel_limit_is_refused(user, settings):
    with override_settings(JICENG_IMAGE_MAX_PIXELS=10_000), pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(_image_bytes(size=(200, 200)), "photo.jpg"))

    assert caught.value.code == "attachment_too_many_pixels"
    assert _stored_files(settings) == []


def test_an_office_document_unpacking_past_the_limit_is_refused(user, settings):
    data = _docx_bytes(text="".join(f"{n:08x}" for n in range(20_000)))

    with override_settings(JICENG_OFFICE_MAX_UNPACKED_BYTES=100_000), pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(data, "big.docx"))

    assert caught.value.code == "attachment_zip_bomb"
    assert _stored_files(settings) == []


def test_a_kind_not_allowed_here_is_refused_naming_what_is(user, settings):
    with translation.override("en"), pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(_pdf_bytes(), "a.pdf"), allowed_kinds=("image",))

    assert caught.value.code == "attachment_kind_not_allowed"
    assert str(caught.value.message) == (
        "Files of this kind (PDF document) cannot be attached here. Accepted: photos (JPEG, PNG, GIF, WebP).")
    assert _stored_files(settings) == []


def test_an_unknown_type_is_refused_listing_what_is_accepted(user):
    with translation.override("en"), pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(b"MZ" + b"\x00" * 100, "a.jpg"))

    assert str(caught.value.message) == (
        "This type of file is not accepted. Accepted: photos (JPEG, PNG, GIF, WebP), PDF documents, "
        "Word, Excel and PowerPoint documents (docx, xlsx, pptx).")


def test_the_refusal_is_a_domain_error_the_api_turns_into_a_400(user):
    with pytest.raises(AttachmentRejected) as caught:
        attachment_create(actor=user, file=_upload(b"", "a.jpg"))

    assert caught.value.status == 400 and caught.value.as_dict()["code"] == "attachment_empty"


# --- the pure check never fails any other way ------------------------------------------------------------------

_VALID_FILES = {
    "jpeg": _noisy_image_bytes(size=(64, 48)),
    "png": _noisy_image_bytes("PNG", size=(64, 48)),
    "gif": _image_bytes("GIF", size=(64, 48), mode="P", color=3),
    "webp": _image_bytes("WEBP", size=(64, 48)),
    "pdf": _pdf_bytes(),
    "docx": _docx_bytes(),
}


def _inspect(data: bytes) -> None:
    try:
        inspect_upload(data, allowed_kinds=("image", "pdf", "office"), limits=LIMITS, max_pixels=40_000_000)
    except AttachmentRejected:
        pass


@hypothesis_settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_are_accepted_or_refused_never_crash(data):
    _inspect(data)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@hypothesis_settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_VALID_FILES)), st.integers(min_value=0, max_value=100_000),
       st.binary(min_size=1, max_size=8))
def test_a_valid_file_cut_or_overwritten_anywhere_is_accepted_or_refused_never_crash(kind, position, patch):
    valid = _VALID_FILES[kind]
    position %= len(valid)

    _inspect(valid[:position])
    _inspect(valid[:position] + patch + valid[position + len(patch):])
