"""Real missions, their sources and the course glossary: sourced reference data.

Three CSV files under ``missionkit/data/`` hold the facts, taken from the
research brief (``shared/reference/mission-brief.md``, sections 5, 8, 10, 11):

- ``references.csv``: one row per source; ``key`` is the anchor used in links.
- ``missions.csv``: the catalogue of real missions, each with its sources.
- ``glossary.csv``: the 40 course terms, in our own words.

Each loader validates its file with a pandera schema and raises
:class:`~missionkit.errors.MissionkitInputError` (file, spreadsheet row,
column, how to fix) when a row is wrong. Real missions are public facts with
sources; the fictional case (Marenta) lives elsewhere (``missionkit.case``).

The two book pages ``book/references.md`` and ``book/glossary.md`` are
GENERATED from the CSVs; do not edit them by hand::

    python -m missionkit.catalogue            # rewrite both pages
    python -m missionkit.catalogue --check    # exit 1 if a page is out of date

Linking from a lesson (plain CommonMark, works in JupyterLab and the book)::

    cite_link("larrue2021")        # '[Larrue (2021)](../book/references.md#larrue2021)'
    term_link("mission-board")     # '[Mission board](../book/glossary.md#term-mission-board)'
    unconfirmed_link()             # '[What we could not confirm](../book/references.md#unconfirmed)'

Citation text in plain words (the one function the domain modules use)::

    citation("larrue2021")             # 'Larrue, P. (2021). The design and ... . OECD Publishing, ...'
    citation("ppp2024", "inline", mark_secondary=True)
    # 'Singh, T. (2024), Five lessons ..., Progressive Policy Think Tank (secondary source)'
    citation("larrue2021", "short")    # 'Larrue (2021)'

Anchors: every reference is preceded by ``<a id="<key>"></a>`` on its own line,
every glossary term by ``<a id="term-<slug>"></a>``, and the list of
unconfirmed items by ``<a id="unconfirmed"></a>``.

MyST only resolves ``page.md#anchor`` links against heading slugs, so links to
these HTML anchors would warn under ``-W``. The book extension
``missionkit.authoring.book`` (``sphinx.extra_extensions`` in ``_config.yml``) registers
the ``<a id>`` anchors of every page with MyST, so such links resolve without
warnings, while a link to an anchor that does not exist still warns.
"""
from __future__ import annotations

import argparse
import difflib
import functools
import posixpath
import re
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from missionkit.errors import MissionkitInputError

__all__ = [
    "DATA_DIR", "BOOK_DIR", "GROUPS", "COURSE_GROUP", "REGIONS", "KINDS", "UNCONFIRMED", "DATA_DICTIONARY",
    "CITATION_FORMS",
    "missions", "references", "glossary", "data_dictionary",
    "citation", "short_label", "checked_month", "cite_link", "term_link", "unconfirmed_link", "resolve_key",
    "render_references_page", "render_glossary_page", "write_pages", "stale_pages", "main",
]

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
ROOT = PACKAGE_DIR.parent
BOOK_DIR = ROOT / "book"
REFERENCES_CSV = DATA_DIR / "references.csv"
MISSIONS_CSV = DATA_DIR / "missions.csv"
GLOSSARY_CSV = DATA_DIR / "glossary.csv"
REFERENCES_PAGE = "book/references.md"  # relative to the project root
GLOSSARY_PAGE = "book/glossary.md"
UNCONFIRMED_ANCHOR = "unconfirmed"
TERM_PREFIX = "term-"

# The five groups of the brief's section 10, then the sources the course added beyond the brief; in page order.
COURSE_GROUP = "Added by the course (not in the research brief)"
GROUPS = (
    "OECD, OPSI and the Mission Action Lab",
    "European Union",
    "IIPP, capabilities and evaluation literature",
    "UNDP, practitioners and training providers",
    "Countries and global initiatives",
    COURSE_GROUP,
)
REGIONS = ("Europe", "Asia", "Americas", "Africa", "Oceania", "Global")
KINDS = {
    "mission": "a single mission with its own goal",
    "mission milestone": "a milestone set under a mission (e.g. UK homes under the growth mission)",
    "sub-mission": "a mission nested under a larger one",
    "mission group": "one row that summarises several missions named together",
    "proposed mission": "announced or proposed, not (yet) launched",
    "organisational mission": "an organisation's own missions (Nesta), not a government's",
    "not labelled mission": "mission-like goals that the owner does not call missions",
    "programme": "national mission work without a mission statement of its own",
    "mission-like programme": "a programme with an owner, a target and a deadline, not called a mission",
}
YEAR_MIN, YEAR_MAX = 1950, 2100
STATEMENT_MAX = 300

DATA_DICTIONARY: dict[str, list[tuple[str, str, str, str]]] = {
    # table: [(column, meaning, unit, allowed values)]
    "references": [
        ("key", "Anchor and link key of the source", "", "lower-case letters, digits and '-'; unique"),
        ("brief_key", "The key as written in the research brief", "", "unique"),
        ("group", "Section of the reference list", "", "; ".join(GROUPS)),
        ("authors_or_publisher", "Authors (Surname, I.) or the organisation", "", "not blank"),
        ("year", "Year of publication", "year", "YYYY, 'c. YYYY', 'YYYY–YYYY' or 'n.d.'"),
        ("title", "Title, or a description when the title was not recorded", "", "not blank"),
        ("publisher", "Publisher, series, journal or site", "", "may be blank"),
        ("url", "First web address recorded", "", "http(s) address or blank"),
        ("verified", "Found again in the brief's verification pass (dagger)", "", "yes; no"),
        ("secondary", "The brief marks the source as secondary", "", "yes; no"),
        ("note", "Dates, caveats and unconfirmed details", "", "free text"),
        ("last_checked", "Month the source was last checked for what the course cites it for; 2026-11 is the "
         "course's first verification pass (rows not re-opened since)", "month", "YYYY-MM, not in the future"),
    ],
    "missions": [
        ("mission_id", "Row identifier", "", "M01, M02, ...; unique"),
        ("country_or_framework", "Country, or the framework the mission belongs to", "", "not blank"),
        ("region", "World region", "", "; ".join(REGIONS)),
        ("owner", "Body that owns or leads the mission", "", "not blank"),
        ("mission", "Short name", "", "not blank"),
        ("statement", "Mission statement, paraphrased", "characters", f"1 to {STATEMENT_MAX}"),
        ("target", "Target as found in the sources", "", "blank if none was found"),
        ("deadline", "Target year", "year", f"{YEAR_MIN}–{YEAR_MAX} or blank"),
        ("deadline_note", "Deadline in words when there is no single year", "", "required when deadline is blank"),
        ("launched", "Year launched or adopted", "year", f"{YEAR_MIN}–{YEAR_MAX} or blank"),
        ("status_note", "Unconfirmed or secondary details, caveats", "", "free text"),
        ("source_keys", "Sources, separated by ';'", "", "keys of references.csv"),
        ("kind", "What sort of row this is", "", "; ".join(KINDS)),
    ],
    "glossary": [
        ("term", "Term as shown in the course", "", "unique"),
        ("slug", "Anchor is 'term-' + slug", "", "lower-case letters, digits and '-'; unique"),
        ("definition", "Definition in our own words", "characters", "1 to 400"),
        ("source_keys", "Sources of the idea, separated by ';'", "", "keys of references.csv or blank"),
    ],
}

# The brief's section 11, in plain words: (group, text, source keys).
UNCONFIRMED: tuple[tuple[str, str, str], ...] = (
    ("Sources not found or not retrievable",
     "The 13 reasons in OPSI's \"13 reasons why missions fail\". We could read how the post frames the problem, "
     "but not the list itself. Its year (about 2023) is also uncertain.", "opsi-13reasons;tapipedia-13"),
    ("Sources not found or not retrievable",
     "RACER (relevant, accepted, credible, easy to monitor, robust) as a European Commission checklist for "
     "indicators. We found no Commission text that sets it out.", "racer-sec"),
    ("Sources not found or not retrievable",
     "An OECD publication from 2024 or 2025 on managing mission portfolios: we found none. We also could not "
     "tell which publication \"Larrue et al. 2024\", cited in the Laurea article, refers to.", "mal-port;laurea"),
    ("Sources not found or not retrievable",
     "Who wrote the EU report \"Understanding mission portfolios\", and exactly when it came out. The report "
     "exists and its content is confirmed; the NCP portal posted it on 16 May 2024.", "psf-mle;ncp2024"),
    ("Sources not found or not retrievable",
     "What OPSI's September 2025 report on mission readiness in Latin America and the Caribbean contains: we "
     "saw only a summary. We also found no published Mission Action Lab method for analysing donor "
     "landscapes.", "opsi-lac2025;mal-home"),
    ("Definitions and typologies",
     "The names of the four mission subtypes of Wittmann and colleagues, and the exact wording of the "
     "accelerator and transformer definitions in the JIIP (2018) study.", "wittmann2020;wittmann2021;jiip2018"),
    ("Definitions and typologies",
     "Whether the mission-map figure in Mazzucato (2018) has a separate row for sectors, and the numbers in "
     "its plastics (about 90% by 2025) and dementia examples.", "mazzucato2018"),
    ("Country and mission details",
     "Germany's High-Tech Strategy 2025: the full list of its 12 missions (we found 10 or 11) and most of "
     "their targets. Also the date and status of the \"Hightech Agenda Deutschland\", seen only in a "
     "secondary source.", "hts-web;hts-heise;hts-aerzteblatt;hta-de"),
    ("Country and mission details",
     "Japan's Moonshot programme: when Goals 8 to 10 were adopted, the exact date in 2020 on which Goal 7 was "
     "decided, and what the Goal 9 targets say.", "moonshot;moonshot-g7"),
    ("Country and mission details",
     "Korea: the figures of the 3rd Comprehensive Plan (elderly pedestrian casualties from 103 to 70 per "
     "100,000), which come from a blog; the year the K-Moonshot programme directors were appointed (27 May, "
     "taken to be 2026); and the KRW 170 trillion figure, found only in notes.",
     "kr-3rdplan;kr-digitaltoday;kr-e4ds-notes"),
    ("Country and mission details",
     "Norway: the target year and any numeric target of the sustainable-feed mission, a number for the "
     "inclusion mission (its 2035 goal has none) and which ministry formally leads it. Austria: national "
     "mission targets.", "no-ltp;no-meld28;at-mal"),
    ("Country and mission details",
     "Sweden (Vinnova): a target year for the school-meals mission, and any way of measuring \"every street "
     "by 2030\".", "vinnova-notes;moin-casebook"),
    ("Country and mission details",
     "Brazil's Nova Indústria Brasil: the baseline of the revised Mission 5 target (biofuels and electric "
     "vehicles, December 2024) and whether its 27% and 50% are levels or increases; a 20% cut in commuting "
     "time for Mission 3, which is reported but was found in no source; the revised targets for Missions 1 "
     "and 6 (secondary sources); the year of the Mission 4 interim target (25% by 2026 "
     "in most sources, by 2025 in UOL / Agência Brasil); the two Mission 4 baselines (23.5% at launch, 18.9% "
     "for 2023); and the make-up of the CNDI council, which is reported in two ways.",
     "br-correio;br-radiogov2024;br-valor2024;br-gestao2024;br-diariogoias;br-bpmoney;br-mobiletime;br-pdbrasil;"
     "br-nib-notes"),
    ("Country and mission details",
     "Colombia's PIIOM: numeric targets for its missions.", "co-piiom"),
    ("Country and mission details",
     "Nesta: the exact measure for its fairer-start mission.", "nesta-missions"),
    ("Country and mission details",
     "Mission Innovation: targets for the four later missions, and the figure of more than US$250bn, found "
     "only in a PR agency's blog.", "mi-ukparl;mi-ghpr"),
    ("Sizes, budgets and progress readings",
     "UK progress readings: patients waiting under 18 weeks (58.8% to 61.7%), children with a good level of "
     "development (67.7% to 68.3%) and 17,175 neighbourhood policing staff. They come from a news aggregator "
     "summarising BBC Verify.", "bbcv-sec;uk-pfc"),
    ("Sizes, budgets and progress readings",
     "EU figures found only in notes: the Ocean mission's budget of about €350m (from a social media post), "
     "and the missions' 11% share of the Horizon Europe Pillar 2 budget (more than €3bn).",
     "ocean-budget;eu-2yrs"),
    ("Sizes, budgets and progress readings",
     "How many fewer women than men are online: 244 million (BMZ and OECD) or 260 million (a summary of an "
     "UNCTAD eWeek session).", "bmz-oecd;eweek2023"),
    ("Sizes, budgets and progress readings",
     "Details of the Public Sector Capabilities Index taken from a secondary summary: the October 2025 report "
     "(45 cities, a codebook assisted by a large language model, a five-point scale) and the names of "
     "capabilities 3 to 5.", "psci-2025-sec;psci-goulden"),
    ("Training offers",
     "How long the OPSI/IIPP bootcamp of 2 December 2020 and the IIPP MPA are; when the Mission Community of "
     "Practice started (probably 2024); and the years of the OPSI Estonia module, the UNDP course for Mayors "
     "for Economic Growth and the UNDP NEC workshop.",
     "opsi-bootcamp2020;iipp-mpa;opsi-cop;opsi-estonia;undp-m4eg;undp-nec"),
    ("Other publication details",
     "The year of the OECD chapter doi:10.1787/4e85f915-en, and the exact release date of the OECD (2025) "
     "report on net-zero missions (one stored page still called it forthcoming).", "dac-innov;oecd-nz2025"),
    ("Other publication details",
     "Single-source items from the notes: that scaling takes 10 to 15 years (2024 DAC scaling guidance); "
     "Brazil's Mission 6 baseline of 42.7% and the date of the report giving it; the reference country "
     "behind Korea's \"technology level 80% to 85%\"; Nesta's equivalence with a cut of about 8.5% in "
     "calories; and the statement that the UK's 2018 Grand Challenge missions were withdrawn or folded into "
     "the Plan for Growth.", "indef-idia4;br-diariogoias;kr-e4ds-notes;nesta-missions;uk-gc"),
    ("Other publication details",
     "The Mission Action Lab's own methods for its \"boot camp\" and \"donor landscape\" support: both are "
     "listed on its site, but we saw no published method.", "mal-home"),
    ("Other publication details",
     "Module 09 (financing): the budgets of the UK's and the Netherlands' missions (we found no figures we "
     "could teach); the European Investment Bank's 2023 agreement with BNDES, read only in a copy of the EIB's "
     "press release; and France 2030's EUR 54bn, read in the press, not on a government page.",
     "fin-france2030;fin-kfw-gj2016"),
)

_KEY_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_YEAR_RE = r"^(?:n\.d\.|(?:c\. )?\d{4}|\d{4}–\d{4})$"
_GENERATED = "<!-- GENERATED by `python -m missionkit.catalogue` from missionkit/data/{src}. Do not edit by hand. -->"


# --------------------------------------------------------------------------- reading and validation

def _read_csv(path: Path, columns: Iterable[str]) -> pd.DataFrame:
    name = path.name
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise MissionkitInputError(
            f"The data file {name} was not found", fix=f"Restore missionkit/data/{name} from the course files.",
            file=str(path)) from None
    except UnicodeDecodeError:
        raise MissionkitInputError(
            "The file is not saved as UTF-8 text", fix="Save it again as 'CSV UTF-8 (comma delimited)'.",
            file=name) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise MissionkitInputError(
            f"The file could not be read as a CSV table ({exc})",
            fix="Check that every row has the same number of commas and that quotes are closed.",
            file=name) from None
    df.columns = [str(c).strip() for c in df.columns]
    for col in columns:
        if col not in df.columns:
            raise MissionkitInputError(
                f"The column '{col}' is missing", fix=f"Add a column named '{col}' to the header row.",
                file=name, column=col)
    df = df.loc[:, list(columns)].copy()
    for col in df.columns:
        df[col] = df[col].str.strip()
    return df


def _years(df: pd.DataFrame, column: str, file: str) -> pd.Series:
    values = []
    for i, v in enumerate(df[column]):
        if v == "":
            values.append(pd.NA)
        elif re.fullmatch(r"\d{4}", v):
            values.append(int(v))
        else:
            raise MissionkitInputError(
                f"'{v}' is not a year", fix="Write a whole year such as 2030, or leave the cell blank "
                "and explain in deadline_note.", file=file, row=i + 2, column=column)
    return pd.Series(pd.array(values, dtype="Int64"), index=df.index)


def _show(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# check name -> (problem, fix); {value}, {column} and {n} are filled in from the failing cell
_PROBLEMS: dict[str, tuple[str, str]] = {}
# row-wide checks: the column a participant should look at
_ROW_CHECK_COLUMN = {
    "blank_deadline_needs_deadline_note": "deadline_note",
    "deadline_not_before_launch": "deadline",
    "quote_marked_in_status_note": "status_note",
}


def _check(name: str, fn: Any, problem: str, fix: str, element_wise: bool = True) -> pa.Check:
    _PROBLEMS[name] = (problem, fix)
    return pa.Check(fn, element_wise=element_wise, name=name)


def _validate(df: pd.DataFrame, schema: pa.DataFrameSchema, file: str,
              known: set[str] | None = None) -> pd.DataFrame:
    """Validate with pandera; turn the first failure into a plain-language error (file, row, column)."""
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        first = cases.iloc[0]
        column = first.get("column")
        column = None if column is None or pd.isna(column) else str(column)
        index = first.get("index")
        row = None if index is None or pd.isna(index) else int(index) + 2
        check = str(first.get("check"))
        column = _ROW_CHECK_COLUMN.get(check, column)
        value = first.get("failure_case")
        value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        if check == "field_uniqueness":
            same = cases[(cases["check"] == check) & (cases["column"] == column) & (cases["failure_case"] == value)]
            rows = sorted(int(i) + 2 for i in same["index"].dropna())
            row = rows[-1] if rows else row
            problem = f"'{_show(value)}' appears more than once (rows {', '.join(map(str, rows))})"
            fix = f"Each value in '{column}' must be unique: change or remove the repeated row."
        elif check.startswith("source_keys_resolve"):
            unknown = [k for k in _split_keys(value) if known is None or k not in known]
            problem = (f"The source key(s) {', '.join(repr(k) for k in unknown)} are not in references.csv"
                       if unknown else "Every row needs at least one source key")
            fix = ("Use keys from the 'key' column of missionkit/data/references.csv, separated by ';' "
                   "(add the source there first if it is new).")
        elif check in _PROBLEMS:
            problem, fix = (t.format(value=_show(value), column=column, n=len(str(value))) for t in _PROBLEMS[check])
        else:  # pragma: no cover - every check above has a message; kept as a safe fallback
            problem, fix = f"The value '{_show(value)}' is not allowed ({check})", _fix_for(column)
        others = len(cases[["check", "index"]].astype(str).drop_duplicates()) - 1
        if others:
            problem += f" ({others} more problem{'s' if others > 1 else ''} in this file)"
        raise MissionkitInputError(problem, fix=fix, file=file, row=row, column=column) from None


def _fix_for(column: str | None) -> str:
    for table in DATA_DICTIONARY.values():
        for col, meaning, _unit, allowed in table:
            if col == column:
                return f"{meaning}: use {allowed}."
    return "Correct the value as described in catalogue.DATA_DICTIONARY."


def _split_keys(value: str) -> list[str]:
    return [k.strip() for k in str(value).split(";") if k.strip()]


def _keys_check(known: set[str], allow_blank: bool) -> pa.Check:
    def ok(value: str) -> bool:
        keys = _split_keys(value)
        if not keys:
            return allow_blank
        return all(k in known for k in keys)
    return pa.Check(ok, element_wise=True, name="source_keys_resolve_in_references_csv")


def _nonblank() -> pa.Check:
    return _check("not_blank", lambda v: v != "", "The {column} cell is empty", "Fill in the {column}.")


def _max_chars(limit: int) -> pa.Check:
    return _check(f"at_most_{limit}_characters", lambda v: 1 <= len(v) <= limit,
                  f"The text is {{n}} characters long; it must be 1 to {limit}",
                  "Shorten it to a paraphrase in your own words (or fill it in if it is empty).")


def _one_of(values: Iterable[str], name: str) -> pa.Check:
    allowed = tuple(values)
    return _check(name, lambda v: v in allowed, "'{value}' is not an allowed value of {column}",
                  "Use one of: " + "; ".join(allowed) + ".")


def _pattern(regex: str, name: str, what: str) -> pa.Check:
    return _check(name, lambda v: re.fullmatch(regex, v) is not None, "'{value}' is not " + what,
                  "Write it as " + what + ".")


def _year_range() -> pa.Check:
    return _check(f"year_{YEAR_MIN}_to_{YEAR_MAX}", lambda v: YEAR_MIN <= v <= YEAR_MAX,
                  f"{{value}} is outside the years {YEAR_MIN}–{YEAR_MAX}",
                  "Check the year; leave the cell blank if no year is known and explain in deadline_note.")


def _quote_marked(df: pd.DataFrame) -> pd.Series:
    quoted = df["statement"].str.contains('"', regex=False) | df["target"].str.contains('"', regex=False)
    return ~quoted | df["status_note"].str.contains("quote", case=False, regex=False)


def _deadline_explained(df: pd.DataFrame) -> pd.Series:
    return df["deadline"].notna() | (df["deadline_note"].str.len() > 0)


def _deadline_after_launch(df: pd.DataFrame) -> pd.Series:
    both = df["deadline"].notna() & df["launched"].notna()
    return ~both | (df["deadline"].fillna(YEAR_MAX) >= df["launched"].fillna(YEAR_MIN))


REFERENCES_SCHEMA = pa.DataFrameSchema(
    {
        "key": pa.Column(str, [
            _pattern(_KEY_RE, "key_format", "a key of lower-case letters, digits and '-' (e.g. 'eu-2yrs')"),
            _check("not_a_reserved_anchor", lambda v: v != UNCONFIRMED_ANCHOR and not v.startswith(TERM_PREFIX),
                   "'{value}' is reserved for another anchor on the book pages",
                   f"Choose a key other than '{UNCONFIRMED_ANCHOR}' that does not start with '{TERM_PREFIX}'."),
        ], unique=True),
        "brief_key": pa.Column(str, _nonblank(), unique=True),
        "group": pa.Column(str, _one_of(GROUPS, "group_is_a_brief_section")),
        "authors_or_publisher": pa.Column(str, _nonblank()),
        "year": pa.Column(str, _pattern(_YEAR_RE, "year_format",
                                        "a year like 2021, 'c. 2021', '2016–2020' or 'n.d.'")),
        "title": pa.Column(str, _nonblank()),
        "publisher": pa.Column(str),
        "url": pa.Column(str, _check("url_or_blank", lambda v: v == "" or re.fullmatch(r"https?://\S+", v) is not None,
                                     "'{value}' is not a web address",
                                     "Write the full address starting with https:// or leave the cell blank.")),
        "verified": pa.Column(str, _one_of(("yes", "no"), "yes_or_no")),
        "secondary": pa.Column(str, _one_of(("yes", "no"), "yes_or_no")),
        "note": pa.Column(str),
        "last_checked": pa.Column(str, [
            _pattern(r"20\d\d-(?:0[1-9]|1[0-2])", "last_checked_is_a_month", "a month like 2026-12 (YYYY-MM)"),
            _check("last_checked_not_in_the_future", lambda v: v[:7] <= date.today().strftime("%Y-%m"),
                   "'{value}' is a month in the future", "Give the month the source was actually checked."),
        ]),
    },
    strict=True, ordered=True, name="references",
)


def _missions_schema(known: set[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "mission_id": pa.Column(str, _pattern(r"M\d{2,3}", "mission_id_format", "an id like M01"), unique=True),
            "country_or_framework": pa.Column(str, _nonblank()),
            "region": pa.Column(str, _one_of(REGIONS, "region_is_known")),
            "owner": pa.Column(str, _nonblank()),
            "mission": pa.Column(str, _nonblank()),
            "statement": pa.Column(str, _max_chars(STATEMENT_MAX)),
            "target": pa.Column(str),
            "deadline": pa.Column("Int64", _year_range(), nullable=True),
            "deadline_note": pa.Column(str),
            "launched": pa.Column("Int64", _year_range(), nullable=True),
            "status_note": pa.Column(str),
            "source_keys": pa.Column(str, _keys_check(known, allow_blank=False)),
            "kind": pa.Column(str, _one_of(KINDS, "kind_is_known")),
        },
        checks=[
            _check("blank_deadline_needs_deadline_note", _deadline_explained,
                   "The deadline is blank but deadline_note does not say why",
                   "Give the deadline in words in deadline_note, e.g. 'End of Parliament' or 'No deadline found'.",
                   element_wise=False),
            _check("deadline_not_before_launch", _deadline_after_launch,
                   "The deadline is earlier than the launch year", "Check both years against the source.",
                   element_wise=False),
            _check("quote_marked_in_status_note", _quote_marked,
                   "The statement or target contains quotation marks but status_note does not mention the quote",
                   "Paraphrase instead, or keep a short quote and write 'quote' in status_note.",
                   element_wise=False),
        ],
        strict=True, ordered=True, name="missions",
    )


def _glossary_schema(known: set[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "term": pa.Column(str, _nonblank(), unique=True),
            "slug": pa.Column(str, _pattern(_KEY_RE, "slug_format", "a slug of lower-case letters, digits and '-'"),
                              unique=True),
            "definition": pa.Column(str, _max_chars(400)),
            "source_keys": pa.Column(str, _keys_check(known, allow_blank=True)),
        },
        strict=True, ordered=True, name="glossary",
    )


@functools.lru_cache(maxsize=8)
def _references(path: Path) -> pd.DataFrame:
    cols = [c for c, *_ in DATA_DICTIONARY["references"]]
    return _validate(_read_csv(path, cols), REFERENCES_SCHEMA, path.name)


@functools.lru_cache(maxsize=8)
def _missions(path: Path, references_path: Path) -> pd.DataFrame:
    cols = [c for c, *_ in DATA_DICTIONARY["missions"]]
    df = _read_csv(path, cols)
    df["deadline"] = _years(df, "deadline", path.name)
    df["launched"] = _years(df, "launched", path.name)
    known = set(_references(references_path)["key"])
    return _validate(df, _missions_schema(known), path.name, known)


@functools.lru_cache(maxsize=8)
def _glossary(path: Path, references_path: Path) -> pd.DataFrame:
    cols = [c for c, *_ in DATA_DICTIONARY["glossary"]]
    known = set(_references(references_path)["key"])
    return _validate(_read_csv(path, cols), _glossary_schema(known), path.name, known)


def _path(path: str | Path | None, default: Path) -> Path:
    return default if path is None else Path(path).resolve()


def references(path: str | Path | None = None) -> pd.DataFrame:
    """All sources, one row per key, validated. Columns as in ``DATA_DICTIONARY['references']``."""
    return _references(_path(path, REFERENCES_CSV)).copy()


def missions(path: str | Path | None = None, references_path: str | Path | None = None) -> pd.DataFrame:
    """The catalogue of real missions, validated; every ``source_keys`` entry resolves in references.

    ``deadline`` and ``launched`` are nullable integers (``Int64``); a blank
    deadline is explained in ``deadline_note`` (for example "End of Parliament").
    """
    return _missions(_path(path, MISSIONS_CSV), _path(references_path, REFERENCES_CSV)).copy()


def glossary(path: str | Path | None = None, references_path: str | Path | None = None) -> pd.DataFrame:
    """The course glossary (term, slug, definition, source_keys), validated."""
    return _glossary(_path(path, GLOSSARY_CSV), _path(references_path, REFERENCES_CSV)).copy()


def data_dictionary(table: str) -> pd.DataFrame:
    """Column, meaning, unit and allowed values of ``references``, ``missions`` or ``glossary``."""
    if table not in DATA_DICTIONARY:
        raise MissionkitInputError(f"There is no catalogue table called '{table}'",
                                   fix=f"Use one of: {', '.join(DATA_DICTIONARY)}.")
    return pd.DataFrame(DATA_DICTIONARY[table], columns=["column", "meaning", "unit", "allowed values"])


# --------------------------------------------------------------------------- citations and links

def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", str(text).strip().lower())


def resolve_key(key: str, refs: pd.DataFrame | None = None) -> str:
    """Return the reference key for ``key`` (a key such as 'larrue2021' or a brief key such as 'Larrue2021')."""
    refs = references() if refs is None else refs
    keys = list(refs["key"])
    candidate = _slug(key)
    if candidate in keys:
        return candidate
    close = difflib.get_close_matches(candidate, keys, n=3, cutoff=0.6)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise MissionkitInputError(
        f"There is no reference with the key '{key}'",
        fix=f"Use a key from missionkit/data/references.csv (column 'key'), e.g. 'larrue2021'.{hint}",
        file="references.csv", column="key")


def _row(key: str) -> pd.Series:
    refs = references()
    k = resolve_key(key, refs)
    return refs.loc[refs["key"] == k].iloc[0]


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _citation_parts(row: pd.Series) -> tuple[str, str, str, str]:
    authors = row["authors_or_publisher"]
    publisher = row["publisher"]
    if publisher == authors:
        publisher = ""
    return authors, row["year"], row["title"], publisher


CITATION_FORMS = ("full", "inline", "short")


def citation(key: str, form: str = "full", *, mark_secondary: bool = False, unknown: str = "raise") -> str:
    """Plain-text citation of a references.csv key, in one of three forms.

    - ``"full"``: ``"Authors (year). Title. Publisher."``, as on the references
      page (publisher left out when blank or the same as the authors).
    - ``"inline"``: ``"Authors (year), Title, Publisher"``, for a feedback
      source or a table cell (publisher also left out when the authors already
      name it, e.g. 'OECD Mission Action Lab' and 'OECD').
    - ``"short"``: ``"Larrue (2021)"``, the label of :func:`short_label`.

    ``mark_secondary=True`` adds " (secondary source)" (" (secondary)" in the
    short form) when the brief marks the source as secondary.
    ``unknown="key"`` returns an unknown key as it is, so a missing reference
    shows in the text; the default ``"raise"`` raises MissionkitInputError.
    """
    if form not in CITATION_FORMS or unknown not in ("raise", "key"):
        raise MissionkitInputError(
            f"citation() got form={form!r}, unknown={unknown!r}",
            fix=f"Use form one of {', '.join(CITATION_FORMS)} and unknown 'raise' or 'key'.")
    try:
        row = _row(key)
    except MissionkitInputError:
        if unknown == "key":
            return key
        raise
    authors, year, title, publisher = _citation_parts(row)
    if form == "short":
        text = _short_label(row)
    elif form == "inline":
        text = f"{authors} ({year}), {title}"
        if publisher and publisher not in authors:
            text += f", {publisher}"
    else:
        text = f"{authors} ({year}). {_end(title)}"
        if publisher:
            text += f" {_end(publisher)}"
    if mark_secondary and row["secondary"] == "yes":
        text += " (secondary)" if form == "short" else " (secondary source)"
    return text


def _surnames(authors: str) -> list[str] | None:
    if not re.match(r"^[^,;()]+, (?:[A-Z]\.)+", authors):
        return None
    return re.findall(r"(?:^|,\s|&\s)([^,&]+?),\s(?:[A-Z]\.)+", authors)


def short_label(key: str) -> str:
    """Short in-text label, e.g. 'Larrue (2021)', 'Mazzucato and Dibb (2019)', 'OECD (2022)'."""
    return _short_label(_row(key))


def _short_label(row: pd.Series) -> str:
    authors, year = row["authors_or_publisher"], row["year"]
    names = _surnames(authors)
    if names:
        if len(names) == 1:
            who = names[0] + (" et al." if "et al" in authors else "")
        elif len(names) == 2 and "et al" not in authors:
            who = f"{names[0]} and {names[1]}"
        else:
            who = f"{names[0]} et al."
    else:
        who = authors
        if ";" in who:
            who = who.split(";")[0].strip() + " et al."
        else:
            who = who.split(" (")[0]
            if ", " in who:
                head, rest = who.split(", ", 1)
                who = head + (" et al." if " & " in rest else "")
    return f"{who} ({year})"


def _relative(page: str, from_folder: str) -> str:
    folder = str(from_folder or ".").replace("\\", "/").strip("/") or "."
    if folder.startswith("..") or Path(folder).is_absolute():
        raise MissionkitInputError(
            f"The folder '{from_folder}' is not a folder of the course",
            fix="Give the folder of the page that holds the link, relative to the course root, "
                "e.g. 'notebooks', 'solutions' or 'book'.")
    return posixpath.relpath(page, folder)


def _md_text(text: str) -> str:
    """Escape text for a CommonMark paragraph (MyST with dollarmath and linkify)."""
    return re.sub(r"([\\`*_\[\]<>$|])", r"\\\1", str(text))


def cite_link(key: str, from_folder: str = "notebooks", text: str | None = None) -> str:
    """CommonMark link to a reference's anchor, e.g. '[Larrue (2021)](../book/references.md#larrue2021)'.

    ``from_folder`` is the folder (relative to the course root) of the page
    that holds the link: 'notebooks', 'solutions', 'exercises' or 'book'.
    """
    k = resolve_key(key)
    label = _md_text(text if text is not None else short_label(k))
    return f"[{label}]({_relative(REFERENCES_PAGE, from_folder)}#{k})"


def term_link(term: str, from_folder: str = "notebooks", text: str | None = None) -> str:
    """CommonMark link to a glossary term, e.g. '[Mission board](../book/glossary.md#term-mission-board)'.

    ``term`` is the slug ('mission-board') or the term itself ('Mission board').
    """
    g = glossary()
    wanted = str(term).strip()
    hit = g[(g["slug"] == wanted.lower()) | (g["term"].str.lower() == wanted.lower())]
    if hit.empty:
        close = difflib.get_close_matches(wanted.lower(), list(g["slug"]) + list(g["term"].str.lower()), n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise MissionkitInputError(
            f"There is no glossary term '{term}'",
            fix=f"Use a slug or term from missionkit/data/glossary.csv.{hint}", file="glossary.csv", column="slug")
    row = hit.iloc[0]
    label = _md_text(text if text is not None else row["term"])
    return f"[{label}]({_relative(GLOSSARY_PAGE, from_folder)}#{TERM_PREFIX}{row['slug']})"


def unconfirmed_link(from_folder: str = "notebooks", text: str = "What we could not confirm") -> str:
    """CommonMark link to the list of unconfirmed items on the references page."""
    return f"[{_md_text(text)}]({_relative(REFERENCES_PAGE, from_folder)}#{UNCONFIRMED_ANCHOR})"


# --------------------------------------------------------------------------- page generation

def _anchor(anchor_id: str) -> str:
    return f'<a id="{anchor_id}"></a>'


def _host(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0].rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _status(row: pd.Series) -> str:
    if row["verified"] == "yes":
        parts = ["re-checked"]
    elif row["group"] == COURSE_GROUP:
        parts = ["not re-checked (added by the course, outside the research brief)"]
    else:
        parts = ["not re-checked (from earlier notes)"]
    if row["secondary"] == "yes":
        parts.append("secondary source")
    if "unconfirmed" in row["note"].lower():
        parts.append("includes unconfirmed details")
    return "; ".join(parts)


def _reference_entry(row: pd.Series) -> str:
    authors, year, title, publisher = _citation_parts(row)
    text = f"**\\[{_md_text(row['brief_key'])}\\]** {_md_text(authors)} ({_md_text(year)}). *{_md_text(_end(title))}*"
    if publisher:
        text += f" {_md_text(_end(publisher))}"
    if row["note"]:
        text += f" {_md_text(_end(row['note']))}"
    text += f" Online: [{_md_text(_host(row['url']))}]({row['url']})." if row["url"] else " No web address recorded."
    text += f" *Status: {_status(row)}.* Last checked {checked_month(row['last_checked'])}."
    return f"{_anchor(row['key'])}\n\n{text}\n"


def checked_month(month: str) -> str:
    """'2026-12' -> 'December 2026': a last_checked value in words."""
    return date(int(month[:4]), int(month[5:7]), 1).strftime("%B %Y")


def _in_page_links(keys: str, refs: pd.DataFrame) -> str:
    links = []
    for k in _split_keys(keys):
        k = resolve_key(k, refs)
        # a link to this same page (not '#key'), so MyST resolves it like a lesson's link
        links.append(f"[{_md_text(short_label(k))}](references.md#{k})")
    return ", ".join(links)


def render_references_page(refs: pd.DataFrame | None = None) -> str:
    """The text of book/references.md, generated from references.csv."""
    refs = references() if refs is None else refs
    n = len(refs)
    n_ver = int((refs["verified"] == "yes").sum())
    n_sec = int((refs["secondary"] == "yes").sum())
    n_url = int((refs["url"] != "").sum())
    out = [
        "# References",
        "",
        _GENERATED.format(src="references.csv"),
        "",
        "Every fact about real missions in this course comes from one of the sources below. Each source has a "
        "short key; lessons link to it, and the link jumps to the entry on this page.",
        "",
        "## How we checked the sources",
        "",
        "The facts were gathered for the course in a research brief and then checked again. A second check "
        "(December 2026) replaced secondary sources with primary ones where it could reach them and added "
        "missions from low- and middle-income countries. Each entry below ends with its status:",
        "",
        "- **Re-checked**: we found the source again when the brief was checked.",
        "- **Not re-checked**: the source comes from earlier research notes and was not opened again.",
        "- **Secondary source**: the fact comes from the press, a blog or a fact-checker, not from the body "
        "that owns the mission. Check it against the primary data before you rely on it.",
        "- **Includes unconfirmed details**: part of what the source is cited for could not be confirmed "
        "(see the list below). We never teach these details as settled.",
        "- **Last checked**: the month we last opened the source to check what the course cites it for. "
        "November 2026 is the course's first verification pass; sources re-opened since carry a later month.",
        f"- **Added by the course**: a few sources are not in the research brief. A lesson needed them, for "
        f"example for a statistical method. They are listed last, under \"{COURSE_GROUP}\", and were not part "
        "of the brief's check.",
        "",
        "Everything is paraphrased. Numbers, names, dates and titles are given as found. The sources are "
        "snapshots of different ages, so statuses may have changed since, especially the UK milestones, "
        "Korea's K-Moonshot, Brazil's targets and the EU's city label counts. The newest items date from "
        "2025–2026.",
        "",
        f"In numbers: {n} sources; {n_ver} re-checked, {n - n_ver} not re-checked; {n_sec} secondary; "
        f"{n_url} with a web address.",
        "",
        _anchor(UNCONFIRMED_ANCHOR),
        "",
        "## What we could not confirm",
        "",
        "The sources we saw do not support these items well enough to teach them as fact. Check them before "
        "you use them, or present them as uncertain.",
        "",
    ]
    group = None
    for i, (g, text, keys) in enumerate(UNCONFIRMED, 1):
        if g != group:
            if group is not None:
                out.append("")
            out += [f"### {g}", ""]
            group = g
        word = "Sources" if len(_split_keys(keys)) > 1 else "Source"
        out.append(f"{i}. {_md_text(text)} {word}: {_in_page_links(keys, refs)}.")
    out.append("")
    for g in GROUPS:
        out += [f"## {g}", ""]
        for _, row in refs[refs["group"] == g].iterrows():
            out.append(_reference_entry(row))
    return "\n".join(out).rstrip("\n") + "\n"


def render_glossary_page(terms: pd.DataFrame | None = None) -> str:
    """The text of book/glossary.md, generated from glossary.csv (terms in alphabetical order)."""
    terms = glossary() if terms is None else terms
    refs = references()
    out = [
        "# Glossary",
        "",
        _GENERATED.format(src="glossary.csv"),
        "",
        f"Key terms used in this course ({len(terms)} of them), in our own words. Where an idea comes from a "
        "particular source, the source is linked; the full list is in the [references](references.md).",
        "",
    ]
    for _, row in terms.sort_values("term", key=lambda s: s.str.lower()).iterrows():
        definition = _md_text(_end(row["definition"]))
        keys = _split_keys(row["source_keys"])
        if keys:
            links = ", ".join(
                f"[{_md_text(short_label(k))}](references.md#{resolve_key(k, refs)})" for k in keys)
            definition += f" {'Sources' if len(keys) > 1 else 'Source'}: {links}."
        out += [_anchor(TERM_PREFIX + row["slug"]), "", _md_text(row["term"]), f": {definition}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _pages(book_dir: Path) -> dict[Path, str]:
    return {book_dir / "references.md": render_references_page(),
            book_dir / "glossary.md": render_glossary_page()}


def write_pages(book_dir: str | Path | None = None) -> list[Path]:
    """Write book/references.md and book/glossary.md; return the paths written."""
    book = Path(book_dir) if book_dir is not None else BOOK_DIR
    book.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in _pages(book).items():
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def stale_pages(book_dir: str | Path | None = None) -> list[Path]:
    """Pages that are missing or differ from what the CSVs would generate now."""
    book = Path(book_dir) if book_dir is not None else BOOK_DIR
    return [p for p, text in _pages(book).items()
            if not p.exists() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m missionkit.catalogue",
                                     description="Generate book/references.md and book/glossary.md from the CSVs.")
    parser.add_argument("--check", action="store_true", help="only check that the pages are up to date")
    parser.add_argument("--book-dir", default=None, help="folder of the pages (default: the course's book/)")
    args = parser.parse_args(argv)
    try:
        if args.check:
            stale = stale_pages(args.book_dir)
            for p in stale:
                print(f"out of date: {p} (run python -m missionkit.catalogue)", file=sys.stderr)
            return 1 if stale else 0
        for p in write_pages(args.book_dir):
            print(f"wrote {p}")
    except MissionkitInputError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
