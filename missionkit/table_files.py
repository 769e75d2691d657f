"""Opening a participant's file and reading it into a grid of raw cells.

Path checks (folders, misspelt names, unsupported extensions, devices and pipes), size limits (bytes,
rows, columns, a workbook's declared and unzipped size), files that are not tables at all (images,
Word documents, damaged workbooks), encodings (UTF-8, BOM, UTF-16, cp1252, Latin-1, and Shift-JIS or
GB18030 from Japanese or Chinese Excel), CSV delimiters (sniffed, or Excel's ``sep=`` line), the
header row, and Excel sheets.
The result is a :class:`Grid`; :mod:`missionkit.tables` checks it against the spec.
"""
from __future__ import annotations

import codecs
import csv
import difflib
import io
import os
import re
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.table_spec import ZERO_WIDTH, TableSpec, as_text, header_key, header_keys, show, with_article

__all__ = [
    "TEXT_EXTENSIONS",
    "EXCEL_EXTENSIONS",
    "SUPPORTED_EXTENSIONS",
    "SUPPORTED_TEXT",
    "MAX_BYTES",
    "MAX_ROWS",
    "MAX_COLUMNS",
    "MAX_EXPANDED_BYTES",
    "TEMPLATE_FIX",
    "Grid",
    "input_error",
    "header_position",
    "frame_grid",
    "read_path",
    "read_grid",
]


TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
EXCEL_EXTENSIONS = (".xlsx", ".xlsm")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + EXCEL_EXTENSIONS
SUPPORTED_TEXT = "CSV (.csv) or Excel (.xlsx)"
# Limits that keep one participant's file from exhausting a kernel on a shared hub (1 GiB a person):
# a file over them is refused in well under 2 s, before pandas or openpyxl expand it (the book's
# "Bring your own data" section states them; tests/test_hostile_files.py checks time and memory).
MAX_BYTES = 20 * 1024 * 1024  # the file on disk
MAX_ROWS = 100_000  # rows of one table
MAX_COLUMNS = 200  # columns of one table
MAX_EXPANDED_BYTES = 100 * 1024 * 1024  # an Excel workbook's sheets, unzipped

TEMPLATE_FIX = "start from the template for this table"
_SAVE_AS_FIX = (
    "Open it in Excel or LibreOffice and use File > Save As to save it as "
    "'Excel Workbook (.xlsx)' or 'CSV UTF-8 (.csv)', then load that file"
)


# ---------------------------------------------------------------------------
# Reading files into a grid of raw cells
# ---------------------------------------------------------------------------


@dataclass
class Grid:
    """A file's raw cells by spreadsheet row, and how the file was read."""

    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells)
    file: str | None
    meta: dict
    origin: str  # "csv", "xlsx" or "frame"
    delimiter: str | None = None
    letters: bool = True  # column letters mean something (spreadsheet files)
    where_sheet: str = ""  # " on sheet 'X'" when it helps


def input_error(problem: str, fix: str, file: str | None, row: int | None = None, column: str | None = None):
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
    return input_error(
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
        raise input_error(
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
            raise input_error(f"This file is {what}, a format this course cannot read", _SAVE_AS_FIX, file)
        if kind == "broken":
            raise input_error(
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


def _is_cjk(ch: str) -> bool:
    return ("\u3000" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff60"
            or "\u3400" <= ch <= "\u4dbf")


def _cjk_encoding(data: bytes) -> str | None:
    """'shift_jis' or 'gb18030' for a Japanese or Chinese table saved by Excel in a local encoding.

    A decoding counts only if it gives at least 8 Chinese or Japanese characters standing in words (two
    or more side by side) and they make most of the non-ASCII text, so a European file in cp1252
    (accented letters, rarely side by side) is never read as Chinese; Japanese text is recognised by its
    hiragana, Chinese by its ideographs."""
    if sum(1 for b in data if b >= 0x80) < 16:
        return None
    for enc in ("shift_jis", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        wide = sum(1 for ch in text if ord(ch) > 127)
        in_words, run = 0, 0
        for ch in text + "\n":
            if _is_cjk(ch):
                run += 1
                continue
            in_words += run if run >= 2 else 0
            run = 0
        if in_words >= 8 and in_words / wide >= 0.8 and (
                enc == "gb18030" or any("\u3040" <= ch <= "\u309f" for ch in text)):
            return enc
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
    cjk = _cjk_encoding(data)
    if cjk:
        return data.decode(cjk), cjk
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


def _csv_records(text: str, delim: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"', skipinitialspace=True)
    return [row for row in reader]


def _matches(cells: Iterable[Any], spec: TableSpec) -> int:
    found = set()
    for c in cells:
        t = as_text(c)
        if t is None:
            continue
        for key in header_keys(t):
            col = spec.column_for(key)
            if col is not None:
                found.add(col.name)
                break
    return len(found)


def header_position(records: Sequence[Sequence[Any]], spec: TableSpec) -> tuple[int | None, int]:
    """Index of the header among the first non-blank records, and its spec matches."""
    nonblank = [i for i, r in enumerate(records[:60]) if any(as_text(c) for c in r)]
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
        pos, matches = header_position(records, spec)
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


def _read_text_grid(data: bytes, file: str | None, spec: TableSpec) -> Grid:
    text, encoding = _decode(data)
    if _binary_text(text):
        raise input_error(
            "This file is not a table: it holds binary data (like a picture, a program, or a "
            "document saved in another format), not text",
            "Check you picked the right file. Load the spreadsheet itself: in Excel use File > Save As > "
            "'CSV UTF-8 (.csv)' or 'Excel Workbook (.xlsx)', then load that file",
            file,
        )
    body = text.strip(" \t\r\n\x0c;,|" + ZERO_WIDTH)
    if not body:
        raise input_error(
            "The file is empty: it has no column names and no data",
            f"Check that you picked the right file. The first row should hold the column names "
            f"({', '.join(spec.required)}) and each row below one item; {TEMPLATE_FIX}",
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
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    if first_line.count(delim) + 1 > MAX_COLUMNS:
        raise _too_large(f"This file has {first_line.count(delim) + 1:,} columns", spec, file)
    try:
        records = _csv_records(text, delim)
    except csv.Error as exc:
        raise input_error(
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
        if ((width < 2 and len(spec.required) >= 2) or (consistency < 0.6 and len(sample) >= 3)
                or _looks_like_prose(sample)):
            raise input_error(
                f"This file does not look like a table: it holds ordinary text with no columns "
                f"(it starts: '{show(first, 60)}')",
                f"Check you picked the right file. {with_article(spec.name).capitalize()} table has the column names "
                f"({', '.join(spec.required)}) in its first row and one item per row below, with commas or "
                f"semicolons between the columns; {TEMPLATE_FIX}",
                file,
            )
    _check_unclosed_quote(text, records, delim, file)
    rows = [(i + 1, list(r)) for i, r in enumerate(records)]
    return Grid(rows=rows, file=file, meta=meta, origin="csv", delimiter=delim)


def _check_unclosed_quote(text: str, records: list[list[str]], delim: str, file: str | None) -> None:
    """An opening quote that never closes swallows the rest of the file into the last row."""
    if text.count('"') % 2 == 0 or not records:
        return
    for cell in records[-1]:
        lines = cell.splitlines()
        if len(lines) >= 2 and any(delim in line for line in lines[1:]):
            n = len(records)
            raise input_error(
                f"A quotation mark in row {n} opens a cell that never closes, so the rows "
                "below it were read as one long cell",
                'Open the file in a text editor or Excel, find the cell that starts with a " in that '
                'row, and either delete the " or add the closing ", then load again',
                file,
                row=n,
            )


def _read_xlsx_grid(data: bytes, file: str | None, spec: TableSpec, sheet: str | None) -> Grid:
    kind = _zip_kind(data)
    if kind != "xlsx":
        _check_binary_signature(data, file)  # raises the right message for zips
        raise input_error(
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
        raise input_error(
            f"This Excel workbook is damaged and could not be opened ({type(exc).__name__}: "
            f"{show(str(exc), 80)})",
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
                raise input_error(
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
                pos, score = header_position([r for _, r in rows], spec)
                grids.append((ws.title, rows, score))
                if sheet is None and score >= max(1, len(spec.required)):
                    break
        if not grids:
            if sheet is not None:
                raise input_error(
                    f"Sheet '{candidates[0].title}' of this workbook is empty",
                    f"Put the {spec.name} on that sheet (column names in row 1, one item per row), "
                    "or name the sheet that holds it",
                    file,
                )
            raise input_error(
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
    return Grid(rows=rows, file=file, meta=meta, origin="xlsx", where_sheet=where)


def _sheet_rows(ws) -> list[tuple[int, list[Any]]]:
    rows: list[tuple[int, list[Any]]] = []
    blank_run = 0
    bounded = ws.iter_rows(max_row=min(ws.max_row or 0, MAX_ROWS + 5001), max_col=min(ws.max_column or 0, MAX_COLUMNS),
                           values_only=True)  # a sheet that declares no size must not be walked to XFD1048576
    for i, values in enumerate(bounded, start=1):
        cells = list(values)
        if any(as_text(c) is not None for c in cells):
            rows.append((i, cells))
            blank_run = 0
        else:
            blank_run += 1
            if blank_run > 5000 and rows:
                break
    return rows


def frame_grid(df: pd.DataFrame, file: str | None) -> Grid:
    """A DataFrame as a grid: its column names are row 1, its rows keep a ``row`` index if it has one."""
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
    return Grid(rows=rows, file=file, meta={}, origin="frame", letters=False)


# ---------------------------------------------------------------------------
# Paths, extensions and bytes
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
    return input_error(
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
        raise input_error(
            f"'{shown}' is a folder, not a file.{hint}",
            "Give the path to a file inside it, for example "
            f"'{Path(shown) / (inside[0] if inside else 'portfolio.csv')}'",
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
        raise input_error(
            f"There is no file called '{path.name}' {where}.{hint}",
            "Check the spelling of the file name and its folder. Paths are counted from the folder this "
            f"notebook runs in ({Path.cwd()}); upload or copy the file there, or give its full path",
            shown,
        )


def _too_large(problem: str, spec: TableSpec, file: str | None) -> MissionkitInputError:
    return input_error(
        f"{problem}: too large for the course tools, which read tables of up to {MAX_ROWS:,} rows and "
        f"{MAX_COLUMNS} columns",
        f"Keep only the rows and columns the {spec.name} needs (copy them into a new sheet or file), save it, "
        "and load that",
        file,
    )


def _check_text_rows(data: bytes, file: str | None, spec: TableSpec) -> None:
    """Refuse a text table with too many lines before it is parsed (counting bytes costs no memory)."""
    lines = data.count(b"\n") or data.count(b"\r")
    if lines > MAX_ROWS + 1:
        raise _too_large(f"This file has {lines:,} lines", spec, file)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _check_workbook_size(data: bytes, file: str | None, spec: TableSpec) -> None:
    """Refuse an Excel workbook too large to open, from its zip directory and its sheets' declared size,
    before openpyxl expands it: a small file can declare a million rows, or unzip to gigabytes."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        parts = [i for i in zf.infolist() if i.filename.startswith("xl/worksheets/") or
                 i.filename == "xl/sharedStrings.xml"]
        expanded = sum(i.file_size for i in parts)
        if expanded > MAX_EXPANDED_BYTES:
            raise _too_large(f"This workbook unzips to {expanded / 2**20:,.0f} MB of sheets (the limit is "
                             f"{MAX_EXPANDED_BYTES / 2**20:.0f} MB)", spec, file)
        for part in parts:
            if not part.filename.endswith(".xml") or part.filename == "xl/sharedStrings.xml":
                continue
            with zf.open(part) as sheet:
                head = sheet.read(4096)
            m = _DIMENSION.search(head)
            if not m:
                continue
            last_col, last_row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
            rows, cols = int(last_row), _column_number(last_col)
            if rows > MAX_ROWS + 1 or cols > MAX_COLUMNS:
                raise _too_large(
                    f"A sheet of this workbook reaches cell {last_col.decode()}{int(last_row):,} "
                    f"({rows:,} rows, {cols:,} columns; often a cell far below or right of the table was "
                    "typed in or formatted)", spec, file)
    except zipfile.BadZipFile:
        return  # a damaged workbook: the reader explains it


def read_path(path: Path, shown: str, spec: TableSpec) -> tuple[bytes, str]:
    """The bytes of the file at ``path`` and its extension, after the folder, name and size checks."""
    _path_errors(path, shown)
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise _unsupported(ext, shown)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a device or a pipe would be read until memory runs out, or hang
            raise input_error(
                f"'{shown}' is not an ordinary file (it is a device, a pipe or a socket), so it cannot be read "
                "as a table",
                "Give the path to a CSV or Excel file saved on disk",
                shown,
            )
        if info.st_size > MAX_BYTES:
            raise _too_large(f"This file is {info.st_size / 2**20:.0f} MB (the limit is {MAX_BYTES / 2**20:.0f} MB)",
                             spec, shown)
        data = path.read_bytes()
    except PermissionError:
        raise input_error(
            "Python is not allowed to open this file",
            "Close the file in Excel if it is open, check that you may read it, and try again; "
            "or save a copy in your my-work folder and load the copy",
            shown,
        ) from None
    except OSError as exc:
        raise input_error(
            f"The file could not be opened: {exc.strerror or exc}",
            "Check that the file is fully downloaded or synced (not a cloud placeholder), "
            "copy it into your my-work folder, and load the copy",
            shown,
        ) from None
    return data, ext


def read_grid(data: bytes, file: str, spec: TableSpec, ext: str, sheet: str | None) -> Grid:
    """The raw cells of a file's bytes: an Excel workbook or a text table, whatever its extension says."""
    if len(data) == 0:
        raise input_error(
            "The file is empty (0 bytes)",
            f"Check that you picked the right file and that it finished saving or downloading. "
            f"The {spec.name} needs column names in row 1 ({', '.join(spec.required)}) and one item per row",
            file,
        )
    if ext and ext not in SUPPORTED_EXTENSIONS:
        raise _unsupported(ext, file)
    if len(data) > MAX_BYTES:
        raise _too_large(f"This file is {len(data) / 2**20:.0f} MB (the limit is {MAX_BYTES / 2**20:.0f} MB)",
                         spec, file)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        _check_workbook_size(data, file, spec)
    else:
        _check_text_rows(data, file, spec)
    if ext in EXCEL_EXTENSIONS:
        if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            return _read_xlsx_grid(data, file, spec, sheet)
        _check_binary_signature(data, file)
        # an .xlsx that is really text (a renamed CSV): read it as text
        return _read_text_grid(data, file, spec)
    kind = _check_binary_signature(data, file)
    if kind == "xlsx":  # an Excel workbook saved under a .csv name
        return _read_xlsx_grid(data, file, spec, sheet)
    return _read_text_grid(data, file, spec)
