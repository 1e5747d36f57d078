"""Text preparation: normalise, strip web boilerplate, split paragraphs and sentences, segment words.

Everything downstream (annotation indices, models, batch output) sees articles through
:func:`prepare`, so its paragraph indices are part of the data contract: any change to how
paragraphs are split or dropped must bump :data:`SPLITTER_VERSION`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

#: Version of the paragraph splitter. Annotations record it; the corpus loader refuses a mismatch.
#: 2: a text made of a single headline-like line is a paragraph, not a title with nothing after it.
SPLITTER_VERSION = "2"

#: Paragraphs longer than this (text with no line breaks, a crawler that lost them) are cut at
#: sentence boundaries into pieces of about :data:`CHUNK_CHARS`, so that paragraph scores stay local.
MAX_PARAGRAPH_CHARS = 5000
CHUNK_CHARS = 1500

# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_REPLACEMENTS = {
    # Icelandic eth is a common look-alike of the Vietnamese D with stroke.
    "\u00d0": "\u0110",
    "\u00f0": "\u0111",
    # Typographic quotes and apostrophes become ASCII ones.
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2032": "'",
    # Dashes and the ellipsis character.
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2026": "...",
    # Exotic spaces become plain spaces; zero-width characters vanish.
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u00ad": "",
}
# A regex finds the few characters to replace: str.translate with a dict looks up every character
# of the text and costs eight times more on Vietnamese text.
_TO_REPLACE = re.compile("[" + "".join(_REPLACEMENTS) + "]")
# C0/C1 control characters other than newline; they come from bad encodings and break tokenisers.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r" {2,}")
_WORD = re.compile(r"\w+")


@functools.cache
def _tone_map() -> dict[str, str]:
    """Old-style to new-style tone placement ("hoà" -> "hòa"), from underthesea's own rules."""
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    return dict(token_map)


@functools.cache
def _tone_keys() -> frozenset[str]:
    return frozenset(_tone_map())


def _normalize_tones(text: str) -> str:
    # Few texts (0.5% of news articles) contain a word to fix, and a set test on the word list
    # runs in C: check first, replace word by word only when needed.
    if _tone_keys().isdisjoint(_WORD.findall(text)):
        return text
    tone_map = _tone_map()
    return _WORD.sub(lambda m: tone_map.get(m.group(), m.group()), text)


def normalize(text: str) -> str:
    """Normalise Vietnamese text: NFC, tone-mark placement, quotes, dashes and white space.

    Line breaks are kept (normalised to ``\\n``) because paragraph splitting needs them.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", _TO_REPLACE.sub(lambda m: _REPLACEMENTS[m.group()], text))
    text = _normalize_tones(text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# --------------------------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_SEP = r"[\s|•·,:;/\-]*"
_SHARE_WORDS = (
    r"A-|A\+|A|Tăng tương phản|Giảm tương phản|Cỡ chữ|Chia sẻ|Share|Tweet|Facebook|Zalo|Twitter|"
    r"Email|E-mail|In bài|Bản in|In|Lưu bài|Lưu|Gửi bài|Nghe bài|Nghe|Đọc bài|Copy link|"
    r"Sao chép liên kết|Thích|Like|Theo dõi|Gửi"
)
_RELATED_HEADERS = (
    r"(?:tin|bài|bài viết|tin tức|tin bài)\s+(?:liên quan|cùng chuyên mục|cùng chủ đề|nổi bật|mới|"
    r"mới nhất|mới hơn|cũ hơn|khác|đọc nhiều|xem nhiều|đã đưa|trước|tiếp)|những tin (?:mới|cũ) hơn|"
    r"nổi bật|đừng bỏ lỡ|xem thêm|đọc thêm|có thể bạn quan tâm|cùng chuyên mục|đọc nhiều nhất|"
    r"xem nhiều nhất|video nổi bật|tin ảnh|tiêu điểm"
)

#: Lines removed wherever they stand, each with the reason reported in ``Article.removed``.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share or accessibility bar", re.compile(rf"^(?:(?:{_SHARE_WORDS}){_SEP})+$", _I)),
    (
        "comment counter",
        re.compile(
            r"^(?:\(?\d+\)?\s*bình luận|bình luận\s*\(?\d*\)?|ý kiến bạn đọc|gửi bình luận.*|"
            r"viết bình luận.*|phản hồi đã đóng\.?|click để đánh giá bài viết:?|đánh giá bài viết:?|"
            r"\d+\s*(?:lượt xem|lượt thích|views?))$",
            _I,
        ),
    ),
    ("ad marker", re.compile(r"^(?:AD\s*)?(?:quảng cáo|advertisement|sponsored|tài trợ)$", _I)),
    (
        "CMS footer",
        re.compile(
            r"^(?:powered by\b.*|copyright\b.*|©.*|bản quyền (?:thuộc|©).*|ghi rõ nguồn.*|"
            r"giấy phép (?:số|hoạt động|xuất bản).*|chịu trách nhiệm (?:nội dung|xuất bản).*|"
            r"tổng biên tập:.*|phó tổng biên tập:.*|về đầu trang|lên đầu trang|trở về đầu trang)$",
            _I,
        ),
    ),
    ("keyword line", re.compile(r"^(?:từ khóa|từ khoá|tags?|chủ đề)\s*:.*$", _I)),
    ("navigation link", re.compile(r"^(?:>>|»|>|<<|←|→)\s*\S.{0,200}$")),
    ("breadcrumb", re.compile(r"^(?:trang chủ|home)\s*(?:[»>/|].*)?$", _I)),
    ("byline", re.compile(r"^(?:tác giả|nguồn|bài và ảnh|bài, ảnh|tin, ảnh|tin và ảnh|bài)\s*:.{1,70}$", _I)),
    # "Theo TTXVN", "Theo Báo Nhân Dân": a credited source, every word capitalised.
    ("byline", re.compile(r"^Theo(?:\s+[A-ZĐÀÁẢÃẠÂĂÊÔƠƯÍÌÓÒÚÙÝ][\w.&]*){1,6}\.?$")),
    (
        "photo credit",
        re.compile(
            r"^\(?\s*(?:ảnh|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|đồ họa|video|clip)"
            r"\s*[:.]?[^.!?]{0,60}\)?\.?$",
            _I,
        ),
    ),
    ("no letters", re.compile(r"^[\W\d_]*$")),
)
_RELATED = re.compile(rf"^(?:(?:{_RELATED_HEADERS})\s*)+:?$", _I)

_DATE_OR_TIME = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}h\d{2}\b")
_DATELINE_NOISE = re.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|lúc|ngày|giờ|gmt\s*[+-]?\s*\d*|"
    r"cập nhật|đăng|am|pm)\b|[|,()\-:+]",
    _I,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"')\]]$")


def _boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is page furniture rather than article text, or None if it is text."""
    for reason, pattern in _LINE_RULES:
        if pattern.match(line):
            return reason
    if len(line) <= 100 and _DATE_OR_TIME.search(line):
        rest = _DATELINE_NOISE.sub(" ", _DATE_OR_TIME.sub(" ", line))
        if len(rest.split()) <= 5:
            return "dateline"
    return None


def _is_uppercase(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 40
        and len(line) <= 250
        and not line.endswith((":", ","))
        and (line[0].isupper() or line[0].isdigit())
    )


def _is_body(line: str) -> bool:
    return len(line) >= 200 or (len(line.split()) >= 20 and bool(_SENTENCE_END.search(line)))


def _is_signature(line: str) -> bool:
    """A lone name closing an article ("Quốc Vy", "HOÀNG HOÀI - MINH ANH")."""
    words = [w for w in re.split(r"[\s\-–,]+", line) if w]
    return (
        1 <= len(words) <= 6
        and len(line) <= 50
        and not _SENTENCE_END.search(line.rstrip("."))
        and all(w[0].isupper() for w in words)
    )


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a prepared article; ``index`` is stable for a given splitter version."""

    index: int
    text: str


@dataclass(frozen=True)
class RemovedLine:
    """A line that cleaning dropped, and why (kept so cleaning can be audited)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """A prepared article: its title (if any), content paragraphs, and what cleaning removed."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...] = field(default=(), repr=False)
    splitter_version: str = SPLITTER_VERSION

    @property
    def texts(self) -> list[str]:
        """The paragraph texts, in index order."""
        return [p.text for p in self.paragraphs]

    @property
    def clean_text(self) -> str:
        """Title and paragraphs as one text, paragraphs separated by blank lines."""
        parts = ([self.title] if self.title else []) + self.texts
        return "\n\n".join(parts)


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that stops mid-sentence with a following line that starts in lower case."""
    joined: list[str] = []
    for line in lines:
        if joined and (line[0].islower() or line[0] in ",;") and not _SENTENCE_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[^\W_])")


def _chunk(paragraph: str) -> list[str]:
    """Cut an over-long paragraph at sentence boundaries into pieces of about CHUNK_CHARS."""
    if len(paragraph) <= MAX_PARAGRAPH_CHARS:
        return [paragraph]
    chunks: list[str] = []
    current = ""
    for sentence in _SENTENCE_BOUNDARY.split(paragraph):
        if current and len(current) + len(sentence) > CHUNK_CHARS:
            chunks.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        chunks.append(current)
    # A "sentence" with no boundary at all (one 100,000-character line) is cut on white space.
    result: list[str] = []
    for chunk in chunks:
        while len(chunk) > MAX_PARAGRAPH_CHARS:
            cut = chunk.rfind(" ", 0, CHUNK_CHARS)
            cut = cut if cut > 0 else CHUNK_CHARS
            result.append(chunk[:cut].strip())
            chunk = chunk[cut:].strip()
        if chunk:
            result.append(chunk)
    return result


def prepare(text: str, title: str | None = None) -> Article:
    """Turn raw article text (as scraped) into an :class:`Article`.

    Steps: :func:`normalize`; drop boilerplate lines (share bars, counters, ads, footers, related-news
    blocks, bylines, datelines, photo credits); detect the headline when ``title`` is not given;
    join lines broken mid-sentence; cut over-long paragraphs; number what remains from 0.

    Raises ``TypeError`` for anything but ``str`` (bytes must be decoded by the caller, who knows the
    encoding).
    """
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be str or None, not {type(title).__name__}")
    lines = [line for line in normalize(text).split("\n") if line]
    title = normalize(title).replace("\n", " ").strip() or None if title else None

    removed: list[RemovedLine] = []
    kept: list[str] = []
    in_related_block = False
    for line in lines:
        reason = _boilerplate_reason(line)
        if reason is None and _RELATED.match(line):
            reason, in_related_block = "related-news block", True
        elif reason is None and in_related_block:
            # A related-news block is a list of headlines; real text after it ends the block.
            if _is_body(line):
                in_related_block = False
            else:
                reason = "related-news block"
        if reason:
            removed.append(RemovedLine(line, reason))
        else:
            kept.append(line)

    # Headline: the first headline-like line before the body starts (mixed case preferred over an
    # all-caps banner). Above it, menu items and all-caps banners are page chrome; anything else
    # stays, because on messy pages the "title" may be a heading inside the text.
    if title is None:
        header: list[str] = []
        for line in kept:
            if _is_body(line):
                break
            header.append(line)
        candidates = [i for i, line in enumerate(header) if _is_headline(line)]
        mixed = [i for i in candidates if not _is_uppercase(header[i])]
        position = (mixed or candidates or [None])[0]
        # A text that is one headline-like line and nothing else is content, not a title.
        if position is not None and len(kept) > 1:
            title = header[position]
            above = header[:position]
            chrome = [
                line for line in above if len(line.split()) <= 3 or (_is_uppercase(line) and not line.endswith(","))
            ]
            removed.extend(RemovedLine(line, "page header") for line in chrome)
            kept = [line for line in above if line not in chrome] + kept[position + 1 :]

    # Repeats (the title again at the bottom, a caption printed twice) are page furniture.
    seen = {title.casefold()} if title else set()
    unique: list[str] = []
    for line in kept:
        key = line.casefold()
        if key in seen:
            removed.append(RemovedLine(line, "repeated line"))
        else:
            seen.add(key)
            unique.append(line)

    # A lone name after the last paragraph is the author's signature.
    while unique and len(unique) > 1 and _is_signature(unique[-1]):
        removed.append(RemovedLine(unique.pop(), "byline"))

    paragraphs = [chunk for line in _join_broken_lines(unique) for chunk in _chunk(line)]
    return Article(
        title=title,
        paragraphs=tuple(Paragraph(i, p) for i, p in enumerate(paragraphs)),
        removed=tuple(removed),
    )


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences with ``underthesea.sent_tokenize``."""
    from underthesea import sent_tokenize

    return [s for s in sent_tokenize(text) if s.strip()]


# --------------------------------------------------------------------------------------------
# Word segmentation
# --------------------------------------------------------------------------------------------


@functools.cache
def _word_tokenize() -> Any:
    # Imported once: underthesea resolves its names lazily, which is slow per call.
    from underthesea import word_tokenize

    return word_tokenize


def segment(text: str) -> str:
    """Segment one text into words with ``underthesea.word_tokenize``; multi-syllable words are
    joined with underscores ("Nghị_quyết Trung_ương")."""
    return _word_tokenize()(text, format="text") if text.strip() else ""


class Segmenter(TransformerMixin, BaseEstimator):
    """Stateless scikit-learn transformer: texts in, underthesea-segmented texts out.

    ``cache_size`` bounds an LRU cache of segmented texts, so a repeated paragraph (boilerplate that
    survived, a quote reused across articles) is segmented once. The cache is per instance, thread
    safe, and not pickled.
    """

    def __init__(self, cache_size: int = 8192) -> None:
        self.cache_size = cache_size

    def fit(self, X: Iterable[str], y: Any = None) -> Segmenter:
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        return segment_batch(X, self._cached_segment())

    def _cached_segment(self) -> Any:
        cached = self.__dict__.get("_cache")
        if cached is None:
            cached = functools.lru_cache(maxsize=self.cache_size)(segment)
            self.__dict__["_cache"] = cached
        return cached

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_cache", None)
        return state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        return tags


def segment_batch(texts: Iterable[str], segment_one: Any = segment) -> list[str]:
    """Segment many texts, each distinct text once."""
    texts = list(texts)
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, not {type(text).__name__}")
    done: dict[str, str] = {}
    for text in texts:
        if text not in done:
            done[text] = segment_one(text)
    return [done[text] for text in texts]
