# jiceng — two commands on a fresh machine:
#   make run    install what is needed, migrate, load the Shangjie demo, serve http://127.0.0.1:8000 (SQLite)
#   make test   ruff + the whole pytest suite (browser tests included)
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
FONT_DIR := var/fonts
APT_PACKAGES := chromium fonts-noto-cjk poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup system fonts assets messages migrate demo lint pytest test-pg serve clean

run: setup migrate demo serve

test: setup lint pytest

setup: system $(VENV)/.installed assets fonts messages

# Debian packages: Chromium for browser tests, poppler for reading PDFs back, Noto CJK, Pango for WeasyPrint, gettext.
system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

$(VENV)/.installed: pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev,s3]"
	@touch $@

# Bootstrap, Bootstrap Icons and ECharts from npm, served by Django (no CDN).
assets: node_modules/.installed
node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

# The Fandol fonts (FangSong, Song, Hei, Kai) live only in Debian's texlive-lang-chinese: download it and
# extract just the OTF files rather than installing TeX.
fonts: $(FONT_DIR)/FandolFang-Regular.otf
$(FONT_DIR)/FandolFang-Regular.otf:
	@mkdir -p $(FONT_DIR) var/tmp/fandol
	cd var/tmp/fandol && ( ls texlive-lang-chinese_*.deb >/dev/null 2>&1 || apt-get download texlive-lang-chinese \
	  || ( $(SUDO) apt-get update -qq && apt-get download texlive-lang-chinese ) )
	cd var/tmp/fandol && dpkg-deb --fsys-tarfile texlive-lang-chinese_*.deb \
	  | tar -x --wildcards --no-anchored 'fandol/Fandol*.otf'
	find var/tmp/fandol -name 'Fandol*.otf' -exec cp {} $(FONT_DIR)/ \;
	rm -rf var/tmp/fandol
	@ls $(FONT_DIR)

messages: $(VENV)/.installed
	@cd jiceng && ../$(PY) ../manage.py compilemessages -v0

migrate:
	$(PY) manage.py migrate --noinput -v1

demo:
	$(PY) manage.py load_demo

serve:
	$(PY) manage.py runserver 127.0.0.1:8000

lint:
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run -v0

pytest:
	$(VENV)/bin/pytest -q -n 2 --dist loadgroup

# The same suite on PostgreSQL (needs a server; .ci/run does this).
test-pg: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/jiceng} $(VENV)/bin/pytest -q -n 2 --dist loadgroup

clean:
	rm -rf var/static var/test-media
