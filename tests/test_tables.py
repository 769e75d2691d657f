"""Tests for missionkit.tables: reading participants' own spreadsheets.

- A table of bad example files (tests/bad_inputs/expected.csv) checked row by
  row: each must raise MissionkitInputError naming the file, row and column,
  with the expected words and a fix; the good files listed there must load.
- Good files in every encoding, delimiter and format load to identical frames.
- Property tests (hypothesis): any generated file either loads with the spec's
  columns or raises a plain MissionkitInputError with a fix; valid tables
  written in any format round-trip to the same values.

Example count: MISSIONKIT_HYPOTHESIS_EXAMPLES (default 200);
benchmarks/bench_loaders.py runs the generator for 1,000+.
"""
from __future__ import annotations

import atexit
import csv
import io
import math
import os
import shutil
import tempfile
from pathlib import Path

import make_bad_inputs
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from missionkit import tables as T
from missionkit.errors import MissionkitInputError
from missionkit.table_cells import BadCell, parse_number_text
from missionkit.tables import (
    Column,
    TableSpec,
    UnreadableTableError,
    read_table,
    template_csv,
    template_frame,
)

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_inputs"

EXAMPLES = int(os.environ.get("MISSIONKIT_HYPOTHESIS_EXAMPLES", "200"))

OBJECTIVES = ("O1", "O2", "O3", "O4", "O5")
INSTRUMENTS = ("analysis", "grant", "loan", "equity", "regulation", "procurement", "fiscal", "information")

# An example spec like the running case's project portfolio (FICTIONAL case, brief §9.3 D2).
PORTFOLIO = TableSpec(
    "portfolio",
    (
        Column("project_id", unique=True, synonyms=("id", "project id", "project no", "code"),
               description="a short unique code", example="P-001"),
        Column("title", synonyms=("project", "name", "project title")),
        Column("objective", "choice", choices=OBJECTIVES, synonyms=("objective id",)),
        Column("instrument", "choice", choices=INSTRUMENTS, synonyms=("instrument type", "type")),
        Column("budget", "number", min=0, description="MRC m", synonyms=("amount", "cost")),
        Column("start_year", "year", synonyms=("start", "year")),
        Column("lead", required=False),
        Column("is_new", "yesno", required=False, synonyms=("new",)),
    ),
)

# An example spec like the indicator framework (brief §9.3 D3): one indicator may lack a baseline.
INDICATORS = TableSpec(
    "indicator list",
    (
        Column("indicator_id", unique=True, synonyms=("id",)),
        Column("name"),
        Column("level", "choice", choices=("input", "output", "outcome", "impact")),
        Column("unit"),
        Column("baseline", "number", blank_ok=True),
        Column("baseline_year", "year", blank_ok=True),
        Column("target_2035", "number"),
        Column("reporting_lag_years", "integer", min=0, max=10, required=False),
    ),
)


def spec_for(file_name: str) -> TableSpec:
    return INDICATORS if file_name.startswith("ind_") else PORTFOLIO


def _load_cases() -> list[dict]:
    with open(BAD / "expected.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


CASES = _load_cases()
BAD_CASES = [c for c in CASES if c["expected_fragment"] != "(loads)"]
GOOD_CASES = [c for c in CASES if c["expected_fragment"] == "(loads)"]


# ---------------------------------------------------------------------------
# The table of bad inputs
# ---------------------------------------------------------------------------


def test_expected_table_covers_every_example_file():
    listed = {c["file"] for c in CASES}
    on_disk = {p.name for p in BAD.iterdir() if p.name not in ("expected.csv", "make_bad_inputs.py", "__pycache__")}
    assert on_disk - listed == set(), "files in tests/bad_inputs/ missing from expected.csv"
    assert listed - on_disk == {"does_not_exist.csv"}
    assert len(BAD_CASES) >= 18
    assert list(CASES[0]) == ["file", "expected_row", "expected_column", "expected_fragment"]


def test_example_files_are_reproducible(tmp_path):
    """The committed files are exactly what make_bad_inputs.py writes (xlsx included)."""
    make_bad_inputs.write(tmp_path)
    for name, body in make_bad_inputs.build().items():
        if body is None:
            assert (BAD / name).is_dir()
        else:
            assert (BAD / name).read_bytes() == (tmp_path / name).read_bytes(), name
    # a second build gives the same bytes (no timestamps)
    again = make_bad_inputs.build()
    assert again["good.xlsx"] == (tmp_path / "good.xlsx").read_bytes()


@pytest.mark.parametrize("case", BAD_CASES, ids=[c["file"] for c in BAD_CASES])
def test_bad_input_gives_plain_message(case):
    with pytest.raises(MissionkitInputError) as info:
        read_table(BAD / case["file"], spec_for(case["file"]))
    err = info.value
    assert type(err) is MissionkitInputError, "fell through to the last-resort handler"
    assert err.file == case["file"]
    assert err.row == (int(case["expected_row"]) if case["expected_row"] else None)
    assert err.column == (case["expected_column"] or None)
    message = str(err)
    assert case["expected_fragment"] in message
    assert "fix" in message.lower()
    assert err.fix and len(err.fix) > 20
    assert "something went wrong" not in message.lower()
    assert "Traceback" not in message and "Error:" not in message


@pytest.mark.parametrize("case", GOOD_CASES, ids=[c["file"] for c in GOOD_CASES])
def test_listed_good_file_loads(case):
    spec = spec_for(case["file"])
    df = read_table(BAD / case["file"], spec)
    assert list(df.columns[: len(spec.columns)]) == list(spec.names)
    assert len(df) >= 3


# ---------------------------------------------------------------------------
# Good files: every encoding, delimiter and format gives the same table
# ---------------------------------------------------------------------------


def _expected(titles) -> pd.DataFrame:
    rows = make_bad_inputs.GOOD_ROWS
    index = pd.Index([2, 3, 4, 5], name="row")
    return pd.DataFrame(
        {
            "project_id": pd.Series([r[0] for r in rows], dtype="str", index=index),
            "title": pd.Series(titles, dtype="str", index=index),
            "objective": pd.Series([r[2] for r in rows], dtype="str", index=index),
            "instrument": pd.Series([r[3] for r in rows], dtype="str", index=index),
            "budget": pd.Series([1234.5, 12.5, 0.75, 3.0], dtype="float64", index=index),
            "start_year": pd.Series(pd.array([2025, 2026, 2025, 2027], dtype="Int64"), index=index),
            "lead": pd.Series([None] * 4, dtype="str", index=index),
            "is_new": pd.Series(pd.array([None] * 4, dtype="boolean"), index=index),
        },
        index=index,
    )


PLAIN = [
    "good_utf8.csv",
    "good_utf8_bom.csv",
    "good_semicolon_decimal_comma.csv",
    "good.xlsx",
    "good_fr_thousands.csv",
    "good_es_thousands.csv",
    "good_xlsx_named_csv.csv",
    "good_second_sheet.xlsx",
]


@pytest.mark.parametrize("name", PLAIN)
def test_good_files_load_to_identical_frames(name):
    df = read_table(BAD / name, PORTFOLIO)
    expected = _expected([r[1] for r in make_bad_inputs.GOOD_ROWS])
    pd.testing.assert_frame_equal(df, expected)


@pytest.mark.parametrize("name", ["good_accents_cp1252.csv", "good_accents_latin1.csv", "good_accents_utf8_bom.csv"])
def test_accented_files_load_in_any_encoding(name):
    df = read_table(BAD / name, PORTFOLIO)
    titles = [r[1] for r in make_bad_inputs.ACCENTED_ROWS]
    if name.endswith("latin1.csv"):  # Latin-1 has no curly quotes or en dash
        titles = [t.replace("–", "-").replace("“", '"').replace("”", '"') for t in titles]
    pd.testing.assert_frame_equal(df, _expected(titles))
    assert df.attrs["source"]["encoding"] == {
        "good_accents_cp1252.csv": "cp1252",
        "good_accents_latin1.csv": "cp1252",  # no 0x80-0x9F bytes: cp1252 and Latin-1 agree
        "good_accents_utf8_bom.csv": "utf-8-sig",
    }[name]


def test_decimal_comma_file_gives_exact_floats():
    df = read_table(BAD / "good_semicolon_decimal_comma.csv", PORTFOLIO)
    assert df["budget"].tolist() == [1234.5, 12.5, 0.75, 3.0]
    assert df.attrs["source"]["delimiter"] == ";"
    assert df.attrs["source"]["decimal"] == ","


def test_messy_headers_title_rows_and_sep_line():
    df = read_table(BAD / "good_messy_headers.csv", PORTFOLIO)
    expected = _expected([r[1] for r in make_bad_inputs.GOOD_ROWS])
    pd.testing.assert_frame_equal(df.reset_index(drop=True), expected.reset_index(drop=True))
    assert df.index.tolist() == [4, 5, 6, 7]  # sep= line hidden; title row 1, blank row 2, header row 3
    assert df.attrs["source"]["header_row"] == 3


def test_second_sheet_is_found_when_first_is_a_cover_sheet():
    df = read_table(BAD / "good_second_sheet.xlsx", PORTFOLIO)
    assert df.attrs["source"]["sheet"] == "Portfolio"


def test_named_sheet_and_missing_sheet():
    df = read_table(BAD / "good_second_sheet.xlsx", PORTFOLIO, sheet="portfolio")
    assert len(df) == 4
    with pytest.raises(MissionkitInputError) as info:
        read_table(BAD / "good_second_sheet.xlsx", PORTFOLIO, sheet="Portfolo")
    assert "Did you mean 'Portfolio'?" in str(info.value)
    with pytest.raises(MissionkitInputError) as info:
        read_table(BAD / "good_second_sheet.xlsx", PORTFOLIO, sheet="Read me")
    assert "no column" in str(info.value) or "None of the columns" in str(info.value)


def test_indicator_list_keeps_blank_baseline():
    df = read_table(BAD / "ind_good.csv", INDICATORS)
    assert df["baseline"].isna().tolist() == [False, False, True]
    assert df["baseline_year"].dtype == "Int64"
    assert df["reporting_lag_years"].tolist() == [1, 1, 2]
    assert df.loc[3, "unit"] == "µg/m³"


def test_extra_and_missing_optional_columns():
    data = "ID;Title;Objective;Type;Amount;Year;Notes\nP1;Bus;o1;Grant;12,5;2026;ok\n"
    df = read_table(data.encode("cp1252"), PORTFOLIO, name="upload.csv")
    assert list(df.columns) == [*PORTFOLIO.names, "Notes"]
    assert df.loc[2, "budget"] == 12.5 and df.loc[2, "instrument"] == "grant"
    assert df["lead"].isna().all() and df["is_new"].dtype == "boolean"


def test_dataframe_source_and_row_numbers():
    frame = pd.DataFrame(
        {"project_id": ["A", "B"], "title": ["x", "y"], "objective": ["O1", "O9"],
         "instrument": ["grant", "loan"], "budget": [1.0, 2.0], "start_year": [2025, 2026]}
    )
    with pytest.raises(MissionkitInputError) as info:
        read_table(frame, PORTFOLIO)
    assert info.value.row == 3 and info.value.column == "objective" and info.value.file is None
    good = read_table(frame.assign(objective=["O1", "O2"]), PORTFOLIO)
    # a frame that read_table produced keeps its spreadsheet row numbers
    again = read_table(good, PORTFOLIO)
    pd.testing.assert_frame_equal(good, again)


def test_yes_no_and_integer_kinds():
    spec = TableSpec("check", (Column("flag", "yesno"), Column("count", "integer", min=0)))
    df = read_table(b"flag,count\nYes,3\nnon,0\nTRUE,1\n", spec, name="t.csv")
    assert df["flag"].tolist() == [True, False, True]
    assert df["count"].dtype == "Int64"
    with pytest.raises(MissionkitInputError) as info:
        read_table(b"flag,count\nmaybe,3\n", spec, name="t.csv")
    assert info.value.row == 2 and "yes or no" in str(info.value)


def test_wrong_source_type_and_blank_name():
    with pytest.raises(MissionkitInputError) as info:
        read_table(None, PORTFOLIO)
    assert "file name or a table" in str(info.value)
    with pytest.raises(MissionkitInputError):
        read_table("   ", PORTFOLIO)


def test_missing_file_suggests_close_name(tmp_path):
    (tmp_path / "portfolio.csv").write_text("x")
    with pytest.raises(MissionkitInputError) as info:
        read_table(tmp_path / "portfolo.csv", PORTFOLIO)
    assert "Did you mean 'portfolio.csv'?" in str(info.value)


@pytest.mark.parametrize(
    "text, dec, value",
    [
        ("1 234,5", ",", 1234.5),
        ("1.234,5", ",", 1234.5),
        ("12,5", ",", 12.5),
        ("1,234.5", ".", 1234.5),
        ("1,234", ".", 1234.0),
        ("1,234", ",", 1.234),
        ("1.234", ",", 1234.0),
        ("1.234", ".", 1.234),
        ("0,125", ".", 0.125),
        ("1\u202f234,50", ",", 1234.5),
        ("1'234.50", ".", 1234.5),
        ("-3", ".", -3.0),
        ("\u22123", ".", -3.0),  # the Unicode minus sign
        ("(1 234)", ".", -1234.0),
        ("1,5E+06", ",", 1.5e6),
        ("1.234.567", ",", 1234567.0),
    ],
)
def test_number_styles(text, dec, value):
    assert parse_number_text(text, dec) == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "12%", "1,2,3", "€12", "12 m", "1e999", "1.2.3,4,5", ",", "--5"])
def test_not_numbers(text):
    with pytest.raises(BadCell):
        parse_number_text(text, ".")


def test_column_decimal_follows_the_other_values():
    # '1.234' is ambiguous; the column's other value '2,5' shows decimal commas
    df = read_table(
        b"project_id;title;objective;instrument;budget;start_year\nA;x;O1;grant;1.234;2025\nB;y;O2;loan;2,5;2026\n"
, PORTFOLIO, name="x.csv")
    assert df["budget"].tolist() == [1234.0, 2.5]
    df = read_table(
        b'project_id,title,objective,instrument,budget,start_year\nA,x,O1,grant,"1,234",2025\nB,y,O2,loan,0.5,2026\n'
, PORTFOLIO, name="x.csv")
    assert df["budget"].tolist() == [1234.0, 0.5]


@pytest.mark.parametrize("spec", [PORTFOLIO, INDICATORS], ids=["portfolio", "indicators"])
def test_templates_load_unchanged(spec):
    text = template_csv(spec, rows=3)
    assert text.splitlines()[0] == ",".join(spec.names)
    assert len(text.splitlines()) == 4
    df = read_table(text.encode("utf-8"), spec, name="template.csv")
    assert list(df.columns) == list(spec.names) and len(df) == 3
    assert len(template_frame(spec, rows=2)) == 2
    assert list(spec.describe()["column"]) == list(spec.names)


def test_spec_rejects_mistakes():
    with pytest.raises(ValueError):
        Column("x", "colour")
    with pytest.raises(ValueError):
        Column("x", "choice")
    with pytest.raises(ValueError):
        TableSpec("t", (Column("id"), Column("code", synonyms=("id",))))


def test_all_messages_tell_how_to_fix():
    for case in BAD_CASES:
        try:
            read_table(BAD / case["file"], spec_for(case["file"]))
        except MissionkitInputError as err:
            assert str(err).count("How to fix it:") == 1
            assert not err.problem.endswith(".") and not err.fix.endswith(".")


# ---------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------

TMP = Path(tempfile.mkdtemp(prefix="missionkit-tables-"))
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]
EXAMPLES_RUN = {"any": 0, "valid": 0}  # read by benchmarks/bench_loaders.py

_TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
)
_SPECIAL = st.sampled_from(
    ["", " ", "n/a", "-", "#DIV/0!", "1 234,5", "1.234,5", "12%", "O1 Access", "grnat", "yes", "NO",
     "2026", "26", "FY2026", "1e400", "(12)", "P-001", "p-001", "\u00a0", '"', '"open', "a;b", "a,b", "x\ny"]
)


def _valid_value(draw, col: Column):
    if col.kind == "choice":
        return draw(st.sampled_from(col.choices))
    if col.kind == "year":
        return draw(st.integers(1950, 2100))
    if col.kind == "integer":
        return draw(st.integers(0, 10))
    if col.kind == "number":
        return draw(st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 2)))
    if col.kind == "yesno":
        return draw(st.sampled_from(["yes", "no"]))
    return draw(st.text(alphabet="abcdefgh éàç-", min_size=1, max_size=10).filter(str.strip))


def _mutate_name(draw, name: str, noise: int) -> str:
    """A header as a participant might type it; noise 0 keeps it recognisable."""
    safe = ["same", "same", "upper", "spaces", "unit"]
    how = draw(st.sampled_from(safe if noise == 0 else safe + ["typo", "random"] * noise))
    if how == "upper":
        return name.upper()
    if how == "spaces":
        return "  " + name.replace("_", " ").title() + " "
    if how == "unit":
        return f"{name} (units)"
    if how == "typo" and len(name) > 2:
        i = draw(st.integers(0, len(name) - 1))
        return name[:i] + name[i + 1:]
    if how == "random":
        return draw(_TEXTS)
    return name


@st.composite
def any_table_file(draw):
    """(spec, kind, payload): kind is 'path' (a file written to disk), 'bytes' or 'frame'.

    Each table gets noise levels for its header, its cells and its bytes: 0 = valid
    (all zero: a valid table in a random format, which should load), 1-3 = more broken.
    """
    spec = draw(st.sampled_from([PORTFOLIO, INDICATORS]))
    ext = draw(st.sampled_from([".csv", ".csv", ".xlsx", ".txt", ".tsv"]))
    noise = draw(st.sampled_from([0, 0, 1, 2, 3]))  # header names
    cell_noise = draw(st.sampled_from([0, 0, 1, 2, 3]))
    byte_noise = draw(st.sampled_from([0, 0, 0, 1]))
    if byte_noise and draw(st.booleans()):  # raw random bytes
        return spec, "bytes", (draw(st.binary(max_size=1500)), "upload" + ext)
    header, kinds = [], []
    for col in spec.columns:
        if noise and draw(st.integers(0, 12 // noise)) == 0:
            continue  # drop the column
        header.append(_mutate_name(draw, col.name, noise))
        kinds.append(col)
    for _ in range(draw(st.integers(0, 2))):
        header.append(draw(_TEXTS))
        kinds.append(None)
    order = draw(st.permutations(list(range(len(header)))))
    header = [header[i] for i in order]
    kinds = [kinds[i] for i in order]
    rows = []
    unique_seen: set = set()
    for _ in range(draw(st.integers(0 if cell_noise else 1, 6))):
        row = []
        for col in kinds:
            pick = draw(st.integers(0, 29))
            if col is not None and (cell_noise == 0 or pick >= 3 * cell_noise):
                v = _valid_value(draw, col)
                if col.unique and cell_noise == 0:
                    v = f"{v}-{len(unique_seen)}"
                    unique_seen.add(v)
                row.append(v)
            elif col is None or pick < 2 * cell_noise:
                row.append(draw(_SPECIAL))
            else:
                row.append(draw(st.one_of(_TEXTS, st.floats(), st.integers(-10**6, 10**6), st.none())))
        rows.append(row)
    fmt = draw(st.sampled_from(["csv", "csv", "csv", "xlsx", "frame"]))
    if fmt == "frame":
        frame = pd.DataFrame(rows, columns=header) if rows else pd.DataFrame(columns=header)
        return spec, "frame", frame
    if fmt == "xlsx":
        data = _xlsx_bytes([header, *rows])
    else:
        encoding = draw(st.sampled_from(ENCODINGS))
        delim = draw(st.sampled_from([",", ";", "\t"]))
        data = _csv_bytes([header, *rows], delim, encoding)
        if draw(st.integers(0, 9)) == 0:  # Excel's "sep=" first line
            data = f"sep={delim}\r\n".encode(encoding if encoding != "utf-16" else "ascii") + data
    damage = draw(st.integers(0, 3)) if byte_noise else 99
    if damage == 0 and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == 1:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=30)) + data[at:]
    name = "table" + (".xlsx" if fmt == "xlsx" and (byte_noise == 0 or draw(st.booleans())) else ext)
    if draw(st.booleans()):
        return spec, "bytes", (data, name)
    path = TMP / f"case{draw(st.integers(0, 5))}{Path(name).suffix}"
    path.write_bytes(data)
    return spec, "path", path


def _cell_text(v) -> str:
    if v is None:
        return ""
    return str(v)


def _csv_bytes(rows, delim, encoding) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow([_cell_text(v) for v in r])
    return buf.getvalue().encode(encoding, errors="replace")


def _xlsx_bytes(rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        out = []
        for v in r:
            if isinstance(v, float) and not math.isfinite(v):
                v = str(v)
            if isinstance(v, str):
                v = ILLEGAL_CHARACTERS_RE.sub("", v)
            out.append(v)
        ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _dtype_ok(col: Column, s: pd.Series) -> bool:
    return {
        "text": s.dtype == "str",
        "choice": s.dtype == "str",
        "number": s.dtype == "float64",
        "integer": s.dtype == "Int64",
        "year": s.dtype == "Int64",
        "yesno": s.dtype == "boolean",
    }[col.kind]


def check_any_table(case) -> str:
    """The property: a DataFrame with the spec's columns, or a plain error with a fix."""
    spec, kind, payload = case
    EXAMPLES_RUN["any"] += 1
    try:
        if kind == "bytes":
            data, name = payload
            df = read_table(data, spec, name=name)
        else:
            df = read_table(payload, spec)
    except MissionkitInputError as err:
        assert not isinstance(err, UnreadableTableError), f"unexpected failure reached the last resort: {err}"
        assert err.fix and err.fix.strip()
        assert "How to fix it:" in str(err)
        assert err.row is None or (isinstance(err.row, int) and err.row >= 1)
        assert err.column is None or err.column in spec.names
        return "error"
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[: len(spec.columns)]) == list(spec.names)
    assert df.index.name == "row" and df.index.is_unique and len(df) >= 1
    for col in spec.columns:
        assert _dtype_ok(col, df[col.name]), (col.name, df[col.name].dtype)
        values = df[col.name].dropna()
        if not col.blank_ok:
            assert df[col.name].notna().all()
        if col.kind == "choice":
            assert set(values) <= set(col.choices)
        if col.min is not None:
            assert (values >= col.min).all()
        if col.max is not None:
            assert (values <= col.max).all()
        if col.unique:
            assert values.astype(str).str.casefold().is_unique
    return "loaded"


@settings(
    max_examples=EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(any_table_file())
def test_any_input_loads_or_explains(case):
    check_any_table(case)


# --- round trip of valid tables -------------------------------------------------

_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789,;.-'\"éèàçñãõüöÉÀÇ€’\n"
_HEADER_VARIANTS = {
    "project_id": ["project_id", "Project ID", " PROJECT_ID ", "id", "Project no"],
    "title": ["title", "Title", "Project title"],
    "objective": ["objective", "Objective", "Objective ID"],
    "instrument": ["instrument", "Instrument type", "TYPE"],
    "budget": ["budget", "Budget (MRC m)", "amount", " Budget "],
    "start_year": ["start_year", "Start year", "Year"],
    "lead": ["lead", "Lead"],
    "is_new": ["is_new", "New"],
}


def _fmt_budget(draw, x: float, delim: str) -> str:
    if delim == ",":
        style = draw(st.sampled_from(["plain", "fixed", "grouped"]))
        if style == "plain":
            return repr(x)
        return f"{x:,.2f}" if style == "grouped" else f"{x:.2f}"
    if delim == ";":
        style = draw(st.sampled_from(["comma", "fr", "es", "point"]))
        if style == "point":
            return f"{x:.2f}"
        s = f"{x:,.2f}"  # 1,234.50
        sep = {"comma": "", "fr": draw(st.sampled_from([" ", "\u00a0", "\u202f"])), "es": "."}[style]
        return s.replace(",", "\x00").replace(".", ",").replace("\x00", sep)
    return f"{x:.2f}".replace(".", draw(st.sampled_from([".", ","])))  # tab files: no grouping


@st.composite
def valid_portfolio(draw):
    n = draw(st.integers(1, 6))
    ids = draw(st.lists(st.from_regex(r"P-[0-9]{1,4}", fullmatch=True), min_size=n, max_size=n,
                        unique_by=str.casefold))
    title = st.text(alphabet=_ALPHABET, min_size=1, max_size=25).filter(lambda s: s.strip())
    rows = []
    for i in range(n):
        rows.append({
            "project_id": ids[i],
            "title": draw(title),
            "objective": draw(st.sampled_from(OBJECTIVES)),
            "instrument": draw(st.sampled_from(INSTRUMENTS)),
            "budget": draw(st.one_of(st.integers(0, 10**7).map(float),
                                     st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 2)))),
            "start_year": draw(st.integers(1950, 2100)),
            "lead": draw(st.one_of(st.none(), title)),
            "is_new": draw(st.sampled_from([None, True, False])),
        })
    names = list(PORTFOLIO.names) if draw(st.booleans()) else [
        n_ for n_ in PORTFOLIO.names if n_ not in ("lead", "is_new")
    ]
    names = draw(st.permutations(names))
    headers = [draw(st.sampled_from(_HEADER_VARIANTS[n_])) for n_ in names]
    assume(len({T.header_key(h) for h in headers}) == len(headers))
    fmt = draw(st.sampled_from(["csv", "csv", "xlsx", "frame"]))
    table: list[list] = [headers]
    delim = None
    for r in rows:
        out = []
        for n_ in names:
            v = r[n_]
            if n_ == "objective":
                v = draw(st.sampled_from([v, v.lower(), f" {v} "]))
            elif n_ == "instrument":
                v = draw(st.sampled_from([v, v.upper(), v.title()]))
            elif n_ == "is_new" and v is not None:
                v = draw(st.sampled_from(["yes", "Y", "TRUE", "1"] if v else ["no", "N", "false", "0"]))
            out.append(v)
        table.append(out)
    if fmt == "csv":
        delim = draw(st.sampled_from([",", ";", "\t"]))
        text_rows = [table[0]]
        for _r, raw in zip(rows, table[1:], strict=False):
            cells = []
            for n_, v in zip(names, raw, strict=False):
                if n_ == "budget":
                    v = _fmt_budget(draw, v, delim)
                cells.append("" if v is None else str(v))
            text_rows.append(cells)
        buf = io.StringIO()
        csv.writer(buf, delimiter=delim, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))).writerows(text_rows)
        text = buf.getvalue()
        encoding = draw(st.sampled_from(ENCODINGS))
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            assume(False)
        if encoding in ("cp1252", "latin-1") and not text.isascii():
            try:
                data.decode("utf-8")
                assume(False)  # also valid UTF-8: read as UTF-8 by design
            except UnicodeDecodeError:
                pass
        if encoding == "latin-1":
            # bytes 0x80-0x9F are control characters in Latin-1 and never typed
            assume(not any(0x80 <= b <= 0x9F for b in data))
        payload = (data, draw(st.sampled_from(["p.csv", "p.txt"])))
    elif fmt == "xlsx":
        payload = (_xlsx_bytes(table), "p.xlsx")
    else:
        payload = pd.DataFrame(table[1:], columns=headers)
    return rows, names, fmt, payload


@settings(
    max_examples=EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(valid_portfolio())
def test_valid_tables_round_trip_in_any_format(case):
    rows, names, fmt, payload = case
    EXAMPLES_RUN["valid"] += 1
    if fmt == "frame":
        df = read_table(payload, PORTFOLIO)
    else:
        data, name = payload
        df = read_table(data, PORTFOLIO, name=name)
    assert df.index.tolist() == list(range(2, len(rows) + 2))
    assert list(df.columns) == list(PORTFOLIO.names)
    for i, r in enumerate(rows):
        got = df.iloc[i]
        assert got["project_id"] == r["project_id"]
        assert got["title"] == r["title"].strip()
        assert got["objective"] == r["objective"]
        assert got["instrument"] == r["instrument"]
        assert got["budget"] == pytest.approx(r["budget"], rel=1e-12, abs=1e-9)
        assert got["start_year"] == r["start_year"]
        if "lead" in names:
            assert (pd.isna(got["lead"]) and r["lead"] is None) or got["lead"] == (r["lead"] or "").strip()
            assert (pd.isna(got["is_new"]) and r["is_new"] is None) or bool(got["is_new"]) == r["is_new"]
