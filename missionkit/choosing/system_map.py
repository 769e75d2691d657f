"""The challenge as a system: problem trees, feedback loops and leverage points on the cause evidence (D0).

A *link* is one row of ``causes.csv``: a cause acts on an effect, raising it ("increases") or
lowering it ("reduces"), with graded evidence. From the links:

* :func:`upstream` lists every link that feeds a factor, directly or through other factors (a branch
  of the problem tree);
* :func:`root_causes` names the factors at the bottom of a branch (nothing in the evidence feeds them);
* :func:`feedback_loops` finds the closed chains: a loop with an even number of "reduces" links is
  *reinforcing* (it amplifies change: a vicious or virtuous circle), one with an odd number is
  *balancing* (it pushes back towards where it was), as in Meadows (1999);
* :func:`contested_links` lists links whose evidence the analysts graded "contested".

Pure pandas; no display code. The data are FICTIONAL (the Marenta case).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["CORE_PROBLEM", "Loop", "links", "factors", "upstream", "root_causes", "feedback_loops",
           "contested_links", "problem_tree", "link_label"]

CORE_PROBLEM = "Slow, dirty and unsafe travel"


def links(causes: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Every link as (cause, effect, direction), in file order."""
    return list(zip(causes["cause"], causes["effect"], causes["direction"], strict=True))


def link_label(row: pd.Series | dict) -> str:
    """One link in words: "Congestion increases Bus journey times"."""
    return f"{row['cause']} {row['direction']} {row['effect']}"


def factors(causes: pd.DataFrame) -> list[str]:
    """Every factor named in the evidence, causes first, in file order, without repeats."""
    seen: dict[str, None] = {}
    for name in list(causes["cause"]) + list(causes["effect"]):
        seen.setdefault(name, None)
    return list(seen)


def upstream(causes: pd.DataFrame, effect: str, depth: int | None = None) -> pd.DataFrame:
    """The links that feed ``effect``, directly or through other factors (one branch of the tree).

    ``depth=1`` keeps only the direct causes; ``None`` follows the chain to its roots.
    """
    if effect not in set(causes["effect"]):
        raise ValueError(f"No link in the evidence has the effect '{effect}'.")
    keep: set[int] = set()
    todo: list[tuple[str, int]] = [(effect, 0)]
    seen: set[str] = set()
    while todo:
        target, level = todo.pop(0)
        if target in seen or (depth is not None and level >= depth):
            continue
        seen.add(target)
        rows = causes.index[causes["effect"] == target]
        keep.update(rows)
        todo.extend((c, level + 1) for c in causes.loc[rows, "cause"])
    return causes.loc[sorted(keep)]


def root_causes(causes: pd.DataFrame, effect: str | None = None) -> list[str]:
    """Factors that nothing in the evidence feeds (in the branch of ``effect``, if given)."""
    part = upstream(causes, effect) if effect else causes
    fed = set(causes["effect"])
    return [f for f in dict.fromkeys(part["cause"]) if f not in fed]


@dataclass(frozen=True)
class Loop:
    """A closed chain of links. ``factors`` starts at the loop's first factor in file order."""

    factors: tuple[str, ...]
    directions: tuple[str, ...]

    @property
    def kind(self) -> str:
        """ "reinforcing" (an even number of "reduces" links) or "balancing" (an odd number)."""
        return "reinforcing" if self.directions.count("reduces") % 2 == 0 else "balancing"

    @property
    def length(self) -> int:
        return len(self.factors)

    def text(self) -> str:
        steps = [f"{a} ({d}) \u2192 " for a, d in zip(self.factors, self.directions, strict=True)]
        return "".join(steps) + self.factors[0]


def feedback_loops(causes: pd.DataFrame) -> list[Loop]:
    """Every simple feedback loop in the evidence, shortest first (ties in file order)."""
    order = {f: i for i, f in enumerate(factors(causes))}
    out: dict[tuple[str, ...], Loop] = {}
    graph: dict[str, list[tuple[str, str]]] = {}
    for cause, effect, direction in links(causes):
        graph.setdefault(cause, []).append((effect, direction))

    def walk(start: str, node: str, path: list[str], dirs: list[str]) -> None:
        for nxt, direction in graph.get(node, []):
            if nxt == start:
                first = min(range(len(path)), key=lambda i: order[path[i]])
                names = tuple(path[first:] + path[:first])
                all_dirs = dirs + [direction]
                out.setdefault(names, Loop(names, tuple(all_dirs[first:] + all_dirs[:first])))
            elif nxt not in path and order[nxt] > order[start]:
                walk(start, nxt, path + [nxt], dirs + [direction])

    for start in sorted(graph, key=lambda f: order[f]):
        walk(start, start, [start], [])
    return sorted(out.values(), key=lambda lp: (lp.length, order[lp.factors[0]]))


def contested_links(causes: pd.DataFrame) -> pd.DataFrame:
    """The links whose evidence is graded "contested"."""
    return causes[causes["evidence_strength"] == "contested"]


def problem_tree(causes: pd.DataFrame, effect: str = CORE_PROBLEM, depth: int | None = None) -> pd.DataFrame:
    """A branch as a readable table: each link with its evidence, root causes first."""
    part = upstream(causes, effect, depth)
    roots = set(root_causes(causes, effect))
    table = part.assign(link=[link_label(r) for _, r in part.iterrows()],
                        root=part["cause"].isin(roots))
    table = table.sort_values("root", ascending=False, kind="stable")
    return table[["link_id", "link", "evidence_strength", "evidence"]].reset_index(drop=True)
