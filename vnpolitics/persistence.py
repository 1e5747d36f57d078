"""Saving and loading model folders: joblib files plus a model card that records their SHA-256.

A joblib file is a pickle and runs code when loaded, so :func:`load_bundle` checks every file
against the card *before* unpickling anything, and a folder other than the shipped models needs
``trusted=True``.

Layout of a model folder::

    <name>/paragraph.joblib   the paragraph Pipeline (Segmenter -> features -> calibrated model)
    <name>/article.joblib     the article decision (vnpolitics.themes.ArticleDecision)
    <name>/context.joblib     optional: paragraph labels in article context (vnpolitics.themes.ParagraphContext)
    <name>/tags.joblib        optional: the topic tagger (vnpolitics.tags.TagModel)
    <name>/card.json          what a reader needs to trust it (data, metrics, versions, file hashes)
    <name>/card.md            the same for people
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import joblib

CARD = "card.json"
CARD_MARKDOWN = "card.md"
DEFAULT_MODEL = "default"


class ModelError(Exception):
    """A model folder is missing, incomplete, tampered with or untrusted."""


def models_root() -> Path:
    """Where the shipped models are: package data when installed, ``models/`` in a checkout."""
    try:
        root = Path(str(resources.files("vnpolitics.models")))
        if root.is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "models"


def default_model_dir() -> Path:
    return models_root() / DEFAULT_MODEL


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_bundle(directory: str | os.PathLike[str], objects: dict[str, Any], card: dict[str, Any]) -> Path:
    """Write each object as ``<key>.joblib`` and the card (JSON and Markdown) with their hashes."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.joblib"):
        stale.unlink()
    files = {}
    for name, obj in objects.items():
        path = folder / f"{name}.joblib"
        joblib.dump(obj, path, compress=3)
        files[path.name] = sha256(path)
    card = {**card, "files": files}
    (folder / CARD).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / CARD_MARKDOWN).write_text(card_markdown(card), encoding="utf-8")
    return folder


def read_card(directory: str | os.PathLike[str]) -> dict[str, Any]:
    path = Path(directory) / CARD
    if not path.is_file():
        raise ModelError(f"{directory}: no {CARD}; not a vnpolitics model folder")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ModelError(f"{path}: unreadable model card ({error.msg})") from error


def load_bundle(
    directory: str | os.PathLike[str] | None = None, *, trusted: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verify and load a model folder; return ``(objects by name, card)``.

    Every ``*.joblib`` file must be listed in the card with a matching SHA-256, and every listed
    file must exist; this is checked for all files before any is unpickled. Folders outside the
    shipped models require ``trusted=True`` (unpickling runs code).
    """
    folder = Path(directory) if directory is not None else default_model_dir()
    shipped = folder.resolve().parent == models_root().resolve()
    if not shipped and not trusted:
        raise ModelError(
            f"{folder} is not a shipped model; joblib files run code when loaded, so pass trusted=True "
            "(CLI: --trust-model) only for models from a source you trust"
        )
    card = read_card(folder)
    listed: dict[str, str] = card.get("files", {})
    present = {p.name for p in folder.glob("*.joblib")}
    if unknown := present - listed.keys():
        raise ModelError(f"{folder}: files not in the model card: {', '.join(sorted(unknown))}")
    if missing := listed.keys() - present:
        raise ModelError(f"{folder}: files listed in the card are missing: {', '.join(sorted(missing))}")
    for name, expected in listed.items():
        if sha256(folder / name) != expected:
            raise ModelError(f"{folder / name}: SHA-256 does not match the model card; refusing to load")
    _warn_on_version_mismatch(card)
    objects = {name.removesuffix(".joblib"): joblib.load(folder / name) for name in sorted(listed)}
    return objects, card


def _warn_on_version_mismatch(card: dict[str, Any]) -> None:
    import sklearn

    trained_with = card.get("versions", {}).get("scikit-learn")
    if trained_with and trained_with != sklearn.__version__:
        warnings.warn(
            f"model trained with scikit-learn {trained_with}, running {sklearn.__version__}: results may "
            "differ; retrain with `vnpolitics train` if they do",
            UserWarning,
            stacklevel=3,
        )


def card_markdown(card: dict[str, Any]) -> str:
    """A readable model card."""
    lines = [f"# Model card: {card.get('name', 'vnpolitics model')}", ""]
    if card.get("description"):
        lines += [card["description"], ""]
    lines += ["## Labels", "", ", ".join(f"`{label}`" for label in card.get("labels", [])), ""]
    if data := card.get("training_data"):
        lines += ["## Training data", ""]
        lines += [f"- {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
        lines.append("")
    if params := card.get("hyperparameters"):
        lines += ["## Hyper-parameters", ""]
        lines += [f"- {key}: `{json.dumps(value)}`" for key, value in params.items()]
        lines.append("")
    if metrics := card.get("metrics"):
        lines += ["## Cross-validated metrics", "", "```", json.dumps(metrics, indent=2), "```", ""]
    if versions := card.get("versions"):
        lines += ["## Versions", ""] + [f"- {k}: {v}" for k, v in versions.items()] + [""]
    if files := card.get("files"):
        lines += ["## Files (SHA-256)", ""] + [f"- `{name}`: `{digest}`" for name, digest in files.items()] + [""]
    return "\n".join(lines)
