"""The spec of a participant's table, and how the table reader names and shows things.

:class:`Column` and :class:`TableSpec` declare the table a function expects (see
:mod:`missionkit.tables` for the reader and an example). The helpers below are shared by the
reader's files: header keys (names matched ignoring case, spacing, accents and a unit in
brackets), cell values as text, and values quoted the way a participant would recognise them.
This file imports no other part of the reader (docs/decisions/0005-participant-files.md).
"""
from __future__ import annotations

import functools
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "Column",
    "TableSpec",
    "KINDS",
    "YEAR_MIN",
    "YEAR_MAX",
    "ZERO_WIDTH",
    "header_key",
    "header_keys",
    "norm_value",
    "fmt_num",
    "show",
    "with_article",
    "as_text",
]


KINDS = ("text", "number", "integer", "year", "choice", "yesno")
YEAR_MIN, YEAR_MAX = 1950, 2100


# ---------------------------------------------------------------------------
# The spec
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One expected column.

    name: canonical name (the DataFrame gets this name).
    kind: "text", "number", "integer", "year", "choice" or "yesno".
    required: the column must be present in the file.
    blank_ok: cells may be empty. Defaults to False for required columns,
        True for optional ones.
    min, max: bounds for number/integer/year. Years default to 1950-2100.
    unique: no two rows may share a value (ids). Text is compared ignoring case.
    choices: allowed values for kind "choice" (matched ignoring case/spaces;
        the DataFrame holds the spelling given here).
    synonyms: other header names accepted for this column.
    description: a few words for messages and templates ("MRC m").
    example: the value a template shows (a sensible default otherwise).
    """

    name: str
    kind: str = "text"
    required: bool = True
    blank_ok: bool | None = None
    min: float | None = None
    max: float | None = None
    unique: bool = False
    choices: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    description: str = ""
    example: Any = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Column {self.name!r}: kind must be one of {KINDS}, not {self.kind!r}")
        if not isinstance(self.name, str) or not header_key(self.name):
            raise ValueError("Column name must be a non-empty string")
        object.__setattr__(self, "choices", tuple(str(c) for c in self.choices))
        object.__setattr__(self, "synonyms", tuple(str(s) for s in self.synonyms))
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"Column {self.name!r}: a choice column needs choices")
        if self.kind != "choice" and self.choices:
            raise ValueError(f"Column {self.name!r}: choices are only for kind 'choice'")
        if self.kind == "choice" and len({norm_value(c) for c in self.choices}) != len(self.choices):
            raise ValueError(f"Column {self.name!r}: two choices differ only in case or spacing")
        if self.blank_ok is None:
            object.__setattr__(self, "blank_ok", not self.required)
        if self.kind == "year":
            if self.min is None:
                object.__setattr__(self, "min", YEAR_MIN)
            if self.max is None:
                object.__setattr__(self, "max", YEAR_MAX)
        if (self.min is not None or self.max is not None) and self.kind not in ("number", "integer", "year"):
            raise ValueError(f"Column {self.name!r}: min/max only apply to number, integer and year")

    @property
    def rule(self) -> str:
        """The column's rule in plain words (for templates and data dictionaries)."""
        kind = {
            "text": "text",
            "number": "a number",
            "integer": "a whole number",
            "year": "a year (four digits)",
            "choice": "one of: " + ", ".join(self.choices),
            "yesno": "yes or no",
        }[self.kind]
        parts = [kind]
        if self.kind in ("number", "integer"):
            if self.min == 0:
                parts.append("not negative")
            elif self.min is not None:
                parts.append(f"at least {fmt_num(self.min)}")
            if self.max is not None:
                parts.append(f"at most {fmt_num(self.max)}")
        if self.kind == "year":
            parts = [f"a year from {fmt_num(self.min)} to {fmt_num(self.max)}"]
        if self.unique:
            parts.append("unique")
        parts.append("may be blank" if self.blank_ok else "must be filled in")
        return "; ".join(parts)


@dataclass(frozen=True)
class TableSpec:
    """The table a function expects.

    name: what the participant calls it, used in messages ("portfolio").
    columns: the expected columns, required and optional.
    keep_extra: keep the file's other columns (as text) after the spec's.
    """

    name: str
    columns: tuple[Column, ...]
    keep_extra: bool = True
    _lookup: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(self.columns))
        if not self.columns:
            raise ValueError("A TableSpec needs at least one column")
        lookup: dict[str, Column] = {}
        for col in self.columns:
            for key in {header_key(col.name), *(header_key(s) for s in col.synonyms)}:
                if key in lookup and lookup[key] is not col:
                    raise ValueError(
                        f"TableSpec {self.name!r}: header {key!r} would match both "
                        f"{lookup[key].name!r} and {col.name!r}"
                    )
                lookup[key] = col
        object.__setattr__(self, "_lookup", lookup)

    def column_for(self, key: str) -> Column | None:
        """The column a header key (see :func:`header_key`) names, by name or synonym, or None."""
        return self._lookup.get(key)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not c.required)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def describe(self) -> pd.DataFrame:
        """A data dictionary: one row per column with its rule in plain words."""
        return pd.DataFrame(
            {
                "column": [c.name for c in self.columns],
                "required": ["yes" if c.required else "no" for c in self.columns],
                "what to type": [c.rule for c in self.columns],
                "meaning": [c.description for c in self.columns],
            }
        )


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060"


def _strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)
def _norm_str(name: str) -> str:
    s = _strip_accents(name).casefold()
    for ch in ZERO_WIDTH:
        s = s.replace(ch, "")
    s = re.sub(r"[\s_\-./\\:#]+", "_", s)
    return s.strip("_")


def header_key(name: Any) -> str:
    """Header key: no accents, case or spacing; spaces/_/-/./ all become '_'."""
    return _norm_str(str(name))


@functools.lru_cache(maxsize=4096)
def header_keys(name: str) -> tuple[str, ...]:
    """The keys a header cell matches: its header key, then the key without a unit in brackets."""
    keys = [header_key(name)]
    bare = re.sub(r"[\(\[\{].*?[\)\]\}]", " ", str(name))  # "Budget (MRC m)" -> "Budget"
    if header_key(bare) and header_key(bare) not in keys:
        keys.append(header_key(bare))
    return tuple(keys)


@functools.lru_cache(maxsize=8192)
def norm_value(v: str) -> str:
    """A cell value compared ignoring accents, case and runs of spaces (choices, yes/no)."""
    return re.sub(r"\s+", " ", _strip_accents(v)).strip().casefold()


def fmt_num(x: float | None) -> str:
    """A bound as a message shows it: 0, 2100, 1.5 (empty for None)."""
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x)}"
    return f"{x:g}"


def show(v: Any, limit: int = 40) -> str:
    """A cell value as the participant would recognise it, shortened."""
    if isinstance(v, datetime):
        s = v.date().isoformat() if v.time() == time(0) else v.isoformat(sep=" ")
    elif isinstance(v, float) and v.is_integer():
        s = str(int(v))
    else:
        s = str(v)
    s = s.replace("\r", " ").replace("\n", " ").strip()
    s = "".join(ch if ch.isprintable() else "?" for ch in s)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def with_article(noun: str) -> str:
    """The noun with "a" or "an" in front (by its first letter)."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, np.floating) and np.isnan(v):
        return True
    return False


def as_text(v: Any) -> str | None:
    """Any cell value as stripped text, or None when blank."""
    if _is_missing(v):
        return None
    if isinstance(v, str):
        s = v
    elif isinstance(v, (bool, np.bool_)):
        s = "TRUE" if v else "FALSE"
    elif isinstance(v, numbers.Integral):
        s = str(int(v))
    elif isinstance(v, numbers.Real):
        f = float(v)
        s = str(int(f)) if f.is_integer() and abs(f) < 1e16 else repr(f)
    elif isinstance(v, datetime):
        s = v.date().isoformat() if v.time() == time(0) else v.isoformat(sep=" ")
    elif isinstance(v, date):
        s = v.isoformat()
    else:
        s = str(v)
    s = s.strip().strip(ZERO_WIDTH).strip()
    return s or None
