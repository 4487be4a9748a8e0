"""Hook: Vietnamese headings get readable ASCII anchors (``#dieu-51-...``).

Wired here rather than with ``!!python/name:`` in mkdocs.yml, which needs the
module on ``sys.path`` before the configuration is read.
"""
from handbook.vietnamese import slugify


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config
