"""The sourced reference data: missions, references, glossary, citations, links and generated pages."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from missionkit import catalogue as cat
from missionkit.errors import MissionkitInputError

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- helpers

def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", key.lower())


# --------------------------------------------------------------------------- missions

@pytest.fixture(scope="module")
def missions() -> pd.DataFrame:
    return cat.missions()


@pytest.fixture(scope="module")
def refs() -> pd.DataFrame:
    return cat.references()


def test_at_least_40_missions(missions):
    assert len(missions) >= 40
    assert missions["mission_id"].is_unique


def test_every_mission_has_owner_statement_and_resolvable_sources(missions, refs):
    known = set(refs["key"])
    for col in ("owner", "statement", "source_keys", "mission", "country_or_framework"):
        assert (missions[col].str.len() > 0).all(), f"blank {col}"
    for _, row in missions.iterrows():
        keys = [k.strip() for k in row["source_keys"].split(";")]
        assert keys and all(k in known for k in keys), (row["mission_id"], keys)


def test_deadlines_and_launch_years_in_range_or_explained(missions):
    assert str(missions["deadline"].dtype) == "Int64" and str(missions["launched"].dtype) == "Int64"
    for col in ("deadline", "launched"):
        years = missions[col].dropna()
        assert years.between(1950, 2100).all(), col
    blank = missions[missions["deadline"].isna()]
    assert (blank["deadline_note"].str.len() > 0).all(), "a blank deadline needs a deadline_note"
    eop = missions[missions["deadline_note"].str.contains("End of Parliament")]
    assert len(eop) == 5 and eop["deadline"].isna().all()  # never turned into a made-up year


def test_statements_are_short_paraphrases(missions):
    assert (missions["statement"].str.len() <= 300).all()
    quoted = missions["statement"].str.contains('"') | missions["target"].str.contains('"')
    assert missions.loc[quoted, "status_note"].str.contains("quote", case=False).all()


def test_eu_five_missions_present(missions):
    eu = missions[missions["country_or_framework"].str.startswith("EU") & (missions["kind"] == "mission")]
    assert set(eu["mission"]) == {"Adaptation to Climate Change", "Cancer", "Restore our Ocean and Waters",
                                  "100 Climate-Neutral and Smart Cities", "A Soil Deal for Europe"}
    assert (eu["deadline"] == 2030).all()


def test_japan_moonshot_goals_1_to_10_present(missions):
    moon = missions[missions["country_or_framework"].str.startswith("Japan")]
    goals = sorted(int(re.match(r"Goal (\d+):", m).group(1)) for m in moon["mission"])
    assert goals == list(range(1, 11))
    late = moon[moon["mission"].str.match(r"Goal (8|9|10):")]
    assert late["launched"].isna().all(), "adoption dates of Goals 8-10 are unconfirmed"
    assert late["status_note"].str.contains("unconfirmed").all()
    goal7 = moon[moon["mission"].str.startswith("Goal 7:")].iloc[0]  # decided in 2020, not by CSTI
    assert goal7["launched"] == 2020 and "exact date unconfirmed" in goal7["status_note"]
    assert goal7["owner"].startswith("Headquarters for Healthcare Policy") and "AMED" in goal7["owner"]
    assert "CSTI" not in goal7["owner"] and "moonshot-g7" in goal7["source_keys"]


def test_brazil_nib_m1_to_m6_present(missions):
    nib = missions[missions["country_or_framework"].str.contains("Nova Indústria Brasil")]
    assert sorted(re.match(r"(M\d):", m).group(1) for m in nib["mission"]) == [f"M{i}" for i in range(1, 7)]
    assert (nib["deadline"] == 2033).all() and (nib["launched"] == 2024).all()
    flagged = nib.set_index(nib["mission"].str[:2])["status_note"]
    for m in ("M1", "M4", "M5", "M6"):
        assert "unconfirmed" in flagged[m], m


@pytest.mark.parametrize("pattern", [
    "UK – Industrial Strategy Grand Challenges", "UK – five missions", "Germany – High-Tech Strategy 2025",
    "Germany – Future Strategy", "Netherlands", "Sweden – Vinnova", "Norway", "Korea – K-Moonshot",
    "Colombia", "South Africa", "Nesta", "Mission Innovation", "Australia", "Austria",
])
def test_required_frameworks_present(missions, pattern):
    assert missions["country_or_framework"].str.contains(pattern, regex=False).any()


def test_unconfirmed_and_secondary_items_are_flagged_not_settled(missions):
    by_name = missions.set_index("mission")
    assert "not labelled" in by_name.loc["Three societal grand challenges", "kind"]
    school = by_name.loc["School meals ('A new recipe for school meals')"]
    assert pd.isna(school["deadline"]) and "unconfirmed" in school["status_note"]
    assert "secondary" in by_name.loc["Five core social problems", "status_note"].lower()
    for name in ("NHS fit for the future", "Opportunity for all"):
        assert "secondary" in by_name.loc[name, "status_note"]
    feed = by_name.loc["Sustainable feed"]
    assert pd.isna(feed["deadline"]) and "unconfirmed" in feed["status_note"]
    inclusion = by_name.loc["Inclusion of children and young people"]  # Meld. St. 28 (2024-2025): by 2035
    assert inclusion["deadline"] == 2035 and "no-meld28" in inclusion["source_keys"]
    assert "formally leads it is unconfirmed" in inclusion["status_note"]
    assert set(missions["region"]) <= set(cat.REGIONS)
    assert set(missions["kind"]) <= set(cat.KINDS)


def test_corrected_rows_say_what_the_primary_sources_say(missions, refs):
    """The December 2026 corrections: each row cites its primary source, checked that month."""
    row = missions.set_index("mission_id")
    checked = refs.set_index("key")["last_checked"]
    m51 = row.loc["M51"]  # two biofuel metrics, not one baseline paired with another metric's target
    assert "by 50% from 21.4%" in m51["target"] and "biofuels and electric vehicles" in m51["target"]
    assert "21.4% → 50%" not in m51["target"] and "unconfirmed" in m51["status_note"]
    assert "−28% household carbon emissions vs 2019" in row.loc["M57", "target"]
    assert "19 MtCO2e" in row.loc["M57", "target"]
    assert "hydrogen valleys" in row.loc["M58", "target"] and "hubs" not in row.loc["M58", "target"]
    m62 = row.loc["M62"]
    assert pd.isna(m62["deadline"]) and m62["launched"] == 2018 and "2027–28" in m62["deadline_note"]
    m29 = row.loc["M29"]
    assert "−95% by 2050" in m29["target"] and "2023 amendment" in m29["target"]
    assert "Great Britain" in row.loc["M13", "target"] and "Great Britain" in row.loc["M13", "status_note"]
    assert "reported" in row.loc["M49", "target"] and "unconfirmed" in row.loc["M49", "target"]
    primary = {"M51": "br-radiogov2024", "M57": "nesta-sf", "M36": "moonshot-g7", "M58": "mi-h2valleys",
               "M62": "au-ghfm", "M29": "nl-klimaatwet-2023", "M46": "no-meld28", "M13": "uk-cp2030-gb",
               "M49": "br-gestao2024"}
    for mid, key in primary.items():
        assert key in row.loc[mid, "source_keys"].split(";"), mid
        assert checked[key] == "2026-12" and refs.set_index("key").loc[key, "secondary"] == "no", key


# Low- and middle-income countries (World Bank classification) whose missions the catalogue holds, and the
# continental programmes of African countries. Chile and Uruguay (high income) are deliberately not listed.
LMIC = ("Brazil", "Colombia", "Mexico", "India", "Indonesia", "Viet Nam", "Thailand", "Philippines",
        "South Africa", "Kenya", "Ethiopia", "Rwanda", "Nigeria", "Ghana", "Africa", "African Union")
LMIC_REGIONS = ("Africa", "Asia", "Americas")
MISSION_KINDS = ("mission", "mission-like programme")


def test_catalogue_has_missions_from_low_and_middle_income_countries(missions, refs):
    country = missions["country_or_framework"].str.split(" – ").str[0].str.strip()
    lmic = missions[country.isin(LMIC) & missions["region"].isin(LMIC_REGIONS)
                    & missions["kind"].isin(MISSION_KINDS)]
    assert len(lmic) >= 15, len(lmic)
    assert set(lmic["region"]) == set(LMIC_REGIONS)  # Africa, Asia and Latin America each
    assert not lmic["country_or_framework"].str.contains("United States|Canada").any()
    by_key = refs.set_index("key")
    for _, row in lmic.iterrows():  # owner, target, deadline (or why not), sources, each checked
        assert row["owner"] and row["target"], row["mission_id"]
        assert pd.notna(row["deadline"]) or row["deadline_note"], row["mission_id"]
        keys = row["source_keys"].split(";")
        assert all(by_key.loc[k, "last_checked"] >= "2026-11" for k in keys), row["mission_id"]
        if all(by_key.loc[k, "secondary"] == "yes" for k in keys):  # only secondary sources: say so
            assert re.search(r"secondary|unconfirmed|as reported", row["status_note"], re.I), row["mission_id"]
    new = missions[missions["mission_id"].str[1:].astype(int) > 62]  # the rows added in December 2026
    assert len(new) >= 18 and (new["source_keys"].map(
        lambda ks: all(by_key.loc[k, "last_checked"] == "2026-12" for k in ks.split(";")))).all()


# --------------------------------------------------------------------------- references

def test_references_have_unique_well_formed_keys(refs):
    assert refs["key"].is_unique and refs["brief_key"].is_unique
    assert refs["key"].str.fullmatch(r"[a-z0-9-]+").all()
    assert (refs["key"] == refs["brief_key"].map(_slug)).all()
    assert set(refs["group"]) == set(cat.GROUPS)
    assert {"larrue2021", "opsi-litmus", "eu-2yrs"} <= set(refs["key"])


def test_every_reference_has_a_valid_last_checked_month(refs):
    """Each source carries the month it was last checked (YYYY-MM, a real month, not in the future),
    and the references page prints it in words beside the source."""
    from datetime import date

    assert refs["last_checked"].str.fullmatch(r"20\d\d-(0[1-9]|1[0-2])").all()
    assert (refs["last_checked"] <= date.today().strftime("%Y-%m")).all()
    assert (refs["last_checked"] >= "2026-11").all()  # the course's first verification pass
    text = cat.render_references_page()
    entries = dict(re.findall(r'^<a id="([a-z0-9-]+)"></a>\n\n(.+)$', text, flags=re.M))
    for _, row in refs.iterrows():
        assert entries[row["key"]].endswith(f"Last checked {cat.checked_month(row['last_checked'])}."), row["key"]
    assert cat.checked_month("2026-12") == "December 2026"
    # the sources the December 2026 check verified say so
    for key in ("mi-launch2021", "moonshot-g7", "au-ghfm", "no-meld28", "nhs-feb2016", "oecd-nzblog2024"):
        assert refs.set_index("key").loc[key, "last_checked"] == "2026-12", key


@pytest.mark.parametrize("value,words", [
    ("", "'' is not a month like 2026-12"),
    ("2026-13", "'2026-13' is not a month like 2026-12"),
    ("Dec 2026", "is not a month like 2026-12"),
    ("2099-01", "'2099-01' is a month in the future"),
])
def test_reference_without_a_valid_last_checked_is_refused(tmp_path, value, words):
    path = _copy(tmp_path, "references.csv")
    _edit(path, 5, "last_checked", value)
    with pytest.raises(MissionkitInputError) as err:
        cat.references(path)
    assert (err.value.file, err.value.row, err.value.column) == ("references.csv", 5, "last_checked")
    assert words in err.value.problem


def test_citation_format():
    assert cat.citation("larrue2021") == (
        "Larrue, P. (2021). The design and implementation of mission-oriented innovation policies: A new systemic "
        "policy approach to address societal challenges. OECD Publishing, OECD Science, Technology and Industry "
        "Policy Papers No. 100.")
    assert cat.citation("Larrue2021") == cat.citation("larrue2021")  # the brief's key works too
    assert cat.citation("mal-port") == "OECD Mission Action Lab (n.d.). Mission portfolio management. OECD."
    assert cat.citation("ukro2023").endswith("Results of the first review of the EU Missions published.")


@pytest.mark.parametrize("key,label", [
    ("larrue2021", "Larrue (2021)"), ("mazzdibb2019", "Mazzucato and Dibb (2019)"),
    ("wittmann2020", "Wittmann et al. (2020)"), ("oecd-psi-2022", "OECD (2022)"),
    ("opsi-13reasons", "Tõnurist (c. 2023)"), ("hts-critique", "Table.Media et al. (n.d.)"),
    ("ec-egcall2022", "European Commission (2022)"), ("jiip2018", "JIIP et al. (2018)"),
])
def test_short_labels(key, label):
    assert cat.short_label(key) == label


def test_unknown_key_is_a_plain_language_error():
    with pytest.raises(MissionkitInputError) as err:
        cat.citation("larue2021")
    assert "larue2021" in err.value.problem and "larrue2021" in err.value.fix


def test_one_citation_function_serves_every_form():
    """catalogue.citation gives the full, inline and short forms; missionkit.text (the one wrapper) prints them."""
    from missionkit import text

    assert cat.citation("larrue2021", "inline") == (
        "Larrue, P. (2021), The design and implementation of mission-oriented innovation policies: A new systemic "
        "policy approach to address societal challenges, OECD Publishing, OECD Science, Technology and Industry "
        "Policy Papers No. 100")
    assert cat.citation("larrue2021", "short") == "Larrue (2021)" == cat.short_label("larrue2021")
    # inline drops a publisher the authors already name; full keeps it (as on the references page)
    assert cat.citation("mal-port", "inline") == "OECD Mission Action Lab (n.d.), Mission portfolio management"
    assert cat.citation("mal-port", "full").endswith(". OECD.")
    # secondary sources are marked only when asked, in each form
    assert cat.citation("ppp2024", "inline", mark_secondary=True).endswith(
        "Progressive Policy Think Tank (secondary source)")
    assert cat.citation("ppp2024", "short", mark_secondary=True) == "Singh (2024) (secondary)"
    assert cat.citation("ppp2024", mark_secondary=True).endswith(". (secondary source)")
    assert "secondary" not in cat.citation("ppp2024", "inline")
    assert "secondary" not in cat.citation("larrue2021", "inline", mark_secondary=True)
    # an unknown key: the key itself when asked, a plain-language error by default or for a wrong form
    assert cat.citation("no-such-key", "inline", unknown="key") == "no-such-key"
    with pytest.raises(MissionkitInputError):
        cat.citation("no-such-key", "inline")
    with pytest.raises(MissionkitInputError):
        cat.citation("larrue2021", "long")
    # the one wrapper every module uses prints exactly what the catalogue gives, secondary sources marked
    for key in cat.references()["key"]:
        assert text.cite(key) == cat.citation(key, "inline", mark_secondary=True), key
        assert text.cite_short(key) == cat.citation(key, "short", mark_secondary=True), key
        assert text.cite_full(key) == text.cites_full(key)[0] == cat.citation(key, mark_secondary=True), key
    for cite in (text.cite, text.cite_full, text.cite_short):  # an unknown key shows as itself
        assert cite("no-such-key") == "no-such-key"


_PATH_LITERAL = re.compile(r"""["'](?:[^"'\s]*/)?references\.csv["']""")  # e.g. DATA / "references.csv"
# Strings only code that writes a citation needs: the authors column, the year of an undated source, the mark.
_CITATION_STRINGS = ("authors_or_publisher", "n.d.", "(secondary source)", "(secondary)")
_CITATION_FUNCTIONS = {"citation", "short_label"}
# A citation typed out by hand: "Mazzucato, M. (2018), Mission-Oriented ...", "OECD (c. 2024). When to ..."
_HAND_WRITTEN = re.compile(r"\((?:c\. )?(?:\d{4}(?:–\d{4})?|n\.d\.)\)[,.] [A-Z]")


def _assembles_citations(source: str) -> list[str]:
    """Why a module's source builds or edits citation text itself (empty when it leaves that to the catalogue)."""
    problems = [f"reads {m.group(0)} itself" for m in _PATH_LITERAL.finditer(source)]
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            problems += [f"uses {s!r} (line {node.lineno})" for s in _CITATION_STRINGS if s in node.value]
            if _HAND_WRITTEN.search(node.value):
                problems.append(f"writes a citation by hand (line {node.lineno})")
        # the catalogue's text edited afterwards: citation(k).rstrip("."), citation(k) + " ..."
        edited = [node.value] if isinstance(node, ast.Attribute) else (
            [node.left, node.right] if isinstance(node, ast.BinOp) else [])
        for part in edited:
            if isinstance(part, ast.Call) and getattr(part.func, "attr", getattr(part.func, "id", None)) \
                    in _CITATION_FUNCTIONS:
                problems.append(f"edits the text of catalogue.citation (line {node.lineno})")
    return problems


def test_the_citation_check_catches_hand_made_citations():
    """The check below flags each way the modules used to build citations, and passes a one-line wrapper."""
    by_hand = """
def _cite(key):
    row = refs[refs["key"] == key].iloc[0]
    return f"{row['authors_or_publisher']} ({row['year'] or 'n.d.'}), {row['title']}"
"""
    marked = 'def cite(key):\n    return catalogue.citation(key) + " (secondary source)"\n'
    stripped = 'def _cite(key):\n    return catalogue.citation(key).rstrip(".")\n'
    own_copy = 'REFS = pd.read_csv(DATA / "references.csv")\n'
    typed = 'SOURCE = "Mazzucato (2018), Mission-Oriented Research & Innovation in the European Union"\n'
    for source in (by_hand, marked, stripped, own_copy, typed):
        assert _assembles_citations(source), source
    wrapper = '''def cite(key):
    """Inline citation, e.g. 'Larrue (2021), Title (secondary source)'; keys of references.csv."""
    return catalogue.citation(key, "inline", mark_secondary=True, unknown="key")

WHY = "As Larrue (2021) shows, missions need a portfolio."
'''
    assert _assembles_citations(wrapper) == []


# Modules not yet moved to catalogue.citation (their owners' files), with what they still do.
# Remove an entry when its module is fixed: the test below then asks for that.
_NOT_YET_MOVED = {
    "statements.py": "writes a citation by hand",  # MAZZUCATO_2018, OECD_NZ_2025, OECD_GGSD_2022, OECD_STIO_2023
    "checks.py": "edits the text of catalogue.citation",  # framing/checks.py _sources(): citation(k).rstrip(".")
    "welcome.py": "writes a citation by hand",  # SOURCE
}


def test_only_the_catalogue_reads_references_csv():
    """No other module reads the reference list itself or builds citation text: all use catalogue.citation."""
    problems = {p.name: why for p in sorted((ROOT / "missionkit").rglob("*.py")) if p.name != "catalogue.py"
                for why in [_assembles_citations(p.read_text(encoding="utf-8"))] if why}
    for name, known in _NOT_YET_MOVED.items():
        assert problems.get(name), f"{name} no longer builds citations itself: remove it from _NOT_YET_MOVED"
        if all(why.startswith(known) for why in problems[name]):
            del problems[name]
    assert problems == {}, "use missionkit.catalogue.citation(key, form, mark_secondary=...) instead"


# --------------------------------------------------------------------------- links and anchors

def test_cite_link_format():
    assert cat.cite_link("larrue2021") == "[Larrue (2021)](../book/references.md#larrue2021)"
    assert cat.cite_link("Larrue2021", from_folder="book") == "[Larrue (2021)](references.md#larrue2021)"
    assert cat.cite_link("eu-2yrs", from_folder=".") == "[European Commission (2023)](book/references.md#eu-2yrs)"
    assert cat.cite_link("larrue2021", "solutions", text="OECD [2021]") == \
        r"[OECD \[2021\]](../book/references.md#larrue2021)"
    assert cat.term_link("Mission board") == "[Mission board](../book/glossary.md#term-mission-board)"
    assert cat.unconfirmed_link() == "[What we could not confirm](../book/references.md#unconfirmed)"
    with pytest.raises(MissionkitInputError):
        cat.cite_link("larrue2021", from_folder="../elsewhere")
    with pytest.raises(MissionkitInputError):
        cat.term_link("mission bored")


def _anchors(text: str) -> list[str]:
    return re.findall(r'^<a id="([^"]+)"></a>$', text, flags=re.M)


def test_generated_pages_are_up_to_date():
    assert cat.stale_pages() == [], "run: python -m missionkit.catalogue"
    assert (ROOT / "book" / "references.md").read_text(encoding="utf-8") == cat.render_references_page()
    assert (ROOT / "book" / "glossary.md").read_text(encoding="utf-8") == cat.render_glossary_page()


def test_reference_page_anchors(refs):
    text = cat.render_references_page()
    assert text.count("\n# ") == 0 and text.startswith("# References\n")  # one H1
    anchors = _anchors(text)
    assert anchors.count("unconfirmed") == 1
    assert sorted(a for a in anchors if a != "unconfirmed") == sorted(refs["key"])
    for key in refs["key"]:
        # anchor line, blank line, then the entry naming the brief key
        assert re.search(rf'^<a id="{key}"></a>\n\n\*\*\\\[', text, flags=re.M), key
    assert '<a id="unconfirmed"></a>\n\n## What we could not confirm' in text
    headings = [h for h in re.findall(r"^## (.+)$", text, flags=re.M)]
    assert headings[-len(cat.GROUPS):] == list(cat.GROUPS)
    # every link on the page points at an anchor of the page, and a link with a URL shows it
    assert set(re.findall(r"\(references\.md#([a-z0-9-]+)\)", text)) <= set(anchors)
    for url in refs.loc[refs["url"] != "", "url"]:
        assert f"]({url})" in text


def test_reference_entries_carry_their_flags(refs):
    text = cat.render_references_page()
    entries = dict(re.findall(r'^<a id="([a-z0-9-]+)"></a>\n\n(.+)$', text, flags=re.M))
    assert "Status: re-checked." in entries["larrue2021"]
    assert "not re-checked" in entries["mazzucato2018"] and "unconfirmed" in entries["mazzucato2018"]
    assert "secondary source" in entries["bbcv-sec"] and "secondary source" in entries["ppp2024"]
    assert "includes unconfirmed details" in entries["racer-sec"]
    assert "US\\$250bn" in entries["mi-ghpr"]  # dollar signs escaped for dollarmath
    for _, row in refs.iterrows():
        assert ("not re-checked" in entries[row["key"]]) == (row["verified"] == "no"), row["key"]


def test_glossary_has_40_brief_terms_plus_course_terms_with_anchors():
    g = cat.glossary()
    assert len(g) == 40 + len(COURSE_TERMS) and g["slug"].is_unique and g["term"].is_unique
    text = cat.render_glossary_page()
    assert text.startswith("# Glossary\n") and text.count("\n# ") == 0
    assert sorted(_anchors(text)) == sorted("term-" + g["slug"])
    for _, row in g.iterrows():
        assert f'<a id="term-{row["slug"]}"></a>\n\n' in text
    assert re.search(r"^Mission board\n: An? ", text, flags=re.M)


# Terms the lessons use that brief section 8 lacks: slug -> the words a lesson uses for it.
COURSE_TERMS = {
    "readiness-scorecard": "readiness scorecard", "interest-influence-map": "interest/influence map",
    "engagement-level": "engagement level", "likert-item": "likert item", "wilson-interval": "wilson interval",
    "codebook": "codebook", "sti-trap": "sti trap", "process-tracing": "process tracing", "raci-matrix": "raci matrix",
    "smart": "smart", "racer": "racer",
    # Module 09, financing
    "budget-tagging": "budget tagging", "spending-review": "spending review",
    "performance-budgeting": "performance budgeting", "blended-finance": "blended finance",
    "pre-commercial-procurement": "pre-commercial procurement", "challenge-prize": "challenge prize",
    "regulatory-sandbox": "regulatory sandbox", "conditionality": "conditionality",
    "capital-operating": "operating spending",
    # Module 02, choosing
    "problem-tree": "problem tree", "system-map": "system map", "leverage-point": "leverage point",
    "reinforcing-loop": "reinforcing", "multi-level-perspective": "multi-level perspective",
    "citizens-assembly": "citizens' assembly",
    # issue 18: the three governance bodies
    "steering-committee": "steering committee",
}


def test_course_glossary_terms_are_used_in_lessons_and_say_where_they_come_from():
    g = cat.glossary().iloc[40:]
    assert list(g["slug"]) == list(COURSE_TERMS)
    lessons = " ".join(
        "".join(c["source"]) for path in sorted((ROOT / "notebooks").glob("*.ipynb"))
        for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown").lower()
    for _, row in g.iterrows():
        assert COURSE_TERMS[row["slug"]] in lessons, f"no lesson uses {row['term']!r}"
        # a source for the idea, or the definition says which part is the course's own
        assert row["source_keys"] or re.search(r"\b(this|the) course's\b", row["definition"], re.I), row["term"]
    assert g.set_index("slug").loc["wilson-interval", "source_keys"] == "wilson1927"


def test_anchor_ids_do_not_collide():
    ref_anchors = _anchors(cat.render_references_page())
    term_anchors = _anchors(cat.render_glossary_page())
    assert len(set(ref_anchors)) == len(ref_anchors) and len(set(term_anchors)) == len(term_anchors)
    heading_slugs = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
                     for h in re.findall(r"^#+ (.+)$", cat.render_references_page(), flags=re.M)}
    assert not heading_slugs & set(ref_anchors)


def _course_links() -> list[tuple[str, str, str]]:
    """(file, page, anchor) for every link to references.md#... or glossary.md#... in the course."""
    links = []
    files = list((ROOT / "book").glob("*.md"))
    for folder in ("notebooks", "solutions", "exercises"):
        files += list((ROOT / folder).glob("*.ipynb")) + list((ROOT / folder).glob("*.md"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            nb = json.loads(text)
            text = "\n".join("".join(c["source"]) for c in nb.get("cells", []) if c.get("cell_type") == "markdown")
        for page, anchor in re.findall(r"\]\((?:[./\w-]*/)?(references|glossary)\.md#([^)\s]+)\)", text):
            links.append((str(path.relative_to(ROOT)), page, anchor))
    return links


def test_every_course_link_to_references_or_glossary_hits_an_anchor():
    anchors = {"references": set(_anchors(cat.render_references_page())),
               "glossary": set(_anchors(cat.render_glossary_page()))}
    links = _course_links()
    assert len(links) > 100  # the generated pages themselves link to the references
    broken = [f"{f}: {p}.md#{a}" for f, p, a in links if a not in anchors[p]]
    assert not broken, "links to anchors that do not exist:\n" + "\n".join(broken)


def test_every_cite_link_lands_on_an_anchor(refs):
    anchors = set(_anchors(cat.render_references_page()))
    for key in refs["key"]:
        link = cat.cite_link(key)
        assert link.endswith(f"(../book/references.md#{key})") and key in anchors


# --------------------------------------------------------------------------- bad data files

def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    target.write_bytes((cat.DATA_DIR / name).read_bytes())
    return target


def _edit(path: Path, row: int, column: str, value: str) -> None:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[row - 2, column] = value
    df.to_csv(path, index=False)


@pytest.mark.parametrize("column,value,row,words", [
    ("deadline", "2200", 5, "2200 is outside the years 1950–2100"),
    ("deadline", "soon", 7, "'soon' is not a year"),
    ("launched", "1900", 3, "1900 is outside the years"),
    ("source_keys", "larrue2021;nope2020", 10, "'nope2020' are not in references.csv"),
    ("statement", "x" * 301, 4, "301 characters long; it must be 1 to 300"),
    ("region", "Antarctica", 6, "'Antarctica' is not an allowed value of region"),
    ("owner", "", 8, "The owner cell is empty"),
    ("kind", "vibe", 9, "'vibe' is not an allowed value of kind"),
    ("mission_id", "M01", 12, "'M01' appears more than once (rows 2, 12)"),
])
def test_bad_mission_rows_name_file_row_and_column(tmp_path, column, value, row, words):
    path = _copy(tmp_path, "missions.csv")
    _edit(path, row, column, value)
    with pytest.raises(MissionkitInputError) as err:
        cat.missions(path)
    e = err.value
    assert (e.file, e.row, e.column) == ("missions.csv", row, column)
    assert words in e.problem and e.fix


def test_blank_deadline_without_note_is_refused(tmp_path):
    path = _copy(tmp_path, "missions.csv")
    _edit(path, 2, "deadline", "")
    with pytest.raises(MissionkitInputError) as err:
        cat.missions(path)
    assert err.value.problem == "The deadline is blank but deadline_note does not say why"
    assert (err.value.row, err.value.column) == (2, "deadline_note")


def test_quote_without_note_is_refused(tmp_path):
    path = _copy(tmp_path, "missions.csv")
    _edit(path, 3, "statement", 'Make life "much" better.')
    with pytest.raises(MissionkitInputError) as err:
        cat.missions(path)
    assert "quotation marks" in err.value.problem and "quote" in err.value.fix
    assert (err.value.row, err.value.column) == (3, "status_note")


def test_bad_reference_and_glossary_files(tmp_path):
    refs_path = _copy(tmp_path, "references.csv")
    _edit(refs_path, 3, "key", "larrue2021")
    with pytest.raises(MissionkitInputError) as err:
        cat.references(refs_path)
    assert err.value.column == "key" and err.value.row == 3
    refs_path = _copy(tmp_path, "references.csv")
    _edit(refs_path, 4, "year", "2021a")
    with pytest.raises(MissionkitInputError) as err:
        cat.references(refs_path)
    assert (err.value.row, err.value.column) == (4, "year")
    gloss = _copy(tmp_path, "glossary.csv")
    _edit(gloss, 5, "source_keys", "nowhere")
    with pytest.raises(MissionkitInputError) as err:
        cat.glossary(gloss)
    assert (err.value.file, err.value.row, err.value.column) == ("glossary.csv", 5, "source_keys")


def test_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "missions.csv"
    cat.missions().drop(columns=["owner"]).to_csv(path, index=False)
    with pytest.raises(MissionkitInputError) as err:
        cat.missions(path)
    assert err.value.column == "owner" and "missing" in err.value.problem
    with pytest.raises(MissionkitInputError) as err:
        cat.references(tmp_path / "nothing.csv")
    assert "not found" in err.value.problem


def test_data_dictionary_matches_the_files():
    for table, loader in (("references", cat.references), ("missions", cat.missions), ("glossary", cat.glossary)):
        assert list(cat.data_dictionary(table)["column"]) == list(loader().columns)
    with pytest.raises(MissionkitInputError):
        cat.data_dictionary("nope")


# --------------------------------------------------------------------------- generator CLI and Sphinx hook

def test_generator_writes_and_checks(tmp_path, capsys):
    assert cat.main(["--check", "--book-dir", str(tmp_path)]) == 1  # nothing there yet
    assert cat.main(["--book-dir", str(tmp_path)]) == 0
    assert cat.main(["--check", "--book-dir", str(tmp_path)]) == 0
    page = tmp_path / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    assert cat.main(["--check", "--book-dir", str(tmp_path)]) == 1
    assert "out of date" in capsys.readouterr().err


def test_sphinx_hook_registers_html_anchors():
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    class App:
        transforms = []

        def add_transform(self, t):
            self.transforms.append(t)

        def connect(self, event, handler, priority=500):
            pass

    app = App()
    from missionkit.authoring import book as _book

    meta = _book.setup(app)
    assert meta["parallel_read_safe"] and len(app.transforms) == 1
    transform = app.transforms[0]
    assert transform.default_priority < 879  # before MyST resolves [text](#id) links
    doc = new_document("<test>", get_default_settings(Parser))
    para = nodes.paragraph()
    para += nodes.raw("", '<a id="larrue2021">', format="html")
    para += nodes.raw("", "</a>", format="html")
    para += nodes.raw("", '<span id="not-an-anchor">', format="html")
    doc += para
    transform(doc).apply()
    assert set(doc.myst_slugs) == {"larrue2021"}
    assert doc.myst_slugs["larrue2021"][1] == "larrue2021"
