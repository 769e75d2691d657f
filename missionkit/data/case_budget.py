"""D9 the mission's budget lines (FICTIONAL): generated here, written by ``generate_case``.

One row per budget line and year: who holds the money, which project and objective it serves,
capital or operating, where the money comes from (source and funder), the instrument, what was
planned and what was spent. Deterministic: no random numbers. The lines are consistent with
D2 (projects: ids, objectives, lead organisations, budgets) and D7 (donors: only funders whose
money is on the national budget appear here).

Spending: 2025 is a full year; 2026 is spent to the case date (15 November 2026); later years
are blank (not yet spent).
"""
from __future__ import annotations

import pandas as pd

__all__ = ["BUDGET_LINES", "SPENT_SHARE", "budget_lines"]

AMTA = "Amberport Metropolitan Transport Authority"
MOT = "Ministry of Transport"
MOE = "Ministry of Environment"
MOIT = "Ministry of Industry and Trade"
MOSTI = "Ministry of Science, Technology and Innovation (MoSTI)"
MIA = "Marenta Innovation Agency (MIA)"
MIT = "Marenta Institute of Technology"
AMB = "Amberport City Government"
KES = "Kessa City Government"
NUV = "Nuvo Alto City Government"
TREASURY = "Ministry of Finance"
MERIDIAN = "Meridian Infrastructure Bank"
SOUTHBRIDGE = "Southbridge Development Bank"
NORVALE = "Norvale Development Agency"
ALTAMIRA = "Altamira Climate Finance Facility"

NAT, LOAN, GRANT, CITY, PRIV = ("national budget", "development bank loan", "donor grant", "city budget",
                                "private co-investment")


def _years(first: int, *amounts: float) -> dict[int, float]:
    return {first + i: a for i, a in enumerate(amounts)}


# (project, objective, budget holder, purpose, spending type, source, funder, instrument, {year: planned MRC m})
BUDGET_LINES: list[tuple[str, str, str, str, str, str, str, str, dict[int, float]]] = [
    # O1 Access
    ("PR01", "O1", AMTA, "Corridor 1: busway, stations and first 120 buses (service opens 2029)", "capital", LOAN,
     MERIDIAN, "loan", _years(2025, 120, 200, 220, 240, 180)),
    ("PR01", "O1", MOT, "Corridor 1: land and utility works (national counterpart)", "capital", NAT, TREASURY,
     "public provision", _years(2025, 20, 25)),
    ("PR03", "O1", KES, "Kessa corridor: busway and 60 buses (service opens 2031)", "capital", LOAN, SOUTHBRIDGE,
     "loan", _years(2026, 60, 90, 110, 90, 60)),
    ("PR04", "O1", AMB, "Bus priority lanes", "capital", CITY, AMB, "public provision", _years(2025, 10, 12, 16)),
    ("PR07", "O1", AMTA, "Smart card ticketing for three cities", "capital", NAT, TREASURY, "procurement",
     _years(2025, 10, 14, 10)),
    ("PR16", "O1", AMTA, "Bus network redesign studies", "operating", NAT, TREASURY, "procurement",
     _years(2025, 2.4, 2.4)),
    ("PR24", "O1", NUV, "Feeder minibus service contracts", "operating", CITY, NUV, "procurement",
     _years(2026, 1.5, 2.0, 2.0, 2.0, 2.0)),
    # O2 Clean air
    ("PR02", "O2", "Amberport Bus Company", "Electric bus fleet, Amberport", "capital", LOAN, SOUTHBRIDGE, "loan",
     _years(2025, 20, 30, 30, 40, 40, 40, 70, 70, 70, 70)),
    ("PR05", "O2", MOT, "Clean urban bus fleet renewal", "capital", NAT, TREASURY, "grant",
     _years(2025, 10, 10, 10, 10, 10, 10, 20, 20, 25, 25)),
    ("PR11", "O2", "National Power Company", "Depot charging for electric buses", "capital", NAT, TREASURY,
     "public provision", {2025: 8, 2026: 10, 2031: 20, 2032: 20}),
    ("PR10", "O2", MOE, "Air quality monitoring network: running costs", "operating", GRANT, NORVALE, "grant",
     _years(2025, 2, 2, 2, 2, 2)),
    ("PR13", "O2", MIA, "Two- and three-wheeler electrification pilots", "capital", NAT, TREASURY, "grant",
     _years(2025, 5, 6, 5, 5)),
    ("PR20", "O2", AMB, "Low-emission zone pilot: enforcement", "operating", CITY, AMB, "public provision",
     _years(2026, 1.2, 1.2, 1.2)),
    ("PR47", "O2", MIT, "Hydrogen bus demonstration", "capital", NAT, TREASURY, "grant", _years(2025, 6, 6, 6)),
    # O3 Safety
    ("PR08", "O3", MOT, "Safe junctions: works at 200 junctions", "capital", NAT, TREASURY, "public provision",
     _years(2025, 15, 20, 27)),
    ("PR08", "O3", MOT, "Safe junctions: signal and crossing maintenance", "operating", NAT, TREASURY,
     "public provision", {2026: 1.0, **{y: 1.5 for y in range(2027, 2036)}}),
    ("PR18", "O3", MOT, "National road safety strategy: secretariat", "operating", NAT, TREASURY,
     "public provision", _years(2025, 3, 3, 3)),
    ("PR23", "O3", "Traffic Police Directorate", "Speed limit enforcement, phase 2", "operating", NAT, TREASURY,
     "public provision", _years(2025, 5, 6, 6)),
    ("PR37", "O3", "Ministry of Health", "Emergency trauma response pilot, Kessa", "operating", GRANT, NORVALE,
     "grant", _years(2025, 4, 5, 5)),
    ("PR22", "O3", NUV, "Pedestrian safety works", "capital", CITY, NUV, "public provision", _years(2025, 2.5, 3)),
    # O4 Fair access
    ("PR15", "O4", AMTA, "Low-income fare discount", "operating", NAT, TREASURY, "subsidy",
     _years(2026, 12, 12, 12, 12, 12, 12)),
    ("PR21", "O4", "Kessa City Buses", "Women's night bus pilot", "operating", CITY, KES, "public provision",
     _years(2025, 0.6, 0.6)),
    ("PR31", "O4", NUV, "Safe bus stops: lighting and help points", "capital", CITY, NUV, "public provision",
     _years(2025, 4, 5.8)),
    ("PR31", "O4", NUV, "Safe bus stops: upkeep", "operating", CITY, NUV, "public provision",
     {y: 0.3 for y in range(2027, 2036)}),
    # O5 Local value
    ("PR14", "O5", MOIT, "Electric vehicle assembly zone, Kessa: site works", "capital", NAT, TREASURY,
     "public provision", _years(2025, 10, 15, 15)),
    ("PR14", "O5", MOIT, "Electric vehicle assembly zone, Kessa: tenants' bank loans", "capital", PRIV, ALTAMIRA,
     "guarantee", _years(2026, 10, 12, 10)),
    ("PR17", "O5", MOSTI, "Battery and electric drive research grants", "capital", NAT, TREASURY, "grant",
     _years(2025, 20, 22, 23, 23)),
    ("PR26", "O5", MIT, "University-industry e-mobility centres", "operating", NAT, TREASURY, "grant",
     _years(2025, 10, 10, 11, 11)),
    ("PR28", "O5", MIA, "Supplier development programme", "capital", NAT, TREASURY, "grant", _years(2025, 6, 7, 7, 8)),
    ("PR38", "O5", "Public Procurement Authority", "Local content rules for bus tenders", "operating", NAT, TREASURY,
     "public provision", {2026: 0.3}),
    ("PR44", "O5", MIA, "Stake in an electric motorbike assembly start-up", "capital", NAT, TREASURY, "equity",
     _years(2025, 2.8, 3.0)),
]

# Share of the plan spent, by budget holder: 2025 (whole year) and 2026 (to 15 November 2026).
SPENT_SHARE: dict[str, tuple[float, float]] = {
    MOIT: (0.4, 0.3),
    MOSTI: (0.8, 0.65),
    MIA: (0.85, 0.7),
    MIT: (0.9, 0.7),
}
DEFAULT_SPENT = (0.9, 0.75)


def budget_lines() -> pd.DataFrame:
    """D9 as a DataFrame in the data dictionary's column order (before typing)."""
    rows = []
    n = 0
    for project, objective, holder, purpose, kind, source, funder, instrument, plan in BUDGET_LINES:
        n += 1
        share = SPENT_SHARE.get(holder, DEFAULT_SPENT)
        for year, planned in sorted(plan.items()):
            spent = None
            if year == 2025:
                spent = round(planned * share[0], 2)
            elif year == 2026:
                spent = round(planned * share[1], 2)
            rows.append({"line_id": f"BL{n:02d}", "year": year, "budget_holder": holder, "project_id": project,
                         "objective": objective, "purpose": purpose, "spending_type": kind, "source": source,
                         "funder": funder, "instrument": instrument, "planned_mrc_m": float(planned),
                         "spent_mrc_m": spent})
    return pd.DataFrame(rows)
