"""Photos and scans: verified by Pillow, turned upright, re-encoded without metadata, with a JPEG thumbnail.

Re-encoding is what strips what phones put in a photo (GPS position, device,
owner name, comments) and whatever a crafted file hides after or inside its
image data: only the decoded pixels (and the colour profile) are kept.
"""

import io
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .errors import AttachmentRejected

THUMBNAIL_SIZE = 320
JPEG_QUALITY = 90
THUMBNAIL_QUALITY = 80

# Detected format → (Pillow's name for it, the format stored, content type, extension).
FORMATS = {
    "jpeg": ("JPEG", "JPEG", "image/jpeg", "jpg"),
    "png": ("PNG", "PNG", "image/png", "png"),
    "gif": ("GIF", "PNG", "image/png", "png"),  # only the first frame is kept: stored as PNG
    "webp": ("WEBP", "WEBP", "image/webp", "webp"),
}


_strict_lock = threading.Lock()


@contextmanager
def _strict_decoding():
    """Make Pillow refuse truncated images while we decode one.

    Pillow's switch is a process-wide global and WeasyPrint turns it on when it
    is imported (so that documents render around broken images); an upload
    check must not inherit that leniency. The lock keeps our own threads from
    restoring the switch under each other.
    """
    with _strict_lock:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes


def _damaged() -> AttachmentRejected:
    return AttachmentRejected(_("The image is damaged or incomplete and cannot be opened."),
                              code="attachment_damaged")


def _check_size(image: Image.Image, max_pixels: int) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise _damaged()
    if width * height > max_pixels:
        raise AttachmentRejected(
            _("The image is too large: %(width)s × %(height)s pixels, more than the %(limit)s pixels accepted.")
            % {"width": width, "height": height, "limit": f"{max_pixels:,}"},
            code="attachment_too_many_pixels",
        )


def _for_output(image: Image.Image, output_format: str) -> Image.Image:
    """The image in a mode the output format stores, transparency kept where the format has it."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if output_format == "JPEG":
        if image.mode in ("L", "RGB"):
            return image
        if has_alpha:
            return _flatten(image)
        return image.convert("RGB")
    if image.mode in ("L", "RGB", "RGBA", "LA") and "transparency" not in image.info:
        return image
    return image.convert("RGBA" if has_alpha else "RGB")


def _flatten(image: Image.Image) -> Image.Image:
    """A transparent image on a white background (for JPEG, which has no transparency)."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _encode(image: Image.Image, output_format: str, icc_profile: bytes | None) -> bytes:
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if output_format in ("JPEG", "WEBP"):
        options["quality"] = JPEG_QUALITY
    buffer = io.BytesIO()
    image.save(buffer, format=output_format, **options)
    return buffer.getvalue()


def _thumbnail(image: Image.Image) -> bytes:
    thumb = image.copy()
    thumb.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    thumb = _for_output(thumb, "JPEG")
    thumb.info = {}
    buffer = io.BytesIO()
    thumb.save(buffer, format="JPEG", quality=THUMBNAIL_QUALITY)
    return buffer.getvalue()


def clean_image(data: bytes, detected: str, *, max_pixels: int) -> CleanImage:
    """Verify an image whose signature said `detected` and return it re-encoded, upright and without metadata.

    Raises AttachmentRejected when Pillow cannot open or fully decode it, when
    its format is not the one its signature announced, or when it has more
    than `max_pixels` pixels (checked from the header, before decoding).
    """
    pillow_format, output_format, content_type, extension = FORMATS[detected]
    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as probe:
            _check_size(probe, max_pixels)
            probe.verify()
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
            _check_size(image, max_pixels)
            with _strict_decoding():
                image.load()
            icc_profile = image.info.get("icc_profile")
            clean = _for_output(ImageOps.exif_transpose(image), output_format)
            if clean is image:
                clean = image.copy()
            clean.info = {}
            content = _encode(clean, output_format, icc_profile)
            thumbnail = _thumbnail(clean)
            width, height = clean.size
    except AttachmentRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own limit, checked in Image.open before ours: a warning over it, an error at twice it.
        raise AttachmentRejected(
            _("The image is too large: it has more than the %(limit)s pixels accepted.")
            % {"limit": f"{max_pixels:,}"},
            code="attachment_too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError,
            MemoryError) as exc:
        raise _damaged() from exc
    return CleanImage(content=content, content_type=content_type, extension=extension, width=width, height=height,
                      thumbnail=thumbnail)
