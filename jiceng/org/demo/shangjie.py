"""The world of 《上街信息》 No. 44: Shangjie district, its streets and town, 59 communities and villages,
134 unmanaged compounds (7 in 工业路街道), the units the bulletin names, party branches, and demo users.

Names the seed gives (the district, its streets and town, 区委办公室, 区委社治委, …) are real; every
community, village, compound and committee name here is invented and stored with is_demo=True.
"""

from django.contrib.auth import get_user_model

from jiceng.accounts import services as account_services

from .. import services
from ..choices import DivisionKind as K
from ..choices import PartyOrgKind, Role, UnitKind
from ..models import Division

DEMO_PASSWORD = "jiceng-demo-2020"  # noqa: S105 (documented demo password)
DISTRICT_CODE = "410106"

# street or town → (kind, unit full name, unit short name, [(community or village, kind)], unmanaged compound count)
STREETS = [
    ("济源路街道", K.STREET, "上街区济源路街道办事处", "济源路街道",
     [(n, K.COMMUNITY) for n in ("济源社区", "朝阳社区", "金华社区", "兴华社区", "和平社区", "新华社区", "汝南社区",
                                 "商城社区", "育才社区", "振兴社区", "丰华社区")], 35),
    ("中心路街道", K.STREET, "上街区中心路街道办事处", "中心路街道",
     [(n, K.COMMUNITY) for n in ("中心社区", "安居社区", "华山社区", "泰山社区", "嵩山社区", "淮阳社区", "龙城社区",
                                 "金屏社区", "宏达社区", "清华园社区")], 32),
    ("新安路街道", K.STREET, "上街区新安路街道办事处", "新安路街道",
     [(n, K.COMMUNITY) for n in ("新安社区", "洛阳路社区", "登封路社区", "许昌路社区", "长安社区", "永安社区",
                                 "平安社区", "福华社区", "康宁社区", "瑞祥社区")], 28),
    ("工业路街道", K.STREET, "上街区工业路街道办事处", "工业路街道",
     [(n, K.COMMUNITY) for n in ("工业路社区", "铝城社区", "汇丰社区", "东方社区", "红旗社区", "兴业社区", "科技社区",
                                 "建设社区", "创新社区")], 7),
    ("矿山街道", K.STREET, "上街区矿山街道办事处", "矿山街道",
     [(n, K.COMMUNITY) for n in ("矿山社区", "铝矿社区", "东山社区", "西山社区", "南岭社区", "北岭社区",
                                 "青石社区")], 22),
    ("峡窝镇", K.TOWN, "上街区峡窝镇人民政府", "峡窝镇",
     [("峡窝社区", K.COMMUNITY), ("马固社区", K.COMMUNITY)]
     + [(n, K.VILLAGE) for n in ("峡窝村", "马固村", "西岭村", "东岭村", "上街村", "冉屯村", "后坡村", "前进村",
                                 "白寨村", "三李村")], 10),
]

# The 7 unmanaged compounds of 工业路街道 where its 7 work groups collected "金点子" (names invented).
GONGYELU_COMPOUNDS = ["原铝厂第三生活区", "原机械厂家属院", "原粮食局家属院", "原供销社家属院", "原二建公司家属院",
                      "原运输公司家属院", "原耐材厂家属院"]
FORMER_EMPLOYERS = ["原铝厂", "原机械厂", "原粮食局", "原供销社", "原二建公司", "原电业局", "原运输公司", "原水泥厂",
                    "原耐材厂", "原化肥厂", "原棉纺厂", "原食品厂", "原印刷厂", "原煤建公司", "原物资局", "原邮电局",
                    "原百货公司", "原卫生局", "原农机站", "原物探队", "原砖瓦厂", "原酒厂", "原纸箱厂", "原电机厂"]
COMPOUND_SUFFIXES = ["家属院", "生活区", "1号院", "2号院", "3号院", "东院", "西院"]

DISTRICT_UNITS = [
    # (full name, short name, kind, real?)
    ("中共上街区委员会", "区委", UnitKind.PARTY_COMMITTEE, True),
    ("中共上街区委办公室", "区委办公室", UnitKind.PARTY_OFFICE, True),
    ("中共上街区委社会治理委员会", "区委社治委", UnitKind.PARTY_OFFICE, True),
    ("上街区人民政府", "区政府", UnitKind.GOVERNMENT, True),
]

# username → (display name, unit short name or community name, role, superuser)
DEMO_USERS = {
    "admin": ("系统管理员（演示）", "区委办公室", Role.ADMIN, True),
    "leader": ("区领导（演示）", "区委", Role.LEADER, False),
    "supervisor": ("社治委督查员（演示）", "区委社治委", Role.SUPERVISOR, False),
    "editor": ("信息科编辑（演示）", "区委办公室", Role.EDITOR, False),
    "gongyelu": ("工业路街道信息员（演示）", "工业路街道", Role.REPORTER, False),
    "jiyuanlu": ("济源路街道信息员（演示）", "济源路街道", Role.REPORTER, False),
    "xiawo": ("峡窝镇信息员（演示）", "峡窝镇", Role.REPORTER, False),
    "community": ("工业路社区工作者（演示）", "工业路社区", Role.COMMUNITY_WORKER, False),
}


def compound_names(street_index: int, count: int) -> list[str]:
    """`count` distinct invented compound names for one street, deterministic."""
    names = []
    i = street_index * 5
    while len(names) < count:
        employer = FORMER_EMPLOYERS[i % len(FORMER_EMPLOYERS)]
        suffix = COMPOUND_SUFFIXES[(i // len(FORMER_EMPLOYERS)) % len(COMPOUND_SUFFIXES)]
        name = f"{employer}{suffix}"
        if name not in names:
            names.append(name)
        i += 1
    return names


def is_loaded() -> bool:
    return Division.objects.filter(kind=K.DISTRICT, code=DISTRICT_CODE).exists()


def load() -> str:
    district = services.division_create(actor=None, name="上街区", kind=K.DISTRICT, code=DISTRICT_CODE)
    units = {}
    for order, (name, short, kind, _real) in enumerate(DISTRICT_UNITS):
        units[short] = services.unit_create(actor=None, name=name, short_name=short, kind=kind, division=district,
                                            sort_order=order)
    for unit in units.values():
        if unit.kind == UnitKind.PARTY_OFFICE:
            services.unit_update(actor=None, unit=unit, parent=units["区委"])
    for short in units:
        services.party_org_create(actor=None, name=f"{units[short].name}机关党支部", kind=PartyOrgKind.BRANCH,
                                  division=district, unit=units[short])

    compounds = unmanaged = 0
    for s_index, (street_name, street_kind, unit_name, unit_short, communities, unmanaged_count) in enumerate(STREETS):
        street = services.division_create(actor=None, parent=district, name=street_name, kind=street_kind,
                                          sort_order=s_index)
        street_unit = services.unit_create(
            actor=None, name=unit_name, short_name=unit_short, division=street,
            kind=UnitKind.TOWN_GOVERNMENT if street_kind == K.TOWN else UnitKind.STREET_OFFICE, sort_order=s_index)
        units[unit_short] = street_unit
        services.party_org_create(actor=None, name=f"{unit_short}机关党支部", kind=PartyOrgKind.BRANCH,
                                  division=street, unit=street_unit)
        names = GONGYELU_COMPOUNDS if street_name == "工业路街道" else compound_names(s_index, unmanaged_count)
        community_nodes = []
        for c_index, (community_name, community_kind) in enumerate(communities):
            community = services.division_create(actor=None, parent=street, name=community_name, kind=community_kind,
                                                 is_demo=True, sort_order=c_index)
            committee = "村民委员会" if community_kind == K.VILLAGE else "居民委员会"
            units[community_name] = services.unit_create(
                actor=None, name=f"{street_name}{community_name}{committee}", short_name=community_name,
                division=community, kind=UnitKind.COMMUNITY_COMMITTEE, parent=street_unit, is_demo=True,
                sort_order=c_index)
            managed_name = f"{community_name.removesuffix('社区').removesuffix('村')}花园小区"
            services.division_create(actor=None, parent=community, name=managed_name, kind=K.COMPOUND, is_demo=True)
            compounds += 1
            community_nodes.append(community)
        for n_index, compound_name in enumerate(names):
            community = community_nodes[n_index % len(community_nodes)]
            compound = services.division_create(actor=None, parent=community, name=compound_name, kind=K.COMPOUND,
                                                unmanaged=True, is_demo=True, sort_order=n_index)
            services.party_org_create(actor=None, name=f"{compound_name}楼院党支部", kind=PartyOrgKind.BRANCH,
                                      division=compound, is_demo=True)
            compounds += 1
            unmanaged += 1

    User = get_user_model()
    for username, (display_name, unit_key, role, superuser) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first() or account_services.user_create(
            actor=None, username=username, password=DEMO_PASSWORD, display_name=display_name,
            is_superuser=superuser)
        services.membership_grant(actor=None, user=user, unit=units[unit_key], role=role)
    return f"{compounds} compounds ({unmanaged} unmanaged), {len(units)} units, {len(DEMO_USERS)} users"
