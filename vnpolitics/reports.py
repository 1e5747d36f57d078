"""Evaluation reports written by ``vnpolitics train``: Markdown tables, JSON, and PNG plots.

Reports carry ids, labels and scores, never article text (the texts belong to their publishers).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from vnpolitics.labels import LABELS, THEMES

# The paragraph-level goal the theme models are measured against (issue #4).
PARAGRAPH_TARGET = 0.85


def extrapolate_learning_curve(curve: list[dict[str, Any]], target: float = PARAGRAPH_TARGET) -> dict[str, Any] | None:
    """How many training articles (of the same mix) two fits of the learning curve need for ``target``.

    ``power_law``: macro-F1 = a - b * n**-c, the usual shape of learning curves, fitted by least
    squares (linear in a and b for each c of a grid, so no optimiser is needed); it levels off at
    ``asymptote`` (at most 1, as F1 is) and gives no article count when that is below the target;
    it is None when no rising curve of that shape fits. ``log_linear``: macro-F1 = a + b * ln(n),
    which never levels off and so is the optimistic bound. Counts beyond a billion articles are
    reported as None (never). Both are extrapolations from a few points: an order of magnitude, not
    a promise. None with fewer than three points.
    """
    n = np.array([p["articles"] for p in curve], dtype=float)
    f = np.array([p["macro_f1"] for p in curve], dtype=float)
    if len(set(n)) < 3:
        return None
    best: tuple[float, float, float, float] | None = None  # (residual, a, b, c)
    for c in np.linspace(0.05, 3.0, 296):
        design = np.column_stack([np.ones_like(n), -(n**-c)])
        (a, b), *_ = np.linalg.lstsq(design, f, rcond=None)
        residual = float(np.sum((design @ (a, b) - f) ** 2))
        if b > 0 and a <= 1 and (best is None or residual < best[0]):
            best = (residual, float(a), float(b), float(c))
    slope, intercept = np.polyfit(np.log(n), f, 1)
    result: dict[str, Any] = {
        "target": target,
        "points": len(curve),
        "log_linear_articles": _articles((target - intercept) / slope) if slope > 0 else None,
        "power_law_asymptote": None,
        "power_law_articles": None,
    }
    if best is not None:
        _, a, b, c = best
        result["power_law_asymptote"] = a
        if a > target:
            result["power_law_articles"] = _articles(-np.log((a - target) / b) / c)
    return result


def _articles(log_count: float) -> int | None:
    """exp(log_count) as a whole number of articles, or None beyond a billion (never, in practice)."""
    return int(np.exp(log_count)) if log_count <= np.log(1e9) else None


def learning_curve_markdown(evaluation: dict[str, Any]) -> list[str]:
    """The learning-curve table, and what it extrapolates to (:func:`extrapolate_learning_curve`)."""
    rows = [
        "## Learning curve (best model, paragraph macro-F1)",
        "",
        "| share of training articles | articles | macro-F1 |",
        "|---|---|---|",
    ]
    rows += [f"| {p['fraction']:.2f} | {p['articles']} | {p['macro_f1']:.3f} |" for p in evaluation["learning_curve"]]
    projection = extrapolate_learning_curve(evaluation["learning_curve"])
    if projection is not None:
        power = (
            f"reaches {projection['target']:.2f} at about {projection['power_law_articles']:,} training articles"
            if projection["power_law_articles"] is not None
            else f"never reaches {projection['target']:.2f}"
        )
        line = (
            f"reaches it at about {projection['log_linear_articles']:,} articles"
            if projection["log_linear_articles"] is not None
            else "does not reach it either"
        )
        asymptote = projection["power_law_asymptote"]
        fitted = (
            f"a power law fitted to these points levels off at {asymptote:.3f} and {power}"
            if asymptote is not None
            else "no rising power law fits these points"
        )
        rows += [
            "",
            f"Extrapolated, with more articles of the same mix: {fitted}; a straight line in log(articles), "
            f"which never levels off and so is the optimistic bound, {line}. "
            f"Both are rough: {projection['points']} points.",
        ]
    return rows


def comparison_markdown(evaluation: dict[str, Any]) -> str:
    rows = [
        f"Grouped {evaluation['folds']}-fold cross-validation by article, same folds for every model. "
        "Macro-F1 is over the three themes. Article labels for this table: a theme is an article "
        "label when any paragraph is predicted as that theme.",
        "",
        "| model | what | paragraph macro-F1 | "
        + " | ".join(f"F1 {t}" for t in THEMES)
        + " | article macro-F1 | hard-negative FP rate | seconds |",
        "|---|---|---|" + "---|" * len(THEMES) + "---|---|---|",
    ]
    for name, row in evaluation["comparison"].items():
        para, art = row["paragraph"], row["article_any_paragraph"]
        per_theme = " | ".join(f"{para['per_class'][t]['f1']:.3f}" for t in THEMES)
        rows.append(
            f"| {name} | {row['description']} | {para['macro_f1_themes']:.3f} | {per_theme} | "
            f"{art['macro_f1_themes']:.3f} | {art['hard_negative_fp_rate']:.3f} | {row['seconds']} |"
        )
    context = (
        f" with the article-context second stage (**{evaluation['shipped_paragraph_model']}**), which the shipped "
        "model uses for paragraph labels"
        if evaluation["paragraph_context"]
        else "; the article-context second stage did not improve it and is not shipped"
    )
    rows += ["", f"Best paragraph model: **{evaluation['best']}**{context}.", ""]
    rows += [
        "## Article decision (nested CV on the best model's paragraph scores)",
        "",
        "`threshold` and `stacked` read the first-stage paragraph probabilities; `paragraphs` takes the "
        "article's themes from its paragraph labels after the context stage. "
        "The choice: the best macro-F1 among decisions with at most 5% hard-negative false positives; "
        "when none has, the fewest false positives among those within 0.005 of the best macro-F1.",
        "",
    ]
    rows += [
        "| method | article macro-F1 | "
        + " | ".join(f"F1 {t}" for t in THEMES)
        + " | dominant accuracy | hard-negative FP rate |"
    ]
    rows += ["|---|---|" + "---|" * len(THEMES) + "---|---|"]
    for method, m in evaluation["article_decisions"].items():
        per_theme = " | ".join(f"{m['f1_per_theme'][t]:.3f}" for t in THEMES)
        rows.append(
            f"| {method} | {m['macro_f1_themes']:.3f} | {per_theme} | {m['dominant_accuracy']:.3f} | "
            f"{m['hard_negative_fp_rate']:.3f} ({len(m['hard_negative_false_positives'])}/{m['hard_negatives']}) |"
        )
    rows += ["", f"Chosen: **{evaluation['article_decision']}**.", ""]
    fast = evaluation["fast_mode"]
    rows += [
        "## Fast mode",
        "",
        f"Best segmentation-free model: **{fast['name']}** (paragraph macro-F1 {fast['paragraph_macro_f1']:.3f}); "
        f"within 0.02 of the best: {'yes' if fast['within_0.02_of_best'] else 'no'}.",
        "",
    ]
    rows += learning_curve_markdown(evaluation)
    rows += [
        "",
        "## Precision trade-off (threshold on the highest paragraph probability, out-of-fold)",
        "",
        "A higher threshold means fewer off-theme articles flagged, at the cost of recall.",
        "",
        "| threshold | article macro-F1 | hard-negative FP rate |",
        "|---|---|---|",
    ]
    rows += [
        f"| {t['threshold']:.1f} | {t['macro_f1']:.3f} | {t['hard_negative_fp_rate']:.3f} |"
        for t in evaluation["threshold_trade_off"]
    ]
    return "\n".join(rows) + "\n"


def per_class_markdown(evaluation: dict[str, Any]) -> str:
    rows = []
    for name, row in evaluation["comparison"].items():
        rows += [f"## {name}", "", "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label in LABELS:
            m = row["paragraph"]["per_class"][label]
            rows.append(f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
        rows.append("")
    return "# Paragraph-level precision, recall and F1 (out-of-fold)\n\n" + "\n".join(rows)


def errors_markdown(evaluation: dict[str, Any]) -> str:
    rows = [
        f"# The 20 most confident out-of-fold errors of `{evaluation['shipped_paragraph_model']}`",
        "",
        "Texts are not reproduced here; read them with `vnpolitics corpus show ID` (or the loader).",
        "",
        "| article | paragraph | annotated | predicted | confidence |",
        "|---|---|---|---|---|",
    ]
    rows += [
        f"| {e['article_id']} | {e['paragraph']} | {e['true']} | {e['predicted']} | {e['confidence']:.3f} |"
        for e in evaluation["confident_errors"]
    ]
    return "\n".join(rows) + "\n"


def write_reports(evaluation: dict[str, Any], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "comparison.md").write_text("# Theme model comparison\n\n" + comparison_markdown(evaluation), "utf-8")
    (folder / "per_class.md").write_text(per_class_markdown(evaluation), encoding="utf-8")
    (folder / "errors.md").write_text(errors_markdown(evaluation), encoding="utf-8")
    (folder / "evaluation.json").write_text(json.dumps(evaluation, indent=1) + "\n", encoding="utf-8")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # plots are optional: pip install 'vnpolitics[reports]'
        return
    for name, row in evaluation["comparison"].items():
        matrix = row["paragraph"]["confusion"]
        figure, axes = plt.subplots(figsize=(5, 4.2))
        axes.imshow(matrix, cmap="Blues")
        axes.set_xticks(range(len(LABELS)), LABELS, rotation=30, ha="right")
        axes.set_yticks(range(len(LABELS)), LABELS)
        axes.set_xlabel("predicted")
        axes.set_ylabel("annotated")
        axes.set_title(f"{name}: paragraph confusion (out-of-fold)")
        top = max(max(r) for r in matrix)
        for i, line in enumerate(matrix):
            for j, value in enumerate(line):
                axes.text(j, i, value, ha="center", va="center", color="white" if value > top / 2 else "black")
        figure.tight_layout()
        figure.savefig(folder / f"confusion_{name}.png", dpi=110)
        plt.close(figure)
    curve = evaluation["learning_curve"]
    figure, axes = plt.subplots(figsize=(5, 3.5))
    axes.plot([p["articles"] for p in curve], [p["macro_f1"] for p in curve], marker="o")
    axes.set_xlabel("training articles per fold")
    axes.set_ylabel("paragraph macro-F1 (themes)")
    axes.set_title(f"Learning curve: {evaluation['best']}")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(folder / "learning_curve.png", dpi=110)
    plt.close(figure)
