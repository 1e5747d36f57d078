# Set-up is automatic: every target below creates .venv and installs the project into it first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench train reports clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## demo: analyse the bundled example article with the shipped model
demo: $(BIN)/.installed
	$(BIN)/vnpolitics analyze examples/bai_viet_mau.txt

## test: lint, then run the whole test suite and execute the notebooks on a small sample
test: $(BIN)/.installed
	$(BIN)/ruff check .
	VNPOLITICS_NOTEBOOK_SAMPLE=150 $(BIN)/python -m pytest tests --nbmake --nbmake-timeout=1200 notebooks

lint: $(BIN)/.installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check vnpolitics tests benchmarks

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_text.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
