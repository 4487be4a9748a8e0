"""Precompressed copies for nginx's gzip_static (handbook.publish.compress):
only text files worth it, outside dot folders, the same bytes every time."""
from __future__ import annotations

import gzip

from handbook.publish import compress


def test_precompress_selects_text_files_and_is_reproducible(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / ".nginx").mkdir()
    big = "body { color: red }\n" * 200
    (tmp_path / "assets" / "site.css").write_text(big, encoding="utf-8")
    (tmp_path / "assets" / "tiny.js").write_text("x()", encoding="utf-8")
    (tmp_path / "assets" / "site.css.map").write_text(big, encoding="utf-8")
    (tmp_path / "assets" / "font.woff2").write_bytes(b"\0" * 5000)
    (tmp_path / ".nginx" / "hidden.txt").write_text(big, encoding="utf-8")  # dot folders are not served
    candidates = compress.candidates(tmp_path)
    assert candidates == [tmp_path / "assets" / "site.css"]
    first = compress.precompress(candidates)[0].read_bytes()
    assert gzip.decompress(first) == big.encode()
    assert compress.precompress(candidates)[0].read_bytes() == first
