# Two commands on a fresh machine: `make run` and `make test`. Both create .venv first.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck imports pytest bench bench-trust package package-test package-size installer-check installer-wine-test installer icons screenshots clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/vulture

typecheck: $(STAMP)
	$(VENV)/bin/mypy

imports: $(STAMP)
	$(VENV)/bin/lint-imports

# One worker per core, at most four (more would spend longer starting than they save);
# worksteal keeps a worker busy while another is held up by a long test.
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --maxprocesses=4 --dist worksteal

test: lint typecheck imports pytest

# Whole-process benchmarks, each printing ratios against a baseline measured in the same run.
bench: $(STAMP)
	$(PY) bench/startup.py
	$(PY) bench/commitments_filter.py
	$(PY) bench/export.py
	$(PY) bench/school_directory.py
	$(PY) bench/trust_scale.py --sizes middle
	$(PY) bench/partnership_page.py
	$(PY) bench/partnership_import.py

# Every trust-scale measure at 5,000, 25,000 and 50,000 register rows (several minutes).
bench-trust: $(STAMP)
	$(PY) bench/trust_scale.py --sizes small,middle,large

# Packaging (packaging/): a one-folder PyInstaller bundle in dist/PartnershipCompass, built for
# the system it runs on. Not part of `make test`: a build takes about half a minute.
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[package]"
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/partnership_compass.spec

# Runs the frozen app (not the source): version, demo, export-json, first paint headless.
package-test: package
	$(PY) packaging/smoke_test.py

package-size:
	$(PY) packaging/report_size.py

# Compiles packaging/windows/installer.nsi against the bundle with makensis (Debian: nsis).
installer-check: package
	$(PY) packaging/build_installer.py --check

# Runs the compiled installer and uninstaller under Wine (Debian: wine64), around a stand-in bundle.
installer-wine-test: $(STAMP)
	$(PY) packaging/installer_wine_test.py

# The real installer, on Windows after `make package`: dist/PartnershipCompass-X.Y.Z-setup.exe
installer:
	$(PY) packaging/build_installer.py

# Redraw the PNG/ICO/ICNS icons after editing resources/icons/partnership-compass.svg.
icons: $(STAMP)
	$(PY) packaging/make_icons.py

# Screenshots of every screen for docs/screenshots (needs Debian's xvfb).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1920x1080x24" $(PY) tools/screenshots.py --pages welcome,overview,assessment,partners,commitments,plan,reflection,moderation,presentation,progress,partnership

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
