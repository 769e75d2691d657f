"""Room check: is this laptop (or this hub) ready for the course? One minute, plain answers.

    python -m missionkit.roomcheck        # or: make room-check

or, in a notebook (for trainers who do not use a terminal)::

    from missionkit import roomcheck
    roomcheck.run()

It checks, in order, and says what to do about each failure:

1. a Jupyter kernel starts and imports missionkit (what every notebook does first);
2. missionkit and all its teaching modules import here;
3. a form draws and saves an answer to a workbook (a temporary one: the participant's is untouched);
4. a chart draws offline: vl-convert makes its picture without the network, JupyterLab has its own
   bundled chart renderer, and the book's copy of the chart library (assets/vendor/vega) is in
   the course folder;
5. the hand-in folder takes a file (``missionkit.handin``; on a hub, the shared exchange).

Replaces ``make test`` on the morning of a course: that is a developer suite of several minutes.
"""
from __future__ import annotations

import html
import importlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from missionkit.errors import MissionkitInputError

MODULES = ["missionkit.case", "missionkit.catalogue", "missionkit.workbook", "missionkit.handin", "missionkit.charts",
           "missionkit.forms"]  # then every teaching module found in the package (teaching_modules)
VEGA_FILES = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"]
KERNEL_TIMEOUT = 45
SETUP_HINT = ("run `make book` once on this machine while it is online (it installs everything the course needs), "
              "or on a hub ask IT to reinstall the course's environment")


@dataclass
class Check:
    name: str
    ok: bool
    message: str
    seconds: float = 0.0


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.checks)

    def text(self) -> str:
        lines = [f"{'OK ' if c.ok else 'NO '} {c.name} ({c.seconds:.1f} s): {c.message}" for c in self.checks]
        failed = sum(not c.ok for c in self.checks)
        lines.append(f"READY: this machine is ready for the course (checked in {self.seconds:.0f} s)." if self.ok else
                     f"NOT READY: {failed} problem{'s' if failed != 1 else ''} above; each says what to do.")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{'✅' if c.ok else '❌'}</td><td>{html.escape(c.name)}</td>"
                       f"<td>{html.escape(c.message)}</td><td>{c.seconds:.1f} s</td></tr>" for c in self.checks)
        verdict = ("<strong>Ready</strong>: this machine is ready for the course." if self.ok else
                   "<strong>Not ready</strong>: each problem above says what to do.")
        return f"<table>{rows}</table><p>{verdict}</p>"

    def __str__(self) -> str:
        return self.text()


def _timed(name: str, check: Callable[[], str]) -> Check:
    start = time.perf_counter()
    try:
        message, ok = check(), True
    except MissionkitInputError as exc:
        message, ok = exc.message, False
    return Check(name, ok, message, round(time.perf_counter() - start, 2))


# --------------------------------------------------------------------------- the checks
def check_kernel(kernel_name: str = "python3", timeout: float = KERNEL_TIMEOUT) -> str:
    """A kernel starts and imports missionkit."""
    try:
        from jupyter_client.manager import start_new_kernel
    except ImportError as exc:
        raise MissionkitInputError(f"Jupyter is not installed here ({exc})", fix=SETUP_HINT) from None
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    try:
        km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=timeout, env=env,
                                  stderr=subprocess.DEVNULL)  # the kernel's own start-up warnings
    except Exception as exc:  # a missing kernel spec, a kernel that dies or never answers: all the same to a trainer
        raise MissionkitInputError(
            f"A notebook kernel ('{kernel_name}') did not start: {type(exc).__name__}: {exc}",
            fix=SETUP_HINT + "; then run the room check again") from None
    try:
        out: list[str] = []
        reply = kc.execute_interactive("import missionkit; print('MK', missionkit.__version__)", timeout=timeout,
                                       output_hook=lambda m: out.append(m.get("content", {}).get("text", "")))
        content = reply["content"]
        if content.get("status") != "ok":
            raise MissionkitInputError(
                f"The kernel started but cannot import missionkit ({content.get('ename')}: {content.get('evalue')})",
                fix=SETUP_HINT)
        return f"a kernel started and imported missionkit {''.join(out).split('MK')[-1].strip()}"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def teaching_modules() -> list[str]:
    """Every teaching module's package (missionkit/<module>/), found on disk: a new module is checked too."""
    import pkgutil

    import missionkit

    return [f"missionkit.{m.name}" for m in pkgutil.iter_modules(missionkit.__path__)
            if m.ispkg and m.name not in ("authoring", "data")]


def check_imports(modules: list[str] | None = None) -> str:
    modules = modules or [*MODULES, *teaching_modules()]
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # any failure to import is the same advice
            raise MissionkitInputError(f"The course's code cannot be loaded: {name} fails with "
                                       f"{type(exc).__name__}: {exc}", fix=SETUP_HINT) from None
    return f"missionkit and its {len(modules)} parts load"


def check_form(folder: str | os.PathLike | None = None) -> str:
    """A form draws and saves to a temporary workbook."""
    from missionkit import forms
    from missionkit.feedback import Feedback
    from missionkit.workbook import Workbook

    with tempfile.TemporaryDirectory(prefix="missionkit-roomcheck-", dir=folder) as tmp:
        path = Path(tmp) / "workbook.json"
        old = os.environ.get("MISSIONKIT_WORKBOOK")
        os.environ["MISSIONKIT_WORKBOOK"] = str(path)
        try:
            form = forms.text_form("room_check", "answer", title="Room check", label="Type something",
                                   help_text="", example="hello",
                                   check=lambda text: Feedback.not_answered("Room check", "Type something"))
            bundle = form._repr_mimebundle_()
            box = form.children[0].children[-1]
            box.value = "saved by the room check"
            status = form.children[2].value
            saved = Workbook.open(path).get("room_check", "answer") if path.exists() else None
        finally:
            if old is None:
                os.environ.pop("MISSIONKIT_WORKBOOK", None)
            else:
                os.environ["MISSIONKIT_WORKBOOK"] = old
        if "text/html" not in bundle:
            raise MissionkitInputError("A form did not draw (no picture of it was produced)", fix=SETUP_HINT)
        if saved != "saved by the room check":
            shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", status or "")).split())
            raise MissionkitInputError(
                f"A form drew but its answer was not saved to a workbook in '{tmp}'"
                + (f" ({shown})" if shown else ""),
                fix="Check the disk is not full and the course folder is writable (my-work/); on a hub ask IT")
    return "a form drew and saved its answer to a (temporary) workbook"


def check_chart(course_root: str | os.PathLike | None = None) -> str:
    """A chart draws offline, and the book's chart library is in the course folder."""
    import altair as alt
    import pandas as pd

    from missionkit import charts
    from missionkit.workbook import find_course_root

    chart = charts.finish(alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y"),
                          title="Room check", description="Two bars, drawn by the room check")
    try:
        svg = charts.mimebundle(chart.to_dict())["image/svg+xml"]
    except Exception as exc:  # vl-convert missing or broken
        raise MissionkitInputError(f"A chart could not be drawn offline ({type(exc).__name__}: {exc})",
                                   fix=SETUP_HINT) from None
    if "<svg" not in svg:
        raise MissionkitInputError("A chart was drawn as an empty picture", fix=SETUP_HINT)
    lab = lab_vega_package()
    if lab is not None and "@jupyterlab/vega5-extension" not in lab.read_text(encoding="utf-8", errors="replace"):
        raise MissionkitInputError(
            f"JupyterLab here has no chart renderer (@jupyterlab/vega5-extension is not in '{lab}'): charts "
            "would show only as still pictures", fix=SETUP_HINT)
    root = Path(course_root) if course_root is not None else find_course_root(Path(__file__).resolve().parent)
    if root is None:
        return "a chart drew offline (no course folder here, so the book's chart library was not checked)"
    vendor = root / "assets" / "vendor" / "vega"
    missing = [name for name in VEGA_FILES if not (vendor / name).is_file()]
    if missing:
        raise MissionkitInputError(
            f"The book's offline chart library is missing from '{vendor}' ({', '.join(missing)}): charts in the "
            "book would stay blank without internet",
            fix="Copy the course folder again from the repository (or run tools/vendor_js.sh while online)")
    return "a chart drew offline, and the book's chart library is in place"


def lab_vega_package() -> Path | None:
    """JupyterLab's built application description (static/package.json), or None without JupyterLab."""
    try:
        import jupyterlab
    except ImportError:
        return None
    path = Path(jupyterlab.__file__).parent / "static" / "package.json"
    return path if path.is_file() else None


def check_exchange(folder: str | os.PathLike | None = None) -> str:
    from missionkit import handin

    path = handin.check_exchange(folder)
    return f"the hand-in folder '{path}' takes files"


def run(*, kernel: bool = True, exchange: str | os.PathLike | None = None) -> Report:
    """Run every check (``kernel=False`` skips starting a kernel, e.g. inside a notebook's own kernel)."""
    report = Report()
    if kernel:
        report.checks.append(_timed("Kernel starts", check_kernel))
    report.checks.append(_timed("missionkit imports", check_imports))
    report.checks.append(_timed("A form saves", check_form))
    report.checks.append(_timed("A chart draws offline", check_chart))
    report.checks.append(_timed("Hand-in folder", lambda: check_exchange(exchange)))
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(a in ("-h", "--help") for a in args):
        print(__doc__)
        return 0
    exchange = next((a.split("=", 1)[1] for a in args if a.startswith("--exchange=")), None)
    print("Room check: about a minute...", flush=True)
    report = run(kernel="--no-kernel" not in args, exchange=exchange)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
