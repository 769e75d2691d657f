"""The one error type participants ever see from missionkit.

Every message is plain language and says three things: what is wrong, where
(file, row, column when they apply) and how to fix it. Notebooks show the
message, never a traceback (see ``missionkit.forms.show_error``).
"""
from __future__ import annotations


class MissionkitInputError(ValueError):
    """Bad input from a participant, explained in plain language.

    ``where`` and ``fix`` are kept apart so forms can show them separately;
    ``str(error)`` gives the whole message.
    """

    def __init__(
        self,
        problem: str,
        *,
        fix: str,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.problem = problem
        self.fix = fix
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self.message)

    @property
    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(f"file '{self.file}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        where = f" (in {self.where})" if self.where else ""
        return f"{self.problem}{where}. How to fix it: {self.fix}"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message
