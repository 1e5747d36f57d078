"""Article analysis: paragraph themes with evidence, the article decision, streaming over many texts.

``Analyzer`` holds a loaded model folder; the module-level :func:`analyze`, :func:`classify_paragraphs`
and :func:`pipe` use a default analyser loaded lazily from the shipped model on first use.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from vnpolitics.labels import LABELS, OTHER
from vnpolitics.persistence import default_model_dir, load_bundle
from vnpolitics.references import Reference, extract_article_references
from vnpolitics.text import Article, prepare
from vnpolitics.themes import ArticleDecision, ParagraphContext, calibrated_proba, linear_weights

#: How many evidence terms each paragraph result carries.
EVIDENCE_TERMS = 5


@dataclass(frozen=True)
class Tag:
    """A topic tag (``corpus/TAGS.md``) with the tagger's probability."""

    name: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score}


@dataclass(frozen=True)
class ParagraphResult:
    """One paragraph's theme (label, a probability per label, the terms that drove it), and the
    document references and article tags found in it."""

    index: int
    text: str
    label: str
    scores: dict[str, float]
    evidence: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "label": self.label,
            "scores": dict(self.scores),
            "evidence": list(self.evidence),
            "references": [r.to_dict() for r in self.references],
            "tags": [t.to_dict() for t in self.tags],
        }


@dataclass(frozen=True)
class Analysis:
    """An article's themes (``labels``, possibly empty), its ``dominant`` label (``other`` when no
    theme), per-theme article ``scores`` in [0, 1], and the per-paragraph results."""

    dominant: str
    labels: list[str]
    scores: dict[str, float]
    paragraphs: list[ParagraphResult]
    tags: list[Tag] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict with the keys dominant, labels, scores, tags, references,
        paragraphs."""
        return {
            "dominant": self.dominant,
            "labels": list(self.labels),
            "scores": dict(self.scores),
            "tags": [t.to_dict() for t in self.tags],
            "references": [r.to_dict() for r in self.references],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


class Analyzer:
    """A loaded theme model (paragraph pipeline, article decision, and optionally the paragraph
    context stage and the tag model). Thread-safe for reading."""

    def __init__(
        self,
        paragraph_model: Any,
        article_decision: ArticleDecision,
        card: dict[str, Any],
        path: Path,
        tag_model: Any = None,
        context_model: ParagraphContext | None = None,
    ):
        self.paragraph_model = paragraph_model
        self.article_decision = article_decision
        self.tag_model = tag_model
        self.context_model = context_model
        self.card = card
        self.path = path
        self._segment = paragraph_model.named_steps.get("segment")
        self._vectorize = paragraph_model.named_steps["vectorize"]
        self._classify = paragraph_model.named_steps["classify"]
        names, classes, coef = linear_weights(paragraph_model)
        self._feature_names = names
        self._coef = {str(label): coef[i] for i, label in enumerate(classes)}
        self._columns = [list(classes).index(label) for label in LABELS]

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, *, trusted: bool = False) -> Analyzer:
        folder = Path(path) if path is not None else default_model_dir()
        objects, card = load_bundle(folder, trusted=trusted)
        return cls(objects["paragraph"], objects["article"], card, folder, objects.get("tags"), objects.get("context"))

    # -- paragraphs ---------------------------------------------------------------------------

    def _score(self, texts: Sequence[str]) -> tuple[np.ndarray, Any]:
        """First-stage probabilities (columns in LABELS order) and the feature rows of each text."""
        if not texts:
            return np.zeros((0, len(LABELS))), None
        segmented = self._segment.transform(texts) if self._segment is not None else list(texts)
        features = self._vectorize.transform(segmented)
        return calibrated_proba(self._classify, features)[:, self._columns], features

    def _evidence(self, features: Any, proba: np.ndarray) -> list[list[str]]:
        """For each text, the terms that count most towards its label in the first-stage model."""
        if features is None:
            return []
        evidence = []
        for row, probabilities in zip(features, proba, strict=True):
            label = LABELS[int(probabilities.argmax())]
            row = row.tocsr()
            contributions = row.data * self._coef[label][row.indices]
            terms: list[str] = []
            for i in np.argsort(-contributions):
                if contributions[i] <= 0 or len(terms) == EVIDENCE_TERMS:
                    break
                term = str(self._feature_names[row.indices[i]])
                # Overlapping n-grams ("quán triệt", "triệt") repeat one piece of evidence.
                if not any(term in kept or kept in term for kept in terms):
                    terms.append(term)
            evidence.append(terms)
        return evidence

    def classify_paragraphs(self, paragraphs: Sequence[str]) -> list[ParagraphResult]:
        """Classify already split paragraphs (no cleaning), each on its own (they need not come
        from one article, so the article-context stage is not used); indices follow the input
        order."""
        texts = _check_texts(paragraphs)
        proba, features = self._score(texts)
        return _paragraph_results(list(enumerate(texts)), proba, self._evidence(features, proba))

    # -- articles -----------------------------------------------------------------------------

    def analyze(self, text: str, title: str | None = None) -> Analysis:
        """Analyse one article given as raw text (as scraped is fine)."""
        return self.analyze_article(prepare(_check_text(text), title=title))

    def analyze_article(self, article: Article) -> Analysis:
        texts = article.texts
        proba, features = self._score(texts)
        # Paragraph labels come from the context stage when the model has one (it sees the
        # article's other paragraphs); a "paragraphs" decision follows them, the others were
        # fitted on first-stage probabilities.
        lengths = [len(t) for t in texts]
        first_stage = proba
        if self.context_model is not None and len(texts):
            (proba,) = self.context_model.predict_proba([proba])
        decided = proba if self.article_decision.method == "paragraphs" else first_stage
        labels, dominant, scores = self.article_decision.decide(decided, lengths)
        evidence = self._evidence(features, proba)
        results = _paragraph_results([(p.index, p.text) for p in article.paragraphs], proba, evidence)
        references = extract_article_references(article.title, texts)
        tags, paragraph_tags = self._tags(article)
        results = [
            replace(
                result,
                references=[r for r in references if r.paragraph == result.index],
                tags=paragraph_tags[i],
            )
            for i, result in enumerate(results)
        ]
        return Analysis(
            dominant=dominant, labels=labels, scores=scores, paragraphs=results, tags=tags, references=references
        )

    def _tags(self, article: Article) -> tuple[list[Tag], list[list[Tag]]]:
        """Article tags, and for each paragraph the article tags it carries on its own."""
        if self.tag_model is None or not article.paragraphs:
            return [], [[] for _ in article.paragraphs]
        names = [str(name) for name in self.tag_model.classes_]
        proba = self.tag_model.predict_proba([article.clean_text, *article.texts])
        chosen = self.tag_model.decide(proba)
        article_tags = [Tag(names[j], float(proba[0, j])) for j in np.flatnonzero(chosen[0])]
        article_tags.sort(key=lambda tag: -tag.score)
        per_paragraph = [
            [Tag(names[j], float(proba[row, j])) for j in np.flatnonzero(chosen[0] & chosen[row])]
            for row in range(1, len(proba))
        ]
        return article_tags, per_paragraph

    def pipe(self, texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterator[Analysis]:
        """Analyse a stream of texts, yielding results in input order.

        With ``n_process > 1`` batches go to worker processes, each loading this model once; at
        most ``2 * n_process`` batches are in flight, so memory stays bounded for any input size.
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        from vnpolitics.batch import batched, ordered_parallel

        batches = batched(texts, batch_size)
        if n_process == 1:
            for batch in batches:
                yield from (self.analyze(text) for text in batch)
            return
        for results in ordered_parallel(batches, n_process, _analyze_batch, _init_worker, (self.path,)):
            yield from results


def _check_text(text: object) -> str:
    if isinstance(text, bytes):
        raise TypeError("article text must be str, not bytes: decode it first (e.g. data.decode('utf-8'))")
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}")
    return text


def _check_texts(paragraphs: Sequence[str]) -> list[str]:
    if isinstance(paragraphs, str | bytes):
        raise TypeError("paragraphs must be a list of str, not a single string")
    return [_check_text(p) for p in paragraphs]


def _paragraph_results(
    indexed: list[tuple[int, str]], proba: np.ndarray, evidence: list[list[str]]
) -> list[ParagraphResult]:
    results = []
    for (index, text), probabilities, terms in zip(indexed, proba, evidence, strict=True):
        scores = {label: float(p) for label, p in zip(LABELS, probabilities, strict=True)}
        label = LABELS[int(probabilities.argmax())] if text.strip() else OTHER
        results.append(ParagraphResult(index=index, text=text, label=label, scores=scores, evidence=terms))
    return results


# -- worker processes ---------------------------------------------------------------------------

_worker_analyzer: Analyzer | None = None


def _init_worker(path: Path) -> None:
    global _worker_analyzer
    from vnpolitics.batch import die_with_parent

    die_with_parent()
    _worker_analyzer = Analyzer.load(path, trusted=True)  # the parent already verified and trusted it


def _analyze_batch(texts: list[str]) -> list[Analysis]:
    assert _worker_analyzer is not None, "worker not initialised"
    return [_worker_analyzer.analyze(text) for text in texts]


# -- the lazily loaded default ------------------------------------------------------------------

_default: Analyzer | None = None
_default_lock = threading.Lock()


def load(path: str | os.PathLike[str] | None = None, *, trusted: bool = False) -> Analyzer:
    """The analyser for a model folder (default: the shipped model). A folder other than the
    shipped models needs ``trusted=True``: model files are pickles and run code when loaded."""
    return Analyzer.load(path, trusted=trusted)


def default_analyzer() -> Analyzer:
    global _default
    with _default_lock:
        if _default is None:
            _default = Analyzer.load()
        return _default


def analyze(text: str, title: str | None = None) -> Analysis:
    """Analyse one article with the shipped model. See :meth:`Analyzer.analyze`."""
    return default_analyzer().analyze(text, title=title)


def classify_paragraphs(paragraphs: list[str]) -> list[ParagraphResult]:
    """Classify paragraphs with the shipped model. See :meth:`Analyzer.classify_paragraphs`."""
    return default_analyzer().classify_paragraphs(paragraphs)


def pipe(texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterator[Analysis]:
    """Analyse a stream of texts with the shipped model. See :meth:`Analyzer.pipe`."""
    return default_analyzer().pipe(texts, batch_size=batch_size, n_process=n_process)
