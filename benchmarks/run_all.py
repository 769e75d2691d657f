"""`make bench`: one table of the figures that matter, medians of several runs, with targets.

    python benchmarks/run_all.py [--runs N]

Exits non-zero naming every target missed. Prints the machine it ran on.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
import nbtools  # noqa: E402

PY = sys.executable
JB = str(Path(PY).with_name("jupyter-book"))
rows: list[tuple[str, str, str, bool]] = []  # (what, figure, target, ok)


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def add(what: str, value: float | str, target: float | None = None, unit: str = "s") -> None:
    figure = f"{value:.2f} {unit}" if isinstance(value, float) else value
    ok = True if target is None else float(value) <= target
    rows.append((what, figure, "" if target is None else f"<= {target:g} {unit}", ok))


def build(clean: bool) -> None:
    if clean:
        shutil.rmtree(ROOT / "_build" / "html", ignore_errors=True)
        shutil.rmtree(ROOT / "_build" / ".doctrees", ignore_errors=True)
    subprocess.run([JB, "build", str(ROOT), "-W", "-n", "--keep-going", "-q"], check=True, capture_output=True)


def import_time(modules: str) -> float:
    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip())


def execute(path: Path) -> None:
    nb = nbtools.load(path)
    with nbtools.fixture_workbook():
        nbtools.execute(nb, cwd=path.parent)


def bare_kernel() -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1")]
    nbtools.execute(nb, cwd=ROOT)


def import_kernel() -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import missionkit.charts, missionkit.forms, missionkit.case")]
    nbtools.execute(nb, cwd=ROOT)


def setup_cell(path: Path) -> None:
    """A kernel that runs only the notebook's setup cell (its first code cell), in the notebook's folder."""
    import nbformat

    first = next(c for c in nbtools.load(path).cells if c.cell_type == "code")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(first.source)]
    with nbtools.fixture_workbook():
        nbtools.execute(nb, cwd=path.parent)


def room_check() -> float:
    """Wall time of `python -m missionkit.roomcheck` (the morning check; a temporary hand-in folder)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([PY, "-m", "missionkit.roomcheck", f"--exchange={tmp}"], cwd=ROOT, check=True,
                       capture_output=True)
        return time.perf_counter() - start


def cohort_page(participants: int = 30) -> float:
    """Seconds to write the cohort view page from 30 hand-ins of the test fixture's workbook."""
    import json
    import tempfile

    from missionkit import handin
    from missionkit.authoring import cohort_view

    sections = json.loads((ROOT / "tests" / "fixtures" / "workbook.json").read_text())["sections"]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(participants):
            handin.store_handin(handin.HandIn("capstone", f"P{i}", f"p{i}", f"{i:06x}",
                                              "2026-12-08T10:00:00+00:00", sections), tmp)
        start = time.perf_counter()
        cohort_view.write_page(Path(tmp) / "view.html", tmp)
        return time.perf_counter() - start


def test_suite() -> float:
    """Wall time of `make test` (the README's test command, as CI runs it)."""
    start = time.perf_counter()
    subprocess.run(["make", "test"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def page_weights() -> tuple[int, str, int]:
    """First-load bytes of the heaviest built page, with every request outside 127.0.0.1 blocked."""
    from tests.browser.helpers import block_external, browser, serve
    from tests.test_book import toc_files

    heaviest, name, external_total = 0, "", 0
    with serve(ROOT / "_build" / "html") as base, browser() as ctx:
        for f in toc_files():
            page = ctx.new_page()
            external = block_external(page)
            sizes: list[int] = []
            page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body()) if r.ok else 0))
            page.goto(f"{base}/{f}.html", wait_until="networkidle")
            total = sum(sizes)
            if total > heaviest:
                heaviest, name = total, f
            external_total += len(external)
            page.close()
    return heaviest, name, external_total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-test-suite", action="store_true", help="skip timing `make test` (about 7 minutes)")
    args = parser.parse_args()
    runs = args.runs

    add("clean book build", median_time(lambda: build(clean=True), runs), 90)
    add("cached book rebuild (nothing changed)", median_time(lambda: build(clean=False), runs), 10)

    bare = median_time(bare_kernel, runs)
    add("bare kernel start + one cell", bare)
    add("kernel start + import missionkit (charts, widgets, case)", median_time(import_kernel, runs))
    worst, worst_name = 0.0, ""
    for path in nbtools.lessons() + nbtools.solutions():
        over = median_time(lambda path=path: setup_cell(path), runs) - bare
        if over > worst:
            worst, worst_name = over, path.name
    add(f"slowest setup cell over a bare kernel ({worst_name})", worst, 1.2)
    base = statistics.median(import_time("pandas, altair, ipywidgets") for _ in range(runs + 2))
    full = statistics.median(import_time("pandas, altair, ipywidgets, missionkit.charts, missionkit.forms, "
                                         "missionkit.case") for _ in range(runs + 2))
    add("import pandas + altair + ipywidgets", base)
    add("import missionkit overhead over those", max(full - base, 0.0), 0.3)

    add("room check (python -m missionkit.roomcheck)", median_time(room_check, runs), 60)
    add("cohort view page, 30 hand-ins", median_time(cohort_page, runs))

    slowest, total = 0.0, 0.0
    for path in nbtools.lessons() + nbtools.solutions():
        t = median_time(lambda path=path: execute(path), runs)
        total += t
        slowest = max(slowest, t)
        add(f"execute {path.relative_to(ROOT)}", t, 10)
    add("make outputs, all notebooks (sum of medians)", total)

    bench_portfolio = ROOT / "benchmarks" / "bench_portfolio.py"
    if bench_portfolio.exists():
        res = subprocess.run([PY, str(bench_portfolio)], capture_output=True, text=True, cwd=ROOT)
        print(res.stdout)
        rows.append(("portfolio analysis at 1k/10k/100k (table above)", "see above", "<= 2 s at 100k",
                     res.returncode == 0))
    res = subprocess.run([PY, str(ROOT / "benchmarks" / "bench_hostile_files.py")], capture_output=True, text=True,
                         cwd=ROOT)
    print(res.stdout)
    rows.append(("hostile participant files refused (table above)", res.stdout.strip().splitlines()[-1][:60]
                 if res.stdout.strip() else "failed", "<= 2 s, < 200 MB", res.returncode == 0))
    res = subprocess.run([PY, str(ROOT / "benchmarks" / "bench_loaders.py"), "-n", "1000"], capture_output=True,
                         text=True, cwd=ROOT)
    print(res.stdout)
    rows.append(("loaders: hypothesis examples (1,000)", res.stdout.strip().splitlines()[-1][:60]
                 if res.stdout.strip() else "failed", "", res.returncode == 0))

    size = sum(f.stat().st_size for f in (ROOT / "_build" / "html").rglob("*") if f.is_file())
    add("built site size", size / 1e6, unit="MB")
    heaviest, name, external = page_weights()
    add(f"heaviest page first load ({name})", heaviest / 1e6, 3, unit="MB")
    add("requests outside 127.0.0.1 (all pages)", float(external), 0, unit="")
    if not args.no_test_suite:
        add("make test (the whole suite, once)", test_suite() / 60, 7, unit="min")

    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
          f"medians of {runs} runs\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'figure':>14}  {'target':>14}  ok")
    for what, figure, target, ok in rows:
        print(f"{what:<{width}}  {figure:>14}  {target:>14}  {'yes' if ok else 'NO'}")
    missed = [r[0] for r in rows if not r[3]]
    if missed:
        print("\nMissed targets: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
