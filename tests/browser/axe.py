"""axe-core (vendored from npm, tests only) run inside Playwright pages."""
from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def blocking(violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        if v.get("impact") in BLOCKING:
            targets = [" ".join(map(str, n.get("target", []))) for n in v["nodes"][:3]]
            out.append(f"{v['impact']} {v['id']} ({len(v['nodes'])} nodes, e.g. {targets}): {v['help']}")
    return out
