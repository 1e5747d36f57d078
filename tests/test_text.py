"""Text preparation: normalisation, boilerplate removal, paragraph splitting, segmentation."""

from __future__ import annotations

import json
import pickle
import unicodedata
from pathlib import Path

import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from vnpolitics.text import (
    MAX_PARAGRAPH_CHARS,
    SPLITTER_VERSION,
    Segmenter,
    normalize,
    prepare,
    segment,
    segment_batch,
    sentences,
)

BODY_1 = (
    "Chiều 5/3, Đảng ủy xã An Bình tổ chức hội nghị học tập, quán triệt nghị quyết của Đảng cho "
    "toàn thể cán bộ, đảng viên trong xã, với sự tham gia của hơn 200 đại biểu."
)
BODY_2 = "Tại hội nghị, báo cáo viên đã truyền đạt những nội dung cơ bản, cốt lõi của nghị quyết."


# --- normalisation ----------------------------------------------------------------------------


def test_normalize_produces_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    assert normalize(decomposed) == "Nghị quyết"
    assert unicodedata.is_normalized("NFC", normalize(decomposed))


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà bình", "hòa bình"), ("Thuỷ", "Thủy"), ("khoẻ mạnh", "khỏe mạnh"), ("toà án", "tòa án")],
)
def test_normalize_tone_mark_placement(old: str, new: str) -> None:
    assert normalize(old) == new


def test_normalize_quotes_spaces_and_eth() -> None:
    assert normalize("“tự soi,\u00a0tự sửa”  ‘x’") == "\"tự soi, tự sửa\" 'x'"
    assert normalize("Ðề án 05") == "Đề án 05"  # Icelandic eth look-alike
    assert normalize("a\u200bb\x07c") == "ab c"


def test_normalize_keeps_line_breaks_and_handles_windows_endings() -> None:
    assert normalize("dòng một\r\ndòng hai\rdòng ba") == "dòng một\ndòng hai\ndòng ba"


# --- boilerplate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("A- A A+ | Tăng tương phản Giảm tương phản", "share or accessibility bar"),
        ("Chia sẻ | Facebook | Zalo | In bài", "share or accessibility bar"),
        ("(12) Bình luận", "comment counter"),
        ("Phản hồi đã đóng.", "comment counter"),
        ("ADQuảng cáo", "ad marker"),
        ("POWERED BY SOMECMS", "CMS footer"),
        ("Bản quyền thuộc về Báo Ví Dụ", "CMS footer"),
        ("Từ khóa: nghị quyết, học tập", "keyword line"),
        (">> Kỳ 2: Những việc cần làm ngay", "navigation link"),
        ("Trang chủ » Xây dựng Đảng", "breadcrumb"),
        ("Tác giả: Văn Minh - BTG Huyện ủy.", "byline"),
        ("Theo TTXVN", "byline"),
        ("Lan Anh | 02/01/2023 07:30", "dateline"),
        ("Thứ hai - 30/05/2022 14:01", "dateline"),
        ("Ảnh: Minh Khôi", "photo credit"),
        ("(Ảnh minh họa: TTXVN)", "photo credit"),
        ("* * *", "no letters"),
    ],
)
def test_boilerplate_line_is_removed_with_reason(line: str, reason: str) -> None:
    article = prepare(f"{BODY_1}\n{line}\n{BODY_2}")
    assert article.texts == [BODY_1, BODY_2]
    assert [(r.text, r.reason) for r in article.removed] == [(normalize(line), reason)]


def test_related_news_block_is_removed_until_body_text_resumes() -> None:
    # The block ends at the next body paragraph (200+ characters, or 20+ words ending a sentence).
    body_3 = BODY_2 + " " + BODY_1
    text = "\n".join(
        [BODY_1, "Tin liên quan", "Xã An Bình ra quân làm đường", "Hội nghị cán bộ chủ chốt năm 2023", body_3]
    )
    article = prepare(text)
    assert article.texts == [BODY_1, body_3]
    assert {r.reason for r in article.removed} == {"related-news block"}


def test_content_mentioning_boilerplate_words_is_kept() -> None:
    # Words like "quảng cáo", "bình luận" or a date inside a real sentence are not boilerplate.
    lines = [
        "Theo đồng chí Bí thư, việc quảng cáo sai sự thật trên mạng xã hội cần bị xử lý nghiêm.",
        "Ngày 12/3/2024, nhiều bình luận xuyên tạc đã bị các lực lượng chức năng phản bác kịp thời.",
        "Theo kế hoạch, các chi bộ hoàn thành kiểm điểm trước ngày 15/12.",
    ]
    assert prepare("\n".join(lines)).texts == lines


# --- title, paragraphs ------------------------------------------------------------------------


def test_title_detection_drops_menu_and_banner_above_it() -> None:
    text = "TRANG TIN ĐIỆN TỬ HUYỆN\nXã hội\nAn Bình học tập nghị quyết của Đảng\n\n" + BODY_1
    article = prepare(text)
    assert article.title == "An Bình học tập nghị quyết của Đảng"
    assert article.texts == [BODY_1]
    assert {r.reason for r in article.removed} == {"page header"}


def test_explicit_title_is_used_and_its_repeat_removed() -> None:
    article = prepare(f"Tiêu đề bài viết mẫu\n{BODY_1}", title="Tiêu đề bài viết mẫu")
    assert article.title == "Tiêu đề bài viết mẫu"
    assert article.texts == [BODY_1]


def test_no_title_when_text_starts_with_body() -> None:
    assert prepare(f"{BODY_1}\n{BODY_2}").title is None


def test_paragraphs_are_indexed_from_zero_and_empties_dropped() -> None:
    article = prepare(f"\n\n{BODY_1}\n\n   \n\n{BODY_2}\n\n")
    assert [(p.index, p.text) for p in article.paragraphs] == [(0, BODY_1), (1, BODY_2)]
    assert article.splitter_version == SPLITTER_VERSION


def test_lines_broken_mid_sentence_are_joined() -> None:
    article = prepare(f"{BODY_1}\nHội nghị quán triệt nghị quyết được tổ chức\ntheo hình thức trực tuyến.")
    assert article.texts == [BODY_1, "Hội nghị quán triệt nghị quyết được tổ chức theo hình thức trực tuyến."]


def test_heading_followed_by_capitalised_paragraph_is_not_joined() -> None:
    article = prepare(f"{BODY_1}\nĐẩy mạnh tuyên truyền\n{BODY_2}")
    assert article.texts == [BODY_1, "Đẩy mạnh tuyên truyền", BODY_2]


def test_repeated_line_is_removed() -> None:
    caption = "Đại biểu dự hội nghị quán triệt nghị quyết"
    assert prepare(f"{BODY_1}\n{caption}\n{caption}\n{BODY_2}").texts == [BODY_1, caption, BODY_2]


def test_windows_line_endings() -> None:
    assert prepare(f"{BODY_1}\r\n\r\n{BODY_2}\r\n").texts == [BODY_1, BODY_2]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_text_gives_no_paragraphs(text: str) -> None:
    article = prepare(text)
    assert article.paragraphs == () and article.title is None


def test_only_boilerplate_gives_no_paragraphs() -> None:
    article = prepare("A- A A+\n(0) Bình luận\nADQuảng cáo\nPOWERED BY SOMECMS")
    assert article.paragraphs == ()
    assert len(article.removed) == 4


def test_text_without_line_breaks_is_one_paragraph() -> None:
    text = f"{BODY_1} {BODY_2}"
    assert prepare(text).texts == [text]


def test_very_long_paragraph_is_cut_at_sentence_boundaries() -> None:
    sentence = "Các chi bộ tổ chức sinh hoạt chuyên đề về học tập và làm theo gương Bác Hồ. "
    text = sentence * (2 * MAX_PARAGRAPH_CHARS // len(sentence))
    article = prepare(text)
    assert len(article.paragraphs) > 1
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in article.texts)
    assert all(p.endswith(".") for p in article.texts)
    assert " ".join(article.texts) == text.strip()


def test_one_enormous_line_without_sentences_is_cut_on_spaces() -> None:
    text = ("từ " * 40_000).strip()
    article = prepare(text)
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in article.texts)
    assert " ".join(article.texts) == text


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_prepare_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        prepare(bad)  # type: ignore[arg-type]


def test_clean_text_joins_title_and_paragraphs() -> None:
    article = prepare(f"Học tập nghị quyết ở An Bình\n{BODY_1}\n{BODY_2}")
    assert article.clean_text == f"Học tập nghị quyết ở An Bình\n\n{BODY_1}\n\n{BODY_2}"


# --- sentences and segmentation ---------------------------------------------------------------


def test_sentences_uses_underthesea() -> None:
    assert sentences(f"{BODY_2} Hội nghị kết thúc lúc 17 giờ.") == [BODY_2, "Hội nghị kết thúc lúc 17 giờ."]


def test_segment_joins_multisyllable_words_with_underscores() -> None:
    result = segment("Chi bộ tổ chức học tập nghị quyết")
    assert "Chi_bộ" in result.split() and "học_tập" in result.split()
    assert segment("   ") == ""


def test_segmenter_is_a_stateless_sklearn_transformer() -> None:
    segmenter = Segmenter(cache_size=16)
    texts = ["Chi bộ tổ chức học tập nghị quyết", "Chi bộ tổ chức học tập nghị quyết"]
    out = segmenter.fit_transform(texts)
    assert out == [segment(texts[0])] * 2
    assert segmenter.transform(texts) == segmenter.fit(["anything"]).transform(texts)
    assert clone(segmenter).get_params() == {"cache_size": 16}
    assert segmenter.__sklearn_tags__().requires_fit is False


def test_segmenter_pickles_without_its_cache_and_caches_repeats() -> None:
    segmenter = Segmenter(cache_size=4)
    segmenter.transform(["Đảng viên gương mẫu", "Đảng viên gương mẫu", "Cán bộ trẻ"])
    info = segmenter._cached_segment().cache_info()
    assert info.misses == 2 and info.currsize == 2  # the repeat was segmented once
    restored = pickle.loads(pickle.dumps(segmenter))
    assert "_cache" not in restored.__dict__
    assert restored.transform(["Cán bộ trẻ"]) == [segment("Cán bộ trẻ")]


def test_segmenter_in_a_pipeline() -> None:
    pipeline = make_pipeline(Segmenter(), FunctionTransformer(lambda xs: [x.split() for x in xs]))
    assert pipeline.fit_transform(["học tập nghị quyết"]) == [segment("học tập nghị quyết").split()]


def test_segment_batch_segments_each_distinct_text_once() -> None:
    calls: list[str] = []

    def fake_segment(text: str) -> str:  # counts calls; the real segmenter is tested above
        calls.append(text)
        return text.upper()

    assert segment_batch(["a", "b", "a"], fake_segment) == ["A", "B", "A"]
    assert calls == ["a", "b"]
    with pytest.raises(TypeError):
        segment_batch(["a", None])  # type: ignore[list-item]


# --- the five seed articles (real input, read from the shared corpus) -------------------------

# Counted by hand from the raw files: every line of article text (paragraphs, subheadings, photo
# captions) is content; the title is not a paragraph.
SEED_CONTENT_PARAGRAPHS = {
    "seed-000": 20,
    "seed-001": 13,
    "seed-002": 28,
    "seed-003": 15,
    "seed-004": 15,
}
# Every boilerplate line listed by hand from the raw files (as they read after normalisation).
SEED_BOILERPLATE = {
    "seed-000": [
        "Hoàng Hoài| 01/11/2022 10:14",
        '>> Kỳ 2: Nhận diện các biểu hiện để "tự soi, tự sửa"',
        "(0) Bình luận",
        "Nổi bật",
        "Đừng bỏ lỡ",
        "POWERED BY ONECMS - A PRODUCT OF NEKO",
    ],
    "seed-001": [
        "A- A A+ | Tăng tương phản Giảm tương phản",
        "Tác giả: Quốc Vy - BTG Huyện ủy.",
        "Tin liên quan",
        "Tin nổi bật Tin nổi bật",
    ],
    "seed-002": [
        "GƯƠNG MẪU, CHỦ ĐỘNG, TÂM HUYẾT, KHOA HỌC, HIỆU QUẢ",
        "TRANG CHỦ » CÔNG TÁC TUYÊN TRUYỀN VẬN ĐỘNG",
        "Thứ hai - 30/05/2022 14:01",
        "Click để đánh giá bài viết:",
        "Từ khóa:",
        "Phản hồi đã đóng.",
        "Những tin mới hơn",
        "Những tin cũ hơn",
    ],
    "seed-003": [
        "Lam Giang| 21/03/2022 08:43",
        "ADQuảng cáo",
        "(0) Bình luận",
        "Nổi bật",
        "Đừng bỏ lỡ",
        "POWERED BY ONECMS - A PRODUCT OF NEKO",
    ],
    "seed-004": ["Duy Phương 09:01, 24/10/2023"],
}


@pytest.mark.corpus
@pytest.mark.parametrize("seed_id", sorted(SEED_CONTENT_PARAGRAPHS))
def test_seed_article_cleaning(shared_corpus: Path, seed_id: str) -> None:
    meta = {
        row["id"]: row
        for row in map(json.loads, (shared_corpus / "seeds" / "metadata.jsonl").read_text("utf-8").splitlines())
    }[seed_id]
    raw = (shared_corpus / "seeds" / meta["file"]).read_text(encoding="utf-8")
    article = prepare(raw)
    assert article.title == normalize(meta["title"]).rstrip(".") or article.title.rstrip(".") == normalize(
        meta["title"]
    )
    assert len(article.paragraphs) == SEED_CONTENT_PARAGRAPHS[seed_id]
    removed = {r.text for r in article.removed}
    for line in SEED_BOILERPLATE[seed_id]:
        assert line in removed
        assert all(line not in p for p in article.texts)
    # Nothing else was lost: every raw line is a paragraph, the title, or a listed removal
    # (or a repeat of the title / of a caption).
    kept = "\n".join([article.title or "", *article.texts])
    for line in normalize(raw).split("\n"):
        if line and line not in SEED_BOILERPLATE[seed_id]:
            assert line in kept, line
