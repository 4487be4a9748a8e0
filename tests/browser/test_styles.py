"""What readers see in Chromium: the unverified box looks unlike any other
admonition and is legible; status badges are legible text, not colour alone."""
import re

from conftest import shipped_sources
from handbook.editorial import verification


def rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def luminance(colour) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def page_with_statement_mark() -> str:
    marks = [m for m in verification.find_unverified(shipped_sources())
             if m.kind == "statement" and m.lang == "vi"]
    assert marks, "no '!!! unverified' statement in the content to look at"
    base = marks[0].base_uri[:-3]
    return "/" + (base[: -len("index")] if base.endswith("index") else base + "/")


STYLE = """(sel) => {
  const box = document.querySelector(sel);
  const title = box.querySelector('.admonition-title, summary');
  const icon = getComputedStyle(title, '::before');
  const s = getComputedStyle(box), t = getComputedStyle(title);
  return {border: s.borderLeftStyle, borderColor: s.borderLeftColor, titleBg: t.backgroundColor,
          titleFg: t.color, icon: icon.maskImage || icon.webkitMaskImage, text: title.textContent.trim()};
}"""


def test_unverified_box_has_its_own_legible_style(site_url, page_factory):
    page, watch = page_factory(site_url)
    page.goto(site_url + page_with_statement_mark(), wait_until="networkidle")
    unverified = page.evaluate(STYLE, ".admonition.unverified, details.unverified")
    assert unverified["text"] == "Cần xác minh"
    assert unverified["border"] == "dashed"
    assert "svg" in unverified["icon"]
    assert contrast(rgb(unverified["titleFg"]), rgb(unverified["titleBg"])) >= 7
    # unlike Material's own warning/note boxes
    page.evaluate("""() => { const d = document.createElement('div');
        d.className = 'admonition warning'; d.innerHTML = '<p class="admonition-title">x</p>';
        document.querySelector('article').appendChild(d); }""")
    warning = page.evaluate(STYLE, ".admonition.warning:last-child")
    assert warning["borderColor"] != unverified["borderColor"] and warning["icon"] != unverified["icon"]
    watch.assert_clean()


def test_status_badge_is_legible_text(site_url, page_factory):
    page, watch = page_factory(site_url)
    page.goto(site_url + "/van-ban/qd-51-qd-vkstc/", wait_until="networkidle")
    badge = page.locator(".handbook-regulation .handbook-status").first
    assert badge.inner_text().strip() == "Đã được thay thế"
    colours = badge.evaluate("(b) => { const s = getComputedStyle(b); return [s.color, s.backgroundColor]; }")
    assert contrast(rgb(colours[0]), rgb(colours[1])) >= 4.5
    watch.assert_clean()
