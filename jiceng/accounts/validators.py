import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CLASSES = (
    re.compile(r"[a-z]"),
    re.compile(r"[A-Z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[^a-zA-Z0-9]"),
)


def character_classes(password: str) -> int:
    """How many of the four classes (lower case, upper case, digits, symbols) a password uses."""
    return sum(1 for pattern in CLASSES if pattern.search(password))


class CharacterClassValidator:
    """MLPS level 3 (等保三级): a password mixes at least three of the four character classes."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if character_classes(password) < self.min_classes:
            raise ValidationError(
                ngettext(
                    "The password must mix at least %(n)d kind of character (lower case, upper case, digits, symbols).",
                    "The password must mix at least %(n)d kinds of characters "
                    "(lower case, upper case, digits, symbols).",
                    self.min_classes,
                )
                % {"n": self.min_classes},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _("Use at least three of: lower-case letters, upper-case letters, digits, symbols.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a message our catalogue translates (Django 5.2's zh_Hans entry no longer matches)."""

    def get_error_message(self):
        return ngettext(
            "The password is too short: it needs at least %(n)d character.",
            "The password is too short: it needs at least %(n)d characters.",
            self.min_length,
        ) % {"n": self.min_length}

    def get_help_text(self):
        return self.get_error_message()
