"""The unit's profile and what it makes not applicable
(handbook.checklists.model.applies; checklists.js applies the same rule, see
tests/browser/test_checklist_sessions.py), checked against the Law's
articles on the shipped inspection list: no People's Inspection Board in a
unit of 7 or fewer (Điều 60), the staff conference optional there (Điều 51),
a delegates' conference possible from 100 staff or for dispersed staff
(Điều 51). The facts themselves are those of data/legal-facts.yml."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, shipped_sources
from handbook.checklists import collect
from handbook.checklists.labels import labels
from handbook.checklists.model import applies, coherent_profile
from handbook.checklists.tables import articles, build


def test_applies_false_when_a_stated_fact_contradicts_a_condition():
    conditions = {"staff": ("8-99", "100+"), "board": True}
    assert applies(conditions, {"staff": "1-7"}) is False
    assert applies(conditions, {"staff": "8-99", "board": False}) is False
    assert applies(conditions, {"staff": "100+", "board": True}) is True
    assert applies(conditions, {"staff": "8-99"}) is None          # the Board is not stated
    assert applies(conditions, {}) is None
    assert applies({}, {"staff": "1-7"}) is True                   # an item of every unit
    assert applies({"internal_system": False}, {"internal_system": False}) is True
    assert applies({"internal_system": False}, {"internal_system": True}) is False


def test_a_unit_of_seven_or_fewer_has_no_board_whatever_was_ticked():
    assert coherent_profile({"staff": "1-7", "board": True}) == {"staff": "1-7", "board": False}
    assert coherent_profile({"staff": "8-99", "board": True}) == {"staff": "8-99", "board": True}


def _law_provision(article: int) -> str:
    facts = yaml.safe_load((ROOT / "data" / "legal-facts.yml").read_text(encoding="utf-8"))
    return next(p["fact"] for p in facts["law"]["provisions"] if p["article"] == article)


@pytest.fixture(scope="module")
def inspection():
    # the pages of mkdocs.yml's nav, in order (its order only sorts the rows)
    nav = re.findall(r"- (?:[^:\n]+: )?([\w/-]+\.md)\n", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return build(collect(shipped_sources(), nav), "checklist-inspection", None, "vi", "bang-kiem/kiem-tra.md")


def _law_rows(checklist):
    return [r for r in checklist.rows if r.part == "law"]


def _cites(row, article: str) -> bool:
    return any(re.search(rf"Luật 10/2022/QH15, Điều {article}$", text) for text in articles(row.entry.item))


def _na(row, profile) -> bool:
    return applies(row.applies, coherent_profile(profile)) is False


def test_no_board_in_a_unit_of_seven_or_fewer_article_60(inspection):
    assert "none with 07 staff or fewer" in _law_provision(60)
    board_rows = [r for r in _law_rows(inspection)
                  if r.applies.get("board") is True or _cites(r, 60)]
    assert len(board_rows) >= 5, [r.id for r in board_rows]
    for row in board_rows:
        assert _na(row, {"staff": "1-7"}), f"{row.id} is required of a unit of 7 or fewer"
        assert row.applies_text and "Điều" in row.applies_text  # the reason names its article
    # where there is no Board, the union does its work (Điều 63): that row applies
    substitutes = [r for r in _law_rows(inspection) if r.applies.get("board") is False]
    assert substitutes and all(not _na(r, {"staff": "1-7"}) for r in substitutes)


def test_the_conference_is_optional_in_a_unit_of_seven_or_fewer_article_51(inspection):
    assert "07 or fewer staff: only if found necessary" in _law_provision(51)
    conference = [r for r in _law_rows(inspection) if _cites(r, 51)]
    assert len(conference) >= 5, [r.id for r in conference]
    for row in conference:
        assert _na(row, {"staff": "1-7"}), f"{row.id} is required of a unit of 7 or fewer"
        assert "Điều 51" in row.applies_text or "Điều 6" in row.applies_text
    # and required of a unit of 8 to 99 that is not dispersed, the delegates' rows apart
    required = [r for r in conference if applies(r.applies, {"staff": "8-99", "dispersed": False,
                                                             "board": True}) is True]
    assert len(required) >= 4


def test_a_delegates_conference_from_100_staff_or_for_dispersed_staff_article_51(inspection):
    fact = _law_provision(51)
    assert "100 or more, or fewer but working dispersed over a wide area" in fact
    # the rows on choosing a delegates' conference ("hội nghị đại biểu")
    delegates = [r for r in _law_rows(inspection) if "hội nghị đại biểu" in r.requirement and _cites(r, 51)]
    assert len(delegates) >= 2, [r.id for r in delegates]

    def some_apply(profile):
        return any(applies(r.applies, profile) is True for r in delegates)
    assert some_apply({"staff": "100+", "dispersed": False})
    assert some_apply({"staff": "8-99", "dispersed": True})
    assert not some_apply({"staff": "8-99", "dispersed": False})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_forms_rules_name_the_articles(lang):
    words = labels(lang)
    article = "Điều" if lang == "vi" else "Article"
    assert f"{article} 60" in words["rule_small"] and f"{article} 51" in words["rule_small"]
    assert f"{article} 51" in words["rule_delegates"]


def test_the_same_rule_in_the_browser_script():
    """checklists.js states the Python rule: a unit of 7 or fewer has no Board."""
    script = (ROOT / "docs" / "assets" / "javascripts" / "checklists.js").read_text(encoding="utf-8")
    assert 'if (profile.staff === "1-7") { profile.board = false; }' in script
    assert Path(ROOT / "src" / "handbook" / "checklists" / "model.py").read_text(encoding="utf-8").count(
        'profile.get("staff") == "1-7"') == 1
