"""Time and peak memory to refuse each hostile participant file (issue 17), one child process each.

    python benchmarks/bench_hostile_files.py

Target: refused within 2 s and under 200 MB of memory over a process that has imported the course.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from tests import test_hostile_files as H  # noqa: E402  (the test file builds the hostile files)


def main() -> int:
    import openpyxl
    from openpyxl.styles import Font

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files: dict[str, Path] = {}
        wb = openpyxl.Workbook()
        wb.active.append(H.HEADER.strip().split(","))
        wb.active.cell(row=1_048_576, column=16_384).font = Font(bold=True)
        wb.save(d / "far.xlsx")
        files["xlsx, one formatted cell at XFD1048576 (5 KB)"] = d / "far.xlsx"
        files["xlsx declaring 1,000,000 rows"] = H._xlsx_with_sheet(H._sheet(1_000, "A1:F1000000"), d / "m.xlsx")
        sheet = H._sheet(10, None).replace(b"<sheetData>", b"<!--" + b" " * (110 * 2**20) + b"--><sheetData>")
        files["xlsx unzipping to 110 MB"] = H._xlsx_with_sheet(sheet, d / "deep.xlsx")
        (d / "rows.csv").write_bytes(H.HEADER.encode() + b"P,T,O1,g,M,1,1\n" * 1_000_000)
        files["csv, 1,000,000 rows (15 MB)"] = d / "rows.csv"
        (d / "wide.csv").write_text(",".join(f"c{i}" for i in range(5_000)) + "\n")
        files["csv, 5,000 columns"] = d / "wide.csv"
        os.mkfifo(d / "pipe.csv")
        files["a named pipe called pipe.csv"] = d / "pipe.csv"
        (d / "ok.csv").write_text(H.HEADER + "".join(f"P-{i},Bus {i},O1,grant,MoT,1.5,2025\n" for i in range(2_000)))
        files["an ordinary portfolio, 2,000 rows (loads)"] = d / "ok.csv"
        worst = 0.0
        print(f"{'file':<46} {'outcome':>8} {'seconds':>8} {'extra MB':>8}")
        for name, path in files.items():
            out = H.read_in_child(path)
            worst = max(worst, out["seconds"]) if out["outcome"] == "refused" else worst
            print(f"{name:<46} {out['outcome']:>8} {out['seconds']:>8.2f} {out['extra_mb']:>8.0f}")
        print(f"slowest refusal: {worst:.2f} s (target <= 2 s); extra MB: peak memory over the process after "
              "it imported the course (target < 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
