"""Errors of the ledger importer: a file refused as a whole, and a single cell that cannot be read."""

from django.utils.translation import gettext_lazy

from jiceng.core.errors import DomainError


class LedgerFileError(DomainError):
    """The uploaded file cannot be read as a ledger at all: not an XLSX workbook, damaged, encrypted, too
    large, a zip bomb, or without a recognisable ledger header.  Nothing was read.

    The message is Chinese; ``code`` is stable for API clients and ``reason`` says which check refused it
    (``empty``, ``too_large``, ``legacy_xls``, ``encrypted``, ``not_xlsx``, ``damaged``, ``zip_bomb``,
    ``unsafe_xml``, ``too_many_rows``, ``too_many_columns``, ``too_many_cells``, ``too_many_merged_cells``,
    ``no_sheet``,
    ``no_header``).
    """

    code = "ledger_file_invalid"
    default_message = gettext_lazy("The ledger file could not be read.")

    def __init__(self, message=None, *, reason: str = "invalid", **kwargs):
        self.reason = reason
        super().__init__(message, **kwargs)


class CellValueError(ValueError):
    """One cell's value cannot be read (a date that does not exist, progress above 100 %, a plan in words).

    ``code`` is stable (``progress_over_100``, ``date_invalid`` …); ``message`` is Chinese.
    """

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(message)
