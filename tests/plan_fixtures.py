"""The dated plan's test data: the shipped holiday files for 2025–2027 (the
years the vectors were worked out for) and checklist items as the plan
receives them — plain dicts, modelled on the handbook's items (docs/cam-nang/)
in the checklists' canonical form (``applies_if`` staff bands as a tuple)."""
from __future__ import annotations

import functools
import json

from conftest import ROOT
from handbook.plan import workdays

HOLIDAYS = ROOT / "data" / "holidays"
VECTORS = json.loads((ROOT / "tests" / "fixtures" / "plan" / "vectors.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def calendar() -> workdays.WorkCalendar:
    """2025–2027 from the shipped files (shared: never modify it)."""
    return workdays.build(2025, 2027, HOLIDAYS)


def _item(item_id, requirement, frequency, due=None, applies_if=None, articles=(), calculator=None):
    return {"id": item_id, "requirement": requirement, "frequency": frequency, "due": due,
            "applies_if": applies_if or {}, "articles": articles, "calculator": calculator,
            "basis": "; ".join(f"Luật 10/2022/QH15, Điều {a}" for a in articles),
            "link": f"/cam-nang/x/#ck-{item_id}"}


ITEMS = [
    _item("hoi-nghi-to-chuc-hang-nam", "Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động thường kỳ.",
          "yearly", "WY+3m", {"staff": ("8-99", "100+")}, (51,)),
    _item("hoi-nghi-dai-bieu-phan-tan", "Thống nhất hội nghị toàn thể hay đại biểu khi CBCCVC làm việc phân tán.",
          "yearly", "WY+3m", {"staff": ("8-99",), "dispersed": True}, (51,)),
    _item("cong-khai-ke-hoach-quy-1", "Công khai kế hoạch công tác quý I.", "yearly", "Q1", None, (46,)),
    _item("cong-khai-trong-5-ngay-lam-viec", "Công khai văn bản chậm nhất 05 ngày làm việc kể từ ngày ban hành.",
          "event", "+5wd", None, (47,)),
    _item("cong-khai-dang-tai-20-ngay", "Đăng tải trên hệ thống thông tin nội bộ ít nhất 20 ngày liên tục.",
          "event", None, {"internal_system": True}, (48,), calculator="+20d"),
    _item("cong-khai-cung-cap-thong-tin", "Cung cấp thông tin khi CBCCVC yêu cầu.", "event", None, None, (48,)),
    _item("ban-quyet-dinh-so-ket-6-thang", "Sơ kết việc thực hiện nghị quyết 6 tháng một lần.", "half-yearly",
          None, None, (52,)),
    _item("ban-ttnd-chuong-trinh-cong-tac", "Ban TTND xây dựng chương trình công tác hằng quý.", "quarterly",
          None, {"board": True}, (62,)),
    _item("ban-ttnd-bau-theo-nhiem-ky", "Hội nghị bầu Ban TTND nhiệm kỳ 02 năm.", "every-2-years", None,
          {"staff": ("8-99", "100+")}, (60, 49)),
    _item("ban-ttnd-bau-truong-ban", "Ban TTND bầu Trưởng ban.", "every-2-years", None, {"board": True}, (63,)),
    _item("ban-ttnd-tra-loi-kien-nghi", "Người đứng đầu trả lời kiến nghị của Ban TTND trong 15 ngày.", "event",
          "+15d", {"board": True}, (63,)),
    _item("quy-che-dan-chu", "Ban hành quy chế dân chủ ở cơ sở của đơn vị.", "once", None, None, (59,)),
    _item("phoi-hop-cong-doan", "Thể hiện bằng văn bản sự phối hợp với Ban Chấp hành công đoàn.", "yearly",
          None, None, (52,)),
    _item("so-theo-doi-thang", "Cập nhật sổ theo dõi ý kiến của CBCCVC.", "monthly", None, None, (54,)),
]
