"""Every lesson and exercise states two times, and both follow the course's one rule."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat

from missionkit.authoring import timing

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("set_times", ROOT / "tools" / "set_times.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_notebook_states_both_times_by_the_rule():
    assert _tool().main(["--check"]) == 0


def test_every_lesson_exercise_and_solution_shows_both_times():
    pages = [*sorted((ROOT / "notebooks").glob("*.ipynb")), *sorted((ROOT / "solutions").glob("*.ipynb")),
             *sorted((ROOT / "exercises").glob("*.ipynb"))]
    missing = []
    for path in pages:
        head = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells[:3])
        if not re.search(r"at a trainer's pace, \d+ minutes.*at your own pace, about \d+ minutes", head):
            missing.append(path.name)
    assert not missing, f"no two times in: {missing}"


def test_the_rule_counts_what_a_page_asks():
    nb = {"cells": [
        {"cell_type": "markdown", "metadata": {},
         "source": " ".join(["word"] * 1000) + " **Try it** Write about 50 words."},
        {"cell_type": "markdown", "metadata": {"tags": ["trainer-notes", "remove-cell"]}, "source": "notes " * 500},
        {"cell_type": "code", "metadata": {"tags": ["remove-input"]}, "source": "import missionkit"},
        {"cell_type": "code", "metadata": {}, "source": "module.table()"},
        {"cell_type": "code", "metadata": {}, "source": "module.some_form()"},
        {"cell_type": "code", "metadata": {}, "source": "answer = ..."},
    ]}
    lesson = timing.effort(nb)
    assert (lesson.tables, lesson.forms, lesson.try_its, lesson.words_to_write) == (2, 1, 1, 50)
    assert lesson.words == 1000 + 6  # the trainer notes are not read
    exercise = timing.effort(nb, exercise=True)
    assert (exercise.tables, exercise.answers) == (1, 2)
    # 1006 words / 100 + 1 table + 2 answers x 10 + 1 try-it x 2 + 50 words / 10 = 38.06 -> 40
    assert timing.own_pace(exercise) == 40


def test_the_book_states_the_rule_with_the_same_numbers():
    text = (ROOT / "book" / "how-to-use.md").read_text(encoding="utf-8")
    assert '<a id="how-long-things-take"></a>' in text
    for figure in (f"{timing.WORDS_PER_MINUTE} words a minute", f"{timing.FORM_MINUTES} minutes** for each form",
                   f"{timing.TRY_IT_MINUTES} minutes** for each \"Try it\"",
                   f"{timing.ANSWER_MINUTES} minutes** for each answer"):
        assert figure in text, figure


def test_each_solution_says_how_many_exercises_it_has():
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    for path in sorted((ROOT / "solutions").glob("*-solution.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        count = sum(1 for c in cells if c.cell_type == "markdown" and re.match(r"## Exercise \d", c.source))
        said = re.search(r"\b(\w+) exercises\b", cells[0].source)
        assert said and said.group(1).lower() == words[count], (path.name, count)
