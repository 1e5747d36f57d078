"""Paragraph-model variants measured and not shipped (README, "What more data would buy").

Same data and folds as ``vnpolitics train`` (``train.folds``), first stage only, paragraph
macro-F1 over the three themes, out-of-fold:

- probability averages of the learned candidates (syllables with logistic regression, syllables
  and words and characters with the linear SVM), every combination of two or more;
- LSA: 300 dimensions from a TF-IDF fitted on unlabelled baomoi-2017 paragraphs (a fixed 30% draw
  of the articles outside the annotated corpus) plus the corpus paragraphs' text (no labels), a
  logistic regression on them alone, and averaged into the shipped first stage at weights 0.2 and
  0.3. The weights are read off the same out-of-fold scores, so they flatter the average; it
  still does not beat the shipped model.

    python scripts/experiments_not_shipped.py      # about 6 minutes on 2 cores
"""

from __future__ import annotations

import itertools
import random

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import Normalizer

from vnpolitics import corpus
from vnpolitics.labels import LABELS
from vnpolitics.text import prepare
from vnpolitics.train import CANDIDATES, folds, out_of_fold, paragraph_metrics, prepare_data


def main() -> None:
    data = prepare_data(corpus.load())
    splits = folds(data)
    score = lambda proba: paragraph_metrics(data.labels, proba)["macro_f1_themes"]  # noqa: E731
    learned = ("syllables-lr", "syllables", "words", "chars")
    oof = {c.name: out_of_fold(data, c, splits) for c in CANDIDATES if c.name in learned}
    for name, proba in oof.items():
        print(f"{name}: {score(proba):.4f}")
    for size in range(2, len(oof) + 1):
        for combo in itertools.combinations(oof, size):
            print(f"average of {' + '.join(combo)}: {score(np.mean([oof[n] for n in combo], axis=0)):.4f}")

    annotated = set(corpus.manifest())
    rng = random.Random(0)
    unlabelled = [
        p.text
        for article_id, text, title in corpus.iter_source("baomoi-2017")
        if article_id not in annotated and rng.random() < 0.3
        for p in prepare(text, title=title).paragraphs
        if len(p.text) > 60
    ]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=200_000, sublinear_tf=True)
    svd = TruncatedSVD(n_components=300, random_state=0).fit(vectorizer.fit_transform(unlabelled + list(data.texts)))
    dense = Normalizer().fit_transform(svd.transform(vectorizer.transform(list(data.texts))))
    lsa = np.zeros((len(dense), len(LABELS)))
    for train, test in splits:
        model = LogisticRegression(C=10, max_iter=2000, class_weight="balanced").fit(dense[train], data.labels[train])
        lsa[test] = model.predict_proba(dense[test])[:, [list(model.classes_).index(label) for label in LABELS]]
    print(f"LSA ({len(unlabelled):,} unlabelled paragraphs) alone: {score(lsa):.4f}")
    for weight in (0.2, 0.3):
        averaged = (1 - weight) * oof["syllables-lr"] + weight * lsa
        print(f"syllables-lr averaged with LSA at {weight}: {score(averaged):.4f}")


if __name__ == "__main__":
    main()
