"""Import annotation passes (one JSON line per article, as the annotators wrote them) into corpus/.

    python scripts/import_annotations.py --pass annotations OUT.jsonl... [--source-of ID_PREFIX=SOURCE]
    python scripts/import_annotations.py --pass second_pass OUT.jsonl...

Each input line: {"id", "labels", "dominant", "paragraphs": [label per paragraph] | null, "note"?}.
Rows for ids already in the pass are replaced (so a corrected file can be re-imported). The
manifest gains a row for every new id, with title and date from the shared corpus.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from vnpolitics.corpus import corpus_dir, read_articles
from vnpolitics.text import SPLITTER_VERSION

SOURCE_BY_PREFIX = {
    "seed-": "seeds",
    "web-": "web-excerpts",
    "baomoi-": "baomoi-2017",
    "laodong-": "laodong-2026",
}


def source_of(article_id: str) -> str:
    for prefix, source in SOURCE_BY_PREFIX.items():
        if article_id.startswith(prefix):
            return source
    raise SystemExit(f"cannot tell the source of {article_id!r}")


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_rows(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pass", dest="subdir", choices=["annotations", "second_pass"], required=True)
    parser.add_argument("--selection", type=Path, help="JSONL of {id, selected_by} (baomoi selection)")
    parser.add_argument("inputs", type=Path, nargs="+")
    args = parser.parse_args()
    folder = Path(__file__).resolve().parent.parent / "corpus"
    selected_by = {}
    if args.selection:
        selected_by = {r["id"]: r["selected_by"] for r in read_rows(args.selection)}

    incoming = [row for path in args.inputs for row in read_rows(path)]
    ids = {row["id"] for row in incoming}

    manifest_path = folder / "manifest.jsonl"
    manifest = {r["id"]: r for r in read_rows(manifest_path)} if manifest_path.exists() else {}
    new = {i: source_of(i) for i in ids if i not in manifest}
    if new:
        meta: dict[str, dict] = {}
        root = corpus_dir()
        for line in (root / "seeds" / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            meta[record["id"]] = {"date": record.get("date")}
        for source in sorted(set(new.values()) - {"seeds"}):
            if source == "laodong-2026":
                for line in (root / "laodong-2026" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    meta[record["id"]] = {"date": record.get("published_at")}
        prepared = read_articles(new)
        for article_id, source in sorted(new.items()):
            manifest[article_id] = {
                "id": article_id,
                "source": source,
                "title": prepared[article_id].title,
                "date": meta.get(article_id, {}).get("date"),
                "selected_by": selected_by.get(article_id, "all" if source != "baomoi-2017" else "unknown"),
            }
        write_rows(manifest_path, list(manifest.values()))

    article_path = folder / args.subdir / "articles.jsonl"
    paragraph_path = folder / args.subdir / "paragraphs.jsonl"
    articles = [r for r in (read_rows(article_path) if article_path.exists() else []) if r["id"] not in ids]
    paragraphs = [r for r in (read_rows(paragraph_path) if paragraph_path.exists() else []) if r["id"] not in ids]
    for row in incoming:
        entry = {"id": row["id"], "labels": row["labels"], "dominant": row["dominant"]}
        if row.get("note"):
            entry["note"] = row["note"]
        articles.append(entry)
        for index, label in enumerate(row.get("paragraphs") or []):
            paragraphs.append({"id": row["id"], "index": index, "label": label, "splitter": SPLITTER_VERSION})
    order = {article_id: i for i, article_id in enumerate(manifest)}
    articles.sort(key=lambda r: order[r["id"]])
    paragraphs.sort(key=lambda r: (order[r["id"]], r["index"]))
    write_rows(article_path, articles)
    write_rows(paragraph_path, paragraphs)
    print(f"{args.subdir}: {len(articles)} articles, {len(paragraphs)} paragraph rows; manifest {len(manifest)}")


if __name__ == "__main__":
    main()
