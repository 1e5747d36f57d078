"""Theme estimators: scikit-learn conventions, the keyword baseline, the article decision."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from fixtures import PARAGRAPHS
from sklearn.base import clone
from sklearn.model_selection import cross_val_score

from vnpolitics.labels import LABELS, OTHER
from vnpolitics.reports import extrapolate_learning_curve, learning_curve_markdown
from vnpolitics.themes import (
    ArticleDecision,
    KeywordClassifier,
    ParagraphContext,
    UndertheseaCoreClassifier,
    article_features,
    context_features,
    linear_weights,
    paragraph_pipeline,
)

TEXTS = [t for label in LABELS for t in PARAGRAPHS[label]]
LABELS_Y = [label for label in LABELS for _ in PARAGRAPHS[label]]


@pytest.mark.parametrize(
    ("features", "classifier"),
    [("words", "svm"), ("syllables", "svm"), ("chars", "svm"), ("words+chars", "svm"), ("syllables", "logreg")],
)
def test_paragraph_pipeline_follows_sklearn_conventions(features: str, classifier: str) -> None:
    pipeline = paragraph_pipeline(features, min_df=1, classifier=classifier)
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
    with pytest.raises(ValueError, match="unknown classifier"):
        paragraph_pipeline("syllables", classifier="forest")


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


def test_paragraphs_decision_follows_the_paragraph_labels() -> None:
    # 0.45 education is below any threshold, but it is that paragraph's label, so the article's.
    proba = np.array([[0.45, 0.2, 0.1, 0.25], [0.0, 0.0, 0.1, 0.9]])
    labels, dominant, scores = ArticleDecision("paragraphs").fit([], [], []).decide(proba, [100, 100])
    assert labels == ["education"] and dominant == "education" and scores["education"] == pytest.approx(0.45)
    assert ArticleDecision("paragraphs").fit([], [], []).decide(np.zeros((0, 4)), [])[:2] == ([], OTHER)


def test_context_features_see_the_other_paragraphs() -> None:
    proba = _one_hot(["education", "other", "cyberspace"])
    features = context_features(proba)
    assert features.shape == (3, 21)
    # Paragraph 1: its own row, the mean of the two others, their max, the previous and the next.
    assert features[1, :4].tolist() == proba[1].tolist()
    assert features[1, 4:8] == pytest.approx((proba[0] + proba[2]) / 2)
    assert features[1, 12:16].tolist() == proba[0].tolist() and features[1, 16:20].tolist() == proba[2].tolist()
    assert context_features(_one_hot(["other"])).shape == (1, 21)


def test_paragraph_context_learns_from_neighbours() -> None:
    # An ambiguous paragraph (flat scores) is education inside education articles, other elsewhere.
    flat = [0.25, 0.25, 0.25, 0.25]
    edu, other = _one_hot(["education"])[0].tolist(), _one_hot(["other"])[0].tolist()
    articles = [np.array([edu, flat, edu]), np.array([other, flat, other])] * 20
    labels = [["education"] * 3, ["other"] * 3] * 20
    model = clone(ParagraphContext()).fit(articles, labels)
    predicted = model.predict([articles[0], articles[1], np.zeros((0, 4))])
    assert predicted[0][1] == "education" and predicted[1][1] == "other" and len(predicted[2]) == 0
    assert np.allclose(
        pickle.loads(pickle.dumps(model)).predict_proba(articles[:1])[0], model.predict_proba(articles[:1])[0]
    )


def test_article_features_are_fixed_length() -> None:
    assert article_features(_one_hot(["education"]), [10]).shape == (12,)
    assert article_features(np.zeros((0, 4)), []).shape == (12,)


@pytest.mark.parametrize("classifier", ["svm", "logreg"])
def test_calibrated_proba_matches_scikit_learn(classifier: str) -> None:
    from vnpolitics.themes import calibrated_proba

    pipeline = paragraph_pipeline("syllables", min_df=1, classifier=classifier).fit(TEXTS, LABELS_Y)
    features = pipeline.named_steps["vectorize"].transform([*TEXTS, "", "một câu hoàn toàn mới"])
    model = pipeline.named_steps["classify"]
    assert np.allclose(calibrated_proba(model, features), model.predict_proba(features), atol=1e-12)


def test_article_decision_choice_prefers_fewer_false_positives_among_ties() -> None:
    from vnpolitics.train import choose_decision

    def row(f1: float, fp: float) -> dict[str, float]:
        return {"macro_f1_themes": f1, "hard_negative_fp_rate": fp}

    # One meets the 5% cap: the best F1 among those that do.
    assert choose_decision({"a": row(0.90, 0.10), "b": row(0.80, 0.04), "c": row(0.70, 0.01)}) == "b"
    # None does: the fewest false positives among those within 0.005 of the best F1.
    assert choose_decision({"a": row(0.876, 0.098), "b": row(0.8758, 0.061), "c": row(0.79, 0.052)}) == "b"
    assert choose_decision({"a": row(0.90, 0.098), "b": row(0.85, 0.061)}) == "a"


def _curve(articles: list[int], f1: list[float]) -> list[dict[str, float]]:
    return [{"articles": n, "macro_f1": f} for n, f in zip(articles, f1, strict=True)]


def test_learning_curve_extrapolation_recovers_a_power_law() -> None:
    articles = [300, 600, 900, 1200]
    curve = _curve(articles, [0.9 - 4.0 * n**-0.5 for n in articles])
    projection = extrapolate_learning_curve(curve, target=0.85)
    assert projection is not None
    assert projection["power_law_asymptote"] == pytest.approx(0.9, abs=0.01)
    assert projection["power_law_articles"] == pytest.approx((0.05 / 4.0) ** -2, rel=0.1)  # 6,400
    # The straight line in log(n) never levels off, so it is the more optimistic of the two.
    assert projection["log_linear_articles"] < projection["power_law_articles"]


def test_learning_curve_extrapolation_says_when_the_target_is_out_of_reach() -> None:
    articles = [300, 600, 900, 1200]
    curve = _curve(articles, [0.8 - 4.0 * n**-0.5 for n in articles])
    projection = extrapolate_learning_curve(curve, target=0.85)
    assert projection is not None and projection["power_law_articles"] is None
    assert extrapolate_learning_curve(curve[:2]) is None  # two points cannot fix three parameters


@pytest.mark.parametrize("f1", [[0.70, 0.69, 0.68, 0.67], [0.7000, 0.7001, 0.7002, 0.7003], [0.60, 0.70, 0.75, 0.78]])
def test_learning_curve_extrapolation_never_crashes_the_report(f1: list[float]) -> None:
    curve = [{"fraction": i / 4, **point} for i, point in enumerate(_curve([300, 600, 900, 1200], f1), start=1)]
    projection = extrapolate_learning_curve(curve)
    assert projection is not None
    assert projection["power_law_asymptote"] is None or projection["power_law_asymptote"] <= 1
    evaluation = {"learning_curve": curve}
    assert "Extrapolated" in "\n".join(learning_curve_markdown(evaluation))
