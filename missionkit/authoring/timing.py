"""How long a lesson or an exercise takes: at a trainer's pace and at your own pace, by one rule.

The rule the course states (book/how-to-use.md, "How long things take"):

* **At a trainer's pace** is the time the trainer's kit plans: for a lesson, its core path in
  ``missionkit/data/agenda.yml``; for an exercise, the sum of the minutes its headings give.
* **At your own pace** is counted from what the page asks of you, and rounded up to 5 minutes:
  reading at ``WORDS_PER_MINUTE``, plus ``TABLE_MINUTES`` for each table or chart the page shows,
  ``FORM_MINUTES`` for each form in a lesson, ``TRY_IT_MINUTES`` for each "Try it", and
  ``ANSWER_MINUTES`` for each answer an exercise asks for (a form or an answer cell), and
  ``WRITING_WORDS_PER_MINUTE`` for a text the page asks you to write ("write about 100 words"). Trainer notes
  and the worked answers behind toggles are not counted: a participant does not read them.

``tools/set_times.py`` writes both figures into each notebook's ``**Time:**`` line, and a test
recomputes them, so the figures a participant reads always follow the rule.

Build-time code: it reads notebooks with nbformat and never imports pandas or widgets.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "WORDS_PER_MINUTE", "TABLE_MINUTES", "FORM_MINUTES", "TRY_IT_MINUTES", "ANSWER_MINUTES",
    "WRITING_WORDS_PER_MINUTE",
    "HOW_LINK", "Effort", "effort", "own_pace", "heading_minutes", "time_line",
]

WORDS_PER_MINUTE = 100  # a careful read of a policy text with tables and links, often in a second language
TABLE_MINUTES = 1       # read a table or a chart the page shows
FORM_MINUTES = 4        # fill in a form in a lesson and read its feedback
TRY_IT_MINUTES = 2      # a "Try it" in a lesson: a small change, run, look
ANSWER_MINUTES = 10     # each answer an exercise asks for: think, choose or write, read the feedback
WRITING_WORDS_PER_MINUTE = 10  # "write about 100 words": thinking included
HOW_LINK = "../book/how-to-use.md#how-long-things-take"

_WORD = re.compile(r"[A-Za-z0-9’']+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_DETAILS = re.compile(r"<details>.*?</details>", re.S)
_HEADING_MINUTES = re.compile(r"^#{2,4} .*?\((?:about )?(\d+) minutes?\)", re.M)
_WRITE = re.compile(r"\b[Ww]rite (?:about |at most |up to |some )?(\d+) words")
_PLACEHOLDER = re.compile(r"(?<![\w.])\.\.\.(?![\w.])")


@dataclass(frozen=True)
class Effort:
    words: int
    tables: int
    forms: int
    try_its: int
    answers: int
    words_to_write: int = 0


def _hidden(cell) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return bool({"trainer-notes", "remove-cell", "solution-only"} & set(tags))


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def effort(nb, *, exercise: bool = False) -> Effort:
    """Count what a notebook asks of a participant (``nb`` is an nbformat notebook or its dict)."""
    words = tables = forms = try_its = answers = to_write = 0
    for cell in nb["cells"]:
        if _hidden(cell):
            continue
        src = _source(cell)
        if cell["cell_type"] == "markdown":
            text = _TAG.sub(" ", _LINK_TARGET.sub("]", _DETAILS.sub(" ", src)))
            words += len(_WORD.findall(text))
            try_its += len(re.findall(r"\*\*Try it", src))
            to_write += sum(int(n) for n in _WRITE.findall(text))
        elif cell["cell_type"] == "code":
            tags = cell.get("metadata", {}).get("tags", [])
            if "remove-input" in tags or "optional-code" in tags or "hand_in_form(" in src:
                continue  # the setup cell; a folded code path (its form counts once); handing in (seconds)
            code = re.sub(r"#.*", "", src)
            if exercise and (_PLACEHOLDER.search(code) or "_form(" in code):
                answers += 1
            elif "_form(" in code:
                forms += 1
            else:
                tables += 1
    return Effort(words, tables, forms, try_its, answers, to_write)


def own_pace(e: Effort) -> int:
    """Minutes at your own pace, by the course's rule, rounded up to the next 5."""
    minutes = (e.words / WORDS_PER_MINUTE + e.tables * TABLE_MINUTES + e.forms * FORM_MINUTES
               + e.try_its * TRY_IT_MINUTES + e.answers * ANSWER_MINUTES
               + e.words_to_write / WRITING_WORDS_PER_MINUTE)
    return max(5, 5 * math.ceil(minutes / 5))


def heading_minutes(nb) -> int:
    """The exercise's planned minutes: the sum of "(N minutes)" in its headings."""
    text = "\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "markdown" and not _hidden(c))
    return sum(int(m) for m in _HEADING_MINUTES.findall(text))


def time_line(trainer_minutes: int, own_minutes: int, what: str = "") -> str:
    """The sentence a notebook shows, e.g. "**Time:** at a trainer's pace, 45 minutes on the core path; ..."."""
    what = f" {what}" if what else ""
    return (f"**Time:** at a trainer's pace, {trainer_minutes} minutes{what}; at your own pace, about "
            f"{own_minutes} minutes ([how we count]({HOW_LINK})).")
