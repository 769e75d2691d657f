"""Write each lesson's and exercise's two times by the course's rule (idempotent).

    python tools/set_times.py          # rewrite the **Time:** lines in notebooks/ and solutions/
    python tools/set_times.py --check  # exit 1 if a line does not follow the rule

The rule lives in missionkit/authoring/timing.py and is stated in book/how-to-use.md. A lesson's
trainer time is its core path in missionkit/data/agenda.yml; an exercise's is the sum of the
minutes in its headings, and its own-pace time is counted on the exercise a participant opens
(made from the solution by tools/make_exercises.py). Run tools/make_exercises.py afterwards.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402
from make_exercises import make_exercise  # noqa: E402

from missionkit.authoring import timing, trainer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MANAGED = re.compile(
    r"\*\*Time:\*\* at a trainer's pace, \d+ minutes(?P<what>(?: [^;]*)?); at your own pace, about \d+ "
    r"minutes \(\[how we count\]\([^)]*\)\)\.")
LESSON_OLD = re.compile(r"\*\*Time:\*\* about \d+ minutes(?P<what> (?:on|for) the core path)?(?: \([^)]*\))?\.")
SOLUTION_OLD = re.compile(r"(?P<n>\w+) exercises, about \d+ minutes in all\.")


def _line(cell_source: str, trainer_minutes: int, own: int, what: str) -> str | None:
    line = timing.time_line(trainer_minutes, own, what)
    for pattern, fmt in ((MANAGED, "{line}"), (LESSON_OLD, "{line}"), (SOLUTION_OLD, "{n} exercises. {line}")):
        m = pattern.search(cell_source)
        if m:
            n = m.groupdict().get("n") or ""
            return cell_source[:m.start()] + fmt.format(line=line, n=n) + cell_source[m.end():]
    return None


def _rewrite(nb, name: str, trainer_minutes: int, what: str, count) -> bool:
    """Put the time line in the first cell that has one; True if the notebook changed."""
    for cell in nb.cells[:3]:
        if cell.cell_type != "markdown":
            continue
        first = _line(cell.source, trainer_minutes, 0, what)
        if first is None:
            continue
        old = cell.source
        cell.source = first  # same words as the final line, so the count is stable
        cell.source = _line(cell.source, trainer_minutes, timing.own_pace(count(nb)), what) or first
        return cell.source != old
    raise SystemExit(f"{name}: no '**Time:**' line in its first cells; "
                     "add one such as '**Time:** about 45 minutes on the core path.'")


def expected(path: Path):
    """The notebook as the rule wants it (a copy) and whether it differs from the file."""
    nb = nbtools.load(path)
    module = path.name[:2]
    if path.parent.name == "notebooks":
        minutes = trainer.load().module(module).core_minutes
        what = "" if module == "00" else "on the core path"
        changed = _rewrite(nb, path.name, minutes, what, lambda n: timing.effort(n))
    else:
        minutes = timing.heading_minutes(make_exercise(nb))
        if not minutes:
            raise SystemExit(f"{path.name}: no exercise heading gives its minutes; write them as "
                             "'## Exercise 1. ... (15 minutes)'.")
        changed = _rewrite(nb, path.name, minutes, "in all", lambda n: timing.effort(make_exercise(n), exercise=True))
    return nb, changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")) + nbtools.solutions():
        nb, changed = expected(path)
        if changed:
            stale.append(path.name)
            if not check:
                nbtools.write(nb, path)
    if check and stale:
        print("times not by the rule in: " + ", ".join(stale) + " (run: python tools/set_times.py)")
        return 1
    print("checked times in all notebooks" if check else "set times in " + (", ".join(stale) or "no notebook"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
