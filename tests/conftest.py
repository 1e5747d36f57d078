"""Shared fixtures. Tests that need the shared corpus texts skip with the reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnpolitics.corpus import CorpusError, corpus_dir


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    try:
        return corpus_dir()
    except CorpusError as error:
        pytest.skip(f"shared corpus texts not available: {error}")
