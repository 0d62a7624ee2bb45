"""PDF printing with WeasyPrint, on the GB/T 9704 page.

`html_to_pdf` turns any HTML into a PDF with the Chinese fonts of `fonts.py` loaded as @font-face families
(`jiceng-fang`, `jiceng-song`, ...); WeasyPrint subsets and embeds them, so the PDF prints the same on any
machine. `document_css` is the shared stylesheet of official documents: the page box, page numbers and the
classes of the elements of a 公文 (issuer, red rule, title, headings, body, tables, signature, 版记).
Layouts of their own (the bulletin masthead) extend ``core/documents/base.html`` and add CSS to it.
"""

import functools
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .fonts import ROLES, FontFile, css_family, font_dirs, resolve_fonts

MM_TO_PT = 72 / 25.4
BODY_FONT_PT = 16  # 3号
LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block, as Word's 579-twip grid
CHARS_PER_LINE = 28
PAGE_NUMBER_FONT_PT = 14  # 4号
RED = "#e60000"
PDF_CONTENT_TYPE = "application/pdf"


@dataclass(frozen=True)
class PageFormat:
    """A sheet and its margins in millimetres; the text block (版心) is what the margins leave."""

    name: str
    css_size: str
    width_mm: float
    height_mm: float
    margin_top_mm: float = 37  # 天头
    margin_right_mm: float = 26
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28  # 订口

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.margin_top_mm - self.margin_bottom_mm


PAGE_FORMATS = {
    "A4": PageFormat("A4", "A4 portrait", 210, 297),
    # Wide tables (the battle-map sheet): the same margins, so the numbers and rules sit where readers expect.
    "A3-landscape": PageFormat("A3-landscape", "A3 landscape", 420, 297),
}


def page_format(page: str) -> PageFormat:
    """The `PageFormat` named ``"A4"`` or ``"A3-landscape"``. Raises ValueError for any other name."""
    try:
        return PAGE_FORMATS[page]
    except KeyError:
        raise ValueError(f"unknown page format {page!r}; use one of {', '.join(PAGE_FORMATS)}") from None


def _char_pitch_pt() -> float:
    """The advance of one character so that 28 fit the 156 mm A4 line exactly (Word's character grid)."""
    return PAGE_FORMATS["A4"].text_width_mm * MM_TO_PT / CHARS_PER_LINE


@functools.lru_cache(maxsize=32)
def _space_width_em(path: Path, mtime_ns: int) -> float:
    """The advance of U+0020 in a font file, in em (the first face of a collection). 1/3 when unreadable."""
    from fontTools.ttLib import TTFont

    try:
        collection = {"fontNumber": 0} if path.suffix.lower() in (".ttc", ".otc") else {}
        font = TTFont(path, lazy=True, **collection)
        glyph = font.getBestCmap().get(0x20)
        return font["hmtx"][glyph][0] / font["head"].unitsPerEm if glyph else 1 / 3
    except Exception:  # a font fontTools cannot parse still prints; only the spacing estimate is lost
        return 1 / 3


def page_number_word_spacing_em() -> float:
    """Extra word spacing that makes the spaces in "— 1 —" half an em, as 宋体's half-width space is.

    Fandol's space is 1/3 em and Noto's about 1/4; without this the number crowds its dashes.
    Raises DomainError when no Chinese font is found.
    """
    path = resolve_fonts()["song"].path
    return round(max(0.0, 0.5 - _space_width_em(path, path.stat().st_mtime_ns)), 3)


def font_face_css(fonts: dict[str, FontFile] | None = None) -> str:
    """@font-face rules for every font role, as file:// URLs to ``fonts`` (default: what `resolve_fonts` finds).

    ``jiceng-song`` and ``jiceng-hei`` also get their bold file as weight 700, so ``<strong>`` uses a real
    bold face. Raises DomainError when no Chinese font is found (see `resolve_fonts`).
    """
    fonts = fonts or resolve_fonts()
    rules = []

    def rule(family: str, path: Path, weight: int) -> None:
        # as_uri() percent-encodes quotes, brackets and non-ASCII, so no path can break out of url("...").
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{path.resolve().as_uri()}"); '
            f"font-weight: {weight}; font-style: normal; }}"
        )

    for role in ROLES:
        rule(css_family(role), fonts[role].path, 400)
    rule(css_family("song"), fonts["song_bold"].path, 700)
    rule(css_family("hei"), fonts["hei_bold"].path, 700)
    return "\n".join(rules)


def document_css(page: str = "A4") -> str:
    """The shared stylesheet of official documents for a page format (page box, page numbers, 公文 classes).

    It names the role families but holds no @font-face rules: `html_to_pdf` adds those to every document.
    Raises ValueError for an unknown page format, DomainError when no Chinese font is found.
    """
    fmt = page_format(page)
    pitch = _char_pitch_pt()
    context = {
        "page": fmt,
        "families": {role: css_family(role) for role in ROLES},
        "body_font_pt": BODY_FONT_PT,
        "line_pitch_pt": LINE_PITCH_PT,
        "two_lines_pt": f"{2 * LINE_PITCH_PT:.2f}",
        # Negative tracking narrows each 16 pt character to the 28-a-line pitch; floored so 28 always fit.
        "letter_spacing_pt": f"{math.floor((pitch - BODY_FONT_PT) * 100) / 100:.2f}",
        "indent_pt": f"{2 * pitch:.2f}",
        "page_number_font_pt": PAGE_NUMBER_FONT_PT,
        "page_number_word_spacing_em": f"{page_number_word_spacing_em():.3f}",
        # GB/T 9704: the page number's dash sits 7 mm below the text block; the box starts half a line higher.
        "page_number_top_mm": f"{7 - PAGE_NUMBER_FONT_PT / 2 / MM_TO_PT:.2f}",
        "red": RED,
    }
    return render_to_string("core/documents/document.css", context)


def _url_fetcher(roots: list[Path]):
    """A WeasyPrint fetcher that reads only data: URLs and local files under the allowed folders.

    Documents never fetch from the network (no SSRF through a stray URL) and never read files outside the
    fonts, media, static files and the caller's base folder, even if markup ever slipped past escaping.
    """
    from weasyprint.urls import URLFetcher

    class LocalURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.lower().startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in roots):
                    raise ValueError(f"{path} is outside the folders documents may read")
            return super().fetch(url, headers)

    return LocalURLFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def _allowed_roots(base_url: str | None, fonts: dict[str, FontFile]) -> list[Path]:
    roots = [folder.resolve() for folder in font_dirs()]
    roots += [font.path.resolve().parent for font in fonts.values()]
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        if getattr(settings, name, None):
            roots.append(Path(getattr(settings, name)).resolve())
    if base_url and urlsplit(base_url).scheme in ("", "file"):
        base = Path(url2pathname(urlsplit(base_url).path)).resolve()
        roots.append(base if base.is_dir() else base.parent)
    return roots


_thread_fonts = threading.local()


def _font_configuration(faces: str):
    """A WeasyPrint font configuration kept per thread for as long as the @font-face rules stay the same.

    Loading a face copies the font file into a temporary folder and registers it with Fontconfig; a new
    configuration per document would copy some 45 MB of Fandol (200 MB of Noto collections) every time.
    Fontconfig objects are not shared between threads, hence one per thread.
    """
    from weasyprint.text.fonts import FontConfiguration

    cached = getattr(_thread_fonts, "cached", None)
    if cached is None or cached[0] != faces:
        cached = (faces, FontConfiguration())
        _thread_fonts.cached = cached
    return cached[1]


def html_to_pdf(html: str, *, base_url: str | None = None, stylesheets: Iterable[str] = ()) -> bytes:
    """Print an HTML document to PDF bytes, with the Chinese role fonts embedded (subset).

    The HTML should say ``lang="zh-CN"`` (``core/documents/base.html`` does) so the shaper uses
    simplified-Chinese glyph forms. ``stylesheets`` are extra CSS strings; relative URLs resolve against
    ``base_url``. Only data: URLs and files under the font folders, MEDIA_ROOT, STATIC_ROOT and the
    ``base_url`` folder are read. Raises DomainError when no Chinese font is found.
    """
    from weasyprint import CSS, HTML

    fonts = resolve_fonts()
    fetcher = _url_fetcher(_allowed_roots(base_url, fonts))
    faces = font_face_css(fonts)
    font_config = _font_configuration(faces)
    sheets = [CSS(string=faces, font_config=font_config, url_fetcher=fetcher)]
    sheets += [CSS(string=css, font_config=font_config, url_fetcher=fetcher, base_url=base_url) for css in stylesheets]
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=sheets, font_config=font_config)


def render_document_html(template_name: str, context: dict | None = None, *, page: str = "A4") -> str:
    """Render a document template with ``css`` (the `document_css` of ``page``) and ``page_format`` in its context.

    Templates extend ``core/documents/base.html``, which puts the CSS in place. Raises ValueError for an
    unknown page format, DomainError when no Chinese font is found.
    """
    context = {**(context or {}), "css": mark_safe(document_css(page)), "page_format": page_format(page)}  # noqa: S308
    return render_to_string(template_name, context)


def render_document_pdf(
    template_name: str, context: dict | None = None, *, page: str = "A4", base_url: str | None = None
) -> bytes:
    """Render a document template (see `render_document_html`) and print it to PDF bytes.

    Raises ValueError for an unknown page format, DomainError when no Chinese font is found.
    """
    return html_to_pdf(render_document_html(template_name, context, page=page), base_url=base_url)
