"""The pure rules of the ideas app: reading a message's time as exports write it, and telling chat noise from
residents' words."""

import datetime as dt

import pytest

from jiceng.ideas.rules import chat_noise, parse_said_at

T = dt.datetime


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-05-07 20:01", T(2020, 5, 7, 20, 1)),
    ("2020-05-07 20:01:33", T(2020, 5, 7, 20, 1, 33)),
    ("2020-05-07T20:01:33", T(2020, 5, 7, 20, 1, 33)),
    ("2020-05-07 20:01:33.250", T(2020, 5, 7, 20, 1, 33)),
    ("2020/5/7 8:05", T(2020, 5, 7, 8, 5)),
    ("2020.5.7", T(2020, 5, 7)),
    ("2020-05-07", T(2020, 5, 7)),
    ("2020年5月7日 20:01", T(2020, 5, 7, 20, 1)),
    ("2020年5月7日20时15分", T(2020, 5, 7, 20, 15)),
    ("2020年5月7日晚上8点", T(2020, 5, 7, 20, 0)),
    ("2020年5月7号 下午3:05", T(2020, 5, 7, 15, 5)),
    ("5月7日 上午9:30", T(2020, 5, 7, 9, 30)),  # no year: the campaign's
    ("5-7 20:01", T(2020, 5, 7, 20, 1)),
    ("下午12:10", None),  # no date at all: not a time said
    ("20200507", T(2020, 5, 7)),
    ("20200507 201533", T(2020, 5, 7, 20, 15, 33)),
    ("43958.5", T(2020, 5, 7, 12, 0)),  # an Excel serial day number
    ("  ", None),
    ("", None),
])
def test_times_are_read_as_exports_write_them(value, expected):
    if expected is None and value.strip():
        with pytest.raises(ValueError):
            parse_said_at(value, default_year=2020)
    else:
        assert parse_said_at(value, default_year=2020) == expected


@pytest.mark.parametrize("value", ["2020-02-30", "2020-13-01", "2020-05-07 25:00", "2020-05-07 20:61", "昨天晚上",
                                   "20:15", "12345", "2020-05-07 20:01+08:00", "五月七日", "2020-5", "<script>"])
def test_anything_else_is_refused(value):
    with pytest.raises(ValueError):
        parse_said_at(value, default_year=2020)


@pytest.mark.parametrize(("text", "kind", "why"), [
    ("[图片]", "", "图片"),
    ("[语音] 12\"", "", "语音"),
    ("【动画表情】", "", "动画表情"),
    ("[聊天记录]", "", "聊天记录"),
    ("老王撤回了一条消息", "", "system"),
    ("\"李姐\"邀请\"张三\"加入了群聊", "", "system"),
    ("我拍了拍\"物业小刘\"", "", "system"),
    ("看这个", "图片", "图片"),
    ("楼道灯坏了", "文本", None),
    ("楼道灯坏了", "", None),
    ("楼道灯坏了", "TEXT", None),
    ("[图片]楼道灯坏了好几个月了，晚上上楼全靠手机照，老人摔了好几回，社区能不能赶紧找人来修一修，谢谢大家", "", None),
    ("上次有人撤回了一条消息说要装电梯，到底装不装？我们5号楼老人太多了，爬楼梯实在困难，希望尽快给个准话", "", None),
])
def test_chat_noise_is_told_from_residents_words(text, kind, why):
    assert chat_noise(text, kind) == why
