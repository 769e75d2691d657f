"""Tables as participants see them in a notebook: readable headers and numbers.

The course's functions return plain DataFrames whose columns have names a program can use
(``effective_number``, ``progress_share``). Shown as they are, officials read snake_case
headers, shares such as ``0.040750`` and, now and then, ``8.73e-01``. Importing
``missionkit.charts`` (every notebook's setup cell does) registers :func:`table_html` as the
notebook's HTML view of a DataFrame:

* headers: underscores become spaces (``baseline year``), a few short names are spelled out
  (``HHI (concentration, 0-1)``); the column's real name is kept in the header's tooltip, so a
  participant who wants to select it can read the exact name;
* shares (columns named ``share``, ``..._share``, ``agree`` ...) as percentages, ``4.1%``;
* other decimals with at most two places and thousands separators, never in scientific notation;
* missing values as ``–``.

Only the view changes: the DataFrame, its column names and the plain-text view are untouched
(docs/decisions/0008-readable-tables.md).
"""
from __future__ import annotations

import html
import math
import re
from typing import Any

import pandas as pd

#: Short column names spelled out in headers.
HEADER_WORDS = {
    "hhi": "HHI (concentration, 0-1)",
    "mrc m": "(MRC m)",
    "trl": "TRL",
    "n": "number",
    "id": "ID",
}

#: Columns shown as percentages (besides names ending in ``share`` or starting ``share``).
PERCENT_COLUMNS = frozenset({"agree", "agree_low", "agree_high", "disagree", "neutral", "progress"})

MISSING = "–"
_SHARE = re.compile(r"(?:^|_)(?:share|pct_of|proportion)(?:$|_)")


def header(name: Any) -> str:
    """``'effective_number'`` -> ``'effective number'``; ``'amount_mrc_m'`` -> ``'amount (MRC m)'``."""
    if not isinstance(name, str):
        return str(name)
    text = " ".join(name.split("_")).strip()
    for short, long in HEADER_WORDS.items():
        text = re.sub(rf"(?<![\w]){re.escape(short)}(?![\w])", long, text)
    return text or name


def is_share(name: Any, values: pd.Series) -> bool:
    if not isinstance(name, str) or not pd.api.types.is_float_dtype(values):
        return False
    if not (name in PERCENT_COLUMNS or _SHARE.search(name)):
        return False
    finite = values.dropna()
    return bool(finite.empty or ((finite >= -1e-9) & (finite <= 1 + 1e-9)).all())


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _decimals(values: list[float]) -> int:
    """The fewest decimal places (0 to 2) that show every value of a column as it is, to 2 places."""
    need = 0
    for v in values:
        for d in (0, 1, 2):
            if round(v, d) == round(v, 2):
                need = max(need, d)
                break
    return need


def _column(name: Any, col: pd.Series) -> list[str]:
    values = [None if _missing(v) else (v.item() if hasattr(v, "item") else v) for v in col.to_numpy(dtype=object)]
    yearish = isinstance(name, str) and ("year" in name.lower() or name.lower() in ("round", "id"))
    whole = [v for v in values if v is not None and not isinstance(v, bool)]
    if whole and all(float(v).is_integer() and 1800 <= v <= 2200 for v in whole):
        yearish = True  # "inventory start": 2019, not 2,019
    if is_share(name, col):
        return [MISSING if v is None else (f"{v:.1%}" if 0 < abs(v) < 0.995 else f"{v:.0%}") for v in values]
    finite = [float(v) for v in values if v is not None and not isinstance(v, bool)]
    if all(float(v).is_integer() for v in finite):
        fmt = "{:.0f}" if yearish else "{:,.0f}"
        return [MISSING if v is None else fmt.format(v) for v in values]
    d = _decimals([v for v in finite if abs(v) >= 0.01])
    out = []
    for v in values:
        if v is None:
            out.append(MISSING)
        elif v != 0 and abs(v) < 0.01:
            out.append(f"{v:.4f}".rstrip("0").rstrip(".") or "0")
        else:
            out.append(f"{v:,.{d}f}")
    return out


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for reading: numbers as text (see the module docstring), headers unchanged."""
    out = df.copy()
    for pos, name in enumerate(df.columns):
        col = df.iloc[:, pos]
        if pd.api.types.is_bool_dtype(col):
            continue
        if pd.api.types.is_numeric_dtype(col):
            out[name] = _column(name, col)
        else:
            out[name] = col.astype(object).where(col.notna(), MISSING)
    return out


def table_html(df: pd.DataFrame) -> str | None:
    """The notebook's HTML view of a DataFrame (pandas' own for what it cannot improve: a huge
    table, several header rows, repeated column names)."""
    if df.columns.nlevels > 1 or df.columns.duplicated().any() or len(df) > pd.get_option("display.max_rows"):
        return df._repr_html_()
    shown = readable(df)
    shown.columns = [header(c) for c in df.columns]
    body = shown.to_html(classes="missionkit-table", escape=True, na_rep=MISSING, border=0)
    # keep the real column names within reach: <th title="effective_number">effective number</th>
    for name in df.columns:
        if isinstance(name, str) and header(name) != name:
            body = body.replace(f"<th>{html.escape(header(name))}</th>",
                                f'<th title="{html.escape(name, quote=True)}">{html.escape(header(name))}</th>', 1)
    return body


def register() -> None:
    """Show DataFrames with :func:`table_html` in this notebook (no-op outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there in a notebook
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
