"""The example model in CONTRIBUTING.md ("Mẫu văn bản") is a model the
build accepts, and the error it shows is the one the build gives."""
from __future__ import annotations

import re

from handbook.models import parse
from model_fixtures import ROOT


def example() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Mẫu văn bản (`docs/mau-van-ban/`)"):]
    return re.search(r"````markdown\n(.*?)\n````", section, re.S).group(1) + "\n"


def test_the_example_is_a_valid_model():
    model, problems = parse("docs/mau-van-ban/thong-bao-vi-du.md", example())
    assert problems == []
    assert model.serves == ["cong-khai-trong-5-ngay-lam-viec"] and [a.number for a in model.articles] == [47]


def test_the_error_shown_is_the_one_the_build_gives():
    text = example().replace("{{ten_don_vi}} thông báo", "{{ten_don_vj}} thông báo")
    [problem] = parse("docs/mau-van-ban/thong-bao-vi-du.md", text)[1]
    section = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Mẫu văn bản (`docs/mau-van-ban/`)")[1]
    shown = str(problem).split("\n")[:2]
    assert shown[0] in section and shown[1] in section, str(problem)
