"""The ``vnpolitics`` command: a thin layer over the library's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from vnpolitics import __version__
from vnpolitics.batch import CSV_SUFFIXES, DEFAULT_MAX_CHARS, JSONL_SUFFIXES
from vnpolitics.text import prepare, segment


def _read_text(path: str) -> str:
    """Read a UTF-8 file (or ``-`` for standard input) with a clear error for other encodings."""
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{path}: not UTF-8 text ({error})") from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnpolitics")
def main() -> None:
    """Analyse Vietnamese political news: themes, document references and tags."""


@main.command("prepare")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--segment/--no-segment", "do_segment", default=True, help="Word-segment each paragraph.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def prepare_command(file: str, do_segment: bool, as_json: bool) -> None:
    """Clean FILE, split it into numbered paragraphs and (by default) segment the words."""
    article = prepare(_read_text(file))
    rows = [
        {"index": p.index, "text": p.text, **({"segmented": segment(p.text)} if do_segment else {})}
        for p in article.paragraphs
    ]
    if as_json:
        removed = [{"text": r.text, "reason": r.reason} for r in article.removed]
        payload = {"title": article.title, "paragraphs": rows, "removed": removed}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"Title: {article.title or '(none detected)'}")
    for row in rows:
        click.echo(f"\n[{row['index']}] {row['text']}")
        if do_segment:
            click.echo(f"    {row['segmented']}")
    click.echo(f"\nRemoved {len(article.removed)} boilerplate line(s).")


# -- analysis ---------------------------------------------------------------------------------


def _analyzer(model: str | None, trust_model: bool) -> Any:
    from vnpolitics.analysis import Analyzer
    from vnpolitics.persistence import ModelError

    try:
        return Analyzer.load(model, trusted=trust_model)
    except ModelError as error:
        raise click.ClickException(str(error)) from error


_model_option = click.option(
    "--model",
    type=click.Path(file_okay=False),
    default=None,
    help="Model folder (default: the shipped model).",
)
_trust_option = click.option(
    "--trust-model", is_flag=True, help="Allow loading a model folder that is not shipped (it runs code)."
)


@main.command("analyze")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
@_model_option
@_trust_option
def analyze_command(file: str, as_json: bool, model: str | None, trust_model: bool) -> None:
    """Analyse one article (FILE, or - for standard input): themes, paragraphs and evidence."""
    analysis = _analyzer(model, trust_model).analyze(_read_text(file))
    if as_json:
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
        return
    themes = ", ".join(analysis.labels) or "none"
    click.secho(f"Dominant theme: {analysis.dominant}", bold=True)
    click.echo(f"Themes: {themes}")
    click.echo("Scores: " + "  ".join(f"{t} {s:.2f}" for t, s in analysis.scores.items()))
    click.echo("Tags: " + (", ".join(f"{t.name} ({t.score:.2f})" for t in analysis.tags) or "none"))
    if analysis.references:
        click.echo("References:")
        for ref in analysis.references:
            where = "title" if ref.paragraph is None else f"paragraph {ref.paragraph}"
            details = ", ".join(x for x in (ref.type, ref.issuer, ref.date) if x)
            partial = " (partial)" if ref.partial else ""
            click.echo(f"  {ref.id}{partial}: {details} [{where}: {ref.text!r}]")
    click.echo(f"\n{'#':>3}  {'label':<15} {'p':>5}  evidence / text")
    for p in analysis.paragraphs:
        excerpt = p.text if len(p.text) <= 90 else p.text[:87] + "..."
        click.echo(f"{p.index:>3}  {p.label:<15} {p.scores[p.label]:>5.2f}  {', '.join(p.evidence) or '-'}")
        click.echo(f"{'':>27}{excerpt}")


# -- batch tagging ----------------------------------------------------------------------------


def _count_records(inputs: tuple[str, ...], glob: str) -> int | None:
    """Total records for the progress bar's ETA, when it can be known cheaply (not for stdin)."""
    import gzip

    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            return None
        if path.is_dir():
            total += sum(1 for p in path.rglob(glob) if p.is_file())
        elif path.name.endswith(JSONL_SUFFIXES + CSV_SUFFIXES):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rb") as f:
                lines = sum(1 for line in f if line.strip())
            total += lines - 1 if path.name.endswith(CSV_SUFFIXES) else lines  # minus the header
        else:
            total += 1
    return total


@main.command("tag")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="Output file (.jsonl or .csv).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default=None, help="Default: from the extension.")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Processes (default: number of cores).")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines field with the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines field with the record id.")
@click.option("--text-column", default="text", show_default=True, help="CSV column with the article text.")
@click.option("--id-column", default="id", show_default=True, help="CSV column with the record id.")
@click.option("--glob", default="*.txt", show_default=True, help="Files to take from input directories.")
@click.option(
    "--max-chars", type=click.IntRange(1), default=DEFAULT_MAX_CHARS, show_default=True, help="Longer texts are errors."
)
@click.option("--resume", is_flag=True, help="Finish an interrupted run: skip records already in the output.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--backend", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster).")
@_model_option
@_trust_option
def tag_command(
    inputs: tuple[str, ...],
    output: str,
    fmt: str | None,
    workers: int | None,
    text_field: str,
    id_field: str,
    text_column: str,
    id_column: str,
    glob: str,
    max_chars: int,
    resume: bool,
    quiet: bool,
    backend: str,
    scheduler: str | None,
    model: str | None,
    trust_model: bool,
) -> None:
    """Analyse a collection: text files, directories, JSON Lines (gzip too), CSV, or - (stdin).

    Results are written as they come, in input order, one JSON object (the analysis plus "id") or
    CSV row per record. Records that cannot be read or analysed go to OUTPUT.errors.jsonl with the
    reason. Exit code: 0 all records analysed, 1 some records failed, 130 interrupted (rerun with
    --resume to finish without redoing or duplicating records).
    """
    import os
    import sys

    from tqdm import tqdm

    from vnpolitics.batch import iter_records
    from vnpolitics.batch import tag as run_tag
    from vnpolitics.persistence import ModelError

    out = Path(output)
    fmt = fmt or ("csv" if out.suffix == ".csv" else "jsonl")
    if out.exists() and not resume and out.stat().st_size:
        raise click.ClickException(f"{out} exists: pass --resume to finish it, or remove it to start again")
    records = iter_records(
        inputs, text_field=text_field, id_field=id_field or None, text_column=text_column,
        id_column=id_column or None, glob=glob, max_chars=max_chars,
    )  # fmt: skip
    show = not quiet and sys.stderr.isatty()
    bar = tqdm(
        total=_count_records(inputs, glob) if show else None, unit=" records", disable=not show, dynamic_ncols=True
    )
    characters = 0

    def progress(n: int, chars: int) -> None:
        nonlocal characters
        characters += chars
        bar.update(n)
        elapsed = bar.format_dict["elapsed"] or 1e-9
        bar.set_postfix_str(f"{characters / elapsed:,.0f} chars/s", refresh=False)

    try:
        summary = run_tag(
            records, out, fmt=fmt, workers=workers or os.cpu_count() or 1, resume=resume, model=model,
            trusted=trust_model, backend=backend, scheduler=scheduler, progress=progress,
        )  # fmt: skip
    except ModelError as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        bar.close()
        click.echo(f"\ninterrupted: finished records are in {out}; rerun with --resume to finish", err=True)
        sys.exit(130)
    bar.close()
    click.echo(summary.line(), err=True)
    if summary.errors:
        click.echo(f"{summary.errors} record(s) failed: see {out.name}.errors.jsonl", err=True)
        sys.exit(1)


# -- training ---------------------------------------------------------------------------------


@main.command("train")
@click.option("-o", "--output", type=click.Path(file_okay=False), default="models/default", show_default=True)
@click.option("--reports", type=click.Path(file_okay=False), default="reports", show_default=True)
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Shared corpus texts.")
@click.option("--annotations", type=click.Path(file_okay=False), default=None, help="Annotation folder.")
def train_command(output: str, reports: str, folds: int, corpus_dir: str | None, annotations: str | None) -> None:
    """Cross-validate the candidate models, then train and save the best one with its card."""
    from vnpolitics import corpus as corpus_module
    from vnpolitics.train import train

    try:
        annotated = corpus_module.load(annotations, corpus_dir)
        tags = corpus_module.load_tags(annotations)
    except corpus_module.CorpusError as error:
        raise click.ClickException(str(error)) from error
    card = train(annotated, output, n_splits=folds, reports=reports, tags=tags, progress=click.echo)
    click.echo(json.dumps(card["metrics"], indent=2))


@main.command("evaluate-tags")
@click.option("--dataset", type=click.Choice(["corpus", "danes"]), default="corpus", show_default=True)
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the Markdown report here.")
@click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Shared corpus texts.")
def evaluate_tags_command(dataset: str, folds: int, output: str | None, corpus_dir: str | None) -> None:
    """Cross-validate the topic tagger and a one-vs-rest TF-IDF + logistic-regression baseline in one
    run, on the project's tagged articles or on DANeS (23 topics)."""
    from vnpolitics import corpus as corpus_module
    from vnpolitics.tags import evaluate_tagger, load_danes, tags_markdown

    try:
        if dataset == "danes":
            texts, labels = load_danes(corpus_module.corpus_dir(corpus_dir) / "danes")
            groups = None
        else:
            annotated = corpus_module.load(texts_dir=corpus_dir)
            tags = corpus_module.load_tags()
            items = [item for item in annotated.articles if item.id in tags]
            texts = [item.article.clean_text for item in items]
            labels = [list(tags[item.id]) for item in items]
            groups = [item.id for item in items]
    except corpus_module.CorpusError as error:
        raise click.ClickException(str(error)) from error
    results = evaluate_tagger(texts, labels, groups, folds, progress=click.echo)
    report = tags_markdown(results, f"Topic tags: {dataset}")
    if output:
        Path(output).write_text(report, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.command("evaluate-references")
@click.option(
    "--set", "names", multiple=True, default=("test",), show_default=True,
    help="Which hand-built set of corpus/references/ to score against (the file's name without "
    ".jsonl); repeat it to pool several sets.",
)  # fmt: skip
@click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Shared corpus texts.")
def evaluate_references_command(names: tuple[str, ...], corpus_dir: str | None) -> None:
    """Precision and recall of the reference extractor on hand-built sets, and its errors."""
    from vnpolitics.corpus import annotations_dir
    from vnpolitics.references import evaluate

    folder = annotations_dir() / "references"
    available = sorted((path.stem for path in folder.glob("*.jsonl")), key=lambda stem: (len(stem), stem))
    for name in names:
        if name not in available:  # the sets are whatever files exist, so new ones need no code change
            listed = ", ".join(available) or "none"
            raise click.BadParameter(f"no set {name!r} in {folder}; available: {listed}", param_hint="--set")
    result = evaluate([str(folder / f"{name}.jsonl") for name in names], corpus_dir)
    errors = result.pop("errors")
    click.echo(json.dumps(result, indent=2))
    for error in errors:  # type: ignore[union-attr]
        click.echo(f"  {error}")


# -- corpus -----------------------------------------------------------------------------------


@main.group("corpus")
def corpus_group() -> None:
    """Check, export and inspect the annotated corpus."""


_corpus_options = [
    click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Shared corpus texts."),
    click.option("--annotations", type=click.Path(file_okay=False), default=None, help="Annotation folder."),
]


def _with_corpus_options(function: Any) -> Any:
    for option in reversed(_corpus_options):
        function = option(function)
    return function


@corpus_group.command("check")
@_with_corpus_options
def corpus_check(corpus_dir: str | None, annotations: str | None) -> None:
    """Validate annotations against the texts and print corpus statistics; exit 1 on any error."""
    from vnpolitics import corpus as corpus_module

    try:
        report = corpus_module.check(annotations, corpus_dir)
    except corpus_module.CorpusError as error:
        raise click.ClickException(str(error)) from error
    stats = report.stats
    click.echo(f"{stats['articles']} articles, {stats['paragraphs']} paragraphs")
    click.echo("paragraph labels: " + ", ".join(f"{k} {v}" for k, v in stats["paragraph_labels"].items()))
    click.echo("article dominant: " + ", ".join(f"{k} {v}" for k, v in stats["article_dominant"].items()))
    click.echo("articles with theme: " + ", ".join(f"{k} {v}" for k, v in stats["article_theme_counts"].items()))
    for source, counts in stats["paragraph_labels_by_source"].items():
        line = ", ".join(f"{k} {v}" for k, v in counts.items())
        click.echo(f"  {source}: {stats['articles_by_source'][source]} articles; paragraphs {line}")
    if "tags" in stats:
        click.echo(
            f"tags on {stats['tagged_articles']} articles: " + ", ".join(f"{k} {v}" for k, v in stats["tags"].items())
        )
    if report.errors:
        for error in report.errors:
            click.echo(f"error: {error}", err=True)
        raise click.ClickException(f"{len(report.errors)} error(s) in the corpus")
    click.echo("corpus OK")


@corpus_group.command("export")
@click.option("--level", type=click.Choice(["paragraph", "article"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
@_with_corpus_options
def corpus_export(level: str, output: str, corpus_dir: str | None, annotations: str | None) -> None:
    """Write the labelled units as JSON Lines (id, text, label or labels + dominant)."""
    from vnpolitics import corpus as corpus_module

    try:
        count = corpus_module.export(corpus_module.load(annotations, corpus_dir), level, output)
    except corpus_module.CorpusError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"wrote {count} {level} units to {output}")


@corpus_group.command("agreement")
@_with_corpus_options
@click.option(
    "--selection", "selections", multiple=True, type=click.Path(dir_okay=False, exists=True),
    help="Only the articles listed (JSON Lines with an 'id'), e.g. corpus/selections/baomoi-round2.jsonl.",
)  # fmt: skip
def corpus_agreement(corpus_dir: str | None, annotations: str | None, selections: tuple[str, ...]) -> None:
    """Cohen's kappa between the two annotation passes, and where they disagree."""
    from vnpolitics import corpus as corpus_module

    try:
        ids = {row["id"] for path in selections for row in corpus_module.read_jsonl(Path(path))} or None
        result = corpus_module.agreement(annotations, corpus_dir, ids)
    except corpus_module.CorpusError as error:
        raise click.ClickException(str(error)) from error
    except KeyError as error:
        raise click.ClickException(f"a --selection row has no {error} field") from error
    disagreements = result.pop("disagreements")
    click.echo(json.dumps(result, indent=2))
    for item in disagreements:
        where = ", ".join(f"[{p['index']}] {p['first']} / {p['second']}" for p in item["paragraphs"])
        click.echo(f"{item['id']}: {where or 'article labels differ'}")


@corpus_group.command("show")
@click.argument("article_id")
@_with_corpus_options
def corpus_show(article_id: str, corpus_dir: str | None, annotations: str | None) -> None:
    """Print one annotated article with its paragraph labels (text read from the shared corpus)."""
    from vnpolitics import corpus as corpus_module

    items = [a for a in corpus_module.load(annotations, corpus_dir).articles if a.id == article_id]
    if not items:
        raise click.ClickException(f"{article_id}: not an annotated article")
    item = items[0]
    click.echo(f"{item.id} ({item.source}) labels={list(item.labels)} dominant={item.dominant}")
    click.echo(f"Title: {item.article.title}")
    for paragraph, label in zip(item.article.paragraphs, item.paragraph_labels, strict=True):
        click.echo(f"[{paragraph.index}] {label}: {paragraph.text}")


if __name__ == "__main__":
    main()
