"""Short Vietnamese texts written for the tests (not taken from any corpus)."""

from __future__ import annotations

PARAGRAPHS: dict[str, list[str]] = {
    "education": [
        "Huyện ủy tổ chức hội nghị học tập, quán triệt nghị quyết Đại hội Đảng cho cán bộ chủ chốt.",
        "Trường Chính trị tỉnh khai giảng lớp trung cấp lý luận chính trị cho 80 học viên.",
        "Các chi bộ đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đội ngũ báo cáo viên được bồi dưỡng kiến thức để tuyên truyền nghị quyết của Đảng.",
        "Đảng ủy xã mở lớp bồi dưỡng lý luận chính trị cho đảng viên mới kết nạp.",
        "Sau đợt học tập nghị quyết, mỗi đảng viên viết bài thu hoạch và kế hoạch làm theo.",
        "Lớp cao cấp lý luận chính trị hệ không tập trung được tổ chức tại thành phố.",
        "Hội nghị quán triệt chuyên đề học tập làm theo gương Bác cho toàn thể đoàn viên.",
    ],
    "cyberspace": [
        "Tổ 35 của huyện đăng bài phản bác các quan điểm sai trái, thù địch trên mạng xã hội.",
        "Đoàn viên được hướng dẫn nhận diện và không chia sẻ thông tin xấu, độc trên không gian mạng.",
        "Ban Chỉ đạo 35 tăng cường bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng.",
        "Lực lượng 47 chủ động đấu tranh với các luận điệu xuyên tạc trên internet.",
        "Các trang fanpage chính thống lan tỏa thông tin tích cực, phản bác tin giả trên mạng.",
        "Thực hiện Luật An ninh mạng, ngăn chặn thông tin sai sự thật, xuyên tạc trên mạng xã hội.",
        "Đấu tranh phản bác quan điểm sai trái, thù địch, bảo vệ nền tảng tư tưởng của Đảng.",
        "Nhóm tuyên truyền trên mạng xã hội kịp thời đăng thông tin chính thống, định hướng dư luận.",
    ],
    "self_criticism": [
        "Tập thể Ban Thường vụ nghiêm túc kiểm điểm tự phê bình và phê bình theo tinh thần tự soi, tự sửa.",
        "Ủy ban Kiểm tra Tỉnh ủy đề nghị thi hành kỷ luật khiển trách đối với hai đảng viên vi phạm.",
        "Ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, tự diễn biến, tự chuyển hóa.",
        "Thực hiện Nghị quyết Trung ương 4 về xây dựng, chỉnh đốn Đảng trong toàn đảng bộ.",
        "Cán bộ lãnh đạo, người đứng đầu phải nêu gương, tự phê bình nghiêm túc trước tập thể.",
        "Kết quả đánh giá, xếp loại chất lượng đảng viên cuối năm được công khai tại chi bộ.",
        "Kiểm điểm làm rõ trách nhiệm của tổ chức đảng và đảng viên để xảy ra vi phạm.",
        "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng được tăng cường.",
    ],
    "other": [
        "Giá lúa tại đồng bằng sông Cửu Long tăng nhẹ trong tuần qua do nhu cầu xuất khẩu.",
        "Đội tuyển bóng đá giành chiến thắng 2-0 trong trận đấu tối qua trên sân nhà.",
        "Học sinh lớp 12 bước vào kỳ thi tốt nghiệp trung học phổ thông năm nay.",
        "Mưa lớn kéo dài khiến nhiều tuyến đường ở trung tâm thành phố bị ngập sâu.",
        "Công ty công bố lợi nhuận quý ba tăng 15% so với cùng kỳ năm trước.",
        "Một video về chú chó cứu chủ được chia sẻ rộng rãi trên mạng xã hội.",
        "Công an khởi tố giám đốc doanh nghiệp về tội lừa đảo chiếm đoạt tài sản.",
        "Tuyến đường cao tốc mới giúp rút ngắn thời gian di chuyển giữa hai tỉnh.",
    ],
}
