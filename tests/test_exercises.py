"""Exercises: generated from solutions, up to date, run clean when blank, and answer back.

* blank: every check says "not answered yet", nothing raises, no tricks;
* solution injected (the solution notebook itself, run top to bottom): praise;
* a typical wrong answer seeded into the exercise: feedback naming the mistake.
"""
from __future__ import annotations

import re
from pathlib import Path

import make_exercises
import nbtools
import pytest

ROOT = Path(__file__).resolve().parents[1]

SOLUTIONS = nbtools.solutions()
ids = [p.name.replace("-solution.ipynb", "") for p in SOLUTIONS]

# module -> list of (variable, wrong value as Python source, phrase the feedback must contain)
# One file per module: tests/wrong_answers/NN_slug.py defining WRONG_ANSWERS = {"NN-slug": [...]}.
WRONG_ANSWERS: dict[str, list[tuple[str, str, str]]] = {}
for _file in sorted((ROOT / "tests" / "wrong_answers").glob("*.py")):
    ns: dict = {}
    exec(_file.read_text(encoding="utf-8"), ns)
    WRONG_ANSWERS.update(ns["WRONG_ANSWERS"])

PRAISE = ("Well done",)
NOT_ANSWERED = "Not answered yet"


def test_there_are_exercises():
    assert SOLUTIONS, "no solution notebooks found"


def test_exercises_are_up_to_date():
    stale = [p.name for p, text in make_exercises.expected().items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"run `make exercises`: {stale}"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=ids)
def test_exercise_has_no_tricks_and_no_leftover_solution(solution):
    ex = nbtools.load(nbtools.exercise_for(solution))
    for cell in ex.cells:
        tags = cell.metadata.get("tags", [])
        assert "raises-exception" not in tags
        assert "solution" not in tags
        if cell.cell_type == "code":
            assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source
            assert not re.search(r"^\s*try\s*:", cell.source, re.M), "no try/except in exercise cells"
            assert not cell.get("outputs")


@pytest.mark.parametrize("solution", SOLUTIONS, ids=ids)
def test_blank_exercise_runs_clean_and_says_not_answered(solution):
    """A new participant: blank exercise, empty workbook."""
    path = nbtools.exercise_for(solution)
    nb = nbtools.load(path)
    with nbtools.empty_workbook():
        nbtools.execute(nb, cwd=path.parent)  # raises CellExecutionError on any error
    texts = "\n".join(nbtools.output_texts(nb))
    assert "Traceback" not in texts
    assert NOT_ANSWERED in texts
    assert not any(p in texts for p in PRAISE), "a blank exercise must not be praised"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=ids)
def test_solution_answers_get_praise(solution):
    """The solution notebook is the exercise with the solution's answers injected. Its stored outputs are
    what running it gives (nbval re-runs every solution and compares), so they are read, not re-run."""
    texts = "\n".join(nbtools.output_texts(nbtools.load(solution)))
    assert any(p in texts for p in PRAISE)
    assert NOT_ANSWERED not in texts


@pytest.mark.parametrize("solution", SOLUTIONS, ids=ids)
def test_typical_wrong_answers_are_named(solution):
    module = solution.name.replace("-solution.ipynb", "")
    cases = WRONG_ANSWERS.get(module)
    assert cases, f"add typical wrong answers for {module} to tests/wrong_answers/"
    path = nbtools.exercise_for(solution)
    nb = nbtools.load(path)
    for variable, wrong, _ in cases:
        hits = 0
        for cell in nb.cells:
            if cell.cell_type == "code" and re.search(rf"^{variable} = ", cell.source, re.M):
                cell.source = _replace_assignment(cell.source, variable, wrong)
                hits += 1
        assert hits == 1, f"{variable} should be assigned in exactly one exercise cell"
    with nbtools.fixture_workbook():
        nbtools.execute(nb, cwd=path.parent)
    texts = "\n".join(nbtools.output_texts(nb))
    for variable, _, phrase in cases:
        assert phrase in texts, f"feedback for a wrong {variable} should say: {phrase!r}"


def _replace_assignment(source: str, variable: str, wrong: str) -> str:
    """Replace `variable = ...` (one line, or a dict of `...` values) with `variable = <wrong>`."""
    lines = source.splitlines()
    out, skipping = [], False
    for line in lines:
        if line.startswith(f"{variable} = "):
            out.append(f"{variable} = {wrong}")
            skipping = line.rstrip().endswith("{")
            continue
        if skipping:
            if line.startswith("}"):
                skipping = False
            continue
        out.append(line)
    return "\n".join(out)
