"""End-to-end analysis throughput, cold start and model size, in one run, printed as a table.

- ``pipe`` over N baomoi-2017 articles (default 2,000) with the shipped model, as a ratio to
  ``underthesea.word_tokenize`` alone over the same paragraphs (goal >= 0.9: segmentation is the
  floor of a segmenting model); characters per second for 1 and 2 processes.
- Cold start: a fresh interpreter that imports vnpolitics, loads the model and analyses one article.
- Model size on disk.

    python benchmarks/bench_pipe.py [--articles 2000] [--json results.json]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from common import baomoi, peak_rss_mib, print_table, save_json, timed
from underthesea import word_tokenize

import vnpolitics
from vnpolitics.persistence import default_model_dir
from vnpolitics.text import prepare

COLD_START = (
    "import time; t = time.perf_counter(); import vnpolitics; "
    "vnpolitics.analyze('Chi bộ tổ chức học tập, quán triệt nghị quyết của Đảng cho đảng viên.'); "
    "print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    records = baomoi(args.articles)
    texts = [text for _, text, _ in records]
    n_chars = sum(map(len, texts))
    paragraphs = [p for _, text, title in records for p in prepare(text, title=title).texts]
    analyzer = vnpolitics.load()
    analyzer.analyze(texts[0])
    word_tokenize("khởi động")

    segmentation, _ = timed(lambda: [word_tokenize(p, format="text") for p in paragraphs])
    one, results = timed(lambda: list(analyzer.pipe(texts, batch_size=64)))
    two, results_2 = timed(lambda: list(analyzer.pipe(texts, batch_size=64, n_process=2)))
    assert [r.to_dict() for r in results] == [r.to_dict() for r in results_2], "n_process changed results"
    cold = [float(subprocess.check_output([sys.executable, "-c", COLD_START], text=True)) for _ in range(3)]
    size = sum(f.stat().st_size for f in default_model_dir().glob("*.joblib"))
    segmenting = "segment" in analyzer.paragraph_model.named_steps
    figures = {
        "articles": len(texts),
        "characters": n_chars,
        "model_segments_words": segmenting,
        "word_tokenize_seconds": round(segmentation, 2),
        "pipe_1_process_seconds": round(one, 2),
        "pipe_2_processes_seconds": round(two, 2),
        "ratio_to_word_tokenize": round(segmentation / one, 3),
        "chars_per_second_1": round(n_chars / one),
        "chars_per_second_2": round(n_chars / two),
        "cold_start_seconds_median": round(sorted(cold)[1], 2),
        "model_size_mib": round(size / 2**20, 2),
        "peak_rss_mib": round(peak_rss_mib()),
    }
    print_table(
        [
            ("articles", f"{len(texts):,} ({n_chars:,} characters)"),
            ("model segments words", "yes" if segmenting else "no (syllable n-grams)"),
            ("word_tokenize alone", f"{segmentation:.2f} s"),
            ("pipe, 1 process", f"{one:.2f} s ({n_chars / one:,.0f} chars/s)"),
            ("pipe, 2 processes", f"{two:.2f} s ({n_chars / two:,.0f} chars/s)"),
            ("ratio to word_tokenize (goal >= 0.9)", f"{segmentation / one:.3f}"),
            ("cold start (import + load + first result)", f"{sorted(cold)[1]:.2f} s (median of 3)"),
            ("model size on disk", f"{size / 2**20:.2f} MiB"),
            ("peak memory of this process", f"{peak_rss_mib():.0f} MiB"),
        ],
        "End-to-end analysis (shipped model)",
    )
    save_json(args.json, figures)


if __name__ == "__main__":
    main()
