"""Shared helpers for the notebook tools: paths, execution, normalisation.

Used by make_outputs.py, make_exercises.py and the tests, so that what the
tests check is produced the same way as what is committed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_WORKBOOK = ROOT / "tests" / "fixtures" / "workbook.json"
MAX_NOTEBOOK_BYTES = 300 * 1024
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def solutions() -> list[Path]:
    return sorted((ROOT / "solutions").glob("[0-9][0-9]-*-solution.ipynb"))


def exercise_for(solution: Path) -> Path:
    return ROOT / "exercises" / solution.name.replace("-solution.ipynb", "-exercise.ipynb")


def exercises() -> list[Path]:
    return [exercise_for(s) for s in solutions()]


@contextmanager
def fixture_workbook():
    """Point MISSIONKIT_WORKBOOK at a fresh temporary copy of the committed fixture."""
    old = os.environ.get("MISSIONKIT_WORKBOOK")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "workbook.json"
        if FIXTURE_WORKBOOK.exists():
            shutil.copy(FIXTURE_WORKBOOK, target)
        os.environ["MISSIONKIT_WORKBOOK"] = str(target)
        try:
            yield target
        finally:
            if old is None:
                os.environ.pop("MISSIONKIT_WORKBOOK", None)
            else:
                os.environ["MISSIONKIT_WORKBOOK"] = old


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 180) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
    )
    client.execute()
    return nb


def _stable_ids(text: str, seed: str) -> str:
    """Replace widget model ids (random per run) by ids derived from their order."""
    ids: dict[str, str] = {}
    for match in re.finditer(r'"model_id": "([0-9a-f]{32})"|IPY_MODEL_([0-9a-f]{32})|"([0-9a-f]{32})": \{', text):
        mid = next(g for g in match.groups() if g)
        if mid not in ids:
            ids[mid] = hashlib.sha1(f"{seed}:{len(ids)}".encode()).hexdigest()[:32]
    for old, new in ids.items():
        text = text.replace(old, new)
    return text


def normalise(nb: nbformat.NotebookNode, seed: str) -> str:
    """Strip what varies between runs; return the notebook as text (stable bytes)."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("execution", None)
    nb.metadata.get("kernelspec", {}).update({"display_name": "Python 3", "name": "python3", "language": "python"})
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None) if cell.cell_type == "markdown" else None
        cell["id"] = cell.get("id") or f"cell-{i}"
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = None
                out.get("metadata", {}).pop("execution", None)
    text = nbformat.writes(nb)
    return _stable_ids(text, seed) + ("" if text.endswith("\n") else "\n")


def write(nb: nbformat.NotebookNode, path: Path) -> int:
    text = normalise(nb, seed=path.stem)
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def strip_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def output_texts(nb: nbformat.NotebookNode) -> list[str]:
    """Every text an executed notebook shows (plain, markdown, html), in order."""
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            elif out.get("output_type") == "error":
                texts.append(f"ERROR {out.get('ename')}: {out.get('evalue')}")
            for mime in ("text/plain", "text/markdown", "text/html"):
                data = out.get("data", {}).get(mime)
                if data:
                    texts.append("".join(data) if isinstance(data, list) else data)
    return texts


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def dumps_json(obj) -> str:
    return json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False)
