"""The room check (missionkit.roomcheck): it passes here, and each failure is simulated and explained plainly."""
from __future__ import annotations

import errno
import os

import pytest

from missionkit import roomcheck


def _failed(check: roomcheck.Check) -> str:
    assert not check.ok, check
    assert "How to fix it" in check.message and "Traceback" not in check.message, check.message
    return check.message


def test_the_room_check_passes_on_this_machine(tmp_path, capsys):
    assert roomcheck.main([f"--exchange={tmp_path}"]) == 0
    out = capsys.readouterr().out
    assert "READY: this machine is ready" in out and out.count("OK ") == 5, out
    assert "NO " not in out


def test_a_kernel_that_does_not_start_is_explained():
    message = _failed(roomcheck._timed("Kernel starts", lambda: roomcheck.check_kernel("no-such-kernel", timeout=5)))
    assert "did not start" in message and "no-such-kernel" in message and "make book" in message


def test_missionkit_that_does_not_import_is_explained():
    check = roomcheck._timed("imports", lambda: roomcheck.check_imports(["missionkit.case", "missionkit.no_such"]))
    message = _failed(check)
    assert "cannot be loaded" in message and "missionkit.no_such" in message and "make book" in message


def test_a_form_that_cannot_save_is_explained(monkeypatch):
    from missionkit import workbook

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(workbook, "atomic_write", full)
    message = _failed(roomcheck._timed("A form saves", roomcheck.check_form))
    assert "not saved" in message and "disk is not full" in message and "No space left" in message
    assert os.environ.get("MISSIONKIT_WORKBOOK") != "", "the participant's workbook setting is restored"


def test_a_chart_that_cannot_draw_offline_is_explained(monkeypatch):
    import vl_convert

    def offline_failure(*args, **kwargs):
        raise RuntimeError("could not load the Vega-Lite bundle")

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", offline_failure)
    message = _failed(roomcheck._timed("A chart draws", roomcheck.check_chart))
    assert "could not be drawn offline" in message and "Vega-Lite bundle" in message


def test_a_missing_offline_chart_library_is_explained(tmp_path):
    (tmp_path / "assets" / "vendor" / "vega").mkdir(parents=True)
    (tmp_path / "assets" / "vendor" / "vega" / "vega.min.js").write_text("//")
    message = _failed(roomcheck._timed("A chart draws", lambda: roomcheck.check_chart(tmp_path)))
    assert "vega-lite.min.js" in message and "blank without internet" in message


def test_an_exchange_that_is_missing_or_not_writable_is_explained(tmp_path, monkeypatch):
    from missionkit import handin

    monkeypatch.setenv(handin.ENV_VAR, str(tmp_path / "gone"))
    message = _failed(roomcheck._timed("Hand-in folder", roomcheck.check_exchange))
    assert "does not exist" in message and "gone" in message and "Tell your trainer" in message
    monkeypatch.setenv(handin.ENV_VAR, str(tmp_path))
    real_open = os.open

    def deny(path, flags, *args):
        if ".probe-" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(handin.os, "open", deny)
    message = _failed(roomcheck._timed("Hand-in folder", roomcheck.check_exchange))
    assert "may not write" in message and "mode 3773" in message


def test_the_report_says_not_ready_and_shows_in_a_notebook(monkeypatch, tmp_path):
    monkeypatch.setattr(roomcheck, "MODULES", ["missionkit.no_such"])
    report = roomcheck.run(kernel=False, exchange=tmp_path)
    assert not report.ok and "NOT READY: 1 problem above" in report.text()
    assert "❌" in report._repr_html_() and "Not ready" in report._repr_html_()


@pytest.mark.parametrize("argv", [["--help"]])
def test_help(argv, capsys):
    assert roomcheck.main(argv) == 0 and "Room check" in capsys.readouterr().out


def test_a_jupyterlab_without_its_chart_renderer_is_explained(tmp_path, monkeypatch):
    package = tmp_path / "package.json"
    package.write_text('{"name": "@jupyterlab/application-top", "dependencies": {}}')
    monkeypatch.setattr(roomcheck, "lab_vega_package", lambda: package)
    message = _failed(roomcheck._timed("A chart draws", roomcheck.check_chart))
    assert "no chart renderer" in message and "vega5-extension" in message


def test_every_teaching_module_is_imported():
    found = roomcheck.teaching_modules()
    assert {"missionkit.missions", "missionkit.capstone", "missionkit.financing"} <= set(found)
    assert "missionkit.authoring" not in found and "missionkit.data" not in found
