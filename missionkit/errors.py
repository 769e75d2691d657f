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


# What Python's own message usually means, for someone who does not write Python: (words in the
# message, what probably went wrong, how to fix it). The first match wins.
_SYNTAX_HINTS: list[tuple[tuple[str, ...], str, str]] = [
    (("invalid character",), "a curly quote or another special character, often pasted from Word or email",
     'type the quotes again as straight quotes (" or \') directly in the cell'),
    (("unterminated triple-quoted",), "a text that starts with three quotes but never ends",
     "close it with the same three quotes"),
    (("unterminated string", "eol while scanning"),
     "a missing quote: a text starts with a quote but does not end with one",
     'put the closing quote at the end of the text, the same kind as the opening one (" or \')'),
    (("was never closed", "unexpected eof", "expected an indented block"),
     "a missing closing bracket: a (, [ or { is opened but never closed",
     "add the closing ), ] or } at the end"),
    (("unmatched",), "one closing bracket too many", "remove the extra ), ] or }, or add the opening one"),
    (("does not match opening",), "brackets of different kinds: for example a { closed with ]",
     "close each bracket with its partner: ( with ), [ with ], { with }"),
    (("forgot a comma",), "a missing comma between two items", "add a comma at the end of the item before"),
    (("expected ':'",), "a missing colon (:) between a name and its value",
     'write it as "name": "value"'),
    (("unexpected indent", "unindent does not match"), "spaces at the start of a line that should not be there",
     "line the row up with the rows around it"),
    (("cannot assign to", "maybe you meant '=='"), "an = where Python did not expect one",
     "check that only one name stands before the = sign"),
]


def explain_syntax_error(error: SyntaxError) -> str:
    """A plain-language explanation of a syntax error in a participant's cell (no traceback).

    Says what probably went wrong (a missing quote, comma or bracket...), on which line, shows that
    line, and how to fix it; the answer saved in the workbook is untouched.
    """
    message = (error.msg or "").lower()
    what, fix = ("something Python cannot read: often a missing comma at the end of the line before it, "
                 "or a missing quote or bracket",
                 "compare the line with the example in the question: every text in quotes, "
                 "a comma after each item, every bracket closed")
    for words, probable, how in _SYNTAX_HINTS:
        if any(word in message for word in words):
            what, fix = probable, how
            break
    where = f"line {error.lineno}" if error.lineno else "this cell"
    shown = (error.text or "").rstrip("\n")
    lines = [f"Python could not read this cell: the problem is on {where}.",
             f"What probably went wrong: {what}."]
    if shown.strip():
        lines.append(f"That line reads: {shown.strip()}")
    lines += [f"How to fix it: {fix}, then run the cell again (Shift+Enter).",
              "Nothing you saved has been lost. If the question has a form, you can answer there instead: "
              "forms never need quotes or commas."]
    return "\n".join(lines)
