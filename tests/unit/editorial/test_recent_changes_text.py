"""A commit subject on the editors' "recent changes" page is text: a subject
that names a file pattern (``data/holidays/<year>.yml``) shows as written and
is never taken for an HTML element (which the content allowlist would refuse,
stopping every build)."""
from __future__ import annotations

import datetime as dt

from handbook.content import htmlpolicy
from handbook.content.sources import Source
from handbook.editorial import pages
from handbook.editorial.history import Commit, History
from handbook.pages import generated


def test_a_subject_with_angle_brackets_is_escaped():
    page = Source(path="docs/bien-tap/thay-doi.md", src_uri="bien-tap/thay-doi.md", base_uri="bien-tap/thay-doi.md",
                  lang="vi", meta={"title": "Thay đổi"}, body="", body_line=1, text="")
    chapter = Source(path="docs/a.md", src_uri="a.md", base_uri="a.md", lang="vi", meta={"title": "A"}, body="",
                     body_line=1, text="")
    when = dt.datetime(2026, 12, 6, 10, tzinfo=dt.timezone.utc)
    commit = Commit(sha="a" * 40, when=when, subject="Data in data/holidays/<year>.yml & <script>x</script>",
                    files=("a.md",))
    history = History(commits=[commit], available=True, by_file={"a.md": [commit]})
    ctx = pages.Context(history=history, today=dt.date(2026, 12, 6))
    request = generated.Request(page, "vi", None, [page, chapter])
    markdown = pages.recent_changes_page(request, ctx)
    assert "data/holidays/&lt;year&gt;.yml &amp; &lt;script&gt;" in markdown
    assert "<year>" not in markdown and "<script>" not in markdown
    assert htmlpolicy.check_html(markdown) == []
