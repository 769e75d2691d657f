"""The layer rule of DESIGN.md §4: each missionkit layer imports only those below it."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "missionkit"

LEVEL = {
    "errors": 0,
    "feedback": 1, "case": 1, "tables": 1, "catalogue": 1, "welcome": 2,
    "framing": 2, "framing_exercises": 2.5, "scanning": 2, "governance": 2, "stakeholders": 2, "diagnostics": 2,
    "portfolio": 2, "indicators": 2, "readiness": 2, "litmus": 2, "cohort": 2, "trainer": 2,
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


def level(stem: str) -> int | None:
    """charts_<topic> and widgets_<topic> modules sit in their family's layer."""
    for family in ("charts", "widgets"):
        if stem.startswith(family + "_"):
            return LEVEL[family]
    return LEVEL.get(stem)


def test_every_module_has_a_layer():
    missing = {p.stem for p in PKG.glob("*.py") if not p.stem.startswith("_") and level(p.stem) is None}
    assert not missing, f"add these to LEVEL in tests/test_layers.py: {missing}"


def test_layers_import_only_downwards():
    problems = []
    for path in PKG.glob("*.py"):
        if path.stem.startswith("_") or level(path.stem) is None:
            continue
        mine = level(path.stem)
        for name in _imports(path):
            if name.startswith("missionkit."):
                other = name.split(".")[1]
                theirs = level(other)
                if theirs is not None and theirs >= mine and other != path.stem and not (
                        theirs == mine and mine in (LEVEL["charts"], LEVEL["widgets"])):
                    problems.append(f"{path.name} imports {name}")
            if mine < LEVEL["charts"] and name.split(".")[0] in DISPLAY:
                problems.append(f"{path.name} (domain) imports display library {name}")
    assert not problems, problems
