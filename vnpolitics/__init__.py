"""vnpolitics: theme classification, references and tags for Vietnamese political news.

Quick start::

    import vnpolitics
    article = vnpolitics.prepare(raw_text)     # clean, split into numbered paragraphs
"""

from __future__ import annotations

__version__ = "0.1.0"

from vnpolitics.labels import LABELS, THEMES
from vnpolitics.text import (
    SPLITTER_VERSION,
    Article,
    Paragraph,
    Segmenter,
    normalize,
    prepare,
    segment,
    sentences,
)

__all__ = [
    "LABELS",
    "SPLITTER_VERSION",
    "THEMES",
    "Article",
    "Paragraph",
    "Segmenter",
    "__version__",
    "normalize",
    "prepare",
    "segment",
    "sentences",
]
