# Mission Bootcamp. Two commands set everything up: `make book`, then `make test`.
# Every target is .PHONY: a folder named book/ must never make `make book` "up to date".
.PHONY: help venv book lab test test-fast lint outputs exercises slides trainer bench room-check cohort-view clean

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

help:
	@echo "make book       build the book into _build/html (creates .venv and installs on first run)"
	@echo "make test       run the whole test suite (unit, notebooks, exercises, book, browser)"
	@echo "make lab        start JupyterLab at the course folder, set up for offline use"
	@echo "make outputs    re-execute lesson and solution notebooks, storing outputs"
	@echo "make exercises  generate exercises/ from solutions/"
	@echo "make slides     write offline reveal.js slides into _build/slides"
	@echo "make trainer    regenerate the trainer guide and printable handouts from missionkit/data/agenda.yml"
	@echo "make bench      print build, execution, import and page-weight figures"
	@echo "make room-check one minute: is this laptop or hub ready for the course? (use it on the morning)"
	@echo "make cohort-view write the anonymised cohort view of the hand-ins to cohort-view.html"

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python tools/lab_settings.py
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo
	@echo "The book is in _build/html. Open _build/html/index.html in your browser,"
	@echo "or serve it: $(BIN)/python -m http.server --directory _build/html 8000  (then http://127.0.0.1:8000)"

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=.

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks solutions --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --durations=15 -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests -m "not browser and not slow" -n 2 --dist loadfile

outputs: $(STAMP)
	$(BIN)/python tools/make_outputs.py

exercises: $(STAMP)
	$(BIN)/python tools/make_exercises.py

slides: $(STAMP)
	$(BIN)/python tools/make_slides.py

trainer: $(STAMP)
	$(BIN)/python tools/make_trainer_pages.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

room-check: $(STAMP)
	$(BIN)/python -m missionkit.roomcheck

cohort-view: $(STAMP)
	$(BIN)/python -m missionkit.authoring.cohort view --out cohort-view.html

clean:
	rm -rf _build
