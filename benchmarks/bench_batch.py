"""`vnpolitics tag` on baomoi-2017: 1 vs 2 workers vs the Dask backend, and time versus input size.

Every run is a fresh `vnpolitics tag` process over JSON Lines, writing JSON Lines; the figures are
wall time, characters per second, peak memory (the largest single process of that run: the main
process or one worker), and the speed-up of 2 workers over 1 measured in the same run. Input sizes
1k and 5k are the first articles of the collection; "all" is the whole of it (35,320 articles,
92M characters).

    python benchmarks/bench_batch.py [--sizes 1000 5000 all] [--json results.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import print_table, save_json

from vnpolitics.corpus import corpus_dir

MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
    "assert code in (0, 1), code; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(source: Path, workers: int, backend: str = "local") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.jsonl"
        command = [sys.executable, "-m", "vnpolitics.cli", "tag", str(source), "-o", str(out), "--quiet"]
        command += ["--workers", str(workers), "--backend", backend]
        # A wrapper process per run, so that its RUSAGE_CHILDREN peak belongs to this run alone.
        done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
        seconds, peak_kib = map(float, done.stdout.split())
        records = out.read_bytes().count(b"\n")
    return {"seconds": seconds, "records": records, "peak_rss_mib": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1000", "5000", "all"])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    source = corpus_dir() / "baomoi-2017" / "articles.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as data:
        lines = data.read().splitlines(keepends=True)

    rows, figures = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            subset = lines if size == "all" else lines[: int(size)]
            path = Path(folder) / f"baomoi-{size}.jsonl"
            path.write_text("".join(subset), encoding="utf-8")
            chars = sum(len(json.loads(line)["text"]) for line in subset)
            runs = {"2 workers": run(path, 2)}
            if size == "all":
                runs["1 worker"] = run(path, 1)
                runs["dask, 2 workers"] = run(path, 2, backend="dask")
            for name, r in runs.items():
                rate = chars / r["seconds"]
                rows.append(
                    (f"{len(subset):,} articles, {name}",
                     f"{r['seconds']:7.1f} s  {rate:>10,.0f} chars/s  peak {r['peak_rss_mib']:,.0f} MiB")
                )  # fmt: skip
                figures[f"{size}/{name}"] = {**r, "characters": chars, "chars_per_second": rate}
            if size == "all":
                speedup = runs["1 worker"]["seconds"] / runs["2 workers"]["seconds"]
                figures["speedup_2_vs_1"] = speedup
                rows.append(("speed-up, 2 workers vs 1 (goal >= 1.8)", f"{speedup:.2f}"))
    per_char = {k: v["seconds"] / v["characters"] * 1e6 for k, v in figures.items() if k.endswith("/2 workers")}
    rows += [(f"µs per character, {k}", f"{v:.2f}") for k, v in per_char.items()]
    print_table(rows, "vnpolitics tag on baomoi-2017")
    save_json(args.json, figures)


if __name__ == "__main__":
    main()
