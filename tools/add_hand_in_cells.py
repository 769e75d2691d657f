"""Give every solution notebook (and so every exercise) a final "Hand in to the trainer" pair of cells.

    python tools/add_hand_in_cells.py          # add or update the pair in solutions/*.ipynb
    python tools/add_hand_in_cells.py --check  # exit 1 if a solution lacks the pair or has an old one

then, as after any edit of a solution: ``python tools/set_times.py`` (the own-pace time counts the new
words), ``python tools/make_exercises.py`` and ``python tools/make_outputs.py solution`` (stored outputs).

Idempotent: the pair is found by its cell ids (``hand-in`` and ``hand-in-form``) and rewritten in place;
it goes last, before any trailing trainer-notes cells. The hand-in key is the notebook's slug without its
number (``03-framing-solution.ipynb`` -> ``framing``), so renumbering modules never changes it.
"""
from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402

MD_ID, CODE_ID = "hand-in", "hand-in-form"
MARKDOWN = (
    "## Hand in to the trainer\n"
    "\n"
    "When your trainer asks, run the cell below, type your name (or an alias your trainer will recognise) and "
    "click **Hand in to the trainer**. The trainer receives a copy of your saved answers for the debrief; the "
    "room sees the answers without names. You can hand in again at any time: the new copy replaces the old one."
)
CODE = (
    "# Hand in to the trainer: sends a copy of your saved answers. Run this cell, type a name, click the button.\n"
    "from missionkit import forms\n"
    "\n"
    'forms.hand_in_form("{key}")'
)


def module_key(path: Path) -> str:
    """``03-framing-solution.ipynb`` -> ``framing``."""
    match = re.fullmatch(r"[0-9]{2}-(.+?)(?:-solution|-exercise)?", path.stem)
    if not match:
        raise SystemExit(f"{path.name}: not a course notebook name (NN-slug-solution.ipynb)")
    return match.group(1)


def with_hand_in(nb: nbformat.NotebookNode, key: str) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if c.get("id") not in (MD_ID, CODE_ID)]
    end = len(cells)
    while end > 0 and "trainer-notes" in cells[end - 1].get("metadata", {}).get("tags", []):
        end -= 1
    md = nbformat.v4.new_markdown_cell(MARKDOWN, id=MD_ID)
    code = nbformat.v4.new_code_cell(CODE.format(key=key), id=CODE_ID)
    nb.cells = cells[:end] + [md, code] + cells[end:]
    return nb


def _shape(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    return [(c.cell_type, c.get("id", ""), c.source) for c in nb.cells]


def main(argv: list[str]) -> int:
    stale = []
    for path in nbtools.solutions():
        nb = nbtools.load(path)
        wanted = with_hand_in(copy.deepcopy(nb), module_key(path))
        if _shape(wanted) != _shape(nb):  # only the cells count: outputs and widget state are left as they are
            stale.append(path.name)
            if "--check" not in argv:
                nbtools.write(wanted, path)
                print(f"added the hand-in cells to {path.relative_to(nbtools.ROOT)}")
    if "--check" in argv and stale:
        print("these solutions lack the hand-in cells: run python tools/add_hand_in_cells.py: " + ", ".join(stale))
        return 1
    if not stale:
        print("every solution ends with the hand-in cells")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
