"""Text preparation + segmentation throughput, as a ratio to underthesea.word_tokenize alone.

Both sides process the same 2,000 baomoi-2017 articles in the same run: the baseline calls
``underthesea.word_tokenize`` on the paragraphs that preparation produces; the measured side runs
``vnpolitics.prepare`` on the raw text of each batch of 64 articles and then ``Segmenter.transform``
on all their paragraphs. Ratio = baseline time /
measured time (1.0 = preparation is free; goal >= 0.95).

    python benchmarks/bench_text.py [--articles 2000] [--rounds 3] [--json results.json]
"""

from __future__ import annotations

import argparse

from common import baomoi, print_table, save_json, timed
from underthesea import word_tokenize

from vnpolitics.batch import batched
from vnpolitics.text import Segmenter, prepare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", help="also write the figures to this file")
    # Run-to-run spread on a shared machine is 5-10%, as large as what is measured: take the best
    # of several alternating rounds.
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each side")
    args = parser.parse_args()

    records = baomoi(args.articles)
    n_chars = sum(len(text) for _, text, _ in records)
    paragraphs = [p for _, text, title in records for p in prepare(text, title=title).texts]
    word_tokenize("khởi động")  # load the CRF model outside both timings

    def baseline() -> list[str]:
        return [word_tokenize(p, format="text") for p in paragraphs]

    def ours() -> list[str]:
        # As a pipeline uses it: prepare a batch of articles, then segment all their paragraphs
        # with one batch call (interleaving the two per article costs cache locality).
        segmenter, out = Segmenter(), []
        for chunk in batched(records, 64):
            articles = [prepare(text, title=title) for _, text, title in chunk]
            out += segmenter.transform([p for article in articles for p in article.texts])
        return out

    # Alternate the two sides, each going first in turn, so that neither profits from a warmer machine.
    base_times, our_times = [], []
    for first_ours in (i % 2 == 1 for i in range(args.rounds)):
        if first_ours:
            our_times.append(timed(ours)[0])
        base_times.append(timed(baseline)[0])
        if not first_ours:
            our_times.append(timed(ours)[0])
    base, mine = min(base_times), min(our_times)
    prep_only = min(timed(lambda: [prepare(t, title=h) for _, t, h in records])[0] for _ in range(2))
    figures = {
        "articles": len(records),
        "characters": n_chars,
        "paragraphs": len(paragraphs),
        "word_tokenize_seconds": round(base, 2),
        "prepare_and_segment_seconds": round(mine, 2),
        "prepare_only_seconds": round(prep_only, 2),
        "ratio": round(base / mine, 3),
        "chars_per_second": round(n_chars / mine),
    }
    print_table(
        [
            ("articles / paragraphs", f"{len(records):,} / {len(paragraphs):,} ({n_chars:,} characters)"),
            ("word_tokenize alone", f"{base:.2f} s"),
            ("prepare + Segmenter", f"{mine:.2f} s ({n_chars / mine:,.0f} chars/s)"),
            ("prepare alone", f"{prep_only:.2f} s ({prep_only / mine:.1%} of the total)"),
            ("throughput ratio (goal >= 0.95)", f"{base / mine:.3f}"),
        ],
        "Text preparation + segmentation vs underthesea.word_tokenize",
    )
    save_json(args.json, figures)


if __name__ == "__main__":
    main()
