"""Content and integrity rules over every module (DESIGN.md §3, §9; afeld/python-public-policy's model).

Each rule is a test that would fail without it: a lesson that drops its overview, a cell that
grows a long function, a solution leaking into an exercise, a blanket nbval escape.
"""
from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

import nbtools
import pytest

ROOT = Path(__file__).resolve().parents[1]

LESSONS = nbtools.lessons()
MODULE_LESSONS = [p for p in LESSONS if not p.name.startswith("00-")]
ALL_EXECUTED = LESSONS + nbtools.solutions()
REF_LINK = re.compile(r"\]\(\.\./book/references\.md#([a-z0-9-]+)\)")
MAX_FUNCTION_LINES = 6


def markdown(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def headings(nb) -> list[str]:
    return [line.strip("# ").strip().lower() for c in nb.cells if c.cell_type == "markdown"
            for line in c.source.splitlines() if re.match(r"#{1,3} ", line)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_structure(path):
    nb = nbtools.load(path)
    text = markdown(nb)
    heads = headings(nb)
    h1 = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
          if line.startswith("# ")]
    assert len(h1) == 1, "exactly one H1"
    assert any(h.startswith("overview") for h in heads), "an Overview section"
    assert re.search(r"by the end", text, re.I), "learning objectives ('By the end you can...')"
    assert re.search(r"\b\d+\s*(minutes|min)\b", text, re.I), "time to complete"
    for needed in ("key takeaways", "further reading"):
        assert any(needed in h for h in heads), f"a '{needed}' section"
    if path in MODULE_LESSONS:
        assert any("discussion" in h for h in heads), "discussion prompts"
        assert any("check yourself" in h or "self-check" in h for h in heads) or "check yourself" in text.lower()
        assert text.count("<details>") >= 2, "self-check questions with answers behind <details>"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_setup_cell_is_hidden(path):
    nb = nbtools.load(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    setup = code[0]
    assert "remove-input" in setup.metadata.get("tags", []), "first code cell is the setup cell, tagged remove-input"
    assert setup.metadata.get("jupyter", {}).get("source_hidden") is True, "setup cell collapsed in JupyterLab"
    assert "import" in setup.source


@pytest.mark.parametrize("path", MODULE_LESSONS, ids=lambda p: p.stem)
def test_real_world_claims_link_to_the_bibliography(path):
    text = markdown(nbtools.load(path))
    keys = set(REF_LINK.findall(text))
    assert len(keys) >= 5, f"only {len(keys)} distinct references cited"
    import pandas as pd

    known = set(pd.read_csv(ROOT / "missionkit" / "data" / "references.csv")["key"])
    assert not keys - known - {"unconfirmed"}, f"links to unknown references: {keys - known}"


@pytest.mark.parametrize("path", ALL_EXECUTED, ids=lambda p: p.stem)
def test_fictional_material_is_labelled(path):
    nb = nbtools.load(path)
    section_label = False
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "trainer-notes" in cell.metadata.get("tags", []):
            continue
        if re.match(r"#{1,3} ", cell.source):
            section_label = bool(re.search(r"fictional", cell.source.splitlines()[0], re.I))
        if re.search(r"\bMarenta\b", cell.source):
            assert section_label or re.search(r"fictional", cell.source, re.I), (
                f"{path.name}: a cell about Marenta is not labelled fictional: {cell.source[:120]!r}")


@pytest.mark.parametrize("path", ALL_EXECUTED, ids=lambda p: p.stem)
def test_no_long_functions_in_notebooks(path):
    """Logic belongs in missionkit: no cell defines a function longer than a few lines."""
    nb = nbtools.load(path)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, \
                    f"{path.name}: {node.name} is {length} lines: move it to missionkit"


@pytest.mark.parametrize("path", ALL_EXECUTED + nbtools.exercises(), ids=lambda p: p.stem)
def test_no_blanket_escapes(path):
    nb = nbtools.load(path)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        assert "raises-exception" not in tags
        assert "nbval-skip" not in tags and "# NBVAL_SKIP" not in cell.source
        if "optional-code" in tags:  # decision 0017: the form above shows the same feedback; no stored output
            assert not cell.get("outputs"), f"{path.name}: an optional code path stores no output"
            continue
        if "nbval-ignore-output" in tags or "# NBVAL_IGNORE_OUTPUT" in cell.source:
            outs = cell.get("outputs", [])
            assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outs), (
                f"{path.name}: nbval-ignore-output only on widget cells")
            assert re.search(r"#.*(reason|because|widget)", cell.source, re.I), "each ignore needs a reason comment"


def test_sanitize_rules_do_not_match_everything():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "tests" / "nbval_sanitize.cfg")
    for section in cfg.sections():
        regex = re.compile(cfg[section]["regex"])
        for sample in ("Well done", "The STI share is 70.5%", "<svg></svg>", "O4 Fair access", "2035"):
            assert not regex.fullmatch(sample), f"sanitize rule [{section}] matches ordinary output {sample!r}"
        assert not regex.search("Not answered yet. Well done. 70.5%"), f"[{section}] is too broad"


def test_trainer_notes_are_hidden_from_participants():
    for path in LESSONS:
        nb = nbtools.load(path)
        notes = [c for c in nb.cells if "trainer-notes" in c.metadata.get("tags", [])]
        assert notes, f"{path.name}: no trainer notes"
        for cell in notes:
            assert "remove-cell" in cell.metadata.get("tags", []), "removed from the book"
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, "collapsed in JupyterLab"
            assert cell.metadata.get("slideshow", {}).get("slide_type") == "notes", "speaker notes in slides"


def test_model_answers_sit_behind_a_toggle():
    """Self-learners try first: every model answer and reasoning note in solutions/ is inside
    <details> (tools/wrap_answers.py), in JupyterLab and in the book."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("wrap_answers", ROOT / "tools" / "wrap_answers.py")
    wrap_answers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(wrap_answers)
    assert wrap_answers.main(["--check"]) == 0
    assert wrap_answers.wrap("**A model answer** *(fictional)*. Text.", ["solution"]).startswith(
        "<details><summary>A model answer (open it once you have tried)</summary>\n\n**A model answer**")
    assert wrap_answers.wrap("Plain note.", ["solution-only"]).endswith("Plain note.\n\n</details>")


def test_no_tracked_file_names_a_path_of_this_machine():
    """The repo is a course, not a snapshot of one machine: no checkout, shared-folder or home path."""
    import subprocess

    # the checkout, the shared folder beside it and the home folder (not a bare parent such as /tmp)
    machine = {str(ROOT), str(ROOT.parent / "shared"), str(Path.home())} - {"/"}
    pattern = re.compile("|".join(re.escape(m) + r"(?=/|\b)" for m in sorted(machine, key=len, reverse=True)))
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True,
                             text=True).stdout.split("\0")
    found = []
    for name in filter(None, tracked):
        path = ROOT / name
        binary = path.suffix in (".png", ".woff", ".woff2", ".xlsx")
        if name.startswith("assets/vendor/") or binary or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        found += [f"{name}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not found, f"write these paths relative to the repo: {found[:10]}"


_INTERNAL_CITATION = re.compile(r"\bbrief §|\bbrief section \d", re.I)


def test_participant_facing_text_never_cites_an_internal_document():
    """No participant has the research brief: feedback, notebooks and facts cite the course's own pages instead."""
    files = [*(ROOT / "missionkit").rglob("*.py"), *(ROOT / "missionkit" / "data").rglob("*.yml"),
             *(ROOT / "missionkit" / "data").glob("*.csv")]
    for folder in ("notebooks", "solutions", "exercises"):
        files += list((ROOT / folder).glob("*.ipynb"))
    files += list((ROOT / "book").rglob("*.md"))
    hits = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in files
            for m in _INTERNAL_CITATION.finditer(p.read_text(encoding="utf-8"))]
    assert not hits, "cite the course's own page, e.g. 'the course's proposal (Module 11)':\n" + "\n".join(hits)
    assert _INTERNAL_CITATION.search("scorecard (brief §6.5)")  # the check can fail
