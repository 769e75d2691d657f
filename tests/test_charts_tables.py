"""Tables in notebooks: readable headers and numbers, the data untouched."""
from __future__ import annotations

import pandas as pd
import pytest

from missionkit import table_view as t


@pytest.mark.parametrize("name, shown", [
    ("effective_number", "effective number"), ("amount_mrc_m", "amount (MRC m)"), ("hhi", "HHI (concentration, 0-1)"),
    ("baseline_year", "baseline year"), ("title", "title"), ("id", "ID"), (3, "3"),
])
def test_headers(name, shown):
    assert t.header(name) == shown


def test_numbers_shares_years_and_missing_values():
    df = pd.DataFrame({
        "share": [0.040750, 0.5, 1.0],
        "agree_low": [0.8731, 0.0049, None],
        "budget": [112.5, 83.45, 2450.0],
        "start_year": [2025, 2026, 2031],
        "projects": pd.array([10, None, 1200], dtype="Int64"),
        "tiny": [0.0049, 1.5, 0.0],
        "note": ["a", None, "c"],
        "small": [True, False, True],
    })
    r = t.readable(df)
    assert list(r["share"]) == ["4.1%", "50.0%", "100%"]
    assert list(r["agree_low"]) == ["87.3%", "0.5%", "–"]
    assert list(r["budget"]) == ["112.50", "83.45", "2,450.00"]  # one column, one number of decimals
    assert list(r["start_year"]) == ["2025", "2026", "2031"]      # no "2,025"
    assert list(t.readable(pd.DataFrame({"inventory start": [2019.0, None, 2021.0]}))["inventory start"]) == [
        "2019", "–", "2021"]                                         # years by their values, too
    assert list(r["projects"]) == ["10", "–", "1,200"]
    assert list(r["tiny"]) == ["0.0049", "1.5", "0.0"]          # never 4.9e-03
    assert list(r["note"]) == ["a", "–", "c"]
    assert list(r["small"]) == [True, False, True]
    assert df["share"].iloc[0] == 0.040750 and list(df.columns)[0] == "share"  # the data are untouched


def test_a_share_column_outside_0_to_1_is_not_a_percentage():
    r = t.readable(pd.DataFrame({"share": [12.5, 40.0]}))
    assert list(r["share"]) == ["12.50", "40.00"] or list(r["share"]) == ["12.5", "40.0"]


def test_html_view_keeps_the_real_column_name_in_reach():
    html = t.table_html(pd.DataFrame({"progress_share": [0.091667], "name": ["Commute time"]}))
    assert '<th title="progress_share">progress share</th>' in html and "9.2%" in html
    assert "0.091667" not in html and "e-0" not in html
    assert 'class="dataframe missionkit-table"' in html


def test_what_it_cannot_improve_is_left_to_pandas():
    wide = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")]))
    assert t.table_html(wide) == wide._repr_html_()


def test_every_notebook_table_is_readable_once_registered():
    """Stored outputs: no scientific notation and no six-decimal shares in any table a participant reads."""
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in sorted(root.glob("notebooks/*.ipynb")) + sorted(root.glob("solutions/*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            for out in cell.get("outputs", []):
                page = "".join(out.get("data", {}).get("text/html", ""))
                if "<table" not in page:
                    continue
                bad = re.findall(r"<td>(-?\d+\.\d+e[-+]\d+|-?0\.\d{5,})</td>", page)
                if bad:
                    offenders.append(f"{path.name} cell {i}: {bad[:2]}")
    assert not offenders, "tables shown with unreadable numbers (run make outputs):\n" + "\n".join(offenders)
