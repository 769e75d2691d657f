"""A real Jupyter kernel killed with SIGKILL right after a form change loses nothing.

The form saves on every change (no save button): the value is in the workbook file before the
kernel dies. The change is made from the kernel side, which triggers the same observer a browser
edit does.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parents[1]


def test_sigkill_after_form_change_loses_nothing(tmp_path):
    workbook = tmp_path / "workbook.json"
    shutil.copy(ROOT / "tests" / "fixtures" / "workbook.json", workbook)
    km = KernelManager(kernel_name="python3")
    km.start_kernel(env=dict(os.environ, MISSIONKIT_WORKBOOK=str(workbook)), cwd=str(ROOT / "notebooks"))
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        code = (
            "from missionkit import welcome, forms\n"
            "form = forms.text_form('welcome', 'first_idea', title='t', label='l', help_text='h',\n"
            "                         check=welcome.first_idea_feedback, example=welcome.EXAMPLE)\n"
            "box = form.children[0].children[-1]\n"
            "box.value = 'By 2031, no child walks to school on a road without a pavement'\n"
        )
        reply = client.execute_interactive(code, timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        pid = km.provisioner.process.pid
        os.kill(pid, signal.SIGKILL)  # no save click, no clean shutdown
        deadline = time.time() + 10
        while km.is_alive() and time.time() < deadline:
            time.sleep(0.1)
        assert not km.is_alive()
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)
    saved = json.loads(workbook.read_text(encoding="utf-8"))
    assert saved["sections"]["welcome"]["first_idea"] == \
        "By 2031, no child walks to school on a road without a pavement"
