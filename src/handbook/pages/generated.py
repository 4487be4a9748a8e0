"""Pages whose body the build writes.

An editor creates an ordinary page (so it has a place in ``nav``, a title and
an introduction in each language) and asks the build to fill it::

    ---
    title: Bảng kiểm tra
    generate: checklist-inspection
    ---
    # Bảng kiểm tra
    Lời giới thiệu...

The generated Markdown is appended after the editor's text. ``generate`` may
carry an argument after a colon: ``generate: checklist-role:thu-truong``.

mkdocs-static-i18n 1.3.1 crashes on ``File.generated`` pages and re-creates
every File from ``docs_dir``, so pages that exist only in memory are not an
option; real files with a ``generate`` key work in both languages.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Callable, Mapping

from handbook.errors import ContentError
from handbook.content.sources import Source


class Slots:
    """Finished HTML a generator hands over, put in place after Markdown.

    Large generated blocks (a thousand-row checklist table) need no Markdown
    processing; in the Markdown they are a placeholder paragraph, replaced in
    the converted page (the adapter calls ``fill`` in ``on_page_content``).
    """

    def __init__(self):
        self.prefix = "hbslot" + secrets.token_hex(6)
        self.blocks: dict[str, str] = {}

    def place(self, html: str) -> str:
        token = f"{self.prefix}x{len(self.blocks)}"
        self.blocks[token] = html
        return f"\n{token}\n"

    def fill(self, page_html: str) -> str:
        if not self.blocks:
            return page_html
        pattern = re.compile(rf"(?:<p>)?({self.prefix}x\d+)(?:</p>)?")
        return pattern.sub(lambda m: self.blocks.get(m.group(1), m.group(0)), page_html)


@dataclass
class Request:
    source: Source              # the page being filled
    lang: str                   # language being built
    argument: str | None        # text after ':' in ``generate``
    sources: list[Source]       # every source of the site
    extra: dict = field(default_factory=dict)  # anything the adapter passes on
    slots: Slots | None = None  # where finished HTML goes (None: into the Markdown)

    def place(self, html: str) -> str:
        """What stands for a block of finished HTML in the generated Markdown."""
        return self.slots.place(html) if self.slots is not None else html


Generator = Callable[[Request], str]


def parse(spec) -> tuple[str, str | None]:
    kind, _, argument = str(spec).partition(":")
    return kind.strip(), (argument.strip() or None)


def render(spec, request_factory: Callable[[str | None], Request], generators: Mapping[str, Generator]) -> str:
    """The Markdown a page's ``generate: <kind>[:argument]`` asks for, from
    ``generators`` (kind -> function; the build lists them)."""
    kind, argument = parse(spec)
    request = request_factory(argument)
    generator = generators.get(kind)
    if generator is None:
        known = ", ".join(sorted(generators)) or "(none)"
        raise ContentError(
            request.source.path, 2, "generate",
            f"Không có loại trang tự động '{kind}'. Các loại hợp lệ: {known}.",
            f"Unknown generated page kind '{kind}'. Known kinds: {known}.",
            "Sửa giá trị 'generate:' trong front matter.",
            "Fix the 'generate:' value in the front matter.",
        )
    return generator(request)
