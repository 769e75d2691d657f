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

import csv
import difflib
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.table_cells import CellIssue, coerce_column, column_decimal
from missionkit.table_files import (
    SUPPORTED_EXTENSIONS,
    TEMPLATE_FIX,
    Grid,
    frame_grid,
    header_position,
    input_error,
    read_grid,
    read_path,
)
from missionkit.table_spec import KINDS, Column, TableSpec, as_text, header_key, header_keys, show, with_article

# Column, TableSpec, header_key, KINDS and SUPPORTED_EXTENSIONS are re-exported from the lower files:
# callers import them from here (from missionkit.tables import Column, TableSpec, read_table).
__all__ = [
    "Column",
    "TableSpec",
    "read_table",
    "template_csv",
    "template_frame",
    "UnreadableTableError",
    "KINDS",
    "SUPPORTED_EXTENSIONS",
    "header_key",
]


class UnreadableTableError(MissionkitInputError):
    """Raised only when the reader meets a failure it has no specific message for.

    It is still a MissionkitInputError (participants see a plain message); the
    tests assert that no input they generate ever reaches it.
    """


# ---------------------------------------------------------------------------
# From a grid to a checked DataFrame
# ---------------------------------------------------------------------------


def _rows_list(rows: Sequence[int], limit: int = 5) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _map_columns(header: list[Any], spec: TableSpec, grid: Grid, header_row: int):
    """Return {spec column name: position}, extras [(position, name)]; raise on missing/duplicates."""
    texts = [as_text(h) for h in header]
    assigned: dict[str, int] = {}
    used: set[int] = set()
    exact = {header_key(c.name): c for c in spec.columns}
    # pass 1: exact canonical names; pass 2: synonyms and names with a unit in brackets
    for pass_no in (1, 2):
        for i, t in enumerate(texts):
            if t is None or i in used:
                continue
            keys = [header_key(t)] if pass_no == 1 else header_keys(t)
            for key in keys:
                col = exact.get(key) if pass_no == 1 else spec.column_for(key)
                if col is None:
                    continue
                if col.name in assigned:  # two columns for one: refuse rather than pick one silently
                    j = assigned[col.name]
                    where = (
                        f"columns {_col_letter(j)} and {_col_letter(i)}" if grid.letters
                        else f"columns {j + 1} and {i + 1}"
                    )
                    called = "called" if pass_no == 1 else "that could be"
                    raise input_error(
                        f"Your {spec.name} has two columns {called} '{col.name}' ({where}: "
                        f"'{show(texts[j])}' and '{show(t)}'){grid.where_sheet}",
                        "Keep one of them: delete the other column or give it a different name, "
                        "then load again",
                        grid.file,
                        row=header_row,
                        column=col.name,
                    )
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


def _missing_error(missing, texts, used, spec: TableSpec, grid: Grid, header_row: int):
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
    if close is None and not any(spec.column_for(header_key(t)) for t in file_cols):
        # nothing in this row is a column we know: explain what the first row should be
        looks_like_data = sum(1 for t in file_cols if re.fullmatch(r"[-+]?[\d.,\s]+", t)) >= 1
        shown = ", ".join(f"'{show(t, 25)}'" for t in file_cols[:6]) + (", …" if len(file_cols) > 6 else "")
        if looks_like_data:
            problem = (
                f"The first row of your {spec.name}{sheet} holds data ({shown}), not column names; "
                f"the {spec.name} needs columns {', '.join(repr(c.name) for c in missing)}"
            )
            fix = (
                f"Insert a new first row with the column names: {', '.join(spec.required)}; "
                f"or {TEMPLATE_FIX}"
            )
        else:
            problem = (
                f"None of the columns {with_article(spec.name)} needs were found{sheet}: it needs "
                f"{', '.join(repr(c.name) for c in missing)}, and the column names in row {header_row} are "
                f"{shown}"
            )
            fix = (
                f"Check you picked the right file (or sheet). Row 1 must hold the column names: "
                f"{', '.join(c.name for c in spec.columns)}; {TEMPLATE_FIX}"
            )
        return input_error(problem, fix, grid.file, row=header_row, column=first.name)
    desc = f" ({first.description})" if first.description else ""
    if close is not None:
        problem = (
            f"Your {spec.name}{sheet} has no column '{first.name}'. "
            f"Did you mean '{first.name}'? Your file has '{show(close)}'.{also}"
        )
        fix = (
            f"Rename the column '{show(close)}' to '{first.name}' in the header row (row {header_row}), "
            "save, and load again"
        )
    else:
        shown = ", ".join(f"'{show(t, 25)}'" for t in file_cols[:12]) + (", …" if len(file_cols) > 12 else "")
        problem = (
            f"Your {spec.name}{sheet} has no column '{first.name}'{desc}.{also} "
            f"The columns in your file are: {shown}"
        )
        fix = (
            f"Add a column named '{first.name}' ({first.rule}) to the header row (row {header_row}) "
            f"and fill it in; the {spec.name} needs: {', '.join(spec.required)}"
        )
    return input_error(problem, fix, grid.file, row=header_row, column=first.name)


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


def _build(grid: Grid, spec: TableSpec) -> pd.DataFrame:
    file = grid.file
    records = [cells for _, cells in grid.rows]
    pos, _ = header_position(records, spec)
    if pos is None:
        raise input_error(
            f"The {'table' if grid.origin == 'frame' else 'file'} is empty: it has no column names and no data",
            f"The first row should hold the column names ({', '.join(spec.required)}) and each row below "
            f"one item; {TEMPLATE_FIX}",
            file,
        )
    header_row, header = grid.rows[pos]
    assigned, extras = _map_columns(header, spec, grid, header_row)
    width = len(header)
    body = [(n, cells) for n, cells in grid.rows[pos + 1:] if any(as_text(c) is not None for c in cells)]
    if not body:
        raise input_error(
            f"Your {spec.name}{grid.where_sheet} has column names in row {header_row} but no rows of data below them",
            f"Add at least one row under the column names (one {spec.name} item per row), save, and load again",
            file,
            row=header_row,
        )
    issues: list[CellIssue] = []
    if grid.origin == "csv":
        wide = [n for n, cells in body if len(cells) > width and any(as_text(c) for c in cells[width:])]
        if wide:
            n0 = wide[0]
            cells0 = next(c for n, c in body if n == n0)
            decimal_hint = ""
            if grid.delimiter == "," and any(re.fullmatch(r"\d+", as_text(c) or "x") for c in cells0):
                decimal_hint = (
                    " This often happens when numbers use a comma as the decimal mark (12,5) in a file "
                    "whose columns are also separated by commas."
                )
            more = ""
            if len(wide) > 1:
                more = (f" {_plural(len(wide) - 1, 'other row')} {'has' if len(wide) == 2 else 'have'} the same "
                        f"problem (row{'s' if len(wide) > 2 else ''} {_rows_list(wide[1:])}).")
            raise input_error(
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
    hdr_text = {i: as_text(h) for i, h in enumerate(header)}
    for ci, col in enumerate(spec.columns):
        if col.name not in assigned:
            columns[col.name] = _empty_series(col, index)
            continue
        i = assigned[col.name]
        cells = [(n, cells[i] if i < len(cells) else None) for n, cells in body]
        own = hdr_text[i]
        same_name = header_key(own or "") == header_key(col.name) and (own or "").strip() == col.name
        label = f"'{col.name}'" if same_name else f"'{col.name}' (headed '{show(own)}' in your file)"
        dec = column_decimal((c for _, c in cells), default_dec) if col.kind in ("number", "integer") else "."
        values = coerce_column(col, cells, dec, issues, ci, label)
        if col.unique:
            _check_unique(col, [n for n, _ in cells], values, issues, ci, label)
        columns[col.name] = _typed(col, values, index)
    if issues:
        raise _issue_error(issues, spec, grid)
    if spec.keep_extra:
        for i, name, unnamed in extras:
            vals = [as_text(cells[i]) if i < len(cells) else None for _, cells in body]
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
            issues.append(CellIssue(
                n, ci, col.name,
                f"The {col.name} '{show(v)}' appears twice in column {label}: in row {first_seen[key]} "
                f"and in row {n}. Each {col.name} must be unique",
                f"Give each row its own {col.name} (for example add a number), or delete row {n} if it is "
                "the same item entered twice",
                "duplicate",
            ))
        else:
            first_seen[key] = n


def _issue_error(issues: list[CellIssue], spec: TableSpec, grid: Grid) -> MissionkitInputError:
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
    return input_error(problem, fix, grid.file, row=first.row, column=first.column)


# ---------------------------------------------------------------------------
# The public entry point
# ---------------------------------------------------------------------------


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
            grid = frame_grid(source, name)
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
                raise input_error(
                    "No file name was given",
                    "Put the file name between the quotes, for example read_table('my-work/portfolio.csv', ...)",
                    None,
                )
            path = Path(raw.strip()).expanduser()
            shown = name or path.name or raw
            data, ext = read_path(path, shown, spec)
        else:
            raise input_error(
                f"read_table needs a file name or a table, but it was given {type(source).__name__}",
                "Pass the path of your file in quotes, for example read_table('my-work/portfolio.csv', ...)",
                name,
            )
        return _build(read_grid(data, shown, spec, ext, sheet), spec)
    except MissionkitInputError:
        raise
    except RecursionError:
        raise
    except Exception as exc:  # last resort: say concretely which file and why
        raise UnreadableTableError(
            f"The {spec.name} {'table' if shown is None else repr(shown)} could not be read: "
            f"the reader stopped with '{type(exc).__name__}: {show(str(exc), 120)}'",
            fix=(
                "Open the file in Excel, check that row 1 holds the column names and each row below one "
                "item, save it again as 'CSV UTF-8 (.csv)' or .xlsx, and load it again. If this keeps "
                "happening, show this message to the course team"
            ),
            file=shown,
        ) from exc


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
        assert col.min is not None and col.max is not None  # Column.__post_init__ sets both for a year
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
