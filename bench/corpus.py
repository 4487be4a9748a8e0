"""Synthetic Vietnamese corpus for the benchmark.

Writes N Vietnamese pages (half of them translated into English) that follow
the project's content conventions: regulation-like pages with ``## Điều N.``
sections, handbook-like pages with checklist items, and Q&A pages whose
answers cite those sections. Deterministic for a given N and seed.
"""
from __future__ import annotations

import random
from pathlib import Path

SYLLABLES = (
    "cán bộ công chức viên chức người lao động cơ quan đơn vị công khai thông tin "
    "bàn quyết định tham gia ý kiến kiểm tra giám sát hội nghị thường kỳ Ban Thanh tra "
    "nhân dân người đứng đầu công đoàn trách nhiệm thực hiện dân chủ ở cơ sở quy chế "
    "kế hoạch công tác năm quý tháng dự toán ngân sách tài sản công đầu tư tuyển dụng "
    "đào tạo bổ nhiệm luân chuyển khen thưởng kỷ luật thi đua báo cáo sơ kết tổng kết "
    "niêm yết bảng tin trang thông tin điện tử nội bộ văn bản thông báo biên bản nghị quyết "
    "phiếu lấy ý kiến hòm thư góp ý đối thoại kiến nghị khiếu nại tố cáo phản ánh "
    "Viện kiểm sát nhân dân tối cao cấp cao tỉnh khu vực Ban Chỉ đạo Tổ Thư ký tự kiểm tra"
).split()
ENGLISH = (
    "officials public employees workers agency unit publicity information discuss decide "
    "opinions inspection supervision conference annual board people head trade union "
    "responsibility grassroots democracy regulation plan budget assets investment "
    "recruitment training appointment notice minutes resolution ballot dialogue petition"
).split()
ROLES = ("thu-truong", "cong-doan", "ban-ttnd", "cbccvc", "ban-chi-dao")
FREQUENCIES = (("yearly", "Q1"), ("half-yearly", "H2"), ("quarterly", None),
               ("event", "+5wd"), ("monthly", None), ("event", "+15d"))


def words(rng: random.Random, vocabulary, count: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def sentence(rng, vocabulary, low=12, high=28) -> str:
    text = words(rng, vocabulary, rng.randint(low, high))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, vocabulary, sentences=4) -> str:
    return " ".join(sentence(rng, vocabulary) for _ in range(sentences))


FRONT = {
    "regulation": (
        "type: regulation\nnumber: \"{n}/2099/BENCH\"\ndoc_type: quyet-dinh\n"
        "issuer: Đơn vị thử nghiệm\nsigned: 2024-01-15\neffective: 2024-02-01\n"
        "status: in-force\nsource_url: https://vbpl.vn/\nowner: Tổ Thư ký Ban Chỉ đạo\n"
        "review_every_months: 12\n"
    ),
    "chapter": "type: chapter\nowner: Tổ Thư ký Ban Chỉ đạo\nreview_every_months: 12\n",
    "qa": "type: qa\ntopic_order: {n}\nowner: Tổ Thư ký Ban Chỉ đạo\nreview_every_months: 12\n",
}


def article_heading(rng, number: int, english: bool, slug_of) -> tuple[str, str]:
    title_vi = f"Điều {number}. " + words(rng, SYLLABLES, 6).capitalize()
    anchor = slug_of(title_vi)
    if english:
        return f"## Article {number}. {words(rng, ENGLISH, 5).capitalize()} {{#{anchor}}}", anchor
    return f"## {title_vi}", anchor


GROUP = 50  # pages per nav sub-section, as editors are asked to keep sections (CONTRIBUTING)


def nav_groups(entries: list[str], size: int = GROUP) -> list[tuple[str, list[str]]]:
    """Split the corpus into nav sub-sections of ``size`` pages.

    A handbook of thousands of pages is not one flat menu: its regulations and
    Q&A fall into groups (by unit, by year). Nested sections are also what lets
    Material's ``navigation.prune`` render only the open group on each page.
    """
    return [(f"Nhóm {start // size + 1:03d}", entries[start:start + size])
            for start in range(0, len(entries), size)]


def write_corpus(docs: Path, pages: int, slug_of, seed: int = 2026) -> list[str]:
    """Write the corpus under ``docs/bench/``; return the nav entries (Vietnamese paths)."""
    root = docs / "bench"
    root.mkdir(parents=True, exist_ok=True)
    kinds = ["regulation", "chapter", "qa"]
    regulation_anchors: list[tuple[str, str]] = []  # (page, anchor)
    nav = []
    for index in range(pages):
        kind = kinds[index % 3]
        name = f"{kind}-{index:04d}.md"
        nav.append(f"bench/{name}")
        translated = index % 2 == 0
        page_rng = random.Random(seed * 100003 + index)
        for english in ((False, True) if translated else (False,)):
            vocab = ENGLISH if english else SYLLABLES
            r = random.Random(page_rng.random())
            title = words(r, vocab, 5).capitalize()
            lines = ["---", f"title: {title}", FRONT[kind].format(n=index).rstrip(), "---", "", f"# {title}", ""]
            lines += [paragraph(r, vocab), ""]
            if kind == "regulation":
                for k in range(1, 7):
                    art_rng = random.Random(index * 10 + k)
                    heading, anchor = article_heading(art_rng, k, english, slug_of)
                    if not english:
                        regulation_anchors.append((f"bench/{name}", anchor))
                    lines += [heading, "", paragraph(r, vocab, 3), ""]
            elif kind == "chapter":
                for k in range(1, 4):
                    lines += [f"## {words(r, vocab, 4).capitalize()}", "", paragraph(r, vocab, 5), ""]
                    target_page, anchor = regulation_anchors[(index + k) % len(regulation_anchors)] \
                        if regulation_anchors else (None, None)
                    frequency, due = FREQUENCIES[(index + k) % len(FREQUENCIES)]
                    basis = (f"\"[Căn cứ]({Path(target_page).name}#{anchor})\"" if target_page
                             else '"[Luật](../van-ban/luat-10-2022-qh15.md)"')
                    lines += ["```checklist", f"id: bench-{index:04d}-{k}",
                              f"requirement: {sentence(r, vocab, 8, 16)}",
                              f"roles: [{ROLES[(index + k) % len(ROLES)]}]",
                              f"basis: {basis}",
                              f"evidence: {sentence(r, vocab, 5, 10)}",
                              "obligation: practice",
                              f"frequency: {frequency}"] + ([f"due: \"{due}\""] if due else []) + ["```", ""]
            else:
                for k in range(1, 6):
                    question = words(r, vocab, 9).capitalize() + "?"
                    target = regulation_anchors[(index * 7 + k) % len(regulation_anchors)] \
                        if regulation_anchors else None
                    label = "**Basis:**" if english else "**Căn cứ:**"
                    link = (f"[{'Article' if english else 'Điều'}]({Path(target[0]).name}#{target[1]})"
                            if target else "[Luật](../van-ban/luat-10-2022-qh15.md)")
                    lines += [f"## {question}", "", paragraph(r, vocab, 2), "", f"{label} {link}", ""]
            suffix = ".en.md" if english else ".md"
            (root / name.replace(".md", suffix)).write_text("\n".join(lines), encoding="utf-8")
    return nav
