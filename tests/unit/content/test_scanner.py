"""The Markdown scanner (handbook.content.scanner): the anchors a page
offers, from headings, explicit ids and attribute lists, outside code."""
from handbook.content.scanner import anchors as anchors_of


def test_anchors_from_headings_explicit_ids_and_duplicates():
    # one function for the checklists' basis links, the linter and the indexes
    body = ("# Tiêu đề\n\n## Điều 46. Công khai\n\n## Mục\n\n## Mục\n\n## Article {#dieu-9-x}\n\n"
            "Đoạn có neo { #doan-1 }\n\n<div id=\"hop-a\"></div>\n\n```\n## không\n<p id=\"ma\"></p>\n```\n")
    anchors = anchors_of(body)
    assert {"tieu-de", "dieu-46-cong-khai", "muc", "muc_1", "dieu-9-x", "doan-1", "hop-a"} <= anchors
    assert "khong" not in anchors and "ma" not in anchors
