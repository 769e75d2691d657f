"""Reading the participant's saved answers for module 02 (the capstone reads the choice from here).

The forms save to the workbook section :data:`SECTION` ("choosing"): the cause map under
``"cause_map"``, the chosen candidate and its justification under :data:`CHOICE_KEY` ("choice"), and
the assembly design under ``"assembly"``.
"""
from __future__ import annotations

from typing import Any

from missionkit.errors import MissionkitInputError

__all__ = ["SECTION", "CHOICE_KEY", "CAUSE_MAP_KEY", "ASSEMBLY_KEY", "saved_choice", "saved"]

SECTION = "choosing"
CHOICE_KEY = "choice"
CAUSE_MAP_KEY = "cause_map"
ASSEMBLY_KEY = "assembly"


def saved(key: str, wb: Any = None) -> Any:
    """The saved answer under ``key`` in the "choosing" section (None when nothing is saved or no workbook)."""
    if wb is None:
        from missionkit.workbook import Workbook

        try:
            wb = Workbook.open()
        except MissionkitInputError:
            return None
    value = wb.get(SECTION, key)
    return value if value not in ("", {}, []) else None


def saved_choice(wb: Any = None) -> dict[str, str] | None:
    """``{"candidate": "A"|"B"|"C", "justification": text}`` as saved by the choice form, or None."""
    value = saved(CHOICE_KEY, wb)
    if not isinstance(value, dict):
        return None
    return {"candidate": str(value.get("candidate") or ""), "justification": str(value.get("justification") or "")}
