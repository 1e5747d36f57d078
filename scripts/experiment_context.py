"""Experiment (not shipped): do the neighbouring paragraphs' scores improve paragraph labels?

A second-stage logistic regression sees, for each paragraph, its own calibrated probabilities,
the mean and maximum over the article's other paragraphs, the previous and next paragraph's, and
the article length. Evaluated honestly: on the same grouped 5 folds as ``vnpolitics train``, the
second stage of each fold is fitted on inner out-of-fold probabilities of that fold's training
articles only, and applied to the outer out-of-fold probabilities of its test articles.

    python scripts/experiment_context.py
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

from vnpolitics.corpus import load
from vnpolitics.labels import LABELS
from vnpolitics.train import CANDIDATES, Data, _inner_oof, folds, out_of_fold, paragraph_metrics, prepare_data


def context_features(data: Data, proba: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One feature row per index in ``rows`` (all paragraphs of whole articles)."""
    by_row: dict[int, np.ndarray] = {}
    zeros = np.zeros(len(LABELS))
    for article_id in dict.fromkeys(data.groups[rows]):
        part = data.article_slices[article_id]
        p = proba[part]
        for k in range(len(p)):
            others = np.delete(p, k, axis=0)
            by_row[part.start + k] = np.concatenate(
                [
                    p[k],
                    others.mean(axis=0) if len(others) else zeros,
                    others.max(axis=0) if len(others) else zeros,
                    p[k - 1] if k > 0 else zeros,
                    p[k + 1] if k + 1 < len(p) else zeros,
                    [np.log1p(len(p))],
                ]
            )
    return np.array([by_row[i] for i in rows])


def main() -> None:
    data = prepare_data(load(), progress=lambda message: None)
    candidate = next(c for c in CANDIDATES if c.name == "syllables")
    splits = folds(data)
    outer = out_of_fold(data, candidate, splits)
    contextual = np.zeros_like(outer)
    for train, test in splits:
        inner = np.zeros_like(outer)
        inner[train] = _inner_oof(data, candidate, train)
        model = LogisticRegression(max_iter=2000).fit(context_features(data, inner, train), data.labels[train])
        proba = model.predict_proba(context_features(data, outer, test))
        contextual[test] = proba[:, [list(model.classes_).index(label) for label in LABELS]]
    for name, proba in (("paragraph model alone", outer), ("with article context", contextual)):
        metrics = paragraph_metrics(data.labels, proba)
        per_class = ", ".join(f"{label} {m['f1']:.3f}" for label, m in metrics["per_class"].items())
        print(f"{name:24} macro-F1 (themes) {metrics['macro_f1_themes']:.3f}   F1: {per_class}")


if __name__ == "__main__":
    main()
