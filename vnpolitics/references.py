"""References to Party and state documents: rule-based extraction and normalisation to canonical ids.

The rules are specified in ``corpus/REFERENCES.md``: Party documents become ``35-NQ/TW``, state
documents keep the state's own form (``339/QĐ-TTg``, ``170/2024/QH15``), plenum resolutions become
``NQTW4-XII`` and laws are named (``Luật An ninh mạng``). Short forms ("Nghị quyết 35") resolve to
the fully qualified id only when the same text states exactly one such document; otherwise they
stay partial. No model is needed, so :func:`extract_references` is cheap and usable on its own.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

#: Type words, and their abbreviations as they appear before a number ("NQ 35-NQ/TW").
TYPE_WORDS = (
    "Nghị quyết", "Kết luận", "Quy định", "Chỉ thị", "Đề án", "Kế hoạch", "Quyết định", "Thông tư",
    "Nghị định", "Hướng dẫn", "Thông báo", "Công văn", "Pháp lệnh", "Thông tư liên tịch", "Nghị quyết liên tịch",
)  # fmt: skip
_ABBREVIATIONS = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "QĐ": "Quyết định", "KH": "Kế hoạch", "NĐ": "Nghị định",
    "Luật": "Luật",  # "Luật số 106": a law cited by its number alone (capitalised only)
}  # fmt: skip

#: The type a code names, when no type word says it ("35-NQ/TW" alone).
_TYPE_OF_CODE = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "QĐi": "Quy định", "QĐ": "Quyết định", "QĐNS": "Quyết định",
    "CT": "Chỉ thị", "ĐA": "Đề án", "KH": "Kế hoạch", "HD": "Hướng dẫn", "TB": "Thông báo", "NĐ": "Nghị định",
    "TT": "Thông tư", "CV": "Công văn", "PL": "Pháp lệnh", "QH": "Nghị quyết", "TTLT": "Thông tư",
}  # fmt: skip

#: Issuer codes of Party bodies (after the slash in Party order, after the dash in state order).
PARTY_ISSUERS = {
    "TW": "Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối",
    "TVTU": "Ban Thường vụ Tỉnh ủy", "BCS": "Ban cán sự đảng", "BCSĐ": "Ban cán sự đảng",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương", "BTGTW": "Ban Tuyên giáo Trung ương", "BTCTW": "Ban Tổ chức Trung ương",
    "VPTW": "Văn phòng Trung ương Đảng", "BBT": "Ban Bí thư", "TƯ": "Trung ương", "ĐUQSTW": "Quân ủy Trung ương",
    "QUTW": "Quân ủy Trung ương", "BTGTU": "Ban Tuyên giáo Tỉnh ủy", "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
}  # fmt: skip
STATE_ISSUERS = {
    "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ", "BTTTT": "Bộ Thông tin và Truyền thông", "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng", "BGDĐT": "Bộ Giáo dục và Đào tạo", "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính",
    "UBND": "Ủy ban nhân dân", "CTN": "Chủ tịch nước", "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao", "BYT": "Bộ Y tế",
}  # fmt: skip

#: Issuer phrases recognised after a reference ("..., ngày 22/10/2018 của Bộ Chính trị").
_ISSUER_PHRASES = (
    "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
    "Ủy ban Thường vụ Quốc hội", "Quốc hội", "Thủ tướng Chính phủ", "Chính phủ", "Chủ tịch nước",
    "Ủy ban Kiểm tra Trung ương", "Ban Tuyên giáo Trung ương", "Ban Tổ chức Trung ương",
    "Quân ủy Trung ương", "Đảng ủy Công an Trung ương", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy",
    "Ban Thường vụ Huyện ủy", "Ban Thường vụ Quận ủy", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy",
    "Thị ủy", "Đảng ủy", "HĐND tỉnh", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh",
)  # fmt: skip

#: Laws recognised by name (the longest name wins); others are found by the generic rule.
KNOWN_LAWS = (
    "An ninh mạng", "An toàn thông tin mạng", "An ninh quốc gia", "Báo chí", "Xuất bản", "Tiếp cận thông tin",
    "Công nghệ thông tin", "Viễn thông", "Giao dịch điện tử", "Dữ liệu", "Bảo vệ dữ liệu cá nhân",
    "Cán bộ, công chức", "Viên chức", "Phòng, chống tham nhũng", "Đất đai", "Đầu tư", "Đầu tư công",
    "Doanh nghiệp", "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", "Tổ chức Quốc hội",
    "Tổ chức Chính phủ", "Tổ chức chính quyền địa phương", "Ban hành văn bản quy phạm pháp luật",
    "Giáo dục", "Giáo dục đại học", "Giáo dục nghề nghiệp", "Nhà giáo", "Thanh niên", "Biển Việt Nam",
    "Quốc phòng", "Công an nhân dân", "Nghĩa vụ quân sự", "Dân quân tự vệ", "Tín ngưỡng, tôn giáo", "Thủ đô",
    "Hộ tịch", "Cư trú", "Căn cước", "Căn cước công dân", "Đấu thầu", "Xây dựng", "Nhà ở",
    "Kinh doanh bất động sản", "Quản lý thuế", "Ngân sách nhà nước", "Các tổ chức tín dụng", "Bảo hiểm xã hội",
    "Bảo hiểm y tế", "Khám bệnh, chữa bệnh", "Xử lý vi phạm hành chính", "Khiếu nại", "Tố cáo", "Thanh tra",
    "Tiếp công dân", "Giao thông đường bộ", "Trật tự, an toàn giao thông đường bộ", "Đường bộ",
    "Phòng cháy và chữa cháy", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Bảo vệ môi trường", "Thủy sản",
    "Quy hoạch", "Thương mại", "Cạnh tranh", "Sở hữu trí tuệ", "Bảo vệ quyền lợi người tiêu dùng",
    "Hôn nhân và gia đình", "Trẻ em", "Bình đẳng giới", "Phòng, chống bạo lực gia đình", "Phòng, chống ma túy",
    "Điện lực", "Công đoàn", "Mặt trận Tổ quốc Việt Nam", "Thực hiện dân chủ ở cơ sở", "Biên phòng Việt Nam",
    "Phổ biến, giáo dục pháp luật", "Quảng cáo", "Di sản văn hóa", "Du lịch", "Tố tụng hành chính",
    "Tổ chức Tòa án nhân dân", "Tổ chức Viện kiểm sát nhân dân", "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
    "Thuế thu nhập cá nhân", "Thuế thu nhập doanh nghiệp", "Thuế giá trị gia tăng", "Chứng khoán", "Kế toán",
    "Kiểm toán nhà nước", "Lâm nghiệp", "Trồng trọt", "Chăn nuôi", "Tài nguyên nước", "Khoáng sản",
    "Người cao tuổi", "Người khuyết tật", "Bảo hiểm", "Kinh doanh bảo hiểm", "Hàng không dân dụng Việt Nam",
    "Đường sắt", "Thể dục, thể thao", "Điện ảnh", "Thư viện", "Lưu trữ", "Thống kê", "Đo lường",
    "Lực lượng dự bị động viên", "Quản lý ngoại thương", "Hỗ trợ doanh nghiệp nhỏ và vừa", "Thủy lợi",
    "Chuyển giao công nghệ", "Trách nhiệm bồi thường của Nhà nước", "Giao thông", "Hợp tác xã",
    "Cảnh vệ", "Trợ giúp pháp lý",
    "Quản lý, sử dụng tài sản nhà nước", "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "An toàn thực phẩm", "Thuế bảo vệ môi trường", "Thuế tiêu thụ đặc biệt", "Thuế tài nguyên", "Hải quan",
    "Thuế xuất khẩu, thuế nhập khẩu", "Thuế sử dụng đất nông nghiệp", "Thuế sử dụng đất phi nông nghiệp",
    "Phá sản", "Quản lý nợ công", "Giá", "Phí và lệ phí", "Dược", "Phòng, chống bệnh truyền nhiễm", "Công chứng",
    "Thi hành án dân sự", "Thi hành án hình sự", "Thi hành tạm giữ, tạm giam", "Đặc xá", "Quốc tịch Việt Nam",
    "Điều ước quốc tế", "Biên giới quốc gia", "Bưu chính", "An toàn, vệ sinh lao động", "Việc làm",
    "Giáo dục quốc phòng và an ninh", "Tiêu chuẩn và Quy chuẩn kỹ thuật", "Chất lượng sản phẩm, hàng hóa",
    "Khoa học và Công nghệ", "Công nghệ cao", "Đa dạng sinh học", "Khí tượng thủy văn", "Phòng, chống thiên tai",
    "Đê điều", "Bảo vệ và phát triển rừng", "Thú y", "Bảo vệ và kiểm dịch thực vật", "Nuôi con nuôi",
    "Tổ chức cơ quan điều tra hình sự", "Tương trợ tư pháp", "Phòng, chống rửa tiền", "Phòng, chống khủng bố",
    "Bảo vệ bí mật nhà nước", "Cảnh sát biển Việt Nam", "Sĩ quan Quân đội nhân dân Việt Nam",
    "Phòng, chống tác hại của thuốc lá", "Phòng, chống tác hại của rượu, bia", "Phòng, chống mua bán người",
    "Giám định tư pháp", "Hòa giải ở cơ sở", "Quy hoạch đô thị", "Kiến trúc", "Đo đạc và bản đồ",
    "Thi đua, khen thưởng", "Dầu khí", "Giao thông đường thủy nội địa", "Ngân hàng Nhà nước Việt Nam",
    "Trưng cầu ý dân", "Hoạt động giám sát của Quốc hội và Hội đồng nhân dân", "Chuyển đổi giới tính",
    "Công nghiệp công nghệ số", "Trí tuệ nhân tạo", "Chuyển đổi số", "Bảo hiểm tiền gửi",
    "Đơn vị hành chính - kinh tế đặc biệt", "Tư pháp người chưa thành niên", "Luật sư",
    "Tài nguyên, môi trường biển và hải đảo", "Bảo vệ, chăm sóc và giáo dục trẻ em",
    "Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp",
    "Quản lý, sử dụng tài sản công", "Thực hành tiết kiệm, chống lãng phí",
    "Đầu tư theo phương thức đối tác công tư", "Xuất cảnh, nhập cảnh của công dân Việt Nam",
    "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam", "Đấu giá tài sản",
    "Phòng, chống HIV/AIDS", "Hiến, lấy, ghép mô, bộ phận cơ thể người và hiến, lấy xác", "Bảo vệ sức khỏe nhân dân",
    "Năng lượng nguyên tử", "Sử dụng năng lượng tiết kiệm và hiệu quả", "Hóa chất", "Cảnh sát cơ động", "Công an xã",
    "Quân nhân chuyên nghiệp, công nhân và viên chức quốc phòng", "Tình trạng khẩn cấp", "Cơ yếu",
    "Bảo vệ công trình quan trọng liên quan đến an ninh quốc gia", "Phòng không nhân dân", "Phòng thủ dân sự",
    "Công nghiệp quốc phòng, an ninh và động viên công nghiệp", "Quản lý, bảo vệ công trình quốc phòng và khu quân sự",
    "Kiểm toán độc lập", "Trọng tài thương mại", "Hòa giải, đối thoại tại Tòa án", "Tần số vô tuyến điện",
    "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", "Dự trữ quốc gia", "Lý lịch tư pháp",
    "Cơ quan đại diện nước Cộng hòa xã hội chủ nghĩa Việt Nam ở nước ngoài", "Thỏa thuận quốc tế",
    "Địa chất và khoáng sản", "Quy hoạch đô thị và nông thôn", "Thương mại điện tử", "Hoạt động chữ thập đỏ",
    # Laws since replaced, still cited in retrospectives.
    "Dạy nghề", "Phổ cập giáo dục tiểu học", "Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Công ty",
    "Khuyến khích đầu tư trong nước", "Đầu tư nước ngoài tại Việt Nam", "Doanh nghiệp nhà nước", "Phá sản doanh nghiệp",
    "Doanh nghiệp tư nhân", "Thuế chuyển quyền sử dụng đất", "Thuế nhà, đất", "Thuế doanh thu", "Thuế lợi tức",
    "Đầu tư nước ngoài", "Cơ quan đại diện Việt Nam ở nước ngoài",
    # Drafts long debated under their working title.
    "về hội", "Dân số", "Khu hành chính - kinh tế đặc biệt",
    # Everyday names the press uses for a code or a law, kept as written (see corpus/REFERENCES.md).
    # ("luật hình sự", "luật lao động" in lower case are mostly the field of law, so not listed.)
    "Tố tụng hình sự", "Tố tụng dân sự", "Trách nhiệm bồi thường Nhà nước", "Thi hành án", "Ngân sách", "Công chức",
    "Ban hành các văn bản quy phạm pháp luật",
)  # fmt: skip
#: Ordinances recognised by name ("Pháp lệnh Người có công"); others are found by the generic rule.
KNOWN_ORDINANCES = (
    "Người có công", "Ưu đãi người có công với cách mạng", "Ngoại hối", "Dân số", "Cảnh vệ", "Phí và lệ phí",
)  # fmt: skip
#: Variants of a known name, mapped to the official one (besides those :func:`_loose_name_pattern` allows).
LAW_ALIASES = {
    "Hỗ trợ doanh nghiệp vừa và nhỏ": "Hỗ trợ doanh nghiệp nhỏ và vừa",
    "Kinh doanh BĐS": "Kinh doanh bất động sản",
    "Bầu cử đại biểu Quốc hội và đại biểu HĐND": "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Bầu cử ĐBQH và HĐND": "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Tổ chức TAND": "Tổ chức Tòa án nhân dân",
    "Tổ chức VKSND": "Tổ chức Viện kiểm sát nhân dân",
    "Hôn nhân": "Hôn nhân và gia đình",
    "Giáo dục ĐH": "Giáo dục đại học",
}
KNOWN_CODES = ("Hình sự", "Dân sự", "Lao động", "Tố tụng hình sự", "Tố tụng dân sự", "Hàng hải Việt Nam", "Hàng hải")
#: Codes' names abbreviated after "Bộ luật" ("Bộ luật TTHS").
CODE_NAME_ABBREVIATIONS = {"TTHS": "Tố tụng hình sự", "TTDS": "Tố tụng dân sự", "HHVN": "Hàng hải Việt Nam"}
#: Standard abbreviations of codes and laws ("BLHS", "Luật BHYT").
CODE_ABBREVIATIONS = {
    "BLHS": "Bộ luật Hình sự", "BLTTHS": "Bộ luật Tố tụng hình sự", "BLDS": "Bộ luật Dân sự",
    "BLTTDS": "Bộ luật Tố tụng dân sự", "BLLĐ": "Bộ luật Lao động",
}  # fmt: skip
LAW_ABBREVIATIONS = {
    "BHYT": "Bảo hiểm y tế", "BHXH": "Bảo hiểm xã hội", "CNTT": "Công nghệ thông tin",
    "MTTQ Việt Nam": "Mặt trận Tổ quốc Việt Nam", "MTTQ": "Mặt trận Tổ quốc Việt Nam", "ANM": "An ninh mạng",
    "GTĐB": "Giao thông đường bộ",
    "PCTN": "Phòng, chống tham nhũng", "HTX": "Hợp tác xã", "DNNVV": "Hỗ trợ doanh nghiệp nhỏ và vừa",
    "hỗ trợ DNNVV": "Hỗ trợ doanh nghiệp nhỏ và vừa", "Hỗ trợ DNNVV": "Hỗ trợ doanh nghiệp nhỏ và vừa",
    "LS": "Luật sư", "THA dân sự": "Thi hành án dân sự",
    "XLVPHC": "Xử lý vi phạm hành chính", "NSNN": "Ngân sách nhà nước",
    "DN": "Doanh nghiệp", "CĐGT": "Chuyển đổi giới tính", "Thuế TNDN": "Thuế thu nhập doanh nghiệp",
    "Thuế BVMT": "Thuế bảo vệ môi trường", "TDTT": "Thể dục, thể thao",
    "Thuế TNCN": "Thuế thu nhập cá nhân", "Thuế TTĐB": "Thuế tiêu thụ đặc biệt", "Thuế GTGT": "Thuế giá trị gia tăng",
    "ATTP": "An toàn thực phẩm", "TCTD": "Các tổ chức tín dụng", "Các TCTD": "Các tổ chức tín dụng",
    "các TCTD": "Các tổ chức tín dụng", "BVMT": "Bảo vệ môi trường", "KBCB": "Khám bệnh, chữa bệnh",
    "PCCC": "Phòng cháy và chữa cháy", "CBCC": "Cán bộ, công chức", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "KDBĐS": "Kinh doanh bất động sản", "SHTT": "Sở hữu trí tuệ", "Tổ chức QH": "Tổ chức Quốc hội",
    "tổ chức QH": "Tổ chức Quốc hội", "ANQG": "An ninh quốc gia", "NVQS": "Nghĩa vụ quân sự",
}  # fmt: skip
LAW_ABBREVIATIONS |= {"t" + key[1:]: name for key, name in LAW_ABBREVIATIONS.items() if key.startswith("Thuế ")}


def _name_key(name: str) -> str:
    """Known law names compare without case, commas or extra spaces ("Phòng chống" = "Phòng, chống")."""
    return " ".join(name.replace(",", " ").casefold().split())


def _loose_key(name: str) -> str:
    """A name's key without the small words the press leaves out ("Bảo vệ chăm sóc giáo dục trẻ
    em", "tác hại thuốc lá"): used only when the name as written is not listed."""
    return " ".join(word for word in _name_key(name).split() if word not in _OPTIONAL_WORDS)


#: Words of a listed name that the press may leave out; "và" may also become a comma.
_OPTIONAL_WORDS = frozenset({"và", "của"})


def _loose_name_pattern(name: str) -> str:
    """A listed name as a pattern that allows what :func:`_loose_key` ignores: a comma written, left
    out or written "và" where the name has one, and a small word left out ("và" also written as a comma)."""
    pattern = ""
    for word in name.split():
        comma = word.endswith(",")
        word = re.escape(word.rstrip(","))
        if word in _OPTIONAL_WORDS:
            pattern += rf"(?:,?\s+{word}|,)?"
        else:
            pattern += rf"\s+{word}" if pattern else word
        pattern += r"(?:,|\s+và)?" if comma else ""  # "Bảo vệ và chăm sóc giáo dục trẻ em"
    return pattern


_KNOWN_LAW_BY_LOWER = {_name_key(name): name for name in KNOWN_LAWS} | {
    _name_key(alias): name for alias, name in LAW_ALIASES.items()
}
_KNOWN_LAW_BY_LOOSE_KEY = {_loose_key(name): name for name in (*LAW_ALIASES.values(), *KNOWN_LAWS)}
_KNOWN_CODE_BY_LOWER = {_name_key(name): name for name in KNOWN_CODES} | {
    _name_key(abbreviation): name for abbreviation, name in CODE_NAME_ABBREVIATIONS.items()
}
#: Tone marks (grave, acute, tilde, hook above, dot below), which misspellings most often get wrong.
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def _toneless_key(name: str) -> str:
    """A name's key without tone marks: "Quản lý nợ cộng" and "Đất đại" find "Quản lý nợ công", "Đất đai"."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", _name_key(name)).translate(_TONE_MARKS))


_TONELESS_LAWS: dict[str, list[str]] = {}
for _law_name in KNOWN_LAWS:
    _TONELESS_LAWS.setdefault(_toneless_key(_law_name), []).append(_law_name)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X", 11: "XI",
          12: "XII", 13: "XIII", 14: "XIV", 15: "XV", 16: "XVI"}  # fmt: skip
_ARABIC = {roman: number for number, roman in _ROMAN.items()}
_NUMBER_WORDS = {
    "một": 1, "nhất": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
}  # fmt: skip
_PLENUM_NUMBER = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

_TYPES = "|".join([*sorted(TYPE_WORDS + tuple(w.lower() for w in TYPE_WORDS), key=len, reverse=True), *_ABBREVIATIONS])
# Where a match can start: a type word's first letter or a digit. Patterns begin by testing it, so
# that the type words and look-behinds are not tried at every other position (most of the text).
_STARTS = "".join(sorted({w[0] for w in (*TYPE_WORDS, *_ABBREVIATIONS)} | {w[0].lower() for w in TYPE_WORDS}))
_TYPE_OR_NUMBER_AHEAD = rf"(?=[{_STARTS}0-9])"
# Between the type word and "số", a few lower-case words may describe the document ("quyết định
# khởi tố bị can số 37/C46-P12", "Kết luận kiểm sát số 127/KLKS-TĐ"), and any type may name its
# issuer first ("Quyết định của Ngân hàng Nhà nước số 652/2001").
_AFTER_DESCRIBED_TYPE = r"(?:(?<=[Qq]uyết định )|(?<=[Cc]ông văn )|(?<=Kết luận ))"
# A word of an issuer's name: not a type word, nor one that introduces another paper ("Kết luận
# của Thủ tướng tại văn bản số ...", "Nghị quyết của HĐND tỉnh theo Tờ trình số ...").
_ISSUER_WORD = (
    rf"(?!(?i:{'|'.join(TYPE_WORDS)}|văn bản|tờ trình|báo cáo|tại|theo|về|trong|ở|ngày|kèm|và|số|luật)\b)"
    r"[^\W\d_]+"
)
_DESCRIPTION = (
    rf"{_AFTER_DESCRIBED_TYPE}(?:[^\W\d_A-ZĐ][^\W\d_]*\s+){{1,6}}?(?=số\b)"
    rf"|của\s+(?:{_ISSUER_WORD}\s+){{1,5}}?(?=số\s*:?\s*\d+[/-])"
    rf"|(?:HĐND|UBND)(?:\s+{_ISSUER_WORD}){{0,4}}?\s+(?=số\s*:?\s*\d)"  # "Nghị quyết HĐND tỉnh Nghệ An số 170"
)
# The type's abbreviation may follow in brackets: "Quyết định (QĐ) 33/2014".
_TYPE_ABBREVIATION = rf"\((?:{'|'.join(_ABBREVIATIONS)})\)\s*"
_TYPE_PREFIX = rf"(?:(?P<type>{_TYPES})\s+(?:{_TYPE_ABBREVIATION})?(?:{_DESCRIPTION})?(?:số\s*:?\s*)?)"
_NUMBER = r"(?P<number>\d{1,5}(?:\.\d{1,3})?[a-zA-Z]?)"
# What may not touch a document number on its left: Latin letters and digits, or a code's / . -
_NOT_AFTER = r"(?:(?<=số)|(?<![0-9A-Za-zÀ-ỹĐđ/.-]))"  # "số187/2004/NĐ-CP": a space left out
_CODE_WORD = r"[A-ZĐ][A-Za-zĐđ]{0,9}"
# Party order: 35-NQ/TW, 09-QĐi/TU, 439-QĐNS/TW, 01-HD/UBKTTW.
_KNOWN_PARTY = "|".join(sorted(PARTY_ISSUERS, key=len, reverse=True))
# A known issuer may be glued to the next word by a bad crawl ("35-NQ/TWKết luận"): it only must
# not continue as a longer code (two more capitals or a digit).
# State issuers written after the slash ("824-QĐ/TTg") are read too, and turned into the state form;
# the all-capital ones already match the generic alternative.
_MIXED_CASE_STATE = "|".join(code for code in STATE_ISSUERS if not code.isupper())
_PARTY_ISSUER = (
    rf"ĐU-[A-ZĐ]{{2,8}}(?![\w-])|"  # a Party committee of a body: "31-QĐ/ĐU-MTTW"
    rf"(?:{_KNOWN_PARTY})(?![0-9/-]|[A-ZĐƯ][A-ZĐƯ0-9])|[A-ZĐƯ]{{2,8}}(?![\w-])|(?:{_MIXED_CASE_STATE})(?!\w)"
)
_PARTY = re.compile(
    rf"{_TYPE_OR_NUMBER_AHEAD}{_TYPE_PREFIX}?{_NOT_AFTER}{_NUMBER}\s?-\s?(?P<code>{_CODE_WORD})\s?/\s?(?P<issuer>{_PARTY_ISSUER})"
)
# State order: 339/QĐ-TTg, 13/2023/NĐ-CP, 170/2024/QH15, and a Party code in state order: 35/NQ-TW.
_STATE_CODES = "|".join(sorted(STATE_ISSUERS, key=len, reverse=True))
_STATE = re.compile(
    rf"{_TYPE_OR_NUMBER_AHEAD}{_TYPE_PREFIX}?{_NOT_AFTER}{_NUMBER}(?:(?:\s?/\s?|-\s?)(?P<year>(?:19|20)\d\d)"
    rf"(?:/\s?|[\s-](?=[A-ZĐ]{{2,6}}-)|(?P<dash_issuer>\s?-\s?)(?=(?:{_STATE_CODES})(?![\w-])))|/\s?"
    rf"|(?P<space>\s)(?={_CODE_WORD}-[A-ZĐ]))"
    rf"(?P<code>{_CODE_WORD}\d{{0,2}})"
    r"(?:(?:-\s?|\s-\s?(?=[A-ZĐ])|/(?=[A-ZĐ]{2,}[A-Za-zĐđ0-9&]*-)|(?P<slash>/)(?=[A-ZĐ]{2,}(?![\w/-])))"
    r"(?P<issuer>[A-ZĐƯa-zđ][A-ZĐƯƠa-zđươ0-9&]{0,9}(?:-[A-ZĐƯƠa-zđươ0-9&]{1,20}|-\s[A-ZĐ]{2,20}(?!\w))*))?"
    r"(?![\w/&])"
)
# Government documents before 1997 carried no year and no type code: "Nghị định số 28-CP",
# "Quyết định 64-HĐBT" (a type word is required: "28-CP" alone is too little).
_OLD_STATE = re.compile(rf"{_TYPE_OR_NUMBER_AHEAD}{_TYPE_PREFIX}{_NUMBER}-(?P<code>CP|TTg|HĐBT)(?![\w/-])")
_KHOA = r"[Kk]h(?:óa|oá)"
#: What comes before a term ("khóa XII", ", khóa XII", "(khóa XII)", "khóa (XII)"); close with _TERM_CLOSE.
_TERM_OPEN = rf"\s*[,(]?\s*{_KHOA}\s*(?P<bracket>\()?"
_TERM_CLOSE = r"(?(bracket)\))"
_TERMS = (
    r"(?P<term>[IVX]{1,5}|\d{1,2})(?!\w)"
    rf"(?P<more>(?:\s*(?:,|và)\s*(?:{_KHOA}\s+)?(?:[IVX]{{1,5}}|\d{{1,2}})(?!\w))*)"
)
_CENTRAL = r"(?:[Tt]rung ương|T\.?Ư|T\.?W)"
_RESOLUTION = r"(?:[Nn]ghị quyết|NQ)"
_PLENUM = re.compile(
    rf"(?=[Nn])(?:{_RESOLUTION}\s+(?:của\s+)?(?:[Hh]ội nghị\s+)?"
    rf"(?:lần thứ\s+(?P<ordinal>\d{{1,2}}|(?i:{_PLENUM_NUMBER}))\s*,?\s+)?"
    rf"(?:của\s+)?(?:Ban [Cc]hấp hành\s+)?{_CENTRAL}(?:\s+Đảng)?"
    rf"(?(ordinal)|\s*(?:lần thứ\s+)?(?P<plenum>\d{{1,2}}(?![\w/-])|[IVX]{{1,4}}(?![\w/-])|"
    rf"(?i:{_PLENUM_NUMBER})(?!\w)))"
    rf"|(?:NQ\s?TW|NQTƯ)\s?(?P<short>\d{{1,2}})(?![\w/-])"
    rf"|{_RESOLUTION}\s+(?P<bare>1[0-5]|[1-9])(?=\s*[,(]?\s*{_KHOA}\s))"
    rf"(?:{_TERM_OPEN}{_TERMS}{_TERM_CLOSE}\s*\)?)?"
)
# "Kế hoạch 5 năm 2021 - 2025" is a five-year plan, not plan 5 of 2021.
_NOT_A_RANGE = r"(?!\s*[-–]\s*(?:19|20)?\d\d)"
_SHORT = re.compile(
    rf"{_TYPE_OR_NUMBER_AHEAD}{_TYPE_PREFIX}{_NUMBER}(?:(?:[/.]|\s+năm\s+)(?P<year>(?:19|20)\d\d){_NOT_A_RANGE})?(?![\w/-]|[.,]\d)"
)
_LAW_NAMES = "|".join(_loose_name_pattern(n) for n in sorted((*KNOWN_LAWS, *LAW_ALIASES), key=len, reverse=True))
_CODE_NAMES = "|".join(re.escape(n) for n in sorted(KNOWN_CODES, key=len, reverse=True))
_CODE_NAMES_OR_ABBREVIATIONS = "|".join(
    re.escape(n) for n in sorted((*KNOWN_CODES, *CODE_NAME_ABBREVIATIONS), key=len, reverse=True)
)
_ORDINANCE_NAMES = "|".join(
    re.escape(n).replace("\\ ", "\\s+") for n in sorted(KNOWN_ORDINANCES, key=len, reverse=True)
)
_KNOWN_ORDINANCE_BY_LOWER = {_name_key(name): name for name in KNOWN_ORDINANCES}
# After a law's name: its year, an abbreviation in brackets (with its year: "(BLTTHS, năm 2015)"),
# its number ("Bộ luật Hình sự (BLHS) số 100/2015/QH13"), all part of the one reference.
_LAW_NUMBER = (
    r"(?:\s+(?:năm\s+)?(?:19|20)\d\d(?!\d))?(?:\s*\([A-ZĐ]{2,8}(?:,\s*(?:năm\s+)?(?:19|20)\d\d)?\))?"
    r"(?:(?:\s+(?:năm\s+(?:19|20)\d\d\s+)?|\s*(?P<law_bracket>\()(?:[Ll]uật\s+)?)"  # "(Luật số 64/2010/QH12)"
    r"số\s+(?P<law_number>\d{1,4})/(?:19|20)\d\d/(?P<law_code>QH\d{1,2})(?(law_bracket)\)))?"
)
_CODE_ABBREVIATIONS = "|".join(CODE_ABBREVIATIONS)
_LAW_ABBREVIATIONS = "|".join(LAW_ABBREVIATIONS)
# Known names match in any case ("bộ luật hình sự", "Luật các tổ chức tín dụng", "luật đất đai").
# After a lower-case "luật" the name needs two words or more, and "luật" must not end another word
# ("kỷ luật cán bộ, công chức", "quy luật cạnh tranh", "pháp luật", "điều luật"); see also
# :func:`_lower_case_not_a_law`.
# The Constitution, Vietnam's own: "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam".
_CONSTITUTION = re.compile(
    r"(?=H)(?<!Hội đồng )(?<!Tòa án )(?<!Ủy ban [Dd]ự thảo )"
    r"Hiến pháp(?:\s+nước\s+(?:Cộng hòa xã hội chủ nghĩa|CHXHCN)\s+Việt Nam)?(?:\s+(?:năm\s+)?(?:19|20)\d\d(?!\d))?"
    r"(?!\s+(?:của\s+)?nước\s+(?!Cộng hòa xã hội))"
)
# A lower-case "luật" that does not end another word ("kỷ luật", "quy luật", "điều luật", "bộ luật").
_LOWER_LUAT = r"(?<![Kk]ỷ )(?<![Qq]uy )(?<![Đđ]iều )(?<![Bb]ộ )luật"
# Every alternative starts with one of these letters: testing it first spares the look-behinds at
# every other position of the text (about half of the extractor's time without it).
_LAW = re.compile(
    rf"(?=[BbLlP])(?:(?P<code_word>Bộ [Ll]uật|bộ [Ll]uật)\s+(?P<code_name>(?i:{_CODE_NAMES_OR_ABBREVIATIONS}))"
    rf"|(?<![Pp]háp )(?P<law_word>Luật|{_LOWER_LUAT})"
    rf"\s+(?P<law_name>(?i:{_LAW_NAMES}))"
    rf"|(?<![Pp]háp ){_LOWER_LUAT}\s+(?P<code_as_law>{_CODE_NAMES})"
    rf"|(?<!\w)(?P<code_abbr>{_CODE_ABBREVIATIONS})"
    rf"|(?<![Pp]háp )(?P<law_word2>Luật|(?<![Kk]ỷ )(?<![Qq]uy )(?<![Đđ]iều )luật)\s+(?P<law_abbr>{_LAW_ABBREVIATIONS})"
    rf"|Pháp lệnh\s+(?P<ordinance_name>(?i:{_ORDINANCE_NAMES})))"
    rf"(?!\w){_LAW_NUMBER}"
)
# Any other law: "Luật" and a capitalised name of up to six words, ending before function words.
_LAW_STOP = (
    "năm|số|được|và|của|đã|có|này|mới|sửa|đổi|là|thì|cho|về|với|trong|tại|khi|để|các|những|như|sẽ|đang|theo|"
    r"ngày|hiện|vào|do|từ|trên|quy|gồm|nên|cũng|đều|bị|phải|không|chưa|qua|ra|nhằm|cùng|hay|hoặc|thông(?=\s+qua)|"
    "vẫn|nhưng|mà|lại|còn|rồi|sau|trước|chỉ|đó|nay|kia|ấy|vừa|bởi|vì|nếu|dù|tuy|song|thế|nào|gì|rất|quá|cần|ban|thừa|bổ|tới|"
    "(?<!công )trình"
)
# Capitalised words that may continue a law's name (proper nouns); any other capital starts a new phrase.
_PROPER = "Việt|Nam|Quốc|Nhà|Nhân|Dân|Hội|Mặt|Trận|Tổ|Đảng|Chính|Phủ|Thủ|Đô|Công|Đoàn"
# Capitalised names after "Luật" that are not laws: the bodies that propose one ("dự thảo Luật Chính
# phủ trình") and fields of study ("ngành Luật Kinh tế").
_NOT_LAW_NAMES = frozenset({"Chính phủ", "Quốc hội", "Nhà nước", "Kinh tế", "Quốc tế", "Kinh tế quốc tế", "Hành chính"})
# Not laws: schools and firms ("Trường Luật Harvard", "Công ty Luật TNHH", "Trung tâm Luật ..."),
# places ("thôn Luật Lễ"), the amending law's own title ("Luật Sửa đổi, bổ sung ..."; the amended law is found by name).
_NOT_A_LAW_BEFORE = (
    r"(?<![Bb]ộ )(?<!Trường )(?<!học )(?<!ĐH )(?<!Khoa )(?<!viện )(?<!Viện )(?<!ty )(?<!thôn )(?<!Pháp )(?<!TNHH )"
    r"(?<!Trung tâm )"
)
_LAW_GENERIC = re.compile(
    rf"(?=[LP]){_NOT_A_LAW_BEFORE}(?P<word>Luật|Pháp lệnh)\s+(?!(?i:sửa đổi|quy định))"
    rf"(?P<name>[A-ZĐ][^\W\d_A-ZĐ][^\W\d_]*"
    rf"(?:\s+(?!(?:{_LAW_STOP})\b)(?:{_PROPER}|[^\W\d_A-ZĐ][^\W\d_]*)){{1,5}})"
    rf"(?=[\s,.;:)\"']|$){_LAW_NUMBER}"
)
_DATE = re.compile(
    r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày\s+)(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})"
    r"\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d)"
)
_ISSUER = re.compile(
    r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:của|do)\s+(?P<issuer>"
    + "|".join(sorted(map(re.escape, _ISSUER_PHRASES), key=len, reverse=True))
    + r")"
)
_TERM_AFTER = re.compile(rf"{_TERM_OPEN}(?P<term>[IVX]{{1,5}}|\d{{1,2}})(?!\w){_TERM_CLOSE}")


@dataclass(frozen=True)
class Reference:
    """One reference to a document, normalised (see ``corpus/REFERENCES.md``)."""

    id: str
    type: str
    number: str
    code: str
    issuer: str
    date: str
    span: tuple[int, int]
    text: str
    partial: bool = False
    #: Paragraph index the span refers to, when extracted from an article (None: the title).
    paragraph: int | None = None
    #: A weak short form (see :func:`_is_weak_form`): kept only where the text states the document.
    _weak: bool = field(default=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "paragraph": self.paragraph,
            "id": self.id,
            "type": self.type,
            "number": self.number,
            "code": self.code,
            "issuer": self.issuer,
            "date": self.date,
            "span": list(self.span),
            "text": self.text,
            "partial": self.partial,
        }


def _roman(term: str) -> str:
    return _ROMAN.get(int(term), term) if term.isdigit() else term


def _context(text: str, end: int) -> tuple[str, str]:
    """Date and issuer stated right after a reference (in either order)."""
    date = issuer = ""
    position = end
    for _ in range(2):
        if not date and (m := _DATE.match(text, position)):
            day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
            if 1 <= day <= 31 and 1 <= month <= 12:
                date = f"{year:04d}-{month:02d}-{day:02d}"
            position = m.end()
        elif not issuer and (m := _ISSUER.match(text, position)):
            issuer = m["issuer"]
            position = m.end()
    return date, issuer


def _type_of(prefix: str | None, code: str) -> str:
    """The specification's type of a document, from its type word or else its code. Joint
    circulars and resolutions are circulars and resolutions ("Thông tư liên tịch số 17/2013" is
    ``Thông tư 17/2013``)."""
    if prefix:
        kind = _ABBREVIATIONS.get(prefix, prefix[0].upper() + prefix[1:])
    else:
        kind = _TYPE_OF_CODE.get(code, _TYPE_OF_CODE.get(code.rstrip("0123456789"), ""))
    return kind.removesuffix(" liên tịch")


#: Papers that are not among the specification's types: telegrams ("Công điện số 06/CĐ-TW"),
#: submissions ("01-TTr/BCSĐ") and reports ("12/BC-ĐKT").
_NOT_DOCUMENT_CODES = frozenset({"CĐ", "TTr", "BC"})
#: Central Party bodies: a document they issue is a "/TW" one.
_CENTRAL_BODIES = ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư")


def _party_issuer_code(code: str, stated: str) -> str:
    """ "TƯ" is written "TW"; so is "TU" when a central body is named as the issuer: the horn of "Ư"
    was lost ("Nghị quyết 33/NQ-TU của Bộ Chính trị"), as a provincial committee's "TU" has none."""
    return "TW" if code == "TƯ" or (code == "TU" and stated in _CENTRAL_BODIES) else code


def _party(m: re.Match[str], text: str) -> Reference | None:
    if m["code"] in _NOT_DOCUMENT_CODES:
        return None
    date, stated = _context(text, m.end())
    issuer_code = _party_issuer_code(m["issuer"], stated)
    if issuer_code in STATE_ISSUERS:  # "824-QĐ/TTg": a state document written in Party order
        code = f"{m['code']}-{issuer_code}"
        identifier, implied = f"{m['number']}/{code}", STATE_ISSUERS[issuer_code]
    else:
        code = f"{m['code']}/{issuer_code}"
        identifier, implied = f"{m['number']}-{code}", PARTY_ISSUERS.get(issuer_code, "")
    return Reference(
        id=identifier,
        type=_type_of(m["type"], m["code"]),
        number=m["number"],
        code=code,
        issuer=stated or implied,
        date=date,
        span=(m.start(), m.end()),
        text=m.group(),
    )


_GLUED_CODE = re.compile(r"(?P<type>QĐ|NQ|NĐ|CT|TT|KH)(?P<issuer>UBND|UB|CP|TTg)")
#: Type codes typed without the stroke of "Đ" ("38/2012/ND-CP"), or with Telex's "DD" for it ("QDD-TTg").
_UNSTROKED = {"ND": "NĐ", "QD": "QĐ", "NDD": "NĐ", "QDD": "QĐ"}
#: The type part of a state code, for a type word ("Nghị quyết" -> "NQ").
_TYPE_CODES = {"Nghị quyết": "NQ", "Nghị định": "NĐ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Thông tư": "TT"}
#: Issuer codes in their standard spelling, looked up case-insensitively ("QĐ-Ttg" -> "QĐ-TTg").
_STATE_ISSUER_BY_LOWER = {code.lower(): code for code in STATE_ISSUERS}


def _state(m: re.Match[str], text: str) -> Reference | None:
    code, issuer_code = _UNSTROKED.get(m["code"], m["code"]), m["issuer"]
    if code in _NOT_DOCUMENT_CODES:
        return None
    if m["slash"] and code not in _TYPE_OF_CODE:
        return None  # "32/2013/TT/BTC" is a circular; "12/AB/CD" is not enough to be a document
    if issuer_code and issuer_code.startswith("Ư"):
        issuer_code = "U" + issuer_code[1:]  # "QĐ-ƯBND": the horn typed by mistake
    if not issuer_code and (glued := _GLUED_CODE.fullmatch(code)):
        code, issuer_code = glued["type"], glued["issuer"]  # "718/2004/QĐUB": the dash left out
    if m["space"] and not (m["type"] and issuer_code):
        return None  # "309 QĐ-TTg" (a slash left out) only after a type word: "Quyết định 309 QĐ-TTg"
    if issuer_code and issuer_code not in STATE_ISSUERS:
        issuer_code = _STATE_ISSUER_BY_LOWER.get(issuer_code.lower(), issuer_code)
    if issuer_code in PARTY_ISSUERS or issuer_code == "TƯ":  # a Party code written in state order
        date, stated = _context(text, m.end())
        issuer_code = _party_issuer_code(issuer_code, stated)
        party_code = f"{code}/{issuer_code}"
        return Reference(
            id=f"{m['number']}-{party_code}",
            type=_type_of(m["type"], code),
            number=m["number"],
            code=party_code,
            issuer=stated or PARTY_ISSUERS[issuer_code],
            date=date,
            span=(m.start(), m.end()),
            text=m.group(),
        )
    if code == "NĐ" and not issuer_code:
        issuer_code = "CP"  # "Nghị định 168/2024/NĐ": only the Government issues decrees
    if m["dash_issuer"] and not m["type"]:
        return None  # "02/2017 - BYT" alone: a type word must say what the document is
    kind = _type_of(m["type"], code) if m["type"] else ""
    if m["year"] and m["year"] >= "2001" and kind in _TYPE_CODES and code in STATE_ISSUERS and not issuer_code:
        # "Nghị quyết 16/2008/CP", "Thông tư 02/2017- BYT": since 2001 a code always names the
        # type, so the type word supplies it.
        code, issuer_code = _TYPE_CODES[kind], code
    if re.fullmatch(r"(?i:QH|UBTVQH)\d{1,2}", code):
        code = code.upper()  # "106/2016/Qh13"
    national_assembly = re.fullmatch(r"QH\d{1,2}|UBTVQH\d{1,2}", code)
    known = national_assembly or code in _TYPE_OF_CODE or code in STATE_ISSUERS or code == "UBND"
    if not m["type"]:
        if not known:
            return None  # "36/2019/H-QLKH": a project or product code, not a document
        if issuer_code is None and not national_assembly and code not in STATE_ISSUERS:
            return None  # "12/KH" or a fraction: not enough to be a document number
        if _LETTER_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            return None  # "văn bản số 357/TB-VPCP": a letter, which the specification leaves out
    issuer_code = issuer_code and re.sub(r"\s", "", issuer_code)
    # "32/2013/TT/BTC" takes the state's dash (a number with its year is a state document's); an
    # organisation's own letter keeps its slash ("164/CV/HHLTVN").
    separator = "/" if m["slash"] and not m["year"] and issuer_code not in STATE_ISSUERS else "-"
    full_code = f"{code}{separator}{issuer_code}" if issuer_code else code
    year = f"{m['year']}/" if m["year"] else ""
    number = f"{m['number']}/"  # "19-2017/NQ-CP" is a misspelling of the state's 19/2017/NQ-CP
    date, stated = _context(text, m.end())
    implied = STATE_ISSUERS.get(issuer_code or code, "")
    if national_assembly:
        implied = "Ủy ban Thường vụ Quốc hội" if code.startswith("UBTVQH") else "Quốc hội"
    elif not implied and "UBND" in (code, issuer_code):
        implied = "Ủy ban nhân dân"
    return Reference(
        id=f"{number}{year}{full_code}",
        type=_type_of(m["type"], code),
        number=m["number"],
        code=full_code,
        issuer=stated or implied,
        date=date,
        span=(m.start(), m.end()),
        text=m.group(),
    )


#: Type words that are also everyday abbreviations or names: with a number they need "số".
_NEED_SO = ("Luật", "CT", "KH")


def _old_state(m: re.Match[str], text: str) -> Reference | None:
    if m["type"] in _NEED_SO and "số" not in m.group():
        return None  # "KH 12-CP"
    date, stated = _context(text, m.end())
    return Reference(
        id=f"{m['number']}-{m['code']}", type=_type_of(m["type"], ""), number=m["number"], code=m["code"],
        issuer=stated or STATE_ISSUERS.get(m["code"], "Hội đồng Bộ trưởng"), date=date,
        span=(m.start(), m.end()), text=m.group(),
    )  # fmt: skip


# "văn bản số ...", "văn bản xử phạt hành chính số ...": a letter or an individual act, not cited
# as a document (the specification leaves them out); so are submissions, reports, licences,
# telegrams and minutes ("Tờ trình số 338/TT-ĐC", "giấy phép khai thác khoáng sản số 563/QĐ-UBND").
_PAPER = r"[Vv]ăn bản|[Tt]ờ trình|[Bb]áo cáo|[Gg]iấy phép|[Cc]ông điện|[Bb]iên bản"
_LETTER_BEFORE = re.compile(
    rf"(?:{_PAPER})\s+(?:số\s*:?\s*)?$|(?:{_PAPER})(?:\s+[^\W\d_A-ZĐ][^\W\d_]*){{1,4}}?\s+số\s*:?\s*$"
)


def _plenum(m: re.Match[str], text: str) -> list[Reference]:
    """A plenum resolution, or one per term when several are listed ("khóa XI, XII")."""
    raw = m["ordinal"] or m["plenum"] or m["short"] or m["bare"]
    plenum = str(int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower(), _ARABIC.get(raw, raw)))  # "04" is 4
    term, more, end = m["term"], m["more"] or "", m.end()
    if term is None and (after := _TERM_AFTER.match(text, end)):
        term, end = after["term"], after.end()
    date, stated = _context(text, end)
    first_end = m.start("more") if more else m.end()
    references = [
        Reference(
            id=f"NQTW{plenum}-{_roman(term)}" if term else f"NQTW{plenum}",
            type="Nghị quyết",
            number=plenum,
            code=_roman(term) if term else "",
            issuer=stated or "Ban Chấp hành Trung ương",
            date=date,
            span=(m.start(), first_end),
            text=text[m.start() : first_end].rstrip(" ,("),
            partial=not term,
        )
    ]
    for extra in re.finditer(r"[IVX]{1,5}|\d{1,2}", more):
        start = m.start("more") + extra.start()
        references.append(
            replace(references[0], id=f"NQTW{plenum}-{_roman(extra.group())}", code=_roman(extra.group()),
                    span=(start, start + len(extra.group())), text=extra.group())
        )  # fmt: skip
    return references


def _law(m: re.Match[str], text: str) -> Reference | None:
    groups = m.groupdict()
    if groups.get("code_name"):
        # The pattern matches case-insensitively, which Unicode allows for a few letters that
        # casefold differently ("ſ"): fall back to the name as written.
        name = f"Bộ luật {_KNOWN_CODE_BY_LOWER.get(_name_key(groups['code_name']), groups['code_name'])}"
    elif groups.get("code_as_law"):
        name = f"Luật {groups['code_as_law']}"  # "luật Lao động": capitalised, the code by its everyday name
    elif groups.get("code_abbr"):
        name = CODE_ABBREVIATIONS[groups["code_abbr"]]
    elif groups.get("law_abbr"):
        name = f"Luật {LAW_ABBREVIATIONS[groups['law_abbr']]}"
    elif groups.get("law_name"):
        written = groups["law_name"]
        listed = _KNOWN_LAW_BY_LOWER.get(_name_key(written)) or _KNOWN_LAW_BY_LOOSE_KEY.get(_loose_key(written))
        name = f"Luật {listed or written}"
        if name == "Luật về hội" and _HOI_COMPOUND.match(text, m.end("law_name")):
            return None  # "các luật về hội nhập kinh tế", "luật về hội đồng quản trị"
        if listed in _EVERYDAY_SHORT_NAMES and _NAME_GOES_ON.match(text, m.end("law_name")):
            return None  # "Luật Ngân sách địa phương", "Luật công chức, viên chức": other names
    elif groups.get("ordinance_name"):
        listed = _KNOWN_ORDINANCE_BY_LOWER.get(_name_key(groups["ordinance_name"]), groups["ordinance_name"])
        name = f"Pháp lệnh {listed}"
    else:
        if groups["name"] in _NOT_LAW_NAMES or " quốc tế" in groups["name"].lower():
            return None  # no law outside the list is named "... quốc tế": a field ("Luật Thương mại quốc tế")
        # A misspelt tone ("Luật Quản lý nợ cộng") still names a listed law when only one fits.
        listed = _TONELESS_LAWS.get(_toneless_key(groups["name"]), []) if groups["word"] == "Luật" else []
        name = f"{groups['word']} {listed[0] if len(listed) == 1 else groups['name']}"
    if name.startswith("Pháp lệnh") and _NUMBER_AFTER_NAME.match(text, m.end()):
        return None  # "Pháp lệnh Cảnh vệ số 25/2005/PL-UBTVQH11": the number is the id (found as a state code)
    if _STUDY_BEFORE.search(text, max(0, m.start() - 150), m.start()):
        return None  # "các môn học Luật hình sự, Luật tố tụng hình sự": subjects of study
    named = ("name", "law_name", "law_abbr", "code_name", "code_as_law", "code_abbr", "ordinance_name")
    name_end = max(m.end(g) for g in named if groups.get(g))
    year = re.search(r"(?:19|20)\d\d", text[name_end : m.end()])
    # A name from the list is Vietnamese unless a country follows; an unknown one is also foreign
    # when an international body or a foreign parliament precedes it in the clause, a country
    # earlier in the sentence or just after the name, or the passage is foreign news.
    foreign = _FOREIGN_AFTER.match(text, m.end()) or (
        groups.get("name")
        and (
            _foreign_before(text, m.start(), across_commas=False)
            or _country_in_sentence_before(text, m.start())
            or _in_foreign_news(text, m.start())
            or _COUNTRY_SOON_AFTER.match(text, m.end())
        )
    )
    if groups.get("law_word") == "luật" and (
        len(groups["law_name"].split()) < 2 or _lower_case_not_a_law(text, m.start(), name)
    ):
        return None
    if foreign or (year and year.group() < "1945") or _INTERNATIONAL_FIELD.match(text, name_end):
        return None  # a foreign law, one older than the Vietnamese state, or "luật thương mại quốc tế"
    date, stated = _context(text, m.end())
    number, code = groups.get("law_number") or "", groups.get("law_code") or ""
    kind = next(word for word in ("Luật", "Bộ luật", "Pháp lệnh") if name.startswith(word))
    return Reference(
        id=name, type=kind, number=number, code=code,
        issuer=stated or ("Ủy ban Thường vụ Quốc hội" if kind == "Pháp lệnh" else "Quốc hội"), date=date,
        span=(m.start(), m.end()), text=m.group(),
    )  # fmt: skip


#: A list of subjects of study or fields ("môn học Luật hình sự, Luật dân sự", "ngành Luật Kinh tế").
_STUDY_BEFORE = re.compile(
    r"(?<!\w)(?:[Mm]ôn(?:\s+học)?|[Nn]gành(?:\s+học)?|chuyên\s+ngành|[Kk]hối\s+ngành)\s+"
    r"(?:(?:[Ll]uật|[Bb]ộ\s+luật)(?:\s+[^\s,.;:]+){1,6}\s*,\s*)*$"  # only other subjects in between
)
#: Everyday names that begin longer ones; the name goes on when a lower-case word follows that
#: cannot end it (the general rule would cut "Luật Trẻ em mặc dù" and "Luật Nhà ở nêu rõ" wrongly).
_EVERYDAY_SHORT_NAMES = frozenset({"Ngân sách", "Công chức"})
_NAME_GOES_ON = re.compile(rf",?\s+(?!(?:{_LAW_STOP})(?!\w))[^\W\d_A-ZĐ]")
_HOI_COMPOUND = re.compile(r"\s+(?:nhập|đồng|chợ|nghị|thảo|viên|họp|đàm|thi|diễn|quán|trường|tụ|làng|hè|nhóm)(?!\w)")
_NUMBER_AFTER_NAME = re.compile(r"\s+(?:năm\s+(?:19|20)\d\d\s+)?số\s*\d")
#: A listed name followed by "quốc tế" is a field of law, not the law ("ngành luật thương mại quốc tế").
_INTERNATIONAL_FIELD = re.compile(r"\s+[Qq]uốc tế(?!\w)")


#: Lower-case type words that, followed by a number, still name a document ("nghị định 67"); the
#: others are ordinary words too ("kế hoạch 5 năm", "quyết định 3 lần"): without "số" they count
#: only where the text states that document in full (see :func:`_is_weak_form`).
_NUMBERED_NOUNS = ("nghị định", "nghị quyết", "chỉ thị", "thông tư")
_QUANTITY_AFTER = re.compile(
    rf"\s*(?:năm(?!\s+(?:19|20)\d\d{_NOT_A_RANGE})|tháng|ngày(?!\s+\d)|giờ|tuổi|lần(?!\s+(?:này|đó|trước|thứ))|"
    r"người|điểm|tỷ|triệu|nghìn|%|\w+\s+(?:đồng|USD))(?!\w)"
)
#: "Chỉ thị số 12, 23, 29", "Quyết định số 43 và số 10": the later numbers of a list after one type word.
_MORE_NUMBERS = re.compile(r"(?:\s*,\s*|\s+và\s+)(?:số\s+)?(?P<number>\d{1,4})(?![\w/-]|[.,]\d)")
#: International bodies: what they resolve is not a Vietnamese document.
_INTERNATIONAL = "Hội đồng Bảo an|HĐBA|Liên hợp quốc|Liên Hợp Quốc|LHQ"
_INTERNATIONAL_AFTER = re.compile(rf"\s*(?:của\s+)?(?:{_INTERNATIONAL})")
_FOREIGN_BEFORE = re.compile(rf"(?:{_INTERNATIONAL}|Công ước|Hạ viện|Thượng viện|Nghị viện)(?P<gap>[^.;]{{0,60}})$")


def _foreign_before(text: str, start: int, across_commas: bool = True) -> bool:
    """An international body or a foreign parliament just before ``start``. Only the last stretch
    can hold it (a bounded window keeps this linear on long texts); a law name needs it in the
    same clause (``across_commas=False``): "Để thực hiện Công ước ..., Quốc hội ban hành Luật Trẻ em"."""
    m = _FOREIGN_BEFORE.search(text, max(0, start - 150), start)
    return m is not None and (across_commas or "," not in m["gap"])


_COUNTRIES = (
    "Mỹ|Hoa Kỳ|Nga|Trung Quốc|Nhật Bản|Nhật|Hàn Quốc|Triều Tiên|Pháp|Anh|Đức|Úc|Australia|Canada|Thái Lan|"
    "Campuchia|Lào|Singapore|Malaysia|Indonesia|Philippines|Ấn Độ|Israel|Iran|Thổ Nhĩ Kỳ|Ukraine|Hồng Kông|Đài Loan|"
    "Hong Kong|Myanmar|Brazil|Venezuela|Mexico|Argentina|Cuba|Italy|Tây Ban Nha|Hà Lan|Ba Lan|Thụy Điển|Na Uy|"
    "Ai Cập|Ả Rập Xê Út|Pakistan|Afghanistan|Syria|Iraq|Nam Phi|New Zealand|Liên minh châu Âu|EU|Nam Mỹ|Mỹ Latinh"
)
#: A law or constitution "của nước Nga", "Mỹ": a foreign one.
_FOREIGN_AFTER = re.compile(rf"\s+(?:của\s+)?(?:nước\s+|bang\s+|[Ll]iên bang\s+)?(?:{_COUNTRIES})(?!\w)")


#: Country names that are also Vietnamese words or names ("Tuấn Anh", "Văn Đức", "Lào Cai", "Mỹ
#: Tho", "Pháp lệnh", "Thúy Nga"): a country in running text only after a word that announces one,
#: and not followed by another capitalised word.
_AMBIGUOUS_COUNTRIES = ("Mỹ", "Nga", "Nhật", "Pháp", "Anh", "Đức", "Úc", "Lào")
_CLEAR_COUNTRIES = "|".join(c for c in _COUNTRIES.split("|") if c not in _AMBIGUOUS_COUNTRIES)
_COUNTRY = (
    rf"(?<!\w)(?:(?:{_CLEAR_COUNTRIES})"
    rf"|(?:(?<=nước )|(?<=phía )|(?<=tại )|(?<=ở )|(?<=của )|(?<=người ))(?:{'|'.join(_AMBIGUOUS_COUNTRIES)})"
    rf"(?!\s+(?:[A-ZĐ]|lệnh|luật)))(?!\w)"  # "của Pháp lệnh Ngoại hối" is not France
)
_COUNTRY_SEARCH = re.compile(_COUNTRY)
#: A name not in the list followed closely by a country: "Luật An ninh Nội địa Singapore".
_COUNTRY_SOON_AFTER = re.compile(rf"[^.;,]{{0,25}}?{_COUNTRY}")
#: Foreign news: a country or a foreign head of state (Vietnam has none) named nearby.
_FOREIGN_NEWS = re.compile(
    rf"{_COUNTRY}|(?<!\w)(?:Tổng thống|Putin|Trump|Obama|Hạ viện|Thượng viện|Washington|Bắc Kinh|Tokyo|Moskva|"
    r"London|Paris|Seoul|Bangkok)(?!\w)"
)


def _country_in_sentence_before(text: str, start: int) -> bool:
    """A country named earlier in the same sentence (within 150 characters): a foreign law."""
    window = text[max(0, start - 150) : start]
    sentence = window[max(window.rfind("."), window.rfind(";")) + 1 :]
    return _COUNTRY_SEARCH.search(sentence) is not None


def _in_foreign_news(text: str, start: int) -> bool:
    """A country or foreign leader in the 300 characters before ``start`` and no "Việt Nam"."""
    window = text[max(0, start - 300) : start]
    return _FOREIGN_NEWS.search(window) is not None and "Việt Nam" not in window


def _lower_case_not_a_law(text: str, start: int, name: str) -> bool:
    """A known name after lower-case "luật" is a law unless it is the everyday "luật giao thông"
    (traffic rules in general) or a country is named earlier in the sentence (news about foreign
    laws, which translations write in lower case)."""
    return name == "Luật Giao thông" or _country_in_sentence_before(text, start)


_YEAR_AFTER = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)")


def _constitution(m: re.Match[str], text: str) -> Reference | None:
    year = _YEAR_AFTER.match(text, m.end())  # "Hiến pháp năm 1993 của nước Nga"
    if _foreign_before(text, m.start()) or _FOREIGN_AFTER.match(text, year.end() if year else m.end()):
        return None
    if m.group() == "Hiến pháp" and not year and _in_foreign_news(text, m.start()):
        return None  # "Ông Putin được Hiến pháp cho phép ...": another country's constitution
    date, stated = _context(text, m.end())
    return Reference(
        id="Hiến pháp", type="Hiến pháp", number="", code="", issuer=stated or "Quốc hội", date=date,
        span=(m.start(), m.end()), text=m.group(),
    )  # fmt: skip


#: Types never named after a year the way plans are ("Kế hoạch 2017"): "Quyết định 2032" is a number.
_NEVER_BY_YEAR = ("Quyết định", "Nghị định", "Thông tư", "Công văn")


def _is_quantity(text: str, number: str, end: int, word: str | None = None) -> bool:
    """A number that counts or dates something rather than naming a document."""
    if _QUANTITY_AFTER.match(text, end):
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", number)) and word not in _NEVER_BY_YEAR


#: Warships, missiles and aircraft: their "Đề án" numbers are foreign design projects.
_MILITARY_DESIGN = re.compile(
    r"(?i:tàu ngầm|tàu tuần dương|tàu khu trục|tàu hộ vệ|tàu chiến|tên lửa|chiến đấu cơ|hải quân|Liên Xô)"
)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, within 200 characters either side."""
    before = text[max(0, start - 200) : start]
    after = text[end : end + 200]
    stop = re.search(r"[.;!?](?:\s|$)", after)
    return (
        before[max(before.rfind(". "), before.rfind("; ")) + 1 :]
        + text[start:end]
        + after[: stop.start() if stop else None]
    )


def _short(m: re.Match[str], text: str) -> list[Reference]:
    """A type word and a number ("Nghị quyết 35"), partial; see :func:`_is_weak_form` for the ones
    that count only if the text states the document in full, or names its issuer right after it."""
    word = m["type"]
    if "số" not in m.group():
        if word in _NEED_SO:
            return []  # "Luật 35 tuổi" (a given name), "CT 110" (a model), "KH 12": these need "số"
        if _is_quantity(text, m["number"], m.end(), word):
            return []  # "Kế hoạch 2017" (the plan for a year), "Nghị quyết 3 lần"
    if _foreign_before(text, m.start()):
        return []
    kind = _type_of(word, "")
    if kind == "Đề án" and _MILITARY_DESIGN.search(_sentence_around(text, m.start(), m.end())):
        return []  # "tàu ngầm tấn công Đề án 949A": a (Soviet, Russian) design, not a project
    date, stated = _context(text, m.end())
    year = f"/{m['year']}" if m["year"] else ""
    first = Reference(
        id=f"{kind} {m['number']}{year}", type=kind, number=m["number"], code="", issuer=stated, date=date,
        span=(m.start(), m.end()), text=m.group(), partial=True,
    )  # fmt: skip
    if _is_weak_form(first) and not (date or _ISSUER_NAMED_AFTER.match(text, m.end())):
        first = replace(first, _weak=True)
    references, end = [first], m.end()
    # A weak short form stands alone: its list ("kế hoạch 35 và 36") is as uncertain as it is.
    while not year and not first._weak and (more := _MORE_NUMBERS.match(text, end)):
        number, end = more["number"], more.end()
        if _is_quantity(text, number, end):
            break  # "Nghị quyết 35, 100% cán bộ": the list has ended
        references.append(
            replace(first, id=f"{kind} {number}", number=number, date="", span=(more.start("number"), end),
                    text=number)
        )  # fmt: skip
    if _INTERNATIONAL_AFTER.match(text, end):
        return []  # "nghị quyết 2270 và 2321 của Hội đồng Bảo an"
    return references


#: An issuer named right after a short form ("quyết định 551 của Bộ Tổng tham mưu", "quy định
#: 1161 năm 2015 của Bộ Xây dựng", "quyết định 49 (ngày 1/9/2011) của Thủ tướng", "quyết định 23 về
#: di dời của UBND"): the number is a document's, even after a lower-case type word. So is one
#: with its date ("quyết định 655, ngày 12/5/2017").
_ISSUER_NAMED_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:\s+về(?:\s+[^\W\d_A-ZĐ][^\W\d_]*){1,5})?,?\s*(?:của|do)\s+(?:UBND|HĐND|[A-ZĐ])"
)


def _is_weak_form(ref: Reference) -> bool:
    """A lower-case type word that is also an ordinary noun, with a number and no "số" ("quyết
    định 33", "kế hoạch 35"): a reference only where the same text states that document (or, see
    :func:`_short`, names its issuer right after it)."""
    word = ref.text.split(maxsplit=2)
    return ref.partial and word[0].islower() and " ".join(word[:2]) not in _NUMBERED_NOUNS and "số" not in ref.text


#: Decrees and circulars always carry their year: "Nghị định 67/NĐ-CP" is 67/2014/NĐ-CP with the
#: year left out when the text states that one. (Decisions and resolutions are not merged: an
#: undated "12/QĐ-UBND" belongs to another numbering series than "12/2023/QĐ-UBND".)
_UNDATED_STATE_ID = re.compile(r"(\d+)/((?:NĐ|TT|TTLT)-[^/\s]+)")


def _dated_id(identifier: str, documents: dict[str, Reference]) -> str:
    """The dated id of an undated decree or circular when ``documents`` holds exactly one."""
    if undated := _UNDATED_STATE_ID.fullmatch(identifier):
        pattern = re.compile(rf"{undated[1]}/(?:19|20)\d\d/{re.escape(undated[2])}")
        dated = [i for i in documents if pattern.fullmatch(i)]
        if len(dated) == 1:
            return dated[0]
    return identifier


def _resolve(references: list[Reference]) -> list[Reference]:
    """Qualify partial references where the same text states exactly one matching document in full
    ("Nghị định 24" -> 24/2014/NĐ-CP; a year alone, "Nghị định 24/2014", does not qualify: the
    specification keeps such short forms partial). Weak short forms (:func:`_is_weak_form`) that
    qualify nowhere, and that the text does not confirm elsewhere, are dropped."""
    # Index the fully stated documents once, so that resolving stays linear on long texts.
    by_key: dict[tuple[str, str], dict[str, Reference]] = {}
    for r in references:
        if not r.partial:
            by_key.setdefault((r.type, r.number.lstrip("0")), {})[r.id] = r
            if r.id.startswith("NQTW"):
                by_key.setdefault(("NQTW", r.id.split("-")[0]), {})[r.id] = r
    # An undated decree or circular takes the year the text states for it, before short forms resolve.
    for documents in by_key.values():
        for identifier in list(documents):
            if _dated_id(identifier, documents) != identifier:
                documents.pop(identifier)
    references = [
        replace(r, id=_dated_id(r.id, by_key.get((r.type, r.number.lstrip("0")), {}))) if not r.partial else r
        for r in references
    ]
    # "ký quyết định 929" after "quyết định 929 của Thủ tướng": the text has confirmed that number.
    confirmed = {r.id for r in references if r.partial and not r._weak}
    resolved = []
    for ref in references:
        if ref.partial:
            key = ("NQTW", ref.id) if ref.id.startswith("NQTW") else (ref.type, ref.number.lstrip("0"))
            matches = by_key.get(key, {})
            if "/" in ref.id:  # "Nghị định 24/2014" resolves only to a document of that year
                year = ref.id.rsplit("/", 1)[1]
                matches = {i: r for i, r in matches.items() if f"/{year}/" in i}
            if len(matches) == 1:
                (target,) = matches.values()
                ref = replace(
                    ref,
                    id=target.id,
                    code=target.code,
                    issuer=ref.issuer or target.issuer,
                    partial=False,
                )
            elif ref._weak and ref.id not in confirmed:
                continue
        resolved.append(ref)
    return resolved


def extract_references(text: str) -> list[Reference]:
    """Every reference to a Party or state document in ``text``, in order of appearance.

    Spans are character offsets into ``text`` as given (normalise it first for best results:
    :func:`vnpolitics.normalize` or :func:`vnpolitics.prepare`). Raises ``TypeError`` for non-str.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return _resolve(_find(text))


def extract_article_references(title: str | None, paragraphs: list[str]) -> list[Reference]:
    """References of a prepared article, each tagged with its paragraph (None for the title);
    short forms are resolved against the whole article."""
    found = [replace(r, paragraph=None) for r in _find(title)] if title else []
    for index, paragraph in enumerate(paragraphs):
        found += [replace(r, paragraph=index) for r in _find(paragraph)]
    return _resolve(found)


def _find(text: str) -> list[Reference]:
    """References in one text, short forms not yet resolved."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []  # spans already claimed: disjoint, kept sorted

    def add(ref: Reference | None) -> None:
        if ref is None:
            return
        start, end = ref.span
        i = bisect.bisect_left(taken, ref.span)
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            return  # an earlier, more specific pattern already claimed this text
        found.append(ref)
        taken.insert(i, ref.span)

    for m in _PLENUM.finditer(text):
        for ref in _plenum(m, text):
            add(ref)
    for m in _CONSTITUTION.finditer(text):
        add(_constitution(m, text))
    for m in _LAW.finditer(text):  # before state codes: "Bộ luật Hình sự số 100/2015/QH13" is the law
        for ref in _with_later_years(_law(m, text), text):
            add(ref)
    for m in _PARTY.finditer(text):
        add(_party(m, text))
    for m in _STATE.finditer(text):
        add(_state(m, text))
    for m in _OLD_STATE.finditer(text):
        add(_old_state(m, text))
    for m in _LAW_GENERIC.finditer(text):
        for ref in _with_later_years(_law(m, text), text):
            add(ref)
    for m in _SHORT.finditer(text):
        for ref in _short(m, text):
            add(ref)
    return _share_codes(sorted(found, key=lambda r: r.span), text)


#: "Luật Đất đai năm 2003 và 2013": a later year after a dated law is that law's other version.
_LATER_YEAR = re.compile(r"\s*(?:,|và)\s*(?:năm\s+)?(?P<year>(?:19|20)\d\d)(?![\w/-])")


def _with_later_years(ref: Reference | None, text: str) -> list[Reference]:
    """A law, and a reference for each later year listed after its own."""
    if ref is None:
        return []
    references, end = [ref], ref.span[1]
    if re.search(r"(?:19|20)\d\d$", ref.text):
        while later := _LATER_YEAR.match(text, end):
            end = later.end()
            references.append(replace(ref, span=(later.start("year"), end), text=later["year"], date=""))
    return references


#: "quyết định 106, 107/QĐ-TTg": numbers listed before a full code share it.
_BEFORE_SHARED_CODE = re.compile(r"\s*(?:,|và)\s*")


def _share_codes(references: list[Reference], text: str) -> list[Reference]:
    """Give a short form the code of the fully stated document of its type listed right after it."""
    shared = list(references)
    for i in range(len(shared) - 2, -1, -1):  # backwards, so "105, 106, 107/QĐ-TTg" passes the code on
        short, full = shared[i], shared[i + 1]
        if (
            short.partial
            and not full.partial
            and short.type == full.type
            and "/" not in short.id  # "Nghị định 24/2014" has its own year
            and full.id.startswith(full.number)
            and _BEFORE_SHARED_CODE.fullmatch(text, short.span[1], full.span[0])
        ):
            shared[i] = replace(
                short, id=short.number + full.id[len(full.number) :], code=full.code,
                issuer=short.issuer or full.issuer, partial=False, _weak=False,
            )  # fmt: skip
    return shared


def evaluate(
    gold_path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None, texts_dir: str | None = None
) -> dict[str, object]:
    """Precision and recall of :func:`extract_references` on a hand-built set (default
    ``corpus/references/test.jsonl``, see ``corpus/references/README.md``), or on several pooled
    (a sequence of paths). A prediction is correct when its span overlaps a gold reference's span
    and the canonical ids are equal. Also reports detection alone (spans only)."""
    from pathlib import Path

    from vnpolitics.corpus import CorpusError, annotations_dir, manifest, read_articles, read_jsonl
    from vnpolitics.text import SPLITTER_VERSION

    if gold_path is None:
        paths = [annotations_dir() / "references" / "test.jsonl"]
    else:
        one = isinstance(gold_path, (str, os.PathLike))
        paths = [Path(gold_path)] if one else [Path(p) for p in gold_path]  # type: ignore[union-attr]
    rows = [{**row, "_path": path} for path in paths for row in read_jsonl(path)]
    # Rows name their source when the article is not in the annotated corpus (a blind set drawn
    # from unannotated articles); otherwise the manifest knows it.
    sources = {article_id: row["source"] for article_id, row in manifest().items()}
    wanted = {r["id"]: r.get("source") or sources[r["id"]] for r in rows}
    articles = read_articles(wanted, Path(texts_dir) if texts_dir else None)
    n_gold = n_pred = correct = detected_pred = detected_gold = 0
    errors: list[dict[str, object]] = []
    for row in rows:
        if row["splitter"] != SPLITTER_VERSION:
            raise CorpusError(f"{row['_path']}: {row['id']}#{row['index']} uses splitter {row['splitter']}")
        text = articles[row["id"]].paragraphs[row["index"]].text
        gold = row["references"]
        predicted = extract_references(text)
        n_gold += len(gold)
        n_pred += len(predicted)
        used: set[int] = set()
        for ref in predicted:
            overlapping = [i for i, g in enumerate(gold) if ref.span[0] < g["span"][1] and g["span"][0] < ref.span[1]]
            detected_pred += bool(overlapping)
            match = next((i for i in overlapping if gold[i]["id"] == ref.id and i not in used), None)
            if match is None:
                expected = [gold[i]["id"] for i in overlapping]
                errors.append(
                    {"unit": f"{row['id']}#{row['index']}", "predicted": ref.id, "text": ref.text, "gold": expected}
                )
            else:
                used.add(match)
                correct += 1
        for i, g in enumerate(gold):
            overlaps = any(r.span[0] < g["span"][1] and g["span"][0] < r.span[1] for r in predicted)
            detected_gold += overlaps
            if i not in used and not overlaps:
                errors.append({"unit": f"{row['id']}#{row['index']}", "missed": g["id"], "text": g["text"]})
    return {
        "units": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "precision": correct / n_pred if n_pred else 1.0,
        "recall": correct / n_gold if n_gold else 1.0,
        "detection_precision": detected_pred / n_pred if n_pred else 1.0,
        "detection_recall": detected_gold / n_gold if n_gold else 1.0,
        "errors": errors,
    }
