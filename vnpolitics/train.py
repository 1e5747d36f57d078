"""Training and model selection: grouped cross-validation over the annotated corpus, the comparison
table, the article decision, the shipped model folder, and the reports.

Everything is measured with the same folds: paragraphs are split by article
(``StratifiedGroupKFold``), so no article has paragraphs on both sides of a split, and article-level
scores use the same article split.
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

from vnpolitics import __version__
from vnpolitics.corpus import Corpus
from vnpolitics.labels import LABELS, OTHER, THEMES
from vnpolitics.persistence import save_bundle
from vnpolitics.text import SPLITTER_VERSION, Segmenter
from vnpolitics.themes import (
    ArticleDecision,
    KeywordClassifier,
    ParagraphContext,
    UndertheseaCoreClassifier,
    paragraph_pipeline,
)

#: Vocabulary that makes an off-theme article a *hard* negative (shares the themes' words).
HARD_NEGATIVE_VOCABULARY = (
    "mạng xã hội", "kiểm điểm", "quán triệt", "suy thoái", "kỷ luật", "học tập", "nghị quyết",
    "phê bình", "an ninh mạng", "tuyên truyền", "tin giả", "đảng viên",
)  # fmt: skip

#: Article macro-F1 differences below this are treated as ties when choosing the article decision.
F1_TIE = 0.005
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
#: Largest acceptable share of hard negatives flagged with a theme (a product requirement): the
#: threshold is the best by article macro-F1 among those meeting it, when any does.
MAX_HARD_NEGATIVE_FP = 0.05


@dataclass
class Data:
    """Paragraph-level arrays plus the article structure, in corpus order."""

    texts: list[str]
    segmented: list[str]
    labels: np.ndarray
    groups: np.ndarray
    article_ids: list[str]
    article_slices: dict[str, slice]
    article_labels: dict[str, tuple[str, ...]]
    article_dominant: dict[str, str]
    hard_negatives: set[str] = field(default_factory=set)


def prepare_data(corpus: Corpus, progress: Callable[[str], None] = print) -> Data:
    texts, labels, groups, slices = [], [], [], {}
    for item in corpus.articles:
        start = len(texts)
        texts += item.article.texts
        labels += item.paragraph_labels
        groups += [item.id] * len(item.article.texts)
        slices[item.id] = slice(start, len(texts))
    progress(f"segmenting {len(texts):,} paragraphs once for all folds ...")
    segmented = Segmenter(cache_size=len(texts) + 1).transform(texts)
    hard = {
        item.id
        for item in corpus.articles
        if not item.labels and any(term in item.article.clean_text.lower() for term in HARD_NEGATIVE_VOCABULARY)
    }
    return Data(
        texts=texts,
        segmented=segmented,
        labels=np.array(labels),
        groups=np.array(groups),
        article_ids=[item.id for item in corpus.articles],
        article_slices=slices,
        article_labels={item.id: item.labels for item in corpus.articles},
        article_dominant={item.id: item.dominant for item in corpus.articles},
        hard_negatives=hard,
    )


# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    name: str
    description: str
    make: Callable[[], Any]
    input: str  # "raw" or "segmented"
    probabilistic: bool = True
    #: For the learned paragraph pipelines: their feature set and classifier (see ``paragraph_pipeline``).
    features: str = ""
    classifier: str = "svm"

    def pipeline(self) -> Any:
        """The deployable paragraph pipeline of a learned candidate: the same model as ``make``,
        with the Segmenter step when its features need segmented text."""
        return paragraph_pipeline(self.features, segment=self.input == "segmented", classifier=self.classifier)


def _learned(name: str, description: str, features: str, input: str, classifier: str = "svm") -> Candidate:
    return Candidate(
        name, description, lambda: paragraph_pipeline(features, segment=False, classifier=classifier), input,
        features=features, classifier=classifier,
    )  # fmt: skip


CANDIDATES: tuple[Candidate, ...] = (
    Candidate("keyword", "(a) guideline cue phrases, most hits wins", KeywordClassifier, "raw"),
    Candidate(
        "underthesea_core", "(b) underthesea_core.TextClassifier (Rust TF-IDF + linear SVM)",
        UndertheseaCoreClassifier, "raw", probabilistic=False,
    ),
    _learned("words", "(c) word 1-2-grams on underthesea segmentation, calibrated linear SVM", "words", "segmented"),
    _learned("syllables", "(d) syllable 1-3-grams, no segmentation, calibrated linear SVM", "syllables", "raw"),
    _learned(
        "syllables-lr", "(d) syllable 1-3-grams, no segmentation, calibrated logistic regression", "syllables", "raw",
        classifier="logreg",
    ),
    _learned("chars", "(d) character 2-5-grams, no segmentation, calibrated linear SVM", "chars", "raw"),
    _learned(
        "words+chars", "(e) word 1-2-grams + character 2-5-grams, calibrated linear SVM", "words+chars", "segmented"
    ),
)  # fmt: skip


def _inputs(data: Data, candidate: Candidate) -> np.ndarray:
    return np.array(data.segmented if candidate.input == "segmented" else data.texts, dtype=object)


def _proba(model: Any, x: np.ndarray, probabilistic: bool) -> np.ndarray:
    """Probabilities in LABELS column order (one-hot predictions for non-probabilistic models)."""
    if probabilistic:
        raw = model.predict_proba(list(x))
        return raw[:, [list(model.classes_).index(label) for label in LABELS]]
    predicted = model.predict(list(x))
    return np.array([[1.0 if p == label else 0.0 for label in LABELS] for p in predicted])


def folds(data: Data, n_splits: int = 5, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(data.labels)), data.labels, data.groups))


def out_of_fold(data: Data, candidate: Candidate, splits: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    x = _inputs(data, candidate)
    proba = np.zeros((len(x), len(LABELS)))
    for train, test in splits:
        model = candidate.make().fit(list(x[train]), data.labels[train])
        proba[test] = _proba(model, x[test], candidate.probabilistic)
    return proba


# --------------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------------


def paragraph_metrics(y_true: np.ndarray, proba: np.ndarray) -> dict[str, Any]:
    y_pred = np.array(LABELS)[proba.argmax(axis=1)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(LABELS), zero_division=0)
    return {
        "macro_f1_themes": float(f1_score(y_true, y_pred, labels=list(THEMES), average="macro", zero_division=0)),
        "per_class": {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, label in enumerate(LABELS)
        },
        "confusion": confusion_matrix(y_true, y_pred, labels=list(LABELS)).tolist(),
    }


def article_predictions(
    data: Data, proba: np.ndarray, decision: ArticleDecision | None, ids: list[str] | None = None
) -> dict[str, tuple[list[str], str]]:
    """Article labels and dominant for each article from paragraph probabilities."""
    predictions = {}
    for article_id in ids if ids is not None else data.article_ids:
        rows = data.article_slices[article_id]
        lengths = [len(t) for t in data.texts[rows]]
        if decision is None:  # any paragraph predicted as a theme makes it an article label
            top = proba[rows].argmax(axis=1)
            labels = [t for t in THEMES if LABELS.index(t) in top]
            dominant = max(labels, key=lambda t: (top == LABELS.index(t)).sum()) if labels else OTHER
            predictions[article_id] = (labels, dominant)
        else:
            labels, dominant, _ = decision.decide(proba[rows], lengths)
            predictions[article_id] = (labels, dominant)
    return predictions


def article_metrics(data: Data, predictions: dict[str, tuple[list[str], str]]) -> dict[str, Any]:
    ids = list(predictions)
    per_theme = {}
    for theme in THEMES:
        truth = [theme in data.article_labels[i] for i in ids]
        guess = [theme in predictions[i][0] for i in ids]
        per_theme[theme] = float(f1_score(truth, guess, zero_division=0))
    hard = [i for i in ids if i in data.hard_negatives]
    false_positives = [i for i in hard if predictions[i][0]]
    return {
        "macro_f1_themes": float(np.mean(list(per_theme.values()))),
        "f1_per_theme": per_theme,
        "dominant_accuracy": float(np.mean([predictions[i][1] == data.article_dominant[i] for i in ids])),
        "hard_negatives": len(hard),
        "hard_negative_fp_rate": len(false_positives) / len(hard) if hard else 0.0,
        "hard_negative_false_positives": false_positives,
    }


# --------------------------------------------------------------------------------------------
# Article decision, chosen by nested cross-validation
# --------------------------------------------------------------------------------------------


def _inner_oof(data: Data, candidate: Candidate, train: np.ndarray) -> np.ndarray:
    """Out-of-fold paragraph probabilities inside an outer training set (grouped 3-fold)."""
    x = _inputs(data, candidate)
    proba = np.zeros((len(train), len(LABELS)))
    for inner_train, inner_test in GroupKFold(n_splits=3).split(train, groups=data.groups[train]):
        model = candidate.make().fit(list(x[train][inner_train]), data.labels[train][inner_train])
        proba[inner_test] = _proba(model, x[train][inner_test], candidate.probabilistic)
    return proba


def fit_decision(data: Data, proba: np.ndarray, ids: list[str], method: str) -> ArticleDecision:
    """Fit an article decision on paragraph probabilities of ``ids``; the threshold is the best by
    article macro-F1 among those keeping hard-negative false positives within MAX_HARD_NEGATIVE_FP."""
    rows = [data.article_slices[i] for i in ids]
    matrices = [proba[r] for r in rows]
    lengths = [[len(t) for t in data.texts[r]] for r in rows]
    labels = [data.article_labels[i] for i in ids]
    decision = ArticleDecision(method=method).fit(matrices, labels, lengths)  # the threshold is not fitted
    scored = []
    for threshold in THRESHOLDS:
        decision.set_params(threshold=threshold)
        preds = {i: decision.decide(m, n)[:2] for i, m, n in zip(ids, matrices, lengths, strict=True)}
        metrics = article_metrics(data, preds)
        scored.append((metrics["hard_negative_fp_rate"] <= MAX_HARD_NEGATIVE_FP, metrics["macro_f1_themes"], threshold))
    acceptable = [row for row in scored if row[0]] or scored
    return decision.set_params(threshold=max(acceptable, key=lambda row: row[1])[2])


def fit_context(data: Data, proba: np.ndarray, ids: list[str]) -> ParagraphContext:
    """Fit the paragraph-context second stage on the paragraph probabilities of articles ``ids``."""
    rows = [data.article_slices[i] for i in ids]
    return ParagraphContext().fit([proba[r] for r in rows], [data.labels[r] for r in rows])


def nested_article_evaluation(
    data: Data, candidate: Candidate, splits: list[tuple[np.ndarray, np.ndarray]], outer_proba: np.ndarray
) -> tuple[dict[str, dict[str, tuple[list[str], str]]], np.ndarray]:
    """For each decision method, article predictions on every outer test fold, and the paragraph
    probabilities after the context stage; both second stages of a fold are fitted only on inner
    out-of-fold probabilities of that fold's training articles."""
    results: dict[str, dict[str, tuple[list[str], str]]] = {"threshold": {}, "stacked": {}, "paragraphs": {}}
    contextual = np.zeros_like(outer_proba)
    for train, test in splits:
        inner = np.zeros_like(outer_proba)
        inner[train] = _inner_oof(data, candidate, train)
        train_ids = list(dict.fromkeys(data.groups[train]))
        test_ids = list(dict.fromkeys(data.groups[test]))
        for method in ("threshold", "stacked"):
            decision = fit_decision(data, inner, train_ids, method)
            results[method].update(article_predictions(data, outer_proba, decision, test_ids))
        context = fit_context(data, inner, train_ids)
        rows = [data.article_slices[i] for i in test_ids]
        for r, proba in zip(rows, context.predict_proba([outer_proba[r] for r in rows]), strict=True):
            contextual[r] = proba
        paragraphs = ArticleDecision(method="paragraphs").fit([], [], [])
        results["paragraphs"].update(article_predictions(data, contextual, paragraphs, test_ids))
    return results, contextual


def choose_decision(decisions: dict[str, dict[str, Any]]) -> str:
    """The best article macro-F1 among decisions within MAX_HARD_NEGATIVE_FP; when none is, the
    fewest hard-negative false positives among those within F1_TIE of the best macro-F1 (a
    difference that small is noise, a false-positive rate is what users see)."""
    meeting = [m for m in decisions if decisions[m]["hard_negative_fp_rate"] <= MAX_HARD_NEGATIVE_FP]
    if meeting:
        return max(meeting, key=lambda m: decisions[m]["macro_f1_themes"])
    best = max(d["macro_f1_themes"] for d in decisions.values())
    close = [m for m in decisions if decisions[m]["macro_f1_themes"] >= best - F1_TIE]
    return min(close, key=lambda m: (decisions[m]["hard_negative_fp_rate"], -decisions[m]["macro_f1_themes"]))


# --------------------------------------------------------------------------------------------
# The whole run
# --------------------------------------------------------------------------------------------


def learning_curve(
    data: Data,
    candidate: Candidate,
    splits: list[tuple[np.ndarray, np.ndarray]],
    fractions: tuple[float, ...],
) -> list[dict[str, float]]:
    """Paragraph macro-F1 when training on a fraction of each fold's training articles."""
    x = _inputs(data, candidate)
    rng = np.random.default_rng(0)
    curve = []
    for fraction in fractions:
        scores = []
        for train, test in splits:
            articles = np.array(list(dict.fromkeys(data.groups[train])))
            keep = set(rng.choice(articles, size=max(2, int(len(articles) * fraction)), replace=False))
            subset = train[np.isin(data.groups[train], list(keep))]
            model = candidate.make().fit(list(x[subset]), data.labels[subset])
            proba = _proba(model, x[test], candidate.probabilistic)
            scores.append(paragraph_metrics(data.labels[test], proba)["macro_f1_themes"])
        curve.append(
            {
                "fraction": fraction,
                "articles": int(len(articles) * fraction),
                "macro_f1": float(np.mean(scores)),
            }
        )
    return curve


def evaluate(data: Data, n_splits: int = 5, progress: Callable[[str], None] = print) -> dict[str, Any]:
    """The comparison table (all candidates, same folds), the article decision chosen by nested CV
    for the best learned candidate, hard-negative false positives, and the learning curve."""
    splits = folds(data, n_splits)
    table: dict[str, Any] = {}
    oof: dict[str, np.ndarray] = {}
    for candidate in CANDIDATES:
        start = time.perf_counter()
        oof[candidate.name] = out_of_fold(data, candidate, splits)
        para = paragraph_metrics(data.labels, oof[candidate.name])
        art = article_metrics(data, article_predictions(data, oof[candidate.name], None))
        table[candidate.name] = {
            "description": candidate.description,
            "paragraph": para,
            "article_any_paragraph": art,
            "seconds": round(time.perf_counter() - start, 1),
        }
        progress(
            f"  {candidate.name:<17} paragraph macro-F1 {para['macro_f1_themes']:.3f}   "
            f"article macro-F1 {art['macro_f1_themes']:.3f}"
        )
    learned = [c for c in CANDIDATES if c.probabilistic and c.name != "keyword"]
    best = max(learned, key=lambda c: table[c.name]["paragraph"]["macro_f1_themes"])
    progress(f"best paragraph model: {best.name}; article decision and paragraph context by nested CV ...")
    start = time.perf_counter()
    nested, contextual = nested_article_evaluation(data, best, splits, oof[best.name])
    decisions = {method: article_metrics(data, preds) for method, preds in nested.items() if preds}
    context_name = f"{best.name}+context"
    table[context_name] = {
        "description": f"(e) {best.name} + article context (second stage on neighbours' scores, nested CV)",
        "paragraph": paragraph_metrics(data.labels, contextual),
        "article_any_paragraph": article_metrics(data, article_predictions(data, contextual, None)),
        "seconds": round(time.perf_counter() - start, 1),
    }
    use_context = table[context_name]["paragraph"]["macro_f1_themes"] > table[best.name]["paragraph"]["macro_f1_themes"]
    progress(
        f"  {context_name:<17} paragraph macro-F1 {table[context_name]['paragraph']['macro_f1_themes']:.3f}"
        f"{' (kept)' if use_context else ' (not kept)'}"
    )
    if not use_context:
        del decisions["paragraphs"]  # needs the context stage
    method = choose_decision(decisions)
    fast = [c for c in learned if c.input == "raw"]
    fast_best = max(fast, key=lambda c: table[c.name]["paragraph"]["macro_f1_themes"])
    progress("learning curve ...")
    curve = learning_curve(data, best, splits, (0.25, 0.5, 0.75, 1.0))
    errors = confident_errors(data, contextual if use_context else oof[best.name])
    trade_off = []
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        decision = ArticleDecision(method="threshold", threshold=threshold).fit([], [], [])
        m = article_metrics(data, article_predictions(data, oof[best.name], decision))
        trade_off.append(
            {
                "threshold": threshold,
                "macro_f1": m["macro_f1_themes"],
                "hard_negative_fp_rate": m["hard_negative_fp_rate"],
            }
        )
    return {
        "folds": n_splits,
        "comparison": table,
        "best": best.name,
        "paragraph_context": use_context,
        "shipped_paragraph_model": context_name if use_context else best.name,
        "fast_mode": {
            "name": fast_best.name,
            "paragraph_macro_f1": table[fast_best.name]["paragraph"]["macro_f1_themes"],
            "within_0.02_of_best": table[best.name]["paragraph"]["macro_f1_themes"]
            - table[fast_best.name]["paragraph"]["macro_f1_themes"]
            <= 0.02,
        },
        "article_decisions": decisions,
        "article_decision": method,
        "learning_curve": curve,
        "confident_errors": errors,
        "threshold_trade_off": trade_off,
    }


def confident_errors(data: Data, proba: np.ndarray, n: int = 20) -> list[dict[str, Any]]:
    """The ``n`` out-of-fold paragraph errors made with the highest confidence (ids, not text)."""
    predicted = proba.argmax(axis=1)
    wrong = np.flatnonzero(np.array(LABELS)[predicted] != data.labels)
    wrong = wrong[np.argsort(-proba[wrong, predicted[wrong]])][:n]
    index_in_article = {}
    for article_id, rows in data.article_slices.items():
        for k, row in enumerate(range(rows.start, rows.stop)):
            index_in_article[row] = (article_id, k)
    return [
        {
            "article_id": index_in_article[int(row)][0],
            "paragraph": index_in_article[int(row)][1],
            "true": str(data.labels[row]),
            "predicted": LABELS[int(predicted[row])],
            "confidence": round(float(proba[row, predicted[row]]), 3),
        }
        for row in wrong
    ]


def versions() -> dict[str, str]:
    import joblib
    import sklearn
    import underthesea

    return {
        "vnpolitics": __version__,
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "underthesea": underthesea.__version__,
        "numpy": np.__version__,
        "joblib": joblib.__version__,
    }


def train(
    corpus: Corpus,
    output: str | Path,
    *,
    n_splits: int = 5,
    reports: str | Path | None = "reports",
    tags: dict[str, tuple[str, ...]] | None = None,
    progress: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Evaluate, then fit the chosen models on the whole corpus and save them to ``output``.

    Topic tags (``tags``: article id -> tags, e.g. from :func:`vnpolitics.corpus.load_tags`) are
    cross-validated against a one-vs-rest baseline and their model is saved too.

    Returns the model card. ``reports`` (a folder) receives the comparison table, per-class
    metrics, confusion matrices and learning curve (PNG when matplotlib is installed), and the most
    confident errors.
    """
    data = prepare_data(corpus, progress)
    progress(f"grouped {n_splits}-fold cross-validation over {len(data.article_ids)} articles:")
    evaluation = evaluate(data, n_splits, progress)
    best = next(c for c in CANDIDATES if c.name == evaluation["best"])

    progress(f"fitting the final {best.name} pipeline on all {len(data.texts):,} paragraphs ...")
    final = best.pipeline()
    final.fit(data.texts, data.labels)
    # The article decision is fitted on out-of-fold probabilities, as it will see unseen text.
    oof = out_of_fold(data, best, folds(data, n_splits, seed=1))
    context = fit_context(data, oof, data.article_ids) if evaluation["paragraph_context"] else None
    if evaluation["article_decision"] == "paragraphs":
        decision = ArticleDecision(method="paragraphs").fit([], [], [])
    else:
        decision = fit_decision(data, oof, data.article_ids, evaluation["article_decision"])

    best_row = evaluation["comparison"][evaluation["shipped_paragraph_model"]]
    decision_row = evaluation["article_decisions"][evaluation["article_decision"]]
    card = {
        "name": "default",
        "description": (
            "Theme classifier for Vietnamese political news: paragraph labels "
            f"({', '.join(LABELS)}) with calibrated probabilities"
            + (", revised by an article-context second stage" if context is not None else "")
            + ", and article labels decided from them."
        ),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "labels": list(LABELS),
        "themes": list(THEMES),
        "splitter_version": SPLITTER_VERSION,
        "training_data": {
            "articles": len(data.article_ids),
            "paragraphs": len(data.texts),
            "paragraph_labels": {label: int((data.labels == label).sum()) for label in LABELS},
            "annotations_sha256": corpus.annotations_hash,
        },
        "hyperparameters": {
            "paragraph": {
                k: v for k, v in final.get_params().items() if "__" in k and not callable(v) and _jsonable(v)
            },
            "article": decision.get_params(),
            **({"context": context.get_params()} if context is not None else {}),
        },
        "metrics": {
            "cv": f"StratifiedGroupKFold(n_splits={n_splits}) by article",
            "paragraph_macro_f1_themes": round(best_row["paragraph"]["macro_f1_themes"], 4),
            "paragraph_macro_f1_first_stage": round(
                evaluation["comparison"][best.name]["paragraph"]["macro_f1_themes"], 4
            ),
            "article_macro_f1_themes": round(decision_row["macro_f1_themes"], 4),
            "article_dominant_accuracy": round(decision_row["dominant_accuracy"], 4),
            "hard_negative_fp_rate": round(decision_row["hard_negative_fp_rate"], 4),
            "keyword_baseline_paragraph_macro_f1": round(
                evaluation["comparison"]["keyword"]["paragraph"]["macro_f1_themes"], 4
            ),
            "underthesea_core_paragraph_macro_f1": round(
                evaluation["comparison"]["underthesea_core"]["paragraph"]["macro_f1_themes"], 4
            ),
            "fast_mode": evaluation["fast_mode"],
        },
        "versions": versions(),
    }
    objects: dict[str, Any] = {"paragraph": final, "article": decision}
    if context is not None:
        objects["context"] = context
    tag_results = None
    tagged = [item for item in corpus.articles if item.id in (tags or {})]
    if tagged:
        from vnpolitics.tags import TagModel, evaluate_tagger

        progress(f"topic tags: grouped {n_splits}-fold cross-validation over {len(tagged)} articles:")
        texts = [item.article.clean_text for item in tagged]
        labels = [list(tags[item.id]) for item in tagged]  # type: ignore[index]
        tag_results = evaluate_tagger(texts, labels, [item.id for item in tagged], n_splits, progress=progress)
        objects["tags"] = TagModel().fit(texts, labels)
        card["metrics"]["tags_micro_f1"] = round(tag_results["tagger"]["micro_f1"], 4)
        card["metrics"]["tags_macro_f1"] = round(tag_results["tagger"]["macro_f1"], 4)
        card["metrics"]["tags_baseline_micro_f1"] = round(tag_results["baseline"]["micro_f1"], 4)
        card["hyperparameters"]["tags"] = objects["tags"].get_params()
        card["tags"] = [str(t) for t in objects["tags"].classes_]
    save_bundle(output, objects, card)
    progress(f"saved {output}")
    if reports is not None:
        from vnpolitics.reports import write_reports

        write_reports(evaluation, Path(reports))
        if tag_results is not None:
            from vnpolitics.tags import tags_markdown

            text = tags_markdown(tag_results, "Topic tags on the annotated corpus")
            (Path(reports) / "tags.md").write_text(text, encoding="utf-8")
        progress(f"reports written to {reports}/")
    return card


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except TypeError:
        return False
    return True
