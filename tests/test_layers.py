"""The layer rule of DESIGN.md §4: each missionkit layer imports only those below it."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "missionkit"

LEVEL = {
    "errors": 0,
    "feedback": 1, "case": 1, "tables": 1, "catalogue": 1,
    "framing": 2, "scanning": 2, "governance": 2, "stakeholders": 2, "diagnostics": 2,
    "portfolio": 2, "indicators": 2, "readiness": 2, "litmus": 2,
    "charts": 3,
    "workbook": 4, "widgets": 4, "brief": 4,
}
DISPLAY = {"altair", "ipywidgets", "IPython", "vl_convert"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "missionkit":
                names.update(f"missionkit.{a.name}" for a in node.names)
    return names


def test_every_module_has_a_layer():
    modules = {p.stem for p in PKG.glob("*.py") if not p.stem.startswith("_")}
    assert not modules - set(LEVEL), f"add these to LEVEL in tests/test_layers.py: {modules - set(LEVEL)}"


def test_layers_import_only_downwards():
    problems = []
    for path in PKG.glob("*.py"):
        if path.stem.startswith("_") or path.stem not in LEVEL:
            continue
        mine = LEVEL[path.stem]
        for name in _imports(path):
            if name.startswith("missionkit."):
                other = name.split(".")[1]
                if other in LEVEL and LEVEL[other] >= mine and other != path.stem and not (
                        LEVEL[other] == mine == 4):
                    problems.append(f"{path.name} imports {name}")
            if mine < LEVEL["charts"] and name.split(".")[0] in DISPLAY:
                problems.append(f"{path.name} (domain) imports display library {name}")
    assert not problems, problems
