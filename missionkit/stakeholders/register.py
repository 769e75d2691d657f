"""Module 05: stakeholders and legitimacy.

Domain logic only (no display code, never prints). It works on a stakeholder
register such as the FICTIONAL Marenta register (``case.load("stakeholders")``,
dataset D4) or a participant's own (:func:`read_register`), and holds:

* :func:`stakeholder_map`: each organisation's stake (interest + influence) and
  its corner of the interest/influence grid;
* :func:`voices` and :func:`missing_voices`: which kinds of actor decide, which
  shape the mission, and which are missing from both;
* :func:`propose_board`: a board (at most 15 seats, the EU cap) and an assembly
  (at most 30) drawn from the register under explicit rules, each seat with the
  reason it was given;
* the engagement ladder (inform, consult, co-design, co-deliver) and formats
  that build legitimacy, with real examples and their sources;
* feedback on an engagement plan and the checks of the module's exercise.

The board proposal is a transparent greedy procedure, not an optimiser: a
participant can follow every step, and the rules (not the arithmetic) carry
the judgement. Sources are keys of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank, md_escape
from missionkit.tables import Column, TableSpec, read_table
from missionkit.text import and_list, cite, cites

__all__ = [
    "BOARD_MAX", "ASSEMBLY_MAX", "STAKEHOLDER_TYPES", "TYPE_LABELS", "GOVERNMENT_TYPES", "ENGAGEMENT_LEVELS",
    "SHAPING_LEVELS", "FORMATS", "REGISTER_SPEC", "read_register", "check_register", "stakeholder_map",
    "quadrant_summary", "seat_table", "voices", "missing_voices", "BoardRules", "parse_rules", "BoardProposal",
    "propose_board",
    "engagement_ladder", "legitimacy_formats", "assess_engagement_plan", "check_missing_voices", "check_board",
    "check_engagement_plan", "EXAMPLE_PLAN", "EXAMPLE_FORMATS", "normalise_type",
]

BOARD_MAX = 15  # EU mission boards: up to 15 experts [EU-boards-2019]
ASSEMBLY_MAX = 30  # EU mission assemblies: up to 30 [EU-boards-2019]
STAKEHOLDER_TYPES: tuple[str, ...] = case.STAKEHOLDER_TYPES
GOVERNMENT_TYPES: tuple[str, ...] = ("ministry", "agency", "city")
ENGAGEMENT_LEVELS: tuple[str, ...] = ("inform", "consult", "co-design", "co-deliver")
SHAPING_LEVELS: tuple[str, ...] = ("co-design", "co-deliver")
HIGH = 4  # a score of 4 or 5 (on 1-5) counts as high

TYPE_LABELS: dict[str, tuple[str, str]] = {  # type: (one, many)
    "ministry": ("ministry", "ministries"),
    "city": ("city government", "city governments"),
    "agency": ("agency", "agencies"),
    "state-owned enterprise": ("state-owned enterprise", "state-owned enterprises"),
    "firm": ("firm", "firms"),
    "informal-transport association": ("informal transport operators' association",
                                       "informal transport operators' associations"),
    "university": ("university or research institute", "universities and research institutes"),
    "NGO": ("NGO", "NGOs"),
    "women's group": ("women's group", "women's groups"),
    "citizens' group": ("citizens' group", "citizens' groups"),
    "donor": ("donor", "donors"),
    "development bank": ("development bank", "development banks"),
}


def _one(t: str) -> str:
    return TYPE_LABELS.get(t, (t, t))[0]


def _many(t: str) -> str:
    return TYPE_LABELS.get(t, (t, t + "s"))[1]


# --------------------------------------------------------------------------- sources
# --------------------------------------------------------------------------- reading a register
_TYPE_SYNONYMS = {
    "ministry": "ministry", "ministries": "ministry", "government ministry": "ministry",
    "city": "city", "cities": "city", "city government": "city", "municipality": "city", "local government": "city",
    "agency": "agency", "agencies": "agency", "public agency": "agency",
    "state-owned enterprise": "state-owned enterprise", "state owned enterprise": "state-owned enterprise",
    "soe": "state-owned enterprise", "state-owned enterprises": "state-owned enterprise",
    "firm": "firm", "firms": "firm", "company": "firm", "companies": "firm", "business": "firm",
    "private firm": "firm",
    "informal-transport association": "informal-transport association",
    "informal transport association": "informal-transport association",
    "informal-transport associations": "informal-transport association",
    "informal transport associations": "informal-transport association",
    "informal operators": "informal-transport association", "informal operator": "informal-transport association",
    "informal transport operators": "informal-transport association",
    "informal transport": "informal-transport association", "informal": "informal-transport association",
    "minibus operators": "informal-transport association",
    "university": "university", "universities": "university", "research institute": "university",
    "ngo": "NGO", "ngos": "NGO", "civil society organisation": "NGO", "cso": "NGO",
    "women's group": "women's group", "womens group": "women's group", "women's groups": "women's group",
    "womens groups": "women's group", "women": "women's group", "women groups": "women's group",
    "women group": "women's group",
    "citizens' group": "citizens' group", "citizens group": "citizens' group", "citizen group": "citizens' group",
    "citizens' groups": "citizens' group", "citizens groups": "citizens' group", "citizens": "citizens' group",
    "citizen": "citizens' group", "residents": "citizens' group", "commuters": "citizens' group",
    "donor": "donor", "donors": "donor", "bilateral donor": "donor",
    "development bank": "development bank", "development banks": "development bank", "lender": "development bank",
    "lenders": "development bank",
}
_GROUP_SYNONYMS = {"development partners": ("donor", "development bank"),
                   "development partner": ("donor", "development bank"),
                   "funders": ("donor", "development bank")}


def normalise_type(value: Any) -> tuple[str, ...]:
    """The register type(s) a participant's words mean ('donors' -> ('donor',);
    'development partners' -> ('donor', 'development bank')); () if unknown."""
    text = re.sub(r"\s+", " ", str(value).strip().lower().replace("\u2019", "'")).strip(" .")
    if text in _GROUP_SYNONYMS:
        return _GROUP_SYNONYMS[text]
    hit = _TYPE_SYNONYMS.get(text) or _TYPE_SYNONYMS.get(text.replace("-", " "))
    return (hit,) if hit else ()


REGISTER_SPEC = TableSpec(
    "stakeholder register",
    (
        Column("name", unique=True, synonyms=("organisation", "organization", "stakeholder", "actor"),
               description="name of the organisation", example="Ministry of Transport"),
        Column("type", synonyms=("actor type", "kind", "category", "stakeholder type"),
               description="kind of organisation: " + ", ".join(STAKEHOLDER_TYPES), example="ministry"),
        Column("interest", "integer", min=1, max=5, synonyms=("interest score",),
               description="1 = very little to 5 = a great deal", example=5),
        Column("influence", "integer", min=1, max=5, synonyms=("influence score", "power"),
               description="1 = very little to 5 = a great deal", example=4),
        Column("stakeholder_id", required=False, unique=True, synonyms=("id",)),
        Column("level", "choice", required=False, choices=("national", "city", "international")),
        Column("sector", required=False, synonyms=("field",)),
        Column("role", required=False),
        Column("seat", "choice", required=False, choices=("board", "assembly", "none"),
               synonyms=("current seat",)),
        Column("engagement", "choice", required=False, choices=ENGAGEMENT_LEVELS + ("none",),
               synonyms=("engagement level",)),
    ),
)


def read_register(source: Any, *, sheet: str | None = None, name: str | None = None) -> pd.DataFrame:
    """Read a participant's own stakeholder register (CSV or Excel) and check it.

    Needs the columns ``name``, ``type`` (one of the register's twelve types),
    ``interest`` and ``influence`` (whole numbers 1 to 5). ``level``,
    ``sector``, ``role``, ``seat`` and ``engagement`` are optional. Problems
    come back as a plain message naming the file, row and column.
    """
    df = read_table(source, REGISTER_SPEC, sheet=sheet, name=name)
    shown = name or (getattr(source, "name", None) if not isinstance(source, (str, bytes)) else None)
    if shown is None and isinstance(source, str):
        from pathlib import Path

        shown = Path(source.strip()).name
    return _complete(df, file=shown or "uploaded file")


def _row_number(label: Any) -> int | None:
    try:
        return int(label)
    except (TypeError, ValueError):
        return None


def _complete(df: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    out = df.copy()
    kinds = []
    for row, value in zip(out.index, out["type"], strict=False):
        found = normalise_type(value)
        if len(found) != 1:
            close = difflib.get_close_matches(str(value).strip().lower(), STAKEHOLDER_TYPES, n=1, cutoff=0.5)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            raise MissionkitInputError(
                f"'{value}' is not a kind of organisation the course knows",
                fix=hint + "Use one of: " + ", ".join(STAKEHOLDER_TYPES) + " (plain words such as 'donors' or "
                    "'informal operators' also work)",
                file=file, row=_row_number(row), column="type")
        kinds.append(found[0])
    out["type"] = kinds
    out["stakeholder_id"] = [
        str(v) if isinstance(v, str) and v.strip() else f"S{i:03d}"
        for i, v in enumerate(out["stakeholder_id"], start=1)
    ]
    out["level"] = out["level"].fillna("national")
    out["sector"] = out["sector"].fillna("(not given)")
    out["role"] = out["role"].fillna("")
    out["seat"] = out["seat"].fillna("none")
    out["engagement"] = out["engagement"].fillna("none")
    out["interest"] = out["interest"].astype(int)
    out["influence"] = out["influence"].astype(int)
    cols = ["stakeholder_id", "name", "type", "level", "sector", "interest", "influence", "role", "seat",
            "engagement"]
    return out[cols].reset_index(drop=True)


def check_register(register: Any) -> pd.DataFrame:
    """A clean copy of ``register`` (a DataFrame), or a plain-language error.

    The case register passes as it is; any other table is checked against
    :data:`REGISTER_SPEC` (rows named as in a spreadsheet, header = row 1).
    """
    if not isinstance(register, pd.DataFrame):
        raise MissionkitInputError(
            f"The stakeholder register should be a table, not {type(register).__name__}",
            fix='Load it first, for example register = case.load("stakeholders") or '
                'register = stakeholders.read_register("my-work/register.csv")')
    case_cols = case.DATASETS["stakeholders"].column_names
    if list(register.columns) == case_cols:
        try:
            case.validate("stakeholders", register, file="stakeholder register")
        except MissionkitInputError:
            pass  # fall through to the general reader, which names the row
        else:
            out = register.reset_index(drop=True).copy()
            out["interest"] = out["interest"].astype(int)
            out["influence"] = out["influence"].astype(int)
            return out
    return _complete(read_table(register, REGISTER_SPEC, name="stakeholder register"), file="stakeholder register")


# --------------------------------------------------------------------------- the map
QUADRANTS = {
    "key player": "Key players: high interest and high influence. Involve them closely.",
    "could block": "Could block: high influence, low interest. Win them over; do not surprise them.",
    "keen but weak": "Keen but weak: high interest, low influence. Give them a real voice.",
    "watch": "Watch: neither high. Keep them informed.",
}
"""The corners of the interest/influence grid. The names and advice are OUR
wording of a common planning grid; "high" means 4 or 5 on the 1-5 scale."""


def _quadrant(interest: int, influence: int) -> str:
    hi_int, hi_inf = interest >= HIGH, influence >= HIGH
    if hi_int and hi_inf:
        return "key player"
    if hi_inf:
        return "could block"
    if hi_int:
        return "keen but weak"
    return "watch"


def stakeholder_map(register: Any) -> pd.DataFrame:
    """The register with ``stake`` (interest + influence, 2 to 10), ``corner``
    (key player / could block / keen but weak / watch) and ``voice`` (whether
    the organisation's kind of actor decides, shapes or is missing)."""
    df = check_register(register)
    df["stake"] = df["interest"] + df["influence"]
    df["corner"] = [_quadrant(i, f) for i, f in zip(df["interest"], df["influence"], strict=False)]
    status = _voices(df).set_index("type")["status"]
    df["voice"] = df["type"].map(status)
    return df


def quadrant_summary(register: Any) -> pd.DataFrame:
    """How many organisations sit in each corner of the grid, and how many of them
    belong to a missing voice or hold no seat at all."""
    m = stakeholder_map(register)
    rows = []
    for corner, advice in QUADRANTS.items():
        part = m[m["corner"] == corner]
        rows.append({
            "corner": corner,
            "organisations": len(part),
            "from a missing voice": int((part["voice"] == "missing").sum()),
            "with no seat": int((part["seat"] == "none").sum()),
            "examples": "; ".join(part.sort_values(["stake", "interest"], ascending=False)["name"].head(3)),
            "what to do (our proposal)": advice.split(". ", 1)[1] if ". " in advice else advice,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- who decides, who is missing
VOICE_STATUSES = ("deciding", "shaping", "missing")


def seat_table(register: Any) -> pd.DataFrame:
    """Seats and engagement by kind of actor, without any verdict: organisations,
    board and assembly seats today, and how many are engaged at each level."""
    df = check_register(register)
    rows = []
    for t in [t for t in STAKEHOLDER_TYPES if t in set(df["type"])]:
        part = df[df["type"] == t]
        row = {"type": t, "organisations": len(part), "board": int((part["seat"] == "board").sum()),
               "assembly": int((part["seat"] == "assembly").sum())}
        for level in ("none",) + ENGAGEMENT_LEVELS:
            row[level] = int((part["engagement"] == level).sum())
        rows.append(row)
    return pd.DataFrame(rows).set_index("type")


def voices(register: Any) -> pd.DataFrame:
    """One row per kind of actor: how many organisations, board and assembly seats,
    how many co-design or co-deliver, and a status.

    * ``deciding``: at least one sits on the board;
    * ``shaping``: none on the board, but at least one co-designs or co-delivers;
    * ``missing``: none on the board and none co-designs or co-delivers. An
      assembly seat does not count: the assembly advises, and being informed or
      consulted is being told or asked, not deciding or shaping.

    The rule is OUR PROPOSAL. It follows "Governing Missions" (2019): citizens
    should help co-design, co-create, co-implement and co-assess missions
    `[Mazz2019-Governing]`; and the OECD's call to bring in actors who are not
    usually involved `[GGSD2022]`.
    """
    return _voices(check_register(register))


def _voices(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for t in [t for t in STAKEHOLDER_TYPES if t in set(df["type"])] + sorted(set(df["type"]) - set(STAKEHOLDER_TYPES)):
        part = df[df["type"] == t]
        board = int((part["seat"] == "board").sum())
        assembly = int((part["seat"] == "assembly").sum())
        shaping = int(part["engagement"].isin(SHAPING_LEVELS).sum())
        levels = [lv for lv in ("co-deliver", "co-design", "consult", "inform") if lv in set(part["engagement"])]
        best = levels[0] if levels else "none"
        n = len(part)
        if board:
            status = "deciding"
            why = f"{board} of {n} on the board"
        elif shaping:
            status = "shaping"
            why = (f"none on the board, but {shaping} of {n} "
                   f"{'co-designs or co-delivers' if shaping == 1 else 'co-design or co-deliver'}")
        else:
            status = "missing"
            why = ("none on the board, none co-designs or co-delivers; "
                   + (f"{assembly} of {n} in the assembly, which only advises" if assembly else "no seat anywhere"))
        rows.append({"type": t, "organisations": n, "board": board, "assembly": assembly,
                     "co-design or co-deliver": shaping, "highest engagement": best,
                     "mean interest": round(float(part["interest"].mean()), 1),
                     "highest influence": int(part["influence"].max()), "status": status, "why": why})
    out = pd.DataFrame(rows)
    order = {s: i for i, s in enumerate(("missing", "shaping", "deciding"))}
    return out.sort_values(by=["status", "organisations"], key=lambda s: s.map(order) if s.name == "status" else -s,
                           kind="stable").reset_index(drop=True)


def missing_voices(register: Any) -> pd.DataFrame:
    """The kinds of actor with no say in decisions: no board seat, and nobody
    co-designing or co-delivering (see :func:`voices`). In the FICTIONAL Marenta
    register: citizens' groups, informal transport operators, women's groups,
    donors and development banks."""
    v = voices(register)
    return v[v["status"] == "missing"].reset_index(drop=True)


# --------------------------------------------------------------------------- rules and the board proposal
@dataclass(frozen=True)
class BoardRules:
    """The rules a board and assembly proposal must respect (defaults: OUR PROPOSAL).

    assembly_size: seats in the assembly (at most 30, the EU cap).
    max_per_type: at most this many board seats for one kind of actor.
    max_per_sector: at most this many board seats for one sector.
    max_government_share: at most this share of board seats for government
        (ministries, agencies, city governments).
    must_include: kinds of actor that get a reserved board seat; ``None`` means
        the register's missing voices.
    include: organisations (names or ids) that must sit on the board.
    assembly_max_per_type: at most this many assembly seats for one kind of actor.
    """

    assembly_size: int = 28
    max_per_type: int = 3
    max_per_sector: int = 3
    max_government_share: float = 0.5
    must_include: tuple[str, ...] | None = None
    include: tuple[str, ...] = ()
    assembly_max_per_type: int = 5


RULE_NAMES = tuple(f.name for f in fields(BoardRules))
_RULE_HELP = {
    "assembly_size": "a whole number from 0 to 30",
    "max_per_type": "a whole number, at least 1",
    "max_per_sector": "a whole number, at least 1",
    "max_government_share": "a share between 0 and 1, for example 0.5 for half",
    "must_include": 'a list of kinds of actor, for example ["citizens\' group", "donor"]',
    "include": 'a list of organisation names, for example ["Ministry of Finance"]',
    "assembly_max_per_type": "a whole number, at least 1",
}


def _whole(value: Any, name: str, lo: int, hi: int | None = None) -> int:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()
    if not ok or value < lo or (hi is not None and value > hi):
        raise MissionkitInputError(f"The rule '{name}' is {value!r}", fix=f"Give {_RULE_HELP.get(name, 'a number')}.")
    return int(value)


def _text_list(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set)) or not all(isinstance(v, str) for v in value):
        raise MissionkitInputError(f"The rule '{name}' should be a list of names in quotes, not {value!r}",
                                   fix=f"Give {_RULE_HELP[name]}.")
    return tuple(v.strip() for v in value if v.strip())


def parse_rules(rules: Any = None) -> BoardRules:
    """Rules from a :class:`BoardRules`, a dict of rule: value, or ``None`` (defaults).

    A rule left as ``...`` keeps its default. Unknown rule names and values of
    the wrong kind raise a plain-language error.
    """
    if rules is None or rules is ...:
        return BoardRules()
    if isinstance(rules, BoardRules):
        return rules
    if not isinstance(rules, Mapping):
        raise MissionkitInputError(f"The rules should be a dict of rule: value, not {type(rules).__name__}",
                                   fix="Write them as {\"max_per_type\": 3, ...}. Known rules: "
                                       + ", ".join(RULE_NAMES) + ".")
    given: dict[str, Any] = {}
    for key, value in rules.items():
        k = str(key).strip()
        if k not in RULE_NAMES:
            close = difflib.get_close_matches(k, RULE_NAMES, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise MissionkitInputError(f"There is no rule called '{k}'",
                                       fix="Use the rules: " + ", ".join(RULE_NAMES) + "." + hint)
        if value is ...:
            continue
        if k == "max_government_share":
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not number or math.isnan(value) or not 0 <= value <= 1:
                raise MissionkitInputError(f"The rule 'max_government_share' is {value!r}",
                                           fix="Give a share between 0 and 1, for example 0.5 for half.")
            given[k] = float(value)
        elif k == "assembly_size":
            given[k] = _whole(value, k, 0, ASSEMBLY_MAX)
        elif k in ("max_per_type", "max_per_sector", "assembly_max_per_type"):
            given[k] = _whole(value, k, 1)
        elif k == "must_include":
            if value is None:
                given[k] = None
                continue
            kinds: list[str] = []
            for item in _text_list(value, k):
                found = normalise_type(item)
                if not found:
                    raise MissionkitInputError(
                        f"'{item}' in the rule 'must_include' is not a kind of actor in the register",
                        fix="Use the register's types: " + ", ".join(STAKEHOLDER_TYPES) + ".")
                kinds += [f for f in found if f not in kinds]
            given[k] = tuple(kinds)
        elif k == "include":
            given[k] = _text_list(value, k)
    return BoardRules(**given)


@dataclass
class BoardProposal:
    """A proposed board and assembly, every seat with its reason.

    ``board`` and ``assembly`` list the members (``why`` says why each got its
    seat; ``today`` is the seat the organisation holds now). ``left_out`` lists
    organisations a rule kept out although their stake was high enough.
    """

    board: pd.DataFrame
    assembly: pd.DataFrame
    left_out: pd.DataFrame
    rules: BoardRules
    size: int
    must_include: tuple[str, ...]
    notes: list[str] = field(default_factory=list)

    METHOD = ("Seats go first to organisations your rules name, then one to each kind of actor that must be "
              "included, then to the highest stake (interest + influence). Ties go to national bodies (they speak "
              "for all three cities), then to the more interested, then to the register's order. A candidate who "
              "would break a rule is skipped and listed as left out.")

    def balance(self) -> pd.DataFrame:
        """Seats by kind of actor: on the proposed board and assembly, and today."""
        rows = []
        types = [t for t in STAKEHOLDER_TYPES if t in set(self.board["type"]) | set(self.assembly["type"])
                 | set(self._register["type"])]
        for t in types:
            reg = self._register[self._register["type"] == t]
            rows.append({"type": t, "board (proposed)": int((self.board["type"] == t).sum()),
                         "board (today)": int((reg["seat"] == "board").sum()),
                         "assembly (proposed)": int((self.assembly["type"] == t).sum()),
                         "assembly (today)": int((reg["seat"] == "assembly").sum())})
        return pd.DataFrame(rows)

    def checks(self) -> pd.DataFrame:
        """Each rule, whether the proposal keeps it, and the figure behind it."""
        r, b = self.rules, self.board
        gov = int(b["type"].isin(GOVERNMENT_TYPES).sum())
        per_type = b["type"].value_counts()
        per_sector = b["sector"].value_counts()
        per_type_a = self.assembly["type"].value_counts()
        absent = [t for t in self.must_include if t not in set(b["type"])]
        named = set(b["name"])
        missing_names = [n for n in self._included_names if n not in named]
        rows = [
            ("Board size", len(b) <= BOARD_MAX and len(b) == self.size,
             f"{len(b)} seats (asked for {self.size}; EU cap {BOARD_MAX})"),
            ("Assembly size", len(self.assembly) <= ASSEMBLY_MAX,
             f"{len(self.assembly)} seats (asked for {r.assembly_size}; EU cap {ASSEMBLY_MAX})"),
            ("Seats per kind of actor (board)", int(per_type.max()) <= r.max_per_type if len(b) else True,
             f"at most {int(per_type.max()) if len(b) else 0} (limit {r.max_per_type})"),
            ("Seats per sector (board)", int(per_sector.max()) <= r.max_per_sector if len(b) else True,
             f"at most {int(per_sector.max()) if len(b) else 0} (limit {r.max_per_sector})"),
            ("Government share (board)", gov <= math.floor(r.max_government_share * len(b) + 1e-9),
             f"{gov} of {len(b)} seats (limit {r.max_government_share:.0%})"),
            ("Missing voices seated", not absent,
             "all seated" if not absent else "not seated: " + and_list([_many(t) for t in absent])),
            ("Named organisations seated", not missing_names,
             "all seated" if not missing_names else "not seated: " + and_list(missing_names)),
            ("Seats per kind of actor (assembly)",
             int(per_type_a.max()) <= r.assembly_max_per_type if len(self.assembly) else True,
             f"at most {int(per_type_a.max()) if len(self.assembly) else 0} (limit {r.assembly_max_per_type})"),
        ]
        return pd.DataFrame(rows, columns=["rule", "kept", "detail"])

    def table(self, body: str = "board") -> pd.DataFrame:
        """The members of ``body`` ("board" or "assembly") as a short table for display."""
        df = self.board if body == "board" else self.assembly
        return df[["seat", "name", "type", "today", "why"]].set_index("seat")

    _register: pd.DataFrame = field(default=None, repr=False)  # type: ignore[assignment]
    _included_names: tuple[str, ...] = field(default=(), repr=False)


def _order(df: pd.DataFrame) -> pd.DataFrame:
    ranked = df.assign(_lvl=df["level"].map({"national": 0, "international": 1}).fillna(2),
                       _pos=range(len(df)))
    ranked = ranked.sort_values(["stake", "_lvl", "interest", "_pos"], ascending=[False, True, False, True])
    return ranked.assign(_rank=range(len(ranked)))


def _find(register: pd.DataFrame, wanted: str) -> int:
    text = wanted.strip().lower()
    for i, (sid, name) in enumerate(zip(register["stakeholder_id"], register["name"], strict=False)):
        if text in (str(sid).lower(), str(name).lower()):
            return i
    hits = [i for i, name in enumerate(register["name"]) if text and text in str(name).lower()]
    if len(hits) == 1:
        return hits[0]
    close = difflib.get_close_matches(wanted, list(register["name"]), n=3, cutoff=0.5)
    hint = " Did you mean " + and_list([f"'{c}'" for c in close]) + "?" if close else ""
    if len(hits) > 1:
        raise MissionkitInputError(
            f"'{wanted}' in the rule 'include' matches {len(hits)} organisations",
            fix="Write the full name, for example " + and_list([f"'{register['name'].iloc[h]}'" for h in hits[:3]]) + ".")
    raise MissionkitInputError(f"'{wanted}' in the rule 'include' is not in the register",
                               fix="Copy the name exactly as the register writes it." + hint)


class _Seats:
    """Seats being filled for one body, with its caps."""

    def __init__(self, size: int, per_type: int, per_sector: int | None, gov_share: float | None) -> None:
        self.size, self.per_type, self.per_sector, self.gov_share = size, per_type, per_sector, gov_share
        self.rows: list[dict] = []
        self.gov_cap = math.floor(gov_share * size + 1e-9) if gov_share is not None else None

    def full(self) -> bool:
        return len(self.rows) >= self.size

    def blocker(self, row: Mapping) -> str | None:
        """Why ``row`` cannot take a seat (None if it can)."""
        t, s = row["type"], row["sector"]
        if sum(r["type"] == t for r in self.rows) >= self.per_type:
            n = self.per_type + 1
            return (f"would be {_ordinal(n)} {_one(t)} (limit {self.per_type} per kind of actor)")
        if self.per_sector is not None and sum(r["sector"] == s for r in self.rows) >= self.per_sector:
            return f"would be {_ordinal(self.per_sector + 1)} seat for the sector '{s}' (limit {self.per_sector})"
        if self.gov_cap is not None and t in GOVERNMENT_TYPES and sum(
                r["type"] in GOVERNMENT_TYPES for r in self.rows) >= self.gov_cap:
            return (f"would take government above {self.gov_share:.0%} of the seats "
                    f"(limit {self.gov_cap} of {self.size})")
        return None

    def take(self, row: Mapping, why: str) -> None:
        self.rows.append({**dict(row), "why": why})


def _ordinal(n: int) -> str:
    return {1: "a 1st", 2: "a 2nd", 3: "a 3rd"}.get(n, f"a {n}th")


def _tie(row: Mapping, later: pd.DataFrame) -> str:
    """A note when candidates ranked after ``row`` had the same stake, saying what decided."""
    same = later[later["stake"] == row["stake"]]
    if same.empty:
        return ""
    lvl = {"national": 0, "international": 1}
    mine = lvl.get(row["level"], 2)
    bases = []
    for _, other in same.iterrows():
        if lvl.get(other["level"], 2) > mine:
            basis = "national reach"
        elif other["interest"] < row["interest"]:
            basis = "higher interest"
        else:
            basis = "the register's order"
        if basis not in bases:
            bases.append(basis)
    n = len(same)
    return f" (tied on stake with {n} other{'s' if n > 1 else ''}; {and_list(bases)} decided)"


def _stake_text(row: Mapping) -> str:
    return f"stake {row['stake']} = interest {row['interest']} + influence {row['influence']}"


def propose_board(register: Any, size: int = 13, rules: Any = None) -> BoardProposal:
    """Propose a board of ``size`` seats (at most 15) and an assembly, with a reason for every seat.

    Board, in this order:

    1. organisations named in ``rules.include``;
    2. one reserved seat for each kind of actor in ``rules.must_include``
       (default: the register's missing voices, :func:`missing_voices`);
    3. open seats by stake (interest + influence), ties to national bodies, then
       to the more interested.

    Every seat respects the caps: at most ``max_per_type`` per kind of actor,
    ``max_per_sector`` per sector and ``max_government_share`` for government.

    Assembly (``rules.assembly_size`` seats, at most 30) from those not on the
    board: first one seat for each kind of actor in the register (breadth),
    then by stake, at most ``assembly_max_per_type`` per kind.

    Raises :class:`MissionkitInputError` when a size breaks the EU caps or the
    rules cannot all be kept.
    """
    reg = check_register(register)
    r = parse_rules(rules)
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not float(size).is_integer():
        raise MissionkitInputError(f"The board size should be a whole number, not {size!r}",
                                   fix=f"Give a number of seats from 3 to {BOARD_MAX}, for example size=13.")
    size = int(size)
    if size > BOARD_MAX:
        raise MissionkitInputError(
            f"A board of {size} is larger than the EU cap of {BOARD_MAX} members",
            fix=f"Give {BOARD_MAX} seats or fewer; put the others in the assembly (up to {ASSEMBLY_MAX}).")
    if size < 3:
        raise MissionkitInputError(f"A board of {size} is too small to balance",
                                   fix=f"Give a number of seats from 3 to {BOARD_MAX}.")
    mapped = reg.assign(stake=reg["interest"] + reg["influence"])
    voice_table = _voices(reg)
    missing_types = set(voice_table.loc[voice_table["status"] == "missing", "type"])
    must = (tuple(t for t in STAKEHOLDER_TYPES if t in missing_types) if r.must_include is None
            else r.must_include)
    notes: list[str] = []
    absent_types = [t for t in must if t not in set(mapped["type"])]
    if absent_types:
        notes.append("No " + and_list([_one(t) for t in absent_types]) + " in the register, so "
                     + ("its" if len(absent_types) == 1 else "their") + " reserved seat stays open: find one.")
        must = tuple(t for t in must if t not in absent_types)
    included = [int(_find(reg, name)) for name in r.include]
    if len(set(included)) + len(must) > size:
        raise MissionkitInputError(
            f"The rules reserve {len(set(included)) + len(must)} seats on a board of {size}",
            fix="Make the board larger (up to 15), or name fewer organisations or kinds of actor.")
    n_types = mapped["type"].nunique()
    if r.max_per_type * n_types < size:
        raise MissionkitInputError(
            f"With at most {r.max_per_type} seat(s) per kind of actor and {n_types} kinds in the register, "
            f"a board of {size} cannot be filled",
            fix="Raise max_per_type or make the board smaller.")
    ordered = _order(mapped)
    board = _Seats(size, r.max_per_type, r.max_per_sector, r.max_government_share)
    seated: set[int] = set()

    for idx in dict.fromkeys(included):
        row = mapped.iloc[idx]
        block = board.blocker(row)
        if block:
            raise MissionkitInputError(
                f"'{row['name']}' cannot join the board: it {block}",
                fix="Relax that rule, or name fewer organisations of the same kind or sector.")
        board.take(row, f"Named seat: your rules include {row['name']}.")
        seated.add(idx)

    for t in must:
        if any(r_["type"] == t for r_ in board.rows):
            continue
        pool = ordered[(ordered["type"] == t) & ~ordered.index.isin(seated)]
        chosen = None
        for idx, row in pool.iterrows():
            if board.blocker(row) is None:
                chosen = idx
                break
        if chosen is None:
            raise MissionkitInputError(
                f"No {_one(t)} can take the reserved seat without breaking a rule",
                fix="Raise max_per_sector or max_per_type, or drop this kind from must_include.")
        row = ordered.loc[chosen]
        reason = (f"Reserved seat for {_many(t)}, a missing voice. " if t in missing_types
                  else f"Reserved seat for {_many(t)}: your rules must include them. ")
        reason += (f"Highest {_stake_text(row)} among {_many(t)}"
                   f"{_tie(row, pool[pool['_rank'] > ordered.loc[chosen, '_rank']])}.")
        board.take(row, reason)
        seated.add(chosen)

    left: list[dict] = []
    for idx, row in ordered.iterrows():
        if board.full():
            break
        if idx in seated:
            continue
        block = board.blocker(row)
        if block:
            left.append({"name": row["name"], "type": row["type"], "stake": int(row["stake"]), "body": "board",
                         "why left out": f"Skipped: it {block}."})
            continue
        later = ordered[(ordered["_rank"] > row["_rank"]) & ~ordered.index.isin(seated)]
        board.take(row, f"Open seat: highest {_stake_text(row)} among those left{_tie(row, later)}.")
        seated.add(idx)
    if not board.full():
        raise MissionkitInputError(
            f"Only {len(board.rows)} of {size} board seats could be filled under these rules",
            fix="Relax a rule (max_per_type, max_per_sector or max_government_share) or make the board smaller.")
    lowest = min(int(x["stake"]) for x in board.rows)
    left = [x for x in left if x["stake"] >= lowest]

    # assembly
    asm = _Seats(r.assembly_size, r.assembly_max_per_type, None, None)
    rest = ordered[~ordered.index.isin(seated)]
    for t in [t for t in STAKEHOLDER_TYPES if t in set(rest["type"])]:
        if asm.full():
            break
        row = rest[rest["type"] == t].iloc[0]
        asm.take(row, f"Breadth seat: every kind of actor gets a voice; highest {_stake_text(row)} among "
                      f"{_many(t)} not on the board.")
        seated.add(row.name)
    asm_left: list[dict] = []
    for idx, row in rest.iterrows():
        if asm.full():
            break
        if idx in seated:
            continue
        block = asm.blocker(row)
        if block:
            asm_left.append({"name": row["name"], "type": row["type"], "stake": int(row["stake"]),
                             "body": "assembly", "why left out": f"Skipped: it {block}."})
            continue
        asm.take(row, f"Open seat: highest {_stake_text(row)} among those left.")
        seated.add(idx)
    if not asm.full() and r.assembly_size:
        notes.append(f"Only {len(asm.rows)} of {r.assembly_size} assembly seats could be filled: "
                     "the register has too few organisations left under the per-kind limit.")
    if asm.rows:
        low_a = min(int(x["stake"]) for x in asm.rows)
        left += [x for x in asm_left if x["stake"] >= low_a]

    def frame(rows: list[dict]) -> pd.DataFrame:
        cols = ["stakeholder_id", "name", "type", "level", "sector", "interest", "influence", "stake", "seat", "why"]
        if not rows:
            return pd.DataFrame(columns=["seat", "stakeholder_id", "name", "type", "level", "sector", "interest",
                                         "influence", "stake", "today", "why"])
        df = pd.DataFrame(rows)[cols].rename(columns={"seat": "today"})
        df.insert(0, "seat", range(1, len(df) + 1))
        return df.reset_index(drop=True)

    proposal = BoardProposal(
        board=frame(board.rows), assembly=frame(asm.rows),
        left_out=pd.DataFrame(left, columns=["name", "type", "stake", "body", "why left out"]),
        rules=r, size=size, must_include=must, notes=notes)
    proposal._register = reg
    proposal._included_names = tuple(mapped.iloc[i]["name"] for i in dict.fromkeys(included))
    return proposal


# --------------------------------------------------------------------------- engagement and legitimacy
_LADDER = [
    ("inform", "One-way: the mission team tells people what is decided and why.",
     "Public information: briefings, a website, a dashboard.",
     "Needed for everyone, but it builds little legitimacy on its own: nobody was asked."),
    ("consult", "People are asked for views or ideas; the team decides what to do with them.",
     "Public calls for ideas, surveys and polls, hearings, a seat in an advisory assembly.",
     "Japan's Moonshot: a Visionary Council gathered about 1,800 public ideas and 25 candidate goals "
     "[Moonshot]. Vinnova's Street Moves pilots were followed by a poll: more than 70% positive, about "
     "10% negative [Vinnova-notes]."),
    ("co-design", "People shape the options and the plan with the team, before decisions are taken.",
     "Citizen panels, design workshops, street pilots, co-drafted contracts, a board seat.",
     "EU Climate City Contracts are drafted with local stakeholders, including business and citizens "
     "[EIT-2023][NZC-2024-08]."),
    ("co-deliver", "People carry out part of the mission and share responsibility for results.",
     "Contracts or agreements to deliver (for example route contracts), co-financing, joint programmes.",
     "\"Governing Missions\" (2019) asks that citizens help co-design, co-create, co-implement and "
     "co-assess missions [Mazz2019-Governing]."),
]


def engagement_ladder() -> pd.DataFrame:
    """The four engagement levels used in this course, with formats and real examples.

    The four-step ladder is OUR SYNTHESIS; the examples and the co-design /
    co-create / co-implement / co-assess idea come from the sources named.
    """
    return pd.DataFrame(_LADDER, columns=["level", "what it means", "typical formats", "real example or note"])


@dataclass(frozen=True)
class LegitimacyFormat:
    name: str
    what: str
    level: str
    example: str
    caution: str
    sources: tuple[str, ...]


FORMATS_DETAIL: tuple[LegitimacyFormat, ...] = (
    LegitimacyFormat(
        "mission board", "A small body of independent experts that advises on design, portfolio, changes of course "
        "and indicators.", "co-design",
        "EU mission boards: up to 15 experts, appointed for up to 18 months, meeting at least four times a year; "
        "the call ran 13 May to 11 June 2019 and the chairs were announced on 4 July 2019. New boards for "
        "2022-2025 drew more than 1,100 applicants. Vinnova's international mission board first met on "
        "27 January 2020.",
        "Figures from secondary reports (eoc.org.cy, KoWi) and earlier notes, not re-checked against the "
        "Commission's own pages.", ("eu-boards-2019", "kowi2022", "vinnova-notes")),
    LegitimacyFormat(
        "mission assembly", "A wider pool of experts and stakeholders that feeds ideas to the board.", "consult",
        "EU mission assemblies: up to 30 members each.", "An assembly advises; on its own it does not give a "
        "voice in decisions.", ("eu-boards-2019",)),
    LegitimacyFormat(
        "outside leaders on boards", "Seats for people from business, charities and public services on "
        "government mission boards.", "co-design",
        "UK: in December 2024 the government said outside leaders from business, charities and public services "
        "would be invited to join its mission boards.", "An announcement; who joined was not checked.",
        ("uk-uktimes",)),
    LegitimacyFormat(
        "expert network or advisory forum", "A standing network of experts and stakeholders that meets to advise.",
        "consult",
        "Germany: Forum #Zukunftsstrategie, an advisory forum for the Future Strategy, first met on "
        "21 September 2023.", "From earlier notes, not re-checked.", ("zs2023",)),
    LegitimacyFormat(
        "peer forum", "Officials from different places learn from each other's practice.", "consult",
        "The EU Mutual Learning Exercise on national missions opened in Vienna on 28-29 September 2023 and "
        "produced thematic reports, including one on citizen engagement. The OECD Mission Community of Practice "
        "meets monthly online (more than 250 policymakers).",
        "Peers build know-how and confidence among officials; they do not, by themselves, bring citizens in. "
        "The Community of Practice's start year is unconfirmed.", ("psf-mle", "ncp2024", "opsi-cop")),
    LegitimacyFormat(
        "public call for ideas", "Anyone can propose goals or solutions.", "consult",
        "Japan's Moonshot programme: a Visionary Council chaired by Yoshimitsu Kobayashi gathered about "
        "1,800 public ideas and 25 candidate goals; about 800 people attended the International Moonshot "
        "Symposium on 17-18 December 2019.",
        "Say afterwards what happened to the ideas, or trust falls. Figures from earlier notes.", ("moonshot",)),
    LegitimacyFormat(
        "street pilot and poll", "Try a change on real streets, then ask the people who live with it.",
        "co-design",
        "Vinnova's Street Moves pilots (Stockholm, Gothenburg, Helsingborg; launched 17 September 2020) were "
        "followed by a Novus poll: more than 70% positive, about 10% negative.",
        "From earlier notes: the poll figures were not re-checked (only the IIPP case study was).",
        ("vinnova-notes", "vinnova-guide")),
    LegitimacyFormat(
        "co-drafted contract", "A city or sector writes its commitments, action plan and investment plan with "
        "local stakeholders.", "co-design",
        "EU Climate City Contracts: commitments, an action plan and an investment plan, drafted with local "
        "stakeholders including business and citizens.", "Drafting with people takes months; plan for it.",
        ("eit-2023", "nzc-2024-08")),
    LegitimacyFormat(
        "citizen panel", "A group of residents, chosen to reflect the population, that deliberates on options "
        "and reports to decision makers.", "co-design",
        "\"Governing Missions\" (2019) asks that citizens co-design, co-create, co-implement and co-assess "
        "missions; EU reviews in 2023 and 2024 still found citizen involvement too weak.",
        "The format is OUR PROPOSAL for Marenta; the sources ask for citizen involvement but name no panel.",
        ("mazz2019-governing", "eu-2yrs", "kowi2024")),
    LegitimacyFormat(
        "delivery agreement", "A contract or agreement under which a group delivers part of the mission, "
        "such as a route contract for minibus operators.", "co-deliver",
        "No real example in our sources; Marenta's operators ask for route contracts (fictional).",
        "OUR PROPOSAL for the case.", ("mazz2019-governing",)),
    LegitimacyFormat(
        "public information", "Briefings, a website, a public dashboard.", "inform",
        "Every mission needs it.", "On its own it builds little legitimacy.", ()),
)
FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS_DETAIL)
_FORMAT = {f.name: f for f in FORMATS_DETAIL}
_FORMAT_SYNONYMS = {"board": "mission board", "board seat": "mission board", "seat on the board": "mission board",
                    "assembly": "mission assembly", "assembly seat": "mission assembly",
                    "seat in the assembly": "mission assembly", "panel": "citizen panel",
                    "citizens' panel": "citizen panel", "citizens panel": "citizen panel",
                    "citizens' assembly": "citizen panel", "citizen assembly": "citizen panel",
                    "contract": "co-drafted contract", "city contract": "co-drafted contract",
                    "route contract": "delivery agreement", "route contracts": "delivery agreement",
                    "call for ideas": "public call for ideas", "poll": "street pilot and poll",
                    "street pilot": "street pilot and poll", "pilot": "street pilot and poll",
                    "information": "public information", "website": "public information",
                    "expert network": "expert network or advisory forum",
                    "advisory forum": "expert network or advisory forum", "forum": "expert network or advisory forum",
                    "peer learning": "peer forum"}


def legitimacy_formats() -> pd.DataFrame:
    """Formats that build legitimacy, each with a real example, a caution and its sources."""
    return pd.DataFrame([{"format": f.name, "what it is": f.what, "engagement level": f.level,
                          "real example": f.example, "handle with care": f.caution,
                          "sources": "; ".join(cite(k) for k in f.sources)} for f in FORMATS_DETAIL])


def _norm_format(value: Any) -> str | None:
    if is_blank(value):
        return None
    text = re.sub(r"\s+", " ", str(value).strip().lower()).strip(" .")
    if text in _FORMAT:
        return text
    return _FORMAT_SYNONYMS.get(text, "?")


def _norm_level(value: Any) -> str | None:
    if is_blank(value):
        return None
    text = re.sub(r"[\s_]+", " ", str(value).strip().lower()).strip(" .").replace("co ", "co-")
    text = {"codesign": "co-design", "codeliver": "co-deliver", "informed": "inform", "consulted": "consult",
            "co-designed": "co-design", "co-delivered": "co-deliver", "none": "none"}.get(text, text)
    return text if text in ENGAGEMENT_LEVELS + ("none",) else "?"


# What each missing voice needs at least, and why (OUR PROPOSAL for the FICTIONAL case).
_NEEDS: dict[str, tuple[str, str]] = {
    "informal-transport association": (
        "co-design",
        "They run most trips today and can stop the city (influence up to 5), and corridors threaten their "
        "livelihoods. Their focus group said: \u201cNobody asked us before they drew the new corridor\u201d and "
        "\u201cGive us a contract for a route and we will keep a timetable\u201d (fictional). Design the change "
        "with them; route contracts make them co-deliverers."),
    "women's group": (
        "co-design",
        "Objective O4 targets women's safety at night (41% to 61%). Women commuters said \u201cNobody asked women "
        "where the stops should go\u201d (fictional). Stops, lighting and timetables are design decisions."),
    "citizens' group": (
        "consult",
        "Commuters and residents live with corridors and fares. At least ask them before deciding; a citizen "
        "panel or street pilots let them shape options, as \u201cGoverning Missions\u201d recommends."),
    "donor": (
        "co-design",
        "Partners co-finance the mission and ask for one shared set of results (fictional note of October 2026). "
        "Only informing them invites parallel programmes and reports."),
    "development bank": (
        "co-design",
        "The lenders hold the largest sums (a MRC 2,450 m loan for corridors, fictional) and their safeguards "
        "require a plan with the operators. Design with them; co-financing makes them co-deliverers."),
}
_RANK = {lv: i for i, lv in enumerate(("none",) + ENGAGEMENT_LEVELS)}
_FORMAT_LEVELS = {"mission board": ("co-design", "co-deliver"), "mission assembly": ("consult", "co-design"),
                  "outside leaders on boards": ("co-design", "co-deliver"),
                  "expert network or advisory forum": ("consult", "co-design"), "peer forum": ("consult",),
                  "public call for ideas": ("consult",), "street pilot and poll": ("consult", "co-design"),
                  "co-drafted contract": ("co-design", "co-deliver"), "citizen panel": ("consult", "co-design"),
                  "delivery agreement": ("co-deliver",), "public information": ("inform",)}
EXAMPLE_PLAN = {"citizens' group": "consult", "informal-transport association": "co-design",
                "women's group": "co-design", "donor": "consult", "development bank": "consult"}
"""A FICTIONAL example participant's draft plan, shown in the book (it has room to improve)."""
EXAMPLE_FORMATS = {"citizens' group": "street pilot and poll", "informal-transport association": "delivery agreement",
                   "women's group": "citizen panel", "donor": "mission assembly",
                   "development bank": "mission assembly"}


def _by_type(answer: Any, what: str) -> tuple[dict[str, Any], list[str]]:
    """Map a participant's dict to register types; return (mapped, unknown keys)."""
    out: dict[str, Any] = {}
    unknown: list[str] = []
    if not isinstance(answer, Mapping):
        return out, unknown
    for key, value in answer.items():
        found = normalise_type(key)
        if not found:
            unknown.append(str(key))
            continue
        for t in found:
            out[t] = value
    return out, unknown


def assess_engagement_plan(levels: Any, formats: Any = None, *, title: str = "Engagement plan for the missing "
                           "voices (fictional case)") -> Feedback:
    """Feedback on an engagement plan for the FICTIONAL Marenta case's missing voices.

    ``levels`` maps each kind of actor to "inform", "consult", "co-design" or
    "co-deliver"; ``formats`` (optional) maps it to a format from
    :data:`FORMATS`. The standard for each voice is OUR PROPOSAL, drawn from the
    case's focus groups and notes, and from "Governing Missions" (2019) and the
    EU reviews' call for more citizen engagement.
    """
    how = ('For each kind of actor write "inform", "consult", "co-design" or "co-deliver" in quotes, and for each a '
           "format from the list (for example \"citizen panel\").")
    lv, unknown = _by_type(levels, "levels")
    fm, unknown_f = _by_type(formats, "formats")
    if is_blank(levels) and is_blank(formats):
        return Feedback.not_answered(title, how)
    if levels is not None and levels is not ... and not isinstance(levels, Mapping):
        return Feedback("revise", title, improve=[f"Your levels are a {type(levels).__name__}; they should be a "
                                                  "dict with one entry per kind of actor. " + how])
    strengths: list[str] = []
    improve: list[str] = []
    todo: list[str] = []
    wrong = short = 0
    for t, (need, why) in _NEEDS.items():
        level = _norm_level(lv.get(t, ...))
        name = _many(t).capitalize()
        if level is None:
            todo.append(_many(t))
            continue
        if level == "?":
            improve.append(f"{name}: \u201c{lv[t]}\u201d is not a level. Use inform, consult, co-design or co-deliver.")
            wrong += 1
            continue
        if level in ("none", "inform"):
            wrong += 1
            improve.append(f"{name}: \u201c{level}\u201d. Informing is one-way: a missing voice stays missing. "
                           f"Aim for at least \u201c{need}\u201d. {why}")
        elif _RANK[level] < _RANK[need]:
            short += 1
            improve.append(f"{name}: \u201c{level}\u201d is a start; aim for \u201c{need}\u201d. {why}")
        else:
            strengths.append(f"{name}: \u201c{level}\u201d. {why}")
        fmt_raw = fm.get(t, ...)
        fmt = _norm_format(fmt_raw)
        if fmt == "?":
            improve.append(f"{name}: \u201c{fmt_raw}\u201d is not one of the formats: " + ", ".join(FORMATS) + ".")
        elif fmt is not None and level in ENGAGEMENT_LEVELS and level not in _FORMAT_LEVELS[fmt]:
            improve.append(f"{name}: a {fmt} does not fit \u201c{level}\u201d; it suits "
                           + " or ".join(f"\u201c{x}\u201d" for x in _FORMAT_LEVELS[fmt]) + ". Pick a format that "
                           "matches the level you promise.")
        elif fmt is not None:
            strengths.append(f"{name}: a {fmt} fits \u201c{level}\u201d.")
    if formats is not None:
        if is_blank(formats):
            todo.append("the formats")
        else:
            left = [_many(t) for t in _NEEDS if _norm_format(fm.get(t, ...)) is None]
            if left:
                todo.append("a format for " + and_list(left))
    for key in unknown + [k for k in unknown_f if k not in unknown]:
        improve.append(f"\u201c{key}\u201d is not a kind of actor in the register. Use: " + ", ".join(_NEEDS) + ".")
    codeliver_all = lv and all(_norm_level(lv.get(t, ...)) == "co-deliver" for t in _NEEDS)
    if codeliver_all:
        improve.append("Everyone at \u201cco-deliver\u201d is costly and can over-promise. Engagement needs time and "
                       "money in the plan; the EU's reviews found it a repeated weak spot.")
    if todo:
        improve.insert(0, "Still to answer: " + and_list(todo) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    if wrong or unknown:
        status = "revise"
    elif todo or short or codeliver_all or any("does not fit" in s or "not one of the formats" in s for s in improve):
        status = "partly"
    else:
        status = "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Legitimacy comes from a real say: citizens and affected groups should help co-design, co-create, "
            "co-implement and co-assess missions, and EU reviews in 2023 and 2024 found citizen and stakeholder "
            "involvement still too weak. Informing builds little; the level you promise must match the format.",
        sources=cites("mazz2019-governing", "eu-2yrs", "kowi2024") + ["The Republic of Marenta case (FICTIONAL)"])


# --------------------------------------------------------------------------- exercise checks
def check_missing_voices(answer: Any) -> Feedback:
    """Exercise 1: which kinds of actor have no say in decisions in the FICTIONAL register?"""
    title = "Who is missing (fictional register)"
    how = ('List the kinds of actor, in quotes, for example ["citizens\' group", "donor"]. Use the register\'s '
           "types.")
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = [answer] if isinstance(answer, str) else answer
    if not isinstance(items, (list, tuple, set)):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answer).__name__}; it should be a list. "
                                                  + how])
    reg = case.load("stakeholders")
    v = voices(reg).set_index("type")
    truth = set(v.index[v["status"] == "missing"])
    given: list[str] = []
    unknown: list[str] = []
    for item in items:
        found = normalise_type(item)
        if not found:
            unknown.append(str(item))
        given += [f for f in found if f not in given]
    strengths: list[str] = []
    improve: list[str] = []
    hits = [t for t in given if t in truth]
    extra = [t for t in given if t not in truth]
    left = [t for t in sorted(truth, key=STAKEHOLDER_TYPES.index) if t not in given]
    if hits:
        strengths.append("Correctly found: " + and_list([f"{_many(t)} ({v.loc[t, 'why']})" for t in hits]) + ".")
    for t in extra:
        improve.append(f"{_many(t).capitalize()} are not missing: {v.loc[t, 'why']}.")
    if left:
        improve.append("You left out " + and_list([f"{_many(t)} ({v.loc[t, 'why']})" for t in left]) + ".")
        if "informal-transport association" in left:
            improve.append("Informal transport operators are easy to overlook: they have little interest in the "
                           "reform but influence up to 5, and every one of them is outside the tent.")
    for u in unknown:
        improve.append(f"\u201c{u}\u201d is not a kind of actor in the register. Use: "
                       + ", ".join(STAKEHOLDER_TYPES) + ".")
    status = "good" if not improve else ("partly" if hits and not extra and not unknown else "revise")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A voice is missing when it neither sits where decisions are taken (the board) nor shapes the mission "
            "(co-design, co-deliver). An assembly seat advises only. Bringing in actors who are not usually "
            "involved is one of the OECD's strategic challenges for missions.",
        sources=cites("ggsd2022", "mazz2019-governing") + ["The Republic of Marenta stakeholder register (FICTIONAL)"])


class BoardFeedback(Feedback):
    """Feedback on board rules, with the proposed board shown beneath it."""

    proposal: BoardProposal | None = None

    def _board_md(self) -> str:
        if self.proposal is None:
            return ""
        lines = ["", "**The board your rules give (fictional register):**", "",
                 "| Seat | Organisation | Kind | Why |", "|---|---|---|---|"]
        for row in self.proposal.board.itertuples():
            lines.append(f"| {row.seat} | {md_escape(row.name)} | {md_escape(row.type)} | {md_escape(row.why)} |")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return super()._repr_markdown_() + self._board_md()

    def to_html(self) -> str:
        import html as _html

        body = super().to_html()
        if self.proposal is None:
            return body
        rows = "".join(f"<tr><td>{r.seat}</td><td>{_html.escape(r.name)}</td><td>{_html.escape(r.type)}</td>"
                       f"<td>{_html.escape(r.why)}</td></tr>" for r in self.proposal.board.itertuples())
        return (body + "<p><strong>The board your rules give (fictional register):</strong></p><table><thead><tr>"
                "<th scope=\"col\">Seat</th><th scope=\"col\">Organisation</th><th scope=\"col\">Kind</th>"
                f"<th scope=\"col\">Why</th></tr></thead><tbody>{rows}</tbody></table>")


def check_board(size: Any, rules: Any) -> Feedback:
    """Exercise 2: feedback on a board size and rules for the FICTIONAL Marenta register.

    Runs :func:`propose_board` and checks the result against the case: at most
    15 seats; every missing voice seated; government at most half; the Ministry
    of Finance (which holds the budget and the fuel subsidy) and all three
    cities on the board. Shows the board beneath the feedback.
    """
    title = "Board rules (fictional register)"
    how = ("Give board_size as a whole number (at most 15) and fill in each rule; "
           "see the lesson for what each rule means.")
    if is_blank(size) and is_blank(rules):
        return Feedback.not_answered(title, how)
    if is_blank(size):
        return Feedback("partly", title, improve=["Still to answer: board_size. " + how])
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > BOARD_MAX:
        return Feedback(
            "revise", title,
            improve=[f"A board of {size} is too big: EU mission boards have at most {BOARD_MAX} members, and "
                     f"Marenta's board has 13 (fictional). Put the others in the assembly (up to {ASSEMBLY_MAX})."],
            why="A board small enough to argue and decide is the point; breadth belongs in the assembly.",
            sources=cites("eu-boards-2019"))
    reg = case.load("stakeholders")
    try:
        proposal = propose_board(reg, size=size, rules=None if is_blank(rules) else rules)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}"])
    r = proposal.rules
    b = proposal.board
    strengths: list[str] = []
    improve: list[str] = []
    revise = False
    missing = set(missing_voices(reg)["type"])
    unseated = [t for t in STAKEHOLDER_TYPES if t in missing and t not in set(b["type"])]
    if unseated:
        revise = True
        improve.append("The board leaves out " + and_list([_many(t) for t in unseated]) + ", voices with no say today. "
                       "Keep must_include as None (the missing voices) or list them.")
    else:
        strengths.append("Every missing voice has a seat: " + and_list([_many(t) for t in sorted(missing,
                         key=STAKEHOLDER_TYPES.index)]) + ".")
    gov = int(b["type"].isin(GOVERNMENT_TYPES).sum())
    if gov > len(b) / 2:
        improve.append(f"Government holds {gov} of {len(b)} seats. A board that is mostly officials hears itself; "
                       "keep government to half or less.")
    else:
        strengths.append(f"Government holds {gov} of {len(b)} seats: officials do not outvote everyone else.")
    if "Ministry of Finance" not in set(b["name"]):
        improve.append("The Ministry of Finance is not on the board. It holds the budget and the fuel subsidy; "
                       "bring finance in from the start (add it to include).")
    else:
        strengths.append("The Ministry of Finance sits on the board, so budget questions are settled where "
                         "decisions are made.")
    cities = [c for c in case.CITIES if f"{c} City Government" not in set(b["name"])]
    if cities:
        improve.append("City governments missing: " + and_list(cities) + ". Each city signs a city contract and runs "
                       "a mission unit (fictional); add the missing ones to include.")
    else:
        strengths.append("All three city governments have a seat.")
    leads = (case.GOVERNANCE["owner"],) + tuple(case.GOVERNANCE["co_leads"])
    co_leads = [n for n in leads if n not in set(b["name"])]
    if co_leads:
        improve.append("The mission's owner and co-leads should sit on its board; missing: " + and_list(co_leads) + ".")
    if r.max_per_type > 5:
        improve.append(f"max_per_type = {r.max_per_type} lets one kind of actor fill a third of the board or more; "
                       "try 4 or fewer.")
    status = "revise" if revise else ("partly" if improve else "good")
    fb = BoardFeedback(
        status, title, strengths=strengths, improve=improve,
        why="EU mission boards have at most 15 members. Bring non-STI ministries such as finance in from the start, "
            "and give the people a mission affects a real say (OUR SYNTHESIS of the OECD and EU reviews).",
        sources=cites("eu-boards-2019", "mal-gov", "ggsd2022", "eu-2yrs"))
    fb.proposal = proposal
    return fb


def check_engagement_plan(levels: Any, formats: Any = None) -> Feedback:
    """Exercises 3 and 4: engagement levels and formats for the missing voices (FICTIONAL case)."""
    return assess_engagement_plan(levels, formats, title="Engagement plan for the missing voices (fictional case)")
