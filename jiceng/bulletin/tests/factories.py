"""Bulletin test data through the real services, on top of the org test world."""

from dataclasses import dataclass

from jiceng.bulletin import services
from jiceng.org.tests.factories import XSS


@dataclass
class BulletinWorld:
    org: object
    series: object
    editor: object
    reporter_a: object
    reporter_b: object


def build_bulletin_world(org_world) -> BulletinWorld:
    series = services.series_create(actor=None, name="测试信息", office=org_world.district_unit,
                                    office_name="中共测试区委办公室", distribution=[["报", "市委办公厅"]], copies=80)
    return BulletinWorld(org=org_world, series=series, editor=org_world.user("district_editor"),
                         reporter_a=org_world.user("reporter_a"), reporter_b=org_world.user("reporter_b"))


def submitted(bw: BulletinWorld, *, unit=None, reporter=None, headline=f"峡窝镇夜市开市{XSS}", body="正文。"):
    unit = unit or bw.org.unit_b
    reporter = reporter or bw.reporter_b
    submission = services.submission_create(actor=reporter, series=bw.series, unit=unit, headline=headline, body=body)
    return services.submission_submit(actor=reporter, submission=submission)
