"""Module 06: proposing a board and an assembly from a stakeholder register, under explicit rules.

:func:`propose_board` gives a board (at most 15 seats, the EU cap) and an
assembly (at most 30) drawn from the register, each seat with the reason it was
given. It is a transparent greedy procedure, not an optimiser: a participant
can follow every step, and the rules (:class:`BoardRules`, not the arithmetic)
carry the judgement.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.stakeholders.load import check_register
from missionkit.stakeholders.register import voices_of_checked
from missionkit.stakeholders.vocabulary import (
    ASSEMBLY_MAX,
    BOARD_MAX,
    GOVERNMENT_TYPES,
    STAKEHOLDER_TYPES,
    many_label,
    normalise_type,
    one_label,
)
from missionkit.text import and_list

__all__ = ["BoardRules", "RULE_NAMES", "parse_rules", "BoardProposal", "propose_board"]

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
    organisations a rule kept out although their priority was high enough.
    """

    board: pd.DataFrame
    assembly: pd.DataFrame
    left_out: pd.DataFrame
    rules: BoardRules
    size: int
    must_include: tuple[str, ...]
    notes: list[str] = field(default_factory=list)

    METHOD = ("Seats go first to organisations your rules name, then one to each kind of actor that must be "
              "included, then to the highest priority (interest + influence). Ties go to national bodies (they speak "
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
             "all seated" if not absent else "not seated: " + and_list([many_label(t) for t in absent])),
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

    _register: pd.DataFrame = field(default=None, repr=False)
    _included_names: tuple[str, ...] = field(default=(), repr=False)


def _order(df: pd.DataFrame) -> pd.DataFrame:
    ranked = df.assign(_lvl=df["level"].map({"national": 0, "international": 1}).fillna(2),
                       _pos=range(len(df)))
    ranked = ranked.sort_values(["priority", "_lvl", "interest", "_pos"], ascending=[False, True, False, True])
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
            fix="Write the full name, for example "
                + and_list([f"'{register['name'].iloc[h]}'" for h in hits[:3]]) + ".")
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
            return (f"would be {_ordinal(n)} {one_label(t)} (limit {self.per_type} per kind of actor)")
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
    """A note when candidates ranked after ``row`` had the same priority, saying what decided."""
    same = later[later["priority"] == row["priority"]]
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
    return f" (tied on priority with {n} other{'s' if n > 1 else ''}; {and_list(bases)} decided)"


def _stake_text(row: Mapping) -> str:
    return f"priority {row['priority']} = interest {row['interest']} + influence {row['influence']}"


def propose_board(register: Any, size: int = 13, rules: Any = None) -> BoardProposal:
    """Propose a board of ``size`` seats (at most 15) and an assembly, with a reason for every seat.

    Board, in this order:

    1. organisations named in ``rules.include``;
    2. one reserved seat for each kind of actor in ``rules.must_include``
       (default: the register's missing voices, :func:`missing_voices`);
    3. open seats by priority (interest + influence), ties to national bodies, then
       to the more interested.

    Every seat respects the caps: at most ``max_per_type`` per kind of actor,
    ``max_per_sector`` per sector and ``max_government_share`` for government.

    Assembly (``rules.assembly_size`` seats, at most 30) from those not on the
    board: first one seat for each kind of actor in the register (breadth),
    then by priority, at most ``assembly_max_per_type`` per kind.

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
    mapped = reg.assign(priority=reg["interest"] + reg["influence"])
    voice_table = voices_of_checked(reg)
    missing_types = set(voice_table.loc[voice_table["status"] == "missing", "type"])
    must = (tuple(t for t in STAKEHOLDER_TYPES if t in missing_types) if r.must_include is None
            else r.must_include)
    notes: list[str] = []
    absent_types = [t for t in must if t not in set(mapped["type"])]
    if absent_types:
        notes.append("No " + and_list([one_label(t) for t in absent_types]) + " in the register, so "
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
                f"No {one_label(t)} can take the reserved seat without breaking a rule",
                fix="Raise max_per_sector or max_per_type, or drop this kind from must_include.")
        row = ordered.loc[chosen]
        reason = (f"Reserved seat for {many_label(t)}, a missing voice. " if t in missing_types
                  else f"Reserved seat for {many_label(t)}: your rules must include them. ")
        reason += (f"Highest {_stake_text(row)} among {many_label(t)}"
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
            left.append({"name": row["name"], "type": row["type"], "priority": int(row["priority"]), "body": "board",
                         "why left out": f"Skipped: it {block}."})
            continue
        later = ordered[(ordered["_rank"] > row["_rank"]) & ~ordered.index.isin(seated)]
        board.take(row, f"Open seat: highest {_stake_text(row)} among those left{_tie(row, later)}.")
        seated.add(idx)
    if not board.full():
        raise MissionkitInputError(
            f"Only {len(board.rows)} of {size} board seats could be filled under these rules",
            fix="Relax a rule (max_per_type, max_per_sector or max_government_share) or make the board smaller.")
    lowest = min(int(x["priority"]) for x in board.rows)
    left = [x for x in left if x["priority"] >= lowest]

    # assembly
    asm = _Seats(r.assembly_size, r.assembly_max_per_type, None, None)
    rest = ordered[~ordered.index.isin(seated)]
    for t in [t for t in STAKEHOLDER_TYPES if t in set(rest["type"])]:
        if asm.full():
            break
        row = rest[rest["type"] == t].iloc[0]
        asm.take(row, f"Breadth seat: every kind of actor gets a voice; highest {_stake_text(row)} among "
                      f"{many_label(t)} not on the board.")
        seated.add(row.name)
    asm_left: list[dict] = []
    for idx, row in rest.iterrows():
        if asm.full():
            break
        if idx in seated:
            continue
        block = asm.blocker(row)
        if block:
            asm_left.append({"name": row["name"], "type": row["type"], "priority": int(row["priority"]),
                             "body": "assembly", "why left out": f"Skipped: it {block}."})
            continue
        asm.take(row, f"Open seat: highest {_stake_text(row)} among those left.")
        seated.add(idx)
    if not asm.full() and r.assembly_size:
        notes.append(f"Only {len(asm.rows)} of {r.assembly_size} assembly seats could be filled: "
                     "the register has too few organisations left under the per-kind limit.")
    if asm.rows:
        low_a = min(int(x["priority"]) for x in asm.rows)
        left += [x for x in asm_left if x["priority"] >= low_a]

    def frame(rows: list[dict]) -> pd.DataFrame:
        cols = ["stakeholder_id", "name", "type", "level", "sector", "interest", "influence", "priority", "seat", "why"]
        if not rows:
            return pd.DataFrame(columns=["seat", "stakeholder_id", "name", "type", "level", "sector", "interest",
                                         "influence", "priority", "today", "why"])
        df = pd.DataFrame(rows)[cols].rename(columns={"seat": "today"})
        df.insert(0, "seat", range(1, len(df) + 1))
        return df.reset_index(drop=True)

    proposal = BoardProposal(
        board=frame(board.rows), assembly=frame(asm.rows),
        left_out=pd.DataFrame(left, columns=["name", "type", "priority", "body", "why left out"]),
        rules=r, size=size, must_include=must, notes=notes)
    proposal._register = reg
    proposal._included_names = tuple(mapped.iloc[i]["name"] for i in dict.fromkeys(included))
    return proposal

