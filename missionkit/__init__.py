"""missionkit: the small library behind the Mission Bootcamp notebooks.

One folder per teaching module (``missions``, ``framing``, ``scanning``, ``governance``,
``stakeholders``, ``diagnostics``, ``portfolio``, ``financing``, ``monitoring``, ``readiness``,
``capstone``),
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

import sys
from typing import cast

from missionkit.errors import MissionkitInputError

# altair imports jsonschema, whose optional IRI format checker (the rfc3987-syntax package, which
# JupyterLab's own dependencies install) compiles a Lark grammar at import: about 1.5 s of every
# notebook's start on a 2-core machine. Vega-Lite specs are never checked for IRI formats, so the
# kernel goes without that checker (docs/decisions/0010-kernel-start.md; `make bench` prints the
# setup cell's cost). Only when jsonschema is not loaded yet, and never over a choice made before.
if "jsonschema" not in sys.modules:
    # None in sys.modules makes that import fail at once (typeshed types the values as modules only).
    cast("dict[str, object]", sys.modules).setdefault("rfc3987_syntax", None)

__all__ = ["MissionkitInputError", "install_syntax_help", "setup"]
__version__ = "0.1.0"


def setup(column_width: int | None = None) -> None:
    """Prepare a notebook: the course's chart format and theme, readable tables, table text in full.

    ``column_width`` caps how many characters of a table cell are shown (``None``: all of them).
    """
    import pandas as pd

    from missionkit import charts

    charts.register()
    pd.set_option("display.max_colwidth", column_width)
    install_syntax_help()


def install_syntax_help(shell=None) -> bool:
    """Explain syntax errors in a participant's cell in plain language instead of a traceback.

    Replaces IPython's ``showsyntaxerror`` on the running shell (or ``shell``) with
    :func:`missionkit.errors.explain_syntax_error`, shown as a short alert. Errors raised while code
    runs (``running_compiled_code``) keep IPython's own display. Returns False outside IPython.
    """
    import html
    import types

    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is always installed with the course
            return False
        shell = get_ipython()
    if shell is None:
        return False
    from missionkit.errors import explain_syntax_error

    original = getattr(shell, "_missionkit_showsyntaxerror", None) or shell.showsyntaxerror

    def showsyntaxerror(self, filename=None, running_compiled_code=False, **kwargs):
        _etype, value, _tb = self._get_exc_info()
        if running_compiled_code or not isinstance(value, SyntaxError):
            return original(filename, running_compiled_code, **kwargs)
        from IPython.display import display

        text = explain_syntax_error(value)
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        display({"text/plain": text,
                 "text/html": f'<div class="missionkit-feedback revise" role="alert">{paragraphs}</div>'},
                raw=True)
        return None

    shell._missionkit_showsyntaxerror = original
    shell.showsyntaxerror = types.MethodType(showsyntaxerror, shell)
    return True
