"""The corpus loader and checks, on a small synthetic corpus; and the real corpus when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures import PARAGRAPHS

from vnpolitics import corpus
from vnpolitics.cli import main
from vnpolitics.text import SPLITTER_VERSION

WEB_TEXT = "\n".join(
    ["Học tập nghị quyết ở xã An Bình", PARAGRAPHS["education"][0], PARAGRAPHS["other"][0], "(0) Bình luận"]
)
SEED_TEXT = "\n".join(["Kiểm điểm cuối năm ở chi bộ", PARAGRAPHS["self_criticism"][0], PARAGRAPHS["other"][1]])


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def texts_dir(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    _write_jsonl(root / "web-excerpts" / "excerpts.jsonl", [{"id": "web-1", "url": "x", "text": WEB_TEXT}])
    _write_jsonl(root / "seeds" / "metadata.jsonl", [{"id": "seed-1", "file": "s1.txt", "title": "t", "date": None}])
    (root / "seeds" / "s1.txt").write_text(SEED_TEXT, encoding="utf-8")
    return root


def _annotations(tmp_path: Path, articles: list[dict], paragraphs: list[dict]) -> Path:
    folder = tmp_path / "ann"
    _write_jsonl(
        folder / "manifest.jsonl",
        [{"id": "web-1", "source": "web-excerpts"}, {"id": "seed-1", "source": "seeds"}],
    )
    _write_jsonl(folder / "annotations" / "articles.jsonl", articles)
    _write_jsonl(folder / "annotations" / "paragraphs.jsonl", paragraphs)
    return folder


def _para(article_id: str, index: int, label: str, splitter: str = SPLITTER_VERSION) -> dict:
    return {"id": article_id, "index": index, "label": label, "splitter": splitter}


GOOD_ARTICLES = [
    {"id": "web-1", "labels": ["education"], "dominant": "education"},
    {"id": "seed-1", "labels": [], "dominant": "other"},
]
GOOD_PARAGRAPHS = [_para("web-1", 0, "education"), _para("web-1", 1, "other")]


def test_load_joins_annotations_with_texts(tmp_path: Path, texts_dir: Path) -> None:
    loaded = corpus.load(_annotations(tmp_path, GOOD_ARTICLES, GOOD_PARAGRAPHS), texts_dir)
    web, seed = loaded.articles
    assert web.article.title == "Học tập nghị quyết ở xã An Bình"
    assert web.paragraph_labels == ("education", "other") and web.paragraphs_explicit
    assert seed.paragraph_labels == ("other", "other") and not seed.paragraphs_explicit
    assert next(iter(loaded.paragraphs())) == ("web-1", 0, PARAGRAPHS["education"][0], "education")
    stats = loaded.stats()
    assert stats["paragraph_labels"] == {"education": 1, "cyberspace": 0, "self_criticism": 0, "other": 3}
    assert len(loaded.annotations_hash) == 64


@pytest.mark.parametrize(
    ("articles", "paragraphs", "message"),
    [
        ([{"id": "web-1", "labels": ["sport"], "dominant": "other"}], [], "unknown label"),
        ([*GOOD_ARTICLES[:1]], [*GOOD_PARAGRAPHS[:1], _para("web-1", 1, "sport")], "unknown label 'sport'"),
        ([{"id": "web-404", "labels": [], "dominant": "other"}], [], "not in manifest"),
        ([*GOOD_ARTICLES[:1]], [*GOOD_PARAGRAPHS, _para("web-1", 7, "other")], "out of range"),
        ([*GOOD_ARTICLES[:1]], [*GOOD_PARAGRAPHS, _para("web-1", 1, "other")], "duplicate paragraph"),
        ([*GOOD_ARTICLES[:1]], [*GOOD_PARAGRAPHS, _para("web-1", 1, "education")], "contradictory"),
        ([*GOOD_ARTICLES, GOOD_ARTICLES[1]], GOOD_PARAGRAPHS, "duplicate article"),
        ([{"id": "web-1", "labels": ["education"], "dominant": "other"}], GOOD_PARAGRAPHS, "contradicts"),
        ([*GOOD_ARTICLES[:1]], GOOD_PARAGRAPHS[:1], r"paragraphs \[1\] not annotated"),
        ([*GOOD_ARTICLES[:1]], [_para("web-1", 0, "education", "0"), GOOD_PARAGRAPHS[1]], "splitter version"),
        ([{"id": "web-1", "labels": ["cyberspace"], "dominant": "cyberspace"}], GOOD_PARAGRAPHS, "on no paragraph"),
        ([{"id": "web-1", "labels": ["education"], "dominant": "education"}], [], "without paragraph annotations"),
    ],
)
def test_check_reports_each_kind_of_error(
    tmp_path: Path, texts_dir: Path, articles: list[dict], paragraphs: list[dict], message: str
) -> None:
    report = corpus.check(_annotations(tmp_path, articles, paragraphs), texts_dir)
    assert not report.ok
    assert any(__import__("re").search(message, e) for e in report.errors), report.errors
    with pytest.raises(corpus.CorpusError):
        corpus.load(_annotations(tmp_path, articles, paragraphs), texts_dir)


def test_missing_text_is_an_error(tmp_path: Path, texts_dir: Path) -> None:
    (texts_dir / "web-excerpts" / "excerpts.jsonl").write_text("", encoding="utf-8")
    report = corpus.check(_annotations(tmp_path, GOOD_ARTICLES, GOOD_PARAGRAPHS), texts_dir)
    assert any("no text with this id" in e for e in report.errors)


def test_corpus_dir_errors_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNPOLITICS_CORPUS_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(corpus.CorpusError, match="VNPOLITICS_CORPUS_DIR"):
        corpus.corpus_dir()


@pytest.mark.parametrize("level", ["paragraph", "article"])
def test_export_writes_one_unit_per_line(tmp_path: Path, texts_dir: Path, level: str) -> None:
    loaded = corpus.load(_annotations(tmp_path, GOOD_ARTICLES, GOOD_PARAGRAPHS), texts_dir)
    out = tmp_path / f"{level}.jsonl"
    count = corpus.export(loaded, level, out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == count
    if level == "paragraph":
        assert count == 4 and rows[0] == {
            "id": "web-1#0",
            "article_id": "web-1",
            "index": 0,
            "text": PARAGRAPHS["education"][0],
            "label": "education",
        }
    else:
        assert count == 2 and rows[0]["labels"] == ["education"] and rows[1]["dominant"] == "other"


def test_agreement_between_passes(tmp_path: Path, texts_dir: Path) -> None:
    folder = _annotations(tmp_path, GOOD_ARTICLES, GOOD_PARAGRAPHS)
    _write_jsonl(folder / "second_pass" / "articles.jsonl", GOOD_ARTICLES)
    _write_jsonl(folder / "second_pass" / "paragraphs.jsonl", [GOOD_PARAGRAPHS[0], _para("web-1", 1, "education")])
    result = corpus.agreement(folder, texts_dir)
    assert result["articles"] == 2 and result["paragraphs"] == 4
    assert result["paragraph_agreement"] == 0.75
    assert [d["paragraphs"] for d in result["disagreements"]] == [
        [{"index": 1, "first": "other", "second": "education"}]
    ]
    only = corpus.agreement(folder, texts_dir, ids={GOOD_ARTICLES[0]["id"]})
    assert only["articles"] == 1 and only["paragraphs"] == 2


def test_cli_check_and_export(tmp_path: Path, texts_dir: Path) -> None:
    folder = _annotations(tmp_path, GOOD_ARTICLES, GOOD_PARAGRAPHS)
    runner = CliRunner()
    args = ["--annotations", str(folder), "--corpus-dir", str(texts_dir)]
    result = runner.invoke(main, ["corpus", "check", *args])
    assert result.exit_code == 0, result.output
    assert "2 articles, 4 paragraphs" in result.output and "corpus OK" in result.output
    out = tmp_path / "p.jsonl"
    result = runner.invoke(main, ["corpus", "export", "--level", "paragraph", "-o", str(out), *args])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 4
    bad = _annotations(tmp_path, GOOD_ARTICLES, [*GOOD_PARAGRAPHS, _para("web-1", 9, "other")])
    result = runner.invoke(main, ["corpus", "check", "--annotations", str(bad), "--corpus-dir", str(texts_dir)])
    assert result.exit_code == 1 and "out of range" in result.output


@pytest.mark.corpus
def test_the_project_corpus_passes_its_checks(shared_corpus: Path) -> None:
    report = corpus.check(texts_dir=shared_corpus)
    assert report.errors == []
    stats = report.stats
    assert stats["articles_by_source"]["baomoi-2017"] >= 400
    assert all(stats["paragraph_labels"][theme] >= 60 for theme in ("education", "cyberspace", "self_criticism"))
