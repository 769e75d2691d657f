"""Read a participant's table (CSV or Excel) and check it against a spec.

Participants bring their own spreadsheets: a portfolio exported from their
ministry, a list of indicators typed by hand, a CSV saved by French Excel.
:func:`read_table` reads any of these into a pandas DataFrame with clean
column names and types, or raises :class:`~missionkit.errors.MissionkitInputError`
whose message names the file, the spreadsheet row (the header is row 1) and
the column, and says how to fix it. No other exception escapes on bad input.

A :class:`TableSpec` describes the table a function expects::

    PORTFOLIO = TableSpec("portfolio", (
        Column("project_id", unique=True, synonyms=("id",)),
        Column("title"),
        Column("objective", "choice", choices=("O1", "O2", "O3", "O4", "O5")),
        Column("budget", "number", min=0, description="MRC m"),
        Column("start_year", "year"),
        Column("notes", required=False),
    ))
    df = read_table("my-work/portfolio.csv", PORTFOLIO)

What the reader copes with
--------------------------
- CSV in UTF-8, UTF-8 with BOM, UTF-16 (Excel "Unicode text"), cp1252 or
  Latin-1. UTF-8 is tried first; a file that is not valid UTF-8 is read as
  cp1252 (Windows Excel's Western encoding, a superset of Latin-1's printable
  characters) unless it holds one of the five bytes cp1252 leaves undefined,
  in which case it is read as Latin-1. Decoding never fails.
- Delimiters ``,`` ``;`` tab and ``|``, sniffed (Excel's ``sep=;`` first line
  is honoured). Decimal commas as French, Spanish or Portuguese Excel writes
  them (``12,5``, ``1 234,5``, ``1.234,5``); thousands separators (``1,234``,
  ``1 234``, ``1'234``); signs, ``(123)`` accounting negatives, ``1,5E+06``.
  Ambiguous values like ``1.234`` follow the column's other values, then the
  file's delimiter (``;`` means decimal commas).
- Surrounding spaces in cells and names; column names matched ignoring case,
  spaces, underscores, accents and a trailing unit in brackets
  (``" Budget (MRC m) "`` matches ``budget``), plus each column's synonyms.
  Title rows above the header are skipped when a lower row holds the column
  names. Blank rows are ignored.
- ``.xlsx``/``.xlsm`` through openpyxl: the first non-empty sheet (or the
  first sheet holding the expected columns), or a sheet named by ``sheet=``.
  Files whose content does not match their extension (an ``.xlsx`` saved as
  ``.csv``) are read by content.

The returned DataFrame has the spec's columns first, in spec order (optional
columns missing from the file are added, blank), then any extra columns of
the file as text. Its index is the spreadsheet row number (named ``row``),
so later checks can point at the row a participant sees. Types: text and
choice -> ``str``; number -> ``float64``; integer and year -> ``Int64``;
yes-no -> ``boolean``. ``df.attrs["source"]`` records how the file was read.
"""
from __future__ import annotations

import codecs
import csv
import difflib
import functools
import io
import math
import numbers
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit.errors import MissionkitInputError

__all__ = [
    "Column",
    "TableSpec",
    "read_table",
    "template_csv",
    "template_frame",
    "UnreadableTableError",
    "KINDS",
    "SUPPORTED_EXTENSIONS",
]

KINDS = ("text", "number", "integer", "year", "choice", "yesno")
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
EXCEL_EXTENSIONS = (".xlsx", ".xlsm")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + EXCEL_EXTENSIONS
SUPPORTED_TEXT = "CSV (.csv) or Excel (.xlsx)"
YEAR_MIN, YEAR_MAX = 1950, 2100
MAX_BYTES = 100 * 1024 * 1024

_TEMPLATE_FIX = "start from the template for this table"
_SAVE_AS_FIX = (
    "Open it in Excel or LibreOffice and use File > Save As to save it as "
    "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (.csv)', then load that file"
)


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
        if self.kind == "choice" and len({_norm_value(c) for c in self.choices}) != len(self.choices):
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
                parts.append(f"at least {_fmt_num(self.min)}")
            if self.max is not None:
                parts.append(f"at most {_fmt_num(self.max)}")
        if self.kind == "year":
            parts = [f"a year from {_fmt_num(self.min)} to {_fmt_num(self.max)}"]
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


class UnreadableTableError(MissionkitInputError):
    """Raised only when the reader meets a failure it has no specific message for.

    It is still a MissionkitInputError (participants see a plain message); the
    tests assert that no input they generate ever reaches it.
    """


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

_ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060"
_BLANK_MARKERS = {"", "na", "n/a", "n.a.", "nan", "null", "none", "#n/a", "-", "--", "\u2013", "\u2014"}
_EXCEL_ERRORS = {"#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!", "#getting_data"}
_YES = {"yes", "y", "true", "1", "x", "oui", "si", "sí", "sim", "ja", "\u2713", "\u2714"}
_NO = {"no", "n", "false", "0", "non", "não", "nao", "nein"}
_GROUP_CHARS = " \u00a0\u202f\u2009\u2007'\u2019"


def _strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)
def _norm_str(name: str) -> str:
    s = _strip_accents(name).casefold()
    for ch in _ZERO_WIDTH:
        s = s.replace(ch, "")
    s = re.sub(r"[\s_\-./\\:#]+", "_", s)
    return s.strip("_")


def header_key(name: Any) -> str:
    """Header key: no accents, case or spacing; spaces/_/-/./ all become '_'."""
    return _norm_str(str(name))


@functools.lru_cache(maxsize=4096)
def _header_keys(name: str) -> tuple[str, ...]:
    keys = [header_key(name)]
    bare = re.sub(r"[\(\[\{].*?[\)\]\}]", " ", str(name))  # "Budget (MRC m)" -> "Budget"
    if header_key(bare) and header_key(bare) not in keys:
        keys.append(header_key(bare))
    return tuple(keys)


@functools.lru_cache(maxsize=8192)
def _norm_value(v: str) -> str:
    return re.sub(r"\s+", " ", _strip_accents(v)).strip().casefold()


def _fmt_num(x: float | None) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return f"{int(x)}"
    return f"{x:g}"


def _show(v: Any, limit: int = 40) -> str:
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


def _rows_list(rows: Sequence[int], limit: int = 5) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, np.floating) and np.isnan(v):
        return True
    return False


def _as_text(v: Any) -> str | None:
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
    s = s.strip().strip(_ZERO_WIDTH).strip()
    return s or None


# ---------------------------------------------------------------------------
# Parsing numbers
# ---------------------------------------------------------------------------


class _Bad(Exception):
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


def _parse_number_text(s: str, dec: str) -> float:
    """Parse a number typed in any common style. ``dec`` settles ``1.234`` / ``1,234``."""
    t0 = s.strip()
    low = t0.casefold()
    if low in _EXCEL_ERRORS:
        raise _Bad(
            f"the cell shows the Excel error {t0}",
            "Correct the formula in that cell in Excel (or type the number itself), save, and load the file again",
        )
    neg, t = _split_sign(t0)
    if t.endswith("%"):
        raise _Bad(
            f"'{_show(t0)}' is a percentage, not a plain number",
            "Remove the % sign and type the number the column asks for (for example 12 for 12%)",
        )
    exp = re.fullmatch(r"(\d+)(?:[.,](\d+))?[eE]([+-]?\d{1,3})", t)
    if exp:
        value = float(f"{exp[1]}.{exp[2] or '0'}e{exp[3]}")
    else:
        int_part, frac = _digits(t, t0, dec)
        value = float(f"{int_part}.{frac or '0'}")
    if not math.isfinite(value):
        raise _Bad(f"'{_show(t0)}' is too large to be a number here", _NUMBER_FIX)
    return -value if neg else value


def _digits(t: str, t0: str, dec: str) -> tuple[str, str]:
    """Split an unsigned number typed with separators into integer and fraction digits."""
    if any(ch in t for ch in _GROUP_CHARS):
        m = re.fullmatch(r"(\d{1,3}(?:[ \u00a0\u202f\u2009\u2007'\u2019]\d{3})+)([.,]\d+)?", t)
        if not m:
            raise _Bad(f"'{_show(t0)}' is not a number", _NUMBER_FIX)
        return re.sub(r"\D", "", m[1]), (m[2] or "")[1:]
    if not t or not re.fullmatch(r"[\d.,]+", t) or not re.search(r"\d", t):
        raise _Bad(f"'{_show(t0)}' is not a number", _NUMBER_FIX)
    c, p = t.count(","), t.count(".")
    if c and p:
        d = "," if t.rfind(",") > t.rfind(".") else "."
        g = "." if d == "," else ","
        m = re.fullmatch(rf"(\d{{1,3}}(?:{re.escape(g)}\d{{3}})*){re.escape(d)}(\d+)", t)
        if not m:
            raise _Bad(f"'{_show(t0)}' is not a number (its separators do not add up)", _NUMBER_FIX)
        return m[1].replace(g, ""), m[2]
    if c > 1 or p > 1:
        g = "," if c else "."
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(g)}\d{{3}})+", t):
            raise _Bad(f"'{_show(t0)}' is not a number (it has more than one decimal mark)", _NUMBER_FIX)
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
        raise _Bad(f"'{'TRUE' if v else 'FALSE'}' is not a number", _NUMBER_FIX)
    if isinstance(v, numbers.Real):
        f = float(v)
        if not math.isfinite(f):
            raise _Bad(f"'{v}' is not a finite number", _NUMBER_FIX)
        return f
    if isinstance(v, (datetime, date)):
        raise _Bad(
            f"the cell holds the date {_show(v)}, not a number",
            "Type the number itself and set the cell format to Number or General, not Date",
        )
    s = _as_text(v) or ""
    return _parse_number_text(s, dec)


# ---------------------------------------------------------------------------
# Reading files into a grid of raw cells
# ---------------------------------------------------------------------------


@dataclass
class _Grid:
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells)
    file: str | None
    meta: dict
    origin: str  # "csv", "xlsx" or "frame"
    delimiter: str | None = None
    letters: bool = True  # column letters mean something (spreadsheet files)
    where_sheet: str = ""  # " on sheet 'X'" when it helps


def _err(problem: str, fix: str, file: str | None, row: int | None = None, column: str | None = None):
    """The error, with sentences tidied: the message adds its own full stops."""
    problem = problem.strip().rstrip(".")
    fix = fix.strip().rstrip(".")
    return MissionkitInputError(problem, fix=fix, file=file, row=row, column=column)


_SIGNATURES: list[tuple[bytes, str]] = [  # first bytes of common non-table files
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "a Rich Text (RTF) document"),
    (b"\x1f\x8b", "a compressed (.gz) file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
]


def _zip_kind(data: bytes) -> str:
    """'xlsx', 'docx', 'pptx', 'ods', 'odt', 'zip' or 'broken'."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        return "broken"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "spreadsheet" in mimetype:
        return "ods"
    if "opendocument" in mimetype:
        return "odt"
    return "zip"


def _not_a_table(file: str | None, what: str, fix: str | None = None) -> MissionkitInputError:
    return _err(
        f"This file is {what}, not a table",
        fix or (
            "Load the spreadsheet itself: in Excel use File > Save As > 'CSV UTF-8 (.csv)' or "
            "'Excel Workbook (.xlsx)', then load that file"
        ),
        file,
    )


def _check_binary_signature(data: bytes, file: str | None) -> str | None:
    """Raise for files that are clearly not tables; return 'xlsx' for workbooks."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise _not_a_table(file, what)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _err(
            "This file is in an old Microsoft Office format (an .xls workbook or .doc document) "
            "or is a password-protected Excel file; it cannot be read here",
            "Open it in Excel, remove any password (File > Info > Protect Workbook), and use File > Save As > "
            "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (.csv)'; then load the new file",
            file,
        )
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        kind = _zip_kind(data)
        if kind == "xlsx":
            return "xlsx"
        what = {
            "docx": "a Word document",
            "pptx": "a PowerPoint presentation",
            "ods": "a LibreOffice/OpenOffice spreadsheet (.ods)",
            "odt": "an OpenDocument text file",
            "xlsb": "an Excel binary workbook (.xlsb)",
            "zip": "a zip archive",
            "broken": "a damaged or incomplete zip/Excel file",
        }[kind]
        if kind in ("ods", "xlsb"):
            raise _err(f"This file is {what}, a format this course cannot read", _SAVE_AS_FIX, file)
        if kind == "broken":
            raise _err(
                "This file looks like an Excel workbook but it is damaged or was not fully copied, "
                "so it cannot be opened",
                "Open the original in Excel; if it opens, save it again as .xlsx or CSV and load that copy. "
                "If it came by e-mail or download, fetch it again",
                file,
            )
        raise _not_a_table(file, what)
    return None


def _looks_utf16(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = data[:4000]
    if len(sample) >= 8 and len(sample) % 2 == 0:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be"
    return None


def _decode(data: bytes) -> tuple[str, str]:
    """Bytes -> text and the encoding used. Never raises."""
    u16 = _looks_utf16(data)
    if u16:
        text = data.decode(u16, errors="replace")
        return text.lstrip("\ufeff"), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _binary_text(text: str) -> bool:
    sample = text[:8000]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if ch == "\x00" or ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\t\r\n\x0c")
    )
    return bad > max(2, 0.02 * len(sample))


_DELIMS = (",", ";", "\t", "|")
_DELIM_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _csv_records(text: str, delim: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"', skipinitialspace=True)
    return [row for row in reader]


def _matches(cells: Iterable[Any], spec: TableSpec) -> int:
    found = set()
    for c in cells:
        t = _as_text(c)
        if t is None:
            continue
        for key in _header_keys(t):
            col = spec._lookup.get(key)
            if col is not None:
                found.add(col.name)
                break
    return len(found)


def _header_position(records: Sequence[Sequence[Any]], spec: TableSpec) -> tuple[int | None, int]:
    """Index of the header among the first non-blank records, and its spec matches."""
    nonblank = [i for i, r in enumerate(records[:60]) if any(_as_text(c) for c in r)]
    if not nonblank:
        return None, 0
    best, best_score = nonblank[0], _matches(records[nonblank[0]], spec)
    for i in nonblank[1:10]:
        score = _matches(records[i], spec)
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def _sniff(text: str, spec: TableSpec) -> tuple[str, int, float, int]:
    """Pick the delimiter: (delimiter, spec matches, consistency, fields per row)."""
    cut = text[:65536]
    if len(text) > 65536 and "\n" in cut:
        cut = cut[: cut.rfind("\n")]
    best_key, best = None, (",", 0, 0.0, 1)
    for order, d in enumerate(_DELIMS):
        if d not in cut and order:
            continue  # a file with none of them is read as one column (once, with ",")
        try:
            records = _csv_records(cut, d)[:200]
        except csv.Error:
            continue
        pos, matches = _header_position(records, spec)
        if pos is None:
            continue
        body = [r for r in records[pos:] if any(c.strip() for c in r)]
        width = len(records[pos])
        consistency = sum(1 for r in body if len(r) == width) / len(body)
        key = (matches, width >= 2, consistency, -order if width >= 2 else 0)
        if best_key is None or key > best_key:
            best_key, best = key, (d, matches, consistency, width)
    return best


def _looks_like_prose(records: Sequence[Sequence[str]]) -> bool:
    """Sentences rather than cells: long runs of words in few cells, or full stops mid-cell."""
    rows = [[c.strip() for c in r if c.strip()] for r in records[:30]]
    rows = [r for r in rows if r]
    if not rows:
        return False
    cells = [c for r in rows for c in r]
    longest = max(len(c.split()) for c in cells)
    few_cells = sorted(len(r) for r in rows)[len(rows) // 2] <= 2
    mid_stop = any(re.search(r"[a-z]{2,}[.!?] +[A-Z]", c) for c in cells)
    return few_cells and (longest >= 8 or mid_stop)


def _read_text_grid(data: bytes, file: str | None, spec: TableSpec) -> _Grid:
    text, encoding = _decode(data)
    if _binary_text(text):
        raise _err(
            "This file is not a table: it holds binary data (like a picture, a program, or a "
            "document saved in another format), not text",
            "Check you picked the right file. Load the spreadsheet itself: in Excel use File > Save As > "
            "'CSV UTF-8 (.csv)' or 'Excel Workbook (.xlsx)', then load that file",
            file,
        )
    body = text.strip(" \t\r\n\x0c;,|" + _ZERO_WIDTH)
    if not body:
        raise _err(
            "The file is empty: it has no column names and no data",
            f"Check that you picked the right file. The first row should hold the column names "
            f"({', '.join(spec.required)}) and each row below one item; {_TEMPLATE_FIX}",
            file,
        )
    head = body[:400].lstrip().casefold()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<table", "<head", "<body")):
        raise _not_a_table(
            file,
            "a web page or XML file (some systems label these as spreadsheets)",
            "Open it in Excel and use File > Save As > 'CSV UTF-8 (.csv)' or 'Excel Workbook (.xlsx)', "
            "then load that file",
        )
    meta = {"encoding": encoding}
    forced = None
    m = re.match(r"\ufeff?[\"']?sep=(.)[\"']?[ \t]*(\r\n|\n|\r)", text, flags=re.IGNORECASE)
    if m:  # Excel's "sep=;" first line: Excel hides it, so the next line is row 1
        forced, text = (m[1] if m[1] in _DELIMS else None), text[m.end():]
    if forced:
        delim = forced
        matches, consistency, width = 1, 1.0, 2
    else:
        delim, matches, consistency, width = _sniff(text, spec)
    try:
        records = _csv_records(text, delim)
    except csv.Error as exc:
        raise _err(
            f"The file could not be read as a table: {exc} (a cell is extremely long, or a quotation "
            "mark opens a cell that never closes)",
            "Open the file in Excel, check the cells with quotation marks, save it again as CSV or .xlsx, "
            "and load it again",
            file,
        ) from None
    meta["delimiter"] = delim
    if matches == 0 and spec.required:
        sample = [r for r in records[:30] if any(c.strip() for c in r)]
        first = delim.join(sample[0]).strip() if sample else ""
        if (width < 2 and len(spec.required) >= 2) or (consistency < 0.6 and len(sample) >= 3) or _looks_like_prose(sample):
            raise _err(
                f"This file does not look like a table: it holds ordinary text with no columns "
                f"(it starts: '{_show(first, 60)}')",
                f"Check you picked the right file. {_a(spec.name).capitalize()} table has the column names "
                f"({', '.join(spec.required)}) in its first row and one item per row below, with commas or "
                f"semicolons between the columns; {_TEMPLATE_FIX}",
                file,
            )
    _check_unclosed_quote(text, records, delim, file)
    rows = [(i + 1, list(r)) for i, r in enumerate(records)]
    return _Grid(rows=rows, file=file, meta=meta, origin="csv", delimiter=delim)


def _check_unclosed_quote(text: str, records: list[list[str]], delim: str, file: str | None) -> None:
    """An opening quote that never closes swallows the rest of the file into the last row."""
    if text.count('"') % 2 == 0 or not records:
        return
    for cell in records[-1]:
        lines = cell.splitlines()
        if len(lines) >= 2 and any(delim in line for line in lines[1:]):
            n = len(records)
            raise _err(
                f"A quotation mark in row {n} opens a cell that never closes, so the rows "
                "below it were read as one long cell",
                'Open the file in a text editor or Excel, find the cell that starts with a " in that '
                'row, and either delete the " or add the closing ", then load again',
                file,
                row=n,
            )


def _read_xlsx_grid(data: bytes, file: str | None, spec: TableSpec, sheet: str | None) -> _Grid:
    kind = _zip_kind(data)
    if kind != "xlsx":
        _check_binary_signature(data, file)  # raises the right message for zips
        raise _err(
            "This file is not a real Excel workbook (.xlsx), even though its name says so; it may be "
            "damaged or renamed",
            _SAVE_AS_FIX,
            file,
        )
    try:
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except MissionkitInputError:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise _err(
            f"This Excel workbook is damaged and could not be opened ({type(exc).__name__}: "
            f"{_show(str(exc), 80)})",
            "Open it in Excel; if Excel repairs it, save the repaired copy as .xlsx or CSV and load that",
            file,
        ) from None
    try:
        sheets = list(wb.worksheets)
        names = [ws.title for ws in sheets]
        if sheet is not None:
            wanted = [ws for ws in sheets if header_key(ws.title) == header_key(str(sheet))]
            if not wanted:
                close = difflib.get_close_matches(str(sheet), names, n=1, cutoff=0.6)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                raise _err(
                    f"The workbook has no sheet called '{sheet}'.{hint} Its sheets are: "
                    + ", ".join(f"'{n}'" for n in names),
                    "Pass the name of one of those sheets, exactly as it appears on the tab at the bottom "
                    "of Excel, or rename the sheet in Excel",
                    file,
                )
            candidates = wanted
        else:
            candidates = sheets
        grids = []
        for ws in candidates:
            rows = _sheet_rows(ws)
            if rows:
                pos, score = _header_position([r for _, r in rows], spec)
                grids.append((ws.title, rows, score))
                if sheet is None and score >= max(1, len(spec.required)):
                    break
        if not grids:
            if sheet is not None:
                raise _err(
                    f"Sheet '{candidates[0].title}' of this workbook is empty",
                    f"Put the {spec.name} on that sheet (column names in row 1, one item per row), "
                    "or name the sheet that holds it",
                    file,
                )
            raise _err(
                "This Excel workbook is empty: none of its sheets has any data"
                + (f" (sheets: {', '.join(repr(n) for n in names)})" if names else ""),
                f"Open it in Excel and check it is the right file; the {spec.name} needs column names in "
                f"row 1 ({', '.join(spec.required)}) and one item per row below; save and load again",
                file,
            )
        title, rows, _ = max(grids, key=lambda g: g[2])  # the first sheet with the most expected columns
    finally:
        try:
            wb.close()
        except Exception:  # pragma: no cover - closing never matters here
            pass
    meta = {"sheet": title}
    where = f" on sheet '{title}'" if len(names) > 1 else ""
    return _Grid(rows=rows, file=file, meta=meta, origin="xlsx", where_sheet=where)


def _sheet_rows(ws) -> list[tuple[int, list[Any]]]:
    rows: list[tuple[int, list[Any]]] = []
    blank_run = 0
    for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = list(values)
        if any(_as_text(c) is not None for c in cells):
            rows.append((i, cells))
            blank_run = 0
        else:
            blank_run += 1
            if blank_run > 5000 and rows:
                break
    return rows


def _frame_grid(df: pd.DataFrame, file: str | None) -> _Grid:
    header = [" ".join(map(str, c)) if isinstance(c, tuple) else c for c in df.columns]
    idx = df.index
    if idx.name == "row" and pd.api.types.is_integer_dtype(idx) and idx.is_unique:
        numbers_ = [int(i) for i in idx]
    else:
        numbers_ = list(range(2, len(df) + 2))
    rows: list[tuple[int, list[Any]]] = [(1, header)]
    values = df.to_numpy(dtype=object, na_value=None) if len(df.columns) else np.empty((len(df), 0))
    for n, r in zip(numbers_, values, strict=False):
        rows.append((n, list(r)))
    return _Grid(rows=rows, file=file, meta={}, origin="frame", letters=False)


# ---------------------------------------------------------------------------
# From a grid to a checked DataFrame
# ---------------------------------------------------------------------------


@dataclass
class _Issue:
    row: int
    col_index: int
    column: str
    why: str
    fix: str
    kind: str  # "blank", "value", "duplicate", "width"


def _map_columns(header: list[Any], spec: TableSpec, grid: _Grid, header_row: int):
    """Return {spec column name: position}, extras [(position, name)]; raise on missing/duplicates."""
    texts = [_as_text(h) for h in header]
    assigned: dict[str, int] = {}
    used: set[int] = set()
    exact = {header_key(c.name): c for c in spec.columns}
    # pass 1: exact canonical names; pass 2: synonyms and names with a unit in brackets
    for pass_no in (1, 2):
        for i, t in enumerate(texts):
            if t is None or i in used:
                continue
            keys = [header_key(t)] if pass_no == 1 else _header_keys(t)
            for key in keys:
                col = exact.get(key) if pass_no == 1 else spec._lookup.get(key)
                if col is None:
                    continue
                if col.name in assigned:
                    if pass_no == 1:
                        j = assigned[col.name]
                        where = (
                            f"columns {_col_letter(j)} and {_col_letter(i)}" if grid.letters
                            else f"columns {j + 1} and {i + 1}"
                        )
                        raise _err(
                            f"Your {spec.name} has two columns called '{col.name}' ({where}: "
                            f"'{_show(texts[j])}' and '{_show(t)}'){grid.where_sheet}",
                            "Keep one of them: delete the other column or give it a different name, "
                            "then load again",
                            grid.file,
                            row=header_row,
                            column=col.name,
                        )
                    continue
                assigned[col.name] = i
                used.add(i)
                break
    missing = [c for c in spec.columns if c.required and c.name not in assigned]
    if missing:
        raise _missing_error(missing, texts, used, spec, grid, header_row)
    extras = []
    seen = set(assigned)
    for i, t in enumerate(texts):
        if i in used:
            continue
        name = t if t is not None else f"column {_col_letter(i)}"
        base, k = name, 2
        while name in seen:
            name, k = f"{base} ({k})", k + 1
        seen.add(name)
        extras.append((i, name, t is None))
    return assigned, extras


def _missing_error(missing, texts, used, spec: TableSpec, grid: _Grid, header_row: int):
    first = missing[0]
    others = missing[1:]
    also = (
        f" Also missing: {', '.join(repr(c.name) for c in others)}." if others else ""
    )
    unused = [(i, t) for i, t in enumerate(texts) if t is not None and i not in used]
    file_cols = [t for t in texts if t is not None]
    sheet = grid.where_sheet
    # closest existing header for the first missing column
    cand = {header_key(t): t for _, t in unused}
    targets = [header_key(first.name), *(header_key(s) for s in first.synonyms)]
    close = None
    for target in targets:
        hit = difflib.get_close_matches(target, list(cand), n=1, cutoff=0.75)
        if hit:
            close = cand[hit[0]]
            break
    if close is None and not any(spec._lookup.get(header_key(t)) for t in file_cols):
        # nothing in this row is a column we know: explain what the first row should be
        looks_like_data = sum(1 for t in file_cols if re.fullmatch(r"[-+]?[\d.,\s]+", t)) >= 1
        shown = ", ".join(f"'{_show(t, 25)}'" for t in file_cols[:6]) + (", …" if len(file_cols) > 6 else "")
        if looks_like_data:
            problem = (
                f"The first row of your {spec.name}{sheet} holds data ({shown}), not column names; "
                f"the {spec.name} needs columns {', '.join(repr(c.name) for c in missing)}"
            )
            fix = (
                f"Insert a new first row with the column names: {', '.join(spec.required)}; "
                f"or {_TEMPLATE_FIX}"
            )
        else:
            problem = (
                f"None of the columns {_a(spec.name)} needs were found{sheet}: it needs "
                f"{', '.join(repr(c.name) for c in missing)}, and the column names in row {header_row} are "
                f"{shown}"
            )
            fix = (
                f"Check you picked the right file (or sheet). Row 1 must hold the column names: "
                f"{', '.join(c.name for c in spec.columns)}; {_TEMPLATE_FIX}"
            )
        return _err(problem, fix, grid.file, row=header_row, column=first.name)
    desc = f" ({first.description})" if first.description else ""
    if close is not None:
        problem = (
            f"Your {spec.name}{sheet} has no column '{first.name}'. "
            f"Did you mean '{first.name}'? Your file has '{_show(close)}'.{also}"
        )
        fix = f"Rename the column '{_show(close)}' to '{first.name}' in the header row (row {header_row}), save, and load again"
    else:
        shown = ", ".join(f"'{_show(t, 25)}'" for t in file_cols[:12]) + (", …" if len(file_cols) > 12 else "")
        problem = (
            f"Your {spec.name}{sheet} has no column '{first.name}'{desc}.{also} "
            f"The columns in your file are: {shown}"
        )
        fix = (
            f"Add a column named '{first.name}' ({first.rule}) to the header row (row {header_row}) "
            f"and fill it in; the {spec.name} needs: {', '.join(spec.required)}"
        )
    return _err(problem, fix, grid.file, row=header_row, column=first.name)


def _coerce_column(col: Column, cells: list[tuple[int, Any]], dec: str, issues: list, ci: int, label: str):
    """Parse one column's cells. Returns the list of values (None for blanks)."""
    out: list[Any] = []
    cname = col.name
    for row, raw in cells:
        text = _as_text(raw)
        blank = text is None or (col.kind != "text" and text.casefold() in _BLANK_MARKERS and not (
            col.kind == "choice" and _norm_value(text) in _choice_map(col.choices)))
        if blank:
            out.append(None)
            if not col.blank_ok:
                shown = f" (it only holds '{_show(text)}')" if text else ""
                issues.append(_Issue(
                    row, ci, cname,
                    f"Row {row} of column {label} is empty{shown}, but every row needs {_a(cname)}",
                    f"Fill in the {cname} in every row ({col.rule}), or delete rows that are not real entries",
                    "blank",
                ))
            continue
        try:
            if col.kind == "text":
                value = text
            elif col.kind == "number":
                value = _number(raw, dec)
                _check_bounds(col, value, raw)
            elif col.kind == "integer":
                value = _number(raw, dec)
                if not float(value).is_integer():
                    raise _Bad(f"'{_show(raw)}' is not a whole number", "Type a whole number without decimals, such as 12")
                _check_bounds(col, value, raw)
                value = int(value)
            elif col.kind == "year":
                value = _year(raw, col, dec)
            elif col.kind == "choice":
                value = _choice(text, col)
            else:
                value = _yesno(raw, text)
        except _Bad as bad:
            out.append(None)
            issues.append(_Issue(row, ci, cname, f"Row {row} of column {label}: {bad.why}", bad.fix, "value"))
            continue
        out.append(value)
    return out


def _check_bounds(col: Column, value: float, raw: Any) -> None:
    if col.min is not None and value < col.min:
        if col.min == 0:
            raise _Bad(
                f"{_show(raw)} is negative, but a {col.name} cannot be below zero",
                f"Type the {col.name} as a positive number (or 0); if it is a cut or a refund, "
                "record it in a separate row or a note",
            )
        raise _Bad(
            f"{_show(raw)} is too small: the {col.name} must be at least {_fmt_num(col.min)}",
            f"Type a {col.name} of {_fmt_num(col.min)} or more",
        )
    if col.max is not None and value > col.max:
        raise _Bad(
            f"{_show(raw)} is too large: the {col.name} must be at most {_fmt_num(col.max)}",
            f"Type a {col.name} of {_fmt_num(col.max)} or less",
        )


def _year(raw: Any, col: Column, dec: str) -> int:
    lo, hi = _fmt_num(col.min), _fmt_num(col.max)
    fix = f"Type the year as four digits, for example 2026 (years from {lo} to {hi})"
    if isinstance(raw, (datetime, date)) and not isinstance(raw, bool):
        raise _Bad(
            f"the cell holds the date {_show(raw)}, but this column needs only a year",
            f"{fix}, and set the cell format to Number or General, not Date",
        )
    try:
        value = _number(raw, ".")
    except _Bad:
        text = _as_text(raw) or ""
        hint = ""
        if re.search(r"(19|20)\d\d", text):
            hint = " (it contains more than a year)"
        raise _Bad(f"'{_show(raw)}' is not a year{hint}", fix) from None
    if not float(value).is_integer():
        raise _Bad(f"'{_show(raw)}' is not a year", fix)
    if value < col.min or value > col.max:
        raise _Bad(f"{_show(raw)} is not a plausible year: years must be between {lo} and {hi}", fix)
    return int(value)


@functools.lru_cache(maxsize=256)
def _choice_map(choices: tuple[str, ...]) -> dict[str, str]:
    return {_norm_value(c): c for c in choices}


def _choice(text: str, col: Column) -> str:
    key = _norm_value(text)
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
    raise _Bad(
        f"'{_show(text)}' is not one of the allowed values",
        f"{hint}Use exactly one of: {listed}",
    )


def _yesno(raw: Any, text: str) -> bool:
    if isinstance(raw, (bool, np.bool_)):
        return bool(raw)
    if isinstance(raw, numbers.Real) and float(raw) in (0.0, 1.0):
        return bool(float(raw))
    key = _norm_value(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise _Bad(f"'{_show(raw)}' is not yes or no", "Type yes or no (y/n, true/false and 1/0 also work)")


def _column_decimal(values: Iterable[Any], default: str) -> str:
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


def _empty_series(col: Column, index) -> pd.Series:
    return _typed(col, [None] * len(index), index)


def _typed(col: Column, values: list[Any], index) -> pd.Series:
    if col.kind in ("text", "choice"):
        return pd.Series(values, index=index, dtype="str")
    if col.kind == "number":
        return pd.Series([np.nan if v is None else float(v) for v in values], index=index, dtype="float64")
    if col.kind in ("integer", "year"):
        return pd.Series(pd.array(values, dtype="Int64"), index=index)
    return pd.Series(pd.array(values, dtype="boolean"), index=index)


def _build(grid: _Grid, spec: TableSpec) -> pd.DataFrame:
    file = grid.file
    records = [cells for _, cells in grid.rows]
    pos, _ = _header_position(records, spec)
    if pos is None:
        raise _err(
            f"The {'table' if grid.origin == 'frame' else 'file'} is empty: it has no column names and no data",
            f"The first row should hold the column names ({', '.join(spec.required)}) and each row below "
            f"one item; {_TEMPLATE_FIX}",
            file,
        )
    header_row, header = grid.rows[pos]
    assigned, extras = _map_columns(header, spec, grid, header_row)
    width = len(header)
    body = [(n, cells) for n, cells in grid.rows[pos + 1:] if any(_as_text(c) is not None for c in cells)]
    if not body:
        raise _err(
            f"Your {spec.name}{grid.where_sheet} has column names in row {header_row} but no rows of data below them",
            f"Add at least one row under the column names (one {spec.name} item per row), save, and load again",
            file,
            row=header_row,
        )
    issues: list[_Issue] = []
    if grid.origin == "csv":
        wide = [n for n, cells in body if len(cells) > width and any(_as_text(c) for c in cells[width:])]
        if wide:
            n0 = wide[0]
            cells0 = next(c for n, c in body if n == n0)
            decimal_hint = ""
            if grid.delimiter == "," and any(re.fullmatch(r"\d+", _as_text(c) or "x") for c in cells0):
                decimal_hint = (
                    " This often happens when numbers use a comma as the decimal mark (12,5) in a file "
                    "whose columns are also separated by commas."
                )
            more = ""
            if len(wide) > 1:
                more = (f" {_plural(len(wide) - 1, 'other row')} {'has' if len(wide) == 2 else 'have'} the same "
                        f"problem (row{'s' if len(wide) > 2 else ''} {_rows_list(wide[1:])}).")
            raise _err(
                f"Row {n0} has {len(cells0)} cells but the header row (row {header_row}) names only "
                f"{width} columns, so its values cannot be matched to columns.{more}{decimal_hint}",
                "Put text or numbers that contain the separator in quotation marks, or open the file in Excel "
                "and save it again as 'CSV UTF-8 (.csv)' or .xlsx; check that every value sits under its "
                "column name",
                file,
                row=n0,
            )
    index = pd.Index([n for n, _ in body], name="row")
    default_dec = "," if grid.delimiter in (";", "\t") else "."
    columns: dict[str, pd.Series] = {}
    hdr_text = {i: _as_text(h) for i, h in enumerate(header)}
    for ci, col in enumerate(spec.columns):
        if col.name not in assigned:
            columns[col.name] = _empty_series(col, index)
            continue
        i = assigned[col.name]
        cells = [(n, cells[i] if i < len(cells) else None) for n, cells in body]
        own = hdr_text[i]
        label = f"'{col.name}'" if header_key(own or "") == header_key(col.name) and (own or "").strip() == col.name else (
            f"'{col.name}' (headed '{_show(own)}' in your file)"
        )
        dec = _column_decimal((c for _, c in cells), default_dec) if col.kind in ("number", "integer") else "."
        values = _coerce_column(col, cells, dec, issues, ci, label)
        if col.unique:
            _check_unique(col, [n for n, _ in cells], values, issues, ci, label)
        columns[col.name] = _typed(col, values, index)
    if issues:
        raise _issue_error(issues, spec, grid)
    if spec.keep_extra:
        for i, name, unnamed in extras:
            vals = [_as_text(cells[i]) if i < len(cells) else None for _, cells in body]
            if unnamed and all(v is None for v in vals):
                continue
            columns[name] = pd.Series(vals, index=index, dtype="str")
    df = pd.DataFrame(columns, index=index)
    df.attrs["source"] = {
        "file": file,
        "header_row": header_row,
        "format": grid.origin,
        **grid.meta,
    }
    if grid.origin == "csv":
        df.attrs["source"]["decimal"] = default_dec
    return df


def _check_unique(col: Column, rows: list[int], values: list[Any], issues: list, ci: int, label: str) -> None:
    first_seen: dict[Any, int] = {}
    for n, v in zip(rows, values, strict=False):
        if v is None:
            continue
        key = v.casefold() if isinstance(v, str) else v
        if key in first_seen:
            issues.append(_Issue(
                n, ci, col.name,
                f"The {col.name} '{_show(v)}' appears twice in column {label}: in row {first_seen[key]} "
                f"and in row {n}. Each {col.name} must be unique",
                f"Give each row its own {col.name} (for example add a number), or delete row {n} if it is "
                "the same item entered twice",
                "duplicate",
            ))
        else:
            first_seen[key] = n


def _issue_error(issues: list[_Issue], spec: TableSpec, grid: _Grid) -> MissionkitInputError:
    issues.sort(key=lambda x: (x.row, x.col_index))
    first = issues[0]
    same_col = sorted({x.row for x in issues if x.column == first.column and x.row != first.row})
    other_cols = []
    for x in issues:
        if x.column != first.column and x.column not in other_cols:
            other_cols.append(x.column)
    extra = ""
    if same_col:
        extra += (
            f" {_plural(len(same_col), 'other row')} in this column {'is' if len(same_col) == 1 else 'are'} "
            f"also wrong (row{'s' if len(same_col) > 1 else ''} {_rows_list(same_col)})."
        )
    if other_cols:
        extra += (
            " Column" + ("s " if len(other_cols) > 1 else " ")
            + ", ".join(f"'{c}'" for c in other_cols[:5])
            + (" have" if len(other_cols) > 1 else " has")
            + " problems too."
        )
    problem = f"{first.why}{grid.where_sheet}.{extra}".replace("..", ".")
    problem = problem[:-1] if problem.endswith(".") else problem
    fix = first.fix
    if grid.origin != "frame" and "load" not in fix:
        fix += ", then load the file again"
    return _err(problem, fix, grid.file, row=first.row, column=first.column)


# ---------------------------------------------------------------------------
# The public entry point
# ---------------------------------------------------------------------------


def _unsupported(ext: str, file: str) -> MissionkitInputError:
    special = {
        ".xls": "an old Excel workbook (.xls)",
        ".ods": "a LibreOffice/OpenOffice spreadsheet (.ods)",
        ".numbers": "an Apple Numbers spreadsheet",
        ".xlsb": "an Excel binary workbook (.xlsb)",
        ".docx": "a Word document",
        ".doc": "a Word document",
        ".pdf": "a PDF document",
        ".json": "a JSON file",
        ".parquet": "a Parquet file",
    }
    kind = special.get(ext, f"a '{ext}' file" if ext else "a file without an extension such as .csv or .xlsx")
    return _err(
        f"This is {kind}; the course reads only {SUPPORTED_TEXT} files "
        f"(extensions {', '.join(SUPPORTED_EXTENSIONS)})",
        _SAVE_AS_FIX if ext not in ("",) else (
            "If it is a CSV or Excel file, rename it so its name ends in .csv or .xlsx; otherwise "
            + _SAVE_AS_FIX[0].lower() + _SAVE_AS_FIX[1:]
        ),
        file,
    )


def _path_errors(path: Path, shown: str) -> None:
    if path.is_dir():
        inside = sorted(
            p.name for p in path.iterdir() if p.suffix.lower() in SUPPORTED_EXTENSIONS and p.is_file()
        )[:3]
        hint = f" It contains, for example: {', '.join(inside)}." if inside else ""
        raise _err(
            f"'{shown}' is a folder, not a file.{hint}",
            f"Give the path to a file inside it, for example '{Path(shown) / (inside[0] if inside else 'portfolio.csv')}'",
            shown,
        )
    if not path.exists():
        parent = path.parent if str(path.parent) else Path(".")
        hint = ""
        if parent.is_dir():
            try:
                names = [p.name for p in parent.iterdir() if p.is_file()]
            except OSError:
                names = []
            close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
            if close:
                hint = f" Did you mean '{close[0]}'?"
            where = "in the folder '" + str(parent.resolve()) + "'"
        else:
            where = f"because the folder '{parent}' does not exist either"
        raise _err(
            f"There is no file called '{path.name}' {where}.{hint}",
            "Check the spelling of the file name and its folder. Paths are counted from the folder this "
            f"notebook runs in ({Path.cwd()}); upload or copy the file there, or give its full path",
            shown,
        )


def read_table(
    source: str | os.PathLike | pd.DataFrame | bytes,
    spec: TableSpec,
    *,
    sheet: str | None = None,
    name: str | None = None,
) -> pd.DataFrame:
    """Read a participant's table and check it against ``spec``.

    source: a path to a .csv or .xlsx file (str or Path), the raw bytes of an
        uploaded file (give its file name as ``name``), or a DataFrame.
    sheet: for Excel files, the sheet to read (by name). By default the first
        sheet that holds the expected columns, else the first non-empty sheet.
    name: the file name to show in messages (defaults to the file's name).

    Returns a DataFrame (see the module docstring for columns and types).
    Raises MissionkitInputError, with .file, .row, .column and .fix set,
    for every problem in the input.
    """
    if not isinstance(spec, TableSpec):
        raise TypeError("read_table needs a TableSpec as its second argument")
    shown = name
    try:
        if isinstance(source, pd.DataFrame):
            grid = _frame_grid(source, name)
            return _build(grid, spec)
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            shown = name or "uploaded file"
            ext = Path(name).suffix.lower() if name else ""
        elif isinstance(source, (str, os.PathLike)):
            raw = os.fspath(source)
            if isinstance(raw, bytes):
                raw = raw.decode(errors="replace")
            if not raw.strip():
                raise _err(
                    "No file name was given",
                    "Put the file name between the quotes, for example read_table('my-work/portfolio.csv', ...)",
                    None,
                )
            path = Path(raw.strip()).expanduser()
            shown = name or path.name or raw
            _path_errors(path, shown)
            ext = path.suffix.lower()
            if ext not in SUPPORTED_EXTENSIONS:
                raise _unsupported(ext, shown)
            try:
                size = path.stat().st_size
                if size > MAX_BYTES:
                    raise _err(
                        f"This file is {size / 1e6:.0f} MB, too large for the course tools "
                        f"(the limit is {MAX_BYTES / 1e6:.0f} MB)",
                        f"Keep only the rows and columns the {spec.name} needs, save it as a new file, "
                        "and load that",
                        shown,
                    )
                data = path.read_bytes()
            except PermissionError:
                raise _err(
                    "Python is not allowed to open this file",
                    "Close the file in Excel if it is open, check that you may read it, and try again; "
                    "or save a copy in your my-work folder and load the copy",
                    shown,
                ) from None
            except OSError as exc:
                raise _err(
                    f"The file could not be opened: {exc.strerror or exc}",
                    "Check that the file is fully downloaded or synced (not a cloud placeholder), "
                    "copy it into your my-work folder, and load the copy",
                    shown,
                ) from None
        else:
            raise _err(
                f"read_table needs a file name or a table, but it was given {type(source).__name__}",
                "Pass the path of your file in quotes, for example read_table('my-work/portfolio.csv', ...)",
                name,
            )
        return _read_bytes(data, shown, spec, ext, sheet)
    except MissionkitInputError:
        raise
    except RecursionError:
        raise
    except Exception as exc:  # last resort: say concretely which file and why
        raise UnreadableTableError(
            f"The {spec.name} {'table' if shown is None else repr(shown)} could not be read: "
            f"the reader stopped with '{type(exc).__name__}: {_show(str(exc), 120)}'",
            fix=(
                "Open the file in Excel, check that row 1 holds the column names and each row below one "
                "item, save it again as 'CSV UTF-8 (.csv)' or .xlsx, and load it again. If this keeps "
                "happening, show this message to the course team"
            ),
            file=shown,
        ) from exc


def _read_bytes(data: bytes, file: str, spec: TableSpec, ext: str, sheet: str | None) -> pd.DataFrame:
    if len(data) == 0:
        raise _err(
            "The file is empty (0 bytes)",
            f"Check that you picked the right file and that it finished saving or downloading. "
            f"The {spec.name} needs column names in row 1 ({', '.join(spec.required)}) and one item per row",
            file,
        )
    if ext and ext not in SUPPORTED_EXTENSIONS:
        raise _unsupported(ext, file)
    if ext in EXCEL_EXTENSIONS:
        if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            grid = _read_xlsx_grid(data, file, spec, sheet)
            return _build(grid, spec)
        _check_binary_signature(data, file)
        # an .xlsx that is really text (a renamed CSV): read it as text
        grid = _read_text_grid(data, file, spec)
        return _build(grid, spec)
    kind = _check_binary_signature(data, file)
    if kind == "xlsx":  # an Excel workbook saved under a .csv name
        grid = _read_xlsx_grid(data, file, spec, sheet)
    else:
        grid = _read_text_grid(data, file, spec)
    return _build(grid, spec)


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


def _example(col: Column, i: int = 0) -> Any:
    if col.example is not None:
        if not (col.unique and i):
            return col.example
        text = str(col.example)
        m = re.search(r"(\d+)$", text)
        if m:  # P-001 -> P-002
            return text[: m.start()] + str(int(m[1]) + i).zfill(len(m[1]))
        return f"{text}-{i + 1}"
    if col.kind == "text":
        return f"{col.name.upper()[:3]}-{i + 1:03d}" if col.unique else f"example {col.name.replace('_', ' ')}"
    if col.kind == "choice":
        return col.choices[i % len(col.choices)]
    if col.kind == "yesno":
        return "yes"
    if col.kind == "year":
        return int(min(max(2026, col.min), col.max))
    lo = col.min if col.min is not None else 0
    value = max(lo, 10 + i)
    if col.max is not None:
        value = min(value, col.max)
    return int(value) if col.kind == "integer" or float(value).is_integer() else value


def template_frame(spec: TableSpec, rows: int = 1) -> pd.DataFrame:
    """A DataFrame with the spec's columns and ``rows`` example rows (strings as typed)."""
    data = {c.name: [_example(c, i) for i in range(rows)] for c in spec.columns}
    return pd.DataFrame(data)


def template_csv(spec: TableSpec, rows: int = 1) -> str:
    """CSV text (UTF-8, comma-separated) with the header and ``rows`` example rows.

    The book offers it for download; ``read_table`` loads it unchanged.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c.name for c in spec.columns])
    for i in range(rows):
        writer.writerow([_example(c, i) for c in spec.columns])
    return buf.getvalue()


TEMPLATE_CSV = template_csv  # the name used in the course plan
