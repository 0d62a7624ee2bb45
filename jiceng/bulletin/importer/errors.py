"""The error the importer raises when a file cannot be turned into text at all."""

from django.utils.translation import gettext_lazy

from jiceng.core.errors import DomainError


class BulletinImportError(DomainError):
    """A bulletin file could not be read (not a PDF, damaged, encrypted, scanned, too large, too slow).

    The message is Chinese (see ``messages.zh``); ``code`` is stable for API clients.
    """

    code = "bulletin_import_failed"
    default_message = gettext_lazy("The bulletin could not be imported.")
