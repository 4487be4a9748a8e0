"""Hook: rewrite the theme bundle's third-party script addresses to local copies."""
from pathlib import Path

from handbook.offline import localise_bundle


def on_post_build(config):
    for bundle in Path(config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        new_text, changed = localise_bundle(text)
        if changed:
            bundle.write_text(new_text, encoding="utf-8")
