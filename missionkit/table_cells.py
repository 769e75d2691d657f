"""Parsing the cells of a participant's table, one value at a time.

Numbers in any common style (decimal commas, thousands separators, accounting negatives,
exponents), years, allowed values (choices), yes/no, and the column's bounds. A cell that does
not fit raises :class:`BadCell` (why, and how to fix it); :func:`coerce_column` turns those into
:class:`CellIssue` records for the reader's message. Imports only :mod:`missionkit.table_spec`.
"""
from __future__ import annotations

import difflib
import functools
import math
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np

from missionkit.table_spec import Column, as_text, fmt_num, norm_value, show, with_article

__all__ = [
    "BadCell",
    "CellIssue",
    "parse_number_text",
    "column_decimal",
    "coerce_column",
]

_BLANK_MARKERS = {"", "na", "n/a", "n.a.", "nan", "null", "none", "#n/a", "-", "--", "\u2013", "\u2014"}
_EXCEL_ERRORS = {"#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!", "#getting_data"}
_YES = {"yes", "y", "true", "1", "x", "oui", "si", "sí", "sim", "ja", "\u2713", "\u2714"}
_NO = {"no", "n", "false", "0", "non", "não", "nao", "nein"}
_GROUP_CHARS = " \u00a0\u202f\u2009\u2007'\u2019"


# ---------------------------------------------------------------------------
# Parsing numbers
# ---------------------------------------------------------------------------


class BadCell(Exception):
    """A cell that does not fit its column: why, and how to fix it."""

    def __init__(self, why: str, fix: str) -> None:
        super().__init__(why)
        self.why = why
        self.fix = fix


_NUMBER_FIX = (
    "Type a plain number such as 1234.5 or 1234,5, without words, units or currency "
    "signs (put units in the column name instead)"
)


def _split_sign(t: str) -> tuple[bool, str]:
    neg = False
    if len(t) > 2 and t[0] == "(" and t[-1] == ")":
        neg, t = True, t[1:-1].strip()
    if t[:1] in ("+", "-", "\u2212", "\u2013"):
        neg = neg ^ (t[0] != "+")
        t = t[1:].strip()
    return neg, t


def _ambiguous(t: str, sep: str) -> bool:
    a, _, b = t.partition(sep)
    return a.isdigit() and b.isdigit() and len(b) == 3 and 1 <= len(a) <= 3 and not a.startswith("0")


def _decimal_hint(s: str) -> str | None:
    """Which decimal mark a value shows unambiguously, if any."""
    _, t = _split_sign(s.strip())
    if not t or not re.fullmatch(r"[\d.,\s\u00a0\u202f\u2009\u2007'\u2019]+", t):
        return None
    if any(ch in t for ch in _GROUP_CHARS):
        return "," if "," in t else ("." if "." in t else None)
    c, p = t.count(","), t.count(".")
    if c and p:
        return "," if t.rfind(",") > t.rfind(".") else "."
    if c > 1:
        return "."
    if p > 1:
        return ","
    if c == 1:
        return None if _ambiguous(t, ",") else ","
    if p == 1:
        return None if _ambiguous(t, ".") else "."
    return None


def parse_number_text(s: str, dec: str) -> float:
    """Parse a number typed in any common style. ``dec`` settles ``1.234`` / ``1,234``."""
    t0 = s.strip()
    low = t0.casefold()
    if low in _EXCEL_ERRORS:
        raise BadCell(
            f"the cell shows the Excel error {t0}",
            "Correct the formula in that cell in Excel (or type the number itself), save, and load the file again",
        )
    neg, t = _split_sign(t0)
    if t.endswith("%"):
        raise BadCell(
            f"'{show(t0)}' is a percentage, not a plain number",
            "Remove the % sign and type the number the column asks for (for example 12 for 12%)",
        )
    exp = re.fullmatch(r"(\d+)(?:[.,](\d+))?[eE]([+-]?\d{1,3})", t)
    if exp:
        value = float(f"{exp[1]}.{exp[2] or '0'}e{exp[3]}")
    else:
        int_part, frac = _digits(t, t0, dec)
        value = float(f"{int_part}.{frac or '0'}")
    if not math.isfinite(value):
        raise BadCell(f"'{show(t0)}' is too large to be a number here", _NUMBER_FIX)
    return -value if neg else value


def _digits(t: str, t0: str, dec: str) -> tuple[str, str]:
    """Split an unsigned number typed with separators into integer and fraction digits."""
    if any(ch in t for ch in _GROUP_CHARS):
        m = re.fullmatch(r"(\d{1,3}(?:[ \u00a0\u202f\u2009\u2007'\u2019]\d{3})+)([.,]\d+)?", t)
        if not m:
            raise BadCell(f"'{show(t0)}' is not a number", _NUMBER_FIX)
        return re.sub(r"\D", "", m[1]), (m[2] or "")[1:]
    if not t or not re.fullmatch(r"[\d.,]+", t) or not re.search(r"\d", t):
        raise BadCell(f"'{show(t0)}' is not a number", _NUMBER_FIX)
    c, p = t.count(","), t.count(".")
    if c and p:
        d = "," if t.rfind(",") > t.rfind(".") else "."
        g = "." if d == "," else ","
        m = re.fullmatch(rf"(\d{{1,3}}(?:{re.escape(g)}\d{{3}})*){re.escape(d)}(\d+)", t)
        if not m:
            raise BadCell(f"'{show(t0)}' is not a number (its separators do not add up)", _NUMBER_FIX)
        return m[1].replace(g, ""), m[2]
    if c > 1 or p > 1:
        g = "," if c else "."
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+", t):
            raise BadCell(f"'{show(t0)}' is not a number (it has more than one decimal mark)", _NUMBER_FIX)
        return t.replace(g, ""), ""
    if c == 1 or p == 1:
        sep = "," if c else "."
        a, _, b = t.partition(sep)
        if _ambiguous(t, sep) and sep != dec:
            return a + b, ""  # a thousands separator: 1,234 in an English file
        return (a or "0"), b
    return t, ""


def _number(v: Any, dec: str) -> float:
    if isinstance(v, (bool, np.bool_)):
        raise BadCell(f"'{'TRUE' if v else 'FALSE'}' is not a number", _NUMBER_FIX)
    if isinstance(v, numbers.Real):
        f = float(v)
        if not math.isfinite(f):
            raise BadCell(f"'{v}' is not a finite number", _NUMBER_FIX)
        return f
    if isinstance(v, (datetime, date)):
        raise BadCell(
            f"the cell holds the date {show(v)}, not a number",
            "Type the number itself and set the cell format to Number or General, not Date",
        )
    s = as_text(v) or ""
    return parse_number_text(s, dec)


# ---------------------------------------------------------------------------
# One column's cells
# ---------------------------------------------------------------------------


@dataclass
class CellIssue:
    """One cell (or row) that does not fit: where, why, and how to fix it."""

    row: int
    col_index: int
    column: str
    why: str
    fix: str
    kind: str  # "blank", "value", "duplicate", "width"


def coerce_column(col: Column, cells: list[tuple[int, Any]], dec: str, issues: list, ci: int, label: str):
    """Parse one column's cells. Returns the list of values (None for blanks)."""
    out: list[Any] = []
    cname = col.name
    for row, raw in cells:
        text = as_text(raw)
        if text is None or (col.kind != "text" and text.casefold() in _BLANK_MARKERS and not (
                col.kind == "choice" and norm_value(text) in _choice_map(col.choices))):
            out.append(None)
            if not col.blank_ok:
                shown = f" (it only holds '{show(text)}')" if text else ""
                issues.append(CellIssue(
                    row, ci, cname,
                    f"Row {row} of column {label} is empty{shown}, but every row needs {with_article(cname)}",
                    f"Fill in the {cname} in every row ({col.rule}), or delete rows that are not real entries",
                    "blank",
                ))
            continue
        value: str | float | bool
        try:
            if col.kind == "text":
                value = text
            elif col.kind == "number":
                value = _number(raw, dec)
                _check_bounds(col, value, raw)
            elif col.kind == "integer":
                value = _number(raw, dec)
                if not float(value).is_integer():
                    raise BadCell(
                        f"'{show(raw)}' is not a whole number", "Type a whole number without decimals, such as 12"
                    )
                _check_bounds(col, value, raw)
                value = int(value)
            elif col.kind == "year":
                value = _year(raw, col, dec)
            elif col.kind == "choice":
                value = _choice(text, col)
            else:
                value = _yesno(raw, text)
        except BadCell as bad:
            out.append(None)
            issues.append(CellIssue(row, ci, cname, f"Row {row} of column {label}: {bad.why}", bad.fix, "value"))
            continue
        out.append(value)
    return out


def _check_bounds(col: Column, value: float, raw: Any) -> None:
    if col.min is not None and value < col.min:
        if col.min == 0:
            raise BadCell(
                f"{show(raw)} is negative, but a {col.name} cannot be below zero",
                f"Type the {col.name} as a positive number (or 0); if it is a cut or a refund, "
                "record it in a separate row or a note",
            )
        raise BadCell(
            f"{show(raw)} is too small: the {col.name} must be at least {fmt_num(col.min)}",
            f"Type a {col.name} of {fmt_num(col.min)} or more",
        )
    if col.max is not None and value > col.max:
        raise BadCell(
            f"{show(raw)} is too large: the {col.name} must be at most {fmt_num(col.max)}",
            f"Type a {col.name} of {fmt_num(col.max)} or less",
        )


def _year(raw: Any, col: Column, dec: str) -> int:
    assert col.min is not None and col.max is not None  # Column.__post_init__ sets both for a year
    lo, hi = fmt_num(col.min), fmt_num(col.max)
    fix = f"Type the year as four digits, for example 2026 (years from {lo} to {hi})"
    if isinstance(raw, (datetime, date)) and not isinstance(raw, bool):
        raise BadCell(
            f"the cell holds the date {show(raw)}, but this column needs only a year",
            f"{fix}, and set the cell format to Number or General, not Date",
        )
    try:
        value = _number(raw, ".")
    except BadCell:
        text = as_text(raw) or ""
        hint = ""
        if re.search(r"(19|20)\d\d", text):
            hint = " (it contains more than a year)"
        raise BadCell(f"'{show(raw)}' is not a year{hint}", fix) from None
    if not float(value).is_integer():
        raise BadCell(f"'{show(raw)}' is not a year", fix)
    if value < col.min or value > col.max:
        raise BadCell(f"{show(raw)} is not a plausible year: years must be between {lo} and {hi}", fix)
    return int(value)


@functools.lru_cache(maxsize=256)
def _choice_map(choices: tuple[str, ...]) -> dict[str, str]:
    return {norm_value(c): c for c in choices}


def _choice(text: str, col: Column) -> str:
    key = norm_value(text)
    allowed = _choice_map(col.choices)
    if key in allowed:
        return allowed[key]
    suggestion = None
    for k, c in allowed.items():  # "O1 Access" -> "O1"
        if re.match(rf"{re.escape(k)}\b", key) or re.match(rf"{re.escape(key)}\b", k):
            suggestion = c
            break
    if suggestion is None:
        close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
        suggestion = allowed[close[0]] if close else None
    hint = f"Did you mean '{suggestion}'? " if suggestion else ""
    listed = ", ".join(f"'{c}'" for c in col.choices)
    raise BadCell(
        f"'{show(text)}' is not one of the allowed values",
        f"{hint}Use exactly one of: {listed}",
    )


def _yesno(raw: Any, text: str) -> bool:
    if isinstance(raw, (bool, np.bool_)):
        return bool(raw)
    if isinstance(raw, numbers.Real) and float(raw) in (0.0, 1.0):
        return bool(float(raw))
    key = norm_value(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise BadCell(f"'{show(raw)}' is not yes or no", "Type yes or no (y/n, true/false and 1/0 also work)")


def column_decimal(values: Iterable[Any], default: str) -> str:
    """The decimal mark a column's unambiguous values show (by majority), else ``default``."""
    votes = {",": 0, ".": 0}
    for v in values:
        if isinstance(v, str):
            h = _decimal_hint(v)
            if h:
                votes[h] += 1
    if votes[","] > votes["."]:
        return ","
    if votes["."] > votes[","]:
        return "."
    return default
