"""The layer rule (docs/design.md, "Layers"), read from each file's place; no table to keep by hand.

* Shared code sits at the top of missionkit/ and never imports a teaching module.
* In a teaching module (a folder such as missionkit/scanning/), a file's role is its name:
  ``forms.py`` (top) > ``export.py`` > ``charts.py`` and ``checks.py`` > everything else (the domain,
  ``load.py`` included). A file imports only roles below its own (domain files may use
  each other), in its own module or in another; modules never import each other in a circle.
* Domain and checks files never import a display library; nothing imports missionkit.authoring.
* No private name (``_x``) is imported from another file, and no file is over 900 lines.
"""
from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "missionkit"

# Shared files, bottom to top. A file imports only lower levels.
SHARED: dict[str, float] = {
    "errors": 0, "answers": 0,
    "feedback": 1,
    "case": 2, "catalogue": 2, "facts": 2, "rubrics": 2.5,
    "table_spec": 2, "table_cells": 2.1, "table_files": 2.2, "tables": 2.5,  # the participant-table reader
    "text": 3, "workbook": 3, "welcome": 3,
    "handin": 3.5,
    "table_view": 4,
    "charts": 5,
    "forms": 6,
    "roomcheck": 7,
}
# any other file in a module folder is domain (0); export.py writes documents that embed charts
ROLE: dict[str, float] = {"forms": 2, "export": 1.5, "charts": 1, "checks": 1}
DISPLAY = {"altair", "ipywidgets", "IPython", "vl_convert"}
DISPLAY_SHARED = {"charts", "table_view", "forms", "roomcheck"}
MAX_LINES = 900
LONG_FILES_ALLOWED = {"data/generate_case.py"}


def _files() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "data" not in p.relative_to(PKG).parts[:1] or p.name != "__init__.py")


def _place(path: Path) -> tuple[str, str]:
    """(kind, name): ("shared", stem), ("module", "scanning/charts"), ("authoring", ...) or ("data", ...)."""
    parts = path.relative_to(PKG).with_suffix("").parts
    if len(parts) == 1:
        return "shared", parts[0]
    return ({"authoring": "authoring", "data": "data"}.get(parts[0], "module"), "/".join(parts))


def _role(name: str) -> int:
    return ROLE.get(name.split("/")[-1], 0)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(dotted module, imported names) for every import in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names]))
    return found


def _private_uses(path: Path) -> list[str]:
    """``other._name`` where ``other`` is another missionkit file imported as a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("missionkit"):
            base = PKG.joinpath(*node.module.split(".")[1:])
            aliases |= {a.asname or a.name for a in node.names
                        if (base / f"{a.name}.py").exists() or (base / a.name).is_dir()}
        elif isinstance(node, ast.Import):
            aliases |= {a.asname for a in node.names if a.name.startswith("missionkit") and a.asname}
    return sorted({f"{node.value.id}.{node.attr}" for node in ast.walk(tree)
                   if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                   and node.value.id in aliases and node.attr.startswith("_") and not node.attr.startswith("__")})


def _target(module: str, names: list[str]) -> list[str]:
    """missionkit files an import reaches, as place names ("case", "scanning/scan", "scanning")."""
    if not module.startswith("missionkit"):
        return []
    parts = module.split(".")[1:]
    if not parts:
        return list(names)
    base = "/".join(parts)
    subs = [f"{base}/{n}" for n in names if (PKG / base / f"{n}.py").exists()]
    return subs or [base]


def _problems() -> list[str]:
    problems = []
    for path in _files():
        kind, me = _place(path)
        if path.name == "__init__.py" or kind == "data":
            continue
        problems += [f"{me} uses the private name {use} of another file" for use in _private_uses(path)]
        for module, names in _imports(path):
            top = module.split(".")[0]
            if kind in ("module", "shared") and top in DISPLAY:
                if (kind == "module" and _role(me) == 0) or me.endswith("/checks") or (
                        kind == "shared" and me not in DISPLAY_SHARED):
                    problems.append(f"{me} imports the display library {module}")
            if module.startswith("missionkit."):
                problems += [f"{me} imports the private name {n} from {module}" for n in names if n.startswith("_")]
            for other in _target(module, names):
                if other.startswith("authoring") and kind != "authoring":
                    problems.append(f"{me} imports build-time code {other}")
                if kind == "authoring" or other.startswith("data"):
                    continue
                o_shared = "/" not in other
                if kind == "shared":
                    if not o_shared and other in SHARED:
                        continue
                    if not o_shared or other not in SHARED:
                        problems.append(f"shared {me} imports the teaching module {other}")
                    elif other != me and SHARED[other] >= SHARED[me]:
                        problems.append(f"{me} (shared, level {SHARED[me]}) imports {other} (level {SHARED[other]})")
                elif not o_shared:
                    if other.count("/") == 0 or other == me:
                        continue
                    if _role(other) > _role(me) or (_role(other) == _role(me) > 0):
                        problems.append(f"{me} imports {other}, a role at or above its own")
    return problems


def test_layers_by_place():
    assert not _problems(), "\n".join(_problems())


def test_teaching_modules_import_each_other_without_cycles():
    graph: dict[str, set[str]] = {}
    for path in _files():
        kind, me = _place(path)
        if kind != "module":
            continue
        mine = me.split("/")[0]
        for module, names in _imports(path):
            for other in _target(module, names):
                if "/" in other and other.split("/")[0] != mine:
                    graph.setdefault(mine, set()).add(other.split("/")[0])
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # pragma: no cover - the message is the point
        raise AssertionError(f"teaching modules import each other in a circle: {error.args[1]}") from None


def test_every_teaching_module_states_its_api():
    for folder in sorted(p for p in PKG.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if folder.name in ("authoring", "data", "__pycache__"):
            continue
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "Public API" in doc, f"{folder.name}/__init__.py: say what the module offers in its docstring"


def test_no_file_is_too_long():
    long = [f"{p.relative_to(PKG)} ({n} lines)" for p in PKG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
            and p.relative_to(PKG).as_posix() not in LONG_FILES_ALLOWED]
    assert not long, f"split these by concern (at most {MAX_LINES} lines): {long}"


def test_import_missionkit_pulls_in_no_build_time_code():
    import subprocess
    import sys

    code = "import sys, missionkit; print(sorted(m for m in sys.modules if m.startswith(('missionkit', 'altair'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "authoring" not in out and "altair" not in out, out
