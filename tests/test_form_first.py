"""Forms first (issue 20): where a question has a form, the form comes before the code cell, which is
marked optional; the worked answer the solution's form shows is the code cell's; the exercise's form
cell has no code to edit. Also the ``form`` marking of tools/make_exercises.py."""
from __future__ import annotations

import ast

import make_exercises
import nbtools
import pytest

SOLUTIONS = nbtools.solutions()
OPTIONAL = "*Optional, for analysts.*"


def _block_values(source: str) -> dict[str, object]:
    """Literal values assigned between the solution markers (names with other values are left out)."""
    if make_exercises.BEGIN not in source:
        return {}
    inner = source.split(make_exercises.BEGIN, 1)[1].split(make_exercises.END, 1)[0]
    found = {}
    for stmt in ast.parse(inner).body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            try:
                found[stmt.targets[0].id] = ast.literal_eval(stmt.value)
            except ValueError:
                pass
    return found


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_form_comes_first_and_shows_the_code_cells_answer(solution):
    cells = nbtools.load(solution).cells
    for i, cell in enumerate(cells):
        if cell.cell_type != "code" or "form" not in cell.metadata.get("tags", []):
            continue
        worked = _block_values(cell.source)
        for j, later in enumerate(cells[i + 1:], i + 1):
            if later.cell_type != "code" or "form" in later.metadata.get("tags", []):
                continue
            same = {k: v for k, v in _block_values(later.source).items() if k in worked}
            if not same:
                continue
            assert same == {k: worked[k] for k in same}, f"cell {j}: the form shows another worked answer"
            assert cells[j - 1].cell_type == "markdown" and cells[j - 1].source.startswith(OPTIONAL), (
                f"cell {j}: the code path after a form is marked optional")
        for earlier in cells[:i]:
            names = set(_block_values(earlier.source)) & set(worked)
            assert not names, f"cell {i}: the form for {names} comes after its code cell"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_exercise_form_cells_have_nothing_to_edit(solution):
    for cell in nbtools.load(nbtools.exercise_for(solution)).cells:
        if cell.cell_type == "code" and "form" in cell.metadata.get("tags", []):
            assert "=" not in cell.source.split("(", 1)[0], cell.source
            assert "your answer here" not in cell.source and "..." not in cell.source
        if "optional-code" in cell.metadata.get("tags", []):
            assert cell.metadata.get("jupyter", {}).get("source_hidden"), "the optional code path is folded"


@pytest.mark.parametrize(("solution_cell", "exercise_cell"), [
    ("### BEGIN SOLUTION\nx = {'a': 1}\n### END SOLUTION\nmissions.classification_form(start=x)",
     "missions.classification_form()"),
    ("### BEGIN SOLUTION\nsize = 15\nrules = {'a': None}\n### END SOLUTION\nf.board_rules_form(size=size, rules=rules)",
     "f.board_rules_form()"),
    ('### BEGIN SOLUTION\nm = {}\n### END SOLUTION\nf.mission_map_form(key="m", start=m, check=True)',
     'f.mission_map_form(key="m", check=True)'),
    ("### BEGIN SOLUTION\na = 1\nb = [a]\n### END SOLUTION\nf.form(start=b)", "f.form()"),
])
def test_drop_block(solution_cell, exercise_cell):
    assert make_exercises.drop_block(solution_cell) == exercise_cell


@pytest.mark.parametrize("bad", [
    "### BEGIN SOLUTION\nm = {}\n### END SOLUTION\nf.form(start=m.top(2))",  # m would be undefined
    "### BEGIN SOLUTION\nprint(1)\n### END SOLUTION\nf.form()",
    "### BEGIN SOLUTION\nm = {}\nf.form(start=m)",
])
def test_drop_block_refuses_what_would_break_the_exercise(bad):
    with pytest.raises(make_exercises.MarkingError):
        make_exercises.drop_block(bad)
