# Cẩm nang thực hiện dân chủ ở cơ sở — tasks.
# A fresh clone needs only:  make serve   and   make test
SHELL := /bin/bash
PYTHON3 ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install install-test system-build system-test validators serve build pdf test test-unit bench clean lint fix lock

help:
	@echo "make serve   xem trước tại http://$(HOST):$(PORT) (tự cài đặt lần đầu)"
	@echo "make build   dựng site/ (nghiêm ngặt, thay site/ cũ chỉ khi thành công), kèm bản PDF"
	@echo "make pdf     dựng site/ và chắc chắn có bản PDF của mỗi ngôn ngữ"
	@echo "make test    chạy toàn bộ kiểm thử"
	@echo "make test-unit  chỉ chạy kiểm thử đơn vị (tests/unit, dưới một phút; không dựng site, không trình duyệt)"
	@echo "make lint    kiểm tra nội dung (liệt kê mọi lỗi: tệp:dòng, quy tắc, cách sửa)"
	@echo "make fix     sửa tự động các lỗi an toàn (NFC, ký tự lạ, vị trí dấu thanh)"
	@echo "make bench   đo tốc độ dựng và tìm kiếm, độ chính xác của tìm kiếm (BENCH_PAGES=1000 cho bộ lớn)"

$(PY):
	$(PYTHON3) -m venv $(VENV)

# --require-hashes: every file pip downloads must have the SHA-256 recorded in
# the lock file, so a substituted or tampered package fails the install.
$(VENV)/.installed: requirements.txt pyproject.toml | $(PY)
	$(PIP) install --require-hashes -r requirements.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PIP) install --require-hashes -r requirements-test.txt
	touch $@

# Regenerate the lock files (requirements*.txt, with hashes) from the pins we
# choose (requirements*.in), after changing a pin. Needs PyPI.
LOCK_VENV := .venv-lock
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || ($(PYTHON3) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q pip-tools==7.5.2)
	$(LOCK_VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url \
		--no-emit-find-links --annotation-style line -o requirements.txt requirements.in
	$(LOCK_VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url \
		--no-emit-find-links --annotation-style line -c requirements.txt -o requirements-test.txt requirements-test.in

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# System libraries the build needs (WeasyPrint: Pango, HarfBuzz, fontconfig).
system-build:
	@bash tools/ensure-system-packages.sh build

# System programs the tests drive for real (browser, web server, PDF tools).
system-test:
	@bash tools/ensure-system-packages.sh test

# The Nu HTML Checker (vnu.jar, from npm's vnu-jar, pinned by
# tools/validators/package-lock.json) that the tests run over every built
# page; Java from Debian (tools/ensure-system-packages.sh test). The package's
# install script would download a Java of its own: --ignore-scripts.
VNU_JAR := tools/validators/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): tools/validators/package.json tools/validators/package-lock.json
	cd tools/validators && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

validators: $(VNU_JAR)

# --livereload is explicit: with Click >= 8.2, MkDocs 1.6 otherwise does not watch files.
# Previews skip the PDF (extra.handbook.pdf: auto; `make pdf` makes it) and,
# after the first build, render only the pages an edit changed (--dirty; the
# preview step adds the pages built from the edited one, or all when the
# navigation changed: src/handbook/build/preview.py).
serve: install
	$(PY) -m mkdocs serve --dev-addr $(HOST):$(PORT) --livereload --dirty

build: install system-build
	$(PY) tools/build.py

# The printable handbook, one PDF per language (site/*.pdf), with the site,
# atomically like `make build`; HANDBOOK_PDF=1 overrides an inherited 0.
pdf: install system-build
	HANDBOOK_PDF=1 $(PY) tools/build.py
	@ls -l site/*.pdf

# Every test: tests/unit, tests/site (the built site, nginx, the bench) and
# tests/browser (Chromium); see pytest.ini.
# Two test processes by default (pytest-xdist, a test file each at a time):
# the builds, browsers and servers of one file leave cores idle that the other
# uses; the session's sites are built once for both (tests/conftest.py,
# built_once). TEST_WORKERS=0 runs in one process. The slowest tests are listed.
TEST_WORKERS ?= 2
test: install-test system-test validators lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=15 $(PYTEST_ARGS)

# The unit tests only: no build of the site, no browser, no server (seconds).
test-unit: install-test
	$(PY) -m pytest tests/unit $(PYTEST_ARGS)

# Content checks (tools/lint.py over src/handbook/lint/): every problem at once.
lint: install
	$(PY) tools/lint.py

fix: install
	$(PY) tools/lint.py --fix

# Build benchmark (issue: fast builds at scale). BENCH_PAGES=1000 for the big run.
# Then the search benchmark (bench/search_bench.py): the relevance set's MRR and
# nDCG@5, index sizes and search times in Chromium, shipped content and 1,000 pages.
BENCH_PAGES ?= 200
bench: install-test
	$(PY) bench/run.py --pages $(BENCH_PAGES) $(BENCH_ARGS)
	$(PY) bench/search_bench.py $(SEARCH_BENCH_ARGS)

clean:
	rm -rf site .site.building-* .pytest_cache .cache .venv-lock
