"""Theme models: paragraph classifiers (the shipped one and the baselines it is compared with) and
the article-level decision built on paragraph scores.

Every model here is a scikit-learn estimator, so it clones, cross-validates and pickles cleanly.
The shipped paragraph model is a :class:`~sklearn.pipeline.Pipeline` whose first step is the
:class:`~vnpolitics.text.Segmenter`; see :func:`paragraph_pipeline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from vnpolitics.labels import CYBERSPACE, EDUCATION, LABELS, OTHER, SELF_CRITICISM, THEMES
from vnpolitics.text import Segmenter

# --------------------------------------------------------------------------------------------
# (a) Keyword baseline, from the guideline's cue phrases
# --------------------------------------------------------------------------------------------

#: Cue phrases of corpus/GUIDELINE.md, per theme (lower case, unsegmented).
GUIDELINE_CUES: dict[str, tuple[str, ...]] = {
    EDUCATION: (
        "học tập",
        "quán triệt",
        "triển khai nghị quyết",
        "lý luận chính trị",
        "bồi dưỡng chính trị",
        "báo cáo viên",
        "tuyên truyền viên",
        "học tập và làm theo",
        "sinh hoạt chính trị",
        "giáo dục chính trị",
        "nhận thức chính trị",
        "sơ cấp",
        "trung cấp",
        "cao cấp",
    ),
    CYBERSPACE: (
        "quan điểm sai trái",
        "thù địch",
        "thông tin xấu",
        "nền tảng tư tưởng",
        "35-nq/tw",
        "nghị quyết 35",
        "ban chỉ đạo 35",
        "tổ 35",
        "lực lượng 47",
        "an ninh mạng",
        "không gian mạng",
        "chủ quyền số",
        "tin giả",
        "fanpage",
        "mạng xã hội",
        "phản bác",
    ),
    SELF_CRITICISM: (
        "kiểm điểm",
        "tự phê bình",
        "phê bình",
        "tự soi",
        "tự sửa",
        "trung ương 4",
        "21-kl/tw",
        "suy thoái",
        "tự diễn biến",
        "tự chuyển hóa",
        "nêu gương",
        "kỷ luật",
        "ủy ban kiểm tra",
        "chỉnh đốn đảng",
        "xếp loại",
        "quy định 37",
    ),
}


class KeywordClassifier(ClassifierMixin, BaseEstimator):
    """Counts the guideline's cue phrases per theme; the theme with most hits wins if it has at
    least ``min_hits``, otherwise ``other``. Fitting only records the classes: this is the baseline
    that learned models must beat."""

    def __init__(self, cues: dict[str, tuple[str, ...]] | None = None, min_hits: int = 1) -> None:
        self.cues = cues
        self.min_hits = min_hits

    def fit(self, X: Sequence[str], y: Sequence[str]) -> KeywordClassifier:
        self.classes_ = np.array(LABELS)
        cues = self.cues if self.cues is not None else GUIDELINE_CUES
        self.patterns_ = {
            theme: re.compile("|".join(re.escape(c) for c in sorted(phrases, key=len, reverse=True)))
            for theme, phrases in cues.items()
        }
        return self

    def _hits(self, X: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "patterns_")
        hits = np.zeros((len(X), len(LABELS)))
        for row, text in enumerate(X):
            lowered = text.lower()
            for column, theme in enumerate(THEMES):
                hits[row, column] = len(self.patterns_[theme].findall(lowered))
        return hits

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        hits = self._hits(X)
        hits[:, LABELS.index(OTHER)] = np.where(hits.max(axis=1) >= self.min_hits, 0, 1)
        return hits / hits.sum(axis=1, keepdims=True)

    def predict(self, X: Sequence[str]) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


# --------------------------------------------------------------------------------------------
# (b) underthesea_core.TextClassifier (Rust TF-IDF + linear SVM), wrapped for cross-validation
# --------------------------------------------------------------------------------------------


class UndertheseaCoreClassifier(ClassifierMixin, BaseEstimator):
    """``underthesea_core.TextClassifier`` behind the scikit-learn interface, for comparison only
    (the Rust object cannot be pickled, so it is never shipped)."""

    def __init__(self, max_features: int = 20000, ngram_range: tuple[int, int] = (1, 2), c: float = 1.0) -> None:
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.c = c

    def fit(self, X: Sequence[str], y: Sequence[str]) -> UndertheseaCoreClassifier:
        from underthesea_core import TextClassifier

        self.model_ = TextClassifier(max_features=self.max_features, ngram_range=self.ngram_range, c=self.c)
        self.model_.fit(list(X), [str(label) for label in y])
        self.classes_ = np.array(sorted(set(y)))
        return self

    def predict(self, X: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "model_")
        return np.array(self.model_.predict_batch(list(X)))


# --------------------------------------------------------------------------------------------
# (c)-(e) Learned paragraph models
# --------------------------------------------------------------------------------------------

#: Feature sets compared by cross-validation (see ``vnpolitics train``'s comparison table).
FEATURES = ("words", "syllables", "chars", "words+chars")


def _features(kind: str, min_df: int) -> Any:
    words = TfidfVectorizer(
        ngram_range=(1, 2), min_df=min_df, sublinear_tf=True, lowercase=True, token_pattern=r"[^\s]+"
    )
    syllables = TfidfVectorizer(
        ngram_range=(1, 3), min_df=min_df, sublinear_tf=True, lowercase=True, token_pattern=r"\w+"
    )
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=min_df, sublinear_tf=True)
    if kind == "words":
        return words
    if kind == "syllables":
        return syllables
    if kind == "chars":
        return chars
    if kind == "words+chars":
        return FeatureUnion([("words", words), ("chars", chars)])
    raise ValueError(f"unknown feature set {kind!r}; expected one of {', '.join(FEATURES)}")


def _classifier(kind: str, c: float, calibration: str) -> Any:
    # Linear scores calibrated to probabilities (sigmoid, internal 3-fold CV), so that "other" can
    # win when no theme is likely and thresholds mean the same across themes. Classes are weighted
    # for training (the themes are rare), which the calibration then undoes for the probabilities.
    if kind == "logreg":
        model: Any = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    else:
        model = LinearSVC(C=c, class_weight="balanced")
    return CalibratedClassifierCV(model, method=calibration, cv=3, ensemble=True)


#: Linear classifiers compared by cross-validation, with their regularisation by default.
CLASSIFIERS = {"svm": 0.5, "logreg": 20.0}


def paragraph_pipeline(
    features: str = "words",
    c: float | None = None,
    min_df: int = 2,
    calibration: str = "sigmoid",
    segment: bool = True,
    classifier: str = "svm",
) -> Pipeline:
    """The paragraph theme classifier: [Segmenter] -> TF-IDF features -> calibrated linear model
    (``classifier``: "svm", a linear SVM, or "logreg", a logistic regression; ``c`` defaults to
    :data:`CLASSIFIERS`).

    ``segment=False`` drops the Segmenter step, for features that do not need it (syllables,
    chars) or for evaluation on texts segmented once in advance.
    """
    if classifier not in CLASSIFIERS:
        raise ValueError(f"unknown classifier {classifier!r}; expected one of {', '.join(CLASSIFIERS)}")
    c = CLASSIFIERS[classifier] if c is None else c
    steps: list[tuple[str, Any]] = [("segment", Segmenter())] if segment else []
    steps += [("vectorize", _features(features, min_df)), ("classify", _classifier(classifier, c, calibration))]
    return Pipeline(steps)


def calibrated_proba(model: CalibratedClassifierCV, X: Any) -> np.ndarray:
    """``model.predict_proba(X)`` for a sigmoid-calibrated linear multi-class model, computed as
    one matrix product per calibrated classifier.

    Same numbers as scikit-learn (tested), without its per-call input validation, which costs
    more than the arithmetic for the one-article batches of ``analyze``. Other models fall back to
    ``predict_proba``.
    """
    calibrated = getattr(model, "calibrated_classifiers_", None)
    if (
        not calibrated
        or model.method != "sigmoid"
        or len(model.classes_) < 3
        or any(list(c.estimator.classes_) != list(model.classes_) for c in calibrated)
    ):
        return model.predict_proba(X)
    total = np.zeros((X.shape[0], len(model.classes_)))
    for classifier in calibrated:
        decision = np.asarray(X @ classifier.estimator.coef_.T) + classifier.estimator.intercept_
        a = np.array([c.a_ for c in classifier.calibrators])
        b = np.array([c.b_ for c in classifier.calibrators])
        proba = expit(-(a * decision + b))
        denominator = proba.sum(axis=1, keepdims=True)
        proba = np.divide(proba, denominator, out=np.full_like(proba, 1 / proba.shape[1]), where=denominator != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        total += proba
    return total / len(calibrated)


def linear_weights(pipeline: Pipeline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(feature_names, classes, coef)`` of a fitted linear paragraph pipeline; for a calibrated
    ensemble the SVMs' weights are averaged. Used to explain a decision by its evidence terms."""
    vectorizer = pipeline.named_steps["vectorize"]
    model = pipeline.named_steps["classify"]
    if isinstance(model, CalibratedClassifierCV):
        coef = np.mean([c.estimator.coef_ for c in model.calibrated_classifiers_], axis=0)
    else:
        coef = model.coef_
    return np.asarray(vectorizer.get_feature_names_out()), model.classes_, coef


# --------------------------------------------------------------------------------------------
# Article decision
# --------------------------------------------------------------------------------------------

#: Article features computed from paragraph probabilities (per theme), see :func:`article_features`.
ARTICLE_FEATURES = ("max", "mean", "length_weighted", "share")


def article_features(proba: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Summarise one article's paragraph probabilities (rows: paragraphs; columns: LABELS) into a
    fixed vector: per theme the max, the mean, the length-weighted mean, and the share of
    paragraphs whose top label is that theme."""
    if len(proba) == 0:
        return np.zeros(len(THEMES) * len(ARTICLE_FEATURES))
    weights = np.asarray(lengths, dtype=float)
    weights = weights / weights.sum() if weights.sum() else np.full(len(proba), 1 / len(proba))
    top = proba.argmax(axis=1)
    columns = [LABELS.index(t) for t in THEMES]
    parts = [
        proba[:, columns].max(axis=0),
        proba[:, columns].mean(axis=0),
        weights @ proba[:, columns],
        np.array([(top == c).mean() for c in columns]),
    ]
    return np.concatenate(parts)


def context_features(proba: np.ndarray) -> np.ndarray:
    """Per paragraph of one article (rows of ``proba``, columns LABELS): its own probabilities, the
    mean and maximum over the article's other paragraphs, the previous and next paragraph's, and
    the log of the article's paragraph count. Vectorised: linear in the number of paragraphs."""
    proba = np.asarray(proba, dtype=float)
    n, k = proba.shape
    if n == 0:
        return np.zeros((0, 5 * k + 1))
    zeros = np.zeros((1, k))
    if n > 1:
        others_mean = (proba.sum(axis=0) - proba) / (n - 1)
        # The maximum over the others is the column maximum, except in the row that holds it,
        # where it is the second largest value (equal to the maximum when it occurs twice).
        top_two = np.sort(proba, axis=0)[-2:]
        holder = proba.argmax(axis=0)
        others_max = np.repeat(top_two[1:], n, axis=0)
        others_max[holder, np.arange(k)] = top_two[0]
    else:
        others_mean = others_max = zeros
    previous = np.vstack([zeros, proba[:-1]])
    following = np.vstack([proba[1:], zeros])
    size = np.full((n, 1), np.log1p(n))
    return np.hstack([proba, others_mean, others_max, previous, following, size])


class ParagraphContext(ClassifierMixin, BaseEstimator):
    """Second stage for paragraph labels: a multinomial logistic regression over
    :func:`context_features`, so that an article's other paragraphs can tip an ambiguous one
    (a paragraph on "học tập" inside a report on studying a resolution is education).

    ``X`` is a sequence of articles, each the matrix of its paragraphs' first-stage probabilities
    (columns in LABELS order); ``y`` the paragraph labels of each article. Fit it on out-of-fold
    probabilities, as it will see probabilities of unseen text.
    """

    def __init__(self, c: float = 1.0) -> None:
        self.c = c

    def fit(self, X: Sequence[np.ndarray], y: Sequence[Sequence[str]]) -> ParagraphContext:
        features = np.vstack([context_features(np.asarray(p)) for p in X if len(p)])
        labels = np.concatenate([np.asarray(labels) for p, labels in zip(X, y, strict=True) if len(p)])
        self.model_ = LogisticRegression(C=self.c, max_iter=2000).fit(features, labels)
        self.classes_ = np.array(LABELS)
        return self

    def predict_proba(self, X: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Per article, its paragraphs' probabilities (columns in LABELS order; a label never seen
        in training gets 0)."""
        check_is_fitted(self, "model_")
        columns = [LABELS.index(label) for label in self.model_.classes_]
        result = []
        for p in X:
            proba = np.zeros((len(p), len(LABELS)))
            if len(p):
                proba[:, columns] = self.model_.predict_proba(context_features(np.asarray(p)))
            result.append(proba)
        return result

    def predict(self, X: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Per article, its paragraphs' labels."""
        return [np.array(LABELS)[p.argmax(axis=1)] for p in self.predict_proba(X)]


#: How article labels follow from paragraph probabilities, see :class:`ArticleDecision`.
DECISION_METHODS = ("threshold", "stacked", "paragraphs")


class ArticleDecision(BaseEstimator):
    """Turns paragraph probabilities into article labels and a dominant theme.

    ``method="threshold"``: a theme's article score is its highest paragraph probability (one
    substantial paragraph is enough, as in the guideline).
    ``method="stacked"``: a theme's article score comes from one logistic regression per theme over
    :func:`article_features`, trained on out-of-fold paragraph probabilities.
    Either way a theme is an article label when its score is at least ``threshold``.
    ``method="paragraphs"``: the article's themes are its paragraphs' labels (a theme is an article
    label when at least one paragraph is labelled with it), so article and paragraph labels always
    agree; meant for the probabilities after :class:`ParagraphContext`; scores as for "threshold".
    The dominant label is the listed theme with the largest length-weighted probability mass.
    Which one ships is decided by cross-validation (``vnpolitics train``).
    """

    def __init__(self, method: str = "threshold", threshold: float = 0.5, c: float = 1.0) -> None:
        self.method = method
        self.threshold = threshold
        self.c = c

    def fit(self, X: Sequence[np.ndarray], y: Sequence[Sequence[str]], lengths: Sequence[Sequence[int]]) -> Any:
        """``X``: per article, its paragraph probability matrix; ``y``: its theme labels."""
        if self.method not in DECISION_METHODS:
            raise ValueError(f"method must be one of {', '.join(DECISION_METHODS)}, not {self.method!r}")
        if self.method == "stacked":
            features = np.array([article_features(p, n) for p, n in zip(X, lengths, strict=True)])
            self.models_ = {}
            for theme in THEMES:
                target = np.array([theme in labels for labels in y])
                model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=1000)
                self.models_[theme] = model.fit(features, target) if 0 < target.sum() < len(target) else None
        self.fitted_ = True
        return self

    def theme_scores(self, proba: np.ndarray, lengths: Sequence[int]) -> dict[str, float]:
        """Article score per theme in [0, 1]."""
        check_is_fitted(self, "fitted_")
        if len(proba) == 0:
            return dict.fromkeys(THEMES, 0.0)
        if self.method in ("threshold", "paragraphs"):
            return {t: float(proba[:, LABELS.index(t)].max()) for t in THEMES}
        features = article_features(proba, lengths).reshape(1, -1)
        return {
            t: float(m.predict_proba(features)[0, 1]) if (m := self.models_[t]) is not None else 0.0 for t in THEMES
        }

    def decide(self, proba: np.ndarray, lengths: Sequence[int]) -> tuple[list[str], str, dict[str, float]]:
        """``(labels, dominant, scores)`` for one article."""
        scores = self.theme_scores(proba, lengths)
        if self.method == "paragraphs":
            top = set(proba.argmax(axis=1).tolist())
            labels = [t for t in THEMES if LABELS.index(t) in top]
        else:
            labels = [t for t in THEMES if scores[t] >= self.threshold]
        if not labels:
            return [], OTHER, scores
        weights = np.asarray(lengths, dtype=float)
        mass = {t: float(weights @ proba[:, LABELS.index(t)]) for t in labels}
        return labels, max(labels, key=lambda t: (mass[t], scores[t])), scores
