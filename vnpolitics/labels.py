"""The label set, defined once and imported everywhere else."""

from __future__ import annotations

EDUCATION = "education"
CYBERSPACE = "cyberspace"
SELF_CRITICISM = "self_criticism"
OTHER = "other"

#: The three themes an article or paragraph can be about, in a fixed order.
THEMES: tuple[str, ...] = (EDUCATION, CYBERSPACE, SELF_CRITICISM)

#: Paragraph labels: exactly one of these per paragraph.
LABELS: tuple[str, ...] = (*THEMES, OTHER)


#: Topic tags (article level, multi-label); definitions in corpus/TAGS.md.
TAGS: tuple[str, ...] = (
    "học tập, quán triệt nghị quyết",
    "lý luận chính trị",
    "học tập và làm theo Bác",
    "tuyên truyền, báo cáo viên",
    "bảo vệ nền tảng tư tưởng",
    "quan điểm sai trái, thù địch",
    "mạng xã hội",
    "tin giả, thông tin xấu độc",
    "an ninh mạng",
    "tự diễn biến, tự chuyển hóa",
    "suy thoái tư tưởng, đạo đức, lối sống",
    "tự phê bình và phê bình",
    "nêu gương",
    "kiểm tra, giám sát, kỷ luật đảng",
    "xây dựng, chỉnh đốn Đảng",
    "tham nhũng, tiêu cực",
    "công tác cán bộ",
    "bầu cử",
    "đại hội Đảng",
    "Quốc hội, lập pháp",
    "chính quyền, cải cách hành chính",
    "kinh tế",
    "giáo dục, trường học",
    "quốc phòng, an ninh",
    "pháp luật, tội phạm",
    "đối ngoại, quốc tế",
    "thanh niên, Đoàn",
    "báo chí, truyền thông",
    "văn hóa, xã hội",
    "y tế",
    "môi trường, thiên tai",
    "dân vận, Mặt trận",
)
