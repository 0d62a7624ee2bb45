from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    VISIT = "visit", _("Door-to-door visit (走访)")
    WECHAT = "wechat", _("WeChat group (微信群)")
    PHONE = "phone", _("Phone (电话)")
    MEETING = "meeting", _("Outdoor meeting (室外征集会)")
    ONLINE = "online", _("Online form (线上)")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Preparing")
    OPEN = "open", _("Collecting")
    CLOSED = "closed", _("Closed")


class IdeaStatus(models.TextChoices):
    DRAFT = "draft", _("Being sorted")
    EVALUATING = "evaluating", _("Being evaluated")
    ADOPTED = "adopted", _("Taken up")
    DEFERRED = "deferred", _("Deferred")
    DECLINED = "declined", _("Declined")


DEFAULT_CRITERIA = [
    {"key": "feasibility", "label": "可行性", "weight": 0.4},
    {"key": "demand", "label": "群众需求", "weight": 0.3},
    {"key": "cost", "label": "成本", "weight": 0.15},
    {"key": "urgency", "label": "紧迫性", "weight": 0.15},
]
DEFAULT_CATEGORIES = ["基础设施", "环境卫生", "停车交通", "安全", "绿化", "养老服务", "物业管理", "文体活动", "其他"]
