"""The ledger's part of the Shangjie demo: 美丽人居建设 2020 as 区委社治委 ran it by 挂图作战 — the seed's projects
spread over the units, monthly reports January–June 2020 with some projects behind, a Q1 notice, and open and
closed rectifications. Project figures not given by the seed are invented and say so in the note."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from jiceng.org.models import Unit

from .. import services
from ..models import Programme

PROGRAMME = "美丽人居建设 2020"
DEMO_NOTE = "演示数据：进度为虚构"
# (name, unit short name, target, quantity, category, monthly actual Jan–Jun as % or None for no report)
PROJECTS = [
    ("社区社会组织摸底登记", "区委社治委", "全区59个城乡社区完成摸底登记", 59, "社区治理", [10, 30, 50, 70, 90, 100]),
    ("出台《社区社会组织暂行办法（试行）》", "区委社治委", "办法印发实施", 1, "制度建设", [0, 20, 40, 70, 90, 100]),
    ("居民议事场所建设", "区委社治委", "59个城乡社区建成居民议事场所", 59, "阵地建设", [10, 20, 35, 50, 65, 80]),
    ("机关党支部与楼院党支部结对", "区委社治委", "134个无主管楼院全部结对", 134, "党建引领", [20, 40, 60, 80, 95, 100]),
    ("济源路街道无主管楼院整治提升", "济源路街道", "35个无主管楼院完成整治", 35, "楼院整治", [5, 10, 20, 30, 45, 55]),
    ("中心路街道无主管楼院整治提升", "中心路街道", "32个无主管楼院完成整治", 32, "楼院整治", [5, 12, 20, 28, 38, 50]),
    ("新安路街道无主管楼院整治提升", "新安路街道", "28个无主管楼院完成整治", 28, "楼院整治", [0, 5, 10, 15, 20, 25]),
    ("工业路街道无主管楼院治理提升", "工业路街道", "7个无主管楼院“金点子”项目化运作", 7, "楼院整治", [0, 10, 25, 40, 55, 70]),
    ("矿山街道无主管楼院整治提升", "矿山街道", "22个无主管楼院完成整治", 22, "楼院整治", [0, 0, 0, 5, None, None]),
    ("峡窝镇无主管楼院整治提升", "峡窝镇", "10个无主管楼院完成整治", 10, "楼院整治", [0, 0, 0, 0, 10, None]),
    ("峡窝镇特色夜市建设", "峡窝镇", "建成特色名吃夜市街区1处", 1, "夜间经济", [0, 0, 10, 30, 50, 60]),
    ("济源路街道新时代文明实践站建设", "济源路街道", "建成实践所1个、实践站9个", 10, "文明实践", [10, 20, 40, 60, 80, 100]),
]


def is_loaded() -> bool:
    return Programme.objects.filter(name=PROGRAMME).exists()


def load() -> str:
    User = get_user_model()
    supervisor = User.objects.get(username="supervisor")
    owner = Unit.objects.get(short_name="区委社治委")
    programme = services.programme_create(actor=None, name=PROGRAMME, year=2020, owner_unit=owner,
                                          leader_in_charge="区委社治委副主任（演示）",
                                          description="一名副职直接分管，实施挂图作战，每月紧盯时间节点及目标要求。")
    as_of = dt.date(2020, 6, 30)
    projects = []
    for name, unit_short, target, quantity, category, monthly in PROJECTS:
        unit = Unit.objects.get(short_name=unit_short)
        project = services.project_create(actor=None, programme=programme, name=name, unit=unit,
                                          planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2020, 12, 31),
                                          target=target, target_quantity=quantity, category=category,
                                          person="（演示）", note=DEMO_NOTE, today=as_of)
        for month in range(1, 13):
            services.milestone_set(actor=None, project=project, month=dt.date(2020, month, 1),
                                   planned=round(month / 12, 4), today=as_of)
        for month, value in enumerate(monthly, start=1):
            if value is None:
                continue
            filed = timezone.make_aware(dt.datetime(2020, month, 28 if month in (5, 6) and value < 30 else 20, 10))
            services.report_submit(actor=None, project=project, month=dt.date(2020, month, 1), actual=value / 100,
                                   narrative=f"截至{month}月底累计完成{value}%。（演示）", today=as_of,
                                   submitted_at=filed)
        projects.append(project)
    notice = services.notice_draft(actor=None, programme=programme, year=2020, quarter=1, date=dt.date(2020, 4, 8),
                                   doc_number="上社治〔2020〕5号（演示）", rectify_workdays=15, today=as_of)
    services.notice_issue(actor=None, notice=notice)
    closed = notice.rectifications.order_by("pk").first()
    if closed is not None:
        services.rectification_respond(actor=None, rectification=closed, response="已制定整改方案并加快推进。（演示）")
        services.rectification_close(actor=None, rectification=closed, verification="现场核查属实，予以销号。（演示）")
    services.inspection_record(actor=supervisor, project=projects[2], kind="quarterly", date=dt.date(2020, 6, 18),
                               findings="议事场所标识不统一，部分社区未建立议事规则。（演示）", score=82,
                               rectification="统一议事场所标识，建立议事规则并上墙。", rectify_workdays=10)
    from .. import cells

    for project in projects:  # the demo world stands at the end of June 2020, as in the seed
        cells.refresh_project(project, today=as_of)
    return f"{len(projects)} projects, Q1 notice naming {notice.entries.count()}"
