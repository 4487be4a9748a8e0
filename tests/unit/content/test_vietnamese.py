"""Vietnamese text helpers: readable ASCII anchors and folding."""
import unicodedata

import pytest

from handbook.content.vietnamese import fold, slugify, strip_diacritics


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Điều 51. Hội nghị cán bộ, công chức", "dieu-51-hoi-nghi-can-bo-cong-chuc"),
        ("Điều 46. Những nội dung người đứng đầu cơ quan, đơn vị phải công khai",
         "dieu-46-nhung-noi-dung-nguoi-dung-dau-co-quan-don-vi-phai-cong-khai"),
        ("Luật số 10/2022/QH15", "luat-so-10-2022-qh15"),
        ("Ban Thanh tra nhân dân (Ban TTND)", "ban-thanh-tra-nhan-dan-ban-ttnd"),
        ("ĐẠI HỘI – “Ưu tiên” ở Ơ", "dai-hoi-uu-tien-o-o"),
        ("Quý I: hội nghị", "quy-i-hoi-nghi"),
        ("  --Khoảng trắng--  ", "khoang-trang"),
    ],
)
def test_slugify_gives_readable_ascii(heading, slug):
    assert slugify(heading, "-") == slug


def test_slugify_is_the_same_for_nfd_input():
    heading = "Điều 51. Hội nghị cán bộ"
    assert slugify(unicodedata.normalize("NFD", heading)) == slugify(heading)


def test_fold_maps_d_stroke_and_drops_marks():
    assert fold("Đảng ĐOÀN đồng") == "dang doan dong"
    assert strip_diacritics("Ưu Ơ Ă Â") == "Uu O A A"


def test_dates_follow_each_languages_convention():
    import datetime as dt

    from handbook.content.dates import format_date

    assert format_date(dt.date(2025, 2, 5), "vi") == "05/02/2025"
    assert format_date(dt.date(2023, 7, 1), "en") == "1 July 2023"


def test_language_of_a_source_comes_from_its_suffix():
    from handbook.content.sources import split_language

    assert split_language("cam-nang/cong-khai.en.md") == ("en", "cam-nang/cong-khai.md")
    assert split_language("cam-nang/cong-khai.md") == ("vi", "cam-nang/cong-khai.md")
    assert split_language("index.en.md") == ("en", "index.md")
