"""Ledger test data through the real services, on the org test world."""

import datetime as dt
import io
from dataclasses import dataclass

from PIL import Image

from jiceng.ledger import services
from jiceng.org.tests.factories import XSS


@dataclass
class LedgerWorld:
    org: object
    programme: object
    project_a: object
    project_b: object
    supervisor: object
    reporter_a: object
    reporter_b: object


TODAY = dt.date(2020, 6, 30)


def build_ledger_world(org) -> LedgerWorld:
    programme = services.programme_create(actor=None, name="美丽人居建设 2020", year=2020,
                                          owner_unit=org.district_unit)
    project_a = services.project_create(actor=None, programme=programme, name=f"楼院整治{XSS}", unit=org.unit_a,
                                        planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2020, 12, 31),
                                        target="7个楼院", today=TODAY)
    project_b = services.project_create(actor=None, programme=programme, name="峡窝镇夜市建设", unit=org.unit_b,
                                        planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2020, 12, 31),
                                        target="建成夜市1处", today=TODAY)
    return LedgerWorld(org=org, programme=programme, project_a=project_a, project_b=project_b,
                       supervisor=org.user("district_supervisor"), reporter_a=org.user("reporter_a"),
                       reporter_b=org.user("reporter_b"))


def report(lw, project, month, value, *, user=None, day=20):
    user = user or (lw.reporter_a if project == lw.project_a else lw.reporter_b)
    return services.report_submit(actor=user, project=project, month=dt.date(2020, month, 1), actual=value,
                                  today=TODAY, submitted_at=_aware(dt.datetime(2020, month, day, 10)))


def _aware(value):
    from django.utils import timezone

    return timezone.make_aware(value)


def photo(name="现场.jpg", size=(64, 48)):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
