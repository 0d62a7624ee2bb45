"""The history tab speaks the staff's language: every action the code records has a label, fields show their form
names and values their choices' labels; the codes stay in the events."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from jiceng.core.audit.labels import ACTION_LABELS, action_label, field_label, value_label

ROOT = Path(__file__).resolve().parents[2]
_RE_ACTION = re.compile(r'action=(f?)"([a-z_]+\.[a-z_]+\.[a-z_{}]+)"')


def _recorded_actions() -> set[str]:
    """Every action code the services write, the f-string ones expanded to the verbs they can take."""
    from jiceng.ideas.services import CAMPAIGN_MOVES
    from jiceng.ledger.models import Project, Rectification

    expansions = {
        "ledger.project.{verb}": Project.TRANSITIONS, "ledger.rectification.{verb}": Rectification.TRANSITIONS,
        "ideas.campaign.{status}": {s for moves in CAMPAIGN_MOVES.values() for s in moves},
        "ideas.idea.{decision}": ("adopted", "deferred", "declined"),
    }
    found = set()
    for path in ROOT.glob("*/**/*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for formatted, code in _RE_ACTION.findall(path.read_text(encoding="utf-8")):
            if formatted:
                found |= {code.split("{")[0] + str(verb) for verb in expansions[code]}
            else:
                found.add(code)
    return found


def test_every_action_the_code_records_has_a_label():
    actions = _recorded_actions()
    assert len(actions) > 70
    assert sorted(actions - set(ACTION_LABELS)) == []


def test_every_label_is_translated():
    with translation.override("zh-hans"):
        untranslated = [code for code, label in ACTION_LABELS.items() if not re.search(r"[\u4e00-\u9fff]", str(label))]
    assert untranslated == []


@pytest.mark.parametrize(("object_type", "name", "value", "shown"), [
    ("ideas.campaign", "status", "closed", "已截止"),
    ("ideas.campaign", "public_intake", True, "是"),
    ("ideas.campaign", "criteria", [{"key": "feasibility", "label": "可行性", "weight": 0.4}], "可行性 0.4"),
    ("ideas.campaign", "categories", ["停车", "照明"], "停车、照明"),
    ("ledger.project", "status", "suspended", "暂停"),
    ("ideas.campaign", "title", None, "—"),
    ("nowhere.model", "status", "x", "x"),
])
def test_values_are_shown_as_staff_read_them(object_type, name, value, shown):
    with translation.override("zh-hans"):
        assert shown in value_label(object_type, name, value)


def test_unknown_things_fall_back_to_their_codes():
    assert action_label("made.up.action") == "made.up.action"
    assert field_label("ideas.campaign", "no_such_field") == "no_such_field"
    with translation.override("zh-hans"):
        assert field_label("ideas.campaign", "ends_on") == "结束日期"
        assert action_label("ideas.campaign.closed") != "ideas.campaign.closed"
