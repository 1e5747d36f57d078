"""Theme estimators: scikit-learn conventions, the keyword baseline, the article decision."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from fixtures import PARAGRAPHS
from sklearn.base import clone
from sklearn.model_selection import cross_val_score

from vnpolitics.labels import LABELS, OTHER
from vnpolitics.themes import (
    ArticleDecision,
    KeywordClassifier,
    UndertheseaCoreClassifier,
    article_features,
    linear_weights,
    paragraph_pipeline,
)

TEXTS = [t for label in LABELS for t in PARAGRAPHS[label]]
LABELS_Y = [label for label in LABELS for _ in PARAGRAPHS[label]]


@pytest.mark.parametrize("features", ["words", "syllables", "chars", "words+chars"])
def test_paragraph_pipeline_follows_sklearn_conventions(features: str) -> None:
    pipeline = paragraph_pipeline(features, min_df=1)
    assert clone(pipeline).get_params()["vectorize"] is not pipeline.get_params()["vectorize"]
    fitted = pipeline.fit(TEXTS, LABELS_Y)
    proba = fitted.predict_proba(TEXTS)
    assert proba.shape == (len(TEXTS), 4)
    assert np.allclose(proba.sum(axis=1), 1)
    restored = pickle.loads(pickle.dumps(fitted))
    assert np.allclose(restored.predict_proba(TEXTS[:3]), proba[:3])


def test_paragraph_pipeline_cross_validates() -> None:
    scores = cross_val_score(paragraph_pipeline("syllables", min_df=1), TEXTS, LABELS_Y, cv=2)
    assert len(scores) == 2 and all(0 <= s <= 1 for s in scores)


def test_paragraph_pipeline_rejects_unknown_features() -> None:
    with pytest.raises(ValueError, match="unknown feature set"):
        paragraph_pipeline("bananas")


def test_linear_weights_average_the_calibrated_svms() -> None:
    pipeline = paragraph_pipeline("syllables", min_df=1).fit(TEXTS, LABELS_Y)
    names, classes, coef = linear_weights(pipeline)
    assert coef.shape == (len(classes), len(names))
    education = coef[list(classes).index("education")]
    top = set(names[np.argsort(-education)[:8]])
    assert any(cue in term for term in top for cue in ("học", "quán", "lý", "bồi", "luận"))


def test_keyword_baseline_counts_guideline_cues() -> None:
    model = KeywordClassifier().fit(TEXTS, LABELS_Y)
    assert list(model.predict(["Chi bộ tổ chức kiểm điểm tự phê bình và phê bình."])) == ["self_criticism"]
    assert list(model.predict(["Giá vàng hôm nay tăng mạnh."])) == [OTHER]
    assert np.allclose(model.predict_proba(TEXTS).sum(axis=1), 1)
    assert clone(model).get_params() == {"cues": None, "min_hits": 1}


def test_underthesea_core_wrapper() -> None:
    model = UndertheseaCoreClassifier().fit(TEXTS, LABELS_Y)
    predictions = model.predict(TEXTS)
    assert set(predictions) <= set(LABELS)
    assert (predictions == np.array(LABELS_Y)).mean() > 0.8  # it learns its own training set


def _one_hot(labels: list[str]) -> np.ndarray:
    return np.array([[0.9 if label == name else 0.1 / 3 for name in LABELS] for label in labels])


def test_threshold_decision_uses_the_strongest_paragraph() -> None:
    decision = ArticleDecision("threshold", threshold=0.5).fit([], [], [])
    labels, dominant, scores = decision.decide(_one_hot(["other", "education", "other"]), [100, 50, 300])
    assert labels == ["education"] and dominant == "education"
    assert scores["education"] == pytest.approx(0.9)
    assert decision.decide(_one_hot(["other", "other"]), [10, 10])[:2] == ([], OTHER)
    assert decision.decide(np.zeros((0, 4)), [])[:2] == ([], OTHER)


def test_dominant_is_the_theme_with_most_weighted_mass() -> None:
    decision = ArticleDecision("threshold", threshold=0.5).fit([], [], [])
    labels, dominant, _ = decision.decide(_one_hot(["education", "cyberspace", "cyberspace"]), [500, 100, 100])
    assert labels == ["education", "cyberspace"] and dominant == "education"


def test_stacked_decision_learns_from_article_features() -> None:
    matrices = [_one_hot(["education", "other"]), _one_hot(["other", "other"])] * 10
    lengths = [[100, 100]] * 20
    truth = [("education",), ()] * 10
    decision = ArticleDecision("stacked").fit(matrices, truth, lengths)
    assert decision.decide(matrices[0], lengths[0])[0] == ["education"]
    assert decision.decide(matrices[1], lengths[1])[0] == []
    with pytest.raises(ValueError, match="method"):
        ArticleDecision("magic").fit(matrices, truth, lengths)


def test_article_features_are_fixed_length() -> None:
    assert article_features(_one_hot(["education"]), [10]).shape == (12,)
    assert article_features(np.zeros((0, 4)), []).shape == (12,)


def test_calibrated_proba_matches_scikit_learn() -> None:
    from vnpolitics.themes import calibrated_proba

    pipeline = paragraph_pipeline("syllables", min_df=1).fit(TEXTS, LABELS_Y)
    features = pipeline.named_steps["vectorize"].transform([*TEXTS, "", "một câu hoàn toàn mới"])
    model = pipeline.named_steps["classify"]
    assert np.allclose(calibrated_proba(model, features), model.predict_proba(features), atol=1e-12)
