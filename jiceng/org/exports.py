"""XLSX exports of org lists, through the core export service (same filterset as the page)."""

from django.utils.translation import gettext as _

from jiceng.core.exports import Column, xlsx_bytes


def compounds_xlsx(compounds) -> bytes:
    columns = [
        Column(_("Street or town"), lambda d: d.parent.parent.name if d.parent and d.parent.parent else "", 16),
        Column(_("Community or village"), lambda d: d.parent.name if d.parent else "", 18),
        Column(_("Compound"), lambda d: d.name, 24),
        Column(_("Unmanaged"), lambda d: _("yes") if d.unmanaged else _("no"), 10),
        Column(_("Division code"), lambda d: d.code, 16),
        Column(_("Demo data"), lambda d: _("yes") if d.is_demo else "", 10),
    ]
    return xlsx_bytes(title=_("Compounds"), columns=columns, rows=compounds)
