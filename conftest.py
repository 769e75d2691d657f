"""Test session set-up shared by unit tests and nbval.

Every kernel started by the tests (nbval, nbclient) and every workbook opened
in-process uses a temporary copy of the committed fixture workbook, never the
developer's own my-work/.
"""
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
_tmp = tempfile.mkdtemp(prefix="missionkit-test-")
_wb = Path(_tmp) / "workbook.json"
_fixture = ROOT / "tests" / "fixtures" / "workbook.json"
if _fixture.exists():
    shutil.copy(_fixture, _wb)
os.environ["MISSIONKIT_WORKBOOK"] = str(_wb)
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


_last_notebook = None


def pytest_runtest_setup(item):
    """nbval: each notebook starts from a fresh copy of the fixture workbook, as in `make outputs`."""
    global _last_notebook
    path = getattr(item, "fspath", None)
    if path is None or not str(path).endswith(".ipynb"):
        return
    if str(path) != _last_notebook:
        _last_notebook = str(path)
        if _fixture.exists():
            shutil.copy(_fixture, _wb)
        for extra in _wb.parent.glob("workbook.json.*"):
            extra.unlink()


_layer_time: dict[str, float] = {}


def _layer(nodeid: str) -> str:
    if ".ipynb" in nodeid:
        return "nbval (lessons and solutions)"
    if nodeid.startswith("tests/browser/"):
        return "browser (book, JupyterLab, slides, brief)"
    for name, layer in (("test_exercises", "exercises"), ("test_book", "book build"), ("test_hub", "cohort: hub"),
                        ("test_wheelhouse", "cohort: offline install"), ("test_slides", "slides")):
        if name in nodeid:
            return layer
    return "unit"


def pytest_runtest_logreport(report):
    _layer_time[_layer(report.nodeid)] = _layer_time.get(_layer(report.nodeid), 0.0) + report.duration


def pytest_terminal_summary(terminalreporter):
    if not _layer_time:
        return
    terminalreporter.write_sep("-", "time per test layer")
    for layer, seconds in sorted(_layer_time.items(), key=lambda kv: -kv[1]):
        terminalreporter.write_line(f"{layer:<45} {seconds:8.1f} s")
