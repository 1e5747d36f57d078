"""Choose the baomoi-2017 articles to annotate (reproducible: fixed seed, written to stdout).

Half are chosen by vocabulary (likely on-theme articles and hard negatives that share the themes'
words), half at random, so the annotated set teaches the hard cases and still estimates how the
model behaves on ordinary news.
"""

from __future__ import annotations

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


def main(corpus_dir: str, n_cue: int = 110, n_hard: int = 100, n_random: int = 210) -> None:
    rng = random.Random(2017)
    strong, hard, plain = [], [], []
    path = Path(corpus_dir) / "baomoi-2017" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = f"{record['title']}\n{record['text']}".lower()
            if len(text) > MAX_CHARS or len(text) < 300:
                continue
            n_strong = sum(len(re.findall(term, text)) for term in STRONG)
            n_weak = sum(1 for term in WEAK if term in text)
            if n_strong >= 3:
                strong.append(record["id"])
            elif n_weak >= 1 or n_strong:
                hard.append(record["id"])
            else:
                plain.append(record["id"])
    chosen = {
        "cue": rng.sample(strong, min(n_cue, len(strong))),
        "hard-negative": rng.sample(hard, n_hard),
        "random": rng.sample(plain + hard + strong, n_random),
    }
    seen: set[str] = set()
    for reason, ids in chosen.items():
        for article_id in ids:
            if article_id not in seen:
                seen.add(article_id)
                print(json.dumps({"id": article_id, "selected_by": reason}))
    print(f"pool sizes: strong={len(strong)} hard={len(hard)} plain={len(plain)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
