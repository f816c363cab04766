# Quick start: `make run` and `make test`. Both create .venv and install what they need.
# The bot needs Python 3.11 or newer: python3.11 when it is installed beside an older python3.
PYTHON ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed-test
# The bot runs from this folder (`python -m bot`), so the project itself is not installed:
# only its dependencies, read from pyproject.toml as deploy/Dockerfile does (plus the extras
# named as arguments). An editable install would add nothing but setuptools' warning.
REQUIREMENTS = $(PY) -c "import sys, tomllib; \
	project = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	extras = [d for extra in sys.argv[1:] for d in project['optional-dependencies'][extra]]; \
	print('\n'.join(project['dependencies'] + extras))"

.PHONY: run test lint format check bench sync clean

# A venv whose creation failed halfway (Debian without python3-venv leaves the interpreter
# but no pip) is removed, so the next `make run` creates it again instead of failing on it.
$(PY):
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 11))" || { rm -rf $(VENV); \
		echo "$(PYTHON) is not Python 3.11 or newer, which the bot needs: make PYTHON=python3.11"; \
		exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(PY) -m pip install --quiet --upgrade pip || { rm -rf $(VENV); exit 1; }

# What running needs: the dependencies, not the test tools.
$(RUN_STAMP): pyproject.toml | $(PY)
	$(REQUIREMENTS) > $(VENV)/requirements-run.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements-run.txt
	touch $(RUN_STAMP)

# What testing needs: the dependencies and the test tools.
$(STAMP): pyproject.toml | $(PY)
	$(REQUIREMENTS) test > $(VENV)/requirements-test.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements-test.txt
	touch $(STAMP) $(RUN_STAMP)

run: $(RUN_STAMP)
	$(PY) -m bot run

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m bot check
	$(PY) -m bot check --coverage
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

check: $(STAMP)
	$(PY) -m bot check

bench: $(STAMP)
	$(PY) -m bot bench

sync: $(RUN_STAMP)
	$(PY) -m bot sync

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
