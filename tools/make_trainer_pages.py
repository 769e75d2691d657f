"""Write the trainer guide (book/trainer/*.md) and the printable handouts (book/handouts/*.html).

    python tools/make_trainer_pages.py           write every page from missionkit/data/agenda.yml
    python tools/make_trainer_pages.py --check   exit 1 if a page is missing, stale or not generated
    python tools/make_trainer_pages.py --toc     print the "For trainers" part for _toc.yml

The data file is checked first (missionkit.authoring.trainer.load): an agenda that gives a
module less time than its core path is refused with a plain message. Output is
deterministic: the same data give the same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from missionkit.authoring import trainer, trainer_pages  # noqa: E402 - needs the sys.path line above
from missionkit.errors import MissionkitInputError  # noqa: E402

FOLDERS = (trainer.TRAINER_DIR, trainer.HANDOUT_DIR)


def stale(pages: dict[str, str]) -> list[str]:
    """Generated files that are missing or differ, and files in the generated folders that nothing generates."""
    problems = [rel for rel, text in pages.items()
                if not (ROOT / rel).exists() or (ROOT / rel).read_text(encoding="utf-8") != text]
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*")) if (ROOT / folder).exists() else []:
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and rel not in pages:
                problems.append(f"{rel} (not generated: remove it)")
    return problems


def main(argv: list[str]) -> int:
    try:
        kit = trainer.load()
        pages = trainer_pages.pages(kit)
    except MissionkitInputError as err:
        print(f"The trainer kit's data file has a problem: {err}", file=sys.stderr)
        return 2
    if argv[:1] == ["--toc"]:
        print(trainer_pages.toc_part(kit), end="")
        return 0
    if argv[:1] == ["--check"]:
        problems = stale(pages)
        for p in problems:
            print(f"stale: {p}", file=sys.stderr)
        if problems:
            print("Run: python tools/make_trainer_pages.py", file=sys.stderr)
        return 1 if problems else 0
    written = 0
    for rel, text in pages.items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written += 1
    print(f"{len(pages)} trainer pages and handouts checked, {written} written")
    for p in stale(pages):
        print(f"warning: {p}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
