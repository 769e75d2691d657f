"""missionkit: the small library behind the Mission Bootcamp notebooks.

Layers (each imports only those below it; see docs/decisions/0002-layers.md):

    widgets, workbook          forms, the participant's saved work, brief export
    charts                     altair chart builders and the theme
    framing, scanning, governance, stakeholders, diagnostics,
    portfolio, indicators, readiness    domain logic, no display code
    case (+ data/)             the running case's datasets and schemas
    errors                     one plain-language error type

Importing the package is cheap: submodules load when a notebook asks for them.
"""
from missionkit.errors import MissionkitInputError

__all__ = ["MissionkitInputError"]
__version__ = "0.1.0"
