"""Import of the Excel ledgers (台账) offices already keep — pure Python, no models.

``read_ledger(data, unit_resolver=..., today=...)`` turns the bytes of an XLSX ledger into a ``LedgerRead``:
validated ``ProjectRow``s, every bad cell as a ``CellError`` (sheet, Excel row, header text, Chinese
message), the rows skipped (blank, subtotal, note, section title) and warnings.  Files that are not safe,
readable XLSX workbooks are refused with ``LedgerFileError``.  ``as_json(read)`` gives the dry-run JSON.
"""

from .archive import MAX_COMPRESSION_RATIO, MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES
from .errors import CellValueError, LedgerFileError
from .grid import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from .headers import match_header
from .reader import read_ledger
from .results import CellError, LedgerRead, ProjectRow, SkippedRow, as_json
from .values import LedgerDate, MonthLabel, parse_date, parse_month, parse_period, parse_progress, parse_quantity

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "CellError",
    "CellValueError",
    "LedgerDate",
    "LedgerFileError",
    "LedgerRead",
    "MonthLabel",
    "ProjectRow",
    "SkippedRow",
    "as_json",
    "match_header",
    "parse_date",
    "parse_month",
    "parse_period",
    "parse_progress",
    "parse_quantity",
    "read_ledger",
]
