"""Loading the labelled suggestion sets shipped with the tests."""

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[dict[str, str]]:
    """Rows of ``data/suggestions_<name>.csv`` (columns id, text, compound, group, category)."""
    with open(DATA / f"suggestions_{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def true_groups(rows: list[dict[str, str]]) -> list[list[str]]:
    """The labelled grouping of the rows, as lists of ids."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row["id"])
    return list(groups.values())


def csv_bytes(rows, encoding="utf-8-sig") -> bytes:
    """A CSV file as Excel or WPS writes it (UTF-8 with a BOM unless told), from lists of cells."""
    return "\n".join(",".join(row) for row in rows).encode(encoding)
