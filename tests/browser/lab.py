"""Drive a real JupyterLab (no network) from Playwright: open, run all, use a form.

Recipe and traps: shared/reference/toolchain-notes.md §5 (wait for a stable
kernel before "run all"; JupyterLab virtualises cells; ?reset).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.browser.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"


@contextmanager
def lab_server(files: list[Path]):
    """JupyterLab on 127.0.0.1 over a temporary copy of the given course files."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for f in files:
            dest = tmp / f.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
        workbook = tmp / "my-work" / "workbook.json"
        workbook.parent.mkdir()
        fixture = ROOT / "tests" / "fixtures" / "workbook.json"
        if fixture.exists():
            shutil.copy(fixture, workbook)
        port = free_port()
        env = dict(os.environ, MISSIONKIT_WORKBOOK=str(workbook), JUPYTER_CONFIG_DIR=str(tmp / ".jupyter"),
                   JUPYTER_RUNTIME_DIR=str(tmp / ".runtime"))
        jupyter = Path(sys.executable).with_name("jupyter")
        log = open(tmp / "lab.log", "w")
        proc = subprocess.Popen(
            [str(jupyter), "lab", "--no-browser", "--ServerApp.token=", "--ServerApp.password=",
             "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--ServerApp.root_dir={tmp}",
             "--allow-root", "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True"],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{base}/api/status", timeout=2)
                    break
                except Exception:
                    if time.time() > deadline or proc.poll() is not None:
                        raise RuntimeError("JupyterLab did not start:\n" + (tmp / "lab.log").read_text()[-3000:]) \
                            from None
                    time.sleep(0.5)
            yield base, tmp, workbook
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()


def open_notebook(page, base: str, rel: str) -> None:
    page.goto(f"{base}/lab/tree/{rel}?reset")
    page.wait_for_selector(f"{VISIBLE} .jp-Notebook .jp-Cell", timeout=90000)
    page.wait_for_function("""() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
        return w && w.content && w.content.widgets && w.content.widgets.length > 0
            && w.context && w.context.path && w.context.isReady; }""", timeout=90000)


def wait_kernel_stable(page) -> None:
    page.wait_for_function("""async () => {
        const w = window.jupyterapp.shell.currentWidget;
        if (!w || !w.sessionContext) return false;
        await w.sessionContext.ready;
        const k = w.sessionContext.session && w.sessionContext.session.kernel;
        if (!k || k.status !== 'idle') return false;
        if (window.__kid !== k.id) { window.__kid = k.id; window.__kt = Date.now(); return false; }
        return Date.now() - window.__kt > 2000;
    }""", timeout=120000, polling=500)


def run_all(page, timeout_ms: int = 180000) -> None:
    wait_kernel_stable(page)
    page.evaluate("() => { window.__runDone = false; window.jupyterapp.commands.execute('notebook:run-all-cells')"
                  ".then(() => { window.__runDone = true; }); }")
    page.wait_for_function("() => window.__runDone === true", timeout=timeout_ms, polling=500)
    # then wait until every code cell has an execution count and the kernel is idle
    page.wait_for_function("""() => {
        const w = window.jupyterapp.shell.currentWidget;
        const k = w.sessionContext.session.kernel;
        const cells = w.content.widgets.filter(c => c.model.type === 'code');
        return k.status === 'idle' && cells.every(c => c.model.executionCount !== null);
    }""", timeout=timeout_ms, polling=500)


def error_outputs(page) -> list[str]:
    return page.evaluate("""() => {
        const w = window.jupyterapp.shell.currentWidget;
        const errs = [];
        for (const c of w.content.widgets) {
            if (c.model.type !== 'code') continue;
            const outs = c.model.outputs;
            for (let i = 0; i < outs.length; i++) {
                const o = outs.get(i);
                if (o.type === 'error') errs.push(o.toJSON().ename + ': ' + o.toJSON().evalue);
                if (o.type === 'stream' && o.toJSON().name === 'stderr' && /Traceback|Error/.test(o.toJSON().text))
                    errs.push(o.toJSON().text.slice(0, 300));
            }
        }
        return errs;
    }""")


def drawn_charts(page) -> int:
    """Vega charts actually drawn (an svg or canvas inside JupyterLab's vega renderer)."""
    return page.evaluate(f"""() => [...document.querySelectorAll('{VISIBLE} .jp-OutputArea-output')]
        .filter(o => o.querySelector('.vega-embed svg.marks, .vega-embed canvas')).length""")


def chart_outputs(page) -> int:
    return page.evaluate("""() => {
        const w = window.jupyterapp.shell.currentWidget; let n = 0;
        for (const c of w.content.widgets) { if (c.model.type !== 'code') continue;
            const outs = c.model.outputs;
            for (let i = 0; i < outs.length; i++) if ('application/vnd.vegalite.v5+json' in outs.get(i).data) n++; }
        return n; }""")


def scroll_through(page) -> None:
    """JupyterLab virtualises cells: scroll every cell into view so its outputs render."""
    n = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.length")
    for i in range(n):
        page.evaluate(f"() => window.jupyterapp.shell.currentWidget.content.widgets[{i}].node.scrollIntoView()")
        page.wait_for_timeout(60)


def read_workbook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def use_form(page, form) -> str | None:
    """Use a form once like a participant: type into its first text box, else choose another option, else
    tick the first box.
    Returns the text typed (which must then be in the workbook), or None after choosing an option
    (a drop-down's label may differ from the value it saves)."""
    boxes = form.locator("textarea, input[type=text]")
    if boxes.count():
        box = boxes.first
        text = "By 2035 halve road deaths in our three largest cities"
        box.click()
        box.fill(text)
        page.keyboard.press("Tab")
        return text
    if not form.locator("select").count():  # a form of ticks only (issue 20): tick the first box
        form.locator("input[type=checkbox]").first.check()
        return None
    select = form.locator("select").first
    options = select.locator("option").all_inner_texts()
    current = select.evaluate("e => e.options[e.selectedIndex] ? e.options[e.selectedIndex].text : ''")
    choice = next(o for o in options if o != current and not o.lower().startswith("choose"))
    select.select_option(label=choice)
    return None


def restart_kernel(page) -> None:
    page.evaluate("() => { window.jupyterapp.commands.execute('kernelmenu:restart', {}); }")
    page.wait_for_timeout(1000)
    for button in page.locator(".jp-Dialog .jp-mod-accept").all():
        button.click()
    wait_kernel_stable(page)


def shutdown_kernels(base: str) -> None:
    """Free kernels' memory before the next notebook (2-core, shared machine), through the REST API."""
    with urllib.request.urlopen(f"{base}/api/sessions", timeout=10) as r:
        sessions = json.loads(r.read())
    for s in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{s['id']}", method="DELETE")
        try:
            urllib.request.urlopen(req, timeout=30).close()
        except urllib.error.HTTPError:
            pass  # best effort: a kernel that is restarting may refuse; the server stops at the end anyway
