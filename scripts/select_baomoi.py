"""Choose the baomoi-2017 articles to annotate (reproducible: fixed seed, written to stdout).

Half are chosen by vocabulary (likely on-theme articles and hard negatives that share the themes'
words), half at random, so the annotated set teaches the hard cases and still estimates how the
model behaves on ordinary news.

    python scripts/select_baomoi.py > selection.jsonl                  # the first round
    python scripts/select_baomoi.py --second-round 300 > round2.jsonl  # the second round

    python scripts/select_baomoi.py --third-round > round3.jsonl       # the third round

The second round (seed 2034) samples at random among the articles not yet annotated that contain a
strong cue at least once: by then every article with three or more had been annotated, and these
are where the remaining on-theme paragraphs and the hard negatives are. The third round takes all
the rest of them, of any length from 300 characters (the first two left out articles over 8,000).
Each later round excludes the articles annotated before it: the manifest minus the rounds recorded
in ``corpus/selections/`` from that round on, so a re-run draws the same articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

STRONG = [
    "tự diễn biến",
    "tự chuyển hóa",
    "trung ương 4",
    "quán triệt",
    "lý luận chính trị",
    "học tập và làm theo",
    "quan điểm sai trái",
    "thông tin xấu",
    "tự phê bình",
    "chỉnh đốn đảng",
    "nền tảng tư tưởng",
    "báo cáo viên",
    "suy thoái",
    "không gian mạng",
    "sinh hoạt chính trị",
    "kiểm điểm",
    "nêu gương",
    "kỷ luật đảng",
    "ủy ban kiểm tra",
]
WEAK = [
    "mạng xã hội",
    "kiểm điểm",
    "kỷ luật",
    "học tập",
    "an ninh mạng",
    "tin giả",
    "facebook",
    "tuyên truyền",
    "nghị quyết",
    "phê bình",
    "đảng viên",
]
MAX_CHARS = 8000


def pools(corpus_dir: str, max_chars: int = MAX_CHARS) -> tuple[list[str], list[str], list[str], set[str]]:
    """Article ids by vocabulary: (strong, hard, plain) and the set with at least one strong cue."""
    strong, hard, plain, any_strong = [], [], [], set()
    path = Path(corpus_dir) / "baomoi-2017" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = f"{record['title']}\n{record['text']}".lower()
            if len(text) > max_chars or len(text) < 300:
                continue
            n_strong = sum(len(re.findall(term, text)) for term in STRONG)
            n_weak = sum(1 for term in WEAK if term in text)
            if n_strong:
                any_strong.add(record["id"])
            if n_strong >= 3:
                strong.append(record["id"])
            elif n_weak >= 1 or n_strong:
                hard.append(record["id"])
            else:
                plain.append(record["id"])
    return strong, hard, plain, any_strong


def print_rows(chosen: dict[str, list[str]]) -> None:
    seen: set[str] = set()
    for reason, ids in chosen.items():
        for article_id in ids:
            if article_id not in seen:
                seen.add(article_id)
                print(json.dumps({"id": article_id, "selected_by": reason}))


def first_round(corpus_dir: str, n_cue: int = 110, n_hard: int = 100, n_random: int = 210) -> None:
    rng = random.Random(2017)
    strong, hard, plain, _ = pools(corpus_dir)
    chosen = {
        "cue": rng.sample(strong, min(n_cue, len(strong))),
        "hard-negative": rng.sample(hard, n_hard),
        "random": rng.sample(plain + hard + strong, n_random),
    }
    print_rows(chosen)
    print(f"pool sizes: strong={len(strong)} hard={len(hard)} plain={len(plain)}", file=sys.stderr)


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def annotated_before(round_number: int) -> set[str]:
    """Articles annotated before a round: the manifest without the recorded later rounds."""
    manifest = {json.loads(line)["id"] for line in (CORPUS / "manifest.jsonl").open(encoding="utf-8")}
    for later in range(round_number, 4):
        record = CORPUS / "selections" / f"baomoi-round{later}.jsonl"
        if record.exists():
            manifest -= {json.loads(line)["id"] for line in record.open(encoding="utf-8")}
    return manifest


def second_round(corpus_dir: str, size: int) -> None:
    done = annotated_before(2)
    _, hard, _, any_strong = pools(corpus_dir)
    candidates = sorted(i for i in hard if i in any_strong and i not in done)
    print_rows({"hard-negative": random.Random(2034).sample(candidates, min(size, len(candidates)))})


def third_round(corpus_dir: str) -> None:
    done = annotated_before(3)
    strong, _, _, any_strong = pools(corpus_dir, max_chars=10**9)
    rest = sorted(i for i in any_strong if i not in done)
    cue = set(strong)
    print_rows({"cue": [i for i in rest if i in cue], "hard-negative": [i for i in rest if i not in cue]})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", nargs="?", default="../shared/corpus")
    parser.add_argument("--second-round", type=int, metavar="N", help="sample N articles for the second round")
    parser.add_argument("--third-round", action="store_true", help="all the articles left with a strong cue")
    args = parser.parse_args()
    if args.third_round:
        third_round(args.corpus_dir)
    elif args.second_round is not None:
        second_round(args.corpus_dir, args.second_round)
    else:
        first_round(args.corpus_dir)
