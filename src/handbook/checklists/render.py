"""Each ```checklist block, on the page that explains it, becomes an item box.

Rewriting the page's Markdown (on_page_markdown) rather than a superfences
custom fence, because the box holds the basis as ordinary Markdown links: MkDocs
then converts and checks them like any other link, and the box knows the page's
language. A custom fence formatter sees only the fence text — no page, no
language — and its HTML output bypasses MkDocs' link handling. The items are
already parsed by the collector, so nothing is parsed twice.
"""
from __future__ import annotations

from handbook.checklists.labels import labels
from handbook.content.scanner import CHECKLIST_ITEM_PREFIX
from handbook.checklists.model import Item, deadline_words, obligation_label, roles_text
from handbook.checklists.parse import MARKER, find_blocks
from handbook.checklists.tables import applies_text


def item_box(item: Item, lang: str, models: str = "") -> str:
    """An admonition (so it also works nested in another admonition or a
    tab, where raw HTML blocks are not parsed), with the anchor ``ck-<id>`` on
    the requirement paragraph; ``models``: the line naming the model
    documents that serve the item (``handbook.models.links.item_line``)."""
    words = labels(lang)
    basis = "; ".join(" ".join(b.split()) for b in item.basis)
    requirement = " ".join(item.requirement.split())
    lines = [
        f'!!! ck-item "{words["item"]} · {item.id}"',
        "",
        f"    {requirement}",
        f'    {{: #{CHECKLIST_ITEM_PREFIX}{item.id} .ck-item__requirement data-ck-item="{item.id}" }}',
        "",
        f"    - **{words['roles']}:** {roles_text(item.roles, lang)}",
        f"    - **{words['basis']}:** {basis}",
        f"    - **{words['evidence']}:** {' '.join(item.evidence.split())}",
        f"    - **{words['deadline']}:** {deadline_words(item.frequency, item.due, lang)}",
    ]
    if item.obligation:  # a legal requirement or the handbook's practice (issue 17)
        lines.append(f"    - **{words['obligation']}:** {obligation_label(item.obligation, lang)}")
    if item.applies_if:
        lines.append(f"    - **{words['applies_if']}:** {applies_text(item, lang)}")
    if models:
        lines.append(f"    - {models}")
    return "\n".join(lines)


def rewrite(markdown: str, items: list[Item], lang: str, models=None) -> str:
    """Replace the page's checklist blocks by item boxes (cheap when it has none);
    ``models(item)``: the box's line naming the models that serve it."""
    if MARKER not in markdown:
        return markdown
    blocks, _ = find_blocks(markdown)
    if not blocks:
        return markdown
    by_raw = {i.raw: i for i in items}
    lines = markdown.split("\n")
    out: list[str] = []
    position = 0
    for block in blocks:
        out.extend(lines[position:block.start])
        item = by_raw.get(block.raw)
        if item is None:  # another hook changed the block: keep it as written
            out.extend(lines[block.start:block.end + 1])
        else:
            box = item_box(item, lang, models(item) if models else "").split("\n")
            out.extend([""] + [block.indent + l if l else l for l in box] + [""])
        position = block.end + 1
    out.extend(lines[position:])
    return "\n".join(out)
