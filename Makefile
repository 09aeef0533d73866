# Two commands for a newcomer: `make run` and `make test`. Everything else is a step they call.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RAW := data/raw
DB := data/warehouse/ccm.duckdb
PORT ?= 8050

.PHONY: run test setup browser-deps demo-data warehouse lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup: $(BIN)/.installed

## Demo extracts only when data/raw holds no extracts: real ones are never overwritten.
demo-data: setup
	@if [ -z "$$(find $(RAW) -type f \( -name '*.csv' -o -name '*.xlsx' \) 2>/dev/null | head -1)" ]; then \
		echo "data/raw is empty: generating demo extracts"; \
		$(BIN)/ccm demo-data --out $(RAW); \
	fi

warehouse: demo-data
	$(BIN)/ccm etl --raw $(RAW) --db $(DB)

run: warehouse
	@echo "Dashboard: http://127.0.0.1:$(PORT)"
	$(BIN)/ccm serve --db $(DB) --port $(PORT)

browser-deps:
	bash scripts/install-browser-deps.sh

lint: setup
	$(BIN)/ruff check etl dashboard tests
	$(BIN)/ruff format --check etl dashboard tests

test: setup browser-deps lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) data/warehouse artifacts tests/browser/node_modules
