"""Ledger page benchmark on PostgreSQL (figures printed, nothing asserted).

Builds 10,000 projects with 120,000 monthly reports (and their battle-map cells, computed by the same pure
rules the services use) in a scratch database, then measures in process, through Django's test client:

- the battle map (first page of 100 projects × 12 months) and the API project list (page of 100, with
  lights and forecasts),
- against a bare authenticated view (login required, returns "ok"), measured in the same run,

and prints p50/p95 latency, the ratio to the bare view, and the queries each page runs.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_bench .venv/bin/python bench/ledger_pages.py
(the database is dropped and created; --projects N to change the size).
"""

import argparse
import datetime as dt
import os
import random
import sys
from decimal import Decimal

from _setup import p50, p95, timings

os.environ["DJANGO_SETTINGS_MODULE"] = "jiceng.settings.test"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a PostgreSQL database (it will be dropped and created)")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment
    from django.urls import path

    setup_test_environment()
    old = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        run(args, connection, settings, path)
    finally:
        connection.creation.destroy_test_db(old, verbosity=0)


def build(n_projects):
    from django.contrib.auth import get_user_model

    from jiceng.ledger import rules
    from jiceng.ledger.models import Programme, ProgressReport, Project, ProjectMonth
    from jiceng.org import services as org
    from jiceng.org.choices import DivisionKind, Role, UnitKind

    district = org.division_create(actor=None, name="基准区", kind=DivisionKind.DISTRICT)
    office = org.unit_create(actor=None, name="基准区社治委", kind=UnitKind.PARTY_OFFICE, division=district)
    units = [office]
    for i in range(20):
        street = org.division_create(actor=None, parent=district, name=f"街道{i}", kind=DivisionKind.STREET)
        units.append(org.unit_create(actor=None, name=f"街道办{i}", kind=UnitKind.STREET_OFFICE, division=street))
    user = get_user_model().objects.create_user("bench", password="Bench-pass-2020")  # noqa: S106
    org.membership_grant(actor=None, user=user, unit=office, role=Role.SUPERVISOR)
    programme = Programme.objects.create(name="基准专项", year=2020, owner_unit=office)
    rng = random.Random(7)  # noqa: S311 (reproducible test data)
    start, end = dt.date(2020, 1, 1), dt.date(2020, 12, 31)
    Project.objects.bulk_create([Project(programme=programme, name=f"项目{i:05d}", unit=units[i % len(units)],
                                         planned_start=start, planned_end=end, target="完成")
                                 for i in range(n_projects)], batch_size=2000)
    projects = list(Project.objects.filter(programme=programme))
    reports, cells = [], []
    now = dt.datetime(2020, 12, 20, 10, tzinfo=dt.UTC)
    for project in projects:
        value, pace = 0.0, rng.uniform(0.03, 0.1)
        for month in range(1, 13):
            value = min(1.0, value + pace * rng.uniform(0.5, 1.5))
            first = dt.date(2020, month, 1)
            reports.append(ProgressReport(project=project, month=first, actual=Decimal(f"{value:.4f}"),
                                          submitted_at=now))
            light = rules.traffic_light(month=first, plan=None, actual=value, planned_start=start, planned_end=end,
                                        report_status="on_time", overdue_rectifications=0)
            cells.append(ProjectMonth(project=project, month=first, actual=Decimal(f"{value:.4f}"),
                                      report_status="on_time", light=light.colour, reasons=list(light.reasons)))
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    ProjectMonth.objects.bulk_create(cells, batch_size=5000)
    return programme, user


def run(args, connection, settings, path):
    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import override_settings

    programme, user = build(args.projects)
    from jiceng.ledger.models import ProgressReport, Project

    print(f"data: {Project.objects.count()} projects, {ProgressReport.objects.count()} reports, PostgreSQL "
          f"{connection.pg_version // 10000}")

    import types

    import jiceng.urls

    bench_urls = types.ModuleType("bench_urls")
    bench_urls.urlpatterns = [path("bench/bare/", login_required(lambda request: HttpResponse("ok"))),
                              *jiceng.urls.urlpatterns]
    sys.modules["bench_urls"] = bench_urls
    with override_settings(ROOT_URLCONF="bench_urls", ALLOWED_HOSTS=["*"]):
        client = Client()
        client.force_login(user)
        pages = {
            "bare authenticated view": "/bench/bare/",
            "battle map (100 projects × 12 months)": f"/ledger/programmes/{programme.pk}/map/",
            "API project list (100, with forecasts)": f"/api/ledger/projects/?programme={programme.pk}&page_size=100",
        }
        results = {}
        for name, url in pages.items():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            connection.force_debug_cursor = True
            connection.queries_log.clear()
            client.get(url)
            count = len(connection.queries)
            connection.force_debug_cursor = False
            values = timings(lambda u=url: client.get(u), args.runs)
            results[name] = (p50(values), p95(values), count)
        base = results["bare authenticated view"][0]
        print(f"{'page':42} {'p50 ms':>8} {'p95 ms':>8} {'× bare':>8} {'queries':>8}")
        for name, (median, high, count) in results.items():
            print(f"{name:42} {median * 1000:8.1f} {high * 1000:8.1f} {median / base:8.1f} {count:8d}")


if __name__ == "__main__":
    main()
