"""Reliability of the public API on any input: property-based tests and awkward real-world inputs.

Documented behaviour (README, "Bad input"): non-str -> TypeError; empty or whitespace-only text,
or text with nothing but page furniture -> dominant "other" with no paragraphs; anything else
(HTML, other languages, control characters, mixed scripts, huge texts) -> a valid analysis.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnpolitics
from vnpolitics.labels import LABELS, THEMES

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + " .,;:!?\"'()-/0123456789\n\r\t\u00a0\u200b" + "<>&|»«“”"
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=600),
    st.text(max_size=300),  # any Unicode at all, control characters and surrogates included
    st.lists(st.sampled_from(["Nghị quyết số 35-NQ/TW", "kiểm điểm", "học tập", "(0) Bình luận", "\n", " "])).map(
        "".join
    ),
)


def _check_valid(text: str, analysis: vnpolitics.Analysis) -> None:
    assert analysis.dominant in LABELS
    assert set(analysis.labels) <= set(THEMES)
    assert (analysis.dominant == "other") == (not analysis.labels)
    assert set(analysis.scores) == set(THEMES)
    assert all(0.0 <= s <= 1.0 and not math.isnan(s) for s in analysis.scores.values())
    assert [p.index for p in analysis.paragraphs] == [p.index for p in vnpolitics.prepare(text).paragraphs]
    for paragraph in analysis.paragraphs:
        assert paragraph.label in LABELS
        assert all(0.0 <= s <= 1.0 for s in paragraph.scores.values())
    for tag in analysis.tags:
        assert tag.name in vnpolitics.TAGS and 0.0 <= tag.score <= 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_returns_a_valid_deterministic_result_for_any_text(text: str) -> None:
    first = vnpolitics.analyze(text)
    _check_valid(text, first)
    assert vnpolitics.analyze(text).to_dict() == first.to_dict()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_extract_references_never_fails_and_spans_point_into_the_text(text: str) -> None:
    import unicodedata

    normalized = unicodedata.normalize("NFC", text)
    for ref in vnpolitics.extract_references(normalized):
        start, end = ref.span
        assert 0 <= start < end <= len(normalized) and normalized[start:end] == ref.text


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>Chi bộ tổ chức học tập nghị quyết.</p><script>alert(1)</script></body></html>",
        "The Party committee held a study session on the resolution.",
        "党委组织学习决议。Партийный комитет провёл учёбу.",
        "Chi bộ\x00 tổ chức\x1b[31m học tập\x7f nghị quyết.",
        "Nghi\u0300 quyê\u0301t so\u0302\u0301 35",  # decomposed diacritics
        "Chi bộ tổ chức học tập nghị quyết \udcff và kiểm điểm.",  # a lone surrogate from bad decoding
    ],
)
def test_awkward_inputs_give_valid_results(text: str) -> None:
    _check_valid(text, vnpolitics.analyze(text))


@pytest.mark.parametrize("text", ["", "   \n\t ", "(0) Bình luận\nADQuảng cáo"])
def test_empty_or_furniture_only_text_is_other_without_paragraphs(text: str) -> None:
    analysis = vnpolitics.analyze(text)
    assert (analysis.dominant, analysis.labels, analysis.paragraphs) == ("other", [], [])


@pytest.mark.parametrize(
    ("bad", "error"), [(None, TypeError), (b"bytes", TypeError), (3.5, TypeError), (["x"], TypeError)]
)
def test_non_strings_raise_type_error(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        vnpolitics.analyze(bad)  # type: ignore[arg-type]


def test_one_line_of_100000_characters() -> None:
    text = ("Chi bộ tổ chức học tập nghị quyết " * 3000)[:100_000]
    analysis = vnpolitics.analyze(text)
    _check_valid(text, analysis)
    assert len(analysis.paragraphs) > 10


@pytest.mark.slow
def test_a_10_mb_article() -> None:
    paragraph = "Đảng ủy xã tổ chức hội nghị học tập, quán triệt nghị quyết cho cán bộ, đảng viên. " * 12
    # Numbered, because cleaning drops a repeated line as page furniture.
    text = "\n".join(f"{paragraph}Lần {i}." for i in range(10_000_000 // len(paragraph)))
    analysis = vnpolitics.analyze(text)
    assert len(text) >= 9_900_000 and len(analysis.paragraphs) > 1000
    assert analysis.dominant == "education"
