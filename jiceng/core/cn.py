"""Chinese conventions for display: dates as 2020年6月8日."""

import datetime

from django.utils import timezone


def format_cn_date(value: datetime.date | datetime.datetime | None) -> str:
    """A date the way Chinese documents write it, without leading zeros: 2020年6月8日 ("" for None).

    An aware datetime is first converted to local time (Asia/Shanghai), so a
    moment late on 8 June UTC prints as 9 June if that is the local date.
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return f"{value.year}年{value.month}月{value.day}日"
