"""What the importer returns: validated project rows, located errors, skipped rows and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class ProjectRow:
    """One project read from a ledger row, valid in every imported cell.

    ``planned_start``/``planned_end`` are ``"2020-03"`` (given to the month) or ``"2020-03-15"`` (given to
    the day); ``monthly`` maps ``"2020-01"`` to ``{"plan": float | None, "actual": float | None}``
    (fractions 0–1), only for months where something was entered.
    """

    sheet: str
    row: int
    name: str
    unit: str
    person: str
    planned_start: str | None
    planned_end: str | None
    target: str
    target_quantity: Decimal | None
    category: str
    monthly: dict[str, dict[str, float | None]]
    note: str
    rows: tuple[int, ...] = ()  # every sheet row the project was read from (a plan row and an actual row)

    def as_json(self) -> dict:
        """The project as plain JSON (the fields a dry run shows)."""
        return {
            "row": self.row,
            "name": self.name,
            "unit": self.unit,
            "person": self.person,
            "planned_start": self.planned_start,
            "planned_end": self.planned_end,
            "target": self.target,
            "monthly": {month: dict(values) for month, values in self.monthly.items()},
        }


@dataclass(frozen=True)
class CellError:
    """A cell that cannot be imported: sheet, 1-based Excel row, the column's header text as shown, message.

    ``code`` is stable for programs (``unit_unknown``, ``progress_over_100`` …); ``cell`` is the A1 reference.
    """

    sheet: str
    row: int
    column: str
    message: str
    code: str = ""
    cell: str = ""
    column_index: int = 0

    def as_json(self) -> dict:
        """The error as plain JSON."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class SkippedRow:
    """A row of the table that is not a project (blank, subtotal, note, section title) and why."""

    row: int
    why: str

    def as_json(self) -> dict:
        """The skipped row as plain JSON."""
        return {"row": self.row, "why": self.why}


@dataclass
class LedgerRead:
    """Everything read from one ledger sheet: valid projects, every error, rows skipped, warnings."""

    projects: list[ProjectRow]
    errors: list[CellError]
    skipped_rows: list[SkippedRow]
    sheet: str
    warnings: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """True when no cell has an error (the whole file can be imported)."""
        return not self.errors

    def as_json(self) -> dict:
        """Projects, errors and skipped rows as plain JSON, in sheet order."""
        return as_json(self)


def as_json(read: LedgerRead) -> dict:
    """``{"projects": [...], "errors": [...], "skipped_rows": [...]}`` for a ``LedgerRead``."""
    return {
        "projects": [project.as_json() for project in read.projects],
        "errors": [error.as_json() for error in read.errors],
        "skipped_rows": [skipped.as_json() for skipped in read.skipped_rows],
    }
