"""Model folders (hash-checked loading) and the analysis API, on a small model trained from fixtures."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from fixtures import PARAGRAPHS

import vnpolitics
from vnpolitics.analysis import Analyzer
from vnpolitics.labels import LABELS, THEMES
from vnpolitics.persistence import ModelError, load_bundle, save_bundle
from vnpolitics.themes import ArticleDecision, paragraph_pipeline

ARTICLE = "\n".join(
    [
        "Xã An Bình học tập nghị quyết và đấu tranh trên không gian mạng",
        "Chia sẻ | Facebook | Zalo",
        PARAGRAPHS["education"][0],
        PARAGRAPHS["cyberspace"][0],
        PARAGRAPHS["other"][0],
        "(0) Bình luận",
    ]
)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = [t for label in LABELS for t in PARAGRAPHS[label]]
    labels = [label for label in LABELS for _ in PARAGRAPHS[label]]
    pipeline = paragraph_pipeline("words", min_df=1).fit(texts, labels)
    decision = ArticleDecision("threshold", threshold=0.4).fit([], [], [])
    folder = tmp_path_factory.mktemp("models") / "tiny"
    save_bundle(folder, {"paragraph": pipeline, "article": decision}, {"name": "tiny", "labels": list(LABELS)})
    return folder


@pytest.fixture(scope="module")
def analyzer(model_dir: Path) -> Analyzer:
    return Analyzer.load(model_dir, trusted=True)


# --- persistence ------------------------------------------------------------------------------


def test_card_records_every_file_hash(model_dir: Path) -> None:
    card = json.loads((model_dir / "card.json").read_text())
    assert set(card["files"]) == {"paragraph.joblib", "article.joblib"}
    assert all(len(digest) == 64 for digest in card["files"].values())
    assert (model_dir / "card.md").read_text().startswith("# Model card: tiny")


def test_untrusted_folder_is_refused(model_dir: Path) -> None:
    with pytest.raises(ModelError, match="trusted=True"):
        load_bundle(model_dir)


def _copy(model_dir: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(model_dir, tmp_path / "copy"))


def _refuse_unpickling(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was unpickled before verification")

    monkeypatch.setattr("vnpolitics.persistence.joblib.load", forbidden)


def test_tampered_file_is_refused_before_unpickling(
    model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _copy(model_dir, tmp_path)
    with open(copy / "article.joblib", "ab") as f:
        f.write(b"\0")
    _refuse_unpickling(monkeypatch)
    with pytest.raises(ModelError, match="SHA-256 does not match"):
        load_bundle(copy, trusted=True)


def test_unknown_or_missing_file_is_refused(model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _copy(model_dir, tmp_path)
    shutil.copy(copy / "article.joblib", copy / "extra.joblib")
    _refuse_unpickling(monkeypatch)
    with pytest.raises(ModelError, match="not in the model card"):
        load_bundle(copy, trusted=True)
    (copy / "extra.joblib").unlink()
    (copy / "paragraph.joblib").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_bundle(copy, trusted=True)


def test_folder_without_card_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"no card\.json"):
        load_bundle(tmp_path, trusted=True)


def test_scikit_learn_version_mismatch_warns(model_dir: Path, tmp_path: Path) -> None:
    copy = _copy(model_dir, tmp_path)
    card = json.loads((copy / "card.json").read_text())
    card["versions"] = {"scikit-learn": "0.0.1"}
    (copy / "card.json").write_text(json.dumps(card))
    with pytest.warns(UserWarning, match="scikit-learn 0.0.1"):
        load_bundle(copy, trusted=True)


# --- analysis ---------------------------------------------------------------------------------


def test_analyze_returns_themes_paragraphs_and_evidence(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    assert [p.index for p in analysis.paragraphs] == [0, 1, 2]
    assert [p.label for p in analysis.paragraphs] == ["education", "cyberspace", "other"]
    assert analysis.labels == ["education", "cyberspace"]
    assert analysis.dominant in analysis.labels
    assert set(analysis.scores) == set(THEMES) and all(0 <= s <= 1 for s in analysis.scores.values())
    for paragraph in analysis.paragraphs:
        assert set(paragraph.scores) == set(LABELS)
        assert sum(paragraph.scores.values()) == pytest.approx(1)
    assert analysis.paragraphs[0].evidence, "an on-theme paragraph has evidence terms"
    assert all(term in analyzer._feature_names for term in analysis.paragraphs[0].evidence)


def test_to_dict_has_exactly_the_documented_keys(analyzer: Analyzer) -> None:
    data = analyzer.analyze(ARTICLE).to_dict()
    assert set(data) == {"dominant", "labels", "scores", "tags", "references", "paragraphs"}
    assert set(data["paragraphs"][0]) == {"index", "text", "label", "scores", "evidence", "references", "tags"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_empty_article_is_other(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("   \n (0) Bình luận \n")
    assert (analysis.dominant, analysis.labels, analysis.paragraphs) == ("other", [], [])
    assert all(s == 0 for s in analysis.scores.values())


@pytest.mark.parametrize(("bad", "message"), [(None, "NoneType"), (b"x", "decode it first"), (3, "int")])
def test_analyze_rejects_non_strings(analyzer: Analyzer, bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        analyzer.analyze(bad)  # type: ignore[arg-type]


def test_classify_paragraphs(analyzer: Analyzer) -> None:
    results = analyzer.classify_paragraphs([PARAGRAPHS["self_criticism"][0], PARAGRAPHS["other"][1]])
    assert [(r.index, r.label) for r in results] == [(0, "self_criticism"), (1, "other")]
    with pytest.raises(TypeError, match="list of str"):
        analyzer.classify_paragraphs("một chuỗi")  # type: ignore[arg-type]


def test_pipe_streams_in_order_with_one_or_two_processes(analyzer: Analyzer) -> None:
    texts = [PARAGRAPHS[label][i] for i in range(5) for label in LABELS]
    expected = [analyzer.analyze(t).to_dict() for t in texts]
    assert [a.to_dict() for a in analyzer.pipe(iter(texts), batch_size=3)] == expected
    assert [a.to_dict() for a in analyzer.pipe(texts, batch_size=2, n_process=2)] == expected
    with pytest.raises(ValueError):
        list(analyzer.pipe(texts, batch_size=0))


def test_analyze_is_thread_safe_and_deterministic(analyzer: Analyzer) -> None:
    texts = [PARAGRAPHS[label][i] for i in range(8) for label in LABELS]
    expected = {t: analyzer.analyze(t).to_dict() for t in texts}
    failures: list[str] = []

    def work() -> None:
        for text in texts:
            if analyzer.analyze(text).to_dict() != expected[text]:
                failures.append(text)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_references_are_listed_per_article_and_paragraph(analyzer: Analyzer) -> None:
    text = "\n".join(
        [
            "Học tập Nghị quyết 35 ở An Bình",
            "Chi bộ quán triệt Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị cho đảng viên.",
            "Giá lúa tăng nhẹ trong tuần qua do nhu cầu xuất khẩu tăng mạnh.",
        ]
    )
    analysis = analyzer.analyze(text)
    assert [(r.id, r.paragraph) for r in analysis.references] == [("35-NQ/TW", None), ("35-NQ/TW", 0)]
    assert [r.id for r in analysis.paragraphs[0].references] == ["35-NQ/TW"]
    assert analysis.paragraphs[1].references == []
    assert analysis.tags == [] and analysis.paragraphs[0].tags == []  # this model has no tagger


# --- the shipped model ------------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "bai_viet_mau.txt"


def test_shipped_model_analyses_the_bundled_example() -> None:
    analysis = vnpolitics.analyze(EXAMPLE.read_text(encoding="utf-8"))
    assert len(analysis.paragraphs) == 5
    assert {"education", "cyberspace"} <= set(analysis.labels)
    assert analysis.paragraphs[-1].label == "other"  # the road-building paragraph


def test_shipped_model_card_matches_its_files() -> None:
    analyzer = vnpolitics.load()
    assert analyzer.card["labels"] == list(LABELS)
    assert analyzer.card["metrics"]["paragraph_macro_f1_themes"] > 0
    assert set(analyzer.card["tags"]) <= set(vnpolitics.TAGS)


def test_shipped_model_tags_the_example_and_its_paragraphs() -> None:
    analysis = vnpolitics.analyze(EXAMPLE.read_text(encoding="utf-8"))
    names = [t.name for t in analysis.tags]
    assert names and set(names) <= set(vnpolitics.TAGS)
    assert all(0 <= t.score <= 1 for t in analysis.tags)
    for paragraph in analysis.paragraphs:
        assert {t.name for t in paragraph.tags} <= set(names)
