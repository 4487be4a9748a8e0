"""A published page's last touches (handbook.publish.markup): Material's
invalid markup made valid, status icons in words, absolute language
alternates with site_url. (Over the built site, with the Nu HTML Checker:
tests/site/test_html_valid.py; site_url builds: tests/site/test_site_address.py.)"""
from handbook.pages.regulations import STATUS_LABELS
from handbook.publish import markup


def test_empty_tabindex_and_a_label_for_a_missing_toggle_are_dropped():
    page = ('<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">x</label>'
            '<label class="md-nav__title" for="__toc">Mục lục</label>')
    out = markup.valid_material_markup(page)
    assert 'tabindex=""' not in out and 'for="__toc"' not in out and 'for="__nav_2"' in out
    # a page that has the toggle keeps the label's target
    with_toggle = '<input class="md-toggle" type="checkbox" id="__toc">' + page
    assert 'for="__toc"' in markup.valid_material_markup(with_toggle)
    assert markup.valid_material_markup("<p>x</p>") == "<p>x</p>"


def test_status_icons_say_their_status_in_words():
    nav = ('<a href="luat/">Luật<span class="md-status md-status--in-force"></span></a>'
           '<a href="nd/">Nghị định<span class="md-status md-status--replaced" title="x">\n</span></a>'
           '<a href="x/">X<span class="md-status md-status--odd"></span></a>')
    out = markup.status_in_words(nav, STATUS_LABELS["vi"])
    assert ('<span class="md-status md-status--in-force" title="Còn hiệu lực">'
            '<span class="handbook-sr-only">Còn hiệu lực</span></span>') in out
    assert 'title="Đã được thay thế"><span class="handbook-sr-only">Đã được thay thế</span>' in out
    assert 'md-status--odd" title="odd"' in out  # an unknown status still says something
    assert "In force" in markup.status_in_words(nav, STATUS_LABELS["en"])


def test_alternates_become_absolute_with_an_x_default():
    head = ('<html><head><link rel="canonical" href="https://h.test/cam-nang/">'
            '<link rel="alternate" href="/cam-nang/" hreflang="vi">'
            '<link rel="alternate" href="/en/cam-nang/" hreflang="en"></head><body></body></html>')
    out = markup.absolute_alternates(head, "https://h.test/so-tay/", "vi", "cam-nang/")
    assert '<link rel="alternate" href="https://h.test/so-tay/cam-nang/" hreflang="vi">' in out
    assert '<link rel="alternate" href="https://h.test/so-tay/en/cam-nang/" hreflang="en">' in out
    assert '<link rel="alternate" href="https://h.test/so-tay/cam-nang/" hreflang="x-default">' in out
    relative = head.replace('href="/en/cam-nang/"', 'href="../en/cam-nang/"')
    assert 'href="https://h.test/so-tay/en/cam-nang/" hreflang="en"' in markup.absolute_alternates(
        relative, "https://h.test/so-tay/", "vi", "cam-nang/")
    assert markup.absolute_alternates(head, "", "vi") == head


def test_rows_of_tab_labels_take_the_keyboard_focus():
    row = '<div class="tabbed-set tabbed-alternate"><div class="tabbed-labels"><label for="t1">A</label></div></div>'
    assert '<div class="tabbed-labels" tabindex="0">' in markup.focusable_tab_labels(row)
