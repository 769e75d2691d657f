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
MAX_NOTEBOOK_BYTES = 400 * 1024  # stored outputs and widget state; forms-first notebooks reach ~350 KB
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


@contextmanager
def empty_workbook():
    """Point MISSIONKIT_WORKBOOK at a new, empty workbook: a participant who has saved nothing yet."""
    old = os.environ.get("MISSIONKIT_WORKBOOK")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "workbook.json"
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


def _widget_ids(nb: nbformat.NotebookNode, seed: str) -> dict[str, str]:
    """Stable names for widget models (random per run): a canonical walk from the views in cell
    order, then breadth-first through IPY_MODEL_ references. Models no view reaches are dropped
    from the stored state (nothing can show them)."""
    widgets = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {})
    state = widgets.get("state", {})
    order: list[str] = []
    queue: list[str] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id"):
                queue.append(view["model_id"])
    while queue:
        mid = queue.pop(0)
        if mid in order or mid not in state:
            continue
        order.append(mid)
        queue += re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(state[mid].get("state", {}), sort_keys=True))
    for orphan in set(state) - set(order):
        del state[orphan]
    return {m: hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:32] for i, m in enumerate(order)}


def normalise(nb: nbformat.NotebookNode, seed: str) -> str:
    """Strip what varies between runs; return the notebook as text (stable bytes)."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("execution", None)
    nb.metadata.get("kernelspec", {}).update({"display_name": "Python 3", "name": "python3", "language": "python"})
    nb.metadata["language_info"] = {"name": "python"}
    count = 0
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None) if cell.cell_type == "markdown" else None
        cell["id"] = cell.get("id") or f"cell-{i}"
        if cell.cell_type == "code":
            # sequential counts: nbval treats a cell with outputs and no count as "unrun"
            has_outputs = bool(cell.get("outputs"))
            count += 1 if has_outputs else 0
            cell.execution_count = count if has_outputs else None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
                out.get("metadata", {}).pop("execution", None)
    ids = _widget_ids(nb, seed)
    text = nbformat.writes(nb)
    if ids:  # one simultaneous substitution (a new id may equal an old one), then re-sort keys
        text = re.sub("|".join(ids), lambda m: ids[m.group(0)], text)
        text = nbformat.writes(nbformat.reads(text, as_version=4))
    return text + ("" if text.endswith("\n") else "\n")


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
