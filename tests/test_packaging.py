"""The wheel: built from the project files, it carries the shipped model and works from anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import vnpolitics
from vnpolitics.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_the_model_and_analyses_offline_from_another_directory(tmp_path: Path) -> None:
    # Build from a copy, so that no stale build/ folder of the checkout can leak into the wheel.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("vnpolitics", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("vnpolitics-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for required in ("paragraph.joblib", "article.joblib", "card.json"):
        assert f"vnpolitics/models/default/{required}" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "some.txt").write_text((ROOT / "examples" / "bai_viet_mau.txt").read_text("utf-8"), "utf-8")
    code = (
        "import json, vnpolitics; "
        f"assert vnpolitics.__file__.startswith({str(target)!r}), vnpolitics.__file__; "
        "print(json.dumps(vnpolitics.analyze(open('some.txt', encoding='utf-8').read()).to_dict()))"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["dominant"] in vnpolitics.LABELS


def test_cli_version_and_help() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.strip() == f"vnpolitics, version {vnpolitics.__version__}"
    help_text = runner.invoke(main, ["--help"]).output
    for command in ("analyze", "prepare", "train", "corpus"):
        assert command in help_text


def test_cli_analyze_prints_a_table_and_json() -> None:
    runner = CliRunner()
    example = str(ROOT / "examples" / "bai_viet_mau.txt")
    table = runner.invoke(main, ["analyze", example])
    assert table.exit_code == 0 and "Dominant theme:" in table.output
    as_json = runner.invoke(main, ["analyze", example, "--json"])
    assert set(json.loads(as_json.output)) == {"dominant", "labels", "scores", "tags", "references", "paragraphs"}


def test_cli_rejects_non_utf8_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Nghị quyết".encode("utf-16"))
    result = CliRunner().invoke(main, ["analyze", str(bad)])
    assert result.exit_code == 1 and "not UTF-8" in result.output


def test_cli_prepare(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["prepare", str(ROOT / "examples" / "bai_viet_mau.txt"), "--json"])
    data = json.loads(result.output)
    assert len(data["paragraphs"]) == 5 and "_" in data["paragraphs"][1]["segmented"]


def test_cli_refuses_an_untrusted_model_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", "--model", str(tmp_path), "-"], input="Văn bản")
    assert result.exit_code == 1 and "trusted" in result.output


def test_notebooks_are_committed_without_outputs() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [p.name for p in notebooks] == [
        "01_corpus.ipynb", "02_train_and_evaluate.ipynb", "03_media_analysis.ipynb",
    ]  # fmt: skip
    for path in notebooks:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
