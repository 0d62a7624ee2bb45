import pytest
from django.core.management import call_command

from jiceng.ledger.models import Notice, Programme, Rectification

pytestmark = pytest.mark.django_db


def test_the_demo_programme_rebuilds_the_seeds_ledger():
    call_command("load_demo", verbosity=0)
    programme = Programme.objects.get(name="美丽人居建设 2020")
    assert programme.owner_unit.short_name == "区委社治委"
    names = set(programme.projects.values_list("name", flat=True))
    assert {"社区社会组织摸底登记", "居民议事场所建设", "机关党支部与楼院党支部结对"} <= names
    meeting = programme.projects.get(name="居民议事场所建设")
    assert float(meeting.reports.get(month__month=6).actual) == 0.8
    assert set(programme.projects.values_list("light", flat=True)) >= {"green", "red"}
    notice = Notice.objects.get(programme=programme, quarter=1)
    assert notice.status == "issued" and notice.entries.exists()
    statuses = set(Rectification.objects.values_list("status", flat=True))
    assert "closed" in statuses and "open" in statuses
