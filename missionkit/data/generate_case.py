"""Generate the running case's datasets (FICTIONAL Republic of Marenta).

Run from the project root:

    .venv/bin/python -m missionkit.data.generate_case

It writes the CSV files (datasets D1 to D9, and D0 from
:mod:`missionkit.data.generate_choosing`) into ``missionkit/data/case/`` and
the data dictionary page ``book/data-dictionary.md``. The output is
deterministic: the random parts come from ``numpy.random.default_rng(SEED)``
and every float is rounded, so running it twice gives byte-identical files.

Everything is invented for teaching. Real missions are used only as anchors
for realistic ranges (see the research brief, section 9). The teaching
patterns built into the data are described in the module notes for trainers,
never in a column of the data.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.data import generate_choosing
from missionkit.data.case_budget import budget_lines

SEED = 20250303  # the day Cabinet adopted the mission (FICTIONAL)
CASE_FOLDER = Path(__file__).resolve().parent / "case"
BOOK_PAGE = Path(__file__).resolve().parents[2] / "book" / "data-dictionary.md"

MOSTI = "Ministry of Science, Technology and Innovation (MoSTI)"
MIA = "Marenta Innovation Agency (MIA)"
MOT = "Ministry of Transport"
MOE = "Ministry of Environment"
MOF = "Ministry of Finance"
MOH = "Ministry of Health"
MOIT = "Ministry of Industry and Trade"
MOGSA = "Ministry of Gender and Social Affairs"
MOEN = "Ministry of Energy"
AMB = "Amberport City Government"
KES = "Kessa City Government"
NUV = "Nuvo Alto City Government"

OWNERS = {  # owner: (owner_type, sti_owner, level)
    MOSTI: ("ministry", "yes", "national"),
    MIA: ("agency", "yes", "national"),
    MOT: ("ministry", "no", "national"),
    MOE: ("ministry", "no", "national"),
    MOF: ("ministry", "no", "national"),
    MOH: ("ministry", "no", "national"),
    MOIT: ("ministry", "no", "national"),
    MOGSA: ("ministry", "no", "national"),
    MOEN: ("ministry", "no", "national"),
    AMB: ("city", "no", "city"),
    KES: ("city", "no", "city"),
    NUV: ("city", "no", "city"),
}

# ---------------------------------------------------------------------------
# D1 policy inventory
# ---------------------------------------------------------------------------
S, N, W = "supports", "neutral", "works against"
Y, NO = "yes", "no"
# (title, owner, instrument, objectives, direction, mission_tagged, annual budget MRC m, start, end or None)
POLICIES = [
    # Ministry of Science, Technology and Innovation
    ("Green Mobility Research Grants", MOSTI, "funding", "O2;O1", S, Y, 64, 2021, None),
    ("National Battery and Electric Drive Research Programme", MOSTI, "funding", "O5;O2", S, Y, 82, 2022, 2030),
    ("Smart Mobility Living Labs", MOSTI, "funding", "O1", S, Y, 38, 2025, 2029),
    ("University-Industry E-Mobility Centres of Excellence", MOSTI, "funding", "O5", S, Y, 55, 2023, 2028),
    ("Urban Air Quality Sensor Research Network", MOSTI, "analysis", "O2", S, Y, 14, 2020, None),
    ("Mission Foresight and Road-mapping Studies", MOSTI, "analysis", "O1;O2;O3;O5", S, Y, 4.5, 2025, 2027),
    ("National Research Infrastructure Fund", MOSTI, "funding", "", N, Y, 96, 2019, None),
    ("Postgraduate Scholarships in Engineering", MOSTI, "funding", "", N, Y, 31, 2018, None),
    ("Science Communication and Open Data Portal", MOSTI, "information", "", N, NO, 3.2, 2020, None),
    ("Digital Transport Data Platform", MOSTI, "analysis", "O1", S, Y, 12, 2024, None),
    ("Hydrogen Fuel Cell Research Call", MOSTI, "funding", "O2", S, Y, 22, 2024, 2027),
    ("Public Research Institutes Core Funding", MOSTI, "funding", "", N, NO, 210, 2016, None),
    ("Technology Transfer Offices Support", MOSTI, "funding", "", N, NO, 9, 2019, None),
    ("Innovation Vouchers for Clean Transport SMEs", MOSTI, "funding", "O5;O2", S, Y, 8, 2025, 2028),
    # Marenta Innovation Agency
    ("Clean Vehicle Start-up Accelerator", MIA, "funding", "O5", S, Y, 18, 2023, 2027),
    ("E-Bus Component Supplier Development Grants", MIA, "funding", "O5", S, Y, 36, 2025, 2030),
    ("Innovation Loans for Manufacturing SMEs", MIA, "funding", "", N, Y, 58, 2019, None),
    ("Challenge Prize: Safer Streets by Design", MIA, "funding", "O3", S, Y, 2.5, 2025, 2026),
    ("Air Quality Innovation Challenge", MIA, "funding", "O2", S, Y, 5, 2025, 2027),
    ("Mobility Data Hackathons", MIA, "information", "O1", S, Y, 0.6, 2022, None),
    ("Deep-Tech Seed Fund", MIA, "funding", "", N, Y, 48, 2021, None),
    ("Clean Tech Testbeds Programme", MIA, "funding", "O2;O5", S, Y, 26, 2022, 2028),
    ("Innovation Agency Regional Offices", MIA, "funding", "", N, NO, 14, 2018, None),
    ("Two- and Three-Wheeler Electrification Pilots", MIA, "funding", "O2;O5", S, Y, 17, 2024, 2027),
    ("Mobility Innovation Procurement Pilot", MIA, "procurement", "O1", S, Y, 3.5, 2026, 2028),
    ("Startup Visa and Talent Programme", MIA, "information", "", N, NO, 1.8, 2022, None),
    # Ministry of Transport
    ("Urban Bus Fleet Renewal Programme", MOT, "funding", "O2;O1", S, Y, 100, 2022, 2028),
    ("National Road Safety Strategy", MOT, "regulation", "O3", S, Y, 8.5, 2021, 2030),
    ("Speed Limit Enforcement Programme", MOT, "funding", "O3", S, NO, 9, 2019, None),
    ("Vehicle Emission Standards (Euro IV)", MOT, "regulation", "O2", S, NO, 1.5, 2017, None),
    ("National Highway Expansion Programme", MOT, "funding", "O1;O2", W, NO, 640, 2020, 2030),
    ("Minibus Route Licensing Reform", MOT, "regulation", "O1;O3", S, Y, 2, 2025, 2027),
    ("Driver Training and Licensing Modernisation", MOT, "funding", "O3", S, NO, 6, 2020, None),
    ("Public Transport Operating Subsidy", MOT, "funding", "O1", S, NO, 160, 2015, None),
    ("National Transport Master Plan", MOT, "analysis", "O1;O2;O3", S, NO, 4, 2023, 2025),
    ("Rail Freight Modernisation", MOT, "funding", "", N, NO, 95, 2018, 2028),
    ("Road Maintenance Fund", MOT, "funding", "", N, NO, 230, 2010, None),
    ("Bus Rapid Transit Preparation Studies", MOT, "analysis", "O1", S, Y, 6, 2023, 2026),
    ("Traffic Police Equipment Programme", MOT, "funding", "O3", S, NO, 11, 2021, 2026),
    # Ministry of Environment
    ("National Clean Air Plan", MOE, "analysis", "O2", S, Y, 8, 2024, 2030),
    ("Air Quality Monitoring Network", MOE, "analysis", "O2", S, Y, 7, 2019, None),
    ("Industrial Emissions Permitting", MOE, "regulation", "O2", S, NO, 3, 2016, None),
    ("Urban Tree Planting Programme", MOE, "funding", "O2", S, NO, 4, 2021, None),
    ("Stop Waste Burning Campaign", MOE, "information", "O2", S, NO, 1.2, 2022, None),
    ("Climate Change Awareness Campaign", MOE, "information", "O2", S, Y, 2, 2023, 2026),
    ("Environmental Impact Assessment Regulations", MOE, "regulation", "", N, NO, 2.5, 2012, None),
    ("Low-Emission Zone Feasibility Study", MOE, "analysis", "O2", S, Y, 0.8, 2025, 2026),
    # Ministry of Finance
    ("Petrol and Diesel Price Stabilisation Subsidy", MOF, "fiscal", "O2;O1", W, NO, 3850, 2012, None),
    ("Import Duty on Assembled Electric Buses", MOF, "fiscal", "O2", W, NO, 0, 2019, None),
    ("Tax Deduction for Company Cars", MOF, "fiscal", "O1;O2", W, NO, 38, 2014, None),
    ("Sovereign Green Bond Framework", MOF, "funding", "O2", S, NO, 1, 2024, None),
    ("Mission Budget Tagging Guidelines", MOF, "information", "O1;O2;O3;O5", S, Y, 0.3, 2025, None),
    ("Public Investment Management Reform", MOF, "analysis", "", N, NO, 6, 2022, 2026),
    ("Research and Development Tax Credit", MOF, "fiscal", "", N, NO, 110, 2017, None),
    # Ministry of Health
    ("Emergency Trauma Care Upgrade", MOH, "funding", "O3", S, Y, 28, 2022, 2027),
    ("Air Pollution and Health Surveillance", MOH, "analysis", "O2", S, Y, 1.8, 2025, 2028),
    ("Non-Communicable Disease Prevention Strategy", MOH, "information", "", N, NO, 15, 2020, 2027),
    ("Helmet Use Promotion Campaign", MOH, "information", "O3", S, Y, 1.1, 2023, 2026),
    ("Active Travel for Health Guidelines", MOH, "information", "O1", S, NO, 0.4, 2024, None),
    # Ministry of Industry and Trade
    ("Automotive Assembly Incentive Scheme", MOIT, "fiscal", "", N, NO, 70, 2016, None),
    ("Local Content Rules for Public Vehicle Purchases", MOIT, "regulation", "O5", S, Y, 0.5, 2025, None),
    ("Electric Vehicle Assembly Zone, Kessa", MOIT, "funding", "O5", S, Y, 60, 2024, 2030),
    ("SME Export Promotion", MOIT, "information", "", N, NO, 12, 2019, None),
    ("Industrial Skills Training Fund", MOIT, "funding", "", N, NO, 25, 2018, None),
    ("Vehicle Standards and Type Approval Office", MOIT, "regulation", "O3;O2", S, NO, 3, 2021, None),
    ("Used Vehicle Import Liberalisation", MOIT, "regulation", "O2;O3", W, NO, 0.2, 2019, None),
    ("Steel and Cement Industry Support", MOIT, "funding", "", N, NO, 60, 2020, 2027),
    # Ministry of Gender and Social Affairs
    ("Social Cash Transfer Programme", MOGSA, "funding", "", N, NO, 420, 2015, None),
    ("Gender-Based Violence Prevention Strategy", MOGSA, "information", "", N, NO, 8, 2021, 2026),
    ("Disability Inclusion Act Implementation", MOGSA, "information", "", N, NO, 3, 2020, None),
    ("Youth Employment Programme", MOGSA, "funding", "", N, NO, 35, 2022, 2027),
    ("Community Development Grants", MOGSA, "funding", "", N, NO, 18, 2019, None),
    # Ministry of Energy
    ("Grid Extension and Reliability Programme", MOEN, "funding", "", N, NO, 300, 2018, 2030),
    ("Electric Vehicle Charging Standards", MOEN, "regulation", "O2", S, Y, 0.6, 2025, None),
    ("Renewable Energy Auctions", MOEN, "procurement", "O2", S, NO, 5, 2021, None),
    ("Electricity Tariff Reform for Charging Depots", MOEN, "fiscal", "O2", S, Y, 2, 2026, None),
    ("Emergency Diesel Power Plants", MOEN, "funding", "O2", W, NO, 150, 2022, 2027),
    ("Energy Efficiency Labelling", MOEN, "information", "", N, NO, 1.5, 2019, None),
    # Amberport City Government
    ("Amberport Parking Minimum Standards", AMB, "regulation", "O1;O2", W, NO, 0.3, 2011, None),
    ("Amberport Flyover Programme", AMB, "funding", "O1;O3", W, NO, 85, 2021, 2028),
    ("Amberport Bus Priority Lanes", AMB, "funding", "O1", S, Y, 20, 2023, 2027),
    ("Amberport Street Lighting Upgrade", AMB, "funding", "", N, NO, 9, 2020, 2026),
    ("Amberport School Streets Pilot", AMB, "regulation", "O3", S, Y, 0.4, 2025, 2026),
    ("Amberport Air Quality Action Plan", AMB, "analysis", "O2", S, Y, 1.2, 2024, 2028),
    ("Amberport Market Redevelopment", AMB, "funding", "", N, NO, 40, 2022, 2026),
    ("Amberport Traffic Signal Modernisation", AMB, "funding", "O1;O3", S, NO, 11, 2020, 2025),
    ("Amberport Business Rates Relief", AMB, "fiscal", "", N, NO, 6, 2021, None),
    # Kessa City Government
    ("Kessa Central Free Parking Policy", KES, "fiscal", "O1;O2", W, NO, 1.5, 2016, None),
    ("Kessa Minibus Terminal Upgrade", KES, "funding", "O1", S, Y, 12, 2024, 2027),
    ("Kessa Cycle Network Plan", KES, "analysis", "O1;O2", S, Y, 0.5, 2025, 2026),
    ("Kessa Road Widening Scheme", KES, "funding", "O3;O2", W, NO, 30, 2022, 2027),
    ("Kessa Waste Collection Contract", KES, "procurement", "", N, NO, 22, 2019, 2026),
    ("Kessa Safe Routes to School", KES, "funding", "O3", S, Y, 1.5, 2024, 2027),
    ("Kessa Youth Sports Facilities", KES, "funding", "", N, NO, 4, 2023, 2026),
    # Nuvo Alto City Government
    ("Nuvo Alto Pedestrian Safety Programme", NUV, "funding", "O3", S, Y, 2.2, 2023, 2027),
    ("Nuvo Alto Electric Tricycle Pilot", NUV, "funding", "O2;O5", S, Y, 1.8, 2025, 2027),
    ("Nuvo Alto Smart City Strategy", NUV, "analysis", "", N, NO, 3, 2022, 2026),
    ("Nuvo Alto Urban Development Plan", NUV, "analysis", "", N, NO, 1, 2020, 2030),
    ("Nuvo Alto Bus Depot Procurement", NUV, "procurement", "O1", S, NO, 6, 2025, 2026),
    ("Nuvo Alto Tourism Promotion", NUV, "information", "", N, NO, 2, 2021, None),
]


def _policies() -> pd.DataFrame:
    rows = []
    for i, (title, owner, instrument, objectives, direction, tagged, budget, start, end) in enumerate(POLICIES, 1):
        owner_type, sti, level = OWNERS[owner]
        rows.append({
            "policy_id": f"P{i:03d}",
            "title": title,
            "owner": owner,
            "owner_type": owner_type,
            "sti_owner": sti,
            "level": level,
            "instrument": instrument,
            "objectives": objectives or None,
            "direction": direction,
            "mission_tagged": tagged,
            "annual_budget_mrc_m": float(budget),
            "start_year": start,
            "end_year": end,
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# D2 project portfolio
# ---------------------------------------------------------------------------
AMTA = "Amberport Metropolitan Transport Authority"
TPD = "Traffic Police Directorate"
MIT = "Marenta Institute of Technology"
LT2, M25, GT5 = "<2 years", "2-5 years", ">5 years"
# (title, objective, instrument, lead_actor, lead_actor_type, city, sector, trl, risk, horizon, novelty,
#  budget MRC m, start_year, status, decision_2025q4, proposed decision_2026q4)
PROJECTS = [
    ("Amberport Bus Rapid Transit Corridor 1 (Meridian loan)", "O1", "funding", AMTA, "agency", "Amberport",
     "transport", 9, "medium", GT5, "new", 960, 2025, "active", "continue", "continue"),
    ("Amberport Electric Bus Fleet (Southbridge loan)", "O2", "funding", "Amberport Bus Company",
     "state-owned enterprise", "Amberport", "transport", 9, "medium", M25, "new", 480, 2025, "active", "continue",
     "scale"),
    ("Kessa Bus Rapid Transit Corridor (Southbridge loan)", "O1", "funding", KES, "city", "Kessa", "transport", 9,
     "medium", GT5, "new", 410, 2026, "active", None, "continue"),
    ("Mission Amberport Bus Priority Lanes", "O1", "funding", AMB, "city", "Amberport", "transport", 9, "low", M25,
     "new", 38, 2023, "active", "continue", "scale"),
    ("Clean Urban Bus Fleet Renewal Programme", "O2", "funding", MOT, "ministry", "national", "transport", 9, "low",
     M25, "new", 150, 2022, "active", "continue", "continue"),
    ("Mission Green Mobility Research Grants", "O2", "funding", MOSTI, "ministry", "national", "research", 3,
     "medium", M25, "new", 55, 2021, "active", "continue", "continue"),
    ("Integrated Smart Card Ticketing for Three Cities", "O1", "procurement", AMTA, "agency", "national", "digital",
     8, "medium", M25, "new", 34, 2025, "active", "continue", "continue"),
    ("Safe Junctions Programme, Three Cities", "O3", "funding", MOT, "ministry", "national", "transport", 9, "low",
     M25, "new", 62, 2025, "active", "continue", "scale"),
    ("Mission Bus Rapid Transit Preparation Studies", "O1", "analysis", MOT, "ministry", "national", "transport", 7,
     "low", LT2, "new", 7.5, 2023, "completed", "continue", None),
    ("Mission Air Quality Monitoring Network", "O2", "analysis", MOE, "ministry", "national", "environment", 9,
     "low", GT5, "new", 11, 2019, "active", "continue", "continue"),
    ("E-Bus Depot Charging Infrastructure", "O2", "funding", "National Power Company", "state-owned enterprise",
     "Amberport", "energy", 8, "medium", M25, "new", 58, 2025, "active", "continue", "continue"),
    ("Minibus Route Formalisation Pilot, Kessa", "O1", "regulation", KES, "city", "Kessa", "transport", 6, "high",
     M25, "new", 3.2, 2025, "active", "pivot", "continue"),
    ("Mission Two- and Three-Wheeler Electrification Pilots", "O2", "funding", MIA, "agency", "Nuvo Alto",
     "transport", 6, "medium", M25, "new", 21, 2024, "active", "continue", "continue"),
    ("Mission Electric Vehicle Assembly Zone, Kessa", "O5", "funding", MOIT, "ministry", "Kessa", "industry", 7,
     "medium", GT5, "new", 72, 2024, "active", "continue", "continue"),
    ("Low-Income Fare Discount, Amberport", "O4", "fiscal", AMTA, "agency", "Amberport", "social protection", 9,
     "medium", M25, "new", 72, 2026, "active", None, "continue"),
    ("Amberport Bus Network Redesign", "O1", "analysis", AMTA, "agency", "Amberport", "transport", 7, "medium", LT2,
     "new", 4.8, 2025, "active", "continue", "scale"),
    ("Mission National Battery and Electric Drive Research Programme", "O5", "funding", MOSTI, "ministry",
     "national", "research", 4, "high", GT5, "new", 88, 2022, "active", "continue", "continue"),
    ("Mission National Road Safety Strategy", "O3", "regulation", MOT, "ministry", "national", "transport", 9,
     "low", GT5, "new", 9, 2021, "active", "continue", "continue"),
    ("Open Transit Data Standard and Journey Planner", "O1", "information", "CityData Analytics", "firm",
     "national", "digital", 7, "low", LT2, "new", 1.6, 2025, "completed", "continue", None),
    ("Amberport Low-Emission Zone Pilot", "O2", "regulation", AMB, "city", "Amberport", "environment", 7, "high",
     LT2, "new", 3.6, 2026, "active", None, "continue"),
    ("Women's Night Bus Pilot, Kessa", "O4", "funding", "Kessa City Buses", "state-owned enterprise", "Kessa",
     "transport", 8, "medium", LT2, "new", 1.2, 2025, "active", "continue", "scale"),
    ("Mission Nuvo Alto Pedestrian Safety Programme", "O3", "funding", NUV, "city", "Nuvo Alto", "urban planning",
     9, "low", M25, "new", 5.5, 2023, "active", "continue", "continue"),
    ("Speed Limit Enforcement Programme, Phase 2", "O3", "funding", TPD, "agency", "national", "transport", 9,
     "low", M25, "scale", 17, 2024, "active", "continue", "continue"),
    ("Nuvo Alto Feeder Minibus Service Contracts", "O1", "procurement", NUV, "city", "Nuvo Alto", "transport", 8,
     "medium", M25, "new", 9.5, 2026, "active", None, "continue"),
    ("Battery Swap Stations for Motorbike Taxis", "O2", "funding", "Greenline Energy Solutions", "firm", "Kessa",
     "energy", 6, "high", LT2, "new", 4.2, 2025, "active", "pivot", "continue"),
    ("Mission University-Industry E-Mobility Centres of Excellence", "O5", "funding", MIT, "university",
     "national", "research", 4, "medium", M25, "new", 42, 2023, "active", "continue", "pivot"),
    ("Park-and-Walk Interchanges at Kessa Markets", "O1", "funding", KES, "city", "Kessa", "urban planning", 8,
     "low", M25, "adapt", 6.1, 2025, "paused", "pause", "sunset"),
    ("E-Bus Component Supplier Development Programme", "O5", "funding", MIA, "agency", "national", "industry", 6,
     "medium", M25, "new", 28, 2025, "active", "continue", "continue"),
    ("Motorbike Taxi Helmet and Training Drive", "O3", "information", "Road Safety Alliance Marenta", "NGO",
     "Kessa", "health", 9, "low", LT2, "adapt", 1.3, 2025, "active", "continue", "continue"),
    ("Clean Air Action Plans for Kessa and Nuvo Alto", "O2", "analysis", MOE, "ministry", "national",
     "environment", 8, "low", LT2, "new", 1.4, 2025, "completed", "continue", None),
    ("Safe Bus Stops: Lighting and Help Points, Nuvo Alto", "O4", "funding", NUV, "city", "Nuvo Alto",
     "urban planning", 9, "low", LT2, "new", 9.8, 2025, "active", "continue", "continue"),
    ("Mobility-as-a-Service App Pilot", "O1", "funding", "FastRide Marenta", "firm", "Amberport", "digital", 6,
     "high", LT2, "new", 2.4, 2025, "active", "continue", "pivot"),
    ("Local Assembly Skills Academy", "O5", "funding", "Kessa Polytechnic", "university", "Kessa", "education", 8,
     "low", M25, "new", 6.5, 2025, "active", "continue", "scale"),
    ("Roadside Emissions Testing Programme", "O2", "regulation", TPD, "agency", "national", "transport", 9, "low",
     M25, "scale", 6.8, 2024, "active", "continue", "continue"),
    ("School Streets Roll-out, Amberport", "O3", "regulation", AMB, "city", "Amberport", "urban planning", 8, "low",
     LT2, "scale", 1.8, 2026, "active", None, "continue"),
    ("Traffic Signal Priority for Buses, Amberport", "O1", "funding", AMB, "city", "Amberport", "transport", 8,
     "low", LT2, "scale", 5.5, 2024, "active", "scale", "continue"),
    ("Emergency Trauma Response Pilot, Kessa", "O3", "funding", MOH, "ministry", "Kessa", "health", 7, "medium",
     M25, "new", 14, 2025, "active", "continue", "continue"),
    ("Local Content Rules for Public Bus Tenders", "O5", "regulation", "Public Procurement Authority", "agency",
     "national", "industry", 9, "medium", LT2, "new", 0.3, 2026, "active", None, "continue"),
    ("Electric Three-Wheeler Leasing Scheme, Nuvo Alto", "O2", "funding", "Nuvo Alto E-Trike Makers", "firm",
     "Nuvo Alto", "transport", 7, "medium", M25, "scale", 3.9, 2026, "active", None, None),
    ("Mission Communications and Public Campaign", None, "information", "Prime Minister's Delivery Office",
     "ministry", "national", "communications", 9, "low", LT2, "new", 3.2, 2025, "active", "continue", "continue"),
    ("Crash Data Linkage Project", "O3", "analysis", "Marenta Statistics Office", "agency", "national", "digital",
     6, "medium", LT2, "new", 0.8, 2025, "active", "pivot", "continue"),
    ("Commuter Ferry Feasibility Study, Amberport Bay", "O1", "analysis", "National Institute of Transport Research",
     "university", "Amberport", "transport", 3, "high", GT5, "new", 1.1, 2026, "active", None, None),
    ("Solar Canopies for Bus Depots", "O2", "funding", "Sunpeak Solar", "firm", "Kessa", "energy", 8, "low", LT2,
     "new", 2.7, 2025, "paused", "pause", "sunset"),
    ("Electric Motorbike Assembly Line Pilot", "O5", "funding", "E-Moto Marenta", "firm", "Amberport", "industry",
     6, "high", M25, "new", 5.8, 2025, "active", "scale", "continue"),
    ("Affordability Study of Transport Costs for Poor Households", "O4", "analysis", "Urban Poor Federation", "NGO",
     "national", "social protection", 7, "low", LT2, "new", 0.45, 2026, "active", None, None),
    ("Walking and Cycling Network, Kessa", "O1", "funding", KES, "city", "Kessa", "urban planning", 9, "low", M25,
     "adapt", 12, 2026, "active", None, "continue"),
    ("Hydrogen Bus Demonstration", "O2", "funding", MIT, "university", "Amberport", "research", 5, "high", GT5,
     "new", 18, 2025, "active", "continue", "pivot"),
    ("Minibus Driver Fatigue Monitoring Trial", "O3", "funding", "SafeRoads Signals Ltd", "firm", "Amberport",
     "transport", 5, "high", LT2, "new", 0.7, 2026, "active", None, None),
    ("Battery Recycling Feasibility Study", "O5", "analysis", "Amber Cells Battery Works", "firm", "Kessa",
     "industry", 4, "high", M25, "new", 0.9, 2025, "closed", "pause", None),
    ("Employer Shuttle Pooling Pilot, Kessa Industrial Zone", "O1", "funding", "Kessa Auto Assembly", "firm",
     "Kessa", "transport", 7, "medium", LT2, "new", 0.9, 2025, "active", "continue", "continue"),
    ("Safer Vehicle Import Standards Study", "O3", "analysis", "Marenta Standards Bureau", "agency", "national",
     "industry", 8, "low", LT2, "new", 0.4, 2025, "completed", "continue", None),
    ("Nuvo Alto Smart City Dashboard", None, "analysis", NUV, "city", "Nuvo Alto", "digital", 7, "medium", LT2,
     "new", 2.6, 2026, "active", None, None),
    ("Export Market Study for Electric Tricycles", "O5", "analysis", MOIT, "ministry", "national", "industry", 8,
     "low", LT2, "new", 0.6, 2026, "active", None, None),
    ("Remote Work Travel Demand Study", "O1", "analysis", "University of Amberport", "university", "national",
     "research", 4, "low", LT2, "new", 0.5, 2025, "completed", "continue", None),
    ("Supplier Quality Certification Support", "O5", "funding", "Marenta Standards Bureau", "agency", "national",
     "industry", 7, "low", M25, "adapt", 2.2, 2025, "active", "continue", "continue"),
]


def _projects() -> pd.DataFrame:
    cols = ["title", "objective", "instrument", "lead_actor", "lead_actor_type", "city", "sector", "trl", "risk",
            "horizon", "novelty", "budget_mrc_m", "start_year", "status", "decision_2025q4", "decision_2026q4"]
    df = pd.DataFrame(PROJECTS, columns=cols)
    df.insert(0, "project_id", [f"PR{i:02d}" for i in range(1, len(df) + 1)])
    df["budget_mrc_m"] = df["budget_mrc_m"].astype(float)
    df["decision_2027q4"] = None
    return df


# ---------------------------------------------------------------------------
# D3 indicator framework
# ---------------------------------------------------------------------------
STATS = "Marenta Statistics Office"
TRAVEL_SURVEY = "National Household Travel Survey"
INDICATORS = [
    # id, name, objective, level, unit, baseline, baseline_year, m2028, m2030, target, target_year,
    # data_owner, frequency, lag_years, definition_revised, source, notes
    ("I01", "Average one-way commute time in the three cities", "O1", "impact", "minutes", 62, 2024, 58, 56, 50,
     2035, STATS, "annual", 1, None, TRAVEL_SURVEY, "Door-to-door time for trips to work or school, all modes."),
    ("I02", "Residents who can reach work, school and health care within 45 minutes by public transport", "O1",
     "outcome", "% of residents", 45.2, 2024, 58, 64, 80, 2035, AMTA, "annual", 0.5, None,
     "Accessibility model on timetable and street data",
     "Modelled each December from the timetables of formal and informal services."),
    ("I03", "Public transport trips per resident per year", "O1", "outcome", "trips per resident per year", 188,
     2024, 205, 215, 240, 2035, STATS, "annual", 1, None, TRAVEL_SURVEY, None),
    ("I04", "Kilometres of bus lanes built", "O1", "outcome", "km", 14, 2024, 70, 120, 160, 2035, MOT, "annual",
     0.25, None, "Ministry of Transport works register", "Cumulative length in the three cities."),
    ("I05", "Minibus operators holding a formal route contract", "O1", "outcome", "% of operators", None, None, 30,
     50, 80, 2035, MOT, "annual", 0.5, None, "Minibus route licensing register",
     "Register of operators being built in 2026; no baseline yet."),
    ("I06", "Annual mean PM2.5 concentration in the three cities", "O2", "impact", "µg/m³", 38, 2024, 31, 28, 19,
     2035, MOE, "annual", 0.25, None, "National air quality monitoring network",
     "Population-weighted mean of city stations."),
    ("I07", "City buses that are clean", "O2", "outcome", "% of city buses", 6.5, 2024, 25, 40, 70, 2035, MOT,
     "annual", 0.5, 2025, "Vehicle registration database",
     "Until 2024 'clean' meant Euro IV or better (21.0% in 2024). Since 2025 it means zero-emission or Euro VI "
     "(6.5% in 2024 on the new definition)."),
    ("I08", "Zero-emission buses in service", "O2", "output", "buses", 38, 2024, 600, 900, 1800, 2035, MOT,
     "quarterly", 0.25, None, "Bus operators' fleet returns", "Three cities, all operators."),
    ("I09", "Public charging points for electric buses and two- or three-wheelers", "O2", "output",
     "charging points", 12, 2024, 350, 600, 1200, 2035, "National Power Company", "quarterly", 0.25, None,
     "Charging point register", None),
    ("I10", "Spending disbursed on clean bus procurement", "O2", "input", "MRC m, cumulative", 0, 2024, 700, 900,
     1100, 2035, MOF, "quarterly", 0.25, None, "Treasury financial management system",
     "Includes loan disbursements."),
    ("I11", "Road deaths per 100,000 people", "O3", "impact", "deaths per 100,000 people", 18, 2024, 16.5, 15.5,
     12.6, 2035, MOH, "annual", 1, None, "Civil registration and police crash records",
     "Deaths within 30 days of a crash, national."),
    ("I12", "Pedestrians killed or seriously injured in the three cities", "O3", "outcome", "people", 2150, 2024,
     1800, 1600, 1300, 2035, TPD, "annual", 0.5, None, "Police crash records", None),
    ("I13", "Junctions redesigned under the Safe Junctions Programme", "O3", "output", "junctions", 0, 2024, 150,
     300, 450, 2035, MOT, "quarterly", 0.25, None, "Ministry of Transport works register", None),
    ("I14", "Share of household income the poorest fifth spends on transport", "O4", "impact",
     "% of household income", 16, 2024, 14, 13, 10, 2035, STATS, "annual", 2, None,
     "Household Budget Survey", "Results are published about two years after fieldwork."),
    ("I15", "Women who feel safe on public transport at night", "O4", "outcome", "% of women surveyed", 41, 2024,
     49, 53, 61, 2035, MOGSA, "annual", 0.5, None, "Urban safety perception survey",
     "Survey not run in 2020."),
    ("I16", "Bus stops with lighting and a help point", "O4", "output", "% of bus stops", 6, 2024, 40, 60, 90,
     2035, AMTA, "quarterly", 0.25, None, "City asset registers", "Three cities."),
    ("I17", "City transport staff trained in safe and gender-sensitive street design", "O4", "activity",
     "staff trained", 0, 2024, 450, 600, 800, 2030, MOGSA, "quarterly", 0.25, None, "Training records", None),
    ("I18", "New zero-emission buses and two- or three-wheelers assembled in Marenta", "O5", "outcome",
     "% of new vehicles", 8, 2024, 20, 27, 40, 2035, MOIT, "annual", 0.5, None,
     "Vehicle registration database and assembler returns", None),
    ("I19", "Jobs in local assembly of zero-emission vehicles and parts", "O5", "outcome", "jobs", 1350, 2024,
     4000, 6000, 12000, 2035, MOIT, "annual", 1, None, "Annual Enterprise Survey", None),
]
INDICATOR_COLUMNS = ["id", "name", "objective", "level", "unit", "baseline", "baseline_year", "milestone_2028",
                     "milestone_2030", "target", "target_year", "data_owner", "frequency", "lag_years",
                     "definition_revised", "source", "notes"]


def _indicators() -> pd.DataFrame:
    df = pd.DataFrame(INDICATORS, columns=INDICATOR_COLUMNS)
    for col in ("baseline", "milestone_2028", "milestone_2030", "target", "lag_years"):
        df[col] = df[col].astype(float)
    return df


# ---------------------------------------------------------------------------
# D8 monitoring time series
# ---------------------------------------------------------------------------
YEARS = list(range(2018, 2026))
QUARTERS = [(2025, q) for q in range(1, 5)] + [(2026, q) for q in range(1, 4)]

# Annual series: value per year 2018..2025 before noise; None = no value (not published / not run).
# The 2024 value is set exactly to the baseline after noise (except where the definition changed).
ANNUAL: dict[str, tuple[list[float | None], float, int]] = {
    "I01": ([57.5, 58.4, 57.9, 59.3, 60.2, 61.1, 62.0, 61.5], 0.3, 1),
    "I02": ([41.0, 41.6, 42.3, 42.9, 43.6, 44.5, 45.2, 45.9], 0.15, 1),
    "I03": ([210, 206, 171, 184, 190, 189, 188, 191], 1.5, 0),
    "I04": ([2, 3, 3, 6, 8, 11, 14, 21], 0.0, 0),
    "I06": ([33.0, 33.8, 31.2, 34.9, 36.1, 36.8, 38.0, 37.2], 0.4, 1),
    "I07": ([14.0, 15.2, 16.1, 17.3, 18.5, 19.6, 21.0, 8.1], 0.2, 1),
    "I11": ([15.9, 16.3, 15.1, 16.8, 17.2, 17.7, 18.0, 17.6], 0.2, 1),
    "I12": ([1720, 1790, 1610, 1880, 1960, 2070, 2150, 2090], 25, 0),
    "I14": ([13.1, 13.4, 14.2, 14.6, 15.0, 15.6, 16.0, None], 0.1, 1),
    "I15": ([38, 39, None, 37, 39, 40, 41, 42], 0.6, 0),
    "I18": ([3, 3, 4, 5, 6, 7, 8, 9.5], 0.2, 1),
    "I19": ([400, 460, 420, 610, 820, 1090, 1350, 1610], 20, 0),
}
# Quarterly series 2025-Q1 .. 2026-Q3 (cumulative stocks or shares)
QUARTERLY: dict[str, tuple[list[float], int]] = {
    "I08": ([38, 52, 64, 90, 118, 150, 171], 0),
    "I09": ([12, 15, 21, 30, 44, 61, 79], 0),
    "I10": ([4.5, 18.0, 41.5, 86.0, 120.5, 168.0, 212.5], 2),
    "I13": ([0, 2, 5, 9, 14, 19, 26], 0),
    "I16": ([6.0, 6.4, 6.9, 7.3, 8.0, 8.6, 9.5], 1),
    "I17": ([0, 12, 35, 48, 70, 96, 140], 0),
}
NO_NOISE_YEARS = {"I07": {2024, 2025}}  # the definition change must show clearly


def _monitoring(rng: np.random.Generator, indicators: pd.DataFrame) -> pd.DataFrame:
    baseline = indicators.set_index("id")["baseline"]
    rows = []
    for ind, (values, sd, decimals) in ANNUAL.items():
        for year, value in zip(YEARS, values, strict=False):
            noise = rng.normal(0.0, sd) if sd else 0.0
            if value is None:
                continue
            if year == 2024 and ind != "I07":
                v = float(baseline[ind])
            elif year in NO_NOISE_YEARS.get(ind, set()):
                v = float(value)
            else:
                v = float(value) + noise
            rows.append({"indicator_id": ind, "period": str(year), "year": year, "quarter": None,
                         "value": round(v, decimals)})
    for ind, (stocks, decimals) in QUARTERLY.items():
        for (year, quarter), value in zip(QUARTERS, stocks, strict=False):
            rows.append({"indicator_id": ind, "period": f"{year}-Q{quarter}", "year": year, "quarter": quarter,
                         "value": round(float(value), decimals)})
    df = pd.DataFrame(rows)
    order = {ind: i for i, ind in enumerate(indicators["id"])}
    df["_o"] = df["indicator_id"].map(order)
    df = df.sort_values(["_o", "year", "quarter"], na_position="first", kind="stable").drop(columns="_o")
    return df.reset_index(drop=True)


# ---------------------------------------------------------------------------
# D4 stakeholder register
# ---------------------------------------------------------------------------
B, A, X = "board", "assembly", "none"
# (name, type, level, sector, interest, influence, role, seat, engagement). Interest is the organisation's stake
# (how much the mission affects it and how likely it is to act), not its support: that is POSITIONS below.
STAKEHOLDERS = [
    ("Prime Minister's Delivery Office", "ministry", "national", "centre of government", 5, 5,
     "Owns the mission and chairs the mission board", B, "co-deliver"),
    (MOSTI, "ministry", "national", "science and innovation", 4, 5,
     "Funds research and innovation programmes tagged to the mission", B, "co-deliver"),
    (MOT, "ministry", "national", "transport", 5, 5, "Co-leads the mission; owns transport policy and roads", B,
     "co-deliver"),
    (MOE, "ministry", "national", "environment", 5, 4, "Co-leads the mission; owns air quality policy", B,
     "co-deliver"),
    (MOF, "ministry", "national", "finance", 2, 5, "Sets budgets, taxes and the fuel subsidy", B, "consult"),
    (MOH, "ministry", "national", "health", 3, 3, "Runs trauma care and health surveillance", B, "consult"),
    (MOIT, "ministry", "national", "industry", 4, 4, "Leads vehicle assembly and local content policy", B,
     "co-design"),
    (MOEN, "ministry", "national", "energy", 3, 4, "Owns electricity tariffs and charging standards", B, "consult"),
    (MIA, "agency", "national", "science and innovation", 5, 4, "Runs innovation grants, prizes and accelerators",
     B, "co-deliver"),
    (AMB, "city", "city", "city government", 5, 5, "Runs streets, parking and the city mission unit in the capital",
     B, "co-deliver"),
    (KES, "city", "city", "city government", 5, 4, "Runs streets, parking and the city mission unit in Kessa", B,
     "co-deliver"),
    (NUV, "city", "city", "city government", 4, 3, "Runs streets and the city mission unit in Nuvo Alto", B,
     "co-deliver"),
    (MIT, "university", "national", "research", 4, 3, "Leading engineering university; hosts e-mobility research",
     B, "co-design"),
    (MOGSA, "ministry", "national", "social affairs", 4, 2, "Leads gender equality and social protection", A,
     "consult"),
    ("Ministry of Education", "ministry", "national", "education", 2, 2, "Runs schools and school transport", X,
     "inform"),
    ("Ministry of Interior", "ministry", "national", "security", 3, 4, "Oversees the police and traffic enforcement",
     A, "consult"),
    ("National Roads Authority", "agency", "national", "transport", 2, 4, "Builds and maintains national roads", X,
     "inform"),
    ("Marenta Statistics Office", "agency", "national", "statistics", 3, 2,
     "Runs household, travel and enterprise surveys", A, "consult"),
    (AMTA, "agency", "city", "transport", 5, 4, "Plans and contracts public transport in Amberport", A,
     "co-deliver"),
    ("Marenta Standards Bureau", "agency", "national", "standards", 2, 3, "Sets vehicle and product standards", X,
     "inform"),
    (TPD, "agency", "national", "security", 3, 4, "Enforces traffic law and records crashes", A, "consult"),
    ("Public Procurement Authority", "agency", "national", "procurement", 2, 4,
     "Writes procurement rules for all public bodies", X, "none"),
    ("Kessa Transport Department", "agency", "city", "transport", 5, 3, "Plans public transport in Kessa", A,
     "co-deliver"),
    ("Nuvo Alto Planning Office", "agency", "city", "urban planning", 4, 2, "Plans land use in Nuvo Alto", X,
     "consult"),
    ("Marenta Petroleum Corporation", "state-owned enterprise", "national", "fuel", 5, 5,
     "Imports and sells subsidised petrol and diesel", X, "inform"),
    ("National Power Company", "state-owned enterprise", "national", "energy", 3, 4,
     "Generates and distributes electricity; builds depot charging", A, "co-deliver"),
    ("Amberport Bus Company", "state-owned enterprise", "city", "transport", 4, 3,
     "Runs the formal bus network in Amberport", A, "co-deliver"),
    ("Kessa City Buses", "state-owned enterprise", "city", "transport", 4, 2, "Runs formal bus routes in Kessa", A,
     "co-deliver"),
    ("Marenta Railways", "state-owned enterprise", "national", "transport", 2, 3, "Runs intercity and freight rail",
     X, "inform"),
    ("Volta Motors Marenta", "firm", "national", "industry", 5, 3, "Assembles electric buses", A, "co-design"),
    ("Kessa Auto Assembly", "firm", "city", "industry", 4, 3, "Assembles cars and light trucks; plans e-buses", A,
     "co-design"),
    ("Amber Cells Battery Works", "firm", "national", "industry", 4, 2, "Makes battery packs", X, "consult"),
    ("Nuvo Alto E-Trike Makers", "firm", "city", "industry", 5, 2, "Builds electric tricycles", A, "co-design"),
    ("Coastline Construction Group", "firm", "national", "construction", 2, 4, "Main road and flyover contractor",
     X, "inform"),
    ("Marenta Cement and Steel", "firm", "national", "construction", 1, 3, "Supplies materials for road building",
     X, "none"),
    ("ZuriPay Mobile Money", "firm", "national", "digital", 4, 3, "Mobile payments; bidding for e-ticketing", A,
     "co-design"),
    ("FastRide Marenta", "firm", "national", "digital", 3, 3, "Ride-hailing and motorbike taxi app", X, "consult"),
    ("Greenline Energy Solutions", "firm", "national", "energy", 5, 2, "Installs chargers and battery swap stations",
     A, "co-design"),
    ("Harbour Logistics Group", "firm", "city", "freight", 2, 3, "Trucking and port logistics in Amberport", X,
     "inform"),
    ("Marenta Motor Importers Association", "firm", "national", "vehicle trade", 4, 4,
     "Represents importers of used and new vehicles", X, "inform"),
    ("Sunpeak Solar", "firm", "national", "energy", 3, 2, "Solar installer", X, "inform"),
    ("CityData Analytics", "firm", "city", "digital", 4, 1, "Transport data and journey planning software", X,
     "consult"),
    ("Amberport Engineering Consultants", "firm", "city", "engineering", 3, 2, "Designs roads and bus corridors", X,
     "inform"),
    ("Delta Tyres and Parts", "firm", "national", "vehicle trade", 2, 1, "Sells vehicle parts", X, "none"),
    ("Marenta Insurance Company", "firm", "national", "insurance", 3, 2, "Largest motor insurer", X, "inform"),
    ("Kessa Steelworks", "firm", "city", "industry", 2, 2, "Metal parts supplier", X, "none"),
    ("SafeRoads Signals Ltd", "firm", "national", "road safety", 4, 1, "Traffic signals and road safety equipment",
     X, "consult"),
    ("Bluewave Shipping", "firm", "national", "freight", 1, 2, "Coastal shipping", X, "none"),
    ("Nuvo Software House", "firm", "city", "digital", 3, 1, "Software for city services", X, "inform"),
    ("Atlas Fuel Stations", "firm", "national", "fuel", 3, 3, "Fuel retail chain", X, "none"),
    ("Marenta Bus Body Builders", "firm", "national", "industry", 4, 2, "Builds bus bodies on imported chassis", A,
     "consult"),
    ("E-Moto Marenta", "firm", "city", "industry", 5, 2, "Assembles electric motorbikes", X, "consult"),
    ("Amberport Property Developers Association", "firm", "city", "property", 3, 4,
     "Represents developers who build to parking minimums", X, "inform"),
    ("Kessa Textile Mills", "firm", "city", "industry", 2, 2, "Large employer; runs staff shuttles", X, "none"),
    ("Harbourside Retail Group", "firm", "city", "retail", 2, 3, "Shopping centres with large car parks", X, "none"),
    ("Marenta Tech Hub", "firm", "national", "digital", 4, 1, "Start-up incubator", X, "inform"),
    ("Amberport United Minibus Owners Association", "informal-transport association", "city", "transport", 5, 5,
     "Owners of most minibuses in Amberport", X, "inform"),
    ("Amberport Motorbike Taxi Riders Union", "informal-transport association", "city", "transport", 4, 4,
     "Motorbike taxi riders in Amberport", X, "inform"),
    ("Kessa Minibus Drivers and Conductors Association", "informal-transport association", "city", "transport", 5,
     4, "Minibus crews in Kessa", X, "none"),
    ("Kessa Tricycle Operators Association", "informal-transport association", "city", "transport", 4, 3,
     "Tricycle taxi operators in Kessa", X, "inform"),
    ("Nuvo Alto Minibus Cooperative", "informal-transport association", "city", "transport", 4, 4,
     "Runs most minibus routes in Nuvo Alto", X, "none"),
    ("National Federation of Informal Transport Operators", "informal-transport association", "national",
     "transport", 5, 5, "Speaks for minibus and motorbike taxi groups nationally", X, "inform"),
    ("Amberport Route 14 Operators Group", "informal-transport association", "city", "transport", 5, 3,
     "Operators on the busiest corridor, planned for bus rapid transit", X, "none"),
    ("University of Amberport", "university", "city", "research", 4, 2, "Urban planning and economics research", A,
     "co-design"),
    ("Kessa Polytechnic", "university", "city", "education", 4, 2, "Trains technicians and mechanics", A, "consult"),
    ("Nuvo Alto University", "university", "city", "research", 3, 1, "Environmental science research", X,
     "consult"),
    ("Marenta School of Public Health", "university", "national", "health", 4, 2,
     "Research on air pollution and injuries", A, "consult"),
    ("National Institute of Transport Research", "university", "national", "research", 5, 2,
     "Public transport modelling and road safety research", A, "co-design"),
    ("Clean Air Marenta", "NGO", "national", "environment", 5, 2, "Campaigns for cleaner air", A, "co-design"),
    ("Road Safety Alliance Marenta", "NGO", "national", "road safety", 5, 2, "Road safety campaigns and training",
     A, "co-design"),
    ("Walk Marenta", "NGO", "national", "urban planning", 5, 1, "Campaigns for safe walking", X, "consult"),
    ("Cyclists of Amberport", "NGO", "city", "urban planning", 5, 1, "Cycling advocacy", X, "consult"),
    ("Transparency Marenta", "NGO", "national", "governance", 3, 2, "Tracks public spending", X, "inform"),
    ("Marenta Consumer Council", "NGO", "national", "consumer rights", 3, 2, "Speaks for consumers on prices", A,
     "consult"),
    ("Disability Rights Marenta", "NGO", "national", "social affairs", 4, 1, "Accessibility of transport", A,
     "consult"),
    ("Youth for Climate Marenta", "NGO", "national", "environment", 5, 1, "Youth climate campaign", X, "inform"),
    ("Kessa Environmental Forum", "NGO", "city", "environment", 4, 1, "Local environment group", X, "inform"),
    ("Urban Poor Federation", "NGO", "national", "social affairs", 4, 2,
     "Federation of slum dwellers' associations", A, "consult"),
    ("Marenta Taxpayers Union", "NGO", "national", "governance", 3, 3, "Opposes new taxes and charges", X, "inform"),
    ("Nuvo Alto Heritage Trust", "NGO", "city", "culture", 2, 2, "Protects the old town", X, "none"),
    ("Women on the Move Marenta", "women's group", "national", "social affairs", 5, 2,
     "Campaigns for women's safety on public transport", A, "consult"),
    ("Kessa Market Women's Association", "women's group", "city", "trade", 4, 2,
     "Market traders who travel early and late", X, "consult"),
    ("Safe Cities for Women Network", "women's group", "national", "social affairs", 5, 1,
     "Runs safety audits of streets and stops", X, "inform"),
    ("Nuvo Alto Women Traders Union", "women's group", "city", "trade", 4, 1, "Women traders in Nuvo Alto", X,
     "none"),
    ("Women in Engineering Marenta", "women's group", "national", "engineering", 4, 1,
     "Network of women engineers", X, "inform"),
    ("Amberport Domestic Workers Association", "women's group", "city", "labour", 5, 1,
     "Domestic workers with long night commutes", X, "none"),
    ("Amberport Residents' Federation", "citizens' group", "city", "community", 4, 2,
     "Federation of neighbourhood associations", A, "consult"),
    ("Kessa Commuters' Voice", "citizens' group", "city", "community", 5, 1, "Commuters' campaign group", A,
     "consult"),
    ("Nuvo Alto Neighbourhood Councils", "citizens' group", "city", "community", 3, 2, "Elected street councils", X,
     "inform"),
    ("Parents for Safe Schools Amberport", "citizens' group", "city", "community", 5, 1,
     "Parents campaigning for safe school routes", X, "inform"),
    ("Eastside Amberport Residents", "citizens' group", "city", "community", 3, 1, "Residents along Corridor 1", X,
     "none"),
    ("Kessa Old Town Association", "citizens' group", "city", "community", 2, 2, "Old town residents and shops", X,
     "none"),
    ("Students' Union of Marenta", "citizens' group", "national", "education", 4, 1, "Students who rely on buses",
     X, "inform"),
    ("Senior Citizens' Council", "citizens' group", "national", "community", 3, 1, "Older people's organisation",
     X, "none"),
    ("Nuvo Alto Commuters Group", "citizens' group", "city", "community", 4, 1, "Commuters' campaign group", X,
     "inform"),
    ("Harbour District Residents", "citizens' group", "city", "community", 3, 1, "Residents near the port", X,
     "none"),
    ("Meridian Infrastructure Bank", "development bank", "international", "development finance", 4, 5,
     "Lends for bus rapid transit corridors", X, "consult"),
    ("Southbridge Development Bank", "development bank", "international", "development finance", 4, 5,
     "Lends for electric buses and a second corridor", X, "consult"),
    ("Altamira Climate Finance Facility", "development bank", "international", "development finance", 3, 3,
     "Offers guarantees for clean vehicle makers", X, "inform"),
    ("Norvale Development Agency", "donor", "international", "development co-operation", 4, 4,
     "Bilateral donor funding clean air and road safety", A, "consult"),
    ("Clearsky Air Fund", "donor", "international", "environment", 5, 2, "Technical assistance on clean air plans",
     X, "consult"),
    ("Harbourline Cooperation Agency", "donor", "international", "development co-operation", 3, 2,
     "Technical assistance on air quality monitoring", X, "inform"),
    ("UrbanMove Global Partnership", "donor", "international", "transport", 4, 2,
     "Technical assistance on urban mobility plans", X, "inform"),
    ("Tellis Foundation", "donor", "international", "environment", 4, 1, "Small grants for clean air pilots", X,
     "inform"),
    ("Westmere Climate Partnership", "donor", "international", "environment", 4, 2,
     "Technical assistance on emissions inventories", X, "none"),
    ("Arden Road Safety Trust", "donor", "international", "road safety", 5, 1, "Grants for road safety", X,
     "inform"),
]


# Position on the mission's reforms, as the mission team judges it; every organisation not named here supports them.
OPPOSE = (
    "Marenta Petroleum Corporation", "Atlas Fuel Stations", "Marenta Motor Importers Association",
    "Amberport Property Developers Association", "Harbourside Retail Group", "Marenta Taxpayers Union",
    "Amberport United Minibus Owners Association", "Amberport Motorbike Taxi Riders Union",
    "Kessa Minibus Drivers and Conductors Association", "Kessa Tricycle Operators Association",
    "Nuvo Alto Minibus Cooperative", "National Federation of Informal Transport Operators",
    "Amberport Route 14 Operators Group",
)
NEUTRAL = (
    MOF, "Ministry of Education", "National Roads Authority", "Marenta Standards Bureau",
    "Public Procurement Authority", "Marenta Railways", "Coastline Construction Group", "Marenta Cement and Steel",
    "FastRide Marenta", "Harbour Logistics Group", "Delta Tyres and Parts", "Marenta Insurance Company",
    "Kessa Steelworks", "Bluewave Shipping", "Kessa Textile Mills", "Transparency Marenta", "Nuvo Alto Heritage Trust",
    "Eastside Amberport Residents", "Kessa Old Town Association", "Senior Citizens' Council",
    "Harbour District Residents",
)


def _stakeholders() -> pd.DataFrame:
    cols = ["name", "type", "level", "sector", "interest", "influence", "role", "seat", "engagement"]
    df = pd.DataFrame(STAKEHOLDERS, columns=cols)
    df.insert(0, "stakeholder_id", [f"S{i:03d}" for i in range(1, len(df) + 1)])
    assert set(OPPOSE + NEUTRAL) <= set(df["name"]) and not set(OPPOSE) & set(NEUTRAL)
    position = ["oppose" if n in OPPOSE else "neutral" if n in NEUTRAL else "support" for n in df["name"]]
    df.insert(df.columns.get_loc("influence") + 1, "position", position)
    return df


# ---------------------------------------------------------------------------
# D5 survey, items and focus groups
# ---------------------------------------------------------------------------
# (item, dimension, wording, mean answer before group effects)
ITEMS = [
    ("Q01", "R1", "Congestion in my city is a serious problem that needs action now.", 4.5),
    ("Q02", "R1", "Air pollution harms the health of people in my city.", 4.4),
    ("Q03", "R1", "Road deaths and injuries are a serious problem in my city.", 4.4),
    ("Q04", "R1", "The mission's objectives are clear to me.", 3.2),
    ("Q05", "R2", "Senior leaders in government actively support the mission.", 3.4),
    ("Q06", "R2", "The mission will survive a change of government.", 2.5),
    ("Q07", "R2", "The mission grew bottom-up, from ideas raised by cities, communities and local organisations.",
     2.6),
    ("Q08", "R2", "The public would support changes to streets and fares to meet the mission's goals.", 3.0),
    ("Q09", "R3", "It is clear who makes decisions about the mission.", 2.3),
    ("Q10", "R3", "Ministries share information about mission work with each other.", 2.0),
    ("Q11", "R3", "My organisation works well with other ministries and agencies on the mission.", 2.2),
    ("Q12", "R3", "National and city governments co-ordinate their mission work well.", 2.1),
    ("Q13", "R4", "Existing policies in my sector point in the same direction as the mission.", 2.5),
    ("Q14", "R4", "Government policies outside the mission rarely work against its goals.", 1.9),
    ("Q15", "R4", "Regulation and public procurement are used to support the mission, not only grants.", 2.2),
    ("Q16", "R4", "I know which policies in my sector contribute to the mission.", 2.9),
    ("Q17", "R5", "The mission has enough budget to meet its goals.", 1.7),
    ("Q18", "R5", "Mission funding is secure for several years.", 1.8),
    ("Q19", "R5", "The budgets of different ministries are aligned behind the mission.", 1.8),
    ("Q20", "R5", "Development partners' funding is aligned with the mission.", 2.4),
    ("Q21", "R6", "My organisation has staff with the skills to manage a portfolio of projects.", 2.6),
    ("Q22", "R6", "My organisation can stop or change projects that are not working.", 2.3),
    ("Q23", "R6", "My organisation is allowed to experiment and try new approaches.", 2.8),
    ("Q24", "R6", "Procurement rules in my organisation allow innovative purchases.", 2.2),
    ("Q25", "R7", "Local firms could supply the vehicles and services the mission needs.", 3.0),
    ("Q26", "R7", "Universities and research centres work closely with government on mobility.", 2.7),
    ("Q27", "R7", "Community groups and transport operators help design solutions.", 2.5),
    ("Q28", "R8", "Reliable data exist to track progress on the mission's goals.", 2.2),
    ("Q29", "R8", "Monitoring results are used to make decisions about projects.", 2.0),
    ("Q30", "R8", "My organisation shares its data with other organisations working on the mission.", 2.4),
]

# org_type: (count, roles, share of respondents working nationally, mean shift)
RESPONDENT_GROUPS = {
    "ministry": (48, ("senior official", "mid-level official", "technical staff"), 0.85, 0.2),
    "agency": (22, ("senior official", "mid-level official", "technical staff"), 0.6, 0.1),
    "city": (40, ("senior official", "mid-level official", "technical staff"), 0.0, 0.0),
    "state-owned enterprise": (10, ("manager", "technical staff"), 0.3, 0.0),
    "firm": (26, ("manager", "technical staff"), 0.2, -0.1),
    "university": (18, ("researcher",), 0.3, -0.1),
    "NGO": (16, ("manager", "staff or volunteer"), 0.4, -0.3),
    "women's group": (10, ("staff or volunteer",), 0.2, -0.4),
    "citizens' group": (7, ("staff or volunteer",), 0.0, -0.3),
    "informal-transport association": (7, ("operator or driver",), 0.0, -0.6),
}
BOTTOM_UP_SHIFT = {"Kessa": 1.3, "Nuvo Alto": 1.2, "Amberport": -0.2, "national": -0.3}
MISSING_SHARE = 0.012


def _survey(rng: np.random.Generator) -> pd.DataFrame:
    cities = list(case.CITIES)
    weights = np.array([case.CITY_POPULATION[c] for c in cities], dtype=float)
    weights /= weights.sum()
    rows = []
    for org_type, (count, roles, national_share, shift) in RESPONDENT_GROUPS.items():
        for _ in range(count):
            role = roles[int(rng.integers(len(roles)))]
            city = "national" if rng.random() < national_share else cities[int(rng.choice(len(cities), p=weights))]
            person = rng.normal(0.0, 0.35)
            answers = {}
            for item, _dim, _wording, mean in ITEMS:
                mu = mean + person
                if item not in ("Q01", "Q02", "Q03"):
                    mu += shift
                if item == "Q07":
                    mu += BOTTOM_UP_SHIFT[city]
                if org_type == "informal-transport association" and item in ("Q01", "Q03"):
                    mu -= 0.8
                value = int(np.clip(np.rint(mu + rng.normal(0.0, 0.75)), 1, 5))
                answers[item] = None if rng.random() < MISSING_SHARE else value
            rows.append({"role": role, "org_type": org_type, "city": city, **answers})
    df = pd.DataFrame(rows)
    order = rng.permutation(len(df))  # mix the groups, as answers arrive
    df = df.iloc[order].reset_index(drop=True)
    df.insert(0, "respondent_id", [f"R{i:03d}" for i in range(1, len(df) + 1)])
    for item, *_ in ITEMS:
        df[item] = df[item].astype("Int64")
    return df


def _survey_items() -> pd.DataFrame:
    return pd.DataFrame([(i, d, w) for i, d, w, _ in ITEMS], columns=["item", "dimension", "wording"])


FOCUS_GROUPS = [
    ("FG1", "Amberport", "city transport officials", [
        "Every department has its own budget line, so nobody pays for the bus lane that helps everyone.",
        "We found out about the ministry's research call from a newspaper.",
        "The bus rapid transit loan is big, but the money for the street works around it is not there.",
        "We work in silos: roads, parking and buses sit in three different offices.",
        "The mission gave us a reason to sit with the police for the first time.",
        "Our engineers know how to build flyovers, not how to redesign a junction for walking.",
        "Parking rules still force every new building to add car spaces.",
        "We need one budget for the corridor, not five budgets that do not line up.",
    ]),
    ("FG2", "Kessa", "minibus owners and drivers", [
        "If the big buses take our routes, how will we feed our families?",
        "Nobody asked us before they drew the new corridor.",
        "Fuel is cheap now; if the subsidy goes, fares go up and passengers walk.",
        "We would buy electric minibuses if a bank would lend to us.",
        "Police stop us every day, but the potholes never get fixed.",
        "Give us a contract for a route and we will keep a timetable.",
        "Each ministry sends a different person with a different story.",
    ]),
    ("FG3", "Nuvo Alto", "women commuters", [
        "After dark I wait at a stop with no light, so I pay for a motorbike taxi instead.",
        "A third of what I earn goes on getting to the market and back.",
        "The new bus is nice, but it stops running before my shift ends.",
        "Nobody asked women where the stops should go.",
        "The mission started here with our neighbourhood council, not in the capital.",
        "I do not know who to complain to: the city, the bus company or the ministry.",
        "Cheaper fares would help more than a new app.",
        "The lighting pilot on our street made a real difference.",
    ]),
    ("FG4", "national", "ministry officials", [
        "Each ministry defends its own budget; nobody has the job of aligning them behind the mission.",
        "Finance will not touch the fuel subsidy before the election.",
        "Most of the tagged money is research money that was there before the mission.",
        "Our ministry reports to the board, but the real decisions happen in the budget talks.",
        "We have no data on who uses minibuses, so we cannot say if fares are fair.",
        "Procurement rules make it almost impossible to buy something new.",
        "The board meets, but the ministries still work in silos between meetings.",
        "Donors each want their own steering committee and their own reports.",
    ]),
    ("FG5", "Kessa", "firms and researchers", [
        "We could assemble e-buses here if public tenders gave points for local content.",
        "The import duty makes a complete e-bus more expensive, but it protects our assembly line.",
        "Grants come in small pieces from three agencies with three application forms.",
        "The university has the test rig; the firms have the orders; nobody connects them.",
        "Research money is easy to find; money to scale a product is not.",
        "The mission started in Kessa with the assembly zone; the capital came later.",
        "Budgets for charging and for buses are planned by different ministries and do not match.",
    ]),
]


def _focus_groups() -> pd.DataFrame:
    rows = [
        {"group_id": gid, "city": city, "participant_role": role, "statement": s}
        for gid, city, role, statements in FOCUS_GROUPS
        for s in statements
    ]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# D6 readiness scorecard
# ---------------------------------------------------------------------------
ASSESSORS = ("Mission team analyst", "External reviewer (university)", "City mission unit lead")
READINESS = {  # dimension: [(score, evidence) per assessor]
    "R1": [(3, "Problem analysis and baselines exist for all five objectives; Litmus Test done in 2025."),
           (3, "Clear problem statement; root-cause map only for congestion."),
           (2, "City teams still argue over which problem comes first.")],
    "R2": [(4, "Cabinet decision of 3 March 2025 and a named sponsor in the Prime Minister's office."),
           (2, "Mandate exists but no multi-year budget; survey doubts it will outlast the government."),
           (2, "Strong words from the centre; little sign of it at city level.")],
    "R3": [(1, "Board and assembly exist but decisions are taken in budget talks, not by the board."),
           (1, "Board has no informal operators, women's groups or donors; no terms of reference for city units."),
           (0, "No formal link between the city units and the mission team.")],
    "R4": [(1, "Policy scan done: mostly research grants; fuel subsidy and parking rules work against."),
           (2, "Scan complete; a few regulations and two procurement tools."),
           (1, "No policy serves fair access; conflicts not yet addressed.")],
    "R5": [(1, "Tagged budget is mostly existing research money; no dedicated mission line."),
           (1, "Two lenders dominate; small grants overlap; nobody funds fair access."),
           (0, "City units have no budget of their own.")],
    "R6": [(2, "Portfolio skills in the mission team; few elsewhere."),
           (0, "No staff trained in portfolio management outside the team; projects are never stopped."),
           (3, "Kessa has run several street experiments with good results.")],
    "R7": [(2, "Assemblers, a battery maker and a strong engineering university exist."),
           (2, "Actors present but weakly linked; informal operators outside the tent."),
           (3, "Dense local links in Kessa around the assembly zone.")],
    "R8": [(1, "Baselines for most indicators; one with none, one redefined, one with a 2-year lag."),
           (1, "No review cycle yet links monitoring to portfolio decisions."),
           (2, "Quarterly output data flow from the cities.")],
}


def _readiness() -> pd.DataFrame:
    rows = [
        {"dimension": dim, "assessor": assessor, "score": score, "evidence": evidence}
        for dim, scores in READINESS.items()
        for assessor, (score, evidence) in zip(ASSESSORS, scores, strict=False)
    ]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# D7 donor and funding landscape
# ---------------------------------------------------------------------------
DONORS = [
    ("Meridian Infrastructure Bank", "development bank", "concessional loan", 2450, 2025, 2032, "O1;O2", "yes",
     "Transport Sector Working Group"),
    ("Southbridge Development Bank", "development bank", "concessional loan", 1580, 2025, 2031, "O2;O1", "yes",
     "Transport Sector Working Group"),
    ("Altamira Climate Finance Facility", "climate fund", "guarantee", 150, 2026, 2033, "O5", "no", "none"),
    ("Norvale Development Agency", "bilateral donor", "grant", 95, 2024, 2029, "O2;O3", "yes",
     "Clean Air Partners Group"),
    ("Arden Road Safety Trust", "philanthropic foundation", "grant", 12, 2023, 2027, "O3", "no",
     "National Road Safety Council"),
    ("Clearsky Air Fund", "climate fund", "technical assistance", 6.5, 2025, 2027, "O2", "no",
     "Clean Air Partners Group"),
    ("Harbourline Cooperation Agency", "bilateral donor", "technical assistance", 4.2, 2024, 2027, "O2", "no",
     "none"),
    ("UrbanMove Global Partnership", "multilateral partnership", "technical assistance", 3.8, 2025, 2027, "O2;O1",
     "no", "Clean Air Partners Group"),
    ("Westmere Climate Partnership", "bilateral donor", "technical assistance", 3.4, 2026, 2028, "O2", "no", "none"),
    ("Tellis Foundation", "philanthropic foundation", "technical assistance", 2.9, 2025, 2026, "O2", "no", "none"),
]


def _donors() -> pd.DataFrame:
    cols = ["funder", "funder_type", "instrument", "amount_mrc_m", "start_year", "end_year", "objectives",
            "on_budget", "coordination_forum"]
    df = pd.DataFrame(DONORS, columns=cols)
    df["amount_mrc_m"] = df["amount_mrc_m"].astype(float)
    return df


# ---------------------------------------------------------------------------
# Assembly and writing
# ---------------------------------------------------------------------------


def _typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Put columns in dictionary order, cast types and round floats so output is byte-stable."""
    spec = case.DATASETS[name]
    out = pd.DataFrame(index=df.index)
    for col in spec.columns:
        series = df[col.name] if col.name in df.columns else pd.Series([None] * len(df), index=df.index)
        if col.kind == "int":
            out[col.name] = pd.array(
                [None if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA else int(v)
                 for v in series],
                dtype="Int64",
            )
        elif col.kind == "float":
            out[col.name] = pd.to_numeric(series, errors="raise").astype("float64").round(col.decimals or 0)
        else:
            out[col.name] = pd.array(
                [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in series],
                dtype="str",
            )
    return out.reset_index(drop=True)


def generate() -> dict[str, pd.DataFrame]:
    """Every case dataset as a DataFrame, keyed by dataset name (same names as ``case.load``)."""
    rng = np.random.default_rng(SEED)
    indicators = _indicators()
    frames = {
        "policies": _policies(),
        "projects": _projects(),
        "indicators": indicators,
        "stakeholders": _stakeholders(),
        "survey": _survey(rng),
        "survey_items": _survey_items(),
        "focus_groups": _focus_groups(),
        "readiness": _readiness(),
        "donors": _donors(),
        "monitoring": _monitoring(rng, indicators),
        "budget_lines": budget_lines(),
        # D0, the 2024 flashback (module 02): its own generator so the other datasets never change with it
        "causes": generate_choosing.causes(),
        "candidates": generate_choosing.candidates(),
        "consultation": generate_choosing.consultation(np.random.default_rng(SEED + 2)),
    }
    return {name: _typed(name, df) for name, df in frames.items()}


def to_csv_text(df: pd.DataFrame) -> str:
    """The exact CSV text written for a dataset: UTF-8, '\\n' line endings, blanks for missing values."""
    return df.to_csv(index=False, lineterminator="\n", na_rep="")


def write(folder: str | Path | None = None) -> dict[str, Path]:
    """Write the CSV files into ``folder`` (default: the package's case folder). Returns their paths."""
    folder = Path(folder) if folder is not None else CASE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, df in generate().items():
        case.validate(name, df)
        path = folder / case.DATASETS[name].file
        path.write_bytes(to_csv_text(df).encode("utf-8"))
        paths[name] = path
    return paths


def write_data_dictionary(path: str | Path | None = None) -> Path:
    """Write the data dictionary page (default: book/data-dictionary.md in the project)."""
    path = Path(path) if path is not None else BOOK_PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(case.data_dictionary_markdown().encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    paths = write()
    for name, path in paths.items():
        print(f"wrote {path} ({case.DATASETS[name].code} {name})")
    if BOOK_PAGE.parent.is_dir():
        print(f"wrote {write_data_dictionary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
