"""Make the site's web fonts from the full TTFs in fonts/.

Run once when a font changes: `python tools/make_webfonts.py`.
Each weight becomes ONE woff2 file that holds all of Latin and Vietnamese.
We do not split by unicode-range: one family name, one file per style, so no
browser or PDF engine can mix glyphs from two subsets inside a Vietnamese word.
"""
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
# Basic Latin, Latin-1, Latin Extended-A (Đ đ Ă ă Ĩ ĩ Ũ ũ), Ơ ơ Ư ư,
# combining tone marks (for NFD text), Latin Extended Additional (Vietnamese),
# general punctuation, ₫, €, arrows and box/check symbols used by checklists.
UNICODES = (
    "U+0000-017F,U+01A0-01A1,U+01AF-01B0,U+02C6-02DD,U+0300-0323,U+1EA0-1EF9,"
    "U+2000-206F,U+20AB,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+25A1,U+2610-2612,U+2713-2714,U+FFFD"
)

def main() -> None:
    out_dir = ROOT / "docs" / "assets" / "fonts"
    out_dir.mkdir(parents=True, exist_ok=True)
    for ttf in sorted((ROOT / "fonts").glob("NotoSans-*.ttf")):
        options = subset.Options()
        options.flavor = "woff2"
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(ttf), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        target = out_dir / (ttf.stem + ".woff2")
        subset.save_font(font, str(target), options)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")

if __name__ == "__main__":
    main()
