"""Rules every committed notebook keeps: size, stored chart format, no run metadata."""
from __future__ import annotations

import json
from pathlib import Path

import nbtools
import pytest

ROOT = Path(__file__).resolve().parents[1]

EXECUTED = nbtools.lessons() + nbtools.solutions()
ALL = EXECUTED + nbtools.exercises()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_is_light(path):
    limit = nbtools.MAX_NOTEBOOK_BYTES
    assert path.stat().st_size <= limit, f"{path.name} is over {limit // 1024} KB"


@pytest.mark.parametrize("path", EXECUTED, ids=lambda p: p.name)
def test_outputs_are_stored_and_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), "run `make outputs`: no stored outputs"
    for cell in nb["cells"]:
        assert "execution" not in cell.get("metadata", {}), "timing metadata must be stripped"
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"stored error output in {path.name}"
            data = out.get("data", {})
            if "application/vnd.vegalite.v5+json" in data:
                assert "image/svg+xml" in data, "every chart stores a static SVG too"
                assert "text/html" not in data, "no text/html beside a chart (JupyterLab would prefer it)"
            assert not any(k.startswith("application/vnd.vegalite.v6") for k in data), "altair 6 output"


@pytest.mark.parametrize("path", EXECUTED, ids=lambda p: p.name)
def test_stored_text_is_normalised(path):
    """What make outputs writes is a fixed point of the normaliser (no random ids, no counts)."""
    text = path.read_text(encoding="utf-8")
    assert nbtools.normalise(nbtools.load(path), seed=path.stem) == text


def test_each_lesson_has_exactly_one_h1_and_a_hidden_setup_cell():
    for path in nbtools.lessons():
        nb = nbtools.load(path)
        h1 = [c for c in nb.cells if c.cell_type == "markdown"
              for line in c.source.splitlines() if line.startswith("# ")]
        assert len(h1) == 1, f"{path.name}: {len(h1)} H1 headings"
        setup = [c for c in nb.cells if c.cell_type == "code" and "remove-input" in c.metadata.get("tags", [])]
        assert setup, f"{path.name}: no setup cell tagged remove-input"


@pytest.mark.slow
def test_two_runs_give_identical_bytes():
    """Two executions of the same lesson give byte-identical notebooks (make outputs is reproducible)."""
    path = next((p for p in nbtools.lessons() if p.name.startswith("01-")), None) or nbtools.lessons()[0]
    texts = []
    for _ in range(2):
        nb = nbtools.load(path)
        with nbtools.fixture_workbook():
            nbtools.execute(nb, cwd=path.parent)
        texts.append(nbtools.normalise(nb, seed=path.stem))
    assert texts[0] == texts[1]
    assert texts[0] == path.read_text(encoding="utf-8"), "committed outputs differ from a fresh run: make outputs"
