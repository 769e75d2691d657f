"""Module 02 (choosing): the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

* :func:`check_cause_map`: the links of the vicious circle through congestion, a leverage point and why;
* :func:`check_choice`: the candidate chosen and the justification to the Prime Minister's Office. Several
  candidates are defensible, so the check judges the *structure* of the argument (a claim, evidence with a
  number, what is given up), says plainly that it cannot judge the substance, and shows a self-check list and
  a model answer once something is written;
* :func:`check_assembly`: the design of a citizens' assembly, choice by choice.

The Marenta case is FICTIONAL; the real anchors are cited in each feedback.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.choosing import assembly as asm
from missionkit.choosing import consultation as cons
from missionkit.choosing import selection, system_map
from missionkit.choosing.load import EXAMPLE_PITCH
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank, md_escape, placeholder_reason
from missionkit.text import and_list, cites, pct

__all__ = ["CAUSE_MAP_SELF_CHECK", "CAUSE_MAP_MODEL_ANSWER", "ASSEMBLY_SELF_CHECK", "ASSEMBLY_MODEL_ANSWER",
           "ReasonedFeedback", "check_cause_map", "check_choice", "check_assembly", "check_pitch", "CHOICE_SELF_CHECK",
           "CHOICE_MODEL_ANSWER", "PITCH_SELF_CHECK", "PITCH_MODEL_ANSWER", "LOOP_FACTOR"]

FICTIONAL = "The Republic of Marenta case, 2024 flashback (FICTIONAL)"
LOOP_FACTOR = "Congestion"  # the exercise asks for the vicious circle through congestion
_FUNCTION_WORDS = {"because", "so", "but", "and", "the", "is", "are", "will", "would", "we", "it", "to", "of",
                   "which", "that", "this", "our", "i", "a", "an", "in", "for", "on", "with", "than"}

CHOICE_SELF_CHECK = [
    "Claim: does your first sentence say which candidate you recommend?",
    "Evidence: do you give at least one figure from the case, and say where it comes from?",
    "Consequence: do you say what the government gives up, or the risk it accepts, by choosing it?",
    "Consultation: did you check who answered before you used it as public support?",
    "Audience: could a busy adviser in the Prime Minister's Office repeat your reason in one breath?",
]
CHOICE_MODEL_ANSWER = (
    "I recommend candidate B, the 45-minute cities. It meets five of the eight criteria and fails none, and it "
    "speaks to every household: the average commute was 62 minutes in 2024, and 76% of households have no car. "
    "We give up the simplicity of A, one indicator owned by one ministry, and accept a harder job of "
    "co-ordination across six ministries and three cities. The consultation put C first, but 65% of respondents "
    "had a car against 24% of households; weighted, B leads with about 53%. (A is defensible too: argue its "
    "single clear target and say that access and safety wait.)"
)


@dataclass
class ReasonedFeedback(Feedback):
    """Feedback on free text, with a self-check list and (once something is written) a model answer."""

    self_check: list[str] = field(default_factory=list)
    model_answer: str = ""

    def text(self) -> str:
        lines = [super().text()]
        if self.self_check:
            lines.append("Self-check: " + " ".join(self.self_check))
        if self.model_answer:
            lines.append("A model answer (one of several defensible ones): " + self.model_answer)
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        out = super()._repr_markdown_()
        if self.self_check:
            out += "\n*Self-check (tick honestly):*\n\n" + "\n".join(f"- [ ] {md_escape(s)}" for s in self.self_check)
            out += "\n"
        if self.model_answer:
            out += ("\n<details><summary>A model answer (one of several defensible ones)</summary>\n\n"
                    f"{md_escape(self.model_answer)}\n\n</details>\n")
        return out

    def to_html(self) -> str:
        body = super().to_html()
        if self.self_check:
            body += ("<p><em>Self-check (tick honestly):</em></p><ul>"
                     + "".join(f"<li>\u2610 {html.escape(s)}</li>" for s in self.self_check) + "</ul>")
        if self.model_answer:
            body += ("<details><summary>A model answer (one of several defensible ones)</summary>"
                     f"<p>{html.escape(self.model_answer)}</p></details>")
        return body


CAUSE_MAP_SELF_CHECK = [
    "Loop: do your links come back to congestion, each effect becoming the next link's cause?",
    "Kind: did you count the \u201creduces\u201d links to tell a reinforcing loop from a balancing one?",
    "Evidence: did you leave out, or flag, any link whose evidence is contested?",
    "Lever: does your point sit on the loop or feed it, and who holds it?",
]
CAUSE_MAP_MODEL_ANSWER = (
    "The circle runs L04, L05, L06, L07: more traffic, more congestion, slower buses, fewer riders, more traffic. "
    "Two links reduce, so it is reinforcing. Push on bus journey times: bus lanes on the busiest corridors win "
    "riders back and turn the circle the other way. Minibus rules or the fuel subsidy are defensible too; "
    "highway expansion is not, because its evidence is contested."
)
ASSEMBLY_SELF_CHECK = [
    "Who: would the room look like Marenta, including households without a car and Nuvo Alto?",
    "How many and how long: enough members and days to hear evidence and weigh trade-offs?",
    "Mandate: one question the members can answer, tied to a decision?",
    "Promise: what will the government do with the advice, by when, and can it keep that promise?",
]
ASSEMBLY_MODEL_ANSWER = (
    "100 members drawn by civic lottery, stratified by city, car in the household, age and gender; six days over "
    "three months; the question \u201cWhich of the three candidate missions should Marenta pursue, and what would "
    "make it fair to you?\u201d; and a promise of a public, reasoned answer to each recommendation within three "
    "months."
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9%'-]+", text.lower())


def _placeholder(text: str, question_words: tuple[str, ...] = ()) -> bool:
    """A placeholder, not an answer (the shared rule, :func:`missionkit.feedback.placeholder_reason`)."""
    t = re.sub(r"[\s.!]+$", "", text.strip().lower())
    return placeholder_reason(text) is not None or len(t) <= 2 or t in question_words


def _word_list(text: str) -> bool:
    """A list of terms rather than sentences: several comma-separated chunks of one or two words each,
    with hardly any of the small words sentences need."""
    chunks = [c.strip() for c in re.split(r"[,;/\n]", text) if c.strip()]
    words = _words(text)
    if len(chunks) >= 4 and sum(len(c.split()) for c in chunks) / len(chunks) <= 2.5:
        return True
    return len(words) >= 12 and not any(w in _FUNCTION_WORDS for w in words)


_NUMBER = re.compile(r"\d")
_GIVE_UP = ("give up", "gives up", "giving up", "trade-off", "trade off", "tradeoff", "at the cost", "the price",
            "instead of", "forgo", "we lose", "lose ", "sacrific", "we accept", "accept that", "accept the",
            "downside", "wait", "at the expense", "drop", "cost us", "we will not", "not do")
_BACKWARDS = ("already adopted", "already chosen", "already decided", "government has chosen", "was adopted",
              "already the mission", "the mission we already", "already agreed")
_POPULAR = ("most popular", "popular", "the public wants", "people want", "41%", "consultation", "listen to the people")
_WEIGHTED = ("weight", "car owner", "with a car", "own a car", "car ownership", "had a car", "represent", "skew",
             "who answered", "respondents had")


# ---------------------------------------------------------------------------------------------- cause map
def _loop_through(causes: pd.DataFrame, factor: str) -> system_map.Loop:
    loops = [lp for lp in system_map.feedback_loops(causes) if factor in lp.factors]
    return max(loops, key=lambda lp: lp.length)


def _loop_ids(causes: pd.DataFrame, loop: system_map.Loop) -> list[str]:
    pairs = list(zip(loop.factors, loop.factors[1:] + loop.factors[:1], strict=True))
    ids = []
    for a, b in pairs:
        ids += causes.loc[(causes["cause"] == a) & (causes["effect"] == b), "link_id"].tolist()
    return sorted(ids)


def _ids(value: Any) -> list[str]:
    if is_blank(value):
        return []
    if isinstance(value, str):
        value = re.split(r"[,;\s]+", value)
    return [str(v).strip().upper() for v in value if str(v).strip()]


def check_cause_map(links: Any, leverage: Any = None, reason: Any = None,
                    causes: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the vicious circle through congestion (link ids), a leverage point (a factor) and why."""
    title = "Map the causes: the circle through congestion (fictional)"
    how = ("Tick the links that form the vicious circle through congestion, choose the factor where you would push, "
           "and say why in one or two sentences.")
    if is_blank(links) and is_blank(leverage) and is_blank(reason):
        return Feedback.not_answered(title, how)
    causes = case.load("causes") if causes is None else causes
    loop = _loop_through(causes, LOOP_FACTOR)
    expected = _loop_ids(causes, loop)
    chosen = _ids(links)
    known = set(causes["link_id"])
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    unknown = [i for i in chosen if i not in known]
    if unknown:
        serious = True
        improve.append(f"{and_list(unknown)}: no such link in the evidence (the links run from L01 to "
                       f"L{len(causes):02d}).")
    contested = [i for i in chosen if i in set(system_map.contested_links(causes)["link_id"])]
    for i in contested:
        row = causes.set_index("link_id").loc[i]
        serious = True
        improve.append(f"{i} ({row['cause']} reduces {row['effect']}) is contested: {row['evidence']} Leave it out "
                       "of the circle, or mark it as doubtful.")
    missing = [i for i in expected if i not in chosen]
    extra = [i for i in chosen if i in known and i not in expected and i not in contested]
    if chosen and not missing and not extra and not unknown and not contested:
        strengths.append(f"You found the {loop.kind} loop: {loop.text()}. With an even number of \u201creduces\u201d "
                         "links, each turn makes the next one worse: a vicious circle (it could be made virtuous).")
    elif chosen or links is not None:
        if missing:
            serious = True
            table = causes.set_index("link_id")
            improve.append("Missing from the circle: " + "; ".join(
                f"{i} ({system_map.link_label(table.loc[i])})" for i in missing) + ". Follow each effect to "
                "the link it causes until you are back at congestion.")
        if extra:
            improve.append(f"{and_list(extra)} feed{'s' if len(extra) == 1 else ''} the circle or sit beside it, "
                           "but are not part of it: a loop returns to where it started.")
    lever = "" if is_blank(leverage) else str(leverage).strip()
    feeding = set(system_map.upstream(causes, LOOP_FACTOR)["cause"]) | set(loop.factors)
    if not lever:
        improve.append("Choose the factor where you would push (the leverage point).")
    elif lever == "Highway expansion":
        serious = True
        row = system_map.contested_links(causes).iloc[0]
        improve.append(f"Highway expansion as the lever: the evidence on it is contested. {row['evidence']} "
                       "Wider roads invite more traffic, which feeds the circle instead of breaking it.")
    elif lever not in system_map.factors(causes):
        serious = True
        improve.append(f"\u201c{lever}\u201d is not a factor in the evidence. Choose one from the list.")
    elif lever not in feeding:
        improve.append(f"{lever} does not feed the circle through congestion: pushing there may help another "
                       "branch, but it will not slow this loop.")
    else:
        strengths.append(f"{lever} sits on the circle or feeds it, so pushing there can slow it. Meadows (1999) "
                         "ranks places to intervene: rules and the strength of loops usually beat numbers such as "
                         "subsidies, even large ones.")
    text = "" if is_blank(reason) else str(reason).strip()
    if not text:
        improve.append("Say why you would push there, in one or two sentences.")
    elif _placeholder(text):
        improve.append("Your reason looks like a placeholder: say in one or two sentences what pushing there "
                       "changes, and how that slows the circle.")
    elif _word_list(text):
        improve.append("Your reason is a list of words, not an argument: say what changes, and how that slows the "
                       "circle, in one or two sentences.")
    elif len(_words(text)) < 12:
        improve.append("Write one or two full sentences: what pushing there changes, and how that slows the circle.")
    else:
        strengths.append("Your reason says what pushing there would change. Whether it would work in Marenta is a "
                         "judgement the check cannot make: test it on the evidence and in discussion.")
    status: Status = "good" if not improve else ("revise" if serious else "partly")
    written = bool(text) and not _placeholder(text)
    return ReasonedFeedback(status, title, strengths=strengths, improve=improve,
                            why="A problem tree lists causes; a system map also shows how effects feed back on "
                                "causes. Reinforcing loops explain why a problem keeps growing, and a mission that "
                                "slows one can do more than one that pushes on a single number.",
                            sources=cites("meadows1999") + [FICTIONAL],
                            self_check=CAUSE_MAP_SELF_CHECK if written else [],
                            model_answer=CAUSE_MAP_MODEL_ANSWER if written else "")


# ---------------------------------------------------------------------------------------------- the choice
def _candidate(value: Any, candidates: pd.DataFrame) -> str | None:
    if is_blank(value):
        return None
    text = str(value).strip()
    names = selection.candidate_names(candidates)
    for cid, name in names.items():
        if text.upper() == cid or text.lower() == name.lower() or text.upper().startswith(cid + " "):
            return cid
    raise MissionkitInputError(f"\u201c{text}\u201d is not one of the candidates",
                               fix="Choose A, B or C (" + "; ".join(f"{k} {v}" for k, v in names.items()) + ").")


def check_choice(candidate: Any, justification: Any = None, candidates: pd.DataFrame | None = None,
                 consultation: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the choice of candidate mission and its justification to the Prime Minister's Office."""
    title = "Your choice, justified to the Prime Minister's Office (fictional)"
    if is_blank(candidate) and is_blank(justification):
        return Feedback.not_answered(title, "Choose a candidate (A, B or C) and justify it in three to five "
                                            "sentences: your claim, evidence with a number, and what is given up.")
    candidates = case.load("candidates") if candidates is None else candidates
    consultation = case.load("consultation") if consultation is None else consultation
    try:
        cid = _candidate(candidate, candidates)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. {error.fix}"])
    text = "" if is_blank(justification) else str(justification).strip()
    low = f" {text.lower()} "
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    names = selection.candidate_names(candidates)
    if cid is None:
        improve.append("Choose a candidate: A, B or C.")
    else:
        fails = selection.failures(candidates)[cid]
        if fails:
            serious = not all(w in low for w in ("sector", "solution"))
            improve.append(f"{cid} {names[cid]} fails {len(fails)} criteria: {and_list(fails)}. If you keep it, say "
                           "how you would answer that.")
    raw, weighted = cons.choice_shares(consultation), cons.weighted_shares(consultation, "car_household")
    rep = cons.representation(consultation, "car_household")
    car_note = (f"the consultation over-represents households with a car: {pct(rep.loc['yes', 'respondent_share'])} "
                f"of respondents, against {pct(rep.loc['yes', 'population_share'])} of households. Weighted, "
                f"{cons.ranking(weighted)[0]} leads with {pct(weighted.max())} and {cons.ranking(raw)[0]} falls to "
                f"{pct(weighted[cons.ranking(raw)[0]])}")
    if not text:
        improve.append("Justify your choice in three to five sentences: claim, evidence with a number, and what "
                       "is given up.")
        serious = True
    elif _placeholder(text, ("justify your choice", "justification")):
        serious = True
        improve.append("This looks like a placeholder. Write three to five sentences: which candidate, the evidence "
                       "with a number, and what the government gives up.")
    elif _word_list(text):
        serious = True
        improve.append("This is a list of words, not an argument. Turn it into sentences: which candidate, which "
                       "evidence (with a number), and what is given up.")
    elif len(_words(text)) < 20:
        serious = True
        improve.append("Too short to persuade an adviser: write three to five sentences with a claim, evidence and "
                       "what is given up.")
    else:
        if any(b in low for b in _BACKWARDS):
            serious = True
            improve.append("This is backwards reasoning: \u201cit was chosen, so it is right\u201d. In 2024 nothing "
                           "was decided yet; argue from the evidence, as if the choice were still open.")
        claim = cid is not None and (re.search(rf"\b{cid}\b", text) or names[cid].lower() in low
                                     or any(w in low for w in ("recommend", "choose", "advice", "propose")))
        if claim:
            strengths.append("Claim: you say which candidate you recommend.")
        else:
            improve.append("Start with your claim: which candidate you recommend.")
        if _NUMBER.search(text):
            strengths.append("Evidence: you give at least one figure.")
        else:
            serious = True
            improve.append("Add evidence with a number from the case (a baseline, a rating, a share).")
        if any(g in low for g in _GIVE_UP) and not re.search(r"nothing to give up|no trade-?off", low):
            strengths.append("Consequence: you say what is given up or what risk is accepted.")
        else:
            serious = True
            improve.append("Say what the government gives up by this choice, or the risk it accepts: every choice "
                           "leaves something out.")
        if any(p in low for p in _POPULAR) and not any(w in low for w in _WEIGHTED):
            serious = True
            improve.append(f"You lean on the consultation, but check who answered: {car_note}.")
        elif any(w in low for w in ("weight", "respondents had", "over-represent")):
            strengths.append(f"You checked who answered the consultation: {car_note}.")
    status: Status = "good" if not improve else ("revise" if serious else "partly")
    answered = bool(text) and not _placeholder(text)
    return ReasonedFeedback(
        status, title, strengths=strengths, improve=improve,
        why="This check looks at the structure of your argument (claim, evidence with a number, what is given up); "
            "it cannot judge whether your choice is right. A and B are both defensible; C fails two of the criteria "
            "from the 2018 report to the European Commission. The decision is political: the evidence informs it.",
        sources=cites("mazzucato2018", "opsi-litmus") + [FICTIONAL],
        self_check=CHOICE_SELF_CHECK if answered else [],
        model_answer=CHOICE_MODEL_ANSWER if answered else "")


# ---------------------------------------------------------------------------------------------- the assembly
def _is_question(text: str) -> bool:
    low = text.strip().lower()
    return low.endswith("?") or bool(re.match(r"(how|what|which|should|where|when|who|why)\b", low))


def check_assembly(design: Any, consultation: pd.DataFrame | None = None) -> Feedback:
    """Feedback on a citizens' assembly design, choice by choice."""
    title = "Your citizens' assembly (fictional)"
    how = ("Fill in every choice: how many members, how they are chosen and balanced, how many days, the question "
           "they answer, and what the government promises.")
    if is_blank(design):
        return Feedback.not_answered(title, how)
    try:
        d = asm.parse_design(design)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}"])
    if not d.answered:
        return Feedback.not_answered(title, how)
    consultation = case.load("consultation") if consultation is None else consultation
    rep = cons.representation(consultation, "car_household")
    skew = (f"{pct(rep.loc['yes', 'respondent_share'])} of the consultation's respondents had a car, against "
            f"{pct(rep.loc['yes', 'population_share'])} of households")
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    # who and how many
    if d.members is None:
        improve.append("Say how many members.")
    elif d.members < asm.MIN_MEMBERS:
        serious = True
        improve.append(f"{d.members} members are too few to balance three cities, car and no car, age and gender "
                       f"(our rule of thumb: at least {asm.MIN_MEMBERS}). Climate Assembly UK had 108; France's "
                       "Convention citoyenne pour le climat had 150.")
    elif d.members > 200:
        improve.append(f"{d.members} members: large and costly to run well. The real cases had 108 (UK) and 150 "
                       "(France).")
    else:
        strengths.append(f"{d.members} members: enough to balance the groups (Climate Assembly UK had 108, France's "
                         "convention 150).")
    if not d.selection:
        improve.append("Say how members are chosen.")
    elif d.selection == "random, stratified":
        strengths.append("A civic lottery with quotas: the OECD counts random selection with demographic "
                         "stratification as a mark of representative deliberation.")
    elif d.selection == "random, not stratified":
        improve.append("A lottery without quotas can miss small groups by chance (Nuvo Alto, older people); "
                       "stratify the draw.")
    else:
        serious = True
        improve.append(f"\u201c{d.selection}\u201d repeats the consultation's problem: those who come forward are "
                       f"not the public ({skew}). Draw members by lot, with quotas.")
    strata = set(d.stratify_by)
    need = [s for s in ("car in the household", "city") if s not in strata]
    if d.selection in ("random, stratified", "random, not stratified") or strata:
        if need:
            improve.append(f"Balance the draw on {and_list(need)}: {skew}, and Nuvo Alto was under-represented.")
        else:
            strengths.append(f"You balance car and no car, and the cities: the consultation's skew ({skew}) cannot "
                             "repeat itself.")
    # time
    if d.days is None:
        improve.append("Say how many full days the members meet.")
    elif d.days < 1:
        serious = True
        improve.append("Less than one full day: the OECD's minimum for deliberation is one full day face to face; "
                       "the UK and French assemblies met over six weekends.")
    elif d.days < asm.MIN_DAYS:
        improve.append(f"{d.days:g} days leave little time to hear evidence and weigh trade-offs (our rule of thumb: "
                       f"at least {asm.MIN_DAYS}).")
    else:
        strengths.append(f"{d.days:g} days: time to learn, hear evidence and deliberate.")
    # mandate
    if not d.mandate:
        improve.append("Write the question the assembly answers (its mandate).")
    elif _placeholder(d.mandate):
        improve.append("The mandate looks like a placeholder: write the question the assembly answers.")
    elif _word_list(d.mandate) or not _is_question(d.mandate):
        serious = True
        improve.append("Write the mandate as one clear question the members can answer (for example, \u201cWhich "
                       "candidate should Marenta pursue, and on what terms?\u201d).")
    elif len(_words(d.mandate)) < 8:
        improve.append("Make the mandate precise: what decision it informs, and by when.")
    else:
        strengths.append("A clear question: members know what they are asked.")
    # commitment
    if not d.commitment:
        improve.append("Say what the government promises to do with the advice.")
    elif d.commitment == "respond to each recommendation":
        strengths.append("You promise a public, reasoned answer to each recommendation: the OECD's accountability "
                         "principle, and a promise the government can keep.")
    elif d.commitment == "implement everything":
        serious = True
        improve.append("Do not promise to implement everything. France's President promised to pass the 149 "
                       "proposals on \u201cwithout filter\u201d, then kept 146 and set three aside; members and "
                       "observers read the gap as a broken promise. Promise a reasoned public answer instead.")
    elif d.commitment == "consider the report":
        improve.append("\u201cConsider the report\u201d is weak: promise a public answer to each recommendation, "
                       "with reasons and a date.")
    else:
        serious = True
        improve.append("No commitment means no reason for members, or the public, to trust the process: promise "
                       "a public answer to each recommendation.")
    status: Status = "good" if not improve else ("revise" if serious else "partly")
    written = bool(d.mandate) and not _placeholder(d.mandate)
    return ReasonedFeedback(status, title, strengths=strengths, improve=improve,
                            why="Design choices decide whether an assembly's advice is trusted: who is in the room, "
                                "how long they have, what they are asked, and what happens to their answer. The "
                                "check reads each choice; it cannot judge how a real assembly would go.",
                            sources=cites("oecd-delib2020", "climate-assembly-uk-report", "fr-ccc-response")
                            + [FICTIONAL],
                            self_check=ASSEMBLY_SELF_CHECK if written else [],
                            model_answer=ASSEMBLY_MODEL_ANSWER if written else "")


# ---------------------------------------------------------------------------------------------- the pitch
_PEOPLE = ("people", "children", "families", "family", "mothers", "parents", "workers", "commute", "traffic",
           "every day", "hour", "bus", "air", "roads", "wait", "breathe", "school", "clinic", "our cities")
_JARGON = ("leverag", "synerg", "framework", "stakeholder", "optimis", "optimiz", "multimodal", "integrated",
           "holistic", "paradigm", "operationalis")
_KEEPERS = ("law", "parliament", "all parties", "every party", "cross-party", "board", "budget", "mayor",
            "committee", "independent", "election", "whoever wins", "opposition", "report every", "each year")
PITCH_SELF_CHECK = [
    "Problem: would a neighbour recognise the problem in your first sentence?",
    "Promise: does it say what changes, by when?",
    "Keeper: does it say who or what keeps the promise after the next election?",
]
PITCH_MODEL_ANSWER = EXAMPLE_PITCH


def check_pitch(pitch: Any) -> Feedback:
    """Feedback on a three-sentence pitch: the problem in people's words, the promise with a date, who keeps it."""
    title = "Your pitch (narrative and leadership)"
    if is_blank(pitch):
        return Feedback.not_answered(title, "Write three sentences: the problem in people's words, the promise with "
                                            "a date, and who keeps it after the next election.")
    text = str(pitch).strip()
    low = f" {text.lower()} "
    strengths: list[str] = []
    improve: list[str] = []
    if _placeholder(text) or _word_list(text):
        improve.append("Write sentences a minister could say aloud, not a placeholder or a list of words.")
    elif len(_words(text)) < 25:
        improve.append("Too short: three sentences, one each for the problem, the promise and who keeps it.")
    else:
        if any(j in low for j in _JARGON):
            improve.append("Drop the jargon: tell the problem as people live it (time lost, air breathed, lives).")
        elif any(p in low for p in _PEOPLE):
            strengths.append("Problem: told in everyday words.")
        else:
            improve.append("Tell the problem as people live it: time lost, air breathed, lives at risk.")
        if re.search(r"\b20\d\d\b", text):
            strengths.append("Promise: it has a date.")
        else:
            improve.append("Give the promise a date: what changes, by when.")
        if any(k in low for k in _KEEPERS):
            strengths.append("Keeper: you say who or what keeps the promise beyond one government.")
        else:
            improve.append("Say who keeps the promise after the next election: a law, a cross-party body, a "
                           "multi-year budget, a public report on a fixed date.")
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    answered = not _placeholder(text)
    return ReasonedFeedback(
        status, title, strengths=strengths, improve=improve,
        why="The check looks for the three parts of a pitch; it cannot judge whether yours would move a room. "
            "Missions outlive governments when people can tell their story and institutions keep them going.",
        sources=cites("climate-assembly-uk-report", "br-cndi-decree"),
        self_check=PITCH_SELF_CHECK if answered else [], model_answer=PITCH_MODEL_ANSWER if answered else "")
