"""Module 08: possible relabelling of existing programmes (mission-washing), found by title.

:class:`TitleMatching` gives :class:`~missionkit.portfolio.model.Portfolio` its
relabelling analyses: each project's title is compared with the policy
inventory's titles (vectorised, with prefix filtering on the rarest words) and
scored on the evidence that it is an older programme under a new name
(OUR PROPOSAL: a question to ask its owner, not a verdict). Domain logic only.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from missionkit.portfolio.vocabulary import THRESHOLDS

# --------------------------------------------------------------------------- title words
_STOP = {"mission", "programme", "program", "the", "and", "of", "for", "in", "a", "an", "to", "on", "phase", "with",
         "at"}


_SEP = "\x01"  # joins the titles: not a word character, not a space (nor NUL, which numpy strips)
_ASCII_PUNCT = str.maketrans({ch: " " for ch in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
_NON_WORD = re.compile(r"[^\w\x01]+|_+")


def _words(titles: Any) -> tuple[np.ndarray, np.ndarray]:
    """Lower-case words of each title: (position of the title, word), in one pass over all titles.

    Punctuation becomes a space (a fast translation when the text is plain ASCII, a regex otherwise), then
    the text is split on spaces.
    """
    values = pd.Series(titles).fillna("").astype(str).tolist()
    text = f" {_SEP} ".join(values).casefold()
    if text.count(_SEP) != max(len(values) - 1, 0):  # a title holds the separator itself: drop it
        text = f" {_SEP} ".join(v.replace(_SEP, " ") for v in values).casefold()
    # plain ASCII text takes str.translate's fast path; anything else goes through a regex
    text = text.translate(_ASCII_PUNCT) if text.isascii() else _NON_WORD.sub(" ", text)
    tokens = np.asarray(text.split(), dtype=object)
    if not len(tokens):
        return np.zeros(0, np.int64), np.zeros(0, object)
    sep = tokens == _SEP
    pos = np.cumsum(sep)[~sep].astype(np.int64)
    return pos, tokens[~sep]


def _unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct int64 keys and how often each occurs (a sort: faster here than np.unique)."""
    k = np.sort(keys, kind="stable")
    if not len(k):
        return k, np.zeros(0, np.int64)
    first = np.r_[True, k[1:] != k[:-1]]
    starts = np.flatnonzero(first)
    return k[first], np.diff(np.r_[starts, len(k)])


def _dedupe(pos: np.ndarray, code: np.ndarray, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """Each word once per title."""
    v = max(vocab, 1)
    key, _ = _unique_counts(pos * v + code)
    return key // v, key % v


class TitleMatching:
    """The relabelling analyses of a :class:`~missionkit.portfolio.model.Portfolio` (a mixin: it uses the
    portfolio's ``projects``, ``policies``, ``mission_start_year`` and cache)."""

    # provided by the host class, Portfolio (a dataclass): declared here for the type checker only
    projects: pd.DataFrame
    policies: pd.DataFrame | None
    mission_start_year: int | None
    _cache: dict[str, Any]

    def relabelling(self, min_score: float | None = None) -> pd.DataFrame:
        """Projects that may be existing programmes under a new name (mission-washing).

        Evidence points (OUR PROPOSAL): the title matches a policy in the
        inventory that started before the mission (+2; the case's D1, or
        ``policies=`` given to :func:`load_portfolio`); the project started
        before the mission (+1); it is described as "new" although it started
        before the mission (+1); its title adds the word "Mission" to that
        earlier programme's name (+1); it openly says it adapts or scales an
        existing solution (-2: continuing a programme in the open is not
        relabelling). A project with ``min_score`` points or more (2) is a
        *possible relabelling*: a question to ask its owner, not a verdict.
        Needs ``start_year`` and the mission's start year; without them the
        table is empty.
        """
        need = THRESHOLDS["relabelling_min_score"] if min_score is None else int(min_score)
        cols = ["project_id", "title", "start_year", "novelty", "budget", "matched_policy", "policy_title",
                "policy_start", "score", "evidence"]
        p = self.projects
        year = self.mission_start_year
        if year is None or p["start_year"].isna().all():
            return pd.DataFrame(columns=cols)
        start = p["start_year"].astype("Float64")
        before = (start < year).fillna(False).astype(bool)
        novelty = p["novelty"].fillna("")
        claims_new = before & novelty.eq("new")
        open_continuity = novelty.isin(["adapt", "scale"])
        match = self._policy_matches()
        earlier = match["policy_start"].astype("Float64").lt(year).fillna(False).astype(bool) & match[
            "policy_id"].notna()
        wpos, wcode, vocab = self._title_words()
        flag = np.zeros(len(p), dtype=bool)
        flag[wpos[np.isin(wcode, np.flatnonzero(vocab == "mission"), kind="table")]] = True
        mission_word = pd.Series(flag, index=p.index)
        renamed = earlier & mission_word
        score = (2 * earlier.astype(int) + before.astype(int) + claims_new.astype(int) + renamed.astype(int)
                 - 2 * open_continuity.astype(int))
        hit = score >= need
        if not hit.any():
            return pd.DataFrame(columns=cols)
        idx = hit[hit].index
        s_year = start[idx].astype("Int64").astype(str)
        ev = pd.Series("", index=idx, dtype="str")
        e = earlier[idx]
        ev = ev.where(~e, ev + "Same programme as " + match.loc[idx, "policy_id"].fillna("") + " '"
                      + match.loc[idx, "policy_title"].fillna("") + "' in the policy inventory (running since "
                      + match.loc[idx, "policy_start"].astype("Int64").astype(str) + "). ")
        ev = ev.where(~renamed[idx], ev + "The title adds the word 'Mission' to that name. ")
        ev = ev.where(~before[idx], ev + "Started in " + s_year + ", before the mission (" + str(year) + "). ")
        ev = ev.where(~claims_new[idx], ev + "Described as 'new' all the same. ")
        out = pd.DataFrame({
            "project_id": p.loc[idx, "project_id"], "title": p.loc[idx, "title"],
            "start_year": p.loc[idx, "start_year"], "novelty": p.loc[idx, "novelty"],
            "budget": p.loc[idx, "budget"], "matched_policy": match.loc[idx, "policy_id"],
            "policy_title": match.loc[idx, "policy_title"], "policy_start": match.loc[idx, "policy_start"],
            "score": score[idx].astype(int), "evidence": ev.str.strip()})
        return out.sort_values(["score", "budget"], ascending=[False, False], kind="stable").reset_index(drop=True)

    def _title_words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The words of every title as integer codes: (title position, word code, vocabulary), each word
        once per title. Cached."""
        key = (id(self.projects), len(self.projects))
        hit = self._cache.get("words")
        twin = self._cache.get("same_titles_as")
        if (hit is None or hit[0] != key) and twin is not None:
            return twin._title_words()
        if hit is None or hit[0] != key:
            pos, words = _words(self.projects["title"])
            codes, uniques = pd.factorize(words)
            uniques = np.asarray(uniques, dtype=object)
            pos, codes = _dedupe(pos, codes.astype(np.int64), len(uniques))
            self._cache["words"] = (key, (pos, codes, uniques))
        return self._cache["words"][1]

    def _policy_matches(self) -> pd.DataFrame:
        """For each project, the best-matching policy of the inventory by title words. Cached.

        Two titles match when they share at least ``THRESHOLDS["title_match"]``
        of the words of the longer one (and at least two words), ignoring
        stop words and place names. Vectorised with prefix filtering: a pair
        can only reach that overlap if they share one of their rarest words,
        so only such pairs are compared.
        """
        key = (id(self.projects), len(self.projects), id(self.policies))
        hit = self._cache.get("matches")
        twin = self._cache.get("same_titles_as")
        if (hit is None or hit[0] != key) and twin is not None:
            return twin._policy_matches()
        if hit is None or hit[0] != key:
            self._cache["matches"] = (key, self._compute_policy_matches())
        return self._cache["matches"][1]

    def _compute_policy_matches(self) -> pd.DataFrame:
        p = self.projects
        n = len(p)
        empty = pd.DataFrame({"policy_id": pd.Series(None, index=p.index, dtype="str"),
                              "policy_title": pd.Series(None, index=p.index, dtype="str"),
                              "policy_start": pd.Series(pd.arrays.IntegerArray(np.zeros(n, np.int64),
                                                                               np.ones(n, bool)), index=p.index),
                              "similarity": np.zeros(n)}, index=p.index)
        pol = self.policies
        if pol is None or len(pol) == 0 or "title" not in pol.columns or not n:
            return empty
        pol = pol.reset_index(drop=True)
        n_pol = len(pol)
        pid = pol["policy_id"].astype(str) if "policy_id" in pol.columns else pd.Series(
            [f"policy {i + 1}" for i in range(n_pol)], dtype="str")
        places = set(_words(p["city"].dropna().unique())[1])  # place names say little
        drop = _STOP | places
        qpos, qc, vocab = self._title_words()
        wpos, wwords = _words(pol["title"])
        pc = pd.Index(vocab).get_indexer(wwords).astype(np.int64)
        extra = pc < 0  # words no project title uses: they never match, but they count in a title's length
        if extra.any():
            codes_x, _ = pd.factorize(wwords[extra])
            pc[extra] = len(vocab) + codes_x
        V = len(vocab) + (int(pc.max()) + 1 - len(vocab) if extra.any() else 0)
        ppos, pc = _dedupe(wpos, pc, V)
        dropped = np.zeros(V, dtype=bool)
        dropped[: len(vocab)] = np.isin(vocab, list(drop))
        keep_q, keep_p = ~dropped[qc], ~dropped[pc]
        qpos, qc, ppos, pc = qpos[keep_q], qc[keep_q], ppos[keep_p], pc[keep_p]
        if not len(qc) or not len(pc):
            return empty
        rarity = np.bincount(pc, minlength=V).astype(np.int64) * V + np.arange(V)  # a global order, rarest first
        qlen = np.bincount(qpos, minlength=n)
        plen = np.bincount(ppos, minlength=n_pol)
        share = THRESHOLDS["title_match"]

        def prefix(pos: np.ndarray, code: np.ndarray, length: np.ndarray) -> np.ndarray:
            order = np.lexsort((rarity[code], pos))
            pos_s = pos[order]
            starts = np.r_[0, np.flatnonzero(np.diff(pos_s)) + 1]
            rank = np.arange(len(pos_s)) - np.repeat(starts, np.diff(np.r_[starts, len(pos_s)]))
            need = np.maximum(np.ceil(share * length - 1e-9).astype(np.int64), 2)
            keep = rank < (length[pos_s] - need[pos_s] + 1)
            return order[keep]

        qi, pi = prefix(qpos, qc, qlen), prefix(ppos, pc, plen)
        a = pd.DataFrame({"q": qpos[qi], "t": qc[qi]})
        b = pd.DataFrame({"p": ppos[pi], "t": pc[pi]})
        cand = a.merge(b, on="t", how="inner", sort=False)[["q", "p"]].drop_duplicates()
        if cand.empty:
            return empty
        # verify: count all shared words of each candidate pair
        pkeys = ppos * V + pc
        qgroups = pd.DataFrame({"q": qpos, "t": qc})
        rows = cand.merge(qgroups, on="q", how="inner", sort=False)
        hits = np.isin(rows["p"].to_numpy(np.int64) * V + rows["t"].to_numpy(np.int64), pkeys)
        pair = rows["q"].to_numpy(np.int64)[hits] * n_pol + rows["p"].to_numpy(np.int64)[hits]
        pair, common = _unique_counts(pair)
        q, pp = pair // n_pol, pair % n_pol
        sim = common / np.maximum(qlen[q], plen[pp])
        ok = (sim >= share) & (common >= 2)
        if not ok.any():
            return empty
        starts = pd.array(pol["start_year"], dtype="Int64") if "start_year" in pol.columns else pd.array(
            [None] * n_pol, dtype="Int64")
        pairs = pd.DataFrame({"q": q[ok], "p": pp[ok], "sim": sim[ok],
                              "start": np.asarray(starts.to_numpy(dtype="float64", na_value=np.inf))[pp[ok]]})
        best = pairs.sort_values(["q", "sim", "start"], ascending=[True, False, True]).drop_duplicates("q")
        out = empty.copy()
        rows_ = p.index[best["q"].to_numpy()]
        bp = best["p"].to_numpy()
        out.loc[rows_, "policy_id"] = pid.to_numpy()[bp]
        out.loc[rows_, "policy_title"] = pol["title"].astype(str).to_numpy()[bp]
        out.loc[rows_, "policy_start"] = starts[bp]
        out.loc[rows_, "similarity"] = best["sim"].to_numpy()
        return out


    def started_before_mission(self) -> pd.DataFrame:
        """Projects that started before the mission, beside the closest programme of the policy inventory.

        The evidence for judging possible relabelling, without a verdict: title,
        start year, how the project describes itself (new, adapt, scale), and the
        inventory programme whose title it shares (if any) with that
        programme's start year.
        """
        p = self.projects
        cols = ["project_id", "title", "start_year", "novelty", "budget", "inventory_match", "inventory_title",
                "inventory_start"]
        if self.mission_start_year is None:
            return pd.DataFrame(columns=cols)
        early = (p["start_year"].astype("Float64") < self.mission_start_year).fillna(False).astype(bool)
        m = self._policy_matches()
        out = pd.DataFrame({"project_id": p["project_id"], "title": p["title"], "start_year": p["start_year"],
                            "novelty": p["novelty"], "budget": p["budget"], "inventory_match": m["policy_id"],
                            "inventory_title": m["policy_title"], "inventory_start": m["policy_start"]})[early]
        return out.sort_values(["start_year", "project_id"], kind="stable").reset_index(drop=True)
