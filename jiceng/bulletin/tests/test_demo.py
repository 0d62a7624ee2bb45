import pytest
from django.core.management import call_command
from django.utils import timezone

from jiceng.bulletin import selectors
from jiceng.bulletin.choices import SubmissionStatus
from jiceng.bulletin.models import Issue, Series, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_the_demo_holds_issue_44_imported_from_the_seed(demo):
    issue = Issue.objects.get(series__name="上街信息", number=44)
    assert issue.imported and issue.date.isoformat() == "2020-06-08"
    assert [i.source_label for i in selectors.items_of(issue)] == ["", "峡窝镇", "区委社治委", "工业路街道",
                                                                  "济源路街道"]
    assert selectors.items_of(issue)[1].source_unit.short_name == "峡窝镇"


def test_the_demo_has_submissions_at_every_state(demo):
    states = set(Submission.objects.values_list("status", flat=True))
    assert states == set(SubmissionStatus.values)


def test_the_demo_statistics_show_something(demo):
    series = Series.objects.get(name="上街信息")
    this_year = selectors.statistics(series, start=timezone.localdate().replace(month=1, day=1),
                                     end=timezone.localdate())
    assert this_year and this_year[0].unit.short_name == "峡窝镇" and this_year[0].higher == 1
    in_2020 = selectors.statistics(series, start=issue_date(2020, 1, 1), end=issue_date(2020, 12, 31))
    assert {r.unit.short_name for r in in_2020} >= {"峡窝镇", "区委社治委", "工业路街道", "济源路街道"}


def issue_date(*parts):
    import datetime

    return datetime.date(*parts)
