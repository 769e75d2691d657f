"""Reading the participant's saved answers for module 02 (the capstone reads the choice from here).

The forms save to the workbook section :data:`SECTION` ("choosing"): the cause map under
``"cause_map"``, the chosen candidate and its justification under :data:`CHOICE_KEY` ("choice"), and
the assembly design under ``"assembly"``.
"""
from __future__ import annotations

from typing import Any

from missionkit.errors import MissionkitInputError

__all__ = ["SECTION", "CHOICE_KEY", "CAUSE_MAP_KEY", "ASSEMBLY_KEY", "PITCH_KEY", "MARENTA_EXAMPLE", "EXAMPLE_PITCH",
           "saved_choice",
           "saved"]

SECTION = "choosing"
CHOICE_KEY = "choice"
CAUSE_MAP_KEY = "cause_map"
ASSEMBLY_KEY = "assembly"
PITCH_KEY = "pitch"


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


EXAMPLE_PITCH = (
    "Every day people in our cities lose two hours in traffic and breathe air seven times dirtier than is safe. "
    "By 2035 everyone will reach work, school and a clinic within 45 minutes by clean, safe means. A law and a "
    "board with all parties on it will keep the promise after the next election."
)

# The worked solution's answers (FICTIONAL Marenta case): the capstone's worked example uses them.
MARENTA_EXAMPLE: dict[str, Any] = {
    PITCH_KEY: EXAMPLE_PITCH,
    CHOICE_KEY: {
        "candidate": "B",
        "justification": (
            "I recommend candidate B, the 45-minute cities. It meets five of the eight criteria and fails none, and "
            "it speaks to every household: the average commute was 62 minutes in 2024, and 76% of households have "
            "no car. We give up the simplicity of A, one indicator owned by one ministry, and accept a harder job "
            "of co-ordination across six ministries and three cities. The consultation put C first, but 65% of "
            "respondents had a car against 24% of households; weighted, B leads with about 53%."),
    },
    CAUSE_MAP_KEY: {
        "links": ["L04", "L05", "L06", "L07"], "leverage": "Bus journey times",
        "reason": ("Bus lanes on the 40 busiest corridors would cut bus journey times, so riders come back and fewer "
                   "cars clog the roads: it slows the vicious circle where congestion makes buses slower and pushes "
                   "people into cars."),
    },
    ASSEMBLY_KEY: {
        "members": 100, "selection": "random, stratified",
        "stratify_by": ["city", "car in the household", "age", "gender"], "days": 6,
        "mandate": "Which of the three candidate missions should Marenta pursue, and what would make it fair to you?",
        "commitment": "respond to each recommendation",
    },
}
