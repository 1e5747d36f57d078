"""Sample paragraphs for a blind document-reference test set (reproducible: fixed seed).

Draws from baomoi-2017 and laodong-2026 articles that are *not* in the annotated corpus, so that
none of the paragraphs was seen while the extractor's rules were written. The criteria are
deliberately broader than the extractor's patterns (any document-type word at all, or digits
alone), so the sample does not favour what the extractor already finds:

- ``cited``: a document-type word followed closely by a number or a capitalised name;
- ``word``: a document-type word with nothing of the kind (mostly generic uses, some plenum
  resolutions and laws written out);
- ``lookalike``: no document-type word, but numbers with slashes or dashes, phone numbers or dates.

Writes one JSON row per paragraph: ``id``, ``index``, ``source``, ``splitter``, ``stratum`` (the
text is never written: the set is joined with the corpus directory when evaluated).

    python scripts/sample_reference_paragraphs.py > /tmp/candidates.jsonl            # test3
    python scripts/sample_reference_paragraphs.py --seed 2027 \
        --exclude corpus/references/test3.jsonl > /tmp/candidates.jsonl              # test4
    # test5: --seed 2028, excluding test3 and test4; test6: --seed 2029, excluding test3 to test5;
    # test7: --seed 2030, excluding test3 to test6 (its last two paragraphs joined the fourth batch);
    # test8: --seed 2031, excluding test3 to test7, --min-chars 1201 --max-chars 2500 (the shorter
    # paragraphs that cite documents were all used); test9: the same with --seed 2032, excluding
    # test3 to test8 (its last eight paragraphs joined the seventh batch); test10: the same with
    # --seed 2033, excluding test3 to test9; test11: --seed 2034, excluding test3 to test10
    # test12: --seed 2035, excluding test3 to test11; test13: --seed 2036, excluding test3 to test12
    # test14: --seed 2037, excluding test3 to test13 (only 106 paragraphs citing documents were left)
    # test15: --seed 2038, excluding test3 to test14, --min-chars 2501 --max-chars 5000
    #   --cited 120 --cited-laodong 30 --word 25 --lookalike 25 (fresh articles whose citing
    #   paragraphs are all long; fewer rows because each is about twice as long)
    # test16: --seed 2039, excluding test3 to test15, the same lengths, --cited 140 --cited-laodong 16
    #   --word 22 --lookalike 22; test17 to test19: --seed 2040 to 2042, excluding test3 up to the
    #   set before, the same lengths, --cited 160 --cited-laodong 0 --word 20 --lookalike 20
    # test20: --seed 2043, excluding test3 to test19, the same lengths, --cited 130 --cited-laodong 0
    #   --word 15 --lookalike 15; test21: --seed 2044, excluding test3 to test19 and test20, --cited 200
    #   (only 131 were left) --cited-laodong 0 --word 15 --lookalike 15
    # test22: --seed 2045 --annotated, excluding dev, test and test2, --max-chars 5000 --cited 400
    #   --cited-laodong 0 --word 24 --lookalike 24 (every unseen article outside the annotated corpus
    #   was used by test21; the annotated corpus's articles had never served the extractor's rules,
    #   except the 264 sampled for dev, test and test2; --cited takes all sources with --annotated)
    # test23: --seed 2046 --revisit test3 to test21 --max-chars 5000 --cited 300 --cited-laodong 20 (2 left)
    #   --word 25 --lookalike 25 (other paragraphs of the articles that test3 to test21 sampled one
    #   paragraph from: those paragraphs were never read)
    # test24: --seed 2047, the same --revisit and quotas, --exclude test23 (287 citing paragraphs were left)
    # test25: two draws, shuffled together with random.Random(2048): --seed 2048 --revisit test3 to test24
    #   --max-chars 5000 --cited 400 --cited-laodong 20 --word 20 --lookalike 20 (226 rows), and
    #   --seed 2048 --annotated --revisit test22 --max-chars 5000 --cited 400 --cited-laodong 0 --word 5
    #   --lookalike 5 (64 rows)
    # test26: the same two draws with --seed 2049, the first revisiting test3 to test25 (137 rows), the
    #   second --annotated --revisit test22 test25 (31 rows), shuffled with random.Random(2049)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from vnpolitics.corpus import iter_source, manifest, read_jsonl
from vnpolitics.text import SPLITTER_VERSION, prepare

TYPE_WORDS = (
    r"nghị quyết|kết luận|quy định|chỉ thị|đề án|kế hoạch|quyết định|thông tư|nghị định|hướng dẫn|"
    r"thông báo|công văn|luật|bộ luật|hiến pháp|pháp lệnh|NQ|QĐ|CT|KL|NĐ|TT"
)
CITED = re.compile(
    rf"(?i:{TYPE_WORDS})\s+(?:(?i:số)\s+)?\d|(?i:{TYPE_WORDS})\s+(?:Trung ương|TƯ|TW|T\.Ư)"
    r"|\b(?:Bộ )?[Ll]uật [A-ZĐ]|\b\d+[-/](?:\d+/)?[A-ZĐ]{2}"
)
WORD = re.compile(rf"\b(?i:{TYPE_WORDS})\b")
LOOKALIKE = re.compile(r"\d+[/-]\d+|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b|\b[Kk]ỳ \d+")


def _rows(paths: list[str]) -> list[dict[str, object]]:
    """The rows of reference sets (``id``, ``index``, ...)."""
    return [row for path in paths for row in read_jsonl(Path(path))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--exclude", nargs="*", default=[], help="reference sets whose articles to leave out")
    parser.add_argument("--min-chars", type=int, default=0, help="shortest paragraph to consider")
    parser.add_argument("--max-chars", type=int, default=1200, help="longest paragraph to consider")
    # Lao Động 2026 is small but cites the documents of 2024-2026, which baomoi-2017 cannot.
    parser.add_argument("--cited", type=int, default=150, help="baomoi-2017 paragraphs citing documents")
    parser.add_argument("--cited-laodong", type=int, default=40, help="Lao Động paragraphs citing documents")
    parser.add_argument("--word", type=int, default=50, help="paragraphs with a document-type word only")
    parser.add_argument("--lookalike", type=int, default=60, help="paragraphs with look-alike numbers only")
    parser.add_argument(
        "--annotated",
        action="store_true",
        help="draw from the annotated corpus's articles (all sources) instead of the articles outside it",
    )
    parser.add_argument(
        "--revisit",
        nargs="*",
        default=[],
        help="draw only from these sets' articles, never from the paragraphs the sets hold",
    )
    args = parser.parse_args()
    corpus_ids = set(manifest())
    excluded = {row["id"] for row in _rows(args.exclude)}
    revisited = {(row["id"], row["index"]) for row in _rows(args.revisit)}
    revisited_articles = {article_id for article_id, _ in revisited}
    sources = ("baomoi-2017", "laodong-2026", "web-excerpts") if args.annotated else ("baomoi-2017", "laodong-2026")
    pools: dict[str, list[dict[str, object]]] = {"cited": [], "word": [], "lookalike": []}
    for source in sources:
        for article_id, text, title in iter_source(source):
            if article_id in excluded or (article_id in corpus_ids) != args.annotated:
                continue
            if revisited and article_id not in revisited_articles:
                continue
            article = prepare(text, title=title)
            by_stratum: dict[str, list[int]] = {name: [] for name in pools}
            for paragraph in article.paragraphs:
                if (article_id, paragraph.index) in revisited:
                    continue  # read (and annotated) already
                if not args.min_chars <= len(paragraph.text) <= args.max_chars:
                    continue  # keep annotation units readable
                if WORD.search(paragraph.text):
                    stratum = "cited" if CITED.search(paragraph.text) else "word"
                elif LOOKALIKE.search(paragraph.text):
                    stratum = "lookalike"
                else:
                    continue
                by_stratum[stratum].append(paragraph.index)
            for stratum, indices in by_stratum.items():
                for index in indices:
                    pools[stratum].append({"id": article_id, "index": index, "source": source, "stratum": stratum})
    rng = random.Random(args.seed)
    chosen: list[dict[str, object]] = []
    used_articles: set[object] = set()
    for name in pools:
        rng.shuffle(pools[name])
    quotas = {
        ("cited", None if args.annotated else "baomoi-2017"): args.cited,
        ("cited", "laodong-2026"): args.cited_laodong,
        ("word", None): args.word,
        ("lookalike", None): args.lookalike,
    }
    for (stratum, source), quota in quotas.items():
        taken = 0
        for row in pools[stratum]:
            if taken == quota:
                break
            if row["id"] in used_articles or source not in (None, row["source"]):
                continue
            used_articles.add(row["id"])
            chosen.append({**row, "splitter": SPLITTER_VERSION})
            taken += 1
    rng.shuffle(chosen)
    for row in chosen:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
