"""Reference extraction throughput, as a ratio to the extractor of an earlier commit.

Both sides extract the references of the same baomoi-2017 articles (prepared once, outside the
timings) in the same process, in alternating rounds; the baseline is ``vnpolitics/references.py``
as it was at ``--against`` (read with ``git show``). Also checks that both give the same output,
so a speed-up that changes results shows as such. Ratio = baseline time / current time.

    python benchmarks/bench_references.py --against e121999 [--articles 3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from common import baomoi, print_table, save_json, timed

from vnpolitics import references
from vnpolitics.text import prepare

ROOT = Path(__file__).resolve().parent.parent


def module_at(revision: str) -> ModuleType:
    """``vnpolitics.references`` as it was at ``revision``, loaded under another name."""
    source = subprocess.run(
        ["git", "show", f"{revision}:vnpolitics/references.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "references_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("references_baseline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="the git revision whose extractor is the baseline")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of each side")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    baseline = module_at(args.against)
    articles = [prepare(text, title=title) for _, text, title in baomoi(args.articles)]
    n_chars = sum(len(t) for article in articles for t in article.texts)

    def run(module: ModuleType) -> list[list[dict[str, object]]]:
        return [[r.to_dict() for r in module.extract_article_references(a.title, a.texts)] for a in articles]

    base_times, our_times = [], []
    for first_ours in (i % 2 == 1 for i in range(args.rounds)):
        if first_ours:
            our_times.append(timed(lambda: run(references))[0])
        base_times.append(timed(lambda: run(baseline))[0])
        if not first_ours:
            our_times.append(timed(lambda: run(references))[0])
    base, mine = min(base_times), min(our_times)
    same = run(baseline) == run(references)
    figures = {
        "against": args.against,
        "articles": len(articles),
        "characters": n_chars,
        "baseline_seconds": round(base, 2),
        "current_seconds": round(mine, 2),
        "ratio": round(base / mine, 3),
        "chars_per_second": round(n_chars / mine),
        "identical_output": same,
    }
    print_table(
        [
            ("articles", f"{len(articles):,} ({n_chars:,} characters)"),
            (f"extractor at {args.against}", f"{base:.2f} s"),
            ("extractor now", f"{mine:.2f} s ({n_chars / mine:,.0f} chars/s)"),
            ("speed ratio (baseline / now)", f"{base / mine:.2f}"),
            ("identical output", "yes" if same else "no"),
        ],
        "Reference extraction vs an earlier commit",
    )
    save_json(args.json, figures)


if __name__ == "__main__":
    main()
