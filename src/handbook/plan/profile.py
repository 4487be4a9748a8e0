"""The unit profile: the same four answers as the checklists' ``applies_if``
(CONTRIBUTING.md, "applies_if") — head-count band ``staff`` ("1-7", "8-99",
"100+"), ``board`` (a People's Inspection Board), ``internal_system`` (an
internal information system), ``dispersed`` (staff working dispersed or
unable to leave their posts). The plan page's script uses the same keys and
values (docs/assets/javascripts/plan.js).
"""
from __future__ import annotations

from dataclasses import dataclass

from handbook.checklists.model import APPLIES_IF_FLAGS, STAFF_BANDS

BANDS = tuple(STAFF_BANDS)                       # ("1-7", "8-99", "100+")
FLAGS = tuple(APPLIES_IF_FLAGS)                  # ("board", "internal_system", "dispersed")
KEYS = ("staff",) + FLAGS


@dataclass(frozen=True)
class Profile:
    staff: str
    board: bool
    internal_system: bool
    dispersed: bool

    def slug(self) -> str:
        """ASCII, file-name safe, stable: ``8-99-ban-htnb-taptrung``."""
        return "-".join((self.staff.replace("+", "plus"),
                         "ban" if self.board else "khongban",
                         "htnb" if self.internal_system else "khonghtnb",
                         "phantan" if self.dispersed else "taptrung"))

    def words(self, lang: str) -> str:
        """"Đơn vị có từ 8 đến 99 người; đơn vị có Ban Thanh tra nhân dân; …"."""
        staff = STAFF_BANDS[self.staff][lang]
        parts = [f"Đơn vị có {staff}" if lang == "vi" else f"A unit of {staff}"]
        parts += [APPLIES_IF_FLAGS[key][bool(getattr(self, key))][lang] for key in FLAGS]
        return "; ".join(parts)

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in KEYS}


def all_profiles() -> list[Profile]:
    """Every consistent profile: no Board in a unit of 7 staff or fewer
    (Luật 10/2022/QH15, Điều 60), so 20 of the 24 combinations."""
    return [Profile(staff, board, internal, dispersed)
            for staff in BANDS for board in (True, False) if not (staff == "1-7" and board)
            for internal in (True, False) for dispersed in (True, False)]


def applies(applies_if: dict, profile: Profile) -> bool:
    """Does an item with these conditions (the checklists' canonical form:
    ``{"staff": ("8-99", "100+"), "board": True}``) apply to the unit?"""
    for key, value in (applies_if or {}).items():
        if key == "staff":
            if profile.staff not in value:
                return False
        elif getattr(profile, key) != bool(value):
            return False
    return True
