"""Hook: remove head alternate links that make Material fetch missing sitemaps."""
from handbook.language_switch import drop_alternate_links


def on_post_page(output, page, config):
    return drop_alternate_links(output)
