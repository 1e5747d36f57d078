"""vnpolitics: theme classification, references and tags for Vietnamese political news.

Quick start::

    import vnpolitics

    analysis = vnpolitics.analyze(raw_text)        # shipped model, loaded on first use
    analysis.dominant, analysis.labels, analysis.scores, analysis.tags, analysis.references
    for paragraph in analysis.paragraphs:
        print(paragraph.index, paragraph.label, paragraph.evidence)

    article = vnpolitics.prepare(raw_text)         # cleaning and paragraph splitting only
"""

from __future__ import annotations

__version__ = "0.1.0"

from vnpolitics.analysis import (
    Analysis,
    Analyzer,
    ParagraphResult,
    Tag,
    analyze,
    classify_paragraphs,
    load,
    pipe,
)
from vnpolitics.labels import LABELS, TAGS, THEMES
from vnpolitics.persistence import ModelError
from vnpolitics.references import Reference, extract_references
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
    "TAGS",
    "THEMES",
    "Analysis",
    "Analyzer",
    "Article",
    "ModelError",
    "Paragraph",
    "ParagraphResult",
    "Reference",
    "Segmenter",
    "Tag",
    "__version__",
    "analyze",
    "classify_paragraphs",
    "extract_references",
    "load",
    "normalize",
    "pipe",
    "prepare",
    "segment",
    "sentences",
]
