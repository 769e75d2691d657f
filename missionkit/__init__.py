"""missionkit: the small library behind the Mission Bootcamp notebooks.

One folder per teaching module (``missions``, ``framing``, ``scanning``, ``governance``,
``stakeholders``, ``diagnostics``, ``portfolio``, ``monitoring``, ``readiness``, ``capstone``),
each re-exporting its public API; shared code at the top (``errors``, ``feedback``, ``text``,
``case``, ``catalogue``, ``tables``, ``workbook``, ``charts``, ``table_view``, ``forms``);
build-time code in ``authoring`` (never imported by notebooks). See docs/design.md.

Every notebook's setup cell is the same few lines::

    import missionkit
    from missionkit import case, scanning

    missionkit.setup()

Importing the package is cheap: submodules load when a notebook asks for them.
"""
from __future__ import annotations

from missionkit.errors import MissionkitInputError

__all__ = ["MissionkitInputError", "setup"]
__version__ = "0.1.0"


def setup(column_width: int | None = None) -> None:
    """Prepare a notebook: the course's chart format and theme, readable tables, table text in full.

    ``column_width`` caps how many characters of a table cell are shown (``None``: all of them).
    """
    import pandas as pd

    from missionkit import charts

    charts.register()
    pd.set_option("display.max_colwidth", column_width)
