"""The wheelhouse: laptops with no network install the course from wheels alone.

Fast tests check tools/make_wheelhouse.py's own logic on made-up wheels (markers are read for
the TARGET machine, not this one; a package with no wheel is reported, not fatal).

A fast test builds a two-wheel wheelhouse, installs it with the hash-pinned requirements file
the tool writes (`pip install --require-hashes`), then swaps one wheel for a tampered copy and
checks pip refuses it and installs nothing.

The slow test does it for real, on this platform and this Python: builds the wheelhouse with
the tool (needs PyPI), copies the course into a temporary folder, then in a network namespace
with no network at all (`unshare --net`) installs the course as book/cohort.md says (the
hash-pinned file with `--require-hashes`, then the course itself), runs `make lab`, and reads
JupyterLab's /api/status.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_wheelhouse", ROOT / "tools" / "make_wheelhouse.py")
mw = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("make_wheelhouse", mw)  # dataclasses look their module up there
_spec.loader.exec_module(mw)


# --------------------------------------------------------------------------- fast: the walk's logic
def _wheel(folder: Path, name: str, version: str, requires: list[str], tag: str = "py3-none-any",
           requires_python: str = "") -> Path:
    path = folder / f"{name}-{version}-{tag}.whl"
    meta = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    meta += [f"Requires-Python: {requires_python}"] if requires_python else []
    meta += [f"Requires-Dist: {r}" for r in requires]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(meta) + "\n")
    return path


@pytest.fixture()
def fake_index(tmp_path, monkeypatch):
    """Wheels already 'downloaded'; pip_download succeeds unless a name is listed as missing."""
    _wheel(tmp_path, "app", "1.0", ['wintool; sys_platform == "win32"', 'mactool; platform_system == "Darwin"',
                                     "lib[extra]>=2", 'old; python_version < "3.11"', "nowheel"])
    _wheel(tmp_path, "wintool", "3.0", [], tag="cp311-cp311-win_amd64")
    _wheel(tmp_path, "mactool", "0.5", [])
    _wheel(tmp_path, "lib", "2.0", ['extraonly; extra == "extra"', 'unused; extra == "other"'],
           requires_python=">=3.11.5")
    _wheel(tmp_path, "lib", "1.0", [])
    _wheel(tmp_path, "extraonly", "1.0", [])
    _wheel(tmp_path, "old", "1.0", [])
    _wheel(tmp_path, "unused", "1.0", [])
    calls = []

    def fake_pip(requirements, dest, target, python):
        calls.append(list(requirements))
        bad = [r for r in requirements if Requirement(r).name == "nowheel" or r == "lib==3.0"]
        if bad:
            return False, f"ERROR: No matching distribution found for {bad[0]}\n"
        return True, ""

    monkeypatch.setattr(mw, "pip_download", fake_pip)
    return tmp_path, calls


def test_markers_are_evaluated_for_the_target_not_this_machine(fake_index):
    folder, _ = fake_index
    roots = [Requirement("app==1.0")]
    windows = mw.walk(mw.TARGETS["windows-amd64"], "3.11.9", roots, {}, folder, log=lambda *a: None)
    mac = mw.walk(mw.TARGETS["macos-arm64"], "3.12.10", roots, {}, folder, log=lambda *a: None)
    linux = mw.walk(mw.TARGETS["linux-x86_64"], "3.11.9", roots, {}, folder, log=lambda *a: None)
    assert set(windows.wheels) == {"app", "wintool", "lib", "extraonly"}
    assert set(mac.wheels) == {"app", "mactool", "lib", "extraonly"}
    assert set(linux.wheels) == {"app", "lib", "extraonly"}
    assert windows.wheels["lib"] == "lib-2.0-py3-none-any.whl"  # newest that meets >=2
    assert "nowheel" in windows.missing and "needed by app" in windows.missing["nowheel"]


def test_pins_choose_the_version_and_requires_python_is_reported(fake_index):
    folder, calls = fake_index
    result = mw.walk(mw.TARGETS["linux-x86_64"], "3.11.9", [Requirement("app==1.0")],
                     {"lib": mw.Version("2.0"), "extraonly": mw.Version("1.0")}, folder, log=lambda *a: None)
    assert any("lib==2.0" in c for c in calls), calls
    assert mw.lowest_python("3.11", result.requires_python) == ("3.11.5", ["lib"])


def test_a_tested_version_without_a_wheel_gives_way_unless_the_requirements_file_pins_it(fake_index):
    folder, calls = fake_index
    roots = [Requirement("app==1.0")]
    loose = mw.walk(mw.TARGETS["linux-x86_64"], "3.11.9", roots, {"lib": mw.Version("3.0")}, folder,
                    log=lambda *a: None)
    assert loose.wheels["lib"] == "lib-2.0-py3-none-any.whl" and "lib" not in loose.missing
    assert any("lib: 3.0 has no wheel" in n for n in loose.notes), loose.notes
    strict = mw.walk(mw.TARGETS["linux-x86_64"], "3.11.9", roots, {"lib": mw.Version("3.0")}, folder,
                     log=lambda *a: None, strict=frozenset({"lib"}))
    assert "lib" in strict.missing and "lib" not in strict.wheels


def test_of_two_wheels_of_one_version_the_target_gets_the_one_pip_prefers(tmp_path):
    _wheel(tmp_path, "fast", "1.0", [], tag="py3-none-any")
    _wheel(tmp_path, "fast", "1.0", [], tag="cp312-cp312-win_amd64")
    _wheel(tmp_path, "fast", "1.0", [], tag="cp312-cp312-macosx_11_0_universal2")
    _wheel(tmp_path, "fast", "1.0", [], tag="cp312-cp312-macosx_11_0_arm64")
    index = mw.wheel_index(tmp_path)
    pick = {name: mw.best_wheel(index, "fast", mw.SpecifierSet(">=1"), mw.TARGETS[name].tags("3.12.10"))[1].name
            for name in ("windows-amd64", "macos-arm64", "linux-x86_64")}
    assert pick == {"windows-amd64": "fast-1.0-cp312-cp312-win_amd64.whl",
                    "macos-arm64": "fast-1.0-cp312-cp312-macosx_11_0_arm64.whl",
                    "linux-x86_64": "fast-1.0-py3-none-any.whl"}


def test_manylinux_expansion_and_tags():
    names = mw._manylinux("x86_64", 28)
    assert names[0] == "manylinux_2_28_x86_64" and "manylinux2014_x86_64" in names and "manylinux1_x86_64" in names
    assert "manylinux_2_29_x86_64" not in names
    supported = {str(t) for t in mw.TARGETS["windows-amd64"].tags("3.12.10")}
    assert "cp312-cp312-win_amd64" in supported and "cp312-abi3-win_amd64" in supported
    assert "py3-none-any" in supported and "cp311-cp311-win_amd64" not in supported


def test_requirements_file_is_read_as_pip_does(tmp_path):
    (tmp_path / "more.txt").write_text("b==2\n")
    (tmp_path / "req.txt").write_text("# comment\na==1  # why\n-r more.txt\n-e .\n")
    reqs, skipped, projects = mw.read_requirements(tmp_path / "req.txt")
    assert [str(r) for r in reqs] == ["a==1", "b==2"] and skipped == ["-e ."] and projects == [tmp_path.resolve()]


# --------------------------------------------------------------------------- fast: hashes
def _real_wheel(folder: Path, name: str, version: str, code: str, requires: list[str] = ()) -> Path:
    """A wheel pip can install: a module ``name`` holding ``code``, with METADATA, WHEEL and RECORD."""
    import base64
    import hashlib

    dist = f"{name}-{version}.dist-info"
    files = {
        f"{name}.py": code,
        f"{dist}/METADATA": "\n".join(["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
                                       *[f"Requires-Dist: {r}" for r in requires]]) + "\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    files[f"{dist}/RECORD"] = "\n".join(record + [f"{dist}/RECORD,,"]) + "\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for arcname, text in files.items():
            zf.writestr(arcname, text)
    return path


def _pip_install_locked(wheelhouse: Path, lock: Path, target: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update({"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_CACHE_DIR": "1"})
    return subprocess.run([sys.executable, "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse),
                           "--require-hashes", "--target", str(target), "-r", str(lock)],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def test_the_wheelhouse_records_sha256_hashes_and_a_tampered_wheel_is_refused(tmp_path, monkeypatch):
    wheelhouse = tmp_path / "wheelhouse"
    wheelhouse.mkdir()
    _real_wheel(wheelhouse, "coursepkg", "1.0", "from depkg import VALUE\n", ["depkg==2.0"])
    good = _real_wheel(wheelhouse, "depkg", "2.0", "VALUE = 'the real one'\n")
    monkeypatch.setattr(mw, "pip_download", lambda requirements, dest, target, python: (True, ""))
    result = mw.walk(mw.TARGETS["linux-x86_64"], "3.11.9", [Requirement("coursepkg==1.0")], {}, wheelhouse,
                     log=lambda *a: None)
    assert set(result.wheels) == {"coursepkg", "depkg"}
    [lock] = mw.write_locks([result], wheelhouse)
    assert lock.name == "requirements-linux-x86_64-py3.11.txt"
    text = lock.read_text(encoding="utf-8")
    import hashlib

    assert f"depkg==2.0 \\\n    --hash=sha256:{hashlib.sha256(good.read_bytes()).hexdigest()}" in text
    assert "--require-hashes" in text  # the file says how to install from it

    installed = _pip_install_locked(wheelhouse, lock, tmp_path / "site-ok")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (tmp_path / "site-ok" / "depkg.py").read_text() == "VALUE = 'the real one'\n"

    # someone swaps the wheel on the USB stick for one that runs their code on import
    good.unlink()
    _real_wheel(wheelhouse, "depkg", "2.0", "import os; os.system('echo pwned'); VALUE = 'tampered'\n")
    refused = _pip_install_locked(wheelhouse, lock, tmp_path / "site-tampered")
    assert refused.returncode != 0
    assert "DO NOT MATCH THE HASHES" in (refused.stdout + refused.stderr).upper()
    assert not (tmp_path / "site-tampered" / "depkg.py").exists()
    assert not (tmp_path / "site-tampered" / "coursepkg.py").exists()


# --------------------------------------------------------------------------- slow: the real thing
COURSE_FILES = ["requirements.txt", "pyproject.toml", "README.md", "Makefile", "_toc.yml",
                "tools/lab_settings.py", "notebooks/00-jupyterlab.ipynb"]

OFFLINE_SCRIPT = r"""
set -euo pipefail
ip link set lo up
if "$BASEPY" -c 'import socket; socket.create_connection(("pypi.org", 443), timeout=5)' 2>/dev/null; then
  echo "NETWORK: reachable"
else
  echo "NETWORK: cut"
fi
cd "$COURSE"
t0=$(date +%s%N)
# what book/cohort.md tells a laptop to do: every wheel checked against the hash recorded when it was built
{ "$BASEPY" -m venv .venv \
  && .venv/bin/python -m pip install --no-index --find-links "$WHEELHOUSE" --require-hashes -r "$WHEELHOUSE/$LOCK" \
  && .venv/bin/python -m pip install --no-index --no-deps --no-build-isolation -e . \
  && .venv/bin/python tools/lab_settings.py && touch .venv/.installed; } > make-venv.log 2>&1 \
  || { tail -40 make-venv.log; exit 3; }
t1=$(date +%s%N)
echo "INSTALL_SECONDS: $(( (t1 - t0) / 1000000 ))e-3"
.venv/bin/python -c "import missionkit, pandas, altair, ipywidgets, jupyterlab; print('IMPORTS: ok')"
.venv/bin/python -m pip list --format=freeze 2>/dev/null | wc -l | sed 's/^/PACKAGES: /'
setsid make lab > lab.log 2>&1 &
lab=$!
trap 'kill -TERM -- -$lab 2>/dev/null || true; sleep 1; kill -KILL -- -$lab 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  if out=$(.venv/bin/python - <<'EOF' 2>/dev/null
import json, os, urllib.request
base = "http://127.0.0.1:8888"
token = os.environ["JUPYTER_TOKEN"]
status = json.load(urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2))
tree = json.load(urllib.request.urlopen(f"{base}/api/contents/notebooks?token={token}", timeout=5))
lab = urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10).status
print(json.dumps({"status": status, "notebooks": [c["name"] for c in tree["content"]], "lab": lab}))
EOF
  ); then
    echo "LAB_SECONDS: $i"
    echo "STATUS: $out"
    exit 0
  fi
  sleep 1
done
echo "JupyterLab did not answer; its log:"; tail -30 lab.log
exit 4
"""


def _netns_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
def test_offline_install_from_wheelhouse_then_make_lab(tmp_path):
    if not _netns_works():
        pytest.fail("cannot cut the network: `unshare --net` is not available (needs root or user namespaces)")
    wheelhouse = tmp_path / "wheelhouse"
    python = ".".join(map(str, sys.version_info[:3]))
    t0 = time.perf_counter()
    built = subprocess.run([sys.executable, str(ROOT / "tools" / "make_wheelhouse.py"), "--dest", str(wheelhouse),
                            "--target", "linux-x86_64", "--python", python, "--strict"],
                           capture_output=True, text=True, timeout=900)
    build_seconds = time.perf_counter() - t0
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    report = json.loads((wheelhouse / "wheelhouse-report.json").read_text())
    (target,) = report["targets"]
    assert target["missing"] == {}, target["missing"]
    assert {"jupyterlab", "pandas", "altair", "setuptools", "pip"} <= {
        f.split("-")[0].lower() for f in target["files"]}

    course = tmp_path / "course"
    for rel in COURSE_FILES:
        (course / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, course / rel)
    shutil.copytree(ROOT / "missionkit", course / "missionkit", ignore=shutil.ignore_patterns("__pycache__"))

    home = tmp_path / "home"
    (home / ".jupyter").mkdir(parents=True)
    if os.geteuid() == 0:  # CI runs as root; Jupyter refuses root unless told (a participant is never root)
        (home / ".jupyter" / "jupyter_server_config.json").write_text('{"ServerApp": {"allow_root": true}}')
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON", "JUPYTER", "CONDA"))}
    env.update({
        "HOME": str(home), "COURSE": str(course), "JUPYTER_TOKEN": "offline-test-token", "BROWSER": "true",
        "WHEELHOUSE": str(wheelhouse), "LOCK": target["hashes"],
        "BASEPY": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
        "PIP_CONFIG_FILE": os.devnull,           # ignore this machine's pip settings (local mirrors)
        "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse), "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PATH": os.pathsep.join(p for p in env_path() if ".venv" not in p),
    })
    run = subprocess.run(["unshare", "--net", "bash", "-c", OFFLINE_SCRIPT], env=env, capture_output=True,
                         text=True, timeout=1200)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-5000:]
    lines = dict(line.split(": ", 1) for line in run.stdout.splitlines()
                 if ": " in line and line.split(": ")[0].isupper())
    assert lines["NETWORK"] == "cut", out
    assert lines["IMPORTS"] == "ok", out
    answer = json.loads(lines["STATUS"])
    assert "started" in answer["status"] and answer["status"]["kernels"] == 0, answer
    assert answer["notebooks"] == ["00-jupyterlab.ipynb"] and answer["lab"] == 200, answer
    overrides = next((course / ".venv").glob("share/jupyter/lab/settings/overrides.json"))
    assert json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"]["checkForUpdates"] is False
    size = sum(f.stat().st_size for f in wheelhouse.glob("*.whl"))
    print(textwrap.dedent(f"""
        wheelhouse (linux-x86_64, Python {python}): {len(target['files'])} wheels, {size / 2**20:.1f} MiB,
          built in {build_seconds:.0f} s (network);
          offline hash-checked install: {float(lines['INSTALL_SECONDS']):.0f} s,
          {lines['PACKAGES']} packages; `make lab` answered /api/status after {lines['LAB_SECONDS']} s"""))


def env_path() -> list[str]:
    return os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep)
