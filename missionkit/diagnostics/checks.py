"""Module 07's exercise checks: formative feedback on a participant's survey items, reading of the
survey, focus-group codebook and steering recommendations.

Each ``check_*`` (and :func:`assess_recommendation`) judges one answer against the
FICTIONAL Marenta survey and focus groups (D5) and returns a
:class:`~missionkit.feedback.Feedback`. The rules are OUR PROPOSAL, drawn from
common survey practice; reference answers are computed from the data.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.diagnostics.load import check_items, check_survey
from missionkit.diagnostics.survey import DIMENSIONS, SMALL_N, Evidence, agreement_by, group_sizes, notable
from missionkit.diagnostics.themes import DEFAULT_THEMES, code_statements, parse_themes, theme_counts
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.text import and_list, cite, pct

_ITEM_RE = re.compile(r"\bQ(\d{1,2})(?:\s*(?:-|\u2013|\u2014|to)\s*Q?(\d{1,2}))?\b", re.I)
_DIM_RE = re.compile(r"\bR([1-9])\b")


# --------------------------------------------------------------------------- exercise checks
def _fb(status, title, strengths, improve, why, sources):
    return Feedback(status, title, strengths=strengths, improve=improve, why=why, sources=sources)


_QUESTION_START = re.compile(r"^(do|does|is|are|how|what|why|would|should|can|could|will|did)\b", re.I)

#: Loaded words: they praise, blame or assume, so they push the answer one way (OUR PROPOSAL, a starter list
#: from common survey practice; add your own). Matched as whole words, ignoring case.
LOADED_WORDS: tuple[str, ...] = (
    "brilliant", "excellent", "great", "wonderful", "fantastic", "amazing", "outstanding", "superb",
    "world-class", "failed", "terrible", "awful", "disastrous", "disaster", "dreadful", "appalling", "useless",
    "hopeless", "incompetent", "wasteful", "shameful", "so-called", "obviously", "of course", "clearly",
    "surely", "undeniably", "everyone knows", "don't you agree",
)
_LOADED_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in LOADED_WORDS) + r")(?![\w-])", re.I)
COPY_SIMILARITY = 0.85  # a new item this close to an existing one (difflib ratio, 0 to 1) copies it


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", str(text).lower().replace("\u2019", "'")))


def _copied_item(text: str, items: pd.DataFrame | None) -> tuple[str, str] | None:
    """(item, wording) of an existing item the new one copies, or None."""
    from difflib import SequenceMatcher

    items = case.load("survey_items") if items is None else check_items(items)
    mine = _plain(text)
    # an item that sits whole inside an existing one (or holds it whole) copies it too
    best = max(((1.0 if mine in _plain(w) or _plain(w) in mine else SequenceMatcher(None, mine, _plain(w)).ratio(),
                 i, w) for i, w in zip(items["item"], items["wording"], strict=False)), default=None)
    return (best[1], best[2]) if best and best[0] >= COPY_SIMILARITY else None


def check_item_wording(wording: Any, items: Any = None) -> Feedback:
    """Feedback on one new survey item: a short statement with one idea, to agree or disagree with.

    The rules are OUR PROPOSAL, drawn from common survey practice: a statement,
    not a question; one idea (no "and" or "or" joining two asks); no double
    negative; at most 25 words; neutral: no loaded word (:data:`LOADED_WORDS`)
    that pushes the answer; and new: not a copy of an item already in the list
    (``items``, the case's item list if not given).
    """
    title = "Your new survey item"
    how = 'Write one statement in quotes that people can agree or disagree with, for example "Bus stops near my ' \
          'home are well lit at night."'
    if is_blank(wording):
        return Feedback.not_answered(title, how)
    text = str(wording).strip()
    words = re.findall(r"[\w'’-]+", text)
    improve: list[str] = []
    revise = False
    if text.endswith("?") or _QUESTION_START.match(text):
        revise = True
        improve.append("It is a question. Write a statement people can agree or disagree with, on a scale of 1 to 5.")
    if re.search(r"\b(and|or)\b", text, re.I):
        improve.append("It may ask two things at once (a double-barrelled item): someone who agrees with one part "
                       "and not the other cannot answer. Keep one idea per item.")
    if len(re.findall(r"\b(not|no|never|n't|nobody|none)\b", text.lower().replace("n\u2019t", " n't")
                                                               .replace("n't", " n't"))) >= 2:
        improve.append("It has a double negative; people misread those. Say it positively.")
    loaded = list(dict.fromkeys(m.group(0).lower() for m in _LOADED_RE.finditer(text.replace("\u2019", "'"))))
    if loaded:
        revise = True
        improve.append("It uses " + ("a loaded word" if len(loaded) == 1 else "loaded words") + " ("
                       + and_list([f"\u201c{w}\u201d" for w in loaded]) + "): a loaded word pushes the answer one way, "
                       "so the item measures the wording, not the opinion. Describe the thing plainly, without "
                       "praise or blame.")
    copied = _copied_item(text, items) if len(words) >= 4 else None
    if copied:
        revise = True
        improve.append(f"It copies item {copied[0]} (\u201c{copied[1]}\u201d), which the survey already asks. "
                       "Write an item for a gap the list does not cover.")
    if len(words) > 25:
        improve.append(f"It is long ({len(words)} words). Aim for 25 or fewer.")
    if len(words) < 4:
        revise = True
        improve.append("It is too short to be a statement. Say who or what, and what about them.")
    strengths = [] if improve else ["A short, neutral statement with one idea, on the 1-to-5 agree scale."]
    status = "revise" if revise else ("partly" if improve else "good")
    return _fb(status, title, strengths, improve,
               "Each item should measure one thing, the same way for everyone; otherwise its median means nothing.",
               ["OUR PROPOSAL, from common survey practice"])


def check_survey_design(short_survey: Any, new_item: Any = None) -> Feedback:
    """Exercise 1: a short diagnostic survey of 8 to 12 items from the case's list, covering all eight
    readiness dimensions, plus one new item of your own."""
    title = "Your short diagnostic survey"
    how = 'List 8 to 12 item codes in quotes, for example ["Q01", "Q05", ...], and write one new item.'
    if is_blank(short_survey) and is_blank(new_item):
        return Feedback.not_answered(title, how)
    items = case.load("survey_items")
    strengths: list[str] = []
    improve: list[str] = []
    revise = False
    if is_blank(short_survey):
        improve.append("Still to answer: short_survey. " + how)
    else:
        codes = [short_survey] if isinstance(short_survey, str) else list(short_survey) \
            if isinstance(short_survey, (list, tuple, set)) else None
        if codes is None:
            return Feedback("revise", title, improve=["short_survey should be a list of item codes. " + how])
        clean = [str(c).strip().upper() for c in codes]
        unknown = [c for c in clean if c not in set(items["item"])]
        known = [c for c in dict.fromkeys(clean) if c in set(items["item"])]
        if unknown:
            revise = True
            verb = "is" if len(unknown) == 1 else "are"
            improve.append(and_list([f"\u201c{u}\u201d" for u in unknown])
                           + f" {verb} not in the item list (Q01 to Q30).")
        if len(known) < len([c for c in clean if c in set(items["item"])]):
            improve.append("Some items appear twice; list each once.")
        dims = items.set_index("item").loc[known, "dimension"] if known else pd.Series(dtype=str)
        missed = [d for d in DIMENSIONS if d not in set(dims)]
        if missed:
            revise = True
            improve.append("Your survey leaves out dimensions " + and_list([f"{d} ({DIMENSIONS[d]})" for d in missed])
                           + ". A diagnostic needs at least one item on each, or it cannot say where the mission "
                             "is weakest.")
        else:
            strengths.append("Every readiness dimension, R1 to R8, has at least one item.")
        if len(known) > 12:
            improve.append(f"{len(known)} items is long for busy officials; keep 8 to 12 so people finish it.")
        elif len(known) < 8:
            improve.append(f"{len(known)} items is too few to cover eight dimensions; aim for 8 to 12.")
        elif not missed:
            strengths.append(f"{len(known)} items: short enough to finish in five minutes.")
    if is_blank(new_item):
        improve.append("Still to answer: new_item, one statement of your own for a gap you see (for example women's "
                       "safety at night, objective O4).")
    else:
        fb = check_item_wording(new_item)
        if fb.status == "good":
            strengths.append("Your new item: " + fb.strengths[0])
        else:
            revise = revise or fb.status == "revise"
            improve += [f"Your new item: {s}" for s in fb.improve]
    status = "revise" if revise else ("partly" if improve else "good")
    return _fb(status, title, strengths, improve,
               "A diagnostic must touch every dimension of readiness to show where the mission is weakest, and stay "
               "short enough that busy people finish it. The OECD Mission Action Lab uses diagnostic surveys and "
               "focus groups for this; the eight dimensions are the course's proposal.",
               [cite("mal-home")])


def check_survey_reading(small_groups: Any, bottom_up_cities: Any) -> Feedback:
    """Exercise 2: which respondent groups are too small to read alone, and where does a majority say the
    mission grew bottom-up (Q07)? Checked against the FICTIONAL survey."""
    title = "Reading the survey (fictional)"
    how = ('List the kinds of organisation in quotes, e.g. ["NGO"], and the cities (or "national") in quotes, '
           'e.g. ["Kessa"].')
    if is_blank(small_groups) and is_blank(bottom_up_cities):
        return Feedback.not_answered(title, how)
    sv = case.load("survey")
    sizes = group_sizes(sv, "org_type")
    truth_small = list(sizes.loc[sizes["small"], "org_type"])
    by_city = agreement_by(sv, "Q07", "city")
    truth_cities = list(by_city.loc[by_city["agree"] > 0.5, "city"])
    n_of = dict(zip(sizes["org_type"], sizes["respondents"], strict=False))
    city_row = by_city.set_index("city")
    strengths: list[str] = []
    improve: list[str] = []
    revise = False
    if is_blank(small_groups):
        improve.append("Still to answer: small_groups.")
    else:
        given = _names(small_groups, sizes["org_type"])
        hits = [g for g in given if g in truth_small]
        if hits:
            strengths.append("Too small to read alone: " + and_list([f"{g} (n = {n_of[g]})" for g in hits]) + ".")
        for g in given:
            if g not in truth_small:
                revise = True
                if g in n_of:
                    improve.append(f"{g}: n = {n_of[g]}, which is {SMALL_N} or more: it can be read, with its "
                                   "interval.")
                else:
                    improve.append(f"\u201c{g}\u201d is not a kind of organisation in the survey. Use: "
                                   + ", ".join(sizes["org_type"]) + ".")
        left = [g for g in truth_small if g not in given]
        if left:
            improve.append("You left out " + and_list([f"{g} (n = {n_of[g]})" for g in left]) + ".")
    if is_blank(bottom_up_cities):
        improve.append("Still to answer: bottom_up_cities.")
    else:
        given = _names(bottom_up_cities, by_city["city"])
        for c in given:
            if c in truth_cities:
                r = city_row.loc[c]
                note = (" The interval crosses 50%, so the majority is likely but not certain."
                        if r["agree_low"] < 0.5 else "")
                strengths.append(f"{c}: {pct(r['agree'])} agree (n = {int(r['n'])}, interval "
                                 f"{pct(r['agree_low'])}\u2013{pct(r['agree_high'])}).{note}")
            elif c in city_row.index:
                revise = True
                r = city_row.loc[c]
                where = "among national respondents" if c == "national" else f"in {c}"
                improve.append(f"{c}: only {pct(r['agree'])} agree (n = {int(r['n'])}); that is not a majority "
                               f"{where}. Read each city on its own.")
            else:
                revise = True
                improve.append(f"\u201c{c}\u201d is not a city in the survey. Use: " + ", ".join(by_city["city"]) + ".")
        left = [c for c in truth_cities if c not in given]
        if left:
            improve.append("You left out " + and_list(left) + ", where a majority agrees with Q07.")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status = "revise" if revise else ("partly" if improve else "good")
    return _fb(status, title, strengths, improve,
               "A share from fewer than 10 people can swing by 30 points or more; report it with other evidence. "
               "The real OECD survey (227 respondents from 40 countries) also found, to its surprise, that most said "
               "their mission was driven bottom-up; in Marenta that holds only in some cities.",
               [cite("opsi-survey-2022"), "The Republic of Marenta survey (FICTIONAL)"])


def _names(answer: Any, known: Iterable[str]) -> list[str]:
    items = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, (list, tuple, set)) else [
        str(answer)]
    lookup = {str(k).strip().lower(): str(k) for k in known}
    for k in list(lookup):
        lookup.setdefault(k.rstrip("s"), lookup[k])
    aliases = {"informal operators": "informal-transport association", "informal transport": "informal-transport "
               "association", "citizens": "citizens' group", "citizens groups": "citizens' group",
               "citizens' groups": "citizens' group", "women's groups": "women's group", "ngos": "NGO",
               "informal-transport associations": "informal-transport association"}
    out = []
    for a in items:
        text = str(a).strip().lower().replace("\u2019", "'")
        name = lookup.get(text) or lookup.get(text.rstrip("s")) or aliases.get(text) or str(a).strip()
        if name not in out:
            out.append(name)
    return out


def check_themes(themes: Any) -> Feedback:
    """Exercise 3: feedback on a codebook (dict theme -> keywords) for the FICTIONAL focus groups.

    Compares each theme the course also codes with the course's codebook
    (:data:`DEFAULT_THEMES`): which statements it misses, and which it adds;
    flags themes so broad they catch half the statements, and a codebook that
    leaves many statements uncoded.
    """
    title = "Coding the focus groups (fictional)"
    how = 'Give each theme keywords in quotes, for example "silos": ["silo", "each ministry"].'
    if is_blank(themes):
        return Feedback.not_answered(title, how)
    try:
        book = parse_themes(themes)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}"])
    skipped = [str(k) for k, v in themes.items() if v is ...] if isinstance(themes, Mapping) else []
    if not book:
        return Feedback.not_answered(title, how)
    fg = case.load("focus_groups")
    mine = code_statements(book, fg)
    ref = code_statements(DEFAULT_THEMES, fg)
    strengths: list[str] = []
    improve: list[str] = []
    revise = False
    for theme in book:
        got = set(mine.index[mine["themes"].str.split("; ").map(lambda ts, t=theme: t in ts)])
        groups = mine.loc[sorted(got), "group_id"].nunique()
        if len(got) > len(fg) / 2:
            revise = True
            improve.append(f"\u201c{theme}\u201d catches {len(got)} of {len(fg)} statements: a keyword is too broad "
                           "(it matches words that have nothing to do with the theme).")
            continue
        if theme in DEFAULT_THEMES:
            want = set(ref.index[ref["themes"].str.split("; ").map(lambda ts, t=theme: t in ts)])
            missed = sorted(want - got)
            ref_groups = ref.loc[sorted(want), "group_id"].nunique()
            if missed and len(got) < len(want):
                if len(got) <= len(want) / 2:
                    revise = True
                example = fg.loc[missed[0], "statement"]
                improve.append(f"\u201c{theme}\u201d finds only {len(got)} of the {len(want)} statements the course's "
                               f"keywords find ({ref_groups} groups). It misses, for example: \u201c{example}\u201d "
                               f"({fg.loc[missed[0], 'group_id']}). Add a keyword for that way of saying it.")
            else:
                strengths.append(f"\u201c{theme}\u201d: {len(got)} statements in {groups} "
                                 f"group{'s' if groups != 1 else ''}.")
        elif got:
            strengths.append(f"Your own theme \u201c{theme}\u201d: {len(got)} statements in {groups} "
                             f"group{'s' if groups != 1 else ''}.")
        else:
            improve.append(f"\u201c{theme}\u201d matches no statement; check its keywords against the notes.")
    none = int((mine["themes"] == "").sum())
    if none > len(fg) * 0.4:
        improve.append(f"{none} of {len(fg)} statements have no theme. Read them (diagnostics.uncoded(themes)) "
                       "and add keywords or a theme for what matters.")
    elif strengths:
        strengths.append(f"Only {none} of {len(fg)} statements are left without a theme.")
    if skipped:
        improve.insert(0, "Still to answer: keywords for " + and_list([f"\u201c{s}\u201d" for s in skipped]) + ".")
    status = "revise" if revise else ("partly" if improve else "good")
    return _fb(status, title, strengths, improve,
               "Keyword coding is quick and anyone can check it, but it only finds the words you thought of. "
               "Read what it misses. Silos and aligning resources across government are among the main obstacles "
               "named in the OECD's own survey.",
               [cite("mal-library"), "The Republic of Marenta focus groups (FICTIONAL)"])


def evidence_in(text: str, themes: Mapping[str, Iterable[str]] | None = None,
                items: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """The evidence a recommendation cites: item codes (Q17, or a range Q17-Q19), dimensions (R5) and
    theme names (as written in the codebook), found in its text."""
    items = case.load("survey_items") if items is None else items
    book = parse_themes(DEFAULT_THEMES if themes is None else themes)
    found_items: list[str] = []
    for m in _ITEM_RE.finditer(text):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        for n in range(min(a, b), max(a, b) + 1):
            code = f"Q{n:02d}"
            if code not in found_items:
                found_items.append(code)
    dims = list(dict.fromkeys(f"R{d}" for d in _DIM_RE.findall(text)))
    lower = text.lower()
    found_themes = [t for t in book if t.lower() in lower]
    return {"items": found_items, "dimensions": dims, "themes": found_themes}


_WORD = re.compile(r"[a-z]{4,}")
_STOP = set("that this with from have they their them will would should could about which when where there "
            "into more most than then also only each every other some such what make made many much very "
            "mission missions people work works government".split())
_DIM_WORDS = {"R1": "problem clarity objectives congestion pollution safety", "R2": "support commitment leaders "
              "legitimacy public bottom change government", "R3": "governance decision decisions coordination "
              "co-ordination ministries cities silos information", "R4": "policy policies regulation "
              "procurement subsidy rules", "R5": "budget budgets funding money finance fund aligned align "
              "partners donors", "R6": "skills staff capabilities experiment stop procurement portfolio",
              "R7": "firms universities community operators ecosystem local", "R8": "data monitoring "
              "indicators evidence review track"}


_ACTOR = re.compile(r"\b(ministry|ministries|minister|board|office|team|unit|units|cities|city|mayor|council|"
                    r"government|agency|agencies|partners?|donors?|lenders?|banks?|finance|treasury|operators?|"
                    r"secretariat|assembly|parliament|cabinet|we|they)\b", re.I)


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _vocab(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP}


_NOTABLE_CACHE: dict[str, tuple[dict, dict]] = {}


def _case_notable() -> tuple[dict, dict]:
    if "case" not in _NOTABLE_CACHE:
        _NOTABLE_CACHE["case"] = notable(*check_survey(case.load("survey"), case.load("survey_items")))
    return _NOTABLE_CACHE["case"]


# Reading the evidence backwards (OUR PROPOSAL, a simple word check, not a reading of meaning). When a
# recommendation cites an item or dimension most respondents DISAGREE with, and the same sentence claims the
# opposite (the budget "is sufficient", co-ordination "works well", people "agree"), or it proposes cutting
# what respondents say is lacking (cut the budget, citing Q17 "The mission has enough budget"), the check says
# the evidence points the other way. A claim word preceded by a negation (not, no, never, few, only, hardly)
# or in a clause that reports a share ("1% agree") or disagreement is not a claim.
_CLAIM_ALWAYS = re.compile(r"\b(works? well|working well|worked well|no problems?|not a problem|not an issue|"
                           r"satisfied|well[- ]funded|agreed?|agrees|is fine|are fine|on track)\b", re.I)
_CLAIM_ADJ = re.compile(r"\b(sufficient|enough|adequate|ample|plenty|strong|secure|good|healthy|clear)\b", re.I)
_COPULA = {"is", "are", "was", "were", "be", "been", "remains", "remain", "seems", "seem", "looks", "look",
           "already", "proves", "prove", "stays", "stay", "has", "have", "there's", "there"}
_SHOW = re.compile(r"\b(show|shows|showed|shown|prove|proves|proved|confirm|confirms|confirmed|indicate|"
                   r"indicates|suggest|suggests|say|says|find|finds|found|means)\b", re.I)
_NEGATORS = {"not", "no", "never", "n't", "few", "only", "hardly", "barely", "nobody", "little", "lack", "lacks",
             "lacking", "without", "nor", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "cannot",
             "can't", "neither", "too", "insufficient"}
_REPORTING = re.compile(r"\d+\s*%|\bper ?cent\b|\bdisagree|\bmost (?:respondents|people|officials) (?:do not|don't)",
                        re.I)
_CUT = re.compile(r"\b(cut|cuts|cutting|reduce|reduces|reducing|lower|lowers|shrink|shrinks|trim|trims|slash|"
                  r"slashes|halve|halves|scrap|scraps|withdraw|withdraws|freeze|freezes)\b", re.I)
_RESOURCES = {"budget", "fund", "money", "finance", "staff", "skill", "data", "monitor", "support",
              "coordination", "information", "experiment"}  # compared after _stem()
_AIM = {"to", "will", "would", "should", "must", "need", "needs", "ensure", "ensures", "until", "make", "makes",
        "become", "becomes", "get", "gets", "keep", "keeps", "build", "create", "give", "reach", "if", "unless",
        "once", "when"}  # "ensure the budget is enough" is an aim, not a claim
_CUT_NOT = {"gap", "gaps", "shortfall", "delay", "delays", "waste", "duplication", "barrier", "barriers", "time",
            "red", "tape", "cost", "costs", "dependence", "silos", "overlap", "risk"}
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]{3,}[\"\u201d]")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\u2019-]*|\d+%?", text.lower().replace("\u2019", "'").replace("n't", " n't"))


def _backwards(text: str, ev: Evidence) -> str | None:
    """The words in ``text`` that claim the opposite of what ``ev`` shows (mostly disagreement), or None."""
    if ev.lean != "disagree" or ev.split_cities:
        return None
    plain = _QUOTED.sub(" ", text)  # a quoted item wording is a citation, not a claim
    sentences = [x for x in re.split(r"(?<=[.;!?])\s+", plain) if re.search(rf"\b{ev.code}\b", x)]
    if ev.code.startswith("Q"):  # cited inside a range such as Q17-Q19
        n = int(ev.code[1:])
        sentences += [x for x in re.split(r"(?<=[.;!?])\s+", plain) for m in _ITEM_RE.finditer(x)
                      if m.group(2) and min(int(m.group(1)), int(m.group(2))) <= n <= max(int(m.group(1)),
                                                                                         int(m.group(2)))]
    topic = _vocab(ev.about) | _vocab(_DIM_WORDS.get(ev.code, ""))
    if ev.code.startswith("Q"):
        dim = case.load("survey_items").set_index("item")["dimension"].get(ev.code, "")
        topic |= _vocab(_DIM_WORDS.get(dim, ""))
    for sentence in dict.fromkeys(sentences):
        for clause in re.split(r",|\bso\b|\bbut\b|\bwhile\b|\bwhereas\b|\u2014|:", sentence, flags=re.I):
            low = clause.lower()
            for rx, needs_copula in ((_CLAIM_ALWAYS, False), (_CLAIM_ADJ, True)):
                if _REPORTING.search(clause):  # "only 1% agree", "most disagree": reporting, not claiming
                    break
                for m in rx.finditer(low):
                    before = _tokens(low[: m.start()])
                    if set(before[-3:]) & _NEGATORS or set(before[-4:]) & _AIM:
                        continue
                    if needs_copula and not (set(before[-3:]) & _COPULA or _SHOW.search(low[: m.start()])):
                        continue
                    return f"\u201c{m.group(0)}\u201d"
            for m in _CUT.finditer(low):
                after = _tokens(low[m.end():])[:4]
                stop = next((i for i, w in enumerate(after) if w in ("to", "for", "by", "of", "in", "on", "from",
                                                                       "with", "and", "into")), len(after))
                window = after[:stop]
                hit = [w for w in window if _stem(w) in _RESOURCES and _stem(w) in topic]
                if hit and not set(window) & _CUT_NOT:
                    return f"\u201c{m.group(0)} {' '.join(window)}\u201d"
    return None


def _judge(text: str, book: dict[str, tuple[str, ...]]) -> tuple[str, list[str], list[str], dict]:
    """(status, strengths, improve, evidence) for one recommendation on the FICTIONAL case."""
    items = case.load("survey_items")
    item_note, dim_note = _case_notable()
    counts = theme_counts(book).set_index("theme")
    ev = evidence_in(text, book, items)
    strengths: list[str] = []
    improve: list[str] = []
    good_ev: list[str] = []
    backwards: list[str] = []
    vocab = set()
    bad = [i for i in ev["items"] if i not in item_note] + [d for d in ev["dimensions"] if d not in dim_note]
    for b in bad:
        improve.append(f"{b} is not an item or dimension of the survey (items Q01 to Q30, dimensions R1 to R8).")
    cited = [item_note[i] for i in ev["items"] if i in item_note] + [dim_note[d] for d in ev["dimensions"]
                                                                     if d in dim_note]
    for e in cited:
        claim = _backwards(text, e)
        if claim:
            what = (f"{e.code} \u201c{e.about}\u201d" if e.code.startswith("Q") else f"{e.code} ({e.about})")
            backwards.append(f"The evidence points the other way: {what}: {e.shares(e.code.startswith('R'))}. "
                             f"Your text says {claim}, the opposite of what respondents said.")
        elif e.notable:
            good_ev.append(e.note())
        else:
            improve.append(e.note())
        if e.code.startswith("Q"):
            row = items.set_index("item").loc[e.code]
            vocab |= _vocab(row["wording"]) | _vocab(_DIM_WORDS.get(row["dimension"], ""))
        else:
            vocab |= _vocab(DIMENSIONS.get(e.code, "")) | _vocab(_DIM_WORDS.get(e.code, ""))
    for t in ev["themes"]:
        n, g = int(counts.loc[t, "statements"]), int(counts.loc[t, "groups"])
        if n >= 2:
            good_ev.append(f"theme \u201c{t}\u201d ({n} statements in {g} group{'s' if g != 1 else ''})")
        else:
            improve.append(f"The theme \u201c{t}\u201d has only {n} statement(s): too thin to rest a "
                           "recommendation on.")
        vocab |= _vocab(t) | {_stem(w) for k in book[t] for w in _WORD.findall(k)}
    prose = text
    for t in ev["themes"]:  # a theme named in quotes is a citation, not an explanation
        prose = re.sub(r"[\"'\u2018\u2019\u201c\u201d]" + re.escape(t) + r"[\"'\u2018\u2019\u201c\u201d]", " ", prose,
                       flags=re.I)
    prose = _DIM_RE.sub(" ", _ITEM_RE.sub(" ", prose))
    words = [w for w in re.findall(r"[\w'’-]+", prose) if w.lower() not in ("theme", "themes", "by", "city")]
    if not (ev["items"] or ev["dimensions"] or ev["themes"]):
        return "revise", [], ["It does not cite a finding. Name the survey item (e.g. Q17), the dimension (e.g. "
                              "R5) or the focus-group theme (e.g. \u201csilos\u201d) it rests on."], ev
    if backwards:
        improve = backwards + ["Read the shares who agree and disagree before you draw a conclusion: a finding "
                               "that most people disagree with points to a gap to fill, not a strength."] + improve
    if good_ev:
        strengths.append("Rests on " + and_list(good_ev) + ".")
        if (ev["items"] or ev["dimensions"]) and ev["themes"] and any(x.startswith("theme") for x in good_ev) and \
                any(not x.startswith("theme") for x in good_ev):
            strengths.append("Combines survey and focus-group evidence.")
    elif not backwards:
        improve.append("None of the evidence it cites shows a clear pattern; cite a finding that does.")
    if len(words) < 8:
        improve.append("Say who should do what, and by when, in a full sentence or two.")
    elif not _ACTOR.search(prose):
        improve.append("Say who should act: for example the Ministry of Finance, the board, the Delivery Office or "
                       "the city mission units.")
    if good_ev and vocab and not _vocab(prose) & vocab:
        improve.append("Say how the evidence supports it: the text does not yet mention what the cited "
                       "finding is about.")
    if backwards:
        status = "revise"
    else:
        status = "good" if good_ev and not improve else ("partly" if good_ev else "revise")
    return status, strengths, improve, ev


def assess_recommendation(text: Any, themes: Any = None) -> Feedback:
    """Feedback on one steering recommendation for the FICTIONAL case: does it cite a finding (a survey item
    or dimension that leans clearly one way, judged on the shares who agree and disagree by :func:`lean`, or a
    focus-group theme with at least two statements), and does it read that finding the right way round (it
    must not claim that a budget most respondents call short is "sufficient", nor propose cutting it)?"""
    title = "Your recommendation (fictional case)"
    if is_blank(text):
        return Feedback.not_answered(title, "Write one recommendation in quotes and name the evidence, e.g. "
                                            "\"... (Q17, theme 'silos')\".")
    try:
        book = parse_themes(DEFAULT_THEMES if is_blank(themes) else themes)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}"])
    status, strengths, improve, _ = _judge(str(text), book)
    return _fb(status, title, strengths, improve, _WHY_REC, _REC_SOURCES())


_WHY_REC = ("A board acts on evidence it can check. Tie each recommendation to a finding, prefer findings that the "
            "survey and the focus groups both show, and say how sure you are, especially for small groups.")


def _REC_SOURCES() -> list[str]:
    return [cite("mal-home"), "The Republic of Marenta survey and focus groups (FICTIONAL)"]


def check_recommendations(recommendations: Any, themes: Any = None) -> Feedback:
    """Exercise 4: three steering recommendations, each tied to evidence from the FICTIONAL survey or focus
    groups. ``recommendations`` maps a label to the text; ``themes`` is your codebook (the course's if blank)."""
    title = "Steering recommendations (fictional case)"
    how = ("Write three recommendations in quotes. In each, say who should do what, and name the evidence: a survey "
           "item (Q17), a dimension (R5) or a focus-group theme (\u201csilos\u201d).")
    if is_blank(recommendations):
        return Feedback.not_answered(title, how)
    if isinstance(recommendations, str):
        recommendations = {"Recommendation 1": recommendations}
    if isinstance(recommendations, (list, tuple)):
        recommendations = {f"Recommendation {i}": r for i, r in enumerate(recommendations, 1)}
    if not isinstance(recommendations, Mapping):
        return Feedback("revise", title, improve=["Your answer should be a dict of three recommendations. " + how])
    try:
        book = parse_themes(DEFAULT_THEMES if is_blank(themes) else themes)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"Your themes cannot be read: {error.problem}. {error.fix}"])
    strengths: list[str] = []
    improve: list[str] = []
    statuses: list[str] = []
    cited: list[set] = []
    todo = [str(k) for k, v in recommendations.items() if is_blank(v)]
    for label, text in recommendations.items():
        if is_blank(text):
            continue
        status, s, i, ev = _judge(str(text), book)
        statuses.append(status)
        cited.append(set(ev["items"]) | set(ev["dimensions"]) | set(ev["themes"]))
        strengths += [f"{label}: {x}" for x in s]
        improve += [f"{label}: {x}" for x in i]
    if not statuses:
        return Feedback.not_answered(title, how)
    if len(statuses) + len(todo) < 3:
        improve.append(f"Write {3 - len(statuses) - len(todo)} more: the board asked for three.")
    if len(cited) > 1 and any(a and a == b for n, a in enumerate(cited) for b in cited[n + 1:]):
        improve.append("Two recommendations rest on exactly the same evidence; make each one add something.")
    if todo:
        improve.insert(0, "Still to answer: " + and_list(todo) + ".")
    if "revise" in statuses:
        status = "revise"
    elif "partly" in statuses or improve:
        status = "partly"
    else:
        status = "good"
    return _fb(status, title, strengths, improve, _WHY_REC, _REC_SOURCES())
