"""The label set, defined once and imported everywhere else."""

from __future__ import annotations

EDUCATION = "education"
CYBERSPACE = "cyberspace"
SELF_CRITICISM = "self_criticism"
OTHER = "other"

#: The three themes an article or paragraph can be about, in a fixed order.
THEMES: tuple[str, ...] = (EDUCATION, CYBERSPACE, SELF_CRITICISM)

#: Paragraph labels: exactly one of these per paragraph.
LABELS: tuple[str, ...] = (*THEMES, OTHER)


def check_label(label: str) -> str:
    """Return ``label`` if it is a paragraph label, else raise ``ValueError``."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    return label
