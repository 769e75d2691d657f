"""Re-execute lesson and solution notebooks in place, storing their outputs.

    python tools/make_outputs.py [NAME-FRAGMENT ...]

Runs against a temporary copy of the committed fixture workbook (never your
own my-work/), strips timing metadata and random widget ids, and fails if a
notebook grows past the size limit (tools/nbtools.py). A code cell tagged ``optional-code`` (the optional
code path after a question's form, issue 20) runs but keeps no output: the form
above it shows the same feedback (tag it ``nbval-ignore-output`` too).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbtools  # noqa: E402


def main(filters: list[str]) -> int:
    paths = nbtools.lessons() + nbtools.solutions()
    if filters:
        paths = [p for p in paths if any(f in p.name for f in filters)]
    too_big = []
    total = time.perf_counter()
    for n, path in enumerate(paths, 1):
        start = time.perf_counter()
        print(f"[{n}/{len(paths)}] {path.relative_to(nbtools.ROOT)} ...", end=" ", flush=True)
        nb = nbtools.load(path)
        with nbtools.fixture_workbook():
            nbtools.execute(nb, cwd=path.parent)
        for cell in nb.cells:
            if "optional-code" in cell.metadata.get("tags", []):
                cell.outputs = []
        size = nbtools.write(nb, path)
        print(f"{time.perf_counter() - start:.1f} s, {size / 1024:.0f} KB", flush=True)
        if size > nbtools.MAX_NOTEBOOK_BYTES:
            too_big.append(f"{path.name} ({size / 1024:.0f} KB)")
    print(f"done: {len(paths)} notebooks in {time.perf_counter() - total:.1f} s")
    if too_big:
        print(f"Over the {nbtools.MAX_NOTEBOOK_BYTES // 1024} KB limit: " + ", ".join(too_big), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
