"""The D0 datasets of the running case: the choice of the mission in 2024 (FICTIONAL flashback).

Called by :mod:`missionkit.data.generate_case` (run that module, not this one). Three tables:

* ``causes``: the evidence on what causes slow, dirty and unsafe travel in the three cities,
  one row per cause-to-effect link (for a problem tree and a simple system map);
* ``candidates``: the three short-listed candidate missions rated on eight criteria;
* ``consultation``: the answers of the 2024 public consultation, one row per respondent.

Everything is invented for teaching. The teaching findings are described in the trainer notes of
module 02 (choosing) and asserted in ``tests/test_choosing.py``, never named in a column.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from missionkit import case

NSO = "Marenta National Statistics Office, household travel survey 2023"
AQ = "Ministry of Environment, air-quality network and source study 2023"
MOT_COUNTS = "Ministry of Transport, traffic counts 2015-2024"
BUS = "Amberport Bus Corporation, annual reports 2019-2024"
POLICE = "National Police, road-crash register 2024"
MOH = "Ministry of Health, trauma-care audit 2023"
UNI = "University of Kessa, Institute for Urban Studies, 2022"
MOF = "Ministry of Finance, fuel-subsidy review 2023"

# (cause, cause kind, effect, direction, evidence strength, evidence, source)
CAUSES = [
    # the access branch: congestion and the bus spiral
    ("Fuel price subsidy", "root cause", "Car and motorbike traffic", "increases", "strong",
     "Pump prices are 31% below the regional average; car-kilometres grew 4.8% a year in 2015-2024, twice as fast "
     "as population.", MOF),
    ("Homes far from jobs", "root cause", "Trip length", "increases", "strong",
     "The average commute trip grew from 9.1 km in 2010 to 12.7 km in 2023 as new housing went to the city edges.",
     NSO),
    ("Trip length", "cause", "Slow, dirty and unsafe travel", "increases", "strong",
     "Each extra kilometre adds about 3.5 minutes to a peak-hour commute.", NSO),
    ("Car and motorbike traffic", "cause", "Congestion", "increases", "strong",
     "Peak-hour speeds on the 40 busiest corridors fell from 24 to 14 km/h between 2015 and 2024.", MOT_COUNTS),
    ("Congestion", "cause", "Bus journey times", "increases", "strong",
     "Buses share every lane with cars: the average bus trip took 41% longer in 2024 than in 2015.", BUS),
    ("Bus journey times", "cause", "Bus ridership", "reduces", "strong",
     "Ridership fell 22% in 2019-2024; 61% of former riders name slow journeys as the first reason.", BUS),
    ("Bus ridership", "cause", "Car and motorbike traffic", "reduces", "moderate",
     "Two in three former bus riders now travel by car, motorbike or motorbike taxi.", NSO),
    ("Bus ridership", "cause", "Fare revenue", "increases", "strong",
     "Fares pay 58% of the Amberport Bus Corporation's operating costs.", BUS),
    ("Fare revenue", "cause", "Bus frequency", "increases", "moderate",
     "After the 2021 and 2023 revenue falls the corporation cut off-peak frequency on 34 routes.", BUS),
    ("Bus frequency", "cause", "Bus ridership", "increases", "moderate",
     "On routes where frequency was cut, ridership fell 9 points more than elsewhere.", BUS),
    ("Unregulated minibus routes", "root cause", "Bus journey times", "increases", "moderate",
     "About 9,000 minibuses stop anywhere on the main corridors; buses lose about 6 minutes a trip behind them.",
     UNI),
    ("Highway expansion", "root cause", "Congestion", "reduces", "contested",
     "The ring road's new lanes cut peak delay for a year; within three years traffic had grown to fill them "
     "(induced demand).", MOT_COUNTS),
    ("Highway expansion", "root cause", "Car and motorbike traffic", "increases", "strong",
     "Traffic on the widened ring road rose 38% in three years, against 12% on comparable roads.", MOT_COUNTS),
    ("Congestion", "cause", "Slow, dirty and unsafe travel", "increases", "strong",
     "Congestion explains about two thirds of the growth in commute time since 2015.", NSO),
    # the air branch
    ("Old diesel minibuses and buses", "root cause", "Fine-particle pollution (PM2.5)", "increases", "strong",
     "Vehicles older than 15 years are 11% of the fleet and emit 46% of traffic PM2.5.", AQ),
    ("Car and motorbike traffic", "cause", "Fine-particle pollution (PM2.5)", "increases", "strong",
     "Road traffic is the source of 52% of PM2.5 in the three cities; congestion raises emissions per km.", AQ),
    ("Open waste burning", "root cause", "Fine-particle pollution (PM2.5)", "increases", "moderate",
     "Burning household waste is the source of about 18% of PM2.5, most of it in Kessa's outer districts.", AQ),
    ("Fine-particle pollution (PM2.5)", "cause", "Slow, dirty and unsafe travel", "increases", "strong",
     "The annual mean was 38 µg/m³ in 2024, more than seven times the WHO guideline of 5 µg/m³.", AQ),
    # the safety branch
    ("Weak speed enforcement", "root cause", "Speed on urban arterials", "increases", "moderate",
     "Fewer than 1 in 20 arterial roads has a working speed camera.", POLICE),
    ("Speed on urban arterials", "cause", "Road deaths", "increases", "strong",
     "58% of urban road deaths happen on arterials with an 80 km/h limit, which carry 20% of traffic.", POLICE),
    ("Motorbike taxis without helmets", "root cause", "Road deaths", "increases", "moderate",
     "Riders and passengers of motorbike taxis are 34% of the dead; fewer than half wear a helmet.", POLICE),
    ("Slow trauma care", "root cause", "Road deaths", "increases", "moderate",
     "The median time from crash to hospital is 74 minutes; a third of deaths happen on the way.", MOH),
    ("Car and motorbike traffic", "cause", "Road deaths", "increases", "moderate",
     "Deaths rose with traffic: from 15.9 to 18 per 100,000 people in 2015-2024.", POLICE),
    ("Road deaths", "cause", "Slow, dirty and unsafe travel", "increases", "strong",
     "18 road deaths per 100,000 people in 2024, one of the highest rates in the region.", POLICE),
    # effects of the core problem
    ("Slow, dirty and unsafe travel", "core problem", "Lost working hours", "increases", "strong",
     "Commuters lose about 124 hours a year each to delay.", NSO),
    ("Slow, dirty and unsafe travel", "core problem", "Respiratory illness", "increases", "strong",
     "Hospital admissions for asthma in the three cities are 2.1 times the rural rate.", "Ministry of Health, 2023"),
    ("Slow, dirty and unsafe travel", "core problem", "Poor households' transport costs", "increases", "moderate",
     "The poorest fifth spends 16% of its income on transport, more than on health and education together.", NSO),
]
for _c in CAUSES:  # the core problem and effects are factors too; keep the kind of each cause consistent
    assert _c[1] in case.FACTOR_KINDS and _c[3] in ("increases", "reduces") and _c[4] in case.EVIDENCE_STRENGTHS

CANDIDATES = {
    "A": ("Clean air by 2035",
          "By 2035, the air in Marenta's three largest cities carries half the fine-particle pollution (PM2.5) it "
          "did in 2024."),
    "B": ("45-minute cities", case.MISSION_STATEMENT),
    "C": ("Electric Marenta",
          "By 2030, 500,000 electric cars are on Marenta's roads, half of them assembled in Marenta."),
}

# (candidate, criterion, rating, evidence)
RATINGS = [
    ("A", "bold and relevant", "meets", "Everyone breathes the air: 4.9 million people in the three cities."),
    ("A", "measurable and dated", "meets",
     "One indicator with a baseline (38 µg/m³ in 2024), a target (19) and a date."),
    ("A", "ambitious but realistic", "partly",
     "Halving PM2.5 needs traffic, fleet and waste-burning action; 18% of PM2.5 comes from waste burning, outside "
     "transport."),
    ("A", "across sectors", "meets",
     "Transport, environment, energy, industry, health and the cities all hold levers."),
    ("A", "many solutions", "meets",
     "Cleaner buses, fewer car trips, waste collection, low-emission zones: many routes compete."),
    ("A", "evidence of need", "meets", "38 µg/m³ in 2024, more than seven times the WHO guideline."),
    ("A", "capacity to act", "partly",
     "The Ministry of Environment has 40 staff on air quality and no say over transport budgets."),
    ("A", "public support", "partly", "Ranked first by 22% of consultation respondents."),
    ("B", "bold and relevant", "meets",
     "Commute time, clean air and safety touch every household, with or without a car."),
    ("B", "measurable and dated", "meets",
     "45 minutes to work, school and health care, and half of 2024's PM2.5, by 2035."),
    ("B", "ambitious but realistic", "partly",
     "The average commute must fall from 62 minutes; the panel doubts every district can reach 45 by 2035."),
    ("B", "across sectors", "meets",
     "Transport, environment, finance, health, industry and the three cities must all act."),
    ("B", "many solutions", "meets",
     "Bus lanes, minibus reform, walking and cycling, land use and clean fleets compete."),
    ("B", "evidence of need", "meets", "Average commute 62 minutes in 2024; 18 road deaths per 100,000 people."),
    ("B", "capacity to act", "partly",
     "Needs a cross-ministry owner that does not exist yet; the Delivery Office has 12 staff."),
    ("B", "public support", "partly", "Ranked first by 38% of consultation respondents."),
    ("C", "bold and relevant", "partly", "Only 24% of households in the three cities own a car."),
    ("C", "measurable and dated", "meets", "500,000 electric cars by 2030: easy to count."),
    ("C", "ambitious but realistic", "partly",
     "Marenta had 6,200 electric cars in 2024; the target needs 80 times more in six years."),
    ("C", "across sectors", "fails",
     "One industry and one ministry (Industry and Trade); cities, health and public transport play no part."),
    ("C", "many solutions", "fails", "The solution, the electric car, is fixed before the work starts."),
    ("C", "evidence of need", "partly",
     "Cleaner cars cut tailpipe PM2.5, but not congestion, road deaths or commute time."),
    ("C", "capacity to act", "meets", "The car assembly incentive scheme and the Kessa assembly zone already exist."),
    ("C", "public support", "meets", "Ranked first by 41% of consultation respondents."),
]

# The consultation: counts by (car household, first choice), then spread over cities, channels and ages.
CHOICE_COUNTS = {("yes", "A"): 80, ("yes", "B"): 100, ("yes", "C"): 236,
                 ("no", "A"): 58, ("no", "B"): 140, ("no", "C"): 26}
STREET_SURVEY = 96  # street-survey respondents, all in households without a car
CITY_SHARES = {"Amberport": 0.70, "Kessa": 0.22, "Nuvo Alto": 0.08}
AGE_GROUPS = ("18-29", "30-44", "45-64", "65+")


def causes() -> pd.DataFrame:
    rows = [{"link_id": f"L{i:02d}", "cause": c, "cause_kind": k, "effect": e, "direction": d,
             "evidence_strength": s, "evidence": ev, "source": src}
            for i, (c, k, e, d, s, ev, src) in enumerate(CAUSES, start=1)]
    return pd.DataFrame(rows)


def candidates() -> pd.DataFrame:
    rows = [{"candidate_id": cid, "candidate": CANDIDATES[cid][0], "statement": CANDIDATES[cid][1],
             "criterion": crit, "rating": rating, "evidence": ev} for cid, crit, rating, ev in RATINGS]
    order = {c: i for i, c in enumerate(case.CHOICE_CRITERIA)}
    df = pd.DataFrame(rows)
    return df.sort_values(["candidate_id", "criterion"], key=lambda s: s.map(order) if s.name == "criterion" else s,
                          kind="stable").reset_index(drop=True)


def _spread(n: int, shares: dict[str, float]) -> list[str]:
    """``n`` labels in the given shares (largest remainder), in a fixed order."""
    raw = {k: n * v for k, v in shares.items()}
    counts = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    return [k for k, c in counts.items() for _ in range(c)]


def consultation(rng: np.random.Generator) -> pd.DataFrame:
    people = [(car, choice) for (car, choice), n in CHOICE_COUNTS.items() for _ in range(n)]
    order = rng.permutation(len(people))
    people = [people[i] for i in order]
    cities = _spread(len(people), CITY_SHARES)
    cities = [cities[i] for i in rng.permutation(len(cities))]
    ages = rng.choice(AGE_GROUPS, size=len(people), p=[0.31, 0.33, 0.26, 0.10])
    rows, street_left = [], STREET_SURVEY
    for i, ((car, choice), city, age) in enumerate(zip(people, cities, ages, strict=True), start=1):
        channel = "online form"
        if car == "no" and street_left > 0 and rng.random() < 0.5:
            channel, street_left = "street survey", street_left - 1
        rows.append({"respondent_id": f"R{i:04d}", "city": city, "channel": channel, "car_household": car,
                     "age_group": str(age), "first_choice": choice})
    return pd.DataFrame(rows)
