"""Read a draft mission statement and give formative feedback on its framing.

``assess_statement(text)`` checks a statement against the five mission
criteria of Mazzucato (2018) and against common framing mistakes. It is
rule-based on purpose: every decision comes from a named pattern below, and
``explain(text)`` lists each rule that fired, so a participant or a trainer
can see *why* the tool read the statement the way it did.

What text alone can and cannot judge:

* C2 (targeted, measurable, time-bound) is read from the words: is there a
  target, a deadline year, a baseline?
* C4 (across sectors) and C5 (room for many solutions) are read from cues,
  such as the sectors named, or a single technology or project as the goal.
* C1 (bold, wide relevance) and C3 (ambitious but realistic) need the
  participant's judgement, so the tool asks for it (status ``"ask"``).

Conventions (also the labelling rules of tests/data/statements.csv):

* The deadline is the year by which the goal is to be met. A baseline year
  ("compared with 1990", "from 38 µg/m³ in 2024", "2014–16 levels") or a start
  year ("since 2020") is never a deadline. A range ("2030–2035") gives its
  later year. When several target years appear, the latest is the deadline
  and earlier ones are read as milestones. A year marked as an interim step
  ("2030 interim", "an interim milestone in 2030") is a milestone, never the
  deadline.
* A year that has already passed on the course's case date (15 November 2026)
  is the date of something that happened ("adopted in Nov 2023", "since the
  floods of 2023", "(Nov 2023)"), not a deadline, unless "by", "before" or
  "no later than" marks it as one. A latest reading in brackets ("(latest
  reading: 41% in 2025)", "(2025: 41%)") is a baseline.
* A target is quantified when it names a value that can be checked: a number
  (not a year, not part of a name such as G7 or PM2.5), a percentage, a
  number word ("three million", "a third", "half"), "halve/double/triple",
  "zero", "net-zero", "climate-neutral", "…-free", or "all"/"every" + a noun.
  A count that only says *where* ("the three largest cities", "the poorest
  fifth of households", "one of the eight platforms") is scope, not a target;
  nor is a count of who takes part ("eight ministries will work together").

Source of the criteria: Mazzucato, M. (2018), Mission-Oriented Research &
Innovation in the European Union, European Commission. The module never
prints and has no display code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from missionkit.case import TODAY
from missionkit.errors import MissionkitInputError

__all__ = [
    "CRITERIA",
    "STATUSES",
    "CriterionResult",
    "FramingWarning",
    "RuleHit",
    "StatementAssessment",
    "assess_statement",
    "explain",
]

# --------------------------------------------------------------------------
# Sources (from shared/reference/mission-brief.md, section 10)
# --------------------------------------------------------------------------

MAZZUCATO_2018 = (
    "Mazzucato, M. (2018), Mission-Oriented Research & Innovation in the "
    "European Union, European Commission"
)
OECD_NZ_2025 = (
    "OECD (2025), Mission-Oriented Innovation Policies for Net Zero: How Can "
    "Countries Implement Missions to Achieve Climate Targets?, OECD"
)
OECD_GGSD_2022 = (
    "OECD (2022), Mission-oriented policies, Green Growth and Sustainable "
    "Development Forum, Issue Note 1, OECD"
)
OECD_STIO_2023 = (
    "OECD (2023), OECD Science, Technology and Innovation Outlook 2023, ch. 5, OECD"
)

#: The five criteria: key -> (code, short name, test question). Mazzucato (2018),
#: paraphrased as in the course brief, section 1.3.
CRITERIA: dict[str, tuple[str, str, str]] = {
    "bold": (
        "C1",
        "Bold and inspiring, with wide relevance to society",
        "Would a citizen understand why this matters?",
    ),
    "directed": (
        "C2",
        "Clear direction: targeted, measurable and time-bound",
        "Can you name the metric, the baseline, the target value and the date?",
    ),
    "ambitious": (
        "C3",
        "Ambitious but realistic research and innovation actions",
        "Is it a stretch that research and innovation could plausibly deliver, "
        "rather than a wish or something already under way?",
    ),
    "cross_sectoral": (
        "C4",
        "Innovation across disciplines, sectors and actors",
        "Does success need several ministries, sectors and kinds of organisation?",
    ),
    "bottom_up": (
        "C5",
        "Many bottom-up solutions",
        "Does the mission leave room for competing routes, rather than fixing "
        "one technology in advance?",
    ),
}

#: Allowed values of ``CriterionResult.status``.
STATUSES = ("met", "partly", "not met", "ask")

# --------------------------------------------------------------------------
# Building blocks for the patterns
# --------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# Words that may sit between a cue and a year: "by the end of 2030",
# "by mid-2030", "in October 2025", "by the year 2040", "by 31 December 2030".
_YEAR_FILLER = (
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+year\s+)?"
    r"|(?:early|mid|late|end)[-\s]"
    r"|the\s+year\s+"
    rf"|{_MONTH}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+"
    r"|q[1-4]\s+|h[12]\s+)*"
)

_NUMBER_WORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"billion|dozen"
)

# --------------------------------------------------------------------------
# Deadline rules: where is a year, and what role does it play?
# --------------------------------------------------------------------------

#: A year (1900-2199), optionally a range: "2030", "2030-2035", "2030–35",
#: "2024/25", "2030 to 2035". "2030s" (a decade) and "PM2030" do not match.
YEAR_PATTERN = re.compile(
    r"(?<![\w.,/$£€])(?P<year>(?:19|20|21)\d{2})"
    r"(?:\s*[-–—/]\s*(?P<end>(?:19|20|21)\d{2}|\d{2})(?![\d.,]\d)"
    r"|\s+to\s+(?P<end2>(?:19|20|21)\d{2}))?"
    r"(?![\w%]|[.,]\d)"
)

#: Just before a year, these words make it a DEADLINE: "by 2030", "before 2040",
#: "no later than 2033", "until 2030", "through 2030", "in the decade to 2035",
#: "by the end of 2030".
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|till|through|"
    r"throughout|to|deadline\s*:?|target\s+year\s*:?|due(?:\s+in)?)\s+"
    + _YEAR_FILLER + r"$"
    r"|\bby\s+end[-\s]$"
)

#: Just after a year, these words make it a DEADLINE: "2050 at the latest".
DEADLINE_AFTER = re.compile(
    r"^\s*,?\s*(?:at\s+the\s+(?:latest|very\s+latest)|or\s+(?:earlier|sooner|before)|"
    r"deadline|target\s+year)\b"
)

#: Just before a year, these words make it a BASELINE (a reference point, not
#: a deadline): "compared with 1990", "relative to 2010", "than in 2010",
#: "it did in 2024", "baseline: 2024", "levels of 2019".
BASELINE_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\brelative\s+to|\bagainst|\bversus|\bvs\.?|"
    r"(?<!later\s)(?<!earlier\s)\bthan"
    r"(?:\s+(?:in|it\s+(?:did|was)\s+in|they\s+(?:did|were)\s+in))?|"
    r"\b(?:it|they|we|there|this|that|these)\s+(?:did|was|were|had|stood)\s+in|"
    r"\b(?:recorded|measured|observed|seen|reported|estimated)\s+in|"
    r"\blevels?\s+(?:of|in)|\bbaseline(?:\s+year)?\s*:?(?:\s*(?:of|in))?)\s*"
    + _YEAR_FILLER + r"$"
)

#: Just after a year, these words make it a BASELINE: "2024 levels",
#: "the 2024 level", "2014–16 baseline".
BASELINE_AFTER = re.compile(r"^\s*(?:levels?|baseline|values?|figures?|average)\b")

#: Just before a year, these words make it a START year (not a deadline):
#: "since 2020", "from 2019", "between 2025 and …", "began in 2019".
START_BEFORE = re.compile(
    r"\b(?:since|from|between|starting(?:\s+in)?|beginning(?:\s+in)?|"
    r"(?:began|begun|started|launched|adopted|agreed|set\s+up)\s+in|as\s+of|after)\s+"
    + _YEAR_FILLER + r"$"
)

#: "between 2025 and 2035": the year after "and" closes a range, so it is a deadline.
RANGE_END_BEFORE = re.compile(r"\bbetween\s+(?:19|20|21)\d{2}\s+and\s+$")

#: "in 2030", "in October 2025", "during 2030": the role depends on what
#: comes before (see VALUE_FROM_BEFORE_IN and VALUE_TO_BEFORE_IN).
IN_BEFORE = re.compile(r"\b(?:in|during)\s+" + _YEAR_FILLER + r"$")

#: "from 38 µg/m³ in 2024", "up from 61.7% in October 2025": the year belongs
#: to the starting value, so it is a BASELINE.
VALUE_FROM_BEFORE_IN = re.compile(
    r"\b(?:up\s+|down\s+)?from\s+(?:its\s+|the\s+|about\s+|around\s+)?[^\s;]*\d[^;]*$"
)

#: "to 50 minutes in 2035": the year belongs to the target value, so it is a DEADLINE.
VALUE_TO_BEFORE_IN = re.compile(
    r"\bto\s+(?:about\s+|around\s+|under\s+|below\s+|at\s+least\s+)?[^\s;]*\d[^;]*$"
)

#: A clause written in the past tense describes the starting point:
#: "In 2024, 38% of commuters spent over an hour travelling" -> 2024 is a baseline.
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|spent|stood|rose|fell|died|recorded|measured)\b", re.I
)

#: A four-digit number followed by one of these words is still read as a year
#: ("Marenta 2040 vision"); followed by any other word it is a count
#: ("2000 electric buses").
YEAR_FOLLOWERS = frozenset(
    """and or to at onwards onward target targets goal goals deadline vision
    agenda plan strategy levels level baseline with for in on the through as so
    while when is was will we our its if which that compared relative than then
    but net mission missions programme program period horizon""".split()
)

#: The last year that has already passed on the course's case date (15 November
#: 2026, FICTIONAL case, see missionkit.case.TODAY). A year up to this one with no
#: deadline word ("by", "before", "no later than") dates something that has
#: happened: "recommended in Nov 2023", "since the floods of 2023", "(Nov 2023)".
#: It is never read as the deadline.
LAST_PAST_YEAR = TODAY.year

#: Just after a year, these words make it an interim MILESTONE, not the deadline:
#: "2030 interim", "a 2030 interim milestone", "2030 milestone".
MILESTONE_AFTER = re.compile(r"^\s*(?:\(\s*)?(?:interim|intermediate|milestones?)\b", re.I)

#: Just before a year, these words make it an interim MILESTONE, not the deadline:
#: "an interim milestone in 2030", "an interim target of 25% by 2030", "milestones in 2030".
MILESTONE_BEFORE = re.compile(
    r"(?:\b(?:interim|intermediate)(?:\s+(?:milestone|target|goal|step|check|checkpoint|"
    r"review)s?)?|\bmilestones?)\s+(?:of\s+[^,;]{0,40}?\s+)?(?:(?:in|by|for|at)\s+)?"
    + _YEAR_FILLER + r"$"
)

#: A past year opening a bracket, then a colon and a value, is a dated reading,
#: so a BASELINE: "(2025: 41%)". (A later year, "(2030: 25%)", is not a reading.)
DATED_READING_AFTER = re.compile(r"^\s*:\s*[^)]*?\d")

#: A value and a past year in brackets is a dated reading, so a BASELINE:
#: "(61.7% in Oct 2025)", "(68.3% in 2024–25)", "(41%, 2025)".
DATED_READING_IN_BRACKETS = re.compile(r"\d[^()]*?(?:\bin|,)\s+" + _YEAR_FILLER + r"$")

#: In brackets, these words label the value as today's, so a BASELINE:
#: "(latest reading: 41% in 2025)", "(current: 41%)", "(baseline 2024)".
LATEST_LABEL = re.compile(
    r"\b(?:baseline|latest|current|most\s+recent|last\s+(?:reading|measured|value|figure)|"
    r"today|now)\b",
    re.I,
)

#: Deadlines written without a year. The statement then has no deadline, and
#: the feedback says which words to replace with a year.
VAGUE_DEADLINE_PATTERNS: dict[str, re.Pattern[str]] = {
    "end of the decade": re.compile(
        r"\b(?:by|before|until|at|towards?)\s+the\s+end\s+of\s+(?:the|this)\s+decade\b", re.I
    ),
    "end of a parliament or term": re.compile(
        r"\bthe\s+end\s+of\s+(?:the|this|a)\s+(?:parliament|term|mandate|government|"
        r"legislature|administration|plan)\b",
        re.I,
    ),
    "mid-century": re.compile(r"\b(?:by\s+)?mid[-\s]century\b", re.I),
    "within a number of years": re.compile(
        rf"\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:a|\d+|{_NUMBER_WORD})"
        rf"(?:[\s-](?:{_NUMBER_WORD}))?\s+(?:years?|decades?)(?:['’]\s*time)?\b",
        re.I,
    ),
    "this or the coming decade": re.compile(
        r"\b(?:the\s+)?(?:coming|next|this)\s+decade\b|\bwithin\s+a\s+(?:decade|generation)\b",
        re.I,
    ),
    "a decade such as 'the 2030s'": re.compile(r"\bthe\s+(?:19|20|21)\d0s\b", re.I),
    "the plan period": re.compile(
        r"\b(?:within|during|over)\s+the\s+(?:plan|programme|program|strategy)\s+period\b", re.I
    ),
    "an open-ended time": re.compile(
        r"\b(?:in\s+the\s+(?:near|long)\s+(?:term|future)|as\s+soon\s+as\s+possible|"
        r"in\s+the\s+coming\s+years|for\s+future\s+generations|eventually)\b",
        re.I,
    ),
}

# --------------------------------------------------------------------------
# Target rules: what counts as a measurable target, and what does not
# --------------------------------------------------------------------------

#: A percentage: "30%", "25 per cent", "2.5 percentage points".
PERCENT_PATTERN = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)", re.I
)

#: A number written in digits: "100", "1.5", "25,000", "US$2", "12.6".
#: Years, names, dates, units and baselines are removed afterwards.
NUMBER_PATTERN = re.compile(
    r"(?<![\w.])(?:US\$|[$£€]|MRC\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
)

#: A number written in words: "three million", "one hundred", "fifty",
#: "one and a half million", "two hundred thousand".
NUMBER_WORDS_PATTERN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:\s+and\s+a\s+half|\s+and|[\s-])+(?:{_NUMBER_WORD}))*\b",
    re.I,
)

#: A fraction: "half", "a third", "two thirds", "a quarter", "a fifth", "a tenth".
FRACTION_PATTERN = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|nine)[\s-]+(?:third|thirds|quarter|quarters|fifth|"
    r"fifths|sixth|sixths|eighth|eighths|tenth|tenths|hundredth)|half)\b",
    re.I,
)

#: A multiplier verb or adverb: "halve", "double", "triple", "twice",
#: "tenfold", "10 times faster".
MULTIPLIER_PATTERN = re.compile(
    r"\b(?:halv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)(?![-\s]deck)|tripl(?:e|es|ed|ing)|"
    r"quadrupl(?:e|es|ed|ing)|twice|(?:two|three|four|five|ten|\d+)[\s-]?fold|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\s+times)\b",
    re.I,
)

#: Zero as a target: "zero road deaths", "net-zero", "zero-emission", "Zero Hunger".
ZERO_PATTERN = re.compile(r"\b(?:net[\s-]?zero|zero)\b", re.I)

#: An end state equal to net zero: "climate-neutral", "carbon-neutral",
#: "greenhouse-gas-neutral".
NEUTRAL_PATTERN = re.compile(
    r"\b(?:climate|carbon|co2|co₂|ghg|greenhouse[\s-]gas|emissions?)[\s-]neutral(?:ity)?\b",
    re.I,
)

#: "…-free" as an end state: "waste-free", "car-free", "smoke-free".
FREE_SUFFIX_PATTERN = re.compile(r"\b[a-z]+-free\b", re.I)

#: Everyone or everything in a group: "all new cars", "every neighbourhood",
#: "all of Amberport's junctions", "a named officer for every neighbourhood".
#: "for all …" ("Health for all", "transport for all Marentans") says whom a goal
#: serves, not a share that can be measured, so it does not count; nor do
#: "above all" and "everyone".
UNIVERSAL_PATTERN = re.compile(
    r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+|these\s+|"
    r"[A-Z][\w'’-]*(?:'s|’s)\s+)?(?P<noun>[A-Za-z][\w-]*)",
    re.I,
)

#: What may follow "all"/"every" without making a target: "all of us", "every time",
#: "for all by 2035", "above all we must".
UNIVERSAL_NOT_TARGET = frozenset(
    """us time times round over in so along around by of to and or at with from is are
    will who that this we it kinds sorts else""".split()
)

#: Closing a gap or eliminating something sets the target at zero:
#: "close the gap in school readiness", "eliminate cervical cancer".
CLOSE_GAP_PATTERN = re.compile(
    r"\bclos(?:e|es|ed|ing)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?gaps?\b"
    r"|\b(?:eliminat|eradicat)(?:e|es|ed|ing|ion)\b",
    re.I,
)

#: A named external threshold is a target value: "the WHO guideline",
#: "EU limit values", "the national air-quality standard".
THRESHOLD_PATTERN = re.compile(
    r"\b(?:WHO|EU|national|legal|statutory)\s+(?:air[\s-]quality\s+)?"
    r"(?:guidelines?|limits?|limit\s+values?|standards?|thresholds?)\b",
    re.I,
)

#: Numbers that are part of a name, not a value: "PM2.5", "CO2", "G7", "5G",
#: "COVID-19", "Goal 7", "SDG 11", "Industry 4.0".
NAME_BEFORE_NUMBER = re.compile(
    r"(?:[A-Za-z]-|\b(?:goal|mission|objective|phase|article|level|tier|scope|step|section|"
    r"pillar|priority|industry|web|chapter|annex|table|figure|sdg|route|line|number|no\.|"
    r"version|wave|round|stage|horizon|agenda|vision|corridor|terminal|runway|package|lot|"
    r"ward|district|platform)\s)$",
    re.I,
)
NAME_AFTER_NUMBER = re.compile(r"^(?:G\b|st\b|nd\b|rd\b|th\b|s\b|[a-z]?\d)", re.I)

#: A number right after "per" is a unit: "deaths per 100,000 people".
PER_UNIT_BEFORE = re.compile(r"\bper\s+$", re.I)

#: Day numbers next to a month: "1 January 2030", "March 3".
DATE_AROUND_NUMBER = (
    re.compile(rf"^(?:st|nd|rd|th)?\s+{_MONTH}\b", re.I),
    re.compile(rf"\b{_MONTH}\.?\s+$", re.I),
)

#: A count that says WHERE or WHO, not how much: "the three largest cities",
#: "in 3 pilot cities", "the poorest fifth of households", "one of the eight platforms".
SCOPE_AFTER_COUNT = re.compile(
    r"^[\s-]*(?:largest|biggest|main|major|poorest|richest|smallest|leading|pilot|partner|"
    r"most|least|core|key|big|fastest-growing|largest-growing)\b",
    re.I,
)
SCOPE_BEFORE_COUNT = re.compile(
    r"\b(?:in|across|throughout|for|all)\s+(?:the\s+|its\s+|our\s+|their\s+|these\s+|all\s+|"
    r"[A-Z][\w'’-]*(?:'s|’s)\s+)?$"
    # "one of the eight platforms": says which, not how much
    r"|\bof\s+(?:the|its|our|their|these)\s+$",
    re.I,
)
SCOPE_BEFORE_FRACTION = re.compile(
    r"\b(?:poorest|richest|lowest|highest|bottom|top|wealthiest|youngest|oldest)\s+$", re.I
)

#: A count of who takes part is not a target: "eight ministries will work
#: together", "8 ministries and 9 top sectors". It says who acts, not what must change.
ACTOR_COUNT_AFTER = re.compile(
    r"^[\s-]+(?:[\w-]+\s+){0,2}?(?:ministries|ministers|departments|agencies|partners|"
    r"organi[sz]ations|institutions|bodies|sectors|stakeholders|actors|teams|committees|"
    r"working\s+groups)\b",
    re.I,
)
ACTOR_COUNT_REASON = "ignored: it counts who takes part, not what must change"

#: A money amount that is a budget, not a target: "a budget of MRC 500 m".

#: Currency codes and signs before an amount: "MRC 2,000 m", "US$ 2", "€10".
_CURRENCY_CODES = r"MRC|USD|EUR|GBP|JPY|KRW|BRL|NOK|SEK|DKK|COP|ZAR|INR|CNY|CHF|CAD|AUD"
_CURRENCY = r"(?:" + _CURRENCY_CODES + r"|US\$|R\$|[$£€¥₩])"

BUDGET_BEFORE_NUMBER = re.compile(
    r"\b(?:budget|funding|investment|invest(?:ing)?|backed\s+by|worth|costing|spend(?:ing)?|spent|"
    r"allocat(?:e|es|ed|ing)|dedicat(?:e|es|ed|ing)|earmark(?:s|ed|ing)?)\s+"
    r"(?:of\s+)?(?:about\s+|around\s+|up\s+to\s+|some\s+|a\s+further\s+|an\s+extra\s+)?"
    r"(?:" + _CURRENCY + r"\s*)?$",
    re.I,
)

#: Money the mission spends written as its goal: "invest MRC 20,000 m in transport",
#: "spend 500 million a year on programmes". Money is an input: a budget shows commitment,
#: but the target must be the change it buys.
SPEND_AS_GOAL = re.compile(
    r"\b(?:spend(?:ing)?|invest(?:ing)?|allocat(?:e|ing)|dedicat(?:e|ing)|earmark(?:ing)?|mobili[sz](?:e|ing))"
    r"\s+(?:about\s+|around\s+|up\s+to\s+|some\s+|a\s+further\s+|an\s+extra\s+)?"
    r"(?:" + _CURRENCY + r"\s*)?\d[\d,.]*\s*(?:m\b|bn\b|million|billion|trillion|thousand)?",
    re.I,
)

#: A number word joined to a noun by a hyphen is a name: "two-wheelers",
#: "five-year-olds". Fractions and multipliers stay targets: "two-thirds", "three-fold".
NUMBER_WORD_COMPOUND_AFTER = re.compile(
    r"^-(?!\s*(?:third|thirds|quarter|quarters|fifth|fifths|tenth|tenths|fold|times)\b)", re.I
)

#: Starting values: the numbers inside do not count as the target.
#: "from 23% (to 50%)", "up from 61.7% in October 2025", "(baseline: …)".
BASELINE_SPAN_PATTERNS: dict[str, re.Pattern[str]] = {
    "BASELINE_FROM_VALUE": re.compile(
        r"\b(?:up\s+|down\s+)?from\s+(?:its\s+|the\s+|a\s+|an\s+|about\s+|around\s+|some\s+)?"
        r"(?=[$£€\d]|(?:" + _CURRENCY_CODES + r")\s*\d"
        r"|(?:19|20|21)\d{2}\s+levels?)"
        r"(?:[^,;:()]|\.\d|,\d{3})*?"
        r"(?=\s+to\b|\s+by\b|\s+and\b|[;:()]|,(?!\d{3})|\.(?!\d)|$)",
        re.I,
    ),
    "BASELINE_COMPARED": re.compile(
        r"\b(?:compared\s+(?:with|to)|relative\s+to|against|versus|vs\.?)\s+"
        r"(?:[^,;:()]|\.\d|,\d{3})*?(?=\s+by\b|[;:()]|,(?!\d{3})|\.(?!\d)|$)",
        re.I,
    ),
    "BASELINE_THAN_IN": re.compile(
        r"\bthan\s+(?:in\s+|it\s+did\s+in\s+)(?:19|20|21)\d{2}(?:[-–]\d{2,4})?", re.I
    ),
    "BASELINE_IT_DID": re.compile(
        r"(?:\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2})?"
        r"\b(?:it|they|we|there)\s+(?:did|was|were|had)\s+in\s+(?:19|20|21)\d{2}",
        re.I,
    ),
    "BASELINE_LABELLED": re.compile(
        r"\(\s*(?:baseline|latest|current|most\s+recent|last\s+(?:reading|measured|value|figure)|"
        r"today|now)\b[^)]*\)?"
        r"|\b(?:baseline|latest\s+(?:reading|value|figure|level|data))\s*:[^;.)]*",
        re.I,
    ),
    # "42.7% → 55% (2026) → 75% (2033)": the value before the first arrow.
    "BASELINE_ARROW": re.compile(r"(?<![→>\d.,])(?<![→>]\s)\d[\d.,]*\s*%?(?=\s*(?:→|->))"),
}

# --------------------------------------------------------------------------
# Framing-mistake rules (course brief 1.2 and 1.6)
# --------------------------------------------------------------------------

#: Prestige markers: being first, biggest or best in the world, or a showcase.
PRESTIGE_PATTERN = re.compile(
    r"\b(?:world'?s|world’s|region'?s|region’s|country'?s|europe'?s|africa'?s|asia'?s)\s+"
    r"(?:first|most\s+advanced|leading|best|[a-z]+est)\b"
    r"|\b(?:the\s+)?first\s+(?:country|nation|city|region|state)\b"
    r"|\b(?:world|global|regional)[\s-]leader\b|\bleading\s+hub\b|\bworld[\s-]class\b"
    r"|\bflagship\b|\bon\s+the\s+moon\b|\bastronauts?\b|\bspaceport\b|\bmoonshot\b"
    r"|\b(?:tallest|fastest|biggest|largest)\s+[\w-]+(?:\s+[\w-]+)?\s+in\s+the\s+world\b",
    re.I,
)

#: Named technologies. Naming one as the goal fixes the solution in advance.
TECHNOLOGY_PATTERN = re.compile(
    r"\b(?:AI|artificial\s+intelligence|robots?|robotics|quantum\s+computers?|"
    r"supercomputers?|blockchain|5G|6G|hydrogen|fusion|reactors?|self-driving|"
    r"autonomous\s+vehicles?|drones?|satellites?|rockets?|spaceport|metaverse|"
    r"smart\s+city|smart\s+cities|digital\s+twins?|apps?|genomics|electric\s+passenger\s+plane|"
    r"AI\s+traffic\s+lights|semiconductors?|electric\s+vehicles?|bio-based\s+plastics)\b",
    re.I,
)

#: Verbs that make a technology the goal itself: "develop a self-driving car".
TECH_GOAL_VERB = re.compile(
    r"\b(?:develop|build|deploy|roll\s+out|realise|realize|create|launch|install|fly|"
    r"put|construct|commercialise|commercialize|become|make)\b",
    re.I,
)

_PROJECT_NOUNS = (
    "line|railway|bridge|road|motorway|tunnel|airport|port|plant|reactor|stadium|centre|"
    "center|hub|prize|programme|program|fair|ticket|app|platform|spaceport|metro|dam|campus|"
    "park|car|computer|supercomputer|turbine|plane|tower|expo|exhibition|summit|corridor|"
    "bypass|expressway|highway|busway|interchange|terminal|flyover|viaduct|canal|pipeline"
)

#: One project presented as the mission: "build a new metro line",
#: "electrify the Amberport–Kessa railway", "host the largest fair", and a
#: project known by its name, without "a" or "the": "build BRT Corridor 1",
#: "open Line 3", "complete the Northern Bypass".
SINGLE_PROJECT_PATTERN = re.compile(
    r"\b(?:build|construct|open|electrify|complete|finish|deliver|launch|host|create|set\s+up|"
    r"establish|run|upgrade|extend|widen)\s+(?:and\s+\w+\s+)?"
    r"(?:(?:a|an|the|one|a\s+single|our|[A-Z][\w'’-]*(?:'s|’s))\s+(?:[\w'’–-]+\s+){0,4}?"
    rf"(?:{_PROJECT_NOUNS})s?\b(?:\s+(?:{_PROJECT_NOUNS})s?\b)?"  # "metro line"
    # a name: capitalised words ending in a project noun, maybe a number ("BRT Corridor 1")
    r"|(?-i:(?:[A-Z][\w'’–-]*\s+){0,4}"
    + "(?:" + "|".join(n.capitalize() for n in _PROJECT_NOUNS.split("|")) + ")"
    + r")\b)(?:\s+(?-i:[A-Z]?\d+[A-Za-z]?)\b)?",
    re.I,
)

#: Outputs (things bought or built) counted as the target: "500 electric buses".
OUTPUT_TARGET_PATTERN = re.compile(
    r"\b(?:deliver|buy|purchase|procure|install|put|build|construct|open|deploy|roll\s+out|produce|"
    r"manufacture|plant|train|hire|recruit|distribute|equip)\s+"
    r"(?:\d[\d,.]*(?:\s+(?:thousand|million|billion))?|(?:" + _NUMBER_WORD + r")(?:\s+(?:" + _NUMBER_WORD
    + r"))*)\s+"
    r"(?:new\s+|more\s+|extra\s+|electric\s+|zero-emission\s+|green\s+|solar\s+)*"
    r"(?:buses|trains|trams|tram\s+lines|lines|chargers|charging\s+points|stations|vehicles|"
    r"cars|kilometres|km|roads|bridges|hubs|plants|apps|platforms|trees|tonnes|tons|homes|houses|"
    r"dwellings|units|panels|teachers|nurses|doctors|health\s+workers|schools|clinics|hospitals|"
    r"classrooms|beds|laptops|devices|sensors|wells|toilets|pilots|projects)\b",
    re.I,
)

#: Words showing an outcome for people or the planet, rather than a tool.
OUTCOME_PATTERN = re.compile(
    r"\b(?:deaths?|injur(?:y|ies)|health|healthy|lives|life|pollution|air|emissions?|"
    r"commut\w*|travel\s+time|journeys?|trips?|access|reach|poverty|income|obesity|"
    r"diseases?|cancer|hunger|food|waste|safe|safety|safer|climate|carbon|resilien\w*|"
    r"productivity|readiness|backlogs?|wait\w*|living\s+standards|well-being|wellbeing|"
    r"biodiversity|soils?|rivers?|seas?|ocean|energy\s+use|exposed|noise|affordable|"
    r"learn\w*|read|reading|literacy|numeracy|school|jobs|homes|cost\w*|price\w*)\b",
    re.I,
)

#: Words that name who benefits (used in C1 feedback).
PEOPLE_PATTERN = re.compile(
    r"\b(?:people|children|patients|households|citizens|women|men|families|lives|residents|"
    r"pupils|workers|communities|commuters|everyone|young\s+people|older\s+people|elderly)\b",
    re.I,
)

#: Sectors and actors: naming several suggests the mission needs them all (C4).
SECTOR_PATTERNS: dict[str, re.Pattern[str]] = {
    "transport": re.compile(
        r"\b(?:transport|mobility|commut\w*|bus(?:es)?|metro|trams?|cycl\w*|walk\w*|roads?|"
        r"traffic|cars?|vans?|vehicles?|ships?|shipping|rail\w*|journeys?|trips?|travel\w*)\b",
        re.I,
    ),
    "health": re.compile(
        r"\b(?:health\w*|diseases?|cancer|obesity|patients?|hospitals?|care|medicines?|"
        r"vaccines?|life\s+expectancy)\b",
        re.I,
    ),
    "environment": re.compile(
        r"\b(?:air|pollution|pm2\.5|emissions?|climate|carbon|co2|co₂|biodiversity|soils?|"
        r"ocean|waters?|rivers?|seas?|plastic|waste|environment\w*|greenhouse)\b",
        re.I,
    ),
    "energy": re.compile(
        r"\b(?:energy|power|electricity|renewables?|hydrogen|fuels?|fusion|biofuels?)\b", re.I
    ),
    "education": re.compile(r"\b(?:schools?|education|learn\w*|pupils?|skills|readiness)\b", re.I),
    "housing and buildings": re.compile(
        r"\b(?:hous\w*|homes?|buildings?|construction|infrastructure|sanitation)\b", re.I
    ),
    "industry and jobs": re.compile(
        r"\b(?:industr\w*|manufactur\w*|firms?|business\w*|assembl\w*|production|jobs?|work|"
        r"employment|economy|gdp)\b",
        re.I,
    ),
    "food and farming": re.compile(
        r"\b(?:food|farm\w*|agri\w*|agro\w*|feed|meals?|livestock|fish\w*|nutrition)\b", re.I
    ),
    "digital and data": re.compile(r"\b(?:digital\w*|data|ai|software|internet)\b", re.I),
    "finance and affordability": re.compile(
        r"\b(?:afford\w*|income|prices?|costs?|budget|invest\w*|subsid\w*|finance)\b", re.I
    ),
    "safety and justice": re.compile(
        r"\b(?:safe|safety|safer|police|policing|crime|deaths?|injur\w*|security)\b", re.I
    ),
    "equity and inclusion": re.compile(
        r"\b(?:poorest|richest|women|gaps?|disadvantaged|inequal\w*|fair\w*|inclusi\w*|"
        r"socio-economic)\b",
        re.I,
    ),
    "research and innovation": re.compile(r"\b(?:research\w*|innovation|science)\b", re.I),
}

#: Words for measures (used to name the metric when one is visible).
METRIC_PATTERN = re.compile(
    r"\b(?:fine-particle\s+pollution|pm2\.5|pm10|(?:greenhouse-gas\s+|carbon\s+|co2\s+|co₂\s+|"
    r"household\s+carbon\s+)?emissions|road\s+deaths|traffic\s+deaths|(?:average\s+)?"
    r"(?:one-way\s+)?commut(?:e|ing\s+time)|travel\s+time|obesity\s+prevalence|obesity|"
    r"life\s+expectancy|healthy(?:,\s+independent)?\s+years|raw-material\s+productivity|"
    r"research\s+productivity|energy\s+use|share\s+of\s+[\w\s-]{3,40}?(?=\s+(?:from|to|by|in)\b)|"
    r"ridership|disease\s+burden|waiting\s+times?|noise|air\s+pollution|air\s+quality|"
    r"prevalence|deaths\s+and\s+injuries)\b",
    re.I,
)
UNIT_PATTERN = re.compile(
    r"µg/m³|μg/m³|ug/m3|per\s+100,000|per\s+1,000|\bminutes\b|\bkm\b|\bMt\b|\bdecibels\b|"
    r"\bper\s+kilogram\b|/kg\b|\bweeks\b",
    re.I,
)

#: Where or who: "in Marenta's three largest cities", "in England", "across Europe".
#: A month is a date, not a place: "in Nov 2023" is not a scope.
SCOPE_PATTERN = re.compile(
    rf"\b(?:in|across|throughout|for)\s+(?!(?i:{_MONTH})\.?\s)"
    r"((?:the\s+)?[A-Z][\w'’.-]*(?:(?:,\s+|\s+and\s+|\s+)"
    r"[A-Z][\w'’.-]*)*(?:\s+(?:three|two|four|five|largest|main|major|pilot|biggest|cities|"
    r"regions|communities|households|ports|junctions|streets|schools|hospitals|roads|"
    r"university|hospital|sea|area|routes)){0,4})"
)

#: Verbs that begin a change target ("cut X by 30%"); used to cut out the target phrase.
TARGET_VERBS = re.compile(
    r"\b(?:cut|cuts|reduce|reduces|lower|lowers|halve|halves|raise|raises|increase|increases|"
    r"lift|lifting|bring|reach|reaches|restore|protect|double|triple|grow|improve|save|"
    r"shrink|shrinks|fall|falls|drop|lift|boost|make|get|keep|spend|reach)\b",
    re.I,
)

#: Where the target phrase stops, after its number.
TARGET_PHRASE_STOP = re.compile(
    r"\s+(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|from|"
    r"compared|relative|than\s+(?=in\b|it\b|they\b|(?:19|20|21)\d{2})|up\s+from|"
    r"down\s+from|since|so\s+that|while|with|thanks\s+to|"
    r"via|using|acting|as)\b"
    r"|\s+in\s+(?=(?:19|20|21)\d{2}|[A-Z]|the\s+[A-Z]|our\b|these\b|its\b|their\b|each\b|"
    r"every\b|all\b)"
    r"|\s+to\s+(?=[A-Z]|the\s+[A-Z]|(?:19|20|21)\d{2})|\s+(?=(?:19|20|21)\d{2}\b)"
    r"|\s+(?:it|they|we|there)\s+(?:did|was|were|had)\b"
    r"|\s+(?:over|during)\s+the\b|\s+within\s+(?:a|the|\S+\s+years?)\b"
    r"|[;:()]|,(?!\d{3})|\.(?!\d)|\s+→"
    r"|\s+and\s+(?=(?:cut|reduce|raise|restore|reach|solve|triple|double|halve|decide|protect|"
    r"lower|increase|build)\b)"
)

#: Words and phrases that qualify a number and belong in the target phrase.
TARGET_QUALIFIERS = re.compile(
    r"(?:\b(?:at\s+least|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|up\s+to|"
    r"about|around|over|under|below|above|within|a\s+record|some|nearly|almost|only)\s+)+$",
    re.I,
)

#: The case date as participants read it, for feedback.
_CASE_DAY = f"{TODAY.day} {TODAY:%B %Y}"

# Characters swapped one-for-one before matching, so spans still point into
# the participant's own text.
_NORMALISE = str.maketrans({
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-",
})

# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: which rule, on which words, with what effect."""

    rule: str
    matched: str
    start: int
    end: int
    effect: str


@dataclass(frozen=True)
class CriterionResult:
    """The reading of one criterion: a status and plain-language feedback."""

    key: str
    code: str
    name: str
    status: str
    feedback: str
    question: str | None = None
    source: str = MAZZUCATO_2018


@dataclass(frozen=True)
class FramingWarning:
    """A common framing mistake found in the statement."""

    code: str
    title: str
    message: str
    evidence: str
    source: str


@dataclass(frozen=True)
class StatementAssessment:
    """What the rules read in a mission statement, and the feedback they give.

    ``criteria`` maps "bold", "directed", "ambitious", "cross_sectoral" and
    "bottom_up" to a ``CriterionResult``. ``hits`` lists every rule that fired.
    """

    text: str
    deadline: int | None
    quantified: bool
    target: str | None
    targets: tuple[str, ...]
    baseline: str | None
    baseline_years: tuple[int, ...]
    milestones: tuple[int, ...]
    vague_deadline: str | None
    metric: str | None
    scope: str | None
    criteria: dict[str, CriterionResult]
    warnings: tuple[FramingWarning, ...]
    strengths: tuple[str, ...]
    improvements: tuple[str, ...]
    questions: tuple[str, ...]
    hits: tuple[RuleHit, ...] = field(repr=False)

    @property
    def feedback(self) -> list[str]:
        """Formative feedback, strongest points first, then what to improve, then questions."""
        return (
            [f"Strong: {s}" for s in self.strengths]
            + [f"To improve: {s}" for s in self.improvements]
            + [f"Please answer: {q}" for q in self.questions]
        )

    def summary(self) -> str:
        """The feedback as plain text, one point per line."""
        lines = ["What is strong:"]
        lines += [f"- {s}" for s in self.strengths] or ["- (nothing yet that the rules can see)"]
        lines.append("What to improve:")
        lines += [f"- {s}" for s in self.improvements] or ["- Nothing the rules can see."]
        if self.questions:
            lines.append("Questions only you can answer:")
            lines += [f"- {q}" for q in self.questions]
        lines.append(f"Criteria: {MAZZUCATO_2018}.")
        return "\n".join(lines)


# --------------------------------------------------------------------------
# Reading years
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Year:
    value: int  # the year (for a range, its later year)
    role: str  # deadline | candidate | baseline | start | count
    start: int
    end: int
    rule: str
    is_range: bool = False
    span: tuple[int, int] | None = None  # for a milestone: the words that state it


def _clause_prefix(text: str, pos: int) -> str:
    """Text from the start of the clause (or open bracket) up to ``pos``."""
    cut = 0
    for m in re.finditer(r"[;(\[)\]]|[.!?](?=\s|$)|:\s", text[:pos]):
        cut = m.end()
    return text[cut:pos]


def _paren_prefix(text: str, pos: int) -> str | None:
    """If ``pos`` is inside brackets, the bracket's text up to ``pos``."""
    opened = text.rfind("(", 0, pos)
    if opened == -1 or text.rfind(")", opened, pos) != -1:
        return None
    return text[opened + 1 : pos]


def _clause_rest(text: str, pos: int) -> str:
    m = re.search(r"[;)]|[.!?](?=\s|$)", text[pos:])
    return text[pos : pos + m.start()] if m else text[pos:]


def _read_years(text: str) -> list[_Year]:
    years: list[_Year] = []
    for m in YEAR_PATTERN.finditer(text):
        start_year = int(m.group("year"))
        end_raw = m.group("end") or m.group("end2")
        value, is_range = start_year, False
        if end_raw:
            century = (start_year // 100) * 100
            end_year = int(end_raw) if len(end_raw) == 4 else century + int(end_raw)
            if end_year > start_year:
                value, is_range = end_year, True
        before = text[: m.start()]
        prefix = _clause_prefix(text, m.start()).lower()
        paren = _paren_prefix(text, m.start())
        after = text[m.end() :]
        after_lower = after.lower()

        def add(role: str, rule: str, span: tuple[int, int] | None = None) -> None:
            years.append(_Year(value, role, m.start(), m.end(), rule, is_range, span))

        if BASELINE_AFTER.match(after_lower):
            add("baseline", "BASELINE_AFTER")
        elif MILESTONE_AFTER.match(after_lower):
            # "2030 interim milestone of 25%", "(2030 interim: 25%)": up to the clause's end.
            stop = re.search(r"[;,)]|[.!?](?=\s|$)", after)
            opened = m.start() - 1 if text[: m.start()].rstrip().endswith("(") else m.start()
            add("milestone", "MILESTONE_AFTER",
                (opened, m.end() + (stop.end() if stop else len(after))))
        elif DEADLINE_AFTER.match(after_lower):
            add("deadline", "DEADLINE_AFTER")
        elif paren is not None and LATEST_LABEL.search(paren):
            add("baseline", "BASELINE_LABELLED")
        elif (
            paren is not None and not paren.strip() and value <= LAST_PAST_YEAR
            and DATED_READING_AFTER.match(after)
        ):
            add("baseline", "DATED_READING_AFTER")
        elif (
            paren is not None and value <= LAST_PAST_YEAR
            and DATED_READING_IN_BRACKETS.search(paren.lower())
        ):
            add("baseline", "DATED_READING_IN_BRACKETS")
        elif BASELINE_BEFORE.search(prefix):
            add("baseline", "BASELINE_BEFORE")
        elif MILESTONE_BEFORE.search(prefix):
            # "an interim milestone of 25% in 2030": from the cue to the year.
            cue = MILESTONE_BEFORE.search(prefix)
            add("milestone", "MILESTONE_BEFORE",
                (m.start() - len(prefix) + cue.start(), m.end()))
        elif RANGE_END_BEFORE.search(prefix):
            add("deadline", "RANGE_END_BEFORE")
        elif START_BEFORE.search(prefix):
            # "from 2025 to 2035" / "between 2025 and 2035": the later year is the deadline.
            if end_raw and value != start_year:
                add("deadline", "START_BEFORE")
            else:
                add("start", "START_BEFORE")
        elif DEADLINE_BEFORE.search(prefix):
            add("deadline", "DEADLINE_BEFORE")
        elif IN_BEFORE.search(prefix):
            window = prefix[: IN_BEFORE.search(prefix).start()]
            # Look only after the last year already seen in this clause.
            last_year = None
            for ym in YEAR_PATTERN.finditer(window):
                last_year = ym
            if last_year is not None:
                window = window[last_year.end() :]
            window = " ".join(window.split()[-8:])
            preps = list(re.finditer(r"\b(from|to|than|did|was|were|had|stood)\b", window))
            last = preps[-1].group(1) if preps else None
            if last == "from" and VALUE_FROM_BEFORE_IN.search(window):
                add("baseline", "VALUE_FROM_BEFORE_IN")
            elif last in ("than", "did", "was", "were", "had", "stood"):
                add("baseline", "BASELINE_BEFORE")
            elif last == "to" and VALUE_TO_BEFORE_IN.search(window):
                add("deadline", "VALUE_TO_BEFORE_IN")
            elif PAST_TENSE.search(_clause_rest(text, m.end())):
                add("baseline", "PAST_TENSE")
            else:
                add("candidate", "IN_BEFORE")
        else:
            nxt = re.match(r"\s+([a-z][a-z-]*)", after)
            if nxt and nxt.group(1) not in YEAR_FOLLOWERS and not end_raw:
                add("count", "YEAR_FOLLOWERS")
            elif PAST_TENSE.search(_clause_rest(text, m.end())) and not re.search(
                r"\b(?:by|before|until)\b", before[-12:], re.I
            ):
                add("baseline", "PAST_TENSE")
            else:
                add("candidate", "YEAR_PATTERN")
        last = years[-1]
        if last.role == "candidate" and last.value <= LAST_PAST_YEAR:
            # A year already past, with no deadline word: the date of an event.
            years[-1] = _Year(last.value, "past", last.start, last.end, "LAST_PAST_YEAR",
                              last.is_range)
    return years


def _pick_deadline(years: list[_Year]) -> tuple[int | None, tuple[int, ...]]:
    """The latest deadline or standing year; earlier firm deadlines and interim years are
    milestones."""
    firm = [y.value for y in years if y.role == "deadline"]
    loose = [y.value for y in years if y.role == "candidate"]
    interim = {y.value for y in years if y.role == "milestone"}
    pool = firm + loose
    if not pool:
        return None, tuple(sorted(interim))
    deadline = max(pool)
    milestones = tuple(sorted({v for v in firm if v < deadline} | {v for v in interim if v < deadline}))
    return deadline, milestones


# --------------------------------------------------------------------------
# Reading targets
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int
    rule: str
    counted: bool
    reason: str


def _spans(patterns: dict[str, re.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    out = []
    for name, pat in patterns.items():
        out += [(m.start(), m.end(), name) for m in pat.finditer(text) if m.end() > m.start()]
    return out


def _inside(start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    for s, e, name in spans:
        if s <= start and end <= e:
            return name
    return None


def _read_quantities(
    text: str, years: list[_Year], timeframe_spans: list[tuple[int, int, str]]
) -> tuple[list[_Quantity], list[tuple[int, int, str]]]:
    baseline_spans = _spans(BASELINE_SPAN_PATTERNS, text)
    for y in years:
        if y.rule == "PAST_TENSE":
            c_start, c_end = _clause_bounds(text, y.start)
            baseline_spans.append((c_start, c_end, "PAST_TENSE"))
        elif y.rule in ("DATED_READING_AFTER", "DATED_READING_IN_BRACKETS"):  # "(2025: 41%)"
            close = text.find(")", y.end)
            baseline_spans.append(
                (text.rfind("(", 0, y.start), close + 1 if close != -1 else len(text), y.rule)
            )
    year_spans = [(y.start, y.end, "YEAR") for y in years if y.role != "count"]
    milestone_spans = [(*y.span, "MILESTONE") for y in years if y.span]
    found: list[_Quantity] = []

    spend_spans = [(m.start(), m.end(), "SPEND_AS_GOAL") for m in SPEND_AS_GOAL.finditer(text)]

    def common_exclusions(s: int, e: int) -> str | None:
        if _inside(s, e, year_spans):
            return "ignored: it is a year"
        tf = _inside(s, e, timeframe_spans)
        if tf:
            return "ignored: it is a time frame, not a target (see the deadline)"
        if _inside(s, e, milestone_spans):
            return "ignored: it is an interim milestone, not the final target"
        bl = _inside(s, e, baseline_spans)
        if bl:
            return "ignored: it is the starting value (baseline), not the target"
        if _inside(s, e, spend_spans):
            return "ignored: it is money to spend (an input), not a target"
        return None

    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    def record(s: int, e: int, rule: str, reason: str | None) -> None:
        found.append(_Quantity(s, e, rule, reason is None, reason or "counts as a target"))
        taken.append((s, e))

    for m in PERCENT_PATTERN.finditer(text):
        s, e = m.span()
        if re.search(r"[A-Za-z]-$", text[:s]):
            record(s, e, "PERCENT_PATTERN", "ignored: part of a name")
            continue
        record(s, e, "PERCENT_PATTERN", common_exclusions(s, e))

    for m in MULTIPLIER_PATTERN.finditer(text):
        if not overlaps(*m.span()):
            record(*m.span(), "MULTIPLIER_PATTERN", common_exclusions(*m.span()))

    for m in NUMBER_WORDS_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        words = m.group(0).lower()
        before, after = text[:s], text[e:]
        if re.match(r"[\s-]+(?:third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|eighth|"
                    r"eighths|tenth|tenths|hundredth)\b", after, re.I) or re.match(
                        r"\s+times\b", after, re.I):
            continue  # read as a fraction or multiplier
        reason = common_exclusions(s, e)
        if reason is None:
            if words == "zero":
                continue  # read by ZERO_PATTERN below
            if words == "one" and not re.match(r"\s+in\s+\w+", after):
                reason = "ignored: 'one' alone is rarely a target (one of, one new…)"
            elif NUMBER_WORD_COMPOUND_AFTER.match(after):
                reason = "ignored: part of a compound name (like two-wheelers)"
            elif SCOPE_AFTER_COUNT.match(after) or SCOPE_BEFORE_COUNT.search(before):
                reason = "ignored: it says where or who (scope), not how much"
            elif ACTOR_COUNT_AFTER.match(after):
                reason = ACTOR_COUNT_REASON
        record(s, e, "NUMBER_WORDS_PATTERN", reason)

    for m in FRACTION_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        reason = common_exclusions(s, e)
        if reason is None and SCOPE_BEFORE_FRACTION.search(text[:s]):
            reason = "ignored: it says who (scope), not how much"
        record(s, e, "FRACTION_PATTERN", reason)

    for m in NUMBER_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        before, after = text[:s], text[e:]
        reason = common_exclusions(s, e)
        if reason is None:
            if NAME_BEFORE_NUMBER.search(before) or NAME_AFTER_NUMBER.match(after):
                reason = "ignored: part of a name or an ordinal (like G7, PM2.5, 5G, 21st)"
            elif PER_UNIT_BEFORE.search(before):
                reason = "ignored: part of a unit (per …)"
            elif DATE_AROUND_NUMBER[0].match(after) or DATE_AROUND_NUMBER[1].search(before):
                reason = "ignored: part of a date"
            elif SCOPE_AFTER_COUNT.match(after) or SCOPE_BEFORE_COUNT.search(before):
                reason = "ignored: it says where or who (scope), not how much"
            elif BUDGET_BEFORE_NUMBER.search(before):
                reason = "ignored: it is a budget, not a target"
            elif ACTOR_COUNT_AFTER.match(after):
                reason = ACTOR_COUNT_REASON
        record(s, e, "NUMBER_PATTERN", reason)

    for y in years:
        if y.role == "count":
            record(y.start, y.end, "YEAR_FOLLOWERS", None)

    for m in UNIVERSAL_PATTERN.finditer(text):
        s, e = m.span()
        if overlaps(s, e):
            continue
        noun = m.group("noun").lower()
        reason = common_exclusions(s, e)
        for_all = re.search(r"\bfor\s+$", text[:s], re.I) and m.group(0)[:3].lower() == "all"
        if reason is None and for_all:
            reason = "ignored: 'for all …' says whom the goal serves, not a measurable share"
        elif reason is None and noun in UNIVERSAL_NOT_TARGET:
            reason = "ignored: a figure of speech, not a target"
        elif reason is None and re.fullmatch(_NUMBER_WORD, noun):
            reason = "ignored: it says where or who (scope), not how much"
        record(s, e, "UNIVERSAL_PATTERN", reason)

    for name, pat in (
        ("ZERO_PATTERN", ZERO_PATTERN),
        ("NEUTRAL_PATTERN", NEUTRAL_PATTERN),
        ("FREE_SUFFIX_PATTERN", FREE_SUFFIX_PATTERN),
        ("CLOSE_GAP_PATTERN", CLOSE_GAP_PATTERN),
        ("THRESHOLD_PATTERN", THRESHOLD_PATTERN),
    ):
        for m in pat.finditer(text):
            if not overlaps(*m.span()):
                record(*m.span(), name, common_exclusions(*m.span()))

    found.sort(key=lambda q: q.start)
    return found, baseline_spans


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in re.finditer(r"[;:()]|[.!?](?=\s|$)", text[:pos]):
        start = m.end()
    end_m = re.search(r"[;()]|[.!?](?=\s|$)", text[pos:])
    end = pos + end_m.start() if end_m else len(text)
    return start, end


def _target_phrase(text: str, q: _Quantity, barriers: list[int]) -> str:
    """The words around a counted quantity that state the target.

    A change target ("cut X by 30%", "raise X from 23% to 50%", "reach … within
    45 minutes") starts at its verb (the first of TARGET_VERBS up to 18 words back, never
    across a deadline); a level or count ("100 cities") starts at its number or
    its qualifier ("at least"). It ends at the first TARGET_PHRASE_STOP.
    """
    c_start, c_end = _clause_bounds(text, q.start)
    floor = max([c_start] + [b for b in barriers if b <= q.start])
    start = q.start
    qual = TARGET_QUALIFIERS.search(text[floor : q.start])
    if qual:
        start = floor + qual.start()
    lead = text[floor:start]
    lead_words = list(re.finditer(r"\S+", lead))
    window_start = lead_words[-18].start() if len(lead_words) > 18 else 0
    verbs = [v for v in TARGET_VERBS.finditer(lead) if v.start() >= window_start]
    if verbs:
        start = floor + verbs[0].start()
    elif re.search(r"\bby\s+$", lead, re.I) and len(lead_words) <= 10:
        # "Pollution in our cities down by half": the subject is the start.
        start = floor + (lead_words[0].start() if lead_words else 0)
    tail = text[q.end : c_end]
    stop = next(TARGET_PHRASE_STOP.finditer(tail), None)
    end = q.end + (stop.start() if stop else len(tail))
    words = text[start:end].split()[:20]
    phrase = " ".join(words).strip(" ,;:-–")
    phrase = re.sub(r"\s+(?:and|or|of|the|a|an|to|in|by)$", "", phrase)
    return phrase


def _first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next(pattern.finditer(text), None)


# --------------------------------------------------------------------------
# The assessment
# --------------------------------------------------------------------------


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise MissionkitInputError(
            f"The mission statement must be text, but it is {type(text).__name__}",
            fix="Type your mission statement as a sentence between quotes, "
            'for example "By 2035, halve road deaths in our three largest cities."',
        )
    if not text.strip():
        raise MissionkitInputError(
            "The mission statement is empty",
            fix="Type your mission statement in one or two sentences: what will change, "
            "for whom, by how much and by when.",
        )
    return text.translate(_NORMALISE)


def _collect(text: str) -> dict:
    """Run every rule once; return what they found."""
    hits: list[RuleHit] = []
    years = _read_years(text)
    for y in years:
        effect = {
            "deadline": f"{y.value} read as a deadline year",
            "candidate": f"{y.value} read as a target year (no other cue)",
            "baseline": f"{y.value} read as a baseline year, not a deadline",
            "milestone": f"{y.value} read as a milestone, not the deadline",
            "past": f"{y.value} is past: an event, not a deadline",
            "start": f"{y.value} read as a start year, not a deadline",
            "count": "read as a count, not a year",
        }[y.role]
        if y.is_range and y.role != "count":
            effect += " (a range: its later year is used)"
        hits.append(RuleHit(y.rule, text[y.start : y.end], y.start, y.end, effect))
    deadline, milestones = _pick_deadline(years)
    baseline_years = tuple(sorted({y.value for y in years if y.role == "baseline"}))
    past_years = tuple(sorted(
        {y.value for y in years if y.role in ("past", "start") and y.value <= LAST_PAST_YEAR}
    ))

    vague: str | None = None
    timeframe_spans: list[tuple[int, int, str]] = []
    for label, pat in VAGUE_DEADLINE_PATTERNS.items():
        for m in pat.finditer(text):
            timeframe_spans.append((m.start(), m.end(), label))
            hits.append(
                RuleHit(
                    "VAGUE_DEADLINE_PATTERNS",
                    m.group(0),
                    m.start(),
                    m.end(),
                    f"a time without a year ({label})",
                )
            )
            if vague is None:
                vague = m.group(0)

    quantities, baseline_spans = _read_quantities(text, years, timeframe_spans)
    for q in quantities:
        hits.append(RuleHit(q.rule, text[q.start : q.end], q.start, q.end, q.reason))
    counted = [q for q in quantities if q.counted]
    # Strongest kinds first for the headline target; all/every and zero-adjectives last.
    weak_rules = ("UNIVERSAL_PATTERN", "ZERO_PATTERN", "FREE_SUFFIX_PATTERN", "NEUTRAL_PATTERN")
    ordered = [q for q in counted if q.rule not in weak_rules]
    for rule in weak_rules:
        ordered += [q for q in counted if q.rule == rule]
    barriers = [y.end for y in years if y.role in ("deadline", "candidate")]
    targets: list[str] = []
    for q in ordered:
        phrase = _target_phrase(text, q, barriers)
        if phrase and not any(phrase in t or t in phrase for t in targets):
            targets.append(phrase)

    baseline = None
    if baseline_spans:
        s, e, name = min(baseline_spans)
        baseline = text[s:e].strip(" ()")
        hits.append(RuleHit(name, text[s:e], s, e, "read as the baseline (starting point)"))
    elif baseline_years:
        y = next(y for y in years if y.role == "baseline")
        pre = _clause_prefix(text, y.start)
        cue = BASELINE_BEFORE.search(pre.lower())
        start = y.start - (len(pre) - cue.start()) if cue else y.start
        end = y.end
        after = BASELINE_AFTER.match(text[y.end :].lower())
        if after:
            end += after.end()
        baseline = text[start:end].strip(" ()")

    # Metrics: each named measure, with a unit found within 60 characters after it;
    # a unit with no named measure nearby is reported on its own.
    metrics: list[str] = []
    used_units: set[int] = set()
    for mm in METRIC_PATTERN.finditer(text):
        name = mm.group(0)
        unit = next((u for u in UNIT_PATTERN.finditer(text, mm.end(), mm.end() + 60)), None)
        if unit:
            used_units.add(unit.start())
            name = f"{name} ({unit.group(0)})"
        if name.lower() not in (x.lower() for x in metrics):
            metrics.append(name)
        hits.append(RuleHit("METRIC_PATTERN", mm.group(0), *mm.span(), "read as a metric"))
    for u in UNIT_PATTERN.finditer(text):
        if u.start() not in used_units and not any(u.group(0) in x for x in metrics):
            metrics.append(f"a measure in {u.group(0)}")
    metric = "; ".join(metrics) if metrics else None

    scope_m = _first_match(SCOPE_PATTERN, text)
    scope = scope_m.group(0) if scope_m else None
    if scope_m:
        hits.append(
            RuleHit("SCOPE_PATTERN", scope_m.group(0), *scope_m.span(), "read as the scope")
        )

    prestige = [m for m in PRESTIGE_PATTERN.finditer(text)]
    tech = [m for m in TECHNOLOGY_PATTERN.finditer(text)]
    single = [m for m in SINGLE_PROJECT_PATTERN.finditer(text)]
    outputs = [m for m in OUTPUT_TARGET_PATTERN.finditer(text)]
    spend = [m for m in SPEND_AS_GOAL.finditer(text)]
    outcome = [m for m in OUTCOME_PATTERN.finditer(text)]
    people = [m for m in PEOPLE_PATTERN.finditer(text)]
    sectors = sorted(name for name, pat in SECTOR_PATTERNS.items() if pat.search(text))
    tech_goal = bool(tech) and bool(TECH_GOAL_VERB.search(text)) and not outcome
    for rule, ms, effect in (
        ("PRESTIGE_PATTERN", prestige, "a prestige marker"),
        ("TECHNOLOGY_PATTERN", tech, "a named technology"),
        ("SINGLE_PROJECT_PATTERN", single, "one project named as the goal"),
        ("OUTPUT_TARGET_PATTERN", outputs, "a target that counts outputs"),
        ("SPEND_AS_GOAL", spend, "money to spend (an input), not a target"),
        ("OUTCOME_PATTERN", outcome, "an outcome word"),
    ):
        for m in ms:
            hits.append(RuleHit(rule, m.group(0), m.start(), m.end(), effect))
    for name in sectors:
        m = SECTOR_PATTERNS[name].search(text)
        hits.append(RuleHit("SECTOR_PATTERNS", m.group(0), m.start(), m.end(), f"sector: {name}"))

    hits.sort(key=lambda h: (h.start, h.rule))
    return {
        "years": years,
        "deadline": deadline,
        "milestones": milestones,
        "baseline_years": baseline_years,
        "past_years": past_years,
        "late_deadline": deadline is not None and deadline <= LAST_PAST_YEAR,
        "vague": vague,
        "quantified": bool(counted),
        "targets": targets,
        "baseline": baseline,
        "metric": metric,
        "scope": scope,
        "prestige": prestige,
        "tech": tech,
        "tech_goal": tech_goal,
        "single": single,
        "outputs": outputs,
        "spend": spend,
        "outcome": outcome,
        "people": people,
        "sectors": sectors,
        "hits": hits,
        "words": len(text.split()),
    }


def explain(text: str) -> list[RuleHit]:
    """Every rule that fired on ``text``, in reading order, with its effect.

    Use it to show a participant or trainer why the statement was read as it was.
    """
    return _collect(_check_text(text))["hits"]


def _src(source: str) -> str:
    return f" (Source: {source}.)"


def _directed(f: dict) -> CriterionResult:
    code, name, question = CRITERIA["directed"]
    target = f["targets"][0] if f["targets"] else None
    have, missing = [], []
    if target:
        have.append(f"a measurable target ('{target}')")
    else:
        missing.append(
            "a measurable target: a number, a percentage or a word such as 'halve' or 'zero'"
        )
    if f["deadline"] is not None:
        have.append(f"a deadline ({f['deadline']})")
    elif f["milestones"]:
        ms = " and ".join(str(m) for m in f["milestones"])
        missing.append(
            f"a deadline year: {ms} is an interim milestone, a step on the way, so the year by "
            "which the whole target must be met is still missing"
        )
    elif f["past_years"]:
        yrs = " and ".join(str(y) for y in f["past_years"])
        missing.append(
            f"a future deadline: {yrs} is not a future year on the case date ({_CASE_DAY}), so "
            "it dates something that happened, not the year by which the goal must be met"
        )
    elif f["vague"]:
        missing.append(
            f"a deadline year: '{f['vague']}' is not a year, so nobody can tell when the "
            "mission has succeeded or failed"
        )
    else:
        missing.append("a deadline year ('by 2035')")
    if f["baseline"]:
        have.append(f"a baseline ('{f['baseline']}')")
    if f["quantified"] and f["deadline"] is not None:
        status = "met"
    elif f["quantified"] or f["deadline"] is not None:
        status = "partly"
    else:
        status = "not met"
    parts = []
    if have:
        parts.append("The statement has " + ", ".join(have) + ".")
    if missing:
        parts.append("It lacks " + "; and ".join(missing) + ".")
    if status == "met" and not f["baseline"]:
        parts.append(
            "Consider stating the baseline (the value today and its year), so progress can "
            "be measured."
        )
    if f["milestones"] and f["deadline"] is not None:
        ms = ", ".join(str(m) for m in f["milestones"])
        parts.append(
            f"It gives several dates: {f['deadline']} is read as the deadline and {ms} as "
            "milestone(s). If that is wrong, say which year is the deadline."
        )
    if f["late_deadline"]:
        parts.append(
            f"Note that {f['deadline']} is not a future year on the case date ({_CASE_DAY}), so "
            "there is no future deadline: for a new mission, choose a year still ahead."
        )
    parts.append(
        "Why it matters: a mission must be targeted, measurable and time-bound, so that "
        "success or failure can be judged."
    )
    return CriterionResult(
        "directed", code, name, status, " ".join(parts) + _src(MAZZUCATO_2018), None
    )


def _bold(f: dict, warnings: list[FramingWarning]) -> CriterionResult:
    code, name, question = CRITERIA["bold"]
    parts = []
    if f["people"]:
        who = ", ".join(dict.fromkeys(m.group(0).lower() for m in f["people"]))
        parts.append(f"It names who benefits ({who}), which helps a citizen see why it matters.")
    else:
        parts.append(
            "It does not say who benefits; naming people makes a mission easier to rally around."
        )
    if any(w.code == "technology_prestige" for w in warnings):
        parts.append(
            "It centres on a technology or on prestige; ordinary people may not see what "
            "changes for them."
        )
    if f["words"] > 60:
        parts.append(
            f"At {f['words']} words it is long; a mission statement people remember is short."
        )
    parts.append(
        "Text alone cannot judge boldness: explain in one or two sentences why this matters to "
        "ordinary people, not just to specialists."
    )
    feedback = " ".join(parts) + _src(MAZZUCATO_2018)
    return CriterionResult("bold", code, name, "ask", feedback, question)


def _ambitious(f: dict) -> CriterionResult:
    code, name, question = CRITERIA["ambitious"]
    parts = ["Text alone cannot judge whether the target is ambitious but realistic."]
    if f["baseline_years"] and f["deadline"] is not None:
        span = f["deadline"] - max(f["baseline_years"])
        if span > 0:
            parts.append(
                f"The statement allows {span} years from the baseline year to the deadline."
            )
    parts.append(
        "Explain why the target is a stretch (not something already under way) and which "
        "research and innovation could plausibly deliver it."
    )
    feedback = " ".join(parts) + _src(MAZZUCATO_2018)
    return CriterionResult("ambitious", code, name, "ask", feedback, question)


def _cross_sectoral(f: dict, framing_problem: str | None) -> CriterionResult:
    code, name, question = CRITERIA["cross_sectoral"]
    sectors = f["sectors"]
    if framing_problem:
        status = "not met"
        text = (
            f"The goal is {framing_problem}, which one agency or firm could deliver alone. "
            "A mission needs several sectors and kinds of organisation to succeed. "
            "Reframe it as the outcome the project would serve."
        )
    elif len(sectors) >= 3:
        status = "met"
        text = (
            f"It touches several sectors ({', '.join(sectors)}), so success will need several "
            "ministries and kinds of organisation. Check this against your stakeholder map."
        )
    elif len(sectors) == 2:
        status = "partly"
        text = (
            f"It touches two sectors ({', '.join(sectors)}). Ask which other ministries, firms, "
            "cities or civil-society groups must act for it to succeed."
        )
    else:
        status = "ask"
        text = (
            "The statement does not show which sectors must work together. Name the ministries, "
            "sectors and kinds of organisation whose action the mission needs."
        )
    return CriterionResult(
        "cross_sectoral", code, name, status, text + _src(MAZZUCATO_2018),
        question if status == "ask" else None,
    )


def _bottom_up(f: dict, framing_problem: str | None) -> CriterionResult:
    code, name, question = CRITERIA["bottom_up"]
    tech_named = ", ".join(dict.fromkeys(m.group(0) for m in f["tech"]))
    if framing_problem:
        status = "not met"
        text = (
            f"The goal is {framing_problem}: it fixes the solution in advance and leaves no room "
            "for competing routes. State the outcome instead, and let many projects compete "
            "to reach it."
        )
    elif f["outcome"] and f["tech"]:
        status = "partly"
        text = (
            f"It sets an outcome, but it names a technology ({tech_named}) as the route. Say "
            "whether other routes may compete, or keep the technology out of the statement."
        )
    elif f["outcome"]:
        status = "met"
        text = (
            "It sets an outcome and leaves the route open, so many bottom-up solutions can "
            "compete and complement each other."
        )
    else:
        status = "ask"
        text = (
            "The statement does not show whether several routes could reach the goal. Name the "
            "outcome, and list two or three different kinds of project that could contribute."
        )
    return CriterionResult(
        "bottom_up", code, name, status, text + _src(MAZZUCATO_2018),
        question if status == "ask" else None,
    )


def _warnings(f: dict) -> list[FramingWarning]:
    out: list[FramingWarning] = []
    if f["prestige"] or f["tech_goal"]:
        ev = (f["prestige"] or f["tech"])[0].group(0)
        out.append(
            FramingWarning(
                "technology_prestige",
                "Technology or prestige goal",
                f"The goal is framed around '{ev}'. Reaching a technology or a 'world first' "
                "does not by itself change people's lives, and it fixes the solution in advance. "
                "Too much weight on technology, at the cost of behaviour change and scaling "
                "proven solutions, is a known trap for missions (the 'STI trap'). "
                "Ask: what outcome should this technology bring, for whom, measured how?",
                ev,
                OECD_NZ_2025,
            )
        )
    if f["single"]:
        ev = f["single"][0].group(0)
        out.append(
            FramingWarning(
                "single_project",
                "A single project, not a mission",
                f"'{ev}' reads as one project. A mission is a measurable, dated objective that a "
                "portfolio of many projects from different sectors contributes to. Ask: what would "
                "this project achieve for people, and how would you measure it?",
                ev,
                MAZZUCATO_2018,
            )
        )
    if f["outputs"] and not f["single"] and not f["outcome"]:  # an output that serves a named outcome is fine
        ev = f["outputs"][0].group(0)
        out.append(
            FramingWarning(
                "output_target",
                "The target counts outputs, not outcomes",
                f"'{ev}' counts things bought, built or produced. Outputs are steps in a project; the "
                "mission should name the change people will see (for example shorter journeys "
                "or cleaner air). Many small outputs that do not add up to system change are a "
                "known failure mode ('piecemeal solutions').",
                ev,
                OECD_GGSD_2022,
            )
        )
    if f["spend"] and not f["quantified"]:  # with a real target beside it, a budget is fine
        ev = f["spend"][0].group(0)
        out.append(
            FramingWarning(
                "money_as_target",
                "Money to spend is an input, not a target",
                f"'{ev}' is money the mission will spend. A budget shows commitment, but it is an "
                "input: the mission should name the change the money must bring (for example "
                "shorter journeys or cleaner air), measured and dated. Budgets that do not match "
                "the goal, or goals that are only budgets, are a known weakness of missions.",
                ev,
                OECD_GGSD_2022,
            )
        )
    if not f["quantified"] and f["deadline"] is None and not f["milestones"]:
        out.append(
            FramingWarning(
                "slogan",
                "A slogan, not a mission",
                "The statement has no measurable target and no deadline year, so nobody could "
                "say whether it succeeded. Vague goals without SMART targets are a common "
                "weakness of real missions. Add a metric, a target value and a year.",
                f["vague"] or "",
                OECD_GGSD_2022,
            )
        )
    if f["vague"] and f["deadline"] is None:
        out.append(
            FramingWarning(
                "vague_deadline",
                "A time without a year",
                f"'{f['vague']}' is not a deadline that can be checked. Write the year, for "
                "example 'by 2030'.",
                f["vague"],
                MAZZUCATO_2018,
            )
        )
    if f["baseline_years"] and f["deadline"] is None:
        yrs = ", ".join(str(y) for y in f["baseline_years"])
        out.append(
            FramingWarning(
                "baseline_without_deadline",
                "A baseline year but no deadline",
                f"{yrs} is read as the starting point (baseline), not as the date the goal is met. "
                "Add the year by which the target must be reached.",
                yrs,
                MAZZUCATO_2018,
            )
        )
    return out


def assess_statement(text: str) -> StatementAssessment:
    """Assess a mission statement against the five mission criteria.

    Returns the deadline year, whether a measurable target is named, the target,
    baseline, metric and scope phrases when they can be seen, a status and
    feedback for each criterion, framing warnings, and formative feedback.
    Raises ``MissionkitInputError`` if ``text`` is not text or is empty.
    """
    clean = _check_text(text)
    f = _collect(clean)
    warnings = _warnings(f)
    framing_problem = None
    if any(w.code == "single_project" for w in warnings):
        framing_problem = "a single project"
    elif any(w.code == "technology_prestige" for w in warnings):
        framing_problem = "a single technology or prestige goal"
    criteria = {
        "bold": _bold(f, warnings),
        "directed": _directed(f),
        "ambitious": _ambitious(f),
        "cross_sectoral": _cross_sectoral(f, framing_problem),
        "bottom_up": _bottom_up(f, framing_problem),
    }

    strengths: list[str] = []
    improvements: list[str] = []
    questions: list[str] = []
    if f["targets"]:
        strengths.append(f"It names a measurable target: '{f['targets'][0]}' (C2).")
    if f["deadline"] is not None:
        strengths.append(f"It has a deadline: {f['deadline']} (C2).")
    if f["baseline"]:
        strengths.append(f"It states a baseline: '{f['baseline']}' (C2).")
    for key in ("cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status == "met":
            strengths.append(f"{c.code} {c.name}: {c.feedback.split(' (Source')[0]}")
    d = criteria["directed"]
    if d.status != "met":
        improvements.append(f"C2 {d.name}: {d.feedback.split(' (Source')[0]}")
    elif not f["baseline"]:
        improvements.append(
            "C2: state the baseline (today's value and its year) so progress can be measured."
        )
    for w in warnings:
        covered_by_c2 = w.code in ("slogan", "vague_deadline", "baseline_without_deadline")
        if not covered_by_c2 or d.status == "met":
            improvements.append(f"{w.title}: {w.message}")
    for key in ("cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status in ("partly", "not met"):
            improvements.append(f"{c.code} {c.name}: {c.feedback.split(' (Source')[0]}")
    for key in ("bold", "ambitious", "cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status == "ask" and c.question:
            questions.append(f"{c.code}: {c.question}")

    return StatementAssessment(
        text=text,
        deadline=f["deadline"],
        quantified=f["quantified"],
        target=f["targets"][0] if f["targets"] else None,
        targets=tuple(f["targets"]),
        baseline=f["baseline"],
        baseline_years=f["baseline_years"],
        milestones=f["milestones"],
        vague_deadline=f["vague"],
        metric=f["metric"],
        scope=f["scope"],
        criteria=criteria,
        warnings=tuple(warnings),
        strengths=tuple(strengths),
        improvements=tuple(improvements),
        questions=tuple(questions),
        hits=tuple(f["hits"]),
    )
