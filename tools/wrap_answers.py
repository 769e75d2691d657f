"""Put the model answers and reasoning notes of solutions/ behind a toggle (idempotent).

    python tools/wrap_answers.py          # rewrite solutions/ in place
    python tools/wrap_answers.py --check  # exit 1 if a cell is not wrapped

A markdown cell tagged ``solution`` (a model answer) or ``solution-only`` (how to reason about it)
is wrapped in ``<details><summary>…</summary> … </details>``, so a self-learner reading the book or
the notebook tries first and opens the answer after. The summary names the cell ("A model answer",
"How to reason about it") from its opening words. CommonMark plus <details>: decision 0003.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402

OPEN = "<details><summary>"


def summary_for(source: str, tags: list[str]) -> str:
    m = re.match(r"\s*\*\*(.+?)\*\*", source)
    label = m.group(1) if m else ("A model answer" if "solution" in tags else "Why this answer")
    label = re.sub(r"[*_]", "", label).strip().rstrip(".:").strip()
    label = re.sub(r"\s*\((?:fictional[^)]*)\)\s*$", "", label)  # the cell itself keeps the label
    return f"{label} (open it once you have tried)"


def wrap(source: str, tags: list[str]) -> str:
    if source.lstrip().startswith(OPEN):
        return source
    return f"{OPEN}{summary_for(source, tags)}</summary>\n\n{source.strip()}\n\n</details>"


def answer_cells(nb: nbformat.NotebookNode):
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown" and ("solution" in tags or "solution-only" in tags):
            yield cell, tags


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in nbtools.solutions():
        nb = nbformat.read(path, as_version=4)
        changed = False
        for cell, tags in answer_cells(nb):
            new = wrap(cell.source, tags)
            if new != cell.source:
                changed = True
                cell.source = new
        if changed:
            stale.append(path.name)
            if not check:
                nbtools.write(nb, path)
    if check and stale:
        print("answers not behind a toggle in: " + ", ".join(stale) + " (run: python tools/wrap_answers.py)")
        return 1
    print(("checked " if check else "wrapped answers in ") + (", ".join(stale) if stale and not check else
                                                             f"{len(nbtools.solutions())} solutions"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
