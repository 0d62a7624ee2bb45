"""The Chinese fonts official documents are set in, found on disk at run time.

GB/T 9704 names the faces an office uses: 方正小标宋 for titles, 仿宋_GB2312 for the body, 黑体 and
楷体_GB2312 for headings, 宋体 for page numbers. Each is a *role* here. A role is filled, in order, by:

1. the installation's own file: ``settings.JICENG_FONTS = {"fang": "/srv/fonts/仿宋_GB2312.ttf", ...}``;
2. the open Fandol faces (``make fonts`` extracts them into ``var/fonts``);
3. Noto Serif / Sans CJK (Debian's fonts-noto-cjk, ``.ttc`` collections under /usr/share/fonts);
4. any other of those faces that is present, so a document still prints, in the wrong face rather than
   not at all.

Files are looked up by name in ``settings.JICENG_FONT_DIRS`` (searched recursively, earlier folders win).
Settings are read on every call, never at import, so tests and installations can change them.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ..errors import DomainError

ROLES = ("fang", "song", "song_bold", "hei", "hei_bold", "kai", "xbs")

# Noto CJK file names: Debian's collections first, then the single-language OTFs other distributions and
# Google's downloads use. Collections hold JP/KR/SC/TC/HK faces that share glyphs; the HTML carries
# lang="zh-CN" so the shaper picks the simplified-Chinese forms whichever face is loaded.
_NOTO_SERIF = ("NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf", "NotoSerifSC-Regular.otf")
_NOTO_SERIF_BOLD = ("NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold.otf", "NotoSerifSC-Bold.otf")
_NOTO_SANS = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf")
_NOTO_SANS_BOLD = ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf")

# For each role, the file names to try, best first.
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "fang": ("FandolFang-Regular.otf", *_NOTO_SERIF),
    "song": ("FandolSong-Regular.otf", *_NOTO_SERIF),
    "song_bold": ("FandolSong-Bold.otf", *_NOTO_SERIF_BOLD),
    "hei": ("FandolHei-Regular.otf", *_NOTO_SANS),
    "hei_bold": ("FandolHei-Bold.otf", *_NOTO_SANS_BOLD),
    "kai": ("FandolKai-Regular.otf", *_NOTO_SERIF),
    "xbs": ("FandolSong-Bold.otf", *_NOTO_SERIF_BOLD),
}
# When a role's own candidates are all missing, any of these stands in (serif faces before sans).
_LAST_RESORT = tuple(
    dict.fromkeys(
        name
        for role in ("fang", "song", "kai", "song_bold", "xbs", "hei", "hei_bold")
        for name in _CANDIDATES[role]
    )
)
_FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc")


@dataclass(frozen=True)
class FontFile:
    """The file that fills one role, and where it came from ("setting", "fandol", "noto" or "fallback")."""

    role: str
    path: Path
    source: str

    @property
    def css_family(self) -> str:
        """The family name the PDF stylesheets give this role's @font-face (`jiceng-fang`, `jiceng-song-bold`)."""
        return css_family(self.role)


def css_family(role: str) -> str:
    """The CSS font-family name of a role in documents rendered by `html_to_pdf` (e.g. ``jiceng-kai``).

    Raises ValueError for a name that is not one of `ROLES`.
    """
    if role not in ROLES:
        raise ValueError(f"unknown font role {role!r}; roles are {', '.join(ROLES)}")
    return "jiceng-" + role.replace("_", "-")


def font_dirs() -> list[Path]:
    """The folders searched for font files, from ``settings.JICENG_FONT_DIRS``."""
    return [Path(folder) for folder in getattr(settings, "JICENG_FONT_DIRS", None) or []]


def _index(folders: list[Path]) -> dict[str, Path]:
    """Font files under the folders by lower-case file name; the first folder holding a name wins."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(_FONT_SUFFIXES):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _configured() -> dict[str, Path]:
    """The installation's own font files, checked: an unknown role or a missing file is an error, not a fallback."""
    configured = getattr(settings, "JICENG_FONTS", None) or {}
    result = {}
    for role, value in configured.items():
        if role not in ROLES:
            raise DomainError(
                _("JICENG_FONTS names an unknown font role %(role)s; the roles are %(roles)s.")
                % {"role": role, "roles": ", ".join(ROLES)},
                code="font_role_unknown",
            )
        path = Path(value).expanduser()
        if not path.is_file():
            raise DomainError(
                _("The font file set for %(role)s in JICENG_FONTS does not exist: %(path)s")
                % {"role": role, "path": str(path)},
                code="font_file_missing",
            )
        result[role] = path
    return result


def _source(name: str) -> str:
    return "fandol" if name.startswith("fandol") else "noto"


def resolve_fonts() -> dict[str, FontFile]:
    """The font file for every role in `ROLES`, found now from the settings.

    Raises DomainError (code ``fonts_missing``) when no CJK font can be found at all, and
    (``font_role_unknown`` / ``font_file_missing``) when ``settings.JICENG_FONTS`` is wrong.
    """
    configured = _configured()
    folders = font_dirs()
    index = _index(folders)
    fonts: dict[str, FontFile] = {}
    for role in ROLES:
        if role in configured:
            fonts[role] = FontFile(role, configured[role], "setting")
            continue
        for name in _CANDIDATES[role]:
            if name.lower() in index:
                fonts[role] = FontFile(role, index[name.lower()], _source(name.lower()))
                break
    missing = [role for role in ROLES if role not in fonts]
    if missing:
        stand_in = next((index[name.lower()] for name in _LAST_RESORT if name.lower() in index), None)
        if stand_in is None and configured:
            stand_in = configured.get("fang") or next(iter(configured.values()))
        if stand_in is None:
            raise DomainError(
                _(
                    "No Chinese font was found, so the document cannot be printed. Run `make fonts`, install "
                    "fonts-noto-cjk, or point JICENG_FONT_DIRS or JICENG_FONTS at the fonts. Folders searched: "
                    "%(folders)s"
                )
                % {"folders": ", ".join(str(folder) for folder in folders) or "-"},
                code="fonts_missing",
            )
        for role in missing:
            fonts[role] = FontFile(role, stand_in, "fallback")
    return fonts


def font_file(role: str) -> FontFile:
    """The font file that fills one role. Raises ValueError for an unknown role, DomainError as `resolve_fonts`."""
    css_family(role)  # validates the role
    return resolve_fonts()[role]
