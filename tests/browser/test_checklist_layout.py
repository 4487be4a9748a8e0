"""Checklist pages on a screen and on paper, in Chromium through nginx and
its security policy (issues 18 and 23):

* at 1366×768 and 390×844 no page is wider than the window and every column
  of every checklist table is within the page (no sideways scroll, nothing
  cut); below ~720 px each row is a card, the requirement first, then basis,
  evidence, result and notes under their column's name;
* the page does not move while it loads (layout shift < 0.1, every checklist
  page of both languages, both sizes);
* axe finds no serious or critical problem at 1280×720, 1366×768, 390×844;
* printed from the browser: A4 landscape forms, the inspection form in at
  most 12 pages, the header row on every page, unit, date, profile, marks
  and notes of a filled session, the signatures on the last page, no web
  controls or addresses.
(Sessions, import, export: test_checklists.py.)"""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import checklist_pages

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}
# the layout shift of a page load, from the browser's own measure
LAYOUT_SHIFT = """new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
})"""
# every checklist table's columns: their box, and whether they are visible
COLUMNS = """() => [...document.querySelectorAll('table.ck-table')].map(t => {
  const box = t.getBoundingClientRect();
  return {table: [box.left, box.right],
          heads: [...t.querySelectorAll('thead th')].map(th => { const b = th.getBoundingClientRect();
                   return [th.textContent.trim(), b.left, b.right, b.width]; })};
})"""


def _pages(site):
    pages = checklist_pages(site)
    english = [p.replace("/bang-kiem/", "/en/bang-kiem/", 1) for p in pages]
    return pages + [p for p in english if (site / p.strip("/") / "index.html").exists()]


@pytest.mark.parametrize("size", sorted(SIZES))
def test_pages_fit_the_window_show_every_column_and_do_not_move(site, nginx_url, page_factory, size):
    width, height = SIZES[size]
    pages = _pages(site)
    assert len(pages) >= 16, pages  # 8 checklists in 2 languages
    page, watch = page_factory(nginx_url, viewport={"width": width, "height": height})
    problems, shifts = [], {}
    for path in pages:
        page.goto(nginx_url + path, wait_until="load")
        page.wait_for_selector(".ck-checklist[data-ck-ready]")
        shifts[path] = page.evaluate(LAYOUT_SHIFT)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{path}: the page is {scroll} px wide in a {width} px window")
        if size == "desktop":
            for table in page.evaluate(COLUMNS):
                left, right = table["table"]
                for name, a, b, w in table["heads"]:
                    if w < 20 or a < left - 1 or b > right + 1 or b > width:
                        problems.append(f"{path}: column {name!r} is cut or hidden ({a:.0f}–{b:.0f} in {left:.0f}–{right:.0f})")
    assert not problems, "\n".join(problems[:20])
    moved = {p: round(v, 3) for p, v in shifts.items() if v >= 0.1}
    assert not moved, f"layout shift of 0.1 or more: {moved}"
    watch.assert_clean()


def test_below_720_px_each_item_is_a_card_with_the_requirement_first(nginx_url, page_factory):
    page, watch = page_factory(nginx_url, viewport={"width": 390, "height": 844})
    page.goto(nginx_url + "/bang-kiem/kiem-tra/", wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    row = page.locator('tr[data-ck-part="law"]').first
    cells = row.locator("td")
    tops = [cells.nth(i).bounding_box() for i in range(cells.count())]
    names = [cells.nth(i).get_attribute("class") for i in range(cells.count())]
    assert names == ["ck-c-no", "ck-c-req", "ck-c-basis", "ck-c-evidence", "ck-c-result", "ck-c-note"]
    # number and requirement side by side at the top, then one cell under the other
    assert abs(tops[0]["y"] - tops[1]["y"]) < 4 and tops[0]["x"] < tops[1]["x"]
    ys = [box["y"] for box in tops[1:]]
    assert ys == sorted(ys) and len(set(round(y) for y in ys)) == len(ys)
    for box in tops[2:]:
        assert box["width"] > 300  # the full width of the card
    # each cell says which column it is (the header row is off screen, for screen readers)
    label = page.evaluate("el => getComputedStyle(el, '::before').content", cells.nth(2).element_handle())
    assert label == '"Căn cứ"'
    assert page.locator("table.ck-table thead").first.bounding_box()["height"] <= 1
    # the result's choices sit side by side, each box beside its label
    options = row.locator(".ck-opt")
    first, second = options.nth(0).bounding_box(), options.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 4 and first["height"] >= 24  # easy to touch
    # the roles keep the table's meaning for screen readers whatever the display
    assert page.locator("table.ck-table").first.get_attribute("role") == "table"
    assert row.get_attribute("role") == "row"
    watch.assert_clean()


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_serious_or_critical_axe_violation_on_checklist_pages(nginx_url, page_factory, size):
    from test_accessibility import BLOCKING, axe_violations, describe
    page, watch = page_factory(nginx_url, viewport={"width": size[0], "height": size[1]})
    found = []
    # one page of each of the three layouts: the inspection list (results,
    # practices apart), a list of tasks (the self-check's and the roles'),
    # the calendar (its month grid)
    for path in ("/bang-kiem/kiem-tra/", "/bang-kiem/vai-tro-ban-ttnd/", "/en/bang-kiem/lich-nam/"):
        page.goto(nginx_url + path, wait_until="load")
        page.wait_for_selector(".ck-checklist[data-ck-ready]")
        blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
        found += [f"{path}: {line}" for line in describe(blocking)]
    assert not found, "\n".join(found)
    assert not watch.csp_violations, watch.csp_violations


# ---------------------------------------------------------------- paper

def _print(page, path, out):
    page.pdf(path=str(out), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(out)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    pages = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(out), "-"],
                            capture_output=True, text=True).stdout for n in range(1, len(sizes) + 1)]
    return sizes, pages


def test_the_inspection_form_prints_on_at_most_12_a4_landscape_pages(nginx_url, page_factory, tmp_path):
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(nginx_url + "/bang-kiem/kiem-tra/", wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    rows = page.locator("tr[data-ck-row]").count()
    sizes, pages = _print(page, "/bang-kiem/kiem-tra/", tmp_path / "blank.pdf")
    assert rows >= 45 and len(pages) <= 12, f"{rows} items on {len(pages)} pages"
    assert all(float(w) > float(h) and abs(float(w) - 842) < 2 for w, h in sizes)  # A4 landscape
    text = "\n".join(pages)
    for words in ("Đơn vị được kiểm tra:", "Ngày kiểm tra:", "Hồ sơ đơn vị", "Từ 7 người trở xuống",
                  "Yêu cầu theo quy định của pháp luật", "Thực hành khuyến nghị của Cẩm nang (không chấm điểm)",
                  "Tổng hợp kết quả"):
        assert words in text, words
    for page_text in pages:  # the header row on every page
        assert re.search(r"STT\s+(Yêu cầu|Thực hành khuyến nghị)\s+Căn cứ", page_text), page_text[:300]
    assert "Đại diện đơn vị" in pages[-1] and "(Ký, ghi rõ họ tên)" in pages[-1]
    assert re.search(rf"^\s*{rows}\s", pages[-1], re.M)  # the signatures keep with the last row
    for web in ("Phiên kiểm tra", "Xuất Excel", "Tải mẫu trống", "giải thích", "http", "Sửa trang"):
        assert web not in text, web
    # on paper the requirement is the widest column
    page.emulate_media(media="print")
    heads = page.eval_on_selector("table.ck-table--inspection",
                                  "t => [...t.querySelectorAll('th')].map(th => [th.className, th.offsetWidth])")
    assert max(heads, key=lambda h: h[1])[0] == "ck-c-req", heads
    page.emulate_media(media="null")  # back to the screen (no emulation)

    # a filled session prints its unit, date, profile, marks and notes
    page.fill("[data-ck-session-field=unit]", "VKSND khu vực 7")
    page.fill("[data-ck-session-field=date]", "2026-12-04")
    page.fill("[data-ck-session-field=inspectors]", "Đoàn kiểm tra số 2")
    page.select_option("[data-ck-profile=staff]", "8-99")
    first = page.locator('tr[data-ck-part="law"]').first.get_attribute("data-ck-row")
    page.locator(f'input[data-ck-item="{first}"][value="chua-dat"]').check()
    page.locator(f'textarea[data-ck-item="{first}"]').fill("Chưa có biên bản niêm yết")
    page.locator(f'textarea[data-ck-item="{first}"]').press("Tab")
    sizes, pages = _print(page, "/bang-kiem/kiem-tra/", tmp_path / "filled.pdf")
    assert len(pages) <= 12
    text = "\n".join(pages)
    for words in ("VKSND khu vực 7", "04/12/2026", "Đoàn kiểm tra số 2", "Chưa có biên bản niêm yết",
                  "Không áp dụng với đơn vị này"):
        assert words in text, words
    watch.assert_clean()


@pytest.mark.parametrize("path", ["/bang-kiem/tu-kiem-tra/", "/bang-kiem/lich-nam/", "/en/bang-kiem/vai-tro-thu-truong/"])
def test_the_other_lists_print_as_landscape_forms(nginx_url, page_factory, tmp_path, path):
    page, watch = page_factory(nginx_url, viewport={"width": 1366, "height": 768})
    page.goto(nginx_url + path, wait_until="load")
    page.wait_for_selector(".ck-checklist[data-ck-ready]")
    sizes, pages = _print(page, path, tmp_path / "list.pdf")
    assert all(float(w) > float(h) for w, h in sizes)
    rows = page.locator("tr[data-ck-row]").count()
    assert len(pages) <= rows // 5 + 2, f"{rows} rows on {len(pages)} pages"
    assert "(Ký, ghi rõ họ tên)" in pages[-1] or "(Signature and full name)" in pages[-1]
    assert "http" not in "\n".join(pages)
    watch.assert_clean()
