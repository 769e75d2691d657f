"""Make a wheelhouse: every package the course needs, as wheels, for laptops with no network.

    .venv/bin/python tools/make_wheelhouse.py                  # all default targets -> wheelhouse/
    .venv/bin/python tools/make_wheelhouse.py --target linux-x86_64 --python 3.11 --dest /tmp/wh

Then, on a laptop with no network, in the course folder (Windows: see book/cohort.md):

    python3 -m venv .venv
    .venv/bin/python -m pip install --no-index --find-links ../wheelhouse --require-hashes \\
        -r ../wheelhouse/requirements-linux-x86_64-py3.11.txt
    .venv/bin/python -m pip install --no-index --no-deps --no-build-isolation -e .
    .venv/bin/python tools/lab_settings.py && touch .venv/.installed && make lab

Hashes. For each target and Python it writes ``requirements-<target>-py<X.Y>.txt`` next to the
wheels: every package that machine needs, pinned, with the sha256 of the very wheel downloaded.
``pip install --require-hashes -r`` that file refuses any wheel whose bytes changed since (a
tampered or corrupted copy on a USB stick) and installs nothing. The course itself (``-e .``)
is installed from its own folder in a second step, as pip cannot hash an editable install.

Targets (``--target``, repeatable): linux-x86_64 (glibc 2.28 or newer), windows-amd64,
macos-arm64 and macos-x86_64 (macOS 14 or newer); also linux-aarch64 and windows-arm64 on
request. Python versions (``--python``, repeatable): 3.11 and 3.12 by default.

How it works. ``pip download --only-binary=:all: --platform ... --python-version ...`` fetches
wheels for another machine, but pip evaluates environment markers (``sys_platform == "win32"``,
``platform_system == "Darwin"``) against the machine it runs on, so a plain run misses Windows-
or macOS-only dependencies (pywin32, pywinpty, colorama, appnope, tzdata...). So this script
walks the dependency tree itself, one level per pip call (``--no-deps``), reading each wheel's
``Requires-Dist`` and evaluating its markers for the target. Versions are those of
requirements.txt and, for everything else, those installed in the environment running this
script (the one the tests passed in; ``--constraints none`` to turn that off). A package with
no wheel for a target is reported, with what needs it, and the walk goes on without it.

Writes ``<dest>/wheelhouse-report.json`` and prints a summary. Needs the network (PyPI).
"""
from __future__ import annotations

import argparse
import email.parser
import hashlib
import json
import re
import subprocess
import sys
import time
import tomllib
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from packaging import tags
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TARGETS = ["linux-x86_64", "windows-amd64", "macos-arm64", "macos-x86_64"]
# the last releases with python.org installers; pip checks Requires-Python against the micro version too
DEFAULT_PYTHONS = ["3.11.9", "3.12.10"]
EXTRA_ROOTS = ["pip"]  # the Makefile upgrades pip first; give it something to upgrade to offline


def _manylinux(arch: str, glibc_minor: int) -> list[str]:
    """manylinux_2_<glibc_minor> down to manylinux1, most specific first (pip does not expand these)."""
    names = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 4, -1)]
    legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    out = []
    for name in names:
        out.append(name)
        minor = int(name.split("_")[2])
        if minor in legacy and (legacy[minor] != "manylinux1" or arch in ("x86_64", "i686")):
            out.append(f"{legacy[minor]}_{arch}")
    return out


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]
    markers: dict  # the environment markers of such a machine

    def env(self, python: str) -> dict:
        full = python if python.count(".") == 2 else f"{python}.0"
        return {**self.markers, "python_version": ".".join(full.split(".")[:2]), "python_full_version": full,
                "implementation_name": "cpython", "platform_python_implementation": "CPython",
                "implementation_version": full}

    def tags(self, python: str) -> dict[tags.Tag, int]:
        """The tags such a machine accepts, each with its rank (0 = the one pip prefers most)."""
        version = tuple(int(p) for p in python.split(".")[:2])
        interpreter = f"cp{version[0]}{version[1]}"
        ordered = list(tags.cpython_tags(version, abis=[interpreter], platforms=list(self.platforms)))
        ordered += list(tags.compatible_tags(version, interpreter, platforms=list(self.platforms)))
        ranks: dict[tags.Tag, int] = {}
        for rank, tag in enumerate(ordered):
            ranks.setdefault(tag, rank)
        return ranks


def _linux(machine: str) -> dict:
    return {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix", "platform_machine": machine}


TARGETS = {
    "linux-x86_64": Target("linux-x86_64", tuple(_manylinux("x86_64", 28)), _linux("x86_64")),
    "linux-aarch64": Target("linux-aarch64", tuple(_manylinux("aarch64", 28)), _linux("aarch64")),
    "windows-amd64": Target("windows-amd64", ("win_amd64",), {
        "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"}),
    "windows-arm64": Target("windows-arm64", ("win_arm64",), {
        "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "ARM64"}),
    "macos-arm64": Target("macos-arm64", tuple(tags.mac_platforms((14, 0), "arm64")), {
        "sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "arm64"}),
    "macos-x86_64": Target("macos-x86_64", tuple(tags.mac_platforms((14, 0), "x86_64")), {
        "sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix", "platform_machine": "x86_64"}),
}


# --------------------------------------------------------------------------- inputs
def read_requirements(path: Path) -> tuple[list[Requirement], list[str], list[Path]]:
    """Requirements from a pip requirements file (following -r), the lines skipped (options, editable or
    local installs) and the local project folders among them (for their own dependencies)."""
    reqs, skipped, projects = [], [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            more, more_skipped, more_projects = read_requirements(path.parent / line.split(None, 1)[1])
            reqs += more
            skipped += more_skipped
            projects += more_projects
        elif line.startswith(("-e ", "--editable ", ".", "/")) or line.startswith("-"):
            skipped.append(line)
            target = line.split(None, 1)[-1]
            if line.startswith(("-e ", "--editable ", ".", "/")) and (path.parent / target).is_dir():
                projects.append((path.parent / target).resolve())
        else:
            reqs.append(Requirement(line))
    return reqs, skipped, projects


def project_requirements(pyproject: Path) -> list[Requirement]:
    """The course package's own dependencies and its build backend (for `-e .` offline)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    names = data.get("build-system", {}).get("requires", []) + data.get("project", {}).get("dependencies", [])
    return [Requirement(n) for n in names]


def installed_pins(python: str = sys.executable) -> dict[str, Version]:
    """name -> version installed in the environment of ``python`` (what the tests ran with)."""
    out = subprocess.run([python, "-m", "pip", "freeze", "--all", "--exclude-editable"],
                         capture_output=True, text=True, check=True).stdout
    pins: dict[str, Version] = {}
    for line in out.splitlines():
        if "==" in line and not line.startswith("-"):
            name, version = line.split("==", 1)
            pins[canonicalize_name(name)] = Version(version.strip())
    pins.pop("setuptools", None)  # the copy a venv is born with; only builds use it, and they ask for newer
    return pins


def read_pins(path: Path) -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            req = Requirement(line)
            pins[canonicalize_name(req.name)] = Version(str(req.specifier).lstrip("="))
    return pins


# --------------------------------------------------------------------------- wheels on disk
def wheel_index(dest: Path) -> dict[str, list[tuple[Version, frozenset, Path]]]:
    index: defaultdict[str, list[tuple[Version, frozenset, Path]]] = defaultdict(list)
    for whl in dest.glob("*.whl"):
        try:
            name, version, _build, wheel_tags = parse_wheel_filename(whl.name)
        except Exception:  # noqa: BLE001 - a stray file is not ours to judge
            continue
        index[canonicalize_name(name)].append((version, frozenset(wheel_tags), whl))
    return index


def best_wheel(index: dict, name: str, spec: SpecifierSet, supported: dict) -> tuple[Version, Path] | None:
    """The newest version that fits, and of its wheels the one pip would prefer on the target."""
    fits = [(v, min(supported[tag] for tag in t if tag in supported), p)
            for v, t, p in index.get(name, [])
            if spec.contains(v, prereleases=True) and any(tag in supported for tag in t)]
    if not fits:
        return None
    version, _rank, path = max(fits, key=lambda f: (f[0], -f[1], f[2].name))
    return version, path


def wheel_metadata(whl: Path) -> tuple[list[Requirement], str]:
    """(Requires-Dist, Requires-Python) of a wheel."""
    with zipfile.ZipFile(whl) as zf:
        meta = next(n for n in zf.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        msg = email.parser.Parser().parsestr(zf.read(meta).decode("utf-8"))
    reqs = []
    for line in msg.get_all("Requires-Dist") or []:
        try:
            reqs.append(Requirement(line))
        except InvalidRequirement:
            continue
    return reqs, (msg.get("Requires-Python") or "").strip()


def lowest_python(minor: str, requires_python: dict[str, str]) -> tuple[str, list[str]]:
    """The lowest X.Y.Z of this X.Y that every wheel accepts, and the packages that raise it above X.Y.0."""
    specs = {}
    for name, text in requires_python.items():
        try:
            specs[name] = SpecifierSet(text)
        except Exception:  # noqa: BLE001 - a malformed Requires-Python does not stop the report
            continue
    for micro in range(0, 50):
        version = Version(f"{minor}.{micro}")
        if all(spec.contains(version, prereleases=True) for spec in specs.values()):
            raisers = [n for n, s in specs.items() if not s.contains(Version(f"{minor}.0"), prereleases=True)]
            return str(version), sorted(raisers)
    return f"{minor}.?", sorted(specs)


# --------------------------------------------------------------------------- the walk
@dataclass
class Need:
    spec: SpecifierSet = field(default_factory=SpecifierSet)
    extras: set = field(default_factory=set)
    needed_by: set = field(default_factory=set)


@dataclass
class TargetResult:
    target: str
    python: str
    wheels: dict = field(default_factory=dict)    # name -> file name
    requires_python: dict = field(default_factory=dict)  # name -> Requires-Python
    missing: dict = field(default_factory=dict)   # name -> why (and what needs it)
    notes: list = field(default_factory=list)
    pip_calls: int = 0
    seconds: float = 0.0


_NO_MATCH = re.compile(r"(?:No matching distribution found for|satisfies the requirement)\s+([^\s(]+)")


def pip_download(requirements: list[str], dest: Path, target: Target, python: str) -> tuple[bool, str]:
    version = "".join(python.split(".")[:2])
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest", str(dest),
           "--python-version", python, "--implementation", "cp", "--abi", f"cp{version}",
           "--progress-bar", "off", "--disable-pip-version-check"]
    for platform in target.platforms:
        cmd += ["--platform", platform]
    result = subprocess.run(cmd + requirements, capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def walk(target: Target, python: str, roots: list[Requirement], pins: dict[str, Version], dest: Path,
         log=print, strict: frozenset = frozenset()) -> TargetResult:
    """The dependency closure of ``roots`` for one target, downloading as it goes.

    ``pins`` choose versions; a pin in ``strict`` (the requirements file's own) is never relaxed, any
    other pin whose version has no wheel for the target gives way to the newest version that has one.
    """
    started = time.perf_counter()
    result = TargetResult(target.name, python)
    env = target.env(python)
    supported = target.tags(python)
    needs: dict[str, Need] = defaultdict(Need)
    done: dict[str, tuple[Version, Path, frozenset]] = {}  # name -> (version, wheel, extras walked)
    requested: dict[str, SpecifierSet] = {}  # name -> what was asked of pip
    relaxed: set[str] = set()

    def add(req: Requirement, parent: str) -> None:
        name = canonicalize_name(req.name)
        need = needs[name]
        need.spec &= req.specifier
        need.extras |= set(req.extras)
        need.needed_by.add(parent)

    for req in roots:
        if req.marker is None or req.marker.evaluate({**env, "extra": ""}):
            add(req, "requirements")
    while True:
        todo: dict[str, str | None] = {}
        for name, need in needs.items():
            if name in result.missing:
                continue
            if name in done:
                version, whl, walked = done[name]
                if not need.spec.contains(version, prereleases=True):
                    result.notes.append(f"{name} {version} does not meet {need.spec} (needed by "
                                        f"{', '.join(sorted(need.needed_by))}); kept {version}")
                    need.spec = SpecifierSet(f"=={version}")
                if need.extras - walked:
                    todo[name] = None  # walk again for the new extras; nothing to download
                continue
            pin = pins.get(name)
            if pin is not None and name not in relaxed and need.spec.contains(pin, prereleases=True):
                requested[name] = SpecifierSet(f"=={pin}")
            else:
                if pin is not None and name not in relaxed:
                    result.notes.append(f"{name}: installed {pin} does not meet {need.spec}; took the newest that does")
                requested[name] = need.spec
            todo[name] = f"{name}{requested[name]}"
        if not todo:
            break
        batch = [r for r in todo.values() if r]
        while batch:
            ok, out = pip_download(batch, dest, target, python)
            result.pip_calls += 1
            if ok:
                break
            failed = {canonicalize_name(Requirement(m).name) for m in _NO_MATCH.findall(out)}
            failed &= {canonicalize_name(Requirement(r).name) for r in batch}
            if not failed:
                raise RuntimeError(f"pip download failed for {target.name} / Python {python}:\n{out[-3000:]}")
            retry = []
            for name in failed:
                if name in pins and name not in strict and name not in relaxed:
                    relaxed.add(name)  # the tested version has no wheel here: take the newest that has one
                    requested[name] = needs[name].spec
                    retry.append(f"{name}{requested[name]}")
                    result.notes.append(f"{name}: {pins[name]} has no wheel for {target.name}; "
                                        f"took the newest version that has one")
                    continue
                result.missing[name] = (f"no wheel for {target.name}, Python {python} "
                                        f"(needed by {', '.join(sorted(needs[name].needed_by))})")
                log(f"  {target.name} py{python}: no wheel for {name}")
            batch = [r for r in batch if canonicalize_name(Requirement(r).name) not in failed] + retry
        index = wheel_index(dest)
        for name in todo:
            if name in result.missing:
                continue
            need = needs[name]
            if name in done:
                version, whl, _ = done[name]
            else:
                found = best_wheel(index, name, requested[name] & need.spec, supported)
                if found is None:
                    result.missing[name] = f"pip reported success but no fitting wheel is in {dest}"
                    continue
                version, whl = found
            done[name] = (version, whl, frozenset(need.extras))
            result.wheels[name] = whl.name
            deps, requires_python = wheel_metadata(whl)
            if requires_python:
                result.requires_python[name] = requires_python
            for dep in deps:
                active = any(dep.marker is None or dep.marker.evaluate({**env, "extra": extra})
                             for extra in ("", *need.extras))
                if active:
                    add(dep, f"{name}")
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def lock_name(target: str, python: str) -> str:
    return f"requirements-{target}-py{'.'.join(python.split('.')[:2])}.txt"


def write_locks(results: list[TargetResult], dest: Path) -> list[Path]:
    """One hash-pinned requirements file per target and Python, for ``pip install --require-hashes``."""
    written = []
    for res in results:
        lines = [
            f"# Every package the course needs on {res.target}, Python {'.'.join(res.python.split('.')[:2])}:",
            "# the version in this wheelhouse and the sha256 of its wheel, recorded when it was downloaded",
            "# (tools/make_wheelhouse.py). pip refuses a wheel whose bytes changed since. Install with:",
            "#   python -m pip install --no-index --find-links <wheelhouse> --require-hashes -r <this file>",
            "#   python -m pip install --no-index --no-deps --no-build-isolation -e <course folder>",
        ]
        for name in sorted(res.wheels):
            whl = dest / res.wheels[name]
            version = parse_wheel_filename(whl.name)[1]
            digest = hashlib.sha256(whl.read_bytes()).hexdigest()
            lines.append(f"{name}=={version} \\\n    --hash=sha256:{digest}")
        path = dest / lock_name(res.target, res.python)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", type=Path, default=ROOT / "wheelhouse")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeatable")
    parser.add_argument("--python", action="append",
                        help="repeatable, e.g. 3.11.9 (X.Y.Z: pip checks Requires-Python against it)")
    parser.add_argument("--requirements", type=Path, default=ROOT / "requirements.txt")
    parser.add_argument("--constraints", default="installed",
                        help="'installed' (versions in this environment), 'none', or a pip freeze file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a package has no wheel for a target")
    parser.add_argument("--prune", action="store_true", help="delete wheels in --dest that no target uses")
    args = parser.parse_args(argv)
    targets = [TARGETS[t] for t in (args.target or DEFAULT_TARGETS)]
    pythons = args.python or DEFAULT_PYTHONS
    args.dest.mkdir(parents=True, exist_ok=True)

    roots, skipped, projects = read_requirements(args.requirements)
    for project in projects:  # `-e .`: the course package's dependencies and its build backend
        if (project / "pyproject.toml").exists():
            roots += project_requirements(project / "pyproject.toml")
    roots += [Requirement(r) for r in EXTRA_ROOTS]
    if args.constraints == "installed":
        pins = installed_pins()
    elif args.constraints == "none":
        pins = {}
    else:
        pins = read_pins(Path(args.constraints))
    pinned_roots: set[str] = set()
    for req in roots:  # the requirements file's own pins win, and are never relaxed
        spec = str(req.specifier)
        if spec.startswith("==") and "," not in spec and "*" not in spec:
            pins[canonicalize_name(req.name)] = Version(spec[2:])
            pinned_roots.add(canonicalize_name(req.name))
    strict = frozenset(pinned_roots)

    started = time.perf_counter()
    results = []
    for target in targets:
        for python in pythons:
            print(f"== {target.name}, Python {python}", flush=True)
            res = walk(target, python, roots, pins, args.dest, strict=strict)
            print(f"   {len(res.wheels)} wheels, {len(res.missing)} without a wheel, "
                  f"{res.pip_calls} pip calls, {res.seconds} s", flush=True)
            results.append(res)

    locks = write_locks(results, args.dest)
    used = {name for res in results for name in res.wheels.values()}
    files = sorted(args.dest.glob("*.whl"))
    unused = [f for f in files if f.name not in used]
    if unused and args.prune:
        for f in unused:
            f.unlink()
        print(f"pruned {len(unused)} wheel(s) no target uses")
    elif unused:
        print(f"{len(unused)} wheel(s) in {args.dest} are used by no target (from earlier runs?); --prune deletes them")
    total = sum(f.stat().st_size for f in files if f.name in used)
    versions = defaultdict(set)
    for f in files:
        if f.name in used:
            name, version, *_ = parse_wheel_filename(f.name)
            versions[canonicalize_name(name)].add(str(version))
    report = {
        "made": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seconds": round(time.perf_counter() - started, 1),
        "requirements": str(args.requirements),
        "skipped_lines": skipped,
        "constraints": args.constraints,
        "wheel_files": len(used),
        "bytes": total,
        "several_versions": {n: sorted(v) for n, v in versions.items() if len(v) > 1},
        "targets": [
            {"target": r.target, "python": r.python, "wheels": len(r.wheels),
             "bytes": sum((args.dest / f).stat().st_size for f in r.wheels.values()),
             "lowest_python": lowest_python(".".join(r.python.split(".")[:2]), r.requires_python)[0],
             "python_raised_by": lowest_python(".".join(r.python.split(".")[:2]), r.requires_python)[1],
             "missing": r.missing, "notes": r.notes, "pip_calls": r.pip_calls, "seconds": r.seconds,
             "files": sorted(r.wheels.values()), "hashes": lock_name(r.target, r.python)}
            for r in results],
    }
    (args.dest / "wheelhouse-report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")

    print(f"\nWheelhouse: {args.dest}  ({len(used)} wheels, {_mib(total)}, {report['seconds']} s)")
    print(f"{'target':16} {'python':7} {'wheels':>6} {'size':>12}  {'needs':18} without a wheel")
    for r in report["targets"]:
        missing = ", ".join(sorted(r["missing"])) or "-"
        needs = f">={r['lowest_python']}" + (f" ({', '.join(r['python_raised_by'])})" if r["python_raised_by"] else "")
        print(f"{r['target']:16} {r['python']:7} {r['wheels']:6} {_mib(r['bytes']):>12}  {needs:18} {missing}")
    for r in report["targets"]:
        for note in r["notes"]:
            print(f"note ({r['target']}, {r['python']}): {note}")
    if report["several_versions"]:
        print("several versions of:", ", ".join(f"{n} {v}" for n, v in report["several_versions"].items()))
    print(f"Hash-pinned requirements (install with --require-hashes): {', '.join(p.name for p in locks)}")
    print(f"Report: {args.dest / 'wheelhouse-report.json'}")
    return 1 if args.strict and any(r["missing"] for r in report["targets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
