"""The ``vnpolitics`` command: a thin layer over the library's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vnpolitics import __version__
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
