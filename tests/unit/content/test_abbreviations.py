"""Abbreviations (handbook.content.abbreviations): every abbreviation the
content uses is defined in includes/abbreviations.md (for the tooltips), code,
links and attributes left aside."""
from conftest import ROOT, shipped_sources
from handbook.content import abbreviations


def test_abbreviation_check_on_examples():
    defined = {"VKSND", "Ban TTND", "CBCCVC"}
    text = ("VKSND và Ban TTND; CBCCVC.\nChương III, Nghị định 59/2023/NĐ-CP, 30-CT/TW.\n"
            "`UBND` trong mã; [liên kết](https://x.org/ABC) <span class=\"XYZ\">x</span>\n"
            "TTND một mình; BCĐ chưa định nghĩa.\n*[HĐND]: Hội đồng nhân dân\nHĐND có định nghĩa trên trang.\n")
    assert abbreviations.undefined(text, defined) == [(4, "TTND"), (4, "BCĐ")]


def test_every_abbreviation_used_is_defined():
    defined = abbreviations.definitions((ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"))
    assert {"VKSND", "VKSNDTC", "CBCCVC", "Ban TTND", "BCĐ"} <= set(defined)
    missing = [f"{s.path}:{line}: {token}" for s in shipped_sources()
               for line, token in abbreviations.undefined(s.body, defined, s.body_line)]
    assert not missing, "abbreviations without a definition in includes/abbreviations.md:\n" + "\n".join(missing)
