"""Write exercises/ from solutions/ (the single source).

    python tools/make_exercises.py          # write exercises/
    python tools/make_exercises.py --check  # exit 1 if exercises/ is out of date

Marking, in solution notebooks:
* a code block between ``### BEGIN SOLUTION`` and ``### END SOLUTION``: each
  assignment in it becomes ``name = ...  # your answer here`` (a dict keeps its
  keys, each value becoming ``...``); ``...`` is what the checks read as
  "not answered yet", so the blank exercise runs top to bottom without raising;
* a whole cell tagged ``solution``: a code cell becomes a placeholder cell, a
  markdown cell becomes "Your answer" space;
* cells tagged ``solution-only`` are dropped (e.g. a worked-example note);
* in a code cell tagged ``form`` (a form that shows the worked answer in the solution), the block
  between the markers is dropped, and so is each keyword argument that passes one of its names
  (``classification_form(start=classification)`` becomes ``classification_form()``): the
  exercise's form opens blank, or with the participant's saved answer, and shows no code to edit;
* a code cell tagged ``optional-code`` (the code path after a form) is folded in the exercise.
Outputs are removed. Cell ids are kept, so the exercise stays stable.
"""
from __future__ import annotations

import ast
import copy
import re
import sys
import textwrap
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
MARKDOWN_PLACEHOLDER = "**Your answer:** *(double-click this cell, write your answer, then press Shift+Enter)*"
CODE_PLACEHOLDER = "# Your answer here: replace ... with your answer, then run the cell (Shift+Enter).\n"


class MarkingError(ValueError):
    pass


def _blank_assignment(stmt: ast.stmt, source: str) -> str:
    if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        found = ast.get_source_segment(source, stmt)
        raise MarkingError(f"only assignments may sit between the solution markers, found: {found!r}")
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    # Each target comes from parsing ``source`` itself, so it always has a segment there.
    names = " = ".join(ast.get_source_segment(source, t) or "" for t in targets)
    value = stmt.value
    if isinstance(value, ast.Dict):
        keys = [k for k in value.keys if isinstance(k, ast.Constant)]
        if len(keys) == len(value.keys):
            lines = [f"{names} = {{"]
            for key in keys:
                lines.append(f"    {key.value!r}: ...,  # your answer here")
            lines.append("}")
            return "\n".join(lines)
    return f"{names} = ...  # your answer here"


def blank_code(source: str) -> str:
    lines = source.splitlines()
    out: list[str] = []
    block: list[str] = []
    inside = False
    for line in lines:
        if line.strip() == BEGIN:
            inside, block = True, []
            continue
        if line.strip() == END:
            if not inside:
                raise MarkingError("END SOLUTION without BEGIN SOLUTION")
            inside = False
            text = "\n".join(block)
            indent = len(block[0]) - len(block[0].lstrip()) if block else 0
            tree = ast.parse("\n".join(b[indent:] for b in block))
            for stmt in tree.body:
                for new in _blank_assignment(stmt, "\n".join(b[indent:] for b in block)).splitlines():
                    out.append(" " * indent + new)
            del text
            continue
        (block if inside else out).append(line)
    if inside:
        raise MarkingError("BEGIN SOLUTION without END SOLUTION")
    return "\n".join(out)


def drop_block(source: str) -> str:
    """A ``form`` cell for the exercise: the solution block removed, with the arguments that pass its names."""
    out: list[str] = []
    block: list[str] = []
    inside = False
    for line in source.splitlines():
        if line.strip() == BEGIN:
            inside = True
            continue
        if line.strip() == END:
            if not inside:
                raise MarkingError("END SOLUTION without BEGIN SOLUTION")
            inside = False
            continue
        (block if inside else out).append(line)
    if inside:
        raise MarkingError("BEGIN SOLUTION without END SOLUTION")
    names: list[str] = []
    for stmt in ast.parse(textwrap.dedent("\n".join(block))).body:
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            raise MarkingError("only assignments may sit between the solution markers of a form cell")
        for target in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]):
            names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
    text = "\n".join(out)
    for name in names:
        text = re.sub(rf"\b\w+\s*=\s*{name}\b(?!\s*[.\[(])\s*,?[ ]*", "", text)
        text = re.sub(r",\s*\)", ")", re.sub(r"\([ ]+", "(", text))
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(ast.parse(text))):
            raise MarkingError(f"the form cell still uses {name!r}, which the exercise does not define")
    return text.strip("\n")


def make_exercise(solution: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = copy.deepcopy(solution)
    cells = []
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "solution-only" in tags:
            continue
        if "solution" in tags:
            new_tags = [t for t in tags if t not in ("solution", "hide-input", "hide-cell")]
            if cell.cell_type == "markdown":
                cell.source = MARKDOWN_PLACEHOLDER
            else:
                cell.source = CODE_PLACEHOLDER
            cell.metadata["tags"] = new_tags
        elif cell.cell_type == "code" and BEGIN in cell.source and "form" in tags:
            cell.source = drop_block(cell.source)
            cell.metadata["tags"] = [t for t in tags if t not in ("hide-input", "hide-cell")]
        elif cell.cell_type == "code" and BEGIN in cell.source:
            cell.source = blank_code(cell.source)
            cell.metadata["tags"] = [t for t in tags if t not in ("hide-input", "hide-cell")]
        if cell.cell_type == "code" and "optional-code" in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}  # folded: the form comes first
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            # the solution's try-first folds (tools/wrap_answers.py): an exercise has nothing to fold
            cell.metadata.pop("mystnb", None)
            cell.metadata["tags"] = [t for t in cell.metadata.get("tags", []) if t != "hide-output"]
        if not cell.metadata.get("tags"):
            cell.metadata.pop("tags", None)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    _retitle(nb)
    return nb


def _retitle(nb: nbformat.NotebookNode) -> None:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("# "):
            first, _, rest = cell.source.lstrip().partition("\n")
            title = first.replace("(worked solution)", "(exercise)").replace("worked solution", "exercise")
            cell.source = title + ("\n" + rest if rest else "")
            return


def expected() -> dict[Path, str]:
    return {nbtools.exercise_for(p): nbtools.normalise(make_exercise(nbtools.load(p)), seed="exercise")
            for p in nbtools.solutions()}


def main(argv: list[str]) -> int:
    stale = []
    for path, text in expected().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if "--check" not in argv:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(nbtools.ROOT)}")
    if "--check" in argv and stale:
        print("exercises/ is out of date; run `make exercises`: " + ", ".join(p.name for p in stale))
        return 1
    if not stale:
        print("exercises/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
