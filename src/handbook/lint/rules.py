"""The linter's rules: stable names, family, whether `--fix` repairs them."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    fixable: bool
    summary_vi: str
    summary_en: str


_RULES: dict[str, Rule] = {}


def _rule(name, family, fixable, vi, en):
    _RULES[name] = Rule(name, family, fixable, vi, en)


_rule("encoding", "unicode", False, "Tệp không phải UTF-8", "File is not UTF-8")
_rule("nfc", "unicode", True, "Chữ không ở dạng chuẩn NFC (dấu tách rời)", "Text not in NFC")
_rule("bom", "unicode", True, "Dấu BOM ở đầu tệp", "Byte-order mark at the start of the file")
_rule("zero-width", "unicode", True, "Ký tự vô hình (độ rộng 0)", "Zero-width character")
_rule("no-break-space", "unicode", True, "Dấu cách không ngắt dòng", "No-break space")
_rule("confusable-d", "unicode", True, "Chữ Ð (eth, U+00D0) thay cho Đ", "Ð (eth, U+00D0) instead of Đ")
_rule("cyrillic", "unicode", True, "Chữ Kirin lẫn trong từ Latin", "Cyrillic letter inside a Latin word")
_rule("tone-placement", "tone_placement", True, "Đặt dấu thanh kiểu mới (hoà) thay vì kiểu cũ (hòa)",
      "Tone mark in the modern place (hoà) instead of the traditional one (hòa)")
_rule("front-matter", "frontmatter", False, "Khối thông tin đầu trang sai cú pháp",
      "Malformed front matter")
# The schema's own rules (handbook.schema, owned by the content work).
_rule("front-matter-required", "frontmatter", False, "Thiếu trường bắt buộc của loại trang",
      "Required field missing")
_rule("front-matter-date", "frontmatter", False, "Ngày không đúng dạng NĂM-THÁNG-NGÀY",
      "Date not written YYYY-MM-DD")
_rule("front-matter-value", "frontmatter", False,
      "Giá trị không được phép (ngoài danh sách, sai loại trang, sai kiểu)",
      "Value not allowed (not in the list, wrong page type, wrong kind)")
_rule("html-script", "html", False, "Thẻ <script> trong nội dung", "<script> in content")
_rule("html-iframe", "html", False, "Thẻ <iframe> trong nội dung", "<iframe> in content")
_rule("html-event-handler", "html", False, "Thuộc tính on…= (mã JavaScript)",
      "on…= event-handler attribute")
_rule("javascript-link", "html", False, "Liên kết javascript:", "javascript: link")
_rule("inline-style", "html", False, "Định dạng trực tiếp bằng style=", "Inline style= attribute")
_rule("heading-level", "structure", False, "Tiêu đề nhảy cấp", "Heading skips a level")
_rule("image-alt", "structure", False, "Hình ảnh thiếu mô tả (alt)", "Image without alt text")
_rule("mermaid", "structure", False, "Sơ đồ mermaid (không hiển thị ngoại tuyến)",
      "Mermaid diagram (not supported offline)")
_rule("print-web-only", "structure", False, "Đoạn văn về trang web (nút, trình duyệt, Ctrl+P) sẽ bị in",
      "Paragraph about the web page (buttons, browser, Ctrl+P) would be printed")
_rule("link-target", "links", False, "Liên kết tới trang không tồn tại", "Link to a missing page")
_rule("link-anchor", "links", False, "Liên kết tới mục (#...) không tồn tại",
      "Link to a missing anchor")
# Checklist items (```checklist blocks): the build's validation
# (handbook.checklists.parse and .collect), also reported by the linter.
# A basis link to a missing anchor is reported as link-anchor.
for _name, _vi, _en in (
    ("unclosed", "Khối ```checklist không đóng", "Unclosed ```checklist block"),
    ("yaml", "Khối checklist sai cú pháp YAML", "Checklist block is not valid YAML"),
    ("field", "Trường không được hỗ trợ trong mục bảng kiểm", "Unknown field in a checklist item"),
    ("missing", "Mục bảng kiểm thiếu trường bắt buộc", "Checklist item lacks a required field"),
    ("basis", "Căn cứ thiếu hoặc không có liên kết", "Basis missing or without a link"),
    ("basis-link", "Liên kết căn cứ sai dạng", "Basis link not a relative link to a page"),
    ("id", "Mã mục sai dạng", "Invalid item id"),
    ("duplicate-id", "Mã mục bị trùng", "Duplicate item id"),
    ("text", "Trường văn bản không phải văn bản", "Text field is not text"),
    ("role", "Vai trò không hợp lệ", "Unknown role"),
    ("frequency", "Tần suất không hợp lệ", "Invalid frequency"),
    ("due", "Thời hạn không hợp lệ", "Invalid due"),
    ("obligation", "Loại nghĩa vụ sai, hoặc 'law' mà căn cứ không nêu điều khoản",
     "Invalid obligation, or 'law' without an article in the basis"),
    ("applies-if", "Điều kiện áp dụng (applies_if) không hợp lệ", "Invalid applies_if condition"),
    ("translation", "Mục tiếng Anh không khớp mục tiếng Việt", "English item does not match the Vietnamese item"),
):
    _rule(f"checklist-{_name}", "checklists", False, _vi, _en)

# Content is data, never code (handbook.htmlpolicy's allowlist; handbook.tree).
_rule("html-tag", "html", False, "Thẻ HTML ngoài danh sách cho phép", "HTML element outside the allowlist")
_rule("html-attribute", "html", False, "Thuộc tính HTML ngoài danh sách cho phép",
      "HTML attribute outside the allowlist")
_rule("html-url", "html", False, "Địa chỉ không được phép (ảnh từ máy chủ khác, giao thức lạ)",
      "Address not allowed (image from another host, unknown scheme)")
_rule("front-matter-html", "html", False, "Mã HTML trong thông tin đầu trang", "HTML markup in front matter")
_rule("checklist-html", "html", False, "Mã HTML trong khối checklist", "HTML markup in a checklist block")
_rule("symlink", "files", False, "Liên kết tượng trưng (symlink) trong nội dung", "Symbolic link in the content")
_rule("file-name", "files", False, "Tên tệp sai quy ước", "File name breaks the convention")
_rule("orphan-translation", "files", False, "Bản dịch không có trang gốc tiếng Việt",
      "Translation without a Vietnamese original")
_rule("line-endings", "files", True, "Xuống dòng kiểu Windows (CRLF)", "Windows line ends (CRLF)")
_rule("snippet", "files", False, "Đoạn chèn --8<-- ngoài includes/", "--8<-- snippet outside includes/")
_rule("nesting-depth", "files", False, "Lồng danh sách/trích dẫn quá sâu", "Lists or quotations nested too deep")
_rule("data-yaml", "files", False, "Tệp dữ liệu YAML sai cú pháp", "Invalid YAML in a data file")
_rule("data-html", "files", False, "Mã HTML trong tệp dữ liệu", "HTML markup in a data file")
_rule("config-html", "files", False, "Mã HTML trong nhãn của mkdocs.yml", "HTML markup in a mkdocs.yml label")

# The handbook's terms (data/terminology.yml; handbook.lint.terminology).
_rule("terminology", "terminology", True, "Cách viết bị loại, sửa tự động được (fix: true)",
      "Rejected variant of a term, fixed by --fix (fix: true)")
_rule("terminology-manual", "terminology", False, "Cách viết bị loại, người biên tập sửa (fix: false)",
      "Rejected variant of a term, for the editor to reword (fix: false)")
_rule("terminology-data", "terminology", False, "Danh sách thuật ngữ (data/terminology.yml) sai dạng",
      "Malformed terminology list (data/terminology.yml)")
# The holiday files of the dated plan (data/holidays/<year>.yml; handbook.lint.holidays).
_rule("holidays-data", "holidays", False, "Tệp ngày nghỉ data/holidays/<năm>.yml sai (ngày, nguồn, ngày làm bù…)",
      "Malformed holiday file data/holidays/<year>.yml (dates, sources, make-up days…)")
_rule("nav", "files", False, "Trang ngoài mục lục, hoặc mục lục trỏ tới trang không có",
      "Page missing from the navigation, or navigation naming a missing page")

# Model documents (docs/mau-van-ban/*.md; handbook.models, also read by the build).
for _name, _vi, _en in (
    ("front-matter", "Khối front matter của mẫu không đọc được", "A model's front matter cannot be read"),
    ("heading-missing", "Thiếu thông tin phần đầu văn bản (khối model:)", "Heading-block data missing (model:)"),
    ("heading-value", "Giá trị sai trong khối model: (khóa lạ, sai dạng)",
     "Wrong value under model: (unknown key, wrong shape)"),
    ("signature", "Người ký khai báo sai (quá hai người, thiếu chức danh hoặc họ tên)",
     "Malformed signers (more than two, no title or name)"),
    ("field-declaration", "Khai báo ô điền sai (tên, nhãn, size)", "Malformed field declaration (name, labels, size)"),
    ("field-unknown", "Ô điền {{...}} chưa khai báo trong fields:", "Field {{...}} not declared under fields:"),
    ("field-unused", "Ô điền khai báo nhưng không dùng", "Field declared but never used"),
    ("field-syntax", "Ô điền viết sai cú pháp {{ten_truong}}", "Field not written {{field_name}}"),
    ("markdown-unsupported", "Cú pháp không chuyển được sang Word (liên kết, mã, HTML, hộp ghi chú...)",
     "Markdown the Word file cannot carry (links, code, HTML, admonitions...)"),
    ("heading-level", "Tiêu đề trong văn bản mẫu không phải ###–#####", "Heading in the document not ### to #####"),
    ("list-blank-line", "Danh sách liền dưới đoạn văn, thiếu dòng trống", "List glued to a paragraph"),
    ("list-depth", "Danh sách lồng quá một cấp", "List nested more than one level"),
    ("list-paragraph", "Mục danh sách có đoạn thứ hai", "List item with a second paragraph"),
    ("table", "Bảng thiếu dòng phân cách hoặc lệch số ô", "Table without separator row, or ragged rows"),
    ("markdown-emphasis", "Chữ đậm, nghiêng không đóng", "Unclosed bold or italic"),
    ("body-missing", "Thiếu phần '## Văn bản mẫu' hoặc phần này trống", "No '## Văn bản mẫu' body, or an empty one"),
    ("basis", "Phần giới thiệu không dẫn điều khoản làm căn cứ", "The notes cite no article as legal basis"),
    ("disclaimer", "Phần giới thiệu không nói là mẫu tham khảo, không phải biểu mẫu chính thức",
     "The notes do not say it is a reference model, not an official form"),
):
    _rule(f"model-{_name}", "models", False, _vi, _en)

# The rules, read-only once listed.
RULES = MappingProxyType(_RULES)
