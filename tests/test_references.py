"""Document references: canonical ids, fields, traps and look-alikes (fixtures written for the tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnpolitics.references import evaluate, extract_article_references, extract_references


def ids(text: str) -> list[str]:
    return [r.id for r in extract_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị", "35-NQ/TW"),
        ("NQ 35-NQ/TW", "35-NQ/TW"),
        ("Nghị quyết số 35-NQ/TW của Bộ Chính trị khóa XII", "35-NQ/TW"),
        ("35/NQ-TW", "35-NQ/TW"),  # a Party code written in state order
        ("Kết luận số 21-KL/TW", "21-KL/TW"),
        ("Quy định 37-QĐ/TW", "37-QĐ/TW"),
        ("Chỉ thị số 05-CT/TW", "05-CT/TW"),
        ("Quy định số 09-QĐi/TU", "09-QĐi/TU"),
        ("Quy định 439-QĐNS/TW", "439-QĐNS/TW"),
        ("Đề án 05-ĐA/TU", "05-ĐA/TU"),
        ("Kế hoạch số 140-KH/HU", "140-KH/HU"),
        ("Quyết định số 339/QĐ-TTg", "339/QĐ-TTg"),
        ("Nghị quyết số 170/2024/QH15", "170/2024/QH15"),
        ("Nghị quyết 29/NQ-CP của Chính phủ", "29/NQ-CP"),
        ("Nghị định 13/2023/NĐ-CP", "13/2023/NĐ-CP"),
        ("Nghị quyết Trung ương 4 (khóa XII)", "NQTW4-XII"),
        ("Nghị quyết TƯ 4 khóa XII", "NQTW4-XII"),
        ("Nghị quyết Hội nghị Trung ương 4 khóa 12", "NQTW4-XII"),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", "NQTW4-XII"),
        ("NQTW4 khóa XII", "NQTW4-XII"),
        ("Luật An ninh mạng năm 2018", "Luật An ninh mạng"),
        ("Bộ luật Hình sự", "Bộ luật Hình sự"),
        ("Bộ luật hình sự số 100/2015/QH13", "Bộ luật Hình sự"),  # one reference: the law, by name
        ("BLHS năm 2015", "Bộ luật Hình sự"),
        ("Luật các tổ chức tín dụng", "Luật Các tổ chức tín dụng"),
        ("Luật Giao thông", "Luật Giao thông"),
        ("công văn số 2120/VPCP-KTTH", "2120/VPCP-KTTH"),
        ("quyết định truy nã số 03/C46-P12", "03/C46-P12"),
        ("Nghị định 53/2026/NĐ - CP", "53/2026/NĐ-CP"),
        ("Nghị định 24/2014", "Nghị định 24/2014"),  # partial, with its year
        ("nghị định 67", "Nghị định 67"),
        ("Hiến pháp năm 2013", "Hiến pháp"),
        ("Quyết định số 824-QĐ/TTg", "824/QĐ-TTg"),  # a state document written in Party order
        ("Quyết định số 601/QĐ-Ttg", "601/QĐ-TTg"),
        ("Luật Thuế TNDN", "Luật Thuế thu nhập doanh nghiệp"),
        ("NĐ 99/2015", "Nghị định 99/2015"),
        ("Thông tư 15.2015", "Thông tư 15/2015"),
        ("Luật Thuế BVMT", "Luật Thuế bảo vệ môi trường"),
        ("Luật Phòng chống tác hại của thuốc lá", "Luật Phòng, chống tác hại của thuốc lá"),
        ("Nghị quyết 19- 2017/NQ-CP", "19/2017/NQ-CP"),
        ("Nghị định số 155/2016/ NĐ-CP", "155/2016/NĐ-CP"),  # a stray space after the slash
        ("Luật DNNVV", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa"),
        ("theo Quyết định 120 QĐ-TTg của Thủ tướng", "120/QĐ-TTg"),  # the slash left out
        ("Thông tư 12 năm 2010 của Bộ", "Thông tư 12/2010"),
        ("Thông tư liên tịch số 03/2012/TTLT/BCA-BQP hướng dẫn", "03/2012/TTLT-BCA-BQP"),
        ("Nghị định số 59-CP ngày 3/10/1996", "59-CP"),  # before 1997: no year, no type code
        ("Nghị định số215/2013/NĐ-CP", "215/2013/NĐ-CP"),  # the space after "số" left out
        ("theo Điều 10 bộ Luật Dân sự", "Bộ luật Dân sự"),
        ("sửa luật tổ chức QH", "Luật Tổ chức Quốc hội"),
        ("vi phạm luật ATTP", "Luật An toàn thực phẩm"),
        ("Luật Phòng, chống HIV/AIDS", "Luật Phòng, chống HIV/AIDS"),
        ("thực hiện luật đất đai", "Luật Đất đai"),  # a known name, in lower case
        ("Luật Dân sự thừa nhận quyền này", "Luật Dân sự"),
        ("theo Điều 194-BLHS", "Bộ luật Hình sự"),
        ("Luật Phí, lệ phí năm 2015", "Luật Phí và lệ phí"),
        ("Công văn số 508/UBVHGDTTN14 của Ủy ban", "508/UBVHGDTTN14"),  # a long committee code
        ("Quyết định giải quyết khiếu nại số 333 của tỉnh", "Quyết định 333"),  # described, then "số"
        ("quyết định xử phạt số 2496/QĐ -XPVPHC", "2496/QĐ-XPVPHC"),
        ("công văn số 1304/UBND-QLĐTư gửi Bộ", "1304/UBND-QLĐTư"),
        ("Luật Hỗ trợ DNNVV áp dụng ba tiêu chí", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa"),
        ("căn cứ Điều 74 Hiến pháp nước CHXHCN Việt Nam", "Hiến pháp"),
        ("Tuấn Anh cho biết Hiến pháp quy định quyền con người.", "Hiến pháp"),  # "Anh": a name here
        ("Đoàn công tác tại Lào Cai quan tâm Luật Đặc khu", "Luật Đặc khu"),
        ("Kế hoạch số 12/KH-BCĐTƯ", "12/KH-BCĐTƯ"),
        # From the blind set test15 (fixtures written for the tests):
        ("Viện đã có Kết luận kiểm sát số 18/KLKS-HS về vụ việc", "18/KLKS-HS"),  # described, then "số"
        ("quyết định không khởi tố vụ hình sự số 77 của cơ quan", "Quyết định 77"),
        ("theo Quyết định của Ngân hàng Nhà nước số 493/2005 về nợ", "Quyết định 493/2005"),  # issuer first
        (
            "sửa Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND",
            f"Luật Bầu cử đại biểu Quốc hội và đại biểu {'Hội đồng nhân dân'}",
        ),
        ("sửa Luật Quản lý nợ cộng", "Luật Quản lý nợ công"),  # a misspelt tone
        ("Luật Tiêu chuẩn và Quy chuẩn kỹ thuật", "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật"),
        ("theo quy định của Bộ luật Hàng hải và pháp luật", "Bộ luật Hàng hải"),
        ("Nghị quyết 45/NQ-TU của Bộ Chính trị về thành phố", "45-NQ/TW"),  # the horn of "TƯ" lost
        ("Nghị quyết 45/NQ-TU của Tỉnh ủy", "45-NQ/TU"),
        ("Thông tư liên tịch số 07/2014/TTLT-BCA-BQP- VKSNDTC hướng dẫn", "07/2014/TTLT-BCA-BQP-VKSNDTC"),
        ("tàu đóng theo Nghị định 67 /2014/NĐ-CP của Chính phủ", "67/2014/NĐ-CP"),  # a space before the slash
        ("UBND thành phố ban hành Quyết định 2041 về chợ", "Quyết định 2041"),  # a number, not a year
        ("luật về hội chưa được ban hành", "Luật về hội"),
        ("thực hiện Nghị quyết 16/2008/CP của Chính phủ", "16/2008/NQ-CP"),  # the type part left out
        # From the blind set test16:
        ("sửa đổi Nghị định 38/2012/ND-CP về an toàn", "38/2012/NĐ-CP"),  # "Đ" without its stroke
        ("theo Điều 12, Nghị định 134/2016-NĐ-CP thì", "134/2016/NĐ-CP"),
        ("Theo quy định luật Tố tụng hình sự, trong 24 giờ", "Luật Tố tụng hình sự"),  # an everyday name
        ("vi phạm Luật Hôn nhân gia đình", "Luật Hôn nhân và gia đình"),
        ("phổ biến Luật Bầu cử ĐBQH và HĐND", "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"),
        ("theo luật Tổ chức TAND", "Luật Tổ chức Tòa án nhân dân"),
        ("theo Pháp lệnh Công nghiệp quốc phòng năm 2008", "Pháp lệnh Công nghiệp quốc phòng"),  # by name
        ("Pháp lệnh Cảnh vệ số 25/2005/PL-UBTVQH11 hết hiệu lực", "25/2005/PL-UBTVQH11"),
        # From the blind set test17:
        ("tại Quyết định số 418/2009/QĐUB ký ngày 2/12/2009", "418/2009/QĐ-UB"),  # the dash left out
        ("đề xuất sửa đổi Pháp lệnh Người có công.", "Pháp lệnh Người có công"),
        ("vi phạm Pháp lệnh ngoại hối 2005", "Pháp lệnh Ngoại hối"),
        ("theo quy định của Luật Giáo dục ĐH, Điều lệ trường", "Luật Giáo dục đại học"),
        ("Khoản 12 Điều 5 Luật thuế GTGT số 13/2008/QH12", "Luật Thuế giá trị gia tăng"),
        ("Điều 4 (Luật An toàn giao thông đường bộ năm 2008)", "Luật An toàn giao thông đường bộ"),
        ("làm rõ nút thắt trong quyết định 417 của Bộ Quốc phòng về đất", "Quyết định 417"),  # issuer after
        # From the blind set test18:
        ("khoản 2 Điều 4 Thông tư số 41/2014/TT/BTC của Bộ Tài chính", "41/2014/TT-BTC"),  # a slash for the dash
        ("theo Công văn số 212/CV/HHDN của hiệp hội", "212/CV/HHDN"),  # an unknown issuer keeps its slash
        ("Quyết định số 36/2015/QĐ-ƯBND ngày 4/6/2015", "36/2015/QĐ-UBND"),  # the horn typed by mistake
        ("theo Nghị quyết HĐND tỉnh Hà Tĩnh số 82 ngày 10.7.2015", "Nghị quyết 82"),
        ("trình Quốc hội cho ý kiến về dự án Luật Dân số; sau đó", "Luật Dân số"),
        ("căn cứ Luật Ban hành các văn bản quy phạm pháp luật 2015", "Luật Ban hành các văn bản quy phạm pháp luật"),
        # From the blind set test19:
        ("triển khai thông tư 04/2016- BYT do Bộ Y tế", "04/2016/TT-BYT"),  # the type code left out
        ("trước khi Luật Phòng cháy, chữa cháy số 27/2001/QH10 có hiệu lực", "Luật Phòng cháy và chữa cháy"),
        ("Quốc hội thông qua Luật Tố tụng Hành chính (Luật số 64/2010/QH12).", "Luật Tố tụng hành chính"),
        ("ông dẫn quyết định 58 (ngày 1/9/2011) của Thủ tướng về lộ trình", "Quyết định 58"),
        ("tuyển quân đúng Luật NVQS năm 2015", "Luật Nghĩa vụ quân sự"),  # from test21
        # From the blind set test20: listed names with a small word left out or a comma for "và".
        ("Luật bảo vệ chăm sóc giáo dục trẻ em 2004", "Luật Bảo vệ, chăm sóc và giáo dục trẻ em"),
        ("Luật Phòng, chống tác hại thuốc lá năm 2012", "Luật Phòng, chống tác hại của thuốc lá"),
        ("luật Tiêu chuẩn, quy chuẩn kỹ thuật", "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật"),
        ("điều 125 bộ luật hình sự", "Bộ luật Hình sự"),  # the code in lower case
        ("bộ luật Tố tụng hình sự (BLTTHS, năm 2015)", "Bộ luật Tố tụng hình sự"),  # one reference
        ("Luật Trách nhiệm bồi thường Nhà nước", "Luật Trách nhiệm bồi thường Nhà nước"),  # listed as written
        ("Luật Trách nhiệm bồi thường của nhà nước", "Luật Trách nhiệm bồi thường của Nhà nước"),
        ("phê duyệt bằng quyết định 655, ngày 12/5/2017", "Quyết định 655"),  # confirmed by its date
        ("thực hiện quyết định 23 về di dời của UBND thành phố", "Quyết định 23"),  # by its issuer
        # From the blind set test22:
        ("theo khoản 6 Điều 7 Luật Bảo vệ và chăm sóc giáo dục trẻ em", "Luật Bảo vệ, chăm sóc và giáo dục trẻ em"),
        ("Nghị định 168/2024/NĐ về xử phạt", "168/2024/NĐ-CP"),  # decrees are the Government's
        ("Quyết định số 2551/QDD-TTg", "2551/QĐ-TTg"),  # Telex's "DD" for "Đ"
        ("Nghị quyết Trung ương 04", "NQTW4"),
        ("Quyết định số 31-QĐ/ĐU-MTTW ngày 21/2/2017", "31-QĐ/ĐU-MTTW"),  # a Party committee of a body
        ("theo quy định của luật Lao động.", "Luật Lao động"),  # a code's everyday name, capitalised
        ("Luật CNTT", "Luật Công nghệ thông tin"),
        ("Luật MTTQ Việt Nam", "Luật Mặt trận Tổ quốc Việt Nam"),
        ("xây dựng Luật Khu hành chính - kinh tế đặc biệt,", "Luật Khu hành chính - kinh tế đặc biệt"),
        ("phân bổ theo Luật ngân sách,", "Luật Ngân sách"),
        ("góp ý dự thảo Luật Ngân sách địa phương", "Luật Ngân sách địa phương"),  # a longer name, not listed
        # From the blind set test23:
        ("Tại Thông tư liên tịch số 17/2013 hướng dẫn", "Thông tư 17/2013"),  # a joint circular is a circular
        ("theo Luật 106/2016/Qh13", "106/2016/QH13"),
        ("theo Bộ luật TTHS năm 2015", "Bộ luật Tố tụng hình sự"),
        ("Bộ luật HHVN năm 2015", "Bộ luật Hàng hải Việt Nam"),
        # From the blind set test24:
        ("nhằm thay thế Quyết định (QĐ) 33/2014 của UBND", "Quyết định 33/2014"),  # the abbreviation in brackets
        ("thực hiện theo Pháp lệnh Phí và Lệ Phí.", "Pháp lệnh Phí và lệ phí"),
    ],
)
def test_surface_forms_normalise_to_the_canonical_id(text: str, expected: str) -> None:
    assert ids(f"Cán bộ quán triệt {text} tới đảng viên.") == [expected]


def test_fields_of_a_fully_stated_reference() -> None:
    (ref,) = extract_references("Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị khóa XII.")
    assert (ref.type, ref.number, ref.code, ref.issuer, ref.date) == (
        "Nghị quyết", "35", "NQ/TW", "Bộ Chính trị", "2018-10-22",
    )  # fmt: skip
    assert ref.text == "Nghị quyết số 35-NQ/TW" and ref.span == (10, 32) and not ref.partial


def test_issuer_implied_by_the_code() -> None:
    assert [r.issuer for r in extract_references("Đề án 05-ĐA/TU và Quyết định 339/QĐ-TTg")] == [
        "Tỉnh ủy",
        "Thủ tướng Chính phủ",
    ]


def test_short_forms_resolve_only_when_the_text_states_them() -> None:
    refs = extract_references("Nghị quyết số 35-NQ/TW được triển khai. Nghị quyết 35 đã đi vào cuộc sống.")
    assert [(r.id, r.partial) for r in refs] == [("35-NQ/TW", False), ("35-NQ/TW", False)]
    assert [(r.id, r.partial) for r in extract_references("Nghị quyết 35 đã đi vào cuộc sống.")] == [
        ("Nghị quyết 35", True)
    ]
    # Two different documents numbered 29: the short form stays partial, never guessed.
    both = extract_references("Nghị quyết 29-NQ/TW và Nghị quyết 29/NQ-CP; Nghị quyết 29 nêu rõ.")
    assert [r.id for r in both] == ["29-NQ/TW", "29/NQ-CP", "Nghị quyết 29"]
    assert ids("Nghị quyết Trung ương 4 khóa XII. Thực hiện NQTW4.") == ["NQTW4-XII", "NQTW4-XII"]
    assert ids("Nghị quyết Trung ương 4 khóa XII. Nghị quyết 4 nêu rõ.") == ["NQTW4-XII", "NQTW4-XII"]
    assert ids("Thực hiện Nghị quyết Trung ương 4.") == ["NQTW4"]


def test_lower_case_short_forms_count_only_where_the_text_states_the_document() -> None:
    assert ids("Quyết định số 150/2004/QĐ-UB nêu rõ; quyết định 150 đã hết hiệu lực.") == ["150/2004/QĐ-UB"] * 2
    assert ids("Theo quyết định 33 của tỉnh, kế hoạch 35 sẽ được điều chỉnh.") == []


def test_a_term_in_brackets() -> None:
    assert ids("Nghị quyết Trung ương 5 khóa (XII) và Nghị quyết Trung ương 5") == ["NQTW5-XII"] * 2


def test_a_letter_needs_so_only_after_a_description() -> None:
    assert ids("văn bản hướng dẫn như 78/2014/TT-BTC, 96/2015/TT-BTC") == ["78/2014/TT-BTC", "96/2015/TT-BTC"]


def test_a_list_repeating_so() -> None:
    assert ids("Quyết định số 43 và số 10 của UBND tỉnh") == ["Quyết định 43", "Quyết định 10"]


def test_a_list_of_numbers_after_one_type_word() -> None:
    assert ids("theo chỉ đạo (Chỉ thị số 12, 23 và 29).") == ["Chỉ thị 12", "Chỉ thị 23", "Chỉ thị 29"]
    assert ids("Thực hiện Nghị quyết 35, 100% cán bộ đã học tập.") == ["Nghị quyết 35"]


def test_review_cases_keep_what_they_should() -> None:
    assert ids("Là thạc sĩ ngành luật kinh tế, ông A cho rằng Luật Doanh nghiệp 2020 còn bất cập.") == [
        "Luật Doanh nghiệp"
    ]
    assert ids("Sinh viên ngành Luật Kinh tế được giới thiệu Luật Doanh nghiệp và Luật Đầu tư.") == [
        "Luật Doanh nghiệp", "Luật Đầu tư",
    ]  # fmt: skip
    assert ids("Sửa đổi một số điều của Pháp lệnh Ngoại hối và Pháp lệnh Quản lý thị trường.") == [
        "Pháp lệnh Ngoại hối", "Pháp lệnh Quản lý thị trường",
    ]  # fmt: skip
    assert ids("Dự thảo Luật Bảo vệ công trình quan trọng được trình.") == ["Luật Bảo vệ công trình quan trọng"]
    assert ids("Nghị quyết số 17/2021/NQ/HĐND của HĐND tỉnh.") == ["17/2021/NQ-HĐND"]
    (ordinance,) = extract_references("Pháp lệnh Ngoại hối được sửa đổi.")
    assert ordinance.issuer == "Ủy ban Thường vụ Quốc hội"


def test_a_weak_short_form_counts_where_the_text_confirms_that_number() -> None:
    text = "Thủ tướng ký quyết định 92 của Thủ tướng về nhân sự. Sau quyết định 92, sở bàn giao; quyết định 7 lần."
    assert ids(text) == ["Quyết định 92", "Quyết định 92"]


def test_numbers_listed_before_a_full_code_share_it() -> None:
    assert ids("Thủ tướng vừa ký các quyết định 106, 107/QĐ-TTg về kỷ luật.") == ["106/QĐ-TTg", "107/QĐ-TTg"]
    assert ids("Các Nghị quyết 35, 36-NQ/TW của Bộ Chính trị.") == ["35-NQ/TW", "36-NQ/TW"]


def test_a_later_year_after_a_dated_law_is_that_law_again() -> None:
    refs = extract_references("Giai đoạn giao thời giữa Luật Đất đai năm 2003 và 2013, các nghị định")
    assert [(r.id, r.text) for r in refs] == [("Luật Đất đai", "Luật Đất đai năm 2003"), ("Luật Đất đai", "2013")]


def test_a_state_id_without_its_year_resolves_to_the_dated_one() -> None:
    text = "Tàu đóng theo Nghị định 17/2014/NĐ-CP. Ngư dân vay vốn theo Nghị định 17/NĐ-CP."
    assert ids(text) == ["17/2014/NĐ-CP", "17/2014/NĐ-CP"]
    assert ids("Nghị định 17/NĐ-CP và Nghị định 17/2014/NĐ-CP, Nghị định 17/2016/NĐ-CP") == [
        "17/NĐ-CP", "17/2014/NĐ-CP", "17/2016/NĐ-CP",
    ]  # fmt: skip
    # Then a bare short form has one document to resolve to.
    assert ids("Nghị định 67/2014/NĐ-CP và Nghị định 67/NĐ-CP. Nghị định 67 được sửa.") == ["67/2014/NĐ-CP"] * 3
    # Undated decisions are another numbering series: not merged.
    assert ids("Quyết định 12/2023/QĐ-UBND về giá đất và Quyết định 12/QĐ-UBND về nhân sự.") == [
        "12/2023/QĐ-UBND", "12/QĐ-UBND",
    ]  # fmt: skip


def test_short_forms_resolve_only_to_a_document_of_the_same_year() -> None:
    assert ids("Nghị định 24/2014 và Nghị định số 24/2015/NĐ-CP") == ["Nghị định 24/2014", "24/2015/NĐ-CP"]
    assert ids("Nghị định 24/2015 và Nghị định số 24/2015/NĐ-CP") == ["24/2015/NĐ-CP", "24/2015/NĐ-CP"]


def test_a_vietnamese_law_after_an_international_body_is_kept() -> None:
    text = "Để thực hiện Công ước về quyền trẻ em, Quốc hội đã ban hành Luật Trẻ em năm 2016."
    assert ids(text) == ["Luật Trẻ em"]
    assert ids("Phái đoàn Liên hợp quốc làm việc về Luật An ninh mạng.") == ["Luật An ninh mạng"]


def test_letters_that_casefold_differently_do_not_crash() -> None:
    assert ids("Bộ luật Hình ſự") == ["Bộ luật Hình sự"]


def test_several_terms_give_several_references() -> None:
    assert ids("Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng") == ["NQTW4-XI", "NQTW4-XII"]


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ số điện thoại 0912.345.678 hoặc 024 3825 1234.",
        "Ngày 22/10/2018, hội nghị đã diễn ra.",
        "Kỳ 1: Chú trọng nâng cao nhận thức chính trị",
        "Trụ sở tại số 35 đường Lê Lợi, tỷ lệ 12/15 xã đạt chuẩn.",
        "Các nghị quyết của Đảng và luật pháp của Nhà nước được tuyên truyền.",
        "Luật sư Nguyễn Văn A cho biết, dự án mã số 36/2019/H-QLKH đã hoàn thành.",
        "Ông B, giảng viên Trường Luật Harvard, làm việc tại Công ty Luật TNHH Minh An.",
        "Văn phòng đã có văn bản số 357/TB-VPCP gửi các bộ.",
        "Công ước Liên hợp quốc về Luật Biển năm 1982 được viện dẫn.",
        "Hội đồng Bảo an Liên hợp quốc thông qua Nghị quyết 2356 vào ngày 2/6.",
        "Chính sách theo pháp luật Đất đai; kế hoạch 5 năm; nghị quyết 3 lần bị hoãn.",
        "Tòa tuyên phạt bị cáo Luật 12 tháng tù. Kế hoạch 2017, công ty đặt mục tiêu tăng 15%.",
        "Khởi tố theo Điều 348 Bộ luật Hình sự nước Nga; thí sinh chọn Đại học Luật Hà Nội.",
        'Hạ viện Mỹ cũng thông qua "Luật Kate" về nhập cư, sửa Luật Nhập cư năm 1917.',
        "Ông là giám đốc Công ty TNHH Luật Bảo Ngọc; các nước tôn trọng Luật Biển.",
        "Luật sư cho biết dự án mã số 36/2019/H-QLKH đã hoàn thành.",
        "Công ty đã thông báo cho khách hàng số 12/2019/HĐTD. Bị cáo Trần Văn Luật 35 tuổi.",
        "Doanh nghiệp tuân thủ pháp luật BHXH. Hiến pháp năm 1993 của nước Nga được sửa đổi.",
        "Các nước thực thi lệnh được thông qua trong nghị quyết 2270 và 2321 của Hội đồng Bảo an.",
        "Nhiều người vi phạm luật giao thông. Ngày 12 QĐ-TTg, số 28-CP.",
        "Từ năm 2015, Trung Quốc siết chặt quản lý theo luật an ninh mạng mới.",  # a foreign law
        "Sở đã có văn bản xử phạt hành chính số 12/QĐ-XPVPHC đối với công ty.",  # an individual act
        "Chiếc Cub CT 110 được sản xuất năm 1980; tòa CT 2E đã bàn giao.",  # models and buildings
        "Người phụ nữ bị bắt theo Luật An ninh Nội địa Singapore.",
        "Tổng thống Putin tuyên bố tái tranh cử. Ông được Hiến pháp cho phép tranh cử lần thứ hai.",
        "Chủ tịch Hội đồng Hiến pháp công bố kết quả; ông tốt nghiệp Trung tâm Luật Đại học Georgetown.",
        # From a review: ordinary words around a lower-case "luật", and lists and ranges.
        "Xử lý kỷ luật cán bộ, công chức; quy luật giá trị, quy luật cạnh tranh.",
        "Kế hoạch 5 năm 2021 - 2025 của tỉnh; kế hoạch 35 và 36 được triển khai; KH 12-CP; ngày 12 NQ-TW.",
        "Cơ quan FDA của Mỹ dẫn quy định của Luật Hiện đại hóa An toàn Vệ sinh Thực phẩm.",
        # From the blind set test15: a draft "the Government submits", a field of study, a federation.
        "Cả luật hiện hành và dự thảo Luật Chính phủ trình Quốc hội đều quy định như vậy.",
        "Khối ngành Luật: 1 Luật Kinh tế D380107; 2 Ngôn ngữ Anh.",
        "Hắn bị khởi tố theo Điều 105 Bộ luật Hình sự Liên bang Nga.",
        "Kế hoạch 2030 của tỉnh đặt mục tiêu tăng trưởng 7%.",  # a plan named after its year
        "Các tàu được đóng theo đề án 949A của hải quân.",  # a foreign design, lower case
        "Sở trả lời về quyết định chuyển đổi mục sử dụng khu đất số 1A phường Phú Hữu.",  # a lot number
        "Các môn học Luật hình sự, Luật tố tụng hình sự, luật thương mại quốc tế có điểm chuẩn cao.",  # subjects
        "Theo luật sư, các quy định xử phạt trong Luật Hành chính chưa rõ.",  # a field of law
        "Quyết định của Tòa phúc thẩm khu vực số 9 ở San Francisco gây tranh cãi.",  # a court's name
        "Ban Chỉ đạo có Công điện số 08/CĐ-TW gửi các tỉnh.",  # a telegram: not one of the types
        "Mã hồ sơ 04/2016 - BYT đã được tiếp nhận.",  # no type word says it is a document
        "Tên lửa trang bị cho tàu ngầm tấn công Đề án 885 Yasen của hải quân.",  # a foreign design (test21)
        # From a review: other papers after an issuer, fields of law, ordinary compounds.
        "Theo kết luận của Thủ tướng tại văn bản số 357/TB-VPCP, các bộ phải báo cáo.",
        "Kỳ họp thông qua Nghị quyết của HĐND tỉnh theo Tờ trình số 45/TTr-UBND.",
        "Kết luận của Đoàn tại Báo cáo số 12/BC-ĐKT đã nêu.",
        "Hội thảo bàn về Luật Thương mại quốc tế và thực tiễn.",
        "Cần hoàn thiện các luật về hội nhập kinh tế quốc tế.",
        # From the blind set test22: submissions, a committee's name.
        "Ban cán sự đảng có Tờ trình 01-TTr/BCSĐ gửi Bộ Chính trị.",
        "Ông từng là Chủ tịch Ủy ban Dự thảo Hiến pháp của Quốc hội.",
        # From test24: a submission, a licence, a degree.
        "Sở có Tờ trình số 338/TT-ĐC đề nghị cấp giấy chứng nhận.",
        "Tỉnh thu hồi giấy phép khai thác khoáng sản số 563/QĐ-UBND, ngày 12/8/2013.",
        "Sinh viên tốt nghiệp có bằng Cử nhân Luật Thương mại Quốc tế.",
    ],
)
def test_look_alikes_are_not_references(text: str) -> None:
    assert extract_references(text) == []


def test_article_references_resolve_across_paragraphs() -> None:
    refs = extract_article_references(
        "Học tập Nghị quyết 35", ["Nghị quyết số 35-NQ/TW của Bộ Chính trị.", "Tổ 35 hoạt động hiệu quả."]
    )
    assert [(r.id, r.paragraph) for r in refs] == [("35-NQ/TW", None), ("35-NQ/TW", 0)]


def test_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        extract_references(None)  # type: ignore[arg-type]


def test_to_dict_has_every_field() -> None:
    (ref,) = extract_references("Quyết định số 339/QĐ-TTg")
    assert set(ref.to_dict()) == {
        "id",
        "type",
        "number",
        "code",
        "issuer",
        "date",
        "span",
        "text",
        "partial",
        "paragraph",
    }


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["test", "test3", "test22"])
def test_precision_and_recall_on_the_hand_built_sets(shared_corpus: Path, name: str) -> None:
    # Regression floors, not the reported scores (see corpus/references/README.md for those).
    result = evaluate(str(Path(__file__).parent.parent / "corpus" / "references" / f"{name}.jsonl"), str(shared_corpus))
    assert result["gold"] >= 100
    assert result["precision"] >= 0.95 and result["recall"] >= 0.9, result["errors"]


@pytest.mark.corpus
def test_several_sets_pool_their_counts(shared_corpus: Path) -> None:
    folder = Path(__file__).parent.parent / "corpus" / "references"
    one, two = (evaluate(str(folder / f"{name}.jsonl"), str(shared_corpus)) for name in ("test", "test2"))
    both = evaluate([str(folder / "test.jsonl"), str(folder / "test2.jsonl")], str(shared_corpus))
    for count in ("units", "gold", "predicted"):
        assert both[count] == one[count] + two[count]  # type: ignore[operator]
    correct = one["precision"] * one["predicted"] + two["precision"] * two["predicted"]  # type: ignore[operator]
    assert both["precision"] == pytest.approx(correct / both["predicted"])  # type: ignore[operator]


def test_many_references_in_one_long_text() -> None:
    # 15,000 references: every one found, each short form resolved through the index of full ids.
    text = "Theo Nghị quyết số 35-NQ/TW, Nghị quyết 35 và Bộ luật hình sự. " * 5000
    refs = extract_references(text)
    assert len(refs) == 15000
    assert {r.id for r in refs} == {"35-NQ/TW", "Bộ luật Hình sự"}


def test_cli_lists_the_sets_when_one_does_not_exist() -> None:
    from click.testing import CliRunner

    from vnpolitics.cli import main

    result = CliRunner().invoke(main, ["evaluate-references", "--set", "no-such-set"])
    assert result.exit_code == 2
    assert "no set 'no-such-set'" in result.output and "dev, test, test2," in result.output
