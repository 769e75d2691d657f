"""Put the model answers and reasoning notes of solutions/ behind a toggle (idempotent).

    python tools/wrap_answers.py          # rewrite solutions/ in place
    python tools/wrap_answers.py --check  # exit 1 if a cell is not wrapped

A markdown cell tagged ``solution`` (a model answer) or ``solution-only`` (how to reason about it)
is wrapped in ``<details><summary>…</summary> … </details>``, so a self-learner reading the book or
the notebook tries first and opens the answer after. The summary names the cell ("A model answer",
"How to reason about it") from its opening words. CommonMark plus <details>: decision 0003.

Code cells that show an answer get the ``hide-output`` tag, so the book folds their output behind
"Show the feedback (try it yourself first)": a cell whose stored output is feedback, a form (pre-filled
with the worked answer in a solution), or a cell that uses a name the worked answer defines
(``### BEGIN SOLUTION`` blocks). The worked answer's own cell is folded whole (``hide-cell``), its code
and the feedback under it.
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


HIDE = "hide-output"
SHOW = "Show the feedback (try it yourself first)"
HIDE_PROMPT = "Hide the feedback"
ANSWER_SHOW = "Show the worked answer and its feedback (try it yourself first)"
ANSWER_HIDE = "Hide the worked answer"
_ASSIGNED = re.compile(r"^([A-Za-z_]\w*)\s*=", re.M)


def answer_names(nb: nbformat.NotebookNode) -> set[str]:
    """Names the worked answer defines (``name = ...`` inside ``### BEGIN SOLUTION`` cells)."""
    names: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source:
            names.update(_ASSIGNED.findall(cell.source))
    return names


def shows_an_answer(cell: nbformat.NotebookNode, names: set[str]) -> bool:
    """True if a solution's code cell would show the answer in its output."""
    if cell.cell_type != "code" or "### BEGIN SOLUTION" in cell.source:
        return False
    if "remove-input" in cell.metadata.get("tags", []):  # the setup cell
        return False
    if "hand_in_form(" in cell.source:  # "Hand in to the trainer" (tools/add_hand_in_cells.py) shows no answer
        return False
    stored = str(cell.get("outputs", []))
    if "missionkit-feedback" in stored or "_form(" in cell.source:
        return True
    code = re.sub(r"#.*", "", cell.source)
    return any(re.search(rf"(?<![.\w]){re.escape(n)}\b", code) for n in names)


def fold_outputs(nb: nbformat.NotebookNode) -> bool:
    """Tag every answer-showing code cell ``hide-output`` with a plain prompt; True if changed."""
    names = answer_names(nb)
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        if "### BEGIN SOLUTION" in cell.source:
            want = {"code_prompt_show": ANSWER_SHOW, "code_prompt_hide": ANSWER_HIDE}
            folded = [t for t in tags if t not in ("hide-input", "hide-output")]
            if "hide-cell" not in folded:  # the worked answer and the feedback under it, in one toggle
                cell.metadata["tags"] = [*folded, "hide-cell"]
                changed = True
        elif shows_an_answer(cell, names):
            want = {"code_prompt_show": SHOW, "code_prompt_hide": HIDE_PROMPT}
            if HIDE not in tags:
                cell.metadata["tags"] = [*tags, HIDE]
                changed = True
        else:
            continue
        if cell.metadata.get("mystnb") != want:
            cell.metadata["mystnb"] = want
            changed = True
    return changed


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
        changed = fold_outputs(nb) or changed
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
