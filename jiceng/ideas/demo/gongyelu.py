"""The ideas part of the Shangjie demo: 工业路街道 sent 7 work groups to its 7 unmanaged compounds; residents'
suggestions came by visits, chat groups, phone and outdoor meetings; they were sorted into 27 ideas and 25 of
them were adopted into the governance plan and run as projects. The residents' words are demo data written
for jiceng (demo/suggestions.csv), not real residents'."""

import csv
import datetime as dt
from itertools import cycle
from pathlib import Path

from django.contrib.auth import get_user_model

from jiceng.org.models import Division, Unit
from jiceng.org.services import membership_grant

from .. import services
from ..choices import Channel, IdeaStatus
from ..models import Campaign

CODE = "gongyelu-2020"
TITLES = {
    "stair_light": "楼道照明改造", "car_parking": "规范院内停车", "garbage_collection": "垃圾及时清运",
    "roof_leak": "顶层屋面防水维修", "sewer_blocked": "疏通改造下水管网", "ebike_charging": "建设电动车集中充电桩",
    "stair_clutter": "清理楼道堆放杂物", "greening": "院内补植绿化", "unit_door": "维修单元门和闭门器",
    "road_potholes": "硬化修补院内道路", "property_mgmt": "引入准物业服务", "elderly_meals": "开设老年助餐点",
    "drying_racks": "设置公共晾晒区", "yard_light": "增设院内路灯", "stray_dogs": "治理流浪犬",
    "cctv": "加装院内监控", "wires_mess": "整治私拉乱接电线", "dance_noise": "协调广场舞音量和时段",
    "fitness": "建设健身角", "pests": "统一开展消杀", "elderly_visits": "组织志愿者探访独居老人",
    "facade": "排查维修外墙脱落", "pipe_aging": "更换老旧供水管", "ponding": "解决门口雨天积水",
    "benches": "增设休息座椅", "playground": "建设儿童游乐角", "heating": "老楼接入集中供暖",
}
NOT_ADOPTED = {"heating": ("declined", "需市政热力管网配套，超出街道能力，已向上级反映。"),
               "dance_noise": ("deferred", "先由社区协调约定时段和音量，视效果再定。")}


def is_loaded() -> bool:
    return Campaign.objects.filter(code=CODE).exists()


def load() -> str:
    User = get_user_model()
    street_unit = Unit.objects.get(short_name="工业路街道")
    street = street_unit.division
    compounds = list(Division.objects.filter(path__startswith=street.path, kind="compound", unmanaged=True)
                     .order_by("path"))
    admin = User.objects.get(username="admin")
    gongyelu = User.objects.get(username="gongyelu")
    membership_grant(actor=None, user=gongyelu, unit=street_unit, role="work_group")
    campaign = services.campaign_create(actor=None, owner_unit=street_unit, title="无主管楼院治理提升“金点子”征集",
                                        code=CODE, starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                        compounds=compounds)
    for index, compound in enumerate(compounds, start=1):
        services.work_group_create(actor=None, campaign=campaign, name=f"第{index}工作组", compounds=[compound],
                                   members=[gongyelu] if index == 1 else [])
    rows = list(csv.DictReader((Path(__file__).parent / "suggestions.csv").open(encoding="utf-8")))
    channels = cycle([Channel.VISIT, Channel.VISIT, Channel.WECHAT, Channel.PHONE, Channel.MEETING])
    places = cycle(compounds)
    by_group: dict[str, list] = {}
    for number, row in enumerate(rows):
        # heard over the campaign's first three weeks, in the day and the evening
        said_at = dt.datetime(2020, 5, 6 + number * 19 // len(rows), 8 + number * 7 % 13, number * 13 % 60)
        suggestion = services.suggestion_submit(actor=gongyelu, campaign=campaign, compound=next(places),
                                                text=row["text"], channel=next(channels), said_at=said_at)
        services.suggestion_categorise(actor=gongyelu, suggestion=suggestion, category=row["category"])
        by_group.setdefault(row["group"], []).append(suggestion)
    adopted = 0
    for key, members in by_group.items():
        idea = services.idea_create(actor=gongyelu, campaign=campaign, title=TITLES.get(key, members[0].text[:20]),
                                    suggestions=members, category=members[0].category, compound=members[0].compound,
                                    summary=f"{len(members)}位居民提出：{members[0].text}")
        services.evaluation_submit(actor=gongyelu, idea=idea, scores={"feasibility": 8, "demand": 9, "cost": 6,
                                                                      "urgency": 7})
        decision, reason = NOT_ADOPTED.get(key, ("adopted", "可行性强，贴合群众需求，纳入治理提升方案，实施项目化运作。"))
        services.idea_decide(actor=admin, idea=idea, decision=decision, reason=reason,
                             planned_end=dt.date(2020, 12, 31))
        adopted += decision == IdeaStatus.ADOPTED
    return f"{len(rows)} suggestions, {len(by_group)} ideas, {adopted} adopted"
