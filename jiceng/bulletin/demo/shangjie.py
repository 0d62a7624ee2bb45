"""The bulletin's part of the Shangjie demo: 《上街信息》 with issue 44 imported from the seed, submissions at
every state, a commissioned topic and a published issue, so that the statistics show something."""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from jiceng.org.models import Unit

from .. import services
from ..choices import AdoptionLevel
from ..importing import parse_upload
from ..models import Series, Submission

SERIES = "上街信息"
OFFICE = "中共上街区委办公室"
DISTRIBUTION = [["报", "市委办公厅，区委、区人大、区政府、区政协领导"],
                ["发", "各街道（镇）党（工）委，区委各部委，区直各单位"]]


def seed_path() -> Path:
    candidates = [Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_e96fc6a9e15b0a79.txt",
                  Path(__file__).resolve().parent / "seed_44.txt"]
    for path in candidates:
        if path.exists():
            return path
    raise FileNotFoundError("the seed bulletin was not found")


def is_loaded() -> bool:
    return Series.objects.filter(name=SERIES).exists()


def _unit(short):
    return Unit.objects.get(short_name=short)


def load() -> str:
    User = get_user_model()
    editor = User.objects.get(username="editor")
    office = Unit.objects.get(name=OFFICE)
    series = services.series_create(actor=None, name=SERIES, office=office, office_name=OFFICE,
                                    distribution=DISTRIBUTION, copies=120)
    issue44 = services.issue_import(actor=None, parsed=parse_upload(seed_path().read_bytes(), "seed.txt"))

    # Items the units sent after issue 44, at every state of the workflow.
    xiawo, gongyelu, jiyuanlu = User.objects.get(username="xiawo"), User.objects.get(
        username="gongyelu"), User.objects.get(username="jiyuanlu")
    today = timezone.localdate()
    topic = services.topic_create(actor=editor, series=series, title="夏季夜间经济发展情况（演示约稿）",
                                  description="请各街道（镇）报送夜间经济、地摊经济推进情况，突出特色做法。",
                                  units=[_unit("峡窝镇"), _unit("工业路街道"), _unit("济源路街道")],
                                  deadline=today + datetime.timedelta(days=10))
    adopted = services.submission_create(
        actor=xiawo, series=series, unit=_unit("峡窝镇"), topic=topic,
        headline="峡窝镇夜市开市首周客流超三万人次（演示）",
        body="6月12日，峡窝镇特色夜市正式开市。开市首周，累计接待群众三万余人次，入驻商户86家，"
             "其中本地困难群众优先摊位12个，现场签订文明经营协议书86份。")
    services.submission_submit(actor=xiawo, submission=adopted)
    returned = services.submission_create(
        actor=gongyelu, series=series, unit=_unit("工业路街道"),
        headline="工业路街道“金点子”项目化运作取得新进展（演示）",
        body="工业路街道将征集到的25条“金点子”纳入治理提升方案，目前已完成楼道照明改造等项目。")
    services.submission_submit(actor=gongyelu, submission=returned)
    services.submission_return(actor=editor, submission=returned,
                               reason="请补充已完成项目的数量、受益居民户数等具体数据。")
    waiting = services.submission_create(
        actor=jiyuanlu, series=series, unit=_unit("济源路街道"),
        headline="济源路街道开展“我们的节日·端午”主题活动（演示）",
        body="6月24日，济源路街道各新时代文明实践站开展包粽子、诵经典等活动，辖区居民300余人参加。")
    services.submission_submit(actor=jiyuanlu, submission=waiting)
    services.submission_create(actor=jiyuanlu, series=series, unit=_unit("济源路街道"),
                               headline="（草稿）济源路街道家风家训展示活动", body="草稿，尚未报送。")
    archived = services.submission_create(
        actor=gongyelu, series=series, unit=_unit("工业路街道"), headline="工业路街道召开季度工作例会（演示）",
        body="街道召开二季度工作例会，总结上半年工作，部署下半年任务。")
    services.submission_submit(actor=gongyelu, submission=archived)
    services.submission_archive(actor=editor, submission=archived, reason="例行会议信息，存档备查。")

    issue45 = services.issue_create(actor=editor, series=series, date=max(issue44.date, today - datetime.timedelta(
        days=3)), number=45 if today.year == issue44.year else None)
    services.item_add(actor=editor, issue=issue45, headline="我区召开夜间经济发展推进会（演示）",
                      body="6月15日，我区召开夜间经济发展推进会，总结前期工作，部署下一步任务。", is_lead=True)
    item = services.submission_adopt(actor=editor, submission=adopted, issue=issue45)
    services.issue_publish(actor=editor, issue=issue45)
    services.higher_adoption_record(actor=editor, item=item, level=AdoptionLevel.CITY, date=today,
                                    note="郑州市委办公厅《郑州信息》采用（演示）")
    return f"series {SERIES}: issues {issue44.number} and {issue45.number}, {Submission.objects.count()} submissions"
