"""Write the example input files used by tests/test_tables.py.

Run from the project root:  .venv/bin/python tests/bad_inputs/make_bad_inputs.py

Every file is built from code here, so binary ones (xlsx, png, docx) are
byte-for-byte reproducible: zip entries get a fixed date and the workbook's
"created/modified" stamps are fixed. tests/bad_inputs/expected.csv (written by
hand) says which error each bad file must give. Files named ind_* are read
with the indicator-list spec, all others with the portfolio spec.

All names and figures are FICTIONAL (the Republic of Marenta case).
"""
from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
FIXED_DATE = (2026, 11, 15, 0, 0, 0)

HEADER = ["project_id", "title", "objective", "instrument", "budget", "start_year"]
GOOD_ROWS = [
    ["P-001", "Bus rapid transit, Amberport", "O1", "loan", 1234.5, 2025],
    ["P-002", "Clean-air zones", "O2", "regulation", 12.5, 2026],
    ["P-003", "Safe streets for schools", "O3", "grant", 0.75, 2025],
    ["P-004", "Night buses for women", "O4", "procurement", 3, 2027],
]
ACCENTED_ROWS = [
    ["P-001", "Réseau de bus, Kessa", "O1", "loan", 1234.5, 2025],
    ["P-002", "Zones à faibles émissions", "O2", "regulation", 12.5, 2026],
    ["P-003", "Sécurité routière – écoles", "O3", "grant", 0.75, 2025],
    ["P-004", "Ônibus noturnos “seguros”", "O4", "procurement", 3, 2027],
]


def _csv(rows, sep=",", decimal=".", encoding="utf-8", newline="\r\n", quote_commas=True) -> bytes:
    lines = []
    for row in rows:
        cells = []
        for v in row:
            if isinstance(v, float):
                s = repr(v).replace(".", decimal)
            else:
                s = str(v)
            if quote_commas and (sep in s or '"' in s):
                s = '"' + s.replace('"', '""') + '"'
            cells.append(s)
        lines.append(sep.join(cells))
    return (newline.join(lines) + newline).encode(encoding)


def _portfolio(rows, **kw) -> bytes:
    return _csv([HEADER, *rows], **kw)


def _reproducible_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps (and fixed docProps dates)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms)",
                    rb"\g<1>2026-11-15T00:00:00Z\g<3>",
                    body,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        first = False
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible_zip(buf.getvalue())


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Portfolio notes</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return _reproducible_zip(buf.getvalue())


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


IND_HEADER = ["indicator_id", "name", "level", "unit", "baseline", "baseline_year", "target_2035",
              "reporting_lag_years"]


def _indicators(rows, **kw) -> bytes:
    return _csv([IND_HEADER, *rows], **kw)


def build() -> dict[str, bytes | None]:
    """File name -> content. None means a folder (with a README inside)."""
    g = GOOD_ROWS
    files: dict[str, bytes | None] = {}

    # --- good files: all must load, all to the same table ---------------------------
    files["good_utf8.csv"] = _portfolio(g)
    files["good_utf8_bom.csv"] = b"\xef\xbb\xbf" + _portfolio(g)
    files["good_semicolon_decimal_comma.csv"] = _portfolio(g, sep=";", decimal=",")
    files["good.xlsx"] = _xlsx({"Portfolio": [HEADER, *g]})
    # accented names: cp1252 (has “ ” – which Latin-1 lacks), Latin-1, UTF-8 with BOM
    files["good_accents_cp1252.csv"] = _portfolio(ACCENTED_ROWS, sep=";", decimal=",", encoding="cp1252")
    files["good_accents_latin1.csv"] = _csv(
        [HEADER, *[[*r[:1], r[1].replace("–", "-").replace("“", '"').replace("”", '"'), *r[2:]]
                   for r in ACCENTED_ROWS]],
        encoding="latin-1",
    )
    files["good_accents_utf8_bom.csv"] = b"\xef\xbb\xbf" + _portfolio(ACCENTED_ROWS, sep=";", decimal=",")
    # French Excel with thousands separators (narrow no-break space), Spanish with dots
    files["good_fr_thousands.csv"] = _csv(
        [HEADER, ["P-001", "Bus rapid transit, Amberport", "O1", "loan", "1\u202f234,5", 2025],
         *[[*r[:4], str(r[4]).replace(".", ","), r[5]] for r in g[1:]]],
        sep=";",
    )
    files["good_es_thousands.csv"] = _csv(
        [HEADER, ["P-001", "Bus rapid transit, Amberport", "O1", "loan", "1.234,50", 2025],
         *[[*r[:4], str(r[4]).replace(".", ","), r[5]] for r in g[1:]]],
        sep=";",
    )
    # messy but loadable: spaces and capitals in names, a title row, a sep= line, synonyms
    files["good_messy_headers.csv"] = (
        "sep=;\r\n"
        "Portfolio of the Clean Commute mission (FICTIONAL)\r\n"
        "\r\n"
        " Project ID ; TITLE ;Objective; Instrument type ;Budget (MRC m); Start Year \r\n"
        + "".join(
            f" {r[0]} ; {r[1]} ; {r[2].lower()} ; {r[3].upper()} ; {str(r[4]).replace('.', ',')} ; {r[5]} \r\n"
            for r in g
        )
    ).encode("utf-8")
    files["good_xlsx_named_csv.csv"] = _xlsx({"Sheet1": [HEADER, *g]})
    files["good_second_sheet.xlsx"] = _xlsx({"Read me": [["This workbook holds the portfolio."]],
                                              "Portfolio": [HEADER, *g]})
    files["ind_good.csv"] = _indicators([
        ["I-01", "Average one-way commute", "outcome", "minutes", 62, 2024, 50, 1],
        ["I-02", "Annual mean PM2.5", "impact", "µg/m³", 38, 2024, 19, 1],
        ["I-03", "Women who feel safe at night", "outcome", "%", "", "", 61, 2],
    ])

    # --- bad files --------------------------------------------------------------------
    files["a_folder"] = None
    files["portfolio.xls"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    files["portfolio.ods"] = b"PK\x03\x04 not really"
    files["empty.csv"] = b""
    files["only_blank_lines.csv"] = b"\r\n  \r\n;;;;\r\n"
    files["header_only.csv"] = _portfolio([])
    files["picture.csv"] = _png()
    files["word_document.csv"] = _docx()
    files["prose.csv"] = (
        b"Dear colleague,\n\nPlease find attached the portfolio for the Clean Commute mission. "
        b"We have added the projects from the transport ministry. The budgets are still to be confirmed "
        b"by the finance team.\n\nBest regards,\nAna\n"
    )
    files["random_bytes.csv"] = bytes((i * 7919 + 13) % 256 for i in range(600))
    files["web_page.csv"] = b"<!DOCTYPE html>\n<html><body><table><tr><td>P-001</td></tr></table></body></html>\n"
    files["misspelt_column.csv"] = _csv([[*HEADER[:4], "budjet", HEADER[5]], *g])
    files["missing_column.csv"] = _csv([HEADER[:5], *[r[:5] for r in g]])
    files["duplicate_column.csv"] = _csv([[*HEADER, "Budget "], *[[*r, 1] for r in g]])
    files["no_header_row.csv"] = _csv(g)
    files["text_in_number.csv"] = _portfolio([
        g[0], ["P-002", "Clean-air zones", "O2", "regulation", "about 12", 2026],
        g[2], ["P-004", "Night buses for women", "O4", "procurement", "tbc", 2027],
        ["P-005", "E-bus assembly", "O5", "grant", "5 m", 2026],
    ])
    files["negative_budget.csv"] = _portfolio([g[0], g[1], ["P-003", "Safe streets", "O3", "grant", -2.5, 2025]])
    files["negative_decimal_comma.csv"] = _portfolio(
        [g[0], ["P-002", "Clean-air zones", "O2", "regulation", "-1 234,5", 2026]], sep=";", decimal=","
    )
    files["year_out_of_range.csv"] = _portfolio([g[0], g[1], g[2], ["P-004", "Night buses", "O4", "grant", 3, 2205]])
    files["year_two_digits.csv"] = _portfolio([["P-001", "Bus rapid transit", "O1", "loan", 10, 25], g[1]])
    files["year_not_a_year.csv"] = _portfolio([g[0], ["P-002", "Clean-air zones", "O2", "regulation", 12.5, "FY2026"]])
    files["duplicate_ids.csv"] = _portfolio([g[0], g[1], g[2],
                                             ["p-002", "Clean-air zones, phase 2", "O2", "grant", 4, 2027]])
    files["bad_objective.csv"] = _portfolio([g[0],
                                             ["P-002", "Clean-air zones", "O2 Clean air", "regulation", 12.5, 2026]])
    files["objective_not_allowed.csv"] = _portfolio([g[0], g[1], ["P-003", "Jobs", "O6", "grant", 1, 2026]])
    files["bad_instrument.csv"] = _portfolio([["P-001", "Bus rapid transit", "O1", "grnat", 10, 2025], g[1]])
    files["blank_title.csv"] = _portfolio([g[0], ["P-002", "", "O2", "regulation", 12.5, 2026],
                                           ["P-003", "  ", "O3", "grant", 1, 2026]])
    files["blank_budget_marker.csv"] = _portfolio([g[0], ["P-002", "Clean-air zones", "O2", "regulation", "n/a", 2026]])
    files["too_many_cells.csv"] = _portfolio([g[0], g[1]], decimal=",", quote_commas=False).replace(
        b'"Bus rapid transit, Amberport"', b"Bus rapid transit Amberport")
    files["unclosed_quote.csv"] = (
        b"project_id,title,objective,instrument,budget,start_year\n"
        b'P-001,"Bus rapid transit,O1,loan,10,2025\n'
        b"P-002,Clean-air zones,O2,regulation,12.5,2026\n"
        b"P-003,Safe streets,O3,grant,1,2025\n"
    )
    files["cp1252_bad_objective.csv"] = _portfolio(
        [ACCENTED_ROWS[0], ["P-002", "Zones à faibles émissions", "Accès", "regulation", 12.5, 2026]],
        sep=";", decimal=",", encoding="cp1252",
    )
    files["empty_workbook.xlsx"] = _xlsx({"Sheet1": []})
    files["empty_sheets.xlsx"] = _xlsx({"Sheet1": [], "Sheet2": [[None, None]]})
    files["damaged.xlsx"] = _xlsx({"Portfolio": [HEADER, *g]})[:700]
    files["old_format.xlsx"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    files["word_named_xlsx.xlsx"] = _docx()
    files["xlsx_bad_year.xlsx"] = _xlsx({"Portfolio": [["Portfolio (FICTIONAL)"], [], HEADER, *g[:2],
                                                       ["P-003", "Safe streets", "O3", "grant", 1, 1900]]})
    files["xlsx_excel_error.xlsx"] = _xlsx({"Portfolio": [HEADER, g[0], ["P-002", "Clean-air zones", "O2",
                                                                          "regulation", "#DIV/0!", 2026]]})
    files["notes.docx"] = _docx()
    files["ind_bad_level.csv"] = _indicators([
        ["I-01", "Average one-way commute", "outcome", "minutes", 62, 2024, 50, 1],
        ["I-02", "Annual mean PM2.5", "outcom", "µg/m³", 38, 2024, 19, 1],
    ])
    files["ind_lag_not_whole.csv"] = _indicators([
        ["I-01", "Average one-way commute", "outcome", "minutes", 62, 2024, 50, 1.5],
    ])
    files["ind_missing_target.csv"] = _indicators([
        ["I-01", "Average one-way commute", "outcome", "minutes", 62, 2024, 50, 1],
        ["I-02", "Annual mean PM2.5", "impact", "µg/m³", 38, 2024, "", 1],
    ], encoding="cp1252")
    return files


def write(folder: Path = HERE) -> list[str]:
    written = []
    for name, body in build().items():
        path = folder / name
        if body is None:
            if path.exists() and not path.is_dir():
                path.unlink()
            path.mkdir(parents=True, exist_ok=True)
            (path / "README.txt").write_text(
                "This folder stands in for a participant passing a folder instead of a file.\n",
                encoding="utf-8",
            )
        else:
            if path.is_dir():
                shutil.rmtree(path)
            path.write_bytes(body)
        written.append(name)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    names = write(target)
    print(f"wrote {len(names)} files to {target}")
