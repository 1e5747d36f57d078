"""The annotated corpus: annotations kept in the project, texts read from the shared corpus.

The project stores only ids, paragraph indices, labels and notes (``corpus/``); the texts belong to
their publishers and are read at run time from ``VNPOLITICS_CORPUS_DIR`` (default
``../shared/corpus``). Paragraph indices refer to :func:`vnpolitics.prepare` at the splitter version
recorded in each row; a mismatch is an error, never silently re-aligned.

Layout of ``corpus/`` (see ``corpus/README.md`` for the schema with examples)::

    manifest.jsonl                      one row per article: id, source, title, date, selected_by
    annotations/articles.jsonl          id, labels, dominant, [note]
    annotations/paragraphs.jsonl        id, index, label, splitter
    second_pass/articles.jsonl          the independent second annotation (agreement only)
    second_pass/paragraphs.jsonl
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vnpolitics.labels import LABELS, OTHER, TAGS, THEMES
from vnpolitics.text import SPLITTER_VERSION, Article, prepare

#: Where each source collection's texts live inside the corpus directory.
SOURCES = ("seeds", "web-excerpts", "baomoi-2017", "laodong-2026")

_PROJECT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


class CorpusError(Exception):
    """The corpus directory or an annotation file is missing or malformed."""


def corpus_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding the shared texts: ``path``, else ``$VNPOLITICS_CORPUS_DIR``, else
    ``../shared/corpus`` beside the checkout (or the current directory). Raises :class:`CorpusError`
    naming what was tried when none exists."""
    candidates = (
        [Path(path)]
        if path is not None
        else [Path(os.environ["VNPOLITICS_CORPUS_DIR"])]
        if os.environ.get("VNPOLITICS_CORPUS_DIR")
        else [_PROJECT_CORPUS.parent.parent / "shared" / "corpus", Path.cwd().parent / "shared" / "corpus"]
    )
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise CorpusError(f"corpus texts not found (tried {tried}); set VNPOLITICS_CORPUS_DIR")


def annotations_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The project's annotation folder (``corpus/`` in the checkout unless given)."""
    folder = Path(path) if path is not None else _PROJECT_CORPUS
    if not (folder / "manifest.jsonl").is_file():
        raise CorpusError(f"{folder} has no manifest.jsonl: not an annotation folder")
    return folder


def manifest(annotations: str | os.PathLike[str] | None = None) -> dict[str, dict[str, Any]]:
    """The manifest rows (id, source, title, date, selected_by) by article id."""
    return {row["id"]: row for row in read_jsonl(annotations_dir(annotations) / "manifest.jsonl")}


# --------------------------------------------------------------------------------------------
# Reading texts
# --------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSON Lines file (gzip too), skipping blank lines; a bad line raises
    :class:`CorpusError` naming the file and line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise CorpusError(f"{path}:{number}: invalid JSON ({error.msg})") from error


def iter_source(source: str, directory: Path | None = None) -> Iterator[tuple[str, str, str | None]]:
    """Yield ``(id, raw_text, title)`` for every article of a source collection.

    ``title`` is None where the title is part of the raw text (seeds, web excerpts), so that
    :func:`prepare` detects it; this is how annotation indices were produced.
    """
    root = corpus_dir(directory)
    if source == "seeds":
        for meta in read_jsonl(root / "seeds" / "metadata.jsonl"):
            yield meta["id"], (root / "seeds" / meta["file"]).read_text(encoding="utf-8"), None
    elif source == "web-excerpts":
        for record in read_jsonl(root / "web-excerpts" / "excerpts.jsonl"):
            yield record["id"], record["text"], None
    elif source == "baomoi-2017":
        for record in read_jsonl(root / "baomoi-2017" / "articles.jsonl.gz"):
            yield record["id"], record["text"], record["title"]
    elif source == "laodong-2026":
        for record in read_jsonl(root / "laodong-2026" / "articles.jsonl"):
            yield record["id"], record["text"], record["title"]
    else:
        raise CorpusError(f"unknown source {source!r}; expected one of {', '.join(SOURCES)}")


def read_articles(wanted: dict[str, str], directory: Path | None = None) -> dict[str, Article]:
    """Prepare the articles whose ids are the keys of ``wanted`` (id -> source)."""
    articles: dict[str, Article] = {}
    for source in sorted(set(wanted.values())):
        for article_id, text, title in iter_source(source, directory):
            if wanted.get(article_id) == source:
                articles[article_id] = prepare(text, title=title)
    return articles


# --------------------------------------------------------------------------------------------
# Annotated corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnnotatedArticle:
    """One annotated article joined with its prepared text.

    ``paragraph_labels`` has one label per paragraph; for an article annotated ``other`` at article
    level without paragraph rows, every paragraph is ``other`` by the guideline's definition, and
    ``paragraphs_explicit`` is False.
    """

    id: str
    source: str
    article: Article
    labels: tuple[str, ...]
    dominant: str
    paragraph_labels: tuple[str, ...]
    paragraphs_explicit: bool
    selected_by: str | None = None


@dataclass
class Corpus:
    """The annotated articles, in manifest order."""

    articles: list[AnnotatedArticle]
    annotations_hash: str = ""

    def paragraphs(self) -> Iterator[tuple[str, int, str, str]]:
        """Yield ``(article_id, index, text, label)`` for every labelled paragraph."""
        for item in self.articles:
            for paragraph, label in zip(item.article.paragraphs, item.paragraph_labels, strict=True):
                yield item.id, paragraph.index, paragraph.text, label

    def stats(self) -> dict[str, Any]:
        paragraph_counts = Counter(label for *_, label in self.paragraphs())
        article_counts = Counter(item.dominant for item in self.articles)
        by_source = Counter(item.source for item in self.articles)
        source_labels: dict[str, Counter[str]] = {}
        for item in self.articles:
            source_labels.setdefault(item.source, Counter()).update(item.paragraph_labels)
        return {
            "articles": len(self.articles),
            "paragraphs": sum(paragraph_counts.values()),
            "paragraph_labels": {label: paragraph_counts[label] for label in LABELS},
            "article_dominant": {label: article_counts[label] for label in LABELS},
            "article_theme_counts": {theme: sum(theme in item.labels for item in self.articles) for theme in THEMES},
            "articles_by_source": dict(by_source),
            "paragraph_labels_by_source": {
                source: {label: counts[label] for label in LABELS} for source, counts in source_labels.items()
            },
        }


@dataclass
class CheckReport:
    """What ``vnpolitics corpus check`` found: errors (fatal) and the corpus statistics."""

    errors: list[str] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _hash_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_annotations(
    folder: Path, subdir: str, errors: list[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[int, str]]]:
    """Read and validate one annotation pass (``annotations`` or ``second_pass``)."""
    articles: dict[str, dict[str, Any]] = {}
    for row in read_jsonl(folder / subdir / "articles.jsonl"):
        where = f"{subdir}/articles.jsonl id={row.get('id')}"
        if row.get("id") in articles:
            errors.append(f"{where}: duplicate article annotation")
            continue
        labels, dominant = row.get("labels"), row.get("dominant")
        if not isinstance(labels, list) or any(label not in THEMES for label in labels):
            errors.append(f"{where}: unknown label in {labels!r}")
            continue
        if dominant not in LABELS:
            errors.append(f"{where}: unknown dominant label {dominant!r}")
            continue
        if (dominant == OTHER) != (not labels) or (labels and dominant not in labels):
            errors.append(f"{where}: dominant {dominant!r} contradicts labels {labels!r}")
        articles[row["id"]] = row
    paragraphs: dict[str, dict[int, str]] = {}
    path = folder / subdir / "paragraphs.jsonl"
    for row in read_jsonl(path) if path.exists() else ():
        where = f"{subdir}/paragraphs.jsonl id={row.get('id')} index={row.get('index')}"
        if row.get("splitter") != SPLITTER_VERSION:
            errors.append(f"{where}: splitter version {row.get('splitter')!r}, expected {SPLITTER_VERSION!r}")
            continue
        if row.get("label") not in LABELS:
            errors.append(f"{where}: unknown label {row.get('label')!r}")
            continue
        if not isinstance(row.get("index"), int):
            errors.append(f"{where}: index must be an integer")
            continue
        labelled = paragraphs.setdefault(row["id"], {})
        previous = labelled.get(row["index"])
        if previous is not None:
            kind = "duplicate" if previous == row["label"] else "contradictory"
            errors.append(f"{where}: {kind} paragraph annotation ({previous!r} and {row['label']!r})")
            continue
        labelled[row["index"]] = row["label"]
    return articles, paragraphs


def _join(
    manifest: dict[str, dict[str, Any]],
    article_rows: dict[str, dict[str, Any]],
    paragraph_rows: dict[str, dict[int, str]],
    texts: dict[str, Article],
    errors: list[str],
    subdir: str,
) -> list[AnnotatedArticle]:
    joined: list[AnnotatedArticle] = []
    for article_id in paragraph_rows.keys() - article_rows.keys():
        errors.append(f"{subdir}: paragraphs annotated for {article_id} but no article annotation")
    for article_id, row in article_rows.items():
        where = f"{subdir} id={article_id}"
        if article_id not in manifest:
            errors.append(f"{where}: not in manifest.jsonl")
            continue
        if article_id not in texts:
            errors.append(f"{where}: no text with this id in source {manifest[article_id]['source']!r}")
            continue
        article = texts[article_id]
        labelled = paragraph_rows.get(article_id)
        n = len(article.paragraphs)
        if labelled is None:
            if row["labels"]:
                errors.append(f"{where}: on-theme article without paragraph annotations")
                continue
            labels = (OTHER,) * n
        else:
            out_of_range = sorted(i for i in labelled if not 0 <= i < n)
            missing = sorted(set(range(n)) - labelled.keys())
            if out_of_range:
                errors.append(f"{where}: paragraph indices {out_of_range} out of range (article has {n})")
                continue
            if missing:
                errors.append(f"{where}: paragraphs {missing} not annotated")
                continue
            labels = tuple(labelled[i] for i in range(n))
            unsupported = set(row["labels"]) - set(labels)
            if unsupported:
                errors.append(f"{where}: article labels {sorted(unsupported)} on no paragraph")
        joined.append(
            AnnotatedArticle(
                id=article_id,
                source=manifest[article_id]["source"],
                article=article,
                labels=tuple(t for t in THEMES if t in row["labels"]),
                dominant=row["dominant"],
                paragraph_labels=labels,
                paragraphs_explicit=labelled is not None,
                selected_by=manifest[article_id].get("selected_by"),
            )
        )
    order = {article_id: i for i, article_id in enumerate(manifest)}
    return sorted(joined, key=lambda item: order[item.id])


def _load(
    annotations: str | os.PathLike[str] | None, texts_dir: str | os.PathLike[str] | None, subdir: str
) -> tuple[Corpus, list[str]]:
    folder = annotations_dir(annotations)
    errors: list[str] = []
    manifest: dict[str, dict[str, Any]] = {}
    for row in read_jsonl(folder / "manifest.jsonl"):
        if row.get("id") in manifest:
            errors.append(f"manifest.jsonl: duplicate id {row.get('id')}")
        elif row.get("source") not in SOURCES:
            errors.append(f"manifest.jsonl id={row.get('id')}: unknown source {row.get('source')!r}")
        else:
            manifest[row["id"]] = row
    article_rows, paragraph_rows = _load_annotations(folder, subdir, errors)
    wanted = {i: manifest[i]["source"] for i in article_rows if i in manifest}
    texts = read_articles(wanted, Path(texts_dir) if texts_dir is not None else None)
    articles = _join(manifest, article_rows, paragraph_rows, texts, errors, subdir)
    files = [*sorted((folder / subdir).glob("*.jsonl")), folder / "manifest.jsonl"]
    return Corpus(articles, annotations_hash=_hash_files(files)), errors


def load(
    annotations: str | os.PathLike[str] | None = None,
    texts_dir: str | os.PathLike[str] | None = None,
    *,
    second_pass: bool = False,
) -> Corpus:
    """Load the annotated corpus joined with its texts; raise :class:`CorpusError` if it does not
    pass :func:`check`."""
    corpus, errors = _load(annotations, texts_dir, "second_pass" if second_pass else "annotations")
    if errors:
        shown = "\n  ".join(errors[:20])
        raise CorpusError(f"{len(errors)} corpus error(s); run `vnpolitics corpus check`:\n  {shown}")
    return corpus


def _tags(folder: Path, errors: list[str]) -> dict[str, tuple[str, ...]]:
    path = folder / "tags" / "articles.jsonl"
    manifest = {row["id"] for row in read_jsonl(folder / "manifest.jsonl")}
    tags: dict[str, tuple[str, ...]] = {}
    for row in read_jsonl(path) if path.exists() else ():
        where = f"tags/articles.jsonl id={row.get('id')}"
        if row.get("id") not in manifest:
            errors.append(f"{where}: not in manifest.jsonl")
        elif row["id"] in tags:
            errors.append(f"{where}: duplicate tag annotation")
        elif not isinstance(row.get("tags"), list) or (unknown := set(row["tags"]) - set(TAGS)):
            errors.append(f"{where}: unknown tags {sorted(unknown) if isinstance(row.get('tags'), list) else row}")
        else:
            tags[row["id"]] = tuple(row["tags"])
    return tags


def load_tags(annotations: str | os.PathLike[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Topic tags per article id (``corpus/tags/articles.jsonl``); raises on unknown tags or ids."""
    errors: list[str] = []
    tags = _tags(annotations_dir(annotations), errors)
    if errors:
        raise CorpusError(f"{len(errors)} tag annotation error(s): " + "; ".join(errors[:5]))
    return tags


def check(
    annotations: str | os.PathLike[str] | None = None, texts_dir: str | os.PathLike[str] | None = None
) -> CheckReport:
    """Validate both annotation passes and the tags against the texts; return errors and statistics."""
    corpus, errors = _load(annotations, texts_dir, "annotations")
    folder = annotations_dir(annotations)
    if (folder / "second_pass" / "articles.jsonl").exists():
        _, second_errors = _load(annotations, texts_dir, "second_pass")
        errors += second_errors
    tags = _tags(folder, errors)
    stats = corpus.stats()
    if tags:
        counts = Counter(tag for values in tags.values() for tag in values)
        stats["tagged_articles"] = len(tags)
        stats["tags"] = {tag: counts[tag] for tag in TAGS}
    return CheckReport(errors=errors, stats=stats)


def export(corpus: Corpus, level: str, path: str | os.PathLike[str]) -> int:
    """Write the corpus as JSON Lines, one unit per line; return the number of units.

    ``level="paragraph"``: ``{"id": "<article>#<index>", "article_id", "index", "text", "label"}``.
    ``level="article"``: ``{"id", "title", "text", "labels", "dominant"}``.
    """
    if level not in ("paragraph", "article"):
        raise ValueError(f"level must be 'paragraph' or 'article', not {level!r}")
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        if level == "paragraph":
            for article_id, index, text, label in corpus.paragraphs():
                unit = {"id": f"{article_id}#{index}", "article_id": article_id, "index": index}
                out.write(json.dumps({**unit, "text": text, "label": label}, ensure_ascii=False) + "\n")
                count += 1
        else:
            for item in corpus.articles:
                unit = {
                    "id": item.id,
                    "title": item.article.title,
                    "text": "\n\n".join(item.article.texts),
                    "labels": list(item.labels),
                    "dominant": item.dominant,
                }
                out.write(json.dumps(unit, ensure_ascii=False) + "\n")
                count += 1
    return count


def agreement(
    annotations: str | os.PathLike[str] | None = None,
    texts_dir: str | os.PathLike[str] | None = None,
    ids: Collection[str] | None = None,
) -> dict[str, Any]:
    """Cohen's kappa between the first annotation pass (before adjudication, see
    ``adjudication.jsonl``) and the independent second pass, on the articles both annotated (and,
    when ``ids`` is given, only those among them): paragraph label, article dominant label, and
    each theme's presence."""
    from sklearn.metrics import cohen_kappa_score

    first = {item.id: item for item in load(annotations, texts_dir).articles}
    second = {item.id: item for item in load(annotations, texts_dir, second_pass=True).articles}
    # Agreement is between the annotators, so adjudicated paragraphs get their first-pass label back.
    adjudication = annotations_dir(annotations) / "adjudication.jsonl"
    for row in read_jsonl(adjudication) if adjudication.exists() else ():
        item = first.get(row["id"])
        if item is not None and item.paragraph_labels[row["index"]] == row["final"]:
            labels = list(item.paragraph_labels)
            labels[row["index"]] = row["first"]
            first[row["id"]] = replace(item, paragraph_labels=tuple(labels))
    shared = [i for i in second if i in first and (ids is None or i in ids)]
    para_a = [label for i in shared for label in first[i].paragraph_labels]
    para_b = [label for i in shared for label in second[i].paragraph_labels]
    result: dict[str, Any] = {
        "articles": len(shared),
        "paragraphs": len(para_a),
        "paragraph_kappa": round(float(cohen_kappa_score(para_a, para_b)), 3),
        "paragraph_agreement": round(sum(a == b for a, b in zip(para_a, para_b, strict=True)) / max(len(para_a), 1), 3),
        "article_dominant_kappa": round(
            float(cohen_kappa_score([first[i].dominant for i in shared], [second[i].dominant for i in shared])),
            3,
        ),
        "article_theme_kappa": {},
    }
    for theme in THEMES:
        a = [theme in first[i].labels for i in shared]
        b = [theme in second[i].labels for i in shared]
        result["article_theme_kappa"][theme] = round(float(cohen_kappa_score(a, b)), 3)
    result["disagreements"] = [
        {
            "id": i,
            "first": {"labels": list(first[i].labels), "dominant": first[i].dominant},
            "second": {"labels": list(second[i].labels), "dominant": second[i].dominant},
            "paragraphs": [
                {"index": n, "first": a, "second": b}
                for n, (a, b) in enumerate(zip(first[i].paragraph_labels, second[i].paragraph_labels, strict=True))
                if a != b
            ],
        }
        for i in shared
        if first[i].paragraph_labels != second[i].paragraph_labels
        or first[i].labels != second[i].labels
        or first[i].dominant != second[i].dominant
    ]
    return result
