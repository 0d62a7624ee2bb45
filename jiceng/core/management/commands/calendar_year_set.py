import csv
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from jiceng.core.errors import DomainError
from jiceng.core.workdays import calendar_year_set, default_calendar


class Command(BaseCommand):
    help = ("Enter a year's official holidays and make-up workdays (调休) from the State Council's notice. "
            "FILE is a CSV with the columns date,is_workday,name (e.g. 2027-01-01,0,元旦).")

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("file")
        parser.add_argument("--source", default="", help="the notice, e.g. 国办发明电〔2026〕7号")

    def handle(self, *args, year, file, source, **options):
        days = []
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                for number, row in enumerate(csv.DictReader(handle), start=2):
                    try:
                        day = date.fromisoformat(row["date"].strip())
                        workday = row["is_workday"].strip().lower() in {"1", "true", "yes", "是", "班"}
                    except (KeyError, ValueError, AttributeError) as error:
                        raise CommandError(f"{file}: row {number} is not date,is_workday,name: {error}") from error
                    days.append((day, workday, (row.get("name") or "").strip()))
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            calendar_year_set(actor=None, year=year, days=days, source=source)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(f"{year}: {len(days)} days entered; known until {default_calendar().known_until}")
