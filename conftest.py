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
