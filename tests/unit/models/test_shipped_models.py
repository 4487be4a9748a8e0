"""Every shipped model reads cleanly and says what issue 20 asks of it."""
from __future__ import annotations

from handbook.checklists import collect as collect_items
from handbook.models import html_form, parse
from handbook.models.model import DISCLAIMER
from model_fixtures import DOCS, shipped, shipped_sources


def test_at_least_twelve_models_each_with_an_english_page():
    models = shipped()
    assert len(models) >= 12
    for model in models.values():
        assert (DOCS / f"{model.slug}.en.md").exists(), f"{model.slug} has no English page"
        assert model.slug.isascii() and model.slug == model.slug.lower()
        assert model.base_uri == f"mau-van-ban/{model.slug}.md"


def test_each_model_cites_articles_of_chapter_iii_and_says_it_is_not_an_official_form():
    for model in shipped().values():
        law = [a.number for a in model.articles if a.page == "van-ban/luat-10-2022-qh15.md"]
        assert law and all(46 <= n <= 63 for n in law), (model.slug, law)
        assert all(a.anchor.startswith(f"dieu-{a.number}-") for a in model.articles)
        assert DISCLAIMER in " ".join(model.notes.lower().split()), model.slug


def test_each_model_serves_checklist_items_that_exist():
    items = {item.id for item in collect_items(list(shipped_sources())).items["vi"]}
    for model in shipped().values():
        assert model.serves, model.slug
        assert set(model.serves) <= items, (model.slug, set(model.serves) - items)
        assert model.chapter and model.chapter.startswith("cam-nang/"), model.slug


def test_every_declared_field_is_used_and_labelled_in_both_languages():
    for model in shipped().values():
        assert set(model.uses) == set(model.fields), model.slug
        for field in model.fields.values():
            assert field.vi and field.en and field.vi != field.en, (model.slug, field.name)


def test_heading_block_data_is_complete():
    for model in shipped().values():
        h = model.heading
        assert h.kind and h.title and h.parent and h.issuer, model.slug
        assert h.kind[0].isupper() and not h.kind.isupper(), "kind is written in normal case; Word prints capitals"


def test_same_text_gives_the_same_model():
    model = next(iter(shipped().values()))
    text = (DOCS / f"{model.slug}.md").read_text(encoding="utf-8")
    again, problems = parse(model.path, text, model.base_uri)
    assert problems == []
    assert html_form(again) == html_form(model)
