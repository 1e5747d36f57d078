"""The multi-label tagger, its baseline and the tag vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from fixtures import PARAGRAPHS
from sklearn.base import clone

from vnpolitics.labels import TAGS
from vnpolitics.tags import OneVsRestBaseline, TagModel, evaluate_tagger, load_danes, tag_metrics

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [t for label in PARAGRAPHS for t in PARAGRAPHS[label]] * 2
LABELS = [[label, "chung"] if label != "other" else [] for label in PARAGRAPHS for _ in PARAGRAPHS[label]] * 2


def test_vocabulary_is_documented_in_tags_md() -> None:
    documented = re.findall(r"^\| `([^`]+)` \|", (ROOT / "corpus" / "TAGS.md").read_text("utf-8"), re.M)
    assert tuple(documented) == TAGS and 20 <= len(TAGS) <= 40


def test_tag_model_learns_per_tag_thresholds() -> None:
    model = TagModel(min_df=1).fit(TEXTS, LABELS)
    assert list(model.classes_) == sorted({t for tags in LABELS for t in tags})
    assert model.thresholds_.shape == (len(model.classes_),)
    assert set(np.round(model.thresholds_, 2)) <= {round(t, 2) for t in np.arange(0.1, 0.91, 0.05)} | {1.0}
    predicted = model.predict([PARAGRAPHS["education"][0], PARAGRAPHS["other"][0]])
    assert "education" in predicted[0] and predicted[1] == []
    assert clone(model).get_params() == model.get_params()


def test_baseline_and_evaluation_on_the_same_folds() -> None:
    result = evaluate_tagger(TEXTS, LABELS, n_splits=2, model=TagModel(min_df=1), progress=lambda _: None)
    assert set(result) >= {"tagger", "baseline"}
    for name in ("tagger", "baseline"):
        assert 0 <= result[name]["micro_f1"] <= 1 and set(result[name]["per_tag"]) == {
            "chung", "cyberspace", "education", "self_criticism",
        }  # fmt: skip
    assert OneVsRestBaseline().fit(TEXTS, LABELS).predict(TEXTS[:1])


def test_tag_metrics() -> None:
    m = tag_metrics([["a"], ["a", "b"]], [["a"], ["b"]], ["a", "b"])
    assert m["per_tag"]["a"] == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}
    assert m["micro_f1"] == 2 * (2 / 2) * (2 / 3) / (1 + 2 / 3)


def test_load_danes_reads_label_studio_exports(tmp_path: Path) -> None:
    export = tmp_path / "batch.json"
    export.write_text(
        '[{"annotations": [{"from_name": "topic", "value": {"choices": ["Kinh tế", "Xã hội"]}},'
        ' {"from_name": "sentiment", "value": {"choices": ["Tích cực"]}}],'
        ' "data": {"text": "Tiêu đề", "meta": {"description": "Mô tả"}}},'
        ' {"annotations": [], "data": {"text": "Không nhãn"}}]',
        encoding="utf-8",
    )
    assert load_danes(tmp_path) == (["Tiêu đề\nMô tả"], [["Kinh tế", "Xã hội"]])


def test_fast_tag_probabilities_match_one_vs_rest() -> None:
    model = TagModel(min_df=1).fit(TEXTS, LABELS)
    texts = [*TEXTS[:5], "", "một câu hoàn toàn mới"]
    expected = np.zeros((len(texts), len(model.classes_)))
    expected[:, model.usable_] = model.model_.predict_proba(texts)
    assert np.allclose(model.predict_proba(texts), expected, atol=1e-12)
