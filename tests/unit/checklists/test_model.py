"""What an item's fields say in words (handbook.checklists.model): deadlines
in both languages, the months a deadline falls in, conditions and obligation."""
from handbook.checklists.model import deadline_words, due_months


def test_deadline_words_in_both_languages():
    assert deadline_words("yearly", "Q1", "vi") == "Hằng năm, trong quý I"
    assert deadline_words("yearly", "Q1", "en").startswith("Yearly, within Q1")
    assert deadline_words("event", "+5wd", "vi") == "Khi phát sinh, trong 5 ngày làm việc kể từ khi phát sinh"
    assert deadline_words("event", "+15d", "en") == "When the event occurs, within 15 days of the event"
    assert deadline_words(None, "M03", "vi") == "Trong tháng 3"
    assert due_months("yearly", "Q2") == (4, 5, 6)
    assert due_months("half-yearly", None) == (6, 12)
    assert due_months("event", "+5wd") == ()


def test_work_year_deadline_words_and_calendar_months():
    assert deadline_words("yearly", "WY+3m", "vi") == "Hằng năm, trong 3 tháng đầu năm công tác"
    assert deadline_words("yearly", "WY+3m", "en") == "Yearly, within 3 months of the start of the work year"
    assert deadline_words(None, "WY+1m", "en") == "Within 1 month of the start of the work year"
    assert due_months("yearly", "WY+3m") == (1, 2, 3)  # the work year starts in January
    assert due_months("yearly", "WY+12m") == tuple(range(1, 13))


def test_conditions_in_words_for_both_languages():
    from handbook.checklists.model import applies_words, obligation_label
    conditions = {"staff": ("8-99", "100+"), "internal_system": True}
    assert applies_words(conditions, "vi") == (
        "Đơn vị có từ 8 người trở lên (cán bộ, công chức, viên chức, người lao động); "
        "đơn vị có hệ thống thông tin nội bộ (trang thông tin nội bộ)")
    assert applies_words(conditions, "en").startswith("The unit has 8 people or more")
    # bands that do not join read as alternatives
    assert applies_words({"staff": ("1-7", "100+")}, "vi").startswith(
        "Đơn vị có dưới 8 người hoặc từ 100 người trở lên")
    assert applies_words({}, "vi") == ""
    assert obligation_label("law", "vi") == "Quy định của pháp luật"
    assert obligation_label("practice", "en").startswith("Recommended practice")
