"""Files that would exhaust a kernel (issue 17): each is refused with a plain message, quickly and in
little memory, before pandas or openpyxl expand it. Each read runs in a child process whose address
space is capped at what it had after importing the course plus 600 MB (a kernel on a shared hub has
about 1 GiB), so a file that blows up memory fails the test instead of the machine; `make bench`
prints the time and peak memory of each (benchmarks/bench_hostile_files.py)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADER = "project_id,title,objective,instrument,lead_actor,budget,start_year\n"


def read_in_child(path: Path, seconds: int = 60) -> dict:
    """load_portfolio(path) in a child capped at its start-up memory + 600 MB; its outcome as a dict."""
    code = textwrap.dedent(f"""
        import json, resource, sys, time
        from missionkit import portfolio
        from missionkit.errors import MissionkitInputError
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (vm + 600 * 2**20, vm + 600 * 2**20))
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        try:
            portfolio.load_portfolio({str(path)!r})
            out = {{"outcome": "loaded"}}
        except MissionkitInputError as e:
            out = {{"outcome": "refused", "message": str(e)}}
        except MemoryError:
            out = {{"outcome": "MemoryError"}}
        out["seconds"] = time.perf_counter() - t
        out["extra_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base
        print(json.dumps(out))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _xlsx_with_sheet(sheet_xml: bytes, path: Path) -> Path:
    """A minimal workbook whose one sheet is the given XML (deflated: small on disk, large unzipped)."""
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
                               b'-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                               b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                               b'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
                               b'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
                               b'.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                           b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                           b'<sheets><sheet name="Portfolio" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                                      b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                                      b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                                      b'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def _sheet(rows: int, dimension: str | None) -> bytes:
    head = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + (f'<dimension ref="{dimension}"/>'.encode() if dimension else b"") + b"<sheetData>")
    row = '<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>P-{n}</t></is></c><c r="F{n}"><v>1</v></c></row>'
    body = "".join(row.format(n=n) for n in range(1, rows + 1)).encode()
    return head + body + b"</sheetData></worksheet>"


def test_one_formatted_cell_at_the_last_cell_of_excel(tmp_path):
    """A 5 KB workbook with one formatted cell at XFD1048576 took 80-98 s and 5.2 GB before failing."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.strip().split(","))
    ws.append(["P-001", "Bus lanes", "O1", "grant", "Ministry of Transport", 10, 2025])
    ws.cell(row=1_048_576, column=16_384).font = Font(bold=True)
    wb.save(tmp_path / "far.xlsx")
    out = read_in_child(tmp_path / "far.xlsx")
    assert out["outcome"] == "refused" and "XFD1,048,576" in out["message"], out
    assert "too large" in out["message"] and "Keep only the rows and columns" in out["message"]


def test_a_million_rows_in_a_small_workbook(tmp_path):
    out = read_in_child(_xlsx_with_sheet(_sheet(1_000, "A1:F1000000"), tmp_path / "million.xlsx"))
    assert out["outcome"] == "refused" and "1,000,000 rows" in out["message"], out


def test_a_workbook_that_unzips_to_gigabytes(tmp_path):
    """No declared size, but the sheet unzips past the limit: refused from the zip directory alone."""
    sheet = _sheet(10, None).replace(b"<sheetData>", b"<!--" + b" " * (110 * 2**20) + b"--><sheetData>")
    out = read_in_child(_xlsx_with_sheet(sheet, tmp_path / "deep.xlsx"))
    assert out["outcome"] == "refused" and "unzips to" in out["message"], out


def test_a_wide_workbook(tmp_path):
    out = read_in_child(_xlsx_with_sheet(_sheet(10, "A1:ZZ10"), tmp_path / "wide.xlsx"))
    assert out["outcome"] == "refused" and "702 columns" in out["message"], out


def test_a_csv_of_a_million_rows(tmp_path):
    """Under the byte limit (about 15 MB) but a million rows: refused before pandas parses it."""
    path = tmp_path / "rows.csv"
    path.write_bytes(HEADER.encode() + b"P,T,O1,g,M,1,1\n" * 1_000_000)
    out = read_in_child(path)
    assert out["outcome"] == "refused" and "1,000,001 lines" in out["message"], out


def test_a_csv_too_large_on_disk(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(HEADER.encode() + b"P,T,O1,grant,M,1,2025," + b"x" * (25 * 2**20) + b"\n")
    out = read_in_child(path)
    assert out["outcome"] == "refused" and "MB (the limit is 20 MB)" in out["message"], out


def test_a_csv_with_thousands_of_columns(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(5_000)) + "\n" + ",".join("1" * 5_000) + "\n")
    out = read_in_child(path)
    assert out["outcome"] == "refused" and "5,000 columns" in out["message"], out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_named_like_a_csv_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    out = read_in_child(fifo, seconds=30)  # reading it would block for ever
    assert out["outcome"] == "refused" and "not an ordinary file" in out["message"], out


def test_a_device_named_like_a_csv_is_refused_not_read(tmp_path):
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")  # reading it would fill the memory
    out = read_in_child(zero, seconds=30)
    assert out["outcome"] == "refused" and "not an ordinary file" in out["message"], out


def test_an_ordinary_file_still_loads_in_the_child(tmp_path):
    """The cap itself leaves room for real work: a normal portfolio loads under it."""
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + "".join(f"P-{i},Bus lane {i},O1,grant,Ministry of Transport,1.5,2025\n"
                                     for i in range(2_000)))
    assert read_in_child(path)["outcome"] == "loaded"


# --------------------------------------------------------------------------- encodings and ambiguous columns
ENCODED = [
    ("gb18030", "P-001,公交快速线建设,O1,grant,交通部,10,2025\n", "公交快速线建设"),
    ("shift_jis", "P-001,バスのための専用レーン,O1,grant,国土交通省,10,2025\n", "バスのための専用レーン"),
    ("cp1252", "P-001,Bogotá métro,O1,grant,Ministère,10,2025\nP-002,São Paulo ônibus,O2,loan,Secretaria,5,2026\n",
     "Bogotá métro"),
    ("latin-1", "P-001,Educación rural,O1,grant,Ministerio de Educación,10,2025\n", "Educación rural"),
    # found by hypothesis: two accented capitals side by side once decoded as one Chinese character
    ("cp1252", "P-001,ÀÀ,O1,grant,ÉÀ,10,2025\nP-002,ÀÀ,O2,loan,ÉÀ,5,2026\n", "ÀÀ"),
]


@pytest.mark.parametrize("encoding, rows, title", ENCODED, ids=[f"{e[0]}-{i}" for i, e in enumerate(ENCODED)])
def test_tables_saved_in_local_encodings_read_correctly(encoding, rows, title):
    """Chinese and Japanese Excel save CSV in GB18030 or Shift-JIS; European Excel in cp1252."""
    from missionkit import portfolio

    p = portfolio.load_portfolio((HEADER + rows).encode(encoding))
    assert p.projects["title"].iloc[0] == title


def test_two_columns_that_both_could_be_the_budget_are_refused():
    from missionkit import portfolio
    from missionkit.errors import MissionkitInputError

    text = "project_id,title,objective,instrument,lead_actor,budget,Budget (MRC m),start_year\n" \
           "P-001,Bus lanes,O1,grant,Ministry of Transport,10,12,2025\n"
    with pytest.raises(MissionkitInputError) as err:
        portfolio.load_portfolio(text.encode())
    message = str(err.value)
    assert "two columns that could be 'budget'" in message and "'budget' and 'Budget (MRC m)'" in message
    assert "columns F and G" in message


def test_limits_are_stated_for_participants_in_the_book():
    from missionkit import table_files

    page = (ROOT / "book" / "how-to-use.md").read_text(encoding="utf-8")
    assert f"{table_files.MAX_ROWS:,}" in page and f"{table_files.MAX_COLUMNS}" in page
    assert f"{table_files.MAX_BYTES // 2**20} MB" in page
