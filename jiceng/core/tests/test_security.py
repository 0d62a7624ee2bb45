import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_every_page_carries_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_pages_reference_no_external_asset(client, world):
    client.force_login(world.user("district_admin"))
    for url in ["/", "/org/", "/org/compounds/", "/accounts/login/"]:
        html = client.get(url).content.decode()
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html, url


def test_check_deploy_with_prod_settings_prints_no_warning():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**env, "DJANGO_SETTINGS_MODULE": "jiceng.settings.prod",
           "SECRET_KEY": "k3y-" + "x9Qz7Lm2Vb8Nc4Rt6Yu1Io0Pa5Sd3Fg7Hj2Kl9Zx4Cv8Bn6Mq1We5" * 2,
           "ALLOWED_HOSTS": "jiceng.example.gov.cn", "DATABASE_URL": "sqlite:///:memory:"}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],  # noqa: S603
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr and "System check identified no issues" in result.stdout


def test_prod_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "jiceng.settings.prod"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_no_web_template_carries_an_inline_style_or_script():
    """The CSP allows no inline style or script; printed-document templates (rendered by WeasyPrint) may."""
    import re

    offenders = []
    for path in (ROOT / "jiceng").rglob("templates/**/*.html"):
        relative = str(path.relative_to(ROOT))
        if "/print/" in relative or "core/documents/" in relative or relative.endswith("poster.html"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\sstyle=\"|<script>|<script\s+(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=\"", text):
            offenders.append(relative)
    assert offenders == []
