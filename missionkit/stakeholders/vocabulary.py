"""Module 06: the vocabulary of a stakeholder register.

Kinds of actor (with plain-language labels and the words participants use for
them), engagement levels, and the EU caps on board and assembly sizes.
"""
from __future__ import annotations

import re
from typing import Any

from missionkit import case

__all__ = [
    "BOARD_MAX", "ASSEMBLY_MAX", "STAKEHOLDER_TYPES", "TYPE_LABELS", "GOVERNMENT_TYPES", "ENGAGEMENT_LEVELS",
    "SHAPING_LEVELS", "HIGH", "one_label", "many_label", "normalise_type",
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




def one_label(t: str) -> str:
    """The plain label for one organisation of kind ``t`` ('city' -> 'city government')."""
    return TYPE_LABELS.get(t, (t, t))[0]


def many_label(t: str) -> str:
    """The plain label for several organisations of kind ``t`` ('city' -> 'city governments')."""
    return TYPE_LABELS.get(t, (t, t + "s"))[1]


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

