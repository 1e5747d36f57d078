"""Topic tags: a general multi-label text tagger with per-tag thresholds chosen by cross-validation.

The same estimator tags articles with the project's vocabulary (``corpus/TAGS.md``) and learns any
other multi-label dataset, such as DANeS (:func:`evaluate_tagger` runs either, with a one-vs-rest
TF-IDF + logistic-regression baseline on the same folds).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold, KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted

from vnpolitics.themes import _features

#: Candidate thresholds for each tag's probability.
TAG_THRESHOLDS = tuple(np.round(np.arange(0.1, 0.91, 0.05), 2))


class TagModel(ClassifierMixin, BaseEstimator):
    """Multi-label tagger: TF-IDF features -> one logistic regression per tag -> per-tag thresholds.

    Each tag's threshold is the one maximising that tag's F1 on out-of-fold probabilities of the
    training data (``cv`` folds), so rare tags are not starved by a fixed 0.5. ``fit`` takes texts
    and, for each text, a list of tags.
    """

    def __init__(self, features: str = "syllables", c: float = 10.0, min_df: int = 5, cv: int = 3) -> None:
        self.features = features
        self.c = c
        self.min_df = min_df
        self.cv = cv

    def _pipeline(self) -> Pipeline:
        return Pipeline(
            [
                ("vectorize", _features(self.features, self.min_df)),
                (
                    "classify",
                    OneVsRestClassifier(LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000)),
                ),
            ]
        )

    def fit(self, X: Sequence[str], y: Sequence[Sequence[str]]) -> TagModel:
        texts = list(X)
        self.binarizer_ = MultiLabelBinarizer()
        Y = self.binarizer_.fit_transform([list(tags) for tags in y])
        self.classes_ = self.binarizer_.classes_
        usable = (Y.sum(axis=0) >= 2) & (Y.sum(axis=0) < len(texts))
        self.usable_ = usable
        oof = np.zeros(Y.shape)
        folds = KFold(n_splits=self.cv, shuffle=True, random_state=0).split(texts)
        for train, test in folds:
            columns = usable & (Y[train].sum(axis=0) > 0) & (Y[train].sum(axis=0) < len(train))
            model = self._pipeline().fit([texts[i] for i in train], Y[train][:, columns])
            oof[np.ix_(test, np.flatnonzero(columns))] = model.predict_proba([texts[i] for i in test])
        self.thresholds_ = np.ones(Y.shape[1])
        for j in np.flatnonzero(usable):
            scores = [f1_score(Y[:, j], oof[:, j] >= t, zero_division=0) for t in TAG_THRESHOLDS]
            self.thresholds_[j] = TAG_THRESHOLDS[int(np.argmax(scores))]
        self.model_ = self._pipeline().fit(texts, Y[:, usable])
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Probability per tag (columns: ``classes_``); tags too rare to learn get 0."""
        check_is_fitted(self, "model_")
        proba = np.zeros((len(X), len(self.classes_)))
        if len(X):
            # One matrix product for all tags: what OneVsRestClassifier.predict_proba computes
            # (tested), without validating the input once per tag.
            weights, intercepts = self._stacked()
            features = self.model_.named_steps["vectorize"].transform(list(X))
            proba[:, self.usable_] = expit(np.asarray(features @ weights) + intercepts)
        return proba

    def _stacked(self) -> tuple[np.ndarray, np.ndarray]:
        """All tags' weights as one (features x tags) matrix, built once per loaded model."""
        cached = self.__dict__.get("_weights")
        if cached is None:
            estimators = self.model_.named_steps["classify"].estimators_
            weights = np.ascontiguousarray(np.vstack([e.coef_ for e in estimators]).T)
            cached = (weights, np.concatenate([e.intercept_ for e in estimators]))
            self.__dict__["_weights"] = cached
        return cached

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_weights", None)
        return state

    def decide(self, proba: np.ndarray) -> np.ndarray:
        """Boolean tag matrix from probabilities, by the per-tag thresholds."""
        return proba >= self.thresholds_

    def predict(self, X: Sequence[str]) -> list[list[str]]:
        chosen = self.decide(self.predict_proba(X))
        return [[str(tag) for tag in self.classes_[row]] for row in chosen]


class OneVsRestBaseline(ClassifierMixin, BaseEstimator):
    """The reference point: one-vs-rest TF-IDF (word 1-2-grams) + logistic regression with balanced
    class weights (without them it predicts almost no rare tag at all), threshold 0.5."""

    def fit(self, X: Sequence[str], y: Sequence[Sequence[str]]) -> OneVsRestBaseline:
        self.binarizer_ = MultiLabelBinarizer()
        Y = self.binarizer_.fit_transform([list(tags) for tags in y])
        self.classes_ = self.binarizer_.classes_
        self.usable_ = (Y.sum(axis=0) > 0) & (Y.sum(axis=0) < len(Y))
        self.model_ = Pipeline(
            [
                ("vectorize", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("classify", OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=2000))),
            ]
        ).fit(list(X), Y[:, self.usable_])
        return self

    def predict(self, X: Sequence[str]) -> list[list[str]]:
        proba = np.zeros((len(X), len(self.classes_)))
        proba[:, self.usable_] = self.model_.predict_proba(list(X))
        return [[str(tag) for tag in self.classes_[row]] for row in proba >= 0.5]


def tag_metrics(
    truth: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]], tags: Sequence[str]
) -> dict[str, Any]:
    binarizer = MultiLabelBinarizer(classes=list(tags))
    Y = binarizer.fit_transform([list(t) for t in truth])
    P = binarizer.transform([list(t) for t in predicted])
    p, r, f, s = precision_recall_fscore_support(Y, P, zero_division=0)
    return {
        "micro_f1": float(f1_score(Y, P, average="micro", zero_division=0)),
        "macro_f1": float(f1_score(Y, P, average="macro", zero_division=0)),
        "per_tag": {
            tag: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, tag in enumerate(tags)
        },
    }


def evaluate_tagger(
    texts: Sequence[str],
    tags: Sequence[Sequence[str]],
    groups: Sequence[str] | None = None,
    n_splits: int = 5,
    model: Any = None,
    progress: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Grouped cross-validation of the tagger and of the one-vs-rest baseline on the same folds."""
    vocabulary = sorted({tag for item in tags for tag in item})
    groups = list(groups) if groups is not None else [str(i) for i in range(len(texts))]
    splits = list(GroupKFold(n_splits=n_splits, shuffle=True, random_state=0).split(texts, groups=groups))
    texts = list(texts)
    results: dict[str, Any] = {"items": len(texts), "tags": len(vocabulary), "folds": n_splits}
    for name, estimator in (("tagger", model if model is not None else TagModel()), ("baseline", OneVsRestBaseline())):
        predicted: list[list[str]] = [[] for _ in texts]
        for train, test in splits:
            fitted = clone(estimator).fit([texts[i] for i in train], [tags[i] for i in train])
            for i, row in zip(test, fitted.predict([texts[i] for i in test]), strict=True):
                predicted[i] = row
        results[name] = tag_metrics(tags, predicted, vocabulary)
        progress(f"  {name:<9} micro-F1 {results[name]['micro_f1']:.3f}   macro-F1 {results[name]['macro_f1']:.3f}")
    return results


def load_danes(directory: str | Path) -> tuple[list[str], list[list[str]]]:
    """DANeS (Label Studio export): texts (title + description) and their topic labels."""
    path = Path(directory)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    texts, labels = [], []
    for file in files:
        for item in json.loads(file.read_text(encoding="utf-8")):
            data = item.get("data", {})
            description = (data.get("meta") or {}).get("description") or ""
            topics = [
                choice
                for annotation in item.get("annotations", [])
                if annotation.get("from_name") == "topic"
                for choice in annotation.get("value", {}).get("choices", [])
            ]
            if topics and data.get("text"):
                texts.append(f"{data['text']}\n{description}".strip())
                labels.append(sorted(set(topics)))
    return texts, labels


def tags_markdown(results: dict[str, Any], title: str) -> str:
    """The tagger-vs-baseline comparison and per-tag scores as Markdown."""
    rows = [
        f"# {title}",
        "",
        f"{results['items']} items, {results['tags']} tags, {results['folds']}-fold cross-validation "
        "(grouped by article where articles have several units). Same folds for both models.",
        "",
        "| model | micro-F1 | macro-F1 |",
        "|---|---|---|",
        f"| TagModel (syllable n-grams, per-tag thresholds) | {results['tagger']['micro_f1']:.3f} | "
        f"{results['tagger']['macro_f1']:.3f} |",
        f"| one-vs-rest TF-IDF + logistic regression | {results['baseline']['micro_f1']:.3f} | "
        f"{results['baseline']['macro_f1']:.3f} |",
        "",
        "| tag | support | precision | recall | F1 | baseline F1 |",
        "|---|---|---|---|---|---|",
    ]
    for tag, m in sorted(results["tagger"]["per_tag"].items(), key=lambda item: -item[1]["support"]):
        base = results["baseline"]["per_tag"][tag]["f1"]
        rows.append(
            f"| {tag} | {m['support']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {base:.3f} |"
        )
    return "\n".join(rows) + "\n"
