"""Fixtures shared by the book and browser tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# One hypothesis profile for the whole suite: no per-example deadline (a busy 2-core machine makes
# timings flaky); each property test bounds its example count with max_examples instead.
settings.register_profile("course", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("course")

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
TEST_REPO = "https://github.com/example-org/mission-bootcamp"
TEST_HUB = "https://hub.example.org"


def once_per_run(name: str, tmp_path_factory, worker_id: str, build) -> None:
    """Run ``build`` once per test run, even with pytest-xdist workers (make test runs two): the first
    worker builds under a file lock, the others wait for it and reuse what it wrote."""
    if worker_id == "master":
        build()
        return
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker of this run
    with FileLock(str(shared / f"{name}.lock")):
        done = shared / f"{name}.done"
        if not done.exists():
            build()
            done.write_text("built\n")


def _build_book() -> None:
    import shutil

    shutil.rmtree(ROOT / "_build" / "html", ignore_errors=True)
    shutil.rmtree(ROOT / "_build" / ".doctrees", ignore_errors=True)
    jb = Path(sys.executable).with_name("jupyter-book")
    # Built as a course with a public address and a hub, so the launch buttons are on every notebook
    # page and the accessibility checks see them (example addresses: the buttons are only links).
    env = dict(os.environ, MISSION_BOOTCAMP_REPO=TEST_REPO, MISSION_BOOTCAMP_HUB=TEST_HUB)
    env.pop("MISSION_BOOTCAMP_BINDER", None)
    env.pop("MISSION_BOOTCAMP_BRANCH", None)
    result = subprocess.run([str(jb), "build", str(ROOT), "-W", "-n", "--keep-going"], capture_output=True,
                            text=True, timeout=900, env=env)
    log = result.stdout + result.stderr
    assert result.returncode == 0, "book build failed:\n" + "\n".join(
        line for line in log.splitlines() if "WARNING" in line or "ERROR" in line or "Error" in line)[-5000:]


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, worker_id):
    """A clean build, as a reader gets it: Sphinx would keep pages cached across a change of the
    book extension's code (missionkit/authoring/book.py), so start from nothing. Once per run."""
    once_per_run("book", tmp_path_factory, worker_id, _build_book)
    return HTML


@pytest.fixture(scope="session")
def built_slides(tmp_path_factory, worker_id):
    """The offline slide decks in _build/slides (make slides), written once per run."""
    import make_slides

    once_per_run("slides", tmp_path_factory, worker_id, lambda: make_slides.main([]))
    return make_slides.OUT
